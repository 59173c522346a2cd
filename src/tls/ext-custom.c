/* Application-defined hello extensions: gnutls_ext_register (process-wide),
 * gnutls_session_ext_register (one session), their private data
 * (gnutls_ext_set_data / get_data) and gnutls_ext_get_current_msg.
 *
 * OpenSSL 3.0 keeps custom extensions per SSL_CTX (SSL_new copies them),
 * and the CTXs are shared by every session of the same credentials.  So
 * each extension number any application registered gets one dispatcher
 * on the CTXs, the same for all numbers, valid in every hello message; at
 * run time it finds the session and its registration and does nothing for
 * a session that has none, so sharing the CTX changes nothing for the
 * other sessions.  New CTXs get the dispatchers when they are made
 * (gnossl_tls_ctx_setup).  A CTX is never changed once sessions use it
 * (OpenSSL has no lock around its custom extensions, and SSL_new reads
 * them): the first registration of a new number bumps a generation, and
 * the credentials room replaces CTXs made under an older one
 * (gnossl_ext_custom_generation).
 *
 * What OpenSSL cannot do: numbers it handles itself cannot be registered
 * (GNUTLS_E_ALREADY_REGISTERED), a server answers only extensions the
 * client sent (GNUTLS_EXT_FLAG_IGNORE_CLIENT_REQUEST is not honoured), all
 * application extensions of a hello are parsed together before the
 * built-in ones (GnuTLS parses by gnutls_ext_parse_type_t; a server's
 * GNUTLS_EXT_MANDATORY and _APPLICATION ones are parsed from the
 * ClientHello callback, before the post-client-hello function), and the
 * pack/unpack functions are not called (resumption data is OpenSSL's).
 * GnuTLS 3.7.9 does not apply GNUTLS_EXT_FLAG_TLS / _DTLS either. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/ext-custom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REGISTERED 32 /* GnuTLS has room for about as many */

struct reg {
    unsigned id;
    char *name;
    unsigned flags; /* gnutls_ext_flags_t: the messages it may be in */
    gnutls_ext_parse_type_t parse_type;
    gnutls_ext_recv_func recv;
    gnutls_ext_send_func send;
    gnutls_ext_deinit_data_func deinit;
};

struct slot {
    unsigned id;
    gnutls_ext_priv_data_t priv;
};

struct gnossl_ext_custom {
    struct reg regs[MAX_REGISTERED];
    unsigned n_regs;
    struct slot data[MAX_REGISTERED * 2]; /* gnutls_ext_set_data */
    unsigned n_data;
    unsigned msg; /* GNUTLS_EXT_FLAG_* of the message being handled */
    unsigned early[MAX_REGISTERED * 2]; /* ClientHello extensions already parsed (hello_early) */
    unsigned n_early;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct reg global[MAX_REGISTERED]; /* gnutls_ext_register */
static unsigned n_global;
static unsigned known[MAX_REGISTERED * 4]; /* numbers with a dispatcher */
static unsigned n_known;

#define MSG_MASK                                                                                   \
    (GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO |                           \
     GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO | GNUTLS_EXT_FLAG_EE | GNUTLS_EXT_FLAG_HRR)
#define DEFAULT_MSGS (GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO | GNUTLS_EXT_FLAG_EE)
#define CONTEXTS                                                                                   \
    (SSL_EXT_CLIENT_HELLO | SSL_EXT_TLS1_2_SERVER_HELLO | SSL_EXT_TLS1_3_SERVER_HELLO |            \
     SSL_EXT_TLS1_3_ENCRYPTED_EXTENSIONS | SSL_EXT_TLS1_3_HELLO_RETRY_REQUEST)

static unsigned msg_of_context(unsigned context)
{
    if (context & SSL_EXT_CLIENT_HELLO)
        return GNUTLS_EXT_FLAG_CLIENT_HELLO;
    if (context & SSL_EXT_TLS1_2_SERVER_HELLO)
        return GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO;
    if (context & SSL_EXT_TLS1_3_SERVER_HELLO)
        return GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO;
    if (context & SSL_EXT_TLS1_3_ENCRYPTED_EXTENSIONS)
        return GNUTLS_EXT_FLAG_EE;
    if (context & SSL_EXT_TLS1_3_HELLO_RETRY_REQUEST)
        return GNUTLS_EXT_FLAG_HRR;
    return 0;
}

static struct gnossl_ext_custom *state(gnutls_session_t s)
{
    if (s->ext_custom == NULL)
        s->ext_custom = calloc(1, sizeof(struct gnossl_ext_custom));
    return s->ext_custom;
}

/* The registration that handles `id` for this session: its own first
 * (GnuTLS lets a session shadow a process-wide one), copied out so that
 * no lock is held while the application's callback runs. */
static int lookup(const struct gnossl_ext_custom *st, unsigned id, struct reg *out)
{
    for (unsigned i = 0; st != NULL && i < st->n_regs; i++)
        if (st->regs[i].id == id) {
            *out = st->regs[i];
            return 1;
        }
    int found = 0;
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < n_global && !found; i++)
        if (global[i].id == id) {
            *out = global[i];
            found = 1;
        }
    pthread_mutex_unlock(&lock);
    return found;
}

/* A callback failed with GnuTLS code `r`: the handshake returns it and the
 * peer gets the alert GnuTLS would send for it. */
static void fail(gnutls_session_t s, int r, int *al)
{
    int level;
    int a = gnutls_error_to_alert(r, &level);
    s->pending_error = r;
    *al = a >= 0 ? a : SSL_AD_INTERNAL_ERROR;
}

static int add_cb(SSL *ssl, unsigned ext_type, unsigned context, const unsigned char **out,
                  size_t *outlen, X509 *x, size_t chainidx, int *al, void *arg)
{
    (void)x, (void)chainidx, (void)arg;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    struct reg r;
    unsigned msg = msg_of_context(context);
    if (s == NULL || !lookup(s->ext_custom, ext_type, &r) || r.send == NULL || !(r.flags & msg) || state(s) == NULL)
        return 0;
    /* a resumed TLS 1.2 ServerHello carries only GNUTLS_EXT_MANDATORY ones */
    if (msg == GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO && SSL_session_reused(ssl) && r.parse_type != GNUTLS_EXT_MANDATORY)
        return 0;
    struct {
        uint8_t *allocd, *data;
        size_t max_length, length;
    } buf = {NULL, NULL, 0, 0}; /* gnutls_buffer_t's layout (core/buffer.c) */
    s->ext_custom->msg = msg;
    int ret = r.send(s, (gnutls_buffer_t)&buf);
    if (ret < 0 && ret != GNUTLS_E_INT_RET_0) {
        gnutls_free(buf.allocd);
        fail(s, ret, al);
        return -1;
    }
    if (buf.length == 0 && ret != GNUTLS_E_INT_RET_0) {
        gnutls_free(buf.allocd);
        return 0; /* nothing appended: not sent */
    }
    unsigned char *copy = OPENSSL_malloc(buf.length ? buf.length : 1);
    if (copy == NULL) {
        gnutls_free(buf.allocd);
        fail(s, GNUTLS_E_MEMORY_ERROR, al);
        return -1;
    }
    if (buf.length)
        memcpy(copy, buf.data, buf.length);
    *out = copy;
    *outlen = buf.length;
    gnutls_free(buf.allocd);
    return 1;
}

static void free_cb(SSL *ssl, unsigned ext_type, unsigned context, const unsigned char *out, void *arg)
{
    (void)ssl, (void)ext_type, (void)context, (void)arg;
    OPENSSL_free((void *)out);
}

/* Whether `id` was parsed by hello_early for this ClientHello (and forget
 * it: a ClientHello after a HelloRetryRequest is parsed again). */
static int take_early(struct gnossl_ext_custom *st, unsigned id)
{
    for (unsigned i = 0; i < st->n_early; i++)
        if (st->early[i] == id) {
            st->early[i] = st->early[--st->n_early];
            return 1;
        }
    return 0;
}

static int parse_cb(SSL *ssl, unsigned ext_type, unsigned context, const unsigned char *in,
                    size_t inlen, X509 *x, size_t chainidx, int *al, void *arg)
{
    (void)x, (void)chainidx, (void)arg;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    struct reg r;
    unsigned msg = msg_of_context(context);
    if (s == NULL || !lookup(s->ext_custom, ext_type, &r) || r.recv == NULL || state(s) == NULL)
        return 1; /* not the application's: ignored, as GnuTLS ignores unknown ones */
    if (msg == GNUTLS_EXT_FLAG_CLIENT_HELLO && take_early(s->ext_custom, ext_type))
        return 1;
    if (!(r.flags & msg)) {
        fail(s, GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION, al);
        return 0;
    }
    s->ext_custom->msg = msg;
    int ret = r.recv(s, in, inlen);
    if (ret < 0) {
        fail(s, ret, al);
        return 0;
    }
    return 1;
}

int gnossl_ext_custom_hello_early(gnutls_session_t s, SSL *ssl)
{
    static const gnutls_ext_parse_type_t phases[] = {GNUTLS_EXT_MANDATORY, GNUTLS_EXT_APPLICATION};
    struct gnossl_ext_custom *st = s->ext_custom;
    int *ids = NULL;
    size_t n = 0;
    if ((st == NULL && n_global == 0) || (st = state(s)) == NULL || st->n_early > 0)
        return 0; /* nothing registered, or a retried callback: parsed already */
    if (!SSL_client_hello_get1_extensions_present(ssl, &ids, &n))
        return 0;
    int ret = 0;
    for (size_t ph = 0; ph < 2 && ret == 0; ph++)
        for (size_t i = 0; i < n && ret == 0; i++) {
            struct reg r;
            const unsigned char *data;
            size_t len;
            unsigned id = (unsigned)ids[i];
            if (!lookup(st, id, &r) || r.recv == NULL || r.parse_type != phases[ph] ||
                !(r.flags & GNUTLS_EXT_FLAG_CLIENT_HELLO) || st->n_early == sizeof st->early / sizeof st->early[0] ||
                !SSL_client_hello_get0_ext(ssl, id, &data, &len))
                continue;
            st->early[st->n_early++] = id;
            st->msg = GNUTLS_EXT_FLAG_CLIENT_HELLO;
            ret = r.recv(s, data, len);
        }
    OPENSSL_free(ids);
    return ret < 0 ? ret : 0;
}

static int is_known(unsigned id)
{
    for (unsigned i = 0; i < n_known; i++)
        if (known[i] == id)
            return 1;
    return 0;
}

/* Under `lock`: numbers OpenSSL handles itself cannot get a dispatcher. */
static int make_known(unsigned id)
{
    if (is_known(id))
        return 0;
    if (id > 0xffff || SSL_extension_supported(id) || n_known == sizeof known / sizeof known[0])
        return GNUTLS_E_ALREADY_REGISTERED;
    known[n_known] = id;
    __atomic_store_n(&n_known, n_known + 1, __ATOMIC_RELEASE); /* the generation */
    return 0;
}

unsigned gnossl_ext_custom_generation(void)
{
    return __atomic_load_n(&n_known, __ATOMIC_ACQUIRE);
}

/* Under `lock`, on a CTX no session uses yet. */
static void add_dispatcher(SSL_CTX *ctx, unsigned id)
{
    if (!SSL_CTX_has_client_custom_ext(ctx, id))
        SSL_CTX_add_custom_ext(ctx, id, CONTEXTS, add_cb, free_cb, NULL, parse_cb, NULL);
}

void gnossl_ext_custom_ctx_setup(SSL_CTX *ctx)
{
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < n_known; i++)
        add_dispatcher(ctx, known[i]);
    pthread_mutex_unlock(&lock);
}

int gnutls_ext_register(const char *name, int id, gnutls_ext_parse_type_t parse_type,
                        gnutls_ext_recv_func recv_func, gnutls_ext_send_func send_func,
                        gnutls_ext_deinit_data_func deinit_func, gnutls_ext_pack_func pack_func,
                        gnutls_ext_unpack_func unpack_func)
{
    (void)pack_func, (void)unpack_func;
    if (gnossl_ext_is_builtin((unsigned)id))
        return GNOSSL_ERR(GNUTLS_E_ALREADY_REGISTERED);
    char *name_copy = name != NULL ? strdup(name) : NULL; /* kept for the process, as GnuTLS does */
    pthread_mutex_lock(&lock);
    int r = 0;
    for (unsigned i = 0; i < n_global; i++)
        if (global[i].id == (unsigned)id)
            r = GNUTLS_E_ALREADY_REGISTERED;
    if (r == 0 && n_global == MAX_REGISTERED)
        r = GNUTLS_E_MEMORY_ERROR;
    if (r == 0)
        r = make_known((unsigned)id);
    if (r == 0)
        global[n_global++] = (struct reg){(unsigned)id, name_copy, DEFAULT_MSGS, parse_type, recv_func,
                                          send_func, deinit_func};
    else
        free(name_copy);
    pthread_mutex_unlock(&lock);
    return r < 0 ? GNOSSL_ERR(r) : 0;
}

/* The built-in extensions GnuTLS 3.7.9 lets a session override (checked
 * in diff-tls-ext-custom); OpenSSL handles all but 27 and 28 itself, so
 * make_known refuses those. */
static int overridable(unsigned id)
{
    static const unsigned ids[] = {1, 11, 21, 27, 28, 41, 42, 44, 45};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (ids[i] == id)
            return 1;
    return 0;
}

int gnutls_session_ext_register(gnutls_session_t session, const char *name, int id,
                                gnutls_ext_parse_type_t parse_type, gnutls_ext_recv_func recv_func,
                                gnutls_ext_send_func send_func, gnutls_ext_deinit_data_func deinit_func,
                                gnutls_ext_pack_func pack_func, gnutls_ext_unpack_func unpack_func,
                                unsigned flags)
{
    (void)pack_func, (void)unpack_func;
    if (session == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (gnossl_ext_is_builtin((unsigned)id) &&
        (!(flags & GNUTLS_EXT_FLAG_OVERRIDE_INTERNAL) || !overridable((unsigned)id)))
        return GNOSSL_ERR(GNUTLS_E_ALREADY_REGISTERED);
    struct gnossl_ext_custom *st = state(session);
    if (st == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; i < st->n_regs; i++)
        if (st->regs[i].id == (unsigned)id)
            return GNOSSL_ERR(GNUTLS_E_ALREADY_REGISTERED);
    if (st->n_regs == MAX_REGISTERED)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pthread_mutex_lock(&lock);
    int r = make_known((unsigned)id);
    pthread_mutex_unlock(&lock);
    if (r < 0)
        return GNOSSL_ERR(r);
    if (!(flags & MSG_MASK))
        flags |= DEFAULT_MSGS;
    char *name_copy = name != NULL ? strdup(name) : NULL;
    st->regs[st->n_regs++] = (struct reg){(unsigned)id, name_copy, flags, parse_type, recv_func, send_func,
                                          deinit_func};
    return 0;
}

static void release(gnutls_session_t s, const struct slot *d)
{
    struct reg r;
    if (d->priv != NULL && lookup(s->ext_custom, d->id, &r) && r.deinit != NULL)
        r.deinit(d->priv);
}

void gnutls_ext_set_data(gnutls_session_t session, unsigned tls_id, gnutls_ext_priv_data_t data)
{
    struct reg r;
    struct gnossl_ext_custom *st;
    if (session == NULL || !lookup(session->ext_custom, tls_id, &r) || (st = state(session)) == NULL)
        return;
    for (unsigned i = 0; i < st->n_data; i++)
        if (st->data[i].id == tls_id) {
            release(session, &st->data[i]);
            st->data[i].priv = data;
            return;
        }
    if (st->n_data < sizeof st->data / sizeof st->data[0])
        st->data[st->n_data++] = (struct slot){tls_id, data};
}

int gnutls_ext_get_data(gnutls_session_t session, unsigned tls_id, gnutls_ext_priv_data_t *data)
{
    struct gnossl_ext_custom *st = session != NULL ? session->ext_custom : NULL;
    for (unsigned i = 0; st != NULL && i < st->n_data; i++)
        if (st->data[i].id == tls_id) {
            *data = st->data[i].priv;
            return 0;
        }
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

int gnossl_ext_custom_name(gnutls_session_t s, unsigned id, int parse_point, const char **name)
{
    struct reg r;
    if (!lookup(s != NULL ? s->ext_custom : NULL, id, &r))
        return 0;
    *name = parse_point == GNUTLS_EXT_ANY || (int)r.parse_type == parse_point ? r.name : NULL;
    return 1;
}

unsigned gnutls_ext_get_current_msg(gnutls_session_t session)
{
    return session != NULL && session->ext_custom != NULL ? session->ext_custom->msg : 0;
}

void gnossl_ext_custom_free(gnutls_session_t s)
{
    struct gnossl_ext_custom *st = s->ext_custom;
    if (st == NULL)
        return;
    for (unsigned i = 0; i < st->n_data; i++)
        release(s, &st->data[i]);
    for (unsigned i = 0; i < st->n_regs; i++)
        free(st->regs[i].name);
    free(st);
    s->ext_custom = NULL;
}
