#!/bin/bash
# Tier-2 consumer: Debian's mutt (GnuTLS build) sends a message in batch mode
# to a local SMTP server (python3 + ssl) over SMTPS and over STARTTLS,
# trusting the test CA (ssl_ca_certificates_file), on the
# real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - the server gets the message: subject and a ~60 KB body intact;
#  - a server certificate from an unknown CA and one for another host are
#    refused ("Could not send the message"), nothing is stored.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/mail.sh"
gn_require mutt python3 openssl base64 cmp
gn_require_build
gn_init consumer2-mutt
export LC_ALL=C HOME=$GN_TMP

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
gn2_start_smtp im implicit "$pki/server.pem" "$pki/server.key" "$GN_TMP/spool-im" || exit 1
gn2_start_smtp st starttls "$pki/server.pem" "$pki/server.key" "$GN_TMP/spool-st" || exit 1
gn2_start_smtp rogue implicit "$pki/rogue.pem" "$pki/rogue.key" "$GN_TMP/spool-rogue" || exit 1
gn2_start_smtp wrong starttls "$pki/wrongname.pem" "$pki/wrongname.key" "$GN_TMP/spool-wrong" || exit 1
mutt=$(readlink -f "$(command -v mutt)")

# send MODE URL SUBJECT BODYFILE : mutt -n (no system muttrc), batch
send() {
    cat >"$GN_TMP/muttrc" <<RC
set ssl_ca_certificates_file="$pki/ca.pem"
set certificate_file="$GN_TMP/mutt_certificates"
set ssl_verify_host=yes
set ssl_force_tls=yes
set ssl_starttls=yes
set smtp_url="$2"
set from="sender@example.test"
set use_from=yes
set record=""
set charset="us-ascii"
RC
    rm -f "$GN_TMP/mutt_certificates"
    gn_run "$1" "$mutt" -n -F "$GN_TMP/muttrc" -s "$3" rcpt@example.test <"$4" >"$GN_TMP/mutt.log" 2>&1
}

body=$GN_TMP/body
head -c 45000 /dev/urandom | base64 -w 76 >"$body"
n_im=0 n_st=0
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$mutt" || continue

    for kind in im st; do
        if [ $kind = im ]; then n_im=$((n_im + 1)); n=$n_im; url="smtps://127.0.0.1:$PORT_im"; what=SMTPS
        else n_st=$((n_st + 1)); n=$n_st; url="smtp://127.0.0.1:$PORT_st"; what=STARTTLS; fi
        subj="gnossl mutt $mode $kind $$"
        send "$mode" "$url" "$subj" "$body"
        rc=$?
        got=$GN_TMP/spool-$kind.$n
        if [ $rc -eq 0 ] && [ -f "$got" ] && grep -qx "Subject: $subj" "$got" &&
           sed '1,/^$/d' "$got" | cmp -s - "$body"; then
            gn_pass "$mode: mutt sends over $what; subject and $(stat -c %s "$body")-byte body arrive intact"
        else
            gn_fail "$mode: mutt over $what (exit $rc)"
            gn_show "$GN_TMP/mutt.log"
            gn_show "$GN_TMP/$kind.log"
        fi
    done

    for case in "rogue|smtps|a certificate from an unknown CA" "wrong|smtp|a certificate for another host name"; do
        IFS='|' read -r name scheme what <<<"$case"
        port=PORT_$name
        send "$mode" "$scheme://127.0.0.1:${!port}" "must not arrive" "$body"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! ls "$GN_TMP/spool-$name".* >/dev/null 2>&1 &&
           grep -q 'Untrusted server certificate' "$GN_TMP/mutt.log" && grep -q 'Could not send the message' "$GN_TMP/mutt.log"; then
            gn_pass "$mode: mutt refuses $what ($(tr '\n' ' ' <"$GN_TMP/mutt.log" | cut -c1-100))"
        else
            gn_fail "$mode: mutt did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/mutt.log"
        fi
    done
done

gn_finish
