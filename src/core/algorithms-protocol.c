/* Protocol version names as GnuTLS 3.7.9 has them. */
#include "gnossl.h"

#include <strings.h>

static const struct {
    gnutls_protocol_t id;
    const char *name;
} protocols[] = {
    {GNUTLS_SSL3, "SSL3.0"},
    {GNUTLS_TLS1_0, "TLS1.0"},
    {GNUTLS_TLS1_1, "TLS1.1"},
    {GNUTLS_TLS1_2, "TLS1.2"},
    {GNUTLS_TLS1_3, "TLS1.3"},
    {GNUTLS_DTLS0_9, "DTLS0.9"},
    {GNUTLS_DTLS1_0, "DTLS1.0"},
    {GNUTLS_DTLS1_2, "DTLS1.2"},
};

const char *gnutls_protocol_get_name(gnutls_protocol_t version)
{
    for (size_t i = 0; i < sizeof protocols / sizeof protocols[0]; i++)
        if (protocols[i].id == version)
            return protocols[i].name;
    return NULL;
}

gnutls_protocol_t gnutls_protocol_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_VERSION_UNKNOWN;
    for (size_t i = 0; i < sizeof protocols / sizeof protocols[0]; i++)
        if (strcasecmp(protocols[i].name, name) == 0)
            return protocols[i].id;
    return GNUTLS_VERSION_UNKNOWN;
}

/* SSL 3.0 has a name but, as in GnuTLS, is not a supported version. */
static const gnutls_protocol_t protocol_list[] = {
    GNUTLS_TLS1_0, GNUTLS_TLS1_1, GNUTLS_TLS1_2, GNUTLS_TLS1_3,
    GNUTLS_DTLS0_9, GNUTLS_DTLS1_0, GNUTLS_DTLS1_2, 0};

const gnutls_protocol_t *gnutls_protocol_list(void)
{
    return protocol_list;
}

/* GnuTLS accepts this only while the system configuration is in allowlist
 * mode and not yet frozen; without /etc/gnutls/config (Debian's default)
 * it always refuses, and so does gnossl, which reads no such file. */
int gnutls_protocol_set_enabled(gnutls_protocol_t version, unsigned int enabled)
{
    (void)version;
    (void)enabled;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}
