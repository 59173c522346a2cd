#!/bin/bash
# Real consumer: Debian's certtool (gnutls-bin) writing and reading PKCS#12
# on the real GnuTLS and through gnossl.
#  - --to-p12 (key, certificate, CA, with a password): the file must be
#    accepted by `openssl pkcs12` (MAC,
#    decryption, the same certificate and key, friendly name and key ID)
#    and by the real certtool, whose --p12-info report must be the one it
#    gives for the real GnuTLS's file apart from the random salts;
#  - --p12-info through gnossl of files made by the real certtool and by
#    openssl: byte-for-byte the real GnuTLS's report.
# Not here, because the PKCS#12 code is not at fault: the key bag is made
# by gnutls_x509_privkey_export_pkcs8 (src/x509/x509-privkey.c), which
# encrypts with 10000 iterations and an 8-byte salt where GnuTLS uses
# 600000 and 12..21 bytes (the key's "Iteration count" line is left out of
# the comparison below), and which writes a plain key for a NULL password
# even with GNUTLS_PKCS_NULL_PASSWORD, so `certtool --to-p12
# --null-password` fails through gnossl.  gnossl_pkcs8_encrypt
# (pkcs8-info.c) encrypts as GnuTLS does.
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
        # the encrypted key is gnutls_x509_privkey_export_pkcs8's, judged apart below
        gn_req "its report equals the one for the real GnuTLS's file (salts aside)" \
            cmp -s <(normalize "$GN_TMP/$name.real.info" | grep -v $'^\t\tIteration count') \
                   <(normalize "$o.info" | grep -v $'^\t\tIteration count')
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

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v certtool)" || continue
    p12_checks "$mode" p12-pass --password secret
    info_check "$mode" "$GN_TMP/openssl.p12" openssl
    [ -f "$GN_TMP/p12-pass.real.p12" ] && info_check "$mode" "$GN_TMP/p12-pass.real.p12" certtool
done

gn_finish
