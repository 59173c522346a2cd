/* Differential test of certificate verification (src/cred/).
 *
 * For each chain of the corpus (compat-tests/shell/cred-corpus.sh), an
 * in-process handshake over a socketpair: a server with the chain, a client
 * trusting the test root (and the intermediate's CRL).  Printed: the handshake
 * results, the peer list, verify_peers2/verify_peers3 status bits for a set
 * of hostnames with their status_print text, the in-handshake verification of
 * gnutls_session_set_verify_cert (-348) and of a credentials verify function
 * (-43 or its own code), and the trust loaders' certificate counts.
 *
 * usage: cred-verify [CORPUS-DIR]   (without it the corpus is generated
 * into a temporary directory with $GNOSSL_SRC/compat-tests/shell/cred-corpus.sh) */
#include <errno.h>
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cred-corpus.h"
#include "sock-pair.h"

static int cb_ret;      /* what the credentials verify function returns */
static int cb_calls;

static int verify_cb(gnutls_session_t s)
{
    unsigned status = 0, n = 0;
    int r = gnutls_certificate_verify_peers2(s, &status);
    const gnutls_datum_t *p = gnutls_certificate_get_peers(s, &n);

    cb_calls++;
    printf("    in-handshake: verify_peers2=%d status=0x%x peers=%u%s\n", r, status, n,
           p != NULL ? "" : " (null)");
    return cb_ret;
}

/* Run both sides until each has finished or failed. */
struct pair {
    gnutls_session_t c, s;
    gnutls_certificate_credentials_t cc, sc;
    int fds[2];
};

static int pair_open(struct pair *p, const char *name, int with_crl)
{
    char chain[256], key[256];
    int r;

    memset(p, 0, sizeof(*p));
    snprintf(chain, sizeof(chain), "%s.chain", name);
    snprintf(key, sizeof(key), "%s.key", name);
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, p->fds) != 0)
        return -1;
    fcntl(p->fds[0], F_SETFL, O_NONBLOCK);
    fcntl(p->fds[1], F_SETFL, O_NONBLOCK);
    gnutls_certificate_allocate_credentials(&p->sc);
    r = gnutls_certificate_set_x509_key_file(p->sc, P(chain), P(key), GNUTLS_X509_FMT_PEM);
    if (r < 0) {
        printf("  key file: %d\n", r);
        return -1;
    }
    gnutls_certificate_allocate_credentials(&p->cc);
    gnutls_certificate_set_x509_trust_file(p->cc, P("ca.pem"), GNUTLS_X509_FMT_PEM);
    if (with_crl)
        gnutls_certificate_set_x509_crl_file(p->cc, P("crl.pem"), GNUTLS_X509_FMT_PEM);

    sock_session(&p->s, GNUTLS_SERVER, NULL, GNUTLS_CRD_CERTIFICATE, p->sc, p->fds[0]);
    sock_session(&p->c, GNUTLS_CLIENT, NULL, GNUTLS_CRD_CERTIFICATE, p->cc, p->fds[1]);
    return 0;
}

static void pair_close(struct pair *p)
{
    if (p->c)
        gnutls_deinit(p->c);
    if (p->s)
        gnutls_deinit(p->s);
    if (p->cc)
        gnutls_certificate_free_credentials(p->cc);
    if (p->sc)
        gnutls_certificate_free_credentials(p->sc);
    close(p->fds[0]);
    close(p->fds[1]);
}

/* gnutls_session_set_verify_output_function: every step reported. */
static void print_dn(const char *what, gnutls_x509_crt_t crt)
{
    gnutls_datum_t dn;

    if (crt != NULL && gnutls_x509_crt_get_dn3(crt, &dn, 0) == 0) {
        printf(" %s=%s", what, dn.data);
        gnutls_free(dn.data);
    } else {
        printf(" %s=-", what);
    }
}

static int output_cb(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, gnutls_x509_crl_t crl, unsigned status)
{
    printf("    output:");
    print_dn("cert", cert);
    print_dn("issuer", issuer);
    printf(" crl=%s status=0x%x\n", crl != NULL ? "yes" : "no", status);
    return 0;
}

static void print_status(const char *what, int r, unsigned status)
{
    gnutls_datum_t out;

    if (r < 0) {
        printf("    %s: error %d\n", what, r);
        return;
    }
    if (gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &out, 0) == 0) {
        printf("    %s: 0x%x %s(size %u)\n", what, status, out.data, out.size);
        gnutls_free(out.data);
    }
}

static const char *hosts[] = {"good.example", "GOOD.example", "bad.example.", "good.example.", "w.example", "x.example", "a.b.good.example", "a.x.good.example", "xn--abc.idn.example", "a.allowed.example", "bad.example", "x.wild.example",
                              "a.b.wild.example", "wild.example", "foo.part.example", "cn.example",
                              "127.0.0.1", "127.0.0.2", "::1", NULL};

/* Post-handshake verification (the curl/wget path). */
static void case_post(const char *name)
{
    struct pair p;
    int rc, rs, r, i;
    unsigned status, n = 0;
    const gnutls_datum_t *peers;

    printf("case %s\n", name);
    if (pair_open(&p, name, 1) < 0) {
        pair_close(&p);
        return;
    }
    handshake(p.c, p.s, &rc, &rs);
    printf("  handshake client=%d server=%d\n", rc, rs);
    if (rc == 0) {
        peers = gnutls_certificate_get_peers(p.c, &n);
        printf("  peers=%u first=%s\n", n, peers != NULL && peers[0].size > 0 ? "der" : "none");
        gnutls_session_set_verify_output_function(p.c, output_cb);
        r = gnutls_certificate_verify_peers2(p.c, &status);
        gnutls_session_set_verify_output_function(p.c, NULL);
        print_status("verify_peers2", r, status);
        for (i = 0; hosts[i] != NULL; i++) {
            char what[64];
            r = gnutls_certificate_verify_peers3(p.c, hosts[i], &status);
            snprintf(what, sizeof(what), "peers3 %s", hosts[i]);
            print_status(what, r, status);
        }
        {
            static const unsigned char lo4[4] = {127, 0, 0, 1}, other4[4] = {10, 0, 0, 1};
            gnutls_typed_vdata_st vd[2];
            memset(vd, 0, sizeof(vd));
            vd[0].type = GNUTLS_DT_IP_ADDRESS;
            vd[0].data = (unsigned char *)lo4;
            vd[0].size = 4;
            r = gnutls_certificate_verify_peers(p.c, vd, 1, &status);
            print_status("verify_peers ip 127.0.0.1", r, status);
            vd[0].data = (unsigned char *)other4;
            r = gnutls_certificate_verify_peers(p.c, vd, 1, &status);
            print_status("verify_peers ip 10.0.0.1", r, status);
            vd[0].type = GNUTLS_DT_DNS_HOSTNAME;
            vd[0].data = (unsigned char *)"good.example";
            vd[0].size = 0;
            vd[1].type = GNUTLS_DT_KEY_PURPOSE_OID;
            vd[1].data = (unsigned char *)GNUTLS_KP_TLS_WWW_SERVER;
            r = gnutls_certificate_verify_peers(p.c, vd, 2, &status);
            print_status("verify_peers good.example + server purpose", r, status);
            vd[1].data = (unsigned char *)"1.3.6.1.5.5.7.3.4"; /* email protection */
            r = gnutls_certificate_verify_peers(p.c, vd, 2, &status);
            print_status("verify_peers good.example + email purpose", r, status);
        }
        /* the server did not ask for a client certificate */
        r = gnutls_certificate_verify_peers2(p.s, &status);
        printf("  server verify_peers2=%d\n", r);
        printf("  server get_peers=%s\n", gnutls_certificate_get_peers(p.s, &n) == NULL ? "null" : "list");
    }
    pair_close(&p);
}

/* In-handshake verification: gnutls_session_set_verify_cert. */
static void case_auto(const char *name, const char *host)
{
    struct pair p;
    int rc, rs;

    if (pair_open(&p, name, 1) < 0) {
        pair_close(&p);
        return;
    }
    gnutls_session_set_verify_cert(p.c, host, 0);
    if (host != NULL && strcmp(host, "good.example") == 0)
        gnutls_session_set_verify_output_function(p.c, output_cb); /* also in the handshake */
    handshake(p.c, p.s, &rc, &rs);
    printf("  set_verify_cert(%s): client=%d status=0x%x server=%s\n", host ? host : "NULL", rc,
           gnutls_session_get_verify_cert_status(p.c), rs == 0 ? "0" : "failed");
    pair_close(&p);
}

/* In-handshake verification: a credentials verify function. */
static void case_func(const char *name, int ret)
{
    struct pair p;
    int rc, rs;

    if (pair_open(&p, name, 1) < 0) {
        pair_close(&p);
        return;
    }
    cb_ret = ret;
    cb_calls = 0;
    gnutls_certificate_set_verify_function(p.cc, verify_cb);
    handshake(p.c, p.s, &rc, &rs);
    printf("  verify function returning %d: client=%d calls=%d server=%s\n", ret, rc, cb_calls,
           rs == 0 ? "0" : "failed");
    pair_close(&p);
}

static void trust_counts(void)
{
    gnutls_certificate_credentials_t c;
    gnutls_datum_t d;

    gnutls_certificate_allocate_credentials(&c);
    printf("trust_file ca.pem = %d\n", gnutls_certificate_set_x509_trust_file(c, P("ca.pem"), GNUTLS_X509_FMT_PEM));
    printf("trust_file three-cas.pem = %d\n",
           gnutls_certificate_set_x509_trust_file(c, P("three-cas.pem"), GNUTLS_X509_FMT_PEM));
    printf("trust_file missing = %d\n", gnutls_certificate_set_x509_trust_file(c, P("nope.pem"), GNUTLS_X509_FMT_PEM));
    printf("trust_file rsa.crt.der (DER) = %d\n",
           gnutls_certificate_set_x509_trust_file(c, P("rsa.crt.der"), GNUTLS_X509_FMT_DER));
    printf("trust_file key as PEM = %d\n", gnutls_certificate_set_x509_trust_file(c, P("rsa.key"), GNUTLS_X509_FMT_PEM));
    printf("crl_file = %d\n", gnutls_certificate_set_x509_crl_file(c, P("crl.pem"), GNUTLS_X509_FMT_PEM));
    if (gnutls_load_file(P("three-cas.pem"), &d) == 0) {
        printf("trust_mem three-cas = %d\n", gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_PEM));
        gnutls_free(d.data);
    }
    gnutls_certificate_free_credentials(c);

    gnutls_certificate_allocate_credentials(&c);
    /* both runs read the same files: the exact counts must agree */
    printf("system_trust = %d\n", gnutls_certificate_set_x509_system_trust(c));
    printf("system_trust again = %d\n", gnutls_certificate_set_x509_system_trust(c));
    printf("trust_dir /etc/ssl/certs = %d\n",
           gnutls_certificate_set_x509_trust_dir(c, "/etc/ssl/certs", GNUTLS_X509_FMT_PEM));
    printf("trust_dir missing = %d\n", gnutls_certificate_set_x509_trust_dir(c, P("no-such-dir"), GNUTLS_X509_FMT_PEM));
    gnutls_certificate_free_credentials(c);
}

/* A self-signed server certificate: untrusted, then pinned in the trust list. */
static void case_pinned(void)
{
    struct pair p;
    int rc, rs, r;
    unsigned status;

    printf("case pinned\n");
    if (pair_open(&p, "selfsigned", 0) < 0) {
        pair_close(&p);
        return;
    }
    gnutls_certificate_set_x509_trust_file(p.cc, P("pinned.pem"), GNUTLS_X509_FMT_PEM);
    handshake(p.c, p.s, &rc, &rs);
    r = gnutls_certificate_verify_peers3(p.c, "good.example", &status);
    print_status("pinned peers3 good.example", r, status);
    pair_close(&p);
}

/* Other trust settings: a chain verified against `trust` (+ `crl`). */
static void case_trust(const char *name, const char *trust, const char *crl)
{
    gnutls_certificate_credentials_t cc;
    struct pair p;
    int rc, rs, r;
    unsigned status;
    char what[160];

    if (pair_open(&p, name, 0) < 0) {
        pair_close(&p);
        return;
    }
    /* replace the client's trust: fresh credentials */
    gnutls_certificate_allocate_credentials(&cc);
    r = gnutls_certificate_set_x509_trust_file(cc, P(trust), GNUTLS_X509_FMT_PEM);
    if (crl != NULL)
        printf("  crl %s: %d\n", crl, gnutls_certificate_set_x509_crl_file(cc, P(crl), GNUTLS_X509_FMT_PEM));
    gnutls_credentials_set(p.c, GNUTLS_CRD_CERTIFICATE, cc);
    handshake(p.c, p.s, &rc, &rs);
    r = gnutls_certificate_verify_peers3(p.c, "good.example", &status);
    snprintf(what, sizeof(what), "%s trusting %s%s%s", name, trust, crl ? " with " : "", crl ? crl : "");
    print_status(what, r, status);
    pair_close(&p);
    gnutls_certificate_free_credentials(cc);
}

/* gnutls_certificate_set_verify_limits on the client. */
static void case_limits(const char *name, unsigned bits, unsigned depth)
{
    struct pair p;
    int rc, rs, r;
    unsigned status = 0;

    if (pair_open(&p, name, 0) < 0) {
        pair_close(&p);
        return;
    }
    gnutls_certificate_set_verify_limits(p.cc, bits, depth);
    handshake(p.c, p.s, &rc, &rs);
    r = gnutls_certificate_verify_peers2(p.c, &status);
    printf("    %s limits bits=%u depth=%u: handshake=%d verify=%d status=0x%x\n", name, bits, depth, rc, r, status);
    pair_close(&p);
}

/* Verification flags on the credentials, post-handshake. */
static void case_flags(const char *name, unsigned flags, const char *host)
{
    struct pair p;
    int rc, rs, r;
    unsigned status;
    char what[128];

    if (pair_open(&p, name, 1) < 0) {
        pair_close(&p);
        return;
    }
    gnutls_certificate_set_verify_flags(p.cc, flags);
    handshake(p.c, p.s, &rc, &rs);
    r = gnutls_certificate_verify_peers3(p.c, host, &status);
    snprintf(what, sizeof(what), "%s flags=0x%x host=%s", name, flags, host);
    print_status(what, r, status);
    pair_close(&p);
}

int main(int argc, char **argv)
{
    char line[256];
    FILE *f;

    if (corpus_open(argc, argv) != 0)
        return 1;
    gnutls_global_init();
    trust_counts();
    f = fopen(P("cases"), "r");
    if (f == NULL)
        return 1;
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == 0)
            continue;
        case_post(line);
        case_auto(line, "good.example");
        case_auto(line, "bad.example");
        case_auto(line, NULL);
        case_func(line, 0);
        case_func(line, -1);
        case_func(line, 1);
        case_func(line, GNUTLS_E_INVALID_REQUEST);
    }
    fclose(f);
    case_pinned();
    printf("trust\n");
    case_trust("good", "int-ca.pem", NULL);
    case_trust("fullchain", "int-ca.pem", NULL);
    case_trust("underold", "oldroot.pem", NULL);
    case_trust("good", "ca.pem", "oldcrl.pem");
    case_trust("revoked", "ca.pem", "oldcrl.pem");
    case_trust("good", "ca.pem", "futurecrl.pem");
    case_trust("revoked", "ca.pem", "futurecrl.pem");
    case_trust("revoked", "int-ca.pem", "crl.pem");
    case_trust("good", "three-cas.pem", "crl.pem");
    printf("limits\n");
    case_limits("good", 16384, 16);
    case_limits("good", 16384, 2);
    case_limits("good", 16384, 1);
    case_limits("pathlen", 16384, 3);
    case_limits("pathlen", 16384, 4);
    case_limits("fullchain", 16384, 2);
    case_limits("good", 100, 16);
    case_limits("weakkey", 512, 16);
    printf("flags\n");
    case_flags("good", GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS, "x.wild.example");
    case_flags("good", GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS, "good.example");
    case_flags("expired", GNUTLS_VERIFY_DISABLE_TIME_CHECKS, "good.example");
    case_flags("future", GNUTLS_VERIFY_DISABLE_TIME_CHECKS, "good.example");
    case_flags("expiredint", GNUTLS_VERIFY_DISABLE_TIME_CHECKS, "good.example");
    case_flags("sha1", GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1, "good.example");
    case_flags("sha1", GNUTLS_VERIFY_ALLOW_BROKEN, "good.example");
    case_flags("revoked", GNUTLS_VERIFY_DISABLE_CRL_CHECKS, "good.example");
    case_flags("notca", GNUTLS_VERIFY_DISABLE_CA_SIGN, "good.example");
    case_flags("good", GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES, "127.0.0.1");
    case_flags("iponly", GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES, "127.0.0.1");
    gnutls_global_deinit();
    return corpus_close() != 0 ? 1 : 0;
}
