/* gnutls_x509_privkey_set_pin_function: where the password of an encrypted
 * key imported without one comes from (x509-privkey.c asks it). */
#include "gnossl.h"
#include "x509/x509.h"

void gnutls_x509_privkey_set_pin_function(gnutls_x509_privkey_t key, gnutls_pin_callback_t fn, void *userdata)
{
    if (key == NULL)
        return;
    key->pin_fn = fn;
    key->pin_data = userdata;
}
