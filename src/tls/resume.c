/* Resumption: session data blobs (i2d_SSL_SESSION of the latest session),
 * session IDs and tickets.
 *
 * GnuTLS rules kept here: a server sends tickets only once a ticket key is
 * set; a TLS 1.3 client asked for data before any ticket arrived waits a
 * little for one (with the pull_timeout function) and otherwise hands out a
 * 4-byte dummy blob that set_data accepts and ignores. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/priority.h"
#include "tls/resume-cache.h"

#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

#pragma weak gnossl_priority_flags

#define TICKET_KEY_SIZE 64
#define TLS13_TICKETS_TO_SEND 2
static const unsigned char empty_data[4] = {0, 0, 0, 0};

/* Can this SSL still negotiate TLS 1.3 (its bounds are already set)? */
static int may_use_tls13(SSL *ssl)
{
    long max = SSL_get_max_proto_version(ssl);
    return !SSL_is_dtls(ssl) && (max == 0 || max >= TLS1_3_VERSION);
}

int gnossl_resume_apply(gnutls_session_t s)
{
    SSL *ssl = s->ssl;
    if (s->is_server) {
        unsigned fl = gnossl_priority_flags != NULL ? gnossl_priority_flags(s->priority) : 0;
        /* PFS and %NO_TICKETS_TLS12 forbid only TLS 1.2 tickets (they would
         * outlive the key exchange).  SSL_OP_NO_TICKET now would also turn
         * TLS 1.3 tickets into stateful ones we cannot resume, so it is set
         * here only when TLS 1.3 is out of reach; otherwise the server-name
         * callback (src/cred/ssl.c) sets it once TLS 1.2 is chosen. */
        if ((s->init_flags & GNUTLS_NO_TICKETS) || !s->ticket_key_set || (fl & GNOSSL_PRIO_NO_TICKETS) ||
            (fl & GNOSSL_PRIO_NO_EXTENSIONS) ||
            ((fl & GNOSSL_PRIO_NO_TICKETS_TLS12) && !may_use_tls13(ssl))) {
            SSL_set_options(ssl, SSL_OP_NO_TICKET);
            SSL_set_num_tickets(ssl, 0);
        } else {
            SSL_clear_options(ssl, SSL_OP_NO_TICKET);
            SSL_set_num_tickets(ssl, TLS13_TICKETS_TO_SEND);
        }
        return 0;
    }
    if ((s->init_flags & GNUTLS_NO_TICKETS) || gnossl_session_no_extensions(s))
        SSL_set_options(ssl, SSL_OP_NO_TICKET);
    /* An expired or foreign session simply gives a full handshake. */
    if (s->resume_sess == NULL)
        return 0;
    /* A session without a master secret only carries the hello's ID
     * (gnutls_session_set_id, session-id.c): GnuTLS ignores that ID when
     * TLS 1.3 may be negotiated, and it never means a resumption. */
    if (SSL_SESSION_get_master_key(s->resume_sess, NULL, 0) == 0) {
        if (!may_use_tls13(ssl))
            SSL_set_session(ssl, s->resume_sess);
        return 0;
    }
    if (SSL_set_session(ssl, s->resume_sess) == 1)
        s->resumption_requested = 1;
    return 0;
}

int gnutls_session_set_data(gnutls_session_t s, const void *session_data, size_t session_data_size)
{
    if (s == NULL || session_data == NULL || session_data_size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (session_data_size == sizeof empty_data &&
        memcmp(session_data, empty_data, sizeof empty_data) == 0)
        return 0; /* the TLS 1.3 placeholder: nothing to resume */
    /* GnuTLS reads a 4-byte magic number first: shorter data cannot be
     * parsed at all, longer data of the wrong kind is a database error. */
    if (session_data_size < 4)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    /* Decoded once, here, and once per distinct blob (resume-cache.c):
     * decoding decodes the peer's public keys, one of OpenSSL 3.0's slow
     * paths. */
    SSL_SESSION *sess = gnossl_session_decode(session_data, session_data_size);
    if (sess == NULL)
        return GNOSSL_ERR(GNUTLS_E_DB_ERROR);
    SSL_SESSION_free(s->resume_sess);
    s->resume_sess = sess;
    return 0;
}

/* TLS 1.3: give a ticket that is on its way a chance to arrive. */
static void wait_for_ticket(gnutls_session_t s)
{
    if (s->init_flags & GNUTLS_NONBLOCK)
        return;
    if (gnossl_transport_wait(s, 60 + 50) <= 0)
        return;
    unsigned char b;
    gnossl_translate_begin(s);
    /* Processes a NewSessionTicket; application data stays buffered. */
    int r = SSL_peek(s->ssl, &b, 1);
    if (r <= 0) {
        int e = SSL_get_error(s->ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
            (void)gnossl_translate(s, r, GNOSSL_OP_READ);
    }
    gnossl_run_post_hooks(s);
}

/* The session whose data gnutls_session_get_data(2) hands out; *sess = NULL
 * means the TLS 1.3 placeholder. */
static int data_session(gnutls_session_t s, SSL_SESSION **sess)
{
    *sess = NULL;
    if (s != NULL && s->ssl != NULL && !s->handshake_done && s->hs_in_progress)
        return GNOSSL_ERR(GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE); /* a hook's call, as GnuTLS */
    if (s == NULL || s->ssl == NULL || !s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    SSL_SESSION *ss = SSL_get0_session(s->ssl);
    if (gnossl_ssl_is_tls13(s->ssl) && !s->is_server) {
        if (ss == NULL || !SSL_SESSION_is_resumable(ss)) {
            wait_for_ticket(s);
            ss = SSL_get0_session(s->ssl);
        }
        if (ss == NULL || !SSL_SESSION_is_resumable(ss))
            return 0;
    }
    if (ss == NULL || s->invalid)
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
    *sess = ss;
    return 0;
}

/* data_session, then the size of that session's data, or a GnuTLS error. */
static int data_size(gnutls_session_t s, SSL_SESSION **sess)
{
    int ret = data_session(s, sess);
    if (ret < 0)
        return ret;
    if (*sess == NULL)
        return (int)sizeof empty_data;
    int len = i2d_SSL_SESSION(*sess, NULL);
    return len > 0 ? len : GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
}

/* Write the data of `sess` (data_size bytes) to `out`. */
static void data_write(SSL_SESSION *sess, unsigned char *out)
{
    if (sess == NULL)
        memcpy(out, empty_data, sizeof empty_data);
    else
        i2d_SSL_SESSION(sess, &out);
}

int gnutls_session_get_data2(gnutls_session_t s, gnutls_datum_t *data)
{
    SSL_SESSION *sess;
    if (data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int len = data_size(s, &sess);
    if (len < 0)
        return len;
    data->data = gnutls_malloc((size_t)len);
    if (data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    data_write(sess, data->data);
    data->size = (unsigned)len;
    return 0;
}

/* Encoded straight into the caller's buffer: curl asks for the size first
 * and then for the data, and each encoding walks the whole session. */
int gnutls_session_get_data(gnutls_session_t s, void *session_data, size_t *session_data_size)
{
    SSL_SESSION *sess;
    if (session_data_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int len = data_size(s, &sess);
    if (len < 0)
        return len;
    if ((size_t)len > *session_data_size) {
        *session_data_size = (size_t)len;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    *session_data_size = (size_t)len;
    if (session_data != NULL)
        data_write(sess, session_data);
    return 0;
}

/* OpenSSL marks a TLS 1.3 handshake with an external PSK as "reused";
 * GnuTLS counts only resumption of an earlier session (ticket or ID).  In
 * TLS 1.3 that is a ticket: the client's session holds it, the server's
 * ticket callback saw it accepted. */
static int resumed(gnutls_session_t s)
{
    if (!SSL_session_reused(s->ssl))
        return 0;
    if (!gnossl_ssl_is_tls13(s->ssl))
        return 1;
    if (s->is_server)
        return s->ticket_accepted;
    SSL_SESSION *sess = SSL_get0_session(s->ssl);
    return sess != NULL && SSL_SESSION_has_ticket(sess);
}

int gnutls_session_is_resumed(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL || !s->handshake_done)
        return 0;
    return resumed(s);
}

int gnutls_session_resumption_requested(gnutls_session_t s)
{
    if (s == NULL)
        return 0;
    if (!s->is_server)
        return s->resumption_requested;
    return s->ssl != NULL && resumed(s);
}

static const unsigned char *session_id(gnutls_session_t s, unsigned *len)
{
    *len = 0;
    if (s == NULL || s->ssl == NULL)
        return NULL;
    if (!s->is_server && SSL_version(s->ssl) == TLS1_3_VERSION) {
        *len = s->hello_sid_len;
        return s->hello_sid;
    }
    SSL_SESSION *sess = SSL_get0_session(s->ssl);
    if (sess == NULL)
        return NULL;
    return SSL_SESSION_get_id(sess, len);
}

int gnutls_session_get_id(gnutls_session_t s, void *session_id_buf, size_t *session_id_size)
{
    if (s == NULL || session_id_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* Before the first handshake there is no session ID yet: size 0, as
     * GnuTLS; during one, GnuTLS leaves the size alone until it is done. */
    if (s->ssl == NULL) {
        *session_id_size = 0;
        return 0;
    }
    if (!s->handshake_done)
        return 0;
    unsigned len;
    const unsigned char *id = session_id(s, &len);
    size_t given = *session_id_size;
    *session_id_size = len;
    if (session_id_buf == NULL)
        return 0;
    if (given < len)
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    if (len > 0)
        memcpy(session_id_buf, id, len);
    return 0;
}

int gnutls_session_get_id2(gnutls_session_t s, gnutls_datum_t *sid)
{
    if (s == NULL || sid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned len;
    const unsigned char *id = session_id(s, &len);
    sid->data = (unsigned char *)id;
    sid->size = len;
    return 0;
}

int gnutls_session_ticket_key_generate(gnutls_datum_t *key)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    key->data = gnutls_malloc(TICKET_KEY_SIZE);
    if (key->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (RAND_bytes(key->data, TICKET_KEY_SIZE) != 1) {
        gnutls_free(key->data);
        key->data = NULL;
        return GNOSSL_ERR(GNUTLS_E_RANDOM_FAILED);
    }
    key->size = TICKET_KEY_SIZE;
    return 0;
}

/* The key switches tickets on and encrypts them (see ctx.c), so any
 * server session given the same key can resume them. */
int gnutls_session_ticket_enable_server(gnutls_session_t s, const gnutls_datum_t *key)
{
    if (s == NULL || key == NULL || key->data == NULL || key->size != TICKET_KEY_SIZE)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ticket_key == NULL && (s->ticket_key = malloc(TICKET_KEY_SIZE)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(s->ticket_key, key->data, TICKET_KEY_SIZE);
    s->ticket_key_set = 1;
    s->init_flags &= ~(unsigned)GNUTLS_NO_TICKETS;
    return 0;
}

int gnutls_session_ticket_enable_client(gnutls_session_t s)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    s->init_flags &= ~(unsigned)GNUTLS_NO_TICKETS;
    return 0;
}

/* TLS 1.3 server: send `nr` more tickets now. */
int gnutls_session_ticket_send(gnutls_session_t s, unsigned nr, unsigned flags)
{
    (void)flags;
    if (s == NULL || s->ssl == NULL || !s->is_server || !s->handshake_done ||
        !gnossl_ssl_is_tls13(s->ssl))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!s->ticket_key_set)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < nr; i++)
        if (SSL_new_session_ticket(s->ssl) != 1)
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    gnossl_translate_begin(s);
    int r = SSL_do_handshake(s->ssl);
    if (r == 1)
        return 0;
    return gnossl_translate(s, r, GNOSSL_OP_HANDSHAKE);
}
