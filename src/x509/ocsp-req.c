/* gnutls_ocsp_req_*: OCSP requests over OpenSSL's OCSP_REQUEST. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <openssl/ocsp.h>
#include <openssl/rand.h>
#include <string.h>

int gnossl_ocsp_nonce_from_ext(X509_EXTENSION *ext, unsigned *critical, gnutls_datum_t *nonce);

int gnutls_ocsp_req_init(gnutls_ocsp_req_t *req)
{
    if (req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *req = gnutls_calloc(1, sizeof(**req));
    if (*req == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    (*req)->req = OCSP_REQUEST_new();
    if ((*req)->req == NULL) {
        gnutls_free(*req);
        *req = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

void gnutls_ocsp_req_deinit(gnutls_ocsp_req_t req)
{
    if (req == NULL)
        return;
    OCSP_REQUEST_free(req->req);
    gnutls_free(req);
}

int gnutls_ocsp_req_import(gnutls_ocsp_req_t req, const gnutls_datum_t *data)
{
    if (req == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = data->data;
    if (p == NULL || data->size == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    OCSP_REQUEST *r = d2i_OCSP_REQUEST(NULL, &p, (long)data->size);
    if (r == NULL || (size_t)(p - data->data) != data->size) {
        OCSP_REQUEST_free(r);
        gnossl_debug("ocsp: request does not decode");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    OCSP_REQUEST_free(req->req);
    req->req = r;
    return 0;
}

int gnutls_ocsp_req_export(gnutls_ocsp_req_const_t req, gnutls_datum_t *data)
{
    if (req == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int n = i2d_OCSP_REQUEST(req->req, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(data, der, (size_t)n);
    OPENSSL_free(der);
    return ret;
}

int gnutls_ocsp_req_get_version(gnutls_ocsp_req_const_t req)
{
    if (req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* tbsRequest is the first element of the request */
    unsigned char *der = NULL;
    int n = i2d_OCSP_REQUEST(req->req, &der);
    if (n <= 0)
        return 1;
    size_t bl;
    const unsigned char *tbs = gnossl_der_body(der, (size_t)n, &bl);
    int v = tbs ? gnossl_der_seq_version(tbs, bl) : 1;
    OPENSSL_free(der);
    return v;
}

int gnutls_ocsp_req_get_cert_id(gnutls_ocsp_req_const_t req, unsigned indx, gnutls_digest_algorithm_t *digest,
                                gnutls_datum_t *issuer_name_hash, gnutls_datum_t *issuer_key_hash,
                                gnutls_datum_t *serial_number)
{
    if (req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (indx >= (unsigned)OCSP_request_onereq_count(req->req))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    OCSP_CERTID *cid = OCSP_onereq_get0_id(OCSP_request_onereq_get0(req->req, (int)indx));
    return gnossl_ocsp_certid_out(cid, digest, issuer_name_hash, issuer_key_hash, serial_number);
}

/* The CertID fields a request and a response report alike; on failure
 * the datums already filled are freed and cleared. */
int gnossl_ocsp_certid_out(const OCSP_CERTID *cid, gnutls_digest_algorithm_t *digest,
                           gnutls_datum_t *issuer_name_hash, gnutls_datum_t *issuer_key_hash,
                           gnutls_datum_t *serial_number)
{
    ASN1_OCTET_STRING *nh = NULL, *kh = NULL;
    ASN1_OBJECT *md = NULL;
    ASN1_INTEGER *sn = NULL;
    if (cid == NULL || !OCSP_id_get0_info(&nh, &md, &kh, &sn, (OCSP_CERTID *)cid))
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (digest) {
        char oid[128];
        gnossl_oid_text(md, oid, sizeof oid);
        int d = gnutls_oid_to_digest(oid);
        if (d <= 0)
            return GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
        *digest = d;
    }
    int ret;
    if (issuer_name_hash) {
        ret = gnossl_datum_set(issuer_name_hash, ASN1_STRING_get0_data(nh), (size_t)ASN1_STRING_length(nh));
        if (ret < 0)
            return ret;
    }
    if (issuer_key_hash) {
        ret = gnossl_datum_set(issuer_key_hash, ASN1_STRING_get0_data(kh), (size_t)ASN1_STRING_length(kh));
        if (ret < 0)
            goto fail;
    }
    if (serial_number) {
        ret = gnossl_asn1_int_datum(sn, serial_number);
        if (ret < 0)
            goto fail;
    }
    return 0;
fail:
    if (issuer_name_hash) {
        gnutls_free(issuer_name_hash->data);
        issuer_name_hash->data = NULL;
    }
    if (issuer_key_hash) {
        gnutls_free(issuer_key_hash->data);
        issuer_key_hash->data = NULL;
    }
    return ret;
}

/* Append TLV(tag, body) to out at *pos (out large enough). */
static void put_tlv(unsigned char *out, size_t *pos, int tag, const unsigned char *body, size_t len, int constructed)
{
    unsigned char *p = out + *pos;
    ASN1_put_object(&p, constructed, (int)len, tag, V_ASN1_UNIVERSAL);
    if (len)
        memcpy(p, body, len);
    *pos = (size_t)(p - out) + len;
}

int gnutls_ocsp_req_add_cert_id(gnutls_ocsp_req_t req, gnutls_digest_algorithm_t digest,
                                const gnutls_datum_t *issuer_name_hash, const gnutls_datum_t *issuer_key_hash,
                                const gnutls_datum_t *serial_number)
{
    if (req == NULL || issuer_name_hash == NULL || issuer_key_hash == NULL || serial_number == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const char *oid = gnutls_digest_get_oid(digest);
    if (oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    /* CertID ::= SEQUENCE { AlgorithmIdentifier (with NULL parameters as
     * GnuTLS writes it), nameHash, keyHash, serial as given }.  OpenSSL's
     * CertID is opaque and only built from certificates, so assemble the
     * DER from OpenSSL's encoders and let d2i_OCSP_CERTID parse it. */
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    X509_ALGOR *alg = X509_ALGOR_new();
    unsigned char *algder = NULL;
    int alglen = -1;
    if (obj && alg && X509_ALGOR_set0(alg, obj, V_ASN1_NULL, NULL)) {
        obj = NULL;
        alglen = i2d_X509_ALGOR(alg, &algder);
    }
    ASN1_OBJECT_free(obj);
    X509_ALGOR_free(alg);
    if (alglen <= 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    size_t body = (size_t)alglen + issuer_name_hash->size + issuer_key_hash->size + serial_number->size + 3 * 6;
    unsigned char *tmp = gnutls_malloc(body), *der = gnutls_malloc(body + 6);
    size_t n = 0, m = 0;
    if (tmp == NULL || der == NULL) {
        OPENSSL_free(algder);
        gnutls_free(tmp);
        gnutls_free(der);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(tmp, algder, (size_t)alglen);
    n = (size_t)alglen;
    OPENSSL_free(algder);
    put_tlv(tmp, &n, V_ASN1_OCTET_STRING, issuer_name_hash->data, issuer_name_hash->size, 0);
    put_tlv(tmp, &n, V_ASN1_OCTET_STRING, issuer_key_hash->data, issuer_key_hash->size, 0);
    put_tlv(tmp, &n, V_ASN1_INTEGER, serial_number->data, serial_number->size, 0);
    put_tlv(der, &m, V_ASN1_SEQUENCE, tmp, n, 1);
    gnutls_free(tmp);

    const unsigned char *p = der;
    OCSP_CERTID *cid = d2i_OCSP_CERTID(NULL, &p, (long)m);
    gnutls_free(der);
    if (cid == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (OCSP_request_add0_id(req->req, cid) == NULL) {
        OCSP_CERTID_free(cid);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnutls_ocsp_req_add_cert(gnutls_ocsp_req_t req, gnutls_digest_algorithm_t digest, gnutls_x509_crt_t issuer,
                             gnutls_x509_crt_t cert)
{
    if (req == NULL || issuer == NULL || cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned hl = gnutls_hash_get_len(digest);
    if (hl == 0 || gnutls_digest_get_oid(digest) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    unsigned char nh[64], kh[64];
    unsigned char *dn = NULL;
    int n = i2d_X509_NAME(X509_get_issuer_name(cert->x509), &dn);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnutls_hash_fast(digest, dn, (size_t)n, nh);
    OPENSSL_free(dn);
    if (ret < 0)
        return ret;
    const ASN1_BIT_STRING *key = X509_get0_pubkey_bitstr(issuer->x509);
    if (key == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    ret = gnutls_hash_fast(digest, ASN1_STRING_get0_data(key), (size_t)ASN1_STRING_length(key), kh);
    if (ret < 0)
        return ret;
    gnutls_datum_t sn;
    ret = gnossl_asn1_int_datum(X509_get0_serialNumber(cert->x509), &sn);
    if (ret < 0)
        return ret;
    gnutls_datum_t dnh = { nh, hl }, dkh = { kh, hl };
    ret = gnutls_ocsp_req_add_cert_id(req, digest, &dnh, &dkh, &sn);
    gnutls_free(sn.data);
    return ret;
}

int gnutls_ocsp_req_get_extension(gnutls_ocsp_req_const_t req, unsigned indx, gnutls_datum_t *oid,
                                  unsigned int *critical, gnutls_datum_t *data)
{
    if (req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (indx >= (unsigned)OCSP_REQUEST_get_ext_count(req->req))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_ext_datums(OCSP_REQUEST_get_ext(req->req, (int)indx), oid, critical, data);
}

int gnutls_ocsp_req_set_extension(gnutls_ocsp_req_t req, const char *oid, unsigned int critical,
                                  const gnutls_datum_t *data)
{
    if (req == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS's request template has no requestExtensions element unless
     * one was decoded, and adding to an absent element fails there */
    if (OCSP_REQUEST_get_ext_count(req->req) == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    if (obj == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OCTET_STRING *val = ASN1_OCTET_STRING_new();
    X509_EXTENSION *ext = NULL;
    int ok = val && ASN1_OCTET_STRING_set(val, data->data, (int)data->size);
    if (ok)
        ext = X509_EXTENSION_create_by_OBJ(NULL, obj, critical ? 1 : 0, val);
    ASN1_OCTET_STRING_free(val);
    int at = OCSP_REQUEST_get_ext_by_OBJ(req->req, obj, -1);
    ASN1_OBJECT_free(obj);
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (at >= 0) {
        /* replace in place, keeping the order */
        X509_EXTENSION *old = OCSP_REQUEST_get_ext(req->req, at);
        if (!X509_EXTENSION_set_critical(old, critical ? 1 : 0) ||
            !X509_EXTENSION_set_data(old, (ASN1_OCTET_STRING *)X509_EXTENSION_get_data(ext))) {
            X509_EXTENSION_free(ext);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        X509_EXTENSION_free(ext);
        return 0;
    }
    int ok2 = OCSP_REQUEST_add_ext(req->req, ext, -1);
    X509_EXTENSION_free(ext);
    return ok2 ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_ocsp_req_get_nonce(gnutls_ocsp_req_const_t req, unsigned int *critical, gnutls_datum_t *nonce)
{
    if (req == NULL || nonce == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int i = OCSP_REQUEST_get_ext_by_NID(req->req, NID_id_pkix_OCSP_Nonce, -1);
    if (i < 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_ocsp_nonce_from_ext(OCSP_REQUEST_get_ext(req->req, i), critical, nonce);
}

int gnutls_ocsp_req_set_nonce(gnutls_ocsp_req_t req, unsigned int critical, const gnutls_datum_t *nonce)
{
    if (req == NULL || nonce == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    unsigned char *der = NULL;
    int n = -1;
    if (os && ASN1_OCTET_STRING_set(os, nonce->data, (int)nonce->size))
        n = i2d_ASN1_OCTET_STRING(os, &der);
    ASN1_OCTET_STRING_free(os);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    gnutls_datum_t v = { der, (unsigned)n };
    int ret = gnutls_ocsp_req_set_extension(req, GNUTLS_OCSP_NONCE, critical, &v);
    OPENSSL_free(der);
    return ret;
}

int gnutls_ocsp_req_randomize_nonce(gnutls_ocsp_req_t req)
{
    unsigned char buf[23];
    if (req == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_rnd(GNUTLS_RND_NONCE, buf, sizeof buf);
    if (ret < 0)
        return ret;
    gnutls_datum_t d = { buf, sizeof buf };
    return gnutls_ocsp_req_set_nonce(req, 0, &d);
}
