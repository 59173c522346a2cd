/* A GnuTLS return value as text for the differential programs: the number
 * when it is >= 0, the error's name otherwise ("?" for an unknown code).
 * Eight results stay valid at once, for several in one printf. */
#ifndef RET_CODE_H
#define RET_CODE_H

#include <gnutls/gnutls.h>
#include <stdio.h>

static inline const char *code(long r)
{
    static char b[8][64];
    static int i;
    i = (i + 1) % 8;
    if (r >= 0)
        snprintf(b[i], sizeof b[i], "%ld", r);
    else
        snprintf(b[i], sizeof b[i], "%s", gnutls_strerror_name((int)r) ? gnutls_strerror_name((int)r) : "?");
    return b[i];
}

#endif
