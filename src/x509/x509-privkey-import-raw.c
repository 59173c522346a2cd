/* gnutls_x509_privkey_import_{rsa,dsa,ecc}_raw and the gnutls_privkey_t
 * wrappers: private keys from their raw parameters (big-endian integers,
 * leading zeros allowed).  Missing RSA CRT exponents are computed, as
 * GnuTLS does; u is the CRT coefficient q^-1 mod p. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>

/* Take pkey as key's key, replacing any it had. */
static void adopt(gnutls_x509_privkey_t key, EVP_PKEY *pkey)
{
    EVP_PKEY_free(key->pkey);
    key->pkey = pkey;
    key->ec_no_params = 0;
}

static int set_pkey(gnutls_x509_privkey_t key, const char *type, OSSL_PARAM_BLD *bld)
{
    EVP_PKEY *pkey = gnossl_pkey_from_bld(type, bld, EVP_PKEY_KEYPAIR);
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    adopt(key, pkey);
    return 0;
}

int gnutls_x509_privkey_import_rsa_raw2(gnutls_x509_privkey_t key, const gnutls_datum_t *m, const gnutls_datum_t *e,
                                        const gnutls_datum_t *d, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                        const gnutls_datum_t *u, const gnutls_datum_t *e1, const gnutls_datum_t *e2)
{
    if (key == NULL || m == NULL || e == NULL || d == NULL || p == NULL || q == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BIGNUM *n = gnossl_bn_of(m), *ex = gnossl_bn_of(e), *dd = gnossl_bn_of(d), *pp = gnossl_bn_of(p), *qq = gnossl_bn_of(q);
    BIGNUM *uu = gnossl_bn_of(u), *x1 = gnossl_bn_of(e1), *x2 = gnossl_bn_of(e2), *t = BN_new();
    BN_CTX *bctx = BN_CTX_new();
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    int ret = 0;
    if (n == NULL || ex == NULL || dd == NULL || pp == NULL || qq == NULL || t == NULL || bctx == NULL ||
        bld == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    /* exponents d mod (p-1), d mod (q-1) and the coefficient when absent */
    if (ret == 0 && x1 == NULL && (x1 = BN_new()) != NULL &&
        !(BN_sub(t, pp, BN_value_one()) && BN_mod(x1, dd, t, bctx)))
        ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    if (ret == 0 && x2 == NULL && (x2 = BN_new()) != NULL &&
        !(BN_sub(t, qq, BN_value_one()) && BN_mod(x2, dd, t, bctx)))
        ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    if (ret == 0 && uu == NULL && (uu = BN_mod_inverse(NULL, qq, pp, bctx)) == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    if (ret == 0 && (x1 == NULL || x2 == NULL || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, ex) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_D, dd) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR1, pp) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR2, qq) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT1, x1) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT2, x2) ||
                     !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, uu)))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0)
        ret = set_pkey(key, "RSA", bld);
    OSSL_PARAM_BLD_free(bld);
    BN_CTX_free(bctx);
    BN_free(t);
    BN_clear_free(x2);
    BN_clear_free(x1);
    BN_clear_free(uu);
    BN_clear_free(qq);
    BN_clear_free(pp);
    BN_clear_free(dd);
    BN_free(ex);
    BN_free(n);
    return ret;
}

int gnutls_x509_privkey_import_rsa_raw(gnutls_x509_privkey_t key, const gnutls_datum_t *m, const gnutls_datum_t *e,
                                       const gnutls_datum_t *d, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                       const gnutls_datum_t *u)
{
    return gnutls_x509_privkey_import_rsa_raw2(key, m, e, d, p, q, u, NULL, NULL);
}

int gnutls_x509_privkey_import_dsa_raw(gnutls_x509_privkey_t key, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                       const gnutls_datum_t *g, const gnutls_datum_t *y, const gnutls_datum_t *x)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BIGNUM *bn[5] = {gnossl_bn_of(p), gnossl_bn_of(q), gnossl_bn_of(g), gnossl_bn_of(y), gnossl_bn_of(x)};
    static const char *const names[5] = {OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_FFC_Q, OSSL_PKEY_PARAM_FFC_G,
                                         OSSL_PKEY_PARAM_PUB_KEY, OSSL_PKEY_PARAM_PRIV_KEY};
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    int ret = bld ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (int i = 0; i < 5 && ret == 0; i++)
        if (bn[i] == NULL || !OSSL_PARAM_BLD_push_BN(bld, names[i], bn[i]))
            ret = GNOSSL_ERR(GNUTLS_E_MPI_SCAN_FAILED);
    if (ret == 0)
        ret = set_pkey(key, "DSA", bld);
    OSSL_PARAM_BLD_free(bld);
    for (int i = 0; i < 5; i++)
        BN_clear_free(bn[i]);
    return ret;
}

int gnutls_x509_privkey_import_ecc_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t curve, const gnutls_datum_t *x,
                                       const gnutls_datum_t *y, const gnutls_datum_t *k)
{
    if (key == NULL || x == NULL || x->data == NULL || k == NULL || k->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    size_t rawlen;
    const char *rt = gnossl_raw_curve_type(curve, &rawlen), *group;
    if (rt) {
        /* the private key alone determines the public one */
        EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key_ex(NULL, rt, NULL, k->data, k->size);
        ERR_clear_error();
        if (pkey == NULL)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        adopt(key, pkey);
        return 0;
    }
    unsigned char point[GNOSSL_EC_POINT_MAX];
    size_t plen;
    int ret = gnossl_ec_point_of(curve, x, y, point, &plen, &group);
    if (ret < 0)
        return ret;
    BIGNUM *priv = gnossl_bn_of(k);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (priv == NULL || bld == NULL || !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
        !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, plen) ||
        !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else
        ret = set_pkey(key, "EC", bld);
    OSSL_PARAM_BLD_free(bld);
    BN_clear_free(priv);
    return ret;
}

/* ---- the abstract key wrappers ---- */

/* A fresh x509 key for an abstract key's import. */
static int new_xkey(gnutls_privkey_t key, gnutls_x509_privkey_t *xkey)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_x509_privkey_init(xkey);
}

/* Hand xkey to pkey once its import (ret) succeeded; drop it otherwise. */
static int to_privkey(gnutls_privkey_t pkey, gnutls_x509_privkey_t xkey, int ret)
{
    if (ret == 0)
        ret = gnutls_privkey_import_x509(pkey, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
    if (ret < 0)
        gnutls_x509_privkey_deinit(xkey);
    return ret;
}

int gnutls_privkey_import_rsa_raw(gnutls_privkey_t key, const gnutls_datum_t *m, const gnutls_datum_t *e,
                                  const gnutls_datum_t *d, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                  const gnutls_datum_t *u, const gnutls_datum_t *e1, const gnutls_datum_t *e2)
{
    gnutls_x509_privkey_t x;
    int ret = new_xkey(key, &x);
    return ret < 0 ? ret : to_privkey(key, x, gnutls_x509_privkey_import_rsa_raw2(x, m, e, d, p, q, u, e1, e2));
}

int gnutls_privkey_import_dsa_raw(gnutls_privkey_t key, const gnutls_datum_t *p, const gnutls_datum_t *q,
                                  const gnutls_datum_t *g, const gnutls_datum_t *y, const gnutls_datum_t *x)
{
    gnutls_x509_privkey_t xk;
    int ret = new_xkey(key, &xk);
    return ret < 0 ? ret : to_privkey(key, xk, gnutls_x509_privkey_import_dsa_raw(xk, p, q, g, y, x));
}

int gnutls_privkey_import_ecc_raw(gnutls_privkey_t key, gnutls_ecc_curve_t curve, const gnutls_datum_t *x,
                                  const gnutls_datum_t *y, const gnutls_datum_t *k)
{
    gnutls_x509_privkey_t xk;
    int ret = new_xkey(key, &xk);
    return ret < 0 ? ret : to_privkey(key, xk, gnutls_x509_privkey_import_ecc_raw(xk, curve, x, y, k));
}
