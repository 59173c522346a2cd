#!/bin/bash
# Tier-2 consumer (server side): a libmicrohttpd HTTPS server
# (compat-tests/programs2/mhd-https-server.c; libmicrohttpd does TLS with
# GnuTLS, the program checks client certificates with
# gnutls_certificate_verify_peers2) on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH), served to curl (OpenSSL) and to the real
# gnutls-cli.
#  - curl downloads 2 MB intact (sha256);
#  - a client certificate from the trusted CA is accepted and its subject DN
#    read (TLS 1.3 with curl; TLS 1.2 and 1.3 with gnutls-cli);
#  - no client certificate, and one from an unknown CA, get 403.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require cc pkg-config curl gnutls-cli openssl sha256sum
gn_require_build
pkg-config --exists libmicrohttpd gnutls || { gn_log "SKIP: libmicrohttpd-dev / libgnutls28-dev not installed"; exit 77; }
gn_init consumer2-mhd
export LC_ALL=C

prog=$GN_TMP/mhd-https-server
cc -Wall -Wextra -Werror -o "$prog" "$GNOSSL_SRC/compat-tests/programs2/mhd-https-server.c" \
    $(pkg-config --cflags --libs libmicrohttpd gnutls) || { gn_fail "cannot compile mhd-https-server.c"; gn_finish; }

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
head -c $((2 * 1024 * 1024)) /dev/urandom >"$GN_TMP/big.bin"
want=$(sha256sum <"$GN_TMP/big.bin")

ccurl() { # PORT PATH OUT [curl options...] -> HTTP code on stdout
    local port=$1 path=$2 out=$3
    shift 3
    timeout 20 curl -sS --noproxy '*' --cacert "$pki/ca.pem" -o "$out" -w '%{http_code}' \
        "$@" "https://127.0.0.1:$port$path" 2>>"$GN_TMP/curl.log"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$prog" || continue
    port=$(gn_free_port) || exit 1
    GN_TIMEOUT=50 gn_prefix "$mode"
    gn_start "mhd-$mode" "${GN_PFX[@]}" "$prog" "$port" "$pki/server.pem" "$pki/server.key" \
        "$pki/ca.pem" "$GN_TMP/big.bin"
    srv=$GN_LAST_PID
    gn_wait_port "$port" "$srv" || { gn_fail "$mode: server did not start"; gn_show "$GN_TMP/mhd-$mode.log"; continue; }
    : >"$GN_TMP/curl.log"

    out=$GN_TMP/out-$mode
    code=$(ccurl "$port" /file "$out")
    if [ "$code" = 200 ] && [ "$(sha256sum <"$out")" = "$want" ]; then
        gn_pass "$mode: curl (OpenSSL) downloads 2 MB from the libmicrohttpd server, sha256 matches"
    else
        gn_fail "$mode: curl download from libmicrohttpd (HTTP $code)"
        gn_show "$GN_TMP/curl.log"
        gn_show "$GN_TMP/mhd-$mode.log"
    fi

    code=$(ccurl "$port" /whoami "$out" --cert "$pki/client.pem" --key "$pki/client.key")
    if [ "$code" = 200 ] && grep -q '^client: CN=gnossl test client$' "$out"; then
        gn_pass "$mode: curl's client certificate is verified and read by the server ($(cat "$out"))"
    else
        gn_fail "$mode: client certificate from curl (HTTP $code: $(head -c 200 "$out" 2>/dev/null))"
        gn_show "$GN_TMP/curl.log"
        gn_show "$GN_TMP/mhd-$mode.log"
    fi

    for case in "none|no client certificate" "rogue|a client certificate from an unknown CA"; do
        IFS='|' read -r name what <<<"$case"
        opts=()
        [ "$name" = rogue ] && opts=(--cert "$pki/rogue-client.pem" --key "$pki/rogue-client.key")
        code=$(ccurl "$port" /whoami "$out" "${opts[@]}")
        if [ "$code" = 403 ]; then
            gn_pass "$mode: the server refuses $what (403: $(head -n 1 "$out"))"
        else
            gn_fail "$mode: the server did not refuse $what (HTTP $code: $(head -c 200 "$out" 2>/dev/null))"
            gn_show "$GN_TMP/mhd-$mode.log"
        fi
    done

    # The real gnutls-cli (no prefix: always the real GnuTLS) as the client.
    for prio in "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2|TLS 1.2" "NORMAL|TLS 1.3"; do
        IFS='|' read -r p what <<<"$prio"
        if gn_converse "$GN_TMP/cli.log" 'GET /whoami HTTP/1.0\r\n\r\n' 'client: CN=gnossl test client' \
                timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" --priority="$p" \
                --x509certfile="$pki/client.pem" --x509keyfile="$pki/client.key" \
                -p "$port" 127.0.0.1; then
            gn_pass "$mode: real gnutls-cli ($what, client certificate) is identified by the server"
        else
            gn_fail "$mode: real gnutls-cli ($what) with a client certificate"
            gn_show "$GN_TMP/cli.log"
            gn_show "$GN_TMP/mhd-$mode.log"
        fi
    done

    gn_stop "$srv"
done

gn_finish
