/* Differential: custom URL schemes (gnutls_register_custom_url) and the URL
 * imports: names in a registered scheme are supported and imported through
 * its callbacks (key, certificate, public key; a certificate list of one),
 * a scheme is registered once, other names get GnuTLS's answers (system:
 * and tpmkey: keys are not supported on Debian's GnuTLS, plain files and
 * unknown schemes are invalid requests).  PKCS#11 URLs are left out:
 * gnossl has no PKCS#11. */
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/urls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

static int import_key(gnutls_privkey_t pkey, const char *url, unsigned flags)
{
    printf("  import_key callback: %s flags %u\n", url, flags);
    if (strstr(url, "fail") != NULL)
        return GNUTLS_E_FILE_ERROR;
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    return gnutls_privkey_import_x509_raw(pkey, &k, GNUTLS_X509_FMT_PEM, NULL, 0);
}

static int import_crt(gnutls_x509_crt_t crt, const char *url, unsigned flags)
{
    printf("  import_crt callback: %s flags %u\n", url, flags);
    if (strstr(url, "fail") != NULL)
        return GNUTLS_E_FILE_ERROR;
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    return gnutls_x509_crt_import(crt, &c, GNUTLS_X509_FMT_PEM);
}

static int import_pubkey(gnutls_pubkey_t pub, const char *url, unsigned flags)
{
    printf("  import_pubkey callback: %s flags %u\n", url, flags);
    gnutls_datum_t c = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_x509_crt_t crt;
    gnutls_x509_crt_init(&crt);
    int r = gnutls_x509_crt_import(crt, &c, GNUTLS_X509_FMT_PEM);
    if (r == 0)
        r = gnutls_pubkey_import_x509(pub, crt, 0);
    gnutls_x509_crt_deinit(crt);
    return r;
}

static void try_url(const char *url)
{
    gnutls_privkey_t k;
    gnutls_pubkey_t p;
    gnutls_x509_crt_t c;
    unsigned bits = 0;
    printf("%s: supported %u\n", url, gnutls_url_is_supported(url));
    gnutls_privkey_init(&k);
    int r = gnutls_privkey_import_url(k, url, 3);
    printf(" privkey: %d", r);
    if (r == 0)
        printf(" pk %d", gnutls_privkey_get_pk_algorithm(k, &bits));
    printf(" (%u bits)\n", bits);
    gnutls_privkey_deinit(k);
    gnutls_pubkey_init(&p);
    r = gnutls_pubkey_import_url(p, url, 0);
    bits = 0;
    printf(" pubkey: %d", r);
    if (r == 0)
        printf(" pk %d", gnutls_pubkey_get_pk_algorithm(p, &bits));
    printf(" (%u bits)\n", bits);
    gnutls_pubkey_deinit(p);
    gnutls_x509_crt_init(&c);
    r = gnutls_x509_crt_import_url(c, url, 0);
    printf(" crt: %d", r);
    if (r == 0) {
        char dn[256];
        size_t n = sizeof dn;
        gnutls_x509_crt_get_dn(c, dn, &n);
        printf(" %s", dn);
    }
    printf("\n");
    gnutls_x509_crt_deinit(c);
    gnutls_x509_crt_t *list = NULL;
    unsigned size = 77;
    r = gnutls_x509_crt_list_import_url(&list, &size, url, NULL, NULL, 0);
    printf(" crt list: %d", r);
    if (r == 0) {
        printf(" %u certificate(s)", size);
        for (unsigned i = 0; i < size; i++)
            gnutls_x509_crt_deinit(list[i]);
        gnutls_free(list);
    }
    printf("\n");
}

int main(void)
{
    static const gnutls_custom_url_st mine = {.name = "myurl:", .name_size = 6, .import_key = import_key,
                                              .import_crt = import_crt, .import_pubkey = import_pubkey};
    static const gnutls_custom_url_st keyonly = {.name = "keyonly:", .name_size = 8, .import_key = import_key};
    static const gnutls_custom_url_st other = {.name = "myurlx:", .name_size = 7, .import_key = import_key};
    static const char *urls[] = {"myurl:one", "myurl:fail", "MYURL:one", "myurl", "keyonly:k", "myurlx:1",
                                 "file:/etc/passwd", "foo", "system:x", "tpmkey:uuid=1", "", "/tmp/x.pem"};
    gnutls_global_init();
    printf("before registering:\n");
    for (unsigned i = 0; i < sizeof urls / sizeof *urls; i++)
        try_url(urls[i]);
    printf("register myurl: %d\n", gnutls_register_custom_url(&mine));
    printf("register myurl again: %d\n", gnutls_register_custom_url(&mine));
    printf("register keyonly: %d\n", gnutls_register_custom_url(&keyonly));
    printf("register myurlx: %d\n", gnutls_register_custom_url(&other));
    for (unsigned i = 0; i < sizeof urls / sizeof *urls; i++)
        try_url(urls[i]);
    /* the same name with another size is another scheme; then the table fills */
    static const gnutls_custom_url_st shorter = {.name = "myurl:", .name_size = 5, .import_key = import_key};
    printf("register myurl with size 5: %d\n", gnutls_register_custom_url(&shorter));
    static char names[8][8];
    static gnutls_custom_url_st more[8];
    for (int i = 0; i < 8; i++) {
        snprintf(names[i], sizeof names[i], "u%d:", i);
        more[i].name = names[i];
        more[i].name_size = 3;
        more[i].import_key = import_key;
        printf("register %s: %d\n", names[i], gnutls_register_custom_url(&more[i]));
    }
    printf("register myurl again: %d\n", gnutls_register_custom_url(&mine));
    gnutls_global_deinit();
    return 0;
}
