/* Fuzz the record layer's state machine with a real session pair: a gnossl
 * client and server complete a handshake in process, then the input is a
 * script of API calls on either side (send/recv of various sizes, cork and
 * uncork, key update, rehandshake, blocked writes, bye, check_pending).
 * Invariants, checked after every step: each side only ever receives a
 * prefix of what the other sent, byte for byte (no loss, duplication or
 * reordering), and recv never returns more than asked.  Byte 0 picks TLS 1.3
 * or 1.2 (bit 0) and GCM or CBC for 1.2 (bit 1). */
#include "fuzz-common.h"
#include <stdio.h>

#define MAXDATA (1 << 20)

static gnutls_certificate_credentials_t scred, ccred;
static unsigned char pattern[MAXDATA];

struct mpipe {
    unsigned char *buf;
    size_t len, cap, off;
};

struct mend {
    gnutls_session_t s;
    struct mpipe *in, *out;
    int block;        /* pushes fail with EAGAIN while set */
    size_t sent, got; /* application bytes accepted by send / delivered by recv */
    size_t queued;    /* size of a send that returned AGAIN (retry rule) */
};

static ssize_t mpush(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    struct mend *e = p;
    if (e->block) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    struct mpipe *q = e->out;
    if (q->len + n > q->cap) {
        q->cap = (q->len + n) * 2 + 4096;
        q->buf = realloc(q->buf, q->cap);
    }
    memcpy(q->buf + q->len, d, n);
    q->len += n;
    return (ssize_t)n;
}

static ssize_t mpull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct mend *e = p;
    struct mpipe *q = e->in;
    if (q->off >= q->len) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > q->len - q->off)
        n = q->len - q->off;
    memcpy(d, q->buf + q->off, n);
    q->off += n;
    return (ssize_t)n;
}

static int mtimeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct mend *e = p;
    (void)ms;
    return e->in->off < e->in->len;
}

static void setup(void)
{
    gnutls_global_init();
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&ccred);
    for (size_t i = 0; i < MAXDATA; i++)
        pattern[i] = (unsigned char)(i * 131 + (i >> 9));
}

static int again(long r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

static void do_send(struct mend *a, size_t n)
{
    if (a->queued)
        n = a->queued; /* the retry rule: same size again */
    if (a->sent + n > MAXDATA)
        return;
    long r = (long)gnutls_record_send(a->s, pattern + a->sent, n);
    if (again(r)) {
        a->queued = n;
        return;
    }
    if (r > 0) {
        if ((size_t)r > n)
            abort();
        a->sent += (size_t)r;
        a->queued = 0;
    }
}

static int do_recv(struct mend *b, struct mend *a, size_t n)
{
    static unsigned char buf[65536];
    if (n == 0 || n > sizeof buf)
        n = sizeof buf;
    long r = (long)gnutls_record_recv(b->s, buf, n);
    if (r > 0) {
        if ((size_t)r > n) {
            fprintf(stderr, "recv returned %ld for a %zu-byte buffer\n", r, n);
            abort();
        }
        if (b->got + (size_t)r > a->sent || memcmp(buf, pattern + b->got, (size_t)r) != 0) {
            fprintf(stderr, "received bytes %zu..%zu are not what was sent (sent %zu)\n", b->got,
                    b->got + (size_t)r, a->sent);
            abort();
        }
        b->got += (size_t)r;
    }
    return (int)r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        setup();
        ready = 1;
    }
    if (size < 1)
        return 0;
    static const char *prios[4] = {
        "NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2",
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1",
    };
    struct mpipe c2s = {0}, s2c = {0};
    struct mend c = {0}, s = {0};
    c.in = &s2c;
    c.out = &c2s;
    s.in = &c2s;
    s.out = &s2c;
    gnutls_init(&c.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
    gnutls_init(&s.s, GNUTLS_SERVER | GNUTLS_NONBLOCK);
    struct mend *ends[2] = {&c, &s};
    for (int i = 0; i < 2; i++) {
        gnutls_priority_set_direct(ends[i]->s, prios[data[0] & 3], NULL);
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, mpush);
        gnutls_transport_set_pull_function(ends[i]->s, mpull);
        gnutls_transport_set_pull_timeout_function(ends[i]->s, mtimeout);
    }
    gnutls_credentials_set(c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(s.s, GNUTLS_CRD_CERTIFICATE, scred);
    int cd = 0, sd = 0;
    for (int i = 0; i < 100 && !(cd && sd); i++) {
        if (!cd) {
            int r = gnutls_handshake(c.s);
            if (r == 0)
                cd = 1;
            else if (!again(r))
                abort(); /* a clean pair must always connect */
        }
        if (!sd) {
            int r = gnutls_handshake(s.s);
            if (r == 0)
                sd = 1;
            else if (!again(r))
                abort();
        }
    }
    if (!(cd && sd))
        abort();
    for (size_t i = 1; i + 1 < size; i += 2) {
        uint8_t op = data[i], arg = data[i + 1];
        struct mend *a = (op & 0x80) ? &s : &c, *b = (op & 0x80) ? &c : &s;
        size_t n = (size_t)arg * ((op & 0x40) ? 257 : 1) + 1;
        switch (op & 0x0f) {
        case 0: case 1: case 2:
            do_send(a, n);
            break;
        case 3: case 4: case 5:
            do_recv(b, a, n);
            break;
        case 6:
            gnutls_record_cork(a->s);
            break;
        case 7: {
            int r = gnutls_record_uncork(a->s, 0);
            (void)r;
            break;
        }
        case 8:
            gnutls_session_key_update(a->s, (arg & 1) ? GNUTLS_KU_PEER : 0);
            break;
        case 9:
            if (a == &s)
                gnutls_rehandshake(s.s);
            else
                gnutls_handshake(c.s);
            break;
        case 10:
            a->block = arg & 1;
            break;
        case 11:
            gnutls_record_check_pending(a->s);
            gnutls_record_get_direction(a->s);
            break;
        case 12:
            if (arg == 0x42) {
                gnutls_bye(a->s, GNUTLS_SHUT_WR);
                a->sent = MAXDATA + 1; /* nothing more from this side */
            }
            break;
        default:
            do_send(a, n);
            do_recv(b, a, 0);
            break;
        }
    }
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    free(c2s.buf);
    free(s2c.buf);
    return 0;
}
