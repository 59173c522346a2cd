#!/bin/bash
# Real consumer: libcurl's GnuTLS backend doing TLS-SRP (CURLOPT_TLSAUTH_*),
# driven by compat-tests/programs/curl-srp.c, against gnutls-serv --http
# with an SRP password file written by srptool:
#  A. libcurl on MODE -> the real gnutls-serv;
#  B. libcurl on the real GnuTLS -> gnutls-serv on MODE;
# each: the page arrives and reports the SRP key exchange and the user,
# a wrong password is refused (CURLE_SSL_CONNECT_ERROR).
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require cc gnutls-serv srptool setsid
if ! echo '#include <curl/curl.h>' | cc -E -x c - >/dev/null 2>&1; then
    gn_log "SKIP: curl/curl.h missing (install libcurl4-gnutls-dev)"
    exit 77
fi
gn_require_build
gn_init consumer-libcurl-srp
export LC_ALL=C

prog=$GN_TMP/curl-srp
cc -O1 -Wall -Wextra -o "$prog" "$GNOSSL_SRC/compat-tests/programs/curl-srp.c" -lcurl \
    >"$GN_TMP/cc.log" 2>&1 || { gn_show "$GN_TMP/cc.log"; gn_fail "cannot compile curl-srp.c"; gn_finish; }
if ! ldd "$prog" | grep -q 'libcurl-gnutls\.so\.4'; then
    gn_log "SKIP: -lcurl is not libcurl's GnuTLS flavour (install libcurl4-gnutls-dev)"
    exit 77
fi

db=$GN_TMP/db
mkdir -p "$db"
: >"$db/tpasswd"
srptool --create-conf "$db/tpasswd.conf" >/dev/null 2>&1 &&
    printf 'dave pw\n' | setsid -w srptool -u dave -p "$db/tpasswd" -v "$db/tpasswd.conf" >/dev/null 2>&1 ||
    { gn_fail "real: srptool could not write the password files"; gn_finish; }

# serv MODE NAME : gnutls-serv --http with the SRP files under MODE; port in PORT_<NAME>
serv() {
    local port
    port=$(gn_free_port) || exit 1
    GN_TIMEOUT=300 gn_prefix "$1"
    "${GN_PFX[@]}" gnutls-serv --http -p "$port" --priority="NORMAL:+SRP" \
        --srppasswd="$db/tpasswd" --srppasswdconf="$db/tpasswd.conf" </dev/null >"$GN_TMP/$2.log" 2>&1 &
    GN_PIDS+=("$!")
    printf -v "PORT_$2" '%s' "$port"
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$2.log"; return 1; }
}

# check CLIENT-MODE PORT LABEL
check() {
    local cm=$1 port=$2 label=$3 out=$GN_TMP/page-$1-$2 text
    gn_run "$cm" "$prog" "https://127.0.0.1:$port/" dave 'dave pw' "$out" >"$out.log" 2>&1
    gn_req "curl exit 0 ($(cat "$out.log"))" [ $? -eq 0 ]
    text=$(sed 's/<[^>]*>/ /g' "$out" 2>/dev/null | tr -s ' \n' ' ')
    gn_req "page says SRP key exchange" grep -q 'Key Exchange: SRP' <<<"$text"
    gn_req "page says user dave" grep -q "Connected as user 'dave'" <<<"$text"
    gn_verdict "$label: TLS-SRP GET, HTTP 200" || gn_show "$out.log"
    gn_run "$cm" "$prog" "https://127.0.0.1:$port/" dave 'not it' "$out.bad" >"$out.bad.log" 2>&1
    gn_req "curl fails" [ $? -ne 0 ]
    gn_req "with CURLE_SSL_CONNECT_ERROR (35)" grep -q '^curl 35 ' "$out.bad.log"
    gn_verdict "$label: wrong password refused" || gn_show "$out.bad.log"
}

serv real real || gn_finish
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    if [ "$mode" != real ]; then
        gn_assert_loaded "$mode" "$prog" || continue
    fi
    check "$mode" "$PORT_real" "A libcurl on $mode -> real gnutls-serv"
    [ "$mode" = real ] && continue
    serv "$mode" "srv_$mode" || continue
    p=PORT_srv_$mode
    GN_HANG_KEY=$mode check real "${!p}" "B real libcurl -> gnutls-serv on $mode"
done

gn_finish
