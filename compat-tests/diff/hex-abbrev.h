/* Prints " label=<hex>"; beyond 48 bytes only the first and last 24, which
 * are enough to compare long outputs. */
#ifndef HEX_ABBREV_H
#define HEX_ABBREV_H

#include <stdio.h>

static inline void hex(const char *label, const unsigned char *p, size_t n)
{
    printf(" %s=", label);
    if (n > 48) {
        for (size_t i = 0; i < 24; i++)
            printf("%02x", p[i]);
        printf("..");
        p += n - 24;
        n = 24;
    }
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

#endif
