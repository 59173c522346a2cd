/* Differential against a real GnuTLS peer: this program forks and re-execs
 * itself for the peer role with LD_LIBRARY_PATH/LD_PRELOAD removed, so the
 * peer always runs on the real GnuTLS while this process runs on the
 * library under test (real GnuTLS in the reference run, gnossl in the
 * other).  Both roles use only the public GnuTLS API; only the process
 * under test prints.  Scenarios: warning alerts (then data both ways and
 * bye; also over DTLS 1.2 and 1.0, AEAD and CBC) and fatal alerts sent by
 * the peer, TLS 1.3 tickets and key updates, close_notify versus a bare
 * close (then bye, whose close_notify the closed socket refuses), bye in
 * both modes, a HelloRequest (TLS 1.2, 1.0, DTLS 1.2 and 1.0) refused with
 * no_renegotiation, with this process as client and as server, or accepted
 * (this process the client, or over DTLS also the server); fatal alerts this process
 * sends after data (TLS 1.3, 1.2, 1.0 CBC with and without
 * encrypt-then-MAC, DTLS 1.2 and 1.0 with AEAD and CBC suites), which the
 * peer reports (its line is printed by the peer, this process's result
 * after the peer has finished); warning alerts this process sends, then
 * data (TLS 1.2, 1.0 CBC, DTLS), as the peer reads them; a warning the peer
 * sends inside the handshake (TLS 1.2, DTLS; a DTLS server peer also before
 * its ServerHello and, at epoch 1, before its Finished). */
#include <gnutls/gnutls.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"

static int is_peer;
#define SAY(...)                                                                                   \
    do {                                                                                           \
        if (!is_peer) {                                                                            \
            printf(__VA_ARGS__);                                                                   \
            fflush(stdout);                                                                        \
        }                                                                                          \
    } while (0)

static gnutls_certificate_credentials_t cred;
static gnutls_datum_t ticket_key;
static char after_peer[256]; /* printed once the peer has exited */

static int is_dtls(const char *prio)
{
    return strstr(prio, "DTLS") != NULL;
}

/* "hs-warning": the actor sends a warning inside the handshake, before
 * its ClientKeyExchange (client) or ServerHelloDone (server); DTLS, the
 * actor the server: "hs-warning-hello" before its ServerHello,
 * "hs-warning-finished" before its Finished (epoch 1). */
static int hs_warning;
static gnutls_handshake_description_t hs_warning_before;

static int warning_hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
    (void)htype, (void)when, (void)msg;
    if (hs_warning && !incoming) {
        hs_warning = 0;
        gnutls_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED);
    }
    return 0;
}

static gnutls_session_t open_session(int server, int fd, const char *prio, int tickets, int pha)
{
    gnutls_session_t s;
    gnutls_init(&s, (server ? GNUTLS_SERVER : GNUTLS_CLIENT) | GNUTLS_NO_SIGNAL | (pha ? GNUTLS_POST_HANDSHAKE_AUTH : 0) |
                        (is_dtls(prio) ? GNUTLS_DATAGRAM : 0));
    if (server && pha)
        gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
    if (server && tickets)
        gnutls_session_ticket_enable_server(s, &ticket_key);
    gnutls_transport_set_int(s, fd);
    if (is_dtls(prio)) /* a peer that never ran costs 10 s, not 60 */
        gnutls_handshake_set_timeout(s, 10000);
    if (hs_warning)
        gnutls_handshake_set_hook_function(
            s, hs_warning_before, GNUTLS_HOOK_PRE, warning_hook);
    int r;
    do {
        r = gnutls_handshake(s);
        if (r == GNUTLS_E_WARNING_ALERT_RECEIVED)
            SAY("  handshake: %s (%s)\n", code(r), gnutls_alert_get_strname(gnutls_alert_get(s)));
    } while (r < 0 && !gnutls_error_is_fatal(r));
    SAY("  handshake: %s\n", code(r));
    if (r < 0) {
        gnutls_deinit(s);
        return NULL;
    }
    return s;
}

/* recv once, printing the outcome (AGAIN included: blocking sockets). */
static long rd(gnutls_session_t s, const char *who)
{
    char buf[256];
    long r = gnutls_record_recv(s, buf, sizeof buf - 1);
    if (r > 0) {
        buf[r] = 0;
        SAY("  %s recv: %ld '%s'\n", who, r, buf);
    } else {
        SAY("  %s recv: %s", who, code(r));
        if (r == GNUTLS_E_WARNING_ALERT_RECEIVED || r == GNUTLS_E_FATAL_ALERT_RECEIVED)
            SAY(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(s)));
        SAY("\n");
    }
    return r;
}

/* recv until data, EOF or a fatal error, showing every step */
static long rd_until(gnutls_session_t s, const char *who)
{
    long r;
    int n = 0;
    do
        r = rd(s, who);
    while (r < 0 && !gnutls_error_is_fatal((int)r) && ++n < 10);
    return r;
}

static void wr(gnutls_session_t s, const char *msg)
{
    long r = gnutls_record_send(s, msg, strlen(msg));
    SAY("  send '%s': %s\n", msg, code(r));
}

/* Run one scenario; `server` says which side this process plays. */
static void scenario(const char *name, int server, int fd, const char *prio)
{
    int tickets = strstr(name, "ticket") != NULL;
    hs_warning = is_peer && !strncmp(name, "hs-warning", 10);
    hs_warning_before = !strcmp(name, "hs-warning-hello")      ? GNUTLS_HANDSHAKE_SERVER_HELLO
                        : !strcmp(name, "hs-warning-finished") ? GNUTLS_HANDSHAKE_FINISHED
                        : server                               ? GNUTLS_HANDSHAKE_SERVER_HELLO_DONE
                                                               : GNUTLS_HANDSHAKE_CLIENT_KEY_EXCHANGE;
    gnutls_session_t s = open_session(server, fd, prio, tickets, strstr(name, "reauth") != NULL);
    if (s == NULL)
        return;
    /* the "actor" is the peer (real GnuTLS) in every scenario */
    int actor = is_peer;
    if (!strcmp(name, "warning-alert")) {
        /* then data both ways (the actor echoes what it got) and bye; a
         * read that waits in vain ends (DTLS has no EOF to stop it) */
        gnutls_record_set_timeout(s, 10000);
        if (actor) {
            gnutls_alert_send(s, GNUTLS_AL_WARNING, server ? GNUTLS_A_USER_CANCELED : GNUTLS_A_NO_RENEGOTIATION);
            wr(s, "after-warning");
            wr(s, "more");
            char buf[64], echo[96];
            long r;
            int n = 0;
            do
                r = gnutls_record_recv(s, buf, sizeof buf - 1);
            while (r < 0 && !gnutls_error_is_fatal((int)r) && ++n < 10);
            buf[r > 0 ? r : 0] = 0;
            snprintf(echo, sizeof echo, "echo %s '%s'", code(r), buf);
            wr(s, echo);
            gnutls_bye(s, GNUTLS_SHUT_RDWR);
        } else {
            rd_until(s, "A");
            rd_until(s, "A");
            wr(s, "reply");
            rd_until(s, "A");
            SAY("  bye RDWR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_RDWR)));
            rd(s, "A");
        }
    } else if (!strncmp(name, "hs-warning", 10)) {
        if (actor) {
            wr(s, "after-handshake");
            rd_until(s, "P");
            gnutls_bye(s, GNUTLS_SHUT_RDWR);
        } else {
            rd_until(s, "A");
            wr(s, "reply");
            SAY("  bye RDWR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_RDWR)));
        }
    } else if (!strcmp(name, "warning-out")) {
        /* this process sends a warning, then data; the peer (real GnuTLS)
         * tells what it read, then both close */
        gnutls_record_set_timeout(s, 10000);
        if (actor) {
            char buf[64], echo[160];
            wr(s, "go");
            long r1 = gnutls_record_recv(s, buf, sizeof buf - 1), r2 = r1;
            int n = 0;
            while (r2 < 0 && !gnutls_error_is_fatal((int)r2) && ++n < 10)
                r2 = gnutls_record_recv(s, buf, sizeof buf - 1);
            buf[r2 > 0 ? r2 : 0] = 0;
            snprintf(echo, sizeof echo, "peer read %s (%s) then %s '%s'", code(r1),
                     gnutls_alert_get_strname(gnutls_alert_get(s)), code(r2), buf);
            wr(s, echo);
            gnutls_bye(s, GNUTLS_SHUT_RDWR);
        } else {
            rd_until(s, "A");
            int a = gnutls_alert_send(s, GNUTLS_AL_WARNING, server ? GNUTLS_A_USER_CANCELED : GNUTLS_A_NO_RENEGOTIATION);
            SAY("  alert_send: %s\n", code(a));
            wr(s, "after-warning");
            rd_until(s, "A");
            SAY("  bye RDWR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_RDWR)));
        }
    } else if (!strcmp(name, "fatal-alert")) {
        if (actor) {
            gnutls_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
        } else {
            rd_until(s, "A");
            rd(s, "A");
            wr(s, "x");
        }
    } else if (!strcmp(name, "tickets") || !strcmp(name, "ticket-data")) {
        if (actor) {
            wr(s, "hello");
            rd_until(s, "P");
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            rd_until(s, "A");
            SAY("  ticket flag: %d\n", !!(gnutls_session_get_flags(s) & GNUTLS_SFLAGS_SESSION_TICKET));
            wr(s, "bye");
            rd_until(s, "A");
        }
    } else if (!strcmp(name, "key-update")) {
        if (actor) {
            rd_until(s, "P");
            int r;
            do
                r = gnutls_session_key_update(s, GNUTLS_KU_PEER);
            while (r == GNUTLS_E_AGAIN);
            wr(s, "after-update");
            rd_until(s, "P");
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            wr(s, "go");
            rd_until(s, "A");
            wr(s, "reply");
            rd_until(s, "A");
        }
    } else if (!strcmp(name, "bare-close")) {
        if (actor) {
            wr(s, "last");
            /* close without close_notify (shutdown so the socket end is
             * seen even while the parent holds its copy) */
            shutdown(fd, SHUT_RDWR);
        } else {
            rd_until(s, "A");
            rd_until(s, "A");
            rd(s, "A");
            /* the peer is gone: bye's close_notify meets EPIPE (SIGPIPE
             * ignored: GnuTLS's default push raises it) */
            void (*old)(int) = signal(SIGPIPE, SIG_IGN);
            SAY("  bye RDWR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_RDWR)));
            SAY("  bye WR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_WR)));
            signal(SIGPIPE, old);
        }
    } else if (!strcmp(name, "reauth")) {
        int pserver = server; /* this side's role */
        if ((actor && pserver) || (!actor && pserver)) {
            /* the server asks for the client's certificate */
            rd_until(s, actor ? "P" : "A");
            int r;
            int n = 0;
            do {
                r = gnutls_reauth(s, 0);
                if (r == GNUTLS_E_GOT_APPLICATION_DATA)
                    rd(s, actor ? "P" : "A");
            } while (r < 0 && !gnutls_error_is_fatal(r) && ++n < 100);
            SAY("  server reauth: %s\n", code(r));
            unsigned nc = 0;
            gnutls_certificate_get_peers(s, &nc);
            SAY("  client certificates: %u\n", nc);
            wr(s, "authenticated");
            rd_until(s, actor ? "P" : "A");
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            /* the client answers */
            wr(s, "go");
            long r;
            int n = 0;
            do {
                r = rd(s, actor ? "P" : "A");
                if (r == GNUTLS_E_REAUTH_REQUEST)
                    SAY("  client reauth: %s\n", code(gnutls_reauth(s, 0)));
            } while (r < 0 && !gnutls_error_is_fatal((int)r) && ++n < 10);
            wr(s, "done");
            rd_until(s, actor ? "P" : "A");
        }
    } else if (!strcmp(name, "rehandshake")) {
        /* the server asks, the client accepts (this process either side) */
        const char *me = actor ? "P" : "A";
        if (server) {
            rd_until(s, me);
            int r = gnutls_rehandshake(s);
            SAY("  rehandshake: %s\n", code(r));
            long q;
            do {
                q = gnutls_record_recv(s, (char[64]){0}, 64);
                if (q != GNUTLS_E_AGAIN)
                    SAY("  %s recv: %s\n", me, code((int)q));
                if (q == GNUTLS_E_REHANDSHAKE) {
                    do
                        r = gnutls_handshake(s);
                    while (r < 0 && !gnutls_error_is_fatal(r));
                    SAY("  server handshake: %s\n", code(r));
                    q = GNUTLS_E_AGAIN;
                }
            } while (q == GNUTLS_E_AGAIN || q == GNUTLS_E_INTERRUPTED);
            wr(s, "renegotiated");
            rd_until(s, me);
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            wr(s, "go");
            long r = rd(s, me);
            if (r == GNUTLS_E_REHANDSHAKE) {
                int h;
                do
                    h = gnutls_handshake(s);
                while (h < 0 && !gnutls_error_is_fatal(h));
                SAY("  rehandshake: %s\n", code(h));
            }
            wr(s, "after");
            rd_until(s, me);
            wr(s, "done");
            rd_until(s, me);
        }
    } else if (!strcmp(name, "reneg-refused")) {
        /* TLS 1.2: the client refuses the server's HelloRequest with a
         * no_renegotiation warning; the server reports it and both go on */
        const char *me = actor ? "P" : "A";
        if (server) {
            rd_until(s, me);
            int r = gnutls_rehandshake(s);
            SAY("  rehandshake: %s\n", code(r));
            do
                r = gnutls_handshake(s);
            while (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED);
            char msg[128];
            snprintf(msg, sizeof msg, "server handshake %s %s", code(r), gnutls_alert_get_strname(gnutls_alert_get(s)));
            wr(s, msg);
            rd_until(s, me);
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            wr(s, "go");
            long r = rd(s, me);
            if (r == GNUTLS_E_REHANDSHAKE) {
                int a = gnutls_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
                SAY("  alert_send: %s\n", code(a));
            }
            rd_until(s, me);
            wr(s, "after");
            rd_until(s, me);
        }
    } else if (!strcmp(name, "alert-out")) {
        /* this process sends a fatal alert after data both ways; the peer
         * (real GnuTLS) reports what it received */
        if (actor) {
            wr(s, "go");
            rd_until(s, "P");
            long r;
            int n = 0;
            do
                r = gnutls_record_recv(s, (char[64]){0}, 64);
            while (r < 0 && !gnutls_error_is_fatal((int)r) && ++n < 10);
            printf("  peer recv: %s", code(r));
            if (r == GNUTLS_E_WARNING_ALERT_RECEIVED || r == GNUTLS_E_FATAL_ALERT_RECEIVED)
                printf(" (%s)", gnutls_alert_get_strname(gnutls_alert_get(s)));
            printf("\n");
            fflush(stdout);
        } else {
            rd_until(s, "A");
            wr(s, "reply");
            int a = gnutls_alert_send(s, GNUTLS_AL_FATAL, server ? GNUTLS_A_ACCESS_DENIED : GNUTLS_A_USER_CANCELED);
            snprintf(after_peer, sizeof after_peer, "  alert_send: %s\n", code(a));
        }
    } else if (!strcmp(name, "bye-rdwr")) {
        if (actor) {
            rd_until(s, "P");
            gnutls_bye(s, GNUTLS_SHUT_WR);
        } else {
            int r = gnutls_bye(s, GNUTLS_SHUT_RDWR);
            SAY("  bye RDWR: %s\n", code(r));
            rd(s, "A");
            wr(s, "x");
        }
    } else if (!strcmp(name, "peer-bye-rdwr")) {
        if (actor) {
            wr(s, "data-before-bye");
            gnutls_bye(s, GNUTLS_SHUT_RDWR);
        } else {
            rd_until(s, "A");
            rd_until(s, "A");
            SAY("  bye WR: %s\n", code(gnutls_bye(s, GNUTLS_SHUT_WR)));
        }
    }
    gnutls_deinit(s);
}

static const char *const names[] = {"warning-alert", "fatal-alert", "tickets",       "ticket-data",
                                    "key-update",    "bare-close",  "bye-rdwr",      "peer-bye-rdwr",
                                    "rehandshake",   "reauth",      "reneg-refused", "alert-out",
                                    "warning-out",   "hs-warning",  "hs-warning-hello", "hs-warning-finished"};
/* after the first two: only alert-out (DTLS: also the warning scenarios) */
static const char *const prios[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.3",
                                    "NORMAL:-VERS-ALL:+VERS-TLS1.2",
                                    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC",
                                    "NORMAL:-VERS-ALL:+VERS-TLS1.0:-CIPHER-ALL:+AES-128-CBC",
                                    "NORMAL:-VERS-ALL:+VERS-TLS1.0:-CIPHER-ALL:+AES-256-CBC:%NO_ETM",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-GCM",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-256-CBC:-MAC-ALL:+SHA256",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:%NO_ETM",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.0:-CIPHER-ALL:+AES-128-CBC",
                                    "NORMAL:-VERS-ALL:+VERS-DTLS1.0:-CIPHER-ALL:+AES-256-CBC:%NO_ETM"};

int main(int argc, char **argv)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, (unsigned)strlen(rsa_key)};
    gnutls_datum_t c = {(unsigned char *)rsa_crt, (unsigned)strlen(rsa_crt)};
    gnutls_certificate_set_x509_key_mem(cred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_session_ticket_key_generate(&ticket_key);

    if (argc == 6 && !strcmp(argv[1], "--peer")) {
        /* --peer <fd> <scenario> <prio index> <server?> */
        is_peer = 1;
        scenario(argv[3], atoi(argv[5]), atoi(argv[2]), prios[atoi(argv[4])]);
        return 0;
    }
    for (int pi = 0; pi < (int)(sizeof prios / sizeof prios[0]); pi++)
        for (int server = 0; server < 2; server++)
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
                /* TLS 1.0: also the HelloRequest accepted and refused, and
                 * warnings this process sends */
                int tls10 = strstr(prios[pi], "+VERS-TLS1.0") != NULL;
                int dtls = is_dtls(prios[pi]);
                if (pi >= 2 && strcmp(names[i], "alert-out") != 0 && !(dtls && strstr(names[i], "warning") != NULL) &&
                    !(dtls && (!strcmp(names[i], "rehandshake") || !strcmp(names[i], "reneg-refused"))) &&
                    !(tls10 && (!strcmp(names[i], "rehandshake") || !strcmp(names[i], "reneg-refused") ||
                                !strcmp(names[i], "warning-out"))))
                    continue;
                if (server && strstr(names[i], "ticket"))
                    continue; /* tickets: the peer must be the server */
                if (pi == 1 && !strcmp(names[i], "key-update"))
                    continue;
                if ((pi == 0 || (server && !dtls)) && !strcmp(names[i], "rehandshake"))
                    continue; /* server-initiated, TLS 1.2 (this side the client), DTLS */
                if (pi == 0 && !strcmp(names[i], "reneg-refused"))
                    continue; /* TLS 1.2 only, both directions */
                if ((pi == 1 || server) && !strcmp(names[i], "reauth"))
                    continue; /* TLS 1.3, the peer (real GnuTLS) asks */
                if (pi == 0 && (!strcmp(names[i], "warning-out") || !strncmp(names[i], "hs-warning", 10)))
                    continue; /* (TLS 1.3: the peer ends the session; no such messages) */
                if (!strncmp(names[i], "hs-warning-", 11) && (!dtls || server))
                    continue; /* (the peer a DTLS server) */
                printf("== %s, %s, this side is the %s\n", names[i], prios[pi], server ? "server" : "client");
                fflush(stdout);
                int sv[2];
                if (socketpair(AF_UNIX, is_dtls(prios[pi]) ? SOCK_DGRAM : SOCK_STREAM, 0, sv) != 0)
                    return 1;
                pid_t pid = fork();
                if (pid == 0) {
                    close(sv[0]);
                    char fd[16], pis[16], srv[16];
                    snprintf(fd, sizeof fd, "%d", sv[1]);
                    snprintf(pis, sizeof pis, "%d", pi);
                    snprintf(srv, sizeof srv, "%d", !server);
                    unsetenv("LD_LIBRARY_PATH");
                    unsetenv("LD_PRELOAD");
                    /* readlink, not exec of /proc/self/exe: under valgrind
                     * that link names the tool, readlink names this program */
                    char self[4096];
                    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
                    if (n <= 0)
                        _exit(127);
                    self[n] = 0;
                    execl(self, argv[0], "--peer", fd, names[i], pis, srv, (char *)NULL);
                    _exit(127);
                }
                close(sv[1]);
                scenario(names[i], server, sv[0], prios[pi]);
                close(sv[0]);
                int st;
                waitpid(pid, &st, 0);
                fputs(after_peer, stdout);
                after_peer[0] = 0;
            }
    gnutls_free(ticket_key.data);
    gnutls_certificate_free_credentials(cred);
    gnutls_global_deinit();
    return 0;
}
