/* gnutls_x509_privkey_*: signing with a bare private key, fix and seed
 * check. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/err.h>
#include <openssl/evp.h>

int gnutls_x509_privkey_sign_data(gnutls_x509_privkey_t key, gnutls_digest_algorithm_t digest, unsigned int flags,
                                  const gnutls_datum_t *data, void *signature, size_t *signature_size)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || data == NULL || signature_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t sig = {NULL, 0};
    int ret = gnossl_pkey_sign(key->pkey, digest, 0, 0, 0, data, &sig);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(signature, signature_size, sig.data, sig.size);
    gnutls_free(sig.data);
    return ret;
}

/* The hash is signed as given: for RSA with PKCS#1 type 1 padding and no
 * DigestInfo added (the caller's job), for (EC)DSA as the digest. */
int gnutls_x509_privkey_sign_hash(gnutls_x509_privkey_t key, const gnutls_datum_t *hash, gnutls_datum_t *signature)
{
    if (key == NULL || key->pkey == NULL || hash == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(key->pkey);
    if (pk == GNUTLS_PK_RSA)
        return gnossl_pkey_sign(key->pkey, GNUTLS_DIG_UNKNOWN, 0, 1, 1, hash, signature);
    if (pk != GNUTLS_PK_EC && pk != GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* (EC)DSA signs the digest bytes; the algorithm only tells the size */
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key->pkey, NULL);
    size_t len = 0;
    int ok = 0;
    signature->data = NULL;
    ERR_clear_error();
    if (ctx && EVP_PKEY_sign_init(ctx) == 1 && EVP_PKEY_sign(ctx, NULL, &len, hash->data, hash->size) == 1 &&
        (signature->data = gnutls_malloc(len ? len : 1)) != NULL &&
        EVP_PKEY_sign(ctx, signature->data, &len, hash->data, hash->size) == 1)
        ok = 1;
    EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    if (!ok) {
        gnutls_free(signature->data);
        signature->data = NULL;
        return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
    }
    signature->size = (unsigned)len;
    return 0;
}

/* GnuTLS recomputes derived RSA parameters; OpenSSL keys always carry
 * consistent ones, so there is nothing to repair. */
int gnutls_x509_privkey_fix(gnutls_x509_privkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return 0;
}

/* No key here was generated from a seed (see gnutls_privkey_verify_seed). */
int gnutls_x509_privkey_verify_seed(gnutls_x509_privkey_t key, gnutls_digest_algorithm_t digest, const void *seed,
                                    size_t seed_size)
{
    (void)digest;
    (void)seed;
    (void)seed_size;
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(key->pkey);
    if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_PK_NO_VALIDATION_PARAMS);
    return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
}

/* The abstract key's seed is its x509 key's (none here: see above). */
int gnutls_privkey_get_seed(gnutls_privkey_t key, gnutls_digest_algorithm_t *digest, void *seed, size_t *seed_size)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_privkey_t x = key->x509;
    struct gnutls_x509_privkey_int tmp = {.pkey = key->pkey};
    return gnutls_x509_privkey_get_seed(x ? x : &tmp, digest, seed, seed_size);
}
