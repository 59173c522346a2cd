/* CTX-wide settings the session layer needs, applied by the credentials
 * room to every SSL_CTX right after it creates it (gnossl_tls_ctx_setup,
 * declared weak in cred/cred.h).  All callbacks installed here are
 * dispatchers that find the session through the SSL's ex_data. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "cred/cred.h"

void gnossl_tls_ctx_setup(SSL_CTX *ctx, int is_server, int is_dtls)
{
    (void)is_dtls;
    if (is_server) {
        /* A GnuTLS server resumes only through tickets (or db functions it
         * was given): no session-ID cache behind the application's back. */
        SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
        SSL_CTX_set_alpn_select_cb(ctx, gnossl_alpn_select, NULL);
    }
    if (gnossl_keylog_env_wanted())
        SSL_CTX_set_keylog_callback(ctx, gnossl_keylog_dispatch);
}
