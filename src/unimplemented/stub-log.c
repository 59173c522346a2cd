/* Shared by every generated stub: report, once per symbol, that an
 * unimplemented function was called.  Never touches OpenSSL's error queue. */
#include "gnossl.h"

#include <stdio.h>
#include <stdlib.h>

void gnossl_stub_called(const char *name, int *logged)
{
    /* Count the call as logged only once it could be seen: a stub first hit
     * with logging off still reports itself when logging is turned on. */
    if (gnossl_log_level() < 1 || __atomic_exchange_n(logged, 1, __ATOMIC_RELAXED))
        return;
    gnossl_log(1, "%s is not implemented", name);
    /* GnuTLS's debug-to-stderr path already prints via gnossl_log when the
     * application installed no log function; nothing else is printed. */
}
