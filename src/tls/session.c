/* Session lifecycle: gnutls_init/deinit, user pointer, credentials,
 * priority reference and the accessors other rooms use (session.h). */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/priority.h"
#include "tls/ext-custom.h"
#include "tls/ocsp-chain.h"

#include <stdlib.h>
#include <string.h>

/* Weak until the priority room lands (see handshake.c). */
#pragma weak gnossl_priority_ref
#pragma weak gnossl_priority_unref

int gnutls_init(gnutls_session_t *session, unsigned int flags)
{
    if (session == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *session = NULL;
    gnutls_session_t s = calloc(1, sizeof(*s));
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    s->init_flags = flags;
    s->is_server = (flags & GNUTLS_SERVER) != 0;
    /* A server sends tickets only once a ticket key is set. */
    if (s->is_server)
        s->init_flags |= GNUTLS_NO_TICKETS;
    s->max_record = GNOSSL_MAX_RECORD;
    s->hs_last_in = s->hs_last_out = -1;
    s->alert_sent_desc = -1;
    gnossl_transport_defaults(s);
    if (flags & GNUTLS_DATAGRAM)
        gnossl_dtls_init(s);
    *session = s;
    return 0;
}

void gnutls_deinit(gnutls_session_t s)
{
    if (s == NULL)
        return;
    if (s->ssl != NULL) {
        BIO_set_data(SSL_get_rbio(s->ssl), NULL); /* callbacks no longer find the session */
        SSL_free(s->ssl);
    }
    if (s->priority != NULL && gnossl_priority_unref != NULL)
        gnossl_priority_unref(s->priority);
    if (s->cred_state != NULL && s->cred_state_free != NULL)
        s->cred_state_free(s->cred_state);
    free(s->verify.hostname);
    free(s->server_name);
    free(s->ch_server_name);
    gnossl_drop_post_hook(s);
    gnossl_dtls_hook_free(s);
    free(s->alpn_wire);
    SSL_SESSION_free(s->resume_sess);
    free(s->send_pending);
    gnossl_early_free(s);
    gnossl_ext_custom_free(s);
    gnossl_ocsp_chain_free(s);
    gnossl_seal_free(s);
    free(s->cork_buf);
    gnossl_refuse_free(s);
    free(s->held_alert);
    if (s->ticket_key != NULL)
        OPENSSL_clear_free(s->ticket_key, 64);
    if (s->out != NULL)
        OPENSSL_clear_free(s->out, sizeof *s->out); /* master secret, record keys */
    OPENSSL_cleanse(s, sizeof(*s));
    free(s);
}

struct gnossl_session_out *gnossl_session_out(gnutls_session_t s)
{
    if (s != NULL && s->out == NULL)
        s->out = calloc(1, sizeof *s->out);
    return s != NULL ? s->out : NULL;
}

void gnutls_session_set_ptr(gnutls_session_t s, void *ptr)
{
    if (s != NULL)
        s->user_ptr = ptr;
}

void *gnutls_session_get_ptr(gnutls_session_t s)
{
    return s != NULL ? s->user_ptr : NULL;
}

int gnutls_credentials_set(gnutls_session_t s, gnutls_credentials_type_t type, void *cred)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS keeps credentials of any type in a list and says 0; a type
     * no key exchange uses is never consulted, so it is not kept. */
    if ((unsigned)type > GNUTLS_CRD_IA)
        return 0;
    s->cred[type] = cred;
    return 0;
}

int gnutls_credentials_get(gnutls_session_t s, gnutls_credentials_type_t type, void **cred)
{
    if (s == NULL || cred == NULL || (unsigned)type > GNUTLS_CRD_IA || s->cred[type] == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *cred = s->cred[type];
    return 0;
}

void gnutls_credentials_clear(gnutls_session_t s)
{
    if (s != NULL)
        memset(s->cred, 0, sizeof(s->cred));
}

void gnossl_session_set_priority(gnutls_session_t s, gnutls_priority_t p)
{
    if (s == NULL)
        return;
    if (p != NULL && gnossl_priority_ref != NULL)
        gnossl_priority_ref(p);
    if (s->priority != NULL && gnossl_priority_unref != NULL)
        gnossl_priority_unref(s->priority);
    s->priority = p;
}

void gnutls_handshake_set_timeout(gnutls_session_t s, unsigned int ms)
{
    if (s == NULL)
        return;
    if (ms == GNUTLS_INDEFINITE_TIMEOUT)
        ms = 0;
    else if (ms == GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT)
        ms = 40000;
    s->handshake_timeout_ms = ms;
}

void gnutls_handshake_set_private_extensions(gnutls_session_t s, int allow)
{
    if (s != NULL)
        s->allow_private_ext = allow;
}

void gnutls_handshake_set_hook_function(gnutls_session_t s, unsigned int htype, int when,
                                        gnutls_handshake_hook_func func)
{
    if (s == NULL)
        return;
    s->hook = func;
    s->hook_htype = htype;
    s->hook_when = when;
}

/* --- accessors for the other rooms (session.h) --- */

SSL *gnossl_session_ssl(gnutls_session_t s)
{
    return s != NULL ? s->ssl : NULL;
}

gnutls_session_t gnossl_session_from_ssl(const SSL *ssl)
{
    if (ssl == NULL)
        return NULL;
    return gnossl_transport_session(SSL_get_rbio(ssl));
}

unsigned gnossl_session_init_flags(gnutls_session_t s)
{
    return s != NULL ? s->init_flags : 0;
}

int gnossl_session_is_server(gnutls_session_t s)
{
    return s != NULL && s->is_server;
}

void *gnossl_session_get_cred(gnutls_session_t s, gnutls_credentials_type_t type)
{
    if (s == NULL || (unsigned)type > GNUTLS_CRD_IA)
        return NULL;
    return s->cred[type];
}

gnutls_priority_t gnossl_session_priority(gnutls_session_t s)
{
    return s != NULL ? s->priority : NULL;
}

void gnossl_session_set_pending_error(gnutls_session_t s, int gnutls_error)
{
    if (s != NULL)
        s->pending_error = gnutls_error;
}

struct gnossl_verify_request *gnossl_session_verify_request(gnutls_session_t s)
{
    return s != NULL ? &s->verify : NULL;
}

void *gnossl_session_cred_state(gnutls_session_t s)
{
    return s != NULL ? s->cred_state : NULL;
}

void gnossl_session_set_cred_state(gnutls_session_t s, void *state, void (*free_fn)(void *))
{
    if (s == NULL)
        return;
    if (s->cred_state != NULL && s->cred_state != state && s->cred_state_free != NULL)
        s->cred_state_free(s->cred_state);
    s->cred_state = state;
    s->cred_state_free = free_fn;
}

const char *gnossl_session_server_name(gnutls_session_t s)
{
    return s != NULL ? s->server_name : NULL;
}

void gnossl_session_enable_status_request(gnutls_session_t s)
{
    if (s != NULL)
        s->status_request_enabled = 1;
}

int gnossl_session_status_requested(gnutls_session_t s)
{
    return s != NULL && !s->is_server && !gnossl_session_no_extensions(s) &&
           (s->status_request_enabled || !(s->init_flags & GNUTLS_NO_EXTENSIONS));
}

void gnossl_session_set_ocsp_check_ok(gnutls_session_t s, int ok)
{
    if (s != NULL)
        s->ocsp_check_ok = ok;
}

int gnossl_session_ocsp_check_ok(gnutls_session_t s)
{
    return s != NULL && s->ocsp_check_ok;
}
