/* Fatal alerts after a completed handshake.
 *
 * OpenSSL has no call that sends a chosen alert, yet GnuTLS servers (exim,
 * gnutls-serv) refuse a client certificate after the handshake with
 * gnutls_alert_send(FATAL, ...), and their clients wait for that alert.  We
 * protect the one alert record ourselves with the write key OpenSSL uses:
 * - TLS 1.3: the application traffic secret comes from the keylog callback;
 * - TLS 1.2 with an AEAD suite, TLS 1.0-1.2 with a CBC suite, DTLS 1.0 /
 *   1.2: the key block is derived from the master secret and the randoms,
 *   as OpenSSL derived it.  CBC records: HMAC then encryption (RFC 5246,
 *   6.2.3.2) or encrypt-then-MAC (RFC 7366, as negotiated), a random
 *   explicit IV; TLS 1.0 has none: a record's IV is the last ciphertext
 *   block written before it, which tls10-chain.c keeps from what the
 *   transport writes.
 * The message callback shows every record OpenSSL creates, our
 * ChangeCipherSpec / Finished / KeyUpdate, which gives the next sequence
 * number (DTLS: the epoch and sequence number of the record headers we
 * write).  A fatal alert ends the connection, so one record written behind
 * OpenSSL's back desynchronises nothing that is used afterwards.  Anything
 * else (stream ciphers, a record half written) is left to the caller's
 * fallback; over TLS 1.0, records after one that replaced OpenSSL's are
 * re-encrypted (tls10-chain.c, tls10-rchain.c).
 *
 * The same keys serve reneg-refuse.c (records written in place of one
 * OpenSSL wrote, with its sequence number; TLS 1.0-1.2 peer records opened
 * and replaced) and gnutls_record_get_state; the read side follows the peer's
 * Finished and KeyUpdate and the TLS 1.3 peer secret from the keylog. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/seal-int.h"
#include "tls/session-int.h"
#include "tls/tls10-rchain.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t kdf_once = PTHREAD_ONCE_INIT;
static EVP_KDF *hkdf, *tls1_prf; /* fetched once */
static EVP_MAC *hmac;

static void kdf_init(void)
{
    hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    tls1_prf = EVP_KDF_fetch(NULL, "TLS1-PRF", NULL);
    hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
}

/* The state of the session that owns ssl (outside the message callback,
 * which has the session at hand). */
static struct gnossl_seal *seal_of(const SSL *ssl)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    return s != NULL ? &s->seal : NULL;
}

void gnossl_seal_reset(gnutls_session_t s, const SSL *ssl)
{
    gnossl_seal_free(s);
    OPENSSL_cleanse(&s->seal, sizeof s->seal);
    s->seal.dtls = SSL_is_dtls(ssl);
}

void gnossl_seal_note_secret(gnutls_session_t s, const char *label, const unsigned char *secret, unsigned len)
{
    const SSL *ssl = s->ssl;
    const char *ours = SSL_is_server(ssl) ? "SERVER_TRAFFIC_SECRET_0" : "CLIENT_TRAFFIC_SECRET_0";
    const char *peers = SSL_is_server(ssl) ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0";
    int mine = strcmp(label, ours) == 0;
    if ((!mine && strcmp(label, peers) != 0) || len > EVP_MAX_MD_SIZE)
        return;
    struct gnossl_seal *st = &s->seal;
    memcpy(mine ? st->secret : st->rsecret, secret, len);
    *(mine ? &st->secret_len : &st->rsecret_len) = len;
}

/* HKDF-Expand-Label (RFC 8446, 7.1) with an empty context. */
static int expand_label(const EVP_MD *md, const unsigned char *secret, size_t secret_len, const char *label,
                        unsigned char *out, size_t out_len)
{
    unsigned char info[2 + 1 + 255 + 1];
    size_t ll = 6 + strlen(label);
    if (ll > 255)
        return -1;
    info[0] = (unsigned char)(out_len >> 8);
    info[1] = (unsigned char)out_len;
    info[2] = (unsigned char)ll;
    memcpy(info + 3, "tls13 ", 6);
    memcpy(info + 9, label, ll - 6);
    info[3 + ll] = 0;
    pthread_once(&kdf_once, kdf_init);
    EVP_KDF_CTX *k = hkdf != NULL ? EVP_KDF_CTX_new(hkdf) : NULL;
    if (k == NULL)
        return -1;
    int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, (void *)secret, secret_len),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info, 4 + ll),
        OSSL_PARAM_construct_end(),
    };
    int ok = EVP_KDF_derive(k, out, out_len, params) == 1;
    EVP_KDF_CTX_free(k);
    return ok ? 0 : -1;
}

static int next_secret(SSL *ssl, unsigned char *secret, unsigned len);

void gnossl_seal_note_read(gnutls_session_t s, int content_type, const unsigned char *p, size_t len)
{
    struct gnossl_seal *st = &s->seal;
    SSL *ssl = s->ssl;
    if (st->dtls || content_type != SSL3_RT_HANDSHAKE || len < 1)
        return;
    int v13 = SSL_version(ssl) == TLS1_3_VERSION;
    /* OpenSSL shows no received ChangeCipherSpec: the peer's Finished is
     * the last record under its handshake keys (TLS 1.3) or the first
     * under the new ones (TLS 1.2) */
    if (p[0] == SSL3_MT_FINISHED && !(v13 && st->rcounting)) { /* (TLS 1.3 post-handshake auth: a Finished under application keys) */
        st->rcounting = 1;
        st->rseq = v13 ? 0 : 1;
    } else if (v13 && p[0] == SSL3_MT_KEY_UPDATE && st->rcounting) {
        if (next_secret(ssl, st->rsecret, st->rsecret_len) < 0)
            st->broken = 1;
        st->rseq = 0;
    }
}

void gnossl_seal_note_record(gnutls_session_t s, int content_type, const unsigned char *p, size_t len)
{
    struct gnossl_seal *st = &s->seal;
    SSL *ssl = s->ssl;
    if (st->dtls)
        return;
    int v13 = SSL_version(ssl) == TLS1_3_VERSION;
    if (content_type == SSL3_RT_CHANGE_CIPHER_SPEC && !v13) {
        st->counting = 1; /* the records after our CCS start at 0 */
        st->tls12 = 1;
        st->seq = 0;
        st->implicit_iv = SSL_version(ssl) == TLS1_VERSION;
        if (st->implicit_iv)
            gnossl_seal_chain_restart(s); /* the key block's IV until a record goes out */
        return;
    }
    if (content_type != SSL3_RT_HANDSHAKE || len < 1 || !v13)
        return;
    /* a server learns its application secret only after writing Finished */
    if (p[0] == SSL3_MT_FINISHED && !st->counting) {
        st->counting = 1; /* application keys from the next record on */
        st->tls12 = 0;
        st->seq = 0;
    } else if (p[0] == SSL3_MT_KEY_UPDATE && st->counting && !st->tls12) {
        if (next_secret(ssl, st->secret, st->secret_len) < 0) {
            st->broken = 1;
            return;
        }
        st->seq = 0;
    }
}

void gnossl_seal_note_dtls_header(struct gnossl_seal *st, const unsigned char *p, size_t len)
{
    if (len < 13)
        return;
    uint64_t v = 0; /* epoch and sequence number */
    for (int i = 3; i < 11; i++)
        v = v << 8 | p[i];
    if (v >> 48 == 0)
        return; /* epoch 0: plaintext */
    /* (a retransmitted flight may repeat older epochs) */
    if (!st->counting || v + 1 > st->seq)
        st->seq = v + 1;
    st->counting = 1;
    st->tls12 = 1;
}

/* The traffic secret after a KeyUpdate (RFC 8446, 7.2). */
static int next_secret(SSL *ssl, unsigned char *secret, unsigned len)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    unsigned char next[EVP_MAX_MD_SIZE];
    if (md == NULL || len == 0 || expand_label(md, secret, len, "traffic upd", next, len) < 0)
        return -1;
    memcpy(secret, next, len);
    OPENSSL_cleanse(next, sizeof next);
    return 0;
}

/* The AEAD OpenSSL protects records with, and its key and IV sizes. */
static const EVP_CIPHER *aead_of(const SSL_CIPHER *c, size_t *key_len, size_t *tag_len, int *ccm)
{
    *ccm = 0;
    *tag_len = 16;
    switch (SSL_CIPHER_get_cipher_nid(c)) {
    case NID_aes_128_gcm:
        *key_len = 16;
        return EVP_aes_128_gcm();
    case NID_aes_256_gcm:
        *key_len = 32;
        return EVP_aes_256_gcm();
    case NID_chacha20_poly1305:
        *key_len = 32;
        return EVP_chacha20_poly1305();
    case NID_aes_128_ccm:
        *key_len = 16;
        *ccm = 1;
        /* TLS_AES_128_CCM_8_SHA256 and the TLS 1.2 CCM_8 suites */
        if (strstr(SSL_CIPHER_get_name(c), "CCM8") != NULL || strstr(SSL_CIPHER_get_name(c), "CCM_8") != NULL)
            *tag_len = 8;
        return EVP_aes_128_ccm();
    case NID_aes_256_ccm:
        *key_len = 32;
        *ccm = 1;
        if (strstr(SSL_CIPHER_get_name(c), "CCM8") != NULL || strstr(SSL_CIPHER_get_name(c), "CCM_8") != NULL)
            *tag_len = 8;
        return EVP_aes_256_ccm();
    default:
        return NULL;
    }
}

/* One AEAD operation: enc seals in into out and writes the tag; otherwise
 * opens in into out, checking tag.  0 or -1. */
static int aead_run(int enc, const EVP_CIPHER *cipher, int ccm, const unsigned char *key,
                    const unsigned char nonce[12], const unsigned char *aad, size_t aad_len,
                    const unsigned char *in, size_t in_len, unsigned char *out, unsigned char *tag, size_t tag_len)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int ok = x != NULL && EVP_CipherInit_ex(x, cipher, NULL, NULL, NULL, enc) == 1 &&
             EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL) == 1 &&
             (!ccm || EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)tag_len, enc ? NULL : tag) == 1) &&
             EVP_CipherInit_ex(x, NULL, NULL, key, nonce, enc) == 1;
    int n = 0;
    if (ok && ccm)
        ok = EVP_CipherUpdate(x, NULL, &n, NULL, (int)in_len) == 1;
    ok = ok && EVP_CipherUpdate(x, NULL, &n, aad, (int)aad_len) == 1 &&
         (in_len == 0 || EVP_CipherUpdate(x, out, &n, in, (int)in_len) == 1);
    if (ok && !enc && !ccm) /* (CCM checks its tag in the update) */
        ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)tag_len, tag) == 1;
    if (ok && !(ccm && !enc))
        ok = EVP_CipherFinal_ex(x, out + in_len, &n) == 1;
    if (ok && enc)
        ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_GET_TAG, (int)tag_len, tag) == 1;
    EVP_CIPHER_CTX_free(x);
    return ok ? 0 : -1;
}

int gnossl_seal_key_block(SSL *ssl, const char *prf_digest, unsigned char *out, size_t len)
{
    SSL_SESSION *sess = SSL_get_session(ssl);
    unsigned char ms[SSL_MAX_MASTER_KEY_LENGTH], seed[64];
    size_t ms_len = sess != NULL ? SSL_SESSION_get_master_key(sess, ms, sizeof ms) : 0;
    pthread_once(&kdf_once, kdf_init);
    if (ms_len == 0 || SSL_get_server_random(ssl, seed, 32) != 32 || SSL_get_client_random(ssl, seed + 32, 32) != 32)
        return -1;
    EVP_KDF_CTX *k = tls1_prf != NULL ? EVP_KDF_CTX_new(tls1_prf) : NULL;
    int ok = 0;
    if (k != NULL) {
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)prf_digest, 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, ms, ms_len),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, "key expansion", 13),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, seed, 64),
            OSSL_PARAM_construct_end(),
        };
        ok = EVP_KDF_derive(k, out, len, params) == 1;
        EVP_KDF_CTX_free(k);
    }
    OPENSSL_cleanse(ms, sizeof ms);
    return ok ? 0 : -1;
}

/* TLS 1.1 / 1.2 key block (RFC 5246, 6.3): client MAC key, server MAC key,
 * client key, server key, client IV, server IV; the parts of one side (ours,
 * or the peer's: our read keys). */
static int tls12_keys(SSL *ssl, int peer, struct prot *pr, size_t iv_len)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    size_t ml = pr->mac_len, kl = pr->key_len, total = 2 * (ml + kl + iv_len);
    unsigned char block[2 * (EVP_MAX_MD_SIZE + 32 + 16)];
    if (md == NULL || total > sizeof block)
        return -1;
    /* TLS 1.0 / 1.1, DTLS 1.0: TLS 1.0's PRF; (D)TLS 1.2: the suite's,
     * SHA-256 for the suites older than TLS 1.2 (OpenSSL reports their
     * MD5+SHA-1) */
    int old = SSL_version(ssl) == DTLS1_VERSION || SSL_version(ssl) < TLS1_2_VERSION;
    const char *prf = old                                   ? "MD5-SHA1"
                      : EVP_MD_get_type(md) == NID_md5_sha1 ? "SHA256"
                                                            : EVP_MD_get0_name(md);
    if (gnossl_seal_key_block(ssl, prf, block, total) < 0)
        return -1;
    int srv = SSL_is_server(ssl) ^ (peer != 0);
    memcpy(pr->mac_key, block + (srv ? ml : 0), ml);
    memcpy(pr->key, block + 2 * ml + (srv ? kl : 0), kl);
    memcpy(pr->iv, block + 2 * (ml + kl) + (srv ? iv_len : 0), iv_len);
    OPENSSL_cleanse(block, sizeof block);
    return 0;
}

/* A CBC suite: cipher, MAC and sizes in pr; 0 or -1. */
static int cbc_of(SSL *ssl, const SSL_CIPHER *c, struct prot *pr)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    const EVP_CIPHER *ci = EVP_get_cipherbynid(SSL_CIPHER_get_cipher_nid(c));
    const EVP_MD *md = EVP_get_digestbynid(SSL_CIPHER_get_digest_nid(c));
    if (s == NULL || ci == NULL || md == NULL ||
        EVP_CIPHER_get_mode(ci) != EVP_CIPH_CBC_MODE || EVP_CIPHER_get_key_length(ci) > 32 ||
        EVP_CIPHER_get_block_size(ci) > 16 || EVP_MD_get_size(md) <= 0)
        return -1;
    pr->cbc = 1;
    pr->etm = s->etm_negotiated;
    pr->cipher = ci;
    pr->key_len = (size_t)EVP_CIPHER_get_key_length(ci);
    pr->block = (size_t)EVP_CIPHER_get_block_size(ci);
    pr->mac_md = md;
    pr->mac_len = (size_t)EVP_MD_get_size(md);
    pr->explicit_len = pr->implicit ? 0 : pr->block;
    return 0;
}

/* The record version and framing of the connection: 0, or -1 for one we
 * do not model (SSL 3, DTLS 0.9). */
static int version_of(SSL *ssl, struct prot *pr)
{
    int v = SSL_version(ssl);
    switch (v) {
    case TLS1_3_VERSION:
        pr->v13 = 1;
        v = TLS1_2_VERSION; /* (the legacy record version) */
        break;
    case TLS1_VERSION:
        pr->implicit = 1;
        break;
    case TLS1_1_VERSION:
    case TLS1_2_VERSION:
        break;
    case DTLS1_VERSION:
    case DTLS1_2_VERSION:
        pr->dtls = 1;
        break;
    default:
        return -1;
    }
    pr->ver[0] = (unsigned char)(v >> 8);
    pr->ver[1] = (unsigned char)v;
    return 0;
}

/* A record header with the sequence number seq (DTLS); its length. */
static size_t put_header(const struct prot *pr, uint64_t seq, int type, size_t body, unsigned char *out)
{
    size_t h = 3;
    out[0] = (unsigned char)type;
    out[1] = pr->ver[0];
    out[2] = pr->ver[1];
    if (pr->dtls)
        for (int i = 0; i < 8; i++)
            out[h++] = (unsigned char)(seq >> (56 - 8 * i));
    out[h++] = (unsigned char)(body >> 8);
    out[h++] = (unsigned char)body;
    return h;
}

/* Our write protection, or (peer) the peer's: 0 or -1. */
int gnossl_seal_prot(SSL *ssl, int peer, struct prot *pr)
{
    struct gnossl_seal *st = seal_of(ssl);
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    if (st == NULL || st->broken || c == NULL)
        return -1;
    memset(pr, 0, sizeof *pr);
    if (version_of(ssl, pr) < 0)
        return -1;
    const unsigned char *secret = peer ? st->rsecret : st->secret;
    unsigned secret_len = peer ? st->rsecret_len : st->secret_len;
    /* (DTLS: each record says its sequence number; none is counted) */
    if (peer ? !st->rcounting && !pr->dtls : !st->counting || pr->v13 == st->tls12)
        return -1;
    if (pr->v13 && secret_len == 0)
        return -1;
    pr->cipher = aead_of(c, &pr->key_len, &pr->tag_len, &pr->ccm);
    if (pr->cipher == NULL) {
        if (pr->v13 || cbc_of(ssl, c, pr) < 0 || tls12_keys(ssl, peer, pr, pr->block) < 0)
            return -1;
        /* (TLS 1.0: else the key block's IV, right after a CCS) */
        if (pr->implicit && (peer ? gnossl_rchain_iv(st, pr) : gnossl_seal_chain_iv(st, pr->iv, pr->block)) < 0)
            return -1;
        return 0;
    }
    if (pr->implicit)
        return -1; /* (no AEAD suites before TLS 1.2) */
    pr->chacha = SSL_CIPHER_get_cipher_nid(c) == NID_chacha20_poly1305;
    pr->explicit_len = 0;
    if (pr->v13) {
        const EVP_MD *md = SSL_CIPHER_get_handshake_digest(c);
        return md == NULL || expand_label(md, secret, secret_len, "key", pr->key, pr->key_len) < 0 ||
                       expand_label(md, secret, secret_len, "iv", pr->iv, 12) < 0
                   ? -1
                   : 0;
    }
    /* GCM and CCM: 4 implicit IV bytes and an explicit nonce equal to the
     * sequence number, as OpenSSL writes it; ChaCha20: 12. */
    pr->explicit_len = pr->chacha ? 0 : 8;
    return tls12_keys(ssl, peer, pr, pr->chacha ? 12 : 4);
}

/* Nonce and additional data of the record with sequence number seq, content
 * type and plaintext length; the returned AAD length. */
static size_t prot_nonce(const struct prot *pr, uint64_t seq, int type, size_t pt_len, const unsigned char hdr[5],
                         unsigned char nonce[12], unsigned char aad[13], unsigned char seqb[8])
{
    for (int i = 0; i < 8; i++)
        seqb[i] = (unsigned char)(seq >> (56 - 8 * i));
    if (pr->v13 || pr->chacha) {
        memcpy(nonce, pr->iv, 12);
        for (int i = 0; i < 8; i++)
            nonce[4 + i] ^= seqb[i];
    } else {
        memcpy(nonce, pr->iv, 4);
        memcpy(nonce + 4, seqb, 8);
    }
    if (pr->v13) {
        memcpy(aad, hdr, 5);
        return 5;
    }
    memcpy(aad, seqb, 8);
    aad[8] = (unsigned char)type;
    aad[9] = pr->ver[0];
    aad[10] = pr->ver[1];
    aad[11] = (unsigned char)(pt_len >> 8);
    aad[12] = (unsigned char)pt_len;
    return 13;
}

int gnossl_seal_seq(SSL *ssl, int peer, uint64_t *seq)
{
    struct gnossl_seal *st = seal_of(ssl);
    if (st == NULL || !(peer ? st->rcounting : st->counting))
        return -1;
    *seq = peer ? st->rseq : st->seq;
    return 0;
}

/* The MAC of a CBC record (RFC 5246, 6.2.3.1): over the sequence number
 * (DTLS: epoch and sequence number), type, version and length len of what
 * is MACed, then len bytes of in. */
int gnossl_seal_cbc_mac(const struct prot *pr, uint64_t seq, int type, const unsigned char *in, size_t len,
                        unsigned char *mac)
{
    unsigned char pseudo[13];
    for (int i = 0; i < 8; i++)
        pseudo[i] = (unsigned char)(seq >> (56 - 8 * i));
    pseudo[8] = (unsigned char)type;
    pseudo[9] = pr->ver[0];
    pseudo[10] = pr->ver[1];
    pseudo[11] = (unsigned char)(len >> 8);
    pseudo[12] = (unsigned char)len;
    pthread_once(&kdf_once, kdf_init);
    EVP_MAC_CTX *m = hmac != NULL ? EVP_MAC_CTX_new(hmac) : NULL;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(pr->mac_md), 0),
        OSSL_PARAM_construct_end(),
    };
    size_t n = 0;
    int ok = m != NULL && EVP_MAC_init(m, pr->mac_key, pr->mac_len, params) == 1 &&
             EVP_MAC_update(m, pseudo, sizeof pseudo) == 1 && EVP_MAC_update(m, in, len) == 1 &&
             EVP_MAC_final(m, mac, &n, EVP_MAX_MD_SIZE) == 1 && n == pr->mac_len;
    EVP_MAC_CTX_free(m);
    return ok ? 0 : -1;
}

/* CBC without padding of whole blocks: 0 or -1. */
int gnossl_seal_cbc_run(int enc, const struct prot *pr, const unsigned char *iv, const unsigned char *in, size_t len,
                        unsigned char *out)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int n = 0;
    int ok = x != NULL && EVP_CipherInit_ex(x, pr->cipher, NULL, pr->key, iv, enc) == 1 &&
             EVP_CIPHER_CTX_set_padding(x, 0) == 1 && EVP_CipherUpdate(x, out, &n, in, (int)len) == 1 &&
             (size_t)n == len;
    EVP_CIPHER_CTX_free(x);
    return ok ? 0 : -1;
}

/* One CBC record: data, then (MAC-then-encrypt) its MAC and the least
 * padding, as OpenSSL and GnuTLS write them, encrypted under the explicit
 * IV iv (random if NULL; TLS 1.0: the chained IV, none in the record);
 * encrypt-then-MAC: the MAC after the ciphertext. */
static int cbc_seal(const struct prot *pr, uint64_t seq, const unsigned char *iv, int type,
                    const unsigned char *data, size_t len, unsigned char *out, size_t out_size, size_t *out_len)
{
    unsigned char buf[GNOSSL_SEAL_MAX];
    size_t bl = pr->block, ml = pr->mac_len, inner = pr->etm ? len : len + ml, xl = pr->explicit_len;
    size_t ct_len = (inner / bl + 1) * bl, body = xl + ct_len + (pr->etm ? ml : 0);
    if (ct_len > sizeof buf || out_size < 13 + body)
        return -1;
    size_t h = put_header(pr, seq, type, body, out);
    if (pr->implicit)
        iv = pr->iv;
    else if (iv != NULL)
        memcpy(out + h, iv, bl);
    else if (RAND_bytes(out + h, (int)bl) != 1)
        return -1;
    else
        iv = out + h;
    memcpy(buf, data, len);
    int r = pr->etm ? 0 : gnossl_seal_cbc_mac(pr, seq, type, data, len, buf + len);
    memset(buf + inner, (int)(ct_len - inner - 1), ct_len - inner);
    if (r == 0)
        r = gnossl_seal_cbc_run(1, pr, iv, buf, ct_len, out + h + xl);
    if (r == 0 && pr->etm) /* over the explicit IV and the ciphertext */
        r = gnossl_seal_cbc_mac(pr, seq, type, out + h, xl + ct_len, out + h + xl + ct_len);
    OPENSSL_cleanse(buf, sizeof buf);
    *out_len = h + body;
    return r;
}

/* Open a CBC record of the peer: 0 and its plaintext, or -1 (OpenSSL then
 * sees the record and fails on it as before).  Encrypt-then-MAC: the MAC is
 * checked first.  MAC-then-encrypt: only a 2-byte plaintext (an alert) is
 * accepted, so the padding check and the MAC take the same time whatever
 * the record holds. */
static int cbc_open(const struct prot *pr, uint64_t seq, const unsigned char *rec, size_t rec_len,
                    unsigned char *out, size_t out_size, size_t *out_len)
{
    unsigned char buf[GNOSSL_SEAL_MAX], mac[EVP_MAX_MD_SIZE];
    size_t h = pr->dtls ? 13 : 5, bl = pr->block, ml = pr->mac_len, tail = pr->etm ? ml : 0;
    if (rec_len < h + pr->explicit_len + bl + tail)
        return -1;
    size_t enc = rec_len - h - tail, ct_len = enc - pr->explicit_len;
    if (ct_len % bl != 0 || ct_len > sizeof buf)
        return -1;
    if (pr->etm &&
        (gnossl_seal_cbc_mac(pr, seq, rec[0], rec + h, enc, mac) < 0 || CRYPTO_memcmp(mac, rec + h + enc, ml) != 0))
        return -1;
    /* (TLS 1.0: the IV chains, none in the record) */
    if (gnossl_seal_cbc_run(0, pr, pr->implicit ? pr->iv : rec + h, rec + h + pr->explicit_len, ct_len, buf) < 0)
        return -1;
    size_t pad = buf[ct_len - 1], pt_len;
    unsigned bad = 0;
    if (pr->etm) {
        if (pad + 1 > ct_len)
            return -1;
        pt_len = ct_len - pad - 1;
    } else {
        if (ct_len < 2 + ml + 1)
            return -1;
        pt_len = 2;
        pad = ct_len - 2 - ml - 1;
        if (gnossl_seal_cbc_mac(pr, seq, rec[0], buf, 2, mac) < 0)
            return -1;
        bad |= (unsigned)CRYPTO_memcmp(mac, buf + 2, ml);
    }
    for (size_t i = ct_len - pad - 1; i < ct_len; i++)
        bad |= buf[i] ^ (unsigned)pad;
    int r = bad == 0 && pt_len <= out_size ? 0 : -1;
    if (r == 0) {
        memcpy(out, buf, pt_len);
        *out_len = pt_len;
    }
    OPENSSL_cleanse(buf, sizeof buf);
    return r;
}

int gnossl_seal_record(SSL *ssl, int peer, uint64_t seq, const unsigned char *explicit_nonce, int type,
                       const unsigned char *data, size_t len, unsigned char *out, size_t out_size, size_t *out_len)
{
    struct prot pr;
    unsigned char pt[64];
    if (len > sizeof pt - 1 || gnossl_seal_prot(ssl, peer, &pr) < 0)
        return -1;
    /* (TLS 1.0: OpenSSL's next record chains from its own last block: a
     * record that replaces one of OpenSSL's is followed by
     * gnossl_seal_replaced or gnossl_rchain_replaced, which re-encrypt) */
    if (pr.cbc) { /* the explicit IV of the record this one replaces */
        int r = cbc_seal(&pr, seq, explicit_nonce, type, data, len, out, out_size, out_len);
        OPENSSL_cleanse(&pr, sizeof pr);
        return r;
    }
    memcpy(pt, data, len);
    size_t pt_len = len;
    if (pr.v13)
        pt[pt_len++] = (unsigned char)type; /* TLS 1.3 hides the type inside */
    size_t body = pr.explicit_len + pt_len + pr.tag_len;
    if (out_size < 13 + body)
        return -1;
    size_t h = put_header(&pr, seq, pr.v13 ? SSL3_RT_APPLICATION_DATA : type, body, out);
    unsigned char nonce[12], aad[13], seqb[8];
    size_t aad_len = prot_nonce(&pr, seq, type, pt_len, out, nonce, aad, seqb);
    if (explicit_nonce != NULL && pr.explicit_len != 0)
        memcpy(nonce + 4, explicit_nonce, 8);
    memcpy(out + h, nonce + 4, pr.explicit_len);
    unsigned char *ct = out + h + pr.explicit_len;
    int r = aead_run(1, pr.cipher, pr.ccm, pr.key, nonce, aad, aad_len, pt, pt_len, ct, ct + pt_len, pr.tag_len);
    OPENSSL_cleanse(&pr, sizeof pr);
    OPENSSL_cleanse(pt, sizeof pt);
    if (r < 0)
        return -1;
    *out_len = h + body;
    return 0;
}

int gnossl_seal_open(SSL *ssl, uint64_t seq, const unsigned char *rec, size_t rec_len, unsigned char *out,
                     size_t out_size, size_t *out_len)
{
    struct prot pr;
    if (gnossl_seal_prot(ssl, 1, &pr) < 0)
        return -1;
    int r = -1;
    size_t h = pr.dtls ? 13 : 5;
    if (pr.cbc)
        r = cbc_open(&pr, seq, rec, rec_len, out, out_size, out_len);
    else if (rec_len >= h + pr.explicit_len + pr.tag_len && rec_len - h - pr.explicit_len - pr.tag_len <= out_size) {
        size_t pt_len = rec_len - h - pr.explicit_len - pr.tag_len;
        unsigned char nonce[12], aad[13], seqb[8], tag[16];
        size_t aad_len = prot_nonce(&pr, seq, rec[0], pt_len, rec, nonce, aad, seqb);
        if (pr.explicit_len != 0) /* the nonce as the peer sent it */
            memcpy(nonce + 4, rec + h, 8);
        memcpy(tag, rec + rec_len - pr.tag_len, pr.tag_len);
        r = aead_run(0, pr.cipher, pr.ccm, pr.key, nonce, aad, aad_len, rec + h + pr.explicit_len, pt_len, out, tag,
                     pr.tag_len);
        *out_len = pt_len;
    }
    OPENSSL_cleanse(&pr, sizeof pr);
    return r;
}

int gnossl_seal_alert(SSL *ssl, int level, int desc, unsigned char *out, size_t out_size, size_t *out_len)
{
    uint64_t seq;
    unsigned char alert[2] = {(unsigned char)level, (unsigned char)desc};
    if (gnossl_seal_seq(ssl, 0, &seq) < 0)
        return -1;
    return gnossl_seal_record(ssl, 0, seq, NULL, SSL3_RT_ALERT, alert, 2, out, out_size, out_len);
}

int gnossl_seal_state(SSL *ssl, int peer, gnutls_datum_t *mac, gnutls_datum_t *key, gnutls_datum_t *iv, uint64_t *seq)
{
    struct gnossl_session_out *st = gnossl_session_out(gnossl_session_from_ssl(ssl));
    struct prot pr;
    int p = peer != 0;
    /* (TLS 1.0 and DTLS: not modelled for gnutls_record_get_state) */
    if (st == NULL || SSL_is_dtls(ssl) || SSL_version(ssl) == TLS1_VERSION || gnossl_seal_seq(ssl, peer, seq) < 0 ||
        gnossl_seal_prot(ssl, peer, &pr) < 0)
        return -1;
    memcpy(st->state_mac[p], pr.mac_key, pr.mac_len);
    memcpy(st->state_key[p], pr.key, pr.key_len);
    memcpy(st->state_iv[p], pr.iv, sizeof pr.iv);
    mac->data = st->state_mac[p];
    mac->size = (unsigned)pr.mac_len; /* (AEAD: none) */
    key->data = st->state_key[p];
    key->size = (unsigned)pr.key_len;
    iv->data = st->state_iv[p];
    /* TLS 1.2 GCM/CCM: the implicit part; CBC: the key block's IV */
    iv->size = pr.cbc ? (unsigned)pr.block : pr.v13 || pr.chacha ? 12 : 4;
    OPENSSL_cleanse(&pr, sizeof pr);
    return 0;
}
