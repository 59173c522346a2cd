/* gnossl: the GnuTLS 3.7.9 interface of <gnutls/system-keys.h>.
 * Declarations only; names, values and layouts are interface facts that must
 * equal GnuTLS 3.7.9. Implementations live in gnossl's src/ tree. MIT licensed. */
#ifndef GNUTLS_SYSTEM_KEYS_H
#define GNUTLS_SYSTEM_KEYS_H
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#ifdef __cplusplus
extern "C" {
#endif
struct system_key_iter_st;
typedef struct system_key_iter_st *gnutls_system_key_iter_t;
void gnutls_system_key_iter_deinit(gnutls_system_key_iter_t iter);
int gnutls_system_key_iter_get_info(gnutls_system_key_iter_t *iter, unsigned cert_type,
                                    char **cert_url, char **key_url, char **label,
                                    gnutls_datum_t *der, unsigned int flags);
int gnutls_system_key_delete(const char *cert_url, const char *key_url);
int gnutls_system_key_add_x509(gnutls_x509_crt_t crt, gnutls_x509_privkey_t privkey,
                               const char *label, char **cert_url, char **key_url);
#ifdef __cplusplus
}
#endif
#endif
