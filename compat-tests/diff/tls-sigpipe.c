/* Differential: SIGPIPE.  A server on the default transport (a socket, no
 * GNUTLS_NO_SIGNAL) whose client has gone: GnuTLS sends no alert of its own
 * when a handshake fails, so a broken or vanished client must not kill the
 * server with SIGPIPE; where GnuTLS itself writes (its ServerHello, the
 * application's gnutls_bye) the signal is raised, with or without
 * GNUTLS_NO_SIGNAL deciding.  Each case runs in a child; the output says
 * how the child ended. */
#include "tls-pair.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-keys.h"

static gnutls_certificate_credentials_t cred;

/* The first bytes of a real ClientHello (a record header and the start of
 * the message), then garbage. */
static const unsigned char hello_start[] = {0x16, 0x03, 0x01, 0x00, 0x40, 0x01, 0x00, 0x00, 0x3c, 0x03, 0x03};
static const unsigned char garbage[] = {0x16, 0x03, 0x01, 0x00, 0x08, 0x0f, 0x00, 0x00, 0x04, 1, 2, 3, 4};

static void run(const char *name, unsigned flags, const unsigned char *send, size_t n, int shut_how, int bye)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int sv[2];
        socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
        gnutls_session_t s;
        gnutls_init(&s, GNUTLS_SERVER | flags);
        gnutls_priority_set_direct(s, "NORMAL", NULL);
        gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
        gnutls_transport_set_int(s, sv[0]);
        if (n > 0 && write(sv[1], send, n) != (ssize_t)n)
            _exit(3);
        if (shut_how >= 0)
            shutdown(sv[1], shut_how);
        else
            close(sv[1]);
        int r = gnutls_handshake(s);
        printf("  handshake: %s\n", tp_code(r));
        if (bye)
            printf("  bye: %s\n", tp_code(gnutls_bye(s, GNUTLS_SHUT_WR)));
        fflush(stdout);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    printf("%s: %s\n", name, WIFSIGNALED(st) ? (WTERMSIG(st) == SIGPIPE ? "killed by SIGPIPE" : "killed") : "exited");
}

int main(void)
{
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_set_x509_key_mem(cred, &c, &k, GNUTLS_X509_FMT_PEM);
    for (int nosig = 0; nosig < 2; nosig++) {
        unsigned f = nosig ? GNUTLS_NO_SIGNAL : 0;
        printf("== %s\n", nosig ? "GNUTLS_NO_SIGNAL" : "default");
        run("client gone before anything", f, NULL, 0, -1, 0);
        run("client gone after half a hello", f, hello_start, sizeof hello_start, -1, 0);
        run("client sent garbage and left", f, garbage, sizeof garbage, -1, 0);
        run("client sent garbage and left, then bye", f, garbage, sizeof garbage, -1, 1);
        run("client sent garbage, still reading", f, garbage, sizeof garbage, SHUT_WR, 0);
    }
    gnutls_certificate_free_credentials(cred);
    gnutls_global_deinit();
    return 0;
}
