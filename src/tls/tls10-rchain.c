/* TLS 1.0's chained IVs on the read side.
 *
 * A TLS 1.0 CBC record's IV is the last ciphertext block of the record
 * before it.  A server hearing a refusal (reneg-refuse.c) hands OpenSSL an
 * empty record in place of the client's no_renegotiation warning, so
 * OpenSSL's chain then goes on from that record while the client's goes on
 * from its alert.  The transport shows us the bytes it reads on TLS 1.0
 * sessions once the peer's ChangeCipherSpec comes, and we keep the end of
 * each record (the IV of the next one).  After a replacement, every record
 * of the peer is read whole, decrypted from the wire's chain and encrypted
 * again onto OpenSSL's (encrypt-then-MAC: its MAC is checked first, so a
 * forged record goes to OpenSSL as it came and fails there, and a new MAC
 * is made), up to the peer's next ChangeCipherSpec (itself under the old
 * keys), after which both chains restart from the new keys. */
#include "gnossl.h"
#include "tls/seal-int.h"
#include "tls/session-int.h"
#include "tls/tls10-rchain.h"

#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

/* a TLS 1.0 record body at most (RFC 2246, 6.2.3) */
#define BODY_MAX (16384 + 2048)
/* the end of a record kept: its last block and an encrypt-then-MAC MAC */
#define END 64

struct gnossl_rchain {
    /* the wire: the end of the record being read, of the last one read,
     * and of the one before the current record (the IV of the current) */
    unsigned char win[END], last[END], cur[END];
    size_t win_len, last_len, cur_len;
    int last_state, cur_state; /* 0: the key block's IV (after a CCS), 1: end known */
    /* re-encryption, after a replacement */
    int active;
    struct prot pr;                  /* the peer's keys then */
    unsigned char in_iv[16];         /* the wire's chain */
    unsigned char out_iv[16];        /* OpenSSL's chain */
    unsigned char out_cur[16];       /* OpenSSL's IV of the last record handed over */
    uint64_t seq;                    /* of the next record (encrypt-then-MAC) */
    unsigned char hdr[5], *rec;      /* the record being read */
    size_t got, need, served;
    int phase; /* 0: header, 1: body being read, 2: body being handed over */
};

void gnossl_rchain_start(gnutls_session_t s)
{
    if (s->seal.rchain == NULL)
        s->seal.rchain = calloc(1, sizeof *s->seal.rchain); /* (state 0: the key block's IV) */
}

void gnossl_rchain_free(gnutls_session_t s)
{
    struct gnossl_rchain *c = s->seal.rchain;
    if (c == NULL)
        return;
    OPENSSL_clear_free(c->rec, c->rec != NULL ? BODY_MAX : 0);
    OPENSSL_clear_free(c, sizeof *c);
    s->seal.rchain = NULL;
}

static void keep_end(unsigned char *w, size_t *w_len, const unsigned char *p, size_t k)
{
    if (k >= END) {
        memcpy(w, p + k - END, END);
        *w_len = END;
        return;
    }
    size_t keep = *w_len + k > END ? END - k : *w_len;
    memmove(w, w + *w_len - keep, keep);
    memcpy(w + keep, p, k);
    *w_len = keep + k;
}

void gnossl_rchain_note(gnutls_session_t s, const unsigned char *p, size_t n)
{
    struct gnossl_rchain *c = s->seal.rchain;
    /* the framing before these bytes (transport.c's, not yet updated) */
    unsigned got = s->rd_hdr_got, left = s->rd_body_left;
    unsigned char hdr[5];
    memcpy(hdr, s->rd_hdr, sizeof hdr);
    int type = s->rd_hdr_last[0]; /* of the record whose body goes on */
    for (size_t i = 0; i < n;) {
        if (left > 0) {
            size_t k = n - i < left ? n - i : left;
            keep_end(c->win, &c->win_len, p + i, k);
            left -= (unsigned)k;
            i += k;
            if (left == 0 && type == SSL3_RT_CHANGE_CIPHER_SPEC) {
                c->last_state = 0; /* new keys from the next record on */
            } else if (left == 0) {
                memcpy(c->last, c->win, c->win_len);
                c->last_len = c->win_len;
                c->last_state = 1;
            }
            continue;
        }
        hdr[got++] = p[i++];
        if (got == 5) { /* a record starts: its IV is the end of the last one */
            type = hdr[0];
            left = (unsigned)hdr[3] << 8 | hdr[4];
            got = 0;
            c->win_len = 0;
            memcpy(c->cur, c->last, c->last_len);
            c->cur_len = c->last_len;
            c->cur_state = c->last_state;
        }
    }
}

/* The last block of a record's end (e, n bytes) under pr, in iv: 0 or -1. */
static int end_block(const struct prot *pr, const unsigned char *e, size_t n, unsigned char *iv)
{
    size_t tail = pr->etm ? pr->mac_len : 0;
    if (n < tail + pr->block)
        return -1;
    memcpy(iv, e + n - tail - pr->block, pr->block);
    return 0;
}

int gnossl_rchain_iv(const struct gnossl_seal *st, struct prot *pr)
{
    const struct gnossl_rchain *c = st->rchain;
    if (c == NULL)
        return -1;
    if (c->active) {
        memcpy(pr->iv, c->out_cur, pr->block);
        return 0;
    }
    return c->cur_state == 0 ? 0 : end_block(pr, c->cur, c->cur_len, pr->iv);
}

void gnossl_rchain_replaced(gnutls_session_t s, const unsigned char *rec, size_t len, uint64_t next_seq)
{
    struct gnossl_rchain *c = s->seal.rchain;
    if (c == NULL)
        return;
    if (!c->active) { /* the wire's chain goes on from the record replaced */
        if (c->rec == NULL && (c->rec = malloc(BODY_MAX)) == NULL)
            goto lost;
        if (gnossl_seal_prot(s->ssl, 1, &c->pr) < 0 || c->last_state != 1 ||
            end_block(&c->pr, c->last, c->last_len, c->in_iv) < 0)
            goto lost;
    }
    if (len < 5 || end_block(&c->pr, rec + 5, len - 5, c->out_iv) < 0)
        goto lost;
    c->seq = next_seq;
    c->active = 1;
    c->phase = 0;
    c->got = 0;
    return;
lost: /* OpenSSL's next record will not open: it ends the session */
    s->seal.broken = 1;
    c->active = 0;
}

int gnossl_rchain_busy(gnutls_session_t s)
{
    const struct gnossl_rchain *c = s->seal.rchain;
    return c != NULL && c->active && c->phase != 0;
}

/* The record in c->rec (c->need bytes) onto OpenSSL's chain; a record that
 * does not open stays as it came. */
static void reencrypt(struct gnossl_rchain *c)
{
    const struct prot *pr = &c->pr;
    size_t bl = pr->block, tail = pr->etm ? pr->mac_len : 0, body = c->need;
    unsigned char *ct = c->rec, mac[EVP_MAX_MD_SIZE], next[16];
    if (body < bl + tail || (body - tail) % bl != 0)
        return;
    size_t n = body - tail;
    if (pr->etm && (gnossl_seal_cbc_mac(pr, c->seq, c->hdr[0], ct, n, mac) < 0 || CRYPTO_memcmp(mac, ct + n, tail) != 0))
        return;
    memcpy(next, ct + n - bl, bl);
    memcpy(c->out_cur, c->out_iv, bl);
    if (gnossl_seal_cbc_run(0, pr, c->in_iv, ct, n, ct) < 0 || gnossl_seal_cbc_run(1, pr, c->out_iv, ct, n, ct) < 0 ||
        (pr->etm && gnossl_seal_cbc_mac(pr, c->seq, c->hdr[0], ct, n, ct + n) < 0)) {
        OPENSSL_cleanse(ct, body); /* (then OpenSSL fails on it) */
        return;
    }
    memcpy(c->in_iv, next, bl);
    memcpy(c->out_iv, ct + n - bl, bl);
    c->seq++;
}

int gnossl_rchain_pull(gnutls_session_t s, BIO *b, char *buf, int len)
{
    struct gnossl_rchain *c = s->seal.rchain;
    if (c == NULL || !c->active)
        return gnossl_transport_pull(s, b, buf, len);
    if (c->phase == 0) { /* the header goes over as it came */
        int want = 5 - (int)c->got, r = gnossl_transport_pull(s, b, buf, len < want ? len : want);
        if (r <= 0)
            return r;
        memcpy(c->hdr + c->got, buf, (size_t)r);
        c->got += (size_t)r;
        if (c->got == 5) {
            c->need = (size_t)c->hdr[3] << 8 | c->hdr[4];
            c->got = 0;
            c->phase = 1;
            if (c->need == 0 || c->need > BODY_MAX) /* OpenSSL refuses it */
                c->active = 0;
        }
        return r;
    }
    while (c->phase == 1 && c->got < c->need) {
        int r = gnossl_transport_pull(s, b, (char *)c->rec + c->got, (int)(c->need - c->got));
        if (r <= 0)
            return r;
        c->got += (size_t)r;
    }
    if (c->phase == 1) {
        reencrypt(c);
        c->phase = 2;
        c->served = 0;
    }
    size_t k = c->need - c->served < (size_t)len ? c->need - c->served : (size_t)len;
    memcpy(buf, c->rec + c->served, k);
    c->served += k;
    if (c->served == c->need) {
        c->phase = 0;
        c->got = 0;
        if (c->hdr[0] == SSL3_RT_CHANGE_CIPHER_SPEC)
            c->active = 0; /* new keys on both sides, one chain */
    }
    return (int)k;
}
