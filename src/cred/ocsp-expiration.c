/* gnutls_certificate_get_ocsp_expiration: until when the OCSP response
 * stapled for a certificate of a key pair's chain is good.  gnossl keeps a
 * response for the leaf only (oidx 0); GnuTLS's answers: -2 for an index
 * past the pairs or the chain (or past its 8 responses), -1 where no
 * response is set, otherwise the response's nextUpdate, 0 when that is
 * useless (revoked, expired, or none given); oidx -1 asks for the earliest
 * positive one (0 if none). */
#include "gnossl.h"
#include "core/clock.h"
#include "cred/cred-int.h"

#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <time.h>

#define MAX_OCSP_RESPONSES 8

static time_t response_expiry(const gnutls_datum_t *der)
{
    const unsigned char *p = der->data;
    OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE(NULL, &p, (long)der->size);
    OCSP_BASICRESP *bs = resp ? OCSP_response_get1_basic(resp) : NULL;
    OCSP_SINGLERESP *single = bs && OCSP_resp_count(bs) > 0 ? OCSP_resp_get0(bs, 0) : NULL;
    ASN1_GENERALIZEDTIME *next = NULL;
    time_t t = 0;
    int status = single ? OCSP_single_get0_status(single, NULL, NULL, NULL, &next) : -1;
    struct tm tm;

    if (status == V_OCSP_CERTSTATUS_GOOD && next != NULL && ASN1_TIME_to_tm(next, &tm) == 1) {
        t = timegm(&tm);
        if (t <= gnossl_time())
            t = 0; /* already out of date */
    }
    OCSP_BASICRESP_free(bs);
    OCSP_RESPONSE_free(resp);
    ERR_clear_error();
    return t;
}

time_t gnutls_certificate_get_ocsp_expiration(gnutls_certificate_credentials_t sc, unsigned idx, int oidx,
                                              unsigned flags)
{
    struct gnossl_keypair *k;
    unsigned chain_len;
    time_t t;

    (void)flags;
    if (sc == NULL)
        return (time_t)-2;
    pthread_mutex_lock(&sc->lock);
    if (idx >= sc->nkeys) {
        pthread_mutex_unlock(&sc->lock);
        return (time_t)-2;
    }
    k = &sc->keys[idx];
    chain_len = 1 + (k->chain ? (unsigned)sk_X509_num(k->chain) : 0);
    if (oidx == -1)
        t = k->ocsp.size ? response_expiry(&k->ocsp) : 0; /* only the leaf can have one */
    else if (oidx < 0 || oidx >= MAX_OCSP_RESPONSES || (unsigned)oidx >= chain_len)
        t = (time_t)-2;
    else if (oidx > 0 || k->ocsp.size == 0)
        t = (time_t)-1;
    else
        t = response_expiry(&k->ocsp);
    pthread_mutex_unlock(&sc->lock);
    return t;
}
