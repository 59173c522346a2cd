/* Differential test of the DH parameter callbacks of servers
 * (gnutls_certificate_set_params_function, gnutls_anon_set_server_params_
 * function, gnutls_psk_set_server_params_function; src/cred/params-
 * function.c): a TLS 1.2 client that offers no FFDHE group negotiates DHE
 * with a server whose callback hands out the 3072-bit RFC 7919 group (a
 * fresh copy each time, released by the library: deinit = 1); the client
 * sees a 3072-bit prime and the callback ran once per handshake.  Both
 * sides report the group through gnutls_dh_get_group (src/tls/dh-group.c),
 * which is empty after ECDHE and TLS 1.3 and an error before a handshake. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "test-keys.h"
#include "sock-pair.h"

static int calls;

static int params_cb(gnutls_session_t s, gnutls_params_type_t type, gnutls_params_st *st)
{
    gnutls_dh_params_t dh;
    (void)s;
    calls++;
    if (type != GNUTLS_PARAMS_DH)
        return -1;
    if (gnutls_dh_params_init(&dh) < 0 ||
        gnutls_dh_params_import_raw(dh, &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator) < 0)
        return -1;
    st->type = GNUTLS_PARAMS_DH;
    st->params.dh = dh;
    st->deinit = 1;
    return 0;
}

static int psk_cb(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
    (void)s;
    (void)user;
    key->data = gnutls_malloc(4);
    memcpy(key->data, "\x01\x02\x03\x04", 4);
    key->size = 4;
    return 0;
}

static void group(const char *side, gnutls_session_t s)
{
    gnutls_datum_t g = {NULL, 0}, p = {NULL, 0};
    int r = gnutls_dh_get_group(s, &g, &p);
    printf("%s dh_get_group: %d prime %u bytes%s generator %u bytes", side, r, p.size,
           p.size == gnutls_ffdhe_3072_group_prime.size && memcmp(p.data, gnutls_ffdhe_3072_group_prime.data, p.size) == 0
               ? " (ffdhe3072)" : "", g.size);
    if (g.size == 1)
        printf(" = %u", g.data[0]);
    printf("\n");
    gnutls_free(g.data);
    gnutls_free(p.data);
}

static void run(const char *what, const char *prio, int kind, int with_cb)
{
    gnutls_certificate_credentials_t sx = NULL, cx = NULL;
    gnutls_anon_server_credentials_t sa = NULL;
    gnutls_anon_client_credentials_t ca = NULL;
    gnutls_psk_server_credentials_t sp = NULL;
    gnutls_psk_client_credentials_t cp = NULL;
    gnutls_session_t c, s;
    gnutls_datum_t key = {(unsigned char *)"\x01\x02\x03\x04", 4};
    int fds[2], rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, i;

    calls = 0;
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_priority_set_direct(c, prio, NULL);
    if (kind == 0) {
        gnutls_datum_t k = {(unsigned char *)rsa_key, strlen(rsa_key)}, ce = {(unsigned char *)rsa_crt, strlen(rsa_crt)};
        gnutls_certificate_allocate_credentials(&sx);
        gnutls_certificate_set_x509_key_mem(sx, &ce, &k, GNUTLS_X509_FMT_PEM);
        if (with_cb)
            gnutls_certificate_set_params_function(sx, params_cb);
        gnutls_certificate_allocate_credentials(&cx);
        gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, sx);
        gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cx);
    } else if (kind == 1) {
        gnutls_anon_allocate_server_credentials(&sa);
        if (with_cb)
            gnutls_anon_set_server_params_function(sa, params_cb);
        gnutls_anon_allocate_client_credentials(&ca);
        gnutls_credentials_set(s, GNUTLS_CRD_ANON, sa);
        gnutls_credentials_set(c, GNUTLS_CRD_ANON, ca);
    } else {
        gnutls_psk_allocate_server_credentials(&sp);
        gnutls_psk_set_server_credentials_function(sp, psk_cb);
        if (with_cb)
            gnutls_psk_set_server_params_function(sp, params_cb);
        gnutls_psk_allocate_client_credentials(&cp);
        gnutls_psk_set_client_credentials(cp, "user", &key, GNUTLS_PSK_KEY_RAW);
        gnutls_credentials_set(s, GNUTLS_CRD_PSK, sp);
        gnutls_credentials_set(c, GNUTLS_CRD_PSK, cp);
    }
    sock_pair(fds, SOCK_STREAM);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_transport_set_int(c, fds[1]);
    for (i = 0; i < 1000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0 && (rc == GNUTLS_E_AGAIN || !gnutls_error_is_fatal(rc)))
            rc = gnutls_handshake(c);
        if (rs != 0 && (rs == GNUTLS_E_AGAIN || !gnutls_error_is_fatal(rs)))
            rs = gnutls_handshake(s);
        if (gnutls_error_is_fatal(rc) && gnutls_error_is_fatal(rs))
            break;
    }
    printf("%s: client %d server %d kx %s prime bits %d; callback calls %d\n", what, rc, rs,
           rc == 0 ? gnutls_kx_get_name(gnutls_kx_get(c)) : "-", rc == 0 ? gnutls_dh_get_prime_bits(c) : 0, calls);
    group("  client", c);
    group("  server", s);
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(fds[0]);
    close(fds[1]);
    if (sx)
        gnutls_certificate_free_credentials(sx);
    if (cx)
        gnutls_certificate_free_credentials(cx);
    if (sa)
        gnutls_anon_free_server_credentials(sa);
    if (ca)
        gnutls_anon_free_client_credentials(ca);
    if (sp)
        gnutls_psk_free_server_credentials(sp);
    if (cp)
        gnutls_psk_free_client_credentials(cp);
}

int main(void)
{
    const char *cert = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-RSA:-GROUP-ALL:+GROUP-SECP256R1";
    const char *anon = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ANON-DH:-GROUP-ALL:+GROUP-SECP256R1";
    const char *psk = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-PSK:-GROUP-ALL:+GROUP-SECP256R1";

    gnutls_global_init();
    {
        gnutls_session_t s;
        gnutls_init(&s, GNUTLS_CLIENT);
        group("before any handshake", s);
        gnutls_deinit(s);
    }
    run("certificate, callback", cert, 0, 1);
    run("certificate, ECDHE", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-RSA", 0, 1);
    run("certificate, TLS 1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.3", 0, 1);
    run("anonymous, callback", anon, 1, 1);
    run("psk, callback", psk, 2, 1);
    gnutls_global_deinit();
    return 0;
}
