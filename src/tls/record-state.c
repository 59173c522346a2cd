/* gnutls_record_get_state: the keys, IV and sequence number of the current
 * record protection, for offloading.  OpenSSL does not expose them; they
 * are the ones alert-seal.c follows (AEAD suites over TLS 1.2 and 1.3; CBC
 * suites over TLS 1.1 and 1.2: MAC key, cipher key and the key block's IV,
 * as GnuTLS).  Before the handshake: no protection and sequence number 0,
 * as GnuTLS's initial epoch.  Inside a handshake (plaintext records are not
 * counted), TLS 1.0 and DTLS: not modelled. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"

int gnutls_record_get_state(gnutls_session_t s, unsigned read, gnutls_datum_t *mac_key, gnutls_datum_t *IV,
                            gnutls_datum_t *cipher_key, unsigned char seq_number[8])
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t mac = {NULL, 0}, key = {NULL, 0}, iv = {NULL, 0};
    uint64_t seq = 0;
    if (s->ssl != NULL && !s->handshake_done)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST); /* plaintext records are not counted */
    /* before the handshake: GnuTLS's initial epoch, no protection yet */
    if (s->ssl != NULL && gnossl_seal_state(s->ssl, read != 0, &mac, &key, &iv, &seq) < 0)
        return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
    if (mac_key != NULL)
        *mac_key = mac;
    if (IV != NULL)
        *IV = iv;
    if (cipher_key != NULL)
        *cipher_key = key;
    if (seq_number != NULL)
        for (int i = 7; i >= 0; i--, seq >>= 8)
            seq_number[i] = (unsigned char)seq;
    return 0;
}
