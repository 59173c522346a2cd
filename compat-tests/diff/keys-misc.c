/* Differential test of small lookups: gnutls_fingerprint (size protocol,
 * every digest id), gnutls_certificate_verification_profile_get_id/_name and
 * gnutls_ext_get_name over every extension number. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>

int main(void)
{
    gnutls_datum_t d = {(unsigned char *)"abc", 3}, empty = {(unsigned char *)"", 0};
    unsigned char buf[128];
    size_t s;
    int r;
    /* Not 15-17: GOST R 34.11-94 and Streebog are missing from OpenSSL 3's
     * default provider, so gnossl cannot hash with them at all. */
    int algos[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 200, 201, -1};

    gnutls_global_init();
    for (unsigned i = 0; i < sizeof algos / sizeof *algos; i++) {
        s = sizeof buf;
        r = gnutls_fingerprint((gnutls_digest_algorithm_t)algos[i], &d, buf, &s);
        printf("fingerprint %d: %d size %zu", algos[i], r, s);
        if (r == 0)
            for (size_t j = 0; j < s; j++)
                printf("%s%02x", j ? "" : " ", buf[j]);
        printf("\n");
        s = 3;
        r = gnutls_fingerprint((gnutls_digest_algorithm_t)algos[i], &d, buf, &s);
        printf("  3 bytes: %d size %zu\n", r, s);
        s = 100;
        r = gnutls_fingerprint((gnutls_digest_algorithm_t)algos[i], &d, NULL, &s);
        printf("  NULL: %d size %zu\n", r, s);
        s = sizeof buf;
        r = gnutls_fingerprint((gnutls_digest_algorithm_t)algos[i], &empty, buf, &s);
        printf("  empty data: %d size %zu\n", r, s);
    }

    const char *names[] = {"very weak", "Very Weak", "low", "LOW", "legacy", "medium", "high", "ultra", "future",
                           "suiteb128", "SuiteB128", "suiteb192", "SUITEB192", "none", "", "Medium ", "suiteb",
                           "veryweak", NULL};
    for (int i = 0; names[i]; i++)
        printf("profile '%s' -> %d\n", names[i], gnutls_certificate_verification_profile_get_id(names[i]));
    for (int i = 0; i < 40; i++) {
        const char *n = gnutls_certificate_verification_profile_get_name((gnutls_certificate_verification_profiles_t)i);
        if (n)
            printf("profile %d = %s\n", i, n);
    }
    printf("profile 255 = %s\n", gnutls_certificate_verification_profile_get_name(255) ? "set" : "NULL");

    for (unsigned i = 0; i < 70000; i++) {
        const char *n = gnutls_ext_get_name(i);
        if (n)
            printf("ext %u = %s\n", i, n);
    }
    printf("ext 0xffffffff = %s\n", gnutls_ext_get_name(0xffffffffu) ? "set" : "NULL");
    gnutls_global_deinit();
    return 0;
}
