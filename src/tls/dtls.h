/* DTLS state of a session (GNUTLS_DATAGRAM), private to the tls room.
 *
 * The SSL comes from the credentials' DTLS SSL_CTX; dtls.c adds the MTU
 * (OpenSSL never probes: SSL_OP_NO_QUERY_MTU), a timer callback that
 * follows gnutls_dtls_set_timeouts, the waits of a blocking handshake
 * (pull_timeout until the next retransmission or the total timeout), and
 * GnuTLS's stateless cookies. */
#ifndef GNOSSL_TLS_DTLS_H
#define GNOSSL_TLS_DTLS_H

#include "gnossl.h"
#include <gnutls/dtls.h>
#include <openssl/ssl.h>
#include <stdint.h>

#define GNOSSL_SRTP_MAX 4

struct gnossl_dtls {
    unsigned mtu;          /* gnutls_dtls_set_mtu: the datagram size */
    unsigned retrans_ms;   /* first retransmission timeout */
    uint64_t next_timeout; /* OpenSSL's retransmission timer (wall-clock us), 0 = off */
    int prestate_set;      /* gnutls_dtls_prestate_set: the cookie was verified */
    gnutls_dtls_prestate_st prestate;
    int listened;          /* ...and OpenSSL consumed that ClientHello */
    int timer_retry;       /* the BIO stopped waiting so that OpenSSL retransmits */
    int expired;           /* the handshake timed out: later calls say so again */
    int too_large;         /* a handshake datagram was refused with EMSGSIZE */
    unsigned char read_seq[8]; /* epoch | sequence of the last application record read */
    unsigned app_headers;  /* application record headers OpenSSL read (alert.c) */
    unsigned discarded;    /* ...that gave no data: bad MAC, replayed */
    int discarding;        /* the BIO drops what it is given (discard_queued) */
    unsigned char warning_shutdown; /* RECEIVED_SHUTDOWN set to end a warning alert's loop */
    uint64_t alert_seq;    /* epoch | sequence of the last no_renegotiation taken (dtls-alert.c) */
    size_t discarded_bytes;
    size_t last_write_len; /* size of the last datagram given to the push */
    int etm_state;                  /* dtls-etm.c: 0 unknown, 1 checking, -1 not */
    unsigned char etm_mac_key[64];  /* the peer's MAC key (encrypt-then-MAC) */
    unsigned etm_mac_len;
    const void *etm_md;             /* ...and its digest (an EVP_MD) */
    int client_etm;                 /* a server: the ClientHello offered encrypt-then-MAC (alert.c) */
    uint16_t srtp[GNOSSL_SRTP_MAX]; /* gnutls_srtp_set_profile* (srtp.c) */
    unsigned n_srtp;
    struct gnossl_dtls_sent *sent; /* dtls-hook.c: the handshake message being sent (hooks only) */
};

struct gnutls_session_int;

/* What the BIO answers OpenSSL's question for the IP and UDP overhead:
 * OpenSSL refuses link MTUs below 256 minus it (dtls.c). */
#define GNOSSL_DTLS_MTU_OVERHEAD 255

/* OpenSSL packs a flight's records into one datagram up to its MTU but
 * counts no AEAD nonce and tag: the length of the first datagram to send
 * of these n bytes, whole records within the MTU (n when they fit, or
 * when the first record alone is larger). */
size_t gnossl_dtls_datagram_cut(struct gnutls_session_int *s, const unsigned char *p, size_t n);

/* gnutls_init(GNUTLS_DATAGRAM): GnuTLS's defaults (MTU 1200, 1 s, 60 s). */
void gnossl_dtls_init(struct gnutls_session_int *s);
/* On the new SSL: DTLS 0.9 (dtls09.c), MTU, timer, no MTU queries. */
int gnossl_dtls_apply(struct gnutls_session_int *s);
/* The DTLS 0.9 part of it (dtls09.c). */
int gnossl_dtls09_prepare(struct gnutls_session_int *s, SSL *ssl);
/* Before a handshake step: a server whose cookie was verified lets OpenSSL
 * take the ClientHello that carried it.  >0 go on, otherwise a GnuTLS code. */
int gnossl_dtls_handshake_pre(struct gnutls_session_int *s);
/* After a handshake step: should it run again (a blocking session waited
 * until a retransmission was due)?  Also remembers a timeout. */
int gnossl_dtls_after_step(struct gnutls_session_int *s, int *code);
/* The push failed with EMSGSIZE.  In a handshake the datagram is dropped
 * (returns 1: report it written) and the step returns LARGE_PACKET; OpenSSL
 * retransmits the flight fragmented to the MTU set meanwhile.  Otherwise
 * (returns 0) the write fails, with LARGE_PACKET. */
int gnossl_dtls_push_too_large(struct gnutls_session_int *s);
/* The transport BIO, before a read in a handshake: wait as GnuTLS does.
 * 1 = read now; 0 = return -1 (timed_out / io_error / retry flag set). */
int gnossl_dtls_wait(struct gnutls_session_int *s, BIO *b);
/* BIO_CTRL_DGRAM_SET_NEXT_TIMEOUT from OpenSSL (struct timeval *). */
void gnossl_dtls_set_next_timeout(struct gnutls_session_int *s, const void *tv);
/* gnutls_record_send: GNUTLS_E_LARGE_PACKET when n exceeds the data MTU. */
int gnossl_dtls_check_send(struct gnutls_session_int *s, size_t n);
/* gnutls_record_recv: `headers` application records were read by one
 * SSL_read, which returned data (from the last of them) or not. */
void gnossl_dtls_count_discarded(struct gnutls_session_int *s, unsigned headers, int got_data);
/* The message callback saw a warning alert (not close_notify): make
 * OpenSSL's read drop it and return; the read reports it (-16). */
void gnossl_dtls_warning_in(struct gnutls_session_int *s, SSL *ssl);
/* After the SSL_* call that read it: take that shutdown flag back. */
void gnossl_dtls_warning_done(struct gnutls_session_int *s);
/* dtls-etm.c: drop from a received datagram the records of the first
 * epoch whose encrypt-then-MAC tag is wrong (GnuTLS discards them; OpenSSL
 * 3.0 ends the session); the datagram's new length. */
int gnossl_dtls_etm_filter(struct gnutls_session_int *s, unsigned char *buf, int len);
/* dtls-alert.c: remove from a received datagram a no_renegotiation
 * warning (OpenSSL 3.0 would end the session on it) and have the read
 * report it; the datagram's new length. */
int gnossl_dtls_alert_filter(struct gnutls_session_int *s, unsigned char *buf, int len);
/* dtls-hook.c (only while a handshake hook is set): the transport BIO
 * shows each datagram it is given, whose epoch-0 handshake fragments are
 * kept.  The message callback's report of a message gnossl sent (msg, len:
 * DTLS framing) has each fragment's header written over the body bytes
 * before it: body (a copy of msg's body) gets back what was sent.  Every
 * fragment but the last went out before OpenSSL wrote the next one's
 * header, so what the BIO saw covers every overwritten byte. */
void gnossl_dtls_hook_sent(struct gnutls_session_int *s, const unsigned char *p, size_t n);
void gnossl_dtls_hook_repair(struct gnutls_session_int *s, const unsigned char *msg, size_t len, unsigned char *body);
void gnossl_dtls_hook_free(struct gnutls_session_int *s);
/* srtp.c: offer/accept the SRTP profiles set on the session. */
int gnossl_srtp_apply(struct gnutls_session_int *s);
/* Cookie callbacks on a DTLS server SSL_CTX (called from ctx.c). */
void gnossl_dtls_ctx_setup(SSL_CTX *ctx);

#endif
