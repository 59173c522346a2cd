#!/bin/bash
# Tier-2 consumer: weechat-headless (WeeChat's own GnuTLS code, linked to
# libgnutls.so.30) connects to a tiny IRC-over-TLS server (python3 + ssl),
# on the real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - weechat verifies the server against the test CA only
#    (weechat.network.gnutls_ca_user), registers, joins and sends a message
#    that the server receives intact; the certificate line WeeChat prints
#    (gnutls_x509_crt_print ONELINE) is the one it prints on the real GnuTLS;
#  - a server certificate from an unknown CA and one for another host are
#    refused: WeeChat says why, the handshake fails, no message is sent.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/irc.sh"
gn_require weechat-headless python3 openssl
gn_require_build
gn_init consumer2-weechat
export LC_ALL=C.UTF-8 HOME=$GN_TMP TERM=dumb

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA
gn2_start_ircs good "$pki/server.pem" "$pki/server.key" "$GN_TMP/got-good.txt" || exit 1
gn2_start_ircs rogue "$pki/rogue.pem" "$pki/rogue.key" "$GN_TMP/got-rogue.txt" || exit 1
gn2_start_ircs wrong "$pki/wrongname.pem" "$pki/wrongname.key" "$GN_TMP/got-wrong.txt" || exit 1

# chat MODE PORT TAG MSG UNTIL-FILE UNTIL-RE : run weechat (WeeChat 3.8
# still calls TLS "ssl" in its options) until UNTIL-FILE matches UNTIL-RE
# (15 s at most), then stop it.  Its server buffer log is $GN_TMP/wc-TAG.log.
chat() {
    local mode=$1 port=$2 tag=$3 msg=$4 file=$5 re=$6 dir=$GN_TMP/wc-$3 i
    rm -rf "$dir"
    GN_TIMEOUT=20 gn_prefix "$mode"
    gn_start "weechat-$tag" "${GN_PFX[@]}" weechat-headless --dir "$dir" --stdout \
        -r "/set weechat.network.gnutls_ca_system off" \
        -r "/set weechat.network.gnutls_ca_user $pki/ca.pem" \
        -r "/set logger.file.flush_delay 0" \
        -r "/server add t 127.0.0.1/$port -ssl -nicks=gnbot -username=u -realname=r -autojoin=#gnossl -autoreconnect=off" \
        -r "/set irc.server.t.command \"/msg #gnossl $msg\"" \
        -r "/connect t"
    local pid=$GN_LAST_PID
    for i in $(seq 1 150); do
        grep -Eq -- "$re" "$file" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    sleep 0.3   # let a refused client finish writing its log
    gn_stop "$pid"
    cp "$dir/logs/irc.server.t.weechatlog" "$GN_TMP/wc-$tag.log" 2>/dev/null || : >"$GN_TMP/wc-$tag.log"
}

baseline=
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/weechat-headless || continue

    msg="hello from weechat on $mode, pid $$, with UTF-8: grüße ✓"
    chat "$mode" "$PORT_good" "$mode-good" "$msg" "$GN_TMP/got-good.txt" "on $mode,"
    if grep -qxF "#gnossl $msg" "$GN_TMP/got-good.txt" &&
       grep -q "peer's certificate is trusted" "$GN_TMP/wc-$mode-good.log"; then
        gn_pass "$mode: weechat verifies the server, registers and its message arrives intact"
    else
        gn_fail "$mode: weechat over TLS did not deliver its message"
        gn_show "$GN_TMP/wc-$mode-good.log"
        gn_show "$GN_TMP/weechat-$mode-good.log"
        gn_show "$GN_TMP/good.log"
    fi
    info=$(grep -A1 'certificate\[1\] info' "$GN_TMP/wc-$mode-good.log" | tail -n 1 | cut -f3-)
    if [ -z "$info" ]; then
        gn_fail "$mode: weechat printed no certificate information"
    elif [ "$mode" = real ]; then
        baseline=$info
        gn_pass "$mode: weechat prints the certificate:$info"
    elif [ -z "$baseline" ] || [ "$info" = "$baseline" ]; then
        gn_pass "$mode: weechat prints the certificate as on the real GnuTLS${baseline:+ (identical)}"
    else
        gn_fail "$mode: weechat's certificate line differs from real GnuTLS:"
        printf '  | real:  %s\n  | %s: %s\n' "$baseline" "$mode" "$info" >&2
    fi

    for case in "rogue|NOT trusted|a certificate from an unknown CA" \
                "wrong|does NOT match|a certificate for another host name"; do
        IFS='|' read -r name text what <<<"$case"
        port=PORT_$name
        chat "$mode" "${!port}" "$mode-$name" "must not arrive $mode" "$GN_TMP/wc-$mode-$name/logs/irc.server.t.weechatlog" \
            "TLS handshake failed|disconnected"
        if grep -q "$text" "$GN_TMP/wc-$mode-$name.log" && grep -q "TLS handshake failed" "$GN_TMP/wc-$mode-$name.log" &&
           ! grep -q "must not arrive $mode" "$GN_TMP/got-$name.txt" 2>/dev/null; then
            gn_pass "$mode: weechat refuses $what ($(grep -m1 "$text" "$GN_TMP/wc-$mode-$name.log" | cut -f3- | cut -c1-100))"
        else
            gn_fail "$mode: weechat did not refuse $what"
            gn_show "$GN_TMP/wc-$mode-$name.log"
        fi
    done
done

gn_finish
