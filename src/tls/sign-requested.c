/* gnutls_sign_algorithm_get_requested: the signature algorithms the peer
 * asked for, in its order, those GnuTLS knows: a server's from the
 * ClientHello, a client's from the CertificateRequest.  OpenSSL keeps the
 * peer's list once it parsed the message (SSL_get_sigalgs); inside the
 * server's ClientHello hook it has not yet, so the raw extension is read. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "core/algorithms.h"

#include <openssl/ssl.h>
#include <openssl/tls1.h>

/* The INDX-th known algorithm of a list of TLS code points; under TLS 1.3
 * named as there (ECDSA with its curve), the others as under TLS 1.2. */
static int pick(const unsigned *ids, size_t n, int tls13, size_t indx, gnutls_sign_algorithm_t *algo)
{
    for (size_t i = 0; i < n; i++) {
        gnutls_sign_algorithm_t a = tls13 ? gnossl_sign_from_tls_id(ids[i], 1) : GNUTLS_SIGN_UNKNOWN;
        if (a == GNUTLS_SIGN_UNKNOWN)
            a = gnossl_sign_from_tls_id(ids[i], 0);
        if (a != GNUTLS_SIGN_UNKNOWN && indx-- == 0) {
            *algo = a;
            return 0;
        }
    }
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

int gnutls_sign_algorithm_get_requested(gnutls_session_t session, size_t indx, gnutls_sign_algorithm_t *algo)
{
    if (session == NULL || session->ssl == NULL || algo == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    SSL *ssl = session->ssl;
    int tls13 = SSL_version(ssl) == TLS1_3_VERSION;
    unsigned ids[128];
    size_t n = 0;
    int total = SSL_get_sigalgs(ssl, -1, NULL, NULL, NULL, NULL, NULL);
    for (int i = 0; i < total && n < sizeof ids / sizeof *ids; i++) {
        unsigned char rsig = 0, rhash = 0;
        SSL_get_sigalgs(ssl, i, NULL, NULL, NULL, &rsig, &rhash);
        ids[n++] = (unsigned)rhash << 8 | rsig;
    }
    const unsigned char *p;
    size_t len;
    if (n == 0 && session->is_server && SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_signature_algorithms, &p, &len) &&
        len >= 2) {
        /* the version is not chosen yet: TLS 1.3 if both sides may use it */
        const unsigned char *v;
        size_t vlen;
        long max = SSL_get_max_proto_version(ssl);
        tls13 = 0;
        if ((max == 0 || max >= TLS1_3_VERSION) &&
            SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_supported_versions, &v, &vlen) && vlen >= 1)
            for (size_t i = 1; i + 1 < vlen + 0 && i < 1 + (size_t)v[0]; i += 2)
                tls13 |= v[i] == 0x03 && v[i + 1] == 0x04;
        size_t list = (size_t)p[0] << 8 | p[1];
        for (size_t i = 2; i + 1 < len && i < 2 + list && n < sizeof ids / sizeof *ids; i += 2)
            ids[n++] = (unsigned)p[i] << 8 | p[i + 1];
    }
    return pick(ids, n, tls13, indx, algo);
}
