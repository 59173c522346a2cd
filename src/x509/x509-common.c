/* Shared helpers of the x509 room: GnuTLS's buffer protocol, PEM armour,
 * public-key algorithm identification. */
#include "gnossl.h"
#include "x509/x509.h"
#include "core/encoding.h"
#include "core/algorithms.h"

#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/objects.h>
#include <string.h>

int gnossl_copy_out(void *buf, size_t *size, const void *data, size_t len)
{
    if (size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (buf == NULL || *size < len) {
        *size = len;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    if (len)
        memcpy(buf, data, len);
    *size = len;
    return 0;
}

int gnossl_copy_int_content(const ASN1_INTEGER *i, void *buf, size_t *size)
{
    unsigned char *der = NULL;
    int len = i2d_ASN1_INTEGER((ASN1_INTEGER *)i, &der);
    const unsigned char *p = der;
    long clen = 0;
    int tag, xc;
    if (len <= 0 || (ASN1_get_object(&p, &clen, &tag, &xc, len) & 0x80)) {
        OPENSSL_free(der);
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    int ret = gnossl_copy_out(buf, size, p, (size_t)clen);
    OPENSSL_free(der);
    return ret;
}

int gnossl_copy_str(char *buf, size_t *size, const char *s, size_t len)
{
    if (size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (buf == NULL || *size < len + 1) {
        *size = len + 1;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    if (len)
        memcpy(buf, s, len);
    buf[len] = 0;
    *size = len;
    return 0;
}

int gnossl_datum_set(gnutls_datum_t *d, const void *data, size_t len)
{
    d->data = gnutls_malloc(len + 1);
    if (d->data == NULL) {
        d->size = 0;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (len)
        memcpy(d->data, data, len);
    d->data[len] = 0;
    d->size = (unsigned)len;
    return 0;
}

/* PEM armour exactly as gnutls_pem_base64_encode2 writes it (core's). */
int gnossl_pem_encode(const char *label, const unsigned char *der, size_t len, gnutls_datum_t *out)
{
    return gnossl_base64_encode(label, der, len, out);
}

static int b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static const unsigned char *find_mem(const unsigned char *hay, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    if (l > n)
        return NULL;
    return memmem(hay, n, needle, l);
}

int gnossl_pem_decode_next(const gnutls_datum_t *data, size_t *pos, const char *const *labels,
                           gnutls_datum_t *der)
{
    const unsigned char *base = data->data + *pos;
    size_t avail = data->size > *pos ? data->size - *pos : 0;
    const unsigned char *best = NULL;
    size_t best_hdr = 0;

    if (data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
    for (unsigned i = 0; labels[i]; i++) {
        char hdr[80];
        snprintf(hdr, sizeof hdr, "-----BEGIN %s", labels[i]);
        const unsigned char *at = find_mem(base, avail, hdr);
        if (at && (best == NULL || at < best)) {
            best = at;
            best_hdr = strlen(hdr);
        }
    }
    if (best == NULL)
        return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);

    /* the body starts on the line after the header */
    const unsigned char *end = data->data + data->size;
    const unsigned char *p = best + best_hdr;
    while (p < end && *p != '\n')
        p++;
    const unsigned char *stop = find_mem(p, (size_t)(end - p), "-----END");
    if (stop == NULL)
        return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);

    unsigned char *out = gnutls_malloc((size_t)(stop - p) * 3 / 4 + 3);
    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    size_t n = 0;
    unsigned acc = 0, bits = 0, pad = 0;
    for (; p < stop; p++) {
        unsigned char c = *p;
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        if (c == '=') {
            pad++;
            continue;
        }
        int v = b64val(c);
        if (v < 0 || pad) {
            gnutls_free(out);
            return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (unsigned char)(acc >> bits);
        }
    }
    if (n == 0) {
        gnutls_free(out);
        return GNOSSL_ERR(GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
    }
    /* move past the END line */
    p = stop + 8;
    while (p < end && *p != '\n')
        p++;
    *pos = (size_t)(p - data->data);
    der->data = out;
    der->size = (unsigned)n;
    return 0;
}

int gnossl_export_fmt2(const char *label, const unsigned char *der, size_t len,
                       gnutls_x509_crt_fmt_t fmt, gnutls_datum_t *out)
{
    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (fmt == GNUTLS_X509_FMT_PEM)
        return gnossl_pem_encode(label, der, len, out);
    return gnossl_datum_set(out, der, len);
}

int gnossl_export_fmt(const char *label, const unsigned char *der, size_t len,
                      gnutls_x509_crt_fmt_t fmt, void *out, size_t *out_size)
{
    if (out_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (fmt != GNUTLS_X509_FMT_PEM)
        return gnossl_copy_out(out, out_size, der, len);
    gnutls_datum_t pem;
    int ret = gnossl_pem_encode(label, der, len, &pem);
    if (ret < 0)
        return ret;
    /* PEM output is a string: the needed size counts the NUL */
    if (out == NULL || *out_size < pem.size + 1) {
        *out_size = pem.size + 1;
        gnutls_free(pem.data);
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    memcpy(out, pem.data, pem.size);
    ((char *)out)[pem.size] = 0;
    *out_size = pem.size;
    gnutls_free(pem.data);
    return 0;
}

gnutls_pk_algorithm_t gnossl_pkey_algorithm(const EVP_PKEY *pkey)
{
    if (pkey == NULL)
        return GNUTLS_PK_UNKNOWN;
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
        return GNUTLS_PK_RSA;
    case EVP_PKEY_RSA_PSS:
        return GNUTLS_PK_RSA_PSS;
    case EVP_PKEY_DSA:
        return GNUTLS_PK_DSA;
    case EVP_PKEY_EC:
        return GNUTLS_PK_EC;
    case EVP_PKEY_ED25519:
        return GNUTLS_PK_EDDSA_ED25519;
    case EVP_PKEY_ED448:
        return GNUTLS_PK_EDDSA_ED448;
    case EVP_PKEY_X25519:
        return GNUTLS_PK_ECDH_X25519;
    case EVP_PKEY_X448:
        return GNUTLS_PK_ECDH_X448;
    case EVP_PKEY_DH:
        return GNUTLS_PK_DH;
    default:
        break;
    }
    if (EVP_PKEY_is_a(pkey, "GOST2012_256") || EVP_PKEY_is_a(pkey, "gost2012_256"))
        return GNUTLS_PK_GOST_12_256;
    return GNUTLS_PK_UNKNOWN;
}

gnutls_ecc_curve_t gnossl_pkey_curve(const EVP_PKEY *pkey)
{
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_ED25519:
        return GNUTLS_ECC_CURVE_ED25519;
    case EVP_PKEY_ED448:
        return GNUTLS_ECC_CURVE_ED448;
    case EVP_PKEY_X25519:
        return GNUTLS_ECC_CURVE_X25519;
    case EVP_PKEY_X448:
        return GNUTLS_ECC_CURVE_X448;
    case EVP_PKEY_EC:
        break;
    default:
        return GNUTLS_ECC_CURVE_INVALID;
    }
    char name[64];
    size_t len = 0;
    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len))
        return GNUTLS_ECC_CURVE_INVALID;
    int nid = OBJ_sn2nid(name);
    if (nid == NID_undef)
        nid = EC_curve_nist2nid(name);
    switch (nid) {
    case NID_X9_62_prime256v1:
        return GNUTLS_ECC_CURVE_SECP256R1;
    case NID_secp384r1:
        return GNUTLS_ECC_CURVE_SECP384R1;
    case NID_secp521r1:
        return GNUTLS_ECC_CURVE_SECP521R1;
    case NID_secp224r1:
        return GNUTLS_ECC_CURVE_SECP224R1;
    case NID_X9_62_prime192v1:
        return GNUTLS_ECC_CURVE_SECP192R1;
    default:
        return GNUTLS_ECC_CURVE_INVALID;
    }
}

unsigned gnossl_pkey_bits(const EVP_PKEY *pkey)
{
    if (pkey == NULL)
        return 0;
    unsigned bits = (unsigned)EVP_PKEY_get_bits(pkey);
    /* GnuTLS sizes EC keys by whole octets (P-521 is 528 bits) */
    if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC)
        bits = (bits + 7) / 8 * 8;
    return bits;
}

/* GnuTLS's key ID: a digest over the DER SubjectPublicKeyInfo. */
int gnossl_spki_key_id(const EVP_PKEY *pkey, unsigned flags, unsigned char *out, size_t *out_size)
{
    gnutls_digest_algorithm_t md = GNUTLS_DIG_SHA1;
    if (flags & (GNUTLS_KEYID_USE_BEST_KNOWN | GNUTLS_KEYID_USE_SHA512))
        md = GNUTLS_DIG_SHA512;
    else if (flags & GNUTLS_KEYID_USE_SHA256)
        md = GNUTLS_DIG_SHA256;
    if (out_size == NULL || pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    unsigned char *spki = NULL;
    int len = gnossl_i2d_pubkey(pkey, &spki);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    unsigned char dig[EVP_MAX_MD_SIZE];
    unsigned dlen = 0;
    int ok = EVP_Digest(spki, (size_t)len, dig, &dlen, gnossl_digest_fetch(md), NULL);
    OPENSSL_free(spki);
    if (!ok)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    return gnossl_copy_out(out, out_size, dig, dlen);
}
