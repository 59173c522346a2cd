/* gnutls_certificate_set_pin_function, and the password of an encrypted
 * key given to the credentials without one: as in GnuTLS, asked of the
 * credentials' pin callback, else of the global one
 * (gnutls_pkcs11_set_pin_function). */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "core/pin.h"

#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <string.h>

void gnutls_certificate_set_pin_function(gnutls_certificate_credentials_t c, gnutls_pin_callback_t fn,
                                         void *userdata)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->pin_fn = fn;
    c->pin_data = userdata;
    pthread_mutex_unlock(&c->lock);
}

static int is_encrypted(const gnutls_datum_t *d, gnutls_x509_crt_fmt_t fmt)
{
    if (fmt == GNUTLS_X509_FMT_PEM)
        return memmem(d->data, d->size, "ENCRYPTED PRIVATE KEY", 21) != NULL ||
               memmem(d->data, d->size, "Proc-Type: 4,ENCRYPTED", 22) != NULL;
    const unsigned char *p = d->data;
    X509_SIG *sig = d2i_X509_SIG(NULL, &p, (long)d->size);
    X509_SIG_free(sig);
    return sig != NULL;
}

EVP_PKEY *gnossl_read_key_cred(gnutls_certificate_credentials_t c, const gnutls_datum_t *data,
                               gnutls_x509_crt_fmt_t fmt, const char *pass, unsigned flags, int *err)
{
    EVP_PKEY *key = gnossl_read_key(data, fmt, pass);
    gnutls_pin_callback_t fn;
    void *ud;
    char pin[GNUTLS_PKCS11_MAX_PIN_LEN];

    if (key != NULL)
        return key;
    if (data == NULL || data->data == NULL || !is_encrypted(data, fmt)) {
        *err = gnossl_decode_error(data, fmt);
        return NULL;
    }
    if (pass == NULL && !(flags & GNUTLS_PKCS_PLAIN)) {
        pthread_mutex_lock(&c->lock);
        fn = c->pin_fn;
        ud = c->pin_data;
        pthread_mutex_unlock(&c->lock);
        if (gnossl_key_password(fn, ud, pin, sizeof pin) == 0)
            key = gnossl_read_key(data, fmt, pin);
        OPENSSL_cleanse(pin, sizeof pin);
    }
    if (key == NULL)
        *err = GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    return key;
}
