/* Server-side session-ID resumption through the application's cache
 * (gnutls_db_*).  The CTX callbacks installed by gnossl_tls_ctx_setup
 * (ctx.c) call these with the session found through the SSL: a new
 * session is stored as (session ID, i2d_SSL_SESSION), a resuming
 * ClientHello's ID is looked up with the retrieve function.  Without both
 * functions a GnuTLS server does not resume by ID, and neither do we. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <stdint.h>

#include <time.h>

#define DEFAULT_EXPIRATION 21600 /* seconds, as GnuTLS */

void gnutls_db_set_retrieve_function(gnutls_session_t s, gnutls_db_retr_func f)
{
    if (s != NULL)
        s->db_retrieve = f;
}

void gnutls_db_set_remove_function(gnutls_session_t s, gnutls_db_remove_func f)
{
    if (s != NULL)
        s->db_remove = f;
}

void gnutls_db_set_store_function(gnutls_session_t s, gnutls_db_store_func f)
{
    if (s != NULL)
        s->db_store = f;
}

void gnutls_db_set_ptr(gnutls_session_t s, void *ptr)
{
    if (s != NULL)
        s->db_ptr = ptr;
}

void *gnutls_db_get_ptr(gnutls_session_t s)
{
    return s != NULL ? s->db_ptr : NULL;
}

void gnutls_db_set_cache_expiration(gnutls_session_t s, int seconds)
{
    if (s != NULL)
        s->db_expiration = seconds;
}

unsigned gnutls_db_get_default_cache_expiration(void)
{
    return DEFAULT_EXPIRATION;
}

static int expiration(gnutls_session_t s)
{
    return s->db_expiration > 0 ? s->db_expiration : DEFAULT_EXPIRATION;
}

void gnutls_db_remove_session(gnutls_session_t s)
{
    if (s == NULL || s->db_remove == NULL || s->ssl == NULL)
        return;
    unsigned len = 0;
    SSL_SESSION *sess = SSL_get0_session(s->ssl);
    const unsigned char *id = sess != NULL ? SSL_SESSION_get_id(sess, &len) : NULL;
    if (len == 0)
        return;
    gnutls_datum_t key = {(unsigned char *)id, len};
    s->db_remove(s->db_ptr, key);
}

int gnutls_db_check_entry(gnutls_session_t s, gnutls_datum_t entry)
{
    (void)s;
    (void)entry;
    return 0; /* deprecated in GnuTLS: entries are checked on retrieval */
}

/* Entries of the anti-replay database (early.c): magic, time stored,
 * lifetime, 32 bits each, as GnuTLS packs them. */
#define AR_ENTRY_MAGIC (0xfadebaddu + 0x030709u)
static int ar_entry(const gnutls_datum_t *e, time_t *t, time_t *life)
{
    const unsigned char *p = e->data;
    if (e->size != 12)
        return 0;
    uint32_t v[3];
    for (int i = 0; i < 3; i++)
        v[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) | ((uint32_t)p[4 * i + 2] << 8) | p[4 * i + 3];
    if (v[0] != AR_ENTRY_MAGIC)
        return 0;
    *t = (time_t)v[1];
    *life = (time_t)v[2];
    return 1;
}

time_t gnutls_db_check_entry_time(gnutls_datum_t *entry)
{
    time_t t, life;
    if (entry == NULL || entry->data == NULL)
        return 0;
    if (ar_entry(entry, &t, &life))
        return t;
    const unsigned char *p = entry->data;
    SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &p, (long)entry->size);
    if (sess == NULL)
        return 0;
    t = (time_t)SSL_SESSION_get_time(sess);
    SSL_SESSION_free(sess);
    return t;
}

time_t gnutls_db_check_entry_expire_time(gnutls_datum_t *entry)
{
    time_t t, life;
    if (entry == NULL || entry->data == NULL)
        return 0;
    if (ar_entry(entry, &t, &life))
        return t + life;
    const unsigned char *p = entry->data;
    SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &p, (long)entry->size);
    if (sess == NULL)
        return 0;
    t = (time_t)SSL_SESSION_get_time(sess) + (time_t)SSL_SESSION_get_timeout(sess);
    SSL_SESSION_free(sess);
    return t;
}

/* SSL_CTX_sess_set_new_cb: hand a new server session to the store function. */
int gnossl_db_new_session(SSL *ssl, SSL_SESSION *sess)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s == NULL || !s->is_server || s->db_store == NULL || s->db_retrieve == NULL)
        return 0;
    unsigned idlen = 0;
    const unsigned char *id = SSL_SESSION_get_id(sess, &idlen);
    if (idlen == 0)
        return 0;
    SSL_SESSION_set_timeout(sess, expiration(s));
    int len = i2d_SSL_SESSION(sess, NULL);
    if (len <= 0)
        return 0;
    unsigned char *buf = gnutls_malloc((size_t)len);
    if (buf == NULL)
        return 0;
    unsigned char *q = buf;
    i2d_SSL_SESSION(sess, &q);
    gnutls_datum_t key = {(unsigned char *)id, idlen}, data = {buf, (unsigned)len};
    if (s->db_store(s->db_ptr, key, data) != 0)
        gnossl_debug("gnossl: the session store function failed");
    gnutls_free(buf);
    return 0; /* we keep no reference */
}

/* SSL_CTX_sess_set_get_cb: look a resuming client's session ID up. */
SSL_SESSION *gnossl_db_get_session(SSL *ssl, const unsigned char *id, int idlen, int *copy)
{
    *copy = 0;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    /* A session made by gnutls_session_set_premaster (premaster.c). */
    if (s != NULL && s->is_server && s->resume_sess != NULL && idlen > 0) {
        unsigned int n;
        const unsigned char *sid = SSL_SESSION_get_id(s->resume_sess, &n);
        if (n == (unsigned)idlen && memcmp(sid, id, n) == 0 && SSL_SESSION_up_ref(s->resume_sess))
            return s->resume_sess;
    }
    if (s == NULL || s->db_retrieve == NULL || s->db_store == NULL || idlen <= 0)
        return NULL;
    gnutls_datum_t key = {(unsigned char *)id, (unsigned)idlen};
    gnutls_datum_t data = s->db_retrieve(s->db_ptr, key);
    if (data.data == NULL || data.size == 0)
        return NULL;
    const unsigned char *p = data.data;
    SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &p, (long)data.size);
    gnutls_free(data.data);
    if (sess != NULL && (time_t)(SSL_SESSION_get_time(sess) + SSL_SESSION_get_timeout(sess)) < time(NULL)) {
        SSL_SESSION_free(sess);
        return NULL; /* expired */
    }
    return sess;
}
