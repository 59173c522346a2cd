/* Differential: the functions GnuTLS 3.7.9 itself leaves unimplemented
 * (compat-tests/gnutls-unimplemented.tsv: OpenPGP, TPM, system keys) give
 * the table's answer on the real library and on gnossl.  Each is called with
 * null arguments: in both libraries it is a constant return that reads none.
 * A wrong answer fails the run, so the reference run checks the table. */
#include <dlfcn.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef int (*int_fn)(void *, void *, void *, void *, void *, void *);
typedef time_t (*time_fn)(void *, void *, void *, void *, void *, void *);
typedef void (*void_fn)(void *, void *, void *, void *, void *, void *);

/* Calls NAME as the table's answer says it returns; prints what it gave. */
static int check(const char *name, const char *answer)
{
    void *sym = dlsym(RTLD_DEFAULT, name);
    if (sym == NULL) {
        printf("%s: not exported\n", name);
        return 1;
    }
    if (strcmp(answer, "void") == 0) {
        ((void_fn)sym)(NULL, NULL, NULL, NULL, NULL, NULL);
        printf("%s: void\n", name);
        return 0;
    }
    long want = strcmp(answer, "GNUTLS_E_UNIMPLEMENTED_FEATURE") == 0
                    ? GNUTLS_E_UNIMPLEMENTED_FEATURE
                    : strtol(answer, NULL, 10);
    long got = want == -1 ? (long)((time_fn)sym)(NULL, NULL, NULL, NULL, NULL, NULL)
                          : ((int_fn)sym)(NULL, NULL, NULL, NULL, NULL, NULL);
    printf("%s: %ld%s\n", name, got, got == want ? "" : " (table says otherwise)");
    return got != want;
}

int main(void)
{
    const char *src = getenv("GNOSSL_SRC");
    char path[4096], line[1024];
    snprintf(path, sizeof path, "%s/compat-tests/gnutls-unimplemented.tsv", src ? src : ".");
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    gnutls_global_init();
    int bad = 0, n = 0, header = 1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *name = strtok(line, "\t\n"), *answer = strtok(NULL, "\t\n");
        if (header) { /* the column names */
            header = 0;
            continue;
        }
        if (name == NULL || answer == NULL) {
            printf("malformed line\n");
            bad = 1;
            continue;
        }
        bad |= check(name, answer);
        n++;
    }
    fclose(f);
    gnutls_global_deinit();
    printf("%d functions checked\n", n);
    return bad || n == 0;
}
