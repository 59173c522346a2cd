/* TLS 1.3 early data (0-RTT) and GnuTLS's anti-replay contexts.
 *
 * Client: gnutls_record_send_early_data only buffers; the first handshake
 * step hands the buffer to SSL_write_early_data (which sends the
 * ClientHello with it).  Server (GNUTLS_ENABLE_EARLY_DATA): the handshake
 * starts with SSL_read_early_data, which collects what the client sent for
 * gnutls_record_recv_early_data, then continues as usual.
 *
 * OpenSSL's own replay protection needs its internal session cache; GnuTLS
 * servers instead accept early data only with an anti-replay context whose
 * database function records each ClientHello (RFC 8446, 8.2).  That rule
 * runs in OpenSSL's allow-early-data callback, keyed, as in GnuTLS, by the
 * window's start time and the PSK binder of the hello.  The ticket's
 * creation time travels inside the ticket (ticket app data) so that tickets
 * older than the context are refused to the nanosecond, as GnuTLS does.
 * The ticket-age window itself is OpenSSL's (10 s, GnuTLS's default). */
#include "gnossl.h"
#include "tls/session-int.h"
#include "core/algorithms.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_MAX_EARLY_DATA 16384u
#define DEFAULT_WINDOW_MS 10000u
/* GnuTLS's packed-entry magic (0xfadebadd + version number 3.7.9), so that
 * gnutls_db_check_entry_time/expire_time read the entries we store. */
#define ENTRY_MAGIC (0xfadebaddu + 0x030709u)

struct gnutls_anti_replay_st {
    unsigned window_ms;
    struct timespec start;
    gnutls_db_add_func add;
    void *ptr;
};

int gnutls_anti_replay_init(gnutls_anti_replay_t *anti_replay)
{
    if (anti_replay == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *anti_replay = calloc(1, sizeof **anti_replay);
    if (*anti_replay == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    (*anti_replay)->window_ms = DEFAULT_WINDOW_MS;
    clock_gettime(CLOCK_REALTIME, &(*anti_replay)->start);
    return 0;
}

void gnutls_anti_replay_deinit(gnutls_anti_replay_t anti_replay)
{
    free(anti_replay);
}

void gnutls_anti_replay_set_window(gnutls_anti_replay_t anti_replay, unsigned int window)
{
    if (anti_replay != NULL)
        anti_replay->window_ms = window;
}

void gnutls_anti_replay_set_add_function(gnutls_anti_replay_t anti_replay, gnutls_db_add_func add_func)
{
    if (anti_replay != NULL)
        anti_replay->add = add_func;
}

void gnutls_anti_replay_set_ptr(gnutls_anti_replay_t anti_replay, void *ptr)
{
    if (anti_replay != NULL)
        anti_replay->ptr = ptr;
}

void gnutls_anti_replay_enable(gnutls_session_t session, gnutls_anti_replay_t anti_replay)
{
    if (session == NULL || !session->is_server) {
        gnossl_debug("gnossl: anti-replay is for servers");
        return;
    }
    session->anti_replay = anti_replay;
}

static int64_t ms_between(const struct timespec *later, const struct timespec *earlier)
{
    return (int64_t)(later->tv_sec - earlier->tv_sec) * 1000 + (later->tv_nsec - earlier->tv_nsec) / 1000000;
}

static int ts_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* ---- ticket creation time (ticket app data) ---- */

static int ticket_gen_cb(SSL *ssl, void *arg)
{
    (void)arg;
    unsigned char t[12];
    struct timespec now;
    SSL_SESSION *sess = SSL_get0_session(ssl);
    clock_gettime(CLOCK_REALTIME, &now);
    put32(t, (uint32_t)((uint64_t)now.tv_sec >> 32));
    put32(t + 4, (uint32_t)now.tv_sec);
    put32(t + 8, (uint32_t)now.tv_nsec);
    if (sess != NULL)
        SSL_SESSION_set1_ticket_appdata(sess, t, sizeof t);
    return 1;
}

/* OpenSSL's own decisions, unchanged; a usable ticket is noted for
 * gnutls_session_is_resumed, and its suite for gnutls_early_cipher_get
 * when the hello carries early data. */
static SSL_TICKET_RETURN ticket_dec_cb(SSL *ssl, SSL_SESSION *ss, const unsigned char *keyname, size_t keyname_len,
                                       SSL_TICKET_STATUS status, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    (void)keyname;
    (void)keyname_len;
    (void)arg;
    if (s != NULL && (status == SSL_TICKET_SUCCESS || status == SSL_TICKET_SUCCESS_RENEW)) {
        s->ticket_accepted = 1;
        if (s->early_ext_seen && ss != NULL)
            s->early_cipher = SSL_SESSION_get0_cipher(ss);
    }
    switch (status) {
    case SSL_TICKET_SUCCESS: return SSL_TICKET_RETURN_USE;
    case SSL_TICKET_SUCCESS_RENEW: return SSL_TICKET_RETURN_USE_RENEW;
    case SSL_TICKET_EMPTY:
    case SSL_TICKET_NO_DECRYPT: return SSL_TICKET_RETURN_IGNORE_RENEW;
    case SSL_TICKET_NONE: return SSL_TICKET_RETURN_IGNORE;
    default: return SSL_TICKET_RETURN_ABORT;
    }
}

static int ticket_time(SSL *ssl, struct timespec *t)
{
    SSL_SESSION *sess = SSL_get0_session(ssl);
    void *data = NULL;
    size_t len = 0;
    if (sess == NULL || !SSL_SESSION_get0_ticket_appdata(sess, &data, &len) || len != 12)
        return 0;
    const unsigned char *p = data;
    uint64_t sec = ((uint64_t)p[0] << 56) | ((uint64_t)p[1] << 48) | ((uint64_t)p[2] << 40) |
                   ((uint64_t)p[3] << 32) | ((uint64_t)p[4] << 24) | ((uint64_t)p[5] << 16) |
                   ((uint64_t)p[6] << 8) | p[7];
    t->tv_sec = (time_t)sec;
    t->tv_nsec = (long)(((uint32_t)p[8] << 24) | ((uint32_t)p[9] << 16) | ((uint32_t)p[10] << 8) | p[11]);
    return 1;
}

/* ---- server: may this hello's early data be accepted? ---- */

static int allow_early_data_cb(SSL *ssl, void *arg)
{
    (void)arg;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s == NULL || !(s->init_flags & GNUTLS_ENABLE_EARLY_DATA))
        return 0;
    gnutls_anti_replay_t ar = s->anti_replay;
    if (ar == NULL) {
        gnossl_debug("gnossl: early data refused: no anti-replay context");
        return 0;
    }
    /* A ticket that announced no early data (issued without the flag):
     * OpenSSL would count the client's early data against a zero limit and
     * fail; refused here, it is skipped and the handshake goes on. */
    SSL_SESSION *sess = SSL_get0_session(ssl);
    if (sess == NULL || SSL_SESSION_get_max_early_data(sess) == 0) {
        gnossl_debug("gnossl: early data refused: the ticket did not allow it");
        return 0;
    }
    struct timespec now, created;
    clock_gettime(CLOCK_REALTIME, &now);
    if (!ticket_time(ssl, &created) || ts_before(&created, &ar->start)) {
        gnossl_debug("gnossl: early data refused: ticket older than the anti-replay recording");
        return 0;
    }
    if (ms_between(&now, &ar->start) > (int64_t)ar->window_ms)
        ar->start = now; /* a new window */
    if (ar->add == NULL || s->early_binder_len == 0) {
        gnossl_debug("gnossl: early data refused: no anti-replay database");
        return 0;
    }
    unsigned char key[12 + GNOSSL_BINDER_MAX], entry[12];
    put32(key, (uint32_t)((uint64_t)ar->start.tv_sec >> 32));
    put32(key + 4, (uint32_t)ar->start.tv_sec);
    put32(key + 8, (uint32_t)ar->start.tv_nsec);
    memcpy(key + 12, s->early_binder, s->early_binder_len);
    unsigned window_s = ar->window_ms / 1000;
    put32(entry, ENTRY_MAGIC);
    put32(entry + 4, (uint32_t)now.tv_sec);
    put32(entry + 8, window_s);
    gnutls_datum_t k = {key, 12 + s->early_binder_len}, e = {entry, sizeof entry};
    if (ar->add(ar->ptr, now.tv_sec + (time_t)window_s, &k, &e) < 0) {
        gnossl_debug("gnossl: early data refused: ClientHello seen before");
        return 0;
    }
    return 1;
}

void gnossl_early_ctx_setup(SSL_CTX *ctx)
{
    SSL_CTX_set_session_ticket_cb(ctx, ticket_gen_cb, ticket_dec_cb, NULL);
    SSL_CTX_set_allow_early_data_cb(ctx, allow_early_data_cb, NULL);
}

/* The first binder of the hello's pre_shared_key extension (the replay
 * database key), from the client-hello callback. */
void gnossl_early_note_hello(gnutls_session_t s, SSL *ssl)
{
    const unsigned char *p;
    size_t len;
    s->early_binder_len = 0;
    s->early_ext_seen = SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_early_data, &p, &len);
    s->early_cipher = NULL;
    /* only allow_early_data_cb reads it */
    if (!s->early_ext_seen || !(s->init_flags & GNUTLS_ENABLE_EARLY_DATA) ||
        !SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_psk, &p, &len) || len < 2)
        return;
    size_t ids = (size_t)p[0] << 8 | p[1];
    if (2 + ids + 2 + 1 > len)
        return;
    const unsigned char *b = p + 2 + ids + 2;
    size_t blen = b[0];
    if (blen == 0 || blen > GNOSSL_BINDER_MAX || (size_t)(b + 1 + blen - p) > len)
        return;
    if (s->early_binder == NULL && (s->early_binder = malloc(GNOSSL_BINDER_MAX)) == NULL)
        return; /* (the early data is then refused) */
    memcpy(s->early_binder, b + 1, blen);
    s->early_binder_len = (unsigned)blen;
}

/* Applied to a new SSL: a server announces (in its tickets) and accepts
 * early data only with GNUTLS_ENABLE_EARLY_DATA. */
void gnossl_early_apply(gnutls_session_t s)
{
    if (!s->is_server)
        return;
    unsigned max = s->max_early_data ? s->max_early_data : DEFAULT_MAX_EARLY_DATA;
    if (s->init_flags & GNUTLS_ENABLE_EARLY_DATA) {
        SSL_set_max_early_data(s->ssl, max);
        SSL_set_recv_max_early_data(s->ssl, max);
        /* OpenSSL's replay protection would make its tickets single-use
         * entries of its internal cache, which GnuTLS servers do not keep;
         * the anti-replay context (allow_early_data_cb) does the job. */
        SSL_set_options(s->ssl, SSL_OP_NO_ANTI_REPLAY);
    }
}

static int append(gnutls_session_t s, const void *data, size_t n)
{
    if (s->early_len + n > s->early_cap) {
        size_t cap = (s->early_len + n) * 2;
        unsigned char *b = realloc(s->early_buf, cap);
        if (b == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        s->early_buf = b;
        s->early_cap = cap;
    }
    memcpy(s->early_buf + s->early_len, data, n);
    s->early_len += n;
    return 0;
}

/* Run before SSL_do_handshake by each handshake step: 1 = go on with the
 * handshake, otherwise the code the step returns. */
int gnossl_early_step(gnutls_session_t s)
{
    if (s->early_done || s->ssl == NULL)
        return 1;
    if (s->is_server) {
        if (!(s->init_flags & GNUTLS_ENABLE_EARLY_DATA) || SSL_version(s->ssl) == DTLS1_2_VERSION ||
            (s->init_flags & GNUTLS_DATAGRAM)) {
            s->early_done = 1;
            return 1;
        }
        for (int i = 0; i < 1024; i++) {
            unsigned char buf[4096];
            size_t n = 0;
            gnossl_translate_begin(s);
            int r = SSL_read_early_data(s->ssl, buf, sizeof buf, &n);
            gnossl_run_post_hooks(s);
            if (r == SSL_READ_EARLY_DATA_SUCCESS) {
                int e = n > 0 ? append(s, buf, n) : 0;
                if (e < 0)
                    return e;
                continue;
            }
            if (r == SSL_READ_EARLY_DATA_FINISH) {
                s->early_done = 1;
                return 1;
            }
            int code = gnossl_translate(s, -1, GNOSSL_OP_HANDSHAKE);
            if (gnossl_code_is_fatal(code))
                s->hs_in_progress = 0;
            return code;
        }
        return GNUTLS_E_AGAIN;
    }
    /* Client: send what was buffered, if this is a resumption. */
    SSL_SESSION *sess = SSL_get0_session(s->ssl);
    if (s->early_len == 0 || sess == NULL || SSL_SESSION_get_protocol_version(sess) != TLS1_3_VERSION ||
        !SSL_SESSION_is_resumable(sess)) {
        s->early_done = 1;
        return 1;
    }
    /* A GnuTLS client sends early data even under a ticket that did not
     * announce any, which an OpenSSL server refuses fatally; OpenSSL's
     * client sends none then (the session flag tells the application). */
    while (s->early_off < s->early_len) {
        size_t w = 0;
        gnossl_translate_begin(s);
        int r = SSL_write_early_data(s->ssl, s->early_buf + s->early_off, s->early_len - s->early_off, &w);
        if (r == 1) {
            s->early_off += w;
            s->early_cipher = SSL_SESSION_get0_cipher(sess);
            continue;
        }
        if (s->early_off == 0 && SSL_in_before(s->ssl) && !SSL_want_write(s->ssl) && !SSL_want_read(s->ssl)) {
            /* OpenSSL will not send early data on this session: the
             * handshake goes on without. */
            ERR_clear_error();
            s->early_done = 1;
            return 1;
        }
        return gnossl_translate(s, -1, GNOSSL_OP_HANDSHAKE);
    }
    s->early_done = 1;
    return 1;
}

int gnossl_early_accepted(gnutls_session_t s)
{
    return s != NULL && s->ssl != NULL && SSL_get_early_data_status(s->ssl) == SSL_EARLY_DATA_ACCEPTED;
}

void gnossl_early_free(gnutls_session_t s)
{
    free(s->early_buf);
    s->early_buf = NULL;
    free(s->early_binder);
    s->early_binder = NULL;
}

/* ---- public API ---- */

ssize_t gnutls_record_send_early_data(gnutls_session_t session, const void *data, size_t data_size)
{
    if (session == NULL || session->is_server)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (data_size == 0)
        return 0;
    if (data == NULL || session->early_done || session->early_len + data_size > gnutls_record_get_max_early_data_size(session))
        return GNOSSL_ERR(data == NULL ? GNUTLS_E_INVALID_REQUEST : GNUTLS_E_RECORD_LIMIT_REACHED);
    int e = append(session, data, data_size);
    return e < 0 ? e : 0; /* GnuTLS reports 0, not the size */
}

ssize_t gnutls_record_recv_early_data(gnutls_session_t session, void *data, size_t data_size)
{
    if (session == NULL || !session->is_server || (data == NULL && data_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    size_t left = session->early_len - session->early_off;
    if (left == 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (left > data_size)
        left = data_size;
    memcpy(data, session->early_buf + session->early_off, left);
    session->early_off += left;
    return (ssize_t)left;
}

size_t gnutls_record_get_max_early_data_size(gnutls_session_t session)
{
    if (session == NULL)
        return 0;
    if (session->is_server)
        return session->max_early_data ? session->max_early_data : DEFAULT_MAX_EARLY_DATA;
    /* A client knows the limit from its ticket; without one, none. */
    uint32_t m = session->resume_sess != NULL ? SSL_SESSION_get_max_early_data(session->resume_sess) : 0;
    return m ? m : UINT32_MAX;
}

int gnutls_record_set_max_early_data_size(gnutls_session_t session, size_t size)
{
    if (session == NULL || !session->is_server || size == 0 || size > UINT32_MAX)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    session->max_early_data = (unsigned)size;
    if (session->ssl != NULL)
        gnossl_early_apply(session);
    return 0;
}

/* The algorithms of the early data in flight: those of the resumed ticket's
 * suite, and only while that handshake runs (as in GnuTLS). */
static const SSL_CIPHER *early_suite(gnutls_session_t s)
{
    return s != NULL && s->hs_in_progress ? s->early_cipher : NULL;
}

gnutls_cipher_algorithm_t gnutls_early_cipher_get(gnutls_session_t session)
{
    const SSL_CIPHER *c = early_suite(session);
    gnutls_cipher_algorithm_t cipher;
    if (c == NULL || gnossl_suite_lookup(SSL_CIPHER_get_protocol_id(c) & 0xffffu, &cipher, NULL, NULL) < 0)
        return GNUTLS_CIPHER_UNKNOWN;
    return cipher;
}

gnutls_digest_algorithm_t gnutls_early_prf_hash_get(const gnutls_session_t session)
{
    const SSL_CIPHER *c = early_suite(session);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    /* TLS 1.3 suites hash with SHA-256 or SHA-384, named alike in both. */
    return md != NULL ? gnutls_digest_get_id(OBJ_nid2sn(EVP_MD_get_type(md))) : GNUTLS_DIG_UNKNOWN;
}
