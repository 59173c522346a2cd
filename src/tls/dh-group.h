/* Interface of dh-group.c inside the tls room. */
#ifndef GNOSSL_TLS_DH_GROUP_H
#define GNOSSL_TLS_DH_GROUP_H

#include "gnossl.h"
#include <openssl/ssl.h>
#include <stddef.h>

/* Record the DH group of a TLS 1.2 ServerKeyExchange seen on `ssl` (sent
 * or received): its prime and generator as they appear on the wire.  They
 * answer gnutls_dh_get_group later, when OpenSSL no longer holds them. */
void gnossl_dh_group_note(SSL *ssl, const unsigned char *p, size_t plen, const unsigned char *g, size_t glen);
/* The same from DH parameters a server session was given (src/cred/ sets
 * them on the SSL before the handshake). */
void gnossl_dh_group_note_pkey(SSL *ssl, EVP_PKEY *dh);

/* From a server's client-hello callback: put on `ssl` the DHE group GnuTLS
 * would use for this hello, and record in the session whether it is the
 * negotiated RFC 7919 group (dh-select.c). */
void gnossl_dh_hello(gnutls_session_t s, SSL *ssl);

/* From the message callback (alert.c), for each handshake message in
 * OpenSSL's framing: captures the peer's DHE public value for
 * gnutls_dh_get_pubkey. */
void gnossl_dh_note_handshake(SSL *ssl, int write_p, const unsigned char *p, size_t len);

#endif
