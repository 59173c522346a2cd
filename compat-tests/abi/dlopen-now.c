/* Load each shared object named on the command line with RTLD_NOW, as a
 * program linking it would: every symbol must resolve, or dlerror says why.
 * Exit status: number of objects that failed to load. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
        if (h == NULL) {
            fprintf(stderr, "dlopen-now: %s\n", dlerror());
            failed++;
        }
    }
    return failed;
}
