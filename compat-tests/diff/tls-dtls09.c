/* Differential: Cisco's pre-standard DTLS 0.9 as openconnect uses it
 * ("legacy" AnyConnect DTLS): a client without credentials resumes a session
 * whose master secret and ID were agreed over the TLS channel
 * (gnutls_session_set_premaster), sends and receives a line and makes the
 * MTU calls openconnect makes.  The server is ocserv's part, played by this
 * program re-run as "peer" on the real GnuTLS in both runs of run-diff, so
 * the gnossl run is a gnossl client against a real GnuTLS server (OpenSSL
 * 3.0 has no DTLS 0.9 server: src/tls/dtls09.c).  A server with another
 * secret makes both ends time out, as on GnuTLS.  3DES (openconnect's
 * DES-CBC3-SHA) is left out: Debian's OpenSSL has no 3DES suites. */
#include <gnutls/gnutls.h>
#include <gnutls/dtls.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"

struct dtls09_case {
    const char *title, *prio, *server_prio; /* NULL: prio */
    gnutls_cipher_algorithm_t cipher;
    gnutls_mac_algorithm_t mac;
    unsigned char server_key; /* first byte of the server's secret */
    unsigned client_flags;    /* more gnutls_init flags for the client */
};

/* openconnect 9's priority strings and gnutls_init flags, ocserv 1.1's
 * priority string; older ones had no +SIGN-ALL, or %COMPAT on the server */
#define OC9_AES256 "NONE:+VERS-DTLS0.9:+COMP-NULL:+AES-256-CBC:+SHA1:+RSA:+SIGN-ALL:%COMPAT"
#define OC9_FLAGS (GNUTLS_NONBLOCK | GNUTLS_NO_EXTENSIONS)
#define OCSERV_AES256 "NONE:+VERS-DTLS0.9:+COMP-NULL:+AES-256-CBC:+SHA1:+RSA:%NO_SESSION_HASH:%DISABLE_SAFE_RENEGOTIATION"
#define OC_AES128 "NONE:+VERS-DTLS0.9:+COMP-NULL:+AES-128-CBC:+SHA1:+RSA:%COMPAT"
static const struct dtls09_case cases[] = {
    {"AES128-SHA", OC_AES128, NULL, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_MAC_SHA1, 1, 0},
    {"AES256-SHA, openconnect 9 to ocserv", OC9_AES256, OCSERV_AES256, GNUTLS_CIPHER_AES_256_CBC, GNUTLS_MAC_SHA1, 1,
     OC9_FLAGS},
    {"AES256-SHA, openconnect 9's priority on both ends", OC9_AES256, NULL, GNUTLS_CIPHER_AES_256_CBC,
     GNUTLS_MAC_SHA1, 1, OC9_FLAGS},
    {"AES256-SHA, client without %COMPAT", "NONE:+VERS-DTLS0.9:+COMP-NULL:+AES-256-CBC:+SHA1:+RSA", OCSERV_AES256,
     GNUTLS_CIPHER_AES_256_CBC, GNUTLS_MAC_SHA1, 1, OC9_FLAGS},
    {"AES128-SHA, no safe renegotiation", OC_AES128 ":%DISABLE_SAFE_RENEGOTIATION", NULL, GNUTLS_CIPHER_AES_128_CBC,
     GNUTLS_MAC_SHA1, 1, 0},
    {"AES128-SHA, server has another secret", OC_AES128, NULL, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_MAC_SHA1, 2, 0},
};

/* One end's report, printed after both ends finished. */
static char out[8192];
static size_t out_len;

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + out_len, sizeof out - out_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        out_len += (size_t)n < sizeof out - out_len ? (size_t)n : sizeof out - out_len - 1;
}

static int premaster(gnutls_session_t s, unsigned entity, const struct dtls09_case *k)
{
    unsigned char key[48], id[32];
    for (unsigned i = 0; i < sizeof key; i++)
        key[i] = (unsigned char)((entity == GNUTLS_SERVER ? k->server_key : 1) + 5 * i);
    for (unsigned i = 0; i < sizeof id; i++)
        id[i] = (unsigned char)(0x30 + i);
    gnutls_datum_t mk = {key, sizeof key}, sd = {id, sizeof id};
    return gnutls_session_set_premaster(s, entity, GNUTLS_DTLS0_9, GNUTLS_KX_RSA, k->cipher, k->mac,
                                        GNUTLS_COMP_NULL, &mk, &sd);
}

static ssize_t recv_wait(gnutls_session_t s, void *b, size_t n)
{
    ssize_t r;
    do
        r = gnutls_record_recv(s, b, n);
    while (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED);
    return r;
}

/* One end of a pairing, blocking, on fd: what openconnect (client) and
 * ocserv (server) do, then a line each way. */
static void run_end(int server, int fd, const struct dtls09_case *k)
{
    gnutls_session_t s;
    gnutls_certificate_credentials_t cred = NULL;
    const char *me = server ? "server" : "client";

    gnutls_init(&s, (server ? GNUTLS_SERVER : GNUTLS_CLIENT | k->client_flags) | GNUTLS_DATAGRAM);
    int r = gnutls_priority_set_direct(s, server && k->server_prio ? k->server_prio : k->prio, NULL);
    say("  %s priority: %s\n", me, code(r));
    if (server) { /* ocserv sets its certificate; openconnect sets nothing */
        gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
        gnutls_datum_t key = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
        gnutls_certificate_allocate_credentials(&cred);
        gnutls_certificate_set_x509_key_mem(cred, &crt, &key, GNUTLS_X509_FMT_PEM);
        gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
    } else {
        gnutls_record_disable_padding(s);
    }
    say("  %s set_premaster: %s\n", me, code(premaster(s, server ? GNUTLS_SERVER : GNUTLS_CLIENT, k)));
    gnutls_transport_set_int(s, fd);
    gnutls_dtls_set_timeouts(s, 1000, 4000);
    gnutls_dtls_set_mtu(s, 1400);
    do
        r = gnutls_handshake(s);
    while (r < 0 && !gnutls_error_is_fatal(r));
    say("  %s handshake: %s\n", me, code(r));
    if (r == 0) {
        say("  %s version %s cipher %s mac %s kx %s resumed %d etm %u ems %u\n", me,
            gnutls_protocol_get_name(gnutls_protocol_get_version(s)), gnutls_cipher_get_name(gnutls_cipher_get(s)),
            gnutls_mac_get_name(gnutls_mac_get(s)), gnutls_kx_get_name(gnutls_kx_get(s)),
            gnutls_session_is_resumed(s), gnutls_session_etm_status(s), gnutls_session_ext_master_secret_status(s));
        char *d = gnutls_session_get_desc(s);
        say("  %s %s\n", me, d ? d : "(no description)");
        gnutls_free(d);
        say("  %s mtu %u data mtu %u overhead %u\n", me, gnutls_dtls_get_mtu(s), gnutls_dtls_get_data_mtu(s),
            (unsigned)gnutls_record_overhead_size(s));
        /* openconnect: room for the tunnel MTU plus its one-byte header */
        r = gnutls_dtls_set_data_mtu(s, 1301);
        say("  %s set data mtu 1301: %s mtu %u data mtu %u\n", me, code(r), gnutls_dtls_get_mtu(s),
            gnutls_dtls_get_data_mtu(s));
        char buf[2048] = {0};
        const char *line = server ? "from the server" : "from the client";
        if (server) { /* the client speaks first */
            ssize_t n = recv_wait(s, buf, sizeof buf - 1);
            say("  %s received %s '%s'\n", me, code((int)n), n > 0 ? buf : "");
            say("  %s sent %s\n", me, code((int)gnutls_record_send(s, line, strlen(line))));
            n = recv_wait(s, buf, sizeof buf - 1);
            unsigned sum = 0;
            for (ssize_t i = 0; i < n; i++)
                sum = sum * 31 + (unsigned char)buf[i];
            say("  %s received %s, checksum %08x\n", me, code((int)n), sum);
            n = recv_wait(s, buf, sizeof buf - 1);
            say("  %s after bye %s\n", me, code((int)n));
        } else {
            say("  %s sent %s\n", me, code((int)gnutls_record_send(s, line, strlen(line))));
            ssize_t n = recv_wait(s, buf, sizeof buf - 1);
            say("  %s received %s '%s'\n", me, code((int)n), n > 0 ? buf : "");
            /* a full record at the data MTU, and one byte too many */
            unsigned dm = gnutls_dtls_get_data_mtu(s);
            for (unsigned i = 0; i < dm + 1 && i < sizeof buf; i++)
                buf[i] = (char)(i * 7 + 3);
            say("  %s send data mtu + 1: %s\n", me, code((int)gnutls_record_send(s, buf, dm + 1)));
            say("  %s send data mtu: %s\n", me, code((int)gnutls_record_send(s, buf, dm)));
            say("  %s bye %s\n", me, code(gnutls_bye(s, GNUTLS_SHUT_WR)));
        }
    }
    gnutls_deinit(s);
    if (cred != NULL)
        gnutls_certificate_free_credentials(cred);
}

/* Runs the server (this program with "peer") on fd, on the real GnuTLS;
 * its report comes back through a pipe. */
static pid_t start_server(int fd, unsigned idx, int *report)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid != 0) {
        close(p[1]);
        *report = p[0];
        return pid;
    }
    dup2(p[1], 1);
    close(p[0]);
    char fds[16], ids[16], self[PATH_MAX];
    snprintf(fds, sizeof fds, "%d", fd);
    snprintf(ids, sizeof ids, "%u", idx);
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    unsetenv("LD_LIBRARY_PATH"); /* run-diff's gnossl run */
    unsetenv("LD_PRELOAD");
    execl(self, self, "peer", fds, ids, (char *)NULL);
    _exit(127);
}

static void pairing(unsigned idx)
{
    int sv[2], report = -1;
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        abort();
    pid_t pid = start_server(sv[1], idx, &report);
    close(sv[1]);
    out_len = 0;
    out[0] = 0;
    run_end(0, sv[0], &cases[idx]);
    close(sv[0]);
    char theirs[sizeof out];
    size_t tl = 0;
    ssize_t n;
    while (tl < sizeof theirs - 1 && (n = read(report, theirs + tl, sizeof theirs - 1 - tl)) > 0)
        tl += (size_t)n;
    theirs[tl] = 0;
    close(report);
    int st = 0;
    waitpid(pid, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        printf("  server exited abnormally (status %d)\n", st);
    printf("%s%s", out, theirs);
}

static void arg_case(const char *title, unsigned flags, gnutls_protocol_t v, gnutls_cipher_algorithm_t c)
{
    gnutls_session_t s;
    unsigned char key[48] = {1}, id[32] = {2};
    gnutls_datum_t mk = {key, sizeof key}, sd = {id, sizeof id};
    gnutls_init(&s, GNUTLS_CLIENT | flags);
    printf("%s: %s\n", title,
           code(gnutls_session_set_premaster(s, GNUTLS_CLIENT, v, GNUTLS_KX_RSA, c, GNUTLS_MAC_SHA1,
                                             GNUTLS_COMP_NULL, &mk, &sd)));
    if (flags & GNUTLS_DATAGRAM)
        printf("  priority: %s\n", code(gnutls_priority_set_direct(s, cases[0].prio, NULL)));
    gnutls_deinit(s);
}

static void arg_checks(void)
{
    arg_case("DTLS 0.9 client", GNUTLS_DATAGRAM, GNUTLS_DTLS0_9, GNUTLS_CIPHER_AES_128_CBC);
    arg_case("DTLS 0.9 on a stream session", 0, GNUTLS_DTLS0_9, GNUTLS_CIPHER_AES_128_CBC);
    arg_case("DTLS 1.2 on a stream session", 0, GNUTLS_DTLS1_2, GNUTLS_CIPHER_AES_128_CBC);
    arg_case("TLS 1.2 on a datagram session", GNUTLS_DATAGRAM, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_CBC);
    arg_case("DTLS 0.9 with AES-128-GCM and SHA1 (no such suite)", GNUTLS_DATAGRAM, GNUTLS_DTLS0_9,
             GNUTLS_CIPHER_AES_128_GCM);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "peer") == 0) {
        gnutls_global_init();
        run_end(1, atoi(argv[2]), &cases[atoi(argv[3])]);
        fwrite(out, 1, out_len, stdout);
        gnutls_global_deinit();
        return 0;
    }
    gnutls_global_init();
    arg_checks();
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("== %s (%s%s%s)\n", cases[i].title, cases[i].prio, cases[i].server_prio ? ", server " : "",
               cases[i].server_prio ? cases[i].server_prio : "");
        pairing(i);
    }
    gnutls_global_deinit();
    return 0;
}
