/* Build/config reporting and URL support (gnossl differs from Debian's GnuTLS
 * by design here: no PKCS#11 backend, OpenSSL sonames), so unit-tested. */
#include <check.h>
#include <gnutls/gnutls.h>
#include <stdlib.h>
#include <string.h>

START_TEST(system_config_file)
{
    unsetenv("GNUTLS_SYSTEM_PRIORITY_FILE");
    ck_assert_str_eq(gnutls_get_system_config_file(), "/etc/gnutls/config");
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", "/tmp/prio.cfg", 1);
    ck_assert_str_eq(gnutls_get_system_config_file(), "/tmp/prio.cfg");
    unsetenv("GNUTLS_SYSTEM_PRIORITY_FILE");
}
END_TEST

START_TEST(library_config)
{
    const gnutls_library_config_st *c = gnutls_get_library_config();
    int soname = 0, n = 0;
    for (; c->name != NULL; c++, n++) {
        ck_assert_ptr_nonnull(c->value);
        if (strcmp(c->name, "libgnutls-soname") == 0)
            soname = strcmp(c->value, "libgnutls.so.30") == 0;
    }
    ck_assert_int_eq(soname, 1);
    ck_assert_int_ge(n, 3);
}
END_TEST

START_TEST(urls_unsupported)
{
    /* No PKCS#11, TPM or system-key backend: no URL scheme is supported. */
    ck_assert_uint_eq(gnutls_url_is_supported("pkcs11:token=x"), 0);
    ck_assert_uint_eq(gnutls_url_is_supported("tpmkey:uuid=1"), 0);
    ck_assert_uint_eq(gnutls_url_is_supported("system:x"), 0);
    ck_assert_uint_eq(gnutls_url_is_supported("/etc/ssl/x.pem"), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-config");
    TCase *tc = tcase_create("config");
    tcase_add_test(tc, system_config_file);
    tcase_add_test(tc, library_config);
    tcase_add_test(tc, urls_unsupported);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
