/* Unit tests of the x509 room: certificates built here with OpenSSL (so
 * every field is known) go through gnossl's gnutls_x509_crt_*, DN
 * formatting, host name rules, the size-query protocol, bad input, trust
 * lists and keys.  Expected values are GnuTLS 3.7.9's documented or
 * observed behaviour (see compat-tests/diff/x509-*.c for the differential
 * side). */
#include <check.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

static EVP_PKEY *key;

/* set: 0 starts a new RDN, -1 joins the previous one (multi-valued) */
static void add(X509_NAME *n, const char *field, const char *value, int set)
{
    X509_NAME_add_entry_by_txt(n, field, MBSTRING_UTF8, (const unsigned char *)value, -1, -1, set);
}

/* A self-signed certificate; san may be NULL; validity in days from now
 * (negative: already expired). */
static gnutls_x509_crt_t make_crt(X509_NAME *name, const char *san, long from_days, long to_days)
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 0x1234);
    X509_set_subject_name(x, name);
    X509_set_issuer_name(x, name);
    X509_gmtime_adj(X509_getm_notBefore(x), from_days * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x), to_days * 86400);
    X509_set_pubkey(x, key);
    if (san) {
        X509V3_CTX ctx;
        X509V3_set_ctx(&ctx, x, x, NULL, NULL, 0);
        X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, &ctx, NID_subject_alt_name, san);
        ck_assert_ptr_nonnull(e);
        X509_add_ext(x, e, -1);
        X509_EXTENSION_free(e);
    }
    X509_sign(x, key, EVP_sha256());
    unsigned char *der = NULL;
    int len = i2d_X509(x, &der);
    X509_free(x);
    gnutls_x509_crt_t c;
    ck_assert_int_eq(gnutls_x509_crt_init(&c), 0);
    gnutls_datum_t d = {der, (unsigned)len};
    ck_assert_int_eq(gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_DER), 0);
    OPENSSL_free(der);
    return c;
}

static gnutls_x509_crt_t simple(const char *cn, const char *san)
{
    X509_NAME *n = X509_NAME_new();
    add(n, "CN", cn, 0);
    gnutls_x509_crt_t c = make_crt(n, san, 0, 30);
    X509_NAME_free(n);
    return c;
}

START_TEST(dn_format)
{
    X509_NAME *n = X509_NAME_new();
    add(n, "C", "DE", 0);
    add(n, "O", "a,b+c\"d\\e<f>g;h", 0);
    add(n, "OU", "#lead", 0);
    add(n, "OU", " both ", 0); /* a new RDN with two values */
    add(n, "UID", "u1", -1);
    X509_NAME_ENTRY *e = X509_NAME_get_entry(n, X509_NAME_entry_count(n) - 1);
    ck_assert_int_eq(X509_NAME_ENTRY_set(e), 3);
    add(n, "CN", "Zürich", 0);
    gnutls_x509_crt_t c = make_crt(n, NULL, 0, 1);
    X509_NAME_free(n);

    gnutls_datum_t d;
    ck_assert_int_eq(gnutls_x509_crt_get_dn3(c, &d, 0), 0);
    ck_assert_str_eq((char *)d.data, "CN=Zürich,OU=\\ both\\ +UID=u1,OU=\\#lead,O=a\\,b\\+c\\\"d\\\\e\\<f\\>g\\;h,C=DE");
    ck_assert_uint_eq(d.size, strlen((char *)d.data));
    gnutls_free(d.data);
    /* the compat order is the certificate's */
    ck_assert_int_eq(gnutls_x509_crt_get_dn2(c, &d), 0);
    ck_assert_str_eq((char *)d.data, "C=DE,O=a\\,b\\+c\\\"d\\\\e\\<f\\>g\\;h,OU=\\#lead,OU=\\ both\\ +UID=u1,CN=Zürich");
    gnutls_free(d.data);

    /* size protocol: query, too short, exact */
    size_t sz = 0;
    ck_assert_int_eq(gnutls_x509_crt_get_dn(c, NULL, &sz), GNUTLS_E_SHORT_MEMORY_BUFFER);
    size_t need = sz;
    char buf[256];
    sz = need - 1;
    ck_assert_int_eq(gnutls_x509_crt_get_dn(c, buf, &sz), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(sz, need);
    sz = need;
    ck_assert_int_eq(gnutls_x509_crt_get_dn(c, buf, &sz), 0);
    ck_assert_uint_eq(sz, need - 1);
    ck_assert_uint_eq(strlen(buf), need - 1);

    /* by OID: escaped text, or the DER value */
    sz = sizeof buf;
    ck_assert_int_eq(gnutls_x509_crt_get_dn_by_oid(c, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, 0, buf, &sz), 0);
    ck_assert_str_eq(buf, "a\\,b\\+c\\\"d\\\\e\\<f\\>g\\;h");
    sz = sizeof buf;
    ck_assert_int_eq(gnutls_x509_crt_get_dn_by_oid(c, GNUTLS_OID_X520_COUNTRY_NAME, 0, 1, buf, &sz), 0);
    ck_assert_uint_eq(sz, 4);
    ck_assert_int_eq(memcmp(buf, "\x13\x02" "DE", 4), 0);
    sz = sizeof buf;
    ck_assert_int_eq(gnutls_x509_crt_get_dn_by_oid(c, GNUTLS_OID_X520_COMMON_NAME, 1, 0, buf, &sz),
                     GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    gnutls_x509_crt_deinit(c);
}
END_TEST

START_TEST(hostnames)
{
    gnutls_x509_crt_t c = simple("ignored.other.org", "DNS:*.example.com,DNS:f*.partial.com,IP:192.0.2.7,DNS:Exact.Example.ORG");
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "a.example.com"), 1);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "A.EXAMPLE.COM"), 1);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "a.b.example.com"), 0);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "example.com"), 0);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "fx.partial.com"), 0); /* no partial wildcards */
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "exact.example.org"), 1);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "ignored.other.org"), 0); /* CN unused with SANs */
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "192.0.2.7"), 1);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "192.0.2.8"), 0);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname2(c, "a.example.com", GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS), 0);
    gnutls_x509_crt_deinit(c);

    /* no SAN: the single CN counts, but never for IP addresses */
    c = simple("*.cn.example.com", NULL);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "www.cn.example.com"), 1);
    gnutls_x509_crt_deinit(c);
    c = simple("127.0.0.1", NULL);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "127.0.0.1"), 0);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname2(c, "127.0.0.1", GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES), 1);
    gnutls_x509_crt_deinit(c);
}
END_TEST

START_TEST(import_export)
{
    gnutls_x509_crt_t c = simple("rt.example.com", "DNS:rt.example.com");
    gnutls_datum_t pem, der;
    ck_assert_int_eq(gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_PEM, &pem), 0);
    ck_assert_int_eq(gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &der), 0);
    ck_assert(memcmp(pem.data, "-----BEGIN CERTIFICATE-----\n", 28) == 0);

    gnutls_x509_crt_t c2;
    gnutls_x509_crt_init(&c2);
    ck_assert_int_eq(gnutls_x509_crt_import(c2, &pem, GNUTLS_X509_FMT_PEM), 0);
    ck_assert_uint_eq(gnutls_x509_crt_equals(c, c2), 1);
    ck_assert_uint_eq(gnutls_x509_crt_equals2(c, &der), 1);
    ck_assert_int_eq(gnutls_x509_crt_get_version(c2), 3);

    unsigned char serial[8];
    size_t sz = sizeof serial;
    ck_assert_int_eq(gnutls_x509_crt_get_serial(c2, serial, &sz), 0);
    ck_assert_uint_eq(sz, 2);
    ck_assert_int_eq(serial[0], 0x12);

    /* export with the size protocol: PEM needs room for the NUL */
    sz = 0;
    ck_assert_int_eq(gnutls_x509_crt_export(c, GNUTLS_X509_FMT_PEM, NULL, &sz), GNUTLS_E_SHORT_MEMORY_BUFFER);
    ck_assert_uint_eq(sz, pem.size + 1);

    /* damaged input never crashes and is refused */
    for (unsigned cut = 0; cut < der.size; cut += 7) {
        gnutls_datum_t t = {der.data, cut};
        ck_assert_int_lt(gnutls_x509_crt_import(c2, &t, GNUTLS_X509_FMT_DER), 0);
    }
    for (unsigned cut = 0; cut + 30 < pem.size; cut += 50) {
        gnutls_datum_t t = {pem.data, cut};
        ck_assert_int_lt(gnutls_x509_crt_import(c2, &t, GNUTLS_X509_FMT_PEM), 0);
    }
    gnutls_datum_t junk = {(unsigned char *)"\x30\x82\xff\xff garbage", 13};
    ck_assert_int_eq(gnutls_x509_crt_import(c2, &junk, GNUTLS_X509_FMT_DER), GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t none = {(unsigned char *)"no pem here", 11};
    gnutls_x509_crt_t list[2];
    unsigned max = 2;
    ck_assert_int_eq(gnutls_x509_crt_list_import(list, &max, &none, GNUTLS_X509_FMT_PEM, 0), GNUTLS_E_NO_CERTIFICATE_FOUND);

    gnutls_free(pem.data);
    gnutls_free(der.data);
    gnutls_x509_crt_deinit(c2);
    gnutls_x509_crt_deinit(c);
}
END_TEST

START_TEST(trust_and_verify)
{
    gnutls_x509_crt_t good = simple("trusted.example.com", NULL);
    gnutls_x509_crt_t other = simple("stranger.example.com", NULL);
    X509_NAME *n = X509_NAME_new();
    add(n, "CN", "old.example.com", 0);
    gnutls_x509_crt_t old = make_crt(n, NULL, -60, -30);
    X509_NAME_free(n);

    gnutls_x509_trust_list_t tl;
    ck_assert_int_eq(gnutls_x509_trust_list_init(&tl, 0), 0);
    ck_assert_int_eq(gnutls_x509_trust_list_add_cas(tl, &good, 1, 0), 1);
    ck_assert_int_eq(gnutls_x509_trust_list_add_cas(tl, &old, 1, 0), 1);

    unsigned status = 99;
    ck_assert_int_eq(gnutls_x509_trust_list_verify_crt(tl, &good, 1, 0, &status, NULL), 0);
    ck_assert_uint_eq(status, 0);
    ck_assert_int_eq(gnutls_x509_trust_list_verify_crt(tl, &other, 1, 0, &status, NULL), 0);
    ck_assert_uint_eq(status, GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND);
    ck_assert_int_eq(gnutls_x509_trust_list_verify_crt(tl, &old, 1, 0, &status, NULL), 0);
    ck_assert_uint_eq(status, GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED);
    ck_assert_int_eq(gnutls_x509_trust_list_verify_crt(tl, &old, 1, GNUTLS_VERIFY_DISABLE_TIME_CHECKS, &status, NULL), 0);
    ck_assert_uint_eq(status, 0);

    gnutls_typed_vdata_st host = {GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)"wrong.example.com", 0};
    ck_assert_int_eq(gnutls_x509_trust_list_verify_crt2(tl, &good, 1, &host, 1, 0, &status, NULL), 0);
    ck_assert(status & GNUTLS_CERT_UNEXPECTED_OWNER);

    gnutls_x509_crt_t issuer;
    ck_assert_int_eq(gnutls_x509_trust_list_get_issuer(tl, good, &issuer, 0), 0);
    ck_assert_ptr_eq(issuer, good);
    gnutls_x509_trust_list_deinit(tl, 1); /* frees good and old */
    gnutls_x509_crt_deinit(other);
}
END_TEST

START_TEST(keys)
{
    gnutls_x509_privkey_t xk;
    gnutls_privkey_t pk;
    gnutls_pubkey_t pub;
    ck_assert_int_eq(gnutls_x509_privkey_init(&xk), 0);
    ck_assert_int_eq(gnutls_x509_privkey_generate(xk, GNUTLS_PK_EC, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0), 0);
    ck_assert_int_eq(gnutls_x509_privkey_get_pk_algorithm(xk), GNUTLS_PK_EC);

    gnutls_datum_t pem;
    ck_assert_int_eq(gnutls_x509_privkey_export2(xk, GNUTLS_X509_FMT_PEM, &pem), 0);
    ck_assert(strstr((char *)pem.data, "-----BEGIN EC PRIVATE KEY-----") != NULL);
    gnutls_x509_privkey_t back;
    gnutls_x509_privkey_init(&back);
    ck_assert_int_eq(gnutls_x509_privkey_import(back, &pem, GNUTLS_X509_FMT_PEM), 0);
    unsigned char a[32], b[32];
    size_t as = sizeof a, bs = sizeof b;
    ck_assert_int_eq(gnutls_x509_privkey_get_key_id(xk, 0, a, &as), 0);
    ck_assert_int_eq(gnutls_x509_privkey_get_key_id(back, 0, b, &bs), 0);
    ck_assert_uint_eq(as, 20);
    ck_assert_int_eq(memcmp(a, b, as), 0);
    gnutls_free(pem.data);
    gnutls_x509_privkey_deinit(back);

    gnutls_privkey_init(&pk);
    gnutls_pubkey_init(&pub);
    ck_assert_int_eq(gnutls_privkey_import_x509(pk, xk, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE), 0);
    ck_assert_int_eq(gnutls_pubkey_import_privkey(pub, pk, 0, 0), 0);
    gnutls_datum_t msg = {(unsigned char *)"hello", 5}, sig;
    ck_assert_int_eq(gnutls_privkey_sign_data2(pk, GNUTLS_SIGN_ECDSA_SHA256, 0, &msg, &sig), 0);
    ck_assert_int_eq(gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_ECDSA_SHA256, 0, &msg, &sig), 0);
    sig.data[sig.size / 2] ^= 1;
    ck_assert_int_eq(gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_ECDSA_SHA256, 0, &msg, &sig), GNUTLS_E_PK_SIG_VERIFY_FAILED);
    ck_assert_int_eq(gnutls_pubkey_verify_data2(pub, GNUTLS_SIGN_RSA_SHA256, 0, &msg, &sig), GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY);
    gnutls_free(sig.data);
    gnutls_pubkey_deinit(pub);
    gnutls_privkey_deinit(pk); /* releases xk too */

    /* a wrong password and garbage are refused */
    gnutls_x509_privkey_init(&xk);
    gnutls_datum_t junk = {(unsigned char *)"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", 57};
    ck_assert_int_lt(gnutls_x509_privkey_import2(xk, &junk, GNUTLS_X509_FMT_PEM, "pw", 0), 0);
    gnutls_x509_privkey_deinit(xk);
}
END_TEST

START_TEST(build_and_sign)
{
    gnutls_x509_privkey_t k;
    gnutls_x509_crt_t c;
    gnutls_x509_privkey_init(&k);
    ck_assert_int_eq(gnutls_x509_privkey_generate(k, GNUTLS_PK_EC, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0), 0);
    gnutls_x509_crt_init(&c);
    ck_assert_int_eq(gnutls_x509_crt_set_version(c, 3), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_serial(c, "\x01\x02", 2), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_dn_by_oid(c, GNUTLS_OID_X520_COMMON_NAME, 0, "built.example", 13), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_key(c, k), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_activation_time(c, 1600000000), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_expiration_time(c, 4100000000), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_basic_constraints(c, 1, 0), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_key_usage(c, GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_DIGITAL_SIGNATURE), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_DNSNAME, "built.example", 13, GNUTLS_FSAN_SET), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_IPADDRESS, "\x7f\0\0\1", 4, GNUTLS_FSAN_APPEND), 0);
    ck_assert_int_eq(gnutls_x509_crt_set_key_purpose_oid(c, GNUTLS_KP_TLS_WWW_SERVER, 0), 0);
    ck_assert_int_eq(gnutls_x509_crt_sign2(c, c, k, GNUTLS_DIG_SHA256, 0), 0);

    /* what was built reads back, and verifies as its own anchor */
    gnutls_datum_t d;
    ck_assert_int_eq(gnutls_x509_crt_get_dn3(c, &d, 0), 0);
    ck_assert_str_eq((char *)d.data, "CN=built.example");
    gnutls_free(d.data);
    ck_assert_int_eq(gnutls_x509_crt_get_activation_time(c), 1600000000);
    ck_assert_int_eq(gnutls_x509_crt_get_expiration_time(c), 4100000000);
    unsigned ca = 0;
    int pathlen = 9;
    ck_assert_int_eq(gnutls_x509_crt_get_basic_constraints(c, NULL, &ca, &pathlen), 1);
    ck_assert_int_eq(pathlen, 0);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "built.example"), 1);
    ck_assert_uint_eq(gnutls_x509_crt_check_hostname(c, "127.0.0.1"), 1);
    ck_assert_int_eq(gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d), 0);
    gnutls_x509_crt_t again;
    gnutls_x509_crt_init(&again);
    ck_assert_int_eq(gnutls_x509_crt_import(again, &d, GNUTLS_X509_FMT_DER), 0);
    gnutls_free(d.data);
    unsigned status = 99;
    ck_assert_int_eq(gnutls_x509_crt_verify(again, &c, 1, 0, &status), 0);
    ck_assert_uint_eq(status, 0);
    gnutls_x509_crt_deinit(again);
    gnutls_x509_crt_deinit(c);
    gnutls_x509_privkey_deinit(k);
}
END_TEST

int main(void)
{
    gnutls_global_init();
    key = EVP_EC_gen("P-256");
    Suite *s = suite_create("x509");
    TCase *tc = tcase_create("crt");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, dn_format);
    tcase_add_test(tc, hostnames);
    tcase_add_test(tc, import_export);
    tcase_add_test(tc, trust_and_verify);
    tcase_add_test(tc, keys);
    tcase_add_test(tc, build_and_sign);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    EVP_PKEY_free(key);
    gnutls_global_deinit();
    return failures ? 1 : 0;
}
