/* The priority grammar's keyword tables: algorithm names as GnuTLS 3.7.9
 * spells them, the initial keywords' algorithm lists, and the % options. */
#include "gnossl.h"
#include "tls/priority-int.h"

#include <string.h>
#include <strings.h>

static const struct gnossl_prio_name mac_names[] = {
    {"MD5", 2},
    {"SHA1", 3},
    {"SHA256", 6},
    {"SHA384", 7},
    {"SHA512", 8},
    {"SHA224", 9},
    {"GOSTR341194", 15},
    {"STREEBOG-256", 16},
    {"STREEBOG-512", 17},
    {"AEAD", 200},
    {"UMAC-96", 201},
    {"UMAC-128", 202},
    {"AES-CMAC-128", 203},
    {"AES-CMAC-256", 204},
    {"AES-GMAC-128", 205},
    {"AES-GMAC-192", 206},
    {"AES-GMAC-256", 207},
    {"GOST28147-TC26Z-IMIT", 208},
    {"OMAC-MAGMA", 211},
    {"OMAC-KUZNYECHIK", 212},
    {NULL, 0}};

static const struct gnossl_prio_name kx_names[] = {
    {"RSA", 1},
    {"DHE-DSS", 2},
    {"DHE-RSA", 3},
    {"ANON-DH", 4},
    {"SRP", 5},
    {"SRP-RSA", 7},
    {"SRP-DSS", 8},
    {"PSK", 9},
    {"DHE-PSK", 10},
    {"ANON-ECDH", 11},
    {"ECDHE-RSA", 12},
    {"ECDHE-ECDSA", 13},
    {"ECDHE-PSK", 14},
    {"RSA-PSK", 15},
    {"VKO-GOST-12", 16},
    {NULL, 0}};

static const struct gnossl_prio_name version_names[] = {
    {"SSL3.0", 1},
    {"TLS1.0", 2},
    {"TLS1.1", 3},
    {"TLS1.2", 4},
    {"TLS1.3", 5},
    {"DTLS0.9", 200},
    {"DTLS1.0", 201},
    {"DTLS1.2", 202},
    {NULL, 0}};

static const struct gnossl_prio_name sign_names[] = {
    {"RSA-SHA1", 1},
    {"DSA-SHA1", 2},
    {"RSA-MD5", 3},
    {"RSA-MD2", 4},
    {"RSA-RMD160", 5},
    {"RSA-SHA256", 6},
    {"RSA-SHA384", 7},
    {"RSA-SHA512", 8},
    {"RSA-SHA224", 9},
    {"DSA-SHA224", 10},
    {"DSA-SHA256", 11},
    {"ECDSA-SHA1", 12},
    {"ECDSA-SHA224", 13},
    {"ECDSA-SHA256", 14},
    {"ECDSA-SHA384", 15},
    {"ECDSA-SHA512", 16},
    {"DSA-SHA384", 17},
    {"DSA-SHA512", 18},
    {"ECDSA-SHA3-224", 20},
    {"ECDSA-SHA3-256", 21},
    {"ECDSA-SHA3-384", 22},
    {"ECDSA-SHA3-512", 23},
    {"DSA-SHA3-224", 24},
    {"DSA-SHA3-256", 25},
    {"DSA-SHA3-384", 26},
    {"DSA-SHA3-512", 27},
    {"RSA-SHA3-224", 28},
    {"RSA-SHA3-256", 29},
    {"RSA-SHA3-384", 30},
    {"RSA-SHA3-512", 31},
    {"RSA-PSS-SHA256", 32},
    {"RSA-PSS-SHA384", 33},
    {"RSA-PSS-SHA512", 34},
    {"EdDSA-Ed25519", 35},
    {"RSA-RAW", 36},
    {"ECDSA-SECP256R1-SHA256", 37},
    {"ECDSA-SECP384R1-SHA384", 38},
    {"ECDSA-SECP521R1-SHA512", 39},
    {"RSA-PSS-RSAE-SHA256", 40},
    {"RSA-PSS-RSAE-SHA384", 41},
    {"RSA-PSS-RSAE-SHA512", 42},
    {"GOSTR341001", 43},
    {"GOSTR341012-256", 44},
    {"GOSTR341012-512", 45},
    {"EdDSA-Ed448", 46},
    {NULL, 0}};

/* GnuTLS's internal group lookup (unlike gnutls_group_get_id) knows every
 * group, the GOST ones included. */
static const struct gnossl_prio_name group_names[] = {
    {"SECP224R1", 1}, {"SECP256R1", 2}, {"SECP384R1", 3}, {"SECP521R1", 4}, {"SECP192R1", 5},
    {"X25519", 6}, {"GC512A", 13}, {"GC512B", 14}, {"GC512C", 15}, {"GC256A", 16}, {"GC256B", 17},
    {"GC256C", 18}, {"GC256D", 19}, {"X448", 20}, {"FFDHE2048", 256}, {"FFDHE3072", 257},
    {"FFDHE4096", 258}, {"FFDHE8192", 259}, {"FFDHE6144", 260},
    {NULL, 0}};

static const struct gnossl_prio_name curve_names[] = {
    {"SECP224R1", 1},
    {"SECP256R1", 2},
    {"SECP384R1", 3},
    {"SECP521R1", 4},
    {"SECP192R1", 5},
    {"X25519", 6},
    {"Ed25519", 7},
    {"CryptoPro-A", 8},
    {"CryptoPro-XchA", 11},
    {"TC26-512-A", 13},
    {"TC26-256-B", 17},
    {"X448", 20},
    {"Ed448", 21},
    {NULL, 0}};

/* id 0: GnuTLS knows the name but the cipher is unavailable. */
static const struct gnossl_prio_name cipher_names[] = {
    {"NULL", 1},
    {"ARCFOUR-128", 2},
    {"3DES-CBC", 3},
    {"AES-128-CBC", 4},
    {"AES-256-CBC", 5},
    {"ARCFOUR-40", 0},
    {"CAMELLIA-128-CBC", 7},
    {"CAMELLIA-256-CBC", 8},
    {"AES-192-CBC", 9},
    {"AES-128-GCM", 10},
    {"AES-256-GCM", 11},
    {"CAMELLIA-192-CBC", 12},
    {"SALSA20-256", 13},
    {"ESTREAM-SALSA20-256", 14},
    {"CAMELLIA-128-GCM", 15},
    {"CAMELLIA-256-GCM", 16},
    {"RC2-40", 17},
    {"DES-CBC", 18},
    {"AES-128-CCM", 19},
    {"AES-256-CCM", 20},
    {"AES-128-CCM-8", 21},
    {"AES-256-CCM-8", 22},
    {"CHACHA20-POLY1305", 23},
    {"GOST28147-TC26Z-CFB", 24},
    {"GOST28147-CPA-CFB", 25},
    {"GOST28147-CPB-CFB", 26},
    {"GOST28147-CPC-CFB", 27},
    {"GOST28147-CPD-CFB", 28},
    {"AES-128-CFB8", 29},
    {"AES-192-CFB8", 30},
    {"AES-256-CFB8", 31},
    {"AES-128-XTS", 32},
    {"AES-256-XTS", 33},
    {"GOST28147-TC26Z-CNT", 34},
    {"CHACHA20-64", 35},
    {"CHACHA20-32", 36},
    {"AES-128-SIV", 37},
    {"AES-256-SIV", 38},
    {"AES-192-GCM", 39},
    {"MAGMA-CTR-ACPKM", 40},
    {"KUZNYECHIK-CTR-ACPKM", 41},
    {NULL, 0}};

static const struct gnossl_prio_name ctype_names[] = {
    {"X.509", GNUTLS_CRT_X509}, {"X509", GNUTLS_CRT_X509}, {"RAWPK", GNUTLS_CRT_RAWPK}, {NULL, 0}};

static unsigned lookup(const struct gnossl_prio_name *t, const char *name)
{
    for (; t->name != NULL; t++)
        if (strcasecmp(t->name, name) == 0)
            return t->id;
    return 0;
}

unsigned gnossl_prio_mac_id(const char *name) { return lookup(mac_names, name); }
unsigned gnossl_prio_kx_id(const char *name) { return lookup(kx_names, name); }
unsigned gnossl_prio_version_id(const char *name) { return lookup(version_names, name); }
unsigned gnossl_prio_sign_id(const char *name) { return lookup(sign_names, name); }
unsigned gnossl_prio_group_id(const char *name) { return lookup(group_names, name); }
unsigned gnossl_prio_curve_id(const char *name) { return lookup(curve_names, name); }
unsigned gnossl_prio_ctype_id(const char *name) { return lookup(ctype_names, name); }

int gnossl_prio_cipher_lookup(const char *name, unsigned *id)
{
    for (const struct gnossl_prio_name *t = cipher_names; t->name != NULL; t++)
        if (strcasecmp(t->name, name) == 0) {
            *id = t->id;
            return 1;
        }
    return 0;
}

/* ---- lists behind the keywords (GnuTLS 3.7.9 on a CPU with AES-NI) ---- */
const int gnossl_prio_empty[] = {0};
const int gnossl_prio_protocols_all[] = {GNUTLS_TLS1_3, GNUTLS_TLS1_2, GNUTLS_TLS1_1, GNUTLS_TLS1_0,
                                  GNUTLS_DTLS1_2, GNUTLS_DTLS1_0, 0};
const int gnossl_prio_protocols_stream[] = {GNUTLS_TLS1_3, GNUTLS_TLS1_2, GNUTLS_TLS1_1, GNUTLS_TLS1_0, 0};
const int gnossl_prio_protocols_dgram[] = {GNUTLS_DTLS1_2, GNUTLS_DTLS1_0, GNUTLS_DTLS0_9, 0};
const int gnossl_prio_protocols_dtls[] = {GNUTLS_DTLS1_2, GNUTLS_DTLS1_0, 0};
static const int protocols_suiteb[] = {GNUTLS_TLS1_2, 0};

const int gnossl_prio_ctype_default[] = {GNUTLS_CRT_X509, 0};
const int gnossl_prio_ctype_all[] = {GNUTLS_CRT_X509, GNUTLS_CRT_RAWPK, 0};

const int gnossl_prio_groups_dh[] = {GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096,
                              GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192, 0};
const int gnossl_prio_groups_ecdh[] = {GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1,
                                GNUTLS_GROUP_X25519, GNUTLS_GROUP_X448, 0};
/* EC groups first: clients send key shares for the first two. */
const int gnossl_prio_groups_normal[] = {GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1,
                                  GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_X25519,
                                  GNUTLS_GROUP_X448,      GNUTLS_GROUP_FFDHE2048,
                                  GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096,
                                  GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192,
                                  0};
static const int groups_suiteb128[] = {GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, 0};
static const int groups_suiteb192[] = {GNUTLS_GROUP_SECP384R1, 0};
static const int groups_secure192[] = {GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1,
                                       GNUTLS_GROUP_FFDHE8192, 0};

static const int kx_performance[] = {GNUTLS_KX_RSA, GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA,
                                     GNUTLS_KX_DHE_RSA, 0};
static const int kx_pfs[] = {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_DHE_RSA, 0};
static const int kx_suiteb[] = {GNUTLS_KX_ECDHE_ECDSA, 0};
/* Forward-secret exchanges first; plain RSA before DHE (DHE servers may
 * pick weak groups GnuTLS then has to refuse). */
const int gnossl_prio_kx_secure[] = {GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_RSA,
                              GNUTLS_KX_DHE_RSA, 0};

static const int cipher_performance[] = {GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_256_GCM,
                                         GNUTLS_CIPHER_CHACHA20_POLY1305, GNUTLS_CIPHER_AES_128_CCM,
                                         GNUTLS_CIPHER_AES_256_CCM, GNUTLS_CIPHER_AES_128_CBC,
                                         GNUTLS_CIPHER_AES_256_CBC, 0};
const int gnossl_prio_cipher_normal[] = {GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305,
                                  GNUTLS_CIPHER_AES_256_CCM, GNUTLS_CIPHER_AES_256_CBC,
                                  GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_128_CCM,
                                  GNUTLS_CIPHER_AES_128_CBC, 0};
static const int cipher_suiteb128[] = {GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_AES_128_GCM, 0};
static const int cipher_suiteb192[] = {GNUTLS_CIPHER_AES_256_GCM, 0};
static const int cipher_secure128[] = {GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305,
                                       GNUTLS_CIPHER_AES_256_CBC, GNUTLS_CIPHER_AES_256_CCM,
                                       GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_128_CBC,
                                       GNUTLS_CIPHER_AES_128_CCM, 0};
static const int cipher_secure192[] = {GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_CHACHA20_POLY1305,
                                       GNUTLS_CIPHER_AES_256_CBC, GNUTLS_CIPHER_AES_256_CCM, 0};

const int gnossl_prio_sign_default[] = {
    GNUTLS_SIGN_RSA_SHA256,        GNUTLS_SIGN_RSA_PSS_SHA256,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA256,
    GNUTLS_SIGN_ECDSA_SHA256,      GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_EDDSA_ED25519,
    GNUTLS_SIGN_RSA_SHA384,        GNUTLS_SIGN_RSA_PSS_SHA384,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA384,
    GNUTLS_SIGN_ECDSA_SHA384,      GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_SIGN_EDDSA_ED448,
    GNUTLS_SIGN_RSA_SHA512,        GNUTLS_SIGN_RSA_PSS_SHA512,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA512,
    GNUTLS_SIGN_ECDSA_SHA512,      GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, GNUTLS_SIGN_RSA_SHA1,
    GNUTLS_SIGN_ECDSA_SHA1,        0};
/* The default without SHA-1. */
static const int sign_secure128[] = {
    GNUTLS_SIGN_RSA_SHA256,        GNUTLS_SIGN_RSA_PSS_SHA256,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA256,
    GNUTLS_SIGN_ECDSA_SHA256,      GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_EDDSA_ED25519,
    GNUTLS_SIGN_RSA_SHA384,        GNUTLS_SIGN_RSA_PSS_SHA384,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA384,
    GNUTLS_SIGN_ECDSA_SHA384,      GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_SIGN_EDDSA_ED448,
    GNUTLS_SIGN_RSA_SHA512,        GNUTLS_SIGN_RSA_PSS_SHA512,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA512,
    GNUTLS_SIGN_ECDSA_SHA512,      GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, 0};
static const int sign_secure192[] = {
    GNUTLS_SIGN_RSA_SHA384,        GNUTLS_SIGN_RSA_PSS_SHA384,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA384,
    GNUTLS_SIGN_ECDSA_SHA384,      GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, GNUTLS_SIGN_EDDSA_ED448,
    GNUTLS_SIGN_RSA_SHA512,        GNUTLS_SIGN_RSA_PSS_SHA512,         GNUTLS_SIGN_RSA_PSS_RSAE_SHA512,
    GNUTLS_SIGN_ECDSA_SHA512,      GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, 0};
static const int sign_suiteb128[] = {GNUTLS_SIGN_ECDSA_SHA256, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256,
                                     GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, 0};
static const int sign_suiteb192[] = {GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, 0};

const int gnossl_prio_mac_normal[] = {GNUTLS_MAC_SHA1, GNUTLS_MAC_AEAD, 0};

/* GOST (Debian's GnuTLS has it; OpenSSL's default provider does not, so
 * these only show in the getters). */
const int gnossl_prio_cipher_gost[] = {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, 0};
const int gnossl_prio_mac_gost[] = {GNUTLS_MAC_GOST28147_TC26Z_IMIT, 0};
const int gnossl_prio_kx_gost[] = {GNUTLS_KX_VKO_GOST_12, 0};
const int gnossl_prio_sign_gost[] = {GNUTLS_SIGN_GOST_256, GNUTLS_SIGN_GOST_512, 0};
const int gnossl_prio_groups_gost[] = {GNUTLS_GROUP_GC256A, GNUTLS_GROUP_GC256B, GNUTLS_GROUP_GC256C,
                                GNUTLS_GROUP_GC256D, GNUTLS_GROUP_GC512A, GNUTLS_GROUP_GC512B,
                                GNUTLS_GROUP_GC512C, 0};
static const int mac_aead[] = {GNUTLS_MAC_AEAD, 0};

const struct gnossl_prio_level gnossl_prio_levels[] = {
    {"NORMAL", NULL, NULL, gnossl_prio_cipher_normal, gnossl_prio_mac_normal, gnossl_prio_kx_secure, gnossl_prio_sign_default,
     gnossl_prio_groups_normal, GNUTLS_PROFILE_LOW, GNUTLS_SEC_PARAM_WEAK, 0, 0},
    {"PFS", NULL, NULL, gnossl_prio_cipher_normal, gnossl_prio_mac_normal, kx_pfs, gnossl_prio_sign_default,
     gnossl_prio_groups_normal, GNUTLS_PROFILE_LOW, GNUTLS_SEC_PARAM_WEAK, 0, 1},
    {"SECURE128", "SECURE", NULL, cipher_secure128, gnossl_prio_mac_normal, gnossl_prio_kx_secure, sign_secure128,
     gnossl_prio_groups_normal, GNUTLS_PROFILE_LOW, GNUTLS_SEC_PARAM_LOW, 0, 0},
    {"SECURE192", "SECURE256", NULL, cipher_secure192, mac_aead, gnossl_prio_kx_secure, sign_secure192,
     groups_secure192, GNUTLS_PROFILE_HIGH, GNUTLS_SEC_PARAM_HIGH, 0, 0},
    {"SUITEB128", NULL, protocols_suiteb, cipher_suiteb128, mac_aead, kx_suiteb, sign_suiteb128,
     groups_suiteb128, GNUTLS_PROFILE_SUITEB128, GNUTLS_SEC_PARAM_HIGH, 0, 0},
    {"SUITEB192", NULL, protocols_suiteb, cipher_suiteb192, mac_aead, kx_suiteb, sign_suiteb192,
     groups_suiteb192, GNUTLS_PROFILE_SUITEB192, GNUTLS_SEC_PARAM_ULTRA, 0, 0},
    {"LEGACY", NULL, NULL, gnossl_prio_cipher_normal, gnossl_prio_mac_normal, gnossl_prio_kx_secure, gnossl_prio_sign_default,
     gnossl_prio_groups_normal, 0, GNUTLS_SEC_PARAM_VERY_WEAK, 0, 0},
    {"PERFORMANCE", NULL, NULL, cipher_performance, gnossl_prio_mac_normal, kx_performance,
     gnossl_prio_sign_default, gnossl_prio_groups_normal, GNUTLS_PROFILE_LOW, GNUTLS_SEC_PARAM_WEAK, 0, 0},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0},
};

/* ---- % options ---- */
static void set_profile(struct gnutls_priority_st *p, unsigned profile, int level)
{
    p->profile = profile;
    p->level = level;
}
#define PROFILE_FN(fn, prof, lvl)                                                                  \
    static void fn(struct gnutls_priority_st *p) { set_profile(p, prof, lvl); }
PROFILE_FN(opt_profile_very_weak, GNUTLS_PROFILE_VERY_WEAK, GNUTLS_SEC_PARAM_VERY_WEAK)
PROFILE_FN(opt_profile_low, GNUTLS_PROFILE_LOW, GNUTLS_SEC_PARAM_LOW)
PROFILE_FN(opt_profile_legacy, GNUTLS_PROFILE_LEGACY, GNUTLS_SEC_PARAM_LEGACY)
PROFILE_FN(opt_profile_medium, GNUTLS_PROFILE_MEDIUM, GNUTLS_SEC_PARAM_MEDIUM)
PROFILE_FN(opt_profile_high, GNUTLS_PROFILE_HIGH, GNUTLS_SEC_PARAM_HIGH)
PROFILE_FN(opt_profile_ultra, GNUTLS_PROFILE_ULTRA, GNUTLS_SEC_PARAM_ULTRA)
PROFILE_FN(opt_profile_future, GNUTLS_PROFILE_FUTURE, GNUTLS_SEC_PARAM_FUTURE)
PROFILE_FN(opt_profile_suiteb128, GNUTLS_PROFILE_SUITEB128, GNUTLS_SEC_PARAM_HIGH)
/* GnuTLS 3.7.9 maps %PROFILE_SUITEB192 to the 128-bit profile as well. */
PROFILE_FN(opt_profile_suiteb192, GNUTLS_PROFILE_SUITEB128, GNUTLS_SEC_PARAM_HIGH)

#define FIELD_FN(fn, field, val)                                                                   \
    static void fn(struct gnutls_priority_st *p) { p->field = val; }
FIELD_FN(opt_no_etm, no_etm, 1)
FIELD_FN(opt_force_etm, force_etm, 1)
FIELD_FN(opt_no_tickets, no_tickets, 1)
FIELD_FN(opt_no_tickets_tls12, no_tickets_tls12, 1)
FIELD_FN(opt_no_extensions, no_extensions, 1)
FIELD_FN(opt_no_session_hash, no_ems, 1)
FIELD_FN(opt_server_precedence, server_precedence, 1)
FIELD_FN(opt_dumbfw, dumbfw, 1)
FIELD_FN(opt_small_records, allow_small_records, 1)
FIELD_FN(opt_fallback_scsv, fallback, 1)
FIELD_FN(opt_key_usage, key_usage_violations, 1)
FIELD_FN(opt_no_tls13_compat, tls13_compat_mode, 0)
FIELD_FN(opt_ssl3_record, min_record_version, 1)
FIELD_FN(opt_latest_record, min_record_version, 0)
FIELD_FN(opt_sr_safe, sr, PRIO_SR_SAFE)
FIELD_FN(opt_sr_unsafe, sr, PRIO_SR_UNSAFE)
FIELD_FN(opt_sr_partial, sr, PRIO_SR_PARTIAL)
FIELD_FN(opt_sr_disabled, sr, PRIO_SR_DISABLED)

#define VFLAG_FN(fn, flag)                                                                         \
    static void fn(struct gnutls_priority_st *p) { p->verify_flags |= (flag); }
VFLAG_FN(opt_disable_wildcards, GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS)
VFLAG_FN(opt_allow_md5, GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5)
VFLAG_FN(opt_allow_sha1, GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1)
VFLAG_FN(opt_allow_broken, GNUTLS_VERIFY_ALLOW_BROKEN)
VFLAG_FN(opt_no_crl, GNUTLS_VERIFY_DISABLE_CRL_CHECKS)

/* %COMPAT: tolerate oversized records and servers broken by big hellos,
 * and, as GnuTLS, offer neither encrypt-then-MAC nor the extended master
 * secret (openconnect's DTLS 0.9 relies on it: ocserv's server would take
 * the encrypt-then-MAC that OpenSSL's DTLS 0.9 client gets wrong). */
static void opt_compat(struct gnutls_priority_st *p)
{
    p->allow_large_records = 1;
    p->dumbfw = 1;
    p->no_etm = 1;
    p->no_ems = 1;
}

static void opt_nothing(struct gnutls_priority_st *p)
{
    (void)p;
}

static const struct {
    const char *name;
    gnossl_prio_option_fn fn;
} options[] = {
    {"COMPAT", opt_compat},
    {"DUMBFW", opt_dumbfw},
    {"NO_EXTENSIONS", opt_no_extensions},
    {"NO_TICKETS", opt_no_tickets},
    {"NO_TICKETS_TLS12", opt_no_tickets_tls12},
    {"NO_ETM", opt_no_etm},
    {"FORCE_ETM", opt_force_etm},
    {"NO_SESSION_HASH", opt_no_session_hash},
    {"STATELESS_COMPRESSION", opt_nothing},
    {"VERIFY_ALLOW_BROKEN", opt_allow_broken},
    {"VERIFY_ALLOW_SIGN_RSA_MD5", opt_allow_md5},
    {"VERIFY_ALLOW_SIGN_WITH_SHA1", opt_allow_sha1},
    {"VERIFY_DISABLE_CRL_CHECKS", opt_no_crl},
    {"SSL3_RECORD_VERSION", opt_ssl3_record},
    {"LATEST_RECORD_VERSION", opt_latest_record},
    {"VERIFY_ALLOW_X509_V1_CA_CRT", opt_nothing},
    {"UNSAFE_RENEGOTIATION", opt_sr_unsafe},
    {"SAFE_RENEGOTIATION", opt_sr_safe},
    {"PARTIAL_RENEGOTIATION", opt_sr_partial},
    {"DISABLE_SAFE_RENEGOTIATION", opt_sr_disabled},
    {"DISABLE_WILDCARDS", opt_disable_wildcards},
    {"SERVER_PRECEDENCE", opt_server_precedence},
    {"PROFILE_VERY_WEAK", opt_profile_very_weak},
    {"PROFILE_LOW", opt_profile_low},
    {"PROFILE_LEGACY", opt_profile_legacy},
    {"PROFILE_MEDIUM", opt_profile_medium},
    {"PROFILE_HIGH", opt_profile_high},
    {"PROFILE_ULTRA", opt_profile_ultra},
    {"PROFILE_FUTURE", opt_profile_future},
    {"PROFILE_SUITEB128", opt_profile_suiteb128},
    {"PROFILE_SUITEB192", opt_profile_suiteb192},
    {"NEW_PADDING", opt_nothing},
    {"DEBUG_ALLOW_KEY_USAGE_VIOLATIONS", opt_key_usage},
    {"ALLOW_SMALL_RECORDS", opt_small_records},
    {"FALLBACK_SCSV", opt_fallback_scsv},
    {"DISABLE_TLS13_COMPAT_MODE", opt_no_tls13_compat},
};

gnossl_prio_option_fn gnossl_prio_option_find(const char *name)
{
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        if (strcmp(options[i].name, name) == 0)
            return options[i].fn;
    return NULL;
}

/* gnutls_priority_string_list(GNUTLS_PRIORITY_LIST_SPECIAL) walks GnuTLS's
 * hash table slots, empty ones included; this is that sequence. */
static const char *const special_slots[] = {
    "", "", "", "", "", "", "NO_ETM", "", "", "FORCE_ETM", "NO_TICKETS", "NEW_PADDING", "",
    "NO_EXTENSIONS", "", "", "COMPAT", "DISABLE_WILDCARDS", "SAFE_RENEGOTIATION",
    "SSL3_RECORD_VERSION", "NO_SESSION_HASH", "STATELESS_COMPRESSION", "SERVER_PRECEDENCE", "",
    "PROFILE_MEDIUM", "UNSAFE_RENEGOTIATION", "DISABLE_SAFE_RENEGOTIATION", "PROFILE_HIGH",
    "FALLBACK_SCSV", "PROFILE_FUTURE", "DISABLE_TLS13_COMPAT_MODE", "PARTIAL_RENEGOTIATION",
    "DEBUG_ALLOW_KEY_USAGE_VIOLATIONS", "", "VERIFY_ALLOW_BROKEN", "", "DUMBFW",
    "PROFILE_VERY_WEAK", "", "ALLOW_SMALL_RECORDS", "VERIFY_DISABLE_CRL_CHECKS", "NO_TICKETS_TLS12",
    "VERIFY_ALLOW_X509_V1_CA_CRT", "PROFILE_ULTRA", "PROFILE_LEGACY", "VERIFY_ALLOW_SIGN_RSA_MD5",
    "LATEST_RECORD_VERSION", "PROFILE_SUITEB128", "", "", "", "PROFILE_LOW", "PROFILE_SUITEB192", "",
    "", "", ""};

const char *gnossl_prio_special_name(unsigned iter)
{
    if (iter >= sizeof special_slots / sizeof special_slots[0])
        return NULL;
    return special_slots[iter];
}
