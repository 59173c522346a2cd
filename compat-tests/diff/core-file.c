/* Differential: gnutls_load_file on present, empty, missing and directory paths. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void load(const char *label, const char *path)
{
    gnutls_datum_t d = {NULL, 0};
    int r = gnutls_load_file(path, &d);
    printf("%s: %d", label, r);
    if (r == 0) {
        printf(" size=%u nul=%d", d.size, d.data[d.size] == 0);
        unsigned long sum = 0;
        for (unsigned i = 0; i < d.size; i++)
            sum = sum * 31 + d.data[i];
        printf(" sum=%lu", sum);
        gnutls_free(d.data);
    }
    printf("\n");
}

int main(void)
{
    char dir[] = "/tmp/gnossl-load-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char small[512], empty[512], big[512];
    snprintf(small, sizeof small, "%s/small", dir);
    snprintf(empty, sizeof empty, "%s/empty", dir);
    snprintf(big, sizeof big, "%s/big", dir);
    FILE *f = fopen(small, "w");
    fputs("hello, world\n", f);
    fclose(f);
    fclose(fopen(empty, "w"));
    f = fopen(big, "w");
    for (int i = 0; i < 300000; i++)
        fputc('a' + i % 26, f);
    fclose(f);
    load("small", small);
    load("empty", empty);
    load("big", big);
    load("missing", "/nonexistent/gnossl");
    load("directory", dir);
    unlink(small);
    unlink(empty);
    unlink(big);
    rmdir(dir);
    return 0;
}
