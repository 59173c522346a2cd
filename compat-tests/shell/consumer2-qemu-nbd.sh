#!/bin/bash
# Tier-2 consumer: QEMU's NBD over TLS (tls-creds-x509; qemu-utils links
# libgnutls.so.30) and nbdkit --tls, on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH).  QEMU and nbdkit verify both ends by
# default (client certificates required).
#  - qemu-img (MODE) copies a 4 MB image out of qemu-nbd (MODE): identical;
#  - the real qemu-img copies it out of nbdkit (MODE): identical;
#  - qemu-img (MODE) refuses a server from an unknown CA and one whose
#    certificate names another host;
#  - PSK (tls-creds-psk): qemu-img (MODE) copies the image out of qemu-nbd
#    (MODE), and the real qemu-img out of nbdkit --tls-psk (MODE); a client
#    with another key is refused by both servers;
#  - libnbd's nbdcopy (MODE; libnbd.so.0 links libgnutls.so.30) copies the
#    image out of qemu-nbd (MODE) with x509 and with PSK, and refuses the
#    unknown-CA and wrong-name servers and a server with another PSK;
#  - qemu-nbd (MODE) refuses a client without a certificate; nbdkit (MODE)
#    --tls-verify-peer refuses a client whose certificate comes from an
#    unknown CA.  (The real GnuTLS client sends no certificate at all when
#    its issuer is not among the CA names of the CertificateRequest; nbdkit
#    uses GNUTLS_CERT_REQUEST + gnutls_session_set_verify_cert, which must
#    then fail the handshake, as the real GnuTLS does with -43.)
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require qemu-nbd qemu-img openssl cmp
gn_require_build
gn_init consumer2-qemu-nbd
export LC_ALL=C
nbdkit=$(command -v nbdkit || true)
nbdcopy=$(command -v nbdcopy || true)

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
# QEMU's and nbdkit's fixed file names in a credentials directory.
creds() { # DIR CA [server|client CERTNAME]
    mkdir -p "$1"
    cp "$pki/$2.pem" "$1/ca-cert.pem"
    if [ -n "${3:-}" ]; then
        cp "$pki/$4.pem" "$1/$3-cert.pem"
        cp "$pki/$4.key" "$1/$3-key.pem"
    fi
}
creds "$GN_TMP/c-srv" ca server server
creds "$GN_TMP/c-wrongsrv" ca server wrongname
creds "$GN_TMP/c-roguesrv" rogue-ca server rogue
creds "$GN_TMP/c-cli" ca client client
creds "$GN_TMP/c-nocert" ca
creds "$GN_TMP/c-rogueclient" ca client rogue-client
# QEMU checks its own certificate against its CA file before connecting:
# let the rogue client trust both CAs so that only the server can refuse it.
# (The client is the real GnuTLS: it then offers no certificate.)
cat "$pki/rogue-ca.pem" >>"$GN_TMP/c-rogueclient/ca-cert.pem"

# PSK credentials: QEMU reads DIR/keys.psk, nbdkit the same file
# ("user:hex key" lines); the "bad" client has the same user, another key.
for d in p-srv p-cli p-bad; do mkdir -p "$GN_TMP/$d"; done
psk=$(openssl rand -hex 32)
echo "qemu:$psk" >"$GN_TMP/p-srv/keys.psk"
echo "qemu:$psk" >"$GN_TMP/p-cli/keys.psk"
echo "qemu:$(openssl rand -hex 32)" >"$GN_TMP/p-bad/keys.psk"

img=$GN_TMP/disk.img
head -c $((4 * 1024 * 1024)) /dev/urandom >"$img"

# QEMU's credentials object: creds_object x509|psk DIR server|client
creds_object() {
    local o="tls-creds-$1,id=tls0,dir=$2,endpoint=$3"
    [ "$1" = psk ] && [ "$3" = client ] && o+=",username=qemu"
    printf '%s' "$o"
}
# start_qemu_nbd MODE CREDDIR [x509|psk] -> PORT, SRV (pid)
start_qemu_nbd() {
    PORT=$(gn_free_port) || exit 1
    GN_TIMEOUT=50 gn_prefix "$1"
    gn_start "qemu-nbd-$1" "${GN_PFX[@]}" qemu-nbd --object "$(creds_object "${3:-x509}" "$2" server)" \
        --tls-creds tls0 -f raw -r -b 127.0.0.1 -p "$PORT" --persistent -x exp "$img"
    SRV=$GN_LAST_PID
    gn_wait_port "$PORT" "$SRV" || { gn_show "$GN_TMP/qemu-nbd-$1.log"; return 1; }
}
start_nbdkit() { # MODE CREDDIR [x509|psk] -> PORT, SRV
    local tls=(--tls-certificates="$2" --tls-verify-peer)
    [ "${3:-x509}" = psk ] && tls=(--tls-psk="$2/keys.psk")
    PORT=$(gn_free_port) || exit 1
    GN_TIMEOUT=50 gn_prefix "$1"
    gn_start "nbdkit-$1" "${GN_PFX[@]}" "$nbdkit" -f -r -i 127.0.0.1 -p "$PORT" --tls=require \
        "${tls[@]}" file "$img"
    SRV=$GN_LAST_PID
    gn_wait_port "$PORT" "$SRV" || { gn_show "$GN_TMP/nbdkit-$1.log"; return 1; }
}
# copy MODE PORT CREDDIR OUT [x509|psk] : qemu-img convert out of the NBD export
copy() {
    rm -f "$4"
    gn_run "$1" qemu-img convert --object "$(creds_object "${5:-x509}" "$3" client)" \
        --image-opts "driver=nbd,host=127.0.0.1,port=$2,export=exp,tls-creds=tls0" \
        -O raw "$4" >"$GN_TMP/qemu-img.log" 2>&1
}

# nbdcopy_from MODE PORT QUERY OUT [USER@]: libnbd's nbdcopy of the export
# (QUERY: tls-certificates=DIR or tls-psk-file=FILE); output in nbdcopy.log.
# Without nbdcopy installed it fails with 127 and the callers skip.
nbdcopy_from() {
    rm -f "$4"
    [ -n "$nbdcopy" ] || return 127
    gn_run "$1" "$nbdcopy" "nbds://${5:-}127.0.0.1:$2/exp?$3" "$4" >"$GN_TMP/nbdcopy.log" 2>&1
}
# nbdcopy_check RC WHAT: nbdcopy (exit RC) copied the image intact
nbdcopy_check() {
    [ "$1" -eq 127 ] && return 0
    if [ "$1" -eq 0 ] && cmp -s "$img" "$out"; then
        gn_pass "$mode: nbdcopy ($mode) copies the image out of $2, identical"
    else
        gn_fail "$mode: nbdcopy ($mode) from $2 (exit $1)"
        gn_show "$GN_TMP/nbdcopy.log"
    fi
}
# nbdcopy_refused RC WHAT: nbdcopy (exit RC) failed and wrote nothing
nbdcopy_refused() {
    [ "$1" -eq 127 ] && return 0
    if [ "$1" -ne 0 ] && [ "$1" -ne 124 ] && [ "$1" -ne 125 ] && ! [ -s "$out" ]; then
        gn_pass "$mode: nbdcopy ($mode) refuses $2 ($(head -n 1 "$GN_TMP/nbdcopy.log" | sed "s/.*nbd_connect_uri: //" | cut -c1-140))"
    else
        gn_fail "$mode: nbdcopy ($mode) did not refuse $2 (exit $1)"
        gn_show "$GN_TMP/nbdcopy.log"
    fi
}

# psk_refused RC SERVERLOG WHO: the copy with the wrong key (exit RC) failed,
# wrote nothing, and the server logged a failed handshake.
psk_refused() {
    if [ "$1" -ne 0 ] && [ "$1" -ne 124 ] && [ "$1" -ne 125 ] && ! [ -s "$out" ] &&
       grep -qi 'handshake' "$2"; then
        gn_pass "$3: a client with another PSK is refused ($(grep -m1 -i 'handshake' "$2" | cut -c1-140))"
    else
        gn_fail "$3: a client with another PSK was not refused (exit $1)"
        gn_show "$GN_TMP/qemu-img.log"
        gn_show "$2"
    fi
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/qemu-img || continue
    [ -z "$nbdcopy" ] || gn_assert_loaded "$mode" "$nbdcopy" || continue
    out=$GN_TMP/out-$mode.img

    if start_qemu_nbd "$mode" "$GN_TMP/c-srv"; then
        if copy "$mode" "$PORT" "$GN_TMP/c-cli" "$out" && cmp -s "$img" "$out"; then
            gn_pass "$mode: qemu-img copies a 4 MB image out of qemu-nbd over TLS (both on $mode), identical"
        else
            gn_fail "$mode: qemu-img from qemu-nbd over TLS (exit $?)"
            gn_show "$GN_TMP/qemu-img.log"
            gn_show "$GN_TMP/qemu-nbd-$mode.log"
        fi
        nbdcopy_from "$mode" "$PORT" "tls-certificates=$GN_TMP/c-cli" "$out"
        nbdcopy_check $? "qemu-nbd ($mode) over TLS with a client certificate"
        copy "$mode" "$PORT" "$GN_TMP/c-nocert" "$out"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! [ -s "$out" ] &&
           grep -qi 'certificate' "$GN_TMP/qemu-nbd-$mode.log"; then
            gn_pass "$mode: qemu-nbd refuses a client without a certificate ($(grep -m1 -i 'certificate' "$GN_TMP/qemu-nbd-$mode.log" | cut -c1-160))"
        else
            gn_fail "$mode: qemu-nbd did not refuse a client without a certificate (exit $rc)"
            gn_show "$GN_TMP/qemu-img.log"
            gn_show "$GN_TMP/qemu-nbd-$mode.log"
        fi
        gn_stop "$SRV"
    else
        gn_fail "$mode: qemu-nbd with TLS did not start"
    fi

    # The client refuses bad servers (the servers run on the real GnuTLS).
    for case in "c-roguesrv|a server certificate from an unknown CA" \
                "c-wrongsrv|a server certificate for another host name"; do
        IFS='|' read -r dir what <<<"$case"
        start_qemu_nbd real "$GN_TMP/$dir" || { gn_fail "server for $what did not start"; continue; }
        cdir=$GN_TMP/c-cli
        # The rogue server trusts only its own CA, the client only ours.
        copy "$mode" "$PORT" "$cdir" "$out"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! [ -s "$out" ] &&
           grep -qi 'certificate\|tls' "$GN_TMP/qemu-img.log"; then
            gn_pass "$mode: qemu-img refuses $what ($(grep -m1 -i 'certificate\|tls' "$GN_TMP/qemu-img.log" | cut -c1-160))"
        else
            gn_fail "$mode: qemu-img did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/qemu-img.log"
        fi
        nbdcopy_from "$mode" "$PORT" "tls-certificates=$cdir" "$out"
        nbdcopy_refused $? "$what"
        gn_stop "$SRV"
    done

    # PSK: both ends on MODE; a client with another key gets nothing (the
    # handshake fails: TLS 1.3's PSK binder does not verify).
    if start_qemu_nbd "$mode" "$GN_TMP/p-srv" psk; then
        if copy "$mode" "$PORT" "$GN_TMP/p-cli" "$out" psk && cmp -s "$img" "$out"; then
            gn_pass "$mode: qemu-img copies the image out of qemu-nbd over TLS-PSK (both on $mode), identical"
        else
            gn_fail "$mode: qemu-img from qemu-nbd over TLS-PSK (exit $?)"
            gn_show "$GN_TMP/qemu-img.log"
            gn_show "$GN_TMP/qemu-nbd-$mode.log"
        fi
        copy "$mode" "$PORT" "$GN_TMP/p-bad" "$out" psk
        psk_refused "$?" "$GN_TMP/qemu-nbd-$mode.log" "$mode: qemu-nbd with qemu-img"
        nbdcopy_from "$mode" "$PORT" "tls-psk-file=$GN_TMP/p-cli/keys.psk" "$out" qemu@
        nbdcopy_check $? "qemu-nbd ($mode) over TLS-PSK"
        nbdcopy_from "$mode" "$PORT" "tls-psk-file=$GN_TMP/p-bad/keys.psk" "$out" qemu@
        nbdcopy_refused $? "a server with another PSK"
        gn_stop "$SRV"
    else
        gn_fail "$mode: qemu-nbd with TLS-PSK did not start"
    fi

    if [ -n "$nbdkit" ]; then
        gn_assert_loaded "$mode" "$nbdkit" || continue
        if start_nbdkit "$mode" "$GN_TMP/p-srv" psk; then
            if copy real "$PORT" "$GN_TMP/p-cli" "$out" psk && cmp -s "$img" "$out"; then
                gn_pass "$mode: the real qemu-img copies the image out of nbdkit ($mode) over TLS-PSK, identical"
            else
                gn_fail "$mode: real qemu-img from nbdkit over TLS-PSK (exit $?)"
                gn_show "$GN_TMP/qemu-img.log"
                gn_show "$GN_TMP/nbdkit-$mode.log"
            fi
            copy real "$PORT" "$GN_TMP/p-bad" "$out" psk
            psk_refused "$?" "$GN_TMP/nbdkit-$mode.log" "$mode: nbdkit with the real qemu-img"
            gn_stop "$SRV"
        else
            gn_fail "$mode: nbdkit with TLS-PSK did not start"
        fi
        if start_nbdkit "$mode" "$GN_TMP/c-srv"; then
            if copy real "$PORT" "$GN_TMP/c-cli" "$out" && cmp -s "$img" "$out"; then
                gn_pass "$mode: the real qemu-img copies the image out of nbdkit ($mode) over TLS, identical"
            else
                gn_fail "$mode: real qemu-img from nbdkit over TLS (exit $?)"
                gn_show "$GN_TMP/qemu-img.log"
                gn_show "$GN_TMP/nbdkit-$mode.log"
            fi
            copy real "$PORT" "$GN_TMP/c-rogueclient" "$out"
            rc=$?
            if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! [ -s "$out" ] &&
               grep -qi 'certificate\|verif\|handshake' "$GN_TMP/nbdkit-$mode.log"; then
                gn_pass "$mode: nbdkit refuses a client certificate from an unknown CA ($(grep -m1 -i 'certificate\|verif\|handshake' "$GN_TMP/nbdkit-$mode.log" | cut -c1-160))"
            else
                gn_fail "$mode: nbdkit did not refuse a client certificate from an unknown CA (exit $rc)"
                gn_show "$GN_TMP/qemu-img.log"
                gn_show "$GN_TMP/nbdkit-$mode.log"
            fi
            gn_stop "$SRV"
        else
            gn_fail "$mode: nbdkit with TLS did not start"
        fi
    fi
done

gn_finish
