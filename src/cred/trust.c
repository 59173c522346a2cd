/* Trust anchors and CRLs of certificate credentials.
 *
 * Parsing a CA bundle costs tens of milliseconds on OpenSSL 3.0 and programs
 * such as curl load it for every connection, so parsed trust files are kept
 * in a process-wide cache keyed by (path, device, inode, size, mtime) and
 * shared between credentials with X509_STORE_up_ref.  A credentials object
 * that adds anything to a shared store first takes a private copy. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "x509/x509.h"
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SYSTEM_TRUST_FILE "/etc/ssl/certs/ca-certificates.crt"

struct store_cache_entry {
    struct store_cache_entry *next;
    char *key;       /* identities of the files loaded, in order (file_key) */
    X509_STORE *store;
    unsigned count;  /* certificates the last file of the key added */
};

/* Bounded: an entry of a file that changed never matches again and ages out. */
#define STORE_CACHE_MAX 8

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store_cache_entry *cache_head;

static int add_certs(X509_STORE *store, STACK_OF(X509) *sk)
{
    int i, n = 0;

    for (i = 0; i < sk_X509_num(sk); i++)
        if (X509_STORE_add_cert(store, sk_X509_value(sk, i)))
            n++;
    return n;
}

/* A new store with the objects of `src`. */
static X509_STORE *store_copy(X509_STORE *src)
{
    X509_STORE *fresh = gnossl_store_new(GNOSSL_TL_DEFAULT_SIZE);
    STACK_OF(X509_OBJECT) *objs;
    int i;

    if (fresh == NULL)
        return NULL;
    objs = X509_STORE_get0_objects(src);
    for (i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
        if (X509_OBJECT_get0_X509(o) != NULL)
            X509_STORE_add_cert(fresh, X509_OBJECT_get0_X509(o));
        else if (X509_OBJECT_get0_X509_CRL(o) != NULL)
            X509_STORE_add_crl(fresh, X509_OBJECT_get0_X509_CRL(o));
    }
    return fresh;
}

/* The identity of a file: a changed file (size, mtime, inode) is another key. */
static char *file_key(const char *path, const struct stat *st)
{
    char *k = NULL;

    if (asprintf(&k, "%s\n%ju:%ju:%jd:%jd.%09ld\n", path,
                 (uintmax_t)st->st_dev, (uintmax_t)st->st_ino, (intmax_t)st->st_size,
                 (intmax_t)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec) < 0)
        return NULL;
    return k;
}

/* The cached store of `key` with a reference for the caller, or NULL. */
static X509_STORE *cache_get(const char *key, unsigned *count)
{
    struct store_cache_entry *e;

    pthread_mutex_lock(&cache_lock);
    for (e = cache_head; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0) {
            X509_STORE_up_ref(e->store);
            *count = e->count;
            pthread_mutex_unlock(&cache_lock);
            return e->store;
        }
    pthread_mutex_unlock(&cache_lock);
    return NULL;
}

static void cache_put(const char *key, X509_STORE *store, unsigned count)
{
    struct store_cache_entry *e = calloc(1, sizeof(*e)), **pp;
    int n = 0;

    if (e == NULL || (e->key = strdup(key)) == NULL || !X509_STORE_up_ref(store)) {
        if (e != NULL)
            free(e->key);
        free(e);
        return;
    }
    e->store = store;
    e->count = count;
    pthread_mutex_lock(&cache_lock);
    e->next = cache_head;
    cache_head = e;
    /* Drop a duplicate from a concurrent load and anything past the bound. */
    for (pp = &e->next; *pp != NULL;) {
        struct store_cache_entry *old = *pp;
        if (++n >= STORE_CACHE_MAX || strcmp(old->key, key) == 0) {
            *pp = old->next;
            X509_STORE_free(old->store);
            free(old->key);
            free(old);
        } else {
            pp = &old->next;
        }
    }
    pthread_mutex_unlock(&cache_lock);
}

/* The store for `key`: from the cache, or `base` (may be NULL) plus the PEM
 * certificates of the `n` files `paths`, then cached.  *count: certificates
 * the files added. */
static X509_STORE *cached_store(const char *key, X509_STORE *base, char *const *paths, size_t n,
                                unsigned *count, int *err)
{
    gnutls_datum_t data;
    STACK_OF(X509) *sk;
    X509_STORE *store;
    size_t i;
    int ret;

    store = cache_get(key, count);
    if (store != NULL)
        return store;
    store = base != NULL ? store_copy(base) : gnossl_store_new(GNOSSL_TL_DEFAULT_SIZE);
    if (store == NULL) {
        *err = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        return NULL;
    }
    *count = 0;
    for (i = 0; i < n; i++) {
        ret = gnossl_read_file(paths[i], &data);
        if (ret < 0) {
            if (n == 1) { /* a single file must be readable; a directory skips */
                X509_STORE_free(store);
                *err = ret;
                return NULL;
            }
            continue;
        }
        sk = gnossl_read_certs(&data, GNUTLS_X509_FMT_PEM);
        free(data.data);
        if (sk != NULL)
            *count += (unsigned)add_certs(store, sk);
        sk_X509_pop_free(sk, X509_free);
    }
    cache_put(key, store, *count);
    return store;
}

/* Give `c` the cached store for its current shared store plus the PEM files
 * identified by `ident` (file_key lines).  Returns the certificates added,
 * or 0 with *done = 0 when the credentials' store is private (the caller
 * then adds the files to it), or a negative error. */
static int load_cached(gnutls_certificate_credentials_t c, const char *ident, char *const *paths, size_t n,
                       int *done)
{
    X509_STORE *store, *base;
    unsigned count = 0;
    char *key;
    int ret = 0;

    *done = 0;
    pthread_mutex_lock(&c->lock);
    if (c->store != NULL && !(c->store_shared && c->store_key != NULL)) {
        pthread_mutex_unlock(&c->lock);
        return 0;
    }
    /* The base is the store the credentials share; the cache is consulted
     * only with the key that store was cached under. */
    base = c->store;
    if (asprintf(&key, "%s%s", base != NULL ? c->store_key : "", ident) < 0) {
        pthread_mutex_unlock(&c->lock);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    store = cached_store(key, base, paths, n, &count, &ret);
    if (store == NULL) {
        free(key);
        pthread_mutex_unlock(&c->lock);
        return ret < 0 ? ret : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    X509_STORE_free(c->store);
    free(c->store_key);
    c->store = store;
    c->store_key = key;
    c->store_shared = 1;
    c->ncas += count;
    gnossl_cert_cred_changed(c);
    pthread_mutex_unlock(&c->lock);
    *done = 1;
    return (int)count;
}

X509_STORE *gnossl_cert_cred_own_store(gnutls_certificate_credentials_t c)
{
    X509_STORE *fresh;

    free(c->store_key);
    c->store_key = NULL;
    if (c->store == NULL) {
        c->store = gnossl_store_new(GNOSSL_TL_DEFAULT_SIZE);
        c->store_shared = 0;
        return c->store;
    }
    if (!c->store_shared)
        return c->store;
    fresh = store_copy(c->store);
    if (fresh == NULL)
        return NULL;
    X509_STORE_free(c->store);
    c->store = fresh;
    c->store_shared = 0;
    return fresh;
}

X509_STORE *gnossl_cert_cred_store_ref(gnutls_certificate_credentials_t c)
{
    X509_STORE *s;

    pthread_mutex_lock(&c->lock);
    s = c->store;
    if (s != NULL)
        X509_STORE_up_ref(s);
    pthread_mutex_unlock(&c->lock);
    return s;
}

static int trust_add_sk(gnutls_certificate_credentials_t c, STACK_OF(X509) *sk)
{
    X509_STORE *store;
    int n;

    pthread_mutex_lock(&c->lock);
    store = gnossl_cert_cred_own_store(c);
    if (store == NULL) {
        pthread_mutex_unlock(&c->lock);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    n = add_certs(store, sk);
    c->ncas += (unsigned)n;
    gnossl_cert_cred_changed(c);
    pthread_mutex_unlock(&c->lock);
    return n;
}

int gnutls_certificate_set_x509_trust_mem(gnutls_certificate_credentials_t c, const gnutls_datum_t *ca,
                                          gnutls_x509_crt_fmt_t type)
{
    STACK_OF(X509) *sk;
    int n;

    if (c == NULL || ca == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    sk = gnossl_read_certs(ca, type);
    if (sk == NULL)
        return type == GNUTLS_X509_FMT_DER ? gnossl_decode_error(ca, type) : 0;
    n = trust_add_sk(c, sk);
    sk_X509_pop_free(sk, X509_free);
    return n;
}

/* Load one trust file.  PEM files go through the cache: the first one the
 * credentials load gives them the cached store of that file; a further one
 * gives them the cached store of that sequence of files (curl adds its
 * CA path or a second bundle for every connection), so that nothing is
 * parsed or copied again while the files stay the same. */
static int trust_file(gnutls_certificate_credentials_t c, const char *path, gnutls_x509_crt_fmt_t type)
{
    struct stat st;
    gnutls_datum_t data;
    int ret, done = 0;

    if (stat(path, &st) != 0 || S_ISDIR(st.st_mode))
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);

    /* only regular files are cached (a device such as /dev/null is read) */
    if (type == GNUTLS_X509_FMT_PEM && S_ISREG(st.st_mode)) {
        char *ident = file_key(path, &st), *paths[1] = {(char *)path};
        if (ident == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        ret = load_cached(c, ident, paths, 1, &done);
        free(ident);
        if (ret < 0 || done)
            return ret;
    }

    ret = gnossl_read_file(path, &data);
    if (ret < 0)
        return ret;
    ret = gnutls_certificate_set_x509_trust_mem(c, &data, type);
    free(data.data);
    return ret;
}

int gnutls_certificate_set_x509_trust_file(gnutls_certificate_credentials_t c, const char *cafile,
                                           gnutls_x509_crt_fmt_t type)
{
    if (c == NULL || cafile == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return trust_file(c, cafile, type);
}

/* A directory: every regular file in it (curl-gnutls on Debian loads
 * /etc/ssl/certs, about 290 entries, for every connection).  PEM
 * directories go through the store cache too, keyed by the identity of
 * every file in readdir order, so that an unchanged directory costs a
 * readdir and a stat per entry instead of parsing every file again. */
int gnutls_certificate_set_x509_trust_dir(gnutls_certificate_credentials_t c, const char *ca_dir,
                                          gnutls_x509_crt_fmt_t type)
{
    DIR *d;
    struct dirent *de;
    char path[4096];
    char **paths = NULL, *ident = NULL;
    size_t n = 0, cap = 0, ilen = 0;
    FILE *idf;
    int total = 0, ret, done = 0;
    size_t i;

    if (c == NULL || ca_dir == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    d = opendir(ca_dir);
    if (d == NULL) {
        gnossl_debug("trust dir %s: cannot open", ca_dir);
        return 0; /* GnuTLS: nothing loaded, not an error */
    }
    idf = open_memstream(&ident, &ilen);
    if (idf == NULL) {
        closedir(d);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    fprintf(idf, "dir %s\n", ca_dir);
    ret = 0;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        char *key;

        if (de->d_name[0] == '.')
            continue;
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", ca_dir, de->d_name) >= sizeof(path))
            continue;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            char **np = realloc(paths, (cap = cap ? 2 * cap : 64) * sizeof(*paths));
            if (np == NULL) {
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
                break;
            }
            paths = np;
        }
        if ((paths[n] = strdup(path)) == NULL || (key = file_key(path, &st)) == NULL) {
            free(paths[n]);
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            break;
        }
        n++;
        fputs(key, idf);
        free(key);
    }
    closedir(d);
    if (fclose(idf) != 0 && ret == 0)
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    if (ret == 0 && type == GNUTLS_X509_FMT_PEM && n > 0)
        ret = load_cached(c, ident, paths, n, &done);
    if (ret == 0 && !done) {
        for (i = 0; i < n; i++) {
            gnutls_datum_t data;
            /* Files that are not certificates are skipped, as GnuTLS does. */
            if (gnossl_read_file(paths[i], &data) < 0)
                continue;
            ret = gnutls_certificate_set_x509_trust_mem(c, &data, type);
            free(data.data);
            if (ret > 0)
                total += ret;
        }
        ret = total;
    }
    for (i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    free(ident);
    return ret;
}

int gnutls_certificate_set_x509_system_trust(gnutls_certificate_credentials_t c)
{
    if (c == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return trust_file(c, SYSTEM_TRUST_FILE, GNUTLS_X509_FMT_PEM);
}

/* ---- CRLs ---- */

int gnutls_certificate_set_x509_crl_mem(gnutls_certificate_credentials_t c, const gnutls_datum_t *crl,
                                        gnutls_x509_crt_fmt_t type)
{
    STACK_OF(X509_CRL) *sk;
    X509_STORE *store;
    int i, n = 0;

    if (c == NULL || crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    sk = gnossl_read_crls(crl, type);
    if (sk == NULL) {
        /* Nothing usable is an error, as in GnuTLS: PEM without any CRL
         * block is a base64 error, a CRL that does not parse a DER one. */
        if (type == GNUTLS_X509_FMT_PEM && (crl->data == NULL ||
            memmem(crl->data, crl->size, "-----BEGIN X509 CRL", 19) == NULL))
            return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    }
    pthread_mutex_lock(&c->lock);
    store = gnossl_cert_cred_own_store(c);
    if (store != NULL)
        for (i = 0; i < sk_X509_CRL_num(sk); i++)
            if (X509_STORE_add_crl(store, sk_X509_CRL_value(sk, i)))
                n++;
    c->ncrls += (unsigned)n;
    gnossl_cert_cred_changed(c);
    pthread_mutex_unlock(&c->lock);
    sk_X509_CRL_pop_free(sk, X509_CRL_free);
    return store == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : n;
}

int gnutls_certificate_set_x509_crl_file(gnutls_certificate_credentials_t c, const char *crlfile,
                                         gnutls_x509_crt_fmt_t type)
{
    gnutls_datum_t data;
    int ret;

    if (c == NULL || crlfile == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_read_file(crlfile, &data);
    if (ret < 0)
        return ret;
    ret = gnutls_certificate_set_x509_crl_mem(c, &data, type);
    free(data.data);
    return ret;
}
