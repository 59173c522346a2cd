#!/bin/bash
# Real consumer: Debian's wget (linked to libgnutls.so.30) downloads over HTTPS
# from a local `openssl s_server -WWW`, on the real GnuTLS and through gnossl
# (LD_PRELOAD and LD_LIBRARY_PATH).
#  - a small file and an 11 MB file arrive intact (sha256 compared);
#  - a server whose certificate comes from an unknown CA is refused;
#  - a server whose certificate names another host is refused;
#  - a leaf sent with its intermediate CA is accepted; a leaf "issued" by
#    another leaf (CA:FALSE), expired and not-yet-valid certificates are refused.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require wget openssl sha256sum
gn_require_build
gn_init consumer-wget
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
www=$GN_TMP/www
mkdir -p "$www"
echo "gnossl small file $$" >"$www/small.txt"
head -c $((11 * 1024 * 1024)) /dev/urandom >"$www/big.bin"

# One server per certificate; s_server -WWW serves files relative to its cwd.
start_www() { # NAME CERT [CHAIN] -> sets PORT_<NAME>
    local port chain=()
    port=$(gn_free_port) || exit 1
    [ -n "${3:-}" ] && chain=(-cert_chain "$pki/$3.pem")
    (cd "$www" && exec openssl s_server -WWW -accept "127.0.0.1:$port" \
        -cert "$pki/$2.pem" -key "$pki/$2.key" "${chain[@]}") </dev/null >"$GN_TMP/srv-$1.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/srv-$1.log"; exit 1; }
    printf -v "PORT_$1" '%s' "$port"
}
start_www good server
start_www rogue rogue
start_www wrong wrongname
start_www expired expired
start_www notyet notyet
start_www chained chained int-ca
start_www evil evil server

# fetch MODE PORT FILE OUT : wget with our CA; output in $GN_TMP/wget.log
fetch() {
    gn_run "$1" wget --no-verbose --tries=1 --timeout=15 \
        --no-proxy --ca-certificate="$pki/ca.pem" -O "$4" \
        "https://127.0.0.1:$2/$3" >"$GN_TMP/wget.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/wget || continue

    for f in small.txt big.bin; do
        out=$GN_TMP/got-$mode-$f
        if fetch "$mode" "$PORT_good" "$f" "$out" &&
           [ "$(sha256sum <"$out")" = "$(sha256sum <"$www/$f")" ]; then
            gn_pass "$mode: wget downloads $f ($(stat -c %s "$www/$f") bytes), sha256 matches"
        else
            gn_fail "$mode: wget download of $f (exit $?)"
            gn_show "$GN_TMP/wget.log"
        fi
        rm -f "$out"
    done

    out=$GN_TMP/got-$mode-chained
    if fetch "$mode" "$PORT_chained" small.txt "$out" && cmp -s "$out" "$www/small.txt"; then
        gn_pass "$mode: wget accepts a leaf sent with its intermediate CA"
    else
        gn_fail "$mode: wget download through an intermediate CA (exit $?)"
        gn_show "$GN_TMP/wget.log"
    fi

    # wget exits 5 on an SSL verification failure; its message says why.
    for case in "rogue|doesn't have a known issuer|a certificate from an unknown CA" \
                "wrong|does not match hostname|a certificate for another host name" \
                "evil|was not a CA|a leaf signed by another leaf (CA:FALSE)" \
                "expired|has expired|an expired certificate" \
                "notyet|is not yet activated|a certificate that is not yet valid"; do
        IFS='|' read -r name text what <<<"$case"
        port=PORT_$name
        fetch "$mode" "${!port}" small.txt "$GN_TMP/$name-$mode"
        rc=$?
        if [ $rc -eq 5 ] && grep -q "$text" "$GN_TMP/wget.log" && ! [ -s "$GN_TMP/$name-$mode" ]; then
            gn_pass "$mode: wget refuses $what (exit 5)"
        else
            gn_fail "$mode: wget did not refuse $what as expected (exit $rc)"
            gn_show "$GN_TMP/wget.log"
        fi
    done
done

gn_finish
