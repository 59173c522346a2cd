/* Differential test of private and public keys: gnutls_x509_privkey_*
 * import (PKCS#1, SEC1, DSA, PKCS#8 plain and encrypted, PEM and DER,
 * import2/import_pkcs8 with and without password), export in every
 * format with the size protocol, key IDs, algorithms and sizes; the
 * abstract API (gnutls_privkey_import_x509(_raw), sign_data/sign_hash,
 * gnutls_pubkey_import_privkey, verify_data2/verify_hash2) with
 * deterministic signatures printed (RSA PKCS#1, EdDSA) and randomised ones
 * verified; damaged input to every import.  Keys generated once with the
 * openssl CLI.  Must print the same on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *name, *pem;
};
extern const struct item keys[];

static void hex(const char *label, const void *p, size_t n)
{
    const unsigned char *b = p;
    printf(" %s[%zu]=", label, n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", b[i]);
}

static void show_export(gnutls_x509_privkey_t k)
{
    for (int fmt = 0; fmt < 2; fmt++) {
        size_t sz = 0;
        int r = gnutls_x509_privkey_export(k, fmt ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER, NULL, &sz);
        printf("  export(%s): q=%d sz=%zu", fmt ? "pem" : "der", r, sz);
        if (r == GNUTLS_E_SHORT_MEMORY_BUFFER) {
            unsigned char *buf = malloc(sz + 1);
            size_t s2 = sz - 1;
            printf(" short=%d", gnutls_x509_privkey_export(k, fmt ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER, buf, &s2));
            s2 = sz;
            r = gnutls_x509_privkey_export(k, fmt ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER, buf, &s2);
            printf(" r=%d", r);
            if (r == 0)
                hex("v", buf, s2);
            free(buf);
        }
        printf("\n");
    }
    gnutls_datum_t d;
    int r = gnutls_x509_privkey_export_pkcs8(k, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, NULL, &(size_t){0});
    printf("  export_pkcs8 query: %d\n", r);
    r = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &d);
    printf("  export2_pkcs8(plain): %d", r);
    if (r == 0)
        printf(" %.*s", (int)d.size, d.data), gnutls_free(d.data);
    printf("\n");
    /* encrypted output is random: check that it reads back */
    r = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_PEM, "pw", 0, &d);
    printf("  export2_pkcs8(encrypted): %d", r);
    if (r == 0) {
        gnutls_x509_privkey_t k2;
        gnutls_x509_privkey_init(&k2);
        printf(" has-header=%d", strstr((char *)d.data, "-----BEGIN ENCRYPTED PRIVATE KEY-----") != NULL);
        printf(" reimport=%d", gnutls_x509_privkey_import_pkcs8(k2, &d, GNUTLS_X509_FMT_PEM, "pw", 0));
        printf(" wrongpw=%d", gnutls_x509_privkey_import_pkcs8(k2, &d, GNUTLS_X509_FMT_PEM, "bad", 0) < 0);
        printf(" import2=%d", gnutls_x509_privkey_import2(k2, &d, GNUTLS_X509_FMT_PEM, "pw", 0));
        unsigned char a[64], b[64];
        size_t as = sizeof a, bs = sizeof b;
        gnutls_x509_privkey_get_key_id(k, 0, a, &as);
        gnutls_x509_privkey_get_key_id(k2, 0, b, &bs);
        printf(" same-key=%d", as == bs && memcmp(a, b, as) == 0);
        gnutls_x509_privkey_deinit(k2);
        gnutls_free(d.data);
    }
    printf("\n");
}

static void sign_tests(gnutls_x509_privkey_t xk)
{
    gnutls_privkey_t pk;
    gnutls_pubkey_t pub;
    gnutls_privkey_init(&pk);
    gnutls_pubkey_init(&pub);
    printf("  privkey_import_x509=%d", gnutls_privkey_import_x509(pk, xk, 0));
    unsigned bits = 0;
    printf(" pk=%d", gnutls_privkey_get_pk_algorithm(pk, &bits));
    printf(" bits=%u", bits);
    printf(" pubkey_import_privkey=%d\n", gnutls_pubkey_import_privkey(pub, pk, 0, 0));
    size_t sz = 0;
    unsigned char id[64];
    sz = sizeof id;
    if (gnutls_pubkey_get_key_id(pub, 0, id, &sz) == 0)
        hex("  pub key id", id, sz), printf("\n");
    const gnutls_datum_t msg = {(unsigned char *)"the message to sign", 19};
    const gnutls_datum_t other = {(unsigned char *)"the message to sigN", 19};
    int pkalg = gnutls_privkey_get_pk_algorithm(pk, NULL);
    static const gnutls_sign_algorithm_t algs[] = {
        GNUTLS_SIGN_RSA_SHA256,         GNUTLS_SIGN_RSA_SHA384,         GNUTLS_SIGN_RSA_PSS_SHA256,
        GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_ECDSA_SHA256,       GNUTLS_SIGN_ECDSA_SECP256R1_SHA256,
        GNUTLS_SIGN_ECDSA_SHA384,       GNUTLS_SIGN_EDDSA_ED25519,      GNUTLS_SIGN_EDDSA_ED448,
        GNUTLS_SIGN_DSA_SHA256};
    for (unsigned i = 0; i < sizeof algs / sizeof algs[0]; i++) {
        gnutls_datum_t sig;
        int r = gnutls_privkey_sign_data2(pk, algs[i], 0, &msg, &sig);
        printf("  sign_data2(%d)=%d", algs[i], r);
        if (r == 0) {
            int deterministic = pkalg == GNUTLS_PK_EDDSA_ED25519 || pkalg == GNUTLS_PK_EDDSA_ED448 ||
                                (pkalg == GNUTLS_PK_RSA && (algs[i] == GNUTLS_SIGN_RSA_SHA256 || algs[i] == GNUTLS_SIGN_RSA_SHA384));
            if (deterministic)
                hex("sig", sig.data, sig.size);
            printf(" verify=%d", gnutls_pubkey_verify_data2(pub, algs[i], 0, &msg, &sig));
            printf(" verify-other=%d", gnutls_pubkey_verify_data2(pub, algs[i], 0, &other, &sig));
            gnutls_free(sig.data);
        }
        printf("\n");
    }
    /* sign_data with a hash, sign_hash over a digest */
    gnutls_datum_t sig;
    int r = gnutls_privkey_sign_data(pk, GNUTLS_DIG_SHA256, 0, &msg, &sig);
    printf("  sign_data(sha256)=%d", r);
    if (r == 0) {
        if (pkalg == GNUTLS_PK_RSA || pkalg == GNUTLS_PK_EDDSA_ED25519)
            hex("sig", sig.data, sig.size);
        gnutls_free(sig.data);
    }
    printf("\n");
    unsigned char dig[32];
    gnutls_hash_fast(GNUTLS_DIG_SHA256, msg.data, msg.size, dig);
    gnutls_datum_t hd = {dig, 32};
    r = gnutls_privkey_sign_hash(pk, GNUTLS_DIG_SHA256, 0, &hd, &sig);
    printf("  sign_hash(sha256)=%d", r);
    if (r == 0) {
        if (pkalg == GNUTLS_PK_RSA)
            hex("sig", sig.data, sig.size);
        gnutls_sign_algorithm_t sa = pkalg == GNUTLS_PK_RSA ? GNUTLS_SIGN_RSA_SHA256
                                     : pkalg == GNUTLS_PK_EC ? GNUTLS_SIGN_ECDSA_SHA256
                                     : pkalg == GNUTLS_PK_RSA_PSS ? GNUTLS_SIGN_RSA_PSS_SHA256
                                                                 : GNUTLS_SIGN_DSA_SHA256;
        printf(" verify_hash2=%d", gnutls_pubkey_verify_hash2(pub, sa, 0, &hd, &sig));
        printf(" verify_data2=%d", gnutls_pubkey_verify_data2(pub, sa, 0, &msg, &sig));
        gnutls_free(sig.data);
    }
    printf("\n");
    gnutls_pubkey_deinit(pub);
    gnutls_privkey_deinit(pk);
}

int main(void)
{
    gnutls_global_init();
    for (unsigned i = 0; keys[i].name; i++) {
        gnutls_datum_t pem = {(unsigned char *)keys[i].pem, (unsigned)strlen(keys[i].pem)};
        gnutls_x509_privkey_t k;
        gnutls_x509_privkey_init(&k);
        int r = gnutls_x509_privkey_import(k, &pem, GNUTLS_X509_FMT_PEM);
        printf("=== %s: import=%d", keys[i].name, r);
        printf(" import2(nopw)=%d", gnutls_x509_privkey_import2(k, &pem, GNUTLS_X509_FMT_PEM, NULL, 0));
        printf(" import2(pw)=%d", r = gnutls_x509_privkey_import2(k, &pem, GNUTLS_X509_FMT_PEM, "secret", 0));
        printf(" import_pkcs8(pw)=%d", gnutls_x509_privkey_import_pkcs8(k, &pem, GNUTLS_X509_FMT_PEM, "secret", 0));
        printf(" import_pkcs8(plain)=%d\n",
               gnutls_x509_privkey_import_pkcs8(k, &pem, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN));
        gnutls_x509_privkey_deinit(k);
        gnutls_x509_privkey_init(&k);
        r = gnutls_x509_privkey_import2(k, &pem, GNUTLS_X509_FMT_PEM, "secret", 0);
        if (r < 0) {
            gnutls_x509_privkey_deinit(k);
            continue;
        }
        unsigned bits = 0;
        printf("  pk=%d pk2=%d", gnutls_x509_privkey_get_pk_algorithm(k), gnutls_x509_privkey_get_pk_algorithm2(k, &bits));
        printf(" bits=%u\n", bits);
        static const unsigned kf[] = {0, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512};
        for (unsigned f = 0; f < 3; f++) {
            unsigned char id[64];
            size_t sz = 0;
            r = gnutls_x509_privkey_get_key_id(k, kf[f], NULL, &sz);
            printf("  key_id(%u): q=%d sz=%zu", kf[f], r, sz);
            sz = sizeof id;
            r = gnutls_x509_privkey_get_key_id(k, kf[f], id, &sz);
            printf(" r=%d", r);
            if (r == 0)
                hex("v", id, sz);
            printf("\n");
        }
        show_export(k);
        /* DER of the traditional export imports again */
        gnutls_datum_t der;
        r = gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_DER, &der);
        if (r == 0) {
            gnutls_x509_privkey_t k3;
            gnutls_x509_privkey_init(&k3);
            printf("  der reimport=%d", gnutls_x509_privkey_import(k3, &der, GNUTLS_X509_FMT_DER));
            size_t cuts[] = {0, 1, 2, 5, 20, der.size / 2, der.size - 1};
            for (unsigned c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
                gnutls_datum_t t = {der.data, (unsigned)cuts[c]};
                printf(" trunc(%zu)=%s", cuts[c], gnutls_x509_privkey_import(k3, &t, GNUTLS_X509_FMT_DER) < 0 ? "rejected" : "accepted");
            }
            printf("\n");
            gnutls_x509_privkey_deinit(k3);
            gnutls_free(der.data);
        }
        sign_tests(k);
        gnutls_x509_privkey_deinit(k);
    }
    /* garbage */
    static const char *junk[] = {"", "x", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
                                 "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n", "\x30\x03\x02\x01\x00", NULL};
    for (unsigned i = 0; junk[i]; i++) {
        gnutls_datum_t t = {(unsigned char *)junk[i], (unsigned)strlen(junk[i])};
        gnutls_x509_privkey_t k;
        gnutls_privkey_t ak;
        gnutls_x509_privkey_init(&k);
        gnutls_privkey_init(&ak);
        printf("junk[%u]: pem=%s der=%s import2=%s raw=%s\n", i,
               gnutls_x509_privkey_import(k, &t, GNUTLS_X509_FMT_PEM) < 0 ? "rejected" : "accepted",
               gnutls_x509_privkey_import(k, &t, GNUTLS_X509_FMT_DER) < 0 ? "rejected" : "accepted",
               gnutls_x509_privkey_import2(k, &t, GNUTLS_X509_FMT_PEM, NULL, 0) < 0 ? "rejected" : "accepted",
               gnutls_privkey_import_x509_raw(ak, &t, GNUTLS_X509_FMT_PEM, NULL, 0) < 0 ? "rejected" : "accepted");
        gnutls_privkey_deinit(ak);
        gnutls_x509_privkey_deinit(k);
    }
    /* generation */
    static const struct {
        gnutls_pk_algorithm_t pk;
        unsigned bits;
    } gens[] = {{GNUTLS_PK_RSA, 2048}, {GNUTLS_PK_EC, 256}, {GNUTLS_PK_EC, 384},
                {GNUTLS_PK_EC, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP521R1)}, {GNUTLS_PK_EDDSA_ED25519, 0},
                {GNUTLS_PK_RSA_PSS, 2048}};
    for (unsigned i = 0; i < sizeof gens / sizeof gens[0]; i++) {
        gnutls_x509_privkey_t k;
        gnutls_x509_privkey_init(&k);
        int r = gnutls_x509_privkey_generate(k, gens[i].pk, gens[i].bits, 0);
        unsigned bits = 0;
        printf("generate(%d,%u)=%d", gens[i].pk, gens[i].bits, r);
        if (r == 0) {
            printf(" pk=%d", gnutls_x509_privkey_get_pk_algorithm2(k, &bits));
            printf(" bits=%u", bits);
            printf(" verify_params=%d", gnutls_x509_privkey_verify_params(k));
        }
        printf("\n");
        gnutls_x509_privkey_deinit(k);
    }
    gnutls_global_deinit();
    return 0;
}

/* Generated once with the openssl CLI; ec-enc is encrypted with "secret". */
const struct item keys[] = {
    {"rsa",
     "-----BEGIN RSA PRIVATE KEY-----\n"
     "MIIEpAIBAAKCAQEAsxhlpUvSl3xJ8FTcV9qk7OhjDZHrnk5xXR1nFXBeHEmbErMW\n"
     "qeC5fdc/zVmem8KCGzzpMtt/3F5hCy42IYVPbjr7SOcKkNv6OBsPSQO2juYlDlh2\n"
     "nF8q95UnB8ZBUJElTmB8w2SXTlifnlln1EdnI1tokJ0M+nfmh/Q9XMOOWH0/rQ6q\n"
     "vth22z/08cTQQDoHRSo6+jol6xQZP1rZQ24o0OUDNxpxv5l+ib5e6dYfHaxZ6g1y\n"
     "j1voDziGszrV6G5o8O3HaZQ+1dWUC1XgYXs8NFkRQrAa3MQuRPrbesNSFsy+sD1G\n"
     "H34VGylFDJnSOCgXzWzTfBI80pApolCnfjGbuwIDAQABAoIBAAOSs4hyNE/gY2s/\n"
     "jivUiWDOnBdLt3svjnRwnztexAnlcAoV95hJCvpXPoceyBrMbSMU+oQQvALOATqj\n"
     "X+IYUkbdN2EzdtMACIRxCcOHpu8/6TJZkng5L9bDq4Usr+XnF2ryYtrVGW2vN/QF\n"
     "TZx/FjAu5S2pbHZcyQUiWs0Me70JLg8aKuza9fIZx2bY4nWsGvPFpNxCFcw606La\n"
     "FbmVKjvFmmINJWXYAQkyKYsmG6DFZ6G981U7Al/9CnQ0/gjnNWhtjnPXmrwWT6vd\n"
     "QQYSCJ49D2NIsnxhM/sl7ZyKGwrWAxyTmU2rjaNqwJbC05nK4adA8X/I+NmfS6c1\n"
     "15MSbzECgYEA8OiQyKM7GlXKFcLl1A5DYWCesDOWCPDrayLbYgX4dqq+3TZzS3qO\n"
     "wULBdr+uIoz9Vm6Rie8biFCZI/FfbjXvy82gitaF6AIQD7aweR4hWZN+zlWbOURY\n"
     "hfdGT7qWzlhtvAjyLTKVVbUau2otNDL11EiiHvV6OKrd1XsV/sgYNQsCgYEAvlCJ\n"
     "oB73K/PYD9AmGJL3aCTYK1iElFl8aHjFcmkLnJ/Ezwo9uYImE3w0dyGC+fIVoN8g\n"
     "dV22arWh8T8T2BppzH5BN/495uTL7W/5UqQo5mScdr53UAIDntYw6/1RHKt3ZZwX\n"
     "h37/yneA+k+exHhsnu2FvIIxsAsVDXh7/5AEAhECgYEA5QvZDEnV2bYTSxlgtntR\n"
     "KPZaKiEB10JoMhaUCuCuWPUCPwSUHgFKVQkJM8QO5h6yh0jc6w4BWVt4HqpRF1IE\n"
     "yfqZVyebbPj5GFeT9bPl9Wq8t6TAznPizoxJt2gqFcoRmyPOTZa4USK9Zc8PZ3/E\n"
     "Jq9gJJs0N0iNXXmHchQAn/0CgYAGOR329WxBrKyQ/85vGUcryaCj8jYLn814oRJb\n"
     "xmGR0oud9YjFKyNRmcshZiAhSjA43XLzQ4g2fw/3kod0lpCFFk/No+ukRDEC55lw\n"
     "gVuxBPM00s+V9yrlI73fyZ3AYT77PJpsXNPCbBv0k2vuor1yiPPJkTxMtGAQ27K6\n"
     "TZxD8QKBgQDpgmcs5Kf8udwFWnty4GMBQM23aWYIlshf9PoRASwhArcETv/b89sr\n"
     "9QhEBXyglNJ0vXMb6b9LdALl8qCakekWDvBOyGToxvoeumv3t5exyFXDBwTvLyve\n"
     "htRCM2e4GKIBHXhVkzyqEy6nb7xvddjjNyv8hT9gxaVtzW+X0HXRzw==\n"
     "-----END RSA PRIVATE KEY-----\n"},
    {"rsa-p8",
     "-----BEGIN PRIVATE KEY-----\n"
     "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCzGGWlS9KXfEnw\n"
     "VNxX2qTs6GMNkeueTnFdHWcVcF4cSZsSsxap4Ll91z/NWZ6bwoIbPOky23/cXmEL\n"
     "LjYhhU9uOvtI5wqQ2/o4Gw9JA7aO5iUOWHacXyr3lScHxkFQkSVOYHzDZJdOWJ+e\n"
     "WWfUR2cjW2iQnQz6d+aH9D1cw45YfT+tDqq+2HbbP/TxxNBAOgdFKjr6OiXrFBk/\n"
     "WtlDbijQ5QM3GnG/mX6Jvl7p1h8drFnqDXKPW+gPOIazOtXobmjw7cdplD7V1ZQL\n"
     "VeBhezw0WRFCsBrcxC5E+tt6w1IWzL6wPUYffhUbKUUMmdI4KBfNbNN8EjzSkCmi\n"
     "UKd+MZu7AgMBAAECggEAA5KziHI0T+Bjaz+OK9SJYM6cF0u3ey+OdHCfO17ECeVw\n"
     "ChX3mEkK+lc+hx7IGsxtIxT6hBC8As4BOqNf4hhSRt03YTN20wAIhHEJw4em7z/p\n"
     "MlmSeDkv1sOrhSyv5ecXavJi2tUZba839AVNnH8WMC7lLalsdlzJBSJazQx7vQku\n"
     "Dxoq7Nr18hnHZtjidawa88Wk3EIVzDrTotoVuZUqO8WaYg0lZdgBCTIpiyYboMVn\n"
     "ob3zVTsCX/0KdDT+COc1aG2Oc9eavBZPq91BBhIInj0PY0iyfGEz+yXtnIobCtYD\n"
     "HJOZTauNo2rAlsLTmcrhp0Dxf8j42Z9LpzXXkxJvMQKBgQDw6JDIozsaVcoVwuXU\n"
     "DkNhYJ6wM5YI8OtrIttiBfh2qr7dNnNLeo7BQsF2v64ijP1WbpGJ7xuIUJkj8V9u\n"
     "Ne/LzaCK1oXoAhAPtrB5HiFZk37OVZs5RFiF90ZPupbOWG28CPItMpVVtRq7ai00\n"
     "MvXUSKIe9Xo4qt3VexX+yBg1CwKBgQC+UImgHvcr89gP0CYYkvdoJNgrWISUWXxo\n"
     "eMVyaQucn8TPCj25giYTfDR3IYL58hWg3yB1XbZqtaHxPxPYGmnMfkE3/j3m5Mvt\n"
     "b/lSpCjmZJx2vndQAgOe1jDr/VEcq3dlnBeHfv/Kd4D6T57EeGye7YW8gjGwCxUN\n"
     "eHv/kAQCEQKBgQDlC9kMSdXZthNLGWC2e1Eo9loqIQHXQmgyFpQK4K5Y9QI/BJQe\n"
     "AUpVCQkzxA7mHrKHSNzrDgFZW3geqlEXUgTJ+plXJ5ts+PkYV5P1s+X1ary3pMDO\n"
     "c+LOjEm3aCoVyhGbI85NlrhRIr1lzw9nf8Qmr2AkmzQ3SI1deYdyFACf/QKBgAY5\n"
     "Hfb1bEGsrJD/zm8ZRyvJoKPyNgufzXihElvGYZHSi531iMUrI1GZyyFmICFKMDjd\n"
     "cvNDiDZ/D/eSh3SWkIUWT82j66REMQLnmXCBW7EE8zTSz5X3KuUjvd/JncBhPvs8\n"
     "mmxc08JsG/STa+6ivXKI88mRPEy0YBDbsrpNnEPxAoGBAOmCZyzkp/y53AVae3Lg\n"
     "YwFAzbdpZgiWyF/0+hEBLCECtwRO/9vz2yv1CEQFfKCU0nS9cxvpv0t0AuXyoJqR\n"
     "6RYO8E7IZOjG+h66a/e3l7HIVcMHBO8vK96G1EIzZ7gYogEdeFWTPKoTLqdvvG91\n"
     "2OM3K/yFP2DFpW3Nb5fQddHP\n"
     "-----END PRIVATE KEY-----\n"},
    {"ec",
     "-----BEGIN EC PRIVATE KEY-----\n"
     "MHcCAQEEIDRWwzM1wHmBOSW++oMd0VwdXg7ArdAa7EiZbbiiQTnIoAoGCCqGSM49\n"
     "AwEHoUQDQgAEt9Gng8bzTYpxrn93O2d5/n4QHpdqH2TjhdjknCgIbtGM178FW3El\n"
     "3JSTX4HPNkT1maieV++mj9OJ0eqqJY2Rcg==\n"
     "-----END EC PRIVATE KEY-----\n"},
    {"ec384",
     "-----BEGIN EC PRIVATE KEY-----\n"
     "MIGkAgEBBDCGiXdrX/VIXcxNDnBzeGjO40ENTS4dUu+efjlxlTt24oNViD0+6dXP\n"
     "OjEqiG669RqgBwYFK4EEACKhZANiAATDSIZNkg12yc5yN8DtfdQAhyO1aJqI4fqu\n"
     "9DxPVmlBg/XRE77pV7u/mPsw8JEfiQdWsdSWS19Z0pYIJrON7KbICRF25dQkQDRf\n"
     "d8IwmBuF74NRYA2EN1ld0uolW09FWiU=\n"
     "-----END EC PRIVATE KEY-----\n"},
    {"ec-enc",
     "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
     "MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgyk7mQj2DTeQICCAAw\n"
     "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEPowOU+rBgUWx7nIgxoiLOUEgZAt\n"
     "28kNBji3nFooikRmWNzH8oqR+l+W5I0bFoGVQgOSOrX5i4pe/Q58C7T/tECqWM/Y\n"
     "rLg/piGKX3JyMJ0slZ1JlZxV2yIADDrUgitiFt+Fc62FIwPX5BZxZfbaMqS+cfxb\n"
     "eAaj1A7yCxdAgQklnlh4JGG/lmU8gBTqshj1qDF1lekQRT9vsLXkoJgC1z4W3Ak=\n"
     "-----END ENCRYPTED PRIVATE KEY-----\n"},
    {"ed",
     "-----BEGIN PRIVATE KEY-----\n"
     "MC4CAQAwBQYDK2VwBCIEIF8glBkTyBYxADzePfc84z5xdPWHYuTu0/+nnLtAPQ0N\n"
     "-----END PRIVATE KEY-----\n"},
    {"ed448",
     "-----BEGIN PRIVATE KEY-----\n"
     "MEcCAQAwBQYDK2VxBDsEOVrcTWH6+wZjef+YvI1O/F+1/QImTCFTuX7DayMZKHs6\n"
     "eF4gxy2e2ttONtQev3vHzHfH8k7xisDs1A==\n"
     "-----END PRIVATE KEY-----\n"},
    {"pss",
     "-----BEGIN PRIVATE KEY-----\n"
     "MIIEugIBADALBgkqhkiG9w0BAQoEggSmMIIEogIBAAKCAQEA1mXpj2RNwH57v1SL\n"
     "L9xalwX9YZxqe3uRggD8DSwZsLHoZb4tHYDEsrpxwuwS9vIvQzcjO4tmqOPaqxGP\n"
     "eJCAq51lUfIY8NKWSaY945NWAyRQXY/nziEZV7MdG/TTuXLKN0tzYUiEZC9QtJAe\n"
     "qHouL6z9t0Dcj9febfLne4T55hqCqdSyXWYXGbq/OVD96GmwFR9TNM1AdzSCssuL\n"
     "9vLpuX30s8epIt+ya0s87Wmvf7LKIbidHjxgKkZxlFUOObZk9h9LQEYLSMiBxixD\n"
     "N0TDIFSm6CSyN+wvmlb9i3R66zz/zQ2tTDukz6JMdn2uMR0tJfJ66Jx/LOaJAtwu\n"
     "zJHasQIDAQABAoIBACYWW7wcAw4Hyj8Oq11YxYUfzMga6/W82XghaaWDaJrxuAnf\n"
     "E4+ysP7ZTV1l5+aT1p6XvHwXAylMtSt/xp+R+DHEl9vLaO/bUVSLImJ76aNMP7Sn\n"
     "XHRLf/+K88hkIXrH8DGLh1dIdTCBEVLKaY/fiLXygu4bqTMqk7qvlLzmPijIyJu9\n"
     "mhLp55K9oomDSZidAW0WOJAdOrh0v2qzCLprzStvfVYKviOJ+cAWcLBETyKT0QAX\n"
     "ONFh8ly2h56BdGTEbcK4zg0EaIWWThF+fDDr0LdS2MvA4QHT/0uvm2U/qBleS7G2\n"
     "sy7Mh5oDK9ImVBTnDT3HhiErZR8dSB/Pv6MzfwMCgYEA778iTHFgTI0Hf3zViyDG\n"
     "ISrEXSJOONsEOy8DafOz1Iw8AcOk/96Thm3ei8xTL0IC1qZzH1NtY/P6X5SQlTeh\n"
     "ZdxxXVDldqHF50w1p9G9V96vm+jQs//8QTj31LwWmqLKYVWYtSClQXDPZh3Qv1+t\n"
     "+hK1n+y9vPJuhcOPKxpdolsCgYEA5O7ZGg/Gt78PX9BoVom00Xu6eb4Qt7Bt+0sK\n"
     "sX++fhbZEb47IVx7dmiGodTuXP79Cm2wUCRZugYDU0r6KNsDNQ55kaz2UiM3Kc0f\n"
     "TbEPGzzRHbfiSQeNOPYD9fFqI1M5b9Fp7vqomMSwquH3w+y1QyyjtUqe/zaI9eMj\n"
     "pPXN7OMCgYA5NOxkPTFzUruVSh5SYnGkfGX6qzLrEifCT4eLAqHId+XhreNzQpMF\n"
     "IrZVuV2oCyJOQc16jheuIAuAPxz43htfCOjsEV+PnS5x8JdlAgEiNHrGwxj5un1g\n"
     "us04L+Fc6LdN3nTf03hbUyXKAhdLcvM6lrhL/tuPeHGy7WT+Lf5lvQKBgGvPa2AR\n"
     "k+SOTmAx1iECwqtwWBXjAx5uMK0J3uROI1hfzCPF8TS5x86wVM67ZvFWh7W0iDaF\n"
     "l9e54zEDeyFoWm9O/MM0r99ohB7kYVyGCHYsQtJ6+U6pBsGPYbgd030FQWQ+O2P2\n"
     "mRUwc35V4gdbXtVenU3P8WaAuSkKqYuS0kI/AoGAZbk9xgShdw4YGWRI4oxrNCDD\n"
     "CtroguVDUJFHqahQ/a2gX3d6wtHaY2jmeMY7t90HN3q8bbiVjbEmzfVD7nuPWUeV\n"
     "3qiOyWL/mVKnwMRTgto/OpHcLhIUktJjMNYpf0wA7XX1VBfyQSc9Q6cEPTMAt5Ay\n"
     "Dx/mv7aoLpjlU8hJEw8=\n"
     "-----END PRIVATE KEY-----\n"},
    {"dsa2",
     "-----BEGIN DSA PRIVATE KEY-----\n"
     "MIIDTgIBAAKCAQEA636JAesTxRo20MAKa+5xnSjhcQOdmatLUX4qjnSAqcx1TbED\n"
     "7DXpLorm0xnO4Uj8BSYctikbu8UkHfR3FTKa3hL0gi8pPqd7bo6H3BLvs9PbLjcJ\n"
     "BSewZIsfikFCESNpsCy/hxbjQPnCYFuhC33rVZkUBELf1mNMHD2OKqjXmemc7ZFV\n"
     "Ptc841wlIFoxNanVgau4bVWZMv9avwal4I4AYnqXMLQU9+VR0rFHqu/mMDtOtLjL\n"
     "6JEK96JFOLszLWn1balhSLeY8QBPKAVnPuNO7NeiBnw2ZA/o9MuVXxntc+4hCFFi\n"
     "x3iMFJWR+nRtYB7ZmjXsD0sJyexpfQ07IbuVrwIdANuCDKUBp9o0n+pH7/LV7m2Q\n"
     "+P6nyFXIsPYZViECggEBANMOBeGsrd+C/klWyaaKXBJdxFP81PFtTTeYgU5c1+pU\n"
     "UL7RnIfKjHT7PEGDQH6w+AOmfVlDpl+iNAm+pCzohr9jnyUQTLdcb+fF2lA/Bn5W\n"
     "S1WbPkulKIMKh2TSMt5cK5NZMztaYSjxImxMvwOPuy45xbHQYttF6KmvsEnaq/VY\n"
     "m0lRugbIHz7kQlWE6EMbSBtRmgutJp3ZQY+mGexxPxYnw2KMGX0DuLkYBG26h/Gx\n"
     "xjY7hgonEVhueHcEvJ8GE/F+TDpJp8C1kkGOwNgKraJyPRhtLfF5LvFxJqouHjln\n"
     "BKdUjK7+LRnLV2YkSCtXwmlCU9iD/RS9v2Etae0fUcoCggEAU5/QjtiKQcoNUoco\n"
     "fp87mzl+g0X+OMhJVd+4XoPm3E/5RZFW6VT5oqwgmJpXeEubZmK06UWa4hb0stCB\n"
     "GB7fl9Jd+4dR5o1dTAUKlTsPuUZCevIDpgYW+XeaADzJRXc7/2d9Gj2QHbQNOBZe\n"
     "ma2HjmlbKygjDXVrNstzp8GMESVvnuthW4hiX9kMYU9C10Q77c0INkPKgtBqYIJs\n"
     "qWpLnmYVD2R/5yceIBujSUHmWgbzYKxC9KopE+CMh0uO6BD/S+Wz9sWT8OgA1uTa\n"
     "F6i3aJJPCKGTMfeBK9pdRYrEKESdeAiYyDGaQDanl4rYDyx/ThLHpeXJoZvnxNPw\n"
     "POaf4AIcWdTeoGFWA3BN0jFvGRTndN4IDWxFhvzV2PHhuw==\n"
     "-----END DSA PRIVATE KEY-----\n"},
    {NULL, NULL}};
