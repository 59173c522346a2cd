/* Decoded session blobs for gnutls_session_set_data (resume-cache.c). */
#ifndef GNOSSL_TLS_RESUME_CACHE_H
#define GNOSSL_TLS_RESUME_CACHE_H

#include <openssl/ssl.h>
#include <stddef.h>

/* A new SSL_SESSION (the caller's) decoded from `blob`, or NULL if it is not
 * one; repeated blobs are decoded once and copied. */
SSL_SESSION *gnossl_session_decode(const unsigned char *blob, size_t len);

#endif
