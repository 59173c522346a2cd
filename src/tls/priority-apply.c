/* Applying a compiled priority to a new SSL: only SSL_set_* calls, every
 * string and bound was computed once in gnutls_priority_init.
 *
 * SSL_set_cipher_list costs ~25us in OpenSSL 3.0 whatever the list, so an
 * SSL_CTX may be given the algorithm lists once (gnossl_priority_apply_ctx);
 * SSLs made from it then skip the list calls while their priority's lists
 * are the same. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static int ctx_index = -1;
static pthread_once_t ctx_index_once = PTHREAD_ONCE_INIT;

static void free_key(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl, void *argp)
{
    (void)parent;
    (void)ad;
    (void)idx;
    (void)argl;
    (void)argp;
    free(ptr);
}

static void make_index(void)
{
    __atomic_store_n(&ctx_index, SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, free_key), __ATOMIC_RELEASE);
}

/* Set the four lists; 0 if OpenSSL took them all.  (TLS 1.3 suites are
 * set on DTLS objects too: harmless, and keeps one list state per CTX.) */
static int set_lists(gnutls_priority_t p, SSL *ssl, SSL_CTX *ctx)
{
    int bad = 0;
    if (p->cipher_list != NULL &&
        !(ssl ? SSL_set_cipher_list(ssl, p->cipher_list) : SSL_CTX_set_cipher_list(ctx, p->cipher_list))) {
        gnossl_debug("priority: OpenSSL took none of the TLS 1.2 suites '%s'", p->cipher_list);
        bad = 1;
    }
    if (!(ssl ? SSL_set_ciphersuites(ssl, p->ciphersuites) : SSL_CTX_set_ciphersuites(ctx, p->ciphersuites))) {
        gnossl_debug("priority: OpenSSL refused TLS 1.3 suites '%s'", p->ciphersuites);
        bad = 1;
    }
    if (p->groups_list != NULL &&
        !(ssl ? SSL_set1_groups_list(ssl, p->groups_list) : SSL_CTX_set1_groups_list(ctx, p->groups_list))) {
        gnossl_debug("priority: OpenSSL refused groups '%s'", p->groups_list);
        bad = 1;
    }
    if (p->sigalgs_list != NULL &&
        !(ssl ? SSL_set1_sigalgs_list(ssl, p->sigalgs_list) : SSL_CTX_set1_sigalgs_list(ctx, p->sigalgs_list))) {
        gnossl_debug("priority: OpenSSL refused signature algorithms '%s'", p->sigalgs_list);
        bad = 1;
    }
    return bad;
}

int gnossl_priority_apply_ctx(gnutls_priority_t p, SSL_CTX *ctx)
{
    if (p == NULL || ctx == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_once(&ctx_index_once, make_index);
    if (ctx_index < 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    ERR_clear_error();
    int bad = set_lists(p, NULL, ctx);
    ERR_clear_error();
    char *key = bad ? NULL : strdup(p->lists_key);
    char *old = SSL_CTX_get_ex_data(ctx, ctx_index);
    if (!SSL_CTX_set_ex_data(ctx, ctx_index, key)) {
        free(key);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    free(old);
    return 0;
}

/* ERR_clear_error costs ~850 instructions in OpenSSL 3.0 even when the
 * queue is empty (the usual case); peeking costs a quarter of that. */
static void clear_if_queued(void)
{
    if (ERR_peek_error() != 0)
        ERR_clear_error();
}

int gnossl_priority_apply(gnutls_priority_t p, SSL *ssl, int is_server, int is_dtls)
{
    if (p == NULL || ssl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    clear_if_queued();
    SSL_clear_options(ssl, p->op_clear | SSL_OP_NO_SSL_MASK | SSL_OP_NO_DTLS_MASK);
    SSL_set_options(ssl, p->op_set | (is_dtls ? 0 : p->tls_no_ops));
    if (!SSL_set_min_proto_version(ssl, is_dtls ? p->dtls_min : p->tls_min) ||
        !SSL_set_max_proto_version(ssl, is_dtls ? p->dtls_max : p->tls_max)) {
        clear_if_queued();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    /* An empty TLS <= 1.2 list is expressed by the version bounds. */
    int idx = __atomic_load_n(&ctx_index, __ATOMIC_ACQUIRE);
    const char *key = idx >= 0 ? SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), idx) : NULL;
    if (key == NULL || strcmp(key, p->lists_key) != 0)
        set_lists(p, ssl, NULL);
    SSL_set_security_level(ssl, is_dtls ? p->dtls_seclevel : p->seclevel);
    if (p->mode_fallback && !is_server)
        SSL_set_mode(ssl, SSL_MODE_SEND_FALLBACK_SCSV);
    clear_if_queued();
    /* e.g. "NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0": it parses, and GnuTLS fails
     * the handshake with this code (the SSL is configured to fail anyway) */
    if (is_dtls ? p->dtls_unusable : p->tls_unusable)
        return GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET);
    return 0;
}

unsigned gnossl_priority_flags(gnutls_priority_t p)
{
    return p != NULL ? p->flags : 0;
}

int gnossl_priority_has_sign_code(gnutls_priority_t p, unsigned code)
{
    if (p == NULL || code == 0)
        return 0;
    for (unsigned i = 0; i < p->sign.n; i++)
        if (gnossl_prio_sign_tls_code(p->sign.v[i]) == code)
            return 1;
    return 0;
}

/* Profile in the top byte, as GNUTLS_PROFILE_TO_VFLAGS puts it. */
unsigned gnossl_priority_verify_flags(gnutls_priority_t p)
{
    if (p == NULL)
        return 0;
    return (p->verify_flags & 0x00ffffffu) | GNUTLS_PROFILE_TO_VFLAGS(p->profile);
}
