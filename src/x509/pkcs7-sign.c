/* gnutls_pkcs7_sign over OpenSSL's PKCS7 structures, laid out as GnuTLS
 * 3.7.9 writes them: SignedData version 1 with id-data content (embedded
 * or detached), the digest algorithm without parameters, a version 1
 * SignerInfo identified by issuer and serial (GNUTLS_PKCS7_WRITE_SPKI
 * fails in GnuTLS 3.7.9, and fails the same way here), signed attributes only when
 * a signing time or caller attributes are asked for (then content type and
 * message digest follow), and RSA signatures labelled rsaEncryption as
 * PKCS#7 prescribes.  The signature itself comes from gnutls_privkey. */
#include "gnossl.h"
#include "core/clock.h"
#include "x509/pkcs-int.h"

#include <openssl/err.h>
#include <string.h>
#include <time.h>

/* An attribute with a DER-encoded value. */
static int add_der_attr(STACK_OF(X509_ATTRIBUTE) **sk, const char *oid, const gnutls_datum_t *value)
{
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    const unsigned char *p = value->data;
    ASN1_TYPE *t = value->size ? d2i_ASN1_TYPE(NULL, &p, (long)value->size) : NULL;
    X509_ATTRIBUTE *a = X509_ATTRIBUTE_new();
    int ok = obj && t && a && t->type != V_ASN1_BOOLEAN && X509_ATTRIBUTE_set1_object(a, obj) &&
             X509_ATTRIBUTE_set1_data(a, t->type, t->type == V_ASN1_NULL ? NULL : (void *)t->value.ptr, -1) &&
             (*sk || (*sk = sk_X509_ATTRIBUTE_new_null()) != NULL) && sk_X509_ATTRIBUTE_push(*sk, a);
    ASN1_OBJECT_free(obj);
    ASN1_TYPE_free(t);
    if (!ok) {
        X509_ATTRIBUTE_free(a);
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    return 0;
}

static int add_attr_list(STACK_OF(X509_ATTRIBUTE) **sk, gnutls_pkcs7_attrs_t list)
{
    for (struct gnutls_pkcs7_attrs_st *p = list; p; p = p->next) {
        int ret = add_der_attr(sk, p->oid, &p->data);
        if (ret < 0)
            return ret;
    }
    return 0;
}

static int signed_attrs(PKCS7_SIGNER_INFO *si, const ASN1_OBJECT *content_type, const gnutls_datum_t *data,
                        gnutls_digest_algorithm_t dig, gnutls_pkcs7_attrs_t extra, unsigned flags)
{
    int time_set = 0, ret;
    if (flags & GNUTLS_PKCS7_INCLUDE_TIME) {
        if (data == NULL || data->data == NULL)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        ASN1_TIME *t = ASN1_TIME_set(NULL, gnossl_time());
        if (t == NULL || !PKCS7_add_signed_attribute(si, NID_pkcs9_signingTime, t->type, t)) {
            ASN1_TIME_free(t);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        time_set = 1;
    }
    ret = add_attr_list(&si->auth_attr, extra);
    if (ret < 0)
        return ret;
    if (!time_set && extra == NULL)
        return 0;
    /* with any signed attribute, the content type and digest go along */
    if (data == NULL || data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char md[64];
    unsigned md_len = gnutls_hash_get_len(dig);
    ret = gnutls_hash_fast(dig, data->data, data->size, md);
    if (ret < 0)
        return ret;
    ASN1_OBJECT *ct = OBJ_dup(content_type);
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    if (ct == NULL || !PKCS7_add_signed_attribute(si, NID_pkcs9_contentType, V_ASN1_OBJECT, ct)) {
        ASN1_OBJECT_free(ct);
        ASN1_OCTET_STRING_free(os);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (os == NULL || !ASN1_OCTET_STRING_set(os, md, (int)md_len) ||
        !PKCS7_add_signed_attribute(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, os)) {
        ASN1_OCTET_STRING_free(os);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

/* id-data as the encapsulated content type, keeping content already there.
 * A structure read or signed without content has none to embed into:
 * GnuTLS's decoded tree lacks the element. */
static int data_content(PKCS7_SIGNED *sd, int fresh, int pruned, const gnutls_datum_t *data, unsigned flags)
{
    if (sd->contents == NULL || !PKCS7_type_is_data(sd->contents)) {
        PKCS7 *c = PKCS7_new();
        if (c == NULL || !PKCS7_set_type(c, NID_pkcs7_data)) {
            PKCS7_free(c);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        PKCS7_free(sd->contents);
        sd->contents = c;
        fresh = 1;
    }
    if (fresh && !(flags & GNUTLS_PKCS7_EMBED_DATA)) {
        ASN1_OCTET_STRING_free(sd->contents->d.data);
        sd->contents->d.data = NULL;
    }
    if ((flags & GNUTLS_PKCS7_EMBED_DATA) && data && data->data) {
        if (sd->contents->d.data == NULL && pruned && !fresh)
            return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
        if (sd->contents->d.data == NULL && (sd->contents->d.data = ASN1_OCTET_STRING_new()) == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        if (!ASN1_OCTET_STRING_set(sd->contents->d.data, data->data, (int)data->size))
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

static X509_ALGOR *algor_no_params(const char *oid)
{
    X509_ALGOR *a = X509_ALGOR_new();
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    if (a == NULL || obj == NULL || !X509_ALGOR_set0(a, obj, V_ASN1_UNDEF, NULL)) {
        X509_ALGOR_free(a);
        ASN1_OBJECT_free(obj);
        return NULL;
    }
    return a;
}

/* GnuTLS 3.7.9 writes a subjectKeyIdentifier signer id to a path its
 * ASN.1 module lacks: the signature fails with
 * GNUTLS_E_ASN1_ELEMENT_NOT_FOUND (or the key id lookup's error when the
 * certificate has none), leaving a SignerInfo without signature algorithm
 * that get_signature_info calls unknown and export cannot encode. */
static int spki_signer_id(gnutls_x509_crt_t signer)
{
    unsigned char id[128];
    size_t id_size = sizeof id;
    int ret = gnutls_x509_crt_get_subject_key_id(signer, id, &id_size, NULL);
    if (ret < 0)
        return ret;
    gnossl_debug("pkcs7: GNUTLS_PKCS7_WRITE_SPKI fails as in GnuTLS 3.7.9");
    return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
}

int gnutls_pkcs7_sign(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t signer, gnutls_privkey_t signer_key,
                      const gnutls_datum_t *data, gnutls_pkcs7_attrs_t signed_attrs_list,
                      gnutls_pkcs7_attrs_t unsigned_attrs, gnutls_digest_algorithm_t dig, unsigned flags)
{
    const char *dig_oid = gnutls_digest_get_oid(dig);
    if (pkcs7 == NULL || signer == NULL || signer->x509 == NULL || signer_key == NULL || dig_oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs7->cms) /* an imported structure only CMS could read (key id signers) */
        return gnossl_pkcs7_cms_sign(pkcs7, signer, signer_key, data, signed_attrs_list, unsigned_attrs, dig, flags);
    int fresh = pkcs7->p7 == NULL, ret;
    if (fresh) {
        PKCS7 *p7 = PKCS7_new();
        if (p7 == NULL || !PKCS7_set_type(p7, NID_pkcs7_signed)) {
            PKCS7_free(p7);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        pkcs7->p7 = p7;
    }
    PKCS7_SIGNED *sd = pkcs7->p7->d.sign;
    pkcs7->dirty = 1;
    if (!ASN1_INTEGER_set(sd->version, 1))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ret = data_content(sd, fresh, pkcs7->pruned, data, flags);
    if (ret < 0)
        return ret;
    if (flags & GNUTLS_PKCS7_INCLUDE_CERT) {
        ret = gnutls_pkcs7_set_crt(pkcs7, signer);
        if (ret < 0)
            return ret;
    }
    X509_ALGOR *md_alg = algor_no_params(dig_oid);
    if (md_alg == NULL || !sk_X509_ALGOR_push(sd->md_algs, md_alg)) {
        X509_ALGOR_free(md_alg);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }

    PKCS7_SIGNER_INFO *si = PKCS7_SIGNER_INFO_new();
    ASN1_OBJECT *dobj = OBJ_txt2obj(dig_oid, 1);
    int spki = (flags & GNUTLS_PKCS7_WRITE_SPKI) != 0;
    int ok = si && dobj && ASN1_INTEGER_set(si->version, spki ? 3 : 1) &&
             X509_ALGOR_set0(si->digest_alg, dobj, V_ASN1_UNDEF, NULL);
    if (ok)
        dobj = NULL; /* the algorithm owns it now */
    if (!ok || (!spki && !X509_NAME_set(&si->issuer_and_serial->issuer, X509_get_issuer_name(signer->x509)))) {
        ASN1_OBJECT_free(dobj);
        PKCS7_SIGNER_INFO_free(si);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    /* the SignerInfo is in the structure from here on, even if a later
     * step fails (GnuTLS leaves it there too) */
    if (!sk_PKCS7_SIGNER_INFO_push(sd->signer_info, si)) {
        PKCS7_SIGNER_INFO_free(si);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    /* until it has its signature, GnuTLS could not encode it */
    int was_unencodable = pkcs7->unencodable;
    pkcs7->unencodable = 1;
    if (spki)
        return spki_signer_id(signer);
    ASN1_INTEGER_free(si->issuer_and_serial->serial);
    si->issuer_and_serial->serial = ASN1_INTEGER_dup(X509_get0_serialNumber(signer->x509));
    ret = si->issuer_and_serial->serial ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0)
        ret = add_attr_list(&si->unauth_attr, unsigned_attrs);
    if (ret == 0)
        ret = signed_attrs(si, sd->contents->type, data, dig, signed_attrs_list, flags);

    /* the signature algorithm: rsaEncryption for RSA, else the signature's */
    int pk = gnutls_x509_crt_get_pk_algorithm(signer, NULL);
    gnutls_sign_algorithm_t sigalgo = gnutls_pk_to_sign((gnutls_pk_algorithm_t)pk, dig);
    /* GnuTLS labels RSA with rsaEncryption whatever the digest and finds
     * out later; other keys fail when their signature OID is written */
    if (ret == 0 && sigalgo == GNUTLS_SIGN_UNKNOWN)
        ret = GNOSSL_ERR(pk == GNUTLS_PK_RSA ? GNUTLS_E_INVALID_REQUEST : GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
    if (ret == 0) {
        const char *soid = pk == GNUTLS_PK_RSA ? "1.2.840.113549.1.1.1" : gnutls_sign_get_oid(sigalgo);
        ASN1_OBJECT *sobj = soid ? OBJ_txt2obj(soid, 1) : NULL;
        if (sobj == NULL || !X509_ALGOR_set0(si->digest_enc_alg, sobj, pk == GNUTLS_PK_RSA ? V_ASN1_NULL : V_ASN1_UNDEF,
                                             NULL)) {
            ASN1_OBJECT_free(sobj);
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
    }
    if (ret < 0)
        return ret;

    /* what is signed: the signed attributes as the DER SET they will be
     * written as, or the data (or the content embedded earlier) */
    gnutls_datum_t sigdata = { NULL, 0 }, sig = { NULL, 0 };
    if (si->auth_attr && sk_X509_ATTRIBUTE_num(si->auth_attr) > 0) {
        /* encoding a SET OF sorts the stack it is given: sort a copy, so
         * the attributes keep the order GnuTLS reports them in */
        STACK_OF(X509_ATTRIBUTE) *copy = sk_X509_ATTRIBUTE_dup(si->auth_attr);
        unsigned char *der = NULL;
        int n = copy ? ASN1_item_i2d((ASN1_VALUE *)copy, &der, ASN1_ITEM_rptr(PKCS7_ATTR_SIGN)) : -1;
        sk_X509_ATTRIBUTE_free(copy);
        ret = n > 0 ? gnossl_datum_set(&sigdata, der, (size_t)n) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        OPENSSL_free(der);
    } else if (data && data->data) {
        ret = gnossl_datum_set(&sigdata, data->data, data->size);
    } else if (sd->contents->d.data) {
        ret = gnossl_datum_set(&sigdata, ASN1_STRING_get0_data(sd->contents->d.data),
                               (size_t)ASN1_STRING_length(sd->contents->d.data));
    } else {
        ret = GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    }
    if (ret >= 0 && (ret = gnutls_privkey_sign_data2(signer_key, sigalgo, 0, &sigdata, &sig)) < 0)
        /* GnuTLS writes the algorithm after the signature: none is left */
        X509_ALGOR_set0(si->digest_enc_alg, OBJ_nid2obj(NID_undef), V_ASN1_UNDEF, NULL);
    if (ret >= 0 && !ASN1_OCTET_STRING_set(si->enc_digest, sig.data, (int)sig.size))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    gnutls_free(sigdata.data);
    gnutls_free(sig.data);

    /* empty certificate and CRL sets are left out, for good */
    pkcs7->pruned = 1;
    if (sd->cert && sk_X509_num(sd->cert) == 0) {
        sk_X509_free(sd->cert);
        sd->cert = NULL;
    }
    if (sd->crl && sk_X509_CRL_num(sd->crl) == 0) {
        sk_X509_CRL_free(sd->crl);
        sd->crl = NULL;
    }
    if (ret >= 0)
        pkcs7->unencodable = was_unencodable;
    return ret < 0 ? ret : 0;
}
