/* gnutls_session_set_id: a client chooses the session ID of its ClientHello.
 *
 * Used by openconnect, whose DTLS ClientHello carries the "application ID"
 * ocserv announced over the TLS channel: ocserv's main process reads it from
 * the hello to route the datagram to the right worker.  OpenSSL writes into
 * a client's hello the ID of the session it is asked to resume, so the ID is
 * carried by an otherwise empty SSL_SESSION put where set_data's decoded
 * session goes (resume.c applies it when the SSL is made, and, as GnuTLS,
 * only when TLS 1.3 is out of reach: a TLS 1.3 client sends a random legacy
 * ID).  The server does not know that ID and answers with its own, which
 * makes OpenSSL start a fresh session: a full handshake, as with GnuTLS. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/ssl.h>

int gnutls_session_set_id(gnutls_session_t session, const gnutls_datum_t *sid)
{
    if (session == NULL || sid == NULL || (sid->size > 0 && sid->data == NULL))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (session->is_server || sid->size > SSL_MAX_SSL_SESSION_ID_LENGTH)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    SSL_SESSION *sess = SSL_SESSION_new();
    if (sess == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    /* OpenSSL only offers a session whose version the SSL may negotiate;
     * (D)TLS 1.2 is the highest one where the hello's ID has a meaning. */
    int ver = (session->init_flags & GNUTLS_DATAGRAM) ? DTLS1_2_VERSION : TLS1_2_VERSION;
    if (SSL_SESSION_set_protocol_version(sess, ver) != 1 ||
        SSL_SESSION_set1_id(sess, sid->data, sid->size) != 1) {
        SSL_SESSION_free(sess);
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    /* Like GnuTLS, this replaces any resumption data set before. */
    SSL_SESSION_free(session->resume_sess);
    session->resume_sess = sess;
    return 0;
}
