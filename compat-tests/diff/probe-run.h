/* Runs one scenario of a differential program.  With GNOSSL_PROBE set it
 * runs in a child process and a death by signal is printed: a tool for
 * finding inputs GnuTLS itself aborts on, not part of the test. */
#ifndef PROBE_RUN_H
#define PROBE_RUN_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static inline void probe_run(void (*fn)(int), int arg, const char *name)
{
    if (getenv("GNOSSL_PROBE") == NULL) {
        fn(arg);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fn(arg);
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (!WIFEXITED(st))
        printf("  !!! %s died with signal %d\n", name, WTERMSIG(st));
}

#endif
