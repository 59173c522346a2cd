#!/bin/bash
# Tier-2 consumer (server side): GIO's TLS server (glib-networking's GnuTLS
# backend) in a small GLib program (compat-tests/programs2/gio-tls-server.c:
# GTlsServerConnection, client certificate REQUIRED against a
# GTlsFileDatabase, answers with the client certificate's subject and issuer
# names), on the real GnuTLS and through gnossl (LD_PRELOAD,
# LD_LIBRARY_PATH); clients: openssl s_client and the real gnutls-cli.
#  - a client with a certificate from the CA gets its answer; the subject
#    and issuer names GIO reports are those it reports on the real GnuTLS;
#  - a client certificate from an unknown CA and no client certificate are
#    refused by the server.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require cc pkg-config openssl gnutls-cli
gn_require_build
mod=/usr/lib/x86_64-linux-gnu/gio/modules/libgiognutls.so
[ -e "$mod" ] || { gn_log "SKIP: glib-networking not installed"; exit 77; }
pkg-config --exists gio-2.0 || { gn_log "SKIP: libglib2.0-dev not installed"; exit 77; }
gn_init consumer2-gio-server
export LC_ALL=C GIO_USE_TLS=gnutls

prog=$GN_TMP/gio-tls-server
cc -Wall -Wextra -Werror -o "$prog" "$GNOSSL_SRC/compat-tests/programs2/gio-tls-server.c" \
    $(pkg-config --cflags --libs gio-2.0) || { gn_fail "cannot compile gio-tls-server.c"; gn_finish; }
pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1   # EC: quicker to make than RSA

sclient() { # PORT CERT LINE -> answer in sc.log
    local opts=()
    [ -n "$2" ] && opts=(-cert "$pki/$2.pem" -key "$pki/$2.key")
    printf '%s\n' "$3" | timeout 20 openssl s_client -quiet -connect "127.0.0.1:$1" \
        -CAfile "$pki/ca.pem" "${opts[@]}" >"$GN_TMP/sc.log" 2>&1
}

baseline=
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$mod" || continue
    port=$(gn_free_port) || exit 1
    GN_TIMEOUT=50 gn_prefix "$mode"
    gn_start "srv-$mode" "${GN_PFX[@]}" "$prog" "$port" "$pki/server.pem" "$pki/server.key" "$pki/ca.pem"
    srv=$GN_LAST_PID
    gn_wait_port "$port" "$srv" || { gn_fail "$mode: GIO server did not start"; gn_show "$GN_TMP/srv-$mode.log"; continue; }

    sclient "$port" client "hello $mode $$"
    answer=$(grep -m1 '^subject=' "$GN_TMP/sc.log")
    if [[ $answer == *"echo=hello $mode $$" ]] && [[ $answer == *"gnossl test client"* ]]; then
        gn_pass "$mode: openssl s_client with a client certificate is served ($answer)"
        names=${answer%%; echo=*}
        if [ "$mode" = real ]; then baseline=$names
        elif [ -n "$baseline" ] && [ "$names" != "$baseline" ]; then
            gn_fail "$mode: GIO reports '$names', on real GnuTLS '$baseline'"
        fi
    else
        gn_fail "$mode: s_client with a client certificate (answer: '${answer}')"
        gn_show "$GN_TMP/sc.log"
        gn_show "$GN_TMP/srv-$mode.log"
    fi

    if gn_converse "$GN_TMP/cli.log" "from gnutls-cli $mode\n" "echo=from gnutls-cli $mode" \
            timeout 20 gnutls-cli --x509cafile="$pki/ca.pem" --x509certfile="$pki/client.pem" \
            --x509keyfile="$pki/client.key" -p "$port" 127.0.0.1; then
        gn_pass "$mode: the real gnutls-cli with a client certificate is served"
    else
        gn_fail "$mode: real gnutls-cli with a client certificate"
        gn_show "$GN_TMP/cli.log"
        gn_show "$GN_TMP/srv-$mode.log"
    fi

    for case in "rogue-client|a client certificate from an unknown CA" "|no client certificate"; do
        IFS='|' read -r cert what <<<"$case"
        before=$(grep -c 'handshake failed' "$GN_TMP/srv-$mode.log")
        sclient "$port" "$cert" "must not be served"
        sleep 0.2
        after=$(grep -c 'handshake failed' "$GN_TMP/srv-$mode.log")
        if ! grep -q 'echo=must not' "$GN_TMP/sc.log" && [ "$after" -gt "$before" ]; then
            gn_pass "$mode: the GIO server refuses $what ($(grep 'handshake failed' "$GN_TMP/srv-$mode.log" | tail -n 1))"
        else
            gn_fail "$mode: the GIO server did not refuse $what"
            gn_show "$GN_TMP/sc.log"
            gn_show "$GN_TMP/srv-$mode.log"
        fi
    done
    gn_stop "$srv"
done

gn_finish
