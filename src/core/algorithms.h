/* GnuTLS algorithm ids <-> OpenSSL names, for the other rooms (owned by
 * src/core/algorithms*.c).  Each returns NULL / 0 for ids OpenSSL lacks. */
#ifndef GNOSSL_CORE_ALGORITHMS_H
#define GNOSSL_CORE_ALGORITHMS_H

#include "gnossl.h"
#include <openssl/evp.h>

/* Names for EVP_MD_fetch / EVP_CIPHER_fetch / EVP_MAC (e.g. "SHA256",
 * "AES-128-GCM", "ChaCha20-Poly1305"). */
const char *gnossl_digest_ossl_name(gnutls_digest_algorithm_t d);
const char *gnossl_cipher_ossl_name(gnutls_cipher_algorithm_t c);
const char *gnossl_mac_ossl_digest_name(gnutls_mac_algorithm_t m); /* HMAC's digest */

/* Pre-fetched (once per process, never per call) EVP objects; do not free. */
const EVP_MD *gnossl_digest_fetch(gnutls_digest_algorithm_t d);
const EVP_CIPHER *gnossl_cipher_fetch(gnutls_cipher_algorithm_t c);

/* TLS names: groups ("X25519", "P-256", "ffdhe2048") and signature schemes
 * ("ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256", "ed25519") as
 * SSL_set1_groups_list / SSL_set1_sigalgs_list take them, and back. */
const char *gnossl_group_ossl_name(gnutls_group_t g);
gnutls_group_t gnossl_group_from_ossl_nid(int nid);
const char *gnossl_sign_ossl_name(gnutls_sign_algorithm_t s);
gnutls_sign_algorithm_t gnossl_sign_from_ossl_name(const char *name);

/* Protocol versions: GNUTLS_TLS1_2 <-> TLS1_2_VERSION, etc. */
int gnossl_protocol_to_ossl(gnutls_protocol_t p);
gnutls_protocol_t gnossl_protocol_from_ossl(int version);

/* TLS cipher suites by their two IANA bytes: GnuTLS cipher, MAC and kx of
 * the suite an SSL negotiated (SSL_CIPHER_get_protocol_id). */
/* The TLS cipher suites GnuTLS 3.7.9 knows, in its table order (visible
 * through gnutls_cipher_suite_info's index). */
struct gnossl_suite {
    unsigned short id; /* IANA code point */
    unsigned char kx, cipher, mac, min_version; /* gnutls.h ids; mac 200 = AEAD */
    const char *name;  /* GnuTLS's name, "TLS_..." */
    const char *ossl;  /* OpenSSL's name, NULL if OpenSSL lacks the suite */
};
extern const struct gnossl_suite gnossl_suites[];
extern const unsigned gnossl_n_suites;

int gnossl_suite_lookup(unsigned id, gnutls_cipher_algorithm_t *cipher, gnutls_mac_algorithm_t *mac,
                        gnutls_kx_algorithm_t *kx);

/* ---- additions (owned by src/core/algorithms*.c) ---- */

/* Notes on the functions above:
 * - gnossl_sign_ossl_name gives OpenSSL 3.0's "SIG+HASH" form ("DSA+SHA256",
 *   "ECDSA+SHA224", "ECDSA+SHA1") for the TLS 1.2 pairs it has no scheme
 *   name for; SSL_set1_sigalgs_list takes both forms, and
 *   gnossl_sign_from_ossl_name accepts them (case-insensitively).
 * - gnossl_suite_lookup returns 0, or GNUTLS_E_UNKNOWN_CIPHER_SUITE; any
 *   output pointer may be NULL.
 * - The legacy-provider-only algorithms (MD2, RC4, DES, RC2) have names but
 *   their *_fetch is NULL unless the application loaded that provider. */

/* EVP_MAC name ("HMAC", "CMAC", "GMAC") for a GnuTLS MAC, with the digest
 * (HMAC) or cipher (CMAC/GMAC) parameter it needs; NULL if unsupported. */
const char *gnossl_mac_ossl_mac(gnutls_mac_algorithm_t m, const char **digest, const char **cipher);

/* Signature schemes by their TLS code point (0x0804 = rsa_pss_rsae_sha256).
 * The ECDSA code points 0x0403/0x0503/0x0603 mean ECDSA_SHAxxx (any curve)
 * under TLS 1.2 and ECDSA_SECPxxxR1_SHAxxx under TLS 1.3: pass tls13. */
gnutls_sign_algorithm_t gnossl_sign_from_tls_id(unsigned tls_id, int tls13);
unsigned gnossl_sign_tls_id(gnutls_sign_algorithm_t s); /* 0 if none */

/* GnuTLS's full suite name ("TLS_ECDHE_RSA_AES_128_GCM_SHA256") for two
 * IANA bytes, NULL if GnuTLS does not know it.  Note for TLS 1.3 suites
 * gnossl_suite_lookup gives kx GNUTLS_KX_UNKNOWN (the suite does not fix it). */
const char *gnossl_suite_name(unsigned id);

#endif
