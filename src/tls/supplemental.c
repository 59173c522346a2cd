/* RFC 4680 supplemental data.  Registering a type (globally or per
 * session) disables TLS 1.3 in GnuTLS and gnutls_supplemental_send/recv
 * add a SupplementalData message to the TLS 1.2 handshake; OpenSSL has
 * neither, so those stay tolerated stubs.  With nothing registered GnuTLS
 * names no type, which is what this answers. */
#include "gnossl.h"

const char *gnutls_supplemental_get_name(gnutls_supplemental_data_format_type_t type)
{
    (void)type;
    return NULL;
}
