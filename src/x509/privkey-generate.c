/* gnutls_privkey_generate[2]: a fresh key in an abstract private key, made
 * by the x509 key generator and handed over (AUTO_RELEASE). */
#include "gnossl.h"
#include "x509/x509.h"

int gnutls_privkey_generate2(gnutls_privkey_t pkey, gnutls_pk_algorithm_t algo, unsigned int bits,
                             unsigned int flags, const gnutls_keygen_data_st *data, unsigned data_size)
{
    gnutls_x509_privkey_t xkey;
    int ret;

    if (pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gnutls_x509_privkey_init(&xkey)) < 0)
        return ret;
    ret = gnutls_x509_privkey_generate2(xkey, algo, bits, flags, data, data_size);
    if (ret >= 0)
        ret = gnutls_privkey_import_x509(pkey, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
    if (ret < 0) {
        gnutls_x509_privkey_deinit(xkey);
        return ret;
    }
    return 0;
}

int gnutls_privkey_generate(gnutls_privkey_t pkey, gnutls_pk_algorithm_t algo, unsigned int bits,
                            unsigned int flags)
{
    return gnutls_privkey_generate2(pkey, algo, bits, flags, NULL, 0);
}
