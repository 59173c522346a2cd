/* The gnutls_session_t as the other rooms see it.
 *
 * The struct itself is owned by the tls room (src/tls/); other rooms use only
 * the accessors below.  A session records what the application sets before
 * the handshake; the first gnutls_handshake materialises the SSL:
 *     ssl = gnossl_cred_new_ssl(session)          (src/cred/, credentials)
 *     gnossl_priority_apply(priority, ssl, ...)   (src/tls/priority*)
 *     transport BIO, SNI, ALPN, session data...   (src/tls/)
 * and every later step is translated to GnuTLS codes in one place. */
#ifndef GNOSSL_TLS_SESSION_H
#define GNOSSL_TLS_SESSION_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* The session's SSL, or NULL before the first handshake call. */
SSL *gnossl_session_ssl(gnutls_session_t s);

/* The session that owns an SSL (kept in the SSL's ex_data), for callbacks. */
gnutls_session_t gnossl_session_from_ssl(const SSL *ssl);

/* The flags given to gnutls_init (GNUTLS_SERVER, GNUTLS_DATAGRAM, ...). */
unsigned gnossl_session_init_flags(gnutls_session_t s);
int gnossl_session_is_server(gnutls_session_t s);

/* Credentials recorded with gnutls_credentials_set, or NULL. */
void *gnossl_session_get_cred(gnutls_session_t s, gnutls_credentials_type_t type);

/* The priority set on the session, or NULL. */
gnutls_priority_t gnossl_session_priority(gnutls_session_t s);

/* A GnuTLS error that a callback running inside OpenSSL (verification, PSK,
 * certificate selection) wants the current call to return instead of the
 * code the translator would derive from OpenSSL's state. 0 = none. */
void gnossl_session_set_pending_error(gnutls_session_t s, int gnutls_error);

/* The certificate check of the handshake failed (cred room): the last
 * handshake messages in and out become those GnuTLS reports there
 * (verify-point.c).  `peer_sent_certs`: the peer's Certificate was not empty. */
void gnossl_session_verify_failed(gnutls_session_t s, int peer_sent_certs);

/* What gnutls_session_set_verify_cert asked for (owned by src/cred/). */
struct gnossl_verify_request {
    int enabled;
    char *hostname; /* NULL: no hostname check */
    unsigned flags; /* gnutls_certificate_verify_flags */
    unsigned status; /* result, for gnutls_session_get_verify_cert_status */
    gnutls_verify_output_function *output; /* set_verify_output_function */
};
struct gnossl_verify_request *gnossl_session_verify_request(gnutls_session_t s);

/* One opaque per-session slot for the credentials room (peer certificate
 * DER copies, selected key, ...); `free_fn` runs at gnutls_deinit. */
void *gnossl_session_cred_state(gnutls_session_t s);
void gnossl_session_set_cred_state(gnutls_session_t s, void *state, void (*free_fn)(void *));

/* The server name set with gnutls_server_name_set (client side), or NULL. */
const char *gnossl_session_server_name(gnutls_session_t s);

/* Store a reference to `p` on the session, replacing any previous one
 * (called by gnutls_priority_set and friends; also declared in priority.h). */
void gnossl_session_set_priority(gnutls_session_t s, gnutls_priority_t p);

/* OCSP status requests (client side).  A GnuTLS client asks for the
 * server's certificate status unless created with GNUTLS_NO_EXTENSIONS;
 * gnutls_ocsp_status_request_enable_client asks in any case. */
void gnossl_session_enable_status_request(gnutls_session_t s);
int gnossl_session_status_requested(gnutls_session_t s);
/* Whether the last certificate verification checked a valid stapled
 * response (set by the credentials room's verification). */
void gnossl_session_set_ocsp_check_ok(gnutls_session_t s, int ok);
int gnossl_session_ocsp_check_ok(gnutls_session_t s);

#endif
