/* Hex text to bytes, for test vectors: reads pairs of hex digits until the
 * string ends; returns how many bytes it wrote to `out`. */
#ifndef UNHEX_H
#define UNHEX_H

#include <stddef.h>
#include <stdio.h>

static inline size_t unhex(const char *h, unsigned char *out)
{
    size_t n = 0;
    for (; h[0] && h[1]; h += 2) {
        unsigned v;
        sscanf(h, "%2x", &v);
        out[n++] = (unsigned char)v;
    }
    return n;
}

#endif
