/* Differential: handshake hooks (GNUTLS_HOOK_BOTH, every message) in DTLS
 * sessions at MTUs small enough that messages are sent in fragments.  The
 * body a side's hook gets for a message it sends must be the body the
 * peer's hook gets for it: each sent message is compared with the peer's
 * received one of the same type and rank, and the deterministic ones
 * (Certificate, ServerHelloDone) are shown by digest.  Then a server's
 * renegotiation the client accepts: no hook runs on a received
 * HelloRequest.  Last, the order of every hook a side runs, over TLS 1.3,
 * TLS 1.2 and DTLS 1.2: a received message's POST hook runs right after
 * its PRE hook, with the same body.  Output must match real GnuTLS. */
#include <gnutls/gnutls.h>
#include <gnutls/dtls.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-keys.h"

#define MAX_MSGS 64

struct seen {
    unsigned htype, when, incoming;
    size_t len;
    unsigned char *body;
    int data_rc; /* a received ticket's POST: gnutls_session_get_data2 there */
};

struct log {
    struct seen m[MAX_MSGS];
    int n;
};

static struct log logs[2]; /* client, server */

static int hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
    struct log *l = gnutls_session_get_ptr(s);
    if (l->n < MAX_MSGS) {
        struct seen *e = &l->m[l->n++];
        e->htype = htype;
        e->when = when;
        e->incoming = incoming;
        e->len = msg != NULL ? msg->size : 0;
        e->body = malloc(e->len ? e->len : 1);
        if (e->len)
            memcpy(e->body, msg->data, e->len);
        if (incoming && when == GNUTLS_HOOK_POST && htype == GNUTLS_HANDSHAKE_NEW_SESSION_TICKET) {
            gnutls_datum_t d = {NULL, 0};
            e->data_rc = gnutls_session_get_data2(s, &d);
            gnutls_free(d.data);
        }
    }
    return 0;
}

static unsigned fnv(const unsigned char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* The rank-th message of this type the log shows received (PRE). */
static const struct seen *received(const struct log *l, unsigned htype, int rank)
{
    for (int i = 0; i < l->n; i++)
        if (l->m[i].incoming && l->m[i].when == GNUTLS_HOOK_PRE && l->m[i].htype == htype && rank-- == 0)
            return &l->m[i];
    return NULL;
}

static void report(const char *who, const struct log *mine, const struct log *peer)
{
    for (int i = 0; i < mine->n; i++) {
        const struct seen *e = &mine->m[i];
        if (e->incoming || e->htype >= 256)
            continue;
        int rank = 0;
        for (int j = 0; j < i; j++)
            rank += !mine->m[j].incoming && mine->m[j].when == e->when && mine->m[j].htype == e->htype;
        const struct seen *r = received(peer, e->htype, rank);
        printf("  %s sent %s (%s): ", who, gnutls_handshake_description_get_name(e->htype),
               e->when == GNUTLS_HOOK_PRE ? "pre" : "post");
        if (r == NULL)
            printf("not seen by the peer\n");
        else
            printf("same as received %d\n", e->len == r->len && memcmp(e->body, r->body, e->len) == 0);
        if (e->htype == GNUTLS_HANDSHAKE_CERTIFICATE_PKT || e->htype == GNUTLS_HANDSHAKE_SERVER_HELLO_DONE)
            printf("    length %zu digest %08x\n", e->len, fnv(e->body, e->len));
    }
}

static void clear(struct log *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->m[i].body);
    l->n = 0;
}

static gnutls_certificate_credentials_t ccred, scred;
static gnutls_datum_t ticket_key;

/* A DTLS session (mtu != 0) or a TLS one. */
static gnutls_session_t new_session(unsigned flags, int fd, const char *prio, unsigned mtu, struct log *l)
{
    gnutls_session_t s;
    gnutls_init(&s, flags | (mtu ? GNUTLS_DATAGRAM : 0) | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, (flags & GNUTLS_SERVER) ? scred : ccred);
    gnutls_transport_set_int(s, fd);
    if (mtu)
        gnutls_dtls_set_mtu(s, mtu);
    gnutls_session_set_ptr(s, l);
    gnutls_handshake_set_hook_function(s, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_BOTH, hook);
    return s;
}


static const char *name(int r)
{
    return r == 0 ? "0" : gnutls_strerror_name(r);
}

/* The server asks for a renegotiation, the client accepts. */
static void renegotiate(gnutls_session_t c, gnutls_session_t s)
{
    unsigned char buf[64];
    int rs = gnutls_rehandshake(s), rc = GNUTLS_E_AGAIN;
    ssize_t r;
    int i = 0;
    do
        r = gnutls_record_recv(c, buf, sizeof buf);
    while (r == GNUTLS_E_AGAIN && ++i < 100000);
    printf("  renegotiation: client recv %s\n", name((int)r));
    for (i = 0; i < 2000 && (rc == GNUTLS_E_AGAIN || rs == GNUTLS_E_AGAIN); i++) {
        if (rc == GNUTLS_E_AGAIN)
            rc = gnutls_handshake(c);
        if (rs == GNUTLS_E_AGAIN)
            rs = gnutls_rehandshake(s);
    }
    rs = GNUTLS_E_AGAIN;
    for (i = 0; i < 2000 && (rc == GNUTLS_E_AGAIN || rs == GNUTLS_E_AGAIN); i++) {
        if (rc == GNUTLS_E_AGAIN)
            rc = gnutls_handshake(c);
        if (rs == GNUTLS_E_AGAIN)
            rs = gnutls_handshake(s);
    }
    printf("  renegotiation: client %s server %s\n", name(rc), name(rs));
}

/* Every hook the side ran, in order; for a received message's POST hook,
 * whether it got the body its PRE hook got.  (Sizes are not shown: hellos
 * differ between libraries.) */
static void sequence(const char *who, const struct log *l, int tls13)
{
    int tickets = 0;
    for (int i = 0; i < l->n; i++) {
        const struct seen *e = &l->m[i];
        /* A TLS 1.3 server's tickets: GnuTLS sends them before the client's
         * Finished arrives, OpenSSL after it; only their hooks are counted. */
        if (!e->incoming && e->htype == GNUTLS_HANDSHAKE_NEW_SESSION_TICKET && tls13) {
            tickets++;
            continue;
        }
        printf("  %s hook %u %s %s", who, e->htype, e->when == GNUTLS_HOOK_PRE ? "pre" : "post",
               e->incoming ? "received" : "sent");
        if (e->incoming && e->when == GNUTLS_HOOK_POST) {
            const struct seen *pre = i > 0 ? &l->m[i - 1] : NULL;
            if (pre == NULL || !pre->incoming || pre->when != GNUTLS_HOOK_PRE || pre->htype != e->htype ||
                pre->len < e->len || memcmp(pre->body + pre->len - e->len, e->body, e->len) != 0)
                printf(", not after its pre hook with its body");
            else if (pre->len == e->len)
                printf(", body of its pre hook");
            else /* GnuTLS: a TLS 1.3 NewSessionTicket's extensions */
                printf(", last %zu bytes of its pre hook's", e->len);
        }
        if (e->incoming && e->when == GNUTLS_HOOK_POST && e->htype == GNUTLS_HANDSHAKE_NEW_SESSION_TICKET)
            printf(", session data %s", name(e->data_rc));
        printf("\n");
    }
    if (tickets)
        printf("  %s hooks of TLS 1.3 tickets sent: %d\n", who, tickets);
}

/* mtu 0: TLS over a stream; order: show every hook in order instead of
 * comparing bodies. */
static void run(const char *prio, unsigned mtu, int reneg, int order)
{
    int sv[2];
    printf("mtu %u %s%s\n", mtu, prio, reneg ? ", then a renegotiation" : "");
    if (socketpair(AF_UNIX, mtu ? SOCK_DGRAM : SOCK_STREAM, 0, sv) != 0)
        abort();
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio, mtu, &logs[0]);
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio, mtu, &logs[1]);
    if (order)
        gnutls_session_ticket_enable_server(s, &ticket_key);
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 2000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0 && (rc = gnutls_handshake(c)) < 0 && gnutls_error_is_fatal(rc))
            break;
        if (rs != 0 && (rs = gnutls_handshake(s)) < 0 && gnutls_error_is_fatal(rs))
            break;
    }
    printf("  handshake: client %s server %s\n", gnutls_strerror_name(rc) ? gnutls_strerror_name(rc) : "0",
           gnutls_strerror_name(rs) ? gnutls_strerror_name(rs) : "0");
    if (order) {
        /* (a TLS 1.3 ticket arrives with the first record) */
        unsigned char b[8];
        ssize_t r = GNUTLS_E_AGAIN;
        gnutls_record_send(s, "x", 1);
        for (int i = 0; i < 100000 && r == GNUTLS_E_AGAIN; i++)
            r = gnutls_record_recv(c, b, sizeof b);
        printf("  client recv %zd\n", r);
        int tls13 = gnutls_protocol_get_version(c) == GNUTLS_TLS1_3;
        sequence("client", &logs[0], tls13);
        sequence("server", &logs[1], tls13);
    } else {
        report("client", &logs[0], &logs[1]);
        report("server", &logs[1], &logs[0]);
    }
    clear(&logs[0]);
    clear(&logs[1]);
    if (reneg && rc == 0 && rs == 0) {
        renegotiate(c, s);
        report("client", &logs[0], &logs[1]);
        report("server", &logs[1], &logs[0]);
        clear(&logs[0]);
        clear(&logs[1]);
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_session_ticket_key_generate(&ticket_key);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &crt, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(ccred, &crt, GNUTLS_X509_FMT_PEM);

    static const char *const prios[] = {
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.0",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1",
    };
    static const unsigned mtus[] = {1200, 400, 150, 90};
    for (size_t i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (size_t j = 0; j < sizeof mtus / sizeof mtus[0]; j++)
            run(prios[i], mtus[j], 0, 0);
    /* (a renegotiation at 1500: its messages, at epoch 1, are not fragmented) */
    run(prios[0], 1500, 1, 0);
    run(prios[1], 1500, 1, 0);
    run("NORMAL:-VERS-ALL:+VERS-TLS1.3", 0, 0, 1);
    run("NORMAL:-VERS-ALL:+VERS-TLS1.2", 0, 0, 1);
    run(prios[0], 1200, 0, 1);

    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(scred);
    gnutls_free(ticket_key.data);
    gnutls_global_deinit();
    return 0;
}
