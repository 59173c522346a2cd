# Mail peers for the tier-2 consumer tests (bash; source after lib/common.sh).
# Python 3 standard library only; TLS is the ssl module, i.e. OpenSSL: never
# the library under test.
#
#   gn2_start_smtp NAME MODE CERT KEY SPOOL   MODE "starttls" or "implicit";
#        each message received (DATA, dot-unstuffed, CRLF -> LF) is written to
#        SPOOL.<n>; port in PORT_<NAME>
#   gn2_start_pop3 NAME MODE CERT KEY MSGFILE MODE "implicit" (POP3S) or
#        "starttls" (STLS); serves MSGFILE as the one message of user "u"
#        (password "pw"); port in PORT_<NAME>

# gn2_start_py NAME PORT SCRIPT ARGS... : run a python3 peer in the background
# (log $GN_TMP/NAME.log), wait until it listens on PORT.
gn2_start_py() {
    local name=$1 port=$2 script=$3
    shift 3
    python3 -c "$script" "$port" "$@" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}

GN2_SMTP_PY='
import socket, ssl, sys
port, mode, cert, key, spool = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port))
ls.listen(4)
count = 0
def serve(c):
    global count
    tls = False
    if mode == "implicit":
        c = ctx.wrap_socket(c, server_side=True)
        tls = True
        print("TLS", c.version(), c.cipher()[0], flush=True)
    f = c.makefile("rwb", buffering=0)
    f.write(b"220 smtp.test ESMTP ready\r\n")
    rcpt = []
    while True:
        line = f.readline()
        if not line:
            print("eof", flush=True)
            return
        cmd = line.rstrip(b"\r\n")
        up = cmd.upper()
        print("C:", cmd.decode(errors="replace"), flush=True)
        if up.startswith(b"EHLO"):
            ext = b"250-STARTTLS\r\n" if (mode == "starttls" and not tls) else b""
            f.write(b"250-smtp.test\r\n" + ext + b"250 8BITMIME\r\n")
        elif up.startswith(b"HELO"):
            f.write(b"250 smtp.test\r\n")
        elif up == b"STARTTLS" and mode == "starttls" and not tls:
            f.write(b"220 ready to start TLS\r\n")
            c = ctx.wrap_socket(c, server_side=True)
            tls = True
            print("TLS", c.version(), c.cipher()[0], flush=True)
            f = c.makefile("rwb", buffering=0)
        elif not tls:
            f.write(b"530 must issue STARTTLS first\r\n")
        elif up.startswith(b"MAIL FROM:"):
            rcpt = []
            f.write(b"250 sender ok\r\n")
        elif up.startswith(b"RCPT TO:"):
            rcpt.append(cmd[8:])
            f.write(b"250 recipient ok\r\n")
        elif up == b"DATA":
            f.write(b"354 end with <CRLF>.<CRLF>\r\n")
            body = []
            while True:
                l = f.readline()
                if not l:
                    return
                if l == b".\r\n":
                    break
                if l.startswith(b"."):
                    l = l[1:]
                body.append(l.replace(b"\r\n", b"\n"))
            count += 1
            with open("%s.%d" % (spool, count), "wb") as out:
                out.write(b"".join(body))
            print("stored", count, len(rcpt), flush=True)
            f.write(b"250 queued as %d\r\n" % count)
        elif up == b"RSET" or up == b"NOOP":
            f.write(b"250 ok\r\n")
        elif up == b"QUIT":
            f.write(b"221 bye\r\n")
            try:
                c.unwrap()
            except (OSError, ValueError):
                pass
            return
        else:
            f.write(b"502 not implemented\r\n")
while True:
    c, _ = ls.accept()
    try:
        serve(c)
    except Exception as e:
        print("error", repr(e), flush=True)
    finally:
        c.close()
'

gn2_start_smtp() { # NAME MODE CERT KEY SPOOL
    local port
    port=$(gn_free_port) || return 1
    gn2_start_py "$1" "$port" "$GN2_SMTP_PY" "$2" "$3" "$4" "$5"
}

GN2_POP3_PY='
import socket, ssl, sys
port, mode, cert, key, msgfile = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
raw = open(msgfile, "rb").read()
# POP3 wire form: CRLF lines, dot-stuffed, terminated by CRLF.CRLF
lines = raw.split(b"\n")
if lines and lines[-1] == b"":
    lines.pop()
wire = b"".join((b"." + l if l.startswith(b".") else l) + b"\r\n" for l in lines)
size = len(b"".join(l + b"\r\n" for l in lines))
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port))
ls.listen(4)
def serve(c):
    tls = False
    if mode == "implicit":
        c = ctx.wrap_socket(c, server_side=True)
        tls = True
        print("TLS", c.version(), c.cipher()[0], flush=True)
    f = c.makefile("rwb", buffering=0)
    f.write(b"+OK pop3.test ready\r\n")
    user = None
    authed = False
    while True:
        line = f.readline()
        if not line:
            print("eof", flush=True)
            return
        cmd = line.rstrip(b"\r\n")
        w = cmd.split(b" ")
        verb = w[0].upper()
        print("C:", cmd.decode(errors="replace") if verb != b"PASS" else "PASS ***", flush=True)
        if verb == b"CAPA":
            stls = b"STLS\r\n" if (mode == "starttls" and not tls) else b""
            f.write(b"+OK capabilities\r\nUSER\r\nUIDL\r\nTOP\r\n" + stls + b".\r\n")
        elif verb == b"STLS" and mode == "starttls" and not tls:
            f.write(b"+OK begin TLS\r\n")
            c = ctx.wrap_socket(c, server_side=True)
            tls = True
            print("TLS", c.version(), c.cipher()[0], flush=True)
            f = c.makefile("rwb", buffering=0)
        elif verb == b"QUIT":
            f.write(b"+OK bye\r\n")
            try:
                c.unwrap()
            except (OSError, ValueError):
                pass
            return
        elif not tls:
            f.write(b"-ERR TLS required\r\n")
        elif verb == b"USER":
            user = w[1] if len(w) > 1 else None
            f.write(b"+OK send PASS\r\n")
        elif verb == b"PASS":
            if user == b"u" and len(w) > 1 and w[1] == b"pw":
                authed = True
                f.write(b"+OK logged in\r\n")
            else:
                f.write(b"-ERR bad login\r\n")
        elif not authed:
            f.write(b"-ERR log in first\r\n")
        elif verb == b"STAT":
            f.write(b"+OK 1 %d\r\n" % size)
        elif verb == b"LIST":
            if len(w) > 1:
                f.write(b"+OK 1 %d\r\n" % size)
            else:
                f.write(b"+OK 1 message\r\n1 %d\r\n.\r\n" % size)
        elif verb == b"UIDL":
            if len(w) > 1:
                f.write(b"+OK 1 gnossl-msg-1\r\n")
            else:
                f.write(b"+OK\r\n1 gnossl-msg-1\r\n.\r\n")
        elif verb == b"RETR":
            f.write(b"+OK %d octets\r\n" % size + wire + b".\r\n")
            print("sent message", flush=True)
        elif verb == b"TOP":
            hdr = wire.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
            f.write(b"+OK\r\n" + hdr + b".\r\n")
        elif verb in (b"DELE", b"NOOP", b"RSET"):
            f.write(b"+OK\r\n")
        else:
            f.write(b"-ERR unknown command\r\n")
while True:
    c, _ = ls.accept()
    try:
        serve(c)
    except Exception as e:
        print("error", repr(e), flush=True)
    finally:
        c.close()
'

gn2_start_pop3() { # NAME MODE CERT KEY MSGFILE
    local port
    port=$(gn_free_port) || return 1
    gn2_start_py "$1" "$port" "$GN2_POP3_PY" "$2" "$3" "$4" "$5"
}

# gn2_make_message FILE ID : a complete RFC 5322 message (every header msmtp
# would otherwise add is present) with dot-leading lines and a ~100 KB body,
# so that it spans several TLS records.
gn2_make_message() {
    {
        printf 'From: sender@example.test\n'
        printf 'To: rcpt@example.test\n'
        printf 'Subject: gnossl tier-2 test %s\n' "$2"
        printf 'Date: Mon, 23 Nov 2026 12:00:00 +0000\n'
        printf 'Message-ID: <%s@gnossl.test>\n' "$2"
        printf '\n'
        printf 'first line of %s\n' "$2"
        printf '.a line starting with a dot\n'
        printf '..two dots\n'
        head -c 75000 /dev/urandom | base64 -w 76
        printf 'last line\n'
    } >"$1"
}
