/* Unit tests of verification inside the handshake (src/cred/verify.c,
 * ssl.c): credentials verify functions (0 continues, -1 and positive values
 * fail with -43, values below -1 are returned as they are), the automatic
 * check of gnutls_session_set_verify_cert (-348 with the status kept), the
 * session verify function replacing the credentials one, peer lists and
 * status bits seen from inside the callback, and a server without
 * credentials. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <gnutls/gnutls.h>
#include "cred/cred-int.h" /* to look at the credentials' SSL_CTXs */

#include "../diff/cred-corpus.h"

struct pair {
    gnutls_session_t c, s;
    gnutls_certificate_credentials_t cc, sc;
    int fds[2];
};

static void pair_open(struct pair *p, const char *chain, const char *key)
{
    memset(p, 0, sizeof(*p));
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, p->fds), 0);
    fcntl(p->fds[0], F_SETFL, O_NONBLOCK);
    fcntl(p->fds[1], F_SETFL, O_NONBLOCK);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->sc), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(p->sc, P(chain), P(key), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->cc), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(p->cc, P("ca.pem"), GNUTLS_X509_FMT_PEM), 1);
    ck_assert_int_eq(gnutls_init(&p->s, GNUTLS_SERVER), 0);
    gnutls_set_default_priority(p->s);
    gnutls_credentials_set(p->s, GNUTLS_CRD_CERTIFICATE, p->sc);
    gnutls_transport_set_int(p->s, p->fds[0]);
    ck_assert_int_eq(gnutls_init(&p->c, GNUTLS_CLIENT), 0);
    gnutls_set_default_priority(p->c);
    gnutls_credentials_set(p->c, GNUTLS_CRD_CERTIFICATE, p->cc);
    gnutls_transport_set_int(p->c, p->fds[1]);
}

static void pair_close(struct pair *p)
{
    gnutls_deinit(p->c);
    gnutls_deinit(p->s);
    gnutls_certificate_free_credentials(p->cc);
    gnutls_certificate_free_credentials(p->sc);
    close(p->fds[0]);
    close(p->fds[1]);
}

static int run(struct pair *p, int *rs)
{
    int rc = GNUTLS_E_AGAIN, cdone = 0, sdone = 0, i, stall = 0;

    *rs = GNUTLS_E_AGAIN;
    for (i = 0; i < 2000 && !(cdone && sdone); i++) {
        if (!cdone && ((rc = gnutls_handshake(p->c)) == 0 || gnutls_error_is_fatal(rc)))
            cdone = 1;
        if (!sdone && ((*rs = gnutls_handshake(p->s)) == 0 || gnutls_error_is_fatal(*rs)))
            sdone = 1;
        if ((cdone || sdone) && ++stall > 50)
            break;
    }
    return rc;
}

static int cb_ret, cb_calls;
static unsigned cb_status, cb_peers;

static int cred_cb(gnutls_session_t s)
{
    cb_calls++;
    gnutls_certificate_get_peers(s, &cb_peers);
    if (gnutls_certificate_verify_peers3(s, "good.example", &cb_status) < 0)
        cb_status = 0xdead;
    return cb_ret;
}

static int session_cb(gnutls_session_t s)
{
    (void)s;
    cb_calls += 100;
    return 0;
}

static int verify_fn_result(const char *chain, const char *key, int ret)
{
    struct pair p;
    int rc, rs;

    pair_open(&p, chain, key);
    cb_ret = ret;
    cb_calls = 0;
    cb_status = 0;
    gnutls_certificate_set_verify_function(p.cc, cred_cb);
    rc = run(&p, &rs);
    pair_close(&p);
    ck_assert_int_eq(cb_calls, 1);
    return rc;
}

START_TEST(verify_function_codes)
{
    ck_assert_int_eq(verify_fn_result("good.chain", "good.key", 0), 0);
    ck_assert_uint_eq(cb_status, 0);
    ck_assert_uint_eq(cb_peers, 2);
    ck_assert_int_eq(verify_fn_result("good.chain", "good.key", -1), GNUTLS_E_CERTIFICATE_ERROR);
    ck_assert_int_eq(verify_fn_result("good.chain", "good.key", 1), GNUTLS_E_CERTIFICATE_ERROR);
    ck_assert_int_eq(verify_fn_result("good.chain", "good.key", 7), GNUTLS_E_CERTIFICATE_ERROR);
    ck_assert_int_eq(verify_fn_result("good.chain", "good.key", GNUTLS_E_USER_ERROR), GNUTLS_E_USER_ERROR);
    /* the callback sees the real status of a bad chain and may still accept it */
    ck_assert_int_eq(verify_fn_result("expired.chain", "expired.key", 0), 0);
    ck_assert_uint_eq(cb_status, GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED);
    ck_assert_int_eq(verify_fn_result("unknownca.chain", "unknownca.key", 0), 0);
    ck_assert_uint_eq(cb_status, GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND);
}
END_TEST

static int auto_result(const char *chain, const char *key, const char *host, unsigned *status)
{
    struct pair p;
    int rc, rs;

    pair_open(&p, chain, key);
    gnutls_session_set_verify_cert(p.c, host, 0);
    rc = run(&p, &rs);
    *status = gnutls_session_get_verify_cert_status(p.c);
    if (rc != 0)
        ck_assert_int_ne(rs, 0); /* the server does not complete either */
    pair_close(&p);
    return rc;
}

START_TEST(set_verify_cert_codes)
{
    unsigned st;

    ck_assert_int_eq(auto_result("good.chain", "good.key", "good.example", &st), 0);
    ck_assert_uint_eq(st, 0);
    ck_assert_int_eq(auto_result("good.chain", "good.key", "other.example", &st),
                     GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR);
    ck_assert_uint_eq(st, GNUTLS_CERT_INVALID | GNUTLS_CERT_UNEXPECTED_OWNER);
    ck_assert_int_eq(auto_result("revoked.chain", "revoked.key", "good.example", &st), 0); /* no CRL loaded */
    ck_assert_int_eq(auto_result("notca.chain", "notca.key", NULL, &st), GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR);
    ck_assert_uint_eq(st, GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_CA);
    ck_assert_int_eq(auto_result("sha1.chain", "sha1.key", NULL, &st), GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR);
    ck_assert_uint_eq(st, GNUTLS_CERT_INVALID | GNUTLS_CERT_INSECURE_ALGORITHM);
}
END_TEST

/* A session verify function replaces the credentials' one. */
START_TEST(session_function_wins)
{
    struct pair p;
    int rc, rs;

    pair_open(&p, "good.chain", "good.key");
    cb_calls = 0;
    cb_ret = -1;
    gnutls_certificate_set_verify_function(p.cc, cred_cb);
    gnutls_session_set_verify_function(p.c, session_cb);
    rc = run(&p, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(cb_calls, 100);
    pair_close(&p);
}
END_TEST

/* No verification unless asked: a bad chain completes the handshake. */
START_TEST(no_verification_by_default)
{
    struct pair p;
    int rc, rs;
    unsigned status = 0, n = 0;

    pair_open(&p, "unknownca.chain", "unknownca.key");
    rc = run(&p, &rs);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    ck_assert_ptr_nonnull(gnutls_certificate_get_peers(p.c, &n));
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(gnutls_certificate_verify_peers2(p.c, &status), 0);
    ck_assert_uint_eq(status, GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND);
    ck_assert_int_ne(gnutls_certificate_expiration_time_peers(p.c), (time_t)-1);
    /* a client's trust-only credentials share the process-wide CTX; the
     * server's credentials (with a key) own one */
    ck_assert_ptr_null(p.cc->ctx[GNOSSL_CTX_TLS_CLIENT]);
    ck_assert_ptr_nonnull(p.sc->ctx[GNOSSL_CTX_TLS_SERVER]);
    ck_assert_int_lt(gnutls_certificate_activation_time_peers(p.c), gnutls_certificate_expiration_time_peers(p.c));
    pair_close(&p);
}
END_TEST

/* A client without certificate credentials does not complete a handshake
 * authenticated by a server certificate (GnuTLS never offers one; its
 * server then fails with -87 / -9, here the client stops with -32). */
START_TEST(client_without_credentials)
{
    struct pair p;
    int rc, rs;

    pair_open(&p, "good.chain", "good.key");
    gnutls_credentials_clear(p.c);
    rc = run(&p, &rs);
    ck_assert_int_ne(rc, 0);
    ck_assert_int_ne(rs, 0);
    pair_close(&p);
}
END_TEST

/* A server with no credentials at all fails once the ClientHello is in. */
START_TEST(server_without_credentials)
{
    struct pair p;
    int rc, rs;

    pair_open(&p, "good.chain", "good.key");
    gnutls_credentials_clear(p.s);
    rc = run(&p, &rs);
    ck_assert_int_ne(rc, 0);
    ck_assert_int_eq(rs, GNUTLS_E_INSUFFICIENT_CREDENTIALS);
    pair_close(&p);
}
END_TEST

int main(void)
{
    Suite *su;
    TCase *tc;
    SRunner *sr;
    int failures;

    if (getenv("GNOSSL_SRC") == NULL)
        return 77;
    if (corpus_generate() != 0)
        return 1;
    su = suite_create("cred-verify");
    tc = tcase_create("handshake");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, verify_function_codes);
    tcase_add_test(tc, set_verify_cert_codes);
    tcase_add_test(tc, session_function_wins);
    tcase_add_test(tc, no_verification_by_default);
    tcase_add_test(tc, server_without_credentials);
    tcase_add_test(tc, client_without_credentials);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (corpus_close() != 0)
        return 1;
    return failures ? 1 : 0;
}
