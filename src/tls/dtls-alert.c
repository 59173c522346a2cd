/* DTLS warnings that GnuTLS treats otherwise than OpenSSL.
 *
 * OpenSSL 3.0 ends a DTLS session on a no_renegotiation warning it reads
 * (handshake_failure, even when it never asked to renegotiate); GnuTLS
 * returns WARNING_ALERT_RECEIVED and goes on.  A GnuTLS client passes over
 * the warnings it receives during its handshake (before the ServerHello, in
 * the server's flight, at epoch 1 before the Finished: measured), where
 * OpenSSL reports them.  DTLS record headers carry the content type in the
 * clear and the peer may skip sequence numbers, so the BIO opens a received
 * alert record (alert-seal.c; epoch 0: plaintext) and, when it is such a
 * warning, removes it from the datagram before OpenSSL sees it.  A record
 * that does not open goes to OpenSSL as it came. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"

#include <string.h>

#define DTLS_HEADER 13u

/* Is this protected alert record a no_renegotiation warning not seen yet? */
static int no_renegotiation(gnutls_session_t s, const unsigned char *rec, size_t total, uint64_t *seq)
{
    unsigned char pt[GNOSSL_SEAL_MAX];
    size_t n = 0;
    *seq = 0;
    for (int i = 0; i < 8; i++)
        *seq = *seq << 8 | rec[3 + i];
    return total <= GNOSSL_SEAL_MAX && *seq > s->dtls.alert_seq &&
           gnossl_seal_open(s->ssl, *seq, rec, total, pt, sizeof pt, &n) == 0 && n == 2 &&
           pt[0] == GNUTLS_AL_WARNING && pt[1] == GNUTLS_A_NO_RENEGOTIATION;
}

/* A client's handshake: is this alert record a warning (not close_notify)? */
static int handshake_warning(gnutls_session_t s, const unsigned char *rec, size_t total)
{
    unsigned char pt[GNOSSL_SEAL_MAX];
    size_t n = 0;
    uint64_t seq = 0;
    for (int i = 0; i < 8; i++)
        seq = seq << 8 | rec[3 + i];
    if (seq >> 48 == 0) { /* epoch 0 */
        n = total - DTLS_HEADER;
        memcpy(pt, rec + DTLS_HEADER, n < sizeof pt ? n : sizeof pt);
    } else if (total > GNOSSL_SEAL_MAX || gnossl_seal_open(s->ssl, seq, rec, total, pt, sizeof pt, &n) < 0) {
        return 0;
    }
    return n == 2 && pt[0] == GNUTLS_AL_WARNING && pt[1] != GNUTLS_A_CLOSE_NOTIFY;
}

int gnossl_dtls_alert_filter(gnutls_session_t s, unsigned char *buf, int len)
{
    size_t off = 0, n = (size_t)len;
    while (off + DTLS_HEADER <= n) {
        unsigned char *rec = buf + off;
        size_t total = DTLS_HEADER + ((size_t)rec[11] << 8 | rec[12]);
        uint64_t seq;
        if (off + total > n)
            break; /* malformed: OpenSSL's to judge */
        /* (cheapest tests first: this runs for every record) */
        if (rec[0] == SSL3_RT_ALERT && (rec[3] | rec[4]) != 0 && s->ssl != NULL && s->handshake_done &&
            no_renegotiation(s, rec, total, &seq)) {
            s->dtls.alert_seq = seq; /* a replay of it is not reported again */
            s->last_alert = GNUTLS_A_NO_RENEGOTIATION;
            s->stop_warning_alert = 1; /* the read reports it (transport.c) */
            memmove(rec, rec + total, n - off - total);
            n -= total;
            continue;
        }
        if (rec[0] == SSL3_RT_ALERT && s->ssl != NULL && !s->is_server && !s->handshake_done &&
            handshake_warning(s, rec, total)) {
            gnossl_debug("dtls: warning alert during the handshake passed over (epoch %u)", (unsigned)(rec[3] << 8 | rec[4]));
            memmove(rec, rec + total, n - off - total);
            n -= total;
            continue;
        }
        off += total;
    }
    return (int)n;
}
