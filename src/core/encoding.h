/* Base64, PEM and hex helpers shared by the rooms (owned by
 * src/core/encoding*.c).  They follow GnuTLS 3.7.9 byte for byte: output
 * memory comes from gnutls_malloc, and is NUL-terminated one past size. */
#ifndef GNOSSL_CORE_ENCODING_H
#define GNOSSL_CORE_ENCODING_H

#include "gnossl.h"

#include <string.h>

/* Base64 of data.  With a label: "-----BEGIN label-----\n", 64-character
 * lines each ending in "\n", "-----END label-----\n".  With a NULL or empty
 * label: one unbroken line, no newline.  A label over 50 characters gives
 * GNUTLS_E_BASE64_ENCODING_ERROR. */
int gnossl_base64_encode(const char *label, const unsigned char *data, size_t size, gnutls_datum_t *out);

/* Decodes base64 text: CR, LF, space and tab are skipped, a '-' ends the
 * text, padding must be exact.  Empty input gives an empty result.
 * Errors: GNUTLS_E_BASE64_DECODING_ERROR. */
int gnossl_base64_decode(const unsigned char *text, size_t size, gnutls_datum_t *out);

/* Finds the first "-----BEGIN label" (any label when NULL) in data and
 * decodes its body up to "-----END ".  Errors:
 * GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR (no such header),
 * GNUTLS_E_BASE64_DECODING_ERROR (everything else). */
int gnossl_pem_decode(const char *label, const unsigned char *data, size_t size, gnutls_datum_t *out);

/* libsrp's base64 (SRP password files), as GnuTLS 3.7.9 writes and reads
 * it; see encoding-srp.c.  Decoding errors: GNUTLS_E_BASE64_DECODING_ERROR. */
int gnossl_srp_base64_encode(const unsigned char *data, size_t size, gnutls_datum_t *out);
int gnossl_srp_base64_decode(const unsigned char *text, size_t size, gnutls_datum_t *out);

/* The value of a hex digit (either case); -1 for any other character. */
int gnossl_hex_value(int c);

/* Lower-case hex of data into dst, which must hold 2*size+1 bytes (NUL). */
void gnossl_hex_encode(const unsigned char *data, size_t size, char *dst);

/* Hands a result over under GnuTLS's fixed-buffer protocol, as the PEM and
 * SRP codecs do: copied when *result_size is enough (which then holds its
 * size), else GNUTLS_E_SHORT_MEMORY_BUFFER with the size needed.  Frees
 * d->data either way. */
static inline int gnossl_datum_copy_out(gnutls_datum_t *d, void *result, size_t *result_size)
{
    int ret = 0;

    if (result == NULL || *result_size < d->size)
        ret = GNUTLS_E_SHORT_MEMORY_BUFFER;
    else
        memcpy(result, d->data, d->size);
    *result_size = d->size;
    gnutls_free(d->data);
    return ret;
}

#endif
