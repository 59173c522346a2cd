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

/* On a TLS 1.2 server whose RSA key is the external key: when it can sign
 * no RSA algorithm both ends share, leave out the suites that need an RSA
 * signature, as GnuTLS does (ext-key-suites.c).  Run before libssl chooses
 * the suite: from the certificate callback. */
void gnossl_ext_key_server_suites(SSL *ssl, gnutls_privkey_t key);

/* From the server's ClientHello callback: a TLS 1.2 hello offering no RSA
 * algorithm the credentials' external RSA key signs gets the server's
 * whole signature algorithm list back, which libssl wants even to pick an
 * RSA key exchange (the callback below drops the suites that would sign). */
void gnossl_ext_key_hello(gnutls_session_t s, SSL *ssl);

/* Certificate callback doing that for key (arg): servers whose
 * credentials hold an external RSA key and no retrieve function. */
int gnossl_ext_key_suites_cb(SSL *ssl, void *arg);

#endif
