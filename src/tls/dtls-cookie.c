/* GnuTLS's stateless DTLS cookies: gnutls_dtls_cookie_send writes a
 * HelloVerifyRequest whose cookie is HMAC-SHA1(key, client address)
 * truncated to 16 bytes; gnutls_dtls_cookie_verify checks the cookie of a
 * ClientHello; gnutls_dtls_prestate_set hands the verified hello to the new
 * session.  The wire format is GnuTLS's, so that servers written for it
 * (gnutls-serv --udp) answer GnuTLS and OpenSSL clients alike.
 *
 * On the OpenSSL side the session's first handshake step runs DTLSv1_listen,
 * which reads that ClientHello again, accepts its cookie (already verified
 * here) and continues with handshake and record sequence numbers that
 * follow the client's, as GnuTLS's prestate does. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <string.h>

#define COOKIE_SIZE 16u
#define REC_HDR 13u
#define HS_HDR 12u
#define HT_HELLO_VERIFY_REQUEST 3u

static int cookie_mac(const gnutls_datum_t *key, const void *client, size_t client_size,
                      unsigned char out[20])
{
    return gnutls_hmac_fast(GNUTLS_MAC_SHA1, key->data, key->size, client, client_size, out);
}

static void put24(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 16);
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)v;
}

int gnutls_dtls_cookie_send(gnutls_datum_t *key, void *client_data, size_t client_data_size,
                            gnutls_dtls_prestate_st *prestate, gnutls_transport_ptr_t ptr,
                            gnutls_push_func push_func)
{
    if (key == NULL || key->data == NULL || key->size == 0 || push_func == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char mac[20];
    int ret = cookie_mac(key, client_data, client_data_size, mac);
    if (ret < 0)
        return GNOSSL_ERR(ret);

    const unsigned body = 3 + COOKIE_SIZE; /* server_version, cookie<0..32> */
    unsigned char m[REC_HDR + HS_HDR + 3 + COOKIE_SIZE];
    memset(m, 0, sizeof m);
    /* record: handshake, DTLS 1.0 (as RFC 6347 advises for this message),
     * epoch 0, the sequence number of the client's record */
    m[0] = 22;
    m[1] = 254;
    m[2] = 255;
    m[10] = prestate != NULL ? (unsigned char)prestate->record_seq : 0;
    m[11] = 0;
    m[12] = (unsigned char)(HS_HDR + body);
    /* handshake header: one unfragmented message */
    m[13] = HT_HELLO_VERIFY_REQUEST;
    put24(m + 14, body);
    m[18] = prestate != NULL ? (unsigned char)prestate->hsk_write_seq : 0;
    put24(m + 22, body);
    m[25] = 254;
    m[26] = 255;
    m[27] = COOKIE_SIZE;
    memcpy(m + 28, mac, COOKIE_SIZE);

    ssize_t r = push_func(ptr, m, sizeof m);
    return r < 0 ? GNOSSL_ERR(GNUTLS_E_PUSH_ERROR) : (int)r;
}

int gnutls_dtls_cookie_verify(gnutls_datum_t *key, void *client_data, size_t client_data_size,
                              void *_msg, size_t msg_size, gnutls_dtls_prestate_st *prestate)
{
    const unsigned char *msg = _msg;
    if (key == NULL || key->data == NULL || key->size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (msg == NULL)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    /* record header, handshake header, client_version and random */
    size_t pos = REC_HDR + HS_HDR + 2 + 32;
    if (msg_size < pos + 1)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    size_t sid = msg[pos++];
    if (sid > 32 || msg_size < pos + sid + 1)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    pos += sid;
    size_t clen = msg[pos++];
    if (msg_size < pos + clen + 1)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    if (clen != COOKIE_SIZE)
        return GNOSSL_ERR(GNUTLS_E_BAD_COOKIE);
    unsigned char mac[20];
    int ret = cookie_mac(key, client_data, client_data_size, mac);
    if (ret < 0)
        return GNOSSL_ERR(ret);
    if (CRYPTO_memcmp(mac, msg + pos, COOKIE_SIZE) != 0)
        return GNOSSL_ERR(GNUTLS_E_BAD_COOKIE);
    if (prestate != NULL) {
        prestate->record_seq = msg[10];
        prestate->hsk_read_seq = msg[REC_HDR + 5];
        prestate->hsk_write_seq = 0;
    }
    return 0;
}

void gnutls_dtls_prestate_set(gnutls_session_t s, gnutls_dtls_prestate_st *prestate)
{
    if (s == NULL || prestate == NULL)
        return;
    s->dtls.prestate = *prestate;
    s->dtls.prestate_set = 1;
}

/* DTLSv1_listen asks these of the SSL_CTX.  The cookie of a session with a
 * prestate was checked by gnutls_dtls_cookie_verify; a listen that meets a
 * hello without one (the client lost our HelloVerifyRequest) answers with a
 * random cookie, which it then accepts. */
static int cookie_generate(SSL *ssl, unsigned char *cookie, unsigned int *len)
{
    (void)ssl;
    if (RAND_bytes(cookie, COOKIE_SIZE) != 1)
        return 0;
    *len = COOKIE_SIZE;
    return 1;
}

static int cookie_accept(SSL *ssl, const unsigned char *cookie, unsigned int len)
{
    (void)cookie;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    return s != NULL && s->dtls.prestate_set && len > 0;
}

void gnossl_dtls_ctx_setup(SSL_CTX *ctx)
{
    SSL_CTX_set_cookie_generate_cb(ctx, cookie_generate);
    SSL_CTX_set_cookie_verify_cb(ctx, cookie_accept);
}

int gnossl_dtls_handshake_pre(gnutls_session_t s)
{
    if (!s->is_server || !s->dtls.prestate_set || s->dtls.listened)
        return 1;
    for (int i = 0; i < 16; i++) {
        BIO_ADDR *peer = BIO_ADDR_new();
        if (peer == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        gnossl_translate_begin(s);
        int r = DTLSv1_listen(s->ssl, peer);
        BIO_ADDR_free(peer);
        if (r > 0) {
            s->dtls.listened = 1;
            ERR_clear_error();
            return 1;
        }
        if (r < 0 || s->timed_out || s->io_error != 0) {
            int code = s->timed_out ? GNUTLS_E_TIMEDOUT : s->io_error ? s->io_error : GNUTLS_E_UNEXPECTED_PACKET;
            ERR_clear_error();
            s->invalid = 1;
            s->hs_in_progress = 0;
            if (code == GNUTLS_E_TIMEDOUT)
                s->dtls.expired = 1; /* later calls say so again */
            return GNOSSL_ERR(code);
        }
        ERR_clear_error();
        s->dtls.timer_retry = 0;
        if (s->io_blocked)
            return GNUTLS_E_AGAIN;
        /* a datagram that is not a usable ClientHello was dropped: read on */
    }
    return GNUTLS_E_AGAIN;
}
