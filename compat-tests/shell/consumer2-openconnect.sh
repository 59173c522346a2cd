#!/bin/bash
# Tier-2 consumer (VPN, client and server): Debian's openconnect
# (libopenconnect on libgnutls.so.30) to Debian's ocserv (also on
# libgnutls.so.30), the AnyConnect protocol: a TLS channel (CSTP) that
# carries HTTP authentication and then tunnelled packets, and a DTLS 1.2
# channel that takes over the packets once it is up.  Both DTLS flavours:
#  - PSK-NEGOTIATE (ocserv's default): the PSK is exported from the TLS
#    session and the DTLS ClientHello carries, as session ID, the app ID the
#    server announced (gnutls_session_set_id);
#  - legacy (ocserv's dtls-psk = false; what Cisco's own clients use): the
#    server sends a session ID and the client a master secret over TLS, and
#    both resume that made-up DTLS 1.2 session (gnutls_session_set_premaster);
#  - legacy DTLS 0.9 (openconnect --dtls-ciphers=AES256-SHA: Cisco's
#    pre-standard DTLS, same resumption), with the real ocserv only: OpenSSL
#    3.0 has no DTLS 0.9 server (src/tls/dtls09.c).
#
# Every pairing of the two sides: both on the real GnuTLS (baseline), then for
# each gnossl mode (LD_PRELOAD, LD_LIBRARY_PATH) gnossl client vs real
# server, real client vs gnossl server, and both on gnossl.  Each run checks:
#  - the password login over TLS (ocpasswd file) and the tunnel's TLS channel
#    ("CSTP connected"), with the server certificate verified against the test
#    CA; the TLS cipher suite openconnect reports is the one it reports on GnuTLS;
#  - the DTLS channel is established (openconnect and ocserv both say so)
#    with the same DTLS cipher suite as on GnuTLS;
#  - traffic through the tunnel: openconnect hands the tunnel to ocproxy
#    (--script-tun: a user-space TCP/IP stack, so the client needs no tun
#    device), a TCP connection forwarded by ocproxy reaches a server on the
#    VPN side, which sees the client's VPN address and answers; openconnect's
#    trace shows the packets went over DTLS in both directions;
#  - each side's process really maps the library its mode means.
# Negative check, per client mode: a client that trusts only another CA
# refuses the server (no login, no tunnel).
#
# ocserv needs root (a tun device, and it drops privileges to nobody for its
# workers); the whole test runs in a private network namespace (unshare -n)
# so that the server's tun device and addresses vanish with it and nothing
# but the namespace's own loopback is reachable.
set -u
if [ -z "${GN_OC_IN_NETNS:-}" ]; then
    . "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
    gn_require openconnect ocserv ocpasswd ocproxy unshare ip python3
    gn_require_build
    [ "$(id -u)" -eq 0 ] || {
        gn_log "SKIP: ocserv must run as root (it creates a tun device and drops privileges for its workers); run this test as root"
        exit 77
    }
    (exec 3<>/dev/net/tun) 2>/dev/null || {
        gn_log "SKIP: /dev/net/tun cannot be opened here (ocserv needs a tun device for each client)"
        exit 77
    }
    unshare -n true 2>/dev/null || {
        gn_log "SKIP: no network namespace (unshare -n fails): the VPN server's tun device and routes must not touch the host's network"
        exit 77
    }
    export GN_OC_IN_NETNS=1 GNOSSL_SRC GNOSSL_BUILD
    exec unshare -n -- bash "${BASH_SOURCE[0]}" "$@"
fi

. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
ip link set lo up || { gn_log "FATAL: cannot bring up lo in the network namespace"; exit 1; }
gn_init consumer2-openconnect
export LC_ALL=C
# ocserv's workers run as nobody and reach the main process through a
# socket in the temp dir.
chmod 755 "$GN_TMP"

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
chmod 755 "$pki"
pass=vpn-secret-$$
printf '%s\n%s\n' "$pass" "$pass" | ocpasswd -c "$GN_TMP/ocpasswd" alice || exit 1
chmod 644 "$GN_TMP/ocpasswd"
NET=192.168.99

# write_conf TAG PORT DTLS(psk|legacy) -> $GN_TMP/ocserv-TAG.conf
write_conf() {
    cat >"$GN_TMP/ocserv-$1.conf" <<CONF
auth = "plain[passwd=$GN_TMP/ocpasswd]"
listen-host = 127.0.0.1
tcp-port = $2
udp-port = $2
run-as-user = nobody
run-as-group = nogroup
socket-file = $GN_TMP/ocserv-$1.sock
pid-file = $GN_TMP/ocserv-$1.pid
server-cert = $pki/server.pem
server-key = $pki/server.key
isolate-workers = false
use-occtl = false
max-clients = 8
max-same-clients = 8
keepalive = 300
dpd = 60
mobile-dpd = 60
try-mtu-discovery = false
tls-priorities = "NORMAL:%SERVER_PRECEDENCE"
auth-timeout = 30
cookie-timeout = 60
deny-roaming = false
rekey-time = 172800
rekey-method = ssl
device = vpns
predictable-ips = true
ipv4-network = $NET.0/24
ping-leases = false
cisco-client-compat = true
dtls-legacy = true
dtls-psk = $([ "$3" = psk ] && echo true || echo false)
CONF
}

# start_ocserv TAG PORT MODE DTLS -> OC_TO (timeout's PID), OC_PID (ocserv main)
start_ocserv() {
    local tag=$1 port=$2 mode=$3
    write_conf "$tag" "$port" "$4"
    GN_TIMEOUT=90 gn_prefix "$mode"
    gn_start "ocserv-$tag" "${GN_PFX[@]}" ocserv -f -d 3 -c "$GN_TMP/ocserv-$tag.conf"
    OC_TO=$GN_LAST_PID
    gn_wait_port "$port" "$OC_TO" || return 1
    OC_PID=$(child_of "$OC_TO")
    [ -n "$OC_PID" ]
}

# child_of PID: its first child (timeout -> the program gnossl-run exec'd)
child_of() {
    local c
    for _ in $(seq 1 40); do
        c=$(ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' | head -n 1)
        [ -n "$c" ] && { echo "$c"; return 0; }
        sleep 0.05
    done
    return 1
}

# descendants PID: every process below PID
descendants() {
    local k
    for k in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$k"
        descendants "$k"
    done
}

# stop_tree TOPID: stop a peer started under timeout and whatever it forked
# (ocserv's sec-mod and workers, openconnect's ocproxy).
stop_tree() {
    local kids k
    kids=$(descendants "$1")
    gn_stop "$1"
    for k in $kids; do kill "$k" 2>/dev/null; done
    return 0
}

# maps_mode PID MODE: the process maps the libgnutls.so.30 MODE means
maps_mode() {
    local ours
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30")
    if grep -q "$ours" "/proc/$1/maps" 2>/dev/null; then
        [ "$2" != real ]
    else
        [ "$2" = real ] && grep -q 'libgnutls.so.30' "/proc/$1/maps" 2>/dev/null
    fi
}

# start_echo PORT -> ECHO_PID: a one-connection TCP server on the VPN side
# (the namespace holds only lo and the server's tun) that answers the line
# it gets, upper-cased, followed by the peer address it saw.
start_echo() {
    gn_start "echo-$1" timeout 40 python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1])))
s.listen(1)
c, a = s.accept()
c.settimeout(10)
d = b""
while not d.endswith(b"\n"):
    b = c.recv(100)
    if not b:
        break
    d += b
c.sendall(d.strip().upper() + b" from " + a[0].encode() + b"\n")
c.close()
' "$1"
    ECHO_PID=$GN_LAST_PID
    gn_wait_port "$1" "$ECHO_PID" 10
}

# wait_log FILE RE PID SECS: until FILE matches RE, PID exits or SECS pass
wait_log() {
    for _ in $(seq 1 $(($4 * 10))); do
        grep -Eq -- "$2" "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || break
        sleep 0.1
    done
    grep -Eq -- "$2" "$1" 2>/dev/null
}

# start_client MODE PORT CAFILE LOG [ocproxy forward] -> CL_TO (timeout's PID)
start_client() {
    local mode=$1 port=$2 ca=$3 log=$4 fwd=${5:-}
    local script=(--script-tun --script "ocproxy${fwd:+ -L $fwd}")
    # OC_DTLS_CIPHERS: the legacy suites offered (default: openconnect's)
    [ -n "${OC_DTLS_CIPHERS:-}" ] && script+=(--dtls-ciphers="$OC_DTLS_CIPHERS")
    GN_TIMEOUT=40 gn_prefix "$mode"
    printf '%s\n' "$pass" | "${GN_PFX[@]}" openconnect -v -v -v --non-inter --protocol=anyconnect \
        --cafile "$ca" --user alice --passwd-on-stdin "${script[@]}" \
        "https://127.0.0.1:$port/" >"$log" 2>&1 &
    CL_TO=$!
    GN_PIDS+=("$CL_TO")
}

# tunnel_talk PORT TOKEN -> the echo server's answer through ocproxy's PORT
tunnel_talk() {
    local fd ans=
    exec {fd}<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf '%s\n' "$2" >&"$fd"
    IFS= read -r -t 10 ans <&"$fd"
    exec {fd}>&-
    printf '%s' "$ans"
}

# answered ANSWER TOKEN: the echo server's reply to TOKEN, from a VPN address
answered() {
    [[ $1 =~ ^"${2^^}"" from $NET."[0-9]+$ ]]
}

# pair SMODE CMODE DTLS(psk|legacy|legacy09): one server, one client, every check
pair() {
    local sm=$1 cm=$2 dt=$3 tag="srv-$1-cli-$2-$3" port eport lport log tok ans cpid ts ds
    local what="server $sm, client $cm, $3 DTLS"
    gn_log "== $what"
    port=$(gn_free_port) && eport=$(gn_free_port) && lport=$(gn_free_port) || return 1
    if ! start_ocserv "$tag" "$port" "$sm" "$dt"; then
        gn_fail "$what: ocserv did not start"
        gn_show "$GN_TMP/ocserv-$tag.log"
        return 1
    fi
    if maps_mode "$OC_PID" "$sm"; then
        gn_pass "$what: ocserv (pid $OC_PID) maps the $sm GnuTLS"
    else
        gn_fail "$what: ocserv does not map the library '$sm' means"
    fi
    start_echo "$eport" || { gn_fail "$what: the VPN-side echo server did not start"; stop_tree "$OC_TO"; return 1; }
    log=$GN_TMP/openconnect-$tag.log
    local OC_DTLS_CIPHERS=
    [ "$dt" = legacy09 ] && OC_DTLS_CIPHERS=AES256-SHA
    start_client "$cm" "$port" "$pki/ca.pem" "$log" "$lport:$NET.1:$eport"
    # "Configured as ..." comes once the tunnel is set up, DTLS included
    # (openconnect delays it while DTLS's MTU detection runs).
    wait_log "$log" '^Configured as ' "$CL_TO" 25
    cpid=$(child_of "$CL_TO")
    if [ -n "$cpid" ] && maps_mode "$cpid" "$cm"; then
        gn_pass "$what: openconnect (pid $cpid) maps the $cm GnuTLS"
    else
        gn_fail "$what: openconnect does not map the library '$cm' means"
    fi

    ts=$(sed -n 's/^Connected to HTTPS on 127.0.0.1 with ciphersuite \(.*\)$/\1/p' "$log" | head -n 1)
    GN_WHY=
    gn_req "TLS handshake with the server certificate verified" [ -n "$ts" ]
    gn_req "password login (HTTP 200 CONNECTED)" grep -q '^Got CONNECT response: HTTP/1.1 200 CONNECTED' "$log"
    gn_req "tunnel TLS channel up (CSTP connected)" grep -q '^CSTP connected' "$log"
    gn_verdict "$what: login over TLS and the tunnel's TLS channel (CSTP) with $ts"
    # The baseline (both on GnuTLS) records; every other pairing compares.
    [ "$sm$cm" = realreal ] && gn_like_real real tls "$ts"
    if [ -n "$ts" ] && gn_like_real x tls "$ts"; then
        gn_pass "$what: the TLS cipher suite is the one seen on GnuTLS"
    else
        gn_fail "$what: TLS cipher suite '$ts', on GnuTLS $(gn_real_value tls)"
    fi

    ds=$(sed -n 's/^Established DTLS connection (using GnuTLS)\. Ciphersuite \(.*\)\.$/\1/p' "$log" | head -n 1)
    GN_WHY=
    gn_req "openconnect established DTLS" [ -n "$ds" ]
    gn_req "openconnect's tunnel uses DTLS" grep -Eq '^Configured as .* and DTLS (connected|established)' "$log"
    gn_req "ocserv completed the DTLS handshake" grep -q 'DTLS handshake completed' "$GN_TMP/ocserv-$tag.log"
    if [ "$dt" = psk ]; then
        gn_req "PSK-NEGOTIATE" grep -q 'DTLS ciphersuite: PSK-NEGOTIATE' "$GN_TMP/ocserv-$tag.log"
    else
        gn_req "legacy DTLS (session resumption)" grep -q 'setting up legacy DTLS (resumption)' "$GN_TMP/ocserv-$tag.log"
    fi
    [ "$dt" = legacy09 ] && gn_req "DTLS 0.9 negotiated" [ "${ds#(DTLS0.9)-}" != "$ds" ]
    gn_verdict "$what: DTLS channel established: $ds"
    [ "$sm$cm" = realreal ] && gn_like_real real "dtls-$dt" "$ds"
    if [ -n "$ds" ] && gn_like_real x "dtls-$dt" "$ds"; then
        gn_pass "$what: the DTLS cipher suite is the one seen on GnuTLS"
    else
        gn_fail "$what: DTLS cipher suite '$ds', on GnuTLS $(gn_real_value "dtls-$dt")"
    fi

    tok="through the tunnel $tag $$"
    ans=$(tunnel_talk "$lport" "$tok")
    sleep 0.3 # the trace lines of the answer's packets
    GN_WHY=
    gn_req "answer through the tunnel (got '$ans')" answered "$ans" "$tok"
    gn_req "packets sent over DTLS" grep -q '^Sent DTLS packet of ' "$log"
    gn_req "data packets received over DTLS" grep -q '^Received DTLS packet 0x00 ' "$log"
    gn_verdict "$what: a TCP connection crosses the tunnel over DTLS (${ans##* from } on the VPN side)"

    stop_tree "$CL_TO"
    stop_tree "$OC_TO"
    gn_stop "$ECHO_PID"
    if [ ${#GN_FAILED[@]} -gt 0 ] && [ -z "${SHOWN:-}" ]; then
        SHOWN=1
        gn_show "$log"
        gn_show "$GN_TMP/ocserv-$tag.log"
    fi
}

# refuse CMODE SMODE: a client trusting only the rogue CA refuses the server
refuse() {
    local cm=$1 sm=$2 port log rc what
    what="client $cm (server $sm)"
    port=$(gn_free_port) || return 1
    if ! start_ocserv "refuse-$cm" "$port" "$sm" psk; then
        gn_fail "$what: ocserv did not start"
        return 1
    fi
    log=$GN_TMP/openconnect-refuse-$cm.log
    start_client "$cm" "$port" "$pki/rogue-ca.pem" "$log"
    wait "$CL_TO"
    rc=$?
    GN_PIDS=("${GN_PIDS[@]/$CL_TO/}")
    if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! grep -q 'CSTP connected\|^Got HTTP response' "$log" &&
       grep -qi 'certificate' "$log"; then
        gn_pass "$what: openconnect refuses a server certificate from a CA it does not trust (exit $rc: $(grep -m1 -i 'verif\|certificate' "$log" | cut -c1-90))"
    else
        gn_fail "$what: openconnect with an unknown CA (exit $rc) was not refused as expected"
        gn_show "$log"
    fi
    stop_tree "$OC_TO"
}

for mode in $GN_MODES; do
    for dt in psk legacy; do
        if [ "$mode" = real ]; then
            pair real real $dt
        else
            pair real "$mode" $dt
            pair "$mode" real $dt
            pair "$mode" "$mode" $dt
        fi
    done
    pair real "$mode" legacy09
    refuse "$mode" "$mode"
done

gn_finish
