#!/bin/bash
# Tier-2 consumer (server side): webfsd (package webfs, linked to
# libgnutls.so.30), a static HTTP server, in TLS mode (-S) on the real GnuTLS
# and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH), served to curl (OpenSSL)
# and to the real gnutls-cli.
#  - curl downloads 2 MB intact (sha256) over TLS 1.3 and over TLS 1.2;
#  - the real gnutls-cli fetches a page; the session it describes (protocol,
#    key exchange, signature, cipher) is the one it describes on GnuTLS;
#  - a leaf signed by an intermediate CA, with the chain in webfsd's
#    certificate file: curl, trusting only the root, accepts it;
#  - curl refuses the server when it trusts only another CA, and when the
#    server's certificate names another host.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require webfsd curl gnutls-cli openssl sha256sum
gn_require_build
gn_init consumer2-webfsd
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
www=$GN_TMP/www
mkdir -p "$www"
head -c $((2 * 1024 * 1024)) /dev/urandom >"$www/big.bin"
echo "webfsd over gnossl $$" >"$www/small.txt"
want=$(sha256sum <"$www/big.bin")
# webfsd's -C file: certificate (and chain), then the key.
cat "$pki/server.pem" "$pki/server.key" >"$GN_TMP/server.pem"
cat "$pki/chained.pem" "$pki/int-ca.pem" "$pki/chained.key" >"$GN_TMP/chained.pem"
cat "$pki/wrongname.pem" "$pki/wrongname.key" >"$GN_TMP/wrongname.pem"

# start_webfsd MODE NAME CERTFILE -> PORT, SRV
start_webfsd() {
    PORT=$(gn_free_port) || return 1
    GN_TIMEOUT=60 gn_prefix "$1"
    gn_start "webfsd-$2" "${GN_PFX[@]}" webfsd -F -i 127.0.0.1 -p "$PORT" -r "$www" -S -C "$3"
    SRV=$GN_LAST_PID
    gn_wait_port "$PORT" "$SRV" || { gn_show "$GN_TMP/webfsd-$2.log"; return 1; }
}
ccurl() { # PORT PATH OUT CAFILE [curl options...] -> HTTP code
    local port=$1 path=$2 out=$3 ca=$4
    shift 4
    rm -f "$out"
    timeout 20 curl -sS --http1.1 --noproxy '*' --cacert "$ca" -o "$out" -w '%{http_code}' \
        "$@" "https://127.0.0.1:$port$path" 2>>"$GN_TMP/curl.log"
}

# served MODE NAME CERTFILE yes|no WHAT: a webfsd (MODE) with CERTFILE serves
# curl (trusting our CA) a page, or curl refuses it.
served() {
    local code
    start_webfsd "$1" "$2-$1" "$3" || { gn_fail "$1: webfsd with $3 did not start"; return; }
    code=$(ccurl "$PORT" /small.txt "$out" "$pki/ca.pem")
    if [ "$4" = yes ] && [ "$code" = 200 ] && cmp -s "$out" "$www/small.txt"; then
        gn_pass "$1: $5"
    elif [ "$4" = no ] && [ "$code" != 200 ] && ! [ -s "$out" ]; then
        gn_pass "$1: $5 ($(grep "^curl:" "$GN_TMP/curl.log" | tail -n 1 | cut -c1-100))"
    else
        gn_fail "$1: not so: $5 (HTTP $code)"
        gn_show "$GN_TMP/curl.log"
    fi
    gn_stop "$SRV"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/webfsd || continue
    : >"$GN_TMP/curl.log"
    out=$GN_TMP/out-$mode
    if start_webfsd "$mode" "$mode" "$GN_TMP/server.pem"; then
        for v in "--tlsv1.3|TLS 1.3" "--tlsv1.2 --tls-max 1.2|TLS 1.2"; do
            IFS='|' read -r opts what <<<"$v"
            # shellcheck disable=SC2086
            code=$(ccurl "$PORT" /big.bin "$out" "$pki/ca.pem" $opts)
            if [ "$code" = 200 ] && [ "$(sha256sum <"$out")" = "$want" ]; then
                gn_pass "$mode: curl downloads 2 MB from webfsd over $what, sha256 matches"
            else
                gn_fail "$mode: curl download from webfsd over $what (HTTP $code)"
                gn_show "$GN_TMP/curl.log"
                gn_show "$GN_TMP/webfsd-$mode.log"
            fi
        done
        if gn_converse "$GN_TMP/cli.log" 'GET /small.txt HTTP/1.0\r\n\r\n' "webfsd over gnossl $$" \
                timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" -p "$PORT" 127.0.0.1; then
            desc=$(sed -n 's/^- Description: //p' "$GN_TMP/cli.log")
            if gn_like_real "$mode" desc "$desc"; then
                gn_pass "$mode: the real gnutls-cli fetches a page from webfsd ($desc, as on GnuTLS)"
            else
                gn_fail "$mode: gnutls-cli describes the session as $desc, on GnuTLS $(gn_real_value desc)"
            fi
        else
            gn_fail "$mode: real gnutls-cli against webfsd"
            gn_show "$GN_TMP/cli.log"
        fi
        code=$(ccurl "$PORT" /small.txt "$out" "$pki/rogue-ca.pem")
        if [ "$code" != 200 ] && ! [ -s "$out" ]; then
            gn_pass "$mode: curl trusting another CA refuses webfsd ($(grep "^curl:" "$GN_TMP/curl.log" | tail -n 1 | cut -c1-100))"
        else
            gn_fail "$mode: curl trusting another CA got a page from webfsd (HTTP $code)"
        fi
        gn_stop "$SRV"
    else
        gn_fail "$mode: webfsd did not start"
    fi

    served "$mode" chained "$GN_TMP/chained.pem" yes \
        "webfsd sends the intermediate CA from its certificate file; curl accepts the chain"
    served "$mode" wrong "$GN_TMP/wrongname.pem" no "curl refuses webfsd's certificate for another host"
done

gn_finish
