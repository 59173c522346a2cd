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
#include "tls/session-int.h"

#include <openssl/ssl.h>

void gnossl_session_verify_failed(gnutls_session_t s, int peer_sent_certs)
{
    const unsigned char *resp;
    if (s == NULL || s->ssl == NULL || s->handshake_done)
        return; /* a rehandshake or reauthentication stops elsewhere */
    int tls13 = SSL_version(s->ssl) == TLS1_3_VERSION;
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
