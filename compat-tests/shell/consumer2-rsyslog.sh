#!/bin/bash
# Tier-2 consumer: rsyslogd with its GnuTLS network stream driver
# (rsyslog-gnutls: lmnsd_gtls.so, linked to libgnutls.so.30), in the
# foreground with temp configs, on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH).
#  Server: imtcp over TLS with AuthMode x509/certvalid; openssl s_client
#    sends syslog lines with a client certificate from the CA: they are
#    written out intact; a client certificate from an unknown CA and no
#    client certificate are refused (nothing logged, rsyslog says why).
#  Client: omfwd over TLS with AuthMode x509/name (PermittedPeers localhost)
#    forwards what `logger` gives it to a python3 TLS sink: it arrives; a
#    sink with a certificate from an unknown CA or for another host name
#    receives nothing.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/https.sh"
gn_require rsyslogd logger openssl python3
[ -e /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so ] || { gn_log "SKIP: rsyslog-gnutls not installed"; exit 77; }
gn_require_build
gn_init consumer2-rsyslog
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
gtls=/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so

# wait_for FILE TEXT [SECONDS] : until FILE contains TEXT
wait_for() {
    local i
    for i in $(seq 1 $((${3:-10} * 10))); do
        grep -Fq -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# start_rsyslog MODE TAG CONF-TEXT : rsyslogd -n on CONF; pid in SRV
start_rsyslog() {
    local dir=$GN_TMP/rs-$2
    mkdir -p "$dir/work"
    printf '%s\n' "$3" >"$dir/rsyslog.conf"
    GN_TIMEOUT=50 gn_prefix "$1"
    gn_start "rsyslog-$2" "${GN_PFX[@]}" rsyslogd -n -f "$dir/rsyslog.conf" -i "$dir/pid"
    SRV=$GN_LAST_PID
}

# send_lines PORT CERT OUT-LOG LINES... : openssl s_client as a syslog sender
send_lines() {
    local port=$1 cert=$2 log=$3 opts=()
    shift 3
    [ -n "$cert" ] && opts=(-cert "$pki/$cert.pem" -key "$pki/$cert.key")
    printf '%s\n' "$@" | timeout 20 openssl s_client -quiet -no_ign_eof -connect "127.0.0.1:$port" \
        -CAfile "$pki/ca.pem" "${opts[@]}" >"$log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$gtls" || continue

    # ---- rsyslog as the TLS server ----
    port=$(gn_free_port) || exit 1
    out=$GN_TMP/server-$mode.out
    start_rsyslog "$mode" "srv-$mode" "
global(workDirectory=\"$GN_TMP/rs-srv-$mode/work\"
       DefaultNetstreamDriver=\"gtls\"
       DefaultNetstreamDriverCAFile=\"$pki/ca.pem\"
       DefaultNetstreamDriverCertFile=\"$pki/server.pem\"
       DefaultNetstreamDriverKeyFile=\"$pki/server.key\")
module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\" StreamDriver.AuthMode=\"x509/certvalid\")
input(type=\"imtcp\" port=\"$port\" address=\"127.0.0.1\")
template(name=\"raw\" type=\"string\" string=\"%syslogtag%%msg%\\n\")
*.* action(type=\"omfile\" file=\"$out\" template=\"raw\")"
    srv=$SRV
    if gn_wait_port "$port" "$srv"; then
        long=$(head -c 3000 /dev/urandom | base64 -w 0)
        send_lines "$port" client "$GN_TMP/sc.log" \
            "<13>Nov 23 12:00:00 host gnossl: first $mode $$" "<13>Nov 23 12:00:01 host gnossl: long $long"
        if wait_for "$out" "long $long" &&
           grep -qx "gnossl: first $mode $$" "$out" && grep -qx "gnossl: long $long" "$out"; then
            gn_pass "$mode: rsyslogd (TLS server, x509/certvalid) logs the client's lines intact"
        else
            gn_fail "$mode: rsyslogd as TLS server did not log the lines"
            gn_show "$out"
            gn_show "$GN_TMP/rsyslog-srv-$mode.log"
            gn_show "$GN_TMP/sc.log"
        fi
        for case in "rogue-client|certificate invalid|a client certificate from an unknown CA" \
                    "|certificate|no client certificate"; do
            IFS='|' read -r cert text what <<<"$case"
            : >"$GN_TMP/rsyslog-srv-$mode.log.mark"
            before=$(wc -l <"$GN_TMP/rsyslog-srv-$mode.log")
            send_lines "$port" "$cert" "$GN_TMP/sc.log" "<13>Nov 23 12:00:02 host gnossl: refused ${cert:-none} $mode"
            sleep 1
            if ! grep -q "refused ${cert:-none} $mode" "$out" &&
               tail -n +$((before + 1)) "$GN_TMP/rsyslog-srv-$mode.log" | grep -q "$text"; then
                gn_pass "$mode: rsyslogd refuses $what ($(tail -n +$((before + 1)) "$GN_TMP/rsyslog-srv-$mode.log" | grep -m1 "$text" | cut -c1-110))"
            else
                gn_fail "$mode: rsyslogd did not refuse $what"
                gn_show "$out"
                gn_show "$GN_TMP/rsyslog-srv-$mode.log"
            fi
        done
    else
        gn_fail "$mode: rsyslogd (TLS server) did not start"
        gn_show "$GN_TMP/rsyslog-srv-$mode.log"
    fi
    gn_stop "$srv"

    # ---- rsyslog as the TLS client ----
    conf="
global(workDirectory=\"$GN_TMP/rs-cli-$mode/work\"
       DefaultNetstreamDriverCAFile=\"$pki/ca.pem\")
module(load=\"imtcp\")"
    declare -A in_port=()
    for sink in good rogue wrong; do
        case $sink in good) c=server ;; rogue) c=rogue ;; wrong) c=wrongname ;; esac
        : >"$GN_TMP/sink-$sink-$mode.out"
        gn2_start_tls_sink "sink_$sink" "$pki/$c.pem" "$pki/$c.key" "$GN_TMP/sink-$sink-$mode.out" || exit 1
        sp=PORT_sink_$sink
        in_port[$sink]=$(gn_free_port) || exit 1
        conf+="
ruleset(name=\"to_$sink\") {
    action(type=\"omfwd\" target=\"127.0.0.1\" port=\"${!sp}\" protocol=\"tcp\"
           StreamDriver=\"gtls\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"x509/name\"
           StreamDriverPermittedPeers=\"localhost\" template=\"RSYSLOG_SyslogProtocol23Format\")
}
input(type=\"imtcp\" port=\"${in_port[$sink]}\" address=\"127.0.0.1\" ruleset=\"to_$sink\")"
    done
    start_rsyslog "$mode" "cli-$mode" "$conf"
    srv=$SRV
    if gn_wait_port "${in_port[good]}" "$srv" && gn_wait_port "${in_port[wrong]}" "$srv"; then
        for sink in good rogue wrong; do
            logger -T -n 127.0.0.1 -P "${in_port[$sink]}" -t gnossl "via $sink $mode $$"
        done
        if wait_for "$GN_TMP/sink-good-$mode.out" "via good $mode $$"; then
            gn_pass "$mode: rsyslogd (TLS client, x509/name) forwards the message to the sink"
        else
            gn_fail "$mode: rsyslogd as TLS client did not forward the message"
            gn_show "$GN_TMP/rsyslog-cli-$mode.log"
            gn_show "$GN_TMP/sink_good.log"
        fi
        sleep 1
        for case in "rogue|signer not found|a server certificate from an unknown CA" \
                    "wrong|peer name not authorized|a server certificate for another host name"; do
            IFS='|' read -r sink text what <<<"$case"
            if ! grep -q "via $sink" "$GN_TMP/sink-$sink-$mode.out" &&
               grep -q "$text" "$GN_TMP/rsyslog-cli-$mode.log"; then
                gn_pass "$mode: rsyslogd refuses to forward to $what ($text)"
            else
                gn_fail "$mode: rsyslogd forwarded to $what"
                gn_show "$GN_TMP/rsyslog-cli-$mode.log"
            fi
        done
    else
        gn_fail "$mode: rsyslogd (TLS client) did not start"
        gn_show "$GN_TMP/rsyslog-cli-$mode.log"
    fi
    gn_stop "$srv"
    unset in_port
done

gn_finish
