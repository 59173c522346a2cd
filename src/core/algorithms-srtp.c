/* DTLS-SRTP protection profile names (RFC 5764) as GnuTLS 3.7.9 has them. */
#include "gnossl.h"

#include <string.h>

static const struct {
    gnutls_srtp_profile_t id;
    const char *name;
} profiles[] = {
    {GNUTLS_SRTP_AES128_CM_HMAC_SHA1_80, "SRTP_AES128_CM_HMAC_SHA1_80"},
    {GNUTLS_SRTP_AES128_CM_HMAC_SHA1_32, "SRTP_AES128_CM_HMAC_SHA1_32"},
    {GNUTLS_SRTP_NULL_HMAC_SHA1_80, "SRTP_NULL_HMAC_SHA1_80"},
    {GNUTLS_SRTP_NULL_HMAC_SHA1_32, "SRTP_NULL_SHA1_32"},
};

const char *gnutls_srtp_get_profile_name(gnutls_srtp_profile_t profile)
{
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (profiles[i].id == profile)
            return profiles[i].name;
    return NULL;
}

/* Exact, case-sensitive match; on failure *profile is set to 0. */
int gnutls_srtp_get_profile_id(const char *name, gnutls_srtp_profile_t *profile)
{
    gnutls_srtp_profile_t found = (gnutls_srtp_profile_t)0;
    for (size_t i = 0; name != NULL && i < sizeof profiles / sizeof profiles[0]; i++)
        if (strcmp(profiles[i].name, name) == 0)
            found = profiles[i].id;
    if (profile != NULL)
        *profile = found;
    return found != 0 ? 0 : GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
}
