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

/* Test keys and self-signed certificates (CN=localhost, valid until 2126). */
static const char rsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQDAi0kQK5M+1+gG\n"
    "pOPlTF35ZfduDtXS1DDm3KC6O8mLWUj3Od8zjw2crcGWp7QhbW5R4YYv/vV+fxnd\n"
    "sX0bkgw4YAnM18uqanHZt87XRCrweKSEz/8Fi8rkMrVDCxhmVDFg/V6x6WxbZdJI\n"
    "EguneLXiCU+PzPwDUH8LavoQU1jvnwLkwyOWYaTEG9ltKzuYaU32yHgRJBxJcAoW\n"
    "+MgmNfP9UTsz/qDWKRHU5+gKY4+gU4YTyWcUr779DWcJA+tYKBLp5/NEWASvYx0G\n"
    "ag4h9l1hX0Rydj2TXDRgIePjagGr8hN91/xN+T0cYIwDiKS2KvVVUl553U2xUGwx\n"
    "FeK8sEPTAgMBAAECggEAERyP0A2/VpzDicufq/d/Jon8VQihJ3fPfMTrd9bru3mi\n"
    "NW6Bj/MiXOPy9MZPXjp7zRpuMtfFeN9811SjGg8pt4eOzL36OK6gaElLQEWroewR\n"
    "hZ135vCchcPyk1RqGmCtyWvbEulRcEdP9TMSsWiAlD0K7WxkkpArKkLwmat+l5Ty\n"
    "Rxz9jj09iZZPOJ1jDSR0gMC2HyfOIsAMruWisGmzYdwmU172ji8fzvGI5BmFffgl\n"
    "lZiN3ky1rcV32i9flhO2R/4uFN0vMcrLcYnkOwPlaIwCcymrcIZaxjMLhwBw3NQx\n"
    "iiqGcJrg8QPV9jONu7euOqJRH+ZU5VF45oZSKPZpCQKBgQDqf4x33SK9WA1GTmNU\n"
    "hrgOX4jcL6QtYYF+3p1ii726YRDt7AMyJYQA1a8TSI9IbAQ6dNA/dKk6vyIGcBQz\n"
    "McD4nTFS4GLsvLYs3+sj4TsfD68sbYcF9AlbDjep8HLpd8AWB5kZ7qHHmBjJtKyd\n"
    "aUtlqlgTbGuiXpwQY+/DbSSKlwKBgQDSMu7/ROjh0Xqmcs7VKCFf8jVMzLaCvcHw\n"
    "9dOgw0GKjFEN/pisCuy9gvcGeFIe0ZsihWafY+ai9XpB6x6c94kBJFRBWKoP8w6T\n"
    "69UWuSiUyRda/zNZGzzYJyB2XlSW9DnMMFePPGY0ExhZTSqmTC5fSl+HXKSTj0Gd\n"
    "mZTp6M0kJQJ/BJR5Kd4nz4rot3bQedYnwiAbjDFiA4DkBpZSfJo+GmXK7tqtNU2G\n"
    "Rn3l7Xp9UezKKFoftx2QMJWLFJUbz+Qo4LIxRG0dgYIuDLJS5WCAxxqHUVbSTEt3\n"
    "409jxu3rUKQGHGgJlXgTsNJHqajdtjVYQ6QQFFEJySIP6kIJbMe07wKBgQDAcxe0\n"
    "qf/aePOln6nVKUfdU6IPLcLQUzJVDo1zPDIuyqePe5GGuv3jyRuoVdNCGkDCS4cY\n"
    "2duZSc1kuwMtTcmnPP7TUX1q2ut27U4M3vvTtYVnsA3wQGrlsHUdSuKBzxt34q7Y\n"
    "GsGsXetGH8uztD4kyrBJ+71GyLuXsrzPqHDh7QKBgA7TlrdH5Cwevi6wYkyTH3aX\n"
    "dOISpRAh/AnYfS03WCb6/HBB8EbGwyPkgIvMgTOnXAXMd+c3/DdadKZ4LGyZBAO2\n"
    "os9spzs+NSOxKepWlIeYUywmsmaM/fzcuvTCMh+RZIJaGb86Enn3+7KCvpBNvzRT\n"
    "yoWEGm6OVNqeaudnZiyi\n"
    "-----END PRIVATE KEY-----\n";

static const char rsa_crt[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDITCCAgmgAwIBAgIUJviVrWonO7+pMFIZuki5aao9MhYwDQYJKoZIhvcNAQEL\n"
    "BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMTM0OFoYDzIxMjYx\n"
    "MDMwMjIxMzQ4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB\n"
    "AQUAA4IBDwAwggEKAoIBAQDAi0kQK5M+1+gGpOPlTF35ZfduDtXS1DDm3KC6O8mL\n"
    "WUj3Od8zjw2crcGWp7QhbW5R4YYv/vV+fxndsX0bkgw4YAnM18uqanHZt87XRCrw\n"
    "eKSEz/8Fi8rkMrVDCxhmVDFg/V6x6WxbZdJIEguneLXiCU+PzPwDUH8LavoQU1jv\n"
    "nwLkwyOWYaTEG9ltKzuYaU32yHgRJBxJcAoW+MgmNfP9UTsz/qDWKRHU5+gKY4+g\n"
    "U4YTyWcUr779DWcJA+tYKBLp5/NEWASvYx0Gag4h9l1hX0Rydj2TXDRgIePjagGr\n"
    "8hN91/xN+T0cYIwDiKS2KvVVUl553U2xUGwxFeK8sEPTAgMBAAGjaTBnMB0GA1Ud\n"
    "DgQWBBTlunuUndHP+0HbwXD4naT5PlVNqjAfBgNVHSMEGDAWgBTlunuUndHP+0Hb\n"
    "wXD4naT5PlVNqjAPBgNVHRMBAf8EBTADAQH/MBQGA1UdEQQNMAuCCWxvY2FsaG9z\n"
    "dDANBgkqhkiG9w0BAQsFAAOCAQEAE5Xz551gUk8QqOtex/CeWUxaZlp+RUN7bfkv\n"
    "9vnyJ6Iy1+pcnZdmBGDD3RYk3Gytb7bvluFaJ4BUEvd+sSdHwVKz374YsW7nlWZa\n"
    "DUZ+I955PzX/hlKnpyZc2lipvT7emidUckiyy2fEW3c5hx1JEQUl0uBghZlGSolU\n"
    "uHZ8D8MUMegOi5YAiTiP79RdWuhz6Lh6wugGcOwPm1SHNmzTQ6PBWHw79cE+b8KT\n"
    "inDEIKBRV95B4Ykj/qoQOuTsbsWekqHXIoVRJlaKLntYMhHO3ptwgld+xr9TAlpT\n"
    "mw613QZZhIQXRs5BkutO17jJOO2LwWDGBylR2M9//j60VDu2AQ==\n"
    "-----END CERTIFICATE-----\n";

static const char ec_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgR6eVOVnaDPCcm8ou\n"
    "T0c+3bxsYPX+/Eu41GyLf9JYPV2hRANCAASmc075/T5PCXGE0buEIjx8tZoap0dY\n"
    "6f/H9Hi/lJuy+8w4n6iurjKVtgcnO0ShwQCU3rrRM2G2pkCiB6ZYhnv/\n"
    "-----END PRIVATE KEY-----\n";

static const char ec_crt[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBlTCCATugAwIBAgIUXjsZel00safDYchwqZY3EkSC7sMwCgYIKoZIzj0EAwIw\n"
    "FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMTM0OFoYDzIxMjYxMDMw\n"
    "MjIxMzQ4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\n"
    "PQMBBwNCAASmc075/T5PCXGE0buEIjx8tZoap0dY6f/H9Hi/lJuy+8w4n6iurjKV\n"
    "tgcnO0ShwQCU3rrRM2G2pkCiB6ZYhnv/o2kwZzAdBgNVHQ4EFgQUuIYBBYiJqpvx\n"
    "ohGhcX10mQZIPhwwHwYDVR0jBBgwFoAUuIYBBYiJqpvxohGhcX10mQZIPhwwDwYD\n"
    "VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID\n"
    "SAAwRQIgQfk7JYvuKAlG/lN6WrvMn6jj319gi8OTcl+R0+1j7H4CIQCLw5gynKki\n"
    "z1CfVY8KtyNKS62stAyU0GlAjvvitkrZZQ==\n"
    "-----END CERTIFICATE-----\n";

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
 * close.  Stops at the first fatal error or when the input is used up. */
static void fuzz_drive(struct fuzz_io *io)
{
    gnutls_session_t s = io->s;
    int r = GNUTLS_E_AGAIN;
    for (int i = 0; i < 200; i++) {
        r = gnutls_handshake(s);
        if (r == 0 || (gnutls_error_is_fatal(r) && r != GNUTLS_E_GOT_APPLICATION_DATA))
            break;
        if ((r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED) && io->off >= io->size)
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
        if (io->off >= io->size)
            break;
    }
    gnutls_bye(s, GNUTLS_SHUT_WR);
}

#endif
