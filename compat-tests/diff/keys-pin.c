/* Differential test of PIN callbacks as password sources for encrypted
 * private keys (src/core/pin.c): GnuTLS asks the key's pin function, else
 * the global gnutls_pkcs11_set_pin_function one, for the password of an
 * encrypted PKCS#8 key imported without a password, through
 * gnutls_x509_privkey_import2, gnutls_privkey_import_x509_raw (privkey pin
 * function) and gnutls_certificate_set_x509_key_mem2 (credentials pin
 * function).  The callbacks log their arguments. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs11.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

/* test-keys.h's ec_key as PKCS#8, AES-256-CBC, password "gnossl" */
static const char enc_key[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjhMIPRH1Pc2AICCAAw\n"
    "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEAf4ojQ/qhWClhYW4trg05EEgZB+\n"
    "ZedPGmWP4l6BE/gjJXIyIt0yLd5gK0C5oFX0DVLtveQ6sPRjjhV6bwasMf6h6Ey1\n"
    "LRjrmfKc6JqduqUh/6r4kDU60WIfw02SEUnhDqJA51qh9ydf8XKHXjVyJxVC+SIM\n"
    "uip1Ad7A3DdfEqqi+N+Xw9xz/azYwSpSinn8tXN/Y6h13SrrsDGnXCVVgjwKBhY=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n";

static int pin_cb(void *userdata, int attempt, const char *url, const char *label, unsigned flags, char *pin,
                  size_t pin_max)
{
    const char *give = userdata;
    printf("  pin callback: attempt %d url '%s' label '%s' flags %u max %zu -> %s\n", attempt, url ? url : "(null)",
           label ? label : "(null)", flags, pin_max, give ? give : "error");
    if (give == NULL)
        return -1;
    snprintf(pin, pin_max, "%s", give);
    return 0;
}

int main(void)
{
    gnutls_datum_t d = {(unsigned char *)enc_key, sizeof enc_key - 1};
    gnutls_datum_t crt = {(unsigned char *)ec_crt, strlen(ec_crt)};
    gnutls_x509_privkey_t x;
    gnutls_privkey_t p;
    gnutls_certificate_credentials_t c;
    void *ud = (void *)"x";
    unsigned bits;

    gnutls_global_init();
    printf("global pin function before: %s\n", gnutls_pkcs11_get_pin_function(&ud) ? "set" : "none");

    gnutls_x509_privkey_init(&x);
    printf("import2, no password, no callback: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    printf("import2, password: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, "gnossl", 0));
    gnutls_x509_privkey_deinit(x);

    gnutls_x509_privkey_init(&x);
    gnutls_x509_privkey_set_pin_function(x, pin_cb, (void *)"gnossl");
    printf("import2, key pin function: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    printf("  pk %d\n", gnutls_x509_privkey_get_pk_algorithm2(x, &bits));
    gnutls_x509_privkey_deinit(x);

    gnutls_x509_privkey_init(&x);
    gnutls_x509_privkey_set_pin_function(x, pin_cb, (void *)"wrong");
    printf("import2, wrong pin: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_x509_privkey_deinit(x);

    gnutls_x509_privkey_init(&x);
    gnutls_x509_privkey_set_pin_function(x, pin_cb, NULL);
    printf("import2, callback fails: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    printf("import2, PLAIN flag: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN));
    gnutls_x509_privkey_deinit(x);

    gnutls_privkey_init(&p);
    gnutls_privkey_set_pin_function(p, pin_cb, (void *)"gnossl");
    printf("privkey_import_x509_raw, privkey pin function: %d\n",
           gnutls_privkey_import_x509_raw(p, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_privkey_deinit(p);

    gnutls_certificate_allocate_credentials(&c);
    printf("key_mem2, no callback: %d\n", gnutls_certificate_set_x509_key_mem2(c, &crt, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_certificate_set_pin_function(c, pin_cb, (void *)"gnossl");
    printf("key_mem2, credentials pin function: %d\n",
           gnutls_certificate_set_x509_key_mem2(c, &crt, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_certificate_free_credentials(c);

    gnutls_pkcs11_set_pin_function(pin_cb, (void *)"gnossl");
    printf("global pin function now: %s\n", gnutls_pkcs11_get_pin_function(&ud) == pin_cb && ud ? "ours" : "other");
    gnutls_x509_privkey_init(&x);
    printf("import2, global pin function: %d\n", gnutls_x509_privkey_import2(x, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_x509_privkey_deinit(x);
    gnutls_privkey_init(&p);
    printf("privkey_import_x509_raw, global: %d\n", gnutls_privkey_import_x509_raw(p, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_privkey_deinit(p);
    gnutls_certificate_allocate_credentials(&c);
    printf("key_mem2, global: %d\n", gnutls_certificate_set_x509_key_mem2(c, &crt, &d, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_certificate_free_credentials(c);
    gnutls_pkcs11_set_pin_function(NULL, NULL);
    gnutls_global_deinit();
    return 0;
}
