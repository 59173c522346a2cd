/* Applying a compiled priority to a new SSL: only SSL_set_* calls, every
 * string and bound was computed once in gnutls_priority_init. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

int gnossl_priority_apply(gnutls_priority_t p, SSL *ssl, int is_server, int is_dtls)
{
    if (p == NULL || ssl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    ERR_clear_error();
    SSL_clear_options(ssl, p->op_clear | SSL_OP_NO_SSL_MASK | SSL_OP_NO_DTLS_MASK);
    SSL_set_options(ssl, p->op_set | (is_dtls ? 0 : p->tls_no_ops));
    if (!SSL_set_min_proto_version(ssl, is_dtls ? p->dtls_min : p->tls_min) ||
        !SSL_set_max_proto_version(ssl, is_dtls ? p->dtls_max : p->tls_max)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    /* An empty TLS <= 1.2 list is expressed by the version bounds. */
    if (p->cipher_list != NULL && !SSL_set_cipher_list(ssl, p->cipher_list))
        gnossl_debug("priority: OpenSSL took none of the TLS 1.2 suites '%s'", p->cipher_list);
    if (!is_dtls && !SSL_set_ciphersuites(ssl, p->ciphersuites))
        gnossl_debug("priority: OpenSSL refused TLS 1.3 suites '%s'", p->ciphersuites);
    if (p->groups_list != NULL && !SSL_set1_groups_list(ssl, p->groups_list))
        gnossl_debug("priority: OpenSSL refused groups '%s'", p->groups_list);
    if (p->sigalgs_list != NULL && !SSL_set1_sigalgs_list(ssl, p->sigalgs_list))
        gnossl_debug("priority: OpenSSL refused signature algorithms '%s'", p->sigalgs_list);
    SSL_set_security_level(ssl, is_dtls ? p->dtls_seclevel : p->seclevel);
    if (p->mode_fallback && !is_server)
        SSL_set_mode(ssl, SSL_MODE_SEND_FALLBACK_SCSV);
    ERR_clear_error();
    return 0;
}

unsigned gnossl_priority_flags(gnutls_priority_t p)
{
    return p != NULL ? p->flags : 0;
}

/* Profile in the top byte, as GNUTLS_PROFILE_TO_VFLAGS puts it. */
unsigned gnossl_priority_verify_flags(gnutls_priority_t p)
{
    if (p == NULL)
        return 0;
    return (p->verify_flags & 0x00ffffffu) | GNUTLS_PROFILE_TO_VFLAGS(p->profile);
}
