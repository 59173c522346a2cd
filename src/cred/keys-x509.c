/* Credentials from the x509 room's handles: gnutls_certificate_set_x509_key,
 * set_key (pcert + abstract private key), set_x509_trust, set_x509_crl,
 * set_trust_list, and the getters get_crt_raw and get_issuer. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "x509/x509.h"
#include <stdlib.h>
#include <string.h>

static STACK_OF(X509) *chain_from_crts(gnutls_x509_crt_t *list, int n)
{
    STACK_OF(X509) *sk = sk_X509_new_null();
    int i;

    if (sk == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        if (list[i] == NULL || list[i]->x509 == NULL || !sk_X509_push(sk, list[i]->x509)) {
            sk_X509_pop_free(sk, X509_free);
            return NULL;
        }
        X509_up_ref(list[i]->x509);
    }
    return sk;
}

int gnutls_certificate_set_x509_key(gnutls_certificate_credentials_t res, gnutls_x509_crt_t *cert_list,
                                    int cert_list_size, gnutls_x509_privkey_t key)
{
    STACK_OF(X509) *sk;

    if (res == NULL || cert_list == NULL || cert_list_size <= 0 || key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    sk = chain_from_crts(cert_list, cert_list_size);
    if (sk == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* The caller may deinit its handles afterwards: we hold references. */
    EVP_PKEY_up_ref(key->pkey);
    return gnossl_cert_cred_add_pair(res, sk, key->pkey, NULL, NULL, 0);
}

/* An external key cannot show its public half: as GnuTLS does, prove the
 * pair by a signature (SHA-256, the certificate's algorithm) that the
 * certificate's key verifies; the callback sees this test.  A key that
 * cannot sign yet (ocserv's asks another process, maybe not started) is
 * taken on trust, as GnuTLS takes it. */
static int ext_key_matches(gnutls_privkey_t key, gnutls_pubkey_t pub)
{
    gnutls_datum_t test = {(unsigned char *)"gnossl: does the key match?", 27}, sig = {NULL, 0};
    int pk = pub != NULL ? gnutls_pubkey_get_pk_algorithm(pub, NULL) : GNUTLS_PK_UNKNOWN;
    int pk2 = gnutls_privkey_get_pk_algorithm(key, NULL);
    gnutls_sign_algorithm_t algo;
    int ret;

    if ((pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS) && (pk2 == GNUTLS_PK_RSA || pk2 == GNUTLS_PK_RSA_PSS)) {
        if (pk2 == GNUTLS_PK_RSA_PSS && pk == GNUTLS_PK_RSA)
            return GNOSSL_ERR(GNUTLS_E_CERTIFICATE_KEY_MISMATCH);
        if (pk2 == GNUTLS_PK_RSA_PSS)
            pk = GNUTLS_PK_RSA_PSS;
    } else if (pk != pk2) {
        return GNOSSL_ERR(GNUTLS_E_CERTIFICATE_KEY_MISMATCH);
    }
    algo = gnutls_pk_to_sign((gnutls_pk_algorithm_t)pk, GNUTLS_DIG_SHA256);
    if (gnutls_privkey_sign_data2(key, algo, 0, &test, &sig) < 0)
        return 0;
    ret = gnutls_pubkey_verify_data2(pub, algo, GNUTLS_VERIFY_ALLOW_BROKEN, &test, &sig);
    gnutls_free(sig.data);
    return ret < 0 ? GNOSSL_ERR(GNUTLS_E_CERTIFICATE_KEY_MISMATCH) : 0;
}

int gnutls_certificate_set_key(gnutls_certificate_credentials_t res, const char **names, int names_size,
                               gnutls_pcert_st *pcert_list, int pcert_list_size, gnutls_privkey_t key)
{
    STACK_OF(X509) *sk;
    gnutls_pcert_st *copy;
    int i, ret;

    (void)names;
    (void)names_size; /* name-based selection is left to OpenSSL's key-type choice */
    if (res == NULL || pcert_list == NULL || pcert_list_size <= 0 || key == NULL ||
        (key->pkey == NULL && key->ext == NULL))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->ext != NULL && !(res->flags & GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH) &&
        (ret = ext_key_matches(key, pcert_list[0].pubkey)) < 0)
        return ret;
    sk = sk_X509_new_null();
    if (sk == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (i = 0; i < pcert_list_size; i++) {
        const unsigned char *p = pcert_list[i].cert.data;
        X509 *x;
        if (pcert_list[i].type != GNUTLS_CRT_X509 || p == NULL ||
            (x = d2i_X509(NULL, &p, (long)pcert_list[i].cert.size)) == NULL || !sk_X509_push(sk, x)) {
            sk_X509_pop_free(sk, X509_free);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
    }
    /* The key and the pcert contents become ours, as in GnuTLS (which
     * releases both with the credentials); the array stays the caller's. */
    copy = malloc((size_t)pcert_list_size * sizeof(*copy));
    if (copy == NULL) {
        sk_X509_pop_free(sk, X509_free);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(copy, pcert_list, (size_t)pcert_list_size * sizeof(*copy));
    EVP_PKEY *pkey = key->pkey;
    if (pkey != NULL) {
        EVP_PKEY_up_ref(pkey);
    } else {
        /* An external key (e.g. ocserv's, which signs in another process):
         * libssl gets a proxy that signs through the key's callbacks.  The
         * credentials own the key, so it outlives the proxy's uses. */
        pkey = gnossl_privkey_ext_evp(key, X509_get0_pubkey(sk_X509_value(sk, 0)));
        if (pkey == NULL) {
            free(copy);
            sk_X509_pop_free(sk, X509_free);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
    }
    ret = gnossl_cert_cred_add_pair(res, sk, pkey, key, copy, (unsigned)pcert_list_size);
    if (ret < 0)
        free(copy);
    return ret;
}

int gnutls_certificate_set_x509_trust(gnutls_certificate_credentials_t res, gnutls_x509_crt_t *ca_list,
                                      int ca_list_size)
{
    X509_STORE *store;
    int i, n = 0;

    if (res == NULL || (ca_list == NULL && ca_list_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    store = gnossl_cert_cred_own_store(res);
    for (i = 0; store != NULL && i < ca_list_size; i++)
        if (ca_list[i] != NULL && ca_list[i]->x509 != NULL && X509_STORE_add_cert(store, ca_list[i]->x509))
            n++;
    res->ncas += (unsigned)n;
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
    return store == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : n;
}

int gnutls_certificate_set_x509_crl(gnutls_certificate_credentials_t res, gnutls_x509_crl_t *crl_list,
                                    int crl_list_size)
{
    X509_STORE *store;
    int i, n = 0;

    if (res == NULL || (crl_list == NULL && crl_list_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    store = gnossl_cert_cred_own_store(res);
    for (i = 0; store != NULL && i < crl_list_size; i++)
        if (crl_list[i] != NULL && crl_list[i]->crl != NULL && X509_STORE_add_crl(store, crl_list[i]->crl))
            n++;
    res->ncrls += (unsigned)n;
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
    return store == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : n;
}

/* The list becomes the credentials' trust: they share its store from now
 * on, so that CAs and CRLs added on either side count for both, as with
 * GnuTLS's single list (gnossl_cert_cred_changed gives the list handles
 * for what the credentials add). */
static void adopt_list(gnutls_certificate_credentials_t res, gnutls_x509_trust_list_t tlist)
{
    X509_STORE *store = gnossl_trust_list_store(tlist);

    res->tlist = tlist;
    X509_STORE_free(res->store);
    free(res->store_key);
    res->store_key = NULL;
    X509_STORE_up_ref(store);
    res->store = store;
    res->store_shared = 0;
    res->ncas = res->ncrls = 0;
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        if (X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i)) != NULL)
            res->ncas++;
        else
            res->ncrls++;
    }
    gnossl_cert_cred_changed(res);
}

void gnutls_certificate_set_trust_list(gnutls_certificate_credentials_t res, gnutls_x509_trust_list_t tlist,
                                       unsigned flags)
{
    (void)flags;
    if (res == NULL || tlist == NULL)
        return;
    pthread_mutex_lock(&res->lock);
    /* The list replaces the trust so far and is owned from now on. */
    if (res->tlist != NULL && res->tlist != tlist)
        gnutls_x509_trust_list_deinit(res->tlist, 1);
    adopt_list(res, tlist);
    pthread_mutex_unlock(&res->lock);
}

/* GnuTLS keeps its credentials' anchors in a trust list; gnossl keeps a
 * store and makes the list when first asked for it, holding what was
 * loaded so far.  The credentials own it (freed with them). */
void gnutls_certificate_get_trust_list(gnutls_certificate_credentials_t res, gnutls_x509_trust_list_t *tlist)
{
    if (res == NULL || tlist == NULL)
        return;
    pthread_mutex_lock(&res->lock);
    if (res->tlist == NULL) {
        gnutls_x509_trust_list_t tl;
        if (gnutls_x509_trust_list_init(&tl, 0) < 0) {
            pthread_mutex_unlock(&res->lock);
            *tlist = NULL;
            return;
        }
        X509_STORE *mine = gnossl_trust_list_store(tl);
        STACK_OF(X509_OBJECT) *objs = res->store != NULL ? X509_STORE_get0_objects(res->store) : NULL;
        for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
            X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
            if (X509_OBJECT_get0_X509(o) != NULL)
                X509_STORE_add_cert(mine, X509_OBJECT_get0_X509(o));
            else if (X509_OBJECT_get0_X509_CRL(o) != NULL)
                X509_STORE_add_crl(mine, X509_OBJECT_get0_X509_CRL(o));
        }
        adopt_list(res, tl);
    }
    *tlist = res->tlist;
    pthread_mutex_unlock(&res->lock);
}

int gnutls_certificate_get_crt_raw(gnutls_certificate_credentials_t sc, unsigned idx1, unsigned idx2,
                                   gnutls_datum_t *cert)
{
    struct gnossl_keypair *k;
    unsigned n;
    int ret = 0;

    if (sc == NULL || cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&sc->lock);
    if (idx1 >= sc->nkeys) {
        pthread_mutex_unlock(&sc->lock);
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    }
    k = &sc->keys[idx1];
    n = (unsigned)sk_X509_num(k->chain);
    if (idx2 == 0) {
        *cert = k->der;
    } else if (idx2 > n) {
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    } else {
        if (k->chain_der == NULL)
            k->chain_der = calloc(n, sizeof(*k->chain_der));
        if (k->chain_der == NULL) {
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        } else if (k->chain_der[idx2 - 1].data == NULL) {
            unsigned char *der = NULL;
            int len = i2d_X509(sk_X509_value(k->chain, (int)idx2 - 1), &der);
            if (len <= 0 || (k->chain_der[idx2 - 1].data = malloc((size_t)len)) == NULL) {
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            } else {
                memcpy(k->chain_der[idx2 - 1].data, der, (size_t)len);
                k->chain_der[idx2 - 1].size = (unsigned)len;
            }
            OPENSSL_free(der);
        }
        if (ret == 0)
            *cert = k->chain_der[idx2 - 1];
    }
    pthread_mutex_unlock(&sc->lock);
    return ret;
}

/* The issuer of `cert` among the trust anchors.  Without GNUTLS_TL_GET_COPY
 * the handle stays owned by the credentials. */
int gnutls_certificate_get_issuer(gnutls_certificate_credentials_t sc, gnutls_x509_crt_t cert,
                                  gnutls_x509_crt_t *issuer, unsigned int flags)
{
    STACK_OF(X509_OBJECT) *objs;
    X509 *found = NULL;
    gnutls_x509_crt_t out, *grown;
    unsigned char *der = NULL;
    gnutls_datum_t d;
    int i, len, ret;

    if (sc == NULL || cert == NULL || cert->x509 == NULL || issuer == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&sc->lock);
    objs = sc->store != NULL ? X509_STORE_get0_objects(sc->store) : NULL;
    /* GnuTLS: an anchor of the bucket of the issuer's name that matches it
     * by name and key ID (gnutls_x509_trust_list_get_issuer) */
    size_t bucket = gnossl_dn_bucket(X509_get_issuer_name(cert->x509), GNOSSL_TL_DEFAULT_SIZE);
    for (i = 0; objs != NULL && i < sk_X509_OBJECT_num(objs); i++) {
        X509 *x = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
        if (x != NULL && gnossl_dn_bucket(X509_get_subject_name(x), GNOSSL_TL_DEFAULT_SIZE) == bucket &&
            gnossl_x509_is_issuer(cert->x509, x)) {
            found = x;
            X509_up_ref(found);
            break;
        }
    }
    pthread_mutex_unlock(&sc->lock);
    if (found == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);

    len = i2d_X509(found, &der);
    X509_free(found);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    d.data = der;
    d.size = (unsigned)len;
    ret = gnutls_x509_crt_init(&out);
    if (ret == 0) {
        ret = gnutls_x509_crt_import(out, &d, GNUTLS_X509_FMT_DER);
        if (ret < 0)
            gnutls_x509_crt_deinit(out);
    }
    OPENSSL_free(der);
    if (ret < 0)
        return ret;
    if (!(flags & GNUTLS_TL_GET_COPY)) {
        pthread_mutex_lock(&sc->lock);
        grown = realloc(sc->issuers, (sc->nissuers + 1) * sizeof(*grown));
        if (grown == NULL) {
            pthread_mutex_unlock(&sc->lock);
            gnutls_x509_crt_deinit(out);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        sc->issuers = grown;
        sc->issuers[sc->nissuers++] = out;
        pthread_mutex_unlock(&sc->lock);
    }
    *issuer = out;
    return 0;
}

/* Copies of pair `index`'s certificates, leaf first (gnutls_free the list,
 * gnutls_x509_crt_deinit each). */
int gnutls_certificate_get_x509_crt(gnutls_certificate_credentials_t res, unsigned index,
                                    gnutls_x509_crt_t **crt_list, unsigned *crt_list_size)
{
    STACK_OF(X509) *all;
    gnutls_x509_crt_t *list;
    unsigned n, i;
    int ret = 0;

    if (res == NULL || crt_list == NULL || crt_list_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    if (index >= res->nkeys) {
        pthread_mutex_unlock(&res->lock);
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    }
    all = res->keys[index].chain != NULL ? X509_chain_up_ref(res->keys[index].chain) : sk_X509_new_null();
    if (all != NULL) {
        X509_up_ref(res->keys[index].cert);
        if (!sk_X509_insert(all, res->keys[index].cert, 0)) {
            X509_free(res->keys[index].cert);
            sk_X509_pop_free(all, X509_free);
            all = NULL;
        }
    }
    pthread_mutex_unlock(&res->lock);
    if (all == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    n = (unsigned)sk_X509_num(all);
    list = gnutls_calloc(n, sizeof(*list));
    if (list == NULL) {
        sk_X509_pop_free(all, X509_free);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    for (i = 0; i < n && ret == 0; i++) {
        unsigned char *der = NULL;
        int len = i2d_X509(sk_X509_value(all, (int)i), &der);
        gnutls_datum_t d = {der, len > 0 ? (unsigned)len : 0};
        ret = len > 0 ? gnutls_x509_crt_init(&list[i]) : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        if (ret == 0 && (ret = gnutls_x509_crt_import(list[i], &d, GNUTLS_X509_FMT_DER)) < 0) {
            gnutls_x509_crt_deinit(list[i]);
            list[i] = NULL;
        }
        OPENSSL_free(der);
    }
    sk_X509_pop_free(all, X509_free);
    if (ret < 0) {
        for (i = 0; i < n; i++)
            if (list[i] != NULL)
                gnutls_x509_crt_deinit(list[i]);
        gnutls_free(list);
        return ret;
    }
    *crt_list = list;
    *crt_list_size = n;
    return 0;
}

/* A copy of pair `index`'s private key (gnutls_x509_privkey_deinit it). */
int gnutls_certificate_get_x509_key(gnutls_certificate_credentials_t res, unsigned index,
                                    gnutls_x509_privkey_t *key)
{
    gnutls_x509_privkey_t k;
    EVP_PKEY *pk;
    int ret;

    if (res == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    if (index >= res->nkeys) {
        pthread_mutex_unlock(&res->lock);
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    }
    pk = res->keys[index].key;
    EVP_PKEY_up_ref(pk);
    pthread_mutex_unlock(&res->lock);
    ret = gnutls_x509_privkey_init(&k);
    if (ret < 0) {
        EVP_PKEY_free(pk);
        return ret;
    }
    /* Keys are never modified once loaded: the handle shares ours. */
    EVP_PKEY_free(k->pkey);
    k->pkey = pk;
    *key = k;
    return 0;
}
