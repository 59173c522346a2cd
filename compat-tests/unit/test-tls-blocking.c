/* tls room: a gnossl client and a gnossl server (in a thread) over blocking
 * socketpairs with the default transport (gnutls_transport_set_int):
 * echo of messages of 1..100000 bytes, TLS 1.2 and 1.3, resumption with
 * the NewSessionTicket hook (as curl uses it), ALPN and SNI seen by the
 * server, key update, rehandshake, bye in both modes and the EOF
 * contract. */
#include "test-tls-helpers.h"

#include <pthread.h>
#include <sys/socket.h>

static const char *const prio_of[] = {
    "NORMAL:-VERS-ALL:+VERS-TLS1.3",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2",
};

static gnutls_datum_t ticket_key;
static gnutls_certificate_credentials_t scred, ccred;

struct server_args {
    int fd;
    const char *prio;
    int mode; /* 0 echo then bye WR, 1 close without bye, 2 rehandshake once */
    int hs;   /* handshake result */
    char sni[256];
    char alpn[32];
    int resumed;
    long echoed;
    int reauth;        /* mode 3: gnutls_reauth result */
    unsigned n_peers;  /* ...and the client certificates seen */
};

static gnutls_certificate_credentials_t ccred_with_cert;

static ssize_t send_all(gnutls_session_t s, const unsigned char *p, size_t n)
{
    size_t off = 0;
    while (off < n) {
        ssize_t r = gnutls_record_send(s, p + off, n - off);
        if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
            continue;
        if (r < 0)
            return r;
        off += (size_t)r;
    }
    return (ssize_t)n;
}

static void *server_main(void *arg)
{
    struct server_args *a = arg;
    gnutls_session_t s;
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_NO_SIGNAL | (a->mode == 3 ? GNUTLS_POST_HANDSHAKE_AUTH : 0));
    if (a->mode == 3)
        gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    gnutls_priority_set_direct(s, a->prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_session_ticket_enable_server(s, &ticket_key);
    gnutls_datum_t protos[2] = {{(unsigned char *)"http/1.1", 8}, {(unsigned char *)"h2", 2}};
    gnutls_alpn_set_protocols(s, protos, 2, 0);
    gnutls_transport_set_int(s, a->fd);
    do
        a->hs = gnutls_handshake(s);
    while (a->hs < 0 && !gnutls_error_is_fatal(a->hs));
    if (a->hs < 0)
        goto out;
    size_t nl = sizeof a->sni;
    unsigned type;
    if (gnutls_server_name_get(s, a->sni, &nl, &type, 0) < 0)
        a->sni[0] = 0;
    gnutls_datum_t sel;
    if (gnutls_alpn_get_selected_protocol(s, &sel) == 0 && sel.size < sizeof a->alpn) {
        memcpy(a->alpn, sel.data, sel.size);
        a->alpn[sel.size] = 0;
    }
    a->resumed = gnutls_session_is_resumed(s);
    if (a->mode == 1) {
        /* EOF without close_notify; keep reading until the client is done */
        char junk[4096];
        shutdown(a->fd, SHUT_WR);
        while (read(a->fd, junk, sizeof junk) > 0)
            ;
        goto out;
    }
    if (a->mode == 2)
        ck_assert_int_eq(gnutls_rehandshake(s), 0);
    if (a->mode == 3) {
        /* post-handshake authentication once the first message is in */
        static unsigned char first[64];
        ssize_t q;
        do
            q = gnutls_record_recv(s, first, sizeof first);
        while (q == GNUTLS_E_AGAIN);
        if (q > 0)
            send_all(s, first, (size_t)q);
        int r;
        for (;;) {
            r = gnutls_reauth(s, 0);
            if (r == GNUTLS_E_GOT_APPLICATION_DATA) {
                /* the client's data came first: serve it, then go on */
                static unsigned char more[70000];
                ssize_t m = gnutls_record_recv(s, more, sizeof more);
                if (m > 0)
                    send_all(s, more, (size_t)m);
                continue;
            }
            if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED)
                break;
        }
        a->reauth = r;
        gnutls_certificate_get_peers(s, &a->n_peers);
    }
    static unsigned char buf[70000];
    for (;;) {
        ssize_t r = gnutls_record_recv(s, buf, sizeof buf);
        if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
            continue;
        if (r == GNUTLS_E_REHANDSHAKE) {
            int h;
            do
                h = gnutls_handshake(s);
            while (h < 0 && !gnutls_error_is_fatal(h));
            if (h < 0 && h != GNUTLS_E_GOT_APPLICATION_DATA)
                break;
            continue;
        }
        if (r <= 0)
            break;
        if (send_all(s, buf, (size_t)r) < 0)
            break;
        a->echoed += r;
    }
    int r;
    do
        r = gnutls_bye(s, GNUTLS_SHUT_WR);
    while (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED);
out:
    gnutls_deinit(s);
    close(a->fd);
    return NULL;
}

static gnutls_datum_t hook_data;
static int hook_calls;

static int nst_hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming,
                    const gnutls_datum_t *msg)
{
    (void)msg;
    ck_assert_uint_eq(htype, GNUTLS_HANDSHAKE_NEW_SESSION_TICKET);
    ck_assert_uint_eq(when, GNUTLS_HOOK_POST);
    ck_assert_uint_eq(incoming, 1);
    hook_calls++;
    if (hook_data.data)
        gnutls_free(hook_data.data);
    hook_data.data = NULL;
    /* A TLS 1.2 ticket comes inside the handshake, where GnuTLS has no
     * session data to give yet. */
    int tls12 = gnutls_protocol_get_version(s) == GNUTLS_TLS1_2;
    ck_assert_int_eq(gnutls_session_get_data2(s, &hook_data), tls12 ? GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE : 0);
    return 0;
}

struct conn {
    pthread_t th;
    struct server_args sa;
    gnutls_session_t c;
    int fd;
};

static void conn_open(struct conn *k, const char *prio, int mode, const gnutls_datum_t *resume)
{
    int sv[2];
    memset(k, 0, sizeof *k);
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    k->sa.fd = sv[1];
    k->sa.prio = prio;
    k->sa.mode = mode;
    ck_assert_int_eq(pthread_create(&k->th, NULL, server_main, &k->sa), 0);
    k->fd = sv[0];
    ck_assert_int_eq(gnutls_init(&k->c, GNUTLS_CLIENT | GNUTLS_NO_SIGNAL | (mode == 3 ? GNUTLS_POST_HANDSHAKE_AUTH : 0)), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(k->c, prio, NULL), 0);
    gnutls_credentials_set(k->c, GNUTLS_CRD_CERTIFICATE, mode == 3 ? ccred_with_cert : ccred);
    gnutls_server_name_set(k->c, GNUTLS_NAME_DNS, "example.org", 11);
    gnutls_datum_t protos[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
    gnutls_alpn_set_protocols(k->c, protos, 2, 0);
    gnutls_handshake_set_hook_function(k->c, GNUTLS_HANDSHAKE_NEW_SESSION_TICKET, GNUTLS_HOOK_POST, nst_hook);
    if (resume)
        ck_assert_int_eq(gnutls_session_set_data(k->c, resume->data, resume->size), 0);
    gnutls_transport_set_int(k->c, k->fd);
    int r;
    do
        r = gnutls_handshake(k->c);
    while (r < 0 && !gnutls_error_is_fatal(r));
    ck_assert_msg(r == 0, "client handshake %d", r);
}

static void conn_close(struct conn *k)
{
    pthread_join(k->th, NULL);
    gnutls_deinit(k->c);
    close(k->fd);
}

static int rehandshakes, reauths;

static void echo(gnutls_session_t c, size_t n)
{
    unsigned char *src = malloc(n), *dst = malloc(n);
    for (size_t i = 0; i < n; i++)
        src[i] = (unsigned char)(i ^ (i >> 8) ^ n);
    ck_assert_int_eq(send_all(c, src, n), (ssize_t)n);
    size_t got = 0;
    while (got < n) {
        ssize_t r = gnutls_record_recv(c, dst + got, n - got);
        if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
            continue; /* TLS 1.3 tickets surface as AGAIN even here */
        if (r == GNUTLS_E_REAUTH_REQUEST) {
            reauths++;
            ck_assert_int_eq(gnutls_reauth(c, 0), 0);
            continue;
        }
        if (r == GNUTLS_E_REHANDSHAKE) {
            rehandshakes++;
            int h = gnutls_handshake(c);
            /* application data may come first, as with GnuTLS */
            ck_assert_msg(h == 0 || h == GNUTLS_E_GOT_APPLICATION_DATA, "rehandshake: %d", h);
            continue;
        }
        ck_assert_int_gt(r, 0);
        got += (size_t)r;
    }
    ck_assert(memcmp(src, dst, n) == 0);
    free(src);
    free(dst);
}

START_TEST(echo_sizes)
{
    struct conn k;
    conn_open(&k, prio_of[_i], 0, NULL);
    ck_assert_int_eq(gnutls_protocol_get_version(k.c), _i == 0 ? GNUTLS_TLS1_3 : GNUTLS_TLS1_2);
    static const size_t sizes[] = {1, 2, 3, 17, 1000, 16383, 16384, 16385, 50000, 65536, 99999, 100000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        echo(k.c, sizes[i]);
    for (size_t n = 1; n < 300; n += 7)
        echo(k.c, n);
    /* client bye RDWR: waits for the server's close_notify */
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_RDWR), 0);
    char b[8];
    ck_assert_int_eq(gnutls_record_recv(k.c, b, sizeof b), 0);
    conn_close(&k);
    ck_assert_str_eq(k.sa.sni, "example.org");
    ck_assert_str_eq(k.sa.alpn, "h2");
    ck_assert_int_eq(k.sa.resumed, 0);
}
END_TEST

START_TEST(resume_with_hook)
{
    struct conn k;
    hook_calls = 0;
    conn_open(&k, prio_of[_i], 0, NULL);
    echo(k.c, 10);
    gnutls_datum_t d = {NULL, 0};
    if (_i == 0) {
        /* TLS 1.3: the ticket came after the handshake, through the hook */
        ck_assert_int_ge(hook_calls, 1);
        d = hook_data;
        hook_data.data = NULL;
        ck_assert(gnutls_session_get_flags(k.c) & GNUTLS_SFLAGS_SESSION_TICKET);
    } else {
        ck_assert_int_eq(gnutls_session_get_data2(k.c, &d), 0);
    }
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_WR), 0);
    conn_close(&k);

    conn_open(&k, prio_of[_i], 0, &d);
    ck_assert_int_eq(gnutls_session_is_resumed(k.c), 1);
    ck_assert_int_eq(gnutls_session_resumption_requested(k.c), 1);
    echo(k.c, 1000);
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_WR), 0);
    conn_close(&k);
    ck_assert_int_eq(k.sa.resumed, 1);
    gnutls_free(d.data);
    if (hook_data.data)
        gnutls_free(hook_data.data);
    hook_data.data = NULL;
}
END_TEST

START_TEST(unclean_close)
{
    struct conn k;
    conn_open(&k, prio_of[_i], 1, NULL);
    char b[8];
    ssize_t r;
    do
        r = gnutls_record_recv(k.c, b, sizeof b);
    while (r == GNUTLS_E_AGAIN);
    ck_assert_int_eq(r, GNUTLS_E_PREMATURE_TERMINATION);
    ck_assert_int_eq(gnutls_record_recv(k.c, b, sizeof b), GNUTLS_E_INVALID_SESSION);
    shutdown(k.fd, SHUT_WR);
    conn_close(&k);
}
END_TEST

START_TEST(bye_rdwr_peer_gone)
{
    struct conn k;
    conn_open(&k, prio_of[_i], 1, NULL);
    /* the peer ends its side without close_notify: bye still succeeds */
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_RDWR), 0);
    shutdown(k.fd, SHUT_WR);
    conn_close(&k);
}
END_TEST

START_TEST(key_update)
{
    struct conn k;
    conn_open(&k, prio_of[0], 0, NULL);
    echo(k.c, 100);
    ck_assert_int_eq(gnutls_session_key_update(k.c, GNUTLS_KU_PEER), 0);
    echo(k.c, 5000);
    ck_assert_int_eq(gnutls_session_key_update(k.c, 0), 0);
    echo(k.c, 5000);
    /* a client handshake after TLS 1.3 completion is a key update */
    ck_assert_int_eq(gnutls_handshake(k.c), 0);
    echo(k.c, 20000);
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_WR), 0);
    conn_close(&k);
}
END_TEST

START_TEST(rehandshake_tls12)
{
    struct conn k;
    rehandshakes = 0;
    conn_open(&k, prio_of[1], 2, NULL);
    echo(k.c, 100);
    echo(k.c, 30000);
    ck_assert_int_eq(rehandshakes, 1); /* the HelloRequest surfaced once */
    ck_assert_int_eq(gnutls_rehandshake(k.c), GNUTLS_E_INVALID_REQUEST); /* client */
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_WR), 0);
    conn_close(&k);
}
END_TEST

START_TEST(post_handshake_auth)
{
    struct conn k;
    reauths = 0;
    conn_open(&k, prio_of[0], 3, NULL);
    echo(k.c, 10);
    echo(k.c, 5000);
    ck_assert_int_eq(reauths, 1);
    ck_assert_int_eq(gnutls_bye(k.c, GNUTLS_SHUT_WR), 0);
    conn_close(&k);
    ck_assert_int_eq(k.sa.reauth, 0);
    ck_assert_uint_eq(k.sa.n_peers, 1);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("tls-blocking");
    TCase *tc = tcase_create("socketpair");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, echo_sizes, 0, 2);
    tcase_add_loop_test(tc, resume_with_hook, 0, 2);
    tcase_add_loop_test(tc, unclean_close, 0, 2);
    tcase_add_loop_test(tc, bye_rdwr_peer_gone, 0, 2);
    tcase_add_test(tc, key_update);
    tcase_add_test(tc, rehandshake_tls12);
    tcase_add_test(tc, post_handshake_auth);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    tt_pki_setup();
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    if (gnutls_certificate_set_x509_key_file(scred, tt_rsa_crt, tt_rsa_key, GNUTLS_X509_FMT_PEM) < 0)
        return 1;
    gnutls_certificate_allocate_credentials(&ccred_with_cert);
    if (gnutls_certificate_set_x509_key_file(ccred_with_cert, tt_ec_crt, tt_ec_key, GNUTLS_X509_FMT_PEM) < 0)
        return 1;
    gnutls_session_ticket_key_generate(&ticket_key);
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    gnutls_free(ticket_key.data);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(ccred_with_cert);
    tt_pki_cleanup();
    return failed ? 1 : 0;
}
