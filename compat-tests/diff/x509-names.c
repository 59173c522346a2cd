/* Differential test of name matching and CRL verification: the issuer
 * lookups (gnutls_x509_crt_check_issuer, crl_check_issuer, trust-list
 * get_issuer / get_issuer_by_dn / by_subject_key_id) with one CA name in
 * PrintableString, UTF8String and lower case, and an impostor CA with the
 * root's name and key ID over another key; chain verification across those
 * names (buckets of a default-size and a one-bucket list);
 * gnutls_x509_crl_verify against issuers that are not CAs or lack cRLSign,
 * with expired and not yet valid CRLs; trust_list_add_crls with
 * GNUTLS_TL_VERIFY_CRL.  Corpus: x509-names-pki.sh (openssl CLI). */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *name, *pem;
};
extern const struct item pki[];

static gnutls_datum_t pem(const char *name)
{
    for (unsigned i = 0; pki[i].name; i++)
        if (strcmp(pki[i].name, name) == 0)
            return (gnutls_datum_t){(unsigned char *)pki[i].pem, (unsigned)strlen(pki[i].pem)};
    printf("no %s\n", name);
    exit(1);
}

static gnutls_x509_crt_t crt(const char *name)
{
    gnutls_x509_crt_t c;
    gnutls_datum_t d = pem(name);
    gnutls_x509_crt_init(&c);
    if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
        printf("cannot import %s\n", name);
        exit(1);
    }
    return c;
}

static gnutls_x509_crl_t crl(const char *name)
{
    gnutls_x509_crl_t c;
    gnutls_datum_t d = pem(name);
    gnutls_x509_crl_init(&c);
    if (gnutls_x509_crl_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
        printf("cannot import %s\n", name);
        exit(1);
    }
    return c;
}

static const char *const cas[] = {"rootp", "rootu", "rootl", "fake", NULL};
static const char *const leaves[] = {"leafp", "leafu", "leafl", "leaff", NULL};
static const char *const crls[] = {"crlp", "crlu", "crll", "crlold", "crlfuture", "crlfake",
                                   "crlnotca", "crlnoku", "crlnokuext", NULL};

/* which of the corpus's CAs `c` is */
static const char *which(gnutls_x509_crt_t c)
{
    static const char *const all[] = {"rootp", "rootu", "rootl", "fake", "notca", "noku", "nokuext", NULL};
    for (unsigned i = 0; all[i]; i++) {
        gnutls_x509_crt_t x = crt(all[i]);
        unsigned eq = gnutls_x509_crt_equals(x, c);
        gnutls_x509_crt_deinit(x);
        if (eq)
            return all[i];
    }
    return "?";
}

static void check_issuers(void)
{
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = crt(leaves[i]);
        printf("check_issuer %s:", leaves[i]);
        for (unsigned k = 0; cas[k]; k++) {
            gnutls_x509_crt_t c = crt(cas[k]);
            printf(" %s=%u", cas[k], gnutls_x509_crt_check_issuer(l, c));
            gnutls_x509_crt_deinit(c);
        }
        printf("\n");
        gnutls_x509_crt_deinit(l);
    }
    for (unsigned i = 0; crls[i]; i++) {
        gnutls_x509_crl_t r = crl(crls[i]);
        printf("crl_check_issuer %s:", crls[i]);
        for (unsigned k = 0; cas[k]; k++) {
            gnutls_x509_crt_t c = crt(cas[k]);
            printf(" %s=%u", cas[k], gnutls_x509_crl_check_issuer(r, c));
            gnutls_x509_crt_deinit(c);
        }
        printf("\n");
        gnutls_x509_crl_deinit(r);
    }
}

/* lookups and verification in a list holding one of the CAs */
static void lookups(const char *anchor, unsigned size)
{
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, size);
    gnutls_x509_crt_t a = crt(anchor);
    gnutls_x509_trust_list_add_cas(tl, &a, 1, 0);
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = crt(leaves[i]), iss = NULL;
        printf("list(%s,%u) %s:", anchor, size, leaves[i]);
        int r = gnutls_x509_trust_list_get_issuer(tl, l, &iss, 0);
        printf(" get_issuer=%d %s", r, r == 0 ? which(iss) : "-");
        r = gnutls_x509_trust_list_get_issuer(tl, l, &iss, GNUTLS_TL_GET_COPY);
        printf(" copy=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        gnutls_datum_t dn;
        gnutls_x509_crt_get_raw_issuer_dn(l, &dn);
        r = gnutls_x509_trust_list_get_issuer_by_dn(tl, &dn, &iss, 0);
        printf(" by_dn=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        unsigned char id[64];
        size_t idsz = sizeof id;
        gnutls_x509_crt_get_authority_key_id(l, id, &idsz, NULL);
        gnutls_datum_t kid = {id, (unsigned)idsz};
        r = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, &dn, &kid, &iss, 0);
        printf(" by_dn_kid=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        r = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &kid, &iss, 0);
        printf(" by_kid=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        gnutls_free(dn.data);
        unsigned st = 0xdead;
        r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, NULL);
        printf(" verify=%d/0x%x", r, st);
        r = gnutls_x509_crt_verify(l, &a, 1, 0, &st);
        printf(" crt_verify=%d/0x%x\n", r, st);
        gnutls_x509_crt_deinit(l);
    }
    gnutls_x509_trust_list_deinit(tl, 1);
}

static void crl_verifies(void)
{
    static const char *const issuers[] = {"rootp", "rootu", "rootl", "fake", "notca", "noku", "nokuext", NULL};
    static const unsigned flags[] = {0, GNUTLS_VERIFY_DISABLE_CA_SIGN};
    for (unsigned i = 0; crls[i]; i++) {
        gnutls_x509_crl_t r = crl(crls[i]);
        for (unsigned f = 0; f < 2; f++) {
            printf("crl_verify %s flags=%x:", crls[i], flags[f]);
            unsigned st = 0xdead;
            int ret = gnutls_x509_crl_verify(r, NULL, 0, flags[f], &st);
            printf(" none=%d/0x%x", ret, st);
            for (unsigned k = 0; issuers[k]; k++) {
                gnutls_x509_crt_t c = crt(issuers[k]);
                st = 0xdead;
                ret = gnutls_x509_crl_verify(r, &c, 1, flags[f], &st);
                printf(" %s=%d/0x%x", issuers[k], ret, st);
                gnutls_x509_crt_deinit(c);
            }
            printf("\n");
        }
        gnutls_x509_crl_deinit(r);
    }
}

/* CRLs given to a list holding CAs of each kind: the return value, and
 * which CRLs the list kept, as the revocation pass reports them */
static int report_crl(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, gnutls_x509_crl_t c, unsigned status)
{
    (void)cert;
    (void)issuer;
    if (c != NULL)
        printf(" [crl this=%lld status=0x%x]", (long long)gnutls_x509_crl_get_this_update(c), status);
    return 0;
}

static void add_crls_case(const char *a, const char *b, unsigned tlflags, unsigned vflags)
{
    static const char *const anchors[] = {"rootp", "notca", "noku", "nokuext", NULL};
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    for (unsigned k = 0; anchors[k]; k++) {
        gnutls_x509_crt_t c = crt(anchors[k]);
        gnutls_x509_trust_list_add_cas(tl, &c, 1, 0);
    }
    gnutls_x509_crl_t list[2];
    unsigned n = 0;
    list[n++] = crl(a);
    if (b)
        list[n++] = crl(b);
    int r = gnutls_x509_trust_list_add_crls(tl, list, n, tlflags, vflags);
    printf("add_crls(%x,%x) %s%s%s=%d", tlflags, vflags, a, b ? "+" : "", b ? b : "", r);
    gnutls_x509_crt_t l = crt("leafp");
    unsigned st = 0xdead;
    r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, report_crl);
    printf(" verify(leafp)=%d/0x%x\n", r, st);
    gnutls_x509_crt_deinit(l);
    gnutls_x509_trust_list_deinit(tl, 1);
}

static void add_crls(unsigned tlflags, unsigned vflags)
{
    static const char *const pairs[][2] = {{"crlp", "crlold"}, {"crlold", "crlp"}, {"crlp", "crlu"},
                                           {"crlfuture", "crlp"}, {"crlnotca", "crlnokuext"}, {NULL, NULL}};
    for (unsigned i = 0; crls[i]; i++)
        add_crls_case(crls[i], NULL, tlflags, vflags);
    for (unsigned i = 0; pairs[i][0]; i++)
        add_crls_case(pairs[i][0], pairs[i][1], tlflags, vflags);
}

int main(void)
{
    gnutls_global_init();
    check_issuers();
    for (unsigned k = 0; cas[k]; k++) {
        lookups(cas[k], 0);
        lookups(cas[k], 1);
    }
    crl_verifies();
    add_crls(0, 0);
    add_crls(GNUTLS_TL_VERIFY_CRL, 0);
    add_crls(GNUTLS_TL_VERIFY_CRL, GNUTLS_VERIFY_DISABLE_CA_SIGN);
    gnutls_global_deinit();
    return 0;
}

/* Generated by x509-names-pki.sh (openssl CLI, keys P-256). */
const struct item pki[] = {
    {"rootp",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBizCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDEdub3NzbCBOYW1lczETMBEGA1UEAxMK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLzoTPzv419HOej8\n"
     "8m2Sr7cGRNEO9UjXvsmXNEChaIDcErANw9pizwZ0UyeTM+0ogTfYlY9miJST6Slk\n"
     "PWQZLpOjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBTkE8aeCGXzktAOpz5SJL8lCH6O3TAKBggqhkjOPQQDAgNIADBFAiEAjKqg\n"
     "oRCZDeJ01UJ8rsvE1V1COv/aA0zA75EBgGhkjEgCIF9bxa4LfI5hHqLO2Ko1gyt/\n"
     "DeG+bHsCo9Yp5+JndxWJ\n"
     "-----END CERTIFICATE-----\n"},
    {"rootu",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBizCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKDAxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMMCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoMDEdub3NzbCBOYW1lczETMBEGA1UEAwwK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLzoTPzv419HOej8\n"
     "8m2Sr7cGRNEO9UjXvsmXNEChaIDcErANw9pizwZ0UyeTM+0ogTfYlY9miJST6Slk\n"
     "PWQZLpOjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBTkE8aeCGXzktAOpz5SJL8lCH6O3TAKBggqhkjOPQQDAgNIADBFAiAc2rBG\n"
     "C/EGcHfwKZixbVp6pG0HY9SQzKk0tx0O0/qnkgIhAM5yCjlSZxPHGoiLp9Ex+96A\n"
     "tl98QKuIoAbobiooRYwO\n"
     "-----END CERTIFICATE-----\n"},
    {"rootl",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBjDCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxnbm9zc2wg\n"
     "bmFtZXMxEzARBgNVBAMTCm5hbWVzIHJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDGdub3NzbCBuYW1lczETMBEGA1UEAxMK\n"
     "bmFtZXMgcm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLzoTPzv419HOej8\n"
     "8m2Sr7cGRNEO9UjXvsmXNEChaIDcErANw9pizwZ0UyeTM+0ogTfYlY9miJST6Slk\n"
     "PWQZLpOjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBTkE8aeCGXzktAOpz5SJL8lCH6O3TAKBggqhkjOPQQDAgNJADBGAiEAku3G\n"
     "efPDGLApNpIJH5dqvZY1HbSrJq7nCDukKegvSsECIQDCtb+DAa4v4l9+zC+Jc3Z/\n"
     "9H4aMt8G5R3bbzikAmi4FQ==\n"
     "-----END CERTIFICATE-----\n"},
    {"fake",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBizCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDEdub3NzbCBOYW1lczETMBEGA1UEAxMK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAxo1upwrLZFl98U\n"
     "o7V+c20BmfprlXpAbi4v40/SII9OXGvhYFLYvkxsrbvfCLsBXja71hmhgIkrvaWw\n"
     "5ew5HUejQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBTkE8aeCGXzktAOpz5SJL8lCH6O3TAKBggqhkjOPQQDAgNIADBFAiAgxOlO\n"
     "kI4ZZmnfF+rchtJ3o+GHRAr8pXzc+LYi1CXdiAIhAOAPsPKcNAVYvo8MpNuMNG6i\n"
     "NWY0c/BfNEE0qwIpxVmf\n"
     "-----END CERTIFICATE-----\n"},
    {"notca",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBQzCB6aADAgECAgEBMAoGCCqGSM49BAMCMBMxETAPBgNVBAMTCE5vdCBBIENB\n"
     "MCAXDTIwMDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWjATMREwDwYDVQQDEwhO\n"
     "b3QgQSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLbPBztH/nWme+Cjyhh6\n"
     "UToICZmZ9uHbFbg+bjuwOKkuLISHEezPaur2HbHQZfgTvWlpSz+ENbMpZs8n3ySV\n"
     "TaOjLDAqMAkGA1UdEwQCMAAwHQYDVR0OBBYEFGC71Gk2Twvl1TxKuG7KChzTgcM9\n"
     "MAoGCCqGSM49BAMCA0kAMEYCIQDRa22Sg9TLEaf6V3vpIyISY2/dfoGssIonUbq9\n"
     "+krM6QIhAK/ZG9cx9RDRLpaVI1Ieogxe3OucSU2DJMT1ZPQ2s+0V\n"
     "-----END CERTIFICATE-----\n"},
    {"noku",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBYDCCAQWgAwIBAgIBATAKBggqhkjOPQQDAjAWMRQwEgYDVQQDEwtObyBDUkwg\n"
     "U2lnbjAgFw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFowFjEUMBIGA1UE\n"
     "AxMLTm8gQ1JMIFNpZ24wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT/dx2KBoAA\n"
     "CdTogtFjtNV3v0+tzg4gA8fCV8vhNHDe4W9eh1Pr8VGIPItQ8xmm2GVgKAGG6RmN\n"
     "hkzLzOSR2SNco0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwICBDAd\n"
     "BgNVHQ4EFgQUHCOqkrH8UnbbPpIMJ/qnQWVmLtAwCgYIKoZIzj0EAwIDSQAwRgIh\n"
     "AOelMIpZ2nxGfUxzjSxL6QcIns85dtDwvkzedb6Kege4AiEAxXKsmHpXj8DD+ek+\n"
     "Psiv06zdkuWrK4d/CojRTXGc67M=\n"
     "-----END CERTIFICATE-----\n"},
    {"nokuext",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBUDCB96ADAgECAgEBMAoGCCqGSM49BAMCMBcxFTATBgNVBAMTDE5vIEtleSBV\n"
     "c2FnZTAgFw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFowFzEVMBMGA1UE\n"
     "AxMMTm8gS2V5IFVzYWdlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE3YSd8/92\n"
     "ua50SAyWJBKi/pBOJ7sVEnT2KwRO4fHyCGMb8Q2MxxqhuUheY89t5Jzceb1vKVse\n"
     "H0NGXg8DC3BGh6MyMDAwDwYDVR0TAQH/BAUwAwEB/zAdBgNVHQ4EFgQUqqgM6Zd8\n"
     "pKKNO2dr5mWdyNtYFM0wCgYIKoZIzj0EAwIDSAAwRQIgHtRbARQLUTqNMFD1ImN6\n"
     "gbraZyM8ZJe71RYD57d1te8CIQCU04iVq797842vKr53V9mwGETLm7OY2IAat3Ay\n"
     "W4DGyA==\n"
     "-----END CERTIFICATE-----\n"},
    {"leafp",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhjCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtcC5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABNG0ZbE/5DFnEoMVsCddSEs6GAXm7tvKW1br\n"
     "t7HKHRZEEVyLE+2VHFLYx87UFXwTde4dRcsaH8Njp648IDIslyyjTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFMjc/qxMqjkQ4ZX8UzFFInaQMPF0MB8GA1UdIwQYMBaA\n"
     "FOQTxp4IZfOS0A6nPlIkvyUIfo7dMAoGCCqGSM49BAMCA0cAMEQCIAcC4Cl/7Zj/\n"
     "5CpzUbYmVm/v9FtdIui6wt0M4XHPQIjiAiA9HQmGG924GGnn4pifhGEkdE693Kxd\n"
     "YoGwv20W6eFgkg==\n"
     "-----END CERTIFICATE-----\n"},
    {"leafu",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhzCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKDAxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMMCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtdS5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABNG0ZbE/5DFnEoMVsCddSEs6GAXm7tvKW1br\n"
     "t7HKHRZEEVyLE+2VHFLYx87UFXwTde4dRcsaH8Njp648IDIslyyjTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFMjc/qxMqjkQ4ZX8UzFFInaQMPF0MB8GA1UdIwQYMBaA\n"
     "FOQTxp4IZfOS0A6nPlIkvyUIfo7dMAoGCCqGSM49BAMCA0gAMEUCIQDKxqk7lNiu\n"
     "FP9Cd5wJsfeeIfN5GpEEI2fEyp4rTiJfNwIgX0c1mhcUNZkRyGNlNX9GKzcqwiOW\n"
     "T51APZy+GfdRsPk=\n"
     "-----END CERTIFICATE-----\n"},
    {"leafl",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhjCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxnbm9zc2wg\n"
     "bmFtZXMxEzARBgNVBAMTCm5hbWVzIHJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtbC5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABNG0ZbE/5DFnEoMVsCddSEs6GAXm7tvKW1br\n"
     "t7HKHRZEEVyLE+2VHFLYx87UFXwTde4dRcsaH8Njp648IDIslyyjTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFMjc/qxMqjkQ4ZX8UzFFInaQMPF0MB8GA1UdIwQYMBaA\n"
     "FOQTxp4IZfOS0A6nPlIkvyUIfo7dMAoGCCqGSM49BAMCA0cAMEQCIDBUQGhRzCgY\n"
     "j+I+U6vO4fmvquxIDZbaUQz04Vrhpb0oAiBAtLvzPHWiieEJAg80Mrq9TFteYICH\n"
     "vaDtGzH0cKXEUQ==\n"
     "-----END CERTIFICATE-----\n"},
    {"leaff",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhjCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtZi5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABNG0ZbE/5DFnEoMVsCddSEs6GAXm7tvKW1br\n"
     "t7HKHRZEEVyLE+2VHFLYx87UFXwTde4dRcsaH8Njp648IDIslyyjTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFMjc/qxMqjkQ4ZX8UzFFInaQMPF0MB8GA1UdIwQYMBaA\n"
     "FOQTxp4IZfOS0A6nPlIkvyUIfo7dMAoGCCqGSM49BAMCA0cAMEQCIAJlMCS1o0KP\n"
     "2wuYyqrShN+NjUotd96w/5boBra/c3rlAiBLuZ1UrqwP21cHTulwc1uEdjx+hg58\n"
     "gNPHpA0tANDu/A==\n"
     "-----END CERTIFICATE-----\n"},
    {"crlp",
     "-----BEGIN X509 CRL-----\n"
     "MIHGMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0kAMEYCIQDzN0KqYSDoI/+0\n"
     "jJDrzIlKKGnRFWKJDEkPwMoAZiL/uAIhAMJ2cg1ZmXkRiqxSyQBUHK9BGztUsrBi\n"
     "KnvLZ1WNyQp/\n"
     "-----END X509 CRL-----\n"},
    {"crlu",
     "-----BEGIN X509 CRL-----\n"
     "MIHFMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UECgwMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDDApOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0gAMEUCIQC8M/pJOp0pXfhr\n"
     "pEANcUZmtLNRnF/nhKpbzPtFTIAgqgIgV3UIyh0ICpwHTRUOrC/nwksBm58EBTan\n"
     "ryO0nHZ6taE=\n"
     "-----END X509 CRL-----\n"},
    {"crll",
     "-----BEGIN X509 CRL-----\n"
     "MIHFMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMZ25vc3NsIG5hbWVzMRMw\n"
     "EQYDVQQDEwpuYW1lcyByb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0gAMEUCIQDhT5Tm5fBfo7dP\n"
     "eA7E6jW9VJQXrFc5BYB5i6UJdl2GSQIgPqnbO9hBWmafQ8uB1CG2FvGUQLZNTk8K\n"
     "xlcy2Q0DdA0=\n"
     "-----END X509 CRL-----\n"},
    {"crlold",
     "-----BEGIN X509 CRL-----\n"
     "MIHEMGsCAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0wMDAxMDEwMDAwMDBaFw0wMTAxMDEwMDAwMDBa\n"
     "oA4wDDAKBgNVHRQEAwIBAjAKBggqhkjOPQQDAgNJADBGAiEA17dZ2tvcjRJIkmr3\n"
     "XisCapSmLXA05gixFiXEeawhN1YCIQDVbOsn62Hyfex7M9kHY5OBNrTWcyFQh8oX\n"
     "nJMOBBev0Q==\n"
     "-----END X509 CRL-----\n"},
    {"crlfuture",
     "-----BEGIN X509 CRL-----\n"
     "MIHGMG8CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290GA8yMDgwMDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAw\n"
     "MDAwWqAOMAwwCgYDVR0UBAMCAQMwCgYIKoZIzj0EAwIDRwAwRAIgS8/ymcRzeTwZ\n"
     "dyAvP0++vkphJmw3yYzXOmblxzs3q7YCIAIupjQc+My4rAl+hSx2lVpsRcqPvlz3\n"
     "d0JZrVxWv9iN\n"
     "-----END X509 CRL-----\n"},
    {"crlfake",
     "-----BEGIN X509 CRL-----\n"
     "MIHFMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0gAMEUCIHIjXyThB2PWZO3q\n"
     "dbdxKqQVpXenPTvva84AICeSneBZAiEA/2+n3iCpBfbXuTtEQMsqD3m6n3vzARS/\n"
     "BGdeGRZI+VM=\n"
     "-----END X509 CRL-----\n"},
    {"crlnotca",
     "-----BEGIN X509 CRL-----\n"
     "MIGtMFQCAQEwCgYIKoZIzj0EAwIwEzERMA8GA1UEAxMITm90IEEgQ0EXDTIwMDEw\n"
     "MTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWqAOMAwwCgYDVR0UBAMCAQEwCgYIKoZI\n"
     "zj0EAwIDSQAwRgIhAJm0hPpEaCawkD5rKHK53+xcynuobDR7+ZDGAFzrXvQXAiEA\n"
     "obAOW9Pt9zghxf13FD6TEL4IbTOP+axJqcIAzlkZ6ZA=\n"
     "-----END X509 CRL-----\n"},
    {"crlnoku",
     "-----BEGIN X509 CRL-----\n"
     "MIGvMFcCAQEwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAxMLTm8gQ1JMIFNpZ24XDTIw\n"
     "MDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWqAOMAwwCgYDVR0UBAMCAQEwCgYI\n"
     "KoZIzj0EAwIDSAAwRQIgKLbuv0UHJa9NJ3DQ54QJ3TQa4TY7cFtifcbn9CmgKi4C\n"
     "IQDuyR9myXmf7r/wlTBPRzldCWCUicMNdV/HscP6v4diHA==\n"
     "-----END X509 CRL-----\n"},
    {"crlnokuext",
     "-----BEGIN X509 CRL-----\n"
     "MIGvMFgCAQEwCgYIKoZIzj0EAwIwFzEVMBMGA1UEAxMMTm8gS2V5IFVzYWdlFw0y\n"
     "MDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFqgDjAMMAoGA1UdFAQDAgEBMAoG\n"
     "CCqGSM49BAMCA0cAMEQCIA349FFVH7b75De//5DBqgkpitNt9yO88tjbHb2greSo\n"
     "AiBMMBwMWs0k4E4+2iPWDpJWbIIUOe8vimQxAdrnbl5zXg==\n"
     "-----END X509 CRL-----\n"},
    {NULL, NULL}};
