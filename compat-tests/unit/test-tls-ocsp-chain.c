/* The TLS 1.3 Certificate message parser of src/tls/ocsp-chain.c: the
 * responses of the entries after the leaf are kept by position, and any
 * truncated or corrupted message is read without harm. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

/* The library hides gnossl_* names: the parser is compiled in here. */
#include "../src/tls/ocsp-chain.c"

/* Certificate message: empty context; leaf (stapled "L"), intermediate
 * (an unrelated extension, then stapled "RESP"), root (no extension). */
static const unsigned char msg[] = {
    11, 0, 0, 50,                      /* handshake header */
    0,                                 /* certificate_request_context */
    0, 0, 46,                          /* certificate_list */
    0, 0, 2, 'c', '0', 0, 9, 0, 5, 0, 5, 1, 0, 0, 1, 'L',
    0, 0, 2, 'c', '1', 0, 16, 0, 16, 0, 0, 0, 5, 0, 8, 1, 0, 0, 4, 'R', 'E', 'S', 'P',
    0, 0, 2, 'c', '2', 0, 0,
};

static struct gnutls_session_int *new_session(void)
{
    struct gnutls_session_int *s = calloc(1, sizeof *s);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(keeps_responses_after_leaf)
{
    struct gnutls_session_int *s = new_session();
    const unsigned char *p;
    gnossl_ocsp_chain_note(s, msg, sizeof msg);
    ck_assert_int_eq(gnossl_ocsp_chain_get(s, 0, &p), -1); /* the leaf's: OpenSSL keeps it */
    ck_assert_int_eq(gnossl_ocsp_chain_get(s, 1, &p), 4);
    ck_assert_mem_eq(p, "RESP", 4);
    ck_assert_int_eq(gnossl_ocsp_chain_get(s, 2, &p), -1);
    ck_assert_int_eq(gnossl_ocsp_chain_get(s, 3, &p), -1);
    /* a later Certificate message replaces them */
    gnossl_ocsp_chain_note(s, msg, 40);
    ck_assert_int_eq(gnossl_ocsp_chain_get(s, 1, &p), -1);
    gnossl_ocsp_chain_free(s);
    free(s);
}
END_TEST

START_TEST(bad_messages_are_harmless)
{
    struct gnutls_session_int *s = new_session();
    const unsigned char *p;
    unsigned char m[sizeof msg];
    /* every truncation (read from an exact-size copy, so that ASan sees
     * any overread) */
    for (size_t n = 0; n <= sizeof msg; n++) {
        unsigned char *c = malloc(n ? n : 1);
        memcpy(c, msg, n);
        gnossl_ocsp_chain_note(s, c, n);
        long r = gnossl_ocsp_chain_get(s, 1, &p);
        ck_assert(r == -1 || (r == 4 && n == sizeof msg));
        free(c);
    }
    /* every byte changed to every value */
    for (size_t i = 0; i < sizeof msg; i++) {
        for (int v = 0; v < 256; v++) {
            memcpy(m, msg, sizeof msg);
            m[i] = (unsigned char)v;
            gnossl_ocsp_chain_note(s, m, sizeof m);
            if (gnossl_ocsp_chain_get(s, 1, &p) > 0)
                ck_assert(p < m || p >= m + sizeof m); /* a copy, never the input */
        }
    }
    gnossl_ocsp_chain_free(s);
    free(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("tls-ocsp-chain");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, keeps_responses_after_leaf);
    tcase_add_test(tc, bad_messages_are_harmless);
    suite_add_tcase(su, tc);
    SRunner *sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
