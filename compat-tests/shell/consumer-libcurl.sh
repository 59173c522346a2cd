#!/bin/bash
# Real consumer: libcurl's GnuTLS backend (libcurl-gnutls.so.4, from
# libcurl4-gnutls-dev) driven by compat-tests/programs/curl-resume.c, compiled
# here.  Against `openssl s_server -www`, whose status page says whether the
# connection was "New" or "Reused" (resumed):
#  - TLS 1.2, one easy handle, 3 transfers on 3 connections: the first is New,
#    the next two resume the session libcurl cached;
#  - TLS 1.2, 3 easy handles sharing a CURLSH SSL-session cache: same;
#  - TLS 1.3: 2 transfers succeed with the full page (libcurl 7.88 stores the
#    session before the server's ticket arrives, so it does not resume on the
#    real GnuTLS either: resumption is not asserted there);
#  - against `s_server -WWW`: a file's bytes arrive intact;
#  - trusting only another CA, the server is refused (CURLE_PEER_FAILED_VERIFICATION).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require cc openssl sha256sum
if ! echo '#include <curl/curl.h>' | cc -E -x c - >/dev/null 2>&1; then
    gn_log "SKIP: curl/curl.h missing (install libcurl4-gnutls-dev)"
    exit 77
fi
gn_require_build
gn_init consumer-libcurl
export LC_ALL=C

prog=$GN_TMP/curl-resume
cc -O1 -Wall -Wextra -o "$prog" "$GNOSSL_SRC/compat-tests/programs/curl-resume.c" -lcurl \
    >"$GN_TMP/cc.log" 2>&1 || { gn_show "$GN_TMP/cc.log"; gn_fail "cannot compile curl-resume.c"; gn_finish; }
if ! ldd "$prog" | grep -q 'libcurl-gnutls\.so\.4'; then
    gn_log "SKIP: -lcurl is not libcurl's GnuTLS flavour (install libcurl4-gnutls-dev)"
    exit 77
fi

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
www=$GN_TMP/www
mkdir -p "$www"
head -c 300000 /dev/urandom >"$www/data.bin"

port_status=$(gn_free_port) || exit 1
gn_start s_server-www openssl s_server -www -accept "127.0.0.1:$port_status" \
    -cert "$pki/server.pem" -key "$pki/server.key"
gn_wait_port "$port_status" "$GN_LAST_PID" || exit 1
port_files=$(gn_free_port) || exit 1
(cd "$www" && exec openssl s_server -WWW -accept "127.0.0.1:$port_files" \
    -cert "$pki/server.pem" -key "$pki/server.key") </dev/null >"$GN_TMP/s_server-WWW.log" 2>&1 &
GN_PIDS+=("$!")
gn_wait_port "$port_files" "$!" || exit 1

# run MODE HOW VERSION COUNT PREFIX URL : output in PREFIX.log
run() {
    gn_run "$1" "$prog" "$6" "$pki/${CA:-ca}.pem" "$2" "$3" "$4" "$5" >"$5.log" 2>&1
}
# states PREFIX COUNT : "New Reused ..." from the status pages
states() {
    local i s out=""
    for i in $(seq 1 "$2"); do
        s=$(grep -Eo '^(New|Reused), TLSv1\.[23]' "$1.$i" 2>/dev/null | head -n1)
        out="$out ${s:-none}"
    done
    echo "${out# }"
}
complete_page() { grep -q "Ciphers supported in s_server binary" "$1" && grep -q "</HTML>" "$1"; }

url="https://localhost:$port_status/"
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$prog" || continue

    for how in easy share; do
        p=$GN_TMP/$mode-$how-12
        run "$mode" "$how" 1.2 3 "$p" "$url"
        rc=$?
        st=$(states "$p" 3)
        if [ $rc -eq 0 ] && [ "$st" = "New, TLSv1.2 Reused, TLSv1.2 Reused, TLSv1.2" ] &&
           complete_page "$p.1" && complete_page "$p.3"; then
            gn_pass "$mode: libcurl ($how) TLS 1.2, 3 connections: $st"
        else
            gn_fail "$mode: libcurl ($how) TLS 1.2 resumption (exit $rc; server saw: $st)"
            gn_show "$p.log"
        fi
    done

    p=$GN_TMP/$mode-easy-13
    run "$mode" easy 1.3 2 "$p" "$url"
    rc=$?
    st=$(states "$p" 2)
    if [ $rc -eq 0 ] && [[ "$st" =~ ^(New|Reused),\ TLSv1\.3\ (New|Reused),\ TLSv1\.3$ ]] &&
       complete_page "$p.1" && complete_page "$p.2"; then
        gn_pass "$mode: libcurl TLS 1.3, 2 connections, full pages ($st)"
    else
        gn_fail "$mode: libcurl TLS 1.3 (exit $rc; server saw: $st)"
        gn_show "$p.log"
    fi

    p=$GN_TMP/$mode-file
    run "$mode" easy 1.2 2 "$p" "https://127.0.0.1:$port_files/data.bin"
    rc=$?
    if [ $rc -eq 0 ] && cmp -s "$p.1" "$www/data.bin" && cmp -s "$p.2" "$www/data.bin"; then
        gn_pass "$mode: libcurl fetches a 300 kB file twice, bytes identical"
    else
        gn_fail "$mode: libcurl file fetch (exit $rc)"
        gn_show "$p.log"
    fi

    p=$GN_TMP/$mode-untrusted
    CA=rogue-ca run "$mode" easy 1.2 1 "$p" "$url"
    rc=$?
    if [ $rc -eq 1 ] && grep -q ": curl 60 " "$p.log" && ! [ -s "$p.1" ]; then
        gn_pass "$mode: libcurl refuses the server when trusting only another CA (curl 60)"
    else
        gn_fail "$mode: untrusted server not refused as expected (exit $rc)"
        gn_show "$p.log"
    fi
done

gn_finish
