/* Differential test of gnutls_auth_get_type / _server_get_type /
 * _client_get_type after TLS 1.2 handshakes of every credentials family
 * (in-process, over a socketpair): certificate, PSK, RSA-PSK, anonymous,
 * SRP and SRP-RSA.  Each side reports the kind of authentication its peer
 * gave, which for RSA-PSK and SRP-RSA differs between client and server. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test-keys.h"
#include "sock-pair.h"

static int srp_fn(gnutls_session_t s, const char *username, gnutls_datum_t *sa, gnutls_datum_t *v,
                  gnutls_datum_t *g, gnutls_datum_t *n)
{
    static const gnutls_datum_t salt = {(unsigned char *)"0123456789", 10};
    (void)s;
    *g = gnutls_srp_2048_group_generator;
    *n = gnutls_srp_2048_group_prime;
    sa->data = gnutls_malloc(salt.size);
    memcpy(sa->data, salt.data, salt.size);
    sa->size = salt.size;
    return gnutls_srp_verifier(username, "pw", &salt, g, n, v);
}

static int psk_fn(gnutls_session_t s, const char *username, gnutls_datum_t *key)
{
    (void)s;
    (void)username;
    key->data = gnutls_malloc(16);
    memset(key->data, 0x42, 16);
    key->size = 16;
    return 0;
}

static void run(const char *kx)
{
    gnutls_certificate_credentials_t xs, xc;
    gnutls_psk_server_credentials_t ps;
    gnutls_psk_client_credentials_t pc;
    gnutls_anon_server_credentials_t as;
    gnutls_anon_client_credentials_t ac;
    gnutls_srp_server_credentials_t ss;
    gnutls_srp_client_credentials_t sc;
    gnutls_session_t c, s;
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof(rsa_crt) - 1};
    gnutls_datum_t key = {(unsigned char *)rsa_key, sizeof(rsa_key) - 1};
    unsigned char pskb[16];
    gnutls_datum_t psk = {pskb, sizeof(pskb)};
    char prio[128];
    int fds[2], rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, cdone = 0, sdone = 0;

    memset(pskb, 0x42, sizeof(pskb));
    sock_pair(fds, SOCK_STREAM);
    gnutls_certificate_allocate_credentials(&xs);
    gnutls_certificate_set_x509_key_mem(xs, &crt, &key, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&xc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_psk_set_server_credentials_function(ps, psk_fn);
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_set_client_credentials(pc, "alice", &psk, GNUTLS_PSK_KEY_RAW);
    gnutls_anon_allocate_server_credentials(&as);
    gnutls_anon_allocate_client_credentials(&ac);
    gnutls_srp_allocate_server_credentials(&ss);
    gnutls_srp_set_server_credentials_function(ss, srp_fn);
    gnutls_srp_allocate_client_credentials(&sc);
    gnutls_srp_set_client_credentials(sc, "alice", "pw");

    snprintf(prio, sizeof(prio), "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+%s", kx);
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, xs);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, xc);
    gnutls_credentials_set(s, GNUTLS_CRD_PSK, ps);
    gnutls_credentials_set(c, GNUTLS_CRD_PSK, pc);
    gnutls_credentials_set(s, GNUTLS_CRD_ANON, as);
    gnutls_credentials_set(c, GNUTLS_CRD_ANON, ac);
    gnutls_credentials_set(s, GNUTLS_CRD_SRP, ss);
    gnutls_credentials_set(c, GNUTLS_CRD_SRP, sc);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_transport_set_int(c, fds[1]);
    for (int i = 0; i < 2000 && !(cdone && sdone); i++) {
        if (!cdone && ((rc = gnutls_handshake(c)) == 0 || gnutls_error_is_fatal(rc)))
            cdone = 1;
        if (!sdone && ((rs = gnutls_handshake(s)) == 0 || gnutls_error_is_fatal(rs)))
            sdone = 1;
    }
    printf("%s: client=%d server=%d", kx, rc, rs);
    if (rc == 0 && rs == 0)
        printf(" kx=%s/%s auth=%d/%d server_get_type=%d/%d client_get_type=%d/%d", gnutls_kx_get_name(gnutls_kx_get(c)),
               gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_auth_get_type(c), gnutls_auth_get_type(s),
               gnutls_auth_server_get_type(c), gnutls_auth_server_get_type(s), gnutls_auth_client_get_type(c),
               gnutls_auth_client_get_type(s));
    printf("\n");
    sock_close(fds, c, s);
    gnutls_certificate_free_credentials(xs);
    gnutls_certificate_free_credentials(xc);
    gnutls_psk_free_server_credentials(ps);
    gnutls_psk_free_client_credentials(pc);
    gnutls_anon_free_server_credentials(as);
    gnutls_anon_free_client_credentials(ac);
    gnutls_srp_free_server_credentials(ss);
    gnutls_srp_free_client_credentials(sc);
}

int main(void)
{
    const char *kxs[] = {"RSA", "ECDHE-RSA", "DHE-RSA", "PSK", "ECDHE-PSK", "DHE-PSK", "RSA-PSK",
                         "ANON-ECDH", "ANON-DH", "SRP", "SRP-RSA"};

    gnutls_global_init();
    for (size_t i = 0; i < sizeof(kxs) / sizeof(kxs[0]); i++)
        run(kxs[i]);
    gnutls_global_deinit();
    return 0;
}
