/* RFC 4514 strings to names: gnutls_x509_crt_set_dn, set_issuer_dn,
 * gnutls_x509_crq_set_dn and gnutls_x509_dn_set_str.  Components are
 * read left to right, then added last first (RFC 4514 order reversed)
 * through the object's set_dn_by_oid, so each value gets the string type
 * GnuTLS picks.  *err follows GnuTLS: it points at the component being
 * handled when an error occurs (and is left at the first one's end on
 * success).  Multi-valued RDNs ('+') are refused as GnuTLS does. */
#include "gnossl.h"
#include "x509/x509.h"

#include <ctype.h>
#include <string.h>

struct comp {
    const char *name, *val, *pos;
    size_t nlen, vlen;
    unsigned raw;
};

static int read_comp(const char **ptr, struct comp *c)
{
    const char *p = *ptr;
    c->raw = 0;
    while (isspace((unsigned char)*p))
        p++;
    c->name = p;
    while (*p && *p != '=' && !isspace((unsigned char)*p))
        p++;
    c->nlen = (size_t)(p - c->name);
    while (isspace((unsigned char)*p))
        p++;
    if (*p != '=')
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    p++;
    while (isspace((unsigned char)*p))
        p++;
    c->raw = *p == '#';
    c->val = p;
    while (*p && *p != '\n' && !(*p == ',' && p[-1] != '\\'))
        p++;
    c->vlen = (size_t)(p - c->val);
    *ptr = p;
    /* an unescaped '+' (multi-valued RDN) anywhere after the value start */
    for (const char *q = c->val; *q; q++)
        if (*q == '+' && q[-1] != '\\')
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    while (c->vlen > 0 && isspace((unsigned char)c->val[c->vlen - 1])) {
        if (c->vlen >= 2 && c->val[c->vlen - 2] == '\\')
            break;
        c->vlen--;
    }
    if (c->vlen == 0 || c->nlen == 0)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    return 0;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch = tolower(ch);
    return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

static int apply(const struct comp *c, gnossl_set_dn_fn set, void *obj)
{
    char oid[128];
    const char *use;
    if (isdigit((unsigned char)c->name[0])) {
        if (c->nlen >= sizeof oid)
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        memcpy(oid, c->name, c->nlen);
        oid[c->nlen] = 0;
        if (!gnutls_x509_dn_oid_known(oid) && !c->raw)
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        use = oid;
    } else {
        use = gnossl_dn_ldap_oid(c->name, c->nlen);
        if (use == NULL)
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    }
    unsigned char *v = gnutls_malloc(c->vlen + 1);
    size_t n = 0;
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = 0;
    if (c->raw) {
        /* "#" then the hex of the DER value */
        size_t hl = c->vlen - 1;
        if (hl % 2)
            ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        for (size_t i = 0; ret == 0 && i < hl; i += 2) {
            int hi = hexval((unsigned char)c->val[1 + i]), lo = hexval((unsigned char)c->val[2 + i]);
            if (hi < 0 || lo < 0)
                ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
            else
                v[n++] = (unsigned char)(hi * 16 + lo);
        }
    } else {
        for (size_t j = 0; ret == 0 && j < c->vlen;) {
            if (c->val[j] == '\\' && j + 1 < c->vlen) {
                if (strchr(",# +\"<>;\\=", c->val[j + 1]) == NULL || c->val[j + 1] == 0)
                    ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
                else
                    v[n++] = (unsigned char)c->val[j + 1];
                j += 2;
            } else
                v[n++] = (unsigned char)c->val[j++];
        }
    }
    v[n] = 0;
    if (ret == 0 && n == 0)
        ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    if (ret == 0)
        ret = set(obj, use, c->raw, v, (unsigned)n);
    gnutls_free(v);
    return ret < 0 ? ret : 0;
}

int gnossl_dn_parse(const char *dn, const char **err, gnossl_set_dn_fn set, void *obj)
{
    if (dn == NULL || obj == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct comp cs[64];
    size_t count = 0;
    const char *p = dn;
    while (*p && *p != '\n') {
        if (err)
            *err = p;
        if (count == sizeof cs / sizeof cs[0])
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        int ret = read_comp(&p, &cs[count]);
        if (ret < 0)
            return ret;
        while (isspace((unsigned char)*p))
            p++;
        cs[count++].pos = p;
        if (*p != ',' && *p && *p != '\n')
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        if (*p == ',')
            p++;
    }
    for (size_t i = count; i-- > 0;) {
        if (err)
            *err = cs[i].pos;
        int ret = apply(&cs[i], set, obj);
        if (ret < 0)
            return ret;
    }
    return 0;
}

static int crt_subject(void *obj, const char *oid, unsigned raw, const void *v, unsigned n)
{
    return gnutls_x509_crt_set_dn_by_oid(obj, oid, raw, v, n);
}

static int crt_issuer(void *obj, const char *oid, unsigned raw, const void *v, unsigned n)
{
    return gnutls_x509_crt_set_issuer_dn_by_oid(obj, oid, raw, v, n);
}

int gnutls_x509_crt_set_dn(gnutls_x509_crt_t crt, const char *dn, const char **err)
{
    return gnossl_dn_parse(dn, err, crt_subject, crt);
}

int gnutls_x509_crt_set_issuer_dn(gnutls_x509_crt_t crt, const char *dn, const char **err)
{
    return gnossl_dn_parse(dn, err, crt_issuer, crt);
}

static int dn_obj(void *obj, const char *oid, unsigned raw, const void *v, unsigned n)
{
    return gnossl_name_add(obj, oid, raw, v, n);
}

int gnutls_x509_dn_set_str(gnutls_x509_dn_t dn, const char *str, const char **err)
{
    if (dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_parse(str, err, dn_obj, (X509_NAME *)dn);
}
