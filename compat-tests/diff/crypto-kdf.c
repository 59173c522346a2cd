/* Differential test of gnutls_hkdf_extract / gnutls_hkdf_expand /
 * gnutls_pbkdf2: every MAC id, deterministic pseudo-random keys, salts and
 * infos of many sizes (0 included), output lengths up to and past the
 * limits, iteration counts, unknown ids. */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RNG_SEED 0x6b6466313233ULL
#include "test-rng.h"
#include "hex-abbrev.h"

/* CMAC and GMAC ids are left out: GnuTLS aborts on them here */
static const int macs[] = { 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 200, 999 };

static unsigned char key[300], salt[300], info[300], out[20000], out2[20000];

int main(void)
{
    gnutls_global_init();
    for (size_t m = 0; m < sizeof macs / sizeof macs[0]; m++) {
        int mac = macs[m];
        unsigned hl = gnutls_hmac_get_len(mac);
        printf("mac %d\n", mac);

        /* extract: key and salt sizes */
        size_t ksz[] = { 0, 1, 16, 32, 64, 65, 200 };
        for (size_t i = 0; i < sizeof ksz / sizeof ksz[0]; i++) {
            size_t ssz = ksz[(i + 3) % (sizeof ksz / sizeof ksz[0])];
            fill(key, ksz[i]);
            fill(salt, ssz);
            gnutls_datum_t k = { key, (unsigned)ksz[i] }, s = { salt, (unsigned)ssz };
            memset(out, 0, 128);
            int ret = gnutls_hkdf_extract(mac, &k, &s, out);
            printf("  extract key=%zu salt=%zu ret=%d", ksz[i], ssz, ret);
            if (ret == 0)
                hex("prk", out, hl);
            printf("\n");
        }
        {
            /* NULL salt */
            gnutls_datum_t k = { key, 16 };
            memset(out, 0, 128);
            int ret = gnutls_hkdf_extract(mac, &k, NULL, out);
            printf("  extract nullsalt ret=%d", ret);
            if (ret == 0)
                hex("prk", out, hl);
            printf("\n");
        }

        /* expand: output lengths around 255 * hash length */
        size_t lens[] = { 0, 1, hl ? hl - 1 : 1, hl, hl + 1, 100, 255 * (size_t)hl, 255 * (size_t)hl + 1 };
        for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t isz = (i * 37) % 120;
            fill(key, hl ? hl : 16);
            fill(info, isz);
            gnutls_datum_t k = { key, hl ? hl : 16 }, in = { info, (unsigned)isz };
            if (lens[i] > sizeof out)
                continue;
            memset(out, 0, lens[i] + 1);
            int ret = gnutls_hkdf_expand(mac, &k, &in, out, lens[i]);
            printf("  expand len=%zu info=%zu ret=%d", lens[i], isz, ret);
            if (ret == 0)
                hex("okm", out, lens[i]);
            printf("\n");
        }
        {
            /* PRK shorter / longer than the hash */
            size_t prk[] = { 0, 1, 16, 100 };
            for (size_t i = 0; i < 4; i++) {
                fill(key, prk[i]);
                gnutls_datum_t k = { key, (unsigned)prk[i] }, in = { info, 10 };
                int ret = gnutls_hkdf_expand(mac, &k, &in, out, 42);
                printf("  expand prk=%zu ret=%d", prk[i], ret);
                if (ret == 0)
                    hex("okm", out, 42);
                printf("\n");
            }
        }

        /* pbkdf2 */
        unsigned iters[] = { 1, 2, 3, 17, 1000 }; /* 0: GnuTLS aborts */
        size_t plens[] = { 0, 1, 20, 32, 33, 64, 100, 1000 };
        for (size_t i = 0; i < sizeof iters / sizeof iters[0]; i++) {
            for (size_t j = 0; j < sizeof plens / sizeof plens[0]; j += (i == 4 ? 3 : 1)) {
                size_t pw = rng() % 70, sl = rng() % 40;
                fill(key, pw);
                fill(salt, sl);
                gnutls_datum_t k = { key, (unsigned)pw }, s = { salt, (unsigned)sl };
                memset(out, 0, plens[j] + 1);
                int ret = gnutls_pbkdf2(mac, &k, &s, iters[i], out, plens[j]);
                printf("  pbkdf2 iter=%u len=%zu pw=%zu salt=%zu ret=%d", iters[i], plens[j], pw, sl, ret);
                if (ret == 0) {
                    hex("dk", out, plens[j]);
                    /* a shorter output is a prefix */
                    if (plens[j] > 1) {
                        gnutls_pbkdf2(mac, &k, &s, iters[i], out2, plens[j] - 1);
                        printf(" prefix=%d", memcmp(out, out2, plens[j] - 1) == 0);
                    }
                }
                printf("\n");
            }
        }
    }
    gnutls_global_deinit();
    return 0;
}
