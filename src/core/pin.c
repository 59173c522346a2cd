/* The process-wide PIN callback (gnutls_pkcs11_set_pin_function).  gnossl
 * has no PKCS#11 tokens, but GnuTLS also asks this callback for the
 * password of an encrypted private key loaded without one when the key
 * (or its credentials) has no callback of its own: msmtp and mpop rely on
 * that for their client keys. */
#include "gnossl.h"
#include "core/pin.h"

#include <pthread.h>
#include <string.h>

static pthread_mutex_t pin_lock = PTHREAD_MUTEX_INITIALIZER;
static gnutls_pin_callback_t global_fn;
static void *global_data;

void gnutls_pkcs11_set_pin_function(gnutls_pin_callback_t fn, void *userdata)
{
    pthread_mutex_lock(&pin_lock);
    global_fn = fn;
    global_data = userdata;
    pthread_mutex_unlock(&pin_lock);
}

gnutls_pin_callback_t gnutls_pkcs11_get_pin_function(void **userdata)
{
    gnutls_pin_callback_t fn;

    pthread_mutex_lock(&pin_lock);
    fn = global_fn;
    if (fn != NULL && userdata != NULL)
        *userdata = global_data;
    pthread_mutex_unlock(&pin_lock);
    return fn;
}

int gnossl_key_password(gnutls_pin_callback_t fn, void *data, char *pin, size_t size)
{
    if (fn == NULL) {
        pthread_mutex_lock(&pin_lock);
        fn = global_fn;
        data = global_data;
        pthread_mutex_unlock(&pin_lock);
    }
    if (fn == NULL || size == 0)
        return GNOSSL_ERR(GNUTLS_E_PKCS11_PIN_ERROR);
    pin[0] = 0;
    /* GnuTLS names an encrypted key file "key:" and gives it no label. */
    if (fn(data, 0, "key:", "", 0, pin, size) < 0)
        return GNOSSL_ERR(GNUTLS_E_PKCS11_PIN_ERROR);
    pin[size - 1] = 0;
    return 0;
}
