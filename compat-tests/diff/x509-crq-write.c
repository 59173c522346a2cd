/* Differential test of building a request with gnutls_x509_crq_set_* and
 * signing it (RSA PKCS#1 v1.5 is deterministic, so the DER must match
 * byte for byte): version, DN by OID, key, key usage, basic constraints,
 * key purposes, subject alternative names (set and append), sign2 and
 * privkey_sign.  Output must be identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sign-key.h"

static void dump(gnutls_x509_crq_t crq, const char *label)
{
    gnutls_datum_t d;
    int r = gnutls_x509_crq_export2(crq, GNUTLS_X509_FMT_PEM, &d);
    printf("%s: export=%d\n%s", label, r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    printf("verify=%d\n", gnutls_x509_crq_verify(crq, 0));
    r = gnutls_x509_crq_print(crq, GNUTLS_CRT_PRINT_FULL, &d);
    printf("print=%d\n%s", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
}

int main(void)
{
    gnutls_x509_privkey_t key;
    gnutls_privkey_t pkey;
    gnutls_x509_crq_t crq;
    gnutls_datum_t kd = { (unsigned char *)key_pem, sizeof key_pem - 1 };
    unsigned char ip[4] = { 192, 0, 2, 1 };

    gnutls_global_init();
    gnutls_x509_privkey_init(&key);
    printf("key import=%d\n", gnutls_x509_privkey_import(key, &kd, GNUTLS_X509_FMT_PEM));

    gnutls_x509_crq_init(&crq);
    printf("set_version=%d\n", gnutls_x509_crq_set_version(crq, 1));
    printf("set C=%d\n", gnutls_x509_crq_set_dn_by_oid(crq, GNUTLS_OID_X520_COUNTRY_NAME, 0, "GR", 2));
    printf("set O=%d\n", gnutls_x509_crq_set_dn_by_oid(crq, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, "Gnossl Org", 10));
    printf("set CN=%d\n", gnutls_x509_crq_set_dn_by_oid(crq, GNUTLS_OID_X520_COMMON_NAME, 0, "www.example.org", 15));
    printf("set_key=%d\n", gnutls_x509_crq_set_key(crq, key));
    printf("sign2=%d\n", gnutls_x509_crq_sign2(crq, key, GNUTLS_DIG_SHA256, 0));
    dump(crq, "minimal");

    printf("set_key_usage=%d\n",
           gnutls_x509_crq_set_key_usage(crq, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT));
    printf("set_basic_constraints=%d\n", gnutls_x509_crq_set_basic_constraints(crq, 0, -1));
    printf("set_purpose=%d\n", gnutls_x509_crq_set_key_purpose_oid(crq, GNUTLS_KP_TLS_WWW_SERVER, 0));
    printf("set_purpose2=%d\n", gnutls_x509_crq_set_key_purpose_oid(crq, GNUTLS_KP_TLS_WWW_CLIENT, 0));
    printf("set_san=%d\n", gnutls_x509_crq_set_subject_alt_name(crq, GNUTLS_SAN_DNSNAME, "www.example.org", 15,
                                                                 GNUTLS_FSAN_SET));
    printf("append_san=%d\n", gnutls_x509_crq_set_subject_alt_name(crq, GNUTLS_SAN_IPADDRESS, ip, 4,
                                                                    GNUTLS_FSAN_APPEND));
    printf("othername utf8=%d\n", gnutls_x509_crq_set_subject_alt_othername(crq, "1.3.6.1.4.1.311.20.2.3",
                                                                          "user@EXAMPLE", 12,
                                                                          GNUTLS_FSAN_APPEND |
                                                                              GNUTLS_FSAN_ENCODE_UTF8_STRING));
    /* a DER otherName value (here the UPN OID again with a DER UTF8String);
     * an unknown OID would also exercise gnutls_x509_crt_print's otherName
     * output, which is the certificate printer's business */
    static const unsigned char oth_der[] = { 0x0c, 0x03, 'a', '@', 'b' };
    printf("othername der=%d\n", gnutls_x509_crq_set_subject_alt_othername(crq, "1.3.6.1.4.1.311.20.2.3",
                                                                         oth_der, sizeof oth_der,
                                                                         GNUTLS_FSAN_APPEND));
    printf("key_usage again=%d\n", gnutls_x509_crq_set_key_usage(crq, GNUTLS_KEY_KEY_CERT_SIGN));
    static const unsigned char ext_der[] = { 0x30, 0x03, 0x02, 0x01, 0x05 };
    printf("set_extension_by_oid=%d\n", gnutls_x509_crq_set_extension_by_oid(crq, "1.2.3.4.5", ext_der,
                                                                              sizeof ext_der, 0));
    printf("set_challenge_password=%d\n", gnutls_x509_crq_set_challenge_password(crq, "s3cret pass"));
    gnutls_privkey_init(&pkey);
    printf("privkey import=%d\n", gnutls_privkey_import_x509(pkey, key, 0));
    printf("privkey_sign=%d\n", gnutls_x509_crq_privkey_sign(crq, pkey, GNUTLS_DIG_SHA384, 0));
    dump(crq, "extensions");
    unsigned ku = 0, crit = 0;
    int r = gnutls_x509_crq_get_key_usage(crq, &ku, &crit);
    printf("get key_usage=%d ku=%u crit=%u\n", r, ku, crit);
    char buf[256];
    size_t sz = 0;
    r = gnutls_x509_crq_get_challenge_password(crq, NULL, &sz);
    printf("challenge query=%d size=%zu\n", r, sz);
    sz = sizeof buf;
    r = gnutls_x509_crq_get_challenge_password(crq, buf, &sz);
    printf("challenge=%d size=%zu %s\n", r, sz, r >= 0 ? buf : "");
    for (unsigned i = 0; i < 3; i++) {
        unsigned type = 99;
        crit = 9;
        sz = sizeof buf;
        r = gnutls_x509_crq_get_subject_alt_name(crq, i, buf, &sz, &type, &crit);
        printf("san%u=%d type=%u crit=%u size=%zu\n", i, r, type, crit, sz);
    }

    /* into a certificate, and into a public key */
    gnutls_x509_crt_t crt;
    gnutls_x509_crt_init(&crt);
    r = gnutls_x509_crt_set_crq(crt, crq);
    printf("crt_set_crq=%d", r);
    gnutls_datum_t cd;
    if (gnutls_x509_crt_get_dn2(crt, &cd) >= 0) {
        printf(" dn=%s", cd.data);
        gnutls_free(cd.data);
    }
    unsigned cbits = 0;
    int cpk = gnutls_x509_crt_get_pk_algorithm(crt, &cbits);
    printf(" pk=%d bits=%u\n", cpk, cbits);
    gnutls_x509_crt_deinit(crt);
    gnutls_pubkey_t pub;
    gnutls_pubkey_init(&pub);
    r = gnutls_pubkey_import_x509_crq(pub, crq, 0);
    unsigned pku = 0;
    int ppk = gnutls_pubkey_get_pk_algorithm(pub, &cbits);
    gnutls_pubkey_get_key_usage(pub, &pku);
    printf("pubkey_import_x509_crq=%d pk=%d bits=%u usage=%u\n", r, ppk, cbits, pku);
    gnutls_pubkey_deinit(pub);

    /* a DN from a string */
    gnutls_x509_crq_t q2;
    static const char *const dns[] = { "CN=test.example.com,O=Example Org,C=GR",
                                       "CN=comma\\, inside,OU=Unit,O=Org,L=Athens,ST=Attica,C=GR",
                                       "UID=jdoe,DC=example,DC=com", "EMAIL=a@example.com,CN=x",
                                       "2.5.4.3=by oid" };
    for (unsigned i = 0; i < sizeof dns / sizeof dns[0]; i++) {
        gnutls_x509_crq_init(&q2);
        r = gnutls_x509_crq_set_dn(q2, dns[i], NULL);
        printf("set_dn \"%s\"=%d\n", dns[i], r);
        gnutls_datum_t d;
        if (gnutls_x509_crq_get_dn2(q2, &d) >= 0) {
            printf(" dn2=%s\n", d.data);
            gnutls_free(d.data);
        }
        gnutls_x509_crq_set_key(q2, key);
        gnutls_x509_crq_sign2(q2, key, GNUTLS_DIG_SHA256, 0);
        dump(q2, " signed");
        gnutls_x509_crq_deinit(q2);
    }
    gnutls_privkey_deinit(pkey);
    gnutls_x509_crq_deinit(crq);
    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
    return 0;
}
