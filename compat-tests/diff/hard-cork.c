/* Corking when the transport blocks (a fuzz-session-ops finding): an uncork
 * that returns AGAIN leaves the session corked with a record in flight; a
 * send then only appends (it used to complete the in-flight record and
 * return its size, more than it was given), check_corked counts the record
 * in flight, and the next uncork sends everything, in order, and returns the
 * total.  Also: cork, send, block, uncork with GNUTLS_RECORD_WAIT after
 * unblocking; a blocked plain send followed by its retry, with and without
 * an uncork (nothing corked) in between.  In-memory
 * transport, TLS 1.2 and 1.3; the server checks every byte it receives. */
#include <gnutls/gnutls.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test-keys.h"

struct pipe_ {
    unsigned char b[1 << 18];
    size_t len, off;
};
struct end {
    gnutls_session_t s;
    struct pipe_ *in, *out;
    int block;
};
static struct pipe_ c2s, s2c;
static unsigned char pat[8192];

static ssize_t push(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    struct end *e = p;
    if (e->block || e->out->len + n > sizeof e->out->b) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    memcpy(e->out->b + e->out->len, d, n);
    e->out->len += n;
    return (ssize_t)n;
}

static ssize_t pull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct end *e = p;
    if (e->in->off >= e->in->len) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > e->in->len - e->in->off)
        n = e->in->len - e->in->off;
    memcpy(d, e->in->b + e->in->off, n);
    e->in->off += n;
    return (ssize_t)n;
}

/* Everything the server can read now: its size and whether it is pat[from..]. */
static void drain(struct end *srv, size_t from)
{
    static unsigned char buf[sizeof pat];
    size_t got = 0;
    ssize_t r;
    while (got < sizeof buf && (r = gnutls_record_recv(srv->s, buf + got, sizeof buf - got)) > 0)
        got += (size_t)r;
    printf("  server received %zu bytes, %s\n", got,
           from + got <= sizeof pat && memcmp(buf, pat + from, got) == 0 ? "in order" : "WRONG BYTES");
}

static void run(const char *prio)
{
    gnutls_certificate_credentials_t sc, cc;
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_certificate_set_x509_key_mem(sc, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&cc);
    memset(&c2s, 0, sizeof c2s);
    memset(&s2c, 0, sizeof s2c);
    struct end cl = {.in = &s2c, .out = &c2s}, sv = {.in = &c2s, .out = &s2c};
    gnutls_init(&cl.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
    gnutls_init(&sv.s, GNUTLS_SERVER | GNUTLS_NONBLOCK);
    struct end *ends[2] = {&cl, &sv};
    for (int i = 0; i < 2; i++) {
        gnutls_priority_set_direct(ends[i]->s, prio, NULL);
        gnutls_transport_set_ptr(ends[i]->s, ends[i]);
        gnutls_transport_set_push_function(ends[i]->s, push);
        gnutls_transport_set_pull_function(ends[i]->s, pull);
    }
    gnutls_credentials_set(cl.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(sv.s, GNUTLS_CRD_CERTIFICATE, sc);
    int cd = 0, sd = 0;
    for (int i = 0; i < 50 && !(cd && sd); i++) {
        if (!cd && gnutls_handshake(cl.s) == 0)
            cd = 1;
        if (!sd && gnutls_handshake(sv.s) == 0)
            sd = 1;
    }
    printf("%s\n  handshake client %d server %d\n", prio, cd, sd);
    if (!(cd && sd))
        goto out;
    drain(&sv, 0); /* TLS 1.3 tickets and the like */

    /* 1. blocked uncork, corked send, uncork */
    size_t at = 0;
    gnutls_record_cork(cl.s);
    printf("  corked send 129: %zd\n", gnutls_record_send(cl.s, pat + at, 129));
    cl.block = 1;
    printf("  uncork while blocked: %d\n", gnutls_record_uncork(cl.s, 0));
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    printf("  corked send 106: %zd\n", gnutls_record_send(cl.s, pat + at + 129, 106));
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    cl.block = 0;
    printf("  uncork: %d\n", gnutls_record_uncork(cl.s, 0));
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    drain(&sv, at);
    at += 235;

    /* 2. cork, two sends, blocked uncork, then uncork with RECORD_WAIT */
    gnutls_record_cork(cl.s);
    ssize_t r1 = gnutls_record_send(cl.s, pat + at, 1000);
    ssize_t r2 = gnutls_record_send(cl.s, pat + at + 1000, 3000);
    printf("  corked sends 1000, 3000: %zd %zd\n", r1, r2);
    cl.block = 1;
    printf("  uncork while blocked: %d\n", gnutls_record_uncork(cl.s, 0));
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    cl.block = 0;
    printf("  uncork WAIT: %d\n", gnutls_record_uncork(cl.s, GNUTLS_RECORD_WAIT));
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    drain(&sv, at);
    at += 4000;

    /* 3. a blocked plain send, then its retry (same arguments) */
    cl.block = 1;
    printf("  send 500 while blocked: %zd\n", gnutls_record_send(cl.s, pat + at, 500));
    cl.block = 0;
    printf("  retry: %zd\n", gnutls_record_send(cl.s, pat + at, 500));
    drain(&sv, at);
    at += 500;

    /* 4. an uncork with nothing corked, while a plain send is blocked: it
     * does nothing (another fuzz-session-ops finding: it used to send the
     * blocked record, which the retry then sent a second time) */
    printf("  uncork, nothing corked: %d\n", gnutls_record_uncork(cl.s, 0));
    cl.block = 1;
    printf("  send 300 while blocked: %zd\n", gnutls_record_send(cl.s, pat + at, 300));
    cl.block = 0;
    printf("  uncork, not corked: %d\n", gnutls_record_uncork(cl.s, 0));
    drain(&sv, at);
    printf("  retry: %zd\n", gnutls_record_send(cl.s, pat + at, 300));
    drain(&sv, at);
    at += 300;

    /* 5. the same with cork + uncork (nothing sent while corked) in between:
     * the blocked record still waits for its retry */
    cl.block = 1;
    printf("  send 200 while blocked: %zd\n", gnutls_record_send(cl.s, pat + at, 200));
    cl.block = 0;
    gnutls_record_cork(cl.s);
    printf("  check_corked: %zu\n", gnutls_record_check_corked(cl.s));
    printf("  uncork, nothing corked: %d\n", gnutls_record_uncork(cl.s, 0));
    drain(&sv, at);
    printf("  retry: %zd\n", gnutls_record_send(cl.s, pat + at, 200));
    drain(&sv, at);
out:
    gnutls_deinit(cl.s);
    gnutls_deinit(sv.s);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

int main(void)
{
    for (size_t i = 0; i < sizeof pat; i++)
        pat[i] = (unsigned char)(i * 131 + (i >> 7));
    gnutls_global_init();
    run("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    run("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    gnutls_global_deinit();
    return 0;
}
