# Peers that openssl s_server cannot play (sourced by common.sh).  Both are
# Python on the ssl module, i.e. OpenSSL: never the library under test.

# gn_start_https_dir NAME DIR CERT KEY : HTTPS static file server on a free
# 127.0.0.1 port (printed into PORT_<NAME>).  Unlike `s_server -WWW` it answers
# 404 for missing files and ignores query strings, as git's dumb HTTP needs.
gn_start_https_dir() {
    local name=$1 port
    port=$(gn_free_port) || return 1
    python3 -c '
import functools, http.server, ssl, sys
port, root, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
' "$port" "$2" "$3" "$4" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}

# gn_start_smtp_starttls NAME CERT KEY : a fake SMTP server that speaks the
# plain-text dialogue up to STARTTLS, then TLS, then answers every line with
# "250 got: <line>" until QUIT.  Port in PORT_<NAME>.
gn_start_smtp_starttls() {
    local name=$1 port
    port=$(gn_free_port) || return 1
    python3 -c '
import socket, ssl, sys
port, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port))
ls.listen(4)
def serve(c):
    f = c.makefile("rwb", buffering=0)
    f.write(b"220 fake.smtp.test ESMTP\r\n")
    while True:
        line = f.readline()
        if not line:
            return
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
            f.write(b"250-fake.smtp.test\r\n250 STARTTLS\r\n")
        elif cmd == b"STARTTLS":
            f.write(b"220 go ahead\r\n")
            break
        else:
            f.write(b"502 plain text: only EHLO and STARTTLS\r\n")
    t = ctx.wrap_socket(c, server_side=True)
    print("TLS", t.version(), t.cipher()[0], flush=True)
    g = t.makefile("rwb", buffering=0)
    while True:
        line = g.readline()
        if not line:
            return
        print("got", line.strip().decode(errors="replace"), flush=True)
        if line.strip().upper() == b"QUIT":
            g.write(b"221 bye\r\n")
            try:
                t.unwrap()  # send close_notify: a clean TLS close
            except (OSError, ValueError):
                pass
            return
        g.write(b"250 got: " + line.strip() + b"\r\n")
while True:
    c, _ = ls.accept()
    try:
        serve(c)
    except Exception as e:
        print("error", e, flush=True)
    finally:
        c.close()
' "$port" "$2" "$3" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}
