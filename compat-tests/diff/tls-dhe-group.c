/* Differential: the finite-field group of a TLS 1.2 DHE handshake as the
 * server picks it (RFC 7919 group from the client's supported groups in
 * client or server order, the security parameter of known_dh_params or of
 * explicit parameters, the explicit parameters themselves, nothing), and
 * what gnutls_group_get, the description, gnutls_dh_get_group and
 * gnutls_dh_get_prime_bits report on each side.  The clients also enable
 * TLS 1.3: an OpenSSL-based client offers FFDHE groups only then. */
#include "tls-pair.h"
#include "test-keys.h"
#include <gnutls/x509.h>

static const unsigned char psk[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

/* RFC 3526 group 14: explicit parameters that are no RFC 7919 group. */
static const char modp2048[] = "-----BEGIN DH PARAMETERS-----\n"
                               "MIIBCAKCAQEA///////////JD9qiIWjCNMTGYouA3BzRKQJOCIpnzHQCC76mOxOb\n"
                               "IlFKCHmONATd75UZs806QxswKwpt8l8UN0/hNW1tUcJF5IW1dmJefsb0TELppjft\n"
                               "awv/XLb0Brft7jhr+1qJn6WunyQRfEsf5kkoZlHs5Fs9wgB8uKFjvwWY2kg2HFXT\n"
                               "mmkWP6j9JM9fg2VdI9yjrZYcYvNWIIVSu57VKQdwlpZtZww1Tkq8mATxdGwIyhgh\n"
                               "fDKQXkYuNs474553LBgOhgObJ4Oi7Aeij7XFXfBvTFLJ3ivL9pVYFxg5lUl86pVq\n"
                               "5RXSJhiY+gUQFXKOWoqsqmj//////////wIBAg==\n"
                               "-----END DH PARAMETERS-----\n";

enum dh { DH_NONE, DH_KNOWN, DH_MODP };

static int server_key(gnutls_session_t s, const char *user, gnutls_datum_t *k)
{
    (void)s;
    (void)user;
    k->data = gnutls_malloc(sizeof psk);
    memcpy(k->data, psk, sizeof psk);
    k->size = sizeof psk;
    return 0;
}

static void show(const char *who, gnutls_session_t s)
{
    char *d = gnutls_session_get_desc(s);
    gnutls_group_t g = gnutls_group_get(s);
    gnutls_datum_t gen = {NULL, 0}, prime = {NULL, 0};
    int r = gnutls_dh_get_group(s, &gen, &prime);
    printf("  %s: kx %s group %s desc %s\n", who, gnutls_kx_get_name(gnutls_kx_get(s)),
           g ? gnutls_group_get_name(g) : "none", d ? d : "(null)");
    printf("  %s: dh_get_group %s prime %u bytes", who, tp_code(r), prime.size);
    if (prime.size >= 16) /* both kinds of prime start with 64 one bits */
        printf(" %02x %02x%02x%02x%02x", prime.data[0], prime.data[9], prime.data[10], prime.data[11], prime.data[12]);
    printf(" generator %u bytes %02x, prime bits %d\n", gen.size, gen.size ? gen.data[gen.size - 1] : 0,
           gnutls_dh_get_prime_bits(s));
    gnutls_free(d);
    gnutls_free(gen.data);
    gnutls_free(prime.data);
}

/* auth: "cert", "psk" or "anon". */
static void run(const char *auth, const char *cprio, const char *sprio, enum dh dh)
{
    struct tp_pair p;
    gnutls_certificate_credentials_t xs, xc;
    gnutls_psk_client_credentials_t pc;
    gnutls_psk_server_credentials_t ps;
    gnutls_anon_client_credentials_t ac;
    gnutls_anon_server_credentials_t as;
    gnutls_dh_params_t params;
    gnutls_datum_t k = {(unsigned char *)psk, sizeof psk};
    gnutls_datum_t kd = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t cd = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_datum_t pd = {(unsigned char *)modp2048, sizeof modp2048 - 1};

    printf("== %s: client %s, server %s, dh %s\n", auth, cprio, sprio,
           dh == DH_KNOWN ? "known HIGH" : dh == DH_MODP ? "modp2048" : "none");
    gnutls_dh_params_init(&params);
    if (gnutls_dh_params_import_pkcs3(params, &pd, GNUTLS_X509_FMT_PEM) < 0)
        printf("  import failed\n");
    gnutls_certificate_allocate_credentials(&xs);
    gnutls_certificate_allocate_credentials(&xc);
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_anon_allocate_client_credentials(&ac);
    gnutls_anon_allocate_server_credentials(&as);
    gnutls_certificate_set_x509_key_mem(xs, &cd, &kd, GNUTLS_X509_FMT_PEM);
    gnutls_psk_set_client_credentials(pc, "alice", &k, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(ps, server_key);
    if (dh == DH_KNOWN) {
        gnutls_certificate_set_known_dh_params(xs, GNUTLS_SEC_PARAM_HIGH);
        gnutls_psk_set_server_known_dh_params(ps, GNUTLS_SEC_PARAM_HIGH);
        gnutls_anon_set_server_known_dh_params(as, GNUTLS_SEC_PARAM_HIGH);
    } else if (dh == DH_MODP) {
        gnutls_certificate_set_dh_params(xs, params);
        gnutls_psk_set_server_dh_params(ps, params);
        gnutls_anon_set_server_dh_params(as, params);
    }
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, cprio, NULL);
    gnutls_priority_set_direct(p.s.s, sprio, NULL);
    if (strcmp(auth, "psk") == 0) {
        gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, pc);
        gnutls_credentials_set(p.s.s, GNUTLS_CRD_PSK, ps);
    } else if (strcmp(auth, "anon") == 0) {
        gnutls_credentials_set(p.c.s, GNUTLS_CRD_ANON, ac);
        gnutls_credentials_set(p.s.s, GNUTLS_CRD_ANON, as);
    } else {
        gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, xc);
        gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, xs);
    }
    if (tp_handshake(&p) == 0) {
        show("client", p.c.s);
        show("server", p.s.s);
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(xs);
    gnutls_certificate_free_credentials(xc);
    gnutls_psk_free_client_credentials(pc);
    gnutls_psk_free_server_credentials(ps);
    gnutls_anon_free_client_credentials(ac);
    gnutls_anon_free_server_credentials(as);
    gnutls_dh_params_deinit(params);
}

#define S12 "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:"

int main(void)
{
    static const enum dh all[] = {DH_NONE, DH_KNOWN, DH_MODP};
    for (unsigned i = 0; i < 3; i++) {
        run("cert", "NORMAL:+DHE-RSA", S12 "+DHE-RSA", all[i]);
        run("cert", "NORMAL:+DHE-RSA:-GROUP-ALL:+GROUP-SECP256R1:+GROUP-FFDHE4096:+GROUP-FFDHE3072", S12 "+DHE-RSA",
            all[i]);
        run("cert", "NORMAL:+DHE-RSA:-GROUP-ALL:+GROUP-SECP256R1:+GROUP-FFDHE4096:+GROUP-FFDHE3072",
            S12 "+DHE-RSA:%SERVER_PRECEDENCE", all[i]);
        run("cert", "NORMAL:+DHE-RSA:-GROUP-DH-ALL", S12 "+DHE-RSA", all[i]);
        run("cert", "NORMAL:+DHE-RSA", S12 "+DHE-RSA:-GROUP-DH-ALL", all[i]);
        run("cert", "NORMAL:+DHE-RSA:-GROUP-ALL:+GROUP-SECP256R1:+GROUP-FFDHE2048", S12 "+DHE-RSA", all[i]);
        run("psk", "NORMAL:+DHE-PSK", S12 "+DHE-PSK", all[i]);
        run("psk", "NORMAL:+DHE-PSK:-GROUP-DH-ALL", S12 "+DHE-PSK", all[i]);
        run("anon", "NORMAL:+ANON-DH", S12 "+ANON-DH", all[i]);
    }
    return 0;
}
