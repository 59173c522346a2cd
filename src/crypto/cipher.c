/* gnutls_cipher_*: the streaming cipher API over EVP_CIPHER_CTX.
 *
 * CBC, XTS and CFB8 keep one context per direction (GnuTLS keeps separate
 * encryption and decryption state for them too).  ChaCha20 is symmetric and
 * uses one.  For GCM and ChaCha20-Poly1305 GnuTLS lets the application read
 * the tag after decrypting and compare it itself, which OpenSSL's decrypting
 * contexts cannot give; so both directions run encrypting contexts: `enc`
 * always sees plaintext in and ciphertext out (its tag covers the
 * ciphertext, as GCM's and Poly1305's must), and when decrypting a copy of
 * it taken before the first byte, `ks`, supplies the keystream that turns
 * the ciphertext into plaintext. */
#include "gnossl.h"
#include "crypto/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum aead_dir { DIR_NONE, DIR_ENC, DIR_DEC };

struct api_cipher_hd_st {
    gnutls_cipher_algorithm_t id;
    struct gnossl_cipher_info info;
    EVP_CIPHER_CTX *enc;
    EVP_CIPHER_CTX *dec; /* CBC/XTS/CFB8: decryption; AEAD: keystream copy */
    enum aead_dir dir;   /* AEAD: direction of the current message */
    int tagged;          /* AEAD: tag computed for the current message */
    /* GnuTLS's AES-NI GCM takes associated data, and data, only in whole
     * blocks until a partial one, which must be the last of its kind */
    int aad_partial, data_partial;
    unsigned char tag[16];
};

/* EVP update in int-sized pieces; 1 on success. */
static int evp_update(EVP_CIPHER_CTX *ctx, int enc, unsigned char *out, const unsigned char *in, size_t len)
{
    while (len > 0) {
        int n = len > (size_t)INT_MAX / 2 ? INT_MAX / 2 : (int)len, outl = 0;
        int ok = enc ? EVP_EncryptUpdate(ctx, out, &outl, in, n) : EVP_DecryptUpdate(ctx, out, &outl, in, n);
        if (!ok || (out != NULL && outl != n))
            return 0;
        if (out != NULL)
            out += n;
        in += n;
        len -= (size_t)n;
    }
    return 1;
}

/* The IV GnuTLS would use: exact size for the AES-NI ciphers, at most the
 * IV size otherwise (shorter ones zero-padded here).  0 if refused. */
static int fix_iv(const struct gnossl_cipher_info *info, const void *iv, size_t len, unsigned char *out)
{
    memset(out, 0, 16);
    if (info->accelerated ? len != info->iv_size : len > info->iv_size)
        return 0;
    if (len && iv == NULL)
        return 0;
    if (len)
        memcpy(out, iv, len);
    return 1;
}

static int is_chacha20(gnutls_cipher_algorithm_t id)
{
    return id == GNUTLS_CIPHER_CHACHA20_32 || id == GNUTLS_CIPHER_CHACHA20_64;
}

/* GnuTLS's ChaCha20 (nettle) starts every call on a fresh 64-byte block:
 * the rest of a partly used block of keystream is thrown away. */
static int chacha20_skip_rest(EVP_CIPHER_CTX *ctx, size_t len)
{
    unsigned char zeros[64] = { 0 }, junk[64];
    size_t rest = len % 64 ? 64 - len % 64 : 0;
    int ok = rest == 0 || evp_update(ctx, 1, junk, zeros, rest);
    OPENSSL_cleanse(junk, sizeof junk);
    return ok;
}

static void hd_free(struct api_cipher_hd_st *h)
{
    EVP_CIPHER_CTX_free(h->enc);
    EVP_CIPHER_CTX_free(h->dec);
    OPENSSL_cleanse(h->tag, sizeof h->tag);
    free(h);
}

static int two_directions(const struct gnossl_cipher_info *info, gnutls_cipher_algorithm_t id)
{
    return info->mode == GNOSSL_MODE_CBC || info->mode == GNOSSL_MODE_XTS ||
           (info->mode == GNOSSL_MODE_STREAM && !is_chacha20(id));
}

int gnutls_cipher_init(gnutls_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher, const gnutls_datum_t *key,
                       const gnutls_datum_t *iv)
{
    struct gnossl_cipher_info info;
    struct api_cipher_hd_st *h;
    unsigned char ivbuf[16];
    int ret, ok;

    if (handle == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_cipher_select(cipher, key->size, &info);
    if (ret < 0)
        return ret;
    if (info.mode == GNOSSL_MODE_ONLY_AEAD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (iv == NULL) {
        memset(ivbuf, 0, sizeof ivbuf);
    } else if (!fix_iv(&info, iv->data, iv->size, ivbuf)) {
        gnossl_debug("gnutls_cipher_init: IV of %u bytes refused", iv->size);
        return GNOSSL_ERR(info.accelerated ? GNUTLS_E_INTERNAL_ERROR : GNUTLS_E_INVALID_REQUEST);
    }

    h = calloc(1, sizeof *h);
    if (h == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    h->id = cipher;
    h->info = info;
    h->enc = EVP_CIPHER_CTX_new();
    ok = h->enc != NULL && EVP_EncryptInit_ex2(h->enc, info.evp, key->data, ivbuf, NULL) &&
         EVP_CIPHER_CTX_set_padding(h->enc, 0);
    if (ok && two_directions(&info, cipher)) {
        h->dec = EVP_CIPHER_CTX_new();
        ok = h->dec != NULL && EVP_DecryptInit_ex2(h->dec, info.evp, key->data, ivbuf, NULL) &&
             EVP_CIPHER_CTX_set_padding(h->dec, 0);
    }
    OPENSSL_cleanse(ivbuf, sizeof ivbuf);
    if (!ok) {
        ERR_clear_error();
        hd_free(h);
        return GNOSSL_ERR(info.accelerated ? GNUTLS_E_INTERNAL_ERROR : GNUTLS_E_INVALID_REQUEST);
    }
    *handle = h;
    return 0;
}

void gnutls_cipher_set_iv(gnutls_cipher_hd_t handle, void *iv, size_t ivlen)
{
    unsigned char ivbuf[16];
    int ok;

    if (handle == NULL)
        return;
    if (!fix_iv(&handle->info, iv, ivlen, ivbuf)) {
        gnossl_debug("gnutls_cipher_set_iv: IV of %zu bytes ignored", ivlen);
        return;
    }
    /* a NULL key keeps the key schedule and restarts the message */
    ok = EVP_EncryptInit_ex2(handle->enc, NULL, NULL, ivbuf, NULL);
    if (ok && handle->dec != NULL && handle->info.mode != GNOSSL_MODE_AEAD)
        ok = EVP_DecryptInit_ex2(handle->dec, NULL, NULL, ivbuf, NULL);
    handle->dir = DIR_NONE;
    handle->tagged = 0;
    handle->aad_partial = handle->data_partial = 0;
    OPENSSL_cleanse(ivbuf, sizeof ivbuf);
    if (!ok) {
        ERR_clear_error();
        gnossl_debug("gnutls_cipher_set_iv: failed");
    }
}

/* Checks common to both directions; 0 when the data may go through. */
static int check_lengths(gnutls_cipher_hd_t h, const void *in, size_t inlen, void *out, size_t outlen)
{
    if (h == NULL || (inlen > 0 && (in == NULL || out == NULL)))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (outlen < inlen)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    if (h->info.mode == GNOSSL_MODE_CBC && inlen % h->info.block_size != 0) {
        gnossl_debug("cipher: %zu bytes is not a whole number of blocks", inlen);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if (h->info.mode == GNOSSL_MODE_XTS && inlen > 0 && inlen < 16)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return 0;
}

/* The AES-NI GCM rule above, for a data chunk of len bytes. */
static int gcm_data_chunk(gnutls_cipher_hd_t h, size_t len)
{
    if (!h->info.accelerated || h->info.mode != GNOSSL_MODE_AEAD)
        return 0;
    if (h->data_partial)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (len % 16)
        h->data_partial = 1;
    return 0;
}

int gnutls_cipher_encrypt2(gnutls_cipher_hd_t handle, const void *ptext, size_t ptext_len, void *ctext,
                           size_t ctext_len)
{
    int ret = check_lengths(handle, ptext, ptext_len, ctext, ctext_len);
    if (ret < 0)
        return ret;
    if (handle->info.mode == GNOSSL_MODE_AEAD && handle->tagged)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gcm_data_chunk(handle, ptext_len)) < 0)
        return ret;
    if (ptext_len == 0)
        return 0;
    if (handle->info.mode == GNOSSL_MODE_AEAD) {
        if (handle->dir == DIR_DEC)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        handle->dir = DIR_ENC;
    }
    if (!evp_update(handle->enc, 1, ctext, ptext, ptext_len) ||
        (is_chacha20(handle->id) && !chacha20_skip_rest(handle->enc, ptext_len))) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    }
    return 0;
}

/* AEAD decryption through encrypting contexts (see the top comment). */
static int aead_decrypt(gnutls_cipher_hd_t h, const unsigned char *in, size_t len, unsigned char *out)
{
    unsigned char scratch[4096];

    if (h->dir == DIR_ENC || h->tagged)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (h->dir == DIR_NONE) {
        if (h->dec == NULL && (h->dec = EVP_CIPHER_CTX_new()) == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        if (!EVP_CIPHER_CTX_copy(h->dec, h->enc))
            goto fail;
        h->dir = DIR_DEC;
    }
    while (len > 0) {
        size_t n = len < sizeof scratch ? len : sizeof scratch;
        if (!evp_update(h->dec, 1, out, in, n) || !evp_update(h->enc, 1, scratch, out, n))
            goto fail;
        in += n;
        out += n;
        len -= n;
    }
    OPENSSL_cleanse(scratch, sizeof scratch);
    return 0;
fail:
    ERR_clear_error();
    OPENSSL_cleanse(scratch, sizeof scratch);
    return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
}

int gnutls_cipher_decrypt2(gnutls_cipher_hd_t handle, const void *ctext, size_t ctext_len, void *ptext,
                           size_t ptext_len)
{
    int ret = check_lengths(handle, ctext, ctext_len, ptext, ptext_len);
    if (ret < 0)
        return ret;
    if (handle->info.mode == GNOSSL_MODE_AEAD && handle->tagged)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gcm_data_chunk(handle, ctext_len)) < 0)
        return ret;
    if (ctext_len == 0)
        return 0;
    if (handle->info.mode == GNOSSL_MODE_AEAD)
        return aead_decrypt(handle, ctext, ctext_len, ptext);
    /* ChaCha20 has a single (symmetric) context */
    if (!evp_update(handle->dec ? handle->dec : handle->enc, handle->dec == NULL, ptext, ctext, ctext_len) ||
        (is_chacha20(handle->id) && !chacha20_skip_rest(handle->enc, ctext_len))) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    }
    return 0;
}

int gnutls_cipher_encrypt(gnutls_cipher_hd_t handle, void *text, size_t textlen)
{
    return gnutls_cipher_encrypt2(handle, text, textlen, text, textlen);
}

int gnutls_cipher_decrypt(gnutls_cipher_hd_t handle, void *ciphertext, size_t ciphertextlen)
{
    return gnutls_cipher_decrypt2(handle, ciphertext, ciphertextlen, ciphertext, ciphertextlen);
}

int gnutls_cipher_add_auth(gnutls_cipher_hd_t handle, const void *ptext, size_t ptext_size)
{
    if (handle == NULL || handle->info.mode != GNOSSL_MODE_AEAD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (handle->info.accelerated) {
        if (handle->aad_partial || handle->tagged)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (ptext_size % 16)
            handle->aad_partial = 1;
    }
    if (ptext_size == 0)
        return 0;
    if (ptext == NULL || handle->dir != DIR_NONE || handle->tagged)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!evp_update(handle->enc, 1, NULL, ptext, ptext_size)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    return 0;
}

int gnutls_cipher_tag(gnutls_cipher_hd_t handle, void *tag, size_t tag_size)
{
    int outl;

    if (handle == NULL || handle->info.mode != GNOSSL_MODE_AEAD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!handle->tagged) {
        unsigned char dummy[16];
        if (!EVP_EncryptFinal_ex(handle->enc, dummy, &outl) ||
            !EVP_CIPHER_CTX_ctrl(handle->enc, EVP_CTRL_AEAD_GET_TAG, sizeof handle->tag, handle->tag)) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        handle->tagged = 1;
    }
    /* GnuTLS hands out at most the 16 tag bytes; zero any excess */
    if (tag_size > sizeof handle->tag) {
        memset((unsigned char *)tag + sizeof handle->tag, 0, tag_size - sizeof handle->tag);
        tag_size = sizeof handle->tag;
    }
    if (tag_size)
        memcpy(tag, handle->tag, tag_size);
    return 0;
}

void gnutls_cipher_deinit(gnutls_cipher_hd_t handle)
{
    if (handle != NULL)
        hd_free(handle);
}

/* GnuTLS's "block" ciphers, the ones PKCS#7 padding applies to. */
static int is_block_type(gnutls_cipher_hd_t h)
{
    return h->info.mode == GNOSSL_MODE_CBC || h->info.mode == GNOSSL_MODE_XTS || h->id == GNUTLS_CIPHER_AES_128_CFB8 ||
           h->id == GNUTLS_CIPHER_AES_192_CFB8 || h->id == GNUTLS_CIPHER_AES_256_CFB8;
}

int gnutls_cipher_encrypt3(gnutls_cipher_hd_t handle, const void *ptext, size_t ptext_len, void *ctext,
                           size_t *ctext_len, unsigned flags)
{
    if (handle == NULL || ctext_len == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    if (is_block_type(handle) && (flags & GNUTLS_CIPHER_PADDING_PKCS7)) {
        size_t bs = handle->info.block_size, n, r;
        unsigned char last[16];
        int ret;

        if (ptext_len > SIZE_MAX - bs)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        /* always at least one byte of padding: a whole block when aligned */
        n = (ptext_len + bs) / bs * bs;
        if (ctext == NULL) {
            *ctext_len = n;
            return 0;
        }
        if (*ctext_len < n)
            return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
        r = ptext_len % bs;
        ret = gnutls_cipher_encrypt2(handle, ptext, ptext_len - r, ctext, ptext_len - r);
        if (ret < 0)
            return ret;
        memset(last, (int)(bs - r), sizeof last);
        if (r)
            memcpy(last, (const unsigned char *)ptext + ptext_len - r, r);
        ret = gnutls_cipher_encrypt2(handle, last, bs, (unsigned char *)ctext + ptext_len - r, bs);
        OPENSSL_cleanse(last, sizeof last);
        if (ret < 0)
            return ret;
        *ctext_len = n;
        return 0;
    }

    if (ctext == NULL) {
        *ctext_len = ptext_len;
        return 0;
    }
    {
        int ret = gnutls_cipher_encrypt2(handle, ptext, ptext_len, ctext, *ctext_len);
        if (ret < 0)
            return ret;
    }
    *ctext_len = ptext_len;
    return 0;
}

int gnutls_cipher_decrypt3(gnutls_cipher_hd_t handle, const void *ctext, size_t ctext_len, void *ptext,
                           size_t *ptext_len, unsigned flags)
{
    int ret;

    if (handle == NULL || ptext_len == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_cipher_decrypt2(handle, ctext, ctext_len, ptext, *ptext_len);
    if (ret < 0)
        return ret;
    if (is_block_type(handle) && (flags & GNUTLS_CIPHER_PADDING_PKCS7)) {
        const unsigned char *p = ptext;
        unsigned char pad;
        /* 1..block size bytes, all holding the count (as GnuTLS, the
         * buffer size given, not the ciphertext length, marks the end) */
        if (*ptext_len == 0)
            return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        pad = p[*ptext_len - 1];
        if (pad == 0 || pad > handle->info.block_size || pad > *ptext_len)
            return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        for (size_t i = *ptext_len - pad; i < *ptext_len; i++)
            if (p[i] != pad)
                return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        *ptext_len -= pad;
    }
    return 0;
}
