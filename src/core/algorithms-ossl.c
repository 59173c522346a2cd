/* GnuTLS algorithm ids -> OpenSSL names and pre-fetched EVP objects, for
 * the other rooms (see algorithms.h).  The EVP objects are fetched from the
 * default library context once per process: fetching is costly in OpenSSL 3
 * and takes a global lock, so it must never happen per call. */
#include "gnossl.h"
#include "core/algorithms.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/obj_mac.h>
#include <pthread.h>
#include <string.h>

const char *gnossl_digest_ossl_name(gnutls_digest_algorithm_t d)
{
    switch (d) {
    case GNUTLS_DIG_MD5: return "MD5";
    case GNUTLS_DIG_SHA1: return "SHA1";
    case GNUTLS_DIG_RMD160: return "RIPEMD160";
    case GNUTLS_DIG_MD2: return "MD2"; /* legacy provider only: fetch may fail */
    case GNUTLS_DIG_SHA224: return "SHA224";
    case GNUTLS_DIG_SHA256: return "SHA256";
    case GNUTLS_DIG_SHA384: return "SHA384";
    case GNUTLS_DIG_SHA512: return "SHA512";
    case GNUTLS_DIG_SHA3_224: return "SHA3-224";
    case GNUTLS_DIG_SHA3_256: return "SHA3-256";
    case GNUTLS_DIG_SHA3_384: return "SHA3-384";
    case GNUTLS_DIG_SHA3_512: return "SHA3-512";
    case GNUTLS_DIG_MD5_SHA1: return "MD5-SHA1";
    case GNUTLS_DIG_SHAKE_128: return "SHAKE-128";
    case GNUTLS_DIG_SHAKE_256: return "SHAKE-256";
    default: return NULL; /* NULL, GOST R 34.11-94, Streebog: not in OpenSSL's default provider */
    }
}

const char *gnossl_cipher_ossl_name(gnutls_cipher_algorithm_t c)
{
    switch (c) {
    case GNUTLS_CIPHER_ARCFOUR_128: return "RC4";       /* legacy provider */
    case GNUTLS_CIPHER_ARCFOUR_40: return "RC4-40";     /* legacy provider */
    case GNUTLS_CIPHER_RC2_40_CBC: return "RC2-40-CBC"; /* legacy provider */
    case GNUTLS_CIPHER_DES_CBC: return "DES-CBC";       /* legacy provider */
    case GNUTLS_CIPHER_3DES_CBC: return "DES-EDE3-CBC";
    case GNUTLS_CIPHER_AES_128_CBC: return "AES-128-CBC";
    case GNUTLS_CIPHER_AES_192_CBC: return "AES-192-CBC";
    case GNUTLS_CIPHER_AES_256_CBC: return "AES-256-CBC";
    case GNUTLS_CIPHER_CAMELLIA_128_CBC: return "CAMELLIA-128-CBC";
    case GNUTLS_CIPHER_CAMELLIA_192_CBC: return "CAMELLIA-192-CBC";
    case GNUTLS_CIPHER_CAMELLIA_256_CBC: return "CAMELLIA-256-CBC";
    case GNUTLS_CIPHER_AES_128_GCM: return "AES-128-GCM";
    case GNUTLS_CIPHER_AES_192_GCM: return "AES-192-GCM";
    case GNUTLS_CIPHER_AES_256_GCM: return "AES-256-GCM";
    /* CCM-8 is CCM with an 8-byte tag: same EVP cipher, the caller sets
     * the tag length. */
    case GNUTLS_CIPHER_AES_128_CCM:
    case GNUTLS_CIPHER_AES_128_CCM_8: return "AES-128-CCM";
    case GNUTLS_CIPHER_AES_256_CCM:
    case GNUTLS_CIPHER_AES_256_CCM_8: return "AES-256-CCM";
    case GNUTLS_CIPHER_CHACHA20_POLY1305: return "ChaCha20-Poly1305";
    case GNUTLS_CIPHER_AES_128_CFB8: return "AES-128-CFB8";
    case GNUTLS_CIPHER_AES_192_CFB8: return "AES-192-CFB8";
    case GNUTLS_CIPHER_AES_256_CFB8: return "AES-256-CFB8";
    case GNUTLS_CIPHER_AES_128_XTS: return "AES-128-XTS";
    case GNUTLS_CIPHER_AES_256_XTS: return "AES-256-XTS";
    /* OpenSSL's ChaCha20 takes a 16-byte IV = 32-bit LE counter || 96-bit
     * nonce; both GnuTLS variants are expressed through it by the caller. */
    case GNUTLS_CIPHER_CHACHA20_32:
    case GNUTLS_CIPHER_CHACHA20_64: return "ChaCha20";
    case GNUTLS_CIPHER_AES_128_SIV: return "AES-128-SIV";
    case GNUTLS_CIPHER_AES_256_SIV: return "AES-256-SIV";
    default: return NULL; /* NULL cipher, Salsa20, Camellia-GCM, GOST, PGP-CFB */
    }
}

const char *gnossl_mac_ossl_digest_name(gnutls_mac_algorithm_t m)
{
    /* HMAC ids share their values with the digest ids. */
    if ((int)m >= GNUTLS_MAC_MD5 && (int)m <= GNUTLS_MAC_STREEBOG_512)
        return gnossl_digest_ossl_name((gnutls_digest_algorithm_t)m);
    return NULL;
}

const char *gnossl_mac_ossl_mac(gnutls_mac_algorithm_t m, const char **digest, const char **cipher)
{
    *digest = NULL;
    *cipher = NULL;
    switch (m) {
    case GNUTLS_MAC_AES_CMAC_128: *cipher = "AES-128-CBC"; return "CMAC";
    case GNUTLS_MAC_AES_CMAC_256: *cipher = "AES-256-CBC"; return "CMAC";
    case GNUTLS_MAC_AES_GMAC_128: *cipher = "AES-128-GCM"; return "GMAC";
    case GNUTLS_MAC_AES_GMAC_192: *cipher = "AES-192-GCM"; return "GMAC";
    case GNUTLS_MAC_AES_GMAC_256: *cipher = "AES-256-GCM"; return "GMAC";
    default:
        *digest = gnossl_mac_ossl_digest_name(m);
        return *digest != NULL ? "HMAC" : NULL;
    }
}

/* ---- fetched once ---- */

#define N_DIGEST_SLOTS (GNUTLS_DIG_SHAKE_256 + 1)
#define N_CIPHER_SLOTS (GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM + 1)

static EVP_MD *digests[N_DIGEST_SLOTS];
static EVP_CIPHER *ciphers[N_CIPHER_SLOTS];
static pthread_once_t fetch_once = PTHREAD_ONCE_INIT;

static void fetch_all(void)
{
    /* A failed fetch (legacy-only algorithms) queues errors; drop exactly
     * those, whatever the caller has queued stays. */
    ERR_set_mark();
    for (int i = 0; i < N_DIGEST_SLOTS; i++) {
        const char *n = gnossl_digest_ossl_name((gnutls_digest_algorithm_t)i);
        if (n != NULL)
            digests[i] = EVP_MD_fetch(NULL, n, NULL);
    }
    for (int i = 0; i < N_CIPHER_SLOTS; i++) {
        const char *n = gnossl_cipher_ossl_name((gnutls_cipher_algorithm_t)i);
        if (n != NULL)
            ciphers[i] = EVP_CIPHER_fetch(NULL, n, NULL);
    }
    ERR_pop_to_mark();
}

const EVP_MD *gnossl_digest_fetch(gnutls_digest_algorithm_t d)
{
    if ((int)d <= 0 || (int)d >= N_DIGEST_SLOTS)
        return NULL;
    pthread_once(&fetch_once, fetch_all);
    return digests[d];
}

const EVP_CIPHER *gnossl_cipher_fetch(gnutls_cipher_algorithm_t c)
{
    if ((int)c <= 0 || (int)c >= N_CIPHER_SLOTS)
        return NULL;
    pthread_once(&fetch_once, fetch_all);
    return ciphers[c];
}

/* ---- TLS groups ---- */

static const struct {
    gnutls_group_t id;
    const char *ossl; /* as SSL_set1_groups_list takes it */
    int nid;
} groups[] = {
    {GNUTLS_GROUP_SECP192R1, "secp192r1", NID_X9_62_prime192v1},
    {GNUTLS_GROUP_SECP224R1, "secp224r1", NID_secp224r1},
    {GNUTLS_GROUP_SECP256R1, "secp256r1", NID_X9_62_prime256v1},
    {GNUTLS_GROUP_SECP384R1, "secp384r1", NID_secp384r1},
    {GNUTLS_GROUP_SECP521R1, "secp521r1", NID_secp521r1},
    {GNUTLS_GROUP_X25519, "x25519", NID_X25519},
    {GNUTLS_GROUP_X448, "x448", NID_X448},
    {GNUTLS_GROUP_FFDHE2048, "ffdhe2048", NID_ffdhe2048},
    {GNUTLS_GROUP_FFDHE3072, "ffdhe3072", NID_ffdhe3072},
    {GNUTLS_GROUP_FFDHE4096, "ffdhe4096", NID_ffdhe4096},
    {GNUTLS_GROUP_FFDHE6144, "ffdhe6144", NID_ffdhe6144},
    {GNUTLS_GROUP_FFDHE8192, "ffdhe8192", NID_ffdhe8192},
};

const char *gnossl_group_ossl_name(gnutls_group_t g)
{
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (groups[i].id == g)
            return groups[i].ossl;
    return NULL;
}

gnutls_group_t gnossl_group_from_ossl_nid(int nid)
{
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (groups[i].nid == nid)
            return groups[i].id;
    return GNUTLS_GROUP_INVALID;
}

/* ---- signature schemes ---- */

/* The TLS 1.2 (any-curve) ECDSA ids share their code points with the TLS
 * 1.3 curve-bound ones; `tls13` says which GnuTLS id a code point means. */
static const struct {
    gnutls_sign_algorithm_t id;
    /* as SSL_set1_sigalgs_list takes it: OpenSSL 3.0 has no scheme name for
     * some TLS 1.2 pairs, which it accepts only as "SIG+HASH" */
    const char *ossl;
    unsigned tls_id;
    unsigned char tls13; /* 1: TLS 1.3 meaning, 0: TLS 1.2 only, 2: both */
} signs[] = {
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, "ecdsa_secp256r1_sha256", 0x0403, 1},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, "ecdsa_secp384r1_sha384", 0x0503, 1},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, "ecdsa_secp521r1_sha512", 0x0603, 1},
    {GNUTLS_SIGN_ECDSA_SHA256, "ecdsa_secp256r1_sha256", 0x0403, 0},
    {GNUTLS_SIGN_ECDSA_SHA384, "ecdsa_secp384r1_sha384", 0x0503, 0},
    {GNUTLS_SIGN_ECDSA_SHA512, "ecdsa_secp521r1_sha512", 0x0603, 0},
    {GNUTLS_SIGN_ECDSA_SHA224, "ECDSA+SHA224", 0x0303, 0},
    {GNUTLS_SIGN_ECDSA_SHA1, "ECDSA+SHA1", 0x0203, 0},
    {GNUTLS_SIGN_EDDSA_ED25519, "ed25519", 0x0807, 2},
    {GNUTLS_SIGN_EDDSA_ED448, "ed448", 0x0808, 2},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, "rsa_pss_rsae_sha256", 0x0804, 2},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, "rsa_pss_rsae_sha384", 0x0805, 2},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, "rsa_pss_rsae_sha512", 0x0806, 2},
    {GNUTLS_SIGN_RSA_PSS_SHA256, "rsa_pss_pss_sha256", 0x0809, 2},
    {GNUTLS_SIGN_RSA_PSS_SHA384, "rsa_pss_pss_sha384", 0x080a, 2},
    {GNUTLS_SIGN_RSA_PSS_SHA512, "rsa_pss_pss_sha512", 0x080b, 2},
    {GNUTLS_SIGN_RSA_SHA256, "rsa_pkcs1_sha256", 0x0401, 0},
    {GNUTLS_SIGN_RSA_SHA384, "rsa_pkcs1_sha384", 0x0501, 0},
    {GNUTLS_SIGN_RSA_SHA512, "rsa_pkcs1_sha512", 0x0601, 0},
    {GNUTLS_SIGN_RSA_SHA224, "rsa_pkcs1_sha224", 0x0301, 0},
    {GNUTLS_SIGN_RSA_SHA1, "rsa_pkcs1_sha1", 0x0201, 0},
    {GNUTLS_SIGN_DSA_SHA256, "DSA+SHA256", 0x0402, 0},
    {GNUTLS_SIGN_DSA_SHA384, "DSA+SHA384", 0x0502, 0},
    {GNUTLS_SIGN_DSA_SHA512, "DSA+SHA512", 0x0602, 0},
    {GNUTLS_SIGN_DSA_SHA224, "DSA+SHA224", 0x0302, 0},
    {GNUTLS_SIGN_DSA_SHA1, "DSA+SHA1", 0x0202, 0},
};

const char *gnossl_sign_ossl_name(gnutls_sign_algorithm_t s)
{
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (signs[i].id == s)
            return signs[i].ossl;
    return NULL;
}

/* Name -> the TLS 1.3 meaning where a code point has two. */
gnutls_sign_algorithm_t gnossl_sign_from_ossl_name(const char *name)
{
    if (name == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (strcasecmp(signs[i].ossl, name) == 0)
            return signs[i].id;
    return GNUTLS_SIGN_UNKNOWN;
}

gnutls_sign_algorithm_t gnossl_sign_from_tls_id(unsigned tls_id, int tls13)
{
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (signs[i].tls_id == tls_id && (signs[i].tls13 == 2 || (signs[i].tls13 == 1) == (tls13 != 0)))
            return signs[i].id;
    return GNUTLS_SIGN_UNKNOWN;
}

unsigned gnossl_sign_tls_id(gnutls_sign_algorithm_t s)
{
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (signs[i].id == s)
            return signs[i].tls_id;
    return 0;
}

/* ---- protocol versions ---- */

int gnossl_protocol_to_ossl(gnutls_protocol_t p)
{
    switch (p) {
    case GNUTLS_SSL3: return SSL3_VERSION;
    case GNUTLS_TLS1_0: return TLS1_VERSION;
    case GNUTLS_TLS1_1: return TLS1_1_VERSION;
    case GNUTLS_TLS1_2: return TLS1_2_VERSION;
    case GNUTLS_TLS1_3: return TLS1_3_VERSION;
    case GNUTLS_DTLS0_9: return DTLS1_BAD_VER;
    case GNUTLS_DTLS1_0: return DTLS1_VERSION;
    case GNUTLS_DTLS1_2: return DTLS1_2_VERSION;
    default: return 0;
    }
}

gnutls_protocol_t gnossl_protocol_from_ossl(int version)
{
    switch (version) {
    case SSL3_VERSION: return GNUTLS_SSL3;
    case TLS1_VERSION: return GNUTLS_TLS1_0;
    case TLS1_1_VERSION: return GNUTLS_TLS1_1;
    case TLS1_2_VERSION: return GNUTLS_TLS1_2;
    case TLS1_3_VERSION: return GNUTLS_TLS1_3;
    case DTLS1_BAD_VER: return GNUTLS_DTLS0_9;
    case DTLS1_VERSION: return GNUTLS_DTLS1_0;
    case DTLS1_2_VERSION: return GNUTLS_DTLS1_2;
    default: return GNUTLS_VERSION_UNKNOWN;
    }
}
