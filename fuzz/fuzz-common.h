/* Shared pieces of the gnossl fuzz harnesses: a test certificate/key pair
 * for the server side and a memory transport that feeds the fuzzer's bytes
 * to a session through its pull function. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <errno.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* The differential tests' keys and self-signed certificates (rsa_key,
 * rsa_crt, ec_key, ec_crt; CN=localhost, valid until 2126). */
#include "../compat-tests/diff/test-keys.h"

/* Priority strings a harness picks from with the input's first byte. */
static const char *const fuzz_prios[] = {
    "NORMAL:-VERS-ALL:+VERS-TLS1.3",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:+AES-256-CBC:-MAC-ALL:+SHA1:+SHA256",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0:+RSA:+DHE-RSA",
    "NORMAL",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305:-GROUP-ALL:+GROUP-X25519",
    "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:%NO_ETM:%NO_SESSION_HASH",
    "NORMAL:%COMPAT:-VERS-TLS1.0",
};
#define FUZZ_NPRIOS (sizeof fuzz_prios / sizeof fuzz_prios[0])

/* DTLS (fuzz-dtls): priority strings picked with bits 0-1 of the mode byte;
 * the cookie key and client address that gen-seeds' real GnuTLS server and
 * the harness share, so that recorded cookies verify. */
static const char *const fuzz_dtls_prios[] = {
    "NORMAL:-VERS-ALL:+VERS-DTLS1.2",
    "NORMAL:-VERS-ALL:+VERS-DTLS1.0",
    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+AES-128-CBC:+AES-256-CBC:-MAC-ALL:+SHA1:+SHA256",
    "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305:-GROUP-ALL:+GROUP-X25519",
};
static const unsigned char fuzz_cookie_key[16] = "gnossl-fuzz-key";
static const char fuzz_dtls_addr[] = "192.0.2.1:5556";

/* The server's credentials: RSA and ECDSA certificates, the RSA one as the
 * trusted CA for client certificates, FFDHE parameters. */
static gnutls_certificate_credentials_t fuzz_server_cred(void)
{
    gnutls_certificate_credentials_t cred;
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_datum_t k = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_datum_t c = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_certificate_set_x509_key_mem(cred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_datum_t k2 = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c2 = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_set_x509_key_mem(cred, &c2, &k2, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(cred, &c, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_known_dh_params(cred, GNUTLS_SEC_PARAM_MEDIUM);
    return cred;
}

struct fuzz_io {
    gnutls_session_t s;
    const uint8_t *data;
    size_t size, off;
    size_t chunk;     /* 0: give all that is asked; otherwise at most this per pull */
    int eof_at_end;   /* end of input: 1 = EOF (recv 0), 0 = EAGAIN */
    size_t pushed;    /* bytes the session wrote (discarded) */
};

static ssize_t fuzz_push(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    struct fuzz_io *io = p;
    (void)d;
    io->pushed += n;
    return (ssize_t)n;
}

static ssize_t fuzz_pull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct fuzz_io *io = p;
    if (io->off >= io->size) {
        if (io->eof_at_end)
            return 0;
        gnutls_transport_set_errno(io->s, EAGAIN);
        return -1;
    }
    size_t a = io->size - io->off;
    if (n > a)
        n = a;
    if (io->chunk && n > io->chunk)
        n = io->chunk;
    memcpy(d, io->data + io->off, n);
    io->off += n;
    return (ssize_t)n;
}

static int fuzz_pull_timeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct fuzz_io *io = p;
    (void)ms;
    return io->off < io->size || io->eof_at_end ? 1 : 0;
}

static void fuzz_io_attach(struct fuzz_io *io, gnutls_session_t s, const uint8_t *data, size_t size,
                           uint8_t mode)
{
    memset(io, 0, sizeof *io);
    io->s = s;
    io->data = data;
    io->size = size;
    io->eof_at_end = (mode >> 3) & 1;
    static const size_t chunks[4] = {0, 1, 5, 300};
    io->chunk = chunks[(mode >> 4) & 3];
    gnutls_transport_set_ptr(s, io);
    gnutls_transport_set_push_function(s, fuzz_push);
    gnutls_transport_set_pull_function(s, fuzz_pull);
    gnutls_transport_set_pull_timeout_function(s, fuzz_pull_timeout);
}

/* Drive a session over the input: handshake, then read everything, answer,
 * close.  Stops at the first fatal error or when the input is used up
 * (*off >= size: the transport's read position and the input's size). */
static void fuzz_drive_session(gnutls_session_t s, const size_t *off, size_t size)
{
    int r = GNUTLS_E_AGAIN;
    for (int i = 0; i < 200; i++) {
        r = gnutls_handshake(s);
        if (r == 0 || (gnutls_error_is_fatal(r) && r != GNUTLS_E_GOT_APPLICATION_DATA))
            break;
        if ((r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) && *off >= size)
            break;
    }
    if (r != 0)
        return;
    char buf[4096];
    for (int i = 0; i < 200; i++) {
        ssize_t n = gnutls_record_recv(s, buf, sizeof buf);
        if (n > 0) {
            gnutls_record_send(s, buf, (size_t)n);
            continue;
        }
        if (n == 0)
            break;
        if (n == GNUTLS_E_REHANDSHAKE) {
            gnutls_handshake(s);
            continue;
        }
        if (gnutls_error_is_fatal((int)n))
            break;
        if (*off >= size)
            break;
    }
    gnutls_bye(s, GNUTLS_SHUT_WR);
}

static void fuzz_drive(struct fuzz_io *io)
{
    fuzz_drive_session(io->s, &io->off, io->size);
}

#endif
