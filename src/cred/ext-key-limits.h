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

/* For a certificate callback (the retrieve functions): the EVP_PKEY libssl
 * is to use for key paired with leaf (a new reference): an ordinary key's
 * own, or a proxy of an external one, which with own takes key over
 * (GNUTLS_CERT_RETR_DEINIT_ALL).  NULL if unusable (key still the
 * caller's).  The signature algorithms are not narrowed to such a key:
 * OpenSSL has settled their candidates before it asks for the certificate
 * (see gnossl_cred_retrieved_can_sign). */
EVP_PKEY *gnossl_cred_retrieved_pkey(gnutls_privkey_t key, X509 *leaf, int own);

/* For a client's retrieve function under TLS 1.3: 0 when key is external
 * and can sign none of the signature algorithms both ends share (GnuTLS
 * then sends no certificate), else 1. */
int gnossl_cred_retrieved_can_sign(SSL *ssl, gnutls_privkey_t key);

#endif
