/* Differential: which certificate may have signed a stapled OCSP response,
 * as gnutls_certificate_verify_peers3 and gnutls_session_set_verify_cert see
 * it, TLS 1.2 and 1.3.  The server sends its leaf alone or followed by the
 * CA; the response is signed by the CA (responder named by key hash or by
 * name) or by a delegated responder whose certificate it carries; the
 * same one level down, a leaf issued by an intermediate CA, sent alone,
 * with the intermediate, or with both CAs.  The client trusts the CA.
 * gnutls_ocsp_resp_verify (trust list) and gnutls_ocsp_resp_verify_direct
 * (the leaf's issuer) on each response show the two routes the
 * verification of the session tries.
 *
 * The PKI: ocsp-issuer-pki.h. */
#include "ocsp-pair.h"
#include <gnutls/ocsp.h>
#include <gnutls/x509.h>

#include "ocsp-issuer-pki.h"

/* A response about `leaf`, the certificate that issued it, and the chains
 * the server may send (leaf first; NULL ends a chain). */
struct cas {
    const char *name;
    const unsigned char *der;
    size_t len;
    const char *leaf, *key, *issuer;
    const char *chains[3][4];
};

static gnutls_certificate_credentials_t server_cred(const struct cas *t, const char *const *certs)
{
    gnutls_certificate_credentials_t c;
    gnutls_certificate_allocate_credentials(&c);
    size_t n = 1;
    for (int i = 0; certs[i] != NULL; i++)
        n += strlen(certs[i]);
    char *chain = calloc(1, n);
    for (int i = 0; certs[i] != NULL; i++)
        strcat(chain, certs[i]);
    gnutls_datum_t cd = txt(chain), kd = txt(t->key);
    int r = gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM);
    if (r < 0)
        printf("  key_mem: %s\n", tp_code(r));
    free(chain);
    gnutls_datum_t rd = {(unsigned char *)t->der, (unsigned)t->len};
    r = gnutls_certificate_set_ocsp_status_request_mem(c, &rd, 0, GNUTLS_X509_FMT_DER);
    if (r < 0)
        printf("  load response: %s\n", tp_code(r));
    return c;
}

static void scenario(const char *prio, const struct cas *t, int chain, int in_handshake)
{
    printf("== %s, %d certificate(s) sent%s\n", prio, chain + 1, in_handshake ? ", verified in the handshake" : "");
    gnutls_certificate_credentials_t sc = server_cred(t, t->chains[chain]);
    gnutls_certificate_credentials_t cc;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t d = txt(is_ca_crt);
    gnutls_certificate_set_x509_trust_mem(cc, &d, GNUTLS_X509_FMT_PEM);
    struct tp_pair p;
    ocsp_pair_init(&p, prio, cc, sc);
    if (in_handshake)
        gnutls_session_set_verify_cert(p.c.s, "localhost", 0);
    if (tp_handshake(&p) == 0) {
        unsigned st = 0;
        int r = gnutls_certificate_verify_peers3(p.c.s, "localhost", &st);
        printf("  verify: %s status 0x%x, is_checked %u\n", tp_code(r), st,
               gnutls_ocsp_status_request_is_checked(p.c.s, 0));
    } else if (in_handshake) {
        printf("  verify status: 0x%x\n", gnutls_session_get_verify_cert_status(p.c.s));
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

/* The x509 layer's two routes on one response. */
static void routes(const struct cas *t)
{
    gnutls_ocsp_resp_t r;
    gnutls_x509_crt_t ca;
    gnutls_x509_trust_list_t tl;
    gnutls_datum_t d = {(unsigned char *)t->der, (unsigned)t->len}, cd = txt(is_ca_crt), id = txt(t->issuer);
    unsigned v1 = 0, v2 = 0;

    gnutls_ocsp_resp_init(&r);
    gnutls_x509_crt_init(&ca);
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_ocsp_resp_import(r, &d);
    gnutls_x509_crt_import(ca, &id, GNUTLS_X509_FMT_PEM);
    gnutls_x509_trust_list_add_trust_mem(tl, &cd, NULL, GNUTLS_X509_FMT_PEM, 0, 0);
    int r1 = gnutls_ocsp_resp_verify(r, tl, &v1, 0);
    int r2 = gnutls_ocsp_resp_verify_direct(r, ca, &v2, 0);
    printf("  resp_verify (trust list): %s 0x%x, verify_direct (issuer): %s 0x%x\n", tp_code(r1), v1, tp_code(r2), v2);
    gnutls_x509_trust_list_deinit(tl, 1);
    gnutls_x509_crt_deinit(ca);
    gnutls_ocsp_resp_deinit(r);
}

#define R(x) x, sizeof x
#define LEAF is_leaf_crt, is_leaf_key, is_ca_crt
#define LEAF2 is_leaf2_crt, is_leaf2_key, is_int_crt
#define CHAINS1 {{is_leaf_crt, NULL}, {is_leaf_crt, is_ca_crt, NULL}, {NULL}}
#define CHAINS2 {{is_leaf2_crt, NULL}, {is_leaf2_crt, is_int_crt, NULL}, {is_leaf2_crt, is_int_crt, is_ca_crt, NULL}}

int main(void)
{
    static const char *const prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3"};
    static const struct cas cases[] = {
        {"CA-signed, responder by key hash", R(is_ocsp_ca_bykey), LEAF, CHAINS1},
        {"CA-signed, responder by name", R(is_ocsp_ca_byname), LEAF, CHAINS1},
        {"delegated responder, certificate included", R(is_ocsp_delegated), LEAF, CHAINS1},
        {"below an intermediate: intermediate-signed, by key hash", R(is_ocsp2_int_bykey), LEAF2, CHAINS2},
        {"below an intermediate: intermediate-signed, by name", R(is_ocsp2_int_byname), LEAF2, CHAINS2},
        {"below an intermediate: its delegated responder", R(is_ocsp2_delegated), LEAF2, CHAINS2},
    };
    gnutls_global_init();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("=== %s\n", cases[i].name);
        routes(&cases[i]);
        for (int v = 0; v < 2; v++)
            for (int c = 0; c < 3 && cases[i].chains[c][0] != NULL; c++) {
                scenario(prios[v], &cases[i], c, 0);
                scenario(prios[v], &cases[i], c, 1);
            }
    }
    gnutls_global_deinit();
    return 0;
}
