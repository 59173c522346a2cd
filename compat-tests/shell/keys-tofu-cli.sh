#!/bin/bash
# Trust on first use with a real consumer: Debian's gnutls-cli --tofu /
# --strict-tofu against `openssl s_server -rev`, on the real GnuTLS and
# through gnossl (LD_PRELOAD, LD_LIBRARY_PATH), each with its own $HOME.
#  - first contact: the client asks, is told "y", connects, and stores the
#    server's key in ~/.gnutls/known_hosts as GnuTLS's |g0| line (the key is
#    the certificate's SubjectPublicKeyInfo, as openssl computes it);
#  - second contact with --strict-tofu: no question, the known key is found,
#    and a line goes to the server and back;
#  - the same host:port with another key: refused under --strict-tofu, with
#    gnutls-cli's "associated with a different key" warning;
#  - the file is shared with the real library: what gnossl wrote satisfies
#    the real gnutls-cli --strict-tofu, and what the real library wrote
#    satisfies gnutls-cli on gnossl.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require gnutls-cli openssl base64
gn_require_build
gn_init keys-tofu-cli
export LC_ALL=C

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
LINE='tofu through gnossl 0123456789'
REV=$(gn_reverse "$LINE")
spki=$(openssl x509 -in "$pki/server.pem" -pubkey -noout | openssl pkey -pubin -outform DER | base64 -w0)
SPORT=$(gn_free_port) || exit 1

# srv_start CERT KEY: s_server -rev on SPORT (the same port every time: TOFU
# entries are per host and port).
srv_start() {
    SLOG=$GN_TMP/s_server.$RANDOM.log
    openssl s_server -rev -accept "127.0.0.1:$SPORT" -cert "$1" -key "$2" </dev/null >"$SLOG" 2>&1 &
    SPID=$!
    GN_PIDS+=("$SPID")
    gn_wait_port "$SPORT" "$SPID" || { gn_show "$SLOG"; exit 1; }
}

# tofu MODE HOME OUT INPUT ARGS...: gnutls-cli with HOME, one line in;
# waits for the reversed line (or for $EXPECT).
tofu() {
    local mode=$1 home=$2 out=$3 input=$4
    shift 4
    gn_prefix "$mode"
    gn_converse "$out" "$input" "${EXPECT:-$REV}" env HOME="$home" "${GN_PFX[@]}" \
        gnutls-cli --x509cafile="$pki/ca.pem" -p "$SPORT" "$@" localhost
}

srv_start "$pki/server.pem" "$pki/server.key"
for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v gnutls-cli)" || continue
    home=$GN_TMP/home-$mode
    mkdir -p "$home"
    kh=$home/.gnutls/known_hosts

    out=$GN_TMP/first-$mode.log
    # Only the answer: gnutls-cli reads it with stdio, which would swallow
    # a data line sent along with it.
    EXPECT='Simple Client Mode' tofu "$mode" "$home" "$out" "y\n" --tofu
    ok=$?
    GN_WHY=
    gn_req "asked about the unknown host" grep -q 'has never been contacted before' "$out"
    gn_req "handshake completed" [ $ok -eq 0 ]
    gn_req "known_hosts holds |g0|localhost|$SPORT|0|<server SPKI>" \
        grep -qxF "|g0|localhost|$SPORT|0|$spki" "$kh"
    gn_req "one line" [ "$(wc -l <"$kh" 2>/dev/null)" = 1 ]
    gn_req "~/.gnutls is private (0700)" [ "$(stat -c %a "$home/.gnutls" 2>/dev/null)" = 700 ]
    gn_verdict "$mode: gnutls-cli --tofu asks on first contact, connects, and stores the server's key" ||
        { gn_show "$out"; gn_show "$kh"; }

    out=$GN_TMP/second-$mode.log
    tofu "$mode" "$home" "$out" "$LINE\n" --strict-tofu
    ok=$?
    GN_WHY=
    gn_req "reply received" [ $ok -eq 0 ]
    gn_req "no question asked" eval "! grep -q 'never been contacted' '$out'"
    gn_verdict "$mode: gnutls-cli --strict-tofu finds the stored key on the second contact and talks" || gn_show "$out"

    if [ "$mode" != real ]; then
        # gnossl's file, read by the real library ...
        out=$GN_TMP/cross1-$mode.log
        tofu real "$home" "$out" "$LINE\n" --strict-tofu
        ok=$?
        if [ $ok -eq 0 ]; then
            gn_pass "$mode: the known_hosts gnossl wrote satisfies the real gnutls-cli --strict-tofu"
        else
            gn_fail "$mode: the real gnutls-cli does not accept the known_hosts gnossl wrote"
            gn_show "$out"
        fi
        # ... and the real library's file, read by gnossl.
        if [ -f "$GN_TMP/home-real/.gnutls/known_hosts" ]; then
            h2=$GN_TMP/home-$mode-from-real
            mkdir -p "$h2/.gnutls"
            cp "$GN_TMP/home-real/.gnutls/known_hosts" "$h2/.gnutls/"
            out=$GN_TMP/cross2-$mode.log
            tofu "$mode" "$h2" "$out" "$LINE\n" --strict-tofu
            if [ $? -eq 0 ]; then
                gn_pass "$mode: gnutls-cli on gnossl accepts the known_hosts the real library wrote"
            else
                gn_fail "$mode: gnutls-cli on gnossl rejects the known_hosts the real library wrote"
                gn_show "$out"
            fi
        fi
    fi
done
gn_stop "$SPID"

# Another key on the same host and port.
srv_start "$pki/rogue.pem" "$pki/rogue.key"
for mode in $GN_MODES; do
    home=$GN_TMP/home-$mode
    [ -f "$home/.gnutls/known_hosts" ] || continue
    out=$GN_TMP/changed-$mode.log
    tofu "$mode" "$home" "$out" "$LINE\n" --strict-tofu
    ok=$?
    GN_WHY=
    gn_req "no reply" [ $ok -ne 0 ]
    gn_req "client exit 1 (was $GN_CONVERSE_RC)" [ "$GN_CONVERSE_RC" -eq 1 ]
    gn_req "warning about a different key" grep -q 'is known and it is associated with a different key' "$out"
    gn_verdict "$mode: gnutls-cli --strict-tofu refuses the host when its key changed" || gn_show "$out"
done
gn_stop "$SPID"

gn_finish
