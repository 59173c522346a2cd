/* Internationalised domain names: UTF-8 <-> ACE (punycode) labels.
 *
 * OpenSSL has no IDNA support; GnuTLS on Debian uses libidn2, and so do we,
 * with the same choices: ASCII input is passed through untouched (case kept),
 * IDNA2008 non-transitional processing first, and, unless the caller forces
 * IDNA2008, a transitional (IDNA2003-compatible) retry for names that 2008
 * disallows. */
#include "gnossl.h"

#include <idn2.h>
#include <stdlib.h>
#include <string.h>

static int is_ascii(const char *s, unsigned len)
{
    for (unsigned i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* Copy `len` bytes into a NUL-terminated gnutls_malloc'ed datum. */
static int copy_datum(const char *s, size_t len, gnutls_datum_t *out)
{
    out->data = gnutls_malloc(len + 1);
    if (out->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(out->data, s, len);
    out->data[len] = 0;
    out->size = (unsigned)len;
    return 0;
}

/* libidn2 takes NUL-terminated strings: an embedded NUL is invalid input. */
static char *terminated(const char *s, unsigned len, int *err)
{
    if (memchr(s, 0, len) != NULL) {
        *err = GNUTLS_E_INVALID_UTF8_STRING;
        return NULL;
    }
    char *z = malloc((size_t)len + 1);
    if (z == NULL) {
        *err = GNUTLS_E_MEMORY_ERROR;
        return NULL;
    }
    memcpy(z, s, len);
    z[len] = 0;
    return z;
}

int gnutls_idna_map(const char *input, unsigned ilen, gnutls_datum_t *out, unsigned flags)
{
    if (out == NULL || (input == NULL && ilen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ilen == 0 || is_ascii(input, ilen))
        return copy_datum(ilen ? input : "", ilen, out);

    int err = 0;
    char *in = terminated(input, ilen, &err);
    if (in == NULL)
        return GNOSSL_ERR(err);
    char *ace = NULL;
    int rc = idn2_to_ascii_8z(in, &ace, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
    if (rc == IDN2_DISALLOWED && !(flags & GNUTLS_IDNA_FORCE_2008))
        rc = idn2_to_ascii_8z(in, &ace, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
    free(in);
    if (rc != IDN2_OK) {
        gnossl_debug("idna_map: %s", idn2_strerror(rc));
        return GNOSSL_ERR(GNUTLS_E_INVALID_UTF8_STRING);
    }
    int ret = copy_datum(ace, strlen(ace), out);
    idn2_free(ace);
    return ret;
}

/* Well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values past
 * U+10FFFF, no NUL). */
static int valid_utf8(const unsigned char *p, unsigned len)
{
    unsigned i = 0;
    while (i < len) {
        unsigned c = p[i], n;
        unsigned long cp;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf)
            n = 1, cp = c & 0x1f;
        else if (c >= 0xe0 && c <= 0xef)
            n = 2, cp = c & 0x0f;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 3, cp = c & 0x07;
        else
            return 0;
        if (i + n >= len) /* truncated sequence */
            return 0;
        for (unsigned k = 1; k <= n; k++) {
            if ((p[i + k] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* Does any label start with the ACE prefix "xn--"? */
static int has_ace_label(const char *s, unsigned len)
{
    for (unsigned i = 0; i + 4 <= len; i++) {
        if ((i == 0 || s[i - 1] == '.') && strncasecmp(s + i, "xn--", 4) == 0)
            return 1;
    }
    return 0;
}

int gnutls_idna_reverse_map(const char *input, unsigned ilen, gnutls_datum_t *out, unsigned flags)
{
    (void)flags; /* GnuTLS defines no flags for the reverse direction */
    if (out == NULL || (input == NULL && ilen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ilen == 0)
        return copy_datum("", 0, out);
    if (!is_ascii(input, ilen)) {
        /* Already Unicode: returned as given when it is valid UTF-8. */
        if (!valid_utf8((const unsigned char *)input, ilen))
            return GNOSSL_ERR(GNUTLS_E_INVALID_UTF8_STRING);
        return copy_datum(input, ilen, out);
    }
    if (!has_ace_label(input, ilen))
        return copy_datum(input, ilen, out);

    int err = 0;
    char *in = terminated(input, ilen, &err);
    if (in == NULL)
        return GNOSSL_ERR(err);
    char *u8 = NULL;
    int rc = idn2_to_unicode_8z8z(in, &u8, 0);
    free(in);
    if (rc != IDN2_OK) {
        gnossl_debug("idna_reverse_map: %s", idn2_strerror(rc));
        return GNOSSL_ERR(GNUTLS_E_INVALID_UTF8_STRING);
    }
    int ret = copy_datum(u8, strlen(u8), out);
    idn2_free(u8);
    return ret;
}
