#!/bin/bash
# Tier-2 consumer: Debian's cadaver, a WebDAV client on neon
# (libneon-gnutls.so.27, linked to libgnutls.so.30), against a small WebDAV
# server of ours (Python, OpenSSL) on 127.0.0.1, on the real GnuTLS and
# through gnossl (LD_PRELOAD, LD_LIBRARY_PATH):
#  - trusted server: cadaver opens the collection (OPTIONS, PROPFIND),
#    lists it and downloads a file whose bytes arrive intact; the server
#    logs the TLS version it negotiated, the same as with GnuTLS;
#  - a certificate from an unknown CA, one for another host name and an
#    expired one are all rejected (non-interactive cadaver refuses what neon
#    did not verify), with the same reasons neon gives on GnuTLS, and
#    nothing is downloaded.
# cadaver has no CA option: neon trusts the system store
# (gnutls_certificate_set_x509_system_trust), so the test runs in a private
# mount namespace (unshare -m, root) where the test CA is bind-mounted over
# /etc/ssl/certs/ca-certificates.crt.  The host's file is never touched.
set -u
if [ -z "${GN_CAD_IN_MNTNS:-}" ]; then
    . "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
    gn_require cadaver python3 openssl unshare mount
    gn_require_build
    bundle=/etc/ssl/certs/ca-certificates.crt
    [ "$(id -u)" -eq 0 ] || {
        gn_log "SKIP: needs root for a private mount namespace (cadaver only trusts the system CA store, where the test CA must appear)"
        exit 77
    }
    [ -f "$bundle" ] || { gn_log "SKIP: no $bundle to stand in for"; exit 77; }
    unshare -m true 2>/dev/null || {
        gn_log "SKIP: no mount namespace (unshare -m fails): the test CA cannot be made the system trust store privately"
        exit 77
    }
    export GN_CAD_IN_MNTNS=1 GNOSSL_SRC GNOSSL_BUILD
    exec unshare -m -- bash "${BASH_SOURCE[0]}" "$@"
fi

. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_init consumer2-cadaver
export LC_ALL=C
bundle=/etc/ssl/certs/ca-certificates.crt

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
# Private to this namespace (unshare -m makes mounts private).
mount --bind "$pki/ca.pem" "$bundle" || { gn_fail "cannot bind-mount the test CA over $bundle"; gn_finish; }
cmp -s "$pki/ca.pem" "$bundle" || { gn_fail "the bind mount did not take"; gn_finish; }

body="neon over GnuTLS $$ $(openssl rand -hex 16)"
cat >"$GN_TMP/dav.py" <<'PY'
import http.server, ssl, sys
BODY = sys.argv[4].encode()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        sys.stderr.write("%s %s %s\n" % (self.command, self.path, self.connection.version()))
        sys.stderr.flush()
    def reply(self, code, body=b"", ctype="text/plain", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
    def drain(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
    def do_OPTIONS(self):
        self.drain()
        self.reply(200, extra=[("DAV", "1"), ("Allow", "OPTIONS, GET, HEAD, PROPFIND")])
    def do_PROPFIND(self):
        self.drain()
        x = ('<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">'
             '<D:response><D:href>/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/>'
             '</D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>'
             '<D:response><D:href>/hello.txt</D:href><D:propstat><D:prop><D:resourcetype/>'
             '<D:getcontentlength>%d</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status>'
             '</D:propstat></D:response></D:multistatus>') % len(BODY)
        self.reply(207, x.encode(), 'application/xml; charset="utf-8"')
    def do_GET(self):
        if self.path == "/hello.txt":
            self.reply(200, BODY)
        else:
            self.reply(404, b"not here\n")
    do_HEAD = do_GET
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[2], sys.argv[3])
if len(sys.argv) > 5:
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
srv = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
PY

# One server per certificate, for every mode (they are OpenSSL: not under test).
# "server12" serves the trusted certificate with TLS 1.2 at most.
declare -A PORT
for c in server server12 rogue wrongname expired; do
    PORT[$c]=$(gn_free_port) || exit 1
    cert=${c%12} max=
    [ "$c" = server12 ] && max=tls12
    gn_start "dav-$c" timeout 110 python3 "$GN_TMP/dav.py" "${PORT[$c]}" "$pki/$cert.pem" "$pki/$cert.key" "$body" \
        ${max:+"$max"}
    gn_wait_port "${PORT[$c]}" "$GN_LAST_PID" 15 || { gn_fail "the $c WebDAV server did not start"; gn_show "$GN_TMP/dav-$c.log"; gn_finish; }
done

# cadaver_run MODE CERT OUT: open the server, list, download hello.txt into
# $GN_TMP/got-CERT-MODE.txt; cadaver's output in OUT.
cadaver_run() {
    local mode=$1 c=$2 out=$3
    mkdir -p "$GN_TMP/home"
    rm -f "$GN_TMP/got-$c-$mode.txt"
    printf 'ls\nget hello.txt %s\nquit\n' "$GN_TMP/got-$c-$mode.txt" |
        HOME=$GN_TMP/home gn_run "$mode" cadaver "https://127.0.0.1:${PORT[$c]}/" >"$out" 2>&1
}

# reason OUT: neon's verification failure text
reason() {
    sed -n 's/^Server certificate verification failed: //p' "$1" | head -n 1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/cadaver || continue
    for c in server server12; do
        out=$GN_TMP/cadaver-$c-$mode.log
        before=$(wc -l <"$GN_TMP/dav-$c.log")
        cadaver_run "$mode" "$c" "$out"
        rc=$?
        got=$GN_TMP/got-$c-$mode.txt
        ver=$(tail -n +$((before + 1)) "$GN_TMP/dav-$c.log" | sed -n 's/^GET \/hello.txt //p' | head -n 1)
        GN_WHY=
        gn_req "cadaver exit 0 (got $rc)" [ "$rc" -eq 0 ]
        gn_req "collection listed" grep -q "^Listing collection \`/': succeeded" "$out"
        gn_req "hello.txt in the listing" grep -q '^ *hello\.txt ' "$out"
        gn_req "download succeeded" grep -q "^Downloading \`/hello.txt' to .*succeeded" "$out"
        gn_req "bytes intact" [ "$(cat "$got" 2>/dev/null)" = "$body" ]
        gn_req "the server served the GET" [ -n "$ver" ]
        gn_req "no certificate warning" eval '! grep -qi "certificate" "$out"'
        gn_verdict "$mode: cadaver lists the WebDAV collection and downloads a file over HTTPS ($ver; server "$c"), CA from the system store" ||
            gn_show "$out"
        if [ -n "$ver" ] && gn_like_real "$mode" "tlsver-$c" "$ver"; then
            gn_pass "$mode: the server negotiated $ver with neon, as with GnuTLS"
        else
            gn_fail "$mode: TLS version '$ver', with GnuTLS '$(gn_real_value "tlsver-$c")'"
        fi
    done

    for case in "rogue|a certificate from an unknown CA" \
                "wrongname|a certificate for another host name" \
                "expired|an expired certificate"; do
        IFS='|' read -r c what <<<"$case"
        out=$GN_TMP/cadaver-$c-$mode.log
        cadaver_run "$mode" "$c" "$out"
        rc=$?
        why=$(reason "$out")
        if [ $rc -ne 124 ] && [ $rc -ne 125 ] && grep -q '^Certificate rejected' "$out" && [ -n "$why" ] &&
           ! grep -q 'succeeded' "$out" && [ ! -s "$GN_TMP/got-$c-$mode.txt" ]; then
            gn_pass "$mode: cadaver refuses $what ($why)"
            if gn_like_real "$mode" "why-$c" "$why"; then
                gn_pass "$mode: neon's reason for refusing $what is the one it gives on GnuTLS"
            else
                gn_fail "$mode: neon says '$why' for $what, on GnuTLS '$(gn_real_value "why-$c")'"
            fi
        else
            gn_fail "$mode: cadaver with $what (exit $rc) was not refused as expected"
            gn_show "$out"
        fi
    done
done

gn_finish
