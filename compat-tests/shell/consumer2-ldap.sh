#!/bin/bash
# Tier-2 consumer, both sides: OpenLDAP (libldap-2.5.so.0 does TLS with
# libgnutls.so.30; the clients ldapadd/ldapsearch/ldapwhoami of ldap-utils and
# the server slapd all go through it), on the real GnuTLS and through gnossl
# (LD_PRELOAD, LD_LIBRARY_PATH).  Per mode, a slapd on that mode with an mdb
# database, listening for StartTLS and LDAPS, TLSVerifyClient "try":
#  - ldapadd (MODE) over StartTLS (-ZZ) adds two entries, one with a ~4 KB
#    attribute; ldapsearch (MODE) over LDAPS reads it back intact;
#  - the real ldapsearch reads it from the MODE server too;
#  - ldapwhoami -Y EXTERNAL with a client certificate from the CA: slapd
#    (MODE) takes the identity from the certificate, the one it takes on GnuTLS;
#  - refused: a client that trusts another CA, a server certificate for
#    another host name (a real slapd); a client certificate from an unknown
#    CA is kept back by the client (slapd names its CA), no identity.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require slapd ldapadd ldapsearch ldapwhoami openssl base64
gn_require_build
gn_init consumer2-ldap
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
# The clients read no system or user configuration, only these variables.
: >"$GN_TMP/ldap.conf"
export LDAPCONF=$GN_TMP/ldap.conf LDAPRC=$GN_TMP/no-ldaprc HOME=$GN_TMP
export LDAPTLS_CACERT=$pki/ca.pem LDAPTLS_REQCERT=demand
base="dc=gnossl,dc=test"
admin="cn=admin,$base"
value=$(head -c 3000 /dev/urandom | base64 -w0)
cat >"$GN_TMP/add.ldif" <<EOF
dn: $base
objectClass: dcObject
objectClass: organization
o: gnossl
dc: gnossl

dn: cn=probe,$base
objectClass: inetOrgPerson
cn: probe
sn: probe
description: $value
EOF

# start_slapd MODE NAME CERT -> PORT_LDAP, PORT_LDAPS, SRV (pid); log NAME.log
start_slapd() {
    local d=$GN_TMP/$2
    mkdir -p "$d/db"
    cat >"$d/slapd.conf" <<EOF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $d/slapd.pid
argsfile $d/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCACertificateFile $pki/ca.pem
TLSCertificateFile $pki/$3.pem
TLSCertificateKeyFile $pki/$3.key
TLSVerifyClient try
database mdb
maxsize 10485760
suffix "$base"
rootdn "$admin"
rootpw secret
directory $d/db
EOF
    PORT_LDAP=$(gn_free_port) && PORT_LDAPS=$(gn_free_port) || return 1
    GN_TIMEOUT=60 gn_prefix "$1"
    # -d 256 (stats): foreground, one line per connection, operation and TLS session
    gn_start "$2" "${GN_PFX[@]}" slapd -d 256 -f "$d/slapd.conf" \
        -h "ldap://127.0.0.1:$PORT_LDAP/ ldaps://127.0.0.1:$PORT_LDAPS/"
    SRV=$GN_LAST_PID
    gn_wait_port "$PORT_LDAPS" "$SRV" && gn_wait_port "$PORT_LDAP" "$SRV" || { gn_show "$GN_TMP/$2.log"; return 1; }
}

# search MODE PORT OUT [CAFILE]: the probe's description over LDAPS
search() {
    LDAPTLS_CACERT=${4:-$pki/ca.pem} gn_run "$1" ldapsearch -x -LLL -o ldif-wrap=no \
        -H "ldaps://127.0.0.1:$2" -b "$base" cn=probe description >"$3" 2>&1
}
# whoami MODE PORT CERTNAME OUT: SASL EXTERNAL over LDAPS with a client certificate
whoami() {
    LDAPTLS_CERT=$pki/$3.pem LDAPTLS_KEY=$pki/$3.key gn_run "$1" \
        ldapwhoami -Y EXTERNAL -Q -H "ldaps://127.0.0.1:$2" >"$4" 2>&1
}

# search_refused RC OUT WHAT PORT [CAFILE]: ldapsearch (exit RC, output OUT)
# got nothing, though the server on PORT answers the same search when the
# certificate is not checked (so the refusal is the verification's).
search_refused() {
    if [ "$1" -ne 0 ] && [ "$1" -ne 124 ] && [ "$1" -ne 125 ] && ! grep -q "^description:" "$2" &&
       LDAPTLS_REQCERT=never search "$mode" "$4" "$2.control" "${5:-}" &&
       grep -q "^description:" "$2.control"; then
        gn_pass "$mode: ldapsearch refuses $3 ($(head -n 1 "$2"))"
    else
        gn_fail "$mode: ldapsearch did not refuse $3 (exit $1)"
        gn_show "$2"
    fi
}

# A real slapd whose certificate names another host, holding the same entries
# (added without checking its certificate).
WRONG_PORT=
if start_slapd real wrong wrongname &&
   LDAPTLS_REQCERT=never gn_run real ldapadd -x -ZZ -H "ldap://127.0.0.1:$PORT_LDAP" -D "$admin" \
       -w secret -f "$GN_TMP/add.ldif" >"$GN_TMP/add-wrong.log" 2>&1; then
    WRONG_PORT=$PORT_LDAPS
fi

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/ldapsearch || continue
    gn_assert_loaded "$mode" /usr/sbin/slapd || continue
    start_slapd "$mode" "slapd-$mode" server || { gn_fail "$mode: slapd did not start"; continue; }

    gn_run "$mode" ldapadd -x -ZZ -H "ldap://127.0.0.1:$PORT_LDAP" -D "$admin" -w secret \
        -f "$GN_TMP/add.ldif" >"$GN_TMP/add-$mode.log" 2>&1
    rc=$?
    GN_WHY=
    gn_req "ldapadd exit 0 (got $rc)" [ $rc -eq 0 ]
    gn_req "slapd logged STARTTLS and a TLS session" \
        grep -q 'TLS established' "$GN_TMP/slapd-$mode.log"
    gn_verdict "$mode: ldapadd adds 2 entries over StartTLS to slapd (both on $mode)" ||
        { gn_show "$GN_TMP/add-$mode.log"; gn_show "$GN_TMP/slapd-$mode.log"; }

    clients=$mode
    [ "$mode" = real ] || clients+=" real"
    for client in $clients; do
        out=$GN_TMP/search-$client-$mode
        search "$client" "$PORT_LDAPS" "$out"
        rc=$?
        if [ $rc -eq 0 ] && grep -qxF "description: $value" "$out"; then
            gn_pass "$mode: ldapsearch ($client) reads the 4 KB attribute back over LDAPS from slapd ($mode)"
        else
            gn_fail "$mode: ldapsearch ($client) over LDAPS from slapd ($mode) (exit $rc)"
            gn_show "$out"
        fi
    done
    proto=$(sed -n 's/.* TLS established .*tls_proto=\([^ ]*\) tls_cipher=\([^ ]*\).*/\1 \2/p' \
        "$GN_TMP/slapd-$mode.log" | tail -n 1)
    if [ -n "$proto" ] && gn_like_real "$mode" proto "$proto"; then
        gn_pass "$mode: slapd reports the session as $proto, as on GnuTLS"
    else
        gn_fail "$mode: slapd reports '$proto', on GnuTLS '$(gn_real_value proto)'"
    fi

    out=$GN_TMP/whoami-$mode
    whoami "$mode" "$PORT_LDAPS" client "$out"
    rc=$?
    id=$(grep -m1 '^dn:' "$out")
    if [ $rc -eq 0 ] && [ -n "$id" ] && gn_like_real "$mode" whoami "$id"; then
        gn_pass "$mode: slapd authenticates the client certificate (SASL EXTERNAL: $id)"
    else
        gn_fail "$mode: SASL EXTERNAL with a client certificate: exit $rc, '$id' (on GnuTLS '$(gn_real_value whoami)')"
        gn_show "$out"
    fi

    # Refusals.  An unknown-CA client certificate is not sent (its issuer is
    # not among the CA names slapd asks for), so the EXTERNAL bind finds no
    # identity: the same failure (exit status) as on GnuTLS.
    whoami "$mode" "$PORT_LDAPS" rogue-client "$out"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ $rc -ne 125 ] && ! grep -q '^dn:' "$out" &&
       gn_like_real "$mode" rogue-whoami "$rc"; then
        gn_pass "$mode: a client certificate from an unknown CA is kept back, no identity (exit $rc: $(head -n 1 "$out"))"
    else
        gn_fail "$mode: a client certificate from an unknown CA: exit $rc (on GnuTLS $(gn_real_value rogue-whoami)), $(head -n 1 "$out")"
    fi
    search "$mode" "$PORT_LDAPS" "$out" "$pki/rogue-ca.pem"
    search_refused $? "$out" "a server from a CA it does not trust" "$PORT_LDAPS" "$pki/rogue-ca.pem"
    if [ -n "$WRONG_PORT" ]; then
        search "$mode" "$WRONG_PORT" "$out"
        search_refused $? "$out" "a server certificate for another host name" "$WRONG_PORT"
    else
        gn_fail "the slapd with a certificate for another host did not start"
    fi
    gn_stop "$SRV"
done

gn_finish
