/* gnutls_ocsp_resp_*: OCSP responses over OpenSSL's OCSP_RESPONSE and
 * OCSP_BASICRESP, with GnuTLS 3.7.9's return codes (including its
 * libtasn1-flavoured ones for absent fields). */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/encoding.h"

#include <openssl/ocsp.h>
#include <string.h>

#define PEM_OCSP_RESPONSE "OCSP RESPONSE"

int gnutls_ocsp_resp_init(gnutls_ocsp_resp_t *resp)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *resp = gnutls_calloc(1, sizeof(**resp));
    if (*resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    return 0;
}

static void resp_clear(gnutls_ocsp_resp_t resp)
{
    OCSP_BASICRESP_free(resp->basic);
    OCSP_RESPONSE_free(resp->resp);
    gnutls_free(resp->der.data);
    resp->basic = NULL;
    resp->resp = NULL;
    resp->der.data = NULL;
    resp->der.size = 0;
}

void gnutls_ocsp_resp_deinit(gnutls_ocsp_resp_t resp)
{
    if (resp == NULL)
        return;
    resp_clear(resp);
    gnutls_free(resp);
}

static int resp_import_der(gnutls_ocsp_resp_t resp, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    if (der == NULL || len == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    OCSP_RESPONSE *r = d2i_OCSP_RESPONSE(NULL, &p, (long)len);
    if (r == NULL || (size_t)(p - der) != len) {
        OCSP_RESPONSE_free(r);
        gnossl_debug("ocsp: response does not decode");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    OCSP_BASICRESP *bs = NULL;
    if (OCSP_response_status(r) == OCSP_RESPONSE_STATUS_SUCCESSFUL) {
        bs = OCSP_response_get1_basic(r);
        if (bs == NULL) {
            /* only a Basic response is understood, as in GnuTLS */
            OCSP_RESPONSE_free(r);
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        }
    }
    resp_clear(resp);
    resp->resp = r;
    resp->basic = bs;
    int ret = gnossl_datum_set(&resp->der, der, len);
    if (ret < 0)
        resp_clear(resp);
    return ret;
}

int gnutls_ocsp_resp_import(gnutls_ocsp_resp_t resp, const gnutls_datum_t *data)
{
    return gnutls_ocsp_resp_import2(resp, data, GNUTLS_X509_FMT_DER);
}

int gnutls_ocsp_resp_import2(gnutls_ocsp_resp_t resp, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt)
{
    if (resp == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (fmt == GNUTLS_X509_FMT_PEM) {
        gnutls_datum_t der;
        int ret = gnossl_pem_decode(PEM_OCSP_RESPONSE, data->data, data->size, &der);
        if (ret < 0)
            return ret;
        ret = resp_import_der(resp, der.data, der.size);
        gnutls_free(der.data);
        return ret;
    }
    return resp_import_der(resp, data->data, data->size);
}

int gnutls_ocsp_resp_export(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *data)
{
    return gnutls_ocsp_resp_export2(resp, data, GNUTLS_X509_FMT_DER);
}

int gnutls_ocsp_resp_export2(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt)
{
    if (resp == NULL || data == NULL || resp->resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_export_fmt2(PEM_OCSP_RESPONSE, resp->der.data, resp->der.size, fmt, data);
}

int gnutls_ocsp_resp_get_status(gnutls_ocsp_resp_const_t resp)
{
    if (resp == NULL || resp->resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return OCSP_response_status(resp->resp);
}

/* responseBytes.response: the OCTET STRING holding the BasicOCSPResponse */
int gnutls_ocsp_resp_get_response(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *response_type_oid,
                                  gnutls_datum_t *response)
{
    if (resp == NULL || resp->resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    int ret;
    if (response_type_oid) {
        static const char basic_oid[] = "1.3.6.1.5.5.7.48.1.1";
        ret = gnossl_datum_set(response_type_oid, basic_oid, sizeof basic_oid - 1);
        if (ret < 0)
            return ret;
    }
    if (response) {
        unsigned char *der = NULL;
        int n = i2d_OCSP_BASICRESP(resp->basic, &der);
        if (n <= 0) {
            if (response_type_oid)
                gnutls_free(response_type_oid->data);
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        }
        ret = gnossl_datum_set(response, der, (size_t)n);
        OPENSSL_free(der);
        if (ret < 0) {
            if (response_type_oid)
                gnutls_free(response_type_oid->data);
            return ret;
        }
    }
    return 0;
}

int gnutls_ocsp_resp_get_version(gnutls_ocsp_resp_const_t resp)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL)
        return 1;
    unsigned char *der = NULL;
    int n = i2d_OCSP_RESPDATA(OCSP_resp_get0_respdata(resp->basic), &der);
    if (n <= 0)
        return 1;
    int v = gnossl_der_seq_version(der, (size_t)n);
    OPENSSL_free(der);
    return v;
}

int gnutls_ocsp_resp_get_responder(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *dn)
{
    int ret = gnutls_ocsp_resp_get_responder2(resp, dn, GNUTLS_X509_DN_FLAG_COMPAT);
    if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) {
        dn->data = NULL;
        dn->size = 0;
        return 0;
    }
    return ret;
}

int gnutls_ocsp_resp_get_responder2(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *dn, unsigned flags)
{
    const ASN1_OCTET_STRING *kid = NULL;
    const X509_NAME *name = NULL;
    if (resp == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    dn->data = NULL;
    dn->size = 0;
    if (resp->basic == NULL || !OCSP_resp_get0_id(resp->basic, &kid, &name) || name == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_dn_to_string(name, (flags & GNUTLS_X509_DN_FLAG_COMPAT) ? 1 : 0, dn);
}

int gnutls_ocsp_resp_get_responder_raw_id(gnutls_ocsp_resp_const_t resp, unsigned type, gnutls_datum_t *raw)
{
    const ASN1_OCTET_STRING *kid = NULL;
    const X509_NAME *name = NULL;
    if (resp == NULL || raw == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL || !OCSP_resp_get0_id(resp->basic, &kid, &name))
        /* GnuTLS reads the choice of an empty structure */
        return type == GNUTLS_OCSP_RESP_ID_KEY ? GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
                                               : GNOSSL_ERR(GNUTLS_E_ASN1_GENERIC_ERROR);
    if (type == GNUTLS_OCSP_RESP_ID_KEY) {
        if (kid == NULL)
            return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
        return gnossl_datum_set(raw, ASN1_STRING_get0_data(kid), (size_t)ASN1_STRING_length(kid));
    }
    if (name == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    unsigned char *der = NULL;
    int n = i2d_X509_NAME(name, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(raw, der, (size_t)n);
    OPENSSL_free(der);
    return ret;
}

time_t gnutls_ocsp_resp_get_produced(gnutls_ocsp_resp_const_t resp)
{
    if (resp == NULL || resp->basic == NULL)
        return (time_t)-1;
    return gnossl_asn1_time_to_time(OCSP_resp_get0_produced_at(resp->basic));
}

int gnutls_ocsp_resp_get_single(gnutls_ocsp_resp_const_t resp, unsigned indx, gnutls_digest_algorithm_t *digest,
                                gnutls_datum_t *issuer_name_hash, gnutls_datum_t *issuer_key_hash,
                                gnutls_datum_t *serial_number, unsigned int *cert_status, time_t *this_update,
                                time_t *next_update, time_t *revocation_time, unsigned int *revocation_reason)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL || indx >= (unsigned)OCSP_resp_count(resp->basic))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    OCSP_SINGLERESP *single = OCSP_resp_get0(resp->basic, (int)indx);
    const OCSP_CERTID *cid = OCSP_SINGLERESP_get0_id(single);
    int ret = gnossl_ocsp_certid_out(cid, digest, issuer_name_hash, issuer_key_hash, serial_number);
    if (ret < 0)
        return ret;

    int reason = -1;
    ASN1_GENERALIZEDTIME *rev = NULL, *thisupd = NULL, *nextupd = NULL;
    int st = OCSP_single_get0_status(single, &reason, &rev, &thisupd, &nextupd);
    if (cert_status)
        *cert_status = (unsigned)st;
    if (this_update)
        *this_update = thisupd ? gnossl_asn1_time_to_time(thisupd) : (time_t)-1;
    if (next_update)
        *next_update = nextupd ? gnossl_asn1_time_to_time(nextupd) : (time_t)-1;
    if (revocation_time)
        *revocation_time = (st == V_OCSP_CERTSTATUS_REVOKED && rev) ? gnossl_asn1_time_to_time(rev) : (time_t)-1;
    if (revocation_reason)
        *revocation_reason = (st == V_OCSP_CERTSTATUS_REVOKED && reason >= 0) ? (unsigned)reason
                                                                              : GNUTLS_X509_CRLREASON_UNSPECIFIED;
    return 0;
}

int gnutls_ocsp_resp_get_extension(gnutls_ocsp_resp_const_t resp, unsigned indx, gnutls_datum_t *oid,
                                   unsigned int *critical, gnutls_datum_t *data)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL || indx >= (unsigned)OCSP_BASICRESP_get_ext_count(resp->basic))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_ext_datums(OCSP_BASICRESP_get_ext(resp->basic, (int)indx), oid, critical, data);
}

/* The nonce extension's value is itself a DER OCTET STRING. */
int gnossl_ocsp_nonce_from_ext(X509_EXTENSION *ext, unsigned *critical, gnutls_datum_t *nonce);
int gnossl_ocsp_nonce_from_ext(X509_EXTENSION *ext, unsigned *critical, gnutls_datum_t *nonce)
{
    const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(ext);
    const unsigned char *p = ASN1_STRING_get0_data(v);
    long len = ASN1_STRING_length(v);
    ASN1_OCTET_STRING *inner = d2i_ASN1_OCTET_STRING(NULL, &p, len);
    if (inner == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if (critical)
        *critical = X509_EXTENSION_get_critical(ext) ? 1 : 0;
    int ret = gnossl_datum_set(nonce, ASN1_STRING_get0_data(inner), (size_t)ASN1_STRING_length(inner));
    ASN1_OCTET_STRING_free(inner);
    return ret;
}

int gnutls_ocsp_resp_get_nonce(gnutls_ocsp_resp_const_t resp, unsigned int *critical, gnutls_datum_t *nonce)
{
    if (resp == NULL || nonce == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int i = resp->basic ? OCSP_BASICRESP_get_ext_by_NID(resp->basic, NID_id_pkix_OCSP_Nonce, -1) : -1;
    if (i < 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return gnossl_ocsp_nonce_from_ext(OCSP_BASICRESP_get_ext(resp->basic, i), critical, nonce);
}

int gnutls_ocsp_resp_get_signature_algorithm(gnutls_ocsp_resp_const_t resp)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    return gnossl_sign_from_algor(OCSP_resp_get0_tbs_sigalg(resp->basic));
}

int gnutls_ocsp_resp_get_signature(gnutls_ocsp_resp_const_t resp, gnutls_datum_t *sig)
{
    if (resp == NULL || sig == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (resp->basic == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    const ASN1_OCTET_STRING *s = OCSP_resp_get0_signature(resp->basic);
    return gnossl_datum_set(sig, ASN1_STRING_get0_data(s), (size_t)ASN1_STRING_length(s));
}

int gnutls_ocsp_resp_get_certs(gnutls_ocsp_resp_const_t resp, gnutls_x509_crt_t **certs, size_t *ncerts)
{
    if (resp == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const STACK_OF(X509) *sk = resp->basic ? OCSP_resp_get0_certs(resp->basic) : NULL;
    int n = sk ? sk_X509_num(sk) : 0;
    gnutls_x509_crt_t *list = gnutls_calloc((size_t)n + 1, sizeof(*list));
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (int i = 0; i < n; i++) {
        int ret = gnossl_x509_crt_from_X509(sk_X509_value(sk, i), &list[i]);
        if (ret < 0) {
            for (int j = 0; j < i; j++)
                gnutls_x509_crt_deinit(list[j]);
            gnutls_free(list);
            return ret;
        }
    }
    if (ncerts)
        *ncerts = (size_t)n;
    if (certs) {
        *certs = list;
    } else {
        for (int j = 0; j < n; j++)
            gnutls_x509_crt_deinit(list[j]);
        gnutls_free(list);
    }
    return 0;
}

int gnutls_ocsp_resp_check_crt(gnutls_ocsp_resp_const_t resp, unsigned int indx, gnutls_x509_crt_t crt)
{
    gnutls_digest_algorithm_t dig;
    gnutls_datum_t nh = { NULL, 0 }, sn = { NULL, 0 };
    int ret;

    if (resp == NULL || crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_ocsp_resp_get_single(resp, indx, &dig, &nh, NULL, &sn, NULL, NULL, NULL, NULL, NULL);
    if (ret < 0)
        return ret;

    gnutls_datum_t csn = { NULL, 0 };
    ret = gnossl_asn1_int_datum(X509_get0_serialNumber(crt->x509), &csn);
    if (ret < 0)
        goto out;
    if (csn.size != sn.size || memcmp(csn.data, sn.data, sn.size) != 0) {
        ret = GNOSSL_ERR(GNUTLS_E_OCSP_RESPONSE_ERROR);
        goto out;
    }
    unsigned char *dn = NULL;
    int n = i2d_X509_NAME(X509_get_issuer_name(crt->x509), &dn);
    if (n <= 0) {
        ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        goto out;
    }
    unsigned char h[64];
    unsigned hl = gnutls_hash_get_len(dig);
    ret = gnutls_hash_fast(dig, dn, (size_t)n, h);
    OPENSSL_free(dn);
    if (ret < 0)
        goto out;
    if (hl != nh.size || memcmp(h, nh.data, hl) != 0)
        ret = GNOSSL_ERR(GNUTLS_E_OCSP_RESPONSE_ERROR);
    else
        ret = 0;
out:
    gnutls_free(csn.data);
    gnutls_free(nh.data);
    gnutls_free(sn.data);
    return ret;
}

int gnutls_ocsp_resp_list_import2(gnutls_ocsp_resp_t **ocsps, unsigned int *size, const gnutls_datum_t *resp_data,
                                  gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    (void)flags;
    if (ocsps == NULL || size == NULL || resp_data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_ocsp_resp_t resp = NULL;
    int ret;
    if (format != GNUTLS_X509_FMT_PEM) {
        ret = gnutls_ocsp_resp_init(&resp);
        if (ret < 0)
            return ret;
        ret = gnutls_ocsp_resp_import2(resp, resp_data, GNUTLS_X509_FMT_DER);
        if (ret < 0) {
            gnutls_ocsp_resp_deinit(resp);
            return ret;
        }
        *ocsps = gnutls_malloc(sizeof(**ocsps));
        if (*ocsps == NULL) {
            gnutls_ocsp_resp_deinit(resp);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        (*ocsps)[0] = resp;
        *size = 1;
        return 0;
    }

    /* every "OCSP RESPONSE" block in turn */
    *size = 0;
    *ocsps = NULL;
    static const char hdr[] = "-----BEGIN " PEM_OCSP_RESPONSE;
    const unsigned char *start = resp_data->data, *end = resp_data->data + resp_data->size;
    const unsigned char *p = start ? memmem(start, resp_data->size, hdr, sizeof hdr - 1) : NULL;
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    while (p != NULL) {
        gnutls_datum_t part = { (unsigned char *)p, (unsigned)(end - p) };
        ret = gnutls_ocsp_resp_init(&resp);
        if (ret >= 0)
            ret = gnutls_ocsp_resp_import2(resp, &part, GNUTLS_X509_FMT_PEM);
        gnutls_ocsp_resp_t *grown = ret >= 0 ? gnutls_realloc(*ocsps, (*size + 1) * sizeof(**ocsps)) : NULL;
        if (grown == NULL) {
            if (ret >= 0)
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            gnutls_ocsp_resp_deinit(resp);
            for (unsigned i = 0; i < *size; i++)
                gnutls_ocsp_resp_deinit((*ocsps)[i]);
            gnutls_free(*ocsps);
            *ocsps = NULL;
            *size = 0;
            return ret;
        }
        grown[(*size)++] = resp;
        *ocsps = grown;
        p++;
        p = memmem(p, (size_t)(end - p), hdr, sizeof hdr - 1);
    }
    return 0;
}
