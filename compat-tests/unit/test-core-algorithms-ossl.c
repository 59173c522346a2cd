/* Internal GnuTLS <-> OpenSSL algorithm mapping (src/core/algorithms-ossl.c,
 * algorithms-suites.c): every name must be one OpenSSL accepts. */
#include <check.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include "core/algorithms.h"

/* The library hides gnossl_* names, so the mapping code is compiled into
 * this test directly; the two helpers it needs from src/core/log.c are
 * replaced by trivial ones. */
#include "../src/core/algorithms-ossl.c"
#include "../src/core/algorithms-suites.c"
int gnossl_err(int code, const char *func, int line)
{
    (void)func;
    (void)line;
    return code;
}

static const gnutls_digest_algorithm_t must_digests[] = {
    GNUTLS_DIG_MD5, GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA224, GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384,
    GNUTLS_DIG_SHA512, GNUTLS_DIG_SHA3_224, GNUTLS_DIG_SHA3_256, GNUTLS_DIG_SHA3_384,
    GNUTLS_DIG_SHA3_512, GNUTLS_DIG_MD5_SHA1, GNUTLS_DIG_SHAKE_128, GNUTLS_DIG_SHAKE_256,
    GNUTLS_DIG_RMD160};

START_TEST(digests_fetch)
{
    for (size_t i = 0; i < sizeof must_digests / sizeof must_digests[0]; i++) {
        const EVP_MD *md = gnossl_digest_fetch(must_digests[i]);
        ck_assert_msg(md != NULL, "digest %d (%s) not fetched", must_digests[i],
                      gnossl_digest_ossl_name(must_digests[i]));
        ck_assert_ptr_eq(md, gnossl_digest_fetch(must_digests[i])); /* fetched once */
        ck_assert(EVP_MD_is_a(md, gnossl_digest_ossl_name(must_digests[i])));
    }
    ck_assert_ptr_null(gnossl_digest_fetch(GNUTLS_DIG_UNKNOWN));
    ck_assert_ptr_null(gnossl_digest_fetch((gnutls_digest_algorithm_t)-1));
    ck_assert_ptr_null(gnossl_digest_fetch((gnutls_digest_algorithm_t)1000));
    ck_assert_str_eq(gnossl_mac_ossl_digest_name(GNUTLS_MAC_SHA256), "SHA256");
    ck_assert_ptr_null(gnossl_mac_ossl_digest_name(GNUTLS_MAC_AEAD));
}
END_TEST

static const gnutls_cipher_algorithm_t must_ciphers[] = {
    GNUTLS_CIPHER_3DES_CBC, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_CIPHER_AES_192_CBC,
    GNUTLS_CIPHER_AES_256_CBC, GNUTLS_CIPHER_CAMELLIA_128_CBC, GNUTLS_CIPHER_CAMELLIA_192_CBC,
    GNUTLS_CIPHER_CAMELLIA_256_CBC, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_192_GCM,
    GNUTLS_CIPHER_AES_256_GCM, GNUTLS_CIPHER_AES_128_CCM, GNUTLS_CIPHER_AES_256_CCM,
    GNUTLS_CIPHER_AES_128_CCM_8, GNUTLS_CIPHER_AES_256_CCM_8, GNUTLS_CIPHER_CHACHA20_POLY1305,
    GNUTLS_CIPHER_AES_128_CFB8, GNUTLS_CIPHER_AES_192_CFB8, GNUTLS_CIPHER_AES_256_CFB8,
    GNUTLS_CIPHER_AES_128_XTS, GNUTLS_CIPHER_AES_256_XTS, GNUTLS_CIPHER_CHACHA20_32,
    GNUTLS_CIPHER_CHACHA20_64, GNUTLS_CIPHER_AES_128_SIV, GNUTLS_CIPHER_AES_256_SIV};

START_TEST(ciphers_fetch)
{
    for (size_t i = 0; i < sizeof must_ciphers / sizeof must_ciphers[0]; i++) {
        const EVP_CIPHER *c = gnossl_cipher_fetch(must_ciphers[i]);
        ck_assert_msg(c != NULL, "cipher %d (%s) not fetched", must_ciphers[i],
                      gnossl_cipher_ossl_name(must_ciphers[i]));
        ck_assert_ptr_eq(c, gnossl_cipher_fetch(must_ciphers[i]));
    }
    ck_assert_ptr_null(gnossl_cipher_fetch(GNUTLS_CIPHER_NULL));
    ck_assert_ptr_null(gnossl_cipher_fetch((gnutls_cipher_algorithm_t)-5));
    ck_assert_int_eq(EVP_CIPHER_get_key_length(gnossl_cipher_fetch(GNUTLS_CIPHER_AES_256_GCM)), 32);
}
END_TEST

START_TEST(groups_and_sigalgs_accepted)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    ck_assert_ptr_nonnull(ctx);
    gnutls_group_t gs[] = {GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1, GNUTLS_GROUP_SECP521R1,
                           GNUTLS_GROUP_X25519, GNUTLS_GROUP_X448, GNUTLS_GROUP_FFDHE2048,
                           GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144,
                           GNUTLS_GROUP_FFDHE8192};
    for (size_t i = 0; i < sizeof gs / sizeof gs[0]; i++) {
        const char *n = gnossl_group_ossl_name(gs[i]);
        ck_assert_ptr_nonnull(n);
        ck_assert_msg(SSL_CTX_set1_groups_list(ctx, n) == 1, "group %s refused", n);
    }
    ck_assert_int_eq(gnossl_group_from_ossl_nid(NID_X25519), GNUTLS_GROUP_X25519);
    ck_assert_int_eq(gnossl_group_from_ossl_nid(NID_X9_62_prime256v1), GNUTLS_GROUP_SECP256R1);
    ck_assert_int_eq(gnossl_group_from_ossl_nid(NID_ffdhe3072), GNUTLS_GROUP_FFDHE3072);
    ck_assert_int_eq(gnossl_group_from_ossl_nid(NID_undef), GNUTLS_GROUP_INVALID);

    for (int s = 1; s <= GNUTLS_SIGN_MAX; s++) {
        const char *n = gnossl_sign_ossl_name((gnutls_sign_algorithm_t)s);
        if (n == NULL)
            continue;
        ck_assert_msg(SSL_CTX_set1_sigalgs_list(ctx, n) == 1, "sigalg %s refused", n);
        ck_assert_uint_ne(gnossl_sign_tls_id((gnutls_sign_algorithm_t)s), 0);
    }
    ck_assert_int_eq(gnossl_sign_from_ossl_name("rsa_pss_rsae_sha256"), GNUTLS_SIGN_RSA_PSS_RSAE_SHA256);
    ck_assert_int_eq(gnossl_sign_from_ossl_name("ecdsa_secp256r1_sha256"), GNUTLS_SIGN_ECDSA_SECP256R1_SHA256);
    ck_assert_int_eq(gnossl_sign_from_ossl_name("nonsense"), GNUTLS_SIGN_UNKNOWN);
    ck_assert_int_eq(gnossl_sign_from_tls_id(0x0403, 0), GNUTLS_SIGN_ECDSA_SHA256);
    ck_assert_int_eq(gnossl_sign_from_tls_id(0x0403, 1), GNUTLS_SIGN_ECDSA_SECP256R1_SHA256);
    ck_assert_int_eq(gnossl_sign_from_tls_id(0x0807, 0), GNUTLS_SIGN_EDDSA_ED25519);
    ck_assert_int_eq(gnossl_sign_from_tls_id(0x0401, 1), GNUTLS_SIGN_UNKNOWN);
    SSL_CTX_free(ctx);
}
END_TEST

START_TEST(protocols)
{
    for (int p = 0; p < 256; p++) {
        int v = gnossl_protocol_to_ossl((gnutls_protocol_t)p);
        if (v != 0)
            ck_assert_int_eq(gnossl_protocol_from_ossl(v), p);
    }
    ck_assert_int_eq(gnossl_protocol_to_ossl(GNUTLS_TLS1_3), TLS1_3_VERSION);
    ck_assert_int_eq(gnossl_protocol_to_ossl(GNUTLS_DTLS1_2), DTLS1_2_VERSION);
    ck_assert_int_eq(gnossl_protocol_from_ossl(TLS1_2_VERSION), GNUTLS_TLS1_2);
    ck_assert_int_eq(gnossl_protocol_from_ossl(0x1234), GNUTLS_VERSION_UNKNOWN);
}
END_TEST

/* Every suite OpenSSL offers by default (TLS 1.3 and 1.2) maps, and to the
 * same bulk cipher OpenSSL uses. */
START_TEST(suites_map)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:"
                     "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256"), 1);
    STACK_OF(SSL_CIPHER) *sk = SSL_CTX_get_ciphers(ctx);
    int n13 = 0;
    for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
        const SSL_CIPHER *c = sk_SSL_CIPHER_value(sk, i);
        unsigned id = SSL_CIPHER_get_protocol_id(c);
        gnutls_cipher_algorithm_t ci;
        gnutls_mac_algorithm_t mac;
        gnutls_kx_algorithm_t kx;
        ck_assert_msg(gnossl_suite_lookup(id, &ci, &mac, &kx) == 0, "suite %s (0x%04x) unmapped",
                      SSL_CIPHER_get_name(c), id);
        const EVP_CIPHER *ec = gnossl_cipher_fetch(ci);
        ck_assert_msg(ec != NULL && EVP_CIPHER_get_nid(ec) == SSL_CIPHER_get_cipher_nid(c),
                      "suite %s: cipher mismatch", SSL_CIPHER_get_name(c));
        if (SSL_CIPHER_is_aead(c))
            ck_assert_int_eq(mac, GNUTLS_MAC_AEAD);
        if ((id >> 8) == 0x13) {
            n13++;
            ck_assert_int_eq(kx, GNUTLS_KX_UNKNOWN);
            ck_assert_str_eq(gnossl_suite_name(id), SSL_CIPHER_standard_name(c));
        }
    }
    ck_assert_int_eq(n13, 5);
    ck_assert_int_eq(gnossl_suite_lookup(0xc02f, NULL, NULL, NULL), 0);
    gnutls_kx_algorithm_t kx;
    ck_assert_int_eq(gnossl_suite_lookup(0xc02b, NULL, NULL, &kx), 0);
    ck_assert_int_eq(kx, GNUTLS_KX_ECDHE_ECDSA);
    ck_assert_int_eq(gnossl_suite_lookup(0xffff, NULL, NULL, NULL), GNUTLS_E_UNKNOWN_CIPHER_SUITE);
    SSL_CTX_free(ctx);
}
END_TEST

/* GnuTLS's view of each suite (kx, cipher, MAC) agrees with what OpenSSL
 * says about the same code point, for every suite OpenSSL knows. */
static int kx_matches(gnutls_kx_algorithm_t kx, int kx_nid, int auth_nid)
{
    switch (kx) {
    case GNUTLS_KX_UNKNOWN: return kx_nid == NID_kx_any && auth_nid == NID_auth_any;
    case GNUTLS_KX_RSA: return kx_nid == NID_kx_rsa && auth_nid == NID_auth_rsa;
    case GNUTLS_KX_DHE_RSA: return kx_nid == NID_kx_dhe && auth_nid == NID_auth_rsa;
    case GNUTLS_KX_DHE_DSS: return kx_nid == NID_kx_dhe && auth_nid == NID_auth_dss;
    case GNUTLS_KX_ECDHE_RSA: return kx_nid == NID_kx_ecdhe && auth_nid == NID_auth_rsa;
    case GNUTLS_KX_ECDHE_ECDSA: return kx_nid == NID_kx_ecdhe && auth_nid == NID_auth_ecdsa;
    case GNUTLS_KX_PSK: return kx_nid == NID_kx_psk && auth_nid == NID_auth_psk;
    case GNUTLS_KX_DHE_PSK: return kx_nid == NID_kx_dhe_psk && auth_nid == NID_auth_psk;
    case GNUTLS_KX_ECDHE_PSK: return kx_nid == NID_kx_ecdhe_psk && auth_nid == NID_auth_psk;
    case GNUTLS_KX_RSA_PSK: return kx_nid == NID_kx_rsa_psk && auth_nid == NID_auth_rsa;
    case GNUTLS_KX_SRP: return kx_nid == NID_kx_srp && auth_nid == NID_auth_srp;
    case GNUTLS_KX_SRP_RSA: return kx_nid == NID_kx_srp && auth_nid == NID_auth_rsa;
    case GNUTLS_KX_SRP_DSS: return kx_nid == NID_kx_srp && auth_nid == NID_auth_dss;
    case GNUTLS_KX_ANON_DH: return kx_nid == NID_kx_dhe && auth_nid == NID_auth_null;
    case GNUTLS_KX_ANON_ECDH: return kx_nid == NID_kx_ecdhe && auth_nid == NID_auth_null;
    default: return 0;
    }
}

START_TEST(suites_agree_with_openssl)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL *ssl = SSL_new(ctx);
    ck_assert_ptr_nonnull(ssl);
    unsigned char id[2];
    gnutls_kx_algorithm_t kx;
    gnutls_cipher_algorithm_t ci;
    gnutls_mac_algorithm_t mac;
    const char *name;
    int known = 0;
    for (size_t i = 0; (name = gnutls_cipher_suite_info(i, id, &kx, &ci, &mac, NULL)) != NULL; i++) {
        const SSL_CIPHER *c = SSL_CIPHER_find(ssl, id);
        if (c == NULL || kx == GNUTLS_KX_VKO_GOST_12)
            continue; /* Camellia-GCM, ...; GOST needs an engine */
        known++;
        ck_assert_msg(kx_matches(kx, SSL_CIPHER_get_kx_nid(c), SSL_CIPHER_get_auth_nid(c)), "%s: kx", name);
        int cnid = SSL_CIPHER_get_cipher_nid(c);
        if (ci == GNUTLS_CIPHER_NULL)
            ck_assert_msg(cnid == NID_undef, "%s: cipher", name);
        else if (ci != GNUTLS_CIPHER_ARCFOUR_128) /* RC4 needs the legacy provider */
            ck_assert_msg(gnossl_cipher_fetch(ci) != NULL && EVP_CIPHER_get_nid(gnossl_cipher_fetch(ci)) == cnid,
                          "%s: cipher", name);
        if (mac == GNUTLS_MAC_AEAD)
            ck_assert_msg(SSL_CIPHER_is_aead(c), "%s: AEAD", name);
        else
            ck_assert_msg(EVP_MD_get_type(gnossl_digest_fetch((gnutls_digest_algorithm_t)mac)) ==
                              SSL_CIPHER_get_digest_nid(c), "%s: MAC", name);
        ck_assert_uint_eq(gnossl_suite_lookup(SSL_CIPHER_get_protocol_id(c), NULL, NULL, NULL), 0);
    }
    ck_assert_int_ge(known, 100);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}
END_TEST

/* The first fetch (which fails for legacy-only algorithms) must leave the
 * caller's OpenSSL error queue exactly as it was.  Check runs each test in
 * its own process, so this is the first fetch here. */
START_TEST(fetch_keeps_error_queue)
{
    ERR_clear_error();
    ERR_raise(ERR_LIB_USER, 42);
    unsigned long mine = ERR_peek_last_error();
    ck_assert_ptr_nonnull(gnossl_digest_fetch(GNUTLS_DIG_SHA256));
    ck_assert_ptr_null(gnossl_digest_fetch(GNUTLS_DIG_MD2)); /* legacy provider only */
    ck_assert_uint_eq(ERR_peek_last_error(), mine);
    ck_assert_uint_eq(ERR_get_error(), mine);
    ck_assert_uint_eq(ERR_get_error(), 0);
}
END_TEST

/* What the public lists announce must be runnable: every listed cipher,
 * MAC and digest has an OpenSSL implementation, every listed group an
 * OpenSSL group name libssl accepts. */
START_TEST(lists_are_backed)
{
    size_t n = 0;
    for (const gnutls_cipher_algorithm_t *c = gnutls_cipher_list(); *c; c++, n++)
        if (*c != GNUTLS_CIPHER_NULL)
            ck_assert_msg(gnossl_cipher_fetch(*c) != NULL, "listed cipher %s not backed", gnutls_cipher_get_name(*c));
    ck_assert_uint_ge(n, 20);
    n = 0;
    for (const gnutls_digest_algorithm_t *d = gnutls_digest_list(); *d; d++, n++)
        ck_assert_msg(gnossl_digest_fetch(*d) != NULL, "listed digest %s not backed", gnutls_digest_get_name(*d));
    ck_assert_uint_eq(n, 6);
    for (const gnutls_mac_algorithm_t *m = gnutls_mac_list(); *m; m++) {
        const char *dg, *ci;
        if (*m == GNUTLS_MAC_AEAD)
            continue;
        ck_assert_msg(gnossl_mac_ossl_mac(*m, &dg, &ci) != NULL, "listed MAC %s not backed", gnutls_mac_get_name(*m));
    }
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    for (const gnutls_group_t *g = gnutls_group_list(); *g; g++) {
        const char *n = gnossl_group_ossl_name(*g);
        ck_assert_msg(n != NULL && SSL_CTX_set1_groups_list(ctx, n) == 1, "group %s", gnutls_group_get_name(*g));
    }
    SSL_CTX_free(ctx);
    /* Listed ECC curves and their groups agree. */
    for (const gnutls_ecc_curve_t *c = gnutls_ecc_curve_list(); *c; c++)
        ck_assert_ptr_nonnull(gnutls_ecc_curve_get_name(*c));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-algorithms-ossl");
    TCase *tc = tcase_create("map");
    tcase_add_test(tc, digests_fetch);
    tcase_add_test(tc, ciphers_fetch);
    tcase_add_test(tc, groups_and_sigalgs_accepted);
    tcase_add_test(tc, protocols);
    tcase_add_test(tc, suites_map);
    tcase_add_test(tc, lists_are_backed);
    tcase_add_test(tc, fetch_keeps_error_queue);
    tcase_add_test(tc, suites_agree_with_openssl);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
