/* The generated stubs: every GNOSSL_STUB_* line of $GNOSSL_BUILD/stubs.c is
 * exported by the built library, returns its type's "not implemented" value,
 * logs "<name> is not implemented" once (only when logging is on), prints
 * nothing itself and leaves OpenSSL's error queue alone.
 *
 * A stub ignores its arguments (see src/unimplemented/stubs.h), so calling it
 * with none through a pointer of its return class is what a caller sees. */
#include <check.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <limits.h>
#include <openssl/err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum stub_class { S_INT, S_PTR, S_ZERO, S_TIME, S_VALUE, S_VOID };

struct stub {
    char name[128];
    enum stub_class cls;
    unsigned long value; /* for S_VALUE */
    void *fn;
};

static struct stub *stubs;
static size_t nstubs;
static void *lib;

static const char *build_dir(void)
{
    const char *b = getenv("GNOSSL_BUILD");
    return b && *b ? b : ".";
}

static int parse_class(const char *s, enum stub_class *cls)
{
    static const struct { const char *name; enum stub_class cls; } map[] = {
        {"INT", S_INT}, {"PTR", S_PTR}, {"ZERO", S_ZERO},
        {"TIME", S_TIME}, {"VALUE", S_VALUE}, {"VOID", S_VOID},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(s, map[i].name) == 0) {
            *cls = map[i].cls;
            return 0;
        }
    return -1;
}

/* Read "GNOSSL_STUB_<CLASS>(name)" and "GNOSSL_STUB_VALUE(name, VALUE)". */
static void load_stubs(void)
{
    char path[PATH_MAX], line[512];
    snprintf(path, sizeof path, "%s/stubs.c", build_dir());
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s (set GNOSSL_BUILD)", path);
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        char cls[16], name[128], value[64] = "";
        if (strncmp(line, "GNOSSL_STUB_", 12) != 0)
            continue;
        int n = sscanf(line + 12, "%15[A-Z](%127[A-Za-z0-9_], %63[A-Za-z0-9_])", cls, name, value);
        ck_assert_msg(n >= 2, "unparsable stub line: %s", line);
        if (nstubs == cap) {
            cap = cap ? cap * 2 : 256;
            stubs = realloc(stubs, cap * sizeof *stubs);
            ck_assert_ptr_nonnull(stubs);
        }
        struct stub *s = &stubs[nstubs++];
        memset(s, 0, sizeof *s);
        strcpy(s->name, name);
        ck_assert_msg(parse_class(cls, &s->cls) == 0, "unknown stub class %s", cls);
        if (s->cls == S_VALUE) {
            ck_assert_msg(strcmp(value, "GNUTLS_VERSION_UNKNOWN") == 0,
                          "stub %s: value %s not known to this test", name, value);
            s->value = GNUTLS_VERSION_UNKNOWN;
        }
        s->fn = dlsym(lib, name);
        ck_assert_msg(s->fn != NULL, "stub %s is not exported: %s", name, dlerror());
    }
    fclose(f);
}

static void setup(void)
{
    char want[PATH_MAX], path[PATH_MAX], got[PATH_MAX];
    /* The library this program is linked to must be the one under test. */
    lib = dlopen("libgnutls.so.30", RTLD_NOW | RTLD_NOLOAD);
    ck_assert_msg(lib != NULL, "libgnutls.so.30 not loaded: %s", dlerror());
    Dl_info info;
    ck_assert(dladdr(dlsym(lib, "gnutls_global_init"), &info) != 0);
    snprintf(path, sizeof path, "%s/libgnutls.so.30", build_dir());
    ck_assert(realpath(path, want) != NULL);
    ck_assert(realpath(info.dli_fname, got) != NULL);
    ck_assert_str_eq(got, want);
    load_stubs();
    ERR_clear_error();
}

static void teardown(void)
{
    free(stubs);
    stubs = NULL;
    nstubs = 0;
}

/* Log capture: one count per "<name> is not implemented" message. */
static char *log_buf;
static size_t log_len, log_cap;
static int log_other;

static void log_cb(int level, const char *msg)
{
    (void)level;
    size_t n = strlen(msg);
    if (n < sizeof " is not implemented" || strstr(msg, " is not implemented") == NULL)
        log_other++;
    if (log_len + n + 1 > log_cap) {
        log_cap = (log_len + n + 1) * 2;
        log_buf = realloc(log_buf, log_cap);
    }
    memcpy(log_buf + log_len, msg, n + 1);
    log_len += n;
}

static int count_logged(const char *name)
{
    char want[192];
    snprintf(want, sizeof want, "%s is not implemented\n", name);
    int count = 0;
    size_t wl = strlen(want);
    for (const char *p = log_buf; p && (p = strstr(p, want)) != NULL; p += wl)
        if (p == log_buf || p[-1] == '\n')
            count++;
    return count;
}

/* stdout and stderr go to a file while stubs run: it must stay empty. */
static int saved_fd[2];
static char out_path[64];

static void capture_start(void)
{
    strcpy(out_path, "/tmp/gnossl-stubs-out.XXXXXX");
    int fd = mkstemp(out_path);
    ck_assert_int_ge(fd, 0);
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < 2; i++) {
        saved_fd[i] = dup(1 + i);
        dup2(fd, 1 + i);
    }
    close(fd);
}

static long capture_stop(void)
{
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < 2; i++) {
        dup2(saved_fd[i], 1 + i);
        close(saved_fd[i]);
    }
    struct stat st;
    ck_assert_int_eq(stat(out_path, &st), 0);
    unlink(out_path);
    return (long)st.st_size;
}

/* Call one stub through a pointer of its return class; check the value. */
static void call_and_check(const struct stub *s)
{
    switch (s->cls) {
    case S_INT: {
        /* int and ssize_t callers: the full register must be -1250 */
        long r = ((long (*)(void))s->fn)();
        ck_assert_msg(r == GNUTLS_E_UNIMPLEMENTED_FEATURE, "%s returned %ld", s->name, r);
        int ri = ((int (*)(void))s->fn)();
        ck_assert_int_eq(ri, GNUTLS_E_UNIMPLEMENTED_FEATURE);
        break;
    }
    case S_PTR: {
        void *r = ((void *(*)(void))s->fn)();
        ck_assert_msg(r == NULL, "%s returned non-NULL", s->name);
        break;
    }
    case S_ZERO: {
        unsigned long r = ((unsigned long (*)(void))s->fn)();
        ck_assert_msg(r == 0, "%s returned %lu", s->name, r);
        break;
    }
    case S_TIME: {
        time_t r = ((time_t (*)(void))s->fn)();
        ck_assert_msg(r == (time_t)-1, "%s returned %ld", s->name, (long)r);
        break;
    }
    case S_VALUE: {
        unsigned long r = ((unsigned long (*)(void))s->fn)();
        ck_assert_msg(r == s->value, "%s returned %lu, want %lu", s->name, r, s->value);
        break;
    }
    case S_VOID:
        ((void (*)(void))s->fn)();
        break;
    }
}

START_TEST(stubs_exist)
{
    /* Each name once, and never more stubs than functions (1297). */
    ck_assert_uint_le(nstubs, 1297);
    for (size_t i = 0; i < nstubs; i++)
        for (size_t j = i + 1; j < nstubs; j++)
            ck_assert_msg(strcmp(stubs[i].name, stubs[j].name) != 0, "%s twice", stubs[i].name);
}
END_TEST

START_TEST(stubs_log_once_when_logging)
{
    int level = _i == 0 ? 1 : 9;
    gnutls_global_set_log_function(log_cb);
    gnutls_global_set_log_level(level);
    capture_start();
    for (size_t i = 0; i < nstubs; i++) {
        call_and_check(&stubs[i]);
        call_and_check(&stubs[i]);
    }
    long printed = capture_stop();
    ck_assert_msg(printed == 0, "stubs printed %ld bytes to stdout/stderr", printed);
    for (size_t i = 0; i < nstubs; i++)
        ck_assert_msg(count_logged(stubs[i].name) == 1, "%s logged %d times at level %d",
                      stubs[i].name, count_logged(stubs[i].name), level);
    ck_assert_int_eq(log_other, 0);
    ck_assert_uint_eq(ERR_peek_error(), 0);
}
END_TEST

START_TEST(stubs_silent_at_level_0)
{
    gnutls_global_set_log_function(log_cb);
    gnutls_global_set_log_level(0);
    capture_start();
    for (size_t i = 0; i < nstubs; i++) {
        call_and_check(&stubs[i]);
        call_and_check(&stubs[i]);
    }
    long printed = capture_stop();
    ck_assert_msg(printed == 0, "stubs printed %ld bytes to stdout/stderr", printed);
    ck_assert_msg(log_len == 0, "logged at level 0: %.200s", log_buf);
    ck_assert_uint_eq(ERR_peek_error(), 0);
}
END_TEST

START_TEST(stubs_silent_without_log_function)
{
    gnutls_global_set_log_level(9);
    capture_start();
    for (size_t i = 0; i < nstubs; i++)
        call_and_check(&stubs[i]);
    long printed = capture_stop();
    ck_assert_msg(printed == 0, "stubs printed %ld bytes to stdout/stderr", printed);
    ck_assert_uint_eq(ERR_peek_error(), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("core-stubs");
    TCase *tc = tcase_create("stubs");
    /* Each test runs in its own process: every stub's "logged once" flag
     * starts fresh in each. */
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, stubs_exist);
    tcase_add_loop_test(tc, stubs_log_once_when_logging, 0, 2);
    tcase_add_test(tc, stubs_silent_at_level_0);
    tcase_add_test(tc, stubs_silent_without_log_function);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures ? 1 : 0;
}
