/* Between alert-seal.c, which protects records the way OpenSSL does, and
 * tls10-chain.c, which follows TLS 1.0's chained IVs (dtls-etm.c checks
 * encrypt-then-MAC tags with it). */
#ifndef GNOSSL_TLS_SEAL_INT_H
#define GNOSSL_TLS_SEAL_INT_H

#include "tls/alert-seal.h"
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <stddef.h>
#include <stdint.h>

/* The record protection of one side of the connection. */
struct prot {
    const EVP_CIPHER *cipher;
    int ccm, v13, chacha;
    int dtls;              /* 13-byte headers; seq is the epoch and sequence number */
    int implicit;          /* TLS 1.0 CBC: iv is the last block written */
    unsigned char ver[2];  /* record version */
    size_t key_len, tag_len, explicit_len;
    unsigned char key[32], iv[16];
    /* CBC suites: HMAC, MAC-then-encrypt or encrypt-then-MAC (RFC 7366),
     * a random explicit IV of one block (TLS 1.0: none, iv chains) */
    int cbc, etm;
    const EVP_MD *mac_md;
    size_t mac_len, block;
    unsigned char mac_key[EVP_MAX_MD_SIZE];
};

/* Our write protection, or (peer) the peer's: 0 or -1 (TLS 1.0: iv is the
 * IV of our next record, or of the peer's record OpenSSL is reading). */
int gnossl_seal_prot(SSL *ssl, int peer, struct prot *pr);
/* The MAC of a CBC record over seq, type, version, len and in: 0 or -1. */
int gnossl_seal_cbc_mac(const struct prot *pr, uint64_t seq, int type, const unsigned char *in, size_t len,
                        unsigned char *mac);
/* CBC encryption (enc) or decryption of whole blocks under iv: 0 or -1. */
int gnossl_seal_cbc_run(int enc, const struct prot *pr, const unsigned char *iv, const unsigned char *in, size_t len,
                        unsigned char *out);

#endif
