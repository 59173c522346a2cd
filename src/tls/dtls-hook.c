/* Handshake hooks on DTLS messages gnossl sends: the bodies as they went
 * out, rebuilt from the epoch-0 fragments the transport BIO was given (see
 * dtls.h).  Nothing of this runs unless a handshake hook is set. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct gnossl_dtls_sent {
    unsigned seq;      /* message sequence number */
    size_t len;        /* message body length */
    size_t covered;    /* body bytes [0, covered) were seen, in order */
    size_t cap;
    unsigned char *body;
};

static size_t be(const unsigned char *p, int n)
{
    size_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

static void note_fragment(gnutls_session_t s, const unsigned char *f, size_t n)
{
    size_t mlen = be(f + 1, 3), off = be(f + 6, 3), flen = be(f + 9, 3);
    unsigned seq = (unsigned)be(f + 4, 2);
    if (12 + flen > n || off + flen > mlen)
        return;
    struct gnossl_dtls_sent *st = s->dtls.sent;
    if (st == NULL && (st = s->dtls.sent = calloc(1, sizeof *st)) == NULL)
        return;
    if (st->body == NULL || st->seq != seq || st->len != mlen) {
        if (mlen > st->cap) {
            unsigned char *b = realloc(st->body, mlen);
            if (b == NULL)
                return;
            st->body = b;
            st->cap = mlen;
        }
        if (st->body == NULL && (st->body = malloc(1)) == NULL)
            return;
        st->seq = seq;
        st->len = mlen;
        st->covered = 0;
    }
    memcpy(st->body + off, f + 12, flen);
    if (off <= st->covered && off + flen > st->covered)
        st->covered = off + flen;
}

void gnossl_dtls_hook_sent(gnutls_session_t s, const unsigned char *p, size_t n)
{
    while (n >= 13) {
        size_t rlen = be(p + 11, 2);
        if (13 + rlen > n)
            return;
        /* epoch 0 (plaintext) handshake records: fragments one after another */
        if (p[0] == 22 && p[3] == 0 && p[4] == 0)
            for (size_t o = 0; o + 12 <= rlen; o += 12 + be(p + 13 + o + 9, 3))
                note_fragment(s, p + 13 + o, rlen - o);
        p += 13 + rlen;
        n -= 13 + rlen;
    }
}

void gnossl_dtls_hook_repair(gnutls_session_t s, const unsigned char *msg, size_t len, unsigned char *body)
{
    struct gnossl_dtls_sent *st = s->dtls.sent;
    if (st == NULL)
        return;
    if (len >= 12 && st->seq == be(msg + 4, 2) && st->len == len - 12 && be(msg + 1, 3) == st->len)
        memcpy(body, st->body, st->covered);
    /* Each report uses up what was kept: a message that went out after its
     * report (whole, from OpenSSL's buffer) must not stand in for a later
     * one with the same sequence number and length (a renegotiation's,
     * sent at an epoch whose records are not read here). */
    st->len = SIZE_MAX;
    st->covered = 0;
}

void gnossl_dtls_hook_free(gnutls_session_t s)
{
    if (s->dtls.sent != NULL)
        free(s->dtls.sent->body);
    free(s->dtls.sent);
    s->dtls.sent = NULL;
}
