#!/bin/bash
# x509 against certificates made at test time with the openssl CLI (fresh
# keys every run): RSA, RSA-PSS, ECDSA P-256/P-384/P-521, Ed25519, Ed448,
# a v1 certificate, SANs with IP addresses and wildcards, UTF-8 and
# multi-valued names, a chain through an intermediate CA.  certtool (the
# real program from gnutls-bin) prints each certificate and verifies each
# chain once on the real GnuTLS and once on gnossl; outputs must be equal.
set -u
command -v openssl >/dev/null && command -v certtool >/dev/null || exit 77
[ -e "${GNOSSL_BUILD:-}/libgnutls.so.30" ] || exit 77
# the test runner may put the build dir on LD_LIBRARY_PATH: the "real" runs
# must load the real libgnutls (gnossl is chosen explicitly below)
unset LD_PRELOAD LD_LIBRARY_PATH
# gnossl-run: it also loads a sanitizer build of gnossl (ASan runtime first)
run=$(cd "$(dirname "$0")/../../tools" && pwd)/gnossl-run
export LC_ALL=C TZ=UTC
T=$(mktemp -d /tmp/gnossl-x509-openssl.XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
fail=0

gen() { # name keyalg-options subject extra-req-options...
    local name=$1 alg=$2 subj=$3
    shift 3
    openssl req -x509 -new $alg -nodes -keyout "$name.key" -out "$name.pem" -days 3650 -utf8 \
        -subj "$subj" "$@" 2>/dev/null || { echo "cannot make $name"; fail=1; }
}

gen rsa "-newkey rsa:2048" "/C=DE/O=Müller & Söhne/OU=Web+OU=Mail/CN=rsa.example.com" -multivalue-rdn \
    -addext "subjectAltName=DNS:rsa.example.com,DNS:*.rsa.example.com,IP:127.0.0.1,IP:::1,email:a@example.com" \
    -addext "extendedKeyUsage=serverAuth,clientAuth" -addext "keyUsage=critical,digitalSignature,keyEncipherment"
gen pss "-newkey rsa-pss -pkeyopt rsa_keygen_bits:2048" "/CN=pss.example.com"
gen p256 "-newkey ec -pkeyopt ec_paramgen_curve:P-256" "/CN=p256.example.com/serialNumber=1234" \
    -addext "subjectAltName=DNS:p256.example.com,IP:10.0.0.1"
gen p384 "-newkey ec -pkeyopt ec_paramgen_curve:P-384" "/DC=org/DC=example/CN=p384"
gen p521 "-newkey ec -pkeyopt ec_paramgen_curve:P-521" "/CN=p521.example.com"
gen ed25519 "-newkey ed25519" "/CN=ed25519.example.com/emailAddress=x@example.com"
gen ed448 "-newkey ed448" "/CN=ed448.example.com"
gen ca "-newkey rsa:2048" "/O=Test PKI/CN=Test Root" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
# intermediate, leaf and a v1 certificate signed by the CA
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout int.key -out int.csr \
    -subj "/O=Test PKI/CN=Test Intermediate" 2>/dev/null
printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' >int.ext
openssl x509 -req -in int.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 3650 -extfile int.ext -out int.pem 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=leaf.example.com" 2>/dev/null
printf 'subjectAltName=DNS:leaf.example.com\nextendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n' >leaf.ext
openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 3 -days 365 -extfile leaf.ext -out leaf.pem 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout v1.key -out v1.csr -subj "/CN=v1.example.com/O=Version One" 2>/dev/null
openssl x509 -req -in v1.csr -CA ca.pem -CAkey ca.key -set_serial 4 -days 365 -out v1.pem 2>/dev/null
cat leaf.pem int.pem >chain.pem
cat leaf.pem >leafonly.pem
cat int.pem leaf.pem >reversed.pem

# both RUNNAME ARGS... : certtool on both libraries, outputs compared
both() {
    local name=$1
    shift
    certtool "$@" >"$name.real" 2>&1
    echo "exit $?" >>"$name.real"
    GNOSSL_LIBDIR=$GNOSSL_BUILD "$run" --libpath certtool "$@" >"$name.gnossl" 2>&1
    echo "exit $?" >>"$name.gnossl"
    if cmp -s "$name.real" "$name.gnossl"; then
        echo "ok   - $name"
    else
        echo "FAIL - $name"
        diff "$name.real" "$name.gnossl" | head -20
        fail=1
    fi
}

for c in rsa pss p256 p384 p521 ed25519 ed448 ca int leaf v1; do
    both "print-$c" -i --infile "$c.pem"
    both "pubkey-$c" --pubkey-info --infile "$c.pem"
done
for k in rsa p256 p384 ed25519 leaf; do
    both "key-$k" -k --infile "$k.key"
done
both verify-chain --verify --load-ca-certificate ca.pem --infile chain.pem
both verify-leafonly --verify --load-ca-certificate ca.pem --infile leafonly.pem
both verify-reversed --verify --load-ca-certificate ca.pem --infile reversed.pem
both verify-int-anchor --verify --load-ca-certificate int.pem --infile leafonly.pem
both verify-v1 --verify --load-ca-certificate ca.pem --infile v1.pem
both verify-self --verify --load-ca-certificate ca.pem --infile rsa.pem
both verify-self-trusted --verify --load-ca-certificate rsa.pem --infile rsa.pem
for h in leaf.example.com other.example.com; do
    both "verify-host-$h" --verify --load-ca-certificate ca.pem --infile chain.pem --verify-hostname "$h"
done
both verify-purpose --verify --load-ca-certificate ca.pem --infile chain.pem --verify-purpose 1.3.6.1.5.5.7.3.2
exit $fail
