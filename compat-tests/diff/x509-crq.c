/* Differential test of gnutls_x509_crq_* getters: requests made with
 * `openssl req` (RSA; EC P-256; RSA with SAN, key usage, basic constraints
 * and extended key usage requested), a corrupted signature, and truncated /
 * garbage / empty input.  Output must be identical on real GnuTLS and
 * gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char leaf_csr[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIICcTCCAVkCAQAwLDEZMBcGA1UEAwwQbGVhZi5leGFtcGxlLmNvbTEPMA0GA1UE\n"
    "CgwGR25vc3NsMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArdYGq3pD\n"
    "flHXTgp3Z+9ld9HIiHUcmfd/b2RrnNtNvS2qTAfZp5SYKXWXqHHcyloNKUiiCi0S\n"
    "6gFizsJ9FG/NWlg5PoczqrsjZjjc6BLj810T1ZgPkh8O2G5+Ef37tUGDTjoAUMoL\n"
    "sCbr48xzZwLy4HMQFSB7I2pJp3NyPVVFZuqwjzHsyVxy+302IPmKK7W1B0HGUS5r\n"
    "g7sloci9y1GsiuJOWjAoP4h4Lir4lXGe4GSQQ6NWz34vh2to7RowXjMtnJshm/Wu\n"
    "0NP8Ltn5TpWcmEeign7qE6FHm3WysaePjR9xuUfkXqBvUQygmdi/EcJgdUJOFqxs\n"
    "bvnoBf96+ZkPlwIDAQABoAAwDQYJKoZIhvcNAQELBQADggEBAGxpFH/E1dRRHuRl\n"
    "FS+jjOuZ64CdMAjcTOjhvEHfc6wP+q12w1hWSze4Cd0DUK/t+F/tA8zwgxAXgjFW\n"
    "BPUKxUWyydIH3h4FR0/KWW2u7GD7u6CSFTI6hLwoF/TJUo/UEOgA81lPLwM14i5T\n"
    "9Bzxb1b91YqWfq8t83DVoSZ8bis50jsNy3cEy4OGfA/+6VEYkLOfxn/FpF0A7nFa\n"
    "vnNyn3LdYlYPXgs6N3n+pOiWqFXztOtaK0qYOJ0orhQCMqYuYLeC/9S9IQEi1GeP\n"
    "4eG3TUrjpcY2nEuNy/JZJrOsBYnMuvfceXf5+E0ZhVEiLQ1J9N6fAbze+6y1fdr2\n"
    "ChytxX8=\n"
    "-----END CERTIFICATE REQUEST-----\n"
    ;
static const char leaf2_csr[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIHZMIGAAgEAMB4xHDAaBgNVBAMME3Jldm9rZWQuZXhhbXBsZS5jb20wWTATBgcq\n"
    "hkjOPQIBBggqhkjOPQMBBwNCAATGwOQxjAKhoTTJu0hXWrvcg0sHlFOn4PHjJHDN\n"
    "TWVRUojw7HO7YYbNhYNWxm7pqBGb8AHBFpTOIiHDAzUIY4g3oAAwCgYIKoZIzj0E\n"
    "AwIDSAAwRQIhANyVxF9k0NH1LKqrb2mHU/PRX574TpJrRIHOj1+CyydbAiB2qTQ8\n"
    "CMzN2OFgFHDDgxE6T2M2hXfAt/w8t66YFyVLBQ==\n"
    "-----END CERTIFICATE REQUEST-----\n"
    ;
static const char san_csr[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIIC+DCCAeACAQAwPTELMAkGA1UEBhMCR1IxFDASBgNVBAoMC0dub3NzbCBUZXN0\n"
    "MRgwFgYDVQQDDA9zYW4uZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3DQEBAQUAA4IB\n"
    "DwAwggEKAoIBAQCt1garekN+UddOCndn72V30ciIdRyZ939vZGuc2029LapMB9mn\n"
    "lJgpdZeocdzKWg0pSKIKLRLqAWLOwn0Ub81aWDk+hzOquyNmONzoEuPzXRPVmA+S\n"
    "Hw7Ybn4R/fu1QYNOOgBQyguwJuvjzHNnAvLgcxAVIHsjakmnc3I9VUVm6rCPMezJ\n"
    "XHL7fTYg+YortbUHQcZRLmuDuyWhyL3LUayK4k5aMCg/iHguKviVcZ7gZJBDo1bP\n"
    "fi+Ha2jtGjBeMy2cmyGb9a7Q0/wu2flOlZyYR6KCfuoToUebdbKxp4+NH3G5R+Re\n"
    "oG9RDKCZ2L8RwmB1Qk4WrGxu+egF/3r5mQ+XAgMBAAGgdjB0BgkqhkiG9w0BCQ4x\n"
    "ZzBlMCkGA1UdEQQiMCCCCWEuZXhhbXBsZYcEAQIDBIENeEBleGFtcGxlLmNvbTAO\n"
    "BgNVHQ8BAf8EBAMCBaAwCQYDVR0TBAIwADAdBgNVHSUEFjAUBggrBgEFBQcDAQYI\n"
    "KwYBBQUHAwIwDQYJKoZIhvcNAQELBQADggEBAFEgTjncRIo9O9PN7tiQhMs8piIK\n"
    "YNmG4MuRTX9KKiLPZTUsfGK+w8xwcVfNrraVcM+DKxW47bUtpeeOQbOZtVXsKccD\n"
    "Xh5Mlum5pO2/2LbSgu7NHdSzfsWc3QjOVXCfd9JbDAeAZFrei30BAct0qFpqaTxR\n"
    "M/10UWLcqaPQ5k0XebgFExvl1ixXy1tOgDeXLNnK0ppv5mOrLrYlQKC0tB8oBOJG\n"
    "IG4TKvtBiAjwQLR1dk1FIm8EkW4IS2CMJZydGf43J6hpvfJamuaZX8mrZdoWIQMw\n"
    "e7mX1gBUbskTrUCDBqd4GceKzEXWg5mf7s5rfHsPFKySnPIUuBsoSfiJjMM=\n"
    "-----END CERTIFICATE REQUEST-----\n"
    ;

static void hex(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

static void show(const char *label, const char *pem, int corrupt)
{
    gnutls_x509_crq_t crq;
    gnutls_datum_t in = { (unsigned char *)pem, (unsigned)strlen(pem) }, d;
    int r;
    printf("== %s\n", label);
    gnutls_x509_crq_init(&crq);
    r = gnutls_x509_crq_import(crq, &in, GNUTLS_X509_FMT_PEM);
    printf("import=%d\n", r);
    if (r < 0)
        goto out;
    if (corrupt) {
        gnutls_datum_t der;
        gnutls_x509_crq_export2(crq, GNUTLS_X509_FMT_DER, &der);
        der.data[der.size - 5] ^= 1;
        printf("reimport corrupted=%d\n", gnutls_x509_crq_import(crq, &der, GNUTLS_X509_FMT_DER));
        gnutls_free(der.data);
    }
    printf("version=%d\n", gnutls_x509_crq_get_version(crq));
    unsigned bits = 0;
    printf("pk=%d bits=%u sigalg=%d verify=%d\n", gnutls_x509_crq_get_pk_algorithm(crq, &bits), bits,
           gnutls_x509_crq_get_signature_algorithm(crq), gnutls_x509_crq_verify(crq, 0));
    r = gnutls_x509_crq_get_dn2(crq, &d);
    printf("dn2=%d %s\n", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    r = gnutls_x509_crq_get_dn3(crq, &d, 0);
    printf("dn3=%d %s\n", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    char buf[512];
    size_t sz = 0;
    r = gnutls_x509_crq_get_dn(crq, NULL, &sz);
    printf("dn query=%d size=%zu", r, sz);
    sz = sizeof buf;
    r = gnutls_x509_crq_get_dn(crq, buf, &sz);
    printf(" dn=%d size=%zu %s\n", r, sz, r >= 0 ? buf : "");
    for (unsigned i = 0; i < 4; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crq_get_dn_oid(crq, i, buf, &sz);
        printf("dn_oid%u=%d %s", i, r, r >= 0 ? buf : "");
        if (r >= 0) {
            char v[256];
            size_t vs = sizeof v;
            int r2 = gnutls_x509_crq_get_dn_by_oid(crq, buf, 0, 0, v, &vs);
            printf(" value=%d %s", r2, r2 >= 0 ? v : "");
        }
        printf("\n");
    }
    sz = 0;
    r = gnutls_x509_crq_get_dn_by_oid(crq, GNUTLS_OID_X520_COMMON_NAME, 0, 0, NULL, &sz);
    printf("cn query=%d size=%zu\n", r, sz);
    unsigned char id[64];
    sz = sizeof id;
    r = gnutls_x509_crq_get_key_id(crq, 0, id, &sz);
    printf("key_id=%d ", r);
    if (r >= 0)
        hex(id, sz);
    sz = sizeof id;
    r = gnutls_x509_crq_get_key_id(crq, GNUTLS_KEYID_USE_SHA256, id, &sz);
    printf(" sha256=%d ", r);
    if (r >= 0)
        hex(id, sz);
    printf("\n");
    unsigned ku = 0, crit = 9, ca = 9;
    int pathlen = 9;
    r = gnutls_x509_crq_get_key_usage(crq, &ku, &crit);
    printf("key_usage=%d ku=%u crit=%u\n", r, ku, crit);
    crit = 9;
    r = gnutls_x509_crq_get_basic_constraints(crq, &crit, &ca, &pathlen);
    printf("basic_constraints=%d crit=%u ca=%u pathlen=%d\n", r, crit, ca, pathlen);
    for (unsigned i = 0; i < 3; i++) {
        sz = sizeof buf;
        crit = 9;
        r = gnutls_x509_crq_get_key_purpose_oid(crq, i, buf, &sz, &crit);
        printf("purpose%u=%d %s crit=%u\n", i, r, r >= 0 ? buf : "", crit);
    }
    r = gnutls_x509_crq_print(crq, GNUTLS_CRT_PRINT_FULL, &d);
    printf("print=%d\n%s", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    sz = 0;
    r = gnutls_x509_crq_export(crq, GNUTLS_X509_FMT_PEM, NULL, &sz);
    printf("export query=%d size=%zu\n", r, sz);
    r = gnutls_x509_crq_export2(crq, GNUTLS_X509_FMT_PEM, &d);
    printf("export2 pem=%d\n%s", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
out:
    gnutls_x509_crq_deinit(crq);
}

int main(void)
{
    gnutls_global_init();
    show("rsa", leaf_csr, 0);
    show("ec", leaf2_csr, 0);
    show("san", san_csr, 0);
    show("corrupted signature", leaf_csr, 1);
    static const unsigned char garbage[] = "not a certificate request";
    const struct {
        const char *n;
        const unsigned char *p;
        size_t len;
    } bad[] = {
        { "empty", garbage, 0 },
        { "garbage", garbage, sizeof garbage - 1 },
        { "pem-trunc", (const unsigned char *)leaf_csr, 100 },
        { "pem-minus30", (const unsigned char *)leaf_csr, sizeof leaf_csr - 30 },
    };
    printf("== bad input\n");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gnutls_x509_crq_t crq;
        gnutls_datum_t in = { (unsigned char *)bad[i].p, (unsigned)bad[i].len };
        gnutls_x509_crq_init(&crq);
        int a = gnutls_x509_crq_import(crq, &in, GNUTLS_X509_FMT_DER);
        int b = gnutls_x509_crq_import(crq, &in, GNUTLS_X509_FMT_PEM);
        printf("%s: der=%d pem=%d\n", bad[i].n, a < 0 ? -1 : a, b < 0 ? -1 : b);
        gnutls_x509_crq_deinit(crq);
    }
    gnutls_global_deinit();
    return 0;
}
