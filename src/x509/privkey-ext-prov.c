/* An EVP_PKEY that signs through an external key's callbacks, for libssl.
 * OpenSSL pads RSA-PSS itself and then wants a raw RSA operation, which
 * GnuTLS's callbacks do not offer (they take a hash and a signature
 * algorithm); a provider's signature operation instead gets the digest
 * name, the padding and the data, so the callbacks get what GnuTLS gives
 * them.  The provider lives in a private OSSL_LIB_CTX, so that no fetch by
 * anyone else can land on it; its keys carry their public half as an
 * ordinary key, which answers every parameter query (size, bits, curve).
 * Keys are RSA, EC, Ed25519 and Ed448; signing is in privkey-ext-sig.c,
 * the RSA key exchange's decryption in privkey-ext-dec.c. */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/privkey-ext-prov.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PARAM_KEY "gnossl-ext-key" /* octet pointer: the gnutls_privkey_t */
#define PARAM_PUB "gnossl-ext-pub" /* octet pointer: the EVP_PKEY public half */
#define PARAM_OWN "gnossl-ext-own" /* int: the key is ours to deinitialise */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static OSSL_LIB_CTX *libctx;

static void *key_new(const char *type)
{
    struct gnossl_ext_keydata *k = calloc(1, sizeof *k);
    if (k != NULL)
        k->type = type;
    return k;
}

static void *rsa_new(void *provctx)
{
    (void)provctx;
    return key_new("RSA");
}

static void *ec_new(void *provctx)
{
    (void)provctx;
    return key_new("EC");
}

static void *ed25519_new(void *provctx)
{
    (void)provctx;
    return key_new("ED25519");
}

static void *ed448_new(void *provctx)
{
    (void)provctx;
    return key_new("ED448");
}

static void key_free(void *keydata)
{
    struct gnossl_ext_keydata *k = keydata;
    if (k != NULL) {
        EVP_PKEY_free(k->pub);
        if (k->owned)
            gnutls_privkey_deinit(k->key);
    }
    free(k);
}

static int key_has(const void *keydata, int selection)
{
    const struct gnossl_ext_keydata *k = keydata;
    if (k == NULL || k->pub == NULL)
        return 0;
    return (selection & OSSL_KEYMGMT_SELECT_PRIVATE_KEY) == 0 || k->key != NULL;
}

static int key_match(const void *a, const void *b, int selection)
{
    const struct gnossl_ext_keydata *x = a, *y = b;
    (void)selection; /* the public halves decide: the private one is not here */
    return x->pub != NULL && y->pub != NULL && EVP_PKEY_eq(x->pub, y->pub) == 1;
}

/* From gnossl_privkey_ext_evp (our two pointers), or the public parameters
 * of another provider's key being compared with ours (EVP_PKEY_eq). */
static int key_import(void *keydata, int selection, const OSSL_PARAM params[])
{
    struct gnossl_ext_keydata *k = keydata;
    const OSSL_PARAM *pk = OSSL_PARAM_locate_const(params, PARAM_KEY);
    const OSSL_PARAM *pp = OSSL_PARAM_locate_const(params, PARAM_PUB);
    EVP_PKEY_CTX *ctx;
    void *ptr = NULL;
    size_t len;

    (void)selection;
    if (k == NULL || k->pub != NULL)
        return 0;
    if (pk != NULL && pp != NULL) {
        if (!OSSL_PARAM_get_octet_ptr(pk, (const void **)&ptr, &len) || ptr == NULL)
            return 0;
        k->key = ptr;
        if (!OSSL_PARAM_get_octet_ptr(pp, (const void **)&ptr, &len) || ptr == NULL)
            return 0;
        k->pub = ptr;
        if (!EVP_PKEY_up_ref(k->pub)) {
            k->pub = NULL;
            return 0;
        }
        pk = OSSL_PARAM_locate_const(params, PARAM_OWN);
        return pk == NULL || OSSL_PARAM_get_int(pk, &k->owned);
    }
    ctx = EVP_PKEY_CTX_new_from_name(NULL, k->type, NULL);
    if (ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 ||
        EVP_PKEY_fromdata(ctx, &k->pub, EVP_PKEY_PUBLIC_KEY, (OSSL_PARAM *)params) <= 0)
        k->pub = NULL;
    EVP_PKEY_CTX_free(ctx);
    return k->pub != NULL;
}

static const OSSL_PARAM *rsa_import_types(int selection)
{
    static const OSSL_PARAM types[] = {OSSL_PARAM_BN(OSSL_PKEY_PARAM_RSA_N, NULL, 0),
                                       OSSL_PARAM_BN(OSSL_PKEY_PARAM_RSA_E, NULL, 0), OSSL_PARAM_END};
    (void)selection;
    return types;
}

static const OSSL_PARAM *ec_import_types(int selection)
{
    static const OSSL_PARAM types[] = {OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, NULL, 0),
                                       OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_PUB_KEY, NULL, 0), OSSL_PARAM_END};
    (void)selection;
    return types;
}

static const OSSL_PARAM *ed_import_types(int selection)
{
    static const OSSL_PARAM types[] = {OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_PUB_KEY, NULL, 0), OSSL_PARAM_END};
    (void)selection;
    return types;
}

static int key_get_params(void *keydata, OSSL_PARAM params[])
{
    struct gnossl_ext_keydata *k = keydata;
    return k != NULL && k->pub != NULL && EVP_PKEY_get_params(k->pub, params);
}

static const OSSL_PARAM *key_gettable_params(void *provctx)
{
    static const OSSL_PARAM gettable[] = {
        OSSL_PARAM_int(OSSL_PKEY_PARAM_BITS, NULL),
        OSSL_PARAM_int(OSSL_PKEY_PARAM_SECURITY_BITS, NULL),
        OSSL_PARAM_int(OSSL_PKEY_PARAM_MAX_SIZE, NULL),
        OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_DEFAULT_DIGEST, NULL, 0),
        OSSL_PARAM_BN(OSSL_PKEY_PARAM_RSA_N, NULL, 0),
        OSSL_PARAM_BN(OSSL_PKEY_PARAM_RSA_E, NULL, 0),
        OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, NULL, 0),
        OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_PUB_KEY, NULL, 0),
        OSSL_PARAM_octet_string(OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, NULL, 0),
        OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, NULL, 0),
        OSSL_PARAM_END};
    (void)provctx;
    return gettable;
}

static const char *rsa_operation(int op)
{
    return op == OSSL_OP_SIGNATURE || op == OSSL_OP_ASYM_CIPHER ? "RSA" : NULL;
}

static const char *ec_operation(int op)
{
    return op == OSSL_OP_SIGNATURE ? "ECDSA" : NULL;
}

static const char *ed25519_operation(int op)
{
    return op == OSSL_OP_SIGNATURE ? "ED25519" : NULL;
}

static const char *ed448_operation(int op)
{
    return op == OSSL_OP_SIGNATURE ? "ED448" : NULL;
}

#define KEYMGMT_FNS(new_fn, types_fn, op_fn)                                                               \
    {                                                                                                      \
        {OSSL_FUNC_KEYMGMT_NEW, (void (*)(void))new_fn}, {OSSL_FUNC_KEYMGMT_FREE, (void (*)(void))key_free}, \
            {OSSL_FUNC_KEYMGMT_HAS, (void (*)(void))key_has},                                              \
            {OSSL_FUNC_KEYMGMT_MATCH, (void (*)(void))key_match},                                          \
            {OSSL_FUNC_KEYMGMT_IMPORT, (void (*)(void))key_import},                                        \
            {OSSL_FUNC_KEYMGMT_IMPORT_TYPES, (void (*)(void))types_fn},                                    \
            {OSSL_FUNC_KEYMGMT_GET_PARAMS, (void (*)(void))key_get_params},                                \
            {OSSL_FUNC_KEYMGMT_GETTABLE_PARAMS, (void (*)(void))key_gettable_params},                      \
            {OSSL_FUNC_KEYMGMT_QUERY_OPERATION_NAME, (void (*)(void))op_fn}, {0, NULL}                     \
    }

/* No export: libssl's first try, moving the key to the default provider,
 * must fail so that it signs with ours. */
static const OSSL_DISPATCH rsa_keymgmt[] = KEYMGMT_FNS(rsa_new, rsa_import_types, rsa_operation);
static const OSSL_DISPATCH ec_keymgmt[] = KEYMGMT_FNS(ec_new, ec_import_types, ec_operation);
static const OSSL_DISPATCH ed25519_keymgmt[] = KEYMGMT_FNS(ed25519_new, ed_import_types, ed25519_operation);
static const OSSL_DISPATCH ed448_keymgmt[] = KEYMGMT_FNS(ed448_new, ed_import_types, ed448_operation);

static const OSSL_ALGORITHM keymgmts[] = {
    {"RSA:rsaEncryption:1.2.840.113549.1.1.1", "provider=gnossl-ext", rsa_keymgmt, NULL},
    {"EC:id-ecPublicKey:1.2.840.10045.2.1", "provider=gnossl-ext", ec_keymgmt, NULL},
    {"ED25519:1.3.101.112", "provider=gnossl-ext", ed25519_keymgmt, NULL},
    {"ED448:1.3.101.113", "provider=gnossl-ext", ed448_keymgmt, NULL},
    {NULL, NULL, NULL, NULL}};

static const OSSL_ALGORITHM signatures[] = {
    {"RSA:rsaEncryption:1.2.840.113549.1.1.1", "provider=gnossl-ext", gnossl_ext_sig_fns, NULL},
    {"ECDSA", "provider=gnossl-ext", gnossl_ext_sig_fns, NULL},
    {"ED25519:1.3.101.112", "provider=gnossl-ext", gnossl_ext_sig_fns, NULL},
    {"ED448:1.3.101.113", "provider=gnossl-ext", gnossl_ext_sig_fns, NULL},
    {NULL, NULL, NULL, NULL}};

static const OSSL_ALGORITHM ciphers[] = {
    {"RSA:rsaEncryption:1.2.840.113549.1.1.1", "provider=gnossl-ext", gnossl_ext_dec_fns, NULL},
    {NULL, NULL, NULL, NULL}};

static const OSSL_ALGORITHM *query(void *provctx, int op, int *no_cache)
{
    (void)provctx;
    *no_cache = 0;
    return op == OSSL_OP_KEYMGMT ? keymgmts : op == OSSL_OP_SIGNATURE ? signatures : op == OSSL_OP_ASYM_CIPHER ? ciphers : NULL;
}

static int prov_init(const OSSL_CORE_HANDLE *handle, const OSSL_DISPATCH *in, const OSSL_DISPATCH **out,
                     void **provctx)
{
    static const OSSL_DISPATCH fns[] = {{OSSL_FUNC_PROVIDER_QUERY_OPERATION, (void (*)(void))query}, {0, NULL}};
    (void)in;
    *out = fns;
    *provctx = (void *)handle;
    return 1;
}

static void init(void)
{
    OSSL_LIB_CTX *ctx = OSSL_LIB_CTX_new();
    if (ctx == NULL)
        return;
    if (!OSSL_PROVIDER_add_builtin(ctx, "gnossl-ext", prov_init) || OSSL_PROVIDER_load(ctx, "gnossl-ext") == NULL) {
        OSSL_LIB_CTX_free(ctx);
        ERR_clear_error();
        return;
    }
    libctx = ctx;
}

static EVP_PKEY *proxy(gnutls_privkey_t key, EVP_PKEY *pub, int own)
{
    const char *type;
    EVP_PKEY_CTX *ctx;
    EVP_PKEY *out = NULL;
    OSSL_PARAM params[4];

    if (key == NULL || key->ext == NULL || pub == NULL)
        return NULL;
    switch (EVP_PKEY_get_base_id(pub)) {
    case EVP_PKEY_RSA:
        type = "RSA";
        break;
    case EVP_PKEY_EC:
        type = "EC";
        break;
    case EVP_PKEY_ED25519:
        type = "ED25519";
        break;
    case EVP_PKEY_ED448:
        type = "ED448";
        break;
    default:
        return NULL;
    }
    pthread_once(&once, init);
    if (libctx == NULL)
        return NULL;
    params[0] = OSSL_PARAM_construct_octet_ptr(PARAM_KEY, (void **)&key, 0);
    params[1] = OSSL_PARAM_construct_octet_ptr(PARAM_PUB, (void **)&pub, 0);
    params[2] = OSSL_PARAM_construct_int(PARAM_OWN, &own);
    params[3] = OSSL_PARAM_construct_end();
    ctx = EVP_PKEY_CTX_new_from_name(libctx, type, NULL);
    if (ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 || EVP_PKEY_fromdata(ctx, &out, EVP_PKEY_KEYPAIR, params) <= 0)
        out = NULL;
    EVP_PKEY_CTX_free(ctx);
    return out;
}

/* The proxy holds a pointer to `key`: it must not outlive it. */
EVP_PKEY *gnossl_privkey_ext_evp(gnutls_privkey_t key, EVP_PKEY *pub)
{
    return proxy(key, pub, 0);
}

/* The same, owning the key: the last reference's release deinitialises
 * it (a key the application handed over for the session). */
EVP_PKEY *gnossl_privkey_ext_evp_own(gnutls_privkey_t key, EVP_PKEY *pub)
{
    return proxy(key, pub, 1);
}
