/* gnutls_privkey_verify_seed: checks that a key was generated from a seed
 * (FIPS 186-4 provable generation).  gnossl never generates keys that way
 * (OpenSSL has no seeded RSA/DSA generation to reproduce), so no key holds
 * a seed: GnuTLS then answers PK_NO_VALIDATION_PARAMS for RSA and DSA keys,
 * and UNIMPLEMENTED_FEATURE for algorithms without provable generation. */
#include "gnossl.h"
#include "x509/x509.h"

int gnutls_privkey_verify_seed(gnutls_privkey_t key, gnutls_digest_algorithm_t digest, const void *seed,
                               size_t seed_size)
{
    gnutls_pk_algorithm_t pk;

    (void)digest;
    (void)seed;
    (void)seed_size;
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pk = gnossl_pkey_algorithm(key->pkey);
    if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_DSA)
        return GNOSSL_ERR(GNUTLS_E_PK_NO_VALIDATION_PARAMS);
    return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
}
