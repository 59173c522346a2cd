/* Distinguished names as GnuTLS prints them (RFC 4514 style): attribute
 * short names from GnuTLS's table, values decoded per attribute type,
 * escaped, and "#hex" of the DER value when GnuTLS cannot print it. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/asn1.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <string.h>

enum kind {
    K_DIRSTRING, /* DirectoryString CHOICE */
    K_PRINTABLE,
    K_IA5,
    K_UTF8,
    K_NUMERIC,
    K_BMP,
    K_OCTET,
    K_COMPLEX    /* known but not simply decodable: printed as hex */
};

/* The attribute types GnuTLS knows, its names for them and how it decodes
 * their values (interface facts of GnuTLS 3.7). */
static const struct dn_attr {
    const char *oid;
    const char *name; /* NULL: known but unnamed */
    enum kind kind;
} dn_attrs[] = {
    {"1.3.6.1.5.5.7.9.2", "placeOfBirth", K_DIRSTRING},
    {"1.3.6.1.5.5.7.9.3", "gender", K_PRINTABLE},
    {"1.3.6.1.5.5.7.9.4", "countryOfCitizenship", K_PRINTABLE},
    {"1.3.6.1.5.5.7.9.5", "countryOfResidence", K_PRINTABLE},
    {"2.5.4.6", "C", K_PRINTABLE},
    {"2.5.4.9", "street", K_DIRSTRING},
    {"2.5.4.12", "title", K_DIRSTRING},
    {"2.5.4.10", "O", K_DIRSTRING},
    {"2.5.4.11", "OU", K_DIRSTRING},
    {"2.5.4.3", "CN", K_DIRSTRING},
    {"2.5.4.7", "L", K_DIRSTRING},
    {"2.5.4.8", "ST", K_DIRSTRING},
    {"2.5.4.13", "description", K_DIRSTRING},
    {"2.5.4.5", "serialNumber", K_PRINTABLE},
    {"2.5.4.20", "telephoneNumber", K_PRINTABLE},
    {"2.5.4.4", "surName", K_DIRSTRING},
    {"2.5.4.43", "initials", K_DIRSTRING},
    {"2.5.4.44", "generationQualifier", K_DIRSTRING},
    {"2.5.4.42", "givenName", K_DIRSTRING},
    {"2.5.4.65", "pseudonym", K_DIRSTRING},
    {"2.5.4.46", "dnQualifier", K_PRINTABLE},
    {"2.5.4.17", "postalCode", K_DIRSTRING},
    {"2.5.4.41", "name", K_DIRSTRING},
    {"2.5.4.15", "businessCategory", K_DIRSTRING},
    {"0.9.2342.19200300.100.1.25", "DC", K_IA5},
    {"0.9.2342.19200300.100.1.1", "UID", K_DIRSTRING},
    {"1.2.840.113556.1.4.656", "userPrincipalName", K_DIRSTRING},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName", K_DIRSTRING},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName", K_DIRSTRING},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName", K_PRINTABLE},
    {"1.2.840.113549.1.9.1", "EMAIL", K_IA5},
    {"1.2.840.113549.1.9.7", NULL, K_COMPLEX},
    {"1.2.840.113549.1.9.20", NULL, K_BMP},
    {"1.2.840.113549.1.9.21", NULL, K_OCTET},
    {"1.2.840.113549.1.9.4", NULL, K_OCTET},
    {"1.3.6.1.5.5.7.8.5", "XmppAddr", K_UTF8},
    {"1.2.643.100.1", "OGRN", K_NUMERIC},
    {"1.2.643.100.3", "SNILS", K_NUMERIC},
    {"1.2.643.100.5", "OGRNIP", K_NUMERIC},
    {"1.2.643.3.131.1.1", "INN", K_NUMERIC},
};

static const struct dn_attr *attr_find(const char *oid)
{
    for (size_t i = 0; i < sizeof dn_attrs / sizeof dn_attrs[0]; i++)
        if (strcmp(dn_attrs[i].oid, oid) == 0)
            return &dn_attrs[i];
    return NULL;
}

void gnossl_oid_text(const ASN1_OBJECT *obj, char *buf, size_t size)
{
    if (OBJ_obj2txt(buf, (int)size, obj, 1) <= 0)
        buf[0] = 0;
}

int gnossl_oid_copy_str(const ASN1_OBJECT *obj, void *buf, size_t *size)
{
    char txt[128];
    gnossl_oid_text(obj, txt, sizeof txt);
    return gnossl_copy_str(buf, size, txt, strlen(txt));
}

/* A growable string. */
struct sbuf {
    char *p;
    size_t len, cap;
    int err;
};

static void sb_add(struct sbuf *b, const void *data, size_t n)
{
    if (b->err)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *np = gnutls_realloc(b->p, cap);
        if (np == NULL) {
            b->err = GNUTLS_E_MEMORY_ERROR;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void sb_str(struct sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_hex(struct sbuf *b, const unsigned char *d, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        char two[2] = {hx[d[i] >> 4], hx[d[i] & 15]};
        sb_add(b, two, 2);
    }
}

/* One code point as UTF-8 into u; its length.  Shared by the BMPString
 * decoder here and the punycode decoder of output.c. */
size_t gnossl_utf8_put(unsigned long c, unsigned char u[4])
{
    if (c < 0x80) {
        u[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (unsigned char)(0xc0 | (c >> 6)), u[1] = (unsigned char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        u[0] = (unsigned char)(0xe0 | (c >> 12)), u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (unsigned char)(0x80 | (c & 0x3f));
        return 3;
    }
    u[0] = (unsigned char)(0xf0 | (c >> 18)), u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
    u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f)), u[3] = (unsigned char)(0x80 | (c & 0x3f));
    return 4;
}

/* UTF-16BE to UTF-8; -1 on odd length or broken surrogates. */
static int utf16be_to_utf8(const unsigned char *in, size_t n, struct sbuf *out)
{
    if (n % 2)
        return -1;
    for (size_t i = 0; i < n; i += 2) {
        unsigned long c = ((unsigned long)in[i] << 8) | in[i + 1];
        if (c >= 0xd800 && c < 0xdc00) {
            if (i + 3 >= n)
                return -1;
            unsigned long lo = ((unsigned long)in[i + 2] << 8) | in[i + 3];
            if (lo < 0xdc00 || lo >= 0xe000)
                return -1;
            c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
            i += 2;
        } else if (c >= 0xdc00 && c < 0xe000)
            return -1;
        unsigned char u[4];
        sb_add(out, u, gnossl_utf8_put(c, u));
    }
    return 0;
}

int gnossl_bmp_to_utf8(const unsigned char *in, size_t n, gnutls_datum_t *out)
{
    struct sbuf b = {0};
    if (utf16be_to_utf8(in, n, &b) < 0 || b.err) {
        gnutls_free(b.p);
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    }
    if (b.p == NULL)
        return gnossl_datum_set(out, "", 0);
    out->data = (unsigned char *)b.p;
    out->size = (unsigned)b.len;
    return 0;
}

/* DER encoding of an attribute value as OpenSSL holds it. */
static int value_der(const ASN1_STRING *v, unsigned char **der)
{
    ASN1_TYPE *t = ASN1_TYPE_new();
    if (t == NULL)
        return -1;
    int type = ASN1_STRING_type(v);
    int len = -1;
    if (ASN1_TYPE_set1(t, type, v))
        len = i2d_ASN1_TYPE(t, der);
    ASN1_TYPE_free(t);
    return len;
}

/* RFC 4514 escaping as GnuTLS does it. */
static void escape(struct sbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';' ||
            (i == 0 && (c == '#' || c == ' ')) || (i == n - 1 && c == ' '))
            sb_add(out, "\\", 1);
        sb_add(out, &c, 1);
    }
}

static int all_print(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 0x20 || s[i] > 0x7e)
            return 0;
    return 1;
}

/* Decode the value to text as GnuTLS would: returns 0 and the unescaped
 * text in `txt`, or -1 when GnuTLS falls back to "#" + hex of the DER. */
static int value_text(const struct dn_attr *a, const ASN1_STRING *v, struct sbuf *txt)
{
    int type = ASN1_STRING_type(v);
    const unsigned char *d = ASN1_STRING_get0_data(v);
    size_t n = (size_t)ASN1_STRING_length(v);

    if (n == 0)
        return -1; /* GnuTLS refuses empty strings: printed as hex */
    switch (a->kind) {
    case K_DIRSTRING:
        switch (type) {
        case V_ASN1_T61STRING:
            if (n == 0 || all_print(d, n))
                sb_add(txt, d, n);
            else {
                sb_add(txt, "#", 1);
                sb_hex(txt, d, n);
            }
            break;
        case V_ASN1_BMPSTRING:
            if (utf16be_to_utf8(d, n, txt) < 0) {
                txt->len = 0;
                sb_add(txt, "#", 1);
                sb_hex(txt, d, n);
            }
            break;
        case V_ASN1_UNIVERSALSTRING:
            if (n > 0) {
                sb_add(txt, "#", 1);
                sb_hex(txt, d, n);
            }
            break;
        case V_ASN1_PRINTABLESTRING:
        case V_ASN1_UTF8STRING:
            sb_add(txt, d, n);
            break;
        default:
            return -1;
        }
        break;
    case K_PRINTABLE:
        if (type != V_ASN1_PRINTABLESTRING)
            return -1;
        sb_add(txt, d, n);
        break;
    case K_IA5:
        if (type != V_ASN1_IA5STRING)
            return -1;
        sb_add(txt, d, n);
        break;
    case K_UTF8:
        if (type != V_ASN1_UTF8STRING)
            return -1;
        sb_add(txt, d, n);
        break;
    case K_NUMERIC:
        if (type != V_ASN1_NUMERICSTRING)
            return -1;
        sb_add(txt, d, n);
        break;
    case K_BMP:
        if (type != V_ASN1_BMPSTRING || utf16be_to_utf8(d, n, txt) < 0)
            return -1;
        break;
    case K_OCTET:
        if (type != V_ASN1_OCTET_STRING)
            return -1;
        sb_add(txt, d, n);
        break;
    default:
        return -1;
    }
    if (txt->err)
        return -1;
    /* strings with an embedded NUL are refused */
    if (txt->len && memchr(txt->p, 0, txt->len))
        return -1;
    return 0;
}

static int entry_value(const X509_NAME_ENTRY *e, struct sbuf *out)
{
    char oid[128];
    const ASN1_STRING *v = X509_NAME_ENTRY_get_data(e);
    gnossl_oid_text(X509_NAME_ENTRY_get_object(e), oid, sizeof oid);
    const struct dn_attr *a = attr_find(oid);

    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (a) {
        struct sbuf txt = {0};
        if (value_text(a, v, &txt) == 0) {
            escape(out, txt.p ? txt.p : "", txt.len);
            gnutls_free(txt.p);
            return out->err;
        }
        gnutls_free(txt.p);
    }
    unsigned char *der = NULL;
    int len = value_der(v, &der);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    sb_add(out, "#", 1);
    sb_hex(out, der, (size_t)len);
    OPENSSL_free(der);
    return out->err;
}

int gnossl_dn_value_string(const X509_NAME_ENTRY *e, gnutls_datum_t *out)
{
    struct sbuf b = {0};
    int ret = entry_value(e, &b);
    if (ret < 0) {
        gnutls_free(b.p);
        return ret;
    }
    if (b.p == NULL)
        return gnossl_datum_set(out, "", 0);
    out->data = (unsigned char *)b.p;
    out->size = (unsigned)b.len;
    return 0;
}

/* GnuTLS cannot format a whole DN holding an empty DirectoryString (its
 * by-OID getter prints such a value as hex). */
static int empty_dirstring(const X509_NAME_ENTRY *e)
{
    char oid[128];
    gnossl_oid_text(X509_NAME_ENTRY_get_object(e), oid, sizeof oid);
    const struct dn_attr *a = attr_find(oid);
    const ASN1_STRING *v = X509_NAME_ENTRY_get_data(e);
    return a && a->kind == K_DIRSTRING && v && ASN1_STRING_length(v) == 0;
}

static void attr_name(const X509_NAME_ENTRY *e, struct sbuf *out)
{
    char oid[128];
    gnossl_oid_text(X509_NAME_ENTRY_get_object(e), oid, sizeof oid);
    const struct dn_attr *a = attr_find(oid);
    sb_str(out, a && a->name ? a->name : oid);
}

int gnossl_dn_to_string(const X509_NAME *name, unsigned compat, gnutls_datum_t *out)
{
    int n = name ? X509_NAME_entry_count(name) : 0;
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);

    /* RDN boundaries: entries with the same set number form one RDN */
    struct sbuf b = {0};
    int nrdn = X509_NAME_ENTRY_set(X509_NAME_get_entry(name, n - 1)) + 1;
    for (int k = 0; k < nrdn; k++) {
        int rdn = compat ? k : nrdn - 1 - k;
        int first = 1;
        for (int i = 0; i < n; i++) {
            const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
            if (X509_NAME_ENTRY_set(e) != rdn)
                continue;
            if (!first)
                sb_add(&b, "+", 1);
            first = 0;
            attr_name(e, &b);
            sb_add(&b, "=", 1);
            int ret = empty_dirstring(e) ? GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID) : entry_value(e, &b);
            if (ret < 0) {
                gnutls_free(b.p);
                return ret;
            }
        }
        if (k + 1 < nrdn && !first)
            sb_add(&b, ",", 1);
    }
    if (b.err) {
        gnutls_free(b.p);
        return GNOSSL_ERR(b.err);
    }
    out->data = (unsigned char *)b.p;
    out->size = (unsigned)b.len;
    return 0;
}

int gnossl_dn_get_by_oid(const X509_NAME *name, const char *oid, unsigned indx, unsigned raw, gnutls_datum_t *out)
{
    int n = name ? X509_NAME_entry_count(name) : 0;
    unsigned seen = 0;

    if (oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (int i = 0; i < n; i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        char eoid[128];
        gnossl_oid_text(X509_NAME_ENTRY_get_object(e), eoid, sizeof eoid);
        if (strcmp(eoid, oid) != 0 || seen++ != indx)
            continue;
        if (!raw)
            return gnossl_dn_value_string(e, out);
        unsigned char *der = NULL;
        int len = value_der(X509_NAME_ENTRY_get_data(e), &der);
        if (len <= 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        int ret = gnossl_datum_set(out, der, (size_t)len);
        OPENSSL_free(der);
        return ret;
    }
    return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
}

int gnossl_dn_get_oid(const X509_NAME *name, unsigned indx, void *oid, size_t *oid_size)
{
    int n = name ? X509_NAME_entry_count(name) : 0;
    if (oid_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((int)indx >= n)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_oid_copy_str(X509_NAME_ENTRY_get_object(X509_NAME_get_entry(name, (int)indx)), oid, oid_size);
}

/* ---- the public DN getters of certificates ---- */

static const X509_NAME *crt_name(gnutls_x509_crt_t cert, int issuer)
{
    if (cert == NULL || cert->x509 == NULL)
        return NULL;
    return issuer ? X509_get_issuer_name(cert->x509) : X509_get_subject_name(cert->x509);
}

static int dn_buf(gnutls_x509_crt_t cert, int issuer, char *buf, size_t *buf_size)
{
    if (cert == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*buf_size > 0 && buf)
        buf[0] = 0;
    else
        *buf_size = 0;
    gnutls_datum_t d;
    int ret = gnossl_dn_to_string(crt_name(cert, issuer), 1, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, buf_size, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

static int dn_datum(gnutls_x509_crt_t cert, int issuer, gnutls_datum_t *dn, unsigned flags)
{
    if (cert == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_to_string(crt_name(cert, issuer), (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, dn);
}

static int dn_by_oid(gnutls_x509_crt_t cert, int issuer, const char *oid, unsigned indx, unsigned raw,
                     void *buf, size_t *buf_size)
{
    if (cert == NULL || buf_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnossl_dn_get_by_oid(crt_name(cert, issuer), oid, indx, raw, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, buf_size, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_crt_get_dn(gnutls_x509_crt_t cert, char *buf, size_t *buf_size)
{
    return dn_buf(cert, 0, buf, buf_size);
}

int gnutls_x509_crt_get_issuer_dn(gnutls_x509_crt_t cert, char *buf, size_t *buf_size)
{
    return dn_buf(cert, 1, buf, buf_size);
}

int gnutls_x509_crt_get_dn2(gnutls_x509_crt_t cert, gnutls_datum_t *dn)
{
    return dn_datum(cert, 0, dn, GNUTLS_X509_DN_FLAG_COMPAT);
}

int gnutls_x509_crt_get_issuer_dn2(gnutls_x509_crt_t cert, gnutls_datum_t *dn)
{
    return dn_datum(cert, 1, dn, GNUTLS_X509_DN_FLAG_COMPAT);
}

int gnutls_x509_crt_get_dn3(gnutls_x509_crt_t cert, gnutls_datum_t *dn, unsigned flags)
{
    return dn_datum(cert, 0, dn, flags);
}

int gnutls_x509_crt_get_issuer_dn3(gnutls_x509_crt_t cert, gnutls_datum_t *dn, unsigned flags)
{
    return dn_datum(cert, 1, dn, flags);
}

int gnutls_x509_crt_get_dn_by_oid(gnutls_x509_crt_t cert, const char *oid, unsigned indx, unsigned int raw_flag,
                                  void *buf, size_t *buf_size)
{
    return dn_by_oid(cert, 0, oid, indx, raw_flag, buf, buf_size);
}

int gnutls_x509_crt_get_issuer_dn_by_oid(gnutls_x509_crt_t cert, const char *oid, unsigned indx,
                                         unsigned int raw_flag, void *buf, size_t *buf_size)
{
    return dn_by_oid(cert, 1, oid, indx, raw_flag, buf, buf_size);
}

int gnutls_x509_crt_get_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_get_oid(crt_name(cert, 0), indx, oid, oid_size);
}

int gnutls_x509_crt_get_issuer_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void *oid, size_t *oid_size)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_get_oid(crt_name(cert, 1), indx, oid, oid_size);
}

int gnutls_x509_dn_oid_known(const char *oid)
{
    return oid && attr_find(oid) != NULL;
}

const char *gnutls_x509_dn_oid_name(const char *oid, unsigned int flags)
{
    const struct dn_attr *a = oid ? attr_find(oid) : NULL;
    if (a && a->name)
        return a->name;
    return (flags & GNUTLS_X509_DN_OID_RETURN_OID) ? oid : NULL;
}

/* ---- writing (used by the set_dn_by_oid functions and dn-parse.c) ---- */

const char *gnossl_dn_ldap_oid(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof dn_attrs / sizeof dn_attrs[0]; i++)
        if (dn_attrs[i].name && strlen(dn_attrs[i].name) == n && OPENSSL_strncasecmp(dn_attrs[i].name, name, n) == 0)
            return dn_attrs[i].oid;
    return NULL;
}

/* PrintableString's alphabet (X.680); GnuTLS writes that string type when
 * the text allows it (names here, the request's challenge password). */
int gnossl_printable_ok(const void *data, size_t n)
{
    const unsigned char *d = data;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c != 0 && strchr(" '()+,-./:=?", c) != NULL)))
            return 0;
    }
    return 1;
}

int gnossl_name_add(X509_NAME *name, const char *oid, unsigned raw, const void *data, unsigned size)
{
    if (name == NULL || oid == NULL || data == NULL || size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    if (obj == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME_ENTRY *e = NULL;
    int ret = 0;
    if (raw) {
        /* data is the DER of the value */
        const unsigned char *p = data;
        ASN1_TYPE *t = d2i_ASN1_TYPE(NULL, &p, (long)size);
        if (t && t->type != V_ASN1_BOOLEAN && t->type != V_ASN1_NULL && t->type != V_ASN1_OBJECT &&
            t->type != V_ASN1_SEQUENCE && t->type != V_ASN1_SET)
            e = X509_NAME_ENTRY_create_by_OBJ(NULL, obj, t->type, ASN1_STRING_get0_data(t->value.asn1_string),
                                              ASN1_STRING_length(t->value.asn1_string));
        ASN1_TYPE_free(t);
        if (e == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    } else {
        const struct dn_attr *a = attr_find(oid);
        int type = -1;
        if (a != NULL) {
            switch (a->kind) {
            case K_DIRSTRING:
                type = gnossl_printable_ok(data, size) ? V_ASN1_PRINTABLESTRING : V_ASN1_UTF8STRING;
                break;
            case K_PRINTABLE:
                type = V_ASN1_PRINTABLESTRING;
                break;
            case K_IA5:
                type = V_ASN1_IA5STRING;
                break;
            case K_UTF8:
                type = V_ASN1_UTF8STRING;
                break;
            case K_NUMERIC:
                type = V_ASN1_NUMERICSTRING;
                break;
            case K_OCTET:
                type = V_ASN1_OCTET_STRING;
                break;
            case K_BMP:
                type = V_ASN1_BMPSTRING;
                break;
            default:
                break;
            }
        }
        if (type < 0)
            ret = GNOSSL_ERR(GNUTLS_E_X509_UNSUPPORTED_OID);
        else if ((e = X509_NAME_ENTRY_create_by_OBJ(NULL, obj, type, data, (int)size)) == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
    }
    ASN1_OBJECT_free(obj);
    if (ret == 0 && !X509_NAME_add_entry(name, e, -1, 0))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    X509_NAME_ENTRY_free(e);
    ERR_clear_error();
    return ret;
}
