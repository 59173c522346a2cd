/* TLS 1.3 server with external PSKs and a certificate: a GnuTLS server
 * that accepts a client's external PSK negotiates a suite of the PSK's hash
 * (SHA-256).  OpenSSL picks the suite before it looks at the PSK, skips a
 * PSK whose hash differs, and prefers SHA-256 suites only when it has no
 * certificate: so when the hello offers an external PSK (an identity with
 * obfuscated_ticket_age 0, as GnuTLS tells them from tickets), the
 * session's TLS 1.3 suites are narrowed to the SHA-256 ones beforehand.
 *
 * The key exchange mode is GnuTLS's choice too: from the client's
 * psk_key_exchange_modes and the server's key exchanges (client order, or
 * server order with %SERVER_PRECEDENCE).  OpenSSL 3.0 does psk_ke only when
 * no key share can be used, so for psk_ke the session's groups become one
 * the client did not list; with no acceptable mode GnuTLS ignores the PSK
 * (find_session then offers none) and, without a certificate, fails. */
#include "gnossl.h"
#include "cred/cred.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include "tls/priority.h"
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

int gnossl_hello_offers_tls13(SSL *ssl)
{
    const unsigned char *p;
    size_t len, i;

    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_supported_versions, &p, &len) || len < 1)
        return 0;
    for (i = 1; i + 1 < len && i < (size_t)p[0] + 1; i += 2)
        if (p[i] == 0x03 && p[i + 1] == 0x04)
            return 1;
    return 0;
}

int gnossl_hello_is_tls13(SSL *ssl)
{
    int max = SSL_get_max_proto_version(ssl);
    return !SSL_is_dtls(ssl) && (max == 0 || max >= TLS1_3_VERSION) && !(SSL_get_options(ssl) & SSL_OP_NO_TLSv1_3) &&
           gnossl_hello_offers_tls13(ssl);
}

enum mode { MODE_NONE, MODE_PSK, MODE_DHE };

/* GnuTLS 3.7.9's psk_ke_modes choice: the preferred mode both sides have. */
static enum mode choose_mode(gnutls_session_t s, SSL *ssl)
{
    enum { NONE = 1 << 30 };
    gnutls_priority_t prio = gnossl_session_priority(s);
    const unsigned int *kx;
    const unsigned char *m;
    size_t mlen, i;
    int n = prio != NULL ? gnutls_priority_kx_list(prio, &kx) : 0;
    int psk = NONE, dhe = NONE, cpsk = NONE, cdhe = NONE;

    for (int j = 0; j < n; j++) {
        if (kx[j] == GNUTLS_KX_PSK && psk == NONE)
            psk = j;
        else if ((kx[j] == GNUTLS_KX_DHE_PSK || kx[j] == GNUTLS_KX_ECDHE_PSK) && dhe == NONE)
            dhe = j;
    }
    if (psk == NONE && dhe == NONE)
        dhe = 0; /* tickets */
    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_psk_kex_modes, &m, &mlen) || mlen < 1)
        return MODE_NONE;
    for (i = 0; i < m[0] && i + 1 < mlen; i++) {
        if (m[i + 1] == 1 /* psk_dhe_ke */ && cdhe == NONE)
            cdhe = (int)i;
        else if (m[i + 1] == 0 /* psk_ke */ && cpsk == NONE)
            cpsk = (int)i;
    }
    if (prio != NULL && (gnossl_priority_flags(prio) & GNOSSL_PRIO_SERVER_PRECEDENCE)) {
        if (dhe != NONE && cdhe != NONE && (dhe < psk || cpsk == NONE))
            return MODE_DHE;
        if (psk != NONE && cpsk != NONE && (psk < dhe || cdhe == NONE))
            return MODE_PSK;
    } else {
        if (dhe != NONE && cdhe != NONE && (cdhe < cpsk || psk == NONE))
            return MODE_DHE;
        if (psk != NONE && cpsk != NONE && (cpsk < cdhe || dhe == NONE))
            return MODE_PSK;
    }
    return MODE_NONE;
}

/* psk_ke: a group for the session that the client did not list. */
static void no_key_share(SSL *ssl)
{
    static const struct {
        unsigned id;
        const char *name;
    } groups[] = {{21, "P-224"}, {22, "secp256k1"}, {29, "X25519"}, {23, "P-256"}, {24, "P-384"}, {25, "P-521"}};
    const unsigned char *p;
    size_t len = 0, i, j;

    if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_supported_groups, &p, &len) && len >= 2)
        len = ((size_t)p[0] << 8 | p[1]) + 2 <= len ? (size_t)p[0] << 8 | p[1] : 0;
    for (i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        for (j = 0; j + 1 < len && ((unsigned)p[2 + j] << 8 | p[3 + j]) != groups[i].id; j += 2)
            ;
        if (j + 1 >= len) {
            if (!SSL_set1_groups_list(ssl, groups[i].name))
                gnossl_debug("psk: OpenSSL refused group %s", groups[i].name);
            return;
        }
    }
}

int gnossl_psk_hello(gnutls_session_t s, SSL *ssl)
{
    STACK_OF(SSL_CIPHER) *all;
    char list[256];
    size_t used = 0;
    int i;

    struct gnossl_cred_session *st = gnossl_cred_session(s);
    if (st != NULL)
        st->psk_refused = 0;
    /* a TLS 1.2 handshake ignores the extension (and needs its groups) */
    if (gnossl_session_get_cred(s, GNUTLS_CRD_PSK) == NULL || !offers_external_psk(ssl) || !gnossl_hello_is_tls13(ssl))
        return 0;
    switch (choose_mode(s, ssl)) {
    case MODE_NONE:
        if (gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE) == NULL)
            return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);
        if (st != NULL)
            st->psk_refused = 1;
        return 0;
    case MODE_PSK:
        no_key_share(ssl);
        break;
    case MODE_DHE:
        break;
    }
    if ((all = SSL_get_ciphers(ssl)) == NULL)
        return 0;
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
    return 0;
}
