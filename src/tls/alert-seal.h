/* Protecting an application's fatal alert ourselves, since OpenSSL cannot
 * send a chosen alert (alert-seal.c): TLS 1.3, TLS 1.2 AEAD, TLS 1.0-1.2
 * CBC suites, DTLS 1.0 / 1.2. */
#ifndef GNOSSL_TLS_ALERT_SEAL_H
#define GNOSSL_TLS_ALERT_SEAL_H

#include "gnossl.h"
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <stddef.h>
#include <stdint.h>

/* The largest record gnossl protects or opens itself (a CBC alert with an
 * HMAC-SHA384 is 85 bytes). */
#define GNOSSL_SEAL_MAX 128

/* The record protection state we follow, kept in the session (one pointer
 * from the message callback, which runs for every record header). */
struct gnossl_seal {
    unsigned char secret[EVP_MAX_MD_SIZE]; /* TLS 1.3 write traffic secret */
    unsigned secret_len;
    unsigned char rsecret[EVP_MAX_MD_SIZE]; /* TLS 1.3 read traffic secret */
    unsigned rsecret_len;
    uint64_t seq;  /* sequence number of the next record OpenSSL creates */
    int counting;  /* our write side uses the record protection we model */
    uint64_t rseq; /* TLS 1.2: sequence number of the next record OpenSSL reads */
    int rcounting; /* ...counted since the peer's ChangeCipherSpec */
    int tls12;     /* keys from the TLS 1.2 key block */
    int broken;    /* something we cannot follow happened */
    int dtls;      /* the SSL is DTLS: seq is the epoch and sequence number
                    * after the last record header written (write side only) */
    /* TLS 1.0 CBC: a record's IV is the last ciphertext block written
     * before it (the key block's IV after our ChangeCipherSpec) */
    int implicit_iv;            /* the transport reports what it writes */
    struct gnossl_chain *chain; /* what tls10-chain.c follows (TLS 1.0 only) */
    struct gnossl_rchain *rchain; /* the peer's chain (tls10-rchain.c, TLS 1.0 only) */
};

/* A new SSL for the session: nothing followed yet (from materialise). */
void gnossl_seal_reset(gnutls_session_t s, const SSL *ssl);
/* From the keylog dispatcher: remembers our TLS 1.3 write traffic secret. */
void gnossl_seal_note_secret(gnutls_session_t s, const char *label, const unsigned char *secret, unsigned len);
/* From the message callback, for a record header OpenSSL wrote (write_p) or
 * read: the sequence numbers.  Inline: it runs for every record. */
static inline void gnossl_seal_note_header(struct gnossl_seal *st, int write_p)
{
    if (write_p) {
        if (st->counting)
            st->seq++;
    } else if (st->rcounting) {
        st->rseq++;
    }
}
/* From the message callback, for a DTLS record header OpenSSL wrote. */
void gnossl_seal_note_dtls_header(struct gnossl_seal *st, const unsigned char *p, size_t len);
/* TLS 1.0: our record (its IV from the wire's chain) went out in place of
 * OpenSSL's record orig, whose successor has sequence number next_seq:
 * OpenSSL's later records are re-encrypted onto the wire's chain. */
void gnossl_seal_replaced(gnutls_session_t s, const unsigned char *orig, size_t orig_len, uint64_t next_seq);
/* From the transport, TLS 1.0 (implicit_iv): len bytes about to go out,
 * from the record framing the session has (tls10-chain.c); what to write
 * instead (buf itself unless OpenSSL's records are re-encrypted). */
const char *gnossl_seal_outgoing(gnutls_session_t s, const char *buf, int len);
/* What the session's record following holds (gnutls_deinit, a new SSL). */
void gnossl_seal_free(gnutls_session_t s);
/* TLS 1.0, our ChangeCipherSpec: the next record's IV is the key block's. */
void gnossl_seal_chain_restart(gnutls_session_t s);
/* TLS 1.0: the IV of our next record in iv, if a record went out since our
 * ChangeCipherSpec (1; 0: none did), or -1 when not followed. */
int gnossl_seal_chain_iv(const struct gnossl_seal *st, unsigned char *iv, size_t block);
/* TLS 1.0: whether gnossl_seal_chain_iv gives the IV of OpenSSL's next
 * record (ossl) rather than the wire's, which differ while OpenSSL's records
 * are re-encrypted; the previous setting. */
int gnossl_seal_chain_view(struct gnossl_seal *st, int ossl);
/* From the message callback, for what we write: ChangeCipherSpec and
 * handshake messages (headers: gnossl_seal_note_header). */
void gnossl_seal_note_record(gnutls_session_t s, int content_type, const unsigned char *p, size_t len);
/* From the message callback, for what we read: the peer's Finished and
 * KeyUpdate (read sequence numbers and TLS 1.3 keys). */
void gnossl_seal_note_read(gnutls_session_t s, int content_type, const unsigned char *p, size_t len);
/* Sequence number of the next record OpenSSL writes (peer = 0) or reads
 * (peer = 1): 0, or -1 when not followed. */
int gnossl_seal_seq(SSL *ssl, int peer, uint64_t *seq);
/* One record of content type `type` protected with our write key (peer = 0)
 * or, TLS 1.2 only, with the peer's (a record as the peer would have sent
 * it) at sequence number seq: 0, or -1 when the connection's record
 * protection is not one we can reproduce.  TLS 1.2 GCM/CCM: the 8-byte
 * explicit nonce is explicit_nonce (that of the record this one replaces:
 * OpenSSL's GCM nonces are a counter from a random start), or seq if NULL;
 * CBC: the explicit IV (one block) of the record replaced, or random.
 * TLS 1.0 (the IV is the last block written, explicit_nonce unused): a
 * record that replaces one of OpenSSL's must be followed by
 * gnossl_seal_replaced (ours) or gnossl_rchain_replaced (the peer's), which
 * re-encrypt OpenSSL's later records; a fatal alert needs neither.
 * DTLS: seq is the epoch and sequence number. */
int gnossl_seal_record(SSL *ssl, int peer, uint64_t seq, const unsigned char *explicit_nonce, int type,
                       const unsigned char *data, size_t len, unsigned char *out, size_t out_size, size_t *out_len);
/* Open a TLS 1.0-1.2 or DTLS record the peer sent, with sequence number
 * seq (DTLS: its epoch and sequence number): 0 and its plaintext, or -1
 * (CBC MAC-then-encrypt: 2-byte plaintexts only). */
int gnossl_seal_open(SSL *ssl, uint64_t seq, const unsigned char *rec, size_t rec_len, unsigned char *out,
                     size_t out_size, size_t *out_len);
/* The current record protection of our writes (peer = 0) or reads
 * (peer = 1): MAC key (CBC suites; AEAD: empty), key, IV (TLS 1.2 GCM/CCM:
 * the 4 implicit bytes) and the next sequence number, as
 * gnutls_record_get_state gives them (the data stay valid while the SSL
 * lives): 0 or -1. */
int gnossl_seal_state(SSL *ssl, int peer, gnutls_datum_t *mac, gnutls_datum_t *key, gnutls_datum_t *iv,
                      uint64_t *seq);
/* The TLS (1.0-1.2) key block of the current session, len bytes, with the
 * PRF of digest prf_digest ("MD5-SHA1" for TLS 1.0's): 0 or -1. */
int gnossl_seal_key_block(SSL *ssl, const char *prf_digest, unsigned char *out, size_t len);
/* One protected alert record in out, as the next record OpenSSL writes: 0,
 * or -1 as gnossl_seal_record. */
int gnossl_seal_alert(SSL *ssl, int level, int desc, unsigned char *out, size_t out_size, size_t *out_len);

#endif
