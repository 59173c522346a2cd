/* Internal interface of the crypto room (src/crypto/). */
#ifndef GNOSSL_CRYPTO_CRYPTO_H
#define GNOSSL_CRYPTO_CRYPTO_H

#include "gnossl.h"
#include <openssl/evp.h>

/* GnuTLS's output / key sizes for a MAC or digest id (0 if none). */
unsigned gnossl_mac_output_size(int id);
unsigned gnossl_mac_key_size(int id);

/* The digest behind gnutls_hash_init for id, or NULL when GnuTLS 3.7.9
 * refuses it there (RMD160, SHAKE, GOST, unknown ids). */
const EVP_MD *gnossl_hash_md(gnutls_digest_algorithm_t id);

/* The digest of an HMAC id GnuTLS 3.7.9 accepts in gnutls_hmac_* and the
 * KDFs (MD5, SHA-1, SHA-2), or NULL. */
const EVP_MD *gnossl_hmac_md(gnutls_mac_algorithm_t id);

/* HMAC over a pre-fetched digest (no OpenSSL fetch per key or message).
 * Keyed state is kept so that output restarts cheaply. */
typedef struct gnossl_hmac gnossl_hmac;
gnossl_hmac *gnossl_hmac_new(const EVP_MD *md, const void *key, size_t keylen);
int gnossl_hmac_update(gnossl_hmac *h, const void *data, size_t len);
int gnossl_hmac_final(gnossl_hmac *h, unsigned char *out); /* then restarts */
gnossl_hmac *gnossl_hmac_dup(const gnossl_hmac *h);
void gnossl_hmac_free(gnossl_hmac *h);
/* The calling thread's scratch digest context for one-shot work (never
 * nested; NULL on allocation failure). */
EVP_MD_CTX *gnossl_scratch_md_ctx(void);
/* One shot; out gets EVP_MD_get_size(md) bytes. */
int gnossl_hmac_oneshot(const EVP_MD *md, const void *key, size_t keylen, const void *data, size_t len,
                        unsigned char *out);

/* AES-CMAC of data under key with cipher ("AES-128-CBC" / "AES-256-CBC");
 * 1 on success. */
int gnossl_cmac_oneshot(const char *cipher, const unsigned char *key, size_t keylen, const unsigned char *data,
                        size_t len, unsigned char out[16]);

/* How GnuTLS 3.7.9 treats a cipher id in the cipher / AEAD APIs. */
enum gnossl_cipher_mode {
    GNOSSL_MODE_NONE,      /* unknown, NULL, or not runnable on OpenSSL */
    GNOSSL_MODE_CBC,       /* block: whole blocks only, separate enc/dec state */
    GNOSSL_MODE_STREAM,    /* CFB8, ChaCha20: any length */
    GNOSSL_MODE_XTS,       /* each call is one data unit under the IV (tweak) */
    GNOSSL_MODE_AEAD,      /* GCM, ChaCha20-Poly1305: usable in both APIs */
    GNOSSL_MODE_ONLY_AEAD, /* CCM, CCM-8, SIV: AEAD API only */
};

struct gnossl_cipher_info {
    enum gnossl_cipher_mode mode;
    const EVP_CIPHER *evp; /* pre-fetched, for the given key size */
    unsigned key_size, iv_size, block_size, tag_size;
    int accelerated; /* GnuTLS's AES-NI paths: other error codes, any AES key size */
};

/* Looks up id for a key of keylen bytes.  Returns 0, or the GnuTLS error
 * gnutls_cipher_init / gnutls_aead_cipher_init give for this id and key. */
int gnossl_cipher_select(gnutls_cipher_algorithm_t id, size_t keylen, struct gnossl_cipher_info *info);

#endif
