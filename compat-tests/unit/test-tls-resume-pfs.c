/* A PFS priority (%NO_TICKETS_TLS12) forbids TLS 1.2 session tickets: a
 * server under PFS issues none in TLS 1.2 (whether or not it could have
 * negotiated TLS 1.3), so its TLS 1.2 sessions do not resume from a ticket, while the same server under NORMAL does (control)
 * and TLS 1.3 tickets under PFS still resume, as in GnuTLS 3.7.9. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gnutls/gnutls.h>

#include "../diff/cred-corpus.h"

struct pipe_buf { unsigned char data[65536]; size_t len, off; };
struct end { gnutls_session_t s; struct pipe_buf *in, *out; };

static ssize_t push(gnutls_transport_ptr_t p, const void *buf, size_t n)
{
    struct end *e = p;
    if (e->out->len + n > sizeof e->out->data) {
        gnutls_transport_set_errno(e->s, ENOSPC);
        return -1;
    }
    memcpy(e->out->data + e->out->len, buf, n);
    e->out->len += n;
    return (ssize_t)n;
}

static ssize_t pull(gnutls_transport_ptr_t p, void *buf, size_t n)
{
    struct end *e = p;
    size_t avail = e->in->len - e->in->off;
    if (avail == 0) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > avail)
        n = avail;
    memcpy(buf, e->in->data + e->in->off, n);
    e->in->off += n;
    if (e->in->off == e->in->len)
        e->in->off = e->in->len = 0;
    return (ssize_t)n;
}


/* One connection; returns whether the client resumed.  *data gets the
 * client's session data when non-NULL. */
static int connect_once(const char *sprio, const char *cprio, const gnutls_datum_t *key,
                        const gnutls_datum_t *resume, gnutls_datum_t *data)
{
    static struct pipe_buf c2s, s2c;
    struct end c = {0}, s = {0};
    gnutls_certificate_credentials_t sc, cc;
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, resumed;

    memset(&c2s, 0, sizeof c2s);
    memset(&s2c, 0, sizeof s2c);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&sc), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(sc, P("good.chain"), P("good.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&cc), 0);
    c.in = &s2c; c.out = &c2s; s.in = &c2s; s.out = &s2c;
    ck_assert_int_eq(gnutls_init(&c.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK), 0);
    ck_assert_int_eq(gnutls_init(&s.s, GNUTLS_SERVER | GNUTLS_NONBLOCK), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(c.s, cprio, NULL), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(s.s, sprio, NULL), 0);
    gnutls_credentials_set(c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(s.s, GNUTLS_CRD_CERTIFICATE, sc);
    ck_assert_int_eq(gnutls_session_ticket_enable_server(s.s, key), 0);
    if (resume != NULL)
        ck_assert_int_eq(gnutls_session_set_data(c.s, resume->data, resume->size), 0);
    gnutls_transport_set_ptr(c.s, &c);
    gnutls_transport_set_ptr(s.s, &s);
    gnutls_transport_set_push_function(c.s, push);
    gnutls_transport_set_push_function(s.s, push);
    gnutls_transport_set_pull_function(c.s, pull);
    gnutls_transport_set_pull_function(s.s, pull);
    for (int i = 0; i < 50 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c.s);
            ck_assert(rc == 0 || !gnutls_error_is_fatal(rc));
        }
        if (rs != 0) {
            rs = gnutls_handshake(s.s);
            ck_assert(rs == 0 || !gnutls_error_is_fatal(rs));
        }
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(rs, 0);
    /* TLS 1.3 tickets follow the handshake: let the client read them */
    char b;
    ck_assert_int_eq(gnutls_record_send(s.s, "x", 1), 1);
    for (int i = 0; i < 10 && gnutls_record_recv(c.s, &b, 1) == GNUTLS_E_AGAIN; i++)
        ;
    resumed = gnutls_session_is_resumed(c.s);
    if (data != NULL)
        ck_assert_int_eq(gnutls_session_get_data2(c.s, data), 0);
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
    return resumed;
}

static int resumes(const char *sprio, const char *cprio)
{
    gnutls_datum_t key, data;
    int r;

    ck_assert_int_eq(gnutls_session_ticket_key_generate(&key), 0);
    ck_assert_int_eq(connect_once(sprio, cprio, &key, NULL, &data), 0);
    r = connect_once(sprio, cprio, &key, &data, NULL);
    gnutls_free(data.data);
    gnutls_free(key.data);
    return r;
}

#define TLS12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"
START_TEST(tls12_normal_resumes)
{
    ck_assert_int_eq(resumes(TLS12, TLS12), 1);
}
END_TEST

START_TEST(tls12_pfs_no_ticket)
{
    ck_assert_int_eq(resumes("PFS:-VERS-ALL:+VERS-TLS1.2", TLS12), 0);
    ck_assert_int_eq(resumes("NORMAL:%NO_TICKETS_TLS12:-VERS-ALL:+VERS-TLS1.2", TLS12), 0);
    /* a server that could do TLS 1.3 meets a TLS 1.2-only client */
    ck_assert_int_eq(resumes("PFS", TLS12), 0);
    ck_assert_int_eq(resumes("NORMAL:%NO_TICKETS_TLS12", TLS12), 0);
    ck_assert_int_eq(resumes("NORMAL", TLS12), 1);
}
END_TEST

START_TEST(tls13_pfs_resumes)
{
    ck_assert_int_eq(resumes("PFS", "NORMAL"), 1);
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
    gnutls_global_init();
    su = suite_create("tls-resume-pfs");
    tc = tcase_create("tickets");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, tls12_normal_resumes);
    tcase_add_test(tc, tls12_pfs_no_ticket);
    tcase_add_test(tc, tls13_pfs_resumes);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    gnutls_global_deinit();
    if (corpus_close() != 0)
        return 1;
    return failures ? 1 : 0;
}
