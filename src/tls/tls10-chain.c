/* TLS 1.0's chained IVs, followed from what the transport writes.
 *
 * A TLS 1.0 CBC record has no IV of its own: it is the last ciphertext
 * block written before it (the key block's IV after a ChangeCipherSpec).
 * The transport shows us what it is about to write on TLS 1.0 sessions
 * only (one test per write for the others), and we keep the last block of
 * each record that ends a write, so alert-seal.c can protect a record as
 * the next one on the connection.  (A write that does not go out at once
 * is retried by OpenSSL with the same end.)
 *
 * A record of ours that goes out in place of one OpenSSL wrote (a warning
 * alert in place of OpenSSL's placeholder, or a client's answer to a
 * HelloRequest where OpenSSL had written a no_renegotiation warning for
 * it: reneg-refuse.c) leaves
 * OpenSSL chaining from its own record, which never went out.  From then
 * on every record OpenSSL writes is decrypted from OpenSSL's chain and
 * encrypted again onto the wire's (encrypt-then-MAC: a new MAC), up to our
 * next ChangeCipherSpec (itself under the old keys), after which both
 * chains restart from new keys.  The write keys are taken when the first
 * record of an epoch goes out: a renegotiation's ClientHello changes the
 * randoms they derive from.  The state is allocated for TLS 1.0 sessions
 * only. */
#include "gnossl.h"
#include "tls/seal-int.h"
#include "tls/session-int.h"
#include "tls/tls10-rchain.h"

#include <stdlib.h>
#include <string.h>

struct gnossl_chain {
    int state;                 /* 0: the key block's IV, 1: iv, -1: not followed */
    unsigned char iv[16];      /* the last block that went out */
    size_t block, tail;        /* block size, what follows the last block (EtM MAC) */
    struct prot pr;            /* the write keys of this epoch (block != 0) */
    /* re-encryption after one of our records replaced one of OpenSSL's */
    int active;
    unsigned char ossl_iv[16]; /* OpenSSL's chain */
    uint64_t seq;              /* of OpenSSL's next record (encrypt-then-MAC) */
    unsigned char *orig, *buf; /* a write of OpenSSL's and what goes out instead */
    size_t cap, len;
    int done; /* a ChangeCipherSpec in buf ends the re-encryption */
    int ossl_view; /* gnossl_seal_chain_iv gives OpenSSL's chain */
};

void gnossl_seal_free(gnutls_session_t s)
{
    struct gnossl_chain *c = s->seal.chain;
    if (c == NULL)
        return;
    OPENSSL_clear_free(c->orig, c->cap);
    OPENSSL_clear_free(c->buf, c->cap);
    OPENSSL_clear_free(c, sizeof *c);
    s->seal.chain = NULL;
    gnossl_rchain_free(s);
}

void gnossl_seal_chain_restart(gnutls_session_t s)
{
    struct gnossl_chain *c = s->seal.chain;
    if (c == NULL && (c = s->seal.chain = calloc(1, sizeof *c)) == NULL)
        return; /* (then nothing is sealed: gnossl_seal_chain_iv) */
    c->state = 0;
    c->block = 0; /* new keys: taken when the first record goes out */
}

int gnossl_seal_chain_iv(const struct gnossl_seal *st, unsigned char *iv, size_t block)
{
    const struct gnossl_chain *c = st->chain;
    if (c == NULL || c->state < 0 || (c->state == 1 && block != c->block))
        return -1;
    if (c->active && c->ossl_view) {
        memcpy(iv, c->ossl_iv, block);
        return 1;
    }
    if (c->state == 1)
        memcpy(iv, c->iv, block);
    return c->state;
}

int gnossl_seal_chain_view(struct gnossl_seal *st, int ossl)
{
    struct gnossl_chain *c = st->chain;
    int was = c != NULL && c->ossl_view;
    if (c != NULL)
        c->ossl_view = ossl;
    return was;
}

/* The write keys of a new epoch, its block size and what follows the last
 * ciphertext block of a record: 0 or -1. */
static int epoch_keys(gnutls_session_t s, struct gnossl_chain *c)
{
    if (c->active && !c->done) /* (its keys until our ChangeCipherSpec) */
        return -1;
    if (gnossl_seal_prot(s->ssl, 0, &c->pr) < 0 || !c->pr.implicit || c->pr.block > sizeof c->iv)
        return -1;
    c->block = c->pr.block;
    c->tail = c->pr.etm ? c->pr.mac_len : 0;
    return 0;
}

/* The last block of a record that ends in this write, if one does. */
static void note_chain(gnutls_session_t s, struct gnossl_chain *c, const unsigned char *p, size_t n)
{
    /* the framing before these bytes (transport.c's, not yet updated) */
    unsigned got = s->wr_hdr_got, left = s->wr_body_left;
    unsigned char hdr[5];
    memcpy(hdr, s->wr_hdr, sizeof hdr);
    int type = hdr[0]; /* of the record whose body goes on */
    for (size_t i = 0; i < n;) {
        if (left > 0) {
            size_t k = n - i < left ? n - i : left;
            left -= (unsigned)k;
            i += k;
            continue;
        }
        hdr[got++] = p[i++];
        if (got == 5) {
            type = hdr[0];
            left = (unsigned)hdr[3] << 8 | hdr[4];
            got = 0;
        }
    }
    /* only a record that ends here, not our ChangeCipherSpec */
    if (got != 0 || left != 0 || type == SSL3_RT_CHANGE_CIPHER_SPEC)
        return;
    if (c->block == 0 && epoch_keys(s, c) < 0) {
        c->state = -1;
        return;
    }
    if (n < c->block + c->tail) /* the rest of a write retried: noted before */
        return;
    memcpy(c->iv, p + n - c->tail - c->block, c->block);
    c->state = 1;
}

void gnossl_seal_replaced(gnutls_session_t s, const unsigned char *orig, size_t orig_len, uint64_t next_seq)
{
    struct gnossl_chain *c = s->seal.chain;
    if (!s->seal.implicit_iv)
        return;
    /* (already re-encrypting: OpenSSL's chain goes on from orig) */
    if (c == NULL || (c->active && c->done) || c->block == 0 || orig_len < 5 + c->block + c->tail) {
        s->seal.broken = 1; /* OpenSSL's next records would not open */
        return;
    }
    memcpy(c->ossl_iv, orig + orig_len - c->tail - c->block, c->block);
    c->seq = next_seq;
    c->active = 1;
}

/* Re-encrypt the records of buf (whole ones) in place: 0 or -1. */
static int rechain_records(struct gnossl_chain *c, unsigned char *buf, size_t len)
{
    /* (the old epoch's sizes: our ChangeCipherSpec may have restarted c) */
    const struct prot *pr = &c->pr;
    size_t bl = pr->block, tail = pr->etm ? pr->mac_len : 0, off = 0;
    unsigned char wire[16], next[16];
    if (c->state < 0)
        return -1;
    memcpy(wire, c->iv, bl); /* the last block that went out */
    while (off < len) {
        unsigned char *rec = buf + off;
        if (len - off < 5)
            return -1;
        size_t body = (size_t)rec[3] << 8 | rec[4];
        if (len - off - 5 < body || body < tail + bl || (body - tail) % bl != 0)
            return -1;
        size_t ct = body - tail;
        memcpy(next, rec + 5 + ct - bl, bl);
        if (gnossl_seal_cbc_run(0, pr, c->ossl_iv, rec + 5, ct, rec + 5) < 0 ||
            gnossl_seal_cbc_run(1, pr, wire, rec + 5, ct, rec + 5) < 0 ||
            (pr->etm && gnossl_seal_cbc_mac(pr, c->seq, rec[0], rec + 5, ct, rec + 5 + ct) < 0))
            return -1;
        memcpy(c->ossl_iv, next, bl);
        memcpy(wire, rec + 5 + ct - bl, bl);
        c->seq++;
        off += 5 + body;
        if (rec[0] == SSL3_RT_CHANGE_CIPHER_SPEC) {
            c->done = 1; /* (under the old keys) what follows has new keys and chains */
            return 0;
        }
    }
    return 0;
}

/* OpenSSL's write, or the retry of its rest: the records re-encrypted. */
static const unsigned char *rechain(gnutls_session_t s, struct gnossl_chain *c, const unsigned char *buf, size_t len)
{
    /* a retry gives the end of the same bytes again (new records differ:
     * their sequence numbers do) */
    if (len <= c->len && memcmp(buf, c->orig + c->len - len, len) == 0)
        return c->buf + c->len - len;
    if (c->done) { /* our ChangeCipherSpec went out: new keys, one chain */
        c->active = c->done = 0;
        return buf;
    }
    if (c->cap < len) {
        unsigned char *o = malloc(len), *b = malloc(len);
        if (o == NULL || b == NULL) {
            free(o);
            free(b);
            s->seal.broken = 1;
            return buf;
        }
        OPENSSL_clear_free(c->orig, c->cap);
        OPENSSL_clear_free(c->buf, c->cap);
        c->orig = o;
        c->buf = b;
        c->cap = len;
    }
    memcpy(c->orig, buf, len);
    memcpy(c->buf, buf, len);
    c->len = len;
    /* OpenSSL hands whole records, from a record boundary */
    if (s->wr_hdr_got != 0 || s->wr_body_left != 0 || rechain_records(c, c->buf, len) < 0) {
        s->seal.broken = 1;
        c->len = 0;
        return buf;
    }
    return c->buf;
}

const char *gnossl_seal_outgoing(gnutls_session_t s, const char *buf, int len)
{
    struct gnossl_chain *c = s->seal.chain;
    const unsigned char *p = (const unsigned char *)buf;
    if (c == NULL || len <= 0)
        return buf;
    if (c->active && !s->app_alert_write)
        p = rechain(s, c, p, (size_t)len);
    /* (a write that does not go out now is retried, with the same end) */
    note_chain(s, c, p, (size_t)len);
    return (const char *)p;
}
