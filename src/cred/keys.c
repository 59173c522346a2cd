/* Certificate/key pairs of certificate credentials (set_x509_key_*). */
#include "gnossl.h"
#include "cred/cred-int.h"
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>

/* Order the chain as GnuTLS does when it loads one: the leaf, then its
 * issuer, then that one's issuer...; certificates that are no link of
 * that path are dropped (GnuTLS does not send them). */
static void sort_chain(STACK_OF(X509) *sk)
{
    STACK_OF(X509) *pool = sk_X509_new_null();
    X509 *cur;
    int i, found;

    if (pool == NULL || sk_X509_num(sk) < 2) {
        sk_X509_free(pool);
        return;
    }
    while (sk_X509_num(sk) > 1)
        sk_X509_push(pool, sk_X509_delete(sk, 1));
    cur = sk_X509_value(sk, 0);
    do {
        found = 0;
        if (X509_NAME_cmp(X509_get_issuer_name(cur), X509_get_subject_name(cur)) == 0)
            break; /* self-issued: the path ends here */
        for (i = 0; i < sk_X509_num(pool); i++) {
            X509 *cand = sk_X509_value(pool, i);
            /* by names, as GnuTLS links them (key usage is for the verifier) */
            if (X509_NAME_cmp(X509_get_issuer_name(cur), X509_get_subject_name(cand)) == 0) {
                sk_X509_push(sk, sk_X509_delete(pool, i));
                cur = cand;
                found = 1;
                break;
            }
        }
    } while (found);
    sk_X509_pop_free(pool, X509_free);
}

int gnossl_cert_cred_add_pair(gnutls_certificate_credentials_t c, STACK_OF(X509) *sk, EVP_PKEY *key,
                              gnutls_privkey_t gkey, gnutls_pcert_st *pcerts, unsigned npcerts)
{
    struct gnossl_keypair *k, *nk;
    unsigned char *der = NULL;
    int len, idx;

    ERR_set_mark();
    sort_chain(sk);
    if (X509_check_private_key(sk_X509_value(sk, 0), key) != 1) {
        ERR_pop_to_mark();
        sk_X509_pop_free(sk, X509_free);
        EVP_PKEY_free(key);
        return GNOSSL_ERR(GNUTLS_E_CERTIFICATE_KEY_MISMATCH);
    }
    ERR_pop_to_mark();
    len = i2d_X509(sk_X509_value(sk, 0), &der);
    if (len <= 0) {
        sk_X509_pop_free(sk, X509_free);
        EVP_PKEY_free(key);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }

    pthread_mutex_lock(&c->lock);
    nk = realloc(c->keys, (c->nkeys + 1) * sizeof(*nk));
    if (nk == NULL) {
        pthread_mutex_unlock(&c->lock);
        OPENSSL_free(der);
        sk_X509_pop_free(sk, X509_free);
        EVP_PKEY_free(key);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    c->keys = nk;
    k = &c->keys[c->nkeys];
    memset(k, 0, sizeof(*k));
    k->cert = sk_X509_shift(sk);
    k->chain = sk;
    k->key = key;
    k->gkey = gkey;
    k->pcerts = pcerts;
    k->npcerts = npcerts;
    k->der.data = malloc((size_t)len);
    if (k->der.data != NULL) {
        memcpy(k->der.data, der, (size_t)len);
        k->der.size = (unsigned)len;
    }
    OPENSSL_free(der);
    idx = (int)c->nkeys++;
    gnossl_cert_cred_changed(c);
    pthread_mutex_unlock(&c->lock);
    /* GnuTLS returns the index only under GNUTLS_CERTIFICATE_API_V2. */
    return (c->flags & GNUTLS_CERTIFICATE_API_V2) ? idx : 0;
}

int gnutls_certificate_set_x509_key_mem2(gnutls_certificate_credentials_t c, const gnutls_datum_t *cert,
                                         const gnutls_datum_t *key, gnutls_x509_crt_fmt_t type,
                                         const char *pass, unsigned int flags)
{
    STACK_OF(X509) *sk;
    EVP_PKEY *pkey;
    int ret;

    if (c == NULL || cert == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pkey = gnossl_read_key_cred(c, key, type, pass, flags, &ret);
    if (pkey == NULL)
        return ret;
    sk = gnossl_read_certs(cert, type);
    if (sk == NULL) {
        EVP_PKEY_free(pkey);
        return type == GNUTLS_X509_FMT_PEM ? GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR)
                                           : gnossl_decode_error(cert, type);
    }
    return gnossl_cert_cred_add_pair(c, sk, pkey, NULL, NULL, 0);
}

int gnutls_certificate_set_x509_key_mem(gnutls_certificate_credentials_t c, const gnutls_datum_t *cert,
                                        const gnutls_datum_t *key, gnutls_x509_crt_fmt_t type)
{
    return gnutls_certificate_set_x509_key_mem2(c, cert, key, type, NULL, 0);
}

int gnutls_certificate_set_x509_key_file2(gnutls_certificate_credentials_t c, const char *certfile,
                                          const char *keyfile, gnutls_x509_crt_fmt_t type,
                                          const char *pass, unsigned int flags)
{
    gnutls_datum_t cd, kd;
    int ret;

    if (c == NULL || certfile == NULL || keyfile == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_read_file(keyfile, &kd);
    if (ret < 0)
        return ret;
    ret = gnossl_read_file(certfile, &cd);
    if (ret < 0) {
        OPENSSL_cleanse(kd.data, kd.size);
        free(kd.data);
        return ret;
    }
    ret = gnutls_certificate_set_x509_key_mem2(c, &cd, &kd, type, pass, flags);
    OPENSSL_cleanse(kd.data, kd.size);
    free(kd.data);
    free(cd.data);
    return ret;
}

int gnutls_certificate_set_x509_key_file(gnutls_certificate_credentials_t c, const char *certfile,
                                         const char *keyfile, gnutls_x509_crt_fmt_t type)
{
    return gnutls_certificate_set_x509_key_file2(c, certfile, keyfile, type, NULL, 0);
}
