/* Differential: fatal and warning alerts an application sends after a completed
 * handshake (gnutls_alert_send), as exim and gnutls-serv send them to refuse
 * a client.  Both directions, TLS 1.3 and TLS 1.2 over every AEAD suite,
 * TLS 1.1/1.2 CBC suites, fatal and warning alerts over TLS 1.0 CBC (fatal:
 * right after the handshake, after data and after writes of several
 * records; warnings: once, or three times then writes of several records),
 * reads, writes and bye after a fatal alert sent (TLS 1.3, 1.2, 1.0), after key
 * updates in both directions and after TLS 1.2 resumption; what the peer's
 * record_recv returns and the alert it names. */
#include "tls-pair.h"

#include "test-keys.h"

static void drain(gnutls_session_t s, const char *who)
{
    char buf[64];
    int r = GNUTLS_E_AGAIN;
    /* data still queued before the alert is read first */
    for (int i = 0; i < 8 && (tp_again(r) || r > 0); i++) {
        r = (int)gnutls_record_recv(s, buf, sizeof buf);
        if (r > 0)
            printf("  %s got %d bytes first\n", who, r);
    }
    printf("  %s recv: %s", who, tp_code(r));
    if (r == GNUTLS_E_FATAL_ALERT_RECEIVED || r == GNUTLS_E_WARNING_ALERT_RECEIVED)
        printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(s)));
    printf("\n");
}

/* Writes of several records each (a whole record, a small one), both ways. */
static void big_writes(gnutls_session_t snd, gnutls_session_t rcv)
{
    static char big[20000];
    for (int k = 0; k < 2; k++) {
        int w = 0, got = 0, r = GNUTLS_E_AGAIN;
        for (int j = 0; j < 3; j++)
            w += (int)gnutls_record_send(k ? rcv : snd, big, j == 1 ? 100 : sizeof big);
        for (int i = 0; i < 64 && got < w && (r > 0 || tp_again(r)); i++)
            if ((r = (int)gnutls_record_recv(k ? snd : rcv, big, sizeof big)) > 0)
                got += r;
        printf("  big writes %d: %d sent, %d read\n", k, w, got);
    }
}

/* flow: 0 none, 1 data both ways, 2 key update by the sender, 3 key
 * update asked of the peer (both update), 4 several updates, 5 writes of
 * several records each both ways */
static void scenario(const char *prio, int from_server, int flow, gnutls_alert_description_t desc)
{
    struct tp_pair p;
    printf("== %s, %s sends %s, flow %d\n", prio, from_server ? "server" : "client",
           gnutls_alert_get_strname(desc), flow);
    if (tp_pair_up(&p, prio, ec_key, ec_crt) != 0) {
        tp_free(&p);
        return;
    }
    char *desc_s = gnutls_session_get_desc(p.c.s);
    printf("  %s\n", desc_s);
    gnutls_free(desc_s);
    gnutls_session_t snd = from_server ? p.s.s : p.c.s, rcv = from_server ? p.c.s : p.s.s;
    char buf[64];
    if (flow >= 1) {
        for (int k = 0; k < 3; k++) {
            gnutls_record_send(snd, "ping", 4);
            gnutls_record_send(rcv, "pong", 4);
            int a = (int)gnutls_record_recv(rcv, buf, sizeof buf);
            int b = (int)gnutls_record_recv(snd, buf, sizeof buf);
            printf("  data %d: %s %s\n", k, tp_code(a), tp_code(b));
        }
    }
    if (flow == 5) {
        big_writes(snd, rcv);
    } else if (flow >= 2) {
        int n = flow == 4 ? 3 : 1;
        for (int k = 0; k < n; k++) {
            int r = gnutls_session_key_update(snd, flow == 3 ? GNUTLS_KU_PEER : 0);
            printf("  key update: %s\n", tp_code(r));
            gnutls_record_send(snd, "after", 5);
            int a = (int)gnutls_record_recv(rcv, buf, sizeof buf);
            gnutls_record_send(rcv, "back", 4);
            int b = (int)gnutls_record_recv(snd, buf, sizeof buf);
            printf("  after update %d: %s %s\n", k, tp_code(a), tp_code(b));
        }
    }
    printf("  alert_send: %s\n", tp_code(gnutls_alert_send(snd, GNUTLS_AL_FATAL, desc)));
    drain(rcv, from_server ? "client" : "server");
    tp_free(&p);
}

/* Warning alerts after the handshake (times of them, each followed by
 * data both ways; big: then writes of several records). */
static void warning(const char *prio, int from_server, gnutls_alert_description_t desc, int times, int big)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s, %s sends warning %s, %d time(s)%s\n", prio, from_server ? "server" : "client",
           gnutls_alert_get_strname(desc), times, big ? ", then big writes" : "");
    if (tp_pair_up(&p, prio, ec_key, ec_crt) == 0) {
        gnutls_session_t snd = from_server ? p.s.s : p.c.s, rcv = from_server ? p.c.s : p.s.s;
        for (int t = 0; t < times; t++) {
            printf("  alert_send: %s\n", tp_code(gnutls_alert_send(snd, GNUTLS_AL_WARNING, desc)));
            printf("  send: %s\n", tp_code((int)gnutls_record_send(snd, "after", 5)));
            drain(rcv, from_server ? "client" : "server");
            int a = (int)gnutls_record_recv(rcv, buf, sizeof buf);
            int w = (int)gnutls_record_send(rcv, "back", 4);
            int b = (int)gnutls_record_recv(snd, buf, sizeof buf);
            printf("  then: %s, back %s %s\n", tp_code(a), tp_code(w), tp_code(b));
        }
        if (big)
            big_writes(snd, rcv);
    }
    tp_free(&p);
}

/* After a fatal alert it sent, the sender goes on reading and writing in
 * GnuTLS: the peer's data (or close_notify), then data and bye of its own,
 * which the peer, having ended the session, refuses. */
static void fatal_then(const char *prio, int peer_closes)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s, server sends a fatal alert, then the client %s\n", prio, peer_closes ? "closes" : "sends data");
    if (tp_pair_up(&p, prio, ec_key, ec_crt) == 0) {
        printf("  alert_send: %s\n", tp_code(gnutls_alert_send(p.s.s, GNUTLS_AL_FATAL, GNUTLS_A_ACCESS_DENIED)));
        if (peer_closes)
            gnutls_bye(p.c.s, GNUTLS_SHUT_WR);
        else
            gnutls_record_send(p.c.s, "data", 4);
        for (int i = 0; i < 2; i++)
            printf("  server recv: %s\n", tp_code((int)gnutls_record_recv(p.s.s, buf, sizeof buf)));
        printf("  server send: %s\n", tp_code((int)gnutls_record_send(p.s.s, "x", 1)));
        printf("  server bye: %s\n", tp_code(gnutls_bye(p.s.s, GNUTLS_SHUT_WR)));
        drain(p.c.s, "client");
        printf("  client then: %s\n", tp_code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
    }
    tp_free(&p);
}

/* A server's verify callback refusing the client's certificate with its own
 * alert inside the handshake, as gnutls-serv does. */
static int refuse_cb(gnutls_session_t s)
{
    printf("  callback alert_send: %s\n", tp_code(gnutls_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_ACCESS_DENIED)));
    return -1;
}

static void in_handshake(const char *prio)
{
    struct tp_pair p;
    gnutls_certificate_credentials_t sc, cc;
    printf("== in handshake, %s\n", prio);
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_datum_t rk = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t rc = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_set_x509_key_mem(sc, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(cc, &rc, &rk, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_verify_function(sc, refuse_cb);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, sc);
    gnutls_certificate_server_set_request(p.s.s, GNUTLS_CERT_REQUIRE);
    if (tp_handshake(&p) == 0)
        drain(p.c.s, "client");
    else {
        int r = GNUTLS_E_AGAIN;
        for (int i = 0; i < 8 && tp_again(r); i++)
            r = gnutls_handshake(p.c.s);
        if (r == 0)
            drain(p.c.s, "client");
        else {
            printf("  client then: %s", tp_code(r));
            if (r == GNUTLS_E_FATAL_ALERT_RECEIVED)
                printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(p.c.s)));
            printf("\n");
        }
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
    gnutls_certificate_free_credentials(cc);
}

int main(void)
{
    gnutls_global_init();

    static const char *const prios[] = {TP_AEAD_PRIOS, TP_CBC_PRIOS};
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (int side = 0; side < 2; side++)
            scenario(prios[i], side, 1, side ? GNUTLS_A_ACCESS_DENIED : GNUTLS_A_USER_CANCELED);
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (int side = 0; side < 2; side++)
            warning(prios[i], side, side ? GNUTLS_A_UNRECOGNIZED_NAME : GNUTLS_A_USER_CANCELED, 1, 0);
    warning("NORMAL:-VERS-ALL:+VERS-TLS1.2", 0, GNUTLS_A_NO_RENEGOTIATION, 1, 0);
    /* TLS 1.0: right after the handshake (the IV comes from the key block)
     * and after records (from the last block written) */
    static const char *const tls10[] = {TP_TLS10_CBC_PRIOS};
    for (unsigned i = 0; i < sizeof tls10 / sizeof tls10[0]; i++)
        for (int side = 0; side < 2; side++)
            for (int flow = 0; flow <= 5; flow += flow == 1 ? 4 : 1)
                scenario(tls10[i], side, flow, side ? GNUTLS_A_ACCESS_DENIED : GNUTLS_A_USER_CANCELED);
    /* TLS 1.0 warnings: OpenSSL's records after them are re-encrypted onto
     * the chain of what went out (a second one while they are) */
    for (unsigned i = 0; i < sizeof tls10 / sizeof tls10[0]; i++)
        for (int side = 0; side < 2; side++) {
            warning(tls10[i], side, side ? GNUTLS_A_UNRECOGNIZED_NAME : GNUTLS_A_USER_CANCELED, 1, 0);
            warning(tls10[i], side, GNUTLS_A_USER_CANCELED, 3, 1);
        }
    for (int flow = 0; flow <= 4; flow++)
        for (int side = 0; side < 2; side++)
            scenario("NORMAL:-VERS-ALL:+VERS-TLS1.3", side, flow, GNUTLS_A_BAD_CERTIFICATE);
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.2", 1, 0, GNUTLS_A_INTERNAL_ERROR);
    static const char *const after[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2",
                                        TP_CBC_PRIOS, TP_TLS10_CBC_PRIOS};
    for (unsigned i = 0; i < sizeof after / sizeof after[0]; i++)
        for (int closes = 0; closes < 2; closes++)
            fatal_then(after[i], closes);
    in_handshake("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    gnutls_global_deinit();
    return 0;
}
