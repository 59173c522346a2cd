/* Cipher table: names and sizes as GnuTLS 3.7.9 reports them, in its table
 * order (which gnutls_cipher_list follows). */
#include "gnossl.h"
#include "core/algorithms.h"

#include <pthread.h>
#include <strings.h>

struct cipher_entry {
    gnutls_cipher_algorithm_t id;
    const char *name;
    unsigned char key, block, iv, tag;
    unsigned char gnutls_has; /* GnuTLS implements it: listed, found by name */
};

static const struct cipher_entry ciphers[] = {
    {GNUTLS_CIPHER_AES_256_CBC, "AES-256-CBC", 32, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_192_CBC, "AES-192-CBC", 24, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_128_CBC, "AES-128-CBC", 16, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_128_GCM, "AES-128-GCM", 16, 16, 12, 16, 1},
    {GNUTLS_CIPHER_AES_192_GCM, "AES-192-GCM", 24, 16, 12, 16, 1},
    {GNUTLS_CIPHER_AES_256_GCM, "AES-256-GCM", 32, 16, 12, 16, 1},
    {GNUTLS_CIPHER_AES_128_CCM, "AES-128-CCM", 16, 16, 12, 16, 1},
    {GNUTLS_CIPHER_AES_256_CCM, "AES-256-CCM", 32, 16, 12, 16, 1},
    {GNUTLS_CIPHER_AES_128_CCM_8, "AES-128-CCM-8", 16, 16, 12, 8, 1},
    {GNUTLS_CIPHER_AES_256_CCM_8, "AES-256-CCM-8", 32, 16, 12, 8, 1},
    {GNUTLS_CIPHER_ARCFOUR_128, "ARCFOUR-128", 16, 1, 0, 0, 1},
    {GNUTLS_CIPHER_ESTREAM_SALSA20_256, "ESTREAM-SALSA20-256", 32, 64, 8, 0, 1},
    {GNUTLS_CIPHER_SALSA20_256, "SALSA20-256", 32, 64, 8, 0, 1},
    {GNUTLS_CIPHER_CHACHA20_32, "CHACHA20-32", 32, 64, 16, 0, 1},
    {GNUTLS_CIPHER_CHACHA20_64, "CHACHA20-64", 32, 64, 16, 0, 1},
    {GNUTLS_CIPHER_CAMELLIA_256_CBC, "CAMELLIA-256-CBC", 32, 16, 16, 0, 1},
    {GNUTLS_CIPHER_CAMELLIA_192_CBC, "CAMELLIA-192-CBC", 24, 16, 16, 0, 1},
    {GNUTLS_CIPHER_CAMELLIA_128_CBC, "CAMELLIA-128-CBC", 16, 16, 16, 0, 1},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, "CHACHA20-POLY1305", 32, 64, 12, 16, 1},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, "CAMELLIA-128-GCM", 16, 16, 12, 16, 1},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, "CAMELLIA-256-GCM", 32, 16, 12, 16, 1},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CFB, "GOST28147-TC26Z-CFB", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_GOST28147_CPA_CFB, "GOST28147-CPA-CFB", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_GOST28147_CPB_CFB, "GOST28147-CPB-CFB", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_GOST28147_CPC_CFB, "GOST28147-CPC-CFB", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_GOST28147_CPD_CFB, "GOST28147-CPD-CFB", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_AES_128_CFB8, "AES-128-CFB8", 16, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_192_CFB8, "AES-192-CFB8", 24, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_256_CFB8, "AES-256-CFB8", 32, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_128_XTS, "AES-128-XTS", 32, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_256_XTS, "AES-256-XTS", 64, 16, 16, 0, 1},
    {GNUTLS_CIPHER_AES_128_SIV, "AES-128-SIV", 32, 16, 16, 16, 1},
    {GNUTLS_CIPHER_AES_256_SIV, "AES-256-SIV", 64, 16, 16, 16, 1},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, "GOST28147-TC26Z-CNT", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_MAGMA_CTR_ACPKM, "MAGMA-CTR-ACPKM", 32, 8, 8, 0, 1},
    {GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM, "KUZNYECHIK-CTR-ACPKM", 32, 16, 16, 0, 1},
    {GNUTLS_CIPHER_3DES_CBC, "3DES-CBC", 24, 8, 8, 0, 1},
    {GNUTLS_CIPHER_DES_CBC, "DES-CBC", 8, 8, 8, 0, 1},
    {GNUTLS_CIPHER_RC2_40_CBC, "RC2-40", 5, 8, 8, 0, 1},
    {GNUTLS_CIPHER_NULL, "NULL", 0, 1, 0, 0, 1},
    {GNUTLS_CIPHER_ARCFOUR_40, "ARCFOUR-40", 5, 1, 0, 0, 0}, /* named, not listed: GnuTLS no longer implements it */
};

#define N_CIPHERS (sizeof ciphers / sizeof ciphers[0])

static const struct cipher_entry *find(gnutls_cipher_algorithm_t id)
{
    for (size_t i = 0; i < N_CIPHERS; i++)
        if (ciphers[i].id == id)
            return &ciphers[i];
    return NULL;
}

const char *gnutls_cipher_get_name(gnutls_cipher_algorithm_t algorithm)
{
    const struct cipher_entry *e = find(algorithm);
    return e != NULL ? e->name : NULL;
}

gnutls_cipher_algorithm_t gnutls_cipher_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_CIPHER_UNKNOWN;
    for (size_t i = 0; i < N_CIPHERS; i++)
        if (ciphers[i].gnutls_has && strcasecmp(ciphers[i].name, name) == 0)
            return ciphers[i].id;
    return GNUTLS_CIPHER_UNKNOWN;
}

size_t gnutls_cipher_get_key_size(gnutls_cipher_algorithm_t algorithm)
{
    const struct cipher_entry *e = find(algorithm);
    return e != NULL ? e->key : 0;
}

unsigned gnutls_cipher_get_block_size(gnutls_cipher_algorithm_t algorithm)
{
    const struct cipher_entry *e = find(algorithm);
    return e != NULL ? e->block : 0;
}

unsigned gnutls_cipher_get_iv_size(gnutls_cipher_algorithm_t algorithm)
{
    const struct cipher_entry *e = find(algorithm);
    return e != NULL ? e->iv : 0;
}

unsigned gnutls_cipher_get_tag_size(gnutls_cipher_algorithm_t algorithm)
{
    const struct cipher_entry *e = find(algorithm);
    return e != NULL ? e->tag : 0;
}

/* Deliberate difference: GnuTLS lists what its backend implements, and so
 * do we: entries OpenSSL cannot run (Salsa20, Camellia-GCM, GOST, and the
 * legacy-provider-only RC4/DES/RC2 unless that provider is active) are left
 * out; the order of the rest is GnuTLS's. */
static gnutls_cipher_algorithm_t cipher_list[N_CIPHERS + 1];
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static void build_list(void)
{
    size_t n = 0;
    for (size_t i = 0; i < N_CIPHERS; i++) {
        const struct cipher_entry *e = &ciphers[i];
        if (e->gnutls_has && (e->id == GNUTLS_CIPHER_NULL || gnossl_cipher_fetch(e->id) != NULL))
            cipher_list[n++] = e->id;
    }
    cipher_list[n] = GNUTLS_CIPHER_UNKNOWN;
}

const gnutls_cipher_algorithm_t *gnutls_cipher_list(void)
{
    pthread_once(&list_once, build_list);
    return cipher_list;
}
