/* Logging: the application's log and audit callbacks, and the level. */
#include "gnossl.h"

#include <stdarg.h>
#include <stdio.h>

/* GnuTLS exports its level as a private data symbol; we keep ours there too. */
GNOSSL_EXPORT int _gnutls_log_level = 0;

static gnutls_log_func log_func;
static gnutls_audit_log_func audit_func;

void gnutls_global_set_log_function(gnutls_log_func f) { log_func = f; }
void gnutls_global_set_audit_log_function(gnutls_audit_log_func f) { audit_func = f; }
void gnutls_global_set_log_level(int level) { _gnutls_log_level = level; }

int gnossl_log_level(void) { return _gnutls_log_level; }

/* Used when GNUTLS_DEBUG_LEVEL is set and the application gave no function. */
static void log_to_stderr(int level, const char *msg)
{
    fprintf(stderr, "gnutls[%d]: %s", level, msg);
}

void gnossl_log_from_env(int level)
{
    _gnutls_log_level = level;
    if (log_func == NULL)
        log_func = log_to_stderr;
}

void gnossl_log(int level, const char *fmt, ...)
{
    if (level > _gnutls_log_level || log_func == NULL)
        return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof buf - 2 ? (size_t)n : sizeof buf - 2;
    if (len == 0 || buf[len - 1] != '\n') {
        buf[len] = '\n';
        buf[len + 1] = '\0';
    }
    log_func(level, buf);
}

/* Audit messages report security-relevant events on a session. */
void gnossl_audit(gnutls_session_t session, const char *msg)
{
    if (audit_func)
        audit_func(session, msg);
    else
        gnossl_log(1, "audit: %s", msg);
}

int gnossl_err(int code, const char *func, int line)
{
    if (_gnutls_log_level >= 2)
        gnossl_log(2, "%s:%d: returning %d", func, line, code);
    return code;
}
