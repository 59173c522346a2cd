/* Where GnuTLS's handshake stands when its certificate check fails, for
 * gnutls_handshake_get_last_in/out (applications log them: nbdkit,
 * nbdcopy).  OpenSSL checks the peer's chain while it reads the Certificate
 * message (a server without a client certificate: at the end of the
 * handshake, verify.c), GnuTLS at fixed points of its state machine:
 *   - TLS 1.3: after the CertificateVerify that follows a non-empty
 *     Certificate (an empty one has none);
 *   - TLS 1.2 and DTLS: right after the Certificate, or after the
 *     CertificateStatus that a client received;
 * by then a client has sent only its ClientHello, a server its whole first
 * flight (Finished in TLS 1.3, ServerHelloDone before). */
#include "gnossl.h"
#include "cred/cred.h"
#include "tls/session-int.h"
#include "tls/verify-point.h"

#include <openssl/ssl.h>

void gnossl_session_verify_failed(gnutls_session_t s, int peer_sent_certs)
{
    const unsigned char *resp;
    if (s == NULL || s->ssl == NULL || s->handshake_done)
        return; /* a rehandshake or reauthentication stops elsewhere */
    int tls13 = gnossl_ssl_is_tls13(s->ssl);
    if (tls13 && peer_sent_certs)
        s->hs_last_in = GNUTLS_HANDSHAKE_CERTIFICATE_VERIFY;
    else if (!s->is_server && SSL_get_tlsext_status_ocsp_resp(s->ssl, &resp) >= 0)
        s->hs_last_in = GNUTLS_HANDSHAKE_CERTIFICATE_STATUS;
    else
        s->hs_last_in = GNUTLS_HANDSHAKE_CERTIFICATE_PKT;
    if (!s->is_server)
        s->hs_last_out = GNUTLS_HANDSHAKE_CLIENT_HELLO;
    else
        s->hs_last_out = tls13 ? GNUTLS_HANDSHAKE_FINISHED : GNUTLS_HANDSHAKE_SERVER_HELLO_DONE;
}

/* A TLS 1.2 server that asked for a certificate (without requiring one)
 * reads an empty Certificate message: OpenSSL has no callback there and
 * would finish the handshake first; GnuTLS checks right away and stops.
 * So check now, and on failure make OpenSSL refuse the empty message as
 * a server that requires a certificate does.  (TLS 1.3: the check at the
 * end of the handshake already leaves the peer where GnuTLS does.) */
void gnossl_session_certificate_in(gnutls_session_t s, const unsigned char *body, size_t len)
{
    if (!s->is_server || s->handshake_done || s->ssl == NULL || gnossl_ssl_is_tls13(s->ssl))
        return;
    if (len < 3 || body[0] != 0 || body[1] != 0 || body[2] != 0)
        return; /* certificates follow: OpenSSL's verify callback runs */
    int mode = SSL_get_verify_mode(s->ssl);
    if (!(mode & SSL_VERIFY_PEER) || (mode & SSL_VERIFY_FAIL_IF_NO_PEER_CERT))
        return;
    int r = gnossl_cred_empty_certificate(s);
    if (r < 0) {
        s->pending_error = r;
        SSL_set_verify(s->ssl, mode | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, SSL_get_verify_callback(s->ssl));
    }
}
