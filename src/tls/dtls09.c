/* Cisco's pre-standard DTLS 0.9 (GNUTLS_DTLS0_9, OpenSSL's DTLS1_BAD_VER),
 * which openconnect still runs for AnyConnect's "legacy" DTLS: a session
 * resumed from gnutls_session_set_premaster (premaster.c).
 *
 * OpenSSL's version-flexible DTLS client speaks it within the bounds
 * [DTLS1_BAD_VER, DTLS1_BAD_VER].  OpenSSL 3.0 has no DTLS 0.9 server:
 * the flexible server method has none, and its state machine refuses to
 * start a DTLS server at that version (internal error), even the fixed
 * DTLS 1.0 method with SSL_OP_CISCO_ANYCONNECT.  So a server is refused
 * where it asks for it: set_premaster, or here for a 0.9-only priority. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/ssl.h>

int gnossl_dtls09_prepare(gnutls_session_t s, SSL *ssl)
{
    if (!(s->init_flags & GNUTLS_DATAGRAM))
        return 0;
    int only09 = SSL_get_max_proto_version(ssl) == DTLS1_BAD_VER;
    if (s->is_server)
        return only09 ? GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET) : 0; /* nothing OpenSSL can serve */
    if (only09 || (s->resume_sess != NULL && SSL_SESSION_get_protocol_version(s->resume_sess) == DTLS1_BAD_VER)) {
        /* the hello offers the resumed session's version, as GnuTLS's does */
        if (!SSL_set_min_proto_version(ssl, DTLS1_BAD_VER) || !SSL_set_max_proto_version(ssl, DTLS1_BAD_VER))
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        /* and, as GnuTLS's, neither encrypt-then-MAC (a GnuTLS server
         * takes it, then OpenSSL fails the Finished's MAC) nor the
         * extended master secret */
        SSL_set_options(ssl, SSL_OP_NO_ENCRYPT_THEN_MAC | SSL_OP_NO_EXTENDED_MASTER_SECRET);
    }
    return 0;
}
