/* Errors another OpenSSL user left in this thread's queue must not change
 * what a gnutls_* call reports: the translator clears a non-empty queue
 * before each SSL_* call (and skips the clear when the queue is empty). */
#include <check.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include "test-tls-helpers.h"

#define PRIO "NORMAL:-VERS-ALL:+VERS-TLS1.3"

static void stale_errors(void)
{
    /* a TLS reason the translator maps (PK_SIG_VERIFY_FAILED), then a
     * non-SSL one */
    ERR_raise(ERR_LIB_SSL, SSL_R_BAD_SIGNATURE);
    ERR_raise(ERR_LIB_EVP, EVP_R_BAD_DECRYPT);
    ck_assert_uint_ne(ERR_peek_error(), 0);
}

static ssize_t recv_one(gnutls_session_t s, char *buf, size_t n)
{
    ssize_t r;
    int i = 0;
    do
        r = gnutls_record_recv(s, buf, n);
    while ((r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) && ++i < 100);
    return r;
}

/* Sends one record client -> server, corrupting its last byte when asked,
 * with stale errors queued before the receive when asked; returns what
 * gnutls_record_recv reported. */
static ssize_t one_record(int corrupt, int stale)
{
    struct tt_pair p;
    int rc, rs;
    tt_pki_setup();
    tt_pair_init(&p, PRIO, tt_ec_key, tt_ec_crt);
    ck_assert_msg(tt_handshake(&p, &rc, &rs) == 0, "handshake: client %d server %d", rc, rs);
    ck_assert_int_eq(gnutls_record_send(p.client.s, "hello", 5), 5);
    if (corrupt)
        p.c2s.buf[p.c2s.len - 1] ^= 0x55;
    if (stale)
        stale_errors();
    char buf[64];
    ssize_t r = recv_one(p.server.s, buf, sizeof buf);
    if (r == 5)
        ck_assert(memcmp(buf, "hello", 5) == 0);
    /* nothing of ours or theirs is left behind */
    ck_assert_uint_eq(ERR_peek_error(), 0);
    tt_pair_free(&p);
    return r;
}

START_TEST(stale_errors_do_not_leak_into_results)
{
    ck_assert_int_eq(one_record(0, 0), 5);
    ck_assert_int_eq(one_record(0, 1), 5);
    ssize_t clean = one_record(1, 0);
    ck_assert_int_eq(clean, GNUTLS_E_DECRYPTION_FAILED);
    ck_assert_int_eq(one_record(1, 1), clean);
}
END_TEST

/* The send side and the handshake go through the same entry point. */
START_TEST(stale_errors_before_send_and_handshake)
{
    struct tt_pair p;
    int rc, rs;
    tt_pki_setup();
    tt_pair_init(&p, PRIO, tt_ec_key, tt_ec_crt);
    stale_errors();
    ck_assert_msg(tt_handshake(&p, &rc, &rs) == 0, "handshake: client %d server %d", rc, rs);
    stale_errors();
    ck_assert_int_eq(gnutls_record_send(p.client.s, "hello", 5), 5);
    char buf[16];
    stale_errors();
    ck_assert_int_eq(recv_one(p.server.s, buf, sizeof buf), 5);
    /* an empty pipe: AGAIN, not a stale reason */
    stale_errors();
    ck_assert_int_eq(gnutls_record_recv(p.server.s, buf, sizeof buf), GNUTLS_E_AGAIN);
    tt_pair_free(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tls-errqueue");
    TCase *tc = tcase_create("errqueue");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, stale_errors_do_not_leak_into_results);
    tcase_add_test(tc, stale_errors_before_send_and_handshake);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    tt_pki_cleanup();
    return failures ? 1 : 0;
}
