/* The extension getters by index shared by certificates, CRLs and requests
 * (gnutls_x509_{crt,crl,crq}_get_extension_info/data/data2): each object
 * finds the X509_EXTENSION, these write it out the GnuTLS way.  A NULL
 * extension (index past the end) is REQUESTED_DATA_NOT_AVAILABLE. */
#include "gnossl.h"
#include "x509/x509.h"

#include <string.h>

int gnossl_ext_info_out(const X509_EXTENSION *e, void *oid, size_t *oid_size, unsigned *critical)
{
    if (e == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    char txt[128];
    gnossl_oid_text(X509_EXTENSION_get_object((X509_EXTENSION *)e), txt, sizeof txt);
    int ret = gnossl_copy_str(oid, oid_size, txt, strlen(txt));
    if (ret == 0 && critical)
        *critical = X509_EXTENSION_get_critical(e) > 0;
    return ret;
}

int gnossl_ext_data_out(const X509_EXTENSION *e, void *data, size_t *size)
{
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
    if (e == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data((X509_EXTENSION *)e);
    return gnossl_datum_set(out, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
}
