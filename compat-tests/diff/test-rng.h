/* Deterministic "random" test inputs for the differential programs: an
 * xorshift64* generator from a seed each program picks (define RNG_SEED
 * before including), so both libraries see the same bytes on every run. */
#ifndef TEST_RNG_H
#define TEST_RNG_H

#include <stddef.h>
#include <stdint.h>

static uint64_t rng_state = RNG_SEED;

static inline uint32_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32);
}

static inline void fill(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)rng();
}

#endif
