/* gnutls_pk_self_test: known-answer checks of the public-key algorithms
 * GnuTLS 3.7.9 self-tests, through gnossl's own key API (RSA, RSA-PSS, DSA,
 * ECDSA: sign and verify; the keys and answers are in self-test-pk-kat.h)
 * and, for DH, which GnuTLS's API cannot reach, through libcrypto.  The
 * GOST algorithms OpenSSL 3.0 lacks give GNUTLS_E_NO_SELF_TEST (GnuTLS: 0);
 * see self-test.c for the conventions. */
#include "gnossl.h"
#include "crypto/self-test-pk-kat.h"
#include "crypto/self-test.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <string.h>

static void message(unsigned char msg[100])
{
    for (int i = 0; i < 100; i++)
        msg[i] = (unsigned char)(i * 11 + 7);
}

static int hex_to_datum(const char *hex, gnutls_datum_t *out)
{
    gnutls_datum_t h = {(unsigned char *)hex, (unsigned)strlen(hex)};
    return gnutls_hex_decode2(&h, out);
}

/* Verifies KNOWN (a signature of the message by the real GnuTLS); with
 * DETERMINISTIC, a new signature must be exactly it, otherwise it must
 * verify too. */
static int sig_kat(const char *key_pem, gnutls_sign_algorithm_t algo, const char *known, int deterministic)
{
    unsigned char msg[100];
    message(msg);
    gnutls_datum_t pem = {(unsigned char *)key_pem, (unsigned)strlen(key_pem)}, d = {msg, sizeof msg};
    gnutls_datum_t want = {NULL, 0}, got = {NULL, 0};
    gnutls_privkey_t key = NULL;
    gnutls_pubkey_t pub = NULL;
    int ok = gnutls_privkey_init(&key) == 0 && gnutls_pubkey_init(&pub) == 0 &&
             gnutls_privkey_import_x509_raw(key, &pem, GNUTLS_X509_FMT_PEM, NULL, 0) == 0 &&
             gnutls_pubkey_import_privkey(pub, key, 0, 0) == 0 && hex_to_datum(known, &want) == 0 &&
             gnutls_pubkey_verify_data2(pub, algo, 0, &d, &want) >= 0 &&
             gnutls_privkey_sign_data2(key, algo, 0, &d, &got) == 0 &&
             (deterministic ? got.size == want.size && memcmp(got.data, want.data, got.size) == 0
                            : gnutls_pubkey_verify_data2(pub, algo, 0, &d, &got) >= 0);
    /* a changed message must not verify */
    msg[0] ^= 1;
    ok = ok && gnutls_pubkey_verify_data2(pub, algo, 0, &d, &want) < 0;
    gnutls_free(want.data);
    gnutls_free(got.data);
    gnutls_pubkey_deinit(pub);
    gnutls_privkey_deinit(key);
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

/* An ffdhe2048 key (private X, or only the public PUB) as an EVP_PKEY. */
static EVP_PKEY *dh_key(const BIGNUM *x, const BIGNUM *pub)
{
    BIGNUM *p = BN_bin2bn(gnutls_ffdhe_2048_group_prime.data, (int)gnutls_ffdhe_2048_group_prime.size, NULL);
    BIGNUM *g = BN_bin2bn(gnutls_ffdhe_2048_group_generator.data, (int)gnutls_ffdhe_2048_group_generator.size, NULL);
    BIGNUM *y = pub != NULL ? BN_dup(pub) : BN_new();
    BN_CTX *bc = BN_CTX_new();
    OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
    EVP_PKEY *k = NULL;
    OSSL_PARAM *prm = NULL;
    if (p != NULL && g != NULL && y != NULL && bc != NULL && b != NULL && c != NULL &&
        (pub != NULL || BN_mod_exp(y, g, x, p, bc)) && OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_FFC_P, p) &&
        OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_FFC_G, g) && OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PUB_KEY, y) &&
        (x == NULL || OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PRIV_KEY, x)) &&
        (prm = OSSL_PARAM_BLD_to_param(b)) != NULL && EVP_PKEY_fromdata_init(c) == 1)
        EVP_PKEY_fromdata(c, &k, x != NULL ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, prm);
    OSSL_PARAM_free(prm);
    EVP_PKEY_CTX_free(c);
    OSSL_PARAM_BLD_free(b);
    BN_CTX_free(bc);
    BN_free(y);
    BN_free(g);
    BN_free(p);
    return k;
}

static int dh_kat(void)
{
    unsigned char xb[32], peer[256], shared[256];
    for (int i = 0; i < 32; i++)
        xb[i] = (unsigned char)(i * 29 + 17);
    gnutls_datum_t pd = {NULL, 0};
    if (hex_to_datum(kat_dh_peer, &pd) < 0 || pd.size != sizeof peer) {
        gnutls_free(pd.data);
        return GNUTLS_E_SELF_TEST_ERROR;
    }
    memcpy(peer, pd.data, sizeof peer);
    gnutls_free(pd.data);
    BIGNUM *x = BN_bin2bn(xb, sizeof xb, NULL), *y = BN_bin2bn(peer, sizeof peer, NULL);
    EVP_PKEY *mine = x != NULL ? dh_key(x, NULL) : NULL, *theirs = y != NULL ? dh_key(NULL, y) : NULL;
    EVP_PKEY_CTX *c = mine != NULL && theirs != NULL ? EVP_PKEY_CTX_new_from_pkey(NULL, mine, NULL) : NULL;
    size_t n = sizeof shared;
    int ok = c != NULL && EVP_PKEY_derive_init(c) == 1 && EVP_PKEY_CTX_set_dh_pad(c, 1) == 1 &&
             EVP_PKEY_derive_set_peer(c, theirs) == 1 && EVP_PKEY_derive(c, shared, &n) == 1 &&
             gnossl_kat_matches(kat_dh_shared, shared, n);
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(mine);
    EVP_PKEY_free(theirs);
    BN_free(x);
    BN_free(y);
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

static int pk_kat(gnutls_pk_algorithm_t pk)
{
    switch (pk) {
    case GNUTLS_PK_RSA: return sig_kat(kat_rsa_key, GNUTLS_SIGN_RSA_SHA256, kat_rsa_sig, 1);
    case GNUTLS_PK_RSA_PSS: return sig_kat(kat_rsa_key, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, kat_rsa_pss_sig, 0);
    case GNUTLS_PK_DSA: return sig_kat(kat_dsa_key, GNUTLS_SIGN_DSA_SHA256, kat_dsa_sig, 0);
    case GNUTLS_PK_ECDSA: return sig_kat(kat_ec_key, GNUTLS_SIGN_ECDSA_SHA256, kat_ecdsa_sig, 0);
    case GNUTLS_PK_DH: return dh_kat();
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: return GNUTLS_E_NO_SELF_TEST; /* no GOST in OpenSSL 3.0 */
    default: return GNUTLS_E_NO_SELF_TEST;
    }
}

int gnutls_pk_self_test(unsigned flags, gnutls_pk_algorithm_t pk)
{
    static const gnutls_pk_algorithm_t all[] = {GNUTLS_PK_RSA, GNUTLS_PK_RSA_PSS, GNUTLS_PK_DSA, GNUTLS_PK_ECDSA,
                                                GNUTLS_PK_DH};
    if (!(flags & GNUTLS_SELF_TEST_FLAG_ALL) && pk != GNUTLS_PK_UNKNOWN)
        return pk_kat(pk);
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        int r = pk_kat(all[i]);
        if (r < 0)
            return r;
    }
    return 0;
}
