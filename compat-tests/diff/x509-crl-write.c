/* Differential test of CRL building (gnutls_x509_crl_set_*, sign2 and
 * privkey_sign with RSA PKCS#1 v1.5, so the DER must match byte for
 * byte), CRL getters, iterators and gnutls_x509_crl_print in every
 * format, on built CRLs and on one made by `openssl ca -gencrl`.
 * Output identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sign-key.h"

static const char openssl_crl_pem[] =
    "-----BEGIN X509 CRL-----\n"
    "MIIBwDCBqQIBATANBgkqhkiG9w0BAQsFADAgMRAwDgYDVQQDDAdUZXN0IENBMQww\n"
    "CgYDVQQKDANPcmcXDTI2MTEyNDAwMzUxN1oXDTI2MTIyNDAwMzUxN1owIzAhAgIS\n"
    "NBcNMjYxMTI0MDAzNTE3WjAMMAoGA1UdFQQDCgEBoDAwLjAfBgNVHSMEGDAWgBTC\n"
    "kk2FrwFYwPjPAolVTaXUPrHQXDALBgNVHRQEBAICEAAwDQYJKoZIhvcNAQELBQAD\n"
    "ggEBAFHTA/FeojbGK6cNLI91x/PFT9cJbUPmFycWIWbkQuoslExut3uhAyr8baj/\n"
    "5TPe6tGf3sveW6gBhyRe7z3kLXWkpGmub81kteUYmRx+KprgTTTE/vGSwDVSqC+1\n"
    "AyjpIbKxR9Kt9h7aRaXvNgx0G184g/gNSDyYRIWYeaxMO4j7pkWrE8yor01AaF3K\n"
    "xoEIi4t4/4XV1XJLzZJ26K7jUfssmvcYoVJuqciLlvnfchFpWOANOK/Zj9gvxxIC\n"
    "/7O8D5lVMA4yJ8rxLRkrvRht+b3xI6ftqr+r54UDGgBtWmDddt7HeNgqChLUkY3w\n"
    "SlqXcZUu0vEu/4gbtzS8dLpmaKU=\n"
    "-----END X509 CRL-----\n"
    ;

static void hex(const char *label, const unsigned char *d, size_t n)
{
    printf("%s(%u)=", label, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", d[i]);
    printf("\n");
}

static void show(gnutls_x509_crl_t crl, const char *label)
{
    gnutls_datum_t d;
    char buf[512];
    size_t sz;
    unsigned crit;
    int r;

    printf("== %s\n", label);
    r = gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_DER, &d);
    printf("export=%d\n", r);
    if (r >= 0) {
        hex("der", d.data, d.size);
        gnutls_free(d.data);
    }
    printf("version=%d count=%d this=%ld next=%ld sigalg=%d\n", gnutls_x509_crl_get_version(crl),
           gnutls_x509_crl_get_crt_count(crl), (long)gnutls_x509_crl_get_this_update(crl),
           (long)gnutls_x509_crl_get_next_update(crl), gnutls_x509_crl_get_signature_algorithm(crl));
    sz = sizeof buf;
    crit = 9;
    r = gnutls_x509_crl_get_number(crl, buf, &sz, &crit);
    printf("number=%d", r);
    if (r >= 0)
        hex(" crit", (unsigned char *)buf, sz);
    else
        printf("\n");
    sz = sizeof buf;
    r = gnutls_x509_crl_get_authority_key_id(crl, buf, &sz, &crit);
    printf("aki=%d", r);
    if (r >= 0)
        hex("", (unsigned char *)buf, sz);
    else
        printf("\n");
    for (unsigned i = 0; i < 4; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crl_get_extension_info(crl, i, buf, &sz, &crit);
        printf("ext[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" %s crit=%u", buf, crit);
        sz = sizeof buf;
        r = gnutls_x509_crl_get_extension_data(crl, i, buf, &sz);
        if (r >= 0)
            hex(" data", (unsigned char *)buf, sz);
        else
            printf(" data=%d\n", r);
        sz = sizeof buf;
        r = gnutls_x509_crl_get_extension_oid(crl, i, buf, &sz);
        printf("oid[%u]=%d %s\n", i, r, r >= 0 ? buf : "");
    }
    sz = sizeof buf;
    r = gnutls_x509_crl_get_signature_oid(crl, buf, &sz);
    printf("sig oid=%d %s\n", r, r >= 0 ? buf : "");
    sz = sizeof buf;
    r = gnutls_x509_crl_get_signature(crl, buf, &sz);
    printf("signature=%d %u\n", r, (unsigned)sz);
    sz = sizeof buf;
    r = gnutls_x509_crl_get_dn_oid(crl, 0, buf, &sz);
    printf("dn oid=%d %s\n", r, r >= 0 ? buf : "");
    sz = sizeof buf;
    r = gnutls_x509_crl_get_issuer_dn_by_oid(crl, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &sz);
    printf("issuer CN=%d %s\n", r, r >= 0 ? buf : "");
    gnutls_x509_crl_iter_t iter = NULL;
    for (unsigned i = 0; i < 8; i++) {
        unsigned char serial[64];
        time_t t;
        sz = sizeof serial;
        r = gnutls_x509_crl_iter_crt_serial(crl, &iter, serial, &sz, &t);
        printf("iter[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" t=%ld", (long)t);
        hex(" serial", serial, sz);
    }
    gnutls_x509_crl_iter_deinit(iter);
    for (int f = 0; f < 4; f++) {
        r = gnutls_x509_crl_print(crl, (gnutls_certificate_print_formats_t)f, &d);
        printf("print[%d]=%d\n%s\n", f, r, r >= 0 ? (char *)d.data : "");
        if (r >= 0)
            gnutls_free(d.data);
    }
}

int main(void)
{
    gnutls_datum_t kd = { (unsigned char *)key_pem, sizeof key_pem - 1 };
    gnutls_x509_privkey_t key;
    gnutls_privkey_t pkey;
    gnutls_x509_crt_t ca;
    gnutls_x509_crl_t crl;
    int r;

    gnutls_global_init();
    gnutls_x509_privkey_init(&key);
    printf("key import=%d\n", gnutls_x509_privkey_import(key, &kd, GNUTLS_X509_FMT_PEM));
    gnutls_privkey_init(&pkey);
    gnutls_privkey_import_x509(pkey, key, 0);

    gnutls_x509_crt_init(&ca);
    gnutls_x509_crt_set_version(ca, 3);
    gnutls_x509_crt_set_serial(ca, "\x42\x01", 2);
    gnutls_x509_crt_set_activation_time(ca, 1700000000);
    gnutls_x509_crt_set_expiration_time(ca, 1900000000);
    gnutls_x509_crt_set_dn(ca, "CN=Test CRL CA,O=Gnossl", NULL);
    gnutls_x509_crt_set_key(ca, key);
    gnutls_x509_crt_set_basic_constraints(ca, 1, -1);
    gnutls_x509_crt_set_key_usage(ca, GNUTLS_KEY_CRL_SIGN | GNUTLS_KEY_KEY_CERT_SIGN);
    gnutls_x509_crt_set_subject_key_id(ca, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    printf("ca sign=%d\n", gnutls_x509_crt_sign2(ca, ca, key, GNUTLS_DIG_SHA256, 0));

    /* a full CRL */
    gnutls_x509_crl_init(&crl);
    printf("set_version=%d\n", gnutls_x509_crl_set_version(crl, 2));
    printf("set_this=%d\n", gnutls_x509_crl_set_this_update(crl, 1700000100));
    printf("set_next=%d\n", gnutls_x509_crl_set_next_update(crl, 1700864100));
    printf("set_crt_serial=%d\n", gnutls_x509_crl_set_crt_serial(crl, "\x12\x34", 2, 1700000050));
    printf("set_crt_serial hi=%d\n", gnutls_x509_crl_set_crt_serial(crl, "\x00\x80\x01", 3, 1700000060));
    printf("set_crt_serial 1=%d\n", gnutls_x509_crl_set_crt_serial(crl, "\x05", 1, 1700000070));
    printf("set_crt=%d\n", gnutls_x509_crl_set_crt(crl, ca, 1700000080));
    printf("set_aki=%d\n", gnutls_x509_crl_set_authority_key_id(crl, "\x01\x02\x03\x04\x05\x06\x07\x08", 8));
    printf("set_number=%d\n", gnutls_x509_crl_set_number(crl, "\x10\x01", 2));
    printf("sign2=%d\n", gnutls_x509_crl_sign2(crl, ca, key, GNUTLS_DIG_SHA256, 0));
    show(crl, "full");
    gnutls_datum_t der;
    gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_PEM, &der);
    gnutls_x509_crl_t crl2;
    gnutls_x509_crl_init(&crl2);
    printf("reimport=%d\n", gnutls_x509_crl_import(crl2, &der, GNUTLS_X509_FMT_PEM));
    gnutls_free(der.data);
    show(crl2, "reimported");
    /* verify against the CA as imported (a never-imported certificate
     * has no cached raw DN in GnuTLS, so it would match no issuer) */
    gnutls_x509_crt_t ca2;
    gnutls_datum_t cader;
    gnutls_x509_crt_export2(ca, GNUTLS_X509_FMT_DER, &cader);
    gnutls_x509_crt_init(&ca2);
    gnutls_x509_crt_import(ca2, &cader, GNUTLS_X509_FMT_DER);
    gnutls_free(cader.data);
    gnutls_x509_crt_t crts[1] = { ca2 };
    printf("verify list=%d\n", gnutls_x509_crl_verify(crl2, crts, 1, 0, (unsigned *)&r));
    printf("verify status=%d\n", r);
    printf("check_issuer=%u\n", gnutls_x509_crl_check_issuer(crl2, ca2));
    printf("check_revocation=%d\n", gnutls_x509_crt_check_revocation(ca2, &crl2, 1));
    gnutls_x509_crt_deinit(ca2);
    gnutls_x509_crl_deinit(crl2);
    gnutls_x509_crl_deinit(crl);

    /* minimal: no revoked certificates, no extensions, privkey_sign */
    gnutls_x509_crl_init(&crl);
    gnutls_x509_crl_set_version(crl, 1);
    gnutls_x509_crl_set_this_update(crl, 1700000100);
    gnutls_x509_crl_set_next_update(crl, 2600000000);
    printf("privkey_sign=%d\n", gnutls_x509_crl_privkey_sign(crl, ca, pkey, GNUTLS_DIG_SHA384, 0));
    show(crl, "minimal");
    gnutls_x509_crl_deinit(crl);

    /* bad arguments */
    gnutls_x509_crl_init(&crl);
    printf("bad version=%d\n", gnutls_x509_crl_set_version(crl, 0) < 0);
    gnutls_x509_crl_deinit(crl);

    /* made by openssl ca */
    gnutls_datum_t od = { (unsigned char *)openssl_crl_pem, sizeof openssl_crl_pem - 1 };
    gnutls_x509_crl_init(&crl);
    printf("openssl import=%d\n", gnutls_x509_crl_import(crl, &od, GNUTLS_X509_FMT_PEM));
    show(crl, "openssl");
    gnutls_x509_crl_deinit(crl);

    gnutls_x509_crt_deinit(ca);
    gnutls_privkey_deinit(pkey);
    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
    return 0;
}
