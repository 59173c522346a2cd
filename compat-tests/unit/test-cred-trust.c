/* Unit tests of the credentials' trust handling (src/cred/trust.c, read.c,
 * keys.c, status-print.c, dh.c): certificate counts, the process-wide store
 * cache and its invalidation, trust directories, CRLs, key formats.  Only
 * public functions are called (internal ones are hidden in the library);
 * cred-int.h is included to look inside the credentials struct. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cred/cred-int.h"
#include <openssl/pem.h>

#include "../diff/cred-corpus.h"

static void copy_file(const char *from, const char *to)
{
    gnutls_datum_t d;
    FILE *f;

    ck_assert_int_eq(gnutls_load_file(from, &d), 0);
    f = fopen(to, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fwrite(d.data, 1, d.size, f), d.size);
    fclose(f);
    gnutls_free(d.data);
}

START_TEST(counts)
{
    gnutls_certificate_credentials_t c;

    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&c), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(c, P("ca.pem"), GNUTLS_X509_FMT_PEM), 1);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(c, P("three-cas.pem"), GNUTLS_X509_FMT_PEM), 3);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(c, P("rsa.crt.der"), GNUTLS_X509_FMT_DER), 1);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(c, P("missing.pem"), GNUTLS_X509_FMT_PEM),
                     GNUTLS_E_FILE_ERROR);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(c, P("rsa.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_crl_file(c, P("crl.pem"), GNUTLS_X509_FMT_PEM), 1);
    ck_assert_uint_eq(c->ncrls, 1);
    /* a no-op, as in GnuTLS 3.7.9 (diff-x509-names: still revoked after it) */
    gnutls_certificate_free_crls(c);
    ck_assert_uint_eq(c->ncrls, 1);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(NULL, P("ca.pem"), GNUTLS_X509_FMT_PEM),
                     GNUTLS_E_INVALID_REQUEST);
    gnutls_certificate_free_credentials(c);
}
END_TEST

START_TEST(system_trust)
{
    gnutls_certificate_credentials_t c;
    int n;

    if (access("/etc/ssl/certs/ca-certificates.crt", R_OK) != 0)
        return;
    ck_assert_int_eq(gnutls_certificate_allocate_credentials(&c), 0);
    n = gnutls_certificate_set_x509_system_trust(c);
    ck_assert_int_gt(n, 10);
    ck_assert_uint_eq(c->ncas, (unsigned)n);
    gnutls_certificate_free_credentials(c);
}
END_TEST

/* Two credentials loading the same unchanged file share one parsed store;
 * a changed file is parsed again; adding to a shared store copies it. */
START_TEST(store_cache)
{
    gnutls_certificate_credentials_t a, b, d;
    char path[1100];
    struct timespec ts[2];

    snprintf(path, sizeof(path), "%s/cache-test.pem", corpus_dir);
    copy_file(P("three-cas.pem"), path);
    gnutls_certificate_allocate_credentials(&a);
    gnutls_certificate_allocate_credentials(&b);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(a, path, GNUTLS_X509_FMT_PEM), 3);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(b, path, GNUTLS_X509_FMT_PEM), 3);
    ck_assert_ptr_eq(a->store, b->store);
    ck_assert_int_eq(a->store_shared, 1);

    /* b adds a CA: it gets its own copy, a is unchanged */
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(b, P("pinned.pem"), GNUTLS_X509_FMT_PEM), 1);
    ck_assert_ptr_ne(a->store, b->store);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(a->store)), 3);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(b->store)), 4);

    /* the file changes (new mtime and content): parsed again */
    copy_file(P("ca.pem"), path);
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[1] = ts[0];
    ts[1].tv_sec += 10;
    utimensat(0, path, ts, 0);
    gnutls_certificate_allocate_credentials(&d);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(d, path, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_ptr_ne(d->store, a->store);

    gnutls_certificate_free_credentials(a);
    gnutls_certificate_free_credentials(b);
    gnutls_certificate_free_credentials(d);
    unlink(path);
}
END_TEST

/* A further trust file on a cached store: credentials loading the same
 * files in the same order share one store holding both; an addition from
 * memory still copies; a change of the second file is noticed. */
static int store_has(X509_STORE *st, const char *pem)
{
    FILE *f = fopen(pem, "r");
    X509 *x = f != NULL ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(st);
    int i, found = 0;

    if (f != NULL)
        fclose(f);
    for (i = 0; x != NULL && i < sk_X509_OBJECT_num(objs); i++) {
        X509 *y = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
        if (y != NULL && X509_cmp(x, y) == 0)
            found = 1;
    }
    X509_free(x);
    return found;
}

START_TEST(store_sequence)
{
    gnutls_certificate_credentials_t a, b, d, e;
    gnutls_datum_t mem;
    char path[1100];
    struct timespec ts[2];

    snprintf(path, sizeof(path), "%s/seq-test.pem", corpus_dir);
    copy_file(P("pinned.pem"), path);
    gnutls_certificate_allocate_credentials(&a);
    gnutls_certificate_allocate_credentials(&b);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(a, P("three-cas.pem"), GNUTLS_X509_FMT_PEM), 3);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(a, path, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_uint_eq(a->ncas, 4);
    ck_assert_int_eq(a->store_shared, 1);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(a->store)), 4);
    ck_assert(store_has(a->store, path));
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(b, P("three-cas.pem"), GNUTLS_X509_FMT_PEM), 3);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(b, path, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_ptr_eq(a->store, b->store);

    /* an addition from memory copies: a keeps its four anchors */
    ck_assert_int_eq(gnutls_load_file(P("ecdsa.crt"), &mem), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(b, &mem, GNUTLS_X509_FMT_PEM), 1);
    gnutls_free(mem.data);
    ck_assert_ptr_ne(a->store, b->store);
    ck_assert_int_eq(b->store_shared, 0);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(a->store)), 4);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(b->store)), 5);
    /* a file after that goes into b's own store */
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(b, P("rsa.crt"), GNUTLS_X509_FMT_PEM), 1);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(b->store)), 6);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(a->store)), 4);

    /* the second file changes: the sequence is built again from it */
    copy_file(P("ecdsa.crt"), path);
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[1] = ts[0];
    ts[1].tv_sec += 10;
    utimensat(0, path, ts, 0);
    gnutls_certificate_allocate_credentials(&d);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(d, P("three-cas.pem"), GNUTLS_X509_FMT_PEM), 3);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(d, path, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_ptr_ne(d->store, a->store);
    ck_assert(store_has(d->store, P("ecdsa.crt")));
    ck_assert(!store_has(d->store, P("pinned.pem")));
    ck_assert(store_has(a->store, P("pinned.pem")));

    /* the order is part of the key: the other order is another store */
    gnutls_certificate_allocate_credentials(&e);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(e, path, GNUTLS_X509_FMT_PEM), 1);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_file(e, P("three-cas.pem"), GNUTLS_X509_FMT_PEM), 3);
    ck_assert_ptr_ne(e->store, d->store);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(e->store)), 4);

    gnutls_certificate_free_credentials(a);
    gnutls_certificate_free_credentials(b);
    gnutls_certificate_free_credentials(d);
    gnutls_certificate_free_credentials(e);
    unlink(path);
}
END_TEST

START_TEST(trust_dir)
{
    gnutls_certificate_credentials_t c;
    char d[1100], f[1200];

    snprintf(d, sizeof(d), "%s/cadir", corpus_dir);
    mkdir(d, 0700);
    snprintf(f, sizeof(f), "%s/a.pem", d);
    copy_file(P("three-cas.pem"), f);
    snprintf(f, sizeof(f), "%s/b.pem", d);
    copy_file(P("ca.pem"), f);
    snprintf(f, sizeof(f), "%s/not-a-cert.txt", d);
    copy_file(P("cases"), f);
    gnutls_certificate_allocate_credentials(&c);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(c, d, GNUTLS_X509_FMT_PEM), 4);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(c, P("no-such-dir"), GNUTLS_X509_FMT_PEM), 0);
    gnutls_certificate_free_credentials(c);
}
END_TEST

/* A PEM directory goes through the store cache: two credentials share the
 * store of an unchanged directory, with the count of the uncached path; a
 * changed file or a new one gives a new store. */
START_TEST(trust_dir_cache)
{
    gnutls_certificate_credentials_t a, b, p, e;
    gnutls_datum_t mem;
    char d[1100], f[1200];
    struct timespec ts[2];

    snprintf(d, sizeof(d), "%s/cachedir", corpus_dir);
    mkdir(d, 0700);
    snprintf(f, sizeof(f), "%s/a.pem", d);
    copy_file(P("three-cas.pem"), f);
    snprintf(f, sizeof(f), "%s/b.pem", d);
    copy_file(P("pinned.pem"), f);
    gnutls_certificate_allocate_credentials(&a);
    gnutls_certificate_allocate_credentials(&b);
    gnutls_certificate_allocate_credentials(&p);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(a, d, GNUTLS_X509_FMT_PEM), 4);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(b, d, GNUTLS_X509_FMT_PEM), 4);
    ck_assert_ptr_eq(a->store, b->store);
    ck_assert_int_eq(a->store_shared, 1);
    ck_assert_uint_eq(a->ncas, 4);
    /* a private store takes the uncached path: same count, same anchors */
    ck_assert_int_eq(gnutls_load_file(P("ecdsa.crt"), &mem), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(p, &mem, GNUTLS_X509_FMT_PEM), 1);
    gnutls_free(mem.data);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(p, d, GNUTLS_X509_FMT_PEM), 4);
    ck_assert_int_eq(p->store_shared, 0);
    ck_assert_int_eq(sk_X509_OBJECT_num(X509_STORE_get0_objects(p->store)), 5);
    ck_assert(store_has(p->store, f));

    /* b.pem changes: a new store, without the old certificate */
    copy_file(P("ecdsa.crt"), f);
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[1] = ts[0];
    ts[1].tv_sec += 10;
    utimensat(0, f, ts, 0);
    gnutls_certificate_allocate_credentials(&e);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(e, d, GNUTLS_X509_FMT_PEM), 4);
    ck_assert_ptr_ne(e->store, a->store);
    ck_assert(store_has(e->store, P("ecdsa.crt")));
    ck_assert(!store_has(e->store, P("pinned.pem")));
    ck_assert(store_has(a->store, P("pinned.pem")));
    gnutls_certificate_free_credentials(e);

    /* a new file: a new store and a new count */
    snprintf(f, sizeof(f), "%s/c.pem", d);
    copy_file(P("rsa.crt"), f);
    gnutls_certificate_allocate_credentials(&e);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_dir(e, d, GNUTLS_X509_FMT_PEM), 5);
    ck_assert(store_has(e->store, P("rsa.crt")));

    gnutls_certificate_free_credentials(a);
    gnutls_certificate_free_credentials(b);
    gnutls_certificate_free_credentials(p);
    gnutls_certificate_free_credentials(e);
}
END_TEST

START_TEST(trust_mem)
{
    gnutls_certificate_credentials_t c;
    gnutls_datum_t d, junk = {(unsigned char *)"not a certificate", 17};

    gnutls_certificate_allocate_credentials(&c);
    ck_assert_int_eq(gnutls_load_file(P("three-cas.pem"), &d), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_PEM), 3);
    gnutls_free(d.data);
    ck_assert_int_eq(gnutls_load_file(P("rsa.crt.der"), &d), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(c, &d, GNUTLS_X509_FMT_DER), 1);
    gnutls_free(d.data);
    ck_assert_int_lt(gnutls_certificate_set_x509_trust_mem(c, &junk, GNUTLS_X509_FMT_DER), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_trust_mem(c, &junk, GNUTLS_X509_FMT_PEM), 0);
    ck_assert_uint_eq(c->ncas, 4);
    gnutls_certificate_free_credentials(c);
}
END_TEST

START_TEST(key_formats)
{
    gnutls_certificate_credentials_t c;

    gnutls_certificate_allocate_credentials(&c);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("rsa.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("rsa-pkcs1.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt.der"), P("rsa.key.der"), GNUTLS_X509_FMT_DER), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file2(c, P("rsa.crt"), P("rsa-enc.key"), GNUTLS_X509_FMT_PEM,
                                                           "secret", 0), 0);
    ck_assert_int_lt(gnutls_certificate_set_x509_key_file2(c, P("rsa.crt"), P("rsa-enc.key"), GNUTLS_X509_FMT_PEM,
                                                           "wrong", 0), 0);
    ck_assert_int_lt(gnutls_certificate_set_x509_key_file2(c, P("rsa.crt"), P("rsa-enc.key"), GNUTLS_X509_FMT_PEM,
                                                           NULL, 0), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("ed25519.crt"), P("ed25519.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("good.chain"), P("good.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("good.key"), GNUTLS_X509_FMT_PEM),
                     GNUTLS_E_CERTIFICATE_KEY_MISMATCH);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("nope.key"), GNUTLS_X509_FMT_PEM),
                     GNUTLS_E_FILE_ERROR);
    ck_assert_uint_eq(c->nkeys, 6);
    /* the chain of good.chain: leaf plus one intermediate */
    ck_assert_int_eq(sk_X509_num(c->keys[5].chain), 1);
    gnutls_certificate_free_keys(c);
    ck_assert_uint_eq(c->nkeys, 0);
    gnutls_certificate_set_flags(c, GNUTLS_CERTIFICATE_API_V2);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("rsa.crt"), P("rsa.key"), GNUTLS_X509_FMT_PEM), 0);
    ck_assert_int_eq(gnutls_certificate_set_x509_key_file(c, P("ed25519.crt"), P("ed25519.key"), GNUTLS_X509_FMT_PEM), 1);
    gnutls_certificate_free_credentials(c);
}
END_TEST

START_TEST(status_print)
{
    gnutls_datum_t out;

    ck_assert_int_eq(gnutls_certificate_verification_status_print(0, GNUTLS_CRT_X509, &out, 0), 0);
    ck_assert_str_eq((char *)out.data, "The certificate is trusted. ");
    ck_assert_uint_eq(out.size, strlen((char *)out.data));
    gnutls_free(out.data);
    ck_assert_int_eq(gnutls_certificate_verification_status_print(
                         GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_EXPIRED, GNUTLS_CRT_X509,
                         &out, 0), 0);
    ck_assert_str_eq((char *)out.data, "The certificate is NOT trusted. The certificate issuer is unknown. "
                                       "The certificate chain uses expired certificate. ");
    gnutls_free(out.data);
    /* issuer texts belong to X.509 only */
    ck_assert_int_eq(gnutls_certificate_verification_status_print(
                         GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND, GNUTLS_CRT_RAWPK, &out, 0), 0);
    ck_assert_str_eq((char *)out.data, "The certificate is NOT trusted. ");
    gnutls_free(out.data);
    ck_assert_int_eq(gnutls_certificate_verification_status_print(0, GNUTLS_CRT_X509, NULL, 0),
                     GNUTLS_E_INVALID_REQUEST);
}
END_TEST

START_TEST(dh_params)
{
    gnutls_dh_params_t p, q;
    gnutls_certificate_credentials_t c;

    ck_assert_int_eq(gnutls_dh_params_init(&p), 0);
    ck_assert_int_eq(gnutls_dh_params_generate2(p, 2048), 0);
    ck_assert_int_eq(gnutls_dh_params_init(&q), 0);
    ck_assert_int_eq(gnutls_dh_params_cpy(q, p), 0);
    ck_assert_int_eq(gnutls_dh_params_import_raw(q, &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator), 0);
    gnutls_certificate_allocate_credentials(&c);
    gnutls_certificate_set_dh_params(c, q);
    ck_assert_ptr_nonnull(c->dh);
    ck_assert_int_eq(EVP_PKEY_get_bits(c->dh), 3072);
    ck_assert_int_eq(c->dh_sec_param, GNUTLS_SEC_PARAM_HIGH); /* implied, as in GnuTLS */
    /* GnuTLS keeps the parameters; the security parameter picks the group */
    ck_assert_int_eq(gnutls_certificate_set_known_dh_params(c, GNUTLS_SEC_PARAM_MEDIUM), 0);
    ck_assert_int_eq(c->dh_sec_param, GNUTLS_SEC_PARAM_MEDIUM);
    ck_assert_ptr_nonnull(c->dh);
    gnutls_certificate_free_credentials(c);
    gnutls_dh_params_deinit(p);
    gnutls_dh_params_deinit(q);
}
END_TEST

int main(void)
{
    Suite *su;
    TCase *tc;
    SRunner *sr;
    int failures;

    if (getenv("GNOSSL_SRC") == NULL)
        return 77;
    if (corpus_generate() != 0)
        return 1;
    su = suite_create("cred-trust");
    tc = tcase_create("trust");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, counts);
    tcase_add_test(tc, system_trust);
    tcase_add_test(tc, store_cache);
    tcase_add_test(tc, store_sequence);
    tcase_add_test(tc, trust_dir);
    tcase_add_test(tc, trust_dir_cache);
    tcase_add_test(tc, trust_mem);
    tcase_add_test(tc, key_formats);
    tcase_add_test(tc, status_print);
    tcase_add_test(tc, dh_params);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (corpus_close() != 0)
        return 1;
    return failures ? 1 : 0;
}
