/* Unit tests for gnutls_rnd / gnutls_key_generate: every level fills the
 * buffer (two draws differ), bad levels fail, keys come from gnutls_malloc,
 * and forked children do not repeat their parent's stream. */
#include <check.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

START_TEST(test_levels)
{
    gnutls_rnd_level_t levels[] = { GNUTLS_RND_NONCE, GNUTLS_RND_RANDOM, GNUTLS_RND_KEY };
    for (int i = 0; i < 3; i++) {
        unsigned char a[64] = { 0 }, b[64] = { 0 };
        ck_assert_int_eq(gnutls_rnd(levels[i], a, sizeof a), 0);
        ck_assert_int_eq(gnutls_rnd(levels[i], b, sizeof b), 0);
        ck_assert(memcmp(a, b, sizeof a) != 0);
    }
    unsigned char c[8];
    ck_assert_int_eq(gnutls_rnd(GNUTLS_RND_KEY + 1, c, sizeof c), GNUTLS_E_RANDOM_FAILED);
    ck_assert_int_eq(gnutls_rnd(GNUTLS_RND_RANDOM, NULL, 0), 0);
    gnutls_rnd_refresh();
    ck_assert_int_eq(gnutls_rnd(GNUTLS_RND_RANDOM, c, sizeof c), 0);
}
END_TEST

START_TEST(test_key_generate)
{
    gnutls_datum_t k1, k2;
    ck_assert_int_eq(gnutls_key_generate(&k1, 32), 0);
    ck_assert_int_eq(gnutls_key_generate(&k2, 32), 0);
    ck_assert_uint_eq(k1.size, 32);
    ck_assert(memcmp(k1.data, k2.data, 32) != 0);
    gnutls_free(k1.data);
    gnutls_free(k2.data);
}
END_TEST

START_TEST(test_fork)
{
    int fd[2];
    unsigned char parent[32], child[32];
    ck_assert_int_eq(pipe(fd), 0);
    gnutls_rnd(GNUTLS_RND_RANDOM, parent, 1); /* the generator is running */
    pid_t pid = fork();
    if (pid == 0) {
        unsigned char x[32];
        gnutls_rnd(GNUTLS_RND_RANDOM, x, sizeof x);
        if (write(fd[1], x, sizeof x) != (ssize_t)sizeof x)
            _exit(1);
        _exit(0);
    }
    gnutls_rnd(GNUTLS_RND_RANDOM, parent, sizeof parent);
    ck_assert_int_eq(read(fd[0], child, sizeof child), (ssize_t)sizeof child);
    waitpid(pid, NULL, 0);
    ck_assert(memcmp(parent, child, sizeof parent) != 0);
    close(fd[0]);
    close(fd[1]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crypto-rnd");
    TCase *tc = tcase_create("rnd");
    tcase_add_test(tc, test_levels);
    tcase_add_test(tc, test_key_generate);
    tcase_add_test(tc, test_fork);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
