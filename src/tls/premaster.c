/* gnutls_session_set_premaster: resume a session whose master secret and ID
 * were agreed outside TLS.  openconnect and ocserv use it for "legacy" DTLS:
 * the server sends the ID (X-DTLS-Session-ID) over the TLS channel, the
 * client the master secret (X-DTLS-Master-Secret), and both sides then run
 * an abbreviated DTLS handshake that resumes this made-up session (DTLS 1.x,
 * or, on the client only, Cisco's DTLS 0.9: dtls09.c).
 *
 * The session is an SSL_SESSION held where set_data's decoded session goes:
 * a client offers it in its hello (resume.c), a server finds it by ID in
 * its session lookup (db.c) before asking any database.  OpenSSL has no call
 * that gives a cipher suite by its ID without an SSL, but decoding a session
 * resolves one: the suite comes from a minimal encoded session, the rest is
 * set with the SSL_SESSION setters. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "core/algorithms.h"

#include <openssl/ssl.h>
#include <string.h>
#include <time.h>

/* The session ID context every server SSL_CTX gets from the credentials room
 * (src/cred/ssl.c): OpenSSL resumes only sessions carrying the same one. */
static const unsigned char server_sid_ctx[] = "gnossl";

/* GnuTLS takes any TLS or DTLS version up to 1.2 whatever the transport;
 * TLS 1.3 has no master secret to resume from. */
static int wire_version(gnutls_protocol_t v)
{
    return v == GNUTLS_TLS1_3 || v == GNUTLS_SSL3 ? 0 : gnossl_protocol_to_ossl(v);
}

/* The two-byte ID of the TLS 1.2-style suite made of kx, cipher and mac. */
static int suite_id(gnutls_kx_algorithm_t kx, gnutls_cipher_algorithm_t cipher, gnutls_mac_algorithm_t mac,
                    unsigned char id[2])
{
    for (size_t i = 0;; i++) {
        gnutls_kx_algorithm_t k;
        gnutls_cipher_algorithm_t c;
        gnutls_mac_algorithm_t m;
        gnutls_protocol_t minv;
        if (gnutls_cipher_suite_info(i, id, &k, &c, &m, &minv) == NULL)
            return -1;
        if (k == kx && c == cipher && m == mac && k != 0)
            return 0;
    }
}

/* A session with only a version and a cipher suite, decoded from DER
 * (SEQUENCE { 1, version, suite, empty ID, empty master key }). */
static SSL_SESSION *session_with_suite(int ver, const unsigned char id[2])
{
    unsigned char der[32], *p = der + 2;
    *p++ = 0x02, *p++ = 0x01, *p++ = 0x01;
    /* DER integers are minimal: a leading zero only before a high bit (DTLS). */
    *p++ = 0x02;
    if (ver & 0x8000)
        *p++ = 0x03, *p++ = 0x00;
    else
        *p++ = 0x02;
    *p++ = (unsigned char)(ver >> 8), *p++ = (unsigned char)ver;
    *p++ = 0x04, *p++ = 0x02, *p++ = id[0], *p++ = id[1];
    *p++ = 0x04, *p++ = 0x00;
    *p++ = 0x04, *p++ = 0x00;
    der[0] = 0x30;
    der[1] = (unsigned char)(p - der - 2);
    const unsigned char *q = der;
    return d2i_SSL_SESSION(NULL, &q, (long)(p - der));
}

int gnutls_session_set_premaster(gnutls_session_t session, unsigned int entity, gnutls_protocol_t version,
                                 gnutls_kx_algorithm_t kx, gnutls_cipher_algorithm_t cipher,
                                 gnutls_mac_algorithm_t mac, gnutls_compression_method_t comp,
                                 const gnutls_datum_t *master, const gnutls_datum_t *session_id)
{
    (void)comp; /* compression is gone from TLS */
    (void)entity; /* the session's own role decides how the secret is used */
    if (session == NULL || master == NULL || session_id == NULL || master->data == NULL ||
        master->size != SSL_MAX_MASTER_KEY_LENGTH || session_id->size > SSL_MAX_SSL_SESSION_ID_LENGTH ||
        (session_id->size > 0 && session_id->data == NULL))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ver = wire_version(version);
    /* OpenSSL 3.0 runs DTLS 0.9 as a client only (dtls09.c) */
    if (ver == 0 || (ver == DTLS1_BAD_VER && session->is_server)) {
        gnossl_debug("gnossl: set_premaster: protocol %d cannot be resumed here", (int)version);
        return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_VERSION_PACKET);
    }
    unsigned char id[2];
    if (suite_id(kx, cipher, mac, id) < 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    SSL_SESSION *sess = session_with_suite(ver, id);
    if (sess == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_CIPHER_SUITE);
    if (SSL_SESSION_set1_master_key(sess, master->data, master->size) != 1 ||
        SSL_SESSION_set1_id(sess, session_id->data, session_id->size) != 1 ||
        (session->is_server &&
         SSL_SESSION_set1_id_context(sess, server_sid_ctx, sizeof server_sid_ctx - 1) != 1)) {
        SSL_SESSION_free(sess);
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    SSL_SESSION_set_time(sess, (long)time(NULL));
    SSL_SESSION_set_timeout(sess, 24 * 3600);
    SSL_SESSION_free(session->resume_sess);
    session->resume_sess = sess;
    return 0;
}
