/* gnutls_dh_params_t: finite-field DH parameters for DHE suites, held as an
 * OpenSSL EVP_PKEY of type DH. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/cred.h"
#include "tls/session.h"
#include "x509/x509.h"
#include <stdlib.h>
#include <string.h>
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

static int import_raw(gnutls_dh_params_t params, const gnutls_datum_t *prime, const gnutls_datum_t *q,
                      const gnutls_datum_t *generator, unsigned key_bits);
static int bn_param(EVP_PKEY *pk, const char *name, gnutls_datum_t *out);

/* The optional privateValueLength of a PKCS#3 DHParameter (0 if absent). */
static unsigned pkcs3_priv_len(const unsigned char *der, long len)
{
    const unsigned char *p = der;
    STACK_OF(ASN1_TYPE) *seq = d2i_ASN1_SEQUENCE_ANY(NULL, &p, len);
    unsigned out = 0;

    if (seq != NULL && sk_ASN1_TYPE_num(seq) >= 3) {
        ASN1_TYPE *t = sk_ASN1_TYPE_value(seq, 2);
        long v = t->type == V_ASN1_INTEGER ? ASN1_INTEGER_get(t->value.integer) : 0;
        out = v > 0 ? (unsigned)v : 0;
    }
    sk_ASN1_TYPE_pop_free(seq, ASN1_TYPE_free);
    return out;
}

int gnutls_dh_params_import_pkcs3(gnutls_dh_params_t params, const gnutls_datum_t *pkcs3_params,
                                  gnutls_x509_crt_fmt_t format)
{
    unsigned char *pem_der = NULL;
    const unsigned char *der, *p;
    long der_len = 0;
    EVP_PKEY *pk = NULL;
    gnutls_datum_t prime = {NULL, 0}, gen = {NULL, 0};
    int ret;

    /* empty DER is a decoding error, as in GnuTLS */
    if (params == NULL || pkcs3_params == NULL || (pkcs3_params->data == NULL && pkcs3_params->size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ERR_set_mark();
    if (format == GNUTLS_X509_FMT_PEM) {
        BIO *bio = BIO_new_mem_buf(pkcs3_params->data, (int)pkcs3_params->size);
        char *name = NULL;
        if (bio == NULL || !PEM_bytes_read_bio(&pem_der, &der_len, &name, PEM_STRING_DHPARAMS, bio, NULL, NULL)) {
            BIO_free(bio);
            ERR_pop_to_mark();
            /* GnuTLS: no PEM header found */
            return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
        }
        OPENSSL_free(name);
        BIO_free(bio);
        der = pem_der;
    } else {
        der = pkcs3_params->data;
        der_len = (long)pkcs3_params->size;
    }
    p = der;
    pk = d2i_KeyParams(EVP_PKEY_DH, NULL, &p, der_len);
    ERR_pop_to_mark();
    if (pk == NULL || EVP_PKEY_get_base_id(pk) != EVP_PKEY_DH) {
        EVP_PKEY_free(pk);
        OPENSSL_free(pem_der);
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    }
    /* Rebuilt from (p, g, length): the decoder does not keep the length. */
    ret = bn_param(pk, OSSL_PKEY_PARAM_FFC_P, &prime);
    if (ret == 0)
        ret = bn_param(pk, OSSL_PKEY_PARAM_FFC_G, &gen);
    if (ret == 0)
        ret = import_raw(params, &prime, NULL, &gen, pkcs3_priv_len(der, der_len));
    gnutls_free(prime.data);
    gnutls_free(gen.data);
    EVP_PKEY_free(pk);
    OPENSSL_free(pem_der);
    return ret;
}

static int import_raw(gnutls_dh_params_t params, const gnutls_datum_t *prime, const gnutls_datum_t *q,
                      const gnutls_datum_t *generator, unsigned key_bits)
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
        (key_bits == 0 || OSSL_PARAM_BLD_push_int(bld, OSSL_PKEY_PARAM_DH_PRIV_LEN, (int)key_bits)) &&
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
    return import_raw(dh_params, prime, NULL, generator, 0);
}

int gnutls_dh_params_import_raw2(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                 const gnutls_datum_t *generator, unsigned key_bits)
{
    return import_raw(dh_params, prime, NULL, generator, key_bits);
}

int gnutls_dh_params_import_raw3(gnutls_dh_params_t dh_params, const gnutls_datum_t *prime,
                                 const gnutls_datum_t *q, const gnutls_datum_t *generator)
{
    return import_raw(dh_params, prime, q, generator, 0);
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

/* ---- export ---- */

int gnutls_dh_params_export2_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    unsigned char *der = NULL;
    int len, ret;

    if (params == NULL || params->pkey == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    len = i2d_KeyParams(params->pkey, &der);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    if (format == GNUTLS_X509_FMT_PEM)
        ret = gnossl_pem_encode("DH PARAMETERS", der, (size_t)len, out);
    else
        ret = gnossl_datum_set(out, der, (size_t)len);
    OPENSSL_free(der);
    return ret;
}

/* GnuTLS's rule here: room for the data plus a NUL, else -51 with the
 * size needed (NUL included); on success the size without the NUL. */
int gnutls_dh_params_export_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format,
                                  unsigned char *params_data, size_t *params_data_size)
{
    gnutls_datum_t out;
    int ret;

    if (params_data_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_dh_params_export2_pkcs3(params, format, &out);
    if (ret < 0)
        return ret;
    if (params_data == NULL || *params_data_size < (size_t)out.size + 1) {
        *params_data_size = (size_t)out.size + 1;
        gnutls_free(out.data);
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    memcpy(params_data, out.data, out.size);
    params_data[out.size] = 0;
    *params_data_size = out.size;
    gnutls_free(out.data);
    return 0;
}

static int bn_param(EVP_PKEY *pk, const char *name, gnutls_datum_t *out)
{
    BIGNUM *bn = NULL;
    int n, ret;

    if (!EVP_PKEY_get_bn_param(pk, name, &bn))
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    n = BN_num_bytes(bn);
    out->data = gnutls_malloc((size_t)(n > 0 ? n : 1));
    if (out->data == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    } else {
        out->size = (unsigned)BN_bn2bin(bn, out->data);
        ret = 0;
    }
    BN_free(bn);
    return ret;
}

int gnutls_dh_params_export_raw(gnutls_dh_params_t params, gnutls_datum_t *prime, gnutls_datum_t *generator,
                                unsigned int *bits)
{
    int ret, priv_len = 0;

    if (params == NULL || params->pkey == NULL || prime == NULL || generator == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = bn_param(params->pkey, OSSL_PKEY_PARAM_FFC_P, prime);
    if (ret < 0)
        return ret;
    ret = bn_param(params->pkey, OSSL_PKEY_PARAM_FFC_G, generator);
    if (ret < 0) {
        gnutls_free(prime->data);
        prime->data = NULL;
        return ret;
    }
    if (bits != NULL) {
        /* the private-value length recorded with the parameters, 0 if none */
        if (!EVP_PKEY_get_int_param(params->pkey, OSSL_PKEY_PARAM_DH_PRIV_LEN, &priv_len) || priv_len < 0)
            priv_len = 0;
        *bits = (unsigned)priv_len;
    }
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
    res->dh_sec_param = gnossl_dh_sec_param_of(pk);
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
}

/* The group itself is picked per session from the priorities (dh-select.c). */
int gnutls_certificate_set_known_dh_params(gnutls_certificate_credentials_t res, gnutls_sec_param_t sec_param)
{
    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    res->dh_sec_param = sec_param;
    pthread_mutex_unlock(&res->lock);
    return 0;
}

unsigned gnossl_dh_sec_param_of(EVP_PKEY *dh)
{
    return dh != NULL ? gnutls_pk_bits_to_sec_param(GNUTLS_PK_DH, (unsigned)EVP_PKEY_get_bits(dh)) : 0;
}

unsigned gnossl_cred_dh_settings(gnutls_session_t s, EVP_PKEY **dh, int *has_fn)
{
    gnutls_certificate_credentials_t c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    void *psk = gnossl_session_get_cred(s, GNUTLS_CRD_PSK), *anon = gnossl_session_get_cred(s, GNUTLS_CRD_ANON);
    unsigned sec[3] = {0, 0, 0}, i, ret = 0;
    EVP_PKEY *k[3] = {NULL, NULL, NULL};
    int fn[3] = {0, 0, 0};

    if (c != NULL) {
        pthread_mutex_lock(&c->lock);
        sec[0] = c->dh_sec_param;
        if ((k[0] = c->dh) != NULL)
            EVP_PKEY_up_ref(k[0]);
        fn[0] = c->params_fn != NULL;
        pthread_mutex_unlock(&c->lock);
    }
    if (psk != NULL)
        sec[1] = gnossl_psk_dh_settings(psk, &k[1], &fn[1]);
    if (anon != NULL)
        sec[2] = gnossl_anon_dh_settings(anon, &k[2], &fn[2]);
    *dh = NULL;
    *has_fn = fn[0] || fn[1] || fn[2];
    for (i = 0; i < 3; i++) {
        if (ret == 0)
            ret = sec[i];
        if (*dh == NULL)
            *dh = k[i];
        else
            EVP_PKEY_free(k[i]);
    }
    return ret;
}
