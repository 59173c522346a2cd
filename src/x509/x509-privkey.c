/* gnutls_x509_privkey_*: private keys held as EVP_PKEY; PKCS#1, SEC1,
 * DSA and PKCS#8 (plain and encrypted) through OpenSSL's codecs. */
#include "gnossl.h"
#include "x509/x509.h"
#include "core/pin.h"
#include "x509/pkcs-int.h"

#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
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
    key->ec_no_params = 0;
}

static int sec1_has_params(const unsigned char *der, size_t len);

/* After importing DER (PKCS#8 or not): note an EC key whose ECPrivateKey
 * left the curve out. */
static void note_ec_form(gnutls_x509_privkey_t key, const unsigned char *der, size_t len)
{
    if (gnossl_pkey_algorithm(key->pkey) != GNUTLS_PK_EC)
        return;
    const unsigned char *q = der;
    PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(NULL, &q, (long)len);
    const unsigned char *inner = NULL;
    int ilen = 0;
    if (p8 && PKCS8_pkey_get0(NULL, &inner, &ilen, NULL, p8) && ilen > 0)
        key->ec_no_params = !sec1_has_params(inner, (size_t)ilen);
    PKCS8_PRIV_KEY_INFO_free(p8);
    ERR_clear_error();
}

static void note_ec_form_p8(gnutls_x509_privkey_t key, const PKCS8_PRIV_KEY_INFO *p8)
{
    const unsigned char *inner = NULL;
    int ilen = 0;
    if (gnossl_pkey_algorithm(key->pkey) == GNUTLS_PK_EC && PKCS8_pkey_get0(NULL, &inner, &ilen, NULL, p8) && ilen > 0)
        key->ec_no_params = !sec1_has_params(inner, (size_t)ilen);
}

/* Does a SEC1 ECPrivateKey carry its curve ([0] parameters)?  GnuTLS
 * cannot read one that does not. */
static int sec1_has_params(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    long l;
    int tag, xc;
    if (ASN1_get_object(&p, &l, &tag, &xc, (long)len) & 0x80 || tag != V_ASN1_SEQUENCE)
        return 0;
    const unsigned char *end = p + l;
    for (int i = 0; i < 2; i++) { /* version, privateKey */
        const unsigned char *q = p;
        if (ASN1_get_object(&q, &l, &tag, &xc, end - p) & 0x80)
            return 0;
        p = q + l;
    }
    return p < end && *p == 0xa0;
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
    if (pkey && gnossl_pkey_algorithm(pkey) == GNUTLS_PK_EC) {
        const unsigned char *q = der;
        PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(NULL, &q, (long)len);
        int is_p8 = p8 != NULL;
        PKCS8_PRIV_KEY_INFO_free(p8);
        if (!is_p8 && !sec1_has_params(der, len)) {
            EVP_PKEY_free(pkey);
            pkey = NULL;
        }
    }
    ERR_clear_error();
    return pkey;
}

static PKCS8_PRIV_KEY_INFO *pkcs8_decrypt(const unsigned char *der, size_t len, const char *password)
{
    const unsigned char *p = der;
    X509_SIG *sig = d2i_X509_SIG(NULL, &p, (long)len);
    if (sig == NULL)
        return NULL;
    const char *pw = password ? password : "";
    PKCS8_PRIV_KEY_INFO *p8 = PKCS8_decrypt(sig, pw, (int)strlen(pw));
    X509_SIG_free(sig);
    ERR_clear_error();
    return p8;
}

/* An iteration count GnuTLS refuses (GNOSSL_PBE_MAX_ITER): its error,
 * before OpenSSL derives a key; else 0. */
static int pbe_iter_refused(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    X509_SIG *sig = d2i_X509_SIG(NULL, &p, (long)len);
    const X509_ALGOR *alg = NULL;
    struct gnossl_pbe_info info;
    int ret = 0;
    if (sig != NULL) {
        X509_SIG_get0(sig, &alg, NULL);
        ret = gnossl_pkcs_algor_info(alg, &info, NULL);
    }
    X509_SIG_free(sig);
    ERR_clear_error();
    return ret == GNUTLS_E_ILLEGAL_PARAMETER ? ret : 0;
}

/* Decrypt and load into key; 0, -1 or GnuTLS's error for refused
 * parameters. */
static int load_encrypted(gnutls_x509_privkey_t key, const unsigned char *der, size_t len, const char *password)
{
    int refused = pbe_iter_refused(der, len);
    if (refused < 0)
        return refused;
    PKCS8_PRIV_KEY_INFO *p8 = pkcs8_decrypt(der, len, password);
    EVP_PKEY *pkey = p8 ? EVP_PKCS82PKEY(p8) : NULL;
    ERR_clear_error();
    if (pkey == NULL) {
        PKCS8_PRIV_KEY_INFO_free(p8);
        return -1;
    }
    set_pkey(key, pkey);
    note_ec_form_p8(key, p8);
    PKCS8_PRIV_KEY_INFO_free(p8);
    return 0;
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
static const char *const pkcs8_labels[] = {"ENCRYPTED PRIVATE KEY", "PRIVATE KEY", NULL};

/* The DER inside data (PEM decoded when fmt is PEM); *label_enc tells
 * whether it came from an ENCRYPTED PRIVATE KEY block. */
static int key_der_labels(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, gnutls_datum_t *der, int *owned,
                          const char *const *labels)
{
    *owned = 0;
    if (fmt != GNUTLS_X509_FMT_PEM) {
        *der = *data;
        return 0;
    }
    size_t pos = 0;
    int ret = gnossl_pem_decode_next(data, &pos, labels, der);
    if (ret < 0)
        return labels == key_labels ? GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) : ret;
    *owned = 1;
    return 0;
}

static int key_der(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, gnutls_datum_t *der, int *owned)
{
    return key_der_labels(data, fmt, der, owned, key_labels);
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
        ret = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE; /* what GnuTLS says without a password */
    if (pkey == NULL) {
        if (owned)
            gnutls_free(der.data);
        return GNOSSL_ERR(ret < 0 ? ret : GNUTLS_E_ASN1_DER_ERROR);
    }
    set_pkey(key, pkey);
    note_ec_form(key, der.data, der.size);
    if (owned)
        gnutls_free(der.data);
    return 0;
}

int gnutls_x509_privkey_import_pkcs8(gnutls_x509_privkey_t key, const gnutls_datum_t *data,
                                     gnutls_x509_crt_fmt_t format, const char *password, unsigned int flags)
{
    if (key == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der;
    int owned;
    int ret = key_der_labels(data, format, &der, &owned, pkcs8_labels);
    if (ret < 0)
        return ret;
    int encrypted = is_encrypted_pkcs8(der.data, der.size);
    int ok = -1;
    if (encrypted && !(flags & GNUTLS_PKCS_PLAIN))
        ok = load_encrypted(key, der.data, der.size, password);
    else if (!encrypted) {
        const unsigned char *p = der.data;
        PKCS8_PRIV_KEY_INFO *p8 = der.size ? d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, der.size) : NULL;
        EVP_PKEY *pkey = p8 ? EVP_PKCS82PKEY(p8) : NULL;
        if (pkey) {
            set_pkey(key, pkey);
            note_ec_form_p8(key, p8);
            ok = 0;
        }
        PKCS8_PRIV_KEY_INFO_free(p8);
        ERR_clear_error();
    }
    if (owned)
        gnutls_free(der.data);
    if (ok < -1)
        return GNOSSL_ERR(ok);
    if (ok < 0)
        return GNOSSL_ERR(encrypted ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_ASN1_DER_ERROR);
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
    int ok = -1;
    if (pkey) {
        set_pkey(key, pkey);
        note_ec_form(key, der.data, der.size);
        ok = 0;
    } else if (encrypted && !(flags & GNUTLS_PKCS_PLAIN)) {
        ok = load_encrypted(key, der.data, der.size, password);
        if (ok == -1 && password == NULL) {
            /* As GnuTLS: ask the key's pin callback, else the global one. */
            char pin[GNUTLS_PKCS11_MAX_PIN_LEN];
            if (gnossl_key_password(key->pin_fn, key->pin_data, pin, sizeof pin) == 0)
                ok = load_encrypted(key, der.data, der.size, pin);
            OPENSSL_cleanse(pin, sizeof pin);
        }
    }
    if (owned)
        gnutls_free(der.data);
    /* refused PBE parameters: GnuTLS goes on to read the key as PKCS#12,
     * which it is not */
    if (ok < -1)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    if (ok < 0)
        return GNOSSL_ERR(encrypted ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_ASN1_DER_ERROR);
    return 0;
}

int gnutls_x509_privkey_get_pk_algorithm(gnutls_x509_privkey_t key)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL)
        return GNUTLS_PK_UNKNOWN;
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
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_GENERIC_ERROR); /* GnuTLS's answer for an empty key */
    return gnossl_spki_key_id(key->pkey, flags, output_data, output_data_size);
}

/* The traditional encoding GnuTLS exports: PKCS#1 (RSA and RSA-PSS keys),
 * SEC1 without the curve parameters (EC), the DSA structure; PKCS#8 for
 * key types that have no other.  The PKCS#1/SEC1 forms are the inner key
 * of OpenSSL's PKCS#8 encoding, which matches GnuTLS byte for byte. */
static int traditional_der(gnutls_x509_privkey_t key, unsigned char **der, const char **label)
{
    EVP_PKEY *pkey = key->pkey;
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    if (pk == GNUTLS_PK_EC && !key->ec_no_params) {
        *label = "EC PRIVATE KEY";
        return i2d_PrivateKey(pkey, der); /* SEC1 with the curve */
    }
    if (pk == GNUTLS_PK_DSA) {
        *label = "DSA PRIVATE KEY";
        return i2d_PrivateKey(pkey, der);
    }
    PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(pkey);
    if (p8 == NULL)
        return -1;
    int len = -1;
    if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS || pk == GNUTLS_PK_EC) {
        const unsigned char *inner = NULL;
        int ilen = 0;
        if (PKCS8_pkey_get0(NULL, &inner, &ilen, NULL, p8) && ilen > 0) {
            *der = OPENSSL_memdup(inner, (size_t)ilen);
            len = *der ? ilen : -1;
        }
        *label = pk == GNUTLS_PK_EC ? "EC PRIVATE KEY" : "RSA PRIVATE KEY";
    } else {
        *label = "PRIVATE KEY";
        len = i2d_PKCS8_PRIV_KEY_INFO(p8, der);
    }
    PKCS8_PRIV_KEY_INFO_free(p8);
    return len;
}

int gnutls_x509_privkey_export(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, void *output_data,
                               size_t *output_data_size)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE); /* GnuTLS's answer for an empty key */
    unsigned char *der = NULL;
    const char *label = NULL;
    int len = traditional_der(key, &der, &label);
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
    int len = traditional_der(key, &der, &label);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnossl_export_fmt2(label, der, (size_t)len, format, out);
    OPENSSL_clear_free(der, (size_t)len);
    return ret;
}

/* PrivateKeyInfo of a key.  An EC key keeps its curve inside the
 * ECPrivateKey as GnuTLS does when it was read that way (OpenSSL's
 * encoder always leaves it out). */
static PKCS8_PRIV_KEY_INFO *to_pkcs8(gnutls_x509_privkey_t key)
{
    EVP_PKEY *pkey = key->pkey;
    if (gnossl_pkey_algorithm(pkey) != GNUTLS_PK_EC || key->ec_no_params)
        return EVP_PKEY2PKCS8(pkey);
    char group[64];
    size_t glen = 0;
    if (!EVP_PKEY_get_utf8_string_param(pkey, "group", group, sizeof group, &glen))
        return NULL;
    int nid = OBJ_sn2nid(group);
    if (nid == NID_undef)
        nid = EC_curve_nist2nid(group);
    unsigned char *sec1 = NULL;
    int len = i2d_PrivateKey(pkey, &sec1);
    PKCS8_PRIV_KEY_INFO *p8 = PKCS8_PRIV_KEY_INFO_new();
    if (len <= 0 || nid == NID_undef || p8 == NULL ||
        !PKCS8_pkey_set0(p8, OBJ_nid2obj(NID_X9_62_id_ecPublicKey), 0, V_ASN1_OBJECT, OBJ_nid2obj(nid), sec1, len)) {
        OPENSSL_free(sec1);
        PKCS8_PRIV_KEY_INFO_free(p8);
        return NULL;
    }
    return p8;
}

/* PKCS#8 as GnuTLS writes it: plain with GNUTLS_PKCS_PLAIN or without a
 * password (unless GNUTLS_PKCS_NULL_PASSWORD asks for encryption with an
 * empty one), else encrypted with the schema, salt and iteration count
 * GnuTLS uses for these flags. */
static int pkcs8_der(gnutls_x509_privkey_t key, const char *password, unsigned flags, unsigned char **der,
                     const char **label)
{
    PKCS8_PRIV_KEY_INFO *p8 = to_pkcs8(key);
    if (p8 == NULL)
        return -1;
    int len = -1;
    if ((flags & GNUTLS_PKCS_PLAIN) || (password == NULL && !(flags & GNUTLS_PKCS_NULL_PASSWORD))) {
        *label = "PRIVATE KEY";
        len = i2d_PKCS8_PRIV_KEY_INFO(p8, der);
    } else {
        X509_SIG *sig = NULL;
        if (gnossl_pkcs8_encrypt(p8, password, flags, &sig) == 0)
            len = i2d_X509_SIG(sig, der);
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
    int len = pkcs8_der(key, password, flags, &der, &label);
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
    int len = pkcs8_der(key, password, flags, &der, &label);
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
            return GNOSSL_ERR(GNUTLS_E_PK_GENERATION_ERROR);
        pkey = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits);
        break;
    case GNUTLS_PK_RSA_PSS: {
        if (bits < 512 || bits > 16384)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA-PSS", NULL);
        if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, (int)bits) > 0)
            EVP_PKEY_generate(ctx, &pkey);
        EVP_PKEY_CTX_free(ctx);
        break;
    }
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
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_PK_GENERATION_ERROR);
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
    return gnossl_pkey_check(key->pkey, 0);
}

int gnutls_x509_privkey_cpy(gnutls_x509_privkey_t dst, gnutls_x509_privkey_t src)
{
    if (dst == NULL || src == NULL || src->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *p = EVP_PKEY_dup(src->pkey);
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    set_pkey(dst, p);
    dst->ec_no_params = src->ec_no_params;
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
