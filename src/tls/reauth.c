/* TLS 1.3 post-handshake client authentication (GNUTLS_POST_HANDSHAKE_AUTH,
 * gnutls_reauth).  A client's OpenSSL answers a CertificateRequest while
 * reading; the read stops right after it so that the application sees
 * GNUTLS_E_REAUTH_REQUEST as with GnuTLS, and gnutls_reauth then has
 * nothing left to send.  A server sends the request and reads (through
 * SSL_peek, so application data gives GOT_APPLICATION_DATA) until the
 * client's Finished. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/err.h>

int gnutls_reauth(gnutls_session_t s, unsigned int flags)
{
    (void)flags;
    if (s == NULL || s->ssl == NULL || !s->handshake_done || !gnossl_ssl_is_tls13(s->ssl) ||
        !(s->init_flags & GNUTLS_POST_HANDSHAKE_AUTH))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->invalid)
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
    if (!s->is_server) {
        /* Only an answer to a request (GNUTLS_E_REAUTH_REQUEST); the
         * certificate went out when the request was read. */
        if (!s->reauth_answer_due && !s->reauth_requested)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        s->reauth_answer_due = s->reauth_requested = 0;
        return 0;
    }
    if (!s->reauth_in_progress) {
        ERR_clear_error();
        if (SSL_verify_client_post_handshake(s->ssl) != 1) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* the client did not offer it */
        }
        s->reauth_in_progress = 1;
        s->reauth_done = 0;
    }
    for (int i = 0; i < 64; i++) {
        unsigned char b;
        gnossl_translate_begin(s);
        int r = SSL_do_handshake(s->ssl); /* sends the request (once) */
        if (r == 1)
            r = SSL_peek(s->ssl, &b, 1);
        s->stop_after_renegotiation = 0;
        gnossl_run_post_hooks(s);
        if (s->reauth_done) {
            s->reauth_in_progress = 0;
            return 0;
        }
        if (r > 0)
            return GNUTLS_E_GOT_APPLICATION_DATA;
        int code = gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
        if (s->reauth_done) {
            s->reauth_in_progress = 0;
            return 0;
        }
        if (code != GNUTLS_E_AGAIN || s->io_blocked) {
            if (gnossl_code_is_fatal(code))
                s->reauth_in_progress = 0;
            return code;
        }
    }
    return GNUTLS_E_AGAIN;
}

/* OpenSSL 3 has no heartbeat (RFC 6520): the extension is never negotiated. */
void gnutls_heartbeat_enable(gnutls_session_t s, unsigned int type)
{
    (void)s;
    (void)type;
}

unsigned gnutls_heartbeat_allowed(gnutls_session_t s, unsigned int type)
{
    (void)s;
    (void)type;
    return 0;
}

/* GnuTLS's answers for a session whose peer did not agree to heartbeats,
 * which is every gnossl session: an oversized payload first, then "not
 * allowed".  No ping is ever sent, so no pong is ever due. */
#define HEARTBEAT_MAX_PAYLOAD 16384

int gnutls_heartbeat_ping(gnutls_session_t s, size_t data_size, unsigned int max_tries, unsigned int flags)
{
    (void)max_tries;
    (void)flags;
    if (data_size > HEARTBEAT_MAX_PAYLOAD)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    if (gnutls_heartbeat_allowed(s, GNUTLS_HB_LOCAL_ALLOWED_TO_SEND) == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
}

int gnutls_heartbeat_pong(gnutls_session_t s, unsigned int flags)
{
    (void)s;
    (void)flags;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* no ping received */
}

void gnutls_heartbeat_set_timeouts(gnutls_session_t s, unsigned int retrans_timeout, unsigned int total_timeout)
{
    (void)s;
    (void)retrans_timeout;
    (void)total_timeout;
}

/* Time left before retransmitting the last ping: none was sent. */
unsigned int gnutls_heartbeat_get_timeout(gnutls_session_t s)
{
    (void)s;
    return 0;
}
