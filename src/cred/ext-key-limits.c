/* What a session with external keys (gnutls_privkey_import_ext*) may
 * negotiate, as GnuTLS decides it: a signature algorithm only when the key
 * may sign with it (gnossl_privkey_ext_can_sign: its info callback, else no
 * RSA-PSS), so a client without a suitable one sends no certificate; and,
 * on a server, TLS 1.3 only when some key of the credentials can sign in
 * it (RSA keys that cannot do PSS cannot), the version falling back to
 * TLS 1.2.  Applied to each SSL after its priorities. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "cred/ext-key-limits.h"
#include "core/algorithms.h"
#include "tls/priority-int.h"
#include "tls/session.h"
#include "x509/x509.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Who signs for each key type: the external key, or NULL for an ordinary
 * one (the last pair of a type counts: OpenSSL keeps one per type). */
struct signer {
    int type;
    gnutls_privkey_t ext;
};

static gnutls_privkey_t ext_signer(const struct signer *sg, unsigned n, gnutls_sign_algorithm_t algo)
{
    gnutls_pk_algorithm_t pk = gnutls_sign_get_pk_algorithm(algo);
    int type = pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS ? EVP_PKEY_RSA
               : pk == GNUTLS_PK_ECDSA                        ? EVP_PKEY_EC
               : pk == GNUTLS_PK_EDDSA_ED25519                ? EVP_PKEY_ED25519
               : pk == GNUTLS_PK_EDDSA_ED448                  ? EVP_PKEY_ED448
                                                              : 0;
    for (unsigned i = n; type != 0 && i-- > 0;)
        if (sg[i].type == type)
            return sg[i].ext;
    return NULL;
}

static int listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
        if ((p == list || p[-1] == ':') && (p[n] == 0 || p[n] == ':'))
            return 1;
    return 0;
}

/* The priority's signature algorithms less those an external key would
 * refuse; NULL when nothing is left out (or on allocation failure). */
static char *own_sigalgs(const struct signer *sg, unsigned nsg, gnutls_priority_t p)
{
    const unsigned *list = NULL;
    int n = gnutls_priority_sign_list(p, &list), dropped = 0;
    size_t len = 0, cap;
    char *out;

    if (n <= 0)
        return NULL;
    cap = (size_t)n * 32 + 1;
    if ((out = malloc(cap)) == NULL)
        return NULL;
    out[0] = 0;
    for (int i = 0; i < n; i++) {
        const char *name = gnossl_prio_sign_ossl(list[i]);
        gnutls_privkey_t k = ext_signer(sg, nsg, (gnutls_sign_algorithm_t)list[i]);
        if (name == NULL || listed(out, name))
            continue; /* OpenSSL refuses a list naming one twice */
        if (k != NULL && !gnossl_privkey_ext_can_sign(k, (gnutls_sign_algorithm_t)list[i])) {
            dropped = 1;
            continue;
        }
        if (strlen(name) + 2 > cap - len)
            break;
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ":" : "", name);
    }
    if (!dropped || len == 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Sign only with sigalgs (NULL: leave the lists), freed here: a server
 * signs with its own list and still asks a client certificate for the
 * priority's whole one; a client signs with its "client" list (OpenSSL's
 * name) and sends no certificate when nothing there suits the server. */
static void narrow(gnutls_session_t s, SSL *ssl, gnutls_priority_t p, char *sigalgs)
{
    if (sigalgs == NULL)
        return;
    if (gnossl_session_is_server(s)) {
        if (p->sigalgs_list != NULL)
            SSL_set1_client_sigalgs_list(ssl, p->sigalgs_list);
        SSL_set1_sigalgs_list(ssl, sigalgs);
    } else {
        SSL_set1_client_sigalgs_list(ssl, sigalgs);
    }
    free(sigalgs);
}

void gnossl_ext_key_limits(gnutls_session_t s, SSL *ssl)
{
    gnutls_certificate_credentials_t c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    gnutls_priority_t p = gnossl_session_priority(s);
    struct signer *sg;
    int any_ext = 0, tls13 = 0, retrieves;
    char *sigalgs = NULL;
    gnutls_privkey_t rsa;

    if (c == NULL || p == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    for (unsigned i = 0; i < c->nkeys && !any_ext; i++)
        any_ext = c->keys[i].gkey != NULL && c->keys[i].gkey->ext != NULL;
    /* the common case (no external key) allocates nothing */
    if (!any_ext || (sg = calloc(c->nkeys, sizeof *sg)) == NULL) {
        pthread_mutex_unlock(&c->lock);
        return;
    }
    for (unsigned i = 0; i < c->nkeys; i++) {
        gnutls_privkey_t k = c->keys[i].gkey;
        sg[i].type = EVP_PKEY_get_base_id(X509_get0_pubkey(c->keys[i].cert));
        if (k != NULL && k->ext != NULL) {
            tls13 |= gnossl_privkey_ext_tls13_ok(k);
            sg[i].ext = k;
        } else {
            tls13 = 1;
        }
    }
    sigalgs = own_sigalgs(sg, c->nkeys, p);
    rsa = ext_signer(sg, c->nkeys, GNUTLS_SIGN_RSA_SHA256);
    retrieves = c->retrieve_fn2 != NULL || c->retrieve_fn != NULL || c->retrieve_fn3 != NULL;
    pthread_mutex_unlock(&c->lock);
    free(sg);
    if (gnossl_session_is_server(s) && !tls13 && !SSL_is_dtls(ssl) &&
        (SSL_get_max_proto_version(ssl) == 0 || SSL_get_max_proto_version(ssl) > TLS1_2_VERSION))
        SSL_set_max_proto_version(ssl, TLS1_2_VERSION);
    narrow(s, ssl, p, sigalgs);
    /* the retrieve functions' callback does it for the key they give */
    if (gnossl_session_is_server(s) && rsa != NULL && !retrieves)
        SSL_set_cert_cb(ssl, gnossl_ext_key_suites_cb, rsa);
}

EVP_PKEY *gnossl_cred_retrieved_pkey(gnutls_privkey_t key, X509 *leaf, int own)
{
    EVP_PKEY *pub = leaf != NULL ? X509_get0_pubkey(leaf) : NULL;

    if (key == NULL || pub == NULL)
        return NULL;
    if (key->ext != NULL)
        return own ? gnossl_privkey_ext_evp_own(key, pub) : gnossl_privkey_ext_evp(key, pub);
    if (key->pkey != NULL && !EVP_PKEY_up_ref(key->pkey))
        return NULL;
    return key->pkey;
}

int gnossl_cred_retrieved_can_sign(SSL *ssl, gnutls_privkey_t key)
{
    gnutls_pk_algorithm_t pk;
    int n;

    if (key == NULL || key->ext == NULL || SSL_is_server(ssl) || SSL_version(ssl) != TLS1_3_VERSION)
        return 1;
    pk = gnutls_privkey_get_pk_algorithm(key, NULL);
    n = SSL_get_shared_sigalgs(ssl, 0, NULL, NULL, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        unsigned char rsig = 0, rhash = 0;
        gnutls_sign_algorithm_t algo;
        SSL_get_shared_sigalgs(ssl, i, NULL, NULL, NULL, &rsig, &rhash);
        algo = gnossl_sign_from_tls_id((unsigned)rhash << 8 | rsig, 1);
        /* TLS 1.3 signs with RSA keys in RSA-PSS only */
        if (pk == GNUTLS_PK_RSA && gnutls_sign_get_pk_algorithm(algo) != GNUTLS_PK_RSA_PSS)
            continue;
        if (gnutls_sign_supports_pk_algorithm(algo, pk) && gnossl_privkey_ext_can_sign(key, algo))
            return 1;
    }
    return 0;
}
