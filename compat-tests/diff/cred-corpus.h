/* The key and certificate corpus of the cred-* differential programs and
 * unit tests: the directory given as argv[1], or one generated into /tmp
 * with $GNOSSL_SRC/compat-tests/shell/cred-corpus.sh and removed at the end. */
#ifndef CRED_CORPUS_H
#define CRED_CORPUS_H

#include <stdio.h>
#include <stdlib.h>

static const char *corpus_dir;
static char corpus_tmp[] = "/tmp/cred-corpus-XXXXXX";
static int corpus_generated;

/* The path of `name` in the corpus (eight calls may be in use at once). */
static inline const char *P(const char *name)
{
    static char buf[8][1024];
    static int n;
    char *b = buf[n++ % 8];
    snprintf(b, 1024, "%s/%s", corpus_dir, name);
    return b;
}

/* Generates the corpus into a fresh directory: 0, or -1 (said on stderr). */
static inline int corpus_generate(void)
{
    char cmd[2048];
    const char *src = getenv("GNOSSL_SRC");

    if (src == NULL || mkdtemp(corpus_tmp) == NULL) {
        fprintf(stderr, "need a corpus dir or GNOSSL_SRC\n");
        return -1;
    }
    corpus_dir = corpus_tmp;
    snprintf(cmd, sizeof(cmd), "bash '%s/compat-tests/shell/cred-corpus.sh' '%s' >/dev/null 2>&1", src, corpus_dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "corpus generation failed\n");
        return -1;
    }
    corpus_generated = 1;
    return 0;
}

/* 0 once corpus_dir holds the corpus: argv[1], or generated; -1 when not. */
static inline int corpus_open(int argc, char **argv)
{
    if (argc > 1) {
        corpus_dir = argv[1];
        return 0;
    }
    return corpus_generate();
}

/* Removes a generated corpus; -1 when that fails. */
static inline int corpus_close(void)
{
    char cmd[2048];

    if (!corpus_generated)
        return 0;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", corpus_dir);
    return system(cmd) != 0 ? -1 : 0;
}

#endif
