/* mhd-https-server: a libmicrohttpd HTTPS server (libmicrohttpd does its TLS
 * with GnuTLS) on 127.0.0.1.
 *
 * usage: mhd-https-server PORT CERT KEY CA FILE
 *   GET /file    the contents of FILE (application/octet-stream)
 *   GET /whoami  "client: <subject DN>\n" if the client presented a
 *                certificate that verifies against CA (the program checks it
 *                with gnutls_certificate_verify_peers2 on the session
 *                libmicrohttpd hands out), else 403 with the reason
 * Runs until killed; prints "listening" once the daemon is up.
 */
#include <microhttpd.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *file_data;
static size_t file_len;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned code, const char *text)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text,
                                                             MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(r, "Content-Type", "text/plain");
    enum MHD_Result ret = MHD_queue_response(c, code, r);
    MHD_destroy_response(r);
    return ret;
}

/* Who is the client?  Verification is the application's job in
 * libmicrohttpd: it only requests the certificate. */
static enum MHD_Result whoami(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    char msg[1024];
    if (!ci || !ci->tls_session)
        return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "no TLS session\n");
    gnutls_session_t s = (gnutls_session_t)ci->tls_session;

    unsigned int n = 0;
    const gnutls_datum_t *chain = gnutls_certificate_get_peers(s, &n);
    if (!chain || n == 0)
        return reply(c, MHD_HTTP_FORBIDDEN, "no client certificate\n");

    unsigned int status = 0;
    int ret = gnutls_certificate_verify_peers2(s, &status);
    if (ret < 0) {
        snprintf(msg, sizeof msg, "verify error %d\n", ret);
        return reply(c, MHD_HTTP_FORBIDDEN, msg);
    }
    if (status != 0) {
        gnutls_datum_t out = { NULL, 0 };
        gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &out, 0);
        snprintf(msg, sizeof msg, "untrusted client certificate (status 0x%x)\n", status);
        fprintf(stderr, "refused client: %s\n", out.data ? (char *)out.data : "?");
        gnutls_free(out.data);
        return reply(c, MHD_HTTP_FORBIDDEN, msg);
    }

    gnutls_x509_crt_t crt;
    gnutls_datum_t dn = { NULL, 0 };
    if (gnutls_x509_crt_init(&crt) < 0)
        return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "init\n");
    ret = gnutls_x509_crt_import(crt, &chain[0], GNUTLS_X509_FMT_DER);
    if (ret >= 0)
        ret = gnutls_x509_crt_get_dn3(crt, &dn, 0);
    gnutls_x509_crt_deinit(crt);
    if (ret < 0) {
        snprintf(msg, sizeof msg, "cannot read the client certificate: %d\n", ret);
        return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, msg);
    }
    snprintf(msg, sizeof msg, "client: %s\n", (char *)dn.data);
    gnutls_free(dn.data);
    return reply(c, MHD_HTTP_OK, msg);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version,
                               const char *upload, size_t *upload_size, void **state)
{
    (void)cls; (void)version; (void)upload; (void)upload_size;
    if (*state == NULL) {   /* first call: headers only */
        *state = (void *)1;
        return MHD_YES;
    }
    if (strcmp(method, "GET") != 0)
        return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, "GET only\n");
    if (strcmp(url, "/whoami") == 0)
        return whoami(c);
    if (strcmp(url, "/file") == 0) {
        struct MHD_Response *r = MHD_create_response_from_buffer(file_len, file_data,
                                                                 MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, "Content-Type", "application/octet-stream");
        enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
        MHD_destroy_response(r);
        return ret;
    }
    return reply(c, MHD_HTTP_NOT_FOUND, "not found\n");
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: %s PORT CERT KEY CA FILE\n", argv[0]);
        return 1;
    }
    size_t l;
    char *cert = slurp(argv[2], &l), *key = slurp(argv[3], &l), *ca = slurp(argv[4], &l);
    file_data = slurp(argv[5], &file_len);
    if (!cert || !key || !ca || !file_data) {
        fprintf(stderr, "cannot read an input file\n");
        return 1;
    }
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)atoi(argv[1]));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_TLS | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
        0, NULL, NULL, handler, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_HTTPS_MEM_CERT, cert,
        MHD_OPTION_HTTPS_MEM_KEY, key,
        MHD_OPTION_HTTPS_MEM_TRUST, ca,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)15,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "MHD_start_daemon failed\n");
        return 1;
    }
    printf("listening\n");
    fflush(stdout);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    return 0;
}
