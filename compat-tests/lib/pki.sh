# Throwaway test PKI made with the openssl CLI (sourced by common.sh).
#
# gn_make_pki DIR [rsa|ec] writes into DIR:
#   ca.pem ca.key             the trusted test CA
#   server.pem server.key     leaf for DNS:localhost and IP:127.0.0.1, signed by ca
#   wrongname.pem .key        leaf for DNS:wrong.example only, signed by ca
#   rogue-ca.pem .key         a CA nobody trusts
#   rogue.pem rogue.key       leaf for localhost/127.0.0.1 signed by rogue-ca
#   client.pem client.key     client-auth leaf signed by ca
#   rogue-client.pem .key     client-auth leaf signed by rogue-ca
#   expired.pem .key          leaf for localhost/127.0.0.1 by ca, valid in 2020 only
#   notyet.pem .key           the same, valid only from 2090
#   int-ca.pem .key           intermediate CA signed by ca
#   chained.pem .key          leaf for localhost/127.0.0.1 signed by int-ca
#                             (serve with the chain file int-ca.pem)
#   evil.pem .key             leaf for localhost/127.0.0.1 signed with the
#                             *server* leaf's key (CA:FALSE): must be refused
#                             even when server.pem is sent as its chain

gn_newkey() { # FILE TYPE
    case $2 in
        ec)  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null ;;
        rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null ;;
        *)   gn_log "gn_newkey: unknown key type $2"; return 1 ;;
    esac
}

gn_make_ca() { # DIR NAME TYPE SUBJECT
    local d=$1 n=$2
    gn_newkey "$d/$n.key" "$3" &&
    openssl req -x509 -new -key "$d/$n.key" -out "$d/$n.pem" -days 3 \
        -subj "$4" -sha256 \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" 2>/dev/null
}

gn_make_leaf() { # DIR NAME TYPE CA SUBJECT EXTENSIONS
    local d=$1 n=$2 ext=$d/$2.ext
    printf '%b\n' "$6" >"$ext"
    gn_newkey "$d/$n.key" "$3" &&
    openssl req -new -key "$d/$n.key" -subj "$5" -out "$d/$n.csr" 2>/dev/null &&
    openssl x509 -req -in "$d/$n.csr" -CA "$d/$4.pem" -CAkey "$d/$4.key" \
        -set_serial "0x$(openssl rand -hex 8)" -days 2 -sha256 \
        -extfile "$ext" -out "$d/$n.pem" 2>/dev/null
}

# gn_make_leaf_dated DIR NAME TYPE CA SUBJECT EXTENSIONS START END: like
# gn_make_leaf with explicit validity (YYYYMMDDHHMMSSZ), through `openssl ca`,
# which unlike `openssl x509 -req` (3.0) can date a certificate in the past.
gn_make_leaf_dated() {
    local d=$1 n=$2 db=$1/ca-db.$2
    mkdir -p "$db"
    : >"$db/index.txt"
    printf '[ca]\ndefault_ca=c\n[c]\ndatabase=%s\nnew_certs_dir=%s\nserial=%s\npolicy=p\ndefault_md=sha256\nunique_subject=no\n[p]\ncommonName=supplied\n' \
        "$db/index.txt" "$db" "$db/serial" >"$db/ca.cnf"
    openssl rand -hex 8 >"$db/serial"
    printf '[e]\n%b\n' "$6" >"$d/$n.ext"
    gn_newkey "$d/$n.key" "$3" &&
    openssl req -new -key "$d/$n.key" -subj "$5" -out "$d/$n.csr" 2>/dev/null &&
    openssl ca -batch -notext -config "$db/ca.cnf" -cert "$d/$4.pem" -keyfile "$d/$4.key" \
        -startdate "$7" -enddate "$8" -extfile "$d/$n.ext" -extensions e \
        -in "$d/$n.csr" -out "$d/$n.pem" >/dev/null 2>&1
}

gn_make_pki() {
    local d=$1 t=${2:-rsa}
    local srv="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid"
    local cli="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\nauthorityKeyIdentifier=keyid"
    mkdir -p "$d"
    gn_make_ca "$d" ca "$t" "/O=gnossl tests/CN=gnossl test CA" &&
    gn_make_ca "$d" rogue-ca "$t" "/O=nobody/CN=untrusted CA" &&
    gn_make_leaf "$d" server "$t" ca "/CN=localhost" \
        "$srv\nsubjectAltName=DNS:localhost,IP:127.0.0.1" &&
    gn_make_leaf "$d" wrongname "$t" ca "/CN=wrong.example" \
        "$srv\nsubjectAltName=DNS:wrong.example" &&
    gn_make_leaf "$d" rogue "$t" rogue-ca "/CN=localhost" \
        "$srv\nsubjectAltName=DNS:localhost,IP:127.0.0.1" &&
    gn_make_leaf "$d" client "$t" ca "/CN=gnossl test client" "$cli" &&
    gn_make_leaf "$d" rogue-client "$t" rogue-ca "/CN=gnossl test client" "$cli" &&
    gn_make_leaf_dated "$d" expired "$t" ca "/CN=localhost" \
        "$srv\nsubjectAltName=DNS:localhost,IP:127.0.0.1" 20200101000000Z 20200301000000Z &&
    gn_make_leaf_dated "$d" notyet "$t" ca "/CN=localhost" \
        "$srv\nsubjectAltName=DNS:localhost,IP:127.0.0.1" 20900101000000Z 20900301000000Z &&
    gn_make_leaf "$d" int-ca "$t" ca "/O=gnossl tests/CN=gnossl intermediate CA" \
        "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid" &&
    gn_make_leaf "$d" chained "$t" int-ca "/CN=localhost" \
        "$srv\nsubjectAltName=DNS:localhost,IP:127.0.0.1" &&
    gn_make_leaf "$d" evil "$t" server "/CN=localhost" \
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1" ||
    { gn_log "gn_make_pki: openssl failed in $d"; return 1; }
}
