/* Differential test of gnutls_certificate_get_ocsp_expiration
 * (src/cred/ocsp-expiration.c): the expiry GnuTLS derives from a stapled
 * OCSP response (its nextUpdate) for every index form (a certificate of the
 * chain, -1 for the earliest, out of range), for good, revoked, expired,
 * undated and unrelated responses, loaded with and without the load-time
 * check.  The PKI and responses are ocsp-pki.h's (thisUpdate
 * 2024-01-01, nextUpdate 2119-01-01 unless said otherwise). */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "ocsp-pki.h"

static void one(const char *name, const unsigned char *resp, unsigned len, unsigned flags)
{
    gnutls_certificate_credentials_t c;
    char chain[4096];
    gnutls_datum_t crt, key = {(unsigned char *)leaf_key, sizeof leaf_key - 1}, r = {(unsigned char *)resp, len};
    int ret;

    snprintf(chain, sizeof chain, "%s%s", leaf_crt, ca_crt);
    crt.data = (unsigned char *)chain;
    crt.size = (unsigned)strlen(chain);
    gnutls_certificate_allocate_credentials(&c);
    gnutls_certificate_set_flags(c, flags);
    gnutls_certificate_set_x509_key_mem(c, &crt, &key, GNUTLS_X509_FMT_PEM);
    printf("%s%s: before: %ld\n", name, flags ? " (unchecked)" : "", (long)gnutls_certificate_get_ocsp_expiration(c, 0, 0, 0));
    ret = gnutls_certificate_set_ocsp_status_request_mem(c, &r, 0, GNUTLS_X509_FMT_DER);
    printf("  load: %d\n", ret);
    for (int o = -1; o <= 3; o++)
        printf("  oidx %d: %ld\n", o, (long)gnutls_certificate_get_ocsp_expiration(c, 0, o, 0));
    printf("  oidx 8: %ld\n", (long)gnutls_certificate_get_ocsp_expiration(c, 0, 8, 0));
    printf("  idx 1: %ld\n", (long)gnutls_certificate_get_ocsp_expiration(c, 1, 0, 0));
    gnutls_certificate_free_credentials(c);
}

int main(void)
{
    gnutls_global_init();
    for (unsigned f = 0; f < 2; f++) {
        unsigned flags = f ? GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK : 0;
        one("good", ocsp_good, sizeof ocsp_good, flags);
        one("revoked", ocsp_revoked, sizeof ocsp_revoked, flags);
        one("expired", ocsp_expired, sizeof ocsp_expired, flags);
        one("undated", ocsp_old, sizeof ocsp_old, flags);
        one("unrelated", ocsp_unrelated, sizeof ocsp_unrelated, flags);
    }
    gnutls_global_deinit();
    return 0;
}
