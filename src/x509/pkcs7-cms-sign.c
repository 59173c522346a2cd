/* Changes OpenSSL's CMS cannot make to an imported structure it holds
 * (signers named by subjectKeyIdentifier, which OpenSSL's PKCS7 cannot
 * read), made on the SignedData's elements as GnuTLS makes them on its
 * decoded tree.  gnutls_pkcs7_sign appends a SignerInfo laid out as GnuTLS
 * writes it (CMS_add1_signer would lay one out its own way): the PKCS7
 * code (pkcs7-sign.c) signs a twin of the structure holding neither digest
 * algorithms nor signers, whose SignedData then takes the original's
 * digest algorithms and signers in front of its own.  A certificate
 * already there (which CMS refuses) is appended to the set.  CMS reads the
 * result back in that order, which GnuTLS reports, and exports it as DER,
 * every SET OF sorted, as libtasn1 writes it. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <openssl/asn1.h>
#include <openssl/cms.h>
#include <string.h>

/* SignedData fields by position (RFC 5652 5.1); the signers come last. */
#define SD_DIGESTS 1
#define SD_CERTS 3

/* A value from DER; NULL on failure. */
static ASN1_TYPE *any_of(const unsigned char *der, long len)
{
    const unsigned char *p = der;
    return d2i_ASN1_TYPE(NULL, &p, len);
}

/* The SignedData of a ContentInfo's DER as its elements (and the
 * ContentInfo's type); NULL if not one. */
static STACK_OF(ASN1_TYPE) *signed_data(const unsigned char *der, long len, ASN1_TYPE **type_oid)
{
    const unsigned char *p = der;
    STACK_OF(ASN1_TYPE) *ci = d2i_ASN1_SEQUENCE_ANY(NULL, &p, len), *sd = NULL;
    ASN1_TYPE *wrap = ci != NULL && sk_ASN1_TYPE_num(ci) == 2 ? sk_ASN1_TYPE_value(ci, 1) : NULL;
    long inner;
    int tag, xclass;

    if (wrap != NULL && wrap->type == V_ASN1_OTHER) {
        /* [0] EXPLICIT: the SignedData follows the tag's header */
        p = ASN1_STRING_get0_data(wrap->value.asn1_string);
        if (!(ASN1_get_object(&p, &inner, &tag, &xclass, ASN1_STRING_length(wrap->value.asn1_string)) & 0x80) &&
            tag == 0 && xclass == V_ASN1_CONTEXT_SPECIFIC)
            sd = d2i_ASN1_SEQUENCE_ANY(NULL, &p, inner);
    }
    if (sd != NULL && sk_ASN1_TYPE_num(sd) < 4) {
        sk_ASN1_TYPE_pop_free(sd, ASN1_TYPE_free);
        sd = NULL;
    }
    if (sd != NULL && type_oid != NULL)
        *type_oid = sk_ASN1_TYPE_delete(ci, 0);
    sk_ASN1_TYPE_pop_free(ci, ASN1_TYPE_free);
    return sd;
}

/* t (a constructed value) under another tag; NULL on failure. */
static ASN1_TYPE *retagged(const ASN1_TYPE *t, unsigned char tag)
{
    int n = ASN1_STRING_length(t->value.asn1_string);
    unsigned char *copy = n > 0 ? OPENSSL_memdup(ASN1_STRING_get0_data(t->value.asn1_string), (size_t)n) : NULL;
    ASN1_TYPE *out = NULL;
    if (copy != NULL) {
        copy[0] = tag;
        out = any_of(copy, n);
    }
    OPENSSL_free(copy);
    return out;
}

/* The members of SET a, then those of b, as one SET in that order. */
static ASN1_TYPE *join_sets(const ASN1_TYPE *a, const ASN1_TYPE *b)
{
    STACK_OF(ASN1_TYPE) *all = NULL, *more = NULL;
    unsigned char *der = NULL;
    ASN1_TYPE *out = NULL;
    const unsigned char *p;
    int n;

    if (a->type != V_ASN1_SET || b->type != V_ASN1_SET)
        return NULL;
    p = ASN1_STRING_get0_data(a->value.set);
    all = d2i_ASN1_SET_ANY(NULL, &p, ASN1_STRING_length(a->value.set));
    p = ASN1_STRING_get0_data(b->value.set);
    more = all != NULL ? d2i_ASN1_SET_ANY(NULL, &p, ASN1_STRING_length(b->value.set)) : NULL;
    while (more != NULL && sk_ASN1_TYPE_num(more) > 0) {
        ASN1_TYPE *t = sk_ASN1_TYPE_shift(more);
        if (!sk_ASN1_TYPE_push(all, t)) {
            ASN1_TYPE_free(t);
            goto out;
        }
    }
    /* a SEQUENCE OF keeps the order; then tagged as the SET it is */
    if (more != NULL && (n = i2d_ASN1_SEQUENCE_ANY(all, &der)) > 0) {
        der[0] = V_ASN1_SET | V_ASN1_CONSTRUCTED;
        out = any_of(der, n);
    }
out:
    OPENSSL_free(der);
    sk_ASN1_TYPE_pop_free(all, ASN1_TYPE_free);
    sk_ASN1_TYPE_pop_free(more, ASN1_TYPE_free);
    return out;
}

/* Replace element i of sd with v (taken), or fail. */
static int put(STACK_OF(ASN1_TYPE) *sd, int i, ASN1_TYPE *v)
{
    if (v == NULL)
        return 0;
    ASN1_TYPE_free(sk_ASN1_TYPE_value(sd, i));
    sk_ASN1_TYPE_set(sd, i, v);
    return 1;
}

/* ContentInfo { type_oid, [0] EXPLICIT sd } as DER into out. */
static int content_info(const ASN1_TYPE *type_oid, STACK_OF(ASN1_TYPE) *sd, gnutls_datum_t *out)
{
    unsigned char *body = NULL, *wrapped = NULL, *der = NULL, *p;
    STACK_OF(ASN1_TYPE) *ci = sk_ASN1_TYPE_new_null();
    ASN1_TYPE *oid = ASN1_TYPE_new(), *wrap = NULL;
    int n = i2d_ASN1_SEQUENCE_ANY(sd, &body), total, ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);

    if (n > 0 && (total = ASN1_object_size(1, n, 0)) > 0 && (wrapped = OPENSSL_malloc((size_t)total)) != NULL) {
        p = wrapped;
        ASN1_put_object(&p, 1, n, 0, V_ASN1_CONTEXT_SPECIFIC);
        memcpy(p, body, (size_t)n);
        wrap = any_of(wrapped, total);
    }
    if (ci != NULL && oid != NULL && wrap != NULL && ASN1_TYPE_set1(oid, type_oid->type, type_oid->value.ptr) &&
        sk_ASN1_TYPE_push(ci, oid)) {
        oid = NULL;
        if (sk_ASN1_TYPE_push(ci, wrap)) {
            wrap = NULL;
            if ((n = i2d_ASN1_SEQUENCE_ANY(ci, &der)) > 0)
                ret = gnossl_datum_set(out, der, (size_t)n);
        }
    }
    ASN1_TYPE_free(oid);
    ASN1_TYPE_free(wrap);
    sk_ASN1_TYPE_pop_free(ci, ASN1_TYPE_free);
    OPENSSL_free(body);
    OPENSSL_free(wrapped);
    OPENSSL_free(der);
    return ret;
}

/* The structure's SignedData elements: as imported, in GnuTLS's order, or
 * else as CMS encodes it. */
static STACK_OF(ASN1_TYPE) *current(gnutls_pkcs7_t pkcs7, ASN1_TYPE **type_oid)
{
    unsigned char *der = NULL;
    int n = pkcs7->imported && !pkcs7->dirty ? (int)pkcs7->der.size : i2d_CMS_ContentInfo(pkcs7->cms, &der);
    STACK_OF(ASN1_TYPE) *sd = n > 0 ? signed_data(der != NULL ? der : pkcs7->der.data, n, type_oid) : NULL;
    OPENSSL_free(der);
    return sd;
}

/* Make ContentInfo { type_oid, sd } the structure's. */
static int replace(gnutls_pkcs7_t pkcs7, const ASN1_TYPE *type_oid, STACK_OF(ASN1_TYPE) *sd)
{
    gnutls_datum_t der = {NULL, 0};
    int ret = content_info(type_oid, sd, &der);
    if (ret >= 0 && (ret = gnutls_pkcs7_import(pkcs7, &der, GNUTLS_X509_FMT_DER)) >= 0)
        pkcs7->dirty = 1; /* export: DER, every SET OF sorted */
    gnutls_free(der.data);
    return ret;
}

/* The structure's SignedData with empty digest algorithm and signer sets,
 * as a PKCS7 object of its own. */
static int twin(gnutls_pkcs7_t pkcs7, gnutls_pkcs7_t *out)
{
    static const unsigned char empty_set[] = {0x31, 0x00};
    ASN1_TYPE *type_oid = NULL;
    STACK_OF(ASN1_TYPE) *sd = current(pkcs7, &type_oid);
    gnutls_datum_t der = {NULL, 0};
    int ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);

    if (sd != NULL && put(sd, SD_DIGESTS, any_of(empty_set, sizeof empty_set)) &&
        put(sd, sk_ASN1_TYPE_num(sd) - 1, any_of(empty_set, sizeof empty_set)))
        ret = content_info(type_oid, sd, &der);
    sk_ASN1_TYPE_pop_free(sd, ASN1_TYPE_free);
    ASN1_TYPE_free(type_oid);
    if (ret >= 0 && (ret = gnutls_pkcs7_init(out)) >= 0) {
        ret = gnutls_pkcs7_import(*out, &der, GNUTLS_X509_FMT_DER);
        /* certificates PKCS7 cannot hold (other CertificateChoices) */
        if (ret >= 0 && (*out)->cms != NULL)
            ret = GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
        if (ret < 0) {
            gnutls_pkcs7_deinit(*out);
            *out = NULL;
        }
    }
    gnutls_free(der.data);
    return ret;
}

/* The twin, signed, takes the original's digest algorithms and signers. */
static int merge(gnutls_pkcs7_t pkcs7, gnutls_pkcs7_t t)
{
    ASN1_TYPE *type_oid = NULL;
    STACK_OF(ASN1_TYPE) *orig = current(pkcs7, &type_oid), *sd = NULL;
    unsigned char *der = NULL;
    /* unsorted: certificates and attributes in the order they were added */
    int n = i2d_PKCS7(t->p7, &der), ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);

    if (n > 0 && orig != NULL && (sd = signed_data(der, n, NULL)) != NULL) {
        int last = sk_ASN1_TYPE_num(sd) - 1, orig_last = sk_ASN1_TYPE_num(orig) - 1;
        if (put(sd, SD_DIGESTS, join_sets(sk_ASN1_TYPE_value(orig, SD_DIGESTS), sk_ASN1_TYPE_value(sd, SD_DIGESTS))) &&
            put(sd, last, join_sets(sk_ASN1_TYPE_value(orig, orig_last), sk_ASN1_TYPE_value(sd, last))))
            ret = replace(pkcs7, type_oid, sd);
    }
    OPENSSL_free(der);
    sk_ASN1_TYPE_pop_free(orig, ASN1_TYPE_free);
    sk_ASN1_TYPE_pop_free(sd, ASN1_TYPE_free);
    ASN1_TYPE_free(type_oid);
    return ret;
}

int gnossl_pkcs7_cms_sign(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t signer, gnutls_privkey_t signer_key,
                          const gnutls_datum_t *data, gnutls_pkcs7_attrs_t signed_attrs,
                          gnutls_pkcs7_attrs_t unsigned_attrs, gnutls_digest_algorithm_t dig, unsigned flags)
{
    gnutls_pkcs7_t t = NULL;
    int ret = twin(pkcs7, &t), merged;

    if (ret < 0)
        return ret;
    ret = gnutls_pkcs7_sign(t, signer, signer_key, data, signed_attrs, unsigned_attrs, dig, flags);
    /* a failed signature leaves what GnuTLS leaves: the changes made so
     * far, and maybe a SignerInfo without its signature, which cannot be
     * encoded and which CMS cannot hold: the twin keeps it, out of the
     * merge */
    PKCS7_SIGNER_INFO *half = t->unencodable ? sk_PKCS7_SIGNER_INFO_pop(t->p7->d.sign->signer_info) : NULL;
    merged = merge(pkcs7, t);
    if (ret >= 0)
        ret = merged;
    if (half != NULL && merged >= 0 && sk_PKCS7_SIGNER_INFO_push(t->p7->d.sign->signer_info, half)) {
        pkcs7->half = t;
        pkcs7->unencodable = 1;
        return ret;
    }
    PKCS7_SIGNER_INFO_free(half);
    gnutls_pkcs7_deinit(t);
    return ret < 0 ? ret : 0;
}

int gnossl_pkcs7_cms_add_cert(gnutls_pkcs7_t pkcs7, const gnutls_datum_t *crt)
{
    ASN1_TYPE *type_oid = NULL, *set = NULL, *one = NULL, *joined = NULL;
    STACK_OF(ASN1_TYPE) *sd = current(pkcs7, &type_oid);
    ASN1_TYPE *certs = sd != NULL ? sk_ASN1_TYPE_value(sd, SD_CERTS) : NULL;
    int total = ASN1_object_size(1, (int)crt->size, V_ASN1_SET), ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    unsigned char *der = total > 0 ? OPENSSL_malloc((size_t)total) : NULL, *p = der;

    if (der != NULL) {
        ASN1_put_object(&p, 1, (int)crt->size, V_ASN1_SET, V_ASN1_UNIVERSAL);
        memcpy(p, crt->data, crt->size);
        one = any_of(der, total);
    }
    /* certificates [0] IMPLICIT SET OF: the set, under its own tag */
    if (one != NULL && certs != NULL && certs->type == V_ASN1_OTHER &&
        ASN1_STRING_get0_data(certs->value.asn1_string)[0] == (V_ASN1_CONTEXT_SPECIFIC | V_ASN1_CONSTRUCTED) &&
        (set = retagged(certs, V_ASN1_SET | V_ASN1_CONSTRUCTED)) != NULL && (joined = join_sets(set, one)) != NULL &&
        put(sd, SD_CERTS, retagged(joined, V_ASN1_CONTEXT_SPECIFIC | V_ASN1_CONSTRUCTED)))
        ret = replace(pkcs7, type_oid, sd);
    OPENSSL_free(der);
    ASN1_TYPE_free(one);
    ASN1_TYPE_free(set);
    ASN1_TYPE_free(joined);
    sk_ASN1_TYPE_pop_free(sd, ASN1_TYPE_free);
    ASN1_TYPE_free(type_oid);
    return ret;
}
