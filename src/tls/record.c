/* Application data: gnutls_record_send/recv and friends.
 *
 * Send follows GnuTLS's retry rule: once a record was handed to OpenSSL and
 * the push blocked, the next call, whatever its arguments, only completes
 * that record and returns its size.  The plaintext is kept in the session
 * so that OpenSSL's own retry (same length, moving buffer allowed) is
 * always satisfied. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int can_write(gnutls_session_t s)
{
    if (s->ssl == NULL || !s->handshake_done)
        return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
    /* (also after a gnutls_bye whose close_notify did not go out) */
    if (s->invalid || s->may_not_write || (SSL_get_shutdown(s->ssl) & SSL_SENT_SHUTDOWN))
        return GNUTLS_E_INVALID_SESSION;
    return 0;
}

/* Whether a record OpenSSL could not write stays for a retry: it blocked,
 * or (TLS) its push failed (no more sends then, but gnutls_bye sends it
 * first, as GnuTLS's does its queue). */
static int keep_record(gnutls_session_t s, int code)
{
    return code == GNUTLS_E_AGAIN || code == GNUTLS_E_INTERRUPTED ||
           (!(s->init_flags & GNUTLS_DATAGRAM) && s->io_error_push && code == s->io_error);
}

/* Write one record of n <= max bytes, keeping a copy if it stays. */
static ssize_t write_record(gnutls_session_t s, const void *data, size_t n)
{
    gnossl_translate_begin(s);
    int r = SSL_write(s->ssl, data, (int)n);
    gnossl_run_post_hooks(s);
    if (r > 0)
        return r;
    int code = gnossl_translate(s, r, GNOSSL_OP_WRITE);
    if (keep_record(s, code)) {
        unsigned char *copy = malloc(n);
        if (copy == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        memcpy(copy, data, n);
        s->send_pending = copy;
        s->send_pending_len = n;
        s->send_pending_corked = 0;
    }
    return code;
}

static ssize_t flush_pending(gnutls_session_t s)
{
    gnossl_translate_begin(s);
    int r = SSL_write(s->ssl, s->send_pending, (int)s->send_pending_len);
    gnossl_run_post_hooks(s);
    if (r <= 0) {
        int code = gnossl_translate(s, r, GNOSSL_OP_WRITE);
        if (keep_record(s, code))
            return code;
        r = code;
    }
    free(s->send_pending);
    s->send_pending = NULL;
    s->send_pending_len = 0;
    s->send_pending_corked = 0;
    return r;
}

ssize_t gnutls_record_send(gnutls_session_t s, const void *data, size_t data_size)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int e = can_write(s);
    if (e < 0)
        return GNOSSL_ERR(e);
    /* Corked, a send only appends, as GnuTLS's: even with a record still
     * pending from an uncork that blocked (the next uncork sends it first).
     * Completing that record here would return more than data_size.  A
     * plain send's blocked record is completed by its retry even after a
     * cork: appended, it would go out twice (GnuTLS drops it instead). */
    if (s->send_pending != NULL && (!s->corked || !s->send_pending_corked))
        return flush_pending(s);
    if (data_size == 0 || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    if (s->corked) {
        if (s->cork_len + data_size > s->cork_cap) {
            size_t cap = (s->cork_len + data_size) * 2;
            unsigned char *p = realloc(s->cork_buf, cap);
            if (p == NULL)
                return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            s->cork_buf = p;
            s->cork_cap = cap;
        }
        memcpy(s->cork_buf + s->cork_len, data, data_size);
        s->cork_len += data_size;
        return (ssize_t)data_size;
    }

    if (s->init_flags & GNUTLS_DATAGRAM) {
        e = gnossl_dtls_check_send(s, data_size); /* a record is never split */
        if (e < 0)
            return e;
    }
    size_t n = data_size < s->max_record ? data_size : s->max_record;
    return write_record(s, data, n);
}

ssize_t gnutls_record_send2(gnutls_session_t s, const void *data, size_t data_size, size_t pad,
                            unsigned flags)
{
    (void)flags;
    if (pad != 0)
        gnossl_debug("gnossl: record padding is not supported; sending unpadded");
    return gnutls_record_send(s, data, data_size);
}

void gnutls_record_cork(gnutls_session_t s)
{
    if (s != NULL)
        s->corked = 1;
}

int gnutls_record_uncork(gnutls_session_t s, unsigned int flags)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* Not corked: nothing to do, as in GnuTLS.  In particular a record left
     * by a plain send that blocked stays for that send's retry (flushing it
     * here would deliver bytes the caller was told were not sent). */
    if (!s->corked)
        return 0;
    size_t total = gnutls_record_check_corked(s);
    s->corked = 0;
    /* A record left by a plain send that blocked (not corked bytes) stays
     * for that send's retry when nothing else is corked, as in GnuTLS. */
    while (s->cork_len > 0 || (s->send_pending != NULL && s->send_pending_corked)) {
        int e = can_write(s);
        if (e < 0) {
            s->corked = 1; /* as GnuTLS: still corked after a failure */
            return GNOSSL_ERR(e);
        }
        ssize_t r;
        size_t used = 0;
        if (s->send_pending != NULL) {
            r = flush_pending(s);
        } else {
            size_t n = s->cork_len < s->max_record ? s->cork_len : s->max_record;
            r = write_record(s, s->cork_buf, n);
            /* On AGAIN the copy in send_pending owns those bytes. */
            used = r > 0 ? (size_t)r : (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) ? n : 0;
            if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
                s->send_pending_corked = 1;
        }
        if (used > 0) {
            memmove(s->cork_buf, s->cork_buf + used, s->cork_len - used);
            s->cork_len -= used;
        }
        if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) {
            if (flags & GNUTLS_RECORD_WAIT)
                continue;
            s->corked = 1; /* the rest goes with the next uncork */
            return (int)r;
        }
        if (r < 0) {
            s->corked = 1;
            return (int)r;
        }
    }
    return (int)total;
}

/* Corked bytes include a record an uncork left blocked (still corked
 * then), as GnuTLS counts its whole presend buffer until it is out. */
size_t gnutls_record_check_corked(gnutls_session_t s)
{
    if (s == NULL)
        return 0;
    return s->cork_len + (s->send_pending != NULL && s->send_pending_corked ? s->send_pending_len : 0);
}

/* A read before any handshake (GnuTLS's recv_seq has no guard against it):
 * GnuTLS pulls a record header from the transport, and a transport error
 * ends the session. */
static ssize_t recv_before_handshake(gnutls_session_t s)
{
    unsigned char hdr[5];
    s->set_errno = 0;
    s->direction = 0;
    ssize_t n = s->pull(s->recv_ptr, hdr, sizeof hdr);
    if (n < 0) {
        int e = s->set_errno != 0 ? s->set_errno : s->errno_func(s->recv_ptr);
        if (e == EAGAIN || e == EWOULDBLOCK)
            return GNUTLS_E_AGAIN;
        if (e == EINTR)
            return GNUTLS_E_INTERRUPTED;
        s->invalid = 1;
        return GNOSSL_ERR(GNUTLS_E_PULL_ERROR);
    }
    s->invalid = 1;
    return GNOSSL_ERR(n == 0 ? GNUTLS_E_PREMATURE_TERMINATION : GNUTLS_E_UNEXPECTED_PACKET);
}

ssize_t gnutls_record_recv(gnutls_session_t s, void *data, size_t data_size)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl == NULL || !s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE);
    if (data == NULL || data_size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->read_eof)
        return 0;
    if (s->invalid || s->may_not_read)
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);

    int n = data_size > INT_MAX ? INT_MAX : (int)data_size;
    gnossl_translate_begin(s);
    s->in_record_recv = 1;
    unsigned headers = s->dtls.app_headers;
    int r = SSL_read(s->ssl, data, n);
    s->in_record_recv = 0;
    gnossl_refuse_after_read(s);
    if (s->init_flags & GNUTLS_DATAGRAM)
        gnossl_dtls_count_discarded(s, s->dtls.app_headers - headers, r > 0);
    gnossl_run_post_hooks(s);
    if (r > 0 && s->bye_state != 0 && SSL_version(s->ssl) != TLS1_3_VERSION) {
        /* Before TLS 1.3 our close_notify closed the connection: GnuTLS
         * refuses data arriving after it. */
        s->invalid = 1;
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
    }
    if (r > 0)
        return r;
    int code = gnossl_translate(s, r, GNOSSL_OP_READ);
    if (code == GNUTLS_E_AGAIN && (s->reauth_stopped || s->reauth_requested)) {
        s->reauth_requested = 0;
        s->stop_reauth = 0;
        s->reauth_answer_due = 1; /* for gnutls_reauth */
        return GNUTLS_E_REAUTH_REQUEST;
    }
    if (code == GNUTLS_E_AGAIN && (s->rehandshake_stopped || s->rehandshake_requested)) {
        /* OpenSSL has already answered; gnutls_handshake (or further
         * reads) completes the renegotiation. */
        s->rehandshake_requested = 0;
        s->stop_rehandshake = 0;
        return GNUTLS_E_REHANDSHAKE;
    }
    return code;
}

ssize_t gnutls_record_recv_seq(gnutls_session_t s, void *data, size_t data_size, unsigned char *seq)
{
    if (s == NULL || data == NULL || data_size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl == NULL || !s->handshake_done) {
        if (s->invalid)
            return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
        if (s->ssl == NULL)
            return recv_before_handshake(s);
    }
    ssize_t r = gnutls_record_recv(s, data, data_size);
    if (r > 0 && seq != NULL && (s->init_flags & GNUTLS_DATAGRAM)) {
        memcpy(seq, s->dtls.read_seq, 8); /* from the record header (alert.c) */
    } else if (r > 0 && seq != NULL) {
        /* OpenSSL does not expose the read sequence number; count the
         * application records we returned data from instead. */
        uint64_t v = s->recv_records++;
        for (int i = 7; i >= 0; i--) {
            seq[i] = (unsigned char)(v & 0xff);
            v >>= 8;
        }
    }
    return r;
}

void gnutls_record_set_timeout(gnutls_session_t s, unsigned int ms)
{
    if (s != NULL)
        s->record_timeout_ms = ms == GNUTLS_INDEFINITE_TIMEOUT ? 0 : ms;
}

/* A received record handed out without a copy in GnuTLS; here a buffer
 * of its own (gnutls_packet_t is opaque to applications). */
struct mbuffer_st {
    unsigned char seq[8];
    size_t size;
    unsigned char data[GNOSSL_MAX_RECORD];
};

ssize_t gnutls_record_recv_packet(gnutls_session_t s, gnutls_packet_t *packet)
{
    if (s == NULL || packet == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *packet = NULL;
    struct mbuffer_st *m = malloc(sizeof *m);
    if (m == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ssize_t r = gnutls_record_recv_seq(s, m->data, sizeof m->data, m->seq);
    if (r <= 0) {
        free(m);
        return r;
    }
    m->size = (size_t)r;
    *packet = m;
    return r;
}

void gnutls_packet_get(gnutls_packet_t packet, gnutls_datum_t *data, unsigned char *sequence)
{
    if (packet == NULL)
        return;
    if (data != NULL) {
        data->data = packet->data;
        data->size = (unsigned)packet->size;
    }
    if (sequence != NULL)
        memcpy(sequence, packet->seq, 8);
}

void gnutls_packet_deinit(gnutls_packet_t packet)
{
    free(packet);
}

ssize_t gnutls_record_send_range(gnutls_session_t s, const void *data, size_t data_size,
                                 const gnutls_range_st *range)
{
    (void)range; /* length hiding is not available: send as is */
    return gnutls_record_send(s, data, data_size);
}

void gnutls_session_enable_compatibility_mode(gnutls_session_t s)
{
    (void)s; /* OpenSSL already accepts the peers this mode is meant for */
}

size_t gnutls_record_check_pending(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL)
        return 0;
    int n = SSL_pending(s->ssl);
    return n > 0 ? (size_t)n : 0;
}

int gnutls_record_get_direction(gnutls_session_t s)
{
    return s != NULL ? s->direction : 0;
}

size_t gnutls_record_get_max_size(gnutls_session_t s)
{
    /* The limit takes effect once negotiated, i.e. after the handshake. */
    if (s == NULL || !s->handshake_done)
        return GNOSSL_MAX_RECORD;
    return s->max_record;
}

ssize_t gnutls_record_set_max_size(gnutls_session_t s, size_t size)
{
    if (s == NULL || size < 512 || size > GNOSSL_MAX_RECORD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl != NULL && s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    s->max_record = (unsigned)size;
    return 0;
}

ssize_t gnutls_record_set_max_recv_size(gnutls_session_t s, size_t size)
{
    if (s == NULL || size < 512 || size > GNOSSL_MAX_RECORD)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return 0; /* OpenSSL always accepts full-size records */
}

/* ---- gnutls_bye ---- */

int gnutls_bye(gnutls_session_t s, gnutls_close_request_t how)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl == NULL || !s->handshake_done) {
        s->may_not_write = 1;
        if (s->ssl != NULL && s->invalid && s->bye_state == 0) {
            /* After a failed handshake GnuTLS still sends its
             * close_notify, in the clear; OpenSSL would send nothing. */
            static const unsigned char close_notify[7] = {21, 3, 3, 0, 2, 1, 0};
            s->bye_state = 1;
            gnossl_transport_reset_io(s);
            s->app_alert_write = 1;
            int w = BIO_write(SSL_get_wbio(s->ssl), close_notify, sizeof close_notify);
            s->app_alert_write = 0;
            if (w <= 0)
                return GNOSSL_ERR(s->io_blocked ? GNUTLS_E_AGAIN : s->io_error ? s->io_error : GNUTLS_E_PUSH_ERROR);
        }
        return 0;
    }
    if (s->bye_state != 1) {
        /* GnuTLS sends its close_notify even on a session invalidated by an
         * error (a transport error, a bad record, a fatal alert received);
         * OpenSSL refuses after its own fatal errors, so ours is protected
         * by us then.  A failed push fails the call (again when retried). */
        if (s->may_not_write && s->send_pending == NULL)
            return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
        if (s->invalid && (SSL_in_init(s->ssl) || (SSL_get_shutdown(s->ssl) & SSL_SENT_SHUTDOWN))) {
            int r = gnossl_alert_close_sealed(s);
            if (r <= 0)
                return r < 0 ? r : GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
        } else {
            if (s->send_pending != NULL) {
                ssize_t r = flush_pending(s);
                if (r < 0)
                    return (int)r;
            }
            gnossl_translate_begin(s);
            int r = SSL_shutdown(s->ssl);
            if (r < 0) {
                int code = gnossl_translate(s, r, GNOSSL_OP_BYE);
                /* (OpenSSL reports the peer's close_notify rather than our
                 * failed push once it has one) */
                if (s->io_error_push && s->io_error != 0)
                    return s->io_error;
                if (code != 0) /* 0: the peer's close_notify arrived while we sent ours */
                    return code;
            }
        }
        s->bye_state = 1;
    }
    s->may_not_write = 1;
    if (how == GNUTLS_SHUT_WR)
        return 0;
    if (s->invalid) /* nothing more can be read */
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);

    /* SHUT_RDWR: read (and discard) until the peer's close_notify. Any
     * error but "try again" ends the wait successfully, as in GnuTLS. */
    unsigned char scratch[4096];
    while (!s->read_eof) {
        gnossl_translate_begin(s);
        int r = SSL_read(s->ssl, scratch, sizeof scratch);
        gnossl_refuse_after_read(s);
        if (r > 0)
            continue;
        int code = gnossl_translate(s, r, GNOSSL_OP_BYE);
        if (code == GNUTLS_E_AGAIN && !s->io_blocked)
            continue; /* a post-handshake message was processed */
        if (code == GNUTLS_E_AGAIN || code == GNUTLS_E_INTERRUPTED || code == GNUTLS_E_TIMEDOUT)
            return code;
        if (code == GNUTLS_E_WARNING_ALERT_RECEIVED)
            continue;
        break;
    }
    s->may_not_read = 1;
    return 0;
}

/* Worst-case bytes a record adds to its plaintext: header, explicit IV
 * (TLS 1.2 GCM/CCM: 8; CBC: a block), tag or MAC, CBC padding (a block),
 * and TLS 1.3's inner content type. */
size_t gnutls_est_record_overhead_size(gnutls_protocol_t version, gnutls_cipher_algorithm_t cipher,
                                       gnutls_mac_algorithm_t mac, gnutls_compression_method_t comp,
                                       unsigned int flags)
{
    (void)comp;
    (void)flags;
    int dtls = version == GNUTLS_DTLS0_9 || version == GNUTLS_DTLS1_0 || version == GNUTLS_DTLS1_2;
    size_t ov = dtls ? 13 : 5; /* record header */
    unsigned tag = gnutls_cipher_get_tag_size(cipher);
    unsigned block = gnutls_cipher_get_block_size(cipher);
    int tls13 = version == GNUTLS_TLS1_3;
    if (tag > 0) {
        ov += tag;
        if (!tls13 && cipher != GNUTLS_CIPHER_CHACHA20_POLY1305)
            ov += 8; /* explicit nonce */
    } else {
        ov += gnutls_hmac_get_len(mac);
        if (block > 1)
            ov += 2 * (size_t)block; /* explicit IV and padding */
    }
    if (tls13)
        ov += 1;
    return ov;
}

size_t gnutls_record_overhead_size(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL || !s->handshake_done)
        return 0;
    return gnutls_est_record_overhead_size(gnutls_protocol_get_version(s), gnutls_cipher_get(s),
                                           gnutls_mac_get(s), GNUTLS_COMP_NULL, 0);
}

void gnutls_handshake_set_max_packet_length(gnutls_session_t s, size_t max)
{
    (void)s;
    (void)max; /* OpenSSL bounds handshake messages itself */
}
