#!/bin/bash
# OCSP response seeds for fuzz-x509 (mode byte 0x0c = gnutls_ocsp_resp_import2,
# DER): the real GnuTLS cannot produce responses, so the openssl CLI answers
# the OCSP request that gen-seeds made, once with "good" and once "revoked".
# usage: fuzz/gen-ocsp-seed.sh SEEDDIR     (needs SEEDDIR/x509/ocsp-req-0)
set -eu
seeds=$1
command -v openssl >/dev/null || { echo "gen-ocsp-seed: no openssl, skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the RSA test key and certificate from fuzz-common.h
python3 - "$(dirname "$0")/fuzz-common.h" "$tmp" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
def grab(name):
    i = src.index('static const char %s[] =' % name)
    j = src.index(';', i)
    return ''.join(p.replace('\\n', '\n') for p in re.findall(r'"((?:[^"\\]|\\.)*)"', src[i:j]))
open(sys.argv[2] + '/rsa.key', 'w').write(grab('rsa_key'))
open(sys.argv[2] + '/rsa.crt', 'w').write(grab('rsa_crt'))
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
echo "gen-ocsp-seed: 2 OCSP responses in $seeds/x509"
