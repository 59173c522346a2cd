/* A TLS 1.2 server whose RSA key is external and cannot sign any RSA
 * signature algorithm the client offers (a key without RSA-PSS facing a
 * client that offers only RSA-PSS): GnuTLS skips the suites that need an
 * RSA signature (ECDHE-RSA, DHE-RSA) and may pick an RSA key-exchange one.
 * OpenSSL would choose ECDHE-RSA and then find nothing to sign with, so
 * those suites leave the session's list before it chooses (certificate
 * callback, which libssl runs after the version and the client's
 * signature algorithms are known and before the suite is chosen).  libssl
 * also wants, even for an RSA key exchange, a shared RSA algorithm it
 * would sign with: so the server's own list, narrowed to what the key
 * signs (ext-key-limits.c), is widened again at the ClientHello. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/ext-key-limits.h"
#include "core/algorithms.h"
#include "tls/priority-int.h"
#include "tls/session.h"
#include "x509/x509.h"

#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does key sign some RSA algorithm both ends share?  Without the client's
 * list (no signature_algorithms extension) RSA-SHA1 is implied: yes. */
static int signs_shared(SSL *ssl, gnutls_privkey_t key)
{
    int n = SSL_get_shared_sigalgs(ssl, 0, NULL, NULL, NULL, NULL, NULL);

    if (SSL_get_sigalgs(ssl, -1, NULL, NULL, NULL, NULL, NULL) <= 0)
        return 1;
    for (int i = 0; i < n; i++) {
        unsigned char rsig = 0, rhash = 0;
        gnutls_sign_algorithm_t algo;
        SSL_get_shared_sigalgs(ssl, i, NULL, NULL, NULL, &rsig, &rhash);
        algo = gnossl_sign_from_tls_id((unsigned)rhash << 8 | rsig, 0);
        if (gnutls_sign_supports_pk_algorithm(algo, GNUTLS_PK_RSA) && gnossl_privkey_ext_can_sign(key, algo))
            return 1;
    }
    return 0;
}

/* The session's TLS 1.2 suites less those the server signs with RSA. */
static void drop_rsa_signed(SSL *ssl)
{
    STACK_OF(SSL_CIPHER) *sk = SSL_get_ciphers(ssl);
    size_t cap = 1, len = 0;
    int dropped = 0;
    char *list;

    for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++)
        cap += strlen(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(sk, i))) + 1;
    if ((list = malloc(cap)) == NULL)
        return;
    list[0] = 0;
    for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
        const SSL_CIPHER *c = sk_SSL_CIPHER_value(sk, i);
        const char *name = SSL_CIPHER_get_name(c);
        if (SSL_CIPHER_get_auth_nid(c) == NID_auth_any)
            continue; /* TLS 1.3: its own list, untouched */
        if (SSL_CIPHER_get_auth_nid(c) == NID_auth_rsa && SSL_CIPHER_get_kx_nid(c) != NID_kx_rsa) {
            dropped = 1;
            continue;
        }
        len += (size_t)snprintf(list + len, cap - len, "%s%s", len ? ":" : "", name);
    }
    /* nothing left: the list stays, and the handshake fails as before */
    if (dropped && len > 0 && SSL_set_cipher_list(ssl, list) != 1)
        gnossl_debug("external key: cannot leave out the RSA-signed suites");
    free(list);
}

void gnossl_ext_key_server_suites(SSL *ssl, gnutls_privkey_t key)
{
    if (key == NULL || key->ext == NULL || !SSL_is_server(ssl) || SSL_version(ssl) != TLS1_2_VERSION ||
        gnutls_privkey_get_pk_algorithm(key, NULL) != GNUTLS_PK_RSA)
        return;
    if (!signs_shared(ssl, key))
        drop_rsa_signed(ssl);
}

int gnossl_ext_key_suites_cb(SSL *ssl, void *arg)
{
    gnossl_ext_key_server_suites(ssl, arg);
    return 1;
}

/* The external key of the credentials' RSA pair (OpenSSL uses the last). */
static gnutls_privkey_t rsa_signer(gnutls_certificate_credentials_t c)
{
    gnutls_privkey_t k = NULL;
    pthread_mutex_lock(&c->lock);
    for (unsigned i = c->nkeys; i-- > 0;)
        if (EVP_PKEY_get_base_id(X509_get0_pubkey(c->keys[i].cert)) == EVP_PKEY_RSA) {
            k = c->keys[i].gkey != NULL && c->keys[i].gkey->ext != NULL ? c->keys[i].gkey : NULL;
            break;
        }
    pthread_mutex_unlock(&c->lock);
    return k;
}

/* Does the hello offer an RSA algorithm of p that key signs? */
static int hello_offers(SSL *ssl, gnutls_privkey_t key, gnutls_priority_t p)
{
    const unsigned char *d;
    const unsigned *mine = NULL;
    size_t len;
    int n = gnutls_priority_sign_list(p, &mine);

    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_signature_algorithms, &d, &len) || len < 2)
        return 1; /* RSA-SHA1 implied */
    for (size_t i = 2; i + 1 < len; i += 2) {
        gnutls_sign_algorithm_t algo = gnossl_sign_from_tls_id((unsigned)d[i] << 8 | d[i + 1], 0);
        if (!gnutls_sign_supports_pk_algorithm(algo, GNUTLS_PK_RSA) || !gnossl_privkey_ext_can_sign(key, algo))
            continue;
        for (int j = 0; j < n; j++)
            if (mine[j] == (unsigned)algo)
                return 1;
    }
    return 0;
}

/* Can the session still become TLS 1.3? */
static int may_be_tls13(SSL *ssl)
{
    const unsigned char *v;
    size_t len;
    long max = SSL_get_max_proto_version(ssl);

    if (SSL_is_dtls(ssl) || (max != 0 && max < TLS1_3_VERSION) ||
        !SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_supported_versions, &v, &len))
        return 0;
    for (size_t i = 1; i + 1 < len && i <= v[0]; i += 2)
        if (v[i] == 0x03 && v[i + 1] == 0x04)
            return 1;
    return 0;
}

void gnossl_ext_key_hello(gnutls_session_t s, SSL *ssl)
{
    gnutls_certificate_credentials_t c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    gnutls_priority_t p = gnossl_session_priority(s);
    gnutls_privkey_t key;

    if (c == NULL || p == NULL || p->sigalgs_list == NULL || (key = rsa_signer(c)) == NULL ||
        gnutls_privkey_get_pk_algorithm(key, NULL) != GNUTLS_PK_RSA)
        return;
    /* TLS 1.3 takes the narrowed list to pick among the pairs */
    if (!may_be_tls13(ssl) && !hello_offers(ssl, key, p))
        SSL_set1_sigalgs_list(ssl, p->sigalgs_list);
}
