/* Unit tests of the x509 room's writing side and extension helpers: every
 * new entry point refuses NULL handles, never-filled objects and garbage
 * DER with a negative GnuTLS error (no crash), and round trips hold
 * (certificate built, signed, re-imported: same DN, extensions, unique
 * IDs; CRL built, signed, verified by its issuer and found revoking the
 * serial it lists). */
#include <check.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <gnutls/abstract.h>

static gnutls_x509_privkey_t key;

static void setup(void)
{
    gnutls_global_init();
    ck_assert_int_eq(gnutls_x509_privkey_init(&key), 0);
    ck_assert_int_eq(gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA, 256, 0), 0);
}

static void teardown(void)
{
    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
}

START_TEST(test_null_and_empty)
{
    gnutls_x509_crt_t c;
    gnutls_x509_crl_t crl;
    gnutls_datum_t d = { NULL, 0 };
    const char *err = NULL;
    size_t sz = 0;
    unsigned u = 0;

    ck_assert_int_lt(gnutls_x509_crt_set_dn(NULL, "CN=x", &err), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_extension_by_oid(NULL, "1.2.3", "\x05\x00", 2, 0), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_policy(NULL, NULL, 0), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_proxy(NULL, 0, NULL, NULL, 0), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_subject_unique_id(NULL, "a", 1), 0);
    ck_assert_int_lt(gnutls_x509_crt_get_extension_info(NULL, 0, NULL, &sz, &u), 0);
    ck_assert_int_lt(gnutls_x509_crt_get_signature(NULL, NULL, &sz), 0);
    ck_assert_int_eq(gnutls_x509_crt_check_key_purpose(NULL, GNUTLS_KP_ANY, 0), 0);
    ck_assert_int_eq(gnutls_x509_crt_check_email(NULL, "a@b", 0), 0);
    ck_assert_int_eq(gnutls_x509_crt_check_ip(NULL, (const unsigned char *)"\1\2\3\4", 4, 0), 0);

    /* a never-filled certificate */
    ck_assert_int_eq(gnutls_x509_crt_init(&c), 0);
    ck_assert_int_lt(gnutls_x509_crt_get_extension_data2(c, 0, &d), 0);
    ck_assert_int_lt(gnutls_x509_crt_get_crl_dist_points(c, 0, NULL, &sz, NULL, NULL), 0);
    ck_assert_int_lt(gnutls_x509_crt_get_issuer_unique_id(c, NULL, &sz), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_spki(c, NULL, 0), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_dn(c, "CN=a+OU=b", &err), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_dn(c, "nokey", &err), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_dn(c, "1.2.3.4=unknown", &err), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_crl_dist_points2(c, GNUTLS_SAN_IPADDRESS, "12", 2, 0), 0);
    ck_assert_int_lt(gnutls_x509_crt_set_authority_info_access(c, GNUTLS_IA_URI, &d), 0);
    gnutls_x509_crt_deinit(c);

    ck_assert_int_eq(gnutls_x509_crl_init(&crl), 0);
    ck_assert_int_lt(gnutls_x509_crl_get_number(crl, NULL, &sz, NULL), 0);
    ck_assert_int_lt(gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_FULL, &d), 0);
    ck_assert_int_lt(gnutls_x509_crl_sign2(crl, NULL, key, GNUTLS_DIG_SHA256, 0), 0);
    gnutls_x509_crl_iter_t it = NULL;
    ck_assert_int_lt(gnutls_x509_crl_iter_crt_serial(crl, &it, NULL, &sz, NULL), 0);
    gnutls_x509_crl_iter_deinit(it);
    gnutls_x509_crl_deinit(crl);
}
END_TEST

START_TEST(test_garbage_der)
{
    static const unsigned char junk[][6] = { { 0x30, 0x05, 0x01 }, { 0x04, 0x80 }, { 0xff, 0xff, 0xff, 0xff } };
    for (unsigned i = 0; i < 3; i++) {
        gnutls_datum_t d = { (unsigned char *)junk[i], 3 };
        unsigned u;
        int pl;
        time_t a, b;
        gnutls_subject_alt_names_t sans;
        gnutls_x509_crl_dist_points_t dp;
        gnutls_x509_aia_t aia;
        gnutls_x509_aki_t aki;
        gnutls_x509_key_purposes_t kp;
        gnutls_x509_policies_t pol;
        gnutls_x509_name_constraints_t nc;
        gnutls_x509_ct_scts_t scts;
        gnutls_datum_t out;

        gnutls_subject_alt_names_init(&sans);
        ck_assert_int_lt(gnutls_x509_ext_import_subject_alt_names(&d, sans, 0), 0);
        gnutls_subject_alt_names_deinit(sans);
        gnutls_x509_crl_dist_points_init(&dp);
        ck_assert_int_lt(gnutls_x509_ext_import_crl_dist_points(&d, dp, 0), 0);
        gnutls_x509_crl_dist_points_deinit(dp);
        gnutls_x509_aia_init(&aia);
        ck_assert_int_lt(gnutls_x509_ext_import_aia(&d, aia, 0), 0);
        gnutls_x509_aia_deinit(aia);
        gnutls_x509_aki_init(&aki);
        ck_assert_int_lt(gnutls_x509_ext_import_authority_key_id(&d, aki, 0), 0);
        gnutls_x509_aki_deinit(aki);
        gnutls_x509_key_purpose_init(&kp);
        ck_assert_int_lt(gnutls_x509_ext_import_key_purposes(&d, kp, 0), 0);
        gnutls_x509_key_purpose_deinit(kp);
        gnutls_x509_policies_init(&pol);
        ck_assert_int_lt(gnutls_x509_ext_import_policies(&d, pol, 0), 0);
        gnutls_x509_policies_deinit(pol);
        gnutls_x509_name_constraints_init(&nc);
        ck_assert_int_lt(gnutls_x509_ext_import_name_constraints(&d, nc, 0), 0);
        gnutls_x509_name_constraints_deinit(nc);
        gnutls_x509_ext_ct_scts_init(&scts);
        ck_assert_int_lt(gnutls_x509_ext_ct_import_scts(&d, scts, 0), 0);
        ck_assert_int_lt(gnutls_x509_ext_ct_export_scts(scts, &out), 0);
        gnutls_x509_ext_ct_scts_deinit(scts);
        ck_assert_int_lt(gnutls_x509_ext_import_basic_constraints(&d, &u, &pl), 0);
        ck_assert_int_lt(gnutls_x509_ext_import_key_usage(&d, &u), 0);
        ck_assert_int_lt(gnutls_x509_ext_import_inhibit_anypolicy(&d, &u), 0);
        ck_assert_int_lt(gnutls_x509_ext_import_private_key_usage_period(&d, &a, &b), 0);
        ck_assert_int_lt(gnutls_x509_ext_import_subject_key_id(&d, &out), 0);
        ck_assert_int_lt(gnutls_x509_othername_to_virtual("1.3.6.1.5.2.2", &d, &u, &out), 0);
    }
}
END_TEST

START_TEST(test_crt_round_trip)
{
    gnutls_x509_crt_t c, r;
    gnutls_datum_t der, dn;
    char buf[64];
    size_t sz;

    ck_assert_int_eq(gnutls_x509_crt_init(&c), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_version(c, 3), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_serial(c, "\x07", 1), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_activation_time(c, 1700000000), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_expiration_time(c, 1900000000), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_dn(c, "CN=Round Trip,O=Gnossl\\, Inc.,C=GR", NULL), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_key(c, key), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_issuer_unique_id(c, "\x11\x22", 2), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_inhibit_anypolicy(c, 1), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_crl_dist_points(c, GNUTLS_SAN_URI, "http://crl/", 0), 0);
    /* a CA: GnuTLS's CRL verification wants its issuer to be one */
    ck_assert_int_eq(gnutls_x509_crt_set_basic_constraints(c, 1, -1), 0);
    ck_assert_int_eq(gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0), 0);
    ck_assert_int_eq(gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &der), 0);
    ck_assert_int_eq(gnutls_x509_crt_init(&r), 0);
    ck_assert_int_eq(gnutls_x509_crt_import(r, &der, GNUTLS_X509_FMT_DER), 0);
    gnutls_free(der.data);
    ck_assert_int_eq(gnutls_x509_crt_get_dn2(r, &dn), 0);
    /* GnuTLS adds the components last first: the string reads back
     * reversed (the differential test shows the real library doing so) */
    ck_assert_str_eq((char *)dn.data, "C=GR,O=Gnossl\\, Inc.,CN=Round Trip");
    gnutls_free(dn.data);
    sz = sizeof buf;
    ck_assert_int_eq(gnutls_x509_crt_get_issuer_unique_id(r, buf, &sz), 0);
    ck_assert_uint_eq(sz, 2);
    ck_assert_int_eq(memcmp(buf, "\x11\x22", 2), 0);
    sz = sizeof buf;
    ck_assert_int_eq(gnutls_x509_crt_get_crl_dist_points(r, 0, buf, &sz, NULL, NULL), GNUTLS_SAN_URI);
    ck_assert_str_eq(buf, "http://crl/");
    unsigned st = 99;
    ck_assert_int_eq(gnutls_x509_crt_verify(r, &r, 1, 0, &st), 0);
    ck_assert_uint_eq(st, 0);
    gnutls_x509_crt_deinit(r);

    /* a CRL from this CA */
    gnutls_x509_crl_t crl, crl2;
    ck_assert_int_eq(gnutls_x509_crl_init(&crl), 0);
    ck_assert_int_eq(gnutls_x509_crl_set_version(crl, 2), 0);
    ck_assert_int_eq(gnutls_x509_crl_set_this_update(crl, time(NULL) - 60), 0);
    ck_assert_int_eq(gnutls_x509_crl_set_next_update(crl, time(NULL) + 3600), 0);
    ck_assert_int_eq(gnutls_x509_crl_set_crt_serial(crl, "\x07", 1, time(NULL) - 30), 0);
    ck_assert_int_eq(gnutls_x509_crl_set_number(crl, "\x01", 1), 0);
    ck_assert_int_eq(gnutls_x509_crl_sign2(crl, c, key, GNUTLS_DIG_SHA256, 0), 0);
    ck_assert_int_eq(gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_PEM, &der), 0);
    ck_assert_int_eq(gnutls_x509_crl_init(&crl2), 0);
    ck_assert_int_eq(gnutls_x509_crl_import(crl2, &der, GNUTLS_X509_FMT_PEM), 0);
    gnutls_free(der.data);
    st = 99;
    ck_assert_int_eq(gnutls_x509_crl_verify(crl2, &c, 1, 0, &st), 0);
    ck_assert_uint_eq(st, 0);
    ck_assert_int_eq(gnutls_x509_crt_check_revocation(c, &crl2, 1), 1);
    gnutls_x509_crl_deinit(crl2);
    gnutls_x509_crl_deinit(crl);
    gnutls_x509_crt_deinit(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("x509-write");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_null_and_empty);
    tcase_add_test(tc, test_garbage_der);
    tcase_add_test(tc, test_crt_round_trip);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures ? 1 : 0;
}
