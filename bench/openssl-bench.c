/* The workloads of gnutls-bench.c written directly on OpenSSL 3: the limit a
 * shim over OpenSSL can reach.  Same in-memory transport (memory BIOs), same
 * checks, same output format.  SSL_CTXs are built once per workload, as a
 * careful OpenSSL application does; the curl-style workload builds one per
 * connection with the CA bundle, as libcurl's OpenSSL backend would without
 * its store cache.
 * usage: openssl-bench WORKLOAD CERTDIR SECONDS */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <malloc.h>

#define DIE(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); ERR_print_errors_fp(stderr); exit(1); } while (0)

static const char *certdir;
static char ca_file[512];

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

/* gnossl (like GnuTLS) sets these on every SSL_CTX; the limit does the same.
 * BENCH_KEEP_BUFFERS=1 keeps OpenSSL's default, to measure what releasing
 * idle record buffers costs in throughput. */
static void common_ctx(SSL_CTX *ctx)
{
    const char *keep = getenv("BENCH_KEEP_BUFFERS");
    if (keep == NULL || strcmp(keep, "1") != 0)
        SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
}

/* A client that did not ask for verification does none: OpenSSL otherwise
 * builds and checks the chain on every handshake even under
 * SSL_VERIFY_NONE, work that neither GnuTLS nor gnossl does there. */
static int no_chain_check(X509_STORE_CTX *x, void *arg)
{
    (void)x;
    (void)arg;
    return 1;
}

static SSL_CTX *server_ctx(const char *kind, int v, const char *ciphers12)
{
    char crt[512], key[512];
    snprintf(crt, sizeof crt, "%s/%s-chain.pem", certdir, kind);
    snprintf(key, sizeof key, "%s/%s-key.pem", certdir, kind);
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    common_ctx(ctx);
    if (!SSL_CTX_use_certificate_chain_file(ctx, crt) ||
        !SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM))
        DIE("server key");
    SSL_CTX_set_min_proto_version(ctx, v);
    SSL_CTX_set_max_proto_version(ctx, v);
    SSL_CTX_set1_groups_list(ctx, "X25519:P-256");
    if (ciphers12)
        SSL_CTX_set_cipher_list(ctx, ciphers12);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(ctx, 0);
    return ctx;
}

static SSL_CTX *client_ctx(int v, const char *bundle)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    common_ctx(ctx);
    SSL_CTX_set_cert_verify_callback(ctx, no_chain_check, NULL);
    if (bundle && !SSL_CTX_load_verify_locations(ctx, bundle, NULL))
        DIE("bundle");
    if (!SSL_CTX_load_verify_locations(ctx, ca_file, NULL))
        DIE("ca");
    SSL_CTX_set_min_proto_version(ctx, v);
    SSL_CTX_set_max_proto_version(ctx, v);
    SSL_CTX_set1_groups_list(ctx, "X25519:P-256");
    return ctx;
}

struct pair { SSL *c, *s; };

static void pair_init(struct pair *p, SSL_CTX *cc, SSL_CTX *sc)
{
    p->c = SSL_new(cc);
    p->s = SSL_new(sc);
    BIO *c2s = BIO_new(BIO_s_mem()), *s2c = BIO_new(BIO_s_mem());
    BIO_set_mem_eof_return(c2s, -1);
    BIO_set_mem_eof_return(s2c, -1);
    BIO_up_ref(c2s);
    BIO_up_ref(s2c);
    SSL_set_bio(p->c, s2c, c2s);
    SSL_set_bio(p->s, c2s, s2c);
    SSL_set_connect_state(p->c);
    SSL_set_accept_state(p->s);
    SSL_set_tlsext_host_name(p->c, "localhost");
}

/* Free a pair as a closed connection: an SSL freed mid-connection makes
 * OpenSSL mark its session non-resumable. */
static void pair_free(struct pair *p)
{
    SSL_set_shutdown(p->c, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    SSL_set_shutdown(p->s, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    SSL_free(p->c);
    SSL_free(p->s);
}

static void handshake(struct pair *p)
{
    int dc = 0, ds = 0;
    for (int i = 0; i < 100 && !(dc && ds); i++) {
        if (!dc) {
            int r = SSL_do_handshake(p->c);
            if (r == 1) dc = 1;
            else if (SSL_get_error(p->c, r) != SSL_ERROR_WANT_READ) DIE("client handshake");
        }
        if (!ds) {
            int r = SSL_do_handshake(p->s);
            if (r == 1) ds = 1;
            else if (SSL_get_error(p->s, r) != SSL_ERROR_WANT_READ) DIE("server handshake");
        }
    }
    if (!(dc && ds))
        DIE("handshake did not complete");
}

static void expect(SSL *s, int v, const char *cipher)
{
    if (SSL_version(s) != v)
        DIE("negotiated %s", SSL_get_version(s));
    if (strcmp(SSL_get_cipher_name(s), cipher) != 0)
        DIE("cipher %s", SSL_get_cipher_name(s));
}

static long run_handshakes(const char *kind, int v, const char *cipher, const char *c12, int verify)
{
    SSL_CTX *sc = server_ctx(kind, v, c12), *cc = client_ctx(v, NULL);
    if (verify) {
        SSL_CTX_set_cert_verify_callback(cc, NULL, NULL); /* OpenSSL's own chain check */
        SSL_CTX_set_verify(cc, SSL_VERIFY_PEER, NULL);
    }
    long n = 0;
    start_clock();
    while (keep_going(n)) {
        struct pair p;
        pair_init(&p, cc, sc);
        if (verify)
            SSL_set1_host(p.c, "localhost");
        handshake(&p);
        expect(p.c, v, cipher);
        if (verify && (SSL_get_verify_result(p.c) != X509_V_OK || sk_X509_num(SSL_get_peer_cert_chain(p.c)) != 2))
            DIE("verification");
        pair_free(&p);
        n++;
    }
    SSL_CTX_free(sc);
    SSL_CTX_free(cc);
    return n;
}

static long run_resumption(void)
{
    SSL_CTX *sc = server_ctx("ecdsa", TLS1_3_VERSION, NULL), *cc = client_ctx(TLS1_3_VERSION, NULL);
    SSL_CTX_set_num_tickets(sc, 1);
    SSL_CTX_set_session_cache_mode(sc, SSL_SESS_CACHE_SERVER);
    struct pair p;
    pair_init(&p, cc, sc);
    handshake(&p);
    char b = 'x';
    SSL_write(p.s, &b, 1);
    SSL_read(p.c, &b, 1);
    SSL_SESSION *sess = SSL_get1_session(p.c);
    pair_free(&p);
    long n = 0;
    start_clock();
    while (keep_going(n)) {
        pair_init(&p, cc, sc);
        SSL_set_session(p.c, sess);
        handshake(&p);
        if (!SSL_session_reused(p.c))
            DIE("not resumed");
        pair_free(&p);
        n++;
    }
    SSL_SESSION_free(sess);
    SSL_CTX_free(sc);
    SSL_CTX_free(cc);
    return n;
}

static double run_bulk(const char *suite, size_t rec)
{
    SSL_CTX *sc = server_ctx("ecdsa", TLS1_3_VERSION, NULL), *cc = client_ctx(TLS1_3_VERSION, NULL);
    SSL_CTX_set_ciphersuites(sc, suite);
    SSL_CTX_set_ciphersuites(cc, suite);
    struct pair p;
    pair_init(&p, cc, sc);
    handshake(&p);
    expect(p.c, TLS1_3_VERSION, suite);
    unsigned char *buf = malloc(rec), *got = malloc(rec);
    for (size_t i = 0; i < rec; i++)
        buf[i] = (unsigned char)(i * 7 + 1);
    double bytes = 0, start = cpu_now();
    long n = 0;
    start_clock();
    while (keep_going(n++)) {
        for (int k = 0; k < 64; k++) {
            if (SSL_write(p.c, buf, (int)rec) != (int)rec)
                DIE("write");
            size_t have = 0;
            while (have < rec) {
                int r = SSL_read(p.s, got + have, (int)(rec - have));
                if (r <= 0)
                    DIE("read");
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
    pair_free(&p);
    SSL_CTX_free(sc);
    SSL_CTX_free(cc);
    return rate;
}

static long run_curl_style(int system_trust)
{
    SSL_CTX *sc = server_ctx("ecdsa", TLS1_3_VERSION, NULL);
    long n = 0;
    start_clock();
    while (keep_going(n)) {
        SSL_CTX *cc = SSL_CTX_new(TLS_client_method());
        common_ctx(cc);
        if (system_trust ? !SSL_CTX_load_verify_locations(cc, NULL, "/etc/ssl/certs")
                         : !SSL_CTX_load_verify_locations(cc, "/etc/ssl/certs/ca-certificates.crt", NULL))
            DIE("bundle");
        SSL_CTX_load_verify_locations(cc, ca_file, NULL);
        SSL_CTX_set_verify(cc, SSL_VERIFY_PEER, NULL);
        SSL_CTX_set1_groups_list(cc, "X25519:P-256");
        struct pair p;
        pair_init(&p, cc, sc);
        SSL_set1_host(p.c, "localhost");
        handshake(&p);
        if (SSL_get_verify_result(p.c) != X509_V_OK)
            DIE("verify");
        pair_free(&p);
        SSL_CTX_free(cc);
        n++;
    }
    SSL_CTX_free(sc);
    return n;
}


/* Heap bytes held per established, idle client+server pair (glibc mallinfo2). */
static double run_idle_memory(void)
{
    enum { N = 200 };
    SSL_CTX *sc = server_ctx("ecdsa", TLS1_3_VERSION, NULL), *cc = client_ctx(TLS1_3_VERSION, NULL);
    static struct pair p[N];
    pair_init(&p[0], cc, sc);
    handshake(&p[0]);
    pair_free(&p[0]);
    size_t before = mallinfo2().uordblks;
    for (int i = 0; i < N; i++) {
        pair_init(&p[i], cc, sc);
        handshake(&p[i]);
        expect(p[i].c, TLS1_3_VERSION, "TLS_AES_256_GCM_SHA384");
    }
    size_t after = mallinfo2().uordblks;
    for (int i = 0; i < N; i++) {
        pair_free(&p[i]);
    }
    SSL_CTX_free(sc);
    SSL_CTX_free(cc);
    return (double)(after - before) / N;
}

/* Operations per CPU-second of the whole run (setup included). */
static double rate_t0;
#define RATE(call) (rate_t0 = cpu_now(), (double)(call) / (cpu_now() - rate_t0))

int main(int argc, char **argv)
{
    if (argc != 4)
        DIE("usage: openssl-bench WORKLOAD CERTDIR SECONDS");
    const char *w = argv[1];
    certdir = argv[2];
        if (argv[3][0] == 'x')
        fixed_ops = atol(argv[3] + 1);
    else
        budget = atof(argv[3]);
    snprintf(ca_file, sizeof ca_file, "%s/ca.pem", certdir);
    if (!strcmp(w, "hs13-ecdsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", TLS1_3_VERSION, "TLS_AES_256_GCM_SHA384", NULL, 0)));
    else if (!strcmp(w, "hs13-rsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("rsa", TLS1_3_VERSION, "TLS_AES_256_GCM_SHA384", NULL, 0)));
    else if (!strcmp(w, "hs12-ecdsa"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", TLS1_2_VERSION, "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", 0)));
    else if (!strcmp(w, "hs13-verify"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_handshakes("ecdsa", TLS1_3_VERSION, "TLS_AES_256_GCM_SHA384", NULL, 1)));
    else if (!strcmp(w, "resume13"))
        printf("%s %.1f handshakes/s\n", w, RATE(run_resumption()));
    else if (!strcmp(w, "bulk16k-aesgcm"))
        printf("%s %.1f MB/s\n", w, run_bulk("TLS_AES_128_GCM_SHA256", 16384));
    else if (!strcmp(w, "bulk1k-aesgcm"))
        printf("%s %.1f MB/s\n", w, run_bulk("TLS_AES_128_GCM_SHA256", 1024));
    else if (!strcmp(w, "bulk16k-chacha"))
        printf("%s %.1f MB/s\n", w, run_bulk("TLS_CHACHA20_POLY1305_SHA256", 16384));
    else if (!strcmp(w, "curl-style"))
        printf("%s %.1f connections/s\n", w, RATE(run_curl_style(0)));
    else if (!strcmp(w, "curl-system-trust") || !strcmp(w, "curl-capath"))
        /* OpenSSL's way to a CA directory is its hashed lookup, for both */
        printf("%s %.1f connections/s\n", w, RATE(run_curl_style(1)));
    else if (!strcmp(w, "idle-memory"))
        printf("%s %.0f bytes/pair\n", w, run_idle_memory());
    else
        DIE("unknown workload %s", w);
    return 0;
}
