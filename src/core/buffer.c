/* gnutls_buffer_t: GnuTLS's growable byte buffer, the public
 * gnutls_buffer_append_data and the private _gnutls_buffer_* that
 * libgnutls-dane imports.  Callers declare the struct themselves (on their
 * stack) with GnuTLS's layout, so the layout below is part of the ABI:
 * allocd (the allocation), data (the unread start inside it), max_length
 * (bytes allocated), length (bytes held from data on).  Memory comes from
 * gnutls_malloc, as callers free what _gnutls_buffer_to_datum hands out
 * with gnutls_free. */
#include "gnossl.h"
#include "core/encoding.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct gnutls_buffer_st {
    uint8_t *allocd;
    uint8_t *data;
    size_t max_length;
    size_t length;
};

GNOSSL_EXPORT void _gnutls_buffer_init(struct gnutls_buffer_st *str);
GNOSSL_EXPORT void _gnutls_buffer_clear(struct gnutls_buffer_st *str);
GNOSSL_EXPORT int _gnutls_buffer_append_str(struct gnutls_buffer_st *str, const char *s);
GNOSSL_EXPORT int _gnutls_buffer_to_datum(struct gnutls_buffer_st *str, gnutls_datum_t *data, unsigned is_str);
GNOSSL_EXPORT void _gnutls_buffer_pop_datum(struct gnutls_buffer_st *str, gnutls_datum_t *data, size_t req_size);
GNOSSL_EXPORT int _gnutls_buffer_unescape(struct gnutls_buffer_st *str);

void _gnutls_buffer_init(struct gnutls_buffer_st *str)
{
    str->allocd = str->data = NULL;
    str->max_length = str->length = 0;
}

void _gnutls_buffer_clear(struct gnutls_buffer_st *str)
{
    if (str == NULL)
        return;
    gnutls_free(str->allocd);
    _gnutls_buffer_init(str);
}

int gnutls_buffer_append_data(gnutls_buffer_t str, const void *data, size_t data_size)
{
    size_t unread_off, need;

    if (str == NULL || (data == NULL && data_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (data_size == 0)
        return 0;
    unread_off = str->allocd ? (size_t)(str->data - str->allocd) : 0;
    if (str->length + data_size < str->length)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    need = str->length + data_size;
    if (unread_off + need > str->max_length) {
        if (need <= str->max_length) {
            /* Room before the unread part: slide it to the front. */
            memmove(str->allocd, str->data, str->length);
        } else {
            size_t cap = need > str->max_length * 2 ? need : str->max_length * 2;
            uint8_t *p = gnutls_malloc(cap);
            if (p == NULL)
                return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            if (str->length)
                memcpy(p, str->data, str->length);
            gnutls_free(str->allocd);
            str->allocd = p;
            str->max_length = cap;
        }
        str->data = str->allocd;
    }
    memcpy(str->data + str->length, data, data_size);
    str->length += data_size;
    return 0;
}

int _gnutls_buffer_append_str(struct gnutls_buffer_st *str, const char *s)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_buffer_append_data(str, s, strlen(s));
}

/* Hands the contents over (the buffer is left empty and owns nothing); with
 * is_str they are NUL terminated and the size does not count the NUL. */
int _gnutls_buffer_to_datum(struct gnutls_buffer_st *str, gnutls_datum_t *data, unsigned is_str)
{
    int ret;

    if (str == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (str->length == 0) {
        data->data = NULL;
        data->size = 0;
        _gnutls_buffer_clear(str);
        return 0;
    }
    if (is_str && (ret = gnutls_buffer_append_data(str, "", 1)) < 0) {
        _gnutls_buffer_clear(str);
        return ret;
    }
    if (str->data != str->allocd)
        memmove(str->allocd, str->data, str->length);
    data->data = str->allocd;
    data->size = (unsigned)(str->length - (is_str ? 1 : 0));
    _gnutls_buffer_init(str);
    return 0;
}

/* Takes up to req_size bytes off the front, pointing into the buffer. */
void _gnutls_buffer_pop_datum(struct gnutls_buffer_st *str, gnutls_datum_t *data, size_t req_size)
{
    if (str == NULL || data == NULL)
        return;
    if (str->length == 0) {
        data->data = NULL;
        data->size = 0;
        return;
    }
    if (req_size > str->length)
        req_size = str->length;
    data->data = str->data;
    data->size = (unsigned)req_size;
    str->data += req_size;
    str->length -= req_size;
    if (str->length == 0)
        str->data = str->allocd; /* empty again: reuse from the start */
}

/* URL-style unescaping in place: "%41" is 'A', "%%" is '%'. */
int _gnutls_buffer_unescape(struct gnutls_buffer_st *str)
{
    size_t in = 0, out = 0;

    if (str == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    while (in < str->length) {
        uint8_t c = str->data[in];
        if (c == '%' && in + 1 < str->length && str->data[in + 1] == '%') {
            in += 2;
        } else if (c == '%') {
            int hi, lo;
            if (in + 2 >= str->length)
                return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
            hi = gnossl_hex_value(str->data[in + 1]);
            lo = gnossl_hex_value(str->data[in + 2]);
            if (hi < 0 || lo < 0)
                return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
            c = (uint8_t)(hi * 16 + lo);
            in += 3;
        } else {
            in++;
        }
        str->data[out++] = c;
    }
    str->length = out;
    return 0;
}
