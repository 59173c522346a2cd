/* gnutls_pubkey_import_{rsa,ecc,dsa,x509}_raw: public keys from their raw
 * parameters (big-endian integers, leading zeros allowed) or from a
 * certificate in memory; and the raw-parameter helpers the private key
 * imports share (x509.h). */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <string.h>

/* Take pkey (freed here) as key's public key, with no usage restriction. */
static int adopt(gnutls_pubkey_t key, EVP_PKEY *pkey)
{
    int ret = gnossl_pubkey_from_pkey(key, pkey);
    if (ret == 0)
        key->key_usage = 0;
    EVP_PKEY_free(pkey);
    return ret;
}

static int from_params(gnutls_pubkey_t key, const char *type, OSSL_PARAM_BLD *bld)
{
    EVP_PKEY *pkey = gnossl_pkey_from_bld(type, bld, EVP_PKEY_PUBLIC_KEY);
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = adopt(key, pkey);
    ERR_clear_error();
    return ret;
}

/* Shared with x509-privkey-import-raw.c: a key from OSSL_PARAM_BLD
 * parameters (NULL on any failure, errors cleared). */
EVP_PKEY *gnossl_pkey_from_bld(const char *type, OSSL_PARAM_BLD *bld, int selection)
{
    OSSL_PARAM *params = bld ? OSSL_PARAM_BLD_to_param(bld) : NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
    EVP_PKEY *pkey = NULL;

    ERR_clear_error();
    if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) != 1 ||
        EVP_PKEY_fromdata(ctx, &pkey, selection, params) != 1) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    ERR_clear_error();
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return pkey;
}

BIGNUM *gnossl_bn_of(const gnutls_datum_t *d)
{
    return d && d->data ? BN_bin2bn(d->data, (int)d->size, NULL) : NULL;
}

int gnutls_pubkey_import_rsa_raw(gnutls_pubkey_t key, const gnutls_datum_t *m, const gnutls_datum_t *e)
{
    BIGNUM *n, *ex;
    OSSL_PARAM_BLD *bld;
    int ret;

    if (key == NULL || m == NULL || e == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    n = gnossl_bn_of(m);
    ex = gnossl_bn_of(e);
    bld = OSSL_PARAM_BLD_new();
    if (n == NULL || ex == NULL || bld == NULL || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) ||
        !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, ex))
        ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    else
        ret = from_params(key, "RSA", bld);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(ex);
    return ret;
}

int gnutls_pubkey_import_dsa_raw(gnutls_pubkey_t key, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                 const gnutls_datum_t *g, const gnutls_datum_t *y)
{
    BIGNUM *bn[4] = {gnossl_bn_of(p), gnossl_bn_of(q), gnossl_bn_of(g), gnossl_bn_of(y)};
    static const char *const names[4] = {OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_FFC_Q, OSSL_PKEY_PARAM_FFC_G,
                                         OSSL_PKEY_PARAM_PUB_KEY};
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    int ret = key == NULL ? GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST) : 0;

    for (int i = 0; i < 4 && ret == 0; i++)
        if (bn[i] == NULL || bld == NULL || !OSSL_PARAM_BLD_push_BN(bld, names[i], bn[i]))
            ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    if (ret == 0)
        ret = from_params(key, "DSA", bld);
    OSSL_PARAM_BLD_free(bld);
    for (int i = 0; i < 4; i++)
        BN_free(bn[i]);
    return ret;
}

/* Curves whose keys are one string (y unused): the OpenSSL key type and
 * the public key's length. */
const char *gnossl_raw_curve_type(gnutls_ecc_curve_t c, size_t *len)
{
    switch (c) {
    case GNUTLS_ECC_CURVE_ED25519:
        *len = 32;
        return "ED25519";
    case GNUTLS_ECC_CURVE_ED448:
        *len = 57;
        return "ED448";
    case GNUTLS_ECC_CURVE_X25519:
        *len = 32;
        return "X25519";
    case GNUTLS_ECC_CURVE_X448:
        *len = 56;
        return "X448";
    default:
        return NULL;
    }
}

int gnutls_pubkey_import_ecc_raw(gnutls_pubkey_t key, gnutls_ecc_curve_t curve, const gnutls_datum_t *x,
                                 const gnutls_datum_t *y)
{
    size_t rawlen = 0;
    const char *rawtype = gnossl_raw_curve_type(curve, &rawlen), *group;
    unsigned char point[GNOSSL_EC_POINT_MAX];
    size_t plen;
    OSSL_PARAM_BLD *bld;
    int ret;

    if (key == NULL || x == NULL || x->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (rawtype) {
        EVP_PKEY *pkey;
        if (x->size != rawlen)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        pkey = EVP_PKEY_new_raw_public_key_ex(NULL, rawtype, NULL, x->data, x->size);
        if (pkey == NULL) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        return adopt(key, pkey);
    }
    ret = gnossl_ec_point_of(curve, x, y, point, &plen, &group);
    if (ret < 0)
        return ret;
    bld = OSSL_PARAM_BLD_new();
    if (bld == NULL || !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
        !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, plen))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else
        ret = from_params(key, "EC", bld);
    OSSL_PARAM_BLD_free(bld);
    return ret;
}

static const char *ec_group(gnutls_ecc_curve_t c)
{
    switch (c) {
    case GNUTLS_ECC_CURVE_SECP192R1:
        return "prime192v1";
    case GNUTLS_ECC_CURVE_SECP224R1:
        return "secp224r1";
    case GNUTLS_ECC_CURVE_SECP256R1:
        return "prime256v1";
    case GNUTLS_ECC_CURVE_SECP384R1:
        return "secp384r1";
    case GNUTLS_ECC_CURVE_SECP521R1:
        return "secp521r1";
    default:
        return NULL;
    }
}

/* The uncompressed point 04||X||Y of a NIST curve, coordinates padded to
 * the field size (the datums may carry a leading zero or be short), and
 * the curve's OpenSSL group name. */
int gnossl_ec_point_of(gnutls_ecc_curve_t curve, const gnutls_datum_t *x, const gnutls_datum_t *y,
                       unsigned char point[GNOSSL_EC_POINT_MAX], size_t *len, const char **group)
{
    const gnutls_datum_t *c[2] = {x, y};
    size_t flen;

    *group = ec_group(curve);
    if (*group == NULL)
        return GNOSSL_ERR(GNUTLS_E_ECC_UNSUPPORTED_CURVE);
    if (y == NULL || y->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    flen = (gnutls_ecc_curve_get_size(curve) > 0) ? (size_t)gnutls_ecc_curve_get_size(curve) : 0;
    if (flen == 0 || 1 + 2 * flen > GNOSSL_EC_POINT_MAX)
        return GNOSSL_ERR(GNUTLS_E_ECC_UNSUPPORTED_CURVE);
    point[0] = 4;
    for (int i = 0; i < 2; i++) {
        const unsigned char *d = c[i]->data;
        size_t n = c[i]->size;
        while (n > flen && *d == 0) {
            d++;
            n--;
        }
        if (n > flen)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        memset(point + 1 + i * flen, 0, flen - n);
        memcpy(point + 1 + i * flen + (flen - n), d, n);
    }
    *len = 1 + 2 * flen;
    return 0;
}

int gnutls_pubkey_import_x509_raw(gnutls_pubkey_t pkey, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format,
                                  unsigned int flags)
{
    gnutls_x509_crt_t crt;
    int ret;

    if (pkey == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gnutls_x509_crt_init(&crt)) < 0)
        return ret;
    ret = gnutls_x509_crt_import(crt, data, format);
    if (ret >= 0)
        ret = gnutls_pubkey_import_x509(pkey, crt, flags);
    gnutls_x509_crt_deinit(crt);
    return ret < 0 ? ret : 0;
}
