/* Differential test of the hash and HMAC API: every digest / MAC id
 * (OpenSSL-backed ones; GOST, Streebog and UMAC exist only in GnuTLS's
 * nettle backend and are left out, as is MD2, which OpenSSL has only in
 * its legacy provider), deterministic pseudo-random inputs of
 * many sizes fed in random chunks, output-and-continue, copies, the one-shot
 * functions, key sizes, and unknown ids. */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RNG_SEED 0x0123456789abcdefULL
#include "test-rng.h"

static void hex(const char *label, const unsigned char *p, size_t n)
{
    printf(" %s=", label);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

static const size_t sizes[] = { 0, 1, 3, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 135, 136, 137, 1000, 4097 };
#define NSIZES (sizeof sizes / sizeof sizes[0])

/* ids tried: the OpenSSL-backed ones plus unknown / reserved values */
static const int digest_ids[] = { 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 99, 200, 201, 209, 210, -1 };
static const int mac_ids[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 99, 200, 203, 204, 205, 206, 207, 209, 210, -1 };

static unsigned char data[5000];

static void test_hash(int id)
{
    unsigned len = gnutls_hash_get_len(id);
    unsigned char out[128], out2[128];
    gnutls_hash_hd_t h;
    int ret;

    printf("hash %d: len=%u\n", id, len);
    ret = gnutls_hash_init(&h, id);
    printf("  init ret=%d\n", ret);
    if (ret < 0) {
        memset(out, 0, sizeof out);
        ret = gnutls_hash_fast(id, "abc", 3, out);
        printf("  fast ret=%d\n", ret);
        return;
    }
    if (len > sizeof out)
        len = sizeof out;

    for (size_t s = 0; s < NSIZES; s++) {
        size_t n = sizes[s];
        fill(data, n);
        /* random chunking */
        size_t off = 0;
        while (off < n) {
            size_t c = rng() % (n - off + 1);
            ret = gnutls_hash(h, data + off, c);
            if (ret < 0)
                printf("  hash ret=%d\n", ret);
            off += c;
        }
        /* a copy taken before output must give the same value */
        gnutls_hash_hd_t c = gnutls_hash_copy(h);
        memset(out, 0, sizeof out);
        gnutls_hash_output(h, out); /* output also resets */
        printf("  size=%zu copy=%s", n, c ? "yes" : "no");
        hex("md", out, len);
        if (c) {
            memset(out2, 0, sizeof out2);
            gnutls_hash_deinit(c, out2);
            printf(" copy_same=%d", memcmp(out, out2, len) == 0);
        }
        memset(out2, 0, sizeof out2);
        ret = gnutls_hash_fast(id, data, n, out2);
        printf(" fast ret=%d same=%d\n", ret, memcmp(out, out2, len) == 0);
    }
    /* after output the handle starts over: empty input again */
    memset(out, 0, sizeof out);
    gnutls_hash_output(h, out);
    hex("  empty-after-reset", out, len);
    printf("\n");
    gnutls_hash(h, "abc", 3);
    memset(out, 0, sizeof out);
    gnutls_hash_deinit(h, out);
    hex("  deinit-abc", out, len);
    printf("\n");
    ret = gnutls_hash_init(&h, id);
    gnutls_hash(h, "x", 1);
    gnutls_hash_deinit(h, NULL);
    printf("  init/deinit(NULL) ret=%d\n", ret);
}

static void test_hmac(int id)
{
    unsigned len = gnutls_hmac_get_len(id);
    unsigned ksize = gnutls_hmac_get_key_size(id);
    unsigned char out[128], out2[128], key[300], nonce[32];
    size_t keysizes[] = { 0, 1, 16, 32, 63, 64, 65, 128, 129, 200, 300 };
    gnutls_hmac_hd_t h;
    int ret;

    printf("hmac %d: len=%u keysize=%u\n", id, len, ksize);
    if (len > sizeof out)
        len = sizeof out;
    size_t nkeys = sizeof keysizes / sizeof keysizes[0];
    /* CMAC / GMAC: GnuTLS aborts on a key of the wrong size, so only the
     * right one is tried */
    if (id >= 203 && id <= 207) {
        keysizes[0] = ksize;
        nkeys = 1;
    }
    for (size_t k = 0; k < nkeys; k++) {
        size_t kl = keysizes[k];
        fill(key, kl);
        ret = gnutls_hmac_init(&h, id, key, kl);
        printf("  key=%zu init ret=%d", kl, ret);
        if (ret < 0) {
            ret = gnutls_hmac_fast(id, key, kl, "abc", 3, out);
            printf(" fast ret=%d\n", ret);
            continue;
        }
        printf("\n");
        /* GMAC needs a nonce; for HMAC it is ignored */
        fill(nonce, 12);
        gnutls_hmac_set_nonce(h, nonce, 12);
        for (size_t s = 0; s < NSIZES; s += (kl > 64 ? 5 : 1)) {
            size_t n = sizes[s];
            fill(data, n);
            size_t off = 0;
            while (off < n) {
                size_t c = rng() % (n - off + 1);
                ret = gnutls_hmac(h, data + off, c);
                if (ret < 0)
                    printf("  hmac ret=%d\n", ret);
                off += c;
            }
            gnutls_hmac_hd_t c = gnutls_hmac_copy(h);
            memset(out, 0, sizeof out);
            gnutls_hmac_output(h, out);
            printf("    size=%zu copy=%s", n, c ? "yes" : "no");
            hex("mac", out, len);
            if (c) {
                memset(out2, 0, sizeof out2);
                gnutls_hmac_deinit(c, out2);
                printf(" copy_same=%d", memcmp(out, out2, len) == 0);
            }
            memset(out2, 0, sizeof out2);
            ret = gnutls_hmac_fast(id, key, kl, data, n, out2);
            printf(" fast ret=%d same=%d\n", ret, memcmp(out, out2, len) == 0);
            if (id >= 205 && id <= 207) /* GMAC: a fresh nonce for every message */
                gnutls_hmac_set_nonce(h, nonce, 12);
        }
        memset(out, 0, sizeof out);
        gnutls_hmac_output(h, out);
        hex("    empty-after-reset", out, len);
        printf("\n");
        /* GnuTLS's GMAC carries on from the last tag when no new nonce is
         * given, which no other implementation reproduces: always set one */
        gnutls_hmac_set_nonce(h, nonce, 12);
        gnutls_hmac(h, "abc", 3);
        memset(out, 0, sizeof out);
        gnutls_hmac_deinit(h, out);
        hex("    deinit-abc", out, len);
        printf("\n");
    }
    /* a NULL key with size 0 */
    if (id >= 203 && id <= 207)
        return;
    ret = gnutls_hmac_init(&h, id, NULL, 0);
    printf("  nullkey init ret=%d\n", ret);
    if (ret == 0)
        gnutls_hmac_deinit(h, NULL);
}

int main(void)
{
    gnutls_global_init();
    /* sizes for every id, the GOST / UMAC ones included */
    for (int id = -1; id <= 215; id++) {
        if (id == 21)
            id = 199;
        printf("sizes %d: hash=%u hmac=%u key=%u\n", id, gnutls_hash_get_len(id), gnutls_hmac_get_len(id),
               gnutls_hmac_get_key_size(id));
    }
    for (size_t i = 0; i < sizeof digest_ids / sizeof digest_ids[0]; i++)
        test_hash(digest_ids[i]);
    for (size_t i = 0; i < sizeof mac_ids / sizeof mac_ids[0]; i++)
        test_hmac(mac_ids[i]);
    gnutls_global_deinit();
    return 0;
}
