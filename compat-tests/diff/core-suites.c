/* Differential: GnuTLS's cipher suite table through gnutls_cipher_suite_info
 * (every index, in order) and gnutls_cipher_suite_get_name for every
 * kx x cipher x MAC combination. */
#include <gnutls/gnutls.h>
#include <stdio.h>

int main(void)
{
    unsigned char id[2];
    gnutls_kx_algorithm_t kx;
    gnutls_cipher_algorithm_t cipher;
    gnutls_mac_algorithm_t mac;
    gnutls_protocol_t min;
    const char *name;
    size_t i;
    for (i = 0; (name = gnutls_cipher_suite_info(i, id, &kx, &cipher, &mac, &min)) != NULL; i++)
        printf("%zu %s %02x%02x kx=%d cipher=%d mac=%d min=%d\n", i, name, id[0], id[1], kx, cipher, mac, min);
    printf("entries=%zu; past end: %s\n", i, gnutls_cipher_suite_info(i + 1, NULL, NULL, NULL, NULL, NULL) ? "name" : "NULL");
    /* NULL output pointers are allowed. */
    printf("no outputs: %s\n", gnutls_cipher_suite_info(0, NULL, NULL, NULL, NULL, NULL));

    static const int macs[] = {0, 1, 2, 3, 6, 7, 8, 9, 200, 208};
    for (int k = -1; k <= 17; k++)
        for (int c = 0; c <= 42; c++)
            for (size_t m = 0; m < sizeof macs / sizeof macs[0]; m++) {
                name = gnutls_cipher_suite_get_name((gnutls_kx_algorithm_t)k, (gnutls_cipher_algorithm_t)c,
                                                    (gnutls_mac_algorithm_t)macs[m]);
                if (name != NULL)
                    printf("get_name(%d,%d,%d)=%s\n", k, c, macs[m], name);
            }
    return 0;
}
