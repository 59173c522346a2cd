/* gnutls_certificate_set_retrieve_function3: the newest form of the
 * certificate selection callback (libmicrohttpd's): it is given a
 * gnutls_cert_retr_st and returns pcerts, a private key, optional OCSP
 * responses and flags; with GNUTLS_CERT_RETR_DEINIT_ALL the library owns
 * and releases what it got.  Run from retrieve.c's OpenSSL certificate
 * callback like the older forms; as in GnuTLS, setting one form replaces
 * the others.  The OCSP response it gives for the leaf is stapled when the
 * client asks (ocsp.c): OpenSSL staples the leaf's only. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/ext-key-limits.h"
#include "x509/x509.h"

#include <stdlib.h>
#include <string.h>

void gnutls_certificate_set_retrieve_function3(gnutls_certificate_credentials_t cred,
                                               gnutls_certificate_retrieve_function3 *func)
{
    if (cred == NULL)
        return;
    pthread_mutex_lock(&cred->lock);
    cred->retrieve_fn3 = func;
    cred->retrieve_fn2 = NULL;
    cred->retrieve_fn = NULL;
    gnossl_cert_cred_changed(cred);
    pthread_mutex_unlock(&cred->lock);
}

/* The response for the status callback of this handshake (a copy: the
 * application may keep its own). */
static void keep_ocsp(gnutls_session_t s, const gnutls_datum_t *resp)
{
    struct gnossl_cred_session *st = gnossl_cred_session(s);

    if (st == NULL)
        return;
    OPENSSL_free(st->retr_ocsp);
    st->retr_ocsp = NULL;
    st->retr_ocsp_len = 0;
    if (resp->data != NULL && resp->size > 0 && (st->retr_ocsp = OPENSSL_memdup(resp->data, resp->size)) != NULL)
        st->retr_ocsp_len = resp->size;
}

int gnossl_cred_run_fn3(gnutls_session_t s, gnutls_certificate_credentials_t c, gnutls_certificate_retrieve_function3 *fn,
                        SSL *ssl, const gnutls_datum_t *names, int nnames)
{
    struct gnutls_cert_retr_st info;
    gnutls_pcert_st *pcert = NULL;
    gnutls_ocsp_data_st *ocsp = NULL;
    unsigned npcert = 0, nocsp = 0, flags = 0, i;
    gnutls_privkey_t key = NULL;
    STACK_OF(X509) *sk = NULL;
    X509 *leaf;
    EVP_PKEY *pk;
    int ok = 0, own;

    memset(&info, 0, sizeof info);
    info.version = 0; /* what GnuTLS 3.7.9 fills in */
    info.cred = c;
    info.req_ca_rdn = names;
    info.nreqs = nnames > 0 ? (unsigned)nnames : 0;
    if (fn(s, &info, &pcert, &npcert, &ocsp, &nocsp, &key, &flags) < 0)
        return 0;
    if (npcert == 0 || pcert == NULL || !gnossl_cred_retrieved_can_sign(ssl, key)) {
        ok = 1; /* nothing to send */
        goto out;
    }
    if ((sk = gnossl_pcert_chain(pcert, npcert)) == NULL)
        goto out;
    /* An external key given over (DEINIT_ALL) lives as long as its proxy. */
    own = (flags & GNUTLS_CERT_RETR_DEINIT_ALL) && key != NULL && key->ext != NULL;
    pk = gnossl_cred_retrieved_pkey(key, sk_X509_value(sk, 0), own);
    if (pk == NULL)
        goto out;
    gnossl_ext_key_server_suites(ssl, key);
    if (own)
        key = NULL;
    leaf = sk_X509_shift(sk);
    ok = SSL_use_cert_and_key(ssl, leaf, pk, sk, 1) == 1;
    X509_free(leaf);
    EVP_PKEY_free(pk);
    if (ok && nocsp > 0 && ocsp != NULL)
        keep_ocsp(s, &ocsp[0].response);
out:
    sk_X509_pop_free(sk, X509_free);
    if (flags & GNUTLS_CERT_RETR_DEINIT_ALL) {
        for (i = 0; pcert != NULL && i < npcert; i++)
            gnutls_pcert_deinit(&pcert[i]);
        gnutls_free(pcert);
        gnutls_privkey_deinit(key);
        for (i = 0; ocsp != NULL && i < nocsp; i++)
            gnutls_free(ocsp[i].response.data);
        gnutls_free(ocsp);
    }
    return ok;
}
