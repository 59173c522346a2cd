#!/bin/bash
# DTLS interop on Debian's own tools, over UDP on loopback:
#  A. gnutls-cli --udp on MODE -> openssl s_server -dtls (DTLS 1.2 and 1.0;
#     a line each way)
#  B. gnutls-cli --udp on MODE -> gnutls-serv --udp on the real GnuTLS (echo;
#     the server answers with GnuTLS's stateless cookie exchange)
#  C. gnutls-serv --udp on MODE (cookie exchange through gnossl) served to
#     openssl s_client -dtls and to the real gnutls-cli --udp (echo)
#  D. negative: gnutls-cli on MODE refuses a server from an unknown CA
# gnutls-cli offers DTLS-SRTP profiles to the GnuTLS servers (B, C), which
# must select the one they accept; in B and C the sides use small MTUs
# (--mtu 300/400), so the handshake messages travel in fragments.
# MODE is "real" (the baseline), "preload" or "libpath".
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli gnutls-serv openssl
gn_require_build
gn_init interop-dtls
export LC_ALL=C

gn_make_pki "$GN_TMP/pki" rsa || exit 1
pki=$GN_TMP/pki

# UDP sockets are "07" (unconnected) in /proc/net/udp{,6}.
wait_udp() { # PORT PID
    local i
    for i in $(seq 1 400); do
        gn_udp_bound "$1" && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
# OpenSSL's names: option and protocol of DTLS 1.2 / 1.0
# (OpenSSL's own tools need security level 0 for DTLS 1.0's SHA-1 signatures)
ossl_opt() { [ "$1" = 1.2 ] && echo -dtls1_2 || echo -dtls1 -cipher DEFAULT:@SECLEVEL=0; }
ossl_proto() { [ "$1" = 1.2 ] && echo DTLSv1.2 || echo DTLSv1; }
verdict() { # DESCRIPTION LOGS...
    local what=$1
    shift
    gn_verdict "$what" || for f in "$@"; do gn_show "$f"; done
}
# cli MODE PORT OUT INPUT EXPECT ARGS... : gnutls-cli --udp under MODE.
cli() {
    local mode=$1 port=$2 out=$3 in=$4 exp=$5
    shift 5
    gn_converse "$out" "$in" "$exp" gn_run "$mode" gnutls-cli --udp -p "$port" "$@" 127.0.0.1
}

# A: gnutls-cli on MODE against openssl s_server -dtls.  The server's stdin
# is a fifo we write its line into once the client's line arrived.
against_openssl() {
    local mode=$1 v=$2 port sin sfd slog out pid
    port=$(gn_free_port) || return 1
    slog=$GN_TMP/s_server-$mode-$v.log
    out=$GN_TMP/cli-openssl-$mode-$v.log
    sin=$GN_TMP/sin.$RANDOM$RANDOM
    mkfifo "$sin"
    timeout 60 openssl s_server $(ossl_opt "$v") -accept "$port" -naccept 1 \
        -cert "$pki/server.pem" -key "$pki/server.key" <"$sin" >"$slog" 2>&1 &
    pid=$!
    GN_PIDS+=("$pid")
    exec {sfd}>"$sin"
    rm -f "$sin"
    wait_udp "$port" "$pid" || { gn_fail "$mode: s_server -dtls $v did not start"; gn_show "$slog"; exec {sfd}>&-; return; }
    # answer once the client's line is there
    (for i in $(seq 1 300); do
         grep -q 'hello from gnutls-cli' "$slog" 2>/dev/null && { printf 'reply from openssl\n' >&"$sfd"; break; }
         sleep 0.1
     done) &
    local helper=$!
    cli "$mode" "$port" "$out" 'hello from gnutls-cli\n' '^reply from openssl' \
        --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
        --priority="NORMAL:-VERS-ALL:+VERS-DTLS$v"
    gn_req "reply from s_server received" [ $? -eq 0 ]
    gn_req "s_server received the client's line" grep -q 'hello from gnutls-cli' "$slog"
    gn_req "certificate trusted" grep -q '^- Status: The certificate is trusted' "$out"
    gn_req "description (DTLS$v-X.509)" grep -q "^- Description: (DTLS$v-X.509)-" "$out"
    gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
    verdict "$mode: gnutls-cli --udp -> openssl s_server -dtls, DTLS $v: $(sed -n 's/^- Description: //p' "$out")" "$out" "$slog"
    kill "$helper" 2>/dev/null
    wait "$helper" 2>/dev/null
    exec {sfd}>&-
    gn_stop "$pid"
}

# serv MODE NAME ARGS... : gnutls-serv --udp --echo under MODE; port in
# PORT_<NAME>, log in $GN_TMP/NAME.log.
serv() {
    local mode=$1 name=$2 port
    shift 2
    port=$(gn_free_port) || return 1
    GN_TIMEOUT=300 gn_prefix "$mode"
    "${GN_PFX[@]}" gnutls-serv --udp --echo -p "$port" "$@" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    printf -v "PORT_$name" '%s' "$port"
    printf -v "PID_$name" '%s' "$!"
    wait_udp "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
}

# B and D: gnutls-cli on MODE against the real gnutls-serv --udp.
against_real_serv() {
    local mode=$1 v out port=$PORT_realserv
    for v in 1.2 1.0; do
        out=$GN_TMP/cli-gnutls-$mode-$v.log
        cli "$mode" "$port" "$out" "echo me $mode $v\\n" "^echo me $mode $v" \
            --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
            --priority="NORMAL:-VERS-ALL:+VERS-DTLS$v" --srtp-profiles="$SRTP_OFFER" --mtu=300
        gn_req "echo received" [ $? -eq 0 ]
        gn_req "SRTP profile negotiated" grep -q "^- SRTP profile: $SRTP_PICK" "$out"
        gn_req "certificate trusted" grep -q '^- Status: The certificate is trusted' "$out"
        gn_req "description (DTLS$v-X.509)" grep -q "^- Description: (DTLS$v-X.509)-" "$out"
        gn_req "server saw the line" grep -q "echo me $mode $v" "$GN_TMP/realserv.log"
        gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
        verdict "$mode: gnutls-cli --udp -> real gnutls-serv --udp, DTLS $v" "$out" "$GN_TMP/realserv.log"
    done
    out=$GN_TMP/cli-rogue-$mode.log
    cli "$mode" "$port" "$out" "must not pass\\n" '^must not pass' \
        --x509cafile="$pki/rogue-ca.pem" --verify-hostname=localhost
    gn_req "no echo" [ $? -ne 0 ]
    gn_req "client failed (rc $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -ne 0 ] && [ "$GN_CONVERSE_RC" -lt 124 ]
    gn_req "issuer reported unknown" grep -q 'The certificate is NOT trusted. The certificate issuer is unknown' "$out"
    verdict "$mode: gnutls-cli --udp refuses a server from an unknown CA" "$out"
}

# C: gnutls-serv --udp on MODE, real and OpenSSL clients.
serve_on() {
    local mode=$1 v out port
    serv "$mode" "serv_$mode" --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key" \
        --srtp-profiles="$SRTP_PICK" --mtu=300 ||
        { gn_fail "$mode: gnutls-serv --udp did not start"; return; }
    port=PORT_serv_$mode
    port=${!port}
    gn_assert_loaded "$mode" "$(command -v gnutls-serv)"
    for v in 1.2 1.0; do
        out=$GN_TMP/s_client-$mode-$v.log
        gn_converse "$out" "from s_client $v\\n" "^from s_client $v" \
            timeout 20 openssl s_client $(ossl_opt "$v") -connect "127.0.0.1:$port" \
            -CAfile "$pki/ca.pem" -verify_return_error -verify_hostname localhost
        gn_req "echo received" [ $? -eq 0 ]
        gn_req "verification OK" grep -q '^Verification: OK' "$out"
        gn_req "protocol $(ossl_proto "$v")" grep -Eq "Protocol *: $(ossl_proto "$v")\$" "$out"
        verdict "$mode: openssl s_client -dtls -> gnutls-serv --udp on $mode, DTLS $v" "$out" "$GN_TMP/serv_$mode.log"

        out=$GN_TMP/realcli-$mode-$v.log
        GN_HANG_KEY=$mode cli real "$port" "$out" "from gnutls-cli $v\\n" "^from gnutls-cli $v" \
            --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
            --priority="NORMAL:-VERS-ALL:+VERS-DTLS$v" --srtp-profiles="$SRTP_OFFER"
        gn_req "echo received" [ $? -eq 0 ]
        gn_req "SRTP profile negotiated" grep -q "^- SRTP profile: $SRTP_PICK" "$out"
        gn_req "certificate trusted" grep -q '^- Status: The certificate is trusted' "$out"
        gn_req "description (DTLS$v-X.509)" grep -q "^- Description: (DTLS$v-X.509)-" "$out"
        verdict "$mode: real gnutls-cli --udp -> gnutls-serv --udp on $mode, DTLS $v" "$out" "$GN_TMP/serv_$mode.log"
    done
    gn_req "no handshake errors" bash -c "! grep -q 'Error in handshake' '$GN_TMP/serv_$mode.log'"
    verdict "$mode: gnutls-serv --udp (cookie exchange), no failed handshakes" "$GN_TMP/serv_$mode.log"
    local pid=PID_serv_$mode
    gn_stop "${!pid}"
}

# DTLS-SRTP: the client offers two profiles, the servers accept one
SRTP_OFFER=SRTP_AES128_CM_HMAC_SHA1_32:SRTP_AES128_CM_HMAC_SHA1_80
SRTP_PICK=SRTP_AES128_CM_HMAC_SHA1_80
serv real realserv --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key" --srtp-profiles="$SRTP_PICK" \
    --mtu=400 ||
    { gn_fail "real gnutls-serv --udp did not start"; gn_finish; }
for mode in $GN_MODES; do
    [ "$mode" = real ] || gn_assert_loaded "$mode" "$(command -v gnutls-cli)"
    for v in 1.2 1.0; do against_openssl "$mode" "$v"; done
    against_real_serv "$mode"
    serve_on "$mode"
done
gn_finish
