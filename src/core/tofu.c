/* Trust on first use: gnutls_store_pubkey, gnutls_store_commitment,
 * gnutls_verify_stored_pubkey and custom gnutls_tdb_t back ends.
 *
 * The default back end is GnuTLS's known_hosts file ($HOME/.gnutls/
 * known_hosts), one entry a line, shared with programs on the real library
 * (gnutls-cli --tofu), so the format is GnuTLS's exactly:
 *   |g0|host|service|expiration|base64(SubjectPublicKeyInfo DER)
 *   |c0|host|service|expiration|digest id|lowercase hex of the key's hash
 * host or service "*" matches anything (a NULL argument is stored as "*" and
 * matches any entry); expiration 0 never expires. */
#include "gnossl.h"
#include "core/clock.h"
#include "core/encoding.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct gnutls_tdb_int {
    gnutls_tdb_store_func store;
    gnutls_tdb_store_commitment_func cstore;
    gnutls_tdb_verify_func verify;
};

/* Appends from several threads must not interleave within a line. */
static pthread_mutex_t file_lock = PTHREAD_MUTEX_INITIALIZER;

#define KNOWN_HOSTS "known_hosts"

/* $HOME/.gnutls (HOME, else the password database); "" if there is no home. */
static void config_dir(char *out, size_t size)
{
    const char *home = secure_getenv("HOME");
    struct passwd pw, *res = NULL;
    char buf[2048];

    if (home == NULL || home[0] == 0) {
        if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &res) == 0 && res != NULL)
            home = pw.pw_dir;
    }
    if (home == NULL || home[0] == 0)
        out[0] = 0;
    else
        snprintf(out, size, "%s/.gnutls", home);
}

static void default_file(char *out, size_t size)
{
    char dir[4096];
    config_dir(dir, sizeof dir);
    if (dir[0] == 0)
        snprintf(out, size, "%s", KNOWN_HOSTS);
    else
        snprintf(out, size, "%s/%s", dir, KNOWN_HOSTS);
}

/* Base64 on one line, as the file holds it (NUL terminated). */
static char *b64_line(const gnutls_datum_t *raw)
{
    char *out = malloc(4 * ((raw->size + 2) / 3) + 1);
    if (out)
        EVP_EncodeBlock((unsigned char *)out, raw->data, (int)raw->size);
    return out;
}

static int file_store(const char *db, const char *host, const char *service, time_t expiration,
                      const gnutls_datum_t *pubkey)
{
    char *b64 = b64_line(pubkey);
    FILE *f;
    int ret = 0;

    if (b64 == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pthread_mutex_lock(&file_lock);
    f = fopen(db, "ab+");
    if (f == NULL) {
        gnossl_debug("tofu: cannot open %s for appending", db);
        ret = GNUTLS_E_FILE_ERROR;
    } else {
        fprintf(f, "|g0|%s|%s|%lu|%s\n", host ? host : "*", service ? service : "*", (unsigned long)expiration,
                b64);
        fclose(f);
    }
    pthread_mutex_unlock(&file_lock);
    free(b64);
    return ret;
}

static int file_cstore(const char *db, const char *host, const char *service, time_t expiration,
                       gnutls_digest_algorithm_t algo, const gnutls_datum_t *hash)
{
    char hex[2 * 64 + 1];
    FILE *f;
    int ret = 0;

    if (hash->size > 64)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnossl_hex_encode(hash->data, hash->size, hex);
    hex[2 * hash->size] = 0;
    pthread_mutex_lock(&file_lock);
    f = fopen(db, "ab+");
    if (f == NULL) {
        gnossl_debug("tofu: cannot open %s for appending", db);
        ret = GNUTLS_E_FILE_ERROR;
    } else {
        fprintf(f, "|c0|%s|%s|%lu|%u|%s\n", host ? host : "*", service ? service : "*", (unsigned long)expiration,
                (unsigned)algo, hex);
        fclose(f);
    }
    pthread_mutex_unlock(&file_lock);
    return ret;
}

/* Next '|'-separated field of *s (empty fields skipped, as strtok does). */
static char *field(char **s)
{
    return strtok_r(NULL, "|", s);
}

/* Host, service and expiration of an entry: 0 when they apply to this
 * lookup, -1 otherwise. */
static int entry_applies(char **save, const char *host, const char *service, time_t now)
{
    char *p = field(save);
    time_t exp;

    if (p == NULL || (p[0] != '*' && host != NULL && strcmp(p, host) != 0))
        return -1;
    p = field(save);
    if (p == NULL || (p[0] != '*' && service != NULL && strcmp(p, service) != 0))
        return -1;
    p = field(save);
    if (p == NULL)
        return -1;
    exp = (time_t)atol(p);
    if (exp > 0 && now > exp)
        return -1;
    return 0;
}

/* The last field: up to the first blank or '|'. */
static char *last_field(char **save)
{
    char *p = field(save);
    if (p)
        p[strcspn(p, "\n \r\t|")] = 0;
    return p;
}

/* 0: the line vouches for this key; GNUTLS_E_CERTIFICATE_KEY_MISMATCH: it
 * names this host/service with another key; 1: it does not apply. */
static int check_line(char *line, const char *host, const char *service, time_t now, const gnutls_datum_t *raw,
                      const char *b64)
{
    char *save = NULL, *p = strtok_r(line, "|", &save);

    if (p == NULL)
        return 1;
    if (strncmp(p, "c0", 2) == 0) {
        unsigned char md[64];
        char hex[2 * 64 + 1];
        gnutls_digest_algorithm_t algo;
        unsigned len;

        if (entry_applies(&save, host, service, now) < 0 || (p = field(&save)) == NULL)
            return 1;
        algo = (gnutls_digest_algorithm_t)atol(p);
        len = gnutls_hash_get_len(algo);
        if (gnutls_digest_get_name(algo) == NULL || len == 0 || len > sizeof md)
            return 1;
        if ((p = last_field(&save)) == NULL)
            return 1;
        if (gnutls_hash_fast(algo, raw->data, raw->size, md) < 0)
            return 1;
        gnossl_hex_encode(md, len, hex);
        hex[2 * len] = 0;
        return strcmp(p, hex) == 0 ? 0 : GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
    }
    if (strncmp(p, "g0", 2) != 0)
        return 1;
    if (entry_applies(&save, host, service, now) < 0 || (p = last_field(&save)) == NULL)
        return 1;
    return strcmp(p, b64) == 0 ? 0 : GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
}

static int file_verify(const char *db, const char *host, const char *service, const gnutls_datum_t *pubkey)
{
    char *b64 = b64_line(pubkey), *line = NULL;
    size_t cap = 0;
    time_t now = gnossl_time();
    int ret = GNUTLS_E_NO_CERTIFICATE_FOUND;
    FILE *f;

    if (b64 == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    f = fopen(db, "rb");
    if (f == NULL) {
        free(b64);
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    }
    while (getline(&line, &cap, f) > 0) {
        int r = check_line(line, host, service, now, pubkey, b64);
        if (r == 0) {
            ret = 0;
            break;
        }
        if (r == GNUTLS_E_CERTIFICATE_KEY_MISMATCH)
            ret = r; /* remembered; a later line may still vouch for the key */
    }
    free(line);
    fclose(f);
    free(b64);
    return ret;
}

static const struct gnutls_tdb_int default_tdb = {file_store, file_cstore, file_verify};

/* The key a stored entry is about: the certificate's SubjectPublicKeyInfo
 * for X.509, the given SPKI itself for raw public keys. */
static int raw_pubkey(gnutls_certificate_type_t type, const gnutls_datum_t *cert, gnutls_datum_t *out, int *owned)
{
    gnutls_x509_crt_t crt = NULL;
    gnutls_pubkey_t pub = NULL;
    int ret;

    *owned = 0;
    if (type == GNUTLS_CRT_RAWPK) {
        *out = *cert;
        return 0;
    }
    if (type != GNUTLS_CRT_X509)
        return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE);
    if ((ret = gnutls_x509_crt_init(&crt)) < 0)
        return ret;
    if ((ret = gnutls_x509_crt_import(crt, cert, GNUTLS_X509_FMT_DER)) >= 0 && (ret = gnutls_pubkey_init(&pub)) >= 0 &&
        (ret = gnutls_pubkey_import_x509(pub, crt, 0)) >= 0 &&
        (ret = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, out)) >= 0)
        *owned = 1;
    gnutls_pubkey_deinit(pub);
    gnutls_x509_crt_deinit(crt);
    return ret < 0 ? ret : 0;
}

int gnutls_verify_stored_pubkey(const char *db_name, gnutls_tdb_t tdb, const char *host, const char *service,
                                gnutls_certificate_type_t cert_type, const gnutls_datum_t *cert, unsigned int flags)
{
    char file[4352];
    gnutls_datum_t key = {NULL, 0};
    gnutls_tdb_verify_func verify = tdb && tdb->verify ? tdb->verify : default_tdb.verify;
    int owned, ret;

    (void)flags;
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (db_name == NULL && tdb == NULL) {
        default_file(file, sizeof file);
        db_name = file;
    }
    if ((ret = raw_pubkey(cert_type, cert, &key, &owned)) < 0)
        return ret;
    ret = verify(db_name, host, service, &key);
    if (ret < 0 && ret != GNUTLS_E_CERTIFICATE_KEY_MISMATCH)
        ret = GNUTLS_E_NO_CERTIFICATE_FOUND;
    if (owned)
        gnutls_free(key.data);
    return ret;
}

int gnutls_store_pubkey(const char *db_name, gnutls_tdb_t tdb, const char *host, const char *service,
                        gnutls_certificate_type_t cert_type, const gnutls_datum_t *cert, time_t expiration,
                        unsigned int flags)
{
    char file[4352];
    gnutls_datum_t key = {NULL, 0};
    gnutls_tdb_store_func store = tdb && tdb->store ? tdb->store : default_tdb.store;
    int owned, ret;

    (void)flags;
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert_type != GNUTLS_CRT_X509 && cert_type != GNUTLS_CRT_RAWPK)
        return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE);
    if (db_name == NULL && tdb == NULL) {
        config_dir(file, sizeof file);
        if (file[0])
            mkdir(file, 0700); /* first use: GnuTLS makes ~/.gnutls private */
        default_file(file, sizeof file);
        db_name = file;
    }
    if ((ret = raw_pubkey(cert_type, cert, &key, &owned)) < 0)
        return ret;
    ret = store(db_name, host, service, expiration, &key) < 0 ? GNOSSL_ERR(GNUTLS_E_DB_ERROR) : 0;
    if (owned)
        gnutls_free(key.data);
    return ret;
}

/* Digests whose preimages can be found: a commitment made with one proves
 * nothing unless the caller insists (GNUTLS_SCOMMIT_FLAG_ALLOW_BROKEN). */
static int preimage_broken(gnutls_digest_algorithm_t a)
{
    return a == GNUTLS_DIG_MD5 || a == GNUTLS_DIG_MD2;
}

int gnutls_store_commitment(const char *db_name, gnutls_tdb_t tdb, const char *host, const char *service,
                            gnutls_digest_algorithm_t hash_algo, const gnutls_datum_t *hash, time_t expiration,
                            unsigned int flags)
{
    char file[4352];
    gnutls_tdb_store_commitment_func cstore = tdb && tdb->cstore ? tdb->cstore : default_tdb.cstore;

    if (gnutls_digest_get_name(hash_algo) == NULL || gnutls_hash_get_len(hash_algo) == 0)
        return GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
    if (!(flags & GNUTLS_SCOMMIT_FLAG_ALLOW_BROKEN) && preimage_broken(hash_algo))
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_SECURITY);
    if (hash == NULL || hash->size != gnutls_hash_get_len(hash_algo))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (db_name == NULL && tdb == NULL) {
        config_dir(file, sizeof file);
        if (file[0])
            mkdir(file, 0700);
        default_file(file, sizeof file);
        db_name = file;
    }
    return cstore(db_name, host, service, expiration, hash_algo, hash) < 0 ? GNOSSL_ERR(GNUTLS_E_DB_ERROR) : 0;
}

int gnutls_tdb_init(gnutls_tdb_t *tdb)
{
    if (tdb == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *tdb = gnutls_calloc(1, sizeof **tdb);
    return *tdb ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_tdb_deinit(gnutls_tdb_t tdb)
{
    gnutls_free(tdb);
}

void gnutls_tdb_set_store_func(gnutls_tdb_t tdb, gnutls_tdb_store_func store)
{
    if (tdb)
        tdb->store = store;
}

void gnutls_tdb_set_store_commitment_func(gnutls_tdb_t tdb, gnutls_tdb_store_commitment_func cstore)
{
    if (tdb)
        tdb->cstore = cstore;
}

void gnutls_tdb_set_verify_func(gnutls_tdb_t tdb, gnutls_tdb_verify_func verify)
{
    if (tdb)
        tdb->verify = verify;
}
