/* Base64 encoding and decoding with GnuTLS 3.7.9's exact rules (it uses
 * nettle's codec).  OpenSSL's EVP_Decode* accepts and rejects different
 * inputs (it stops at '-' differently, tolerates other padding), so the
 * small codec lives here. */
#include "gnossl.h"
#include "core/encoding.h"

#include <stdio.h>
#include <string.h>

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* 4 characters per started group of 3 bytes */
static size_t b64_len(size_t n)
{
    return (n + 2) / 3 * 4;
}

/* Writes b64_len(n) characters, with '=' padding, no NUL. */
static void b64_raw(const unsigned char *in, size_t n, char *out)
{
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = b64_alphabet[(v >> 6) & 63];
        *out++ = b64_alphabet[v & 63];
    }
    if (n - i == 1) {
        unsigned v = (unsigned)in[i] << 16;
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = '=';
        *out++ = '=';
    } else if (n - i == 2) {
        unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = b64_alphabet[(v >> 6) & 63];
        *out++ = '=';
    }
}

#define PEM_LINE_BYTES 48 /* 64 characters of base64 */
#define PEM_MAX_LABEL 50

int gnossl_base64_encode(const char *label, const unsigned char *data, size_t size, gnutls_datum_t *out)
{
    int framed = label != NULL && label[0] != 0;
    size_t label_len = framed ? strlen(label) : 0;
    size_t lines = (size + PEM_LINE_BYTES - 1) / PEM_LINE_BYTES;
    size_t total;
    char *buf, *p;

    if (label_len > PEM_MAX_LABEL)
        return GNOSSL_ERR(GNUTLS_E_BASE64_ENCODING_ERROR);
    if (size > (size_t)0x7fffffff / 2)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    total = b64_len(size);
    if (framed)
        total += lines /* newlines */ + (11 + label_len + 6) + (9 + label_len + 6);

    buf = gnutls_malloc(total + 1);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    p = buf;
    if (framed)
        p += sprintf(p, "-----BEGIN %s-----\n", label);
    for (size_t off = 0; off < size; off += PEM_LINE_BYTES) {
        size_t n = size - off < PEM_LINE_BYTES ? size - off : PEM_LINE_BYTES;
        b64_raw(data + off, n, p);
        p += b64_len(n);
        if (framed)
            *p++ = '\n';
    }
    if (framed)
        p += sprintf(p, "-----END %s-----\n", label);
    *p = 0;

    out->data = (unsigned char *)buf;
    out->size = (unsigned)(p - buf);
    return 0;
}

/* Decoder: a value 0..63, or one of these classes. */
enum { B64_BAD = -1, B64_SKIP = -2, B64_PAD = -3 };

static int b64_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    switch (c) {
    case '+':
        return 62;
    case '/':
        return 63;
    case '=':
        return B64_PAD;
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
        return B64_SKIP;
    default:
        return B64_BAD;
    }
}

int gnossl_base64_decode(const unsigned char *text, size_t size, gnutls_datum_t *out)
{
    unsigned char *buf;
    size_t n = 0;
    unsigned acc = 0, bits = 0, pads = 0;

    if (size == 0) {
        /* GnuTLS answers an empty input with an empty (allocated) result */
        out->data = gnutls_malloc(1);
        if (out->data == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        out->data[0] = 0;
        out->size = 0;
        return 0;
    }

    buf = gnutls_malloc(size / 4 * 3 + 3);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    for (size_t i = 0; i < size; i++) {
        unsigned char c = text[i];
        int v;
        /* CR, LF, space and tab are dropped before decoding, and a '-'
         * (a PEM footer) ends the text */
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        if (c == '-')
            break;
        v = b64_class(c);
        if (v == B64_SKIP)
            continue;
        if (v == B64_BAD)
            goto fail;
        if (v == B64_PAD) {
            /* at most two, only after a partial group whose spare bits are
             * zero; each pad stands for two missing bits */
            if (bits == 0 || pads > 2 || (acc & ((1u << bits) - 1)) != 0)
                goto fail;
            pads++;
            bits -= 2;
            continue;
        }
        if (pads)
            goto fail; /* data after padding */
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            buf[n++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    /* nothing decoded is an error too (GnuTLS checks the size) */
    if (n == 0 || bits != 0)
        goto fail;

    out->data = buf;
    out->size = (unsigned)n;
    return 0;

fail:
    gnutls_free(buf);
    gnossl_debug("base64: invalid input of %zu bytes", size);
    return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
}

int gnutls_base64_encode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    if (data == NULL || result == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_base64_encode(NULL, data->data, data->size, result);
}

int gnutls_base64_decode2(const gnutls_datum_t *b64_data, gnutls_datum_t *result)
{
    if (b64_data == NULL || result == NULL || (b64_data->data == NULL && b64_data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_base64_decode(b64_data->data, b64_data->size, result);
}
