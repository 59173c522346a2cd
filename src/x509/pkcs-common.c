/* Helpers shared by the OCSP, PKCS#7, PKCS#12 and CRQ files: DER field
 * access where OpenSSL's structures are opaque, and text buffers for the
 * *_print functions. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <openssl/err.h>
#include <openssl/provider.h>

const unsigned char *gnossl_der_body(const unsigned char *der, size_t len, size_t *body_len)
{
    const unsigned char *p = der;
    long l;
    int tag, cls;
    if (der == NULL || len == 0)
        return NULL;
    int r = ASN1_get_object(&p, &l, &tag, &cls, (long)len);
    if (r & 0x80)
        return NULL;
    if ((size_t)(p - der) + (size_t)l > len)
        return NULL;
    *body_len = (size_t)l;
    return p;
}

int gnossl_asn1_int_datum(const ASN1_INTEGER *i, gnutls_datum_t *out)
{
    unsigned char *der = NULL;
    int n = i2d_ASN1_INTEGER(i, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    size_t bl;
    const unsigned char *b = gnossl_der_body(der, (size_t)n, &bl);
    int ret = b ? gnossl_datum_set(out, b, bl) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    OPENSSL_free(der);
    return ret;
}

int gnossl_der_seq_version(const unsigned char *der, size_t len)
{
    size_t bl;
    const unsigned char *b = gnossl_der_body(der, len, &bl);
    if (b == NULL || bl < 2 || b[0] != 0xa0)
        return 1;
    size_t il;
    const unsigned char *in = gnossl_der_body(b, bl, &il); /* the [0] wrapper */
    if (in == NULL || il < 3 || in[0] != 0x02)
        return 1;
    const unsigned char *p = in;
    ASN1_INTEGER *ai = d2i_ASN1_INTEGER(NULL, &p, (long)il);
    if (ai == NULL)
        return 1;
    long v = ASN1_INTEGER_get(ai);
    ASN1_INTEGER_free(ai);
    return (int)v + 1;
}

void gnossl_buf_printf(struct gnossl_buf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->err)
        return;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->err = 1;
            return;
        }
        if (b->p && (size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t ncap = (b->cap + (size_t)n + 1) * 2;
        char *np = gnutls_realloc(b->p, ncap);
        if (np == NULL) {
            b->err = 1;
            return;
        }
        b->p = np;
        b->cap = ncap;
    }
}

void gnossl_buf_hex(struct gnossl_buf *b, const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        gnossl_buf_printf(b, "%.2x", d[i]);
}

void gnossl_buf_hexdump(struct gnossl_buf *b, const unsigned char *d, size_t n, const char *spc)
{
    size_t j;
    gnossl_buf_printf(b, "%s", spc);
    for (j = 0; j < n; j++) {
        if ((j + 1) % 16 == 0) {
            gnossl_buf_printf(b, "%.2x\n", d[j]);
            if (j != n - 1)
                gnossl_buf_printf(b, "%s", spc);
        } else if (j == n - 1) {
            gnossl_buf_printf(b, "%.2x", d[j]);
        } else {
            gnossl_buf_printf(b, "%.2x:", d[j]);
        }
    }
    if (j % 16 != 0)
        gnossl_buf_printf(b, "\n");
}

void gnossl_buf_time(struct gnossl_buf *b, const char *fmt_prefix, time_t t, const char *errname)
{
    struct tm tm;
    char s[42];
    if (t == (time_t)-1)
        gnossl_buf_printf(b, "error: %s\n", errname);
    else if (gmtime_r(&t, &tm) == NULL)
        gnossl_buf_printf(b, "error: gmtime_r (%ld)\n", (long)t);
    else if (strftime(s, sizeof s, "%a %b %d %H:%M:%S UTC %Y", &tm) == 0)
        gnossl_buf_printf(b, "error: strftime (%ld)\n", (long)t);
    else
        gnossl_buf_printf(b, "%s%s\n", fmt_prefix, s);
}

int gnossl_buf_finish(struct gnossl_buf *b, gnutls_datum_t *out)
{
    if (!b->err && b->p == NULL)
        gnossl_buf_printf(b, "%s", "");
    if (b->err) {
        gnutls_free(b->p);
        b->p = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    out->data = (unsigned char *)b->p;
    out->size = (unsigned)b->len;
    b->p = NULL;
    return 0;
}

static OSSL_LIB_CTX *pkcs_ctx;
static pthread_once_t pkcs_ctx_once = PTHREAD_ONCE_INIT;

static void pkcs_ctx_init(void)
{
    OSSL_LIB_CTX *ctx = OSSL_LIB_CTX_new();
    if (ctx == NULL)
        return;
    if (OSSL_PROVIDER_load(ctx, "default") == NULL || OSSL_PROVIDER_load(ctx, "legacy") == NULL) {
        gnossl_debug("pkcs: no legacy provider; RC2/RC4/DES based PKCS#12 encryption unavailable");
        OSSL_LIB_CTX_free(ctx);
        ERR_clear_error();
        return;
    }
    pkcs_ctx = ctx;
}

OSSL_LIB_CTX *gnossl_pkcs_libctx(void)
{
    pthread_once(&pkcs_ctx_once, pkcs_ctx_init);
    return pkcs_ctx;
}
