/* Application-defined hello extensions (ext-custom.c), as the session
 * layer sees them. */
#ifndef GNOSSL_TLS_EXT_CUSTOM_H
#define GNOSSL_TLS_EXT_CUSTOM_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* Per-session state (registrations, private data), freed at gnutls_deinit. */
struct gnossl_ext_custom;
void gnossl_ext_custom_free(gnutls_session_t s);

/* Gives `ctx` the dispatchers of every extension registered so far
 * (called for each new SSL_CTX, before any session uses it). */
void gnossl_ext_custom_ctx_setup(SSL_CTX *ctx);

/* Grows when an extension number is registered for the first time: a CTX
 * made under an older generation lacks its dispatcher and must be replaced
 * by a new one (never changed: other threads may be making SSLs from it). */
unsigned gnossl_ext_custom_generation(void);

/* Server, in OpenSSL's ClientHello callback before the post-client-hello
 * function: the GNUTLS_EXT_MANDATORY then GNUTLS_EXT_APPLICATION
 * extensions of the hello go to their receive functions, as GnuTLS parses
 * them.  0 or the GnuTLS error of a receive function. */
int gnossl_ext_custom_hello_early(gnutls_session_t s, SSL *ssl);

/* The name of an application-registered extension `id` (the session's,
 * then gnutls_ext_register's; s may be NULL) at `parse_point`
 * (gnutls_ext_parse_type_t; NULL for another point): 1 if there is one. */
int gnossl_ext_custom_name(gnutls_session_t s, unsigned id, int parse_point, const char **name);

/* GnuTLS handles extension `id` itself (core/ext-names.c). */
int gnossl_ext_is_builtin(unsigned id);

#endif
