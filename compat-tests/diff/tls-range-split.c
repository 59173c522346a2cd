/* Differential: gnutls_range_split before and after handshakes with CBC
 * (HMAC-SHA1, HMAC-SHA256, with and without encrypt-then-MAC), AES-GCM under TLS 1.2, TLS 1.3, and a 512-byte record
 * size limit, over ranges below, across and above the record size. */
#include "tls-pair.h"

#include "test-keys.h"

static gnutls_certificate_credentials_t scred, ccred;

static void split(gnutls_session_t s)
{
    static const size_t v[][2] = {{0, 0},         {10, 10},       {0, 100},        {10, 20},
                                  {100, 16384},   {16384, 16384}, {16383, 16400},  {0, 20000},
                                  {20000, 40000}, {16380, 16390}, {5, 4},          {300, 600},
                                  {511, 513},     {512, 2000},    {1000, 1000},    {16384, 70000}};
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        gnutls_range_st o = {v[i][0], v[i][1]}, n = {7777, 7777}, r = {7777, 7777};
        int rc = gnutls_range_split(s, &o, &n, &r);
        printf("  [%zu,%zu]: %d next [%zu,%zu] rest [%zu,%zu]\n", o.low, o.high, rc, n.low, n.high, r.low, r.high);
    }
}

static void run(const char *name, const char *prio, size_t max)
{
    struct tp_pair p;
    printf("== %s\n", name);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL:+AES-128-CBC:+SHA1:+SHA256", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (max)
        gnutls_record_set_max_size(p.c.s, max);
    printf(" before the handshake:\n");
    split(p.c.s);
    if (tp_handshake(&p) == 0) {
        printf(" %s, %s, max %zu:\n", gnutls_cipher_get_name(gnutls_cipher_get(p.c.s)),
               gnutls_mac_get_name(gnutls_mac_get(p.c.s)), gnutls_record_get_max_size(p.c.s));
        split(p.c.s);
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t c = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);
    static const char *cbc = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL";
    char prio[256];
    snprintf(prio, sizeof prio, "%s:+SHA1:%%NO_ETM", cbc);
    run("TLS 1.2 AES-128-CBC HMAC-SHA1", prio, 0);
    snprintf(prio, sizeof prio, "%s:+SHA1", cbc);
    run("TLS 1.2 AES-128-CBC HMAC-SHA1, encrypt-then-MAC", prio, 0);
    snprintf(prio, sizeof prio, "%s:+SHA256:%%NO_ETM", cbc);
    run("TLS 1.2 AES-128-CBC HMAC-SHA256", prio, 0);
    run("TLS 1.2 AES-GCM", "NORMAL:-VERS-ALL:+VERS-TLS1.2", 0);
    run("TLS 1.3", "NORMAL", 0);
    run("TLS 1.2 AES-GCM, 512-byte records", "NORMAL:-VERS-ALL:+VERS-TLS1.2", 512);
    run("TLS 1.3, 512-byte records", "NORMAL", 512);
    snprintf(prio, sizeof prio, "%s:+SHA1:%%NO_ETM", cbc);
    run("TLS 1.2 AES-128-CBC HMAC-SHA1, 512-byte records", prio, 512);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
