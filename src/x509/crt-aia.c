/* gnutls_x509_crt_get_authority_info_access: the AIA extension's entries
 * (OCSP responders, CA issuer URLs) one at a time. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509v3.h>
#include <string.h>

#define OID_AD_OCSP "1.3.6.1.5.5.7.48.1"
#define OID_AD_CAISSUERS "1.3.6.1.5.5.7.48.2"

static const char *gn_type_name(int type)
{
    switch (type) {
    case GEN_OTHERNAME:
        return "otherName";
    case GEN_EMAIL:
        return "rfc822Name";
    case GEN_DNS:
        return "dNSName";
    case GEN_X400:
        return "x400Address";
    case GEN_DIRNAME:
        return "directoryName";
    case GEN_EDIPARTY:
        return "ediPartyName";
    case GEN_URI:
        return "uniformResourceIdentifier";
    case GEN_IPADD:
        return "iPAddress";
    case GEN_RID:
        return "registeredID";
    default:
        return "";
    }
}

int gnutls_x509_crt_get_authority_info_access(gnutls_x509_crt_t crt, unsigned int seq, int what,
                                              gnutls_datum_t *data, unsigned int *critical)
{
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    int crit = -1;
    AUTHORITY_INFO_ACCESS *aia = X509_get_ext_d2i(crt->x509, NID_info_access, &crit, NULL);
    if (aia == NULL)
        return GNOSSL_ERR(crit == -1 ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE : GNUTLS_E_ASN1_DER_ERROR);
    int ret;
    if ((int)seq >= sk_ACCESS_DESCRIPTION_num(aia)) {
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
        goto out;
    }
    ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(aia, (int)seq);
    char method[128];
    gnossl_oid_text(ad->method, method, sizeof method);
    if (critical)
        *critical = crit > 0;
    switch (what) {
    /* these two come from libtasn1 in GnuTLS, which counts the NUL */
    case GNUTLS_IA_ACCESSMETHOD_OID:
        ret = data ? gnossl_datum_set(data, method, strlen(method) + 1) : 0;
        break;
    case GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE: {
        const char *t = gn_type_name(ad->location->type);
        ret = data ? gnossl_datum_set(data, t, strlen(t) + 1) : 0;
        break;
    }
    case GNUTLS_IA_OCSP_URI:
    case GNUTLS_IA_CAISSUERS_URI:
        if (strcmp(method, what == GNUTLS_IA_OCSP_URI ? OID_AD_OCSP : OID_AD_CAISSUERS) != 0) {
            ret = GNOSSL_ERR(GNUTLS_E_UNKNOWN_ALGORITHM);
            break;
        }
        /* fall through */
    case GNUTLS_IA_URI:
        if (ad->location->type != GEN_URI) {
            ret = GNOSSL_ERR(GNUTLS_E_UNKNOWN_ALGORITHM);
            break;
        }
        ret = data ? gnossl_datum_set(data, ASN1_STRING_get0_data(ad->location->d.uniformResourceIdentifier),
                                      (size_t)ASN1_STRING_length(ad->location->d.uniformResourceIdentifier))
                   : 0;
        break;
    default:
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        break;
    }
out:
    AUTHORITY_INFO_ACCESS_free(aia);
    return ret;
}
