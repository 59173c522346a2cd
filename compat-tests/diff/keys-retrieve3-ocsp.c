/* Differential: the OCSP responses a gnutls_certificate_retrieve_function3
 * returns with its certificate are stapled (TLS 1.2 and 1.3), whether the
 * library owns them (GNUTLS_CERT_RETR_DEINIT_ALL) or not; a callback
 * without responses staples nothing.  The client's view: the response it
 * got, and the verification status with it.  The PKI: ocsp-pki.h. */
#include "ocsp-pair.h"
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "ocsp-pki.h"

static int mode; /* 0: handed over, 1: kept by the application, 2: no response */
static gnutls_ocsp_data_st kept_ocsp;

static gnutls_pcert_st kept_pcert[2];
static gnutls_privkey_t kept_key;

/* The leaf and its CA with the leaf's key into pcert/key. */
static void load(gnutls_pcert_st *pcert, gnutls_privkey_t *key)
{
    gnutls_datum_t c[2] = {txt(leaf_crt), txt(ca_crt)}, k = txt(leaf_key);
    gnutls_pcert_import_x509_raw(&pcert[0], &c[0], GNUTLS_X509_FMT_PEM, 0);
    gnutls_pcert_import_x509_raw(&pcert[1], &c[1], GNUTLS_X509_FMT_PEM, 0);
    gnutls_privkey_init(key);
    gnutls_privkey_import_x509_raw(*key, &k, GNUTLS_X509_FMT_PEM, NULL, 0);
}

static int retr3(gnutls_session_t s, const struct gnutls_cert_retr_st *info, gnutls_pcert_st **certs,
                 unsigned int *ncerts, gnutls_ocsp_data_st **ocsp, unsigned int *nocsp, gnutls_privkey_t *key,
                 unsigned int *flags)
{
    (void)s;
    (void)info;
    *ncerts = 2;
    *ocsp = NULL;
    *nocsp = 0;
    if (mode == 1) { /* GnuTLS frees all or nothing: all kept */
        *certs = kept_pcert;
        *key = kept_key;
        *flags = 0;
        *ocsp = &kept_ocsp;
        *nocsp = 1;
        return 0;
    }
    *certs = gnutls_malloc(2 * sizeof **certs);
    load(*certs, key);
    *flags = GNUTLS_CERT_RETR_DEINIT_ALL;
    if (mode == 0) {
        *ocsp = gnutls_calloc(1, sizeof **ocsp);
        (*ocsp)->response.data = gnutls_malloc(sizeof ocsp_good);
        memcpy((*ocsp)->response.data, ocsp_good, sizeof ocsp_good);
        (*ocsp)->response.size = sizeof ocsp_good;
        *nocsp = 1;
    }
    return 0;
}

static void run(const char *what, const char *prio, int m)
{
    gnutls_certificate_credentials_t sc, cc;
    gnutls_datum_t ca = txt(ca_crt), d = {NULL, 0};
    struct tp_pair p;
    unsigned status = 99;

    printf("== %s, %s\n", what, prio);
    mode = m;
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_certificate_set_retrieve_function3(sc, retr3);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM);
    ocsp_pair_init(&p, prio, cc, sc);
    if (tp_handshake(&p) == 0) {
        int r = gnutls_ocsp_status_request_get(p.c.s, &d);
        printf("  client get: %s", tp_code(r));
        if (r == 0)
            printf(" (%s)", d.size == sizeof ocsp_good && memcmp(d.data, ocsp_good, d.size) == 0 ? "the response"
                                                                                                 : "OTHER");
        printf("\n");
        r = gnutls_certificate_verify_peers3(p.c.s, "localhost", &status);
        printf("  verify: %s, status 0x%x, is_checked %u\n", tp_code(r), status,
               gnutls_ocsp_status_request_is_checked(p.c.s, 0));
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

int main(void)
{
    static const char *const prio[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2"};
    kept_ocsp.response.data = (unsigned char *)ocsp_good;
    kept_ocsp.response.size = sizeof ocsp_good;
    load(kept_pcert, &kept_key);
    for (unsigned i = 0; i < 2; i++) {
        run("handed over", prio[i], 0);
        run("kept by the application", prio[i], 1);
        run("no response", prio[i], 2);
    }
    gnutls_pcert_deinit(&kept_pcert[0]);
    gnutls_pcert_deinit(&kept_pcert[1]);
    gnutls_privkey_deinit(kept_key);
    return 0;
}
