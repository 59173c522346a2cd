/* tls room: handshake, records and bye between a gnossl client and a gnossl
 * server over an in-memory transport, TLS 1.2 and 1.3, with injected
 * EAGAIN, EINTR, partial writes and short reads. */
#include "test-tls-helpers.h"

static const char *const prio_of[] = {
    "NORMAL:-VERS-ALL:+VERS-TLS1.3",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2",
};

/* Send `n` bytes from a to b, every byte once and in order, tolerating
 * AGAIN/INTERRUPTED on either side (with the retry rule on send). */
static void transfer(struct tt_end *a, struct tt_end *b, size_t n)
{
    unsigned char *src = malloc(n), *dst = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        src[i] = (unsigned char)(i * 7 + n);
    size_t sent = 0, got = 0;
    int spins = 0;
    ssize_t pending = 0; /* size of a send that returned AGAIN */
    while (got < n) {
        ck_assert_int_lt(++spins, 2000000);
        if (sent < n) {
            ssize_t r;
            if (pending)
                r = gnutls_record_send(a->s, NULL, 0);
            else
                r = gnutls_record_send(a->s, src + sent, n - sent);
            if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) {
                ck_assert_int_eq(gnutls_record_get_direction(a->s), 1);
                pending = 1;
            } else {
                ck_assert_int_gt(r, 0);
                ck_assert_int_le(r, 16384);
                sent += (size_t)r;
                pending = 0;
            }
        }
        ssize_t r = gnutls_record_recv(b->s, dst + got, n - got + 1);
        if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
            continue;
        ck_assert_int_gt(r, 0);
        got += (size_t)r;
        ck_assert_uint_le(got, sent);
    }
    ck_assert_uint_eq(got, n);
    ck_assert(memcmp(src, dst, n) == 0);
    free(src);
    free(dst);
}

static void run_basic(int vers, size_t max_write, size_t max_read, int eagain, int eintr, int set_errno)
{
    struct tt_pair p;
    tt_pki_setup();
    tt_pair_init(&p, prio_of[vers], tt_rsa_key, tt_rsa_crt);
    struct tt_end *ends[2] = {&p.client, &p.server};
    for (int i = 0; i < 2; i++) {
        ends[i]->max_write = max_write;
        ends[i]->max_read = max_read;
        ends[i]->eagain_every = eagain;
        ends[i]->eintr_every = eintr;
        ends[i]->use_set_errno = set_errno;
    }
    int rc, rs;
    ck_assert_int_eq(gnutls_record_send(p.client.s, "x", 1), GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE);
    ck_assert_msg(tt_handshake(&p, &rc, &rs) == 0, "handshake: client %d server %d", rc, rs);
    ck_assert_int_eq(gnutls_protocol_get_version(p.client.s), vers == 0 ? GNUTLS_TLS1_3 : GNUTLS_TLS1_2);
    ck_assert_int_eq(gnutls_protocol_get_version(p.server.s), vers == 0 ? GNUTLS_TLS1_3 : GNUTLS_TLS1_2);

    static const size_t sizes[] = {1, 2, 100, 16383, 16384, 16385, 32768, 40000, 100000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        transfer(&p.client, &p.server, sizes[i]);
        transfer(&p.server, &p.client, sizes[i]);
    }

    /* bye(SHUT_WR) from the client; the server reads 0 (close_notify),
     * and keeps reading 0. */
    int r;
    do
        r = gnutls_bye(p.client.s, GNUTLS_SHUT_WR);
    while (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED);
    ck_assert_int_eq(r, 0);
    char buf[16];
    ssize_t n;
    do
        n = gnutls_record_recv(p.server.s, buf, sizeof buf);
    while (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(gnutls_record_recv(p.server.s, buf, sizeof buf), 0);
    /* the client may no longer write */
    ck_assert_int_eq(gnutls_record_send(p.client.s, "x", 1), GNUTLS_E_INVALID_SESSION);
    tt_pair_free(&p);
}

START_TEST(basic_clean)
{
    run_basic(_i, 0, 0, 0, 0, 0);
}
END_TEST

START_TEST(basic_partial_writes_short_reads)
{
    run_basic(_i, 7, 3, 0, 0, 0);
}
END_TEST

START_TEST(basic_eagain)
{
    run_basic(_i, 1000, 0, 3, 0, 0);
}
END_TEST

START_TEST(basic_eintr_set_errno)
{
    run_basic(_i, 0, 500, 0, 4, 1);
}
END_TEST

START_TEST(basic_mixed)
{
    run_basic(_i, 333, 77, 5, 7, 1);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("tls-session");
    TCase *tc = tcase_create("basic");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, basic_clean, 0, 2);
    tcase_add_loop_test(tc, basic_partial_writes_short_reads, 0, 2);
    tcase_add_loop_test(tc, basic_eagain, 0, 2);
    tcase_add_loop_test(tc, basic_eintr_set_errno, 0, 2);
    tcase_add_loop_test(tc, basic_mixed, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    tt_pki_setup();
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    tt_pki_cleanup();
    return failed ? 1 : 0;
}
