/* TLS 1.3 server with external PSKs and a certificate: a GnuTLS server
 * that accepts a client's external PSK negotiates a suite of the PSK's hash
 * (SHA-256).  OpenSSL picks the suite before it looks at the PSK, skips a
 * PSK whose hash differs, and prefers SHA-256 suites only when it has no
 * certificate: so when the hello offers an external PSK (an identity with
 * obfuscated_ticket_age 0, as GnuTLS tells them from tickets), the
 * session's TLS 1.3 suites are narrowed to the SHA-256 ones beforehand. */
#include "gnossl.h"
#include "cred/cred.h"
#include "tls/session.h"
#include <openssl/evp.h>
#include <string.h>

static int offers_external_psk(SSL *ssl)
{
    const unsigned char *p;
    size_t len, ids, off;

    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_psk, &p, &len) || len < 2)
        return 0;
    ids = (size_t)p[0] << 8 | p[1];
    if (ids + 2 > len)
        return 0;
    for (off = 2; off + 2 <= ids + 2;) {
        size_t n = (size_t)p[off] << 8 | p[off + 1];
        if (off + 2 + n + 4 > ids + 2)
            return 0;
        off += 2 + n;
        if (p[off] == 0 && p[off + 1] == 0 && p[off + 2] == 0 && p[off + 3] == 0)
            return 1;
        off += 4;
    }
    return 0;
}

void gnossl_psk_hello(gnutls_session_t s, SSL *ssl)
{
    STACK_OF(SSL_CIPHER) *all;
    char list[256];
    size_t used = 0;
    int i;

    if (gnossl_session_get_cred(s, GNUTLS_CRD_PSK) == NULL || !offers_external_psk(ssl) ||
        (all = SSL_get_ciphers(ssl)) == NULL)
        return;
    list[0] = 0;
    for (i = 0; i < sk_SSL_CIPHER_num(all); i++) {
        const SSL_CIPHER *c = sk_SSL_CIPHER_value(all, i);
        const EVP_MD *md = SSL_CIPHER_get_handshake_digest(c);
        const char *name = SSL_CIPHER_get_name(c);
        if ((SSL_CIPHER_get_protocol_id(c) >> 8) != 0x13 || md == NULL || EVP_MD_get_type(md) != NID_sha256)
            continue;
        if (used + strlen(name) + 2 > sizeof list)
            break;
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ":" : "", name);
    }
    if (used > 0 && !SSL_set_ciphersuites(ssl, list))
        gnossl_debug("psk: OpenSSL refused TLS 1.3 suites '%s'", list);
}
