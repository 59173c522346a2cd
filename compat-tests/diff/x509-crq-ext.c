/* Differential test of the request getters of extensions by index and
 * OID, attributes, key/signature OIDs, RSA parameters, TLS features,
 * private key usage period and other-name OIDs, on a request made by
 * `openssl req` (challenge password, unstructured name, several
 * extensions) and on one built with the setters (signed RSA PKCS#1 v1.5:
 * its DER must match real GnuTLS). */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sign-key.h"

static const char csr_pem[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIIC4zCCAcsCAQAwITERMA8GA1UEAwwIY3NyIHRlc3QxDDAKBgNVBAoMA09yZzCC\n"
    "ASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBALjgRUGFDYEVqu8KPrAHHQCj\n"
    "W1XnLNeI8ULZOKz5hXCGiMVe23ZiQyXgw3Di6wKZ1pr2266ML9nPP6Je4o5wJdTd\n"
    "XlmCC9wGH5rRFca8HX3Wm875JZGzTWMLUqb6P632sRxRK2Qb5RVPlCz/LdaXQqmj\n"
    "R8jveo76ezjQo76UFZkXTHDO0BBYbEwo/ah9vxEZEndkEIHU6rN/zR5WwydqUqzS\n"
    "UN6K1M7TcNd6beyc0K2aAGvCiLCDPNYVhNV6wTtxz6zycXUM2AFPvE8Q2LaYna0G\n"
    "UYHbNWLcVkf9FZPXcaKlCUO1lR1t5XBfClYFxh2OtVt801BbbE1iEAUVUEy3Kf8C\n"
    "AwEAAaB9MHsGCSqGSIb3DQEJDjFuMGwwNgYDVR0RBC8wLYIJYS5leGFtcGxloBkG\n"
    "CisGAQQBgjcUAgOgCwwJdXBuQHJlYWxtgQV4QHkuejAOBgNVHQ8BAf8EBAMCB4Aw\n"
    "EQYIKwYBBQUHARgEBTADAgEFMA8GAyoDBAQIDAZjdXN0b20wDQYJKoZIhvcNAQEL\n"
    "BQADggEBACbS6CLWC5A+PwITW6k7PEpBVFgg9vEBoY68/+x5eerPztKOUDo3ndUk\n"
    "zXnajhKD7/c2ar6VByOguYpBNa7FQIUJtJFWePXVEcJZ0c4oZOTRUVPgT86UOX0T\n"
    "r33bo8kBPYIAIH/Wa9jF0he4NgCsdTDTp58PYVwMRfV15qXh+szhxSuaXjiBvfFr\n"
    "cWdh+pX4xTmFnj2HAtwd25eTdnyX5u+/mVbjdEFmCjK4vOLB3JUDpRIkpaJSWP8u\n"
    "+KPgClKk0Y6pUzkvLJBriezpflRjYh2IjtXBGBxXLyxT/RgRuwfOyLZW6tasCGzr\n"
    "LWJAJYqKHkOSuRBE3EmW0ZaaHwGX6mw=\n"
    "-----END CERTIFICATE REQUEST-----\n"
    ;

static void hex(const char *label, const unsigned char *d, size_t n)
{
    printf("%s(%u)=", label, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", d[i]);
    printf("\n");
}

static void show(gnutls_x509_crq_t crq, const char *label)
{
    char buf[1024];
    size_t sz;
    unsigned crit, i;
    int r;
    gnutls_datum_t d, m, e;

    printf("== %s\n", label);
    for (i = 0; i < 8; i++) {
        sz = sizeof buf;
        crit = 9;
        r = gnutls_x509_crq_get_extension_info(crq, i, buf, &sz, &crit);
        printf("ext[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" %s crit=%u size=%u\n", buf, crit, (unsigned)sz);
        sz = sizeof buf;
        r = gnutls_x509_crq_get_extension_data(crq, i, buf, &sz);
        printf(" data=%d", r);
        if (r >= 0)
            hex("", (unsigned char *)buf, sz);
        else
            printf("\n");
        sz = 0;
        printf(" data null=%d size=%u\n", gnutls_x509_crq_get_extension_data(crq, i, NULL, &sz), (unsigned)sz);
        r = gnutls_x509_crq_get_extension_data2(crq, i, &d);
        printf(" data2=%d %u\n", r, r >= 0 ? d.size : 0);
        if (r >= 0)
            gnutls_free(d.data);
    }
    const char *oids[] = { "2.5.29.17", "2.5.29.15", "1.2.3.4", "2.5.29.19" };
    for (i = 0; i < 4; i++) {
        sz = sizeof buf;
        crit = 9;
        r = gnutls_x509_crq_get_extension_by_oid(crq, oids[i], 0, buf, &sz, &crit);
        printf("by_oid %s=%d crit=%u", oids[i], r, crit);
        if (r >= 0)
            hex("", (unsigned char *)buf, sz);
        else
            printf("\n");
        r = gnutls_x509_crq_get_extension_by_oid2(crq, oids[i], 0, &d, &crit);
        printf("by_oid2=%d\n", r);
        if (r >= 0)
            gnutls_free(d.data);
    }
    sz = 1;
    printf("by_oid short=%d size=%u\n", gnutls_x509_crq_get_extension_by_oid(crq, "2.5.29.17", 0, buf, &sz, NULL),
           (unsigned)sz);
    for (i = 0; i < 6; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crq_get_attribute_info(crq, i, buf, &sz);
        printf("attr[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" %s\n", buf);
        sz = sizeof buf;
        r = gnutls_x509_crq_get_attribute_data(crq, i, buf, &sz);
        printf(" data=%d", r);
        if (r >= 0)
            hex("", (unsigned char *)buf, sz);
        else
            printf("\n");
    }
    const char *aoids[] = { "1.2.840.113549.1.9.7", "1.2.840.113549.1.9.2", "1.2.840.113549.1.9.14", "1.2.3" };
    for (i = 0; i < 4; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crq_get_attribute_by_oid(crq, aoids[i], 0, buf, &sz);
        printf("attr by oid %s=%d", aoids[i], r);
        if (r >= 0)
            hex("", (unsigned char *)buf, sz);
        else
            printf("\n");
    }
    sz = sizeof buf;
    r = gnutls_x509_crq_get_pk_oid(crq, buf, &sz);
    printf("pk oid=%d %s\n", r, r >= 0 ? buf : "");
    sz = sizeof buf;
    r = gnutls_x509_crq_get_signature_oid(crq, buf, &sz);
    printf("sig oid=%d %s\n", r, r >= 0 ? buf : "");
    r = gnutls_x509_crq_get_key_rsa_raw(crq, &m, &e);
    printf("rsa raw=%d", r);
    if (r >= 0) {
        hex(" e", e.data, e.size);
        printf(" m size=%u\n", m.size);
        gnutls_free(m.data);
        gnutls_free(e.data);
    } else
        printf("\n");
    gnutls_x509_tlsfeatures_t f;
    gnutls_x509_tlsfeatures_init(&f);
    crit = 9;
    r = gnutls_x509_crq_get_tlsfeatures(crq, f, 0, &crit);
    printf("tlsfeatures=%d crit=%u", r, crit);
    unsigned feat;
    for (i = 0; r >= 0 && gnutls_x509_tlsfeatures_get(f, i, &feat) == 0; i++)
        printf(" %u", feat);
    printf("\n");
    gnutls_x509_tlsfeatures_deinit(f);
    time_t a = 0, b = 0;
    r = gnutls_x509_crq_get_private_key_usage_period(crq, &a, &b, &crit);
    printf("pkup=%d %ld %ld\n", r, (long)a, (long)b);
    for (i = 0; i < 4; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crq_get_subject_alt_othername_oid(crq, i, buf, &sz);
        printf("othername oid[%u]=%d %s\n", i, r, r >= 0 ? buf : "");
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
    }
}

int main(void)
{
    gnutls_datum_t cd = { (unsigned char *)csr_pem, sizeof csr_pem - 1 };
    gnutls_datum_t kd = { (unsigned char *)key_pem, sizeof key_pem - 1 };
    gnutls_x509_crq_t crq;
    gnutls_x509_privkey_t key;
    gnutls_datum_t d;
    int r;

    setvbuf(stdout, NULL, _IOLBF, 0);
    gnutls_global_init();
    gnutls_x509_crq_init(&crq);
    printf("import=%d\n", gnutls_x509_crq_import(crq, &cd, GNUTLS_X509_FMT_PEM));
    show(crq, "openssl");
    r = gnutls_x509_crq_print(crq, GNUTLS_CRT_PRINT_FULL, &d);
    printf("print=%d\n%s\n", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    gnutls_x509_crq_deinit(crq);

    gnutls_x509_privkey_init(&key);
    gnutls_x509_privkey_import(key, &kd, GNUTLS_X509_FMT_PEM);
    gnutls_x509_crq_init(&crq);
    gnutls_x509_crq_set_version(crq, 1);
    gnutls_x509_crq_set_dn(crq, "CN=built,O=Gnossl", NULL);
    gnutls_x509_crq_set_key(crq, key);
    gnutls_x509_tlsfeatures_t f;
    gnutls_x509_tlsfeatures_init(&f);
    gnutls_x509_tlsfeatures_add(f, 5);
    printf("set tlsfeatures=%d\n", gnutls_x509_crq_set_tlsfeatures(crq, f));
    gnutls_x509_tlsfeatures_deinit(f);
    printf("set pkup=%d\n", gnutls_x509_crq_set_private_key_usage_period(crq, 1700000000, 1800000000));
    printf("set othername=%d\n", gnutls_x509_crq_set_subject_alt_othername(crq, "1.3.6.1.5.5.7.8.5", "me@jabber", 9,
                                                                          GNUTLS_FSAN_ENCODE_UTF8_STRING));
    printf("set attr=%d\n", gnutls_x509_crq_set_attribute_by_oid(crq, "1.2.840.113549.1.9.2", "\x0c\x03xyz", 5));
    printf("set attr again=%d\n", gnutls_x509_crq_set_attribute_by_oid(crq, "1.2.840.113549.1.9.2", "\x13\x02" "ab", 4));
    printf("sign=%d\n", gnutls_x509_crq_sign2(crq, key, GNUTLS_DIG_SHA256, 0));
    r = gnutls_x509_crq_export2(crq, GNUTLS_X509_FMT_DER, &d);
    printf("export=%d\n", r);
    if (r >= 0) {
        hex("der", d.data, d.size);
        gnutls_free(d.data);
    }
    show(crq, "built");
    r = gnutls_x509_crq_print(crq, GNUTLS_CRT_PRINT_FULL, &d);
    printf("print=%d\n%s\n", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    gnutls_x509_crq_deinit(crq);

    /* alternative names of every type */
    {
        static const struct {
            unsigned t;
            const char *v;
            unsigned l;
        } sv[] = { { GNUTLS_SAN_OTHERNAME_XMPP, "me@jabber", 9 },
                   { GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL, "user/host@REALM", 15 },
                   { GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL, "u@dom", 5 },
                   { GNUTLS_SAN_DN, "\x30\x0f\x31\x0d\x30\x0b\x06\x03\x55\x04\x03\x0c\x04test", 17 },
                   { GNUTLS_SAN_REGISTERED_ID, "1.2.3.4", 7 },
                   { GNUTLS_SAN_OTHERNAME, "\x0c\x01x", 3 },
                   { GNUTLS_SAN_IPADDRESS, "\1\2\3", 3 } };
        for (unsigned i = 0; i < sizeof sv / sizeof sv[0]; i++) {
            gnutls_x509_crq_init(&crq);
            gnutls_x509_crq_set_key(crq, key);
            r = gnutls_x509_crq_set_subject_alt_name(crq, sv[i].t, sv[i].v, sv[i].l, 0);
            printf("crq san type %u=%d", sv[i].t, r);
            if (r >= 0 && gnutls_x509_crq_get_extension_by_oid2(crq, "2.5.29.17", 0, &d, NULL) >= 0) {
                hex("", d.data, d.size);
                gnutls_free(d.data);
            } else
                printf("\n");
            gnutls_x509_crq_deinit(crq);
        }
    }

    /* a request with a raw RSA key */
    gnutls_datum_t m, e;
    gnutls_x509_privkey_export_rsa_raw(key, &m, &e, NULL, NULL, NULL, NULL);
    gnutls_x509_crq_init(&crq);
    printf("set_key_rsa_raw=%d\n", gnutls_x509_crq_set_key_rsa_raw(crq, &m, &e));
    gnutls_free(m.data);
    gnutls_free(e.data);
    r = gnutls_x509_crq_get_key_rsa_raw(crq, &m, &e);
    printf("get rsa raw=%d size=%u\n", r, r >= 0 ? m.size : 0);
    if (r >= 0) {
        gnutls_free(m.data);
        gnutls_free(e.data);
    }
    gnutls_x509_crq_deinit(crq);
    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
    return 0;
}
