/* Shared by the self tests (self-test.c, self-test-pk.c). */
#ifndef GNOSSL_CRYPTO_SELF_TEST_H
#define GNOSSL_CRYPTO_SELF_TEST_H

#include <stddef.h>

/* Whether the N bytes at GOT are the hex string HEX. */
int gnossl_kat_matches(const char *hex, const unsigned char *got, size_t n);

#endif
