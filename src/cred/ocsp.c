/* OCSP stapling.  Servers: gnutls_certificate_set_ocsp_status_request_*;
 * a response (or a function producing one) belongs to a key pair; when a
 * client asks for the status, the response of the pair OpenSSL selected is
 * stapled.  Clients: gnutls_ocsp_status_request_*; OpenSSL keeps the
 * leaf's stapled response, tls/ocsp-chain.c those a TLS 1.3 server stapled
 * for the rest of its chain; the verification checks each here as GnuTLS
 * does. */
#include "gnossl.h"
#include "core/clock.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include "tls/ocsp-chain.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>

/* GnuTLS keeps a response without nextUpdate for this long after its
 * thisUpdate. */
#define OCSP_MAX_VALIDITY_SECS (15 * 24 * 60 * 60)

/* Whether a single response is about `cert`: same serial number and the
 * hash of its issuer's name (GnuTLS does not compare the issuer key). */
static int single_matches(OCSP_SINGLERESP *single, X509 *cert)
{
    ASN1_OCTET_STRING *name_hash = NULL;
    ASN1_OBJECT *md_oid = NULL;
    ASN1_INTEGER *serial = NULL;
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    const EVP_MD *md;

    if (single == NULL || !OCSP_id_get0_info(&name_hash, &md_oid, NULL, &serial, (OCSP_CERTID *)OCSP_SINGLERESP_get0_id(single)))
        return 0;
    if (serial == NULL || ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(cert)) != 0)
        return 0;
    md = EVP_get_digestbyobj(md_oid);
    if (md == NULL || !X509_NAME_digest(X509_get_issuer_name(cert), md, buf, &len))
        return 0;
    return name_hash != NULL && (unsigned)ASN1_STRING_length(name_hash) == len &&
           memcmp(ASN1_STRING_get0_data(name_hash), buf, len) == 0;
}

/* The first single response of a successful basic response, or NULL. */
static OCSP_SINGLERESP *first_single(const unsigned char *der, long len, OCSP_RESPONSE **resp, OCSP_BASICRESP **bs)
{
    const unsigned char *p = der;
    *bs = NULL;
    *resp = d2i_OCSP_RESPONSE(NULL, &p, len);
    if (*resp == NULL || OCSP_response_status(*resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
        (*bs = OCSP_response_get1_basic(*resp)) == NULL)
        return NULL;
    return OCSP_resp_get0(*bs, 0);
}

/* GnuTLS checks a response when it is loaded: it must be about the pair's
 * leaf and still usable.  0: keep it; 1: a response without nextUpdate that
 * is already too old, silently not kept; <0: error. */
static int check_response(const struct gnossl_keypair *k, const unsigned char *der, long len)
{
    OCSP_RESPONSE *resp = NULL;
    OCSP_BASICRESP *bs = NULL;
    OCSP_SINGLERESP *single;
    ASN1_GENERALIZEDTIME *thisupd = NULL, *nextupd = NULL;
    int status, reason, ret;

    ERR_set_mark();
    single = first_single(der, len, &resp, &bs);
    if (single == NULL || !single_matches(single, k->cert)) {
        ret = GNOSSL_ERR(GNUTLS_E_OCSP_MISMATCH_WITH_CERTS);
        goto out;
    }
    status = OCSP_single_get0_status(single, &reason, NULL, &thisupd, &nextupd);
    if (status == V_OCSP_CERTSTATUS_REVOKED || (nextupd != NULL && gnossl_cmp_now(nextupd, 0) < 0)) {
        ret = GNOSSL_ERR(GNUTLS_E_EXPIRED);
        goto out;
    }
    ret = 0;
    if (nextupd == NULL && thisupd != NULL &&
        gnossl_cmp_now(thisupd, -OCSP_MAX_VALIDITY_SECS) < 0)
        ret = 1;
out:
    ERR_pop_to_mark();
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
        /* Unchecked, the response is simply kept and GnuTLS says 0;
         * checked, it says how many it loaded. */
        int skip = (res->flags & GNUTLS_CERTIFICATE_SKIP_OCSP_RESPONSE_CHECK) != 0;
        ret = skip ? 0 : check_response(k, der, len);
        if (ret == 1) {
            gnossl_debug("gnossl: OCSP response without nextUpdate is too old, not kept");
        } else if (ret == 0) {
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
                ret = skip ? 0 : 1;
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
    struct gnossl_cred_session *st = gnossl_cred_session(s);
    if (st != NULL && st->retr_ocsp != NULL) { /* from a retrieve_function3 (retrieve3.c) */
        copy = st->retr_ocsp;
        resp.size = (unsigned)st->retr_ocsp_len;
        st->retr_ocsp = NULL;
        st->retr_ocsp_len = 0;
        goto staple;
    }
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
staple:
    if (copy == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    /* OpenSSL takes ownership of the copy */
    if (!SSL_set_tlsext_status_ocsp_resp(ssl, copy, (long)resp.size)) {
        OPENSSL_free(copy);
        return SSL_TLSEXT_ERR_NOACK;
    }
    return SSL_TLSEXT_ERR_OK;
}

/* ---- client side ---- */

int gnutls_ocsp_status_request_enable_client(gnutls_session_t session, gnutls_datum_t *responder_id,
                                             size_t responder_id_size, gnutls_datum_t *extensions)
{
    /* The responder IDs and extensions are ignored, as in GnuTLS >= 3.6. */
    (void)responder_id;
    (void)responder_id_size;
    (void)extensions;
    if (session == NULL || gnossl_session_is_server(session))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnossl_session_enable_status_request(session);
    return 0;
}

/* The response stapled for peer certificate idx: the leaf's is the one
 * OpenSSL kept. */
static long stapled(gnutls_session_t s, unsigned idx, const unsigned char **p)
{
    SSL *ssl = gnossl_session_ssl(s);
    *p = NULL;
    if (ssl == NULL || gnossl_session_is_server(s))
        return -1;
    if (idx > 0)
        return gnossl_ocsp_chain_get(s, idx, p);
    long len = SSL_get_tlsext_status_ocsp_resp(ssl, p);
    return *p != NULL && len > 0 ? len : -1;
}

int gnutls_ocsp_status_request_get2(gnutls_session_t session, unsigned idx, gnutls_datum_t *response)
{
    const unsigned char *p;
    long len;

    if (session == NULL || response == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* Servers: only TLS 1.3 clients may staple, which OpenSSL does not
     * support. */
    if ((len = stapled(session, idx, &p)) < 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    response->data = (unsigned char *)p;
    response->size = (unsigned)len;
    return 0;
}

int gnutls_ocsp_status_request_get(gnutls_session_t session, gnutls_datum_t *response)
{
    return gnutls_ocsp_status_request_get2(session, 0, response);
}

unsigned gnutls_ocsp_status_request_is_checked(gnutls_session_t session, unsigned int flags)
{
    const unsigned char *p;
    if (session == NULL)
        return 0;
    if (flags & GNUTLS_OCSP_SR_IS_AVAIL)
        return stapled(session, 0, &p) >= 0;
    return (unsigned)gnossl_session_ocsp_check_ok(session);
}

/* Whether the certificate demands a stapled OCSP response (TLS feature
 * extension, RFC 7633, listing status_request). */
static int must_staple(X509 *x)
{
    STACK_OF(ASN1_INTEGER) *features = X509_get_ext_d2i(x, NID_tlsfeature, NULL, NULL);
    int i, found = 0;

    for (i = 0; features != NULL && i < sk_ASN1_INTEGER_num(features); i++)
        if (ASN1_INTEGER_get(sk_ASN1_INTEGER_value(features, i)) == TLSEXT_TYPE_status_request)
            found = 1;
    sk_ASN1_INTEGER_pop_free(features, ASN1_INTEGER_free);
    return found;
}

/* Whether the response's signature is good, by GnuTLS's two routes.  The
 * trust store: the signer is the certificate the response carries for its
 * responder ID, or else a trust anchor with the responder's name (a
 * responder named by key hash is never looked up in the store, so a CA's
 * response naming it that way needs the CA in the peer's chain).  Then,
 * directly: one of the certificates the peer sent after `cert`. */
static int response_signed(OCSP_BASICRESP *bs, X509_STORE *store, STACK_OF(X509) *chain, int pos)
{
    STACK_OF(X509) *anchors = NULL, *others = sk_X509_new_null();
    X509_STORE *dated = NULL; /* the signer's chain is checked as of gnossl_time() */
    X509 *included = NULL;
    const ASN1_OCTET_STRING *by_key = NULL;
    const X509_NAME *by_name = NULL;
    int ok = 0, i;

    if (others == NULL || gnossl_dated_store(store, &dated) < 0 || !OCSP_resp_get0_id(bs, &by_key, &by_name))
        goto out;
    if (dated != NULL)
        store = dated;
    /* NOCHAIN: a carried signer is an anchor or issued by one, as GnuTLS
     * verifies it alone against its trust list */
    if (OCSP_resp_get0_signer(bs, &included, NULL)) /* only the response's own certificates */
        ok = OCSP_basic_verify(bs, NULL, store, OCSP_NOCHAIN) > 0;
    else if (by_name != NULL && (anchors = X509_STORE_get1_all_certs(store)) != NULL)
        ok = OCSP_basic_verify(bs, anchors, store, OCSP_NOCHAIN) > 0;
    if (!ok && pos + 1 < sk_X509_num(chain)) {
        for (i = pos + 1; i < sk_X509_num(chain); i++)
            sk_X509_push(others, sk_X509_value(chain, i));
        ok = OCSP_basic_verify(bs, others, store, OCSP_TRUSTOTHER) > 0;
    }
out:
    X509_STORE_free(dated);
    sk_X509_free(others);
    sk_X509_pop_free(anchors, X509_free);
    return ok;
}

/* One stapled response about chain[pos]: GNUTLS_CERT_* bits; *ok when it
 * is valid and current. */
static unsigned check_stapled(X509_STORE *store, STACK_OF(X509) *chain, int pos, const unsigned char *der,
                              long len, int *ok)
{
    OCSP_RESPONSE *resp = NULL;
    OCSP_BASICRESP *bs = NULL;
    OCSP_SINGLERESP *single;
    ASN1_GENERALIZEDTIME *thisupd = NULL, *nextupd = NULL;
    unsigned bits = 0;
    int status, reason;

    *ok = 0;
    ERR_set_mark();
    single = first_single(der, len, &resp, &bs);
    if (single == NULL || !single_matches(single, sk_X509_value(chain, pos)) ||
        !response_signed(bs, store, chain, pos)) {
        bits = GNUTLS_CERT_INVALID_OCSP_STATUS;
        goto out;
    }
    status = OCSP_single_get0_status(single, &reason, NULL, &thisupd, &nextupd);
    if (status == V_OCSP_CERTSTATUS_REVOKED) {
        bits = GNUTLS_CERT_REVOKED;
        goto out;
    }
    /* Too old or superseded: reported, as GnuTLS does. */
    if (nextupd == NULL) {
        if (thisupd == NULL || gnossl_cmp_now(thisupd, -OCSP_MAX_VALIDITY_SECS) < 0) {
            bits = GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
            goto out;
        }
    } else if (gnossl_cmp_now(nextupd, 0) < 0) {
        bits = GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
        goto out;
    }
    *ok = 1;
out:
    ERR_pop_to_mark();
    OCSP_BASICRESP_free(bs);
    OCSP_RESPONSE_free(resp);
    return bits;
}

unsigned gnossl_cred_ocsp_verify(gnutls_session_t s, X509_STORE *store, STACK_OF(X509) *chain, unsigned vflags)
{
    unsigned bits = 0;
    int i, ok, any_ok = 0;

    gnossl_session_set_ocsp_check_ok(s, 0);
    if (vflags & GNUTLS_VERIFY_DISABLE_CRL_CHECKS)
        return 0;
    for (i = 0; i < sk_X509_num(chain); i++) {
        const unsigned char *der = NULL;
        long len = stapled(s, (unsigned)i, &der);
        if (len < 0) {
            /* Asked for a status, got none, and the certificate requires one. */
            if (gnossl_session_status_requested(s) && must_staple(sk_X509_value(chain, i)))
                bits |= GNUTLS_CERT_MISSING_OCSP_STATUS;
            continue;
        }
        bits |= check_stapled(store, chain, i, der, len, &ok);
        if (ok)
            any_ok = 1;
    }
    gnossl_session_set_ocsp_check_ok(s, any_ok);
    return bits;
}
