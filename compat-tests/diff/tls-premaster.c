/* Differential: gnutls_session_set_premaster, a session resumed from a
 * master secret and ID agreed elsewhere (openconnect/ocserv "legacy" DTLS).
 * Both ends set the same secret and ID: the abbreviated handshake completes
 * (the server's certificate is not sent), both report a resumed session with the given
 * suite, and data passes.  A different secret on the server makes the
 * Finished check fail; a server with another ID falls back to a full
 * handshake (RSA key exchange; the client trusts nothing but does not
 * verify).  Argument checks
 * (secret size, ID size, versions, unknown suites) print their codes. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"
#include "tls-pair.h"

static unsigned char secret[48], secret2[48], sid[32], sid2[32];

static int premaster(gnutls_session_t s, unsigned entity, gnutls_protocol_t v, gnutls_cipher_algorithm_t c,
                     gnutls_mac_algorithm_t m, const unsigned char *key, unsigned klen, const unsigned char *id,
                     unsigned idlen)
{
    gnutls_datum_t mk = {(unsigned char *)key, klen}, sd = {(unsigned char *)id, idlen};
    return gnutls_session_set_premaster(s, entity, v, GNUTLS_KX_RSA, c, m, GNUTLS_COMP_NULL, &mk, &sd);
}

static void pair_case(const char *title, const char *prio, gnutls_cipher_algorithm_t c, gnutls_mac_algorithm_t m,
                      const unsigned char *skey, const unsigned char *sidv)
{
    struct tp_pair p;
    gnutls_certificate_credentials_t cc, sc;

    printf("== %s (%s)\n", title, prio);
    tp_init(&p, GNUTLS_NONBLOCK, GNUTLS_NONBLOCK);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1}, key = {(unsigned char *)rsa_key, sizeof rsa_key - 1};
    gnutls_certificate_set_x509_key_mem(sc, &crt, &key, GNUTLS_X509_FMT_PEM);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, sc);
    printf("  client set: %s\n",
           tp_code(premaster(p.c.s, GNUTLS_CLIENT, GNUTLS_TLS1_2, c, m, secret, sizeof secret, sid, sizeof sid)));
    printf("  server set: %s\n",
           tp_code(premaster(p.s.s, GNUTLS_SERVER, GNUTLS_TLS1_2, c, m, skey, sizeof secret, sidv, sizeof sid)));
    if (tp_handshake(&p) == 0) {
        printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s), gnutls_session_is_resumed(p.s.s));
        char *d = gnutls_session_get_desc(p.c.s);
        printf("  client session: %s\n", d ? d : "?");
        gnutls_free(d);
        d = gnutls_session_get_desc(p.s.s);
        printf("  server session: %s\n", d ? d : "?");
        gnutls_free(d);
        char buf[32] = {0};
        int w = (int)gnutls_record_send(p.c.s, "legacy dtls", 11);
        int r = (int)gnutls_record_recv(p.s.s, buf, sizeof buf - 1);
        printf("  data: sent %s, received %s '%s'\n", tp_code(w), tp_code(r), r > 0 ? buf : "");
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(cc);
    gnutls_certificate_free_credentials(sc);
}

static void arg_case(const char *title, unsigned flags, gnutls_protocol_t v, gnutls_cipher_algorithm_t c,
                     gnutls_mac_algorithm_t m, unsigned klen, unsigned idlen)
{
    gnutls_session_t s;
    unsigned char key[64] = {1}, id[40] = {2};
    gnutls_init(&s, GNUTLS_CLIENT | flags);
    printf("%s: %s\n", title, tp_code(premaster(s, GNUTLS_CLIENT, v, c, m, key, klen, id, idlen)));
    gnutls_deinit(s);
}

int main(void)
{
    gnutls_global_init();
    for (unsigned i = 0; i < sizeof secret; i++) {
        secret[i] = (unsigned char)(3 * i + 1);
        secret2[i] = (unsigned char)(3 * i + 2);
    }
    for (unsigned i = 0; i < sizeof sid; i++) {
        sid[i] = (unsigned char)(0x40 + i);
        sid2[i] = (unsigned char)(0x80 + i);
    }
    /* The made-up session has no extended master secret, so its users turn
     * that extension off (openconnect's and ocserv's legacy DTLS do).  With
     * it on, GnuTLS's server fails the handshake (internal error) where
     * OpenSSL's, following RFC 7627, falls back to a full handshake. */
    const char *prio = "NORMAL:-VERS-ALL:+VERS-TLS1.2:+RSA:%NO_SESSION_HASH";
    pair_case("AES-256-GCM, same secret and ID", prio, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_MAC_AEAD, secret, sid);
    pair_case("AES-128-CBC-SHA1, same secret and ID", prio, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_MAC_SHA1, secret, sid);
    pair_case("server has another secret", prio, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_MAC_AEAD, secret2, sid);
    pair_case("server has another ID", prio, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_MAC_AEAD, secret, sid2);

    arg_case("TLS 1.2, 48-byte secret", 0, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_MAC_AEAD, 48, 32);
    arg_case("47-byte secret", 0, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_MAC_AEAD, 47, 32);
    arg_case("33-byte ID", 0, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_MAC_AEAD, 48, 33);
    arg_case("empty ID", 0, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_MAC_AEAD, 48, 0);
    arg_case("no such suite (AES-128-GCM with SHA1)", 0, GNUTLS_TLS1_2, GNUTLS_CIPHER_AES_128_GCM, GNUTLS_MAC_SHA1, 48, 32);
    arg_case("DTLS 1.2", GNUTLS_DATAGRAM, GNUTLS_DTLS1_2, GNUTLS_CIPHER_AES_256_GCM, GNUTLS_MAC_AEAD, 48, 32);
    arg_case("DTLS 1.0", GNUTLS_DATAGRAM, GNUTLS_DTLS1_0, GNUTLS_CIPHER_AES_128_CBC, GNUTLS_MAC_SHA1, 48, 32);
    gnutls_global_deinit();
    return 0;
}
