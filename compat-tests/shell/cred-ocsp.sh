#!/bin/bash
# OCSP stapling by a server (gnutls_certificate_set_ocsp_status_request_file,
# src/cred/ocsp.c): the real gnutls-serv with --ocsp-response, once on the
# real GnuTLS and once on gnossl; `openssl s_client -status` must see the
# same stapled response (TLS 1.2 and 1.3), and none when it does not ask.
set -u
# the test runner may put the build dir on LD_LIBRARY_PATH: the "real" runs
# must load the real libgnutls (gnossl is chosen explicitly below)
unset LD_PRELOAD LD_LIBRARY_PATH
command -v gnutls-serv >/dev/null && command -v openssl >/dev/null || exit 77
build=${GNOSSL_BUILD:?}
src=${GNOSSL_SRC:?}
tmp=$(mktemp -d)
srv_pid=
cleanup() {
    [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
    gn_release_ports
    rm -rf "$tmp"
}
gn_log() { printf '%s\n' "$*" >&2; }
. "$src/compat-tests/lib/net.sh" # gn_free_port
trap cleanup EXIT
bash "$src/compat-tests/shell/cred-corpus.sh" "$tmp/c" >/dev/null 2>&1 || { echo "corpus failed"; exit 1; }

fail=0
for mode in real gnossl; do
    port=$(gn_free_port) || exit 1
    # gnossl-run: it also loads a sanitizer build of gnossl (ASan runtime first)
    if [ $mode = gnossl ]; then run="env GNOSSL_LIBDIR=$build $src/tools/gnossl-run --libpath"; else run=; fi
    $run gnutls-serv --echo -p "$port" --x509certfile="$tmp/c/good.chain" \
        --x509keyfile="$tmp/c/good.key" --ocsp-response="$tmp/c/good.ocsp" >"$tmp/serv-$mode.log" 2>&1 &
    srv_pid=$!
    for _ in $(seq 50); do
        grep -q "listening" "$tmp/serv-$mode.log" 2>/dev/null && break
        sleep 0.1
    done
    for v in tls1_2 tls1_3; do
        out=$(echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" -"$v" -status 2>&1)
        st=$(echo "$out" | grep -E "OCSP Response Status|Cert Status" | tr -s ' ' | sort | tr '\n' ';')
        echo "$mode $v asked: $st" >>"$tmp/results-$mode"
        out=$(echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" -"$v" 2>&1)
        echo "$mode $v not asked: $(echo "$out" | grep -c 'OCSP response')" >>"$tmp/results-$mode"
    done
    kill "$srv_pid" 2>/dev/null
    wait "$srv_pid" 2>/dev/null
    srv_pid=
done

sed 's/^real //' "$tmp/results-real" >"$tmp/r"
sed 's/^gnossl //' "$tmp/results-gnossl" >"$tmp/o"
cat "$tmp/results-real" "$tmp/results-gnossl"
if ! grep -q "Cert Status: good" "$tmp/r"; then
    echo "FAIL: the real gnutls-serv did not staple (test setup)"
    fail=1
fi
if ! diff -u "$tmp/r" "$tmp/o"; then
    echo "FAIL: gnossl staples differently"
    tail -5 "$tmp/serv-gnossl.log"
    fail=1
fi
exit $fail
