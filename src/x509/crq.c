/* gnutls_x509_crq_* (reading side): PKCS#10 requests over OpenSSL's
 * X509_REQ, with the DN strings, buffer protocol and PEM label of GnuTLS. */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/encoding.h"

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

#define PEM_CRQ "NEW CERTIFICATE REQUEST"
#define PEM_CRQ2 "CERTIFICATE REQUEST"

int gnutls_x509_crq_init(gnutls_x509_crq_t *crq)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *crq = gnutls_calloc(1, sizeof(**crq));
    if (*crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    (*crq)->req = X509_REQ_new();
    /* version 1 (0) from the start, as GnuTLS's template */
    if ((*crq)->req == NULL || !X509_REQ_set_version((*crq)->req, 0)) {
        X509_REQ_free((*crq)->req);
        gnutls_free(*crq);
        *crq = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

void gnutls_x509_crq_deinit(gnutls_x509_crq_t crq)
{
    if (crq == NULL)
        return;
    X509_REQ_free(crq->req);
    gnutls_free(crq);
}

static int import_der(gnutls_x509_crq_t crq, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    if (der == NULL || len == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    X509_REQ *r = d2i_X509_REQ(NULL, &p, (long)len);
    if (r == NULL || (size_t)(p - der) != len) {
        X509_REQ_free(r);
        gnossl_debug("crq: request does not decode");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    X509_REQ_free(crq->req);
    crq->req = r;
    return 0;
}

int gnutls_x509_crq_import(gnutls_x509_crq_t crq, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (crq == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (format == GNUTLS_X509_FMT_PEM) {
        static const char *const labels[] = { PEM_CRQ, PEM_CRQ2, NULL };
        gnutls_datum_t der;
        size_t pos = 0;
        int ret = gnossl_pem_decode_next(data, &pos, labels, &der);
        if (ret < 0)
            return ret;
        ret = import_der(crq, der.data, der.size);
        gnutls_free(der.data);
        return ret;
    }
    return import_der(crq, data->data, data->size);
}

static int crq_der(gnutls_x509_crq_t crq, unsigned char **der)
{
    *der = NULL;
    int n = i2d_X509_REQ(crq->req, der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return n;
}

int gnutls_x509_crq_export(gnutls_x509_crq_t crq, gnutls_x509_crt_fmt_t format, void *output_data,
                           size_t *output_data_size)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der;
    int n = crq_der(crq, &der);
    if (n < 0)
        return n;
    int ret = gnossl_export_fmt(PEM_CRQ, der, (size_t)n, format, output_data, output_data_size);
    OPENSSL_free(der);
    return ret;
}

int gnutls_x509_crq_export2(gnutls_x509_crq_t crq, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (crq == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der;
    int n = crq_der(crq, &der);
    if (n < 0)
        return n;
    int ret = gnossl_export_fmt2(PEM_CRQ, der, (size_t)n, format, out);
    OPENSSL_free(der);
    return ret;
}

int gnutls_x509_crq_get_version(gnutls_x509_crq_t crq)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return (int)X509_REQ_get_version(crq->req) + 1;
}

int gnutls_x509_crq_get_dn(gnutls_x509_crq_t crq, char *buf, size_t *buf_size)
{
    if (crq == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnossl_dn_to_string(X509_REQ_get_subject_name(crq->req), 1, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, buf_size, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_crq_get_dn2(gnutls_x509_crq_t crq, gnutls_datum_t *dn)
{
    return gnutls_x509_crq_get_dn3(crq, dn, GNUTLS_X509_DN_FLAG_COMPAT);
}

int gnutls_x509_crq_get_dn3(gnutls_x509_crq_t crq, gnutls_datum_t *dn, unsigned flags)
{
    if (crq == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_to_string(X509_REQ_get_subject_name(crq->req), (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, dn);
}

int gnutls_x509_crq_get_dn_by_oid(gnutls_x509_crq_t crq, const char *oid, unsigned indx, unsigned int raw_flag,
                                  void *buf, size_t *buf_size)
{
    if (crq == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnossl_dn_get_by_oid(X509_REQ_get_subject_name(crq->req), oid, indx, raw_flag, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, buf_size, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_crq_get_dn_oid(gnutls_x509_crq_t crq, unsigned indx, void *oid, size_t *sizeof_oid)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_get_oid(X509_REQ_get_subject_name(crq->req), indx, oid, sizeof_oid);
}

int gnutls_x509_crq_get_pk_algorithm(gnutls_x509_crq_t crq, unsigned int *bits)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pk = X509_REQ_get0_pubkey(crq->req);
    if (pk == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (bits)
        *bits = gnossl_pkey_bits(pk);
    return gnossl_pkey_algorithm(pk);
}

int gnutls_x509_crq_get_key_id(gnutls_x509_crq_t crq, unsigned int flags, unsigned char *output_data,
                               size_t *output_data_size)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pk = X509_REQ_get0_pubkey(crq->req);
    if (pk == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return gnossl_spki_key_id(pk, flags, output_data, output_data_size);
}

int gnutls_x509_crq_get_signature_algorithm(gnutls_x509_crq_t crq)
{
    const X509_ALGOR *alg = NULL;
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_REQ_get0_signature(crq->req, NULL, &alg);
    if (alg == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return (int)gnossl_sign_from_algor(alg);
}

/* ---- extensions (from the extensionRequest attribute) ---- */

static void *crq_ext_d2i(gnutls_x509_crq_t crq, int nid, unsigned *critical)
{
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    void *v = NULL;
    int crit = 0;
    if (exts) {
        v = X509V3_get_d2i(exts, nid, &crit, NULL);
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    }
    if (critical && v)
        *critical = crit > 0 ? 1 : 0;
    return v;
}

int gnutls_x509_crq_get_key_usage(gnutls_x509_crq_t crq, unsigned int *key_usage, unsigned int *critical)
{
    if (crq == NULL || key_usage == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *key_usage = 0;
    ASN1_BIT_STRING *ku = crq_ext_d2i(crq, NID_key_usage, critical);
    if (ku == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    /* GNUTLS_KEY_* use the same bit values as the DER bits read LSB-first
     * from the first two octets */
    unsigned v = 0;
    if (ku->length > 0)
        v = ku->data[0];
    if (ku->length > 1)
        v |= (unsigned)ku->data[1] << 8;
    ASN1_BIT_STRING_free(ku);
    *key_usage = v;
    return 0;
}

int gnutls_x509_crq_get_basic_constraints(gnutls_x509_crq_t crq, unsigned int *critical, unsigned int *ca,
                                          int *pathlen)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BASIC_CONSTRAINTS *bc = crq_ext_d2i(crq, NID_basic_constraints, critical);
    if (bc == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    unsigned isca = bc->ca ? 1 : 0;
    if (ca)
        *ca = isca;
    if (pathlen)
        *pathlen = bc->pathlen ? (int)ASN1_INTEGER_get(bc->pathlen) : -1;
    BASIC_CONSTRAINTS_free(bc);
    return (int)isca;
}

int gnutls_x509_crq_get_key_purpose_oid(gnutls_x509_crq_t crq, unsigned indx, void *oid, size_t *sizeof_oid,
                                        unsigned int *critical)
{
    if (crq == NULL || sizeof_oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EXTENDED_KEY_USAGE *eku = crq_ext_d2i(crq, NID_ext_key_usage, critical);
    if (eku == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    int ret;
    if (indx >= (unsigned)sk_ASN1_OBJECT_num(eku)) {
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    } else {
        char buf[128];
        gnossl_oid_text(sk_ASN1_OBJECT_value(eku, (int)indx), buf, sizeof buf);
        ret = gnossl_copy_str(oid, sizeof_oid, buf, strlen(buf));
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return ret;
}

int gnutls_x509_crq_verify(gnutls_x509_crq_t crq, unsigned int flags)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pk = X509_REQ_get0_pubkey(crq->req);
    if (pk == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    ERR_clear_error();
    int ok = X509_REQ_verify(crq->req, pk);
    ERR_clear_error();
    if (ok != 1)
        return GNOSSL_ERR(GNUTLS_E_PK_SIG_VERIFY_FAILED);
    /* a good signature still has to use an algorithm the flags accept */
    int sa = gnutls_x509_crq_get_signature_algorithm(crq);
    if (sa <= 0)
        return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
    if (!gnossl_sig_allowed((gnutls_sign_algorithm_t)sa, flags))
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_SECURITY);
    return 0;
}

int gnutls_x509_crq_get_challenge_password(gnutls_x509_crq_t crq, char *pass, size_t *pass_size)
{
    if (crq == NULL || pass_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int idx = X509_REQ_get_attr_by_NID(crq->req, NID_pkcs9_challengePassword, -1);
    if (idx < 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    X509_ATTRIBUTE *a = X509_REQ_get_attr(crq->req, idx);
    ASN1_TYPE *t = X509_ATTRIBUTE_get0_type(a, 0);
    if (t == NULL || t->type == V_ASN1_SEQUENCE || t->type == V_ASN1_SET || t->value.asn1_string == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return gnossl_copy_str(pass, pass_size, (const char *)ASN1_STRING_get0_data(t->value.asn1_string),
                           (size_t)ASN1_STRING_length(t->value.asn1_string));
}

int gnutls_x509_crq_get_subject_alt_name(gnutls_x509_crq_t crq, unsigned int seq, void *ret,
                                         size_t *ret_data_size, unsigned int *ret_type, unsigned int *critical)
{
    if (crq == NULL || ret_data_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAMES *names = crq_ext_d2i(crq, NID_subject_alt_name, critical);
    if (names == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    int r;
    if (seq >= (unsigned)sk_GENERAL_NAME_num(names)) {
        r = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
        goto out;
    }
    GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, (int)seq);
    if (gn->type == GEN_OTHERNAME) {
        /* the value's DER, as GnuTLS returns it */
        ASN1_OBJECT *oobj = NULL;
        ASN1_TYPE *oval = NULL;
        unsigned char *der = NULL;
        GENERAL_NAME_get0_otherName(gn, &oobj, &oval);
        int n = oval ? i2d_ASN1_TYPE(oval, &der) : -1;
        if (n <= 0) {
            r = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
            goto out;
        }
        if (ret_type)
            *ret_type = GNUTLS_SAN_OTHERNAME;
        r = gnossl_copy_out(ret, ret_data_size, der, (size_t)n);
        OPENSSL_free(der);
        if (r >= 0)
            r = GNUTLS_SAN_OTHERNAME;
        goto out;
    }
    int gtype;
    ASN1_STRING *s = GENERAL_NAME_get0_value(gn, &gtype);
    int t;
    switch (gtype) {
    case GEN_DNS:
        t = GNUTLS_SAN_DNSNAME;
        break;
    case GEN_EMAIL:
        t = GNUTLS_SAN_RFC822NAME;
        break;
    case GEN_URI:
        t = GNUTLS_SAN_URI;
        break;
    case GEN_IPADD:
        t = GNUTLS_SAN_IPADDRESS;
        break;
    default:
        r = GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
        goto out;
    }
    if (ret_type)
        *ret_type = (unsigned)t;
    if (t == GNUTLS_SAN_IPADDRESS)
        r = gnossl_copy_out(ret, ret_data_size, ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
    else
        r = gnossl_copy_str(ret, ret_data_size, (const char *)ASN1_STRING_get0_data(s),
                            (size_t)ASN1_STRING_length(s));
    if (r >= 0)
        r = t;
out:
    GENERAL_NAMES_free(names);
    return r;
}
