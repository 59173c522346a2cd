# IRC-over-TLS peer for the tier-2 consumer tests (bash; source after
# lib/common.sh).  Python 3 standard library; TLS is the ssl module (OpenSSL).
#
#   gn2_start_ircs NAME CERT KEY OUT : a tiny IRC server on a free 127.0.0.1
#       port (PORT_<NAME>): answers CAP LS (no capabilities), welcomes the
#       client after NICK/USER, confirms JOIN, answers PING, and appends the
#       text of every PRIVMSG it receives to OUT ("<target> <text>" per line).
gn2_start_ircs() {
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
ls.listen(4)
def serve(c):
    try:
        t = ctx.wrap_socket(c, server_side=True)
        print("TLS", t.version(), t.cipher()[0], flush=True)
        f = t.makefile("rwb", buffering=0)
        nick = "*"
        while True:
            line = f.readline()
            if not line:
                break
            line = line.rstrip(b"\r\n").decode("utf-8", "replace")
            print("C:", line, flush=True)
            w = line.split(" ", 2)
            cmd = w[0].upper()
            if cmd == "CAP" and len(w) > 1 and w[1].upper() == "LS":
                f.write(b":irc.test CAP * LS :\r\n")
            elif cmd == "NICK":
                nick = w[1]
            elif cmd == "USER":
                f.write((":irc.test 001 %s :Welcome to the gnossl test net\r\n" % nick).encode())
                f.write((":irc.test 376 %s :End of MOTD\r\n" % nick).encode())
            elif cmd == "PING":
                f.write((":irc.test PONG irc.test %s\r\n" % (w[1] if len(w) > 1 else "")).encode())
            elif cmd == "JOIN":
                f.write((":%s!u@127.0.0.1 JOIN %s\r\n" % (nick, w[1])).encode())
            elif cmd == "PRIVMSG" and len(w) == 3:
                text = w[2][1:] if w[2].startswith(":") else w[2]
                with open(out, "a") as o:
                    o.write("%s %s\n" % (w[1], text))
            elif cmd == "QUIT":
                f.write(b"ERROR :Closing link\r\n")
                break
        try:
            t.unwrap()
        except (OSError, ValueError):
            pass
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
