/* gnutls_certificate_* credentials: lifecycle and simple settings. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "x509/x509.h"
#include "tls/session.h"
#include <stdlib.h>
#include <string.h>

int gnutls_certificate_allocate_credentials(gnutls_certificate_credentials_t *res)
{
    gnutls_certificate_credentials_t c;

    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    c = calloc(1, sizeof(*c));
    if (c == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pthread_mutex_init(&c->lock, NULL);
    /* GnuTLS's defaults: a chain of at most 16 certificates, keys of at most 16384 bits */
    c->max_depth = 16;
    c->max_bits = 16384;
    *res = c;
    return 0;
}

static void keypair_clear(struct gnossl_keypair *k)
{
    unsigned i;

    if (k->chain_der != NULL) {
        for (i = 0; i < (unsigned)sk_X509_num(k->chain); i++)
            free(k->chain_der[i].data);
        free(k->chain_der);
    }
    free(k->ocsp.data);
    for (i = 0; i < k->npcerts; i++)
        gnutls_pcert_deinit(&k->pcerts[i]);
    free(k->pcerts);
    if (k->gkey != NULL)
        gnutls_privkey_deinit(k->gkey);
    X509_free(k->cert);
    sk_X509_pop_free(k->chain, X509_free);
    EVP_PKEY_free(k->key);
    free(k->der.data);
    memset(k, 0, sizeof(*k));
}

void gnutls_certificate_free_keys(gnutls_certificate_credentials_t c)
{
    unsigned i;

    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    for (i = 0; i < c->nkeys; i++)
        keypair_clear(&c->keys[i]);
    free(c->keys);
    c->keys = NULL;
    c->nkeys = 0;
    gnossl_cert_cred_changed(c);
    pthread_mutex_unlock(&c->lock);
}

void gnutls_certificate_free_cas(gnutls_certificate_credentials_t c)
{
    /* Deprecated in GnuTLS and a no-op there as well. */
    (void)c;
}

void gnutls_certificate_free_ca_names(gnutls_certificate_credentials_t c)
{
    (void)c;
}

void gnutls_certificate_free_crls(gnutls_certificate_credentials_t c)
{
    /* GnuTLS 3.7.9 does nothing here either: its CRLs keep revoking (a
     * revoked peer accepted after this call would be weaker than GnuTLS) */
    (void)c;
}

void gnutls_certificate_free_credentials(gnutls_certificate_credentials_t c)
{
    unsigned i;

    if (c == NULL)
        return;
    for (i = 0; i < c->nkeys; i++)
        keypair_clear(&c->keys[i]);
    free(c->keys);
    for (i = 0; i < GNOSSL_CTX_N; i++)
        SSL_CTX_free(c->ctx[i]);
    X509_STORE_free(c->store);
    free(c->store_key);
    EVP_PKEY_free(c->dh);
    for (i = 0; i < c->nissuers; i++)
        gnutls_x509_crt_deinit(c->issuers[i]);
    free(c->issuers);
    if (c->tlist != NULL)
        gnutls_x509_trust_list_deinit(c->tlist, 1);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

void gnossl_cert_cred_changed(gnutls_certificate_credentials_t c)
{
    unsigned i;

    /* Sessions that already hold an SSL keep their reference to the old CTX. */
    for (i = 0; i < GNOSSL_CTX_N; i++) {
        SSL_CTX_free(c->ctx[i]);
        c->ctx[i] = NULL;
    }
    /* what was added to the store shared with a trust list shows in it */
    if (c->tlist != NULL && gnossl_trust_list_sync(c->tlist) < 0)
        gnossl_debug("trust list: cannot take the credentials' additions");
}

void gnutls_certificate_set_verify_flags(gnutls_certificate_credentials_t c, unsigned int flags)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->verify_flags = flags;
    pthread_mutex_unlock(&c->lock);
}

unsigned int gnutls_certificate_get_verify_flags(gnutls_certificate_credentials_t c)
{
    return c == NULL ? 0 : c->verify_flags;
}

void gnutls_certificate_set_verify_limits(gnutls_certificate_credentials_t c, unsigned int max_bits,
                                          unsigned int max_depth)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->max_bits = max_bits;
    c->max_depth = max_depth;
    pthread_mutex_unlock(&c->lock);
}

void gnutls_certificate_set_flags(gnutls_certificate_credentials_t c, unsigned int flags)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->flags = flags;
    pthread_mutex_unlock(&c->lock);
}

void gnutls_certificate_set_verify_function(gnutls_certificate_credentials_t c,
                                            gnutls_certificate_verify_function *func)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->verify_fn = func;
    pthread_mutex_unlock(&c->lock);
}

/* ---- per-session state ---- */

static void cred_session_free(void *p)
{
    struct gnossl_cred_session *st = p;
    unsigned i;

    if (st == NULL)
        return;
    for (i = 0; i < st->vc_elements; i++)
        free(st->vc_data[i].data);
    free(st->vc_data);
    sk_X509_pop_free(st->peer_chain, X509_free);
    for (i = 0; i < st->npeer; i++)
        free(st->peer_der[i].data);
    free(st->peer_der);
    free(st->psk_username);
    free(st->psk_hint);
    OPENSSL_free(st->retr_ocsp);
    free(st);
}

struct gnossl_cred_session *gnossl_cred_session(gnutls_session_t s)
{
    struct gnossl_cred_session *st;

    if (s == NULL)
        return NULL;
    st = gnossl_session_cred_state(s);
    if (st != NULL)
        return st;
    st = calloc(1, sizeof(*st));
    if (st == NULL)
        return NULL;
    gnossl_session_set_cred_state(s, st, cred_session_free);
    return st;
}

void gnutls_certificate_server_set_request(gnutls_session_t session, gnutls_certificate_request_t req)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);
    SSL *ssl;

    if (st == NULL)
        return;
    st->request = req;
    st->request_set = 1;
    /* Already materialised: a rehandshake honours the new setting. */
    ssl = gnossl_session_ssl(session);
    if (ssl != NULL && gnossl_session_is_server(session)) {
        int mode = SSL_VERIFY_NONE;
        if (req == GNUTLS_CERT_REQUEST)
            mode = SSL_VERIFY_PEER;
        else if (req == GNUTLS_CERT_REQUIRE)
            mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        SSL_set_verify(ssl, mode, SSL_get_verify_callback(ssl));
    }
}

void gnutls_certificate_send_x509_rdn_sequence(gnutls_session_t session, int status)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);

    if (st != NULL)
        st->rdn_sequence = status;
}

void gnutls_session_set_verify_function(gnutls_session_t session, gnutls_certificate_verify_function *func)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);

    if (st != NULL)
        st->verify_fn = func;
}
