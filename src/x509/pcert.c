/* gnutls_pcert_*: a parsed certificate (its DER and public key) as the
 * certificate credentials and retrieve callbacks pass it around. */
#include "gnossl.h"
#include "x509/x509.h"

#include <string.h>

int gnutls_pcert_import_x509(gnutls_pcert_st *pcert, gnutls_x509_crt_t crt, unsigned int flags)
{
    (void)flags;
    if (pcert == NULL || crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    memset(pcert, 0, sizeof(*pcert));
    int ret = gnossl_crt_sync(crt);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_init(&pcert->pubkey);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_import_x509(pcert->pubkey, crt, 0);
    if (ret == 0)
        ret = gnossl_datum_set(&pcert->cert, crt->der.data, crt->der.size);
    if (ret < 0) {
        gnutls_pubkey_deinit(pcert->pubkey);
        pcert->pubkey = NULL;
        return ret;
    }
    pcert->type = GNUTLS_CRT_X509;
    return 0;
}

int gnutls_pcert_import_x509_raw(gnutls_pcert_st *pcert, const gnutls_datum_t *cert, gnutls_x509_crt_fmt_t format,
                                 unsigned int flags)
{
    gnutls_x509_crt_t crt;
    if (pcert == NULL || cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_crt_init(&crt);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_crt_import(crt, cert, format);
    if (ret == 0)
        ret = gnutls_pcert_import_x509(pcert, crt, flags);
    gnutls_x509_crt_deinit(crt);
    return ret;
}

int gnutls_pcert_import_x509_list(gnutls_pcert_st *pcert, gnutls_x509_crt_t *crt, unsigned *ncrt, unsigned int flags)
{
    if (pcert == NULL || crt == NULL || ncrt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < *ncrt; i++) {
        int ret = gnutls_pcert_import_x509(&pcert[i], crt[i], flags);
        if (ret < 0) {
            for (unsigned k = 0; k < i; k++)
                gnutls_pcert_deinit(&pcert[k]);
            return ret;
        }
    }
    return 0;
}

int gnutls_pcert_list_import_x509_raw(gnutls_pcert_st *pcert_list, unsigned int *pcert_list_size,
                                      const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    if (pcert_list == NULL || pcert_list_size == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_crt_t *crts = calloc(*pcert_list_size ? *pcert_list_size : 1, sizeof(*crts));
    if (crts == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    unsigned n = *pcert_list_size;
    int ret = gnutls_x509_crt_list_import(crts, &n, data, format, flags);
    if (ret < 0) {
        if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER)
            *pcert_list_size = n;
        free(crts);
        return ret;
    }
    ret = gnutls_pcert_import_x509_list(pcert_list, crts, &n, flags);
    for (unsigned i = 0; i < n; i++)
        gnutls_x509_crt_deinit(crts[i]);
    free(crts);
    if (ret == 0)
        *pcert_list_size = n;
    return ret;
}

int gnutls_pcert_list_import_x509_file(gnutls_pcert_st *pcert_list, unsigned *pcert_list_size, const char *file,
                                       gnutls_x509_crt_fmt_t format, gnutls_pin_callback_t pin_fn, void *pin_fn_userdata,
                                       unsigned int flags)
{
    (void)pin_fn;
    (void)pin_fn_userdata;
    gnutls_datum_t data;
    if (file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_load_file(file, &data);
    if (ret < 0)
        return ret;
    ret = gnutls_pcert_list_import_x509_raw(pcert_list, pcert_list_size, &data, format, flags);
    gnutls_free(data.data);
    return ret;
}

void gnutls_pcert_deinit(gnutls_pcert_st *pcert)
{
    if (pcert == NULL)
        return;
    gnutls_pubkey_deinit(pcert->pubkey);
    pcert->pubkey = NULL;
    gnutls_free(pcert->cert.data);
    pcert->cert.data = NULL;
    pcert->cert.size = 0;
}

int gnutls_pcert_export_x509(gnutls_pcert_st *pcert, gnutls_x509_crt_t *crt)
{
    if (pcert == NULL || crt == NULL || pcert->type != GNUTLS_CRT_X509)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_crt_init(crt);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_crt_import(*crt, &pcert->cert, GNUTLS_X509_FMT_DER);
    if (ret < 0) {
        gnutls_x509_crt_deinit(*crt);
        *crt = NULL;
    }
    return ret;
}

/* Raw public keys (RFC 7250): the "certificate" is the SubjectPublicKeyInfo. */
int gnutls_pcert_import_rawpk(gnutls_pcert_st *pcert, gnutls_pubkey_t key, unsigned int flags)
{
    (void)flags;
    if (pcert == NULL || key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    memset(pcert, 0, sizeof(*pcert));
    int ret = gnutls_pubkey_export2(key, GNUTLS_X509_FMT_DER, &pcert->cert);
    if (ret < 0)
        return ret;
    pcert->pubkey = key; /* the pcert takes the key, as in GnuTLS */
    pcert->type = GNUTLS_CRT_RAWPK;
    return 0;
}

int gnutls_pcert_import_rawpk_raw(gnutls_pcert_st *pcert, const gnutls_datum_t *rawpubkey,
                                  gnutls_x509_crt_fmt_t format, unsigned int key_usage, unsigned int flags)
{
    gnutls_pubkey_t key;
    if (pcert == NULL || rawpubkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_pubkey_init(&key);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_import(key, rawpubkey, format);
    if (ret == 0) {
        key->key_usage = key_usage;
        ret = gnutls_pcert_import_rawpk(pcert, key, flags);
    }
    if (ret < 0)
        gnutls_pubkey_deinit(key);
    return ret;
}
