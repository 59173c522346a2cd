/* Certificate Transparency: the SignedCertificateTimestampList extension
 * (RFC 6962) through OpenSSL's SCT parser and encoder. */
#include "gnossl.h"
#include "x509/x509.h"

#include <gnutls/x509-ext.h>
#include <openssl/ct.h>
#include <openssl/err.h>
#include <stdlib.h>

struct gnutls_x509_ct_scts_st {
    STACK_OF(SCT) *list;
};

int gnutls_x509_ext_ct_scts_init(gnutls_x509_ct_scts_t *scts)
{
    if (scts == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *scts = calloc(1, sizeof **scts);
    return *scts ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_ext_ct_scts_deinit(gnutls_x509_ct_scts_t scts)
{
    if (scts == NULL)
        return;
    SCT_LIST_free(scts->list);
    free(scts);
}

int gnutls_x509_ext_ct_import_scts(const gnutls_datum_t *ext, gnutls_x509_ct_scts_t scts, unsigned int flags)
{
    (void)flags;
    if (ext == NULL || ext->data == NULL || scts == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = ext->data;
    STACK_OF(SCT) *list = d2i_SCT_LIST(NULL, &p, (long)ext->size);
    ERR_clear_error();
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    SCT_LIST_free(scts->list);
    scts->list = list;
    return 0;
}

int gnutls_x509_ext_ct_export_scts(const gnutls_x509_ct_scts_t scts, gnutls_datum_t *ext)
{
    if (scts == NULL || ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int len = scts->list ? i2d_SCT_LIST(scts->list, &der) : -1;
    ERR_clear_error();
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(ext, der, (size_t)len);
    OPENSSL_free(der);
    return ret;
}

static SCT *at(const gnutls_x509_ct_scts_t scts, unsigned idx)
{
    if (scts == NULL || scts->list == NULL || (int)idx >= sk_SCT_num(scts->list))
        return NULL;
    return sk_SCT_value(scts->list, (int)idx);
}

int gnutls_x509_ct_sct_get_version(const gnutls_x509_ct_scts_t scts, unsigned idx, unsigned int *version_out)
{
    SCT *s = at(scts, idx);
    if (s == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    /* entries of other versions are kept but not readable, as in GnuTLS */
    if (SCT_get_version(s) != SCT_VERSION_V1)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (version_out)
        *version_out = 1; /* v1 is 0 on the wire */
    return 0;
}

static gnutls_sign_algorithm_t sct_sign(const SCT *s)
{
    switch (SCT_get_signature_nid(s)) {
    case NID_sha256WithRSAEncryption:
        return GNUTLS_SIGN_RSA_SHA256;
    case NID_ecdsa_with_SHA256:
        return GNUTLS_SIGN_ECDSA_SHA256;
    default:
        return GNUTLS_SIGN_UNKNOWN;
    }
}

int gnutls_x509_ct_sct_get(const gnutls_x509_ct_scts_t scts, unsigned idx, time_t *timestamp, gnutls_datum_t *logid,
                           gnutls_sign_algorithm_t *sigalg, gnutls_datum_t *signature)
{
    SCT *s = at(scts, idx);
    if (s == NULL)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    if (SCT_get_version(s) != SCT_VERSION_V1)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = 0;
    if (timestamp)
        *timestamp = (time_t)(SCT_get_timestamp(s) / 1000);
    if (sigalg)
        *sigalg = sct_sign(s);
    if (logid) {
        unsigned char *id = NULL;
        size_t n = SCT_get0_log_id(s, &id);
        ret = gnossl_datum_set(logid, id, n);
    }
    if (ret == 0 && signature) {
        unsigned char *sig = NULL;
        size_t n = SCT_get0_signature(s, &sig);
        ret = gnossl_datum_set(signature, sig, n);
        if (ret < 0 && logid) {
            gnutls_free(logid->data);
            logid->data = NULL;
        }
    }
    return ret;
}
