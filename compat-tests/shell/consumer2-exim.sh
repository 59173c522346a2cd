#!/bin/bash
# Tier-2 consumer (server side): Debian's exim4 (linked to libgnutls.so.30 and
# libgnutls-dane) as an SMTP server in the foreground (-bdf) with a temp
# configuration, on the real GnuTLS and through gnossl (LD_PRELOAD,
# LD_LIBRARY_PATH); swaks (Perl, OpenSSL) is the client.
#  - a message sent over STARTTLS (TLS 1.3, and TLS 1.2) with the server
#    certificate verified arrives intact in exim's spool, and exim logs the
#    TLS session it negotiated (P=esmtps, the same cipher text as on GnuTLS);
#  - a second server requires client certificates (tls_verify_hosts) and TLS
#    1.3 only (tls_require_ciphers, a GnuTLS priority string): a client
#    certificate from its CA is accepted and logged as verified (CV=yes);
#    no client certificate, one from an unknown CA, and a TLS 1.2-only
#    client are all refused, and nothing is spooled.
# exim is run from a non-setuid copy (a setuid binary would ignore
# LD_PRELOAD/LD_LIBRARY_PATH), and each gnossl run checks the daemon's own
# memory map for gnossl's library, since exim scrubs its environment.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require swaks openssl
[ -x /usr/sbin/exim4 ] || { gn_log "SKIP: exim4 not installed"; exit 77; }
gn_require_build
gn_init consumer2-exim
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
cp /usr/sbin/exim4 "$GN_TMP/exim4" && chmod 755 "$GN_TMP/exim4" || exit 1
exim=$GN_TMP/exim4
me=$(id -un) grp=$(id -gn)

# write_conf TAG VERIFY(0|1) -> $GN_TMP/exim-TAG.conf, spool and log dirs
write_conf() {
    local d=$GN_TMP/$1
    mkdir -p "$d/spool" "$d/log"
    {
        cat <<CONF
primary_hostname = localhost
spool_directory = $d/spool
log_file_path = $d/log/%slog
exim_user = $me
exim_group = $grp
never_users =
keep_environment =
tls_certificate = $pki/server.pem
tls_privatekey = $pki/server.key
tls_advertise_hosts = *
queue_only = true
acl_smtp_mail = acl_mail
acl_smtp_rcpt = acl_rcpt
CONF
        if [ "$2" = 1 ]; then
            cat <<CONF
tls_verify_hosts = *
tls_verify_certificates = $pki/ca.pem
tls_require_ciphers = NORMAL:-VERS-ALL:+VERS-TLS1.3
CONF
        fi
        cat <<'CONF'
begin acl
acl_mail:
  deny condition = ${if eq{$tls_in_cipher}{}}
       message = TLS required
  accept
acl_rcpt:
  accept
begin routers
begin transports
CONF
    } >"$GN_TMP/exim-$1.conf"
    chmod 644 "$GN_TMP/exim-$1.conf"
}

# start_exim TAG PORT MODE -> EXIM_PID (the exim daemon itself)
start_exim() {
    local tag=$1 port=$2 mode=$3 i
    GN_TIMEOUT=60 gn_prefix "$mode"
    gn_start "exim-$tag" "${GN_PFX[@]}" "$exim" -C "$GN_TMP/exim-$tag.conf" -bdf -oX "$port" -odq
    TO_PID=$GN_LAST_PID
    gn_wait_port "$port" "$TO_PID" || return 1
    # timeout -> (gnossl-run execs) exim: the daemon is timeout's child.
    EXIM_PID=
    for i in $(seq 1 20); do
        EXIM_PID=$(ps -o pid= --ppid "$TO_PID" | tr -d ' ' | head -n 1)
        [ -n "$EXIM_PID" ] && break
        sleep 0.05
    done
    [ -n "$EXIM_PID" ]
}

# stop_exim: the daemon, and any connection process it forked that is
# still alive (exim leaves them running when the daemon ends).
stop_exim() {
    local kids k
    kids=$(ps -o pid= --ppid "$EXIM_PID" 2>/dev/null)
    gn_stop "$TO_PID"
    for k in $kids; do kill "$k" 2>/dev/null; done
    return 0
}

# uses_gnossl PID MODE: the process maps the library MODE means to test
uses_gnossl() {
    local ours
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30")
    if grep -q "$ours" "/proc/$1/maps" 2>/dev/null; then
        [ "$2" != real ]
    else
        [ "$2" = real ] && grep -q 'libgnutls.so.30' "/proc/$1/maps"
    fi
}

# send TAG PORT BODY [swaks options] -> swaks output in $GN_TMP/swaks.log
send() {
    local port=$2 body=$3
    shift 3
    timeout "${SWAKS_TIMEOUT:-20}" swaks --server "127.0.0.1:$port" --helo client.test --from sender@example.test \
        --to rcpt@example.test --tls --tls-verify --tls-ca-path "$pki/ca.pem" \
        --body "$body" "$@" >"$GN_TMP/swaks.log" 2>&1
}

# spooled TAG BODY: exim queued a message whose data file holds BODY
spooled() {
    grep -rqsF -- "$2" "$GN_TMP/$1/spool/input"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$exim" || continue
    port=$(gn_free_port) && vport=$(gn_free_port) || exit 1
    write_conf "$mode" 0
    write_conf "$mode-verify" 1
    if ! start_exim "$mode" "$port" "$mode"; then
        gn_fail "$mode: exim did not start"
        gn_show "$GN_TMP/exim-$mode.log"
        continue
    fi
    pid=$EXIM_PID
    if uses_gnossl "$pid" "$mode"; then
        gn_pass "$mode: the exim daemon (pid $pid) has the $mode GnuTLS mapped"
    else
        gn_fail "$mode: the exim daemon does not map the library $mode means"
        grep libgnutls "/proc/$pid/maps" | head -n 3 >&2
    fi

    for v in "1.3|" "1.2|--tls-protocol tlsv1_2"; do
        IFS='|' read -r ver opts <<<"$v"
        body="exim over $mode TLS $ver $$"
        # shellcheck disable=SC2086
        send "$mode" "$port" "$body" $opts
        rc=$?
        x=$(grep 'P=esmtps' "$GN_TMP/$mode/log/mainlog" 2>/dev/null | tail -n 1 | sed -n 's/.* X=\([^ ]*\).*/\1/p')
        if [ $rc -eq 0 ] && spooled "$mode" "$body" && grep -q "TLS started with cipher TLSv$ver" "$GN_TMP/swaks.log" &&
           [[ $x == "TLS$ver:"* ]]; then
            gn_pass "$mode: swaks sends a message to exim over STARTTLS (TLS $ver); spooled intact; exim logs X=$x"
            if gn_like_real "$mode" "exim-x-$ver" "$x"; then
                gn_pass "$mode: exim's description of the TLS $ver session is the one it gives on GnuTLS"
            else
                gn_fail "$mode: exim describes the TLS $ver session as $x, on GnuTLS as $(gn_real_value "exim-x-$ver")"
            fi
        else
            gn_fail "$mode: message over STARTTLS TLS $ver to exim (swaks exit $rc)"
            gn_show "$GN_TMP/swaks.log"
            gn_show "$GN_TMP/$mode/log/mainlog"
            gn_show "$GN_TMP/exim-$mode.log"
        fi
    done
    stop_exim

    if ! start_exim "$mode-verify" "$vport" "$mode"; then
        gn_fail "$mode: exim (client certificates) did not start"
        gn_show "$GN_TMP/exim-$mode-verify.log"
        continue
    fi
    body="exim client cert over $mode $$"
    send "$mode-verify" "$vport" "$body" --tls-cert "$pki/client.pem" --tls-key "$pki/client.key"
    rc=$?
    accepted=0
    if [ $rc -eq 0 ] && spooled "$mode-verify" "$body" &&
       grep -q 'P=esmtps.* CV=yes' "$GN_TMP/$mode-verify/log/mainlog"; then
        gn_pass "$mode: exim accepts and verifies (CV=yes) a client certificate from its CA"
        accepted=1
    else
        gn_fail "$mode: client certificate to exim (swaks exit $rc)"
        gn_show "$GN_TMP/swaks.log"
        gn_show "$GN_TMP/$mode-verify/log/mainlog"
    fi
    for case in "none|no client certificate|" \
                "rogue|a client certificate from an unknown CA|--tls-cert $pki/rogue-client.pem --tls-key $pki/rogue-client.key" \
                "tls12|a TLS 1.2-only client (server allows TLS 1.3 only)|--tls-cert $pki/client.pem --tls-key $pki/client.key --tls-protocol tlsv1_2"; do
        IFS='|' read -r name what opts <<<"$case"
        body="exim refused $name $mode $$"
        # shellcheck disable=SC2086
        SWAKS_TIMEOUT=8 send "$mode-verify" "$vport" "$body" $opts
        rc=$?
        if [ $accepted = 0 ]; then
            gn_log "  (not counted: $mode: refusal of $what, the server accepts no one)"
        elif [ $rc -eq 124 ]; then
            # Refused, but the client was never told: it waits for a reply.
            gn_fail "$mode: exim refuses $what, but the client hangs (no alert, no close) until killed"
            gn_show "$GN_TMP/swaks.log"
        elif [ $rc -ne 0 ] && ! spooled "$mode-verify" "$body" && ! grep -q '250 OK id=' "$GN_TMP/swaks.log"; then
            gn_pass "$mode: exim refuses $what (swaks exit $rc: $(grep -m1 -iE 'error|fail|closed' "$GN_TMP/swaks.log" | cut -c1-100))"
        else
            gn_fail "$mode: exim accepted a message from $what (swaks exit $rc)"
            gn_show "$GN_TMP/swaks.log"
        fi
    done
    stop_exim
done

gn_finish
