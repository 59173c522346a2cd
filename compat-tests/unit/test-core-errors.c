/* Error and alert tables (src/core/errors.c, alerts.c): fatality follows
 * GnuTLS's rule, every named code has a text, unknown codes behave. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <gnutls/gnutls.h>

static const int non_fatal[] = {0, -7, -16, -28, -37, -52, -292, -293, -424};

static int is_non_fatal(int c)
{
    for (size_t i = 0; i < sizeof non_fatal / sizeof non_fatal[0]; i++)
        if (non_fatal[i] == c)
            return 1;
    return c > 0;
}

START_TEST(fatality)
{
    for (int c = 100; c >= -70000; c--)
        ck_assert_msg(gnutls_error_is_fatal(c) == !is_non_fatal(c), "code %d", c);
    ck_assert_int_eq(gnutls_error_is_fatal(GNUTLS_E_GOT_APPLICATION_DATA), 1);
    ck_assert_int_eq(gnutls_error_is_fatal(GNUTLS_E_AGAIN), 0);
}
END_TEST

START_TEST(names_and_texts)
{
    int named = 0;
    for (int c = 0; c >= -1300; c--) {
        const char *n = gnutls_strerror_name(c);
        const char *t = gnutls_strerror(c);
        ck_assert_ptr_nonnull(t);
        ck_assert_uint_gt(strlen(t), 0);
        if (n == NULL) {
            ck_assert_str_eq(t, "(unknown error code)");
            continue;
        }
        named++;
        ck_assert_msg(strncmp(n, "GNUTLS_E_", 9) == 0, "%s", n);
        ck_assert_str_ne(t, "(unknown error code)");
        /* names are unique */
        for (int d = c - 1; d >= -1300; d--)
            ck_assert(gnutls_strerror_name(d) == NULL || strcmp(gnutls_strerror_name(d), n) != 0);
    }
    ck_assert_int_eq(named, 192);
    ck_assert_str_eq(gnutls_strerror_name(GNUTLS_E_AGAIN), "GNUTLS_E_AGAIN");
    ck_assert_str_eq(gnutls_strerror_name(GNUTLS_E_PREMATURE_TERMINATION), "GNUTLS_E_PREMATURE_TERMINATION");
    ck_assert_str_eq(gnutls_strerror_name(GNUTLS_E_UNIMPLEMENTED_FEATURE), "GNUTLS_E_UNIMPLEMENTED_FEATURE");
    ck_assert_ptr_null(gnutls_strerror_name(1));
    ck_assert_ptr_null(gnutls_strerror_name(-12345));
    ck_assert_str_eq(gnutls_strerror(42), "(unknown error code)");
}
END_TEST

START_TEST(error_to_alert)
{
    int level = -1;
    ck_assert_int_eq(gnutls_error_to_alert(GNUTLS_E_REHANDSHAKE, &level), GNUTLS_A_NO_RENEGOTIATION);
    ck_assert_int_eq(level, GNUTLS_AL_WARNING);
    ck_assert_int_eq(gnutls_error_to_alert(GNUTLS_E_DECRYPTION_FAILED, &level), GNUTLS_A_BAD_RECORD_MAC);
    ck_assert_int_eq(level, GNUTLS_AL_FATAL);
    ck_assert_int_eq(gnutls_error_to_alert(GNUTLS_E_NO_APPLICATION_PROTOCOL, NULL), GNUTLS_A_NO_APPLICATION_PROTOCOL);
    level = -1;
    ck_assert_int_eq(gnutls_error_to_alert(-99999, &level), GNUTLS_A_INTERNAL_ERROR);
    ck_assert_int_eq(level, GNUTLS_AL_FATAL);
}
END_TEST

START_TEST(alerts)
{
    ck_assert_str_eq(gnutls_alert_get_strname(GNUTLS_A_CLOSE_NOTIFY), "GNUTLS_A_CLOSE_NOTIFY");
    ck_assert_str_eq(gnutls_alert_get_strname(GNUTLS_A_NO_APPLICATION_PROTOCOL), "GNUTLS_A_NO_APPLICATION_PROTOCOL");
    ck_assert_ptr_nonnull(gnutls_alert_get_name(GNUTLS_A_BAD_CERTIFICATE));
    ck_assert_ptr_null(gnutls_alert_get_name((gnutls_alert_description_t)200));
    ck_assert_ptr_null(gnutls_alert_get_strname((gnutls_alert_description_t)-1));
    int n = 0;
    for (int a = 0; a < 256; a++)
        if (gnutls_alert_get_strname((gnutls_alert_description_t)a) != NULL) {
            ck_assert_ptr_nonnull(gnutls_alert_get_name((gnutls_alert_description_t)a));
            n++;
        }
    ck_assert_int_eq(n, 32);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-errors");
    TCase *tc = tcase_create("errors");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fatality);
    tcase_add_test(tc, names_and_texts);
    tcase_add_test(tc, error_to_alert);
    tcase_add_test(tc, alerts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
