/* Differential: DTLS sessions (GNUTLS_DATAGRAM) over a SOCK_DGRAM
 * socketpair: defaults and MTU arithmetic, negotiated versions and suites,
 * GNUTLS_E_LARGE_PACKET at the data MTU, gnutls_dtls_set_data_mtu, the
 * stateless cookie functions (exact HelloVerifyRequest bytes, verification
 * of good and bad hellos, prestate) and a server that uses them as
 * gnutls-serv --udp does, MTUs below 256, the handshake timeout, alerts an application
 * sends after the handshake, and a server's rehandshake request accepted,
 * refused or ignored.  Output must match real GnuTLS. */
#include <gnutls/gnutls.h>
#include <gnutls/dtls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"

static gnutls_certificate_credentials_t ccred, scred;

static void dgram_pair(int sv[2])
{
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
}

static gnutls_session_t new_session(unsigned flags, int fd, const char *prio)
{
    gnutls_session_t s;
    gnutls_init(&s, flags | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    int r = gnutls_priority_set_direct(s, prio, NULL);
    if (r < 0)
        printf("  priority %s: %s\n", prio, code(r));
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, (flags & GNUTLS_SERVER) ? scred : ccred);
    if (fd >= 0)
        gnutls_transport_set_int(s, fd);
    return s;
}

static int handshake2(gnutls_session_t c, gnutls_session_t s)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 2000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc < 0 && gnutls_error_is_fatal(rc)) {
                printf("  handshake failed: client %s\n", code(rc));
                return -1;
            }
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs < 0 && gnutls_error_is_fatal(rs)) {
                printf("  handshake failed: server %s\n", code(rs));
                return -1;
            }
        }
    }
    printf("  handshake: client %s server %s\n", code(rc), code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

static ssize_t recv_wait(gnutls_session_t s, void *b, size_t n)
{
    ssize_t r;
    int i = 0;
    do
        r = gnutls_record_recv(s, b, n);
    while (r == GNUTLS_E_AGAIN && ++i < 100000);
    return r;
}

/* Receive one record and print its epoch and sequence number. */
static ssize_t recv_seq_wait(gnutls_session_t s, void *b, size_t n)
{
    unsigned char seq[8];
    ssize_t r;
    int i = 0;
    memset(seq, 0xee, sizeof seq);
    do
        r = gnutls_record_recv_seq(s, b, n, seq);
    while (r == GNUTLS_E_AGAIN && ++i < 100000);
    printf("  record sequence %02x%02x%02x%02x%02x%02x%02x%02x\n", seq[0], seq[1], seq[2], seq[3], seq[4], seq[5],
           seq[6], seq[7]);
    return r;
}

static void describe(gnutls_session_t s)
{
    printf("  version %s cipher %s mac %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(s)),
           gnutls_cipher_get_name(gnutls_cipher_get(s)), gnutls_mac_get_name(gnutls_mac_get(s)));
    char *desc = gnutls_session_get_desc(s);
    printf("  %s etm %u\n", desc ? desc : "(no description)", gnutls_session_etm_status(s));
    gnutls_free(desc);
}

static unsigned char big[20000];

static int psk_lookup(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
    static const unsigned char k[16] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
    (void)s;
    if (strcmp(user, "dtls-user") != 0)
        return -1;
    key->data = gnutls_malloc(sizeof k);
    memcpy(key->data, k, sizeof k);
    key->size = sizeof k;
    return 0;
}

static int push_fd, push_blocked;
static ssize_t blocking_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
    (void)p;
    if (push_blocked) {
        errno = EAGAIN;
        return -1;
    }
    return send(push_fd, data, n, 0);
}

/* One session pair over a datagram socketpair with priority `prio`. */
static void session_case(const char *prio)
{
    int sv[2];
    printf("session %s\n", prio);
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio);
    if (handshake2(c, s) == 0) {
        describe(c);
        unsigned dm = gnutls_dtls_get_data_mtu(c);
        printf("  mtu %u data mtu %u server data mtu %u\n", gnutls_dtls_get_mtu(c), dm,
               gnutls_dtls_get_data_mtu(s));
        printf("  overhead %u\n", (unsigned)gnutls_record_overhead_size(c));
        ssize_t r = gnutls_record_send(c, big, dm + 1);
        printf("  send data mtu + 1: %s\n", code((int)r));
        r = gnutls_record_send(c, big, dm);
        printf("  send data mtu: %s\n", code((int)r));
        unsigned char buf[20000];
        r = recv_seq_wait(s, buf, sizeof buf);
        printf("  server received %s intact %d\n", code((int)r), r > 0 && memcmp(buf, big, (size_t)r) == 0);
        r = gnutls_record_send(s, "pong", 4);
        printf("  server send %s\n", code((int)r));
        r = recv_wait(c, buf, sizeof buf);
        printf("  client received %s '%.*s'\n", code((int)r), r > 0 ? (int)r : 0, (char *)buf);
        /* a send that blocks, its record discarded, then another one */
        printf("  discard with nothing queued: %u\n", (unsigned)gnutls_record_discard_queued(c));
        push_fd = sv[0];
        push_blocked = 1;
        gnutls_transport_set_push_function(c, blocking_push);
        r = gnutls_record_send(c, "lost", 4);
        printf("  blocked send: %s\n", code((int)r));
        printf("  discarded bytes: %u\n", (unsigned)gnutls_record_discard_queued(c));
        printf("  again: %u\n", (unsigned)gnutls_record_discard_queued(c));
        push_blocked = 0;
        r = gnutls_record_send(c, "kept", 4);
        printf("  next send: %s\n", code((int)r));
        r = recv_seq_wait(s, buf, sizeof buf);
        printf("  server received %s '%.*s'\n", code((int)r), r > 0 ? (int)r : 0, (char *)buf);
        /* a replayed and a corrupted copy of a record are discarded */
        r = gnutls_record_send(c, "dup", 3);
        unsigned char copy[2048];
        ssize_t cn = recv(sv[1], copy, sizeof copy, MSG_PEEK);
        if (cn > 0)
            send(sv[0], copy, (size_t)cn, 0);
        printf("  discarded before: %u\n", gnutls_record_get_discarded(s));
        r = recv_wait(s, buf, sizeof buf);
        printf("  server received %s\n", code((int)r));
        r = gnutls_record_recv(s, buf, sizeof buf);
        printf("  replayed: %s discarded %u\n", code((int)r), gnutls_record_get_discarded(s));
        r = gnutls_record_send(c, "bad", 3);
        cn = recv(sv[1], copy, sizeof copy, 0);
        if (cn > 0) {
            copy[cn - 1] ^= 0x55;
            send(sv[0], copy, (size_t)cn, 0);
        }
        r = gnutls_record_recv(s, buf, sizeof buf);
        printf("  corrupted: %s discarded %u\n", code((int)r), gnutls_record_get_discarded(s));
        r = gnutls_record_send(c, "ok", 2);
        r = recv_seq_wait(s, buf, sizeof buf);
        printf("  next: %s discarded %u\n", code((int)r), gnutls_record_get_discarded(s));
        int e = gnutls_dtls_set_data_mtu(c, 1000);
        printf("  set data mtu 1000: %s mtu %u data mtu %u\n", code(e), gnutls_dtls_get_mtu(c),
               gnutls_dtls_get_data_mtu(c));
        e = gnutls_dtls_set_data_mtu(c, 300);
        printf("  set data mtu 300: %s mtu %u data mtu %u\n", code(e), gnutls_dtls_get_mtu(c),
               gnutls_dtls_get_data_mtu(c));
        r = gnutls_record_send(c, big, 301);
        printf("  send 301: %s\n", code((int)r));
        r = gnutls_record_send(c, big, 300);
        printf("  send 300: %s\n", code((int)r));
        r = recv_seq_wait(s, buf, sizeof buf);
        printf("  server received %s\n", code((int)r));
        e = gnutls_bye(c, GNUTLS_SHUT_WR);
        printf("  bye %s\n", code(e));
        r = recv_wait(s, buf, sizeof buf);
        printf("  server after bye %s\n", code((int)r));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

static void defaults(void)
{
    gnutls_session_t s;
    printf("defaults\n");
    gnutls_init(&s, GNUTLS_CLIENT | GNUTLS_DATAGRAM);
    printf("  mtu %u data mtu %u timeout %u\n", gnutls_dtls_get_mtu(s), gnutls_dtls_get_data_mtu(s),
           gnutls_dtls_get_timeout(s));
    printf("  set data mtu before handshake: %s\n", code(gnutls_dtls_set_data_mtu(s, 1000)));
    unsigned mtus[] = {500, 1500, 16384, 20000, 100000};
    for (unsigned i = 0; i < sizeof mtus / sizeof mtus[0]; i++) {
        gnutls_dtls_set_mtu(s, mtus[i]);
        printf("  set mtu %u: mtu %u data mtu %u\n", mtus[i], gnutls_dtls_get_mtu(s), gnutls_dtls_get_data_mtu(s));
    }
    printf("  send before handshake: %s\n", code((int)gnutls_record_send(s, "x", 1)));
    gnutls_deinit(s);
}

/* ---- cookies ---- */

static unsigned char captured[512];
static size_t captured_len;

static ssize_t capture_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
    (void)p;
    captured_len = n < sizeof captured ? n : sizeof captured;
    memcpy(captured, data, captured_len);
    return (ssize_t)n;
}

static ssize_t failing_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
    (void)p;
    (void)data;
    (void)n;
    errno = EIO;
    return -1;
}

static void hex(const char *label, const unsigned char *p, size_t n)
{
    printf("  %s", label);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

/* A ClientHello record: rec_seq, message_seq, session id and cookie. */
static size_t make_hello(unsigned char *m, unsigned rec_seq, unsigned msg_seq, unsigned sid_len,
                         const unsigned char *cookie, unsigned cookie_len)
{
    size_t n = 0;
    m[n++] = 22;
    m[n++] = 254;
    m[n++] = 253;
    memset(m + n, 0, 8);
    m[n + 7] = (unsigned char)rec_seq;
    n += 8;
    size_t len_at = n;
    n += 2;
    size_t hs = n;
    m[n++] = 1;
    n += 3; /* length */
    m[n++] = 0;
    m[n++] = (unsigned char)msg_seq;
    m[n++] = 0;
    m[n++] = 0;
    m[n++] = 0;
    n += 3; /* fragment length */
    size_t body = n;
    m[n++] = 254;
    m[n++] = 253;
    for (int i = 0; i < 32; i++)
        m[n++] = (unsigned char)i;
    m[n++] = (unsigned char)sid_len;
    for (unsigned i = 0; i < sid_len; i++)
        m[n++] = 0xaa;
    m[n++] = (unsigned char)cookie_len;
    if (cookie_len)
        memcpy(m + n, cookie, cookie_len);
    n += cookie_len;
    /* cipher suites: one, compression: null */
    m[n++] = 0;
    m[n++] = 2;
    m[n++] = 0xc0;
    m[n++] = 0x2b;
    m[n++] = 1;
    m[n++] = 0;
    size_t blen = n - body;
    m[hs + 1] = (unsigned char)(blen >> 16);
    m[hs + 2] = (unsigned char)(blen >> 8);
    m[hs + 3] = (unsigned char)blen;
    m[hs + 9] = m[hs + 1];
    m[hs + 10] = m[hs + 2];
    m[hs + 11] = m[hs + 3];
    m[len_at] = (unsigned char)((n - hs) >> 8);
    m[len_at + 1] = (unsigned char)(n - hs);
    return n;
}

static void cookies(void)
{
    unsigned char keybytes[16];
    for (int i = 0; i < 16; i++)
        keybytes[i] = (unsigned char)(0x40 + i);
    gnutls_datum_t key = {keybytes, sizeof keybytes};
    gnutls_datum_t nokey = {NULL, 0};
    const char addr[] = "client-address-1";
    const char other[] = "client-address-2";
    gnutls_dtls_prestate_st pre;
    unsigned char m[512];

    printf("cookies\n");
    memset(&pre, 0, sizeof pre);
    pre.record_seq = 5;
    pre.hsk_write_seq = 0;
    int r = gnutls_dtls_cookie_send(&key, (void *)addr, sizeof addr, &pre, NULL, capture_push);
    printf("  send: %s\n", code(r));
    hex("hvr ", captured, captured_len);
    unsigned char cookie[16];
    memcpy(cookie, captured + captured_len - 16, 16);
    r = gnutls_dtls_cookie_send(&key, (void *)other, sizeof other, &pre, NULL, capture_push);
    hex("other address ", captured + captured_len - 16, 16);
    r = gnutls_dtls_cookie_send(&nokey, (void *)addr, sizeof addr, &pre, NULL, capture_push);
    printf("  send without key: %s\n", code(r));
    r = gnutls_dtls_cookie_send(&key, (void *)addr, sizeof addr, &pre, NULL, failing_push);
    printf("  send failing push: %s\n", code(r));

    size_t n = make_hello(m, 7, 1, 0, cookie, 16);
    memset(&pre, 0xee, sizeof pre);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify good: %s prestate %u %u %u\n", code(r), pre.record_seq, pre.hsk_read_seq, pre.hsk_write_seq);
    n = make_hello(m, 3, 1, 32, cookie, 16);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify good, 32-byte session id: %s prestate %u %u %u\n", code(r), pre.record_seq, pre.hsk_read_seq,
           pre.hsk_write_seq);
    r = gnutls_dtls_cookie_verify(&key, (void *)other, sizeof other, m, n, &pre);
    printf("  verify other address: %s\n", code(r));
    n = make_hello(m, 0, 0, 0, NULL, 0);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify no cookie: %s\n", code(r));
    n = make_hello(m, 0, 0, 0, cookie, 15);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify 15-byte cookie: %s\n", code(r));
    unsigned char bad[16];
    memcpy(bad, cookie, 16);
    bad[3] ^= 1;
    n = make_hello(m, 0, 1, 0, bad, 16);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify flipped cookie: %s\n", code(r));
    n = make_hello(m, 0, 1, 33, cookie, 16);
    r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify 33-byte session id: %s\n", code(r));
    n = make_hello(m, 0, 1, 0, cookie, 16);
    for (size_t cut = 0; cut <= n; cut += 7) {
        r = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, m, cut, &pre);
        printf("  verify first %zu bytes: %s\n", cut, code(r));
    }
    r = gnutls_dtls_cookie_verify(&nokey, (void *)addr, sizeof addr, m, n, &pre);
    printf("  verify without key: %s\n", code(r));
}

/* A server that answers the first ClientHello with a HelloVerifyRequest and
 * starts its session on the second, as gnutls-serv --udp. */
static void cookie_server(const char *prio)
{
    int sv[2];
    unsigned char keybytes[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    gnutls_datum_t key = {keybytes, sizeof keybytes};
    const char addr[] = "peer";
    gnutls_dtls_prestate_st pre;
    unsigned char buf[4096];

    printf("cookie server %s\n", prio);
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
    gnutls_session_t s = NULL;
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, hvr = 0;
    for (int i = 0; i < 2000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc < 0 && gnutls_error_is_fatal(rc)) {
                printf("  client failed %s\n", code(rc));
                break;
            }
        }
        if (s == NULL) {
            ssize_t n = recv(sv[1], buf, sizeof buf, MSG_PEEK);
            if (n <= 0)
                continue;
            memset(&pre, 0, sizeof pre);
            int v = gnutls_dtls_cookie_verify(&key, (void *)addr, sizeof addr, buf, (size_t)n, &pre);
            printf("  hello %d: verify %s\n", hvr, code(v));
            if (v < 0) {
                int sent = gnutls_dtls_cookie_send(&key, (void *)addr, sizeof addr, &pre, NULL, capture_push);
                send(sv[1], captured, captured_len, 0);
                printf("  sent hello verify request %s\n", code(sent));
                recv(sv[1], buf, sizeof buf, 0);
                if (++hvr > 3)
                    break;
                continue;
            }
            printf("  prestate %u %u %u\n", pre.record_seq, pre.hsk_read_seq, pre.hsk_write_seq);
            s = new_session(GNUTLS_SERVER, sv[1], prio);
            gnutls_dtls_prestate_set(s, &pre);
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs < 0 && gnutls_error_is_fatal(rs)) {
                printf("  server failed %s\n", code(rs));
                break;
            }
        }
    }
    printf("  handshake: client %s server %s\n", code(rc), code(rs));
    if (rc == 0 && rs == 0) {
        describe(c); /* the client's: a DTLS 1.0 server's has no (RSA-SHA1) yet */
        ssize_t r = gnutls_record_send(c, "ping", 4);
        printf("  client send %s\n", code((int)r));
        r = recv_seq_wait(s, buf, sizeof buf);
        printf("  server received %s '%.*s'\n", code((int)r), r > 0 ? (int)r : 0, (char *)buf);
        r = gnutls_record_send(s, "pong", 4);
        r = recv_seq_wait(c, buf, sizeof buf);
        printf("  client received %s '%.*s'\n", code((int)r), r > 0 ? (int)r : 0, (char *)buf);
    }
    gnutls_deinit(c);
    if (s != NULL)
        gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* The server's transport refuses datagrams over 600 bytes (EMSGSIZE): the
 * handshake reports LARGE_PACKET, the server lowers its MTU and goes on. */
static int emsg_fd;
static ssize_t emsgsize_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
    (void)p;
    if (n > 600) {
        errno = EMSGSIZE;
        return -1;
    }
    return send(emsg_fd, data, n, 0);
}

static void emsgsize_server(void)
{
    int sv[2];
    printf("server push EMSGSIZE over 600 bytes\n");
    dgram_pair(sv);
    emsg_fd = sv[1];
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], "NORMAL");
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], "NORMAL");
    gnutls_transport_set_push_function(s, emsgsize_push);
    gnutls_dtls_set_timeouts(c, 50, 10000);
    gnutls_dtls_set_timeouts(s, 50, 10000);
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 20000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc != 0 && rc != GNUTLS_E_AGAIN) {
                printf("  client %s\n", code(rc));
                if (gnutls_error_is_fatal(rc))
                    break;
            }
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs != 0 && rs != GNUTLS_E_AGAIN) {
                printf("  server %s\n", code(rs));
                if (gnutls_error_is_fatal(rs))
                    break;
                if (rs == GNUTLS_E_LARGE_PACKET)
                    gnutls_dtls_set_mtu(s, 600);
            }
        }
        usleep(500);
    }
    printf("  handshake: client %s server %s\n", code(rc), code(rs));
    if (rc == 0 && rs == 0) {
        unsigned char buf[100];
        ssize_t r = gnutls_record_send(s, "after", 5);
        printf("  server send %s\n", code((int)r));
        r = recv_wait(c, buf, sizeof buf);
        printf("  client received %s\n", code((int)r));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* Resumption: the client keeps its session data and resumes on a new
 * pair (the server resumes through a ticket key). */
static void resumption(const char *prio)
{
    gnutls_datum_t tkey, data = {NULL, 0};
    printf("resumption %s\n", prio);
    gnutls_session_ticket_key_generate(&tkey);
    for (int round = 0; round < 2; round++) {
        int sv[2];
        dgram_pair(sv);
        gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
        gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio);
        gnutls_session_ticket_enable_server(s, &tkey);
        if (round == 1)
            printf("  set data: %s\n", code(gnutls_session_set_data(c, data.data, data.size)));
        if (handshake2(c, s) == 0) {
            describe(c);
            printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(c), gnutls_session_is_resumed(s));
            unsigned char buf[100];
            ssize_t r = gnutls_record_send(c, "again", 5);
            r = recv_wait(s, buf, sizeof buf);
            printf("  server received %s\n", code((int)r));
            if (round == 0) {
                r = gnutls_record_send(s, "x", 1);
                r = recv_wait(c, buf, sizeof buf);
                printf("  get data: %s\n", code(gnutls_session_get_data2(c, &data)));
            }
        }
        gnutls_deinit(c);
        gnutls_deinit(s);
        close(sv[0]);
        close(sv[1]);
    }
    gnutls_free(data.data);
    gnutls_free(tkey.data);
}

/* DTLS-SRTP: profile lists, negotiation, keys from the exporter. */
static void srtp_case(const char *cprof, const char *sprof)
{
    int sv[2];
    printf("srtp client '%s' server '%s'\n", cprof ? cprof : "-", sprof ? sprof : "-");
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], "NORMAL");
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], "NORMAL");
    const char *err = NULL;
    if (cprof)
        printf("  client set: %s\n", code(gnutls_srtp_set_profile_direct(c, cprof, &err)));
    if (sprof)
        printf("  server set: %s\n", code(gnutls_srtp_set_profile_direct(s, sprof, &err)));
    gnutls_srtp_profile_t pc = 0, ps = 0;
    printf("  before handshake: %s\n", code(gnutls_srtp_get_selected_profile(c, &pc)));
    if (handshake2(c, s) == 0) {
        int rc = gnutls_srtp_get_selected_profile(c, &pc), rs = gnutls_srtp_get_selected_profile(s, &ps);
        printf("  selected: client %s %s server %s %s\n", code(rc), rc == 0 ? gnutls_srtp_get_profile_name(pc) : "-",
               code(rs), rs == 0 ? gnutls_srtp_get_profile_name(ps) : "-");
        unsigned char kc[64], ks[64];
        gnutls_datum_t ck, cs, sk, ss, ck2, cs2, sk2, ss2;
        printf("  keys short buffer: %s\n", code(gnutls_srtp_get_keys(c, kc, 59, &ck, &cs, &sk, &ss)));
        int r1 = gnutls_srtp_get_keys(c, kc, sizeof kc, &ck, &cs, &sk, &ss);
        int r2 = gnutls_srtp_get_keys(s, ks, sizeof ks, &ck2, &cs2, &sk2, &ss2);
        printf("  keys: client %s server %s\n", code(r1), code(r2));
        if (r1 > 0 && r2 > 0)
            printf("  sizes %u %u %u %u offsets %d %d %d %d same on both sides %d\n", ck.size, cs.size, sk.size,
                   ss.size, (int)(ck.data - kc), (int)(sk.data - kc), (int)(cs.data - kc), (int)(ss.data - kc),
                   memcmp(kc, ks, (size_t)r1) == 0);
        gnutls_datum_t mki;
        printf("  mki: %s\n", code(gnutls_srtp_get_mki(c, &mki)));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

static void srtp_names(void)
{
    gnutls_session_t s;
    const char *err = NULL;
    static const char *const bad[] = {"", "SRTP_AES128_CM_HMAC_SHA1_80:", "SRTP_AES128_CM_HMAC_SHA1_80:BOGUS",
                                      "srtp_aes128_cm_hmac_sha1_80", "SRTP_AES128_CM_SHA1_80"};
    printf("srtp strings\n");
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_init(&s, GNUTLS_CLIENT | GNUTLS_DATAGRAM);
        err = NULL;
        int r = gnutls_srtp_set_profile_direct(s, bad[i], &err);
        printf("  '%s': %s err_pos %d\n", bad[i], code(r), err ? (int)(err - bad[i]) : -1);
        gnutls_deinit(s);
    }
    gnutls_init(&s, GNUTLS_CLIENT | GNUTLS_DATAGRAM);
    printf("  set_profile: %s\n", code(gnutls_srtp_set_profile(s, GNUTLS_SRTP_NULL_HMAC_SHA1_32)));
    gnutls_srtp_profile_t p = 0;
    printf("  selected without handshake: %s\n", code(gnutls_srtp_get_selected_profile(s, &p)));
    gnutls_deinit(s);
}

/* DTLS with pre-shared keys (what openconnect and ocserv negotiate). */
static void psk_case(const char *prio)
{
    int sv[2];
    printf("psk %s\n", prio);
    gnutls_psk_client_credentials_t pc;
    gnutls_psk_server_credentials_t ps;
    static unsigned char keybytes[16] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
    gnutls_datum_t key = {keybytes, sizeof keybytes};
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_psk_set_client_credentials(pc, "dtls-user", &key, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(ps, psk_lookup);
    dgram_pair(sv);
    gnutls_session_t c, s;
    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_PSK, pc);
    gnutls_credentials_set(s, GNUTLS_CRD_PSK, ps);
    gnutls_transport_set_int(c, sv[0]);
    gnutls_transport_set_int(s, sv[1]);
    if (handshake2(c, s) == 0) {
        describe(c);
        printf("  server's view of the user: %s\n", gnutls_psk_server_get_username(s));
        unsigned char buf[100];
        ssize_t r = gnutls_record_send(c, "psk data", 8);
        r = recv_wait(s, buf, sizeof buf);
        printf("  server received %s\n", code((int)r));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    gnutls_psk_free_client_credentials(pc);
    gnutls_psk_free_server_credentials(ps);
    close(sv[0]);
    close(sv[1]);
}

/* A server whose certificate credentials exist only once its
 * post-client-hello function set them (as lighttpd picks them by name). */
static int late_credentials(gnutls_session_t s)
{
    return gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
}

static void hook_credentials(const char *prio)
{
    int sv[2];
    printf("credentials from the hello hook %s\n", prio);
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio), s;
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_handshake_set_post_client_hello_function(s, late_credentials);
    gnutls_transport_set_int(s, sv[1]);
    if (handshake2(c, s) == 0) {
        describe(c);
        unsigned char buf[100];
        gnutls_record_send(c, "late", 4);
        printf("  server received %s\n", code((int)recv_wait(s, buf, sizeof buf)));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* Renegotiation started by the client (DTLS 1.2). */
static void renegotiation(void)
{
    int sv[2];
    printf("client renegotiation\n");
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], "NORMAL");
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], "NORMAL");
    if (handshake2(c, s) == 0) {
        unsigned char buf[100];
        int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, saw = 0;
        for (int i = 0; i < 3000 && rc != 0; i++) {
            rc = gnutls_handshake(c);
            if (rc < 0 && rc != GNUTLS_E_AGAIN) {
                printf("  client %s\n", code(rc));
                break;
            }
            if (rs != 0) {
                ssize_t r = gnutls_record_recv(s, buf, sizeof buf);
                if (r == GNUTLS_E_REHANDSHAKE) {
                    saw = 1;
                    rs = GNUTLS_E_AGAIN;
                    while (i < 3000 && rs == GNUTLS_E_AGAIN) {
                        rs = gnutls_handshake(s);
                        rc = rc == 0 ? 0 : gnutls_handshake(c);
                        i++;
                    }
                    printf("  server rehandshake %s\n", code(rs));
                } else if (r != GNUTLS_E_AGAIN) {
                    printf("  server recv %s\n", code((int)r));
                    break;
                }
            }
            usleep(200);
        }
        printf("  client renegotiated %s, server saw REHANDSHAKE %d\n", code(rc), saw);
        ssize_t r = gnutls_record_send(c, "after", 5);
        r = recv_wait(s, buf, sizeof buf);
        printf("  server received %s\n", code((int)r));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* A fatal alert (or a warning, then data both ways) sent after data both
 * ways, as the peer receives it. */
static void dtls_alert(const char *prio, int from_server, int warning)
{
    int sv[2];
    unsigned char buf[100];
    printf("%s alert from the %s %s\n", warning ? "warning" : "fatal", from_server ? "server" : "client", prio);
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio);
    if (handshake2(c, s) == 0) {
        describe(c);
        gnutls_session_t snd = from_server ? s : c, rcv = from_server ? c : s;
        for (int k = 0; k < 2; k++) {
            ssize_t w = gnutls_record_send(snd, "ping", 4);
            ssize_t r = recv_wait(rcv, buf, sizeof buf);
            ssize_t w2 = gnutls_record_send(rcv, "pong", 4);
            ssize_t r2 = recv_wait(snd, buf, sizeof buf);
            printf("  data: %s %s %s %s\n", code((int)w), code((int)r), code((int)w2), code((int)r2));
        }
        gnutls_alert_description_t desc = from_server ? GNUTLS_A_ACCESS_DENIED : GNUTLS_A_DECRYPT_ERROR;
        if (warning)
            desc = from_server ? GNUTLS_A_USER_CANCELED : GNUTLS_A_NO_RENEGOTIATION;
        printf("  alert_send: %s\n", code(gnutls_alert_send(snd, warning ? GNUTLS_AL_WARNING : GNUTLS_AL_FATAL, desc)));
        int r = (int)recv_wait(rcv, buf, sizeof buf);
        printf("  peer recv: %s", code(r));
        if (r == GNUTLS_E_FATAL_ALERT_RECEIVED || r == GNUTLS_E_WARNING_ALERT_RECEIVED)
            printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(rcv)));
        printf("\n");
        if (warning) {
            ssize_t w = gnutls_record_send(snd, "after", 5);
            ssize_t a = recv_wait(rcv, buf, sizeof buf);
            ssize_t w2 = gnutls_record_send(rcv, "back", 4);
            ssize_t b = recv_wait(snd, buf, sizeof buf);
            printf("  then: %s %s %s %s\n", code((int)w), code((int)a), code((int)w2), code((int)b));
        }
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* A server's rehandshake request (HelloRequest) over DTLS: the client
 * gets REHANDSHAKE and accepts (gnutls_handshake), refuses with a
 * no_renegotiation warning (or another warning), or answers with data,
 * which GnuTLS's server drops while its gnutls_rehandshake waits. */
static void hello_request(const char *prio, int answer)
{
    int sv[2];
    unsigned char buf[100];
    static const char *const what[] = {"accepts", "refuses", "sends data", "answers user_canceled"};
    printf("server rehandshake, client %s %s\n", what[answer], prio);
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio);
    if (handshake2(c, s) == 0) {
        /* GnuTLS's DTLS server waits for the answer inside gnutls_rehandshake */
        int rs = gnutls_rehandshake(s);
        printf("  rehandshake: %s\n", code(rs));
        int r = (int)recv_wait(c, buf, sizeof buf);
        printf("  client recv: %s\n", code(r));
        if (answer == 1)
            printf("  client alert_send: %s\n", code(gnutls_alert_send(c, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION)));
        else if (answer == 2)
            printf("  client send: %s\n", code((int)gnutls_record_send(c, "data", 4)));
        else if (answer == 3)
            printf("  client alert_send: %s\n", code(gnutls_alert_send(c, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED)));
        int rc = answer == 0 ? GNUTLS_E_AGAIN : 0;
        for (int i = 0; i < 2000 && (rc == GNUTLS_E_AGAIN || rs == GNUTLS_E_AGAIN); i++) {
            if (rc == GNUTLS_E_AGAIN)
                rc = gnutls_handshake(c);
            if (rs == GNUTLS_E_AGAIN)
                rs = gnutls_rehandshake(s);
        }
        printf("  client handshake %s, server rehandshake %s, discarded %u\n", code(rc), code(rs),
               gnutls_record_get_discarded(s));
        rs = GNUTLS_E_AGAIN;
        for (int i = 0; i < 2000 && (rc == GNUTLS_E_AGAIN || rs == GNUTLS_E_AGAIN); i++) {
            if (rc == GNUTLS_E_AGAIN)
                rc = gnutls_handshake(c);
            if (rs == GNUTLS_E_AGAIN)
                rs = gnutls_handshake(s);
        }
        printf("  client handshake %s, server handshake %s alert %s\n", code(rc), code(rs),
               gnutls_alert_get_strname(gnutls_alert_get(s)));
        if (answer == 2)
            printf("  server recv: %s\n", code((int)recv_wait(s, buf, sizeof buf)));
        for (int k = 0; k < 2; k++) {
            ssize_t w = gnutls_record_send(c, "ping", 4);
            ssize_t a = recv_wait(s, buf, sizeof buf);
            ssize_t w2 = gnutls_record_send(s, "pong", 4);
            ssize_t b = recv_wait(c, buf, sizeof buf);
            printf("  then: %s %s %s %s\n", code((int)w), code((int)a), code((int)w2), code((int)b));
        }
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* MTUs below 256 (OpenSSL's own minimum): the handshake, whether every
 * datagram it and a record of the data MTU take fits, and the data MTU. */
static int mtu_fds[2];
static size_t mtu_max[2];
static ssize_t measuring_push(gnutls_transport_ptr_t p, const void *data, size_t n)
{
    int fd = (int)(long)p, side = fd == mtu_fds[1];
    if (n > mtu_max[side])
        mtu_max[side] = n;
    return send(fd, data, n, 0);
}

static void small_mtu(const char *prio, unsigned mtu)
{
    int sv[2];
    printf("mtu %u %s\n", mtu, prio);
    dgram_pair(sv);
    mtu_fds[0] = sv[0];
    mtu_fds[1] = sv[1];
    mtu_max[0] = mtu_max[1] = 0;
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], prio);
    gnutls_session_t s = new_session(GNUTLS_SERVER, sv[1], prio);
    gnutls_transport_set_push_function(c, measuring_push);
    gnutls_transport_set_push_function(s, measuring_push);
    gnutls_dtls_set_mtu(c, mtu);
    gnutls_dtls_set_mtu(s, mtu);
    printf("  mtu %u data mtu before handshake %u\n", gnutls_dtls_get_mtu(c), gnutls_dtls_get_data_mtu(c));
    int ok = handshake2(c, s) == 0;
    printf("  handshake datagrams within the mtu: client %d server %d\n", mtu_max[0] <= mtu, mtu_max[1] <= mtu);
    if (ok) {
        unsigned dm = gnutls_dtls_get_data_mtu(c);
        printf("  mtu %u data mtu %u server data mtu %u etm %u %u\n", gnutls_dtls_get_mtu(c), dm,
               gnutls_dtls_get_data_mtu(s), gnutls_session_etm_status(c), gnutls_session_etm_status(s));
        mtu_max[0] = 0;
        ssize_t r = gnutls_record_send(c, big, dm);
        unsigned char buf[2048];
        ssize_t got = recv_wait(s, buf, sizeof buf);
        printf("  send data mtu: %s received %s datagram within the mtu %d\n", code((int)r), code((int)got),
               mtu_max[0] <= mtu);
        printf("  send data mtu + 1: %s\n", code((int)gnutls_record_send(c, big, dm + 1)));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

static void *client_handshake(void *arg)
{
    int r;
    do
        r = gnutls_handshake(arg);
    while (r == GNUTLS_E_AGAIN);
    return NULL;
}

/* A blocking server's rehandshake request that the client never answers
 * (GnuTLS retransmits the HelloRequest meanwhile, gnossl does not: the
 * datagrams are not counted). */
static void hello_request_unanswered(void)
{
    int sv[2];
    printf("blocking server rehandshake, client silent\n");
    dgram_pair(sv);
    gnutls_session_t c = new_session(GNUTLS_CLIENT, sv[0], "NORMAL"), s;
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM);
    gnutls_priority_set_direct(s, "NORMAL", NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_transport_set_int(s, sv[1]);
    pthread_t th;
    pthread_create(&th, NULL, client_handshake, c);
    int rs = gnutls_handshake(s);
    pthread_join(th, NULL);
    printf("  handshake: server %s\n", code(rs));
    gnutls_dtls_set_timeouts(s, 50, 500);
    if (rs == 0) {
        fcntl(sv[1], F_SETFL, fcntl(sv[1], F_GETFL) & ~O_NONBLOCK);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int r = gnutls_rehandshake(s);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
        printf("  rehandshake: %s %s\n", code(r), ms < 2000 ? "within 2 s" : "after more than 2 s");
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);
}

/* A client whose server never answers. */
static void silent_peer(void)
{
    int sv[2];
    printf("silent peer\n");
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    gnutls_session_t c;
    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM);
    gnutls_priority_set_direct(c, "NORMAL", NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_transport_set_int(c, sv[0]);
    gnutls_dtls_set_timeouts(c, 40, 300);
    int r = gnutls_handshake(c);
    printf("  blocking handshake: %s\n", code(r));
    /* the client retransmitted its hello: several datagrams are queued */
    int n = 0;
    unsigned char buf[4096];
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    while (recv(sv[1], buf, sizeof buf, 0) > 0 && n < 100)
        n++;
    printf("  hellos sent: %s\n", n >= 3 ? "3 or more" : n == 1 ? "1" : "2");
    r = gnutls_handshake(c);
    printf("  again: %s\n", code(r));
    gnutls_deinit(c);

    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(c, "NORMAL", NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_transport_set_int(c, sv[0]);
    gnutls_dtls_set_timeouts(c, 500, 60000);
    r = gnutls_handshake(c);
    unsigned t = gnutls_dtls_get_timeout(c);
    printf("  non-blocking handshake: %s timeout in (0, 500]: %d\n", code(r), t > 0 && t <= 500);
    gnutls_deinit(c);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    gnutls_global_init();
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (unsigned char)(i * 7 + 1);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &crt, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(ccred, &crt, GNUTLS_X509_FMT_PEM);

    defaults();
    session_case("NORMAL");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.0");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-256-GCM");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA256:%NO_ETM");
    session_case("NORMAL:-VERS-ALL:+VERS-DTLS1.0:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1");
    session_case("NORMAL:-VERS-DTLS-ALL:+VERS-TLS1.2");
    cookies();
    cookie_server("NORMAL");
    cookie_server("NORMAL:-VERS-ALL:+VERS-DTLS1.0");
    resumption("NORMAL");
    resumption("NORMAL:-VERS-ALL:+VERS-DTLS1.0");
    psk_case("NORMAL:-KX-ALL:+PSK");
    psk_case("NORMAL:-KX-ALL:+ECDHE-PSK:-VERS-ALL:+VERS-DTLS1.2");
    psk_case("NORMAL:-KX-ALL:+PSK:-VERS-ALL:+VERS-DTLS1.0");
    renegotiation();
    hook_credentials("NORMAL");
    hook_credentials("NORMAL:-VERS-ALL:+VERS-DTLS1.0");
    srtp_names();
    srtp_case("SRTP_AES128_CM_HMAC_SHA1_32:SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_80:SRTP_NULL_SHA1_32");
    srtp_case("SRTP_NULL_HMAC_SHA1_80", "SRTP_NULL_HMAC_SHA1_80");
    srtp_case("SRTP_AES128_CM_HMAC_SHA1_80", NULL);
    srtp_case(NULL, "SRTP_AES128_CM_HMAC_SHA1_80");
    srtp_case("SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AES128_CM_HMAC_SHA1_80");
    static const unsigned small_mtus[] = {90, 100, 110, 120, 150, 200, 255};
    for (unsigned i = 0; i < sizeof small_mtus / sizeof small_mtus[0]; i++) {
        small_mtu("NORMAL", small_mtus[i]);
        small_mtu("NORMAL:-VERS-ALL:+VERS-DTLS1.0", small_mtus[i]);
        small_mtu("NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1", small_mtus[i]);
    }
    emsgsize_server();
    silent_peer();
    static const char *const alert_prios[] = {
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-GCM",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-256-CCM",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA256:%NO_ETM",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.0:-CIPHER-ALL:+AES-128-CBC",
        "NORMAL:-VERS-ALL:+VERS-DTLS1.0:-CIPHER-ALL:+AES-256-CBC:%NO_ETM",
    };
    for (size_t i = 0; i < sizeof alert_prios / sizeof alert_prios[0]; i++)
        for (int side = 0; side < 2; side++)
            for (int warning = 0; warning < 2; warning++)
                dtls_alert(alert_prios[i], side, warning);
    for (size_t i = 0; i < sizeof alert_prios / sizeof alert_prios[0]; i++)
        for (int answer = 0; answer < 4; answer++)
            hello_request(alert_prios[i], answer);
    hello_request_unanswered();

    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(scred);
    gnutls_global_deinit();
    return 0;
}
