/* Where GnuTLS checks the peer's certificate (verify-point.c). */
#ifndef GNOSSL_TLS_VERIFY_POINT_H
#define GNOSSL_TLS_VERIFY_POINT_H

#include "gnossl.h"

/* The message callback read a Certificate message (body without header). */
void gnossl_session_certificate_in(gnutls_session_t s, const unsigned char *body, size_t len);

#endif
