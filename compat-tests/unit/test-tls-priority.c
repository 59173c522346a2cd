/* Priority strings: consumer strings parse, malformed ones fail where real
 * GnuTLS says, and compiled priorities applied to real SSL objects give the
 * versions, suites, groups and options they should, up to a handshake.
 *
 * The priority sources are compiled into this program so that the internal
 * gnossl_priority_apply can be called directly (the library hides it). */
#include <check.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/algorithms-suites.c"
#include "../../src/tls/priority-apply.c"
#include "../../src/tls/priority-compile.c"
#include "../../src/tls/priority-getters.c"
#include "../../src/tls/priority-init.c"
#include "../../src/tls/priority-suites.c"
#include "../../src/tls/priority-system.c"
#include "../../src/tls/priority-tables.c"
/* the session entry points, once the session code they need is in */
#if __has_include("../../src/tls/priority-session.c")
#include "../../src/tls/priority-session.c"
#define HAVE_PRIORITY_SESSION 1
#endif

/* What the library provides to these files. */
int gnossl_err(int code, const char *func, int line)
{
    (void)func;
    (void)line;
    return code;
}
void gnossl_log(int level, const char *fmt, ...)
{
    (void)level;
    (void)fmt;
}
#ifdef HAVE_PRIORITY_SESSION
static gnutls_priority_t stored;
void gnossl_session_set_priority(gnutls_session_t s, gnutls_priority_t p)
{
    (void)s;
    gnossl_priority_ref(p);
    if (stored != NULL)
        gnossl_priority_unref(stored);
    stored = p;
}
#endif

static gnutls_priority_t must_init(const char *s)
{
    gnutls_priority_t p = NULL;
    const char *ep = NULL;
    int r = gnutls_priority_init(&p, s, &ep);
    ck_assert_msg(r == 0, "'%s' -> %d at %s", s, r, ep ? ep : "(null)");
    ck_assert_ptr_nonnull(p);
    return p;
}

START_TEST(consumer_strings_parse)
{
    static const char *good[] = {
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3",
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.2:+VERS-TLS1.1:"
        "+VERS-TLS1.0",
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.2:+SRP",
        "NORMAL:%COMPAT:-VERS-SSL3.0",
        "PFS:-VERS-SSL3.0",
        "NORMAL:-RSA:-VERS-SSL3.0",
        "NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0",
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-DTLS1.2:%PROFILE_MEDIUM",
        "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519",
        "SECURE256:+SECURE128",
        "PERFORMANCE:%SERVER_PRECEDENCE",
        "SECURE128:-VERS-SSL3.0",
        "NORMAL:+ARCFOUR-128",
        "LEGACY",
        "SUITEB192",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        gnutls_priority_deinit(must_init(good[i]));

    gnutls_priority_t p = NULL;
    ck_assert_int_eq(gnutls_priority_init2(&p, "%COMPAT:-VERS-TLS1.1:-VERS-TLS1.0", NULL,
                                           GNUTLS_PRIORITY_INIT_DEF_APPEND),
                     0);
    const unsigned *l;
    int n = gnutls_priority_protocol_list(p, &l);
    for (int i = 0; i < n; i++)
        ck_assert(l[i] != GNUTLS_TLS1_1 && l[i] != GNUTLS_TLS1_0);
    gnutls_priority_deinit(p);
    ck_assert_int_eq(gnutls_priority_init(&p, NULL, NULL), 0);
    gnutls_priority_deinit(p);
}
END_TEST

START_TEST(malformed_strings)
{
    static const struct {
        const char *s;
        int ret;
        long pos;
    } bad[] = {
        {"", -50, 0},
        {"NORMAL:", -50, 7},
        {"NORMAL:+FOO", -50, 7},
        {"NORMAL:-RSA:+XYZ", -50, 12},
        {"NORMAL:%compat", -50, 7},
        {"NORMAL:+VERS-TLS1.4", -50, 7},
        {"NORMAL:-VERS-TLS-ALL:%COMPAT:+VERS-TLS9", -50, 29},
        {"NORMAL:  -RSA:+BAR", -50, 12},
        {" NORMAL:+FOO", -50, 0},
        {"NONE", GNUTLS_E_NO_PRIORITIES_WERE_SET, 0},
        {"NORMAL:-CIPHER-ALL", GNUTLS_E_NO_PRIORITIES_WERE_SET, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_priority_t p = (gnutls_priority_t)1;
        const char *ep = NULL;
        ck_assert_int_eq(gnutls_priority_init(&p, bad[i].s, &ep), bad[i].ret);
        ck_assert_ptr_null(p);
        ck_assert_msg(ep == bad[i].s + bad[i].pos, "'%s': err_pos %ld, want %ld", bad[i].s,
                      (long)(ep - bad[i].s), bad[i].pos);
    }
    /* positions relative to the caller's part of an appended string */
    gnutls_priority_t p;
    const char *s = "%COMPAT:+BAR", *ep = NULL;
    ck_assert_int_eq(gnutls_priority_init2(&p, s, &ep, GNUTLS_PRIORITY_INIT_DEF_APPEND), -50);
    ck_assert_ptr_eq(ep, s + 8);
    ck_assert_int_eq(gnutls_priority_init2(&p, NULL, &ep, GNUTLS_PRIORITY_INIT_DEF_APPEND), -50);
}
END_TEST

static SSL *new_ssl(SSL_CTX **ctx, const SSL_METHOD *m)
{
    *ctx = SSL_CTX_new(m);
    ck_assert_ptr_nonnull(*ctx);
    SSL *ssl = SSL_new(*ctx);
    ck_assert_ptr_nonnull(ssl);
    return ssl;
}

static const char *cipher_name(SSL *ssl, int i)
{
    STACK_OF(SSL_CIPHER) *sk = SSL_get_ciphers(ssl);
    return i < sk_SSL_CIPHER_num(sk) ? SSL_CIPHER_get_name(sk_SSL_CIPHER_value(sk, i)) : "";
}

START_TEST(apply_normal)
{
    SSL_CTX *ctx;
    SSL *ssl = new_ssl(&ctx, TLS_method());
    gnutls_priority_t p = must_init("NORMAL");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
    ck_assert_int_eq(SSL_get_min_proto_version(ssl), TLS1_VERSION);
    ck_assert_int_eq(SSL_get_max_proto_version(ssl), TLS1_3_VERSION);
    /* GnuTLS's order: TLS 1.3 suites, then ECDHE-ECDSA, ECDHE-RSA, RSA, DHE */
    ck_assert_str_eq(cipher_name(ssl, 0), "TLS_AES_256_GCM_SHA384");
    ck_assert_str_eq(cipher_name(ssl, 1), "TLS_CHACHA20_POLY1305_SHA256");
    ck_assert_str_eq(cipher_name(ssl, 2), "TLS_AES_128_GCM_SHA256");
    ck_assert_str_eq(cipher_name(ssl, 3), "TLS_AES_128_CCM_SHA256");
    ck_assert_str_eq(cipher_name(ssl, 4), "ECDHE-ECDSA-AES256-GCM-SHA384");
    ck_assert_str_eq(cipher_name(ssl, 5), "ECDHE-ECDSA-CHACHA20-POLY1305");
    ck_assert_str_eq(p->groups_list, "P-256:P-384:P-521:X25519:X448:ffdhe2048:ffdhe3072:ffdhe4096:"
                                     "ffdhe6144:ffdhe8192");
    ck_assert(!(SSL_get_options(ssl) & SSL_OP_CIPHER_SERVER_PREFERENCE));
    ck_assert(SSL_get_options(ssl) & SSL_OP_ENABLE_MIDDLEBOX_COMPAT);
    ck_assert_uint_eq(gnossl_priority_verify_flags(p), GNUTLS_PROFILE_TO_VFLAGS(GNUTLS_PROFILE_LOW));
    ck_assert_int_eq(SSL_get_security_level(ssl), 1);
    gnutls_priority_deinit(p);

    /* old protocols only, anonymous or NULL suites: OpenSSL level 0 */
    static const char *relaxed[] = {"NORMAL:-VERS-TLS-ALL:+VERS-TLS1.0:+VERS-TLS1.1",
                                    "NORMAL:+ANON-ECDH", "NORMAL:+NULL"};
    for (size_t i = 0; i < 3; i++) {
        p = must_init(relaxed[i]);
        SSL_set_security_level(ssl, 3);
        ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
        ck_assert_msg(SSL_get_security_level(ssl) == 0, "%s", relaxed[i]);
        gnutls_priority_deinit(p);
    }
    p = must_init("SECURE192");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
    ck_assert_int_eq(SSL_get_security_level(ssl), 3);
    ck_assert(!(SSL_get_options(ssl) & SSL_OP_ALLOW_NO_DHE_KEX));
    gnutls_priority_deinit(p);
    p = must_init("NORMAL:+PSK");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
    ck_assert(SSL_get_options(ssl) & SSL_OP_ALLOW_NO_DHE_KEX);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    gnutls_priority_deinit(p);
}
END_TEST

START_TEST(apply_versions_and_options)
{
    SSL_CTX *ctx;
    SSL *ssl = new_ssl(&ctx, TLS_method());
    gnutls_priority_t p = must_init(
        "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
    ck_assert_int_eq(SSL_get_min_proto_version(ssl), TLS1_3_VERSION);
    ck_assert_int_eq(SSL_get_max_proto_version(ssl), TLS1_3_VERSION);
    gnutls_priority_deinit(p);

    /* a hole: TLS 1.2 and 1.0 without 1.1.  OpenSSL negotiates within one
     * contiguous run, so the run holding the highest version (what GnuTLS
     * offers first) is kept: TLS 1.2 only, never a client capped at 1.0. */
    p = must_init("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:+VERS-TLS1.0:%SERVER_PRECEDENCE:%NO_TICKETS:"
                  "%DISABLE_TLS13_COMPAT_MODE:%PROFILE_MEDIUM:%DISABLE_WILDCARDS");
    SSL_set_options(ssl, SSL_OP_ENABLE_MIDDLEBOX_COMPAT);
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 1, 0), 0);
    ck_assert_int_eq(SSL_get_min_proto_version(ssl), TLS1_2_VERSION);
    ck_assert_int_eq(SSL_get_max_proto_version(ssl), TLS1_2_VERSION);
    uint64_t o = SSL_get_options(ssl);
    ck_assert(!(o & SSL_OP_NO_TLSv1_2));
    ck_assert(o & SSL_OP_CIPHER_SERVER_PREFERENCE);
    ck_assert(o & SSL_OP_NO_TICKET);
    ck_assert(!(o & SSL_OP_ENABLE_MIDDLEBOX_COMPAT));
    ck_assert_int_eq(SSL_get_security_level(ssl), 2);
    unsigned fl = gnossl_priority_flags(p);
    ck_assert(fl & GNOSSL_PRIO_SERVER_PRECEDENCE);
    ck_assert(fl & GNOSSL_PRIO_NO_TICKETS);
    ck_assert(fl & GNOSSL_PRIO_NO_TLS13_COMPAT_MODE);
    ck_assert(fl & GNOSSL_PRIO_DISABLE_WILDCARDS);
    ck_assert_uint_eq(gnossl_priority_verify_flags(p), GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS |
                                                           GNUTLS_PROFILE_TO_VFLAGS(GNUTLS_PROFILE_MEDIUM));
    gnutls_priority_deinit(p);

    /* a later, wider priority lifts the hole again */
    p = must_init("NORMAL");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), 0);
    ck_assert(!(SSL_get_options(ssl) & SSL_OP_NO_TLSv1_1));
    gnutls_priority_deinit(p);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}
END_TEST

START_TEST(apply_dtls)
{
    SSL_CTX *ctx;
    SSL *ssl = new_ssl(&ctx, DTLS_method());
    gnutls_priority_t p = must_init("NORMAL");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 1), 0);
    ck_assert_int_eq(SSL_get_min_proto_version(ssl), DTLS1_VERSION);
    ck_assert_int_eq(SSL_get_max_proto_version(ssl), DTLS1_2_VERSION);
    gnutls_priority_deinit(p);
    p = must_init("NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-DTLS1.2:%PROFILE_MEDIUM");
    ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 1), 0);
    ck_assert_int_eq(SSL_get_min_proto_version(ssl), DTLS1_2_VERSION);
    ck_assert_int_eq(SSL_get_max_proto_version(ssl), DTLS1_2_VERSION);
    gnutls_priority_deinit(p);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}
END_TEST

START_TEST(ctx_template)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    gnutls_priority_t normal = must_init("NORMAL"), other = must_init("NORMAL:-CIPHER-ALL:+AES-128-GCM");
    ck_assert_int_eq(gnossl_priority_apply_ctx(normal, ctx), 0);
    SSL *ssl = SSL_new(ctx);
    ck_assert_str_eq(cipher_name(ssl, 0), "TLS_AES_256_GCM_SHA384"); /* inherited */
    ck_assert_int_eq(gnossl_priority_apply(normal, ssl, 0, 0), 0);
    ck_assert_str_eq(cipher_name(ssl, 4), "ECDHE-ECDSA-AES256-GCM-SHA384");
    /* a different priority on an SSL of the same CTX still gets its lists */
    ck_assert_int_eq(gnossl_priority_apply(other, ssl, 0, 0), 0);
    ck_assert_str_eq(cipher_name(ssl, 0), "TLS_AES_128_GCM_SHA256");
    ck_assert_str_eq(cipher_name(ssl, 1), "ECDHE-ECDSA-AES128-GCM-SHA256");
    SSL_free(ssl);
    /* re-tagging replaces the old tag */
    ck_assert_int_eq(gnossl_priority_apply_ctx(other, ctx), 0);
    ssl = SSL_new(ctx);
    ck_assert_int_eq(gnossl_priority_apply(normal, ssl, 0, 0), 0);
    ck_assert_str_eq(cipher_name(ssl, 0), "TLS_AES_256_GCM_SHA384");
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    gnutls_priority_deinit(normal);
    gnutls_priority_deinit(other);
}
END_TEST

/* ---- in-memory handshakes ---- */
static EVP_PKEY *key;
static X509 *cert;

static void make_cert(void)
{
    if (cert != NULL)
        return;
    key = EVP_EC_gen("P-256");
    ck_assert_ptr_nonnull(key);
    cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_NAME *n = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)"localhost", -1, -1, 0);
    X509_set_issuer_name(cert, n);
    X509_set_pubkey(cert, key);
    ck_assert_int_gt(X509_sign(cert, key, EVP_sha256()), 0);
}

/* Runs a handshake between a client and a server with the given priority
 * strings; returns 1 on success and fills the negotiated suite. */
static int handshake(const char *cprio, const char *sprio, char *suite, size_t len, int *version)
{
    make_cert();
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method()), *sctx = SSL_CTX_new(TLS_server_method());
    ck_assert_int_eq(SSL_CTX_use_certificate(sctx, cert), 1);
    ck_assert_int_eq(SSL_CTX_use_PrivateKey(sctx, key), 1);
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    gnutls_priority_t cp = must_init(cprio), sp = must_init(sprio);
    int applied = gnossl_priority_apply(cp, c, 0, 0) == 0;
    ck_assert_int_eq(gnossl_priority_apply(sp, s, 1, 0), 0);
    BIO *b1, *b2;
    BIO_new_bio_pair(&b1, 0, &b2, 0);
    SSL_set_bio(c, b1, b1);
    SSL_set_bio(s, b2, b2);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    int cdone = 0, sdone = 0, failed = !applied;
    for (int i = 0; i < 50 && !(cdone && sdone) && !failed; i++) {
        if (!cdone) {
            int r = SSL_do_handshake(c);
            if (r == 1)
                cdone = 1;
            else if (SSL_get_error(c, r) != SSL_ERROR_WANT_READ)
                failed = 1;
        }
        if (!sdone && !failed) {
            int r = SSL_do_handshake(s);
            if (r == 1)
                sdone = 1;
            else if (SSL_get_error(s, r) != SSL_ERROR_WANT_READ)
                failed = 1;
        }
    }
    ERR_clear_error();
    int ok = cdone && sdone;
    if (ok) {
        snprintf(suite, len, "%s", SSL_CIPHER_get_name(SSL_get_current_cipher(c)));
        *version = SSL_version(c);
    }
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    gnutls_priority_deinit(cp);
    gnutls_priority_deinit(sp);
    return ok;
}

START_TEST(handshakes)
{
    char suite[64];
    int v;
    ck_assert(handshake("NORMAL", "NORMAL", suite, sizeof suite, &v));
    ck_assert_int_eq(v, TLS1_3_VERSION);
    ck_assert_str_eq(suite, "TLS_AES_256_GCM_SHA384");

    ck_assert(handshake("NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519",
                        "NORMAL", suite, sizeof suite, &v));
    ck_assert_str_eq(suite, "TLS_AES_128_GCM_SHA256");

    ck_assert(handshake("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2", "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:%SERVER_PRECEDENCE",
                        suite, sizeof suite, &v));
    ck_assert_int_eq(v, TLS1_2_VERSION);
    ck_assert_str_eq(suite, "ECDHE-ECDSA-CHACHA20-POLY1305");

    ck_assert(handshake("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.0", "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.0:+VERS-TLS1.1",
                        suite, sizeof suite, &v));
    ck_assert_int_eq(v, TLS1_VERSION);

    /* parses, but nothing OpenSSL can negotiate: the handshake fails */
    ck_assert(!handshake("NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0", "NORMAL", suite, sizeof suite, &v));
    {
        SSL_CTX *ctx;
        SSL *ssl = new_ssl(&ctx, TLS_method());
        gnutls_priority_t p = must_init("NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0");
        ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 0), GNUTLS_E_NO_PRIORITIES_WERE_SET);
        /* and even if the caller went on, OpenSSL has no version to offer */
        ck_assert_int_gt(SSL_get_min_proto_version(ssl), SSL_get_max_proto_version(ssl));
        SSL_free(ssl);
        SSL_CTX_free(ctx);
        gnutls_priority_deinit(p);
        /* its DTLS versions stay usable */
        ssl = new_ssl(&ctx, DTLS_method());
        p = must_init("NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0");
        ck_assert_int_eq(gnossl_priority_apply(p, ssl, 0, 1), 0);
        SSL_free(ssl);
        SSL_CTX_free(ctx);
        gnutls_priority_deinit(p);
    }
    /* no common suite */
    ck_assert(!handshake("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC",
                         "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM", suite, sizeof suite, &v));
}
END_TEST

START_TEST(refcount_and_session_calls)
{
    gnutls_priority_t p = must_init("NORMAL");
    gnossl_priority_ref(p);
    gnutls_priority_deinit(p); /* the extra reference keeps it */
    const unsigned *l;
    ck_assert_int_eq(gnutls_priority_protocol_list(p, &l), 6);
    gnossl_priority_unref(p);

#ifdef HAVE_PRIORITY_SESSION
    gnutls_session_t fake = (gnutls_session_t)&fake;
    ck_assert_int_eq(gnutls_priority_set(fake, NULL), GNUTLS_E_NO_PRIORITIES_WERE_SET);
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2", NULL), 0);
    ck_assert_ptr_nonnull(stored);
    /* the session's reference and the set_direct cache's: none leaked */
    ck_assert_int_eq(stored->refs, 2);
    ck_assert_int_eq(gnutls_priority_protocol_list(stored, &l), 3);
    const char *ep;
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "NORMAL:+NOPE", &ep), -50);
    ck_assert_int_eq(gnutls_set_default_priority(fake), 0);
    ck_assert_int_eq(gnutls_set_default_priority_append(fake, "-VERS-TLS-ALL:+VERS-TLS1.3", &ep, 0), 0);
    /* removals then an addition: DTLS stays first, TLS 1.3 is appended */
    ck_assert_int_eq(gnutls_priority_protocol_list(stored, &l), 3);
    ck_assert_uint_eq(l[0], GNUTLS_DTLS1_2);
    ck_assert_uint_eq(l[2], GNUTLS_TLS1_3);
    gnossl_priority_unref(stored);
    stored = NULL;
#endif
}
END_TEST

#ifdef HAVE_PRIORITY_SESSION
/* set_direct shares one compiled priority per string and configuration,
 * keeps the session's reference counting, and still reports errors. */
START_TEST(set_direct_shares)
{
    gnutls_session_t fake = (gnutls_session_t)&fake;
    const char *str = "NORMAL:-VERS-TLS1.0:%NO_TICKETS";
    char copy[64];
    snprintf(copy, sizeof copy, "%s", str);
    const char *ep = NULL;

    ck_assert_int_eq(gnutls_priority_set_direct(fake, str, &ep), 0);
    ck_assert_ptr_eq(ep, str);
    gnutls_priority_t first = stored;
    gnossl_priority_ref(first);
    /* an equal string at another address: the same object, err_pos into it */
    ck_assert_int_eq(gnutls_priority_set_direct(fake, copy, &ep), 0);
    ck_assert_ptr_eq(stored, first);
    ck_assert_ptr_eq(ep, copy);
    ck_assert_int_eq(first->refs, 3); /* ours, the session's, the cache's */
    ck_assert_uint_eq(gnossl_priority_flags(first) & GNOSSL_PRIO_NO_TICKETS, GNOSSL_PRIO_NO_TICKETS);

    /* a different string is a different object */
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "NORMAL", NULL), 0);
    ck_assert_ptr_ne(stored, first);
    ck_assert_int_eq(first->refs, 2);

    /* errors are never cached: the same bad string fails the same way twice */
    const char *bad = "NORMAL:+NOPE:-VERS-TLS1.0";
    for (int i = 0; i < 2; i++) {
        ep = NULL;
        ck_assert_int_eq(gnutls_priority_set_direct(fake, bad, &ep), GNUTLS_E_INVALID_REQUEST);
        ck_assert_ptr_eq(ep, bad + 7);
    }

    /* more strings than slots: evicted objects stay valid for their holders */
    char many[256] = "NORMAL";
    for (int i = 0; i < 16; i++) {
        strcat(many, ":-ARCFOUR-128"); /* 16 distinct strings */
        ck_assert_int_eq(gnutls_priority_set_direct(fake, many, NULL), 0);
    }
    const unsigned *l;
    ck_assert_int_eq(gnutls_priority_protocol_list(first, &l), 5);
    ck_assert_int_eq(first->refs, 1); /* evicted: only ours is left */
    gnossl_priority_unref(first);

    /* a changed system priority file gives a new compile of the same string */
    char path[] = "/tmp/gnossl-prio-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *cfg1 = "[priorities]\nAPP = NORMAL:-VERS-TLS1.3\n";
    ck_assert_int_eq(write(fd, cfg1, strlen(cfg1)), (ssize_t)strlen(cfg1));
    close(fd);
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", path, 1);
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "@APP", NULL), 0);
    ck_assert_int_eq(gnutls_priority_protocol_list(stored, &l), 5);
    gnutls_priority_t app = stored;
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "@APP", NULL), 0);
    ck_assert_ptr_eq(stored, app);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("[priorities]\nAPP = NORMAL:-VERS-ALL:+VERS-TLS1.3\n", f);
    fclose(f);
    struct timespec ts[2] = {{0, UTIME_NOW}, {12345, 0}}; /* a surely different mtime */
    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "@APP", NULL), 0);
    ck_assert_int_eq(gnutls_priority_protocol_list(stored, &l), 1);
    unlink(path);
    ck_assert_int_eq(gnutls_priority_set_direct(fake, "@APP", &ep), GNUTLS_E_INVALID_REQUEST);
    unsetenv("GNUTLS_SYSTEM_PRIORITY_FILE");
    gnossl_priority_unref(stored);
    stored = NULL;
}
END_TEST
#endif

START_TEST(system_config)
{
    char path[] = "/tmp/gnossl-prio-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *cfg = "# test\n[priorities]\nMYAPP = NORMAL:-VERS-TLS1.3\nSYSTEM=SECURE192\n\n"
                      "[overrides]\ndefault-priority-string = SUITEB128\n";
    ck_assert_int_eq(write(fd, cfg, strlen(cfg)), (ssize_t)strlen(cfg));
    close(fd);
    setenv("GNUTLS_SYSTEM_PRIORITY_FILE", path, 1);

    const unsigned *l;
    gnutls_priority_t p = must_init("@MYAPP");
    int n = gnutls_priority_protocol_list(p, &l);
    ck_assert_int_eq(n, 5);
    ck_assert_uint_eq(l[0], GNUTLS_TLS1_2);
    gnutls_priority_deinit(p);

    p = must_init("@NOPE,SYSTEM:-VERS-TLS1.3");
    ck_assert_int_eq(gnutls_priority_cipher_list(p, &l), 4); /* SECURE192's */
    ck_assert_int_eq(gnutls_priority_protocol_list(p, &l), 5);
    gnutls_priority_deinit(p);

    const char *ep;
    const char *s = "@NOPE:+VERS-TLS1.3";
    ck_assert_int_eq(gnutls_priority_init(&p, s, &ep), -50);
    ck_assert_ptr_eq(ep, s);

    /* the default comes from [overrides] */
    ck_assert_int_eq(gnutls_priority_init(&p, NULL, NULL), 0);
    ck_assert_int_eq(gnutls_priority_protocol_list(p, &l), 1); /* SUITEB128: TLS 1.2 only */
    gnutls_priority_deinit(p);
    unlink(path);
    unsetenv("GNUTLS_SYSTEM_PRIORITY_FILE");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tls-priority");
    TCase *tc = tcase_create("priority");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, consumer_strings_parse);
    tcase_add_test(tc, malformed_strings);
    tcase_add_test(tc, apply_normal);
    tcase_add_test(tc, apply_versions_and_options);
    tcase_add_test(tc, apply_dtls);
    tcase_add_test(tc, ctx_template);
    tcase_add_test(tc, handshakes);
    tcase_add_test(tc, refcount_and_session_calls);
#ifdef HAVE_PRIORITY_SESSION
    tcase_add_test(tc, set_direct_shares);
#endif
    tcase_add_test(tc, system_config);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures ? 1 : 0;
}
