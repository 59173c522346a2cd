/* Differential: the algorithm tables.  Every name <-> id round trip for ids
 * -2..300 of each enum, every list in order, sizes, OIDs, security
 * parameters, signature properties, and every name any table produces fed
 * to every *_get_id (as given, lower and upper case). */
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(x) ((x) != NULL ? (x) : "(null)")
#define MAXID 300

/* Deliberate difference (documented in src/core/algorithms-*.c): like
 * GnuTLS, gnossl lists only what its backend can run, and OpenSSL has no
 * GOST, Salsa20, Camellia-GCM or UMAC (RC4, DES and RC2 only in its legacy
 * provider).  Lists are compared without those ids; everything else about
 * them (names, sizes, OIDs, lookups) is compared in full. */
static const int unbacked_cipher[] = {2, 13, 14, 15, 16, 17, 18, 24, 25, 26, 27, 28, 34, 40, 41, 0};
static const int unbacked_mac[] = {15, 16, 17, 201, 202, 208, 211, 212, 0};
static const int unbacked_kx[] = {16, 0};
static const int unbacked_pk[] = {8, 9, 10, 0};
static const int unbacked_sign[] = {43, 44, 45, 0};
static const int unbacked_group[] = {13, 14, 15, 16, 17, 18, 19, 0};
static const int unbacked_none[] = {0};
static const int unbacked_curve[] = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0};

static int listed(int id, const int *unbacked)
{
    for (; *unbacked; unbacked++)
        if (*unbacked == id)
            return 0;
    return 1;
}
#define PRINT_LIST(label, type, list, unbacked)                    \
    do {                                                           \
        printf("%s:", label);                                      \
        for (const type *p_ = (list); *p_; p_++)                   \
            if (listed((int)*p_, unbacked))                        \
                printf(" %d", (int)*p_);                           \
        printf("\n");                                              \
    } while (0)

static char *names[4096];
static size_t n_names;
static char *oids[1024];
static size_t n_oids;

static void add(char **arr, size_t *n, size_t max, const char *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(arr[i], s) == 0)
            return;
    if (*n < max)
        arr[(*n)++] = strdup(s);
}
#define ADD_NAME(s) add(names, &n_names, 4096, (s))
#define ADD_OID(s) add(oids, &n_oids, 1024, (s))

static void ciphers(void)
{
    for (int i = -2; i <= MAXID; i++) {
        gnutls_cipher_algorithm_t c = (gnutls_cipher_algorithm_t)i;
        const char *n = gnutls_cipher_get_name(c);
        ADD_NAME(n);
        printf("cipher %d %s key=%zu block=%u iv=%u tag=%u\n", i, S(n), gnutls_cipher_get_key_size(c),
               gnutls_cipher_get_block_size(c), gnutls_cipher_get_iv_size(c), gnutls_cipher_get_tag_size(c));
    }
    PRINT_LIST("cipher_list", gnutls_cipher_algorithm_t, gnutls_cipher_list(), unbacked_cipher);
    for (const gnutls_cipher_algorithm_t *p = gnutls_cipher_list(); *p; p++)
    ADD_NAME(gnutls_cipher_get_name(*p));
}

static void macs(void)
{
    for (int i = -2; i <= MAXID; i++) {
        gnutls_mac_algorithm_t m = (gnutls_mac_algorithm_t)i;
        const char *n = gnutls_mac_get_name(m);
        ADD_NAME(n);
        printf("mac %d %s key=%zu nonce=%zu hmac_len=%u hmac_key=%u\n", i, S(n), gnutls_mac_get_key_size(m),
               gnutls_mac_get_nonce_size(m), gnutls_hmac_get_len(m), gnutls_hmac_get_key_size(m));
    }
    PRINT_LIST("mac_list", gnutls_mac_algorithm_t, gnutls_mac_list(), unbacked_mac);
    for (const gnutls_mac_algorithm_t *p = gnutls_mac_list(); *p; p++)
    ADD_NAME(gnutls_mac_get_name(*p));
}

static void digests(void)
{
    for (int i = -2; i <= MAXID; i++) {
        gnutls_digest_algorithm_t d = (gnutls_digest_algorithm_t)i;
        const char *n = gnutls_digest_get_name(d);
        const char *oid = gnutls_digest_get_oid(d);
        ADD_NAME(n);
        ADD_OID(oid);
        printf("digest %d %s oid=%s len=%u\n", i, S(n), S(oid), gnutls_hash_get_len(d));
    }
    PRINT_LIST("digest_list", gnutls_digest_algorithm_t, gnutls_digest_list(), unbacked_mac);
    for (const gnutls_digest_algorithm_t *p = gnutls_digest_list(); *p; p++)
    ADD_NAME(gnutls_digest_get_name(*p));
}

static void kxs(void)
{
    for (int i = -2; i <= MAXID; i++) {
        const char *n = gnutls_kx_get_name((gnutls_kx_algorithm_t)i);
        ADD_NAME(n);
        if (n != NULL)
            printf("kx %d %s\n", i, n);
    }
    PRINT_LIST("kx_list", gnutls_kx_algorithm_t, gnutls_kx_list(), unbacked_kx);
}

static void protocols(void)
{
    for (int i = -2; i <= MAXID; i++) {
        const char *n = gnutls_protocol_get_name((gnutls_protocol_t)i);
        ADD_NAME(n);
        if (n != NULL)
            printf("protocol %d %s\n", i, n);
    }
    PRINT_LIST("protocol_list", gnutls_protocol_t, gnutls_protocol_list(), unbacked_none);
}

static const unsigned bits_probe[] = {0, 1, 64, 160, 192, 224, 255, 256, 384, 448, 512, 521, 768, 1000, 1024,
                                      1776, 2047, 2048, 3000, 3072, 4096, 7680, 8192, 15360, 16384, 30000};
static const gnutls_sec_param_t params[] = {
    GNUTLS_SEC_PARAM_UNKNOWN, GNUTLS_SEC_PARAM_INSECURE, GNUTLS_SEC_PARAM_EXPORT,
    GNUTLS_SEC_PARAM_VERY_WEAK, GNUTLS_SEC_PARAM_WEAK, GNUTLS_SEC_PARAM_LOW, GNUTLS_SEC_PARAM_LEGACY,
    GNUTLS_SEC_PARAM_MEDIUM, GNUTLS_SEC_PARAM_HIGH, GNUTLS_SEC_PARAM_ULTRA, GNUTLS_SEC_PARAM_FUTURE,
    (gnutls_sec_param_t)3, (gnutls_sec_param_t)51, (gnutls_sec_param_t)100};

static void pks(void)
{
    for (int i = -2; i <= MAXID; i++) {
        gnutls_pk_algorithm_t pk = (gnutls_pk_algorithm_t)i;
        const char *n = gnutls_pk_get_name(pk);
        const char *n2 = gnutls_pk_algorithm_get_name(pk);
        const char *oid = gnutls_pk_get_oid(pk);
        ADD_NAME(n);
        ADD_NAME(n2);
        ADD_OID(oid);
        if (n == NULL && n2 == NULL && oid == NULL && i > 20)
            continue;
        printf("pk %d %s %s oid=%s\n", i, S(n), S(n2), S(oid));
        if (i < 0 || i > 20)
            continue;
        printf("  bits->sec:");
        for (size_t b = 0; b < sizeof bits_probe / sizeof bits_probe[0]; b++)
            printf(" %u:%d", bits_probe[b], gnutls_pk_bits_to_sec_param(pk, bits_probe[b]));
        printf("\n  sec->bits:");
        for (size_t s = 0; s < sizeof params / sizeof params[0]; s++)
            printf(" %d:%u", params[s], gnutls_sec_param_to_pk_bits(pk, params[s]));
        printf("\n  pk_to_sign:");
        for (int h = 0; h <= 20; h++)
            printf(" %d", gnutls_pk_to_sign(pk, (gnutls_digest_algorithm_t)h));
        for (int h = 200; h <= 212; h++)
            printf(" %d", gnutls_pk_to_sign(pk, (gnutls_digest_algorithm_t)h));
        printf("\n");
    }
    PRINT_LIST("pk_list", gnutls_pk_algorithm_t, gnutls_pk_list(), unbacked_pk);
    for (const gnutls_pk_algorithm_t *p = gnutls_pk_list(); *p; p++)
    ADD_NAME(gnutls_pk_get_name(*p));
    for (int s = -1; s <= 60; s++) {
        const char *n = gnutls_sec_param_get_name((gnutls_sec_param_t)s);
        ADD_NAME(n);
        printf("sec_param %d %s sym=%u\n", s, S(n), gnutls_sec_param_to_symmetric_bits((gnutls_sec_param_t)s));
    }
}

static void signs(void)
{
    for (int i = -2; i <= MAXID; i++) {
        gnutls_sign_algorithm_t s = (gnutls_sign_algorithm_t)i;
        const char *n = gnutls_sign_get_name(s);
        const char *oid = gnutls_sign_get_oid(s);
        ADD_NAME(n);
        ADD_OID(oid);
        printf("sign %d %s oid=%s hash=%d pk=%d secure=%u secure2=%u,%u", i, S(n), S(oid),
               gnutls_sign_get_hash_algorithm(s), gnutls_sign_get_pk_algorithm(s), gnutls_sign_is_secure(s),
               gnutls_sign_is_secure2(s, 0), gnutls_sign_is_secure2(s, GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS));
        printf(" secure2[0..7]=");
        for (unsigned f = 0; f < 8; f++)
            printf("%u", gnutls_sign_is_secure2(s, f));
        if (i >= 0 && i <= 50) {
            printf(" supports:");
            for (int pk = 0; pk <= 14; pk++)
                printf("%u", gnutls_sign_supports_pk_algorithm(s, (gnutls_pk_algorithm_t)pk));
        }
        printf("\n");
    }
    PRINT_LIST("sign_list", gnutls_sign_algorithm_t, gnutls_sign_list(), unbacked_sign);
    for (const gnutls_sign_algorithm_t *p = gnutls_sign_list(); *p; p++)
    ADD_NAME(gnutls_sign_get_name(*p));
}

static void groups_curves(void)
{
    for (int i = -2; i <= MAXID; i++) {
        const char *n = gnutls_group_get_name((gnutls_group_t)i);
        ADD_NAME(n);
        if (n != NULL)
            printf("group %d %s\n", i, n);
    }
    PRINT_LIST("group_list", gnutls_group_t, gnutls_group_list(), unbacked_group);
    for (int i = -2; i <= MAXID; i++) {
        gnutls_ecc_curve_t c = (gnutls_ecc_curve_t)i;
        const char *n = gnutls_ecc_curve_get_name(c);
        const char *oid = gnutls_ecc_curve_get_oid(c);
        ADD_NAME(n);
        ADD_OID(oid);
        if (n != NULL || oid != NULL || gnutls_ecc_curve_get_size(c) || gnutls_ecc_curve_get_pk(c))
            printf("curve %d %s oid=%s size=%d pk=%d\n", i, S(n), S(oid), gnutls_ecc_curve_get_size(c),
                   gnutls_ecc_curve_get_pk(c));
    }
    PRINT_LIST("curve_list", gnutls_ecc_curve_t, gnutls_ecc_curve_list(), unbacked_curve);
}

static void misc(void)
{
    for (int i = -2; i <= MAXID; i++) {
        const char *n = gnutls_certificate_type_get_name((gnutls_certificate_type_t)i);
        ADD_NAME(n);
        printf("crt_type %d %s\n", i, S(n));
        n = gnutls_compression_get_name((gnutls_compression_method_t)i);
        ADD_NAME(n);
        printf("compression %d %s\n", i, S(n));
        const char *oid = gnutls_gost_paramset_get_oid((gnutls_gost_paramset_t)i);
        n = gnutls_gost_paramset_get_name((gnutls_gost_paramset_t)i);
        ADD_NAME(n);
        ADD_OID(oid);
        printf("gost_paramset %d %s oid=%s\n", i, S(n), S(oid));
    }
    printf("crt_type_list:");
    for (const gnutls_certificate_type_t *p = gnutls_certificate_type_list(); *p; p++)
        printf(" %d", *p);
    printf("\ncompression_list:");
    for (const gnutls_compression_method_t *p = gnutls_compression_list(); *p; p++)
        printf(" %d", *p);
    printf("\n");
}

static void name_lookups(const char *n)
{
    printf("name '%s': cipher=%d mac=%d digest=%d kx=%d protocol=%d pk=%d sign=%d group=%d curve=%d "
           "crt=%d comp=%d\n",
           n, gnutls_cipher_get_id(n), gnutls_mac_get_id(n), gnutls_digest_get_id(n), gnutls_kx_get_id(n),
           gnutls_protocol_get_id(n), gnutls_pk_get_id(n), gnutls_sign_get_id(n), gnutls_group_get_id(n),
           gnutls_ecc_curve_get_id(n), gnutls_certificate_type_get_id(n), gnutls_compression_get_id(n));
}

int main(void)
{
    ciphers();
    macs();
    digests();
    kxs();
    protocols();
    pks();
    signs();
    groups_curves();
    misc();

    /* Names that no table may produce but applications do pass. */
    static const char *extra[] = {"", "FOO", "AEAD", "SHA-256", "sha256", "AES128-GCM", "AES-128",
                                  "P-256", "P256", "secp256r1", "X25519", "x25519", "TLS1.3", "TLS1.2",
                                  "TLS 1.3", "SSL3", "DTLS1.2", "RSA", "ECDHE-RSA", "RSA-PSS", "RSA-PSS-SHA256",
                                  "RSA-PSS-RSAE-SHA256", "ECDSA", "EC", "ECC", "EdDSA", "Ed25519", "ED25519",
                                  "EdDSA (Ed25519)", "X.509", "X509", "RAWPK", "RAW", "NULL", "DEFLATE", "ZLIB",
                                  "UMAC-96", "CHACHA20-POLY1305 ", "DH", "DHE-RSA", "ANON-DH", "PSK", "SRP",
                                  "GOST", "MD5-SHA1", "SHAKE-128", "SECP256R1", "FFDHE2048", "ffdhe2048",
                                  "GROUP-FFDHE2048", "VERS-TLS1.3", "TLS_AES_128_GCM_SHA256",
                                  "RSA (X.509)", "GOST R 34.10-94", "UNKNOWN", "Unknown", "Raw Public Key",
                                  "OpenPGP", "RSA-EXPORT", "MAC-NULL", "ARCFOUR-40", "GC256A", "TC26-256-A",
                                  "CryptoPro-B", "TC26-Z", "Insecure", "Very weak", "SHA-1", "HMAC-SHA256"};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        ADD_NAME(extra[i]);
    size_t base = n_names;
    for (size_t i = 0; i < base; i++) {
        char lo[256], up[256];
        size_t k;
        for (k = 0; names[i][k] && k < 255; k++) {
            lo[k] = (char)tolower((unsigned char)names[i][k]);
            up[k] = (char)toupper((unsigned char)names[i][k]);
        }
        lo[k] = up[k] = '\0';
        name_lookups(names[i]);
        name_lookups(lo);
        name_lookups(up);
    }

    static const char *extra_oids[] = {"", "1.2.3", "1.2.840.113549.1.1.1 ", "2.16.840.1.101.3.4.2.1",
                                       "1.2.840.10045.3.1.7", "1.3.101.112", "1.2.840.113549.1.1.11",
                                       "1.3.14.3.2.29", "1.3.14.3.2.27", "1.3.14.3.2.3", "2.5.8.1.1",
                                       "1.2.643.2.2.20", "1.2.840.113549.2.6", "1.2.840.113549.2.7",
                                       "1.2.840.113549.2.8", "1.2.840.113549.2.9", "1.2.840.113549.2.10",
                                       "1.2.840.113549.2.11", "1.2.643.2.2.10", "1.2.643.7.1.1.4.1",
                                       "1.2.643.7.1.1.4.2", "2.16.840.1.101.3.4.2.13", "1.3.6.1.5.5.8.1.2"};
    for (size_t i = 0; i < sizeof extra_oids / sizeof extra_oids[0]; i++)
        ADD_OID(extra_oids[i]);
    for (size_t i = 0; i < n_oids; i++)
        printf("oid %s: digest=%d mac=%d pk=%d sign=%d curve=%d gost=%d\n", oids[i], gnutls_oid_to_digest(oids[i]),
               gnutls_oid_to_mac(oids[i]), gnutls_oid_to_pk(oids[i]), gnutls_oid_to_sign(oids[i]),
               gnutls_oid_to_ecc_curve(oids[i]), gnutls_oid_to_gost_paramset(oids[i]));

    /* Only an allowlisting system configuration lets these change anything;
     * without one they refuse and leave the tables as they were. */
    printf("curve_set_enabled=%d\n", gnutls_ecc_curve_set_enabled(GNUTLS_ECC_CURVE_SECP256R1, 0));
    printf("sign_set_secure=%d\n", gnutls_sign_set_secure(GNUTLS_SIGN_RSA_SHA256, 0));
    printf("sign_set_secure_for_certs=%d\n", gnutls_sign_set_secure_for_certs(GNUTLS_SIGN_RSA_SHA256, 0));
    printf("digest_set_secure=%d\n", gnutls_digest_set_secure(GNUTLS_DIG_SHA256, 0));
    printf("protocol_set_enabled=%d\n", gnutls_protocol_set_enabled(GNUTLS_TLS1_2, 0));
    printf("after: secure=%u,%u curve=%d protocol=%d\n", gnutls_sign_is_secure(GNUTLS_SIGN_RSA_SHA256),
           gnutls_sign_is_secure2(GNUTLS_SIGN_RSA_SHA256, GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS),
           gnutls_ecc_curve_get_id("SECP256R1"), gnutls_protocol_get_id("TLS1.2"));

    printf("fips140_mode_enabled=%u\n", gnutls_fips140_mode_enabled());
    gnutls_fips140_context_t fctx = NULL;
    int r = gnutls_fips140_context_init(&fctx);
    printf("fips140 context_init=%d state=%d push=%d pop=%d\n", r, gnutls_fips140_get_operation_state(fctx),
           gnutls_fips140_push_context(fctx), gnutls_fips140_pop_context());
    gnutls_fips140_context_deinit(fctx);
    return 0;
}
