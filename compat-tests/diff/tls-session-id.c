/* Differential: gnutls_session_set_id, the session ID a client puts in its
 * ClientHello (openconnect sends ocserv's DTLS app ID this way).  For TLS
 * and DTLS clients: the return codes (server sessions and IDs over 32 bytes
 * refused), the ID found in the ClientHello on the wire, and, for TLS over
 * an in-memory pair with PSK credentials, that the handshake then completes
 * as a fresh (not resumed) session.  Prints only lengths and comparisons. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "tls-pair.h"

static const unsigned char psk_key[16] = "0123456789abcdef";

static int server_psk(gnutls_session_t s, const char *user, gnutls_datum_t *key)
{
    (void)s;
    (void)user;
    key->data = gnutls_malloc(sizeof psk_key);
    if (key->data == NULL)
        return -1;
    memcpy(key->data, psk_key, sizeof psk_key);
    key->size = sizeof psk_key;
    return 0;
}

/* The legacy session ID of the ClientHello at the start of BUF (one record,
 * TLS or DTLS framing): its length and whether it equals WANT. */
static void show_hello_id(const struct tp_pipe *p, int dtls, const unsigned char *want, unsigned wlen)
{
    size_t off = dtls ? 13 + 12 : 5 + 4; /* record + handshake headers */
    off += 2 + 32;                        /* version, random */
    if (p->len <= off || p->buf[dtls ? 13 : 5] != 1) {
        printf("  no ClientHello on the wire (%s)\n", p->len ? "other data" : "nothing sent");
        return;
    }
    unsigned n = p->buf[off];
    if (off + 1 + n > p->len) {
        printf("  truncated ClientHello\n");
        return;
    }
    printf("  ClientHello session ID: %u bytes, %s\n", n,
           want == NULL ? "(none set)" : (n == wlen && memcmp(p->buf + off + 1, want, n) == 0) ? "the one set" : "another one");
}

static void tls_case(const char *title, const char *prio, unsigned idlen, int handshake)
{
    struct tp_pair p;
    unsigned char id[40];
    gnutls_psk_client_credentials_t cc;
    gnutls_psk_server_credentials_t sc;
    gnutls_datum_t key = {(unsigned char *)psk_key, sizeof psk_key};

    if (idlen == ~0u)
        printf("== TLS %s (%s)\n", title, prio);
    else
        printf("== TLS %s (%s), ID of %u bytes\n", title, prio, idlen);
    for (unsigned i = 0; i < sizeof id; i++)
        id[i] = (unsigned char)(0xa0 + i);
    tp_init(&p, GNUTLS_NONBLOCK, GNUTLS_NONBLOCK);
    gnutls_psk_allocate_client_credentials(&cc);
    gnutls_psk_allocate_server_credentials(&sc);
    gnutls_psk_set_client_credentials(cc, "vpn", &key, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(sc, server_psk);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_PSK, sc);
    if (idlen != ~0u) {
        gnutls_datum_t sid = {id, idlen};
        printf("  client set_id: %s\n", tp_code(gnutls_session_set_id(p.c.s, &sid)));
        printf("  server set_id: %s\n", tp_code(gnutls_session_set_id(p.s.s, &sid)));
    }
    int r = gnutls_handshake(p.c.s);
    printf("  first client step: %s\n", tp_code(r));
    show_hello_id(&p.c2s, 0, idlen != ~0u && idlen <= 32 ? id : NULL, idlen);
    if (handshake && tp_handshake(&p) == 0) {
        /* TLS 1.2 only: with TLS 1.3, gnossl still reports an external-PSK
         * handshake as resumed (OpenSSL's "reused" flag), with or without an
         * ID; that gap is not this test's subject. */
        if (gnutls_protocol_get_version(p.c.s) == GNUTLS_TLS1_2)
            printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s),
                   gnutls_session_is_resumed(p.s.s));
        char *d = gnutls_session_get_desc(p.c.s);
        printf("  session: %s\n", d ? d : "?");
        gnutls_free(d);
    }
    tp_free(&p);
    gnutls_psk_free_client_credentials(cc);
    gnutls_psk_free_server_credentials(sc);
}

static void dtls_case(const char *prio, unsigned idlen)
{
    struct tp_pair p;
    unsigned char id[32];
    gnutls_psk_client_credentials_t cc;
    gnutls_datum_t key = {(unsigned char *)psk_key, sizeof psk_key};

    printf("== DTLS (%s), ID of %u bytes\n", prio, idlen);
    for (unsigned i = 0; i < sizeof id; i++)
        id[i] = (unsigned char)(0x31 * i + 7);
    tp_init(&p, GNUTLS_NONBLOCK | GNUTLS_DATAGRAM, GNUTLS_NONBLOCK | GNUTLS_DATAGRAM);
    gnutls_psk_allocate_client_credentials(&cc);
    gnutls_psk_set_client_credentials(cc, "vpn", &key, GNUTLS_PSK_KEY_RAW);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, cc);
    gnutls_datum_t sid = {id, idlen};
    printf("  client set_id: %s\n", tp_code(gnutls_session_set_id(p.c.s, &sid)));
    int r = gnutls_handshake(p.c.s);
    printf("  first client step: %s\n", tp_code(r));
    show_hello_id(&p.c2s, 1, id, idlen);
    tp_free(&p);
    gnutls_psk_free_client_credentials(cc);
}

int main(void)
{
    gnutls_global_init();
    tls_case("1.2, no ID set", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK", ~0u, 1);
    tls_case("1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK", 5, 1);
    tls_case("1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK", 32, 1);
    tls_case("1.2, oversized", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK", 33, 0);
    tls_case("1.2, empty", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK", 0, 0);
    tls_case("1.3 or 1.2", "NORMAL:+PSK", 32, 1);
    tls_case("1.3 or 1.2", "NORMAL:+PSK", 7, 1);
    dtls_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:+PSK:-KX-ALL:+PSK", 32);
    dtls_case("NORMAL:-VERS-ALL:+VERS-DTLS1.2:+VERS-DTLS1.0:+PSK", 16);
    gnutls_global_deinit();
    return 0;
}
