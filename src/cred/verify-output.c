/* gnutls_session_set_verify_output_function: GnuTLS verifies a peer by
 * handing its chain and the credentials' trust list to
 * gnutls_x509_trust_list_verify_crt2 with the session's output function,
 * so the steps reported are those of that call.  gnossl keeps the
 * credentials' anchors in an X509_STORE (unless a trust list was set), so
 * the report runs the same trust-list walk over a list built from the
 * store, with the caller's hostname and purpose (a chain failing those is
 * not checked against CRLs, so no CRL step is reported); the session's
 * status still comes from gnossl_cred_verify. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include "x509/x509.h"

void gnutls_session_set_verify_output_function(gnutls_session_t session, gnutls_verify_output_function *func)
{
    struct gnossl_verify_request *vr = gnossl_session_verify_request(session);
    if (vr != NULL)
        vr->output = func;
}

static void add_crl(gnutls_x509_trust_list_t tl, X509_CRL *x)
{
    unsigned char *der = NULL;
    int len = i2d_X509_CRL(x, &der);
    gnutls_x509_crl_t crl;
    if (len <= 0 || gnutls_x509_crl_init(&crl) < 0) {
        OPENSSL_free(der);
        return;
    }
    gnutls_datum_t d = {der, (unsigned)len};
    if (gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_DER) < 0 || gnutls_x509_trust_list_add_crls(tl, &crl, 1, 0, 0) != 1)
        gnutls_x509_crl_deinit(crl);
    OPENSSL_free(der);
}

/* A trust list holding the store's anchors and CRLs (the list owns them). */
static gnutls_x509_trust_list_t list_of_store(X509_STORE *store)
{
    gnutls_x509_trust_list_t tl;
    if (gnutls_x509_trust_list_init(&tl, 0) < 0)
        return NULL;
    if (!X509_STORE_lock(store))
        return tl;
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
        X509 *x = X509_OBJECT_get0_X509(o);
        gnutls_x509_crt_t crt;
        if (x != NULL) {
            if (gnossl_x509_crt_from_X509(x, &crt) == 0 && gnutls_x509_trust_list_add_cas(tl, &crt, 1, 0) != 1)
                gnutls_x509_crt_deinit(crt);
        } else if (X509_OBJECT_get0_X509_CRL(o) != NULL) {
            add_crl(tl, X509_OBJECT_get0_X509_CRL(o));
        }
    }
    X509_STORE_unlock(store);
    return tl;
}

void gnossl_cred_report_verify_output(gnutls_session_t s, gnutls_x509_trust_list_t tlist, X509_STORE *store,
                                      STACK_OF(X509) *chain, unsigned vflags, const gnutls_typed_vdata_st *data,
                                      unsigned elements)
{
    struct gnossl_verify_request *vr = gnossl_session_verify_request(s);
    if (vr == NULL || vr->output == NULL)
        return;
    gnutls_x509_trust_list_t own = tlist == NULL ? list_of_store(store) : NULL;
    gnutls_x509_crt_t crts[16];
    unsigned n = 0, status;
    for (int i = 0; i < sk_X509_num(chain) && n < sizeof crts / sizeof crts[0]; i++)
        if (gnossl_x509_crt_from_X509(sk_X509_value(chain, i), &crts[n]) == 0)
            n++;
    if (n > 0 && (tlist != NULL || own != NULL))
        gnutls_x509_trust_list_verify_crt2(tlist != NULL ? tlist : own, crts, n, (gnutls_typed_vdata_st *)data,
                                           elements, vflags, &status, vr->output);
    for (unsigned i = 0; i < n; i++)
        gnutls_x509_crt_deinit(crts[i]);
    if (own != NULL)
        gnutls_x509_trust_list_deinit(own, 1);
}
