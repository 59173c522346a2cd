/* What the library reports about its build and configuration. */
#include "gnossl.h"

#include <openssl/opensslv.h>
#include <stdlib.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

const char *gnutls_get_system_config_file(void)
{
    /* GnuTLS reads its priorities from here unless the environment says
     * otherwise; gnossl's priority code honours the same variable. */
    const char *env = secure_getenv("GNUTLS_SYSTEM_PRIORITY_FILE");
    return env != NULL ? env : "/etc/gnutls/config";
}

/* Name/value pairs as GnuTLS lists them, describing gnossl's own build: the
 * sonames are OpenSSL's because that is what does the work underneath. */
static const gnutls_library_config_st library_config[] = {
    {"libgnutls-soname", "libgnutls.so.30"},
    {"libssl-soname", "libssl.so." STR(OPENSSL_SHLIB_VERSION)},
    {"libcrypto-soname", "libcrypto.so." STR(OPENSSL_SHLIB_VERSION)},
    {"hardware-features", ""},
    {"tls-features", "alpn ocsp psk dhe ecdhe auth-anon"},
    {"default-system-config", "/etc/gnutls/config"},
    {NULL, NULL},
};

const gnutls_library_config_st *gnutls_get_library_config(void)
{
    return library_config;
}
