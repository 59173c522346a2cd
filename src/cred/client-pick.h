/* Client certificate choice of credentials without a retrieve function. */
#ifndef GNOSSL_CRED_CLIENT_PICK_H
#define GNOSSL_CRED_CLIENT_PICK_H

#include <openssl/ssl.h>

/* SSL_CTX_set_cert_cb handler for a client CTX holding certificates. */
int gnossl_cred_client_pick_cb(SSL *ssl, void *arg);

#endif
