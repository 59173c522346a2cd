/* gnossl: the GnuTLS 3.7.9 interface of <gnutls/urls.h>.
 * Declarations only; names, values and layouts are interface facts that must
 * equal GnuTLS 3.7.9. Implementations live in gnossl's src/ tree. MIT licensed. */
#ifndef GNUTLS_URLS_H
#define GNUTLS_URLS_H
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef int (*gnutls_privkey_import_url_func)(gnutls_privkey_t pkey, const char *url,
                                              unsigned flags);
typedef int (*gnutls_x509_crt_import_url_func)(gnutls_x509_crt_t pkey, const char *url,
                                               unsigned flags);
typedef int (*gnutls_pubkey_import_url_func)(gnutls_pubkey_t pkey, const char *url, unsigned flags);
typedef int (*gnutls_get_raw_issuer_func)(const char *url, gnutls_x509_crt_t crt,
                                          gnutls_datum_t *issuer_der, unsigned flags);
typedef struct gnutls_custom_url_st {
    const char *name;
    unsigned name_size;
    gnutls_privkey_import_url_func import_key;
    gnutls_x509_crt_import_url_func import_crt;
    gnutls_pubkey_import_url_func import_pubkey;
    gnutls_get_raw_issuer_func get_issuer;
    void *future1;
    void *future2;
} gnutls_custom_url_st;
int gnutls_register_custom_url(const gnutls_custom_url_st *st);
#ifdef __cplusplus
}
#endif
#endif
