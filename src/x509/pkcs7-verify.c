/* PKCS#7 signatures, reading side: gnutls_pkcs7_get_signature_info and
 * verification (verify_direct against a given signer, verify through a
 * trust list), following GnuTLS 3.7.9: the signed attributes, when
 * present, must carry the digest of the data (or of the encapsulated
 * content) and the right content type, and the signature covers them
 * re-tagged as a SET; otherwise it covers the data.  The structures are
 * OpenSSL's PKCS7 or CMS (pkcs7.c), read here through one SignerInfo view;
 * the checks use the x509 room's certificate and trust-list functions.
 * Signers are named by issuer and serial or by subjectKeyIdentifier. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <openssl/err.h>
#include <string.h>

/* A temporary stack of the attributes get(si, i) borrows, NULL if none. */
static STACK_OF(X509_ATTRIBUTE) *cms_attrs(CMS_SignerInfo *si, int (*count)(const CMS_SignerInfo *),
                                           X509_ATTRIBUTE *(*get)(const CMS_SignerInfo *, int))
{
    int n = count(si);
    if (n < 0)
        return NULL;
    STACK_OF(X509_ATTRIBUTE) *sk = sk_X509_ATTRIBUTE_new_null();
    for (int i = 0; sk && i < n; i++)
        if (!sk_X509_ATTRIBUTE_push(sk, get(si, i))) {
            sk_X509_ATTRIBUTE_free(sk);
            return NULL;
        }
    return sk;
}

static int cms_signer(gnutls_pkcs7_t pkcs7, unsigned idx, struct gnossl_p7_signer *out)
{
    STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(pkcs7->cms);
    if (sis != NULL && pkcs7->half != NULL && idx == (unsigned)sk_CMS_SignerInfo_num(sis))
        return gnossl_pkcs7_signer(pkcs7->half, 0, out);
    if (sis == NULL || idx >= (unsigned)sk_CMS_SignerInfo_num(sis))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(sis, (int)idx);
    X509_ALGOR *dig = NULL, *sig = NULL;
    ASN1_OCTET_STRING *keyid = NULL;
    X509_NAME *issuer = NULL;
    ASN1_INTEGER *serial = NULL;
    CMS_SignerInfo_get0_algs(si, NULL, NULL, &dig, &sig);
    CMS_SignerInfo_get0_signer_id(si, &keyid, &issuer, &serial);
    out->digest_alg = dig;
    out->sig_alg = sig;
    out->sig = CMS_SignerInfo_get0_signature(si);
    out->keyid = keyid;
    out->issuer = issuer;
    out->serial = serial;
    out->own_stacks = 1;
    out->signed_attrs = cms_attrs(si, CMS_signed_get_attr_count, CMS_signed_get_attr);
    out->unsigned_attrs = cms_attrs(si, CMS_unsigned_get_attr_count, CMS_unsigned_get_attr);
    return 0;
}

int gnossl_pkcs7_signer(gnutls_pkcs7_t pkcs7, unsigned idx, struct gnossl_p7_signer *out)
{
    memset(out, 0, sizeof(*out));
    if (pkcs7->cms)
        return cms_signer(pkcs7, idx, out);
    if (pkcs7->p7 == NULL || !PKCS7_type_is_signed(pkcs7->p7) || pkcs7->p7->d.sign == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    STACK_OF(PKCS7_SIGNER_INFO) *sis = pkcs7->p7->d.sign->signer_info;
    if (sis == NULL || idx >= (unsigned)sk_PKCS7_SIGNER_INFO_num(sis))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    PKCS7_SIGNER_INFO *si = sk_PKCS7_SIGNER_INFO_value(sis, (int)idx);
    out->digest_alg = si->digest_alg;
    out->sig_alg = si->digest_enc_alg;
    out->sig = si->enc_digest;
    if (si->issuer_and_serial) {
        out->issuer = si->issuer_and_serial->issuer;
        out->serial = si->issuer_and_serial->serial;
    }
    out->signed_attrs = PKCS7_get_signed_attributes(si);
    out->unsigned_attrs = PKCS7_get_attributes(si);
    return 0;
}

void gnossl_pkcs7_signer_clear(struct gnossl_p7_signer *s)
{
    if (s->own_stacks) {
        sk_X509_ATTRIBUTE_free(s->signed_attrs);
        sk_X509_ATTRIBUTE_free(s->unsigned_attrs);
    }
    memset(s, 0, sizeof(*s));
}

void gnutls_pkcs7_signature_info_deinit(gnutls_pkcs7_signature_info_st *info)
{
    if (info == NULL)
        return;
    gnutls_free(info->sig.data);
    gnutls_free(info->issuer_dn.data);
    gnutls_free(info->signer_serial.data);
    gnutls_free(info->issuer_keyid.data);
    gnutls_pkcs7_attrs_deinit(info->signed_attrs);
    gnutls_pkcs7_attrs_deinit(info->unsigned_attrs);
    memset(info, 0, sizeof(*info));
}

/* GnuTLS's signature algorithm of a SignerInfo: the signature OID, or
 * (PKCS#7 allows naming only the key type) key type + digest. */
static gnutls_sign_algorithm_t signer_algo(const struct gnossl_p7_signer *si)
{
    char oid[128];
    if (si->sig_alg == NULL || si->digest_alg == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    gnossl_oid_text(si->sig_alg->algorithm, oid, sizeof oid);
    gnutls_sign_algorithm_t sig = gnutls_oid_to_sign(oid);
    if (sig != GNUTLS_SIGN_UNKNOWN)
        return sig;
    gnutls_pk_algorithm_t pk = gnutls_oid_to_pk(oid);
    if (pk == GNUTLS_PK_UNKNOWN)
        return GNUTLS_SIGN_UNKNOWN;
    gnossl_oid_text(si->digest_alg->algorithm, oid, sizeof oid);
    gnutls_digest_algorithm_t dig = gnutls_oid_to_digest(oid);
    if (dig == GNUTLS_DIG_UNKNOWN)
        return GNUTLS_SIGN_UNKNOWN;
    return gnutls_pk_to_sign(pk, dig);
}

/* Every attribute with the DER of its first value, in the order stored. */
static int read_attrs(STACK_OF(X509_ATTRIBUTE) *attrs, gnutls_pkcs7_attrs_t *list, time_t *signing_time)
{
    for (int i = 0; i < sk_X509_ATTRIBUTE_num(attrs); i++) {
        X509_ATTRIBUTE *a = sk_X509_ATTRIBUTE_value(attrs, i);
        char oid[128];
        gnossl_oid_text(X509_ATTRIBUTE_get0_object(a), oid, sizeof oid);
        ASN1_TYPE *v = X509_ATTRIBUTE_count(a) > 0 ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
        unsigned char *der = NULL;
        int n = v ? i2d_ASN1_TYPE(v, &der) : 0;
        if (n < 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        gnutls_datum_t d = { der, (unsigned)n };
        int ret = gnutls_pkcs7_add_attr(list, oid, &d, 0);
        OPENSSL_free(der);
        if (ret < 0)
            return ret;
        if (signing_time && OBJ_obj2nid(X509_ATTRIBUTE_get0_object(a)) == NID_pkcs9_signingTime && v &&
            (v->type == V_ASN1_UTCTIME || v->type == V_ASN1_GENERALIZEDTIME))
            *signing_time = gnossl_asn1_time_to_time(v->value.utctime);
    }
    return 0;
}

int gnutls_pkcs7_get_signature_info(gnutls_pkcs7_t pkcs7, unsigned idx, gnutls_pkcs7_signature_info_st *info)
{
    if (pkcs7 == NULL || info == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    memset(info, 0, sizeof(*info));
    info->signing_time = -1;
    struct gnossl_p7_signer si;
    int ret = gnossl_pkcs7_signer(pkcs7, idx, &si);
    if (ret < 0)
        return ret;
    info->algo = signer_algo(&si);
    if (info->algo == GNUTLS_SIGN_UNKNOWN) {
        gnossl_pkcs7_signer_clear(&si);
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_ALGORITHM);
    }

    ret = gnossl_datum_set(&info->sig, ASN1_STRING_get0_data(si.sig), (size_t)ASN1_STRING_length(si.sig));
    if (ret >= 0 && si.issuer) {
        unsigned char *der = NULL;
        int n = i2d_X509_NAME(si.issuer, &der);
        ret = n > 0 ? gnossl_datum_set(&info->issuer_dn, der, (size_t)n) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        OPENSSL_free(der);
        if (ret >= 0)
            ret = gnossl_asn1_int_datum(si.serial, &info->signer_serial);
    } else if (ret >= 0 && si.keyid) {
        /* GnuTLS reports the signer's own key id in issuer_keyid */
        ret = gnossl_datum_set(&info->issuer_keyid, ASN1_STRING_get0_data(si.keyid),
                               (size_t)ASN1_STRING_length(si.keyid));
    }
    if (ret >= 0 && info->issuer_dn.data == NULL && info->issuer_keyid.data == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    if (ret >= 0)
        ret = read_attrs(si.signed_attrs, &info->signed_attrs, &info->signing_time);
    if (ret >= 0)
        ret = read_attrs(si.unsigned_attrs, &info->unsigned_attrs, NULL);
    gnossl_pkcs7_signer_clear(&si);
    if (ret < 0) {
        gnutls_pkcs7_signature_info_deinit(info);
        return ret;
    }
    return 0;
}

/* The encapsulated content octets, if any. */
static int econtent(gnutls_pkcs7_t pkcs7, gnutls_datum_t *out)
{
    /* GnuTLS reads the content as decoded at import: a structure signed
     * here has none until exported and imported again */
    if (!pkcs7->imported)
        return GNOSSL_ERR(GNUTLS_E_NO_EMBEDDED_DATA);
    const ASN1_OCTET_STRING *os = gnossl_pkcs7_content(pkcs7);
    if (os == NULL)
        return GNOSSL_ERR(GNUTLS_E_NO_EMBEDDED_DATA);
    return gnossl_datum_set(out, ASN1_STRING_get0_data(os), (size_t)ASN1_STRING_length(os));
}

/* The message digest and content type attributes must match. */
static int check_signed_attrs(gnutls_pkcs7_t pkcs7, STACK_OF(X509_ATTRIBUTE) *attrs, gnutls_sign_algorithm_t algo,
                              const gnutls_datum_t *data)
{
    gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm(algo);
    if (hash == GNUTLS_DIG_UNKNOWN)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    gnutls_datum_t own = { NULL, 0 };
    if (data == NULL || data->data == NULL) {
        int ret = econtent(pkcs7, &own);
        if (ret < 0)
            return ret;
        data = &own;
    }
    unsigned char md[64];
    unsigned md_len = gnutls_hash_get_len(hash);
    int ret = gnutls_hash_fast(hash, data->data, data->size, md);
    gnutls_free(own.data);
    if (ret < 0)
        return ret;

    int md_ok = 0, content_types = 0;
    for (int i = 0; i < sk_X509_ATTRIBUTE_num(attrs); i++) {
        X509_ATTRIBUTE *a = sk_X509_ATTRIBUTE_value(attrs, i);
        ASN1_TYPE *v = X509_ATTRIBUTE_count(a) > 0 ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
        int nid = OBJ_obj2nid(X509_ATTRIBUTE_get0_object(a));
        if (nid == NID_pkcs9_messageDigest) {
            if (v == NULL || v->type != V_ASN1_OCTET_STRING)
                return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
            if ((unsigned)ASN1_STRING_length(v->value.octet_string) == md_len &&
                memcmp(ASN1_STRING_get0_data(v->value.octet_string), md, md_len) == 0)
                md_ok = 1;
        } else if (nid == NID_pkcs9_contentType) {
            if (content_types++ > 0)
                return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
            const ASN1_OBJECT *ct = gnossl_pkcs7_content_type(pkcs7);
            if (v == NULL || v->type != V_ASN1_OBJECT || ct == NULL || OBJ_cmp(v->value.object, ct) != 0)
                return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        }
    }
    if (!md_ok) {
        gnossl_debug("pkcs7: the message digest attribute does not match the data");
        return GNOSSL_ERR(GNUTLS_E_PK_SIG_VERIFY_FAILED);
    }
    return 0;
}

/* The bytes a signature covers: the signed attributes re-tagged as a SET
 * (after checking their message digest and content type against data or
 * the encapsulated content), or the data itself. */
static int sigdata_of(gnutls_pkcs7_t pkcs7, const struct gnossl_p7_signer *si, const gnutls_datum_t *data,
                      gnutls_sign_algorithm_t algo, gnutls_datum_t *out)
{
    STACK_OF(X509_ATTRIBUTE) *attrs = si->signed_attrs;
    if (attrs) {
        int ret = check_signed_attrs(pkcs7, attrs, algo, data);
        if (ret < 0)
            return ret;
        /* the attributes as a DER SET (sorted, as libtasn1 encodes them
         * for GnuTLS); sorting reorders the stack, so a copy is encoded */
        STACK_OF(X509_ATTRIBUTE) *copy = sk_X509_ATTRIBUTE_dup(attrs);
        unsigned char *der = NULL;
        int n = copy ? ASN1_item_i2d((ASN1_VALUE *)copy, &der, ASN1_ITEM_rptr(PKCS7_ATTR_SIGN)) : -1;
        sk_X509_ATTRIBUTE_free(copy);
        if (n <= 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        ret = gnossl_datum_set(out, der, (size_t)n);
        OPENSSL_free(der);
        return ret;
    }
    if (data && data->data)
        return gnossl_datum_set(out, data->data, data->size);
    /* without signed attributes and without content GnuTLS checks the
     * signature over nothing, which fails */
    int ret = econtent(pkcs7, out);
    return ret == GNUTLS_E_NO_EMBEDDED_DATA ? GNOSSL_ERR(GNUTLS_E_PK_SIG_VERIFY_FAILED) : ret;
}

/* The signature check itself; like GnuTLS, a valid signature with a
 * broken algorithm (MD5 and the like) is refused unless the caller allows
 * broken algorithms. */
static int check_signature(gnutls_x509_crt_t signer, const gnutls_pkcs7_signature_info_st *info, unsigned flags,
                           const gnutls_datum_t *sigdata)
{
    int ret = gnutls_x509_crt_verify_data2(signer, info->algo, flags, sigdata, &info->sig);
    if (ret >= 0 && !(flags & GNUTLS_VERIFY_ALLOW_BROKEN) && !gnutls_sign_is_secure2(info->algo, 0)) {
        gnossl_debug("pkcs7: signature algorithm %s is not secure", gnutls_sign_get_name(info->algo));
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_SECURITY);
    }
    return ret;
}

/* What both verifications start with: the signature info of signer idx
 * and the bytes its signature covers (info is left empty on error). */
static int signed_bytes(gnutls_pkcs7_t pkcs7, unsigned idx, const gnutls_datum_t *data,
                        gnutls_pkcs7_signature_info_st *info, gnutls_datum_t *sigdata)
{
    struct gnossl_p7_signer si;
    memset(info, 0, sizeof(*info));
    int ret = gnossl_pkcs7_signer(pkcs7, idx, &si);
    if (ret < 0)
        return ret;
    ret = gnutls_pkcs7_get_signature_info(pkcs7, idx, info);
    if (ret >= 0) {
        ret = sigdata_of(pkcs7, &si, data, info->algo, sigdata);
        if (ret < 0)
            gnutls_pkcs7_signature_info_deinit(info);
    }
    gnossl_pkcs7_signer_clear(&si);
    return ret;
}

int gnutls_pkcs7_verify_direct(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t signer, unsigned idx,
                               const gnutls_datum_t *data, unsigned flags)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pkcs7_signature_info_st info;
    gnutls_datum_t sigdata = { NULL, 0 };
    int ret = signed_bytes(pkcs7, idx, data, &info, &sigdata);
    if (ret >= 0)
        ret = signer ? check_signature(signer, &info, flags, &sigdata) : GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_free(sigdata.data);
    gnutls_pkcs7_signature_info_deinit(&info);
    return ret;
}

/* c is the signer info names: by serial, else by subject key id. */
static int is_named_signer(gnutls_x509_crt_t c, const gnutls_pkcs7_signature_info_st *info)
{
    unsigned char buf[128];
    size_t len = sizeof buf;
    if (info->signer_serial.size > 0)
        return gnutls_x509_crt_get_serial(c, buf, &len) >= 0 && len == info->signer_serial.size &&
               memcmp(buf, info->signer_serial.data, len) == 0;
    return info->issuer_keyid.size > 0 && gnutls_x509_crt_get_subject_key_id(c, buf, &len, NULL) >= 0 &&
           len == info->issuer_keyid.size && memcmp(buf, info->issuer_keyid.data, len) == 0;
}

/* The i-th certificate of the structure, NULL at the end or on error. */
static gnutls_x509_crt_t crt_at(gnutls_pkcs7_t pkcs7, int i)
{
    gnutls_datum_t der;
    gnutls_x509_crt_t c = NULL;
    if (gnutls_pkcs7_get_crt_raw2(pkcs7, (unsigned)i, &der) < 0)
        return NULL;
    if (gnutls_x509_crt_init(&c) < 0 || gnutls_x509_crt_import(c, &der, GNUTLS_X509_FMT_DER) < 0) {
        gnutls_x509_crt_deinit(c);
        c = NULL;
    }
    gnutls_free(der.data);
    return c;
}

/* A certificate of the structure issued by issuer (if given), fit for the
 * purpose, with the signer's serial number or subject key id. */
static gnutls_x509_crt_t child_with_serial(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t issuer, const char *purpose,
                                           const gnutls_pkcs7_signature_info_st *info)
{
    int count = gnutls_pkcs7_get_crt_count(pkcs7);
    for (int i = 0; i < count; i++) {
        gnutls_x509_crt_t c = crt_at(pkcs7, i);
        if (c == NULL)
            return NULL;
        if ((issuer == NULL || gnutls_x509_crt_check_issuer(c, issuer)) &&
            (purpose == NULL || gnutls_x509_crt_check_key_purpose(c, purpose, 0)) && is_named_signer(c, info))
            return c;
        gnutls_x509_crt_deinit(c);
    }
    return NULL;
}

/* A certificate of the structure that issued and verifies cert. */
static gnutls_x509_crt_t verified_issuer_of(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t cert, const char *purpose,
                                            unsigned vflags)
{
    int count = gnutls_pkcs7_get_crt_count(pkcs7);
    for (int i = 0; i < count; i++) {
        gnutls_x509_crt_t c = crt_at(pkcs7, i);
        unsigned status = 1;
        if (c == NULL)
            return NULL;
        if (gnutls_x509_crt_check_issuer(cert, c) &&
            gnutls_x509_crt_verify(cert, &c, 1, vflags | GNUTLS_VERIFY_DO_NOT_ALLOW_SAME, &status) >= 0 &&
            status == 0 && (purpose == NULL || gnutls_x509_crt_check_key_purpose(c, purpose, 0)))
            return c;
        gnutls_x509_crt_deinit(c);
    }
    return NULL;
}

static int trusted(gnutls_x509_trust_list_t tl, gnutls_x509_crt_t c, gnutls_typed_vdata_st *vdata,
                   unsigned vdata_size, unsigned vflags)
{
    unsigned status = 1;
    return gnutls_x509_trust_list_verify_crt2(tl, &c, 1, vdata, vdata_size, vflags, &status, NULL) >= 0 &&
           status == 0;
}

/* GnuTLS's signer search: an anchor with the signer's key id, or a
 * certificate of the structure with the signer's serial, issued by the
 * anchor named as its issuer (then it must verify against the trust
 * list), or else any with that serial or key id
 * whose chain through the structure's certificates reaches the trust
 * list. */
static gnutls_x509_crt_t find_signer(gnutls_pkcs7_t pkcs7, gnutls_x509_trust_list_t tl, gnutls_typed_vdata_st *vdata,
                                     unsigned vdata_size, unsigned vflags,
                                     const gnutls_pkcs7_signature_info_st *info)
{
    const char *purpose = NULL;
    gnutls_x509_crt_t issuer = NULL, signer = NULL;
    for (unsigned i = 0; i < vdata_size; i++)
        if (vdata[i].type == GNUTLS_DT_KEY_PURPOSE_OID) {
            purpose = (const char *)vdata[i].data;
            break;
        }
    if (tl == NULL)
        return NULL;
    /* a signer named by key id may itself be in the trust list; it must
     * then verify against it */
    if (info->issuer_keyid.data &&
        gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &info->issuer_keyid, &signer, 0) >= 0 &&
        signer) {
        if (!trusted(tl, signer, vdata, vdata_size, vflags)) {
            gnutls_x509_crt_deinit(signer);
            signer = NULL;
        }
        return signer;
    }
    /* a copy of the anchor */
    if (info->issuer_dn.data &&
        gnutls_x509_trust_list_get_issuer_by_dn(tl, &info->issuer_dn, &issuer, GNUTLS_TL_GET_COPY) >= 0 && issuer) {
        signer = child_with_serial(pkcs7, issuer, purpose, info);
        gnutls_x509_crt_deinit(issuer);
        if (signer && !trusted(tl, signer, vdata, vdata_size, vflags)) {
            gnutls_x509_crt_deinit(signer);
            signer = NULL;
        }
        return signer;
    }
    signer = child_with_serial(pkcs7, NULL, purpose, info);
    if (signer == NULL || trusted(tl, signer, vdata, vdata_size, vflags))
        return signer;
    /* walk up through the structure's certificates */
    gnutls_x509_crt_t last = signer, next;
    for (int depth = 0; depth < 16 && (next = verified_issuer_of(pkcs7, last, purpose, vflags)) != NULL; depth++) {
        if (last != signer)
            gnutls_x509_crt_deinit(last);
        last = next;
        if (gnutls_x509_crt_check_issuer(next, next))
            break;
    }
    int ok = last != signer && trusted(tl, last, vdata, vdata_size, vflags);
    if (last != signer)
        gnutls_x509_crt_deinit(last);
    if (!ok) {
        gnutls_x509_crt_deinit(signer);
        signer = NULL;
    }
    return signer;
}

int gnutls_pkcs7_verify(gnutls_pkcs7_t pkcs7, gnutls_x509_trust_list_t tl, gnutls_typed_vdata_st *vdata,
                        unsigned int vdata_size, unsigned idx, const gnutls_datum_t *data, unsigned flags)
{
    if (pkcs7 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pkcs7_signature_info_st info;
    gnutls_datum_t sigdata = { NULL, 0 };
    int ret = signed_bytes(pkcs7, idx, data, &info, &sigdata);
    if (ret >= 0) {
        gnutls_x509_crt_t signer = find_signer(pkcs7, tl, vdata, vdata_size, flags, &info);
        if (signer) {
            /* GnuTLS's internal verify_data3: the signer must fit the
             * requested key purpose too */
            ret = 0;
            for (unsigned i = 0; i < vdata_size; i++)
                if (vdata[i].type == GNUTLS_DT_KEY_PURPOSE_OID &&
                    !gnutls_x509_crt_check_key_purpose(signer, (const char *)vdata[i].data, 0)) {
                    ret = GNOSSL_ERR(GNUTLS_E_CONSTRAINT_ERROR);
                    break;
                }
            if (ret == 0)
                ret = check_signature(signer, &info, flags, &sigdata);
            gnutls_x509_crt_deinit(signer);
        } else {
            gnossl_debug("pkcs7: no trusted signer found");
            ret = GNOSSL_ERR(GNUTLS_E_PK_SIG_VERIFY_FAILED);
        }
    }
    gnutls_free(sigdata.data);
    gnutls_pkcs7_signature_info_deinit(&info);
    return ret;
}
