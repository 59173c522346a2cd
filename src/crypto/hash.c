/* gnutls_hash_*: one EVP_MD_CTX per handle over a digest fetched once per
 * process (core/algorithms). */
#include "gnossl.h"
#include "core/algorithms.h"
#include "crypto/crypto.h"

#include <openssl/err.h>
#include <stdlib.h>

struct hash_hd_st {
    EVP_MD_CTX *ctx;
};

const EVP_MD *gnossl_hash_md(gnutls_digest_algorithm_t id)
{
    /* the digests GnuTLS 3.7.9's hash API accepts (RMD160 and SHAKE are
     * refused there even though they have ids) */
    switch (id) {
    case GNUTLS_DIG_MD5:
    case GNUTLS_DIG_SHA1:
    case GNUTLS_DIG_SHA224:
    case GNUTLS_DIG_SHA256:
    case GNUTLS_DIG_SHA384:
    case GNUTLS_DIG_SHA512:
    case GNUTLS_DIG_SHA3_224:
    case GNUTLS_DIG_SHA3_256:
    case GNUTLS_DIG_SHA3_384:
    case GNUTLS_DIG_SHA3_512:
    case GNUTLS_DIG_MD5_SHA1:
        return gnossl_digest_fetch(id);
    default:
        return NULL;
    }
}

int gnutls_hash_init(gnutls_hash_hd_t *dig, gnutls_digest_algorithm_t algorithm)
{
    const EVP_MD *md = gnossl_hash_md(algorithm);
    struct hash_hd_st *h;

    if (dig == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (md == NULL) {
        gnossl_debug("gnutls_hash_init: digest %d unavailable", (int)algorithm);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    h = calloc(1, sizeof *h);
    if (h == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    h->ctx = EVP_MD_CTX_new();
    if (h->ctx == NULL || !EVP_DigestInit_ex2(h->ctx, md, NULL)) {
        ERR_clear_error();
        EVP_MD_CTX_free(h->ctx);
        free(h);
        return GNOSSL_ERR(GNUTLS_E_HASH_FAILED);
    }
    *dig = h;
    return 0;
}

int gnutls_hash(gnutls_hash_hd_t handle, const void *text, size_t textlen)
{
    if (handle == NULL || (text == NULL && textlen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (textlen == 0)
        return 0;
    if (!EVP_DigestUpdate(handle->ctx, text, textlen)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_HASH_FAILED);
    }
    return 0;
}

/* Writes the digest (when digest is non-NULL) and starts a new message. */
static void hash_output_reset(gnutls_hash_hd_t handle, void *digest)
{
    unsigned char scratch[EVP_MAX_MD_SIZE];
    if (!EVP_DigestFinal_ex(handle->ctx, digest ? digest : scratch, NULL) ||
        !EVP_DigestInit_ex2(handle->ctx, NULL, NULL)) {
        ERR_clear_error();
        gnossl_debug("gnutls_hash_output: digest failed");
    }
}

void gnutls_hash_output(gnutls_hash_hd_t handle, void *digest)
{
    if (handle != NULL)
        hash_output_reset(handle, digest);
}

void gnutls_hash_deinit(gnutls_hash_hd_t handle, void *digest)
{
    if (handle == NULL)
        return;
    if (digest != NULL && !EVP_DigestFinal_ex(handle->ctx, digest, NULL))
        ERR_clear_error();
    EVP_MD_CTX_free(handle->ctx);
    free(handle);
}

int gnutls_hash_fast(gnutls_digest_algorithm_t algorithm, const void *text, size_t textlen, void *digest)
{
    const EVP_MD *md = gnossl_hash_md(algorithm);
    if (md == NULL || digest == NULL || (text == NULL && textlen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_MD_CTX *ctx = gnossl_scratch_md_ctx();
    if (ctx == NULL || !EVP_DigestInit_ex2(ctx, md, NULL) || (textlen && !EVP_DigestUpdate(ctx, text, textlen)) ||
        !EVP_DigestFinal_ex(ctx, digest, NULL)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_HASH_FAILED);
    }
    return 0;
}

gnutls_hash_hd_t gnutls_hash_copy(gnutls_hash_hd_t handle)
{
    struct hash_hd_st *c;
    if (handle == NULL)
        return NULL;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->ctx = EVP_MD_CTX_new();
    if (c->ctx == NULL || !EVP_MD_CTX_copy_ex(c->ctx, handle->ctx)) {
        ERR_clear_error();
        EVP_MD_CTX_free(c->ctx);
        free(c);
        return NULL;
    }
    return c;
}
