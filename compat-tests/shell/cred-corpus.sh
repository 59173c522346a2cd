#!/bin/bash
# Certificate chains for the credentials tests, generated with the openssl CLI.
#   cred-corpus.sh DIR   write the corpus into DIR (used by the unit and
#                        differential tests of src/cred/)
#   cred-corpus.sh       (as a meson test) generate into a temporary
#                        directory and check it with `openssl verify`.
# Layout: DIR/<case>.chain (server chain, leaf first), DIR/<case>.key, plus
# DIR/ca.pem (trusted roots), DIR/crl.pem, DIR/cases (one case per line).
set -eu
command -v openssl >/dev/null || exit 77

self_test=0
if [ $# -eq 0 ]; then
    self_test=1
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
else
    out=$1
    mkdir -p "$out"
fi
cd "$out"
w=work
rm -rf "$w"
mkdir -p "$w"

key() {
    if [ "${KEYALG:-ec}" = rsa1024 ]; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$1" 2>/dev/null
    else
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
    fi
}

# newca NAME: a CA directory usable by `openssl ca`
newca() {
    local d=$w/$1
    mkdir -p "$d/new"
    : > "$d/index.txt"
    echo 1000 > "$d/serial"
    echo 1000 > "$d/crlnumber"
    cat > "$d/ca.cnf" <<EOF
[ca]
default_ca = dflt
[dflt]
dir = $d
database = $d/index.txt
new_certs_dir = $d/new
serial = $d/serial
crlnumber = $d/crlnumber
default_md = sha256
default_days = 365
default_crl_days = 30
policy = pol
unique_subject = no
copy_extensions = none
email_in_dn = no
[pol]
commonName = supplied
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[notca_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyCertSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = \${ENV::SAN}
[pathlen0_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[noku_ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[nc_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
nameConstraints = critical,permitted;DNS:allowed.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[crit_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = \${ENV::SAN}
1.2.3.4.5.6.7 = critical,DER:05:00
[leaf_noakid_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = \${ENV::SAN}
[muststaple_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = \${ENV::SAN}
tlsfeature = status_request
[leaf_nosan_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
}

# selfsign NAME CN [START END]: a self-signed CA certificate (and its CA directory)
selfsign() {
    newca "$1"
    key "$w/$1/key.pem"
    openssl req -new -key "$w/$1/key.pem" -subj "/CN=$2" -out "$w/$1/req.pem"
    SAN=DNS:unused openssl ca -batch -notext -selfsign -config "$w/$1/ca.cnf" -keyfile "$w/$1/key.pem" \
        -extensions ca_ext -startdate "${3:-20200101000000Z}" -enddate "${4:-20400101000000Z}" \
        -in "$w/$1/req.pem" -out "$w/$1/cert.pem" 2>/dev/null
}

# issue CA NAME CN EXT START END [MD] [SAN]: a certificate signed by CA
issue() {
    local ca=$1 name=$2 cn=$3 ext=$4 start=$5 end=$6 md=${7:-sha256} san=${8:-DNS:unused.example}
    key "$w/$name.key"
    openssl req -new -key "$w/$name.key" -subj "/CN=$cn" -out "$w/$name.req"
    SAN=$san openssl ca -batch -notext -config "$w/$ca/ca.cnf" -cert "$w/$ca/cert.pem" \
        -keyfile "$w/$ca/key.pem" -extensions "$ext" -md "$md" -startdate "$start" -enddate "$end" \
        -in "$w/$name.req" -out "$w/$name.pem" 2>/dev/null
}

# issue_v1 CA NAME CN: an X.509 version 1 certificate (no extensions)
issue_v1() {
    key "$w/$2.key"
    openssl req -new -key "$w/$2.key" -subj "/CN=$3" -out "$w/$2.req"
    SAN=DNS:unused openssl ca -batch -notext -config "$w/$1/ca.cnf" -cert "$w/$1/cert.pem" \
        -keyfile "$w/$1/key.pem" -startdate $NB -enddate $NA -in "$w/$2.req" -out "$w/$2.pem" 2>/dev/null
}

# subca PARENT NAME CN EXT START END: an intermediate with its own CA directory
subca() {
    issue "$1" "$2" "$3" "$4" "$5" "$6"
    newca "$2"
    cp "$w/$2.key" "$w/$2/key.pem"
    cp "$w/$2.pem" "$w/$2/cert.pem"
}

NB=20200101000000Z
NA=20390101000000Z
SAN_GOOD="DNS:good.example,DNS:*.wild.example,DNS:f*.part.example,IP:127.0.0.1"

selfsign root "gnossl test root"
selfsign other "gnossl untrusted root"
subca root int "gnossl test intermediate" ca_ext $NB $NA
subca root intexp "gnossl expired intermediate" ca_ext 20200101000000Z 20210101000000Z
subca root notca "gnossl not-a-CA intermediate" notca_ext $NB $NA
subca other oint "gnossl other intermediate" ca_ext $NB $NA

cases=""
# case NAME ISSUER CN EXT START END MD SAN CHAIN-ISSUERS...
mk() {
    local name=$1 ca=$2 cn=$3 ext=$4 start=$5 end=$6 md=$7 san=$8
    shift 8
    issue "$ca" "$name" "$cn" "$ext" "$start" "$end" "$md" "$san"
    cp "$w/$name.key" "$name.key"
    cat "$w/$name.pem" > "$name.chain"
    for c in "$@"; do cat "$w/$c/cert.pem" >> "$name.chain"; done
    cases="$cases $name"
}

mk good int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" int
mk expired int good.example leaf_ext 20200101000000Z 20210101000000Z sha256 "$SAN_GOOD" int
mk future int good.example leaf_ext 20380101000000Z 20390101000000Z sha256 "$SAN_GOOD" int
mk unknownca oint good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" oint
mk nointermediate int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD"
mk notca notca good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" notca
mk revoked int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" int
mk sha1 int good.example leaf_ext $NB $NA sha1 "$SAN_GOOD" int
mk expiredint intexp good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" intexp
mk cnonly int cn.example leaf_nosan_ext $NB $NA sha256 "" int
mk iponly int good.example leaf_ext $NB $NA sha256 "IP:127.0.0.1,IP:::1" int
mk fullchain int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" int root
# Constraint and extension cases.
subca int sub0 "gnossl pathlen-0 sub CA" pathlen0_ext $NB $NA
subca sub0 sub1 "gnossl sub-sub CA" ca_ext $NB $NA
mk pathlen sub1 good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" sub1 sub0 int
subca root noku "gnossl CA without keyCertSign" noku_ca_ext $NB $NA
mk nokeycertsign noku good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" noku
subca root nc "gnossl name-constrained CA" nc_ext $NB $NA
mk nameconstraint nc good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" nc
mk ncallowed nc a.allowed.example leaf_ext $NB $NA sha256 "DNS:a.allowed.example" nc
mk critext int good.example crit_ext $NB $NA sha256 "$SAN_GOOD" int
mk wildcards int w.example leaf_ext $NB $NA sha256 "DNS:*.example,DNS:*,DNS:a.*.good.example,DNS:*.*.good.example,DNS:xn--*.idn.example" int
mk multicn int "good.example/CN=bad.example" leaf_nosan_ext $NB $NA sha256 "" int
# unsorted chain: leaf, root, intermediate; and an unrelated extra certificate
# a version 1 intermediate (no basicConstraints) signing a leaf
issue_v1 root v1int "gnossl v1 intermediate"
newca v1int
cp "$w/v1int.key" "$w/v1int/key.pem"
cp "$w/v1int.pem" "$w/v1int/cert.pem"
mk v1intermediate v1int good.example leaf_noakid_ext $NB $NA sha256 "$SAN_GOOD" v1int
# a version 1 leaf
issue_v1 int v1leaf good.example
cp "$w/v1leaf.key" v1leaf.key
cat "$w/v1leaf.pem" "$w/int/cert.pem" > v1leaf.chain
cases="$cases v1leaf"
mk muststaple int good.example muststaple_ext $NB $NA sha256 "$SAN_GOOD" int
mk unsorted int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" root int
mk extracert int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" int other
# A 1024-bit RSA leaf: GnuTLS 3.7.9 serves it, accepts it as a peer and
# calls the chain trusted under its default profile.
KEYALG=rsa1024 mk weakkey int good.example leaf_ext $NB $NA sha256 "$SAN_GOOD" int

# A self-signed leaf, untrusted and (as "pinned") trusted directly.
key selfsigned.key
openssl req -new -x509 -key selfsigned.key -subj /CN=good.example -days 3650 -sha256 \
    -addext "subjectAltName=DNS:good.example" -out selfsigned.chain 2>/dev/null
cases="$cases selfsigned"

cp "$w/root/cert.pem" ca.pem
cp selfsigned.chain pinned.pem

# Revoke the "revoked" leaf in a CRL of the intermediate.
SAN=DNS:unused openssl ca -config "$w/int/ca.cnf" -cert "$w/int/cert.pem" -keyfile "$w/int/key.pem" \
    -revoke "$w/revoked.pem" 2>/dev/null
SAN=DNS:unused openssl ca -gencrl -config "$w/int/ca.cnf" -cert "$w/int/cert.pem" -keyfile "$w/int/key.pem" \
    -out crl.pem 2>/dev/null

# OCSP responses from the intermediate: for "good" and for "expired".
for c in good expired; do
    openssl ocsp -issuer "$w/int/cert.pem" -cert "$w/$c.pem" -no_nonce -reqout "$w/$c.ocspreq" 2>/dev/null
    SAN=DNS:unused openssl ocsp -index "$w/int/index.txt" -rsigner "$w/int/cert.pem" -rkey "$w/int/key.pem" \
        -CA "$w/int/cert.pem" -reqin "$w/$c.ocspreq" -respout "$c.ocsp" -ndays 30 2>/dev/null
done

# Other trust settings (used by name in the differential test): the
# intermediate alone as anchor, an expired root, CRLs out of their period.
cp "$w/int/cert.pem" int-ca.pem
selfsign oldroot "gnossl expired root" 20100101000000Z 20200101000000Z
subca oldroot oldint "gnossl intermediate of an expired root" ca_ext 20100101000000Z 20400101000000Z
issue oldint underold good.example leaf_ext $NB $NA sha256 "$SAN_GOOD"
cp "$w/underold.key" underold.key
cat "$w/underold.pem" "$w/oldint/cert.pem" > underold.chain
cp "$w/oldroot/cert.pem" oldroot.pem
SAN=DNS:unused openssl ca -gencrl -config "$w/int/ca.cnf" -cert "$w/int/cert.pem" -keyfile "$w/int/key.pem" \
    -crl_lastupdate 20200101000000Z -crl_nextupdate 20210101000000Z -out oldcrl.pem 2>/dev/null
SAN=DNS:unused openssl ca -gencrl -config "$w/int/ca.cnf" -cert "$w/int/cert.pem" -keyfile "$w/int/key.pem" \
    -crl_lastupdate 20380101000000Z -crl_nextupdate 20390101000000Z -out futurecrl.pem 2>/dev/null

# Key formats for the key-file tests: RSA (PKCS#1 PEM, PKCS#8 PEM, DER,
# encrypted PKCS#8), Ed25519, ECDSA, each with a self-signed certificate.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key 2>/dev/null
openssl pkey -in rsa.key -traditional -out rsa-pkcs1.key
openssl pkey -in rsa.key -outform DER -out rsa.key.der
openssl pkcs8 -topk8 -in rsa.key -passout pass:secret -v2 aes-128-cbc -out rsa-enc.key 2>/dev/null
openssl req -new -x509 -key rsa.key -subj /CN=rsa.example -days 3650 -out rsa.crt 2>/dev/null
openssl x509 -in rsa.crt -outform DER -out rsa.crt.der
openssl genpkey -algorithm ED25519 -out ed25519.key
openssl req -new -x509 -key ed25519.key -subj /CN=ed.example -days 3650 -out ed25519.crt 2>/dev/null
cp good.key ecdsa.key
cp "$w/good.pem" ecdsa.crt
cat "$w/root/cert.pem" "$w/other/cert.pem" "$w/int/cert.pem" > three-cas.pem

echo $cases | tr ' ' '\n' > cases
rm -rf "$w"

if [ $self_test = 1 ]; then
    fail=0
    check() { # case expected-openssl-verdict(ok|fail)
        local untrusted=""
        if [ "$(grep -c BEGIN "$1.chain")" -gt 1 ]; then
            awk 'BEGIN{n=0} /BEGIN/{n++} n>1' "$1.chain" > untrusted.pem
            untrusted="-untrusted untrusted.pem"
        fi
        awk '/BEGIN/{n++} n==1' "$1.chain" > leaf.pem
        if openssl verify -CAfile ca.pem $untrusted leaf.pem >/dev/null 2>&1; then got=ok; else got=fail; fi
        if [ "$got" != "$2" ]; then echo "corpus: $1: openssl verify says $got, expected $2"; fail=1; fi
    }
    check good ok
    check fullchain ok
    check cnonly ok
    check expired fail
    check future fail
    check unknownca fail
    check nointermediate fail
    check notca fail
    check expiredint fail
    check selfsigned fail
    if openssl verify -crl_check -CAfile ca.pem -CRLfile crl.pem -untrusted <(awk '/BEGIN/{n++} n==2' revoked.chain) \
        <(awk '/BEGIN/{n++} n==1' revoked.chain) >/dev/null 2>&1; then
        echo "corpus: revoked leaf verifies"; fail=1
    fi
    [ "$(grep -c BEGIN three-cas.pem)" = 3 ] || fail=1
    exit $fail
fi
exit 0
