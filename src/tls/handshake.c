/* gnutls_handshake: materialise the SSL on the first call, then drive
 * SSL_do_handshake one non-blocking step per call; also key update,
 * rehandshake and the handshake deadline. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/priority.h"
#include "cred/cred.h"
#include "tls/dh-group.h"
#include "tls/ext-custom.h"
#include "cred/ext-key-limits.h"

#include <openssl/err.h>
#include <time.h>

/* Weak until the credentials and priority rooms land, so that the library
 * always links; a missing one makes the handshake fail cleanly. */
#pragma weak gnossl_cred_new_ssl
#pragma weak gnossl_priority_apply

uint64_t gnossl_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* May a server's credentials arrive from its ClientHello hooks? */
static int creds_from_hooks(gnutls_session_t s)
{
    if (s->post_client_hello != NULL)
        return 1;
    return s->hook != NULL &&
           (s->hook_htype == GNUTLS_HANDSHAKE_CLIENT_HELLO || s->hook_htype == GNUTLS_HANDSHAKE_ANY);
}

static int priority_has_psk(gnutls_priority_t p)
{
    const unsigned int *kx = NULL;
    int n = gnutls_priority_kx_list(p, &kx);
    for (int i = 0; i < n && kx != NULL; i++)
        if (kx[i] == GNUTLS_KX_PSK || kx[i] == GNUTLS_KX_DHE_PSK || kx[i] == GNUTLS_KX_ECDHE_PSK ||
            kx[i] == GNUTLS_KX_RSA_PSK)
            return 1;
    return n < 0; /* unknown: leave the credentials as they are */
}

static SSL *new_ssl(gnutls_session_t s, int *err)
{
    SSL *ssl = gnossl_cred_new_ssl(s, err);
    if (ssl == NULL && s->is_server && *err == GNUTLS_E_INSUFFICIENT_CREDENTIALS && creds_from_hooks(s)) {
        /* the ClientHello hooks will provide them (ctx.c) */
        ssl = gnossl_bare_server_ssl((s->init_flags & GNUTLS_DATAGRAM) != 0);
        *err = ssl != NULL ? 0 : GNUTLS_E_MEMORY_ERROR;
    }
    return ssl;
}

int gnossl_session_materialise(gnutls_session_t s)
{
    int err = 0;
    if (s->priority == NULL)
        return GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET);

    if (gnossl_cred_new_ssl == NULL || gnossl_priority_apply == NULL)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    SSL *ssl = new_ssl(s, &err);
    if (ssl == NULL)
        return GNOSSL_ERR(err < 0 ? err : GNUTLS_E_INTERNAL_ERROR);
    s->ssl_cert_cred = s->cred[GNUTLS_CRD_CERTIFICATE];
    /* The transport BIO also maps the SSL to the session
     * (gnossl_session_from_ssl): attached first, for every callback. */
    BIO *bio = gnossl_transport_bio_new(s);
    if (bio == NULL) {
        SSL_free(ssl);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    SSL_set_bio(ssl, bio, bio);
    s->ssl = ssl;
    gnossl_seal_reset(s, ssl);

    err = gnossl_priority_apply(s->priority, ssl, s->is_server, (s->init_flags & GNUTLS_DATAGRAM) != 0);
    if (err < 0)
        goto fail;
    gnossl_ext_key_limits(s, ssl);
    /* %NO_EXTENSIONS: no extended master secret or encrypt-then-MAC
     * either (tickets: resume.c; SNI, ALPN, status request: ext.c). */
    if (gnossl_session_no_extensions(s))
        SSL_set_options(ssl, SSL_OP_NO_EXTENDED_MASTER_SECRET | SSL_OP_NO_ENCRYPT_THEN_MAC);
    else if (s->init_flags & GNUTLS_NO_EXTENSIONS) /* GnuTLS 3.7.9 drops only EMS (and status requests) */
        SSL_set_options(ssl, SSL_OP_NO_EXTENDED_MASTER_SECRET);
    if (!priority_has_psk(s->priority)) {
        /* GnuTLS consults PSK credentials only when the priorities allow a
         * PSK key exchange: never ask the application for a PSK otherwise
         * (gnutls-cli would read its identity from stdin). */
        if (s->is_server) {
            SSL_set_psk_server_callback(ssl, NULL);
            SSL_set_psk_find_session_callback(ssl, NULL);
        } else {
            SSL_set_psk_client_callback(ssl, NULL);
            SSL_set_psk_use_session_callback(ssl, NULL);
        }
    }

    /* GnuTLS semantics: one record per send, any buffer on retry, no
     * transparent retries after post-handshake messages, no read-ahead
     * (check_pending must mean "decrypted bytes"), and unclean EOF stays
     * an error (never SSL_OP_IGNORE_UNEXPECTED_EOF). */
    SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_clear_mode(ssl, SSL_MODE_AUTO_RETRY);
    SSL_set_read_ahead(ssl, 0);
    SSL_clear_options(ssl, SSL_OP_IGNORE_UNEXPECTED_EOF);
    if (s->max_record < GNOSSL_MAX_RECORD) {
        SSL_set_max_send_fragment(ssl, s->max_record);
        /* GnuTLS asks the server for the limit too (record_size_limit);
         * OpenSSL can ask through max_fragment_length for these sizes. */
        uint8_t mfl = s->max_record == 512    ? TLSEXT_max_fragment_length_512
                      : s->max_record == 1024 ? TLSEXT_max_fragment_length_1024
                      : s->max_record == 2048 ? TLSEXT_max_fragment_length_2048
                      : s->max_record == 4096 ? TLSEXT_max_fragment_length_4096
                                              : 0;
        if (!s->is_server && mfl != 0)
            SSL_set_tlsext_max_fragment_length(ssl, mfl);
    }

    SSL_set_msg_callback(ssl, gnossl_msg_callback);
    SSL_set_msg_callback_arg(ssl, s);
    SSL_set_info_callback(ssl, gnossl_info_callback);

    if (!s->is_server && (s->init_flags & GNUTLS_POST_HANDSHAKE_AUTH))
        SSL_set_post_handshake_auth(ssl, 1);
    if (s->is_server) {
        SSL_set_accept_state(ssl);
        /* GnuTLS servers accept (safe) client-initiated renegotiation. */
        SSL_set_options(ssl, SSL_OP_ALLOW_CLIENT_RENEGOTIATION);
    }
    else
        SSL_set_connect_state(ssl);

    if ((s->init_flags & GNUTLS_DATAGRAM) && (err = gnossl_dtls_apply(s)) < 0)
        goto fail;

    err = gnossl_ext_apply(s);
    if (err < 0)
        goto fail;
    err = gnossl_resume_apply(s);
    if (err < 0)
        goto fail;
    gnossl_keylog_attach(s);
    return 0;

fail:
    BIO_set_data(SSL_get_rbio(ssl), NULL);
    SSL_free(ssl);
    s->ssl = NULL;
    return GNOSSL_ERR(err);
}

static int start_step(gnutls_session_t s)
{
    if (!s->hs_in_progress) {
        s->hs_in_progress = 1;
        /* GnuTLS: "not verified" until a verification runs in this handshake */
        s->verify.status = (unsigned)-1;
        s->hs_deadline = s->handshake_timeout_ms ? gnossl_now_ms() + s->handshake_timeout_ms : 0;
    }
    return 0;
}

static int step(gnutls_session_t s)
{
    if (s->init_flags & GNUTLS_DATAGRAM) {
        int pre = gnossl_dtls_handshake_pre(s);
        if (pre <= 0)
            return pre;
    }
    int early = gnossl_early_step(s); /* TLS 1.3 early data first */
    if (early <= 0)
        return early;
again:
    gnossl_translate_begin(s);
    int r = SSL_do_handshake(s->ssl);
    gnossl_run_post_hooks(s);
    if (r == 1) {
        if (s->pending_error != 0) {
            int code = s->pending_error;
            s->pending_error = 0;
            s->invalid = 1;
            s->hs_in_progress = 0;
            return code;
        }
        /* Verification OpenSSL has no callback for (a server that requested
         * a certificate and received an empty Certificate message). */
        int v = gnossl_cred_handshake_done(s);
        if (v < 0) {
            s->invalid = 1;
            s->hs_in_progress = 0;
            return v;
        }
        s->handshake_done = 1;
        s->hs_in_progress = 0;
        s->hs_deadline = 0;
        /* GnuTLS clears them once a handshake succeeds: only a failed one
         * (or a message after it) has a last message to report. */
        s->hs_last_in = s->hs_last_out = -1;
        int e = gnossl_ext_check_after_handshake(s);
        if (e < 0)
            s->invalid = 1;
        return e;
    }
    int code = gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
    if ((s->init_flags & GNUTLS_DATAGRAM) && gnossl_dtls_after_step(s, &code))
        goto again; /* a blocking DTLS handshake retransmitted: wait on */
    if (gnossl_code_is_fatal(code))
        s->hs_in_progress = 0;
    return code;
}

/* A TLS 1.2 renegotiation is driven through SSL_peek, which (unlike
 * SSL_do_handshake) accepts application data arriving in the middle; such
 * data stays buffered and is reported as GnuTLS does, GOT_APPLICATION_DATA. */
static int renegotiation_step(gnutls_session_t s)
{
    for (int i = 0; i < 64; i++) {
        unsigned char b;
        gnossl_translate_begin(s);
        s->in_renegotiation_step = 1;
        int r = SSL_peek(s->ssl, &b, 1);
        s->in_renegotiation_step = 0;
        s->stop_after_renegotiation = 0;
        gnossl_run_post_hooks(s);
        if (r > 0)
            return GNUTLS_E_GOT_APPLICATION_DATA;
        int code = gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
        if (s->init_flags & GNUTLS_DATAGRAM)
            gnossl_dtls_after_step(s, &code); /* (a blocking one retransmitted: io_blocked is clear) */
        if (code != GNUTLS_E_AGAIN) {
            if (gnossl_code_is_fatal(code) || code == GNUTLS_E_WARNING_ALERT_RECEIVED)
                s->hello_request_pending = 0;
            return code;
        }
        if (SSL_in_init(s->ssl))
            s->reneg_started = 1;
        else if (!s->hello_request_pending || s->reneg_started) {
            /* done (a server after its HelloRequest waits for the
             * client's renegotiation to start and finish) */
            s->hello_request_pending = 0;
            s->hs_last_in = s->hs_last_out = -1; /* as after the first handshake */
            return 0;
        }
        if (s->io_blocked)
            return code;
    }
    return GNUTLS_E_AGAIN;
}

int gnutls_handshake(gnutls_session_t s)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl == NULL) {
        int r = gnossl_session_materialise(s);
        if (r < 0)
            return r;
    }
    if (s->handshake_done && !s->hs_in_progress) {
        if (SSL_version(s->ssl) == TLS1_3_VERSION) { /* (DTLS versions compare above it) */
            /* TLS 1.3 has no renegotiation: a client asks for a key update,
             * a server has nothing to do. */
            if (s->is_server)
                return 0;
            if (s->invalid || s->may_not_write)
                return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
            return gnutls_session_key_update(s, GNUTLS_KU_PEER);
        }
        if (s->is_server && s->read_eof)
            return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE); /* no ClientHello will come */
        if (s->invalid || s->may_not_write)
            return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
        s->rehandshake_requested = 0;
        s->stop_rehandshake = 0;
        if (s->hello_request_pending && SSL_is_dtls(s->ssl) && !SSL_in_init(s->ssl) && !s->reneg_started) {
            /* GnuTLS: a DTLS server's handshake while its rehandshake still
             * waits for an answer ends the wait and succeeds; a ClientHello
             * coming later is the client's own renegotiation */
            s->hello_request_pending = 0;
            s->hs_deadline = 0;
            return 0;
        }
        if (SSL_in_init(s->ssl) || s->hello_request_pending)
            return renegotiation_step(s); /* the peer started one, or we asked */
        if (s->is_server)
            return 0;
        ERR_clear_error();
        /* answering a HelloRequest: the handshake OpenSSL would have
         * started itself (TLS: abbreviated; DTLS: full) */
        int ok = gnossl_refuse_pending(s) && !SSL_is_dtls(s->ssl) ? SSL_renegotiate_abbreviated(s->ssl)
                                                                   : SSL_renegotiate(s->ssl);
        if (ok != 1)
            return GNOSSL_ERR(GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED);
        return renegotiation_step(s);
    }
    if (s->invalid) /* GnuTLS's DTLS deadline stays expired */
        return GNOSSL_ERR(s->dtls.expired ? GNUTLS_E_TIMEDOUT : GNUTLS_E_INVALID_SESSION);
    start_step(s);
    return step(s);
}

int gnutls_session_key_update(gnutls_session_t s, unsigned int flags)
{
    if (s == NULL || s->ssl == NULL || !s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (SSL_version(s->ssl) != TLS1_3_VERSION)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!s->key_update_pending) {
        ERR_clear_error();
        int type = (flags & GNUTLS_KU_PEER) ? SSL_KEY_UPDATE_REQUESTED : SSL_KEY_UPDATE_NOT_REQUESTED;
        if (SSL_key_update(s->ssl, type) != 1)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        s->key_update_pending = 1;
    }
    /* The KeyUpdate message goes out with the next write; flush it now
     * with a handshake step so that AGAIN can be retried. */
    gnossl_translate_begin(s);
    int r = SSL_do_handshake(s->ssl);
    if (r == 1) {
        s->key_update_pending = 0;
        return 0;
    }
    int code = gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
    if (gnossl_code_is_fatal(code))
        s->key_update_pending = 0;
    return code;
}

/* DTLS: GnuTLS's gnutls_rehandshake waits for the client's answer to the
 * HelloRequest (its next flight): AGAIN until the ClientHello came (0; the
 * server's gnutls_handshake goes on with it) or a refusal
 * (WARNING_ALERT_RECEIVED), TIMEDOUT after the handshake timeout.
 * Application data arriving meanwhile is dropped, as GnuTLS drops it (not
 * counted as discarded either). */
static int dtls_hello_request_wait(gnutls_session_t s)
{
    if (s->hs_deadline == 0 && s->handshake_timeout_ms != 0)
        s->hs_deadline = gnossl_now_ms() + s->handshake_timeout_ms;
    for (int i = 0; i < 64; i++) {
        s->in_hello_request_wait = 1;
        int code = renegotiation_step(s);
        s->in_hello_request_wait = 0;
        if (code != GNUTLS_E_GOT_APPLICATION_DATA) {
            if (code != GNUTLS_E_AGAIN || s->reneg_started)
                s->hs_deadline = 0;
            if (code == GNUTLS_E_TIMEDOUT)
                s->hello_request_pending = 0;
            return code == GNUTLS_E_AGAIN && s->reneg_started ? 0 : code;
        }
        unsigned char junk[512];
        int n;
        while ((n = SSL_pending(s->ssl)) > 0 && SSL_read(s->ssl, junk, n < (int)sizeof junk ? n : (int)sizeof junk) > 0)
            ;
        OPENSSL_cleanse(junk, sizeof junk);
    }
    return GNUTLS_E_AGAIN;
}

int gnutls_rehandshake(gnutls_session_t s)
{
    if (s == NULL || !s->is_server || s->ssl == NULL || !s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (SSL_version(s->ssl) == TLS1_3_VERSION)
        return gnutls_session_key_update(s, GNUTLS_KU_PEER);
    if (s->hello_request_pending && SSL_is_dtls(s->ssl))
        return dtls_hello_request_wait(s);
    if (!s->rehandshake_sent) {
        ERR_clear_error();
        if (SSL_renegotiate(s->ssl) != 1)
            return GNOSSL_ERR(GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED);
        s->rehandshake_sent = 1;
    }
    /* Send the HelloRequest; the application then reads until the client
     * answers, as with GnuTLS. */
    gnossl_translate_begin(s);
    int r = SSL_do_handshake(s->ssl);
    int code = r == 1 ? 0 : gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
    if (r == 1 || (code == GNUTLS_E_AGAIN && SSL_want_read(s->ssl))) {
        /* HelloRequest flushed; the ClientHello comes with later reads or
         * with the server's next gnutls_handshake. */
        s->rehandshake_sent = 0;
        s->hello_request_pending = 1;
        s->reneg_started = 0;
        return SSL_is_dtls(s->ssl) ? dtls_hello_request_wait(s) : 0;
    }
    if (gnossl_code_is_fatal(code))
        s->rehandshake_sent = 0;
    return code;
}

unsigned gnutls_safe_renegotiation_status(gnutls_session_t s)
{
    return (gnutls_session_get_flags(s) & GNUTLS_SFLAGS_SAFE_RENEGOTIATION) ? 1 : 0;
}
