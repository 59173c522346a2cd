/* Differential: GnuTLS's private _gnutls_encode_ber_rs_raw and
 * _gnutls_decode_ber_rs_raw, which are what the public
 * gnutls_encode_rs_value/gnutls_decode_rs_value run: the same inputs
 * through both names, encodings and decodings printed. */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>

int _gnutls_encode_ber_rs_raw(gnutls_datum_t *sig_value, const gnutls_datum_t *r, const gnutls_datum_t *s);
int _gnutls_decode_ber_rs_raw(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s);

static void hex(const char *label, const gnutls_datum_t *d)
{
    printf(" %s=", label);
    for (unsigned i = 0; d->data != NULL && i < d->size; i++)
        printf("%02x", d->data[i]);
}

int main(void)
{
    static unsigned char a[] = {0x00, 0x00, 0x80, 0x01, 0x02, 0x03}, b[] = {0x7f, 0xff, 0x00, 0x10};
    static const struct {
        unsigned ro, rn, so, sn;
    } cases[] = {{0, 6, 0, 4}, {2, 4, 0, 1}, {1, 1, 2, 2}, {0, 1, 0, 1}, {3, 3, 1, 3}};
    gnutls_global_init();
    for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
        gnutls_datum_t r = {a + cases[i].ro, cases[i].rn}, s = {b + cases[i].so, cases[i].sn};
        for (int priv = 0; priv < 2; priv++) {
            gnutls_datum_t sig = {NULL, 0}, r2 = {NULL, 0}, s2 = {NULL, 0};
            int e = priv ? _gnutls_encode_ber_rs_raw(&sig, &r, &s) : gnutls_encode_rs_value(&sig, &r, &s);
            printf("%s case %u: encode %d", priv ? "private" : "public", i, e);
            if (e == 0) {
                hex("sig", &sig);
                int d = priv ? _gnutls_decode_ber_rs_raw(&sig, &r2, &s2) : gnutls_decode_rs_value(&sig, &r2, &s2);
                printf(" decode %d", d);
                hex("r", &r2);
                hex("s", &s2);
            }
            printf("\n");
            gnutls_free(sig.data);
            gnutls_free(r2.data);
            gnutls_free(s2.data);
        }
    }
    static unsigned char bad[] = {0x30, 0x03, 0x02, 0x01};
    gnutls_datum_t bd = {bad, sizeof bad}, r = {NULL, 0}, s = {NULL, 0};
    printf("truncated: public %d private %d\n", gnutls_decode_rs_value(&bd, &r, &s),
           _gnutls_decode_ber_rs_raw(&bd, &r, &s));
    gnutls_global_deinit();
    return 0;
}
