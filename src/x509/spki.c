/* gnutls_x509_spki_*: the RSA-PSS parameters of a SubjectPublicKeyInfo,
 * and the getters of keys and certificates that fill them. */
#include "gnossl.h"
#include "x509/x509.h"
#include "x509/pkcs-int.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/objects.h>
#include <string.h>

int gnutls_x509_spki_init(gnutls_x509_spki_t *spki)
{
    if (spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *spki = calloc(1, sizeof(**spki));
    return *spki ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_x509_spki_deinit(gnutls_x509_spki_t spki)
{
    free(spki);
}

int gnutls_x509_spki_get_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t *dig,
                                        unsigned int *salt_size)
{
    if (spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (spki->pk != GNUTLS_PK_RSA_PSS)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    if (dig)
        *dig = spki->dig;
    if (salt_size)
        *salt_size = spki->salt_size;
    return 0;
}

void gnutls_x509_spki_set_rsa_pss_params(gnutls_x509_spki_t spki, gnutls_digest_algorithm_t dig,
                                         unsigned int salt_size)
{
    if (spki == NULL)
        return;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->dig = dig;
    spki->salt_size = salt_size;
}

static gnutls_digest_algorithm_t dig_from_name(const char *name)
{
    static const struct {
        const char *n;
        gnutls_digest_algorithm_t d;
    } t[] = {{"SHA1", GNUTLS_DIG_SHA1},     {"SHA256", GNUTLS_DIG_SHA256}, {"SHA2-256", GNUTLS_DIG_SHA256},
             {"SHA384", GNUTLS_DIG_SHA384}, {"SHA2-384", GNUTLS_DIG_SHA384}, {"SHA512", GNUTLS_DIG_SHA512},
             {"SHA2-512", GNUTLS_DIG_SHA512}, {"SHA224", GNUTLS_DIG_SHA224}, {"SHA2-224", GNUTLS_DIG_SHA224}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcasecmp(t[i].n, name) == 0)
            return t[i].d;
    return GNUTLS_DIG_UNKNOWN;
}

int gnossl_pkey_get_spki(const EVP_PKEY *pkey, struct gnutls_x509_spki_st *spki)
{
    char md[64];
    size_t len = 0;
    if (pkey == NULL || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA_PSS)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    /* an RSA-PSS key without restrictions reports no digest */
    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_DIGEST, md, sizeof md, &len))
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    int salt = 0;
    if (!EVP_PKEY_get_int_param(pkey, OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt))
        salt = 20;
    spki->pk = GNUTLS_PK_RSA_PSS;
    spki->dig = dig_from_name(md);
    spki->salt_size = (unsigned)salt;
    return 0;
}

/* gnossl_pkey_get_spki for the get_spki entry points (errors logged). */
static int spki_out(const EVP_PKEY *pkey, struct gnutls_x509_spki_st *spki)
{
    int ret = gnossl_pkey_get_spki(pkey, spki);
    return ret < 0 ? GNOSSL_ERR(ret) : 0;
}

int gnutls_x509_privkey_get_spki(gnutls_x509_privkey_t key, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->has_spki) {
        spki->pk = GNUTLS_PK_RSA_PSS;
        spki->dig = key->spki.dig;
        spki->salt_size = key->spki.salt_size;
        return 0;
    }
    return spki_out(key->pkey, spki);
}

int gnutls_privkey_get_spki(gnutls_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (key->x509 && key->x509->has_spki)
        return gnutls_x509_privkey_get_spki(key->x509, spki, 0);
    return spki_out(key->pkey, spki);
}

int gnutls_pubkey_get_spki(gnutls_pubkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return spki_out(key->pkey, spki);
}

int gnutls_x509_crt_get_spki(gnutls_x509_crt_t cert, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (cert == NULL || cert->x509 == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pkey = X509_get0_pubkey(cert->x509);
    int ret = gnossl_pkey_get_spki(pkey, spki);
    if (ret < 0) {
        /* any other key: just its algorithm */
        memset(spki, 0, sizeof(*spki));
        spki->pk = gnossl_pkey_algorithm(pkey);
    }
    return 0;
}

/* ---- setting RSA-PSS restrictions ---- */

static const char *md_name(gnutls_digest_algorithm_t d)
{
    switch (d) {
    case GNUTLS_DIG_SHA1:
        return "SHA1";
    case GNUTLS_DIG_SHA224:
        return "SHA224";
    case GNUTLS_DIG_SHA256:
        return "SHA256";
    case GNUTLS_DIG_SHA384:
        return "SHA384";
    case GNUTLS_DIG_SHA512:
        return "SHA512";
    default:
        return NULL;
    }
}

/* The RSA or RSA-PSS key `pkey` as an RSA-PSS key restricted to the
 * parameters of spki (a new key); NULL on error. */
static EVP_PKEY *with_pss(EVP_PKEY *pkey, const struct gnutls_x509_spki_st *spki, int priv)
{
    const char *md = md_name(spki->dig);
    OSSL_PARAM *kp = NULL;
    EVP_PKEY *out = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    if (md == NULL || spki->salt_size > 1024 ||
        EVP_PKEY_todata(pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, &kp) != 1)
        goto out;
    int salt = (int)spki->salt_size;
    OSSL_PARAM pss[] = {OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_RSA_DIGEST, (char *)md, 0),
                        OSSL_PARAM_utf8_string(OSSL_PKEY_PARAM_RSA_MGF1_DIGEST, (char *)md, 0),
                        OSSL_PARAM_int(OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt), OSSL_PARAM_END};
    OSSL_PARAM *all = OSSL_PARAM_merge(kp, pss);
    ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA-PSS", NULL);
    if (all == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) != 1 ||
        EVP_PKEY_fromdata(ctx, &out, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, all) != 1)
        out = NULL;
    OSSL_PARAM_free(all);
out:
    OSSL_PARAM_free(kp);
    EVP_PKEY_CTX_free(ctx);
    ERR_clear_error();
    return out;
}

static int check_pss(EVP_PKEY *pkey, const struct gnutls_x509_spki_st *spki)
{
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    if (spki->pk != GNUTLS_PK_RSA_PSS || (pk != GNUTLS_PK_RSA && pk != GNUTLS_PK_RSA_PSS))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return 0;
}

/* GnuTLS's RSASSA-PSS-params for a SubjectPublicKeyInfo: hash and MGF1
 * hash without NULL parameters, the salt length, no trailer field. */
static ASN1_STRING *pss_params_der(const struct gnutls_x509_spki_st *spki)
{
    int nid = OBJ_sn2nid(md_name(spki->dig) ? md_name(spki->dig) : "");
    RSA_PSS_PARAMS *pp = RSA_PSS_PARAMS_new();
    X509_ALGOR *hash = X509_ALGOR_new();
    ASN1_STRING *out = NULL, *mgfp = NULL;
    unsigned char *der = NULL;
    int len;
    if (nid == NID_undef || pp == NULL || hash == NULL ||
        !X509_ALGOR_set0(hash, OBJ_nid2obj(nid), V_ASN1_UNDEF, NULL))
        goto out;
    if ((len = i2d_X509_ALGOR(hash, &der)) <= 0 || (mgfp = ASN1_STRING_new()) == NULL ||
        !ASN1_STRING_set(mgfp, der, len))
        goto out;
    pp->hashAlgorithm = hash;
    hash = NULL;
    if ((pp->maskGenAlgorithm = X509_ALGOR_new()) == NULL ||
        !X509_ALGOR_set0(pp->maskGenAlgorithm, OBJ_nid2obj(NID_mgf1), V_ASN1_SEQUENCE, mgfp))
        goto out;
    mgfp = NULL;
    if ((pp->saltLength = ASN1_INTEGER_new()) == NULL || !ASN1_INTEGER_set(pp->saltLength, (long)spki->salt_size))
        goto out;
    OPENSSL_free(der);
    der = NULL;
    if ((len = i2d_RSA_PSS_PARAMS(pp, &der)) <= 0 || (out = ASN1_STRING_new()) == NULL ||
        !ASN1_STRING_set(out, der, len)) {
        ASN1_STRING_free(out);
        out = NULL;
    }
out:
    OPENSSL_free(der);
    ASN1_STRING_free(mgfp);
    X509_ALGOR_free(hash);
    RSA_PSS_PARAMS_free(pp);
    ERR_clear_error();
    return out;
}

/* Make `pub` (an X509_PUBKEY just set from an RSA-PSS key) carry
 * GnuTLS's encoding of the parameters. */
static int rewrite_params(X509_PUBKEY *pub, const struct gnutls_x509_spki_st *spki)
{
    ASN1_STRING *params = pss_params_der(spki);
    if (params == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!X509_PUBKEY_set0_param(pub, OBJ_nid2obj(NID_rsassaPss), V_ASN1_SEQUENCE, params, NULL, 0)) {
        ASN1_STRING_free(params);
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnutls_x509_crt_set_spki(gnutls_x509_crt_t crt, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (crt == NULL || crt->x509 == NULL || spki == NULL || X509_get0_pubkey(crt->x509) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *cur = X509_get0_pubkey(crt->x509);
    int ret = check_pss(cur, spki);
    if (ret < 0)
        return ret;
    EVP_PKEY *nk = with_pss(cur, spki, 0);
    if (nk == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509 *x = gnossl_crt_wx(crt);
    ret = x && X509_set_pubkey(x, nk) ? rewrite_params(X509_get_X509_PUBKEY(x), spki)
                                      : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    EVP_PKEY_free(nk);
    return ret;
}

int gnutls_x509_crq_set_spki(gnutls_x509_crq_t crq, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    EVP_PKEY *cur = crq && crq->req ? X509_REQ_get0_pubkey(crq->req) : NULL;
    if (cur == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = check_pss(cur, spki);
    if (ret < 0)
        return ret;
    EVP_PKEY *nk = with_pss(cur, spki, 0);
    if (nk == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ret = X509_REQ_set_pubkey(crq->req, nk) ? rewrite_params(X509_REQ_get_X509_PUBKEY(crq->req), spki)
                                             : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    EVP_PKEY_free(nk);
    return ret;
}

int gnutls_x509_crq_get_spki(gnutls_x509_crq_t crq, gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    EVP_PKEY *pkey = crq && crq->req ? X509_REQ_get0_pubkey(crq->req) : NULL;
    if (pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (gnossl_pkey_get_spki(pkey, spki) < 0) {
        memset(spki, 0, sizeof(*spki));
        spki->pk = gnossl_pkey_algorithm(pkey);
    }
    return 0;
}

/* GnuTLS keeps the key an RSA key and records the restrictions. */
int gnutls_x509_privkey_set_spki(gnutls_x509_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = check_pss(key->pkey, spki);
    if (ret < 0)
        return ret;
    if (md_name(spki->dig) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    key->has_spki = 1;
    key->spki.dig = spki->dig;
    key->spki.salt_size = spki->salt_size;
    return 0;
}

int gnossl_i2d_pubkey(const EVP_PKEY *pkey, unsigned char **der)
{
    struct gnutls_x509_spki_st sp;
    if (gnossl_pkey_get_spki(pkey, &sp) < 0 || md_name(sp.dig) == NULL)
        return i2d_PUBKEY((EVP_PKEY *)pkey, der);
    /* RSA-PSS with restrictions: GnuTLS's parameter encoding */
    X509_PUBKEY *pub = NULL;
    int len = -1;
    if (X509_PUBKEY_set(&pub, (EVP_PKEY *)pkey) && rewrite_params(pub, &sp) == 0)
        len = i2d_X509_PUBKEY(pub, der);
    X509_PUBKEY_free(pub);
    ERR_clear_error();
    return len;
}

int gnutls_privkey_set_spki(gnutls_privkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    if (key == NULL || key->x509 == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_x509_privkey_set_spki(key->x509, spki, flags);
}

int gnutls_pubkey_set_spki(gnutls_pubkey_t key, const gnutls_x509_spki_t spki, unsigned int flags)
{
    (void)flags;
    if (key == NULL || key->pkey == NULL || spki == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = check_pss(key->pkey, spki);
    if (ret < 0)
        return ret;
    EVP_PKEY *nk = with_pss(key->pkey, spki, 0);
    if (nk == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY_free(key->pkey);
    key->pkey = nk;
    key->pk = GNUTLS_PK_RSA_PSS;
    return 0;
}
