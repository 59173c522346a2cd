/* Hardening: threads.  8 threads each run 50 client/server session pairs
 * (both ends in the thread, over memory pipes) that all share ONE server
 * certificate credentials, ONE client credentials and ONE priority cache;
 * every pair handshakes, moves 1 MB each way and closes.  Every thread also
 * calls gnutls_global_init/deinit around its work (GnuTLS reference-counts
 * them), and a second test races init/deinit alone.  Failures are collected
 * per thread and asserted in the main thread (Check is not thread-safe).
 * Run it under TSan with fuzz/build-tsan.sh, or under helgrind. */
#include <check.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HARD_THREADS
#define HARD_THREADS 8
#endif
#ifndef HARD_SESSIONS
#define HARD_SESSIONS 50
#endif
#ifndef HARD_BULK
#define HARD_BULK (1024 * 1024)
#endif

#include "../diff/test-keys.h"

static gnutls_certificate_credentials_t g_scred, g_ccred;
static gnutls_priority_t g_prio;

struct tpipe {
    unsigned char *buf;
    size_t len, cap, off;
};

struct tend {
    gnutls_session_t s;
    struct tpipe *in, *out;
};

static ssize_t tpush(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    struct tend *e = p;
    struct tpipe *q = e->out;
    if (q->len + n > q->cap) {
        q->cap = (q->len + n) * 2 + 4096;
        q->buf = realloc(q->buf, q->cap);
    }
    memcpy(q->buf + q->len, d, n);
    q->len += n;
    return (ssize_t)n;
}

static ssize_t tpull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct tend *e = p;
    struct tpipe *q = e->in;
    if (q->off >= q->len) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > q->len - q->off)
        n = q->len - q->off;
    memcpy(d, q->buf + q->off, n);
    q->off += n;
    if (q->off == q->len)
        q->off = q->len = 0;
    return (ssize_t)n;
}

static int tpull_timeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct tend *e = p;
    (void)ms;
    return e->in->off < e->in->len;
}

struct worker {
    int id;
    int failures;
    char first_error[200];
    unsigned long bytes;
    unsigned sessions;
    unsigned ext_seen; /* hello extensions the client's send function was asked for */
};

static void failed(struct worker *w, const char *what, int code)
{
    if (w->failures++ == 0)
        snprintf(w->first_error, sizeof w->first_error, "thread %d: %s: %s", w->id, what,
                 gnutls_strerror_name(code) ? gnutls_strerror_name(code) : "?");
}

static int is_again(long r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

/* A client hello extension only this session registers: the first
 * registration of each number makes the library replace the shared SSL_CTXs
 * while other threads make sessions from them. */
static int ext_send(gnutls_session_t session, gnutls_buffer_t buf)
{
    struct worker *w = gnutls_session_get_ptr(session);
    w->ext_seen++;
    return gnutls_buffer_append_data(buf, "x", 1) < 0 ? -1 : 1;
}

static int ext_recv(gnutls_session_t session, const unsigned char *data, size_t len)
{
    (void)session, (void)data, (void)len;
    return 0;
}

static void one_pair(struct worker *w, unsigned char *src, unsigned char *dst)
{
    struct tpipe c2s = {0}, s2c = {0};
    struct tend c = {NULL, &s2c, &c2s}, s = {NULL, &c2s, &s2c};
    if (gnutls_init(&c.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK) < 0 || gnutls_init(&s.s, GNUTLS_SERVER | GNUTLS_NONBLOCK) < 0) {
        failed(w, "init", 0);
        return;
    }
    gnutls_session_set_ptr(c.s, w);
    int er = gnutls_session_ext_register(c.s, "hard-threads", (int)(60000 + w->id * 4 + w->sessions++ % 4),
                                         GNUTLS_EXT_TLS, ext_recv, ext_send, NULL, NULL, NULL,
                                         GNUTLS_EXT_FLAG_CLIENT_HELLO);
    if (er < 0)
        failed(w, "session_ext_register", er);
    struct tend *ends[2] = {&c, &s};
    for (int i = 0; i < 2; i++) {
        int r = gnutls_priority_set(ends[i]->s, g_prio);
        if (r < 0)
            failed(w, "priority_set", r);
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, tpush);
        gnutls_transport_set_pull_function(ends[i]->s, tpull);
        gnutls_transport_set_pull_timeout_function(ends[i]->s, tpull_timeout);
    }
    gnutls_credentials_set(c.s, GNUTLS_CRD_CERTIFICATE, g_ccred);
    gnutls_credentials_set(s.s, GNUTLS_CRD_CERTIFICATE, g_scred);
    gnutls_session_set_verify_cert(c.s, "localhost", 0);
    int cd = 0, sd = 0;
    for (int i = 0; i < 200 && !(cd && sd); i++) {
        if (!cd) {
            int r = gnutls_handshake(c.s);
            if (r == 0)
                cd = 1;
            else if (!is_again(r)) {
                failed(w, "client handshake", r);
                break;
            }
        }
        if (!sd) {
            int r = gnutls_handshake(s.s);
            if (r == 0)
                sd = 1;
            else if (!is_again(r)) {
                failed(w, "server handshake", r);
                break;
            }
        }
    }
    if (cd && sd) {
        /* HARD_BULK bytes each way, interleaved */
        size_t sent[2] = {0, 0}, got[2] = {0, 0};
        for (int iter = 0; iter < 100000 && (got[0] < HARD_BULK || got[1] < HARD_BULK); iter++) {
            for (int d = 0; d < 2; d++) {
                struct tend *a = ends[d], *b = ends[1 - d];
                if (sent[d] < HARD_BULK) {
                    long r = (long)gnutls_record_send(a->s, src + sent[d], HARD_BULK - sent[d]);
                    if (r > 0)
                        sent[d] += (size_t)r;
                    else if (!is_again(r)) {
                        failed(w, "send", (int)r);
                        goto out;
                    }
                }
                long r = (long)gnutls_record_recv(b->s, dst + got[d], HARD_BULK - got[d]);
                if (r > 0) {
                    if (memcmp(dst + got[d], src + got[d], (size_t)r) != 0) {
                        failed(w, "bytes differ", 0);
                        goto out;
                    }
                    got[d] += (size_t)r;
                    w->bytes += (size_t)r;
                } else if (r == 0 || !is_again(r)) {
                    failed(w, "recv", (int)r);
                    goto out;
                }
            }
        }
        if (got[0] != HARD_BULK || got[1] != HARD_BULK)
            failed(w, "transfer incomplete", 0);
        int r1 = gnutls_bye(c.s, GNUTLS_SHUT_WR);
        char tmp[16];
        long r2 = (long)gnutls_record_recv(s.s, tmp, sizeof tmp);
        while (is_again(r2))
            r2 = (long)gnutls_record_recv(s.s, tmp, sizeof tmp);
        if (r1 != 0 || r2 != 0)
            failed(w, "bye", r1 ? r1 : (int)r2);
    }
out:
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    free(c2s.buf);
    free(s2c.buf);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    int r = gnutls_global_init();
    if (r < 0)
        failed(w, "global_init", r);
    unsigned char *src = malloc(HARD_BULK), *dst = malloc(HARD_BULK);
    for (size_t i = 0; i < HARD_BULK; i++)
        src[i] = (unsigned char)(i * 7 + (unsigned)w->id);
    for (int i = 0; i < HARD_SESSIONS; i++)
        one_pair(w, src, dst);
    free(src);
    free(dst);
    gnutls_global_deinit();
    return NULL;
}

START_TEST(test_shared_credentials)
{
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&g_scred), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_mem(g_scred, &c, &k, GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&g_ccred), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(g_ccred, &c, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_int_eq(gnutls_priority_init(&g_prio, _i == 0 ? "NORMAL:-VERS-ALL:+VERS-TLS1.3" : "NORMAL:-VERS-ALL:+VERS-TLS1.2", NULL), 0);

    pthread_t th[HARD_THREADS];
    struct worker w[HARD_THREADS];
    for (int i = 0; i < HARD_THREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].id = i;
        ck_assert_int_eq(pthread_create(&th[i], NULL, worker_main, &w[i]), 0);
    }
    unsigned long bytes = 0;
    for (int i = 0; i < HARD_THREADS; i++) {
        pthread_join(th[i], NULL);
        bytes += w[i].bytes;
    }
    for (int i = 0; i < HARD_THREADS; i++) {
        ck_assert_msg(w[i].failures == 0, "%d failures; first: %s", w[i].failures, w[i].first_error);
        ck_assert_uint_eq(w[i].ext_seen, HARD_SESSIONS); /* each hello carried the extension */
    }
    ck_assert_uint_eq(bytes, (unsigned long)HARD_THREADS * HARD_SESSIONS * 2 * HARD_BULK);
    gnutls_priority_deinit(g_prio);
    gnutls_certificate_free_credentials(g_scred);
    gnutls_certificate_free_credentials(g_ccred);
}
END_TEST

/* init/deinit races: each thread takes and drops references many times
 * while the others use the library (algorithm lookups, hashing). */
static void *initdeinit_main(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < 200; i++) {
        int r = gnutls_global_init();
        if (r < 0) {
            failed(w, "global_init", r);
            break;
        }
        unsigned char out[32];
        r = gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 3, out);
        if (r < 0 || out[0] != 0xba)
            failed(w, "hash_fast", r);
        if (gnutls_cipher_get_id("AES-128-GCM") != GNUTLS_CIPHER_AES_128_GCM)
            failed(w, "cipher_get_id", 0);
        gnutls_global_deinit();
    }
    return NULL;
}

START_TEST(test_global_init_race)
{
    pthread_t th[HARD_THREADS];
    struct worker w[HARD_THREADS];
    for (int i = 0; i < HARD_THREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].id = i;
        ck_assert_int_eq(pthread_create(&th[i], NULL, initdeinit_main, &w[i]), 0);
    }
    for (int i = 0; i < HARD_THREADS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < HARD_THREADS; i++)
        ck_assert_msg(w[i].failures == 0, "%d failures; first: %s", w[i].failures, w[i].first_error);
    /* the library still works afterwards */
    unsigned char out[32];
    ck_assert_int_eq(gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 3, out), 0);
}
END_TEST

int main(void)
{
    gnutls_global_init();
    Suite *s = suite_create("hard-threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 240);
    tcase_add_loop_test(tc, test_shared_credentials, 0, 2);
    tcase_add_test(tc, test_global_init_race);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    gnutls_global_deinit();
    return failures ? 1 : 0;
}
