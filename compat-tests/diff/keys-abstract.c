/* Differential test of the abstract key API's raw and generation functions
 * (src/x509/pubkey-import-raw.c, privkey-raw.c, privkey-generate.c,
 * privkey-decrypt.c): import public keys from raw parameters and compare
 * their SubjectPublicKeyInfo, export private keys' parameters with and
 * without leading zeros, generate keys, RSA PKCS#1 v1.5 decryption of a
 * ciphertext made by `openssl pkeyutl` and encryption round trips. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ext-key-cb.h"
#include "test-keys.h"

/* openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:pkcs1 with rsa_key
 * of the 48 bytes below. */
static const char ct_hex[] = "2ef6bdd2de743951822aabba8cf2ab1e8663a522180a3c09761ced61930aa7cef2633fd517f25301805409fc8336c00fccf16c4f4c4007111f5212e25c326b83d1520a8f93e05711344b182cfd925c3c44eee3451040c1c2120792a00c3a249ff4c23fa5cd10347577397fb1b5fa675e30b630e659cd58610a57c764d2d5722e70b11aa3568d7f50b90478a27fd10693ba19faa458a854f668373d204801d52a748677a89e923093bd82892cf0f9a26a36a97f6e443966ca02d9827294774844d265501524a67ca27e3ad005cf16018bdbc35f89eb230bb8d34f4a6c16f4dd9a0b660fdcf5d6a0579bcb2039fede98fb24bbdd14743578aa3719487aed6d0e8e";
static const char pt48[] = "gnossl secret 48 bytes..........................";

static void hex(const char *label, const gnutls_datum_t *d)
{
    printf("  %s (%u):", label, d->size);
    for (unsigned i = 0; i < d->size; i++)
        printf("%s%02x", i ? "" : " ", d->data[i]);
    printf("\n");
}

static void spki(const char *label, gnutls_pubkey_t k)
{
    gnutls_datum_t der;
    unsigned bits = 0;
    int pk = gnutls_pubkey_get_pk_algorithm(k, &bits);
    int r = gnutls_pubkey_export2(k, GNUTLS_X509_FMT_DER, &der);
    printf("%s: pk %d bits %u export %d\n", label, pk, bits, r);
    if (r == 0) {
        hex("spki", &der);
        gnutls_free(der.data);
    }
}

static void fr(gnutls_datum_t *d, int n)
{
    for (int i = 0; i < n; i++) {
        gnutls_free(d[i].data);
        d[i].data = NULL;
        d[i].size = 0;
    }
}

int main(void)
{
    gnutls_privkey_t rsa = NULL, ec = NULL, gen;
    gnutls_pubkey_t pub;
    gnutls_datum_t v[8], ct, pt, pem;
    gnutls_ecc_curve_t curve;
    unsigned char buf[600];
    int r;

    gnutls_global_init();
    memset(v, 0, sizeof v);
    rsa = load(rsa_key);
    ec = load(ec_key);

    /* Exports. */
    r = gnutls_privkey_export_rsa_raw(rsa, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    printf("export_rsa_raw: %d\n", r);
    for (int i = 0; i < 8; i++)
        hex("rsa param", &v[i]);
    fr(v, 8);
    r = gnutls_privkey_export_rsa_raw2(rsa, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7],
                                       GNUTLS_EXPORT_FLAG_NO_LZ);
    printf("export_rsa_raw2 NO_LZ: %d\n", r);
    for (int i = 0; i < 8; i++)
        hex("rsa param", &v[i]);
    fr(v, 8);
    r = gnutls_privkey_export_rsa_raw2(rsa, &v[0], &v[1], NULL, NULL, NULL, NULL, NULL, NULL, 0);
    printf("export_rsa_raw2 m,e only: %d %u %u\n", r, v[0].size, v[1].size);
    fr(v, 2);
    printf("export_rsa_raw of ec: %d\n", gnutls_privkey_export_rsa_raw(ec, &v[0], &v[1], NULL, NULL, NULL, NULL, NULL, NULL));
    r = gnutls_privkey_export_ecc_raw(ec, &curve, &v[0], &v[1], &v[2]);
    printf("export_ecc_raw: %d curve %d\n", r, (int)curve);
    for (int i = 0; i < 3; i++)
        hex("ec param", &v[i]);
    fr(v, 3);
    r = gnutls_privkey_export_ecc_raw2(ec, &curve, &v[0], &v[1], &v[2], GNUTLS_EXPORT_FLAG_NO_LZ);
    printf("export_ecc_raw2 NO_LZ: %d curve %d\n", r, (int)curve);
    for (int i = 0; i < 3; i++)
        hex("ec param", &v[i]);
    fr(v, 3);
    printf("export_ecc_raw of rsa: %d\n", gnutls_privkey_export_ecc_raw(rsa, &curve, &v[0], &v[1], &v[2]));
    printf("export_dsa_raw of rsa: %d\n", gnutls_privkey_export_dsa_raw(rsa, &v[0], &v[1], &v[2], &v[3], &v[4]));

    /* Raw public key imports round trip to the same SPKI. */
    gnutls_pubkey_init(&pub);
    gnutls_privkey_export_rsa_raw(rsa, &v[0], &v[1], NULL, NULL, NULL, NULL, NULL, NULL);
    printf("import_rsa_raw: %d\n", gnutls_pubkey_import_rsa_raw(pub, &v[0], &v[1]));
    spki("rsa from raw", pub);
    gnutls_privkey_export_rsa_raw2(rsa, &v[2], &v[3], NULL, NULL, NULL, NULL, NULL, NULL, GNUTLS_EXPORT_FLAG_NO_LZ);
    printf("import_rsa_raw no lz: %d\n", gnutls_pubkey_import_rsa_raw(pub, &v[2], &v[3]));
    spki("rsa from raw no lz", pub);
    fr(v, 4);
    gnutls_pubkey_deinit(pub);

    gnutls_pubkey_init(&pub);
    gnutls_privkey_export_ecc_raw(ec, &curve, &v[0], &v[1], NULL);
    printf("import_ecc_raw: %d\n", gnutls_pubkey_import_ecc_raw(pub, curve, &v[0], &v[1]));
    spki("ec from raw", pub);
    /* Not tested: GnuTLS accepts an unknown curve id here (and makes a key
     * nothing can use); gnossl refuses it with ECC_UNSUPPORTED_CURVE. */
    fr(v, 2);
    gnutls_pubkey_deinit(pub);

    {
        static const unsigned char ed[32] = {0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe,
                                             0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6,
                                             0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a};
        gnutls_datum_t x = {(unsigned char *)ed, 32};
        gnutls_pubkey_init(&pub);
        printf("import ed25519: %d\n", gnutls_pubkey_import_ecc_raw(pub, GNUTLS_ECC_CURVE_ED25519, &x, NULL));
        spki("ed25519 from raw", pub);
        gnutls_pubkey_deinit(pub);
    }

    gnutls_pubkey_init(&pub);
    pem.data = (unsigned char *)ec_crt;
    pem.size = strlen(ec_crt);
    printf("import_x509_raw pem: %d\n", gnutls_pubkey_import_x509_raw(pub, &pem, GNUTLS_X509_FMT_PEM, 0));
    spki("from cert", pub);
    {
        unsigned usage = 0;
        printf("key usage: %d %u\n", gnutls_pubkey_get_key_usage(pub, &usage), usage);
    }
    printf("import_x509_raw pem as der: %d\n", gnutls_pubkey_import_x509_raw(pub, &pem, GNUTLS_X509_FMT_DER, 0));
    gnutls_pubkey_deinit(pub);

    /* Decryption of a fixed ciphertext. */
    ct.size = strlen(ct_hex) / 2;
    ct.data = malloc(ct.size);
    for (unsigned i = 0; i < ct.size; i++)
        sscanf(ct_hex + 2 * i, "%2hhx", &ct.data[i]);
    r = gnutls_privkey_decrypt_data(rsa, 0, &ct, &pt);
    printf("decrypt_data: %d %u %.*s\n", r, r == 0 ? pt.size : 0, r == 0 ? (int)pt.size : 0, r == 0 ? (char *)pt.data : "");
    if (r == 0)
        gnutls_free(pt.data);
    memset(buf, 0, sizeof buf);
    r = gnutls_privkey_decrypt_data2(rsa, 0, &ct, buf, 48);
    printf("decrypt_data2 48: %d %s\n", r, memcmp(buf, pt48, 48) == 0 ? "match" : "differ");
    printf("decrypt_data2 47: %d\n", gnutls_privkey_decrypt_data2(rsa, 0, &ct, buf, 47));
    printf("decrypt_data2 49: %d\n", gnutls_privkey_decrypt_data2(rsa, 0, &ct, buf, 49));
    ct.data[5] ^= 1;
    printf("decrypt_data corrupted: %d\n", gnutls_privkey_decrypt_data(rsa, 0, &ct, &pt));
    printf("decrypt_data2 corrupted: %d\n", gnutls_privkey_decrypt_data2(rsa, 0, &ct, buf, 48));
    ct.size = 100;
    printf("decrypt_data short: %d\n", gnutls_privkey_decrypt_data(rsa, 0, &ct, &pt));
    printf("decrypt_data ec: %d\n", gnutls_privkey_decrypt_data(ec, 0, &ct, &pt));
    free(ct.data);

    /* Encryption round trip. */
    gnutls_pubkey_init(&pub);
    gnutls_pubkey_import_privkey(pub, rsa, 0, 0);
    pt.data = (unsigned char *)pt48;
    pt.size = 48;
    r = gnutls_pubkey_encrypt_data(pub, 0, &pt, &ct);
    printf("encrypt_data: %d size %u\n", r, r == 0 ? ct.size : 0);
    if (r == 0) {
        memset(buf, 0, sizeof buf);
        r = gnutls_privkey_decrypt_data2(rsa, 0, &ct, buf, 48);
        printf("round trip decrypt_data2: %d %s\n", r, memcmp(buf, pt48, 48) == 0 ? "match" : "differ");
        gnutls_free(ct.data);
    }
    gnutls_pubkey_deinit(pub);
    gnutls_pubkey_init(&pub);
    gnutls_pubkey_import_privkey(pub, ec, 0, 0);
    printf("encrypt_data ec: %d\n", gnutls_pubkey_encrypt_data(pub, 0, &pt, &ct));
    gnutls_pubkey_deinit(pub);

    /* Generation. */
    struct {
        int pk;
        unsigned bits;
    } g[] = {{GNUTLS_PK_RSA, 2048}, {GNUTLS_PK_EC, 256}, {GNUTLS_PK_EC, 384}, {GNUTLS_PK_EDDSA_ED25519, 0},
             {GNUTLS_PK_EC, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP521R1)}, {GNUTLS_PK_UNKNOWN, 256}};
    for (unsigned i = 0; i < sizeof g / sizeof g[0]; i++) {
        unsigned bits = 0;
        gnutls_privkey_init(&gen);
        r = gnutls_privkey_generate(gen, g[i].pk, g[i].bits, 0);
        printf("generate %d/%u: %d", g[i].pk, g[i].bits, r);
        if (r == 0) {
            int pk = gnutls_privkey_get_pk_algorithm(gen, &bits);
            printf(" -> pk %d bits %u", pk, bits);
            gnutls_pubkey_init(&pub);
            printf(" pubkey %d", gnutls_pubkey_import_privkey(pub, gen, 0, 0));
            gnutls_pubkey_deinit(pub);
        }
        printf("\n");
        gnutls_privkey_deinit(gen);
    }
    gnutls_privkey_init(&gen);
    printf("generate2 ec: %d\n", gnutls_privkey_generate2(gen, GNUTLS_PK_EC, 256, 0, NULL, 0));
    printf("verify_seed of generated: %d\n", gnutls_privkey_verify_seed(gen, GNUTLS_DIG_UNKNOWN, NULL, 0));
    gnutls_privkey_deinit(gen);
    printf("verify_seed of imported rsa: %d\n", gnutls_privkey_verify_seed(rsa, GNUTLS_DIG_UNKNOWN, NULL, 0));

    gnutls_privkey_deinit(rsa);
    gnutls_privkey_deinit(ec);
    gnutls_global_deinit();
    return 0;
}
