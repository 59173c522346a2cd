/* The session struct, private to the tls room (other rooms use session.h).
 *
 * Everything the application sets before the handshake is recorded here;
 * gnossl_session_materialise() turns it into an SSL at the first
 * gnutls_handshake.  The transport fields are read by the custom BIO
 * (transport.c), which also records what happened on the wire so that the
 * translator (translate.c) can produce GnuTLS's exact codes. */
#ifndef GNOSSL_TLS_SESSION_INT_H
#define GNOSSL_TLS_SESSION_INT_H

#include "gnossl.h"
#include "tls/session.h"
#include "tls/dtls.h"
#include "tls/reneg-refuse.h"
#include "tls/alert-seal.h"
#include <openssl/ssl.h>
#include <stdint.h>
#include <sys/types.h>

#define GNOSSL_MAX_RECORD 16384u
#define GNOSSL_BINDER_MAX 64u

/* Buffers that getters hand out (valid until gnutls_deinit), allocated at
 * the first such call: few applications make one. */
struct gnossl_session_out {
    unsigned char client_random[32], server_random[32], master_secret[48]; /* info.c */
    unsigned char state_mac[2][EVP_MAX_MD_SIZE], state_key[2][32], state_iv[2][16]; /* gnossl_seal_state */
};

struct gnutls_session_int {
    unsigned init_flags;
    int is_server;
    void *user_ptr;

    /* Recorded before the handshake. */
    gnutls_priority_t priority;
    void *cred[GNUTLS_CRD_IA + 1]; /* indexed by gnutls_credentials_type_t */
    char *server_name;
    unsigned char *alpn_wire; /* length-prefixed list, as OpenSSL takes it */
    unsigned alpn_wire_len;
    unsigned alpn_flags;
    SSL_SESSION *resume_sess; /* decoded from gnutls_session_set_data's blob */
    int resumption_requested;
    /* server: OpenSSL accepted a session ticket in this handshake (early.c);
     * tells ticket resumption from an external TLS 1.3 PSK, which OpenSSL
     * also reports as "reused" */
    int ticket_accepted;
    int ticket_key_set;
    unsigned char *ticket_key; /* gnutls_session_ticket_enable_server (64 bytes) */
    unsigned handshake_timeout_ms;
    unsigned max_record; /* gnutls_record_set_max_size */
    int allow_private_ext;

    /* Hooks and callbacks. */
    gnutls_handshake_hook_func hook;
    unsigned hook_htype;
    int hook_when;
    gnutls_keylog_func keylog;
    int keylog_set; /* the application replaced the default */

    /* Transport. */
    gnutls_transport_ptr_t recv_ptr, send_ptr;
    gnutls_pull_func pull;
    gnutls_push_func push;
    gnutls_vec_push_func vec_push;
    gnutls_pull_timeout_func pull_timeout;
    gnutls_errno_func errno_func;
    int pull_set_without_timeout; /* custom pull but no pull_timeout */
    int set_errno;    /* gnutls_transport_set_errno, reset before each I/O */
    int last_errno;   /* errno of the last failed transport call */
    int direction;    /* 0 read, 1 write: last transport operation */
    int io_error;     /* GnuTLS code of a hard transport error, 0 = none */
    int io_error_push; /* ...which came from the push side */
    int io_blocked;   /* the last transport call asked to retry */
    int io_eof;       /* the peer closed the transport */
    int eof_mid_record; /* ...in the middle of a record */
    size_t bytes_this_call; /* read by the current gnutls_* call */
    /* Record framing as seen on the wire, to tell a clean EOF at a record
     * boundary (-110) from a truncated record (-9). */
    unsigned char rd_hdr[5];
    unsigned char rd_hdr_last[5]; /* the last complete header */
    unsigned rd_hdr_got;
    unsigned rd_body_left;

    unsigned record_timeout_ms; /* gnutls_record_set_timeout */
    int in_record_recv;

    /* Hello extensions seen (for gnutls_session_etm_status). */
    int etm_negotiated;
    char *ch_server_name; /* SNI of the ClientHello, for post_client_hello */
    void *ssl_cert_cred;   /* certificate credentials the SSL's CTX came from */

    /* Server-side session cache through the application (gnutls_db_*). */
    gnutls_db_store_func db_store;
    gnutls_db_retr_func db_retrieve;
    gnutls_db_remove_func db_remove;
    void *db_ptr;
    int db_expiration;
    gnutls_handshake_simple_hook_func post_client_hello;
    unsigned dh_min_bits;
    /* TLS 1.2 finite-field DHE parameters seen in the ServerKeyExchange */
    gnutls_group_t dh_group;
    unsigned dh_prime_bits, dh_peer_pub_bits;

    /* Deadline of the current handshake (CLOCK_MONOTONIC ms), 0 = none. */
    uint64_t hs_deadline;
    int timed_out;

    /* The SSL, from the first gnutls_handshake on.  (Flags that are only
     * ever 0 or 1 are bytes, in runs: two sessions per connection.) */
    SSL *ssl;
    unsigned char handshake_done;
    unsigned char hs_in_progress;
    unsigned char invalid;       /* a fatal error happened: further I/O gives -10 */
    unsigned char read_eof;      /* close_notify received: recv keeps returning 0 */
    unsigned char may_not_write; /* after bye */
    unsigned char may_not_read;

    /* Alerts (from the message callback). */
    int last_alert;         /* description of the last alert received */
    int alert_sent_desc;    /* last alert OpenSSL sent, -1 = none */
    /* The received message whose POST hook is due once OpenSSL processed
     * it, with a copy of its body (only when a POST hook matched it). */
    unsigned char *post_hook_body;
    size_t post_hook_len;
    int post_hook_type;
    unsigned char post_hook_due;
    unsigned char stop_warning_alert; /* make the next read stop to report -16 */
    unsigned char stop_fatal_alert;   /* a TLS 1.3 alert OpenSSL would ignore: -12 */
    unsigned char warning_alert_stopped;
    unsigned char fatal_alert_stopped;
    unsigned char fatal_alert_received;
    unsigned char ticket_received;
    unsigned char hello_sid[32]; /* legacy_session_id of our ClientHello */
    unsigned hello_sid_len;
    int ticket_sent;
    int cert_requested; /* the server sent a CertificateRequest */
    int hs_last_in, hs_last_out;

    /* Error a callback (cred room) wants the current call to return. */
    int pending_error;

    /* gnutls_record_send retry rule: the plaintext of a record that
     * OpenSSL accepted but could not flush. */
    unsigned char *send_pending;
    size_t send_pending_len;
    int send_pending_corked; /* it holds corked bytes: an uncork blocked */

    uint64_t recv_records; /* for gnutls_record_recv_seq */

    /* gnutls_record_cork */
    int corked;
    unsigned char *cork_buf;
    size_t cork_len, cork_cap;

    unsigned char key_update_pending;
    unsigned char rehandshake_requested; /* TLS 1.2 HelloRequest / ClientHello after the handshake */
    unsigned char stop_rehandshake;      /* make the next read stop to report -37 */
    unsigned char rehandshake_stopped;
    unsigned char in_renegotiation_step; /* gnutls_handshake drives a renegotiation */
    unsigned char reauth_requested, stop_reauth, reauth_stopped; /* client: post-handshake CertificateRequest */
    unsigned char reauth_in_progress, reauth_done;               /* server: gnutls_reauth */
    unsigned char reauth_answer_due; /* client: REAUTH_REQUEST returned, gnutls_reauth not yet called */
    unsigned char stop_after_renegotiation;
    unsigned char rehandshake_sent;
    unsigned char hello_request_pending; /* server: HelloRequest out, renegotiation not done */
    unsigned char in_hello_request_wait; /* DTLS server: gnutls_rehandshake waits for the answer */
    unsigned char reneg_started;         /* ...the client's ClientHello came in */

    /* gnutls_bye state: 0 nothing sent, 1 close_notify sent, 2 ours
     * protected by us and held (its push failed: gnossl_alert_close_sealed). */
    int bye_state;
    int app_alert_write; /* the transport writes an alert the application asked for */
    unsigned char *held_alert; /* an alert OpenSSL wrote on its own, not yet sent (GNOSSL_SEAL_MAX bytes, on first use) */
    unsigned held_alert_len;
    int fatal_alert_wanted; /* the application asked for one inside the handshake */
    int own_alert_sent;     /* gnossl sent the application's fatal alert (alert-seal.c): nothing more goes out */
    unsigned char wr_hdr[5]; /* record framing of what was written */
    unsigned wr_hdr_got, wr_body_left;

    struct gnossl_dtls dtls; /* GNUTLS_DATAGRAM sessions (dtls.c) */
    struct gnossl_refuse *refuse; /* TLS 1.2 renegotiation refusals and warnings (reneg-refuse.c), on first use */
    struct gnossl_seal seal;     /* record protection and sequence numbers we follow (alert-seal.c) */

    /* OCSP status request (client): asked for explicitly; last verification
     * found a valid stapled response (gnutls_ocsp_status_request_is_checked). */
    int status_request_enabled;
    int ocsp_check_ok;
    /* TLS 1.3: responses stapled for certificates after the leaf, by
     * position in the peer's chain (ocsp-chain.c) */
    gnutls_datum_t *ocsp_chain;
    unsigned ocsp_chain_n;

    /* TLS 1.3 early data (early.c): client, what to send; server, what
     * was received. */
    unsigned char *early_buf;
    size_t early_len, early_cap, early_off;
    int early_done;
    unsigned max_early_data; /* server, 0 = default */
    gnutls_anti_replay_t anti_replay;
    unsigned char *early_binder; /* first PSK binder of the hello (GNOSSL_BINDER_MAX bytes, on first use) */
    unsigned early_binder_len;
    /* gnutls_early_cipher_get: the hello carries early data (server: it
     * announced some; client: some was sent), and the suite of the ticket
     * it is encrypted under; GnuTLS answers only during that handshake. */
    int early_ext_seen;
    const SSL_CIPHER *early_cipher;

    /* Things other rooms keep on the session. */
    struct gnossl_verify_request verify;
    void *cred_state;
    void (*cred_state_free)(void *);
    struct gnossl_ext_custom *ext_custom; /* application hello extensions (ext-custom.c) */
    struct gnossl_session_out *out;       /* gnossl_session_out() */
};

/* session.c: the session's getter buffers, NULL when out of memory. */
struct gnossl_session_out *gnossl_session_out(gnutls_session_t s);

/* transport.c */
BIO *gnossl_transport_bio_new(gnutls_session_t s);
/* The session of a transport BIO (NULL for any other BIO or NULL): how
 * gnossl_session_from_ssl finds it, without ex_data on every SSL. */
gnutls_session_t gnossl_transport_session(BIO *b);
void gnossl_transport_reset_io(gnutls_session_t s);
void gnossl_transport_defaults(gnutls_session_t s);
/* Wait up to ms for readable data with the session's pull_timeout:
 * >0 ready, 0 timed out, <0 error. */
int gnossl_transport_wait(gnutls_session_t s, unsigned ms);
/* Read from the transport for the BIO (after its stop points and waits). */
int gnossl_transport_pull(gnutls_session_t s, BIO *b, char *buf, int len);
/* Write bytes of our own through the BIO (not OpenSSL's: never held). */
int gnossl_transport_write_own(gnutls_session_t s, BIO *b, const unsigned char *p, size_t n);
/* The held-alert buffer (GNOSSL_SEAL_MAX bytes), allocated on first use;
 * NULL when out of memory. */
unsigned char *gnossl_transport_held_alert_buf(gnutls_session_t s);
/* Send the alert OpenSSL wrote when a call failed (held back: GnuTLS sends
 * alerts only when the application asks); 0 or a GnuTLS error. */
int gnossl_transport_send_held_alert(gnutls_session_t s);

/* translate.c: the one place OpenSSL outcomes become GnuTLS codes.
 * `op` is what was running (for EOF and alert semantics). */
enum gnossl_op { GNOSSL_OP_HANDSHAKE, GNOSSL_OP_READ, GNOSSL_OP_WRITE, GNOSSL_OP_BYE };
int gnossl_translate(gnutls_session_t s, int ssl_ret, enum gnossl_op op);
int gnossl_code_is_fatal(int code);
/* Clear the per-call state before an SSL_* call whose outcome we translate. */
void gnossl_translate_begin(gnutls_session_t s);

/* handshake.c */
int gnossl_session_materialise(gnutls_session_t s);
uint64_t gnossl_now_ms(void);

/* msg callback (alerts.c) */
void gnossl_msg_callback(int write_p, int version, int content_type, const void *buf, size_t len,
                         SSL *ssl, void *arg);

/* The POST hook of a received message, due once OpenSSL processed it:
 * run it (if due), run it if it is of this type, forget it (deinit). */
void gnossl_run_post_hooks(gnutls_session_t s);
void gnossl_run_post_hook_now(gnutls_session_t s, int type);
void gnossl_drop_post_hook(gnutls_session_t s);
void gnossl_info_callback(const SSL *ssl, int where, int ret);
/* gnutls_bye after OpenSSL failed on its own: our close_notify protected
 * by us; 1 sent, 0 not possible, or a GnuTLS error from the transport. */
int gnossl_alert_close_sealed(gnutls_session_t s);

/* ext.c, resume.c: apply what was recorded to the new SSL */
int gnossl_ext_apply(gnutls_session_t s);
int gnossl_resume_apply(gnutls_session_t s);

int gnossl_ext_check_after_handshake(gnutls_session_t s);
int gnossl_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                       const unsigned char *in, unsigned int inlen, void *arg);

/* ctx.c */
SSL *gnossl_bare_server_ssl(int dtls);

/* db.c: server session cache through the application */
int gnossl_db_new_session(SSL *ssl, SSL_SESSION *sess);
SSL_SESSION *gnossl_db_get_session(SSL *ssl, const unsigned char *id, int idlen, int *copy);

/* keylog.c */
void gnossl_keylog_dispatch(const SSL *ssl, const char *line);
int gnossl_keylog_env_wanted(void);
void gnossl_keylog_attach(gnutls_session_t s);

/* early.c */
void gnossl_early_ctx_setup(SSL_CTX *ctx);
void gnossl_early_note_hello(gnutls_session_t s, SSL *ssl);
void gnossl_early_apply(gnutls_session_t s);
int gnossl_early_step(gnutls_session_t s);
int gnossl_early_accepted(gnutls_session_t s);
void gnossl_early_free(gnutls_session_t s);

/* info.c */
int gnossl_session_version(gnutls_session_t s); /* GnuTLS protocol id or 0 */


/* The priorities say %NO_EXTENSIONS (ext.c). */
int gnossl_session_no_extensions(gnutls_session_t s);

/* Whether the negotiated version is TLS 1.3.  Never compare versions with
 * < or >=: DTLS version numbers (0xFEFF, 0xFEFD) are above TLS1_3_VERSION. */
static inline int gnossl_ssl_is_tls13(const SSL *ssl)
{
    return SSL_version(ssl) == TLS1_3_VERSION;
}

#endif
