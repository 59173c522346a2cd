/* Library init, log plumbing and version. */
#include <check.h>
#include <gnutls/gnutls.h>
#include <gnutls/tpm.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

static int logged_level = -1;
static char logged[512];
static void log_cb(int level, const char *msg)
{
    logged_level = level;
    strncpy(logged, msg, sizeof logged - 1);
}

START_TEST(init_is_refcounted)
{
    ck_assert_int_eq(gnutls_global_init(), 0);
    ck_assert_int_eq(gnutls_global_init(), 0);
    gnutls_global_deinit();
    gnutls_global_deinit();
    /* an extra deinit is harmless */
    gnutls_global_deinit();
    ck_assert_int_eq(gnutls_global_init(), 0);
}
END_TEST

static void *init_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        if (gnutls_global_init() != 0)
            return (void *)1;
        gnutls_global_deinit();
    }
    return NULL;
}

START_TEST(init_from_threads)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, init_thread, NULL);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        ck_assert_ptr_null(r);
    }
}
END_TEST

START_TEST(check_version)
{
    ck_assert_str_eq(gnutls_check_version(NULL), "3.7.9");
    ck_assert_str_eq(gnutls_check_version("3.6.5"), "3.7.9");
    ck_assert_ptr_null(gnutls_check_version("3.7.10"));
    ck_assert_ptr_null(gnutls_check_version("3.8.0"));
}
END_TEST

START_TEST(stub_logs_through_log_function)
{
    /* gnutls_tpm_privkey_delete is not implemented in Debian's GnuTLS either
     * (built --without-tpm): a stub that must log once at level >= 1. */
    gnutls_global_set_log_function(log_cb);
    gnutls_global_set_log_level(1);
    int r = gnutls_tpm_privkey_delete("tpmkey:uuid=x", NULL);
    ck_assert_int_eq(r, GNUTLS_E_UNIMPLEMENTED_FEATURE);
    ck_assert_int_eq(logged_level, 1);
    ck_assert_str_eq(logged, "gnutls_tpm_privkey_delete is not implemented\n");
    logged[0] = 0;
    r = gnutls_tpm_privkey_delete("tpmkey:uuid=x", NULL);
    ck_assert_int_eq(r, GNUTLS_E_UNIMPLEMENTED_FEATURE);
    ck_assert_str_eq(logged, ""); /* once only */
    gnutls_global_set_log_level(0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-global");
    TCase *tc = tcase_create("global");
    tcase_add_test(tc, init_is_refcounted);
    tcase_add_test(tc, init_from_threads);
    tcase_add_test(tc, check_version);
    tcase_add_test(tc, stub_logs_through_log_function);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
