/* Differential: gnutls_sign_algorithm_get_requested, the signature
 * algorithms the peer asked for: on a client, in the server's
 * CertificateRequest (asked from the certificate retrieve callback, as
 * programs do, and after the handshake); on a server, in the ClientHello
 * (from a hook and after the handshake).  TLS 1.2 and 1.3, default and
 * narrowed signature lists on the peer, no certificate request, and a
 * session that never did a handshake. */
#include "tls-pair.h"

#include <gnutls/abstract.h>

#include "test-keys.h"

static gnutls_certificate_credentials_t scred, ccred;

static void list(const char *who, gnutls_session_t s)
{
    printf("  %s:", who);
    unsigned i;
    int r = 0;
    for (i = 0; i < 80; i++) {
        gnutls_sign_algorithm_t a = (gnutls_sign_algorithm_t)1234;
        if ((r = gnutls_sign_algorithm_get_requested(s, i, &a)) < 0)
            break;
        const char *n = gnutls_sign_get_name(a);
        printf(" %s", n ? n : "?");
    }
    printf(" (%u, then %s)\n", i, tp_code(r));
}

static int retrieve(gnutls_session_t s, const gnutls_datum_t *req_ca, int nreqs,
                    const gnutls_pk_algorithm_t *pk, int pk_len, gnutls_pcert_st **pcert,
                    unsigned int *pcert_length, gnutls_privkey_t *pkey)
{
    (void)req_ca, (void)nreqs, (void)pk, (void)pk_len, (void)pkey;
    list("client in retrieve callback", s);
    *pcert = NULL;
    *pcert_length = 0;
    return 0;
}

static int hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
    (void)htype, (void)when, (void)incoming, (void)msg;
    list("server after the ClientHello", s);
    return 0;
}

static void run(const char *name, const char *cprio, const char *sprio, int request)
{
    struct tp_pair p;
    printf("== %s\n", name);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, cprio, NULL);
    gnutls_priority_set_direct(p.s.s, sprio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (request)
        gnutls_certificate_server_set_request(p.s.s, GNUTLS_CERT_REQUEST);
    gnutls_handshake_set_hook_function(p.s.s, GNUTLS_HANDSHAKE_CLIENT_HELLO, GNUTLS_HOOK_POST, hook);
    list("client before", p.c.s);
    if (tp_handshake(&p) == 0) {
        list("client after", p.c.s);
        list("server after", p.s.s);
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_datum_t rk = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t rc = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &rc, &rk, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_retrieve_function2(ccred, retrieve);

    /* Without the SHA-1 signatures (their own cases below). */
    static const char *tls12 = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-RSA-SHA1:-SIGN-ECDSA-SHA1";
    static const char *tls13 = "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-RSA-SHA1:-SIGN-ECDSA-SHA1";
    static const char *narrow12 = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-ECDSA-SHA256:+SIGN-RSA-SHA384";
    static const char *narrow13 =
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-SIGN-ALL:+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-RSA-PSS-RSAE-SHA384";
    run("TLS 1.2, certificate requested", tls12, tls12, 1);
    run("TLS 1.3, certificate requested", tls13, tls13, 1);
    run("TLS 1.2, no request", tls12, tls12, 0);
    run("TLS 1.3, no request", tls13, tls13, 0);
    run("TLS 1.2, narrow client list", narrow12, tls12, 1);
    run("TLS 1.2, narrow server list", tls12, narrow12, 1);
    run("TLS 1.3, narrow client list", narrow13, tls13, 1);
    run("TLS 1.3, narrow server list", tls13, narrow13, 1);
    /* The default lists, SHA-1 signatures included (offered in the hello,
     * as handshake signatures only), and a server that takes only those. */
    run("TLS 1.2, default lists", "NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.2", 1);
    /* (not a TLS 1.3-only client: OpenSSL leaves SHA-1 out of its hello
     * whatever the security callback says, GnuTLS keeps it) */
    run("default lists, TLS 1.3 negotiated", "NORMAL", "NORMAL", 1);
    run("default client, TLS 1.2 server with RSA-SHA1 only", "NORMAL",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-RSA-SHA1", 1);
    run("default client, TLS 1.2 server with ECDSA-SHA1 only", "NORMAL",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-ECDSA-SHA1", 0);
    run("TLS 1.2 client with RSA-SHA1 only, default server", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-RSA-SHA1",
        "NORMAL", 1);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
