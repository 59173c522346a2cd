/* gnutls_x509_crt_set_* for the less common extensions (AIA, CRL
 * distribution points, policies, inhibit anyPolicy, issuer alternative
 * names, other names, TLS features, private key usage period, proxy
 * certificates) and copying extensions from a request.  Values are built
 * as OpenSSL structures and encoded by OpenSSL; a setter that adds to a
 * list extension decodes the current one and appends, as GnuTLS does. */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/pkcs-int.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

int gnossl_crt_put_raw_ext(gnutls_x509_crt_t c, const char *oid, const void *der, size_t len, int critical)
{
    if (c == NULL || oid == NULL || der == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    X509_EXTENSION *ext = NULL;
    int ret = 0;
    if (obj == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
    else if (os == NULL || !ASN1_OCTET_STRING_set(os, der, (int)len) ||
             (ext = X509_EXTENSION_create_by_OBJ(NULL, obj, critical != 0, os)) == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ASN1_OBJECT_free(obj);
    ASN1_OCTET_STRING_free(os);
    X509 *x;
    if (ret == 0 && (x = gnossl_crt_wx(c)) == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0) {
        X509_set_version(x, X509_VERSION_3);
        int at = X509_get_ext_by_OBJ(x, X509_EXTENSION_get_object(ext), -1);
        if (at >= 0) {
            /* replace in place, keeping the order */
            X509_EXTENSION *old = X509_get_ext(x, at);
            if (!X509_EXTENSION_set_critical(old, critical != 0) ||
                !X509_EXTENSION_set_data(old, X509_EXTENSION_get_data(ext)))
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        } else if (!X509_add_ext(x, ext, -1))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    X509_EXTENSION_free(ext);
    ERR_clear_error();
    return ret;
}

int gnutls_x509_crt_set_extension_by_oid(gnutls_x509_crt_t crt, const char *oid, const void *buf, size_t sizeof_buf,
                                         unsigned int critical)
{
    return gnossl_crt_put_raw_ext(crt, oid, buf, sizeof_buf, critical);
}

/* The current value of a list extension, for appending. */
static void *cur(gnutls_x509_crt_t c, int nid, int *crit)
{
    *crit = 0;
    if (c->x509 == NULL)
        return NULL;
    void *v = X509_get_ext_d2i(c->x509, nid, crit, NULL);
    if (*crit < 0)
        *crit = 0;
    return v;
}

int gnutls_x509_crt_set_authority_info_access(gnutls_x509_crt_t crt, int what, gnutls_datum_t *data)
{
    if (crt == NULL || data == NULL || data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int nid;
    if (what == GNUTLS_IA_OCSP_URI)
        nid = NID_ad_OCSP;
    else if (what == GNUTLS_IA_CAISSUERS_URI)
        nid = NID_ad_ca_issuers;
    else
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit;
    AUTHORITY_INFO_ACCESS *aia = cur(crt, NID_info_access, &crit);
    if (aia == NULL)
        aia = AUTHORITY_INFO_ACCESS_new();
    ACCESS_DESCRIPTION *ad = ACCESS_DESCRIPTION_new();
    GENERAL_NAME *gn = gnossl_make_gn(GNUTLS_SAN_URI, data->data, data->size);
    int ret;
    if (aia == NULL || ad == NULL || gn == NULL) {
        GENERAL_NAME_free(gn);
        ACCESS_DESCRIPTION_free(ad);
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    } else {
        ASN1_OBJECT_free(ad->method);
        ad->method = OBJ_nid2obj(nid);
        GENERAL_NAME_free(ad->location);
        ad->location = gn;
        if (!sk_ACCESS_DESCRIPTION_push(aia, ad)) {
            ACCESS_DESCRIPTION_free(ad);
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        } else
            ret = gnossl_crt_put_ext(crt, NID_info_access, aia, crit);
    }
    AUTHORITY_INFO_ACCESS_free(aia);
    return ret;
}

int gnutls_x509_crt_set_crl_dist_points2(gnutls_x509_crt_t crt, gnutls_x509_subject_alt_name_t type,
                                         const void *data, unsigned int data_size, unsigned int reason_flags)
{
    if (crt == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAME *gn = gnossl_make_gn(type, data, data_size);
    if (gn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit;
    CRL_DIST_POINTS *dps = cur(crt, NID_crl_distribution_points, &crit);
    if (dps == NULL)
        dps = CRL_DIST_POINTS_new();
    DIST_POINT *dp = DIST_POINT_new();
    DIST_POINT_NAME *dpn = DIST_POINT_NAME_new();
    GENERAL_NAMES *names = GENERAL_NAMES_new();
    int ret = 0;
    if (dps == NULL || dp == NULL || dpn == NULL || names == NULL || !sk_GENERAL_NAME_push(names, gn)) {
        GENERAL_NAME_free(gn);
        GENERAL_NAMES_free(names);
        DIST_POINT_NAME_free(dpn);
        DIST_POINT_free(dp);
        CRL_DIST_POINTS_free(dps);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    dpn->type = 0;
    dpn->name.fullname = names;
    dp->distpoint = dpn;
    if (reason_flags) {
        /* GnuTLS 3.7 writes the ReasonFlags as a 2-bit string (so only
         * "unused" and keyCompromise survive): same bytes here */
        unsigned char b = (unsigned char)(reason_flags & 0xc0);
        dp->reasons = ASN1_BIT_STRING_new();
        if (dp->reasons == NULL || !ASN1_BIT_STRING_set(dp->reasons, &b, 1)) {
            DIST_POINT_free(dp);
            CRL_DIST_POINTS_free(dps);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        dp->reasons->flags = (dp->reasons->flags & ~0x07L) | ASN1_STRING_FLAG_BITS_LEFT | 6;
    }
    if (!sk_DIST_POINT_push(dps, dp)) {
        DIST_POINT_free(dp);
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    } else
        ret = gnossl_crt_put_ext(crt, NID_crl_distribution_points, dps, crit);
    CRL_DIST_POINTS_free(dps);
    return ret;
}

int gnutls_x509_crt_set_crl_dist_points(gnutls_x509_crt_t crt, gnutls_x509_subject_alt_name_t type,
                                        const void *data_string, unsigned int reason_flags)
{
    if (data_string == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_x509_crt_set_crl_dist_points2(crt, type, data_string, (unsigned)strlen(data_string),
                                                reason_flags);
}

int gnutls_x509_crt_cpy_crl_dist_points(gnutls_x509_crt_t dst, gnutls_x509_crt_t src)
{
    if (dst == NULL || src == NULL || src->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    CRL_DIST_POINTS *dps = X509_get_ext_d2i(src->x509, NID_crl_distribution_points, &crit, NULL);
    if (dps == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    int ret = gnossl_crt_put_ext(dst, NID_crl_distribution_points, dps, crit > 0);
    CRL_DIST_POINTS_free(dps);
    return ret;
}

int gnutls_x509_crt_set_inhibit_anypolicy(gnutls_x509_crt_t crt, unsigned int skipcerts)
{
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_INTEGER *i = ASN1_INTEGER_new();
    if (i == NULL || !ASN1_INTEGER_set_uint64(i, skipcerts)) {
        ASN1_INTEGER_free(i);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret = gnossl_crt_put_ext(crt, NID_inhibit_any_policy, i, 1);
    ASN1_INTEGER_free(i);
    return ret;
}

int gnutls_x509_crt_set_policy(gnutls_x509_crt_t crt, const struct gnutls_x509_policy_st *policy,
                               unsigned int critical)
{
    if (crt == NULL || policy == NULL || policy->oid == NULL || policy->qualifiers > GNUTLS_MAX_QUALIFIERS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit;
    CERTIFICATEPOLICIES *pols = cur(crt, NID_certificate_policies, &crit);
    if (pols == NULL)
        pols = CERTIFICATEPOLICIES_new();
    POLICYINFO *pi = POLICYINFO_new();
    int ret = 0;
    if (pols == NULL || pi == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        goto out;
    }
    ASN1_OBJECT_free(pi->policyid);
    pi->policyid = OBJ_txt2obj(policy->oid, 1);
    if (pi->policyid == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        goto out;
    }
    for (unsigned q = 0; q < policy->qualifiers; q++) {
        POLICYQUALINFO *qi = POLICYQUALINFO_new();
        const char *d = policy->qualifier[q].data;
        int n = (int)policy->qualifier[q].size;
        if (qi == NULL || d == NULL) {
            POLICYQUALINFO_free(qi);
            ret = GNOSSL_ERR(qi == NULL ? GNUTLS_E_MEMORY_ERROR : GNUTLS_E_INVALID_REQUEST);
            goto out;
        }
        if (policy->qualifier[q].type == GNUTLS_X509_QUALIFIER_URI) {
            qi->pqualid = OBJ_nid2obj(NID_id_qt_cps);
            qi->d.cpsuri = ASN1_IA5STRING_new();
            if (qi->d.cpsuri == NULL || !ASN1_STRING_set(qi->d.cpsuri, d, n))
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        } else if (policy->qualifier[q].type == GNUTLS_X509_QUALIFIER_NOTICE) {
            qi->pqualid = OBJ_nid2obj(NID_id_qt_unotice);
            qi->d.usernotice = USERNOTICE_new();
            if (qi->d.usernotice == NULL ||
                (qi->d.usernotice->exptext = ASN1_UTF8STRING_new()) == NULL ||
                !ASN1_STRING_set(qi->d.usernotice->exptext, d, n))
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        } else
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (ret == 0 && pi->qualifiers == NULL && (pi->qualifiers = sk_POLICYQUALINFO_new_null()) == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        if (ret == 0 && !sk_POLICYQUALINFO_push(pi->qualifiers, qi))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        if (ret < 0) {
            POLICYQUALINFO_free(qi);
            goto out;
        }
    }
    if (!sk_POLICYINFO_push(pols, pi)) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        goto out;
    }
    pi = NULL;
    (void)crit;
    ret = gnossl_crt_put_ext(crt, NID_certificate_policies, pols, critical != 0);
out:
    POLICYINFO_free(pi);
    CERTIFICATEPOLICIES_free(pols);
    return ret;
}

/* Append (or set) one name in the SAN or IAN extension. */
static int alt_add(gnutls_x509_crt_t crt, int nid, GENERAL_NAME *gn, unsigned flags)
{
    if (gn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = 0;
    GENERAL_NAMES *gns = NULL;
    if (flags & GNUTLS_FSAN_APPEND)
        gns = cur(crt, nid, &crit);
    if (gns == NULL)
        gns = GENERAL_NAMES_new();
    if (gns == NULL || !sk_GENERAL_NAME_push(gns, gn)) {
        GENERAL_NAME_free(gn);
        GENERAL_NAMES_free(gns);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret = gnossl_crt_put_ext(crt, nid, gns, crit > 0);
    GENERAL_NAMES_free(gns);
    return ret;
}

/* An otherName, NULL on any failure (alt_add then refuses it). */
static GENERAL_NAME *othername(const char *oid, const void *data, unsigned size, unsigned flags)
{
    GENERAL_NAME *gn = NULL;
    return gnossl_othername_make(oid, data, size, flags, &gn) < 0 ? NULL : gn;
}

int gnutls_x509_crt_set_subject_alt_othername(gnutls_x509_crt_t crt, const char *oid, const void *data,
                                              unsigned int data_size, unsigned int flags)
{
    if (crt == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return alt_add(crt, NID_subject_alt_name, othername(oid, data, data_size, flags), flags);
}

int gnutls_x509_crt_set_issuer_alt_othername(gnutls_x509_crt_t crt, const char *oid, const void *data,
                                             unsigned int data_size, unsigned int flags)
{
    if (crt == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return alt_add(crt, NID_issuer_alt_name, othername(oid, data, data_size, flags), flags);
}

int gnutls_x509_crt_set_issuer_alt_name(gnutls_x509_crt_t crt, gnutls_x509_subject_alt_name_t type,
                                        const void *data, unsigned int data_size, unsigned int flags)
{
    if (crt == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAME *gn = NULL;
    int ret = gnossl_san_make(type, data, data_size, &gn);
    return ret < 0 ? ret : alt_add(crt, NID_issuer_alt_name, gn, flags);
}

static ASN1_GENERALIZEDTIME *gtime(time_t t)
{
    return ASN1_GENERALIZEDTIME_set(NULL, t);
}

int gnutls_x509_crt_set_private_key_usage_period(gnutls_x509_crt_t crt, time_t activation, time_t expiration)
{
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    PKEY_USAGE_PERIOD *p = PKEY_USAGE_PERIOD_new();
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    p->notBefore = gtime(activation);
    p->notAfter = gtime(expiration);
    int ret = p->notBefore && p->notAfter ? gnossl_crt_put_ext(crt, NID_private_key_usage_period, p, 0)
                                          : GNOSSL_ERR(GNUTLS_E_ASN1_TIME_ERROR);
    PKEY_USAGE_PERIOD_free(p);
    return ret;
}

int gnutls_x509_crt_set_proxy_dn(gnutls_x509_crt_t crt, gnutls_x509_crt_t eecrt, unsigned int raw_flag,
                                 const void *name, unsigned int sizeof_name)
{
    X509 *x;
    if (crt == NULL || eecrt == NULL || eecrt->x509 == NULL || (x = gnossl_crt_wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* the subject is the end entity's subject plus one CN */
    if (!X509_set_subject_name(x, X509_get_subject_name(eecrt->x509)))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (name == NULL || sizeof_name == 0)
        return 0;
    return gnossl_name_add(X509_get_subject_name(x), GNUTLS_OID_X520_COMMON_NAME, raw_flag, name, sizeof_name);
}

int gnutls_x509_crt_set_proxy(gnutls_x509_crt_t crt, int pathLenConstraint, const char *policyLanguage,
                              const char *policy, size_t sizeof_policy)
{
    if (crt == NULL || policyLanguage == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    PROXY_CERT_INFO_EXTENSION *pci = PROXY_CERT_INFO_EXTENSION_new();
    int ret = 0;
    if (pci == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (pathLenConstraint >= 0) {
        pci->pcPathLengthConstraint = ASN1_INTEGER_new();
        if (pci->pcPathLengthConstraint == NULL || !ASN1_INTEGER_set(pci->pcPathLengthConstraint, pathLenConstraint))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    ASN1_OBJECT_free(pci->proxyPolicy->policyLanguage);
    pci->proxyPolicy->policyLanguage = OBJ_txt2obj(policyLanguage, 1);
    if (pci->proxyPolicy->policyLanguage == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ret == 0 && policy != NULL && sizeof_policy > 0) {
        pci->proxyPolicy->policy = ASN1_OCTET_STRING_new();
        if (pci->proxyPolicy->policy == NULL ||
            !ASN1_OCTET_STRING_set(pci->proxyPolicy->policy, (const unsigned char *)policy, (int)sizeof_policy))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (ret == 0)
        ret = gnossl_crt_put_ext(crt, NID_proxyCertInfo, pci, 1);
    PROXY_CERT_INFO_EXTENSION_free(pci);
    return ret;
}

/* Copy one extension (all when oid is NULL) from the request; an OID the
 * request lacks is not an error, as in GnuTLS. */
int gnutls_x509_crt_set_crq_extension_by_oid(gnutls_x509_crt_t crt, gnutls_x509_crq_t crq, const char *oid,
                                             unsigned flags)
{
    (void)flags;
    if (crt == NULL || crq == NULL || crq->req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    ERR_clear_error();
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_X509_EXTENSION_num(exts); i++) {
        X509_EXTENSION *e = sk_X509_EXTENSION_value(exts, i);
        char txt[128];
        gnossl_oid_text(X509_EXTENSION_get_object(e), txt, sizeof txt);
        if (oid != NULL && strcmp(oid, txt) != 0)
            continue;
        const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(e);
        ret = gnossl_crt_put_raw_ext(crt, txt, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v),
                                     X509_EXTENSION_get_critical(e));
    }
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    return ret;
}

int gnutls_x509_crt_set_crq_extensions(gnutls_x509_crt_t crt, gnutls_x509_crq_t crq)
{
    return gnutls_x509_crt_set_crq_extension_by_oid(crt, crq, NULL, 0);
}
