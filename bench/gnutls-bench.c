/* One benchmark, written only against the GnuTLS API: the same binary runs on
 * the real libgnutls and on gnossl (LD_LIBRARY_PATH).  Client and server live
 * in one process and talk through in-memory pipes (no syscalls: library cost
 * only).  Every workload checks that it did what it claims and exits non-zero
 * otherwise.
 *
 * usage: gnutls-bench WORKLOAD CERTDIR SECONDS
 * prints: WORKLOAD <ops per CPU-second> <unit>                              */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <malloc.h>

#define DIE(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); exit(1); } while (0)
#define CHECK(x) do { int r_ = (x); if (r_ < 0) DIE("%s:%d: %s: %s", __FILE__, __LINE__, #x, gnutls_strerror(r_)); } while (0)

/* ---- in-memory pipe --------------------------------------------------- */
struct pipe_buf { unsigned char *data; size_t len, cap, off; };
struct end { gnutls_session_t s; struct pipe_buf *in, *out; };

static ssize_t mem_push(gnutls_transport_ptr_t p, const void *buf, size_t n)
{
    struct end *e = p;
    struct pipe_buf *b = e->out;
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, buf, n);
    b->len += n;
    return (ssize_t)n;
}

static ssize_t mem_pull(gnutls_transport_ptr_t p, void *buf, size_t n)
{
    struct end *e = p;
    struct pipe_buf *b = e->in;
    size_t avail = b->len - b->off;
    if (avail == 0) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > avail)
        n = avail;
    memcpy(buf, b->data + b->off, n);
    b->off += n;
    if (b->off == b->len)
        b->off = b->len = 0;
    return (ssize_t)n;
}

static int mem_pull_timeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct end *e = p;
    (void)ms;
    return e->in->len > e->in->off;
}

/* ---- setup ------------------------------------------------------------ */
struct pair {
    struct end c, s;
    struct pipe_buf c2s, s2c;
};

static const char *certdir;
static char ca_file[512];

static void attach(struct end *e)
{
    gnutls_transport_set_ptr(e->s, e);
    gnutls_transport_set_push_function(e->s, mem_push);
    gnutls_transport_set_pull_function(e->s, mem_pull);
    gnutls_transport_set_pull_timeout_function(e->s, mem_pull_timeout);
}

static void pair_init(struct pair *p, gnutls_certificate_credentials_t ccred,
                      gnutls_certificate_credentials_t scred, const char *prio,
                      gnutls_datum_t *ticket_key, const gnutls_datum_t *resume)
{
    memset(p, 0, sizeof *p);
    p->c.in = &p->s2c; p->c.out = &p->c2s;
    p->s.in = &p->c2s; p->s.out = &p->s2c;
    CHECK(gnutls_init(&p->c.s, GNUTLS_CLIENT | GNUTLS_NONBLOCK));
    CHECK(gnutls_init(&p->s.s, GNUTLS_SERVER | GNUTLS_NONBLOCK));
    CHECK(gnutls_priority_set_direct(p->c.s, prio, NULL));
    CHECK(gnutls_priority_set_direct(p->s.s, prio, NULL));
    CHECK(gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, ccred));
    CHECK(gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, scred));
    CHECK(gnutls_server_name_set(p->c.s, GNUTLS_NAME_DNS, "localhost", 9));
    if (ticket_key)
        CHECK(gnutls_session_ticket_enable_server(p->s.s, ticket_key));
    if (resume)
        CHECK(gnutls_session_set_data(p->c.s, resume->data, resume->size));
    attach(&p->c);
    attach(&p->s);
}

static void pair_deinit(struct pair *p)
{
    gnutls_deinit(p->c.s);
    gnutls_deinit(p->s.s);
    free(p->c2s.data);
    free(p->s2c.data);
}

static void handshake(struct pair *p)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 100 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(p->c.s);
            if (rc < 0 && gnutls_error_is_fatal(rc))
                DIE("client handshake: %s", gnutls_strerror(rc));
        }
        if (rs != 0) {
            rs = gnutls_handshake(p->s.s);
            if (rs < 0 && gnutls_error_is_fatal(rs))
                DIE("server handshake: %s", gnutls_strerror(rs));
        }
    }
    if (rc != 0 || rs != 0)
        DIE("handshake did not complete");
}

static gnutls_certificate_credentials_t server_cred(const char *kind)
{
    char crt[512], key[512];
    gnutls_certificate_credentials_t c;
    snprintf(crt, sizeof crt, "%s/%s-chain.pem", certdir, kind);
    snprintf(key, sizeof key, "%s/%s-key.pem", certdir, kind);
    CHECK(gnutls_certificate_allocate_credentials(&c));
    CHECK(gnutls_certificate_set_x509_key_file(c, crt, key, GNUTLS_X509_FMT_PEM));
    return c;
}

static gnutls_certificate_credentials_t client_cred(void)
{
    gnutls_certificate_credentials_t c;
    CHECK(gnutls_certificate_allocate_credentials(&c));
    if (gnutls_certificate_set_x509_trust_file(c, ca_file, GNUTLS_X509_FMT_PEM) != 1)
        DIE("trust file did not load exactly one CA");
    return c;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run for a CPU-time budget, or for a fixed number of operations when the
 * budget is given as "xN" (for instruction counting under callgrind). */
static long fixed_ops;
static double budget;
static double deadline;
static void start_clock(void) { deadline = cpu_now() + budget; }
static int keep_going(long done) { return fixed_ops ? done < fixed_ops : cpu_now() < deadline; }

static void expect(gnutls_session_t s, gnutls_protocol_t v, gnutls_cipher_algorithm_t c, gnutls_group_t g)
{
    if (gnutls_protocol_get_version(s) != v)
        DIE("negotiated %s", gnutls_protocol_get_name(gnutls_protocol_get_version(s)));
    if (gnutls_cipher_get(s) != c)
        DIE("negotiated cipher %s", gnutls_cipher_get_name(gnutls_cipher_get(s)));
    if (g && gnutls_group_get(s) != g)
        DIE("negotiated group %s", gnutls_group_get_name(gnutls_group_get(s)));
}

/* ---- workloads -------------------------------------------------------- */
#define PRIO13 "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1"
#define PRIO12 "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM:-KX-ALL:+ECDHE-ECDSA:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1"

static long run_handshakes(const char *kind, const char *prio, gnutls_protocol_t v,
                           gnutls_cipher_algorithm_t cipher, int verify)
{
    gnutls_certificate_credentials_t sc = server_cred(kind), cc = client_cred();
    long n = 0;
    start_clock();
    while (keep_going(n)) {
        struct pair p;
        pair_init(&p, cc, sc, prio, NULL, NULL);
        if (verify)
            gnutls_session_set_verify_cert(p.c.s, "localhost", 0);
        handshake(&p);
        expect(p.c.s, v, cipher, GNUTLS_GROUP_X25519);
        if (verify) {
            unsigned list = 0;
            gnutls_certificate_get_peers(p.c.s, &list);
            if (list != 2)
                DIE("peer chain length %u, expected 2", list);
        }
        pair_deinit(&p);
        n++;
    }
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
    return n;
}

static long run_resumption(void)
{
    gnutls_certificate_credentials_t sc = server_cred("ecdsa"), cc = client_cred();
    gnutls_datum_t key, data;
    CHECK(gnutls_session_ticket_key_generate(&key));
    struct pair p;
    pair_init(&p, cc, sc, PRIO13, &key, NULL);
    handshake(&p);
    /* TLS 1.3 tickets arrive after the handshake: let the client read them. */
    char b;
    CHECK(gnutls_record_send(p.s.s, "x", 1));
    while (gnutls_record_recv(p.c.s, &b, 1) == GNUTLS_E_AGAIN)
        ;
    CHECK(gnutls_session_get_data2(p.c.s, &data));
    pair_deinit(&p);
    long n = 0, refused = 0;
    start_clock();
    while (keep_going(n)) {
        pair_init(&p, cc, sc, PRIO13, &key, &data);
        handshake(&p);
        /* Real GnuTLS very rarely declines a ticket (its ticket-age window is
         * counted in whole seconds); more than 1 in 100 is a failure. */
        if (!gnutls_session_is_resumed(p.c.s))
            refused++;
        pair_deinit(&p);
        n++;
    }
    if (refused * 100 > n)
        DIE("%ld of %ld sessions were not resumed", refused, n);
    gnutls_free(data.data);
    gnutls_free(key.data);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
    return n;
}

static double run_bulk(const char *prio, gnutls_cipher_algorithm_t cipher, size_t rec)
{
    gnutls_certificate_credentials_t sc = server_cred("ecdsa"), cc = client_cred();
    struct pair p;
    pair_init(&p, cc, sc, prio, NULL, NULL);
    handshake(&p);
    expect(p.c.s, GNUTLS_TLS1_3, cipher, 0);
    unsigned char *buf = malloc(rec), *got = malloc(rec);
    for (size_t i = 0; i < rec; i++)
        buf[i] = (unsigned char)(i * 7 + 1);
    double bytes = 0, start = cpu_now();
    long n = 0;
    start_clock();
    while (keep_going(n++)) {
        for (int k = 0; k < 64; k++) {
            ssize_t w = gnutls_record_send(p.c.s, buf, rec);
            if (w != (ssize_t)rec)
                DIE("send returned %zd", w);
            size_t have = 0;
            while (have < rec) {
                ssize_t r = gnutls_record_recv(p.s.s, got + have, rec - have);
                if (r == GNUTLS_E_AGAIN)
                    continue;
                if (r <= 0)
                    DIE("recv returned %zd", r);
                have += (size_t)r;
            }
            if (memcmp(buf, got, rec) != 0)
                DIE("bytes differ");
            bytes += (double)rec;
        }
    }
    double rate = bytes / (cpu_now() - start) / 1e6;
    free(buf);
    free(got);
    pair_deinit(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
    return rate;
}

enum trust_kind { TRUST_FILE, TRUST_SYSTEM, TRUST_DIR };

static long run_curl_style(const char *cafile, enum trust_kind kind)
{
    /* What libcurl-gnutls 7.88.1 does per connection: new credentials, load
     * the CA bundle, handshake (the server is ours). */
    gnutls_certificate_credentials_t sc = server_cred("ecdsa");
    long n = 0;
    start_clock();
    while (keep_going(n)) {
        gnutls_certificate_credentials_t cc;
        CHECK(gnutls_certificate_allocate_credentials(&cc));
        int loaded = kind == TRUST_SYSTEM ? gnutls_certificate_set_x509_system_trust(cc)
                     : kind == TRUST_DIR  ? gnutls_certificate_set_x509_trust_dir(cc, cafile, GNUTLS_X509_FMT_PEM)
                                          : gnutls_certificate_set_x509_trust_file(cc, cafile, GNUTLS_X509_FMT_PEM);
        if (loaded < 100)
            DIE("CA bundle loaded %d certificates", loaded);
        CHECK(gnutls_certificate_set_x509_trust_file(cc, ca_file, GNUTLS_X509_FMT_PEM));
        struct pair p;
        pair_init(&p, cc, sc, PRIO13, NULL, NULL);
        handshake(&p);
        unsigned status = 0;
        CHECK(gnutls_certificate_verify_peers3(p.c.s, "localhost", &status));
        if (status != 0)
            DIE("verification status %#x", status);
        pair_deinit(&p);
        gnutls_certificate_free_credentials(cc);
        n++;
    }
    gnutls_certificate_free_credentials(sc);
    return n;
}


/* Heap bytes held per established, idle client+server pair (glibc mallinfo2). */
static double run_idle_memory(void)
{
    enum { N = 200 };
    gnutls_certificate_credentials_t sc = server_cred("ecdsa"), cc = client_cred();
    static struct pair p[N];
    pair_init(&p[0], cc, sc, PRIO13, NULL, NULL); /* warm up lazily built state */
    handshake(&p[0]);
    pair_deinit(&p[0]);
    size_t before = mallinfo2().uordblks;
    for (int i = 0; i < N; i++) {
        pair_init(&p[i], cc, sc, PRIO13, NULL, NULL);
        handshake(&p[i]);
        expect(p[i].c.s, GNUTLS_TLS1_3, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_GROUP_X25519);
    }
    size_t after = mallinfo2().uordblks;
    for (int i = 0; i < N; i++)
        pair_deinit(&p[i]);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
    return (double)(after - before) / N;
}

/* Operations per CPU-second of the whole run (setup included). */
static double rate_t0;
#define RATE(call) (rate_t0 = cpu_now(), (double)(call) / (cpu_now() - rate_t0))

int main(int argc, char **argv)
{
    if (argc != 4)
        DIE("usage: gnutls-bench WORKLOAD CERTDIR SECONDS");
    const char *w = argv[1];
    certdir = argv[2];
        if (argv[3][0] == 'x')
        fixed_ops = atol(argv[3] + 1);
    else
        budget = atof(argv[3]);
    snprintf(ca_file, sizeof ca_file, "%s/ca.pem", certdir);
    CHECK(gnutls_global_init());

    if (!strcmp(w, "hs13-ecdsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", PRIO13, GNUTLS_TLS1_3, GNUTLS_CIPHER_AES_256_GCM, 0)));
    else if (!strcmp(w, "hs13-rsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("rsa", PRIO13, GNUTLS_TLS1_3, GNUTLS_CIPHER_AES_256_GCM, 0)));
    else if (!strcmp(w, "hs12-ecdsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", PRIO12, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, 0)));
    else if (!strcmp(w, "hs13-verify"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", PRIO13, GNUTLS_TLS1_3, GNUTLS_CIPHER_AES_256_GCM, 1)));
    else if (!strcmp(w, "resume13"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_resumption()));
    else if (!strcmp(w, "bulk16k-aesgcm"))
        printf("%s %.1f MB/s\n", w, run_bulk(PRIO13 ":-CIPHER-ALL:+AES-128-GCM", GNUTLS_CIPHER_AES_128_GCM, 16384));
    else if (!strcmp(w, "bulk1k-aesgcm"))
        printf("%s %.1f MB/s\n", w, run_bulk(PRIO13 ":-CIPHER-ALL:+AES-128-GCM", GNUTLS_CIPHER_AES_128_GCM, 1024));
    else if (!strcmp(w, "bulk16k-chacha"))
        printf("%s %.1f MB/s\n", w, run_bulk(PRIO13 ":-CIPHER-ALL:+CHACHA20-POLY1305", GNUTLS_CIPHER_CHACHA20_POLY1305, 16384));
    else if (!strcmp(w, "curl-style"))
        printf("%s %.1f connections/s\n", w, RATE(run_curl_style("/etc/ssl/certs/ca-certificates.crt", TRUST_FILE)));
    else if (!strcmp(w, "curl-system-trust"))
        printf("%s %.1f connections/s\n", w, RATE(run_curl_style(NULL, TRUST_SYSTEM)));
    else if (!strcmp(w, "curl-capath"))
        printf("%s %.1f connections/s\n", w, RATE(run_curl_style("/etc/ssl/certs", TRUST_DIR)));
    else if (!strcmp(w, "idle-memory"))
        printf("%s %.0f bytes/pair\n", w, run_idle_memory());
    else
        DIE("unknown workload %s", w);
    gnutls_global_deinit();
    return 0;
}
