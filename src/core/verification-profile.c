/* Certificate verification profiles by name (gnutls_certificate_verification_
 * profile_get_id/_get_name): the names GnuTLS's config files and priority
 * strings use, matched without regard to case. */
#include "gnossl.h"

#include <strings.h>

static const struct {
    const char *name;
    gnutls_certificate_verification_profiles_t id;
} profiles[] = {
    {"Very weak", GNUTLS_PROFILE_VERY_WEAK}, {"Low", GNUTLS_PROFILE_LOW},
    {"Legacy", GNUTLS_PROFILE_LEGACY},       {"Medium", GNUTLS_PROFILE_MEDIUM},
    {"High", GNUTLS_PROFILE_HIGH},           {"Ultra", GNUTLS_PROFILE_ULTRA},
    {"Future", GNUTLS_PROFILE_FUTURE},       {"SuiteB128", GNUTLS_PROFILE_SUITEB128},
    {"SuiteB192", GNUTLS_PROFILE_SUITEB192},
};

gnutls_certificate_verification_profiles_t gnutls_certificate_verification_profile_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_PROFILE_UNKNOWN;
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (strcasecmp(profiles[i].name, name) == 0)
            return profiles[i].id;
    return GNUTLS_PROFILE_UNKNOWN;
}

const char *gnutls_certificate_verification_profile_get_name(gnutls_certificate_verification_profiles_t id)
{
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (profiles[i].id == id)
            return profiles[i].name;
    return NULL;
}
