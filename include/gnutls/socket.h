/* gnossl: the GnuTLS 3.7.9 interface of <gnutls/socket.h>.
 * Declarations only; names, values and layouts are interface facts that must
 * equal GnuTLS 3.7.9. Implementations live in gnossl's src/ tree. MIT licensed. */
#ifndef GNUTLS_SOCKET_H
#define GNUTLS_SOCKET_H
#include <gnutls/gnutls.h>
#include <sys/socket.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef enum {
    GNUTLS_KTLS_RECV = 1 << 0,
    GNUTLS_KTLS_SEND = 1 << 1,
    GNUTLS_KTLS_DUPLEX = GNUTLS_KTLS_RECV | GNUTLS_KTLS_SEND,
} gnutls_transport_ktls_enable_flags_t;
gnutls_transport_ktls_enable_flags_t gnutls_transport_is_ktls_enabled(gnutls_session_t session);
void gnutls_transport_set_fastopen(gnutls_session_t session, int fd, struct sockaddr *connect_addr,
                                   socklen_t connect_addrlen, unsigned int flags);
#ifdef __cplusplus
}
#endif
#endif
