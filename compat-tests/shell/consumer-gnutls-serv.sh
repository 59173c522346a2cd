#!/bin/bash
# Real consumer on the server side: Debian's gnutls-serv, on the real GnuTLS
# and through gnossl, serves clients that are never substituted:
# `openssl s_client` and the real gnutls-cli.
#  - --http: both clients get the status page over TLS 1.3 and TLS 1.2 and
#    verify the server's certificate;
#  - --echo with --require-client-cert --verify-client-cert: a client with a
#    certificate from the trusted CA gets its line echoed; no certificate, or
#    one from an unknown CA, is refused by the server.
# gnutls-serv has no option to choose its listening address; it listens on
# every address, and the clients only ever connect to 127.0.0.1.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-serv gnutls-cli openssl
gn_require_build
gn_init consumer-gnutls-serv
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
serv=$(command -v gnutls-serv)
LINE='echo me through gnossl 42'

# serv_start MODE ARGS... : gnutls-serv under MODE; sets SPORT SPID SLOG.
serv_start() {
    local mode=$1
    shift
    SPORT=$(gn_free_port) || exit 1
    SLOG=$GN_TMP/gnutls-serv.$RANDOM.log
    GN_TIMEOUT=300 gn_prefix "$mode"
    "${GN_PFX[@]}" gnutls-serv -p "$SPORT" --x509certfile="$pki/server.pem" \
        --x509keyfile="$pki/server.key" "$@" </dev/null >"$SLOG" 2>&1 &
    SPID=$!
    GN_PIDS+=("$SPID")
    gn_wait_port "$SPORT" "$SPID" || { gn_show "$SLOG"; return 1; }
}
serv_stop() { gn_stop "$SPID"; }

# Clients (always the real libraries).
s_client() { # OUT INPUT EXPECT ARGS...
    local out=$1 in=$2 exp=$3
    shift 3
    gn_converse "$out" "$in" "$exp" gn_run real openssl s_client -connect "127.0.0.1:$SPORT" \
        -CAfile "$pki/ca.pem" -verify_return_error -verify_hostname localhost "$@"
}
g_client() { # OUT INPUT EXPECT ARGS...
    local out=$1 in=$2 exp=$3
    shift 3
    gn_converse "$out" "$in" "$exp" gn_run real gnutls-cli --x509cafile="$pki/ca.pem" \
        --verify-hostname=localhost -p "$SPORT" "$@" 127.0.0.1
}
GET='GET / HTTP/1.0\r\n\r\n'
auth=(--x509certfile="$pki/client.pem" --x509keyfile="$pki/client.key")

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    GN_HANG_KEY=serv_$mode   # the clients are real; the server is under test
    gn_assert_loaded "$mode" "$serv" || continue

    # --http: the page reports the negotiated protocol version.
    if serv_start "$mode" --http; then
        for v in 1.3 1.2; do
            out=$GN_TMP/http-s_client-$mode-$v
            s_client "$out" "$GET" '</[Hh][Tt][Mm][Ll]>' "-tls${v/./_}" -ign_eof
            page=$(sed 's/<[^>]*>//g' "$out")
            # The page shows the server's gnutls_session_get_desc().
            desc=$(sed -n 's/^ *Description: *\([^ ]*\).*/\1/p' <<<"$page" | head -n1)
            gn_req "s_client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
            gn_req "HTTP/1.0 200 OK" grep -q "^HTTP/1.0 200 OK" "$out"
            gn_req "page says TLS$v" grep -Eq "Protocol version: *TLS$v" <<<"$page"
            gn_req "OpenSSL verified the server" grep -q "Verify return code: 0 (ok)" "$out"
            gn_req "server's description '$desc' as real: '$(gn_real_value "desc-$v")'" \
                gn_like_real "$mode" "desc-$v" "$desc"
            gn_verdict "$mode: --http serves s_client over TLS $v (server cert verified by OpenSSL)" ||
                { gn_show "$out"; gn_show "$SLOG"; }
        done
        out=$GN_TMP/http-gnutls-cli-$mode
        g_client "$out" "$GET" '</[Hh][Tt][Mm][Ll]>'
        if [ "$GN_CONVERSE_RC" -eq 0 ] && grep -q "^HTTP/1.0 200 OK" "$out" &&
           grep -q "^- Status: The certificate is trusted" "$out"; then
            gn_pass "$mode: --http serves the real gnutls-cli"
        else
            gn_fail "$mode: --http to the real gnutls-cli (client exit $GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi
        serv_stop
    else
        gn_fail "$mode: gnutls-serv --http did not start"
    fi

    # --echo with required, verified client certificates.
    # Each refusal checks the specific alert the server sends, so a server
    # that fails every handshake does not pass them.
    if serv_start "$mode" --echo --x509cafile="$pki/ca.pem" --require-client-cert --verify-client-cert; then
        out=$GN_TMP/echo-s_client-$mode
        if s_client "$out" "$LINE\n" "^$LINE" -quiet -no_ign_eof -cert "$pki/client.pem" -key "$pki/client.key" &&
           [ "$GN_CONVERSE_RC" -eq 0 ] && grep -q "Subject: CN=gnossl test client" "$SLOG"; then
            gn_pass "$mode: --echo echoes to s_client, which authenticated with a client certificate"
        else
            gn_fail "$mode: --echo with s_client and a client certificate (exit $GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi

        out=$GN_TMP/echo-gnutls-cli-$mode
        if g_client "$out" "$LINE\n" "^$LINE" "${auth[@]}" && [ "$GN_CONVERSE_RC" -eq 0 ]; then
            gn_pass "$mode: --echo echoes to the real gnutls-cli with a client certificate"
        else
            gn_fail "$mode: --echo with gnutls-cli and a client certificate (exit $GN_CONVERSE_RC)"
            gn_show "$out"; gn_show "$SLOG"
        fi

        out=$GN_TMP/echo-nocert-$mode
        if ! s_client "$out" "$LINE\n" "^$LINE" -quiet -no_ign_eof &&
           grep -q "alert certificate required" "$out"; then
            gn_pass "$mode: a client without a certificate is refused (certificate_required)"
        else
            gn_fail "$mode: client without certificate not refused as expected"
            gn_show "$out"; gn_show "$SLOG"
        fi

        # The alert must be the one the real GnuTLS sends (access_denied),
        # as recorded by the real run when there is one.
        out=$GN_TMP/echo-roguecert-$mode
        s_client "$out" "$LINE\n" "^$LINE" -quiet -no_ign_eof \
            -cert "$pki/rogue-client.pem" -key "$pki/rogue-client.key"
        ok=$?
        alert=$(grep -Eo 'alert (access denied|bad certificate|unknown ca|certificate unknown|decrypt error)' "$out" | head -n1)
        [ "$mode" = real ] && real_rogue_alert=$alert
        want=${real_rogue_alert:-alert access denied}
        if [ $ok -ne 0 ] && [ -n "$alert" ] && [ "$alert" = "$want" ]; then
            gn_pass "$mode: a client certificate from an unknown CA is refused ($alert)"
        else
            gn_fail "$mode: client certificate from an unknown CA: expected refusal with '$want', got '${alert:-no such alert}'"
            gn_show "$out"; gn_show "$SLOG"
        fi

        out=$GN_TMP/echo-gnutls-cli-nocert-$mode
        if ! g_client "$out" "$LINE\n" "^$LINE" && [ "$GN_CONVERSE_RC" -ne 0 ] &&
           grep -q "Received alert \[116\]" "$out"; then
            gn_pass "$mode: the real gnutls-cli without a certificate is refused"
        else
            gn_fail "$mode: gnutls-cli without certificate not refused as expected"
            gn_show "$out"; gn_show "$SLOG"
        fi
        serv_stop
    else
        gn_fail "$mode: gnutls-serv --echo did not start"
    fi
done

gn_finish
