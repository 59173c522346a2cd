/* DTLS records with a bad encrypt-then-MAC tag, discarded as GnuTLS does.
 *
 * OpenSSL 3.0's DTLS record layer makes a bad ETM tag fatal (bad_record_mac)
 * where it silently drops AEAD and MAC-then-encrypt records that fail.  The
 * tag covers the record as received, so the BIO can check it before OpenSSL
 * sees the datagram: with the peer's MAC key (derived from the key block
 * like OpenSSL's) it removes the records of epoch 1 whose tag is wrong.
 * Only the first epoch after a completed handshake is checked (a
 * renegotiation's new keys are left to OpenSSL). */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <string.h>

#define DTLS_HEADER 13u

static EVP_MAC *hmac; /* fetched once */
static pthread_once_t hmac_once = PTHREAD_ONCE_INIT;

static void hmac_init(void)
{
    hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
}

/* The peer's MAC key from the key block: 1, or -1 when not applicable. */
static int mac_key(gnutls_session_t s)
{
    SSL *ssl = s->ssl;
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    if (c == NULL || SSL_CIPHER_is_aead(c) || SSL_CIPHER_get_cipher_nid(c) == NID_undef)
        return -1;
    const EVP_MD *mac = EVP_get_digestbynid(SSL_CIPHER_get_digest_nid(c));
    const EVP_MD *hs = SSL_CIPHER_get_handshake_digest(c);
    int mac_len = mac != NULL ? EVP_MD_get_size(mac) : 0;
    unsigned char block[2 * 64];
    if (hs == NULL || mac_len <= 0 || 2 * (size_t)mac_len > sizeof block)
        return -1;
    /* DTLS 1.0: TLS 1.0's PRF; DTLS 1.2: the suite's, SHA-256 for the
     * suites older than TLS 1.2 (OpenSSL reports their MD5+SHA-1) */
    const char *prf = SSL_version(ssl) == DTLS1_VERSION       ? "MD5-SHA1"
                      : EVP_MD_get_type(hs) == NID_md5_sha1 ? "SHA256"
                                                            : EVP_MD_get0_name(hs);
    if (gnossl_seal_key_block(ssl, prf, block, 2 * (size_t)mac_len) < 0)
        return -1;
    /* client MAC key, then server MAC key: the peer's is our read key */
    memcpy(s->dtls.etm_mac_key, block + (SSL_is_server(ssl) ? 0 : mac_len), (size_t)mac_len);
    s->dtls.etm_mac_len = (unsigned)mac_len;
    OPENSSL_cleanse(block, sizeof block);
    return 1;
}

/* Is the tag of this epoch-1 record right? */
static int tag_ok(gnutls_session_t s, const unsigned char *rec, size_t body)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(s->ssl);
    const EVP_MD *md = c != NULL ? EVP_get_digestbynid(SSL_CIPHER_get_digest_nid(c)) : NULL;
    size_t ml = s->dtls.etm_mac_len;
    if (md == NULL || body < ml)
        return 0;
    unsigned char ad[13], tag[EVP_MAX_MD_SIZE];
    size_t enc = body - ml, tl = 0;
    memcpy(ad, rec + 3, 8); /* epoch and sequence number */
    memcpy(ad + 8, rec, 3); /* type and version */
    ad[11] = (unsigned char)(enc >> 8);
    ad[12] = (unsigned char)enc;
    pthread_once(&hmac_once, hmac_init);
    EVP_MAC_CTX *m = hmac != NULL ? EVP_MAC_CTX_new(hmac) : NULL;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_end(),
    };
    int ok = m != NULL && EVP_MAC_init(m, s->dtls.etm_mac_key, ml, params) == 1 &&
             EVP_MAC_update(m, ad, sizeof ad) == 1 && EVP_MAC_update(m, rec + DTLS_HEADER, enc) == 1 &&
             EVP_MAC_final(m, tag, &tl, sizeof tag) == 1 && tl == ml &&
             CRYPTO_memcmp(tag, rec + DTLS_HEADER + enc, ml) == 0;
    EVP_MAC_CTX_free(m);
    return ok;
}

int gnossl_dtls_etm_filter(gnutls_session_t s, unsigned char *buf, int len)
{
    if (s->ssl == NULL || !s->handshake_done || !s->etm_negotiated || s->dtls.etm_state < 0)
        return len;
    if (s->dtls.etm_state == 0 && (s->dtls.etm_state = mac_key(s)) < 0)
        return len;
    size_t off = 0, n = (size_t)len;
    while (off + DTLS_HEADER <= n) {
        unsigned char *rec = buf + off;
        size_t body = (size_t)rec[11] << 8 | rec[12];
        if (off + DTLS_HEADER + body > n)
            break; /* malformed: OpenSSL's to judge */
        int epoch = rec[3] << 8 | rec[4];
        if (epoch == 1 && !tag_ok(s, rec, body)) {
            gnossl_debug("dtls: record with a bad encrypt-then-MAC tag discarded");
            s->dtls.discarded++; /* counted by gnutls_record_get_discarded */
            memmove(rec, rec + DTLS_HEADER + body, n - off - DTLS_HEADER - body);
            n -= DTLS_HEADER + body;
            continue;
        }
        off += DTLS_HEADER + body;
    }
    return (int)n;
}
