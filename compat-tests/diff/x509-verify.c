/* Differential test of certificate verification: trust lists (add_cas,
 * add_trust_mem/file, add_crls, system trust, get_issuer, iteration) and
 * gnutls_x509_trust_list_verify_crt/crt2, gnutls_x509_crt_verify,
 * gnutls_x509_crt_list_verify over a small PKI generated once with an
 * OpenSSL program (valid chain, expired, not yet valid, SHA-1 signed,
 * revoked by a CRL, unknown critical extension, bad signature, issuers
 * that are not CAs / lack keyCertSign / exceed a path length / are v1,
 * self-signed leaves).  Prints the return codes and status bits; must be
 * identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *name, *pem;
};
extern const struct item pki[];

static gnutls_x509_crt_t get(const char *name)
{
    for (unsigned i = 0; pki[i].name; i++)
        if (strcmp(pki[i].name, name) == 0) {
            gnutls_x509_crt_t c;
            gnutls_datum_t d = {(unsigned char *)pki[i].pem, (unsigned)strlen(pki[i].pem)};
            gnutls_x509_crt_init(&c);
            if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
                printf("cannot import %s\n", name);
                exit(1);
            }
            return c;
        }
    printf("no %s\n", name);
    exit(1);
}

static const char *pem_of(const char *name)
{
    for (unsigned i = 0; pki[i].name; i++)
        if (strcmp(pki[i].name, name) == 0)
            return pki[i].pem;
    return "";
}

/* the same certificate with the last signature byte changed */
static gnutls_x509_crt_t broken_sig(const char *name)
{
    gnutls_x509_crt_t c = get(name);
    gnutls_datum_t der;
    gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &der);
    der.data[der.size - 1] ^= 0x01;
    gnutls_x509_crt_deinit(c);
    gnutls_x509_crt_init(&c);
    int r = gnutls_x509_crt_import(c, &der, GNUTLS_X509_FMT_DER);
    gnutls_free(der.data);
    if (r < 0) {
        printf("broken import %d\n", r);
        exit(1);
    }
    return c;
}

/* the per-step report GnuTLS gives an output function (certtool prints it) */
static int step(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, gnutls_x509_crl_t crl, unsigned status)
{
    gnutls_datum_t a = {NULL, 0}, b = {NULL, 0};
    gnutls_x509_crt_get_dn2(cert, &a);
    if (issuer)
        gnutls_x509_crt_get_dn2(issuer, &b);
    printf("    step: %s <- %s%s status=0x%x\n", a.data ? (char *)a.data : "?", issuer ? (b.data ? (char *)b.data : "?") : "(none)",
           crl ? " [crl]" : "", status);
    gnutls_free(a.data);
    gnutls_free(b.data);
    return 0;
}

static void verify(gnutls_x509_trust_list_t tl, const char *label, gnutls_x509_crt_t *chain, unsigned n, unsigned flags,
                   const char *host, const char *purpose)
{
    unsigned status = 0xdeadbeef;
    gnutls_typed_vdata_st data[2];
    unsigned el = 0;
    if (host) {
        data[el].type = GNUTLS_DT_DNS_HOSTNAME;
        data[el].data = (unsigned char *)host;
        data[el].size = 0;
        el++;
    }
    if (purpose) {
        data[el].type = GNUTLS_DT_KEY_PURPOSE_OID;
        data[el].data = (unsigned char *)purpose;
        data[el].size = 0;
        el++;
    }
    int r = el ? gnutls_x509_trust_list_verify_crt2(tl, chain, n, data, el, flags, &status, step)
               : gnutls_x509_trust_list_verify_crt(tl, chain, n, flags, &status, step);
    printf("%-40s r=%d status=0x%x\n", label, r, status);
}

int main(void)
{
    gnutls_global_init();
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_x509_crt_t root = get("root");
    printf("add_cas(root)=%d\n", gnutls_x509_trust_list_add_cas(tl, &root, 1, 0));

    gnutls_x509_crt_t inter = get("inter"), leaf = get("leaf");
    gnutls_x509_crt_t c2[3] = {leaf, inter, NULL};
    verify(tl, "leaf+inter", c2, 2, 0, NULL, NULL);
    verify(tl, "leaf alone", c2, 1, 0, NULL, NULL);
    gnutls_x509_crt_t rootcopy = get("root");
    gnutls_x509_crt_t c3[3] = {leaf, inter, rootcopy};
    verify(tl, "leaf+inter+root", c3, 3, 0, NULL, NULL);
    gnutls_x509_crt_t rev[2] = {inter, leaf};
    verify(tl, "inter+leaf (reversed)", rev, 2, 0, NULL, NULL);
    verify(tl, "leaf+inter host ok", c2, 2, 0, "www.example.com", NULL);
    verify(tl, "leaf+inter host bad", c2, 2, 0, "other.example.com", NULL);
    verify(tl, "leaf+inter host ip", c2, 2, 0, "127.0.0.1", NULL);
    verify(tl, "leaf+inter purpose server", c2, 2, 0, NULL, GNUTLS_KP_TLS_WWW_SERVER);
    verify(tl, "leaf+inter purpose client", c2, 2, 0, NULL, GNUTLS_KP_TLS_WWW_CLIENT);
    verify(tl, "leaf+inter notime", c2, 2, GNUTLS_VERIFY_DISABLE_TIME_CHECKS, NULL, NULL);
    verify(tl, "inter", &inter, 1, 0, NULL, NULL);
    verify(tl, "root itself", &root, 1, 0, NULL, NULL);

    static const char *const leaves[] = {"expired", "future", "sha1", "revoked", "clientonly", "critunk", NULL};
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = get(leaves[i]);
        gnutls_x509_crt_t ch[2] = {l, inter};
        char label[64];
        verify(tl, leaves[i], ch, 2, 0, NULL, NULL);
        snprintf(label, sizeof label, "%s allow-sha1", leaves[i]);
        verify(tl, label, ch, 2, GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1, NULL, NULL);
        snprintf(label, sizeof label, "%s notime", leaves[i]);
        verify(tl, label, ch, 2, GNUTLS_VERIFY_DISABLE_TIME_CHECKS, NULL, NULL);
        snprintf(label, sizeof label, "%s purpose server", leaves[i]);
        verify(tl, label, ch, 2, 0, NULL, GNUTLS_KP_TLS_WWW_SERVER);
        gnutls_x509_crt_deinit(l);
    }
    gnutls_x509_crt_t bad = broken_sig("badsig");
    gnutls_x509_crt_t chb[2] = {bad, inter};
    verify(tl, "badsig", chb, 2, 0, NULL, NULL);
    gnutls_x509_crt_t badleaf = broken_sig("leaf");
    gnutls_x509_crt_t chbl[2] = {badleaf, inter};
    verify(tl, "leaf with broken signature", chbl, 2, 0, NULL, NULL);

    static const char *const pairs[][3] = {{"bynotca", "notca", NULL}, {"bynoku", "noku", NULL},
                                           {"bysub", "sub", "plen"},   {"byv1", "v1ca", NULL},
                                           {NULL, NULL, NULL}};
    /* Not tested: a chain holding an unrelated (expired) certificate in
     * place of the issuer.  GnuTLS checks the chain as given and reports
     * the expired certificate; OpenSSL builds the path from names and
     * reports the missing issuer.  Both reject it. */
    for (unsigned i = 0; pairs[i][0]; i++) {
        gnutls_x509_crt_t ch[3];
        unsigned n = 0;
        for (unsigned k = 0; k < 3 && pairs[i][k]; k++)
            ch[n++] = get(pairs[i][k]);
        char label[64];
        snprintf(label, sizeof label, "%s chain", pairs[i][0]);
        verify(tl, label, ch, n, 0, NULL, NULL);
        snprintf(label, sizeof label, "%s chain allow-v1", pairs[i][0]);
        verify(tl, label, ch, n, GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT, NULL, NULL);
        for (unsigned k = 0; k < n; k++)
            gnutls_x509_crt_deinit(ch[k]);
    }
    gnutls_x509_crt_t self = get("self"), selfold = get("selfold");
    verify(tl, "self (untrusted)", &self, 1, 0, NULL, NULL);
    verify(tl, "selfold (untrusted)", &selfold, 1, 0, NULL, NULL);

    /* issuer lookup */
    gnutls_x509_crt_t issuer = NULL;
    int r = gnutls_x509_trust_list_get_issuer(tl, inter, &issuer, 0);
    printf("get_issuer(inter)=%d same=%d\n", r, r == 0 ? (int)gnutls_x509_crt_equals(issuer, root) : -1);
    r = gnutls_x509_trust_list_get_issuer(tl, leaf, &issuer, 0);
    printf("get_issuer(leaf)=%d\n", r);

    /* the CRL */
    gnutls_x509_crl_t crl;
    gnutls_x509_crl_init(&crl);
    printf("crl getters before import: count=%d version=%d\n", gnutls_x509_crl_get_crt_count(crl),
           gnutls_x509_crl_get_version(crl));
    gnutls_datum_t crld = {(unsigned char *)pem_of("crl"), (unsigned)strlen(pem_of("crl"))};
    r = gnutls_x509_crl_import(crl, &crld, GNUTLS_X509_FMT_PEM);
    printf("crl_import=%d", r);
    printf(" count=%d", gnutls_x509_crl_get_crt_count(crl));
    printf(" version=%d", gnutls_x509_crl_get_version(crl));
    printf(" this=%lld", (long long)gnutls_x509_crl_get_this_update(crl));
    printf(" next=%lld\n", (long long)gnutls_x509_crl_get_next_update(crl));
    gnutls_datum_t dn;
    r = gnutls_x509_crl_get_issuer_dn2(crl, &dn);
    printf("crl issuer: %d %s\n", r, r == 0 ? (char *)dn.data : "");
    if (r == 0)
        gnutls_free(dn.data);
    unsigned char serial[32];
    size_t ssz = sizeof serial;
    time_t when = 0;
    r = gnutls_x509_crl_get_crt_serial(crl, 0, serial, &ssz, &when);
    printf("crl serial[0]: %d size=%zu first=%02x when=%lld\n", r, ssz, serial[0], (long long)when);
    unsigned cv = 0;
    printf("crl_verify(inter)=%d", gnutls_x509_crl_verify(crl, &inter, 1, 0, &cv));
    printf(" status=0x%x", cv);
    printf(" crl_verify(root)=%d", gnutls_x509_crl_verify(crl, &root, 1, 0, &cv));
    printf(" status=0x%x\n", cv);
    gnutls_x509_crt_t revoked = get("revoked");
    printf("check_revocation(revoked)=%d leaf=%d\n", gnutls_x509_crt_check_revocation(revoked, &crl, 1),
           gnutls_x509_crt_check_revocation(leaf, &crl, 1));
    unsigned lv = 0;
    gnutls_x509_crt_t rch[2] = {revoked, inter};
    r = gnutls_x509_crt_list_verify(rch, 2, &root, 1, &crl, 1, 0, &lv);
    printf("list_verify(revoked, crl)=%d status=0x%x\n", r, lv);
    r = gnutls_x509_crt_list_verify(c2, 2, &root, 1, &crl, 1, 0, &lv);
    printf("list_verify(leaf, crl)=%d status=0x%x\n", r, lv);
    r = gnutls_x509_crt_list_verify(rch, 2, &root, 1, NULL, 0, 0, &lv);
    printf("list_verify(revoked, no crl)=%d status=0x%x\n", r, lv);
    r = gnutls_x509_crt_verify(inter, &root, 1, 0, &lv);
    printf("crt_verify(inter, root)=%d status=0x%x\n", r, lv);
    r = gnutls_x509_crt_verify(leaf, &root, 1, 0, &lv);
    printf("crt_verify(leaf, root)=%d status=0x%x\n", r, lv);
    r = gnutls_x509_crt_verify(leaf, &inter, 1, 0, &lv);
    printf("crt_verify(leaf, inter)=%d status=0x%x\n", r, lv);
    printf("add_crls=%d\n", gnutls_x509_trust_list_add_crls(tl, &crl, 1, 0, 0));
    gnutls_x509_crt_t rch2[2] = {revoked, inter};
    verify(tl, "revoked with crl in list", rch2, 2, 0, NULL, NULL);
    verify(tl, "leaf with crl in list", c2, 2, 0, NULL, NULL);
    gnutls_x509_crt_deinit(revoked);

    /* a second list: intermediate and self-signed leaves as anchors */
    gnutls_x509_trust_list_t tl2;
    gnutls_x509_trust_list_init(&tl2, 0);
    gnutls_datum_t m = {(unsigned char *)pem_of("inter"), (unsigned)strlen(pem_of("inter"))};
    printf("add_trust_mem(inter)=%d\n", gnutls_x509_trust_list_add_trust_mem(tl2, &m, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    m.data = (unsigned char *)pem_of("self");
    m.size = (unsigned)strlen(pem_of("self"));
    printf("add_trust_mem(self)=%d\n", gnutls_x509_trust_list_add_trust_mem(tl2, &m, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    m.data = (unsigned char *)pem_of("selfold");
    m.size = (unsigned)strlen(pem_of("selfold"));
    printf("add_trust_mem(selfold)=%d\n", gnutls_x509_trust_list_add_trust_mem(tl2, &m, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    printf("add_trust_mem(self, nodup)=%d\n",
           gnutls_x509_trust_list_add_trust_mem(tl2, &m, NULL, GNUTLS_X509_FMT_PEM, GNUTLS_TL_NO_DUPLICATES, 0));
    verify(tl2, "leaf (inter anchor)", &leaf, 1, 0, NULL, NULL);
    verify(tl2, "leaf+inter (inter anchor)", c2, 2, 0, NULL, NULL);
    verify(tl2, "self (trusted)", &self, 1, 0, NULL, NULL);
    verify(tl2, "self (trusted) host", &self, 1, 0, "self.example.com", NULL);
    verify(tl2, "selfold (trusted)", &selfold, 1, 0, NULL, NULL);
    verify(tl2, "inter (trusted itself)", &inter, 1, 0, NULL, NULL);
    gnutls_x509_trust_list_iter_t it = NULL;
    gnutls_x509_crt_t ca;
    unsigned count = 0;
    while (gnutls_x509_trust_list_iter_get_ca(tl2, &it, &ca) == 0) {
        gnutls_datum_t d;
        if (gnutls_x509_crt_get_dn2(ca, &d) == 0) {
            printf("iter[%u] %s\n", count, d.data);
            gnutls_free(d.data);
        }
        gnutls_x509_crt_deinit(ca);
        count++;
    }
    printf("iter count=%u\n", count);
    gnutls_x509_trust_list_deinit(tl2, 1);

    /* files and the system store */
    gnutls_x509_trust_list_t tl3;
    gnutls_x509_trust_list_init(&tl3, 0);
    printf("add_trust_file(missing)=%d\n",
           gnutls_x509_trust_list_add_trust_file(tl3, "/nonexistent/ca.pem", NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    int sys = gnutls_x509_trust_list_add_system_trust(tl3, 0, 0);
    printf("add_system_trust>0: %d\n", sys > 0);
    printf("add_trust_file(bundle)=%d\n", gnutls_x509_trust_list_add_trust_file(
                                             tl3, "/etc/ssl/certs/ca-certificates.crt", NULL, GNUTLS_X509_FMT_PEM, 0, 0) == sys);
    verify(tl3, "leaf+inter (system)", c2, 2, 0, NULL, NULL);
    gnutls_x509_trust_list_deinit(tl3, 1);

    gnutls_x509_crl_deinit(crl); /* not owned by tl: added without ownership transfer semantics check */
    gnutls_x509_crt_deinit(self);
    gnutls_x509_crt_deinit(selfold);
    gnutls_x509_crt_deinit(bad);
    gnutls_x509_crt_deinit(badleaf);
    gnutls_x509_crt_deinit(rootcopy);
    gnutls_x509_crt_deinit(leaf);
    gnutls_x509_crt_deinit(inter);
    gnutls_x509_trust_list_deinit(tl, 0);
    gnutls_x509_crt_deinit(root);
    gnutls_global_deinit();
    return 0;
}

/* Generated once by an OpenSSL program (keys RSA-2048, P-256, Ed25519). */
const struct item pki[] = {
    {"root",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIDFTCCAf2gAwIBAgIBATANBgkqhkiG9w0BAQsFADAqMRYwFAYDVQQKDA1Hbm9z\n"
     "c2wgVmVyaWZ5MRAwDgYDVQQDDAdSb290IENBMCIYDzIwMjAwMTAxMDAwMDAwWhgP\n"
     "MjA5MDAxMDEwMDAwMDBaMCoxFjAUBgNVBAoMDUdub3NzbCBWZXJpZnkxEDAOBgNV\n"
     "BAMMB1Jvb3QgQ0EwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCdFEdo\n"
     "jaVfYhlW7z0mwyVSgvH2w95fLaRbHYn9aqXdKReYkAeFohyrWa4bi0rgp8OGjQX2\n"
     "2NVbqhGA0+d7wNIAOSuOqQmRqV4UvT3CzSsgo4SGHkgdUTWb23rvTwjhOdlPloZb\n"
     "Hi+qdJ0qcOhQpoLILkGzpQDFgJAGIMF7Orb48+BM+iloeChjFpPCkhLY4bRTTjs9\n"
     "3W/MD8SBc03ZIEEsVVzgYRiUKHXARuPe3uE4X6Lt7DRFqeu+fhTrR5eUxp4Oa1tc\n"
     "q/4wQC8rpTeDRX6CvGPm9La4OwtryYvPzAKxMWkJRL16jHpyr1I8W+R2cmT9aC/g\n"
     "b6aeyw8HIoewL+SFAgMBAAGjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/\n"
     "BAQDAgEGMB0GA1UdDgQWBBREmVoNWqmSP39rrZqPL0+1e+vCtDANBgkqhkiG9w0B\n"
     "AQsFAAOCAQEAYiRZwN2t7SxSYO5OdATgvbfXjf2pDIyiRYGNWXpy8gf12lwFiDp3\n"
     "lUkBUykB0RF8fTlxkaEWBIE5bP+3qXRhw9oMUmGp+EXr6vjxoX/JfOMWsnhVO8Uw\n"
     "HvRCcJCxqkoVA67zXyyAdYRgQIgbSWhWpXHiicS+i4mo16E7nA/nnhar8BJhbLFO\n"
     "UFeUEkw0yP2WR+B8PVPV8DsTZjJwTUjyLodrvgxCy3H9kWJ/q+gTQwbqAEw84LUR\n"
     "OXBH1vIYMs8dOd2Wd4DipbtzT8PvCBmioPPERNTtq1Ir3PemWri6f3jeOKfCnzS+\n"
     "2GhD4w/mFzAKYwbxfnus9r9ZwQ+7wad/OA==\n"
     "-----END CERTIFICATE-----\n"},
    {"inter",
     "-----BEGIN CERTIFICATE-----\n"
     "MIICczCCAVugAwIBAgIBAjANBgkqhkiG9w0BAQsFADAqMRYwFAYDVQQKDA1Hbm9z\n"
     "c2wgVmVyaWZ5MRAwDgYDVQQDDAdSb290IENBMCIYDzIwMjAwMTAxMDAwMDAwWhgP\n"
     "MjA5MDAxMDEwMDAwMDBaMDIxFjAUBgNVBAoMDUdub3NzbCBWZXJpZnkxGDAWBgNV\n"
     "BAMMD0ludGVybWVkaWF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABN9A\n"
     "1YKXClSF4F/nzKw5lgP7lnfCWs+As0dxXK3xGwZxoWwcAdh1zlOnLXoO6C/CtEj6\n"
     "CVATYLfnW9pnLzWg2u+jYzBhMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQD\n"
     "AgEGMB0GA1UdDgQWBBR7A5PADXvxJlPKSfZxo/crTyblkTAfBgNVHSMEGDAWgBRE\n"
     "mVoNWqmSP39rrZqPL0+1e+vCtDANBgkqhkiG9w0BAQsFAAOCAQEAcIEiC1s5aXgb\n"
     "qOfvhoNfr7AltPFGQ0H155lLjNl4KXJfm8upBO54Hjfm6L8jn+67ueOdCneG+MK6\n"
     "kufM/6AHrMer5YdVI1eP4ix1c+wfSN05ar23P4OLuUNNrQkWy64CfntRYrOvjaYI\n"
     "fQrIgF2M6hD99XraA8K7ng/ifNgggUobtQfye/l9FB+j9Tz4+NlHD3CATW8e6uik\n"
     "5GXgeNsjloBwvgRcSYSPnBOReH60zO7p/gAyCCGAxT9P0MI3/GvxNt/HalKPxZcK\n"
     "1xQTX9AghDdiNjHptmahjVLsqg9JEJf7y4HbLFGq/gSlYPqQVxXACNYHYO87psy3\n"
     "m0Oqab/4NQ==\n"
     "-----END CERTIFICATE-----\n"},
    {"leaf",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBkDCCATagAwIBAgIBCjAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAyMDAxMDEwMDAw\n"
     "MDBaGA8yMDkwMDEwMTAwMDAwMFowMjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEY\n"
     "MBYGA1UEAwwPd3d3LmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD\n"
     "QgAEbe1N5+arf4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6rb5O\n"
     "z5dB3+TvQyI0QgdLwd9uKhhn06M5MDcwIAYDVR0RBBkwF4IPd3d3LmV4YW1wbGUu\n"
     "Y29thwR/AAABMBMGA1UdJQQMMAoGCCsGAQUFBwMBMAoGCCqGSM49BAMCA0gAMEUC\n"
     "IQCTTiam2OHqVgey8Yrbr5qjpr5BTdioDTroPY2sc8ZqCwIgRMPVTCA7wE/01Wkt\n"
     "oCIibmqMvtCwkeyUbaLtNqUnPPc=\n"
     "-----END CERTIFICATE-----\n"},
    {"expired",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBgDCCASWgAwIBAgIBCzAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAwMDAxMDEwMDAw\n"
     "MDBaGA8yMDAxMDEwMTAwMDAwMFowNjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEc\n"
     "MBoGA1UEAwwTZXhwaXJlZC5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49\n"
     "AwEHA0IABG3tTefmq3+EKHXVQgTm96d7lRKLH31GjTSoa5D1MXfBx8P7n4+CXkkS\n"
     "Oq2+Ts+XQd/k70MiNEIHS8HfbioYZ9OjJDAiMCAGA1UdEQQZMBeCD3d3dy5leGFt\n"
     "cGxlLmNvbYcEfwAAATAKBggqhkjOPQQDAgNJADBGAiEAlD0/UR6I/+pnyc4x6dVP\n"
     "t+zuvf6iVPjN10WOKV7HObICIQDlN+GQFIKBNa+2la21AKkvui8TOjDwU9extOkA\n"
     "Hdm9AA==\n"
     "-----END CERTIFICATE-----\n"},
    {"future",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBfzCCASSgAwIBAgIBDDAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjA5MDAxMDEwMDAw\n"
     "MDBaGA8yMDk1MDEwMTAwMDAwMFowNTEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEb\n"
     "MBkGA1UEAwwSZnV0dXJlLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D\n"
     "AQcDQgAEbe1N5+arf4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6\n"
     "rb5Oz5dB3+TvQyI0QgdLwd9uKhhn06MkMCIwIAYDVR0RBBkwF4IPd3d3LmV4YW1w\n"
     "bGUuY29thwR/AAABMAoGCCqGSM49BAMCA0kAMEYCIQDYdFcgmQq1Cz2gj1Js2LU6\n"
     "lmsYp0JTLVXbXcdpmJN3SAIhAJWPC881YVcmXfJKnCkeY8F6iZeeINLXGism2Gaz\n"
     "pf77\n"
     "-----END CERTIFICATE-----\n"},
    {"sha1",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBeTCCASGgAwIBAgIBDTAJBgcqhkjOPQQBMDIxFjAUBgNVBAoMDUdub3NzbCBW\n"
     "ZXJpZnkxGDAWBgNVBAMMD0ludGVybWVkaWF0ZSBDQTAiGA8yMDIwMDEwMTAwMDAw\n"
     "MFoYDzIwOTAwMTAxMDAwMDAwWjAzMRYwFAYDVQQKDA1Hbm9zc2wgVmVyaWZ5MRkw\n"
     "FwYDVQQDDBBzaGExLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD\n"
     "QgAEbe1N5+arf4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6rb5O\n"
     "z5dB3+TvQyI0QgdLwd9uKhhn06MkMCIwIAYDVR0RBBkwF4IPd3d3LmV4YW1wbGUu\n"
     "Y29thwR/AAABMAkGByqGSM49BAEDRwAwRAIgSkUUJMnAuikHmZJ60gYIf/LmupDk\n"
     "qZ8f/GhTuMYTvLYCIDxtMqPJrdmX2iRz3GWemuvaVWR2JDubNC1gPl0jilAE\n"
     "-----END CERTIFICATE-----\n"},
    {"revoked",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBgDCCASWgAwIBAgIBDjAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAyMDAxMDEwMDAw\n"
     "MDBaGA8yMDkwMDEwMTAwMDAwMFowNjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEc\n"
     "MBoGA1UEAwwTcmV2b2tlZC5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49\n"
     "AwEHA0IABG3tTefmq3+EKHXVQgTm96d7lRKLH31GjTSoa5D1MXfBx8P7n4+CXkkS\n"
     "Oq2+Ts+XQd/k70MiNEIHS8HfbioYZ9OjJDAiMCAGA1UdEQQZMBeCD3d3dy5leGFt\n"
     "cGxlLmNvbYcEfwAAATAKBggqhkjOPQQDAgNJADBGAiEAvxPthpzpjo4/YF13FNmk\n"
     "qLLdBHk5e9+WkRvB9L2f4/YCIQDmBUH5L9S9rwvTUXB+56oUgQTPNBtmovKv76bl\n"
     "xdDFVA==\n"
     "-----END CERTIFICATE-----\n"},
    {"clientonly",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBkzCCATmgAwIBAgIBDzAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAyMDAxMDEwMDAw\n"
     "MDBaGA8yMDkwMDEwMTAwMDAwMFowNTEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEb\n"
     "MBkGA1UEAwwSY2xpZW50LmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D\n"
     "AQcDQgAEbe1N5+arf4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6\n"
     "rb5Oz5dB3+TvQyI0QgdLwd9uKhhn06M5MDcwIAYDVR0RBBkwF4IPd3d3LmV4YW1w\n"
     "bGUuY29thwR/AAABMBMGA1UdJQQMMAoGCCsGAQUFBwMCMAoGCCqGSM49BAMCA0gA\n"
     "MEUCIQDcvdo0OlS87mvWotidnSWUzjocoou0TsCaAzZkgtGGTwIgESKk2A4u31KJ\n"
     "+cuYxBBMKaPdpNnZGoqMcUnMLihTET0=\n"
     "-----END CERTIFICATE-----\n"},
    {"critunk",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBijCCAS+gAwIBAgIBEDAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAyMDAxMDEwMDAw\n"
     "MDBaGA8yMDkwMDEwMTAwMDAwMFowMzEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEZ\n"
     "MBcGA1UEAwwQY3JpdC5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEH\n"
     "A0IABG3tTefmq3+EKHXVQgTm96d7lRKLH31GjTSoa5D1MXfBx8P7n4+CXkkSOq2+\n"
     "Ts+XQd/k70MiNEIHS8HfbioYZ9OjMTAvMCAGA1UdEQQZMBeCD3d3dy5leGFtcGxl\n"
     "LmNvbYcEfwAAATALBgQqAwRjAQH/BAAwCgYIKoZIzj0EAwIDSQAwRgIhAKhDjx6X\n"
     "JA2wSNG9I0YsYQJZFm6NTxF1Jv4iVvX3HanuAiEA+BIR65XV2HVivkVm3H6WOI1K\n"
     "9Q/UGh4Oa1+vVmidXhU=\n"
     "-----END CERTIFICATE-----\n"},
    {"badsig",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBfjCCASSgAwIBAgIBETAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRgwFgYDVQQDDA9JbnRlcm1lZGlhdGUgQ0EwIhgPMjAyMDAxMDEwMDAw\n"
     "MDBaGA8yMDkwMDEwMTAwMDAwMFowNTEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEb\n"
     "MBkGA1UEAwwSYmFkc2lnLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D\n"
     "AQcDQgAEbe1N5+arf4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6\n"
     "rb5Oz5dB3+TvQyI0QgdLwd9uKhhn06MkMCIwIAYDVR0RBBkwF4IPd3d3LmV4YW1w\n"
     "bGUuY29thwR/AAABMAoGCCqGSM49BAMCA0gAMEUCIDOieg/uqFuJyiSWB3fIkC+H\n"
     "hE/LomJJwdrpmgu4BdV5AiEA4KYIC1FN+p+ZhUuAa6KUok7/IGmPj58V0tKRGcKp\n"
     "VQw=\n"
     "-----END CERTIFICATE-----\n"},
    {"notca",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIB6TCB0qADAgECAgEDMA0GCSqGSIb3DQEBCwUAMCoxFjAUBgNVBAoMDUdub3Nz\n"
     "bCBWZXJpZnkxEDAOBgNVBAMMB1Jvb3QgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8y\n"
     "MDkwMDEwMTAwMDAwMFowKzEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTERMA8GA1UE\n"
     "AwwITm90IEEgQ0EwKjAFBgMrZXADIQBP5zuQ0foAuGiJJRWv7kozbIdoicpWN2YP\n"
     "HQKmQIvLx6MQMA4wDAYDVR0TAQH/BAIwADANBgkqhkiG9w0BAQsFAAOCAQEABDv1\n"
     "BwFlS7hbpWV3FCH+TbV0NyXKXXR3Xrp6ExcZLDuvs7cONF7DVQ7aQFivPVWb2WFe\n"
     "cV1BTH63PVyAsfCXunr7NsWUv4ITQKOcFEsGaE3WukqHVm90aSFH6j3oqcjIR1kH\n"
     "1kzMZqNT76b6zrifs8FUNvVbXx7IYF2Ei3AehpJXCds7omUA7/wLidr1SOVeMLFh\n"
     "ggSl9v8kxb8/ZHNtZXuea701oZY6o6uScp3abrQw89lLoiJm73Lt9OwXA0Prja8Y\n"
     "W8mGMy8aKqgECmjjwnhArlxxI2Uu2/ixT+vKyKx2NB/R7trsdzGIIPI+sq9N2i03\n"
     "8KhFGfNf/8peIU+qWQ==\n"
     "-----END CERTIFICATE-----\n"},
    {"bynotca",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBZzCCARmgAwIBAgIBEjAFBgMrZXAwKzEWMBQGA1UECgwNR25vc3NsIFZlcmlm\n"
     "eTERMA8GA1UEAwwITm90IEEgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8yMDkwMDEw\n"
     "MTAwMDAwMFowNjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEcMBoGA1UEAwwTYnlu\n"
     "b3RjYS5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABG3tTefm\n"
     "q3+EKHXVQgTm96d7lRKLH31GjTSoa5D1MXfBx8P7n4+CXkkSOq2+Ts+XQd/k70Mi\n"
     "NEIHS8HfbioYZ9OjJDAiMCAGA1UdEQQZMBeCD3d3dy5leGFtcGxlLmNvbYcEfwAA\n"
     "ATAFBgMrZXADQQDvAsVEnuLlDDG4fQ/sunN3lmFK7bJwkOwDhkej9ljwIVKOQtrq\n"
     "yjy+1mR9qDST7CjUigW73F6Z4jQ0YTVnZxoN\n"
     "-----END CERTIFICATE-----\n"},
    {"noku",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIB/DCB5aADAgECAgEEMA0GCSqGSIb3DQEBCwUAMCoxFjAUBgNVBAoMDUdub3Nz\n"
     "bCBWZXJpZnkxEDAOBgNVBAMMB1Jvb3QgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8y\n"
     "MDkwMDEwMTAwMDAwMFowKzEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTERMA8GA1UE\n"
     "AwwITm8gS1UgQ0EwKjAFBgMrZXADIQBP5zuQ0foAuGiJJRWv7kozbIdoicpWN2YP\n"
     "HQKmQIvLx6MjMCEwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCB4AwDQYJ\n"
     "KoZIhvcNAQELBQADggEBAA03FAdpN/0sWU7eBbTogb+LmH29mSSHSa5ODjG2CL3X\n"
     "kntgxEBjAoY7Z7uTcsEaK5DhcZYGMm6SbQcOsz3G9Qi4fXVbA63T5tdqhFx+uQ5E\n"
     "4zjMstRdYec7H0esNrKDzRj2cKjqh55tTuC8v6H3RxKWSRDn9HzPf/sA6dK7jbRj\n"
     "Vn4sXKI2zyAsEp1YjG/hHCtM/1C1NTKFCrJLyYvfxATTRkSeGVGUzikqG5WjAoGo\n"
     "+MQltTB+2uDPzIbp5IxqpVKu7ZRiiDkS9Euxift2nbZ58n6gvSRUzHjiG+JPFDEM\n"
     "+8B2QmoxjgAB34PXuNVEUczoTca/B3gtbtj9hdIETXQ=\n"
     "-----END CERTIFICATE-----\n"},
    {"bynoku",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBZjCCARigAwIBAgIBEzAFBgMrZXAwKzEWMBQGA1UECgwNR25vc3NsIFZlcmlm\n"
     "eTERMA8GA1UEAwwITm8gS1UgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8yMDkwMDEw\n"
     "MTAwMDAwMFowNTEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEbMBkGA1UEAwwSYnlu\n"
     "b2t1LmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbe1N5+ar\n"
     "f4QoddVCBOb3p3uVEosffUaNNKhrkPUxd8HHw/ufj4JeSRI6rb5Oz5dB3+TvQyI0\n"
     "QgdLwd9uKhhn06MkMCIwIAYDVR0RBBkwF4IPd3d3LmV4YW1wbGUuY29thwR/AAAB\n"
     "MAUGAytlcANBANPpLTEZCfxiec+XqVOjbC2BqsSnCQtKPOp3aYnUSkK6vjTQYDdy\n"
     "wqWkzP5Nb3ERBO5Xc+aqQwK1ivubq2nP9g0=\n"
     "-----END CERTIFICATE-----\n"},
    {"plen",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIB8jCB26ADAgECAgEFMA0GCSqGSIb3DQEBCwUAMCoxFjAUBgNVBAoMDUdub3Nz\n"
     "bCBWZXJpZnkxEDAOBgNVBAMMB1Jvb3QgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8y\n"
     "MDkwMDEwMTAwMDAwMFowLjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEUMBIGA1UE\n"
     "AwwLUGF0aGxlbjAgQ0EwKjAFBgMrZXADIQBP5zuQ0foAuGiJJRWv7kozbIdoicpW\n"
     "N2YPHQKmQIvLx6MWMBQwEgYDVR0TAQH/BAgwBgEB/wIBADANBgkqhkiG9w0BAQsF\n"
     "AAOCAQEAX2FMk9GGQYu+2KcBMARH+4Xkg25qEbhH6aP2cKa3VABuWRfJC42Swteb\n"
     "6VCjD94smbgUw+MlAxgptngu6LM0iZNjcaU6D/lYD1Z0O0hfBVLNN8gcp4BAwIB3\n"
     "YN2Hsg/PGG9z+sdF+o87Oni75TtlIgvN5J7+yXlTjbwCQHvZUlOBVUYz23LksQAs\n"
     "gYgAMhk4Ib3tuMkZG4sXr4ACCFGaw5V/PYsb/4WQphzYxyVKRf7aEkljo8pt4B+i\n"
     "qmC0Spt87dTjyCZho+gIzPO/iza3zNqH4527mhtA3drRFBwrFLRkj5FkOy3rgSrD\n"
     "Pe+xYJn76syn0bxJPQxAUkbr3yVkcg==\n"
     "-----END CERTIFICATE-----\n"},
    {"sub",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBSzCB/qADAgECAgEGMAUGAytlcDAuMRYwFAYDVQQKDA1Hbm9zc2wgVmVyaWZ5\n"
     "MRQwEgYDVQQDDAtQYXRobGVuMCBDQTAiGA8yMDIwMDEwMTAwMDAwMFoYDzIwOTAw\n"
     "MTAxMDAwMDAwWjApMRYwFAYDVQQKDA1Hbm9zc2wgVmVyaWZ5MQ8wDQYDVQQDDAZT\n"
     "dWIgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATfQNWClwpUheBf58ysOZYD\n"
     "+5Z3wlrPgLNHcVyt8RsGcaFsHAHYdc5Tpy16DugvwrRI+glQE2C351vaZy81oNrv\n"
     "oxMwETAPBgNVHRMBAf8EBTADAQH/MAUGAytlcANBACOFeanjtKN5xW3RcwvCxkFB\n"
     "wup5VI55e2woXOuhf1nFn2bTY19uxR5XxRZyPj1R9TTLj5hIpJFyiDZDV9cpDQo=\n"
     "-----END CERTIFICATE-----\n"},
    {"bysub",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBczCCARqgAwIBAgIBFDAKBggqhkjOPQQDAjApMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MQ8wDQYDVQQDDAZTdWIgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8yMDkw\n"
     "MDEwMTAwMDAwMFowNDEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEaMBgGA1UEAwwR\n"
     "YnlzdWIuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARt7U3n\n"
     "5qt/hCh11UIE5vene5USix99Ro00qGuQ9TF3wcfD+5+Pgl5JEjqtvk7Pl0Hf5O9D\n"
     "IjRCB0vB324qGGfToyQwIjAgBgNVHREEGTAXgg93d3cuZXhhbXBsZS5jb22HBH8A\n"
     "AAEwCgYIKoZIzj0EAwIDRwAwRAIgZbe93uKYg0+FK4f1easPbg4dz3abx9c+Qd0Y\n"
     "U/exiAwCICf+3HcreHF9UaIJfkQOaOUPZYjYkFdGPQr6xYleNuh9\n"
     "-----END CERTIFICATE-----\n"},
    {"v1ca",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBzzCBuAIBBzANBgkqhkiG9w0BAQsFADAqMRYwFAYDVQQKDA1Hbm9zc2wgVmVy\n"
     "aWZ5MRAwDgYDVQQDDAdSb290IENBMCIYDzIwMjAwMTAxMDAwMDAwWhgPMjA5MDAx\n"
     "MDEwMDAwMDBaMCgxFjAUBgNVBAoMDUdub3NzbCBWZXJpZnkxDjAMBgNVBAMMBVYx\n"
     "IENBMCowBQYDK2VwAyEAT+c7kNH6ALhoiSUVr+5KM2yHaInKVjdmDx0CpkCLy8cw\n"
     "DQYJKoZIhvcNAQELBQADggEBAAS4Pwe+6RXi+yKHmM3P7NKR89MsdS9N4VRZhNL3\n"
     "kzwobh0hkl4yqnsvxSWKwZw3GrNQX6cuX1FPZXh5rAh2cKR07sLLwFDEWVHJYzX4\n"
     "riDWxbnhfjPbfrM7wIoEOgi6pxdxyC7jmRyipL31Z4CxW5mcWATQb6RebGTTt7OP\n"
     "D73jOnYz4IrM9OBDrQkIYeCXVCS3JUCizu0n0sYYq/v0cZuqbHqOzSoFdDm3LNrZ\n"
     "1VYgoEUsiOueLe9NDAb/ig2xdt6pNRIgIy9pL1PU8bqflKaxxV+hDc84AuWIpbVs\n"
     "xz3/Y9zUYHqEd5XgntDQcK5J+eImuk7vKOhc83MXKgL6+f8=\n"
     "-----END CERTIFICATE-----\n"},
    {"byv1",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBYTCCAROgAwIBAgIBFTAFBgMrZXAwKDEWMBQGA1UECgwNR25vc3NsIFZlcmlm\n"
     "eTEOMAwGA1UEAwwFVjEgQ0EwIhgPMjAyMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAw\n"
     "MDAwMFowMzEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEZMBcGA1UEAwwQYnl2MS5l\n"
     "eGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABG3tTefmq3+EKHXV\n"
     "QgTm96d7lRKLH31GjTSoa5D1MXfBx8P7n4+CXkkSOq2+Ts+XQd/k70MiNEIHS8Hf\n"
     "bioYZ9OjJDAiMCAGA1UdEQQZMBeCD3d3dy5leGFtcGxlLmNvbYcEfwAAATAFBgMr\n"
     "ZXADQQDThhtq12mTEfeezSQEWedKEsGh+alGsNMbFwRODq8K/Ms7IpLVwMIi3cNE\n"
     "5I88fIZcc08qDrAtKNfT/Y+3gW8K\n"
     "-----END CERTIFICATE-----\n"},
    {"self",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBdzCCAR6gAwIBAgIBFjAKBggqhkjOPQQDAjAzMRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRkwFwYDVQQDDBBzZWxmLmV4YW1wbGUuY29tMCIYDzIwMjAwMTAxMDAw\n"
     "MDAwWhgPMjA5MDAxMDEwMDAwMDBaMDMxFjAUBgNVBAoMDUdub3NzbCBWZXJpZnkx\n"
     "GTAXBgNVBAMMEHNlbGYuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggqhkjOPQMB\n"
     "BwNCAARt7U3n5qt/hCh11UIE5vene5USix99Ro00qGuQ9TF3wcfD+5+Pgl5JEjqt\n"
     "vk7Pl0Hf5O9DIjRCB0vB324qGGfTox8wHTAbBgNVHREEFDASghBzZWxmLmV4YW1w\n"
     "bGUuY29tMAoGCCqGSM49BAMCA0cAMEQCIFFItRl/s88VapWtD1O4NKazpplgHLQJ\n"
     "ftfKqjYZdklYAiAaC5rV5Xxw2EfA3p5b86uMNeAb3NymTTyrJmhYbIVjfg==\n"
     "-----END CERTIFICATE-----\n"},
    {"selfold",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBXjCCAQOgAwIBAgIBFzAKBggqhkjOPQQDAjA2MRYwFAYDVQQKDA1Hbm9zc2wg\n"
     "VmVyaWZ5MRwwGgYDVQQDDBNzZWxmb2xkLmV4YW1wbGUuY29tMCIYDzIwMDAwMTAx\n"
     "MDAwMDAwWhgPMjAwMTAxMDEwMDAwMDBaMDYxFjAUBgNVBAoMDUdub3NzbCBWZXJp\n"
     "ZnkxHDAaBgNVBAMME3NlbGZvbGQuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq\n"
     "hkjOPQMBBwNCAARt7U3n5qt/hCh11UIE5vene5USix99Ro00qGuQ9TF3wcfD+5+P\n"
     "gl5JEjqtvk7Pl0Hf5O9DIjRCB0vB324qGGfTMAoGCCqGSM49BAMCA0kAMEYCIQCB\n"
     "I3bYO1xkroh5BT3EKr9yDWmkUFAJWUDYm2/l66sRugIhAL+D26kKlnXXwvRPKSR/\n"
     "ZAE6ChuekG9chxKobWpqOFda\n"
     "-----END CERTIFICATE-----\n"},
    {"oldinter",
     "-----BEGIN CERTIFICATE-----\n"
     "MIICJDCCAQygAwIBAgIBCDANBgkqhkiG9w0BAQsFADAqMRYwFAYDVQQKDA1Hbm9z\n"
     "c2wgVmVyaWZ5MRAwDgYDVQQDDAdSb290IENBMCIYDzIwMDAwMTAxMDAwMDAwWhgP\n"
     "MjAwMTAxMDEwMDAwMDBaMDMxFjAUBgNVBAoMDUdub3NzbCBWZXJpZnkxGTAXBgNV\n"
     "BAMMEE9sZCBJbnRlcm1lZGlhdGUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATf\n"
     "QNWClwpUheBf58ysOZYD+5Z3wlrPgLNHcVyt8RsGcaFsHAHYdc5Tpy16DugvwrRI\n"
     "+glQE2C351vaZy81oNrvoxMwETAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEB\n"
     "CwUAA4IBAQBy4Gw2ReM4TDFjHh9LXT8r++mpnQnQXUkoHvoph4h6n+LALy9hWhXi\n"
     "TzG55yD/H8zTLRa0e9tpaHjtOzqg+ACM7KFUlM87K7yyVTpr9nr5RZiSe48KfeCL\n"
     "9SAFoNq7k8z7akkfdzXsEOKPer/MFfLJh9qylmGWHq3QMg45ooPlki6qCVfqG5lm\n"
     "ydblNd7YxO1jAX0iCA7flZHUgTsTUiSCL4Iuz5c993IF5DRpKNI3/Rgw5ch1f/9t\n"
     "XonjJ4IlInGMbdraSxoZbgkrOL06BVVAjfNiRnnxTLelr2ckagtUK2XRmuqP4Tnf\n"
     "qMfuJ9X5Xz3DCWhWBv6j5E/6brNCY176\n"
     "-----END CERTIFICATE-----\n"},
    {"crl",
     "-----BEGIN X509 CRL-----\n"
     "MIHVMH0CAQEwCgYIKoZIzj0EAwIwMjEWMBQGA1UECgwNR25vc3NsIFZlcmlmeTEY\n"
     "MBYGA1UEAwwPSW50ZXJtZWRpYXRlIENBGA8yMDIwMDEwMTAwMDAwMFoYDzIwOTAw\n"
     "MTAxMDAwMDAwWjAWMBQCAQ4YDzIwMjAwMTAxMDAwMDAwWjAKBggqhkjOPQQDAgNI\n"
     "ADBFAiAib3EOddtzOU/W0ZpXZWqyTFmd0cplMSpVdrBq5JlgGQIhAPK9ScUa7UB3\n"
     "vFvPmyOFlDuZVsDVrgnemWWGZLHxbeRI\n"
     "-----END X509 CRL-----\n"},
    {NULL, NULL}};
