/* Shared by every generated stub: report, once per symbol, that an
 * unimplemented function was called.  Never touches OpenSSL's error queue. */
#include "gnossl.h"

#include <stdio.h>
#include <stdlib.h>

void gnossl_stub_called(const char *name, int *logged)
{
    if (__atomic_exchange_n(logged, 1, __ATOMIC_RELAXED))
        return;
    gnossl_log(1, "%s is not implemented", name);
    /* GnuTLS's debug-to-stderr path already prints via gnossl_log when the
     * application installed no log function; nothing else is printed. */
}
