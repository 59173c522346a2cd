/* gnutls_dh_params_t: finite-field DH parameters for DHE suites, held as an
 * OpenSSL EVP_PKEY of type DH. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include <stdlib.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

struct gnutls_dh_params_int {
    EVP_PKEY *pkey;
};

EVP_PKEY *gnossl_dh_params_pkey(gnutls_dh_params_t p)
{
    if (p == NULL || p->pkey == NULL)
        return NULL;
    EVP_PKEY_up_ref(p->pkey);
    return p->pkey;
}

int gnutls_dh_params_init(gnutls_dh_params_t *dh_params)
{
    if (dh_params == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *dh_params = calloc(1, sizeof(**dh_params));
    return *dh_params == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_dh_params_deinit(gnutls_dh_params_t dh_params)
{
    if (dh_params == NULL)
        return;
    EVP_PKEY_free(dh_params->pkey);
    free(dh_params);
}

static void set_pkey(gnutls_dh_params_t p, EVP_PKEY *pk)
{
    EVP_PKEY_free(p->pkey);
    p->pkey = pk;
}

int gnutls_dh_params_cpy(gnutls_dh_params_t dst, gnutls_dh_params_t src)
{
    if (dst == NULL || src == NULL || src->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* Parameters are immutable once imported: sharing is a copy. */
    EVP_PKEY_up_ref(src->pkey);
    set_pkey(dst, src->pkey);
    return 0;
}

int gnutls_dh_params_import_pkcs3(gnutls_dh_params_t params, const gnutls_datum_t *pkcs3_params,
                                  gnutls_x509_crt_fmt_t format)
{
    EVP_PKEY *pk = NULL;

    if (params == NULL || pkcs3_params == NULL || pkcs3_params->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ERR_set_mark();
    if (format == GNUTLS_X509_FMT_PEM) {
        BIO *bio = BIO_new_mem_buf(pkcs3_params->data, (int)pkcs3_params->size);
        if (bio != NULL)
            pk = PEM_read_bio_Parameters(bio, NULL);
        BIO_free(bio);
    } else {
        const unsigned char *p = pkcs3_params->data;
        pk = d2i_KeyParams(EVP_PKEY_DH, NULL, &p, (long)pkcs3_params->size);
    }
    ERR_pop_to_mark();
    if (pk == NULL || EVP_PKEY_get_base_id(pk) != EVP_PKEY_DH) {
        EVP_PKEY_free(pk);
        return GNOSSL_ERR(format == GNUTLS_X509_FMT_PEM ? GNUTLS_E_BASE64_DECODING_ERROR
                                                          : GNUTLS_E_ASN1_DER_ERROR);
    }
    set_pkey(params, pk);
    return 0;
}

static int import_raw(gnutls_dh_params_t params, const gnutls_datum_t *prime, const gnutls_datum_t *q,
                      const gnutls_datum_t *generator)
{
    OSSL_PARAM_BLD *bld;
    OSSL_PARAM *ps = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    EVP_PKEY *pk = NULL;
    BIGNUM *bp, *bg, *bq = NULL;
    int ok = 0;

    if (params == NULL || prime == NULL || generator == NULL || prime->data == NULL || generator->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    bp = BN_bin2bn(prime->data, (int)prime->size, NULL);
    bg = BN_bin2bn(generator->data, (int)generator->size, NULL);
    if (q != NULL && q->data != NULL)
        bq = BN_bin2bn(q->data, (int)q->size, NULL);
    bld = OSSL_PARAM_BLD_new();
    ERR_set_mark();
    if (bp != NULL && bg != NULL && bld != NULL && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, bp) &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, bg) &&
        (bq == NULL || OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_Q, bq)) &&
        (ps = OSSL_PARAM_BLD_to_param(bld)) != NULL &&
        (ctx = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL)) != NULL && EVP_PKEY_fromdata_init(ctx) == 1 &&
        EVP_PKEY_fromdata(ctx, &pk, EVP_PKEY_KEY_PARAMETERS, ps) == 1)
        ok = 1;
    ERR_pop_to_mark();
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(ps);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bp);
    BN_free(bg);
    BN_free(bq);
    if (!ok) {
        EVP_PKEY_free(pk);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    set_pkey(params, pk);
    return 0;
}

int gnutls_dh_params_import_raw(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                const gnutls_datum_t *generator)
{
    return import_raw(dh_params, prime, NULL, generator);
}

int gnutls_dh_params_import_raw2(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                 const gnutls_datum_t *generator, unsigned key_bits)
{
    (void)key_bits;
    return import_raw(dh_params, prime, NULL, generator);
}

int gnutls_dh_params_import_raw3(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                 const gnutls_datum_t *q, const gnutls_datum_t *generator)
{
    return import_raw(dh_params, prime, q, generator);
}

/* Generating fresh DH parameters takes minutes and buys nothing over the
 * RFC 7919 groups, so the smallest named group of at least `bits` is used. */
int gnutls_dh_params_generate2(gnutls_dh_params_t params, unsigned int bits)
{
    const char *group = bits <= 2048 ? "ffdhe2048" : bits <= 3072 ? "ffdhe3072" : bits <= 4096 ? "ffdhe4096"
                                                 : bits <= 6144 ? "ffdhe6144" : "ffdhe8192";
    OSSL_PARAM ps[2];
    EVP_PKEY_CTX *ctx;
    EVP_PKEY *pk = NULL;
    int ok = 0;

    if (params == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ps[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)group, 0);
    ps[1] = OSSL_PARAM_construct_end();
    ERR_set_mark();
    ctx = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
    if (ctx != NULL && EVP_PKEY_paramgen_init(ctx) == 1 && EVP_PKEY_CTX_set_params(ctx, ps) == 1 &&
        EVP_PKEY_paramgen(ctx, &pk) == 1)
        ok = 1;
    ERR_pop_to_mark();
    EVP_PKEY_CTX_free(ctx);
    if (!ok) {
        EVP_PKEY_free(pk);
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    set_pkey(params, pk);
    return 0;
}

/* ---- DH parameters on certificate credentials ---- */

void gnutls_certificate_set_dh_params(gnutls_certificate_credentials_t res, gnutls_dh_params_t dh_params)
{
    EVP_PKEY *pk;

    if (res == NULL)
        return;
    pk = gnossl_dh_params_pkey(dh_params);
    pthread_mutex_lock(&res->lock);
    EVP_PKEY_free(res->dh);
    res->dh = pk;
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
}

int gnutls_certificate_set_known_dh_params(gnutls_certificate_credentials_t res, gnutls_sec_param_t sec_param)
{
    (void)sec_param;
    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    EVP_PKEY_free(res->dh);
    res->dh = NULL; /* OpenSSL picks an RFC 7919 group matching the key size */
    res->dh_auto = 1;
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
    return 0;
}
