/* Differential: gnutls_bye after the session went wrong or the peer went
 * away.  GnuTLS's bye sends its close_notify whatever happened before (EOF
 * without close_notify, a bad record, a fatal alert received, the peer's
 * close_notify), under the write key; its result follows the push: a push
 * that fails gives PUSH_ERROR, again on a retry; one that works gives 0
 * (SHUT_WR) or, when reading is over, INVALID_SESSION (SHUT_RDWR).  The
 * peer then reads the close_notify; after an alert the application sent
 * for a bad record, the close_notify follows it; a record whose push
 * failed goes out before it.  In-memory transports (a closed
 * direction fails the push with EPIPE, or gives EOF), TLS 1.3, 1.2 AEAD
 * and CBC, 1.0 CBC; the bytes bye wrote, what a retry and a later send
 * return. */
#include "tls-pair.h"

#include "test-keys.h"

enum { EOF_BARE, EOF_MID_RECORD, BAD_RECORD, FATAL_ALERT, CLOSE_NOTIFY, N_WHAT };
static const char *const what_name[] = {"EOF without close_notify", "EOF inside a record", "a corrupted record",
                                        "a fatal alert", "the peer's close_notify"};

static void scenario(const char *prio, int what, int push_ok, gnutls_close_request_t how)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s: client reads %s, its push %s, bye %s\n", prio, what_name[what], push_ok ? "works" : "fails",
           how == GNUTLS_SHUT_WR ? "WR" : "RDWR");
    if (tp_pair_up(&p, prio, ec_key, ec_crt) != 0) {
        tp_free(&p);
        return;
    }
    if (what == EOF_MID_RECORD || what == BAD_RECORD)
        gnutls_record_send(p.s.s, "hello", 5);
    if (what == EOF_MID_RECORD)
        p.s2c.len -= 3;
    if (what == BAD_RECORD)
        p.s2c.buf[p.s2c.len - 1] ^= 1;
    if (what == FATAL_ALERT)
        gnutls_alert_send(p.s.s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
    if (what == CLOSE_NOTIFY)
        gnutls_bye(p.s.s, GNUTLS_SHUT_WR);
    p.s2c.closed = 1;
    p.c2s.closed = !push_ok;
    printf("  client recv: %s\n", tp_code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
    size_t before = p.c2s.len;
    printf("  client bye: %s\n", tp_code(gnutls_bye(p.c.s, how)));
    printf("  bye wrote %zu bytes\n", p.c2s.len - before);
    printf("  client bye again: %s\n", tp_code(gnutls_bye(p.c.s, how)));
    printf("  client send: %s\n", tp_code((int)gnutls_record_send(p.c.s, "x", 1)));
    if (p.c2s.len > before && what != CLOSE_NOTIFY)
        printf("  server recv: %s\n", tp_code((int)gnutls_record_recv(p.s.s, buf, sizeof buf)));
    tp_free(&p);
}

/* A bad record, the alert the application sends for it (OpenSSL's, held
 * until then), then bye: its close_notify follows the alert. */
static void alert_then_bye(const char *prio, int appropriate)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s: server reads a corrupted record, sends %s, then bye\n", prio,
           appropriate ? "the appropriate alert" : "bad_record_mac");
    if (tp_pair_up(&p, prio, ec_key, ec_crt) == 0) {
        gnutls_record_send(p.c.s, "hello", 5);
        p.c2s.buf[p.c2s.len - 1] ^= 1;
        int r = (int)gnutls_record_recv(p.s.s, buf, sizeof buf);
        printf("  server recv: %s\n", tp_code(r));
        size_t b0 = p.s2c.len;
        printf("  server alert: %s\n", tp_code(appropriate ? gnutls_alert_send_appropriate(p.s.s, r)
                                                             : gnutls_alert_send(p.s.s, GNUTLS_AL_FATAL,
                                                                                 GNUTLS_A_BAD_RECORD_MAC)));
        size_t b1 = p.s2c.len;
        printf("  server bye: %s\n", tp_code(gnutls_bye(p.s.s, GNUTLS_SHUT_WR)));
        printf("  bytes: alert %zu, bye %zu\n", b1 - b0, p.s2c.len - b1);
        printf("  client recv: %s", tp_code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
        printf(" (%s)\n", gnutls_alert_get_strname(gnutls_alert_get(p.c.s)));
    }
    tp_free(&p);
}

/* A record whose push failed: no more sends, but bye (the push working
 * again, or not) sends it before its close_notify. */
static void failed_send_then_bye(const char *prio, int push_ok)
{
    struct tp_pair p;
    char buf[64];
    printf("== %s: a send's push fails, then bye with the push %s\n", prio, push_ok ? "working" : "failing");
    if (tp_pair_up(&p, prio, ec_key, ec_crt) == 0) {
        p.c2s.closed = 1;
        printf("  send: %s\n", tp_code((int)gnutls_record_send(p.c.s, "hello", 5)));
        printf("  send again: %s\n", tp_code((int)gnutls_record_send(p.c.s, "hello", 5)));
        p.c2s.closed = !push_ok;
        printf("  send then: %s\n", tp_code((int)gnutls_record_send(p.c.s, "x", 1)));
        printf("  server recv: %s\n", tp_code((int)gnutls_record_recv(p.s.s, buf, sizeof buf)));
        size_t before = p.c2s.len;
        printf("  client bye: %s\n", tp_code(gnutls_bye(p.c.s, GNUTLS_SHUT_WR)));
        /* (not how much: over TLS 1.0 OpenSSL puts an empty record before
         * application data) */
        printf("  bye wrote %s\n", p.c2s.len > before ? "something" : "nothing");
        printf("  client bye again: %s\n", tp_code(gnutls_bye(p.c.s, GNUTLS_SHUT_WR)));
        for (int i = 0; i < 2; i++)
            printf("  server recv: %s\n", tp_code((int)gnutls_record_recv(p.s.s, buf, sizeof buf)));
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    static const char *const prios[] = {
        "NORMAL:-VERS-ALL:+VERS-TLS1.3",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA384:%NO_ETM",
        TP_TLS10_CBC_PRIOS,
    };
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (int what = 0; what < N_WHAT; what++)
            for (int push_ok = 0; push_ok < 2; push_ok++)
                for (int how = 0; how < 2; how++)
                    scenario(prios[i], what, push_ok, how ? GNUTLS_SHUT_WR : GNUTLS_SHUT_RDWR);
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (int appropriate = 0; appropriate < 2; appropriate++)
            alert_then_bye(prios[i], appropriate);
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        for (int push_ok = 0; push_ok < 2; push_ok++)
            failed_send_then_bye(prios[i], push_ok);
    gnutls_global_deinit();
    return 0;
}
