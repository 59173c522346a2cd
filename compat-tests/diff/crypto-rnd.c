/* Differential test of gnutls_rnd / gnutls_rnd_refresh / gnutls_key_generate:
 * return codes and sizes for every level and many lengths (the random bytes
 * themselves are not printed, only whether they look random). */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

/* 1 when two fills of n bytes differ and are not all zero (n >= 16) */
static int looks_random(const unsigned char *a, const unsigned char *b, size_t n)
{
    size_t zeros = 0;
    for (size_t i = 0; i < n; i++)
        zeros += a[i] == 0;
    return memcmp(a, b, n) != 0 && zeros < n;
}

int main(void)
{
    static unsigned char a[70000], b[70000];
    size_t sizes[] = { 0, 1, 2, 15, 16, 17, 31, 32, 64, 100, 1000, 4096, 65536, 65537, 70000 };
    int levels[] = { GNUTLS_RND_NONCE, GNUTLS_RND_RANDOM, GNUTLS_RND_KEY, 3, -1, 100 };

    gnutls_global_init();
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i];
            memset(a, 0, n);
            memset(b, 0, n);
            int r1 = gnutls_rnd(levels[l], a, n);
            int r2 = gnutls_rnd(levels[l], b, n);
            printf("rnd level=%d size=%zu: ret=%d,%d", levels[l], n, r1, r2);
            if (r1 == 0 && r2 == 0 && n >= 16)
                printf(" random=%d", looks_random(a, b, n));
            printf("\n");
        }
    }
    /* size 0 with a NULL buffer */
    printf("rnd null0: ret=%d\n", gnutls_rnd(GNUTLS_RND_RANDOM, NULL, 0));
    gnutls_rnd_refresh();
    printf("rnd after refresh: ret=%d\n", gnutls_rnd(GNUTLS_RND_KEY, a, 32));

    size_t ksizes[] = { 0, 1, 16, 32, 33, 64, 1000, 65536 };
    for (size_t i = 0; i < sizeof ksizes / sizeof ksizes[0]; i++) {
        gnutls_datum_t k1 = { NULL, 0 }, k2 = { NULL, 0 };
        int r1 = gnutls_key_generate(&k1, (unsigned)ksizes[i]);
        int r2 = gnutls_key_generate(&k2, (unsigned)ksizes[i]);
        printf("key_generate %zu: ret=%d,%d size=%u,%u", ksizes[i], r1, r2, k1.size, k2.size);
        if (r1 == 0 && r2 == 0 && k1.size >= 16 && k1.size == k2.size)
            printf(" random=%d", looks_random(k1.data, k2.data, k1.size));
        printf("\n");
        gnutls_free(k1.data);
        gnutls_free(k2.data);
    }
    gnutls_global_deinit();
    return 0;
}
