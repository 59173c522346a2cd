/* OCSP stapling by servers: gnutls_certificate_set_ocsp_status_request_*.
 * A response (or a function producing one) belongs to a key pair; when a
 * client asks for the status, the response of the pair OpenSSL selected is
 * stapled. */
#include "gnossl.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>

/* GnuTLS checks a response when it is loaded: it must be about the pair's
 * leaf (issued by the next certificate of its chain) and not expired. */
static int check_response(const struct gnossl_keypair *k, const unsigned char *der, long len)
{
    const unsigned char *p = der;
    OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE(NULL, &p, len);
    OCSP_BASICRESP *bs = NULL;
    OCSP_CERTID *id = NULL;
    ASN1_GENERALIZEDTIME *thisupd = NULL, *nextupd = NULL;
    int status, reason, ret;

    if (resp == NULL || OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
        (bs = OCSP_response_get1_basic(resp)) == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_OCSP_MISMATCH_WITH_CERTS);
        goto out;
    }
    if (sk_X509_num(k->chain) < 1 || (id = OCSP_cert_to_id(NULL, k->cert, sk_X509_value(k->chain, 0))) == NULL ||
        !OCSP_resp_find_status(bs, id, &status, &reason, NULL, &thisupd, &nextupd)) {
        ret = GNOSSL_ERR(GNUTLS_E_OCSP_MISMATCH_WITH_CERTS);
        goto out;
    }
    if (nextupd != NULL && X509_cmp_time(nextupd, NULL) < 0) {
        ret = GNOSSL_ERR(GNUTLS_E_EXPIRED);
        goto out;
    }
    ret = 0;
out:
    OCSP_CERTID_free(id);
    OCSP_BASICRESP_free(bs);
    OCSP_RESPONSE_free(resp);
    return ret;
}

int gnutls_certificate_set_ocsp_status_request_mem(gnutls_certificate_credentials_t res, const gnutls_datum_t *resp,
                                                   unsigned idx, gnutls_x509_crt_fmt_t fmt)
{
    unsigned char *der = NULL;
    long len = 0;
    struct gnossl_keypair *k;
    int ret;

    if (res == NULL || resp == NULL || resp->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (fmt == GNUTLS_X509_FMT_PEM) {
        BIO *bio = BIO_new_mem_buf(resp->data, (int)resp->size);
        char *name = NULL, *hdr = NULL;
        ERR_set_mark();
        if (bio == NULL || !PEM_read_bio(bio, &name, &hdr, &der, &len)) {
            ERR_pop_to_mark();
            BIO_free(bio);
            return GNOSSL_ERR(GNUTLS_E_BASE64_DECODING_ERROR);
        }
        ERR_pop_to_mark();
        OPENSSL_free(name);
        OPENSSL_free(hdr);
        BIO_free(bio);
    } else {
        der = OPENSSL_memdup(resp->data, resp->size);
        len = (long)resp->size;
        if (der == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    pthread_mutex_lock(&res->lock);
    if (idx >= res->nkeys) {
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    } else {
        k = &res->keys[idx];
        ret = (res->flags & GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK) ? 0 : check_response(k, der, len);
        if (ret == 0) {
            free(k->ocsp.data);
            k->ocsp.data = malloc((size_t)len);
            if (k->ocsp.data == NULL) {
                k->ocsp.size = 0;
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            } else {
                memcpy(k->ocsp.data, der, (size_t)len);
                k->ocsp.size = (unsigned)len;
                res->ocsp_any = 1;
                gnossl_cert_cred_changed(res);
                ret = 1; /* GnuTLS: the number of responses loaded */
            }
        }
    }
    pthread_mutex_unlock(&res->lock);
    OPENSSL_free(der);
    return ret;
}

int gnutls_certificate_set_ocsp_status_request_file2(gnutls_certificate_credentials_t res, const char *response_file,
                                                     unsigned idx, gnutls_x509_crt_fmt_t fmt)
{
    gnutls_datum_t d;
    int ret;

    if (res == NULL || response_file == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnossl_read_file(response_file, &d);
    if (ret < 0)
        return ret;
    ret = gnutls_certificate_set_ocsp_status_request_mem(res, &d, idx, fmt);
    free(d.data);
    return ret;
}

int gnutls_certificate_set_ocsp_status_request_file(gnutls_certificate_credentials_t res, const char *response_file,
                                                    unsigned idx)
{
    int ret = gnutls_certificate_set_ocsp_status_request_file2(res, response_file, idx, GNUTLS_X509_FMT_DER);

    return ret > 0 ? 0 : ret; /* the older call reports success as 0 */
}

void gnutls_certificate_set_ocsp_status_request_function(gnutls_certificate_credentials_t res,
                                                         gnutls_status_request_ocsp_func ocsp_func, void *ptr)
{
    if (res == NULL)
        return;
    pthread_mutex_lock(&res->lock);
    res->ocsp_fn = ocsp_func;
    res->ocsp_ptr = ptr;
    res->ocsp_any = 1;
    gnossl_cert_cred_changed(res);
    pthread_mutex_unlock(&res->lock);
}

int gnutls_certificate_set_ocsp_status_request_function2(gnutls_certificate_credentials_t res, unsigned idx,
                                                         gnutls_status_request_ocsp_func ocsp_func, void *ptr)
{
    int ret = 0;

    if (res == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pthread_mutex_lock(&res->lock);
    if (idx >= res->nkeys) {
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    } else {
        res->keys[idx].ocsp_fn = ocsp_func;
        res->keys[idx].ocsp_ptr = ptr;
        res->ocsp_any = 1;
        gnossl_cert_cred_changed(res);
    }
    pthread_mutex_unlock(&res->lock);
    return ret;
}

/* Server side: the client sent status_request. */
int gnossl_cred_ocsp_status_cb(SSL *ssl, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    gnutls_certificate_credentials_t c;
    gnutls_status_request_ocsp_func fn = NULL;
    void *ptr = NULL;
    gnutls_datum_t resp = {NULL, 0};
    unsigned char *copy = NULL;
    X509 *ours = SSL_get_certificate(ssl);
    unsigned i;

    (void)arg;
    if (s == NULL || (c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE)) == NULL || ours == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    pthread_mutex_lock(&c->lock);
    for (i = 0; i < c->nkeys; i++) {
        struct gnossl_keypair *k = &c->keys[i];
        if (X509_cmp(k->cert, ours) != 0)
            continue;
        if (k->ocsp_fn != NULL) {
            fn = k->ocsp_fn;
            ptr = k->ocsp_ptr;
        } else if (k->ocsp.size > 0) {
            copy = OPENSSL_memdup(k->ocsp.data, k->ocsp.size);
            resp.size = k->ocsp.size;
        }
        break;
    }
    if (fn == NULL && copy == NULL && c->ocsp_fn != NULL) {
        fn = c->ocsp_fn;
        ptr = c->ocsp_ptr;
    }
    pthread_mutex_unlock(&c->lock);

    if (fn != NULL) {
        /* GNUTLS_E_NO_CERTIFICATE_STATUS or any error: nothing stapled */
        if (fn(s, ptr, &resp) != 0 || resp.data == NULL || resp.size == 0) {
            gnutls_free(resp.data);
            return SSL_TLSEXT_ERR_NOACK;
        }
        copy = OPENSSL_memdup(resp.data, resp.size);
        gnutls_free(resp.data);
    }
    if (copy == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    /* OpenSSL takes ownership of the copy */
    if (!SSL_set_tlsext_status_ocsp_resp(ssl, copy, (long)resp.size)) {
        OPENSSL_free(copy);
        return SSL_TLSEXT_ERR_NOACK;
    }
    return SSL_TLSEXT_ERR_OK;
}
