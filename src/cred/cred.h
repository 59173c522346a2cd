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

/* Optional hook the tls room may define: CTX-wide settings it needs
 * (session cache mode and callbacks, ...), applied once to every SSL_CTX the
 * credentials room creates, right after creation.  Declared weak: the
 * credentials room calls it only if it is linked in. */
void gnossl_tls_ctx_setup(SSL_CTX *ctx, int is_server, int is_dtls) __attribute__((weak));

/* The tls room's count of application hello extension numbers
 * (ext-custom.c): a CTX made under a smaller count must be replaced, not
 * changed.  Weak like the hook above. */
unsigned gnossl_ext_custom_generation(void) __attribute__((weak));

/* To be called by the tls room when OpenSSL reports the handshake complete
 * (before gnutls_handshake returns 0).  Runs what GnuTLS runs after an
 * EMPTY client Certificate message on a server that asked for one (the
 * verify function or the set_verify_cert check), which OpenSSL has no
 * callback for.  Returns 0, or the GnuTLS error the handshake must fail
 * with (the caller should then send a fatal alert, e.g. access_denied). */
int gnossl_cred_handshake_done(gnutls_session_t s);

/* The same check run earlier, where GnuTLS runs it: as a TLS 1.2 server
 * reads the client's empty Certificate message (tls room's message
 * callback).  Returns 0 (then gnossl_cred_handshake_done does not run it
 * again), or the GnuTLS error the handshake fails with. */
int gnossl_cred_empty_certificate(gnutls_session_t s);

/* GnuTLS's hostname rules applied to a certificate (IP literals against IP
 * SANs, wildcards only as a whole leftmost label, CN only when there is no
 * DNS/IP SAN); 1 = match.  vflags: gnutls_certificate_verify_flags. */
int gnossl_cred_check_hostname(X509 *x, const char *host, unsigned vflags);

/* The DH settings of a server session's credentials (certificate, PSK,
 * anonymous; the first that has each): returns the security parameter
 * (gnutls_sec_param_t, 0 if none), *dh explicit parameters (a new
 * reference, or NULL), *has_fn whether a params callback is set. */
unsigned gnossl_cred_dh_settings(gnutls_session_t s, EVP_PKEY **dh, int *has_fn);

/* From the server's client-hello callback: with PSK credentials and an
 * external PSK offered, keep only the TLS 1.3 suites of the PSK's hash and
 * set up the key exchange mode GnuTLS would choose.  Returns 0, or the
 * error the handshake fails with (no mode and no certificate). */
int gnossl_psk_hello(gnutls_session_t s, SSL *ssl);
/* Whether a ClientHello (in the client-hello callback) offers TLS 1.3, and
 * whether the handshake will be TLS 1.3 (the server allows it too). */
int gnossl_hello_offers_tls13(SSL *ssl);
int gnossl_hello_is_tls13(SSL *ssl);

#endif
