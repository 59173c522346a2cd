#!/bin/bash
# Tier-2 consumer: Debian's lftp (linked to libgnutls.so.30) over explicit
# FTPS (AUTH TLS, protected data channel) against a local pyftpdlib server,
# on the real GnuTLS and through gnossl (LD_PRELOAD, LD_LIBRARY_PATH).
#  - downloads a 3 MB file (sha256 compared) and a directory listing;
#  (No upload check: pyftpdlib's TLS data channel truncates large uploads
#  from lftp on the real GnuTLS too, at random sizes: a peer bug.)
#  - a server certificate from an unknown CA is refused, nothing downloaded;
#  - a server certificate for another host name is refused.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
. "$GNOSSL_SRC/compat-tests/lib2/ftp.sh"
gn_require lftp openssl sha256sum
gn_require_build
gn2_have_pyftpdlib || { gn_log "SKIP: python3-pyftpdlib (and python3-openssl) not installed"; exit 77; }
gn_init consumer2-lftp
export LC_ALL=C HOME=$GN_TMP   # no ~/.lftprc, no ~/.local/share/lftp state

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1
root=$GN_TMP/ftproot
mkdir -p "$root"
head -c $((3 * 1024 * 1024)) /dev/urandom >"$root/down.bin"

gn2_start_ftps good "$pki/server.pem" "$pki/server.key" "$root" || exit 1
gn2_start_ftps rogue "$pki/rogue.pem" "$pki/rogue.key" "$root" || exit 1
gn2_start_ftps wrong "$pki/wrongname.pem" "$pki/wrongname.key" "$root" || exit 1

# ftp MODE PORT COMMANDS : lftp session with TLS forced on control and data.
ftp() {
    gn_run "$1" lftp -c "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 10;
        set ftp:ssl-force yes; set ftp:ssl-protect-data yes; set ftp:passive-mode yes;
        set ssl:ca-file $pki/ca.pem; set ssl:verify-certificate yes; set ssl:check-hostname yes;
        open -u u,pw ftp://127.0.0.1:$2; $3" >"$GN_TMP/lftp.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" /usr/bin/lftp || continue

    out=$GN_TMP/down-$mode.bin
    if ftp "$mode" "$PORT_good" "cls -l; get down.bin -o $out" &&
       [ "$(sha256sum <"$out")" = "$(sha256sum <"$root/down.bin")" ] &&
       grep -q 'down.bin' "$GN_TMP/lftp.log"; then
        gn_pass "$mode: lftp lists and downloads over FTPS ($(stat -c %s "$out") bytes, sha256 matches)"
    else
        gn_fail "$mode: lftp FTPS download (exit $?)"
        gn_show "$GN_TMP/lftp.log"
        gn_show "$GN_TMP/good.log"
    fi

    for case in "rogue|not trusted|a certificate from an unknown CA" \
                "wrong|match requested host name|a certificate for another host name"; do
        IFS='|' read -r name text what <<<"$case"
        port=PORT_$name
        out=$GN_TMP/$name-$mode.bin
        ftp "$mode" "${!port}" "get down.bin -o $out"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -qi "$text" "$GN_TMP/lftp.log" && ! [ -s "$out" ]; then
            gn_pass "$mode: lftp refuses $what (exit $rc: $(grep -i "$text" "$GN_TMP/lftp.log" | head -n 1))"
        else
            gn_fail "$mode: lftp did not refuse $what (exit $rc)"
            gn_show "$GN_TMP/lftp.log"
        fi
    done
done

gn_finish
