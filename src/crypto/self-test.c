/* GnuTLS's self tests (gnutls/self-test.h) as known-answer checks of
 * gnossl's own crypto API: each algorithm GnuTLS 3.7.9 self-tests computes
 * a fixed input through the public gnutls_* functions (so through the same
 * OpenSSL calls applications use) and compares it with the answer of the
 * real GnuTLS (self-test-kat.h).  As in GnuTLS: algorithm 0 or
 * GNUTLS_SELF_TEST_FLAG_ALL tests them all, an algorithm without a test
 * gives GNUTLS_E_NO_SELF_TEST, a wrong answer GNUTLS_E_SELF_TEST_ERROR.
 * Algorithms OpenSSL 3.0 lacks (GOST, RC4, ...) cannot be run: alone they
 * give GNUTLS_E_NO_SELF_TEST (GnuTLS: 0), in a run of all they are skipped.
 * Also _gnutls_prf_raw, GnuTLS's TLS PRF outside a session. */
#include "gnossl.h"
#include "crypto/self-test-kat.h"
#include "crypto/self-test.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNAVAILABLE 1 /* internal: the algorithm cannot run here */

/* The inputs: N bytes i*MUL+ADD. */
static void fill(unsigned char *b, size_t n, unsigned mul, unsigned add)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(i * mul + add);
}

int gnossl_kat_matches(const char *hex, const unsigned char *got, size_t n)
{
    if (strlen(hex) != 2 * n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1 || v != got[i])
            return 0;
    }
    return 1;
}

static int matches(const struct kat *k, const unsigned char *got, size_t n)
{
    return gnossl_kat_matches(k->hex, got, n);
}

static const struct kat *find(const struct kat *t, size_t n, int alg)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].alg == alg)
            return &t[i];
    return NULL;
}

static int cipher_kat(const struct kat *k)
{
    unsigned char key[64], iv[32], pt[64], aad[16], ct[64 + 64], back[64];
    gnutls_cipher_algorithm_t a = (gnutls_cipher_algorithm_t)k->alg;
    unsigned ks = (unsigned)gnutls_cipher_get_key_size(a), is = (unsigned)gnutls_cipher_get_iv_size(a);
    unsigned ts = (unsigned)gnutls_cipher_get_tag_size(a);
    fill(key, ks, 7, 1);
    fill(iv, is, 5, 3);
    fill(pt, sizeof pt, 3, 11);
    fill(aad, sizeof aad, 1, 0);
    gnutls_datum_t kd = {key, ks}, ivd = {iv, is};
    if (ts > 0) {
        gnutls_aead_cipher_hd_t h;
        size_t n = sizeof ct, m = sizeof back;
        if (gnutls_aead_cipher_init(&h, a, &kd) < 0)
            return UNAVAILABLE;
        int ok = gnutls_aead_cipher_encrypt(h, iv, is, aad, sizeof aad, ts, pt, sizeof pt, ct, &n) == 0 &&
                 matches(k, ct, n) &&
                 gnutls_aead_cipher_decrypt(h, iv, is, aad, sizeof aad, ts, ct, n, back, &m) == 0 &&
                 m == sizeof pt && memcmp(back, pt, m) == 0;
        gnutls_aead_cipher_deinit(h);
        return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
    }
    gnutls_cipher_hd_t e, d;
    if (gnutls_cipher_init(&e, a, &kd, is ? &ivd : NULL) < 0)
        return UNAVAILABLE;
    int ok = gnutls_cipher_encrypt2(e, pt, sizeof pt, ct, sizeof pt) == 0 && matches(k, ct, sizeof pt);
    gnutls_cipher_deinit(e);
    if (ok && gnutls_cipher_init(&d, a, &kd, is ? &ivd : NULL) == 0) {
        ok = gnutls_cipher_decrypt2(d, ct, sizeof pt, back, sizeof back) == 0 && memcmp(back, pt, sizeof pt) == 0;
        gnutls_cipher_deinit(d);
    } else {
        ok = 0;
    }
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

static int digest_kat(const struct kat *k)
{
    unsigned char msg[200], out[64];
    fill(msg, sizeof msg, 13, 5);
    if (gnutls_hash_fast((gnutls_digest_algorithm_t)k->alg, msg, sizeof msg, out) < 0)
        return UNAVAILABLE;
    return matches(k, out, gnutls_hash_get_len((gnutls_digest_algorithm_t)k->alg)) ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

static int mac_kat(const struct kat *k)
{
    gnutls_mac_algorithm_t a = (gnutls_mac_algorithm_t)k->alg;
    unsigned char key[64], nonce[32], msg[200], out[64];
    size_t ks = gnutls_mac_get_key_size(a), ns = gnutls_mac_get_nonce_size(a);
    if (ks == 0) /* HMACs: any key length */
        ks = 32;
    fill(key, ks, 7, 1);
    fill(nonce, ns, 5, 3);
    fill(msg, sizeof msg, 13, 5);
    gnutls_hmac_hd_t h;
    if (gnutls_hmac_init(&h, a, key, ks) < 0)
        return UNAVAILABLE;
    if (ns > 0)
        gnutls_hmac_set_nonce(h, nonce, ns);
    int ok = gnutls_hmac(h, msg, sizeof msg) == 0;
    gnutls_hmac_deinit(h, out);
    return ok && matches(k, out, gnutls_hmac_get_len(a)) ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

static int hkdf_kat(const struct kat *k)
{
    unsigned char ikm[22], salt[13], info[10], prk[32], okm[42];
    fill(ikm, sizeof ikm, 7, 1);
    fill(salt, sizeof salt, 5, 3);
    fill(info, sizeof info, 1, 0);
    gnutls_datum_t i = {ikm, sizeof ikm}, s = {salt, sizeof salt}, f = {info, sizeof info}, p = {prk, sizeof prk};
    int ok = gnutls_hkdf_extract(GNUTLS_MAC_SHA256, &i, &s, prk) == 0 && matches(&k[0], prk, sizeof prk) &&
             gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &p, &f, okm, sizeof okm) == 0 && matches(&k[1], okm, sizeof okm);
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

static int pbkdf2_kat(const struct kat *k)
{
    unsigned char out[40];
    gnutls_datum_t pw = {(unsigned char *)"password", 8}, salt = {(unsigned char *)"saltSALTsalt", 12};
    int ok = gnutls_pbkdf2(GNUTLS_MAC_SHA256, &pw, &salt, 4096, out, sizeof out) == 0 && matches(k, out, sizeof out);
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

GNOSSL_EXPORT int _gnutls_prf_raw(gnutls_mac_algorithm_t mac, size_t master_size, const void *master,
                                  size_t label_size, const char *label, size_t seed_size, const uint8_t *seed,
                                  size_t outsize, char *out);

static int tlsprf_kat(const struct kat *k)
{
    unsigned char secret[48], seed[64], out[80];
    fill(secret, sizeof secret, 7, 1);
    fill(seed, sizeof seed, 13, 5);
    int ok = _gnutls_prf_raw((gnutls_mac_algorithm_t)k->alg, sizeof secret, secret, 10, "test label", sizeof seed,
                             seed, sizeof out, (char *)out) == 0 &&
             matches(k, out, sizeof out);
    return ok ? 0 : GNUTLS_E_SELF_TEST_ERROR;
}

/* One algorithm (ALG != 0, no FLAG_ALL), or all those that can run here. */
static int run(const struct kat *t, size_t n, unsigned flags, int alg, int (*kat)(const struct kat *))
{
    if (!(flags & GNUTLS_SELF_TEST_FLAG_ALL) && alg != 0) {
        const struct kat *k = find(t, n, alg);
        int r = k != NULL ? kat(k) : GNUTLS_E_NO_SELF_TEST;
        return r == UNAVAILABLE ? GNUTLS_E_NO_SELF_TEST : r;
    }
    for (size_t i = 0; i < n; i++) {
        int r = kat(&t[i]);
        if (r < 0)
            return r;
    }
    return 0;
}

#define COUNT(t) (sizeof(t) / sizeof(t)[0])

int gnutls_cipher_self_test(unsigned flags, gnutls_cipher_algorithm_t cipher)
{
    return run(cipher_kats, COUNT(cipher_kats), flags, (int)cipher, cipher_kat);
}

int gnutls_digest_self_test(unsigned flags, gnutls_digest_algorithm_t digest)
{
    return run(digest_kats, COUNT(digest_kats), flags, (int)digest, digest_kat);
}

int gnutls_mac_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return run(mac_kats, COUNT(mac_kats), flags, (int)mac, mac_kat);
}

/* The KDF tests: one KAT (HKDF: a PRK and OKM pair) under SHA-256. */
int gnutls_hkdf_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    if (!(flags & GNUTLS_SELF_TEST_FLAG_ALL) && mac != 0 && mac != GNUTLS_MAC_SHA256)
        return GNUTLS_E_NO_SELF_TEST;
    return hkdf_kat(hkdf_kats);
}

int gnutls_pbkdf2_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return run(pbkdf2_kats, COUNT(pbkdf2_kats), flags, (int)mac, pbkdf2_kat);
}

int gnutls_tlsprf_self_test(unsigned flags, gnutls_mac_algorithm_t mac)
{
    return run(tlsprf_kats, COUNT(tlsprf_kats), flags, (int)mac, tlsprf_kat);
}

/* Debian's GnuTLS is not a FIPS build: its run of the self tests does
 * nothing and succeeds; gnossl's answers likewise. */
int gnutls_fips140_run_self_tests(void)
{
    return 0;
}

/* The TLS 1.2 PRF (TLS 1.0/1.1's for GNUTLS_MAC_MD5_SHA1) of MASTER over
 * LABEL || SEED. */
int _gnutls_prf_raw(gnutls_mac_algorithm_t mac, size_t master_size, const void *master, size_t label_size,
                    const char *label, size_t seed_size, const uint8_t *seed, size_t outsize, char *out)
{
    const char *md = mac == GNUTLS_MAC_MD5_SHA1 ? "MD5-SHA1" : gnutls_mac_get_name(mac);
    if (md == NULL || out == NULL || (master == NULL && master_size > 0) || (label == NULL && label_size > 0) ||
        (seed == NULL && seed_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *full = malloc(label_size + seed_size + 1);
    EVP_KDF *kdf = EVP_KDF_fetch(NULL, "TLS1-PRF", NULL);
    EVP_KDF_CTX *k = kdf != NULL ? EVP_KDF_CTX_new(kdf) : NULL;
    EVP_KDF_free(kdf);
    int ok = 0;
    if (full != NULL && k != NULL) {
        if (label_size)
            memcpy(full, label, label_size);
        if (seed_size)
            memcpy(full + label_size, seed, seed_size);
        OSSL_PARAM p[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)md, 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, (void *)master, master_size),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, full, label_size + seed_size),
            OSSL_PARAM_construct_end(),
        };
        ok = EVP_KDF_derive(k, (unsigned char *)out, outsize, p) == 1;
    }
    EVP_KDF_CTX_free(k);
    free(full);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
}
