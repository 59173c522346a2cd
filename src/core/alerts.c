/* TLS alert names (GnuTLS's symbolic names are interface facts) and short
 * descriptions in gnossl's own words. */
#include "gnossl.h"

static const struct {
    gnutls_alert_description_t alert;
    const char *name;
    const char *text;
} alerts[] = {
#define A(n, text) {GNUTLS_A_##n, "GNUTLS_A_" #n, text}
    A(CLOSE_NOTIFY, "Close notify"),
    A(UNEXPECTED_MESSAGE, "Unexpected message"),
    A(BAD_RECORD_MAC, "Bad record MAC"),
    A(DECRYPTION_FAILED, "Record decryption failed"),
    A(RECORD_OVERFLOW, "Record too large"),
    A(DECOMPRESSION_FAILURE, "Decompression failure"),
    A(HANDSHAKE_FAILURE, "Handshake failure"),
    A(SSL3_NO_CERTIFICATE, "No certificate (SSL 3.0 only)"),
    A(BAD_CERTIFICATE, "Bad certificate"),
    A(UNSUPPORTED_CERTIFICATE, "Unsupported certificate"),
    A(CERTIFICATE_REVOKED, "Certificate revoked"),
    A(CERTIFICATE_EXPIRED, "Certificate expired"),
    A(CERTIFICATE_UNKNOWN, "Certificate unknown"),
    A(ILLEGAL_PARAMETER, "Illegal parameter"),
    A(UNKNOWN_CA, "Unknown certificate authority"),
    A(ACCESS_DENIED, "Access denied"),
    A(DECODE_ERROR, "Decode error"),
    A(DECRYPT_ERROR, "Decrypt error"),
    A(EXPORT_RESTRICTION, "Export restriction"),
    A(PROTOCOL_VERSION, "Protocol version not supported"),
    A(INSUFFICIENT_SECURITY, "Insufficient security"),
    A(INTERNAL_ERROR, "Internal error"),
    A(INAPPROPRIATE_FALLBACK, "Inappropriate fallback"),
    A(USER_CANCELED, "User canceled"),
    A(NO_RENEGOTIATION, "Renegotiation refused"),
    A(MISSING_EXTENSION, "Required extension missing"),
    A(UNSUPPORTED_EXTENSION, "Unsupported extension"),
    A(CERTIFICATE_UNOBTAINABLE, "Certificate could not be obtained"),
    A(UNRECOGNIZED_NAME, "Server name not recognised"),
    A(UNKNOWN_PSK_IDENTITY, "Unknown PSK or SRP identity"),
    A(CERTIFICATE_REQUIRED, "Certificate required"),
    A(NO_APPLICATION_PROTOCOL, "No application protocol in common"),
#undef A
};

const char *gnutls_alert_get_name(gnutls_alert_description_t alert)
{
    for (size_t i = 0; i < sizeof alerts / sizeof alerts[0]; i++)
        if (alerts[i].alert == alert)
            return alerts[i].text;
    return NULL;
}

const char *gnutls_alert_get_strname(gnutls_alert_description_t alert)
{
    for (size_t i = 0; i < sizeof alerts / sizeof alerts[0]; i++)
        if (alerts[i].alert == alert)
            return alerts[i].name;
    return NULL;
}
