/* Unit tests for base64 / PEM / hex: RFC 4648 vectors, PEM framing, the
 * size-query protocol and rejection of bad input. */
#include <check.h>
#include <gnutls/gnutls.h>
#include <stdlib.h>
#include <string.h>

#define DATUM(s) ((gnutls_datum_t){ (unsigned char *)(s), (unsigned)strlen(s) })

START_TEST(test_base64_rfc4648)
{
    static const char *plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
    static const char *b64[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
    for (int i = 0; i < 7; i++) {
        gnutls_datum_t in = DATUM(plain[i]), out = { NULL, 0 }, back = { NULL, 0 };
        ck_assert_int_eq(gnutls_base64_encode2(&in, &out), 0);
        ck_assert_uint_eq(out.size, strlen(b64[i]));
        ck_assert_str_eq((char *)out.data, b64[i]);
        ck_assert_int_eq(gnutls_base64_decode2(&out, &back), 0);
        ck_assert_uint_eq(back.size, in.size);
        ck_assert(memcmp(back.data, plain[i], in.size) == 0);
        gnutls_free(out.data);
        gnutls_free(back.data);
    }
}
END_TEST

START_TEST(test_base64_bad)
{
    static const char *bad[] = { "Zg", "Zg=", "Zm9", "Z", "Zg===", "Zh==", "Zm9v!", "-Zm9v", "====", "Zg==Zg==", "   " };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_datum_t in = DATUM(bad[i]), out = { NULL, 0 };
        ck_assert_msg(gnutls_base64_decode2(&in, &out) == GNUTLS_E_BASE64_DECODING_ERROR, "accepted '%s'", bad[i]);
        ck_assert_ptr_null(out.data);
    }
    /* whitespace is skipped, and a '-' ends the text */
    gnutls_datum_t in = DATUM(" Zm\r\n9v-junk"), out = { NULL, 0 };
    ck_assert_int_eq(gnutls_base64_decode2(&in, &out), 0);
    ck_assert_uint_eq(out.size, 3);
    ck_assert(memcmp(out.data, "foo", 3) == 0);
    gnutls_free(out.data);
}
END_TEST

START_TEST(test_pem_roundtrip)
{
    unsigned char data[100];
    for (int i = 0; i < 100; i++)
        data[i] = (unsigned char)(i * 7);
    gnutls_datum_t in = { data, sizeof data }, pem = { NULL, 0 }, back = { NULL, 0 };
    ck_assert_int_eq(gnutls_pem_base64_encode2("TEST", &in, &pem), 0);
    const char *s = (const char *)pem.data;
    ck_assert(strncmp(s, "-----BEGIN TEST-----\n", 21) == 0);
    /* 100 bytes: two full 64-character lines and one of 8 */
    ck_assert(s[21 + 64] == '\n');
    ck_assert(s[21 + 65 + 64] == '\n');
    ck_assert_str_eq(s + 21 + 130 + 8, "\n-----END TEST-----\n");
    ck_assert_uint_eq(pem.size, strlen(s));

    ck_assert_int_eq(gnutls_pem_base64_decode2("TEST", &pem, &back), 0);
    ck_assert_uint_eq(back.size, sizeof data);
    ck_assert(memcmp(back.data, data, sizeof data) == 0);
    gnutls_free(back.data);
    ck_assert_int_eq(gnutls_pem_base64_decode2("OTHER", &pem, &back), GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);

    /* size query: needs the text plus a NUL, writes only the text */
    size_t size = 0;
    ck_assert_int_eq(gnutls_pem_base64_encode("TEST", &in, NULL, &size), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(size, pem.size + 1);
    char *buf = malloc(size);
    ck_assert_int_eq(gnutls_pem_base64_encode("TEST", &in, buf, &size), 0);
    ck_assert_uint_eq(size, pem.size);
    ck_assert(memcmp(buf, pem.data, size) == 0);
    free(buf);

    size = 0;
    ck_assert_int_eq(gnutls_pem_base64_decode("TEST", &pem, NULL, &size), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(size, sizeof data);
    gnutls_free(pem.data);

    /* labels over 50 characters are refused */
    char label[52];
    memset(label, 'L', 51);
    label[51] = 0;
    ck_assert_int_eq(gnutls_pem_base64_encode2(label, &in, &pem), GNUTLS_E_BASE64_ENCODING_ERROR);
}
END_TEST

START_TEST(test_pem_bad)
{
    static const char *bad[] = {
        "-----BEGIN X-----\n-----END X-----\n",
        "-----BEGIN X-----\nZm9v\n",
        "-----BEGIN X-----\nZm9\n-----END X-----\n",
        "-----BEGIN X",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_datum_t in = DATUM(bad[i]), out = { NULL, 0 };
        ck_assert_int_eq(gnutls_pem_base64_decode2("X", &in, &out), GNUTLS_E_BASE64_DECODING_ERROR);
    }
    gnutls_datum_t empty = { NULL, 0 }, out = { NULL, 0 };
    ck_assert_int_eq(gnutls_pem_base64_decode2(NULL, &empty, &out), GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
}
END_TEST

START_TEST(test_hex)
{
    gnutls_datum_t in = { (unsigned char *)"\x00\xff\x10", 3 }, out = { NULL, 0 };
    ck_assert_int_eq(gnutls_hex_encode2(&in, &out), 0);
    ck_assert_str_eq((char *)out.data, "00ff10");
    gnutls_free(out.data);

    char buf[7];
    size_t size = 6;
    ck_assert_int_eq(gnutls_hex_encode(&in, buf, &size), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(size, 6);
    size = 7;
    ck_assert_int_eq(gnutls_hex_encode(&in, buf, &size), 0);
    ck_assert_uint_eq(size, 7); /* counts the NUL */
    ck_assert_str_eq(buf, "00ff10");

    gnutls_datum_t hex = DATUM("DEADbeef");
    ck_assert_int_eq(gnutls_hex_decode2(&hex, &out), 0);
    ck_assert_uint_eq(out.size, 4);
    ck_assert(memcmp(out.data, "\xde\xad\xbe\xef", 4) == 0);
    gnutls_free(out.data);

    static const char *bad[] = { "0", "0g", "de:ad", "de ad ", "dea" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_datum_t h = DATUM(bad[i]);
        ck_assert_int_eq(gnutls_hex_decode2(&h, &out), GNUTLS_E_PARSING_ERROR);
    }

    unsigned char bin[8];
    size = sizeof bin;
    ck_assert_int_eq(gnutls_hex2bin("de:ad:be:ef", 11, bin, &size), 0);
    ck_assert_uint_eq(size, 4);
    ck_assert(memcmp(bin, "\xde\xad\xbe\xef", 4) == 0);
    size = 3;
    ck_assert_int_eq(gnutls_hex2bin("deadbeef", 8, bin, &size), GNUTLS_E_SHORT_MEMORY_BUFFER);
    size = sizeof bin;
    ck_assert_int_eq(gnutls_hex2bin("dea", 3, bin, &size), GNUTLS_E_PARSING_ERROR);
}
END_TEST

START_TEST(test_srp_base64)
{
    /* 0x123456 in 6-bit digits 4,35,17,22 of 0-9A-Za-z./ */
    gnutls_datum_t in = { (unsigned char *)"\x12\x34\x56", 3 }, out = { NULL, 0 }, back = { NULL, 0 };
    ck_assert_int_eq(gnutls_srp_base64_encode2(&in, &out), 0);
    ck_assert_uint_eq(out.size, 4);
    ck_assert(memcmp(out.data, "4ZHM", 4) == 0);
    ck_assert_int_eq(gnutls_srp_base64_decode2(&out, &back), 0);
    ck_assert_uint_eq(back.size, 3);
    ck_assert(memcmp(back.data, "\x12\x34\x56", 3) == 0);
    gnutls_free(out.data);
    gnutls_free(back.data);
    /* a leading short group drops its leading zero digits */
    gnutls_datum_t one = { (unsigned char *)"\x05", 1 };
    ck_assert_int_eq(gnutls_srp_base64_encode2(&one, &out), 0);
    ck_assert_uint_eq(out.size, 1);
    ck_assert(out.data[0] == '5');
    gnutls_free(out.data);
    gnutls_datum_t bad = DATUM("AB!");
    ck_assert_int_eq(gnutls_srp_base64_decode2(&bad, &back), GNUTLS_E_BASE64_DECODING_ERROR);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-encoding");
    TCase *tc = tcase_create("encoding");
    tcase_add_test(tc, test_base64_rfc4648);
    tcase_add_test(tc, test_base64_bad);
    tcase_add_test(tc, test_pem_roundtrip);
    tcase_add_test(tc, test_pem_bad);
    tcase_add_test(tc, test_hex);
    tcase_add_test(tc, test_srp_base64);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
