/* Password-based encryption schemas as GnuTLS names them (the
 * gnutls_pkcs_encrypt_flags_t bits), shared by PKCS#8 and the PKCS#12
 * bags: the table, gnutls_pkcs_schema_get_name/get_oid, reading an
 * encryption AlgorithmIdentifier (gnutls_pkcs8_info,
 * gnutls_pkcs12_bag_enc_info) and making one for writing.  The ASN.1 is
 * OpenSSL's (PBEPARAM, PBE2PARAM, PBKDF2PARAM, PKCS5_pbe*_set). */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/algorithms.h"
#include "core/encoding.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <string.h>

#define OID_PBES2 "1.2.840.113549.1.5.13"

static const struct gnossl_pkcs_schema schemas[] = {
    { GNUTLS_PKCS_PBES1_DES_MD5, "PBES1-DES-CBC-MD5", "1.2.840.113549.1.5.3", GNUTLS_CIPHER_DES_CBC, 0,
      NID_pbeWithMD5AndDES_CBC, 1 },
    { GNUTLS_PKCS_PBES2_3DES, "PBES2-3DES-CBC", "1.2.840.113549.3.7", GNUTLS_CIPHER_3DES_CBC, 1, NID_des_ede3_cbc, 0 },
    { GNUTLS_PKCS_PBES2_DES, "PBES2-DES-CBC", "1.3.14.3.2.7", GNUTLS_CIPHER_DES_CBC, 1, NID_des_cbc, 0 },
    { GNUTLS_PKCS_PBES2_AES_128, "PBES2-AES128-CBC", "2.16.840.1.101.3.4.1.2", GNUTLS_CIPHER_AES_128_CBC, 1,
      NID_aes_128_cbc, 0 },
    { GNUTLS_PKCS_PBES2_AES_192, "PBES2-AES192-CBC", "2.16.840.1.101.3.4.1.22", GNUTLS_CIPHER_AES_192_CBC, 1,
      NID_aes_192_cbc, 0 },
    { GNUTLS_PKCS_PBES2_AES_256, "PBES2-AES256-CBC", "2.16.840.1.101.3.4.1.42", GNUTLS_CIPHER_AES_256_CBC, 1,
      NID_aes_256_cbc, 0 },
    /* GOST 28147-89 schemas: named as GnuTLS does; OpenSSL 3 has no such
     * cipher without an external provider, so they are never written */
    { GNUTLS_PKCS_PBES2_GOST_TC26Z, "PBES2-GOST28147-89-TC26Z", "1.2.643.7.1.2.5.1.1",
      GNUTLS_CIPHER_GOST28147_TC26Z_CFB, 1, NID_undef, 1 },
    { GNUTLS_PKCS_PBES2_GOST_CPA, "PBES2-GOST28147-89-CPA", "1.2.643.2.2.31.1", GNUTLS_CIPHER_GOST28147_CPA_CFB, 1,
      NID_undef, 1 },
    { GNUTLS_PKCS_PBES2_GOST_CPB, "PBES2-GOST28147-89-CPB", "1.2.643.2.2.31.2", GNUTLS_CIPHER_GOST28147_CPB_CFB, 1,
      NID_undef, 1 },
    { GNUTLS_PKCS_PBES2_GOST_CPC, "PBES2-GOST28147-89-CPC", "1.2.643.2.2.31.3", GNUTLS_CIPHER_GOST28147_CPC_CFB, 1,
      NID_undef, 1 },
    { GNUTLS_PKCS_PBES2_GOST_CPD, "PBES2-GOST28147-89-CPD", "1.2.643.2.2.31.4", GNUTLS_CIPHER_GOST28147_CPD_CFB, 1,
      NID_undef, 1 },
    { GNUTLS_PKCS_PKCS12_ARCFOUR, "PKCS12-ARCFOUR-SHA1", "1.2.840.113549.1.12.1.1", GNUTLS_CIPHER_ARCFOUR_128, 0,
      NID_pbe_WithSHA1And128BitRC4, 0 },
    { GNUTLS_PKCS_PKCS12_RC2_40, "PKCS12-RC2-40-SHA1", "1.2.840.113549.1.12.1.6", GNUTLS_CIPHER_RC2_40_CBC, 0,
      NID_pbe_WithSHA1And40BitRC2_CBC, 0 },
    { GNUTLS_PKCS_PKCS12_3DES, "PKCS12-3DES-SHA1", "1.2.840.113549.1.12.1.3", GNUTLS_CIPHER_3DES_CBC, 0,
      NID_pbe_WithSHA1And3_Key_TripleDES_CBC, 0 },
};

#define N_SCHEMAS (sizeof schemas / sizeof schemas[0])

/* The schema named by exactly these flags (GNUTLS_PKCS_NULL_PASSWORD aside). */
const struct gnossl_pkcs_schema *gnossl_pkcs_schema_by_flag(unsigned flags)
{
    flags = GNUTLS_PKCS_CIPHER_MASK(flags);
    for (size_t i = 0; i < N_SCHEMAS; i++)
        if (schemas[i].flag == flags)
            return &schemas[i];
    return NULL;
}

/* GnuTLS's choice for writing: the schema the flags name exactly, else
 * PBES2 with AES-256-CBC. */
const struct gnossl_pkcs_schema *gnossl_pkcs_schema_for_write(unsigned flags)
{
    const struct gnossl_pkcs_schema *s = gnossl_pkcs_schema_by_flag(flags);
    return s ? s : gnossl_pkcs_schema_by_flag(GNUTLS_PKCS_PBES2_AES_256);
}

const char *gnutls_pkcs_schema_get_name(unsigned int schema)
{
    const struct gnossl_pkcs_schema *s = gnossl_pkcs_schema_by_flag(schema);
    return s ? s->name : NULL;
}

const char *gnutls_pkcs_schema_get_oid(unsigned int schema)
{
    const struct gnossl_pkcs_schema *s = gnossl_pkcs_schema_by_flag(schema);
    return s ? s->oid : NULL;
}

static int salt_iter_out(const ASN1_OCTET_STRING *salt, const ASN1_INTEGER *iter, struct gnossl_pbe_info *info)
{
    if (salt) {
        size_t n = (size_t)ASN1_STRING_length(salt);
        if (n > sizeof info->salt)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        memcpy(info->salt, ASN1_STRING_get0_data(salt), n);
        info->salt_size = (unsigned)n;
    }
    /* GnuTLS reads the INTEGER's content octets (at most 4) as an unsigned
     * number, so a negative count is a large one; then GNOSSL_PBE_MAX_ITER */
    unsigned char der[16], *p = der;
    int n = iter != NULL && i2d_ASN1_INTEGER(iter, NULL) <= (int)sizeof der ? i2d_ASN1_INTEGER(iter, &p) : -1;
    if (n < 3 || n > 6)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    unsigned long it = 0;
    for (int i = 2; i < n; i++)
        it = it << 8 | der[i];
    if (it == 0 || it >= GNOSSL_PBE_MAX_ITER) {
        gnossl_debug("pkcs: iteration count %lu refused", it);
        return GNOSSL_ERR(GNUTLS_E_ILLEGAL_PARAMETER);
    }
    info->iter = (unsigned)it;
    return 0;
}

int gnossl_pkcs_algor_info(const X509_ALGOR *alg, struct gnossl_pbe_info *info, char **oid)
{
    const ASN1_OBJECT *obj = NULL;
    const void *pval = NULL;
    int ptype = 0;
    char text[128];

    memset(info, 0, sizeof *info);
    if (oid)
        *oid = NULL;
    X509_ALGOR_get0(&obj, &ptype, &pval, alg);
    gnossl_oid_text(obj, text, sizeof text);
    if (oid) {
        size_t l = strlen(text);
        *oid = gnutls_malloc(l + 1);
        if (*oid == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        memcpy(*oid, text, l + 1);
    }
    if (ptype != V_ASN1_SEQUENCE || pval == NULL) {
        gnossl_debug("pkcs: encryption parameters missing");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    const ASN1_TYPE *param = alg->parameter;
    int ret;

    if (strcmp(text, OID_PBES2) != 0) {
        const struct gnossl_pkcs_schema *s = NULL;
        for (size_t i = 0; i < N_SCHEMAS; i++)
            if (!schemas[i].pbes2 && strcmp(schemas[i].oid, text) == 0)
                s = &schemas[i];
        if (s == NULL) {
            gnossl_debug("pkcs: encryption schema %s is not supported", text);
            return GNOSSL_ERR(GNUTLS_E_UNKNOWN_CIPHER_TYPE);
        }
        PBEPARAM *pbe = ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBEPARAM), param);
        if (pbe == NULL)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        /* GnuTLS reports no salt for PBES1 */
        ret = salt_iter_out(s->flag == GNUTLS_PKCS_PBES1_DES_MD5 ? NULL : pbe->salt, pbe->iter, info);
        PBEPARAM_free(pbe);
        info->schema = s;
        return ret;
    }

    PBE2PARAM *pbe2 = ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), param);
    if (pbe2 == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    ret = 0;
    if (OBJ_obj2nid(pbe2->keyfunc->algorithm) != NID_id_pbkdf2) {
        gnossl_debug("pkcs: PBES2 key derivation is not PBKDF2");
        ret = GNOSSL_ERR(GNUTLS_E_UNKNOWN_CIPHER_TYPE);
    }
    PBKDF2PARAM *kdf = NULL;
    if (ret == 0) {
        kdf = ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBKDF2PARAM), pbe2->keyfunc->parameter);
        if (kdf == NULL || kdf->salt == NULL || kdf->salt->type != V_ASN1_OCTET_STRING)
            ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    if (ret == 0) {
        char ctext[128];
        gnossl_oid_text(pbe2->encryption->algorithm, ctext, sizeof ctext);
        for (size_t i = 0; i < N_SCHEMAS; i++)
            if (schemas[i].pbes2 && strcmp(schemas[i].oid, ctext) == 0)
                info->schema = &schemas[i];
        if (info->schema == NULL) {
            gnossl_debug("pkcs: PBES2 cipher %s is not supported", ctext);
            ret = GNOSSL_ERR(GNUTLS_E_UNKNOWN_CIPHER_TYPE);
        }
    }
    if (ret == 0)
        ret = salt_iter_out(kdf->salt->value.octet_string, kdf->iter, info);
    PBKDF2PARAM_free(kdf);
    PBE2PARAM_free(pbe2);
    return ret;
}

/* The PBES2 ciphers, fetched once from the PKCS context (DES-CBC is in
 * the legacy provider only). */
static EVP_CIPHER *pbes2_ciphers[N_SCHEMAS];
static pthread_once_t pbes2_once = PTHREAD_ONCE_INIT;

static void pbes2_fetch(void)
{
    for (size_t i = 0; i < N_SCHEMAS; i++)
        if (schemas[i].pbes2 && schemas[i].nid != NID_undef)
            pbes2_ciphers[i] = EVP_CIPHER_fetch(gnossl_pkcs_libctx(), OBJ_nid2sn(schemas[i].nid), NULL);
    ERR_clear_error();
}

static const EVP_CIPHER *pbes2_cipher(const struct gnossl_pkcs_schema *s)
{
    pthread_once(&pbes2_once, pbes2_fetch);
    return pbes2_ciphers[s - schemas];
}

X509_ALGOR *gnossl_pkcs_algor_new(const struct gnossl_pkcs_schema *s, unsigned iter)
{
    unsigned char salt[32], rnd;
    size_t salt_len = 8;

    if (s->decrypt_only)
        return NULL;
    if (s->pbes2) {
        /* GnuTLS draws the PBKDF2 salt length from 12..21 bytes */
        if (RAND_bytes(&rnd, 1) != 1)
            return NULL;
        salt_len = 12 + rnd % 10;
    }
    if (RAND_bytes(salt, (int)salt_len) != 1)
        return NULL;
    if (!s->pbes2)
        return PKCS5_pbe_set_ex(s->nid, (int)iter, salt, (int)salt_len, gnossl_pkcs_libctx());
    const EVP_CIPHER *c = pbes2_cipher(s);
    if (c == NULL)
        return NULL;
    return PKCS5_pbe2_set_iv_ex(c, (int)iter, salt, (int)salt_len, NULL, NID_hmacWithSHA256, gnossl_pkcs_libctx());
}

int gnutls_pkcs8_info(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format, unsigned int *schema,
                      unsigned int *cipher, void *salt, unsigned int *salt_size, unsigned int *iter_count,
                      char **oid)
{
    gnutls_datum_t der = { NULL, 0 };
    int ret;

    if (oid)
        *oid = NULL;
    if (data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (format == GNUTLS_X509_FMT_PEM) {
        ret = gnossl_pem_decode("PRIVATE KEY", data->data, data->size, &der);
        if (ret < 0)
            ret = gnossl_pem_decode("ENCRYPTED PRIVATE KEY", data->data, data->size, &der);
        if (ret < 0)
            return ret;
    } else {
        der.data = data->data;
        der.size = data->size;
    }

    const unsigned char *p = der.data;
    X509_SIG *sig = der.size ? d2i_X509_SIG(NULL, &p, (long)der.size) : NULL;
    if (sig == NULL || p != der.data + der.size) {
        /* a plain PrivateKeyInfo is "not encrypted" (GnuTLS maps its
         * decryption failure to GNUTLS_E_INVALID_REQUEST), anything else
         * does not decode */
        p = der.data;
        PKCS8_PRIV_KEY_INFO *p8 = der.size ? d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, (long)der.size) : NULL;
        ret = p8 ? GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST) : GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
        PKCS8_PRIV_KEY_INFO_free(p8);
        X509_SIG_free(sig);
        ERR_clear_error();
        goto out;
    }
    const X509_ALGOR *alg = NULL;
    X509_SIG_get0(sig, &alg, NULL);
    struct gnossl_pbe_info info;
    ret = gnossl_pkcs_algor_info(alg, &info, oid);
    X509_SIG_free(sig);
    if (ret < 0) {
        if (ret != GNUTLS_E_UNKNOWN_CIPHER_TYPE && oid) {
            gnutls_free(*oid);
            *oid = NULL;
        }
        goto out;
    }
    ret = gnossl_pbe_info_out(&info, schema, cipher, salt, salt_size, iter_count);
    if (ret < 0 && oid) {
        gnutls_free(*oid);
        *oid = NULL;
    }
out:
    if (format == GNUTLS_X509_FMT_PEM)
        gnutls_free(der.data);
    return ret;
}

int gnossl_pbe_info_out(const struct gnossl_pbe_info *info, unsigned *schema, unsigned *cipher, void *salt,
                        unsigned *salt_size, unsigned *iter_count)
{
    if (schema)
        *schema = info->schema->flag;
    if (cipher)
        *cipher = (unsigned)info->schema->cipher;
    if (iter_count)
        *iter_count = info->iter;
    if (salt) {
        if (salt_size == NULL)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (*salt_size < info->salt_size) {
            *salt_size = info->salt_size;
            return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
        }
        memcpy(salt, info->salt, info->salt_size);
    }
    if (salt_size)
        *salt_size = info->salt_size;
    return 0;
}

int gnossl_pkcs8_encrypt(PKCS8_PRIV_KEY_INFO *p8, const char *password, unsigned flags, X509_SIG **out)
{
    const struct gnossl_pkcs_schema *s = gnossl_pkcs_schema_for_write(flags);
    if (s->decrypt_only)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_ALGOR *alg = gnossl_pkcs_algor_new(s, GNOSSL_PKCS_ITER);
    if (alg == NULL)
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    ERR_clear_error();
    X509_SIG *sig = PKCS8_set0_pbe_ex(password, password ? (int)strlen(password) : 0, p8, alg,
                                      gnossl_pkcs_libctx(), NULL);
    if (sig == NULL) {
        X509_ALGOR_free(alg);
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    }
    *out = sig;
    return 0;
}
