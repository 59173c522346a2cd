/* gnutls_x509_crq_*: extensions by index and OID, attributes, key and
 * signature OIDs, RSA key parameters, TLS features, private key usage
 * period and other-name OIDs of requests. */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/pkcs-int.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

#define CRQ_ARGS(c)                                                                                                    \
    do {                                                                                                               \
        if ((c) == NULL || (c)->req == NULL)                                                                           \
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);                                                               \
    } while (0)

/* The extension at indx (owned by *exts, which the caller frees). */
static X509_EXTENSION *ext_at(gnutls_x509_crq_t crq, unsigned indx, STACK_OF(X509_EXTENSION) **exts)
{
    *exts = X509_REQ_get_extensions(crq->req);
    ERR_clear_error();
    if ((int)indx >= sk_X509_EXTENSION_num(*exts))
        return NULL;
    return sk_X509_EXTENSION_value(*exts, (int)indx);
}

static void exts_free(STACK_OF(X509_EXTENSION) *exts)
{
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
}

int gnutls_x509_crq_get_extension_info(gnutls_x509_crq_t crq, unsigned indx, void *oid, size_t *sizeof_oid,
                                       unsigned int *critical)
{
    CRQ_ARGS(crq);
    STACK_OF(X509_EXTENSION) *exts;
    int ret = gnossl_ext_info_out(ext_at(crq, indx, &exts), oid, sizeof_oid, critical);
    if (ret == 0)
        *sizeof_oid += 1; /* GnuTLS counts the NUL here */
    exts_free(exts);
    return ret;
}

int gnutls_x509_crq_get_extension_data(gnutls_x509_crq_t crq, unsigned indx, void *data, size_t *sizeof_data)
{
    CRQ_ARGS(crq);
    STACK_OF(X509_EXTENSION) *exts;
    int ret = gnossl_ext_data_out(ext_at(crq, indx, &exts), data, sizeof_data);
    exts_free(exts);
    return ret;
}

int gnutls_x509_crq_get_extension_data2(gnutls_x509_crq_t crq, unsigned indx, gnutls_datum_t *data)
{
    CRQ_ARGS(crq);
    STACK_OF(X509_EXTENSION) *exts;
    int ret = gnossl_ext_data_datum(ext_at(crq, indx, &exts), data);
    exts_free(exts);
    return ret;
}

static int ext_by_oid(gnutls_x509_crq_t crq, const char *oid, unsigned indx, gnutls_datum_t *out, unsigned *critical)
{
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    ERR_clear_error();
    int ret = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    for (int i = 0; i < sk_X509_EXTENSION_num(exts); i++) {
        X509_EXTENSION *e = sk_X509_EXTENSION_value(exts, i);
        char txt[128];
        gnossl_oid_text(X509_EXTENSION_get_object(e), txt, sizeof txt);
        if (strcmp(txt, oid) != 0 || indx-- > 0)
            continue;
        const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(e);
        ret = gnossl_datum_set(out, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
        if (ret == 0 && critical)
            *critical = X509_EXTENSION_get_critical(e) > 0;
        break;
    }
    /* not found: GnuTLS's search leaves the flag of the last extension
     * it looked at */
    if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE && critical && sk_X509_EXTENSION_num(exts) > 0)
        *critical =
            X509_EXTENSION_get_critical(sk_X509_EXTENSION_value(exts, sk_X509_EXTENSION_num(exts) - 1)) > 0;
    exts_free(exts);
    return ret;
}

int gnutls_x509_crq_get_extension_by_oid2(gnutls_x509_crq_t crq, const char *oid, unsigned indx,
                                          gnutls_datum_t *output, unsigned int *critical)
{
    CRQ_ARGS(crq);
    if (oid == NULL || output == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return ext_by_oid(crq, oid, indx, output, critical);
}

int gnutls_x509_crq_get_extension_by_oid(gnutls_x509_crq_t crq, const char *oid, unsigned indx, void *buf,
                                         size_t *buf_size, unsigned int *critical)
{
    CRQ_ARGS(crq);
    if (oid == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t v = {NULL, 0};
    unsigned crit = critical ? *critical : 0;
    int ret = ext_by_oid(crq, oid, indx, &v, &crit);
    if (critical)
        *critical = crit;
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(buf, buf_size, v.data, v.size);
    gnutls_free(v.data);
    if (ret == 0 && critical)
        *critical = crit;
    return ret;
}

/* ---- attributes ---- */

int gnutls_x509_crq_get_attribute_info(gnutls_x509_crq_t crq, unsigned indx, void *oid, size_t *sizeof_oid)
{
    CRQ_ARGS(crq);
    if (sizeof_oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((int)indx >= X509_REQ_get_attr_count(crq->req))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    return gnossl_oid_copy_str(X509_ATTRIBUTE_get0_object(X509_REQ_get_attr(crq->req, (int)indx)), oid, sizeof_oid);
}

/* DER of the first value of an attribute. */
static int attr_value_der(X509_ATTRIBUTE *a, gnutls_datum_t *out)
{
    ASN1_TYPE *t = X509_ATTRIBUTE_get0_type(a, 0);
    unsigned char *der = NULL;
    int len = t ? i2d_ASN1_TYPE(t, &der) : -1;
    if (len < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(out, der, (size_t)len);
    OPENSSL_free(der);
    return ret;
}

int gnutls_x509_crq_get_attribute_data(gnutls_x509_crq_t crq, unsigned indx, void *data, size_t *sizeof_data)
{
    CRQ_ARGS(crq);
    if (sizeof_data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((int)indx >= X509_REQ_get_attr_count(crq->req))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    gnutls_datum_t v;
    int ret = attr_value_der(X509_REQ_get_attr(crq->req, (int)indx), &v);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(data, sizeof_data, v.data, v.size);
    gnutls_free(v.data);
    return ret;
}

int gnutls_x509_crq_get_attribute_by_oid(gnutls_x509_crq_t crq, const char *oid, unsigned indx, void *buf,
                                         size_t *buf_size)
{
    CRQ_ARGS(crq);
    if (oid == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (int i = 0; i < X509_REQ_get_attr_count(crq->req); i++) {
        X509_ATTRIBUTE *a = X509_REQ_get_attr(crq->req, i);
        char txt[128];
        gnossl_oid_text(X509_ATTRIBUTE_get0_object(a), txt, sizeof txt);
        if (strcmp(txt, oid) != 0 || indx-- > 0)
            continue;
        gnutls_datum_t v;
        int ret = attr_value_der(a, &v);
        if (ret < 0)
            return ret;
        ret = gnossl_copy_out(buf, buf_size, v.data, v.size);
        gnutls_free(v.data);
        return ret;
    }
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

int gnutls_x509_crq_set_attribute_by_oid(gnutls_x509_crq_t crq, const char *oid, void *buf, size_t sizeof_buf)
{
    CRQ_ARGS(crq);
    if (oid == NULL || buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* buf is the DER of one value */
    const unsigned char *p = buf;
    ASN1_TYPE *t = d2i_ASN1_TYPE(NULL, &p, (long)sizeof_buf);
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    X509_ATTRIBUTE *a = NULL;
    int ret = 0;
    if (t == NULL || obj == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    else if ((a = X509_ATTRIBUTE_create_by_OBJ(NULL, obj, 0, NULL, 0)) == NULL ||
             !X509_ATTRIBUTE_set1_data(a, t->type, t->type == V_ASN1_BOOLEAN || t->type == V_ASN1_NULL ||
                                                            t->type == V_ASN1_OBJECT || t->type == V_ASN1_SEQUENCE ||
                                                            t->type == V_ASN1_SET
                                                        ? (void *)t->value.ptr
                                                        : (void *)t->value.asn1_string,
                                        -1))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    else {
        /* replace an attribute with the same OID */
        int at = X509_REQ_get_attr_by_OBJ(crq->req, obj, -1);
        if (at >= 0)
            X509_ATTRIBUTE_free(X509_REQ_delete_attr(crq->req, at));
        if (!X509_REQ_add1_attr(crq->req, a))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    X509_ATTRIBUTE_free(a);
    ASN1_OBJECT_free(obj);
    ASN1_TYPE_free(t);
    ERR_clear_error();
    return ret;
}

/* ---- keys, signature ---- */

int gnutls_x509_crq_get_pk_oid(gnutls_x509_crq_t crq, char *oid, size_t *oid_size)
{
    CRQ_ARGS(crq);
    if (oid_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_PUBKEY *pub = X509_REQ_get_X509_PUBKEY(crq->req);
    ASN1_OBJECT *obj = NULL;
    if (pub == NULL || !X509_PUBKEY_get0_param(&obj, NULL, NULL, NULL, pub))
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    return gnossl_oid_copy_str(obj, oid, oid_size);
}

int gnutls_x509_crq_get_signature_oid(gnutls_x509_crq_t crq, char *oid, size_t *oid_size)
{
    CRQ_ARGS(crq);
    if (oid_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const X509_ALGOR *alg = NULL;
    X509_REQ_get0_signature(crq->req, NULL, &alg);
    const ASN1_OBJECT *obj = NULL;
    X509_ALGOR_get0(&obj, NULL, NULL, alg);
    return gnossl_oid_copy_str(obj, oid, oid_size);
}

int gnutls_x509_crq_get_key_rsa_raw(gnutls_x509_crq_t crq, gnutls_datum_t *m, gnutls_datum_t *e)
{
    CRQ_ARGS(crq);
    if (m == NULL || e == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = X509_REQ_get0_pubkey(crq->req);
    gnutls_pk_algorithm_t pk = pkey ? gnossl_pkey_algorithm(pkey) : GNUTLS_PK_UNKNOWN;
    if (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* unlike the certificate getter, GnuTLS gives the plain unsigned
     * integers here (no leading zero) */
    BIGNUM *n = NULL, *x = NULL;
    int ret = 0;
    if (!EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n) ||
        !EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &x))
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    m->data = e->data = NULL;
    if (ret == 0 && ((m->data = gnutls_malloc((size_t)BN_num_bytes(n) + 1)) == NULL ||
                     (e->data = gnutls_malloc((size_t)BN_num_bytes(x) + 1)) == NULL))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0) {
        m->size = (unsigned)BN_bn2bin(n, m->data);
        e->size = (unsigned)BN_bn2bin(x, e->data);
    } else {
        gnutls_free(m->data);
        gnutls_free(e->data);
        m->data = e->data = NULL;
    }
    BN_free(n);
    BN_free(x);
    ERR_clear_error();
    return ret;
}

int gnutls_x509_crq_set_key_rsa_raw(gnutls_x509_crq_t crq, const gnutls_datum_t *m, const gnutls_datum_t *e)
{
    CRQ_ARGS(crq);
    gnutls_pubkey_t pub;
    int ret = gnutls_pubkey_init(&pub);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_import_rsa_raw(pub, m, e);
    if (ret == 0)
        ret = gnutls_x509_crq_set_pubkey(crq, pub);
    gnutls_pubkey_deinit(pub);
    return ret;
}

/* ---- extension values ---- */

int gnutls_x509_crq_get_tlsfeatures(gnutls_x509_crq_t crq, gnutls_x509_tlsfeatures_t features, unsigned int flags,
                                    unsigned int *critical)
{
    CRQ_ARGS(crq);
    if (features == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t v = {NULL, 0};
    unsigned crit = 0;
    int ret = ext_by_oid(crq, "1.3.6.1.5.5.7.1.24", 0, &v, &crit);
    if (ret < 0)
        return ret;
    ret = gnossl_tlsfeatures_import(v.data, v.size, features, flags);
    gnutls_free(v.data);
    if (ret == 0 && critical)
        *critical = crit;
    return ret;
}

int gnutls_x509_crq_get_private_key_usage_period(gnutls_x509_crq_t crq, time_t *activation, time_t *expiration,
                                                 unsigned int *critical)
{
    CRQ_ARGS(crq);
    gnutls_datum_t v = {NULL, 0};
    unsigned crit = 0;
    int ret = ext_by_oid(crq, "2.5.29.16", 0, &v, &crit);
    if (ret < 0)
        return ret;
    const unsigned char *p = v.data;
    PKEY_USAGE_PERIOD *pp = d2i_PKEY_USAGE_PERIOD(NULL, &p, (long)v.size);
    gnutls_free(v.data);
    if (pp == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    if (activation)
        *activation = pp->notBefore ? gnossl_asn1_time_to_time(pp->notBefore) : (time_t)-1;
    if (expiration)
        *expiration = pp->notAfter ? gnossl_asn1_time_to_time(pp->notAfter) : (time_t)-1;
    if (critical)
        *critical = crit;
    PKEY_USAGE_PERIOD_free(pp);
    return 0;
}

int gnutls_x509_crq_set_private_key_usage_period(gnutls_x509_crq_t crq, time_t activation, time_t expiration)
{
    CRQ_ARGS(crq);
    gnutls_datum_t der;
    int ret = gnutls_x509_ext_export_private_key_usage_period(activation, expiration, &der);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_crq_set_extension_by_oid(crq, "2.5.29.16", der.data, der.size, 0);
    gnutls_free(der.data);
    return ret;
}

int gnutls_x509_crq_get_subject_alt_othername_oid(gnutls_x509_crq_t crq, unsigned int seq, void *ret,
                                                  size_t *ret_size)
{
    CRQ_ARGS(crq);
    if (ret_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t v = {NULL, 0};
    int r = ext_by_oid(crq, "2.5.29.17", 0, &v, NULL);
    if (r < 0)
        return r;
    const unsigned char *p = v.data;
    GENERAL_NAMES *gns = d2i_GENERAL_NAMES(NULL, &p, (long)v.size);
    gnutls_free(v.data);
    if (gns == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    if ((int)seq >= sk_GENERAL_NAME_num(gns))
        r = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    else {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, (int)seq);
        /* GnuTLS: only other names have an OID, any other is "not there";
         * the type returned is plain GNUTLS_SAN_OTHERNAME */
        if (gn->type != GEN_OTHERNAME)
            r = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        else {
            r = gnossl_oid_copy_str(gn->d.otherName->type_id, ret, ret_size);
            if (r == 0)
                r = GNUTLS_SAN_OTHERNAME;
        }
    }
    GENERAL_NAMES_free(gns);
    return r;
}
