/* Writing PKCS#12 over OpenSSL's PKCS12: filling bags
 * (gnutls_pkcs12_bag_set_*), encrypting them (bag_encrypt, bag_enc_info),
 * adding them to the structure (gnutls_pkcs12_set_bag) and its MAC
 * (generate_mac/generate_mac2), with GnuTLS 3.7.9's limits, defaults
 * (PBES2/AES-256 for unknown schema flags, 600000 iterations, 8-byte MAC
 * salts) and error codes. */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/algorithms.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <string.h>

int gnutls_pkcs12_bag_set_data(gnutls_pkcs12_bag_t bag, gnutls_pkcs12_bag_type_t type, const gnutls_datum_t *data)
{
    if (bag == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS keeps one slot free */
    if (bag->n == GNOSSL_MAX_BAG_ELEMENTS - 1)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    /* keys and encrypted content stand alone in their bag */
    if (bag->n == 1 && (bag->e[0].type == GNUTLS_BAG_PKCS8_KEY || bag->e[0].type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY ||
                        bag->e[0].type == GNUTLS_BAG_ENCRYPTED))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    struct gnossl_bag_element *el = &bag->e[bag->n];
    gnutls_datum_t copy;
    int ret = gnossl_datum_set(&copy, data->data, data->size);
    if (ret < 0)
        return ret;
    if (type == GNUTLS_BAG_ENCRYPTED && bag->n == 0) {
        /* an EncryptedData given as such: keep its ContentInfo for set_bag
         * and decryption */
        const unsigned char *p = data->data;
        PKCS7_ENCRYPT *pe = data->size ? d2i_PKCS7_ENCRYPT(NULL, &p, (long)data->size) : NULL;
        PKCS7 *p7 = pe ? PKCS7_new() : NULL;
        if (p7 && PKCS7_set_type(p7, NID_pkcs7_encrypted)) {
            PKCS7_ENCRYPT_free(p7->d.encrypted);
            p7->d.encrypted = pe;
            PKCS7_free(bag->enc);
            bag->enc = p7;
        } else {
            PKCS7_free(p7);
            PKCS7_ENCRYPT_free(pe);
            ERR_clear_error();
        }
    }
    gnutls_free(el->data.data);
    el->data = copy;
    el->type = type;
    return (int)bag->n++;
}

int gnutls_pkcs12_bag_set_crt(gnutls_pkcs12_bag_t bag, gnutls_x509_crt_t crt)
{
    if (bag == NULL || crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int n = i2d_X509(crt->x509, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t d = { der, (unsigned)n };
    int ret = gnutls_pkcs12_bag_set_data(bag, GNUTLS_BAG_CERTIFICATE, &d);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs12_bag_set_crl(gnutls_pkcs12_bag_t bag, gnutls_x509_crl_t crl)
{
    if (bag == NULL || crl == NULL || crl->crl == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char *der = NULL;
    int n = i2d_X509_CRL(crl->crl, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t d = { der, (unsigned)n };
    int ret = gnutls_pkcs12_bag_set_data(bag, GNUTLS_BAG_CRL, &d);
    OPENSSL_free(der);
    return ret;
}

int gnutls_pkcs12_bag_set_privkey(gnutls_pkcs12_bag_t bag, gnutls_x509_privkey_t privkey, const char *password,
                                  unsigned flags)
{
    if (bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t d;
    int ret = gnutls_x509_privkey_export2_pkcs8(privkey, GNUTLS_X509_FMT_DER, password, flags, &d);
    if (ret < 0)
        return ret;
    /* the type follows the password, as in GnuTLS */
    ret = gnutls_pkcs12_bag_set_data(bag, password ? GNUTLS_BAG_PKCS8_ENCRYPTED_KEY : GNUTLS_BAG_PKCS8_KEY, &d);
    gnutls_free(d.data);
    return ret;
}

/* GnuTLS compares the index with count-1 as unsigned: on an empty bag any
 * index is accepted (and lands on that element). */
static int index_ok(gnutls_pkcs12_bag_t bag, unsigned indx)
{
    return bag->n == 0 ? indx < GNOSSL_MAX_BAG_ELEMENTS : indx < bag->n;
}

int gnutls_pkcs12_bag_set_key_id(gnutls_pkcs12_bag_t bag, unsigned indx, const gnutls_datum_t *id)
{
    if (bag == NULL || id == NULL || !index_ok(bag, indx))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t copy = { NULL, 0 };
    if (id->size) {
        int ret = gnossl_datum_set(&copy, id->data, id->size);
        if (ret < 0)
            return ret;
    }
    gnutls_free(bag->e[indx].key_id.data);
    bag->e[indx].key_id = copy;
    return 0;
}

int gnutls_pkcs12_bag_set_friendly_name(gnutls_pkcs12_bag_t bag, unsigned indx, const char *name)
{
    if (bag == NULL || name == NULL || !index_ok(bag, indx))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    size_t l = strlen(name);
    char *copy = gnutls_malloc(l + 1);
    if (copy == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    memcpy(copy, name, l + 1);
    gnutls_free(bag->e[indx].name);
    bag->e[indx].name = copy;
    return 0;
}

/* SecretBag { secretTypeId randomNonce, secretValue [0] OCTET STRING } in
 * a SafeBag, as GnuTLS writes it.  OpenSSL can only name the secret type
 * by a registered NID and randomNonce has none, so the SafeBag is put
 * together from DER pieces and decoded by OpenSSL. */
static PKCS12_SAFEBAG *secret_safebag(const gnutls_datum_t *value)
{
    ASN1_OBJECT *bag_type = OBJ_nid2obj(NID_secretBag);
    ASN1_OBJECT *nonce = OBJ_txt2obj("1.2.840.113549.1.9.25.3", 1);
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    PKCS12_SAFEBAG *sb = NULL;
    unsigned char *buf = NULL;
    if (nonce == NULL || os == NULL || !ASN1_OCTET_STRING_set(os, value->data, (int)value->size))
        goto out;
    int l_os = i2d_ASN1_OCTET_STRING(os, NULL);
    int l_nonce = i2d_ASN1_OBJECT(nonce, NULL);
    int l_type = i2d_ASN1_OBJECT(bag_type, NULL);
    if (l_os <= 0 || l_nonce <= 0 || l_type <= 0)
        goto out;
    int l_val = ASN1_object_size(1, l_os, 0);              /* [0] OCTET STRING */
    int l_secret = ASN1_object_size(1, l_nonce + l_val, V_ASN1_SEQUENCE);
    int l_wrap = ASN1_object_size(1, l_secret, 0);         /* [0] SecretBag */
    int total = ASN1_object_size(1, l_type + l_wrap, V_ASN1_SEQUENCE);
    if (l_val < 0 || l_secret < 0 || l_wrap < 0 || total < 0)
        goto out;
    buf = OPENSSL_malloc((size_t)total);
    if (buf == NULL)
        goto out;
    unsigned char *p = buf;
    ASN1_put_object(&p, 1, l_type + l_wrap, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    i2d_ASN1_OBJECT(bag_type, &p);
    ASN1_put_object(&p, 1, l_secret, 0, V_ASN1_CONTEXT_SPECIFIC);
    ASN1_put_object(&p, 1, l_nonce + l_val, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    i2d_ASN1_OBJECT(nonce, &p);
    ASN1_put_object(&p, 1, l_os, 0, V_ASN1_CONTEXT_SPECIFIC);
    i2d_ASN1_OCTET_STRING(os, &p);
    const unsigned char *q = buf;
    sb = d2i_PKCS12_SAFEBAG(NULL, &q, total);
out:
    OPENSSL_free(buf);
    ASN1_OBJECT_free(nonce);
    ASN1_OCTET_STRING_free(os);
    return sb;
}

/* A CertBag or CRLBag around the bytes as given: GnuTLS wraps them
 * without parsing (an ANY of type OTHER is encoded verbatim). */
static PKCS12_SAFEBAG *raw_safebag(const gnutls_datum_t *value, int value_nid, int bag_nid)
{
    ASN1_TYPE *t = ASN1_TYPE_new();
    ASN1_STRING *s = ASN1_STRING_type_new(V_ASN1_OTHER);
    PKCS12_SAFEBAG *sb = NULL;
    if (t && s && ASN1_STRING_set(s, value->data, (int)value->size)) {
        ASN1_TYPE_set(t, V_ASN1_OTHER, s);
        s = NULL;
        sb = PKCS12_item_pack_safebag(t, ASN1_ITEM_rptr(ASN1_ANY), value_nid, bag_nid);
    }
    ASN1_STRING_free(s);
    ASN1_TYPE_free(t);
    return sb;
}

/* One element as a SafeBag with its attributes; *out stays NULL for
 * element types GnuTLS skips. */
static int element_safebag(const struct gnossl_bag_element *el, PKCS12_SAFEBAG **out)
{
    const unsigned char *p = el->data.data;
    long len = (long)el->data.size;
    PKCS12_SAFEBAG *sb = NULL;

    *out = NULL;
    if (el->type != GNUTLS_BAG_SECRET && (p == NULL || len == 0) &&
        (el->type == GNUTLS_BAG_PKCS8_KEY || el->type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY ||
         el->type == GNUTLS_BAG_CERTIFICATE || el->type == GNUTLS_BAG_CRL))
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    switch (el->type) {
    case GNUTLS_BAG_PKCS8_KEY: {
        PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, len);
        sb = p8 ? PKCS12_SAFEBAG_create0_p8inf(p8) : NULL;
        if (sb == NULL)
            PKCS8_PRIV_KEY_INFO_free(p8);
        break;
    }
    case GNUTLS_BAG_PKCS8_ENCRYPTED_KEY: {
        X509_SIG *sig = d2i_X509_SIG(NULL, &p, len);
        sb = sig ? PKCS12_SAFEBAG_create0_pkcs8(sig) : NULL;
        if (sb == NULL)
            X509_SIG_free(sig);
        break;
    }
    case GNUTLS_BAG_CERTIFICATE:
        sb = raw_safebag(&el->data, NID_x509Certificate, NID_certBag);
        break;
    case GNUTLS_BAG_CRL:
        sb = raw_safebag(&el->data, NID_x509Crl, NID_crlBag);
        break;
    case GNUTLS_BAG_SECRET:
        sb = secret_safebag(&el->data);
        break;
    default:
        return 0;
    }
    if (sb == NULL) {
        ERR_clear_error();
        gnossl_debug("pkcs12: bag element of type %d does not encode", (int)el->type);
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    int ok = 1;
    if (el->key_id.data)
        ok = PKCS12_add_localkeyid(sb, el->key_id.data, (int)el->key_id.size);
    if (ok && el->name) {
        /* GnuTLS widens each byte of the name to a BMP character (so
         * non-ASCII UTF-8 comes back as Latin-1 mojibake, as there) */
        size_t l = strlen(el->name);
        unsigned char *bmp = OPENSSL_malloc(2 * l + 1);
        ok = bmp != NULL;
        for (size_t i = 0; ok && i < l; i++) {
            bmp[2 * i] = 0;
            bmp[2 * i + 1] = (unsigned char)el->name[i];
        }
        ok = ok && PKCS12_add_friendlyname_uni(sb, bmp, (int)(2 * l));
        OPENSSL_free(bmp);
    }
    if (!ok) {
        PKCS12_SAFEBAG_free(sb);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    *out = sb;
    return 0;
}

static int bag_safebags(gnutls_pkcs12_bag_t bag, STACK_OF(PKCS12_SAFEBAG) **out)
{
    STACK_OF(PKCS12_SAFEBAG) *sk = sk_PKCS12_SAFEBAG_new_null();
    if (sk == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (unsigned i = 0; i < bag->n; i++) {
        PKCS12_SAFEBAG *sb;
        int ret = element_safebag(&bag->e[i], &sb);
        if (ret == 0 && sb && !sk_PKCS12_SAFEBAG_push(sk, sb)) {
            PKCS12_SAFEBAG_free(sb);
            ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        if (ret < 0) {
            sk_PKCS12_SAFEBAG_pop_free(sk, PKCS12_SAFEBAG_free);
            return ret;
        }
    }
    *out = sk;
    return 0;
}

int gnutls_pkcs12_bag_encrypt(gnutls_pkcs12_bag_t bag, const char *pass, unsigned int flags)
{
    if (bag == NULL || bag->e[0].type == GNUTLS_BAG_ENCRYPTED)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(PKCS12_SAFEBAG) *sbs;
    int ret = bag_safebags(bag, &sbs);
    if (ret < 0)
        return ret;
    const struct gnossl_pkcs_schema *s = gnossl_pkcs_schema_for_write(flags);
    if ((flags & GNUTLS_PKCS_PLAIN) || s->decrypt_only) {
        sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
        /* GOST 28147-89 is written by GnuTLS, but OpenSSL 3 has no such
         * cipher; PBES1 is read-only in GnuTLS too */
        if (!(flags & GNUTLS_PKCS_PLAIN) && s->nid == NID_undef) {
            gnossl_debug("pkcs12: %s encryption is not available", s->name);
            return GNOSSL_ERR(GNUTLS_E_UNIMPLEMENTED_FEATURE);
        }
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }

    PKCS7 *p7 = PKCS7_new();
    X509_ALGOR *alg = gnossl_pkcs_algor_new(s, GNOSSL_PKCS_ITER);
    ASN1_OCTET_STRING *ct = NULL;
    ERR_clear_error();
    if (alg)
        ct = PKCS12_item_i2d_encrypt_ex(alg, ASN1_ITEM_rptr(PKCS12_SAFEBAGS), pass, pass ? -1 : 0, sbs, 1,
                                        gnossl_pkcs_libctx(), NULL);
    sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
    if (p7 == NULL || ct == NULL || !PKCS7_set_type(p7, NID_pkcs7_encrypted)) {
        PKCS7_free(p7);
        X509_ALGOR_free(alg);
        ASN1_OCTET_STRING_free(ct);
        ERR_clear_error();
        gnossl_debug("pkcs12: encryption with %s failed", s->name);
        return GNOSSL_ERR(GNUTLS_E_ENCRYPTION_FAILED);
    }
    PKCS7_ENC_CONTENT *ec = p7->d.encrypted->enc_data;
    X509_ALGOR_free(ec->algorithm);
    ec->algorithm = alg;
    ASN1_OCTET_STRING_free(ec->enc_data);
    ec->enc_data = ct;

    unsigned char *der = NULL;
    int n = i2d_PKCS7_ENCRYPT(p7->d.encrypted, &der);
    gnutls_datum_t data;
    ret = n > 0 ? gnossl_datum_set(&data, der, (size_t)n) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    OPENSSL_free(der);
    if (ret < 0) {
        PKCS7_free(p7);
        return ret;
    }
    gnossl_bag_clear(bag);
    bag->e[0].type = GNUTLS_BAG_ENCRYPTED;
    bag->e[0].data = data;
    bag->n = 1;
    bag->enc = p7;
    return 0;
}

int gnutls_pkcs12_bag_enc_info(gnutls_pkcs12_bag_t bag, unsigned int *schema, unsigned int *cipher, void *salt,
                               unsigned int *salt_size, unsigned int *iter_count, char **oid)
{
    if (bag == NULL || bag->e[0].type != GNUTLS_BAG_ENCRYPTED)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (oid)
        *oid = NULL;
    if (bag->enc == NULL || bag->enc->d.encrypted == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    struct gnossl_pbe_info info;
    int ret = gnossl_pkcs_algor_info(bag->enc->d.encrypted->enc_data->algorithm, &info, oid);
    if (ret >= 0)
        ret = gnossl_pbe_info_out(&info, schema, cipher, salt, salt_size, iter_count);
    /* the OID is kept when only the schema is unknown */
    if (ret < 0 && ret != GNUTLS_E_UNKNOWN_CIPHER_TYPE && oid) {
        gnutls_free(*oid);
        *oid = NULL;
    }
    return ret;
}

int gnossl_pkcs12_sync(gnutls_pkcs12_t pkcs12)
{
    unsigned char *der = NULL;
    int n = i2d_PKCS12(pkcs12->p12, &der);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t copy;
    int ret = gnossl_datum_set(&copy, der, (size_t)n);
    OPENSSL_free(der);
    if (ret < 0)
        return ret;
    gnutls_free(pkcs12->der.data);
    pkcs12->der = copy;
    return 0;
}

int gnutls_pkcs12_set_bag(gnutls_pkcs12_t pkcs12, gnutls_pkcs12_bag_t bag)
{
    if (pkcs12 == NULL || bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(PKCS7) *safes = pkcs12->p12 ? PKCS12_unpack_authsafes(pkcs12->p12) : sk_PKCS7_new_null();
    if (safes == NULL)
        return GNOSSL_ERR(pkcs12->p12 ? GNUTLS_E_ASN1_DER_ERROR : GNUTLS_E_MEMORY_ERROR);
    PKCS7 *p7 = NULL;
    int ret = 0;
    if (bag->e[0].type == GNUTLS_BAG_ENCRYPTED) {
        /* encrypted content goes in as it is */
        p7 = bag->enc ? PKCS7_dup(bag->enc) : NULL;
        if (p7 == NULL)
            ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    } else {
        STACK_OF(PKCS12_SAFEBAG) *sbs;
        ret = bag_safebags(bag, &sbs);
        if (ret == 0) {
            p7 = PKCS12_pack_p7data(sbs);
            sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
            if (p7 == NULL)
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
    }
    if (ret == 0 && !sk_PKCS7_push(safes, p7)) {
        PKCS7_free(p7);
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    if (ret < 0) {
        sk_PKCS7_pop_free(safes, PKCS7_free);
        return ret;
    }

    /* a new structure is an empty version 3 PFX of type data, no MAC */
    PKCS12 *fresh = pkcs12->p12 ? NULL : PKCS12_init(NID_pkcs7_data);
    PKCS12 *target = pkcs12->p12 ? pkcs12->p12 : fresh;
    if (target == NULL || !PKCS12_pack_authsafes(target, safes)) {
        PKCS12_free(fresh);
        sk_PKCS7_pop_free(safes, PKCS7_free);
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    if (fresh) {
        pkcs12->p12 = fresh;
        pkcs12->built = 1;
    }
    return gnossl_pkcs12_sync(pkcs12);
}

/* The digests GnuTLS 3.7.9 can MAC a PKCS#12 with. */
static int mac_supported(gnutls_mac_algorithm_t mac)
{
    switch (mac) {
    case GNUTLS_MAC_SHA1:
    case GNUTLS_MAC_SHA224:
    case GNUTLS_MAC_SHA256:
    case GNUTLS_MAC_SHA384:
    case GNUTLS_MAC_SHA512:
        return 1;
    default:
        return 0;
    }
}

int gnutls_pkcs12_generate_mac2(gnutls_pkcs12_t pkcs12, gnutls_mac_algorithm_t mac, const char *pass)
{
    if (pkcs12 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs12->p12 == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    /* GnuTLS cannot add MAC data to a file it read without any (the
     * decoder dropped the optional field); built structures can get one */
    if (!pkcs12->built && !PKCS12_mac_present(pkcs12->p12))
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    unsigned char salt[8];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return GNOSSL_ERR(GNUTLS_E_RANDOM_FAILED);
    const EVP_MD *md = mac_supported(mac) ? gnossl_digest_fetch((gnutls_digest_algorithm_t)mac) : NULL;
    if (md == NULL) {
        /* GnuTLS has already stored the new salt when it finds out that it
         * cannot use this MAC: an existing MAC no longer verifies */
        if (PKCS12_mac_present(pkcs12->p12)) {
            const X509_ALGOR *alg = NULL;
            const ASN1_OBJECT *obj = NULL;
            PKCS12_get0_mac(NULL, &alg, NULL, NULL, pkcs12->p12);
            X509_ALGOR_get0(&obj, NULL, NULL, alg);
            const EVP_MD *old = EVP_get_digestbyobj(obj);
            if (old && PKCS12_setup_mac(pkcs12->p12, GNOSSL_PKCS_ITER, salt, sizeof salt, old))
                gnossl_pkcs12_sync(pkcs12);
            ERR_clear_error();
        }
        return GNOSSL_ERR(gnutls_mac_get_name(mac) ? GNUTLS_E_UNIMPLEMENTED_FEATURE : GNUTLS_E_INVALID_REQUEST);
    }
    ERR_clear_error();
    if (!PKCS12_set_mac(pkcs12->p12, pass, pass ? -1 : 0, salt, sizeof salt, GNOSSL_PKCS_ITER, md)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    return gnossl_pkcs12_sync(pkcs12);
}

int gnutls_pkcs12_generate_mac(gnutls_pkcs12_t pkcs12, const char *pass)
{
    /* 3.7.9 MACs with SHA-256 here (the 2-argument form's documented SHA-1
     * is long gone) */
    return gnutls_pkcs12_generate_mac2(pkcs12, GNUTLS_MAC_SHA256, pass);
}
