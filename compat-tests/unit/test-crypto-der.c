/* Unit tests for the DER helpers: the PKCS#1 v1.5 DigestInfo prefix of
 * SHA-256 (RFC 8017 section 9.2, note 1) and signature values. */
#include <check.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

START_TEST(test_digest_info)
{
    static const unsigned char prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                            0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
    unsigned char md[32], back[64];
    for (int i = 0; i < 32; i++)
        md[i] = (unsigned char)i;
    gnutls_datum_t d = { md, 32 }, out = { NULL, 0 };
    ck_assert_int_eq(gnutls_encode_ber_digest_info(GNUTLS_DIG_SHA256, &d, &out), 0);
    ck_assert_uint_eq(out.size, sizeof prefix + 32);
    ck_assert(memcmp(out.data, prefix, sizeof prefix) == 0);
    ck_assert(memcmp(out.data + sizeof prefix, md, 32) == 0);

    gnutls_digest_algorithm_t h = GNUTLS_DIG_UNKNOWN;
    unsigned size = sizeof back;
    ck_assert_int_eq(gnutls_decode_ber_digest_info(&out, &h, back, &size), 0);
    ck_assert_int_eq(h, GNUTLS_DIG_SHA256);
    ck_assert_uint_eq(size, 32);
    ck_assert(memcmp(back, md, 32) == 0);
    size = 31;
    ck_assert_int_eq(gnutls_decode_ber_digest_info(&out, &h, back, &size), GNUTLS_E_SHORT_MEMORY_BUFFER);
    out.data[out.size - 33] = 0x03; /* OCTET STRING -> BIT STRING */
    size = sizeof back;
    ck_assert_int_lt(gnutls_decode_ber_digest_info(&out, &h, back, &size), 0);
    gnutls_free(out.data);
    ck_assert_int_eq(gnutls_encode_ber_digest_info(GNUTLS_DIG_UNKNOWN, &d, &out), GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(test_rs)
{
    unsigned char r[] = { 0x00, 0x00, 0x80, 0x01 }, s[] = { 0x7f };
    gnutls_datum_t rd = { r, 4 }, sd = { s, 1 }, sig = { NULL, 0 }, r2 = { NULL, 0 }, s2 = { NULL, 0 };
    static const unsigned char want[] = { 0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x7f };
    ck_assert_int_eq(gnutls_encode_rs_value(&sig, &rd, &sd), 0);
    ck_assert_uint_eq(sig.size, sizeof want);
    ck_assert(memcmp(sig.data, want, sizeof want) == 0);
    ck_assert_int_eq(gnutls_decode_rs_value(&sig, &r2, &s2), 0);
    ck_assert_uint_eq(r2.size, 3); /* the INTEGER's content, sign byte included */
    ck_assert_uint_eq(s2.size, 1);
    gnutls_free(r2.data);
    gnutls_free(s2.data);
    sig.size--;
    ck_assert_int_lt(gnutls_decode_rs_value(&sig, &r2, &s2), 0);
    gnutls_free(sig.data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crypto-der");
    TCase *tc = tcase_create("der");
    tcase_add_test(tc, test_digest_info);
    tcase_add_test(tc, test_rs);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
