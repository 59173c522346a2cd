/* Differential: the default transport (recv/sendmsg on a socketpair, set
 * with gnutls_transport_set_int) and the error contract against raw peers
 * that send alerts, garbage, truncated records or nothing; also handshake
 * timeouts.  Public GnuTLS API only; output must match real GnuTLS. */
#include <gnutls/gnutls.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"

static int again(int r)
{
    return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

static gnutls_certificate_credentials_t ccred, scred;

static gnutls_session_t new_session(unsigned flags, int fd, const char *prio)
{
    gnutls_session_t s;
    gnutls_init(&s, flags);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, (flags & GNUTLS_SERVER) ? scred : ccred);
    gnutls_transport_set_int(s, fd);
    return s;
}

static void pair(int sv[2], int nonblock)
{
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        abort();
    if (nonblock) {
        fcntl(sv[0], F_SETFL, O_NONBLOCK);
        fcntl(sv[1], F_SETFL, O_NONBLOCK);
    }
}

static int handshake2(gnutls_session_t c, gnutls_session_t s)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 1000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0) {
            rc = gnutls_handshake(c);
            if (rc < 0 && gnutls_error_is_fatal(rc)) {
                printf("  handshake failed: client %s\n", code(rc));
                return -1;
            }
        }
        if (rs != 0) {
            rs = gnutls_handshake(s);
            if (rs < 0 && gnutls_error_is_fatal(rs)) {
                printf("  handshake failed: server %s\n", code(rs));
                return -1;
            }
        }
    }
    printf("  handshake: client %s server %s\n", code(rc), code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

static ssize_t recv_na(gnutls_session_t s, void *b, size_t n)
{
    ssize_t r;
    int k = 0;
    do
        r = gnutls_record_recv(s, b, n);
    while (again((int)r) && ++k < 50);
    return r;
}

static void scenario_socketpair(const char *prio)
{
    int sv[2];
    char buf[70000];
    printf("== socketpair %s\n", prio);
    pair(sv, 1);
    gnutls_session_t c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], prio);
    gnutls_session_t s = new_session(GNUTLS_SERVER | GNUTLS_NO_SIGNAL, sv[1], prio);
    printf("  get_int %d %d\n", gnutls_transport_get_int(c) == sv[0], gnutls_transport_get_int(s) == sv[1]);
    if (handshake2(c, s) == 0) {
        int r = (int)gnutls_record_recv(c, buf, 10);
        printf("  recv on empty socket: %s dir %d\n", code(r), gnutls_record_get_direction(c));
        static const size_t sizes[] = {1, 1000, 16384, 20000};
        for (int i = 0; i < 4; i++) {
            memset(buf, 'a' + i, sizes[i]);
            ssize_t sent = 0;
            while ((size_t)sent < sizes[i]) {
                ssize_t w = gnutls_record_send(c, buf + sent, sizes[i] - (size_t)sent);
                if (w < 0) {
                    printf("  send: %s\n", code((int)w));
                    break;
                }
                sent += w;
            }
            size_t got = 0;
            while (got < (size_t)sent) {
                ssize_t q = recv_na(s, buf, sizeof buf);
                if (q <= 0) {
                    printf("  recv: %s\n", code((int)q));
                    break;
                }
                got += (size_t)q;
            }
            printf("  %zu bytes: got %zu\n", sizes[i], got);
        }
        printf("  client bye WR: %s\n", code(gnutls_bye(c, GNUTLS_SHUT_WR)));
        printf("  server recv: %s\n", code((int)recv_na(s, buf, 10)));
        printf("  server bye WR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_WR)));
        printf("  client recv: %s\n", code((int)recv_na(c, buf, 10)));
    }
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(sv[0]);
    close(sv[1]);

    printf("== peer closes after handshake %s\n", prio);
    pair(sv, 1);
    c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], prio);
    s = new_session(GNUTLS_SERVER | GNUTLS_NO_SIGNAL, sv[1], prio);
    if (handshake2(c, s) == 0) {
        recv_na(c, buf, 10); /* tickets */
        shutdown(sv[1], SHUT_WR);
        printf("  client recv after peer shutdown: %s\n", code((int)recv_na(c, buf, 10)));
        printf("  again: %s\n", code((int)recv_na(c, buf, 10)));
        printf("  client bye RDWR: %s\n", code(gnutls_bye(c, GNUTLS_SHUT_RDWR)));
        close(sv[1]);
        gnutls_deinit(s);
        s = NULL;
        int r = (int)gnutls_record_send(c, "x", 1);
        printf("  client send to closed peer: %s\n", code(r));
    }
    gnutls_deinit(c);
    if (s)
        gnutls_deinit(s);
    close(sv[0]);

    printf("== send to closed peer %s\n", prio);
    pair(sv, 1);
    c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], prio);
    s = new_session(GNUTLS_SERVER | GNUTLS_NO_SIGNAL, sv[1], prio);
    if (handshake2(c, s) == 0) {
        gnutls_deinit(s);
        close(sv[1]);
        printf("  client send: %s\n", code((int)gnutls_record_send(c, "x", 1)));
        printf("  client send again: %s\n", code((int)gnutls_record_send(c, "x", 1)));
        printf("  client recv: %s\n", code((int)gnutls_record_recv(c, buf, 1)));
    } else {
        gnutls_deinit(s);
        close(sv[1]);
    }
    gnutls_deinit(c);
    close(sv[0]);
}

/* A raw peer: read what the client sent, answer with `reply`, then close
 * (or not). */
static void scenario_raw_server(const char *name, const char *prio, const unsigned char *reply, size_t n,
                                int close_after)
{
    int sv[2];
    unsigned char buf[4096];
    printf("== client vs raw server: %s (%s)\n", name, prio);
    pair(sv, 1);
    gnutls_session_t c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], prio);
    int r = gnutls_handshake(c);
    printf("  first: %s dir %d\n", code(r), gnutls_record_get_direction(c));
    ssize_t got = read(sv[1], buf, sizeof buf);
    printf("  raw peer got a client hello: %d\n", got > 5 && buf[0] == 0x16);
    if (n && write(sv[1], reply, n) != (ssize_t)n)
        abort();
    if (close_after)
        close(sv[1]);
    for (int i = 0; i < 4; i++) {
        r = gnutls_handshake(c);
        printf("  handshake: %s", code(r));
        if (r == GNUTLS_E_WARNING_ALERT_RECEIVED || r == GNUTLS_E_FATAL_ALERT_RECEIVED)
            printf(" alert %s", gnutls_alert_get_strname(gnutls_alert_get(c)));
        printf("\n");
        if (r == 0 || gnutls_error_is_fatal(r))
            break;
    }
    gnutls_deinit(c);
    close(sv[0]);
    if (!close_after)
        close(sv[1]);
}

static void scenario_raw_client(const char *name, const char *prio, const char *req)
{
    int sv[2];
    printf("== server vs raw client: %s (%s)\n", name, prio);
    pair(sv, 1);
    gnutls_session_t s = new_session(GNUTLS_SERVER | GNUTLS_NO_SIGNAL, sv[1], prio);
    if (write(sv[0], req, strlen(req)) < 0)
        abort();
    close(sv[0]);
    int r;
    for (int i = 0; i < 4; i++) {
        r = gnutls_handshake(s);
        printf("  handshake: %s\n", code(r));
        if (r == 0 || gnutls_error_is_fatal(r))
            break;
    }
    gnutls_deinit(s);
    close(sv[1]);
}

static void scenario_timeout_blocking(void)
{
    int sv[2];
    printf("== blocking handshake with a silent peer, 200 ms timeout\n");
    pair(sv, 0);
    gnutls_session_t c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], "NORMAL");
    gnutls_handshake_set_timeout(c, 200);
    printf("  handshake: %s\n", code(gnutls_handshake(c)));
    /* Real GnuTLS answers the retry with TIMEDOUT or INVALID_SESSION
     * depending on timing; both end the handshake. */
    int again = gnutls_handshake(c);
    printf("  again: %s\n", again == GNUTLS_E_TIMEDOUT || again == GNUTLS_E_INVALID_SESSION
                                 ? "fails (TIMEDOUT or INVALID_SESSION)" : code(again));
    gnutls_deinit(c);
    close(sv[0]);
    close(sv[1]);
}

static void scenario_custom_pull_no_timeout(void);

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, (unsigned)strlen(rsa_key)};
    gnutls_datum_t c = {(unsigned char *)rsa_crt, (unsigned)strlen(rsa_crt)};
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);

    scenario_socketpair("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_socketpair("NORMAL:-VERS-ALL:+VERS-TLS1.2");

    static const unsigned char warn_unrec[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x70};
    static const unsigned char fatal_hs[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};
    static const unsigned char fatal_pv[] = {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46};
    static const unsigned char close_notify[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00};
    static const unsigned char huge[] = {0x16, 0x03, 0x03, 0xff, 0xff, 0x02};
    static const unsigned char http[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    static const unsigned char short_hdr[] = {0x16, 0x03};
    static const unsigned char short_body[] = {0x16, 0x03, 0x03, 0x00, 0x40, 0x02, 0x00};
    const char *prios[] = {"NORMAL", "NORMAL:-VERS-ALL:+VERS-TLS1.2"};
    for (int i = 0; i < 2; i++) {
        scenario_raw_server("nothing, closed", prios[i], NULL, 0, 1);
        scenario_raw_server("nothing, open", prios[i], NULL, 0, 0);
        scenario_raw_server("warning unrecognized_name", prios[i], warn_unrec, sizeof warn_unrec, 0);
        scenario_raw_server("warning unrecognized_name, closed", prios[i], warn_unrec, sizeof warn_unrec, 1);
        scenario_raw_server("fatal handshake_failure", prios[i], fatal_hs, sizeof fatal_hs, 1);
        scenario_raw_server("fatal protocol_version", prios[i], fatal_pv, sizeof fatal_pv, 1);
        scenario_raw_server("close_notify", prios[i], close_notify, sizeof close_notify, 0);
        scenario_raw_server("oversized record", prios[i], huge, sizeof huge, 1);
        scenario_raw_server("http reply", prios[i], http, sizeof http - 1, 1);
        scenario_raw_server("short header", prios[i], short_hdr, sizeof short_hdr, 1);
        scenario_raw_server("short body", prios[i], short_body, sizeof short_body, 1);
    }
    scenario_raw_client("http request", "NORMAL", "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    scenario_raw_client("empty", "NORMAL", "");
    scenario_timeout_blocking();
    scenario_custom_pull_no_timeout();

    gnutls_certificate_free_credentials(ccred);
    gnutls_certificate_free_credentials(scred);
    gnutls_global_deinit();
    return 0;
}

static ssize_t my_pull(gnutls_transport_ptr_t p, void *b, size_t n)
{
    return recv((int)(long)p, b, n, 0);
}

static void scenario_custom_pull_no_timeout(void)
{
    int sv[2];
    printf("== custom pull without pull_timeout, handshake timeout set\n");
    pair(sv, 0);
    gnutls_session_t c = new_session(GNUTLS_CLIENT | GNUTLS_NO_SIGNAL, sv[0], "NORMAL");
    gnutls_transport_set_ptr(c, (gnutls_transport_ptr_t)(long)sv[0]);
    gnutls_transport_set_pull_function(c, my_pull);
    gnutls_handshake_set_timeout(c, 200);
    printf("  handshake: %s\n", code(gnutls_handshake(c)));
    gnutls_deinit(c);
    close(sv[0]);
    close(sv[1]);
}
