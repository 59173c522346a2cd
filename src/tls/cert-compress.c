/* RFC 8879 certificate compression: OpenSSL 3.0 cannot negotiate it
 * (gnutls_compress_certificate_set_methods is a tolerated stub), so no
 * session ever has a method; GnuTLS answers GNUTLS_COMP_UNKNOWN for such
 * a session too. */
#include "gnossl.h"

gnutls_compression_method_t gnutls_compress_certificate_get_selected_method(gnutls_session_t session)
{
    (void)session;
    return GNUTLS_COMP_UNKNOWN;
}
