#!/bin/bash
# gnutls_transport_set_fastopen with a real consumer: Debian's gnutls-cli
# --fastopen (its socket is left unconnected; the library connects with the
# first record, MSG_FASTOPEN where the kernel has it) talks to
# `openssl s_server -rev`, on the real GnuTLS and through gnossl (LD_PRELOAD,
# LD_LIBRARY_PATH): a line goes there and back, TLS 1.3 and TLS 1.2; with
# nothing listening the client fails promptly instead of hanging.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli openssl
gn_require_build
gn_init keys-fastopen-cli
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
LINE='fast open through gnossl 0123456789'
REV=$(gn_reverse "$LINE")
SPORT=$(gn_free_port) || exit 1
SLOG=$GN_TMP/s_server.log
openssl s_server -rev -accept "127.0.0.1:$SPORT" -cert "$pki/server.pem" -key "$pki/server.key" \
    </dev/null >"$SLOG" 2>&1 &
SPID=$!
GN_PIDS+=("$SPID")
gn_wait_port "$SPORT" "$SPID" || { gn_show "$SLOG"; exit 1; }

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v gnutls-cli)" || continue
    for v in "TLS1.3|NORMAL:-VERS-ALL:+VERS-TLS1.3" "TLS1.2|NORMAL:-VERS-ALL:+VERS-TLS1.2"; do
        IFS='|' read -r what prio <<<"$v"
        out=$GN_TMP/cli-$mode-$what.log
        if gn_converse "$out" "$LINE\n" "$REV" gn_run "$mode" gnutls-cli --fastopen --priority="$prio" \
                --x509cafile="$pki/ca.pem" -p "$SPORT" localhost; then
            gn_pass "$mode: gnutls-cli --fastopen connects and talks ($what)"
        else
            gn_fail "$mode: gnutls-cli --fastopen ($what, exit $GN_CONVERSE_RC)"
            gn_show "$out"
        fi
    done
    dead=$(gn_free_port) || exit 1
    out=$GN_TMP/dead-$mode.log
    gn_converse "$out" "$LINE\n" "$REV" gn_run "$mode" gnutls-cli --fastopen \
        --x509cafile="$pki/ca.pem" -p "$dead" localhost
    if [ "$GN_CONVERSE_RC" -ne 0 ] && [ "$GN_CONVERSE_RC" -ne 124 ] && ! grep -q "$REV" "$out"; then
        gn_pass "$mode: gnutls-cli --fastopen to a closed port fails promptly (exit $GN_CONVERSE_RC)"
    else
        gn_fail "$mode: gnutls-cli --fastopen to a closed port (exit $GN_CONVERSE_RC)"
        gn_show "$out"
    fi
done
gn_stop "$SPID"
gn_finish
