/* tls room: DTLS (GNUTLS_DATAGRAM) between a gnossl client and a gnossl
 * server: an in-memory datagram transport with injected loss, duplication
 * and reordering (non-blocking, one thread), and blocking sessions on a
 * SOCK_DGRAM socketpair in two threads; handshake timeouts, MTU and
 * GNUTLS_E_LARGE_PACKET, and GnuTLS's cookie exchange. */
#include "test-tls-helpers.h"

#include <gnutls/dtls.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

/* ---- in-memory datagram transport ---- */

#define DQ_MAX 512

struct dgram {
    unsigned char *data;
    size_t len;
};

struct dqueue {
    struct dgram q[DQ_MAX];
    size_t head, n;
};

struct dend {
    gnutls_session_t s;
    struct dqueue *in, *out;
    unsigned loss_pct, dup_pct, reorder_pct; /* applied to what this end sends */
    unsigned sent, dropped, duplicated, reordered;
    unsigned drop_first; /* drop this many datagrams first */
    int emsgsize_over;   /* push fails with EMSGSIZE above this size (0 = never) */
    unsigned rng;
};

static unsigned rnd(struct dend *e)
{
    e->rng = e->rng * 1103515245u + 12345u;
    return (e->rng >> 16) % 100u;
}

static void dq_put(struct dqueue *q, const void *d, size_t n)
{
    ck_assert_uint_lt(q->n, DQ_MAX);
    struct dgram *g = &q->q[(q->head + q->n) % DQ_MAX];
    g->data = malloc(n ? n : 1);
    memcpy(g->data, d, n);
    g->len = n;
    q->n++;
}

static void dq_clear(struct dqueue *q)
{
    while (q->n > 0) {
        free(q->q[q->head].data);
        q->head = (q->head + 1) % DQ_MAX;
        q->n--;
    }
}

static ssize_t d_push(gnutls_transport_ptr_t ptr, const void *data, size_t n)
{
    struct dend *e = ptr;
    e->sent++;
    if (e->emsgsize_over && n > (size_t)e->emsgsize_over) {
        gnutls_transport_set_errno(e->s, EMSGSIZE);
        return -1;
    }
    if (e->drop_first > 0) {
        e->drop_first--;
        e->dropped++;
        return (ssize_t)n;
    }
    if (rnd(e) < e->loss_pct) {
        e->dropped++;
        return (ssize_t)n;
    }
    dq_put(e->out, data, n);
    if (rnd(e) < e->dup_pct) {
        dq_put(e->out, data, n);
        e->duplicated++;
    }
    if (e->out->n >= 2 && rnd(e) < e->reorder_pct) {
        /* swap the last two datagrams */
        struct dgram *a = &e->out->q[(e->out->head + e->out->n - 1) % DQ_MAX];
        struct dgram *b = &e->out->q[(e->out->head + e->out->n - 2) % DQ_MAX];
        struct dgram t = *a;
        *a = *b;
        *b = t;
        e->reordered++;
    }
    return (ssize_t)n;
}

static ssize_t d_pull(gnutls_transport_ptr_t ptr, void *data, size_t n)
{
    struct dend *e = ptr;
    if (e->in->n == 0) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    struct dgram *g = &e->in->q[e->in->head];
    size_t k = g->len < n ? g->len : n; /* a datagram is read whole or truncated */
    memcpy(data, g->data, k);
    free(g->data);
    e->in->head = (e->in->head + 1) % DQ_MAX;
    e->in->n--;
    return (ssize_t)k;
}

static int d_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
    struct dend *e = ptr;
    (void)ms; /* one thread: never wait */
    return e->in->n > 0;
}

struct dpair {
    struct dqueue c2s, s2c;
    struct dend client, server;
    gnutls_certificate_credentials_t ccred, scred;
};

static void dend_init(struct dend *e, struct dpair *p, int server, const char *prio)
{
    ck_assert_int_eq(gnutls_init(&e->s, (server ? GNUTLS_SERVER : GNUTLS_CLIENT) | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(e->s, prio, NULL), 0);
    ck_assert_int_eq(gnutls_credentials_set(e->s, GNUTLS_CRD_CERTIFICATE, server ? p->scred : p->ccred), 0);
    e->in = server ? &p->c2s : &p->s2c;
    e->out = server ? &p->s2c : &p->c2s;
    e->rng = server ? 7u : 3u;
    gnutls_transport_set_ptr(e->s, e);
    gnutls_transport_set_push_function(e->s, d_push);
    gnutls_transport_set_pull_function(e->s, d_pull);
    gnutls_transport_set_pull_timeout_function(e->s, d_pull_timeout);
    gnutls_dtls_set_timeouts(e->s, 20, 20000);
}

static void dpair_creds(struct dpair *p)
{
    tt_pki_setup();
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->ccred), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->scred), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(p->scred, tt_rsa_crt, tt_rsa_key, GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_gt(gnutls_certificate_set_x509_trust_file(p->ccred, tt_rsa_crt, GNUTLS_X509_FMT_PEM), 0);
}

static void dpair_init(struct dpair *p, const char *prio)
{
    memset(p, 0, sizeof *p);
    dpair_creds(p);
    dend_init(&p->client, p, 0, prio);
    dend_init(&p->server, p, 1, prio);
}

static void dpair_free(struct dpair *p)
{
    if (p->client.s)
        gnutls_deinit(p->client.s);
    if (p->server.s)
        gnutls_deinit(p->server.s);
    dq_clear(&p->c2s);
    dq_clear(&p->s2c);
    gnutls_certificate_free_credentials(p->ccred);
    gnutls_certificate_free_credentials(p->scred);
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Drive both handshakes (non-blocking); sleep a little when both wait so
 * that retransmission timers can fire. */
static void dpair_handshake(struct dpair *p, int *rc, int *rs)
{
    *rc = *rs = GNUTLS_E_AGAIN;
    uint64_t start = now_ms();
    while ((*rc != 0 || *rs != 0) && now_ms() - start < 15000) {
        unsigned char scratch[64];
        if (*rc != 0)
            *rc = gnutls_handshake(p->client.s);
        else /* done first: a lost last flight is resent from the record layer */
            ck_assert_int_eq(gnutls_record_recv(p->client.s, scratch, sizeof scratch), GNUTLS_E_AGAIN);
        if (*rs != 0)
            *rs = gnutls_handshake(p->server.s);
        else
            ck_assert_int_eq(gnutls_record_recv(p->server.s, scratch, sizeof scratch), GNUTLS_E_AGAIN);
        if ((*rc < 0 && gnutls_error_is_fatal(*rc)) || (*rs < 0 && gnutls_error_is_fatal(*rs)))
            break;
        if (p->c2s.n == 0 && p->s2c.n == 0)
            usleep(1000);
    }
}

static ssize_t recv_some(struct dend *e, void *buf, size_t n)
{
    ssize_t r;
    int i = 0;
    do
        r = gnutls_record_recv(e->s, buf, n);
    while (r == GNUTLS_E_AGAIN && e->in->n > 0 && ++i < 1000);
    return r;
}

static const char *const prios[] = {
    "NORMAL",
    "NORMAL:-VERS-ALL:+VERS-DTLS1.0",
    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1",
};
static const gnutls_protocol_t prio_version[] = {GNUTLS_DTLS1_2, GNUTLS_DTLS1_0, GNUTLS_DTLS1_2};

START_TEST(handshake_and_data)
{
    struct dpair p;
    int rc, rs;
    dpair_init(&p, prios[_i]);
    dpair_handshake(&p, &rc, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    ck_assert_int_eq(gnutls_protocol_get_version(p.client.s), prio_version[_i]);
    ck_assert_int_eq(gnutls_protocol_get_version(p.server.s), prio_version[_i]);
    /* each send is one record in one datagram; each recv returns one */
    unsigned char buf[2000], msg[1000];
    for (int i = 0; i < 50; i++) {
        size_t n = 1 + (size_t)(i * 37) % sizeof msg;
        memset(msg, i, n);
        unsigned before = p.client.sent;
        ck_assert_int_eq(gnutls_record_send(p.client.s, msg, n), (ssize_t)n);
        ck_assert_uint_eq(p.client.sent, before + 1);
        ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), (ssize_t)n);
        ck_assert(memcmp(buf, msg, n) == 0);
        ck_assert_int_eq(gnutls_record_send(p.server.s, msg, n), (ssize_t)n);
        ck_assert_int_eq(recv_some(&p.client, buf, sizeof buf), (ssize_t)n);
    }
    /* nothing queued: AGAIN */
    ck_assert_int_eq(gnutls_record_recv(p.client.s, buf, sizeof buf), GNUTLS_E_AGAIN);
    ck_assert_int_eq(gnutls_bye(p.client.s, GNUTLS_SHUT_WR), 0);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 0);
    dpair_free(&p);
}
END_TEST

/* Loss, duplication and reordering during the handshake: OpenSSL
 * retransmits on the timers set by gnutls_dtls_set_timeouts. */
START_TEST(lossy_handshake)
{
    static const unsigned loss[] = {10, 25, 10, 0};
    static const unsigned dup[] = {0, 0, 20, 30};
    static const unsigned reorder[] = {0, 0, 20, 30};
    for (int round = 0; round < 3; round++) {
        struct dpair p;
        int rc, rs;
        dpair_init(&p, prios[round % 2]);
        struct dend *ends[2] = {&p.client, &p.server};
        for (int k = 0; k < 2; k++) {
            ends[k]->loss_pct = loss[_i];
            ends[k]->dup_pct = dup[_i];
            ends[k]->reorder_pct = reorder[_i];
            ends[k]->rng = 11u * (unsigned)(round + 1) + (unsigned)k * 5u + (unsigned)_i;
        }
        p.server.drop_first = loss[_i] > 0 ? 1 : 0; /* at least one lost datagram */
        dpair_handshake(&p, &rc, &rs);
        ck_assert_msg(rc == 0 && rs == 0, "loss %u%%: client %d server %d", loss[_i], rc, rs);
        ck_assert_uint_ge(p.client.sent + p.server.sent, 5); /* 4 flights at least */
        if (loss[_i] > 0)
            ck_assert_uint_gt(p.client.dropped + p.server.dropped, 0);

        /* records over the same lossy link: what arrives is intact, in
         * order, and never twice (OpenSSL's replay window) */
        unsigned char buf[600], msg[500];
        unsigned next = 0, got = 0;
        for (unsigned i = 0; i < 200; i++) {
            memset(msg, (int)(i & 0xff), sizeof msg);
            msg[0] = (unsigned char)(i >> 8);
            msg[1] = (unsigned char)i;
            ck_assert_int_eq(gnutls_record_send(p.client.s, msg, sizeof msg), (ssize_t)sizeof msg);
            for (;;) {
                ssize_t r = gnutls_record_recv(p.server.s, buf, sizeof buf);
                if (r == GNUTLS_E_AGAIN && p.c2s.n > 0)
                    continue;
                if (r == GNUTLS_E_AGAIN)
                    break;
                ck_assert_int_eq(r, (ssize_t)sizeof msg);
                unsigned seq = (unsigned)buf[0] << 8 | buf[1];
                ck_assert_uint_ge(seq, next);
                ck_assert_int_eq(buf[sizeof msg - 1], (int)(seq & 0xff));
                next = seq + 1;
                got++;
            }
        }
        ck_assert_uint_le(got, 200);
        if (loss[_i] == 0)
            ck_assert_uint_ge(got, 200 - p.client.reordered);
        ck_assert_uint_gt(got, 100);
        if (dup[_i] > 0)
            ck_assert_uint_gt(p.client.duplicated, 0);
        if (reorder[_i] > 0)
            ck_assert_uint_gt(p.client.reordered, 0);
        dpair_free(&p);
    }
}
END_TEST

/* 5 MB in full records over a link that loses 10 %, duplicates and
 * reorders 5 % (records go out in bursts of 8, so neighbours swap): every
 * record that arrives is intact and arrives once (replays are dropped and
 * counted by gnutls_record_get_discarded), about 90 % arrive. */
START_TEST(bulk_over_lossy_link)
{
    struct dpair p;
    int rc, rs;
    dpair_init(&p, "NORMAL");
    dpair_handshake(&p, &rc, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    unsigned hs_sent = p.client.sent; /* the handshake's datagrams */
    p.client.loss_pct = 10;
    p.client.dup_pct = 5;
    p.client.reorder_pct = 5;
    unsigned dm = gnutls_dtls_get_data_mtu(p.client.s);
    ck_assert_uint_gt(dm, 1000);
    unsigned n = (5u << 20) / dm + 1, got = 0, out_of_order = 0, last = 0;
    unsigned char *msg = malloc(dm), *buf = malloc(dm + 100), *seen = calloc(n + 1, 1);
    ck_assert_uint_eq(gnutls_record_get_discarded(p.server.s), 0);
    for (unsigned i = 1; i <= n; i++) {
        for (unsigned k = 0; k < dm; k++)
            msg[k] = (unsigned char)(i * 31 + k);
        msg[0] = (unsigned char)(i >> 16);
        msg[1] = (unsigned char)(i >> 8);
        msg[2] = (unsigned char)i;
        ck_assert_int_eq(gnutls_record_send(p.client.s, msg, dm), (ssize_t)dm);
        if (i % 8 != 0 && i != n)
            continue;
        ssize_t r;
        while ((r = gnutls_record_recv(p.server.s, buf, dm + 100)) != GNUTLS_E_AGAIN || p.c2s.n > 0) {
            if (r == GNUTLS_E_AGAIN)
                continue;
            ck_assert_int_eq(r, (ssize_t)dm);
            unsigned seq = (unsigned)buf[0] << 16 | (unsigned)buf[1] << 8 | buf[2];
            ck_assert_uint_ge(seq, 1);
            ck_assert_uint_le(seq, n);
            ck_assert_int_eq(seen[seq], 0);
            seen[seq] = 1;
            if (seq < last)
                out_of_order++;
            last = seq;
            unsigned bad = 0;
            for (unsigned k = 3; k < dm; k++)
                bad |= buf[k] ^ (unsigned char)(seq * 31 + k);
            ck_assert_uint_eq(bad, 0);
            got++;
        }
    }
    ck_assert_uint_gt(p.client.dropped, n / 20);
    ck_assert_uint_gt(p.client.reordered, n / 50);
    ck_assert_uint_gt(out_of_order, 0); /* within the replay window: delivered */
    ck_assert_uint_gt(got, n * 8 / 10);
    ck_assert_uint_le(got, n - p.client.dropped);
    /* one record per datagram: every datagram that arrived gave its record
     * or was discarded (the duplicates) */
    unsigned discarded = gnutls_record_get_discarded(p.server.s);
    ck_assert_uint_ge(discarded, p.client.duplicated);
    ck_assert_uint_eq(got + discarded, p.client.sent - hs_sent - p.client.dropped + p.client.duplicated);
    free(msg);
    free(buf);
    free(seen);
    dpair_free(&p);
}
END_TEST

START_TEST(nonblocking_timeout)
{
    struct dpair p;
    dpair_init(&p, "NORMAL");
    gnutls_dtls_set_timeouts(p.client.s, 50, 300);
    ck_assert_uint_eq(gnutls_dtls_get_timeout(p.client.s), 0);
    uint64_t start = now_ms();
    int r = gnutls_handshake(p.client.s);
    ck_assert_int_eq(r, GNUTLS_E_AGAIN);
    unsigned t = gnutls_dtls_get_timeout(p.client.s);
    ck_assert_uint_gt(t, 0);
    ck_assert_uint_le(t, 50);
    ck_assert_uint_eq(p.c2s.n, 1); /* the ClientHello */
    /* calling again before the timer: nothing is resent */
    r = gnutls_handshake(p.client.s);
    ck_assert_int_eq(r, GNUTLS_E_AGAIN);
    ck_assert_uint_eq(p.c2s.n, 1);
    /* after it: the hello is retransmitted */
    usleep(70000);
    r = gnutls_handshake(p.client.s);
    ck_assert_int_eq(r, GNUTLS_E_AGAIN);
    ck_assert_uint_eq(p.c2s.n, 2);
    while ((r = gnutls_handshake(p.client.s)) == GNUTLS_E_AGAIN && now_ms() - start < 3000)
        usleep(5000);
    ck_assert_int_eq(r, GNUTLS_E_TIMEDOUT);
    uint64_t took = now_ms() - start;
    ck_assert_uint_ge(took, 290);
    ck_assert_uint_lt(took, 1000);
    ck_assert_int_eq(gnutls_handshake(p.client.s), GNUTLS_E_TIMEDOUT);
    dpair_free(&p);
}
END_TEST

START_TEST(mtu_and_large_packet)
{
    struct dpair p;
    int rc, rs;
    dpair_init(&p, "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-GCM");
    ck_assert_uint_eq(gnutls_dtls_get_mtu(p.client.s), 1200);
    ck_assert_uint_eq(gnutls_dtls_get_data_mtu(p.client.s), 1187);
    ck_assert_int_eq(gnutls_dtls_set_data_mtu(p.client.s, 500), GNUTLS_E_INVALID_SESSION);
    gnutls_dtls_set_mtu(p.client.s, 400);
    gnutls_dtls_set_mtu(p.server.s, 400);
    dpair_handshake(&p, &rc, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    /* GCM: header 13, explicit nonce 8, tag 16 */
    ck_assert_uint_eq(gnutls_dtls_get_data_mtu(p.client.s), 400 - 37);
    unsigned char big[2000], buf[2000];
    memset(big, 0x5a, sizeof big);
    ck_assert_int_eq(gnutls_record_send(p.client.s, big, 364), GNUTLS_E_LARGE_PACKET);
    ck_assert_int_eq(gnutls_record_send(p.client.s, big, 363), 363);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 363);
    ck_assert_int_eq(gnutls_dtls_set_data_mtu(p.client.s, 1000), 0);
    ck_assert_uint_eq(gnutls_dtls_get_mtu(p.client.s), 1037);
    ck_assert_int_eq(gnutls_record_send(p.client.s, big, 1000), 1000);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 1000);
    /* the session survives LARGE_PACKET; a push failing with EMSGSIZE
     * gives LARGE_PACKET too */
    p.client.emsgsize_over = 600;
    ck_assert_int_eq(gnutls_record_send(p.client.s, big, 800), GNUTLS_E_LARGE_PACKET);
    ck_assert_int_eq(gnutls_record_send(p.client.s, big, 500), 500);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 500);
    dpair_free(&p);
}
END_TEST

/* The transport refuses big datagrams during the handshake (EMSGSIZE):
 * gnutls_handshake returns LARGE_PACKET, the application lowers the MTU and
 * the handshake goes on. */
START_TEST(handshake_emsgsize)
{
    struct dpair p;
    dpair_init(&p, "NORMAL");
    p.server.emsgsize_over = 600;
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, large = 0;
    uint64_t start = now_ms();
    while ((rc != 0 || rs != 0) && now_ms() - start < 10000) {
        if (rc != 0) {
            rc = gnutls_handshake(p.client.s);
            ck_assert_msg(rc == 0 || rc == GNUTLS_E_AGAIN, "client %d", rc);
        }
        if (rs != 0) {
            rs = gnutls_handshake(p.server.s);
            if (rs == GNUTLS_E_LARGE_PACKET) {
                ck_assert_int_eq(large++, 0);
                gnutls_dtls_set_mtu(p.server.s, 600);
                continue;
            }
            ck_assert_msg(rs == 0 || rs == GNUTLS_E_AGAIN, "server %d", rs);
        }
        if (p.c2s.n == 0 && p.s2c.n == 0)
            usleep(1000);
    }
    ck_assert_int_eq(large, 1);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    unsigned char buf[100];
    ck_assert_int_eq(gnutls_record_send(p.server.s, "after", 5), 5);
    ck_assert_int_eq(recv_some(&p.client, buf, sizeof buf), 5);
    dpair_free(&p);
}
END_TEST

static ssize_t blocked_push(gnutls_transport_ptr_t ptr, const void *data, size_t n)
{
    struct dend *e = ptr;
    (void)data;
    (void)n;
    gnutls_transport_set_errno(e->s, EAGAIN);
    return -1;
}

/* Handshake messages are fragmented to the MTU: every datagram fits. */
static unsigned max_dgram;
static ssize_t measuring_push(gnutls_transport_ptr_t ptr, const void *data, size_t n)
{
    if (n > max_dgram)
        max_dgram = (unsigned)n;
    return d_push(ptr, data, n);
}

START_TEST(small_mtu_fragments)
{
    struct dpair p;
    int rc, rs;
    dpair_init(&p, "NORMAL");
    gnutls_dtls_set_mtu(p.client.s, 300);
    gnutls_dtls_set_mtu(p.server.s, 300);
    gnutls_transport_set_push_function(p.server.s, measuring_push);
    max_dgram = 0;
    dpair_handshake(&p, &rc, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    ck_assert_uint_gt(max_dgram, 100);
    ck_assert_uint_le(max_dgram, 300);
    /* OpenSSL packs the records of a flight into datagrams up to the MTU:
     * at 1200 the server's first flight takes two, at 300 more */
    ck_assert_uint_gt(p.server.sent, 4);
    dpair_free(&p);
}
END_TEST

/* The server side of gnutls-serv --udp: HelloVerifyRequest from
 * gnutls_dtls_cookie_send, session started on the hello with the cookie. */
START_TEST(cookie_exchange)
{
    struct dpair p;
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    memset(&p, 0, sizeof p);
    dpair_creds(&p);
    dend_init(&p.client, &p, 0, prios[_i]);
    gnutls_datum_t key;
    ck_assert_int_eq(gnutls_key_generate(&key, GNUTLS_COOKIE_KEY_SIZE), 0);
    const char addr[] = "127.0.0.1:4433";
    gnutls_dtls_prestate_st pre;
    int hvr = 0;
    uint64_t start = now_ms();
    while ((rc != 0 || rs != 0) && now_ms() - start < 10000) {
        if (rc != 0) {
            rc = gnutls_handshake(p.client.s);
            ck_assert(rc == 0 || rc == GNUTLS_E_AGAIN);
        }
        if (p.server.s == NULL) {
            if (p.c2s.n == 0) {
                usleep(1000);
                continue;
            }
            struct dgram *g = &p.c2s.q[p.c2s.head];
            memset(&pre, 0, sizeof pre);
            int v = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, g->data, g->len, &pre);
            if (v < 0) {
                ck_assert_int_eq(v, GNUTLS_E_BAD_COOKIE);
                struct dend tmp = {.out = &p.s2c};
                ck_assert_int_eq(gnutls_dtls_cookie_send(&key, (void *)addr, sizeof addr, &pre, &tmp, d_push), 44);
                free(g->data);
                p.c2s.head = (p.c2s.head + 1) % DQ_MAX;
                p.c2s.n--;
                hvr++;
                continue;
            }
            ck_assert_uint_eq(pre.hsk_read_seq, 1);
            dend_init(&p.server, &p, 1, prios[_i]);
            gnutls_dtls_prestate_set(p.server.s, &pre);
        }
        if (rs != 0) {
            rs = gnutls_handshake(p.server.s);
            ck_assert_msg(rs == 0 || rs == GNUTLS_E_AGAIN, "server %d", rs);
        }
    }
    /* one per cookieless ClientHello: more when the client's 1 s timer
     * resent it before the server ran (slow runs, valgrind) */
    ck_assert_int_ge(hvr, 1);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    unsigned char buf[100];
    ck_assert_int_eq(gnutls_record_send(p.client.s, "hello", 5), 5);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 5);
    ck_assert_int_eq(gnutls_record_send(p.server.s, "world", 5), 5);
    ck_assert_int_eq(recv_some(&p.client, buf, sizeof buf), 5);
    ck_assert(memcmp(buf, "world", 5) == 0);
    gnutls_free(key.data);
    dpair_free(&p);
}
END_TEST

/* gnutls_record_discard_queued: DTLS drops the blocked datagram's record
 * (the next one arrives, the dropped one never); TLS drops the queued
 * record's bytes (GnuTLS: the stream is then broken, so only the count and
 * the state after are checked). */
START_TEST(discard_queued)
{
    struct dpair p;
    int rc, rs;
    dpair_init(&p, "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-GCM");
    dpair_handshake(&p, &rc, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    unsigned char buf[100];
    ck_assert_uint_eq(gnutls_record_discard_queued(p.client.s), 0);
    p.client.emsgsize_over = 0;
    p.client.drop_first = 0;
    gnutls_transport_set_push_function(p.client.s, blocked_push);
    ck_assert_int_eq(gnutls_record_send(p.client.s, "lost!", 5), GNUTLS_E_AGAIN);
    ck_assert_uint_eq(gnutls_record_discard_queued(p.client.s), 13 + 8 + 16 + 5);
    ck_assert_uint_eq(gnutls_record_discard_queued(p.client.s), 0);
    gnutls_transport_set_push_function(p.client.s, d_push);
    ck_assert_int_eq(gnutls_record_send(p.client.s, "kept", 4), 4);
    ck_assert_int_eq(recv_some(&p.server, buf, sizeof buf), 4);
    ck_assert(memcmp(buf, "kept", 4) == 0);
    ck_assert_int_eq(gnutls_record_recv(p.server.s, buf, sizeof buf), GNUTLS_E_AGAIN);
    dpair_free(&p);

    struct tt_pair tp;
    tt_pair_init(&tp, "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM", tt_rsa_key, tt_rsa_crt);
    ck_assert_int_eq(tt_handshake(&tp, &rc, &rs), 0);
    tp.client.block_writes = 1;
    ck_assert_int_eq(gnutls_record_send(tp.client.s, "lost!", 5), GNUTLS_E_AGAIN);
    size_t before = tt_pipe_avail(&tp.c2s);
    ck_assert_uint_eq(gnutls_record_discard_queued(tp.client.s), 5 + 8 + 16 + 5);
    ck_assert_uint_eq(tt_pipe_avail(&tp.c2s), before); /* nothing went out */
    ck_assert_uint_eq(gnutls_record_discard_queued(tp.client.s), 0);
    tp.client.block_writes = 0;
    ck_assert_int_eq(gnutls_record_send(tp.client.s, "next", 4), 4); /* a fresh record */
    ck_assert_uint_eq(tt_pipe_avail(&tp.c2s), before + 5 + 8 + 16 + 4);
    tt_pair_free(&tp);
}
END_TEST

/* ---- blocking sessions on a datagram socketpair, one thread each ---- */

struct bend {
    gnutls_session_t s;
    int fd;
    unsigned drop_first; /* datagrams the push drops */
    unsigned pushes;
    int hs, result;
    uint64_t took;
    gnutls_certificate_credentials_t cred;
    const char *prio;
    int server, silent_peer, prestate;
    unsigned retrans, total;
};

static ssize_t b_push(gnutls_transport_ptr_t ptr, const void *data, size_t n)
{
    struct bend *e = ptr;
    e->pushes++;
    if (e->drop_first > 0) {
        e->drop_first--;
        return (ssize_t)n;
    }
    return send(e->fd, data, n, 0);
}

static ssize_t b_pull(gnutls_transport_ptr_t ptr, void *data, size_t n)
{
    struct bend *e = ptr;
    return recv(e->fd, data, n, 0);
}

static int b_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
    struct bend *e = ptr;
    return gnutls_system_recv_timeout((gnutls_transport_ptr_t)(intptr_t)e->fd, ms);
}

static void *bend_run(void *arg)
{
    struct bend *e = arg;
    gnutls_init(&e->s, (e->server ? GNUTLS_SERVER : GNUTLS_CLIENT) | GNUTLS_DATAGRAM);
    gnutls_priority_set_direct(e->s, e->prio, NULL);
    gnutls_credentials_set(e->s, GNUTLS_CRD_CERTIFICATE, e->cred);
    gnutls_transport_set_ptr(e->s, e);
    gnutls_transport_set_push_function(e->s, b_push);
    gnutls_transport_set_pull_function(e->s, b_pull);
    gnutls_transport_set_pull_timeout_function(e->s, b_pull_timeout);
    gnutls_dtls_set_timeouts(e->s, e->retrans, e->total);
    if (e->prestate) {
        gnutls_dtls_prestate_st pre = {.record_seq = 1, .hsk_read_seq = 1, .hsk_write_seq = 0};
        gnutls_dtls_prestate_set(e->s, &pre);
    }
    uint64_t start = now_ms();
    do
        e->hs = gnutls_handshake(e->s);
    while (e->hs == GNUTLS_E_AGAIN || e->hs == GNUTLS_E_INTERRUPTED);
    e->took = now_ms() - start;
    e->result = e->hs;
    if (e->hs == 0) {
        char buf[100];
        if (e->server) {
            ssize_t r = gnutls_record_recv(e->s, buf, sizeof buf);
            e->result = r == 4 && memcmp(buf, "ping", 4) == 0 ? 0 : -1;
            if (gnutls_record_send(e->s, "pong", 4) != 4)
                e->result = -2;
        } else {
            if (gnutls_record_send(e->s, "ping", 4) != 4)
                e->result = -2;
            gnutls_record_set_timeout(e->s, 5000);
            ssize_t r = gnutls_record_recv(e->s, buf, sizeof buf);
            e->result = r == 4 && memcmp(buf, "pong", 4) == 0 ? e->result : -1;
        }
    }
    return NULL;
}

START_TEST(blocking_retransmission)
{
    struct dpair creds;
    memset(&creds, 0, sizeof creds);
    dpair_creds(&creds);
    int sv[2];
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    struct bend c = {.fd = sv[0], .cred = creds.ccred, .prio = prios[_i], .retrans = 100, .total = 10000};
    struct bend s = {.fd = sv[1], .cred = creds.scred, .prio = prios[_i], .server = 1, .retrans = 100, .total = 10000};
    c.drop_first = 1; /* the first ClientHello */
    s.drop_first = 2; /* part of the server's first flight */
    pthread_t tc, ts;
    pthread_create(&ts, NULL, bend_run, &s);
    pthread_create(&tc, NULL, bend_run, &c);
    pthread_join(tc, NULL);
    pthread_join(ts, NULL);
    ck_assert_int_eq(c.hs, 0);
    ck_assert_int_eq(s.hs, 0);
    ck_assert_int_eq(c.result, 0);
    ck_assert_int_eq(s.result, 0);
    ck_assert_uint_ge(c.took, 100); /* waited for at least one timer */
    ck_assert_uint_lt(c.took, 5000);
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    close(sv[0]);
    close(sv[1]);
    gnutls_certificate_free_credentials(creds.ccred);
    gnutls_certificate_free_credentials(creds.scred);
}
END_TEST

START_TEST(blocking_timeout)
{
    struct dpair creds;
    memset(&creds, 0, sizeof creds);
    dpair_creds(&creds);
    int sv[2];
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    struct bend c = {.fd = sv[0], .cred = creds.ccred, .prio = "NORMAL", .retrans = 40, .total = 400};
    bend_run(&c);
    ck_assert_int_eq(c.hs, GNUTLS_E_TIMEDOUT);
    ck_assert_uint_ge(c.took, 390);
    ck_assert_uint_lt(c.took, 1500);
    /* 40, 80, 160 ms: the hello went out 4 times before 400 ms */
    ck_assert_uint_ge(c.pushes, 3);
    ck_assert_uint_le(c.pushes, 5);
    gnutls_deinit(c.s);

    /* a server after a cookie exchange whose hello never comes */
    close(sv[0]);
    close(sv[1]);
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    struct bend s = {.fd = sv[1], .cred = creds.scred, .prio = "NORMAL", .server = 1, .prestate = 1,
                     .retrans = 40, .total = 300};
    bend_run(&s);
    ck_assert_int_eq(s.hs, GNUTLS_E_TIMEDOUT);
    ck_assert_uint_ge(s.took, 290);
    ck_assert_uint_lt(s.took, 1500);
    ck_assert_int_eq(gnutls_handshake(s.s), GNUTLS_E_TIMEDOUT);
    gnutls_deinit(s.s);
    close(sv[0]);
    close(sv[1]);
    gnutls_certificate_free_credentials(creds.ccred);
    gnutls_certificate_free_credentials(creds.scred);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tls-dtls");
    TCase *tc = tcase_create("dtls");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, handshake_and_data, 0, 3);
    tcase_add_loop_test(tc, lossy_handshake, 0, 4);
    tcase_add_test(tc, bulk_over_lossy_link);
    tcase_add_test(tc, nonblocking_timeout);
    tcase_add_test(tc, mtu_and_large_packet);
    tcase_add_test(tc, small_mtu_fragments);
    tcase_add_test(tc, handshake_emsgsize);
    tcase_add_loop_test(tc, cookie_exchange, 0, 2);
    tcase_add_test(tc, discard_queued);
    tcase_add_loop_test(tc, blocking_retransmission, 0, 2);
    tcase_add_test(tc, blocking_timeout);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gnutls_global_init();
    tt_pki_setup(); /* once, before the forked tests */
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    tt_pki_cleanup();
    gnutls_global_deinit();
    return failed ? 1 : 0;
}
