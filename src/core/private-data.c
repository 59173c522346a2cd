/* Data symbols of GnuTLS's private interface (GNUTLS_PRIVATE_3_4), exported
 * only so that programs built against them still load; sizes match 3.7.9. */
#include "gnossl.h"

/* GnuTLS's table of big-number operations: 25 function pointers.  gnossl has
 * no such backend; the table is present and empty. */
GNOSSL_EXPORT void *_gnutls_mpi_ops[25];

/* The compiled-in default priority string, as Debian's build reports it. */
GNOSSL_EXPORT const char *_gnutls_default_priority_string = "NORMAL";
