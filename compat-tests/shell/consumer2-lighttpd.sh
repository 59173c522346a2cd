#!/bin/bash
# Tier-2 consumer (server side): lighttpd with mod_gnutls (linked to
# libgnutls.so.30), in the foreground with a temp config, on the real GnuTLS
# and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH), served to curl (OpenSSL)
# and to the real gnutls-cli.
#  - curl downloads 3 MB intact (sha256), TLS 1.3 and TLS 1.2;
#  - a second socket enforces client certificates (ssl.verifyclient.*):
#    the client's certificate is accepted and lighttpd reads its CN into
#    REMOTE_USER (ssl.verifyclient.username), seen in the access log;
#  - there, no client certificate and one from an unknown CA are refused;
#  - lighttpd does not mistake the certificate for an OCSP Must-Staple one.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require lighttpd curl gnutls-cli openssl sha256sum
[ -e /usr/lib/lighttpd/mod_gnutls.so ] || { gn_log "SKIP: lighttpd-mod-gnutls not installed"; exit 77; }
gn_require_build
gn_init consumer2-lighttpd
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
www=$GN_TMP/www
mkdir -p "$www"
head -c $((3 * 1024 * 1024)) /dev/urandom >"$www/big.bin"
echo "lighttpd over gnossl $$" >"$www/small.txt"
want=$(sha256sum <"$www/big.bin")

# write_conf PORT MTLSPORT TAG
write_conf() {
    cat >"$GN_TMP/lighttpd-$3.conf" <<CONF
server.document-root = "$www"
server.bind = "127.0.0.1"
server.port = $1
server.errorlog = "$GN_TMP/error-$3.log"
server.modules = ("mod_gnutls", "mod_accesslog")
accesslog.filename = "$GN_TMP/access-$3.log"
accesslog.format = "%h user=%u \"%r\" %>s"
ssl.engine = "enable"
ssl.pemfile = "$pki/server.pem"
ssl.privkey = "$pki/server.key"
\$SERVER["socket"] == "127.0.0.1:$2" {
    ssl.engine = "enable"
    ssl.pemfile = "$pki/server.pem"
    ssl.privkey = "$pki/server.key"
    ssl.ca-file = "$pki/ca.pem"
    ssl.verifyclient.activate = "enable"
    ssl.verifyclient.enforce = "enable"
    ssl.verifyclient.username = "SSL_CLIENT_S_DN_CN"
}
CONF
}

ccurl() { # PORT PATH OUT [curl options...] -> HTTP code
    local port=$1 path=$2 out=$3
    shift 3
    timeout 20 curl -sS --http1.1 --noproxy '*' --cacert "$pki/ca.pem" -o "$out" -w '%{http_code}' \
        "$@" "https://127.0.0.1:$port$path" 2>>"$GN_TMP/curl.log"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/lib/lighttpd/mod_gnutls.so || continue
    port=$(gn_free_port) && mport=$(gn_free_port) || exit 1
    write_conf "$port" "$mport" "$mode"
    GN_TIMEOUT=50 gn_prefix "$mode"
    gn_start "lighttpd-$mode" "${GN_PFX[@]}" lighttpd -D -f "$GN_TMP/lighttpd-$mode.conf"
    srv=$GN_LAST_PID
    if ! gn_wait_port "$port" "$srv" || ! gn_wait_port "$mport" "$srv"; then
        gn_fail "$mode: lighttpd did not start"
        gn_show "$GN_TMP/lighttpd-$mode.log"
        gn_show "$GN_TMP/error-$mode.log"
        continue
    fi
    : >"$GN_TMP/curl.log"
    # The test certificates have no TLS feature extension: lighttpd must not
    # think they demand OCSP stapling (gnutls_x509_tlsfeatures_*).
    if grep -q 'Must-Staple' "$GN_TMP/error-$mode.log" "$GN_TMP/lighttpd-$mode.log"; then
        gn_fail "$mode: lighttpd believes the server certificate is OCSP Must-Staple"
        gn_show "$GN_TMP/lighttpd-$mode.log"
    else
        gn_pass "$mode: lighttpd reads the certificate's TLS features (no Must-Staple)"
    fi

    out=$GN_TMP/out-$mode
    for v in "--tlsv1.3|TLS 1.3" "--tlsv1.2 --tls-max 1.2|TLS 1.2"; do
        IFS='|' read -r opts what <<<"$v"
        # shellcheck disable=SC2086
        code=$(ccurl "$port" /big.bin "$out" $opts)
        if [ "$code" = 200 ] && [ "$(sha256sum <"$out")" = "$want" ]; then
            gn_pass "$mode: curl downloads 3 MB from lighttpd/mod_gnutls over $what, sha256 matches"
        else
            gn_fail "$mode: curl download from lighttpd over $what (HTTP $code)"
            gn_show "$GN_TMP/curl.log"
            gn_show "$GN_TMP/error-$mode.log"
        fi
    done

    if gn_converse "$GN_TMP/cli.log" 'GET /small.txt HTTP/1.0\r\n\r\n' "lighttpd over gnossl $$" \
            timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" -p "$port" 127.0.0.1; then
        gn_pass "$mode: the real gnutls-cli fetches a page from lighttpd"
    else
        gn_fail "$mode: real gnutls-cli against lighttpd"
        gn_show "$GN_TMP/cli.log"
    fi

    code=$(ccurl "$mport" /small.txt "$out" --cert "$pki/client.pem" --key "$pki/client.key")
    mtls_ok=0
    if [ "$code" = 200 ] && cmp -s "$out" "$www/small.txt"; then
        gn_pass "$mode: lighttpd accepts a client certificate from its CA"
        mtls_ok=1
    else
        gn_fail "$mode: client certificate to lighttpd (HTTP $code)"
        gn_show "$GN_TMP/curl.log"
        gn_show "$GN_TMP/error-$mode.log"
    fi
    for case in "none|no client certificate" "rogue|a client certificate from an unknown CA"; do
        IFS='|' read -r name what <<<"$case"
        opts=()
        [ "$name" = rogue ] && opts=(--cert "$pki/rogue-client.pem" --key "$pki/rogue-client.key")
        rm -f "$out"
        code=$(ccurl "$mport" /small.txt "$out" "${opts[@]}")
        if [ $mtls_ok = 0 ]; then
            # A refusal by a server that refuses everyone proves nothing.
            gn_log "  (not counted: $mode: refusal of $what, the socket accepts no one)"
        elif [ "$code" != 200 ] && ! cmp -s "$out" "$www/small.txt"; then
            gn_pass "$mode: lighttpd refuses $what (curl: HTTP $code, $(tail -n 1 "$GN_TMP/curl.log" | cut -c1-120))"
        else
            gn_fail "$mode: lighttpd served the page to $what (HTTP $code)"
            gn_show "$GN_TMP/error-$mode.log"
        fi
    done

    gn_stop "$srv"   # lighttpd writes its access log out when it stops
    if grep -q 'user=gnossl test client "GET /small.txt' "$GN_TMP/access-$mode.log"; then
        gn_pass "$mode: lighttpd read the client certificate's CN into REMOTE_USER (access log)"
    else
        gn_fail "$mode: lighttpd did not set REMOTE_USER from the client certificate's CN"
        gn_show "$GN_TMP/access-$mode.log"
        gn_show "$GN_TMP/error-$mode.log"
    fi
done

gn_finish
