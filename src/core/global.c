/* Library initialisation: reference counted and thread safe, run implicitly
 * from a constructor (as GnuTLS does since 3.3) unless the application sets
 * GNUTLS_NO_IMPLICIT_INIT=1 or defines _gnutls_global_init_skip(). */
#include "gnossl.h"

#include <openssl/ssl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void gnossl_log_from_env(int level);

/* GnuTLS exports this private datum; it holds the library's version number. */
GNOSSL_EXPORT int _gnutls_global_version = GNUTLS_VERSION_NUMBER;

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned init_count;
static int init_result;

int gnutls_global_init(void)
{
    pthread_mutex_lock(&init_lock);
    if (init_count++ == 0) {
        const char *lvl = secure_getenv("GNUTLS_DEBUG_LEVEL");
        if (lvl != NULL)
            gnossl_log_from_env(atoi(lvl));
        /* Only the default initialisation: gnossl shares libssl with the
         * rest of the process and must not change its global settings. */
        init_result = OPENSSL_init_ssl(0, NULL) == 1 ? 0 : GNUTLS_E_CRYPTO_INIT_FAILED;
    }
    int ret = init_result;
    if (ret < 0)
        init_count--; /* a failed init can be retried and fails the same way */
    pthread_mutex_unlock(&init_lock);
    return ret;
}

void gnutls_global_deinit(void)
{
    pthread_mutex_lock(&init_lock);
    if (init_count > 0)
        init_count--;
    pthread_mutex_unlock(&init_lock);
}

/* An application may define its own _gnutls_global_init_skip() returning 1
 * (GNUTLS_SKIP_GLOBAL_INIT) to suppress the implicit initialisation. */
GNOSSL_EXPORT int _gnutls_global_init_skip(void);
int _gnutls_global_init_skip(void) { return 0; }

__attribute__((constructor)) static void gnossl_implicit_init(void)
{
    const char *e = secure_getenv("GNUTLS_NO_IMPLICIT_INIT");
    if (e != NULL && strcmp(e, "1") == 0)
        return;
    if (_gnutls_global_init_skip() != 0)
        return;
    (void)gnutls_global_init();
}

__attribute__((destructor)) static void gnossl_implicit_deinit(void)
{
    const char *e = secure_getenv("GNUTLS_NO_IMPLICIT_INIT");
    if ((e != NULL && strcmp(e, "1") == 0) || _gnutls_global_init_skip() != 0)
        return;
    gnutls_global_deinit();
}

const char *gnutls_check_version(const char *req_version)
{
    if (req_version == NULL || strverscmp(req_version, GNUTLS_VERSION) <= 0)
        return GNUTLS_VERSION;
    return NULL;
}
