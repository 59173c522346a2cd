/* Differential test of gnutls_record_send_file (src/tls/record-send-file.c):
 * a file's bytes arrive as records, whole or from an offset (seek relative
 * to the current position, position restored, offset advanced), past its
 * end, and a bad descriptor gives GnuTLS's error.  The server first calls
 * the defunct gnutls_record_disable_padding (no effect). */
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test-keys.h"
#include "sock-pair.h"

static gnutls_session_t c, s;

static void drain(const char *what, ssize_t sent)
{
    char buf[65536];
    size_t got = 0;
    unsigned sum = 0;
    ssize_t r;

    while (got < (size_t)(sent > 0 ? sent : 0) && (r = gnutls_record_recv(c, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < r; i++)
            sum = sum * 31 + (unsigned char)buf[i];
        got += (size_t)r;
    }
    printf("%s: sent %zd, received %zu, checksum %08x\n", what, sent, got, sum);
}

int main(void)
{
    gnutls_certificate_credentials_t sx, cx;
    gnutls_datum_t k = {(unsigned char *)rsa_key, strlen(rsa_key)}, ce = {(unsigned char *)rsa_crt, strlen(rsa_crt)};
    char path[] = "/tmp/gnossl-send-file-XXXXXX";
    unsigned char data[40000];
    int fds[2], fd, rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    off_t off;

    gnutls_global_init();
    for (unsigned i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i * 7 + i / 251);
    fd = mkstemp(path);
    if (fd < 0 || write(fd, data, sizeof data) != (ssize_t)sizeof data)
        return 1;
    unlink(path);

    gnutls_certificate_allocate_credentials(&sx);
    gnutls_certificate_set_x509_key_mem(sx, &ce, &k, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&cx);
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_set_default_priority(s);
    gnutls_set_default_priority(c);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, sx);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cx);
    sock_pair(fds, SOCK_STREAM);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_transport_set_int(c, fds[1]);
    for (int i = 0; i < 1000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0 && !gnutls_error_is_fatal(rc))
            rc = gnutls_handshake(c);
        if (rs != 0 && !gnutls_error_is_fatal(rs))
            rs = gnutls_handshake(s);
    }
    printf("handshake: %d %d\n", rc, rs);
    /* blocking from here: the socket buffers hold what one call sends */
    fcntl(fds[0], F_SETFL, 0);
    fcntl(fds[1], F_SETFL, 0);

    gnutls_record_disable_padding(s); /* defunct in GnuTLS: changes nothing */
    lseek(fd, 0, SEEK_SET);
    drain("whole, 20000 bytes from the start", gnutls_record_send_file(s, fd, NULL, 20000));
    printf("  position now %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    lseek(fd, 1000, SEEK_SET);
    off = 500;
    drain("offset 500 from position 1000, 3000 bytes", gnutls_record_send_file(s, fd, &off, 3000));
    printf("  offset now %ld, position %ld\n", (long)off, (long)lseek(fd, 0, SEEK_CUR));
    lseek(fd, 39000, SEEK_SET);
    drain("past the end", gnutls_record_send_file(s, fd, NULL, 5000));
    drain("zero bytes", gnutls_record_send_file(s, fd, NULL, 0));
    printf("bad descriptor: %zd\n", gnutls_record_send_file(s, -1, NULL, 10));
    off = 0;
    printf("bad descriptor with offset: %zd\n", gnutls_record_send_file(s, -1, &off, 10));

    close(fd);
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(fds[0]);
    close(fds[1]);
    gnutls_certificate_free_credentials(sx);
    gnutls_certificate_free_credentials(cx);
    gnutls_global_deinit();
    return 0;
}
