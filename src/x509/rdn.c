/* gnutls_x509_rdn_*: DER-encoded distinguished names given as bytes
 * (e.g. the CA names of a certificate request), decoded with d2i_X509_NAME. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509.h>

static X509_NAME *parse_name(const gnutls_datum_t *idn, int *err)
{
    *err = 0;
    if (idn == NULL || idn->data == NULL || idn->size == 0) {
        *err = GNUTLS_E_INVALID_REQUEST;
        return NULL;
    }
    const unsigned char *p = idn->data;
    X509_NAME *n = d2i_X509_NAME(NULL, &p, idn->size);
    if (n == NULL)
        *err = (idn->size < 2 || idn->data[0] != 0x30) ? GNUTLS_E_ASN1_TAG_ERROR : GNUTLS_E_ASN1_DER_ERROR;
    return n;
}

int gnutls_x509_rdn_get2(const gnutls_datum_t *idn, gnutls_datum_t *str, unsigned flags)
{
    int err;
    if (str == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME *n = parse_name(idn, &err);
    if (n == NULL)
        return GNOSSL_ERR(err);
    int ret = gnossl_dn_to_string(n, (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, str);
    X509_NAME_free(n);
    return ret;
}

int gnutls_x509_rdn_get(const gnutls_datum_t *idn, char *buf, size_t *sizeof_buf)
{
    gnutls_datum_t d;
    if (sizeof_buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*sizeof_buf > 0 && buf)
        buf[0] = 0;
    else
        *sizeof_buf = 0;
    int ret = gnutls_x509_rdn_get2(idn, &d, GNUTLS_X509_DN_FLAG_COMPAT);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, sizeof_buf, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_rdn_get_by_oid(const gnutls_datum_t *idn, const char *oid, unsigned indx, unsigned int raw_flag,
                               void *buf, size_t *sizeof_buf)
{
    int err;
    if (sizeof_buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME *n = parse_name(idn, &err);
    if (n == NULL)
        return GNOSSL_ERR(err);
    gnutls_datum_t d;
    int ret = gnossl_dn_get_by_oid(n, oid, indx, raw_flag, &d);
    X509_NAME_free(n);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, sizeof_buf, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_rdn_get_oid(const gnutls_datum_t *idn, unsigned indx, void *buf, size_t *sizeof_buf)
{
    int err;
    X509_NAME *n = parse_name(idn, &err);
    if (n == NULL)
        return GNOSSL_ERR(err);
    int ret = gnossl_dn_get_oid(n, indx, buf, sizeof_buf);
    X509_NAME_free(n);
    return ret;
}
