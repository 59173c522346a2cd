/* Trust anchors and CRLs of certificate credentials.
 *
 * Parsing a CA bundle costs tens of milliseconds on OpenSSL 3.0 and programs
 * such as curl load it for every connection, so parsed trust files are kept
 * in a process-wide cache keyed by (path, device, inode, size, mtime) and
 * shared between credentials with X509_STORE_up_ref.  A credentials object
 * that adds anything to a shared store first takes a private copy. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SYSTEM_TRUST_FILE "/etc/ssl/certs/ca-certificates.crt"

struct store_cache_entry {
    struct store_cache_entry *next;
    char *path;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    X509_STORE *store;
    unsigned count;
};

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

/* A store holding the PEM certificates of `path`, from the cache if the file
 * did not change; *count is the number of certificates in it. */
static X509_STORE *cached_store(const char *path, const struct stat *st, unsigned *count, int *err)
{
    struct store_cache_entry *e;
    gnutls_datum_t data;
    STACK_OF(X509) *sk;
    X509_STORE *store;
    int ret;

    pthread_mutex_lock(&cache_lock);
    for (e = cache_head; e != NULL; e = e->next) {
        if (strcmp(e->path, path) == 0 && e->dev == st->st_dev && e->ino == st->st_ino &&
            e->size == st->st_size && e->mtime.tv_sec == st->st_mtim.tv_sec &&
            e->mtime.tv_nsec == st->st_mtim.tv_nsec) {
            X509_STORE_up_ref(e->store);
            *count = e->count;
            pthread_mutex_unlock(&cache_lock);
            return e->store;
        }
    }
    pthread_mutex_unlock(&cache_lock);

    ret = gnossl_read_file(path, &data);
    if (ret < 0) {
        *err = ret;
        return NULL;
    }
    sk = gnossl_read_certs(&data, GNUTLS_X509_FMT_PEM);
    free(data.data);
    store = X509_STORE_new();
    if (store == NULL) {
        sk_X509_pop_free(sk, X509_free);
        *err = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        return NULL;
    }
    *count = sk != NULL ? (unsigned)sk_X509_num(sk) : 0;
    if (sk != NULL)
        add_certs(store, sk);
    sk_X509_pop_free(sk, X509_free);

    e = calloc(1, sizeof(*e));
    if (e != NULL && (e->path = strdup(path)) != NULL) {
        e->dev = st->st_dev;
        e->ino = st->st_ino;
        e->size = st->st_size;
        e->mtime = st->st_mtim;
        e->store = store;
        e->count = *count;
        X509_STORE_up_ref(store);
        pthread_mutex_lock(&cache_lock);
        /* Replace an older entry for the same path: its file changed. */
        {
            struct store_cache_entry **pp = &cache_head;
            while (*pp != NULL) {
                if (strcmp((*pp)->path, path) == 0) {
                    struct store_cache_entry *old = *pp;
                    *pp = old->next;
                    X509_STORE_free(old->store);
                    free(old->path);
                    free(old);
                } else {
                    pp = &(*pp)->next;
                }
            }
        }
        e->next = cache_head;
        cache_head = e;
        pthread_mutex_unlock(&cache_lock);
    } else {
        free(e);
    }
    return store;
}

X509_STORE *gnossl_cert_cred_own_store(gnutls_certificate_credentials_t c)
{
    X509_STORE *fresh;
    STACK_OF(X509_OBJECT) *objs;
    int i;

    if (c->store == NULL) {
        c->store = X509_STORE_new();
        c->store_shared = 0;
        return c->store;
    }
    if (!c->store_shared)
        return c->store;
    fresh = X509_STORE_new();
    if (fresh == NULL)
        return NULL;
    objs = X509_STORE_get0_objects(c->store);
    for (i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(objs, i);
        if (X509_OBJECT_get0_X509(o) != NULL)
            X509_STORE_add_cert(fresh, X509_OBJECT_get0_X509(o));
        else if (X509_OBJECT_get0_X509_CRL(o) != NULL)
            X509_STORE_add_crl(fresh, X509_OBJECT_get0_X509_CRL(o));
    }
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
        return type == GNUTLS_X509_FMT_DER ? GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR) : 0;
    n = trust_add_sk(c, sk);
    sk_X509_pop_free(sk, X509_free);
    return n;
}

/* Load one trust file: the cached shared store when the credentials have
 * no trust yet, else an addition to the credentials' own store. */
static int trust_file(gnutls_certificate_credentials_t c, const char *path, gnutls_x509_crt_fmt_t type)
{
    struct stat st;
    gnutls_datum_t data;
    unsigned count = 0;
    X509_STORE *store;
    int ret = 0;

    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);

    if (type == GNUTLS_X509_FMT_PEM) {
        store = cached_store(path, &st, &count, &ret);
        if (store == NULL)
            return ret;
        pthread_mutex_lock(&c->lock);
        if (c->store == NULL) {
            c->store = store;
            c->store_shared = 1;
            c->ncas = count;
            gnossl_cert_cred_changed(c);
            pthread_mutex_unlock(&c->lock);
            return (int)count;
        }
        pthread_mutex_unlock(&c->lock);
        X509_STORE_free(store);
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

int gnutls_certificate_set_x509_trust_dir(gnutls_certificate_credentials_t c, const char *ca_dir,
                                          gnutls_x509_crt_fmt_t type)
{
    DIR *d;
    struct dirent *de;
    char path[4096];
    int total = 0, ret;

    if (c == NULL || ca_dir == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    d = opendir(ca_dir);
    if (d == NULL) {
        gnossl_debug("trust dir %s: cannot open", ca_dir);
        return 0; /* GnuTLS: nothing loaded, not an error */
    }
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        gnutls_datum_t data;

        if (de->d_name[0] == '.')
            continue;
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", ca_dir, de->d_name) >= sizeof(path))
            continue;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        /* Files that are not certificates are skipped, as GnuTLS does. */
        if (gnossl_read_file(path, &data) < 0)
            continue;
        ret = gnutls_certificate_set_x509_trust_mem(c, &data, type);
        free(data.data);
        if (ret > 0)
            total += ret;
    }
    closedir(d);
    return total;
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
