/* Differential: the deprecated gnutls_crypto_register_* functions accept a
 * backend and ignore it: the algorithms keep computing as before and the
 * registered callbacks are never called. */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static int calls;
static int init_cb(gnutls_cipher_algorithm_t a, void **ctx, int enc)
{
    (void)a, (void)ctx, (void)enc;
    calls++;
    return GNUTLS_E_INTERNAL_ERROR;
}
static int hash_init_cb(gnutls_digest_algorithm_t a, void **ctx)
{
    (void)a, (void)ctx;
    calls++;
    return GNUTLS_E_INTERNAL_ERROR;
}
static int mac_init_cb(gnutls_mac_algorithm_t a, void **ctx)
{
    (void)a, (void)ctx;
    calls++;
    return GNUTLS_E_INTERNAL_ERROR;
}

static void use(void)
{
    unsigned char key[32] = {1}, iv[16] = {2}, buf[32] = {3}, out[64];
    gnutls_datum_t k = {key, 16}, v = {iv, 16};
    gnutls_cipher_hd_t h;
    int r = gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, &v);
    if (r == 0) {
        r = gnutls_cipher_encrypt(h, buf, sizeof buf);
        gnutls_cipher_deinit(h);
    }
    printf("  AES-128-CBC: %d, first byte %02x\n", r, buf[0]);
    printf("  SHA256: %d", gnutls_hash_fast(GNUTLS_DIG_SHA256, buf, sizeof buf, out));
    printf(" %02x\n", out[0]);
    printf("  HMAC-SHA256: %d", gnutls_hmac_fast(GNUTLS_MAC_SHA256, key, sizeof key, buf, sizeof buf, out));
    printf(" %02x\n", out[0]);
    gnutls_aead_cipher_hd_t a;
    size_t n = sizeof out;
    k.size = 16;
    r = gnutls_aead_cipher_init(&a, GNUTLS_CIPHER_AES_128_GCM, &k);
    if (r == 0) {
        r = gnutls_aead_cipher_encrypt(a, iv, 12, NULL, 0, 16, buf, sizeof buf, out, &n);
        gnutls_aead_cipher_deinit(a);
    }
    printf("  AES-128-GCM: %d, %zu bytes, first %02x\n", r, n, out[0]);
}

int main(void)
{
    gnutls_global_init();
    printf("before:\n");
    use();
    printf("register cipher: %d\n",
           gnutls_crypto_register_cipher(GNUTLS_CIPHER_AES_128_CBC, 1, init_cb, NULL, NULL, NULL, NULL, NULL));
    printf("register aead: %d\n",
           gnutls_crypto_register_aead_cipher(GNUTLS_CIPHER_AES_128_GCM, 1, init_cb, NULL, NULL, NULL, NULL));
    printf("register mac: %d\n",
           gnutls_crypto_register_mac(GNUTLS_MAC_SHA256, 1, mac_init_cb, NULL, NULL, NULL, NULL, NULL, NULL));
    printf("register digest: %d\n",
           gnutls_crypto_register_digest(GNUTLS_DIG_SHA256, 1, hash_init_cb, NULL, NULL, NULL, NULL));
    printf("register unknown cipher: %d\n",
           gnutls_crypto_register_cipher((gnutls_cipher_algorithm_t)9999, 0, NULL, NULL, NULL, NULL, NULL, NULL));
    printf("after:\n");
    use();
    printf("callbacks called: %d\n", calls);
    gnutls_global_deinit();
    return 0;
}
