/* DTLS records with a bad encrypt-then-MAC tag, discarded as GnuTLS does.
 *
 * OpenSSL 3.0's DTLS record layer makes a bad ETM tag fatal (bad_record_mac)
 * where it silently drops AEAD and MAC-then-encrypt records that fail.  The
 * tag covers the record as received, so the BIO can check it before OpenSSL
 * sees the datagram: with the peer's MAC key (alert-seal.c's record
 * protection) it removes the records of epoch 1 whose tag is wrong.  The
 * key and digest are taken once, right after the handshake: a
 * renegotiation replaces OpenSSL's session (and its cipher) while epoch 1
 * still runs.  Only the first epoch after a completed handshake is checked
 * (a renegotiation's new keys are left to OpenSSL). */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/seal-int.h"
#include "tls/session-int.h"

#include <string.h>

#define DTLS_HEADER 13u

/* The peer's MAC key and digest: 1, or -1 when not applicable. */
static int peer_mac(gnutls_session_t s)
{
    struct prot pr;
    int ok = gnossl_seal_prot(s->ssl, 1, &pr) == 0 && pr.cbc && pr.etm && pr.mac_len <= sizeof s->dtls.etm_mac_key;
    if (ok) {
        memcpy(s->dtls.etm_mac_key, pr.mac_key, pr.mac_len);
        s->dtls.etm_mac_len = (unsigned)pr.mac_len;
        s->dtls.etm_md = pr.mac_md;
    }
    OPENSSL_cleanse(&pr, sizeof pr);
    return ok ? 1 : -1;
}

/* Is the tag of this epoch-1 record right?  (over its epoch and sequence
 * number, header and ciphertext) */
static int tag_ok(gnutls_session_t s, const unsigned char *rec, size_t body)
{
    size_t ml = s->dtls.etm_mac_len;
    if (body < ml)
        return 0;
    struct prot pr;
    unsigned char tag[EVP_MAX_MD_SIZE];
    uint64_t seq = 0;
    memset(&pr, 0, sizeof pr);
    pr.ver[0] = rec[1];
    pr.ver[1] = rec[2];
    pr.mac_md = s->dtls.etm_md;
    pr.mac_len = ml;
    memcpy(pr.mac_key, s->dtls.etm_mac_key, ml);
    for (int i = 3; i < 11; i++)
        seq = seq << 8 | rec[i];
    int ok = gnossl_seal_cbc_mac(&pr, seq, rec[0], rec + DTLS_HEADER, body - ml, tag) == 0 &&
             CRYPTO_memcmp(tag, rec + DTLS_HEADER + body - ml, ml) == 0;
    OPENSSL_cleanse(&pr, sizeof pr);
    return ok;
}

int gnossl_dtls_etm_filter(gnutls_session_t s, unsigned char *buf, int len)
{
    if (s->ssl == NULL || !s->handshake_done || !s->etm_negotiated || s->dtls.etm_state < 0)
        return len;
    if (s->dtls.etm_state == 0 && (s->dtls.etm_state = peer_mac(s)) < 0)
        return len;
    size_t off = 0, n = (size_t)len;
    while (off + DTLS_HEADER <= n) {
        unsigned char *rec = buf + off;
        size_t body = (size_t)rec[11] << 8 | rec[12];
        if (off + DTLS_HEADER + body > n)
            break; /* malformed: OpenSSL's to judge */
        int epoch = rec[3] << 8 | rec[4];
        if (epoch == 1 && !tag_ok(s, rec, body)) {
            gnossl_debug("dtls: record with a bad encrypt-then-MAC tag discarded");
            s->dtls.discarded++; /* counted by gnutls_record_get_discarded */
            memmove(rec, rec + DTLS_HEADER + body, n - off - DTLS_HEADER - body);
            n -= DTLS_HEADER + body;
            continue;
        }
        off += DTLS_HEADER + body;
    }
    return (int)n;
}
