/* gnossl internal header: every source file includes this first.
 *
 * The public GnuTLS headers are included with default visibility so that a
 * definition of a public function is exported; everything else in the
 * library is compiled with -fvisibility=hidden and stays internal.  The
 * version script generated from abi.symbols then assigns version nodes. */
#ifndef GNOSSL_H
#define GNOSSL_H

#pragma GCC visibility push(default)
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/dtls.h>
#include <gnutls/ocsp.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/self-test.h>
#include <gnutls/socket.h>
#include <gnutls/system-keys.h>
#include <gnutls/tpm.h>
#include <gnutls/urls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#pragma GCC visibility pop

#include <stddef.h>

/* For exported names that no public header declares (private data, etc). */
#define GNOSSL_EXPORT __attribute__((visibility("default")))

/* Log through the application's gnutls_global_set_log_function at `level`,
 * and to stderr when GNUTLS_DEBUG_LEVEL asks for it. */
void gnossl_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define gnossl_debug(...) gnossl_log(2, __VA_ARGS__)

/* Current log level (set by gnutls_global_set_log_level or GNUTLS_DEBUG_LEVEL). */
int gnossl_log_level(void);

/* Report `code` at debug level with the function that produced it, and return it:
 *   return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); */
#define GNOSSL_ERR(code) gnossl_err((code), __func__, __LINE__)
int gnossl_err(int code, const char *func, int line);

/* Called once per stub symbol (stubs are generated from abi.symbols). */
void gnossl_stub_called(const char *name, int *logged);

#endif
