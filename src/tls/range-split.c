/* gnutls_range_split: how much of a length-hiding range the next record
 * carries, computed as GnuTLS does it.  A record holds at most the
 * session's maximum size; below that, the next record may add padding up
 * to 255 bytes (TLS 1.2) or up to the record size (TLS 1.3), and a CBC
 * record only as much as keeps data, MAC and the padding-length byte on a
 * block boundary.  (gnossl's gnutls_record_send_range sends the data
 * without that padding: OpenSSL cannot add it.) */
#include "gnossl.h"
#include "tls/session-int.h"

/* The version records are sent with: before the handshake, as in GnuTLS,
 * the highest one the priorities enable. */
static int is_tls13(gnutls_session_t session)
{
    if (session->handshake_done || session->priority == NULL)
        return gnutls_protocol_get_version(session) == GNUTLS_TLS1_3;
    const unsigned int *list;
    int n = gnutls_priority_protocol_list(session->priority, &list);
    for (int i = 0; i < n; i++)
        if (list[i] == GNUTLS_TLS1_3)
            return 1;
    return 0;
}

/* The padding the next record may carry after LOW bytes of data. */
static size_t max_pad(gnutls_session_t session, size_t low, size_t max_frag)
{
    int tls13 = is_tls13(session);
    size_t pad = tls13 ? max_frag : 255;
    if (pad > max_frag - low)
        pad = max_frag - low;
    gnutls_cipher_algorithm_t c = gnutls_cipher_get(session);
    size_t block = (size_t)gnutls_cipher_get_block_size(c);
    if (tls13 || block <= 1 || gnutls_cipher_get_tag_size(c) > 0)
        return pad; /* stream and AEAD ciphers: any length */
    size_t overflow = (low + pad + gnutls_hmac_get_len(gnutls_mac_get(session)) + 1) % block;
    return overflow > pad ? pad : pad - overflow;
}

int gnutls_range_split(gnutls_session_t session, const gnutls_range_st *orig, gnutls_range_st *next,
                       gnutls_range_st *remainder)
{
    if (session == NULL || orig == NULL || next == NULL || remainder == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* the record size asked for applies at once (gnutls_record_get_max_size
     * reports it once negotiated) */
    size_t max_frag = session->max_record ? session->max_record : gnutls_record_get_max_size(session);
    size_t low = orig->low, high = orig->high;
    if (low == high) {
        size_t n = high < max_frag ? high : max_frag;
        next->low = next->high = n;
        remainder->low = remainder->high = high - n;
        return 0;
    }
    if (low >= max_frag) {
        next->low = next->high = max_frag;
        remainder->low = low - max_frag;
        remainder->high = high - max_frag;
        return 0;
    }
    size_t top = low + max_pad(session, low, max_frag);
    next->low = low;
    next->high = top < high ? top : high;
    remainder->low = 0;
    remainder->high = high - next->high;
    return 0;
}
