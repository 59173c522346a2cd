/* Differential: assorted TLS session behaviours that once differed from
 * GnuTLS 3.7.9: TLS 1.3-only calls on DTLS 1.2 sessions (DTLS version
 * numbers are numerically above TLS 1.3's), resumption status of a TLS 1.3
 * external-PSK handshake, %NO_EXTENSIONS, repeated handshake calls after a
 * transport pull error, session descriptions of old versions, heartbeat
 * calls, the peer's DH public value.  Output must match real GnuTLS. */
#include <gnutls/gnutls.h>
#include <gnutls/dtls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-keys.h"
#include "tls-pair.h"

static gnutls_certificate_credentials_t ccred, scred;

static void print_desc(const char *who, gnutls_session_t s)
{
    char *d = gnutls_session_get_desc(s);
    printf("  %s desc %s\n", who, d ? d : "(null)");
    gnutls_free(d);
}

/* ---- DTLS 1.2 pair over a datagram socketpair ---- */
static int dtls_handshake(gnutls_session_t c, gnutls_session_t s)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 2000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc < 0 && gnutls_error_is_fatal(rc))
                break;
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs < 0 && gnutls_error_is_fatal(rs))
                break;
        }
    }
    printf("  handshake: client %s server %s\n", tp_code(rc), tp_code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

static void dtls_tls13_only(const char *prio)
{
    int sv[2];
    gnutls_session_t c, s;
    gnutls_datum_t tkey;
    printf("dtls tls1.3-only calls %s\n", prio);
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK | GNUTLS_POST_HANDSHAKE_AUTH);
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK | GNUTLS_POST_HANDSHAKE_AUTH);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_session_ticket_key_generate(&tkey);
    gnutls_session_ticket_enable_server(s, &tkey);
    gnutls_transport_set_int(c, sv[0]);
    gnutls_transport_set_int(s, sv[1]);
    if (dtls_handshake(c, s) == 0) {
        printf("  version %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(c)));
        printf("  server ticket_send: %s\n", tp_code(gnutls_session_ticket_send(s, 1, 0)));
        printf("  server reauth: %s\n", tp_code(gnutls_reauth(s, 0)));
        printf("  client reauth: %s\n", tp_code(gnutls_reauth(c, 0)));
        gnutls_datum_t d = {NULL, 0};
        int r = gnutls_session_get_data2(c, &d);
        printf("  client get_data2: %s (%s)\n", tp_code(r), d.size > 4 ? "real session" : "dummy");
        gnutls_free(d.data);
        print_desc("client", c);
        print_desc("server", s);
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    gnutls_free(tkey.data);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &crt, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(ccred, &crt, GNUTLS_X509_FMT_PEM);

    dtls_tls13_only("NORMAL:-VERS-ALL:+VERS-DTLS1.2");

    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(scred);
    gnutls_global_deinit();
    return 0;
}
