/* Signing and verification with EVP_PKEY for the abstract key API:
 * gnutls_privkey_sign_* and gnutls_pubkey_verify_*. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <string.h>

/* What a GnuTLS signature algorithm means for OpenSSL (a static helper:
 * src/core/algorithms.h maps TLS names only). */
static const struct sig_info {
    gnutls_sign_algorithm_t sign;
    gnutls_pk_algorithm_t pk;
    gnutls_digest_algorithm_t dig;
    int pss;
    gnutls_ecc_curve_t curve; /* for the TLS 1.3 curve-bound ECDSA ids */
} sig_infos[] = {
    {GNUTLS_SIGN_RSA_SHA1, GNUTLS_PK_RSA, GNUTLS_DIG_SHA1, 0, 0},
    {GNUTLS_SIGN_RSA_SHA224, GNUTLS_PK_RSA, GNUTLS_DIG_SHA224, 0, 0},
    {GNUTLS_SIGN_RSA_SHA256, GNUTLS_PK_RSA, GNUTLS_DIG_SHA256, 0, 0},
    {GNUTLS_SIGN_RSA_SHA384, GNUTLS_PK_RSA, GNUTLS_DIG_SHA384, 0, 0},
    {GNUTLS_SIGN_RSA_SHA512, GNUTLS_PK_RSA, GNUTLS_DIG_SHA512, 0, 0},
    {GNUTLS_SIGN_RSA_MD5, GNUTLS_PK_RSA, GNUTLS_DIG_MD5, 0, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA256, GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA256, 1, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA384, GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA384, 1, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA512, GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA512, 1, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_PK_RSA, GNUTLS_DIG_SHA256, 1, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, GNUTLS_PK_RSA, GNUTLS_DIG_SHA384, 1, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, GNUTLS_PK_RSA, GNUTLS_DIG_SHA512, 1, 0},
    {GNUTLS_SIGN_ECDSA_SHA1, GNUTLS_PK_EC, GNUTLS_DIG_SHA1, 0, 0},
    {GNUTLS_SIGN_ECDSA_SHA224, GNUTLS_PK_EC, GNUTLS_DIG_SHA224, 0, 0},
    {GNUTLS_SIGN_ECDSA_SHA256, GNUTLS_PK_EC, GNUTLS_DIG_SHA256, 0, 0},
    {GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_PK_EC, GNUTLS_DIG_SHA384, 0, 0},
    {GNUTLS_SIGN_ECDSA_SHA512, GNUTLS_PK_EC, GNUTLS_DIG_SHA512, 0, 0},
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_PK_EC, GNUTLS_DIG_SHA256, 0, GNUTLS_ECC_CURVE_SECP256R1},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_PK_EC, GNUTLS_DIG_SHA384, 0, GNUTLS_ECC_CURVE_SECP384R1},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, GNUTLS_PK_EC, GNUTLS_DIG_SHA512, 0, GNUTLS_ECC_CURVE_SECP521R1},
    {GNUTLS_SIGN_DSA_SHA1, GNUTLS_PK_DSA, GNUTLS_DIG_SHA1, 0, 0},
    {GNUTLS_SIGN_DSA_SHA256, GNUTLS_PK_DSA, GNUTLS_DIG_SHA256, 0, 0},
    {GNUTLS_SIGN_EDDSA_ED25519, GNUTLS_PK_EDDSA_ED25519, GNUTLS_DIG_UNKNOWN, 0, 0},
    {GNUTLS_SIGN_EDDSA_ED448, GNUTLS_PK_EDDSA_ED448, GNUTLS_DIG_UNKNOWN, 0, 0},
};

static const struct sig_info *sig_find(gnutls_sign_algorithm_t s)
{
    for (size_t i = 0; i < sizeof sig_infos / sizeof sig_infos[0]; i++)
        if (sig_infos[i].sign == s)
            return &sig_infos[i];
    return NULL;
}

static const EVP_MD *md_of(gnutls_digest_algorithm_t d)
{
    switch (d) {
    case GNUTLS_DIG_MD5:
        return EVP_md5();
    case GNUTLS_DIG_SHA1:
        return EVP_sha1();
    case GNUTLS_DIG_SHA224:
        return EVP_sha224();
    case GNUTLS_DIG_SHA256:
        return EVP_sha256();
    case GNUTLS_DIG_SHA384:
        return EVP_sha384();
    case GNUTLS_DIG_SHA512:
        return EVP_sha512();
    case GNUTLS_DIG_SHA3_256:
        return EVP_sha3_256();
    case GNUTLS_DIG_SHA3_384:
        return EVP_sha3_384();
    case GNUTLS_DIG_SHA3_512:
        return EVP_sha3_512();
    default:
        return NULL;
    }
}

static int is_rsa(gnutls_pk_algorithm_t pk)
{
    return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS;
}

static int eddsa(gnutls_pk_algorithm_t pk)
{
    return pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
}

/* PSS with the salt as long as the digest, as TLS and GnuTLS use it. */
static int set_padding(EVP_PKEY_CTX *pctx, gnutls_pk_algorithm_t keypk, int pss)
{
    if (!is_rsa(keypk))
        return 1;
    if (pss || keypk == GNUTLS_PK_RSA_PSS)
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0;
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;
}

/* The digest to sign or verify with (none for EdDSA, which hashes
 * itself; none needed for TLS 1.0's raw MD5+SHA1); EdDSA takes messages,
 * never a precomputed digest.  One copy for signing and verifying. */
static int pick_md(gnutls_pk_algorithm_t pk, gnutls_digest_algorithm_t dig, int prehashed, int raw_tls1,
                   const EVP_MD **md)
{
    *md = eddsa(pk) ? NULL : md_of(dig);
    if (!eddsa(pk) && *md == NULL && !raw_tls1)
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
    if (prehashed && eddsa(pk))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ERR_clear_error();
    return 0;
}

/* A context to sign or verify an already computed digest: PKCS#1 v1.5
 * without DigestInfo for raw_tls1, else the key's padding and md; NULL if
 * it cannot be set up. One copy for signing and verifying. */
static EVP_PKEY_CTX *digest_ctx(EVP_PKEY *pkey, gnutls_pk_algorithm_t pk, const EVP_MD *md, int pss, int raw_tls1,
                                int verify)
{
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    int setup = pctx && (verify ? EVP_PKEY_verify_init(pctx) : EVP_PKEY_sign_init(pctx)) == 1;
    if (setup && raw_tls1)
        setup = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;
    else if (setup)
        setup = set_padding(pctx, pk, pss) && EVP_PKEY_CTX_set_signature_md(pctx, md) > 0;
    if (!setup) {
        EVP_PKEY_CTX_free(pctx);
        return NULL;
    }
    return pctx;
}

/* Sign a message (hashing it) or, with prehashed, an already computed
 * digest `md` of it. */
int gnossl_pkey_sign(EVP_PKEY *pkey, gnutls_digest_algorithm_t dig, int pss, int prehashed, int raw_tls1,
                     const gnutls_datum_t *data, gnutls_datum_t *sig)
{
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    const EVP_MD *md;
    size_t len = 0;
    int ok = 0;

    int ret = pick_md(pk, dig, prehashed, raw_tls1, &md);
    if (ret < 0)
        return ret;
    if (!prehashed) {
        EVP_MD_CTX *mctx = EVP_MD_CTX_new();
        EVP_PKEY_CTX *pctx = NULL;
        if (mctx && EVP_DigestSignInit(mctx, &pctx, md, NULL, pkey) == 1 && set_padding(pctx, pk, pss) &&
            EVP_DigestSign(mctx, NULL, &len, data->data, data->size) == 1) {
            sig->data = gnutls_malloc(len ? len : 1);
            if (sig->data && EVP_DigestSign(mctx, sig->data, &len, data->data, data->size) == 1)
                ok = 1;
        }
        EVP_MD_CTX_free(mctx);
    } else {
        EVP_PKEY_CTX *pctx = digest_ctx(pkey, pk, md, pss, raw_tls1, 0);
        if (pctx && EVP_PKEY_sign(pctx, NULL, &len, data->data, data->size) == 1) {
            sig->data = gnutls_malloc(len ? len : 1);
            if (sig->data && EVP_PKEY_sign(pctx, sig->data, &len, data->data, data->size) == 1)
                ok = 1;
        }
        EVP_PKEY_CTX_free(pctx);
    }
    ERR_clear_error();
    if (!ok) {
        gnutls_free(sig->data);
        sig->data = NULL;
        sig->size = 0;
        return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
    }
    sig->size = (unsigned)len;
    return 0;
}

static int pkey_verify(EVP_PKEY *pkey, gnutls_digest_algorithm_t dig, int pss, int prehashed, int raw_tls1,
                       const gnutls_datum_t *data, const gnutls_datum_t *sig)
{
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    const EVP_MD *md;
    int ok = 0;

    int ret = pick_md(pk, dig, prehashed, raw_tls1, &md);
    if (ret < 0)
        return ret;
    if (!prehashed) {
        EVP_MD_CTX *mctx = EVP_MD_CTX_new();
        EVP_PKEY_CTX *pctx = NULL;
        if (mctx && EVP_DigestVerifyInit(mctx, &pctx, md, NULL, pkey) == 1 && set_padding(pctx, pk, pss))
            ok = EVP_DigestVerify(mctx, sig->data, sig->size, data->data, data->size) == 1;
        EVP_MD_CTX_free(mctx);
    } else {
        EVP_PKEY_CTX *pctx = digest_ctx(pkey, pk, md, pss, raw_tls1, 1);
        if (pctx)
            ok = EVP_PKEY_verify(pctx, sig->data, sig->size, data->data, data->size) == 1;
        EVP_PKEY_CTX_free(pctx);
    }
    ERR_clear_error();
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_PK_SIG_VERIFY_FAILED);
}

/* Is the key usable with the signature algorithm? (RSA keys serve both
 * PKCS#1 and PSS-RSAE; RSA-PSS keys only PSS.) */
static int key_fits(gnutls_pk_algorithm_t keypk, const struct sig_info *si)
{
    if (si->pk == keypk)
        return 1;
    if (keypk == GNUTLS_PK_RSA && si->pk == GNUTLS_PK_RSA_PSS)
        return 1;
    return keypk == GNUTLS_PK_RSA_PSS && si->pk == GNUTLS_PK_RSA && si->pss;
}

/* The parameters of algo, if key can check its signatures (one copy for
 * verify_data2 and verify_hash2). */
static int sig_for_pubkey(gnutls_pubkey_t key, gnutls_sign_algorithm_t algo, const struct sig_info **si)
{
    *si = sig_find(algo);
    if (*si == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->pkey == NULL || !key_fits(key->pk, *si))
        return GNOSSL_ERR(GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY);
    if ((*si)->curve && gnossl_pkey_curve(key->pkey) != (*si)->curve)
        return GNOSSL_ERR(GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY);
    return 0;
}

/* The parameters of algo, if pkey can make its signatures (one copy for
 * sign_data2 and sign_hash2). */
static int sig_for_privkey(EVP_PKEY *pkey, gnutls_sign_algorithm_t algo, const struct sig_info **si)
{
    *si = sig_find(algo);
    if (*si == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PK_ALGORITHM);
    if (!key_fits(gnossl_pkey_algorithm(pkey), *si))
        return GNOSSL_ERR(GNUTLS_E_CONSTRAINT_ERROR);
    return 0;
}

/* GnuTLS checks the signature first and only then whether its algorithm
 * is acceptable: a valid signature with an insecure hash (MD5, MD2) is
 * GNUTLS_E_INSUFFICIENT_SECURITY unless the verify flags allow it. */
int gnossl_sig_allowed(gnutls_sign_algorithm_t algo, unsigned flags)
{
    gnutls_digest_algorithm_t dig = gnutls_sign_get_hash_algorithm(algo);
    if (gnutls_sign_is_secure(algo))
        return 1;
    if ((flags & GNUTLS_VERIFY_ALLOW_BROKEN) == GNUTLS_VERIFY_ALLOW_BROKEN)
        return 1;
    if ((flags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) && dig == GNUTLS_DIG_SHA1)
        return 1;
    if ((flags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5) && dig == GNUTLS_DIG_MD5)
        return 1;
    return (flags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD2) && dig == GNUTLS_DIG_MD2;
}

static int checked(int ret, gnutls_sign_algorithm_t algo, unsigned flags)
{
    if (ret == 0 && !gnossl_sig_allowed(algo, flags))
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_SECURITY);
    return ret;
}

int gnutls_pubkey_verify_data2(gnutls_pubkey_t pubkey, gnutls_sign_algorithm_t algo, unsigned int flags,
                               const gnutls_datum_t *data, const gnutls_datum_t *signature)
{
    if (pubkey == NULL || data == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const struct sig_info *si;
    int ret = sig_for_pubkey(pubkey, algo, &si);
    if (ret < 0)
        return ret;
    return checked(pkey_verify(pubkey->pkey, si->dig, si->pss, 0, 0, data, signature), algo, flags);
}

int gnutls_pubkey_verify_hash2(gnutls_pubkey_t key, gnutls_sign_algorithm_t algo, unsigned int flags,
                               const gnutls_datum_t *hash, const gnutls_datum_t *signature)
{
    if (key == NULL || key->pkey == NULL || hash == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (flags & GNUTLS_PUBKEY_VERIFY_FLAG_TLS1_RSA)
        return pkey_verify(key->pkey, GNUTLS_DIG_UNKNOWN, 0, 1, 1, hash, signature);
    const struct sig_info *si;
    int ret = sig_for_pubkey(key, algo, &si);
    if (ret < 0)
        return ret;
    if (eddsa(si->pk))
        return checked(pkey_verify(key->pkey, si->dig, 0, 0, 0, hash, signature), algo, flags);
    return checked(pkey_verify(key->pkey, si->dig, si->pss, 1, 0, hash, signature), algo, flags);
}

/* ---- the abstract private key ---- */

int gnutls_privkey_init(gnutls_privkey_t *key)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *key = calloc(1, sizeof(**key));
    return *key ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_privkey_deinit(gnutls_privkey_t key)
{
    if (key == NULL)
        return;
    if (key->ext)
        gnossl_privkey_ext_free(key);
    EVP_PKEY_free(key->pkey);
    if (key->owns_x509)
        gnutls_x509_privkey_deinit(key->x509);
    free(key);
}

int gnutls_privkey_import_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t key, unsigned int flags)
{
    if (pkey == NULL || key == NULL || key->pkey == NULL || pkey->ext != NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* GnuTLS: an external key is never replaced */
    EVP_PKEY *p;
    if (flags & GNUTLS_PRIVKEY_IMPORT_COPY) {
        p = EVP_PKEY_dup(key->pkey);
        if (p == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    } else {
        if (!EVP_PKEY_up_ref(key->pkey))
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        p = key->pkey;
    }
    EVP_PKEY_free(pkey->pkey);
    if (pkey->owns_x509)
        gnutls_x509_privkey_deinit(pkey->x509);
    pkey->pkey = p;
    pkey->x509 = (flags & GNUTLS_PRIVKEY_IMPORT_COPY) ? NULL : key;
    pkey->owns_x509 = (flags & GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE) && !(flags & GNUTLS_PRIVKEY_IMPORT_COPY);
    if ((flags & GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE) && (flags & GNUTLS_PRIVKEY_IMPORT_COPY))
        gnutls_x509_privkey_deinit(key);
    return 0;
}

int gnutls_privkey_import_x509_raw(gnutls_privkey_t pkey, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format,
                                   const char *password, unsigned int flags)
{
    gnutls_x509_privkey_t xkey;
    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_privkey_init(&xkey);
    if (ret < 0)
        return ret;
    if (pkey->pin_fn != NULL) /* the password of an encrypted key */
        gnutls_x509_privkey_set_pin_function(xkey, pkey->pin_fn, pkey->pin_data);
    ret = gnutls_x509_privkey_import2(xkey, data, format, password, flags);
    if (ret == 0)
        ret = gnutls_privkey_import_x509(pkey, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
    if (ret < 0)
        gnutls_x509_privkey_deinit(xkey);
    return ret;
}

int gnutls_privkey_export_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t *key)
{
    if (pkey == NULL || pkey->pkey == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_privkey_init(key);
    if (ret < 0)
        return ret;
    (*key)->pkey = EVP_PKEY_dup(pkey->pkey);
    if ((*key)->pkey == NULL) {
        gnutls_x509_privkey_deinit(*key);
        *key = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnutls_privkey_get_pk_algorithm(gnutls_privkey_t key, unsigned int *bits)
{
    if (key != NULL && key->ext != NULL)
        return (int)gnossl_privkey_ext_pk(key, bits);
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (bits)
        *bits = gnossl_pkey_bits(key->pkey);
    return (int)gnossl_pkey_algorithm(key->pkey);
}

gnutls_privkey_type_t gnutls_privkey_get_type(gnutls_privkey_t key)
{
    if (key != NULL && key->ext != NULL)
        return GNUTLS_PRIVKEY_EXT;
    return GNUTLS_PRIVKEY_X509;
}

int gnutls_privkey_sign_data(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash, unsigned int flags,
                             const gnutls_datum_t *data, gnutls_datum_t *signature)
{
    if (signer != NULL && signer->ext != NULL && data != NULL && signature != NULL)
        return gnossl_privkey_ext_sign(signer, GNUTLS_SIGN_UNKNOWN, hash, flags, 0, data, signature);
    if (signer == NULL || signer->pkey == NULL || data == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* EdDSA has its own hash: GnuTLS knows no (EdDSA, other hash) pair */
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(signer->pkey);
    if ((pk == GNUTLS_PK_EDDSA_ED25519 && hash != GNUTLS_DIG_SHA512 && hash != GNUTLS_DIG_UNKNOWN) ||
        (pk == GNUTLS_PK_EDDSA_ED448 && hash != GNUTLS_DIG_SHAKE_256 && hash != GNUTLS_DIG_UNKNOWN))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pkey_sign(signer->pkey, hash, (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS) != 0, 0, 0, data,
                            signature);
}

int gnutls_privkey_sign_data2(gnutls_privkey_t signer, gnutls_sign_algorithm_t algo, unsigned int flags,
                              const gnutls_datum_t *data, gnutls_datum_t *signature)
{
    if (signer != NULL && signer->ext != NULL && data != NULL && signature != NULL)
        return gnossl_privkey_ext_sign(signer, algo, GNUTLS_DIG_UNKNOWN, flags, 0, data, signature);
    if (signer == NULL || signer->pkey == NULL || data == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const struct sig_info *si;
    int ret = sig_for_privkey(signer->pkey, algo, &si);
    if (ret < 0)
        return ret;
    return gnossl_pkey_sign(signer->pkey, si->dig, si->pss, 0, 0, data, signature);
}

int gnutls_privkey_sign_hash(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash_algo, unsigned int flags,
                             const gnutls_datum_t *hash_data, gnutls_datum_t *signature)
{
    if (signer != NULL && signer->ext != NULL && hash_data != NULL && signature != NULL)
        return gnossl_privkey_ext_sign(signer, GNUTLS_SIGN_UNKNOWN, hash_algo, flags, 1, hash_data, signature);
    if (signer == NULL || signer->pkey == NULL || hash_data == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA)
        return gnossl_pkey_sign(signer->pkey, GNUTLS_DIG_UNKNOWN, 0, 1, 1, hash_data, signature);
    return gnossl_pkey_sign(signer->pkey, hash_algo, (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS) != 0, 1, 0,
                            hash_data, signature);
}

int gnutls_privkey_sign_hash2(gnutls_privkey_t signer, gnutls_sign_algorithm_t algo, unsigned int flags,
                              const gnutls_datum_t *hash_data, gnutls_datum_t *signature)
{
    if (signer != NULL && signer->ext != NULL && hash_data != NULL && signature != NULL)
        return gnossl_privkey_ext_sign(signer, algo, GNUTLS_DIG_UNKNOWN, flags, 1, hash_data, signature);
    if (signer == NULL || signer->pkey == NULL || hash_data == NULL || signature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA)
        return gnossl_pkey_sign(signer->pkey, GNUTLS_DIG_UNKNOWN, 0, 1, 1, hash_data, signature);
    const struct sig_info *si;
    int ret = sig_for_privkey(signer->pkey, algo, &si);
    if (ret < 0)
        return ret;
    return gnossl_pkey_sign(signer->pkey, si->dig, si->pss, 1, 0, hash_data, signature);
}

int gnutls_pubkey_import_privkey(gnutls_pubkey_t key, gnutls_privkey_t pkey, unsigned int usage, unsigned int flags)
{
    (void)flags;
    if (key == NULL || pkey == NULL || pkey->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* keep only the public half */
    unsigned char *der = NULL;
    int len = gnossl_i2d_pubkey(pkey->pkey, &der);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    const unsigned char *p = der;
    EVP_PKEY *pub = d2i_PUBKEY(NULL, &p, len);
    OPENSSL_free(der);
    if (pub == NULL)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnossl_pubkey_from_pkey(key, pub);
    EVP_PKEY_free(pub);
    if (ret == 0)
        key->key_usage = usage;
    return ret;
}

void gnutls_privkey_set_pin_function(gnutls_privkey_t key, gnutls_pin_callback_t fn, void *userdata)
{
    if (key == NULL)
        return;
    key->pin_fn = fn;
    key->pin_data = userdata;
}

/* The digest certificates, requests and CRLs are signed with: SHA-256
 * unless the caller names one, none for EdDSA (which hashes itself). */
int gnossl_sign_md(EVP_PKEY *key, gnutls_digest_algorithm_t dig, const EVP_MD **md)
{
    int id = EVP_PKEY_get_base_id(key);
    *md = NULL;
    if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448)
        return 0;
    const char *name = gnutls_digest_get_name(dig == GNUTLS_DIG_UNKNOWN ? GNUTLS_DIG_SHA256 : dig);
    *md = name ? EVP_get_digestbyname(name) : NULL;
    return *md ? 0 : GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
}
