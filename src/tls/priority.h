/* Compiled priorities as the session sees them (owned by the priority files
 * in src/tls/).  A priority string is parsed once, in gnutls_priority_init,
 * into a gnutls_priority_t that is cheap to apply to each new SSL. */
#ifndef GNOSSL_TLS_PRIORITY_H
#define GNOSSL_TLS_PRIORITY_H

#include "gnossl.h"
#include <openssl/ssl.h>

/* Apply compiled priorities to a freshly created SSL (versions, TLS 1.2
 * cipher list, TLS 1.3 suites, groups, signature algorithms, options,
 * security level).  Returns 0 or a negative GnuTLS code:
 * GNUTLS_E_NO_PRIORITIES_WERE_SET when the priority leaves no protocol
 * version for this transport (real GnuTLS's handshake answer then). */
int gnossl_priority_apply(gnutls_priority_t p, SSL *ssl, int is_server, int is_dtls);

/* Optional, for whoever creates an SSL_CTX (the credentials): give a NEW
 * SSL_CTX, before any SSL is made from it, the algorithm lists of the
 * priority it will mostly serve.  gnossl_priority_apply then skips the
 * costly list calls (SSL_set_cipher_list is ~25us) for SSLs from this CTX
 * whose priority has the same lists.  Not thread-safe against SSL_new on
 * the same CTX.  Returns 0 or a negative GnuTLS code. */
int gnossl_priority_apply_ctx(gnutls_priority_t p, SSL_CTX *ctx);

/* Priority objects are reference counted: a session holds a reference to
 * the priority it was given, so the application may deinit its copy. */
void gnossl_priority_ref(gnutls_priority_t p);
void gnossl_priority_unref(gnutls_priority_t p);

/* Flags parsed from % options that other rooms consult. */
#define GNOSSL_PRIO_NO_TICKETS 0x1u
#define GNOSSL_PRIO_SERVER_PRECEDENCE 0x2u
#define GNOSSL_PRIO_DISABLE_WILDCARDS 0x4u
#define GNOSSL_PRIO_NO_EXTENSIONS 0x8u
#define GNOSSL_PRIO_FALLBACK_SCSV 0x10u
#define GNOSSL_PRIO_UNSAFE_RENEGOTIATION 0x20u
#define GNOSSL_PRIO_SAFE_RENEGOTIATION 0x40u
#define GNOSSL_PRIO_DISABLE_SAFE_RENEGOTIATION 0x80u
#define GNOSSL_PRIO_NO_TLS13_COMPAT_MODE 0x100u
#define GNOSSL_PRIO_NO_TICKETS_TLS12 0x200u /* PFS, %NO_TICKETS_TLS12 */
#define GNOSSL_PRIO_NO_ETM 0x400u
#define GNOSSL_PRIO_FORCE_ETM 0x800u
#define GNOSSL_PRIO_NO_SESSION_HASH 0x1000u
#define GNOSSL_PRIO_ALLOW_LARGE_RECORDS 0x2000u /* %COMPAT */
#define GNOSSL_PRIO_ALLOW_SMALL_RECORDS 0x4000u
#define GNOSSL_PRIO_DUMBFW 0x8000u
#define GNOSSL_PRIO_ALLOW_KEY_USAGE_VIOLATIONS 0x10000u
unsigned gnossl_priority_flags(gnutls_priority_t p);

/* Whether the priority's signature algorithms include the one with this
 * TLS code point (0x0201 = RSA-SHA1, ...). */
int gnossl_priority_has_sign_code(gnutls_priority_t p, unsigned code);

/* Certificate verification flags implied by % options (%VERIFY_ALLOW_BROKEN,
 * %VERIFY_ALLOW_SIGN_WITH_SHA1, %VERIFY_DISABLE_CRL_CHECKS, ...), OR-ed into
 * the credentials' flags when a session verifies. */
unsigned gnossl_priority_verify_flags(gnutls_priority_t p);

/* Stores `p` on the session, taking a reference (and dropping the one on
 * any previous priority).  Implemented by the session code (src/tls/
 * session*.c); gnutls_priority_set / _set_direct / gnutls_set_default_priority
 * call it. */
void gnossl_session_set_priority(gnutls_session_t session, gnutls_priority_t p);

#endif
