#!/bin/bash
# Real consumer: Debian's certtool (gnutls-bin), the heaviest user of the
# x509 API, on the real GnuTLS and through gnossl.
#  - printing (-i, --pubkey-info, -k) of RSA/ECDSA certificates and keys:
#    every mode must print what it should, and gnossl byte-for-byte what the
#    real GnuTLS prints;
#  - chain verification (--verify): a chain through an intermediate is
#    verified; an unknown CA, a CA:FALSE issuer and an expired leaf are not,
#    with the same exit status and report as the real GnuTLS;
#  - generation: a key, a self-signed certificate from a template, and a
#    request signed by our CA, all checked independently with openssl.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require certtool openssl
gn_require_build
gn_init consumer-certtool
export LC_ALL=C TZ=UTC

for k in rsa ec; do gn_make_pki "$GN_TMP/pki-$k" "$k" || exit 1; done
p=$GN_TMP/pki-rsa
cat "$p/chained.pem" "$p/int-ca.pem" >"$GN_TMP/chain-good.pem"
cat "$p/evil.pem" "$p/server.pem" >"$GN_TMP/chain-evil.pem"
cat "$p/rogue.pem" >"$GN_TMP/chain-rogue.pem"
cat "$p/expired.pem" >"$GN_TMP/chain-expired.pem"

# ct MODE NAME ARGS... : certtool under MODE; stdout+stderr in NAME.MODE.out,
# status in NAME.MODE.rc.  The real run of NAME is the reference.
ct() {
    local mode=$1 name=$2
    shift 2
    gn_run "$mode" certtool "$@" >"$GN_TMP/$name.$mode.out" 2>&1
    echo $? >"$GN_TMP/$name.$mode.rc"
}
# same_as_real MODE NAME : gnossl's output and status equal the real ones.
same_as_real() {
    local mode=$1 name=$2
    [ "$mode" = real ] && return 0
    [ -f "$GN_TMP/$name.real.out" ] || ct real "$name" "${CT_ARGS[@]}"
    if cmp -s "$GN_TMP/$name.real.rc" "$GN_TMP/$name.$mode.rc" &&
       cmp -s "$GN_TMP/$name.real.out" "$GN_TMP/$name.$mode.out"; then
        return 0
    fi
    gn_log "  $name: real exit $(cat "$GN_TMP/$name.real.rc"), $mode exit $(cat "$GN_TMP/$name.$mode.rc"); diff real $mode:"
    diff "$GN_TMP/$name.real.out" "$GN_TMP/$name.$mode.out" | head -n 15 | sed 's/^/  | /' >&2
    return 1
}
# case_check MODE NAME WANT-RC PATTERN DESCRIPTION -- ARGS...
case_check() {
    local mode=$1 name=$2 rc=$3 pat=$4 what=$5
    shift 6
    CT_ARGS=("$@")
    ct "$mode" "$name" "$@"
    if [ "$(cat "$GN_TMP/$name.$mode.rc")" = "$rc" ] &&
       grep -Eq -- "$pat" "$GN_TMP/$name.$mode.out" &&
       same_as_real "$mode" "$name"; then
        gn_pass "$mode: certtool $what"
    else
        gn_fail "$mode: certtool $what (exit $(cat "$GN_TMP/$name.$mode.rc"), want $rc)"
        gn_show "$GN_TMP/$name.$mode.out"
    fi
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v certtool)" || continue

    for k in rsa ec; do
        d=$GN_TMP/pki-$k
        case_check "$mode" "info-server-$k" 0 "Subject: CN=localhost" \
            "-i prints the $k server certificate" -- -i --infile "$d/server.pem"
        case_check "$mode" "info-ca-$k" 0 "Certificate Authority \(CA\): TRUE" \
            "-i prints the $k CA certificate" -- -i --infile "$d/ca.pem"
        case_check "$mode" "pubkey-$k" 0 "Public Key ID:" \
            "--pubkey-info of the $k server certificate" -- --pubkey-info --infile "$d/server.pem"
        case_check "$mode" "keyinfo-$k" 0 "Public Key PIN:" \
            "-k prints the $k private key" -- -k --infile "$d/server.key"
    done
    case_check "$mode" "info-chain" 0 "Subject: CN=gnossl intermediate CA" \
        "-i prints every certificate of a chain" -- -i --infile "$GN_TMP/chain-good.pem"

    case_check "$mode" "verify-good" 0 "^Chain verification output: Verified\." \
        "--verify: a chain through an intermediate CA is verified" \
        -- --verify --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/chain-good.pem"
    case_check "$mode" "verify-rogue" 1 "^Chain verification output: Not verified\..*issuer is unknown" \
        "--verify: a certificate from an unknown CA is not verified" \
        -- --verify --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/chain-rogue.pem"
    case_check "$mode" "verify-evil" 1 "^Chain verification output: Not verified\..*issuer is not a CA" \
        "--verify: a leaf issued by a CA:FALSE certificate is not verified" \
        -- --verify --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/chain-evil.pem"
    case_check "$mode" "verify-expired" 1 "^Chain verification output: Not verified\..*expired" \
        "--verify: an expired certificate is not verified" \
        -- --verify --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/chain-expired.pem"

    # Generation: random output, so judged by OpenSSL rather than diffed.
    g=$GN_TMP/gen-$mode
    mkdir -p "$g"
    printf 'cn = "gnossl generated"\norganization = "gnossl tests"\nexpiration_days = 2\nca\ncert_signing_key\ndns_name = "generated.test"\n' >"$g/self.tmpl"
    printf 'cn = "gnossl leaf"\nexpiration_days = 1\ntls_www_server\nsigning_key\nencryption_key\ndns_name = "leaf.test"\nip_address = "127.0.0.1"\n' >"$g/leaf.tmpl"
    if gn_run "$mode" certtool --generate-privkey --key-type=ecdsa --curve=secp256r1 \
           --outfile "$g/ec.key" >"$g/log" 2>&1 &&
       gn_run "$mode" certtool --generate-privkey --key-type=rsa --bits=2048 \
           --outfile "$g/rsa.key" >>"$g/log" 2>&1 &&
       openssl pkey -in "$g/ec.key" -check -noout >>"$g/log" 2>&1 &&
       openssl pkey -in "$g/rsa.key" -check -noout >>"$g/log" 2>&1 &&
       openssl pkey -in "$g/rsa.key" -noout -text 2>/dev/null | grep -q "Private-Key: (2048 bit"; then
        gn_pass "$mode: certtool generates ECDSA P-256 and RSA-2048 keys that OpenSSL checks"
    else
        gn_fail "$mode: certtool key generation"
        gn_show "$g/log"
    fi
    if gn_run "$mode" certtool --generate-self-signed --load-privkey "$g/ec.key" \
           --template "$g/self.tmpl" --outfile "$g/self.pem" >>"$g/log" 2>&1 &&
       openssl verify -CAfile "$g/self.pem" "$g/self.pem" >>"$g/log" 2>&1 &&
       openssl x509 -in "$g/self.pem" -noout -subject | grep -q "CN *= *gnossl generated" &&
       openssl x509 -in "$g/self.pem" -noout -ext basicConstraints | grep -q "CA:TRUE" &&
       openssl x509 -in "$g/self.pem" -noout -ext subjectAltName | grep -q "DNS:generated.test"; then
        gn_pass "$mode: certtool --generate-self-signed: a CA certificate OpenSSL verifies"
    else
        gn_fail "$mode: certtool self-signed certificate"
        gn_show "$g/log"
    fi
    if gn_run "$mode" certtool --generate-request --load-privkey "$g/rsa.key" \
           --template "$g/leaf.tmpl" --outfile "$g/leaf.csr" >>"$g/log" 2>&1 &&
       openssl req -in "$g/leaf.csr" -noout -verify >>"$g/log" 2>&1 &&
       gn_run "$mode" certtool --generate-certificate --load-request "$g/leaf.csr" \
           --load-ca-certificate "$g/self.pem" --load-ca-privkey "$g/ec.key" \
           --template "$g/leaf.tmpl" --outfile "$g/leaf.pem" >>"$g/log" 2>&1 &&
       openssl verify -CAfile "$g/self.pem" -purpose sslserver "$g/leaf.pem" >>"$g/log" 2>&1 &&
       openssl x509 -in "$g/leaf.pem" -noout -ext subjectAltName | grep -q "IP Address:127.0.0.1"; then
        gn_pass "$mode: certtool request + certificate signed by the generated CA: OpenSSL verifies it"
    else
        gn_fail "$mode: certtool request/certificate signing"
        gn_show "$g/log"
    fi
done

gn_finish
