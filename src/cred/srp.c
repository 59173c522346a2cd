/* SRP credentials (RFC 5054 / RFC 2945): the client's username and
 * password, the server's tpasswd + tpasswd.conf files (as srptool writes
 * them) or callback, and gnutls_srp_verifier.  The TLS side is srp-tls.c. */
#include "gnossl.h"
#include "cred/srp-int.h"
#include "core/encoding.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>

/* ---- client credentials ---- */

int gnutls_srp_allocate_client_credentials(gnutls_srp_client_credentials_t *sc)
{
    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    return *sc == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

static void str_wipe(char **p)
{
    if (*p != NULL) {
        OPENSSL_cleanse(*p, strlen(*p));
        free(*p);
        *p = NULL;
    }
}

void gnutls_srp_free_client_credentials(gnutls_srp_client_credentials_t sc)
{
    if (sc == NULL)
        return;
    str_wipe(&sc->username);
    str_wipe(&sc->password);
    free(sc);
}

int gnutls_srp_set_client_credentials(gnutls_srp_client_credentials_t res, const char *username,
                                      const char *password)
{
    char *u, *p;

    if (res == NULL || username == NULL || password == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    u = strdup(username);
    p = strdup(password);
    if (u == NULL || p == NULL) {
        free(u);
        free(p);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    str_wipe(&res->username);
    str_wipe(&res->password);
    res->username = u;
    res->password = p;
    return 0;
}

void gnutls_srp_set_client_credentials_function(gnutls_srp_client_credentials_t cred,
                                                gnutls_srp_client_credentials_function *func)
{
    if (cred != NULL)
        cred->fn = func;
}

/* GnuTLS keeps this minimum in the same session field as
 * gnutls_dh_set_prime_bits; its SRP client accepts only the RFC 5054
 * groups whatever the value, so only the DH side ever sees it. */
void gnutls_srp_set_prime_bits(gnutls_session_t session, unsigned int bits)
{
    gnutls_dh_set_prime_bits(session, bits);
}

/* ---- server credentials ---- */

#define DEFAULT_FAKE_SALT_LEN 16
#define SHA1_LEN 20

int gnutls_srp_allocate_server_credentials(gnutls_srp_server_credentials_t *sc)
{
    int ret;

    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    if (*sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    /* a random seed per credentials, so unknown users get stable fake salts */
    (*sc)->seed_len = SHA1_LEN;
    (*sc)->salt_len = DEFAULT_FAKE_SALT_LEN;
    ret = gnutls_rnd(GNUTLS_RND_RANDOM, (*sc)->seed, (*sc)->seed_len);
    if (ret < 0) {
        free(*sc);
        *sc = NULL;
        return ret;
    }
    return 0;
}

void gnutls_srp_free_server_credentials(gnutls_srp_server_credentials_t sc)
{
    if (sc == NULL)
        return;
    free(sc->pfile);
    free(sc->pconf);
    OPENSSL_cleanse(sc->seed, sizeof(sc->seed));
    free(sc);
}

static int readable(const char *path)
{
    FILE *f = fopen(path, "r");

    if (f == NULL)
        return 0;
    fclose(f);
    return 1;
}

int gnutls_srp_set_server_credentials_file(gnutls_srp_server_credentials_t res, const char *password_file,
                                           const char *password_conf_file)
{
    char *p, *c;

    if (res == NULL || password_file == NULL || password_conf_file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS checks both now and reads them at each handshake */
    if (!readable(password_file) || !readable(password_conf_file))
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    p = strdup(password_file);
    c = strdup(password_conf_file);
    if (p == NULL || c == NULL) {
        free(p);
        free(c);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    free(res->pfile);
    free(res->pconf);
    res->pfile = p;
    res->pconf = c;
    return 0;
}

void gnutls_srp_set_server_credentials_function(gnutls_srp_server_credentials_t cred,
                                                gnutls_srp_server_credentials_function *func)
{
    if (cred != NULL)
        cred->fn = func;
}

void gnutls_srp_set_server_fake_salt_seed(gnutls_srp_server_credentials_t sc, const gnutls_datum_t *seed,
                                          unsigned int salt_length)
{
    size_t n;

    if (sc == NULL || seed == NULL || (seed->data == NULL && seed->size > 0))
        return;
    /* HMAC keys longer than the block are hashed first: keep them that way */
    n = seed->size;
    if (n > sizeof(sc->seed)) {
        if (gnutls_hash_fast(GNUTLS_DIG_SHA1, seed->data, n, sc->seed) < 0)
            return;
        n = SHA1_LEN;
    } else if (n > 0) {
        memcpy(sc->seed, seed->data, n);
    }
    sc->seed_len = n;
    /* salts are HMAC-SHA1 outputs: at most 20 bytes */
    sc->salt_len = salt_length < SHA1_LEN ? salt_length : SHA1_LEN;
}

/* ---- password files ---- */

void gnossl_srp_entry_clear(struct gnossl_srp_entry *e)
{
    gnutls_datum_t *d[4] = {&e->salt, &e->v, &e->g, &e->n};

    for (int i = 0; i < 4; i++) {
        if (d[i]->data != NULL) {
            OPENSSL_cleanse(d[i]->data, d[i]->size);
            gnutls_free(d[i]->data);
        }
        d[i]->data = NULL;
        d[i]->size = 0;
    }
}

/* Cut the last ':'-separated field off `line` (NUL-terminating what is
 * left) and return it, or NULL when there is no ':'. */
static char *last_field(char *line)
{
    char *p = strrchr(line, ':');

    if (p == NULL)
        return NULL;
    *p = 0;
    return p + 1;
}

static int sb64(const char *text, size_t len, gnutls_datum_t *out)
{
    return gnossl_srp_base64_decode((const unsigned char *)text, len, out);
}

/* The line of `path` whose first field is `key` (a malloc'd copy without
 * the line end), NULL if none; *err = a file error. */
static char *find_line(const char *path, const char *key, int *err)
{
    FILE *f = fopen(path, "r");
    char *line = NULL, *found = NULL;
    size_t cap = 0, klen = strlen(key);
    ssize_t n;

    *err = 0;
    if (f == NULL) {
        *err = GNUTLS_E_FILE_ERROR;
        return NULL;
    }
    while ((n = getline(&line, &cap, f)) > 0) {
        size_t flen = strcspn(line, ":");
        if (flen == klen && memcmp(line, key, klen) == 0 && line[flen] == ':') {
            line[strcspn(line, "\r\n")] = 0;
            found = strdup(line);
            if (found == NULL)
                *err = GNUTLS_E_MEMORY_ERROR;
            break;
        }
    }
    if (line != NULL)
        OPENSSL_cleanse(line, cap);
    free(line);
    fclose(f);
    return found;
}

/* tpasswd.conf: "index:base64(n):base64(g)" */
static int read_conf(const char *path, int index, struct gnossl_srp_entry *e)
{
    char key[16], *line, *gs, *ns;
    int err, ret = GNUTLS_E_SRP_PWD_ERROR;

    snprintf(key, sizeof(key), "%d", index);
    line = find_line(path, key, &err);
    if (line == NULL)
        return GNOSSL_ERR(err != 0 ? err : GNUTLS_E_SRP_PWD_ERROR);
    gs = last_field(line);
    ns = gs != NULL ? last_field(line) : NULL;
    if (ns != NULL) {
        size_t glen = strlen(gs);
        while (glen > 0 && gs[glen - 1] == ' ')
            glen--;
        if (sb64(gs, glen, &e->g) == 0 && sb64(ns, strlen(ns), &e->n) == 0 && e->g.size > 0 && e->n.size > 0)
            ret = 0;
    }
    free(line);
    return ret == 0 ? 0 : GNOSSL_ERR(ret);
}

/* tpasswd: "username:base64(v):base64(salt):index" */
static int read_passwd(const char *path, const char *user, struct gnossl_srp_entry *e, int *found)
{
    char *line, *idx, *salt, *v;
    int err, index, ret = GNUTLS_E_SRP_PWD_ERROR;

    *found = 0;
    line = find_line(path, user, &err);
    if (line == NULL)
        return err != 0 ? GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR) : 0;
    *found = 1;
    idx = last_field(line);
    salt = idx != NULL ? last_field(line) : NULL;
    v = salt != NULL ? last_field(line) : NULL;
    index = idx != NULL ? atoi(idx) : 0;
    if (v != NULL && index > 0 && sb64(salt, strlen(salt), &e->salt) == 0 && e->salt.size > 0 &&
        sb64(v, strlen(v), &e->v) == 0 && e->v.size > 0)
        ret = index;
    OPENSSL_cleanse(line, strlen(line));
    free(line);
    return ret > 0 ? ret : GNOSSL_ERR(ret);
}

/* An unknown user looks like a known one: the salt is a keyed hash of the
 * name (stable across connections), the verifier random. */
static int fake_entry(gnutls_srp_server_credentials_t c, const char *user, struct gnossl_srp_entry *e)
{
    unsigned char mac[SHA1_LEN];
    gnutls_hmac_hd_t h;
    int ret;

    gnutls_free(e->v.data);
    gnutls_free(e->salt.data);
    e->v.data = gnutls_malloc(SHA1_LEN);
    e->salt.data = gnutls_malloc(SHA1_LEN);
    e->v.size = e->salt.size = 0;
    if (e->v.data == NULL || e->salt.data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    e->v.size = SHA1_LEN;
    if ((ret = gnutls_rnd(GNUTLS_RND_NONCE, e->v.data, SHA1_LEN)) < 0)
        return ret;
    ret = gnutls_hmac_init(&h, GNUTLS_MAC_SHA1, c->seed, c->seed_len);
    if (ret < 0)
        return ret;
    gnutls_hmac(h, "salt", 4);
    gnutls_hmac(h, user, strlen(user));
    gnutls_hmac_deinit(h, mac);
    memcpy(e->salt.data, mac, c->salt_len);
    /* OpenSSL takes the salt as a BIGNUM, which drops leading zero bytes: a
     * nonzero first byte keeps the fake salt its full length (else one
     * unknown user in 256 would get a shorter salt than known ones). */
    if (c->salt_len > 0 && e->salt.data[0] == 0)
        e->salt.data[0] = 1;
    e->salt.size = c->salt_len;
    return 0;
}

/* Own copies of what a server callback returned (it may hand out the
 * static group datums, which must not be freed). */
static int is_static_group(const gnutls_datum_t *d)
{
    static const gnutls_datum_t *const groups[] = {
        &gnutls_srp_1024_group_prime, &gnutls_srp_1536_group_prime, &gnutls_srp_2048_group_prime,
        &gnutls_srp_3072_group_prime, &gnutls_srp_4096_group_prime, &gnutls_srp_8192_group_prime,
        &gnutls_srp_1024_group_generator, &gnutls_srp_1536_group_generator, &gnutls_srp_2048_group_generator,
        &gnutls_srp_3072_group_generator, &gnutls_srp_4096_group_generator, &gnutls_srp_8192_group_generator,
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (d->data == groups[i]->data)
            return 1;
    return 0;
}

static int take_group(gnutls_datum_t *d)
{
    unsigned char *copy;

    if (d->data == NULL || !is_static_group(d))
        return 0;
    copy = gnutls_malloc(d->size);
    if (copy == NULL) {
        d->data = NULL;
        d->size = 0;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(copy, d->data, d->size);
    d->data = copy;
    return 0;
}

int gnossl_srp_lookup(gnutls_session_t s, gnutls_srp_server_credentials_t c, const char *user,
                      struct gnossl_srp_entry *e)
{
    int ret, found;

    memset(e, 0, sizeof(*e));
    if (c->fn != NULL) {
        ret = c->fn(s, user, &e->salt, &e->v, &e->g, &e->n);
        if (take_group(&e->g) < 0 || take_group(&e->n) < 0) {
            gnossl_srp_entry_clear(e);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        if (ret == 1 && e->g.size != 0 && e->n.size != 0)
            ret = fake_entry(c, user, e);
        else if (ret != 0 || e->salt.size == 0 || e->v.size == 0 || e->g.size == 0 || e->n.size == 0)
            ret = GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR);
        if (ret < 0)
            gnossl_srp_entry_clear(e);
        return ret;
    }
    if (c->pfile == NULL || c->pconf == NULL)
        return GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR);
    ret = read_passwd(c->pfile, user, e, &found);
    if (ret > 0) {
        ret = read_conf(c->pconf, ret, e);
        if (ret < 0)
            ret = GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR);
    } else if (ret == 0 && !found) {
        /* GnuTLS takes the group of index 1 for users it does not know */
        ret = read_conf(c->pconf, 1, e);
        if (ret == 0)
            ret = fake_entry(c, user, e);
        else
            ret = GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR);
    }
    if (ret < 0)
        gnossl_srp_entry_clear(e);
    return ret;
}

/* ---- groups and verifiers ---- */

int gnossl_srp_known_group(const unsigned char *g, size_t glen, const unsigned char *n, size_t nlen)
{
    static const struct {
        const gnutls_datum_t *n, *g;
    } groups[] = {
        {&gnutls_srp_1024_group_prime, &gnutls_srp_1024_group_generator},
        {&gnutls_srp_1536_group_prime, &gnutls_srp_1536_group_generator},
        {&gnutls_srp_2048_group_prime, &gnutls_srp_2048_group_generator},
        {&gnutls_srp_3072_group_prime, &gnutls_srp_3072_group_generator},
        {&gnutls_srp_4096_group_prime, &gnutls_srp_4096_group_generator},
        {&gnutls_srp_8192_group_prime, &gnutls_srp_8192_group_generator},
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (nlen == groups[i].n->size && glen == groups[i].g->size && memcmp(n, groups[i].n->data, nlen) == 0 &&
            memcmp(g, groups[i].g->data, glen) == 0)
            return 1;
    return 0;
}

/* x = SHA1(salt | SHA1(username ":" password)), RFC 2945 */
static int srp_x(const char *user, const char *pass, const gnutls_datum_t *salt, unsigned char x[SHA1_LEN])
{
    unsigned char inner[SHA1_LEN];
    gnutls_hash_hd_t h;
    int ret;

    if ((ret = gnutls_hash_init(&h, GNUTLS_DIG_SHA1)) < 0)
        return ret;
    gnutls_hash(h, user, strlen(user));
    gnutls_hash(h, ":", 1);
    gnutls_hash(h, pass, strlen(pass));
    gnutls_hash_deinit(h, inner);
    if ((ret = gnutls_hash_init(&h, GNUTLS_DIG_SHA1)) < 0)
        return ret;
    gnutls_hash(h, salt->data, salt->size);
    gnutls_hash(h, inner, sizeof(inner));
    gnutls_hash_deinit(h, x);
    OPENSSL_cleanse(inner, sizeof(inner));
    return 0;
}

int gnutls_srp_verifier(const char *username, const char *password, const gnutls_datum_t *salt,
                        const gnutls_datum_t *generator, const gnutls_datum_t *prime, gnutls_datum_t *res)
{
    unsigned char xb[SHA1_LEN];
    BIGNUM *x = NULL, *g = NULL, *n = NULL, *v = NULL;
    BN_CTX *bctx = NULL;
    int ret = GNUTLS_E_MEMORY_ERROR, len;

    if (username == NULL || password == NULL || salt == NULL || generator == NULL || prime == NULL ||
        res == NULL || generator->data == NULL || prime->data == NULL || (salt->data == NULL && salt->size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = srp_x(username, password, salt, xb)) < 0)
        return ret;
    ret = GNUTLS_E_MEMORY_ERROR;
    x = BN_secure_new();
    v = BN_secure_new();
    g = BN_bin2bn(generator->data, (int)generator->size, NULL);
    n = BN_bin2bn(prime->data, (int)prime->size, NULL);
    bctx = BN_CTX_secure_new();
    if (x == NULL || v == NULL || g == NULL || n == NULL || bctx == NULL || BN_bin2bn(xb, sizeof(xb), x) == NULL)
        goto out;
    if (BN_is_zero(n)) {
        ret = GNUTLS_E_MPI_SCAN_FAILED;
        goto out;
    }
    if (!BN_mod_exp(v, g, x, n, bctx))
        goto out;
    /* the verifier in its shortest big-endian form, as GnuTLS prints it */
    len = BN_num_bytes(v);
    res->data = gnutls_malloc(len > 0 ? (size_t)len : 1);
    if (res->data == NULL)
        goto out;
    res->size = (unsigned)BN_bn2bin(v, res->data);
    ret = 0;
out:
    OPENSSL_cleanse(xb, sizeof(xb));
    BN_clear_free(x);
    BN_clear_free(v);
    BN_free(g);
    BN_free(n);
    BN_CTX_free(bctx);
    return ret < 0 ? GNOSSL_ERR(ret) : 0;
}
