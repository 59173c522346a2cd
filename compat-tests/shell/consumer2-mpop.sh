#!/bin/bash
# Tier-2 consumer: Debian's mpop (linked to libgnutls.so.30) fetches a message
# from a local POP3 server (python3 + ssl) over POP3S (implicit TLS) and over
# STLS, into a maildir, on the real GnuTLS and through gnossl (LD_PRELOAD,
# LD_LIBRARY_PATH).
#  - the delivered file is byte for byte the message the server holds;
#  - a server certificate from an unknown CA is refused, nothing delivered;
#  - a server certificate for another host name is refused, nothing delivered.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/mail.sh"
gn_require mpop python3 openssl cmp
gn_require_build
gn_init consumer2-mpop
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
conf=$GN_TMP/mpoprc
: >"$conf"
chmod 600 "$conf"
msg=$GN_TMP/message
gn2_make_message "$msg" "mpop-$$"

gn2_start_pop3 im implicit "$pki/server.pem" "$pki/server.key" "$msg" || exit 1
gn2_start_pop3 st starttls "$pki/server.pem" "$pki/server.key" "$msg" || exit 1
gn2_start_pop3 rogue implicit "$pki/rogue.pem" "$pki/rogue.key" "$msg" || exit 1
gn2_start_pop3 wrong starttls "$pki/wrongname.pem" "$pki/wrongname.key" "$msg" || exit 1

# fetch MODE PORT STARTTLS(on|off) MAILDIR : log in mpop.log
fetch() {
    rm -rf "$4"
    mkdir -p "$4/new" "$4/cur" "$4/tmp"
    gn_run "$1" mpop --file="$conf" --host=127.0.0.1 --port="$2" \
        --tls=on --tls-starttls="$3" --tls-trust-file="$pki/ca.pem" \
        --auth=user --user=u --passwordeval='echo pw' \
        --uidls-file="$4.uidls" --keep=on --only-new=off --received-header=off \
        --delivery=maildir,"$4" >"$GN_TMP/mpop.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/mpop || continue

    for kind in im st; do
        [ $kind = im ] && { tls=off; what="POP3S (implicit TLS)"; } || { tls=on; what="STLS"; }
        box=$GN_TMP/box-$mode-$kind
        port=PORT_$kind
        fetch "$mode" "${!port}" $tls "$box"
        rc=$?
        got=$(ls "$box"/new/* 2>/dev/null)
        if [ $rc -eq 0 ] && [ "$(echo "$got" | wc -w)" -eq 1 ] && cmp -s "$msg" "$got"; then
            gn_pass "$mode: mpop fetches over $what; the $(stat -c %s "$msg")-byte message arrived intact"
        else
            gn_fail "$mode: mpop over $what (exit $rc; delivered: ${got:-nothing})"
            gn_show "$GN_TMP/mpop.log"
            gn_show "$GN_TMP/$kind.log"
        fi
    done

    for case in "rogue|off|issuer is unknown|a certificate from an unknown CA" \
                "wrong|on|does not match|a certificate for another host name"; do
        IFS='|' read -r name tls text what <<<"$case"
        box=$GN_TMP/box-$mode-$name
        port=PORT_$name
        fetch "$mode" "${!port}" $tls "$box"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "$text" "$GN_TMP/mpop.log" &&
           [ -z "$(ls "$box"/new)" ]; then
            gn_pass "$mode: mpop refuses $what (exit $rc: $(head -n 1 "$GN_TMP/mpop.log"))"
        else
            gn_fail "$mode: mpop did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/mpop.log"
        fi
    done
done

gn_finish
