#!/bin/bash
# Real consumer: ocsptool (gnutls-bin) on the real GnuTLS and through
# gnossl, end to end.  An OCSP responder on 127.0.0.1 (a small Python HTTP
# front end that hands each request to `openssl ocsp` in responder mode,
# index file and CA as signer) answers for the test server certificate
# (good) and for a revoked one.
#  - ocsptool --ask: request sent, response received, verified against the
#    signer; status and report as the real ocsptool's (times and the nonce
#    filtered out), and the saved response is accepted by `openssl ocsp`;
#  - ocsptool -e (--verify-response) and -j (--response-info), -i
#    (--request-info) on the same files: output and exit status identical
#    to the real ocsptool's, for responses fetched by either library.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require ocsptool openssl python3
gn_require_build
gn_init consumer-ocsptool
export LC_ALL=C TZ=UTC

p=$GN_TMP/pki
gn_make_pki "$p" rsa || exit 1
# responder database: server.pem good, client.pem revoked
exp=$(date -u -d '+1 year' +%y%m%d%H%M%SZ)
rev=$(date -u -d '-1 day' +%y%m%d%H%M%SZ)
ser() { openssl x509 -in "$1" -noout -serial | sed 's/^serial=//'; }
subj() { openssl x509 -in "$1" -noout -subject -nameopt compat | sed 's/^subject=//'; }
printf 'V\t%s\t\t%s\tunknown\t%s\n' "$exp" "$(ser "$p/server.pem")" "$(subj "$p/server.pem")" >"$GN_TMP/index.txt"
printf 'R\t%s\t%s,keyCompromise\t%s\tunknown\t%s\n' "$exp" "$rev" "$(ser "$p/client.pem")" "$(subj "$p/client.pem")" \
    >>"$GN_TMP/index.txt"

port=$(gn_free_port) || exit 1
python3 -c '
import http.server, subprocess, sys, os
d, port = sys.argv[1], int(sys.argv[2])
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        open(os.path.join(d, "req.der"), "wb").write(body)
        subprocess.run(["openssl", "ocsp", "-index", os.path.join(d, "index.txt"), "-CA", sys.argv[3],
                        "-rsigner", sys.argv[3], "-rkey", sys.argv[4], "-reqin", os.path.join(d, "req.der"),
                        "-respout", os.path.join(d, "resp.der")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        resp = open(os.path.join(d, "resp.der"), "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/ocsp-response")
        self.send_header("Content-Length", str(len(resp)))
        self.end_headers()
        self.wfile.write(resp)
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
' "$GN_TMP" "$port" "$p/ca.pem" "$p/ca.key" >"$GN_TMP/responder.log" 2>&1 &
GN_PIDS+=($!)
gn_wait_port "$port" "${GN_PIDS[-1]}" || exit 1
url=http://127.0.0.1:$port/

# Lines that differ between runs whatever the library: times, nonces,
# signatures (over those), and the response itself (hexdump, PEM body).
filter() {
    awk '/-----BEGIN/ { print; skip = 1; next } /-----END/ { skip = 0 } !skip' "$1" |
        grep -Ev 'Produced At|This Update|Next Update|Revocation time|[Nn]once|^[[:space:]]+[0-9a-f]{2}(:[0-9a-f]{2})+$'
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v ocsptool)" || continue
    for who in server client; do
        out=$GN_TMP/ask-$who.$mode
        gn_run "$mode" ocsptool --ask="$url" --load-issuer "$p/ca.pem" --load-cert "$p/$who.pem" \
            --load-signer "$p/ca.pem" --outfile "$out.der" >"$out" 2>&1
        echo $? >"$out.rc"
        GN_WHY=
        want=good
        [ $who = client ] && want=revoked
        gn_req "response saved" [ -s "$out.der" ]
        gn_req "openssl reads it as $want" sh -c "openssl ocsp -respin '$out.der' -CAfile '$p/ca.pem' \
            -issuer '$p/ca.pem' -cert '$p/$who.pem' -no_nonce 2>&1 | grep -q ': $want'"
        gn_req "verified" grep -q "Verifying OCSP Response: Success" "$out"
        if [ "$mode" != real ]; then
            gn_req "exit status as real ($(cat "$GN_TMP/ask-$who.real.rc"))" cmp -s "$out.rc" "$GN_TMP/ask-$who.real.rc"
            gn_req "report as real" cmp -s <(filter "$out") <(filter "$GN_TMP/ask-$who.real")
        fi
        gn_verdict "$mode: ocsptool --ask for the $want $who certificate" ||
            diff <(filter "$GN_TMP/ask-$who.real") <(filter "$out") | head -n 12 | sed 's/^/  | /' >&2
    done
    # the request as sent (last one: client) and every saved response,
    # read and verified by both libraries
    cp "$GN_TMP/req.der" "$GN_TMP/req-$mode.der"
    for f in "$GN_TMP"/ask-*.der "$GN_TMP/req-$mode.der"; do
        [ -f "$f" ] || continue
        case $f in
            */req-*) args=(-i --infile "$f") ;;
            *) args=(-j --infile "$f") ;;
        esac
        for a in info verify; do
            [ $a = verify ] && { [[ $f == */req-* ]] && continue; args=(-e --load-signer "$p/ca.pem" --infile "$f"); }
            gn_run real ocsptool "${args[@]}" >"$GN_TMP/x.real" 2>&1
            r1=$?
            gn_run "$mode" ocsptool "${args[@]}" >"$GN_TMP/x.$mode" 2>&1
            r2=$?
            if [ $r1 -eq $r2 ] && cmp -s "$GN_TMP/x.real" "$GN_TMP/x.$mode"; then
                gn_pass "$mode: ocsptool ${args[0]} on $(basename "$f") as the real ocsptool (exit $r1)"
            else
                gn_fail "$mode: ocsptool ${args[0]} on $(basename "$f") (exit real $r1, $mode $r2)"
                diff "$GN_TMP/x.real" "$GN_TMP/x.$mode" | head -n 12 | sed 's/^/  | /' >&2
            fi
        done
    done
done

gn_finish
