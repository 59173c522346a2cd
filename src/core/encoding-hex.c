/* Hex helpers.  gnutls_hex_decode{,2} are strict (an even number of hex
 * digits, nothing else), while gnutls_hex2bin is lenient: it skips any
 * non-digit between pairs (the ':' of "00:ff") and takes whatever follows a
 * digit as its partner. */
#include "gnossl.h"
#include "core/encoding.h"

#include <string.h>

int gnossl_hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void gnossl_hex_encode(const unsigned char *data, size_t size, char *dst)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < size; i++) {
        *dst++ = digits[data[i] >> 4];
        *dst++ = digits[data[i] & 15];
    }
    *dst = 0;
}

/* Strict: hex_size even, every character a hex digit. */
static int hex_decode_strict(const unsigned char *hex, size_t hex_size, unsigned char *out)
{
    if (hex_size % 2)
        return -1;
    for (size_t i = 0; i < hex_size; i += 2) {
        int hi = gnossl_hex_value(hex[i]), lo = gnossl_hex_value(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i / 2] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
}

int gnutls_hex_encode(const gnutls_datum_t *data, char *result, size_t *result_size)
{
    size_t need;

    if (data == NULL || result_size == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    need = (size_t)data->size * 2 + 1;
    /* the size is left alone on a short buffer; on success it counts the NUL */
    if (result == NULL || *result_size < need)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    gnossl_hex_encode(data->data, data->size, result);
    *result_size = need;
    return 0;
}

int gnutls_hex_encode2(const gnutls_datum_t *data, gnutls_datum_t *result)
{
    size_t need;
    char *buf;

    if (data == NULL || result == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    need = (size_t)data->size * 2 + 1;
    buf = gnutls_malloc(need);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    gnossl_hex_encode(data->data, data->size, buf);
    result->data = (unsigned char *)buf;
    result->size = (unsigned)(need - 1);
    return 0;
}

int gnutls_hex_decode(const gnutls_datum_t *hex_data, void *result, size_t *result_size)
{
    size_t need;

    if (hex_data == NULL || result_size == NULL || (hex_data->data == NULL && hex_data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    need = hex_data->size / 2;
    if (*result_size < need)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    if (need && result == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (hex_decode_strict(hex_data->data, hex_data->size, result) < 0)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    *result_size = need;
    return 0;
}

int gnutls_hex_decode2(const gnutls_datum_t *hex_data, gnutls_datum_t *result)
{
    unsigned char *buf;
    size_t need;

    if (hex_data == NULL || result == NULL || (hex_data->data == NULL && hex_data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    need = hex_data->size / 2;
    buf = gnutls_malloc(need + 1);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (hex_decode_strict(hex_data->data, hex_data->size, buf) < 0) {
        gnutls_free(buf);
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    }
    result->data = buf;
    result->size = (unsigned)need;
    return 0;
}

int gnutls_hex2bin(const char *hex_data, size_t hex_size, void *bin_data, size_t *bin_size)
{
    const unsigned char *hex = (const unsigned char *)hex_data;
    unsigned char *out = bin_data;
    size_t i = 0, j = 0;

    if (bin_size == NULL || (hex == NULL && hex_size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    while (i < hex_size) {
        int hi = gnossl_hex_value(hex[i]), lo;
        if (hi < 0) {
            i++;
            continue;
        }
        if (j >= *bin_size)
            return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
        if (i + 1 >= hex_size)
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        /* the partner is consumed whatever it is; a non-digit ends the
         * number early, as strtoul would */
        lo = gnossl_hex_value(hex[i + 1]);
        out[j++] = (unsigned char)(lo < 0 ? hi : hi << 4 | lo);
        i += 2;
    }
    *bin_size = j;
    return 0;
}
