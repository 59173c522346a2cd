/* Fatal alerts after a completed handshake.
 *
 * OpenSSL has no call that sends a chosen alert, yet GnuTLS servers (exim,
 * gnutls-serv) refuse a client certificate after the handshake with
 * gnutls_alert_send(FATAL, ...), and their clients wait for that alert.  We
 * protect the one alert record ourselves with the write key OpenSSL uses:
 * - TLS 1.3: the application traffic secret comes from the keylog callback;
 * - TLS 1.2 with an AEAD suite: the key block is derived from the master
 *   secret and the randoms, as OpenSSL derived it.
 * The message callback shows every record OpenSSL creates, our
 * ChangeCipherSpec / Finished / KeyUpdate, which gives the next sequence
 * number.  A fatal alert ends the connection, so one record written behind
 * OpenSSL's back desynchronises nothing that is used afterwards.  Anything
 * else (CBC suites, DTLS, a record half written) is left to the caller's
 * fallback. */
#include "gnossl.h"
#include "tls/alert-seal.h"
#include "tls/session-int.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct seal {
    unsigned char secret[EVP_MAX_MD_SIZE]; /* TLS 1.3 write traffic secret */
    unsigned secret_len;
    uint64_t seq;  /* sequence number of the next record OpenSSL creates */
    int counting;  /* our write side uses the record protection we model */
    int tls12;     /* keys from the TLS 1.2 key block */
    int broken;    /* something we cannot follow happened */
};

static int seal_index = -1;
static pthread_once_t seal_once = PTHREAD_ONCE_INIT;
static EVP_KDF *hkdf, *tls1_prf; /* fetched once */

static void seal_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl, void *argp)
{
    (void)parent, (void)ad, (void)idx, (void)argl, (void)argp;
    if (ptr != NULL) {
        OPENSSL_cleanse(ptr, sizeof(struct seal));
        free(ptr);
    }
}

static void seal_init(void)
{
    seal_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, seal_free);
    hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    tls1_prf = EVP_KDF_fetch(NULL, "TLS1-PRF", NULL);
}

static struct seal *seal_of(const SSL *ssl, int create)
{
    pthread_once(&seal_once, seal_init);
    if (seal_index < 0 || ssl == NULL)
        return NULL;
    struct seal *st = SSL_get_ex_data(ssl, seal_index);
    if (st == NULL && create) {
        st = calloc(1, sizeof *st);
        if (st != NULL && !SSL_set_ex_data((SSL *)ssl, seal_index, st)) {
            free(st);
            st = NULL;
        }
    }
    return st;
}

void gnossl_seal_note_secret(const SSL *ssl, const char *label, const unsigned char *secret, unsigned len)
{
    const char *ours = SSL_is_server(ssl) ? "SERVER_TRAFFIC_SECRET_0" : "CLIENT_TRAFFIC_SECRET_0";
    if (strcmp(label, ours) != 0 || len > EVP_MAX_MD_SIZE)
        return;
    struct seal *st = seal_of(ssl, 1);
    if (st == NULL)
        return;
    memcpy(st->secret, secret, len);
    st->secret_len = len;
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

void gnossl_seal_note_record(SSL *ssl, int content_type, const unsigned char *p, size_t len)
{
    if (SSL_is_dtls(ssl))
        return;
    struct seal *st = seal_of(ssl, 0);
    if (content_type == SSL3_RT_HEADER) {
        if (st != NULL && st->counting)
            st->seq++;
        return;
    }
    int v13 = SSL_version(ssl) == TLS1_3_VERSION;
    if (content_type == SSL3_RT_CHANGE_CIPHER_SPEC && !v13) {
        if ((st = seal_of(ssl, 1)) != NULL) {
            st->counting = 1; /* the records after our CCS start at 0 */
            st->tls12 = 1;
            st->seq = 0;
        }
        return;
    }
    if (content_type != SSL3_RT_HANDSHAKE || len < 1 || !v13)
        return;
    /* a server learns its application secret only after writing Finished */
    if (st == NULL && (p[0] != SSL3_MT_FINISHED || (st = seal_of(ssl, 1)) == NULL))
        return;
    if (p[0] == SSL3_MT_FINISHED && !st->counting) {
        st->counting = 1; /* application keys from the next record on */
        st->tls12 = 0;
        st->seq = 0;
    } else if (p[0] == SSL3_MT_KEY_UPDATE && st->counting && !st->tls12) {
        const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
        const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
        unsigned char next[EVP_MAX_MD_SIZE];
        if (md == NULL || st->secret_len == 0 ||
            expand_label(md, st->secret, st->secret_len, "traffic upd", next, st->secret_len) < 0) {
            st->broken = 1;
            return;
        }
        memcpy(st->secret, next, st->secret_len);
        OPENSSL_cleanse(next, sizeof next);
        st->seq = 0;
    }
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

static int aead_seal(const EVP_CIPHER *cipher, int ccm, const unsigned char *key, const unsigned char nonce[12],
                     const unsigned char *aad, size_t aad_len, const unsigned char *pt, size_t pt_len,
                     unsigned char *out, size_t tag_len)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int ok = x != NULL && EVP_EncryptInit_ex(x, cipher, NULL, NULL, NULL) == 1 &&
             EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL) == 1 &&
             (!ccm || EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)tag_len, NULL) == 1) &&
             EVP_EncryptInit_ex(x, NULL, NULL, key, nonce) == 1;
    int n = 0;
    if (ok && ccm)
        ok = EVP_EncryptUpdate(x, NULL, &n, NULL, (int)pt_len) == 1;
    ok = ok && EVP_EncryptUpdate(x, NULL, &n, aad, (int)aad_len) == 1 &&
         EVP_EncryptUpdate(x, out, &n, pt, (int)pt_len) == 1 && EVP_EncryptFinal_ex(x, out + n, &n) == 1 &&
         EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_GET_TAG, (int)tag_len, out + pt_len) == 1;
    EVP_CIPHER_CTX_free(x);
    return ok ? 0 : -1;
}

/* TLS 1.2 key block (RFC 5246, 6.3) up to our write key and IV. */
static int tls12_keys(SSL *ssl, size_t key_len, size_t iv_len, unsigned char *key, unsigned char *iv)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    SSL_SESSION *sess = SSL_get_session(ssl);
    unsigned char ms[SSL_MAX_MASTER_KEY_LENGTH], seed[64], block[2 * 32 + 2 * 12];
    size_t ms_len = sess != NULL ? SSL_SESSION_get_master_key(sess, ms, sizeof ms) : 0;
    if (md == NULL || ms_len == 0 || SSL_get_server_random(ssl, seed, 32) != 32 ||
        SSL_get_client_random(ssl, seed + 32, 32) != 32)
        return -1;
    size_t need = 2 * key_len + 2 * iv_len;
    EVP_KDF_CTX *k = tls1_prf != NULL ? EVP_KDF_CTX_new(tls1_prf) : NULL;
    int ok = 0;
    if (k != NULL) {
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, ms, ms_len),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, "key expansion", 13),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, seed, 64),
            OSSL_PARAM_construct_end(),
        };
        ok = EVP_KDF_derive(k, block, need, params) == 1;
        EVP_KDF_CTX_free(k);
    }
    if (ok) {
        /* AEAD suites have no MAC keys: client key, server key, client IV, server IV */
        int srv = SSL_is_server(ssl);
        memcpy(key, block + (srv ? key_len : 0), key_len);
        memcpy(iv, block + 2 * key_len + (srv ? iv_len : 0), iv_len);
    }
    OPENSSL_cleanse(ms, sizeof ms);
    OPENSSL_cleanse(block, sizeof block);
    return ok ? 0 : -1;
}

int gnossl_seal_alert(SSL *ssl, int level, int desc, unsigned char *out, size_t out_size, size_t *out_len)
{
    struct seal *st = seal_of(ssl, 0);
    const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
    if (st == NULL || !st->counting || st->broken || c == NULL || SSL_is_dtls(ssl))
        return -1;
    int v13 = SSL_version(ssl) == TLS1_3_VERSION;
    if (v13 == st->tls12 || (v13 && st->secret_len == 0))
        return -1;
    size_t key_len, tag_len;
    int ccm;
    const EVP_CIPHER *cipher = aead_of(c, &key_len, &tag_len, &ccm);
    if (cipher == NULL) /* CBC suites are not modelled */
        return -1;
    unsigned char key[32], iv[12], nonce[12], aad[13];
    size_t explicit_len = 0, aad_len;
    int chacha = SSL_CIPHER_get_cipher_nid(c) == NID_chacha20_poly1305;
    if (v13) {
        const EVP_MD *md = SSL_CIPHER_get_handshake_digest(c);
        if (md == NULL || expand_label(md, st->secret, st->secret_len, "key", key, key_len) < 0 ||
            expand_label(md, st->secret, st->secret_len, "iv", iv, 12) < 0)
            return -1;
    } else {
        /* GCM and CCM: 4 implicit IV bytes and an explicit nonce equal
         * to the sequence number, as OpenSSL writes it; ChaCha20: 12. */
        size_t iv_len = chacha ? 12 : 4;
        if (tls12_keys(ssl, key_len, iv_len, key, iv) < 0)
            return -1;
        explicit_len = chacha ? 0 : 8;
    }
    unsigned char seqb[8];
    for (int i = 0; i < 8; i++)
        seqb[i] = (unsigned char)(st->seq >> (56 - 8 * i));
    if (v13 || chacha) {
        memcpy(nonce, iv, 12);
        for (int i = 0; i < 8; i++)
            nonce[4 + i] ^= seqb[i];
    } else {
        memcpy(nonce, iv, 4);
        memcpy(nonce + 4, seqb, 8);
    }
    unsigned char pt[3] = {(unsigned char)level, (unsigned char)desc, SSL3_RT_ALERT};
    size_t pt_len = v13 ? 3 : 2; /* TLS 1.3 hides the type inside */
    size_t body = explicit_len + pt_len + tag_len;
    if (out_size < 5 + body)
        return -1;
    out[0] = v13 ? SSL3_RT_APPLICATION_DATA : SSL3_RT_ALERT;
    out[1] = 3;
    out[2] = 3;
    out[3] = (unsigned char)(body >> 8);
    out[4] = (unsigned char)body;
    if (v13) {
        memcpy(aad, out, 5);
        aad_len = 5;
    } else {
        memcpy(aad, seqb, 8);
        aad[8] = SSL3_RT_ALERT;
        aad[9] = 3;
        aad[10] = 3;
        aad[11] = 0;
        aad[12] = (unsigned char)pt_len;
        aad_len = 13;
        memcpy(out + 5, seqb, explicit_len);
    }
    int r = aead_seal(cipher, ccm, key, nonce, aad, aad_len, pt, pt_len, out + 5 + explicit_len, tag_len);
    OPENSSL_cleanse(key, sizeof key);
    OPENSSL_cleanse(iv, sizeof iv);
    if (r < 0)
        return -1;
    *out_len = 5 + body;
    return 0;
}
