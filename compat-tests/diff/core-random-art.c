/* Differential: gnutls_random_art over fingerprints of several sizes
 * (empty, short, SHA-1, SHA-256, long ones that saturate squares), key
 * types of every length (the title is cut at 16 characters), key sizes
 * that do and do not fit, and an unknown art type. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

static void show(const char *kt, unsigned bits, const unsigned char *fpr, size_t n, int type)
{
    gnutls_datum_t art = {NULL, 0};
    int ret = gnutls_random_art(type, kt, bits, (void *)fpr, n, &art);
    printf("type %d key '%s' %u bits, %zu bytes: %d\n", type, kt ? kt : "NULL", bits, n, ret);
    if (ret == 0) {
        printf("%s\n(size %u, strlen %zu)\n", (char *)art.data, art.size, strlen((char *)art.data));
        gnutls_free(art.data);
    }
}

int main(void)
{
    unsigned char fpr[256 + 2 * 7]; /* the longest walk at the last offset */
    unsigned s = 12345;
    for (unsigned i = 0; i < sizeof fpr; i++) {
        s = s * 1103515245u + 12345u;
        fpr[i] = (unsigned char)(s >> 16);
    }
    static const char *types[] = {"RSA", "DSA", "EC", "ECDSA", "EdDSA (Ed25519)", "RSA-PSS", "", "X",
                                  "a very long key type name", NULL};
    static const unsigned sizes[] = {0, 1, 256, 2048, 4096, 15360, 123456, 4294967295u};
    static const size_t lens[] = {0, 1, 2, 16, 20, 32, 48, 64, 128, 256};
    for (unsigned t = 0; t < sizeof types / sizeof *types; t++)
        for (unsigned z = 0; z < sizeof sizes / sizeof *sizes; z++)
            show(types[t], sizes[z], fpr, 20, GNUTLS_RANDOM_ART_OPENSSH);
    for (unsigned l = 0; l < sizeof lens / sizeof *lens; l++)
        for (unsigned off = 0; off < 3; off++)
            show("RSA", 2048, fpr + off * 7, lens[l], GNUTLS_RANDOM_ART_OPENSSH);
    static const unsigned char ones[64] = {[0 ... 63] = 0xff}, zeros[64] = {0};
    show("ECDSA", 256, ones, 64, GNUTLS_RANDOM_ART_OPENSSH);
    show("ECDSA", 256, zeros, 64, GNUTLS_RANDOM_ART_OPENSSH);
    show("RSA", 2048, fpr, 20, 0);
    show("RSA", 2048, fpr, 20, 2);
    return 0;
}
