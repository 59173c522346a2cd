/* Random numbers: gnutls_rnd over OpenSSL's DRBGs.  Nonces and ordinary
 * randomness come from the public DRBG (RAND_bytes), keys from the private
 * one (RAND_priv_bytes), mirroring GnuTLS's separate generators. */
#include "gnossl.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <limits.h>

int gnutls_rnd(gnutls_rnd_level_t level, void *data, size_t len)
{
    unsigned char *p = data;
    int ok;

    if (len == 0)
        return 0;
    if (data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* OpenSSL takes an int length: fill in chunks */
    while (len > 0) {
        int n = len > INT_MAX ? INT_MAX : (int)len;
        switch (level) {
        case GNUTLS_RND_NONCE:
        case GNUTLS_RND_RANDOM:
            ok = RAND_bytes(p, n);
            break;
        case GNUTLS_RND_KEY:
            ok = RAND_priv_bytes(p, n);
            break;
        default:
            gnossl_debug("gnutls_rnd: unknown level %d", (int)level);
            return GNOSSL_ERR(GNUTLS_E_RANDOM_FAILED);
        }
        if (ok != 1) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_RANDOM_FAILED);
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

void gnutls_rnd_refresh(void)
{
    /* OpenSSL's DRBGs reseed themselves (and after fork); an explicit
     * reseed request is only a hint, as it is in GnuTLS. */
    RAND_poll();
    ERR_clear_error();
}

int gnutls_key_generate(gnutls_datum_t *key, unsigned int key_size)
{
    int ret;

    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    key->data = gnutls_malloc(key_size ? key_size : 1);
    if (key->data == NULL) {
        key->size = 0;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    key->size = key_size;
    ret = gnutls_rnd(GNUTLS_RND_RANDOM, key->data, key_size);
    if (ret < 0) {
        gnutls_free(key->data);
        key->data = NULL;
        key->size = 0;
        return ret;
    }
    return 0;
}
