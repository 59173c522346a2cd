/* The memory hooks are exported *variables* holding function pointers: an
 * application compiles gnutls_free(p) as a load of gnutls_free followed by an
 * indirect call, and some programs copy these variables into their own image
 * at load time (copy relocations), before any constructor of ours runs.  So
 * they must be initialised statically, to libc-compatible functions. */
#include "gnossl.h"

#include <stdlib.h>
#include <string.h>

gnutls_alloc_function gnutls_malloc = malloc;
GNOSSL_EXPORT gnutls_alloc_function gnutls_secure_malloc = malloc;
gnutls_realloc_function gnutls_realloc = realloc;
gnutls_calloc_function gnutls_calloc = calloc;
char *(*gnutls_strdup)(const char *) = strdup;

/* gnutls.h defines a function-like macro named gnutls_free; the parentheses
 * keep it from expanding here. */
gnutls_free_function(gnutls_free) = free;

void gnutls_memset(void *data, int c, size_t size)
{
    /* volatile so that clearing secrets is never optimised away */
    volatile unsigned char *p = data;
    for (size_t i = 0; i < size; i++)
        p[i] = (unsigned char)c;
}

int gnutls_memcmp(const void *s1, const void *s2, size_t n)
{
    /* constant time: no early exit on the first difference */
    const unsigned char *a = s1, *b = s2;
    unsigned char diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= a[i] ^ b[i];
    return diff != 0;
}

void gnutls_global_set_mem_functions(gnutls_alloc_function alloc_func,
                                     gnutls_alloc_function secure_alloc_func,
                                     int (*is_secure_func)(const void *),
                                     gnutls_realloc_function realloc_func,
                                     gnutls_free_function free_func)
{
    /* Deprecated since GnuTLS 3.3 and a no-op there too: memory hooks can no
     * longer be replaced once the library is loaded. */
    (void)alloc_func, (void)secure_alloc_func, (void)is_secure_func;
    (void)realloc_func, (void)free_func;
    gnossl_debug("gnutls_global_set_mem_functions is deprecated and has no effect");
}
