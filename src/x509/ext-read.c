/* The extension getters by index shared by certificates, CRLs and requests
 * (gnutls_x509_{crt,crl,crq}_get_extension_info/data/data2): each object
 * finds the X509_EXTENSION, these write it out the GnuTLS way.  A NULL
 * extension (index past the end) is REQUESTED_DATA_NOT_AVAILABLE; a NULL
 * size or datum, checked first, INVALID_REQUEST. */
#include "gnossl.h"
#include "x509/x509.h"

#include <string.h>

int gnossl_ext_info_out(const X509_EXTENSION *e, void *oid, size_t *oid_size, unsigned *critical)
{
    if (oid_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (e == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    int ret = gnossl_oid_copy_str(X509_EXTENSION_get_object((X509_EXTENSION *)e), oid, oid_size);
    if (ret == 0 && critical)
        *critical = X509_EXTENSION_get_critical(e) > 0;
    return ret;
}

int gnossl_ext_data_out(const X509_EXTENSION *e, void *data, size_t *size)
{
    if (size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (e == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data((X509_EXTENSION *)e);
    size_t n = (size_t)ASN1_STRING_length(v);
    if (data == NULL) {
        /* a size query succeeds here, unlike most getters */
        *size = n;
        return 0;
    }
    return gnossl_copy_out(data, size, ASN1_STRING_get0_data(v), n);
}

int gnossl_ext_data_datum(const X509_EXTENSION *e, gnutls_datum_t *out)
{
    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (e == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data((X509_EXTENSION *)e);
    return gnossl_datum_set(out, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
}

/* OCSP requests and responses hand out an extension's parts as new
 * datums; oid, critical and data may each be NULL. */
int gnossl_ext_datums(const X509_EXTENSION *e, gnutls_datum_t *oid, unsigned *critical, gnutls_datum_t *data)
{
    if (critical)
        *critical = X509_EXTENSION_get_critical(e) ? 1 : 0;
    if (oid) {
        char buf[128];
        gnossl_oid_text(X509_EXTENSION_get_object((X509_EXTENSION *)e), buf, sizeof buf);
        int ret = gnossl_datum_set(oid, buf, strlen(buf));
        if (ret < 0)
            return ret;
    }
    if (data) {
        const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data((X509_EXTENSION *)e);
        int ret = gnossl_datum_set(data, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
        if (ret < 0) {
            if (oid)
                gnutls_free(oid->data);
            return ret;
        }
    }
    return 0;
}
