/* Differential test of gnutls_dh_params_import_dsa (src/cred/dh-import-dsa.c):
 * DH parameters from a DSA key (made with openssl gendsa), exported back
 * raw and as PKCS#3; a non-DSA key is refused with GnuTLS's code. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

static const char dsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIBWwIBADCCATMGByqGSM44BAEwggEmAoGBAJYCv70W83mmN26hW7UExKGGzphB\n"
    "1S3GoIgFnYYy6Q4ZIjtBTVRUSOoIsEixqQpg3ToulfJbAuNGpdkznEGwZ+5UVQNh\n"
    "tliY8HQ4tr52P38VMoNK9gfAsVhAiaH3dcI14C1+JpAr9UE2JS5HLfAUDwA3xA4z\n"
    "MLip1L0+6FW04vXHAh0A0uPNlIosdFr+rje/1HEQccg9sorbMJFSBZZuxwKBgA56\n"
    "mVrkRcXY3XITTZozVmuCOOvd9x1W2tcQdDTPLWTrfR9lC4FMU/ptyx9ZYn6bhIFF\n"
    "H8UB5iK1bixBU3pBMunxnzCuKwqPaPVjSWkKGITxwr79KkbhsymxIWhnnnokjuhb\n"
    "rkxhAxJP8k21VduREDYjwBYD1Kz39fQnNMdhKjgwBB8CHQCqnX2F+yC9r0HI9qmH\n"
    "HH//zlqDuowJ9ydgQ0XM\n"
    "-----END PRIVATE KEY-----\n";

static void hex(const char *l, const gnutls_datum_t *d)
{
    printf("%s (%u):", l, d->size);
    for (unsigned i = 0; i < d->size; i++)
        printf("%02x", d->data[i]);
    printf("\n");
}

int main(void)
{
    gnutls_x509_privkey_t k, rsa;
    gnutls_dh_params_t dh;
    gnutls_datum_t d = {(unsigned char *)dsa_key, sizeof dsa_key - 1}, p, g, pk3;
    unsigned bits = 0;
    int r;

    gnutls_global_init();
    gnutls_x509_privkey_init(&k);
    printf("import dsa: %d\n", gnutls_x509_privkey_import(k, &d, GNUTLS_X509_FMT_PEM));
    gnutls_dh_params_init(&dh);
    printf("import_dsa: %d\n", gnutls_dh_params_import_dsa(dh, k));
    r = gnutls_dh_params_export_raw(dh, &p, &g, &bits);
    printf("export_raw: %d\n", r);
    if (r == 0) {
        hex("p", &p);
        hex("g", &g);
        gnutls_free(p.data);
        gnutls_free(g.data);
    }
    r = gnutls_dh_params_export2_pkcs3(dh, GNUTLS_X509_FMT_PEM, &pk3);
    printf("export2_pkcs3: %d\n%s", r, r == 0 ? (char *)pk3.data : "");
    if (r == 0)
        gnutls_free(pk3.data);
    gnutls_dh_params_deinit(dh);

    gnutls_x509_privkey_init(&rsa);
    d.data = (unsigned char *)rsa_key;
    d.size = strlen(rsa_key);
    gnutls_x509_privkey_import(rsa, &d, GNUTLS_X509_FMT_PEM);
    gnutls_dh_params_init(&dh);
    printf("import_dsa of rsa: %d\n", gnutls_dh_params_import_dsa(dh, rsa));
    gnutls_dh_params_deinit(dh);
    gnutls_x509_privkey_deinit(rsa);
    gnutls_x509_privkey_deinit(k);
    gnutls_global_deinit();
    return 0;
}
