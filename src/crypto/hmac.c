/* gnutls_hmac_*: HMAC (over pre-fetched digests), AES-CMAC (EVP_MAC) and
 * AES-GMAC (an AES-GCM context fed only associated data). */
#include "gnossl.h"
#include "core/algorithms.h"
#include "crypto/crypto.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum mac_kind { KIND_HMAC, KIND_CMAC, KIND_GMAC };

#define GMAC_MAX_NONCE 64

struct hmac_hd_st {
    enum mac_kind kind;
    unsigned len;
    gnossl_hmac *hmac;
    EVP_MAC_CTX *cmac;
    EVP_CIPHER_CTX *gmac;
    unsigned char nonce[GMAC_MAX_NONCE]; /* GMAC: restored after each output */
    size_t nonce_len;
};

static EVP_MAC *cmac_alg;
static pthread_once_t cmac_once = PTHREAD_ONCE_INIT;

static void fetch_cmac(void)
{
    cmac_alg = EVP_MAC_fetch(NULL, "CMAC", NULL);
    ERR_clear_error();
}

int gnossl_cmac_oneshot(const char *cipher, const unsigned char *key, size_t keylen, const unsigned char *data,
                        size_t len, unsigned char out[16])
{
    char name[32];
    OSSL_PARAM params[2];
    EVP_MAC_CTX *ctx;
    size_t outl = 0;
    int ok;

    pthread_once(&cmac_once, fetch_cmac);
    if (cmac_alg == NULL || strlen(cipher) >= sizeof name)
        return 0;
    strcpy(name, cipher);
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, name, 0);
    params[1] = OSSL_PARAM_construct_end();
    ctx = EVP_MAC_CTX_new(cmac_alg);
    ok = ctx != NULL && EVP_MAC_init(ctx, key, keylen, params) && (len == 0 || EVP_MAC_update(ctx, data, len)) &&
         EVP_MAC_final(ctx, out, &outl, 16) && outl == 16;
    EVP_MAC_CTX_free(ctx);
    if (!ok)
        ERR_clear_error();
    return ok;
}

/* The digest for an HMAC id GnuTLS 3.7.9 accepts (not RMD160, SHA-3 or
 * MD5+SHA1, which have ids but no HMAC there). */
const EVP_MD *gnossl_hmac_md(gnutls_mac_algorithm_t id)
{
    switch (id) {
    case GNUTLS_MAC_MD5:
    case GNUTLS_MAC_SHA1:
    case GNUTLS_MAC_SHA224:
    case GNUTLS_MAC_SHA256:
    case GNUTLS_MAC_SHA384:
    case GNUTLS_MAC_SHA512:
        return gnossl_digest_fetch((gnutls_digest_algorithm_t)id);
    default:
        return NULL;
    }
}

static gnutls_cipher_algorithm_t gmac_cipher(gnutls_mac_algorithm_t id)
{
    switch (id) {
    case GNUTLS_MAC_AES_GMAC_128: return GNUTLS_CIPHER_AES_128_GCM;
    case GNUTLS_MAC_AES_GMAC_192: return GNUTLS_CIPHER_AES_192_GCM;
    case GNUTLS_MAC_AES_GMAC_256: return GNUTLS_CIPHER_AES_256_GCM;
    default: return GNUTLS_CIPHER_UNKNOWN;
    }
}

static void mac_free(struct hmac_hd_st *h)
{
    gnossl_hmac_free(h->hmac);
    EVP_MAC_CTX_free(h->cmac);
    EVP_CIPHER_CTX_free(h->gmac);
    OPENSSL_cleanse(h->nonce, sizeof h->nonce);
    free(h);
}

static int cmac_start(struct hmac_hd_st *h, gnutls_mac_algorithm_t id, const void *key, size_t keylen)
{
    char cipher[16];
    OSSL_PARAM params[2];

    pthread_once(&cmac_once, fetch_cmac);
    if (cmac_alg == NULL)
        return 0;
    /* GnuTLS's key size is fixed per id; OpenSSL would take any AES size */
    if (keylen != gnossl_mac_key_size(id))
        return 0;
    strcpy(cipher, id == GNUTLS_MAC_AES_CMAC_128 ? "AES-128-CBC" : "AES-256-CBC");
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0);
    params[1] = OSSL_PARAM_construct_end();
    h->cmac = EVP_MAC_CTX_new(cmac_alg);
    return h->cmac != NULL && EVP_MAC_init(h->cmac, key, keylen, params);
}

static int gmac_start(struct hmac_hd_st *h, gnutls_mac_algorithm_t id, const void *key, size_t keylen)
{
    const EVP_CIPHER *c = gnossl_cipher_fetch(gmac_cipher(id));
    if (c == NULL || keylen != (size_t)EVP_CIPHER_get_key_length(c))
        return 0;
    h->gmac = EVP_CIPHER_CTX_new();
    return h->gmac != NULL && EVP_EncryptInit_ex2(h->gmac, c, key, NULL, NULL);
}

/* GMAC: (re)load the nonce, which also starts a new message. */
static int gmac_set_nonce(EVP_CIPHER_CTX *ctx, const void *nonce, size_t len)
{
    size_t ivlen = len;
    OSSL_PARAM params[2] = { OSSL_PARAM_construct_size_t(OSSL_CIPHER_PARAM_AEAD_IVLEN, &ivlen),
                             OSSL_PARAM_construct_end() };
    return len > 0 && EVP_CIPHER_CTX_set_params(ctx, params) && EVP_EncryptInit_ex2(ctx, NULL, NULL, nonce, NULL);
}

int gnutls_hmac_init(gnutls_hmac_hd_t *dig, gnutls_mac_algorithm_t algorithm, const void *key, size_t keylen)
{
    struct hmac_hd_st *h;
    const EVP_MD *md;
    int ok;

    if (dig == NULL || (key == NULL && keylen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    h = calloc(1, sizeof *h);
    if (h == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    h->len = gnossl_mac_output_size((int)algorithm);

    if ((md = gnossl_hmac_md(algorithm)) != NULL) {
        h->kind = KIND_HMAC;
        h->hmac = gnossl_hmac_new(md, key, keylen);
        ok = h->hmac != NULL;
    } else if (algorithm == GNUTLS_MAC_AES_CMAC_128 || algorithm == GNUTLS_MAC_AES_CMAC_256) {
        h->kind = KIND_CMAC;
        ok = cmac_start(h, algorithm, key, keylen);
    } else if (gmac_cipher(algorithm) != GNUTLS_CIPHER_UNKNOWN) {
        h->kind = KIND_GMAC;
        ok = gmac_start(h, algorithm, key, keylen);
    } else {
        free(h);
        gnossl_debug("gnutls_hmac_init: MAC %d unavailable", (int)algorithm);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if (!ok) {
        ERR_clear_error();
        mac_free(h);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    *dig = h;
    return 0;
}

void gnutls_hmac_set_nonce(gnutls_hmac_hd_t handle, const void *nonce, size_t nonce_len)
{
    /* only GMAC takes a nonce; HMAC and CMAC ignore it */
    if (handle == NULL || handle->kind != KIND_GMAC)
        return;
    if (!gmac_set_nonce(handle->gmac, nonce, nonce_len)) {
        ERR_clear_error();
        gnossl_debug("gnutls_hmac_set_nonce: nonce of %zu bytes refused", nonce_len);
        return;
    }
    handle->nonce_len = nonce_len <= GMAC_MAX_NONCE ? nonce_len : 0;
    if (handle->nonce_len)
        memcpy(handle->nonce, nonce, nonce_len);
}

int gnutls_hmac(gnutls_hmac_hd_t handle, const void *text, size_t textlen)
{
    int ok, outl;

    if (handle == NULL || (text == NULL && textlen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (textlen == 0)
        return 0;
    switch (handle->kind) {
    case KIND_HMAC:
        ok = gnossl_hmac_update(handle->hmac, text, textlen);
        break;
    case KIND_CMAC:
        ok = EVP_MAC_update(handle->cmac, text, textlen);
        break;
    default:
        /* GMAC authenticates everything as associated data */
        ok = textlen <= 0x7fffffff && EVP_EncryptUpdate(handle->gmac, NULL, &outl, text, (int)textlen);
        break;
    }
    if (!ok) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_HASH_FAILED);
    }
    return 0;
}

/* Writes the MAC and restarts with the same key (and, for GMAC, nonce). */
static int mac_output(gnutls_hmac_hd_t h, unsigned char *out)
{
    size_t outl = 0;
    int ok, n;

    switch (h->kind) {
    case KIND_HMAC:
        return gnossl_hmac_final(h->hmac, out);
    case KIND_CMAC:
        ok = EVP_MAC_final(h->cmac, out, &outl, 16);
        return EVP_MAC_init(h->cmac, NULL, 0, NULL) && ok;
    default:
        ok = EVP_EncryptFinal_ex(h->gmac, out, &n) &&
             EVP_CIPHER_CTX_ctrl(h->gmac, EVP_CTRL_AEAD_GET_TAG, (int)h->len, out);
        if (h->nonce_len)
            ok = gmac_set_nonce(h->gmac, h->nonce, h->nonce_len) && ok;
        return ok;
    }
}

void gnutls_hmac_output(gnutls_hmac_hd_t handle, void *digest)
{
    unsigned char scratch[EVP_MAX_MD_SIZE];
    if (handle == NULL)
        return;
    if (!mac_output(handle, digest ? digest : scratch)) {
        ERR_clear_error();
        gnossl_debug("gnutls_hmac_output: MAC computation failed");
    }
}

void gnutls_hmac_deinit(gnutls_hmac_hd_t handle, void *digest)
{
    if (handle == NULL)
        return;
    if (digest != NULL)
        gnutls_hmac_output(handle, digest);
    mac_free(handle);
}

int gnutls_hmac_fast(gnutls_mac_algorithm_t algorithm, const void *key, size_t keylen, const void *text,
                     size_t textlen, void *digest)
{
    const EVP_MD *md = gnossl_hmac_md(algorithm);
    gnutls_hmac_hd_t h;
    int ret;

    if (md != NULL) {
        if ((key == NULL && keylen) || (text == NULL && textlen))
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (!gnossl_hmac_oneshot(md, key ? key : "", keylen, text ? text : "", textlen, digest)) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_HASH_FAILED);
        }
        return 0;
    }
    /* GMAC cannot work without a nonce, which this API has no room for */
    if (gmac_cipher(algorithm) != GNUTLS_CIPHER_UNKNOWN)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_hmac_init(&h, algorithm, key, keylen);
    if (ret < 0)
        return ret;
    ret = gnutls_hmac(h, text, textlen);
    gnutls_hmac_deinit(h, ret == 0 ? digest : NULL);
    return ret;
}

gnutls_hmac_hd_t gnutls_hmac_copy(gnutls_hmac_hd_t handle)
{
    struct hmac_hd_st *c;
    int ok;

    if (handle == NULL)
        return NULL;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    *c = *handle;
    c->hmac = NULL;
    c->cmac = NULL;
    c->gmac = NULL;
    switch (handle->kind) {
    case KIND_HMAC:
        ok = (c->hmac = gnossl_hmac_dup(handle->hmac)) != NULL;
        break;
    case KIND_CMAC:
        ok = (c->cmac = EVP_MAC_CTX_dup(handle->cmac)) != NULL;
        break;
    default:
        c->gmac = EVP_CIPHER_CTX_new();
        ok = c->gmac != NULL && EVP_CIPHER_CTX_copy(c->gmac, handle->gmac);
        break;
    }
    if (!ok) {
        ERR_clear_error();
        mac_free(c);
        return NULL;
    }
    return c;
}
