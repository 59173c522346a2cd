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

# gn2_start_tls_sink NAME CERT KEY OUT : a TLS server (python3 + ssl) on a
# free 127.0.0.1 port (PORT_<NAME>) that appends every line it receives, on
# any number of connections, to OUT.
gn2_start_tls_sink() {
    local name=$1 port
    port=$(gn_free_port) || return 1
    python3 -c '
import socket, ssl, sys, threading
port, cert, key, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port))
ls.listen(8)
lock = threading.Lock()
def serve(c):
    try:
        t = ctx.wrap_socket(c, server_side=True)
        print("TLS", t.version(), t.cipher()[0], flush=True)
        for line in t.makefile("rb"):
            with lock, open(out, "ab") as o:
                o.write(line)
    except Exception as e:
        print("error", repr(e), flush=True)
    finally:
        c.close()
while True:
    c, _ = ls.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
' "$port" "$2" "$3" "$4" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}
