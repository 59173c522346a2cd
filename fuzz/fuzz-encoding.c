/* Fuzz the base64 / PEM / hex decoders.  Byte 0 picks the decoder; besides
 * "no crash, no leak" it checks round trips: what an encoder produces its
 * decoder gives back unchanged. */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void same(const gnutls_datum_t *a, const uint8_t *b, size_t n, const char *what)
{
    if (a->size != n || (n && memcmp(a->data, b, n) != 0)) {
        fprintf(stderr, "%s round trip changed the data (%u vs %zu bytes)\n", what, a->size, n);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        gnutls_global_init();
        ready = 1;
    }
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    gnutls_datum_t in = {(unsigned char *)data + 1, (unsigned)(size - 1)};
    gnutls_datum_t out = {NULL, 0}, back = {NULL, 0};
    unsigned char buf[4096];
    size_t bl = sizeof buf;
    switch (mode % 8) {
    case 0:
        gnutls_base64_decode2(&in, &out);
        break;
    case 1:
        gnutls_pem_base64_decode2(NULL, &in, &out);
        break;
    case 2:
        gnutls_pem_base64_decode2("CERTIFICATE", &in, &out);
        gnutls_pem_base64_decode("CERTIFICATE", &in, buf, &bl);
        break;
    case 3:
        gnutls_hex_decode2(&in, &out);
        gnutls_hex_decode(&in, buf, &bl);
        break;
    case 4: {
        char *s = malloc(size);
        memcpy(s, data + 1, size - 1);
        s[size - 1] = 0;
        gnutls_hex2bin(s, strlen(s), buf, &bl);
        free(s);
        break;
    }
    case 5: /* base64 round trip */
        if (gnutls_base64_encode2(&in, &out) == 0) {
            if (gnutls_base64_decode2(&out, &back) != 0) {
                if (size > 1)
                    abort();
            } else {
                same(&back, data + 1, size - 1, "base64");
            }
        }
        break;
    case 6: /* PEM round trip */
        if (gnutls_pem_base64_encode2("FUZZ DATA", &in, &out) == 0) {
            if (gnutls_pem_base64_decode2("FUZZ DATA", &out, &back) != 0) {
                if (size > 1)
                    abort();
            } else {
                same(&back, data + 1, size - 1, "PEM");
            }
        }
        break;
    case 7: /* hex round trip */
        if (gnutls_hex_encode2(&in, &out) == 0) {
            if (gnutls_hex_decode2(&out, &back) != 0) {
                if (size > 1)
                    abort();
            } else {
                same(&back, data + 1, size - 1, "hex");
            }
        }
        break;
    }
    gnutls_free(out.data);
    gnutls_free(back.data);
    return 0;
}
