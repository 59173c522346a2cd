/* SRP settings for a new SSL (src/cred/srp-tls.c), for gnossl_cred_new_ssl. */
#ifndef GNOSSL_CRED_SRP_H
#define GNOSSL_CRED_SRP_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* Stage the session's SRP credentials (client username and password, or
 * the server's verifier lookup) on a freshly created SSL.  Must run before
 * anything else changes the SSL's certificate settings (it re-duplicates
 * them from the SSL_CTX).  No-op without SRP credentials or without an SRP
 * key exchange in the session's priorities.  Returns 0 or a GnuTLS code. */
int gnossl_srp_apply(gnutls_session_t s, SSL *ssl, int is_server);

#endif
