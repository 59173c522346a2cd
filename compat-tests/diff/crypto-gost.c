/* Differential: the GOST helpers that need no GOST crypto.
 * gnutls_encode/decode_gost_rs_value (the GOST R 34.10 signature layout,
 * s || r of equal halves) over chosen and odd-sized inputs, and the GOST raw
 * exports asked about the keys and certificates gnossl can hold (RSA,
 * ECDSA): GnuTLS refuses a key of another algorithm. */
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

static const char ed25519_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIH5shH78EjrbNWDthFnC6ef5p3hvkBxv05ORY+EQU2iS\n"
    "-----END PRIVATE KEY-----\n";
static const char dsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIBWgIBADCCATMGByqGSM44BAEwggEmAoGBAPqFyuRW/1b8sX4i4CIcsVhNd7N2\n"
    "iwrGT0qARAfYiViqbMDMEMHrvvNHuYrkmSx874rdzu9ha1C0uCP0vim5s9XYBbVz\n"
    "2rUqn/ZMl6QsQq2P2yrd20LmxteyNkIEGk9hQi06r/DZ7iv3cnT+P7ZcE+z5HNj4\n"
    "h10Ptb3lHCKQZCDNAh0AlWq0FdHxATxN74DWxFdcYpkCimws9O8HvG7txwKBgE9Z\n"
    "vtOxzOZ1xm5EPh/FdG306CnuGAnZEwlmkaNY8WavoQ4OadNwpmECFItM8fW8e4Zf\n"
    "mOQJX6CeLsL6X7RkdVTIGVr0V77HE9Vii4MOo8cFUvezqW9b0ZQp250nEpfOVJUT\n"
    "/+gPzP5aBWnRg5sqjwNPvD+JO+sGF2PKbJyln9qGBB4CHED2HZi3u2TMGfaetUly\n"
    "nMtBi+0B663DsdFRFKw=\n"
    "-----END PRIVATE KEY-----\n";

static void hex(const char *label, const gnutls_datum_t *d)
{
    printf(" %s=", label);
    if (d->data == NULL)
        printf("(null)");
    for (unsigned i = 0; d->data != NULL && i < d->size; i++)
        printf("%02x", d->data[i]);
    printf("/%u", d->size);
}

static void encode(const char *rs, unsigned rn, const char *ss, unsigned sn)
{
    gnutls_datum_t r = {(unsigned char *)rs, rn}, s = {(unsigned char *)ss, sn}, sig = {NULL, 0};
    int ret = gnutls_encode_gost_rs_value(&sig, &r, &s);
    printf("encode r/%u s/%u: %d", rn, sn, ret);
    if (ret == 0)
        hex("sig", &sig);
    printf("\n");
    gnutls_free(sig.data);
}

static void decode(const char *v, unsigned n)
{
    gnutls_datum_t sig = {(unsigned char *)v, n}, r = {NULL, 0}, s = {NULL, 0};
    int ret = gnutls_decode_gost_rs_value(&sig, &r, &s);
    printf("decode /%u: %d", n, ret);
    if (ret == 0) {
        hex("r", &r);
        hex("s", &s);
    }
    printf("\n");
    gnutls_free(r.data);
    gnutls_free(s.data);
}

/* Prints the outputs of a GOST raw export, frees them and resets them all. */
static void show(gnutls_ecc_curve_t *curve, gnutls_digest_algorithm_t *dig, gnutls_gost_paramset_t *ps,
                 gnutls_datum_t *x, gnutls_datum_t *y, gnutls_datum_t *k)
{
    printf(" curve=%d dig=%d paramset=%d", (int)*curve, (int)*dig, (int)*ps);
    gnutls_datum_t *d[3] = {x, y, k};
    static const char *names[3] = {"x", "y", "k"};
    for (int i = 0; i < 3; i++) {
        hex(names[i], d[i]);
        gnutls_free(d[i]->data);
        d[i]->data = NULL;
        d[i]->size = 0;
    }
    printf("\n");
    *curve = 77, *dig = 77, *ps = 77;
}

static void exports(const char *name, const char *key_pem, const char *crt_pem)
{
    gnutls_datum_t k = {(unsigned char *)key_pem, (unsigned)strlen(key_pem)};
    gnutls_datum_t c = {(unsigned char *)crt_pem, crt_pem ? (unsigned)strlen(crt_pem) : 0};
    gnutls_datum_t x = {NULL, 0}, y = {NULL, 0}, d = {NULL, 0};
    gnutls_ecc_curve_t curve = 77;
    gnutls_digest_algorithm_t dig = 77;
    gnutls_gost_paramset_t ps = 77;
    gnutls_x509_privkey_t xk;
    gnutls_privkey_t pk;
    gnutls_pubkey_t pub;
    gnutls_x509_crt_t crt;

    gnutls_x509_privkey_init(&xk);
    gnutls_x509_privkey_import(xk, &k, GNUTLS_X509_FMT_PEM);
    printf("%s x509_privkey_export_gost_raw: %d", name,
           gnutls_x509_privkey_export_gost_raw(xk, &curve, &dig, &ps, &x, &y, &d));
    show(&curve, &dig, &ps, &x, &y, &d);
    gnutls_privkey_init(&pk);
    gnutls_privkey_import_x509(pk, xk, GNUTLS_PRIVKEY_IMPORT_COPY);
    printf("%s privkey_export_gost_raw2: %d", name,
           gnutls_privkey_export_gost_raw2(pk, &curve, &dig, &ps, &x, &y, &d, 0));
    show(&curve, &dig, &ps, &x, &y, &d);
    gnutls_pubkey_init(&pub);
    gnutls_pubkey_import_privkey(pub, pk, 0, 0);
    printf("%s pubkey_export_gost_raw2: %d\n", name,
           gnutls_pubkey_export_gost_raw2(pub, &curve, &dig, &ps, &x, &y, 0));
    if (crt_pem != NULL) {
        gnutls_x509_crt_init(&crt);
        gnutls_x509_crt_import(crt, &c, GNUTLS_X509_FMT_PEM);
        printf("%s x509_crt_get_pk_gost_raw: %d\n", name,
               gnutls_x509_crt_get_pk_gost_raw(crt, &curve, &dig, &ps, &x, &y));
        gnutls_x509_crt_deinit(crt);
    }
    printf("%s after all: curve=%d dig=%d paramset=%d", name, (int)curve, (int)dig, (int)ps);
    hex("x", &x);
    hex("y", &y);
    hex("k", &d);
    printf("\n");
    gnutls_pubkey_deinit(pub);
    gnutls_privkey_deinit(pk);
    gnutls_x509_privkey_deinit(xk);
}

int main(void)
{
    static const char a[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10"
                            "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20";
    static const char b[] = "\x00\x00\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2"
                            "\xf1\xf0\xef\xee\xed\xec\xeb\xea\xe9\xe8\xe7\xe6\xe5\xe4\xe3\xe2";
    gnutls_global_init();
    encode(a, 32, b, 32);
    encode(b, 32, a, 32);
    encode(a, 1, b, 1);
    encode(a, 31, b, 32);
    encode(a, 32, b, 31);
    encode(a, 0, b, 0);
    decode(a, 32);
    decode(b, 32);
    decode(a, 2);
    decode(a, 31);
    decode(a, 1);
    decode(a, 0);
    {
        /* a round trip of a 64-byte (GOST R 34.10-2012 512-bit) signature */
        char big[128];
        for (int i = 0; i < 128; i++)
            big[i] = (char)(i * 7 + 3);
        decode(big, 128);
        encode(big, 64, big + 64, 64);
    }
    exports("rsa", rsa_key, rsa_crt);
    exports("ecdsa", ec_key, ec_crt);
    exports("ed25519", ed25519_key, NULL);
    exports("dsa", dsa_key, NULL);
    gnutls_global_deinit();
    return 0;
}
