/* ossl-srp-client: a TLS-SRP client on OpenSSL's own SRP API, standing in
 * for `openssl s_client -srpuser`, whose SRP code crashes in OpenSSL 3.0's
 * apps (a segfault in its password prompt once the server's parameters
 * arrive, whatever the server).
 *
 * usage: ossl-srp-client PORT USER PASSWORD
 * Connects to 127.0.0.1:PORT with TLS 1.2 and the SRP suites only, sends
 * "hello srp\n", prints the negotiated suite and the first line received.
 * Exit 0 iff the handshake completed and the line came back. */
#define OPENSSL_SUPPRESS_DEPRECATED /* the SRP API is deprecated in OpenSSL 3 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct sockaddr_in sa;
    char line[256];
    int fd, n, got = 0;
    SSL_CTX *ctx;
    SSL *ssl;

    if (argc != 4) {
        fprintf(stderr, "usage: %s PORT USER PASSWORD\n", argv[0]);
        return 2;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)atoi(argv[1]));
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        perror("connect");
        return 1;
    }
    ctx = SSL_CTX_new(TLS_client_method());
    if (ctx == NULL || !SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) ||
        !SSL_CTX_set_cipher_list(ctx, "SRP") || !SSL_CTX_set_srp_username(ctx, argv[2]) ||
        !SSL_CTX_set_srp_password(ctx, argv[3])) {
        ERR_print_errors_fp(stdout);
        return 1;
    }
    ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) != 1) {
        printf("handshake failed\n");
        ERR_print_errors_fp(stdout);
        return 1;
    }
    printf("cipher: %s\n", SSL_get_cipher_name(ssl));
    if (SSL_write(ssl, "hello srp\n", 10) != 10) {
        printf("write failed\n");
        return 1;
    }
    while (got < (int)sizeof(line) - 1 && (n = SSL_read(ssl, line + got, (int)sizeof(line) - 1 - got)) > 0) {
        got += n;
        if (memchr(line, '\n', (size_t)got) != NULL)
            break;
    }
    line[got] = 0;
    printf("received: %s", got > 0 ? line : "(nothing)\n");
    SSL_shutdown(ssl);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    close(fd);
    return strncmp(line, "hello srp", 9) == 0 ? 0 : 1;
}
