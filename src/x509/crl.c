/* gnutls_x509_crl_*: certificate revocation lists on X509_CRL. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509.h>
#include <string.h>

static const char *const crl_labels[] = {"X509 CRL", NULL};

int gnutls_x509_crl_init(gnutls_x509_crl_t *crl)
{
    if (crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *crl = calloc(1, sizeof(**crl));
    return *crl ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static void crl_clear(gnutls_x509_crl_t crl)
{
    X509_CRL_free(crl->crl);
    crl->crl = NULL;
    gnutls_free(crl->der.data);
    crl->der.data = NULL;
    crl->der.size = 0;
    crl->dirty = 0;
}

void gnutls_x509_crl_deinit(gnutls_x509_crl_t crl)
{
    if (crl == NULL)
        return;
    crl_clear(crl);
    free(crl);
}

static int crl_import_der(gnutls_x509_crl_t crl, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    X509_CRL *c = (len > 0 && len < (1u << 30)) ? d2i_X509_CRL(NULL, &p, (long)len) : NULL;
    if (c == NULL || (size_t)(p - der) != len) {
        X509_CRL_free(c);
        return GNOSSL_ERR(len < 2 || der[0] != 0x30 ? GNUTLS_E_ASN1_TAG_ERROR : GNUTLS_E_ASN1_DER_ERROR);
    }
    crl_clear(crl);
    crl->crl = c;
    int ret = gnossl_datum_set(&crl->der, der, len);
    if (ret < 0)
        crl_clear(crl);
    return ret;
}

int gnutls_x509_crl_import(gnutls_x509_crl_t crl, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (crl == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (format != GNUTLS_X509_FMT_PEM)
        return crl_import_der(crl, data->data, data->size);
    gnutls_datum_t der;
    size_t pos = 0;
    int ret = gnossl_pem_decode_next(data, &pos, crl_labels, &der);
    if (ret < 0)
        return ret;
    ret = crl_import_der(crl, der.data, der.size);
    gnutls_free(der.data);
    return ret;
}

int gnutls_x509_crl_list_import2(gnutls_x509_crl_t **crls, unsigned int *size, const gnutls_datum_t *data,
                                 gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    (void)flags;
    if (crls == NULL || size == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_crl_t *list = NULL;
    unsigned n = 0;
    size_t pos = 0;
    for (;;) {
        gnutls_datum_t der;
        int ret;
        if (format == GNUTLS_X509_FMT_PEM) {
            ret = gnossl_pem_decode_next(data, &pos, crl_labels, &der);
            if (ret < 0) {
                if (n > 0)
                    break;
                return ret;
            }
        } else {
            if (n > 0)
                break;
            der = *data;
        }
        gnutls_x509_crl_t *nl = gnutls_realloc(list, (n + 1) * sizeof(*list));
        if (nl == NULL)
            ret = GNUTLS_E_MEMORY_ERROR;
        else {
            list = nl;
            ret = gnutls_x509_crl_init(&list[n]);
            if (ret == 0) {
                ret = crl_import_der(list[n], der.data, der.size);
                if (ret < 0)
                    gnutls_x509_crl_deinit(list[n]);
            }
        }
        if (format == GNUTLS_X509_FMT_PEM)
            gnutls_free(der.data);
        if (ret < 0) {
            for (unsigned i = 0; i < n; i++)
                gnutls_x509_crl_deinit(list[i]);
            gnutls_free(list);
            return GNOSSL_ERR(ret);
        }
        n++;
    }
    *crls = list;
    *size = n;
    return 0;
}

int gnutls_x509_crl_list_import(gnutls_x509_crl_t *crls, unsigned int *crl_max, const gnutls_datum_t *data,
                                gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    gnutls_x509_crl_t *all;
    unsigned n;
    if (crls == NULL || crl_max == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_x509_crl_list_import2(&all, &n, data, format, flags);
    if (ret < 0)
        return ret;
    if (n > *crl_max) {
        for (unsigned i = 0; i < n; i++)
            gnutls_x509_crl_deinit(all[i]);
        gnutls_free(all);
        *crl_max = n;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    memcpy(crls, all, n * sizeof(*all));
    gnutls_free(all);
    *crl_max = n;
    return (int)n;
}

int gnutls_x509_crl_export(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format, void *output_data,
                           size_t *output_data_size)
{
    if (crl == NULL || crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_crl_sync(crl);
    if (ret < 0)
        return ret;
    return gnossl_export_fmt("X509 CRL", crl->der.data, crl->der.size, format, output_data, output_data_size);
}

int gnutls_x509_crl_export2(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (crl == NULL || crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_crl_sync(crl);
    if (ret < 0)
        return ret;
    return gnossl_export_fmt2("X509 CRL", crl->der.data, crl->der.size, format, out);
}

int gnutls_x509_crl_get_version(gnutls_x509_crl_t crl)
{
    if (crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    return (int)X509_CRL_get_version(crl->crl) + 1;
}

time_t gnutls_x509_crl_get_this_update(gnutls_x509_crl_t crl)
{
    if (crl == NULL || crl->crl == NULL)
        return (time_t)-1;
    return gnossl_asn1_time_to_time(X509_CRL_get0_lastUpdate(crl->crl));
}

time_t gnutls_x509_crl_get_next_update(gnutls_x509_crl_t crl)
{
    if (crl == NULL || crl->crl == NULL)
        return (time_t)-1;
    return gnossl_asn1_time_to_time(X509_CRL_get0_nextUpdate(crl->crl));
}

int gnutls_x509_crl_get_crt_count(gnutls_x509_crl_t crl)
{
    if (crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crl->crl == NULL)
        return 0;
    STACK_OF(X509_REVOKED) *r = X509_CRL_get_REVOKED(crl->crl);
    return r ? sk_X509_REVOKED_num(r) : 0;
}

int gnutls_x509_crl_get_crt_serial(gnutls_x509_crl_t crl, unsigned indx, unsigned char *serial,
                                   size_t *serial_size, time_t *t)
{
    if (crl == NULL || crl->crl == NULL || serial_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(X509_REVOKED) *rs = X509_CRL_get_REVOKED(crl->crl);
    if (rs == NULL || (int)indx >= sk_X509_REVOKED_num(rs))
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    X509_REVOKED *r = sk_X509_REVOKED_value(rs, (int)indx);
    int ret = gnossl_copy_int_content(X509_REVOKED_get0_serialNumber(r), serial, serial_size);
    if (ret == 0 && t)
        *t = gnossl_asn1_time_to_time(X509_REVOKED_get0_revocationDate(r));
    return ret;
}

int gnutls_x509_crl_get_issuer_dn(gnutls_x509_crl_t crl, char *buf, size_t *sizeof_buf)
{
    if (crl == NULL || crl->crl == NULL || sizeof_buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnossl_dn_to_string(X509_CRL_get_issuer(crl->crl), 1, &d);
    if (ret < 0)
        return ret;
    ret = gnossl_copy_str(buf, sizeof_buf, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

int gnutls_x509_crl_get_issuer_dn2(gnutls_x509_crl_t crl, gnutls_datum_t *dn)
{
    if (crl == NULL || crl->crl == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_to_string(X509_CRL_get_issuer(crl->crl), 1, dn);
}

int gnutls_x509_crl_get_issuer_dn3(gnutls_x509_crl_t crl, gnutls_datum_t *dn, unsigned flags)
{
    if (crl == NULL || crl->crl == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_to_string(X509_CRL_get_issuer(crl->crl), (flags & GNUTLS_X509_DN_FLAG_COMPAT) != 0, dn);
}

int gnutls_x509_crl_get_raw_issuer_dn(gnutls_x509_crl_t crl, gnutls_datum_t *dn)
{
    const unsigned char *der = NULL;
    size_t len = 0;
    if (crl == NULL || crl->crl == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!X509_NAME_get0_der(X509_CRL_get_issuer(crl->crl), &der, &len))
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return gnossl_datum_set(dn, der, len);
}

int gnutls_x509_crl_get_signature_algorithm(gnutls_x509_crl_t crl)
{
    if (crl == NULL || crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const X509_ALGOR *alg = NULL;
    X509_CRL_get0_signature(crl->crl, NULL, &alg);
    return (int)gnossl_sign_from_algor(alg);
}

unsigned gnutls_x509_crl_check_issuer(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer)
{
    if (crl == NULL || crl->crl == NULL || issuer == NULL || issuer->x509 == NULL)
        return 0;
    return gnossl_dn_equal(X509_CRL_get_issuer(crl->crl), X509_get_subject_name(issuer->x509));
}

int gnutls_x509_crt_check_revocation(gnutls_x509_crt_t cert, const gnutls_x509_crl_t *crl_list, unsigned crl_list_length)
{
    if (cert == NULL || cert->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < crl_list_length; i++) {
        X509_CRL *c = crl_list[i] ? crl_list[i]->crl : NULL;
        if (c == NULL || !gnossl_dn_equal(X509_CRL_get_issuer(c), X509_get_issuer_name(cert->x509)))
            continue;
        X509_REVOKED *r = NULL;
        if (X509_CRL_get0_by_serial(c, &r, X509_get0_serialNumber(cert->x509)) == 1)
            return 1;
    }
    return 0;
}
