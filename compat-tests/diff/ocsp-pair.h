/* What the TLS OCSP differential tests share: a PEM string as a datum and
 * a pair whose client (priority `prio`, credentials cc, asking for
 * "localhost") meets a NORMAL server with credentials sc. */
#ifndef OCSP_PAIR_H
#define OCSP_PAIR_H

#include "tls-pair.h"

static inline gnutls_datum_t txt(const char *s)
{
    gnutls_datum_t d = {(unsigned char *)s, (unsigned)strlen(s)};
    return d;
}

static inline void ocsp_pair_init(struct tp_pair *p, const char *prio, gnutls_certificate_credentials_t cc,
                                  gnutls_certificate_credentials_t sc)
{
    tp_init(p, 0, 0);
    gnutls_priority_set_direct(p->c.s, prio, NULL);
    gnutls_priority_set_direct(p->s.s, "NORMAL", NULL);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, sc);
    gnutls_server_name_set(p->c.s, GNUTLS_NAME_DNS, "localhost", 9);
}

#endif
