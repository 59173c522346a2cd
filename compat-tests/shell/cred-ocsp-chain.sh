#!/bin/bash
# TLS 1.3 stapling for a whole chain (RFC 8446 4.4.2.1): a server on the
# real GnuTLS (programs/ocsp-chain-server.c) staples a good response for its
# leaf and one for its intermediate (good, or revoked).  GnuTLS's client checks each response
# against its certificate; gnutls-cli on the real library and on gnossl must
# report the same verification, in TLS 1.3 (per-certificate stapling) and in
# TLS 1.2 (the leaf's response only).
set -u
unset LD_PRELOAD LD_LIBRARY_PATH # the "real" runs load the real libgnutls
command -v cc >/dev/null && command -v gnutls-cli >/dev/null && command -v openssl >/dev/null || exit 77
build=${GNOSSL_BUILD:?}
src=${GNOSSL_SRC:?}
tmp=$(mktemp -d)
srv_pid=
gn_log() { printf '%s\n' "$*" >&2; }
. "$src/compat-tests/lib/net.sh" # gn_free_port
trap '[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; gn_release_ports; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cc -Wall -Wextra -o server "$src/compat-tests/programs/ocsp-chain-server.c" -lgnutls || exit 77

# root -> int -> leaf (good.example); index.txt files for `openssl ocsp`
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' >ca.ext
printf 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:good.example\nextendedKeyUsage=serverAuth\n' >leaf.ext
key root.key
key int.key
key leaf.key
openssl req -new -x509 -key root.key -subj "/CN=gnossl chain-ocsp root" -days 3650 -out root.pem 2>/dev/null
openssl req -new -key int.key -subj "/CN=gnossl chain-ocsp int" 2>/dev/null |
    openssl x509 -req -CA root.pem -CAkey root.key -set_serial 0x1001 -days 3650 -extfile ca.ext -out int.pem 2>/dev/null
openssl req -new -key leaf.key -subj "/CN=good.example" 2>/dev/null |
    openssl x509 -req -CA int.pem -CAkey int.key -set_serial 0x2001 -days 3650 -extfile leaf.ext -out leaf.pem 2>/dev/null
cat leaf.pem int.pem >chain.pem
printf 'V\t491231000000Z\t\t1001\tunknown\t/CN=gnossl chain-ocsp int\n' >root-good.idx
printf 'R\t491231000000Z\t240101000000Z\t1001\tunknown\t/CN=gnossl chain-ocsp int\n' >root-revoked.idx
printf 'V\t491231000000Z\t\t2001\tunknown\t/CN=good.example\n' >int.idx
# respond ISSUER CERT INDEX OUT: a response signed by the issuer itself
respond() {
    openssl ocsp -issuer "$1.pem" -cert "$2.pem" -no_nonce -reqout "$4.req" 2>/dev/null &&
        openssl ocsp -index "$3" -rsigner "$1.pem" -rkey "$1.key" -CA "$1.pem" -reqin "$4.req" \
            -respout "$4" -ndays 30 >/dev/null 2>&1
}
respond int leaf int.idx leaf.ocsp && respond root int root-good.idx int-good.ocsp &&
    respond root int root-revoked.idx int-revoked.ocsp || { echo "setup: openssl ocsp failed"; exit 1; }

fail=0
for intresp in good revoked; do
    port=$(gn_free_port) || exit 1
    "$tmp/server" "$port" chain.pem leaf.key leaf.ocsp int-$intresp.ocsp >serv.log 2>&1 &
    srv_pid=$!
    for _ in $(seq 50); do
        grep -q "listening" serv.log 2>/dev/null && break
        sleep 0.1
    done
    for v in "-VERS-ALL:+VERS-TLS1.3" "-VERS-ALL:+VERS-TLS1.2"; do
        for mode in real gnossl; do
            if [ $mode = gnossl ]; then libpath=$build; else libpath=; fi
            rm -f saved.ocsp
            out=$(env ${libpath:+LD_LIBRARY_PATH=$libpath} timeout 10 gnutls-cli -p "$port" \
                --x509cafile=root.pem --verify-hostname=good.example --priority="NORMAL:$v" \
                --save-ocsp-multi=saved.ocsp 127.0.0.1 2>&1 </dev/null)
            {
                # (error texts and log lines are gnossl's own words)
                echo "$out" | grep -E "^- Status:|Handshake was completed|Fatal error" | sed 's/Fatal error:.*/Fatal error/'
                # the responses gnutls_ocsp_status_request_get2 gives, by index
                echo "saved responses: $(grep -c BEGIN saved.ocsp 2>/dev/null) $(cksum <saved.ocsp 2>/dev/null)"
            } | sed "s/^/$intresp $v: /" >"res-$mode"
        done
        cat res-real
        case "$intresp$v" in
        revoked*1.3) want="chain is revoked" ;;
        *) want="certificate is trusted" ;;
        esac
        grep -q "$want" res-real || { echo "FAIL: setup: the real GnuTLS did not say \"$want\""; fail=1; }
        if ! diff -u res-real res-gnossl; then
            echo "FAIL: gnossl verifies differently ($intresp intermediate response, $v)"
            fail=1
        fi
    done
    kill "$srv_pid" 2>/dev/null
    wait "$srv_pid" 2>/dev/null
    srv_pid=
done
exit $fail
