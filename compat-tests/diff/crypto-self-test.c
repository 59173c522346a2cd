/* Differential: GnuTLS's self tests.  Every algorithm number of each
 * family, alone, then all at once (algorithm 0, GNUTLS_SELF_TEST_FLAG_ALL),
 * and gnutls_fips140_run_self_tests; the return values are printed.  The
 * algorithms OpenSSL 3.0 lacks (GOST ciphers, hashes and keys, RC4) give GNUTLS_E_NO_SELF_TEST on
 * gnossl, 0 on GnuTLS: known-differences/crypto-self-test.diff. */
#include <gnutls/gnutls.h>
#include <gnutls/self-test.h>
#include <stdio.h>

typedef int (*self_test_fn)(unsigned, int);

int main(void)
{
    static const struct {
        const char *name;
        self_test_fn fn;
    } fams[] = {
        {"cipher", (self_test_fn)gnutls_cipher_self_test}, {"digest", (self_test_fn)gnutls_digest_self_test},
        {"mac", (self_test_fn)gnutls_mac_self_test},       {"hkdf", (self_test_fn)gnutls_hkdf_self_test},
        {"pbkdf2", (self_test_fn)gnutls_pbkdf2_self_test}, {"tlsprf", (self_test_fn)gnutls_tlsprf_self_test},
        {"pk", (self_test_fn)gnutls_pk_self_test},
    };
    gnutls_global_init();
    for (unsigned f = 0; f < sizeof fams / sizeof *fams; f++) {
        unsigned none = 0;
        for (int a = 1; a < 300; a++) {
            int r = fams[f].fn(0, a);
            if (r == GNUTLS_E_NO_SELF_TEST)
                none++;
            else
                printf("%s %d: %d\n", fams[f].name, a, r);
        }
        printf("%s: %u algorithms without a self test\n", fams[f].name, none);
        printf("%s 0: %d\n", fams[f].name, fams[f].fn(0, 0));
        printf("%s all: %d\n", fams[f].name, fams[f].fn(GNUTLS_SELF_TEST_FLAG_ALL, 0));
        printf("%s all, no compat: %d\n", fams[f].name,
               fams[f].fn(GNUTLS_SELF_TEST_FLAG_ALL | GNUTLS_SELF_TEST_FLAG_NO_COMPAT, 0));
        printf("%s SHA256 flag all: %d\n", fams[f].name, fams[f].fn(GNUTLS_SELF_TEST_FLAG_ALL, 6));
    }
    printf("fips140_run_self_tests: %d\n", gnutls_fips140_run_self_tests());
    gnutls_global_deinit();
    return 0;
}
