/* Differential: the renegotiation and TLS 1.3 post-handshake matrix of the
 * handshake contract, as return-code sequences.  TLS 1.2: a server's
 * rehandshake accepted, refused by the client (no_renegotiation warning),
 * interleaved with application data (also TLS 1.0 CBC: accepted, answered
 * with data, refused with no_renegotiation or another warning, refused
 * twice then accepted, after a warning alert from either side), client-initiated renegotiation, the
 * safe-renegotiation priority options and status; TLS 1.3: key updates in
 * both directions, gnutls_handshake/gnutls_rehandshake after completion,
 * post-handshake authentication (REAUTH_REQUEST and gnutls_reauth on both
 * sides).  Both ends run on the library under test, in one thread over
 * in-memory transports; a call that needs the peer is retried after the
 * peer has had its turn, and only final codes are printed. */
#include "tls-pair.h"

#include "test-keys.h"

static gnutls_certificate_credentials_t scred, ccred;

#define TLS12 "NORMAL:-VERS-ALL:+VERS-TLS1.2"
#define TLS13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"

static int setup(struct tp_pair *p, const char *cprio, const char *sprio, unsigned cflags, unsigned sflags)
{
    tp_init(p, cflags, sflags);
    int rc = gnutls_priority_set_direct(p->c.s, cprio, NULL);
    int rs = gnutls_priority_set_direct(p->s.s, sprio, NULL);
    if (rc < 0 || rs < 0)
        printf("  priorities: %s %s\n", tp_code(rc), tp_code(rs));
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, scred);
    return tp_handshake(p);
}

/* Read on `s` until something other than AGAIN (or no more input). */
static int read_one(struct tp_end *e, char *buf, size_t n)
{
    int r;
    for (int i = 0; i < 20; i++) {
        r = (int)gnutls_record_recv(e->s, buf, n);
        if (r != GNUTLS_E_AGAIN || e->in->off >= e->in->len)
            break;
    }
    return r;
}

/* Both ends in turn: `a` runs op_a until it is not AGAIN, `b` runs op_b. */
typedef int (*op_fn)(struct tp_end *e, void *arg);
static void both(const char *what, struct tp_end *a, op_fn fa, void *xa, struct tp_end *b, op_fn fb, void *xb)
{
    int ra = GNUTLS_E_AGAIN, rb = GNUTLS_E_AGAIN, da = 0, db = 0;
    for (int i = 0; i < 50 && !(da && db); i++) {
        if (!da && (ra = fa(a, xa)) != GNUTLS_E_AGAIN)
            da = 1;
        if (!db && (rb = fb(b, xb)) != GNUTLS_E_AGAIN)
            db = 1;
    }
    printf("  %s: %s / %s\n", what, tp_code(ra), tp_code(rb));
}

static int op_handshake(struct tp_end *e, void *arg)
{
    (void)arg;
    return gnutls_handshake(e->s);
}

static int op_reauth(struct tp_end *e, void *arg)
{
    (void)arg;
    return gnutls_reauth(e->s, 0);
}

/* Reads; a REHANDSHAKE/REAUTH_REQUEST is answered as `arg` says. */
static int op_read(struct tp_end *e, void *arg)
{
    char buf[64];
    (void)arg;
    return (int)gnutls_record_recv(e->s, buf, sizeof buf);
}

static void exchange(struct tp_pair *p, const char *tag)
{
    char buf[64];
    int w = (int)gnutls_record_send(p->c.s, "ping", 4);
    int r = read_one(&p->s, buf, sizeof buf);
    int w2 = (int)gnutls_record_send(p->s.s, "pong!", 5);
    int r2 = read_one(&p->c, buf, sizeof buf);
    printf("  %s: client->server %s/%s, server->client %s/%s\n", tag, tp_code(w), tp_code(r), tp_code(w2), tp_code(r2));
}

static void rehandshake_accepted(const char *label, const char *prio)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s: server rehandshake, client accepts\n", label);
    if (setup(&p, prio, prio, 0, 0) == 0) {
        exchange(&p, "before");
        printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
        printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
        both("handshakes", &p.c, op_handshake, NULL, &p.s, op_handshake, NULL);
        printf("  last in/out: client %d/%d, server %d/%d\n", (int)gnutls_handshake_get_last_in(p.c.s),
               (int)gnutls_handshake_get_last_out(p.c.s), (int)gnutls_handshake_get_last_in(p.s.s),
               (int)gnutls_handshake_get_last_out(p.s.s));
        exchange(&p, "after");
        printf("  safe renegotiation: %u %u\n", gnutls_safe_renegotiation_status(p.c.s),
               gnutls_safe_renegotiation_status(p.s.s));
    }
    tp_free(&p);
}

/* The client answers the HelloRequest with a warning alert (no_renegotiation
 * refuses it), or with data; corrupt: the last byte of the alert record is
 * flipped on its way (a bad MAC or padding), and only the server's error is
 * shown (after it, gnossl's server lets OpenSSL's bad_record_mac alert out
 * where GnuTLS sends none: not this test's subject). */
static void rehandshake_refused(const char *prio, int desc, int corrupt)
{
    struct tp_pair p;
    char buf[64];
    if (desc >= 0)
        printf("== %s: server rehandshake, client answers with %swarning %s\n", prio, corrupt ? "a corrupted " : "",
               gnutls_alert_get_strname(desc));
    else
        printf("== %s: server rehandshake, client ignores it and sends data\n", prio);
    if (setup(&p, prio, prio, 0, 0) == 0) {
        printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
        printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
        if (desc >= 0)
            printf("  client alert_send: %s\n", tp_code(gnutls_alert_send(p.c.s, GNUTLS_AL_WARNING, desc)));
        else
            printf("  client send: %s\n", tp_code((int)gnutls_record_send(p.c.s, "data", 4)));
        if (corrupt && p.c2s.len > p.c2s.off)
            p.c2s.buf[p.c2s.len - 1] ^= 1;
        int r = gnutls_handshake(p.s.s);
        printf("  server handshake: %s alert %s\n", tp_code(r), gnutls_alert_get_strname(gnutls_alert_get(p.s.s)));
        if (corrupt) {
            tp_free(&p);
            return;
        }
        if (desc < 0)
            printf("  server recv: %s\n", tp_code(read_one(&p.s, buf, sizeof buf)));
        exchange(&p, "after");
        printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
    }
    tp_free(&p);
}

/* Refused twice (the second while the server re-encrypts the client's
 * records, TLS 1.0), then accepted; data of several records after each. */
static void refused_then_accepted(const char *prio)
{
    struct tp_pair p;
    static char buf[20000];
    printf("== %s: server rehandshake refused twice, then accepted\n", prio);
    if (setup(&p, prio, prio, 0, 0) == 0) {
        for (int k = 0; k < 3; k++) {
            printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
            printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
            if (k < 2) {
                printf("  client alert_send: %s\n",
                       tp_code(gnutls_alert_send(p.c.s, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION)));
                int r = gnutls_handshake(p.s.s);
                printf("  server handshake: %s alert %s\n", tp_code(r), gnutls_alert_get_strname(gnutls_alert_get(p.s.s)));
            } else {
                both("handshakes", &p.c, op_handshake, NULL, &p.s, op_handshake, NULL);
            }
            for (int d = 0; d < 2; d++) {
                struct tp_end *from = d ? &p.s : &p.c, *to = d ? &p.c : &p.s;
                int w = (int)gnutls_record_send(from->s, buf, sizeof buf), got = 0, r = GNUTLS_E_AGAIN;
                for (int i = 0; i < 8 && got < w && (r > 0 || r == GNUTLS_E_AGAIN); i++)
                    if ((r = read_one(to, buf, sizeof buf)) > 0)
                        got += r;
                printf("  %s: %s sent, %d read (%s)\n", d ? "server->client" : "client->server", tp_code(w), got,
                       tp_code(r));
            }
        }
    }
    tp_free(&p);
}

/* A warning alert (TLS 1.0: OpenSSL's records after it are re-encrypted),
 * then a renegotiation accepted (our ChangeCipherSpec ends that), then
 * another warning; data after each. */
static void warned_then_renegotiated(const char *prio, int warner_server)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s: %s sends a warning, then a renegotiation, then a warning\n", prio,
           warner_server ? "server" : "client");
    if (setup(&p, prio, prio, 0, 0) == 0) {
        struct tp_end *w = warner_server ? &p.s : &p.c, *o = warner_server ? &p.c : &p.s;
        for (int k = 0; k < 2; k++) {
            printf("  alert_send: %s\n", tp_code(gnutls_alert_send(w->s, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED)));
            printf("  peer recv: %s\n", tp_code(read_one(o, buf, sizeof buf)));
            exchange(&p, k ? "at the end" : "after the warning");
            if (k == 0) {
                printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
                printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
                both("handshakes", &p.c, op_handshake, NULL, &p.s, op_handshake, NULL);
                exchange(&p, "after the renegotiation");
            }
        }
    }
    tp_free(&p);
}

static void rehandshake_interleaved(void)
{
    struct tp_pair p;
    char buf[64];
    printf("== TLS 1.2: server rehandshake, client data first\n");
    if (setup(&p, TLS12, TLS12, 0, 0) == 0) {
        printf("  rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
        printf("  client send: %s\n", tp_code((int)gnutls_record_send(p.c.s, "data", 4)));
        printf("  server handshake: %s\n", tp_code(gnutls_handshake(p.s.s)));
        int r = read_one(&p.s, buf, sizeof buf);
        printf("  server recv: %s%s\n", tp_code(r), r == 4 && memcmp(buf, "data", 4) == 0 ? " 'data'" : "");
        printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
        both("handshakes", &p.c, op_handshake, NULL, &p.s, op_handshake, NULL);
        exchange(&p, "after");
    }
    tp_free(&p);
}

static void client_initiated(const char *sprio)
{
    struct tp_pair p;
    char buf[64];
    printf("== TLS 1.2: client-initiated renegotiation, server %s\n", sprio);
    if (setup(&p, TLS12, sprio, 0, 0) == 0) {
        int r = gnutls_handshake(p.c.s);
        printf("  client handshake: %s\n", tp_code(r));
        printf("  server recv: %s\n", tp_code(read_one(&p.s, buf, sizeof buf)));
        both("handshakes", &p.c, op_handshake, NULL, &p.s, op_handshake, NULL);
        exchange(&p, "after");
    }
    tp_free(&p);
}

static void safe_options(const char *cext, const char *sext)
{
    struct tp_pair p;
    char cp[128], sp[128];
    snprintf(cp, sizeof cp, TLS12 ":%s", cext);
    snprintf(sp, sizeof sp, TLS12 ":%s", sext);
    printf("== TLS 1.2: client %s, server %s\n", cext, sext);
    if (setup(&p, cp, sp, 0, 0) == 0) {
        printf("  safe renegotiation: %u %u\n", gnutls_safe_renegotiation_status(p.c.s),
               gnutls_safe_renegotiation_status(p.s.s));
        printf("  flags: client %s server %s\n",
               (gnutls_session_get_flags(p.c.s) & GNUTLS_SFLAGS_SAFE_RENEGOTIATION) ? "safe" : "-",
               (gnutls_session_get_flags(p.s.s) & GNUTLS_SFLAGS_SAFE_RENEGOTIATION) ? "safe" : "-");
    }
    tp_free(&p);
}

static void key_updates(void)
{
    struct tp_pair p;
    char buf[64];
    printf("== TLS 1.3: key updates\n");
    if (setup(&p, TLS13, TLS13, 0, 0) == 0) {
        printf("  client key_update(0): %s\n", tp_code(gnutls_session_key_update(p.c.s, 0)));
        exchange(&p, "after client update");
        printf("  client key_update(KU_PEER): %s\n", tp_code(gnutls_session_key_update(p.c.s, GNUTLS_KU_PEER)));
        printf("  server recv: %s\n", tp_code(read_one(&p.s, buf, sizeof buf)));
        exchange(&p, "after peer update");
        printf("  server key_update(KU_PEER): %s\n", tp_code(gnutls_session_key_update(p.s.s, GNUTLS_KU_PEER)));
        printf("  client recv: %s\n", tp_code(read_one(&p.c, buf, sizeof buf)));
        exchange(&p, "after server update");
        printf("  client handshake again: %s\n", tp_code(gnutls_handshake(p.c.s)));
        exchange(&p, "after client handshake");
        printf("  server handshake again: %s\n", tp_code(gnutls_handshake(p.s.s)));
        exchange(&p, "after server handshake");
        printf("  server rehandshake: %s\n", tp_code(gnutls_rehandshake(p.s.s)));
        exchange(&p, "after server rehandshake");
        printf("  client rehandshake: %s\n", tp_code(gnutls_rehandshake(p.c.s)));
        exchange(&p, "after");
    }
    tp_free(&p);
}

static void post_handshake_auth(unsigned cflags, unsigned sflags)
{
    struct tp_pair p;
    char buf[64];
    printf("== TLS 1.3: post-handshake authentication, client flags 0x%x, server flags 0x%x\n", cflags, sflags);
    if (setup(&p, TLS13, TLS13, cflags, sflags) == 0) {
        gnutls_certificate_server_set_request(p.s.s, GNUTLS_CERT_REQUEST);
        unsigned n = 0;
        printf("  peers before: %s\n", gnutls_certificate_get_peers(p.s.s, &n) ? "some" : "none");
        int r = gnutls_reauth(p.s.s, 0);
        printf("  server reauth: %s\n", tp_code(r));
        if (r == GNUTLS_E_AGAIN) {
            r = read_one(&p.c, buf, sizeof buf);
            printf("  client recv: %s\n", tp_code(r));
            if (r == GNUTLS_E_REAUTH_REQUEST)
                both("reauth", &p.c, op_reauth, NULL, &p.s, op_reauth, NULL);
            else
                both("read/reauth", &p.c, op_read, NULL, &p.s, op_reauth, NULL);
            n = 0;
            const gnutls_datum_t *l = gnutls_certificate_get_peers(p.s.s, &n);
            printf("  peers after: %s %u\n", l ? "some" : "none", n);
            exchange(&p, "after");
        }
        printf("  client reauth: %s\n", tp_code(gnutls_reauth(p.c.s, 0)));
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_datum_t rk = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t rc = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(ccred, &rc, &rk, GNUTLS_X509_FMT_PEM);

    rehandshake_accepted("TLS 1.2", TLS12);
    /* TLS 1.0: the client's answer replaces the no_renegotiation warning
     * OpenSSL wrote, whose last block OpenSSL's next records chain from */
    static const char *const tls10[] = {TP_TLS10_CBC_PRIOS};
    for (unsigned i = 0; i < sizeof tls10 / sizeof tls10[0]; i++) {
        rehandshake_accepted(tls10[i], tls10[i]);
        rehandshake_refused(tls10[i], -1, 0);
        rehandshake_refused(tls10[i], GNUTLS_A_NO_RENEGOTIATION, 0);
        rehandshake_refused(tls10[i], GNUTLS_A_NO_RENEGOTIATION, 1);
        rehandshake_refused(tls10[i], GNUTLS_A_USER_CANCELED, 0);
        refused_then_accepted(tls10[i]);
        warned_then_renegotiated(tls10[i], 0);
        warned_then_renegotiated(tls10[i], 1);
    }
    static const char *const prot12[] = {TLS12 ":-CIPHER-ALL:+AES-128-GCM", TLS12 ":-CIPHER-ALL:+CHACHA20-POLY1305",
                                         TLS12 ":-CIPHER-ALL:+AES-256-CCM", TP_CBC_PRIOS, TP_TLS11_CBC};
    for (unsigned i = 0; i < sizeof prot12 / sizeof prot12[0]; i++) {
        rehandshake_refused(prot12[i], GNUTLS_A_NO_RENEGOTIATION, 0);
        rehandshake_refused(prot12[i], GNUTLS_A_NO_RENEGOTIATION, 1);
        rehandshake_refused(prot12[i], -1, 0);
    }
    rehandshake_refused(TLS12, GNUTLS_A_USER_CANCELED, 0);
    refused_then_accepted(TLS12 ":-CIPHER-ALL:+AES-128-CBC");
    rehandshake_interleaved();
    client_initiated(TLS12);
    client_initiated(TLS12 ":%UNSAFE_RENEGOTIATION");
    static const char *const opts[] = {"%SAFE_RENEGOTIATION", "%UNSAFE_RENEGOTIATION", "%PARTIAL_RENEGOTIATION",
                                       "%DISABLE_SAFE_RENEGOTIATION"};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            safe_options(opts[i], opts[j]);
    key_updates();
    post_handshake_auth(GNUTLS_POST_HANDSHAKE_AUTH, GNUTLS_POST_HANDSHAKE_AUTH);
    post_handshake_auth(GNUTLS_POST_HANDSHAKE_AUTH, 0);
    post_handshake_auth(0, GNUTLS_POST_HANDSHAKE_AUTH);
    post_handshake_auth(0, 0);

    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
