/* Known-answer tests for gnutls_cipher_* and gnutls_aead_cipher_*:
 * AES-128-CBC (NIST SP 800-38A F.2.1), AES-128-GCM (GCM spec test case 4),
 * ChaCha20-Poly1305 (RFC 8439 section 2.8.2), and the error paths. */
#include <check.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "check-hex.h"

START_TEST(test_aes_cbc)
{
    unsigned char key[16], iv[16], pt[64], buf[64];
    unhex("2b7e151628aed2a6abf7158809cf4f3c", key);
    unhex("000102030405060708090a0b0c0d0e0f", iv);
    unhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
          "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710",
          pt);
    gnutls_datum_t k = { key, 16 }, v = { iv, 16 };
    gnutls_cipher_hd_t h;
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, &v), 0);
    memcpy(buf, pt, 64);
    /* two calls continue the CBC chain */
    ck_assert_int_eq(gnutls_cipher_encrypt(h, buf, 16), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt(h, buf + 16, 48), 0);
    CHECK_HEX(buf, "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                   "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
    ck_assert_int_eq(gnutls_cipher_decrypt(h, buf, 64), 0);
    ck_assert(memcmp(buf, pt, 64) == 0);
    /* not a whole block, short output */
    ck_assert_int_lt(gnutls_cipher_encrypt(h, buf, 15), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt2(h, pt, 32, buf, 16), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_int_eq(gnutls_cipher_tag(h, buf, 16), GNUTLS_E_INVALID_REQUEST);
    gnutls_cipher_deinit(h);
}
END_TEST

static const char gcm_key[] = "feffe9928665731c6d6a8f9467308308";
static const char gcm_iv[] = "cafebabefacedbaddecaf888";
static const char gcm_pt[] = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                             "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
static const char gcm_aad[] = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
static const char gcm_ct[] = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                             "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091";
static const char gcm_tag[] = "5bc94fbc3221a5db94fae95ae7121a47";

START_TEST(test_aes_gcm)
{
    unsigned char key[16], iv[12], pt[60], aad[20], buf[60], tag[16];
    unhex(gcm_key, key);
    unhex(gcm_iv, iv);
    unhex(gcm_pt, pt);
    unhex(gcm_aad, aad);
    gnutls_datum_t k = { key, 16 }, v = { iv, 12 };
    gnutls_cipher_hd_t h;

    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_GCM, &k, &v), 0);
    ck_assert_int_eq(gnutls_cipher_add_auth(h, aad, 20), 0);
    ck_assert_int_eq(gnutls_cipher_encrypt2(h, pt, 60, buf, 60), 0);
    CHECK_HEX(buf, gcm_ct);
    ck_assert_int_eq(gnutls_cipher_tag(h, tag, 16), 0);
    CHECK_HEX(tag, gcm_tag);

    /* decrypting reports the computed tag too */
    gnutls_cipher_set_iv(h, iv, 12);
    ck_assert_int_eq(gnutls_cipher_add_auth(h, aad, 20), 0);
    ck_assert_int_eq(gnutls_cipher_decrypt(h, buf, 60), 0);
    ck_assert(memcmp(buf, pt, 60) == 0);
    memset(tag, 0, 16);
    ck_assert_int_eq(gnutls_cipher_tag(h, tag, 16), 0);
    CHECK_HEX(tag, gcm_tag);
    gnutls_cipher_deinit(h);

    /* the AEAD API: ciphertext || tag, and a bad tag refused */
    gnutls_aead_cipher_hd_t a;
    unsigned char out[100];
    size_t outlen = sizeof out;
    ck_assert_int_eq(gnutls_aead_cipher_init(&a, GNUTLS_CIPHER_AES_128_GCM, &k), 0);
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(a, iv, 12, aad, 20, 16, pt, 60, out, &outlen), 0);
    ck_assert_uint_eq(outlen, 76);
    CHECK_HEX(out, gcm_ct);
    CHECK_HEX(out + 60, gcm_tag);
    size_t plen = sizeof buf;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(a, iv, 12, aad, 20, 16, out, 76, buf, &plen), 0);
    ck_assert_uint_eq(plen, 60);
    ck_assert(memcmp(buf, pt, 60) == 0);
    out[75] ^= 1;
    plen = sizeof buf;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(a, iv, 12, aad, 20, 16, out, 76, buf, &plen),
                     GNUTLS_E_DECRYPTION_FAILED);
    gnutls_aead_cipher_deinit(a);
}
END_TEST

START_TEST(test_chacha20_poly1305)
{
    unsigned char key[32], nonce[12], aad[12], pt[114], out[130], back[114];
    unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", key);
    unhex("070000004041424344454647", nonce);
    unhex("50515253c0c1c2c3c4c5c6c7", aad);
    const char *text = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                       "future, sunscreen would be it.";
    memcpy(pt, text, 114);
    gnutls_datum_t k = { key, 32 };
    gnutls_aead_cipher_hd_t a;
    size_t outlen = sizeof out;
    ck_assert_int_eq(gnutls_aead_cipher_init(&a, GNUTLS_CIPHER_CHACHA20_POLY1305, &k), 0);
    ck_assert_int_eq(gnutls_aead_cipher_encrypt(a, nonce, 12, aad, 12, 16, pt, 114, out, &outlen), 0);
    ck_assert_uint_eq(outlen, 130);
    CHECK_HEX(out, "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                   "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                   "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                   "3ff4def08e4b7a9de576d26586cec64b6116");
    CHECK_HEX(out + 114, "1ae10b594f09e26a7e902ecbd0600691");
    size_t blen = sizeof back;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(a, nonce, 12, aad, 12, 16, out, outlen, back, &blen), 0);
    ck_assert_uint_eq(blen, 114);
    ck_assert(memcmp(back, pt, 114) == 0);
    aad[0] ^= 1;
    blen = sizeof back;
    ck_assert_int_eq(gnutls_aead_cipher_decrypt(a, nonce, 12, aad, 12, 16, out, outlen, back, &blen),
                     GNUTLS_E_DECRYPTION_FAILED);
    gnutls_aead_cipher_deinit(a);
}
END_TEST

START_TEST(test_errors)
{
    unsigned char key[32] = { 0 };
    gnutls_datum_t k = { key, 16 };
    gnutls_cipher_hd_t h;
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_UNKNOWN, &k, NULL), GNUTLS_E_INVALID_REQUEST);
    /* CCM exists only for the AEAD API */
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CCM, &k, NULL), GNUTLS_E_INVALID_REQUEST);
    k.size = 15;
    ck_assert_int_lt(gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, NULL), 0);
    k.size = 31;
    ck_assert_int_eq(gnutls_cipher_init(&h, GNUTLS_CIPHER_CHACHA20_POLY1305, &k, NULL), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crypto-cipher");
    TCase *tc = tcase_create("cipher");
    tcase_add_test(tc, test_aes_cbc);
    tcase_add_test(tc, test_aes_gcm);
    tcase_add_test(tc, test_chacha20_poly1305);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
