/* For the differential programs that run a client and a server in one
 * thread over a real socketpair: the non-blocking pair, a session on one
 * end, the loop that drives both handshakes, and the close. */
#ifndef SOCK_PAIR_H
#define SOCK_PAIR_H

#include <gnutls/gnutls.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/* A connected non-blocking AF_UNIX pair of `type`; exits when there is none. */
static inline void sock_pair(int fds[2], int type)
{
    if (socketpair(AF_UNIX, type, 0, fds) != 0)
        exit(1);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
}

/* A session on fd: init with `flags`, priorities `prio` (the defaults when
 * NULL), credentials `cred` of `type`. */
static inline void sock_session(gnutls_session_t *ses, unsigned flags, const char *prio, gnutls_credentials_type_t type,
                                void *cred, int fd)
{
    gnutls_init(ses, flags);
    if (prio)
        gnutls_priority_set_direct(*ses, prio, NULL);
    else
        gnutls_set_default_priority(*ses);
    gnutls_credentials_set(*ses, type, cred);
    gnutls_transport_set_int(*ses, fd);
}

/* Ends both sessions and closes the pair. */
static inline void sock_close(int fds[2], gnutls_session_t c, gnutls_session_t s)
{
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(fds[0]);
    close(fds[1]);
}

/* Both handshakes until each has finished or failed; gives up 50 rounds
 * after the first end is done (its peer is stuck). */
static inline void handshake(gnutls_session_t c, gnutls_session_t s, int *rc, int *rs)
{
    int cdone = 0, sdone = 0, stall = 0;

    *rc = *rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 2000 && !(cdone && sdone); i++) {
        if (!cdone && ((*rc = gnutls_handshake(c)) == 0 || gnutls_error_is_fatal(*rc)))
            cdone = 1;
        if (!sdone && ((*rs = gnutls_handshake(s)) == 0 || gnutls_error_is_fatal(*rs)))
            sdone = 1;
        if ((cdone || sdone) && ++stall > 50)
            break;
    }
}

#endif
