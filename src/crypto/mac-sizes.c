/* Output and key sizes of GnuTLS's MAC / digest ids (they share one table
 * in GnuTLS, so gnutls_hash_get_len answers for MAC-only ids too).  The
 * sizes are GnuTLS's, including for ids OpenSSL cannot compute. */
#include "gnossl.h"
#include "crypto/crypto.h"

unsigned gnossl_mac_output_size(int id)
{
    switch (id) {
    case GNUTLS_MAC_MD5: return 16;
    case GNUTLS_MAC_SHA1: return 20;
    case GNUTLS_MAC_RMD160: return 20;
    case GNUTLS_MAC_SHA224: return 28;
    case GNUTLS_MAC_SHA256: return 32;
    case GNUTLS_MAC_SHA384: return 48;
    case GNUTLS_MAC_SHA512: return 64;
    case GNUTLS_MAC_SHA3_224: return 28;
    case GNUTLS_MAC_SHA3_256: return 32;
    case GNUTLS_MAC_SHA3_384: return 48;
    case GNUTLS_MAC_SHA3_512: return 64;
    case GNUTLS_MAC_MD5_SHA1: return 36;
    case GNUTLS_MAC_GOSTR_94: return 32;
    case GNUTLS_MAC_STREEBOG_256: return 32;
    case GNUTLS_MAC_STREEBOG_512: return 64;
    case GNUTLS_MAC_UMAC_96: return 12;
    case GNUTLS_MAC_UMAC_128: return 16;
    case GNUTLS_MAC_AES_CMAC_128:
    case GNUTLS_MAC_AES_CMAC_256:
    case GNUTLS_MAC_AES_GMAC_128:
    case GNUTLS_MAC_AES_GMAC_192:
    case GNUTLS_MAC_AES_GMAC_256: return 16;
    case GNUTLS_MAC_GOST28147_TC26Z_IMIT: return 4;
    case GNUTLS_MAC_MAGMA_OMAC: return 8;
    case GNUTLS_MAC_KUZNYECHIK_OMAC: return 16;
    default: return 0; /* NULL, MD2 (GnuTLS lists no size), SHAKE, AEAD, unknown */
    }
}

unsigned gnossl_mac_key_size(int id)
{
    switch (id) {
    case GNUTLS_MAC_AES_CMAC_128:
    case GNUTLS_MAC_AES_GMAC_128:
    case GNUTLS_MAC_UMAC_96:
    case GNUTLS_MAC_UMAC_128: return 16;
    case GNUTLS_MAC_AES_GMAC_192: return 24;
    case GNUTLS_MAC_AES_CMAC_256:
    case GNUTLS_MAC_AES_GMAC_256:
    case GNUTLS_MAC_GOST28147_TC26Z_IMIT:
    case GNUTLS_MAC_MAGMA_OMAC:
    case GNUTLS_MAC_KUZNYECHIK_OMAC: return 32;
    default: return gnossl_mac_output_size(id); /* HMAC: the digest size */
    }
}

unsigned gnutls_hash_get_len(gnutls_digest_algorithm_t algorithm)
{
    return gnossl_mac_output_size((int)algorithm);
}

unsigned gnutls_hmac_get_len(gnutls_mac_algorithm_t algorithm)
{
    return gnossl_mac_output_size((int)algorithm);
}

unsigned gnutls_hmac_get_key_size(gnutls_mac_algorithm_t algorithm)
{
    return gnossl_mac_key_size((int)algorithm);
}
