/* Which of its certificates a GnuTLS client sends (credentials loaded from
 * files or memory, no retrieve function): when the server's
 * CertificateRequest names the CAs it accepts, only a certificate whose chain
 * holds one issued by a named CA (issuer DN byte for byte); if none is, no
 * certificate at all, unless the session has GNUTLS_FORCE_CLIENT_CERT and
 * one certificate.  OpenSSL alone would send its certificate anyway, and a
 * server that merely requests one (optional client authentication, e.g.
 * slapd's "TLSVerifyClient try") then ends a handshake that completes,
 * without certificate, on GnuTLS.  When the server names no CA, OpenSSL's
 * choice stands (GnuTLS sends its only certificate then, but none of
 * several: not copied). */
#include "gnossl.h"
#include "cred/client-pick.h"
#include "tls/session.h"
#include <string.h>
#include <openssl/x509.h>

/* Is X's issuer, in its DER encoding, one of NAMES? */
static int issuer_named(X509 *x, const STACK_OF(X509_NAME) *names)
{
    const unsigned char *der, *nder;
    size_t len, nlen;
    int i;

    if (X509_NAME_get0_der(X509_get_issuer_name(x), &der, &len) != 1)
        return 0;
    for (i = 0; i < sk_X509_NAME_num(names); i++)
        if (X509_NAME_get0_der(sk_X509_NAME_value(names, i), &nder, &nlen) == 1 &&
            nlen == len && memcmp(nder, der, len) == 0)
            return 1;
    return 0;
}

int gnossl_cred_client_pick_cb(SSL *ssl, void *arg)
{
    const STACK_OF(X509_NAME) *names = SSL_get0_peer_CA_list(ssl);
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    int more, i, n = 0;

    (void)arg;
    if (names == NULL || sk_X509_NAME_num(names) == 0)
        return 1;
    for (more = SSL_set_current_cert(ssl, SSL_CERT_SET_FIRST); more == 1;
         more = SSL_set_current_cert(ssl, SSL_CERT_SET_NEXT)) {
        X509 *leaf = SSL_get_certificate(ssl);
        STACK_OF(X509) *chain = NULL;

        if (leaf == NULL)
            continue;
        n++;
        if (issuer_named(leaf, names))
            return 1;
        if (SSL_get0_chain_certs(ssl, &chain) == 1 && chain != NULL)
            for (i = 0; i < sk_X509_num(chain); i++)
                if (issuer_named(sk_X509_value(chain, i), names))
                    return 1;
    }
    if (n == 1 && s != NULL && (gnossl_session_init_flags(s) & GNUTLS_FORCE_CLIENT_CERT))
        return 1;
    /* No certificate the server asked for: send an empty Certificate. */
    SSL_certs_clear(ssl);
    return 1;
}
