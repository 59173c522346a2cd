/* Differential: OCSP status requests on the client (gnutls_ocsp_status_request_*)
 * and the stapled response's effect on gnutls_certificate_verify_peers*, TLS 1.2
 * and 1.3, gnossl client and server against themselves: what the client gets,
 * is_checked before/after verification, the verification status for good,
 * revoked, expired, wrongly signed, unrelated and undated responses, must-staple
 * certificates with and without a response, and the load-time checks of the
 * server calls.
 *
 * The PKI: ocsp-pki.h. */
#include "ocsp-pair.h"
#include <gnutls/x509.h>

#include "ocsp-pki.h"

static gnutls_certificate_credentials_t server_cred(const char *crt, const char *key, unsigned flags,
                                                    const unsigned char *resp, size_t resp_len)
{
    gnutls_certificate_credentials_t c;
    gnutls_certificate_allocate_credentials(&c);
    if (flags)
        gnutls_certificate_set_flags(c, flags);
    /* leaf followed by the CA */
    size_t n = strlen(crt) + strlen(ca_crt) + 1;
    char *chain = malloc(n);
    snprintf(chain, n, "%s%s", crt, ca_crt);
    gnutls_datum_t cd = txt(chain), kd = txt(key);
    int r = gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM);
    if (r < 0)
        printf("  key_mem: %s\n", tp_code(r));
    free(chain);
    if (resp != NULL) {
        gnutls_datum_t rd = {(unsigned char *)resp, (unsigned)resp_len};
        printf("  load response: %s\n", tp_code(gnutls_certificate_set_ocsp_status_request_mem(c, &rd, 0, GNUTLS_X509_FMT_DER)));
    }
    return c;
}

static gnutls_certificate_credentials_t client_cred(void)
{
    gnutls_certificate_credentials_t c;
    gnutls_certificate_allocate_credentials(&c);
    gnutls_datum_t d = txt(ca_crt);
    gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_PEM);
    return c;
}

/* One connection; `resp` is the server's response (NULL: none). */
static void scenario(const char *name, const char *prio, const char *crt, const char *key, unsigned sflags,
                     const unsigned char *resp, size_t resp_len, unsigned vflags, int verify_in_handshake)
{
    printf("== %s, %s\n", name, prio);
    gnutls_certificate_credentials_t sc = server_cred(crt, key, sflags, resp, resp_len);
    gnutls_certificate_credentials_t cc = client_cred();
    if (vflags)
        gnutls_certificate_set_verify_flags(cc, vflags);
    struct tp_pair p;
    ocsp_pair_init(&p, prio, cc, sc);
    if (verify_in_handshake)
        gnutls_session_set_verify_cert(p.c.s, "localhost", 0);
    if (tp_handshake(&p) == 0) {
        gnutls_datum_t d = {NULL, 0};
        int r = gnutls_ocsp_status_request_get(p.c.s, &d);
        printf("  client get: %s", tp_code(r));
        if (r == 0)
            printf(" (%s)", d.size == resp_len && resp != NULL && memcmp(d.data, resp, d.size) == 0 ? "the response" : "OTHER");
        printf("\n");
        d.data = NULL;
        printf("  client get2 idx 1: %s\n", tp_code(gnutls_ocsp_status_request_get2(p.c.s, 1, &d)));
        printf("  server get: %s\n", tp_code(gnutls_ocsp_status_request_get(p.s.s, &d)));
        printf("  is_checked before verify: %u, avail %u\n", gnutls_ocsp_status_request_is_checked(p.c.s, 0),
               gnutls_ocsp_status_request_is_checked(p.c.s, GNUTLS_OCSP_SR_IS_AVAIL));
        unsigned st = 0;
        r = gnutls_certificate_verify_peers3(p.c.s, "localhost", &st);
        printf("  verify: %s status 0x%x\n", tp_code(r), st);
        printf("  is_checked after verify: %u, avail %u\n", gnutls_ocsp_status_request_is_checked(p.c.s, 0),
               gnutls_ocsp_status_request_is_checked(p.c.s, GNUTLS_OCSP_SR_IS_AVAIL));
    } else if (verify_in_handshake) {
        printf("  verify status: 0x%x\n", gnutls_session_get_verify_cert_status(p.c.s));
        /* the check follows the CertificateStatus in TLS 1.2 */
        printf("  client last in/out: %d/%d\n", (int)gnutls_handshake_get_last_in(p.c.s),
               (int)gnutls_handshake_get_last_out(p.c.s));
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

#define R(x) x, sizeof x

int main(void)
{
    static const char *const prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3"};
    gnutls_global_init();

    /* Calls outside a connection. */
    gnutls_session_t c, s;
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_init(&s, GNUTLS_SERVER);
    printf("enable_client on client: %s\n", tp_code(gnutls_ocsp_status_request_enable_client(c, NULL, 0, NULL)));
    printf("enable_client on server: %s\n", tp_code(gnutls_ocsp_status_request_enable_client(s, NULL, 0, NULL)));
    /* (gnutls_ocsp_status_request_get before a handshake crashes GnuTLS 3.7.9) */
    printf("is_checked before handshake: %u\n", gnutls_ocsp_status_request_is_checked(c, 0));
    gnutls_deinit(c);
    gnutls_deinit(s);

    /* Load-time checks. */
    printf("== loading\n");
    gnutls_certificate_free_credentials(server_cred(leaf_crt, leaf_key, 0, R(ocsp_expired)));
    gnutls_certificate_free_credentials(server_cred(leaf_crt, leaf_key, 0, R(ocsp_unrelated)));
    gnutls_certificate_free_credentials(server_cred(leaf_crt, leaf_key, 0, R(ocsp_old)));
    gnutls_certificate_free_credentials(server_cred(leaf_crt, leaf_key, 0, R(ocsp_badsig)));
    gnutls_certificate_free_credentials(server_cred(leaf_crt, leaf_key, 0, R(ocsp_revoked)));

    for (int i = 0; i < 2; i++) {
        const char *pr = prios[i];
        scenario("no response", pr, leaf_crt, leaf_key, 0, NULL, 0, 0, 0);
        scenario("good", pr, leaf_crt, leaf_key, 0, R(ocsp_good), 0, 0);
        scenario("revoked", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_revoked), 0, 0);
        scenario("revoked, CRL checks disabled", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_revoked), GNUTLS_VERIFY_DISABLE_CRL_CHECKS, 0);
        scenario("revoked, verified in the handshake", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_revoked), 0, 1);
        scenario("expired (not checked at load)", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_expired), 0, 0);
        scenario("undated (not checked at load)", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_old), 0, 0);
        scenario("signed by another key", pr, leaf_crt, leaf_key, 0, R(ocsp_badsig), 0, 0);
        scenario("about another certificate", pr, leaf_crt, leaf_key, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK,
                 R(ocsp_unrelated), 0, 0);
        scenario("must-staple, no response", pr, ms_crt, ms_key, 0, NULL, 0, 0, 0);
        scenario("must-staple, no response, verified in the handshake", pr, ms_crt, ms_key, 0, NULL, 0, 0, 1);
        scenario("must-staple, good", pr, ms_crt, ms_key, 0, R(ocsp_ms_good), 0, 0);
        scenario("must-staple, no response, CRL checks disabled", pr, ms_crt, ms_key, 0, NULL, 0,
                 GNUTLS_VERIFY_DISABLE_CRL_CHECKS, 0);
    }
    gnutls_global_deinit();
    return 0;
}
