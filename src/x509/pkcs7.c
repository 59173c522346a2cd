/* gnutls_pkcs7_* (structure side) over OpenSSL's PKCS7, or its CMS where
 * PKCS7 cannot represent the input (signers named by subjectKeyIdentifier,
 * as `openssl cms -keyid` writes): certificate and CRL bundles, embedded
 * data, exports.  An imported structure is exported
 * as it was read until it is changed; structures built from nothing follow
 * GnuTLS 3.7.9's template (an empty SignedData whose content type is
 * digestedData) and its error codes, including that certificates added to
 * a structure that was never imported cannot be read back raw. */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/encoding.h"

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <string.h>

int gnutls_pkcs7_init(gnutls_pkcs7_t *pkcs7)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *pkcs7 = gnutls_calloc(1, sizeof(**pkcs7));
    return *pkcs7 ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_pkcs7_deinit(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7 == NULL)
        return;
    PKCS7_free(pkcs7->p7);
    CMS_ContentInfo_free(pkcs7->cms);
    sk_X509_pop_free(pkcs7->cms_certs, X509_free);
    sk_X509_CRL_pop_free(pkcs7->cms_crls, X509_CRL_free);
    gnutls_free(pkcs7->der.data);
    gnutls_pkcs7_deinit(pkcs7->half);
    gnutls_free(pkcs7);
}

/* Re-read the certificate and CRL lists of a CMS structure after a change. */
static int cms_refresh(gnutls_pkcs7_t pkcs7)
{
    sk_X509_pop_free(pkcs7->cms_certs, X509_free);
    sk_X509_CRL_pop_free(pkcs7->cms_crls, X509_CRL_free);
    /* both return NULL (after no error) for an empty set */
    pkcs7->cms_certs = CMS_get1_certs(pkcs7->cms);
    pkcs7->cms_crls = CMS_get1_crls(pkcs7->cms);
    return 0;
}

/* DER that PKCS7 does not take: a CMS SignedData, or the DER error. */
static int import_cms(gnutls_pkcs7_t pkcs7, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
    if (cms == NULL || (size_t)(p - der) != len) {
        CMS_ContentInfo_free(cms);
        gnossl_debug("pkcs7: input does not decode");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed || CMS_get0_SignerInfos(cms) == NULL) {
        CMS_ContentInfo_free(cms);
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE);
    }
    CMS_ContentInfo_free(pkcs7->cms);
    pkcs7->cms = cms;
    return cms_refresh(pkcs7);
}

static int import_der(gnutls_pkcs7_t pkcs7, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    if (der == NULL || len == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    PKCS7 *p7 = d2i_PKCS7(NULL, &p, (long)len);
    if (p7 != NULL && (size_t)(p - der) != len) {
        PKCS7_free(p7);
        p7 = NULL;
    }
    ERR_clear_error();
    if (p7 != NULL && (!PKCS7_type_is_signed(p7) || p7->d.sign == NULL)) {
        PKCS7_free(p7);
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE);
    }
    gnutls_datum_t copy;
    int ret = gnossl_datum_set(&copy, der, len);
    if (ret >= 0 && p7 == NULL)
        ret = import_cms(pkcs7, der, len);
    if (ret < 0) {
        PKCS7_free(p7);
        gnutls_free(copy.data);
        return ret;
    }
    if (p7) {
        CMS_ContentInfo_free(pkcs7->cms);
        pkcs7->cms = NULL;
    }
    PKCS7_free(pkcs7->p7);
    gnutls_free(pkcs7->der.data);
    pkcs7->p7 = p7;
    pkcs7->der = copy;
    pkcs7->unencodable = 0;
    gnutls_pkcs7_deinit(pkcs7->half);
    pkcs7->half = NULL;
    pkcs7->imported = 1;
    pkcs7->pruned = 1;
    pkcs7->dirty = 0;
    return 0;
}

int gnutls_pkcs7_import(gnutls_pkcs7_t pkcs7, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (pkcs7 == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (format == GNUTLS_X509_FMT_PEM) {
        gnutls_datum_t der;
        int ret = gnossl_pem_decode("PKCS7", data->data, data->size, &der);
        if (ret < 0)
            return ret;
        ret = import_der(pkcs7, der.data, der.size);
        gnutls_free(der.data);
        return ret;
    }
    return import_der(pkcs7, data->data, data->size);
}

static STACK_OF(X509) *certs_of(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7->cms)
        return pkcs7->cms_certs;
    return pkcs7->p7 && pkcs7->p7->d.sign ? pkcs7->p7->d.sign->cert : NULL;
}

static STACK_OF(X509_CRL) *crls_of(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7->cms)
        return pkcs7->cms_crls;
    return pkcs7->p7 && pkcs7->p7->d.sign ? pkcs7->p7->d.sign->crl : NULL;
}

int gnutls_pkcs7_get_crt_count(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(X509) *sk = certs_of(pkcs7);
    return sk ? sk_X509_num(sk) : 0;
}

int gnutls_pkcs7_get_crl_count(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(X509_CRL) *sk = crls_of(pkcs7);
    return sk ? sk_X509_CRL_num(sk) : 0;
}

int gnutls_pkcs7_get_crt_raw2(gnutls_pkcs7_t pkcs7, unsigned indx, gnutls_datum_t *cert)
{
    if (pkcs7 == NULL || cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(X509) *sk = certs_of(pkcs7);
    if (sk == NULL || indx >= (unsigned)sk_X509_num(sk))
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    if (!pkcs7->imported)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    unsigned char *der = NULL;
    int n = i2d_X509(sk_X509_value(sk, (int)indx), &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(cert, der, (size_t)n);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs7_get_crt_raw(gnutls_pkcs7_t pkcs7, unsigned indx, void *certificate, size_t *certificate_size)
{
    if (certificate_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnutls_pkcs7_get_crt_raw2(pkcs7, indx, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(certificate, certificate_size, d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_pkcs7_get_crl_raw2(gnutls_pkcs7_t pkcs7, unsigned indx, gnutls_datum_t *crl)
{
    if (pkcs7 == NULL || crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!pkcs7->imported)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    STACK_OF(X509_CRL) *sk = crls_of(pkcs7);
    if (sk == NULL || indx >= (unsigned)sk_X509_CRL_num(sk))
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    unsigned char *der = NULL;
    int n = i2d_X509_CRL(sk_X509_CRL_value(sk, (int)indx), &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(crl, der, (size_t)n);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs7_get_crl_raw(gnutls_pkcs7_t pkcs7, unsigned indx, void *crl, size_t *crl_size)
{
    if (crl_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnutls_pkcs7_get_crl_raw2(pkcs7, indx, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(crl, crl_size, d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_pkcs7_get_signature_count(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs7->cms)
        return sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(pkcs7->cms)) + (pkcs7->half != NULL);
    if (pkcs7->p7 == NULL || pkcs7->p7->d.sign == NULL || pkcs7->p7->d.sign->signer_info == NULL)
        return 0;
    return sk_PKCS7_SIGNER_INFO_num(pkcs7->p7->d.sign->signer_info);
}

const ASN1_OBJECT *gnossl_pkcs7_content_type(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7->cms)
        return CMS_get0_eContentType(pkcs7->cms);
    PKCS7 *c = pkcs7->p7 && pkcs7->p7->d.sign ? pkcs7->p7->d.sign->contents : NULL;
    return c ? c->type : NULL;
}

const ASN1_OCTET_STRING *gnossl_pkcs7_content(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7->cms) {
        ASN1_OCTET_STRING **pos = CMS_get0_content(pkcs7->cms);
        return pos ? *pos : NULL;
    }
    PKCS7 *c = pkcs7->p7 && pkcs7->p7->d.sign ? pkcs7->p7->d.sign->contents : NULL;
    if (c && PKCS7_type_is_data(c))
        return c->d.data;
    if (c && PKCS7_type_is_other(c) && c->d.other && c->d.other->type == V_ASN1_OCTET_STRING)
        return c->d.other->value.octet_string;
    return NULL;
}

int gnutls_pkcs7_get_embedded_data(gnutls_pkcs7_t pkcs7, unsigned flags, gnutls_datum_t *data)
{
    (void)flags;
    if (pkcs7 == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const ASN1_OCTET_STRING *c = gnossl_pkcs7_content(pkcs7);
    if (c == NULL || OBJ_obj2nid(gnossl_pkcs7_content_type(pkcs7)) != NID_pkcs7_data)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_datum_set(data, ASN1_STRING_get0_data(c), (size_t)ASN1_STRING_length(c));
}

const char *gnutls_pkcs7_get_embedded_data_oid(gnutls_pkcs7_t pkcs7)
{
    const ASN1_OBJECT *type = pkcs7 && pkcs7->imported ? gnossl_pkcs7_content_type(pkcs7) : NULL;
    if (type == NULL)
        return NULL;
    gnossl_oid_text(type, pkcs7->oid, sizeof pkcs7->oid);
    return pkcs7->oid;
}

/* encode_sorted's part for the signed attributes. */
static int encode_sorted_attrs(PKCS7 *p7, unsigned char **der)
{
    STACK_OF(PKCS7_SIGNER_INFO) *sis = PKCS7_type_is_signed(p7) && p7->d.sign ? p7->d.sign->signer_info : NULL;
    int n = sis ? sk_PKCS7_SIGNER_INFO_num(sis) : 0;
    STACK_OF(X509_ATTRIBUTE) **saved = n ? OPENSSL_zalloc(sizeof(*saved) * (size_t)n) : NULL;
    if (n && saved == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        PKCS7_SIGNER_INFO *si = sk_PKCS7_SIGNER_INFO_value(sis, i);
        STACK_OF(X509_ATTRIBUTE) *copy = si->auth_attr ? sk_X509_ATTRIBUTE_dup(si->auth_attr) : NULL;
        unsigned char *tmp = NULL;
        /* encoding with the SET_ORDER template sorts the copy */
        if (copy && ASN1_item_i2d((ASN1_VALUE *)copy, &tmp, ASN1_ITEM_rptr(PKCS7_ATTR_SIGN)) > 0) {
            saved[i] = si->auth_attr;
            si->auth_attr = copy;
        } else {
            sk_X509_ATTRIBUTE_free(copy);
        }
        OPENSSL_free(tmp);
    }
    int len = i2d_PKCS7(p7, der);
    for (int i = 0; i < n; i++) {
        PKCS7_SIGNER_INFO *si = sk_PKCS7_SIGNER_INFO_value(sis, i);
        if (saved[i]) {
            sk_X509_ATTRIBUTE_free(si->auth_attr);
            si->auth_attr = saved[i];
        }
    }
    OPENSSL_free(saved);
    return len;
}

/* DER SET OF order (X.690 11.6) of two encodings. */
static int der_order(unsigned char *a, int alen, unsigned char *b, int blen)
{
    int c = alen > 0 && blen > 0 ? memcmp(a, b, (size_t)(alen < blen ? alen : blen)) : 0;
    OPENSSL_free(a);
    OPENSSL_free(b);
    return c ? c : alen - blen;
}

static int crt_order(const X509 *const *a, const X509 *const *b)
{
    unsigned char *da = NULL, *db = NULL;
    int la = i2d_X509(*a, &da), lb = i2d_X509(*b, &db);
    return der_order(da, la, db, lb);
}

static int crl_order(const X509_CRL *const *a, const X509_CRL *const *b)
{
    unsigned char *da = NULL, *db = NULL;
    int la = i2d_X509_CRL((X509_CRL *)*a, &da), lb = i2d_X509_CRL((X509_CRL *)*b, &db);
    return der_order(da, la, db, lb);
}

/* DER of a structure with its certificates, CRLs and every SignerInfo's
 * signed attributes as sorted SETs, as libtasn1 writes them for GnuTLS
 * (OpenSSL's PKCS7 encoder keeps their order; the order in memory stays
 * what GnuTLS reports before a re-import). */
static int encode_sorted(PKCS7 *p7, unsigned char **der)
{
    PKCS7_SIGNED *sd = PKCS7_type_is_signed(p7) ? p7->d.sign : NULL;
    STACK_OF(X509) *certs = sd ? sd->cert : NULL, *sorted_certs = certs ? sk_X509_dup(certs) : NULL;
    STACK_OF(X509_CRL) *crls = sd ? sd->crl : NULL, *sorted_crls = crls ? sk_X509_CRL_dup(crls) : NULL;
    if ((certs && sorted_certs == NULL) || (crls && sorted_crls == NULL)) {
        sk_X509_free(sorted_certs);
        return -1;
    }
    if (sorted_certs) {
        sk_X509_set_cmp_func(sorted_certs, crt_order);
        sk_X509_sort(sorted_certs);
        sd->cert = sorted_certs;
    }
    if (sorted_crls) {
        sk_X509_CRL_set_cmp_func(sorted_crls, crl_order);
        sk_X509_CRL_sort(sorted_crls);
        sd->crl = sorted_crls;
    }
    int len = encode_sorted_attrs(p7, der);
    if (sd) {
        sd->cert = certs;
        sd->crl = crls;
    }
    sk_X509_free(sorted_certs);
    sk_X509_CRL_free(sorted_crls);
    return len;
}


int gnutls_pkcs7_export2(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (pkcs7 == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((pkcs7->p7 == NULL && pkcs7->cms == NULL) || pkcs7->unencodable)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    if (pkcs7->imported && !pkcs7->dirty)
        return gnossl_export_fmt2("PKCS7", pkcs7->der.data, pkcs7->der.size, format, out);
    unsigned char *der = NULL;
    /* CMS encodes signed attributes as a sorted SET itself */
    int n = pkcs7->cms ? i2d_CMS_ContentInfo(pkcs7->cms, &der) : encode_sorted(pkcs7->p7, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_export_fmt2("PKCS7", der, (size_t)n, format, out);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs7_export(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_fmt_t format, void *output_data,
                        size_t *output_data_size)
{
    if (output_data_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnutls_pkcs7_export2(pkcs7, format, &d);
    if (ret < 0)
        return ret;
    /* PEM text is reported without its NUL, as the other exports */
    ret = gnossl_copy_out(output_data, output_data_size, d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

/* GnuTLS's empty SignedData: version 1, no digest algorithms, an
 * encapsulated content of type digestedData without content. */
int gnossl_pkcs7_ensure(gnutls_pkcs7_t pkcs7)
{
    if (pkcs7->p7 || pkcs7->cms)
        return 0;
    PKCS7 *p7 = PKCS7_new();
    PKCS7 *inner = PKCS7_new();
    if (p7 == NULL || inner == NULL || !PKCS7_set_type(p7, NID_pkcs7_signed)) {
        PKCS7_free(p7);
        PKCS7_free(inner);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    inner->type = OBJ_nid2obj(NID_pkcs7_digest);
    inner->d.ptr = NULL;
    PKCS7_free(p7->d.sign->contents);
    p7->d.sign->contents = inner;
    pkcs7->p7 = p7;
    return 0;
}

int gnutls_pkcs7_set_crt_raw(gnutls_pkcs7_t pkcs7, const gnutls_datum_t *crt)
{
    if (pkcs7 == NULL || crt == NULL || crt->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs7->pruned && certs_of(pkcs7) == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    const unsigned char *p = crt->data;
    X509 *x = d2i_X509(NULL, &p, (long)crt->size);
    if (x == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_pkcs7_ensure(pkcs7);
    if (ret < 0) {
        X509_free(x);
        return ret;
    }
    /* both take their own reference; CMS refuses a certificate already
     * there, which GnuTLS adds again (pkcs7-cms-sign.c) */
    int ok = pkcs7->cms ? CMS_add1_cert(pkcs7->cms, x) && cms_refresh(pkcs7) == 0 : PKCS7_add_certificate(pkcs7->p7, x);
    X509_free(x);
    if (!ok && pkcs7->cms) {
        ERR_clear_error();
        return gnossl_pkcs7_cms_add_cert(pkcs7, crt);
    }
    if (!ok)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pkcs7->dirty = 1;
    return 0;
}

int gnutls_pkcs7_set_crt(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t crt)
{
    if (pkcs7 == NULL || crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int n = i2d_X509(crt->x509, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t d = { der, (unsigned)n };
    int ret = gnutls_pkcs7_set_crt_raw(pkcs7, &d);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs7_set_crl_raw(gnutls_pkcs7_t pkcs7, const gnutls_datum_t *crl)
{
    if (pkcs7 == NULL || crl == NULL || crl->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs7->pruned && crls_of(pkcs7) == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    const unsigned char *p = crl->data;
    X509_CRL *c = d2i_X509_CRL(NULL, &p, (long)crl->size);
    if (c == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_pkcs7_ensure(pkcs7);
    if (ret < 0) {
        X509_CRL_free(c);
        return ret;
    }
    /* both take their own reference */
    int ok = pkcs7->cms ? CMS_add1_crl(pkcs7->cms, c) && cms_refresh(pkcs7) == 0 : PKCS7_add_crl(pkcs7->p7, c);
    X509_CRL_free(c);
    if (!ok)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pkcs7->dirty = 1;
    return 0;
}

int gnutls_pkcs7_set_crl(gnutls_pkcs7_t pkcs7, gnutls_x509_crl_t crl)
{
    if (pkcs7 == NULL || crl == NULL || crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int n = i2d_X509_CRL(crl->crl, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t d = { der, (unsigned)n };
    int ret = gnutls_pkcs7_set_crl_raw(pkcs7, &d);
    OPENSSL_free(der);
    return ret;
}

/* GnuTLS deletes with libtasn1's asn1_write_value(NULL) on the element,
 * which libtasn1 refuses for members of a SET OF: the call fails with
 * GNUTLS_E_ASN1_VALUE_NOT_VALID, or GNUTLS_E_ASN1_ELEMENT_NOT_FOUND when
 * there is no such member (or no structure). */
static int delete_answer(int count, int indx)
{
    if (indx < 0 || indx >= count)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
}

int gnutls_pkcs7_delete_crt(gnutls_pkcs7_t pkcs7, int indx)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return delete_answer(gnutls_pkcs7_get_crt_count(pkcs7), indx);
}

int gnutls_pkcs7_delete_crl(gnutls_pkcs7_t pkcs7, int indx)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return delete_answer(gnutls_pkcs7_get_crl_count(pkcs7), indx);
}
