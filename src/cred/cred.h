/* Credentials as the tls room sees them (owned by src/cred/). */
#ifndef GNOSSL_CRED_H
#define GNOSSL_CRED_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* Create the SSL for a session from the credentials recorded on it.
 *
 * The SSL_CTX comes from the certificate credentials (one per credentials
 * and side, built on first use and shared) or from a process-wide default
 * when the session has none; per-session settings that belong to the
 * credentials (PSK and anonymous callbacks, the verification hook, client
 * certificate selection) are applied to the new SSL here.  Returns NULL and
 * sets *err to a GnuTLS code on failure (GNUTLS_E_INSUFFICIENT_CREDENTIALS
 * for a server with no credentials, ...). */
SSL *gnossl_cred_new_ssl(gnutls_session_t s, int *err);

#endif
