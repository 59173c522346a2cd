/* Known-answer tests for the hash and HMAC API: SHA-256 (FIPS 180-2
 * examples), HMAC-SHA256 (RFC 4231), AES-CMAC (RFC 4493), plus the
 * output-resets and copy semantics. */
#include <check.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "check-hex.h"

START_TEST(test_sha256)
{
    unsigned char md[32];
    ck_assert_uint_eq(gnutls_hash_get_len(GNUTLS_DIG_SHA256), 32);
    ck_assert_int_eq(gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 3, md), 0);
    CHECK_HEX(md, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    ck_assert_int_eq(gnutls_hash_fast(GNUTLS_DIG_SHA256, "", 0, md), 0);
    CHECK_HEX(md, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    /* the two-block message, fed in pieces; a copy taken midway */
    const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    gnutls_hash_hd_t h, c;
    ck_assert_int_eq(gnutls_hash_init(&h, GNUTLS_DIG_SHA256), 0);
    ck_assert_int_eq(gnutls_hash(h, msg, 10), 0);
    c = gnutls_hash_copy(h);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(gnutls_hash(h, msg + 10, strlen(msg) - 10), 0);
    gnutls_hash_output(h, md);
    CHECK_HEX(md, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    ck_assert_int_eq(gnutls_hash(c, msg + 10, strlen(msg) - 10), 0);
    gnutls_hash_deinit(c, md);
    CHECK_HEX(md, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* output restarts the handle */
    ck_assert_int_eq(gnutls_hash(h, "abc", 3), 0);
    gnutls_hash_deinit(h, md);
    CHECK_HEX(md, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    ck_assert_int_eq(gnutls_hash_init(&h, GNUTLS_DIG_UNKNOWN), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_hash_init(&h, GNUTLS_DIG_SHAKE_128), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(test_hmac_rfc4231)
{
    static const struct {
        const char *key, *data, *mac;
    } v[] = {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        /* test case 6: a 131-byte key, hashed first */
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        unsigned char key[200], data[200], mac[32];
        size_t kl = unhex(v[i].key, key), dl = unhex(v[i].data, data);
        ck_assert_int_eq(gnutls_hmac_fast(GNUTLS_MAC_SHA256, key, kl, data, dl, mac), 0);
        CHECK_HEX(mac, v[i].mac);

        gnutls_hmac_hd_t h;
        ck_assert_int_eq(gnutls_hmac_init(&h, GNUTLS_MAC_SHA256, key, kl), 0);
        ck_assert_int_eq(gnutls_hmac(h, data, 1), 0);
        ck_assert_int_eq(gnutls_hmac(h, data + 1, dl - 1), 0);
        gnutls_hmac_output(h, mac);
        CHECK_HEX(mac, v[i].mac);
        /* restarts with the same key */
        ck_assert_int_eq(gnutls_hmac(h, data, dl), 0);
        gnutls_hmac_deinit(h, mac);
        CHECK_HEX(mac, v[i].mac);
    }
    ck_assert_uint_eq(gnutls_hmac_get_len(GNUTLS_MAC_SHA256), 32);
    ck_assert_uint_eq(gnutls_hmac_get_key_size(GNUTLS_MAC_SHA256), 32);
    gnutls_hmac_hd_t h;
    ck_assert_int_eq(gnutls_hmac_init(&h, GNUTLS_MAC_UNKNOWN, "k", 1), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(test_cmac_rfc4493)
{
    unsigned char key[16], msg[64], mac[16];
    unhex("2b7e151628aed2a6abf7158809cf4f3c", key);
    unhex("6bc1bee22e409f96e93d7e117393172a", msg);
    ck_assert_int_eq(gnutls_hmac_fast(GNUTLS_MAC_AES_CMAC_128, key, 16, "", 0, mac), 0);
    CHECK_HEX(mac, "bb1d6929e95937287fa37d129b756746");
    ck_assert_int_eq(gnutls_hmac_fast(GNUTLS_MAC_AES_CMAC_128, key, 16, msg, 16, mac), 0);
    CHECK_HEX(mac, "070a16b46b4d4144f79bdd9dd04a287c");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crypto-hash");
    TCase *tc = tcase_create("hash");
    tcase_add_test(tc, test_sha256);
    tcase_add_test(tc, test_hmac_rfc4231);
    tcase_add_test(tc, test_cmac_rfc4493);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
