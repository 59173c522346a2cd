/* Anonymous credentials.  The anonymous suites themselves are enabled by
 * the priority string; the credentials only carry the server's DH choice. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include <stdlib.h>

struct gnutls_anon_server_credentials_st {
    struct gnossl_server_dh dh;
};

struct gnutls_anon_client_credentials_st {
    int unused;
};

int gnutls_anon_allocate_server_credentials(gnutls_anon_server_credentials_t *sc)
{
    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    return *sc == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_anon_free_server_credentials(gnutls_anon_server_credentials_t sc)
{
    if (sc == NULL)
        return;
    EVP_PKEY_free(sc->dh.dh);
    free(sc);
}

int gnutls_anon_allocate_client_credentials(gnutls_anon_client_credentials_t *sc)
{
    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    return *sc == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_anon_free_client_credentials(gnutls_anon_client_credentials_t sc)
{
    free(sc);
}

void gnutls_anon_set_server_dh_params(gnutls_anon_server_credentials_t res, gnutls_dh_params_t dh_params)
{
    if (res != NULL)
        gnossl_server_dh_set(&res->dh, dh_params);
}

int gnutls_anon_set_server_known_dh_params(gnutls_anon_server_credentials_t res, gnutls_sec_param_t sec_param)
{
    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    res->dh.dh_sec_param = sec_param; /* the group is picked per session (dh-select.c) */
    return 0;
}

unsigned gnossl_anon_dh_settings(gnutls_anon_server_credentials_t c, EVP_PKEY **dh, int *has_fn)
{
    return gnossl_server_dh_settings(&c->dh, dh, has_fn);
}

int gnossl_anon_apply(gnutls_session_t s, SSL *ssl, int is_server)
{
    gnutls_anon_server_credentials_t c;

    if (!is_server || (c = gnossl_session_get_cred(s, GNUTLS_CRD_ANON)) == NULL)
        return 0;
    gnossl_server_dh_apply(&c->dh, s, ssl, GNUTLS_KX_ANON_DH);
    return 0;
}

void gnutls_anon_set_server_params_function(gnutls_anon_server_credentials_t res, gnutls_params_function *func)
{
    if (res != NULL)
        res->dh.params_fn = func;
}

void gnutls_anon_set_params_function(gnutls_anon_server_credentials_t res, gnutls_params_function *func)
{
    gnutls_anon_set_server_params_function(res, func);
}
