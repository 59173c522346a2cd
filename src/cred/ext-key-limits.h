/* Limits external keys put on a server's negotiation (ext-key-limits.c). */
#ifndef GNOSSL_EXT_KEY_LIMITS_H
#define GNOSSL_EXT_KEY_LIMITS_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* After the priorities are applied to a session's SSL: leave out the
 * signature algorithms its external keys refuse to sign with, and on a
 * server TLS 1.3 when none of its keys can sign in it (as GnuTLS does).
 * No-op for sessions without external keys. */
void gnossl_ext_key_limits(gnutls_session_t s, SSL *ssl);

#endif
