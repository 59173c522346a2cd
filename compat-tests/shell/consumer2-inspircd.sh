#!/bin/bash
# Tier-2 consumer (server side): InspIRCd with its m_ssl_gnutls module
# (linked to libgnutls.so.30) as a TLS IRC server in the foreground, with a
# temp configuration (client certificates requested, TLS 1.3 only), on the
# real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).  Clients:
# `openssl s_client` and the real gnutls-cli.
#  - a client with a certificate from the CA registers (001, the MOTD) and
#    WHOIS shows the SHA-256 fingerprint of its certificate (276): the one
#    openssl computes from the file;
#  - with a client certificate from an unknown CA, what WHOIS shows (m_sslinfo
#    shows usable certificates only) is what it shows on GnuTLS;
#  - the real gnutls-cli registers too;
#  - a TLS 1.2-only client is refused (the profile's GnuTLS priority string).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require inspircd openssl gnutls-cli
mod=/usr/lib/inspircd/modules/m_ssl_gnutls.so
[ -e "$mod" ] || { gn_log "SKIP: InspIRCd's m_ssl_gnutls not installed"; exit 77; }
gn_require_build
gn_init consumer2-inspircd
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
fp=$(openssl x509 -in "$pki/client.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
echo "gnossl motd $$" >"$GN_TMP/motd"

# write_conf TAG PORT
write_conf() {
    cat >"$GN_TMP/inspircd-$1.conf" <<CONF
<server name="irc.gnossl.test" description="gnossl test server" network="gnossl">
<admin name="gnossl" nick="gnossl" email="root@gnossl.test">
<module name="ssl_gnutls">
<module name="sslinfo">
<sslprofile name="gnossl" provider="gnutls" certfile="$pki/server.pem" keyfile="$pki/server.key"
    cafile="$pki/ca.pem" dhfile="" hash="sha256" requestclientcert="yes"
    priority="NORMAL:-VERS-ALL:+VERS-TLS1.3">
<bind address="127.0.0.1" port="$2" type="clients" sslprofile="gnossl">
<connect allow="*" timeout="60" localmax="20" globalmax="20" resolvehostnames="no">
<files motd="$GN_TMP/motd">
<dns timeout="1">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="$GN_TMP/inspircd-$1.log.txt">
CONF
}

# irc OUT NICK CERTNAME: register, wait for the welcome (InspIRCd finishes
# registration only after its TLS checks), WHOIS self, quit.
irc() {
    local out=$1 nick=$2 cert=$3 i
    {
        printf 'NICK %s\r\nUSER %s 0 * :%s\r\n' "$nick" "$nick" "$nick"
        for i in $(seq 1 150); do
            grep -q " 001 $nick " "$out" 2>/dev/null && break
            sleep 0.1
        done
        printf 'WHOIS %s\r\nQUIT :bye\r\n' "$nick"
        for i in $(seq 1 50); do
            grep -q '^ERROR :' "$out" 2>/dev/null && break
            sleep 0.1
        done
    } | timeout 30 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/ca.pem" -verify_return_error \
        -quiet -cert "$pki/$cert.pem" -key "$pki/$cert.key" >"$out" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$mod" || continue
    port=$(gn_free_port) || exit 1
    write_conf "$mode" "$port"
    GN_TIMEOUT=60 gn_prefix "$mode"
    gn_start "inspircd-$mode" "${GN_PFX[@]}" inspircd --config "$GN_TMP/inspircd-$mode.conf" \
        --nofork --nopid --runasroot
    srv=$GN_LAST_PID
    if ! gn_wait_port "$port" "$srv"; then
        gn_fail "$mode: inspircd did not start"
        gn_show "$GN_TMP/inspircd-$mode.log"
        continue
    fi

    out=$GN_TMP/alice-$mode.log
    irc "$out" alice client
    GN_WHY=
    gn_req "welcome (001)" grep -q ' 001 alice ' "$out"
    gn_req "MOTD" grep -q "gnossl motd $$" "$out"
    gn_req "WHOIS: client certificate fingerprint $fp (276)" grep -q " 276 alice alice :.* $fp\$" <(tr -d '\r' <"$out")
    gn_verdict "$mode: an openssl client with a certificate registers and InspIRCd shows its fingerprint" ||
        { gn_show "$out"; gn_show "$GN_TMP/inspircd-$mode.log"; }

    out=$GN_TMP/mallory-$mode.log
    irc "$out" mallory rogue-client
    seen=$(tr -d '\r' <"$out" | grep -c ' 276 mallory ')
    if grep -q ' 001 mallory ' "$out" && gn_like_real "$mode" rogue-276 "$seen"; then
        gn_pass "$mode: a client certificate from an unknown CA: $seen fingerprint line(s) in WHOIS, as on GnuTLS"
    else
        gn_fail "$mode: unknown-CA client certificate: registered? $(grep -c ' 001 mallory ' "$out"), $seen fingerprint lines (on GnuTLS $(gn_real_value rogue-276))"
        gn_show "$out"
    fi

    out=$GN_TMP/carol-$mode.log
    if gn_converse "$out" "NICK carol\r\nUSER carol 0 * :Carol\r\n" ' 001 carol ' \
            timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" -p "$port" localhost; then
        gn_pass "$mode: the real gnutls-cli registers with InspIRCd"
    else
        gn_fail "$mode: real gnutls-cli against InspIRCd"
        gn_show "$out"
    fi

    # s_client (without -quiet) reports the session it got: none here.
    out=$GN_TMP/bob-$mode.log
    printf 'NICK bob\r\nUSER bob 0 * :Bob\r\n' | timeout 20 openssl s_client -connect "127.0.0.1:$port" \
        -CAfile "$pki/ca.pem" -tls1_2 >"$out" 2>&1
    rc=$?
    if [ $rc -ne 124 ] && grep -q 'New, (NONE), Cipher is (NONE)' "$out" && ! grep -q ' 001 bob ' "$out"; then
        gn_pass "$mode: InspIRCd refuses a TLS 1.2-only client (its priority string allows TLS 1.3 only)"
    else
        gn_fail "$mode: InspIRCd let a TLS 1.2-only client in (s_client exit $rc)"
        gn_show "$out"
    fi
    gn_stop "$srv"
done

gn_finish
