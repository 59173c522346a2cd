/* gnutls_pubkey_*: raw parameter exports with flags, ANSI X9.62 EC
 * parameters and points, key usage, parameter checks; and the small
 * gnutls_privkey_* state functions (flags, status, parameter check). */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <string.h>

static void strip_lz(unsigned flags, gnutls_datum_t *d)
{
    if (!(flags & GNUTLS_EXPORT_FLAG_NO_LZ) || d == NULL || d->data == NULL)
        return;
    size_t z = 0;
    while (z + 1 < d->size && d->data[z] == 0)
        z++;
    memmove(d->data, d->data + z, d->size - z);
    d->size -= (unsigned)z;
}

int gnutls_pubkey_export_rsa_raw2(gnutls_pubkey_t key, gnutls_datum_t *m, gnutls_datum_t *e, unsigned flags)
{
    int ret = gnutls_pubkey_export_rsa_raw(key, m, e);
    if (ret == 0) {
        strip_lz(flags, m);
        strip_lz(flags, e);
    }
    return ret;
}

int gnutls_pubkey_export_dsa_raw2(gnutls_pubkey_t key, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *g,
                                  gnutls_datum_t *y, unsigned flags)
{
    if (key == NULL || key->pkey == NULL || p == NULL || q == NULL || g == NULL || y == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (gnossl_pkey_algorithm(key->pkey) != GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t *out[4] = {p, q, g, y};
    static const char *const names[4] = {OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_FFC_Q, OSSL_PKEY_PARAM_FFC_G,
                                         OSSL_PKEY_PARAM_PUB_KEY};
    for (int i = 0; i < 4; i++) {
        int ret = gnossl_pkey_bn_datum(key->pkey, names[i], out[i]);
        if (ret < 0) {
            for (int j = 0; j < i; j++) {
                gnutls_free(out[j]->data);
                out[j]->data = NULL;
            }
            return ret;
        }
        strip_lz(flags, out[i]);
    }
    return 0;
}

int gnutls_pubkey_export_dsa_raw(gnutls_pubkey_t key, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *g,
                                 gnutls_datum_t *y)
{
    return gnutls_pubkey_export_dsa_raw2(key, p, q, g, y, 0);
}

int gnutls_pubkey_export_ecc_raw2(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                  gnutls_datum_t *y, unsigned flags)
{
    int ret = gnutls_pubkey_export_ecc_raw(key, curve, x, y);
    if (ret == 0) {
        strip_lz(flags, x);
        strip_lz(flags, y);
    }
    return ret;
}

/* parameters: DER of the named curve's OID; ecpoint: DER OCTET STRING of
 * the uncompressed point. */
int gnutls_pubkey_export_ecc_x962(gnutls_pubkey_t key, gnutls_datum_t *parameters, gnutls_datum_t *ecpoint)
{
    if (key == NULL || key->pkey == NULL || parameters == NULL || ecpoint == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (gnossl_pkey_algorithm(key->pkey) != GNUTLS_PK_EC)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    char group[64];
    unsigned char pt[256];
    size_t glen = 0, plen = 0;
    if (!EVP_PKEY_get_utf8_string_param(key->pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &glen) ||
        !EVP_PKEY_get_octet_string_param(key->pkey, OSSL_PKEY_PARAM_PUB_KEY, pt, sizeof pt, &plen)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    ASN1_OBJECT *obj = OBJ_nid2obj(OBJ_txt2nid(group));
    unsigned char *od = NULL, *pd = NULL;
    int ol = obj ? i2d_ASN1_OBJECT(obj, &od) : -1;
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    int pl = os && ASN1_OCTET_STRING_set(os, pt, (int)plen) ? i2d_ASN1_OCTET_STRING(os, &pd) : -1;
    ASN1_OCTET_STRING_free(os);
    int ret = ol > 0 && pl > 0 ? gnossl_datum_set(parameters, od, (size_t)ol) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (ret == 0 && (ret = gnossl_datum_set(ecpoint, pd, (size_t)pl)) < 0) {
        gnutls_free(parameters->data);
        parameters->data = NULL;
    }
    OPENSSL_free(od);
    OPENSSL_free(pd);
    ERR_clear_error();
    return ret;
}

int gnutls_pubkey_import_ecc_x962(gnutls_pubkey_t key, const gnutls_datum_t *parameters,
                                  const gnutls_datum_t *ecpoint)
{
    if (key == NULL || parameters == NULL || ecpoint == NULL || parameters->data == NULL || ecpoint->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = parameters->data;
    ASN1_OBJECT *obj = d2i_ASN1_OBJECT(NULL, &p, (long)parameters->size);
    const unsigned char *q = ecpoint->data;
    ASN1_OCTET_STRING *os = d2i_ASN1_OCTET_STRING(NULL, &q, (long)ecpoint->size);
    int ret = 0;
    EVP_PKEY *pkey = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    const char *group = obj ? OBJ_nid2sn(OBJ_obj2nid(obj)) : NULL;
    if (obj == NULL || os == NULL || group == NULL || OBJ_obj2nid(obj) == NID_undef)
        ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    else {
        OSSL_PARAM params[] = {
            OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)group, 0),
            OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_PUB_KEY, (void *)ASN1_STRING_get0_data(os),
                                    (size_t)ASN1_STRING_length(os)),
            OSSL_PARAM_END};
        ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
        if (ctx == NULL || EVP_PKEY_fromdata_init(ctx) != 1 ||
            EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1)
            ret = GNOSSL_ERR(GNUTLS_E_ECC_UNSUPPORTED_CURVE);
        else {
            ret = gnossl_pubkey_from_pkey(key, pkey);
            if (ret == 0)
                key->key_usage = 0;
        }
    }
    EVP_PKEY_free(pkey);
    EVP_PKEY_CTX_free(ctx);
    ASN1_OCTET_STRING_free(os);
    ASN1_OBJECT_free(obj);
    ERR_clear_error();
    return ret;
}

int gnutls_pubkey_set_key_usage(gnutls_pubkey_t key, unsigned int usage)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    key->key_usage = usage;
    return 0;
}

/* One check for the three verify_params: the public half only, or the
 * whole key pair. */
int gnossl_pkey_check(EVP_PKEY *pkey, int public_only)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    int ok = ctx && (public_only ? EVP_PKEY_public_check(ctx) : EVP_PKEY_check(ctx)) == 1;
    EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_PK_GENERATION_ERROR);
}

int gnutls_pubkey_verify_params(gnutls_pubkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pkey_check(key->pkey, 1);
}

int gnutls_privkey_verify_params(gnutls_privkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pkey_check(key->pkey, 0);
}

void gnutls_privkey_set_flags(gnutls_privkey_t key, unsigned int flags)
{
    if (key)
        key->flags |= flags;
}

/* Only token keys can go away; keys in memory are always there. */
int gnutls_privkey_status(gnutls_privkey_t key)
{
    return key != NULL && key->pkey != NULL;
}
