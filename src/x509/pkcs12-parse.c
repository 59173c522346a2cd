/* gnutls_pkcs12_simple_parse: the first private key of the file, the
 * certificate whose key ID matches it, its issuers found among the other
 * certificates (self-signed ones only with
 * GNUTLS_PKCS12_SP_INCLUDE_SELF_SIGNED), the remaining certificates and
 * the first CRL -- GnuTLS's algorithm, over the public bag API. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <string.h>

static int self_signed(gnutls_x509_crt_t c)
{
    return gnutls_x509_crt_check_issuer(c, c) != 0;
}

/* Append issuers of the chain's last certificate taken from extra. */
static void make_chain(gnutls_x509_crt_t **chain, unsigned *chain_len, gnutls_x509_crt_t **extra,
                       unsigned *extra_len, unsigned flags)
{
    for (;;) {
        gnutls_x509_crt_t last = (*chain)[*chain_len - 1];
        if (self_signed(last))
            return;
        unsigned i;
        for (i = 0; i < *extra_len; i++)
            if (gnutls_x509_crt_check_issuer(last, (*extra)[i]))
                break;
        if (i == *extra_len)
            return;
        if (!(flags & GNUTLS_PKCS12_SP_INCLUDE_SELF_SIGNED) && self_signed((*extra)[i]))
            return;
        gnutls_x509_crt_t *grown = gnutls_realloc(*chain, (*chain_len + 1) * sizeof(**chain));
        if (grown == NULL)
            return;
        *chain = grown;
        (*chain)[(*chain_len)++] = (*extra)[i];
        memmove(&(*extra)[i], &(*extra)[i + 1], (*extra_len - i - 1) * sizeof(**extra));
        (*extra_len)--;
    }
}

/* Calls fn for every element of every bag, decrypting encrypted bags. */
typedef int (*elem_fn)(void *ctx, gnutls_pkcs12_bag_type_t type, const gnutls_datum_t *data);

static int walk(gnutls_pkcs12_t p12, const char *password, elem_fn fn, void *ctx)
{
    for (int idx = 0;; idx++) {
        gnutls_pkcs12_bag_t bag;
        int ret = gnutls_pkcs12_bag_init(&bag);
        if (ret < 0)
            return ret;
        ret = gnutls_pkcs12_get_bag(p12, idx, bag);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) {
            gnutls_pkcs12_bag_deinit(bag);
            return 0;
        }
        if (ret >= 0 && gnutls_pkcs12_bag_get_type(bag, 0) == GNUTLS_BAG_ENCRYPTED) {
            ret = password ? gnutls_pkcs12_bag_decrypt(bag, password) : GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
        }
        int n = ret >= 0 ? gnutls_pkcs12_bag_get_count(bag) : 0;
        for (int i = 0; ret >= 0 && i < n; i++) {
            gnutls_datum_t d;
            int type = gnutls_pkcs12_bag_get_type(bag, (unsigned)i);
            ret = type >= 0 ? gnutls_pkcs12_bag_get_data(bag, (unsigned)i, &d) : type;
            if (ret >= 0)
                ret = fn(ctx, type, &d);
        }
        gnutls_pkcs12_bag_deinit(bag);
        if (ret < 0)
            return ret;
    }
}

struct parse_ctx {
    const char *password;
    gnutls_x509_privkey_t key;
    unsigned char key_id[64];
    size_t key_id_size;
    gnutls_x509_crt_t *chain;
    unsigned chain_len;
    gnutls_x509_crt_t *extra;
    unsigned extra_len;
    int want_extra;
    gnutls_x509_crl_t *crl;
};

static int find_key(void *vctx, gnutls_pkcs12_bag_type_t type, const gnutls_datum_t *data)
{
    struct parse_ctx *ctx = vctx;
    if ((type != GNUTLS_BAG_PKCS8_KEY && type != GNUTLS_BAG_PKCS8_ENCRYPTED_KEY) || ctx->key)
        return 0;
    if (type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY && ctx->password == NULL)
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    int ret = gnutls_x509_privkey_init(&ctx->key);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_privkey_import_pkcs8(ctx->key, data, GNUTLS_X509_FMT_DER, ctx->password,
                                           type == GNUTLS_BAG_PKCS8_KEY ? GNUTLS_PKCS_PLAIN : 0);
    if (ret >= 0) {
        ctx->key_id_size = sizeof ctx->key_id;
        ret = gnutls_x509_privkey_get_key_id(ctx->key, 0, ctx->key_id, &ctx->key_id_size);
    }
    if (ret < 0) {
        gnutls_x509_privkey_deinit(ctx->key);
        ctx->key = NULL;
    }
    return ret;
}

static int add_crt(gnutls_x509_crt_t **list, unsigned *len, gnutls_x509_crt_t c)
{
    gnutls_x509_crt_t *grown = gnutls_realloc(*list, (*len + 1) * sizeof(**list));
    if (grown == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    *list = grown;
    grown[(*len)++] = c;
    return 0;
}

static int find_certs(void *vctx, gnutls_pkcs12_bag_type_t type, const gnutls_datum_t *data)
{
    struct parse_ctx *ctx = vctx;
    int ret;
    if (type == GNUTLS_BAG_CRL) {
        if (ctx->crl == NULL || *ctx->crl != NULL)
            return 0;
        ret = gnutls_x509_crl_init(ctx->crl);
        if (ret >= 0)
            ret = gnutls_x509_crl_import(*ctx->crl, data, GNUTLS_X509_FMT_DER);
        if (ret < 0) {
            gnutls_x509_crl_deinit(*ctx->crl);
            *ctx->crl = NULL;
        }
        return ret;
    }
    if (type != GNUTLS_BAG_CERTIFICATE)
        return 0;
    gnutls_x509_crt_t c;
    ret = gnutls_x509_crt_init(&c);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_crt_import(c, data, GNUTLS_X509_FMT_DER);
    if (ret < 0) {
        gnutls_x509_crt_deinit(c);
        return ret;
    }
    unsigned char id[64];
    size_t idl = sizeof id;
    int match = ctx->chain_len == 0 && gnutls_x509_crt_get_key_id(c, 0, id, &idl) >= 0 &&
                idl == ctx->key_id_size && memcmp(id, ctx->key_id, idl) == 0;
    if (match)
        ret = add_crt(&ctx->chain, &ctx->chain_len, c);
    else if (ctx->want_extra)
        ret = add_crt(&ctx->extra, &ctx->extra_len, c);
    else {
        gnutls_x509_crt_deinit(c);
        ret = 0;
    }
    if (ret < 0)
        gnutls_x509_crt_deinit(c);
    return ret;
}

int gnutls_pkcs12_simple_parse(gnutls_pkcs12_t p12, const char *password, gnutls_x509_privkey_t *key,
                               gnutls_x509_crt_t **chain, unsigned int *chain_len,
                               gnutls_x509_crt_t **extra_certs, unsigned int *extra_certs_len,
                               gnutls_x509_crl_t *crl, unsigned int flags)
{
    struct parse_ctx ctx;
    if (p12 == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    memset(&ctx, 0, sizeof ctx);
    ctx.password = password;
    /* every other certificate is a chain candidate, wanted or not */
    ctx.want_extra = 1;
    ctx.crl = crl;
    *key = NULL;
    if (crl)
        *crl = NULL;

    int ret = walk(p12, password, find_key, &ctx);
    if (ret >= 0 && ctx.key == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    if (ret >= 0)
        ret = walk(p12, password, find_certs, &ctx);
    if (ret >= 0 && chain && ctx.chain_len == 0)
        ret = GNOSSL_ERR(GNUTLS_E_NO_CERTIFICATE_FOUND);
    if (ret < 0)
        goto fail;

    if (ctx.chain_len)
        make_chain(&ctx.chain, &ctx.chain_len, &ctx.extra, &ctx.extra_len, flags);
    if (chain) {
        *chain = ctx.chain;
        *chain_len = ctx.chain_len;
    } else {
        for (unsigned i = 0; i < ctx.chain_len; i++)
            gnutls_x509_crt_deinit(ctx.chain[i]);
        gnutls_free(ctx.chain);
    }
    if (extra_certs) {
        if (ctx.extra_len == 0) {
            gnutls_free(ctx.extra);
            ctx.extra = NULL;
        }
        *extra_certs = ctx.extra;
        *extra_certs_len = ctx.extra_len;
    } else {
        for (unsigned i = 0; i < ctx.extra_len; i++)
            gnutls_x509_crt_deinit(ctx.extra[i]);
        gnutls_free(ctx.extra);
    }
    *key = ctx.key;
    return 0;

fail:
    if (ctx.key)
        gnutls_x509_privkey_deinit(ctx.key);
    for (unsigned i = 0; i < ctx.chain_len; i++)
        gnutls_x509_crt_deinit(ctx.chain[i]);
    gnutls_free(ctx.chain);
    for (unsigned i = 0; i < ctx.extra_len; i++)
        gnutls_x509_crt_deinit(ctx.extra[i]);
    gnutls_free(ctx.extra);
    if (crl && *crl) {
        gnutls_x509_crl_deinit(*crl);
        *crl = NULL;
    }
    return ret;
}
