/* gnutls_x509_privkey_*: private keys held as EVP_PKEY; PKCS#1, SEC1,
 * DSA and PKCS#8 (plain and encrypted) through OpenSSL's codecs. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <string.h>

int gnutls_x509_privkey_init(gnutls_x509_privkey_t *key)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *key = calloc(1, sizeof(**key));
    return *key ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_privkey_deinit(gnutls_x509_privkey_t key)
{
    if (key == NULL)
        return;
    EVP_PKEY_free(key->pkey);
    free(key);
}

static void set_pkey(gnutls_x509_privkey_t key, EVP_PKEY *pkey)
{
    EVP_PKEY_free(key->pkey);
    key->pkey = pkey;
}

/* Unencrypted DER of any supported kind. */
static EVP_PKEY *der_to_pkey(const unsigned char *der, size_t len)
{
    if (len == 0 || len > (1u << 30))
        return NULL;
    const unsigned char *p = der;
    EVP_PKEY *pkey = d2i_AutoPrivateKey(NULL, &p, (long)len);
    if (pkey && (size_t)(p - der) != len) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    ERR_clear_error();
    return pkey;
}

static EVP_PKEY *pkcs8_decrypt(const unsigned char *der, size_t len, const char *password)
{
    const unsigned char *p = der;
    X509_SIG *sig = d2i_X509_SIG(NULL, &p, (long)len);
    if (sig == NULL)
        return NULL;
    const char *pw = password ? password : "";
    PKCS8_PRIV_KEY_INFO *p8 = PKCS8_decrypt(sig, pw, (int)strlen(pw));
    X509_SIG_free(sig);
    if (p8 == NULL)
        return NULL;
    EVP_PKEY *pkey = EVP_PKCS82PKEY(p8);
    PKCS8_PRIV_KEY_INFO_free(p8);
    ERR_clear_error();
    return pkey;
}

static int is_encrypted_pkcs8(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    X509_SIG *sig = len ? d2i_X509_SIG(NULL, &p, (long)len) : NULL;
    int ok = sig != NULL && (size_t)(p - der) == len;
    X509_SIG_free(sig);
    ERR_clear_error();
    return ok;
}

static const char *const key_labels[] = {"RSA PRIVATE KEY", "DSA PRIVATE KEY", "EC PRIVATE KEY",
                                         "ENCRYPTED PRIVATE KEY", "PRIVATE KEY", NULL};

/* The DER inside data (PEM decoded when fmt is PEM); *label_enc tells
 * whether it came from an ENCRYPTED PRIVATE KEY block. */
static int key_der(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, gnutls_datum_t *der, int *owned)
{
    *owned = 0;
    if (fmt != GNUTLS_X509_FMT_PEM) {
        *der = *data;
        return 0;
    }
    size_t pos = 0;
    int ret = gnossl_pem_decode_next(data, &pos, key_labels, der);
    if (ret < 0)
        return ret;
    *owned = 1;
    return 0;
}

int gnutls_x509_privkey_import(gnutls_x509_privkey_t key, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (key == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der;
    int owned;
    int ret = key_der(data, format, &der, &owned);
    if (ret < 0)
        return ret;
    EVP_PKEY *pkey = der_to_pkey(der.data, der.size);
    if (pkey == NULL && is_encrypted_pkcs8(der.data, der.size))
        ret = GNUTLS_E_DECRYPTION_FAILED;
    if (owned)
        gnutls_free(der.data);
    if (pkey == NULL)
        return GNOSSL_ERR(ret < 0 ? ret : GNUTLS_E_ASN1_DER_ERROR);
    set_pkey(key, pkey);
    return 0;
}

int gnutls_x509_privkey_import_pkcs8(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                     gnutls_x509_crt_fmt_t format, const char *password, unsigned int flags)
{
    if (key == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der;
    int owned;
    int ret = key_der(data, format, &der, &owned);
    if (ret < 0)
        return ret;
    EVP_PKEY *pkey = NULL;
    int encrypted = is_encrypted_pkcs8(der.data, der.size);
    if (encrypted && !(flags & GNUTLS_PKCS_PLAIN))
        pkey = pkcs8_decrypt(der.data, der.size, password);
    else if (!encrypted) {
        const unsigned char *p = der.data;
        PKCS8_PRIV_KEY_INFO *p8 = der.size ? d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, der.size) : NULL;
        if (p8) {
            pkey = EVP_PKCS82PKEY(p8);
            PKCS8_PRIV_KEY_INFO_free(p8);
        }
        ERR_clear_error();
    }
    if (owned)
        gnutls_free(der.data);
    if (pkey == NULL)
        return GNOSSL_ERR(encrypted ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_ASN1_DER_ERROR);
    set_pkey(key, pkey);
    return 0;
}

int gnutls_x509_privkey_import2(gnutls_x509_privkey_t key, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format,
                                const char *password, unsigned int flags)
{
    if (key == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der;
    int owned;
    int ret = key_der(data, format, &der, &owned);
    if (ret < 0)
        return ret;
    EVP_PKEY *pkey = der_to_pkey(der.data, der.size);
    int encrypted = pkey == NULL && is_encrypted_pkcs8(der.data, der.size);
    if (encrypted && !(flags & GNUTLS_PKCS_PLAIN))
        pkey = pkcs8_decrypt(der.data, der.size, password);
    if (owned)
        gnutls_free(der.data);
    if (pkey == NULL) {
        if (encrypted)
            return GNOSSL_ERR(password == NULL ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_DECRYPTION_FAILED);
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    set_pkey(key, pkey);
    return 0;
}

int gnutls_x509_privkey_get_pk_algorithm(gnutls_x509_privkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return (int)gnossl_pkey_algorithm(key->pkey);
}

int gnutls_x509_privkey_get_pk_algorithm2(gnutls_x509_privkey_t key, unsigned int *bits)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (bits)
        *bits = gnossl_pkey_bits(key->pkey);
    return (int)gnossl_pkey_algorithm(key->pkey);
}

int gnutls_x509_privkey_get_key_id(gnutls_x509_privkey_t key, unsigned int flags, unsigned char *output_data,
                                   size_t *output_data_size)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_spki_key_id(key->pkey, flags, output_data, output_data_size);
}

/* The traditional encoding GnuTLS exports: PKCS#1, SEC1 or the DSA
 * structure; PKCS#8 for key types that have no other. */
static int traditional_der(EVP_PKEY *pkey, unsigned char **der, const char **label)
{
    int len;
    switch (gnossl_pkey_algorithm(pkey)) {
    case GNUTLS_PK_RSA:
        *label = "RSA PRIVATE KEY";
        return i2d_PrivateKey(pkey, der);
    case GNUTLS_PK_EC:
        *label = "EC PRIVATE KEY";
        return i2d_PrivateKey(pkey, der);
    case GNUTLS_PK_DSA:
        *label = "DSA PRIVATE KEY";
        return i2d_PrivateKey(pkey, der);
    default: {
        PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(pkey);
        if (p8 == NULL)
            return -1;
        *label = "PRIVATE KEY";
        len = i2d_PKCS8_PRIV_KEY_INFO(p8, der);
        PKCS8_PRIV_KEY_INFO_free(p8);
        return len;
    }
    }
}

int gnutls_x509_privkey_export(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, void *output_data,
                               size_t *output_data_size)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    const char *label = NULL;
    int len = traditional_der(key->pkey, &der, &label);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnossl_export_fmt(label, der, (size_t)len, format, output_data, output_data_size);
    OPENSSL_clear_free(der, (size_t)len);
    return ret;
}

int gnutls_x509_privkey_export2(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    const char *label = NULL;
    int len = traditional_der(key->pkey, &der, &label);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnossl_export_fmt2(label, der, (size_t)len, format, out);
    OPENSSL_clear_free(der, (size_t)len);
    return ret;
}

/* PKCS#8, encrypted with PBES2/AES-256-CBC unless GNUTLS_PKCS_PLAIN. */
static int pkcs8_der(EVP_PKEY *pkey, const char *password, unsigned flags, unsigned char **der, const char **label)
{
    PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(pkey);
    if (p8 == NULL)
        return -1;
    int len;
    if ((flags & GNUTLS_PKCS_PLAIN) || password == NULL) {
        *label = "PRIVATE KEY";
        len = i2d_PKCS8_PRIV_KEY_INFO(p8, der);
    } else {
        const EVP_CIPHER *c = (flags & GNUTLS_PKCS_PBES2_AES_128)   ? EVP_aes_128_cbc()
                              : (flags & GNUTLS_PKCS_PBES2_AES_192) ? EVP_aes_192_cbc()
                              : (flags & GNUTLS_PKCS_PBES2_3DES)    ? EVP_des_ede3_cbc()
                                                                    : EVP_aes_256_cbc();
        X509_SIG *sig = PKCS8_encrypt(-1, c, password, (int)strlen(password), NULL, 0, 10000, p8);
        len = sig ? i2d_X509_SIG(sig, der) : -1;
        X509_SIG_free(sig);
        *label = "ENCRYPTED PRIVATE KEY";
    }
    PKCS8_PRIV_KEY_INFO_free(p8);
    return len;
}

int gnutls_x509_privkey_export_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, const char *password,
                                     unsigned int flags, void *output_data, size_t *output_data_size)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    const char *label = NULL;
    int len = pkcs8_der(key->pkey, password, flags, &der, &label);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    int ret = gnossl_export_fmt(label, der, (size_t)len, format, output_data, output_data_size);
    OPENSSL_clear_free(der, (size_t)len);
    return ret;
}

int gnutls_x509_privkey_export2_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, const char *password,
                                      unsigned int flags, gnutls_datum_t *out)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    const char *label = NULL;
    int len = pkcs8_der(key->pkey, password, flags, &der, &label);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    int ret = gnossl_export_fmt2(label, der, (size_t)len, format, out);
    OPENSSL_clear_free(der, (size_t)len);
    return ret;
}

/* ---- generation ---- */

static const char *curve_group(gnutls_ecc_curve_t c)
{
    switch (c) {
    case GNUTLS_ECC_CURVE_SECP192R1:
        return "P-192";
    case GNUTLS_ECC_CURVE_SECP224R1:
        return "P-224";
    case GNUTLS_ECC_CURVE_SECP256R1:
        return "P-256";
    case GNUTLS_ECC_CURVE_SECP384R1:
        return "P-384";
    case GNUTLS_ECC_CURVE_SECP521R1:
        return "P-521";
    default:
        return NULL;
    }
}

/* Curve for a bit size the way GnuTLS picks one for ECDSA keys. */
static gnutls_ecc_curve_t curve_for_bits(unsigned bits)
{
    if (GNUTLS_BITS_ARE_CURVE(bits))
        return (gnutls_ecc_curve_t)GNUTLS_BITS_TO_CURVE(bits);
    if (bits <= 192)
        return GNUTLS_ECC_CURVE_SECP192R1;
    if (bits <= 224)
        return GNUTLS_ECC_CURVE_SECP224R1;
    if (bits <= 256)
        return GNUTLS_ECC_CURVE_SECP256R1;
    if (bits <= 384)
        return GNUTLS_ECC_CURVE_SECP384R1;
    return GNUTLS_ECC_CURVE_SECP521R1;
}

int gnutls_x509_privkey_generate2(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo, unsigned int bits,
                                  unsigned int flags, const gnutls_keygen_data_st *data, unsigned data_size)
{
    (void)flags;
    (void)data;
    (void)data_size;
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = NULL;
    switch (algo) {
    case GNUTLS_PK_RSA:
        if (bits < 512 || bits > 16384)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits);
        break;
    case GNUTLS_PK_RSA_PSS:
        if (bits < 512 || bits > 16384)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "RSA-PSS", (size_t)bits);
        break;
    case GNUTLS_PK_EC: {
        const char *g = curve_group(curve_for_bits(bits));
        if (g == NULL)
            return GNOSSL_ERR(GNUTLS_E_ECC_UNSUPPORTED_CURVE);
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "EC", g);
        break;
    }
    case GNUTLS_PK_EDDSA_ED25519:
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
        break;
    case GNUTLS_PK_EDDSA_ED448:
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED448");
        break;
    case GNUTLS_PK_ECDH_X25519:
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "X25519");
        break;
    default:
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PK_ALGORITHM);
    }
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    set_pkey(key, pkey);
    return 0;
}

int gnutls_x509_privkey_generate(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo, unsigned int bits,
                                 unsigned int flags)
{
    return gnutls_x509_privkey_generate2(key, algo, bits, flags, NULL, 0);
}

int gnutls_x509_privkey_verify_params(gnutls_x509_privkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key->pkey, NULL);
    int ok = ctx && EVP_PKEY_check(ctx) == 1;
    EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_PK_GENERATION_ERROR);
}

int gnutls_x509_privkey_cpy(gnutls_x509_privkey_t dst, gnutls_x509_privkey_t src)
{
    if (dst == NULL || src == NULL || src->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *p = EVP_PKEY_dup(src->pkey);
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    set_pkey(dst, p);
    return 0;
}

int gnutls_x509_privkey_export_rsa_raw(gnutls_x509_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e,
                                       gnutls_datum_t *d, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *u)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(key->pkey);
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct {
        gnutls_datum_t *out;
        const char *name;
    } parts[] = {{m, "n"}, {e, "e"}, {d, "d"}, {p, "rsa-factor1"}, {q, "rsa-factor2"}, {u, "rsa-coefficient1"}};
    for (size_t i = 0; i < 6; i++) {
        if (parts[i].out == NULL)
            continue;
        int ret = gnossl_pkey_bn_datum(key->pkey, parts[i].name, parts[i].out);
        if (ret < 0) {
            for (size_t k = 0; k < i; k++)
                if (parts[k].out) {
                    gnutls_free(parts[k].out->data);
                    parts[k].out->data = NULL;
                }
            return ret;
        }
    }
    return 0;
}
