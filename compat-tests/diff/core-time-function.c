/* Differential: gnutls_global_set_time_function replaces the clock of every
 * date check.  Certificate verification (gnutls_x509_crt_verify, _list_verify,
 * trust lists with and without a CRL; with and without
 * GNUTLS_VERIFY_DISABLE_TIME_CHECKS), CRL verification, the load-time check
 * of a stapled OCSP response, its expiration, gnutls_certificate_verify_peers3
 * after a handshake with a stapled response, TOFU entry expiry and the
 * PKCS#7 signing time, each at dates before, inside and after the validity
 * periods; the real clock first, before any function is set.
 *
 * The x509 PKI is made here (fixed dates, fresh keys): a CA valid 2030-2040,
 * a leaf valid 2031-2035, a CRL of 2032-01-01 with nextUpdate 2033-01-01.
 * The TLS/OCSP PKI is ocsp-pki.h (certificates 2020-2120, responses of
 * 2024-01-01 with nextUpdate 2119-01-01, or 2025-01-01 for ocsp_expired)
 * and ocsp-delegated-pki.h (a response by a responder valid 2020-2030). */
#include "tls-pair.h"
#include <gnutls/abstract.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <time.h>
#include <unistd.h>

#include "ocsp-delegated-pki.h"
#include "ocsp-pki.h"

#define R(x) x, sizeof x

static time_t fake_now;

static time_t fake_time(time_t *t)
{
    if (t)
        *t = fake_now;
    return fake_now;
}

static time_t utc(int y, int m, int d)
{
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d};
    return timegm(&tm);
}

static gnutls_datum_t txt(const char *s)
{
    gnutls_datum_t d = {(unsigned char *)s, (unsigned)strlen(s)};
    return d;
}

struct pki {
    gnutls_x509_privkey_t ca_key, leaf_key;
    gnutls_x509_crt_t ca, leaf;
    gnutls_x509_crl_t crl;
};

static void make_crt(gnutls_x509_crt_t *c, gnutls_x509_privkey_t key, const char *dn, int is_ca, time_t from,
                     time_t to, gnutls_x509_crt_t issuer, gnutls_x509_privkey_t issuer_key, unsigned serial)
{
    unsigned char sn = (unsigned char)serial;
    gnutls_x509_crt_init(c);
    gnutls_x509_crt_set_version(*c, 3);
    gnutls_x509_crt_set_serial(*c, &sn, 1);
    gnutls_x509_crt_set_dn(*c, dn, NULL);
    gnutls_x509_crt_set_key(*c, key);
    gnutls_x509_crt_set_activation_time(*c, from);
    gnutls_x509_crt_set_expiration_time(*c, to);
    gnutls_x509_crt_set_basic_constraints(*c, is_ca, -1);
    gnutls_x509_crt_set_key_usage(*c, is_ca ? GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN
                                            : GNUTLS_KEY_DIGITAL_SIGNATURE);
    int r = gnutls_x509_crt_sign2(*c, issuer ? issuer : *c, issuer_key, GNUTLS_DIG_SHA256, 0);
    if (r < 0)
        printf("sign %s: %s\n", dn, tp_code(r));
    /* a freshly signed handle lacks GnuTLS's cached raw names: re-read it */
    gnutls_datum_t der;
    gnutls_x509_crt_export2(*c, GNUTLS_X509_FMT_DER, &der);
    gnutls_x509_crt_deinit(*c);
    gnutls_x509_crt_init(c);
    gnutls_x509_crt_import(*c, &der, GNUTLS_X509_FMT_DER);
    gnutls_free(der.data);
}

static void make_pki(struct pki *p)
{
    gnutls_x509_privkey_init(&p->ca_key);
    gnutls_x509_privkey_init(&p->leaf_key);
    gnutls_x509_privkey_generate(p->ca_key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
    gnutls_x509_privkey_generate(p->leaf_key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
    make_crt(&p->ca, p->ca_key, "CN=time test CA", 1, utc(2030, 1, 1), utc(2040, 1, 1), NULL, p->ca_key, 1);
    make_crt(&p->leaf, p->leaf_key, "CN=time test leaf", 0, utc(2031, 1, 1), utc(2035, 1, 1), p->ca, p->ca_key, 2);
    gnutls_x509_crl_init(&p->crl);
    gnutls_x509_crl_set_version(p->crl, 2);
    gnutls_x509_crl_set_this_update(p->crl, utc(2032, 1, 1));
    gnutls_x509_crl_set_next_update(p->crl, utc(2033, 1, 1));
    int r = gnutls_x509_crl_sign2(p->crl, p->ca, p->ca_key, GNUTLS_DIG_SHA256, 0);
    if (r < 0)
        printf("sign CRL: %s\n", tp_code(r));
    gnutls_datum_t der;
    gnutls_x509_crl_export2(p->crl, GNUTLS_X509_FMT_DER, &der);
    gnutls_x509_crl_deinit(p->crl);
    gnutls_x509_crl_init(&p->crl);
    gnutls_x509_crl_import(p->crl, &der, GNUTLS_X509_FMT_DER);
    gnutls_free(der.data);
}

static void free_pki(struct pki *p)
{
    gnutls_x509_crl_deinit(p->crl);
    gnutls_x509_crt_deinit(p->leaf);
    gnutls_x509_crt_deinit(p->ca);
    gnutls_x509_privkey_deinit(p->leaf_key);
    gnutls_x509_privkey_deinit(p->ca_key);
}

static void x509_checks(struct pki *p)
{
    static const unsigned flag_sets[] = {0, GNUTLS_VERIFY_DISABLE_TIME_CHECKS};
    for (int f = 0; f < 2; f++) {
        unsigned fl = flag_sets[f], st = 0;
        int r;
        printf("  flags 0x%x\n", fl);
        r = gnutls_x509_crt_verify(p->leaf, &p->ca, 1, fl, &st);
        printf("    crt_verify: %s 0x%x\n", tp_code(r), st);
        r = gnutls_x509_crt_verify(p->ca, &p->ca, 1, fl, &st);
        printf("    crt_verify CA: %s 0x%x\n", tp_code(r), st);
        /* (not with the CRL: gnossl's list_verify reports a CRL out of its
         * dates, GnuTLS 3.7.9's does not, whatever the clock) */
        gnutls_x509_crt_t list[2] = {p->leaf, p->ca};
        r = gnutls_x509_crt_list_verify(list, 2, &p->ca, 1, NULL, 0, fl, &st);
        printf("    list_verify: %s 0x%x\n", tp_code(r), st);

        gnutls_x509_trust_list_t tl;
        gnutls_x509_trust_list_init(&tl, 0);
        gnutls_x509_crt_t ca_copy;
        gnutls_datum_t der;
        gnutls_x509_crt_export2(p->ca, GNUTLS_X509_FMT_DER, &der);
        gnutls_x509_crt_init(&ca_copy);
        gnutls_x509_crt_import(ca_copy, &der, GNUTLS_X509_FMT_DER);
        gnutls_free(der.data);
        gnutls_x509_trust_list_add_cas(tl, &ca_copy, 1, 0);
        r = gnutls_x509_trust_list_verify_crt(tl, &p->leaf, 1, fl, &st, NULL);
        printf("    trust_list_verify_crt: %s 0x%x\n", tp_code(r), st);
        gnutls_typed_vdata_st vd = {GNUTLS_DT_KEY_PURPOSE_OID, (unsigned char *)GNUTLS_KP_ANY, 0};
        r = gnutls_x509_trust_list_verify_crt2(tl, &p->leaf, 1, &vd, 1, fl, &st, NULL);
        printf("    trust_list_verify_crt2: %s 0x%x\n", tp_code(r), st);
        gnutls_x509_crl_t crl_copy;
        gnutls_x509_crl_export2(p->crl, GNUTLS_X509_FMT_DER, &der);
        gnutls_x509_crl_init(&crl_copy);
        gnutls_x509_crl_import(crl_copy, &der, GNUTLS_X509_FMT_DER);
        gnutls_free(der.data);
        /* kept only if it verifies, dates included */
        r = gnutls_x509_trust_list_add_crls(tl, &crl_copy, 1, GNUTLS_TL_VERIFY_CRL, fl);
        printf("    add_crls verified: %s\n", tp_code(r));
        r = gnutls_x509_trust_list_verify_crt(tl, &p->leaf, 1, fl, &st, NULL);
        printf("    trust_list_verify_crt with CRL: %s 0x%x\n", tp_code(r), st);
        gnutls_x509_trust_list_deinit(tl, 1);

        r = gnutls_x509_crl_verify(p->crl, &p->ca, 1, fl, &st);
        printf("    crl_verify: %s 0x%x\n", tp_code(r), st);
    }
}

/* Dates written by the library (a PKCS#7 signing time) and read back from
 * a TOFU database (an entry stored with an expiration of 2033-01-01). */
static void other_checks(struct pki *p, const char *db)
{
    gnutls_pkcs7_t p7;
    gnutls_privkey_t key;
    gnutls_datum_t data = {(unsigned char *)"data", 4};
    gnutls_pkcs7_signature_info_st info;
    gnutls_pkcs7_init(&p7);
    gnutls_privkey_init(&key);
    gnutls_privkey_import_x509(key, p->leaf_key, 0);
    int r = gnutls_pkcs7_sign(p7, p->leaf, key, &data, NULL, NULL, GNUTLS_DIG_SHA256, GNUTLS_PKCS7_INCLUDE_TIME);
    if (r == 0 && (r = gnutls_pkcs7_get_signature_info(p7, 0, &info)) == 0) {
        printf("    pkcs7 signing time: %s\n", info.signing_time == fake_now ? "now" : "OTHER");
        gnutls_pkcs7_signature_info_deinit(&info);
    } else {
        printf("    pkcs7: %s\n", tp_code(r));
    }
    gnutls_privkey_deinit(key);
    gnutls_pkcs7_deinit(p7);

    gnutls_datum_t der;
    gnutls_x509_crt_export2(p->leaf, GNUTLS_X509_FMT_DER, &der);
    r = gnutls_verify_stored_pubkey(db, NULL, "time.test", "443", GNUTLS_CRT_X509, &der, 0);
    printf("    tofu stored until 2033: %s\n", tp_code(r));
    gnutls_free(der.data);
}

struct tls_pki {
    const char *ca, *crt, *key;
};
static const struct tls_pki ca_signed = {ca_crt, leaf_crt, leaf_key}, delegated = {dl_ca_crt, dl_leaf_crt, dl_leaf_key};

static gnutls_certificate_credentials_t server_cred(const struct tls_pki *k, const unsigned char *resp, size_t resp_len,
                                                    unsigned flags)
{
    gnutls_certificate_credentials_t c;
    gnutls_certificate_allocate_credentials(&c);
    if (flags)
        gnutls_certificate_set_flags(c, flags);
    /* the chain with its CA: GnuTLS finds the response's signer there */
    gnutls_x509_crt_t chain[2];
    gnutls_x509_privkey_t pk;
    const char *pem[2] = {k->crt, k->ca};
    for (int i = 0; i < 2; i++) {
        gnutls_datum_t d = txt(pem[i]);
        gnutls_x509_crt_init(&chain[i]);
        gnutls_x509_crt_import(chain[i], &d, GNUTLS_X509_FMT_PEM);
    }
    gnutls_datum_t kd = txt(k->key);
    gnutls_x509_privkey_init(&pk);
    gnutls_x509_privkey_import(pk, &kd, GNUTLS_X509_FMT_PEM);
    int r = gnutls_certificate_set_x509_key(c, chain, 2, pk);
    if (r < 0)
        printf("    set_x509_key: %s\n", tp_code(r));
    gnutls_x509_privkey_deinit(pk);
    gnutls_x509_crt_deinit(chain[0]);
    gnutls_x509_crt_deinit(chain[1]);
    gnutls_datum_t rd = {(unsigned char *)resp, (unsigned)resp_len};
    r = gnutls_certificate_set_ocsp_status_request_mem(c, &rd, 0, GNUTLS_X509_FMT_DER);
    printf("    load response: %s\n", tp_code(r));
    if (r == 0)
        printf("    ocsp expiration: %lld\n", (long long)gnutls_certificate_get_ocsp_expiration(c, 0, 0, 0));
    return c;
}

/* A TLS 1.3 connection with the response stapled; the client's verdict. */
static void connection(const struct tls_pki *k, const unsigned char *resp, size_t resp_len, unsigned vflags)
{
    gnutls_certificate_credentials_t sc = server_cred(k, resp, resp_len, GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK);
    gnutls_certificate_credentials_t cc;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t d = txt(k->ca);
    gnutls_certificate_set_x509_trust_mem(cc, &d, GNUTLS_X509_FMT_PEM);
    if (vflags)
        gnutls_certificate_set_verify_flags(cc, vflags);
    struct tp_pair p;
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, "NORMAL:-VERS-ALL:+VERS-TLS1.3", NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, sc);
    gnutls_server_name_set(p.c.s, GNUTLS_NAME_DNS, "localhost", 9);
    if (tp_handshake(&p) == 0) {
        unsigned st = 0;
        int r = gnutls_certificate_verify_peers3(p.c.s, "localhost", &st);
        printf("    verify_peers3 (flags 0x%x): %s 0x%x\n", vflags, tp_code(r), st);
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

static void tls_checks(void)
{
    gnutls_certificate_free_credentials(server_cred(&ca_signed, R(ocsp_good), 0));
    gnutls_certificate_free_credentials(server_cred(&ca_signed, R(ocsp_expired), 0));
    connection(&ca_signed, R(ocsp_good), 0);
    connection(&ca_signed, R(ocsp_expired), 0);
    connection(&ca_signed, R(ocsp_good), GNUTLS_VERIFY_DISABLE_TIME_CHECKS);
    /* the responder's own validity (2020-2030) */
    connection(&delegated, R(dl_ocsp), 0);
}

int main(void)
{
    static const struct {
        const char *name;
        int y, m, d;
    } dates[] = {
        {"2019-06-01: before everything", 2019, 6, 1},
        {"2024-06-01: TLS PKI valid, ocsp_expired current", 2024, 6, 1},
        {"2030-06-01: CA valid, leaf not yet", 2030, 6, 1},
        {"2031-06-01: CRL issued in the future", 2031, 6, 1},
        {"2032-06-01: everything valid", 2032, 6, 1},
        {"2034-06-01: CRL superseded", 2034, 6, 1},
        {"2036-06-01: leaf expired", 2036, 6, 1},
        {"2041-06-01: CA expired", 2041, 6, 1},
        {"2119-06-01: ocsp_good superseded", 2119, 6, 1},
        {"2121-06-01: TLS PKI expired", 2121, 6, 1},
    };
    struct pki p;
    gnutls_global_init();
    make_pki(&p);

    /* The real clock (well before 2030, long after 2025). */
    printf("== no time function\n");
    x509_checks(&p);
    tls_checks();

    char dir[] = "/tmp/gnossl-time-XXXXXX", db[64];
    if (mkdtemp(dir) == NULL)
        return 1;
    snprintf(db, sizeof db, "%s/known_hosts", dir);
    gnutls_datum_t der;
    gnutls_x509_crt_export2(p.leaf, GNUTLS_X509_FMT_DER, &der);
    int r = gnutls_store_pubkey(db, NULL, "time.test", "443", GNUTLS_CRT_X509, &der, utc(2033, 1, 1), 0);
    printf("store_pubkey: %s\n", tp_code(r));
    gnutls_free(der.data);

    gnutls_global_set_time_function(fake_time);
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        fake_now = utc(dates[i].y, dates[i].m, dates[i].d);
        printf("== %s\n", dates[i].name);
        x509_checks(&p);
        tls_checks();
        other_checks(&p, db);
    }
    unlink(db);
    rmdir(dir);
    free_pki(&p);
    gnutls_global_deinit();
    return 0;
}
