/* Keying material from an established session: the TLS PRF (gnutls_prf,
 * gnutls_prf_raw), RFC 5705 exporters and channel bindings (RFC 5929
 * tls-unique and tls-server-end-point, RFC 9266 tls-exporter). */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static EVP_KDF *tls1_prf;
static pthread_once_t prf_once = PTHREAD_ONCE_INIT;

static void prf_fetch(void)
{
    tls1_prf = EVP_KDF_fetch(NULL, "TLS1-PRF", NULL);
}

static int established(gnutls_session_t s)
{
    return s != NULL && s->ssl != NULL && s->handshake_done;
}

static int is_tls13(gnutls_session_t s)
{
    return SSL_version(s->ssl) == TLS1_3_VERSION;
}

int gnutls_prf_raw(gnutls_session_t s, size_t label_size, const char *label, size_t seed_size,
                   const char *seed, size_t outsize, char *out)
{
    if (!established(s) || is_tls13(s) || out == NULL || (label == NULL && label_size > 0) ||
        (seed == NULL && seed_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_once(&prf_once, prf_fetch);
    const SSL_CIPHER *c = SSL_get_current_cipher(s->ssl);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    if (tls1_prf == NULL || md == NULL)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    unsigned char master[48];
    size_t mlen = SSL_SESSION_get_master_key(SSL_get0_session(s->ssl), master, sizeof master);
    unsigned char *full = malloc(label_size + seed_size + 1);
    if (full == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (label_size)
        memcpy(full, label, label_size);
    if (seed_size)
        memcpy(full + label_size, seed, seed_size);
    EVP_KDF_CTX *k = EVP_KDF_CTX_new(tls1_prf);
    OSSL_PARAM p[4];
    p[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0);
    p[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, master, mlen);
    p[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, full, label_size + seed_size);
    p[3] = OSSL_PARAM_construct_end();
    int ok = k != NULL && EVP_KDF_derive(k, (unsigned char *)out, outsize, p) == 1;
    EVP_KDF_CTX_free(k);
    OPENSSL_cleanse(master, sizeof master);
    free(full);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
}

int gnutls_prf_rfc5705(gnutls_session_t s, size_t label_size, const char *label, size_t context_size,
                       const char *context, size_t outsize, char *out)
{
    if (!established(s) || out == NULL || label == NULL || context_size > 65535 ||
        (context == NULL && context_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ERR_clear_error();
    if (SSL_export_keying_material(s->ssl, (unsigned char *)out, outsize, label, label_size,
                                   (const unsigned char *)context, context_size, context != NULL) != 1) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    return 0;
}

int gnutls_prf(gnutls_session_t s, size_t label_size, const char *label, int server_random_first,
               size_t extra_size, const char *extra, size_t outsize, char *out)
{
    if (!established(s))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (is_tls13(s)) {
        /* TLS 1.3 has only the exporter. */
        if (extra == NULL && server_random_first == 0)
            return gnutls_prf_rfc5705(s, label_size, label, 0, NULL, outsize, out);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    unsigned char *seed = malloc(64 + extra_size);
    if (seed == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    unsigned char cr[32], sr[32];
    SSL_get_client_random(s->ssl, cr, 32);
    SSL_get_server_random(s->ssl, sr, 32);
    memcpy(seed, server_random_first ? sr : cr, 32);
    memcpy(seed + 32, server_random_first ? cr : sr, 32);
    if (extra_size)
        memcpy(seed + 64, extra, extra_size);
    int r = gnutls_prf_raw(s, label_size, label, 64 + extra_size, (char *)seed, outsize, out);
    free(seed);
    return r;
}

static int set_copy(gnutls_datum_t *cb, const void *p, size_t n)
{
    cb->data = gnutls_malloc(n ? n : 1);
    if (cb->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(cb->data, p, n);
    cb->size = (unsigned)n;
    return 0;
}

static int server_end_point(gnutls_session_t s, gnutls_datum_t *cb)
{
    X509 *x = NULL;
    int own = s->is_server;
    /* A resuming GnuTLS server has no certificate of its own at hand. */
    if (own && SSL_session_reused(s->ssl))
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    if (own)
        x = SSL_get_certificate(s->ssl);
    else
        x = SSL_get1_peer_certificate(s->ssl);
    if (x == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    int mdnid = NID_undef;
    if (!X509_get_signature_info(x, &mdnid, NULL, NULL, NULL))
        mdnid = NID_undef;
    /* RFC 5929: MD5 and SHA-1 are replaced by SHA-256. */
    if (mdnid == NID_md5 || mdnid == NID_sha1 || mdnid == NID_undef)
        mdnid = NID_sha256;
    const EVP_MD *md = EVP_get_digestbynid(mdnid);
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned hl = 0;
    int ok = md != NULL && X509_digest(x, md, h, &hl) == 1;
    if (!own)
        X509_free(x);
    if (!ok)
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    return set_copy(cb, h, hl);
}

int gnutls_session_channel_binding(gnutls_session_t s, gnutls_channel_binding_t cbtype,
                                   gnutls_datum_t *cb)
{
    if (s == NULL || cb == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!established(s))
        return GNOSSL_ERR(GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE);
    switch (cbtype) {
    case GNUTLS_CB_TLS_UNIQUE: {
        if (is_tls13(s))
            return GNOSSL_ERR(GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE);
        /* The first Finished of the handshake: the client's on a full
         * handshake, the server's on a resumed one. */
        unsigned char fin[64];
        int client_first = !SSL_session_reused(s->ssl);
        int mine = client_first ? !s->is_server : s->is_server;
        size_t n = mine ? SSL_get_finished(s->ssl, fin, sizeof fin)
                        : SSL_get_peer_finished(s->ssl, fin, sizeof fin);
        if (n == 0 || n > sizeof fin)
            return GNOSSL_ERR(GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE);
        return set_copy(cb, fin, n);
    }
    case GNUTLS_CB_TLS_SERVER_END_POINT:
        return server_end_point(s, cb);
    case GNUTLS_CB_TLS_EXPORTER: {
        static const char label[] = "EXPORTER-Channel-Binding";
        if (!is_tls13(s) && !gnutls_session_ext_master_secret_status(s))
            return GNOSSL_ERR(GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE);
        unsigned char v[32];
        int r = gnutls_prf_rfc5705(s, sizeof label - 1, label, 0, NULL, sizeof v, (char *)v);
        if (r < 0)
            return r;
        return set_copy(cb, v, sizeof v);
    }
    default:
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    }
}
