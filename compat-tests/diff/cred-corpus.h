/* The key and certificate corpus of the cred-* differential programs: the
 * directory given as argv[1], or one generated into /tmp with
 * $GNOSSL_SRC/compat-tests/shell/cred-corpus.sh and removed at the end. */
#ifndef CRED_CORPUS_H
#define CRED_CORPUS_H

#include <stdio.h>
#include <stdlib.h>

static const char *dir;
static char corpus_tmp[] = "/tmp/cred-corpus-XXXXXX";
static int corpus_generated;

/* The path of `name` in the corpus (eight calls may be in use at once). */
static inline const char *P(const char *name)
{
    static char buf[8][1024];
    static int n;
    char *b = buf[n++ % 8];
    snprintf(b, 1024, "%s/%s", dir, name);
    return b;
}

/* 0 once `dir` holds the corpus; -1 (said on stderr) when it cannot. */
static inline int corpus_open(int argc, char **argv)
{
    char cmd[2048];
    const char *src = getenv("GNOSSL_SRC");

    if (argc > 1) {
        dir = argv[1];
        return 0;
    }
    if (src == NULL || mkdtemp(corpus_tmp) == NULL) {
        fprintf(stderr, "need a corpus dir or GNOSSL_SRC\n");
        return -1;
    }
    dir = corpus_tmp;
    snprintf(cmd, sizeof(cmd), "bash '%s/compat-tests/shell/cred-corpus.sh' '%s' >/dev/null 2>&1", src, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "corpus generation failed\n");
        return -1;
    }
    corpus_generated = 1;
    return 0;
}

/* Removes a generated corpus; -1 when that fails. */
static inline int corpus_close(void)
{
    char cmd[2048];

    if (!corpus_generated)
        return 0;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) != 0 ? -1 : 0;
}

#endif
