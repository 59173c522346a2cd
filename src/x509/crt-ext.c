/* gnutls_x509_crt_* getters of standard extensions: key identifiers,
 * subject alternative names, basic constraints, key usage, key purposes. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509v3.h>
#include <string.h>

/* Decode extension `nid`; *critical gets its flag.  NULL when absent. */
static void *ext_get(gnutls_x509_crt_t cert, int nid, unsigned *critical)
{
    int crit = -1;
    void *v = X509_get_ext_d2i(cert->x509, nid, &crit, NULL);
    if (v && critical)
        *critical = crit > 0;
    return v;
}

/* NULL argument: invalid request; empty certificate: nothing there. */
#define EXT_ARGS(cert, cond)                                                                                          \
    do {                                                                                                               \
        if ((cert) == NULL || !(cond))                                                                                 \
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);                                                               \
        if ((cert)->x509 == NULL)                                                                                      \
            return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);                                                  \
    } while (0)

/* Why ext_get gave NULL, in one place for every getter: the extension is
 * there but does not decode, or it is absent. */
static int ext_missing(gnutls_x509_crt_t cert, int nid)
{
    return GNOSSL_ERR(X509_get_ext_by_NID(cert->x509, nid, -1) >= 0 ? GNUTLS_E_ASN1_DER_ERROR
                                                                    : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
}

int gnutls_x509_crt_get_subject_key_id(gnutls_x509_crt_t cert, void *ret, size_t *ret_size, unsigned int *critical)
{
    EXT_ARGS(cert, ret_size != NULL);
    unsigned crit = 0;
    ASN1_OCTET_STRING *id = ext_get(cert, NID_subject_key_identifier, &crit);
    if (id == NULL)
        return ext_missing(cert, NID_subject_key_identifier);
    int r = gnossl_copy_out(ret, ret_size, ASN1_STRING_get0_data(id), (size_t)ASN1_STRING_length(id));
    if (r == 0 && critical)
        *critical = crit;
    ASN1_OCTET_STRING_free(id);
    return r;
}

int gnutls_x509_crt_get_authority_key_id(gnutls_x509_crt_t cert, void *id, size_t *id_size, unsigned int *critical)
{
    EXT_ARGS(cert, id_size != NULL);
    unsigned crit = 0;
    AUTHORITY_KEYID *akid = ext_get(cert, NID_authority_key_identifier, &crit);
    if (akid == NULL)
        return ext_missing(cert, NID_authority_key_identifier);
    int r;
    if (akid->keyid == NULL)
        r = GNOSSL_ERR(GNUTLS_E_X509_UNSUPPORTED_EXTENSION);
    else
        r = gnossl_copy_out(id, id_size, ASN1_STRING_get0_data(akid->keyid), (size_t)ASN1_STRING_length(akid->keyid));
    if (r == 0 && critical)
        *critical = crit;
    AUTHORITY_KEYID_free(akid);
    return r;
}

int gnutls_x509_crt_get_basic_constraints(gnutls_x509_crt_t cert, unsigned int *critical, unsigned int *ca,
                                          int *pathlen)
{
    EXT_ARGS(cert, 1);
    unsigned crit = 0;
    BASIC_CONSTRAINTS *bc = ext_get(cert, NID_basic_constraints, &crit);
    if (bc == NULL)
        return ext_missing(cert, NID_basic_constraints);
    if (critical)
        *critical = crit;
    if (ca)
        *ca = bc->ca ? 1 : 0;
    if (pathlen) {
        long v = bc->pathlen ? ASN1_INTEGER_get(bc->pathlen) : -1;
        *pathlen = (v < 0 || v > 0x7fffffff) ? -1 : (int)v;
    }
    int ret = bc->ca ? 1 : 0;
    BASIC_CONSTRAINTS_free(bc);
    return ret;
}

int gnutls_x509_crt_get_ca_status(gnutls_x509_crt_t cert, unsigned int *critical)
{
    int pathlen;
    unsigned ca;
    return gnutls_x509_crt_get_basic_constraints(cert, critical, &ca, &pathlen);
}

int gnutls_x509_crt_get_key_usage(gnutls_x509_crt_t cert, unsigned int *key_usage, unsigned int *critical)
{
    EXT_ARGS(cert, key_usage != NULL);
    unsigned crit = 0;
    ASN1_BIT_STRING *ku = ext_get(cert, NID_key_usage, &crit);
    if (ku == NULL)
        return ext_missing(cert, NID_key_usage);
    /* GnuTLS's flags are the first two octets of the bit string, first
     * octet low (digitalSignature = 0x80). */
    const unsigned char *d = ASN1_STRING_get0_data(ku);
    int n = ASN1_STRING_length(ku);
    unsigned v = 0;
    if (n > 0)
        v |= d[0];
    if (n > 1)
        v |= (unsigned)d[1] << 8;
    *key_usage = v;
    if (critical)
        *critical = crit;
    ASN1_BIT_STRING_free(ku);
    return 0;
}

int gnutls_x509_crt_get_key_purpose_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size,
                                        unsigned int *critical)
{
    EXT_ARGS(cert, oid_size != NULL);
    if (oid && *oid_size > 0)
        ((char *)oid)[0] = 0;
    unsigned crit = 0;
    EXTENDED_KEY_USAGE *eku = ext_get(cert, NID_ext_key_usage, &crit);
    if (eku == NULL)
        return ext_missing(cert, NID_ext_key_usage);
    int r;
    if ((int)indx >= sk_ASN1_OBJECT_num(eku))
        r = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    else {
        r = gnossl_oid_copy_str(sk_ASN1_OBJECT_value(eku, (int)indx), oid, oid_size);
        if (r == 0 && critical)
            *critical = crit;
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return r;
}

/* ---- subject alternative names ---- */

/* The GnuTLS type of a GENERAL_NAME, or -1 if GnuTLS has none. */
static int san_type(const GENERAL_NAME *gn)
{
    switch (gn->type) {
    case GEN_DNS:
        return GNUTLS_SAN_DNSNAME;
    case GEN_EMAIL:
        return GNUTLS_SAN_RFC822NAME;
    case GEN_URI:
        return GNUTLS_SAN_URI;
    case GEN_IPADD:
        return GNUTLS_SAN_IPADDRESS;
    case GEN_OTHERNAME: {
        char oid[128];
        gnossl_oid_text(gn->d.otherName->type_id, oid, sizeof oid);
        if (gn->d.otherName->value->type == V_ASN1_UTF8STRING) {
            if (strcmp(oid, "1.3.6.1.5.5.7.8.5") == 0)
                return GNUTLS_SAN_OTHERNAME_XMPP;
            if (strcmp(oid, "1.3.6.1.4.1.311.20.2.3") == 0)
                return GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL;
        }
        return GNUTLS_SAN_OTHERNAME;
    }
    case GEN_DIRNAME:
        return GNUTLS_SAN_DN;
    case GEN_RID:
        return GNUTLS_SAN_REGISTERED_ID;
    default:
        return -1;
    }
}

/* The value GnuTLS returns for a general name, with whether it is text. */
static int san_value(const GENERAL_NAME *gn, gnutls_datum_t *out, int *text)
{
    *text = 1;
    switch (gn->type) {
    case GEN_DNS:
    case GEN_EMAIL:
    case GEN_URI: {
        const ASN1_IA5STRING *s = gn->d.ia5;
        return gnossl_datum_set(out, ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
    }
    case GEN_IPADD:
        *text = 0;
        return gnossl_datum_set(out, ASN1_STRING_get0_data(gn->d.ip), (size_t)ASN1_STRING_length(gn->d.ip));
    case GEN_OTHERNAME: {
        /* XMPP addresses and Microsoft UPNs are decoded to their string */
        char oid[128];
        const ASN1_TYPE *v = gn->d.otherName->value;
        gnossl_oid_text(gn->d.otherName->type_id, oid, sizeof oid);
        if (v->type == V_ASN1_UTF8STRING && (strcmp(oid, "1.3.6.1.5.5.7.8.5") == 0 ||
                                             strcmp(oid, "1.3.6.1.4.1.311.20.2.3") == 0)) {
            /* GnuTLS hands the UPN out with the binary size protocol */
            *text = strcmp(oid, "1.3.6.1.5.5.7.8.5") == 0;
            return gnossl_datum_set(out, ASN1_STRING_get0_data(v->value.utf8string),
                                    (size_t)ASN1_STRING_length(v->value.utf8string));
        }
        /* otherwise the DER of the [0] EXPLICIT value's content */
        unsigned char *der = NULL;
        int len = i2d_ASN1_TYPE(gn->d.otherName->value, &der);
        if (len < 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        int r = gnossl_datum_set(out, der, (size_t)len);
        OPENSSL_free(der);
        *text = 0;
        return r;
    }
    case GEN_DIRNAME:
        *text = 0;
        return gnossl_dn_to_string(gn->d.directoryName, 0, out);
    case GEN_RID: {
        char txt[128];
        gnossl_oid_text(gn->d.rid, txt, sizeof txt);
        return gnossl_datum_set(out, txt, strlen(txt));
    }
    default:
        return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
    }
}

GENERAL_NAMES *gnossl_crt_sans(gnutls_x509_crt_t cert, unsigned *critical)
{
    return ext_get(cert, NID_subject_alt_name, critical);
}

static int san_get(gnutls_x509_crt_t cert, int nid, unsigned seq, void *san, size_t *san_size, unsigned *san_type_out,
                   unsigned *critical, unsigned othername_oid)
{
    EXT_ARGS(cert, san_size != NULL);
    unsigned crit = 0;
    GENERAL_NAMES *gns = ext_get(cert, nid, &crit);
    if (gns == NULL)
        return ext_missing(cert, nid);
    int r;
    if ((int)seq >= sk_GENERAL_NAME_num(gns)) {
        r = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
        goto out;
    }
    const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, (int)seq);
    int type = san_type(gn);
    if (type < 0) {
        r = GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
        goto out;
    }
    if (san_type_out)
        *san_type_out = (unsigned)type;
    if (othername_oid) {
        if (gn->type != GEN_OTHERNAME) {
            r = type;
            goto out;
        }
        char txt[128];
        gnossl_oid_text(gn->d.otherName->type_id, txt, sizeof txt);
        r = gnossl_copy_str(san, san_size, txt, strlen(txt));
        if (r == 0) {
            if (strcmp(txt, "1.3.6.1.5.5.7.8.5") == 0)
                r = GNUTLS_SAN_OTHERNAME_XMPP;
            else if (strcmp(txt, "1.3.6.1.5.2.2") == 0)
                r = GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL;
            else if (strcmp(txt, "1.2.840.113556.1.4.656") == 0 || strcmp(txt, "1.3.6.1.4.1.311.20.2.3") == 0)
                r = GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL;
            else
                r = GNUTLS_SAN_OTHERNAME;
        }
        goto out;
    }
    gnutls_datum_t v;
    int text;
    r = san_value(gn, &v, &text);
    if (r < 0)
        goto out;
    if (text)
        r = gnossl_copy_str(san, san_size, (const char *)v.data, v.size);
    else
        r = gnossl_copy_out(san, san_size, v.data, v.size);
    gnutls_free(v.data);
    if (r == 0) {
        if (critical)
            *critical = crit;
        r = type;
    }
out:
    GENERAL_NAMES_free(gns);
    return r;
}

int gnutls_x509_crt_get_subject_alt_name(gnutls_x509_crt_t cert, unsigned int seq, void *san, size_t *san_size,
                                         unsigned int *critical)
{
    return san_get(cert, NID_subject_alt_name, seq, san, san_size, NULL, critical, 0);
}

int gnutls_x509_crt_get_subject_alt_name2(gnutls_x509_crt_t cert, unsigned int seq, void *san, size_t *san_size,
                                          unsigned int *san_type_out, unsigned int *critical)
{
    return san_get(cert, NID_subject_alt_name, seq, san, san_size, san_type_out, critical, 0);
}

int gnutls_x509_crt_get_subject_alt_othername_oid(gnutls_x509_crt_t cert, unsigned int seq, void *oid,
                                                  size_t *oid_size)
{
    return san_get(cert, NID_subject_alt_name, seq, oid, oid_size, NULL, NULL, 1);
}

int gnutls_x509_crt_get_issuer_alt_name(gnutls_x509_crt_t cert, unsigned int seq, void *ian, size_t *ian_size,
                                        unsigned int *critical)
{
    (void)critical; /* GnuTLS leaves it untouched */
    return san_get(cert, NID_issuer_alt_name, seq, ian, ian_size, NULL, NULL, 0);
}

int gnutls_x509_crt_get_issuer_alt_name2(gnutls_x509_crt_t cert, unsigned int seq, void *ian, size_t *ian_size,
                                         unsigned int *ian_type, unsigned int *critical)
{
    (void)critical; /* GnuTLS leaves it untouched */
    return san_get(cert, NID_issuer_alt_name, seq, ian, ian_size, ian_type, NULL, 0);
}

int gnutls_x509_crt_get_issuer_alt_othername_oid(gnutls_x509_crt_t cert, unsigned int seq, void *ret,
                                                 size_t *ret_size)
{
    return san_get(cert, NID_issuer_alt_name, seq, ret, ret_size, NULL, NULL, 1);
}

int gnossl_gn_type(const GENERAL_NAME *gn)
{
    return san_type(gn);
}

int gnossl_gn_value(const GENERAL_NAME *gn, gnutls_datum_t *out, int *text)
{
    return san_value(gn, out, text);
}
