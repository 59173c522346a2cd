#!/bin/bash
# Tier-2 consumer: Debian's ffmpeg (libavformat.so.59 does https with
# libgnutls.so.30) decodes a WAV file straight from https URLs served by
# `openssl s_server -WWW`, verifying the server (-tls_verify 1 -ca_file), on
# the real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - the MD5 of the decoded audio is that of the local file's;
#  - a leaf sent with its intermediate CA is accepted;
#  - a certificate from an unknown CA and one for another host are refused
#    (nothing decoded), with the reason ffmpeg gives on GnuTLS.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/https.sh"
gn_require ffmpeg openssl
gn_require_build
gn_init consumer2-ffmpeg
export LC_ALL=C HOME=$GN_TMP

pki=$GN_TMP/pki
gn_make_pki "$pki" ec || exit 1
www=$GN_TMP/www
mkdir -p "$www"
# 3 s of a 440 Hz tone, 16-bit mono: ~260 KB, many TLS records.
ffmpeg -nostdin -v error -f lavfi -i "sine=frequency=440:duration=3" -ac 1 "$www/tone.wav" ||
    { gn_log "FATAL: ffmpeg cannot make the test file"; exit 1; }
want=$(ffmpeg -nostdin -v error -i "$www/tone.wav" -f md5 -)
gn2_www_set "$pki" "$www" || exit 1

# decode MODE PORT OUT: MD5 of the audio ffmpeg (MODE) decodes from the URL
decode() {
    gn_run "$1" ffmpeg -nostdin -v error -tls_verify 1 -ca_file "$pki/ca.pem" \
        -i "https://127.0.0.1:$2/tone.wav" -f md5 - >"$3" 2>"$3.err"
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/ffmpeg || continue
    out=$GN_TMP/md5-$mode
    for case in "good|the server" "chained|a leaf sent with its intermediate CA"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        decode "$mode" "${!port}" "$out"
        rc=$?
        if [ $rc -eq 0 ] && [ "$(cat "$out")" = "$want" ]; then
            gn_pass "$mode: ffmpeg decodes the WAV file over https from $what ($want)"
        else
            gn_fail "$mode: ffmpeg over https from $what (exit $rc, '$(cat "$out")')"
            gn_show "$out.err"
        fi
    done
    for case in "rogue|a certificate from an unknown CA" "wrong|a certificate for another host"; do
        IFS='|' read -r name what <<<"$case"
        port=PORT_$name
        decode "$mode" "${!port}" "$out"
        rc=$?
        why=$(grep -m1 '\[tls @' "$out.err" | sed 's/^\[tls @ [^]]*\] //')
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ $rc -ne 125 ] && ! grep -q MD5 "$out" &&
           [ -n "$why" ] && gn_like_real "$mode" "why-$name" "$why"; then
            gn_pass "$mode: ffmpeg refuses $what ($why)"
        else
            gn_fail "$mode: ffmpeg with $what: exit $rc, '$why' (on GnuTLS '$(gn_real_value "why-$name")')"
            gn_show "$out.err"
        fi
    done
done

gn_finish
