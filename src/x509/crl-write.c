/* gnutls_x509_crl_set_* and signing: building CRLs on an X509_CRL, and
 * the CRL getters of extensions (number, authority key ID, by index).
 * Revoked serials keep the bytes the caller gave (as DER INTEGER
 * content), extensions are appended in call order, as GnuTLS does. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

static X509_CRL *wcrl(gnutls_x509_crl_t crl)
{
    if (crl->crl == NULL) {
        crl->crl = X509_CRL_new();
        if (crl->crl == NULL)
            return NULL;
        /* GnuTLS always writes revokedCertificates, empty when nothing is
         * revoked: give the CRL an empty list (OpenSSL then encodes it)
         * by adding an entry and taking it out again */
        X509_REVOKED *r = X509_REVOKED_new();
        if (r == NULL || !X509_CRL_add0_revoked(crl->crl, r)) {
            X509_REVOKED_free(r);
        } else {
            STACK_OF(X509_REVOKED) *rs = X509_CRL_get_REVOKED(crl->crl);
            X509_REVOKED_free(sk_X509_REVOKED_pop(rs));
        }
    }
    crl->dirty = 1;
    return crl->crl;
}

int gnossl_crl_sync(gnutls_x509_crl_t crl)
{
    if (crl == NULL || crl->crl == NULL || !crl->dirty)
        return 0;
    unsigned char *der = NULL;
    int len = i2d_X509_CRL(crl->crl, &der);
    if (len <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    gnutls_free(crl->der.data);
    crl->der.data = NULL;
    int ret = gnossl_datum_set(&crl->der, der, (size_t)len);
    OPENSSL_free(der);
    if (ret == 0)
        crl->dirty = 0;
    return ret;
}

int gnutls_x509_crl_set_version(gnutls_x509_crl_t crl, unsigned int version)
{
    X509_CRL *c;
    if (crl == NULL || (c = wcrl(crl)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* 0 is taken as 1, as GnuTLS does */
    return X509_CRL_set_version(c, version > 0 ? (long)version - 1 : 0) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static int set_time(gnutls_x509_crl_t crl, time_t t, int next)
{
    X509_CRL *c;
    if (crl == NULL || (c = wcrl(crl)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_TIME *a = ASN1_TIME_set(NULL, t);
    if (a == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TIME_ERROR);
    int ok = next ? X509_CRL_set1_nextUpdate(c, a) : X509_CRL_set1_lastUpdate(c, a);
    ASN1_TIME_free(a);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crl_set_this_update(gnutls_x509_crl_t crl, time_t act_time)
{
    return set_time(crl, act_time, 0);
}

int gnutls_x509_crl_set_next_update(gnutls_x509_crl_t crl, time_t exp_time)
{
    return set_time(crl, exp_time, 1);
}

/* An INTEGER with the given content octets (as GnuTLS writes them);
 * content OpenSSL would not keep as is is read as an unsigned number. */
static ASN1_INTEGER *raw_integer(const void *data, size_t size)
{
    if (size == 0 || size > 126)
        return NULL;
    unsigned char der[128];
    der[0] = 0x02;
    der[1] = (unsigned char)size;
    memcpy(der + 2, data, size);
    const unsigned char *p = der;
    ASN1_INTEGER *i = d2i_ASN1_INTEGER(NULL, &p, (long)size + 2);
    if (i == NULL) {
        ERR_clear_error();
        BIGNUM *bn = BN_bin2bn(data, (int)size, NULL);
        i = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
        BN_free(bn);
    }
    return i;
}

int gnutls_x509_crl_set_crt_serial(gnutls_x509_crl_t crl, const void *serial, size_t serial_size,
                                   time_t revocation_time)
{
    X509_CRL *c;
    if (crl == NULL || serial == NULL || (c = wcrl(crl)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_INTEGER *sn = raw_integer(serial, serial_size);
    ASN1_TIME *t = ASN1_TIME_set(NULL, revocation_time);
    X509_REVOKED *r = X509_REVOKED_new();
    int ok = sn && t && r && X509_REVOKED_set_serialNumber(r, sn) && X509_REVOKED_set_revocationDate(r, t);
    ASN1_INTEGER_free(sn);
    ASN1_TIME_free(t);
    /* X509_CRL_add0_revoked keeps the list sorted only on sort(): the
     * order stays the caller's, as in GnuTLS */
    if (!ok || !X509_CRL_add0_revoked(c, r)) {
        X509_REVOKED_free(r);
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_VALID);
    }
    return 0;
}

int gnutls_x509_crl_set_crt(gnutls_x509_crl_t crl, gnutls_x509_crt_t crt, time_t revocation_time)
{
    if (crl == NULL || crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char serial[128];
    size_t size = sizeof serial;
    int ret = gnutls_x509_crt_get_serial(crt, serial, &size);
    if (ret < 0)
        return ret;
    return gnutls_x509_crl_set_crt_serial(crl, serial, size, revocation_time);
}

static int put_ext(gnutls_x509_crl_t crl, int nid, void *value)
{
    X509_CRL *c = wcrl(crl);
    if (c == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (X509_CRL_add1_ext_i2d(c, nid, value, 0, X509V3_ADD_REPLACE) != 1) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnutls_x509_crl_set_number(gnutls_x509_crl_t crl, const void *nr, size_t nr_size)
{
    if (crl == NULL || nr == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_INTEGER *i = raw_integer(nr, nr_size);
    if (i == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = put_ext(crl, NID_crl_number, i);
    ASN1_INTEGER_free(i);
    return ret;
}

int gnutls_x509_crl_set_authority_key_id(gnutls_x509_crl_t crl, const void *id, size_t id_size)
{
    if (crl == NULL || id == NULL || id_size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    AUTHORITY_KEYID *ak = AUTHORITY_KEYID_new();
    if (ak == NULL || (ak->keyid = ASN1_OCTET_STRING_new()) == NULL ||
        !ASN1_OCTET_STRING_set(ak->keyid, id, (int)id_size)) {
        AUTHORITY_KEYID_free(ak);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret = put_ext(crl, NID_authority_key_identifier, ak);
    AUTHORITY_KEYID_free(ak);
    return ret;
}

static int crl_sign(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer, EVP_PKEY *key, gnutls_digest_algorithm_t dig)
{
    X509_CRL *c;
    if (crl == NULL || issuer == NULL || issuer->x509 == NULL || key == NULL || (c = wcrl(crl)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!X509_CRL_set_issuer_name(c, X509_get_subject_name(issuer->x509)))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    const EVP_MD *md = NULL;
    int ret = gnossl_sign_md(key, dig, &md);
    if (ret < 0)
        return ret;
    ERR_clear_error();
    if (X509_CRL_sign(c, key, md) <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
    }
    return gnossl_crl_sync(crl);
}

int gnutls_x509_crl_sign2(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer, gnutls_x509_privkey_t issuer_key,
                          gnutls_digest_algorithm_t dig, unsigned int flags)
{
    (void)flags;
    return crl_sign(crl, issuer, issuer_key ? issuer_key->pkey : NULL, dig);
}

int gnutls_x509_crl_sign(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer, gnutls_x509_privkey_t issuer_key)
{
    return gnutls_x509_crl_sign2(crl, issuer, issuer_key, GNUTLS_DIG_UNKNOWN, 0);
}

int gnutls_x509_crl_privkey_sign(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer, gnutls_privkey_t issuer_key,
                                 gnutls_digest_algorithm_t dig, unsigned int flags)
{
    (void)flags;
    return crl_sign(crl, issuer, issuer_key ? issuer_key->pkey : NULL, dig);
}

/* ---- extension getters ---- */

#define CRL_ARGS(c)                                                                                                    \
    do {                                                                                                               \
        if ((c) == NULL || (c)->crl == NULL)                                                                           \
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);                                                               \
    } while (0)

static X509_EXTENSION *ext_at(gnutls_x509_crl_t crl, unsigned indx)
{
    if ((int)indx >= X509_CRL_get_ext_count(crl->crl))
        return NULL;
    return X509_CRL_get_ext(crl->crl, (int)indx);
}

int gnutls_x509_crl_get_extension_info(gnutls_x509_crl_t crl, unsigned indx, void *oid, size_t *sizeof_oid,
                                       unsigned int *critical)
{
    CRL_ARGS(crl);
    return gnossl_ext_info_out(ext_at(crl, indx), oid, sizeof_oid, critical);
}

int gnutls_x509_crl_get_extension_oid(gnutls_x509_crl_t crl, unsigned indx, void *oid, size_t *sizeof_oid)
{
    return gnutls_x509_crl_get_extension_info(crl, indx, oid, sizeof_oid, NULL);
}

int gnutls_x509_crl_get_extension_data(gnutls_x509_crl_t crl, unsigned indx, void *data, size_t *sizeof_data)
{
    CRL_ARGS(crl);
    return gnossl_ext_data_out(ext_at(crl, indx), data, sizeof_data);
}

int gnutls_x509_crl_get_extension_data2(gnutls_x509_crl_t crl, unsigned indx, gnutls_datum_t *data)
{
    CRL_ARGS(crl);
    return gnossl_ext_data_datum(ext_at(crl, indx), data);
}

int gnutls_x509_crl_get_number(gnutls_x509_crl_t crl, void *ret, size_t *ret_size, unsigned int *critical)
{
    CRL_ARGS(crl);
    if (ret_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    ASN1_INTEGER *n = X509_CRL_get_ext_d2i(crl->crl, NID_crl_number, &crit, NULL);
    if (n == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int r = gnossl_copy_int_content(n, ret, ret_size);
    ASN1_INTEGER_free(n);
    if (r == 0 && critical)
        *critical = crit > 0;
    return r;
}

int gnutls_x509_crl_get_authority_key_id(gnutls_x509_crl_t crl, void *id, size_t *id_size, unsigned int *critical)
{
    CRL_ARGS(crl);
    if (id_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    AUTHORITY_KEYID *ak = X509_CRL_get_ext_d2i(crl->crl, NID_authority_key_identifier, &crit, NULL);
    if (ak == NULL)
        return crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int r;
    if (ak->keyid == NULL)
        r = GNOSSL_ERR(GNUTLS_E_X509_UNSUPPORTED_EXTENSION);
    else
        r = gnossl_copy_out(id, id_size, ASN1_STRING_get0_data(ak->keyid), (size_t)ASN1_STRING_length(ak->keyid));
    AUTHORITY_KEYID_free(ak);
    if (r == 0 && critical)
        *critical = crit > 0;
    return r;
}

int gnutls_x509_crl_get_authority_key_gn_serial(gnutls_x509_crl_t crl, unsigned int seq, void *alt,
                                                size_t *alt_size, unsigned int *alt_type, void *serial,
                                                size_t *serial_size, unsigned int *critical)
{
    CRL_ARGS(crl);
    if (alt_size == NULL || serial_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = -1;
    AUTHORITY_KEYID *ak = X509_CRL_get_ext_d2i(crl->crl, NID_authority_key_identifier, &crit, NULL);
    return gnossl_aki_gn_serial(ak, crit, seq, alt, alt_size, alt_type, serial, serial_size, critical);
}

int gnutls_x509_crl_get_signature(gnutls_x509_crl_t crl, char *sig, size_t *sizeof_sig)
{
    CRL_ARGS(crl);
    if (sizeof_sig == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const ASN1_BIT_STRING *bs = NULL;
    X509_CRL_get0_signature(crl->crl, &bs, NULL);
    if (bs == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    /* GnuTLS 3.7.9 leaves *sizeof_sig as given when the buffer is large
     * enough (it only writes the size back when asking for more) */
    size_t n = (size_t)ASN1_STRING_length(bs), given = *sizeof_sig;
    int ret = gnossl_copy_out(sig, sizeof_sig, ASN1_STRING_get0_data(bs), n);
    if (ret == 0)
        *sizeof_sig = given;
    return ret;
}

int gnutls_x509_crl_get_signature_oid(gnutls_x509_crl_t crl, char *oid, size_t *oid_size)
{
    CRL_ARGS(crl);
    if (oid_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const X509_ALGOR *alg = NULL;
    X509_CRL_get0_signature(crl->crl, NULL, &alg);
    const ASN1_OBJECT *obj = NULL;
    X509_ALGOR_get0(&obj, NULL, NULL, alg);
    return gnossl_oid_copy_str(obj, oid, oid_size);
}

int gnutls_x509_crl_get_dn_oid(gnutls_x509_crl_t crl, unsigned indx, void *oid, size_t *sizeof_oid)
{
    CRL_ARGS(crl);
    return gnossl_dn_get_oid(X509_CRL_get_issuer(crl->crl), indx, oid, sizeof_oid);
}

int gnutls_x509_crl_get_issuer_dn_by_oid(gnutls_x509_crl_t crl, const char *oid, unsigned indx,
                                         unsigned int raw_flag, void *buf, size_t *sizeof_buf)
{
    CRL_ARGS(crl);
    if (oid == NULL || sizeof_buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnossl_dn_get_by_oid(X509_CRL_get_issuer(crl->crl), oid, indx, raw_flag, &d);
    if (ret < 0)
        return ret;
    ret = raw_flag ? gnossl_copy_out(buf, sizeof_buf, d.data, d.size)
                   : gnossl_copy_str(buf, sizeof_buf, (const char *)d.data, d.size);
    gnutls_free(d.data);
    return ret;
}

/* ---- iterating over revoked serials ---- */

struct gnutls_x509_crl_iter {
    int next;
};

int gnutls_x509_crl_iter_crt_serial(gnutls_x509_crl_t crl, gnutls_x509_crl_iter_t *iter, unsigned char *serial,
                                    size_t *serial_size, time_t *t)
{
    if (crl == NULL || iter == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (*iter == NULL) {
        *iter = gnutls_calloc(1, sizeof **iter);
        if (*iter == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret = gnutls_x509_crl_get_crt_serial(crl, (unsigned)(*iter)->next, serial, serial_size, t);
    if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE || (ret < 0 && crl->crl == NULL))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (ret == 0)
        (*iter)->next++;
    return ret;
}

void gnutls_x509_crl_iter_deinit(gnutls_x509_crl_iter_t iter)
{
    gnutls_free(iter);
}
