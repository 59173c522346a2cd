/* MAC and digest table (the two enums share their values): names, OIDs and
 * sizes as GnuTLS 3.7.9 reports them, in its table order.
 * (gnutls_hash_get_len / gnutls_hmac_get_len / gnutls_hmac_get_key_size
 * live with the crypto API in src/crypto/mac-sizes.c.) */
#include "gnossl.h"
#include "core/algorithms.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

struct mac_entry {
    gnutls_mac_algorithm_t id;
    const char *name;
    const char *oid;     /* of the digest; a digest id exists only with one */
    const char *mac_oid; /* of the HMAC */
    unsigned char out, key, nonce;
    unsigned char mac_has, dig_has; /* GnuTLS implements it as MAC / digest */
};

static const struct mac_entry macs[] = {
    {GNUTLS_MAC_SHA1, "SHA1", "1.3.14.3.2.26", "1.2.840.113549.2.7", 20, 20, 0, 1, 1},
    {GNUTLS_MAC_SHA256, "SHA256", "2.16.840.1.101.3.4.2.1", "1.2.840.113549.2.9", 32, 32, 0, 1, 1},
    {GNUTLS_MAC_SHA384, "SHA384", "2.16.840.1.101.3.4.2.2", "1.2.840.113549.2.10", 48, 48, 0, 1, 1},
    {GNUTLS_MAC_SHA512, "SHA512", "2.16.840.1.101.3.4.2.3", "1.2.840.113549.2.11", 64, 64, 0, 1, 1},
    {GNUTLS_MAC_SHA224, "SHA224", "2.16.840.1.101.3.4.2.4", "1.2.840.113549.2.8", 28, 28, 0, 1, 1},
    {GNUTLS_MAC_UMAC_96, "UMAC-96", NULL, NULL, 12, 16, 8, 1, 0},
    {GNUTLS_MAC_UMAC_128, "UMAC-128", NULL, NULL, 16, 16, 8, 1, 0},
    {GNUTLS_MAC_AEAD, "AEAD", NULL, NULL, 0, 0, 0, 1, 0},
    {GNUTLS_MAC_MD5, "MD5", "1.2.840.113549.2.5", NULL, 16, 16, 0, 1, 1},
    {GNUTLS_MAC_GOSTR_94, "GOSTR341194", "1.2.643.2.2.9", "1.2.643.2.2.10", 32, 32, 0, 1, 1},
    {GNUTLS_MAC_STREEBOG_256, "STREEBOG-256", "1.2.643.7.1.1.2.2", "1.2.643.7.1.1.4.1", 32, 32, 0, 1, 1},
    {GNUTLS_MAC_STREEBOG_512, "STREEBOG-512", "1.2.643.7.1.1.2.3", "1.2.643.7.1.1.4.2", 64, 64, 0, 1, 1},
    {GNUTLS_MAC_AES_CMAC_128, "AES-CMAC-128", NULL, NULL, 16, 16, 0, 1, 0},
    {GNUTLS_MAC_AES_CMAC_256, "AES-CMAC-256", NULL, NULL, 16, 32, 0, 1, 0},
    {GNUTLS_MAC_AES_GMAC_128, "AES-GMAC-128", NULL, NULL, 16, 16, 12, 1, 0},
    {GNUTLS_MAC_AES_GMAC_192, "AES-GMAC-192", NULL, NULL, 16, 24, 12, 1, 0},
    {GNUTLS_MAC_AES_GMAC_256, "AES-GMAC-256", NULL, NULL, 16, 32, 12, 1, 0},
    {GNUTLS_MAC_GOST28147_TC26Z_IMIT, "GOST28147-TC26Z-IMIT", NULL, NULL, 4, 32, 0, 1, 0},
    {GNUTLS_MAC_MAGMA_OMAC, "OMAC-MAGMA", NULL, NULL, 8, 32, 0, 1, 0},
    {GNUTLS_MAC_KUZNYECHIK_OMAC, "OMAC-KUZNYECHIK", NULL, NULL, 16, 32, 0, 1, 0},
    /* Named but not listed by GnuTLS (digests found by name through their OID). */
    {GNUTLS_MAC_NULL, "MAC-NULL", NULL, NULL, 0, 0, 0, 0, 0},
    {GNUTLS_MAC_RMD160, "RIPEMD160", "1.3.36.3.2.1", NULL, 20, 20, 0, 0, 0},
    {GNUTLS_MAC_MD2, "MD2", "1.2.840.113549.2.2", NULL, 0, 0, 0, 0, 0},
    {GNUTLS_MAC_SHA3_224, "SHA3-224", "2.16.840.1.101.3.4.2.7", NULL, 28, 28, 0, 0, 0},
    {GNUTLS_MAC_SHA3_256, "SHA3-256", "2.16.840.1.101.3.4.2.8", NULL, 32, 32, 0, 0, 0},
    {GNUTLS_MAC_SHA3_384, "SHA3-384", "2.16.840.1.101.3.4.2.9", NULL, 48, 48, 0, 0, 0},
    {GNUTLS_MAC_SHA3_512, "SHA3-512", "2.16.840.1.101.3.4.2.10", NULL, 64, 64, 0, 0, 0},
    {GNUTLS_MAC_MD5_SHA1, "MD5+SHA1", NULL, NULL, 36, 36, 0, 0, 0},
    {GNUTLS_MAC_SHAKE_128, "SHAKE-128", "2.16.840.1.101.3.4.2.11", NULL, 0, 0, 0, 0, 0},
    {GNUTLS_MAC_SHAKE_256, "SHAKE-256", "2.16.840.1.101.3.4.2.12", NULL, 0, 0, 0, 0, 0},
};

#define N_MACS (sizeof macs / sizeof macs[0])

static const struct mac_entry *find(int id)
{
    for (size_t i = 0; i < N_MACS; i++)
        if ((int)macs[i].id == id)
            return &macs[i];
    return NULL;
}

/* ---- MACs ---- */

const char *gnutls_mac_get_name(gnutls_mac_algorithm_t algorithm)
{
    const struct mac_entry *e = find(algorithm);
    return e != NULL ? e->name : NULL;
}

gnutls_mac_algorithm_t gnutls_mac_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_MAC_UNKNOWN;
    for (size_t i = 0; i < N_MACS; i++)
        if (macs[i].mac_has && strcasecmp(macs[i].name, name) == 0)
            return macs[i].id;
    return GNUTLS_MAC_UNKNOWN;
}

size_t gnutls_mac_get_key_size(gnutls_mac_algorithm_t algorithm)
{
    const struct mac_entry *e = find(algorithm);
    return e != NULL ? e->key : 0;
}

size_t gnutls_mac_get_nonce_size(gnutls_mac_algorithm_t algorithm)
{
    const struct mac_entry *e = find(algorithm);
    return e != NULL ? e->nonce : 0;
}

gnutls_mac_algorithm_t gnutls_oid_to_mac(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_MAC_UNKNOWN;
    for (size_t i = 0; i < N_MACS; i++)
        if (macs[i].mac_oid != NULL && strcmp(macs[i].mac_oid, oid) == 0)
            return macs[i].id;
    return GNUTLS_MAC_UNKNOWN;
}

/* ---- digests ---- */

const char *gnutls_digest_get_name(gnutls_digest_algorithm_t algorithm)
{
    const struct mac_entry *e = find(algorithm);
    return e != NULL && e->oid != NULL ? e->name : NULL;
}

gnutls_digest_algorithm_t gnutls_digest_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_DIG_UNKNOWN;
    for (size_t i = 0; i < N_MACS; i++)
        if (macs[i].oid != NULL && strcasecmp(macs[i].name, name) == 0)
            return (gnutls_digest_algorithm_t)macs[i].id;
    return GNUTLS_DIG_UNKNOWN;
}

const char *gnutls_digest_get_oid(gnutls_digest_algorithm_t algorithm)
{
    const struct mac_entry *e = find(algorithm);
    return e != NULL ? e->oid : NULL;
}

gnutls_digest_algorithm_t gnutls_oid_to_digest(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_DIG_UNKNOWN;
    for (size_t i = 0; i < N_MACS; i++)
        if (macs[i].oid != NULL && strcmp(macs[i].oid, oid) == 0)
            return (gnutls_digest_algorithm_t)macs[i].id;
    return GNUTLS_DIG_UNKNOWN;
}

/* ---- lists ----
 * Deliberate difference: like GnuTLS we list what the backend runs, so
 * UMAC and the GOST MACs/digests, which OpenSSL lacks, are left out; the
 * order of the rest is GnuTLS's. */

static int mac_backed(gnutls_mac_algorithm_t m)
{
    const char *digest, *cipher;
    if (m == GNUTLS_MAC_AEAD)
        return 1;
    if (gnossl_mac_ossl_mac(m, &digest, &cipher) == NULL)
        return 0;
    if (digest != NULL)
        return gnossl_digest_fetch((gnutls_digest_algorithm_t)m) != NULL;
    for (int c = 1; c <= GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM; c++) {
        const char *n = gnossl_cipher_ossl_name((gnutls_cipher_algorithm_t)c);
        if (n != NULL && strcmp(n, cipher) == 0)
            return gnossl_cipher_fetch((gnutls_cipher_algorithm_t)c) != NULL;
    }
    return 0;
}

static gnutls_mac_algorithm_t mac_list[N_MACS + 1];
static gnutls_digest_algorithm_t digest_list[N_MACS + 1];
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static void build_lists(void)
{
    size_t nm = 0, nd = 0;
    for (size_t i = 0; i < N_MACS; i++) {
        const struct mac_entry *e = &macs[i];
        if (e->mac_has && mac_backed(e->id))
            mac_list[nm++] = e->id;
        if (e->dig_has && gnossl_digest_fetch((gnutls_digest_algorithm_t)e->id) != NULL)
            digest_list[nd++] = (gnutls_digest_algorithm_t)e->id;
    }
    mac_list[nm] = GNUTLS_MAC_UNKNOWN;
    digest_list[nd] = GNUTLS_DIG_UNKNOWN;
}

const gnutls_mac_algorithm_t *gnutls_mac_list(void)
{
    pthread_once(&list_once, build_lists);
    return mac_list;
}

const gnutls_digest_algorithm_t *gnutls_digest_list(void)
{
    pthread_once(&list_once, build_lists);
    return digest_list;
}
