/* Known-answer tests for the KDFs: HKDF-SHA256 (RFC 5869 test cases 1 and
 * 3) and PBKDF2-HMAC-SHA1 (RFC 6070), plus the limits. */
#include <check.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "check-hex.h"

START_TEST(test_hkdf_rfc5869)
{
    unsigned char ikm[22], salt[13], info[10], prk[32], okm[42];
    unhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", ikm);
    unhex("000102030405060708090a0b0c", salt);
    unhex("f0f1f2f3f4f5f6f7f8f9", info);
    gnutls_datum_t k = { ikm, 22 }, s = { salt, 13 }, i = { info, 10 };
    ck_assert_int_eq(gnutls_hkdf_extract(GNUTLS_MAC_SHA256, &k, &s, prk), 0);
    CHECK_HEX(prk, "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    gnutls_datum_t p = { prk, 32 };
    ck_assert_int_eq(gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &p, &i, okm, 42), 0);
    CHECK_HEX(okm, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");

    /* test case 3: empty salt and info */
    gnutls_datum_t es = { NULL, 0 }, ei = { (unsigned char *)"", 0 };
    ck_assert_int_eq(gnutls_hkdf_extract(GNUTLS_MAC_SHA256, &k, &es, prk), 0);
    CHECK_HEX(prk, "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
    ck_assert_int_eq(gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &p, &ei, okm, 42), 0);
    CHECK_HEX(okm, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");

    /* at most 255 blocks; unknown MACs refused */
    static unsigned char big[255 * 32 + 1];
    ck_assert_int_eq(gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &p, &ei, big, 255 * 32), 0);
    ck_assert_int_eq(gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &p, &ei, big, 255 * 32 + 1), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_hkdf_extract(GNUTLS_MAC_UNKNOWN, &k, &s, prk), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(test_pbkdf2_rfc6070)
{
    static const struct {
        const char *p, *s;
        size_t plen, slen;
        unsigned c;
        size_t dklen;
        const char *dk;
    } v[] = {
        { "password", "salt", 8, 4, 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
        { "password", "salt", 8, 4, 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
        { "password", "salt", 8, 4, 4096, 20, "4b007901b765489abead49d926f721d065a429c1" },
        { "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 24, 36, 4096, 25,
          "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
        { "pass\0word", "sa\0lt", 9, 5, 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3" },
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        unsigned char dk[32];
        gnutls_datum_t k = { (unsigned char *)v[i].p, (unsigned)v[i].plen }, s = { (unsigned char *)v[i].s,
                                                                                   (unsigned)v[i].slen };
        ck_assert_int_eq(gnutls_pbkdf2(GNUTLS_MAC_SHA1, &k, &s, v[i].c, dk, v[i].dklen), 0);
        CHECK_HEX(dk, v[i].dk);
    }
    unsigned char dk[20];
    gnutls_datum_t k = { (unsigned char *)"p", 1 }, s = { (unsigned char *)"s", 1 };
    ck_assert_int_eq(gnutls_pbkdf2(GNUTLS_MAC_SHA1, &k, &s, 0, dk, 20), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_pbkdf2(GNUTLS_MAC_AEAD, &k, &s, 1, dk, 20), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crypto-kdf");
    TCase *tc = tcase_create("kdf");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_hkdf_rfc5869);
    tcase_add_test(tc, test_pbkdf2_rfc6070);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
