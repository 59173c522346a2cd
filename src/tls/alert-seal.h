/* Protecting an application's fatal alert ourselves, since OpenSSL cannot
 * send a chosen alert (alert-seal.c). */
#ifndef GNOSSL_TLS_ALERT_SEAL_H
#define GNOSSL_TLS_ALERT_SEAL_H

#include <openssl/ssl.h>
#include <stddef.h>

/* From the keylog dispatcher: remembers our TLS 1.3 write traffic secret. */
void gnossl_seal_note_secret(const SSL *ssl, const char *label, const unsigned char *secret, unsigned len);
/* From the message callback, for what we write (write_p): record headers,
 * ChangeCipherSpec and handshake messages. */
void gnossl_seal_note_record(SSL *ssl, int content_type, const unsigned char *p, size_t len);
/* One protected alert record in out: 0, or -1 when the connection's record
 * protection is not one we can reproduce. */
int gnossl_seal_alert(SSL *ssl, int level, int desc, unsigned char *out, size_t out_size, size_t *out_len);

#endif
