/* Differential: assorted TLS session behaviours that once differed from
 * GnuTLS 3.7.9: TLS 1.3-only calls on DTLS 1.2 sessions (DTLS version
 * numbers are numerically above TLS 1.3's), resumption status of a TLS 1.3
 * external-PSK handshake, %NO_EXTENSIONS, repeated handshake calls after a
 * transport pull error, session descriptions of old versions, heartbeat
 * calls, the peer's DH public value.  Output must match real GnuTLS. */
#include <gnutls/gnutls.h>
#include <gnutls/dtls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-keys.h"
#include "tls-pair.h"

static int psk_cb(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
    (void)s;
    (void)user;
    key->data = gnutls_malloc(16);
    for (int i = 0; i < 16; i++)
        key->data[i] = (unsigned char)(i + 1);
    key->size = 16;
    return 0;
}

static gnutls_certificate_credentials_t ccred, scred;

static void print_desc(const char *who, gnutls_session_t s)
{
    char *d = gnutls_session_get_desc(s);
    printf("  %s desc %s\n", who, d ? d : "(null)");
    gnutls_free(d);
}

/* ---- DTLS 1.2 pair over a datagram socketpair ---- */
static int dtls_handshake(gnutls_session_t c, gnutls_session_t s)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 2000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc < 0 && gnutls_error_is_fatal(rc))
                break;
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs < 0 && gnutls_error_is_fatal(rs))
                break;
        }
    }
    printf("  handshake: client %s server %s\n", tp_code(rc), tp_code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

static void dtls_tls13_only(const char *prio)
{
    int sv[2];
    gnutls_session_t c, s;
    gnutls_datum_t tkey;
    printf("dtls tls1.3-only calls %s\n", prio);
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK | GNUTLS_POST_HANDSHAKE_AUTH);
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK | GNUTLS_POST_HANDSHAKE_AUTH);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_session_ticket_key_generate(&tkey);
    gnutls_session_ticket_enable_server(s, &tkey);
    gnutls_transport_set_int(c, sv[0]);
    gnutls_transport_set_int(s, sv[1]);
    if (dtls_handshake(c, s) == 0) {
        printf("  version %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(c)));
        printf("  server ticket_send: %s\n", tp_code(gnutls_session_ticket_send(s, 1, 0)));
        printf("  server reauth: %s\n", tp_code(gnutls_reauth(s, 0)));
        printf("  client reauth: %s\n", tp_code(gnutls_reauth(c, 0)));
        gnutls_datum_t d = {NULL, 0};
        int r = gnutls_session_get_data2(c, &d);
        printf("  client get_data2: %s (%s)\n", tp_code(r), d.size > 4 ? "real session" : "dummy");
        gnutls_free(d.data);
        print_desc("client", c);
        print_desc("server", s);
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    gnutls_free(tkey.data);
    close(sv[0]);
    close(sv[1]);
}

/* ---- TLS pairs in memory (tls-pair.h) ---- */
static void cert_pair(struct tp_pair *p, const char *prio)
{
    tp_init(p, 0, 0);
    gnutls_priority_set_direct(p->c.s, prio, NULL);
    gnutls_priority_set_direct(p->s.s, prio, NULL);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, scred);
}

/* An external PSK is not a resumed session. */
static void psk_resumed_cert(const char *prio, int server_cert)
{
    static unsigned char keybytes[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    gnutls_datum_t key = {keybytes, sizeof keybytes};
    gnutls_psk_client_credentials_t pc;
    gnutls_psk_server_credentials_t ps;
    struct tp_pair p;
    printf("psk resumed %s%s\n", prio, server_cert ? " (server has a certificate too)" : "");
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_psk_set_client_credentials(pc, "user", &key, GNUTLS_PSK_KEY_RAW);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, pc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_PSK, ps);
    gnutls_psk_set_server_credentials_function(ps, psk_cb);
    if (server_cert)
        gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (tp_handshake(&p) == 0) {
        printf("  version %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(p.c.s)));
        printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s),
               gnutls_session_is_resumed(p.s.s));
    }
    tp_free(&p);
    gnutls_psk_free_client_credentials(pc);
    gnutls_psk_free_server_credentials(ps);
}

/* %NO_EXTENSIONS: no extended master secret, encrypt-then-MAC, tickets,
 * server name or ALPN.  (Not printed: safe renegotiation, which OpenSSL
 * always signals, and the signature algorithm, which GnuTLS falls back to
 * SHA-1 without the signature_algorithms extension.) */
static void psk_resumed(const char *prio)
{
    psk_resumed_cert(prio, 0);
}

static void no_extensions_init(const char *prio, unsigned iflags)
{
    struct tp_pair p;
    gnutls_datum_t tkey, proto = {(unsigned char *)"h2", 2}, got = {NULL, 0};
    char name[64];
    size_t nlen = sizeof name;
    unsigned type;
    printf("extensions %s init 0x%x\n", prio, iflags);
    tp_init(&p, iflags, iflags);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_session_ticket_key_generate(&tkey);
    gnutls_session_ticket_enable_server(p.s.s, &tkey);
    gnutls_server_name_set(p.c.s, GNUTLS_NAME_DNS, "localhost", 9);
    gnutls_alpn_set_protocols(p.c.s, &proto, 1, 0);
    gnutls_alpn_set_protocols(p.s.s, &proto, 1, 0);
    if (tp_handshake(&p) == 0) {
        printf("  version %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(p.c.s)));
        printf("  ems: client %u server %u\n", gnutls_session_ext_master_secret_status(p.c.s),
               gnutls_session_ext_master_secret_status(p.s.s));
        printf("  etm: client %u server %u\n", gnutls_session_etm_status(p.c.s), gnutls_session_etm_status(p.s.s));
        printf("  flags: client 0x%x server 0x%x\n", gnutls_session_get_flags(p.c.s) & 0x86u,
               gnutls_session_get_flags(p.s.s) & 0x86u);
        int r = gnutls_server_name_get(p.s.s, name, &nlen, &type, 0);
        printf("  server name: %s %s\n", tp_code(r), r == 0 ? name : "-");
        r = gnutls_alpn_get_selected_protocol(p.c.s, &got);
        printf("  alpn: %s\n", tp_code(r));
    }
    tp_free(&p);
    gnutls_free(tkey.data);
}

static void no_extensions(const char *prio)
{
    no_extensions_init(prio, 0);
}

/* Certificate verification still happens without extensions (no status
 * request to wait for): a wrong host name fails the handshake. */
static void no_extensions_verify(const char *prio, const char *host)
{
    struct tp_pair p;
    printf("verify %s host %s\n", prio, host);
    cert_pair(&p, prio);
    gnutls_session_set_verify_cert(p.c.s, host, 0);
    if (tp_handshake(&p) == 0)
        printf("  status 0x%x\n", gnutls_session_get_verify_cert_status(p.c.s));
    tp_free(&p);
}

static int pull_errno, pull_ok, pull_set_errno;
static ssize_t failing_pull(gnutls_transport_ptr_t ptr, void *d, size_t n)
{
    struct tp_end *e = ptr;
    if (pull_ok > 0) {
        ssize_t r = tp_pull(ptr, d, n);
        if (r > 0)
            pull_ok--;
        return r;
    }
    if (pull_set_errno)
        gnutls_transport_set_errno(e->s, pull_errno);
    else
        errno = pull_errno;
    return -1;
}

/* What later handshake calls return after a transport error. */
static void pull_error(int err, unsigned client, int ok_reads, int set_errno)
{
    struct tp_pair p;
    printf("pull error errno %d on the %s after %d reads%s\n", err, client ? "client" : "server", ok_reads,
           set_errno ? " (transport_set_errno)" : "");
    cert_pair(&p, "NORMAL");
    gnutls_session_t s = client ? p.c.s : p.s.s, peer = client ? p.s.s : p.c.s;
    pull_errno = err;
    pull_ok = ok_reads;
    pull_set_errno = set_errno;
    gnutls_transport_set_pull_function(s, failing_pull);
    for (int i = 0; i < 8; i++) {
        int r = gnutls_handshake(s);
        printf("  handshake %d: %s\n", i, tp_code(r));
        if (r == 0)
            break;
        if (r != GNUTLS_E_AGAIN && i >= 2)
            break;
        if (r == GNUTLS_E_AGAIN)
            printf("  peer: %s\n", tp_code(gnutls_handshake(peer)));
    }
    tp_free(&p);
}

/* The same after the handshake: record_recv, then the calls after it. */
static void pull_error_recv(int err, const char *prio, gnutls_close_request_t how)
{
    struct tp_pair p;
    unsigned char buf[32];
    printf("pull error errno %d in record_recv, %s, bye %s\n", err, prio, how == GNUTLS_SHUT_WR ? "WR" : "RDWR");
    cert_pair(&p, prio);
    if (tp_handshake(&p) == 0) {
        pull_errno = err;
        pull_ok = 0;
        pull_set_errno = 1;
        gnutls_transport_set_pull_function(p.c.s, failing_pull);
        for (int i = 0; i < 3; i++)
            printf("  recv %d: %s\n", i, tp_code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
        printf("  send: %s\n", tp_code((int)gnutls_record_send(p.c.s, "x", 1)));
        printf("  handshake: %s\n", tp_code(gnutls_handshake(p.c.s)));
        printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.c.s)));
        size_t before = p.c2s.len;
        printf("  bye: %s\n", tp_code(gnutls_bye(p.c.s, how)));
        printf("  bye wrote %zu bytes\n", p.c2s.len - before);
        printf("  bye again: %s\n", tp_code(gnutls_bye(p.c.s, GNUTLS_SHUT_RDWR)));
        printf("  send after bye: %s\n", tp_code((int)gnutls_record_send(p.c.s, "x", 1)));
    }
    tp_free(&p);
}

static void old_version_desc(const char *prio)
{
    struct tp_pair p;
    printf("description %s\n", prio);
    cert_pair(&p, prio);
    if (tp_handshake(&p) == 0) {
        print_desc("client", p.c.s);
        print_desc("server", p.s.s);
        printf("  sign algorithm: client %d server %d\n", gnutls_sign_algorithm_get(p.c.s),
               gnutls_sign_algorithm_get(p.s.s));
    }
    tp_free(&p);
}

/* Heartbeat not enabled: what GnuTLS answers when the extension was not
 * negotiated (gnossl never negotiates it: OpenSSL 3 has no heartbeat). */
static void heartbeat(const char *prio)
{
    struct tp_pair p;
    printf("heartbeat %s\n", prio);
    cert_pair(&p, prio);
    printf("  allowed before: %u %u\n", gnutls_heartbeat_allowed(p.c.s, GNUTLS_HB_LOCAL_ALLOWED_TO_SEND),
           gnutls_heartbeat_allowed(p.c.s, GNUTLS_HB_PEER_ALLOWED_TO_SEND));
    printf("  ping before: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, 16, 1, 0)));
    printf("  pong before: %s\n", tp_code(gnutls_heartbeat_pong(p.s.s, 0)));
    if (tp_handshake(&p) == 0) {
        printf("  allowed: client %u %u server %u %u\n",
               gnutls_heartbeat_allowed(p.c.s, GNUTLS_HB_LOCAL_ALLOWED_TO_SEND),
               gnutls_heartbeat_allowed(p.c.s, GNUTLS_HB_PEER_ALLOWED_TO_SEND),
               gnutls_heartbeat_allowed(p.s.s, GNUTLS_HB_LOCAL_ALLOWED_TO_SEND),
               gnutls_heartbeat_allowed(p.s.s, GNUTLS_HB_PEER_ALLOWED_TO_SEND));
        gnutls_heartbeat_set_timeouts(p.c.s, 100, 500);
        printf("  timeout: %u\n", gnutls_heartbeat_get_timeout(p.c.s));
        printf("  ping: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, 16, 1, GNUTLS_HEARTBEAT_WAIT)));
        printf("  ping nowait: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, 0, 0, 0)));
        printf("  ping 16384: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, 16384, 1, 0)));
        printf("  ping 16385: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, 16385, 1, 0)));
        printf("  ping huge: %s\n", tp_code(gnutls_heartbeat_ping(p.c.s, (size_t)-1, 1, 0)));
        printf("  pong: %s\n", tp_code(gnutls_heartbeat_pong(p.s.s, 0)));
        printf("  flags: client 0x%x server 0x%x\n", gnutls_session_get_flags(p.c.s) & GNUTLS_SFLAGS_HB_PEER_SEND,
               gnutls_session_get_flags(p.s.s) & GNUTLS_SFLAGS_HB_PEER_SEND);
    }
    tp_free(&p);
}

/* The peer's DH public value (random: checked, not printed): below the
 * group's prime (taken from the client, which saw the group), minimal
 * big-endian with a leading zero exactly when the top bit is set. */
static void dh_pubkey(const char *prio)
{
    struct tp_pair p;
    printf("dh pubkey %s\n", prio);
    cert_pair(&p, prio);
    gnutls_datum_t y = {NULL, 0};
    printf("  before: %s\n", tp_code(gnutls_dh_get_pubkey(p.c.s, &y)));
    gnutls_free(y.data);
    y.data = NULL;
    if (tp_handshake(&p) == 0) {
        gnutls_datum_t gen = {NULL, 0}, prime = {NULL, 0};
        printf("  kx %s\n", gnutls_kx_get_name(gnutls_kx_get(p.c.s)));
        gnutls_dh_get_group(p.c.s, &gen, &prime);
        for (int side = 0; side < 2; side++) {
            gnutls_session_t s = side ? p.s.s : p.c.s;
            int r = gnutls_dh_get_pubkey(s, &y);
            printf("  %s: %s", side ? "server" : "client", tp_code(r));
            if (r == 0 && prime.size > 0 && y.size > 0) {
                const unsigned char *a = y.data, *b = prime.data;
                size_t an = y.size, bn = prime.size;
                while (an > 0 && *a == 0)
                    a++, an--;
                while (bn > 0 && *b == 0)
                    b++, bn--;
                int below = an < bn || (an == bn && memcmp(a, b, an) < 0);
                int lz = y.data[0] == 0, top = an > 0 && (a[0] & 0x80);
                int minimal = y.size == an + (size_t)lz;
                printf(" below prime %d, encoding %s", below, minimal && lz == top ? "ok" : "wrong");
            } else if (r == 0)
                printf(" size %u", y.size);
            printf("\n");
            gnutls_free(y.data);
            y.data = NULL;
        }
        gnutls_free(gen.data);
        gnutls_free(prime.data);
    }
    tp_free(&p);
}

/* gnutls_session_get_flags after full handshakes. */
static void session_flags(const char *prio, unsigned cflags)
{
    struct tp_pair p;
    printf("flags %s init 0x%x\n", prio, cflags);
    tp_init(&p, cflags, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (tp_handshake(&p) == 0)
        printf("  flags: client 0x%x server 0x%x\n", gnutls_session_get_flags(p.c.s) & ~0x80u,
               gnutls_session_get_flags(p.s.s) & ~0x80u);
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &crt, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(ccred, &crt, GNUTLS_X509_FMT_PEM);

    dtls_tls13_only("NORMAL:-VERS-ALL:+VERS-DTLS1.2");
    dtls_tls13_only("NORMAL:-VERS-ALL:+VERS-DTLS1.0");
    psk_resumed("NORMAL:+PSK");
    psk_resumed("NORMAL:-KX-ALL:+PSK");
    psk_resumed("NORMAL:-KX-ALL:+DHE-PSK:-VERS-ALL:+VERS-TLS1.2");
    no_extensions("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    no_extensions("NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_EXTENSIONS");
    no_extensions("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:%NO_EXTENSIONS");
    no_extensions("NORMAL:%NO_EXTENSIONS");
    /* %COMPAT drops encrypt-then-MAC and the extended master secret too */
    no_extensions("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:%COMPAT");
    no_extensions_verify("NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_EXTENSIONS", "wrong.example");
    no_extensions_verify("NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_EXTENSIONS", "localhost");
    no_extensions_verify("NORMAL:-VERS-ALL:+VERS-TLS1.2", "wrong.example");
    no_extensions_init("NORMAL:-VERS-ALL:+VERS-TLS1.2", GNUTLS_NO_EXTENSIONS);
    no_extensions_init("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC", GNUTLS_NO_EXTENSIONS);
    pull_error(ECONNRESET, 1, 0, 0);
    pull_error(EIO, 0, 0, 0);
    pull_error(ECONNRESET, 1, 0, 1);
    pull_error(ECONNRESET, 1, 1, 0);
    pull_error(ECONNRESET, 1, 3, 1);
    pull_error(EIO, 0, 1, 1);
    pull_error(EINTR, 1, 0, 1);
    pull_error_recv(ECONNRESET, "NORMAL", GNUTLS_SHUT_WR);
    pull_error_recv(EIO, "NORMAL", GNUTLS_SHUT_RDWR);
    pull_error_recv(ECONNRESET, "NORMAL:-VERS-ALL:+VERS-TLS1.2", GNUTLS_SHUT_WR);
    old_version_desc("NORMAL:-VERS-ALL:+VERS-TLS1.0");
    old_version_desc("NORMAL:-VERS-ALL:+VERS-TLS1.1");
    old_version_desc("NORMAL:-VERS-ALL:+VERS-TLS1.0:-KX-ALL:+RSA");
    heartbeat("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    heartbeat("NORMAL");
    dh_pubkey("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-RSA");
    dh_pubkey("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    session_flags("NORMAL", 0);
    session_flags("NORMAL:-VERS-ALL:+VERS-TLS1.2", 0);
    session_flags("NORMAL:-VERS-ALL:+VERS-TLS1.2", GNUTLS_NO_EXTENSIONS);
    session_flags("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC", 0);
    dh_pubkey("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    dh_pubkey("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-RSA:-CIPHER-ALL:+AES-128-CBC");

    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(scred);
    gnutls_global_deinit();
    return 0;
}
