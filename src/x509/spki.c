/* gnutls_x509_spki_*: the RSA-PSS parameters of a SubjectPublicKeyInfo,
 * and the getters of keys and certificates that fill them. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <string.h>

int gnutls_x509_spki_init(gnutls_x509_spki_t *spki)
{
    if (spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *spki = calloc(1, sizeof(**spki));
    return *spki ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_spki_deinit(gnutls_x509_spki_t spki)
{
    free(spki);
}

int gnutls_x509_spki_get_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t *dig,
                                        unsigned int *salt_size)
{
    if (spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (spki->pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    if (dig)
        *dig = spki->dig;
    if (salt_size)
        *salt_size = spki->salt_size;
    return 0;
}

void gnutls_x509_spki_set_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t dig,
                                         unsigned int salt_size)
{
    if (spki == NULL)
        return;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->dig = dig;
    spki->salt_size = salt_size;
}

static gnutls_digest_algorithm_t dig_from_name(const char *name)
{
    static const struct {
        const char *n;
        gnutls_digest_algorithm_t d;
    } t[] = {{"SHA1", GNUTLS_DIG_SHA1},     {"SHA256", GNUTLS_DIG_SHA256}, {"SHA2-256", GNUTLS_DIG_SHA256},
             {"SHA384", GNUTLS_DIG_SHA384}, {"SHA2-384", GNUTLS_DIG_SHA384}, {"SHA512", GNUTLS_DIG_SHA512},
             {"SHA2-512", GNUTLS_DIG_SHA512}, {"SHA224", GNUTLS_DIG_SHA224}, {"SHA2-224", GNUTLS_DIG_SHA224}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcasecmp(t[i].n, name) == 0)
            return t[i].d;
    return GNUTLS_DIG_UNKNOWN;
}

int gnossl_pkey_get_spki(const EVP_PKEY *pkey, struct gnutls_x509_spki_st *spki)
{
    char md[64];
    size_t len = 0;
    if (pkey == NULL || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA_PSS)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    /* an RSA-PSS key without restrictions reports no digest */
    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_DIGEST, md, sizeof md, &len))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    int salt = 0;
    if (!EVP_PKEY_get_int_param(pkey, OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt))
        salt = 20;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->dig = dig_from_name(md);
    spki->salt_size = (unsigned)salt;
    return 0;
}

int gnutls_x509_privkey_get_spki(gnutls_x509_privkey_t key, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_pkey_get_spki(key->pkey, spki);
    return ret < 0 ? GNOSSL_ERR(ret) : 0;
}

int gnutls_privkey_get_spki(gnutls_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_pkey_get_spki(key->pkey, spki);
    return ret < 0 ? GNOSSL_ERR(ret) : 0;
}

int gnutls_pubkey_get_spki(gnutls_pubkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_pkey_get_spki(key->pkey, spki);
    return ret < 0 ? GNOSSL_ERR(ret) : 0;
}

int gnutls_x509_crt_get_spki(gnutls_x509_crt_t cert, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (cert == NULL || cert->x509 == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = X509_get0_pubkey(cert->x509);
    int ret = gnossl_pkey_get_spki(pkey, spki);
    if (ret < 0) {
        /* any other key: just its algorithm */
        memset(spki, 0, sizeof(*spki));
        spki->pk = gnossl_pkey_algorithm(pkey);
    }
    return 0;
}
