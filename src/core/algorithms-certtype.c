/* Certificate type and (TLS 1.2 record) compression names as GnuTLS 3.7.9
 * has them.  Only the NULL compression method exists. */
#include "gnossl.h"

#include <strings.h>

const char *gnutls_certificate_type_get_name(gnutls_certificate_type_t type)
{
    switch (type) {
    case GNUTLS_CRT_X509: return "X.509";
    case GNUTLS_CRT_RAWPK: return "Raw Public Key";
    default: return NULL; /* OpenPGP is gone from GnuTLS 3.7 */
    }
}

/* The display name "Raw Public Key" is not accepted; these are. */
gnutls_certificate_type_t gnutls_certificate_type_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_CRT_UNKNOWN;
    if (strcasecmp(name, "X.509") == 0 || strcasecmp(name, "X509") == 0)
        return GNUTLS_CRT_X509;
    if (strcasecmp(name, "RAWPK") == 0)
        return GNUTLS_CRT_RAWPK;
    return GNUTLS_CRT_UNKNOWN;
}

static const gnutls_certificate_type_t crt_list[] = {GNUTLS_CRT_X509, GNUTLS_CRT_RAWPK, 0};

const gnutls_certificate_type_t *gnutls_certificate_type_list(void)
{
    return crt_list;
}

const char *gnutls_compression_get_name(gnutls_compression_method_t algorithm)
{
    return algorithm == GNUTLS_COMP_NULL ? "NULL" : NULL;
}

gnutls_compression_method_t gnutls_compression_get_id(const char *name)
{
    return name != NULL && strcasecmp(name, "NULL") == 0 ? GNUTLS_COMP_NULL : GNUTLS_COMP_UNKNOWN;
}

/* TLS record compression is never negotiated. */
gnutls_compression_method_t gnutls_compression_get(gnutls_session_t session)
{
    (void)session;
    return GNUTLS_COMP_NULL;
}

static const gnutls_compression_method_t comp_list[] = {GNUTLS_COMP_NULL, 0};

const gnutls_compression_method_t *gnutls_compression_list(void)
{
    return comp_list;
}
