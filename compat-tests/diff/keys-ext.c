/* Differential test of external private keys (src/x509/privkey-ext.c):
 * gnutls_privkey_import_ext/ext2/ext3/ext4 with callbacks that log what
 * they are given and sign with an ordinary key; the signing and decryption
 * entry points must call them with the same data, the same algorithm ids,
 * and return the same results as GnuTLS. */
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ext-key-cb.h"
#include "test-keys.h"

static gnutls_privkey_t real_rsa, real_ec;
static gnutls_pubkey_t pub_rsa, pub_ec;

static void verify(gnutls_pubkey_t pub, gnutls_sign_algorithm_t algo, const gnutls_datum_t *data, int is_hash,
                   const gnutls_datum_t *sig)
{
    int r = is_hash ? gnutls_pubkey_verify_hash2(pub, algo, 0, data, sig)
                    : gnutls_pubkey_verify_data2(pub, algo, 0, data, sig);
    printf("    verifies as %s: %s\n", gnutls_sign_get_name(algo), r >= 0 ? "yes" : "no");
}

static void exercise(const char *label, gnutls_privkey_t k, struct ud *u)
{
    gnutls_datum_t data = {(unsigned char *)"message to sign", 15}, sig, h;
    unsigned char hb[48];
    unsigned bits = 0;
    int r, rsa = u->pk == GNUTLS_PK_RSA;
    gnutls_pubkey_t pub = rsa ? pub_rsa : pub_ec;

    printf("%s: type %d pk %d", label, (int)gnutls_privkey_get_type(k), gnutls_privkey_get_pk_algorithm(k, &bits));
    printf(" bits %u\n", bits);

    r = gnutls_privkey_sign_data(k, GNUTLS_DIG_SHA256, 0, &data, &sig);
    printf(" sign_data sha256: %d\n", r);
    if (r == 0) {
        verify(pub, rsa ? GNUTLS_SIGN_RSA_SHA256 : GNUTLS_SIGN_ECDSA_SHA256, &data, 0, &sig);
        gnutls_free(sig.data);
    }
    gnutls_hash_fast(GNUTLS_DIG_SHA256, data.data, data.size, hb);
    h.data = hb;
    h.size = 32;
    r = gnutls_privkey_sign_hash(k, GNUTLS_DIG_SHA256, 0, &h, &sig);
    printf(" sign_hash sha256: %d\n", r);
    if (r == 0) {
        verify(pub, rsa ? GNUTLS_SIGN_RSA_SHA256 : GNUTLS_SIGN_ECDSA_SHA256, &h, 1, &sig);
        gnutls_free(sig.data);
    }
    if (rsa) {
        r = gnutls_privkey_sign_data(k, GNUTLS_DIG_SHA256, GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS, &data, &sig);
        printf(" sign_data sha256 PSS flag: %d\n", r);
        if (r == 0) {
            verify(pub, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, &data, 0, &sig);
            gnutls_free(sig.data);
        }
        r = gnutls_privkey_sign_data2(k, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, 0, &data, &sig);
        printf(" sign_data2 rsa_pss_rsae_sha256: %d\n", r);
        if (r == 0) {
            verify(pub, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, &data, 0, &sig);
            gnutls_free(sig.data);
        }
        r = gnutls_privkey_sign_data2(k, GNUTLS_SIGN_RSA_SHA384, 0, &data, &sig);
        printf(" sign_data2 rsa_sha384: %d\n", r);
        if (r == 0) {
            verify(pub, GNUTLS_SIGN_RSA_SHA384, &data, 0, &sig);
            gnutls_free(sig.data);
        }
        h.size = 36;
        memset(hb, 7, 36);
        r = gnutls_privkey_sign_hash(k, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, &h, &sig);
        printf(" sign_hash TLS1_RSA: %d\n", r);
        if (r == 0) {
            show("signature", &sig); /* PKCS#1 v1.5 is deterministic */
            gnutls_free(sig.data);
        }
    } else {
        r = gnutls_privkey_sign_data2(k, GNUTLS_SIGN_ECDSA_SHA384, 0, &data, &sig);
        printf(" sign_data2 ecdsa_sha384: %d\n", r);
        if (r == 0) {
            verify(pub, GNUTLS_SIGN_ECDSA_SHA384, &data, 0, &sig);
            gnutls_free(sig.data);
        }
        gnutls_hash_fast(GNUTLS_DIG_SHA256, data.data, data.size, hb);
        h.size = 32;
        r = gnutls_privkey_sign_hash2(k, GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, 0, &h, &sig);
        printf(" sign_hash2 ecdsa_secp256r1_sha256: %d\n", r);
        if (r == 0) {
            verify(pub, GNUTLS_SIGN_ECDSA_SHA256, &h, 1, &sig);
            gnutls_free(sig.data);
        }
    }
}

int main(void)
{
    gnutls_privkey_t k;
    struct ud ursa = {"rsa", NULL, GNUTLS_PK_RSA, 2048, 1, 1, 0}, uec = {"ec", NULL, GNUTLS_PK_EC, 256, 0, 1, 0};
    gnutls_datum_t pt = {(unsigned char *)"secret", 6}, ct, out;
    unsigned char buf[16];

    gnutls_global_init();
    real_rsa = ursa.real = load(rsa_key);
    real_ec = uec.real = load(ec_key);
    gnutls_pubkey_init(&pub_rsa);
    gnutls_pubkey_init(&pub_ec);
    gnutls_pubkey_import_privkey(pub_rsa, real_rsa, 0, 0);
    gnutls_pubkey_import_privkey(pub_ec, real_ec, 0, 0);

    gnutls_privkey_init(&k);
    printf("import_ext rsa: %d\n", gnutls_privkey_import_ext(k, GNUTLS_PK_RSA, &ursa, cb_sign, cb_decrypt, 0));
    exercise("ext rsa", k, &ursa);
    gnutls_pubkey_encrypt_data(pub_rsa, 0, &pt, &ct);
    printf(" decrypt_data: %d\n", gnutls_privkey_decrypt_data(k, 0, &ct, &out));
    printf("    plaintext %.*s\n", (int)out.size, out.data);
    gnutls_free(out.data);
    printf(" decrypt_data2 6: %d\n", gnutls_privkey_decrypt_data2(k, 0, &ct, buf, 6));
    printf(" decrypt_data2 7: %d\n", gnutls_privkey_decrypt_data2(k, 0, &ct, buf, 7));
    gnutls_free(ct.data);
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext2 ec, no auto release: %d\n",
           gnutls_privkey_import_ext2(k, GNUTLS_PK_EC, &uec, cb_sign, NULL, cb_deinit, 0));
    exercise("ext2 ec", k, &uec);
    printf(" decrypt_data without callback: %d\n", gnutls_privkey_decrypt_data(k, 0, &ct, &out));
    printf("deinit:\n");
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext3 rsa, auto release: %d\n",
           gnutls_privkey_import_ext3(k, &ursa, cb_sign, NULL, cb_deinit, cb_info, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE));
    exercise("ext3 rsa", k, &ursa);
    printf("deinit:\n");
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext4 rsa (data+hash): %d\n",
           gnutls_privkey_import_ext4(k, &ursa, cb_sign_data, cb_sign_hash, NULL, cb_deinit, cb_info,
                                      GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE));
    exercise("ext4 rsa", k, &ursa);
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext4 rsa (hash only): %d\n",
           gnutls_privkey_import_ext4(k, &ursa, NULL, cb_sign_hash, NULL, NULL, cb_info, 0));
    exercise("ext4 rsa hash-only", k, &ursa);
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext4 ec (hash only): %d\n",
           gnutls_privkey_import_ext4(k, &uec, NULL, cb_sign_hash, NULL, NULL, cb_info, 0));
    exercise("ext4 ec hash-only", k, &uec);
    gnutls_privkey_deinit(k);

    gnutls_privkey_init(&k);
    printf("import_ext no callbacks: %d\n", gnutls_privkey_import_ext(k, GNUTLS_PK_RSA, &ursa, NULL, NULL, 0));
    printf("import_ext3 no info: %d\n", gnutls_privkey_import_ext3(k, &ursa, cb_sign, NULL, NULL, NULL, 0));
    printf("import_ext4 no info: %d\n", gnutls_privkey_import_ext4(k, &ursa, NULL, cb_sign_hash, NULL, NULL, NULL, 0));
    gnutls_privkey_deinit(k);

    /* which key types each import takes (callbacks are never called here) */
    static const int pks[] = {GNUTLS_PK_UNKNOWN, GNUTLS_PK_RSA, GNUTLS_PK_DSA, GNUTLS_PK_DH, GNUTLS_PK_ECDSA,
                              GNUTLS_PK_ECDH_X25519, GNUTLS_PK_RSA_PSS, GNUTLS_PK_EDDSA_ED25519,
                              GNUTLS_PK_GOST_01, GNUTLS_PK_EDDSA_ED448, 99};
    for (unsigned i = 0; i < sizeof pks / sizeof pks[0]; i++) {
        struct ud u = {"any", NULL, pks[i], 256, 1, 1, 0};
        int r[4];
        for (int j = 0; j < 4; j++) {
            gnutls_privkey_init(&k);
            r[j] = j == 0   ? gnutls_privkey_import_ext(k, pks[i], &u, cb_sign, NULL, 0)
                   : j == 1 ? gnutls_privkey_import_ext2(k, pks[i], &u, cb_sign, NULL, NULL, 0)
                   : j == 2 ? gnutls_privkey_import_ext3(k, &u, cb_sign, NULL, NULL, cb_info, 0)
                            : gnutls_privkey_import_ext4(k, &u, cb_sign_data, NULL, NULL, NULL, cb_info, 0);
            gnutls_privkey_deinit(k);
        }
        printf("pk %d: ext %d ext2 %d ext3 %d ext4 %d\n", pks[i], r[0], r[1], r[2], r[3]);
    }

    /* a second import into a key that already holds one */
    gnutls_x509_privkey_t xk;
    gnutls_datum_t pem = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_x509_privkey_init(&xk);
    gnutls_x509_privkey_import(xk, &pem, GNUTLS_X509_FMT_PEM);
    gnutls_privkey_init(&k);
    printf("ext then ext: %d", gnutls_privkey_import_ext(k, GNUTLS_PK_RSA, &ursa, cb_sign, NULL, 0));
    printf(" %d\n", gnutls_privkey_import_ext(k, GNUTLS_PK_RSA, &ursa, cb_sign, NULL, 0));
    printf("ext then x509: %d\n", gnutls_privkey_import_x509(k, xk, 0));
    printf("ext then x509_raw: %d\n", gnutls_privkey_import_x509_raw(k, &pem, GNUTLS_X509_FMT_PEM, NULL, 0));
    printf("ext then ext3: %d\n", gnutls_privkey_import_ext3(k, &ursa, cb_sign, NULL, NULL, cb_info, 0));
    printf("ext then ext4: %d\n", gnutls_privkey_import_ext4(k, &ursa, cb_sign_data, NULL, NULL, NULL, cb_info, 0));
    gnutls_privkey_deinit(k);
    gnutls_privkey_init(&k);
    printf("x509 then x509: %d", gnutls_privkey_import_x509(k, xk, 0));
    printf(" %d\n", gnutls_privkey_import_x509(k, xk, 0));
    printf("x509 then ext4: %d\n", gnutls_privkey_import_ext4(k, &ursa, cb_sign_data, NULL, NULL, NULL, cb_info, 0));
    printf("x509 then x509_raw: %d\n", gnutls_privkey_import_x509_raw(k, &pem, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_privkey_deinit(k);
    gnutls_privkey_init(&k);
    printf("x509_raw then x509_raw: %d", gnutls_privkey_import_x509_raw(k, &pem, GNUTLS_X509_FMT_PEM, NULL, 0));
    printf(" %d\n", gnutls_privkey_import_x509_raw(k, &pem, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_privkey_deinit(k);
    gnutls_x509_privkey_deinit(xk);

    gnutls_pubkey_deinit(pub_rsa);
    gnutls_pubkey_deinit(pub_ec);
    gnutls_privkey_deinit(real_rsa);
    gnutls_privkey_deinit(real_ec);
    gnutls_global_deinit();
    return 0;
}
