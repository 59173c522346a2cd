#!/bin/bash
# Interop with the real GnuTLS, both directions, on Debian's own tools:
#  A. gnutls-cli on MODE  -> gnutls-serv on the real GnuTLS
#  B. gnutls-cli on the real GnuTLS -> gnutls-serv on MODE
# MODE is "real" (the baseline: real on both ends), "preload" or "libpath".
# Each direction: RSA and ECDSA over TLS 1.2 and 1.3, PSK over TLS 1.2 and
# 1.3, session resumption (as the server reports it), TLS 1.2 renegotiation
# (--rehandshake) and a TLS 1.3 key update (^rekey^) with data after it, a
# verified client certificate, and (real clients) the TLS 1.2 DHE group.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli gnutls-serv openssl
gn_require_build
gn_init interop-gnutls
export LC_ALL=C

for k in rsa ec; do gn_make_pki "$GN_TMP/pki-$k" "$k" || exit 1; done
pki=$GN_TMP/pki-rsa
PSK=676e6f73736c2d696e7465726f702d70736b2d6b65792d3332206279746573
echo "bob:$PSK" >"$GN_TMP/psk.passwd"
declare -A CLIPSK=([1.2]="NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+PSK"
                   [1.3]="NORMAL:-VERS-ALL:+VERS-TLS1.3:+ECDHE-PSK:+DHE-PSK:+PSK")
declare -A SIG=([rsa]='RSA' [ec]='ECDSA')

# serv MODE NAME ARGS... : gnutls-serv --echo under MODE; port in PORT_<NAME>,
# log in $GN_TMP/NAME.log, PID in PID_<NAME>.
serv() {
    local mode=$1 name=$2 port
    shift 2
    port=$(gn_free_port) || exit 1
    GN_TIMEOUT=300 gn_prefix "$mode"
    "${GN_PFX[@]}" gnutls-serv --echo -p "$port" "$@" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    printf -v "PID_$name" '%s' "$!"
    printf -v "PORT_$name" '%s' "$port"
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
}
# cli MODE PORT OUT INPUT EXPECT ARGS... : gnutls-cli under MODE.
cli() {
    local mode=$1 port=$2 out=$3 in=$4 exp=$5
    shift 5
    gn_converse "$out" "$in" "$exp" gn_run "$mode" gnutls-cli -p "$port" "$@" 127.0.0.1
}
count() { grep -c -- "$1" "$2" 2>/dev/null; }

verdict() { # DESCRIPTION CLIENT-LOG OTHER-LOGS...
    local what=$1
    shift
    grep -q '^  (not run: ' "$1" 2>/dev/null && GN_WHY="not run: $(sed -n 's/^  (not run: \(.*\)).*/\1/p' "$1")"
    gn_verdict "$what" || for f in "$@"; do gn_show "$f"; done
}
# req_desc OUT KEY : the client's session description equals the real run's
# (the real run of A records it; B must then match real <-> real too).
req_desc() {
    local d
    d=$(sed -n 's/^- Description: //p' "$1")
    gn_req "description '$d' as real: '$(gn_real_value "$2")'" gn_like_real "$DESC_MODE" "$2" "$d"
}

# scenarios CLIENT-MODE TAG LABEL : every scenario against the servers
# started as TAG (cert_rsa, cert_ec, psk, auth); LABEL prefixes the results.
scenarios() {
    local cm=$1 tag=$2 label=$3 k v out p slog before
    for k in rsa ec; do
        for v in 1.2 1.3; do
            out=$GN_TMP/$tag-$k-$v
            p=PORT_${tag}_cert_$k
            slog=$GN_TMP/${tag}_cert_$k.log
            cli "$cm" "${!p}" "$out" 'hello gnutls\n' '^hello gnutls' \
                --x509cafile="$GN_TMP/pki-$k/ca.pem" --verify-hostname=localhost \
                --priority="NORMAL:-VERS-ALL:+VERS-TLS$v"
            gn_req "echo received" [ $? -eq 0 ]
            gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
            gn_req "status trusted" grep -q "^- Status: The certificate is trusted" "$out"
            gn_req "description (TLS$v-X.509)-...(${SIG[$k]}...)" \
                grep -q "^- Description: (TLS$v-X.509)-.*(${SIG[$k]}[-A-Z0-9]*)" "$out"
            req_desc "$out" "desc-$k-$v"
            verdict "$label: $k, TLS $v: $(sed -n 's/^- Description: //p' "$out")" "$out" "$slog"
        done
    done

    slog=$GN_TMP/${tag}_cert_rsa.log
    p=PORT_${tag}_cert_rsa
    for v in 1.2 1.3; do
        out=$GN_TMP/$tag-resume-$v
        before=$(count '^\*\*\* This is a resumed session' "$slog")
        cli "$cm" "${!p}" "$out" 'resumed\n' '^resumed' --resume \
            --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
            --priority="NORMAL:-VERS-ALL:+VERS-TLS$v"
        gn_req "echo received" [ $? -eq 0 ]
        gn_req "client says resumed" grep -q '^\*\*\* This is a resumed session' "$out"
        gn_req "server says resumed" [ "$(count '^\*\*\* This is a resumed session' "$slog")" -eq $((before + 1)) ]
        verdict "$label: TLS $v session resumed (both ends say so)" "$out" "$slog"
    done

    out=$GN_TMP/$tag-rehandshake
    before=$(count '^\*\*\* Received hello message' "$slog")
    cli "$cm" "${!p}" "$out" 'after renegotiation\n' '^after renegotiation' --rehandshake \
        --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
        --priority="NORMAL:-VERS-ALL:+VERS-TLS1.2"
    gn_req "echo after renegotiation" [ $? -eq 0 ]
    gn_req "client: ReHandshake was completed" grep -q '^- ReHandshake was completed' "$out"
    gn_req "server saw a new hello" [ "$(count '^\*\*\* Received hello message' "$slog")" -gt "$before" ]
    verdict "$label: TLS 1.2 renegotiation, then data" "$out" "$slog"

    out=$GN_TMP/$tag-rekey
    cli "$cm" "${!p}" "$out" 'before rekey\n^rekey^\nafter rekey\n' '^after rekey' --inline-commands \
        --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
        --priority="NORMAL:-VERS-ALL:+VERS-TLS1.3"
    gn_req "echo after the key update" [ $? -eq 0 ]
    gn_req "client: Rekey was completed" grep -q '^- Rekey was completed' "$out"
    gn_req "echo before the key update" grep -q '^before rekey' "$out"
    verdict "$label: TLS 1.3 key update (^rekey^), data before and after" "$out" "$slog"

    for v in 1.2 1.3; do
        out=$GN_TMP/$tag-psk-$v
        p=PORT_${tag}_psk
        cli "$cm" "${!p}" "$out" 'psk data\n' '^psk data' \
            --pskusername=bob --pskkey="$PSK" --priority="${CLIPSK[$v]}"
        gn_req "echo received" [ $? -eq 0 ]
        gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
        gn_req "description (TLS$v-..." grep -q "^- Description: (TLS$v-" "$out"
        req_desc "$out" "desc-psk-$v"
        verdict "$label: PSK, TLS $v: $(sed -n 's/^- Description: //p' "$out")" "$out" "$GN_TMP/${tag}_psk.log"
    done

    # TLS 1.2 DHE: the group the server picks (RFC 7919 from the client's
    # groups, or from its own parameters).  Real clients only: a TLS 1.2-only
    # OpenSSL-based client cannot offer RFC 7919 groups.
    if [ "$cm" = real ]; then
        p=PORT_${tag}_cert_rsa
        for g in "" ":-GROUP-ALL:+GROUP-FFDHE4096:+GROUP-SECP256R1" ":-GROUP-DH-ALL"; do
            out=$GN_TMP/$tag-dhe${g//[^A-Za-z0-9]/_}
            cli "$cm" "${!p}" "$out" 'dhe data\n' '^dhe data' --x509cafile="$pki/ca.pem" \
                --verify-hostname=localhost --priority="NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-RSA$g"
            gn_req "echo received" [ $? -eq 0 ]
            gn_req "description (TLS1.2-X.509)-(DHE-..." grep -q "^- Description: (TLS1.2-X.509)-(DHE-" "$out"
            req_desc "$out" "desc-dhe$g"
            verdict "$label: TLS 1.2 DHE$g: $(sed -n 's/^- Description: //p' "$out")" "$out" "$slog"
        done
    fi

    out=$GN_TMP/$tag-clientcert
    p=PORT_${tag}_auth
    cli "$cm" "${!p}" "$out" 'authenticated\n' '^authenticated' \
        --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
        --x509certfile="$pki/client.pem" --x509keyfile="$pki/client.key"
    gn_req "echo received" [ $? -eq 0 ]
    gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
    gn_req "server shows the client certificate" grep -q "Subject: CN=gnossl test client" "$GN_TMP/${tag}_auth.log"
    verdict "$label: client certificate required and verified by the server" "$out" "$GN_TMP/${tag}_auth.log"
}

# start_servers MODE TAG : the four servers of one run.
start_servers() {
    local mode=$1 tag=$2 k
    for k in rsa ec; do
        serv "$mode" "${tag}_cert_$k" --x509certfile="$GN_TMP/pki-$k/server.pem" \
            --x509keyfile="$GN_TMP/pki-$k/server.key" || return 1
    done
    serv "$mode" "${tag}_psk" --pskpasswd="$GN_TMP/psk.passwd" \
        --priority="NORMAL:+ECDHE-PSK:+DHE-PSK:+PSK" || return 1
    serv "$mode" "${tag}_auth" --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key" \
        --x509cafile="$pki/ca.pem" --require-client-cert --verify-client-cert || return 1
}
stop_servers() {
    local tag=$1 n p
    for n in cert_rsa cert_ec psk auth; do
        p=PID_${tag}_$n
        [ -n "${!p:-}" ] && gn_stop "${!p}"
    done
}

real_started=
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v gnutls-cli)" || continue
    gn_assert_loaded "$mode" "$(command -v gnutls-serv)" || continue
    # A: client under test against real servers (started once).
    if [ -z "$real_started" ]; then
        start_servers real A || { gn_fail "real gnutls-serv did not start"; gn_finish; }
        real_started=1
    fi
    unset GN_HANG_KEY
    DESC_MODE=$mode
    scenarios "$mode" A "$mode: gnutls-cli ($mode) -> gnutls-serv (real)"
    # B: real client against servers under test (for "real", A was it).
    [ "$mode" = real ] && continue
    if start_servers "$mode" "B_$mode"; then
        GN_HANG_KEY=serv_$mode scenarios real "B_$mode" "$mode: gnutls-cli (real) -> gnutls-serv ($mode)"
    else
        gn_fail "$mode: gnutls-serv did not start"
    fi
    stop_servers "B_$mode"
done

gn_finish
