/* SRP credentials (RFC 5054) inside the credentials room: srp.c holds the
 * handles, password files and verifiers; srp-tls.c connects them to
 * OpenSSL's SRP callbacks. */
#ifndef GNOSSL_CRED_SRP_INT_H
#define GNOSSL_CRED_SRP_INT_H

#include "gnossl.h"
#include <openssl/ssl.h>

struct gnutls_srp_client_credentials_st {
    char *username;
    char *password;
    gnutls_srp_client_credentials_function *fn;
};

#define GNOSSL_SRP_SEED_MAX 64

struct gnutls_srp_server_credentials_st {
    char *pfile; /* tpasswd */
    char *pconf; /* tpasswd.conf */
    gnutls_srp_server_credentials_function *fn;
    unsigned char seed[GNOSSL_SRP_SEED_MAX]; /* for fake salts of unknown users */
    size_t seed_len;
    unsigned salt_len;
};

/* A user's verifier entry, all owned (gnutls_free). */
struct gnossl_srp_entry {
    gnutls_datum_t salt, v, g, n;
};

/* The entry for `user` (a fake one, as GnuTLS makes, for unknown users).
 * Returns 0 or a GnuTLS error (GNUTLS_E_SRP_PWD_ERROR, ...). */
int gnossl_srp_lookup(gnutls_session_t s, gnutls_srp_server_credentials_t c, const char *user,
                      struct gnossl_srp_entry *e);
void gnossl_srp_entry_clear(struct gnossl_srp_entry *e);

/* Whether (g, n) is one of the RFC 5054 groups GnuTLS's client accepts. */
int gnossl_srp_known_group(const unsigned char *g, size_t glen, const unsigned char *n, size_t nlen);

#endif
