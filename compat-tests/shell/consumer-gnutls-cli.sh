#!/bin/bash
# Real consumer: Debian's gnutls-cli talks to `openssl s_server -rev` (which
# answers each line reversed; -www for resumption), on the real GnuTLS and through gnossl.
#  - TLS 1.2 and TLS 1.3 forced with --priority; both sides agree on the version
#  - ALPN (--alpn) is negotiated
#  - a TLS 1.2 server that signs only with RSA-SHA1 is reachable
#  - a client certificate (--x509certfile/--x509keyfile) satisfies s_server -Verify
#  - --resume: the second connection resumes, as the server reports (TLS 1.2, 1.3)
#  - --starttls-proto=smtp against a fake SMTP server (Python ssl)
#  - a chain through an intermediate CA is accepted
#  - refused: wrong name (--verify-hostname), unknown CA, a leaf used as a CA,
#    expired, not yet valid
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli openssl python3
gn_require_build
gn_init consumer-gnutls-cli
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
cli=$(command -v gnutls-cli)
LINE='hello from gnossl 0123456789'
REV=$(gn_reverse "$LINE")

# srv_start ARGS... : a fresh `s_server -rev` (or $SRV_KIND) per scenario,
# so that its log holds this scenario only.  Sets SPORT, SPID, SLOG.
srv_start() {
    SPORT=$(gn_free_port) || exit 1
    SLOG=$GN_TMP/s_server.$RANDOM.log
    openssl s_server "${SRV_KIND:--rev}" -accept "127.0.0.1:$SPORT" "$@" </dev/null >"$SLOG" 2>&1 &
    SPID=$!
    GN_PIDS+=("$SPID")
    gn_wait_port "$SPORT" "$SPID" || { gn_show "$SLOG"; exit 1; }
}
srv_stop() { gn_stop "$SPID"; }

good=(-cert "$pki/server.pem" -key "$pki/server.key")

# client MODE OUT ARGS... : gnutls-cli to the current server, one line in,
# waits for the reversed line.
client() {
    local mode=$1 out=$2
    shift 2
    gn_converse "$out" "$LINE\n" "$REV" \
        gn_run "$mode" gnutls-cli --x509cafile="$pki/ca.pem" -p "$SPORT" "$@" 127.0.0.1
}

# Common parts of a verdict: the client saw the reply and exited cleanly.
req_exchange() {
    gn_req "reply received" [ "$1" -eq 0 ]
    gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
}
# A refusal: non-zero exit (not a timeout), the verification status, no data.
req_refusal() { # OUT STATUS-TEXT
    gn_req "client exit 1 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 1 ]
    gn_req "status '$2'" grep -q "^- Status: The certificate is NOT trusted. .*$2" "$1"
    gn_req "no data exchanged" eval "! grep -q 'Simple Client Mode' '$1'"
}
verdict() { # DESCRIPTION CLIENT-LOG OTHER-LOGS...
    local what=$1
    shift
    grep -q '^  (not run: ' "$1" 2>/dev/null && GN_WHY="not run: $(sed -n 's/^  (not run: \(.*\)).*/\1/p' "$1")"
    gn_verdict "$what" || for f in "$@"; do gn_show "$f"; done
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$cli" || continue

    for v in 1.2 1.3; do
        out=$GN_TMP/cli-$mode-tls$v
        srv_start "${good[@]}"
        client "$mode" "$out" --verify-hostname=localhost \
            --priority="NORMAL:-VERS-ALL:+VERS-TLS$v"
        ok=$?
        srv_stop
        req_exchange $ok
        gn_req "status trusted" grep -q "^- Status: The certificate is trusted" "$out"
        gn_req "description (TLS$v-X.509)-..." grep -q "^- Description: (TLS$v-X.509)" "$out"
        desc=$(sed -n 's/^- Description: //p' "$out")
        gn_req "description '$desc' as real: '$(gn_real_value "desc-$v")'" \
            gn_like_real "$mode" "desc-$v" "$desc"
        gn_req "s_server saw TLSv$v" grep -q "^Protocol version: TLSv$v" "$SLOG"
        verdict "$mode: TLS $v with verification, data echoed; s_server: $(grep -m1 '^Ciphersuite' "$SLOG")" "$out" "$SLOG"
    done

    out=$GN_TMP/cli-$mode-alpn
    srv_start "${good[@]}" -alpn "x-unknown,http/1.1" -trace
    client "$mode" "$out" --verify-hostname=localhost --alpn=h2 --alpn=http/1.1
    ok=$?
    srv_stop
    req_exchange $ok
    gn_req "client reports http/1.1" grep -q "^- Application protocol: http/1.1" "$out"
    # The server's -trace shows the client's offer (h2, http/1.1).
    gn_req "server saw h2 offered" eval "grep -A2 application_layer_protocol_negotiation '$SLOG' | grep -q '^ *h2\$'"
    verdict "$mode: ALPN: offers h2,http/1.1; server selects http/1.1" "$out" "$SLOG"

    # A TLS 1.2 server that signs only with RSA-SHA1: GnuTLS's NORMAL offers
    # that handshake signature (a SHA-1-signed certificate stays untrusted).
    out=$GN_TMP/cli-$mode-sha1
    srv_start "${good[@]}" -tls1_2 -sigalgs RSA+SHA1 -cipher 'ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0'
    client "$mode" "$out" --verify-hostname=localhost
    ok=$?
    srv_stop
    req_exchange $ok
    gn_req "status trusted" grep -q "^- Status: The certificate is trusted" "$out"
    gn_req "description (TLS1.2-X.509)-(ECDHE-...)-(RSA-SHA1)-..." \
        grep -q "^- Description: (TLS1.2-X.509)-(ECDHE-[A-Z0-9]*)-(RSA-SHA1)-" "$out"
    verdict "$mode: a TLS 1.2 server signing only with RSA-SHA1" "$out" "$SLOG"

    # Client certificate, required and verified by s_server.
    for v in 1.2 1.3; do
        out=$GN_TMP/cli-$mode-clientcert$v
        srv_start "${good[@]}" -Verify 1 -CAfile "$pki/ca.pem" -verify_return_error
        client "$mode" "$out" --verify-hostname=localhost --priority="NORMAL:-VERS-ALL:+VERS-TLS$v" \
            --x509certfile="$pki/client.pem" --x509keyfile="$pki/client.key"
        ok=$?
        srv_stop
        req_exchange $ok
        gn_req "s_server got the client certificate" grep -q "^Peer certificate: CN = gnossl test client" "$SLOG"
        gn_req "s_server verified it" grep -q "^Verification: OK" "$SLOG"
        gn_req "s_server saw TLSv$v" grep -q "^Protocol version: TLSv$v" "$SLOG"
        verdict "$mode: TLS $v client certificate accepted by s_server -Verify" "$out" "$SLOG"
    done

    # Resumption, judged by the server: s_server -www's page says "Reused".
    for v in 1.2 1.3; do
        out=$GN_TMP/cli-$mode-resume$v
        SRV_KIND=-www srv_start "${good[@]}"
        gn_converse "$out" 'GET / HTTP/1.0\r\n\r\n' '</HTML>' \
            gn_run "$mode" gnutls-cli --x509cafile="$pki/ca.pem" -p "$SPORT" \
            --verify-hostname=localhost --resume --priority="NORMAL:-VERS-ALL:+VERS-TLS$v" 127.0.0.1
        ok=$?
        srv_stop
        gn_req "page received" [ $ok -eq 0 ]
        gn_req "client says resumed" grep -q "^\*\*\* This is a resumed session" "$out"
        gn_req "s_server says Reused, TLSv$v" grep -q "^Reused, TLSv$v, " "$out"
        verdict "$mode: --resume resumes a TLS $v session (s_server: $(grep -m1 -E '^(Reused|New),' "$out" | tr -d '\r'))" "$out" "$SLOG"
    done

    out=$GN_TMP/cli-$mode-smtp
    gn_start_smtp_starttls "smtp_$mode" "$pki/server.pem" "$pki/server.key" || exit 1
    port=PORT_smtp_$mode
    gn_converse "$out" 'hello smtp\nQUIT\n' '^221 bye' \
        gn_run "$mode" gnutls-cli --x509cafile="$pki/ca.pem" -p "${!port:-0}" \
        --verify-hostname=localhost --starttls-proto=smtp 127.0.0.1
    ok=$?
    gn_req "221 after QUIT" [ $ok -eq 0 ]
    gn_req "reply over TLS" grep -q "^250 got: hello smtp" "$out"
    gn_req "server got the line over TLS" grep -q "^got hello smtp" "$GN_TMP/smtp_$mode.log"
    verdict "$mode: STARTTLS (smtp) upgrade, then data over TLS ($(grep -m1 '^TLS ' "$GN_TMP/smtp_$mode.log"))" \
        "$out" "$GN_TMP/smtp_$mode.log"

    # A chain through an intermediate CA is accepted.
    out=$GN_TMP/cli-$mode-chain
    srv_start -cert "$pki/chained.pem" -key "$pki/chained.key" -cert_chain "$pki/int-ca.pem"
    client "$mode" "$out" --verify-hostname=localhost
    ok=$?
    srv_stop
    req_exchange $ok
    gn_req "2 certificates received" grep -q "^- Got a certificate list of 2 certificates" "$out"
    gn_req "status trusted" grep -q "^- Status: The certificate is trusted" "$out"
    verdict "$mode: accepts a leaf sent with its intermediate CA" "$out"

    # Refusals: the client must stop before sending anything.
    out=$GN_TMP/cli-$mode-wrongname
    srv_start "${good[@]}"
    client "$mode" "$out" --verify-hostname=wrong.example
    srv_stop
    req_refusal "$out" "The name in the certificate does not match"
    verdict "$mode: refuses a certificate that does not name the host" "$out"

    for case in "rogue|The certificate issuer is unknown|a certificate from an unknown CA" \
                "evil|The certificate issuer is not a CA|a leaf signed by another leaf (CA:FALSE)" \
                "expired|The certificate chain uses expired certificate|an expired certificate" \
                "notyet|The certificate chain uses not yet valid certificate|a certificate that is not yet valid"; do
        IFS='|' read -r name text what <<<"$case"
        out=$GN_TMP/cli-$mode-$name
        chain=()
        [ "$name" = evil ] && chain=(-cert_chain "$pki/server.pem")
        srv_start -cert "$pki/$name.pem" -key "$pki/$name.key" "${chain[@]}"
        client "$mode" "$out" --verify-hostname=localhost
        srv_stop
        req_refusal "$out" "$text"
        verdict "$mode: refuses $what" "$out"
    done
done

gn_finish
