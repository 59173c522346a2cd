/* gnutls_transport_set_fastopen: TCP Fast Open for clients.  The socket is
 * not connected yet; the first record (the ClientHello) goes out with
 * sendto(MSG_FASTOPEN), which connects and carries the data in the SYN when
 * the server allows it.  Built on the public transport hooks: a push
 * function that connects on its first call, plain send/recv afterwards.
 * Where the kernel has no Fast Open, the first push connects normally. */
#include "gnossl.h"
#include "tls/session.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

struct tfo {
    gnutls_session_t session;
    int fd;
    int connected;
    socklen_t addrlen;
    struct sockaddr_storage addr;
};

/* The state is released with the session's SSL (ex_data), which exists by
 * the first push. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int idx = -1;

static void free_tfo(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int i, long argl, void *argp)
{
    (void)parent;
    (void)ad;
    (void)i;
    (void)argl;
    (void)argp;
    free(ptr);
}

static void init_index(void)
{
    idx = SSL_get_ex_new_index(0, NULL, NULL, NULL, free_tfo);
}

/* "Try again" for the record layer, which resends the same data. */
static ssize_t again(struct tfo *t)
{
    gnutls_transport_set_errno(t->session, EAGAIN);
    errno = EAGAIN;
    return -1;
}

static ssize_t tfo_push(gnutls_transport_ptr_t ptr, const void *data, size_t len)
{
    struct tfo *t = ptr;
    SSL *ssl;
    ssize_t n;

    if (t->connected)
        return send(t->fd, data, len, MSG_NOSIGNAL);
    t->connected = 1;
    pthread_once(&once, init_index);
    ssl = gnossl_session_ssl(t->session);
    if (idx >= 0 && ssl != NULL)
        SSL_set_ex_data(ssl, idx, t);
#ifdef MSG_FASTOPEN
    n = sendto(t->fd, data, len, MSG_FASTOPEN | MSG_NOSIGNAL, (struct sockaddr *)&t->addr, t->addrlen);
    if (n >= 0)
        return n;
    if (errno == EINPROGRESS) /* non-blocking, no cookie yet: SYN sent, data not: retry */
        return again(t);
    if (errno != EOPNOTSUPP && errno != EINVAL)
        return -1;
#endif
    if (connect(t->fd, (struct sockaddr *)&t->addr, t->addrlen) < 0) {
        if (errno == EINPROGRESS)
            return again(t);
        if (errno != EISCONN)
            return -1;
    }
    return send(t->fd, data, len, MSG_NOSIGNAL);
}

static ssize_t tfo_pull(gnutls_transport_ptr_t ptr, void *data, size_t len)
{
    struct tfo *t = ptr;
    return recv(t->fd, data, len, 0);
}

static int tfo_pull_timeout(gnutls_transport_ptr_t ptr, unsigned int ms)
{
    struct tfo *t = ptr;
    struct pollfd p = {.fd = t->fd, .events = POLLIN};
    int r = poll(&p, 1, ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (int)ms);
    return r < 0 ? -1 : r;
}

void gnutls_transport_set_fastopen(gnutls_session_t session, int fd, struct sockaddr *connect_addr,
                                   socklen_t connect_addrlen, unsigned int flags)
{
    struct tfo *t;

    (void)flags;
    if (session == NULL || connect_addr == NULL || connect_addrlen == 0 ||
        connect_addrlen > (socklen_t)sizeof(t->addr)) {
        gnossl_debug("gnutls_transport_set_fastopen: bad arguments");
        return;
    }
    t = calloc(1, sizeof *t);
    if (t == NULL) {
        gnutls_transport_set_int(session, fd); /* plain transport at least */
        return;
    }
    t->session = session;
    t->fd = fd;
    t->addrlen = connect_addrlen;
    memcpy(&t->addr, connect_addr, connect_addrlen);
    gnutls_transport_set_ptr(session, t);
    gnutls_transport_set_push_function(session, tfo_push);
    gnutls_transport_set_pull_function(session, tfo_pull);
    gnutls_transport_set_pull_timeout_function(session, tfo_pull_timeout);
}
