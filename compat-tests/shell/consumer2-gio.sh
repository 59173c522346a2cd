#!/bin/bash
# Tier-2 consumer: GIO's TLS (glib-networking's GnuTLS backend,
# libgiognutls.so, linked to libgnutls.so.30), driven by a small GLib program
# (compat-tests/programs2/gio-https-get.c: GTlsFileDatabase from a CA file,
# GTlsClientConnection, HTTP/1.0 GET) against `openssl s_server -WWW`, on the
# real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).  (`gio cat
# https://` needs gvfsd-http and a D-Bus session, and takes no CA file.)
#  - a 2 MB file arrives intact; protocol and cipher suite GIO reports are
#    those of the real GnuTLS run;
#  - a client certificate (GTlsCertificate from PEM files) is presented to a
#    server that requires one; without it that server refuses;
#  - a certificate from an unknown CA and one for another host are refused.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require cc pkg-config openssl sha256sum
gn_require_build
mod=/usr/lib/x86_64-linux-gnu/gio/modules/libgiognutls.so
[ -e "$mod" ] || { gn_log "SKIP: glib-networking not installed"; exit 77; }
pkg-config --exists gio-2.0 || { gn_log "SKIP: libglib2.0-dev not installed"; exit 77; }
gn_init consumer2-gio
export LC_ALL=C GIO_USE_TLS=gnutls

prog=$GN_TMP/gio-https-get
cc -Wall -Wextra -Werror -o "$prog" "$GNOSSL_SRC/compat-tests/programs2/gio-https-get.c" \
    $(pkg-config --cflags --libs gio-2.0) || { gn_fail "cannot compile gio-https-get.c"; gn_finish; }

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
www=$GN_TMP/www
mkdir -p "$www"
head -c $((2 * 1024 * 1024)) /dev/urandom >"$www/big.bin"

start_www() { # NAME CERT [s_server options...] -> PORT_<NAME>
    local name=$1 cert=$2 port
    shift 2
    port=$(gn_free_port) || exit 1
    (cd "$www" && exec openssl s_server -WWW -accept "127.0.0.1:$port" \
        -cert "$pki/$cert.pem" -key "$pki/$cert.key" "$@") </dev/null >"$GN_TMP/srv-$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/srv-$name.log"; exit 1; }
    printf -v "PORT_$name" '%s' "$port"
}
start_www good server
start_www rogue rogue
start_www wrong wrongname
start_www mtls server -Verify 1 -CAfile "$pki/ca.pem"

# get MODE PORT OUT [CERT KEY] : log in get.log
get() {
    local mode=$1 port=$2 out=$3
    shift 3
    gn_run "$mode" "$prog" 127.0.0.1 "$port" big.bin "$pki/ca.pem" "$@" >"$out" 2>"$GN_TMP/get.log"
}

want=$(sha256sum <"$www/big.bin")
baseline=
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$mod" || continue

    out=$GN_TMP/out-$mode
    if get "$mode" "$PORT_good" "$out" && [ "$(sha256sum <"$out")" = "$want" ]; then
        tls=$(grep '^tls:' "$GN_TMP/get.log")
        gn_pass "$mode: GIO fetches 2 MB over HTTPS, sha256 matches ($tls)"
        if [ "$mode" = real ]; then baseline=$tls
        elif [ -n "$baseline" ]; then
            if [ "$tls" = "$baseline" ]; then gn_pass "$mode: GIO reports the same protocol/suite as real GnuTLS"
            else gn_fail "$mode: GIO reports '$tls', real GnuTLS '$baseline'"; fi
        fi
    else
        gn_fail "$mode: GIO HTTPS fetch (exit $?)"
        gn_show "$GN_TMP/get.log"
    fi

    if get "$mode" "$PORT_mtls" "$out" "$pki/client.pem" "$pki/client.key" &&
       [ "$(sha256sum <"$out")" = "$want" ] && grep -q 'gnossl test client' "$GN_TMP/srv-mtls.log"; then
        gn_pass "$mode: GIO presents a client certificate to a server that requires one"
    else
        gn_fail "$mode: GIO with a client certificate (exit $?)"
        gn_show "$GN_TMP/get.log"
        gn_show "$GN_TMP/srv-mtls.log"
    fi
    get "$mode" "$PORT_mtls" "$out"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 124 ] && ! [ -s "$out" ]; then
        gn_pass "$mode: without a client certificate the server refuses GIO (exit $rc: $(tail -n 1 "$GN_TMP/get.log"))"
    else
        gn_fail "$mode: GIO got data without the required client certificate (exit $rc)"
        gn_show "$GN_TMP/get.log"
    fi

    for case in "rogue|a certificate from an unknown CA" "wrong|a certificate for another host name"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        get "$mode" "${!port}" "$out"
        rc=$?
        if [ $rc -eq 2 ] && ! [ -s "$out" ]; then
            gn_pass "$mode: GIO refuses $what ($(tail -n 1 "$GN_TMP/get.log"))"
        else
            gn_fail "$mode: GIO did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/get.log"
        fi
    done
done

gn_finish
