/* Private helpers of the OCSP / PKCS#7 / PKCS#12 / CRQ files of the x509
 * room (ocsp*.c, pkcs7*.c, pkcs12*.c, crq*.c). */
#ifndef GNOSSL_X509_PKCS_INT_H
#define GNOSSL_X509_PKCS_INT_H

#include "gnossl.h"
#include "x509/x509.h"
#include <openssl/ocsp.h>

struct gnutls_ocsp_resp_int {
    OCSP_RESPONSE *resp;     /* owned, NULL until imported */
    OCSP_BASICRESP *basic;   /* decoded responseBytes, NULL if none */
    gnutls_datum_t der;      /* the response as imported */
};

struct gnutls_ocsp_req_int {
    OCSP_REQUEST *req;       /* owned */
};

struct gnutls_x509_crq_int {
    X509_REQ *req;           /* owned, NULL until imported or generated */
};

/* The contents octets of a DER TLV (skips tag and length); NULL if bad. */
const unsigned char *gnossl_der_body(const unsigned char *der, size_t len, size_t *body_len);
/* DER contents of an ASN1_INTEGER (sign byte kept) into a new datum. */
int gnossl_asn1_int_datum(const ASN1_INTEGER *i, gnutls_datum_t *out);
/* The version field (explicit [0] INTEGER at the start of a DER
 * SEQUENCE) + 1, or 1 when absent. */
int gnossl_der_seq_version(const unsigned char *der, size_t len);
/* Append formatted text to a growing gnutls_malloc'd buffer. */
struct gnossl_buf {
    char *p;
    size_t len, cap;
    int err;
};
void gnossl_buf_printf(struct gnossl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gnossl_buf_hex(struct gnossl_buf *b, const unsigned char *d, size_t n);
/* Colon-separated hexdump, 16 bytes a line, each line prefixed by spc. */
void gnossl_buf_hexdump(struct gnossl_buf *b, const unsigned char *d, size_t n, const char *spc);
/* Hand the text over to out (NUL-terminated, size without NUL). */
int gnossl_buf_finish(struct gnossl_buf *b, gnutls_datum_t *out);
/* "%a %b %d %H:%M:%S UTC %Y" of t (GnuTLS's print format). */
void gnossl_buf_time(struct gnossl_buf *b, const char *fmt_prefix, time_t t, const char *errname);

#endif
