/* TLS feature extension (RFC 7633, "Must-Staple"): a list of TLS extension
 * numbers the certificate's holder promises to send. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#define MAX_FEATURES 64 /* GnuTLS keeps at most this many */

struct gnutls_x509_tlsfeatures_st {
    unsigned short feature[MAX_FEATURES];
    unsigned size;
};

int gnutls_x509_tlsfeatures_init(gnutls_x509_tlsfeatures_t *f)
{
    if (f == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *f = calloc(1, sizeof **f);
    return *f == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_x509_tlsfeatures_deinit(gnutls_x509_tlsfeatures_t f)
{
    free(f);
}

int gnutls_x509_tlsfeatures_get(gnutls_x509_tlsfeatures_t f, unsigned idx, unsigned *feature)
{
    if (f == NULL || feature == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (idx >= f->size)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *feature = f->feature[idx];
    return 0;
}

int gnutls_x509_tlsfeatures_add(gnutls_x509_tlsfeatures_t f, unsigned feature)
{
    if (f == NULL || feature > 0xffff)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (f->size >= MAX_FEATURES)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    f->feature[f->size++] = (unsigned short)feature;
    return 0;
}

/* Add the features of a decoded list to f (emptied first unless
 * appending; duplicates skipped, as GnuTLS does). */
static int features_add(STACK_OF(ASN1_INTEGER) *list, gnutls_x509_tlsfeatures_t f, unsigned flags)
{
    if (!(flags & GNUTLS_EXT_FLAG_APPEND))
        f->size = 0;
    int ret = 0;
    for (int i = 0; i < sk_ASN1_INTEGER_num(list) && ret == 0; i++) {
        long v = ASN1_INTEGER_get(sk_ASN1_INTEGER_value(list, i));
        if (v < 0 || v > 0xffff) {
            ret = GNOSSL_ERR(GNUTLS_E_CERTIFICATE_ERROR);
            break;
        }
        unsigned dup = 0;
        for (unsigned j = 0; j < f->size && !dup; j++)
            dup = f->feature[j] == (unsigned)v;
        if (!dup)
            ret = gnutls_x509_tlsfeatures_add(f, (unsigned)v);
    }
    return ret;
}

int gnossl_tlsfeatures_import(const unsigned char *der, size_t len, gnutls_x509_tlsfeatures_t f, unsigned flags)
{
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    X509_EXTENSION *e = NULL;
    STACK_OF(ASN1_INTEGER) *list = NULL;
    if (os && ASN1_OCTET_STRING_set(os, der, (int)len))
        e = X509_EXTENSION_create_by_NID(NULL, NID_tlsfeature, 0, os);
    if (e)
        list = X509V3_EXT_d2i(e);
    X509_EXTENSION_free(e);
    ASN1_OCTET_STRING_free(os);
    ERR_clear_error();
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = features_add(list, f, flags);
    sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
    return ret;
}

int gnutls_x509_crt_get_tlsfeatures(gnutls_x509_crt_t cert, gnutls_x509_tlsfeatures_t f, unsigned flags,
                                    unsigned *critical)
{
    if (cert == NULL || cert->x509 == NULL || f == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = 0;
    STACK_OF(ASN1_INTEGER) *list = X509_get_ext_d2i(cert->x509, NID_tlsfeature, &crit, NULL);
    if (list == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = features_add(list, f, flags);
    sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
    if (ret == 0 && critical != NULL)
        *critical = crit > 0;
    return ret;
}

/* Does `crt` promise every feature in `feat`? (An issuer's features must
 * be repeated by the certificates it signs.) */
unsigned gnutls_x509_tlsfeatures_check_crt(gnutls_x509_tlsfeatures_t feat, gnutls_x509_crt_t crt)
{
    if (feat == NULL || crt == NULL)
        return 0;
    if (feat->size == 0)
        return 1;
    gnutls_x509_tlsfeatures_t own;
    if (gnutls_x509_tlsfeatures_init(&own) < 0)
        return 0;
    unsigned ok = 0;
    if (gnutls_x509_crt_get_tlsfeatures(crt, own, 0, NULL) == 0 && own->size >= feat->size) {
        ok = 1;
        for (unsigned i = 0; i < feat->size && ok; i++) {
            unsigned found = 0;
            for (unsigned j = 0; j < own->size && !found; j++)
                found = own->feature[j] == feat->feature[i];
            ok = found;
        }
    }
    gnutls_x509_tlsfeatures_deinit(own);
    return ok;
}

STACK_OF(ASN1_INTEGER) *gnossl_tlsfeatures_stack(gnutls_x509_tlsfeatures_t f)
{
    STACK_OF(ASN1_INTEGER) *list = sk_ASN1_INTEGER_new_null();
    for (unsigned i = 0; list && i < f->size; i++) {
        ASN1_INTEGER *v = ASN1_INTEGER_new();
        if (v == NULL || !ASN1_INTEGER_set(v, f->feature[i]) || !sk_ASN1_INTEGER_push(list, v)) {
            ASN1_INTEGER_free(v);
            sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
            return NULL;
        }
    }
    return list;
}

int gnutls_x509_crt_set_tlsfeatures(gnutls_x509_crt_t crt, gnutls_x509_tlsfeatures_t features)
{
    if (crt == NULL || features == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(ASN1_INTEGER) *list = gnossl_tlsfeatures_stack(features);
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = gnossl_crt_put_ext(crt, NID_tlsfeature, list, 0);
    sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
    return ret;
}
