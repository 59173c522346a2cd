/* gnutls_certificate_set_retrieve_function(2): the application picks the
 * certificate during the handshake.  OpenSSL's certificate callback runs at
 * the same point GnuTLS calls it (a server after the ClientHello, a client
 * after a CertificateRequest) and the chosen pair is set on the SSL. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/ext-key-limits.h"
#include "tls/session.h"
#include "x509/x509.h"
#include <stdlib.h>

void gnutls_certificate_set_retrieve_function2(gnutls_certificate_credentials_t cred,
                                               gnutls_certificate_retrieve_function2 *func)
{
    if (cred == NULL)
        return;
    pthread_mutex_lock(&cred->lock);
    cred->retrieve_fn2 = func;
    cred->retrieve_fn3 = NULL; /* the last form set is the one used */
    gnossl_cert_cred_changed(cred);
    pthread_mutex_unlock(&cred->lock);
}

void gnutls_certificate_set_retrieve_function(gnutls_certificate_credentials_t cred,
                                              gnutls_certificate_retrieve_function *func)
{
    if (cred == NULL)
        return;
    pthread_mutex_lock(&cred->lock);
    cred->retrieve_fn = func;
    cred->retrieve_fn3 = NULL;
    gnossl_cert_cred_changed(cred);
    pthread_mutex_unlock(&cred->lock);
}

/* The certificates a retrieve function gave, decoded (NULL if one does not
 * decode); one copy for every retrieve function form. */
STACK_OF(X509) *gnossl_pcert_chain(const gnutls_pcert_st *pcert, unsigned npcert)
{
    STACK_OF(X509) *sk = sk_X509_new_null();
    for (unsigned i = 0; sk != NULL && i < npcert; i++) {
        const unsigned char *p = pcert[i].cert.data;
        X509 *x = p != NULL ? d2i_X509(NULL, &p, (long)pcert[i].cert.size) : NULL;
        if (x == NULL || !sk_X509_push(sk, x)) {
            X509_free(x);
            sk_X509_pop_free(sk, X509_free);
            return NULL;
        }
    }
    return sk;
}

/* The CA names a server sent in its CertificateRequest, DER encoded. */
static gnutls_datum_t *peer_ca_names(SSL *ssl, int *n)
{
    const STACK_OF(X509_NAME) *names = SSL_get0_peer_CA_list(ssl);
    gnutls_datum_t *out;
    int i, k = 0;

    *n = 0;
    if (names == NULL || sk_X509_NAME_num(names) == 0)
        return NULL;
    out = calloc((size_t)sk_X509_NAME_num(names), sizeof(*out));
    if (out == NULL)
        return NULL;
    for (i = 0; i < sk_X509_NAME_num(names); i++) {
        unsigned char *der = NULL;
        int len = i2d_X509_NAME(sk_X509_NAME_value(names, i), &der);
        if (len > 0) {
            out[k].data = der;
            out[k].size = (unsigned)len;
            k++;
        }
    }
    *n = k;
    return out;
}

static void free_names(gnutls_datum_t *names, int n)
{
    int i;

    for (i = 0; i < n; i++)
        OPENSSL_free(names[i].data);
    free(names);
}

/* Set leaf + chain + key on the SSL; the X509s are parsed or referenced. */
static int use_pair(SSL *ssl, STACK_OF(X509) *sk, EVP_PKEY *key)
{
    X509 *leaf;
    int ok;

    if (sk == NULL || sk_X509_num(sk) == 0 || key == NULL)
        return 0;
    leaf = sk_X509_shift(sk);
    ok = SSL_use_cert_and_key(ssl, leaf, key, sk, 1) == 1;
    X509_free(leaf);
    return ok;
}

static int run_fn2(gnutls_session_t s, gnutls_certificate_retrieve_function2 *fn, SSL *ssl,
                   const gnutls_datum_t *names, int nnames)
{
    gnutls_pcert_st *pcert = NULL;
    unsigned int npcert = 0;
    gnutls_privkey_t key = NULL;
    STACK_OF(X509) *sk;
    EVP_PKEY *pk;
    int ok;

    if (fn(s, names, nnames, NULL, 0, &pcert, &npcert, &key) < 0)
        return 0;
    if (npcert == 0 || pcert == NULL || !gnossl_cred_retrieved_can_sign(ssl, key))
        return 1; /* nothing to send */
    if ((sk = gnossl_pcert_chain(pcert, npcert)) == NULL)
        return 0;
    /* the application keeps the key (external or not) for the session */
    pk = gnossl_cred_retrieved_pkey(key, sk_X509_value(sk, 0), 0);
    ok = pk != NULL && use_pair(ssl, sk, pk);
    if (ok)
        gnossl_ext_key_server_suites(ssl, key);
    EVP_PKEY_free(pk);
    sk_X509_pop_free(sk, X509_free);
    return ok;
}

static int run_fn1(gnutls_session_t s, gnutls_certificate_retrieve_function *fn, SSL *ssl,
                   const gnutls_datum_t *names, int nnames)
{
    gnutls_retr2_st st = {0};
    STACK_OF(X509) *sk = NULL;
    unsigned i;
    int ok = 0;

    if (fn(s, names, nnames, NULL, 0, &st) < 0)
        return 0;
    if (st.ncerts == 0)
        return 1;
    if (st.cert_type == GNUTLS_CRT_X509 && st.key_type == GNUTLS_PRIVKEY_X509 && st.cert.x509 != NULL &&
        st.key.x509 != NULL && (sk = sk_X509_new_null()) != NULL) {
        for (i = 0; i < st.ncerts; i++)
            if (st.cert.x509[i] != NULL && st.cert.x509[i]->x509 != NULL &&
                sk_X509_push(sk, st.cert.x509[i]->x509))
                X509_up_ref(st.cert.x509[i]->x509);
        ok = use_pair(ssl, sk, st.key.x509->pkey);
        sk_X509_pop_free(sk, X509_free);
    } else {
        gnossl_debug("retrieve function: only X.509 certificates with X.509 keys are supported");
    }
    if (st.deinit_all && st.cert_type == GNUTLS_CRT_X509) {
        for (i = 0; st.cert.x509 != NULL && i < st.ncerts; i++)
            gnutls_x509_crt_deinit(st.cert.x509[i]);
        gnutls_free(st.cert.x509);
        if (st.key_type == GNUTLS_PRIVKEY_X509)
            gnutls_x509_privkey_deinit(st.key.x509);
    }
    return ok;
}

int gnossl_cred_retrieve_cb(SSL *ssl, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_certificate_credentials_t c;
    gnutls_certificate_retrieve_function2 *fn2;
    gnutls_certificate_retrieve_function *fn1;
    gnutls_certificate_retrieve_function3 *fn3;
    gnutls_datum_t *names = NULL;
    int nnames = 0, ok = 1;

    (void)arg;
    if (s == NULL || (c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE)) == NULL)
        return 1;
    pthread_mutex_lock(&c->lock);
    fn2 = c->retrieve_fn2;
    fn1 = c->retrieve_fn;
    fn3 = c->retrieve_fn3;
    pthread_mutex_unlock(&c->lock);
    if (fn2 == NULL && fn1 == NULL && fn3 == NULL)
        return 1;
    /* GnuTLS passes the requested CA names to clients only */
    if (!gnossl_session_is_server(s))
        names = peer_ca_names(ssl, &nnames);
    ok = fn3 != NULL   ? gnossl_cred_run_fn3(s, c, fn3, ssl, names, nnames)
         : fn2 != NULL ? run_fn2(s, fn2, ssl, names, nnames)
                       : run_fn1(s, fn1, ssl, names, nnames);
    free_names(names, nnames);
    if (!ok)
        gnossl_debug("certificate retrieve function failed");
    return ok;
}
