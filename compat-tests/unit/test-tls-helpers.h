/* Shared helpers for the tls room's unit tests: a test PKI generated with
 * the openssl CLI at test time, an in-memory transport with injectable
 * EAGAIN / EINTR / partial writes / short reads, and a driver that runs a
 * client and a server handshake in one thread. */
#ifndef TEST_TLS_HELPERS_H
#define TEST_TLS_HELPERS_H

#include <check.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static char tt_dir[256];
static char tt_rsa_key[300], tt_rsa_crt[300], tt_ec_key[300], tt_ec_crt[300];

static inline void tt_pki_setup(void)
{
    if (tt_dir[0])
        return;
    snprintf(tt_dir, sizeof tt_dir, "/tmp/gnossl-tls-test-XXXXXX");
    if (mkdtemp(tt_dir) == NULL)
        abort();
    snprintf(tt_rsa_key, sizeof tt_rsa_key, "%s/rsa.key", tt_dir);
    snprintf(tt_rsa_crt, sizeof tt_rsa_crt, "%s/rsa.crt", tt_dir);
    snprintf(tt_ec_key, sizeof tt_ec_key, "%s/ec.key", tt_dir);
    snprintf(tt_ec_crt, sizeof tt_ec_crt, "%s/ec.crt", tt_dir);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey rsa:2048 -nodes -keyout %s -out %s -subj /CN=localhost "
             "-addext subjectAltName=DNS:localhost -days 2 2>/dev/null >/dev/null && "
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout %s "
             "-out %s -subj /CN=localhost -addext subjectAltName=DNS:localhost -days 2 "
             "2>/dev/null >/dev/null",
             tt_rsa_key, tt_rsa_crt, tt_ec_key, tt_ec_crt);
    if (system(cmd) != 0)
        abort();
}

static inline void tt_pki_cleanup(void)
{
    if (!tt_dir[0])
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tt_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup of %s failed\n", tt_dir);
    tt_dir[0] = 0;
}

/* ---- in-memory transport ---- */

struct tt_pipe {
    unsigned char *buf;
    size_t len, cap, off;
    int closed; /* writer closed: reads at the end give EOF */
};

struct tt_end {
    gnutls_session_t s;
    struct tt_pipe *in, *out;
    /* fault injection */
    size_t max_write;  /* 0 = unlimited: partial writes otherwise */
    size_t max_read;   /* 0 = unlimited: short reads otherwise */
    int eagain_every;  /* every Nth push/pull call returns EAGAIN */
    int eintr_every;   /* every Nth push/pull call returns EINTR */
    int block_writes;  /* while set, every push gives EAGAIN */
    int reset_on_read; /* pull fails with ECONNRESET */
    int calls;
    int use_set_errno; /* report errors with gnutls_transport_set_errno */
};

static inline void tt_pipe_put(struct tt_pipe *p, const void *d, size_t n)
{
    if (p->len + n > p->cap) {
        p->cap = (p->len + n) * 2 + 1024;
        p->buf = realloc(p->buf, p->cap);
    }
    memcpy(p->buf + p->len, d, n);
    p->len += n;
}

static inline size_t tt_pipe_avail(struct tt_pipe *p)
{
    return p->len - p->off;
}

static inline int tt_fault(struct tt_end *e)
{
    e->calls++;
    if (e->eintr_every && e->calls % e->eintr_every == 0)
        return EINTR;
    if (e->eagain_every && e->calls % e->eagain_every == 0)
        return EAGAIN;
    return 0;
}

static inline ssize_t tt_fail(struct tt_end *e, int err)
{
    if (e->use_set_errno) {
        gnutls_transport_set_errno(e->s, err);
        errno = 0;
    } else {
        errno = err;
    }
    return -1;
}

static inline ssize_t tt_push(gnutls_transport_ptr_t ptr, const void *data, size_t n)
{
    struct tt_end *e = ptr;
    int f = tt_fault(e);
    if (f)
        return tt_fail(e, f);
    if (e->block_writes)
        return tt_fail(e, EAGAIN);
    if (e->max_write && n > e->max_write)
        n = e->max_write;
    tt_pipe_put(e->out, data, n);
    return (ssize_t)n;
}

static inline ssize_t tt_pull(gnutls_transport_ptr_t ptr, void *data, size_t n)
{
    struct tt_end *e = ptr;
    if (e->reset_on_read)
        return tt_fail(e, ECONNRESET);
    int f = tt_fault(e);
    if (f)
        return tt_fail(e, f);
    size_t a = tt_pipe_avail(e->in);
    if (a == 0) {
        if (e->in->closed)
            return 0;
        return tt_fail(e, EAGAIN);
    }
    if (n > a)
        n = a;
    if (e->max_read && n > e->max_read)
        n = e->max_read;
    memcpy(data, e->in->buf + e->in->off, n);
    e->in->off += n;
    return (ssize_t)n;
}

static inline int tt_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms)
{
    struct tt_end *e = ptr;
    (void)ms;
    return tt_pipe_avail(e->in) > 0 || e->in->closed ? 1 : 0;
}

struct tt_pair {
    struct tt_pipe c2s, s2c;
    struct tt_end client, server;
    gnutls_certificate_credentials_t ccred, scred;
    gnutls_datum_t ticket_key;
};

/* prio: priority string for both ends; key/crt: server certificate. */
static inline void tt_pair_init(struct tt_pair *p, const char *prio, const char *key, const char *crt)
{
    memset(p, 0, sizeof *p);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->ccred), 0);
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&p->scred), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(p->scred, crt, key, GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_init(&p->client.s, GNUTLS_CLIENT), 0);
    ck_assert_int_eq(gnutls_init(&p->server.s, GNUTLS_SERVER), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(p->client.s, prio, NULL), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(p->server.s, prio, NULL), 0);
    ck_assert_int_eq(gnutls_credentials_set(p->client.s, GNUTLS_CRD_CERTIFICATE, p->ccred), 0);
    ck_assert_int_eq(gnutls_credentials_set(p->server.s, GNUTLS_CRD_CERTIFICATE, p->scred), 0);
    p->client.in = &p->s2c;
    p->client.out = &p->c2s;
    p->server.in = &p->c2s;
    p->server.out = &p->s2c;
    struct tt_end *ends[2] = {&p->client, &p->server};
    for (int i = 0; i < 2; i++) {
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, tt_push);
        gnutls_transport_set_pull_function(ends[i]->s, tt_pull);
        gnutls_transport_set_pull_timeout_function(ends[i]->s, tt_pull_timeout);
    }
}

static inline void tt_pair_free(struct tt_pair *p)
{
    gnutls_deinit(p->client.s);
    gnutls_deinit(p->server.s);
    gnutls_certificate_free_credentials(p->ccred);
    gnutls_certificate_free_credentials(p->scred);
    free(p->c2s.buf);
    free(p->s2c.buf);
    if (p->ticket_key.data)
        gnutls_free(p->ticket_key.data);
}

/* Run both handshakes to completion; returns 0 or the first fatal error
 * (client's in *cret, server's in *sret). */
static inline int tt_handshake(struct tt_pair *p, int *cret, int *sret)
{
    int cdone = 0, sdone = 0, rc = 0, rs = 0;
    for (int i = 0; i < 10000 && !(cdone && sdone); i++) {
        if (!cdone) {
            rc = gnutls_handshake(p->client.s);
            if (rc == 0)
                cdone = 1;
            else if (gnutls_error_is_fatal(rc))
                break;
        }
        if (!sdone) {
            rs = gnutls_handshake(p->server.s);
            if (rs == 0)
                sdone = 1;
            else if (gnutls_error_is_fatal(rs))
                break;
        }
    }
    if (cret)
        *cret = rc;
    if (sret)
        *sret = rs;
    return (cdone && sdone) ? 0 : -1;
}

#endif
