/* Unit tests of external keys as libssl sees them (src/x509/privkey-ext-prov.c,
 * -sig.c, -dec.c): a gnutls_privkey_import_ext4 key whose callbacks count
 * their calls and sign with an ordinary key becomes an EVP_PKEY of gnossl's
 * private provider; signatures made through it verify with the public key,
 * and an OpenSSL server whose private key it is completes handshakes
 * (ECDSA: TLS 1.3; RSA: TLS 1.3 with RSA-PSS and TLS 1.2 with PKCS#1) with
 * a verifying client, the callbacks doing the signing.  This is the
 * plumbing the certificate credentials need to use such keys. */
#include <check.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "x509/x509.h"

/* The library hides gnossl_* names, so the external-key code is compiled
 * into this test directly; the helpers it needs from elsewhere in the
 * library are replaced by trivial ones. */
#include "../src/x509/privkey-ext.c"
#include "../src/x509/privkey-ext-prov.c"
#include "../src/x509/privkey-ext-sig.c"
#include "../src/x509/privkey-ext-dec.c"
int gnossl_err(int code, const char *func, int line)
{
    (void)func;
    (void)line;
    return code;
}
const EVP_MD *gnossl_digest_fetch(gnutls_digest_algorithm_t d)
{
    static EVP_MD *md[GNUTLS_DIG_SHAKE_256 + 1];
    const char *name = d == GNUTLS_DIG_MD5_SHA1 ? "MD5-SHA1" : gnutls_digest_get_name(d);
    if ((unsigned)d >= sizeof md / sizeof md[0] || name == NULL)
        return NULL;
    if (md[d] == NULL)
        md[d] = EVP_MD_fetch(NULL, name, NULL);
    return md[d];
}
int gnossl_datum_set(gnutls_datum_t *d, const void *data, size_t len)
{
    d->data = gnutls_malloc(len + 1);
    if (d->data == NULL)
        return GNUTLS_E_MEMORY_ERROR;
    memcpy(d->data, data, len);
    d->data[len] = 0;
    d->size = (unsigned)len;
    return 0;
}

static int calls;

struct ud {
    gnutls_privkey_t real;
    int pk;
};

static int info(gnutls_privkey_t key, unsigned flags, void *userdata)
{
    (void)key;
    if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO)
        return ((struct ud *)userdata)->pk;
    if (flags & GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO)
        return 1; /* RSA-PSS too: the key signs whatever it is asked */
    return -1;
}

static int sign_hash(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned flags,
                     const gnutls_datum_t *hash, gnutls_datum_t *sig)
{
    struct ud *u = userdata;
    (void)key;
    (void)flags;
    calls++;
    if (algo == GNUTLS_SIGN_RSA_RAW)
        return gnutls_privkey_sign_hash(u->real, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, hash, sig);
    return gnutls_privkey_sign_hash2(u->real, algo, 0, hash, sig);
}

/* A self-signed certificate for a fresh key of `type` ("RSA" or "EC"). */
static void make(const char *type, EVP_PKEY **pkey, X509 **crt)
{
    *pkey = strcmp(type, "RSA") == 0 ? EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048)
                                     : EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
    ck_assert_ptr_nonnull(*pkey);
    *crt = X509_new();
    X509_set_version(*crt, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(*crt), 7);
    X509_NAME *n = X509_get_subject_name(*crt);
    X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8, (const unsigned char *)"localhost", -1, -1, 0);
    X509_set_issuer_name(*crt, n);
    X509_gmtime_adj(X509_getm_notBefore(*crt), -3600);
    X509_gmtime_adj(X509_getm_notAfter(*crt), 86400);
    X509_set_pubkey(*crt, *pkey);
    ck_assert_int_gt(X509_sign(*crt, *pkey, EVP_sha256()), 0);
}

/* gnutls_privkey_t holding `pkey` (through PKCS#8 DER). */
static gnutls_privkey_t as_privkey(EVP_PKEY *pkey)
{
    unsigned char *der = NULL;
    int len = i2d_PrivateKey(pkey, &der);
    gnutls_datum_t d = {der, (unsigned)len};
    gnutls_privkey_t k;
    ck_assert_int_gt(len, 0);
    ck_assert_int_eq(gnutls_privkey_init(&k), 0);
    ck_assert_int_eq(gnutls_privkey_import_x509_raw(k, &d, GNUTLS_X509_FMT_DER, NULL, 0), 0);
    OPENSSL_free(der);
    return k;
}

static int handshake(X509 *crt, EVP_PKEY *srvkey, int tls13)
{
    SSL_CTX *sctx = SSL_CTX_new(TLS_server_method()), *cctx = SSL_CTX_new(TLS_client_method());
    SSL *s, *c;
    BIO *sb, *cb;
    X509_STORE *st;
    int i, rs = 0, rc = 0, ok;

    ck_assert_int_eq(SSL_CTX_use_certificate(sctx, crt), 1);
    ck_assert_int_eq(SSL_CTX_use_PrivateKey(sctx, srvkey), 1);
    if (!tls13) {
        SSL_CTX_set_max_proto_version(sctx, TLS1_2_VERSION);
        SSL_CTX_set1_sigalgs_list(cctx, "RSA+SHA256:ECDSA+SHA256");
    } else {
        SSL_CTX_set_min_proto_version(sctx, TLS1_3_VERSION);
    }
    st = SSL_CTX_get_cert_store(cctx);
    X509_STORE_add_cert(st, crt);
    SSL_CTX_set_verify(cctx, SSL_VERIFY_PEER, NULL);
    s = SSL_new(sctx);
    c = SSL_new(cctx);
    BIO_new_bio_pair(&sb, 0, &cb, 0);
    SSL_set_bio(s, sb, sb);
    SSL_set_bio(c, cb, cb);
    SSL_set_accept_state(s);
    SSL_set_connect_state(c);
    for (i = 0; i < 100 && (rs != 1 || rc != 1); i++) {
        if (rc != 1)
            rc = SSL_do_handshake(c);
        if (rs != 1)
            rs = SSL_do_handshake(s);
    }
    ok = rs == 1 && rc == 1 && SSL_get_verify_result(c) == X509_V_OK &&
         SSL_version(c) == (tls13 ? TLS1_3_VERSION : TLS1_2_VERSION);
    SSL_free(s);
    SSL_free(c);
    SSL_CTX_free(sctx);
    SSL_CTX_free(cctx);
    ERR_clear_error();
    return ok;
}

/* Sign "abc" through the proxy with digest mdname and verify with pub:
 * 1 if both work, 0 if the proxy refuses the digest, -1 if the signature
 * does not verify. */
static int sign_verify(EVP_PKEY *proxy, EVP_PKEY *pub, const char *mdname)
{
    unsigned char sig[1024];
    size_t siglen = sizeof sig;
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    int ok = EVP_DigestSignInit_ex(m, NULL, mdname, NULL, NULL, proxy, NULL) == 1 &&
             EVP_DigestSign(m, sig, &siglen, (const unsigned char *)"abc", 3) == 1;
    EVP_MD_CTX_free(m);
    if (ok) {
        m = EVP_MD_CTX_new();
        ok = EVP_DigestVerifyInit_ex(m, NULL, mdname, NULL, NULL, pub, NULL) == 1 &&
                     EVP_DigestVerify(m, sig, siglen, (const unsigned char *)"abc", 3) == 1
                 ? 1
                 : -1;
        EVP_MD_CTX_free(m);
    }
    ERR_clear_error();
    return ok;
}

static void run(const char *type, int pk, int tls13)
{
    EVP_PKEY *real, *proxy;
    X509 *crt;
    struct ud u;
    gnutls_privkey_t ext;
    EVP_MD_CTX *m;
    unsigned char sig[1024];
    size_t siglen = sizeof sig;

    make(type, &real, &crt);
    u.real = as_privkey(real);
    u.pk = pk;
    ck_assert_int_eq(gnutls_privkey_init(&ext), 0);
    ck_assert_int_eq(gnutls_privkey_import_ext4(ext, &u, NULL, sign_hash, NULL, NULL, info, 0), 0);
    proxy = gnossl_privkey_ext_evp(ext, X509_get0_pubkey(crt));
    ck_assert_ptr_nonnull(proxy);

    /* A signature through the proxy verifies with the public key. */
    calls = 0;
    m = EVP_MD_CTX_new();
    ck_assert_int_eq(EVP_DigestSignInit(m, NULL, EVP_sha256(), NULL, proxy), 1);
    ck_assert_int_eq(EVP_DigestSign(m, sig, &siglen, (const unsigned char *)"abc", 3), 1);
    EVP_MD_CTX_free(m);
    ck_assert_int_eq(calls, 1);
    m = EVP_MD_CTX_new();
    ck_assert_int_eq(EVP_DigestVerifyInit(m, NULL, EVP_sha256(), NULL, X509_get0_pubkey(crt)), 1);
    ck_assert_int_eq(EVP_DigestVerify(m, sig, siglen, (const unsigned char *)"abc", 3), 1);
    EVP_MD_CTX_free(m);

    /* ... and a wrong message does not. */
    m = EVP_MD_CTX_new();
    ck_assert_int_eq(EVP_DigestVerifyInit(m, NULL, EVP_sha256(), NULL, X509_get0_pubkey(crt)), 1);
    ck_assert_int_ne(EVP_DigestVerify(m, sig, siglen, (const unsigned char *)"abd", 3), 1);
    EVP_MD_CTX_free(m);
    ERR_clear_error();

    /* The digests libssl may name, each signed with the right one (TLS
     * 1.0/1.1's MD5+SHA1 for RSA); others are refused. */
    ck_assert_int_eq(sign_verify(proxy, X509_get0_pubkey(crt), "SHA384"), 1);
    ck_assert_int_eq(sign_verify(proxy, X509_get0_pubkey(crt), "SHA2-512"), 1);
    if (pk == GNUTLS_PK_RSA)
        ck_assert_int_eq(sign_verify(proxy, X509_get0_pubkey(crt), "MD5-SHA1"), 1);
    ck_assert_int_eq(sign_verify(proxy, X509_get0_pubkey(crt), "SHA3-256"), 0);

    /* A TLS server whose key is the proxy. */
    calls = 0;
    ck_assert_msg(handshake(crt, proxy, tls13), "%s handshake with the proxy key failed", type);
    ck_assert_int_ge(calls, 1);

    EVP_PKEY_free(proxy);
    gnutls_privkey_deinit(ext);
    gnutls_privkey_deinit(u.real);
    EVP_PKEY_free(real);
    X509_free(crt);
}

START_TEST(ec_proxy_tls13)
{
    run("EC", GNUTLS_PK_EC, 1);
}
END_TEST

START_TEST(rsa_proxy_tls12_pkcs1)
{
    run("RSA", GNUTLS_PK_RSA, 0);
}
END_TEST

START_TEST(rsa_proxy_tls13_pss)
{
    run("RSA", GNUTLS_PK_RSA, 1);
}
END_TEST

START_TEST(not_external)
{
    EVP_PKEY *real;
    X509 *crt;
    gnutls_privkey_t k;
    make("EC", &real, &crt);
    k = as_privkey(real);
    ck_assert_ptr_null(gnossl_privkey_ext_evp(k, X509_get0_pubkey(crt)));
    ck_assert_ptr_null(gnossl_privkey_ext_evp(NULL, X509_get0_pubkey(crt)));
    gnutls_privkey_deinit(k);
    EVP_PKEY_free(real);
    X509_free(crt);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("x509-privkey-ext");
    TCase *tc = tcase_create("proxy");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, ec_proxy_tls13);
    tcase_add_test(tc, rsa_proxy_tls12_pkcs1);
    tcase_add_test(tc, rsa_proxy_tls13_pss);
    tcase_add_test(tc, not_external);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
