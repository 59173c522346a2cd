/* GnuTLS-private names of the DSA/ECDSA signature value codec: in GnuTLS
 * gnutls_encode_rs_value and gnutls_decode_rs_value are these very
 * functions (the public ones jump to them). */
#include "gnossl.h"

GNOSSL_EXPORT int _gnutls_encode_ber_rs_raw(gnutls_datum_t *sig_value, const gnutls_datum_t *r,
                                            const gnutls_datum_t *s);
GNOSSL_EXPORT int _gnutls_decode_ber_rs_raw(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s);

int _gnutls_encode_ber_rs_raw(gnutls_datum_t *sig_value, const gnutls_datum_t *r, const gnutls_datum_t *s)
{
    return gnutls_encode_rs_value(sig_value, r, s);
}

int _gnutls_decode_ber_rs_raw(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s)
{
    return gnutls_decode_rs_value(sig_value, r, s);
}
