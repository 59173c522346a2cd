/* gnutls_x509_trust_list_*: trust anchors and CRLs, kept both as GnuTLS
 * handles (for the getters) and in an X509_STORE (for verification). */
#include "gnossl.h"
#include "x509/x509.h"

#include <dirent.h>
#include <openssl/x509_vfy.h>
#include <string.h>

/* Debian builds GnuTLS with this system trust store. */
#define SYSTEM_TRUST_FILE "/etc/ssl/certs/ca-certificates.crt"

struct gnutls_x509_trust_list_iter {
    size_t next;      /* position in the iteration order */
    size_t *order;    /* indexes into cas, in GnuTLS's order */
    size_t n;
};

/* GnuTLS keeps anchors and CRLs in a hash table keyed by the DER of the
 * subject / issuer DN (the gnulib "pjw" hash) and iterates bucket by
 * bucket; lookups only look into the bucket of the name asked for. */
static size_t bucket_bytes(size_t size, const unsigned char *der, size_t len)
{
    size_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = der[i] + ((h << 9) | (h >> (sizeof(size_t) * 8 - 9)));
    return h % size;
}

size_t gnossl_dn_bucket(const X509_NAME *name, size_t size)
{
    const unsigned char *der = NULL;
    size_t len = 0;
    X509_NAME_get0_der((X509_NAME *)name, &der, &len);
    return bucket_bytes(size, der, len);
}

size_t gnossl_tl_bucket(gnutls_x509_trust_list_t list, const X509_NAME *name)
{
    return gnossl_dn_bucket(name, list->size);
}

unsigned gnossl_tl_bucket_cas(gnutls_x509_trust_list_t list, const X509_NAME *name, gnutls_x509_crt_t *out,
                              unsigned max)
{
    size_t b = gnossl_tl_bucket(list, name);
    unsigned n = 0;
    for (size_t i = 0; i < list->ncas && n < max; i++)
        if (gnossl_tl_bucket(list, X509_get_subject_name(list->cas[i]->x509)) == b)
            out[n++] = list->cas[i];
    return n;
}

static size_t dn_bucket(gnutls_x509_trust_list_t list, gnutls_x509_crt_t crt)
{
    return gnossl_tl_bucket(list, X509_get_subject_name(crt->x509));
}

int gnutls_x509_trust_list_init(gnutls_x509_trust_list_t *list, unsigned int size)
{
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_trust_list_t tl = calloc(1, sizeof(*tl));
    if (tl == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    tl->size = size ? size : GNOSSL_TL_DEFAULT_SIZE;
    tl->store = gnossl_store_new(tl->size);
    if (tl->store == NULL) {
        free(tl);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    *list = tl;
    return 0;
}

void gnutls_x509_trust_list_deinit(gnutls_x509_trust_list_t list, unsigned int all)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->ncas; i++)
        if (all || list->cas_ours[i])
            gnutls_x509_crt_deinit(list->cas[i]);
    for (size_t i = 0; i < list->ncrls; i++)
        if (all)
            gnutls_x509_crl_deinit(list->crls[i]);
    free(list->cas);
    free(list->cas_ours);
    free(list->crls);
    for (size_t i = 0; i < list->ndistrusted; i++)
        X509_free(list->distrusted[i]);
    free(list->distrusted);
    X509_STORE_free(list->store);
    free(list);
}

X509_STORE *gnossl_trust_list_store(gnutls_x509_trust_list_t tl)
{
    return tl ? tl->store : NULL;
}

static int tl_has(gnutls_x509_trust_list_t list, gnutls_x509_crt_t crt)
{
    for (size_t i = 0; i < list->ncas; i++)
        if (gnutls_x509_crt_equals(list->cas[i], crt))
            return 1;
    return 0;
}

/* Append one anchor; `ours` marks certificates the list created. */
static int tl_add(gnutls_x509_trust_list_t list, gnutls_x509_crt_t crt, unsigned flags, int ours)
{
    if (crt == NULL || crt->x509 == NULL)
        return 0;
    if ((flags & (GNUTLS_TL_NO_DUPLICATES | GNUTLS_TL_NO_DUPLICATE_KEY)) && tl_has(list, crt)) {
        /* GnuTLS keeps one copy but still counts the certificate */
        if (ours || (flags & GNUTLS_TL_NO_DUPLICATES))
            gnutls_x509_crt_deinit(crt);
        return 1;
    }
    gnutls_x509_crt_t *nc = realloc(list->cas, (list->ncas + 1) * sizeof(*nc));
    if (nc == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    list->cas = nc;
    unsigned char *no = realloc(list->cas_ours, list->ncas + 1);
    if (no == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    list->cas_ours = no;
    if (!X509_STORE_add_cert(list->store, crt->x509))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    list->cas[list->ncas] = crt;
    list->cas_ours[list->ncas] = (unsigned char)(ours ? 1 : 0);
    list->ncas++;
    return 1;
}

int gnutls_x509_trust_list_add_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t *clist,
                                   unsigned clist_size, unsigned int flags)
{
    if (list == NULL || (clist == NULL && clist_size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int added = 0;
    for (unsigned i = 0; i < clist_size; i++) {
        int r = tl_add(list, clist[i], flags, 0);
        if (r < 0)
            return r;
        added += r;
    }
    return added;
}

int gnutls_x509_trust_list_add_named_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert, const void *name,
                                         size_t name_size, unsigned int flags)
{
    (void)name;
    (void)name_size;
    if (list == NULL || cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int r = tl_add(list, cert, flags, 0);
    return r < 0 ? r : 0;
}

/* X509_STORE has no call to drop an object; it is taken out of the
 * store's own object stack (still sorted after a deletion), so that
 * credentials sharing the store see the change too.  Drops certificates
 * equal to x, or the CRL object crl itself. */
static void store_drop(X509_STORE *store, const X509 *x, const X509_CRL *crl)
{
    if (!X509_STORE_lock(store))
        return;
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    for (int i = sk_X509_OBJECT_num(objs) - 1; i >= 0; i--) {
        X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
        X509 *ox = X509_OBJECT_get0_X509(o);
        if ((x != NULL && ox != NULL && X509_cmp(ox, x) == 0) || (crl != NULL && X509_OBJECT_get0_X509_CRL(o) == crl))
            X509_OBJECT_free(sk_X509_OBJECT_delete(objs, i));
    }
    X509_STORE_unlock(store);
}

/* GNUTLS_TL_NO_DUPLICATES: a CRL of an issuer the list has one of (same
 * bucket, equal name) replaces it when it is as new or newer, and is
 * dropped otherwise; GnuTLS counts it either way.  1 if handled. */
static int replace_crl(gnutls_x509_trust_list_t list, gnutls_x509_crl_t crl)
{
    const X509_NAME *name = X509_CRL_get_issuer(crl->crl);
    size_t b = gnossl_tl_bucket(list, name);
    for (size_t k = 0; k < list->ncrls; k++) {
        const X509_NAME *other = X509_CRL_get_issuer(list->crls[k]->crl);
        if (gnossl_tl_bucket(list, other) != b || !gnossl_dn_equal(name, other))
            continue;
        if (gnutls_x509_crl_get_this_update(crl) < gnutls_x509_crl_get_this_update(list->crls[k])) {
            gnutls_x509_crl_deinit(crl);
            return 1;
        }
        if (!X509_STORE_add_crl(list->store, crl->crl))
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        store_drop(list->store, NULL, list->crls[k]->crl);
        gnutls_x509_crl_deinit(list->crls[k]);
        list->crls[k] = crl;
        return 1;
    }
    return 0;
}

int gnutls_x509_trust_list_add_crls(gnutls_x509_trust_list_t list, const gnutls_x509_crl_t *crl_list,
                                    unsigned crl_size, unsigned int flags, unsigned int verification_flags)
{
    if (list == NULL || (crl_list == NULL && crl_size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int added = 0;
    for (unsigned i = 0; i < crl_size; i++) {
        gnutls_x509_crl_t crl = crl_list[i];
        if (crl == NULL || crl->crl == NULL)
            continue;
        if (flags & GNUTLS_TL_VERIFY_CRL) {
            /* kept only if it verifies (issuer checks, signature, times)
             * against the anchors of its issuer's bucket, as in GnuTLS */
            gnutls_x509_crt_t cas[256];
            unsigned st = 0, nc = gnossl_tl_bucket_cas(list, X509_CRL_get_issuer(crl->crl), cas, 256);
            if (gnutls_x509_crl_verify(crl, cas, nc, verification_flags, &st) < 0 || st != 0) {
                gnutls_x509_crl_deinit(crl);
                continue;
            }
        }
        if (flags & GNUTLS_TL_NO_DUPLICATES) {
            int r = replace_crl(list, crl);
            if (r < 0)
                return r;
            if (r > 0) {
                added++;
                continue;
            }
        }
        gnutls_x509_crl_t *nl = realloc(list->crls, (list->ncrls + 1) * sizeof(*nl));
        if (nl == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        list->crls = nl;
        if (!X509_STORE_add_crl(list->store, crl->crl))
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        list->crls[list->ncrls++] = crl;
        added++;
    }
    return added;
}

int gnutls_x509_trust_list_add_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t *cas,
                                         const gnutls_datum_t *crls, gnutls_x509_crt_fmt_t type, unsigned int tl_flags,
                                         unsigned int tl_vflags)
{
    int added = 0;
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cas && cas->data) {
        gnutls_x509_crt_t *certs = NULL;
        unsigned n = 0;
        int ret = gnutls_x509_crt_list_import2(&certs, &n, cas, type, 0);
        if (ret < 0)
            return ret;
        for (unsigned i = 0; i < n; i++) {
            int r = tl_add(list, certs[i], tl_flags, 1);
            if (r < 0) {
                for (unsigned k = i; k < n; k++)
                    gnutls_x509_crt_deinit(certs[k]);
                gnutls_free(certs);
                return r;
            }
            added += r;
        }
        gnutls_free(certs);
    }
    if (crls && crls->data) {
        gnutls_x509_crl_t *cl = NULL;
        unsigned n = 0;
        int ret = gnutls_x509_crl_list_import2(&cl, &n, crls, type, 0);
        if (ret < 0)
            return ret;
        ret = gnutls_x509_trust_list_add_crls(list, cl, n, tl_flags, tl_vflags);
        gnutls_free(cl);
        if (ret < 0)
            return ret;
        added += ret; /* GnuTLS counts the CRLs too */
    }
    return added;
}

int gnutls_x509_trust_list_add_trust_file(gnutls_x509_trust_list_t list, const char *ca_file, const char *crl_file,
                                          gnutls_x509_crt_fmt_t type, unsigned int tl_flags, unsigned int tl_vflags)
{
    gnutls_datum_t cas = {NULL, 0}, crls = {NULL, 0};
    int ret;
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (ca_file && strncmp(ca_file, "pkcs11:", 7) == 0)
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    if (ca_file) {
        ret = gnutls_load_file(ca_file, &cas);
        if (ret < 0)
            return ret;
    }
    if (crl_file) {
        ret = gnutls_load_file(crl_file, &crls);
        if (ret < 0) {
            gnutls_free(cas.data);
            return ret;
        }
    }
    ret = gnutls_x509_trust_list_add_trust_mem(list, &cas, &crls, type, tl_flags, tl_vflags);
    gnutls_free(cas.data);
    gnutls_free(crls.data);
    return ret;
}

int gnutls_x509_trust_list_add_trust_dir(gnutls_x509_trust_list_t list, const char *ca_dir, const char *crl_dir,
                                         gnutls_x509_crt_fmt_t type, unsigned int tl_flags, unsigned int tl_vflags)
{
    int total = 0;
    const char *dirs[2] = {ca_dir, crl_dir};
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (int d = 0; d < 2; d++) {
        if (dirs[d] == NULL)
            continue;
        DIR *dir = opendir(dirs[d]);
        if (dir == NULL)
            return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            int r = d == 0 ? gnutls_x509_trust_list_add_trust_file(list, path, NULL, type, tl_flags, tl_vflags)
                           : gnutls_x509_trust_list_add_trust_file(list, NULL, path, type, tl_flags, tl_vflags);
            if (r > 0)
                total += r;
        }
        closedir(dir);
    }
    return total;
}

int gnutls_x509_trust_list_add_system_trust(gnutls_x509_trust_list_t list, unsigned int tl_flags,
                                            unsigned int tl_vflags)
{
    return gnutls_x509_trust_list_add_trust_file(list, SYSTEM_TRUST_FILE, NULL, GNUTLS_X509_FMT_PEM, tl_flags,
                                                 tl_vflags);
}

static int remove_equal(gnutls_x509_trust_list_t list, gnutls_x509_crt_t crt)
{
    int removed = 0;
    for (size_t i = 0; i < list->ncas;) {
        if (!gnutls_x509_crt_equals(list->cas[i], crt)) {
            i++;
            continue;
        }
        /* GnuTLS frees a removed anchor, whoever added it */
        gnutls_x509_crt_deinit(list->cas[i]);
        memmove(&list->cas[i], &list->cas[i + 1], (list->ncas - i - 1) * sizeof(*list->cas));
        memmove(&list->cas_ours[i], &list->cas_ours[i + 1], list->ncas - i - 1);
        list->ncas--;
        removed++;
    }
    return removed;
}

int gnutls_x509_trust_list_remove_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t *clist,
                                      unsigned clist_size)
{
    int removed = 0;
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < clist_size; i++) {
        if (clist[i] == NULL || clist[i]->x509 == NULL)
            continue;
        removed += remove_equal(list, clist[i]);
        store_drop(list->store, clist[i]->x509, NULL);
        /* and distrusted from now on, even as an intermediate */
        X509 **nd = realloc(list->distrusted, (list->ndistrusted + 1) * sizeof(*nd));
        if (nd == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        list->distrusted = nd;
        X509_up_ref(clist[i]->x509);
        list->distrusted[list->ndistrusted++] = clist[i]->x509;
    }
    return removed;
}

int gnutls_x509_trust_list_remove_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t *cas,
                                            gnutls_x509_crt_fmt_t type)
{
    gnutls_x509_crt_t *certs = NULL;
    unsigned n = 0;
    if (list == NULL || cas == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_crt_list_import2(&certs, &n, cas, type, 0);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_trust_list_remove_cas(list, certs, n);
    for (unsigned i = 0; i < n; i++)
        gnutls_x509_crt_deinit(certs[i]);
    gnutls_free(certs);
    return ret;
}

int gnutls_x509_trust_list_remove_trust_file(gnutls_x509_trust_list_t list, const char *ca_file,
                                             gnutls_x509_crt_fmt_t type)
{
    gnutls_datum_t d;
    if (list == NULL || ca_file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_load_file(ca_file, &d);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_trust_list_remove_trust_mem(list, &d, type);
    gnutls_free(d.data);
    return ret;
}

static int give_issuer(gnutls_x509_crt_t found, gnutls_x509_crt_t *issuer, unsigned flags)
{
    if (!(flags & GNUTLS_TL_GET_COPY)) {
        *issuer = found;
        return 0;
    }
    return gnossl_x509_crt_from_X509(found->x509, issuer);
}

int gnutls_x509_trust_list_get_issuer(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert,
                                      gnutls_x509_crt_t *issuer, unsigned int flags)
{
    if (list == NULL || cert == NULL || issuer == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    /* GnuTLS: the first anchor of the issuer's bucket whose name and key
     * ID match; the signature is not looked at */
    size_t b = gnossl_tl_bucket(list, X509_get_issuer_name(cert->x509));
    for (size_t i = 0; i < list->ncas; i++)
        if (dn_bucket(list, list->cas[i]) == b && gnutls_x509_crt_check_issuer(cert, list->cas[i]))
            return give_issuer(list->cas[i], issuer, flags);
    return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
}

static int skid_is(gnutls_x509_crt_t c, const gnutls_datum_t *spki)
{
    unsigned char id[256];
    size_t n = sizeof id;
    return gnutls_x509_crt_get_subject_key_id(c, id, &n, NULL) >= 0 && n == spki->size &&
           memcmp(id, spki->data, n) == 0;
}

/* Unlike gnutls_x509_trust_list_get_issuer, the lookups by name and by key
 * ID always hand out a copy the caller deinits, whatever the flags.  With
 * a name, the anchors of its bucket are searched and the key ID (if given,
 * non-empty) must match too; without one, every bucket in turn for the key
 * ID alone. */
static int issuer_by_dn(gnutls_x509_trust_list_t list, const gnutls_datum_t *dn, const gnutls_datum_t *spki,
                        gnutls_x509_crt_t *issuer)
{
    if (dn != NULL && dn->data != NULL) {
        size_t b = bucket_bytes(list->size, dn->data, dn->size);
        for (size_t i = 0; i < list->ncas; i++) {
            gnutls_x509_crt_t c = list->cas[i];
            if (dn_bucket(list, c) == b && gnossl_dn_equal_der(dn, X509_get_subject_name(c->x509)) &&
                (spki == NULL || spki->size == 0 || skid_is(c, spki)))
                return gnossl_x509_crt_from_X509(c->x509, issuer);
        }
    } else if (spki != NULL) {
        for (size_t b = 0; b < list->size; b++)
            for (size_t i = 0; i < list->ncas; i++)
                if (dn_bucket(list, list->cas[i]) == b && skid_is(list->cas[i], spki))
                    return gnossl_x509_crt_from_X509(list->cas[i]->x509, issuer);
    }
    return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
}

int gnutls_x509_trust_list_get_issuer_by_dn(gnutls_x509_trust_list_t list, const gnutls_datum_t *dn,
                                            gnutls_x509_crt_t *issuer, unsigned int flags)
{
    (void)flags;
    if (list == NULL || issuer == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return issuer_by_dn(list, dn, NULL, issuer);
}

int gnutls_x509_trust_list_get_issuer_by_subject_key_id(gnutls_x509_trust_list_t list, const gnutls_datum_t *dn,
                                                        const gnutls_datum_t *spki, gnutls_x509_crt_t *issuer,
                                                        unsigned int flags)
{
    (void)flags;
    if (list == NULL || issuer == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return issuer_by_dn(list, dn, spki, issuer);
}

int gnutls_x509_trust_list_iter_get_ca(gnutls_x509_trust_list_t list, gnutls_x509_trust_list_iter_t *iter,
                                       gnutls_x509_crt_t *crt)
{
    if (list == NULL || iter == NULL || crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*iter == NULL) {
        *iter = calloc(1, sizeof(**iter));
        if (*iter == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        (*iter)->order = calloc(list->ncas ? list->ncas : 1, sizeof(size_t));
        if ((*iter)->order == NULL) {
            free(*iter);
            *iter = NULL;
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        /* stable order by bucket, insertion order within a bucket */
        size_t n = 0;
        for (size_t b = 0; b < list->size && n < list->ncas; b++)
            for (size_t i = 0; i < list->ncas; i++)
                if (dn_bucket(list, list->cas[i]) == b)
                    (*iter)->order[n++] = i;
        (*iter)->n = n;
    }
    if ((*iter)->next >= (*iter)->n) {
        gnutls_x509_trust_list_iter_deinit(*iter);
        *iter = NULL;
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    }
    return gnossl_x509_crt_from_X509(list->cas[(*iter)->order[(*iter)->next++]]->x509, crt);
}

void gnutls_x509_trust_list_iter_deinit(gnutls_x509_trust_list_iter_t iter)
{
    if (iter)
        free(iter->order);
    free(iter);
}

void gnutls_x509_trust_list_set_getissuer_function(gnutls_x509_trust_list_t tlist,
                                                   gnutls_x509_trust_list_getissuer_function *func)
{
    if (tlist)
        tlist->getissuer = func;
}

void gnutls_x509_trust_list_set_ptr(gnutls_x509_trust_list_t tlist, void *ptr)
{
    if (tlist)
        tlist->ptr = ptr;
}

void *gnutls_x509_trust_list_get_ptr(gnutls_x509_trust_list_t tlist)
{
    return tlist ? tlist->ptr : NULL;
}

static int has_x509(gnutls_x509_trust_list_t list, const X509 *x)
{
    for (size_t i = 0; i < list->ncas; i++)
        if (list->cas[i]->x509 == x)
            return 1;
    return 0;
}

static int has_crl(gnutls_x509_trust_list_t list, const X509_CRL *c)
{
    for (size_t i = 0; i < list->ncrls; i++)
        if (list->crls[i]->crl == c)
            return 1;
    return 0;
}

/* A list handle for a CRL object of the store (the same X509_CRL). */
static int crl_handle(X509_CRL *c, gnutls_x509_crl_t *out)
{
    unsigned char *der = NULL;
    int len = i2d_X509_CRL(c, &der);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnutls_x509_crl_init(out);
    if (ret == 0 && (ret = gnossl_datum_set(&(*out)->der, der, (size_t)len)) < 0)
        gnutls_x509_crl_deinit(*out);
    if (ret == 0) {
        X509_CRL_up_ref(c);
        (*out)->crl = c;
    }
    OPENSSL_free(der);
    return ret;
}

int gnossl_trust_list_sync(gnutls_x509_trust_list_t list)
{
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(list->store);
    for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
        X509 *x = X509_OBJECT_get0_X509(o);
        X509_CRL *c = X509_OBJECT_get0_X509_CRL(o);
        int ret = 0;
        if (x != NULL && !has_x509(list, x)) {
            gnutls_x509_crt_t h;
            if ((ret = gnossl_x509_crt_from_X509(x, &h)) == 0 && (ret = tl_add(list, h, 0, 1)) < 0)
                gnutls_x509_crt_deinit(h);
        } else if (c != NULL && !has_crl(list, c)) {
            gnutls_x509_crl_t h;
            gnutls_x509_crl_t *nl = realloc(list->crls, (list->ncrls + 1) * sizeof(*nl));
            if (nl == NULL)
                return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            list->crls = nl;
            if ((ret = crl_handle(c, &h)) == 0)
                list->crls[list->ncrls++] = h;
        }
        if (ret < 0)
            return ret;
    }
    return 0;
}

int gnossl_trust_list_distrusts(gnutls_x509_trust_list_t tl, X509 *const *certs, unsigned n)
{
    for (unsigned i = 0; tl != NULL && i < n; i++)
        for (size_t k = 0; k < tl->ndistrusted; k++)
            if (certs[i] != NULL && X509_cmp(certs[i], tl->distrusted[k]) == 0)
                return 1;
    return 0;
}
