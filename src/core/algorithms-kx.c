/* Key exchange names as GnuTLS 3.7.9 has them, in its table order. */
#include "gnossl.h"

#include <strings.h>

static const struct {
    gnutls_kx_algorithm_t id;
    const char *name;
} kxs[] = {
    {GNUTLS_KX_ECDHE_RSA, "ECDHE-RSA"},
    {GNUTLS_KX_ECDHE_ECDSA, "ECDHE-ECDSA"},
    {GNUTLS_KX_RSA, "RSA"},
    {GNUTLS_KX_DHE_RSA, "DHE-RSA"},
    {GNUTLS_KX_DHE_DSS, "DHE-DSS"},
    {GNUTLS_KX_PSK, "PSK"},
    {GNUTLS_KX_RSA_PSK, "RSA-PSK"},
    {GNUTLS_KX_DHE_PSK, "DHE-PSK"},
    {GNUTLS_KX_ECDHE_PSK, "ECDHE-PSK"},
    {GNUTLS_KX_SRP_DSS, "SRP-DSS"},
    {GNUTLS_KX_SRP_RSA, "SRP-RSA"},
    {GNUTLS_KX_SRP, "SRP"},
    {GNUTLS_KX_ANON_DH, "ANON-DH"},
    {GNUTLS_KX_ANON_ECDH, "ANON-ECDH"},
    {GNUTLS_KX_VKO_GOST_12, "VKO-GOST-12"},
    /* GnuTLS keeps the export key exchange under the value -1: it has a
     * name and even appears in gnutls_kx_list, but no name finds it. */
    {(gnutls_kx_algorithm_t)-1, "RSA-EXPORT"},
};

#define N_KX (sizeof kxs / sizeof kxs[0])

const char *gnutls_kx_get_name(gnutls_kx_algorithm_t algorithm)
{
    for (size_t i = 0; i < N_KX; i++)
        if (kxs[i].id == algorithm)
            return kxs[i].name;
    return NULL;
}

gnutls_kx_algorithm_t gnutls_kx_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_KX_UNKNOWN;
    for (size_t i = 0; i < N_KX; i++)
        if ((int)kxs[i].id > 0 && strcasecmp(kxs[i].name, name) == 0)
            return kxs[i].id;
    return GNUTLS_KX_UNKNOWN;
}

/* Deliberate difference: GnuTLS's list minus VKO-GOST-12, which OpenSSL
 * cannot negotiate. */
static const gnutls_kx_algorithm_t kx_list[] = {
    GNUTLS_KX_ECDHE_RSA, GNUTLS_KX_ECDHE_ECDSA, GNUTLS_KX_RSA, GNUTLS_KX_DHE_RSA, GNUTLS_KX_DHE_DSS,
    GNUTLS_KX_PSK, GNUTLS_KX_RSA_PSK, GNUTLS_KX_DHE_PSK, GNUTLS_KX_ECDHE_PSK, GNUTLS_KX_SRP_DSS,
    GNUTLS_KX_SRP_RSA, GNUTLS_KX_SRP, GNUTLS_KX_ANON_DH, GNUTLS_KX_ANON_ECDH, (gnutls_kx_algorithm_t)-1,
    GNUTLS_KX_UNKNOWN};

const gnutls_kx_algorithm_t *gnutls_kx_list(void)
{
    return kx_list;
}
