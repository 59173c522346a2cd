/* Differential: which certificate a GnuTLS client sends when its credentials
 * hold one from a file or memory (no retrieve function) and the server asks
 * for one, TLS 1.2 and 1.3.  The server's CertificateRequest names the CAs it
 * trusts: the client's certificate is sent when one of them issued it; when
 * none did, GnuTLS sends no certificate (a server that only requests one
 * then completes the handshake, one that requires one fails it), unless the
 * session was made with GNUTLS_FORCE_CLIENT_CERT.  With no names at all (a
 * server trusting nothing), the client's only certificate is sent.
 * Found by consumer2-ldap: slapd with "TLSVerifyClient try" ended the session
 * of a gnossl client whose certificate came from another CA. */
#include "tls-pair.h"

#include "test-keys.h"
#include <gnutls/x509.h>

static gnutls_certificate_credentials_t scred_names, scred_other, scred_plain, ccred;

/* A self-signed CA certificate named "CN=gnossl other CA" (the test keys'
 * certificates are all CN=localhost, so none of them was issued by it). */
static void other_ca(gnutls_datum_t *pem)
{
    gnutls_x509_crt_t crt;
    gnutls_x509_privkey_t key;
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    unsigned char serial[1] = {7};
    gnutls_x509_privkey_init(&key);
    gnutls_x509_privkey_import(key, &k, GNUTLS_X509_FMT_PEM);
    gnutls_x509_crt_init(&crt);
    gnutls_x509_crt_set_version(crt, 3);
    gnutls_x509_crt_set_serial(crt, serial, sizeof serial);
    gnutls_x509_crt_set_activation_time(crt, 1000000000);
    gnutls_x509_crt_set_expiration_time(crt, 4000000000);
    gnutls_x509_crt_set_dn(crt, "CN=gnossl other CA", NULL);
    gnutls_x509_crt_set_key(crt, key);
    gnutls_x509_crt_set_basic_constraints(crt, 1, -1);
    gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_KEY_CERT_SIGN);
    printf("other CA self-signed: %s\n", tp_code(gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0)));
    gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, pem);
    gnutls_x509_crt_deinit(crt);
    gnutls_x509_privkey_deinit(key);
}

static void scenario(const char *name, const char *prio, gnutls_certificate_request_t req,
                     gnutls_certificate_credentials_t scred, unsigned cflags)
{
    struct tp_pair p;
    unsigned n = 0;
    printf("== %s, %s\n", name, prio);
    tp_init(&p, cflags, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_certificate_server_set_request(p.s.s, req);
    if (tp_handshake(&p) == 0) {
        printf("  server got a certificate: %s\n", gnutls_certificate_get_peers(p.s.s, &n) ? "yes" : "no");
        printf("  client sent one: %s\n", gnutls_certificate_get_ours(p.c.s) ? "yes" : "no");
        printf("  client request status: %u\n", gnutls_certificate_client_get_request_status(p.c.s));
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_datum_t rk = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t rc = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_datum_t other = {NULL, 0};
    other_ca(&other);
    gnutls_certificate_allocate_credentials(&scred_names);
    gnutls_certificate_allocate_credentials(&scred_other);
    gnutls_certificate_allocate_credentials(&scred_plain);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_set_x509_key_mem(scred_names, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(scred_other, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(scred_plain, &c, &k, GNUTLS_X509_FMT_PEM);
    /* the client's certificate is self-signed: its issuer is CN=localhost */
    gnutls_certificate_set_x509_trust_mem(scred_names, &rc, GNUTLS_X509_FMT_PEM);
    printf("server trusts the other CA: %s\n",
           tp_code(gnutls_certificate_set_x509_trust_mem(scred_other, &other, GNUTLS_X509_FMT_PEM)));
    gnutls_certificate_set_x509_key_mem(ccred, &rc, &rk, GNUTLS_X509_FMT_PEM);

    static const char *const prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3"};
    for (int i = 0; i < 2; i++) {
        scenario("requested, issuer named", prios[i], GNUTLS_CERT_REQUEST, scred_names, 0);
        scenario("requested, no CA names", prios[i], GNUTLS_CERT_REQUEST, scred_plain, 0);
        scenario("requested, issuer not named", prios[i], GNUTLS_CERT_REQUEST, scred_other, 0);
        scenario("required, issuer not named", prios[i], GNUTLS_CERT_REQUIRE, scred_other, 0);
        scenario("requested, issuer not named, FORCE_CLIENT_CERT", prios[i], GNUTLS_CERT_REQUEST, scred_other,
                 GNUTLS_FORCE_CLIENT_CERT);
    }
    gnutls_free(other.data);
    gnutls_certificate_free_credentials(scred_names);
    gnutls_certificate_free_credentials(scred_other);
    gnutls_certificate_free_credentials(scred_plain);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
