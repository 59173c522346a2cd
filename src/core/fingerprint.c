/* gnutls_fingerprint: a digest of arbitrary data under GnuTLS's size
 * protocol (the size is reported before anything is hashed). */
#include "gnossl.h"

int gnutls_fingerprint(gnutls_digest_algorithm_t algo, const gnutls_datum_t *data, void *result,
                       size_t *result_size)
{
    unsigned len = gnutls_hash_get_len(algo);
    int ret;

    if (data == NULL || result_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (result == NULL || len > *result_size) {
        *result_size = len;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    *result_size = len;
    /* GnuTLS lists MD2 as a digest of size 0 that "hashes" into nothing;
     * OpenSSL 3 has no MD2 at all. */
    if (algo == GNUTLS_DIG_MD2 && len == 0)
        return 0;
    /* An unknown or non-hash id fails here, after the size was written. */
    ret = gnutls_hash_fast(algo, data->data, data->size, result);
    return ret < 0 ? ret : 0;
}
