/* Differential test of the gnutls_aead_cipher_* API: AES-GCM, AES-CCM,
 * AES-CCM-8, ChaCha20-Poly1305 and AES-SIV over deterministic
 * pseudo-random keys, nonces, associated data and texts of many sizes;
 * nonce and tag sizes, short buffers, forged tags and truncated input; the
 * scatter/gather variants with random splits; re-keying.
 * Left out: nonces GnuTLS aborts on (CCM outside 7..13 bytes, empty SIV
 * nonces), and cases where GnuTLS misbehaves and gnossl deliberately
 * does not follow: GCM nonces other than 12 bytes (GnuTLS's AES-NI code
 * cannot decrypt what it encrypts), ChaCha20-Poly1305 nonces other than 12
 * (GnuTLS reads 12 bytes whatever the length; gnossl refuses), odd CCM tag
 * lengths (mis-encoded by GnuTLS; refused), GCM after set_key (GnuTLS keeps
 * the old GHASH key), SIV tags shorter than 16 bytes (GnuTLS truncates the
 * message instead; refused) and SIV through encryptv2/decryptv2 (GnuTLS
 * 3.7.9 encrypts the wrong bytes there).
 *
 * With GNOSSL_PROBE set, every scenario runs in a child process and its
 * fate is printed (a tool for finding cases GnuTLS itself aborts on). */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RNG_SEED 0xaead0123456789abULL
#include "test-rng.h"
#include "probe-run.h"
#include "hex-abbrev.h"

static const struct {
    int id;
    unsigned key, nonce, tag;
} ciphers[] = {
    { GNUTLS_CIPHER_AES_128_GCM, 16, 12, 16 },
    { GNUTLS_CIPHER_AES_192_GCM, 24, 12, 16 },
    { GNUTLS_CIPHER_AES_256_GCM, 32, 12, 16 },
    { GNUTLS_CIPHER_AES_128_CCM, 16, 12, 16 },
    { GNUTLS_CIPHER_AES_256_CCM, 32, 12, 16 },
    { GNUTLS_CIPHER_AES_128_CCM_8, 16, 12, 8 },
    { GNUTLS_CIPHER_AES_256_CCM_8, 32, 12, 8 },
    { GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, 16 },
    { GNUTLS_CIPHER_AES_128_SIV, 32, 16, 16 },
    { GNUTLS_CIPHER_AES_256_SIV, 64, 16, 16 },
    { GNUTLS_CIPHER_AES_128_CBC, 16, 16, 0 },
    { GNUTLS_CIPHER_UNKNOWN, 16, 12, 16 },
};
#define NCIPHERS (sizeof ciphers / sizeof ciphers[0])

static unsigned char key[128], nonce[64], aad[700], pt[5000], ct[5100], back[5100];

static void scenario_sizes(int c)
{
    static const size_t ptsizes[] = { 0, 1, 15, 16, 17, 63, 64, 65, 100, 1000, 4097 };
    static const size_t aadsizes[] = { 0, 1, 13, 16, 17, 64, 600 };
    gnutls_datum_t k = { key, ciphers[c].key };
    gnutls_aead_cipher_hd_t h;
    int ret;

    fill(key, sizeof key);
    ret = gnutls_aead_cipher_init(&h, ciphers[c].id, &k);
    printf("  init=%d\n", ret);
    if (ret < 0)
        return;
    for (size_t i = 0; i < sizeof ptsizes / sizeof ptsizes[0]; i++) {
        size_t n = ptsizes[i], a = aadsizes[i % (sizeof aadsizes / sizeof aadsizes[0])];
        fill(nonce, ciphers[c].nonce);
        fill(aad, a);
        fill(pt, n);
        size_t clen = sizeof ct;
        ret = gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, a, 0, pt, n, ct, &clen);
        printf("   n=%zu aad=%zu enc=%d clen=%zu", n, a, ret, clen);
        if (ret < 0) {
            printf("\n");
            continue;
        }
        hex("ct", ct, clen);
        size_t plen = sizeof back;
        ret = gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, a, 0, ct, clen, back, &plen);
        printf(" dec=%d plen=%zu same=%d", ret, plen, ret == 0 && plen == n && memcmp(back, pt, n) == 0);
        /* forged: flip a bit of the tag, of the text, of the aad */
        ct[clen - 1] ^= 0x80;
        plen = sizeof back;
        printf(" forged-tag=%d", gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, a, 0, ct, clen, back, &plen));
        ct[clen - 1] ^= 0x80;
        if (n > 0) {
            ct[0] ^= 1;
            plen = sizeof back;
            printf(" forged-ct=%d", gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, a, 0, ct, clen, back, &plen));
            ct[0] ^= 1;
        }
        if (a > 0) {
            aad[a - 1] ^= 1;
            plen = sizeof back;
            printf(" forged-aad=%d", gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, a, 0, ct, clen, back, &plen));
            aad[a - 1] ^= 1;
        }
        /* truncated by one byte */
        plen = sizeof back;
        printf(" trunc=%d", gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, a, 0, ct, clen - 1, back, &plen));
        printf("\n");
    }
    gnutls_aead_cipher_deinit(h);
}

static void scenario_params(int c)
{
    static const size_t noncesizes[] = { 0, 1, 7, 8, 11, 12, 13, 14, 15, 16, 17, 32 };
    static const size_t tagsizes[] = { 0, 1, 4, 8, 12, 15, 16, 17, 32 };
    gnutls_datum_t k = { key, ciphers[c].key };
    gnutls_aead_cipher_hd_t h;
    int ret;

    fill(key, sizeof key);
    if (gnutls_aead_cipher_init(&h, ciphers[c].id, &k) < 0)
        return;
    fill(pt, 40);
    fill(aad, 20);
    int ccm = ciphers[c].id >= GNUTLS_CIPHER_AES_128_CCM && ciphers[c].id <= GNUTLS_CIPHER_AES_256_CCM_8;
    int siv = ciphers[c].id == GNUTLS_CIPHER_AES_128_SIV || ciphers[c].id == GNUTLS_CIPHER_AES_256_SIV;
    for (size_t i = 0; i < sizeof noncesizes / sizeof noncesizes[0]; i++) {
        size_t clen = sizeof ct;
        /* GnuTLS aborts on CCM nonces under 7 bytes and empty SIV nonces */
        if ((ccm && (noncesizes[i] < 7 || noncesizes[i] > 13)) || (siv && noncesizes[i] == 0) ||
            (!ccm && !siv && noncesizes[i] != 12))
            continue;
        fill(nonce, noncesizes[i]);
        ret = gnutls_aead_cipher_encrypt(h, nonce, noncesizes[i], aad, 20, 0, pt, 40, ct, &clen);
        printf("   nonce=%zu enc=%d", noncesizes[i], ret);
        if (ret == 0) {
            hex("ct", ct, clen);
            size_t plen = sizeof back;
            ret = gnutls_aead_cipher_decrypt(h, nonce, noncesizes[i], aad, 20, 0, ct, clen, back, &plen);
            printf(" dec=%d", ret);
        }
        printf("\n");
    }
    fill(nonce, ciphers[c].nonce);
    for (size_t i = 0; i < sizeof tagsizes / sizeof tagsizes[0]; i++) {
        size_t clen = sizeof ct;
        /* odd CCM tag lengths: GnuTLS mis-encodes them, gnossl refuses;
         * short SIV tags: see the top comment */
        if ((ccm && (tagsizes[i] & 1)) || (siv && tagsizes[i] != 0 && tagsizes[i] < 16))
            continue;
        ret = gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, 20, tagsizes[i], pt, 40, ct, &clen);
        printf("   tag=%zu enc=%d clen=%zu", tagsizes[i], ret, clen);
        if (ret == 0) {
            hex("ct", ct, clen);
            size_t plen = sizeof back;
            ret = gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, 20, tagsizes[i], ct, clen, back, &plen);
            printf(" dec=%d plen=%zu", ret, plen);
            /* decrypting with the default tag size instead */
            plen = sizeof back;
            ret = gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, ct, clen, back, &plen);
            printf(" dec-default=%d", ret);
        }
        printf("\n");
    }
    /* output buffers: exact, one short; input shorter than the tag */
    size_t need = 40 + ciphers[c].tag;
    size_t sizes[] = { need, need - 1, 0 };
    for (int i = 0; i < 3; i++) {
        size_t clen = sizes[i];
        ret = gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, pt, 40, ct, &clen);
        printf("   out=%zu enc=%d clen=%zu\n", sizes[i], ret, clen);
    }
    size_t clen = sizeof ct;
    gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, pt, 40, ct, &clen);
    size_t psizes[] = { 40, 39, 0 };
    for (int i = 0; i < 3; i++) {
        size_t plen = psizes[i];
        ret = gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, ct, clen, back, &plen);
        printf("   pout=%zu dec=%d plen=%zu\n", psizes[i], ret, plen);
    }
    size_t inl[] = { 0, 1, ciphers[c].tag - 1, ciphers[c].tag };
    for (int i = 0; i < 4; i++) {
        size_t plen = sizeof back;
        ret = gnutls_aead_cipher_decrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, ct, inl[i], back, &plen);
        printf("   in=%zu dec=%d\n", inl[i], ret);
    }
    /* a new key on the same handle (not for GCM: GnuTLS's AES-NI GCM keeps
     * the old GHASH key, so its tags after gnutls_aead_cipher_set_key are
     * wrong and gnossl does not reproduce them) */
    fill(key, sizeof key);
    if (ciphers[c].id == GNUTLS_CIPHER_AES_128_GCM || ciphers[c].id == GNUTLS_CIPHER_AES_192_GCM ||
        ciphers[c].id == GNUTLS_CIPHER_AES_256_GCM) {
        gnutls_aead_cipher_deinit(h);
        return;
    }
    ret = gnutls_aead_cipher_set_key(h, &k);
    clen = sizeof ct;
    int r2 = gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, 20, 0, pt, 40, ct, &clen);
    printf("   set_key=%d enc=%d", ret, r2);
    hex("ct", ct, clen);
    printf("\n");
    gnutls_aead_cipher_deinit(h);
}

/* random split of n bytes of buf into at most 8 iovecs (some empty) */
static int split(unsigned char *buf, size_t n, giovec_t *iov)
{
    int cnt = 1 + (int)(rng() % 8);
    size_t off = 0;
    for (int i = 0; i < cnt; i++) {
        size_t len = i == cnt - 1 ? n - off : rng() % (n - off + 1);
        iov[i].iov_base = buf + off;
        iov[i].iov_len = len;
        off += len;
    }
    return cnt;
}

static void scenario_vectors(int c)
{
    static const size_t ptsizes[] = { 0, 1, 16, 17, 64, 100, 1000 };
    gnutls_datum_t k = { key, ciphers[c].key };
    gnutls_aead_cipher_hd_t h;
    giovec_t aiov[8], piov[8];
    unsigned char tag[64];
    int ret;

    fill(key, sizeof key);
    if (ciphers[c].id == GNUTLS_CIPHER_AES_128_SIV || ciphers[c].id == GNUTLS_CIPHER_AES_256_SIV)
        return; /* see the top comment */
    if (gnutls_aead_cipher_init(&h, ciphers[c].id, &k) < 0)
        return;
    for (size_t i = 0; i < sizeof ptsizes / sizeof ptsizes[0]; i++) {
        size_t n = ptsizes[i], a = 1 + rng() % 40;
        fill(nonce, ciphers[c].nonce);
        fill(aad, a);
        fill(pt, n);
        int ac = split(aad, a, aiov), pc = split(pt, n, piov);
        size_t clen = sizeof ct;
        ret = gnutls_aead_cipher_encryptv(h, nonce, ciphers[c].nonce, aiov, ac, 0, piov, pc, ct, &clen);
        printf("   n=%zu encryptv=%d clen=%zu", n, ret, clen);
        hex("ct", ct, ret == 0 ? clen : 0);
        /* the same through encrypt() must agree */
        size_t clen2 = sizeof back;
        gnutls_aead_cipher_encrypt(h, nonce, ciphers[c].nonce, aad, a, 0, pt, n, back, &clen2);
        printf(" agree=%d", clen2 == clen && memcmp(back, ct, clen) == 0);

        /* in place with a detached tag */
        memcpy(back, pt, n);
        pc = split(back, n, piov);
        size_t tlen = ciphers[c].tag;
        memset(tag, 0, sizeof tag);
        ret = gnutls_aead_cipher_encryptv2(h, nonce, ciphers[c].nonce, aiov, ac, piov, pc, tag, &tlen);
        printf(" encryptv2=%d tlen=%zu", ret, tlen);
        hex("t", tag, tlen < sizeof tag ? tlen : 0);
        printf(" agree=%d", ret == 0 && memcmp(back, ct, n) == 0);
        pc = split(back, n, piov);
        ret = gnutls_aead_cipher_decryptv2(h, nonce, ciphers[c].nonce, aiov, ac, piov, pc, tag, tlen);
        printf(" decryptv2=%d same=%d", ret, memcmp(back, pt, n) == 0);
        tag[0] ^= 1;
        memcpy(back, ct, n);
        ret = gnutls_aead_cipher_decryptv2(h, nonce, ciphers[c].nonce, aiov, ac, piov, pc, tag, tlen);
        printf(" forged=%d", ret);
        tag[0] ^= 1;
        /* tag sizes for encryptv2: 0 means default, short means truncated */
        size_t tls[] = { 0, 8, 17 };
        int siv = ciphers[c].id == GNUTLS_CIPHER_AES_128_SIV || ciphers[c].id == GNUTLS_CIPHER_AES_256_SIV;
        for (int t = 0; t < 3; t++) {
            if (siv && tls[t] == 8) /* GnuTLS aborts */
                continue;
            memcpy(back, pt, n);
            size_t tl = tls[t];
            ret = gnutls_aead_cipher_encryptv2(h, nonce, ciphers[c].nonce, aiov, ac, piov, pc, tag, &tl);
            printf(" v2tag%zu=%d/%zu", tls[t], ret, tl);
        }
        printf("\n");
    }
    gnutls_aead_cipher_deinit(h);
}

static void (*const scenarios[])(int) = { scenario_sizes, scenario_params, scenario_vectors };
static const char *const scenario_names[] = { "sizes", "params", "vectors" };

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
