/* The GOST helpers that need no GOST crypto (OpenSSL 3.0 has none, so
 * gnossl can never import a GOST key: the *_import_gost_raw functions stay
 * stubs).
 *
 * A GOST R 34.10 signature value is s || r, two halves of equal size.  The
 * raw GOST exports answer as GnuTLS 3.7.9 does for the keys gnossl can hold:
 * the public-key getters refuse a non-GOST key, while the private-key ones
 * print the key's first three parameters little-endian, as GnuTLS prints
 * GOST's (RSA n, e, d; DSA p, q, g; ECDSA x, y, k; none for EdDSA). */
#include "gnossl.h"

#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <string.h>

int gnutls_encode_gost_rs_value(gnutls_datum_t *sig_value, const gnutls_datum_t *r, const gnutls_datum_t *s)
{
    if (sig_value == NULL || r == NULL || s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->size != r->size)
        return GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
    unsigned char *d = gnutls_malloc(2 * (size_t)r->size);
    if (d == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (r->size > 0) {
        memcpy(d, s->data, s->size);
        memcpy(d + s->size, r->data, r->size);
    }
    sig_value->data = d;
    sig_value->size = 2 * r->size;
    return 0;
}

/* A copy of N bytes; no bytes give a NULL datum, as GnuTLS's. */
static int set_datum(gnutls_datum_t *out, const unsigned char *p, unsigned n)
{
    out->data = NULL;
    out->size = 0;
    if (n == 0)
        return 0;
    if ((out->data = gnutls_malloc(n)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(out->data, p, n);
    out->size = n;
    return 0;
}

int gnutls_decode_gost_rs_value(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s)
{
    if (sig_value == NULL || r == NULL || s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (sig_value->size % 2 != 0)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    unsigned half = sig_value->size / 2;
    int ret = set_datum(s, sig_value->data, half);
    if (ret == 0 && (ret = set_datum(r, sig_value->data + half, half)) < 0)
        gnutls_free(s->data);
    return ret;
}

/* Big-endian (maybe with a leading zero) to GnuTLS's little-endian print:
 * no padding, in place. */
static int to_le(gnutls_datum_t *d)
{
    if (d->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned skip = 0;
    while (skip + 1 < d->size && d->data[skip] == 0)
        skip++;
    unsigned n = d->size - skip;
    memmove(d->data, d->data + skip, n);
    for (unsigned i = 0; i < n / 2; i++) {
        unsigned char t = d->data[i];
        d->data[i] = d->data[n - 1 - i];
        d->data[n - 1 - i] = t;
    }
    d->size = n;
    return 0;
}

static void drop(gnutls_datum_t *d)
{
    gnutls_free(d->data);
    d->data = NULL;
    d->size = 0;
}

int gnutls_x509_privkey_export_gost_raw(gnutls_x509_privkey_t key, gnutls_ecc_curve_t *curve,
                                        gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                        gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k)
{
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* the key's three first parameters, big-endian */
    gnutls_datum_t p[8] = {{NULL, 0}};
    gnutls_ecc_curve_t c = GNUTLS_ECC_CURVE_INVALID;
    int ret;
    switch (gnutls_x509_privkey_get_pk_algorithm(key)) {
    case GNUTLS_PK_RSA:
    case GNUTLS_PK_RSA_PSS:
        ret = gnutls_x509_privkey_export_rsa_raw(key, &p[0], &p[1], &p[2], &p[3], &p[4], &p[5]);
        break;
    case GNUTLS_PK_DSA:
        ret = gnutls_x509_privkey_export_dsa_raw(key, &p[0], &p[1], &p[2], &p[3], &p[4]);
        break;
    case GNUTLS_PK_ECDSA:
        ret = gnutls_x509_privkey_export_ecc_raw(key, &c, &p[0], &p[1], &p[2]);
        break;
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_EDDSA_ED448:
        /* GnuTLS keeps EdDSA keys out of its parameter array: only the
         * curve is there */
        ret = gnutls_x509_privkey_export_ecc_raw(key, &c, &p[0], &p[1], &p[2]);
        for (int i = 0; i < 3; i++)
            drop(&p[i]);
        break;
    default:
        ret = 0;
    }
    if (ret < 0)
        return ret;
    if (curve != NULL)
        *curve = c;
    if (digest != NULL)
        *digest = GNUTLS_DIG_UNKNOWN;
    if (paramset != NULL)
        *paramset = GNUTLS_GOST_PARAMSET_UNKNOWN;
    gnutls_datum_t *out[3] = {x, y, k};
    int n = 0;
    for (; n < 3 && ret == 0; n++)
        if (out[n] != NULL && (ret = to_le(&p[n])) == 0) {
            *out[n] = p[n];
            p[n].data = NULL;
        }
    if (ret < 0)
        for (int i = 0; i < n - 1; i++)
            if (out[i] != NULL)
                drop(out[i]);
    for (int i = 0; i < 8; i++)
        drop(&p[i]);
    return ret;
}

int gnutls_privkey_export_gost_raw2(gnutls_privkey_t key, gnutls_ecc_curve_t *curve,
                                    gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                    gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k, unsigned int flags)
{
    gnutls_x509_privkey_t xk;
    (void)flags; /* GNUTLS_EXPORT_FLAG_NO_LZ: a little-endian print has no leading zero */
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_privkey_export_x509(key, &xk);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_privkey_export_gost_raw(xk, curve, digest, paramset, x, y, k);
    gnutls_x509_privkey_deinit(xk);
    return ret;
}

/* GnuTLS gives a GOST public key only from a GOST key, which gnossl never
 * holds. */
int gnutls_pubkey_export_gost_raw2(gnutls_pubkey_t key, gnutls_ecc_curve_t *curve, gnutls_digest_algorithm_t *digest,
                                   gnutls_gost_paramset_t *paramset, gnutls_datum_t *x, gnutls_datum_t *y,
                                   unsigned int flags)
{
    (void)key, (void)curve, (void)digest, (void)paramset, (void)x, (void)y, (void)flags;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_x509_crt_get_pk_gost_raw(gnutls_x509_crt_t crt, gnutls_ecc_curve_t *curve,
                                    gnutls_digest_algorithm_t *digest, gnutls_gost_paramset_t *paramset,
                                    gnutls_datum_t *x, gnutls_datum_t *y)
{
    (void)crt, (void)curve, (void)digest, (void)paramset, (void)x, (void)y;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}
