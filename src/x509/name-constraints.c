/* gnutls_x509_name_constraints_t: permitted and excluded subtrees as
 * (type, name) lists in insertion order, as GnuTLS keeps them; IP
 * constraints are address+mask (8 or 32 bytes).  Reading and writing the
 * certificate extension goes through OpenSSL's NAME_CONSTRAINTS. */
#include "gnossl.h"
#include "x509/x509.h"

#include <arpa/inet.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct nc_node {
    unsigned type;
    gnutls_datum_t name;
};

struct nc_list {
    struct nc_node *v;
    unsigned n;
};

struct gnutls_name_constraints_st {
    struct nc_list permitted, excluded;
};

static void list_clear(struct nc_list *l)
{
    for (unsigned i = 0; i < l->n; i++)
        gnutls_free(l->v[i].name.data);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

int gnutls_x509_name_constraints_init(gnutls_x509_name_constraints_t *nc)
{
    if (nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *nc = calloc(1, sizeof **nc);
    return *nc ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_name_constraints_deinit(gnutls_x509_name_constraints_t nc)
{
    if (nc == NULL)
        return;
    list_clear(&nc->permitted);
    list_clear(&nc->excluded);
    free(nc);
}

/* 0, or GnuTLS's error for a constraint it does not take */
static int valid(unsigned type, const gnutls_datum_t *name)
{
    if (name == NULL || (name->data == NULL && name->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
    case GNUTLS_SAN_RFC822NAME:
    case GNUTLS_SAN_DN:
    case GNUTLS_SAN_URI:
        return 0;
    case GNUTLS_SAN_IPADDRESS:
        return name->size == 8 || name->size == 32 ? 0 : GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
    default:
        return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
    }
}

static int list_add(struct nc_list *l, unsigned type, const void *data, size_t size)
{
    struct nc_node *nv = realloc(l->v, (l->n + 1) * sizeof *nv);
    if (nv == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    l->v = nv;
    nv[l->n].type = type;
    int ret = gnossl_datum_set(&nv[l->n].name, data, size);
    if (ret < 0)
        return ret;
    l->n++;
    return 0;
}

static int nc_add(gnutls_x509_name_constraints_t nc, unsigned type, const gnutls_datum_t *name, int permitted)
{
    if (nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = valid(type, name);
    if (ret < 0)
        return ret;
    return list_add(permitted ? &nc->permitted : &nc->excluded, type, name->data, name->size);
}

int gnutls_x509_name_constraints_add_permitted(gnutls_x509_name_constraints_t nc,
                                               gnutls_x509_subject_alt_name_t type, const gnutls_datum_t *name)
{
    return nc_add(nc, type, name, 1);
}

int gnutls_x509_name_constraints_add_excluded(gnutls_x509_name_constraints_t nc,
                                              gnutls_x509_subject_alt_name_t type, const gnutls_datum_t *name)
{
    return nc_add(nc, type, name, 0);
}

static int nc_get(const struct nc_list *l, unsigned idx, unsigned *type, gnutls_datum_t *name)
{
    if (idx >= l->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (type)
        *type = l->v[idx].type;
    if (name)
        *name = l->v[idx].name; /* points into nc, as in GnuTLS */
    return 0;
}

int gnutls_x509_name_constraints_get_permitted(gnutls_x509_name_constraints_t nc, unsigned idx, unsigned *type,
                                               gnutls_datum_t *name)
{
    if (nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return nc_get(&nc->permitted, idx, type, name);
}

int gnutls_x509_name_constraints_get_excluded(gnutls_x509_name_constraints_t nc, unsigned idx, unsigned *type,
                                              gnutls_datum_t *name)
{
    if (nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return nc_get(&nc->excluded, idx, type, name);
}

/* ---- DER <-> structure ---- */

static int from_subtrees(struct nc_list *l, STACK_OF(GENERAL_SUBTREE) *st)
{
    for (int i = 0; i < sk_GENERAL_SUBTREE_num(st); i++) {
        const GENERAL_NAME *gn = sk_GENERAL_SUBTREE_value(st, i)->base;
        int type = gnossl_gn_type(gn), ret;
        if (gn->type == GEN_DIRNAME) {
            unsigned char *der = NULL;
            int len = i2d_X509_NAME(gn->d.directoryName, &der);
            if (len < 0)
                return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
            ret = list_add(l, GNUTLS_SAN_DN, der, (size_t)len);
            OPENSSL_free(der);
        } else if (gn->type == GEN_DNS || gn->type == GEN_EMAIL || gn->type == GEN_URI || gn->type == GEN_IPADD) {
            const ASN1_STRING *s = gn->d.ia5;
            if (gn->type == GEN_IPADD && ASN1_STRING_length(s) != 8 && ASN1_STRING_length(s) != 32)
                return GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
            ret = list_add(l, (unsigned)type, ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
        } else
            return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
        if (ret < 0)
            return ret;
    }
    return 0;
}

int gnossl_nc_import(const unsigned char *der, size_t len, gnutls_x509_name_constraints_t nc, unsigned flags)
{
    const unsigned char *p = der;
    NAME_CONSTRAINTS *v = (NAME_CONSTRAINTS *)ASN1_item_d2i(NULL, &p, (long)len, ASN1_ITEM_rptr(NAME_CONSTRAINTS));
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    struct gnutls_name_constraints_st tmp = {{NULL, 0}, {NULL, 0}};
    int ret = from_subtrees(&tmp.permitted, v->permittedSubtrees);
    if (ret == 0)
        ret = from_subtrees(&tmp.excluded, v->excludedSubtrees);
    NAME_CONSTRAINTS_free(v);
    if (ret < 0) {
        list_clear(&tmp.permitted);
        list_clear(&tmp.excluded);
        return ret;
    }
    if ((flags & GNUTLS_NAME_CONSTRAINTS_FLAG_APPEND) && (nc->permitted.n || nc->excluded.n)) {
        /* appending: the lists grow (excluded is a union; permitted
         * entries are added after the existing ones) */
        for (unsigned i = 0; ret == 0 && i < tmp.permitted.n; i++)
            ret = list_add(&nc->permitted, tmp.permitted.v[i].type, tmp.permitted.v[i].name.data,
                           tmp.permitted.v[i].name.size);
        for (unsigned i = 0; ret == 0 && i < tmp.excluded.n; i++)
            ret = list_add(&nc->excluded, tmp.excluded.v[i].type, tmp.excluded.v[i].name.data,
                           tmp.excluded.v[i].name.size);
        list_clear(&tmp.permitted);
        list_clear(&tmp.excluded);
        return ret;
    }
    list_clear(&nc->permitted);
    list_clear(&nc->excluded);
    *nc = tmp;
    return 0;
}

static int to_subtrees(const struct nc_list *l, STACK_OF(GENERAL_SUBTREE) **out)
{
    if (l->n == 0)
        return 0;
    *out = sk_GENERAL_SUBTREE_new_null();
    if (*out == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; i < l->n; i++) {
        GENERAL_NAME *gn;
        if (l->v[i].type == GNUTLS_SAN_IPADDRESS) {
            /* address+mask does not fit make_gn's 4/16-byte check */
            ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
            gn = GENERAL_NAME_new();
            if (os == NULL || gn == NULL || !ASN1_OCTET_STRING_set(os, l->v[i].name.data, (int)l->v[i].name.size)) {
                ASN1_OCTET_STRING_free(os);
                GENERAL_NAME_free(gn);
                return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            }
            GENERAL_NAME_set0_value(gn, GEN_IPADD, os);
        } else
            gn = gnossl_make_gn(l->v[i].type, l->v[i].name.data, l->v[i].name.size);
        GENERAL_SUBTREE *t = GENERAL_SUBTREE_new();
        if (gn == NULL || t == NULL) {
            GENERAL_NAME_free(gn);
            GENERAL_SUBTREE_free(t);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        GENERAL_NAME_free(t->base);
        t->base = gn;
        if (!sk_GENERAL_SUBTREE_push(*out, t)) {
            GENERAL_SUBTREE_free(t);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
    }
    return 0;
}

NAME_CONSTRAINTS *gnossl_nc_to_openssl(gnutls_x509_name_constraints_t nc)
{
    if (nc->permitted.n == 0 && nc->excluded.n == 0)
        return NULL; /* GnuTLS refuses to encode empty constraints */
    NAME_CONSTRAINTS *v = NAME_CONSTRAINTS_new();
    if (v == NULL || to_subtrees(&nc->permitted, &v->permittedSubtrees) < 0 ||
        to_subtrees(&nc->excluded, &v->excludedSubtrees) < 0) {
        NAME_CONSTRAINTS_free(v);
        return NULL;
    }
    return v;
}

int gnutls_x509_crt_get_name_constraints(gnutls_x509_crt_t crt, gnutls_x509_name_constraints_t nc,
                                         unsigned int flags, unsigned int *critical)
{
    if (crt == NULL || nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t der = {NULL, 0};
    int ret = gnossl_crt_ext_value(crt, "2.5.29.30", 0, &der, critical);
    if (ret < 0)
        return ret;
    ret = gnossl_nc_import(der.data, der.size, nc, flags);
    gnutls_free(der.data);
    return ret;
}

int gnutls_x509_crt_set_name_constraints(gnutls_x509_crt_t crt, gnutls_x509_name_constraints_t nc,
                                         unsigned int critical)
{
    if (crt == NULL || nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    NAME_CONSTRAINTS *v = gnossl_nc_to_openssl(nc);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_crt_put_ext(crt, NID_name_constraints, v, critical != 0);
    NAME_CONSTRAINTS_free(v);
    return ret;
}

/* ---- checking names ---- */

static int ieq(const unsigned char *a, const unsigned char *b, size_t n)
{
    return strncasecmp((const char *)a, (const char *)b, n) == 0 && memchr(a, 0, n) == NULL;
}

/* name equals the constraint, or is below it (a whole label); a name's
 * trailing root dot is ignored, as GnuTLS does. */
static int dns_match(const gnutls_datum_t *n0, const gnutls_datum_t *c)
{
    gnutls_datum_t nn = *n0;
    if (nn.size > 1 && nn.data[nn.size - 1] == '.')
        nn.size--;
    const gnutls_datum_t *name = &nn;
    if (name->size == c->size)
        return ieq(name->data, c->data, c->size);
    if (name->size < c->size || c->size == 0)
        return 0;
    const unsigned char *tail = name->data + name->size - c->size;
    if (!ieq(tail, c->data, c->size))
        return 0;
    return c->data[0] == '.' || tail[-1] == '.';
}

static int email_match(const gnutls_datum_t *name, const gnutls_datum_t *c)
{
    if (name->size == c->size && ieq(name->data, c->data, c->size))
        return 1;
    if (memchr(c->data, '@', c->size))
        return 0; /* a mailbox: exact only */
    const unsigned char *at = memrchr(name->data, '@', name->size);
    if (at == NULL)
        return 0;
    gnutls_datum_t host = {(unsigned char *)at + 1, (unsigned)(name->size - (size_t)(at + 1 - name->data))};
    if (c->size && c->data[0] == '.')
        return host.size > c->size && ieq(host.data + host.size - c->size, c->data, c->size);
    return host.size == c->size && ieq(host.data, c->data, c->size);
}

static int ip_match(const gnutls_datum_t *ip, const gnutls_datum_t *cidr)
{
    for (unsigned i = 0; i < ip->size; i++)
        if ((ip->data[i] & cidr->data[ip->size + i]) != (cidr->data[i] & cidr->data[ip->size + i]))
            return 0;
    return 1;
}

static unsigned check_list(gnutls_x509_name_constraints_t nc, unsigned type, const gnutls_datum_t *name,
                           int (*match)(const gnutls_datum_t *, const gnutls_datum_t *))
{
    for (unsigned i = 0; i < nc->excluded.n; i++) {
        const struct nc_node *e = &nc->excluded.v[i];
        if (e->type != type)
            continue;
        if (type == GNUTLS_SAN_IPADDRESS) {
            if (name->size != e->name.size / 2)
                continue;
        } else if (e->name.size == 0)
            return 0; /* nothing of this type may be issued */
        if (match(name, &e->name))
            return 0;
    }
    unsigned seen = 0;
    for (unsigned i = 0; i < nc->permitted.n; i++) {
        const struct nc_node *p = &nc->permitted.v[i];
        if (p->type != type)
            continue;
        if (type == GNUTLS_SAN_IPADDRESS ? name->size != p->name.size / 2 : p->name.size == 0)
            continue;
        seen = 1;
        if (match(name, &p->name))
            return 1;
    }
    return !seen;
}

static unsigned unsupported(gnutls_x509_name_constraints_t nc, unsigned type)
{
    for (unsigned i = 0; i < nc->excluded.n; i++)
        if (nc->excluded.v[i].type == type)
            return 0;
    return 1;
}

unsigned gnutls_x509_name_constraints_check(gnutls_x509_name_constraints_t nc, gnutls_x509_subject_alt_name_t type,
                                            const gnutls_datum_t *name)
{
    if (nc == NULL || name == NULL)
        return 0;
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
        return check_list(nc, type, name, dns_match);
    case GNUTLS_SAN_RFC822NAME:
        return check_list(nc, type, name, email_match);
    case GNUTLS_SAN_IPADDRESS:
        return check_list(nc, type, name, ip_match);
    default:
        return unsupported(nc, type);
    }
}

unsigned gnutls_x509_name_constraints_check_crt(gnutls_x509_name_constraints_t nc,
                                                gnutls_x509_subject_alt_name_t type, gnutls_x509_crt_t cert)
{
    if (nc == NULL || cert == NULL || cert->x509 == NULL)
        return 0;
    int gtype = type == GNUTLS_SAN_DNSNAME      ? GEN_DNS
                : type == GNUTLS_SAN_RFC822NAME ? GEN_EMAIL
                : type == GNUTLS_SAN_IPADDRESS  ? GEN_IPADD
                                                : -1;
    GENERAL_NAMES *sans = X509_get_ext_d2i(cert->x509, NID_subject_alt_name, NULL, NULL);
    unsigned found = 0, ok = 1;
    for (int i = 0; ok && i < sk_GENERAL_NAME_num(sans); i++) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(sans, i);
        if (gtype < 0) {
            if (gn->type == GEN_URI)
                found = 1;
            continue;
        }
        if (gn->type != gtype)
            continue;
        found = 1;
        gnutls_datum_t n = {(unsigned char *)ASN1_STRING_get0_data(gn->d.ia5), (unsigned)ASN1_STRING_length(gn->d.ia5)};
        ok = gnutls_x509_name_constraints_check(nc, type, &n);
    }
    GENERAL_NAMES_free(sans);
    if (gtype < 0)
        return found ? unsupported(nc, type) : 1;
    if (!ok || type == GNUTLS_SAN_IPADDRESS)
        return ok;
    /* the subject's CNs are checked as DNS names too on certificates
     * fit for TLS servers (where CNs are matched against host names);
     * e-mail attributes stand in for absent RFC 822 names */
    if (type == GNUTLS_SAN_DNSNAME ? !gnutls_x509_crt_check_key_purpose(cert, GNUTLS_KP_TLS_WWW_SERVER, 0) : found)
        return ok;
    X509_NAME *subj = X509_get_subject_name(cert->x509);
    int nid = type == GNUTLS_SAN_DNSNAME ? NID_commonName : NID_pkcs9_emailAddress;
    for (int at = -1; ok && (at = X509_NAME_get_index_by_NID(subj, nid, at)) >= 0;) {
        const ASN1_STRING *s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subj, at));
        gnutls_datum_t n = {(unsigned char *)ASN1_STRING_get0_data(s), (unsigned)ASN1_STRING_length(s)};
        ok = gnutls_x509_name_constraints_check(nc, type, &n);
    }
    return ok;
}

/* ---- CIDR text ---- */

int gnossl_cidr_text(const gnutls_datum_t *ipmask, char *out, size_t outsz)
{
    unsigned half = ipmask->size / 2;
    if (half != 4 && half != 16)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    char a[64];
    if (inet_ntop(half == 4 ? AF_INET : AF_INET6, ipmask->data, a, sizeof a) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned prefix = 0;
    for (unsigned i = 0; i < half; i++)
        for (int b = 7; b >= 0; b--)
            prefix += (ipmask->data[half + i] >> b) & 1;
    snprintf(out, outsz, "%s/%u", a, prefix);
    return 0;
}

int gnutls_x509_cidr_to_rfc5280(const char *cidr, gnutls_datum_t *cidr_rfc5280)
{
    if (cidr == NULL || cidr_rfc5280 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const char *slash = strchr(cidr, '/');
    if (slash == NULL)
        return GNOSSL_ERR(GNUTLS_E_MALFORMED_CIDR);
    char addr[64];
    size_t al = (size_t)(slash - cidr);
    if (al >= sizeof addr)
        return GNOSSL_ERR(GNUTLS_E_MALFORMED_CIDR);
    memcpy(addr, cidr, al);
    addr[al] = 0;
    unsigned char buf[32] = {0};
    unsigned len = strchr(addr, ':') ? 16 : 4;
    if (inet_pton(len == 16 ? AF_INET6 : AF_INET, addr, buf) != 1)
        return GNOSSL_ERR(GNUTLS_E_MALFORMED_CIDR);
    char *end;
    long prefix = strtol(slash + 1, &end, 10);
    if (*end || end == slash + 1 || prefix < 0 || prefix > (long)len * 8)
        return GNOSSL_ERR(GNUTLS_E_MALFORMED_CIDR);
    for (unsigned i = 0; i < len * 8; i++)
        if ((long)i < prefix)
            buf[len + i / 8] |= (unsigned char)(0x80 >> (i % 8));
    for (unsigned i = 0; i < len; i++)
        buf[i] &= buf[len + i];
    return gnossl_datum_set(cidr_rfc5280, buf, len * 2);
}

/* ---- merging (GnuTLS's private helper for chain verification) ---- */

GNOSSL_EXPORT int _gnutls_x509_name_constraints_merge(gnutls_x509_name_constraints_t nc,
                                                      gnutls_x509_name_constraints_t nc2);

/* Is constraint `in` within constraint `out` (same type)? */
static int within(unsigned type, const gnutls_datum_t *in, const gnutls_datum_t *out)
{
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
        return dns_match(in, out);
    case GNUTLS_SAN_RFC822NAME:
        return memchr(in->data, '@', in->size) ? email_match(in, out) : dns_match(in, out);
    case GNUTLS_SAN_IPADDRESS: {
        if (in->size != out->size)
            return 0;
        unsigned h = in->size / 2;
        for (unsigned i = 0; i < h; i++) {
            unsigned char om = out->data[h + i];
            if ((in->data[h + i] & om) != om || (in->data[i] & om) != (out->data[i] & om))
                return 0;
        }
        return 1;
    }
    default:
        return 0;
    }
}

static int intersected(unsigned type)
{
    return type == GNUTLS_SAN_DNSNAME || type == GNUTLS_SAN_RFC822NAME || type == GNUTLS_SAN_IPADDRESS;
}

static int has_type(const struct nc_list *l, unsigned type)
{
    for (unsigned i = 0; i < l->n; i++)
        if (l->v[i].type == type)
            return 1;
    return 0;
}

static int list_has(const struct nc_list *l, const struct nc_node *x)
{
    for (unsigned i = 0; i < l->n; i++)
        if (l->v[i].type == x->type && l->v[i].name.size == x->name.size &&
            memcmp(l->v[i].name.data, x->name.data, x->name.size) == 0)
            return 1;
    return 0;
}

/* Append the nodes of `type` from src to dst, skipping ones already there
 * and ones `unless` holds (NULL: none). */
static int add_type(struct nc_list *dst, const struct nc_list *src, unsigned type, const struct nc_list *unless)
{
    for (unsigned i = 0; i < src->n; i++) {
        const struct nc_node *x = &src->v[i];
        if (x->type != type || list_has(dst, x) || (unless && list_has(unless, x)))
            continue;
        int ret = list_add(dst, x->type, x->name.data, x->name.size);
        if (ret < 0)
            return ret;
    }
    return 0;
}

/* RFC 5280 6.1.4: permitted subtrees intersect for DNS, e-mail and IP
 * names (nested constraints keep the narrower one; a type both restrict
 * with nothing in common becomes excluded altogether), other permitted
 * types and all excluded subtrees add up.  The result replaces nc's lists,
 * grouped by type in the order GnuTLS 3.7.9 gives them. */
int _gnutls_x509_name_constraints_merge(gnutls_x509_name_constraints_t nc, gnutls_x509_name_constraints_t nc2)
{
    if (nc == NULL || nc2 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    static const unsigned order[5] = {GNUTLS_SAN_URI, GNUTLS_SAN_DN, GNUTLS_SAN_DNSNAME, GNUTLS_SAN_RFC822NAME,
                                      GNUTLS_SAN_IPADDRESS};
    static const unsigned char zeros[32] = {0};
    struct nc_list perm = {NULL, 0}, excl = {NULL, 0};
    int ret = 0, empty[5] = {0};
    for (int k = 0; ret == 0 && k < 5; k++) {
        unsigned type = order[k];
        if (!intersected(type) || !has_type(&nc->permitted, type) || !has_type(&nc2->permitted, type)) {
            /* a union: nc's own nodes, then all of nc2's */
            ret = add_type(&perm, &nc->permitted, type, &nc2->permitted);
            if (ret == 0)
                ret = add_type(&perm, &nc2->permitted, type, NULL);
            continue;
        }
        unsigned before = perm.n;
        for (unsigned i = 0; ret == 0 && i < nc->permitted.n; i++) {
            const struct nc_node *t = &nc->permitted.v[i];
            for (unsigned j = 0; ret == 0 && t->type == type && j < nc2->permitted.n; j++) {
                const struct nc_node *u = &nc2->permitted.v[j];
                if (u->type != type)
                    continue;
                if (within(type, &u->name, &t->name))
                    ret = list_add(&perm, u->type, u->name.data, u->name.size);
                else if (within(type, &t->name, &u->name))
                    ret = list_add(&perm, t->type, t->name.data, t->name.size);
            }
        }
        empty[k] = perm.n == before;
    }
    for (int k = 0; ret == 0 && k < 5; k++) {
        unsigned type = order[k];
        if (empty[k]) {
            if (type == GNUTLS_SAN_IPADDRESS) {
                ret = list_add(&excl, type, zeros, 8);
                if (ret == 0)
                    ret = list_add(&excl, type, zeros, 32);
            } else
                ret = list_add(&excl, type, "", 0);
        }
        if (ret == 0)
            ret = add_type(&excl, &nc->excluded, type, &nc2->excluded);
        if (ret == 0)
            ret = add_type(&excl, &nc2->excluded, type, NULL);
    }
    if (ret < 0) {
        list_clear(&perm);
        list_clear(&excl);
        return ret;
    }
    list_clear(&nc->permitted);
    list_clear(&nc->excluded);
    nc->permitted = perm;
    nc->excluded = excl;
    return 0;
}
