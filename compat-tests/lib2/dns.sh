# DNS-over-TLS peer for the tier-2 consumer tests (bash; source after
# lib/common.sh).  Python 3 standard library; TLS is the ssl module (OpenSSL).
#
#   gn2_start_dot NAME CERT KEY ADDR : DoT responder (RFC 7858: 2-byte length
#       prefixed DNS messages over TLS) on a free 127.0.0.1 port (PORT_<NAME>)
#       answering every A query with one record NAME 300 IN A ADDR (and any
#       other type with NOERROR, no answer); logs each question.
gn2_start_dot() {
    local name=$1 port
    port=$(gn_free_port) || return 1
    python3 -c '
import socket, ssl, struct, sys, threading
port, cert, key, addr = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port))
ls.listen(8)
def readn(s, n):
    b = b""
    while len(b) < n:
        d = s.recv(n - len(b))
        if not d:
            return None
        b += d
    return b
def answer(q):
    qid, flags, qd = struct.unpack(">HHH", q[:6])
    i = 12
    labels = []
    while q[i] != 0:
        labels.append(q[i + 1:i + 1 + q[i]].decode())
        i += 1 + q[i]
    qtype, qclass = struct.unpack(">HH", q[i + 1:i + 5])
    question = q[12:i + 5]
    print("query", ".".join(labels) + ".", qtype, flush=True)
    an = b""
    if qtype == 1:
        an = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + socket.inet_aton(addr)
    hdr = struct.pack(">HHHHHH", qid, 0x8400 | (flags & 0x0100), 1, 1 if an else 0, 0, 0)
    return hdr + question + an
def serve(c):
    try:
        t = ctx.wrap_socket(c, server_side=True)
        print("TLS", t.version(), t.cipher()[0], flush=True)
        while True:
            h = readn(t, 2)
            if h is None:
                break
            q = readn(t, struct.unpack(">H", h)[0])
            if q is None:
                break
            r = answer(q)
            t.sendall(struct.pack(">H", len(r)) + r)
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

# gn2_spki_pin CERT : base64 SHA-256 of the certificate's SubjectPublicKeyInfo
# (the RFC 7858 / kdig +tls-pin form).
gn2_spki_pin() {
    openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der |
        openssl dgst -sha256 -binary | base64
}
