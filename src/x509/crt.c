/* gnutls_x509_crt_*: lifecycle, import/export, lists. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/asn1.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

static const char *const crt_labels[] = {"X509 CERTIFICATE", "CERTIFICATE", NULL};

int gnutls_x509_crt_init(gnutls_x509_crt_t *cert)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *cert = calloc(1, sizeof(**cert));
    if (*cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    return 0;
}

static void crt_clear(gnutls_x509_crt_t cert)
{
    cert->dirty = 0;
    X509_free(cert->x509);
    cert->x509 = NULL;
    gnutls_free(cert->der.data);
    cert->der.data = NULL;
    cert->der.size = 0;
    for (int i = 0; i < 2; i++) {
        gnutls_free(cert->uid[i].data);
        cert->uid[i].data = NULL;
        cert->uid[i].size = 0;
    }
}

void gnutls_x509_crt_deinit(gnutls_x509_crt_t cert)
{
    if (cert == NULL)
        return;
    crt_clear(cert);
    free(cert);
}

/* The error libtasn1 would have given GnuTLS for DER that OpenSSL refused:
 * the outer SEQUENCE header decides between a tag error, a missing element
 * and a general DER error. */
static int der_error(const unsigned char *der, size_t len)
{
    if (len < 2 || der[0] != 0x30)
        return GNUTLS_E_ASN1_TAG_ERROR;
    size_t lenbytes = (der[1] & 0x80) ? (der[1] & 0x7f) : 0;
    if (2 + lenbytes > len)
        return len == 2 ? GNUTLS_E_ASN1_ELEMENT_NOT_FOUND : GNUTLS_E_ASN1_DER_ERROR;
    size_t content = 0;
    if (lenbytes == 0)
        content = der[1];
    else
        for (size_t i = 0; i < lenbytes; i++)
            content = (content << 8) | der[2 + i];
    size_t hdr = 2 + lenbytes;
    if (content != len - hdr)
        return GNUTLS_E_ASN1_DER_ERROR;
    if (content < 2 || der[hdr] != 0x30)
        return GNUTLS_E_ASN1_TAG_ERROR;
    return GNUTLS_E_ASN1_DER_ERROR;
}

/* Parse one DER certificate into cert (replacing what it held). */
static int crt_import_der(gnutls_x509_crt_t cert, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    X509 *x = NULL;

    if (len > 0 && len < (1u << 30))
        x = d2i_X509(NULL, &p, (long)len);
    if (x == NULL || (size_t)(p - der) != len) {
        X509_free(x);
        return GNOSSL_ERR(der_error(der, len));
    }
    /* OpenSSL keeps times as text until used; GnuTLS decodes them on import */
    if (!ASN1_TIME_check(X509_get0_notBefore(x)) || !ASN1_TIME_check(X509_get0_notAfter(x))) {
        X509_free(x);
        return GNOSSL_ERR(GNUTLS_E_ASN1_TIME_ERROR);
    }
    /* the inner and outer signature algorithms must agree */
    const X509_ALGOR *outer = NULL;
    X509_get0_signature(NULL, &outer, x);
    if (X509_ALGOR_cmp(outer, X509_get0_tbs_sigalg(x)) != 0) {
        X509_free(x);
        return GNOSSL_ERR(GNUTLS_E_CERTIFICATE_ERROR);
    }
    /* GnuTLS decodes the subject alternative names on import */
    if (X509_get_ext_by_NID(x, NID_subject_alt_name, -1) >= 0) {
        int crit = 0;
        GENERAL_NAMES *gns = X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL);
        if (gns == NULL) {
            X509_free(x);
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        }
        GENERAL_NAMES_free(gns);
    }
    crt_clear(cert);
    cert->x509 = x;
    int ret = gnossl_datum_set(&cert->der, der, len);
    if (ret < 0) {
        crt_clear(cert);
        return ret;
    }
    return 0;
}

static int crt_import(gnutls_x509_crt_t cert, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (format != GNUTLS_X509_FMT_PEM)
        return crt_import_der(cert, data->data, data->size);

    gnutls_datum_t der;
    size_t pos = 0;
    int ret = gnossl_pem_decode_next(data, &pos, crt_labels, &der);
    if (ret < 0)
        return ret;
    ret = crt_import_der(cert, der.data, der.size);
    gnutls_free(der.data);
    return ret;
}

int gnutls_x509_crt_import(gnutls_x509_crt_t cert, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    if (cert == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = crt_import(cert, data, format);
    cert->import_failed = ret < 0 && cert->x509 == NULL;
    return ret;
}

int gnossl_x509_crt_from_X509(X509 *x, gnutls_x509_crt_t *out)
{
    unsigned char *der = NULL;
    int len = i2d_X509(x, &der);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    int ret = gnutls_x509_crt_init(out);
    if (ret == 0) {
        ret = gnossl_datum_set(&(*out)->der, der, (size_t)len);
        if (ret == 0) {
            X509_up_ref(x);
            (*out)->x509 = x;
        } else {
            gnutls_x509_crt_deinit(*out);
            *out = NULL;
        }
    }
    OPENSSL_free(der);
    return ret;
}

int gnutls_x509_crt_export(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format, void *output_data,
                           size_t *output_data_size)
{
    if (cert == NULL || cert->x509 == NULL)
        return GNOSSL_ERR(cert ? GNOSSL_EMPTY_CRT_ERR(cert) : GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_crt_sync(cert);
    if (ret < 0)
        return ret;
    return gnossl_export_fmt("CERTIFICATE", cert->der.data, cert->der.size, format, output_data,
                             output_data_size);
}

int gnutls_x509_crt_export2(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (cert == NULL || cert->x509 == NULL)
        return GNOSSL_ERR(cert ? GNOSSL_EMPTY_CRT_ERR(cert) : GNUTLS_E_INVALID_REQUEST);
    int ret = gnossl_crt_sync(cert);
    if (ret < 0)
        return ret;
    return gnossl_export_fmt2("CERTIFICATE", cert->der.data, cert->der.size, format, out);
}

/* ---- lists ---- */

/* Is list[i+1] the issuer of list[i] for every i? */
static int list_sorted(gnutls_x509_crt_t *list, unsigned n)
{
    for (unsigned i = 0; i + 1 < n; i++)
        if (!gnutls_x509_crt_check_issuer(list[i], list[i + 1]))
            return 0;
    return 1;
}

/* Reorder so that each certificate is followed by its issuer, starting
 * from the first and stopping at a self-signed one or a missing issuer;
 * returns the length of that chain (GnuTLS then drops the rest). */
static unsigned list_sort(gnutls_x509_crt_t *list, unsigned n)
{
    unsigned len = 1;
    while (len < n) {
        gnutls_x509_crt_t last = list[len - 1];
        if (gnutls_x509_crt_check_issuer(last, last))
            break;
        unsigned j;
        for (j = len; j < n; j++)
            if (gnutls_x509_crt_check_issuer(last, list[j]))
                break;
        if (j == n)
            break;
        gnutls_x509_crt_t t = list[j];
        list[j] = list[len];
        list[len] = t;
        len++;
    }
    return len;
}

/* Import up to `max` certificates; *count receives how many were found in
 * total (parsed only while they fit). */
static int list_import_int(gnutls_x509_crt_t *certs, unsigned max, unsigned *count,
                           const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format)
{
    unsigned n = 0;
    int ret;

    *count = 0;
    if (format != GNUTLS_X509_FMT_PEM) {
        if (max < 1) {
            *count = 1;
            return 0;
        }
        ret = gnutls_x509_crt_init(&certs[0]);
        if (ret < 0)
            return ret;
        ret = gnutls_x509_crt_import(certs[0], data, format);
        if (ret < 0) {
            gnutls_x509_crt_deinit(certs[0]);
            return ret;
        }
        *count = 1;
        return 0;
    }

    size_t pos = 0;
    for (;;) {
        gnutls_datum_t der;
        ret = gnossl_pem_decode_next(data, &pos, crt_labels, &der);
        if (ret < 0) {
            if (n == 0) {
                /* no armour at all: nothing that looks like a certificate */
                if (data->data == NULL || memmem(data->data, data->size, "-----BEGIN", 10) == NULL)
                    return GNOSSL_ERR(GNUTLS_E_NO_CERTIFICATE_FOUND);
                return ret;
            }
            break;
        }
        if (n < max) {
            ret = gnutls_x509_crt_init(&certs[n]);
            if (ret == 0) {
                ret = crt_import_der(certs[n], der.data, der.size);
                if (ret < 0)
                    gnutls_x509_crt_deinit(certs[n]);
            }
            if (ret < 0) {
                gnutls_free(der.data);
                for (unsigned i = 0; i < n; i++)
                    gnutls_x509_crt_deinit(certs[i]);
                return ret;
            }
        }
        gnutls_free(der.data);
        n++;
    }
    *count = n;
    return 0;
}

int gnutls_x509_crt_list_import(gnutls_x509_crt_t *certs, unsigned int *cert_max, const gnutls_datum_t *data,
                                gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    unsigned found = 0;

    if (cert_max == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = list_import_int(certs, *cert_max, &found, data, format);
    if (ret < 0)
        return ret;
    unsigned got = found < *cert_max ? found : *cert_max;
    if (found > *cert_max && (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED)) {
        for (unsigned i = 0; i < got; i++)
            gnutls_x509_crt_deinit(certs[i]);
        *cert_max = found;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    if (got > 1 && (flags & GNUTLS_X509_CRT_LIST_SORT)) {
        unsigned chain = list_sort(certs, got);
        for (unsigned i = chain; i < got; i++)
            gnutls_x509_crt_deinit(certs[i]);
        got = chain;
    } else if (got > 1 && (flags & GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED) && !list_sorted(certs, got)) {
        for (unsigned i = 0; i < got; i++)
            gnutls_x509_crt_deinit(certs[i]);
        *cert_max = got;
        return GNOSSL_ERR(GNUTLS_E_CERTIFICATE_LIST_UNSORTED);
    }
    *cert_max = got;
    return (int)got;
}

int gnutls_x509_crt_list_import2(gnutls_x509_crt_t **certs, unsigned int *size, const gnutls_datum_t *data,
                                 gnutls_x509_crt_fmt_t format, unsigned int flags)
{
    unsigned found = 0;

    if (certs == NULL || size == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* count first, then import into an array of the right size */
    int ret = list_import_int(NULL, 0, &found, data, format);
    if (ret < 0)
        return ret;
    gnutls_x509_crt_t *list = gnutls_malloc((found ? found : 1) * sizeof(*list));
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    unsigned max = found;
    ret = gnutls_x509_crt_list_import(list, &max, data, format, flags | GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
    if (ret < 0) {
        gnutls_free(list);
        return ret;
    }
    *certs = list;
    *size = max;
    return 0;
}

/* ---- simple fields ---- */

int gnutls_x509_crt_get_version(gnutls_x509_crt_t cert)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return 1;
    return (int)X509_get_version(cert->x509) + 1;
}

int gnutls_x509_crt_get_serial(gnutls_x509_crt_t cert, void *result, size_t *result_size)
{
    if (cert == NULL || result_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        return GNOSSL_ERR(GNOSSL_EMPTY_CRT_ERR(cert));
    /* the content octets of the INTEGER, two's complement as encoded */
    return gnossl_copy_int_content(X509_get0_serialNumber(cert->x509), result, result_size);
}

time_t gnossl_asn1_time_to_time(const ASN1_TIME *t)
{
    struct tm tm;
    if (t == NULL || !ASN1_TIME_to_tm(t, &tm))
        return (time_t)-1;
    /* GeneralizedTime 99991231235959Z means "no well-defined expiration" */
    if (tm.tm_year + 1900 == 9999 && tm.tm_mon == 11 && tm.tm_mday == 31 && tm.tm_hour == 23 &&
        tm.tm_min == 59 && tm.tm_sec == 59)
        return (time_t)-1;
    return timegm(&tm);
}

time_t gnutls_x509_crt_get_activation_time(gnutls_x509_crt_t cert)
{
    if (cert == NULL || cert->x509 == NULL)
        return (time_t)-1;
    return gnossl_asn1_time_to_time(X509_get0_notBefore(cert->x509));
}

time_t gnutls_x509_crt_get_expiration_time(gnutls_x509_crt_t cert)
{
    if (cert == NULL || cert->x509 == NULL)
        return (time_t)-1;
    return gnossl_asn1_time_to_time(X509_get0_notAfter(cert->x509));
}

static int name_der(const X509_NAME *name, gnutls_datum_t *out)
{
    const unsigned char *der = NULL;
    size_t len = 0;
    if (name == NULL || !X509_NAME_get0_der((X509_NAME *)name, &der, &len))
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    return gnossl_datum_set(out, der, len);
}

int gnutls_x509_crt_get_raw_dn(gnutls_x509_crt_t cert, gnutls_datum_t *start)
{
    if (cert == NULL || cert->x509 == NULL || start == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return name_der(X509_get_subject_name(cert->x509), start);
}

int gnutls_x509_crt_get_raw_issuer_dn(gnutls_x509_crt_t cert, gnutls_datum_t *start)
{
    if (cert == NULL || cert->x509 == NULL || start == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return name_der(X509_get_issuer_name(cert->x509), start);
}

unsigned gnutls_x509_crt_equals(gnutls_x509_crt_t cert1, gnutls_x509_crt_t cert2)
{
    if (cert1 == NULL || cert2 == NULL || cert1->x509 == NULL || cert2->x509 == NULL)
        return 0;
    if (cert1 == cert2)
        return 1;
    if (gnossl_crt_sync(cert1) < 0 || gnossl_crt_sync(cert2) < 0)
        return 0;
    return cert1->der.size == cert2->der.size && memcmp(cert1->der.data, cert2->der.data, cert1->der.size) == 0;
}

unsigned gnutls_x509_crt_equals2(gnutls_x509_crt_t cert1, const gnutls_datum_t *der)
{
    if (cert1 == NULL || cert1->x509 == NULL || der == NULL || gnossl_crt_sync(cert1) < 0)
        return 0;
    return cert1->der.size == der->size && memcmp(cert1->der.data, der->data, der->size) == 0;
}

unsigned gnutls_x509_crt_check_issuer(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer)
{
    if (cert == NULL || issuer == NULL)
        return 0;
    return (unsigned)gnossl_x509_is_issuer(cert->x509, issuer->x509);
}

void gnutls_x509_crt_set_flags(gnutls_x509_crt_t cert, unsigned flags)
{
    if (cert)
        cert->flags = flags;
}

/* PINs only matter for certificates read from tokens; remember the
 * callback like GnuTLS does. */
void gnutls_x509_crt_set_pin_function(gnutls_x509_crt_t crt, gnutls_pin_callback_t fn, void *userdata)
{
    if (crt == NULL)
        return;
    crt->pin_fn = fn;
    crt->pin_data = userdata;
}

/* ---- GnuTLS private helper exported for its tools and tests ---- */

GNOSSL_EXPORT time_t _gnutls_x509_generalTime2gtime(const char *ttime);

static int num(const char *s, size_t n)
{
    char b[8];
    memcpy(b, s, n);
    b[n] = 0;
    return atoi(b);
}

/* "YYYYMMDDHHMM[SS]...Z" to seconds since the epoch, with GnuTLS 3.7.9's
 * leniency: fields read as numbers (trailing junk ignored), years before
 * 1970 give 0, out-of-range month/day/hour/minute give -1. */
time_t _gnutls_x509_generalTime2gtime(const char *ttime)
{
    static const int mdays[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    if (ttime == NULL || strlen(ttime) < 12 || strchr(ttime, 'Z') == NULL || strchr(ttime, '.') != NULL)
        return (time_t)-1;
    int year = num(ttime, 4);
    const char *t = ttime + 4;
    int mon = num(t, 2) - 1, mday = num(t + 2, 2), hour = num(t + 4, 2), min = num(t + 6, 2);
    t += 8;
    int sec = strlen(t) >= 2 ? num(t, 2) : 0;
    if (year < 1970)
        return 0;
    if (mon < 0 || mon > 11 || mday < 1 || mday > 31 || hour < 0 || hour > 23 || min < 0 || min > 59)
        return (time_t)-1;
    long long days = 0;
    for (int y = 1970; y < year; y++)
        days += 365 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    days += mdays[mon] + (mon > 1 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) + mday - 1;
    return (time_t)(((days * 24 + hour) * 60 + min) * 60 + sec);
}
