/* A TLS 1.2 client refusing a HelloRequest, and a server hearing it.
 *
 * GnuTLS hands the HelloRequest to the application (REHANDSHAKE), which
 * either calls gnutls_handshake or refuses with gnutls_alert_send(WARNING,
 * NO_RENEGOTIATION).  OpenSSL decides while it processes the message: with
 * SSL_OP_NO_RENEGOTIATION it writes that very warning, otherwise it starts
 * renegotiating at once.  So the client sets the option from the message
 * callback (which runs before the processing), the BIO holds OpenSSL's
 * warning record, and the application's answer picks what goes out with
 * that record's sequence number: the warning itself (or the alert it asked
 * for, protected by alert-seal.c), or an empty application-data record,
 * which GnuTLS and OpenSSL skip, before the ClientHello or data.  Sequence
 * numbers stay in step either way.  DTLS records carry their sequence
 * numbers and the peer accepts gaps, so there the held warning is simply
 * dropped when the application does not refuse.
 *
 * Any other warning alert after the handshake (TLS and DTLS): OpenSSL
 * writes a 2-byte application record (the placeholder) and the BIO sends
 * the alert, protected with the same sequence number and nonce, in its
 * place.
 *
 * OpenSSL ends the session on a no_renegotiation warning it receives, where
 * GnuTLS returns WARNING_ALERT_RECEIVED and goes on.  After a TLS 1.0-1.2
 * handshake the BIO reads a small alert record of the peer whole, opens it
 * with the peer's key, and hands OpenSSL an empty record with the same
 * sequence number in place of a no_renegotiation warning, reporting the
 * alert itself.  A record that does not open (bad MAC or padding) goes to
 * OpenSSL as it came, which fails on it as before.  AEAD and CBC suites
 * are modelled (alert-seal.c; a CBC replacement reuses the explicit IV of
 * the record it replaces, which never goes out); otherwise OpenSSL behaves
 * as before (renegotiation cannot be refused, warnings are not sent). */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"
#include "tls/tls10-rchain.h"

#include <stdlib.h>
#include <string.h>

enum { REFUSE_NONE, REFUSE_WAIT, REFUSE_HELD, REFUSE_OUT };

/* The state is allocated the first time something is held, staged or
 * replaced: most sessions never need it (TLS 1.3, no warnings sent). */
static struct gnossl_refuse *refuse_state(gnutls_session_t s)
{
    if (s->refuse == NULL)
        s->refuse = calloc(1, sizeof *s->refuse);
    return s->refuse;
}

void gnossl_refuse_free(gnutls_session_t s)
{
    if (s->refuse != NULL)
        OPENSSL_clear_free(s->refuse, sizeof *s->refuse); /* holds records and plaintext */
    s->refuse = NULL;
}

void gnossl_refuse_hello_request(gnutls_session_t s)
{
    struct gnossl_refuse *rf = s->refuse;
    SSL *ssl = s->ssl;
    uint64_t seq;
    unsigned char probe[GNOSSL_SEAL_MAX], none = 0;
    size_t n;
    if (s->is_server || s->in_renegotiation_step || (rf != NULL && rf->state != REFUSE_NONE) ||
        (SSL_get_options(ssl) & SSL_OP_NO_RENEGOTIATION))
        return;
    /* only where the empty record can replace the warning (DTLS: where
     * another alert can) */
    if (gnossl_seal_seq(ssl, 0, &seq) < 0 ||
        gnossl_seal_record(ssl, 0, seq, NULL, s->seal.dtls ? SSL3_RT_ALERT : SSL3_RT_APPLICATION_DATA, &none,
                           s->seal.dtls ? 1 : 0, probe, sizeof probe, &n) < 0 ||
        (rf = refuse_state(s)) == NULL)
        return;
    SSL_set_options(ssl, SSL_OP_NO_RENEGOTIATION);
    rf->option_set = 1;
    rf->state = REFUSE_WAIT;
}

void gnossl_refuse_after_read(gnutls_session_t s)
{
    struct gnossl_refuse *rf = s->refuse;
    if (rf == NULL)
        return;
    if (rf->option_set) {
        SSL_clear_options(s->ssl, SSL_OP_NO_RENEGOTIATION);
        rf->option_set = 0;
    }
    if (rf->state == REFUSE_WAIT) /* OpenSSL wrote no warning: nothing held */
        rf->state = REFUSE_NONE;
}

int gnossl_refuse_pending(gnutls_session_t s)
{
    return s->refuse != NULL && s->refuse->state == REFUSE_HELD;
}

/* Push what replaces the held record: 0 once out, -1 as the BIO. */
static int flush_out(gnutls_session_t s, BIO *b)
{
    struct gnossl_refuse *rf = s->refuse;
    while (rf->out_off < rf->out_len) {
        int w = gnossl_transport_write_own(s, b, rf->out + rf->out_off, rf->out_len - rf->out_off);
        if (w <= 0)
            return -1;
        rf->out_off += (unsigned)w;
    }
    rf->state = REFUSE_NONE;
    return 0;
}

static void choose(struct gnossl_refuse *rf, const unsigned char *p, size_t n)
{
    memcpy(rf->out, p, n);
    rf->out_len = (unsigned)n;
    rf->out_off = 0;
    rf->state = REFUSE_OUT;
}

static const unsigned char placeholder[2];

/* A warning alert with nothing held: OpenSSL writes a placeholder record,
 * which gives our alert its sequence number (gnossl_refuse_write swaps
 * them).  Retried after AGAIN like a record send. */
static int send_warning(gnutls_session_t s, int level, int desc)
{
    struct gnossl_refuse *rf = s->refuse;
    if (rf == NULL || !rf->placeholder) {
        uint64_t seq;
        unsigned char rec[GNOSSL_SEAL_MAX];
        size_t n;
        if (!s->handshake_done || s->invalid || s->may_not_write || s->own_alert_sent || s->send_pending != NULL ||
            SSL_in_init(s->ssl) || SSL_want_write(s->ssl) ||
            SSL_renegotiate_pending(s->ssl) || gnossl_seal_seq(s->ssl, 0, &seq) < 0 ||
            gnossl_seal_alert(s->ssl, level, desc, rec, sizeof rec, &n) < 0)
            return GNOSSL_REFUSE_PASS;
        if ((rf = refuse_state(s)) == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        rf->placeholder = 1;
        rf->ph_alert[0] = (unsigned char)level;
        rf->ph_alert[1] = (unsigned char)desc;
    }
    gnossl_translate_begin(s);
    int r = SSL_write(s->ssl, placeholder, sizeof placeholder);
    if (r > 0) {
        rf->placeholder = 0;
        return 0;
    }
    int code = gnossl_translate(s, r, GNOSSL_OP_WRITE);
    if (code != GNUTLS_E_AGAIN && code != GNUTLS_E_INTERRUPTED)
        rf->placeholder = 0;
    return code;
}

/* Whether an alert takes a placeholder's place: a warning, or (TLS) a
 * fatal alert while no alert of OpenSSL's is held (GnuTLS goes on reading
 * and writing after sending one, so sequence numbers must stay in step). */
static int by_placeholder(gnutls_session_t s, int level)
{
    return level == GNUTLS_AL_WARNING || (!s->seal.dtls && s->held_alert_len == 0);
}

int gnossl_refuse_alert(gnutls_session_t s, int level, int desc)
{
    struct gnossl_refuse *rf = s->refuse;
    if (rf == NULL)
        return by_placeholder(s, level) ? send_warning(s, level, desc) : GNOSSL_REFUSE_PASS;
    if (rf->placeholder || (rf->state == REFUSE_NONE && by_placeholder(s, level)))
        return send_warning(s, level, desc);
    if (rf->state == REFUSE_HELD) {
        unsigned char rec[GNOSSL_SEAL_MAX], alert[2] = {(unsigned char)level, (unsigned char)desc};
        size_t n;
        if (level == GNUTLS_AL_WARNING && desc == GNUTLS_A_NO_RENEGOTIATION)
            choose(rf, rf->alert, rf->alert_len);
        else if (gnossl_seal_record(s->ssl, 0, rf->seq, rf->alert + (s->seal.dtls ? 13 : 5), SSL3_RT_ALERT, alert, 2,
                                    rec, sizeof rec, &n) == 0) {
            choose(rf, rec, n);
            gnossl_seal_replaced(s, rf->alert, rf->alert_len, rf->seq + 1); /* TLS 1.0 */
        } else
            return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
        if (level == GNUTLS_AL_FATAL)
            s->own_alert_sent = s->invalid = 1; /* nothing may follow */
    } else if (rf->state != REFUSE_OUT) {
        return GNOSSL_REFUSE_PASS;
    }
    /* (REFUSE_OUT: the retry of a call that blocked) */
    gnossl_transport_reset_io(s);
    if (flush_out(s, SSL_get_wbio(s->ssl)) == 0)
        return 0;
    return s->io_blocked ? GNUTLS_E_AGAIN : s->io_error ? s->io_error : GNUTLS_E_PUSH_ERROR;
}

/* Is this OpenSSL's placeholder record?  Then our alert goes out in its
 * place, with the same sequence number. */
static int swap_placeholder(gnutls_session_t s, const unsigned char *buf, int len)
{
    struct gnossl_refuse *rf = s->refuse;
    uint64_t seq;
    unsigned char rec[GNOSSL_SEAL_MAX];
    size_t n, h = s->seal.dtls ? 13 : 5; /* (DTLS: one record, one datagram) */
    if (s->wr_hdr_got != 0 || s->wr_body_left != 0 || len < 13 || (size_t)len > sizeof rec ||
        (size_t)len != h + ((buf[h - 2] << 8) | buf[h - 1]) || gnossl_seal_seq(s->ssl, 0, &seq) < 0)
        return 0;
    seq--; /* OpenSSL counted it already */
    int view = gnossl_seal_chain_view(&s->seal, 1); /* (TLS 1.0: OpenSSL's record is on its own chain) */
    int ph = gnossl_seal_record(s->ssl, 0, seq, buf + h, SSL3_RT_APPLICATION_DATA, placeholder, sizeof placeholder,
                                rec, sizeof rec, &n);
    gnossl_seal_chain_view(&s->seal, view);
    if (ph < 0 || n != (size_t)len || memcmp(rec, buf, n) != 0 ||
        gnossl_seal_record(s->ssl, 0, seq, buf + h, SSL3_RT_ALERT, rf->ph_alert, 2, rec, sizeof rec, &n) < 0)
        return 0;
    choose(rf, rec, n);
    gnossl_seal_replaced(s, buf, (size_t)len, seq + 1); /* TLS 1.0 */
    rf->swallow = 1;
    return 1;
}

/* TLS 1.0: where the last record of a write of OpenSSL's starts when
 * records precede it (OpenSSL puts an empty record before application
 * data: its countermeasure to chained IVs), or 0. */
static int last_record(gnutls_session_t s, const unsigned char *buf, int len)
{
    if (!s->seal.implicit_iv || s->wr_hdr_got != 0)
        return 0;
    size_t off = s->wr_body_left;
    while (off + 5 <= (size_t)len) {
        size_t end = off + 5 + ((size_t)buf[off + 3] << 8 | buf[off + 4]);
        if (end == (size_t)len)
            return (int)off;
        off = end;
    }
    return 0;
}

/* TLS 1.0: what precedes the placeholder goes out as OpenSSL wrote it (its
 * IV chains as usual), then our alert in the placeholder's place. */
static int swap_behind(gnutls_session_t s, BIO *b, const unsigned char *buf, int len)
{
    int k = last_record(s, buf, len);
    if (k == 0)
        return GNOSSL_REFUSE_PASS; /* something OpenSSL writes first */
    int w = BIO_write(b, buf, k);
    if (w < k || !swap_placeholder(s, buf + k, len - k))
        return w;
    if (flush_out(s, b) < 0) { /* OpenSSL retries the placeholder: REFUSE_OUT */
        BIO_clear_retry_flags(b);
        return k;
    }
    s->refuse->swallow = 0;
    return len;
}

int gnossl_refuse_write(gnutls_session_t s, BIO *b, const unsigned char *buf, int len)
{
    struct gnossl_refuse *rf = s->refuse;
    if (rf == NULL)
        return GNOSSL_REFUSE_PASS;
    if (rf->placeholder && rf->state == REFUSE_NONE && !swap_placeholder(s, buf, len))
        return swap_behind(s, b, buf, len);
    switch (rf->state) {
    case REFUSE_WAIT: {
        /* OpenSSL's warning: one whole alert record (DTLS: one datagram) */
        size_t n, h = s->seal.dtls ? 13 : 5;
        unsigned char none = 0;
        if (s->wr_hdr_got != 0 || s->wr_body_left != 0 || len < 13 || buf[0] != SSL3_RT_ALERT ||
            (size_t)len > sizeof rf->alert ||
            (size_t)len != h + ((buf[h - 2] << 8) | buf[h - 1]) || gnossl_seal_seq(s->ssl, 0, &rf->seq) < 0)
            return GNOSSL_REFUSE_PASS;
        rf->seq--; /* OpenSSL counted it already */
        if (s->seal.dtls) {
            rf->empty_len = 0; /* nothing replaces it */
        } else if (gnossl_seal_record(s->ssl, 0, rf->seq, buf + 5, SSL3_RT_APPLICATION_DATA, &none, 0, rf->empty,
                                      sizeof rf->empty, &n) == 0) {
            rf->empty_len = (unsigned)n;
        } else {
            return GNOSSL_REFUSE_PASS;
        }
        memcpy(rf->alert, buf, (size_t)len);
        rf->alert_len = (unsigned)len;
        rf->state = REFUSE_HELD;
        return len;
    }
    case REFUSE_HELD: /* anything else written answers the HelloRequest without refusing */
        choose(rf, rf->empty, rf->empty_len);
        if (!s->seal.dtls)
            gnossl_seal_replaced(s, rf->alert, rf->alert_len, rf->seq + 1); /* TLS 1.0: OpenSSL chains from its record */
        /* fall through */
    case REFUSE_OUT:
        if (flush_out(s, b) < 0)
            return -1;
        if (!rf->swallow)
            return GNOSSL_REFUSE_PASS;
        rf->swallow = 0; /* OpenSSL's placeholder (or its retry) is done */
        return len;
    default:
        return GNOSSL_REFUSE_PASS;
    }
}

/* Hand OpenSSL the staged record. */
static int serve(gnutls_session_t s, char *buf, int len)
{
    struct gnossl_refuse *rf = s->refuse;
    unsigned n = rf->in_len - rf->in_served;
    if ((unsigned)len < n)
        n = (unsigned)len;
    memcpy(buf, rf->in + rf->in_served, n);
    rf->in_served += n;
    if (rf->in_served == rf->in_len) {
        rf->serving = 0;
        rf->in_len = rf->in_served = 0;
        if (rf->alert_after) { /* as the message callback reports a warning */
            rf->alert_after = 0;
            s->last_alert = GNUTLS_A_NO_RENEGOTIATION;
            s->stop_warning_alert = 1;
        }
    }
    return (int)n;
}

/* Pull until `want` bytes are staged: 1, or the BIO's result. */
static int stage(gnutls_session_t s, BIO *b, unsigned want, int *res)
{
    struct gnossl_refuse *rf = s->refuse;
    while (rf->in_len < want) {
        int r = gnossl_rchain_pull(s, b, (char *)rf->in + rf->in_len, (int)(want - rf->in_len));
        if (r <= 0) {
            *res = r;
            return 0;
        }
        rf->in_len += (unsigned)r;
    }
    return 1;
}

int gnossl_refuse_read(gnutls_session_t s, BIO *b, char *buf, int len)
{
    struct gnossl_refuse *rf = s->refuse;
    uint64_t seq;
    if (rf != NULL && rf->serving)
        return serve(s, buf, len);
    if (gnossl_rchain_busy(s)) /* TLS 1.0: the rest of a record re-encrypted */
        return gnossl_rchain_pull(s, b, buf, len);
    /* at a record boundary, after the handshake (cheapest tests first: this
     * runs for every read) */
    if ((rf == NULL || rf->in_len == 0) && (!s->handshake_done || s->rd_hdr_got != 0 || s->rd_body_left != 0 || s->seal.dtls ||
                            !s->seal.rcounting || SSL_version(s->ssl) == TLS1_3_VERSION ||
                            gnossl_seal_seq(s->ssl, 1, &seq) < 0))
        return GNOSSL_REFUSE_PASS;
    if (rf == NULL && (rf = refuse_state(s)) == NULL)
        return GNOSSL_REFUSE_PASS;
    int res;
    if (!stage(s, b, 5, &res))
        return res;
    unsigned total = 5 + ((unsigned)rf->in[3] << 8 | rf->in[4]);
    if (rf->in[0] == SSL3_RT_ALERT && total >= 13 && total <= sizeof rf->in) {
        if (!stage(s, b, total, &res))
            return res;
        unsigned char pt[64], none = 0;
        size_t n;
        if (gnossl_seal_seq(s->ssl, 1, &seq) == 0 && gnossl_seal_open(s->ssl, seq, rf->in, total, pt, sizeof pt, &n) == 0 &&
            n == 2 && pt[0] == GNUTLS_AL_WARNING && pt[1] == GNUTLS_A_NO_RENEGOTIATION &&
            gnossl_seal_record(s->ssl, 1, seq, rf->in + 5, SSL3_RT_APPLICATION_DATA, &none, 0, rf->in, sizeof rf->in, &n) == 0) {
            rf->in_len = (unsigned)n;
            rf->alert_after = 1;
            gnossl_rchain_replaced(s, rf->in, n, seq + 1); /* TLS 1.0 */
        }
    }
    rf->serving = 1;
    rf->in_served = 0;
    return serve(s, buf, len);
}
