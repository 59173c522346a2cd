/* CTX-wide settings the session layer needs, applied by the credentials
 * room to every SSL_CTX right after it creates it (gnossl_tls_ctx_setup,
 * declared weak in cred/cred.h).  All callbacks installed here are
 * dispatchers that find the session through the SSL's ex_data. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "cred/cred.h"
#include "core/algorithms.h"
#include "tls/priority.h"
#include "tls/dh-group.h"
#include "tls/ext-custom.h"
#include "cred/ext-key-limits.h"

#include <openssl/core_names.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdlib.h>
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

/* The server name a ClientHello asks for, parsed from the raw extension
 * (OpenSSL records it only after this callback). */
static char *hello_server_name(SSL *ssl)
{
    const unsigned char *p;
    size_t len;
    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &p, &len) || len < 5)
        return NULL;
    size_t list = (size_t)p[0] << 8 | p[1];
    if (list + 2 > len || p[2] != TLSEXT_NAMETYPE_host_name)
        return NULL;
    size_t n = (size_t)p[3] << 8 | p[4];
    if (n == 0 || 5 + n > len || memchr(p + 5, 0, n) != NULL)
        return NULL;
    char *name = malloc(n + 1);
    if (name != NULL) {
        memcpy(name, p + 5, n);
        name[n] = 0;
    }
    return name;
}

/* GnuTLS's server reads the server_name extension itself and refuses
 * framing errors and DNS names with characters other than letters, digits,
 * '-' and '.'; OpenSSL takes any bytes but NUL.  Checked here, before
 * OpenSSL parses the hello, with GnuTLS's codes: 0 or a GnuTLS error. */
static int check_hello_server_name(SSL *ssl)
{
    const unsigned char *p;
    size_t len;
    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &p, &len))
        return 0;
    if (len < 2)
        return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    size_t list = (size_t)p[0] << 8 | p[1];
    if (list == 0 || list != len - 2)
        return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    p += 2;
    while (list > 0) {
        if (list < 3)
            return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
        unsigned type = p[0];
        size_t n = (size_t)p[1] << 8 | p[2];
        p += 3;
        list -= 3;
        if (n == 0 || n > list)
            return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
        if (type == TLSEXT_NAMETYPE_host_name) {
            /* Only the first DNS name counts. */
            for (size_t i = 0; i < n; i++) {
                unsigned char c = p[i];
                int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '.';
                if (!ok)
                    return GNUTLS_E_RECEIVED_DISALLOWED_NAME;
            }
            return 0;
        }
        p += n;
        list -= n;
    }
    return 0;
}

/* renegotiation_info: GnuTLS checks its length byte whatever the version;
 * OpenSSL ignores the extension in a TLS 1.3 hello. */
static int check_hello_renegotiation_info(SSL *ssl)
{
    const unsigned char *p;
    size_t len;
    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_renegotiate, &p, &len))
        return 0;
    if (len == 0 || (size_t)p[0] + 1 > len)
        return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    return 0;
}

/* %SAFE_RENEGOTIATION on a server: GnuTLS refuses a client that does not
 * signal safe renegotiation (extension or SCSV); OpenSSL accepts it. */
static int check_hello_safe_renegotiation(gnutls_session_t s, SSL *ssl)
{
    const unsigned char *p;
    size_t len;
    if (s->priority == NULL || !(gnossl_priority_flags(s->priority) & GNOSSL_PRIO_SAFE_RENEGOTIATION))
        return 0;
    if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_renegotiate, &p, &len))
        return 0;
    len = SSL_client_hello_get0_ciphers(ssl, &p);
    for (size_t i = 0; i + 1 < len; i += 2)
        if (p[i] == 0x00 && p[i + 1] == 0xff)
            return 0;
    return GNUTLS_E_SAFE_RENEGOTIATION_FAILED;
}

/* The application changed the server's certificate credentials while
 * looking at the hello (lighttpd picks them by server name): move the SSL
 * to the SSL_CTX of the new credentials and re-apply the priorities that
 * the switch resets. */
static int switch_credentials(gnutls_session_t s, SSL *ssl)
{
    int err = 0;
    SSL *tmp = gnossl_cred_new_ssl(s, &err);
    if (tmp == NULL)
        return err < 0 ? err : GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    SSL_set_SSL_CTX(ssl, SSL_get_SSL_CTX(tmp));
    SSL_set_verify(ssl, SSL_get_verify_mode(tmp), SSL_get_verify_callback(tmp));
    SSL_free(tmp);
    s->ssl_cert_cred = s->cred[GNUTLS_CRD_CERTIFICATE];
    err = gnossl_priority_apply(s->priority, ssl, 1, (s->init_flags & GNUTLS_DATAGRAM) != 0);
    if (err == 0)
        gnossl_ext_key_limits(s, ssl);
    return err;
}

/* Hooks on the ClientHello (GNUTLS_HANDSHAKE_CLIENT_HELLO, post-client-hello
 * function): the application looks at the hello (server name, ALPN through
 * gnutls_ext_raw_parse) and may pick credentials, before the server
 * answers. */
static int client_hello_cb(SSL *ssl, int *al, void *arg)
{
    (void)arg;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s == NULL)
        return SSL_CLIENT_HELLO_SUCCESS;
    int bad = check_hello_server_name(ssl);
    if (bad == 0)
        bad = check_hello_renegotiation_info(ssl);
    if (bad == 0)
        bad = check_hello_safe_renegotiation(s, ssl);
    if (bad < 0) {
        s->pending_error = bad;
        *al = bad == GNUTLS_E_RECEIVED_DISALLOWED_NAME ? SSL_AD_ILLEGAL_PARAMETER
              : bad == GNUTLS_E_SAFE_RENEGOTIATION_FAILED ? SSL_AD_HANDSHAKE_FAILURE
                                                          : SSL_AD_DECODE_ERROR;
        return SSL_CLIENT_HELLO_ERROR;
    }
    free(s->ch_server_name);
    s->ch_server_name = hello_server_name(ssl);
    gnossl_early_note_hello(s, ssl);
    gnossl_run_post_hook_now(s, SSL3_MT_CLIENT_HELLO);
    int r = s->pending_error;
    if (r == 0)
        r = gnossl_ext_custom_hello_early(s, ssl);
    if (r == 0 && s->post_client_hello != NULL)
        r = s->post_client_hello(s);
    if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
        return SSL_CLIENT_HELLO_RETRY;
    if (r == 0 && s->cred[GNUTLS_CRD_CERTIFICATE] != s->ssl_cert_cred)
        r = switch_credentials(s, ssl);
    if (r < 0) {
        s->pending_error = r;
        *al = SSL_AD_HANDSHAKE_FAILURE;
        return SSL_CLIENT_HELLO_ERROR;
    }
    /* last: they read the credentials and priorities the hooks settled on */
    if ((r = gnossl_psk_hello(s, ssl)) < 0) {
        s->pending_error = r;
        *al = SSL_AD_HANDSHAKE_FAILURE;
        return SSL_CLIENT_HELLO_ERROR;
    }
    gnossl_dh_hello(s, ssl);
    gnossl_ext_key_hello(s, ssl);
    return SSL_CLIENT_HELLO_SUCCESS;
}

void gnutls_handshake_set_post_client_hello_function(gnutls_session_t s,
                                                     gnutls_handshake_simple_hook_func func)
{
    if (s != NULL)
        s->post_client_hello = func;
}

void gnossl_tls_ctx_setup(SSL_CTX *ctx, int is_server, int is_dtls)
{
    if (is_server) {
        /* A GnuTLS server hands out session IDs but resumes only through
         * tickets (or db functions it was given): no internal cache. */
        SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
        SSL_CTX_set_alpn_select_cb(ctx, gnossl_alpn_select, NULL);
        SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, ticket_cb);
        SSL_CTX_sess_set_new_cb(ctx, gnossl_db_new_session);
        SSL_CTX_sess_set_get_cb(ctx, gnossl_db_get_session);
        SSL_CTX_set_client_hello_cb(ctx, client_hello_cb, NULL);
        gnossl_early_ctx_setup(ctx);
    }
    if (is_server && is_dtls)
        gnossl_dtls_ctx_setup(ctx); /* cookies verified by gnutls_dtls_cookie_verify */
    /* always: the TLS 1.3 write secret lets gnutls_alert_send protect a
     * fatal alert itself (alert-seal.c) */
    SSL_CTX_set_keylog_callback(ctx, gnossl_keylog_dispatch);
    gnossl_ext_custom_ctx_setup(ctx);
}

/* A server whose credentials come only from its ClientHello hooks starts on
 * a process-wide, credential-less SSL_CTX (one for TLS, one for DTLS: the
 * method is the SSL's for good), made again when a hello extension was
 * registered since (ext-custom.c: a CTX in use is never changed). */
static SSL_CTX *bare_ctx[2];
static unsigned bare_gen[2];
static pthread_mutex_t bare_lock = PTHREAD_MUTEX_INITIALIZER;

SSL *gnossl_bare_server_ssl(int dtls)
{
    SSL *ssl = NULL;
    dtls = dtls != 0;
    pthread_mutex_lock(&bare_lock);
    unsigned gen = gnossl_ext_custom_generation();
    if (bare_ctx[dtls] == NULL || bare_gen[dtls] != gen) {
        SSL_CTX *ctx = SSL_CTX_new(dtls ? DTLS_server_method() : TLS_server_method());
        if (ctx != NULL) {
            gnossl_tls_ctx_setup(ctx, 1, dtls);
            SSL_CTX_free(bare_ctx[dtls]); /* SSLs made from it hold their own references */
            bare_ctx[dtls] = ctx;
            bare_gen[dtls] = gen;
        }
    }
    if (bare_ctx[dtls] != NULL)
        ssl = SSL_new(bare_ctx[dtls]);
    pthread_mutex_unlock(&bare_lock);
    return ssl;
}
