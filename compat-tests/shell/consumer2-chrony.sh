#!/bin/bash
# Tier-2 consumer: chrony's NTS (Network Time Security: a TLS 1.3 NTS-KE
# handshake on TCP, then authenticated NTP on UDP; chronyd links
# libgnutls.so.30), both ends chronyd in the foreground with temp configs and
# without touching the clock (-x, -Q), on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH).
#  - chronyd -Q (MODE) gets an authenticated time sample from an NTS server
#    chronyd (MODE); the real chronyd -Q does so from the gnossl server too;
#  - NTS-KE with a server certificate from an unknown CA or for another host
#    fails (chronyd says why) and no sample is taken.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require chronyd openssl
gn_require_build
gn_init consumer2-chrony
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
chronyd=$(command -v chronyd)

# start_nts MODE TAG CERT : NTS server; ports in NTP_PORT, KE_PORT; pid SRV
start_nts() {
    local dir=$GN_TMP/srv-$2
    mkdir -p "$dir"
    NTP_PORT=$(gn_free_port) && KE_PORT=$(gn_free_port) || exit 1
    cat >"$dir/chrony.conf" <<CONF
bindaddress 127.0.0.1
bindaddress ::1
port $NTP_PORT
ntsport $KE_PORT
ntsserverkey $pki/$3.key
ntsservercert $pki/$3.pem
ntsdumpdir $dir
allow 127.0.0.1
local stratum 8
cmdport 0
pidfile $dir/chronyd.pid
CONF
    GN_TIMEOUT=55 gn_prefix "$1"
    gn_start "chronyd-$2" "${GN_PFX[@]}" "$chronyd" -d -x -u root -f "$dir/chrony.conf"
    SRV=$GN_LAST_PID
    gn_wait_port "$KE_PORT" "$SRV" || { gn_show "$GN_TMP/chronyd-$2.log"; return 1; }
}

# sample MODE NTP_PORT KE_PORT SECONDS : one-shot client, no clock change;
# a fresh state each time (no NTS cookies kept between runs).
sample() {
    gn_run "$1" "$chronyd" -Q -u root -t "$4" -f /dev/null \
        "server 127.0.0.1 port $2 nts ntsport $3 iburst maxsamples 1" \
        "ntstrustedcerts $pki/ca.pem" "nosystemcert" "cmdport 0" \
        "pidfile $GN_TMP/client.pid" >"$GN_TMP/client.log" 2>&1
}

start_nts real rogue rogue && R_NTP=$NTP_PORT R_KE=$KE_PORT || exit 1
start_nts real wrong wrongname && W_NTP=$NTP_PORT W_KE=$KE_PORT || exit 1

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$chronyd" || continue

    if start_nts "$mode" "good-$mode" server; then
        clients=("$mode")
        [ "$mode" = real ] || clients+=(real)
        for client in "${clients[@]}"; do
            if sample "$client" "$NTP_PORT" "$KE_PORT" 15 && grep -q 'System clock wrong by' "$GN_TMP/client.log"; then
                gn_pass "$mode: chronyd -Q ($client) takes an NTS-authenticated sample from chronyd ($mode)"
            else
                gn_fail "$mode: chronyd -Q ($client) got no NTS sample from chronyd ($mode)"
                gn_show "$GN_TMP/client.log"
                gn_show "$GN_TMP/chronyd-good-$mode.log"
            fi
        done
        gn_stop "$SRV"
    else
        gn_fail "$mode: NTS server chronyd did not start"
    fi

    for case in "R|issuer is unknown|a certificate from an unknown CA" \
                "W|does not match|a certificate for another host name"; do
        IFS='|' read -r s text what <<<"$case"
        ntp=${s}_NTP ke=${s}_KE
        sample "$mode" "${!ntp}" "${!ke}" 3
        rc=$?
        if [ $rc -ne 0 ] && ! grep -q 'System clock wrong by' "$GN_TMP/client.log" &&
           grep -q "TLS handshake.*failed" "$GN_TMP/client.log" && grep -q "$text" "$GN_TMP/client.log"; then
            gn_pass "$mode: chronyd refuses NTS-KE with $what ($(grep -m1 -o "$text.*" "$GN_TMP/client.log" | cut -c1-80))"
        else
            gn_fail "$mode: chronyd did not refuse NTS-KE with $what (exit $rc)"
            gn_show "$GN_TMP/client.log"
        fi
    done
done

gn_finish
