#!/bin/bash
# Tier-2 consumer: Debian's lynx (GnuTLS build) dumps an https page and
# downloads a file (-source) from a local `openssl s_server -WWW`, trusting
# the test CA through SSL_CERT_FILE, on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH).  Lynx checks the host name against the
# certificate's DNS names itself, so the URLs say "localhost".
#  - the page is rendered; a 1 MB file arrives intact (sha256);
#  - a leaf sent with its intermediate CA is accepted;
#  - a certificate from an unknown CA and one for another host are refused
#    (lynx asks whether to continue; not interactive, it answers no).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/https.sh"
gn_require lynx openssl sha256sum
gn_require_build
gn_init consumer2-lynx
export LC_ALL=C HOME=$GN_TMP SSL_CERT_FILE=$GN_TMP/pki/ca.pem
unset SSL_CERT_DIR

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
www=$GN_TMP/www
mkdir -p "$www"
echo "<html><body><p>gnossl lynx page $$</p></body></html>" >"$www/page.html"
head -c $((1024 * 1024)) /dev/urandom >"$www/big.bin"
gn2_www_set "$pki" "$www" || exit 1
lynx=$(readlink -f "$(command -v lynx)")

run_lynx() { # MODE OUT ARGS...
    local mode=$1 out=$2
    shift 2
    gn_run "$mode" "$lynx" -noreferer -nopause "$@" </dev/null >"$out" 2>"$GN_TMP/lynx.err"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$lynx" || continue

    if run_lynx "$mode" "$GN_TMP/page-$mode" -dump "https://localhost:$PORT_good/page.html" &&
       grep -q "gnossl lynx page $$" "$GN_TMP/page-$mode"; then
        gn_pass "$mode: lynx -dump renders the https page"
    else
        gn_fail "$mode: lynx -dump of the https page (exit $?)"
        gn_show "$GN_TMP/page-$mode"
        gn_show "$GN_TMP/lynx.err"
    fi

    if run_lynx "$mode" "$GN_TMP/big-$mode" -source "https://localhost:$PORT_good/big.bin" &&
       [ "$(sha256sum <"$GN_TMP/big-$mode")" = "$(sha256sum <"$www/big.bin")" ]; then
        gn_pass "$mode: lynx -source downloads 1 MB over https, sha256 matches"
    else
        gn_fail "$mode: lynx -source download (exit $?, $(stat -c %s "$GN_TMP/big-$mode") bytes)"
        gn_show "$GN_TMP/lynx.err"
    fi

    if run_lynx "$mode" "$GN_TMP/chained-$mode" -dump "https://localhost:$PORT_chained/page.html" &&
       grep -q "gnossl lynx page $$" "$GN_TMP/chained-$mode"; then
        gn_pass "$mode: lynx accepts a leaf sent with its intermediate CA"
    else
        gn_fail "$mode: lynx through an intermediate CA (exit $?)"
        gn_show "$GN_TMP/chained-$mode"
        gn_show "$GN_TMP/lynx.err"
    fi

    for case in "rogue|a certificate from an unknown CA" "wrong|a certificate for another host name"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        # -trace writes $HOME/Lynx.trace, where the (unanswered) question is.
        rm -f "$GN_TMP/Lynx.trace"
        run_lynx "$mode" "$GN_TMP/$name-$mode" -trace -dump "https://localhost:${!port}/page.html"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! grep -q "gnossl lynx page" "$GN_TMP/$name-$mode" &&
           grep -q "Confirm: SSL error" "$GN_TMP/Lynx.trace"; then
            gn_pass "$mode: lynx refuses $what ($(grep -m1 -o 'SSL error.*' "$GN_TMP/Lynx.trace" | cut -c1-100))"
        else
            gn_fail "$mode: lynx did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/$name-$mode"
            gn_show "$GN_TMP/lynx.err"
            gn_log "  trace: $(grep -m3 -i 'ssl\|cert' "$GN_TMP/Lynx.trace" 2>/dev/null | tr '\n' ' ')"
        fi
    done
done

gn_finish
