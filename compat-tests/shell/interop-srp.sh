#!/bin/bash
# TLS-SRP (RFC 5054) interop with the real GnuTLS on Debian's own tools:
#  0. srptool on MODE writes a tpasswd entry; srptool --verify on the real
#     GnuTLS accepts it, and the real gnutls-serv authenticates with it;
#  A. gnutls-cli on MODE -> gnutls-serv on the real GnuTLS (SRP, SRP-RSA);
#  B. gnutls-cli on the real GnuTLS -> gnutls-serv on MODE (SRP, SRP-RSA);
#  C. an OpenSSL SRP client -> gnutls-serv on the real GnuTLS and on MODE
#     (a small program: openssl s_client's SRP crashes, see below).
# Each with a wrong password and an unknown user that must be refused.
# MODE is "real" (the baseline: real on both ends), "preload" or "libpath".
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli gnutls-serv srptool openssl setsid cc
gn_require_build
gn_init interop-srp
export LC_ALL=C

gn_make_pki "$GN_TMP/pki" rsa || exit 1
pki=$GN_TMP/pki
SRV_PRIO="NORMAL:+SRP:+SRP-RSA"
declare -A CPRIO=([srp]="NORMAL:-KX-ALL:+SRP" [srp-rsa]="NORMAL:-KX-ALL:+SRP-RSA")

# srp_add MODE DIR USER PASSWORD : srptool (under MODE) adds USER to DIR/tpasswd.
# srptool reads the password with getpass(): without a terminal (setsid) it
# reads stdin.
srp_add() {
    [ -f "$2/tpasswd" ] || : >"$2/tpasswd"
    printf '%s\n' "$4" | gn_run "$1" setsid -w srptool -u "$3" -p "$2/tpasswd" -v "$2/tpasswd.conf" >/dev/null 2>&1
}

# The password files every server uses: written by the real srptool.
db=$GN_TMP/db
mkdir -p "$db"
srptool --create-conf "$db/tpasswd.conf" >/dev/null 2>&1 || { gn_fail "real: srptool --create-conf"; gn_finish; }
srp_add real "$db" alice 'alice pw' && srp_add real "$db" bob 'bob pw' ||
    { gn_fail "real: srptool could not write $db/tpasswd"; gn_finish; }

# serv MODE NAME ARGS... : gnutls-serv --echo under MODE; port in PORT_<NAME>.
serv() {
    local mode=$1 name=$2 port
    shift 2
    port=$(gn_free_port) || exit 1
    GN_TIMEOUT=300 gn_prefix "$mode"
    "${GN_PFX[@]}" gnutls-serv --echo -p "$port" --priority="$SRV_PRIO" "$@" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    printf -v "PORT_$name" '%s' "$port"
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
}
# cli MODE PORT OUT KIND USER PASSWORD : gnutls-cli under MODE, echo of one line.
cli() {
    local mode=$1 port=$2 out=$3 kind=$4 user=$5 pass=$6
    local extra=()
    [ "$kind" = srp-rsa ] && extra=(--x509cafile="$pki/ca.pem" --verify-hostname=localhost)
    gn_converse "$out" 'hello srp\n' '^hello srp' gn_run "$mode" gnutls-cli -p "$port" \
        --srpusername="$user" --srppasswd="$pass" --priority="${CPRIO[$kind]}" "${extra[@]}" 127.0.0.1
}
desc() { sed -n 's/^- Description: //p' "$1"; }

# good CLIENT-MODE SERVER-MODE PORT KIND LABEL [SERVER-LOG]
good() {
    local cm=$1 sm=$2 port=$3 kind=$4 label=$5 slog=${6:-} out d want
    out=$GN_TMP/good-$cm-$sm-$kind
    cli "$cm" "$port" "$out" "$kind" alice 'alice pw'
    gn_req "echo received" [ $? -eq 0 ]
    gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
    d=$(desc "$out")
    want="(TLS1.2-X.509)-(${kind^^})-"
    gn_req "description '$d' starts with '$want'" [ "${d#"$want"}" != "$d" ]
    local km=real
    [ "$cm" = real ] && [ "$sm" = real ] || km=gnossl
    [ -n "$slog" ] && gn_req "server log: Connected as 'alice'" grep -q "Connected as 'alice'" "$slog"
    gn_req "description as the real run's '$(gn_real_value "desc-$kind")'" gn_like_real "$km" "desc-$kind" "$d"
    gn_verdict "$label: $kind login, echo: $d" || { gn_show "$out"; [ -n "$slog" ] && gn_show "$slog"; }
}
# bad CLIENT-MODE PORT USER PASSWORD LABEL
bad() {
    local cm=$1 port=$2 user=$3 pass=$4 label=$5 out
    out=$GN_TMP/bad-$cm-$user-$RANDOM
    cli "$cm" "$port" "$out" srp "$user" "$pass"
    gn_req "no echo" [ $? -ne 0 ]
    gn_req "client failed (exit $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -ne 0 ] && [ "$GN_CONVERSE_RC" -lt 124 ]
    gn_req "handshake error reported" grep -q 'Handshake failed\|alert\|Error in handshake\|Fatal error' "$out"
    gn_verdict "$label: refused" || gn_show "$out"
}

# resume CLIENT-MODE PORT LABEL : gnutls-cli --resume; the second
# connection must resume the SRP session and carry the echo.
resume() {
    local cm=$1 port=$2 label=$3 out
    out=$GN_TMP/resume-$cm-$port
    gn_converse "$out" 'hello srp\n' '^hello srp' gn_run "$cm" gnutls-cli --resume -p "$port" \
        --srpusername=alice --srppasswd='alice pw' --priority="${CPRIO[srp]}" 127.0.0.1
    gn_req "echo received" [ $? -eq 0 ]
    gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
    gn_req "session resumed" grep -q 'This is a resumed session' "$out"
    gn_verdict "$label: SRP session resumed, echo" || gn_show "$out"
}

# Section 0: srptool under MODE, checked by the real GnuTLS.
check_srptool() {
    local mode=$1 d=$GN_TMP/srptool-$mode
    mkdir -p "$d"
    gn_run "$mode" srptool --create-conf "$d/created.conf" >/dev/null 2>&1
    gn_req "srptool --create-conf exit 0" [ $? -eq 0 ]
    gn_req "its tpasswd.conf identical to the real one" cmp -s "$d/created.conf" "$db/tpasswd.conf"
    gn_verdict "$mode: srptool --create-conf writes the real GnuTLS's tpasswd.conf"
    cp "$db/tpasswd.conf" "$d/"
    srp_add "$mode" "$d" carol 'carol pw'
    gn_req "srptool exit 0" [ $? -eq 0 ]
    gn_req "tpasswd has carol:v:salt:3" grep -Eq '^carol:[0-9A-Za-z./]+:[0-9A-Za-z./]+:3$' "$d/tpasswd"
    printf 'carol pw\n' | setsid -w srptool --verify -u carol -p "$d/tpasswd" -v "$d/tpasswd.conf" >"$d/verify.log" 2>&1
    gn_req "the real srptool --verify accepts the password" grep -q 'Password verified' "$d/verify.log"
    printf 'not it\n' | setsid -w srptool --verify -u carol -p "$d/tpasswd" -v "$d/tpasswd.conf" >"$d/verify-bad.log" 2>&1
    gn_req "and refuses another" grep -q 'Password does NOT match' "$d/verify-bad.log"
    gn_verdict "$mode: srptool writes a tpasswd entry the real srptool verifies" || gn_show "$d/verify.log"
    # the real gnutls-serv logs carol in with it
    serv real "srptool_$mode" --srppasswd="$d/tpasswd" --srppasswdconf="$d/tpasswd.conf" || return
    local p=PORT_srptool_$mode out=$GN_TMP/srptool-cli-$mode
    gn_converse "$out" 'hello srp\n' '^hello srp' gn_run real gnutls-cli -p "${!p}" \
        --srpusername=carol --srppasswd='carol pw' --priority="${CPRIO[srp]}" 127.0.0.1
    gn_req "echo received" [ $? -eq 0 ]
    gn_verdict "$mode: the real gnutls-serv authenticates carol from the tpasswd srptool wrote on $mode" || gn_show "$out"
}

# Section C: an OpenSSL SRP client (compat-tests/programs/ossl-srp-client.c).
# `openssl s_client -srpuser` cannot be used: OpenSSL 3.0's apps crash in
# their SRP password prompt (a segfault in UI_set_result once the server's
# parameters arrive, against the real gnutls-serv as well).
OSSL_CLIENT=$GN_TMP/ossl-srp-client
cc -O1 -Wall -Wextra -o "$OSSL_CLIENT" "$GNOSSL_SRC/compat-tests/programs/ossl-srp-client.c" -lssl -lcrypto \
    >"$GN_TMP/cc.log" 2>&1 || { gn_show "$GN_TMP/cc.log"; gn_fail "cannot compile ossl-srp-client.c"; }
ossl_client() { # LABEL PORT
    local out=$GN_TMP/ossl-$RANDOM
    GN_TIMEOUT=10 gn_run real "$OSSL_CLIENT" "$2" alice 'alice pw' >"$out" 2>&1
    gn_req "client exit 0" [ $? -eq 0 ]
    gn_req "SRP suite" grep -q '^cipher: SRP-' "$out"
    gn_req "echo received" grep -q '^received: hello srp' "$out"
    gn_verdict "$1: SRP login, echo" || gn_show "$out"
    GN_TIMEOUT=10 gn_run real "$OSSL_CLIENT" "$2" alice 'wrong pw' >"$out.bad" 2>&1
    gn_req "client fails" [ $? -ne 0 ]
    gn_req "in the handshake" grep -q '^handshake failed' "$out.bad"
    gn_verdict "$1, wrong password: refused" || gn_show "$out.bad"
}

serv real real_srp --srppasswd="$db/tpasswd" --srppasswdconf="$db/tpasswd.conf" \
    --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key" || gn_finish
ossl_client "C OpenSSL client -> real server" "$PORT_real_srp"

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    if [ "$mode" != real ]; then
        gn_assert_loaded "$mode" "$(command -v gnutls-cli)" || continue
    fi
    check_srptool "$mode"

    # A: client on MODE, real server
    for kind in srp srp-rsa; do
        good "$mode" real "$PORT_real_srp" "$kind" "A $mode client -> real server" "$GN_TMP/real_srp.log"
    done
    resume "$mode" "$PORT_real_srp" "A $mode client -> real server"
    bad "$mode" "$PORT_real_srp" alice 'wrong pw' "A $mode client -> real server, wrong password"
    bad "$mode" "$PORT_real_srp" mallory 'alice pw' "A $mode client -> real server, unknown user"

    # B: real client, server on MODE
    [ "$mode" = real ] && continue
    serv "$mode" "srv_$mode" --srppasswd="$db/tpasswd" --srppasswdconf="$db/tpasswd.conf" \
        --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key" || continue
    p=PORT_srv_$mode
    for kind in srp srp-rsa; do
        GN_HANG_KEY=$mode good real "$mode" "${!p}" "$kind" "B real client -> $mode server" "$GN_TMP/srv_$mode.log"
    done
    GN_HANG_KEY=$mode resume real "${!p}" "B real client -> $mode server"
    GN_HANG_KEY=$mode bad real "${!p}" alice 'wrong pw' "B real client -> $mode server, wrong password"
    GN_HANG_KEY=$mode bad real "${!p}" mallory 'alice pw' "B real client -> $mode server, unknown user"

    # C: OpenSSL client, server on MODE
    GN_HANG_KEY=$mode ossl_client "C OpenSSL client -> $mode server" "${!p}"
done

gn_finish
