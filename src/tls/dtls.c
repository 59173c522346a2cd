/* DTLS sessions: MTU, retransmission timeouts and the waits of a blocking
 * handshake, over OpenSSL's DTLS state machine.
 *
 * OpenSSL retransmits a flight when a read fails with "retry" after its
 * timer expired (it tells the BIO the deadline through
 * BIO_CTRL_DGRAM_SET_NEXT_TIMEOUT).  A blocking GnuTLS handshake waits with
 * pull_timeout; so the BIO waits until min(timer, total timeout) and, when
 * the timer came first, answers "retry" so that OpenSSL retransmits and
 * reads again.  The timer durations follow gnutls_dtls_set_timeouts
 * (DTLS_set_timer_cb: the retransmission timeout, doubled each time). */
#include "gnossl.h"
#include "tls/session-int.h"

#include <errno.h>
#include <openssl/err.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/time.h>

#define DTLS_DEFAULT_MTU 1200u
#define DTLS_RECORD_HEADER 13u
#define DTLS_MAX_TIMER_MS 60000u
#define OSSL_SET_MTU_MIN 208u /* SSL_set_mtu's: 256 less DTLS1_MAX_MTU_OVERHEAD */

/* OpenSSL's DTLS timer runs on gettimeofday. */
static uint64_t wall_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (uint64_t)tv.tv_sec * 1000000u + (uint64_t)tv.tv_usec;
}

static int is_dtls(gnutls_session_t s)
{
    return s != NULL && (s->init_flags & GNUTLS_DATAGRAM) != 0;
}

void gnossl_dtls_init(gnutls_session_t s)
{
    s->dtls.mtu = DTLS_DEFAULT_MTU;
    s->dtls.retrans_ms = 1000;
    s->handshake_timeout_ms = 60000;
}

void gnutls_dtls_set_timeouts(gnutls_session_t s, unsigned int retrans_timeout, unsigned int total_timeout)
{
    if (s == NULL)
        return;
    s->handshake_timeout_ms = total_timeout == GNUTLS_INDEFINITE_TIMEOUT ? 0 : total_timeout;
    s->dtls.retrans_ms = retrans_timeout;
}

/* OpenSSL asks for the next timer duration: 0 = first transmission. */
static unsigned int timer_cb(SSL *ssl, unsigned int timer_us)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    unsigned first = s != NULL ? s->dtls.retrans_ms : 1000u;
    if (first == 0)
        first = 1;
    if (first > UINT_MAX / 1000u)
        first = UINT_MAX / 1000u;
    if (timer_us == 0)
        return first * 1000u;
    /* doubled each time, as GnuTLS, but never beyond a minute (or the
     * first timeout when that is longer) */
    uint64_t next = (uint64_t)timer_us * 2u;
    uint64_t cap = (uint64_t)(first > DTLS_MAX_TIMER_MS ? first : DTLS_MAX_TIMER_MS) * 1000u;
    if (next > cap)
        next = cap;
    return next > UINT_MAX ? UINT_MAX : (unsigned)next;
}

/* OpenSSL's SSL_set_mtu refuses MTUs below 208, and its handshake writes
 * fail below 256 less the IP/UDP overhead the BIO reports.  Our BIO has no
 * IP layer and reports an overhead of GNOSSL_DTLS_MTU_OVERHEAD, so a link
 * MTU of ours plus that overhead gives OpenSSL exactly our MTU (it
 * subtracts the overhead again before the next handshake message). */
static void apply_mtu(gnutls_session_t s)
{
    if (s->ssl == NULL)
        return;
    unsigned m = s->dtls.mtu;
    if (m >= OSSL_SET_MTU_MIN && !SSL_set_mtu(s->ssl, m)) /* (applies at once) */
        gnossl_debug("dtls: OpenSSL refused MTU %u", m);
    if (!DTLS_set_link_mtu(s->ssl, (long)m + GNOSSL_DTLS_MTU_OVERHEAD))
        gnossl_debug("dtls: OpenSSL refused link MTU %u", m + GNOSSL_DTLS_MTU_OVERHEAD);
}

size_t gnossl_dtls_datagram_cut(gnutls_session_t s, const unsigned char *p, size_t n)
{
    size_t off = 0;
    if (n <= s->dtls.mtu)
        return n;
    while (off + DTLS_RECORD_HEADER <= n) {
        size_t rec = DTLS_RECORD_HEADER + ((size_t)p[off + 11] << 8 | p[off + 12]);
        if (off + rec > n || (off > 0 && off + rec > s->dtls.mtu))
            break;
        off += rec;
    }
    return off > 0 && off < n ? off : n;
}

/* DTLS 1.0 signs its handshake with MD5+SHA-1 (RSA) or SHA-1 (ECDSA),
 * which OpenSSL's security levels >= 1 refuse; a priority that enables
 * DTLS 1.0 next to 1.2 keeps the profile's level, so those signatures are
 * allowed here for a session that negotiated DTLS 1.0 -- GnuTLS negotiates
 * it too.  Everything else (certificate digests, key sizes) is left to the
 * default callback. */
static int (*default_security)(const SSL *, const SSL_CTX *, int, int, int, void *, void *);

static int dtls10_security(const SSL *ssl, const SSL_CTX *ctx, int op, int bits, int nid, void *other,
                           void *ex)
{
    int kind = op & SSL_SECOP_OTHER_TYPE;
    if (kind == SSL_SECOP_OTHER_SIGALG && (nid == NID_md5_sha1 || nid == NID_sha1) && ssl != NULL &&
        SSL_version(ssl) == DTLS1_VERSION && op != SSL_SECOP_CA_MD)
        return 1;
    return __atomic_load_n(&default_security, __ATOMIC_RELAXED)(ssl, ctx, op, bits, nid, other, ex);
}

int gnossl_dtls_apply(gnutls_session_t s)
{
    int r = gnossl_dtls09_prepare(s, s->ssl);
    if (r < 0)
        return r;
    if (SSL_get_min_proto_version(s->ssl) == DTLS1_VERSION && SSL_get_max_proto_version(s->ssl) != DTLS1_VERSION) {
        /* OpenSSL's default callback: the same function for every SSL */
        int (*cb)(const SSL *, const SSL_CTX *, int, int, int, void *, void *) = SSL_get_security_callback(s->ssl);
        if (cb != NULL && cb != dtls10_security) {
            __atomic_store_n(&default_security, cb, __ATOMIC_RELAXED);
            SSL_set_security_callback(s->ssl, dtls10_security);
        }
    }
    r = gnossl_srtp_apply(s);
    if (r < 0)
        return r;
    /* Our BIO knows no path MTU: OpenSSL must use the one we give it. */
    SSL_set_options(s->ssl, SSL_OP_NO_QUERY_MTU);
    apply_mtu(s);
    DTLS_set_timer_cb(s->ssl, timer_cb);
    return 0;
}

void gnossl_dtls_set_next_timeout(gnutls_session_t s, const void *tv)
{
    const struct timeval *t = tv;
    if (t == NULL || (t->tv_sec == 0 && t->tv_usec == 0))
        s->dtls.next_timeout = 0;
    else
        s->dtls.next_timeout = (uint64_t)t->tv_sec * 1000000u + (uint64_t)t->tv_usec;
}

int gnossl_dtls_wait(gnutls_session_t s, BIO *b)
{
    uint64_t now = gnossl_now_ms();
    if (s->hs_deadline != 0 && now >= s->hs_deadline) {
        s->timed_out = 1;
        return 0;
    }
    if (s->init_flags & GNUTLS_NONBLOCK) {
        /* As GnuTLS: look with pull_timeout(0) before pulling, so that a
         * blocking socket does not block; OpenSSL retransmits when due. */
        int r = gnossl_transport_wait(s, 0);
        if (r > 0)
            return 1;
        if (r < 0) {
            s->io_error = GNUTLS_E_PULL_ERROR;
            return 0;
        }
        s->io_blocked = 1;
        s->last_errno = EAGAIN;
        BIO_set_retry_read(b);
        return 0;
    }

    uint64_t wait = s->hs_deadline != 0 ? s->hs_deadline - now : UINT64_MAX;
    int by_timer = 0;
    if (s->dtls.next_timeout != 0) {
        uint64_t w = wall_us();
        /* rounded up, plus one: OpenSSL must find it expired when we return */
        uint64_t left = (s->dtls.next_timeout > w ? s->dtls.next_timeout - w + 999u : 0) / 1000u + 1;
        if (left < wait) {
            wait = left;
            by_timer = 1;
        }
    }
    if (wait == UINT64_MAX)
        return 1;
    if (wait > 0x7fffffffu)
        wait = 0x7fffffffu;
    int r = gnossl_transport_wait(s, (unsigned)wait);
    if (r > 0)
        return 1;
    if (r < 0) {
        s->io_error = GNUTLS_E_PULL_ERROR;
        return 0;
    }
    if (by_timer) {
        s->dtls.timer_retry = 1;
        s->io_blocked = 0;
        BIO_set_retry_read(b);
        return 0;
    }
    s->timed_out = 1;
    return 0;
}

int gnossl_dtls_push_too_large(gnutls_session_t s)
{
    if (s->hs_in_progress) {
        s->dtls.too_large = 1;
        return 1;
    }
    return 0;
}

int gnossl_dtls_after_step(gnutls_session_t s, int *code)
{
    if (s->dtls.too_large) {
        s->dtls.too_large = 0;
        s->dtls.timer_retry = 0;
        if (*code == GNUTLS_E_AGAIN) {
            *code = GNUTLS_E_LARGE_PACKET; /* non-fatal: set a smaller MTU and go on */
            return 0;
        }
    }
    if (*code == GNUTLS_E_TIMEDOUT)
        s->dtls.expired = 1;
    int again = *code == GNUTLS_E_AGAIN && s->dtls.timer_retry && !(s->init_flags & GNUTLS_NONBLOCK);
    s->dtls.timer_retry = 0;
    return again;
}

/* ---- MTU ---- */

void gnutls_dtls_set_mtu(gnutls_session_t s, unsigned int mtu)
{
    if (s == NULL)
        return;
    s->dtls.mtu = mtu < GNOSSL_MAX_RECORD ? mtu : GNOSSL_MAX_RECORD;
    apply_mtu(s);
}

unsigned int gnutls_dtls_get_mtu(gnutls_session_t s)
{
    return s != NULL ? s->dtls.mtu : 0;
}

/* The negotiated record protection, as GnuTLS describes it. */
struct protection {
    int aead;
    unsigned explicit_iv, tag, hash, block;
};

static int protection(gnutls_session_t s, struct protection *p)
{
    if (s->ssl == NULL || !s->handshake_done)
        return -1;
    gnutls_cipher_algorithm_t c = gnutls_cipher_get(s);
    gnutls_mac_algorithm_t m = gnutls_mac_get(s);
    if (c == GNUTLS_CIPHER_NULL || c == GNUTLS_CIPHER_UNKNOWN)
        return -1;
    p->aead = m == GNUTLS_MAC_AEAD;
    p->tag = gnutls_cipher_get_tag_size(c);
    p->block = gnutls_cipher_get_block_size(c);
    p->hash = p->aead ? 0 : (unsigned)gnutls_hmac_get_len(m);
    if (p->aead)
        p->explicit_iv = c == GNUTLS_CIPHER_CHACHA20_POLY1305 ? 0 : 8;
    else
        p->explicit_iv = p->block > 1 ? p->block : 0;
    return 0;
}

/* Bytes protection adds inside the record (worst case: full padding). */
static unsigned overhead_max(const struct protection *p)
{
    if (p->aead)
        return p->explicit_iv + p->tag;
    return p->hash + (p->block > 1 ? 2 * p->block : 0);
}

unsigned int gnutls_dtls_get_data_mtu(gnutls_session_t s)
{
    if (s == NULL)
        return 0;
    int mtu = (int)s->dtls.mtu - (int)(is_dtls(s) ? DTLS_RECORD_HEADER : 5u);
    struct protection p;
    if (protection(s, &p) < 0)
        return (unsigned)mtu;
    if (p.aead || p.block <= 1)
        return (unsigned)(mtu - (int)(p.aead ? p.explicit_iv + p.tag : p.hash));
    /* CBC: the largest plaintext whose padded record still fits (the
     * padding depends on the length, hence the block arithmetic). */
    int block = (int)p.block, hash = (int)p.hash, k;
    if (gnutls_session_etm_status(s)) {
        k = (mtu - hash) / block - 2;
        return (unsigned)((k + 1) * block - 1);
    }
    k = mtu / block - 2;
    return (unsigned)((k + 1) * block - hash - 1);
}

int gnutls_dtls_set_data_mtu(gnutls_session_t s, unsigned int mtu)
{
    struct protection p;
    if (s == NULL || protection(s, &p) < 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
    gnutls_dtls_set_mtu(s, mtu + overhead_max(&p) + (is_dtls(s) ? DTLS_RECORD_HEADER : 5u));
    return 0;
}

int gnossl_dtls_check_send(gnutls_session_t s, size_t n)
{
    size_t max = gnutls_dtls_get_data_mtu(s);
    if (max > s->max_record)
        max = s->max_record;
    if (n > max) {
        gnossl_debug("dtls: %zu bytes exceed the data MTU %zu", n, max);
        return GNUTLS_E_LARGE_PACKET;
    }
    return 0;
}

/* OpenSSL silently drops records that fail their MAC or replay check and
 * reads on; the headers it read without returning data are those. */
void gnossl_dtls_count_discarded(gnutls_session_t s, unsigned headers, int got_data)
{
    if (got_data && headers > 0)
        headers--;
    s->dtls.discarded += headers;
}

/* OpenSSL 3.0's DTLS read loop marks a warning alert's record read but
 * leaves its length, so it processes the same record again and again until
 * its limit of consecutive warnings ends the session (too many warn alerts).
 * With RECEIVED_SHUTDOWN set, the loop's next pass drops the record and
 * returns 0 instead; nothing else reads that flag before the call returns,
 * and the translator then takes it back and reports the warning. */
void gnossl_dtls_warning_in(gnutls_session_t s, SSL *ssl)
{
    if (SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN)
        return;
    SSL_set_shutdown(ssl, SSL_get_shutdown(ssl) | SSL_RECEIVED_SHUTDOWN);
    s->dtls.warning_shutdown = 1;
    s->warning_alert_stopped = 1;
}

void gnossl_dtls_warning_done(gnutls_session_t s)
{
    s->dtls.warning_shutdown = 0;
    SSL_set_shutdown(s->ssl, SSL_get_shutdown(s->ssl) & ~SSL_RECEIVED_SHUTDOWN);
}

/* TLS and DTLS: the record a blocked gnutls_record_send left queued is
 * dropped; the next send starts afresh.  Returns the bytes dropped, as
 * GnuTLS (0: nothing queued).  DTLS: OpenSSL already dropped the datagram
 * whose push failed (only our copy of its plaintext remains).  TLS: the
 * record in OpenSSL's write buffer is let through to a BIO that drops it. */
size_t gnutls_record_discard_queued(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL || s->send_pending == NULL)
        return 0;
    if (is_dtls(s)) {
        OPENSSL_cleanse(s->send_pending, s->send_pending_len);
        free(s->send_pending);
        s->send_pending = NULL;
        s->send_pending_len = 0;
        return s->dtls.last_write_len;
    }
    s->dtls.discarding = 1;
    s->dtls.discarded_bytes = 0;
    gnossl_translate_begin(s);
    int r = SSL_write(s->ssl, s->send_pending, (int)s->send_pending_len);
    s->dtls.discarding = 0;
    ERR_clear_error();
    if (r <= 0)
        gnossl_debug("dtls: discarding the queued record failed (%d)", SSL_get_error(s->ssl, r));
    OPENSSL_cleanse(s->send_pending, s->send_pending_len);
    free(s->send_pending);
    s->send_pending = NULL;
    s->send_pending_len = 0;
    return s->dtls.discarded_bytes;
}

unsigned int gnutls_record_get_discarded(gnutls_session_t s)
{
    return s != NULL ? s->dtls.discarded : 0;
}

unsigned int gnutls_dtls_get_timeout(gnutls_session_t s)
{
    if (s == NULL || s->dtls.next_timeout == 0)
        return 0;
    uint64_t now = wall_us();
    if (now >= s->dtls.next_timeout)
        return 0;
    uint64_t left = (s->dtls.next_timeout - now) / 1000u;
    return left > UINT_MAX ? UINT_MAX : (unsigned)left;
}
