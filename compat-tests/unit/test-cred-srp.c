/* Unit tests of the SRP credentials (src/cred/srp.c, srp-tls.c): bad input
 * gives GnuTLS codes and never a crash (including a tpasswd salt that is
 * not base64, which crashes GnuTLS 3.7.9 itself, hence not in the
 * differential test); the fake salt seed's length cap; and client
 * handshakes from several threads at once, each of which must reach the
 * server under its own username (the client's username is staged through
 * a shared template SSL_CTX under a lock). */
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "cred/srp-int.h"

static const gnutls_datum_t salt = {(unsigned char *)"0123456789", 10};
static char dir[] = "/tmp/test-cred-srp-XXXXXX";
static char pfile[128], cfile[128];

/* setup runs outside the tests: no ck_assert there */
#define REQ(x)                                                                                   \
    do {                                                                                         \
        if (!(x)) {                                                                              \
            fprintf(stderr, "setup failed: %s\n", #x);                                         \
            exit(1);                                                                             \
        }                                                                                        \
    } while (0)

static void write_files(void)
{
    FILE *pf, *cf;
    gnutls_datum_t n64, g64, s64;

    REQ(mkdtemp(dir) != NULL);
    snprintf(pfile, sizeof(pfile), "%s/tpasswd", dir);
    snprintf(cfile, sizeof(cfile), "%s/tpasswd.conf", dir);
    pf = fopen(pfile, "w");
    cf = fopen(cfile, "w");
    REQ(pf != NULL && cf != NULL);
    REQ(gnutls_srp_base64_encode2(&gnutls_srp_2048_group_prime, &n64) == 0);
    REQ(gnutls_srp_base64_encode2(&gnutls_srp_2048_group_generator, &g64) == 0);
    REQ(gnutls_srp_base64_encode2(&salt, &s64) == 0);
    fprintf(cf, "1:%s:%s\n", n64.data, g64.data);
    for (int i = 0; i < 8; i++) {
        char user[16], pass[16];
        gnutls_datum_t v, v64;
        snprintf(user, sizeof(user), "user%d", i);
        snprintf(pass, sizeof(pass), "pass%d", i);
        REQ(gnutls_srp_verifier(user, pass, &salt, &gnutls_srp_2048_group_generator,
                                             &gnutls_srp_2048_group_prime, &v) == 0);
        REQ(gnutls_srp_base64_encode2(&v, &v64) == 0);
        fprintf(pf, "%s:%s:%s:1\n", user, v64.data, s64.data);
        gnutls_free(v.data);
        gnutls_free(v64.data);
    }
    /* damaged entries */
    fprintf(pf, "badsalt:abcd:%%%%%%:1\nbadv:!!!!:%s:1\nempty:::\n", s64.data);
    fclose(pf);
    fclose(cf);
    gnutls_free(n64.data);
    gnutls_free(g64.data);
    gnutls_free(s64.data);
}

static void remove_files(void)
{
    unlink(pfile);
    unlink(cfile);
    rmdir(dir);
}

/* One SRP handshake over a socketpair, client and server in this thread.
 * Returns the server's result; *user_seen gets what the server reported. */
static int handshake(const char *user, const char *pass, char *user_seen, size_t seen_size)
{
    gnutls_srp_client_credentials_t cc;
    gnutls_srp_server_credentials_t sc;
    gnutls_session_t c, s;
    int fds[2], rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, cdone = 0, sdone = 0;
    const char *prio = "NORMAL:-KX-ALL:+SRP";

    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    ck_assert_int_eq(gnutls_srp_allocate_client_credentials(&cc), 0);
    ck_assert_int_eq(gnutls_srp_allocate_server_credentials(&sc), 0);
    ck_assert_int_eq(gnutls_srp_set_client_credentials(cc, user, pass), 0);
    ck_assert_int_eq(gnutls_srp_set_server_credentials_file(sc, pfile, cfile), 0);
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_SRP, sc);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_SRP, cc);
    gnutls_transport_set_int(c, fds[1]);
    for (int i = 0; i < 4000 && !(cdone && sdone); i++) {
        if (!cdone && ((rc = gnutls_handshake(c)) == 0 || gnutls_error_is_fatal(rc)))
            cdone = 1;
        if (!sdone && ((rs = gnutls_handshake(s)) == 0 || gnutls_error_is_fatal(rs)))
            sdone = 1;
        if (!(cdone && sdone) && (i % 64) == 63)
            usleep(1000);
    }
    if (user_seen != NULL) {
        const char *u = gnutls_srp_server_get_username(s);
        snprintf(user_seen, seen_size, "%s", u != NULL ? u : "(null)");
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    gnutls_srp_free_client_credentials(cc);
    gnutls_srp_free_server_credentials(sc);
    close(fds[0]);
    close(fds[1]);
    return rs;
}

START_TEST(bad_input)
{
    gnutls_srp_client_credentials_t cc;
    gnutls_srp_server_credentials_t sc;
    gnutls_datum_t v = {NULL, 0};
    const gnutls_datum_t zero = {(unsigned char *)"\0", 1};

    ck_assert_int_eq(gnutls_srp_allocate_client_credentials(NULL), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_allocate_server_credentials(NULL), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_allocate_client_credentials(&cc), 0);
    ck_assert_int_eq(gnutls_srp_allocate_server_credentials(&sc), 0);
    ck_assert_int_eq(gnutls_srp_set_client_credentials(cc, NULL, "x"), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_set_client_credentials(cc, "x", NULL), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_set_client_credentials(NULL, "x", "y"), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_set_server_credentials_file(sc, NULL, cfile), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_set_server_credentials_file(sc, pfile, "/nonexistent/conf"), GNUTLS_E_FILE_ERROR);
    gnutls_srp_set_client_credentials_function(NULL, NULL);
    gnutls_srp_set_server_credentials_function(NULL, NULL);
    gnutls_srp_set_server_fake_salt_seed(NULL, &salt, 4);
    gnutls_srp_set_server_fake_salt_seed(sc, NULL, 4);
    gnutls_srp_set_prime_bits(NULL, 1024);
    ck_assert_ptr_null(gnutls_srp_server_get_username(NULL));
    ck_assert_int_eq(gnutls_srp_verifier(NULL, "p", &salt, &gnutls_srp_1024_group_generator,
                                         &gnutls_srp_1024_group_prime, &v), GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_eq(gnutls_srp_verifier("u", "p", &salt, &gnutls_srp_1024_group_generator, NULL, &v),
                     GNUTLS_E_INVALID_REQUEST);
    ck_assert_int_lt(gnutls_srp_verifier("u", "p", &salt, &gnutls_srp_1024_group_generator, &zero, &v), 0);
    gnutls_srp_free_client_credentials(NULL);
    gnutls_srp_free_server_credentials(NULL);
    gnutls_srp_free_client_credentials(cc);
    gnutls_srp_free_server_credentials(sc);
}
END_TEST

START_TEST(fake_salt_cap)
{
    gnutls_srp_server_credentials_t sc;
    unsigned char big[200];

    memset(big, 7, sizeof(big));
    gnutls_datum_t seed = {big, sizeof(big)};
    ck_assert_int_eq(gnutls_srp_allocate_server_credentials(&sc), 0);
    ck_assert_uint_eq(sc->salt_len, 16); /* GnuTLS's default */
    gnutls_srp_set_server_fake_salt_seed(sc, &seed, 100);
    ck_assert_uint_eq(sc->salt_len, 20); /* an HMAC-SHA1 output at most */
    ck_assert_uint_le(sc->seed_len, GNOSSL_SRP_SEED_MAX);
    gnutls_srp_set_server_fake_salt_seed(sc, &salt, 4);
    ck_assert_uint_eq(sc->salt_len, 4);
    ck_assert_uint_eq(sc->seed_len, salt.size);
    gnutls_srp_free_server_credentials(sc);
}
END_TEST

START_TEST(damaged_entries)
{
    char seen[64];

    ck_assert_int_eq(handshake("user1", "pass1", seen, sizeof(seen)), 0);
    ck_assert_str_eq(seen, "user1");
    ck_assert_int_eq(handshake("user1", "pass2", NULL, 0), GNUTLS_E_DECRYPTION_FAILED);
    ck_assert_int_eq(handshake("badsalt", "x", NULL, 0), GNUTLS_E_SRP_PWD_ERROR);
    ck_assert_int_eq(handshake("badv", "x", NULL, 0), GNUTLS_E_SRP_PWD_ERROR);
    ck_assert_int_eq(handshake("empty", "x", NULL, 0), GNUTLS_E_SRP_PWD_ERROR);
}
END_TEST

static void *thread_main(void *arg)
{
    int id = (int)(long)arg, bad = 0;

    for (int round = 0; round < 4; round++) {
        char user[16], pass[16], seen[64];
        snprintf(user, sizeof(user), "user%d", (id + round) % 8);
        snprintf(pass, sizeof(pass), "pass%d", (id + round) % 8);
        if (handshake(user, pass, seen, sizeof(seen)) != 0 || strcmp(seen, user) != 0)
            bad++;
    }
    return (void *)(long)bad;
}

START_TEST(threads)
{
    pthread_t t[4];
    long bad = 0;

    for (long i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, thread_main, (void *)i), 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    ck_assert_int_eq(bad, 0);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("cred-srp");
    TCase *tc = tcase_create("srp");
    SRunner *sr;
    int failed;

    gnutls_global_init();
    write_files();
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, fake_salt_cap);
    tcase_add_test(tc, damaged_entries);
    tcase_add_test(tc, threads);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    remove_files();
    gnutls_global_deinit();
    return failed ? 1 : 0;
}
