/* CHECK_HEX(got, want): the bytes at `got` start with the hex test vector
 * `want` (at most 1024 bytes). */
#ifndef CHECK_HEX_H
#define CHECK_HEX_H

#include <check.h>
#include <string.h>

#include "../diff/unhex.h"

#define CHECK_HEX(got, want)                                                                       \
    do {                                                                                           \
        unsigned char w_[1024];                                                                    \
        size_t n_ = unhex(want, w_);                                                               \
        ck_assert_msg(memcmp(got, w_, n_) == 0, "mismatch, want %s", want);                       \
    } while (0)

#endif
