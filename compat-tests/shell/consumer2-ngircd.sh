#!/bin/bash
# Tier-2 consumer (server side): Debian's ngircd (linked to libgnutls.so.30)
# as a TLS IRC server in the foreground (-n) with a temp configuration, on the
# real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).  Clients:
# `openssl s_client` and the real gnutls-cli.
#  - a client with a certificate registers (001, the MOTD), joins a channel,
#    gets its own PRIVMSG relayed back, and WHOIS says the link is TLS (275)
#    and shows the SHA-256 fingerprint of its client certificate (276): the
#    one openssl computes from the certificate file;
#  - the real gnutls-cli registers too;
#  - the server's CipherList (a GnuTLS priority string) allows TLS 1.3 only:
#    a TLS 1.2-only client is refused and never registered.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require ngircd openssl gnutls-cli
gn_require_build
gn_init consumer2-ngircd
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
fp=$(openssl x509 -in "$pki/client.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
ngircd=$(command -v ngircd)

# write_conf TAG PORT
write_conf() {
    cat >"$GN_TMP/ngircd-$1.conf" <<CONF
[Global]
Name = irc.gnossl.test
Info = gnossl test server
Listen = 127.0.0.1
Ports =
PidFile = $GN_TMP/ngircd-$1.pid
MotdPhrase = gnossl motd $$
[Options]
PAM = no
Ident = no
DNS = no
[SSL]
CertFile = $pki/server.pem
KeyFile = $pki/server.key
Ports = $2
CipherList = NORMAL:-VERS-ALL:+VERS-TLS1.3
CONF
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$ngircd" || continue
    port=$(gn_free_port) || exit 1
    write_conf "$mode" "$port"
    GN_TIMEOUT=60 gn_prefix "$mode"
    gn_start "ngircd-$mode" "${GN_PFX[@]}" "$ngircd" -n -f "$GN_TMP/ngircd-$mode.conf"
    srv=$GN_LAST_PID
    if ! gn_wait_port "$port" "$srv"; then
        gn_fail "$mode: ngircd did not start"
        gn_show "$GN_TMP/ngircd-$mode.log"
        continue
    fi
    pid=$(ps -o pid= --ppid "$srv" | tr -d ' ' | head -n 1)
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30")
    if { [ "$mode" = real ] && ! grep -q "$ours" "/proc/$pid/maps"; } ||
       { [ "$mode" != real ] && grep -q "$ours" "/proc/$pid/maps"; }; then
        gn_pass "$mode: the ngircd process (pid $pid) has the $mode GnuTLS mapped"
    else
        gn_fail "$mode: ngircd does not map the library $mode means"
    fi

    out=$GN_TMP/alice-$mode.log
    msg="hello over tls $mode $$"
    gn_converse "$out" "NICK alice\r\nUSER alice 0 * :Alice\r\nJOIN #gnossl\r\nPRIVMSG alice :$msg\r\nWHOIS alice\r\nQUIT :bye\r\n" \
        'ERROR :' timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/ca.pem" \
        -verify_return_error -quiet -cert "$pki/client.pem" -key "$pki/client.key"
    GN_WHY=
    gn_req "welcome (001)" grep -q ' 001 alice ' "$out"
    gn_req "MOTD" grep -q "gnossl motd $$" "$out"
    gn_req "JOIN confirmed" grep -q 'JOIN :#gnossl' "$out"
    gn_req "own PRIVMSG relayed" grep -qF "PRIVMSG alice :$msg" "$out"
    gn_req "WHOIS: TLS link (275)" grep -q ' 275 alice alice ' "$out"
    gn_req "WHOIS: client certificate fingerprint $fp (276)" grep -q " 276 alice alice :.* $fp\$" <(tr -d '\r' <"$out")
    gn_verdict "$mode: an openssl client with a certificate registers, chats, and ngircd reports its TLS link and certificate fingerprint" ||
        { gn_show "$out"; gn_show "$GN_TMP/ngircd-$mode.log"; }

    out=$GN_TMP/carol-$mode.log
    if gn_converse "$out" "NICK carol\r\nUSER carol 0 * :Carol\r\n" ' 001 carol ' \
            timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" -p "$port" localhost; then
        gn_pass "$mode: the real gnutls-cli registers with ngircd ($(grep -m1 -oE '\(TLS1\.[0-9]\)' "$out" || echo TLS))"
    else
        gn_fail "$mode: real gnutls-cli against ngircd"
        gn_show "$out"
    fi

    out=$GN_TMP/bob-$mode.log
    gn_converse "$out" "NICK bob\r\nUSER bob 0 * :Bob\r\n" ' 001 bob |error|ERROR' \
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/ca.pem" -tls1_2 -quiet
    # The refusal is the server's: ngircd logs the failed TLS accept.
    if [ "$GN_CONVERSE_RC" -ne 124 ] && ! grep -q ' 001 bob ' "$out" &&
       grep -q 'SSL accept error' "$GN_TMP/ngircd-$mode.log"; then
        gn_pass "$mode: ngircd refuses a TLS 1.2-only client (TLS 1.3 only; client exit $GN_CONVERSE_RC)"
    else
        gn_fail "$mode: ngircd let a TLS 1.2-only client in, or the client saw no refusal"
        gn_show "$out"
    fi
    gn_stop "$srv"
done

gn_finish
