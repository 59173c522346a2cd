#!/bin/bash
# Tier-2 consumer: apt's https acquire method (/usr/lib/apt/methods/http,
# linked to libgnutls.so.30), driven by `apt-helper download-file`, against
# small HTTPS servers of ours (Python, OpenSSL) on 127.0.0.1, on the real
# GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH):
#  - downloads from a TLS 1.3 and a TLS 1.2 server, CA given with
#    Acquire::https::CaInfo: the bytes arrive intact, the server logs the
#    version, the same as with GnuTLS;
#  - a server requiring client certificates: apt's SslCert/SslKey from the
#    test CA are accepted; without them the download fails;
#  - an unknown CA, a certificate for another host name and an expired one
#    are refused, and apt's message (GnuTLS's verification status text) is
#    the one it prints on GnuTLS.
# apt-helper runs the method as a child process: glibc's LD_DEBUG=files log
# that gn_run keeps (one file per process, tagged per download) shows which
# libgnutls.so.30 the method itself ran.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require python3 openssl
helper=/usr/lib/apt/apt-helper
method=/usr/lib/apt/methods/http
[ -x "$helper" ] && [ -x "$method" ] || { gn_log "SKIP: apt's apt-helper or https method not installed"; exit 77; }
gn_require_build
gn_init consumer2-apt
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
www=$GN_TMP/www
mkdir -p "$www"
payload="apt over GnuTLS $$ $(openssl rand -hex 24)"
printf '%s\n' "$payload" >"$www/file.txt"

cat >"$GN_TMP/https.py" <<'PY'
import http.server, ssl, sys
port, cert, key, root, opt, ca = sys.argv[1:7]
class H(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=root, **kw)
    def log_message(self, *a):
        sys.stderr.write("%s %s %s\n" % (self.command, self.path, self.connection.version()))
        sys.stderr.flush()
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
if opt == "tls12":
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
elif opt == "mtls":
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(ca)
srv = http.server.HTTPServer(("127.0.0.1", int(port)), H)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
PY

# name -> "certificate option" (the servers are OpenSSL: not under test)
declare -A PORT SRV=([tls13]="server -" [tls12]="server tls12" [mtls]="server mtls"
                     [rogue]="rogue -" [wrongname]="wrongname -" [expired]="expired -")
for n in tls13 tls12 mtls rogue wrongname expired; do
    read -r cert opt <<<"${SRV[$n]}"
    PORT[$n]=$(gn_free_port) || exit 1
    gn_start "https-$n" timeout 110 python3 "$GN_TMP/https.py" "${PORT[$n]}" "$pki/$cert.pem" "$pki/$cert.key" \
        "$www" "$opt" "$pki/ca.pem"
    gn_wait_port "${PORT[$n]}" "$GN_LAST_PID" 15 || { gn_fail "the $n server did not start"; gn_show "$GN_TMP/https-$n.log"; gn_finish; }
done

# fetch MODE NAME TAG [apt options...]: download file.txt from server NAME
# into $GN_TMP/got-TAG-MODE; apt-helper's output in $GN_TMP/apt-TAG-MODE.log;
# the loader logs of its processes are $GN_TMP/ldproof/MODE/TAG.*.
fetch() {
    local mode=$1 n=$2 tag=$3
    shift 3
    rm -f "$GN_TMP/got-$tag-$mode"
    GN_LDPROOF_TAG=$tag gn_run "$mode" "$helper" \
        -o APT::Sandbox::User=root -o Acquire::Retries=0 -o Acquire::https::CaInfo="$pki/ca.pem" "$@" \
        download-file "https://127.0.0.1:${PORT[$n]}/file.txt" "$GN_TMP/got-$tag-$mode" \
        >"$GN_TMP/apt-$tag-$mode.log" 2>&1
}

# method_lib TAG MODE: the libgnutls.so.30 the https method process ran
method_lib() {
    local f
    f=$(grep -l "initialize program: $method" "$GN_TMP/ldproof/$2/$1".* 2>/dev/null | head -n 1)
    [ -n "$f" ] && sed -n 's/.*calling init: \(.*libgnutls\.so\.30\)$/\1/p' "$f" | head -n 1
}

# method_mode TAG MODE: the method ran the library MODE means
method_mode() {
    local lib ours
    lib=$(method_lib "$1" "$2")
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30")
    [ -n "$lib" ] || return 1
    lib=$(readlink -f "$lib")
    if [ "$2" = real ]; then [ "$lib" != "$ours" ]; else [ "$lib" = "$ours" ]; fi
}

# served NAME MARK: the server logged a GET of file.txt after line MARK; prints its TLS version
served() {
    tail -n +$(($2 + 1)) "$GN_TMP/https-$1.log" | sed -n 's/^GET \/file.txt //p' | head -n 1
}

# apt_error TAG MODE: apt's reason, without the [IP: ...] suffix
apt_error() {
    sed -n 's/^  \(.*\) \[IP: [0-9.]* [0-9]*\]$/\1/p' "$GN_TMP/apt-$1-$2.log" | head -n 1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$method" || continue

    for n in tls13 tls12 mtls; do
        opts=()
        what="a TLS 1.3 server"
        [ "$n" = tls12 ] && what="a TLS 1.2-only server"
        if [ "$n" = mtls ]; then
            what="a server requiring a client certificate (apt's SslCert/SslKey)"
            opts=(-o Acquire::https::SslCert="$pki/client.pem" -o Acquire::https::SslKey="$pki/client.key")
        fi
        mark=$(wc -l <"$GN_TMP/https-$n.log")
        fetch "$mode" "$n" "$n" "${opts[@]}"
        rc=$?
        ver=$(served "$n" "$mark")
        GN_WHY=
        gn_req "apt-helper exit 0 (got $rc)" [ $rc -eq 0 ]
        gn_req "bytes intact" [ "$(cat "$GN_TMP/got-$n-$mode" 2>/dev/null)" = "$payload" ]
        gn_req "the server served the GET" [ -n "$ver" ]
        gn_req "the https method ran the $mode GnuTLS (it ran '$(method_lib "$n" "$mode")')" method_mode "$n" "$mode"
        gn_verdict "$mode: apt downloads a file over HTTPS from $what ($ver)" || gn_show "$GN_TMP/apt-$n-$mode.log"
        if [ -n "$ver" ] && gn_like_real "$mode" "ver-$n" "$ver"; then
            gn_pass "$mode: $what negotiated $ver with apt, as with GnuTLS"
        else
            gn_fail "$mode: $what negotiated '$ver', with GnuTLS '$(gn_real_value "ver-$n")'"
        fi
    done

    for case in "mtls|nocert|a server requiring a client certificate, none configured" \
                "rogue|rogue|a certificate from an unknown CA" \
                "wrongname|wrongname|a certificate for another host name" \
                "expired|expired|an expired certificate"; do
        IFS='|' read -r n tag what <<<"$case"
        mark=$(wc -l <"$GN_TMP/https-$n.log")
        fetch "$mode" "$n" "$tag"
        rc=$?
        why=$(apt_error "$tag" "$mode")
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ $rc -ne 125 ] && [ -z "$(served "$n" "$mark")" ] &&
           [ ! -s "$GN_TMP/got-$tag-$mode" ] && [ -n "$why" ] && method_mode "$tag" "$mode"; then
            gn_pass "$mode: apt refuses $what (${why:0:110})"
            # apt's message: its own words, the verification status as
            # gnutls_certificate_verification_status_print words it, then
            # gnutls_strerror's text, which gnossl words its own way (only
            # the error code is interface): compared up to that text.
            why=${why%%Could not handshake: *}
            if gn_like_real "$mode" "why-$tag" "$why"; then
                gn_pass "$mode: apt's reason for refusing $what is the one it gives on GnuTLS"
            else
                gn_fail "$mode: apt says '$why' for $what, on GnuTLS '$(gn_real_value "why-$tag")'"
            fi
        else
            gn_fail "$mode: apt with $what (exit $rc) was not refused as expected"
            gn_show "$GN_TMP/apt-$tag-$mode.log"
        fi
    done
done

gn_finish
