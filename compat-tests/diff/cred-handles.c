/* Differential test of credentials built from x509/abstract handles
 * (src/cred/keys-x509.c, retrieve.c): set_x509_key, set_key, set_x509_trust,
 * set_x509_crl, get_crt_raw, get_issuer, and certificate selection through
 * gnutls_certificate_set_retrieve_function2 on both sides.
 *
 * usage: cred-handles [CORPUS-DIR]   (generated with $GNOSSL_SRC otherwise) */
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cred-corpus.h"
#include "sock-pair.h"


/* DER of certificate `idx` of a PEM file. */
static int file_der(const char *path, unsigned idx, gnutls_datum_t *der)
{
    gnutls_datum_t pem;
    gnutls_x509_crt_t *list = NULL;
    unsigned n = 0, i;
    int r;

    if (gnutls_load_file(path, &pem) < 0)
        return -1;
    r = gnutls_x509_crt_list_import2(&list, &n, &pem, GNUTLS_X509_FMT_PEM, 0);
    gnutls_free(pem.data);
    if (r < 0)
        return r;
    r = idx < n ? gnutls_x509_crt_export2(list[idx], GNUTLS_X509_FMT_DER, der) : -1;
    for (i = 0; i < n; i++)
        gnutls_x509_crt_deinit(list[i]);
    gnutls_free(list);
    return r;
}

static const char *same(const gnutls_datum_t *d, const char *file, unsigned idx)
{
    gnutls_datum_t der;
    const char *r;

    if (d == NULL || d->data == NULL)
        return "none";
    if (file_der(file, idx, &der) < 0)
        return "unreadable";
    r = d->size == der.size && memcmp(d->data, der.data, der.size) == 0 ? "same" : "different";
    gnutls_free(der.data);
    return r;
}

static void check_server(const char *label, gnutls_certificate_credentials_t sc, const char *expect)
{
    gnutls_certificate_credentials_t cc;
    gnutls_session_t c, s;
    int fds[2], rc, rs;
    unsigned n = 0;
    const gnutls_datum_t *p;

    sock_pair(fds, SOCK_STREAM);
    gnutls_certificate_allocate_credentials(&cc);
    sock_session(&s, GNUTLS_SERVER, NULL, GNUTLS_CRD_CERTIFICATE, sc, fds[0]);
    sock_session(&c, GNUTLS_CLIENT, NULL, GNUTLS_CRD_CERTIFICATE, cc, fds[1]);
    handshake(c, s, &rc, &rs);
    printf("%s: client=%d server=%d", label, rc, rs);
    if (rc == 0) {
        p = gnutls_certificate_get_peers(c, &n);
        printf(" peers=%u leaf=%s", n, same(n ? &p[0] : NULL, P(expect), 0));
    }
    printf("\n");
    sock_close(fds, c, s);
    gnutls_certificate_free_credentials(cc);
}

static gnutls_x509_crt_t *load_crts(const char *file, unsigned *n)
{
    gnutls_datum_t pem;
    gnutls_x509_crt_t *list = NULL;

    *n = 0;
    if (gnutls_load_file(file, &pem) < 0)
        return NULL;
    if (gnutls_x509_crt_list_import2(&list, n, &pem, GNUTLS_X509_FMT_PEM, 0) < 0)
        list = NULL;
    gnutls_free(pem.data);
    return list;
}

static void free_crts(gnutls_x509_crt_t *list, unsigned n)
{
    unsigned i;

    for (i = 0; i < n; i++)
        gnutls_x509_crt_deinit(list[i]);
    gnutls_free(list);
}

/* retrieve_function2 state: a pcert chain and key the application owns */
static gnutls_pcert_st app_pcerts[4];
static unsigned app_npcerts;
static gnutls_privkey_t app_key;
static int retr_calls, retr_nreqs;

static int retrieve(gnutls_session_t s, const gnutls_datum_t *req_ca_rdn, int nreqs,
                    const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length, gnutls_pcert_st **pcert,
                    unsigned int *pcert_length, gnutls_privkey_t *pkey)
{
    (void)s;
    (void)req_ca_rdn;
    (void)pk_algos;
    (void)pk_algos_length;
    retr_calls++;
    retr_nreqs = nreqs;
    *pcert = app_pcerts;
    *pcert_length = app_npcerts;
    *pkey = app_key;
    return 0;
}

static void load_app_pair(const char *chain, const char *key)
{
    gnutls_datum_t d;

    app_npcerts = 4;
    gnutls_load_file(P(chain), &d);
    if (gnutls_pcert_list_import_x509_raw(app_pcerts, &app_npcerts, &d, GNUTLS_X509_FMT_PEM, 0) < 0)
        app_npcerts = 0;
    gnutls_free(d.data);
    gnutls_privkey_init(&app_key);
    gnutls_load_file(P(key), &d);
    gnutls_privkey_import_x509_raw(app_key, &d, GNUTLS_X509_FMT_PEM, NULL, 0);
    gnutls_free(d.data);
}

static void free_app_pair(void)
{
    unsigned i;

    for (i = 0; i < app_npcerts; i++)
        gnutls_pcert_deinit(&app_pcerts[i]);
    gnutls_privkey_deinit(app_key);
    app_npcerts = 0;
}

static void client_retrieve(int with_pair)
{
    gnutls_certificate_credentials_t sc, cc;
    gnutls_session_t c, s;
    int fds[2], rc, rs;
    unsigned n = 0, status = 0;
    const gnutls_datum_t *p;

    sock_pair(fds, SOCK_STREAM);
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_certificate_set_x509_key_file(sc, P("rsa.crt"), P("rsa.key"), GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_file(sc, P("ca.pem"), GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&cc);
    if (with_pair)
        load_app_pair("good.chain", "good.key");
    gnutls_certificate_set_retrieve_function2(cc, retrieve);
    sock_session(&s, GNUTLS_SERVER, NULL, GNUTLS_CRD_CERTIFICATE, sc, fds[0]);
    gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    sock_session(&c, GNUTLS_CLIENT, NULL, GNUTLS_CRD_CERTIFICATE, cc, fds[1]);
    retr_calls = retr_nreqs = 0;
    handshake(c, s, &rc, &rs);
    printf("client retrieve (%s): client=%d server=%d calls=%d nreqs=%d", with_pair ? "pair" : "empty", rc, rs,
           retr_calls, retr_nreqs);
    if (rs == 0) {
        p = gnutls_certificate_get_peers(s, &n);
        printf(" server-peers=%u leaf=%s", n, same(n ? &p[0] : NULL, P("good.chain"), 0));
        if (gnutls_certificate_verify_peers2(s, &status) == 0)
            printf(" status=0x%x", status);
    }
    printf("\n");
    sock_close(fds, c, s);
    gnutls_certificate_free_credentials(cc);
    gnutls_certificate_free_credentials(sc);
    if (with_pair)
        free_app_pair();
}

int main(int argc, char **argv)
{
    gnutls_certificate_credentials_t c;
    gnutls_x509_crt_t *crts, issuer;
    gnutls_x509_privkey_t xkey;
    gnutls_x509_crl_t crl;
    gnutls_datum_t d, raw;
    unsigned n;
    int r;

    if (corpus_open(argc, argv) != 0)
        return 1;
    gnutls_global_init();

    /* set_x509_key from handles, which the caller may release at once */
    gnutls_certificate_allocate_credentials(&c);
    crts = load_crts(P("good.chain"), &n);
    gnutls_x509_privkey_init(&xkey);
    gnutls_load_file(P("good.key"), &d);
    printf("privkey import: %d\n", gnutls_x509_privkey_import(xkey, &d, GNUTLS_X509_FMT_PEM));
    gnutls_free(d.data);
    printf("set_x509_key(%u certs): %d\n", n, gnutls_certificate_set_x509_key(c, crts, (int)n, xkey));
    free_crts(crts, n);
    gnutls_x509_privkey_deinit(xkey);
    r = gnutls_certificate_get_crt_raw(c, 0, 0, &raw);
    printf("get_crt_raw(0,0): %d %s\n", r, r == 0 ? same(&raw, P("good.chain"), 0) : "-");
    r = gnutls_certificate_get_crt_raw(c, 0, 1, &raw);
    printf("get_crt_raw(0,1): %d %s\n", r, r == 0 ? same(&raw, P("good.chain"), 1) : "-");
    printf("get_crt_raw(0,2): %d\n", gnutls_certificate_get_crt_raw(c, 0, 2, &raw));
    printf("get_crt_raw(1,0): %d\n", gnutls_certificate_get_crt_raw(c, 1, 0, &raw));
    check_server("server from set_x509_key", c, "good.chain");
    {
        gnutls_x509_crt_t *got = NULL;
        gnutls_x509_privkey_t gk;
        unsigned ng = 0, k;
        r = gnutls_certificate_get_x509_crt(c, 0, &got, &ng);
        printf("get_x509_crt(0): %d n=%u", r, ng);
        for (k = 0; r == 0 && k < ng; k++) {
            gnutls_x509_crt_export2(got[k], GNUTLS_X509_FMT_DER, &d);
            printf(" %s", same(&d, P("good.chain"), k));
            gnutls_free(d.data);
            gnutls_x509_crt_deinit(got[k]);
        }
        if (r == 0)
            gnutls_free(got);
        printf("\nget_x509_crt(1): %d\n", gnutls_certificate_get_x509_crt(c, 1, &got, &ng));
        r = gnutls_certificate_get_x509_key(c, 0, &gk);
        printf("get_x509_key(0): %d", r);
        if (r == 0) {
            printf(" pk=%d", gnutls_x509_privkey_get_pk_algorithm(gk));
            gnutls_x509_privkey_deinit(gk);
        }
        printf("\nget_x509_key(1): %d\n", gnutls_certificate_get_x509_key(c, 1, &gk));
    }

    /* trust and CRLs from handles; get_issuer */
    crts = load_crts(P("three-cas.pem"), &n);
    printf("set_x509_trust(%u): %d\n", n, gnutls_certificate_set_x509_trust(c, crts, (int)n));
    free_crts(crts, n);
    gnutls_x509_crl_init(&crl);
    gnutls_load_file(P("crl.pem"), &d);
    printf("crl import: %d\n", gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_PEM));
    gnutls_free(d.data);
    printf("set_x509_crl: %d\n", gnutls_certificate_set_x509_crl(c, &crl, 1));
    gnutls_x509_crl_deinit(crl);
    crts = load_crts(P("good.chain"), &n);
    r = gnutls_certificate_get_issuer(c, crts[1], &issuer, 0);
    if (r == 0) {
        gnutls_x509_crt_export2(issuer, GNUTLS_X509_FMT_DER, &d);
        printf("get_issuer(intermediate): 0 %s\n", same(&d, P("ca.pem"), 0));
        gnutls_free(d.data);
    } else {
        printf("get_issuer(intermediate): %d\n", r);
    }
    r = gnutls_certificate_get_issuer(c, crts[0], &issuer, GNUTLS_TL_GET_COPY);
    if (r == 0) {
        gnutls_x509_crt_export2(issuer, GNUTLS_X509_FMT_DER, &d);
        printf("get_issuer(leaf, copy): 0 %s\n", same(&d, P("three-cas.pem"), 2));
        gnutls_free(d.data);
        gnutls_x509_crt_deinit(issuer);
    } else {
        printf("get_issuer(leaf, copy): %d\n", r);
    }
    free_crts(crts, n);
    crts = load_crts(P("selfsigned.chain"), &n);
    printf("get_issuer(unrelated): %s\n", gnutls_certificate_get_issuer(c, crts[0], &issuer, 0) < 0 ? "error" : "found");
    free_crts(crts, n);
    gnutls_certificate_free_credentials(c);

    /* OCSP responses for stapling: checked against the pair when loaded */
    gnutls_certificate_allocate_credentials(&c);
    gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
    printf("ocsp pair 0: %d\n", gnutls_certificate_set_x509_key_file(c, P("good.chain"), P("good.key"), GNUTLS_X509_FMT_PEM));
    printf("ocsp pair 1: %d\n", gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("rsa.key"), GNUTLS_X509_FMT_PEM));
    printf("ocsp file good -> 0: %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("good.ocsp"), 0));
    printf("ocsp file other leaf -> 0: %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("expired.ocsp"), 0));
    printf("ocsp file good -> 1 (no issuer): %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("good.ocsp"), 1));
    printf("ocsp file good -> 7: %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("good.ocsp"), 7));
    printf("ocsp file missing: %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("nope.ocsp"), 0));
    gnutls_load_file(P("good.ocsp"), &d);
    printf("ocsp mem DER: %d\n", gnutls_certificate_set_ocsp_status_request_mem(c, &d, 0, GNUTLS_X509_FMT_DER));
    gnutls_free(d.data);
    printf("ocsp file not a response: %s\n",
           gnutls_certificate_set_ocsp_status_request_file(c, P("rsa.crt.der"), 0) < 0 ? "error" : "ok");
    gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2 | GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK);
    printf("ocsp other leaf, check skipped: %d\n", gnutls_certificate_set_ocsp_status_request_file(c, P("expired.ocsp"), 0));
    gnutls_certificate_free_credentials(c);

    /* set_key: pcerts and an abstract key */
    gnutls_certificate_allocate_credentials(&c);
    load_app_pair("ecdsa.crt", "ecdsa.key");
    printf("set_key: %d\n", gnutls_certificate_set_key(c, NULL, 0, app_pcerts, (int)app_npcerts, app_key));
    check_server("server from set_key", c, "ecdsa.crt");
    gnutls_certificate_free_credentials(c); /* releases app_key and the pcerts */
    app_npcerts = 0;

    /* retrieve_function2 on the server */
    gnutls_certificate_allocate_credentials(&c);
    load_app_pair("rsa.crt", "rsa.key");
    retr_calls = 0;
    gnutls_certificate_set_retrieve_function2(c, retrieve);
    check_server("server retrieve function", c, "rsa.crt");
    printf("  server retrieve calls=%d nreqs=%d\n", retr_calls, retr_nreqs);
    gnutls_certificate_free_credentials(c);
    free_app_pair();

    client_retrieve(1);
    client_retrieve(0);

    gnutls_global_deinit();
    return corpus_close() != 0 ? 1 : 0;
}
