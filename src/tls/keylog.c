/* Key logging: gnutls_session_set_keylog_function and SSLKEYLOGFILE.
 *
 * OpenSSL reports secrets only through a per-SSL_CTX callback.  The CTX
 * belongs to the credentials, so when a session wants key logging (the
 * application set a function, or SSLKEYLOGFILE is set) it installs one
 * process-wide dispatcher on its CTX; the dispatcher finds the session via
 * the SSL's ex_data, decodes OpenSSL's NSS-format line and calls the
 * session's GnuTLS-style function (label, raw secret).  The default
 * function appends NSS-format lines to $SSLKEYLOGFILE, as GnuTLS does. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t keylog_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t env_once = PTHREAD_ONCE_INIT;
static FILE *keylog_file;

static void env_init(void)
{
    const char *path = secure_getenv("SSLKEYLOGFILE");
    if (path != NULL && *path != 0)
        keylog_file = fopen(path, "a");
}

static int default_keylog(gnutls_session_t s, const char *label, const gnutls_datum_t *secret)
{
    pthread_once(&env_once, env_init);
    if (keylog_file == NULL || s->ssl == NULL)
        return 0;
    unsigned char cr[32];
    size_t n = SSL_get_client_random(s->ssl, cr, sizeof cr);
    pthread_mutex_lock(&keylog_lock);
    fprintf(keylog_file, "%s ", label);
    for (size_t i = 0; i < n; i++)
        fprintf(keylog_file, "%02x", cr[i]);
    fputc(' ', keylog_file);
    for (unsigned i = 0; i < secret->size; i++)
        fprintf(keylog_file, "%02x", secret->data[i]);
    fputc('\n', keylog_file);
    fflush(keylog_file);
    pthread_mutex_unlock(&keylog_lock);
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void gnossl_keylog_dispatch(const SSL *ssl, const char *line)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s == NULL)
        return;
    gnutls_keylog_func fn = s->keylog_set ? s->keylog : default_keylog;
    /* "LABEL <client random hex> <secret hex>" */
    const char *sp1 = strchr(line, ' ');
    const char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
    if (sp1 == NULL || sp2 == NULL || (size_t)(sp1 - line) >= 64)
        return;
    char label[64];
    memcpy(label, line, (size_t)(sp1 - line));
    label[sp1 - line] = 0;
    unsigned char secret[128];
    unsigned len = 0;
    for (const char *p = sp2 + 1; p[0] && p[1] && len < sizeof secret; p += 2) {
        int hi = hexval(p[0]), lo = hexval(p[1]);
        if (hi < 0 || lo < 0)
            break;
        secret[len++] = (unsigned char)(hi << 4 | lo);
    }
    gnossl_seal_note_secret(s, label, secret, len); /* for gnutls_alert_send */
    gnutls_datum_t d = {secret, len};
    if (fn != NULL)
        fn(s, label, &d);
    OPENSSL_cleanse(secret, sizeof secret);
}

int gnossl_keylog_env_wanted(void)
{
    pthread_once(&env_once, env_init);
    return keylog_file != NULL;
}

void gnossl_keylog_attach(gnutls_session_t s)
{
    pthread_once(&env_once, env_init);
    if ((s->keylog_set && s->keylog != NULL) || (!s->keylog_set && keylog_file != NULL)) {
        SSL_CTX *ctx = SSL_get_SSL_CTX(s->ssl);
        if (SSL_CTX_get_keylog_callback(ctx) != gnossl_keylog_dispatch)
            SSL_CTX_set_keylog_callback(ctx, gnossl_keylog_dispatch);
    }
}

void gnutls_session_set_keylog_function(gnutls_session_t s, gnutls_keylog_func func)
{
    if (s == NULL)
        return;
    s->keylog = func;
    s->keylog_set = 1;
    if (s->ssl != NULL)
        gnossl_keylog_attach(s);
}

gnutls_keylog_func gnutls_session_get_keylog_function(const gnutls_session_t s)
{
    if (s == NULL)
        return NULL;
    return s->keylog_set ? s->keylog : default_keylog;
}
