/* The certificates of a session: the peer's chain (gnutls_certificate_get_peers)
 * and our own (gnutls_certificate_get_ours). */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

STACK_OF(X509) *gnossl_cred_peer_chain(gnutls_session_t s)
{
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    STACK_OF(X509) *sent, *full;
    SSL *ssl;
    X509 *leaf;
    int i;

    if (st == NULL)
        return NULL;
    if (st->peer_chain != NULL)
        return st->peer_chain;
    /* Not seen in this handshake (a resumed session): take it from the SSL. */
    ssl = gnossl_session_ssl(s);
    if (ssl == NULL || (leaf = SSL_get0_peer_certificate(ssl)) == NULL)
        return NULL;
    full = sk_X509_new_null();
    if (full == NULL)
        return NULL;
    X509_up_ref(leaf);
    sk_X509_push(full, leaf);
    sent = SSL_get_peer_cert_chain(ssl);
    /* A client's view of the chain starts with the leaf, a server's does not. */
    for (i = 0; sent != NULL && i < sk_X509_num(sent); i++) {
        X509 *x = sk_X509_value(sent, i);
        if (i == 0 && X509_cmp(x, leaf) == 0)
            continue;
        X509_up_ref(x);
        sk_X509_push(full, x);
    }
    st->peer_chain = full;
    return full;
}

int gnossl_cred_cert_auth_used(gnutls_session_t s)
{
    SSL *ssl = gnossl_session_ssl(s);
    const SSL_CIPHER *cipher;
    int auth;

    if (ssl == NULL || (cipher = SSL_get_current_cipher(ssl)) == NULL)
        return 0;
    auth = SSL_CIPHER_get_auth_nid(cipher);
    if (auth == NID_auth_psk || auth == NID_auth_null || auth == NID_auth_srp)
        return 0;
    /* TLS 1.3 suites do not fix authentication: an external PSK handshake
     * shows as a resumed session (a resumed certificate session keeps its
     * peer chain and does not come here). */
    if (auth == NID_auth_any && SSL_session_reused(ssl))
        return 0;
    return 1;
}

const gnutls_datum_t *gnutls_certificate_get_peers(gnutls_session_t session, unsigned int *list_size)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);
    STACK_OF(X509) *chain;
    gnutls_datum_t *list;
    int i, n;

    /* GnuTLS answers only for a certificate key exchange (list_size is
     * left alone otherwise, e.g. before any handshake). */
    if (session == NULL || gnossl_session_ssl(session) == NULL || st == NULL)
        return NULL;
    chain = gnossl_cred_peer_chain(session);
    if (chain == NULL || (n = sk_X509_num(chain)) == 0) {
        if (list_size != NULL && gnossl_cred_cert_auth_used(session))
            *list_size = 0;
        return NULL;
    }
    if (st->peer_der != NULL && st->peer_der_src == sk_X509_value(chain, 0)) {
        if (list_size != NULL)
            *list_size = st->npeer;
        return st->peer_der;
    }
    list = calloc((size_t)n, sizeof(*list));
    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char *der = NULL;
        int len = i2d_X509(sk_X509_value(chain, i), &der);
        if (len <= 0 || (list[i].data = malloc((size_t)len)) == NULL) {
            OPENSSL_free(der);
            while (i-- > 0)
                free(list[i].data);
            free(list);
            return NULL;
        }
        memcpy(list[i].data, der, (size_t)len);
        list[i].size = (unsigned)len;
        OPENSSL_free(der);
    }
    /* The list of a previous handshake (renegotiation) is replaced. */
    if (st->peer_der != NULL) {
        unsigned k;
        for (k = 0; k < st->npeer; k++)
            free(st->peer_der[k].data);
        free(st->peer_der);
    }
    st->peer_der = list;
    st->npeer = (unsigned)n;
    st->peer_der_src = sk_X509_value(chain, 0);
    if (list_size != NULL)
        *list_size = st->npeer;
    return list;
}

const gnutls_datum_t *gnutls_certificate_get_ours(gnutls_session_t session)
{
    gnutls_certificate_credentials_t c = gnossl_session_get_cred(session, GNUTLS_CRD_CERTIFICATE);
    const gnutls_datum_t *ret = NULL;
    SSL *ssl = gnossl_session_ssl(session);
    X509 *ours;
    unsigned i;

    if (c == NULL || ssl == NULL || (ours = SSL_get_certificate(ssl)) == NULL)
        return NULL;
    /* A client sends its certificate only when the server asks for one. */
    if (!gnossl_session_is_server(session) && !gnutls_certificate_client_get_request_status(session))
        return NULL;
    pthread_mutex_lock(&c->lock);
    for (i = 0; i < c->nkeys; i++)
        if (X509_cmp(c->keys[i].cert, ours) == 0) {
            ret = &c->keys[i].der;
            break;
        }
    pthread_mutex_unlock(&c->lock);
    return ret;
}

static time_t asn1_to_time(const ASN1_TIME *t)
{
    struct tm tm;

    if (t == NULL || !ASN1_TIME_to_tm(t, &tm))
        return (time_t)-1;
    return timegm(&tm);
}

/* One of the peer certificate's validity bounds (both getters). */
static time_t peer_time(gnutls_session_t session, int not_after)
{
    STACK_OF(X509) *chain;

    if (session == NULL || gnossl_session_ssl(session) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    chain = gnossl_cred_peer_chain(session);
    if ((chain == NULL || sk_X509_num(chain) == 0) && !gnossl_cred_cert_auth_used(session))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* no certificate key exchange */
    if (chain == NULL || sk_X509_num(chain) == 0)
        return (time_t)-1;
    X509 *x = sk_X509_value(chain, 0);
    return asn1_to_time(not_after ? X509_get0_notAfter(x) : X509_get0_notBefore(x));
}

time_t gnutls_certificate_activation_time_peers(gnutls_session_t session)
{
    return peer_time(session, 0);
}

time_t gnutls_certificate_expiration_time_peers(gnutls_session_t session)
{
    return peer_time(session, 1);
}
