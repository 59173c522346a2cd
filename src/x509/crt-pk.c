/* gnutls_x509_crt_*: public key and signature algorithm, key IDs,
 * fingerprints, raw key parameters. */
#include "gnossl.h"
#include "x509/x509.h"
#include "core/algorithms.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <string.h>

gnutls_sign_algorithm_t gnossl_sign_from_algor(const X509_ALGOR *alg)
{
    const ASN1_OBJECT *obj = NULL;
    char oid[128];

    if (alg == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    X509_ALGOR_get0(&obj, NULL, NULL, alg);
    gnossl_oid_text(obj, oid, sizeof oid);
    if (strcmp(oid, "1.2.840.113549.1.1.10") == 0) {
        /* RSA-PSS: the hash comes from the parameters */
        RSA_PSS_PARAMS *pss = NULL;
        const void *pval = NULL;
        int ptype = 0;
        X509_ALGOR_get0(NULL, &ptype, &pval, alg);
        if (ptype == V_ASN1_SEQUENCE && pval) {
            const ASN1_STRING *seq = pval;
            const unsigned char *p = ASN1_STRING_get0_data(seq);
            pss = d2i_RSA_PSS_PARAMS(NULL, &p, ASN1_STRING_length(seq));
        }
        int nid = NID_sha1;
        if (pss && pss->hashAlgorithm)
            nid = OBJ_obj2nid(pss->hashAlgorithm->algorithm);
        RSA_PSS_PARAMS_free(pss);
        switch (nid) {
        case NID_sha256:
            return GNUTLS_SIGN_RSA_PSS_SHA256;
        case NID_sha384:
            return GNUTLS_SIGN_RSA_PSS_SHA384;
        case NID_sha512:
            return GNUTLS_SIGN_RSA_PSS_SHA512;
        default:
            return GNUTLS_SIGN_UNKNOWN;
        }
    }
    /* gnutls.h declares gnutls_oid_to_sign __attribute__((const)), so the
     * compiler believes it reads no memory: it may call it before `oid` is
     * written, or as a tail call after this frame (and `oid`) is gone.
     * The barriers keep the buffer written before and alive across it. */
    const char *p = oid;
    __asm__ volatile("" : "+r"(p) : : "memory");
    gnutls_sign_algorithm_t s = gnutls_oid_to_sign(p);
    __asm__ volatile("" : : "r"(oid) : "memory");
    return s;
}

static EVP_PKEY *crt_pkey(gnutls_x509_crt_t cert)
{
    return cert && cert->x509 ? X509_get0_pubkey(cert->x509) : NULL;
}

int gnutls_x509_crt_get_pk_algorithm(gnutls_x509_crt_t cert, unsigned int *bits)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(cert));
    EVP_PKEY *pkey = crt_pkey(cert);
    if (bits)
        *bits = pkey ? gnossl_pkey_bits(pkey) : 0;
    return pkey ? (int)gnossl_pkey_algorithm(pkey) : GNUTLS_PK_UNKNOWN;
}

int gnutls_x509_crt_get_signature_algorithm(gnutls_x509_crt_t cert)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    const X509_ALGOR *alg = NULL;
    X509_get0_signature(NULL, &alg, cert->x509);
    return (int)gnossl_sign_from_algor(alg);
}

/* GnuTLS reads OIDs through libtasn1, which counts the NUL in the length
 * and asks for one byte more when the buffer is short. */
static int oid_out(const ASN1_OBJECT *obj, void *buf, size_t *size)
{
    char txt[128];
    gnossl_oid_text(obj, txt, sizeof txt);
    size_t len = strlen(txt) + 1;
    if (size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (buf == NULL || *size < len + 1) {
        *size = len + 1;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    memcpy(buf, txt, len);
    *size = len;
    return 0;
}

int gnutls_x509_crt_get_signature_oid(gnutls_x509_crt_t cert, char *oid, size_t *oid_size)
{
    if (cert == NULL || cert->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const X509_ALGOR *alg = NULL;
    const ASN1_OBJECT *obj = NULL;
    X509_get0_signature(NULL, &alg, cert->x509);
    X509_ALGOR_get0(&obj, NULL, NULL, alg);
    return oid_out(obj, oid, oid_size);
}

int gnutls_x509_crt_get_pk_oid(gnutls_x509_crt_t cert, char *oid, size_t *oid_size)
{
    if (cert == NULL || cert->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT *obj = NULL;
    X509_PUBKEY_get0_param(&obj, NULL, NULL, NULL, X509_get_X509_PUBKEY(cert->x509));
    return oid_out(obj, oid, oid_size);
}

int gnutls_x509_crt_get_fingerprint(gnutls_x509_crt_t cert, gnutls_digest_algorithm_t algo, void *buf,
                                    size_t *buf_size)
{
    if (cert == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(cert));
    const EVP_MD *md = gnossl_digest_fetch(algo);
    if (md == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int sret = gnossl_crt_sync(cert);
    if (sret < 0)
        return sret;
    size_t len = (size_t)EVP_MD_get_size(md);
    if (buf == NULL || *buf_size < len) {
        *buf_size = len;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    unsigned dl = 0;
    if (!EVP_Digest(cert->der.data, cert->der.size, buf, &dl, md, NULL))
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    *buf_size = dl;
    return 0;
}

int gnutls_x509_crt_get_key_id(gnutls_x509_crt_t crt, unsigned int flags, unsigned char *output_data,
                               size_t *output_data_size)
{
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crt->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(crt));
    return gnossl_spki_key_id(crt_pkey(crt), flags, output_data, output_data_size);
}

/* A BIGNUM parameter of a key as GnuTLS's raw datum: big-endian with a
 * leading zero byte when the top bit is set (a positive DER INTEGER). */
int gnossl_pkey_bn_datum(const EVP_PKEY *pkey, const char *param, gnutls_datum_t *out)
{
    BIGNUM *bn = NULL;
    if (!EVP_PKEY_get_bn_param(pkey, param, &bn))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    size_t n = (size_t)BN_num_bytes(bn);
    int lead = (BN_num_bits(bn) % 8 == 0 && n > 0) || n == 0;
    out->data = gnutls_malloc(n + 1);
    if (out->data == NULL) {
        BN_free(bn);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    out->data[0] = 0;
    BN_bn2bin(bn, out->data + (lead ? 1 : 0));
    out->size = (unsigned)(n + (lead ? 1 : 0));
    BN_free(bn);
    return 0;
}

int gnutls_x509_crt_get_pk_rsa_raw(gnutls_x509_crt_t crt, gnutls_datum_t *m, gnutls_datum_t *e)
{
    if (crt == NULL || crt->x509 == NULL || m == NULL || e == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = crt_pkey(crt);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_pkey_bn_datum(pkey, OSSL_PKEY_PARAM_RSA_N, m);
    if (ret < 0)
        return ret;
    ret = gnossl_pkey_bn_datum(pkey, OSSL_PKEY_PARAM_RSA_E, e);
    if (ret < 0) {
        gnutls_free(m->data);
        m->data = NULL;
    }
    return ret;
}

/* EC point coordinates (or the raw key of EdDSA/ECDH-X curves). */
int gnossl_pkey_ecc_raw(const EVP_PKEY *pkey, gnutls_ecc_curve_t *curve, gnutls_datum_t *x, gnutls_datum_t *y)
{
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    if (curve)
        *curve = gnossl_pkey_curve(pkey);
    if (pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448 || pk == GNUTLS_PK_ECDH_X25519 ||
        pk == GNUTLS_PK_ECDH_X448) {
        unsigned char raw[64];
        size_t len = sizeof raw;
        if (!EVP_PKEY_get_raw_public_key(pkey, raw, &len))
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        if (y) {
            y->data = NULL;
            y->size = 0;
        }
        return x ? gnossl_datum_set(x, raw, len) : 0;
    }
    if (pk != GNUTLS_PK_EC)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = 0;
    if (x)
        ret = gnossl_pkey_bn_datum(pkey, OSSL_PKEY_PARAM_EC_PUB_X, x);
    if (ret == 0 && y) {
        ret = gnossl_pkey_bn_datum(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, y);
        if (ret < 0 && x) {
            gnutls_free(x->data);
            x->data = NULL;
        }
    }
    return ret;
}

int gnutls_x509_crt_get_pk_ecc_raw(gnutls_x509_crt_t crt, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                   gnutls_datum_t *y)
{
    if (crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pkey_ecc_raw(crt_pkey(crt), curve, x, y);
}

int gnutls_x509_crt_get_pk_dsa_raw(gnutls_x509_crt_t crt, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *g,
                                   gnutls_datum_t *y)
{
    if (crt == NULL || crt->x509 == NULL || p == NULL || q == NULL || g == NULL || y == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = crt_pkey(crt);
    if (gnossl_pkey_algorithm(pkey) != GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t *out[4] = {p, q, g, y};
    static const char *const names[4] = {OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_FFC_Q, OSSL_PKEY_PARAM_FFC_G,
                                         OSSL_PKEY_PARAM_PUB_KEY};
    for (int i = 0; i < 4; i++) {
        int ret = gnossl_pkey_bn_datum(pkey, names[i], out[i]);
        if (ret < 0) {
            for (int j = 0; j < i; j++) {
                gnutls_free(out[j]->data);
                out[j]->data = NULL;
            }
            return ret;
        }
    }
    return 0;
}
