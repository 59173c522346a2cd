#!/bin/bash
# Interop with OpenSSL in both directions, on the real GnuTLS and through
# gnossl (LD_PRELOAD, LD_LIBRARY_PATH):
#  - gnutls-cli (substituted) -> `openssl s_server -rev`
#  - `openssl s_client` -> gnutls-serv --echo (substituted)
# for TLS 1.2 and TLS 1.3, with RSA and ECDSA (P-256) certificates, and with a
# pre-shared key (--pskusername/--pskkey, --pskpasswd); a wrong PSK must fail.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli gnutls-serv openssl
gn_require_build
gn_init interop-openssl
export LC_ALL=C

for k in rsa ec; do gn_make_pki "$GN_TMP/pki-$k" "$k" || exit 1; done
PSK=4e6f7420612072656164206b65793a20676e6f73736c2070736b2074657374
BADPSK=4e6f7420612072656164206b65793a20676e6f73736c2070736b2074657375
echo "alice:$PSK" >"$GN_TMP/psk.passwd"
PSKPRIO="NORMAL:+ECDHE-PSK:+DHE-PSK:+PSK"
# Client priorities for PSK.  TLS 1.2 uses plain PSK key exchange: Debian's
# gnutls-cli 3.7.9 on the real GnuTLS segfaults after a TLS 1.2 DHE-PSK or
# ECDHE-PSK handshake (while printing the session), so those are not usable
# as a baseline.
declare -A CLIPSK=([1.2]="NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+PSK"
                   [1.3]="$PSKPRIO:-VERS-ALL:+VERS-TLS1.3")
LINE='interop line 0xC0FFEE'
REV=$(gn_reverse "$LINE")
# What each key type looks like from either end.
declare -A SIG=([rsa]='RSA' [ec]='ECDSA')
declare -A BITS=([rsa]=2048 [ec]=256)

# s_server -rev, fresh per case; sets SPORT SPID SLOG.
s_server_start() {
    SPORT=$(gn_free_port) || exit 1
    SLOG=$GN_TMP/s_server.$RANDOM.log
    openssl s_server -rev -accept "127.0.0.1:$SPORT" "$@" </dev/null >"$SLOG" 2>&1 &
    SPID=$!
    GN_PIDS+=("$SPID")
    gn_wait_port "$SPORT" "$SPID" || { gn_show "$SLOG"; exit 1; }
}
# gnutls-serv --echo under MODE; sets GPORT GPID GLOG.
gnutls_serv_start() {
    local mode=$1
    shift
    GPORT=$(gn_free_port) || exit 1
    GLOG=$GN_TMP/gnutls-serv.$RANDOM.log
    GN_TIMEOUT=300 gn_prefix "$mode"
    "${GN_PFX[@]}" gnutls-serv --echo -p "$GPORT" "$@" </dev/null >"$GLOG" 2>&1 &
    GPID=$!
    GN_PIDS+=("$GPID")
    gn_wait_port "$GPORT" "$GPID" || { gn_show "$GLOG"; return 1; }
}
s_client() { # OUT ARGS...
    local out=$1
    shift
    gn_converse "$out" "$LINE\n" "^$LINE" gn_run real openssl s_client \
        -connect "127.0.0.1:$GPORT" -no_ign_eof "$@"
}

verdict() { # DESCRIPTION CLIENT-LOG OTHER-LOGS...
    local what=$1
    shift
    grep -q '^  (not run: ' "$1" 2>/dev/null && GN_WHY="not run: $(sed -n 's/^  (not run: \(.*\)).*/\1/p' "$1")"
    gn_verdict "$what" || for f in "$@"; do gn_show "$f"; done
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v gnutls-cli)" || continue
    gn_assert_loaded "$mode" "$(command -v gnutls-serv)" || continue

    # --- gnutls-cli (under test) against OpenSSL's server
    unset GN_HANG_KEY
    for k in rsa ec; do
        pki=$GN_TMP/pki-$k
        for v in 1.2 1.3; do
            out=$GN_TMP/cli-$mode-$k-$v
            s_server_start -cert "$pki/server.pem" -key "$pki/server.key"
            gn_converse "$out" "$LINE\n" "$REV" gn_run "$mode" gnutls-cli \
                --x509cafile="$pki/ca.pem" --verify-hostname=localhost \
                --priority="NORMAL:-VERS-ALL:+VERS-TLS$v" -p "$SPORT" 127.0.0.1
            ok=$?
            gn_stop "$SPID"
            gn_req "reply received" [ $ok -eq 0 ]
            gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
            gn_req "status trusted" grep -q "^- Status: The certificate is trusted" "$out"
            gn_req "description (TLS$v-X.509)-...(${SIG[$k]}...)" \
                grep -q "^- Description: (TLS$v-X.509)-.*(${SIG[$k]}[-A-Z0-9]*)" "$out"
            gn_req "s_server saw TLSv$v" grep -q "^Protocol version: TLSv$v" "$SLOG"
            desc=$(sed -n 's/^- Description: //p' "$out")
            gn_req "description '$desc' as real: '$(gn_real_value "desc-$k-$v")'" \
                gn_like_real "$mode" "desc-$k-$v" "$desc"
            verdict "$mode: gnutls-cli -> s_server, $k, TLS $v: $(sed -n 's/^Ciphersuite: //p' "$SLOG")" "$out" "$SLOG"
        done
    done
    for v in 1.2 1.3; do
        out=$GN_TMP/cli-$mode-psk-$v
        s_server_start -nocert -psk "$PSK" -psk_identity alice
        gn_converse "$out" "$LINE\n" "$REV" gn_run "$mode" gnutls-cli \
            --pskusername=alice --pskkey="$PSK" \
            --priority="${CLIPSK[$v]}" -p "$SPORT" 127.0.0.1
        ok=$?
        gn_stop "$SPID"
        gn_req "reply received" [ $ok -eq 0 ]
        gn_req "client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
        gn_req "description (TLS$v-..." grep -q "^- Description: (TLS$v-" "$out"
        gn_req "s_server saw TLSv$v" grep -q "^Protocol version: TLSv$v" "$SLOG"
        desc=$(sed -n 's/^- Description: //p' "$out")
        gn_req "description '$desc' as real: '$(gn_real_value "desc-psk-$v")'" \
            gn_like_real "$mode" "desc-psk-$v" "$desc"
        verdict "$mode: gnutls-cli -> s_server, PSK, TLS $v: $(sed -n 's/^Ciphersuite: //p' "$SLOG")" "$out" "$SLOG"
    done
    out=$GN_TMP/cli-$mode-badpsk
    s_server_start -nocert -psk "$PSK" -psk_identity alice
    gn_converse "$out" "$LINE\n" "$REV" gn_run "$mode" gnutls-cli \
        --pskusername=alice --pskkey="$BADPSK" \
        --priority="${CLIPSK[1.2]}" -p "$SPORT" 127.0.0.1
    ok=$?
    gn_stop "$SPID"
    gn_req "no reply" [ $ok -ne 0 ]
    gn_req "client failed, not hung (exit $GN_CONVERSE_RC)" eval '[ "$GN_CONVERSE_RC" -ne 0 ] && [ "$GN_CONVERSE_RC" -lt 124 ]'
    gn_req "s_server failed to decrypt the Finished" grep -q "decrypt error\|bad record mac\|decryption failed" "$SLOG"
    verdict "$mode: gnutls-cli with a wrong PSK fails the handshake" "$out" "$SLOG"

    # --- OpenSSL's client against gnutls-serv (under test)
    GN_HANG_KEY=serv_$mode
    for k in rsa ec; do
        pki=$GN_TMP/pki-$k
        if ! gnutls_serv_start "$mode" --x509certfile="$pki/server.pem" --x509keyfile="$pki/server.key"; then
            gn_fail "$mode: gnutls-serv with the $k certificate did not start"
            continue
        fi
        for v in 1.2 1.3; do
            out=$GN_TMP/srv-$mode-$k-$v
            s_client "$out" "-tls${v/./_}" -CAfile "$pki/ca.pem" -verify_return_error \
                -verify_hostname localhost
            ok=$?
            gn_req "echo received" [ $ok -eq 0 ]
            gn_req "s_client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
            gn_req "TLSv$v" grep -q "Protocol *: TLSv$v" "$out"
            gn_req "certificate verified by OpenSSL" grep -q "Verify return code: 0 (ok)" "$out"
            gn_req "${BITS[$k]}-bit $k server key" grep -q "Server public key is ${BITS[$k]} bit" "$out"
            verdict "$mode: s_client -> gnutls-serv, $k, TLS $v: $(sed -n 's/^ *Cipher *: //p' "$out" | head -n1)" "$out" "$GLOG"
        done
        gn_stop "$GPID"
    done
    if gnutls_serv_start "$mode" --pskpasswd="$GN_TMP/psk.passwd" --priority="$PSKPRIO"; then
        for v in 1.2 1.3; do
            out=$GN_TMP/srv-$mode-psk-$v
            s_client "$out" "-tls${v/./_}" -psk "$PSK" -psk_identity alice
            ok=$?
            gn_req "echo received" [ $ok -eq 0 ]
            gn_req "s_client exit 0 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 0 ]
            gn_req "TLSv$v" grep -q "Protocol *: TLSv$v" "$out"
            verdict "$mode: s_client -> gnutls-serv, PSK, TLS $v: $(sed -n 's/^ *Cipher *: //p' "$out" | head -n1)" "$out" "$GLOG"
        done
        out=$GN_TMP/srv-$mode-badpsk
        s_client "$out" -tls1_2 -psk "$BADPSK" -psk_identity alice
        ok=$?
        gn_req "no echo" [ $ok -ne 0 ]
        gn_req "s_client failed, not hung (exit $GN_CONVERSE_RC)" eval '[ "$GN_CONVERSE_RC" -ne 0 ] && [ "$GN_CONVERSE_RC" -lt 124 ]'
        gn_req "alert bad_record_mac or decrypt_error" grep -q "alert bad record mac\|alert decrypt error" "$out"
        verdict "$mode: gnutls-serv rejects s_client's wrong PSK" "$out" "$GLOG"
        gn_stop "$GPID"
    else
        gn_fail "$mode: gnutls-serv with PSK did not start"
    fi
done

gn_finish
