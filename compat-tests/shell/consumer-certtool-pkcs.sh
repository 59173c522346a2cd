#!/bin/bash
# Real consumer: Debian's certtool (gnutls-bin) writing and reading PKCS#12
# on the real GnuTLS and through gnossl.
#  - --to-p12 (key, certificate, CA, with a password): the file must be
#    accepted by `openssl pkcs12` (MAC,
#    decryption, the same certificate and key, friendly name and key ID)
#    and by the real certtool, whose --p12-info report must be the one it
#    gives for the real GnuTLS's file apart from the random salts;
#  - --p12-info through gnossl of files made by the real certtool and by
#    openssl: byte-for-byte the real GnuTLS's report;
#  - --p7-sign / --p7-detached-sign (RSA, deterministic: the file must be the
#    real GnuTLS's byte for byte) and --p7-sign --p7-time, each verified by
#    `openssl smime -verify`; --p7-verify and --p7-info through gnossl of
#    messages signed by the real certtool, by gnossl and by openssl, and of a
#    tampered one: output and exit status equal to the real GnuTLS's.
#  - --to-p12 --null-password the same way (the key bag is then encrypted
#    with an empty password, as GnuTLS's gnutls_x509_privkey_export_pkcs8
#    does for GNUTLS_PKCS_NULL_PASSWORD; openssl reads it with -passin pass:).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require certtool openssl
gn_require_build
gn_init consumer-certtool-pkcs
export LC_ALL=C TZ=UTC

gn_make_pki "$GN_TMP/pki" rsa || exit 1
p=$GN_TMP/pki
openssl x509 -in "$p/server.pem" -noout -fingerprint -sha256 >"$GN_TMP/server.fp"
openssl pkey -in "$p/server.key" -pubout >"$GN_TMP/server.pub"
openssl pkcs12 -export -in "$p/server.pem" -inkey "$p/server.key" -certfile "$p/ca.pem" \
    -name "made by openssl" -passout pass:secret -out "$GN_TMP/openssl.p12" || exit 1

# The salts (and with them the encrypted key's base64) are random; the rest
# of certtool's report is what must match.
normalize() {
    sed -E -e '/^\t+Salt( size)?: /d' \
        -e '/-----BEGIN ENCRYPTED PRIVATE KEY-----/,/-----END ENCRYPTED PRIVATE KEY-----/{/^-----/!d}' "$1"
}

# p12_checks MODE NAME PASSWORD-ARGS... : certtool --to-p12 under MODE, then
# judged by openssl and the real certtool.
p12_checks() {
    local mode=$1 name=$2 o=$GN_TMP/$2.$1 inpass=pass:secret
    shift 2
    case " $* " in *" --null-password "*) inpass=pass: ;; esac
    gn_req "certtool --to-p12 succeeds" gn_run "$mode" certtool --to-p12 --outder --outfile "$o.p12" \
        --load-privkey "$p/server.key" --load-certificate "$p/server.pem" --load-ca-certificate "$p/ca.pem" \
        --p12-name "gnossl p12" "$@" >"$o.log" 2>&1
    gn_req "openssl pkcs12 verifies the MAC and decrypts every bag" \
        openssl pkcs12 -in "$o.p12" -passin "$inpass" -nodes -out "$o.pem" 2>>"$o.log"
    gn_req "the first certificate is the server's" \
        cmp -s "$GN_TMP/server.fp" <(openssl x509 -in "$o.pem" -noout -fingerprint -sha256)
    gn_req "the key is the server's" cmp -s "$GN_TMP/server.pub" <(openssl pkey -in "$o.pem" -pubout)
    gn_req "the CA certificate is there" \
        grep -q "subject=.*gnossl test CA" <(openssl pkcs12 -in "$o.p12" -passin "$inpass" -nokeys 2>/dev/null)
    gn_req "friendly name and local key ID" \
        grep -q "friendlyName: gnossl p12" "$o.pem" && grep -q "localKeyID:" "$o.pem"
    gn_req "the real certtool reads it" \
        gn_run real certtool --p12-info --inder --infile "$o.p12" "$@" >"$o.info" 2>>"$o.log"
    if [ "$mode" != real ]; then
        gn_req "its report equals the one for the real GnuTLS's file (salts aside)" \
            cmp -s <(normalize "$GN_TMP/$name.real.info") <(normalize "$o.info")
    fi
    gn_verdict "$mode: certtool --to-p12 $* writes a file openssl and the real certtool accept" ||
        { gn_show "$o.log"; [ -f "$GN_TMP/$name.real.info" ] && diff <(normalize "$GN_TMP/$name.real.info") \
            <(normalize "$o.info") | head -n 20 >&2; }
}

# info_check MODE FILE NAME: --p12-info through MODE equals the real report.
info_check() {
    local mode=$1 file=$2 name=$3 o=$GN_TMP/info-$3.$1
    gn_run "$mode" certtool --p12-info --inder --infile "$file" --password secret >"$o" 2>&1
    echo $? >"$o.rc"
    if [ "$mode" = real ]; then
        if [ "$(cat "$o.rc")" = 0 ] && grep -q "Decrypting" "$o"; then
            gn_pass "real: certtool --p12-info of the $name file"
        else
            gn_fail "real: certtool --p12-info of the $name file"
            gn_show "$o"
        fi
    elif cmp -s "$GN_TMP/info-$name.real" "$o" && cmp -s "$GN_TMP/info-$name.real.rc" "$o.rc"; then
        gn_pass "$mode: certtool --p12-info of the $name file: the real GnuTLS's report, byte for byte"
    else
        gn_fail "$mode: certtool --p12-info of the $name file differs from the real GnuTLS's"
        diff "$GN_TMP/info-$name.real" "$o" | head -n 20 >&2
    fi
}

printf 'A message signed by certtool.\n' >"$GN_TMP/msg.txt"
openssl smime -sign -binary -nodetach -in "$GN_TMP/msg.txt" -signer "$p/server.pem" -inkey "$p/server.key" \
    -outform PEM -out "$GN_TMP/openssl.p7" || exit 1
# signed by a leaf of the intermediate CA, which travels in the message
openssl smime -sign -binary -nodetach -in "$GN_TMP/msg.txt" -signer "$p/chained.pem" -inkey "$p/chained.key" \
    -certfile "$p/int-ca.pem" -outform PEM -out "$GN_TMP/openssl-chain.p7" || exit 1

# p7_sign MODE NAME OPENSSL-VERIFY-ARGS -- CERTTOOL-ARGS...
p7_sign() {
    local mode=$1 name=$2 o=$GN_TMP/$2.$1.p7 ov=$3
    shift 4
    gn_req "certtool signs" gn_run "$mode" certtool --load-privkey "$p/server.key" \
        --load-certificate "$p/server.pem" --infile "$GN_TMP/msg.txt" --outfile "$o" "$@" >"$o.log" 2>&1
    # shellcheck disable=SC2086
    gn_req "openssl smime -verify accepts it" openssl smime -verify -binary -inform PEM -in "$o" \
        -CAfile "$p/ca.pem" -purpose any -out "$o.content" $ov 2>>"$o.log"
    gn_req "the content is the message" cmp -s "$o.content" "$GN_TMP/msg.txt"
    case $* in
        *--p7-time*) ;;
        *) [ "$mode" = real ] || gn_req "the file is the real GnuTLS's, byte for byte" cmp -s "$GN_TMP/$name.real.p7" "$o" ;;
    esac
    gn_verdict "$mode: certtool $* writes a signature openssl verifies" || gn_show "$o.log"
}

# p7_check MODE NAME ARGS... : certtool ARGS under MODE gives the real output and status.
p7_check() {
    local mode=$1 name=$2 o=$GN_TMP/$2.$1.out
    shift 2
    # gnutls_strerror texts are gnossl's own words: the reason is masked;
    # a signing time is now
    gn_run "$mode" certtool "$@" 2>&1 | sed -e 's/\(verification failed:\).*/\1 (reason)/' \
        -e 's/^\(\tSigning time:\).*/\1 (now)/' >"$o"
    echo "${PIPESTATUS[0]}" >"$o.rc"
    if [ "$mode" = real ]; then
        # the baseline itself: only the tampered message fails verification
        local want=0
        case $name in p7-verify-tampered) want=1 ;; esac
        if [ "$(cat "$o.rc")" = "$want" ]; then
            gn_pass "real: certtool $name (exit $want)"
        else
            gn_fail "real: certtool $name exits $(cat "$o.rc"), want $want"
            gn_show "$o"
        fi
    elif cmp -s "$GN_TMP/$name.real.out" "$o" && cmp -s "$GN_TMP/$name.real.out.rc" "$o.rc"; then
        gn_pass "$mode: certtool $name: output and exit status of the real GnuTLS"
    else
        gn_fail "$mode: certtool $name differs from the real GnuTLS (exit $(cat "$o.rc"), real $(cat "$GN_TMP/$name.real.out.rc"))"
        diff "$GN_TMP/$name.real.out" "$o" | head -n 20 >&2
    fi
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v certtool)" || continue
    p12_checks "$mode" p12-pass --password secret
    p12_checks "$mode" p12-nullpass --null-password
    info_check "$mode" "$GN_TMP/openssl.p12" openssl
    [ -f "$GN_TMP/p12-pass.real.p12" ] && info_check "$mode" "$GN_TMP/p12-pass.real.p12" certtool

    p7_sign "$mode" p7-embedded "" -- --p7-sign
    p7_sign "$mode" p7-detached "-content $GN_TMP/msg.txt" -- --p7-detached-sign
    p7_sign "$mode" p7-time "" -- --p7-sign --p7-time
    # a tampered copy of the real GnuTLS's embedded signature
    if [ "$mode" = real ]; then
        openssl base64 -d -in <(grep -v -- ----- "$GN_TMP/p7-embedded.real.p7") -out "$GN_TMP/p7.der"
        sed 's/signed by certtool/signed by certtoal/' "$GN_TMP/p7.der" >"$GN_TMP/tampered.der"
        { echo "-----BEGIN PKCS7-----"; openssl base64 -in "$GN_TMP/tampered.der"; echo "-----END PKCS7-----"; } \
            >"$GN_TMP/tampered.p7"
    fi
    for f in real-signed:p7-embedded.real own-signed:p7-embedded.$mode own-signed-time:p7-time.$mode \
             openssl-signed:openssl openssl-chain:openssl-chain tampered:tampered; do
        p7_check "$mode" "p7-verify-${f%%:*}" --p7-verify --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/${f#*:}.p7"
    done
    # --p7-info shows the whole structure: same files for every mode
    for f in real-signed:p7-embedded.real real-signed-time:p7-time.real openssl-signed:openssl tampered:tampered; do
        p7_check "$mode" "p7-info-${f%%:*}" --p7-info --infile "$GN_TMP/${f#*:}.p7"
    done
    p7_check "$mode" p7-verify-detached --p7-verify --load-ca-certificate "$p/ca.pem" \
        --infile "$GN_TMP/p7-detached.real.p7" --load-data "$GN_TMP/msg.txt"
done

gn_finish
