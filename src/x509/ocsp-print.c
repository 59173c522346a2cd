/* gnutls_ocsp_resp_print / gnutls_ocsp_req_print: the layout of GnuTLS
 * 3.7.9's text output, built from the public getters. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <string.h>

static void print_extension(struct gnossl_buf *b, const gnutls_datum_t *oid, unsigned critical,
                            const gnutls_datum_t *data, int nonce_ret, unsigned ncrit,
                            const gnutls_datum_t *nonce)
{
    if (oid->size == strlen(GNUTLS_OCSP_NONCE) && memcmp(oid->data, GNUTLS_OCSP_NONCE, oid->size) == 0) {
        if (nonce_ret < 0) {
            gnossl_buf_printf(b, "error: get_nonce: %s\n", gnutls_strerror(nonce_ret));
        } else {
            gnossl_buf_printf(b, "\t\tNonce%s: ", ncrit ? " (critical)" : "");
            gnossl_buf_hex(b, nonce->data, nonce->size);
            gnossl_buf_printf(b, "\n");
        }
        return;
    }
    gnossl_buf_printf(b, "\t\tUnknown extension %s (%s):\n", (const char *)oid->data,
                      critical ? "critical" : "not critical");
    gnossl_buf_printf(b, "\t\t\tASCII: ");
    for (unsigned i = 0; i < data->size; i++) {
        unsigned char c = data->data[i];
        gnossl_buf_printf(b, "%c", (c >= 0x20 && c < 0x7f) ? c : '.');
    }
    gnossl_buf_printf(b, "\n\t\t\tHexdump: ");
    gnossl_buf_hex(b, data->data, data->size);
    gnossl_buf_printf(b, "\n");
}

static void print_certid(struct gnossl_buf *b, gnutls_digest_algorithm_t dig, const gnutls_datum_t *in,
                         const gnutls_datum_t *ik, const gnutls_datum_t *sn)
{
    const char *name = gnutls_digest_get_name(dig);
    gnossl_buf_printf(b, "\t\t\tHash Algorithm: %s\n", name ? name : "(null)");
    gnossl_buf_printf(b, "\t\t\tIssuer Name Hash: ");
    gnossl_buf_hex(b, in->data, in->size);
    gnossl_buf_printf(b, "\n\t\t\tIssuer Key Hash: ");
    gnossl_buf_hex(b, ik->data, ik->size);
    gnossl_buf_printf(b, "\n\t\t\tSerial Number: ");
    gnossl_buf_hex(b, sn->data, sn->size);
    gnossl_buf_printf(b, "\n");
}

int gnutls_ocsp_req_print(gnutls_ocsp_req_const_t req, gnutls_ocsp_print_formats_t format, gnutls_datum_t *out)
{
    struct gnossl_buf b = { 0 };
    int ret;

    if (req == NULL || out == NULL || format != GNUTLS_OCSP_PRINT_FULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnossl_buf_printf(&b, "OCSP Request Information:\n");
    ret = gnutls_ocsp_req_get_version(req);
    if (ret < 0)
        gnossl_buf_printf(&b, "error: get_version: %s\n", gnutls_strerror(ret));
    else
        gnossl_buf_printf(&b, "\tVersion: %d\n", ret);
    gnossl_buf_printf(&b, "\tRequest List:\n");
    for (unsigned i = 0;; i++) {
        gnutls_digest_algorithm_t dig;
        gnutls_datum_t in, ik, sn;
        ret = gnutls_ocsp_req_get_cert_id(req, i, &dig, &in, &ik, &sn);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        gnossl_buf_printf(&b, "\t\tCertificate ID:\n");
        if (ret < 0) {
            gnossl_buf_printf(&b, "error: get_cert_id: %s\n", gnutls_strerror(ret));
            continue;
        }
        print_certid(&b, dig, &in, &ik, &sn);
        gnutls_free(in.data);
        gnutls_free(ik.data);
        gnutls_free(sn.data);
    }
    for (unsigned i = 0;; i++) {
        gnutls_datum_t oid, data, nonce = { NULL, 0 };
        unsigned crit = 0, ncrit = 0;
        ret = gnutls_ocsp_req_get_extension(req, i, &oid, &crit, &data);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        if (ret < 0) {
            gnossl_buf_printf(&b, "error: get_extension: %s\n", gnutls_strerror(ret));
            continue;
        }
        if (i == 0)
            gnossl_buf_printf(&b, "\tExtensions:\n");
        int nret = gnutls_ocsp_req_get_nonce(req, &ncrit, &nonce);
        print_extension(&b, &oid, crit, &data, nret, ncrit, &nonce);
        if (nret >= 0)
            gnutls_free(nonce.data);
        gnutls_free(oid.data);
        gnutls_free(data.data);
    }
    return gnossl_buf_finish(&b, out);
}

static const char *status_name(int st)
{
    switch (st) {
    case GNUTLS_OCSP_RESP_MALFORMEDREQUEST:
        return "malformedRequest";
    case GNUTLS_OCSP_RESP_INTERNALERROR:
        return "internalError";
    case GNUTLS_OCSP_RESP_TRYLATER:
        return "tryLater";
    case GNUTLS_OCSP_RESP_SIGREQUIRED:
        return "sigRequired";
    case GNUTLS_OCSP_RESP_UNAUTHORIZED:
        return "unauthorized";
    default:
        return "unknown";
    }
}

static void print_certs(struct gnossl_buf *b, gnutls_ocsp_resp_const_t resp)
{
    gnutls_x509_crt_t *certs;
    size_t n;
    int ret = gnutls_ocsp_resp_get_certs(resp, &certs, &n);
    if (ret < 0) {
        gnossl_buf_printf(b, "error: get_certs: %s\n", gnutls_strerror(ret));
        return;
    }
    if (n > 0)
        gnossl_buf_printf(b, "\tAdditional certificates:\n");
    for (size_t i = 0; i < n; i++) {
        gnutls_datum_t out;
        ret = gnutls_x509_crt_print(certs[i], GNUTLS_CRT_PRINT_FULL, &out);
        if (ret < 0) {
            gnossl_buf_printf(b, "error: crt_print: %s\n", gnutls_strerror(ret));
        } else {
            gnossl_buf_printf(b, "%.*s", (int)out.size, out.data);
            gnutls_free(out.data);
        }
        ret = gnutls_x509_crt_export2(certs[i], GNUTLS_X509_FMT_PEM, &out);
        if (ret < 0) {
            gnossl_buf_printf(b, "error: crt_export: %s\n", gnutls_strerror(ret));
        } else {
            gnossl_buf_printf(b, "%.*s", (int)out.size, out.data);
            gnutls_free(out.data);
        }
        gnutls_x509_crt_deinit(certs[i]);
    }
    gnutls_free(certs);
}

static void print_resp(struct gnossl_buf *b, gnutls_ocsp_resp_const_t resp, gnutls_ocsp_print_formats_t format)
{
    int ret = gnutls_ocsp_resp_get_status(resp);
    if (ret < 0) {
        gnossl_buf_printf(b, "error: ocsp_resp_get_status: %s\n", gnutls_strerror(ret));
        return;
    }
    if (ret != GNUTLS_OCSP_RESP_SUCCESSFUL) {
        gnossl_buf_printf(b, "\tResponse Status: %s\n", status_name(ret));
        return;
    }
    gnossl_buf_printf(b, "\tResponse Status: Successful\n");

    gnutls_datum_t oid;
    ret = gnutls_ocsp_resp_get_response(resp, &oid, NULL);
    if (ret < 0) {
        gnossl_buf_printf(b, "error: get_response: %s\n", gnutls_strerror(ret));
        return;
    }
    gnossl_buf_printf(b, "\tResponse Type: ");
    if (oid.size == 20 && memcmp(oid.data, "1.3.6.1.5.5.7.48.1.1", 20) == 0) {
        gnossl_buf_printf(b, "Basic OCSP Response\n");
        gnutls_free(oid.data);
    } else {
        gnossl_buf_printf(b, "Unknown response type (%.*s)\n", (int)oid.size, oid.data);
        gnutls_free(oid.data);
        return;
    }

    ret = gnutls_ocsp_resp_get_version(resp);
    if (ret < 0)
        gnossl_buf_printf(b, "error: get_version: %s\n", gnutls_strerror(ret));
    else
        gnossl_buf_printf(b, "\tVersion: %d\n", ret);

    gnutls_datum_t dn;
    ret = gnutls_ocsp_resp_get_responder2(resp, &dn, 0);
    if (ret >= 0) {
        gnossl_buf_printf(b, "\tResponder ID: %.*s\n", (int)dn.size, dn.data);
        gnutls_free(dn.data);
    } else if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) {
        ret = gnutls_ocsp_resp_get_responder_raw_id(resp, GNUTLS_OCSP_RESP_ID_KEY, &dn);
        if (ret >= 0) {
            gnossl_buf_printf(b, "\tResponder Key ID: ");
            gnossl_buf_hex(b, dn.data, dn.size);
            gnossl_buf_printf(b, "\n");
            gnutls_free(dn.data);
        }
    } else {
        gnossl_buf_printf(b, "error: get_dn: %s\n", gnutls_strerror(ret));
    }

    gnossl_buf_time(b, "\tProduced At: ", gnutls_ocsp_resp_get_produced(resp), "ocsp_resp_get_produced");

    gnossl_buf_printf(b, "\tResponses:\n");
    for (unsigned i = 0;; i++) {
        gnutls_digest_algorithm_t dig;
        gnutls_datum_t in, ik, sn;
        unsigned cs, reason;
        time_t tu, nu, rt;
        ret = gnutls_ocsp_resp_get_single(resp, i, &dig, &in, &ik, &sn, &cs, &tu, &nu, &rt, &reason);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        gnossl_buf_printf(b, "\t\tCertificate ID:\n");
        if (ret < 0) {
            gnossl_buf_printf(b, "error: get_singleresponse: %s\n", gnutls_strerror(ret));
            continue;
        }
        print_certid(b, dig, &in, &ik, &sn);
        gnutls_free(in.data);
        gnutls_free(ik.data);
        gnutls_free(sn.data);
        if (cs == GNUTLS_OCSP_CERT_GOOD)
            gnossl_buf_printf(b, "\t\tCertificate Status: good\n");
        else if (cs == GNUTLS_OCSP_CERT_REVOKED)
            gnossl_buf_printf(b, "\t\tCertificate Status: revoked\n");
        else if (cs == GNUTLS_OCSP_CERT_UNKNOWN)
            gnossl_buf_printf(b, "\t\tCertificate Status: unknown\n");
        else
            gnossl_buf_printf(b, "\t\tCertificate Status: unexpected value %u\n", cs);
        if (cs == GNUTLS_OCSP_CERT_REVOKED)
            gnossl_buf_time(b, "\t\tRevocation time: ", rt, "revocation_time");
        gnossl_buf_time(b, "\t\tThis Update: ", tu, "this_update");
        if (nu != (time_t)-1) /* optional: GnuTLS prints nothing when absent */
            gnossl_buf_time(b, "\t\tNext Update: ", nu, "next_update");
    }

    gnossl_buf_printf(b, "\tExtensions:\n");
    for (unsigned i = 0;; i++) {
        gnutls_datum_t eoid, data, nonce = { NULL, 0 };
        unsigned crit = 0, ncrit = 0;
        ret = gnutls_ocsp_resp_get_extension(resp, i, &eoid, &crit, &data);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        if (ret < 0) {
            gnossl_buf_printf(b, "error: get_extension: %s\n", gnutls_strerror(ret));
            continue;
        }
        int nret = gnutls_ocsp_resp_get_nonce(resp, &ncrit, &nonce);
        print_extension(b, &eoid, crit, &data, nret, ncrit, &nonce);
        if (nret >= 0)
            gnutls_free(nonce.data);
        gnutls_free(eoid.data);
        gnutls_free(data.data);
    }

    ret = gnutls_ocsp_resp_get_signature_algorithm(resp);
    if (ret < 0) {
        gnossl_buf_printf(b, "error: get_signature_algorithm: %s\n", gnutls_strerror(ret));
    } else {
        const char *name = gnutls_sign_get_name(ret);
        gnossl_buf_printf(b, "\tSignature Algorithm: %s\n", name ? name : "unknown");
    }
    if (ret >= 0 && gnutls_sign_is_secure(ret) == 0)
        gnossl_buf_printf(b, "warning: signed using a broken signature algorithm that can be forged.\n");

    if (format == GNUTLS_OCSP_PRINT_FULL) {
        gnutls_datum_t sig;
        ret = gnutls_ocsp_resp_get_signature(resp, &sig);
        if (ret < 0) {
            gnossl_buf_printf(b, "error: get_signature: %s\n", gnutls_strerror(ret));
        } else {
            gnossl_buf_printf(b, "\tSignature:\n");
            gnossl_buf_hexdump(b, sig.data, sig.size, "\t\t");
            gnutls_free(sig.data);
        }
        print_certs(b, resp);
    }
}

int gnutls_ocsp_resp_print(gnutls_ocsp_resp_const_t resp, gnutls_ocsp_print_formats_t format, gnutls_datum_t *out)
{
    struct gnossl_buf b = { 0 };
    if (resp == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnossl_buf_printf(&b, "OCSP Response Information:\n");
    print_resp(&b, resp, format);
    return gnossl_buf_finish(&b, out);
}
