/* The error table: every GNUTLS_E_* code GnuTLS 3.7.9 names, with our own
 * message text, whether gnutls_error_is_fatal calls it fatal, and the alert
 * gnutls_error_to_alert sends for it.  Codes, names, fatality and alerts are
 * GnuTLS's interface; the message texts are gnossl's own. */
#include "gnossl.h"

#include <stdio.h>

struct error_entry {
    int code;
    const char *name;
    const char *text;
    unsigned char fatal;
    unsigned char alert;
    unsigned char level;
};

#define E(n, fatal, text, alert, level) {GNUTLS_E_##n, "GNUTLS_E_" #n, text, fatal, alert, level}

static const struct error_entry errors[] = {
    E(SUCCESS, 0, "The operation succeeded.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_COMPRESSION_ALGORITHM, 1, "No compression method could be agreed on.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(UNKNOWN_CIPHER_TYPE, 1, "This cipher is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(LARGE_PACKET, 0, "The packet is larger than the transport allows.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNSUPPORTED_VERSION_PACKET, 1, "A record carried an unsupported or invalid protocol version.", GNUTLS_A_PROTOCOL_VERSION, GNUTLS_AL_FATAL),
    E(UNEXPECTED_PACKET_LENGTH, 1, "A record or message had an invalid length; the peer may have closed the connection.", GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_SESSION, 1, "The session cannot be used any more.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(FATAL_ALERT_RECEIVED, 1, "The peer sent a fatal alert.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNEXPECTED_PACKET, 1, "A record of an unexpected type arrived.", GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL),
    E(WARNING_ALERT_RECEIVED, 0, "The peer sent a warning alert.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(ERROR_IN_FINISHED_PACKET, 1, "The Finished message did not verify.", GNUTLS_A_DECRYPT_ERROR, GNUTLS_AL_FATAL),
    E(UNEXPECTED_HANDSHAKE_PACKET, 1, "A handshake message arrived out of order.", GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL),
    E(UNKNOWN_CIPHER_SUITE, 1, "The cipher suite is unknown or not supported.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(UNWANTED_ALGORITHM, 1, "The peer chose an algorithm that is not allowed.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(MPI_SCAN_FAILED, 1, "A big integer could not be parsed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(DECRYPTION_FAILED, 1, "Record decryption or integrity check failed.", GNUTLS_A_BAD_RECORD_MAC, GNUTLS_AL_FATAL),
    E(MEMORY_ERROR, 1, "Out of memory.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(DECOMPRESSION_FAILED, 1, "Record decompression failed.", GNUTLS_A_DECOMPRESSION_FAILURE, GNUTLS_AL_FATAL),
    E(COMPRESSION_FAILED, 1, "Record compression failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(AGAIN, 0, "The operation would block; call it again.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(EXPIRED, 1, "The requested item has expired.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(DB_ERROR, 1, "The session cache database failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(SRP_PWD_ERROR, 1, "The SRP password file could not be used.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INSUFFICIENT_CREDENTIALS, 1, "The credentials are not sufficient for this operation.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(HASH_FAILED, 1, "Hashing failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(BASE64_DECODING_ERROR, 1, "The base64 data could not be decoded.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(MPI_PRINT_FAILED, 1, "A big integer could not be exported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(REHANDSHAKE, 0, "The peer asked for a new handshake.", GNUTLS_A_NO_RENEGOTIATION, GNUTLS_AL_WARNING),
    E(GOT_APPLICATION_DATA, 1, "Application data arrived during the handshake.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RECORD_LIMIT_REACHED, 1, "The record sequence number limit was reached.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(ENCRYPTION_FAILED, 1, "Record encryption failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CERTIFICATE_ERROR, 1, "The certificate could not be accepted.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(PK_ENCRYPTION_FAILED, 1, "Public key encryption failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PK_DECRYPTION_FAILED, 1, "Public key decryption failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PK_SIGN_FAILED, 1, "Creating the signature failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(X509_UNSUPPORTED_CRITICAL_EXTENSION, 1, "The certificate has a critical extension that is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(KEY_USAGE_VIOLATION, 1, "The key is not permitted for this use.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_CERTIFICATE_FOUND, 1, "No certificate was available.", GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_REQUEST, 1, "Invalid arguments or request.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(SHORT_MEMORY_BUFFER, 1, "The output buffer is too small.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INTERRUPTED, 0, "The call was interrupted; call it again.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PUSH_ERROR, 1, "Sending data on the transport failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PULL_ERROR, 1, "Receiving data from the transport failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RECEIVED_ILLEGAL_PARAMETER, 1, "The peer sent an illegal parameter.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(REQUESTED_DATA_NOT_AVAILABLE, 1, "The requested data is not available.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS1_WRONG_PAD, 1, "The PKCS #1 padding is wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RECEIVED_ILLEGAL_EXTENSION, 1, "The peer sent an extension that is not allowed here.", GNUTLS_A_UNSUPPORTED_EXTENSION, GNUTLS_AL_FATAL),
    E(INTERNAL_ERROR, 1, "Internal library error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CERTIFICATE_KEY_MISMATCH, 1, "The certificate does not match the private key.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNSUPPORTED_CERTIFICATE_TYPE, 1, "This certificate type is not supported.", GNUTLS_A_UNSUPPORTED_CERTIFICATE, GNUTLS_AL_FATAL),
    E(X509_UNKNOWN_SAN, 1, "The subject alternative name type is unknown.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(DH_PRIME_UNACCEPTABLE, 1, "The Diffie-Hellman prime offered is not acceptable.", GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL),
    E(FILE_ERROR, 1, "The file could not be read or written.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(ASN1_ELEMENT_NOT_FOUND, 1, "An ASN.1 element is missing.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_IDENTIFIER_NOT_FOUND, 1, "An ASN.1 identifier is missing.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_DER_ERROR, 1, "The DER encoding is invalid.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_VALUE_NOT_FOUND, 1, "An ASN.1 value is missing.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_GENERIC_ERROR, 1, "ASN.1 processing failed.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_VALUE_NOT_VALID, 1, "An ASN.1 value is not valid.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_TAG_ERROR, 1, "An ASN.1 tag is wrong.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_TAG_IMPLICIT, 1, "An implicit ASN.1 tag is wrong.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_TYPE_ANY_ERROR, 1, "An ASN.1 ANY value could not be handled.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_SYNTAX_ERROR, 1, "ASN.1 syntax error.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(ASN1_DER_OVERFLOW, 1, "The DER data is longer than its buffer.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(TOO_MANY_EMPTY_PACKETS, 1, "The peer sent too many empty records.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OPENPGP_UID_REVOKED, 1, "The OpenPGP user id has been revoked.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_PK_ALGORITHM, 1, "The public key algorithm is unknown or not supported.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(TOO_MANY_HANDSHAKE_PACKETS, 1, "The peer sent too many handshake messages.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RECEIVED_DISALLOWED_NAME, 1, "The peer sent a name that is not allowed.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(NO_TEMPORARY_RSA_PARAMS, 1, "No temporary RSA parameters are set.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_COMPRESSION_ALGORITHMS, 1, "No compression methods are enabled.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(NO_CIPHER_SUITES, 1, "No usable cipher suites are enabled.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(OPENPGP_GETKEY_FAILED, 1, "The OpenPGP key could not be retrieved.", GNUTLS_A_CERTIFICATE_UNOBTAINABLE, GNUTLS_AL_FATAL),
    E(PK_SIG_VERIFY_FAILED, 1, "The public key signature did not verify.", GNUTLS_A_DECRYPT_ERROR, GNUTLS_AL_FATAL),
    E(ILLEGAL_SRP_USERNAME, 1, "The SRP user name is not allowed.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(SRP_PWD_PARSING_ERROR, 1, "The SRP password file could not be parsed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_TEMPORARY_DH_PARAMS, 1, "No Diffie-Hellman parameters are set.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OPENPGP_FINGERPRINT_UNSUPPORTED, 1, "This OpenPGP fingerprint type is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(X509_UNSUPPORTED_ATTRIBUTE, 1, "This certificate attribute is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_HASH_ALGORITHM, 1, "The hash algorithm is unknown or not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_PKCS_CONTENT_TYPE, 1, "The PKCS content type is unknown.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_PKCS_BAG_TYPE, 1, "The PKCS #12 bag type is unknown.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_PASSWORD, 1, "The password is wrong or invalid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(MAC_VERIFY_FAILED, 1, "The MAC did not verify; the password may be wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CONSTRAINT_ERROR, 1, "A certificate constraint was violated.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(IA_VERIFY_FAILED, 1, "Inner application verification failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNKNOWN_ALGORITHM, 1, "The algorithm is unknown.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNSUPPORTED_SIGNATURE_ALGORITHM, 1, "This signature algorithm is not supported.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(SAFE_RENEGOTIATION_FAILED, 1, "Secure renegotiation checks failed.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(UNSAFE_RENEGOTIATION_DENIED, 1, "Renegotiation without the secure renegotiation extension was refused.", GNUTLS_A_NO_RENEGOTIATION, GNUTLS_AL_WARNING),
    E(UNKNOWN_SRP_USERNAME, 1, "The SRP user name is unknown.", GNUTLS_A_UNKNOWN_PSK_IDENTITY, GNUTLS_AL_FATAL),
    E(PREMATURE_TERMINATION, 1, "The peer closed the connection without a proper TLS close.", GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL),
    E(MALFORMED_CIDR, 1, "The CIDR address is malformed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CERTIFICATE_REQUIRED, 1, "The peer requires a certificate.", GNUTLS_A_CERTIFICATE_REQUIRED, GNUTLS_AL_FATAL),
    E(BASE64_ENCODING_ERROR, 1, "The data could not be base64 encoded.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INCOMPATIBLE_GCRYPT_LIBRARY, 1, "The crypto library version is not compatible.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INCOMPATIBLE_LIBTASN1_LIBRARY, 1, "The ASN.1 library version is not compatible.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OPENPGP_KEYRING_ERROR, 1, "The OpenPGP keyring could not be used.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(X509_UNSUPPORTED_OID, 1, "This object identifier is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RANDOM_FAILED, 1, "Random number generation failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(BASE64_UNEXPECTED_HEADER_ERROR, 1, "The PEM data has an unexpected header.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OPENPGP_SUBKEY_ERROR, 1, "The OpenPGP subkey could not be used.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CRYPTO_ALREADY_REGISTERED, 1, "An algorithm with this priority is already registered.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(HANDSHAKE_TOO_LARGE, 1, "A handshake message is too large.", GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL),
    E(CRYPTODEV_IOCTL_ERROR, 1, "The crypto device ioctl failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CRYPTODEV_DEVICE_ERROR, 1, "The crypto device could not be opened.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CHANNEL_BINDING_NOT_AVAILABLE, 1, "The requested channel binding is not available.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(BAD_COOKIE, 1, "The DTLS cookie is wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OPENPGP_PREFERRED_KEY_ERROR, 1, "The preferred OpenPGP key could not be used.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL, 1, "This DSA key cannot be used with the negotiated protocol version.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(INSUFFICIENT_SECURITY, 1, "The negotiated parameters are not secure enough.", GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL),
    E(HEARTBEAT_PONG_RECEIVED, 0, "A heartbeat response arrived.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(HEARTBEAT_PING_RECEIVED, 0, "A heartbeat request arrived.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNRECOGNIZED_NAME, 1, "The server name sent is not recognised.", GNUTLS_A_UNRECOGNIZED_NAME, GNUTLS_AL_FATAL),
    E(PKCS11_ERROR, 1, "PKCS #11 operation failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_LOAD_ERROR, 1, "The PKCS #11 module could not be loaded.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PARSING_ERROR, 1, "The input could not be parsed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_PIN_ERROR, 1, "The PKCS #11 PIN is wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_SLOT_ERROR, 1, "PKCS #11 slot error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(LOCKING_ERROR, 1, "A mutex operation failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_ATTRIBUTE_ERROR, 1, "PKCS #11 attribute error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_DEVICE_ERROR, 1, "PKCS #11 device error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_DATA_ERROR, 1, "PKCS #11 data error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_UNSUPPORTED_FEATURE_ERROR, 1, "The PKCS #11 token does not support this feature.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_KEY_ERROR, 1, "PKCS #11 key error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_PIN_EXPIRED, 1, "The PKCS #11 PIN has expired.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_PIN_LOCKED, 1, "The PKCS #11 PIN is locked.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_SESSION_ERROR, 1, "PKCS #11 session error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_SIGNATURE_ERROR, 1, "PKCS #11 signature error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_TOKEN_ERROR, 1, "PKCS #11 token error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PKCS11_USER_ERROR, 1, "PKCS #11 user error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CRYPTO_INIT_FAILED, 1, "The crypto backend could not be initialised.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TIMEDOUT, 1, "The operation timed out.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(USER_ERROR, 1, "A callback of the application reported failure.", GNUTLS_A_USER_CANCELED, GNUTLS_AL_FATAL),
    E(ECC_NO_SUPPORTED_CURVES, 1, "No supported elliptic curves are enabled.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(ECC_UNSUPPORTED_CURVE, 1, "This elliptic curve is not supported.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE, 1, "The PKCS #11 object was not found.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CERTIFICATE_LIST_UNSORTED, 1, "The certificate chain is not in order.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(ILLEGAL_PARAMETER, 1, "A parameter is illegal.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(NO_PRIORITIES_WERE_SET, 1, "No priorities were set on the session.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(X509_UNSUPPORTED_EXTENSION, 1, "This certificate extension is not supported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(SESSION_EOF, 1, "The peer closed the TLS session.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_ERROR, 1, "TPM error.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_KEY_PASSWORD_ERROR, 1, "The TPM key password is wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_SRK_PASSWORD_ERROR, 1, "The TPM SRK password is wrong.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_SESSION_ERROR, 1, "The TPM session could not be opened.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_KEY_NOT_FOUND, 1, "The TPM key was not found.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_UNINITIALIZED, 1, "The TPM is not initialised.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TPM_NO_LIB, 1, "The TPM library is not available.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_CERTIFICATE_STATUS, 1, "No certificate status (OCSP) response was received.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OCSP_RESPONSE_ERROR, 1, "The OCSP response is invalid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RANDOM_DEVICE_ERROR, 1, "The system random source failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(AUTH_ERROR, 1, "Authentication failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_APPLICATION_PROTOCOL, 1, "No application protocol (ALPN) in common with the peer.", GNUTLS_A_NO_APPLICATION_PROTOCOL, GNUTLS_AL_FATAL),
    E(SOCKETS_INIT_ERROR, 1, "Socket initialisation failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(KEY_IMPORT_FAILED, 1, "The key could not be imported.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INAPPROPRIATE_FALLBACK, 1, "The peer refused a fallback to an older protocol version.", GNUTLS_A_INAPPROPRIATE_FALLBACK, GNUTLS_AL_FATAL),
    E(CERTIFICATE_VERIFICATION_ERROR, 1, "The peer's certificate did not verify.", GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL),
    E(PRIVKEY_VERIFICATION_ERROR, 1, "The private key did not pass validation.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNEXPECTED_EXTENSIONS_LENGTH, 1, "The extensions length is invalid.", GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL),
    E(ASN1_EMBEDDED_NULL_IN_STRING, 1, "An ASN.1 string contains an embedded NUL byte.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(SELF_TEST_ERROR, 1, "A self test failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_SELF_TEST, 1, "No self test exists for this algorithm.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(LIB_IN_ERROR_STATE, 1, "The library is in an error state.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PK_GENERATION_ERROR, 1, "Key generation failed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(IDNA_ERROR, 1, "The internationalised domain name could not be converted.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(SESSION_USER_ID_CHANGED, 1, "The peer's identity changed during renegotiation.", GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL),
    E(HANDSHAKE_DURING_FALSE_START, 1, "A handshake cannot be started during false start.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNAVAILABLE_DURING_HANDSHAKE, 1, "This cannot be done while the handshake is in progress.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PK_INVALID_PUBKEY, 1, "The public key is invalid.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(PK_INVALID_PRIVKEY, 1, "The private key is invalid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NOT_YET_ACTIVATED, 1, "The item is not yet valid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_UTF8_STRING, 1, "The string is not valid UTF-8.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_EMBEDDED_DATA, 1, "There is no embedded data.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_UTF8_EMAIL, 1, "The e-mail address is not valid UTF-8.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INVALID_PASSWORD_STRING, 1, "The password contains characters that are not allowed.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CERTIFICATE_TIME_ERROR, 1, "The certificate's validity time could not be checked.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(RECORD_OVERFLOW, 1, "A record was larger than allowed.", GNUTLS_A_RECORD_OVERFLOW, GNUTLS_AL_FATAL),
    E(ASN1_TIME_ERROR, 1, "An ASN.1 time value is invalid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(INCOMPATIBLE_SIG_WITH_KEY, 1, "This signature algorithm cannot be used with this key.", GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL),
    E(PK_INVALID_PUBKEY_PARAMS, 1, "The public key parameters are invalid.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(PK_NO_VALIDATION_PARAMS, 1, "There are no parameters to validate the key with.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(OCSP_MISMATCH_WITH_CERTS, 1, "The OCSP response does not match the certificates.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(NO_COMMON_KEY_SHARE, 1, "No key share group in common with the peer.", GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL),
    E(REAUTH_REQUEST, 0, "The peer asked for re-authentication.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(TOO_MANY_MATCHES, 1, "More than one item matched.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(CRL_VERIFICATION_ERROR, 1, "The CRL did not verify.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(MISSING_EXTENSION, 1, "A required extension is missing.", GNUTLS_A_MISSING_EXTENSION, GNUTLS_AL_FATAL),
    E(DB_ENTRY_EXISTS, 1, "The database already holds this entry.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(EARLY_DATA_REJECTED, 1, "The server rejected the early data.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(X509_DUPLICATE_EXTENSION, 1, "The certificate repeats an extension.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
    E(UNIMPLEMENTED_FEATURE, 1, "This feature is not implemented.", GNUTLS_A_INTERNAL_ERROR, GNUTLS_AL_FATAL),
};

#define N_ERRORS (sizeof errors / sizeof errors[0])

static const struct error_entry *find(int code)
{
    for (size_t i = 0; i < N_ERRORS; i++)
        if (errors[i].code == code)
            return &errors[i];
    return NULL;
}

/* GnuTLS answers unknown codes with this fixed text (and NULL for the name). */
static const char unknown_text[] = "(unknown error code)";

const char *gnutls_strerror(int error)
{
    const struct error_entry *e = find(error);
    return e != NULL ? e->text : unknown_text;
}

const char *gnutls_strerror_name(int error)
{
    const struct error_entry *e = find(error);
    return e != NULL ? e->name : NULL;
}

/* Positive values are never fatal; negative codes absent from the table
 * (application-defined ones included) are. */
int gnutls_error_is_fatal(int error)
{
    if (error > 0)
        return 0;
    const struct error_entry *e = find(error);
    return e != NULL ? e->fatal : 1;
}

void gnutls_perror(int error)
{
    fprintf(stderr, "GnuTLS error: %s\n", gnutls_strerror(error));
}

int gnutls_error_to_alert(int err, int *level)
{
    const struct error_entry *e = find(err);
    if (level != NULL)
        *level = e != NULL ? e->level : GNUTLS_AL_FATAL;
    return e != NULL ? e->alert : GNUTLS_A_INTERNAL_ERROR;
}
