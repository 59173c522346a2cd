/* gnutls_x509_privkey_*: raw parameters, security level, flags. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

/* Fill the datums named in `want` (NULL ones skipped); on failure free
 * what was filled. */
static int bn_params(EVP_PKEY *pkey, gnutls_datum_t **out, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (out[i] == NULL)
            continue;
        int ret = gnossl_pkey_bn_datum(pkey, names[i], out[i]);
        if (ret < 0) {
            for (size_t k = 0; k < i; k++)
                if (out[k]) {
                    gnutls_free(out[k]->data);
                    out[k]->data = NULL;
                }
            return ret;
        }
    }
    return 0;
}

int gnutls_x509_privkey_export_rsa_raw2(gnutls_x509_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e,
                                        gnutls_datum_t *d, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *u,
                                        gnutls_datum_t *e1, gnutls_datum_t *e2)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(key->pkey);
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t *out[] = {m, e, d, p, q, u, e1, e2};
    static const char *const names[] = {OSSL_PKEY_PARAM_RSA_N,        OSSL_PKEY_PARAM_RSA_E,
                                        OSSL_PKEY_PARAM_RSA_D,        OSSL_PKEY_PARAM_RSA_FACTOR1,
                                        OSSL_PKEY_PARAM_RSA_FACTOR2,  OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
                                        OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2};
    return bn_params(key->pkey, out, names, 8);
}

int gnutls_x509_privkey_export_ecc_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                       gnutls_datum_t *y, gnutls_datum_t *k)
{
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(key->pkey);
    int ret = gnossl_pkey_ecc_raw(key->pkey, curve, x, y);
    if (ret < 0 || k == NULL)
        return ret;
    if (pk == GNUTLS_PK_EC)
        ret = gnossl_pkey_bn_datum(key->pkey, OSSL_PKEY_PARAM_PRIV_KEY, k);
    else {
        unsigned char raw[64];
        size_t len = sizeof raw;
        ret = EVP_PKEY_get_raw_private_key(key->pkey, raw, &len) ? gnossl_datum_set(k, raw, len)
                                                                   : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    if (ret < 0) {
        if (x) {
            gnutls_free(x->data);
            x->data = NULL;
        }
        if (y) {
            gnutls_free(y->data);
            y->data = NULL;
        }
    }
    return ret;
}

int gnutls_x509_privkey_export_dsa_raw(gnutls_x509_privkey_t key, gnutls_datum_t *p, gnutls_datum_t *q,
                                       gnutls_datum_t *g, gnutls_datum_t *y, gnutls_datum_t *x)
{
    if (key == NULL || key->pkey == NULL || gnossl_pkey_algorithm(key->pkey) != GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t *out[] = {p, q, g, y, x};
    static const char *const names[] = {OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_FFC_Q, OSSL_PKEY_PARAM_FFC_G,
                                        OSSL_PKEY_PARAM_PUB_KEY, OSSL_PKEY_PARAM_PRIV_KEY};
    return bn_params(key->pkey, out, names, 5);
}

gnutls_sec_param_t gnutls_x509_privkey_sec_param(gnutls_x509_privkey_t key)
{
    if (key == NULL || key->pkey == NULL)
        return GNUTLS_SEC_PARAM_UNKNOWN;
    return gnutls_pk_bits_to_sec_param(gnossl_pkey_algorithm(key->pkey), gnossl_pkey_bits(key->pkey));
}

void gnutls_x509_privkey_set_flags(gnutls_x509_privkey_t key, unsigned int flags)
{
    if (key)
        key->flags |= flags;
}

/* Keys are not generated from seeds here (no provable generation). */
int gnutls_x509_privkey_get_seed(gnutls_x509_privkey_t key, gnutls_digest_algorithm_t *digest, void *seed,
                                 size_t *seed_size)
{
    (void)digest;
    (void)seed;
    (void)seed_size;
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}
