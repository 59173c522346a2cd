/* PEM framing: gnutls_pem_base64_* over the base64 codec. */
#include "gnossl.h"
#include "core/encoding.h"

#include <stdio.h>
#include <string.h>

/* GnuTLS builds "-----BEGIN label" in a 128-byte buffer, so a longer label
 * is silently cut; keep the same cut so the same texts match. */
#define PEM_HEADER_MAX 127

int gnossl_pem_decode(const char *label, const unsigned char *data, size_t size, gnutls_datum_t *out)
{
    static const char begin[] = "-----BEGIN ";
    static const char end[] = "-----END ";
    static const char dashes[] = "-----";
    char header[PEM_HEADER_MAX + 1];
    const unsigned char *p, *body, *stop;
    size_t left;

    if (data == NULL && size != 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    snprintf(header, sizeof header, "%s%s", begin, label ? label : "");
    p = size ? memmem(data, size, header, strlen(header)) : NULL;
    if (p == NULL) {
        gnossl_debug("PEM: no '%s' found", header);
        return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
    }
    left = size - (size_t)(p - data);
    if (left < 4 + strlen(end))
        return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);

    /* the header line ends at the next run of five dashes */
    body = memmem(p + 1, left - 1, dashes, strlen(dashes));
    if (body == NULL)
        return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
    body += strlen(dashes);
    left = size - (size_t)(body - data);

    stop = memmem(body, left, end, strlen(end));
    if (stop == NULL || stop - body < 4)
        return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);

    if (gnossl_base64_decode(body, (size_t)(stop - body), out) < 0)
        return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
    return 0;
}

int gnutls_pem_base64_encode(const char *msg, const gnutls_datum_t *data, char *result, size_t *result_size)
{
    gnutls_datum_t enc;
    int ret;

    if (data == NULL || result_size == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_base64_encode(msg, data->data, data->size, &enc);
    if (ret < 0)
        return ret;

    /* GnuTLS asks for room for a NUL but copies (and counts) only the text */
    if (result == NULL || *result_size < enc.size) {
        gnutls_free(enc.data);
        *result_size = (size_t)enc.size + 1;
        return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    memcpy(result, enc.data, enc.size);
    *result_size = enc.size;
    gnutls_free(enc.data);
    return 0;
}

int gnutls_pem_base64_encode2(const char *msg, const gnutls_datum_t *data, gnutls_datum_t *result)
{
    if (data == NULL || result == NULL || (data->data == NULL && data->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_base64_encode(msg, data->data, data->size, result);
}

int gnutls_pem_base64_decode(const char *header, const gnutls_datum_t *b64_data, unsigned char *result,
                             size_t *result_size)
{
    gnutls_datum_t dec;
    int ret;

    if (b64_data == NULL || result_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_pem_decode(header, b64_data->data, b64_data->size, &dec);
    if (ret < 0)
        return ret;

    return gnossl_datum_copy_out(&dec, result, result_size);
}

int gnutls_pem_base64_decode2(const char *header, const gnutls_datum_t *b64_data, gnutls_datum_t *result)
{
    if (b64_data == NULL || result == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_pem_decode(header, b64_data->data, b64_data->size, result);
}
