/* In-memory client/server pair for the tls-* differential programs: both
 * ends in one thread, each with push/pull functions over a growable buffer,
 * driven alternately.  Everything printed is deterministic.  Tests of
 * transport faults set the knobs in tp_pipe and tp_end (all off after
 * tp_init). */
#ifndef TLS_PAIR_H
#define TLS_PAIR_H

#include <gnutls/gnutls.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct tp_pipe {
    unsigned char *buf;
    size_t len, cap, off;
    size_t limit; /* >0: the stream ends (EOF) after this many bytes */
    int closed;   /* EOF once everything written so far is read; EPIPE to the writer */
};

struct tp_end {
    gnutls_session_t s;
    struct tp_pipe *in, *out;
    int push_err; /* errno every push fails with (0 = none) */
    int pull_err; /* errno every pull fails with (0 = none) */
    int silent;   /* pull_timeout always says "nothing yet", after waiting */
};

struct tp_pair {
    struct tp_pipe c2s, s2c;
    struct tp_end c, s;
    gnutls_certificate_credentials_t ccred, scred; /* tp_cert's; tp_free frees them */
};

static ssize_t tp_push(gnutls_transport_ptr_t ptr, const void *d, size_t n)
{
    struct tp_end *e = ptr;
    struct tp_pipe *p = e->out;
    if (e->push_err) {
        gnutls_transport_set_errno(e->s, e->push_err);
        return -1;
    }
    if (p->closed) {
        gnutls_transport_set_errno(e->s, EPIPE);
        return -1;
    }
    if (p->len + n > p->cap) {
        p->cap = (p->len + n) * 2 + 1024;
        p->buf = realloc(p->buf, p->cap);
    }
    memcpy(p->buf + p->len, d, n);
    p->len += n;
    return (ssize_t)n;
}

static ssize_t tp_pull(gnutls_transport_ptr_t ptr, void *d, size_t n)
{
    struct tp_end *e = ptr;
    struct tp_pipe *p = e->in;
    if (e->pull_err) {
        gnutls_transport_set_errno(e->s, e->pull_err);
        return -1;
    }
    size_t end = p->len;
    if (p->limit && end > p->limit)
        end = p->limit;
    if (p->off >= end) {
        if (p->closed || (p->limit && p->off >= p->limit))
            return 0;
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > end - p->off)
        n = end - p->off;
    memcpy(d, p->buf + p->off, n);
    p->off += n;
    return (ssize_t)n;
}

static int tp_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
    struct tp_end *e = ptr;
    if (e->in->off < e->in->len || e->in->closed)
        return 1;
    if (e->silent && ms != GNUTLS_INDEFINITE_TIMEOUT) {
        /* a real silent peer: wait out the time we are given */
        struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    return 0;
}

/* One priority string per AEAD suite of TLS 1.3 and TLS 1.2 (the suites
 * whose record protection gnossl reproduces). */
#define TP_AEAD_PRIOS                                                                              \
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM",                                      \
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-256-GCM",                                  \
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305",                            \
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-CCM",                                  \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM",                                  \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM",                                  \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305",                            \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CCM",                                  \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-CCM"

/* TLS 1.2 CBC suites with HMAC-SHA1, SHA-256 and SHA-384 (SHA-384 PRF),
 * encrypt-then-MAC and MAC-then-encrypt; TP_TLS11_CBC: TLS 1.1's PRF. */
#define TP_CBC_PRIOS                                                                               \
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC",                                      \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:%NO_ETM",                          \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA256",                 \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA384:%NO_ETM",         \
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA384"
#define TP_TLS11_CBC "NORMAL:-VERS-ALL:+VERS-TLS1.1:-CIPHER-ALL:+AES-128-CBC:%NO_ETM"
/* TLS 1.0 CBC (the IV of a record is the last ciphertext block before it),
 * with and without encrypt-then-MAC. */
#define TP_TLS10_CBC_PRIOS                                                                         \
    "NORMAL:-VERS-ALL:+VERS-TLS1.0:-CIPHER-ALL:+AES-128-CBC",                                      \
        "NORMAL:-VERS-ALL:+VERS-TLS1.0:-CIPHER-ALL:+AES-256-CBC:%NO_ETM"

/* Sessions with the given init flags, transports attached; the caller sets
 * priorities and credentials. */
static inline void tp_init(struct tp_pair *p, unsigned cflags, unsigned sflags)
{
    memset(p, 0, sizeof *p);
    gnutls_init(&p->c.s, GNUTLS_CLIENT | cflags);
    gnutls_init(&p->s.s, GNUTLS_SERVER | sflags);
    p->c.in = &p->s2c;
    p->c.out = &p->c2s;
    p->s.in = &p->c2s;
    p->s.out = &p->s2c;
    struct tp_end *ends[2] = {&p->c, &p->s};
    for (int i = 0; i < 2; i++) {
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, tp_push);
        gnutls_transport_set_pull_function(ends[i]->s, tp_pull);
        gnutls_transport_set_pull_timeout_function(ends[i]->s, tp_pull_timeout);
    }
}

/* Certificate credentials on both ends: the server's key and certificate
 * from PEM strings, none on the client. */
static inline void tp_cert(struct tp_pair *p, const char *key, const char *crt)
{
    gnutls_datum_t k = {(unsigned char *)key, (unsigned)strlen(key)};
    gnutls_datum_t c = {(unsigned char *)crt, (unsigned)strlen(crt)};
    gnutls_certificate_allocate_credentials(&p->ccred);
    gnutls_certificate_allocate_credentials(&p->scred);
    int r = gnutls_certificate_set_x509_key_mem(p->scred, &c, &k, GNUTLS_X509_FMT_PEM);
    if (r < 0)
        printf("set_x509_key_mem: %d\n", r);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, p->ccred);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, p->scred);
}

static inline void tp_free(struct tp_pair *p)
{
    gnutls_deinit(p->c.s);
    gnutls_deinit(p->s.s);
    if (p->ccred)
        gnutls_certificate_free_credentials(p->ccred);
    if (p->scred)
        gnutls_certificate_free_credentials(p->scred);
    free(p->c2s.buf);
    free(p->s2c.buf);
}

static inline const char *tp_code(int r)
{
    static char b[4][32];
    static int i;
    if (r >= 0) {
        i = (i + 1) % 4;
        snprintf(b[i], sizeof b[i], "%d", r);
        return b[i];
    }
    const char *n = gnutls_strerror_name(r);
    return n ? n : "?";
}

static inline int tp_again(int r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

/* gnutls_record_recv, retried while it says AGAIN (100 tries at most). */
static inline ssize_t tp_recv(gnutls_session_t s, void *buf, size_t n)
{
    ssize_t r;
    int k = 0;
    do
        r = gnutls_record_recv(s, buf, n);
    while (tp_again((int)r) && ++k < 100);
    return r;
}

/* Both handshakes until both finish or one fails; prints the outcome.
 * Returns 0 when both succeeded. */
static inline int tp_handshake(struct tp_pair *p)
{
    int cdone = 0, sdone = 0, rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 200 && !(cdone && sdone); i++) {
        if (!cdone) {
            rc = gnutls_handshake(p->c.s);
            if (rc == 0)
                cdone = 1;
            else if (gnutls_error_is_fatal(rc)) {
                printf("  handshake failed: client %s\n", tp_code(rc));
                return -1;
            }
        }
        if (!sdone) {
            rs = gnutls_handshake(p->s.s);
            if (rs == 0)
                sdone = 1;
            else if (gnutls_error_is_fatal(rs)) {
                printf("  handshake failed: server %s\n", tp_code(rs));
                return -1;
            }
        }
    }
    printf("  handshake: client %s, server %s\n", tp_code(rc), tp_code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

/* A pair with these priorities on both sides and tp_cert's credentials,
 * handshaken (0 on success). */
static inline int tp_pair_up(struct tp_pair *p, const char *prio, const char *key, const char *crt)
{
    tp_init(p, 0, 0);
    gnutls_priority_set_direct(p->c.s, prio, NULL);
    gnutls_priority_set_direct(p->s.s, prio, NULL);
    tp_cert(p, key, crt);
    return tp_handshake(p);
}

/* PSK credentials for both ends of `p` (one fixed key for any user name)
 * and the priority string `prio` on both. */
struct tp_psk {
    gnutls_psk_client_credentials_t c;
    gnutls_psk_server_credentials_t s;
};

#define TP_PSK_KEY "0123456789abcdef"

static inline int tp_psk_server_key(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
    (void)s;
    (void)user;
    key->data = gnutls_malloc(sizeof TP_PSK_KEY - 1);
    if (key->data == NULL)
        return -1;
    memcpy(key->data, TP_PSK_KEY, sizeof TP_PSK_KEY - 1);
    key->size = sizeof TP_PSK_KEY - 1;
    return 0;
}

static inline void tp_psk_set(struct tp_pair *p, struct tp_psk *k, const char *prio)
{
    gnutls_datum_t key = {(unsigned char *)TP_PSK_KEY, sizeof TP_PSK_KEY - 1};
    gnutls_psk_allocate_client_credentials(&k->c);
    gnutls_psk_allocate_server_credentials(&k->s);
    gnutls_psk_set_client_credentials(k->c, "user", &key, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(k->s, tp_psk_server_key);
    gnutls_priority_set_direct(p->c.s, prio, NULL);
    gnutls_priority_set_direct(p->s.s, prio, NULL);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_PSK, k->c);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_PSK, k->s);
}

static inline void tp_psk_free(struct tp_psk *k)
{
    gnutls_psk_free_client_credentials(k->c);
    gnutls_psk_free_server_credentials(k->s);
}

#endif
