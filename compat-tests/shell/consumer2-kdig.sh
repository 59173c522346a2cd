#!/bin/bash
# Tier-2 consumer: Debian's kdig (knot-dnsutils, libgnutls.so.30 through
# libknot) queries a local DNS-over-TLS responder (python3 + ssl), on the
# real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - +tls-ca with +tls-hostname: the A record comes back;
#  - +tls-pin (SPKI SHA-256 pin, no CA): accepted with the right pin;
#  - unknown CA, wrong host name and a wrong pin are refused (no answer).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/dns.sh"
gn_require kdig python3 openssl base64
gn_require_build
gn_init consumer2-kdig
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
addr=192.0.2.$((RANDOM % 250 + 1))
gn2_start_dot good "$pki/server.pem" "$pki/server.key" "$addr" || exit 1
gn2_start_dot rogue "$pki/rogue.pem" "$pki/rogue.key" "$addr" || exit 1
gn2_start_dot wrong "$pki/wrongname.pem" "$pki/wrongname.key" "$addr" || exit 1
pin=$(gn2_spki_pin "$pki/server.pem")
badpin=$(gn2_spki_pin "$pki/rogue.pem")

# dig MODE PORT TLS-OPTIONS... : kdig +short A query; output in kdig.log
dig() {
    local mode=$1 port=$2
    shift 2
    gn_run "$mode" kdig @127.0.0.1 -p "$port" +tls "$@" +short +retry=0 +timeout=10 \
        gnossl.example. A >"$GN_TMP/kdig.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/kdig || continue

    if dig "$mode" "$PORT_good" +tls-ca="$pki/ca.pem" +tls-hostname=localhost &&
       [ "$(cat "$GN_TMP/kdig.log")" = "$addr" ]; then
        gn_pass "$mode: kdig +tls-ca +tls-hostname gets the A record ($addr)"
    else
        gn_fail "$mode: kdig +tls-ca query (exit $?)"
        gn_show "$GN_TMP/kdig.log"
        gn_show "$GN_TMP/good.log"
    fi

    if dig "$mode" "$PORT_good" +tls-pin="$pin" && [ "$(cat "$GN_TMP/kdig.log")" = "$addr" ]; then
        gn_pass "$mode: kdig +tls-pin (SPKI pin, no CA) gets the A record"
    else
        gn_fail "$mode: kdig +tls-pin query (exit $?)"
        gn_show "$GN_TMP/kdig.log"
    fi

    for case in "rogue|+tls-ca=$pki/ca.pem +tls-hostname=localhost|a certificate from an unknown CA" \
                "wrong|+tls-ca=$pki/ca.pem +tls-hostname=localhost|a certificate for another host name" \
                "good|+tls-pin=$badpin|a server whose key does not match the pin"; do
        IFS='|' read -r name opts what <<<"$case"
        port=PORT_$name
        # shellcheck disable=SC2086 # opts is two words on purpose
        dig "$mode" "${!port}" $opts
        rc=$?
        if [ $rc -ne 124 ] && ! grep -qx "$addr" "$GN_TMP/kdig.log" &&
           grep -qiE 'certificate|TLS|failed' "$GN_TMP/kdig.log"; then
            gn_pass "$mode: kdig refuses $what ($(grep -iE 'certificate|TLS|failed' "$GN_TMP/kdig.log" | head -n 1))"
        else
            gn_fail "$mode: kdig did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/kdig.log"
        fi
    done
done

gn_finish
