/* gnutls_aead_cipher_*: one-shot AEAD (GCM, CCM, CCM-8, ChaCha20-Poly1305,
 * AES-SIV)
 * over two keyed EVP_CIPHER_CTXs per handle, one per direction, re-used for
 * every message (a new nonce restarts them; the key schedule stays).
 * Decryption verifies the tag with OpenSSL (truncated tags included) and
 * wipes the output when it does not match.  The scatter/gather variants
 * gather into contiguous buffers: CCM cannot stream anyway, and it keeps a
 * single code path. */
#include "gnossl.h"
#include "crypto/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct api_aead_cipher_hd_st {
    gnutls_cipher_algorithm_t id;
    struct gnossl_cipher_info info;
    EVP_CIPHER_CTX *enc, *dec;
    /* CCM: OpenSSL fixes the tag and nonce lengths when the key is set, so
     * the key is kept to re-key when a message uses other lengths.  SIV:
     * only a new key resets OpenSSL's S2V state, so every message re-keys */
    unsigned char key[64];
    size_t keylen;
    size_t ccm_tag[2], ccm_nonce[2]; /* lengths each context is keyed for */
    size_t ivlen[2];                  /* GCM: nonce length each context is set for */
};

static int is_ccm(gnutls_cipher_algorithm_t id)
{
    return id == GNUTLS_CIPHER_AES_128_CCM || id == GNUTLS_CIPHER_AES_256_CCM || id == GNUTLS_CIPHER_AES_128_CCM_8 ||
           id == GNUTLS_CIPHER_AES_256_CCM_8;
}

static int is_siv(gnutls_cipher_algorithm_t id)
{
    return id == GNUTLS_CIPHER_AES_128_SIV || id == GNUTLS_CIPHER_AES_256_SIV;
}

static void ctx_free(struct api_aead_cipher_hd_st *h)
{
    EVP_CIPHER_CTX_free(h->enc);
    EVP_CIPHER_CTX_free(h->dec);
    h->enc = h->dec = NULL;
}

/* (Re)creates the two contexts for key. */
static int keyed(struct api_aead_cipher_hd_st *h, gnutls_cipher_algorithm_t id, const gnutls_datum_t *key)
{
    struct gnossl_cipher_info info;
    int ret;

    if (key == NULL || (key->data == NULL && key->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_cipher_select(id, key->size, &info);
    if (ret < 0)
        return ret;
    if (info.mode != GNOSSL_MODE_AEAD && info.mode != GNOSSL_MODE_ONLY_AEAD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ctx_free(h);
    h->id = id;
    h->info = info;
    OPENSSL_cleanse(h->key, sizeof h->key);
    h->keylen = 0;
    h->ccm_tag[0] = h->ccm_tag[1] = h->ccm_nonce[0] = h->ccm_nonce[1] = 0;
    h->ivlen[0] = h->ivlen[1] = info.iv_size;
    if (is_ccm(id) || is_siv(id)) {
        memcpy(h->key, key->data, key->size);
        h->keylen = key->size;
    }
    h->enc = EVP_CIPHER_CTX_new();
    h->dec = EVP_CIPHER_CTX_new();
    if (h->enc == NULL || h->dec == NULL || !EVP_EncryptInit_ex2(h->enc, info.evp, key->data, NULL, NULL) ||
        !EVP_DecryptInit_ex2(h->dec, info.evp, key->data, NULL, NULL)) {
        ERR_clear_error();
        ctx_free(h);
        return GNOSSL_ERR(info.accelerated ? GNUTLS_E_INTERNAL_ERROR : GNUTLS_E_INVALID_REQUEST);
    }
    return 0;
}

int gnutls_aead_cipher_init(gnutls_aead_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher,
                            const gnutls_datum_t *key)
{
    struct api_aead_cipher_hd_st *h;
    int ret;

    if (handle == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    h = calloc(1, sizeof *h);
    if (h == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ret = keyed(h, cipher, key);
    if (ret < 0) {
        free(h);
        return ret;
    }
    *handle = h;
    return 0;
}

int gnutls_aead_cipher_set_key(gnutls_aead_cipher_hd_t handle, const gnutls_datum_t *key)
{
    if (handle == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return keyed(handle, handle->id, key);
}

void gnutls_aead_cipher_deinit(gnutls_aead_cipher_hd_t handle)
{
    if (handle == NULL)
        return;
    ctx_free(handle);
    OPENSSL_cleanse(handle->key, sizeof handle->key);
    free(handle);
}

static int update(EVP_CIPHER_CTX *ctx, int enc, unsigned char *out, const unsigned char *in, size_t len)
{
    int outl;
    if (len > INT_MAX)
        return 0;
    return enc ? EVP_EncryptUpdate(ctx, out, &outl, in, (int)len) : EVP_DecryptUpdate(ctx, out, &outl, in, (int)len);
}

/* Nonce lengths accepted: GCM any (GnuTLS's own AES-NI code misbehaves off
 * 12 bytes; this follows the GCM standard), CCM 7..13, ChaCha20-Poly1305
 * exactly 12 (GnuTLS would read 12 bytes whatever it is told). */
static int nonce_ok(const struct api_aead_cipher_hd_st *h, size_t len)
{
    if (is_ccm(h->id))
        return len >= 7 && len <= 13;
    if (h->id == GNUTLS_CIPHER_CHACHA20_POLY1305)
        return len == 12;
    return len >= 1 && len <= 128;
}

/* SIV doubling in GF(2^128). */
static void siv_dbl(unsigned char d[16])
{
    unsigned carry = d[0] >> 7;
    for (int i = 0; i < 15; i++)
        d[i] = (unsigned char)(d[i] << 1 | d[i + 1] >> 7);
    d[15] = (unsigned char)(d[15] << 1 ^ (carry ? 0x87 : 0));
}

/* The SIV of an empty plaintext (RFC 5297 S2V over the associated data and
 * the nonce), which OpenSSL's AES-SIV cannot produce. */
static int siv_empty_tag(const struct api_aead_cipher_hd_st *h, const void *aad, size_t aad_len, const void *nonce,
                         size_t nonce_len, unsigned char v[16])
{
    static const unsigned char zero[16];
    const char *cmac = h->id == GNUTLS_CIPHER_AES_128_SIV ? "AES-128-CBC" : "AES-256-CBC";
    size_t k1 = h->keylen / 2;
    unsigned char d[16], t[16];
    int ok = gnossl_cmac_oneshot(cmac, h->key, k1, zero, 16, d);

    siv_dbl(d);
    ok = ok && gnossl_cmac_oneshot(cmac, h->key, k1, aad, aad_len, t);
    for (int i = 0; i < 16; i++)
        d[i] ^= t[i];
    siv_dbl(d);
    ok = ok && gnossl_cmac_oneshot(cmac, h->key, k1, nonce, nonce_len, t);
    for (int i = 0; i < 16; i++)
        d[i] ^= t[i];
    siv_dbl(d);
    d[0] ^= 0x80; /* the empty plaintext, padded */
    ok = ok && gnossl_cmac_oneshot(cmac, h->key, k1, d, 16, v);
    OPENSSL_cleanse(d, sizeof d);
    OPENSSL_cleanse(t, sizeof t);
    return ok;
}

/* AES-SIV: associated data, then the nonce, are S2V components. */
static int siv_core(struct api_aead_cipher_hd_st *h, int enc, const void *nonce, size_t nonce_len, const void *aad,
                    size_t aad_len, const unsigned char *in, size_t len, unsigned char *out, unsigned char *tag)
{
    EVP_CIPHER_CTX *ctx = enc ? h->enc : h->dec;
    int ok, outl;

    if (nonce == NULL || nonce_len == 0 || (aad_len && aad == NULL) || (len && (in == NULL || out == NULL)))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (len == 0) {
        unsigned char v[16];
        ok = siv_empty_tag(h, aad_len ? aad : "", aad_len, nonce, nonce_len, v);
        if (ok && enc)
            memcpy(tag, v, 16);
        else if (ok && CRYPTO_memcmp(v, tag, 16) != 0)
            return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        return ok ? 0 : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    ok = enc ? EVP_EncryptInit_ex2(ctx, NULL, h->key, NULL, NULL) : EVP_DecryptInit_ex2(ctx, NULL, h->key, NULL, NULL);
    if (ok && !enc) {
        OSSL_PARAM tp[2] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag, 16),
                             OSSL_PARAM_construct_end() };
        ok = EVP_CIPHER_CTX_set_params(ctx, tp);
    }
    ok = ok && update(ctx, enc, NULL, aad_len ? aad : (const unsigned char *)"", aad_len) &&
         update(ctx, enc, NULL, nonce, nonce_len) && update(ctx, enc, out, in, len) &&
         (enc ? EVP_EncryptFinal_ex(ctx, out + len, &outl) : EVP_DecryptFinal_ex(ctx, out + len, &outl));
    if (ok && enc)
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag);
    if (!ok) {
        ERR_clear_error();
        if (!enc) {
            OPENSSL_cleanse(out, len);
            return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        }
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    }
    return 0;
}

/* One message, contiguous.  enc: out = in encrypted, tag written.
 * !enc: out = in decrypted, tag checked; out wiped on mismatch. */
static int aead_core(struct api_aead_cipher_hd_st *h, int enc, const void *nonce, size_t nonce_len, const void *aad,
                     size_t aad_len, const unsigned char *in, size_t len, unsigned char *out, unsigned char *tag,
                     size_t tag_size)
{
    EVP_CIPHER_CTX *ctx = enc ? h->enc : h->dec;
    int ccm = is_ccm(h->id), ok, outl;
    size_t ivlen = nonce_len;
    OSSL_PARAM params[3], *p = params;
    unsigned char full[16];

    if (is_siv(h->id)) {
        /* GnuTLS's SIV takes its whole tag only (shorter ones misbehave) */
        if (tag_size != 16)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        return siv_core(h, enc, nonce, nonce_len, aad, aad_len, in, len, out, tag);
    }

    if (!nonce_ok(h, nonce_len) || nonce == NULL) {
        gnossl_debug("AEAD: nonce of %zu bytes refused", nonce_len);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if ((aad_len && aad == NULL) || (len && (in == NULL || out == NULL)))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    if (ccm && (h->ccm_tag[enc] != tag_size || h->ccm_nonce[enc] != nonce_len)) {
        /* new lengths: set them, then re-key so that they take effect */
        *p++ = OSSL_PARAM_construct_size_t(OSSL_CIPHER_PARAM_AEAD_IVLEN, &ivlen);
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, NULL, tag_size);
        *p = OSSL_PARAM_construct_end();
        if (!EVP_CIPHER_CTX_set_params(ctx, params) ||
            !EVP_CipherInit_ex2(ctx, NULL, h->key, NULL, enc, NULL)) {
            ERR_clear_error();
            h->ccm_tag[enc] = h->ccm_nonce[enc] = 0;
            gnossl_debug("AEAD: CCM with a %zu-byte tag and %zu-byte nonce refused", tag_size, nonce_len);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        h->ccm_tag[enc] = tag_size;
        h->ccm_nonce[enc] = nonce_len;
    } else if (!ccm && h->id != GNUTLS_CIPHER_CHACHA20_POLY1305 && h->ivlen[enc] != nonce_len) {
        *p++ = OSSL_PARAM_construct_size_t(OSSL_CIPHER_PARAM_AEAD_IVLEN, &ivlen);
        *p = OSSL_PARAM_construct_end();
        if (!EVP_CIPHER_CTX_set_params(ctx, params)) {
            ERR_clear_error();
            h->ivlen[enc] = 0;
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        h->ivlen[enc] = nonce_len;
    }
    ok = enc ? EVP_EncryptInit_ex2(ctx, NULL, NULL, nonce, NULL) : EVP_DecryptInit_ex2(ctx, NULL, NULL, nonce, NULL);
    if (ok && !enc) {
        /* GCM / Poly1305 check the (possibly truncated) tag at final, CCM
         * in the data update */
        OSSL_PARAM tp[2] = { OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag, tag_size),
                             OSSL_PARAM_construct_end() };
        ok = EVP_CIPHER_CTX_set_params(ctx, tp);
    }
    if (ok && ccm) /* CCM needs the length up front */
        ok = update(ctx, enc, NULL, NULL, len);
    if (ok && aad_len)
        ok = update(ctx, enc, NULL, aad, aad_len);
    if (ok && (len || ccm))
        ok = update(ctx, enc, out, len ? in : (const unsigned char *)"", len);
    if (!ok && !enc && len) {
        /* CCM verifies inside the update */
        ERR_clear_error();
        OPENSSL_cleanse(out, len);
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    }
    if (ok && (!ccm || enc))
        ok = enc ? EVP_EncryptFinal_ex(ctx, full, &outl) : EVP_DecryptFinal_ex(ctx, full, &outl);
    if (ok && enc) {
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, ccm ? (int)tag_size : 16, full);
        if (ok)
            memcpy(tag, full, tag_size);
    }
    if (!ok) {
        ERR_clear_error();
        if (!enc) {
            if (len)
                OPENSSL_cleanse(out, len);
            return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        }
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    }
    return 0;
}

/* GnuTLS's tag size rule: 0 means the cipher's, more than it is refused. */
static int pick_tag_size(const struct api_aead_cipher_hd_st *h, size_t *tag_size)
{
    if (*tag_size == 0)
        *tag_size = h->info.tag_size;
    else if (*tag_size > h->info.tag_size)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return 0;
}

int gnutls_aead_cipher_encrypt(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len, const void *auth,
                               size_t auth_len, size_t tag_size, const void *ptext, size_t ptext_len, void *ctext,
                               size_t *ctext_len)
{
    int ret;

    if (handle == NULL || ctext_len == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = pick_tag_size(handle, &tag_size)) < 0)
        return ret;
    if (ptext_len > SIZE_MAX - tag_size)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*ctext_len < ptext_len + tag_size)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    /* SIV writes its tag (the synthetic IV) first, the others last */
    if (is_siv(handle->id))
        ret = aead_core(handle, 1, nonce, nonce_len, auth, auth_len, ptext, ptext_len,
                        (unsigned char *)ctext + tag_size, ctext, tag_size);
    else
        ret = aead_core(handle, 1, nonce, nonce_len, auth, auth_len, ptext, ptext_len, ctext,
                        (unsigned char *)ctext + ptext_len, tag_size);
    if (ret < 0)
        return ret;
    *ctext_len = ptext_len + tag_size;
    return 0;
}

int gnutls_aead_cipher_decrypt(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len, const void *auth,
                               size_t auth_len, size_t tag_size, const void *ctext, size_t ctext_len, void *ptext,
                               size_t *ptext_len)
{
    unsigned char tag[16];
    size_t len;
    int ret;

    if (handle == NULL || ptext_len == NULL || (ctext == NULL && ctext_len))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = pick_tag_size(handle, &tag_size)) < 0)
        return ret;
    if (ctext_len < tag_size)
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    len = ctext_len - tag_size;
    if (*ptext_len < len)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    /* the tag is copied out first: ptext may overlap ctext */
    if (is_siv(handle->id)) {
        memcpy(tag, ctext, tag_size);
        ret = aead_core(handle, 0, nonce, nonce_len, auth, auth_len, (const unsigned char *)ctext + tag_size, len,
                        ptext, tag, tag_size);
    } else {
        memcpy(tag, (const unsigned char *)ctext + len, tag_size);
        ret = aead_core(handle, 0, nonce, nonce_len, auth, auth_len, ctext, len, ptext, tag, tag_size);
    }
    if (ret < 0)
        return ret;
    *ptext_len = len;
    return 0;
}

/* ---- scatter / gather ---- */

static int iov_total(const giovec_t *iov, int cnt, size_t *total)
{
    size_t t = 0;
    if (cnt < 0 || (cnt > 0 && iov == NULL))
        return 0;
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len && iov[i].iov_base == NULL)
            return 0;
        if (t + iov[i].iov_len < t)
            return 0;
        t += iov[i].iov_len;
    }
    *total = t;
    return 1;
}

/* Gathers the iovecs into one new buffer (never NULL on success). */
static unsigned char *gather(const giovec_t *iov, int cnt, size_t total)
{
    unsigned char *buf = malloc(total ? total : 1), *p = buf;
    if (buf == NULL)
        return NULL;
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len)
            memcpy(p, iov[i].iov_base, iov[i].iov_len);
        p += iov[i].iov_len;
    }
    return buf;
}

static void scatter(const giovec_t *iov, int cnt, const unsigned char *buf)
{
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len)
            memcpy(iov[i].iov_base, buf, iov[i].iov_len);
        buf += iov[i].iov_len;
    }
}

static void free_secret(unsigned char *buf, size_t len)
{
    if (buf != NULL) {
        OPENSSL_cleanse(buf, len);
        free(buf);
    }
}

int gnutls_aead_cipher_encryptv(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                const giovec_t *auth_iov, int auth_iovcnt, size_t tag_size, const giovec_t *iov,
                                int iovcnt, void *ctext, size_t *ctext_len)
{
    size_t alen, plen;
    unsigned char *aad, *pt;
    int ret;

    if (handle == NULL || ctext_len == NULL || !iov_total(auth_iov, auth_iovcnt, &alen) ||
        !iov_total(iov, iovcnt, &plen))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = pick_tag_size(handle, &tag_size)) < 0)
        return ret;
    if (plen > SIZE_MAX - tag_size)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*ctext_len < plen + tag_size)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    aad = gather(auth_iov, auth_iovcnt, alen);
    pt = gather(iov, iovcnt, plen);
    if (aad == NULL || pt == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else if (is_siv(handle->id))
        ret = aead_core(handle, 1, nonce, nonce_len, aad, alen, pt, plen, (unsigned char *)ctext + tag_size, ctext,
                        tag_size);
    else
        ret = aead_core(handle, 1, nonce, nonce_len, aad, alen, pt, plen, ctext, (unsigned char *)ctext + plen,
                        tag_size);
    free(aad);
    free_secret(pt, plen);
    if (ret < 0)
        return ret;
    *ctext_len = plen + tag_size;
    return 0;
}

int gnutls_aead_cipher_encryptv2(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                 const giovec_t *auth_iov, int auth_iovcnt, const giovec_t *iov, int iovcnt, void *tag,
                                 size_t *tag_size)
{
    size_t alen, plen, tsize = tag_size ? *tag_size : 0;
    unsigned char *aad, *buf;
    int ret;

    if (handle == NULL || tag == NULL || !iov_total(auth_iov, auth_iovcnt, &alen) || !iov_total(iov, iovcnt, &plen))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = pick_tag_size(handle, &tsize)) < 0)
        return ret;
    aad = gather(auth_iov, auth_iovcnt, alen);
    buf = gather(iov, iovcnt, plen);
    if (aad == NULL || buf == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else
        ret = aead_core(handle, 1, nonce, nonce_len, aad, alen, buf, plen, buf, tag, tsize);
    if (ret == 0) {
        scatter(iov, iovcnt, buf);
        if (tag_size)
            *tag_size = tsize;
    }
    free(aad);
    free_secret(buf, plen);
    return ret;
}

int gnutls_aead_cipher_decryptv2(gnutls_aead_cipher_hd_t handle, const void *nonce, size_t nonce_len,
                                 const giovec_t *auth_iov, int auth_iovcnt, const giovec_t *iov, int iovcnt, void *tag,
                                 size_t tag_size)
{
    size_t alen, clen;
    unsigned char *aad, *buf, tagbuf[16];
    int ret;

    if (handle == NULL || !iov_total(auth_iov, auth_iovcnt, &alen) || !iov_total(iov, iovcnt, &clen))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = pick_tag_size(handle, &tag_size)) < 0)
        return ret;
    if (tag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    memcpy(tagbuf, tag, tag_size);
    aad = gather(auth_iov, auth_iovcnt, alen);
    buf = gather(iov, iovcnt, clen);
    if (aad == NULL || buf == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else
        ret = aead_core(handle, 0, nonce, nonce_len, aad, alen, buf, clen, buf, tagbuf, tag_size);
    if (ret == 0)
        scatter(iov, iovcnt, buf);
    free(aad);
    free_secret(buf, clen);
    return ret;
}
