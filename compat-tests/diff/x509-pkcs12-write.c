/* Differential test of the PKCS#12 writing side: gnutls_pkcs12_bag_set_*
 * (data, crt, crl, privkey, key id, friendly name) and their limits,
 * bag_encrypt with every schema flag and bag_enc_info, set_bag,
 * generate_mac/generate_mac2 with every MAC and password form, export and
 * reading the result back (bags, decryption, simple_parse), plus
 * gnutls_pkcs8_info on keys encrypted by the openssl CLI and
 * gnutls_pkcs_schema_get_name/get_oid.  Salts are random: only their sizes
 * (or size range) are printed.  Output must be identical on real GnuTLS and
 * gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/pkcs12.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-keys.h"

static const char p8_aes256[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiTZjxz4j8c7gICCAAw\n"
    "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEDY5JHxa628ojyELkyNPTAoEgZAF\n"
    "b1ZIgLNsEREFyqdS4SIgqi8olZ267RCJEgYu5MspZW2MVqfSEC7ySCbgy+Ducllt\n"
    "j3HZhmZr0KhNl0lkop9/CQvCOIWf8DGPO9uvmC3mcLoDPtoZ+y9OievzV7pTNFNv\n"
    "lGTm1RNxLTtwcWsGGDRTM/qllrIt7eNWcEwXewMbg4CsrTfR4z71m1MzVzIWq/8=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n"
    ;
static const char p8_aes128[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIHeMEkGCSqGSIb3DQEFDTA8MBsGCSqGSIb3DQEFDDAOBAgN4XW1/C3HSQICCAAw\n"
    "HQYJYIZIAWUDBAECBBDdL4YhJyclCGByjk85X10cBIGQvLlVDFqjmZK8KMsxMxQs\n"
    "KuwV+XNQk9S650YBbQ2wG8EhsUU/xYM1Zq+umkGYUzCiNcf9EcJ5nYvxMswRvvcQ\n"
    "EshNLKVqLP4wvnLPFYbU2tkNicPPWQfO9ePoEKxUGBOU68+6DPQo6qhdWlha6ByD\n"
    "HY+6WmY4cfp2hgzr5w6KhWjsSBJdXKGJX4IRBoA69rMV\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n"
    ;
static const char p8_des3[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIHjME4GCSqGSIb3DQEFDTBBMCkGCSqGSIb3DQEFDDAcBAgXocvQ1k/1HAICCAAw\n"
    "DAYIKoZIhvcNAgkFADAUBggqhkiG9w0DBwQIwDAGYK0+Yg0EgZBtTlgofmh7L84q\n"
    "tclwEjde7X3nIkkq7GzhN5WtNd7mi2dRxlC7tMJHU9o0uoyfUrw0qB9XdejTAuDN\n"
    "Fa2Rt95Qeb1JEj/8+GgeqNRFTf9S6DMwAbGNYFqQ1FJE9ABpz+w0ZvDeERLwqZ9l\n"
    "wPAOHTJmf6dDEnNjMtJ0lOwe+gxxWmQ+SQG93IIW9AhklyeXe00=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n"
    ;
static const char p8_pkcs12_3des[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIGxMBwGCiqGSIb3DQEMAQMwDgQIi24MlvtsydwCAggABIGQAKnEMgHbK0d0ngVc\n"
    "5vDxRvD5tCTtk1Vk/lhVqlOyzPxP3Gz2p/GN/EPbMQg0ZBmMbrKDB1nUZ8w0/2yF\n"
    "IAS94luIq92W5rbEd3o+Vd7PAeApl1mC6oxI9VuKhjTMOyAOgi07DKErwZ9trmUq\n"
    "NlrDpudaYMKxhuaMS/SGVIDWgJpI2Dg1xdpF7wRbomDMpZ0D\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n"
    ;
static const char p8_pbes1[] =
    "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    "MIGwMBsGCSqGSIb3DQEFAzAOBAh1y5aT6gu49AICCAAEgZCqqjxNtwKAW3XZd9vj\n"
    "I2E4RuYHso3Iw9UO0sowVLS1qdJW3kD+omDpRdS6hPHOXiaxQ4H5hgH9rkhWPqe/\n"
    "f0Drciwcs49QdQewqhm56IlhwlNG0K1bzj9kOv9He3a51zxMUS34ZTRvYw8kukjo\n"
    "D74YYnJokcpL9EyTORpJJOQnh3H6K1ADhcyemT7DBl+WBrM=\n"
    "-----END ENCRYPTED PRIVATE KEY-----\n"
    ;

static gnutls_x509_crt_t crt, ec;
static gnutls_x509_crl_t crl;
static gnutls_x509_privkey_t key;

static void hex(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

static const char *salt_class(unsigned s)
{
    static char buf[16];
    if (s >= 12 && s <= 21)
        return "12..21";
    snprintf(buf, sizeof buf, "%u", s);
    return buf;
}

static void schemas(void)
{
    static const unsigned v[] = { 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384,
                                  32768, 65536, 32 | 128, 256 | 32, 2 | 16, 1 | 32, 0xffffffffu };
    printf("== schemas\n");
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        const char *n = gnutls_pkcs_schema_get_name(v[i]);
        const char *o = gnutls_pkcs_schema_get_oid(v[i]);
        printf("%#x: %s %s\n", v[i], n ? n : "(null)", o ? o : "(null)");
    }
}

/* Every element of a (decrypted) bag. */
static void dump_bag(gnutls_pkcs12_bag_t b)
{
    int n = gnutls_pkcs12_bag_get_count(b);
    printf("  count=%d\n", n);
    for (int i = 0; i < n; i++) {
        gnutls_datum_t d = { NULL, 0 };
        char *name = NULL;
        int t = gnutls_pkcs12_bag_get_type(b, i);
        int r = gnutls_pkcs12_bag_get_data(b, i, &d);
        printf("  [%d] type=%d data=%d", i, t, r);
        if (r >= 0 && t != GNUTLS_BAG_ENCRYPTED && t != GNUTLS_BAG_PKCS8_ENCRYPTED_KEY) {
            printf(" len=%u ", d.size);
            hex(d.data, d.size > 16 ? 16 : d.size);
        } else if (r >= 0 && d.size > 4) {
            /* random salts: only the outer structure is comparable */
            printf(" tag=%02x", d.data[0]);
        }
        r = gnutls_pkcs12_bag_get_friendly_name(b, i, &name);
        printf(" name=%d %s", r, name ? name : "(null)");
        d.data = NULL;
        d.size = 0;
        r = gnutls_pkcs12_bag_get_key_id(b, i, &d);
        printf(" keyid=%d ", r);
        if (r >= 0 && d.data)
            hex(d.data, d.size);
        printf("\n");
    }
}

static void enc_info(gnutls_pkcs12_bag_t b)
{
    unsigned schema = 0, cipher = 0, salt_size = 1, iter = 0;
    unsigned char salt[64];
    char *oid = NULL;
    int r = gnutls_pkcs12_bag_enc_info(b, &schema, &cipher, salt, &salt_size, &iter, &oid);
    printf("  enc_info(small)=%d salt_size=%s\n", r, salt_class(salt_size));
    if (r >= 0 || r == GNUTLS_E_UNKNOWN_CIPHER_TYPE)
        gnutls_free(oid);
    oid = NULL;
    salt_size = sizeof salt;
    r = gnutls_pkcs12_bag_enc_info(b, &schema, &cipher, salt, &salt_size, &iter, &oid);
    printf("  enc_info=%d", r);
    if (r >= 0)
        printf(" schema=%#x cipher=%s salt=%s iter=%u oid=%s", schema, gnutls_cipher_get_name(cipher),
               salt_class(salt_size), iter, oid ? oid : "(null)");
    printf("\n");
    if (r >= 0 || r == GNUTLS_E_UNKNOWN_CIPHER_TYPE)
        gnutls_free(oid);
}

static void bag_basics(void)
{
    gnutls_pkcs12_bag_t b;
    gnutls_datum_t id = { (unsigned char *)"\x01\x02\x03\x04", 4 };
    gnutls_datum_t secret = { (unsigned char *)"a shared secret", 15 };
    gnutls_datum_t d;
    char *name;

    printf("== bag basics\n");
    gnutls_pkcs12_bag_init(&b);
    printf("empty: count=%d type0=%d data0=%d name0=%d keyid0=%d\n", gnutls_pkcs12_bag_get_count(b),
           gnutls_pkcs12_bag_get_type(b, 0), gnutls_pkcs12_bag_get_data(b, 0, &d),
           gnutls_pkcs12_bag_get_friendly_name(b, 0, &name), gnutls_pkcs12_bag_get_key_id(b, 0, &d));
    printf("set_key_id(empty)=%d", gnutls_pkcs12_bag_set_key_id(b, 0, &id));
    printf(" set_friendly_name(empty)=%d\n", gnutls_pkcs12_bag_set_friendly_name(b, 0, "x"));
    printf("set_crt=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
    printf("set_crl=%d\n", gnutls_pkcs12_bag_set_crl(b, crl));
    printf("set_data(secret)=%d\n", gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_SECRET, &secret));
    printf("set_friendly_name(0)=%d\n", gnutls_pkcs12_bag_set_friendly_name(b, 0, "first name"));
    printf("set_friendly_name(0 again)=%d\n", gnutls_pkcs12_bag_set_friendly_name(b, 0, "Zo\xc3\xab \xe2\x98\x83"));
    printf("set_key_id(1)=%d\n", gnutls_pkcs12_bag_set_key_id(b, 1, &id));
    printf("set_key_id(3)=%d", gnutls_pkcs12_bag_set_key_id(b, 3, &id));
    printf(" set_friendly_name(3)=%d\n", gnutls_pkcs12_bag_set_friendly_name(b, 3, "x"));
    dump_bag(b);
    int r = 0, i;
    for (i = 0; i < 40 && r >= 0; i++)
        r = gnutls_pkcs12_bag_set_crt(b, ec);
    printf("filling: stopped after %d more with %d, count=%d\n", i, r, gnutls_pkcs12_bag_get_count(b));
    gnutls_pkcs12_bag_deinit(b);

    /* a key element must be alone */
    gnutls_pkcs12_bag_init(&b);
    printf("set_privkey(plain)=%d\n", gnutls_pkcs12_bag_set_privkey(b, key, NULL, 0));
    printf("then set_crt=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
    dump_bag(b);
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    printf("set_crt=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
    printf("then set_privkey=%d\n", gnutls_pkcs12_bag_set_privkey(b, key, NULL, GNUTLS_PKCS_PLAIN));
    printf("then set_crt=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
    printf("count=%d\n", gnutls_pkcs12_bag_get_count(b));
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    r = gnutls_pkcs12_bag_set_privkey(b, key, "pass", GNUTLS_PKCS_PBES2_AES_128);
    printf("set_privkey(encrypted)=%d type=%d\n", r, gnutls_pkcs12_bag_get_type(b, 0));
    if (gnutls_pkcs12_bag_get_data(b, 0, &d) >= 0) {
        gnutls_x509_privkey_t k2;
        gnutls_x509_privkey_init(&k2);
        printf("key decrypts=%d\n", gnutls_x509_privkey_import_pkcs8(k2, &d, GNUTLS_X509_FMT_DER, "pass", 0));
        gnutls_x509_privkey_deinit(k2);
    }
    printf("encrypt(empty password bag with key)=%d\n", gnutls_pkcs12_bag_encrypt(b, "pass", GNUTLS_PKCS_PBES2_AES_128));
    printf("type0=%d count=%d\n", gnutls_pkcs12_bag_get_type(b, 0), gnutls_pkcs12_bag_get_count(b));
    printf("decrypt=%d", gnutls_pkcs12_bag_decrypt(b, "pass"));
    printf(" type0=%d\n", gnutls_pkcs12_bag_get_type(b, 0));
    gnutls_pkcs12_bag_deinit(b);

    gnutls_pkcs12_bag_init(&b);
    printf("encrypt(empty bag)=%d", gnutls_pkcs12_bag_encrypt(b, "pass", 0));
    printf(" count=%d type0=%d\n", gnutls_pkcs12_bag_get_count(b), gnutls_pkcs12_bag_get_type(b, 0));
    printf("set_crt(encrypted)=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
    printf("decrypt(empty bag)=%d", gnutls_pkcs12_bag_decrypt(b, "pass"));
    printf(" count=%d type0=%d\n", gnutls_pkcs12_bag_get_count(b), gnutls_pkcs12_bag_get_type(b, 0));
    printf("enc_info(empty)=%d\n", gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, NULL, NULL));
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    gnutls_pkcs12_bag_set_crt(b, crt);
    printf("encrypt(PLAIN)=%d\n", gnutls_pkcs12_bag_encrypt(b, "pass", GNUTLS_PKCS_PLAIN));
    printf("decrypt(not encrypted)=%d\n", gnutls_pkcs12_bag_decrypt(b, "pass"));
    printf("enc_info(not encrypted)=%d\n", gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, NULL, NULL));
    gnutls_pkcs12_bag_deinit(b);
}

/* Bags and structures built from bad data. */
static void bad_bags(void)
{
    gnutls_pkcs12_bag_t b;
    gnutls_pkcs12_t p12;
    gnutls_datum_t junk = { (unsigned char *)"\x30\x03\x02\x01\x00", 5 };
    gnutls_datum_t text = { (unsigned char *)"not DER at all", 14 };
    printf("== bad bags\n");
    gnutls_pkcs12_bag_init(&b);
    printf("set_data(encrypted, junk)=%d", gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_ENCRYPTED, &junk));
    printf(" enc_info=%d", gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, NULL, NULL));
    printf(" decrypt=%d\n", gnutls_pkcs12_bag_decrypt(b, "pass"));
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    printf("set_data(encrypted, text)=%d", gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_ENCRYPTED, &text));
    printf(" enc_info=%d", gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, NULL, NULL));
    printf(" decrypt=%d\n", gnutls_pkcs12_bag_decrypt(b, "pass") < 0);
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    printf("set_data(certificate, text)=%d", gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_CERTIFICATE, &text));
    printf(" encrypt=%d\n", gnutls_pkcs12_bag_encrypt(b, "pass", 0) < 0);
    gnutls_pkcs12_init(&p12);
    printf("set_bag=%d\n", gnutls_pkcs12_set_bag(p12, b) < 0);
    gnutls_pkcs12_deinit(p12);
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    printf("set_data(unknown type)=%d", gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_UNKNOWN, &junk));
    gnutls_pkcs12_init(&p12);
    printf(" set_bag=%d", gnutls_pkcs12_set_bag(p12, b));
    printf(" mac=%d", gnutls_pkcs12_generate_mac(p12, "pass"));
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    printf(" get_bag=%d count=%d\n", gnutls_pkcs12_get_bag(p12, 0, b), gnutls_pkcs12_bag_get_count(b));
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_deinit(p12);
}

static void enc_case(const char *label, unsigned flags, const char *pass)
{
    gnutls_pkcs12_bag_t b;
    gnutls_datum_t id = { (unsigned char *)"\xaa\xbb", 2 };
    printf("== encrypt %s\n", label);
    gnutls_pkcs12_bag_init(&b);
    gnutls_pkcs12_bag_set_crt(b, crt);
    gnutls_pkcs12_bag_set_friendly_name(b, 0, "cert");
    gnutls_pkcs12_bag_set_key_id(b, 0, &id);
    gnutls_pkcs12_bag_set_crl(b, crl);
    int r = gnutls_pkcs12_bag_encrypt(b, pass, flags);
    printf("encrypt=%d\n", r);
    if (r >= 0) {
        gnutls_datum_t d;
        dump_bag(b);
        r = gnutls_pkcs12_bag_get_data(b, 0, &d);
        if (r >= 0 && d.size > 6)
            printf("  content starts %02x, first inner tag %02x\n", d.data[0], d.data[(d.data[1] & 0x80) ? 2 + (d.data[1] & 0x7f) : 2]);
        enc_info(b);
        printf("  encrypt again=%d", gnutls_pkcs12_bag_encrypt(b, pass, flags));
        printf(" set_crt=%d\n", gnutls_pkcs12_bag_set_crt(b, crt));
        /* A wrong password on a twin bag: about 1 time in 230 its padding
         * checks out and the bag is left empty (both libraries), which must
         * not decide what the rest of this output says. */
        gnutls_pkcs12_bag_t twin;
        gnutls_pkcs12_bag_init(&twin);
        gnutls_pkcs12_bag_set_crt(twin, crt);
        gnutls_pkcs12_bag_encrypt(twin, pass, flags);
        printf("  decrypt(wrong)=%d\n", gnutls_pkcs12_bag_decrypt(twin, "wrong") < 0);
        gnutls_pkcs12_bag_deinit(twin);
        printf("  decrypt=%d\n", gnutls_pkcs12_bag_decrypt(b, pass));
        dump_bag(b);
    }
    gnutls_pkcs12_bag_deinit(b);
}

static void simple(gnutls_pkcs12_t p12, const char *pass)
{
    gnutls_x509_privkey_t k = NULL;
    gnutls_x509_crt_t *chain = NULL, *extra = NULL;
    unsigned chain_len = 0, extra_len = 0;
    gnutls_x509_crl_t c = NULL;
    int r = gnutls_pkcs12_simple_parse(p12, pass, &k, &chain, &chain_len, &extra, &extra_len, &c, 0);
    printf(" simple_parse=%d", r);
    if (r >= 0) {
        printf(" key_pk=%d chain=%u extra=%u crl=%d", gnutls_x509_privkey_get_pk_algorithm(k), chain_len, extra_len,
               c != NULL);
        for (unsigned i = 0; i < chain_len; i++)
            gnutls_x509_crt_deinit(chain[i]);
        for (unsigned i = 0; i < extra_len; i++)
            gnutls_x509_crt_deinit(extra[i]);
        gnutls_free(chain);
        gnutls_free(extra);
        gnutls_x509_privkey_deinit(k);
        if (c)
            gnutls_x509_crl_deinit(c);
    }
    printf("\n");
}

static void read_back(const gnutls_datum_t *der, gnutls_x509_crt_fmt_t fmt, const char *pass)
{
    gnutls_pkcs12_t p;
    gnutls_pkcs12_init(&p);
    int r = gnutls_pkcs12_import(p, der, fmt, 0);
    printf(" reimport=%d", r);
    printf(" verify_mac=%d\n", gnutls_pkcs12_verify_mac(p, pass));
    unsigned mac = 0, salt_size = 0, iter = 0;
    char *oid = NULL;
    unsigned char salt[64];
    salt_size = sizeof salt;
    r = gnutls_pkcs12_mac_info(p, &mac, salt, &salt_size, &iter, &oid);
    printf(" mac_info=%d mac=%s salt=%s iter=%u oid=%s\n", r, r >= 0 ? gnutls_mac_get_name(mac) : "-",
           salt_class(salt_size), iter, r >= 0 && oid ? oid : "-");
    if (r >= 0)
        gnutls_free(oid);
    for (int i = 0; i < 6; i++) {
        gnutls_pkcs12_bag_t b;
        gnutls_pkcs12_bag_init(&b);
        r = gnutls_pkcs12_get_bag(p, i, b);
        printf(" bag%d=%d\n", i, r);
        if (r < 0) {
            gnutls_pkcs12_bag_deinit(b);
            break;
        }
        if (gnutls_pkcs12_bag_get_type(b, 0) == GNUTLS_BAG_ENCRYPTED) {
            enc_info(b);
            printf("  decrypt=%d\n", gnutls_pkcs12_bag_decrypt(b, pass));
        }
        dump_bag(b);
        gnutls_pkcs12_bag_deinit(b);
    }
    simple(p, pass);
    gnutls_pkcs12_deinit(p);
}

static void build(const char *label, unsigned flags, gnutls_mac_algorithm_t mac, const char *pass)
{
    gnutls_pkcs12_t p12;
    gnutls_pkcs12_bag_t b;
    gnutls_datum_t out;
    unsigned char kid[64];
    size_t kid_size = sizeof kid;
    gnutls_datum_t id;
    int r;

    printf("== build %s\n", label);
    gnutls_x509_crt_get_key_id(crt, 0, kid, &kid_size);
    id.data = kid;
    id.size = kid_size;
    gnutls_pkcs12_init(&p12);
    r = gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_DER, &out);
    printf("export2(empty)=%d\n", r);
    if (r >= 0)
        gnutls_free(out.data);
    gnutls_pkcs12_bag_init(&b);
    printf("get_bag(empty)=%d", gnutls_pkcs12_get_bag(p12, 0, b));
    printf(" verify_mac(empty)=%d\n", gnutls_pkcs12_verify_mac(p12, pass));
    gnutls_pkcs12_bag_deinit(b);

    gnutls_pkcs12_bag_init(&b);
    r = gnutls_pkcs12_bag_set_crt(b, crt);
    gnutls_pkcs12_bag_set_friendly_name(b, r, "my cert \xc3\xab");
    gnutls_pkcs12_bag_set_key_id(b, r, &id);
    gnutls_pkcs12_bag_set_crt(b, ec);
    if (!(flags & GNUTLS_PKCS_PLAIN))
        printf("bag_encrypt=%d\n", gnutls_pkcs12_bag_encrypt(b, pass, flags));
    printf("set_bag(certs)=%d\n", gnutls_pkcs12_set_bag(p12, b));
    gnutls_pkcs12_bag_deinit(b);

    gnutls_pkcs12_bag_init(&b);
    r = gnutls_pkcs12_bag_set_privkey(b, key, (flags & GNUTLS_PKCS_PLAIN) ? NULL : pass, flags);
    printf("set_privkey=%d\n", r);
    gnutls_pkcs12_bag_set_friendly_name(b, 0, "my key");
    gnutls_pkcs12_bag_set_key_id(b, 0, &id);
    printf("set_bag(key)=%d\n", gnutls_pkcs12_set_bag(p12, b));
    gnutls_pkcs12_bag_deinit(b);

    gnutls_pkcs12_bag_init(&b);
    gnutls_pkcs12_bag_set_crl(b, crl);
    gnutls_datum_t secret = { (unsigned char *)"\x00secret\xff", 8 };
    r = gnutls_pkcs12_bag_set_data(b, GNUTLS_BAG_SECRET, &secret);
    gnutls_pkcs12_bag_set_friendly_name(b, r, "a secret");
    printf("set_bag(crl, secret)=%d\n", gnutls_pkcs12_set_bag(p12, b));
    gnutls_pkcs12_bag_deinit(b);

    printf("verify_mac(before generate)=%d\n", gnutls_pkcs12_verify_mac(p12, pass));
    r = gnutls_pkcs12_generate_mac2(p12, mac, pass);
    printf("generate_mac2=%d\n", r);
    printf("verify_mac=%d verify_mac(wrong)=%d\n", gnutls_pkcs12_verify_mac(p12, pass),
           gnutls_pkcs12_verify_mac(p12, "wrong"));
    r = gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_DER, &out);
    printf("export2=%d\n", r);
    if (r >= 0) {
        read_back(&out, GNUTLS_X509_FMT_DER, pass);
        gnutls_free(out.data);
    }
    r = gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_PEM, &out);
    printf("export2 pem=%d %.24s\n", r, r >= 0 ? (char *)out.data : "");
    if (r >= 0) {
        gnutls_pkcs12_t p;
        gnutls_pkcs12_init(&p);
        printf(" pem reimport=%d", gnutls_pkcs12_import(p, &out, GNUTLS_X509_FMT_PEM, 0));
        printf(" verify=%d\n", gnutls_pkcs12_verify_mac(p, pass));
        gnutls_pkcs12_deinit(p);
        gnutls_free(out.data);
    }
    size_t sz = 0;
    r = gnutls_pkcs12_export(p12, GNUTLS_X509_FMT_DER, NULL, &sz);
    printf("export(size query)=%d nonzero=%d\n", r, sz > 0);
    gnutls_pkcs12_deinit(p12);
}

static void macs(void)
{
    static const struct {
        const char *n;
        gnutls_mac_algorithm_t m;
    } m[] = { { "SHA1", GNUTLS_MAC_SHA1 }, { "SHA224", GNUTLS_MAC_SHA224 }, { "SHA256", GNUTLS_MAC_SHA256 },
              { "SHA384", GNUTLS_MAC_SHA384 }, { "SHA512", GNUTLS_MAC_SHA512 }, { "MD5", GNUTLS_MAC_MD5 },
              { "UNKNOWN", GNUTLS_MAC_UNKNOWN }, { "AEAD", GNUTLS_MAC_AEAD }, { "bogus", (gnutls_mac_algorithm_t)9999 } };
    printf("== macs\n");
    gnutls_pkcs12_t p12;
    gnutls_pkcs12_bag_t b;
    gnutls_pkcs12_init(&p12);
    printf("generate_mac(empty)=%d\n", gnutls_pkcs12_generate_mac(p12, "pass"));
    gnutls_pkcs12_bag_init(&b);
    gnutls_pkcs12_bag_set_crt(b, ec);
    gnutls_pkcs12_set_bag(p12, b);
    gnutls_pkcs12_bag_deinit(b);
    printf("mac_info(no mac)=%d\n", gnutls_pkcs12_mac_info(p12, NULL, NULL, NULL, NULL, NULL));
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        int r = gnutls_pkcs12_generate_mac2(p12, m[i].m, "pass");
        unsigned mac = 0, salt_size = 0, iter = 0;
        char *oid = NULL;
        int r2 = gnutls_pkcs12_mac_info(p12, &mac, NULL, &salt_size, &iter, &oid);
        int r3 = gnutls_pkcs12_verify_mac(p12, "pass");
        printf("%s: generate=%d verify=%d info=%d mac=%u iter=%u oid=%s\n", m[i].n, r, r3, r2, mac, iter,
               r2 >= 0 && oid ? oid : "-");
        if (r2 >= 0)
            gnutls_free(oid);
    }
    printf("generate_mac=%d ", gnutls_pkcs12_generate_mac(p12, "pass"));
    unsigned mac = 0;
    gnutls_pkcs12_mac_info(p12, &mac, NULL, NULL, NULL, NULL);
    printf("mac=%u\n", mac);
    /* empty and absent passwords */
    printf("mac(\"\")=%d", gnutls_pkcs12_generate_mac2(p12, GNUTLS_MAC_SHA256, ""));
    printf(" verify(\"\")=%d", gnutls_pkcs12_verify_mac(p12, ""));
    printf(" verify(NULL)=%d\n", gnutls_pkcs12_verify_mac(p12, NULL));
    printf("mac(NULL)=%d", gnutls_pkcs12_generate_mac2(p12, GNUTLS_MAC_SHA256, NULL));
    printf(" verify(\"\")=%d", gnutls_pkcs12_verify_mac(p12, ""));
    printf(" verify(NULL)=%d\n", gnutls_pkcs12_verify_mac(p12, NULL));
    gnutls_pkcs12_deinit(p12);
}

static void p8info(const char *label, const char *pem, gnutls_x509_crt_fmt_t fmt_override)
{
    gnutls_datum_t in = { (unsigned char *)pem, (unsigned)strlen(pem) };
    gnutls_datum_t der = { NULL, 0 };
    unsigned schema = 0, cipher = 0, salt_size, iter = 0;
    unsigned char salt[64];
    char *oid = NULL;
    printf("== pkcs8_info %s\n", label);
    for (int f = 0; f < 2; f++) {
        gnutls_datum_t *d = &in;
        gnutls_x509_crt_fmt_t fmt = GNUTLS_X509_FMT_PEM;
        if (f == 1) {
            if (gnutls_pem_base64_decode2(NULL, &in, &der) < 0)
                continue;
            d = &der;
            fmt = GNUTLS_X509_FMT_DER;
        }
        if (fmt_override != (gnutls_x509_crt_fmt_t)-1)
            fmt = fmt_override;
        salt_size = sizeof salt;
        oid = NULL;
        int r = gnutls_pkcs8_info(d, fmt, &schema, &cipher, salt, &salt_size, &iter, &oid);
        printf(" %s: %d", f ? "der" : "pem", r);
        if (r >= 0) {
            printf(" schema=%#x (%s) cipher=%s salt=", schema, gnutls_pkcs_schema_get_name(schema),
                   gnutls_cipher_get_name(cipher));
            hex(salt, salt_size);
            printf(" iter=%u oid=%s", iter, oid ? oid : "(null)");
        } else if (r == GNUTLS_E_UNKNOWN_CIPHER_TYPE) {
            printf(" oid=%s", oid ? oid : "(null)");
        }
        if (r >= 0 || r == GNUTLS_E_UNKNOWN_CIPHER_TYPE)
            gnutls_free(oid);
        printf("\n");
        salt_size = 2;
        r = gnutls_pkcs8_info(d, fmt, NULL, NULL, salt, &salt_size, NULL, NULL);
        printf(" small salt buffer: %d size=%u\n", r, salt_size);
        r = gnutls_pkcs8_info(d, fmt, NULL, NULL, NULL, NULL, NULL, NULL);
        printf(" no outputs: %d\n", r);
    }
    gnutls_free(der.data);
}

int main(void)
{
    gnutls_datum_t in;
    gnutls_global_init();
    gnutls_x509_crt_init(&crt);
    gnutls_x509_crt_init(&ec);
    gnutls_x509_crl_init(&crl);
    gnutls_x509_privkey_init(&key);
    in.data = (unsigned char *)rsa_crt;
    in.size = sizeof rsa_crt - 1;
    if (gnutls_x509_crt_import(crt, &in, GNUTLS_X509_FMT_PEM) < 0)
        return 1;
    in.data = (unsigned char *)ec_crt;
    in.size = sizeof ec_crt - 1;
    if (gnutls_x509_crt_import(ec, &in, GNUTLS_X509_FMT_PEM) < 0)
        return 1;
    in.data = (unsigned char *)rsa_key;
    in.size = sizeof rsa_key - 1;
    if (gnutls_x509_privkey_import(key, &in, GNUTLS_X509_FMT_PEM) < 0)
        return 1;
    in.data = (unsigned char *)rsa_crl;
    in.size = sizeof rsa_crl - 1;
    if (gnutls_x509_crl_import(crl, &in, GNUTLS_X509_FMT_PEM) < 0)
        return 1;

    schemas();
    p8info("pbes2 aes-256 hmac-sha256", p8_aes256, -1);
    p8info("pbes2 aes-128 hmac-sha1", p8_aes128, -1);
    p8info("pbes2 3des", p8_des3, -1);
    p8info("pkcs12 3des", p8_pkcs12_3des, -1);
    p8info("pbes1 des-md5", p8_pbes1, -1);
    p8info("plain pkcs8", rsa_key, -1);
    p8info("certificate", rsa_crt, -1);
    p8info("pem given as der", p8_aes256, GNUTLS_X509_FMT_DER);
    p8info("garbage", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", -1);

    bag_basics();
    bad_bags();
    enc_case("default flags", 0, "pass");
    enc_case("pkcs12-3des", GNUTLS_PKCS_PKCS12_3DES, "pass");
    enc_case("pbes2-3des", GNUTLS_PKCS_PBES2_3DES, "pass");
    /* not PBES2-AES-128 here: in this sequence real GnuTLS 3.7.9 fails to
     * decrypt its own AES-128 bag (-73), deterministically but not in
     * isolation; certtool's default (AES-128) is exercised by the shell test */
    enc_case("pbes2-aes192", GNUTLS_PKCS_PBES2_AES_192, "pass");
    enc_case("pbes2-aes256 utf8 password", GNUTLS_PKCS_PBES2_AES_256, "p\xc3\xa4ss");
    enc_case("pbes2-aes256 empty password", GNUTLS_PKCS_PBES2_AES_256, "");
    enc_case("pbes2-aes256 null password", GNUTLS_PKCS_PBES2_AES_256, NULL);
    enc_case("pkcs12-rc2-40", GNUTLS_PKCS_PKCS12_RC2_40, "pass");
    /* not PKCS12-ARCFOUR: real GnuTLS 3.7.9 cannot decrypt its own RC4 bags
     * (-73); gnossl can */
    enc_case("pbes2-des", GNUTLS_PKCS_PBES2_DES, "pass");
    enc_case("pbes1 (decrypt only)", GNUTLS_PKCS_PBES1_DES_MD5, "pass");
    enc_case("two schemas", GNUTLS_PKCS_PBES2_AES_128 | GNUTLS_PKCS_PBES2_AES_256, "pass");

    build("pbes2-aes256 sha256", GNUTLS_PKCS_PBES2_AES_256, GNUTLS_MAC_SHA256, "pass");
    build("pkcs12-3des sha1", GNUTLS_PKCS_PKCS12_3DES, GNUTLS_MAC_SHA1, "pass");
    build("plain sha512 utf8 password", GNUTLS_PKCS_PLAIN, GNUTLS_MAC_SHA512, "p\xc3\xa4ss");
    macs();

    gnutls_x509_crt_deinit(crt);
    gnutls_x509_crt_deinit(ec);
    gnutls_x509_crl_deinit(crl);
    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
    return 0;
}
