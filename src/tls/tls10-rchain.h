/* TLS 1.0's chained IVs on the read side (tls10-rchain.c): the peer's
 * records followed as they are read, and re-encrypted for OpenSSL once one
 * of them was replaced. */
#ifndef GNOSSL_TLS_TLS10_RCHAIN_H
#define GNOSSL_TLS_TLS10_RCHAIN_H

#include "gnossl.h"
#include <openssl/bio.h>
#include <stddef.h>
#include <stdint.h>

struct prot;

/* From the transport, when the header of a ChangeCipherSpec record was
 * read on a TLS 1.0 session: start following the peer's records. */
void gnossl_rchain_start(gnutls_session_t s);
/* From the transport, bytes read from the wire, before the session's record
 * framing (rd_hdr_got, rd_body_left) takes them in. */
void gnossl_rchain_note(gnutls_session_t s, const unsigned char *p, size_t n);
/* pr holds the peer's keys: its iv becomes the IV OpenSSL opens the record
 * being read with (the last one whose header was read): 0 or -1. */
int gnossl_rchain_iv(const struct gnossl_seal *st, struct prot *pr);
/* The record being read (its plaintext a no_renegotiation warning) was
 * handed to OpenSSL as rec, whose successor has sequence number next_seq:
 * the peer's later records are re-encrypted onto OpenSSL's chain. */
void gnossl_rchain_replaced(gnutls_session_t s, const unsigned char *rec, size_t len, uint64_t next_seq);
/* Re-encryption is in the middle of a record: reads go to gnossl_rchain_pull. */
int gnossl_rchain_busy(gnutls_session_t s);
/* What OpenSSL reads: the wire's bytes (gnossl_transport_pull), or the
 * peer's records re-encrypted. */
int gnossl_rchain_pull(gnutls_session_t s, BIO *b, char *buf, int len);
/* The state, if any (gnossl_seal_free). */
void gnossl_rchain_free(gnutls_session_t s);

#endif
