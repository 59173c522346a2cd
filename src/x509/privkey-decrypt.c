/* RSA PKCS#1 v1.5 encryption through the abstract keys:
 * gnutls_pubkey_encrypt_data, gnutls_privkey_decrypt_data[2]. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <string.h>

static int is_rsa(EVP_PKEY *pkey)
{
    return gnossl_pkey_algorithm(pkey) == GNUTLS_PK_RSA;
}

int gnutls_pubkey_encrypt_data(gnutls_pubkey_t key, unsigned int flags, const gnutls_datum_t *plaintext,
                               gnutls_datum_t *ciphertext)
{
    EVP_PKEY_CTX *ctx;
    size_t len = 0;
    int ret = GNUTLS_E_ENCRYPTION_FAILED;

    (void)flags;
    if (key == NULL || key->pkey == NULL || plaintext == NULL || ciphertext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!is_rsa(key->pkey))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ERR_clear_error();
    ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key->pkey, NULL);
    if (ctx && EVP_PKEY_encrypt_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0 &&
        EVP_PKEY_encrypt(ctx, NULL, &len, plaintext->data, plaintext->size) == 1) {
        ciphertext->data = gnutls_malloc(len);
        if (ciphertext->data == NULL)
            ret = GNUTLS_E_MEMORY_ERROR;
        else if (EVP_PKEY_encrypt(ctx, ciphertext->data, &len, plaintext->data, plaintext->size) == 1) {
            ciphertext->size = (unsigned)len;
            ret = 0;
        } else {
            gnutls_free(ciphertext->data);
            ciphertext->data = NULL;
        }
    }
    ERR_clear_error();
    EVP_PKEY_CTX_free(ctx);
    return ret == 0 ? 0 : GNOSSL_ERR(ret);
}

/* Decrypt into a malloc'ed buffer of the modulus size. */
static int rsa_decrypt(EVP_PKEY *pkey, const gnutls_datum_t *ct, unsigned char **out, size_t *outlen)
{
    EVP_PKEY_CTX *ctx;
    int ok = 0;

    *out = NULL;
    ERR_clear_error();
    ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    if (ctx && EVP_PKEY_decrypt_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0) {
        /* GnuTLS reports a bad padding as an error; OpenSSL builds with
         * implicit rejection would return random bytes instead. */
        unsigned zero = 0;
        OSSL_PARAM p[2] = {OSSL_PARAM_construct_uint("implicit-rejection", &zero), OSSL_PARAM_END};
        EVP_PKEY_CTX_set_params(ctx, p);
        *outlen = (size_t)EVP_PKEY_get_size(pkey);
        *out = gnutls_malloc(*outlen ? *outlen : 1);
        ok = *out && EVP_PKEY_decrypt(ctx, *out, outlen, ct->data, ct->size) == 1;
    }
    ERR_clear_error();
    EVP_PKEY_CTX_free(ctx);
    if (!ok) {
        gnutls_free(*out);
        *out = NULL;
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    }
    return 0;
}

int gnutls_privkey_decrypt_data(gnutls_privkey_t key, unsigned int flags, const gnutls_datum_t *ciphertext,
                                gnutls_datum_t *plaintext)
{
    unsigned char *buf;
    size_t len;
    int ret;

    (void)flags;
    if (key != NULL && key->ext != NULL && ciphertext != NULL && plaintext != NULL)
        return gnossl_privkey_ext_decrypt(key, ciphertext, plaintext);
    if (key == NULL || key->pkey == NULL || ciphertext == NULL || plaintext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!is_rsa(key->pkey)) /* GnuTLS fails inside its RSA-only code */
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    if ((ret = rsa_decrypt(key->pkey, ciphertext, &buf, &len)) < 0)
        return ret;
    plaintext->data = buf;
    plaintext->size = (unsigned)len;
    return 0;
}

/* The plaintext must be exactly plaintext_size bytes (TLS's premaster
 * secret use): anything else is a failure, without saying how long it was. */
int gnutls_privkey_decrypt_data2(gnutls_privkey_t key, unsigned int flags, const gnutls_datum_t *ciphertext,
                                 unsigned char *plaintext, size_t plaintext_size)
{
    unsigned char *buf;
    size_t len;
    int ret;

    (void)flags;
    if (key != NULL && key->ext != NULL && ciphertext != NULL && plaintext != NULL) {
        gnutls_datum_t pt = {NULL, 0};
        if ((ret = gnossl_privkey_ext_decrypt(key, ciphertext, &pt)) < 0)
            return ret;
        ret = pt.size == plaintext_size ? 0 : GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (ret == 0)
            memcpy(plaintext, pt.data, plaintext_size);
        gnutls_free(pt.data);
        return ret;
    }
    if (key == NULL || key->pkey == NULL || ciphertext == NULL || plaintext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!is_rsa(key->pkey))
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    if ((ret = rsa_decrypt(key->pkey, ciphertext, &buf, &len)) < 0)
        return ret;
    if (len != plaintext_size)
        ret = GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    else
        memcpy(plaintext, buf, len);
    gnutls_free(buf);
    return ret;
}
