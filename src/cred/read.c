/* Reading certificates, CRLs and keys (PEM or DER) for the credentials.
 * Uses the direct PEM/d2i readers: OpenSSL 3.0's generic decoders are
 * several times slower for these known formats. */
#include "gnossl.h"
#include <openssl/x509v3.h>
#include "cred/cred-int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

int gnossl_read_file(const char *path, gnutls_datum_t *out)
{
    FILE *f;
    long len;
    unsigned char *buf;

    out->data = NULL;
    out->size = 0;
    if (path == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    f = fopen(path, "rb");
    if (f == NULL)
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    }
    buf = malloc((size_t)len + 1);
    if (buf == NULL) {
        fclose(f);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (len > 0 && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        fclose(f);
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    }
    fclose(f);
    buf[len] = 0;
    out->data = buf;
    out->size = (unsigned)len;
    return 0;
}

STACK_OF(X509) *gnossl_read_certs(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt)
{
    STACK_OF(X509) *sk;
    X509 *x;

    if (data == NULL || data->data == NULL || data->size == 0)
        return NULL;
    sk = sk_X509_new_null();
    if (sk == NULL)
        return NULL;
    ERR_set_mark();
    if (fmt == GNUTLS_X509_FMT_DER) {
        const unsigned char *p = data->data, *end = data->data + data->size;
        while (p < end && (x = d2i_X509(NULL, &p, end - p)) != NULL)
            if (!sk_X509_push(sk, x))
                X509_free(x);
    } else {
        BIO *bio = BIO_new_mem_buf(data->data, (int)data->size);
        while (bio != NULL && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL)
            if (!sk_X509_push(sk, x))
                X509_free(x);
        BIO_free(bio);
    }
    /* Fill each certificate's cached extension data now, while it is ours
     * alone: OpenSSL computes it lazily on first use, and certificates read
     * here end up shared between threads (trust stores, key chains). */
    for (int i = 0; i < sk_X509_num(sk); i++)
        X509_check_purpose(sk_X509_value(sk, i), -1, 0);
    ERR_pop_to_mark();
    if (sk_X509_num(sk) == 0) {
        sk_X509_free(sk);
        return NULL;
    }
    return sk;
}

STACK_OF(X509_CRL) *gnossl_read_crls(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt)
{
    STACK_OF(X509_CRL) *sk;
    X509_CRL *x;

    if (data == NULL || data->data == NULL || data->size == 0)
        return NULL;
    sk = sk_X509_CRL_new_null();
    if (sk == NULL)
        return NULL;
    ERR_set_mark();
    if (fmt == GNUTLS_X509_FMT_DER) {
        const unsigned char *p = data->data, *end = data->data + data->size;
        while (p < end && (x = d2i_X509_CRL(NULL, &p, end - p)) != NULL)
            if (!sk_X509_CRL_push(sk, x))
                X509_CRL_free(x);
    } else {
        BIO *bio = BIO_new_mem_buf(data->data, (int)data->size);
        while (bio != NULL && (x = PEM_read_bio_X509_CRL(bio, NULL, NULL, NULL)) != NULL)
            if (!sk_X509_CRL_push(sk, x))
                X509_CRL_free(x);
        BIO_free(bio);
    }
    ERR_pop_to_mark();
    if (sk_X509_CRL_num(sk) == 0) {
        sk_X509_CRL_free(sk);
        return NULL;
    }
    return sk;
}

/* Password callback: a NULL password must not make OpenSSL prompt on a tty. */
static int pass_cb(char *buf, int size, int rwflag, void *u)
{
    const char *pass = u;
    int n;

    (void)rwflag;
    if (pass == NULL)
        return -1;
    n = (int)strlen(pass);
    if (n > size)
        n = size;
    memcpy(buf, pass, (size_t)n);
    return n;
}

EVP_PKEY *gnossl_read_key(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, const char *pass)
{
    EVP_PKEY *key = NULL;

    if (data == NULL || data->data == NULL || data->size == 0)
        return NULL;
    ERR_set_mark();
    if (fmt != GNUTLS_X509_FMT_PEM) { /* GnuTLS reads keys of any other format as DER */
        const unsigned char *p = data->data;
        key = d2i_AutoPrivateKey(NULL, &p, (long)data->size);
        if (key == NULL && pass != NULL) {
            /* encrypted PKCS#8 */
            const unsigned char *q = data->data;
            X509_SIG *p8 = d2i_X509_SIG(NULL, &q, (long)data->size);
            if (p8 != NULL) {
                PKCS8_PRIV_KEY_INFO *inf = PKCS8_decrypt(p8, pass, (int)strlen(pass));
                if (inf != NULL) {
                    key = EVP_PKCS82PKEY(inf);
                    PKCS8_PRIV_KEY_INFO_free(inf);
                }
                X509_SIG_free(p8);
            }
        }
    } else {
        BIO *bio = BIO_new_mem_buf(data->data, (int)data->size);
        if (bio != NULL)
            key = PEM_read_bio_PrivateKey(bio, NULL, pass_cb, (void *)pass);
        BIO_free(bio);
    }
    ERR_pop_to_mark();
    return key;
}

int gnossl_decode_error(const gnutls_datum_t *d, gnutls_x509_crt_fmt_t fmt)
{
    if (fmt == GNUTLS_X509_FMT_PEM)
        return GNOSSL_ERR(d != NULL && d->data != NULL && memmem(d->data, d->size, "-----BEGIN", 10) != NULL
                              ? GNUTLS_E_BASE64_DECODING_ERROR
                              : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return GNOSSL_ERR(d != NULL && d->data != NULL && d->size > 0 && d->data[0] == 0x30 ? GNUTLS_E_ASN1_DER_ERROR
                                                                                     : GNUTLS_E_ASN1_TAG_ERROR);
}
