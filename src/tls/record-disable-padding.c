/* gnutls_record_disable_padding: defunct in GnuTLS since 3.1.7 (records
 * are never randomly padded unless gnutls_record_send_range asks), so it
 * does nothing there either; openconnect still calls it. */
#include "gnossl.h"

void gnutls_record_disable_padding(gnutls_session_t session)
{
    (void)session;
}
