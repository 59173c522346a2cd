/* gnutls_x509_privkey_import_openssl: OpenSSL's traditional encrypted PEM
 * keys ("Proc-Type: 4,ENCRYPTED" and a DEK-Info line), decrypted by
 * OpenSSL's PEM reader with the given password. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <string.h>

static int pass_cb(char *buf, int size, int rwflag, void *u)
{
    (void)rwflag;
    const char *pw = u;
    size_t n = strlen(pw);
    if (n > (size_t)size)
        return -1;
    memcpy(buf, pw, n);
    return (int)n;
}

int gnutls_x509_privkey_import_openssl(gnutls_x509_privkey_t key, const gnutls_datum_t *data, const char *password)
{
    if (key == NULL || data == NULL || data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const char *d = (const char *)data->data;
    const char *begin = memmem(d, data->size, "-----BEGIN ", 11);
    size_t rest = begin ? data->size - (size_t)(begin - d) : 0;
    /* only the encrypted traditional form is this function's business;
     * anything else does not parse as one (GnuTLS: parsing error) */
    if (begin == NULL || memmem(begin, rest, "DEK-Info:", 9) == NULL)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    if (password == NULL)
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    BIO *b = BIO_new_mem_buf(begin, (int)rest);
    ERR_clear_error();
    EVP_PKEY *pkey = b ? PEM_read_bio_PrivateKey_ex(b, NULL, pass_cb, (void *)password, NULL, NULL) : NULL;
    BIO_free(b);
    if (pkey == NULL) {
        unsigned long e = ERR_peek_last_error();
        ERR_clear_error();
        return GNOSSL_ERR(ERR_GET_LIB(e) == ERR_LIB_PEM || ERR_GET_LIB(e) == ERR_LIB_EVP ? GNUTLS_E_DECRYPTION_FAILED
                                                                                      : GNUTLS_E_ASN1_DER_ERROR);
    }
    EVP_PKEY_free(key->pkey);
    key->pkey = pkey;
    key->ec_no_params = 0;
    return 0;
}
