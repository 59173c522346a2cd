/* The stub macros used by the generated stubs.c.
 *
 * A stub ignores its arguments: under the SysV calling convention the caller
 * owns the argument area, so a definition without parameters is safe for any
 * prototype.  That is also why this file does not include the public headers,
 * whose prototypes would clash with these parameterless definitions. */
#ifndef GNOSSL_STUBS_H
#define GNOSSL_STUBS_H

#include <stddef.h>
#include <time.h>

void gnossl_stub_called(const char *name, int *logged);

#define GNOSSL_UNIMPLEMENTED_FEATURE (-1250) /* GNUTLS_E_UNIMPLEMENTED_FEATURE */
#define GNUTLS_VERSION_UNKNOWN 0xff

#define GNOSSL_STUB_BODY(type, name, value)                                    \
    __attribute__((visibility("default"))) type name(void);                   \
    type name(void)                                                            \
    {                                                                          \
        static int logged;                                                     \
        gnossl_stub_called(#name, &logged);                                    \
        return value;                                                          \
    }

#define GNOSSL_STUB_INT(name) GNOSSL_STUB_BODY(long, name, GNOSSL_UNIMPLEMENTED_FEATURE)
#define GNOSSL_STUB_PTR(name) GNOSSL_STUB_BODY(void *, name, NULL)
#define GNOSSL_STUB_ZERO(name) GNOSSL_STUB_BODY(unsigned long, name, 0)
#define GNOSSL_STUB_TIME(name) GNOSSL_STUB_BODY(time_t, name, (time_t)-1)
#define GNOSSL_STUB_VALUE(name, value) GNOSSL_STUB_BODY(unsigned long, name, value)
#define GNOSSL_STUB_VOID(name)                                                 \
    __attribute__((visibility("default"))) void name(void);                   \
    void name(void)                                                            \
    {                                                                          \
        static int logged;                                                     \
        gnossl_stub_called(#name, &logged);                                    \
    }

#endif
