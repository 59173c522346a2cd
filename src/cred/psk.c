/* PSK credentials.  TLS 1.2 PSK suites go through OpenSSL's PSK client and
 * server callbacks; TLS 1.3 external PSKs through the use_session and
 * find_session callbacks, with an SSL_SESSION that carries the key and a
 * SHA-256 suite (GnuTLS uses SHA-256 for the binder of such keys). */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

struct gnutls_psk_client_credentials_st {
    gnutls_datum_t username;
    gnutls_datum_t key;
    gnutls_psk_client_credentials_function *fn;
    gnutls_psk_client_credentials_function2 *fn2;
};

struct gnutls_psk_server_credentials_st {
    char *file;
    char *hint;
    gnutls_psk_server_credentials_function *fn;
    gnutls_psk_server_credentials_function2 *fn2;
    struct gnossl_server_dh dh;
};

/* ---- helpers ---- */

static int datum_copy(gnutls_datum_t *dst, const unsigned char *data, size_t size)
{
    dst->data = malloc(size + 1);
    if (dst->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (size > 0)
        memcpy(dst->data, data, size);
    dst->data[size] = 0;
    dst->size = (unsigned)size;
    return 0;
}

static void datum_wipe(gnutls_datum_t *d)
{
    if (d->data != NULL) {
        OPENSSL_cleanse(d->data, d->size);
        free(d->data);
    }
    d->data = NULL;
    d->size = 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decode hex text of `len` characters into dst. */
static int hex_decode(gnutls_datum_t *dst, const char *hex, size_t len)
{
    size_t i;

    if (len % 2 != 0)
        return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    dst->data = malloc(len / 2 + 1);
    if (dst->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (i = 0; i < len; i += 2) {
        int h = hexval((unsigned char)hex[i]), l = hexval((unsigned char)hex[i + 1]);
        if (h < 0 || l < 0) {
            free(dst->data);
            dst->data = NULL;
            return GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
        }
        dst->data[i / 2] = (unsigned char)(h * 16 + l);
    }
    dst->size = (unsigned)(len / 2);
    return 0;
}

static int key_set(gnutls_datum_t *dst, const gnutls_datum_t *key, gnutls_psk_key_flags flags)
{
    if (key == NULL || key->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (flags == GNUTLS_PSK_KEY_HEX)
        return hex_decode(dst, (const char *)key->data, key->size);
    return datum_copy(dst, key->data, key->size);
}

/* ---- client credentials ---- */

int gnutls_psk_allocate_client_credentials(gnutls_psk_client_credentials_t *sc)
{
    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    return *sc == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_psk_free_client_credentials(gnutls_psk_client_credentials_t sc)
{
    if (sc == NULL)
        return;
    datum_wipe(&sc->username);
    datum_wipe(&sc->key);
    free(sc);
}

int gnutls_psk_set_client_credentials2(gnutls_psk_client_credentials_t res, const gnutls_datum_t *username,
                                       const gnutls_datum_t *key, gnutls_psk_key_flags flags)
{
    gnutls_datum_t u = {NULL, 0}, k = {NULL, 0};
    int ret;

    if (res == NULL || username == NULL || username->data == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = datum_copy(&u, username->data, username->size);
    if (ret < 0)
        return ret;
    ret = key_set(&k, key, flags);
    if (ret < 0) {
        datum_wipe(&u);
        return ret;
    }
    datum_wipe(&res->username);
    datum_wipe(&res->key);
    res->username = u;
    res->key = k;
    return 0;
}

int gnutls_psk_set_client_credentials(gnutls_psk_client_credentials_t res, const char *username,
                                      const gnutls_datum_t *key, gnutls_psk_key_flags flags)
{
    gnutls_datum_t u;

    if (username == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    u.data = (unsigned char *)username;
    u.size = (unsigned)strlen(username);
    return gnutls_psk_set_client_credentials2(res, &u, key, flags);
}

void gnutls_psk_set_client_credentials_function(gnutls_psk_client_credentials_t cred,
                                                gnutls_psk_client_credentials_function *func)
{
    if (cred != NULL) {
        cred->fn = func;
        cred->fn2 = NULL;
    }
}

void gnutls_psk_set_client_credentials_function2(gnutls_psk_client_credentials_t cred,
                                                 gnutls_psk_client_credentials_function2 *func)
{
    if (cred != NULL) {
        cred->fn2 = func;
        cred->fn = NULL;
    }
}

/* The identity and key the client uses (owned copies in *user, *key). */
static int client_identity(gnutls_session_t s, gnutls_psk_client_credentials_t c, gnutls_datum_t *user,
                           gnutls_datum_t *key)
{
    int ret;

    user->data = key->data = NULL;
    user->size = key->size = 0;
    if (c->fn2 != NULL || c->fn != NULL) {
        gnutls_datum_t u = {NULL, 0}, k = {NULL, 0};
        char *name = NULL;
        if (c->fn2 != NULL) {
            ret = c->fn2(s, &u, &k);
        } else {
            ret = c->fn(s, &name, &k);
            if (ret == 0 && name != NULL) {
                u.data = (unsigned char *)name;
                u.size = (unsigned)strlen(name);
            }
        }
        if (ret != 0 || u.data == NULL || k.data == NULL) {
            gnutls_free(u.data);
            gnutls_free(k.data);
            return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);
        }
        ret = datum_copy(user, u.data, u.size);
        if (ret == 0)
            ret = datum_copy(key, k.data, k.size);
        OPENSSL_cleanse(k.data, k.size);
        gnutls_free(u.data);
        gnutls_free(k.data);
        return ret;
    }
    if (c->username.data == NULL || c->key.data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);
    ret = datum_copy(user, c->username.data, c->username.size);
    if (ret == 0)
        ret = datum_copy(key, c->key.data, c->key.size);
    return ret;
}

static unsigned int tls12_client_cb(SSL *ssl, const char *hint, char *identity, unsigned int max_identity_len,
                                    unsigned char *psk, unsigned int max_psk_len)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_psk_client_credentials_t c = s != NULL ? gnossl_session_get_cred(s, GNUTLS_CRD_PSK) : NULL;
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    gnutls_datum_t user, key;
    unsigned int len = 0;

    if (c == NULL || st == NULL)
        return 0;
    free(st->psk_hint);
    st->psk_hint = hint != NULL ? strdup(hint) : NULL;
    if (client_identity(s, c, &user, &key) < 0) {
        gnossl_session_set_pending_error(s, GNUTLS_E_INSUFFICIENT_CREDENTIALS);
        return 0;
    }
    if (user.size <= max_identity_len && key.size <= max_psk_len) {
        memcpy(identity, user.data, user.size);
        if (user.size < max_identity_len)
            identity[user.size] = 0;
        memcpy(psk, key.data, key.size);
        len = key.size;
    }
    datum_wipe(&user);
    datum_wipe(&key);
    return len;
}

static SSL_SESSION *psk_session(SSL *ssl, const gnutls_datum_t *key)
{
    static const unsigned char aes128gcm_sha256[2] = {0x13, 0x01};
    const SSL_CIPHER *cipher = SSL_CIPHER_find(ssl, aes128gcm_sha256);
    SSL_SESSION *sess;

    if (cipher == NULL || (sess = SSL_SESSION_new()) == NULL)
        return NULL;
    if (!SSL_SESSION_set1_master_key(sess, key->data, key->size) || !SSL_SESSION_set_cipher(sess, cipher) ||
        !SSL_SESSION_set_protocol_version(sess, TLS1_3_VERSION)) {
        SSL_SESSION_free(sess);
        return NULL;
    }
    return sess;
}

static int tls13_use_session_cb(SSL *ssl, const EVP_MD *md, const unsigned char **id, size_t *idlen,
                                SSL_SESSION **sess)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_psk_client_credentials_t c = s != NULL ? gnossl_session_get_cred(s, GNUTLS_CRD_PSK) : NULL;
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    gnutls_datum_t user, key;

    *sess = NULL;
    *id = NULL;
    *idlen = 0;
    if (c == NULL || st == NULL)
        return 1; /* no PSK offered */
    if (md != NULL && EVP_MD_get_type(md) != NID_sha256)
        return 1;
    if (client_identity(s, c, &user, &key) < 0)
        return 1;
    *sess = psk_session(ssl, &key);
    datum_wipe(&key);
    /* The identity must outlive the callback: keep it on the session state. */
    free(st->psk_username);
    st->psk_username = (char *)user.data;
    *id = user.data;
    *idlen = user.size;
    return *sess != NULL ? 1 : 0;
}

const char *gnutls_psk_client_get_hint(gnutls_session_t session)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);

    return st != NULL ? st->psk_hint : NULL;
}

/* ---- server credentials ---- */

int gnutls_psk_allocate_server_credentials(gnutls_psk_server_credentials_t *sc)
{
    if (sc == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *sc = calloc(1, sizeof(**sc));
    return *sc == NULL ? GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR) : 0;
}

void gnutls_psk_free_server_credentials(gnutls_psk_server_credentials_t sc)
{
    if (sc == NULL)
        return;
    free(sc->file);
    free(sc->hint);
    EVP_PKEY_free(sc->dh.dh);
    free(sc);
}

int gnutls_psk_set_server_credentials_file(gnutls_psk_server_credentials_t res, const char *password_file)
{
    FILE *f;
    char *copy;

    if (res == NULL || password_file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS checks that the file can be opened now and reads it per lookup. */
    f = fopen(password_file, "r");
    if (f == NULL)
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    fclose(f);
    copy = strdup(password_file);
    if (copy == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    free(res->file);
    res->file = copy;
    return 0;
}

int gnutls_psk_set_server_credentials_hint(gnutls_psk_server_credentials_t res, const char *hint)
{
    char *copy;

    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (hint == NULL) /* GnuTLS fails here on copying nothing */
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    copy = strdup(hint);
    if (copy == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    free(res->hint);
    res->hint = copy;
    return 0;
}

void gnutls_psk_set_server_credentials_function(gnutls_psk_server_credentials_t cred,
                                                gnutls_psk_server_credentials_function *func)
{
    if (cred != NULL) {
        cred->fn = func;
        cred->fn2 = NULL;
    }
}

void gnutls_psk_set_server_credentials_function2(gnutls_psk_server_credentials_t cred,
                                                 gnutls_psk_server_credentials_function2 *func)
{
    if (cred != NULL) {
        cred->fn2 = func;
        cred->fn = NULL;
    }
}

/* Look `user` up in a password file of "username:hexkey" lines. */
static int file_lookup(const char *path, const unsigned char *user, size_t ulen, gnutls_datum_t *key)
{
    char line[4096];
    FILE *f = fopen(path, "r");
    int ret = GNUTLS_E_SRP_PWD_ERROR;

    if (f == NULL)
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    while (fgets(line, sizeof(line), f) != NULL) {
        char *colon = strchr(line, ':');
        size_t klen;
        if (colon == NULL || (size_t)(colon - line) != ulen || memcmp(line, user, ulen) != 0)
            continue;
        klen = strcspn(colon + 1, "\r\n");
        ret = hex_decode(key, colon + 1, klen);
        break;
    }
    OPENSSL_cleanse(line, sizeof(line));
    fclose(f);
    return ret;
}

/* The key for `user` (owned copy in *key). */
static int server_key(gnutls_session_t s, gnutls_psk_server_credentials_t c, const unsigned char *user,
                      size_t ulen, gnutls_datum_t *key)
{
    gnutls_datum_t k = {NULL, 0};
    int ret;

    key->data = NULL;
    key->size = 0;
    if (c->fn2 != NULL || c->fn != NULL) {
        if (c->fn2 != NULL) {
            gnutls_datum_t u = {(unsigned char *)user, (unsigned)ulen};
            ret = c->fn2(s, &u, &k);
        } else {
            char *name = malloc(ulen + 1);
            if (name == NULL)
                return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            memcpy(name, user, ulen);
            name[ulen] = 0;
            ret = c->fn(s, name, &k);
            free(name);
        }
        if (ret != 0 || k.data == NULL) {
            gnutls_free(k.data);
            return GNOSSL_ERR(GNUTLS_E_SRP_PWD_ERROR);
        }
        ret = datum_copy(key, k.data, k.size);
        OPENSSL_cleanse(k.data, k.size);
        gnutls_free(k.data);
        return ret;
    }
    if (c->file != NULL)
        return file_lookup(c->file, user, ulen, key);
    return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);
}

static void remember_username(struct gnossl_cred_session *st, const unsigned char *user, size_t ulen)
{
    free(st->psk_username);
    st->psk_username = malloc(ulen + 1);
    if (st->psk_username != NULL) {
        memcpy(st->psk_username, user, ulen);
        st->psk_username[ulen] = 0;
    }
}

static unsigned int tls12_server_cb(SSL *ssl, const char *identity, unsigned char *psk, unsigned int max_psk_len)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_psk_server_credentials_t c = s != NULL ? gnossl_session_get_cred(s, GNUTLS_CRD_PSK) : NULL;
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    gnutls_datum_t key;
    unsigned int len = 0;

    /* OpenSSL asks this one too for a TLS 1.3 identity find_session did not take */
    if (c == NULL || st == NULL || identity == NULL || st->psk_refused)
        return 0;
    remember_username(st, (const unsigned char *)identity, strlen(identity));
    if (server_key(s, c, (const unsigned char *)identity, strlen(identity), &key) < 0) {
        /* GnuTLS fails an unknown identity with its key-file error */
        gnossl_session_set_pending_error(s, GNUTLS_E_KEYFILE_ERROR);
        return 0;
    }
    if (key.size <= max_psk_len) {
        memcpy(psk, key.data, key.size);
        len = key.size;
    }
    datum_wipe(&key);
    return len;
}

static int tls13_find_session_cb(SSL *ssl, const unsigned char *identity, size_t identity_len, SSL_SESSION **sess)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_psk_server_credentials_t c = s != NULL ? gnossl_session_get_cred(s, GNUTLS_CRD_PSK) : NULL;
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    gnutls_datum_t key;

    *sess = NULL;
    if (c == NULL || st == NULL || st->psk_refused)
        return 1;
    if (server_key(s, c, identity, identity_len, &key) < 0) {
        /* GnuTLS does not fall back to other authentication: the handshake fails */
        gnossl_session_set_pending_error(s, GNUTLS_E_KEYFILE_ERROR);
        return 0;
    }
    remember_username(st, identity, identity_len);
    *sess = psk_session(ssl, &key);
    datum_wipe(&key);
    return 1;
}

const char *gnutls_psk_server_get_username(gnutls_session_t session)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);

    if (st == NULL || !gnossl_session_is_server(session))
        return NULL;
    return st->psk_username;
}

int gnutls_psk_server_get_username2(gnutls_session_t session, gnutls_datum_t *out)
{
    const char *u = gnutls_psk_server_get_username(session);

    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (u == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_SESSION);
    out->data = (unsigned char *)u;
    out->size = (unsigned)strlen(u);
    return 0;
}

void gnutls_psk_set_server_dh_params(gnutls_psk_server_credentials_t res, gnutls_dh_params_t dh_params)
{
    if (res != NULL)
        gnossl_server_dh_set(&res->dh, dh_params);
}

void gnutls_psk_set_server_params_function(gnutls_psk_server_credentials_t res, gnutls_params_function *func)
{
    if (res != NULL)
        res->dh.params_fn = func;
}

void gnutls_psk_set_params_function(gnutls_psk_server_credentials_t res, gnutls_params_function *func)
{
    gnutls_psk_set_server_params_function(res, func);
}

int gnutls_psk_set_server_known_dh_params(gnutls_psk_server_credentials_t res, gnutls_sec_param_t sec_param)
{
    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    res->dh.dh_sec_param = sec_param; /* the group is picked per session (dh-select.c) */
    return 0;
}

unsigned gnossl_psk_dh_settings(gnutls_psk_server_credentials_t c, EVP_PKEY **dh, int *has_fn)
{
    return gnossl_server_dh_settings(&c->dh, dh, has_fn);
}

int gnossl_psk_apply(gnutls_session_t s, SSL *ssl, int is_server)
{
    void *cred = gnossl_session_get_cred(s, GNUTLS_CRD_PSK);

    if (cred == NULL)
        return 0;
    if (is_server) {
        gnutls_psk_server_credentials_t c = cred;
        SSL_set_psk_server_callback(ssl, tls12_server_cb);
        SSL_set_psk_find_session_callback(ssl, tls13_find_session_cb);
        if (c->hint != NULL)
            SSL_use_psk_identity_hint(ssl, c->hint);
        gnossl_server_dh_apply(&c->dh, s, ssl, GNUTLS_KX_DHE_PSK);
    } else {
        SSL_set_psk_client_callback(ssl, tls12_client_cb);
        SSL_set_psk_use_session_callback(ssl, tls13_use_session_cb);
    }
    return 0;
}
