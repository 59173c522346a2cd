/* OCSP responses a TLS 1.3 server stapled for the certificates after its
 * leaf (OpenSSL keeps only the leaf's). */
#ifndef GNOSSL_TLS_OCSP_CHAIN_H
#define GNOSSL_TLS_OCSP_CHAIN_H
#include "gnossl.h"
#include <stddef.h>

/* A client read a TLS 1.3 Certificate message (4-byte header included). */
void gnossl_ocsp_chain_note(gnutls_session_t s, const unsigned char *msg, size_t len);
/* The response stapled for peer certificate idx (> 0): its length, or -1. */
long gnossl_ocsp_chain_get(gnutls_session_t s, unsigned idx, const unsigned char **p);
void gnossl_ocsp_chain_free(gnutls_session_t s);

#endif
