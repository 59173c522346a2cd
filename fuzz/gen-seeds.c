/* Seed corpora for the gnossl fuzzers, produced by the REAL GnuTLS (this
 * program links the system's libgnutls.so.30): a real client and server in
 * one process over memory pipes, every byte each side pushes recorded, for
 * each priority string the harnesses know; plus certificates, keys, a CRL,
 * DH parameters, priority strings and encoded blobs.
 *
 * usage: gen-seeds OUTDIR  (writes OUTDIR/{server,client,dtls,session-ops,x509,priority,encoding}/) */
#include "fuzz-common.h"
#include <gnutls/abstract.h>
#include <gnutls/dtls.h>
#include <gnutls/ocsp.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <sys/stat.h>

static const char *outdir;

static void put(const char *sub, const char *name, uint8_t mode, const void *d, size_t n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", outdir, sub);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/%s/%s", outdir, sub, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputc(mode, f);
    fwrite(d, 1, n, f);
    fclose(f);
}

struct rec {
    unsigned char *buf;
    size_t len, cap, off;
};

struct side {
    gnutls_session_t s;
    struct rec *in, *out;
};

static ssize_t rpush(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    struct side *e = p;
    struct rec *r = e->out;
    if (r->len + n > r->cap) {
        r->cap = (r->len + n) * 2 + 4096;
        r->buf = realloc(r->buf, r->cap);
    }
    memcpy(r->buf + r->len, d, n);
    r->len += n;
    return (ssize_t)n;
}

static ssize_t rpull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct side *e = p;
    struct rec *r = e->in;
    if (r->off >= r->len) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    if (n > r->len - r->off)
        n = r->len - r->off;
    memcpy(d, r->buf + r->off, n);
    r->off += n;
    return (ssize_t)n;
}

static int rtimeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct side *e = p;
    (void)ms;
    return e->in->off < e->in->len;
}

static int again(int r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

/* One recorded connection: handshake, a request and an answer, close. */
static void record_pair(unsigned pi, unsigned variant, gnutls_certificate_credentials_t scred,
                        gnutls_certificate_credentials_t ccred, gnutls_datum_t *ticket_key)
{
    struct rec c2s = {0}, s2c = {0};
    struct side c = {NULL, &s2c, &c2s}, s = {NULL, &c2s, &s2c};
    gnutls_init(&c.s, GNUTLS_CLIENT);
    gnutls_init(&s.s, GNUTLS_SERVER);
    struct side *both[2] = {&c, &s};
    for (int i = 0; i < 2; i++) {
        gnutls_priority_set_direct(both[i]->s, fuzz_prios[pi], NULL);
        gnutls_transport_set_ptr(both[i]->s, both[i]);
        gnutls_transport_set_push_function(both[i]->s, rpush);
        gnutls_transport_set_pull_function(both[i]->s, rpull);
        gnutls_transport_set_pull_timeout_function(both[i]->s, rtimeout);
    }
    gnutls_credentials_set(c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_server_name_set(c.s, GNUTLS_NAME_DNS, "localhost", 9);
    gnutls_datum_t alpn[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
    gnutls_alpn_set_protocols(c.s, alpn, 2, 0);
    gnutls_alpn_set_protocols(s.s, alpn, 2, 0);
    if (variant & 1)
        gnutls_certificate_server_set_request(s.s, GNUTLS_CERT_REQUEST);
    if (variant & 2)
        gnutls_session_ticket_enable_server(s.s, ticket_key);
    int cd = 0, sd = 0, rc = 0, rs = 0;
    for (int i = 0; i < 100 && !(cd && sd); i++) {
        if (!cd && (rc = gnutls_handshake(c.s)) == 0)
            cd = 1;
        else if (!cd && !again(rc))
            break;
        if (!sd && (rs = gnutls_handshake(s.s)) == 0)
            sd = 1;
        else if (!sd && !again(rs))
            break;
    }
    if (cd && sd) {
        char buf[2048];
        gnutls_record_send(c.s, "GET / HTTP/1.0\r\n\r\n", 18);
        for (int i = 0; i < 10; i++)
            if (gnutls_record_recv(s.s, buf, sizeof buf) > 0)
                break;
        gnutls_record_send(s.s, "HTTP/1.0 200 OK\r\n\r\nhello", 24);
        for (int i = 0; i < 10; i++)
            if (gnutls_record_recv(c.s, buf, sizeof buf) > 0)
                break;
        gnutls_bye(c.s, GNUTLS_SHUT_WR);
        gnutls_bye(s.s, GNUTLS_SHUT_WR);
    } else {
        fprintf(stderr, "gen-seeds: handshake %u/%u failed: %s %s\n", pi, variant, gnutls_strerror_name(rc),
                gnutls_strerror_name(rs));
    }
    char name[64];
    /* server harness: bits 0-2 priority, 3 EOF at end, 6 cert request, 7 tickets */
    uint8_t smode = (uint8_t)(pi | 0x08 | ((variant & 1) << 6) | ((variant & 2) << 6));
    snprintf(name, sizeof name, "tls-p%u-v%u", pi, variant);
    put("server", name, smode, c2s.buf, c2s.len);
    /* client harness: bit 7 = client has a certificate (matches ccred) */
    uint8_t cmode = (uint8_t)(pi | 0x08 | ((variant & 1) << 7));
    put("client", name, cmode, s2c.buf, s2c.len);
    /* also the first flight alone, with EAGAIN at the end */
    size_t first = c2s.len >= 5 ? 5 + ((size_t)c2s.buf[3] << 8 | c2s.buf[4]) : 0;
    if (first && first <= c2s.len) {
        snprintf(name, sizeof name, "hello-p%u-v%u", pi, variant);
        put("server", name, (uint8_t)(smode & ~0x08), c2s.buf, first);
    }
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    free(c2s.buf);
    free(s2c.buf);
}

/* DTLS: each push is one datagram, queued as [2-byte length][bytes], the
 * framing fuzz-dtls reads. */
static ssize_t dpush(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    unsigned char len[2] = {(unsigned char)(n >> 8), (unsigned char)n};
    rpush(p, len, 2);
    return rpush(p, d, n);
}

/* the next queued datagram, its length in *n; NULL when none */
static const unsigned char *dpeek(struct rec *r, size_t *n)
{
    if (r->off + 2 > r->len)
        return NULL;
    *n = (size_t)r->buf[r->off] << 8 | r->buf[r->off + 1];
    return r->buf + r->off + 2;
}

static ssize_t dpull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct side *e = p;
    size_t len;
    const unsigned char *g = dpeek(e->in, &len);
    if (g == NULL) {
        gnutls_transport_set_errno(e->s, EAGAIN);
        return -1;
    }
    e->in->off += 2 + len;
    if (n > len)
        n = len;
    memcpy(d, g, n);
    return (ssize_t)n;
}

static void dtls_side(struct side *e, unsigned flags, const char *prio, gnutls_certificate_credentials_t cred)
{
    gnutls_init(&e->s, flags | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(e->s, prio, NULL);
    gnutls_credentials_set(e->s, GNUTLS_CRD_CERTIFICATE, cred);
    gnutls_transport_set_ptr(e->s, e);
    gnutls_transport_set_push_function(e->s, dpush);
    gnutls_transport_set_pull_function(e->s, dpull);
    gnutls_transport_set_pull_timeout_function(e->s, rtimeout);
}

/* One recorded DTLS connection between the real GnuTLS client and server:
 * variant bit 0 = the server answers the first hello with a cookie, as
 * gnutls-serv --udp does; bit 1 = client certificate requested (and sent). */
static void record_dtls(unsigned pi, unsigned variant, gnutls_certificate_credentials_t scred,
                        gnutls_certificate_credentials_t ccred)
{
    struct rec c2s = {0}, s2c = {0};
    struct side c = {NULL, &s2c, &c2s}, s = {NULL, &c2s, &s2c};
    gnutls_datum_t key = {(unsigned char *)fuzz_cookie_key, sizeof fuzz_cookie_key};
    dtls_side(&c, GNUTLS_CLIENT, fuzz_dtls_prios[pi], ccred);
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 100 && (rc != 0 || rs != 0); i++) {
        if (rc != 0 && (rc = gnutls_handshake(c.s)) != 0 && !again(rc))
            break;
        if (s.s == NULL) {
            gnutls_dtls_prestate_st pre;
            size_t n;
            const unsigned char *g = dpeek(&c2s, &n);
            if (g == NULL)
                continue;
            memset(&pre, 0, sizeof pre);
            if ((variant & 1) && gnutls_dtls_cookie_verify(&key, (void *)fuzz_dtls_addr, sizeof fuzz_dtls_addr,
                                                           (void *)g, n, &pre) < 0) {
                gnutls_dtls_cookie_send(&key, (void *)fuzz_dtls_addr, sizeof fuzz_dtls_addr, &pre, &s, dpush);
                c2s.off += 2 + n;
                continue;
            }
            dtls_side(&s, GNUTLS_SERVER, fuzz_dtls_prios[pi], scred);
            if (variant & 1)
                gnutls_dtls_prestate_set(s.s, &pre);
            if (variant & 2)
                gnutls_certificate_server_set_request(s.s, GNUTLS_CERT_REQUEST);
        }
        if (rs != 0 && (rs = gnutls_handshake(s.s)) != 0 && !again(rs))
            break;
    }
    if (rc == 0 && rs == 0) {
        char buf[2048];
        gnutls_record_send(c.s, "ping", 4);
        gnutls_record_recv(s.s, buf, sizeof buf);
        gnutls_record_send(s.s, "pong", 4);
        gnutls_record_recv(c.s, buf, sizeof buf);
        gnutls_bye(c.s, GNUTLS_SHUT_WR);
    } else {
        fprintf(stderr, "gen-seeds: DTLS handshake %u/%u failed: %s %s\n", pi, variant, gnutls_strerror_name(rc),
                gnutls_strerror_name(rs));
    }
    /* fuzz-dtls mode: bits 0-1 priority, 2 cookies, 3 EOF at end, 4 cert request */
    uint8_t mode = (uint8_t)(pi | (variant & 1) << 2 | 0x08 | (variant & 2) << 3);
    char name[64];
    snprintf(name, sizeof name, "dtls-p%u-v%u", pi, variant);
    put("dtls", name, mode, c2s.buf, c2s.len);
    /* the first datagram alone (the cookieless hello), EAGAIN after it */
    size_t n;
    c2s.off = 0;
    if (dpeek(&c2s, &n) != NULL && 2 + n <= c2s.len) {
        snprintf(name, sizeof name, "hello-p%u-v%u", pi, variant);
        put("dtls", name, (uint8_t)(mode & ~0x08), c2s.buf, 2 + n);
    }
    gnutls_deinit(c.s);
    if (s.s != NULL)
        gnutls_deinit(s.s);
    free(c2s.buf);
    free(s2c.buf);
}

static void tls_seeds(void)
{
    gnutls_certificate_credentials_t scred, ccred, ccred_key;
    gnutls_datum_t c = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_datum_t k2 = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c2 = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    scred = fuzz_server_cred();
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_set_x509_trust_mem(ccred, &c, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&ccred_key);
    gnutls_certificate_set_x509_trust_mem(ccred_key, &c, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(ccred_key, &c2, &k2, GNUTLS_X509_FMT_PEM);
    gnutls_datum_t tk;
    gnutls_session_ticket_key_generate(&tk);
    for (unsigned pi = 0; pi < FUZZ_NPRIOS; pi++)
        for (unsigned v = 0; v < 4; v++)
            record_pair(pi, v, scred, (v & 1) ? ccred_key : ccred, &tk);
    for (unsigned pi = 0; pi < sizeof fuzz_dtls_prios / sizeof fuzz_dtls_prios[0]; pi++)
        for (unsigned v = 0; v < 4; v++)
            record_dtls(pi, v, scred, (v & 2) ? ccred_key : ccred);
    gnutls_free(tk.data);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(ccred_key);
}

static void x509_seeds(void)
{
    gnutls_datum_t pem[2] = {{(unsigned char *)rsa_crt, sizeof rsa_crt - 1},
                             {(unsigned char *)ec_crt, sizeof ec_crt - 1}};
    gnutls_datum_t keys[2] = {{(unsigned char *)rsa_key, sizeof rsa_key - 1},
                              {(unsigned char *)ec_key, sizeof ec_key - 1}};
    char name[64];
    for (int i = 0; i < 2; i++) {
        gnutls_x509_crt_t crt;
        gnutls_datum_t der, d;
        gnutls_x509_crt_init(&crt);
        gnutls_x509_crt_import(crt, &pem[i], GNUTLS_X509_FMT_PEM);
        gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_DER, &der);
        snprintf(name, sizeof name, "crt-pem-%d", i);
        put("x509", name, 0x80, pem[i].data, pem[i].size);
        snprintf(name, sizeof name, "crt-der-%d", i);
        put("x509", name, 0x00, der.data, der.size);
        snprintf(name, sizeof name, "list-pem-%d", i);
        put("x509", name, 0x81, pem[i].data, pem[i].size);
        snprintf(name, sizeof name, "list2-pem-%d", i);
        put("x509", name, 0x82, pem[i].data, pem[i].size);
        snprintf(name, sizeof name, "key-pem-%d", i);
        put("x509", name, 0x83, keys[i].data, keys[i].size);
        put("x509", "trust-pem", 0x89, pem[i].data, pem[i].size);
        gnutls_x509_privkey_t pk;
        gnutls_x509_privkey_init(&pk);
        gnutls_x509_privkey_import(pk, &keys[i], GNUTLS_X509_FMT_PEM);
        if (gnutls_x509_privkey_export2(pk, GNUTLS_X509_FMT_DER, &d) == 0) {
            snprintf(name, sizeof name, "key-der-%d", i);
            put("x509", name, 0x03, d.data, d.size);
            gnutls_free(d.data);
        }
        /* No encrypted PKCS#8 seed: its PBKDF2 iteration count makes each
         * run take seconds under ASan and starves the rest of the corpus. */
        if (gnutls_x509_privkey_export2_pkcs8(pk, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &d) == 0) {
            snprintf(name, sizeof name, "pkcs8-der-%d", i);
            put("x509", name, 0x25, d.data, d.size);
            gnutls_free(d.data);
        }
        gnutls_pubkey_t pub;
        gnutls_pubkey_init(&pub);
        gnutls_pubkey_import_x509(pub, crt, 0);
        if (gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &d) == 0) {
            snprintf(name, sizeof name, "pubkey-der-%d", i);
            put("x509", name, 0x06, d.data, d.size);
            gnutls_free(d.data);
        }
        /* an OCSP request for this (self-signed) certificate */
        gnutls_ocsp_req_t req;
        if (gnutls_ocsp_req_init(&req) == 0) {
            if (gnutls_ocsp_req_add_cert(req, GNUTLS_DIG_SHA1, crt, crt) == 0 &&
                gnutls_ocsp_req_randomize_nonce(req) == 0 && gnutls_ocsp_req_export(req, &d) == 0) {
                snprintf(name, sizeof name, "ocsp-req-%d", i);
                put("x509", name, 0x0d, d.data, d.size);
                gnutls_free(d.data);
            }
            gnutls_ocsp_req_deinit(req);
        }
        /* a CRL signed by this certificate's key */
        gnutls_x509_crl_t crl;
        gnutls_x509_crl_init(&crl);
        gnutls_x509_crl_set_version(crl, 2);
        gnutls_x509_crl_set_this_update(crl, 1700000000);
        gnutls_x509_crl_set_next_update(crl, 1900000000);
        gnutls_x509_crl_set_crt_serial(crl, "\x01\x02\x03", 3, 1700000000);
        gnutls_x509_crl_set_crt_serial(crl, "\x7f", 1, 1700000001);
        if (gnutls_x509_crl_sign2(crl, crt, pk, GNUTLS_DIG_SHA256, 0) == 0) {
            if (gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_DER, &d) == 0) {
                snprintf(name, sizeof name, "crl-der-%d", i);
                put("x509", name, 0x07, d.data, d.size);
                gnutls_free(d.data);
            }
            if (gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_PEM, &d) == 0) {
                snprintf(name, sizeof name, "crl-pem-%d", i);
                put("x509", name, 0x87, d.data, d.size);
                gnutls_free(d.data);
            }
        }
        gnutls_x509_crl_deinit(crl);
        /* cert + key for the credentials loader: byte 1 gives the split */
        size_t tot = pem[i].size + keys[i].size;
        unsigned char *ck = malloc(tot + 1);
        ck[0] = (unsigned char)(pem[i].size * 256 / tot);
        memcpy(ck + 1, pem[i].data, pem[i].size);
        memcpy(ck + 1 + pem[i].size, keys[i].data, keys[i].size);
        snprintf(name, sizeof name, "keypair-%d", i);
        put("x509", name, 0x8a, ck, tot + 1);
        free(ck);
        gnutls_pubkey_deinit(pub);
        gnutls_x509_privkey_deinit(pk);
        gnutls_free(der.data);
        gnutls_x509_crt_deinit(crt);
    }
    /* a chain-like list and real CA certificates from the system bundle */
    gnutls_datum_t bundle;
    if (gnutls_load_file("/etc/ssl/certs/ca-certificates.crt", &bundle) == 0) {
        gnutls_x509_crt_t *l = NULL;
        unsigned n = 0;
        if (gnutls_x509_crt_list_import2(&l, &n, &bundle, GNUTLS_X509_FMT_PEM, 0) == 0) {
            for (unsigned i = 0; i < n; i++) {
                if (i % 5 == 0 && i < 150) {
                    gnutls_datum_t d;
                    if (gnutls_x509_crt_export2(l[i], GNUTLS_X509_FMT_DER, &d) == 0) {
                        snprintf(name, sizeof name, "ca-der-%u", i);
                        put("x509", name, 0x00, d.data, d.size);
                        gnutls_free(d.data);
                    }
                }
                gnutls_x509_crt_deinit(l[i]);
            }
            gnutls_free(l);
        }
        put("x509", "ca-list-pem", 0x82, bundle.data, bundle.size > 20000 ? 20000 : bundle.size);
        gnutls_free(bundle.data);
    }
    /* DH parameters */
    gnutls_dh_params_t dh;
    gnutls_dh_params_init(&dh);
    if (gnutls_dh_params_import_raw(dh, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator) == 0) {
        gnutls_datum_t d;
        if (gnutls_dh_params_export2_pkcs3(dh, GNUTLS_X509_FMT_PEM, &d) == 0) {
            put("x509", "dh-pem", 0x88, d.data, d.size);
            gnutls_free(d.data);
        }
        if (gnutls_dh_params_export2_pkcs3(dh, GNUTLS_X509_FMT_DER, &d) == 0) {
            put("x509", "dh-der", 0x08, d.data, d.size);
            gnutls_free(d.data);
        }
    }
    gnutls_dh_params_deinit(dh);

    /* encoding seeds from the same material */
    put("encoding", "pem-any", 1, pem[0].data, pem[0].size);
    put("encoding", "pem-cert", 2, pem[1].data, pem[1].size);
    const char *b64 = strchr((const char *)pem[1].data, '\n') + 1;
    put("encoding", "base64", 0, b64, 64);
    put("encoding", "hex", 3, "00ff10abCDef", 12);
    put("encoding", "hex2bin", 4, "aa:bb:cc:dd", 11);
    put("encoding", "rt-base64", 5, "\x00\x01\x02hello", 8);
    put("encoding", "rt-pem", 6, "\x00\x01\x02hello", 8);
    put("encoding", "rt-hex", 7, "\x00\x01\x02hello", 8);
}

static void priority_seeds(void)
{
    static const char *strs[] = {
        "NORMAL", "PERFORMANCE", "LEGACY", "PFS", "SECURE128", "SECURE192", "SECURE256:+SECURE128", "SUITEB128",
        "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519",
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.2:+SRP",
        "NORMAL:%COMPAT:-VERS-SSL3.0", "PFS:-VERS-SSL3.0", "NORMAL:-RSA:-VERS-SSL3.0",
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-DTLS1.2:%PROFILE_MEDIUM",
        "%COMPAT:-VERS-TLS1.1:-VERS-TLS1.0", "@SYSTEM", "@SYSTEM,NORMAL:+VERS-TLS1.3",
        "NORMAL:+SIGN-RSA-PSS-SHA256:-GROUP-ALL:+GROUP-FFDHE2048:%SERVER_PRECEDENCE:%NO_TICKETS",
        "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:-MAC-ALL:+AEAD:%NO_EXTENSIONS:%DISABLE_SAFE_RENEGOTIATION",
        "NORMAL:+ANON-ECDH:+ANON-DH:+PSK:+DHE-PSK:+ECDHE-PSK:+RSA-PSK:!VERS-TLS1.0",
        "NORMAL:%VERIFY_ALLOW_SIGN_WITH_SHA1:%UNSAFE_RENEGOTIATION:%FALLBACK_SCSV:%NO_ETM:%FORCE_ETM",
        "NORMAL:+CTYPE-CLI-RAWPK:+CTYPE-SRV-ALL:%ALLOW_SMALL_RECORDS:%DISABLE_TLS13_COMPAT_MODE",
        "NORMAL:+VERS-TLS1.3:+GOST", "NORMAL:+GARBAGE", "NORMAL::+AES-128-GCM",
    };
    char name[32];
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        snprintf(name, sizeof name, "prio-%02zu", i);
        put("priority", name, (uint8_t)(strs[i][0] == '%'), strs[i], strlen(strs[i]));
    }
}

/* fuzz-session-ops scripts: (op, arg) pairs after the mode byte */
static void session_ops_seeds(void)
{
    static const uint8_t a[] = {0x00, 0x10, 0x03, 0x00, 0x80, 0x10, 0x83, 0x00, 0x08, 0x01, 0x03, 0x05};
    static const uint8_t b[] = {0x0a, 0x01, 0x00, 0x40, 0x0a, 0x00, 0x00, 0x40, 0x03, 0x00, 0x09, 0x00, 0x83, 0x00, 0x03, 0x00};
    static const uint8_t c[] = {0x06, 0x00, 0x00, 0x10, 0x00, 0x10, 0x07, 0x00, 0x03, 0x00, 0x0c, 0x42, 0x03, 0x00};
    for (uint8_t m = 0; m < 4; m++) {
        char name[32];
        snprintf(name, sizeof name, "ops-a-%u", m);
        put("session-ops", name, m, a, sizeof a);
        snprintf(name, sizeof name, "ops-b-%u", m);
        put("session-ops", name, m, b, sizeof b);
        snprintf(name, sizeof name, "ops-c-%u", m);
        put("session-ops", name, m, c, sizeof c);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen-seeds OUTDIR\n");
        return 2;
    }
    outdir = argv[1];
    mkdir(outdir, 0755);
    gnutls_global_init();
    tls_seeds();
    x509_seeds();
    priority_seeds();
    session_ops_seeds();
    gnutls_global_deinit();
    return 0;
}
