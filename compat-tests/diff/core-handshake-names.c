/* Differential: handshake message names for every value up to 1100. */
#include <gnutls/gnutls.h>
#include <stdio.h>

int main(void)
{
    for (int t = -2; t < 1100; t++) {
        const char *n = gnutls_handshake_description_get_name((gnutls_handshake_description_t)t);
        printf("%d %s\n", t, n ? n : "(null)");
    }
    return 0;
}
