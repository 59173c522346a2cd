/* Which OpenSSL cipher runs a GnuTLS cipher id, and the key / IV rules of
 * GnuTLS 3.7.9 on x86-64.  There GnuTLS runs AES-CBC, AES-GCM and AES-XTS
 * through its AES-NI code, which picks the AES variant from the key length
 * (an AES-128-CBC handle given a 32-byte key does AES-256) and reports bad
 * sizes as GNUTLS_E_INTERNAL_ERROR; everything else goes through nettle,
 * which wants the exact key size and says GNUTLS_E_INVALID_REQUEST. */
#include "gnossl.h"
#include "core/algorithms.h"
#include "crypto/crypto.h"

#include <string.h>

static gnutls_cipher_algorithm_t aes_by_key(size_t keylen, gnutls_cipher_algorithm_t k128,
                                            gnutls_cipher_algorithm_t k192, gnutls_cipher_algorithm_t k256)
{
    switch (keylen) {
    case 16: return k128;
    case 24: return k192;
    case 32: return k256;
    default: return GNUTLS_CIPHER_UNKNOWN;
    }
}

int gnossl_cipher_select(gnutls_cipher_algorithm_t id, size_t keylen, struct gnossl_cipher_info *info)
{
    gnutls_cipher_algorithm_t run = id; /* the id whose OpenSSL cipher runs */
    unsigned exact_key = 0;

    memset(info, 0, sizeof *info);
    switch (id) {
    case GNUTLS_CIPHER_AES_128_CBC:
    case GNUTLS_CIPHER_AES_192_CBC:
    case GNUTLS_CIPHER_AES_256_CBC:
        info->mode = GNOSSL_MODE_CBC;
        info->accelerated = 1;
        info->iv_size = info->block_size = 16;
        run = aes_by_key(keylen, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_CIPHER_AES_192_CBC, GNUTLS_CIPHER_AES_256_CBC);
        break;
    case GNUTLS_CIPHER_AES_128_GCM:
    case GNUTLS_CIPHER_AES_192_GCM:
    case GNUTLS_CIPHER_AES_256_GCM:
        info->mode = GNOSSL_MODE_AEAD;
        info->accelerated = 1;
        info->iv_size = 12;
        info->block_size = info->tag_size = 16;
        run = aes_by_key(keylen, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_CIPHER_AES_192_GCM, GNUTLS_CIPHER_AES_256_GCM);
        break;
    case GNUTLS_CIPHER_AES_128_XTS:
    case GNUTLS_CIPHER_AES_256_XTS:
        info->mode = GNOSSL_MODE_XTS;
        info->accelerated = 1;
        info->iv_size = info->block_size = 16;
        run = keylen == 32 ? GNUTLS_CIPHER_AES_128_XTS : keylen == 64 ? GNUTLS_CIPHER_AES_256_XTS : GNUTLS_CIPHER_UNKNOWN;
        break;
    case GNUTLS_CIPHER_CAMELLIA_128_CBC:
    case GNUTLS_CIPHER_CAMELLIA_192_CBC:
    case GNUTLS_CIPHER_CAMELLIA_256_CBC:
        info->mode = GNOSSL_MODE_CBC;
        info->iv_size = info->block_size = 16;
        exact_key = id == GNUTLS_CIPHER_CAMELLIA_128_CBC ? 16 : id == GNUTLS_CIPHER_CAMELLIA_192_CBC ? 24 : 32;
        break;
    case GNUTLS_CIPHER_3DES_CBC:
        info->mode = GNOSSL_MODE_CBC;
        info->iv_size = info->block_size = 8;
        exact_key = 24;
        break;
    case GNUTLS_CIPHER_AES_128_CFB8:
    case GNUTLS_CIPHER_AES_192_CFB8:
    case GNUTLS_CIPHER_AES_256_CFB8:
        info->mode = GNOSSL_MODE_STREAM;
        info->iv_size = info->block_size = 16;
        exact_key = id == GNUTLS_CIPHER_AES_128_CFB8 ? 16 : id == GNUTLS_CIPHER_AES_192_CFB8 ? 24 : 32;
        break;
    case GNUTLS_CIPHER_CHACHA20_32:
    case GNUTLS_CIPHER_CHACHA20_64:
        /* OpenSSL's 16-byte ChaCha20 IV is state words 12..15, which is how
         * GnuTLS lays out both its counter/nonce splits */
        info->mode = GNOSSL_MODE_STREAM;
        info->iv_size = 16;
        info->block_size = 64;
        exact_key = 32;
        break;
    case GNUTLS_CIPHER_CHACHA20_POLY1305:
        info->mode = GNOSSL_MODE_AEAD;
        info->iv_size = 12;
        info->block_size = 64;
        info->tag_size = 16;
        exact_key = 32;
        break;
    case GNUTLS_CIPHER_AES_128_CCM:
    case GNUTLS_CIPHER_AES_256_CCM:
    case GNUTLS_CIPHER_AES_128_CCM_8:
    case GNUTLS_CIPHER_AES_256_CCM_8:
        info->mode = GNOSSL_MODE_ONLY_AEAD;
        info->iv_size = 12;
        info->block_size = 16;
        info->tag_size = (id == GNUTLS_CIPHER_AES_128_CCM_8 || id == GNUTLS_CIPHER_AES_256_CCM_8) ? 8 : 16;
        exact_key = (id == GNUTLS_CIPHER_AES_128_CCM || id == GNUTLS_CIPHER_AES_128_CCM_8) ? 16 : 32;
        break;
    case GNUTLS_CIPHER_AES_128_SIV:
    case GNUTLS_CIPHER_AES_256_SIV:
        info->mode = GNOSSL_MODE_ONLY_AEAD;
        info->iv_size = info->block_size = info->tag_size = 16;
        exact_key = id == GNUTLS_CIPHER_AES_128_SIV ? 32 : 64;
        break;
    default:
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }

    if (info->accelerated) {
        if (run == GNUTLS_CIPHER_UNKNOWN) {
            gnossl_debug("cipher %d: key of %zu bytes refused", (int)id, keylen);
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        }
        info->key_size = (unsigned)keylen;
    } else {
        if (keylen != exact_key) {
            gnossl_debug("cipher %d: key of %zu bytes refused", (int)id, keylen);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        info->key_size = exact_key;
    }
    info->evp = gnossl_cipher_fetch(run);
    if (info->evp == NULL) {
        gnossl_debug("cipher %d: not available in OpenSSL", (int)id);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    return 0;
}
