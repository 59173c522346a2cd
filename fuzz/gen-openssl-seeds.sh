#!/bin/bash
# fuzz-x509 seeds the real GnuTLS cannot make, from the openssl CLI:
#  - OCSP responses (mode byte 0x0c = gnutls_ocsp_resp_import2, DER): the
#    answer to the OCSP request gen-seeds made, once "good", once "revoked";
#  - PKCS#12 files (mode 0x0e, + 0x40 with the password "password", + 0x80
#    PEM) with iteration count 2: the harness derives keys only for small
#    counts (GnuTLS writes 600000), so that each run stays fast.
# usage: fuzz/gen-openssl-seeds.sh SEEDDIR     (needs SEEDDIR/x509/ocsp-req-0)
set -eu
seeds=$1
command -v openssl >/dev/null || { echo "gen-openssl-seeds: no openssl, skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the RSA and EC test keys and certificates (fuzz-common.h includes them)
python3 - "$(dirname "$0")/../compat-tests/diff/test-keys.h" "$tmp" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
def grab(name):
    i = src.index('static const char %s[] =' % name)
    j = src.index(';', i)
    return ''.join(p.replace('\\n', '\n') for p in re.findall(r'"((?:[^"\\]|\\.)*)"', src[i:j]))
open(sys.argv[2] + '/rsa.key', 'w').write(grab('rsa_key'))
open(sys.argv[2] + '/rsa.crt', 'w').write(grab('rsa_crt'))
open(sys.argv[2] + '/ec.key', 'w').write(grab('ec_key'))
open(sys.argv[2] + '/ec.crt', 'w').write(grab('ec_crt'))
PY
tail -c +2 "$seeds/x509/ocsp-req-0" > "$tmp/req.der"
serial=$(openssl x509 -in "$tmp/rsa.crt" -noout -serial | cut -d= -f2)
for st in V R; do
    if [ $st = V ]; then
        printf 'V\t21261030221348Z\t\t%s\tunknown\t/CN=localhost\n' "$serial" > "$tmp/index.txt"
    else
        printf 'R\t21261030221348Z\t231114221320Z,keyCompromise\t%s\tunknown\t/CN=localhost\n' "$serial" > "$tmp/index.txt"
    fi
    openssl ocsp -index "$tmp/index.txt" -rsigner "$tmp/rsa.crt" -rkey "$tmp/rsa.key" -CA "$tmp/rsa.crt" \
        -reqin "$tmp/req.der" -respout "$tmp/resp.der" -ndays 36500 >/dev/null 2>&1
    { printf '\x0c'; cat "$tmp/resp.der"; } > "$seeds/x509/ocsp-resp-$st"
done

# PKCS#12: PBES2 (OpenSSL's default), PKCS#12 3DES, unencrypted, no MAC, a
# chain of two certificates; one PEM.
p12() { # NAME MODE ARGS...
    local name=$1 mode=$2; shift 2
    openssl pkcs12 -export -passout pass:password -iter 2 -name key "$@" -out "$tmp/p.p12" 2>/dev/null || return 0
    { printf "\\x$mode"; cat "$tmp/p.p12"; } > "$seeds/x509/pkcs12-$name"
}
p12 pbes2 4e -inkey "$tmp/ec.key" -in "$tmp/ec.crt"
p12 3des 4e -inkey "$tmp/rsa.key" -in "$tmp/rsa.crt" -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES
p12 plain 4e -inkey "$tmp/ec.key" -in "$tmp/ec.crt" -certpbe NONE -keypbe NONE
p12 nomac 0e -inkey "$tmp/ec.key" -in "$tmp/ec.crt" -certpbe NONE -keypbe NONE -nomac
p12 chain 4e -inkey "$tmp/ec.key" -in "$tmp/ec.crt" -certfile "$tmp/rsa.crt" -certpbe PBE-SHA1-3DES
if [ -f "$seeds/x509/pkcs12-pbes2" ]; then
    { printf '\xce-----BEGIN PKCS12-----\n'; tail -c +2 "$seeds/x509/pkcs12-pbes2" | base64 -w 64
      printf -- '-----END PKCS12-----\n'; } > "$seeds/x509/pkcs12-pem"
fi
echo "gen-openssl-seeds: 2 OCSP responses, $(ls "$seeds/x509" | grep -c pkcs12-) PKCS#12 files in $seeds/x509"
