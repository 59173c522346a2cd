/* Differential: client certificates as a GnuTLS server handles them, TLS 1.2
 * and 1.3: required but not sent, requested but not sent, sent but not
 * trusted (the handshake completes and the application judges with
 * gnutls_certificate_verify_peers2), trusted, and the in-handshake check of
 * gnutls_session_set_verify_cert on the server; the client's own checks
 * (set_verify_cert, a verify function) of a server it does not trust.
 * Codes of both ends, the verification status, the alert the client sees
 * and the last handshake messages in and out of each end. */
#include "tls-pair.h"

#include "test-keys.h"

static gnutls_certificate_credentials_t scred_trusting, scred_plain, ccred_cert, ccred_none;

/* Where each handshake stopped: the last message in and out. */
static void print_last(struct tp_pair *p)
{
    printf("  last in/out: client %d/%d, server %d/%d\n", (int)gnutls_handshake_get_last_in(p->c.s),
           (int)gnutls_handshake_get_last_out(p->c.s), (int)gnutls_handshake_get_last_in(p->s.s),
           (int)gnutls_handshake_get_last_out(p->s.s));
}

static int refuse(gnutls_session_t s)
{
    (void)s;
    return -1;
}

static void scenario(const char *name, const char *prio, gnutls_certificate_request_t req,
                     gnutls_certificate_credentials_t scred, gnutls_certificate_credentials_t ccred, int verify_cert)
{
    struct tp_pair p;
    char buf[16];
    printf("== %s, %s\n", name, prio);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_certificate_server_set_request(p.s.s, req);
    if (verify_cert == 1)
        gnutls_session_set_verify_cert(p.s.s, NULL, 0);
    else if (verify_cert == 2)
        gnutls_session_set_verify_function(p.s.s, refuse);
    int ok = tp_handshake(&p) == 0;
    if (!ok) {
        /* what the client makes of the server's failure */
        int r;
        for (int i = 0; i < 5; i++)
            if ((r = gnutls_handshake(p.c.s)) != GNUTLS_E_AGAIN)
                break;
        if (r == GNUTLS_E_AGAIN || r == 0) {
            for (int i = 0; i < 5; i++)
                if ((r = (int)gnutls_record_recv(p.c.s, buf, sizeof buf)) != GNUTLS_E_AGAIN)
                    break;
        }
        printf("  client then: %s", tp_code(r));
        if (r == GNUTLS_E_FATAL_ALERT_RECEIVED || r == GNUTLS_E_WARNING_ALERT_RECEIVED)
            printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(p.c.s)));
        printf("\n");
        if (verify_cert == 1)
            printf("  server verify status: 0x%x\n", gnutls_session_get_verify_cert_status(p.s.s));
        print_last(&p);
    } else {
        print_last(&p);
        unsigned st = 0, n = 0;
        int r = gnutls_certificate_verify_peers2(p.s.s, &st);
        printf("  server verify_peers2: %s status 0x%x\n", tp_code(r), st);
        printf("  server peers: %s\n", gnutls_certificate_get_peers(p.s.s, &n) ? "some" : "none");
        printf("  client request status: %u\n", gnutls_certificate_client_get_request_status(p.c.s));
        /* the application refuses with access_denied, as gnutls-serv does */
        if (r == 0 && st != 0)
            printf("  server alert_send: %s\n", tp_code(gnutls_alert_send(p.s.s, GNUTLS_AL_FATAL, GNUTLS_A_ACCESS_DENIED)));
        for (int i = 0; i < 5; i++)
            if ((r = (int)gnutls_record_recv(p.c.s, buf, sizeof buf)) != GNUTLS_E_AGAIN)
                break;
        printf("  client recv: %s", tp_code(r));
        if (r == GNUTLS_E_FATAL_ALERT_RECEIVED)
            printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(p.c.s)));
        printf("\n");
    }
    tp_free(&p);
}

/* The client checks the server's certificate, which it does not trust
 * (set_verify_cert, or a verify function that refuses). */
static void server_untrusted(const char *prio, int how)
{
    struct tp_pair p;
    printf("== client %s, %s\n", how == 1 ? "set_verify_cert, untrusted server" : "verify function refuses", prio);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred_none);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred_plain);
    if (how == 1)
        gnutls_session_set_verify_cert(p.c.s, NULL, 0);
    else
        gnutls_session_set_verify_function(p.c.s, refuse);
    if (tp_handshake(&p) == 0)
        printf("  handshake succeeded\n");
    if (how == 1)
        printf("  client verify status: 0x%x\n", gnutls_session_get_verify_cert_status(p.c.s));
    print_last(&p);
    tp_free(&p);
}

/* Mutual authentication: which signature algorithms each side reports for
 * itself and for its peer (before TLS 1.2 none is negotiated). */
static void sign_report(const char *prio)
{
    struct tp_pair p;
    printf("== signatures reported, %s\n", prio);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred_cert);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred_trusting);
    gnutls_certificate_server_set_request(p.s.s, GNUTLS_CERT_REQUIRE);
    if (tp_handshake(&p) == 0)
        printf("  client: server's %s client's %s; server: server's %s client's %s\n",
               tp_code(gnutls_sign_algorithm_get(p.c.s)), tp_code(gnutls_sign_algorithm_get_client(p.c.s)),
               tp_code(gnutls_sign_algorithm_get(p.s.s)), tp_code(gnutls_sign_algorithm_get_client(p.s.s)));
    print_last(&p);
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_datum_t rk = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t rc = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_allocate_credentials(&scred_trusting);
    gnutls_certificate_allocate_credentials(&scred_plain);
    gnutls_certificate_allocate_credentials(&ccred_cert);
    gnutls_certificate_allocate_credentials(&ccred_none);
    gnutls_certificate_set_x509_key_mem(scred_trusting, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(scred_plain, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(scred_trusting, &rc, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(ccred_cert, &rc, &rk, GNUTLS_X509_FMT_PEM);

    static const char *const prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3"};
    for (int i = 0; i < 2; i++) {
        scenario("required, none sent", prios[i], GNUTLS_CERT_REQUIRE, scred_trusting, ccred_none, 0);
        scenario("requested, none sent", prios[i], GNUTLS_CERT_REQUEST, scred_trusting, ccred_none, 0);
        scenario("required, trusted", prios[i], GNUTLS_CERT_REQUIRE, scred_trusting, ccred_cert, 0);
        scenario("required, untrusted", prios[i], GNUTLS_CERT_REQUIRE, scred_plain, ccred_cert, 0);
        scenario("requested, untrusted", prios[i], GNUTLS_CERT_REQUEST, scred_plain, ccred_cert, 0);
        scenario("required, untrusted, set_verify_cert", prios[i], GNUTLS_CERT_REQUIRE, scred_plain, ccred_cert, 1);
        scenario("required, trusted, set_verify_cert", prios[i], GNUTLS_CERT_REQUIRE, scred_trusting, ccred_cert, 1);
        scenario("required, none sent, set_verify_cert", prios[i], GNUTLS_CERT_REQUIRE, scred_trusting, ccred_none, 1);
        scenario("required, refused by the verify function", prios[i], GNUTLS_CERT_REQUIRE, scred_trusting, ccred_cert, 2);
        scenario("requested, none sent, set_verify_cert", prios[i], GNUTLS_CERT_REQUEST, scred_trusting, ccred_none, 1);
        scenario("requested, none sent, verify function", prios[i], GNUTLS_CERT_REQUEST, scred_trusting, ccred_none, 2);
        server_untrusted(prios[i], 1);
        server_untrusted(prios[i], 2);
    }
    static const char *const versions[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.0", "NORMAL:-VERS-ALL:+VERS-TLS1.1",
                                           "NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3"};
    for (int i = 0; i < 4; i++)
        sign_report(versions[i]);
    gnutls_certificate_free_credentials(scred_trusting);
    gnutls_certificate_free_credentials(scred_plain);
    gnutls_certificate_free_credentials(ccred_cert);
    gnutls_certificate_free_credentials(ccred_none);
    gnutls_global_deinit();
    return 0;
}
