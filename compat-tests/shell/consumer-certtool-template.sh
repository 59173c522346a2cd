#!/bin/bash
# Real consumer: certtool certificate generation from templates that use
# nearly every extension option (DN string, serial and dates, CA path
# length, SANs of every kind, CRL distribution point, OCSP and CA issuers
# URIs, policy with text and URL, name constraints, TLS feature, inhibit
# anyPolicy, key purposes, unique IDs), on the real GnuTLS and through
# gnossl.  With an RSA key (deterministic PKCS#1 v1.5 signatures), fixed
# serials and dates, the certificates and requests gnossl's certtool
# writes must be byte-identical to the real certtool's, and its report the
# same; OpenSSL must verify the issued chain.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require certtool openssl
gn_require_build
gn_init consumer-certtool-template
export LC_ALL=C TZ=UTC

openssl genrsa -out "$GN_TMP/ca.key" 2048 2>/dev/null || exit 1
openssl genrsa -out "$GN_TMP/leaf.key" 2048 2>/dev/null || exit 1
cat >"$GN_TMP/ca.tmpl" <<'TMPL'
dn = "CN=Template CA,O=Gnossl Org,OU=Unit,L=Athens,ST=Attica,C=GR"
serial = 0x0102030405
activation_date = "2024-01-01 00:00:00"
expiration_date = "2034-01-01 00:00:00"
ca
path_len = 2
cert_signing_key
crl_signing_key
crl_dist_points = "http://crl.example.com/ca.crl"
ocsp_uri = "http://ocsp.example.com/"
ca_issuers_uri = "http://ca.example.com/ca.crt"
policy1 = 1.3.6.1.4.1.5484.1.10.99.1.0
policy1_txt = "This is a long policy to summarize"
policy1_url = "http://www.example.com/a-policy-to-read"
nc_permit_dns = example.com
nc_exclude_dns = bad.example.com
nc_permit_email = "nmav@ex.net"
inhibit_anypolicy_skip_certs = 1
subject_unique_id = 00153224
issuer_unique_id = 0011223344
TMPL
cat >"$GN_TMP/leaf.tmpl" <<'TMPL'
cn = "www.example.com"
organization = "Gnossl Org"
country = GR
serial = 0x77
activation_date = "2024-02-01 00:00:00"
expiration_date = "2026-02-01 00:00:00"
dns_name = "www.example.com"
dns_name = "api.example.com"
ip_address = "192.0.2.1"
email = "admin@example.com"
uri = "https://www.example.com/"
tls_www_server
tls_www_client
signing_key
encryption_key
tls_feature = 5
crl_dist_points = "http://crl.example.com/ca.crl"
ocsp_uri = "http://ocsp.example.com/"
challenge_password = "some secret"
TMPL

# gen MODE NAME ARGS... : certtool under MODE writing $NAME.$MODE.pem,
# report in $NAME.$MODE.log, status in $NAME.$MODE.rc
gen() {
    local mode=$1 name=$2
    shift 2
    gn_run "$mode" certtool "$@" --outfile "$GN_TMP/$name.$mode.pem" >"$GN_TMP/$name.$mode.log" 2>&1
    echo $? >"$GN_TMP/$name.$mode.rc"
}
same() { # MODE NAME
    [ "$1" = real ] && return 0
    cmp -s "$GN_TMP/$2.real.rc" "$GN_TMP/$2.$1.rc" && cmp -s "$GN_TMP/$2.real.pem" "$GN_TMP/$2.$1.pem" &&
        cmp -s "$GN_TMP/$2.real.log" "$GN_TMP/$2.$1.log"
}
show_diff() { # MODE NAME
    diff "$GN_TMP/$2.real.log" "$GN_TMP/$2.$1.log" | head -n 10 | sed 's/^/  | /' >&2
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v certtool)" || continue
    gen "$mode" ca --generate-self-signed --load-privkey "$GN_TMP/ca.key" --template "$GN_TMP/ca.tmpl"
    GN_WHY=
    gn_req "exit 0" [ "$(cat "$GN_TMP/ca.$mode.rc")" = 0 ]
    gn_req "openssl accepts the CA" openssl verify -CAfile "$GN_TMP/ca.$mode.pem" "$GN_TMP/ca.$mode.pem"
    gn_req "byte-identical to the real certtool's, same report" same "$mode" ca
    gn_verdict "$mode: certtool --generate-self-signed with every CA template option" || show_diff "$mode" ca

    gen "$mode" req --generate-request --load-privkey "$GN_TMP/leaf.key" --template "$GN_TMP/leaf.tmpl"
    GN_WHY=
    gn_req "exit 0" [ "$(cat "$GN_TMP/req.$mode.rc")" = 0 ]
    gn_req "openssl verifies the request" openssl req -in "$GN_TMP/req.$mode.pem" -noout -verify
    gn_req "byte-identical to the real certtool's, same report" same "$mode" req
    gn_verdict "$mode: certtool --generate-request with SANs, purposes, TLS feature, challenge password" ||
        show_diff "$mode" req

    gen "$mode" leaf --generate-certificate --load-request "$GN_TMP/req.$mode.pem" \
        --load-ca-certificate "$GN_TMP/ca.$mode.pem" --load-ca-privkey "$GN_TMP/ca.key" --template "$GN_TMP/leaf.tmpl"
    GN_WHY=
    gn_req "exit 0" [ "$(cat "$GN_TMP/leaf.$mode.rc")" = 0 ]
    gn_req "openssl verifies the chain" openssl verify -CAfile "$GN_TMP/ca.$mode.pem" -purpose sslserver \
        -attime 1720000000 "$GN_TMP/leaf.$mode.pem"
    gn_req "byte-identical to the real certtool's, same report" same "$mode" leaf
    gn_verdict "$mode: certtool --generate-certificate from the request, signed by the CA" || show_diff "$mode" leaf
done

gn_finish
