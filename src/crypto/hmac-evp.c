/* HMAC (RFC 2104) over EVP_MD_CTX with a pre-fetched EVP_MD.  OpenSSL 3's
 * EVP_MAC "HMAC" takes its digest by name and fetches it on every keyed
 * init; building HMAC from the two padded-key digest states avoids that
 * and makes restarting after an output a pair of context copies, which is
 * what OpenSSL's own HMAC does internally. */
#include "gnossl.h"
#include "crypto/crypto.h"

#include <openssl/crypto.h>
#include <pthread.h>
#include <string.h>

struct gnossl_hmac {
    EVP_MD_CTX *inner0; /* state after absorbing key ^ ipad */
    EVP_MD_CTX *outer0; /* state after absorbing key ^ opad */
    EVP_MD_CTX *work;   /* inner hash of the current message */
};

void gnossl_hmac_free(gnossl_hmac *h)
{
    if (h == NULL)
        return;
    EVP_MD_CTX_free(h->inner0);
    EVP_MD_CTX_free(h->outer0);
    EVP_MD_CTX_free(h->work);
    OPENSSL_free(h);
}

static gnossl_hmac *hmac_alloc(void)
{
    gnossl_hmac *h = OPENSSL_zalloc(sizeof *h);
    if (h == NULL)
        return NULL;
    h->inner0 = EVP_MD_CTX_new();
    h->outer0 = EVP_MD_CTX_new();
    h->work = EVP_MD_CTX_new();
    if (h->inner0 == NULL || h->outer0 == NULL || h->work == NULL) {
        gnossl_hmac_free(h);
        return NULL;
    }
    return h;
}

gnossl_hmac *gnossl_hmac_new(const EVP_MD *md, const void *key, size_t keylen)
{
    unsigned char block[EVP_MAX_MD_SIZE > 200 ? EVP_MAX_MD_SIZE : 200]; /* SHA3-224's rate is 144 */
    unsigned char pad[sizeof block];
    int bs = EVP_MD_get_block_size(md);
    unsigned hashed_len = 0;
    gnossl_hmac *h;
    int ok;

    if (bs <= 0 || (size_t)bs > sizeof block)
        return NULL;
    h = hmac_alloc();
    if (h == NULL)
        return NULL;

    memset(block, 0, sizeof block);
    if (keylen > (size_t)bs) {
        /* long keys are replaced by their hash */
        if (!EVP_Digest(key, keylen, block, &hashed_len, md, NULL))
            goto fail;
    } else if (keylen > 0) {
        memcpy(block, key, keylen);
    }

    for (int i = 0; i < bs; i++)
        pad[i] = block[i] ^ 0x36;
    ok = EVP_DigestInit_ex2(h->inner0, md, NULL) && EVP_DigestUpdate(h->inner0, pad, (size_t)bs);
    for (int i = 0; i < bs; i++)
        pad[i] = block[i] ^ 0x5c;
    ok = ok && EVP_DigestInit_ex2(h->outer0, md, NULL) && EVP_DigestUpdate(h->outer0, pad, (size_t)bs);
    ok = ok && EVP_MD_CTX_copy_ex(h->work, h->inner0);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    if (!ok)
        goto fail;
    return h;

fail:
    gnossl_hmac_free(h);
    return NULL;
}

int gnossl_hmac_update(gnossl_hmac *h, const void *data, size_t len)
{
    if (len == 0)
        return 1;
    return EVP_DigestUpdate(h->work, data, len);
}

int gnossl_hmac_final(gnossl_hmac *h, unsigned char *out)
{
    unsigned char inner[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    int ok = EVP_DigestFinal_ex(h->work, inner, &len) && EVP_MD_CTX_copy_ex(h->work, h->outer0) &&
             EVP_DigestUpdate(h->work, inner, len) && EVP_DigestFinal_ex(h->work, out, NULL);
    OPENSSL_cleanse(inner, sizeof inner);
    /* restart with the same key */
    return EVP_MD_CTX_copy_ex(h->work, h->inner0) && ok;
}

gnossl_hmac *gnossl_hmac_dup(const gnossl_hmac *h)
{
    gnossl_hmac *c = hmac_alloc();
    if (c == NULL)
        return NULL;
    if (!EVP_MD_CTX_copy_ex(c->inner0, h->inner0) || !EVP_MD_CTX_copy_ex(c->outer0, h->outer0) ||
        !EVP_MD_CTX_copy_ex(c->work, h->work)) {
        gnossl_hmac_free(c);
        return NULL;
    }
    return c;
}

/* One EVP_MD_CTX per thread for one-shot digests and MACs: creating and
 * freeing a context on every call costs more than the hashing of a short
 * message.  Callers must not nest uses. */
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *ctx)
{
    EVP_MD_CTX_free(ctx);
}

static void scratch_init(void)
{
    if (pthread_key_create(&scratch_key, scratch_free) != 0)
        scratch_key = (pthread_key_t)-1;
}

EVP_MD_CTX *gnossl_scratch_md_ctx(void)
{
    EVP_MD_CTX *ctx;
    pthread_once(&scratch_once, scratch_init);
    if (scratch_key == (pthread_key_t)-1)
        return NULL;
    ctx = pthread_getspecific(scratch_key);
    if (ctx == NULL) {
        ctx = EVP_MD_CTX_new();
        if (ctx != NULL && pthread_setspecific(scratch_key, ctx) != 0) {
            EVP_MD_CTX_free(ctx);
            ctx = NULL;
        }
    }
    return ctx;
}

int gnossl_hmac_oneshot(const EVP_MD *md, const void *key, size_t keylen, const void *data, size_t len,
                        unsigned char *out)
{
    unsigned char block[200], pad[200], inner[EVP_MAX_MD_SIZE];
    EVP_MD_CTX *ctx = gnossl_scratch_md_ctx();
    int bs = EVP_MD_get_block_size(md), ok;
    unsigned inner_len = 0;

    if (ctx == NULL || bs <= 0 || (size_t)bs > sizeof block)
        return 0;
    memset(block, 0, sizeof block);
    if (keylen > (size_t)bs) {
        if (!EVP_Digest(key, keylen, block, NULL, md, NULL))
            return 0;
    } else if (keylen > 0) {
        memcpy(block, key, keylen);
    }
    /* inner then outer hash on the one context: no copies, no allocation */
    for (int i = 0; i < bs; i++)
        pad[i] = block[i] ^ 0x36;
    ok = EVP_DigestInit_ex2(ctx, md, NULL) && EVP_DigestUpdate(ctx, pad, (size_t)bs) &&
         (len == 0 || EVP_DigestUpdate(ctx, data, len)) && EVP_DigestFinal_ex(ctx, inner, &inner_len);
    for (int i = 0; i < bs; i++)
        pad[i] = block[i] ^ 0x5c;
    ok = ok && EVP_DigestInit_ex2(ctx, md, NULL) && EVP_DigestUpdate(ctx, pad, (size_t)bs) &&
         EVP_DigestUpdate(ctx, inner, inner_len) && EVP_DigestFinal_ex(ctx, out, NULL);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(inner, sizeof inner);
    return ok;
}
