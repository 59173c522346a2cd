# HTTPS peers for the tier-2 consumer tests (bash; source after lib/common.sh).
#
#   gn2_start_www NAME ROOT CERT KEY [CHAIN] : `openssl s_server -WWW` serving
#       ROOT on a free 127.0.0.1 port (PORT_<NAME>); CHAIN is sent after CERT.
gn2_start_www() {
    local name=$1 root=$2 cert=$3 key=$4 chain=() port
    [ -n "${5:-}" ] && chain=(-cert_chain "$5")
    port=$(gn_free_port) || return 1
    (cd "$root" && exec openssl s_server -WWW -accept "127.0.0.1:$port" \
        -cert "$cert" -key "$key" "${chain[@]}") </dev/null >"$GN_TMP/srv-$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/srv-$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}

# gn2_www_set PKI ROOT : the usual servers: good (server), rogue (unknown
# CA), wrong (another host name), chained (leaf + intermediate).
gn2_www_set() {
    gn2_start_www good "$2" "$1/server.pem" "$1/server.key" &&
    gn2_start_www rogue "$2" "$1/rogue.pem" "$1/rogue.key" &&
    gn2_start_www wrong "$2" "$1/wrongname.pem" "$1/wrongname.key" &&
    gn2_start_www chained "$2" "$1/chained.pem" "$1/chained.key" "$1/int-ca.pem"
}
