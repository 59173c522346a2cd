/* Signatures of the external-key provider (privkey-ext-prov.c): hash what
 * libssl signs, then hand the callbacks what GnuTLS hands them in TLS
 * (gnossl_privkey_ext_sign): RSA-PSS as GNUTLS_SIGN_RSA_PSS_RSAE_* with the
 * hash, PKCS#1 v1.5 as a DigestInfo, the MD5+SHA1 bytes of TLS 1.0/1.1,
 * ECDSA with the curve-bound TLS 1.3 algorithm when the data is a TLS 1.3
 * CertificateVerify (which starts with 64 spaces and "TLS 1.3, "), EdDSA
 * the message itself (one-shot).  A
 * callback's error is kept for the handshake to report
 * (gnossl_privkey_ext_take_error). */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/privkey-ext-prov.h"
#include "core/algorithms.h"

#include <openssl/core_names.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <string.h>

#define TLS13_HEAD 73 /* 64 spaces + "TLS 1.3, " */

static __thread int last_error;

int gnossl_privkey_ext_take_error(void)
{
    int e = last_error;
    last_error = 0;
    return e;
}

struct sigctx {
    struct gnossl_ext_keydata *k;
    gnutls_sign_algorithm_t eddsa; /* EdDSA: signs the message, one-shot */
    EVP_MD_CTX *md;
    gnutls_digest_algorithm_t dig;
    int md5sha1; /* TLS 1.0/1.1 RSA */
    int pad, saltlen;
    unsigned char head[TLS13_HEAD];
    size_t headlen;
};

static void *sig_newctx(void *provctx, const char *propq)
{
    struct sigctx *c = calloc(1, sizeof *c);
    (void)provctx;
    (void)propq;
    if (c != NULL) {
        c->pad = RSA_PKCS1_PADDING;
        c->saltlen = RSA_PSS_SALTLEN_DIGEST;
    }
    return c;
}

static void sig_freectx(void *vctx)
{
    struct sigctx *c = vctx;
    if (c != NULL)
        EVP_MD_CTX_free(c->md);
    free(c);
}

static void *sig_dupctx(void *vctx)
{
    struct sigctx *c = vctx, *d = malloc(sizeof *d);
    if (d == NULL)
        return NULL;
    *d = *c;
    d->md = NULL;
    if (c->md != NULL && ((d->md = EVP_MD_CTX_new()) == NULL || !EVP_MD_CTX_copy_ex(d->md, c->md))) {
        sig_freectx(d);
        return NULL;
    }
    return d;
}

/* The digest libssl names, among those the callbacks can be told and TLS
 * 1.0/1.1's MD5+SHA1: pre-fetched once per process (gnossl_digest_fetch,
 * shared by all threads), only looked up by name here. */
static gnutls_digest_algorithm_t dig_named(const char *mdname, const EVP_MD **md)
{
    static const gnutls_digest_algorithm_t known[] = {GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384,  GNUTLS_DIG_SHA512,
                                                      GNUTLS_DIG_SHA1,   GNUTLS_DIG_SHA224,  GNUTLS_DIG_MD5_SHA1};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const EVP_MD *m = gnossl_digest_fetch(known[i]);
        if (m != NULL && EVP_MD_is_a(m, mdname)) {
            *md = m;
            return known[i];
        }
    }
    return GNUTLS_DIG_UNKNOWN;
}

static int sig_set_params(void *vctx, const OSSL_PARAM params[])
{
    struct sigctx *c = vctx;
    const OSSL_PARAM *p;

    if ((p = OSSL_PARAM_locate_const(params, OSSL_SIGNATURE_PARAM_PAD_MODE)) != NULL) {
        if (p->data_type == OSSL_PARAM_UTF8_STRING)
            c->pad = strcmp(p->data, OSSL_PKEY_RSA_PAD_MODE_PSS) == 0     ? RSA_PKCS1_PSS_PADDING
                     : strcmp(p->data, OSSL_PKEY_RSA_PAD_MODE_PKCSV15) == 0 ? RSA_PKCS1_PADDING
                                                                            : -1;
        else if (!OSSL_PARAM_get_int(p, &c->pad))
            return 0;
        if (c->pad != RSA_PKCS1_PADDING && c->pad != RSA_PKCS1_PSS_PADDING)
            return 0; /* the callbacks do nothing else */
    }
    if ((p = OSSL_PARAM_locate_const(params, OSSL_SIGNATURE_PARAM_PSS_SALTLEN)) != NULL) {
        if (p->data_type == OSSL_PARAM_UTF8_STRING)
            c->saltlen = strcmp(p->data, OSSL_PKEY_RSA_PSS_SALT_LEN_DIGEST) == 0 ? RSA_PSS_SALTLEN_DIGEST
                         : strcmp(p->data, OSSL_PKEY_RSA_PSS_SALT_LEN_MAX) == 0  ? RSA_PSS_SALTLEN_MAX
                         : strcmp(p->data, OSSL_PKEY_RSA_PSS_SALT_LEN_AUTO) == 0 ? RSA_PSS_SALTLEN_AUTO
                                                                                  : atoi(p->data);
        else if (!OSSL_PARAM_get_int(p, &c->saltlen))
            return 0;
    }
    /* Another digest or MGF1 digest than the one being hashed: the
     * callbacks cannot be told. */
    return OSSL_PARAM_locate_const(params, OSSL_SIGNATURE_PARAM_DIGEST) == NULL &&
           OSSL_PARAM_locate_const(params, OSSL_SIGNATURE_PARAM_MGF1_DIGEST) == NULL;
}

static const OSSL_PARAM *sig_settable_params(void *vctx, void *provctx)
{
    static const OSSL_PARAM settable[] = {OSSL_PARAM_utf8_string(OSSL_SIGNATURE_PARAM_PAD_MODE, NULL, 0),
                                          OSSL_PARAM_utf8_string(OSSL_SIGNATURE_PARAM_PSS_SALTLEN, NULL, 0),
                                          OSSL_PARAM_END};
    (void)vctx;
    (void)provctx;
    return settable;
}

static int sig_init(void *vctx, const char *mdname, void *provkey, const OSSL_PARAM params[])
{
    struct sigctx *c = vctx;
    struct gnossl_ext_keydata *k = provkey;
    const EVP_MD *md = NULL;
    gnutls_digest_algorithm_t dig;

    if (k == NULL || k->key == NULL)
        return 0;
    c->k = k;
    c->eddsa = strcmp(k->type, "ED25519") == 0 ? GNUTLS_SIGN_EDDSA_ED25519
               : strcmp(k->type, "ED448") == 0 ? GNUTLS_SIGN_EDDSA_ED448
                                               : GNUTLS_SIGN_UNKNOWN;
    if (c->eddsa != GNUTLS_SIGN_UNKNOWN)
        return mdname == NULL || mdname[0] == 0;
    if (mdname == NULL)
        return 0;
    if ((dig = dig_named(mdname, &md)) == GNUTLS_DIG_UNKNOWN)
        return 0;
    c->md5sha1 = dig == GNUTLS_DIG_MD5_SHA1;
    c->dig = c->md5sha1 ? GNUTLS_DIG_UNKNOWN : dig;
    c->headlen = 0;
    if (c->md == NULL)
        c->md = EVP_MD_CTX_new();
    return c->md != NULL && EVP_DigestInit_ex(c->md, md, NULL) && sig_set_params(c, params);
}

static int sig_update(void *vctx, const unsigned char *data, size_t len)
{
    struct sigctx *c = vctx;
    if (c->md == NULL)
        return 0; /* EdDSA signs in one go */
    if (c->headlen < TLS13_HEAD) {
        size_t n = len < TLS13_HEAD - c->headlen ? len : TLS13_HEAD - c->headlen;
        memcpy(c->head + c->headlen, data, n);
        c->headlen += n;
    }
    return EVP_DigestUpdate(c->md, data, len);
}

static int is_tls13_verify(const struct sigctx *c)
{
    static const char spaces[64] = "                                                                ";
    return c->headlen == TLS13_HEAD && memcmp(c->head, spaces, 64) == 0 && memcmp(c->head + 64, "TLS 1.3, ", 9) == 0;
}

/* ECDSA in a TLS 1.3 CertificateVerify: the algorithm that names the curve. */
static gnutls_sign_algorithm_t ecdsa_algo(const struct sigctx *c)
{
    char group[32];
    if (is_tls13_verify(c) && EVP_PKEY_get_group_name(c->k->pub, group, sizeof group, NULL)) {
        if (strcmp(group, "prime256v1") == 0 && c->dig == GNUTLS_DIG_SHA256)
            return GNUTLS_SIGN_ECDSA_SECP256R1_SHA256;
        if (strcmp(group, "secp384r1") == 0 && c->dig == GNUTLS_DIG_SHA384)
            return GNUTLS_SIGN_ECDSA_SECP384R1_SHA384;
        if (strcmp(group, "secp521r1") == 0 && c->dig == GNUTLS_DIG_SHA512)
            return GNUTLS_SIGN_ECDSA_SECP521R1_SHA512;
    }
    return gnutls_pk_to_sign(GNUTLS_PK_EC, c->dig);
}

/* Sign through the callbacks and hand the signature over. */
static int sign_out(struct sigctx *c, gnutls_sign_algorithm_t algo, gnutls_digest_algorithm_t dig, unsigned flags,
                    int is_hash, const gnutls_datum_t *in, unsigned char *sig, size_t *siglen, size_t sigsize)
{
    gnutls_datum_t out = {NULL, 0};
    gnutls_sign_algorithm_t judged = algo != GNUTLS_SIGN_UNKNOWN ? algo
                                     : flags != 0              ? GNUTLS_SIGN_UNKNOWN /* TLS 1.0/1.1 */
                                                               : gnutls_pk_to_sign(GNUTLS_PK_RSA, dig);
    int ret;

    /* An algorithm the key refuses is one GnuTLS would not have chosen for
     * it: OpenSSL asks when a certificate callback gave the key too late
     * to leave the algorithm out (ext-key-limits.c does it otherwise). */
    if (judged != GNUTLS_SIGN_UNKNOWN && !gnossl_privkey_ext_can_sign(c->k->key, judged)) {
        last_error = GNUTLS_E_NO_CIPHER_SUITES;
        return 0;
    }
    ret = gnossl_privkey_ext_sign(c->k->key, algo, dig, flags, is_hash, in, &out);
    if (ret == 0 && out.size > sigsize)
        ret = GNUTLS_E_SHORT_MEMORY_BUFFER;
    if (ret == 0) {
        memcpy(sig, out.data, out.size);
        *siglen = out.size;
    }
    gnutls_free(out.data);
    last_error = ret;
    return ret == 0;
}

static int sig_final(void *vctx, unsigned char *sig, size_t *siglen, size_t sigsize)
{
    struct sigctx *c = vctx;
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned hlen = 0;
    gnutls_datum_t h = {hash, 0};
    gnutls_sign_algorithm_t algo = GNUTLS_SIGN_UNKNOWN;
    unsigned flags = 0;

    if (sig == NULL) {
        *siglen = (size_t)EVP_PKEY_get_size(c->k->pub);
        return 1;
    }
    if (c->md == NULL || !EVP_DigestFinal_ex(c->md, hash, &hlen))
        return 0;
    h.size = hlen;
    if (strcmp(c->k->type, "EC") == 0) {
        algo = ecdsa_algo(c);
    } else if (c->pad == RSA_PKCS1_PSS_PADDING) {
        /* GnuTLS salts with the hash length, the callbacks cannot do otherwise */
        if (c->saltlen != RSA_PSS_SALTLEN_DIGEST && c->saltlen != RSA_PSS_SALTLEN_AUTO && c->saltlen != (int)hlen)
            return 0;
        algo = c->dig == GNUTLS_DIG_SHA256   ? GNUTLS_SIGN_RSA_PSS_RSAE_SHA256
               : c->dig == GNUTLS_DIG_SHA384 ? GNUTLS_SIGN_RSA_PSS_RSAE_SHA384
               : c->dig == GNUTLS_DIG_SHA512 ? GNUTLS_SIGN_RSA_PSS_RSAE_SHA512
                                             : GNUTLS_SIGN_UNKNOWN;
        if (algo == GNUTLS_SIGN_UNKNOWN)
            return 0;
    } else if (c->md5sha1) {
        flags = GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA;
    }
    return sign_out(c, algo, algo == GNUTLS_SIGN_UNKNOWN ? c->dig : GNUTLS_DIG_UNKNOWN, flags, 1, &h, sig, siglen,
                    sigsize);
}

static int sig_oneshot(void *vctx, unsigned char *sig, size_t *siglen, size_t sigsize, const unsigned char *tbs,
                       size_t tbslen)
{
    struct sigctx *c = vctx;
    if (c->eddsa != GNUTLS_SIGN_UNKNOWN) {
        gnutls_datum_t msg = {(unsigned char *)tbs, (unsigned)tbslen};
        if (sig == NULL) {
            *siglen = (size_t)EVP_PKEY_get_size(c->k->pub);
            return 1;
        }
        return sign_out(c, c->eddsa, GNUTLS_DIG_UNKNOWN, 0, 0, &msg, sig, siglen, sigsize);
    }
    if (sig != NULL && !sig_update(vctx, tbs, tbslen))
        return 0;
    return sig_final(vctx, sig, siglen, sigsize);
}

const OSSL_DISPATCH gnossl_ext_sig_fns[] = {
    {OSSL_FUNC_SIGNATURE_NEWCTX, (void (*)(void))sig_newctx},
    {OSSL_FUNC_SIGNATURE_FREECTX, (void (*)(void))sig_freectx},
    {OSSL_FUNC_SIGNATURE_DUPCTX, (void (*)(void))sig_dupctx},
    {OSSL_FUNC_SIGNATURE_DIGEST_SIGN_INIT, (void (*)(void))sig_init},
    {OSSL_FUNC_SIGNATURE_DIGEST_SIGN_UPDATE, (void (*)(void))sig_update},
    {OSSL_FUNC_SIGNATURE_DIGEST_SIGN_FINAL, (void (*)(void))sig_final},
    {OSSL_FUNC_SIGNATURE_DIGEST_SIGN, (void (*)(void))sig_oneshot},
    {OSSL_FUNC_SIGNATURE_SET_CTX_PARAMS, (void (*)(void))sig_set_params},
    {OSSL_FUNC_SIGNATURE_SETTABLE_CTX_PARAMS, (void (*)(void))sig_settable_params},
    {0, NULL}};
