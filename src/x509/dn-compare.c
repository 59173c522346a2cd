/* Name matching as GnuTLS 3.7 does it (_gnutls_x509_compare_raw_dn): two
 * names are equal when their DER is, or else when their RFC 4514 strings
 * are.  So one value as PrintableString and as UTF8String matches, while
 * a difference in case does not (X509_NAME_cmp would fold it, which would
 * let a chain verify that GnuTLS rejects). */
#include "gnossl.h"
#include "x509/x509.h"

#include <string.h>

static int same_string(const X509_NAME *a, const X509_NAME *b)
{
    gnutls_datum_t sa = {NULL, 0}, sb = {NULL, 0};
    int eq = gnossl_dn_to_string(a, 0, &sa) >= 0 && gnossl_dn_to_string(b, 0, &sb) >= 0 &&
             sa.size == sb.size && memcmp(sa.data, sb.data, sa.size) == 0;
    gnutls_free(sa.data);
    gnutls_free(sb.data);
    return eq;
}

int gnossl_dn_equal(const X509_NAME *a, const X509_NAME *b)
{
    const unsigned char *da = NULL, *db = NULL;
    size_t la = 0, lb = 0;
    if (a == NULL || b == NULL || !X509_NAME_get0_der((X509_NAME *)a, &da, &la) ||
        !X509_NAME_get0_der((X509_NAME *)b, &db, &lb))
        return 0;
    if (la == lb && memcmp(da, db, la) == 0)
        return 1;
    /* canonical forms that differ (beyond case and spacing) never have
     * equal strings: a cheap early answer for the usual non-match */
    if (la == 0 || lb == 0 || X509_NAME_cmp(a, b) != 0)
        return 0;
    return same_string(a, b);
}

int gnossl_dn_equal_der(const gnutls_datum_t *der, const X509_NAME *b)
{
    if (der == NULL || der->data == NULL || der->size == 0)
        return 0;
    const unsigned char *p = der->data;
    X509_NAME *a = d2i_X509_NAME(NULL, &p, der->size);
    int eq = a != NULL && gnossl_dn_equal(a, b);
    X509_NAME_free(a);
    return eq;
}
