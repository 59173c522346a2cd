/* gnutls_pubkey_*: an EVP_PKEY with the key usage of its certificate. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509.h>
#include <string.h>

int gnutls_pubkey_init(gnutls_pubkey_t *key)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *key = calloc(1, sizeof(**key));
    return *key ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_pubkey_deinit(gnutls_pubkey_t key)
{
    if (key == NULL)
        return;
    EVP_PKEY_free(key->pkey);
    free(key);
}

int gnossl_pubkey_from_pkey(gnutls_pubkey_t key, EVP_PKEY *pkey)
{
    if (key == NULL || pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!EVP_PKEY_up_ref(pkey))
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    EVP_PKEY_free(key->pkey);
    key->pkey = pkey;
    key->pk = gnossl_pkey_algorithm(pkey);
    key->bits = gnossl_pkey_bits(pkey);
    return 0;
}

int gnutls_pubkey_import_x509(gnutls_pubkey_t key, gnutls_x509_crt_t crt, unsigned int flags)
{
    (void)flags;
    if (key == NULL || crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crt->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(crt));
    EVP_PKEY *pkey = X509_get0_pubkey(crt->x509);
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PK_ALGORITHM);
    int ret = gnossl_pubkey_from_pkey(key, pkey);
    if (ret < 0)
        return ret;
    unsigned usage = 0;
    if (gnutls_x509_crt_get_key_usage(crt, &usage, NULL) < 0)
        usage = 0;
    key->key_usage = usage;
    return 0;
}

int gnutls_pubkey_get_pk_algorithm(gnutls_pubkey_t key, unsigned int *bits)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL) {
        if (bits)
            *bits = 0;
        return GNUTLS_PK_UNKNOWN;
    }
    if (bits)
        *bits = key->bits;
    return (int)key->pk;
}

int gnutls_pubkey_get_key_usage(gnutls_pubkey_t key, unsigned int *usage)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (usage)
        *usage = key->key_usage;
    return 0;
}

int gnutls_pubkey_get_key_id(gnutls_pubkey_t key, unsigned int flags, unsigned char *output_data,
                             size_t *output_data_size)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_GENERIC_ERROR); /* GnuTLS's answer for an empty key */
    return gnossl_spki_key_id(key->pkey, flags, output_data, output_data_size);
}

static int spki_der(gnutls_pubkey_t key, unsigned char **der)
{
    *der = NULL;
    int len = gnossl_i2d_pubkey(key->pkey, der);
    return len;
}

/* The key's SubjectPublicKeyInfo for both exports: its length, or a
 * negative code (an empty key is UNKNOWN_PK_ALGORITHM). */
static int export_der(gnutls_pubkey_t key, unsigned char **der)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PK_ALGORITHM);
    int len = spki_der(key, der);
    return len <= 0 ? GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR) : len;
}

int gnutls_pubkey_export(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, void *output_data,
                         size_t *output_data_size)
{
    unsigned char *der;
    int len = export_der(key, &der);
    if (len < 0)
        return len;
    int ret = gnossl_export_fmt("PUBLIC KEY", der, (size_t)len, format, output_data, output_data_size);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pubkey_export2(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    unsigned char *der;
    int len = export_der(key, &der);
    if (len < 0)
        return len;
    int ret = gnossl_export_fmt2("PUBLIC KEY", der, (size_t)len, format, out);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pubkey_export_rsa_raw(gnutls_pubkey_t key, gnutls_datum_t *m, gnutls_datum_t *e)
{
    if (key == NULL || key->pkey == NULL || m == NULL || e == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pk != GNUTLS_PK_RSA && key->pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_pkey_bn_datum(key->pkey, "n", m);
    if (ret < 0)
        return ret;
    ret = gnossl_pkey_bn_datum(key->pkey, "e", e);
    if (ret < 0) {
        gnutls_free(m->data);
        m->data = NULL;
    }
    return ret;
}

int gnutls_pubkey_export_ecc_raw(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                 gnutls_datum_t *y)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pkey_ecc_raw(key->pkey, curve, x, y);
}

int gnutls_pubkey_import(gnutls_pubkey_t key, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    static const char *const labels[] = {"PUBLIC KEY", NULL};
    if (key == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der = *data;
    int owned = 0;
    if (format == GNUTLS_X509_FMT_PEM) {
        size_t pos = 0;
        int ret = gnossl_pem_decode_next(data, &pos, labels, &der);
        if (ret < 0)
            return ret;
        owned = 1;
    }
    const unsigned char *p = der.data;
    EVP_PKEY *pkey = der.size ? d2i_PUBKEY(NULL, &p, der.size) : NULL;
    if (owned)
        gnutls_free(der.data);
    if (pkey == NULL)
        return GNOSSL_ERR(der.size < 2 || der.data[0] != 0x30 ? GNUTLS_E_ASN1_TAG_ERROR : GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_pubkey_from_pkey(key, pkey);
    EVP_PKEY_free(pkey);
    return ret;
}

/* The hash GnuTLS pairs with a key when signing: by curve for ECDSA, the
 * fixed one for EdDSA, the restricted one for RSA-PSS keys, SHA-256
 * otherwise.  *mand tells whether another hash would be refused. */
int gnutls_pubkey_get_preferred_hash_algorithm(gnutls_pubkey_t key, gnutls_digest_algorithm_t *hash,
                                               unsigned int *mand)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_digest_algorithm_t h = GNUTLS_DIG_SHA256;
    unsigned m = 0;
    struct gnutls_x509_spki_st spki;
    switch (key->pk) {
    case GNUTLS_PK_EC:
        switch (gnossl_pkey_curve(key->pkey)) {
        case GNUTLS_ECC_CURVE_SECP384R1:
            h = GNUTLS_DIG_SHA384;
            break;
        case GNUTLS_ECC_CURVE_SECP521R1:
            h = GNUTLS_DIG_SHA512;
            break;
        default:
            h = GNUTLS_DIG_SHA256;
            break;
        }
        break;
    case GNUTLS_PK_EDDSA_ED25519:
        h = GNUTLS_DIG_SHA512;
        m = 1;
        break;
    case GNUTLS_PK_EDDSA_ED448:
        h = GNUTLS_DIG_SHAKE_256;
        m = 1;
        break;
    case GNUTLS_PK_RSA_PSS:
        if (gnossl_pkey_get_spki(key->pkey, &spki) == 0) {
            h = spki.dig;
            m = 1;
        }
        break;
    default:
        break;
    }
    if (hash)
        *hash = h;
    if (mand)
        *mand = m;
    return 0;
}
