/* General names for the alternative-name setters of certificates and
 * requests, with GnuTLS 3.7.9's choices: IA5 strings and IP octets taken
 * as given, registered IDs from dotted text, the XMPP and Kerberos
 * "virtual" types encoded as their other names; a raw other name, a DN or
 * a Microsoft UPN are refused with GnuTLS's codes. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <string.h>

static unsigned char *put(unsigned char *o, int constructed, size_t len, int tag, int cls)
{
    ASN1_put_object(&o, constructed, (int)len, tag, cls);
    return o;
}

static size_t tlv_size(int constructed, size_t len, int tag)
{
    return (size_t)ASN1_object_size(constructed, (int)len, tag);
}

/* KRB5PrincipalName (RFC 4556) of "comp1/comp2@REALM", name type 1. */
static ASN1_TYPE *krb5_principal(const char *s, size_t n)
{
    const char *at = memrchr(s, '@', n);
    if (at == NULL || at == s || at + 1 == s + n)
        return NULL;
    size_t rlen = (size_t)(s + n - at - 1), plen = (size_t)(at - s);
    /* components */
    size_t seq_content = 0;
    for (const char *c = s; c < at;) {
        const char *e = memchr(c, '/', (size_t)(at - c));
        size_t l = e ? (size_t)(e - c) : (size_t)(at - c);
        seq_content += tlv_size(0, l, V_ASN1_GENERALSTRING);
        c += l + (e ? 1 : 0);
        if (e && c == at)
            return NULL;
    }
    (void)plen;
    size_t names = tlv_size(1, seq_content, V_ASN1_SEQUENCE);
    size_t nt = tlv_size(1, tlv_size(0, 1, V_ASN1_INTEGER), 0);
    size_t pn_content = nt + tlv_size(1, names, 1);
    size_t realm = tlv_size(1, tlv_size(0, rlen, V_ASN1_GENERALSTRING), 0);
    size_t outer_content = realm + tlv_size(1, tlv_size(1, pn_content, V_ASN1_SEQUENCE), 1);
    size_t total = tlv_size(1, outer_content, V_ASN1_SEQUENCE);
    unsigned char *der = OPENSSL_malloc(total), *o = der;
    if (der == NULL)
        return NULL;
    o = put(o, 1, outer_content, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    o = put(o, 1, tlv_size(0, rlen, V_ASN1_GENERALSTRING), 0, V_ASN1_CONTEXT_SPECIFIC);
    o = put(o, 0, rlen, V_ASN1_GENERALSTRING, V_ASN1_UNIVERSAL);
    memcpy(o, at + 1, rlen);
    o += rlen;
    o = put(o, 1, tlv_size(1, pn_content, V_ASN1_SEQUENCE), 1, V_ASN1_CONTEXT_SPECIFIC);
    o = put(o, 1, pn_content, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    o = put(o, 1, tlv_size(0, 1, V_ASN1_INTEGER), 0, V_ASN1_CONTEXT_SPECIFIC);
    o = put(o, 0, 1, V_ASN1_INTEGER, V_ASN1_UNIVERSAL);
    *o++ = 1;
    o = put(o, 1, names, 1, V_ASN1_CONTEXT_SPECIFIC);
    o = put(o, 1, seq_content, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    for (const char *c = s; c < at;) {
        const char *e = memchr(c, '/', (size_t)(at - c));
        size_t l = e ? (size_t)(e - c) : (size_t)(at - c);
        o = put(o, 0, l, V_ASN1_GENERALSTRING, V_ASN1_UNIVERSAL);
        memcpy(o, c, l);
        o += l;
        c += l + (e ? 1 : 0);
    }
    const unsigned char *p = der;
    ASN1_TYPE *t = d2i_ASN1_TYPE(NULL, &p, (long)total);
    OPENSSL_free(der);
    ERR_clear_error();
    return t;
}

static GENERAL_NAME *other(const char *oid, ASN1_TYPE *value)
{
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    GENERAL_NAME *gn = GENERAL_NAME_new();
    if (value == NULL || obj == NULL || gn == NULL || !GENERAL_NAME_set0_othername(gn, obj, value)) {
        ASN1_OBJECT_free(obj);
        ASN1_TYPE_free(value);
        GENERAL_NAME_free(gn);
        return NULL;
    }
    return gn;
}

int gnossl_san_make(unsigned type, const void *data, unsigned size, GENERAL_NAME **out)
{
    *out = NULL;
    int gtype;
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
        gtype = GEN_DNS;
        break;
    case GNUTLS_SAN_RFC822NAME:
        gtype = GEN_EMAIL;
        break;
    case GNUTLS_SAN_URI:
        gtype = GEN_URI;
        break;
    case GNUTLS_SAN_IPADDRESS:
        gtype = GEN_IPADD;
        break;
    case GNUTLS_SAN_REGISTERED_ID: {
        char txt[128];
        if (size == 0 || size >= sizeof txt)
            return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
        memcpy(txt, data, size);
        txt[size] = 0;
        ASN1_OBJECT *o = OBJ_txt2obj(txt, 1);
        GENERAL_NAME *gn = o ? GENERAL_NAME_new() : NULL;
        if (gn == NULL) {
            ASN1_OBJECT_free(o);
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
        }
        GENERAL_NAME_set0_value(gn, GEN_RID, o);
        *out = gn;
        return 0;
    }
    case GNUTLS_SAN_OTHERNAME_XMPP: {
        ASN1_TYPE *v = ASN1_TYPE_new();
        ASN1_UTF8STRING *s = ASN1_UTF8STRING_new();
        if (v == NULL || s == NULL || !ASN1_STRING_set(s, data, (int)size)) {
            ASN1_TYPE_free(v);
            ASN1_UTF8STRING_free(s);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        ASN1_TYPE_set(v, V_ASN1_UTF8STRING, s);
        *out = other("1.3.6.1.5.5.7.8.5", v);
        return *out ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    case GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL:
        *out = other("1.3.6.1.5.2.2", krb5_principal(data, size));
        return *out ? 0 : GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
    case GNUTLS_SAN_OTHERNAME:
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID); /* needs an OID: set_*_othername */
    case GNUTLS_SAN_DN:
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR); /* GnuTLS cannot write these here */
    default:
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    ASN1_STRING *s = ASN1_STRING_type_new(gtype == GEN_IPADD ? V_ASN1_OCTET_STRING : V_ASN1_IA5STRING);
    GENERAL_NAME *gn = GENERAL_NAME_new();
    if (s == NULL || gn == NULL || !ASN1_STRING_set(s, data, (int)size)) {
        ASN1_STRING_free(s);
        GENERAL_NAME_free(gn);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    GENERAL_NAME_set0_value(gn, gtype, s);
    *out = gn;
    return 0;
}

/* An otherName from raw DER of its value, or from text wrapped as
 * UTF8String or OCTET STRING per the flags; one copy for certificates and
 * requests.  Requests report these codes; certificates refuse any failure
 * as INVALID_REQUEST. */
int gnossl_othername_make(const char *oid, const void *data, unsigned size, unsigned flags, GENERAL_NAME **out)
{
    ASN1_TYPE *value = NULL;
    if (flags & (GNUTLS_FSAN_ENCODE_OCTET_STRING | GNUTLS_FSAN_ENCODE_UTF8_STRING)) {
        int t = (flags & GNUTLS_FSAN_ENCODE_OCTET_STRING) ? V_ASN1_OCTET_STRING : V_ASN1_UTF8STRING;
        ASN1_STRING *s = ASN1_STRING_type_new(t);
        value = ASN1_TYPE_new();
        if (s == NULL || value == NULL || !ASN1_STRING_set(s, data, (int)size)) {
            ASN1_STRING_free(s);
            ASN1_TYPE_free(value);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        ASN1_TYPE_set(value, t, s);
    } else {
        const unsigned char *p = data;
        value = d2i_ASN1_TYPE(NULL, &p, (long)size);
        if (value == NULL) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        }
    }
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    GENERAL_NAME *gn = GENERAL_NAME_new();
    if (obj == NULL || gn == NULL || !GENERAL_NAME_set0_othername(gn, obj, value)) {
        ASN1_OBJECT_free(obj);
        ASN1_TYPE_free(value);
        GENERAL_NAME_free(gn);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    *out = gn;
    return 0;
}
