/* gnutls_pkcs7_attrs_t: GnuTLS's list of (OID, DER value) attributes for
 * PKCS#7 signing and signature info; new entries go to the front, as in
 * GnuTLS (so a list reads back in reverse order of addition). */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <string.h>

int gnutls_pkcs7_add_attr(gnutls_pkcs7_attrs_t *list, const char *oid, gnutls_datum_t *data, unsigned flags)
{
    if (list == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct gnutls_pkcs7_attrs_st *r = gnutls_calloc(1, sizeof(*r));
    if (r == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret;
    if (flags & GNUTLS_PKCS7_ATTR_ENCODE_OCTET_STRING) {
        ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
        unsigned char *der = NULL;
        int n = os && ASN1_OCTET_STRING_set(os, data->data, (int)data->size) ? i2d_ASN1_OCTET_STRING(os, &der) : -1;
        ret = n > 0 ? gnossl_datum_set(&r->data, der, (size_t)n) : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        OPENSSL_free(der);
        ASN1_OCTET_STRING_free(os);
    } else {
        ret = gnossl_datum_set(&r->data, data->data, data->size);
    }
    size_t l = strlen(oid);
    r->oid = ret >= 0 ? gnutls_malloc(l + 1) : NULL;
    if (r->oid == NULL) {
        gnutls_free(r->data.data);
        gnutls_free(r);
        return ret < 0 ? ret : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(r->oid, oid, l + 1);
    r->next = *list;
    *list = r;
    return 0;
}

int gnutls_pkcs7_get_attr(gnutls_pkcs7_attrs_t list, unsigned idx, char **oid, gnutls_datum_t *data, unsigned flags)
{
    struct gnutls_pkcs7_attrs_st *p = list;
    for (unsigned i = 0; i < idx && p; i++)
        p = p->next;
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    if (oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *oid = p->oid;
    if (!(flags & GNUTLS_PKCS7_ATTR_ENCODE_OCTET_STRING))
        return gnossl_datum_set(data, p->data.data, p->data.size);
    const unsigned char *q = p->data.data;
    ASN1_OCTET_STRING *os = p->data.size ? d2i_ASN1_OCTET_STRING(NULL, &q, (long)p->data.size) : NULL;
    if (os == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(data, ASN1_STRING_get0_data(os), (size_t)ASN1_STRING_length(os));
    ASN1_OCTET_STRING_free(os);
    return ret;
}

void gnutls_pkcs7_attrs_deinit(gnutls_pkcs7_attrs_t list)
{
    while (list) {
        struct gnutls_pkcs7_attrs_st *next = list->next;
        gnutls_free(list->oid);
        gnutls_free(list->data.data);
        gnutls_free(list);
        list = next;
    }
}
