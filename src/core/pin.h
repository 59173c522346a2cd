/* PIN callbacks as password sources (pin.c). */
#ifndef GNOSSL_CORE_PIN_H
#define GNOSSL_CORE_PIN_H

#include "gnossl.h"

/* The password of an encrypted private key imported without one, as GnuTLS
 * gets it: from the object's pin callback `fn` (with `data`), else from the
 * one set by gnutls_pkcs11_set_pin_function.  0 and a NUL-terminated pin,
 * or a negative error when there is no callback or it failed. */
int gnossl_key_password(gnutls_pin_callback_t fn, void *data, char *pin, size_t size);

#endif
