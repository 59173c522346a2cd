#!/bin/bash
# Real consumer: Debian's gnutls-cli talks to `openssl s_server -rev` (which
# answers each line reversed; -www for resumption), on the real GnuTLS and through gnossl.
#  - TLS 1.2 and TLS 1.3 forced with --priority; both sides agree on the version
#  - ALPN (--alpn) is negotiated
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
        if [ $ok -eq 0 ] && [ "$GN_CONVERSE_RC" -eq 0 ] &&
           grep -q "^- Status: The certificate is trusted" "$out" &&
           grep -q "^- Description: (TLS$v-X.509)" "$out" &&
           grep -q "^Protocol version: TLSv$v" "$SLOG"; then
            gn_pass "$mode: TLS $v with verification, data echoed; s_server: $(grep -m1 '^Ciphersuite' "$SLOG")"
        else
            gn_fail "$mode: TLS $v exchange (seen=$ok, exit=$GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi
    done

    out=$GN_TMP/cli-$mode-alpn
    srv_start "${good[@]}" -alpn "x-unknown,http/1.1" -trace
    client "$mode" "$out" --verify-hostname=localhost --alpn=h2 --alpn=http/1.1
    ok=$?
    srv_stop
    # The server's -trace shows the client's offer (h2, http/1.1).
    if [ $ok -eq 0 ] && grep -q "^- Application protocol: http/1.1" "$out" &&
       grep -A2 "application_layer_protocol_negotiation" "$SLOG" | grep -q "^ *h2$"; then
        gn_pass "$mode: ALPN: offers h2,http/1.1; server selects http/1.1"
    else
        gn_fail "$mode: ALPN (seen=$ok, exit=$GN_CONVERSE_RC)"
        gn_show "$out"; gn_show "$SLOG"
    fi

    # Client certificate, required and verified by s_server.
    for v in 1.2 1.3; do
        out=$GN_TMP/cli-$mode-clientcert$v
        srv_start "${good[@]}" -Verify 1 -CAfile "$pki/ca.pem" -verify_return_error
        client "$mode" "$out" --verify-hostname=localhost --priority="NORMAL:-VERS-ALL:+VERS-TLS$v" \
            --x509certfile="$pki/client.pem" --x509keyfile="$pki/client.key"
        ok=$?
        srv_stop
        if [ $ok -eq 0 ] && [ "$GN_CONVERSE_RC" -eq 0 ] &&
           grep -q "^Peer certificate: CN = gnossl test client" "$SLOG" &&
           grep -q "^Verification: OK" "$SLOG" &&
           grep -q "^Protocol version: TLSv$v" "$SLOG"; then
            gn_pass "$mode: TLS $v client certificate accepted by s_server -Verify"
        else
            gn_fail "$mode: TLS $v client certificate (seen=$ok, exit=$GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi
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
        if [ $ok -eq 0 ] && grep -q "^\*\*\* This is a resumed session" "$out" &&
           grep -q "^Reused, TLSv$v, " "$out"; then
            gn_pass "$mode: --resume resumes a TLS $v session (s_server: $(grep -m1 '^Reused' "$out" | tr -d '\r'))"
        else
            gn_fail "$mode: TLS $v resumption (seen=$ok, exit=$GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi
    done

    out=$GN_TMP/cli-$mode-smtp
    gn_start_smtp_starttls "smtp_$mode" "$pki/server.pem" "$pki/server.key" || exit 1
    port=PORT_smtp_$mode
    gn_converse "$out" 'hello smtp\nQUIT\n' '^221 bye' \
        gn_run "$mode" gnutls-cli --x509cafile="$pki/ca.pem" -p "${!port:-0}" \
        --verify-hostname=localhost --starttls-proto=smtp 127.0.0.1
    ok=$?
    if [ $ok -eq 0 ] && grep -q "^250 got: hello smtp" "$out" &&
       grep -q "^got hello smtp" "$GN_TMP/smtp_$mode.log"; then
        gn_pass "$mode: STARTTLS (smtp) upgrade, then data over TLS ($(grep -m1 '^TLS ' "$GN_TMP/smtp_$mode.log"))"
    else
        gn_fail "$mode: STARTTLS smtp (seen=$ok, exit=$GN_CONVERSE_RC)"
        gn_show "$out"; gn_show "$GN_TMP/smtp_$mode.log"
    fi

    # Refusals: the client must stop before sending anything.
    out=$GN_TMP/cli-$mode-wrongname
    srv_start "${good[@]}"
    client "$mode" "$out" --verify-hostname=wrong.example
    ok=$?
    srv_stop
    if [ $ok -ne 0 ] && [ "$GN_CONVERSE_RC" -eq 1 ] &&
       grep -q "^- Status: The certificate is NOT trusted. The name in the certificate does not match" "$out" &&
       ! grep -q "^Simple Client Mode" "$out"; then
        gn_pass "$mode: refuses a certificate that does not name the host"
    else
        gn_fail "$mode: wrong host name not refused as expected (exit=$GN_CONVERSE_RC)"
        gn_show "$out"
    fi

    # A chain through an intermediate CA is accepted.
    out=$GN_TMP/cli-$mode-chain
    srv_start -cert "$pki/chained.pem" -key "$pki/chained.key" -cert_chain "$pki/int-ca.pem"
    client "$mode" "$out" --verify-hostname=localhost
    ok=$?
    srv_stop
    if [ $ok -eq 0 ] && [ "$GN_CONVERSE_RC" -eq 0 ] &&
       grep -q "^- Got a certificate list of 2 certificates" "$out" &&
       grep -q "^- Status: The certificate is trusted" "$out"; then
        gn_pass "$mode: accepts a leaf sent with its intermediate CA"
    else
        gn_fail "$mode: chain through an intermediate CA (seen=$ok, exit=$GN_CONVERSE_RC)"
        gn_show "$out"
    fi

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
        ok=$?
        srv_stop
        if [ $ok -ne 0 ] && [ "$GN_CONVERSE_RC" -eq 1 ] &&
           grep -q "^- Status: The certificate is NOT trusted. $text" "$out" &&
           ! grep -q "Simple Client Mode" "$out"; then
            gn_pass "$mode: refuses $what"
        else
            gn_fail "$mode: did not refuse $what as expected (exit=$GN_CONVERSE_RC)"
            gn_show "$out"
        fi
    done
done

gn_finish
