#!/bin/bash
# Tier-2 consumer: Debian's elinks (GnuTLS build) dumps an https page and
# its source from a local `openssl s_server -WWW`, on the real GnuTLS and
# through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).  elinks verifies only when
# told to: connection.ssl.cert_verify = 1, trusted_ca_file = the test CA.
#  - the page is rendered; its source (-source) is byte for byte the file;
#  - a leaf sent with its intermediate CA is accepted;
#  - a certificate from an unknown CA and one for another host are refused.
# connection.retries = 1: elinks's first handshake uses the priority string
# "NORMAL:-VERS-TLS1.1:-VERS-SSL3.0" (TLS 1.0, 1.2, 1.3: a hole at 1.1) and,
# if it fails, silently retries with a TLS-1.3-only string.  On the real
# GnuTLS the first handshake succeeds (TLS 1.3); the test holds gnossl to
# that instead of letting the fallback hide a failed handshake.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/https.sh"
gn_require elinks openssl cmp
gn_require_build
gn_init consumer2-elinks
export LC_ALL=C HOME=$GN_TMP

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
www=$GN_TMP/www
mkdir -p "$www"
{
    echo "<html><body><p>gnossl elinks page $$</p><pre>"
    head -c 60000 /dev/urandom | base64 -w 76
    echo "</pre></body></html>"
} >"$www/page.html"
gn2_www_set "$pki" "$www" || exit 1
elinks=$(readlink -f "$(command -v elinks)")

run_elinks() { # MODE OUT URL [-source]
    gn_run "$1" "$elinks" -no-home -no-connect \
        -eval 'set connection.ssl.cert_verify = 1' \
        -eval "set connection.ssl.trusted_ca_file = \"$pki/ca.pem\"" \
        -eval 'set connection.retries = 1' \
        -eval 'set connection.receive_timeout = 15' \
        "${4:--dump}" "$3" </dev/null >"$2" 2>"$GN_TMP/elinks.err"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$elinks" || continue

    ok=0
    if run_elinks "$mode" "$GN_TMP/page-$mode" "https://127.0.0.1:$PORT_good/page.html" &&
       grep -q "gnossl elinks page $$" "$GN_TMP/page-$mode"; then
        gn_pass "$mode: elinks -dump renders the https page"
        ok=1
    else
        gn_fail "$mode: elinks -dump of the https page (exit $?)"
        gn_show "$GN_TMP/elinks.err"
    fi

    if run_elinks "$mode" "$GN_TMP/src-$mode" "https://127.0.0.1:$PORT_good/page.html" -source &&
       cmp -s "$GN_TMP/src-$mode" "$www/page.html"; then
        gn_pass "$mode: elinks -source returns the $(stat -c %s "$www/page.html")-byte file intact"
    else
        gn_fail "$mode: elinks -source (exit $?)"
        gn_show "$GN_TMP/elinks.err"
    fi

    if run_elinks "$mode" "$GN_TMP/chained-$mode" "https://127.0.0.1:$PORT_chained/page.html" &&
       grep -q "gnossl elinks page $$" "$GN_TMP/chained-$mode"; then
        gn_pass "$mode: elinks accepts a leaf sent with its intermediate CA"
    else
        gn_fail "$mode: elinks through an intermediate CA (exit $?)"
        gn_show "$GN_TMP/elinks.err"
    fi

    for case in "rogue|a certificate from an unknown CA" "wrong|a certificate for another host name"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        run_elinks "$mode" "$GN_TMP/$name-$mode" "https://127.0.0.1:${!port}/page.html"
        rc=$?
        if [ $ok = 0 ]; then
            # elinks says only "SSL error": a refusal by a client that
            # connects nowhere proves nothing.
            gn_log "  (not counted: $mode: refusal of $what, elinks reaches no server)"
        elif [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! grep -q "gnossl elinks page" "$GN_TMP/$name-$mode" &&
           grep -q "SSL error" "$GN_TMP/elinks.err"; then
            gn_pass "$mode: elinks refuses $what (exit $rc: $(head -n 1 "$GN_TMP/elinks.err"))"
        else
            gn_fail "$mode: elinks did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/$name-$mode"
            gn_show "$GN_TMP/elinks.err"
        fi
    done
done

gn_finish
