/* Limits external keys put on a server's negotiation (ext-key-limits.c). */
#ifndef GNOSSL_EXT_KEY_LIMITS_H
#define GNOSSL_EXT_KEY_LIMITS_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* After the priorities are applied to a server session's SSL: leave out
 * the signature algorithms its external keys refuse, and TLS 1.3 when none
 * of its keys can sign in it (as GnuTLS does).  No-op for other sessions. */
void gnossl_ext_key_limits(gnutls_session_t s, SSL *ssl);

#endif
