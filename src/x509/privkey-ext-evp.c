/* An EVP_PKEY that signs through an external key's callbacks, for libssl:
 * gnossl_privkey_ext_evp(key, pub) pairs the public half (from the
 * certificate) with an RSA_METHOD / EC_KEY_METHOD whose signing calls
 * gnossl_privkey_ext_sign.  OpenSSL keeps such keys on its legacy code
 * path, which is why the deprecated method APIs are used here (only for
 * these proxies; no global state is touched: the methods are private).
 * Limits: ECDSA works with every TLS version; RSA proxies sign PKCS#1 v1.5
 * only (OpenSSL pads PSS itself and would need a raw RSA operation, which
 * the GnuTLS callbacks do not offer), so they suit TLS 1.2 with PKCS#1
 * signature algorithms. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <pthread.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static RSA_METHOD *rsa_meth;
static EC_KEY_METHOD *ec_meth;
static int rsa_idx = -1, ec_idx = -1;

static gnutls_digest_algorithm_t dig_of_nid(int nid)
{
    switch (nid) {
    case NID_sha1:
        return GNUTLS_DIG_SHA1;
    case NID_sha224:
        return GNUTLS_DIG_SHA224;
    case NID_sha256:
        return GNUTLS_DIG_SHA256;
    case NID_sha384:
        return GNUTLS_DIG_SHA384;
    case NID_sha512:
        return GNUTLS_DIG_SHA512;
    default:
        return GNUTLS_DIG_UNKNOWN;
    }
}

/* PKCS#1 v1.5 signature of a digest (RSA_sign's hook). */
static int rsa_sign_cb(int type, const unsigned char *m, unsigned int m_len, unsigned char *sigret,
                       unsigned int *siglen, const RSA *rsa)
{
    gnutls_privkey_t key = RSA_get_ex_data(rsa, rsa_idx);
    gnutls_datum_t h = {(unsigned char *)m, m_len}, sig = {NULL, 0};
    int ok = 0;

    if (key == NULL)
        return 0;
    if (type == NID_md5_sha1) /* TLS 1.0/1.1: raw bytes, no DigestInfo */
        ok = gnossl_privkey_ext_sign(key, GNUTLS_SIGN_UNKNOWN, GNUTLS_DIG_UNKNOWN, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA,
                                     1, &h, &sig) == 0;
    else if (dig_of_nid(type) != GNUTLS_DIG_UNKNOWN)
        ok = gnossl_privkey_ext_sign(key, GNUTLS_SIGN_UNKNOWN, dig_of_nid(type), 0, 1, &h, &sig) == 0;
    if (ok && sig.size <= (unsigned)RSA_size(rsa)) {
        memcpy(sigret, sig.data, sig.size);
        *siglen = sig.size;
    } else {
        ok = 0;
    }
    gnutls_free(sig.data);
    return ok;
}

static ECDSA_SIG *ec_sign_sig_cb(const unsigned char *dgst, int dlen, const BIGNUM *kinv, const BIGNUM *r,
                                 EC_KEY *eckey)
{
    gnutls_privkey_t key = EC_KEY_get_ex_data(eckey, ec_idx);
    gnutls_datum_t h = {(unsigned char *)dgst, (unsigned)dlen}, sig = {NULL, 0};
    gnutls_digest_algorithm_t dig;
    ECDSA_SIG *out = NULL;

    (void)kinv;
    (void)r;
    dig = dlen == 20 ? GNUTLS_DIG_SHA1 : dlen == 28 ? GNUTLS_DIG_SHA224 : dlen == 32 ? GNUTLS_DIG_SHA256
        : dlen == 48 ? GNUTLS_DIG_SHA384 : dlen == 64 ? GNUTLS_DIG_SHA512 : GNUTLS_DIG_UNKNOWN;
    if (key != NULL && dig != GNUTLS_DIG_UNKNOWN &&
        gnossl_privkey_ext_sign(key, GNUTLS_SIGN_UNKNOWN, dig, 0, 1, &h, &sig) == 0) {
        const unsigned char *p = sig.data;
        out = d2i_ECDSA_SIG(NULL, &p, (long)sig.size);
    }
    gnutls_free(sig.data);
    return out;
}

static void init_methods(void)
{
    int (*psign)(int, const unsigned char *, int, unsigned char *, unsigned int *, const BIGNUM *, const BIGNUM *,
                 EC_KEY *) = NULL;
    int (*psetup)(EC_KEY *, BN_CTX *, BIGNUM **, BIGNUM **) = NULL;

    rsa_idx = RSA_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    ec_idx = EC_KEY_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    rsa_meth = RSA_meth_dup(RSA_PKCS1_OpenSSL());
    if (rsa_meth) {
        RSA_meth_set1_name(rsa_meth, "gnossl external key");
        RSA_meth_set_sign(rsa_meth, rsa_sign_cb);
    }
    ec_meth = EC_KEY_METHOD_new(EC_KEY_OpenSSL());
    if (ec_meth) {
        EC_KEY_METHOD_get_sign(EC_KEY_OpenSSL(), &psign, &psetup, NULL);
        EC_KEY_METHOD_set_sign(ec_meth, psign, psetup, ec_sign_sig_cb);
    }
}

/* The proxy holds a pointer to `key`: it must not outlive it. */
EVP_PKEY *gnossl_privkey_ext_evp(gnutls_privkey_t key, EVP_PKEY *pub)
{
    EVP_PKEY *out = NULL;

    if (key == NULL || key->ext == NULL || pub == NULL)
        return NULL;
    pthread_once(&once, init_methods);
    if (EVP_PKEY_get_base_id(pub) == EVP_PKEY_RSA && rsa_meth && rsa_idx >= 0) {
        RSA *src = EVP_PKEY_get1_RSA(pub), *rsa = src ? RSAPublicKey_dup(src) : NULL;
        RSA_free(src);
        if (rsa && RSA_set_method(rsa, rsa_meth) && RSA_set_ex_data(rsa, rsa_idx, key) &&
            (out = EVP_PKEY_new()) != NULL && EVP_PKEY_assign_RSA(out, rsa))
            return out;
        RSA_free(rsa);
    } else if (EVP_PKEY_get_base_id(pub) == EVP_PKEY_EC && ec_meth && ec_idx >= 0) {
        EC_KEY *src = EVP_PKEY_get1_EC_KEY(pub), *ec = src ? EC_KEY_dup(src) : NULL;
        EC_KEY_free(src);
        if (ec && EC_KEY_set_method(ec, ec_meth) && EC_KEY_set_ex_data(ec, ec_idx, key) &&
            (out = EVP_PKEY_new()) != NULL && EVP_PKEY_assign_EC_KEY(out, ec))
            return out;
        EC_KEY_free(ec);
    }
    EVP_PKEY_free(out);
    return NULL;
}
