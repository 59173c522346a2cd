/* gnutls_pkcs7_print and gnutls_pkcs7_print_signature_info: GnuTLS
 * 3.7.9's text layout (signers with issuer DN, serial, signing time,
 * algorithm and, in full format, their attributes; then the certificates
 * and CRLs as PEM). */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <string.h>

static void print_dn(struct gnossl_buf *b, const char *prefix, const gnutls_datum_t *raw)
{
    gnutls_x509_dn_t dn = NULL;
    gnutls_datum_t s = { NULL, 0 };
    if (gnutls_x509_dn_init(&dn) < 0) {
        gnossl_buf_printf(b, "%s: [error]\n", prefix);
        return;
    }
    /* RFC 4514 order (get_str2 without the COMPAT flag), as GnuTLS prints it */
    if (gnutls_x509_dn_import(dn, raw) < 0 || gnutls_x509_dn_get_str2(dn, &s, 0) < 0)
        gnossl_buf_printf(b, "%s: [error]\n", prefix);
    else
        gnossl_buf_printf(b, "%s: %s\n", prefix, (const char *)s.data);
    gnutls_x509_dn_deinit(dn);
    gnutls_free(s.data);
}

static void print_raw(struct gnossl_buf *b, const char *prefix, const gnutls_datum_t *raw)
{
    if (raw->data == NULL || raw->size == 0)
        return;
    gnossl_buf_printf(b, "%s: ", prefix);
    gnossl_buf_hex(b, raw->data, raw->size);
    gnossl_buf_printf(b, "\n");
}

/* The names GnuTLS takes from its ASN.1 module for attribute OIDs. */
static const char *attr_name(const char *oid)
{
    static const struct {
        const char *oid, *name;
    } names[] = {
        { "1.2.840.113549.1.9.3", "contentType" },
        { "1.2.840.113549.1.9.4", "messageDigest" },
        { "1.2.840.113549.1.9.5", "signingTime" },
        { "1.2.840.113549.1.9.6", "countersignature" },
        { "1.2.840.113549.1.9.15", "smimeCapabilities" },
        { "1.2.840.113549.1.9.16.2.1", "aa-receiptRequest" },
        { "1.2.840.113549.1.9.16.2.2", "aa-securityLabel" },
        { "1.2.840.113549.1.9.16.2.3", "aa-mlExpandHistory" },
        { "1.2.840.113549.1.9.16.2.4", "aa-contentHint" },
        { "1.2.840.113549.1.9.16.2.9", "aa-equivalentLabels" },
        { "1.2.840.113549.1.9.16.2.10", "aa-contentReference" },
        { "1.2.840.113549.1.9.16.2.11", "aa-encrypKeyPref" },
        { "1.2.840.113549.1.9.16.2.12", "aa-signingCertificate" },
        { "1.2.840.113549.1.9.16.2.19", "aa-ets-otherSigCert" },
        { "1.2.840.113549.1.9.16.2.47", "aa-signingCertificateV2" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].oid, oid) == 0)
            return names[i].name;
    return oid;
}

static void print_attrs(struct gnossl_buf *b, gnutls_pkcs7_attrs_t list, const char *title)
{
    for (unsigned i = 0;; i++) {
        char *oid;
        gnutls_datum_t d;
        if (gnutls_pkcs7_get_attr(list, i, &oid, &d, 0) < 0)
            break;
        if (i == 0)
            gnossl_buf_printf(b, "\t%s:\n", title);
        char prefix[160];
        snprintf(prefix, sizeof prefix, "\t\t%s", attr_name(oid));
        print_raw(b, prefix, &d);
        gnutls_free(d.data);
    }
}

static void print_info(struct gnossl_buf *b, gnutls_pkcs7_signature_info_st *info,
                       gnutls_certificate_print_formats_t format)
{
    /* signers named by key id have no issuer DN to print */
    if (info->issuer_dn.size > 0)
        print_dn(b, "\tSigner's issuer DN", &info->issuer_dn);
    print_raw(b, "\tSigner's serial", &info->signer_serial);
    print_raw(b, "\tSigner's issuer key ID", &info->issuer_keyid);
    if (info->signing_time != -1)
        gnossl_buf_time(b, "\tSigning time: ", info->signing_time, "signing time");
    const char *alg = gnutls_sign_get_name(info->algo);
    gnossl_buf_printf(b, "\tSignature Algorithm: %s\n", alg ? alg : "(null)");
    if (format == GNUTLS_CRT_PRINT_FULL) {
        if (info->signed_attrs)
            print_attrs(b, info->signed_attrs, "Signed Attributes");
        if (info->unsigned_attrs)
            print_attrs(b, info->unsigned_attrs, "Unsigned Attributes");
    }
    gnossl_buf_printf(b, "\n");
}

int gnutls_pkcs7_print_signature_info(gnutls_pkcs7_signature_info_st *info,
                                      gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct gnossl_buf b = { NULL, 0, 0, 0 };
    if (info == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    print_info(&b, info, format);
    return gnossl_buf_finish(&b, out);
}

static void print_pem_list(struct gnossl_buf *b, gnutls_pkcs7_t pkcs7, int count, int crls)
{
    for (int i = 0; i < count; i++) {
        gnutls_datum_t d, pem;
        int ret = crls ? gnutls_pkcs7_get_crl_raw2(pkcs7, (unsigned)i, &d)
                       : gnutls_pkcs7_get_crt_raw2(pkcs7, (unsigned)i, &d);
        if (ret < 0) {
            /* GnuTLS says "certificate" for CRLs too */
            gnossl_buf_printf(b, "Error: cannot print certificate %d\n", i);
            continue;
        }
        ret = gnutls_pem_base64_encode2(crls ? "X509 CRL" : "CERTIFICATE", &d, &pem);
        gnutls_free(d.data);
        if (ret < 0)
            continue;
        gnossl_buf_printf(b, "%s\n", (const char *)pem.data);
        gnutls_free(pem.data);
    }
}

int gnutls_pkcs7_print(gnutls_pkcs7_t pkcs7, gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct gnossl_buf b = { NULL, 0, 0, 0 };
    if (pkcs7 == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* id-data and digestedData are not named, as in GnuTLS */
    const char *oid = gnutls_pkcs7_get_embedded_data_oid(pkcs7);
    if (oid && strcmp(oid, "1.2.840.113549.1.7.1") != 0 && strcmp(oid, "1.2.840.113549.1.7.5") != 0)
        gnossl_buf_printf(&b, "eContent Type: %s\n", oid);
    for (unsigned i = 0;; i++) {
        gnutls_pkcs7_signature_info_st info;
        if (i == 0)
            gnossl_buf_printf(&b, "Signers:\n");
        if (gnutls_pkcs7_get_signature_info(pkcs7, i, &info) < 0)
            break;
        print_info(&b, &info, format);
        gnutls_pkcs7_signature_info_deinit(&info);
    }
    if (format == GNUTLS_CRT_PRINT_FULL) {
        int count = gnutls_pkcs7_get_crt_count(pkcs7);
        if (count > 0) {
            gnossl_buf_printf(&b, "Number of certificates: %u\n\n", (unsigned)count);
            print_pem_list(&b, pkcs7, count, 0);
        }
        count = gnutls_pkcs7_get_crl_count(pkcs7);
        if (count > 0) {
            gnossl_buf_printf(&b, "Number of CRLs: %u\n\n", (unsigned)count);
            print_pem_list(&b, pkcs7, count, 1);
        }
    }
    return gnossl_buf_finish(&b, out);
}
