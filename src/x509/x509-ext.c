/* The gnutls_x509_ext_* API: extension values (DER) to and from GnuTLS's
 * small containers (alternative names, CRL distribution points, AIA,
 * authority key ID, key purposes, policies) and plain values.  Decoding
 * and encoding are OpenSSL's; the containers keep datums so that getters
 * can hand out pointers into them, as GnuTLS's do. */
#include "gnossl.h"
#include "x509/x509.h"

#include <gnutls/x509-ext.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

static void *d2i_item(const gnutls_datum_t *ext, const ASN1_ITEM *it)
{
    if (ext == NULL || ext->data == NULL)
        return NULL;
    const unsigned char *p = ext->data;
    void *v = ASN1_item_d2i(NULL, &p, (long)ext->size, it);
    ERR_clear_error();
    return v;
}

static int i2d_item(void *v, const ASN1_ITEM *it, gnutls_datum_t *out)
{
    unsigned char *der = NULL;
    int len = v ? ASN1_item_i2d(v, &der, it) : -1;
    if (len < 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    int ret = gnossl_datum_set(out, der, (size_t)len);
    OPENSSL_free(der);
    return ret;
}

#define D2I(ext, T) ((T *)d2i_item((ext), ASN1_ITEM_rptr(T)))
#define I2D(v, T, out) i2d_item((v), ASN1_ITEM_rptr(T), (out))

static int oid_datum(const ASN1_OBJECT *o, gnutls_datum_t *out)
{
    char txt[128];
    gnossl_oid_text(o, txt, sizeof txt);
    return gnossl_datum_set(out, txt, strlen(txt));
}

/* One general name as GnuTLS's containers keep it: type, raw value (the
 * DER of a Name for DN, of the value for otherName) and othername OID. */
struct name {
    unsigned type;
    gnutls_datum_t san, oid;
};

static void name_clear(struct name *n)
{
    gnutls_free(n->san.data);
    gnutls_free(n->oid.data);
    memset(n, 0, sizeof *n);
}

static int name_from_gn(const GENERAL_NAME *gn, struct name *n)
{
    memset(n, 0, sizeof *n);
    int ret;
    switch (gn->type) {
    case GEN_DNS:
    case GEN_EMAIL:
    case GEN_URI:
    case GEN_IPADD:
        n->type = (unsigned)gnossl_gn_type(gn);
        return gnossl_datum_set(&n->san, ASN1_STRING_get0_data(gn->d.ia5), (size_t)ASN1_STRING_length(gn->d.ia5));
    case GEN_DIRNAME: {
        unsigned char *der = NULL;
        int len = i2d_X509_NAME(gn->d.directoryName, &der);
        if (len < 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        n->type = GNUTLS_SAN_DN;
        ret = gnossl_datum_set(&n->san, der, (size_t)len);
        OPENSSL_free(der);
        return ret;
    }
    case GEN_RID:
        n->type = GNUTLS_SAN_REGISTERED_ID;
        return oid_datum(gn->d.rid, &n->san);
    case GEN_OTHERNAME: {
        unsigned char *der = NULL;
        int len = i2d_ASN1_TYPE(gn->d.otherName->value, &der);
        if (len < 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        n->type = GNUTLS_SAN_OTHERNAME;
        ret = gnossl_datum_set(&n->san, der, (size_t)len);
        OPENSSL_free(der);
        if (ret == 0)
            ret = oid_datum(gn->d.otherName->type_id, &n->oid);
        if (ret < 0)
            name_clear(n);
        return ret;
    }
    default:
        return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
    }
}

static GENERAL_NAME *name_to_gn(unsigned type, const gnutls_datum_t *san, const char *oid)
{
    if (san == NULL)
        return NULL;
    if (type == GNUTLS_SAN_OTHERNAME) {
        const unsigned char *p = san->data;
        ASN1_TYPE *v = oid ? d2i_ASN1_TYPE(NULL, &p, (long)san->size) : NULL;
        ASN1_OBJECT *o = oid ? OBJ_txt2obj(oid, 1) : NULL;
        GENERAL_NAME *gn = GENERAL_NAME_new();
        if (v == NULL || o == NULL || gn == NULL || !GENERAL_NAME_set0_othername(gn, o, v)) {
            ASN1_TYPE_free(v);
            ASN1_OBJECT_free(o);
            GENERAL_NAME_free(gn);
            ERR_clear_error();
            return NULL;
        }
        return gn;
    }
    if (type == GNUTLS_SAN_REGISTERED_ID) {
        char txt[128];
        if (san->size >= sizeof txt)
            return NULL;
        memcpy(txt, san->data, san->size);
        txt[san->size] = 0;
        ASN1_OBJECT *o = OBJ_txt2obj(txt, 1);
        GENERAL_NAME *gn = GENERAL_NAME_new();
        if (o == NULL || gn == NULL) {
            ASN1_OBJECT_free(o);
            GENERAL_NAME_free(gn);
            return NULL;
        }
        GENERAL_NAME_set0_value(gn, GEN_RID, o);
        return gn;
    }
    if (type == GNUTLS_SAN_DN)
        return gnossl_make_gn(type, san->data, san->size);
    GENERAL_NAME *gn = NULL;
    return gnossl_san_make(type, san->data, san->size, &gn) < 0 ? NULL : gn;
}

/* ---- subject (and issuer) alternative names ---- */

struct gnutls_subject_alt_names_st {
    struct name *v;
    unsigned n;
};

int gnutls_subject_alt_names_init(gnutls_subject_alt_names_t *sans)
{
    if (sans == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sans = calloc(1, sizeof **sans);
    return *sans ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static void sans_clear(gnutls_subject_alt_names_t sans)
{
    for (unsigned i = 0; i < sans->n; i++)
        name_clear(&sans->v[i]);
    free(sans->v);
    sans->v = NULL;
    sans->n = 0;
}

void gnutls_subject_alt_names_deinit(gnutls_subject_alt_names_t sans)
{
    if (sans == NULL)
        return;
    sans_clear(sans);
    free(sans);
}

static int sans_push(gnutls_subject_alt_names_t sans, struct name *n)
{
    struct name *nv = realloc(sans->v, (sans->n + 1) * sizeof *nv);
    if (nv == NULL) {
        name_clear(n);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    sans->v = nv;
    nv[sans->n++] = *n;
    return 0;
}

int gnutls_subject_alt_names_get(gnutls_subject_alt_names_t sans, unsigned int seq, unsigned int *san_type,
                                 gnutls_datum_t *san, gnutls_datum_t *othername_oid)
{
    if (sans == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (seq >= sans->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (san_type)
        *san_type = sans->v[seq].type;
    if (san)
        *san = sans->v[seq].san;
    if (othername_oid && sans->v[seq].type == GNUTLS_SAN_OTHERNAME)
        *othername_oid = sans->v[seq].oid;
    return 0;
}

int gnutls_subject_alt_names_set(gnutls_subject_alt_names_t sans, unsigned int san_type, const gnutls_datum_t *san,
                                 const char *othername_oid)
{
    if (sans == NULL || san == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct name n;
    int ret;
    if (san_type == GNUTLS_SAN_DN) {
        /* kept as given (GnuTLS cannot encode it later: see export) */
        memset(&n, 0, sizeof n);
        n.type = GNUTLS_SAN_DN;
        ret = gnossl_datum_set(&n.san, san->data, san->size);
        return ret < 0 ? ret : sans_push(sans, &n);
    }
    GENERAL_NAME *gn = NULL;
    if (san_type == GNUTLS_SAN_OTHERNAME)
        gn = name_to_gn(san_type, san, othername_oid);
    else if ((ret = gnossl_san_make(san_type, san->data, san->size, &gn)) < 0)
        return ret;
    if (gn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* virtual types become the other names they encode */
    ret = name_from_gn(gn, &n);
    GENERAL_NAME_free(gn);
    return ret < 0 ? ret : sans_push(sans, &n);
}

int gnutls_x509_ext_import_subject_alt_names(const gnutls_datum_t *ext, gnutls_subject_alt_names_t sans,
                                             unsigned int flags)
{
    (void)flags;
    if (sans == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAMES *gns = D2I(ext, GENERAL_NAMES);
    if (gns == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_GENERAL_NAME_num(gns); i++) {
        struct name n;
        ret = name_from_gn(sk_GENERAL_NAME_value(gns, i), &n);
        if (ret == 0)
            ret = sans_push(sans, &n);
    }
    GENERAL_NAMES_free(gns);
    return ret;
}

static GENERAL_NAMES *names_to_gns(const struct name *v, unsigned n)
{
    GENERAL_NAMES *gns = GENERAL_NAMES_new();
    for (unsigned i = 0; gns && i < n; i++) {
        GENERAL_NAME *gn = name_to_gn(v[i].type, &v[i].san, (const char *)v[i].oid.data);
        if (gn == NULL || !sk_GENERAL_NAME_push(gns, gn)) {
            GENERAL_NAME_free(gn);
            GENERAL_NAMES_free(gns);
            return NULL;
        }
    }
    return gns;
}

int gnutls_x509_ext_export_subject_alt_names(gnutls_subject_alt_names_t sans, gnutls_datum_t *ext)
{
    if (sans == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < sans->n; i++)
        if (sans->v[i].type == GNUTLS_SAN_DN)
            return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR); /* as GnuTLS's writer */
    GENERAL_NAMES *gns = names_to_gns(sans->v, sans->n);
    int ret = I2D(gns, GENERAL_NAMES, ext);
    GENERAL_NAMES_free(gns);
    return ret;
}

/* ---- CRL distribution points ---- */

struct dp {
    unsigned type, reasons;
    gnutls_datum_t san;
};

struct gnutls_x509_crl_dist_points_st {
    struct dp *v;
    unsigned n;
};

int gnutls_x509_crl_dist_points_init(gnutls_x509_crl_dist_points_t *cdp)
{
    if (cdp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *cdp = calloc(1, sizeof **cdp);
    return *cdp ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_crl_dist_points_deinit(gnutls_x509_crl_dist_points_t cdp)
{
    if (cdp == NULL)
        return;
    for (unsigned i = 0; i < cdp->n; i++)
        gnutls_free(cdp->v[i].san.data);
    free(cdp->v);
    free(cdp);
}

static int dp_push(gnutls_x509_crl_dist_points_t cdp, unsigned type, const void *d, size_t n, unsigned reasons)
{
    struct dp *nv = realloc(cdp->v, (cdp->n + 1) * sizeof *nv);
    if (nv == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    cdp->v = nv;
    nv[cdp->n].type = type;
    nv[cdp->n].reasons = reasons;
    int ret = gnossl_datum_set(&nv[cdp->n].san, d, n);
    if (ret == 0)
        cdp->n++;
    return ret;
}

int gnutls_x509_crl_dist_points_get(gnutls_x509_crl_dist_points_t cdp, unsigned int seq, unsigned int *type,
                                    gnutls_datum_t *dist, unsigned int *reason_flags)
{
    if (cdp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (seq >= cdp->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (type)
        *type = cdp->v[seq].type;
    if (dist)
        *dist = cdp->v[seq].san;
    if (reason_flags)
        *reason_flags = cdp->v[seq].reasons;
    return 0;
}

int gnutls_x509_crl_dist_points_set(gnutls_x509_crl_dist_points_t cdp, gnutls_x509_subject_alt_name_t type,
                                    const gnutls_datum_t *dist, unsigned int reason_flags)
{
    if (cdp == NULL || dist == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return dp_push(cdp, type, dist->data, dist->size, reason_flags);
}

int gnutls_x509_ext_import_crl_dist_points(const gnutls_datum_t *ext, gnutls_x509_crl_dist_points_t cdp,
                                           unsigned int flags)
{
    (void)flags;
    if (cdp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    CRL_DIST_POINTS *dps = D2I(ext, CRL_DIST_POINTS);
    if (dps == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_DIST_POINT_num(dps); i++) {
        DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
        unsigned reasons = 0;
        if (dp->reasons) {
            const unsigned char *b = ASN1_STRING_get0_data(dp->reasons);
            int bl = ASN1_STRING_length(dp->reasons);
            reasons = (bl > 0 ? b[0] : 0) | (bl > 1 ? (unsigned)b[1] << 8 : 0);
        }
        if (dp->distpoint == NULL || dp->distpoint->type != 0)
            continue;
        GENERAL_NAMES *names = dp->distpoint->name.fullname;
        for (int j = 0; ret == 0 && j < sk_GENERAL_NAME_num(names); j++) {
            struct name n;
            ret = name_from_gn(sk_GENERAL_NAME_value(names, j), &n);
            if (ret == 0)
                ret = dp_push(cdp, n.type, n.san.data, n.san.size, reasons);
            name_clear(&n);
        }
    }
    CRL_DIST_POINTS_free(dps);
    return ret;
}

int gnutls_x509_ext_export_crl_dist_points(gnutls_x509_crl_dist_points_t cdp, gnutls_datum_t *ext)
{
    if (cdp == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    CRL_DIST_POINTS *dps = CRL_DIST_POINTS_new();
    int ret = dps ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; ret == 0 && i < cdp->n; i++) {
        DIST_POINT *dp = DIST_POINT_new();
        GENERAL_NAME *gn = name_to_gn(cdp->v[i].type, &cdp->v[i].san, NULL);
        if (dp == NULL || gn == NULL || (dp->distpoint = DIST_POINT_NAME_new()) == NULL ||
            (dp->distpoint->name.fullname = GENERAL_NAMES_new()) == NULL ||
            !sk_GENERAL_NAME_push(dp->distpoint->name.fullname, gn)) {
            GENERAL_NAME_free(gn);
            DIST_POINT_free(dp);
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
            break;
        }
        dp->distpoint->type = 0;
        if (cdp->v[i].reasons) {
            unsigned char b = (unsigned char)(cdp->v[i].reasons & 0xc0); /* GnuTLS writes 2 bits */
            dp->reasons = ASN1_BIT_STRING_new();
            if (dp->reasons && ASN1_BIT_STRING_set(dp->reasons, &b, 1))
                dp->reasons->flags = (dp->reasons->flags & ~0x07L) | ASN1_STRING_FLAG_BITS_LEFT | 6;
        }
        if (!sk_DIST_POINT_push(dps, dp)) {
            DIST_POINT_free(dp);
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
    }
    if (ret == 0)
        ret = I2D(dps, CRL_DIST_POINTS, ext);
    CRL_DIST_POINTS_free(dps);
    return ret;
}

/* ---- authority information access ---- */

struct ad {
    gnutls_datum_t oid;
    struct name loc;
};

struct gnutls_x509_aia_st {
    struct ad *v;
    unsigned n;
};

int gnutls_x509_aia_init(gnutls_x509_aia_t *aia)
{
    if (aia == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *aia = calloc(1, sizeof **aia);
    return *aia ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_aia_deinit(gnutls_x509_aia_t aia)
{
    if (aia == NULL)
        return;
    for (unsigned i = 0; i < aia->n; i++) {
        gnutls_free(aia->v[i].oid.data);
        name_clear(&aia->v[i].loc);
    }
    free(aia->v);
    free(aia);
}

static int aia_push(gnutls_x509_aia_t aia, const ASN1_OBJECT *method, const GENERAL_NAME *gn)
{
    struct ad a;
    memset(&a, 0, sizeof a);
    int ret = oid_datum(method, &a.oid);
    if (ret == 0)
        ret = name_from_gn(gn, &a.loc);
    struct ad *nv = ret == 0 ? realloc(aia->v, (aia->n + 1) * sizeof *nv) : NULL;
    if (nv == NULL) {
        gnutls_free(a.oid.data);
        name_clear(&a.loc);
        return ret < 0 ? ret : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    aia->v = nv;
    nv[aia->n++] = a;
    return 0;
}

int gnutls_x509_aia_get(gnutls_x509_aia_t aia, unsigned int seq, gnutls_datum_t *oid, unsigned *san_type,
                        gnutls_datum_t *san)
{
    if (aia == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (seq >= aia->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (oid)
        *oid = aia->v[seq].oid;
    if (san_type)
        *san_type = aia->v[seq].loc.type;
    if (san)
        *san = aia->v[seq].loc.san;
    return 0;
}

int gnutls_x509_aia_set(gnutls_x509_aia_t aia, const char *oid, unsigned san_type, const gnutls_datum_t *san)
{
    if (aia == NULL || oid == NULL || san == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT *o = OBJ_txt2obj(oid, 1);
    GENERAL_NAME *gn = name_to_gn(san_type, san, NULL);
    int ret = o && gn ? aia_push(aia, o, gn) : GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT_free(o);
    GENERAL_NAME_free(gn);
    return ret;
}

int gnutls_x509_ext_import_aia(const gnutls_datum_t *ext, gnutls_x509_aia_t aia, unsigned int flags)
{
    (void)flags;
    if (aia == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    AUTHORITY_INFO_ACCESS *v = D2I(ext, AUTHORITY_INFO_ACCESS);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_ACCESS_DESCRIPTION_num(v); i++) {
        ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(v, i);
        ret = aia_push(aia, ad->method, ad->location);
    }
    AUTHORITY_INFO_ACCESS_free(v);
    return ret;
}

int gnutls_x509_ext_export_aia(gnutls_x509_aia_t aia, gnutls_datum_t *ext)
{
    if (aia == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    AUTHORITY_INFO_ACCESS *v = AUTHORITY_INFO_ACCESS_new();
    int ret = v ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; ret == 0 && i < aia->n; i++) {
        ACCESS_DESCRIPTION *ad = ACCESS_DESCRIPTION_new();
        GENERAL_NAME *gn = name_to_gn(aia->v[i].loc.type, &aia->v[i].loc.san, (const char *)aia->v[i].loc.oid.data);
        ASN1_OBJECT *o = OBJ_txt2obj((const char *)aia->v[i].oid.data, 1);
        if (ad == NULL || gn == NULL || o == NULL) {
            ACCESS_DESCRIPTION_free(ad);
            GENERAL_NAME_free(gn);
            ASN1_OBJECT_free(o);
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
            break;
        }
        ASN1_OBJECT_free(ad->method);
        ad->method = o;
        GENERAL_NAME_free(ad->location);
        ad->location = gn;
        if (!sk_ACCESS_DESCRIPTION_push(v, ad)) {
            ACCESS_DESCRIPTION_free(ad);
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
    }
    if (ret == 0)
        ret = I2D(v, AUTHORITY_INFO_ACCESS, ext);
    AUTHORITY_INFO_ACCESS_free(v);
    return ret;
}

/* ---- authority key identifier ---- */

struct gnutls_x509_aki_st {
    gnutls_datum_t id, serial;
    struct name *v;
    unsigned n;
};

int gnutls_x509_aki_init(gnutls_x509_aki_t *aki)
{
    if (aki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *aki = calloc(1, sizeof **aki);
    return *aki ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_aki_deinit(gnutls_x509_aki_t aki)
{
    if (aki == NULL)
        return;
    gnutls_free(aki->id.data);
    gnutls_free(aki->serial.data);
    for (unsigned i = 0; i < aki->n; i++)
        name_clear(&aki->v[i]);
    free(aki->v);
    free(aki);
}

int gnutls_x509_aki_get_id(gnutls_x509_aki_t aki, gnutls_datum_t *id)
{
    if (aki == NULL || id == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (aki->id.size == 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *id = aki->id;
    return 0;
}

int gnutls_x509_aki_set_id(gnutls_x509_aki_t aki, const gnutls_datum_t *id)
{
    if (aki == NULL || id == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_free(aki->id.data);
    return gnossl_datum_set(&aki->id, id->data, id->size);
}

static int aki_push(gnutls_x509_aki_t aki, struct name *n)
{
    struct name *nv = realloc(aki->v, (aki->n + 1) * sizeof *nv);
    if (nv == NULL) {
        name_clear(n);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    aki->v = nv;
    nv[aki->n++] = *n;
    return 0;
}

int gnutls_x509_aki_get_cert_issuer(gnutls_x509_aki_t aki, unsigned int seq, unsigned int *san_type,
                                    gnutls_datum_t *san, gnutls_datum_t *othername_oid, gnutls_datum_t *serial)
{
    if (aki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (seq >= aki->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (san_type)
        *san_type = aki->v[seq].type;
    if (san)
        *san = aki->v[seq].san;
    if (othername_oid && aki->v[seq].type == GNUTLS_SAN_OTHERNAME)
        *othername_oid = aki->v[seq].oid;
    if (serial)
        *serial = aki->serial;
    return 0;
}

int gnutls_x509_aki_set_cert_issuer(gnutls_x509_aki_t aki, unsigned int san_type, const gnutls_datum_t *san,
                                    const char *othername_oid, const gnutls_datum_t *serial)
{
    if (aki == NULL || serial == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_free(aki->serial.data);
    aki->serial.data = NULL;
    int ret = gnossl_datum_set(&aki->serial, serial->data, serial->size);
    if (ret < 0 || san == NULL)
        return ret;
    GENERAL_NAME *gn = name_to_gn(san_type, san, othername_oid);
    if (gn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct name n;
    ret = name_from_gn(gn, &n);
    GENERAL_NAME_free(gn);
    return ret < 0 ? ret : aki_push(aki, &n);
}

int gnutls_x509_ext_import_authority_key_id(const gnutls_datum_t *ext, gnutls_x509_aki_t aki, unsigned int flags)
{
    (void)flags;
    if (aki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    AUTHORITY_KEYID *v = D2I(ext, AUTHORITY_KEYID);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    if (v->keyid) {
        gnutls_free(aki->id.data);
        ret = gnossl_datum_set(&aki->id, ASN1_STRING_get0_data(v->keyid), (size_t)ASN1_STRING_length(v->keyid));
    }
    if (ret == 0 && v->serial) {
        gnutls_free(aki->serial.data);
        ret = gnossl_datum_set(&aki->serial, ASN1_STRING_get0_data(v->serial), (size_t)ASN1_STRING_length(v->serial));
    }
    for (int i = 0; ret == 0 && i < sk_GENERAL_NAME_num(v->issuer); i++) {
        struct name n;
        ret = name_from_gn(sk_GENERAL_NAME_value(v->issuer, i), &n);
        if (ret == 0)
            ret = aki_push(aki, &n);
    }
    AUTHORITY_KEYID_free(v);
    return ret;
}

int gnutls_x509_ext_export_authority_key_id(gnutls_x509_aki_t aki, gnutls_datum_t *ext)
{
    if (aki == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    AUTHORITY_KEYID *v = AUTHORITY_KEYID_new();
    int ret = v ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0 && aki->id.size) {
        v->keyid = ASN1_OCTET_STRING_new();
        if (v->keyid == NULL || !ASN1_OCTET_STRING_set(v->keyid, aki->id.data, (int)aki->id.size))
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (ret == 0 && aki->n) {
        v->issuer = names_to_gns(aki->v, aki->n);
        if (v->issuer == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if (ret == 0 && aki->serial.size) {
        unsigned char der[130];
        if (aki->serial.size > 127)
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        else {
            der[0] = 0x02;
            der[1] = (unsigned char)aki->serial.size;
            memcpy(der + 2, aki->serial.data, aki->serial.size);
            const unsigned char *p = der;
            v->serial = d2i_ASN1_INTEGER(NULL, &p, (long)aki->serial.size + 2);
            if (v->serial == NULL)
                ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        }
    }
    if (ret == 0)
        ret = I2D(v, AUTHORITY_KEYID, ext);
    AUTHORITY_KEYID_free(v);
    ERR_clear_error();
    return ret;
}

/* ---- key purposes ---- */

struct gnutls_x509_key_purposes_st {
    gnutls_datum_t *v;
    unsigned n;
};

int gnutls_x509_key_purpose_init(gnutls_x509_key_purposes_t *p)
{
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *p = calloc(1, sizeof **p);
    return *p ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static void kp_clear(gnutls_x509_key_purposes_t p)
{
    for (unsigned i = 0; i < p->n; i++)
        gnutls_free(p->v[i].data);
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

void gnutls_x509_key_purpose_deinit(gnutls_x509_key_purposes_t p)
{
    if (p == NULL)
        return;
    kp_clear(p);
    free(p);
}

int gnutls_x509_key_purpose_set(gnutls_x509_key_purposes_t p, const char *oid)
{
    if (p == NULL || oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t *nv = realloc(p->v, (p->n + 1) * sizeof *nv);
    if (nv == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    p->v = nv;
    int ret = gnossl_datum_set(&nv[p->n], oid, strlen(oid));
    if (ret == 0)
        p->n++;
    return ret;
}

int gnutls_x509_key_purpose_get(gnutls_x509_key_purposes_t p, unsigned idx, gnutls_datum_t *oid)
{
    if (p == NULL || oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (idx >= p->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *oid = p->v[idx];
    return 0;
}

int gnutls_x509_ext_import_key_purposes(const gnutls_datum_t *ext, gnutls_x509_key_purposes_t p, unsigned int flags)
{
    (void)flags;
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EXTENDED_KEY_USAGE *v = D2I(ext, EXTENDED_KEY_USAGE);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    kp_clear(p);
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_ASN1_OBJECT_num(v); i++) {
        char txt[128];
        gnossl_oid_text(sk_ASN1_OBJECT_value(v, i), txt, sizeof txt);
        ret = gnutls_x509_key_purpose_set(p, txt);
    }
    sk_ASN1_OBJECT_pop_free(v, ASN1_OBJECT_free);
    return ret;
}

int gnutls_x509_ext_export_key_purposes(gnutls_x509_key_purposes_t p, gnutls_datum_t *ext)
{
    if (p == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EXTENDED_KEY_USAGE *v = sk_ASN1_OBJECT_new_null();
    int ret = v ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; ret == 0 && i < p->n; i++) {
        ASN1_OBJECT *o = OBJ_txt2obj((const char *)p->v[i].data, 1);
        if (o == NULL || !sk_ASN1_OBJECT_push(v, o)) {
            ASN1_OBJECT_free(o);
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
    }
    if (ret == 0)
        ret = I2D(v, EXTENDED_KEY_USAGE, ext);
    sk_ASN1_OBJECT_pop_free(v, ASN1_OBJECT_free);
    return ret;
}

/* ---- policies ---- */

struct gnutls_x509_policies_st {
    struct gnutls_x509_policy_st *v;
    unsigned n;
};

int gnutls_x509_policies_init(gnutls_x509_policies_t *policies)
{
    if (policies == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *policies = calloc(1, sizeof **policies);
    return *policies ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_policies_deinit(gnutls_x509_policies_t policies)
{
    if (policies == NULL)
        return;
    for (unsigned i = 0; i < policies->n; i++)
        gnutls_x509_policy_release(&policies->v[i]);
    free(policies->v);
    free(policies);
}

int gnutls_x509_policies_get(gnutls_x509_policies_t policies, unsigned int seq, struct gnutls_x509_policy_st *policy)
{
    if (policies == NULL || policy == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (seq >= policies->n)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    *policy = policies->v[seq]; /* points into the container */
    return 0;
}

static int policy_push(gnutls_x509_policies_t policies, const POLICYINFO *pi)
{
    struct gnutls_x509_policy_st *nv = realloc(policies->v, (policies->n + 1) * sizeof *nv);
    if (nv == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    policies->v = nv;
    int ret = gnossl_policy_fill(pi, &nv[policies->n]);
    if (ret == 0)
        policies->n++;
    return ret;
}

static POLICYINFO *policy_info(const struct gnutls_x509_policy_st *policy)
{
    if (policy->oid == NULL || policy->qualifiers > GNUTLS_MAX_QUALIFIERS)
        return NULL;
    POLICYINFO *pi = POLICYINFO_new();
    if (pi == NULL)
        return NULL;
    ASN1_OBJECT_free(pi->policyid);
    pi->policyid = OBJ_txt2obj(policy->oid, 1);
    if (pi->policyid == NULL)
        goto bad;
    for (unsigned q = 0; q < policy->qualifiers; q++) {
        POLICYQUALINFO *qi = POLICYQUALINFO_new();
        const char *d = policy->qualifier[q].data;
        int n = (int)policy->qualifier[q].size, ok = qi != NULL && d != NULL;
        if (ok && policy->qualifier[q].type == GNUTLS_X509_QUALIFIER_URI) {
            qi->pqualid = OBJ_nid2obj(NID_id_qt_cps);
            ok = (qi->d.cpsuri = ASN1_IA5STRING_new()) != NULL && ASN1_STRING_set(qi->d.cpsuri, d, n);
        } else if (ok && policy->qualifier[q].type == GNUTLS_X509_QUALIFIER_NOTICE) {
            qi->pqualid = OBJ_nid2obj(NID_id_qt_unotice);
            ok = (qi->d.usernotice = USERNOTICE_new()) != NULL &&
                 (qi->d.usernotice->exptext = ASN1_UTF8STRING_new()) != NULL &&
                 ASN1_STRING_set(qi->d.usernotice->exptext, d, n);
        } else
            ok = 0;
        if (ok && pi->qualifiers == NULL)
            ok = (pi->qualifiers = sk_POLICYQUALINFO_new_null()) != NULL;
        if (!ok || !sk_POLICYQUALINFO_push(pi->qualifiers, qi)) {
            POLICYQUALINFO_free(qi);
            goto bad;
        }
    }
    return pi;
bad:
    POLICYINFO_free(pi);
    return NULL;
}

int gnutls_x509_policies_set(gnutls_x509_policies_t policies, const struct gnutls_x509_policy_st *policy)
{
    if (policies == NULL || policy == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    POLICYINFO *pi = policy_info(policy);
    if (pi == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = policy_push(policies, pi);
    POLICYINFO_free(pi);
    return ret;
}

int gnutls_x509_ext_import_policies(const gnutls_datum_t *ext, gnutls_x509_policies_t policies, unsigned int flags)
{
    (void)flags;
    if (policies == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    CERTIFICATEPOLICIES *v = D2I(ext, CERTIFICATEPOLICIES);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    for (int i = 0; ret == 0 && i < sk_POLICYINFO_num(v); i++)
        ret = policy_push(policies, sk_POLICYINFO_value(v, i));
    CERTIFICATEPOLICIES_free(v);
    return ret;
}

int gnutls_x509_ext_export_policies(gnutls_x509_policies_t policies, gnutls_datum_t *ext)
{
    if (policies == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    CERTIFICATEPOLICIES *v = CERTIFICATEPOLICIES_new();
    int ret = v ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; ret == 0 && i < policies->n; i++) {
        POLICYINFO *pi = policy_info(&policies->v[i]);
        if (pi == NULL || !sk_POLICYINFO_push(v, pi)) {
            POLICYINFO_free(pi);
            ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
    }
    if (ret == 0)
        ret = I2D(v, CERTIFICATEPOLICIES, ext);
    CERTIFICATEPOLICIES_free(v);
    return ret;
}

/* ---- plain values ---- */

int gnutls_x509_ext_import_subject_key_id(const gnutls_datum_t *ext, gnutls_datum_t *id)
{
    if (id == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OCTET_STRING *v = D2I(ext, ASN1_OCTET_STRING);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(id, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
    ASN1_OCTET_STRING_free(v);
    return ret;
}

int gnutls_x509_ext_export_subject_key_id(const gnutls_datum_t *id, gnutls_datum_t *ext)
{
    if (id == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OCTET_STRING *v = ASN1_OCTET_STRING_new();
    int ret = v && ASN1_OCTET_STRING_set(v, id->data, (int)id->size) ? I2D(v, ASN1_OCTET_STRING, ext)
                                                                       : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ASN1_OCTET_STRING_free(v);
    return ret;
}

int gnutls_x509_ext_import_basic_constraints(const gnutls_datum_t *ext, unsigned int *ca, int *pathlen)
{
    BASIC_CONSTRAINTS *v = D2I(ext, BASIC_CONSTRAINTS);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (ca)
        *ca = v->ca != 0;
    if (pathlen)
        *pathlen = v->pathlen ? (int)ASN1_INTEGER_get(v->pathlen) : -1;
    BASIC_CONSTRAINTS_free(v);
    return 0;
}

int gnutls_x509_ext_export_basic_constraints(unsigned int ca, int pathlen, gnutls_datum_t *ext)
{
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BASIC_CONSTRAINTS *v = BASIC_CONSTRAINTS_new();
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    v->ca = ca ? 0xff : 0;
    if (ca && pathlen >= 0) {
        v->pathlen = ASN1_INTEGER_new();
        if (v->pathlen)
            ASN1_INTEGER_set(v->pathlen, pathlen);
    }
    int ret = I2D(v, BASIC_CONSTRAINTS, ext);
    BASIC_CONSTRAINTS_free(v);
    return ret;
}

int gnutls_x509_ext_import_key_usage(const gnutls_datum_t *ext, unsigned int *key_usage)
{
    if (key_usage == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_BIT_STRING *v = D2I(ext, ASN1_BIT_STRING);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    const unsigned char *d = ASN1_STRING_get0_data(v);
    int n = ASN1_STRING_length(v);
    *key_usage = (n > 0 ? d[0] : 0) | (n > 1 ? (unsigned)d[1] << 8 : 0);
    ASN1_BIT_STRING_free(v);
    return 0;
}

int gnutls_x509_ext_export_key_usage(unsigned int usage, gnutls_datum_t *ext)
{
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_BIT_STRING *bs = ASN1_BIT_STRING_new();
    if (bs == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (int i = 0; i < 16; i++) {
        unsigned mask = i < 8 ? (0x80u >> i) : (0x8000u >> (i - 8));
        if (usage & mask)
            ASN1_BIT_STRING_set_bit(bs, i, 1);
    }
    int ret = I2D(bs, ASN1_BIT_STRING, ext);
    ASN1_BIT_STRING_free(bs);
    return ret;
}

int gnutls_x509_ext_import_inhibit_anypolicy(const gnutls_datum_t *ext, unsigned int *skipcerts)
{
    if (ext == NULL || ext->data == NULL || skipcerts == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ext->size == 0 || ext->data[0] != V_ASN1_INTEGER)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    ASN1_INTEGER *v = D2I(ext, ASN1_INTEGER);
    uint64_t n = 0;
    int ok = v && ASN1_INTEGER_get_uint64(&n, v) && n <= 0xffffffffu;
    ASN1_INTEGER_free(v);
    ERR_clear_error();
    if (!ok)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    *skipcerts = (unsigned)n;
    return 0;
}

int gnutls_x509_ext_export_inhibit_anypolicy(unsigned int skipcerts, gnutls_datum_t *ext)
{
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_INTEGER *i = ASN1_INTEGER_new();
    int ret = i && ASN1_INTEGER_set_uint64(i, skipcerts) ? I2D(i, ASN1_INTEGER, ext)
                                                          : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ASN1_INTEGER_free(i);
    return ret;
}

int gnutls_x509_ext_import_private_key_usage_period(const gnutls_datum_t *ext, time_t *activation,
                                                    time_t *expiration)
{
    PKEY_USAGE_PERIOD *v = D2I(ext, PKEY_USAGE_PERIOD);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (activation)
        *activation = v->notBefore ? gnossl_asn1_time_to_time(v->notBefore) : (time_t)-1;
    if (expiration)
        *expiration = v->notAfter ? gnossl_asn1_time_to_time(v->notAfter) : (time_t)-1;
    PKEY_USAGE_PERIOD_free(v);
    return 0;
}

int gnutls_x509_ext_export_private_key_usage_period(time_t activation, time_t expiration, gnutls_datum_t *ext)
{
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    PKEY_USAGE_PERIOD *v = PKEY_USAGE_PERIOD_new();
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    v->notBefore = ASN1_GENERALIZEDTIME_set(NULL, activation);
    v->notAfter = ASN1_GENERALIZEDTIME_set(NULL, expiration);
    int ret = v->notBefore && v->notAfter ? I2D(v, PKEY_USAGE_PERIOD, ext) : GNOSSL_ERR(GNUTLS_E_ASN1_TIME_ERROR);
    PKEY_USAGE_PERIOD_free(v);
    return ret;
}

int gnutls_x509_ext_import_proxy(const gnutls_datum_t *ext, int *pathlen, char **policyLanguage, char **policy,
                                 size_t *sizeof_policy)
{
    PROXY_CERT_INFO_EXTENSION *v = D2I(ext, PROXY_CERT_INFO_EXTENSION);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = 0;
    if (pathlen)
        *pathlen = v->pcPathLengthConstraint ? (int)ASN1_INTEGER_get(v->pcPathLengthConstraint) : -1;
    if (policyLanguage) {
        char txt[128];
        gnossl_oid_text(v->proxyPolicy->policyLanguage, txt, sizeof txt);
        if ((*policyLanguage = gnutls_strdup(txt)) == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (ret == 0 && policy) {
        *policy = NULL;
        if (sizeof_policy)
            *sizeof_policy = 0;
        if (v->proxyPolicy->policy) {
            gnutls_datum_t d;
            ret = gnossl_datum_set(&d, ASN1_STRING_get0_data(v->proxyPolicy->policy),
                                   (size_t)ASN1_STRING_length(v->proxyPolicy->policy));
            if (ret == 0) {
                *policy = (char *)d.data;
                if (sizeof_policy)
                    *sizeof_policy = d.size;
            }
        }
    }
    PROXY_CERT_INFO_EXTENSION_free(v);
    return ret;
}

int gnutls_x509_ext_export_proxy(int pathLenConstraint, const char *policyLanguage, const char *policy,
                                 size_t sizeof_policy, gnutls_datum_t *ext)
{
    if (policyLanguage == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    PROXY_CERT_INFO_EXTENSION *v = PROXY_CERT_INFO_EXTENSION_new();
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = 0;
    if (pathLenConstraint >= 0 &&
        ((v->pcPathLengthConstraint = ASN1_INTEGER_new()) == NULL ||
         !ASN1_INTEGER_set(v->pcPathLengthConstraint, pathLenConstraint)))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    ASN1_OBJECT_free(v->proxyPolicy->policyLanguage);
    if ((v->proxyPolicy->policyLanguage = OBJ_txt2obj(policyLanguage, 1)) == NULL)
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ret == 0 && policy && sizeof_policy &&
        ((v->proxyPolicy->policy = ASN1_OCTET_STRING_new()) == NULL ||
         !ASN1_OCTET_STRING_set(v->proxyPolicy->policy, (const unsigned char *)policy, (int)sizeof_policy)))
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret == 0)
        ret = I2D(v, PROXY_CERT_INFO_EXTENSION, ext);
    PROXY_CERT_INFO_EXTENSION_free(v);
    return ret;
}

int gnutls_x509_ext_import_tlsfeatures(const gnutls_datum_t *ext, gnutls_x509_tlsfeatures_t f, unsigned int flags)
{
    if (f == NULL || ext == NULL || ext->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_tlsfeatures_import(ext->data, ext->size, f, flags);
}

int gnutls_x509_ext_export_tlsfeatures(gnutls_x509_tlsfeatures_t f, gnutls_datum_t *ext)
{
    if (f == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(ASN1_INTEGER) *list = gnossl_tlsfeatures_stack(f);
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    X509_EXTENSION *e = X509V3_EXT_i2d(NID_tlsfeature, 0, list);
    sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
    if (e == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    const ASN1_OCTET_STRING *d = X509_EXTENSION_get_data(e);
    int ret = gnossl_datum_set(ext, ASN1_STRING_get0_data(d), (size_t)ASN1_STRING_length(d));
    X509_EXTENSION_free(e);
    return ret;
}

int gnutls_x509_ext_import_name_constraints(const gnutls_datum_t *ext, gnutls_x509_name_constraints_t nc,
                                            unsigned int flags)
{
    if (ext == NULL || ext->data == NULL || nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_nc_import(ext->data, ext->size, nc, flags);
}

int gnutls_x509_ext_export_name_constraints(gnutls_x509_name_constraints_t nc, gnutls_datum_t *ext)
{
    if (nc == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    NAME_CONSTRAINTS *v = gnossl_nc_to_openssl(nc);
    if (v == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = I2D(v, NAME_CONSTRAINTS, ext);
    NAME_CONSTRAINTS_free(v);
    return ret;
}

/* ---- struct gnutls_x509_ext_st ---- */

void gnutls_x509_ext_deinit(gnutls_x509_ext_st *ext)
{
    if (ext == NULL)
        return;
    gnutls_free(ext->oid);
    ext->oid = NULL;
    gnutls_free(ext->data.data);
    ext->data.data = NULL;
    ext->data.size = 0;
}
