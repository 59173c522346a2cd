# FTPS peer for the tier-2 consumer tests (bash; source after lib/common.sh).
#
#   gn2_start_ftps NAME CERT KEY ROOT : explicit FTPS (AUTH TLS) server with
#       Debian's python3-pyftpdlib (TLS through pyOpenSSL, i.e. OpenSSL) on a
#       free 127.0.0.1 port (PORT_<NAME>); user "u" password "pw", home ROOT
#       (read/write); TLS required on both control and data connections.
# Debian's pyftpdlib is for /usr/bin/python3 (a python3 earlier on PATH may
# be another installation without it).
GN2_SYS_PYTHON=${GN2_SYS_PYTHON:-/usr/bin/python3}

gn2_have_pyftpdlib() {
    "$GN2_SYS_PYTHON" -c 'import pyftpdlib.handlers, OpenSSL' 2>/dev/null
}

gn2_start_ftps() {
    local name=$1 port
    port=$(gn_free_port) || return 1
    "$GN2_SYS_PYTHON" -c '
import logging, sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.servers import FTPServer
port, cert, key, root = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
logging.basicConfig(level=logging.INFO, stream=sys.stdout)
auth = DummyAuthorizer()
auth.add_user("u", "pw", root, perm="elradfmwMT")
h = TLS_FTPHandler
h.certfile = cert
h.keyfile = key
h.authorizer = auth
h.tls_control_required = True
h.tls_data_required = True
h.passive_ports = None
srv = FTPServer(("127.0.0.1", port), h)
srv.serve_forever()
' "$port" "$2" "$3" "$4" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_PIDS+=("$!")
    gn_wait_port "$port" "$!" || { gn_show "$GN_TMP/$name.log"; return 1; }
    printf -v "PORT_$name" '%s' "$port"
}
