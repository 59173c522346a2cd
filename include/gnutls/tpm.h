/* gnossl: the GnuTLS 3.7.9 interface of <gnutls/tpm.h>.
 * Declarations only; names, values and layouts are interface facts that must
 * equal GnuTLS 3.7.9. Implementations live in gnossl's src/ tree. MIT licensed. */
#ifndef GNUTLS_TPM_H
#define GNUTLS_TPM_H
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#ifdef __cplusplus
extern "C" {
#endif
struct tpm_key_list_st;
typedef struct tpm_key_list_st *gnutls_tpm_key_list_t;
#define GNUTLS_TPM_KEY_SIGNING (1 << 1)
#define GNUTLS_TPM_REGISTER_KEY (1 << 2)
#define GNUTLS_TPM_KEY_USER (1 << 3)
typedef enum {
    GNUTLS_TPMKEY_FMT_RAW = 0,
    GNUTLS_TPMKEY_FMT_DER = GNUTLS_TPMKEY_FMT_RAW,
    GNUTLS_TPMKEY_FMT_CTK_PEM = 1
} gnutls_tpmkey_fmt_t;
int gnutls_tpm_privkey_generate(gnutls_pk_algorithm_t pk, unsigned int bits,
                                const char *srk_password, const char *key_password,
                                gnutls_tpmkey_fmt_t format, gnutls_x509_crt_fmt_t pub_format,
                                gnutls_datum_t *privkey, gnutls_datum_t *pubkey,
                                unsigned int flags);
void gnutls_tpm_key_list_deinit(gnutls_tpm_key_list_t list);
int gnutls_tpm_key_list_get_url(gnutls_tpm_key_list_t list, unsigned int idx, char **url,
                                unsigned int flags);
int gnutls_tpm_get_registered(gnutls_tpm_key_list_t *list);
int gnutls_tpm_privkey_delete(const char *url, const char *srk_password);
#ifdef __cplusplus
}
#endif
#endif
