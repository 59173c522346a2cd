/* Differential: a server with both PSK and certificate credentials.  A
 * GnuTLS server that accepts a client's external PSK in TLS 1.3 negotiates
 * a suite of the PSK's hash (SHA-256) even when it prefers a SHA-384 one;
 * clients without the PSK get the certificate, and so do clients whose
 * key exchange modes the server does not accept.  Prints the outcome, the key
 * exchange, the description, the authentication type and what the DH
 * getters answer (TLS 1.3: nothing, or an error on a certificate server). */
#include "tls-pair.h"
#include "test-keys.h"
#include <gnutls/x509.h>

static const unsigned char psk[16] = {0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78,
                                      0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0};

static int server_key(gnutls_session_t s, const char *user, gnutls_datum_t *k)
{
    (void)s;
    if (strcmp(user, "alice") != 0)
        return -1;
    k->data = gnutls_malloc(sizeof psk);
    memcpy(k->data, psk, sizeof psk);
    k->size = sizeof psk;
    return 0;
}

static void show(const char *who, gnutls_session_t s)
{
    char *d = gnutls_session_get_desc(s);
    gnutls_datum_t gen = {NULL, 0}, prime = {NULL, 0};
    int r = gnutls_dh_get_group(s, &gen, &prime);
    printf("  %s: kx %s auth %d cipher %s desc %s\n", who, gnutls_kx_get_name(gnutls_kx_get(s)),
           (int)gnutls_auth_get_type(s), gnutls_cipher_get_name(gnutls_cipher_get(s)), d ? d : "(null)");
    printf("  %s: dh_get_group %s (%u bytes), prime bits %s\n", who, tp_code(r), prime.size,
           tp_code(gnutls_dh_get_prime_bits(s)));
    gnutls_free(d);
    gnutls_free(gen.data);
    gnutls_free(prime.data);
}

/* client_psk: 0 none, 1 the right key, 2 an unknown user */
static void run(const char *cprio, const char *sprio, int client_psk)
{
    struct tp_pair p;
    gnutls_certificate_credentials_t xs, xc;
    gnutls_psk_client_credentials_t pc;
    gnutls_psk_server_credentials_t ps;
    gnutls_datum_t k = {(unsigned char *)psk, sizeof psk};
    gnutls_datum_t kd = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t cd = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};

    printf("== client %s (psk %d), server %s\n", cprio, client_psk, sprio);
    gnutls_certificate_allocate_credentials(&xs);
    gnutls_certificate_allocate_credentials(&xc);
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_certificate_set_x509_key_mem(xs, &cd, &kd, GNUTLS_X509_FMT_PEM);
    gnutls_psk_set_client_credentials(pc, client_psk == 2 ? "bob" : "alice", &k, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(ps, server_key);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, cprio, NULL);
    gnutls_priority_set_direct(p.s.s, sprio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, xc);
    if (client_psk)
        gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, pc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, xs);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_PSK, ps);
    if (tp_handshake(&p) == 0) {
        show("client", p.c.s);
        show("server", p.s.s);
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(xs);
    gnutls_certificate_free_credentials(xc);
    gnutls_psk_free_client_credentials(pc);
    gnutls_psk_free_server_credentials(ps);
}

#define T13 "NORMAL:-VERS-ALL:+VERS-TLS1.3"

int main(void)
{
    static const char *const server[] = {
        T13 ":+ECDHE-PSK:+DHE-PSK",
        T13 ":+ECDHE-PSK:%SERVER_PRECEDENCE",
        T13 ":+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM",
        "NORMAL:+ECDHE-PSK",
        T13 ":-KX-ALL:+PSK:+ECDHE-RSA", /* psk_ke only: a psk_dhe_ke client gets the certificate */
        T13 ":-KX-ALL:+PSK:+ECDHE-PSK:+ECDHE-RSA:%SERVER_PRECEDENCE",
    };
    for (unsigned i = 0; i < sizeof server / sizeof server[0]; i++) {
        run(T13 ":+ECDHE-PSK", server[i], 1);
        run(T13 ":+ECDHE-PSK:-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM", server[i], 1);
        run("NORMAL:+ECDHE-PSK", server[i], 1);
        run(T13 ":+ECDHE-PSK", server[i], 0);
        run(T13 ":+ECDHE-PSK", server[i], 2);
        run(T13 ":+PSK:+ECDHE-PSK", server[i], 1);
    }
    return 0;
}
