/* HKDF (RFC 5869) and PBKDF2 (RFC 8018) over the pre-fetched-digest HMAC:
 * OpenSSL's EVP_KDF and PKCS5_PBKDF2_HMAC fetch their algorithms on every
 * call, and both constructions are a few lines of HMAC. */
#include "gnossl.h"
#include "crypto/crypto.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <stdint.h>
#include <string.h>

int gnutls_hkdf_extract(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key, const gnutls_datum_t *salt,
                        void *output)
{
    const EVP_MD *md = gnossl_hmac_md(mac);
    const void *s = salt ? salt->data : NULL;
    size_t slen = salt ? salt->size : 0;

    if (md == NULL || key == NULL || output == NULL || (key->data == NULL && key->size) || (s == NULL && slen))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* PRK = HMAC(salt, IKM); a missing salt is an empty key, which HMAC
     * pads to the same zero block as RFC 5869's HashLen zeros */
    if (!gnossl_hmac_oneshot(md, s ? s : "", slen, key->size ? key->data : (const unsigned char *)"", key->size,
                             output)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    return 0;
}

int gnutls_hkdf_expand(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key, const gnutls_datum_t *info,
                       void *output, size_t length)
{
    const EVP_MD *md = gnossl_hmac_md(mac);
    unsigned char t[EVP_MAX_MD_SIZE], *out = output;
    size_t hl, done = 0, tlen = 0;
    gnossl_hmac *h;
    int ok = 1;

    if (md == NULL || key == NULL || (key->data == NULL && key->size) || (info && info->data == NULL && info->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    hl = (size_t)EVP_MD_get_size(md);
    if (length > 255 * hl)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (length == 0)
        return 0;
    if (output == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    h = gnossl_hmac_new(md, key->size ? key->data : (const unsigned char *)"", key->size);
    if (h == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    /* T(i) = HMAC(PRK, T(i-1) | info | i) */
    for (unsigned char i = 1; ok && done < length; i++) {
        size_t n;
        ok = gnossl_hmac_update(h, t, tlen) && (info == NULL || gnossl_hmac_update(h, info->data, info->size)) &&
             gnossl_hmac_update(h, &i, 1) && gnossl_hmac_final(h, t);
        tlen = hl;
        n = length - done < hl ? length - done : hl;
        memcpy(out + done, t, n);
        done += n;
    }
    gnossl_hmac_free(h);
    OPENSSL_cleanse(t, sizeof t);
    if (!ok) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    return 0;
}

int gnutls_pbkdf2(gnutls_mac_algorithm_t mac, const gnutls_datum_t *key, const gnutls_datum_t *salt,
                  unsigned iter_count, void *output, size_t length)
{
    const EVP_MD *md = gnossl_hmac_md(mac);
    unsigned char u[EVP_MAX_MD_SIZE], f[EVP_MAX_MD_SIZE], *out = output;
    size_t hl, done = 0;
    gnossl_hmac *h;
    int ok = 1;

    if (md == NULL || key == NULL || salt == NULL || (key->data == NULL && key->size) ||
        (salt->data == NULL && salt->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (iter_count == 0) /* GnuTLS aborts here; refuse instead */
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (length == 0)
        return 0;
    if (output == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    hl = (size_t)EVP_MD_get_size(md);

    h = gnossl_hmac_new(md, key->size ? key->data : (const unsigned char *)"", key->size);
    if (h == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    /* block i: F = U1 ^ ... ^ Uc, U1 = HMAC(P, S | INT(i)), Uj = HMAC(P, Uj-1) */
    for (uint32_t i = 1; ok && done < length; i++) {
        unsigned char be[4] = { (unsigned char)(i >> 24), (unsigned char)(i >> 16), (unsigned char)(i >> 8),
                                (unsigned char)i };
        size_t n;
        ok = gnossl_hmac_update(h, salt->data, salt->size) && gnossl_hmac_update(h, be, 4) && gnossl_hmac_final(h, u);
        memcpy(f, u, hl);
        for (unsigned j = 1; ok && j < iter_count; j++) {
            ok = gnossl_hmac_update(h, u, hl) && gnossl_hmac_final(h, u);
            for (size_t k = 0; k < hl; k++)
                f[k] ^= u[k];
        }
        n = length - done < hl ? length - done : hl;
        memcpy(out + done, f, n);
        done += n;
    }
    gnossl_hmac_free(h);
    OPENSSL_cleanse(u, sizeof u);
    OPENSSL_cleanse(f, sizeof f);
    if (!ok) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    return 0;
}
