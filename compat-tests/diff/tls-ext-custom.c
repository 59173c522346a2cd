/* Differential: hello extensions an application registers
 * (gnutls_session_ext_register, as knot registers its QUIC transport
 * parameters, and gnutls_ext_register).  A client and a server each
 * register one, send data both ways over TLS 1.3 and TLS 1.2; every
 * callback prints what it saw, the message it was called for
 * (gnutls_ext_get_current_msg) and its private data
 * (gnutls_ext_set_data / get_data / the deinit function).  Then the
 * failure paths: numbers GnuTLS handles itself, duplicates, callbacks that
 * fail, an extension in a message it is not allowed in. */
#include "tls-pair.h"

#include "test-keys.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define EXT_A 0x1234
#define EXT_G 0x4321

static gnutls_certificate_credentials_t scred, ccred;

/* What each callback does, per side (0 client, 1 server). */
static struct {
    int send_mode; /* 0 append data, 1 GNUTLS_E_INT_RET_0, 2 nothing, 3 fail */
    int recv_fail;
} beh[2];

static int side(gnutls_session_t s)
{
    return (int)(intptr_t)gnutls_session_get_ptr(s);
}

static const char *who(gnutls_session_t s)
{
    return side(s) ? "server" : "client";
}

static const char *msg_name(unsigned m)
{
    switch (m) {
    case GNUTLS_EXT_FLAG_CLIENT_HELLO:
        return "client-hello";
    case GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO:
        return "tls12-server-hello";
    case GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO:
        return "tls13-server-hello";
    case GNUTLS_EXT_FLAG_EE:
        return "encrypted-extensions";
    case GNUTLS_EXT_FLAG_HRR:
        return "hrr";
    default:
        return "?";
    }
}

static void deinit_data(gnutls_ext_priv_data_t d)
{
    printf("  deinit %s\n", (char *)d);
    free(d);
}

static int recv_ext(gnutls_session_t s, unsigned id, const unsigned char *data, size_t len)
{
    printf("  %s recv %#x in %s: %zu bytes '%.*s'\n", who(s), id, msg_name(gnutls_ext_get_current_msg(s)),
           len, (int)len, (const char *)data);
    gnutls_ext_priv_data_t prev;
    if (gnutls_ext_get_data(s, id, &prev) == 0)
        printf("  %s data before: %s\n", who(s), (char *)prev);
    char *d = malloc(64);
    snprintf(d, 64, "%s-%#x-got-%zu", who(s), id, len);
    gnutls_ext_set_data(s, id, d);
    return beh[side(s)].recv_fail ? GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER : 0;
}

static int send_ext(gnutls_session_t s, unsigned id, gnutls_buffer_t buf)
{
    int mode = beh[side(s)].send_mode;
    printf("  %s send %#x in %s (mode %d)\n", who(s), id, msg_name(gnutls_ext_get_current_msg(s)), mode);
    if (mode == 1)
        return GNUTLS_E_INT_RET_0;
    if (mode == 2)
        return 0;
    if (mode == 3)
        return GNUTLS_E_INTERNAL_ERROR;
    char text[32];
    snprintf(text, sizeof text, "from %s", who(s));
    return gnutls_buffer_append_data(buf, text, strlen(text));
}

static int recv_a(gnutls_session_t s, const unsigned char *d, size_t n)
{
    return recv_ext(s, EXT_A, d, n);
}
static int send_a(gnutls_session_t s, gnutls_buffer_t b)
{
    return send_ext(s, EXT_A, b);
}
static int recv_g(gnutls_session_t s, const unsigned char *d, size_t n)
{
    return recv_ext(s, EXT_G, d, n);
}
static int send_g(gnutls_session_t s, gnutls_buffer_t b)
{
    return send_ext(s, EXT_G, b);
}

static void show_data(gnutls_session_t s, unsigned id)
{
    gnutls_ext_priv_data_t d;
    int r = gnutls_ext_get_data(s, id, &d);
    printf("  %s data %#x: %s\n", who(s), id, r == 0 ? (char *)d : tp_code(r));
}

/* regs: bit 0 client registers EXT_A, bit 1 server does; flags for both */
static const char *server_prio; /* NULL: the client's */

static void scenario(const char *prio, int regs, unsigned cflags, unsigned sflags, int csend, int ssend,
                     int srecv_fail)
{
    struct tp_pair p;
    printf("== %s regs %d flags %#x/%#x send %d/%d%s\n", prio, regs, cflags, sflags, csend, ssend,
           srecv_fail ? " server recv fails" : "");
    beh[0].send_mode = csend;
    beh[1].send_mode = ssend;
    beh[0].recv_fail = 0;
    beh[1].recv_fail = srecv_fail;
    tp_init(&p, 0, 0);
    gnutls_session_set_ptr(p.c.s, (void *)0);
    gnutls_session_set_ptr(p.s.s, (void *)1);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, server_prio ? server_prio : prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (regs & 1)
        printf("  client register: %s\n",
               tp_code(gnutls_session_ext_register(p.c.s, "ext-a", EXT_A, GNUTLS_EXT_TLS, recv_a, send_a,
                                                   deinit_data, NULL, NULL, cflags)));
    if (regs & 2)
        printf("  server register: %s\n",
               tp_code(gnutls_session_ext_register(p.s.s, "ext-a", EXT_A, GNUTLS_EXT_TLS, recv_a, send_a,
                                                   deinit_data, NULL, NULL, sflags)));
    show_data(p.c.s, EXT_A);
    if (tp_handshake(&p) != 0) {
        /* the other side's view of the failure */
        int r = GNUTLS_E_AGAIN;
        for (int i = 0; i < 8 && tp_again(r); i++)
            r = gnutls_handshake(p.c.s);
        printf("  client then: %s", tp_code(r));
        if (r == GNUTLS_E_FATAL_ALERT_RECEIVED)
            printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(p.c.s)));
        printf("\n");
    }
    show_data(p.c.s, EXT_A);
    show_data(p.s.s, EXT_A);
    show_data(p.c.s, EXT_G);
    show_data(p.s.s, EXT_G);
    if (regs & 1) /* GnuTLS accepts it: the extension is for the next handshake */
        printf("  client register after: %s\n",
               tp_code(gnutls_session_ext_register(p.c.s, "ext-b", 0x1235, GNUTLS_EXT_TLS, recv_a, send_a,
                                                   NULL, NULL, NULL, 0)));
    tp_free(&p);
}

static void exchanges(void)
{
    static const char *prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2"};
    static const unsigned flags[] = {
        0,
        GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO,
        GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_EE,
        GNUTLS_EXT_FLAG_CLIENT_HELLO,
        GNUTLS_EXT_FLAG_TLS | GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS12_SERVER_HELLO |
            GNUTLS_EXT_FLAG_EE,
        GNUTLS_EXT_FLAG_DTLS,
    };
    for (size_t i = 0; i < 2; i++) {
        for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++)
            scenario(prios[i], 3, flags[f], flags[f], 0, 0, 0);
        scenario(prios[i], 1, 0, 0, 0, 0, 0);    /* only the client knows it */
        scenario(prios[i], 2, 0, 0, 0, 0, 0);    /* only the server */
        scenario(prios[i], 3, 0, 0, 1, 1, 0);    /* empty both ways */
        scenario(prios[i], 3, 0, 0, 2, 0, 0);    /* the client sends nothing */
        scenario(prios[i], 3, 0, 0, 0, 2, 0);    /* the server answers nothing */
        scenario(prios[i], 3, 0, 0, 0, 0, 1);    /* the server refuses it */
        scenario(prios[i], 3, 0, 0, 3, 0, 0);    /* the client's send fails */
        scenario(prios[i], 3, 0, 0, 0, 3, 0);    /* the server's send fails */
        /* the client does not accept it in the server's message */
        scenario(prios[i], 3, GNUTLS_EXT_FLAG_CLIENT_HELLO, 0, 0, 0, 0);
        /* the server answers an extension the client did not send */
        scenario(prios[i], 3, GNUTLS_EXT_FLAG_IGNORE_CLIENT_REQUEST, GNUTLS_EXT_FLAG_IGNORE_CLIENT_REQUEST, 2, 0, 0);
        scenario(prios[i], 3, GNUTLS_EXT_FLAG_IGNORE_CLIENT_REQUEST | flags[1] | GNUTLS_EXT_FLAG_EE,
                 GNUTLS_EXT_FLAG_IGNORE_CLIENT_REQUEST | flags[1] | GNUTLS_EXT_FLAG_EE, 2, 0, 0);
    }
    /* TLS 1.3 with a HelloRetryRequest: the client's first key share is
     * not the server's group */
    server_prio = "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP384R1";
    static const unsigned hrr_flags[] = {
        0,
        GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_HRR,
        GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_HRR | GNUTLS_EXT_FLAG_EE,
        GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO,
    };
    for (size_t f = 0; f < sizeof hrr_flags / sizeof hrr_flags[0]; f++)
        scenario("NORMAL:-VERS-ALL:+VERS-TLS1.3", 3, hrr_flags[f], hrr_flags[f], 0, 0, 0);
    server_prio = NULL;
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.3", 3, GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO,
             GNUTLS_EXT_FLAG_CLIENT_HELLO | GNUTLS_EXT_FLAG_TLS13_SERVER_HELLO, 0, 0, 0);
}

/* Resumption (session ticket): which extensions each parse type still
 * gets in the resumed handshake. */
static void resumption(const char *prio, gnutls_ext_parse_type_t pt)
{
    gnutls_datum_t key, sdata = {NULL, 0};
    gnutls_session_ticket_key_generate(&key);
    beh[0].send_mode = beh[1].send_mode = 0;
    beh[0].recv_fail = beh[1].recv_fail = 0;
    for (int round = 0; round < 2; round++) {
        struct tp_pair p;
        printf("== resumption %s parse type %d, handshake %d\n", prio, (int)pt, round + 1);
        tp_init(&p, 0, 0);
        gnutls_session_set_ptr(p.c.s, (void *)0);
        gnutls_session_set_ptr(p.s.s, (void *)1);
        gnutls_priority_set_direct(p.c.s, prio, NULL);
        gnutls_priority_set_direct(p.s.s, prio, NULL);
        gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
        gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
        gnutls_session_ticket_enable_server(p.s.s, &key);
        gnutls_session_ext_register(p.c.s, "ext-a", EXT_A, pt, recv_a, send_a, deinit_data, NULL, NULL, 0);
        gnutls_session_ext_register(p.s.s, "ext-a", EXT_A, pt, recv_a, send_a, deinit_data, NULL, NULL, 0);
        if (round == 1)
            gnutls_session_set_data(p.c.s, sdata.data, sdata.size);
        if (tp_handshake(&p) == 0) {
            printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s),
                   gnutls_session_is_resumed(p.s.s));
            /* TLS 1.3 tickets come after the handshake */
            char b[8];
            gnutls_record_send(p.s.s, "x", 1);
            gnutls_record_recv(p.c.s, b, sizeof b);
            if (round == 0)
                gnutls_session_get_data2(p.c.s, &sdata);
        }
        tp_free(&p);
    }
    gnutls_free(sdata.data);
    gnutls_free(key.data);
}

static int post_hello(gnutls_session_t s)
{
    printf("  server post-client-hello\n");
    show_data(s, EXT_A);
    return 0;
}

/* The post-client-hello function runs after the ClientHello's
 * GNUTLS_EXT_MANDATORY and GNUTLS_EXT_APPLICATION extensions were parsed,
 * before the GNUTLS_EXT_TLS ones. */
static void post_client_hello(const char *prio, gnutls_ext_parse_type_t pt)
{
    struct tp_pair p;
    printf("== post-client-hello %s parse type %d\n", prio, (int)pt);
    beh[0].send_mode = beh[1].send_mode = 0;
    beh[0].recv_fail = beh[1].recv_fail = 0;
    tp_init(&p, 0, 0);
    gnutls_session_set_ptr(p.c.s, (void *)0);
    gnutls_session_set_ptr(p.s.s, (void *)1);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_handshake_set_post_client_hello_function(p.s.s, post_hello);
    gnutls_session_ext_register(p.c.s, "ext-a", EXT_A, pt, recv_a, send_a, deinit_data, NULL, NULL, 0);
    gnutls_session_ext_register(p.s.s, "ext-a", EXT_A, pt, recv_a, send_a, deinit_data, NULL, NULL, 0);
    tp_handshake(&p);
    tp_free(&p);
}

/* DTLS 1.2 over a datagram socket pair: the same exchange. */
static void dtls(void)
{
    int sv[2];
    printf("== DTLS 1.2\n");
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    beh[0].send_mode = beh[1].send_mode = 0;
    beh[0].recv_fail = beh[1].recv_fail = 0;
    gnutls_session_t ss[2];
    for (int i = 0; i < 2; i++) {
        fcntl(sv[i], F_SETFL, O_NONBLOCK);
        gnutls_init(&ss[i], (i ? GNUTLS_SERVER : GNUTLS_CLIENT) | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
        gnutls_session_set_ptr(ss[i], (void *)(intptr_t)i);
        gnutls_priority_set_direct(ss[i], "NORMAL:-VERS-ALL:+VERS-DTLS1.2", NULL);
        gnutls_credentials_set(ss[i], GNUTLS_CRD_CERTIFICATE, i ? scred : ccred);
        gnutls_transport_set_int(ss[i], sv[i]);
        gnutls_session_ext_register(ss[i], "ext-a", EXT_A, GNUTLS_EXT_TLS, recv_a, send_a, deinit_data, NULL,
                                    NULL, 0);
    }
    int r[2] = {GNUTLS_E_AGAIN, GNUTLS_E_AGAIN};
    for (int k = 0; k < 2000 && (r[0] != 0 || r[1] != 0); k++)
        for (int i = 0; i < 2; i++)
            if (r[i] != 0 && (r[i] == GNUTLS_E_AGAIN || !gnutls_error_is_fatal(r[i])))
                r[i] = gnutls_handshake(ss[i]);
    printf("  handshake: client %s, server %s\n", tp_code(r[0]), tp_code(r[1]));
    for (int i = 0; i < 2; i++) {
        gnutls_deinit(ss[i]);
        close(sv[i]);
    }
}

static int nop_recv(gnutls_session_t s, const unsigned char *d, size_t n)
{
    (void)s, (void)d, (void)n;
    return 0;
}
static int nop_send(gnutls_session_t s, gnutls_buffer_t b)
{
    (void)s, (void)b;
    return 0;
}

static void registration(void)
{
    /* GnuTLS's built-in extensions, and some it does not handle:
     * certificate_authorities (47, OpenSSL's), QUIC transport parameters
     * (57, as knot registers them) */
    static const unsigned ids[] = {0,  1,  5,  10, 11, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23,
                                   27, 28, 35, 41, 42, 43, 44, 45, 47, 49, 51, 57, 65281, 0x1234};
    printf("== session registration\n");
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        for (int o = 0; o < 2; o++) {
            gnutls_session_t s;
            gnutls_init(&s, GNUTLS_CLIENT);
            int r = gnutls_session_ext_register(s, "x", (int)ids[i], GNUTLS_EXT_TLS, nop_recv, nop_send, NULL,
                                                NULL, NULL, o ? GNUTLS_EXT_FLAG_OVERRIDE_INTERNAL : 0);
            int r2 = gnutls_session_ext_register(s, "x", (int)ids[i], GNUTLS_EXT_TLS, nop_recv, nop_send,
                                                 NULL, NULL, NULL, GNUTLS_EXT_FLAG_OVERRIDE_INTERNAL);
            printf("  %u%s: %s, again %s\n", ids[i], o ? " override" : "", tp_code(r), tp_code(r2));
            gnutls_deinit(s);
        }
    }
    /* data of an extension the session does not know */
    gnutls_session_t s;
    gnutls_init(&s, GNUTLS_CLIENT);
    gnutls_ext_set_data(s, 0x999, (void *)"x");
    gnutls_ext_priv_data_t d;
    printf("  unknown data: %s\n", tp_code(gnutls_ext_get_data(s, 0x999, &d)));
    gnutls_deinit(s);
}

static void global_registration(void)
{
    printf("== global registration\n");
    printf("  built-in 0: %s\n",
           tp_code(gnutls_ext_register("g", 0, GNUTLS_EXT_TLS, nop_recv, nop_send, NULL, NULL, NULL)));
    printf("  built-in 16: %s\n",
           tp_code(gnutls_ext_register("g", 16, GNUTLS_EXT_TLS, nop_recv, nop_send, NULL, NULL, NULL)));
    printf("  new %#x: %s\n", EXT_G,
           tp_code(gnutls_ext_register("ext-g", EXT_G, GNUTLS_EXT_TLS, recv_g, send_g, deinit_data, NULL, NULL)));
    printf("  again: %s\n",
           tp_code(gnutls_ext_register("ext-g", EXT_G, GNUTLS_EXT_TLS, recv_g, send_g, NULL, NULL, NULL)));
    const char *n = gnutls_ext_get_name(EXT_G);
    printf("  name %#x: %s\n", EXT_G, n ? n : "(null)");
    gnutls_session_t s;
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_session_ext_register(s, "ext-a", EXT_A, GNUTLS_EXT_APPLICATION, recv_a, send_a, NULL, NULL, NULL, 0);
    printf("  session register %#x: %s\n", EXT_G,
           tp_code(gnutls_session_ext_register(s, "ext-s", EXT_G, GNUTLS_EXT_APPLICATION, recv_g, send_g, NULL,
                                               NULL, NULL, 0)));
    static const unsigned ids[] = {EXT_A, EXT_G, 0x1235, 16};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        for (int pt = GNUTLS_EXT_ANY; pt <= GNUTLS_EXT_MANDATORY; pt++) {
            n = gnutls_ext_get_name2(s, ids[i], (gnutls_ext_parse_type_t)pt);
            printf("  name2 %#x at %d: %s\n", ids[i], pt, n ? n : "(null)");
        }
    gnutls_deinit(s);
}

int main(void)
{
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);
    setvbuf(stdout, NULL, _IOLBF, 0);

    registration();
    exchanges();
    dtls();
    static const gnutls_ext_parse_type_t pts[] = {GNUTLS_EXT_MANDATORY, GNUTLS_EXT_APPLICATION, GNUTLS_EXT_TLS};
    for (int i = 0; i < 3; i++) {
        resumption("NORMAL:-VERS-ALL:+VERS-TLS1.2", pts[i]);
        resumption("NORMAL:-VERS-ALL:+VERS-TLS1.3", pts[i]);
        post_client_hello("NORMAL:-VERS-ALL:+VERS-TLS1.2", pts[i]);
        post_client_hello("NORMAL:-VERS-ALL:+VERS-TLS1.3", pts[i]);
    }
    /* registered after the credentials were used: sessions on the same
     * credentials have it too.  (Not together with a session-registered
     * one: GnuTLS 3.7.9 gives both the same internal slot, so the second
     * is never sent and they share their private data.) */
    global_registration();
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.3", 0, 0, 0, 0, 0, 0);
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.2", 0, 0, 0, 0, 0, 0);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    return 0;
}
