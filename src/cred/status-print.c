/* gnutls_certificate_verification_status_print: the verification status as
 * the sentence GnuTLS prints.  Programs show this text to users and test
 * suites compare it, so the phrases and their order are GnuTLS 3.7.9's. */
#include "gnossl.h"
#include <string.h>

struct status_text {
    unsigned bit;
    int x509_only;
    const char *text;
};

static const struct status_text texts[] = {
    {GNUTLS_CERT_REVOKED, 1, "The certificate chain is revoked. "},
    {GNUTLS_CERT_MISMATCH, 1, "The certificate doesn't match the local copy (TOFU). "},
    {GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED, 1, "The revocation or OCSP data are old and have been superseded. "},
    {GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE, 1, "The revocation or OCSP data are issued with a future date. "},
    {GNUTLS_CERT_SIGNER_NOT_FOUND, 1, "The certificate issuer is unknown. "},
    {GNUTLS_CERT_SIGNER_NOT_CA, 1, "The certificate issuer is not a CA. "},
    {GNUTLS_CERT_INSECURE_ALGORITHM, 0, "The certificate chain uses insecure algorithm. "},
    {GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE, 0, "The certificate chain violates the signer's constraints. "},
    {GNUTLS_CERT_PURPOSE_MISMATCH, 0, "The certificate chain does not match the intended purpose. "},
    {GNUTLS_CERT_NOT_ACTIVATED, 0, "The certificate chain uses not yet valid certificate. "},
    {GNUTLS_CERT_EXPIRED, 0, "The certificate chain uses expired certificate. "},
    {GNUTLS_CERT_SIGNATURE_FAILURE, 0, "The signature in the certificate is invalid. "},
    {GNUTLS_CERT_UNEXPECTED_OWNER, 0, "The name in the certificate does not match the expected. "},
    {GNUTLS_CERT_MISSING_OCSP_STATUS, 0,
     "The certificate requires the server to include an OCSP status in its response, but the OCSP status is missing. "},
    {GNUTLS_CERT_INVALID_OCSP_STATUS, 0, "The received OCSP status response is invalid. "},
    {GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS, 0, "The certificate contains an unknown critical extension. "},
};

int gnutls_certificate_verification_status_print(unsigned int status, gnutls_certificate_type_t type,
                                                 gnutls_datum_t *out, unsigned int flags)
{
    const char *head = status == 0 ? "The certificate is trusted. " : "The certificate is NOT trusted. ";
    size_t len = strlen(head), pos;
    unsigned i;
    char *buf;

    (void)flags;
    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        if ((status & texts[i].bit) && (!texts[i].x509_only || type == GNUTLS_CRT_X509))
            len += strlen(texts[i].text);
    buf = gnutls_malloc(len + 1);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    pos = strlen(head);
    memcpy(buf, head, pos);
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        if ((status & texts[i].bit) && (!texts[i].x509_only || type == GNUTLS_CRT_X509)) {
            size_t n = strlen(texts[i].text);
            memcpy(buf + pos, texts[i].text, n);
            pos += n;
        }
    buf[pos] = 0;
    out->data = (unsigned char *)buf;
    out->size = (unsigned)pos;
    return 0;
}
