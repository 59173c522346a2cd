#!/bin/bash
# Tier-2 consumer: Debian's aria2c (libaria2 on GnuTLS) downloads over HTTPS
# from local `openssl s_server -WWW` servers, trusting only the test CA
# (--ca-certificate), on the real GnuTLS and through gnossl (LD_PRELOAD,
# LD_LIBRARY_PATH).
#  - a 5 MB file arrives intact;
#  - a leaf sent with its intermediate CA is accepted;
#  - a certificate from an unknown CA and one for another host are refused.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/https.sh"
gn_require aria2c openssl sha256sum
gn_require_build
gn_init consumer2-aria2
export LC_ALL=C HOME=$GN_TMP

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
www=$GN_TMP/www
mkdir -p "$www"
head -c $((5 * 1024 * 1024)) /dev/urandom >"$www/big.bin"
want=$(sha256sum <"$www/big.bin")
gn2_www_set "$pki" "$www" || exit 1
aria2c=$(readlink -f "$(command -v aria2c)")

get() { # MODE PORT OUT [aria2c options...]
    local mode=$1 port=$2 out=$3
    shift 3
    rm -f "$out" "$out.aria2"
    gn_run "$mode" "$aria2c" --no-conf=true --console-log-level=error --summary-interval=0 \
        --ca-certificate="$pki/ca.pem" --check-certificate=true --max-tries=1 --timeout=15 \
        --allow-overwrite=true -d "$(dirname "$out")" -o "$(basename "$out")" "$@" \
        "https://127.0.0.1:$port/big.bin" >"$GN_TMP/aria2.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$aria2c" || continue
    out=$GN_TMP/out-$mode.bin

    if get "$mode" "$PORT_good" "$out" && [ "$(sha256sum <"$out")" = "$want" ]; then
        gn_pass "$mode: aria2c downloads 5 MB over HTTPS, sha256 matches"
    else
        gn_fail "$mode: aria2c download (exit $?)"
        gn_show "$GN_TMP/aria2.log"
    fi

    if get "$mode" "$PORT_chained" "$out" && [ "$(sha256sum <"$out")" = "$want" ]; then
        gn_pass "$mode: aria2c accepts a leaf sent with its intermediate CA"
    else
        gn_fail "$mode: aria2c through an intermediate CA (exit $?)"
        gn_show "$GN_TMP/aria2.log"
    fi

    for case in "rogue|a certificate from an unknown CA" "wrong|a certificate for another host name"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        get "$mode" "${!port}" "$out"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! [ -s "$out" ] &&
           grep -qiE 'TLS|certificate|SSL' "$GN_TMP/aria2.log"; then
            gn_pass "$mode: aria2c refuses $what (exit $rc: $(grep -m1 -ioE '(TLS|SSL|certificate)[^.]*' "$GN_TMP/aria2.log" | cut -c1-100))"
        else
            gn_fail "$mode: aria2c did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/aria2.log"
        fi
    done
done

gn_finish
