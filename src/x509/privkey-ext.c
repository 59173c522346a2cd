/* External private keys: gnutls_privkey_import_ext/ext2/ext3/ext4.  The
 * application keeps the key (a token, an agent, another process) and signs
 * or decrypts through callbacks; gnossl hashes, builds the PKCS#1
 * DigestInfo for RSA, and hands over what GnuTLS hands over:
 *   sign_func (ext..ext3): the DigestInfo for RSA, the bare hash otherwise;
 *   sign_hash_func (ext4): the hash with the signature algorithm, RSA
 *     PKCS#1 as GNUTLS_SIGN_RSA_RAW over the DigestInfo;
 *   sign_data_func (ext4): the message itself.
 * The key deinit callback runs at gnutls_privkey_deinit. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

struct gnossl_privkey_ext {
    void *userdata;
    gnutls_privkey_sign_func sign;
    gnutls_privkey_sign_data_func sign_data;
    gnutls_privkey_sign_hash_func sign_hash;
    gnutls_privkey_decrypt_func decrypt;
    gnutls_privkey_deinit_func deinit;
    gnutls_privkey_info_func info;
    gnutls_pk_algorithm_t pk;
    unsigned flags;
    unsigned ext4; /* its info callback also answers the key size */
};

static int set_ext(gnutls_privkey_t pkey, const struct gnossl_privkey_ext *e)
{
    struct gnossl_privkey_ext *n = malloc(sizeof *n);
    if (n == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    *n = *e;
    if (pkey->ext)
        gnossl_privkey_ext_free(pkey);
    EVP_PKEY_free(pkey->pkey);
    pkey->pkey = NULL;
    if (pkey->owns_x509)
        gnutls_x509_privkey_deinit(pkey->x509);
    pkey->x509 = NULL;
    pkey->owns_x509 = 0;
    pkey->ext = n;
    pkey->flags = e->flags;
    return 0;
}

void gnossl_privkey_ext_free(gnutls_privkey_t key)
{
    struct gnossl_privkey_ext *e = key->ext;
    if (e == NULL)
        return;
    key->ext = NULL;
    if (e->deinit)
        e->deinit(key, e->userdata);
    free(e);
}

gnutls_pk_algorithm_t gnossl_privkey_ext_pk(gnutls_privkey_t key, unsigned *bits)
{
    struct gnossl_privkey_ext *e = key->ext;
    if (bits) {
        int b = e->ext4 ? e->info(key, GNUTLS_PRIVKEY_INFO_PK_ALGO_BITS, e->userdata) : 0;
        *bits = b > 0 ? (unsigned)b : 0;
    }
    return e->pk;
}

/* What ext..ext3 callbacks can sign for: GnuTLS 3.7.9 takes RSA, DSA and
 * ECDSA keys there (EdDSA and RSA-PSS keys need import_ext4).  As in GnuTLS,
 * a key that already holds an external key takes no other import. */
static int ext2_pk_ok(int pk)
{
    return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_DSA || pk == GNUTLS_PK_ECDSA;
}

int gnutls_privkey_import_ext2(gnutls_privkey_t pkey, gnutls_pk_algorithm_t pk, void *userdata,
                               gnutls_privkey_sign_func sign_func, gnutls_privkey_decrypt_func decrypt_func,
                               gnutls_privkey_deinit_func deinit_func, unsigned int flags)
{
    struct gnossl_privkey_ext e = {.userdata = userdata, .sign = sign_func, .decrypt = decrypt_func,
                                   .deinit = deinit_func, .pk = pk, .flags = flags};
    if (pkey == NULL || pkey->ext != NULL || (sign_func == NULL && decrypt_func == NULL) || !ext2_pk_ok(pk))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return set_ext(pkey, &e);
}

int gnutls_privkey_import_ext(gnutls_privkey_t pkey, gnutls_pk_algorithm_t pk, void *userdata,
                              gnutls_privkey_sign_func sign_func, gnutls_privkey_decrypt_func decrypt_func,
                              unsigned int flags)
{
    return gnutls_privkey_import_ext2(pkey, pk, userdata, sign_func, decrypt_func, NULL, flags);
}

int gnutls_privkey_import_ext3(gnutls_privkey_t pkey, void *userdata, gnutls_privkey_sign_func sign_func,
                               gnutls_privkey_decrypt_func decrypt_func, gnutls_privkey_deinit_func deinit_func,
                               gnutls_privkey_info_func info_func, unsigned int flags)
{
    struct gnossl_privkey_ext e = {.userdata = userdata, .sign = sign_func, .decrypt = decrypt_func,
                                   .deinit = deinit_func, .info = info_func, .flags = flags};
    int pk;
    if (pkey == NULL || pkey->ext != NULL || (sign_func == NULL && decrypt_func == NULL) || info_func == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pk = info_func(pkey, GNUTLS_PRIVKEY_INFO_PK_ALGO, userdata);
    if (pk < 0)
        return GNOSSL_ERR(pk);
    if (!ext2_pk_ok(pk))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    e.pk = (gnutls_pk_algorithm_t)pk;
    return set_ext(pkey, &e);
}

int gnutls_privkey_import_ext4(gnutls_privkey_t pkey, void *userdata, gnutls_privkey_sign_data_func sign_data_func,
                               gnutls_privkey_sign_hash_func sign_hash_func, gnutls_privkey_decrypt_func decrypt_func,
                               gnutls_privkey_deinit_func deinit_func, gnutls_privkey_info_func info_func,
                               unsigned int flags)
{
    struct gnossl_privkey_ext e = {.userdata = userdata, .sign_data = sign_data_func, .sign_hash = sign_hash_func,
                                   .decrypt = decrypt_func, .deinit = deinit_func, .info = info_func,
                                   .flags = flags, .ext4 = 1};
    int pk;
    if (pkey == NULL || pkey->ext != NULL || (sign_data_func == NULL && sign_hash_func == NULL && decrypt_func == NULL) ||
        info_func == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    pk = info_func(pkey, GNUTLS_PRIVKEY_INFO_PK_ALGO, userdata);
    if (pk < 0)
        return GNOSSL_ERR(pk);
    e.pk = (gnutls_pk_algorithm_t)pk;
    return set_ext(pkey, &e);
}

/* PKCS#1 v1.5 DigestInfo of a hash (caller frees with gnutls_free). */
static int digest_info(gnutls_digest_algorithm_t dig, const gnutls_datum_t *hash, gnutls_datum_t *out)
{
    const char *name = gnutls_digest_get_name(dig);
    const EVP_MD *md = name ? EVP_get_digestbyname(name) : NULL;
    X509_SIG *xs = NULL;
    X509_ALGOR *alg;
    ASN1_OCTET_STRING *os;
    unsigned char *der = NULL;
    int len = -1;

    if (md == NULL || (size_t)EVP_MD_get_size(md) != hash->size)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    xs = X509_SIG_new();
    if (xs) {
        X509_SIG_getm(xs, &alg, &os);
        if (X509_ALGOR_set0(alg, OBJ_nid2obj(EVP_MD_get_type(md)), V_ASN1_NULL, NULL) &&
            ASN1_OCTET_STRING_set(os, hash->data, (int)hash->size))
            len = i2d_X509_SIG(xs, &der);
    }
    X509_SIG_free(xs);
    if (len <= 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    len = gnossl_datum_set(out, der, (size_t)len);
    OPENSSL_free(der);
    return len;
}

int gnossl_privkey_ext_sign(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, gnutls_digest_algorithm_t dig,
                            unsigned flags, int is_hash, const gnutls_datum_t *data, gnutls_datum_t *sig)
{
    struct gnossl_privkey_ext *e = key->ext;
    unsigned char hbuf[64];
    gnutls_datum_t hash, tbs = {NULL, 0};
    gnutls_pk_algorithm_t spk;
    int ret;

    /* TLS 1.0/1.1 RSA: the MD5+SHA1 bytes, PKCS#1 padded, no DigestInfo. */
    if (is_hash && algo == GNUTLS_SIGN_UNKNOWN && (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA)) {
        if (e->sign_hash)
            return e->sign_hash(key, GNUTLS_SIGN_RSA_RAW, e->userdata, 0, data, sig);
        if (e->sign)
            return e->sign(key, e->userdata, data, sig);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    if (algo == GNUTLS_SIGN_UNKNOWN) {
        gnutls_pk_algorithm_t pk = e->pk;
        if (pk == GNUTLS_PK_RSA && (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS))
            pk = GNUTLS_PK_RSA_PSS;
        algo = gnutls_pk_to_sign(pk, dig);
        if (algo == GNUTLS_SIGN_UNKNOWN)
            return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
    }
    spk = gnutls_sign_get_pk_algorithm(algo);
    dig = gnutls_sign_get_hash_algorithm(algo);
    /* The message itself only when there is no hash signer (or for EdDSA,
     * which signs messages). */
    if (!is_hash && e->sign_data &&
        (e->sign_hash == NULL || spk == GNUTLS_PK_EDDSA_ED25519 || spk == GNUTLS_PK_EDDSA_ED448))
        return e->sign_data(key, algo, e->userdata, 0, data, sig);
    if (is_hash) {
        hash = *data;
    } else {
        unsigned len = gnutls_hash_get_len(dig);
        if (len == 0 || len > sizeof hbuf)
            return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
        if ((ret = gnutls_hash_fast(dig, data->data, data->size, hbuf)) < 0)
            return ret;
        hash.data = hbuf;
        hash.size = len;
    }
    if (e->sign_hash) {
        if (spk == GNUTLS_PK_RSA) {
            if ((ret = digest_info(dig, &hash, &tbs)) < 0)
                return ret;
            ret = e->sign_hash(key, GNUTLS_SIGN_RSA_RAW, e->userdata, 0, &tbs, sig);
            gnutls_free(tbs.data);
            return ret;
        }
        return e->sign_hash(key, algo, e->userdata, 0, &hash, sig);
    }
    /* The old callback signs PKCS#1 v1.5 or plain hashes only; GnuTLS
     * fails PSS there looking for the public key that the salt size needs
     * (an ext..ext3 key has none), hence its odd code. */
    if (spk == GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_PK_INVALID_PUBKEY);
    if (e->sign == NULL || spk == GNUTLS_PK_EDDSA_ED25519 || spk == GNUTLS_PK_EDDSA_ED448)
        return GNOSSL_ERR(GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM);
    if (spk == GNUTLS_PK_RSA) {
        if ((ret = digest_info(dig, &hash, &tbs)) < 0)
            return ret;
        ret = e->sign(key, e->userdata, &tbs, sig);
        gnutls_free(tbs.data);
        return ret;
    }
    return e->sign(key, e->userdata, &hash, sig);
}

/* GnuTLS's judgement whether an external key may sign with `algo` in TLS
 * (its pk matching the key's): the info callback's answer when it gives
 * one, else the algorithms an ext..ext3 callback signs (no RSA-PSS). */
int gnossl_privkey_ext_can_sign(gnutls_privkey_t key, gnutls_sign_algorithm_t algo)
{
    struct gnossl_privkey_ext *e = key->ext;
    gnutls_pk_algorithm_t spk = gnutls_sign_get_pk_algorithm(algo);

    if (e->info != NULL) {
        int r = e->info(key, GNUTLS_SIGN_ALGO_TO_FLAGS(algo) | GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO, e->userdata);
        if (r != -1)
            return r != 0;
        if (e->info(key, GNUTLS_PRIVKEY_INFO_SIGN_ALGO, e->userdata) == (int)algo)
            return 1;
    }
    return spk == GNUTLS_PK_RSA || spk == GNUTLS_PK_ECDSA || spk == GNUTLS_PK_DSA;
}

/* Can it sign any TLS 1.3 signature algorithm of its kind?  (GnuTLS keeps
 * TLS 1.3 off on a server whose keys all cannot.) */
int gnossl_privkey_ext_tls13_ok(gnutls_privkey_t key)
{
    static const gnutls_sign_algorithm_t rsa[] = {
        GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, GNUTLS_SIGN_RSA_PSS_RSAE_SHA512,
        GNUTLS_SIGN_RSA_PSS_SHA256,      GNUTLS_SIGN_RSA_PSS_SHA384,      GNUTLS_SIGN_RSA_PSS_SHA512};
    static const gnutls_sign_algorithm_t ec[] = {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, GNUTLS_SIGN_ECDSA_SECP384R1_SHA384,
                                                 GNUTLS_SIGN_ECDSA_SECP521R1_SHA512};
    const gnutls_sign_algorithm_t *list = key->ext->pk == GNUTLS_PK_RSA ? rsa : key->ext->pk == GNUTLS_PK_EC ? ec : NULL;
    size_t n = key->ext->pk == GNUTLS_PK_RSA ? sizeof rsa / sizeof rsa[0] : sizeof ec / sizeof ec[0];

    if (list == NULL)
        return 1; /* EdDSA signs in TLS 1.3 or not at all */
    for (size_t i = 0; i < n; i++)
        if (gnossl_privkey_ext_can_sign(key, list[i]))
            return 1;
    return 0;
}

int gnossl_privkey_ext_decrypt(gnutls_privkey_t key, const gnutls_datum_t *ct, gnutls_datum_t *pt)
{
    struct gnossl_privkey_ext *e = key->ext;
    if (e->decrypt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return e->decrypt(key, e->userdata, ct, pt);
}
