/* DH parameters from an application callback (gnutls_*_set_params_function,
 * deprecated in GnuTLS but still used by gnutls-serv --dhparams and
 * libgnutlsxx).  GnuTLS asks the callback while a server negotiates an
 * ephemeral DH key exchange and no parameters were set; gnossl asks it when
 * a server session's SSL is made (OpenSSL needs the group before the
 * handshake), under the same condition.  Also the DH choice that PSK and
 * anonymous server credentials share (struct gnossl_server_dh). */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include "tls/dh-group.h"

#include <openssl/ssl.h>

/* Could the session's priorities negotiate `kx` (or kx2) in TLS 1.2 or
 * older?  GnuTLS only asks the callback when a DHE exchange happens; this
 * keeps gnossl from asking when none can. */
static int dhe_possible(gnutls_session_t s, gnutls_kx_algorithm_t kx, gnutls_kx_algorithm_t kx2)
{
    gnutls_priority_t p = gnossl_session_priority(s);
    const unsigned int *list;
    int n, i, kx_ok = 0, old_ok = 0;

    if (p == NULL)
        return 1;
    n = gnutls_priority_kx_list(p, &list);
    for (i = 0; i < n; i++)
        kx_ok |= list[i] == (unsigned)kx || list[i] == (unsigned)kx2;
    n = gnutls_priority_protocol_list(p, &list);
    for (i = 0; i < n; i++)
        old_ok |= list[i] != GNUTLS_TLS1_3; /* anything older than TLS 1.3 */
    return kx_ok && old_ok;
}

int gnossl_params_fn_apply(gnutls_session_t s, SSL *ssl, gnutls_params_function *fn, gnutls_kx_algorithm_t kx,
                           gnutls_kx_algorithm_t kx2)
{
    gnutls_params_st st = {0};
    EVP_PKEY *pk;
    int ok = 0;

    if (fn == NULL || !dhe_possible(s, kx, kx2) || fn(s, GNUTLS_PARAMS_DH, &st) < 0 ||
        st.type != GNUTLS_PARAMS_DH || st.params.dh == NULL)
        return 0;
    pk = gnossl_dh_params_pkey(st.params.dh); /* a reference of ours */
    if (pk != NULL) {
        gnossl_dh_group_note_pkey(ssl, pk); /* for gnutls_dh_get_group */
        ok = SSL_set0_tmp_dh_pkey(ssl, pk) == 1;
        if (ok)
            SSL_set_dh_auto(ssl, 0);
        else
            EVP_PKEY_free(pk);
    }
    if (st.deinit)
        gnutls_dh_params_deinit(st.params.dh);
    return ok;
}

void gnutls_certificate_set_params_function(gnutls_certificate_credentials_t res, gnutls_params_function *func)
{
    if (res == NULL)
        return;
    pthread_mutex_lock(&res->lock);
    res->params_fn = func;
    pthread_mutex_unlock(&res->lock);
}

void gnossl_server_dh_set(struct gnossl_server_dh *c, gnutls_dh_params_t p)
{
    EVP_PKEY *pk = gnossl_dh_params_pkey(p);
    EVP_PKEY_free(c->dh);
    c->dh = pk;
    c->dh_sec_param = gnossl_dh_sec_param_of(pk);
}

unsigned gnossl_server_dh_settings(const struct gnossl_server_dh *c, EVP_PKEY **dh, int *has_fn)
{
    *dh = c->dh;
    if (c->dh != NULL)
        EVP_PKEY_up_ref(c->dh);
    *has_fn = c->params_fn != NULL;
    return c->dh_sec_param;
}

void gnossl_server_dh_apply(const struct gnossl_server_dh *c, gnutls_session_t s, SSL *ssl, gnutls_kx_algorithm_t kx)
{
    if (c->dh != NULL) {
        gnossl_dh_group_note_pkey(ssl, c->dh); /* for gnutls_dh_get_group */
        EVP_PKEY_up_ref(c->dh);
        if (SSL_set0_tmp_dh_pkey(ssl, c->dh) != 1)
            EVP_PKEY_free(c->dh);
    } else if (!gnossl_params_fn_apply(s, ssl, c->params_fn, kx, kx)) {
        SSL_set_dh_auto(ssl, 1);
    }
}
