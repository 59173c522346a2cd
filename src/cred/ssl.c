/* gnossl_cred_new_ssl: the SSL of a session, from an SSL_CTX that the
 * certificate credentials own (one per side and transport, built on first
 * use and shared by every session) or from a process-wide default CTX.
 * SSL_CTX creation is expensive on OpenSSL 3, so it never happens per session. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/client-pick.h"
#include "tls/dh-group.h"
#include "cred/srp.h"
#include "tls/session.h"
#include "tls/priority.h"
#include <string.h>
#include <openssl/err.h>


static pthread_mutex_t default_lock = PTHREAD_MUTEX_INITIALIZER;
static SSL_CTX *default_ctx[GNOSSL_CTX_N];
static unsigned default_gen[GNOSSL_CTX_N]; /* gnossl_ext_custom_generation at creation */

/* OpenSSL must not decide on its own: verification results are computed by
 * us and enforced only when GnuTLS would (see gnossl_cred_cert_verify_cb). */
static int accept_cb(int ok, X509_STORE_CTX *x)
{
    (void)ok;
    (void)x;
    return 1;
}

/* The security level (from %PROFILE_*) must not judge certificate signature
 * digests: GnuTLS never checks its own chain, and reports a peer's SHA-1
 * signature as GNUTLS_CERT_INSECURE_ALGORITHM in the verification status
 * instead of failing the handshake.  Everything else keeps OpenSSL's
 * default policy, which is captured once per process. */
typedef int (*security_fn)(const SSL *, const SSL_CTX *, int, int, int, void *, void *);
static security_fn default_security_cb;
static pthread_mutex_t security_lock = PTHREAD_MUTEX_INITIALIZER;

static int security_cb(const SSL *ssl, const SSL_CTX *ctx, int op, int bits, int nid, void *other, void *ex)
{
    if ((op & ~SSL_SECOP_PEER) == SSL_SECOP_CA_MD)
        return 1;
    /* Certificate key sizes: GnuTLS 3.7.9 serves any configured key and,
     * under its default profile, accepts a peer's 1024-bit RSA key (OpenSSL
     * checks the peer's leaf with this same non-PEER op). */
    if (op == SSL_SECOP_EE_KEY || op == SSL_SECOP_CA_KEY)
        return 1;
    /* SHA-1 handshake signatures (RSA-SHA1, ECDSA-SHA1): GnuTLS offers and
     * accepts them when the priority lists them (NORMAL does); OpenSSL's
     * levels >= 1 refuse them.  Only TLS signature schemes (`other` is the
     * code point); a certificate's own signature is CA_MD above, judged by
     * our verification (GNUTLS_CERT_INSECURE_ALGORITHM). */
    if ((op & SSL_SECOP_OTHER_TYPE) == SSL_SECOP_OTHER_SIGALG && nid == NID_sha1 &&
        ssl != NULL && other != NULL) {
        const unsigned char *code = other;
        gnutls_session_t s = gnossl_session_from_ssl(ssl);
        if (s != NULL && gnossl_priority_has_sign_code(gnossl_session_priority(s), (unsigned)code[0] << 8 | code[1]))
            return 1;
    }
    /* Removing a server's DH parameters (src/tls/dh-select.c) is no weakness. */
    if (op == SSL_SECOP_TMP_DH && other == NULL)
        return 1;
    return default_security_cb != NULL ? default_security_cb(ssl, ctx, op, bits, nid, other, ex) : 1;
}

/* PFS and %NO_TICKETS_TLS12 forbid TLS 1.2 session tickets only.  OpenSSL
 * has chosen the version when it calls this (at the end of the ClientHello's
 * extensions, server_name or not), and withdraws a ticket it was going to
 * send if SSL_OP_NO_TICKET is set here; TLS 1.3 keeps its tickets. */
static int server_name_cb(SSL *ssl, int *al, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);

    (void)al;
    (void)arg;
    if (s != NULL && (SSL_is_dtls(ssl) || SSL_version(ssl) < TLS1_3_VERSION) &&
        (gnossl_priority_flags(gnossl_session_priority(s)) & GNOSSL_PRIO_NO_TICKETS_TLS12))
        SSL_set_options(ssl, SSL_OP_NO_TICKET);
    return SSL_TLSEXT_ERR_OK; /* what OpenSSL assumes without a callback */
}

static const SSL_METHOD *method_for(int is_server, int is_dtls)
{
    if (is_dtls)
        return is_server ? DTLS_server_method() : DTLS_client_method();
    return is_server ? TLS_server_method() : TLS_client_method();
}

static SSL_CTX *ctx_new(int is_server, int is_dtls)
{
    static const unsigned char sid_ctx[] = "gnossl";
    SSL_CTX *ctx;

    ctx = SSL_CTX_new_ex(NULL, NULL, method_for(is_server, is_dtls));
    if (ctx == NULL)
        return NULL;
    pthread_mutex_lock(&security_lock);
    if (default_security_cb == NULL)
        default_security_cb = SSL_CTX_get_security_callback(ctx);
    pthread_mutex_unlock(&security_lock);
    SSL_CTX_set_security_callback(ctx, security_cb);
    SSL_CTX_set_verify(ctx, is_server ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, accept_cb);
    SSL_CTX_set_cert_verify_callback(ctx, gnossl_cred_cert_verify_cb, NULL);
    /* GnuTLS sends exactly the chain it was given, never one built from the store. */
    SSL_CTX_set_mode(ctx, SSL_MODE_NO_AUTO_CHAIN);
    /* An idle session keeps no record buffers (~34 KB per SSL otherwise);
     * GnuTLS holds none between records either. */
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    /* Every client CTX, the shared one of bare credentials too: a TLS 1.2
     * client that asked for the certificate status verifies in this
     * callback, at the end of the server's first flight (verify.c). */
    if (!is_server)
        SSL_CTX_set_tlsext_status_cb(ctx, gnossl_cred_client_status_cb);
    if (is_server) {
        /* Resumption with client certificates requires a session id context. */
        SSL_CTX_set_session_id_context(ctx, sid_ctx, sizeof(sid_ctx) - 1);
        SSL_CTX_set_dh_auto(ctx, 1);
        SSL_CTX_set_tlsext_servername_callback(ctx, server_name_cb);
    }
    if (gnossl_tls_ctx_setup != NULL)
        gnossl_tls_ctx_setup(ctx, is_server, is_dtls);
    return ctx;
}

/* The names of the trust anchors, for CertificateRequest (GnuTLS advertises them). */
static void set_ca_names(SSL_CTX *ctx, X509_STORE *store)
{
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
    int i;

    if (names == NULL)
        return;
    for (i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509 *x = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
        X509_NAME *n;
        if (x == NULL || (n = X509_NAME_dup(X509_get_subject_name(x))) == NULL)
            continue;
        if (!sk_X509_NAME_push(names, n))
            X509_NAME_free(n);
    }
    SSL_CTX_set_client_CA_list(ctx, names);
}

/* Build the CTX of credentials `c` (lock held). */
static SSL_CTX *ctx_build(gnutls_certificate_credentials_t c, int is_server, int is_dtls)
{
    SSL_CTX *ctx = ctx_new(is_server, is_dtls);
    unsigned i;

    if (ctx == NULL)
        return NULL;
    ERR_set_mark();
    for (i = 0; i < c->nkeys; i++) {
        struct gnossl_keypair *k = &c->keys[i];
        /* One pair per key type; OpenSSL picks by the peer's signature algorithms. */
        if (SSL_CTX_use_cert_and_key(ctx, k->cert, k->key, k->chain, 1) != 1)
            gnossl_debug("credentials: key pair %u not usable by OpenSSL", i);
    }
    ERR_pop_to_mark();
    if (c->dh != NULL) {
        EVP_PKEY_up_ref(c->dh);
        if (SSL_CTX_set0_tmp_dh_pkey(ctx, c->dh) != 1)
            EVP_PKEY_free(c->dh);
        else
            SSL_CTX_set_dh_auto(ctx, 0);
    }
    if (is_server && c->store != NULL)
        set_ca_names(ctx, c->store);
    if (c->retrieve_fn2 != NULL || c->retrieve_fn != NULL || c->retrieve_fn3 != NULL)
        SSL_CTX_set_cert_cb(ctx, gnossl_cred_retrieve_cb, NULL);
    else if (!is_server && c->nkeys > 0)
        SSL_CTX_set_cert_cb(ctx, gnossl_cred_client_pick_cb, NULL);
    if (is_server && (c->ocsp_any || c->retrieve_fn3 != NULL))
        SSL_CTX_set_tlsext_status_cb(ctx, gnossl_cred_ocsp_status_cb);
    return ctx;
}

/* A CTX is new and not yet shared: give it the algorithm lists of the
 * priority of the session it is built for, so that SSLs of later sessions
 * with the same priority skip OpenSSL's costly list parsing. */
static SSL_CTX *ctx_prime(SSL_CTX *ctx, gnutls_priority_t prio)
{
    if (ctx != NULL && prio != NULL && gnossl_priority_apply_ctx(prio, ctx) < 0)
        gnossl_debug("credentials: priority lists not given to the new SSL_CTX");
    return ctx;
}

static SSL_CTX *get_ctx(gnutls_certificate_credentials_t c, gnutls_priority_t prio, int is_server, int is_dtls)
{
    int idx = is_dtls ? (is_server ? GNOSSL_CTX_DTLS_SERVER : GNOSSL_CTX_DTLS_CLIENT)
                      : (is_server ? GNOSSL_CTX_TLS_SERVER : GNOSSL_CTX_TLS_CLIENT);
    SSL_CTX *ctx;

    /* A client's credentials without own certificates put nothing in the
     * CTX (trust is consulted by our verification, not OpenSSL's): share
     * the process-wide CTX, so that programs creating credentials per
     * connection (curl) do not pay for an SSL_CTX each time. */
    if (c != NULL && !is_server) {
        int bare;
        pthread_mutex_lock(&c->lock);
        bare = c->nkeys == 0 && c->retrieve_fn2 == NULL && c->retrieve_fn == NULL && c->retrieve_fn3 == NULL;
        pthread_mutex_unlock(&c->lock);
        if (bare)
            c = NULL;
    }
    /* A CTX made before a hello extension number was first registered
     * lacks its dispatcher: replace it (never change a CTX in use, see
     * ext-custom.c); sessions on the old one keep their references. */
    unsigned gen = gnossl_ext_custom_generation != NULL ? gnossl_ext_custom_generation() : 0;
    if (c == NULL) {
        pthread_mutex_lock(&default_lock);
        if (default_ctx[idx] == NULL || default_gen[idx] != gen) {
            SSL_CTX *fresh = ctx_prime(ctx_new(is_server, is_dtls), prio);
            if (fresh != NULL) {
                SSL_CTX_free(default_ctx[idx]);
                default_ctx[idx] = fresh;
                default_gen[idx] = gen;
            }
        }
        ctx = default_ctx[idx];
        if (ctx != NULL)
            SSL_CTX_up_ref(ctx);
        pthread_mutex_unlock(&default_lock);
        return ctx;
    }
    pthread_mutex_lock(&c->lock);
    if (c->ctx[idx] == NULL || c->ctx_gen[idx] != gen) {
        SSL_CTX *fresh = ctx_prime(ctx_build(c, is_server, is_dtls), prio);
        if (fresh != NULL) {
            SSL_CTX_free(c->ctx[idx]);
            c->ctx[idx] = fresh;
            c->ctx_gen[idx] = gen;
        }
    }
    ctx = c->ctx[idx];
    if (ctx != NULL)
        SSL_CTX_up_ref(ctx);
    pthread_mutex_unlock(&c->lock);
    return ctx;
}

SSL *gnossl_cred_new_ssl(gnutls_session_t s, int *err)
{
    gnutls_certificate_credentials_t c;
    struct gnossl_cred_session *st;
    int is_server, is_dtls, ret;
    SSL_CTX *ctx;
    SSL *ssl;

    if (err != NULL)
        *err = 0;
    is_server = gnossl_session_is_server(s);
    is_dtls = (gnossl_session_init_flags(s) & GNUTLS_DATAGRAM) != 0;
    c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    if (is_server && c == NULL && gnossl_session_get_cred(s, GNUTLS_CRD_PSK) == NULL &&
        gnossl_session_get_cred(s, GNUTLS_CRD_ANON) == NULL && gnossl_session_get_cred(s, GNUTLS_CRD_SRP) == NULL) {
        if (err != NULL)
            *err = GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);
        return NULL;
    }
    ERR_clear_error();
    ctx = get_ctx(c, gnossl_session_priority(s), is_server, is_dtls);
    if (ctx == NULL) {
        if (err != NULL)
            *err = GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        return NULL;
    }
    ssl = SSL_new(ctx);
    SSL_CTX_free(ctx); /* the SSL holds its own reference */
    if (ssl == NULL) {
        if (err != NULL)
            *err = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        return NULL;
    }
    if (is_server)
        SSL_set_accept_state(ssl);
    else
        SSL_set_connect_state(ssl);
    /* first: it re-duplicates the certificate settings from the CTX */
    ret = gnossl_srp_apply(s, ssl, is_server);
    if (ret < 0) {
        SSL_free(ssl);
        if (err != NULL)
            *err = ret;
        return NULL;
    }

    st = gnossl_cred_session(s);
    if (is_server && st != NULL) {
        int mode = SSL_VERIFY_NONE;
        if (st->request_set && st->request == GNUTLS_CERT_REQUEST)
            mode = SSL_VERIFY_PEER;
        else if (st->request_set && st->request == GNUTLS_CERT_REQUIRE)
            mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        SSL_set_verify(ssl, mode, accept_cb);
        if (c != NULL && c->dh == NULL && c->params_fn != NULL)
            gnossl_params_fn_apply(s, ssl, c->params_fn, GNUTLS_KX_DHE_RSA, GNUTLS_KX_DHE_DSS);
        else if (c != NULL && c->dh != NULL)
            gnossl_dh_group_note_pkey(ssl, c->dh); /* for gnutls_dh_get_group */
        if (st->rdn_sequence) {
            STACK_OF(X509_NAME) *none = sk_X509_NAME_new_null();
            if (none != NULL)
                SSL_set_client_CA_list(ssl, none);
        }
    }
    ret = gnossl_psk_apply(s, ssl, is_server);
    if (ret == 0)
        ret = gnossl_anon_apply(s, ssl, is_server);
    if (ret < 0) {
        SSL_free(ssl);
        if (err != NULL)
            *err = ret;
        return NULL;
    }
    return ssl;
}
