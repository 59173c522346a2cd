/* gnutls_dh_params_import_dsa: DH parameters taken from a DSA key's domain
 * parameters.  As in GnuTLS, private exponents are then as long as q, and
 * PKCS#3 exports say so (privateValueLength); q itself is not kept, as no
 * gnutls_dh_params_* function gives it back. */
#include "gnossl.h"

int gnutls_dh_params_import_dsa(gnutls_dh_params_t dh_params, gnutls_x509_privkey_t key)
{
    gnutls_datum_t p = {NULL, 0}, q = {NULL, 0}, g = {NULL, 0};
    unsigned qbits = 0;
    int ret;

    if (dh_params == NULL || key == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = gnutls_x509_privkey_export_dsa_raw(key, &p, &q, &g, NULL, NULL);
    if (ret < 0)
        return ret;
    for (unsigned i = 0; i < q.size; i++) {
        if (q.data[i] == 0)
            continue;
        qbits = (q.size - i) * 8;
        for (unsigned char top = q.data[i]; !(top & 0x80); top <<= 1)
            qbits--;
        break;
    }
    ret = gnutls_dh_params_import_raw2(dh_params, &p, &g, qbits);
    gnutls_free(p.data);
    gnutls_free(q.data);
    gnutls_free(g.data);
    return ret;
}
