/* TLS 1.2 renegotiation refused with a no_renegotiation warning, as GnuTLS
 * applications do it, and warning alerts in general, over OpenSSL
 * (reneg-refuse.c). */
#ifndef GNOSSL_TLS_RENEG_REFUSE_H
#define GNOSSL_TLS_RENEG_REFUSE_H

#include "gnossl.h"
#include "tls/alert-seal.h"
#include <openssl/ssl.h>
#include <stdint.h>

struct gnossl_refuse {
    /* Client: OpenSSL's no_renegotiation warning, held until the
     * application decides (state), and what goes out in its place. */
    int state;
    int option_set;                       /* we set SSL_OP_NO_RENEGOTIATION */
    uint64_t seq;                         /* the held record's sequence number */
    unsigned char alert[GNOSSL_SEAL_MAX]; /* OpenSSL's record */
    unsigned alert_len;
    unsigned char empty[GNOSSL_SEAL_MAX]; /* an empty record with the same number */
    unsigned empty_len;
    unsigned char out[GNOSSL_SEAL_MAX];   /* what is going out */
    unsigned out_len, out_off;
    /* Any warning alert: OpenSSL writes a 2-byte application record in
     * its place (placeholder) and the BIO swallows it once ours is out. */
    int placeholder, swallow;
    unsigned char ph_alert[2];
    /* Server: a record of the client staged before OpenSSL sees it. */
    unsigned char in[GNOSSL_SEAL_MAX];
    unsigned in_len, in_served;
    int serving;
    int alert_after; /* a refusal was replaced: report it once served */
};

/* gnutls_deinit: the state, if any was allocated. */
void gnossl_refuse_free(gnutls_session_t s);
/* What the BIO hooks return when they leave the call to the BIO. */
#define GNOSSL_REFUSE_PASS (-1000)

/* Message callback: a client received a HelloRequest after the handshake. */
void gnossl_refuse_hello_request(gnutls_session_t s);
/* After SSL_read returned (the HelloRequest was processed). */
void gnossl_refuse_after_read(gnutls_session_t s);
/* A refusal is held: the application has not answered the HelloRequest. */
int gnossl_refuse_pending(gnutls_session_t s);
/* gnutls_alert_send: an alert in place of a held refusal, or any warning
 * alert after the handshake: 0, a GnuTLS error, or GNOSSL_REFUSE_PASS when
 * the caller's own paths apply. */
int gnossl_refuse_alert(gnutls_session_t s, int level, int desc);
/* BIO hooks: GNOSSL_REFUSE_PASS, or the result of the BIO call. */
int gnossl_refuse_write(gnutls_session_t s, BIO *b, const unsigned char *buf, int len);
int gnossl_refuse_read(gnutls_session_t s, BIO *b, char *buf, int len);

#endif
