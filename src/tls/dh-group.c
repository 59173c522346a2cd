/* gnutls_dh_get_group: the prime and generator of the finite-field DH group
 * of the last TLS 1.2 DHE key exchange, as seen in the ServerKeyExchange
 * (sent by servers, received by clients), recorded by
 * gnossl_dh_group_note; clients without a record read them off the server's
 * ephemeral key, which OpenSSL keeps.  Servers need the record: OpenSSL
 * frees their DH key during the handshake; src/cred/ notes the parameters
 * it gives a server session (a group OpenSSL picks itself is not known).  As in GnuTLS, the integers carry a leading zero byte when
 * their top bit is set; a session whose key exchange used no such group
 * (ECDHE, RSA, TLS 1.3) gets empty datums and success. */
#include "gnossl.h"
#include "tls/session.h"
#include "tls/session-int.h"
#include "tls/dh-group.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct dh_group {
    unsigned char *p, *g;
    size_t plen, glen;
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int idx = -1;

static void free_group(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int i, long argl, void *argp)
{
    struct dh_group *d = ptr;
    (void)parent;
    (void)ad;
    (void)i;
    (void)argl;
    (void)argp;
    if (d != NULL) {
        free(d->p);
        free(d->g);
        free(d);
    }
}

static void init_index(void)
{
    idx = SSL_get_ex_new_index(0, NULL, NULL, NULL, free_group);
}

/* A copy without leading zeros, and with one when the top bit is set. */
static unsigned char *mpi(const unsigned char *v, size_t n, size_t *out)
{
    unsigned char *r;
    while (n > 0 && *v == 0) {
        v++;
        n--;
    }
    int lead = n > 0 && (v[0] & 0x80);
    r = malloc(n + (size_t)lead + 1);
    if (r == NULL)
        return NULL;
    r[0] = 0;
    memcpy(r + lead, v, n);
    *out = n + (size_t)lead;
    return r;
}

void gnossl_dh_group_note(SSL *ssl, const unsigned char *p, size_t plen, const unsigned char *g, size_t glen)
{
    struct dh_group *d;

    pthread_once(&once, init_index);
    if (idx < 0 || (d = calloc(1, sizeof *d)) == NULL)
        return;
    d->p = mpi(p, plen, &d->plen);
    d->g = mpi(g, glen, &d->glen);
    struct dh_group *old = SSL_get_ex_data(ssl, idx); /* an earlier choice */
    if (d->p == NULL || d->g == NULL || !SSL_set_ex_data(ssl, idx, d)) {
        free_group(NULL, d, NULL, 0, 0, NULL);
        return;
    }
    free_group(NULL, old, NULL, 0, 0, NULL);
}

void gnossl_dh_group_note_pkey(SSL *ssl, EVP_PKEY *dh)
{
    BIGNUM *p = NULL, *g = NULL;
    unsigned char *pb = NULL, *gb = NULL;

    if (dh != NULL && EVP_PKEY_get_bn_param(dh, OSSL_PKEY_PARAM_FFC_P, &p) &&
        EVP_PKEY_get_bn_param(dh, OSSL_PKEY_PARAM_FFC_G, &g) && (pb = malloc((size_t)BN_num_bytes(p) + 1)) != NULL &&
        (gb = malloc((size_t)BN_num_bytes(g) + 1)) != NULL)
        gnossl_dh_group_note(ssl, pb, (size_t)BN_bn2bin(p, pb), gb, (size_t)BN_bn2bin(g, gb));
    free(pb);
    free(gb);
    BN_free(p);
    BN_free(g);
}

static int copy(gnutls_datum_t *out, const unsigned char *v, size_t n)
{
    out->data = gnutls_malloc(n ? n : 1);
    if (out->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(out->data, v, n);
    out->size = (unsigned)n;
    return 0;
}

/* The group of the server's ephemeral DH key, as a client holds it. */
static int from_peer_key(SSL *ssl, gnutls_datum_t *raw_gen, gnutls_datum_t *raw_prime)
{
    EVP_PKEY *peer = NULL;
    BIGNUM *p = NULL, *g = NULL;
    unsigned char *pb = NULL, *gb = NULL, *pm = NULL, *gm = NULL;
    size_t pl = 0, gl = 0;
    int ret = 0;

    if (!SSL_get_peer_tmp_key(ssl, &peer) || EVP_PKEY_get_base_id(peer) != EVP_PKEY_DH) {
        EVP_PKEY_free(peer);
        return 1; /* none */
    }
    if (!EVP_PKEY_get_bn_param(peer, OSSL_PKEY_PARAM_FFC_P, &p) || !EVP_PKEY_get_bn_param(peer, OSSL_PKEY_PARAM_FFC_G, &g) ||
        (pb = malloc((size_t)BN_num_bytes(p) + 1)) == NULL || (gb = malloc((size_t)BN_num_bytes(g) + 1)) == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    else {
        pm = mpi(pb, (size_t)BN_bn2bin(p, pb), &pl);
        gm = mpi(gb, (size_t)BN_bn2bin(g, gb), &gl);
        if (pm == NULL || gm == NULL || copy(raw_prime, pm, pl) < 0)
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        else if ((ret = copy(raw_gen, gm, gl)) < 0) {
            gnutls_free(raw_prime->data);
            raw_prime->data = NULL;
            raw_prime->size = 0;
        }
    }
    free(pb);
    free(gb);
    free(pm);
    free(gm);
    BN_free(p);
    BN_free(g);
    EVP_PKEY_free(peer);
    return ret;
}

int gnutls_dh_get_group(gnutls_session_t session, gnutls_datum_t *raw_gen, gnutls_datum_t *raw_prime)
{
    SSL *ssl = session ? gnossl_session_ssl(session) : NULL;
    gnutls_credentials_type_t auth;
    struct dh_group *d;
    int ret, kx;

    if (session == NULL || raw_gen == NULL || raw_prime == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    raw_gen->data = raw_prime->data = NULL;
    raw_gen->size = raw_prime->size = 0;
    if (ssl == NULL || SSL_get_current_cipher(ssl) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* no key exchange yet */
    auth = gnutls_auth_get_type(session);
    if (auth != GNUTLS_CRD_ANON && auth != GNUTLS_CRD_PSK && auth != GNUTLS_CRD_CERTIFICATE)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (SSL_version(ssl) == TLS1_3_VERSION)
        /* GnuTLS: no DH group; a server keeps no certificate auth info */
        return SSL_is_server(ssl) && auth == GNUTLS_CRD_CERTIFICATE ? GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR) : 0;
    kx = SSL_CIPHER_get_kx_nid(SSL_get_current_cipher(ssl));
    if (kx != NID_kx_dhe && kx != NID_kx_dhe_psk)
        return 0; /* no finite-field DH in this key exchange */
    pthread_once(&once, init_index);
    d = idx >= 0 ? SSL_get_ex_data(ssl, idx) : NULL;
    if (d == NULL) {
        if (SSL_is_server(ssl))
            return 0; /* OpenSSL chose the group itself (dh_auto): unknown */
        ret = from_peer_key(ssl, raw_gen, raw_prime);
        return ret > 0 ? 0 : ret;
    }
    if ((ret = copy(raw_prime, d->p, d->plen)) < 0)
        return ret;
    if ((ret = copy(raw_gen, d->g, d->glen)) < 0) {
        gnutls_free(raw_prime->data);
        raw_prime->data = NULL;
        raw_prime->size = 0;
    }
    return ret;
}

/* ---- gnutls_dh_get_pubkey: the peer's public value of a TLS 1.2 DHE
 * exchange, taken from the message that carried it (ServerKeyExchange for
 * a client, ClientKeyExchange for a server: OpenSSL keeps neither). ---- */

struct dh_pub {
    unsigned char *y;
    size_t ylen;
};

static pthread_once_t pub_once = PTHREAD_ONCE_INIT;
static int pub_idx = -1;

static void free_pub(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int i, long argl, void *argp)
{
    struct dh_pub *d = ptr;
    (void)parent;
    (void)ad;
    (void)i;
    (void)argl;
    (void)argp;
    if (d != NULL) {
        free(d->y);
        free(d);
    }
}

static void init_pub_index(void)
{
    pub_idx = SSL_get_ex_new_index(0, NULL, NULL, NULL, free_pub);
}

/* Read a 2-byte length and its bytes at *off of body[0..len). */
static const unsigned char *field16(const unsigned char *body, size_t len, size_t *off, size_t *flen)
{
    if (len < *off + 2)
        return NULL;
    *flen = (size_t)body[*off] << 8 | body[*off + 1];
    if (len - *off - 2 < *flen)
        return NULL;
    const unsigned char *f = body + *off + 2;
    *off += 2 + *flen;
    return f;
}

static void note_peer_pub(SSL *ssl, int type, const unsigned char *body, size_t len)
{
    const SSL_CIPHER *c = SSL_get_pending_cipher(ssl);
    if (c == NULL)
        c = SSL_get_current_cipher(ssl);
    int kx = c != NULL ? SSL_CIPHER_get_kx_nid(c) : NID_undef;
    if (kx != NID_kx_dhe && kx != NID_kx_dhe_psk)
        return;
    size_t off = 0, flen = 0;
    const unsigned char *y = NULL;
    if (kx == NID_kx_dhe_psk && field16(body, len, &off, &flen) == NULL) /* hint or identity */
        return;
    if (type == SSL3_MT_SERVER_KEY_EXCHANGE) { /* dh_p, dh_g, dh_Ys */
        if (field16(body, len, &off, &flen) == NULL || field16(body, len, &off, &flen) == NULL)
            return;
    }
    if ((y = field16(body, len, &off, &flen)) == NULL)
        return;
    pthread_once(&pub_once, init_pub_index);
    struct dh_pub *d;
    if (pub_idx < 0 || (d = calloc(1, sizeof *d)) == NULL)
        return;
    struct dh_pub *old = SSL_get_ex_data(ssl, pub_idx); /* a renegotiation's */
    d->y = mpi(y, flen, &d->ylen);
    if (d->y == NULL || !SSL_set_ex_data(ssl, pub_idx, d)) {
        free_pub(NULL, d, NULL, 0, 0, NULL);
        return;
    }
    free_pub(NULL, old, NULL, 0, 0, NULL);
}

void gnossl_dh_note_handshake(SSL *ssl, int write_p, const unsigned char *p, size_t len)
{
    if (write_p)
        return;
    size_t hdr = SSL_is_dtls(ssl) ? 12 : 4;
    if (len < hdr)
        return;
    if ((p[0] == SSL3_MT_SERVER_KEY_EXCHANGE && !SSL_is_server(ssl)) ||
        (p[0] == SSL3_MT_CLIENT_KEY_EXCHANGE && SSL_is_server(ssl)))
        note_peer_pub(ssl, p[0], p + hdr, len - hdr);
}

int gnutls_dh_get_pubkey(gnutls_session_t session, gnutls_datum_t *raw_key)
{
    SSL *ssl = session ? gnossl_session_ssl(session) : NULL;
    gnutls_credentials_type_t auth;
    struct dh_pub *d;

    if (session == NULL || raw_key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    raw_key->data = NULL;
    raw_key->size = 0;
    if (ssl == NULL || SSL_get_current_cipher(ssl) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* no key exchange yet */
    auth = gnutls_auth_get_type(session);
    if (auth != GNUTLS_CRD_ANON && auth != GNUTLS_CRD_PSK && auth != GNUTLS_CRD_CERTIFICATE)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (SSL_version(ssl) == TLS1_3_VERSION)
        return SSL_is_server(ssl) ? GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR) : 0; /* as gnutls_dh_get_group */
    pthread_once(&pub_once, init_pub_index);
    d = pub_idx >= 0 ? SSL_get_ex_data(ssl, pub_idx) : NULL;
    if (d == NULL)
        return 0; /* no finite-field DH in this key exchange: empty, as GnuTLS */
    return copy(raw_key, d->y, d->ylen);
}
