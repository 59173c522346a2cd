#!/bin/bash
# Real consumer: Debian's gnutls-cli-debug probes a server with ~50 differently
# configured handshakes (versions, fallbacks, record sizes, extensions,
# ciphers, MACs, curves, resumption, renegotiation) and prints a yes/no per
# probe.  Against the same `openssl s_server`, gnossl must give exactly the
# answers the real GnuTLS gives: a wide differential test of the handshake
# and priority machinery.  RSA and ECDSA servers.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli-debug openssl
gn_require_build
gn_init consumer-gnutls-cli-debug
export LC_ALL=C

for k in rsa ec; do
    gn_make_pki "$GN_TMP/pki-$k" "$k" || exit 1
    port=$(gn_free_port) || exit 1
    gn_start "s_server-$k" openssl s_server -www -accept "127.0.0.1:$port" \
        -cert "$GN_TMP/pki-$k/server.pem" -key "$GN_TMP/pki-$k/server.key"
    gn_wait_port "$port" "$GN_LAST_PID" || exit 1
    printf -v "PORT_$k" '%s' "$port"
done

# probe MODE KEY : the probe report (stdout), in $GN_TMP/debug-KEY.MODE.
# The library's log lines go to stderr, kept apart in debug-KEY.MODE.log:
# their texts are the library's own wording (GnuTLS's audit messages, e.g.
# about FFDHE fallback, interleave with the answers), not probe results.
probe() {
    local p=PORT_$2
    GN_TIMEOUT=60 gn_run "$1" gnutls-cli-debug -p "${!p}" 127.0.0.1 >"$GN_TMP/debug-$2.$1" 2>"$GN_TMP/debug-$2.$1.log"
}

for k in rsa ec; do probe real "$k"; done
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v gnutls-cli-debug)" || continue
    for k in rsa ec; do
        out=$GN_TMP/debug-$k.$mode
        [ "$mode" = real ] || probe "$mode" "$k"
        n=$(grep -c '\.\.\. ' "$out")
        if [ "$mode" = real ]; then
            # The baseline must be a complete report with the basics right.
            if [ "$n" -ge 40 ] && grep -q "for TLS 1.3 (RFC8446) support... yes" "$out" &&
               grep -q "for TLS 1.2 (RFC5246) support... yes" "$out" &&
               grep -q "whether the server supports session resumption... yes" "$out"; then
                gn_pass "real: gnutls-cli-debug completes $n probes against the $k server"
            else
                gn_fail "real: gnutls-cli-debug baseline against the $k server ($n probes)"
                gn_show "$out"
                gn_show "$out.log"
            fi
        elif cmp -s "$GN_TMP/debug-$k.real" "$out"; then
            gn_pass "$mode: gnutls-cli-debug against the $k server: all $n answers as on the real GnuTLS"
        else
            # Name the probes whose answers differ (a probe missing on one
            # side counts too), so that a known gap cannot hide another.
            probes=$(diff <(grep '\.\.\. ' "$GN_TMP/debug-$k.real") <(grep '\.\.\. ' "$out") |
                     sed -n 's/^[<>] *\(.*\)\.\.\. .*/\1/p' | sort -u | head -n 10 | paste -sd ';' | sed 's/;/; /g')
            gn_fail "$mode: gnutls-cli-debug against the $k server differs from the real GnuTLS ($n of $(grep -c '\.\.\. ' "$GN_TMP/debug-$k.real") probes answered) in: ${probes:-lines other than probe answers}"
            gn_log "  differing lines (> $mode, then < real):"
            diff "$GN_TMP/debug-$k.real" "$out" | grep -v 'getservbyport\|^. Checking ' >"$GN_TMP/d"
            { grep '^>' "$GN_TMP/d" | head -n 25; grep '^<' "$GN_TMP/d" | head -n 15; } | sed 's/^/  | /' >&2
        fi
    done
done

gn_finish
