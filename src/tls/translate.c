/* The translator: the one place where an OpenSSL outcome (SSL_* return,
 * SSL_get_error, the error queue) plus what the transport BIO and the
 * message callback recorded becomes a GNUTLS_E_* code.
 *
 * Order matters: an error a callback asked for wins, then the handshake
 * deadline, then the "stop" points the BIO made for alerts, then what
 * SSL_get_error says, refined by the transport's errno / EOF position and
 * by the reason code at the top of the error queue. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "x509/x509.h"

#include <errno.h>
#include <openssl/err.h>

/* Errors left in this thread's queue (by an earlier gnossl call or by any
 * other OpenSSL user) must not be read as the cause of the coming SSL_*
 * call.  ERR_clear_error costs ~850 instructions in OpenSSL 3.0 even on an
 * empty queue, ERR_peek_error about a quarter of that, and the queue is
 * almost always empty here: clear only when something is queued. */
static void err_clear_if_queued(void)
{
    if (ERR_peek_error() != 0)
        ERR_clear_error();
}

void gnossl_translate_begin(gnutls_session_t s)
{
    err_clear_if_queued();
    if (s->dtls.warning_shutdown) /* (a call whose outcome went untranslated) */
        gnossl_dtls_warning_done(s);
    gnossl_transport_reset_io(s);
}

/* OpenSSL reasons that have a GnuTLS counterpart. */
static int from_ssl_reason(int reason)
{
    switch (reason) {
    case SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC:
    case SSL_R_DECRYPTION_FAILED:
        return GNUTLS_E_DECRYPTION_FAILED;
    case SSL_R_UNSUPPORTED_PROTOCOL:
    case SSL_R_UNSUPPORTED_SSL_VERSION:
    case SSL_R_WRONG_SSL_VERSION:
    case SSL_R_VERSION_TOO_LOW:
    case SSL_R_VERSION_TOO_HIGH:
    case SSL_R_NO_PROTOCOLS_AVAILABLE:
    case SSL_R_BAD_PROTOCOL_VERSION_NUMBER:
        return GNUTLS_E_UNSUPPORTED_VERSION_PACKET;
    case SSL_R_WRONG_VERSION_NUMBER: /* not TLS at all (an HTTP reply, ...) */
    case SSL_R_UNEXPECTED_RECORD:
    case SSL_R_HTTP_REQUEST:
    case SSL_R_HTTPS_PROXY_REQUEST:
    case SSL_R_UNKNOWN_PROTOCOL:
        return GNUTLS_E_UNEXPECTED_PACKET;
    case SSL_R_UNEXPECTED_MESSAGE:
    case SSL_R_CCS_RECEIVED_EARLY:
        return GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET;
    case SSL_R_NO_SHARED_CIPHER:
    case SSL_R_NO_CIPHERS_AVAILABLE:
    case SSL_R_NO_SHARED_GROUPS:
    case SSL_R_NO_SUITABLE_KEY_SHARE:
    case SSL_R_NO_SHARED_SIGNATURE_ALGORITHMS:
    case SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM:
        return GNUTLS_E_NO_CIPHER_SUITES;
    case SSL_R_WRONG_CIPHER_RETURNED:
    case SSL_R_UNKNOWN_CIPHER_RETURNED:
        return GNUTLS_E_UNKNOWN_CIPHER_SUITE;
    case SSL_R_PACKET_LENGTH_TOO_LONG:
    case SSL_R_ENCRYPTED_LENGTH_TOO_LONG:
    case SSL_R_DATA_LENGTH_TOO_LONG:
        return GNUTLS_E_RECORD_OVERFLOW;
    case SSL_R_LENGTH_MISMATCH:
    case SSL_R_BAD_PACKET_LENGTH:
    case SSL_R_LENGTH_TOO_SHORT:
    case SSL_R_BAD_LENGTH:
    case SSL_R_RECORD_LENGTH_MISMATCH:
    case SSL_R_BAD_PACKET:
        return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    case SSL_R_BAD_SIGNATURE:
        return GNUTLS_E_PK_SIG_VERIFY_FAILED;
    case SSL_R_DIGEST_CHECK_FAILED:
        return GNUTLS_E_ERROR_IN_FINISHED_PACKET;
    case SSL_R_CERTIFICATE_VERIFY_FAILED:
        return GNUTLS_E_CERTIFICATE_ERROR;
    case SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE:
        return GNUTLS_E_NO_CERTIFICATE_FOUND;
    case SSL_R_NO_APPLICATION_PROTOCOL:
        return GNUTLS_E_NO_APPLICATION_PROTOCOL;
    case SSL_R_INAPPROPRIATE_FALLBACK:
        return GNUTLS_E_INAPPROPRIATE_FALLBACK;
    case SSL_R_UNSAFE_LEGACY_RENEGOTIATION_DISABLED:
    case SSL_R_NO_RENEGOTIATION:
        return GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED;
    case SSL_R_EXCESSIVE_MESSAGE_SIZE:
        return GNUTLS_E_HANDSHAKE_TOO_LARGE;
    case SSL_R_NO_CERTIFICATE_SET:
    case SSL_R_NO_CERTIFICATES_RETURNED:
    case SSL_R_MISSING_RSA_CERTIFICATE:
    case SSL_R_MISSING_RSA_SIGNING_CERT:
    case SSL_R_MISSING_ECDSA_SIGNING_CERT:
    case SSL_R_NO_PRIVATE_KEY_ASSIGNED:
        return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    case SSL_R_CA_MD_TOO_WEAK:
    case SSL_R_EE_KEY_TOO_SMALL:
    case SSL_R_DH_KEY_TOO_SMALL:
    case SSL_R_CA_KEY_TOO_SMALL:
        return GNUTLS_E_INSUFFICIENT_SECURITY;
    case SSL_R_BAD_KEY_SHARE:
    case SSL_R_BAD_EXTENSION:
    case SSL_R_BAD_ECPOINT:
    case SSL_R_BAD_DH_VALUE:
    case SSL_R_ILLEGAL_POINT_COMPRESSION:
    case SSL_R_BAD_PSK:
    case SSL_R_MISSING_SIGALGS_EXTENSION:
    case SSL_R_MISSING_SUPPORTED_GROUPS_EXTENSION:
        return GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER;
    case SSL_R_READ_TIMEOUT_EXPIRED: /* DTLS: OpenSSL's retransmission limit */
        return GNUTLS_E_TIMEDOUT;
    case SSL_R_TOO_MANY_WARN_ALERTS:
        return GNUTLS_E_WARNING_ALERT_RECEIVED;
    default:
        return 0;
    }
}

/* When OpenSSL failed on its own, the alert it sent says what went wrong. */
static int from_sent_alert(int desc)
{
    switch (desc) {
    case GNUTLS_A_BAD_RECORD_MAC:
    case GNUTLS_A_DECRYPTION_FAILED:
    case GNUTLS_A_DECRYPT_ERROR:
        return GNUTLS_E_DECRYPTION_FAILED;
    case GNUTLS_A_DECODE_ERROR:
        return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    case GNUTLS_A_ILLEGAL_PARAMETER:
        return GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER;
    case GNUTLS_A_UNEXPECTED_MESSAGE:
        return GNUTLS_E_UNEXPECTED_PACKET;
    case GNUTLS_A_PROTOCOL_VERSION:
        return GNUTLS_E_UNSUPPORTED_VERSION_PACKET;
    case GNUTLS_A_RECORD_OVERFLOW:
        return GNUTLS_E_RECORD_OVERFLOW;
    case GNUTLS_A_HANDSHAKE_FAILURE:
    case GNUTLS_A_INSUFFICIENT_SECURITY:
        return GNUTLS_E_NO_CIPHER_SUITES;
    case GNUTLS_A_NO_APPLICATION_PROTOCOL:
        return GNUTLS_E_NO_APPLICATION_PROTOCOL;
    case GNUTLS_A_BAD_CERTIFICATE:
    case GNUTLS_A_UNSUPPORTED_CERTIFICATE:
    case GNUTLS_A_CERTIFICATE_UNKNOWN:
    case GNUTLS_A_UNKNOWN_CA:
        return GNUTLS_E_CERTIFICATE_ERROR;
    case GNUTLS_A_CERTIFICATE_REQUIRED:
        return GNUTLS_E_CERTIFICATE_REQUIRED;
    default:
        return 0;
    }
}

static int is_nonfatal(int code);

static int eof_code(gnutls_session_t s)
{
    return s->eof_mid_record ? GNUTLS_E_UNEXPECTED_PACKET_LENGTH : GNUTLS_E_PREMATURE_TERMINATION;
}

static int translate_ssl_error(gnutls_session_t s)
{
    unsigned long e;
    int code = 0;
    /* The first queued error is the cause; later ones are consequences. */
    while (code == 0 && (e = ERR_get_error()) != 0) {
        if (ERR_GET_LIB(e) != ERR_LIB_SSL)
            continue;
        int reason = ERR_GET_REASON(e);
        gnossl_debug("gnossl: OpenSSL reason %d (%s)", reason, ERR_reason_error_string(e));
        if (reason == SSL_R_UNEXPECTED_EOF_WHILE_READING)
            code = eof_code(s);
        else if (reason >= SSL_AD_REASON_OFFSET && reason < SSL_AD_REASON_OFFSET + 256) {
            s->last_alert = reason - SSL_AD_REASON_OFFSET;
            code = GNUTLS_E_FATAL_ALERT_RECEIVED;
        } else if (reason == SSL_R_WRONG_VERSION_NUMBER && s->rd_hdr_last[0] >= 20 && s->rd_hdr_last[0] <= 24)
            code = GNUTLS_E_UNSUPPORTED_VERSION_PACKET; /* a TLS record with a bad version */
        else if (reason == SSL_R_LENGTH_TOO_SHORT && s->handshake_done)
            code = GNUTLS_E_DECRYPTION_FAILED; /* too short to hold a MAC */
        else if (reason == SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE && s->ssl != NULL &&
                 SSL_version(s->ssl) == TLS1_3_VERSION)
            code = GNUTLS_E_CERTIFICATE_REQUIRED; /* GnuTLS's TLS 1.3 server says so */
        else if (reason == SSL_R_NO_RENEGOTIATION && s->last_alert == GNUTLS_A_NO_RENEGOTIATION)
            /* The client refused our HelloRequest with a warning: GnuTLS
             * reports the warning (OpenSSL, however, ends the session). */
            code = GNUTLS_E_WARNING_ALERT_RECEIVED;
        else
            code = from_ssl_reason(reason);
    }
    /* An external key's callback failed (always taken, never left stale). */
    int ext_err = gnossl_privkey_ext_take_error();
    if (code == 0)
        code = ext_err;
    if (code == 0 && s->io_error != 0)
        code = s->io_error;
    if (code == 0 && s->fatal_alert_received)
        code = GNUTLS_E_FATAL_ALERT_RECEIVED;
    if (code == 0 && s->alert_sent_desc >= 0)
        code = from_sent_alert(s->alert_sent_desc);
    if (code == 0)
        code = GNUTLS_E_INTERNAL_ERROR;
    /* A GnuTLS server that shares no version with the client finds no
     * usable suite. */
    if (code == GNUTLS_E_UNSUPPORTED_VERSION_PACKET && s->is_server && !s->handshake_done)
        code = GNUTLS_E_NO_CIPHER_SUITES;
    return code;
}

int gnossl_code_is_fatal(int code)
{
    return !is_nonfatal(code);
}

static int is_nonfatal(int code)
{
    switch (code) {
    case 0:
    case GNUTLS_E_AGAIN:
    case GNUTLS_E_INTERRUPTED:
    case GNUTLS_E_WARNING_ALERT_RECEIVED:
    case GNUTLS_E_REHANDSHAKE:
    case GNUTLS_E_LARGE_PACKET:
    case GNUTLS_E_REAUTH_REQUEST:
        return 1;
    default:
        return 0;
    }
}

int gnossl_translate(gnutls_session_t s, int ssl_ret, enum gnossl_op op)
{
    if (s->dtls.warning_shutdown)
        gnossl_dtls_warning_done(s); /* before SSL_get_error reads it */
    int err = SSL_get_error(s->ssl, ssl_ret);
    int code;

    if (s->pending_error != 0) {
        code = s->pending_error;
        s->pending_error = 0;
    } else if (s->timed_out) {
        code = GNUTLS_E_TIMEDOUT;
    } else if (s->warning_alert_stopped) {
        code = GNUTLS_E_WARNING_ALERT_RECEIVED;
    } else if (s->fatal_alert_stopped) {
        code = GNUTLS_E_FATAL_ALERT_RECEIVED;
    } else {
        switch (err) {
        case SSL_ERROR_WANT_READ:
        case SSL_ERROR_WANT_WRITE:
            /* Also a TLS 1.3 post-handshake message processed with no I/O
             * blocking: GnuTLS returns AGAIN there too. */
            code = (s->io_blocked && s->last_errno == EINTR) ? GNUTLS_E_INTERRUPTED : GNUTLS_E_AGAIN;
            break;
        case SSL_ERROR_WANT_X509_LOOKUP:
        case SSL_ERROR_WANT_CLIENT_HELLO_CB:
        case SSL_ERROR_WANT_ASYNC:
        case SSL_ERROR_WANT_ASYNC_JOB:
            code = GNUTLS_E_AGAIN;
            break;
        case SSL_ERROR_ZERO_RETURN:
            /* close_notify: 0 for reads; GnuTLS's handshake lets its
             * internal SESSION_EOF through. */
            s->read_eof = 1;
            code = (op == GNOSSL_OP_READ || op == GNOSSL_OP_BYE) ? 0 : GNUTLS_E_SESSION_EOF;
            break;
        case SSL_ERROR_SYSCALL:
            if (s->io_error != 0)
                code = s->io_error;
            else if (s->io_eof)
                code = eof_code(s);
            else
                code = GNUTLS_E_PREMATURE_TERMINATION; /* 1.1.1-style EOF, errno 0 */
            break;
        case SSL_ERROR_SSL:
            code = translate_ssl_error(s);
            break;
        default:
            code = GNUTLS_E_INTERNAL_ERROR;
            break;
        }
    }
    err_clear_if_queued();
    if (!is_nonfatal(code)) {
        /* A failed push stops writing only (reads may still see the
         * peer's EOF or alert); anything else invalidates the session. */
        if (s->io_error_push && code == s->io_error) {
            /* A failed push stops record writing; a handshake retries it. */
            if (op == GNOSSL_OP_WRITE)
                s->may_not_write = 1;
        } else if (code != GNUTLS_E_TIMEDOUT || op == GNOSSL_OP_HANDSHAKE) {
            /* A record timeout may be retried (GnuTLS keeps the session);
             * a handshake that ran out of time is over. */
            s->invalid = 1;
        }
        gnossl_debug("gnossl: %s failed: %d (ssl error %d, errno %d)",
                     op == GNOSSL_OP_HANDSHAKE ? "handshake"
                     : op == GNOSSL_OP_READ    ? "read"
                     : op == GNOSSL_OP_WRITE   ? "write"
                                               : "bye",
                     code, err, s->last_errno);
    }
    return code;
}
