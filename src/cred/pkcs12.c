/* Certificate credentials from a PKCS#12 file, as GnuTLS builds them: MAC
 * checked when a password is given, the first key with its certificate
 * chain (gnutls_pkcs12_simple_parse), an optional CRL; then the ordinary
 * key/certificate and CRL setters. */
#include "gnossl.h"

int gnutls_certificate_set_x509_simple_pkcs12_mem(gnutls_certificate_credentials_t res, const gnutls_datum_t *p12blob,
                                                  gnutls_x509_crt_fmt_t type, const char *password)
{
    gnutls_pkcs12_t p12;
    gnutls_x509_privkey_t key = NULL;
    gnutls_x509_crt_t *chain = NULL;
    unsigned chain_size = 0;
    gnutls_x509_crl_t crl = NULL;
    int ret, idx = 0;

    if (res == NULL || p12blob == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_pkcs12_init(&p12);
    if (ret < 0)
        return ret;
    ret = gnutls_pkcs12_import(p12, p12blob, type, 0);
    if (ret >= 0 && password)
        ret = gnutls_pkcs12_verify_mac(p12, password);
    if (ret >= 0)
        ret = gnutls_pkcs12_simple_parse(p12, password, &key, &chain, &chain_size, NULL, NULL, &crl, 0);
    gnutls_pkcs12_deinit(p12);
    if (ret < 0) {
        gnossl_debug("pkcs12 credentials: the file does not give a key and chain (%d)", ret);
        return ret;
    }

    if (key && chain)
        ret = idx = gnutls_certificate_set_x509_key(res, chain, (int)chain_size, key);
    else
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ret >= 0 && crl)
        ret = gnutls_certificate_set_x509_crl(res, &crl, 1);

    /* the credentials hold their own references */
    for (unsigned i = 0; i < chain_size; i++)
        gnutls_x509_crt_deinit(chain[i]);
    gnutls_free(chain);
    if (key)
        gnutls_x509_privkey_deinit(key);
    if (crl)
        gnutls_x509_crl_deinit(crl);
    /* the key's index under GNUTLS_CERTIFICATE_API_V2, else 0, as the
     * key setter reported it */
    return ret < 0 ? ret : idx;
}

int gnutls_certificate_set_x509_simple_pkcs12_file(gnutls_certificate_credentials_t res, const char *pkcs12file,
                                                   gnutls_x509_crt_fmt_t type, const char *password)
{
    gnutls_datum_t data;
    if (res == NULL || pkcs12file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_load_file(pkcs12file, &data);
    if (ret < 0)
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    ret = gnutls_certificate_set_x509_simple_pkcs12_mem(res, &data, type, password);
    gnutls_free(data.data);
    return ret;
}
