/* Unit tests: the OCSP, PKCS#12, PKCS#7 and CRQ handles answer NULL
 * arguments and never-imported objects with negative codes (no crash),
 * and a request built, exported and re-imported keeps its fields. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/ocsp.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>

START_TEST(test_fresh_ocsp)
{
    gnutls_ocsp_resp_t r;
    gnutls_ocsp_req_t q;
    gnutls_datum_t d;
    unsigned v;
    ck_assert_int_eq(gnutls_ocsp_resp_init(&r), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_get_status(r), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_export(r, &d), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_get_single(r, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_get_signature(r, &d), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_verify_direct(r, NULL, &v, 0), 0);
    ck_assert_int_lt(gnutls_ocsp_resp_import(r, NULL), 0);
    gnutls_ocsp_resp_deinit(r);
    gnutls_ocsp_resp_deinit(NULL);
    ck_assert_int_eq(gnutls_ocsp_req_init(&q), 0);
    ck_assert_int_eq(gnutls_ocsp_req_get_version(q), 1);
    ck_assert_int_eq(gnutls_ocsp_req_get_cert_id(q, 0, NULL, NULL, NULL, NULL), GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    ck_assert_int_lt(gnutls_ocsp_req_add_cert(q, GNUTLS_DIG_SHA1, NULL, NULL), 0);
    gnutls_ocsp_req_deinit(q);
}
END_TEST

START_TEST(test_fresh_pkcs)
{
    gnutls_pkcs12_t p12;
    gnutls_pkcs12_bag_t bag;
    gnutls_pkcs7_t p7;
    gnutls_datum_t d;
    char *name;
    ck_assert_int_eq(gnutls_pkcs12_init(&p12), 0);
    ck_assert_int_eq(gnutls_pkcs12_bag_init(&bag), 0);
    ck_assert_int_lt(gnutls_pkcs12_get_bag(p12, 0, bag), 0);
    ck_assert_int_lt(gnutls_pkcs12_verify_mac(p12, "x"), 0);
    ck_assert_int_lt(gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_DER, &d), 0);
    ck_assert_int_eq(gnutls_pkcs12_bag_get_count(bag), 0);
    ck_assert_int_lt(gnutls_pkcs12_bag_get_type(bag, 0), 0);
    ck_assert_int_lt(gnutls_pkcs12_bag_get_data(bag, 0, &d), 0);
    /* GnuTLS 3.7.9 answers 0 and no name for index 0 of an empty bag
     * (diff-x509-pkcs12-write shows it) */
    name = (char *)"unchanged";
    ck_assert_int_eq(gnutls_pkcs12_bag_get_friendly_name(bag, 0, &name), 0);
    ck_assert_ptr_null(name);
    ck_assert_int_lt(gnutls_pkcs12_bag_decrypt(bag, "x"), 0);
    gnutls_pkcs12_bag_deinit(bag);
    gnutls_pkcs12_deinit(p12);
    ck_assert_int_eq(gnutls_pkcs7_init(&p7), 0);
    ck_assert_int_eq(gnutls_pkcs7_get_crt_count(p7), 0);
    ck_assert_int_lt(gnutls_pkcs7_get_crt_raw2(p7, 0, &d), 0);
    ck_assert_ptr_null(gnutls_pkcs7_get_embedded_data_oid(p7));
    ck_assert_int_lt(gnutls_pkcs7_export2(p7, GNUTLS_X509_FMT_DER, &d), 0);
    gnutls_pkcs7_deinit(p7);
}
END_TEST

START_TEST(test_crq_roundtrip)
{
    gnutls_x509_privkey_t key;
    gnutls_x509_crq_t crq, back;
    gnutls_datum_t der, dn;
    unsigned ku = 0, crit = 0;
    ck_assert_int_eq(gnutls_x509_privkey_init(&key), 0);
    ck_assert_int_eq(gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0), 0);
    ck_assert_int_eq(gnutls_x509_crq_init(&crq), 0);
    ck_assert_int_eq(gnutls_x509_crq_set_dn(crq, "CN=unit test,O=gnossl", NULL), 0);
    ck_assert_int_eq(gnutls_x509_crq_set_key(crq, key), 0);
    ck_assert_int_eq(gnutls_x509_crq_set_key_usage(crq, GNUTLS_KEY_DIGITAL_SIGNATURE), 0);
    ck_assert_int_eq(gnutls_x509_crq_sign2(crq, key, GNUTLS_DIG_SHA256, 0), 0);
    ck_assert_int_eq(gnutls_x509_crq_export2(crq, GNUTLS_X509_FMT_DER, &der), 0);
    ck_assert_int_eq(gnutls_x509_crq_init(&back), 0);
    ck_assert_int_eq(gnutls_x509_crq_import(back, &der, GNUTLS_X509_FMT_DER), 0);
    ck_assert_int_eq(gnutls_x509_crq_verify(back, 0), 0);
    ck_assert_int_eq(gnutls_x509_crq_get_dn3(back, &dn, 0), 0);
    ck_assert_str_eq((char *)dn.data, "CN=unit test,O=gnossl");
    gnutls_free(dn.data);
    ck_assert_int_eq(gnutls_x509_crq_get_key_usage(back, &ku, &crit), 0);
    ck_assert_uint_eq(ku, GNUTLS_KEY_DIGITAL_SIGNATURE);
    ck_assert_uint_eq(crit, 1);
    /* a flipped signature bit must not verify */
    der.data[der.size - 3] ^= 0x01;
    if (gnutls_x509_crq_import(back, &der, GNUTLS_X509_FMT_DER) == 0)
        ck_assert_int_lt(gnutls_x509_crq_verify(back, 0), 0);
    gnutls_free(der.data);
    gnutls_x509_crq_deinit(back);
    gnutls_x509_crq_deinit(crq);
    gnutls_x509_privkey_deinit(key);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("x509-pkcs");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fresh_ocsp);
    tcase_add_test(tc, test_fresh_pkcs);
    tcase_add_test(tc, test_crq_roundtrip);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures ? 1 : 0;
}
