/* The "SRP base64" of libsrp password files (tpasswd): alphabet 0-9A-Za-z./,
 * no padding, the value right-aligned.  Encoding writes the leading
 * len % 3 bytes as a short group (with leading zero digits dropped) and the
 * rest as full 4-character groups; decoding right-aligns a leading partial
 * group the same way.  GnuTLS 3.7.9's quirks are kept so that password
 * files round-trip byte for byte:
 *  - a 2-byte leading group whose first byte and top bits are zero encodes
 *    as the digit of its first byte ('0'), not of its second;
 *  - in a group, only the last character must be valid: an invalid one
 *    elsewhere counts as absent and shortens the group (the missing bytes
 *    are left zero here, where GnuTLS leaves them unset). */
#include "gnossl.h"
#include "core/encoding.h"

#include <string.h>

static const char srp_alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./";

#define SRP_ABSENT 0xff

static unsigned srp_value(unsigned char c)
{
    const char *p;
    if (c == 0 || c >= 127)
        return SRP_ABSENT;
    p = strchr(srp_alphabet, c);
    return p ? (unsigned)(p - srp_alphabet) : SRP_ABSENT;
}

int gnossl_srp_base64_encode(const unsigned char *data, size_t size, gnutls_datum_t *out)
{
    size_t lead = size % 3, n = 0;
    char *buf = gnutls_malloc(size / 3 * 4 + 5);

    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (lead == 1) {
        unsigned b = data[0];
        if (b >> 6)
            buf[n++] = srp_alphabet[b >> 6];
        buf[n++] = srp_alphabet[b & 63];
    } else if (lead == 2) {
        unsigned b0 = data[0], b1 = data[1];
        unsigned mid = ((b0 & 15) << 2) | (b1 >> 6);
        if (b0 >> 4) {
            buf[n++] = srp_alphabet[b0 >> 4];
            buf[n++] = srp_alphabet[mid];
            buf[n++] = srp_alphabet[b1 & 63];
        } else if (mid) {
            buf[n++] = srp_alphabet[mid];
            buf[n++] = srp_alphabet[b1 & 63];
        } else {
            buf[n++] = srp_alphabet[b0 & 63]; /* GnuTLS's choice, see above */
        }
    }
    for (size_t i = lead; i < size; i += 3) {
        unsigned v = (unsigned)data[i] << 16 | (unsigned)data[i + 1] << 8 | data[i + 2];
        buf[n++] = srp_alphabet[v >> 18];
        buf[n++] = srp_alphabet[(v >> 12) & 63];
        buf[n++] = srp_alphabet[(v >> 6) & 63];
        buf[n++] = srp_alphabet[v & 63];
    }
    buf[n] = 0;
    out->data = (unsigned char *)buf;
    out->size = (unsigned)n;
    return 0;
}

/* One group of four characters (c[0] most significant) into three bytes;
 * returns how many of them count (1..3), or -1 when c[3] is invalid. */
static int srp_group(const unsigned char *c, unsigned char out[3])
{
    unsigned v0 = srp_value(c[0]), v1 = srp_value(c[1]), v2 = srp_value(c[2]), v3 = srp_value(c[3]);
    int count = 3;

    memset(out, 0, 3);
    if (v3 == SRP_ABSENT)
        return -1;
    out[2] = (unsigned char)v3;
    if (v2 != SRP_ABSENT)
        out[2] |= (unsigned char)((v2 & 3) << 6);
    if (v2 != SRP_ABSENT)
        out[1] = (unsigned char)((v2 & 0x3c) >> 2);
    if (v1 != SRP_ABSENT)
        out[1] |= (unsigned char)((v1 & 0x0f) << 4);
    else if (v2 == SRP_ABSENT || out[1] == 0)
        count--;
    if (v1 != SRP_ABSENT)
        out[0] = (unsigned char)((v1 & 0x30) >> 4);
    if (v0 != SRP_ABSENT)
        out[0] |= (unsigned char)(v0 << 2);
    else if (v1 == SRP_ABSENT || out[0] == 0)
        count--;
    return count;
}

int gnossl_srp_base64_decode(const unsigned char *text, size_t size, gnutls_datum_t *out)
{
    size_t lead = size % 4, total = size / 4 * 3 + (lead ? 3 : 0), pos = 0;
    unsigned char *buf = gnutls_malloc(total + 1), group[3];
    int n;

    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memset(buf, 0, total + 1);
    if (lead) {
        /* right-align the short leading group */
        unsigned char c[4] = { 0, 0, 0, 0 };
        memcpy(c + 4 - lead, text, lead);
        if ((n = srp_group(c, group)) < 0)
            goto fail;
        memcpy(buf, group + 3 - n, (size_t)n);
        pos = (size_t)n;
        total -= (size_t)(3 - n);
    }
    for (size_t i = lead; i < size; i += 4) {
        if ((n = srp_group(text + i, group)) < 0)
            goto fail;
        memcpy(buf + pos, group, (size_t)n);
        total -= (size_t)(3 - n);
        pos += 3;
    }
    out->data = buf;
    out->size = (unsigned)total;
    return 0;
fail:
    gnutls_free(buf);
    return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
}

int gnutls_srp_base64_encode(const gnutls_datum_t *data, char *result, size_t *result_size)
{
    gnutls_datum_t enc;
    int ret;

    if (data == NULL || result_size == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gnossl_srp_base64_encode(data->data, data->size, &enc)) < 0)
        return ret;
    /* unlike the PEM variant, no room for a NUL is asked or written */
    return gnossl_datum_copy_out(&enc, result, result_size);
}

int gnutls_srp_base64_encode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    if (data == NULL || result == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_srp_base64_encode(data->data, data->size, result);
}

int gnutls_srp_base64_decode(const gnutls_datum_t *b64_data, char *result, size_t *result_size)
{
    gnutls_datum_t dec;
    int ret;

    if (b64_data == NULL || result_size == NULL || (b64_data->data == NULL && b64_data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = gnossl_srp_base64_decode(b64_data->data, b64_data->size, &dec)) < 0)
        return ret;
    return gnossl_datum_copy_out(&dec, result, result_size);
}

int gnutls_srp_base64_decode2(const gnutls_datum_t *b64_data, gnutls_datum_t *result)
{
    if (b64_data == NULL || result == NULL || (b64_data->data == NULL && b64_data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_srp_base64_decode(b64_data->data, b64_data->size, result);
}
