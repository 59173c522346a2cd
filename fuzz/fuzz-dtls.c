/* Fuzz a gnossl DTLS server (GNUTLS_DATAGRAM): the input is the datagrams a
 * (hostile) client sends, each as a 2-byte big-endian length and its bytes
 * (the last one takes what is left).  Byte 0: bits 0-1 the priority string
 * (fuzz_dtls_prios), bit 2 cookies first as gnutls-serv --udp does them
 * (gnutls_dtls_cookie_verify on each datagram, gnutls_dtls_cookie_send for
 * a bad one, the session with gnutls_dtls_prestate_set once one verifies),
 * bit 3 EOF (an empty read) or EAGAIN at the end of input, bit 4 a
 * client-certificate request, bit 5 a 300-byte MTU, bit 6 a pull buffer
 * shorter than the datagram (truncated reads).  Non-blocking, so that no
 * retransmission timer makes a run wait.  Seeds: fuzz/gen-seeds (the real
 * GnuTLS client and server, recorded). */
#include "fuzz-common.h"
#include <gnutls/dtls.h>

static gnutls_certificate_credentials_t cred;

struct dgram_io {
    gnutls_session_t s;
    const uint8_t *data;
    size_t size, off;
    int eof_at_end;
    size_t max_read; /* 0: no limit; else a pull gets at most this much */
};

/* the next datagram, its length in *n; NULL at the end of input */
static const uint8_t *dgram_peek(const struct dgram_io *io, size_t *n)
{
    if (io->off >= io->size)
        return NULL;
    size_t left = io->size - io->off;
    if (left < 2) {
        *n = 0;
        return io->data + io->size;
    }
    size_t len = (size_t)io->data[io->off] << 8 | io->data[io->off + 1];
    *n = len < left - 2 ? len : left - 2;
    return io->data + io->off + 2;
}

static void dgram_skip(struct dgram_io *io)
{
    size_t n;
    const uint8_t *g = dgram_peek(io, &n);
    if (g != NULL)
        io->off = (size_t)(g - io->data) + n;
}

static ssize_t dgram_pull(gnutls_transport_ptr_t p, void *d, size_t n)
{
    struct dgram_io *io = p;
    size_t len;
    const uint8_t *g = dgram_peek(io, &len);
    if (g == NULL) {
        if (io->eof_at_end)
            return 0;
        gnutls_transport_set_errno(io->s, EAGAIN);
        return -1;
    }
    if (io->max_read && n > io->max_read)
        n = io->max_read;
    if (n > len)
        n = len;
    memcpy(d, g, n);
    dgram_skip(io); /* a datagram's rest is lost, as with recvfrom */
    return (ssize_t)n;
}

static int dgram_pull_timeout(gnutls_transport_ptr_t p, unsigned ms)
{
    struct dgram_io *io = p;
    (void)ms;
    return io->off < io->size || io->eof_at_end ? 1 : 0;
}

static ssize_t discard_push(gnutls_transport_ptr_t p, const void *d, size_t n)
{
    (void)p;
    (void)d;
    return (ssize_t)n;
}

/* gnutls-serv --udp: answer cookieless or badly cookied hellos statelessly
 * until one verifies; that datagram stays for the session to read.  0 when
 * the input ran out first. */
static int cookie_exchange(struct dgram_io *io, gnutls_dtls_prestate_st *pre)
{
    gnutls_datum_t key = {(unsigned char *)fuzz_cookie_key, sizeof fuzz_cookie_key};
    size_t n;
    const uint8_t *g;
    while ((g = dgram_peek(io, &n)) != NULL) {
        memset(pre, 0, sizeof *pre);
        if (gnutls_dtls_cookie_verify(&key, (void *)fuzz_dtls_addr, sizeof fuzz_dtls_addr, (void *)g, n, pre) == 0)
            return 1;
        gnutls_dtls_cookie_send(&key, (void *)fuzz_dtls_addr, sizeof fuzz_dtls_addr, pre, io, discard_push);
        dgram_skip(io);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        gnutls_global_init();
        cred = fuzz_server_cred();
        ready = 1;
    }
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    struct dgram_io io = {.data = data + 1, .size = size - 1, .eof_at_end = (mode >> 3) & 1,
                          .max_read = (mode & 0x40) ? 200 : 0};
    gnutls_dtls_prestate_st pre;
    if ((mode & 0x04) && !cookie_exchange(&io, &pre))
        return 0;
    gnutls_session_t s;
    if (gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK) < 0)
        return 0;
    io.s = s;
    gnutls_priority_set_direct(s, fuzz_dtls_prios[mode & 3], NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
    if (mode & 0x04)
        gnutls_dtls_prestate_set(s, &pre);
    if (mode & 0x10)
        gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    if (mode & 0x20)
        gnutls_dtls_set_mtu(s, 300);
    gnutls_transport_set_ptr(s, &io);
    gnutls_transport_set_push_function(s, discard_push);
    gnutls_transport_set_pull_function(s, dgram_pull);
    gnutls_transport_set_pull_timeout_function(s, dgram_pull_timeout);
    fuzz_drive_session(s, &io.off, io.size);
    char *desc = gnutls_session_get_desc(s);
    gnutls_free(desc);
    gnutls_dtls_get_data_mtu(s);
    gnutls_dtls_get_timeout(s);
    gnutls_deinit(s);
    return 0;
}
