/* Alerts and handshake messages as observed through SSL_set_msg_callback,
 * plus gnutls_alert_get/send and the handshake hook.
 *
 * OpenSSL swallows warning alerts under TLS <= 1.2 and user_canceled under
 * TLS 1.3.  GnuTLS reports them (-16 and -12): when the callback sees one,
 * it asks the transport BIO to stop at its next read, so OpenSSL hands
 * control back with nothing lost and the translator reports the alert. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/dh-group.h"
#include "tls/ocsp-chain.h"
#include "tls/session-int.h"
#include "tls/verify-point.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <stdlib.h>
#include <string.h>

static int hook_matches(gnutls_session_t s, int type, unsigned when)
{
    if (s->hook == NULL)
        return 0;
    if (s->hook_htype != GNUTLS_HANDSHAKE_ANY && s->hook_htype != (unsigned)type)
        return 0;
    return s->hook_when == GNUTLS_HOOK_BOTH || (unsigned)s->hook_when == when;
}

static void run_hook(gnutls_session_t s, int type, unsigned when, unsigned incoming,
                     const unsigned char *body, size_t len)
{
    gnutls_datum_t msg = {(unsigned char *)body, (unsigned)len};
    int r = s->hook(s, (unsigned)type, when, incoming, &msg);
    if (r < 0 && s->pending_error == 0)
        s->pending_error = r;
}

/* GnuTLS runs a received message's POST hook right after processing it;
 * OpenSSL has processed it by the next handshake message either way, or
 * when the gnutls_* call that read it returns.  Each message runs any due
 * POST hook first, so at most one is ever due. */
void gnossl_drop_post_hook(gnutls_session_t s)
{
    OPENSSL_clear_free(s->post_hook_body, s->post_hook_len);
    s->post_hook_body = NULL;
    s->post_hook_len = 0;
    s->post_hook_due = 0;
}

void gnossl_run_post_hooks(gnutls_session_t s)
{
    if (!s->post_hook_due)
        return;
    s->post_hook_due = 0;
    if (hook_matches(s, s->post_hook_type, GNUTLS_HOOK_POST))
        run_hook(s, s->post_hook_type, GNUTLS_HOOK_POST, 1, s->post_hook_body, s->post_hook_len);
    gnossl_drop_post_hook(s);
}

void gnossl_run_post_hook_now(gnutls_session_t s, int type)
{
    if (s->post_hook_due && s->post_hook_type == type)
        gnossl_run_post_hooks(s);
}

/* GnuTLS's POST hook of a TLS 1.3 NewSessionTicket gets the message from
 * its extensions on (after lifetime, age_add, nonce and ticket). */
static size_t nst13_extensions(const unsigned char *body, size_t blen)
{
    size_t off = 8;
    if (blen < off + 1)
        return 0;
    off += 1 + (size_t)body[off];
    if (blen < off + 2)
        return 0;
    off += 2 + ((size_t)body[off] << 8 | body[off + 1]);
    return off <= blen ? off : 0;
}

/* A received message whose POST hook matches: due, with a copy of its body. */
static void post_hook_due(gnutls_session_t s, int type, const unsigned char *body, size_t blen)
{
    if (type == SSL3_MT_NEWSESSION_TICKET && gnossl_ssl_is_tls13(s->ssl)) {
        size_t off = nst13_extensions(body, blen);
        body += off;
        blen -= off;
    }
    s->post_hook_body = OPENSSL_malloc(blen ? blen : 1);
    s->post_hook_len = s->post_hook_body != NULL ? blen : 0;
    if (s->post_hook_len)
        memcpy(s->post_hook_body, body, blen);
    s->post_hook_type = type;
    s->post_hook_due = 1;
}

/* Does a ServerHello carry the encrypt_then_mac extension (22)? */
/* Does the extension block at off (its 2-byte length first) of this hello
 * carry extension 22 (encrypt_then_mac)? */
static int has_etm(const unsigned char *p, size_t len, size_t off)
{
    if (len < off + 2)
        return 0;
    size_t end = off + 2 + ((size_t)p[off] << 8 | p[off + 1]);
    off += 2;
    if (end > len)
        return 0;
    while (off + 4 <= end) {
        unsigned type = (unsigned)p[off] << 8 | p[off + 1];
        size_t elen = (size_t)p[off + 2] << 8 | p[off + 3];
        if (type == 22)
            return 1;
        off += 4 + elen;
    }
    return 0;
}

static int server_hello_has_etm(const unsigned char *p, size_t len)
{
    size_t off = 4 + 2 + 32; /* header, version, random */
    if (len < off + 1)
        return 0;
    off += 1 + p[off]; /* session id */
    off += 2 + 1;      /* suite, compression */
    return has_etm(p, len, off);
}

/* A DTLS ClientHello (with its cookie). */
static int dtls_client_hello_has_etm(const unsigned char *p, size_t len)
{
    size_t off = 4 + 2 + 32;
    for (int i = 0; i < 2; i++) { /* session id, cookie */
        if (len < off + 1)
            return 0;
        off += 1 + p[off];
    }
    if (len < off + 2)
        return 0;
    off += 2 + ((size_t)p[off] << 8 | p[off + 1]); /* suites */
    if (len < off + 1)
        return 0;
    off += 1 + p[off]; /* compression methods */
    return has_etm(p, len, off);
}

/* A DTLS server's ServerHello reaches the message callback with the
 * fragment headers OpenSSL wrote over it when it fragmented it (small
 * MTUs), so whether it carries encrypt-then-MAC is decided as OpenSSL
 * decides it: the client offered it, the suite is neither AEAD nor RC4, and
 * it is not disabled. */
static int dtls_server_etm(gnutls_session_t s)
{
    const SSL_CIPHER *c = SSL_get_pending_cipher(s->ssl);
    return s->dtls.client_etm && c != NULL && !SSL_CIPHER_is_aead(c) && SSL_CIPHER_get_cipher_nid(c) != NID_rc4 &&
           !(SSL_get_options(s->ssl) & SSL_OP_NO_ENCRYPT_THEN_MAC);
}

/* Which well-known group (if any) a DH prime is. */
static gnutls_group_t ffdhe_of(const unsigned char *prime, size_t n)
{
    static const struct {
        const gnutls_datum_t *p;
        gnutls_group_t g;
    } known[] = {
        {&gnutls_ffdhe_2048_group_prime, GNUTLS_GROUP_FFDHE2048},
        {&gnutls_ffdhe_3072_group_prime, GNUTLS_GROUP_FFDHE3072},
        {&gnutls_ffdhe_4096_group_prime, GNUTLS_GROUP_FFDHE4096},
        {&gnutls_ffdhe_6144_group_prime, GNUTLS_GROUP_FFDHE6144},
        {&gnutls_ffdhe_8192_group_prime, GNUTLS_GROUP_FFDHE8192},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i].p->size == n && memcmp(known[i].p->data, prime, n) == 0)
            return known[i].g;
    return GNUTLS_GROUP_INVALID;
}

static int offered_group(gnutls_session_t s, gnutls_group_t g)
{
    const unsigned int *list;
    int n = s->priority != NULL ? gnutls_priority_group_list(s->priority, &list) : 0;
    for (int i = 0; i < n; i++)
        if (list[i] == (unsigned)g)
            return 1;
    return 0;
}

static unsigned bits_of(const unsigned char *p, size_t n)
{
    while (n > 0 && *p == 0) {
        p++;
        n--;
    }
    if (n == 0)
        return 0;
    unsigned bits = (unsigned)(n - 1) * 8;
    for (unsigned char c = *p; c; c >>= 1)
        bits++;
    return bits;
}

/* TLS 1.2 DHE ServerKeyExchange: dh_p, dh_g, dh_Ys, each with a 2-byte length. */
static void on_dhe_params(gnutls_session_t s, SSL *ssl, int write_p, const unsigned char *p, size_t len)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    if (c == NULL)
        c = SSL_get_pending_cipher(ssl);
    int kx = c != NULL ? SSL_CIPHER_get_kx_nid(c) : NID_undef;
    if (kx != NID_kx_dhe && kx != NID_kx_dhe_psk)
        return;
    size_t off = 4;
    if (kx == NID_kx_dhe_psk) { /* psk identity hint first */
        if (len < off + 2)
            return;
        off += 2 + ((size_t)p[off] << 8 | p[off + 1]);
    }
    const unsigned char *field[3];
    size_t flen[3];
    for (int i = 0; i < 3; i++) {
        if (len < off + 2)
            return;
        flen[i] = (size_t)p[off] << 8 | p[off + 1];
        field[i] = p + off + 2;
        off += 2 + flen[i];
        if (off > len)
            return;
    }
    /* GnuTLS names an RFC 7919 group only when it was negotiated: chosen
     * from the client's supported groups (the server's dh_group, set by
     * dh-select.c), or one the client offered. */
    gnutls_group_t g = ffdhe_of(field[0], flen[0]);
    if (s->is_server ? g != s->dh_group : !offered_group(s, g))
        g = GNUTLS_GROUP_INVALID;
    s->dh_group = g;
    s->dh_prime_bits = bits_of(field[0], flen[0]);
    if (!write_p)
        s->dh_peer_pub_bits = bits_of(field[2], flen[2]);
}

static void on_handshake_msg(gnutls_session_t s, int write_p, const unsigned char *p, size_t len)
{
    if (p[0] == SSL3_MT_SERVER_HELLO)
        s->etm_negotiated = write_p && SSL_is_dtls(s->ssl) ? dtls_server_etm(s) : server_hello_has_etm(p, len);
    else if (p[0] == SSL3_MT_CLIENT_HELLO && !write_p && SSL_is_dtls(s->ssl))
        s->dtls.client_etm = dtls_client_hello_has_etm(p, len);
    int type = p[0];
    const unsigned char *body = len >= 4 ? p + 4 : p;
    size_t blen = len >= 4 ? len - 4 : 0;
    gnossl_run_post_hooks(s); /* OpenSSL processed the message before */
    if (write_p) {
        s->hs_last_out = type;
        /* A TLS 1.3 client's session ID is the one its hello carried. */
        if (type == SSL3_MT_CLIENT_HELLO && len >= 4 + 2 + 32 + 1) {
            unsigned n = p[4 + 2 + 32];
            if (n <= 32 && len >= 4 + 2 + 32 + 1 + n) {
                memcpy(s->hello_sid, p + 4 + 2 + 32 + 1, n);
                s->hello_sid_len = n;
            }
        }
        if (type == SSL3_MT_NEWSESSION_TICKET)
            s->ticket_sent = 1;
        if (hook_matches(s, type, GNUTLS_HOOK_PRE))
            run_hook(s, type, GNUTLS_HOOK_PRE, 0, body, blen);
        if (hook_matches(s, type, GNUTLS_HOOK_POST))
            run_hook(s, type, GNUTLS_HOOK_POST, 0, body, blen);
        return;
    }
    s->hs_last_in = type;
    if (s->handshake_done)
        gnossl_debug("gnossl: post-handshake message %d received (%s)", type, s->is_server ? "server" : "client");
    /* TLS 1.3 post-handshake authentication */
    if (s->handshake_done && !s->is_server && type == SSL3_MT_CERTIFICATE_REQUEST)
        s->reauth_requested = s->stop_reauth = 1;
    if (s->is_server && s->reauth_in_progress && type == SSL3_MT_FINISHED) {
        s->reauth_done = 1;
        s->stop_after_renegotiation = 1; /* stop the SSL_peek there */
    }
    /* A renegotiation asked by the peer surfaces as REHANDSHAKE. */
    if (s->handshake_done && ((!s->is_server && type == SSL3_MT_HELLO_REQUEST) ||
                              (s->is_server && type == SSL3_MT_CLIENT_HELLO)))
        s->rehandshake_requested = s->stop_rehandshake = 1;
    if (s->handshake_done && !s->is_server && type == SSL3_MT_HELLO_REQUEST)
        gnossl_refuse_hello_request(s); /* before OpenSSL processes it */
    if (type == SSL3_MT_NEWSESSION_TICKET)
        s->ticket_received = 1;
    if (type == SSL3_MT_CERTIFICATE_REQUEST)
        s->cert_requested = 1;
    if (type == SSL3_MT_CERTIFICATE)
        gnossl_session_certificate_in(s, body, blen);
    if (type == SSL3_MT_HELLO_REQUEST)
        return; /* GnuTLS's record layer takes it: no hook runs */
    if (hook_matches(s, type, GNUTLS_HOOK_PRE))
        run_hook(s, type, GNUTLS_HOOK_PRE, 1, body, blen);
    if (hook_matches(s, type, GNUTLS_HOOK_POST))
        post_hook_due(s, type, body, blen);
}

static void on_alert(gnutls_session_t s, int write_p, SSL *ssl, const unsigned char *p)
{
    int level = p[0], desc = p[1];
    if (write_p) {
        if (desc != SSL_AD_CLOSE_NOTIFY)
            s->alert_sent_desc = desc;
        return;
    }
    s->last_alert = desc;
    if (desc == SSL_AD_CLOSE_NOTIFY)
        return;
    /* TLS 1.3 rules only once TLS 1.3 was negotiated (a client learns it
     * from the ServerHello; before that a warning is a warning). */
    int tls13 = SSL_version(ssl) == TLS1_3_VERSION &&
                (s->handshake_done || s->is_server || SSL_get_current_cipher(ssl) != NULL);
    if (tls13) {
        /* Every TLS 1.3 alert but close_notify is fatal for GnuTLS; OpenSSL
         * ignores user_canceled, so stop it there. */
        s->fatal_alert_received = 1;
        if (desc == SSL_AD_USER_CANCELLED)
            s->stop_fatal_alert = 1;
    } else if (level == SSL3_AL_WARNING) {
        if (SSL_is_dtls(ssl))
            gnossl_dtls_warning_in(s, ssl); /* OpenSSL would loop on it */
        else
            s->stop_warning_alert = 1;
    } else {
        s->fatal_alert_received = 1;
    }
}

/* A handshake message, in TLS's framing for the parsers below. */
static void on_handshake(gnutls_session_t s, SSL *ssl, int write_p, const unsigned char *p, size_t len)
{
    unsigned char *tls = NULL;
    if (SSL_is_dtls(ssl)) {
        /* DTLS messages carry a 12-byte header (sequence, fragment);
         * the parsers below read TLS's 4-byte one. */
        if (len < 12 || (tls = malloc(len - 8)) == NULL)
            return;
        memcpy(tls, p, 4);
        memcpy(tls + 4, p + 12, len - 12);
        if (write_p && s->hook != NULL)
            gnossl_dtls_hook_repair(s, p, len, tls + 4);
        p = tls;
        len -= 8;
    }
    if (p[0] == SSL3_MT_SERVER_KEY_EXCHANGE)
        on_dhe_params(s, ssl, write_p, p, len);
    else if (p[0] == SSL3_MT_CERTIFICATE && !write_p && !s->is_server && SSL_version(ssl) == TLS1_3_VERSION)
        gnossl_ocsp_chain_note(s, p, len);
    on_handshake_msg(s, write_p, p, len);
    free(tls);
}

/* Alerts, ChangeCipherSpec and handshake messages (out of line: the
 * per-record path of gnossl_msg_callback stays small). */
static __attribute__((noinline)) void on_message(gnutls_session_t s, SSL *ssl, int write_p, int content_type,
                                                 const unsigned char *p, size_t len)
{
    if (content_type == SSL3_RT_ALERT) {
        if (len >= 2)
            on_alert(s, write_p, ssl, p);
        return;
    }
    if (write_p)
        gnossl_seal_note_record(s, content_type, p, len);
    else
        gnossl_seal_note_read(s, content_type, p, len);
    if (content_type == SSL3_RT_HANDSHAKE) {
        on_handshake(s, ssl, write_p, p, len);
        gnossl_dh_note_handshake(ssl, write_p, p, len);
    }
}

/* The one message callback of a session's SSL (the session is its
 * argument).  OpenSSL calls it for every record header both ways, and for
 * TLS 1.3's inner content type: those return after a few instructions. */
void gnossl_msg_callback(int write_p, int version, int content_type, const void *buf, size_t len,
                         SSL *ssl, void *arg)
{
    (void)version;
    gnutls_session_t s = arg;
    const unsigned char *p = buf;
    if (s == NULL || len < 1)
        return;
    if (content_type == SSL3_RT_HEADER) {
        if (!s->seal.dtls) {
            gnossl_seal_note_header(&s->seal, write_p);
        } else if (write_p) {
            gnossl_seal_note_dtls_header(&s->seal, p, len);
        } else if (len >= 13 && p[0] == SSL3_RT_APPLICATION_DATA) {
            memcpy(s->dtls.read_seq, p + 3, 8); /* epoch and sequence number, for record_recv_seq */
            s->dtls.app_headers++;
        }
    } else if (content_type == SSL3_RT_ALERT || content_type == SSL3_RT_HANDSHAKE ||
               content_type == SSL3_RT_CHANGE_CIPHER_SPEC) {
        on_message(s, ssl, write_p, content_type, p, len);
    }
}

gnutls_alert_description_t gnutls_alert_get(gnutls_session_t s)
{
    return s != NULL ? (gnutls_alert_description_t)s->last_alert : GNUTLS_A_CLOSE_NOTIFY;
}

gnutls_handshake_description_t gnutls_handshake_get_last_in(gnutls_session_t s)
{
    return (gnutls_handshake_description_t)(s != NULL ? s->hs_last_in : -1);
}

gnutls_handshake_description_t gnutls_handshake_get_last_out(gnutls_session_t s)
{
    return (gnutls_handshake_description_t)(s != NULL ? s->hs_last_out : -1);
}

/* OpenSSL offers no call that sends an arbitrary alert: close_notify goes
 * through SSL_shutdown; a fatal alert after OpenSSL failed sends the alert
 * OpenSSL wrote then (held back by the transport, since GnuTLS sends none
 * unasked); anything else is reported as not possible rather than
 * silently dropped. */
/* The application's fatal alert protected by us with OpenSSL's write key
 * (alert-seal.c): 1 sent, 0 not possible here, or a GnuTLS error from the
 * transport.  Whatever OpenSSL writes afterwards (its own alert when the
 * handshake then fails) is dropped: nothing may follow a fatal alert. */
static int send_sealed(gnutls_session_t s, gnutls_alert_level_t level, gnutls_alert_description_t desc)
{
    size_t n = 0;
    unsigned char *buf;
    if (SSL_want_write(s->ssl) || s->held_alert_len != 0 || (buf = gnossl_transport_held_alert_buf(s)) == NULL ||
        gnossl_seal_alert(s->ssl, level, desc, buf, GNOSSL_SEAL_MAX, &n) < 0)
        return 0;
    s->held_alert_len = (unsigned)n;
    int r = gnossl_transport_send_held_alert(s);
    if (r < 0) {
        s->held_alert_len = 0;
        return r;
    }
    s->own_alert_sent = 1;
    return 1;
}

/* GnuTLS's gnutls_bye sends its close_notify whatever failed before (a
 * read error, a fatal alert received); OpenSSL sends nothing once it
 * failed.  Ours takes the sequence number (and explicit nonce) of the
 * fatal alert OpenSSL wrote then, which the transport holds and which
 * never goes out, or the next one when none is held.  Not after a fatal
 * alert of ours protected by us, nor with a record half sent. */
int gnossl_alert_close_sealed(gnutls_session_t s)
{
    static const unsigned char close_notify[2] = {GNUTLS_AL_WARNING, GNUTLS_A_CLOSE_NOTIFY};
    unsigned char rec[GNOSSL_SEAL_MAX], *held;
    uint64_t seq;
    size_t n;
    int replace = s->held_alert_len != 0;
    if (s->bye_state == 2) /* sealed before; its push failed */
        goto send;
    if (!s->handshake_done || s->own_alert_sent || s->send_pending != NULL ||
        (held = gnossl_transport_held_alert_buf(s)) == NULL || gnossl_seal_seq(s->ssl, 0, &seq) < 0 ||
        (replace && (seq == 0 || s->held_alert_len < 5 + 8)) ||
        gnossl_seal_record(s->ssl, 0, replace ? seq - 1 : seq, replace ? held + 5 : NULL, SSL3_RT_ALERT,
                           close_notify, 2, rec, sizeof rec, &n) < 0)
        return 0;
    memcpy(held, rec, n);
    s->held_alert_len = (unsigned)n;
    s->bye_state = 2;
send:;
    int r = gnossl_transport_send_held_alert(s); /* (kept for a retry if it fails) */
    if (r < 0)
        return r;
    s->own_alert_sent = 1; /* nothing follows */
    return 1;
}

int gnutls_alert_send(gnutls_session_t s, gnutls_alert_level_t level,
                      gnutls_alert_description_t desc)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->ssl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (desc != GNUTLS_A_CLOSE_NOTIFY) {
        int r = gnossl_refuse_alert(s, level, desc); /* in place of a held no_renegotiation */
        if (r != GNOSSL_REFUSE_PASS)
            return r;
    }
    if (desc == GNUTLS_A_CLOSE_NOTIFY) {
        if (!s->handshake_done)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        gnossl_translate_begin(s);
        int r = SSL_shutdown(s->ssl);
        if (r >= 0) {
            s->bye_state = 1;
            return 0;
        }
        return gnossl_translate(s, r, GNOSSL_OP_BYE);
    }
    if (level == GNUTLS_AL_FATAL && (s->invalid || s->alert_sent_desc >= 0)) {
        /* OpenSSL's own alert (its description, not necessarily ours) goes
         * out now. */
        s->invalid = 1;
        return gnossl_transport_send_held_alert(s);
    }
    if (level == GNUTLS_AL_FATAL && s->hs_in_progress && !s->handshake_done) {
        /* Asked from a callback inside the handshake (gnutls-serv refusing
         * a client certificate): a TLS 1.3 server already writes with its
         * application key, so the application's alert goes out as asked;
         * otherwise the handshake is about to fail, and the fatal alert
         * OpenSSL then writes goes out at once. */
        int r = send_sealed(s, level, desc);
        if (r != 0)
            return r < 0 ? r : 0;
        s->fatal_alert_wanted = 1;
        return 0;
    }
    if (level == GNUTLS_AL_FATAL && s->handshake_done) {
        int r = send_sealed(s, level, desc);
        if (r != 0) {
            if (r > 0)
                s->invalid = 1; /* OpenSSL's sequence numbers are behind now */
            return r < 0 ? r : 0;
        }
    }
    gnossl_debug("gnossl: cannot send alert %d (level %d) through OpenSSL", desc, level);
    return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
}

int gnutls_alert_send_appropriate(gnutls_session_t s, int err)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* Non-fatal codes have no alert (GnuTLS returns 0 there too). */
    if (err >= 0 || !gnossl_code_is_fatal(err))
        return 0;
    /* OpenSSL sent the alert itself when it failed. */
    if (s->ssl == NULL || s->invalid || s->alert_sent_desc >= 0) {
        s->invalid = 1;
        return s->ssl != NULL ? gnossl_transport_send_held_alert(s) : 0;
    }
    return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
}

/* A renegotiation driven through SSL_peek would go on to wait for
 * application data once done: stop the read right there. */
void gnossl_info_callback(const SSL *ssl, int where, int ret)
{
    (void)ret;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s != NULL && (where & SSL_CB_HANDSHAKE_DONE) && s->in_renegotiation_step)
        s->stop_after_renegotiation = 1;
}
