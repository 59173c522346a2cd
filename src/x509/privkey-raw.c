/* gnutls_privkey_export_{rsa,ecc,dsa}_raw[2]: raw parameters of an abstract
 * private key, through the x509 key's exporters (the abstract key holds the
 * same EVP_PKEY).  The "2" forms take GNUTLS_EXPORT_FLAG_NO_LZ: integers
 * without the leading zero GnuTLS otherwise keeps for a set top bit. */
#include "gnossl.h"
#include "x509/x509.h"

#include <string.h>

static void strip_lz(gnutls_datum_t *d)
{
    if (d && d->data && d->size > 1 && d->data[0] == 0) {
        size_t z = 0;
        while (z < d->size - 1 && d->data[z] == 0)
            z++;
        memmove(d->data, d->data + z, d->size - z);
        d->size -= (unsigned)z;
    }
}

static void strip_all(unsigned flags, gnutls_datum_t **d, size_t n)
{
    if (!(flags & GNUTLS_EXPORT_FLAG_NO_LZ))
        return;
    for (size_t i = 0; i < n; i++)
        strip_lz(d[i]);
}

/* The abstract key seen as an x509 key (borrowing its EVP_PKEY). */
#define AS_X509(pk) (&(struct gnutls_x509_privkey_int){.pkey = (pk)->pkey})

int gnutls_privkey_export_rsa_raw2(gnutls_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e, gnutls_datum_t *d,
                                   gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *u, gnutls_datum_t *e1,
                                   gnutls_datum_t *e2, unsigned int flags)
{
    int ret;
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_x509_privkey_export_rsa_raw2(AS_X509(key), m, e, d, p, q, u, e1, e2);
    if (ret == 0)
        strip_all(flags, (gnutls_datum_t *[]){m, e, d, p, q, u, e1, e2}, 8);
    return ret;
}

int gnutls_privkey_export_rsa_raw(gnutls_privkey_t key, gnutls_datum_t *m, gnutls_datum_t *e, gnutls_datum_t *d,
                                  gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *u, gnutls_datum_t *e1,
                                  gnutls_datum_t *e2)
{
    return gnutls_privkey_export_rsa_raw2(key, m, e, d, p, q, u, e1, e2, 0);
}

int gnutls_privkey_export_ecc_raw2(gnutls_privkey_t key, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                   gnutls_datum_t *y, gnutls_datum_t *k, unsigned int flags)
{
    int ret;
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_x509_privkey_export_ecc_raw(AS_X509(key), curve, x, y, k);
    if (ret == 0)
        strip_all(flags, (gnutls_datum_t *[]){x, y, k}, 3);
    return ret;
}

int gnutls_privkey_export_ecc_raw(gnutls_privkey_t key, gnutls_ecc_curve_t *curve, gnutls_datum_t *x,
                                  gnutls_datum_t *y, gnutls_datum_t *k)
{
    return gnutls_privkey_export_ecc_raw2(key, curve, x, y, k, 0);
}

int gnutls_privkey_export_dsa_raw2(gnutls_privkey_t key, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *g,
                                   gnutls_datum_t *y, gnutls_datum_t *x, unsigned int flags)
{
    int ret;
    if (key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_x509_privkey_export_dsa_raw(AS_X509(key), p, q, g, y, x);
    if (ret == 0)
        strip_all(flags, (gnutls_datum_t *[]){p, q, g, y, x}, 5);
    return ret;
}

int gnutls_privkey_export_dsa_raw(gnutls_privkey_t key, gnutls_datum_t *p, gnutls_datum_t *q, gnutls_datum_t *g,
                                  gnutls_datum_t *y, gnutls_datum_t *x)
{
    return gnutls_privkey_export_dsa_raw2(key, p, q, g, y, x, 0);
}
