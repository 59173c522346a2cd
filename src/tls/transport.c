/* Transport bridge: one custom BIO_METHOD (created once per process) whose
 * read/write call the session's pull/push functions, or recv/sendmsg on the
 * stored int by default, exactly as GnuTLS's system_read / system_writev.
 *
 * The BIO also records what happened on the wire for the translator: the
 * direction of the last operation (gnutls_record_get_direction), the errno
 * of a blocked or failed call (set_errno wins over the errno function), a
 * hard pull/push error, EOF and whether it fell on a record boundary (it
 * follows the 5-byte record headers going through it), and it implements
 * the handshake deadline and the "stop once" points used to surface warning
 * alerts. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/tls10-rchain.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <string.h>

/* ---- default transport functions (the int stored in the pointer) ---- */

static ssize_t system_pull(gnutls_transport_ptr_t ptr, void *buf, size_t n)
{
    return recv((int)(intptr_t)ptr, buf, n, 0);
}

static ssize_t system_vec_push(gnutls_transport_ptr_t ptr, const giovec_t *iov, int iovcnt)
{
    struct msghdr m = {0};
    m.msg_iov = (struct iovec *)iov;
    m.msg_iovlen = iovcnt;
    return sendmsg((int)(intptr_t)ptr, &m, 0);
}

static ssize_t system_vec_push_nosig(gnutls_transport_ptr_t ptr, const giovec_t *iov, int iovcnt)
{
    struct msghdr m = {0};
    m.msg_iov = (struct iovec *)iov;
    m.msg_iovlen = iovcnt;
    return sendmsg((int)(intptr_t)ptr, &m, MSG_NOSIGNAL);
}

int gnutls_system_recv_timeout(gnutls_transport_ptr_t ptr, unsigned int ms)
{
    struct pollfd p = {.fd = (int)(intptr_t)ptr, .events = POLLIN};
    int timeout = ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (int)ms;
    int r;
    do
        r = poll(&p, 1, timeout);
    while (r < 0 && errno == EINTR);
    return r < 0 ? -1 : r;
}

static int system_errno(gnutls_transport_ptr_t ptr)
{
    (void)ptr;
    return errno;
}

void gnossl_transport_defaults(gnutls_session_t s)
{
    s->recv_ptr = s->send_ptr = (gnutls_transport_ptr_t)(intptr_t)-1;
    s->pull = system_pull;
    s->push = NULL;
    s->vec_push = (s->init_flags & GNUTLS_NO_SIGNAL) ? system_vec_push_nosig : system_vec_push;
    s->pull_timeout = gnutls_system_recv_timeout;
    s->errno_func = system_errno;
}

static int session_errno(gnutls_session_t s)
{
    if (s->set_errno != 0)
        return s->set_errno;
    return s->errno_func(s->recv_ptr);
}

int gnossl_transport_wait(gnutls_session_t s, unsigned ms)
{
    /* GnuTLS refuses to guess a timeout for a custom pull. */
    if (s->pull_timeout == gnutls_system_recv_timeout && s->pull != system_pull) {
        gnossl_debug("gnossl: custom pull function without a pull_timeout function");
        return -1;
    }
    return s->pull_timeout(s->recv_ptr, ms);
}

/* ---- the BIO ---- */

/* Follow record framing in the bytes read so that EOF can be classified. */
static void track_records(gnutls_session_t s, const unsigned char *p, size_t n)
{
    while (n > 0) {
        if (s->rd_body_left > 0) {
            size_t k = n < s->rd_body_left ? n : s->rd_body_left;
            s->rd_body_left -= (unsigned)k;
            p += k;
            n -= k;
            continue;
        }
        s->rd_hdr[s->rd_hdr_got++] = *p++;
        n--;
        if (s->rd_hdr_got == 5) {
            /* TLS 1.0: the peer's chained IVs are followed from its CCS on */
            if (s->rd_hdr[0] == SSL3_RT_CHANGE_CIPHER_SPEC && s->ssl != NULL && SSL_version(s->ssl) == TLS1_VERSION)
                gnossl_rchain_start(s);
            memcpy(s->rd_hdr_last, s->rd_hdr, 5);
            s->rd_body_left = ((unsigned)s->rd_hdr[3] << 8) | s->rd_hdr[4];
            s->rd_hdr_got = 0;
        }
    }
}

static int bio_read(BIO *b, char *buf, int len)
{
    gnutls_session_t s = BIO_get_data(b);
    BIO_clear_retry_flags(b);
    if (s == NULL || len <= 0)
        return 0;
    s->direction = 0;

    /* Stop points: give control back to the caller with nothing lost. */
    if (s->stop_warning_alert) {
        s->stop_warning_alert = 0;
        s->warning_alert_stopped = 1;
        BIO_set_retry_read(b);
        return -1;
    }
    if (s->stop_after_renegotiation) {
        s->stop_after_renegotiation = 0;
        s->io_blocked = 0;
        BIO_set_retry_read(b);
        return -1;
    }
    if (s->stop_reauth && s->in_record_recv) {
        s->stop_reauth = 0;
        s->reauth_stopped = 1;
        BIO_set_retry_read(b);
        return -1;
    }
    if (s->stop_rehandshake) {
        if (s->in_record_recv) {
            s->stop_rehandshake = 0;
            s->rehandshake_stopped = 1;
            BIO_set_retry_read(b);
            return -1;
        }
        if (s->in_hello_request_wait) {
            /* the client's ClientHello came (blocking: OpenSSL would go on
             * reading): gnutls_rehandshake ends its wait, and the next
             * gnutls_record_recv stops on the flag kept set (REHANDSHAKE) */
            s->io_blocked = 1;
            BIO_set_retry_read(b);
            return -1;
        }
    }
    if (s->stop_fatal_alert) {
        s->stop_fatal_alert = 0;
        s->fatal_alert_stopped = 1;
        return -1;
    }

    if (s->in_record_recv && s->record_timeout_ms != 0 && !(s->init_flags & GNUTLS_NONBLOCK)) {
        /* gnutls_record_set_timeout: wait at most that long for data. */
        int r = gnossl_transport_wait(s, s->record_timeout_ms);
        if (r == 0) {
            s->timed_out = 1;
            return -1;
        }
        if (r < 0) {
            s->io_error = GNUTLS_E_PULL_ERROR;
            return -1;
        }
    }
    if ((s->hs_in_progress || s->in_renegotiation_step) && (s->init_flags & GNUTLS_DATAGRAM)) {
        /* (a renegotiation retransmits its flights too) */
        if (!gnossl_dtls_wait(s, b))
            return -1;
    } else if (s->hs_in_progress && s->hs_deadline != 0) {
        uint64_t now = gnossl_now_ms();
        if (now >= s->hs_deadline) {
            s->timed_out = 1;
            return -1;
        }
        if (!(s->init_flags & GNUTLS_NONBLOCK)) {
            int r = gnossl_transport_wait(s, (unsigned)(s->hs_deadline - now));
            if (r == 0) {
                s->timed_out = 1;
                return -1;
            }
            if (r < 0) {
                s->io_error = GNUTLS_E_PULL_ERROR;
                return -1;
            }
        }
    }

    /* Inside a record the refusal hook has nothing to do unless its state
     * is in use (most reads: a record's body). */
    if (s->refuse != NULL || (s->rd_hdr_got == 0 && s->rd_body_left == 0)) {
        int h = gnossl_refuse_read(s, b, buf, len);
        if (h != GNOSSL_REFUSE_PASS)
            return h;
    }
    return gnossl_rchain_pull(s, b, buf, len);
}

int gnossl_transport_pull(gnutls_session_t s, BIO *b, char *buf, int len)
{
    ssize_t r;
    do {
        s->set_errno = 0;
        r = s->pull(s->recv_ptr, buf, (size_t)len);
        /* a datagram whose every record failed its tag: as if none came */
        if (r > 0 && (s->init_flags & GNUTLS_DATAGRAM)) {
            int kept = gnossl_dtls_etm_filter(s, (unsigned char *)buf, (int)r);
            if (kept > 0)
                kept = gnossl_dtls_alert_filter(s, (unsigned char *)buf, kept);
            if (kept == 0 && s->stop_warning_alert) { /* it held only a warning we took */
                s->stop_warning_alert = 0;
                s->warning_alert_stopped = 1;
                BIO_set_retry_read(b);
                return -1;
            }
            r = kept > 0 ? kept : -2;
        }
    } while (r == -2);
    if (r > 0) {
        s->io_blocked = 0;
        s->bytes_this_call += (size_t)r;
        if (!(s->init_flags & GNUTLS_DATAGRAM)) { /* one datagram, whole records */
            if (__builtin_expect(s->seal.rchain != NULL, 0))
                gnossl_rchain_note(s, (unsigned char *)buf, (size_t)r);
            track_records(s, (unsigned char *)buf, (size_t)r);
        }
        return (int)r;
    }
    if (r == 0 && s->bytes_this_call > 0 && (s->rd_hdr_got != 0 || s->rd_body_left != 0)) {
        /* GnuTLS returns what a call read of an unfinished record as
         * "try again" and meets the EOF on the next call. */
        s->io_blocked = 1;
        s->last_errno = EAGAIN;
        BIO_set_retry_read(b);
        return -1;
    }
    if (r == 0) {
        s->io_eof = 1;
        /* GnuTLS: EOF inside a record body is a length error; anywhere
         * else (even inside a header) a premature termination. */
        s->eof_mid_record = s->rd_body_left != 0;
        return 0;
    }
    int e = session_errno(s);
    s->last_errno = e;
    if (e == EAGAIN || e == EWOULDBLOCK || e == EINTR) {
        s->io_blocked = 1;
        BIO_set_retry_read(b);
        return -1;
    }
    s->io_error = GNUTLS_E_PULL_ERROR;
    return -1;
}

/* Whether OpenSSL is writing an alert on its own (a failed call), not
 * one the application asked for (gnutls_bye and friends set SENT_SHUTDOWN
 * or app_alert_write).  Alerts have type 21 before TLS 1.3; a TLS 1.3 alert is
 * a 24-byte record of type 23, which OpenSSL writes only while a handshake
 * or a read fails. */
static int unrequested_alert(gnutls_session_t s, const unsigned char *p, int len)
{
    if (s->app_alert_write || s->fatal_alert_wanted || (s->init_flags & GNUTLS_DATAGRAM) || len < 5)
        return 0;
    if (!s->is_server && !s->early_done && s->early_len > 0)
        return 0; /* early data being written */
    if (s->ssl != NULL && (SSL_get_shutdown(s->ssl) & SSL_SENT_SHUTDOWN))
        return 0;
    /* exactly one whole record, starting at a record boundary (a retried
     * partial write starts anywhere) */
    if (s->wr_hdr_got != 0 || s->wr_body_left != 0 || len != 5 + ((p[3] << 8) | p[4]))
        return 0;
    /* (after the handshake: protected, written once OpenSSL has failed,
     * which puts it back in init) */
    if (p[0] == 21)
        return len == 7 || (s->handshake_done && s->ssl != NULL && SSL_in_init(s->ssl));
    return p[0] == 23 && len == 24 && (!s->handshake_done || s->in_record_recv);
}

/* Follow record framing in what was written (for unrequested_alert). */
static void track_written(gnutls_session_t s, const unsigned char *p, size_t n)
{
    while (n > 0) {
        if (s->wr_body_left > 0) {
            size_t k = n < s->wr_body_left ? n : s->wr_body_left;
            s->wr_body_left -= (unsigned)k;
            p += k;
            n -= k;
            continue;
        }
        s->wr_hdr[s->wr_hdr_got++] = *p++;
        n--;
        if (s->wr_hdr_got == 5) {
            s->wr_body_left = ((unsigned)s->wr_hdr[3] << 8) | s->wr_hdr[4];
            s->wr_hdr_got = 0;
        }
    }
}

/* A push function gets one record per call, as GnuTLS calls it (OpenSSL
 * hands the BIO a whole handshake flight at once).  Bytes pushed, or the
 * push's result when none were. */
static ssize_t push_records(gnutls_session_t s, const unsigned char *p, size_t n)
{
    size_t done = 0;
    /* (a write that does not start at a record boundary goes out whole) */
    int split = !(s->init_flags & GNUTLS_DATAGRAM) && s->wr_hdr_got == 0 && s->wr_body_left == 0;
    while (done < n) {
        size_t k = n - done;
        if (split && k > 5) {
            size_t rec = 5 + ((size_t)p[done + 3] << 8 | p[done + 4]);
            if (rec < k)
                k = rec;
        }
        ssize_t r = s->push(s->send_ptr, p + done, k);
        if (r <= 0)
            return done > 0 ? (ssize_t)done : r;
        done += (size_t)r;
        if ((size_t)r < k)
            break;
    }
    return (ssize_t)done;
}

static int bio_write(BIO *b, const char *buf, int len)
{
    gnutls_session_t s = BIO_get_data(b);
    BIO_clear_retry_flags(b);
    if (s == NULL || len <= 0)
        return 0;
    if (s->own_alert_sent && !s->app_alert_write)
        return len; /* after a fatal alert nothing may follow on the wire */
    if (s->dtls.discarding) { /* gnutls_record_discard_queued */
        s->dtls.discarded_bytes += (size_t)len;
        return len;
    }
    if (!s->app_alert_write) {
        int h = gnossl_refuse_write(s, b, (const unsigned char *)buf, len);
        if (h != GNOSSL_REFUSE_PASS)
            return h;
    }
    if ((s->init_flags & GNUTLS_DATAGRAM) && (size_t)len > s->dtls.mtu) {
        size_t cut = gnossl_dtls_datagram_cut(s, (const unsigned char *)buf, (size_t)len);
        if (cut < (size_t)len) /* the first datagram; OpenSSL writes the rest again */
            return bio_write(b, buf, (int)cut);
    }
    if (__builtin_expect(s->hook != NULL, 0) && (s->init_flags & GNUTLS_DATAGRAM))
        gnossl_dtls_hook_sent(s, (const unsigned char *)buf, (size_t)len); /* (dtls-hook.c) */
    s->dtls.last_write_len = (size_t)len;
    s->direction = 1;
    s->set_errno = 0;
    ssize_t r;
    if (unrequested_alert(s, (const unsigned char *)buf, len) && (size_t)len <= GNOSSL_SEAL_MAX) {
        /* GnuTLS sends no alert of its own when a call fails; the
         * application may send one (gnutls_alert_send and
         * gnutls_alert_send_appropriate then write this record). */
        unsigned char *held = gnossl_transport_held_alert_buf(s);
        if (held != NULL) { /* (out of memory: nobody can ask for it) */
            memcpy(held, buf, (size_t)len);
            s->held_alert_len = (unsigned)len;
        }
        return len;
    }
    if (__builtin_expect(s->seal.implicit_iv, 0)) /* TLS 1.0: IVs chain from what goes out */
        buf = gnossl_seal_outgoing(s, buf, len);
    if (s->vec_push != NULL) {
        giovec_t iov = {.iov_base = (void *)buf, .iov_len = (size_t)len};
        /* GnuTLS sends no alert of its own: one OpenSSL sends must not
         * raise SIGPIPE on a socket whose peer has gone. */
        if (s->vec_push == system_vec_push && unrequested_alert(s, (const unsigned char *)buf, len))
            r = system_vec_push_nosig(s->send_ptr, &iov, 1);
        else
            r = s->vec_push(s->send_ptr, &iov, 1);
    } else if (s->push != NULL) {
        r = push_records(s, (const unsigned char *)buf, (size_t)len);
    } else {
        s->io_error = GNUTLS_E_PUSH_ERROR;
        s->io_error_push = 1;
        return -1;
    }
    if (r > 0) {
        s->io_blocked = 0;
        if (!(s->init_flags & GNUTLS_DATAGRAM))
            track_written(s, (const unsigned char *)buf, (size_t)r);
        return (int)r;
    }
    int e = r == 0 ? EAGAIN : session_errno(s);
    s->last_errno = e;
    if (e == EMSGSIZE && (s->init_flags & GNUTLS_DATAGRAM) && gnossl_dtls_push_too_large(s))
        return len; /* dropped: a retransmission refragments it to the new MTU */
    if (e == EAGAIN || e == EWOULDBLOCK || e == EINTR) {
        s->io_blocked = 1;
        BIO_set_retry_write(b);
        return -1;
    }
    s->io_error = e == ECONNRESET ? GNUTLS_E_PREMATURE_TERMINATION : GNUTLS_E_PUSH_ERROR;
    if (e == EMSGSIZE && (s->init_flags & GNUTLS_DATAGRAM))
        s->io_error = GNUTLS_E_LARGE_PACKET; /* the record exceeds the path MTU */
    s->io_error_push = 1;
    return -1;
}

int gnossl_transport_write_own(gnutls_session_t s, BIO *b, const unsigned char *p, size_t n)
{
    int saved = s->app_alert_write;
    s->app_alert_write = 1;
    int w = bio_write(b, (const char *)p, (int)n);
    s->app_alert_write = saved;
    return w;
}

static long bio_ctrl(BIO *b, int cmd, long num, void *ptr)
{
    (void)num;
    (void)ptr;
    gnutls_session_t s;
    switch (cmd) { /* OpenSSL asks several times per record: the session only when needed */
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        s = BIO_get_data(b);
        return s != NULL && s->io_eof;
    case BIO_CTRL_DGRAM_GET_MTU_OVERHEAD: /* lowers OpenSSL's minimum MTU (dtls.c) */
        return GNOSSL_DTLS_MTU_OVERHEAD;
    case BIO_CTRL_DGRAM_SET_NEXT_TIMEOUT: /* OpenSSL's DTLS retransmission timer */
        if ((s = BIO_get_data(b)) != NULL)
            gnossl_dtls_set_next_timeout(s, ptr);
        return 1;
    default:
        return 0;
    }
}

static int bio_create(BIO *b)
{
    BIO_set_init(b, 1);
    return 1;
}

static BIO_METHOD *method;
static int method_type;
static pthread_once_t method_once = PTHREAD_ONCE_INIT;

static void method_init(void)
{
    int type = BIO_get_new_index() | BIO_TYPE_SOURCE_SINK;
    BIO_METHOD *m = BIO_meth_new(type, "gnossl transport");
    if (m == NULL)
        return;
    BIO_meth_set_read(m, bio_read);
    BIO_meth_set_write(m, bio_write);
    BIO_meth_set_ctrl(m, bio_ctrl);
    BIO_meth_set_create(m, bio_create);
    method_type = type;
    method = m;
}

gnutls_session_t gnossl_transport_session(BIO *b)
{
    /* (method_type is set before any such BIO exists) */
    if (b == NULL || method_type == 0 || BIO_method_type(b) != method_type)
        return NULL;
    return BIO_get_data(b);
}

BIO *gnossl_transport_bio_new(gnutls_session_t s)
{
    pthread_once(&method_once, method_init);
    if (method == NULL)
        return NULL;
    BIO *b = BIO_new(method);
    if (b != NULL)
        BIO_set_data(b, s);
    return b;
}

void gnossl_transport_reset_io(gnutls_session_t s)
{
    s->io_error = 0;
    s->io_error_push = 0;
    s->io_blocked = 0;
    s->bytes_this_call = 0;
    s->last_errno = 0;
    s->timed_out = 0;
    s->warning_alert_stopped = 0;
    s->fatal_alert_stopped = 0;
    s->rehandshake_stopped = 0;
    s->reauth_stopped = 0;
}

/* ---- public setters and getters ---- */

void gnutls_transport_set_int2(gnutls_session_t s, int recv_fd, int send_fd)
{
    if (s == NULL)
        return;
    s->recv_ptr = (gnutls_transport_ptr_t)(intptr_t)recv_fd;
    s->send_ptr = (gnutls_transport_ptr_t)(intptr_t)send_fd;
}

void gnutls_transport_get_int2(gnutls_session_t s, int *recv_fd, int *send_fd)
{
    if (s == NULL)
        return;
    if (recv_fd != NULL)
        *recv_fd = (int)(intptr_t)s->recv_ptr;
    if (send_fd != NULL)
        *send_fd = (int)(intptr_t)s->send_ptr;
}

int gnutls_transport_get_int(gnutls_session_t s)
{
    return s != NULL ? (int)(intptr_t)s->recv_ptr : -1;
}

void gnutls_transport_set_ptr(gnutls_session_t s, gnutls_transport_ptr_t ptr)
{
    if (s == NULL)
        return;
    s->recv_ptr = s->send_ptr = ptr;
}

void gnutls_transport_set_ptr2(gnutls_session_t s, gnutls_transport_ptr_t recv_ptr,
                               gnutls_transport_ptr_t send_ptr)
{
    if (s == NULL)
        return;
    s->recv_ptr = recv_ptr;
    s->send_ptr = send_ptr;
}

gnutls_transport_ptr_t gnutls_transport_get_ptr(gnutls_session_t s)
{
    return s != NULL ? s->recv_ptr : NULL;
}

void gnutls_transport_get_ptr2(gnutls_session_t s, gnutls_transport_ptr_t *recv_ptr,
                               gnutls_transport_ptr_t *send_ptr)
{
    if (s == NULL)
        return;
    if (recv_ptr != NULL)
        *recv_ptr = s->recv_ptr;
    if (send_ptr != NULL)
        *send_ptr = s->send_ptr;
}

void gnutls_transport_set_push_function(gnutls_session_t s, gnutls_push_func push_func)
{
    if (s == NULL)
        return;
    s->push = push_func;
    s->vec_push = NULL;
}

void gnutls_transport_set_vec_push_function(gnutls_session_t s, gnutls_vec_push_func vec_func)
{
    if (s == NULL)
        return;
    s->push = NULL;
    s->vec_push = vec_func;
}

void gnutls_transport_set_pull_function(gnutls_session_t s, gnutls_pull_func pull_func)
{
    if (s != NULL)
        s->pull = pull_func;
}

void gnutls_transport_set_pull_timeout_function(gnutls_session_t s, gnutls_pull_timeout_func func)
{
    if (s != NULL)
        s->pull_timeout = func;
}

void gnutls_transport_set_errno_function(gnutls_session_t s, gnutls_errno_func errno_func)
{
    if (s != NULL)
        s->errno_func = errno_func;
}

void gnutls_transport_set_errno(gnutls_session_t s, int err)
{
    if (s != NULL)
        s->set_errno = err;
}

gnutls_transport_ktls_enable_flags_t gnutls_transport_is_ktls_enabled(gnutls_session_t s)
{
    (void)s;
    return 0; /* GNUTLS_KTLS_DISABLED: gnossl never offloads to the kernel */
}

unsigned char *gnossl_transport_held_alert_buf(gnutls_session_t s)
{
    if (s->held_alert == NULL)
        s->held_alert = malloc(GNOSSL_SEAL_MAX);
    return s->held_alert;
}

/* Write the alert OpenSSL produced when it failed, now that the application
 * asks for one: 0, or a GnuTLS error. */
int gnossl_transport_send_held_alert(gnutls_session_t s)
{
    if (s->held_alert_len == 0 || s->ssl == NULL)
        return 0;
    gnossl_transport_reset_io(s);
    s->app_alert_write = 1;
    int w = BIO_write(SSL_get_wbio(s->ssl), s->held_alert, (int)s->held_alert_len);
    s->app_alert_write = 0;
    if (w <= 0)
        return s->io_blocked ? GNUTLS_E_AGAIN : s->io_error ? s->io_error : GNUTLS_E_PUSH_ERROR;
    s->held_alert_len = 0;
    return 0;
}
