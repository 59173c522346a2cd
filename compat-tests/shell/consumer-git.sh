#!/bin/bash
# Real consumer: git clone over HTTPS.  git's https helper
# (git-remote-https) uses libcurl-gnutls, i.e. libgnutls.so.30, so this runs
# libcurl's GnuTLS backend on the real GnuTLS and through gnossl.  The peer is
# a dumb-HTTP server (a bare repository after `git update-server-info`) behind
# Python's ssl module.
#  - clone by IP address and by host name; the cloned HEAD is the source's;
#  - a server certificate from an unknown CA is refused;
#  - a certificate for another host name is refused.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require git openssl python3
helper=$(git --exec-path)/git-remote-https
[ -x "$helper" ] || { gn_log "SKIP: $helper missing"; exit 77; }
gn_require_build
gn_init consumer-git
export LC_ALL=C HOME=$GN_TMP GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
export GIT_AUTHOR_NAME=gnossl GIT_AUTHOR_EMAIL=gnossl@test.invalid
export GIT_COMMITTER_NAME=gnossl GIT_COMMITTER_EMAIL=gnossl@test.invalid
unset GIT_SSL_NO_VERIFY http_proxy https_proxy HTTPS_PROXY ALL_PROXY

pki=$GN_TMP/pki
gn_make_pki "$pki" rsa || exit 1

# A source repository with two commits and a binary blob, published bare.
src=$GN_TMP/src
git init -q "$src" &&
echo "first" >"$src/a.txt" && git -C "$src" add a.txt && git -C "$src" commit -qm one &&
head -c 300000 /dev/urandom >"$src/blob.bin" && echo "second" >>"$src/a.txt" &&
git -C "$src" add a.txt blob.bin && git -C "$src" commit -qm two &&
mkdir -p "$GN_TMP/www" && git clone -q --bare "$src" "$GN_TMP/www/repo.git" &&
git -C "$GN_TMP/www/repo.git" update-server-info || { gn_log "cannot build the repository"; exit 1; }
want=$(git -C "$src" rev-parse HEAD)

gn_start_https_dir good "$GN_TMP/www" "$pki/server.pem" "$pki/server.key" || exit 1
gn_start_https_dir rogue "$GN_TMP/www" "$pki/rogue.pem" "$pki/rogue.key" || exit 1
gn_start_https_dir wrong "$GN_TMP/www" "$pki/wrongname.pem" "$pki/wrongname.key" || exit 1

# clone MODE DEST URL [GIT-ARGS...] ; output in $GN_TMP/git.log
clone() {
    local mode=$1 dest=$2 url=$3
    shift 3
    rm -rf "$dest"
    GIT_SSL_CAINFO=$pki/ca.pem gn_run "$mode" git "$@" clone "$url" "$dest" >"$GN_TMP/git.log" 2>&1
}

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$helper" || continue

    d=$GN_TMP/clone-$mode-ip
    if clone "$mode" "$d" "https://127.0.0.1:$PORT_good/repo.git" &&
       [ "$(git -C "$d" rev-parse HEAD)" = "$want" ] &&
       cmp -s "$d/blob.bin" "$src/blob.bin"; then
        gn_pass "$mode: git clone https://127.0.0.1 gives HEAD $want"
    else
        gn_fail "$mode: git clone by IP address"
        gn_show "$GN_TMP/git.log"
    fi

    d=$GN_TMP/clone-$mode-name
    if clone "$mode" "$d" "https://localhost:$PORT_good/repo.git" \
           -c "http.curloptResolve=localhost:$PORT_good:127.0.0.1" &&
       [ "$(git -C "$d" rev-parse HEAD)" = "$want" ]; then
        gn_pass "$mode: git clone https://localhost (SNI, name check) gives the same HEAD"
    else
        gn_fail "$mode: git clone by host name"
        gn_show "$GN_TMP/git.log"
    fi

    d=$GN_TMP/clone-$mode-rogue
    clone "$mode" "$d" "https://127.0.0.1:$PORT_rogue/repo.git"
    rc=$?
    if [ $rc -eq 128 ] && grep -q "server certificate verification failed" "$GN_TMP/git.log" &&
       ! [ -e "$d/a.txt" ]; then
        gn_pass "$mode: git refuses a server certificate from an unknown CA"
    else
        gn_fail "$mode: unknown-CA server not refused as expected (exit $rc)"
        gn_show "$GN_TMP/git.log"
    fi

    d=$GN_TMP/clone-$mode-wrong
    clone "$mode" "$d" "https://127.0.0.1:$PORT_wrong/repo.git"
    rc=$?
    if [ $rc -eq 128 ] && grep -q "does not match target host name" "$GN_TMP/git.log" &&
       ! [ -e "$d/a.txt" ]; then
        gn_pass "$mode: git refuses a certificate for another host name"
    else
        gn_fail "$mode: wrong-name server not refused as expected (exit $rc)"
        gn_show "$GN_TMP/git.log"
    fi
done

gn_finish
