/* Name matching as GnuTLS 3.7 does it (_gnutls_x509_compare_raw_dn): two
 * names are equal when their DER is, or else when their RFC 4514 strings
 * are.  So one value as PrintableString and as UTF8String matches, while
 * a difference in case does not (X509_NAME_cmp would fold it, which would
 * let a chain verify that GnuTLS rejects). */
#include "gnossl.h"
#include "x509/x509.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <openssl/x509_vfy.h>

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

int gnossl_x509_is_issuer(X509 *cert, X509 *issuer)
{
    if (cert == NULL || issuer == NULL || !gnossl_dn_equal(X509_get_issuer_name(cert), X509_get_subject_name(issuer)))
        return 0;
    const ASN1_OCTET_STRING *akid = X509_get0_authority_key_id(cert);
    const ASN1_OCTET_STRING *skid = X509_get0_subject_key_id(issuer);
    return akid == NULL || skid == NULL || ASN1_OCTET_STRING_cmp(akid, skid) == 0;
}

/* Stores whose path building follows these rules: OpenSSL looks issuers up
 * by canonical name, then asks check_issued, which here also wants the
 * names equal as GnuTLS has them and, for a trusted issuer, filed in the
 * bucket of the name asked for (when the store knows GnuTLS's table size,
 * kept in its ex_data), since GnuTLS looks nowhere else. */
static int size_idx = -1;
static pthread_once_t size_once = PTHREAD_ONCE_INIT;

static void size_init(void)
{
    size_idx = X509_STORE_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

static int gnutls_issued(X509_STORE_CTX *ctx, X509 *x, X509 *issuer)
{
    const X509_NAME *want = X509_get_issuer_name(x), *have = X509_get_subject_name(issuer);
    /* OpenSSL's own test, without the key usage (the verification reports
     * that one later, as with its default check) */
    int err = X509_check_issued(issuer, x);
    if ((err != X509_V_OK && err != X509_V_ERR_KEYUSAGE_NO_CERTSIGN && err != X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE) ||
        !gnossl_dn_equal(want, have))
        return 0;
    size_t size = (size_t)(uintptr_t)X509_STORE_get_ex_data(X509_STORE_CTX_get0_store(ctx), size_idx);
    if (size == 0)
        return 1;
    STACK_OF(X509) *untrusted = X509_STORE_CTX_get0_untrusted(ctx);
    for (int i = 0; i < sk_X509_num(untrusted); i++)
        if (sk_X509_value(untrusted, i) == issuer)
            return 1;
    return gnossl_dn_bucket(want, size) == gnossl_dn_bucket(have, size);
}

X509_STORE *gnossl_store_new(size_t buckets)
{
    pthread_once(&size_once, size_init);
    X509_STORE *s = X509_STORE_new();
    if (s == NULL)
        return NULL;
    X509_STORE_set_check_issued(s, gnutls_issued);
    if (size_idx < 0 || !X509_STORE_set_ex_data(s, size_idx, (void *)(uintptr_t)buckets)) {
        X509_STORE_free(s);
        return NULL;
    }
    return s;
}
