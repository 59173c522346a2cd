/* gnutls_x509_crt_* getters of extensions by index and OID, and of
 * CRL distribution points, policies, inhibit anyPolicy, private key usage
 * period, proxy information, authority key issuer/serial, key purpose
 * checks, the signature and the unique IDs. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509v3.h>
#include <string.h>

static X509_EXTENSION *ext_at(gnutls_x509_crt_t c, unsigned indx)
{
    if ((int)indx >= X509_get_ext_count(c->x509))
        return NULL;
    return X509_get_ext(c->x509, (int)indx);
}

#define CRT_ARGS(c)                                                                                                    \
    do {                                                                                                               \
        if ((c) == NULL)                                                                                               \
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);                                                               \
        if ((c)->x509 == NULL)                                                                                         \
            return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);                                                  \
    } while (0)

int gnossl_crt_ext_value(gnutls_x509_crt_t c, const char *oid, unsigned indx, gnutls_datum_t *out,
                         unsigned *critical)
{
    CRT_ARGS(c);
    int n = X509_get_ext_count(c->x509);
    for (int i = 0; i < n; i++) {
        X509_EXTENSION *e = X509_get_ext(c->x509, i);
        char txt[128];
        gnossl_oid_text(X509_EXTENSION_get_object(e), txt, sizeof txt);
        if (strcmp(txt, oid) != 0 || indx-- > 0)
            continue;
        const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(e);
        if (critical)
            *critical = X509_EXTENSION_get_critical(e) > 0;
        return out ? gnossl_datum_set(out, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v)) : 0;
    }
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

int gnutls_x509_crt_get_extension_by_oid2(gnutls_x509_crt_t cert, const char *oid, unsigned indx,
                                          gnutls_datum_t *output, unsigned int *critical)
{
    if (oid == NULL || output == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_crt_ext_value(cert, oid, indx, output, critical);
}

int gnutls_x509_crt_get_extension_by_oid(gnutls_x509_crt_t cert, const char *oid, unsigned indx, void *buf,
                                         size_t *buf_size, unsigned int *critical)
{
    if (oid == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t v = {NULL, 0};
    unsigned crit = 0;
    int ret = gnossl_crt_ext_value(cert, oid, indx, &v, &crit);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_out(buf, buf_size, v.data, v.size);
    gnutls_free(v.data);
    if (ret == 0 && critical)
        *critical = crit;
    return ret;
}

int gnutls_x509_crt_get_extension_info(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size,
                                       unsigned int *critical)
{
    CRT_ARGS(cert);
    return gnossl_ext_info_out(ext_at(cert, indx), oid, oid_size, critical);
}

int gnutls_x509_crt_get_extension_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size)
{
    return gnutls_x509_crt_get_extension_info(cert, indx, oid, oid_size, NULL);
}

int gnutls_x509_crt_get_extension_data(gnutls_x509_crt_t cert, unsigned indx, void *data, size_t *sizeof_data)
{
    CRT_ARGS(cert);
    return gnossl_ext_data_out(ext_at(cert, indx), data, sizeof_data);
}

int gnutls_x509_crt_get_extension_data2(gnutls_x509_crt_t cert, unsigned indx, gnutls_datum_t *data)
{
    CRT_ARGS(cert);
    return gnossl_ext_data_datum(ext_at(cert, indx), data);
}

/* A general name's value copied out (text as a string when as_str): its
 * GnuTLS type, or a negative code.  Distribution points and the authority
 * key's issuer names share it. */
static int gn_copy(const GENERAL_NAME *gn, void *buf, size_t *size, int as_str)
{
    int type = gnossl_gn_type(gn), text = 0;
    gnutls_datum_t v = {NULL, 0};
    if (type < 0)
        return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
    int ret = gnossl_gn_value(gn, &v, &text);
    if (ret < 0)
        return ret;
    ret = text && as_str ? gnossl_copy_str(buf, size, (const char *)v.data, v.size)
                         : gnossl_copy_out(buf, size, v.data, v.size);
    gnutls_free(v.data);
    return ret < 0 ? ret : type;
}

/* ---- CRL distribution points: every full name of every point, in
 * order, each with its point's reason flags ---- */

int gnutls_x509_crt_get_crl_dist_points(gnutls_x509_crt_t cert, unsigned int seq, void *san, size_t *san_size,
                                        unsigned int *reason_flags, unsigned int *critical)
{
    CRT_ARGS(cert);
    if (san_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (reason_flags)
        *reason_flags = 0;
    int crit = -1;
    CRL_DIST_POINTS *dps = X509_get_ext_d2i(cert->x509, NID_crl_distribution_points, &crit, NULL);
    if (dps == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    unsigned k = 0;
    for (int i = 0; i < sk_DIST_POINT_num(dps); i++) {
        DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
        if (dp->distpoint == NULL || dp->distpoint->type != 0)
            continue;
        GENERAL_NAMES *names = dp->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); j++, k++) {
            if (k != seq)
                continue;
            int type = gn_copy(sk_GENERAL_NAME_value(names, j), san, san_size, 1);
            if (type < 0) {
                ret = type;
                goto out;
            }
            if (reason_flags && dp->reasons) {
                const unsigned char *b = ASN1_STRING_get0_data(dp->reasons);
                int bl = ASN1_STRING_length(dp->reasons);
                *reason_flags = (bl > 0 ? b[0] : 0) | (bl > 1 ? (unsigned)b[1] << 8 : 0);
            }
            if (critical)
                *critical = crit > 0;
            ret = type;
            goto out;
        }
    }
out:
    CRL_DIST_POINTS_free(dps);
    return ret;
}

/* ---- policies ---- */

static int dup_str(char **out, const ASN1_STRING *s)
{
    size_t n = (size_t)ASN1_STRING_length(s);
    *out = gnutls_malloc(n + 1);
    if (*out == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(*out, ASN1_STRING_get0_data(s), n);
    (*out)[n] = 0;
    return (int)n;
}

void gnutls_x509_policy_release(struct gnutls_x509_policy_st *policy)
{
    if (policy == NULL)
        return;
    gnutls_free(policy->oid);
    policy->oid = NULL;
    for (unsigned i = 0; i < policy->qualifiers && i < GNUTLS_MAX_QUALIFIERS; i++) {
        gnutls_free(policy->qualifier[i].data);
        policy->qualifier[i].data = NULL;
    }
    policy->qualifiers = 0;
}

int gnossl_policy_fill(const POLICYINFO *pi, struct gnutls_x509_policy_st *policy)
{
    char txt[128];
    memset(policy, 0, sizeof *policy);
    gnossl_oid_text(pi->policyid, txt, sizeof txt);
    policy->oid = gnutls_strdup(txt);
    if (policy->oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (int q = 0; q < sk_POLICYQUALINFO_num(pi->qualifiers); q++) {
        const POLICYQUALINFO *qi = sk_POLICYQUALINFO_value(pi->qualifiers, q);
        unsigned at = policy->qualifiers;
        if (at >= GNUTLS_MAX_QUALIFIERS)
            break;
        int n;
        switch (OBJ_obj2nid(qi->pqualid)) {
        case NID_id_qt_cps:
            policy->qualifier[at].type = GNUTLS_X509_QUALIFIER_URI;
            n = dup_str(&policy->qualifier[at].data, qi->d.cpsuri);
            break;
        case NID_id_qt_unotice:
            policy->qualifier[at].type = GNUTLS_X509_QUALIFIER_NOTICE;
            if (qi->d.usernotice == NULL || qi->d.usernotice->exptext == NULL)
                continue;
            n = dup_str(&policy->qualifier[at].data, qi->d.usernotice->exptext);
            break;
        default:
            continue;
        }
        if (n < 0) {
            gnutls_x509_policy_release(policy);
            return n;
        }
        policy->qualifier[at].size = (unsigned)n;
        policy->qualifiers++;
    }
    return 0;
}

int gnutls_x509_crt_get_policy(gnutls_x509_crt_t crt, unsigned indx, struct gnutls_x509_policy_st *policy,
                               unsigned int *critical)
{
    CRT_ARGS(crt);
    if (policy == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    CERTIFICATEPOLICIES *pols = X509_get_ext_d2i(crt->x509, NID_certificate_policies, &crit, NULL);
    if (pols == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if ((int)indx < sk_POLICYINFO_num(pols)) {
        ret = gnossl_policy_fill(sk_POLICYINFO_value(pols, (int)indx), policy);
        if (ret == 0 && critical)
            *critical = crit > 0;
    }
    CERTIFICATEPOLICIES_free(pols);
    return ret;
}

int gnutls_x509_crt_get_inhibit_anypolicy(gnutls_x509_crt_t cert, unsigned int *skipcerts, unsigned int *critical)
{
    CRT_ARGS(cert);
    (void)skipcerts;
    (void)critical;
    if (X509_get_ext_by_NID(cert->x509, NID_inhibit_any_policy, -1) < 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    /* GnuTLS 3.7.9 fails to decode any inhibitAnyPolicy value it finds
     * (it reads the INTEGER with the wrong ASN.1 type) and reports a tag
     * error: programs see exactly that. */
    return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
}

int gnutls_x509_crt_get_private_key_usage_period(gnutls_x509_crt_t cert, time_t *activation, time_t *expiration,
                                                 unsigned int *critical)
{
    CRT_ARGS(cert);
    int crit = -1;
    PKEY_USAGE_PERIOD *p = X509_get_ext_d2i(cert->x509, NID_private_key_usage_period, &crit, NULL);
    if (p == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (activation)
        *activation = p->notBefore ? gnossl_asn1_time_to_time(p->notBefore) : (time_t)-1;
    if (expiration)
        *expiration = p->notAfter ? gnossl_asn1_time_to_time(p->notAfter) : (time_t)-1;
    if (critical)
        *critical = crit > 0;
    PKEY_USAGE_PERIOD_free(p);
    return 0;
}

int gnutls_x509_crt_get_proxy(gnutls_x509_crt_t cert, unsigned int *critical, int *pathlen, char **policyLanguage,
                              char **policy, size_t *sizeof_policy)
{
    CRT_ARGS(cert);
    int crit = -1;
    PROXY_CERT_INFO_EXTENSION *pci = X509_get_ext_d2i(cert->x509, NID_proxyCertInfo, &crit, NULL);
    if (pci == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    if (critical)
        *critical = crit > 0;
    if (pathlen)
        *pathlen = pci->pcPathLengthConstraint ? (int)ASN1_INTEGER_get(pci->pcPathLengthConstraint) : -1;
    if (policyLanguage) {
        char txt[128];
        gnossl_oid_text(pci->proxyPolicy->policyLanguage, txt, sizeof txt);
        *policyLanguage = gnutls_strdup(txt);
        if (*policyLanguage == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (ret == 0 && policy) {
        *policy = NULL;
        if (sizeof_policy)
            *sizeof_policy = 0;
        if (pci->proxyPolicy->policy) {
            int n = dup_str(policy, pci->proxyPolicy->policy);
            if (n < 0)
                ret = n;
            else if (sizeof_policy)
                *sizeof_policy = (size_t)n;
        }
    }
    PROXY_CERT_INFO_EXTENSION_free(pci);
    return ret;
}

int gnutls_x509_crt_get_authority_key_gn_serial(gnutls_x509_crt_t cert, unsigned int seq, void *alt,
                                                size_t *alt_size, unsigned int *alt_type, void *serial,
                                                size_t *serial_size, unsigned int *critical)
{
    CRT_ARGS(cert);
    if (alt_size == NULL || serial_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    AUTHORITY_KEYID *ak = X509_get_ext_d2i(cert->x509, NID_authority_key_identifier, &crit, NULL);
    return gnossl_aki_gn_serial(ak, crit, seq, alt, alt_size, alt_type, serial, serial_size, critical);
}

/* The rest of gnutls_x509_{crt,crl}_get_authority_key_gn_serial once the
 * extension is decoded: ak (NULL if absent, crit -1, or undecodable) is
 * freed here. */
int gnossl_aki_gn_serial(AUTHORITY_KEYID *ak, int crit, unsigned seq, void *alt, size_t *alt_size,
                         unsigned *alt_type, void *serial, size_t *serial_size, unsigned *critical)
{
    if (ak == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (critical) /* set even when seq is past the end, as GnuTLS does */
        *critical = crit > 0;
    int ret;
    if (ak->issuer == NULL || ak->serial == NULL || (int)seq >= sk_GENERAL_NAME_num(ak->issuer)) {
        ret = GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
        goto out;
    }
    int type = gn_copy(sk_GENERAL_NAME_value(ak->issuer, (int)seq), alt, alt_size, 0);
    if (type < 0) {
        ret = type;
        goto out;
    }
    ret = gnossl_copy_out(serial, serial_size, ASN1_STRING_get0_data(ak->serial),
                          (size_t)ASN1_STRING_length(ak->serial));
    if (ret < 0)
        goto out;
    if (alt_type)
        *alt_type = (unsigned)type;
    if (critical)
        *critical = crit > 0;
out:
    AUTHORITY_KEYID_free(ak);
    return ret;
}

/* ---- key purposes, signature, unique IDs ---- */

unsigned gnutls_x509_crt_check_key_purpose(gnutls_x509_crt_t cert, const char *purpose, unsigned flags)
{
    if (cert == NULL || cert->x509 == NULL || purpose == NULL)
        return 0;
    int crit = -1;
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(cert->x509, NID_ext_key_usage, &crit, NULL);
    if (eku == NULL)
        return crit == -1; /* no restriction */
    unsigned ok = 0;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && !ok; i++) {
        char txt[128];
        gnossl_oid_text(sk_ASN1_OBJECT_value(eku, i), txt, sizeof txt);
        if (strcmp(txt, purpose) == 0)
            ok = 1;
        else if (!(flags & GNUTLS_KP_FLAG_DISALLOW_ANY) && strcmp(txt, GNUTLS_KP_ANY) == 0)
            ok = 1;
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return ok;
}

int gnutls_x509_crt_get_signature(gnutls_x509_crt_t cert, char *sig, size_t *sizeof_sig)
{
    if (cert == NULL || sizeof_sig == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(cert));
    const ASN1_BIT_STRING *bs = NULL;
    X509_get0_signature(&bs, NULL, cert->x509);
    if (bs == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    return gnossl_copy_out(sig, sizeof_sig, ASN1_STRING_get0_data(bs), (size_t)ASN1_STRING_length(bs));
}

static int uid_get(gnutls_x509_crt_t crt, int issuer, char *buf, size_t *buf_size)
{
    if (crt == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crt->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(crt));
    if (crt->uid[issuer ? 0 : 1].data) /* set, not yet signed in */
        return gnossl_copy_out(buf, buf_size, crt->uid[issuer ? 0 : 1].data, crt->uid[issuer ? 0 : 1].size);
    const ASN1_BIT_STRING *iuid = NULL, *suid = NULL;
    X509_get0_uids(crt->x509, &iuid, &suid);
    const ASN1_BIT_STRING *u = issuer ? iuid : suid;
    if (u == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    return gnossl_copy_out(buf, buf_size, ASN1_STRING_get0_data(u), (size_t)ASN1_STRING_length(u));
}

int gnutls_x509_crt_get_subject_unique_id(gnutls_x509_crt_t crt, char *buf, size_t *buf_size)
{
    return uid_get(crt, 0, buf, buf_size);
}

int gnutls_x509_crt_get_issuer_unique_id(gnutls_x509_crt_t crt, char *buf, size_t *buf_size)
{
    return uid_get(crt, 1, buf, buf_size);
}
