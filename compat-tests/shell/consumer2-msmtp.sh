#!/bin/bash
# Tier-2 consumer: Debian's msmtp (linked to libgnutls.so.30) sends a message
# to a local SMTP server (python3 + ssl) over STARTTLS and over implicit TLS
# (SMTPS), on the real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - the message the server stores is byte for byte the one msmtp was given
#    (after SMTP's own CRLF and dot-stuffing transforms are undone);
#  - a server certificate from an unknown CA is refused, nothing is stored;
#  - a server certificate for another host name is refused, nothing stored.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/mail.sh"
gn_require msmtp python3 openssl cmp
gn_require_build
gn_init consumer2-msmtp
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
# msmtp must not read a user configuration: give it an empty one.
conf=$GN_TMP/msmtprc
: >"$conf"
chmod 600 "$conf"

gn2_start_smtp st starttls "$pki/server.pem" "$pki/server.key" "$GN_TMP/spool-st" || exit 1
gn2_start_smtp im implicit "$pki/server.pem" "$pki/server.key" "$GN_TMP/spool-im" || exit 1
gn2_start_smtp rogue starttls "$pki/rogue.pem" "$pki/rogue.key" "$GN_TMP/spool-rogue" || exit 1
gn2_start_smtp wrong implicit "$pki/wrongname.pem" "$pki/wrongname.key" "$GN_TMP/spool-wrong" || exit 1

# send MODE PORT STARTTLS(on|off) MSG : msmtp with our CA; log in msmtp.log
send() {
    gn_run "$1" msmtp --file="$conf" --host=127.0.0.1 --port="$2" \
        --tls=on --tls-starttls="$3" --tls-trust-file="$pki/ca.pem" \
        --auth=off --domain=localhost --from=sender@example.test \
        --set-from-header=off --set-date-header=off --set-msgid-header=off \
        rcpt@example.test <"$4" >"$GN_TMP/msmtp.log" 2>&1
}

n_st=0 n_im=0
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/msmtp || continue

    for kind in st im; do
        msg=$GN_TMP/msg-$mode-$kind
        gn2_make_message "$msg" "$mode-$kind-$$"
        if [ $kind = st ]; then n_st=$((n_st + 1)); n=$n_st; tls=on; what="STARTTLS"
        else n_im=$((n_im + 1)); n=$n_im; tls=off; what="implicit TLS"; fi
        port=PORT_$kind
        send "$mode" "${!port}" $tls "$msg"
        rc=$?
        got=$GN_TMP/spool-$kind.$n
        if [ $rc -eq 0 ] && cmp -s "$msg" "$got"; then
            gn_pass "$mode: msmtp sends over $what; the server got the $(stat -c %s "$msg")-byte message intact"
        else
            gn_fail "$mode: msmtp over $what (exit $rc; stored: $( [ -f "$got" ] && stat -c %s "$got" || echo nothing))"
            gn_show "$GN_TMP/msmtp.log"
            gn_show "$GN_TMP/$kind.log"
        fi
    done

    # msmtp exits EX_UNAVAILABLE (69) when the TLS setup fails.
    for case in "rogue|on|issuer is unknown|a certificate from an unknown CA" \
                "wrong|off|does not match|a certificate for another host name"; do
        IFS='|' read -r name tls text what <<<"$case"
        port=PORT_$name
        msg=$GN_TMP/msg-$mode-$name
        gn2_make_message "$msg" "$mode-$name"
        send "$mode" "${!port}" $tls "$msg"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "$text" "$GN_TMP/msmtp.log" &&
           ! ls "$GN_TMP/spool-$name".* >/dev/null 2>&1; then
            gn_pass "$mode: msmtp refuses $what (exit $rc: $(head -n 1 "$GN_TMP/msmtp.log"))"
        else
            gn_fail "$mode: msmtp did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/msmtp.log"
        fi
    done
done

gn_finish
