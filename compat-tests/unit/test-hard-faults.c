/* Hardening: seeded fault injection on an in-process client/server pair.
 * The transport (custom push/pull, errors reported through
 * gnutls_transport_set_errno) randomly returns EAGAIN or EINTR, writes only
 * part of what it is given and reads fewer bytes than asked.  Over many
 * seeds, TLS 1.2 and 1.3 and message sizes 1..100000 it checks:
 *   - the handshake completes on both sides;
 *   - every application byte arrives exactly once and in order, both ways;
 *   - after every AGAIN/INTERRUPTED, gnutls_record_get_direction names the
 *     operation that blocked (0 = read, 1 = write);
 *   - gnutls_record_send's retry rule: a retry after AGAIN returns the size
 *     of the record that was queued;
 *   - gnutls_bye(SHUT_RDWR) completes on both sides and then recv gives 0.
 * The exact codes for EOF, resets and tampering are compared with the real
 * GnuTLS by compat-tests/diff/hard-faults.c; here only properties. */
#include <check.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diff/test-keys.h"

/* xorshift64*: a small deterministic RNG per test run */
static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 2685821657736338717ULL;
}

static unsigned rng_below(uint64_t *s, unsigned n)
{
    return (unsigned)(rng_next(s) % n);
}

struct fpipe {
    unsigned char *buf;
    size_t len, cap, off;
};

struct fend {
    gnutls_session_t s;
    struct fpipe *in, *out;
    uint64_t *rng;
    unsigned fault_pct; /* chance in % that a push/pull call fails */
    int blocked;        /* -1 none, 0 a pull blocked, 1 a push blocked */
};

static ssize_t inject_fail(struct fend *e, int dir)
{
    gnutls_transport_set_errno(e->s, rng_below(e->rng, 4) == 0 ? EINTR : EAGAIN);
    e->blocked = dir;
    return -1;
}

static ssize_t fpush(gnutls_transport_ptr_t ptr, const void *d, size_t n)
{
    struct fend *e = ptr;
    if (rng_below(e->rng, 100) < e->fault_pct)
        return inject_fail(e, 1);
    if (n > 1 && rng_below(e->rng, 3) == 0)
        n = 1 + rng_below(e->rng, (unsigned)n); /* partial write */
    struct fpipe *p = e->out;
    if (p->len + n > p->cap) {
        p->cap = (p->len + n) * 2 + 4096;
        p->buf = realloc(p->buf, p->cap);
    }
    memcpy(p->buf + p->len, d, n);
    p->len += n;
    return (ssize_t)n;
}

static ssize_t fpull(gnutls_transport_ptr_t ptr, void *d, size_t n)
{
    struct fend *e = ptr;
    struct fpipe *p = e->in;
    if (rng_below(e->rng, 100) < e->fault_pct)
        return inject_fail(e, 0);
    size_t a = p->len - p->off;
    if (a == 0) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        e->blocked = 0;
        return -1;
    }
    if (n > a)
        n = a;
    if (n > 1 && rng_below(e->rng, 3) == 0)
        n = 1 + rng_below(e->rng, (unsigned)n); /* short read */
    memcpy(d, p->buf + p->off, n);
    p->off += n;
    /* keep the buffer small on long transfers */
    if (p->off == p->len)
        p->off = p->len = 0;
    return (ssize_t)n;
}

static int fpull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
    struct fend *e = ptr;
    (void)ms;
    return e->in->len > e->in->off ? 1 : 0;
}

struct fpair {
    struct fpipe c2s, s2c;
    struct fend c, s;
    uint64_t rng;
};

static gnutls_certificate_credentials_t g_ccred, g_scred;

static void creds_setup(void)
{
    gnutls_datum_t k = {(unsigned char *)ec_key, (unsigned)strlen(ec_key)};
    gnutls_datum_t c = {(unsigned char *)ec_crt, (unsigned)strlen(ec_crt)};
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&g_ccred), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&g_scred), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_mem(g_scred, &c, &k, GNUTLS_X509_FMT_PEM), 0);
}

static void creds_teardown(void)
{
    gnutls_certificate_free_credentials(g_ccred);
    gnutls_certificate_free_credentials(g_scred);
}

static void fpair_init(struct fpair *p, uint64_t seed, const char *prio, unsigned fault_pct)
{
    memset(p, 0, sizeof *p);
    p->rng = seed * 0x9E3779B97F4A7C15ULL + 1;
    ck_assert_int_eq(gnutls_init(&p->c.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK), 0);
    ck_assert_int_eq(gnutls_init(&p->s.s, GNUTLS_SERVER | GNUTLS_NONBLOCK), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(p->c.s, prio, NULL), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(p->s.s, prio, NULL), 0);
    ck_assert_int_eq(gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, g_ccred), 0);
    ck_assert_int_eq(gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, g_scred), 0);
    p->c.in = &p->s2c;
    p->c.out = &p->c2s;
    p->s.in = &p->c2s;
    p->s.out = &p->s2c;
    struct fend *ends[2] = {&p->c, &p->s};
    for (int i = 0; i < 2; i++) {
        ends[i]->rng = &p->rng;
        ends[i]->fault_pct = fault_pct;
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, fpush);
        gnutls_transport_set_pull_function(ends[i]->s, fpull);
        gnutls_transport_set_pull_timeout_function(ends[i]->s, fpull_timeout);
    }
}

static void fpair_free(struct fpair *p)
{
    gnutls_deinit(p->c.s);
    gnutls_deinit(p->s.s);
    free(p->c2s.buf);
    free(p->s2c.buf);
}

/* totals printed at the end, to show the faults really happened */
static unsigned long n_again, n_bytes;

static int is_again(long r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

/* After AGAIN/INTERRUPTED the direction must name what blocked.  A TLS 1.3
 * recv can return AGAIN after consuming a post-handshake message without
 * touching the transport: then the last operation was a read. */
static void check_direction(struct fend *e, long r, const char *what, uint64_t seed)
{
    if (!is_again(r))
        return;
    n_again++;
    int want = e->blocked < 0 ? 0 : e->blocked;
    int got = gnutls_record_get_direction(e->s);
    ck_assert_msg(got == want, "seed %llu: %s returned %s, direction %d but a %s blocked",
                  (unsigned long long)seed, what, gnutls_strerror_name((int)r), got,
                  want ? "write" : "read");
}

static void handshake_all(struct fpair *p, uint64_t seed)
{
    int cdone = 0, sdone = 0;
    for (int i = 0; i < 20000 && !(cdone && sdone); i++) {
        struct fend *e = (i & 1) ? &p->s : &p->c;
        int *done = (i & 1) ? &sdone : &cdone;
        if (*done)
            continue;
        e->blocked = -1;
        int r = gnutls_handshake(e->s);
        if (r == 0) {
            *done = 1;
            continue;
        }
        ck_assert_msg(is_again(r), "seed %llu: %s handshake failed: %s", (unsigned long long)seed,
                      e == &p->c ? "client" : "server", gnutls_strerror_name(r));
        check_direction(e, r, "handshake", seed);
    }
    ck_assert_msg(cdone && sdone, "seed %llu: handshake did not finish", (unsigned long long)seed);
}

/* Send `n` bytes each way at once, in randomly sized pieces, with random
 * receive buffers, until everything has arrived. */
static void bulk(struct fpair *p, uint64_t seed, size_t n)
{
    struct fend *ends[2] = {&p->c, &p->s};
    unsigned char *src = malloc(n), *dst[2] = {malloc(n), malloc(n)};
    for (size_t i = 0; i < n; i++)
        src[i] = (unsigned char)(i * 31 + (i >> 8) + 7);
    size_t sent[2] = {0, 0}, got[2] = {0, 0};
    size_t pending[2] = {0, 0}; /* size of the record a blocked send queued */
    for (long iter = 0; iter < 2000000 && (got[0] < n || got[1] < n); iter++) {
        int i = (int)rng_below(&p->rng, 2);
        struct fend *a = ends[i], *b = ends[1 - i];
        if (sent[i] < n && rng_below(&p->rng, 2) == 0) {
            size_t want = 1 + rng_below(&p->rng, (unsigned)(n - sent[i] < 40000 ? n - sent[i] : 40000));
            a->blocked = -1;
            long r;
            if (pending[i] && rng_below(&p->rng, 2) == 0)
                r = (long)gnutls_record_send(a->s, NULL, 0);
            else
                r = (long)gnutls_record_send(a->s, src + sent[i], pending[i] ? pending[i] : want);
            if (is_again(r)) {
                check_direction(a, r, "record_send", seed);
                ck_assert_msg(a->blocked == 1, "seed %llu: send AGAIN without a blocked write",
                              (unsigned long long)seed);
                /* what was queued is at most one record of what we passed */
                if (!pending[i])
                    pending[i] = want;
                continue;
            }
            ck_assert_msg(r > 0, "seed %llu: record_send: %s", (unsigned long long)seed,
                          gnutls_strerror_name((int)r));
            if (pending[i])
                ck_assert_msg((size_t)r <= pending[i], "seed %llu: retry returned %ld > %zu",
                              (unsigned long long)seed, r, pending[i]);
            pending[i] = 0;
            sent[i] += (size_t)r;
            ck_assert(sent[i] <= n);
        } else if (got[1 - i] < sent[i] || rng_below(&p->rng, 8) == 0) {
            /* b receives what a sent */
            size_t room = n - got[1 - i];
            if (room == 0)
                continue;
            size_t ask = 1 + rng_below(&p->rng, (unsigned)(room < 20000 ? room : 20000));
            b->blocked = -1;
            long r = (long)gnutls_record_recv(b->s, dst[1 - i] + got[1 - i], ask);
            if (is_again(r)) {
                check_direction(b, r, "record_recv", seed);
                continue;
            }
            ck_assert_msg(r > 0, "seed %llu: record_recv: %s", (unsigned long long)seed,
                          gnutls_strerror_name((int)r));
            ck_assert((size_t)r <= ask);
            ck_assert_msg(memcmp(dst[1 - i] + got[1 - i], src + got[1 - i], (size_t)r) == 0,
                          "seed %llu: bytes %zu..%zu differ (lost, duplicated or reordered)",
                          (unsigned long long)seed, got[1 - i], got[1 - i] + (size_t)r);
            got[1 - i] += (size_t)r;
            n_bytes += (size_t)r;
            ck_assert_msg(got[1 - i] <= sent[i], "seed %llu: received more than was sent",
                          (unsigned long long)seed);
        }
    }
    ck_assert_msg(got[0] == n && got[1] == n, "seed %llu: transfer of %zu stalled at %zu/%zu",
                  (unsigned long long)seed, n, got[0], got[1]);
    free(src);
    free(dst[0]);
    free(dst[1]);
}

static void bye_both(struct fpair *p, uint64_t seed)
{
    int cdone = 0, sdone = 0;
    char buf[16];
    for (int i = 0; i < 20000 && !(cdone && sdone); i++) {
        struct fend *e = (i & 1) ? &p->s : &p->c;
        int *done = (i & 1) ? &sdone : &cdone;
        if (*done)
            continue;
        e->blocked = -1;
        int r = gnutls_bye(e->s, GNUTLS_SHUT_RDWR);
        if (r == 0) {
            *done = 1;
            continue;
        }
        ck_assert_msg(is_again(r), "seed %llu: bye: %s", (unsigned long long)seed, gnutls_strerror_name(r));
        check_direction(e, r, "bye", seed);
    }
    ck_assert_msg(cdone && sdone, "seed %llu: bye did not finish", (unsigned long long)seed);
    ck_assert_int_eq(gnutls_record_recv(p->c.s, buf, sizeof buf), 0);
    ck_assert_int_eq(gnutls_record_recv(p->s.s, buf, sizeof buf), 0);
}

static const char *const prios[] = {
    "NORMAL:-VERS-ALL:+VERS-TLS1.3",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305",
};

/* Message size for a seed: every size class from 1 to 100000. */
static size_t size_for(uint64_t seed)
{
    static const size_t fixed[] = {1, 2, 255, 16383, 16384, 16385, 32768, 100000};
    if (seed < 8)
        return fixed[seed];
    uint64_t s = seed * 7919 + 13;
    switch (rng_next(&s) % 3) {
    case 0: return 1 + rng_next(&s) % 100;
    case 1: return 1 + rng_next(&s) % 20000;
    default: return 1 + rng_next(&s) % 100000;
    }
}

static void run_seed(uint64_t seed)
{
    struct fpair p;
    fpair_init(&p, seed, prios[seed % 4], 10 + (unsigned)(seed % 4) * 10);
    handshake_all(&p, seed);
    bulk(&p, seed, size_for(seed));
    bye_both(&p, seed);
    fpair_free(&p);
}

/* 1000 seeds over 4 loop iterations of 250 (one Check test per block, so a
 * failure names its range). */
START_TEST(test_seeds)
{
    for (uint64_t seed = (uint64_t)_i * 250; seed < (uint64_t)(_i + 1) * 250; seed++)
        run_seed(seed);
}
END_TEST

/* Without faults the direction after a blocked send is 1 and the retry
 * returns the queued size whatever arguments it is given. */
START_TEST(test_retry_rule)
{
    struct fpair p;
    fpair_init(&p, 4242, prios[_i % 4], 0);
    handshake_all(&p, 4242);
    unsigned char buf[20000];
    memset(buf, 'r', sizeof buf);
    p.c.fault_pct = 100;
    long r = (long)gnutls_record_send(p.c.s, buf, 5000);
    ck_assert_msg(is_again(r), "blocked send gave %ld", r);
    ck_assert_int_eq(gnutls_record_get_direction(p.c.s), 1);
    p.c.fault_pct = 0;
    r = (long)gnutls_record_send(p.c.s, buf, 3);
    ck_assert_int_eq(r, 5000);
    char in[6000];
    size_t got = 0;
    while (got < 5000) {
        long k = (long)gnutls_record_recv(p.s.s, in + got, sizeof in - got);
        if (is_again(k))
            continue;
        ck_assert_int_gt(k, 0);
        got += (size_t)k;
    }
    ck_assert_uint_eq(got, 5000);
    ck_assert_int_eq(gnutls_record_send(p.c.s, NULL, 0), GNUTLS_E_INVALID_REQUEST);
    fpair_free(&p);
}
END_TEST

/* Property on tampering: whatever bit of a record is flipped, no byte of the
 * tampered record is delivered and the error is fatal. */
START_TEST(test_bitflip_never_delivers)
{
    struct fpair p;
    const char *prio = prios[_i % 4];
    for (unsigned pos = 0; pos < 60; pos += 3) {
        fpair_init(&p, pos, prio, 0);
        handshake_all(&p, pos);
        char tmp[64];
        long r;
        /* let the client see the TLS 1.3 tickets first */
        while ((r = (long)gnutls_record_recv(p.c.s, tmp, sizeof tmp)) == GNUTLS_E_AGAIN && p.s2c.len > p.s2c.off)
            ;
        size_t from = p.c2s.len;
        ck_assert_int_eq(gnutls_record_send(p.c.s, "0123456789abcdef0123456789abcdef", 32), 32);
        size_t l = p.c2s.len - from;
        size_t at = from + 5 + pos % (l - 5); /* body only: header edits are in the diff test */
        p.c2s.buf[at] ^= (unsigned char)(1u << (pos % 8));
        char buf[64];
        int k = 0;
        do
            r = (long)gnutls_record_recv(p.s.s, buf, sizeof buf);
        while (is_again(r) && ++k < 50);
        ck_assert_msg(r < 0 && gnutls_error_is_fatal((int)r), "%s: flip at %zu gave %ld", prio, at - from, r);
        ck_assert_int_eq(gnutls_record_recv(p.s.s, buf, sizeof buf), GNUTLS_E_INVALID_SESSION);
        fpair_free(&p);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("hard-faults");
    TCase *tc = tcase_create("faults");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, creds_setup, creds_teardown);
    tcase_add_loop_test(tc, test_seeds, 0, 4);
    tcase_add_loop_test(tc, test_retry_rule, 0, 4);
    tcase_add_loop_test(tc, test_bitflip_never_delivers, 0, 4);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gnutls_global_init();
    SRunner *sr = srunner_create(suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    printf("%lu AGAIN/INTERRUPTED returns checked, %lu application bytes delivered\n", n_again, n_bytes);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    gnutls_global_deinit();
    return failures ? 1 : 0;
}
