/* gnutls_x509_crq_* (writing side): building and signing PKCS#10
 * requests with OpenSSL's X509_REQ.  Extensions live in one
 * extensionRequest attribute, rewritten on each change; setting an
 * extension that exists replaces it in place as GnuTLS does. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string.h>

int gnutls_x509_crq_set_version(gnutls_x509_crq_t crq, unsigned int version)
{
    if (crq == NULL || version == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return X509_REQ_set_version(crq->req, (long)version - 1) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crq_set_dn_by_oid(gnutls_x509_crq_t crq, const char *oid, unsigned int raw_flag,
                                  const void *data, unsigned int sizeof_data)
{
    if (crq == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_name_add(X509_REQ_get_subject_name(crq->req), oid, raw_flag, data, sizeof_data);
}

int gnutls_x509_crq_set_key(gnutls_x509_crq_t crq, gnutls_x509_privkey_t key)
{
    if (crq == NULL || key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return X509_REQ_set_pubkey(crq->req, key->pkey) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crq_set_pubkey(gnutls_x509_crq_t crq, gnutls_pubkey_t key)
{
    if (crq == NULL || key == NULL || key->pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return X509_REQ_set_pubkey(crq->req, key->pkey) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

/* Put ext (taken) into the extensionRequest attribute, replacing an
 * extension with the same OID. */
static int put_extension(gnutls_x509_crq_t crq, X509_EXTENSION *ext)
{
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    if (exts == NULL)
        exts = sk_X509_EXTENSION_new_null();
    if (exts == NULL) {
        X509_EXTENSION_free(ext);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int at = X509v3_get_ext_by_OBJ(exts, X509_EXTENSION_get_object(ext), -1);
    int ok;
    if (at >= 0) {
        X509_EXTENSION *old = sk_X509_EXTENSION_value(exts, at);
        sk_X509_EXTENSION_set(exts, at, ext);
        X509_EXTENSION_free(old);
        ok = 1;
    } else {
        ok = sk_X509_EXTENSION_push(exts, ext) > 0;
        if (!ok)
            X509_EXTENSION_free(ext);
    }
    int idx;
    while ((idx = X509_REQ_get_attr_by_NID(crq->req, NID_ext_req, -1)) >= 0)
        X509_ATTRIBUTE_free(X509_REQ_delete_attr(crq->req, idx));
    if (ok)
        ok = X509_REQ_add_extensions(crq->req, exts);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static int put_d2i(gnutls_x509_crq_t crq, int nid, int critical, void *value)
{
    X509_EXTENSION *ext = X509V3_EXT_i2d(nid, critical, value);
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    return put_extension(crq, ext);
}

int gnutls_x509_crq_set_key_usage(gnutls_x509_crq_t crq, unsigned int usage)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_BIT_STRING *bs = ASN1_BIT_STRING_new();
    if (bs == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    /* GNUTLS_KEY_* bit i of the low octet is DER bit 7-i */
    for (int bit = 0; bit < 9; bit++) {
        unsigned mask = bit < 8 ? (0x80u >> bit) : 0x8000u;
        if (usage & mask)
            ASN1_BIT_STRING_set_bit(bs, bit, 1);
    }
    int ret = put_d2i(crq, NID_key_usage, 1, bs);
    ASN1_BIT_STRING_free(bs);
    return ret;
}

int gnutls_x509_crq_set_basic_constraints(gnutls_x509_crq_t crq, unsigned int ca, int pathLenConstraint)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BASIC_CONSTRAINTS *bc = gnossl_bc_make(ca, pathLenConstraint);
    if (bc == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = put_d2i(crq, NID_basic_constraints, 1, bc);
    BASIC_CONSTRAINTS_free(bc);
    return ret;
}

int gnutls_x509_crq_set_key_purpose_oid(gnutls_x509_crq_t crq, const void *oid, unsigned int critical)
{
    if (crq == NULL || oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* appends to the existing list.  GnuTLS 3.7.9 looks the old list up
     * with a getter that writes each visited extension's flag into
     * `critical`: the result is the old list's flag, or when there is none
     * the flag of the request's last extension. */
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    int crit = -1;
    EXTENDED_KEY_USAGE *eku = exts ? X509V3_get_d2i(exts, NID_ext_key_usage, &crit, NULL) : NULL;
    if (eku != NULL)
        critical = crit > 0;
    else if (sk_X509_EXTENSION_num(exts) > 0)
        critical = X509_EXTENSION_get_critical(sk_X509_EXTENSION_value(exts, sk_X509_EXTENSION_num(exts) - 1)) > 0;
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    if (eku == NULL)
        eku = sk_ASN1_OBJECT_new_null();
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    if (eku == NULL || obj == NULL || sk_ASN1_OBJECT_push(eku, obj) <= 0) {
        ASN1_OBJECT_free(obj);
        sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    int ret = put_d2i(crq, NID_ext_key_usage, critical != 0, eku);
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return ret;
}

/* Put gn (taken) in the request's subject alternative names: after the
 * present ones with GNUTLS_FSAN_APPEND (keeping their criticality), else
 * alone.  One copy for set_subject_alt_name and set_subject_alt_othername. */
static int san_add(gnutls_x509_crq_t crq, GENERAL_NAME *gn, unsigned flags)
{
    GENERAL_NAMES *names = NULL;
    int c = 0;
    if (flags & GNUTLS_FSAN_APPEND) {
        STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
        names = exts ? X509V3_get_d2i(exts, NID_subject_alt_name, &c, NULL) : NULL;
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    }
    if (names == NULL)
        names = GENERAL_NAMES_new();
    if (names == NULL || sk_GENERAL_NAME_push(names, gn) <= 0) {
        GENERAL_NAME_free(gn);
        GENERAL_NAMES_free(names);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret = put_d2i(crq, NID_subject_alt_name, c > 0, names);
    GENERAL_NAMES_free(names);
    return ret;
}

int gnutls_x509_crq_set_subject_alt_name(gnutls_x509_crq_t crq, gnutls_x509_subject_alt_name_t nt,
                                         const void *data, unsigned int data_size, unsigned int flags)
{
    if (crq == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAME *gn = NULL;
    int err = gnossl_san_make(nt, data, data_size, &gn);
    if (err < 0)
        return err;
    return san_add(crq, gn, flags);
}

static int crq_sign(gnutls_x509_crq_t crq, EVP_PKEY *pkey, gnutls_digest_algorithm_t dig)
{
    if (crq == NULL || pkey == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const EVP_MD *md = NULL;
    int ret = gnossl_sign_md(pkey, dig, &md);
    if (ret < 0)
        return ret;
    ERR_clear_error();
    if (X509_REQ_sign(crq->req, pkey, md) <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
    }
    return 0;
}

int gnutls_x509_crq_sign2(gnutls_x509_crq_t crq, gnutls_x509_privkey_t key, gnutls_digest_algorithm_t dig,
                          unsigned int flags)
{
    (void)flags;
    return crq_sign(crq, key ? key->pkey : NULL, dig);
}

int gnutls_x509_crq_sign(gnutls_x509_crq_t crq, gnutls_x509_privkey_t key)
{
    return gnutls_x509_crq_sign2(crq, key, 0, 0);
}

int gnutls_x509_crq_privkey_sign(gnutls_x509_crq_t crq, gnutls_privkey_t key, gnutls_digest_algorithm_t dig,
                                 unsigned int flags)
{
    (void)flags;
    return crq_sign(crq, key ? key->pkey : NULL, dig);
}

int gnutls_x509_crq_set_extension_by_oid(gnutls_x509_crq_t crq, const char *oid, const void *buf,
                                         size_t sizeof_buf, unsigned int critical)
{
    if (crq == NULL || oid == NULL || buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    ASN1_OCTET_STRING *val = ASN1_OCTET_STRING_new();
    X509_EXTENSION *ext = NULL;
    if (obj && val && ASN1_OCTET_STRING_set(val, buf, (int)sizeof_buf))
        ext = X509_EXTENSION_create_by_OBJ(NULL, obj, critical ? 1 : 0, val);
    ASN1_OBJECT_free(obj);
    ASN1_OCTET_STRING_free(val);
    if (ext == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return put_extension(crq, ext);
}

int gnutls_x509_crq_set_challenge_password(gnutls_x509_crq_t crq, const char *pass)
{
    if (crq == NULL || pass == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int idx;
    while ((idx = X509_REQ_get_attr_by_NID(crq->req, NID_pkcs9_challengePassword, -1)) >= 0)
        X509_ATTRIBUTE_free(X509_REQ_delete_attr(crq->req, idx));
    ERR_clear_error();
    int type = gnossl_printable_ok(pass, strlen(pass)) ? V_ASN1_PRINTABLESTRING : V_ASN1_UTF8STRING;
    if (!X509_REQ_add1_attr_by_NID(crq->req, NID_pkcs9_challengePassword, type,
                                   (const unsigned char *)pass, (int)strlen(pass))) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

static int crq_subject(void *obj, const char *oid, unsigned raw, const void *v, unsigned n)
{
    return gnutls_x509_crq_set_dn_by_oid(obj, oid, raw, v, n);
}

int gnutls_x509_crq_set_dn(gnutls_x509_crq_t crq, const char *dn, const char **err)
{
    if (crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_parse(dn, err, crq_subject, crq);
}

int gnutls_x509_crq_set_subject_alt_othername(gnutls_x509_crq_t crq, const char *oid, const void *data,
                                              unsigned int data_size, unsigned int flags)
{
    if (crq == NULL || oid == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    GENERAL_NAME *gn = NULL;
    int ret = gnossl_othername_make(oid, data, data_size, flags, &gn);
    if (ret < 0)
        return ret;
    return san_add(crq, gn, flags);
}

int gnutls_x509_crq_set_tlsfeatures(gnutls_x509_crq_t crq, gnutls_x509_tlsfeatures_t features)
{
    if (crq == NULL || crq->req == NULL || features == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    STACK_OF(ASN1_INTEGER) *list = gnossl_tlsfeatures_stack(features);
    if (list == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = put_d2i(crq, NID_tlsfeature, 0, list);
    sk_ASN1_INTEGER_pop_free(list, ASN1_INTEGER_free);
    return ret;
}
