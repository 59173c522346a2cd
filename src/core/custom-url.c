/* URLs naming keys and certificates: gnutls_register_custom_url schemes,
 * gnutls_url_is_supported and the *_import_url functions.  A registered
 * scheme (matched case-sensitively by the imports, case-insensitively by
 * gnutls_url_is_supported, as in GnuTLS) goes to its callbacks and may
 * override a built-in one.  Of the built-in schemes gnossl has none:
 * "pkcs11:" needs PKCS#11, "tpmkey:" a TPM (Debian's GnuTLS has none
 * either) and "system:" the Windows store, so those give
 * GNUTLS_E_UNIMPLEMENTED_FEATURE where GnuTLS does, and for PKCS#11; any
 * other name is an invalid request, as in GnuTLS. */
#include "gnossl.h"

#include <string.h>
#include <strings.h>

/* GnuTLS keeps room for 8 and accepts 7 */
#define MAX_CUSTOM_URLS 7

static gnutls_custom_url_st custom[MAX_CUSTOM_URLS];
static unsigned n_custom;

int gnutls_register_custom_url(const gnutls_custom_url_st *st)
{
    if (st == NULL || st->name == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < n_custom; i++)
        if (custom[i].name_size == st->name_size && strcmp(custom[i].name, st->name) == 0)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (n_custom >= MAX_CUSTOM_URLS)
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    custom[n_custom++] = *st;
    return 0;
}

/* The registered scheme URL starts with (case-sensitively), or NULL. */
static const gnutls_custom_url_st *scheme_of(const char *url)
{
    for (unsigned i = 0; url != NULL && i < n_custom; i++)
        if (strncmp(url, custom[i].name, custom[i].name_size) == 0)
            return &custom[i];
    return NULL;
}

static int has_scheme(const char *url, const char *scheme)
{
    return url != NULL && strncmp(url, scheme, strlen(scheme)) == 0;
}

unsigned gnutls_url_is_supported(const char *url)
{
    for (unsigned i = 0; url != NULL && i < n_custom; i++)
        if (strncasecmp(url, custom[i].name, custom[i].name_size) == 0)
            return 1;
    return 0; /* no PKCS#11, TPM or system-key backends */
}

int gnutls_privkey_import_url(gnutls_privkey_t key, const char *url, unsigned int flags)
{
    const gnutls_custom_url_st *c = scheme_of(url);
    if (c != NULL && c->import_key != NULL)
        return c->import_key(key, url, flags);
    if (has_scheme(url, "pkcs11:") || has_scheme(url, "tpmkey:") || has_scheme(url, "system:"))
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_pubkey_import_url(gnutls_pubkey_t key, const char *url, unsigned int flags)
{
    const gnutls_custom_url_st *c = scheme_of(url);
    if (c != NULL && c->import_pubkey != NULL)
        return c->import_pubkey(key, url, flags);
    if (has_scheme(url, "pkcs11:") || has_scheme(url, "tpmkey:"))
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_x509_crt_import_url(gnutls_x509_crt_t crt, const char *url, unsigned int flags)
{
    const gnutls_custom_url_st *c = scheme_of(url);
    if (c != NULL && c->import_crt != NULL)
        return c->import_crt(crt, url, flags);
    if (has_scheme(url, "pkcs11:") || has_scheme(url, "system:"))
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

/* A custom scheme gives one certificate. */
int gnutls_x509_crt_list_import_url(gnutls_x509_crt_t **certs, unsigned int *size, const char *url,
                                    gnutls_pin_callback_t pin_fn, void *pin_fn_userdata, unsigned int flags)
{
    (void)pin_fn, (void)pin_fn_userdata;
    const gnutls_custom_url_st *c = scheme_of(url);
    if (certs == NULL || size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (c == NULL || c->import_crt == NULL) {
        if (has_scheme(url, "pkcs11:") || has_scheme(url, "system:"))
            return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    gnutls_x509_crt_t *list = gnutls_malloc(sizeof *list);
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = gnutls_x509_crt_init(&list[0]);
    if (ret == 0 && (ret = c->import_crt(list[0], url, flags)) < 0)
        gnutls_x509_crt_deinit(list[0]);
    if (ret < 0) {
        gnutls_free(list);
        return ret;
    }
    *certs = list;
    *size = 1;
    return 0;
}
