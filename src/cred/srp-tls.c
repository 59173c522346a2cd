/* SRP credentials on OpenSSL's SRP support (RFC 5054, TLS 1.2 only).
 *
 * OpenSSL 3 deprecates its SRP API but Debian builds it; it is the only way
 * to run the SRP key exchange inside libssl, so this file opts out of the
 * deprecation warnings (they would fail the -Werror build).  The define
 * must precede every OpenSSL include, hence before gnossl.h. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "gnossl.h"
#include "cred/srp-int.h"
#include "cred/srp.h"
#include "tls/session.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/srp.h>
#include <openssl/ssl.h>

/* OpenSSL reads a connection's SRP settings (username, callbacks, the
 * enabling mask) only from the SSL_CTX, when the SSL is created or when
 * SSL_SRP_CTX_init runs.  Our SSLs come from CTXs shared with sessions
 * that do not use SRP, so the settings are staged on private template
 * CTXs: the SSL is pointed at the template, SSL_SRP_CTX_init copies them,
 * and the SSL is pointed back.  The server template never changes after
 * creation; the client one is written per session, under its lock. */
static pthread_mutex_t tmpl_lock = PTHREAD_MUTEX_INITIALIZER;
static SSL_CTX *tmpl_client, *tmpl_server;
static int pass_index = -1; /* SSL ex_data: the client's password */

static void pass_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl, void *argp)
{
    (void)parent;
    (void)ad;
    (void)idx;
    (void)argl;
    (void)argp;
    if (ptr != NULL) {
        OPENSSL_cleanse(ptr, strlen(ptr));
        free(ptr);
    }
}

/* The password for OpenSSL's client key exchange (it frees the copy). */
static char *client_pwd_cb(SSL *ssl, void *arg)
{
    const char *p = pass_index >= 0 ? SSL_get_ex_data(ssl, pass_index) : NULL;

    (void)arg;
    return p != NULL ? OPENSSL_strdup(p) : NULL;
}

/* GnuTLS's client accepts only the RFC 5054 groups. */
static int client_verify_cb(SSL *ssl, void *arg)
{
    const BIGNUM *n = SSL_get_srp_N(ssl), *g = SSL_get_srp_g(ssl);
    unsigned char gb[16], *nb;
    int nlen, glen, ok = 0;

    (void)arg;
    if (n != NULL && g != NULL && (nlen = BN_num_bytes(n)) > 0 && (glen = BN_num_bytes(g)) <= (int)sizeof(gb) &&
        (nb = malloc((size_t)nlen)) != NULL) {
        BN_bn2bin(n, nb);
        BN_bn2bin(g, gb);
        ok = gnossl_srp_known_group(gb, (size_t)glen, nb, (size_t)nlen);
        free(nb);
    }
    if (!ok) {
        gnutls_session_t s = gnossl_session_from_ssl(ssl);
        gnossl_debug("srp: the server's group is not one of RFC 5054's");
        if (s != NULL)
            gnossl_session_set_pending_error(s, GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER);
    }
    return ok;
}

/* Server: the verifier of the user the client named. */
static int server_user_cb(SSL *ssl, int *ad, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_srp_server_credentials_t c = s != NULL ? gnossl_session_get_cred(s, GNUTLS_CRD_SRP) : NULL;
    const char *user = SSL_get_srp_username(ssl);
    struct gnossl_srp_entry e;
    BIGNUM *n, *g, *salt, *v;
    int ret, ok;

    (void)arg;
    /* GnuTLS never asks for a client certificate in an SRP key exchange;
     * OpenSSL would in SRP-RSA/SRP-DSS (its rule only exempts aSRP).  This
     * runs once the suite is chosen, before the CertificateRequest. */
    SSL_set_verify(ssl, SSL_VERIFY_NONE, SSL_get_verify_callback(ssl));
    *ad = SSL_AD_INTERNAL_ERROR;
    if (c == NULL || user == NULL) {
        if (s != NULL)
            gnossl_session_set_pending_error(s, GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS));
        return SSL3_AL_FATAL;
    }
    ret = gnossl_srp_lookup(s, c, user, &e);
    if (ret < 0) {
        gnossl_session_set_pending_error(s, ret);
        return SSL3_AL_FATAL;
    }
    n = BN_bin2bn(e.n.data, (int)e.n.size, NULL);
    g = BN_bin2bn(e.g.data, (int)e.g.size, NULL);
    salt = BN_bin2bn(e.salt.data, (int)e.salt.size, NULL);
    v = BN_bin2bn(e.v.data, (int)e.v.size, NULL);
    /* OpenSSL copies all four */
    ok = n != NULL && g != NULL && salt != NULL && v != NULL && SSL_set_srp_server_param(ssl, n, g, salt, v, NULL) > 0;
    BN_free(n);
    BN_free(g);
    BN_free(salt);
    BN_clear_free(v);
    gnossl_srp_entry_clear(&e);
    if (!ok) {
        gnossl_session_set_pending_error(s, GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR));
        return SSL3_AL_FATAL;
    }
    return SSL_ERROR_NONE;
}

static void pass_index_init(void)
{
    pass_index = CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL, 0, NULL, NULL, NULL, pass_free);
}

/* The template of a side (tmpl_lock held). */
static SSL_CTX *template_ctx(int is_server)
{
    SSL_CTX **t = is_server ? &tmpl_server : &tmpl_client;

    if (*t != NULL)
        return *t;
    *t = SSL_CTX_new_ex(NULL, NULL, is_server ? TLS_server_method() : TLS_client_method());
    if (*t == NULL)
        return NULL;
    if (is_server) {
        SSL_CTX_set_srp_username_callback(*t, server_user_cb);
    } else {
        SSL_CTX_set_srp_client_pwd_callback(*t, client_pwd_cb);
        SSL_CTX_set_srp_verify_param_callback(*t, client_verify_cb);
    }
    SSL_CTX_set_srp_cb_arg(*t, NULL); /* also enables the SRP suites */
    return *t;
}

/* Copy the template's SRP settings into `ssl` (tmpl_lock held). */
static int stage(SSL *ssl, SSL_CTX *tmpl)
{
    SSL_CTX *orig = SSL_get_SSL_CTX(ssl);
    int ok;

    SSL_CTX_up_ref(orig);
    ok = SSL_set_SSL_CTX(ssl, tmpl) != NULL;
    if (ok) {
        SSL_SRP_CTX_free(ssl);
        ok = SSL_SRP_CTX_init(ssl) == 1;
    }
    /* back to the real CTX: its certificate settings are duplicated again,
     * which is why this runs before anything else touches the SSL */
    if (SSL_set_SSL_CTX(ssl, orig) == NULL)
        ok = 0;
    SSL_CTX_free(orig);
    return ok;
}

/* Whether the session's priorities enable an SRP key exchange (GnuTLS
 * sends its SRP extension, and asks for the password, only then). */
static int srp_enabled(gnutls_session_t s)
{
    gnutls_priority_t p = gnossl_session_priority(s);
    const unsigned int *kx;
    int n;

    if (p == NULL || (n = gnutls_priority_kx_list(p, &kx)) <= 0)
        return 0;
    for (int i = 0; i < n; i++)
        if (kx[i] == GNUTLS_KX_SRP || kx[i] == GNUTLS_KX_SRP_RSA || kx[i] == GNUTLS_KX_SRP_DSS)
            return 1;
    return 0;
}

/* The client's username and password (malloc'd copies). */
static int client_login(gnutls_session_t s, gnutls_srp_client_credentials_t c, char **user, char **pass)
{
    *user = *pass = NULL;
    if (c->fn != NULL) {
        char *u = NULL, *p = NULL;
        int ret = c->fn(s, &u, &p);
        if (ret >= 0 && u != NULL && p != NULL) {
            *user = strdup(u);
            *pass = strdup(p);
        }
        if (p != NULL)
            OPENSSL_cleanse(p, strlen(p));
        gnutls_free(u);
        gnutls_free(p);
        if (ret < 0 || *user == NULL || *pass == NULL) {
            free(*user);
            free(*pass);
            *user = *pass = NULL;
            return GNOSSL_ERR(GNUTLS_E_ILLEGAL_SRP_USERNAME);
        }
        return 0;
    }
    if (c->username == NULL || c->password == NULL)
        return 0; /* nothing to offer: no SRP extension, as GnuTLS */
    *user = strdup(c->username);
    *pass = strdup(c->password);
    if (*user == NULL || *pass == NULL) {
        free(*user);
        free(*pass);
        *user = *pass = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnossl_srp_apply(gnutls_session_t s, SSL *ssl, int is_server)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    void *cred = gnossl_session_get_cred(s, GNUTLS_CRD_SRP);
    char *user = NULL, *pass = NULL;
    SSL_CTX *t;
    int ret = 0, ok;

    if (cred == NULL || !srp_enabled(s))
        return 0;
    pthread_once(&once, pass_index_init);
    if (!is_server) {
        ret = client_login(s, cred, &user, &pass);
        if (ret < 0 || user == NULL)
            return ret;
        /* the extension carries at most 255 bytes: GnuTLS sends the first
         * 255 of a longer name.  An empty one OpenSSL cannot send at all. */
        if (strlen(user) > 255)
            user[255] = 0;
        if (user[0] == 0 || pass_index < 0 || !SSL_set_ex_data(ssl, pass_index, pass)) {
            free(user);
            pass_free(NULL, pass, NULL, 0, 0, NULL);
            return GNOSSL_ERR(GNUTLS_E_ILLEGAL_SRP_USERNAME);
        }
    }
    ERR_set_mark();
    pthread_mutex_lock(&tmpl_lock);
    t = template_ctx(is_server);
    ok = t != NULL && (is_server || SSL_CTX_set_srp_username(t, user) == 1);
    if (ok)
        ok = stage(ssl, t);
    if (t != NULL && !is_server)
        SSL_CTX_set_srp_username(t, NULL); /* the name stays on this SSL only */
    pthread_mutex_unlock(&tmpl_lock);
    ERR_pop_to_mark();
    if (user != NULL) {
        OPENSSL_cleanse(user, strlen(user));
        free(user);
    }
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
}

const char *gnutls_srp_server_get_username(gnutls_session_t session)
{
    SSL *ssl = session != NULL ? gnossl_session_ssl(session) : NULL;

    /* GnuTLS records the name only on the server side */
    if (ssl == NULL || !gnossl_session_is_server(session) || gnutls_auth_get_type(session) != GNUTLS_CRD_SRP)
        return NULL;
    /* GnuTLS 3.7.9 does not keep the name in its resumption data: a
     * resumed session reports an empty one */
    if (SSL_session_reused(ssl))
        return "";
    return SSL_get_srp_username(ssl);
}
