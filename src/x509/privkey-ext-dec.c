/* RSA decryption of the external-key provider (privkey-ext-prov.c), for
 * TLS's RSA key exchange only: libssl asks for the premaster secret with
 * RSA_PKCS1_WITH_TLS_PADDING.  As GnuTLS does, the decrypt callback's
 * result is taken when it is 48 bytes, else a random secret (never an
 * error the peer could tell apart), and the version bytes are always the
 * client's (what the handshake then proves with its Finished messages). */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/privkey-ext-prov.h"

#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <string.h>

#define PREMASTER 48

struct decctx {
    struct gnossl_ext_keydata *k;
    unsigned client_version;
};

static void *dec_newctx(void *provctx)
{
    (void)provctx;
    return calloc(1, sizeof(struct decctx));
}

static void dec_freectx(void *vctx)
{
    free(vctx);
}

static int dec_set_params(void *vctx, const OSSL_PARAM params[])
{
    struct decctx *c = vctx;
    const OSSL_PARAM *p;
    int pad = RSA_PKCS1_WITH_TLS_PADDING;

    if ((p = OSSL_PARAM_locate_const(params, OSSL_ASYM_CIPHER_PARAM_PAD_MODE)) != NULL &&
        !OSSL_PARAM_get_int(p, &pad))
        return 0; /* (a name: no name stands for this padding) */
    if (pad != RSA_PKCS1_WITH_TLS_PADDING)
        return 0; /* nothing but the TLS premaster secret */
    if ((p = OSSL_PARAM_locate_const(params, OSSL_ASYM_CIPHER_PARAM_TLS_CLIENT_VERSION)) != NULL &&
        !OSSL_PARAM_get_uint(p, &c->client_version))
        return 0;
    return 1;
}

static const OSSL_PARAM *dec_settable_params(void *vctx, void *provctx)
{
    static const OSSL_PARAM settable[] = {OSSL_PARAM_utf8_string(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, NULL, 0),
                                          OSSL_PARAM_uint(OSSL_ASYM_CIPHER_PARAM_TLS_CLIENT_VERSION, NULL),
                                          OSSL_PARAM_uint(OSSL_ASYM_CIPHER_PARAM_TLS_NEGOTIATED_VERSION, NULL),
                                          OSSL_PARAM_END};
    (void)vctx;
    (void)provctx;
    return settable;
}

static int dec_init(void *vctx, void *provkey, const OSSL_PARAM params[])
{
    struct decctx *c = vctx;
    struct gnossl_ext_keydata *k = provkey;
    if (k == NULL || k->key == NULL || strcmp(k->type, "RSA") != 0)
        return 0;
    c->k = k;
    return dec_set_params(c, params);
}

static int dec_decrypt(void *vctx, unsigned char *out, size_t *outlen, size_t outsize, const unsigned char *in,
                       size_t inlen)
{
    struct decctx *c = vctx;
    gnutls_datum_t ct = {(unsigned char *)in, (unsigned)inlen}, pt = {NULL, 0};
    unsigned bits = 0;
    int ret;

    if (out == NULL) {
        *outlen = PREMASTER;
        return 1;
    }
    if (outsize < PREMASTER || c->client_version == 0 || RAND_bytes(out, PREMASTER) != 1)
        return 0;
    /* GnuTLS 3.7.9 asks the callback only of keys whose size it knows
     * (ext4 keys answering GNUTLS_PRIVKEY_INFO_PK_ALGO_BITS), for a
     * ciphertext of that size. */
    gnossl_privkey_ext_pk(c->k->key, &bits);
    if (bits != 0 && inlen == (bits + 7) / 8) {
        ret = gnossl_privkey_ext_decrypt(c->k->key, &ct, &pt);
        if (ret == 0 && pt.size == PREMASTER)
            memcpy(out, pt.data, PREMASTER);
        gnutls_free(pt.data);
    }
    out[0] = (unsigned char)(c->client_version >> 8);
    out[1] = (unsigned char)c->client_version;
    *outlen = PREMASTER;
    return 1;
}

const OSSL_DISPATCH gnossl_ext_dec_fns[] = {
    {OSSL_FUNC_ASYM_CIPHER_NEWCTX, (void (*)(void))dec_newctx},
    {OSSL_FUNC_ASYM_CIPHER_FREECTX, (void (*)(void))dec_freectx},
    {OSSL_FUNC_ASYM_CIPHER_DECRYPT_INIT, (void (*)(void))dec_init},
    {OSSL_FUNC_ASYM_CIPHER_DECRYPT, (void (*)(void))dec_decrypt},
    {OSSL_FUNC_ASYM_CIPHER_SET_CTX_PARAMS, (void (*)(void))dec_set_params},
    {OSSL_FUNC_ASYM_CIPHER_SETTABLE_CTX_PARAMS, (void (*)(void))dec_settable_params},
    {0, NULL}};
