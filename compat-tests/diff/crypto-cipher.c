/* Differential test of the gnutls_cipher_* API over every cipher OpenSSL's
 * default provider can run (CBC, GCM, ChaCha20-Poly1305, CFB8, XTS,
 * Camellia, 3DES, ChaCha20): deterministic pseudo-random keys, IVs and
 * texts of many sizes, encrypt/decrypt in place and to separate buffers,
 * IV changes, AEAD associated data and tags of several lengths, wrong key
 * and IV sizes, short output buffers, and the AEAD-only / unknown ids.
 * Not exercised: what GnuTLS itself aborts on (CBC input that is not a
 * multiple of the block size, wrong key sizes for Camellia / 3DES,
 * associated data after ChaCha20-Poly1305 data), and nettle-backend quirks
 * that gnossl deliberately does not copy: IVs shorter than the IV size
 * (GnuTLS reads past them or encrypts nothing), output buffers shorter than
 * the input (nettle writes past them; gnossl says SHORT_MEMORY_BUFFER), and
 * associated data after GCM data.
 *
 * With GNOSSL_PROBE set, every scenario runs in a child process and its
 * fate is printed: a tool for finding such cases, not part of the test. */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RNG_SEED 0x5eed5eed12345678ULL
#include "test-rng.h"
#include "probe-run.h"
#include "hex-abbrev.h"

enum mode { M_CBC, M_AEAD, M_STREAM, M_XTS, M_ONLY_AEAD };

static const struct {
    int id;
    unsigned key, iv, block;
    enum mode mode;
    int aesni; /* GnuTLS runs it through its AES-NI code (other error paths) */
} ciphers[] = {
    { GNUTLS_CIPHER_AES_128_CBC, 16, 16, 16, M_CBC, 1 },
    { GNUTLS_CIPHER_AES_192_CBC, 24, 16, 16, M_CBC, 1 },
    { GNUTLS_CIPHER_AES_256_CBC, 32, 16, 16, M_CBC, 1 },
    { GNUTLS_CIPHER_CAMELLIA_128_CBC, 16, 16, 16, M_CBC, 0 },
    { GNUTLS_CIPHER_CAMELLIA_192_CBC, 24, 16, 16, M_CBC, 0 },
    { GNUTLS_CIPHER_CAMELLIA_256_CBC, 32, 16, 16, M_CBC, 0 },
    { GNUTLS_CIPHER_3DES_CBC, 24, 8, 8, M_CBC, 0 },
    { GNUTLS_CIPHER_AES_128_GCM, 16, 12, 16, M_AEAD, 1 },
    { GNUTLS_CIPHER_AES_192_GCM, 24, 12, 16, M_AEAD, 1 },
    { GNUTLS_CIPHER_AES_256_GCM, 32, 12, 16, M_AEAD, 1 },
    { GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, 64, M_AEAD, 0 },
    { GNUTLS_CIPHER_AES_128_CFB8, 16, 16, 16, M_STREAM, 0 },
    { GNUTLS_CIPHER_AES_192_CFB8, 24, 16, 16, M_STREAM, 0 },
    { GNUTLS_CIPHER_AES_256_CFB8, 32, 16, 16, M_STREAM, 0 },
    { GNUTLS_CIPHER_CHACHA20_32, 32, 16, 64, M_STREAM, 0 },
    { GNUTLS_CIPHER_CHACHA20_64, 32, 16, 64, M_STREAM, 0 },
    { GNUTLS_CIPHER_AES_128_XTS, 32, 16, 16, M_XTS, 1 },
    { GNUTLS_CIPHER_AES_256_XTS, 64, 16, 16, M_XTS, 1 },
    { GNUTLS_CIPHER_AES_128_CCM, 16, 12, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_AES_256_CCM, 32, 12, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_AES_128_CCM_8, 16, 12, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_AES_256_CCM_8, 32, 12, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_AES_128_SIV, 32, 16, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_AES_256_SIV, 64, 16, 16, M_ONLY_AEAD, 0 },
    { GNUTLS_CIPHER_UNKNOWN, 16, 16, 16, M_ONLY_AEAD, 0 },
    { 999, 16, 16, 16, M_ONLY_AEAD, 0 },
};
#define NCIPHERS (sizeof ciphers / sizeof ciphers[0])

static unsigned char key[128], iv[64], pt[5000], ct[5000], ct2[5000], back[5000], aad[600], tag[64], tag2[64];

/* sizes of text for each mode */
static size_t text_size(enum mode m, unsigned block, int i)
{
    static const size_t any[] = { 0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 4097 };
    static const size_t blocks[] = { 0, 1, 2, 3, 4, 5, 8, 64, 256 };
    static const size_t xts[] = { 16, 17, 31, 32, 33, 48, 100, 1000, 4096 };
    if (m == M_CBC)
        return i < 9 ? blocks[i] * block : (size_t)-1;
    if (m == M_XTS)
        return i < 9 ? xts[i] : (size_t)-1;
    return i < 14 ? any[i] : (size_t)-1;
}

static void scenario_roundtrip(int c)
{
    int id = ciphers[c].id;
    enum mode m = ciphers[c].mode;
    gnutls_datum_t k = { key, ciphers[c].key }, v = { iv, ciphers[c].iv };
    gnutls_cipher_hd_t e, d;
    int ret;

    for (int i = 0;; i++) {
        size_t n = text_size(m, ciphers[c].block, i);
        if (n == (size_t)-1)
            break;
        fill(key, sizeof key);
        fill(iv, sizeof iv);
        fill(pt, n);
        fill(aad, 40);
        ret = gnutls_cipher_init(&e, id, &k, &v);
        printf("  n=%zu init=%d", n, ret);
        if (ret < 0) {
            printf("\n");
            continue;
        }
        if (m == M_AEAD) {
            /* associated data in two pieces */
            ret = gnutls_cipher_add_auth(e, aad, 13);
            printf(" aad1=%d", ret);
            ret = gnutls_cipher_add_auth(e, aad + 13, 27);
            printf(" aad2=%d", ret);
        }
        memcpy(ct, pt, n);
        ret = gnutls_cipher_encrypt(e, ct, n); /* in place */
        printf(" enc=%d", ret);
        hex("ct", ct, n);
        if (m == M_AEAD) {
            memset(tag, 0, sizeof tag);
            ret = gnutls_cipher_tag(e, tag, 16);
            printf(" tag=%d", ret);
            hex("t", tag, 16);
        }
        gnutls_cipher_deinit(e);

        ret = gnutls_cipher_init(&d, id, &k, &v);
        if (m == M_AEAD) {
            gnutls_cipher_add_auth(d, aad, 40);
        }
        memset(back, 0, n);
        ret = gnutls_cipher_decrypt2(d, ct, n, back, n);
        printf(" dec2=%d same=%d", ret, memcmp(back, pt, n) == 0);
        if (m == M_AEAD) {
            memset(tag2, 0, sizeof tag2);
            ret = gnutls_cipher_tag(d, tag2, 16);
            printf(" tag=%d same=%d", ret, memcmp(tag, tag2, 16) == 0);
        }
        gnutls_cipher_deinit(d);
        printf("\n");
    }
}

/* A long-lived handle: several messages, in chunks, IV resets. */
static void scenario_stream(int c)
{
    int id = ciphers[c].id;
    enum mode m = ciphers[c].mode;
    gnutls_datum_t k = { key, ciphers[c].key }, v = { iv, ciphers[c].iv };
    gnutls_cipher_hd_t e;
    unsigned block = m == M_CBC ? ciphers[c].block : (m == M_XTS ? 16 : 1);
    int ret;

    fill(key, sizeof key);
    fill(iv, sizeof iv);
    ret = gnutls_cipher_init(&e, id, &k, &v);
    printf("  stream init=%d", ret);
    if (ret < 0) {
        printf("\n");
        return;
    }
    /* chunks: for AEAD (GCM) only the last chunk may be partial, and
     * ChaCha20-Poly1305 takes whole 64-byte blocks */
    size_t n = 640;
    fill(pt, n);
    size_t off = 0;
    while (off < n) {
        size_t chunk;
        if (m == M_AEAD)
            chunk = 64 * (1 + rng() % 3);
        else if (m == M_XTS)
            chunk = n - off; /* XTS: one data unit per call */
        else
            chunk = block * (1 + rng() % 7);
        if (chunk > n - off)
            chunk = n - off;
        ret = gnutls_cipher_encrypt2(e, pt + off, chunk, ct + off, chunk);
        if (ret < 0)
            printf(" enc2=%d", ret);
        off += chunk;
    }
    hex("ct", ct, n);
    if (m == M_AEAD) {
        ret = gnutls_cipher_tag(e, tag, 16);
        printf(" tag=%d", ret);
        hex("t", tag, 16);
    }
    /* a new IV starts a new message */
    fill(iv, ciphers[c].iv);
    gnutls_cipher_set_iv(e, iv, ciphers[c].iv);
    ret = gnutls_cipher_encrypt2(e, pt, 64, ct, 64);
    printf(" after-setiv enc2=%d", ret);
    hex("ct", ct, 64);
    if (m == M_AEAD) {
        ret = gnutls_cipher_tag(e, tag, 16);
        printf(" tag=%d", ret);
        hex("t", tag, 16);
        /* shorter tags are prefixes */
        gnutls_cipher_set_iv(e, iv, ciphers[c].iv);
        gnutls_cipher_encrypt2(e, pt, 64, ct2, 64);
        memset(tag2, 0, sizeof tag2);
        ret = gnutls_cipher_tag(e, tag2, 12);
        printf(" tag12=%d", ret);
        hex("t", tag2, 16);
        /* add_auth after data */
        gnutls_cipher_set_iv(e, iv, ciphers[c].iv);
        gnutls_cipher_encrypt2(e, pt, 64, ct2, 64);
    } else {
        ret = gnutls_cipher_add_auth(e, aad, 16);
        printf(" aad=%d", ret);
        ret = gnutls_cipher_tag(e, tag, 16);
        printf(" tag=%d", ret);
    }
    gnutls_cipher_deinit(e);
    printf("\n");
}

/* One line of scenario_bad: init with key k and IV v (the `what` of size
 * n is under test) and, when that works, encrypt one block of pt. */
static void init_encrypt(int c, const gnutls_datum_t *k, const gnutls_datum_t *v, const char *what, unsigned n)
{
    gnutls_cipher_hd_t e;
    int ret = gnutls_cipher_init(&e, ciphers[c].id, k, v);
    printf("  %s=%u init=%d", what, n, ret);
    if (ret == 0) {
        memcpy(ct, pt, 64);
        ret = gnutls_cipher_encrypt(e, ct, ciphers[c].mode == M_CBC ? ciphers[c].block : 16);
        printf(" enc=%d", ret);
        hex("ct", ct, 16);
        gnutls_cipher_deinit(e);
    }
    printf("\n");
}

/* Bad parameters: key and IV sizes, NULL IV, short outputs. */
static void scenario_bad(int c)
{
    int id = ciphers[c].id;
    enum mode m = ciphers[c].mode;
    unsigned ks = ciphers[c].key, ivs = ciphers[c].iv;
    unsigned keysizes[] = { 0, 1, ks - 1, ks + 1, 64, 16, 24, 32 };
    if (id == GNUTLS_CIPHER_3DES_CBC || (id >= GNUTLS_CIPHER_CAMELLIA_128_CBC && id <= GNUTLS_CIPHER_CAMELLIA_256_CBC) ||
        id == GNUTLS_CIPHER_CAMELLIA_192_CBC)
        return;
    unsigned ivsizes[] = { 0, 1, 8, 12, 15, 16, 17, 32 };
    gnutls_cipher_hd_t e;
    int ret;

    fill(key, sizeof key);
    fill(iv, sizeof iv);
    for (size_t i = 0; i < sizeof keysizes / sizeof keysizes[0]; i++) {
        gnutls_datum_t k = { key, keysizes[i] }, v = { iv, ivs };
        init_encrypt(c, &k, &v, "key", keysizes[i]);
    }
    for (size_t i = 0; i < sizeof ivsizes / sizeof ivsizes[0]; i++) {
        gnutls_datum_t k = { key, ks }, v = { iv, ivsizes[i] };
        if (!ciphers[c].aesni && ivsizes[i] < ivs && m != M_ONLY_AEAD)
            continue;
        init_encrypt(c, &k, &v, "iv", ivsizes[i]);
    }
    {
        gnutls_datum_t k = { key, ks };
        ret = gnutls_cipher_init(&e, id, &k, NULL);
        printf("  nulliv init=%d\n", ret);
        if (ret == 0)
            gnutls_cipher_deinit(e);
    }
}

static void scenario_short_out(int c)
{
    int id = ciphers[c].id;
    enum mode m = ciphers[c].mode;
    gnutls_datum_t k = { key, ciphers[c].key }, v = { iv, ciphers[c].iv };
    gnutls_cipher_hd_t e;
    size_t n = m == M_CBC ? 2 * ciphers[c].block : 32;
    int ret;

    fill(key, sizeof key);
    fill(iv, sizeof iv);
    if (!ciphers[c].aesni)
        return;
    ret = gnutls_cipher_init(&e, id, &k, &v);
    if (ret < 0)
        return;
    ret = gnutls_cipher_encrypt2(e, pt, n, ct, n - 1);
    printf("  short enc2=%d", ret);
    ret = gnutls_cipher_decrypt2(e, pt, n, ct, n - 1);
    printf(" short dec2=%d", ret);
    ret = gnutls_cipher_encrypt2(e, pt, n, ct, n + 5);
    printf(" long enc2=%d\n", ret);
    gnutls_cipher_deinit(e);
}

/* gnutls_cipher_encrypt3 / decrypt3 with and without PKCS#7 padding */
static void scenario_pad(int c)
{
    int id = ciphers[c].id;
    enum mode m = ciphers[c].mode;
    gnutls_datum_t k = { key, ciphers[c].key }, v = { iv, ciphers[c].iv };
    static const size_t sizes[] = { 0, 1, 7, 8, 15, 16, 17, 33, 64 };
    gnutls_cipher_hd_t e, d;
    int ret;

    if (m == M_AEAD) /* GnuTLS's GCM / Poly1305 quirks are covered above */
        return;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        if (m == M_XTS && n < 16)
            continue;
        for (unsigned flags = 0; flags < 2; flags++) {
            size_t clen = 0;
            fill(key, sizeof key);
            fill(iv, sizeof iv);
            fill(pt, n);
            if (gnutls_cipher_init(&e, id, &k, &v) < 0)
                return;
            ret = gnutls_cipher_encrypt3(e, pt, n, NULL, &clen, flags);
            printf("  pad n=%zu flags=%u query=%d clen=%zu", n, flags, ret, clen);
            /* unpadded block ciphers need whole blocks: GnuTLS aborts */
            if (!flags && m == M_CBC && n % ciphers[c].block) {
                printf("\n");
                gnutls_cipher_deinit(e);
                continue;
            }
            size_t short_len = clen ? clen - 1 : 0;
            /* short buffers: see the top comment (nettle ciphers) */
            if (clen && ciphers[c].aesni) {
                ret = gnutls_cipher_encrypt3(e, pt, n, ct, &short_len, flags);
                printf(" short=%d", ret);
            }
            size_t got = sizeof ct;
            ret = gnutls_cipher_encrypt3(e, pt, n, ct, &got, flags);
            printf(" enc=%d len=%zu", ret, got);
            if (ret == 0)
                hex("ct", ct, got);
            gnutls_cipher_deinit(e);
            if (ret < 0) {
                printf("\n");
                continue;
            }
            gnutls_cipher_init(&d, id, &k, &v);
            size_t plen = got;
            memset(back, 0, sizeof back);
            ret = gnutls_cipher_decrypt3(d, ct, got, back, &plen, flags);
            printf(" dec=%d plen=%zu same=%d", ret, plen, ret == 0 && plen == n && memcmp(back, pt, n) == 0);
            gnutls_cipher_deinit(d);
            if (flags && got) {
                /* garbage: the last byte decides */
                gnutls_cipher_init(&d, id, &k, &v);
                fill(ct2, got);
                plen = got;
                ret = gnutls_cipher_decrypt3(d, ct2, got, back, &plen, flags);
                printf(" garbage=%d plen=%zu", ret, plen);
                gnutls_cipher_deinit(d);
            }
            printf("\n");
        }
    }
}

static void (*const scenarios[])(int) = { scenario_roundtrip, scenario_stream, scenario_bad, scenario_short_out,
                                          scenario_pad };
static const char *const scenario_names[] = { "roundtrip", "stream", "bad", "short_out", "pad" };

int main(void)
{
    gnutls_global_init();
    for (size_t c = 0; c < NCIPHERS; c++) {
        printf("cipher %d\n", ciphers[c].id);
        for (size_t s = 0; s < sizeof scenarios / sizeof scenarios[0]; s++) {
            printf(" %s\n", scenario_names[s]);
            probe_run(scenarios[s], (int)c, scenario_names[s]);
        }
    }
    gnutls_global_deinit();
    return 0;
}
