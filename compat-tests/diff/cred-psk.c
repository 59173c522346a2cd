/* Differential test of PSK and anonymous credentials (src/cred/psk.c, anon.c):
 * in-process handshakes over a socketpair under TLS 1.2 and TLS 1.3 with
 * fixed keys, a key callback, a password file, a wrong key and an unknown
 * user; printed are both sides' results, the negotiated kx, the username
 * the server saw and the hint the client saw. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sock-pair.h"

static const unsigned char key_bytes[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                            0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
static const char *key_hex = "0123456789abcdeffedcba9876543210";

static int server_fn(gnutls_session_t s, const char *username, gnutls_datum_t *key)
{
    (void)s;
    if (strcmp(username, "alice") != 0)
        return -1;
    key->data = gnutls_malloc(sizeof(key_bytes));
    memcpy(key->data, key_bytes, sizeof(key_bytes));
    key->size = sizeof(key_bytes);
    return 0;
}

static int client_fn(gnutls_session_t s, char **username, gnutls_datum_t *key)
{
    (void)s;
    *username = gnutls_malloc(6);
    strcpy(*username, "alice");
    key->data = gnutls_malloc(sizeof(key_bytes));
    memcpy(key->data, key_bytes, sizeof(key_bytes));
    key->size = sizeof(key_bytes);
    return 0;
}

enum srv_mode { SRV_FN, SRV_FILE };

static void run(const char *label, const char *prio, const char *user, const char *hexkey, int client_cb,
                enum srv_mode smode, const char *pwfile)
{
    gnutls_psk_client_credentials_t cc;
    gnutls_psk_server_credentials_t sc;
    gnutls_session_t c, s;
    int fds[2], rc, rs, r;
    const char *u, *h;

    sock_pair(fds, SOCK_STREAM);
    gnutls_psk_allocate_client_credentials(&cc);
    gnutls_psk_allocate_server_credentials(&sc);
    if (client_cb) {
        gnutls_psk_set_client_credentials_function(cc, client_fn);
    } else {
        gnutls_datum_t k = {(unsigned char *)hexkey, (unsigned)strlen(hexkey)};
        r = gnutls_psk_set_client_credentials(cc, user, &k, GNUTLS_PSK_KEY_HEX);
        if (r != 0)
            printf("  set_client_credentials=%d\n", r);
    }
    if (smode == SRV_FN)
        gnutls_psk_set_server_credentials_function(sc, server_fn);
    else
        printf("  set_server_credentials_file=%d\n", gnutls_psk_set_server_credentials_file(sc, pwfile));
    gnutls_psk_set_server_credentials_hint(sc, "the-hint");

    sock_session(&s, GNUTLS_SERVER, prio, GNUTLS_CRD_PSK, sc, fds[0]);
    sock_session(&c, GNUTLS_CLIENT, prio, GNUTLS_CRD_PSK, cc, fds[1]);
    handshake(c, s, &rc, &rs);
    /* A failing GnuTLS server sends no alert (its client keeps waiting),
     * OpenSSL's does: only the server's code is compared on failure. */
    if (rc == 0 && rs == 0)
        printf("%s: client=0 server=0", label);
    else
        printf("%s: client=%s server=%d", label, rc == 0 ? "ok" : "failed", rs);
    /* (GnuTLS 3.7.9 crashes in get_username when the handshake failed) */
    if (rc == 0 && rs == 0) {
        u = gnutls_psk_server_get_username(s);
        h = gnutls_psk_client_get_hint(c);
        gnutls_datum_t u2 = {NULL, 0};
        printf(" version=%s user=%s", gnutls_protocol_get_name(gnutls_protocol_get_version(c)), u ? u : "(null)");
        /* TLS 1.3 kx/auth reporting belongs to src/tls/ (not compared here yet) */
        if (gnutls_protocol_get_version(c) != GNUTLS_TLS1_3)
            printf(" kx=%s auth=%d/%d", gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_auth_get_type(c),
                   gnutls_auth_get_type(s));
        r = gnutls_psk_server_get_username2(s, &u2);
        printf(" user2=%d/%u", r, u2.size);
        if (gnutls_protocol_get_version(c) != GNUTLS_TLS1_3)
            printf(" hint=%s", h ? h : "(null)");
    }
    printf("\n");
    sock_close(fds, c, s);
    gnutls_psk_free_client_credentials(cc);
    gnutls_psk_free_server_credentials(sc);
}

static void anon(const char *prio)
{
    gnutls_anon_client_credentials_t cc;
    gnutls_anon_server_credentials_t sc;
    gnutls_session_t c, s;
    int fds[2], rc, rs;

    sock_pair(fds, SOCK_STREAM);
    gnutls_anon_allocate_client_credentials(&cc);
    gnutls_anon_allocate_server_credentials(&sc);
    printf("anon known_dh_params=%d\n", gnutls_anon_set_server_known_dh_params(sc, GNUTLS_SEC_PARAM_MEDIUM));
    sock_session(&s, GNUTLS_SERVER, prio, GNUTLS_CRD_ANON, sc, fds[0]);
    sock_session(&c, GNUTLS_CLIENT, prio, GNUTLS_CRD_ANON, cc, fds[1]);
    handshake(c, s, &rc, &rs);
    printf("anon %s: client=%d server=%d", prio, rc, rs);
    if (rc == 0 && rs == 0)
        printf(" kx=%s auth=%d", gnutls_kx_get_name(gnutls_kx_get(c)), gnutls_auth_get_type(c));
    printf("\n");
    sock_close(fds, c, s);
    gnutls_anon_free_client_credentials(cc);
    gnutls_anon_free_server_credentials(sc);
}

int main(void)
{
    char pw[] = "/tmp/cred-psk-XXXXXX";
    int fd;
    const char *p12 = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+PSK";
    const char *p12e = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-PSK";
    const char *p12d = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-PSK";
    const char *p13 = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+PSK:+ECDHE-PSK:+DHE-PSK";

    fd = mkstemp(pw);
    if (fd < 0 || write(fd, "bob:00112233\nalice:0123456789abcdeffedcba9876543210\n", 52) != 52)
        return 1;
    close(fd);
    gnutls_global_init();
    run("tls1.2 psk fixed", p12, "alice", key_hex, 0, SRV_FN, NULL);
    run("tls1.2 ecdhe-psk fixed", p12e, "alice", key_hex, 0, SRV_FN, NULL);
    run("tls1.2 dhe-psk fixed", p12d, "alice", key_hex, 0, SRV_FN, NULL);
    run("tls1.2 psk callback", p12, NULL, NULL, 1, SRV_FN, NULL);
    run("tls1.2 psk file", p12, "alice", key_hex, 0, SRV_FILE, pw);
    run("tls1.2 psk wrong key", p12, "alice", "00112233", 0, SRV_FN, NULL);
    run("tls1.2 psk unknown user", p12, "mallory", key_hex, 0, SRV_FN, NULL);
    run("tls1.3 psk fixed", p13, "alice", key_hex, 0, SRV_FN, NULL);
    run("tls1.3 psk callback", p13, NULL, NULL, 1, SRV_FN, NULL);
    run("tls1.3 psk file", p13, "alice", key_hex, 0, SRV_FILE, pw);
    run("tls1.3 psk wrong key", p13, "alice", "00112233", 0, SRV_FN, NULL);
    run("tls1.3 psk unknown user", p13, "mallory", key_hex, 0, SRV_FN, NULL);
    run("missing password file", p12, "alice", key_hex, 0, SRV_FILE, "/nonexistent/psk.txt");
    {
        gnutls_psk_client_credentials_t cc;
        gnutls_datum_t k = {(unsigned char *)"xyz", 3};
        gnutls_psk_allocate_client_credentials(&cc);
        printf("bad hex key: %d\n", gnutls_psk_set_client_credentials(cc, "alice", &k, GNUTLS_PSK_KEY_HEX));
        gnutls_psk_free_client_credentials(cc);
    }
    anon("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ANON-ECDH");
    anon("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ANON-DH");
    unlink(pw);
    gnutls_global_deinit();
    return 0;
}
