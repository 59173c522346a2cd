/* CTX-wide settings the session layer needs, applied by the credentials
 * room to every SSL_CTX right after it creates it (gnossl_tls_ctx_setup,
 * declared weak in cred/cred.h).  All callbacks installed here are
 * dispatchers that find the session through the SSL's ex_data. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "cred/cred.h"
#include "core/algorithms.h"

#include <openssl/core_names.h>
#include <openssl/rand.h>
#include <string.h>

/* Session tickets under the key the application gave the session
 * (gnutls_session_ticket_enable_server): 16 bytes name, 32 bytes AES-256
 * key, 16 bytes HMAC-SHA256 key.  A ticket under another key is ignored
 * (full handshake), as GnuTLS does. */
static int ticket_cb(SSL *ssl, unsigned char key_name[16], unsigned char iv[EVP_MAX_IV_LENGTH],
                     EVP_CIPHER_CTX *cctx, EVP_MAC_CTX *hctx, int enc)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    const EVP_CIPHER *aes = gnossl_cipher_fetch(GNUTLS_CIPHER_AES_256_CBC);
    if (s == NULL || !s->ticket_key_set || aes == NULL)
        return enc ? -1 : 0;
    OSSL_PARAM params[3];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, s->ticket_key + 48, 16);
    params[2] = OSSL_PARAM_construct_end();
    if (enc) {
        memcpy(key_name, s->ticket_key, 16);
        if (RAND_bytes(iv, 16) != 1 || !EVP_EncryptInit_ex(cctx, aes, NULL, s->ticket_key + 16, iv) ||
            !EVP_MAC_CTX_set_params(hctx, params))
            return -1;
        return 1;
    }
    if (memcmp(key_name, s->ticket_key, 16) != 0)
        return 0;
    if (!EVP_DecryptInit_ex(cctx, aes, NULL, s->ticket_key + 16, iv) || !EVP_MAC_CTX_set_params(hctx, params))
        return -1;
    return 1;
}

void gnossl_tls_ctx_setup(SSL_CTX *ctx, int is_server, int is_dtls)
{
    (void)is_dtls;
    if (is_server) {
        /* A GnuTLS server hands out session IDs but resumes only through
         * tickets (or db functions it was given): no internal cache. */
        SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
        SSL_CTX_set_alpn_select_cb(ctx, gnossl_alpn_select, NULL);
        SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, ticket_cb);
    }
    if (gnossl_keylog_env_wanted())
        SSL_CTX_set_keylog_callback(ctx, gnossl_keylog_dispatch);
}
