/* gnutls_x509_crt_set_* and signing: building certificates on an X509.
 * The DER kept on the handle is refreshed from the X509 after changes
 * (gnossl_crt_sync) before anything reads it. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

/* The X509 to modify, created on first use; marks the DER stale. */
X509 *gnossl_crt_wx(gnutls_x509_crt_t c)
{
    if (c->x509 == NULL) {
        c->x509 = X509_new();
        if (c->x509 == NULL)
            return NULL;
        X509_set_version(c->x509, X509_VERSION_1);
    }
    c->dirty = 1;
    return c->x509;
}

static X509 *wx(gnutls_x509_crt_t c) { return gnossl_crt_wx(c); }

int gnossl_crt_sync(gnutls_x509_crt_t c)
{
    if (c == NULL || c->x509 == NULL || !c->dirty)
        return 0;
    unsigned char *der = NULL;
    int len = i2d_X509(c->x509, &der);
    if (len <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    gnutls_free(c->der.data);
    int ret = gnossl_datum_set(&c->der, der, (size_t)len);
    OPENSSL_free(der);
    if (ret == 0)
        c->dirty = 0;
    return ret;
}

int gnutls_x509_crt_set_version(gnutls_x509_crt_t crt, unsigned int version)
{
    X509 *x;
    if (crt == NULL || version == 0 || version > 3 || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return X509_set_version(x, (long)version - 1) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crt_set_serial(gnutls_x509_crt_t cert, const void *serial, size_t serial_size)
{
    X509 *x;
    if (cert == NULL || serial == NULL || serial_size == 0 || serial_size > 20 || (x = wx(cert)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* the octets as an unsigned big-endian number (OpenSSL writes it
     * minimally; GnuTLS would keep redundant leading zeros) */
    BIGNUM *bn = BN_bin2bn(serial, (int)serial_size, NULL);
    ASN1_INTEGER *i = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
    BN_free(bn);
    if (i == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    int ok = X509_set_serialNumber(x, i);
    ASN1_INTEGER_free(i);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

static int set_time(gnutls_x509_crt_t c, time_t t, int after)
{
    X509 *x;
    if (c == NULL || (x = wx(c)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_TIME *a;
    if (t == (time_t)-1) {
        /* "no well-defined expiration" (RFC 5280) */
        a = ASN1_GENERALIZEDTIME_new();
        if (a && !ASN1_GENERALIZEDTIME_set_string(a, "99991231235959Z")) {
            ASN1_TIME_free(a);
            a = NULL;
        }
    } else
        a = ASN1_TIME_set(NULL, t);
    if (a == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TIME_ERROR);
    int ok = after ? X509_set1_notAfter(x, a) : X509_set1_notBefore(x, a);
    ASN1_TIME_free(a);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crt_set_activation_time(gnutls_x509_crt_t cert, time_t act_time)
{
    return set_time(cert, act_time, 0);
}

int gnutls_x509_crt_set_expiration_time(gnutls_x509_crt_t cert, time_t exp_time)
{
    return set_time(cert, exp_time, 1);
}

int gnutls_x509_crt_set_dn_by_oid(gnutls_x509_crt_t crt, const char *oid, unsigned int raw_flag, const void *name,
                                  unsigned int sizeof_name)
{
    X509 *x;
    if (crt == NULL || oid == NULL || name == NULL || sizeof_name == 0 || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_name_add(X509_get_subject_name(x), oid, raw_flag, name, sizeof_name);
}

int gnutls_x509_crt_set_issuer_dn_by_oid(gnutls_x509_crt_t crt, const char *oid, unsigned int raw_flag,
                                         const void *name, unsigned int sizeof_name)
{
    X509 *x;
    if (crt == NULL || oid == NULL || name == NULL || sizeof_name == 0 || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_name_add(X509_get_issuer_name(x), oid, raw_flag, name, sizeof_name);
}

int gnutls_x509_crt_set_key(gnutls_x509_crt_t crt, gnutls_x509_privkey_t key)
{
    X509 *x;
    if (crt == NULL || key == NULL || key->pkey == NULL || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return X509_set_pubkey(x, key->pkey) ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_crt_set_pubkey(gnutls_x509_crt_t crt, gnutls_pubkey_t key)
{
    X509 *x;
    if (crt == NULL || key == NULL || key->pkey == NULL || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (!X509_set_pubkey(x, key->pkey))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (key->key_usage)
        return gnutls_x509_crt_set_key_usage(crt, key->key_usage);
    return 0;
}

/* Add or replace extension `nid`; extensions make a v3 certificate. */
int gnossl_crt_put_ext(gnutls_x509_crt_t c, int nid, void *value, int critical)
{
    X509 *x = wx(c);
    if (x == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    X509_set_version(x, X509_VERSION_3);
    if (X509_add1_ext_i2d(x, nid, value, critical, X509V3_ADD_REPLACE) != 1) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

static int put_ext(gnutls_x509_crt_t c, int nid, void *value, int critical)
{
    return gnossl_crt_put_ext(c, nid, value, critical);
}

/* One builder for the crt and crq basic constraints setters. */
BASIC_CONSTRAINTS *gnossl_bc_make(unsigned ca, int pathlen)
{
    BASIC_CONSTRAINTS *bc = BASIC_CONSTRAINTS_new();
    if (bc == NULL)
        return NULL;
    bc->ca = ca ? 0xff : 0;
    if (ca && pathlen >= 0) {
        bc->pathlen = ASN1_INTEGER_new();
        if (bc->pathlen)
            ASN1_INTEGER_set(bc->pathlen, pathlen);
    }
    return bc;
}

int gnutls_x509_crt_set_basic_constraints(gnutls_x509_crt_t crt, unsigned int ca, int pathLenConstraint)
{
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    BASIC_CONSTRAINTS *bc = gnossl_bc_make(ca, pathLenConstraint);
    if (bc == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    int ret = put_ext(crt, NID_basic_constraints, bc, 1);
    BASIC_CONSTRAINTS_free(bc);
    return ret;
}

int gnutls_x509_crt_set_ca_status(gnutls_x509_crt_t crt, unsigned int ca)
{
    return gnutls_x509_crt_set_basic_constraints(crt, ca, -1);
}

int gnutls_x509_crt_set_key_usage(gnutls_x509_crt_t crt, unsigned int usage)
{
    static const unsigned flags[] = {GNUTLS_KEY_DIGITAL_SIGNATURE, GNUTLS_KEY_NON_REPUDIATION,
                                     GNUTLS_KEY_KEY_ENCIPHERMENT,  GNUTLS_KEY_DATA_ENCIPHERMENT,
                                     GNUTLS_KEY_KEY_AGREEMENT,     GNUTLS_KEY_KEY_CERT_SIGN,
                                     GNUTLS_KEY_CRL_SIGN,          GNUTLS_KEY_ENCIPHER_ONLY,
                                     GNUTLS_KEY_DECIPHER_ONLY};
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_BIT_STRING *bs = ASN1_BIT_STRING_new();
    if (bs == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    for (int i = 0; i < 9; i++)
        if (usage & flags[i])
            ASN1_BIT_STRING_set_bit(bs, i, 1);
    int ret = put_ext(crt, NID_key_usage, bs, 1);
    ASN1_BIT_STRING_free(bs);
    return ret;
}

int gnutls_x509_crt_set_key_purpose_oid(gnutls_x509_crt_t cert, const void *oid, unsigned int critical)
{
    if (cert == NULL || oid == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = 0;
    EXTENDED_KEY_USAGE *eku = cert->x509 ? X509_get_ext_d2i(cert->x509, NID_ext_key_usage, &crit, NULL) : NULL;
    if (eku == NULL)
        eku = sk_ASN1_OBJECT_new_null();
    ASN1_OBJECT *o = OBJ_txt2obj(oid, 1);
    if (eku == NULL || o == NULL || !sk_ASN1_OBJECT_push(eku, o)) {
        ASN1_OBJECT_free(o);
        sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    int ret = put_ext(cert, NID_ext_key_usage, eku, critical != 0);
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    return ret;
}

static int set_key_id(gnutls_x509_crt_t cert, int nid, const void *id, size_t id_size)
{
    if (cert == NULL || id == NULL || id_size == 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
    if (os == NULL || !ASN1_OCTET_STRING_set(os, id, (int)id_size)) {
        ASN1_OCTET_STRING_free(os);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    int ret;
    if (nid == NID_subject_key_identifier)
        ret = put_ext(cert, nid, os, 0);
    else {
        AUTHORITY_KEYID *ak = AUTHORITY_KEYID_new();
        ak->keyid = os;
        os = NULL;
        ret = put_ext(cert, nid, ak, 0);
        AUTHORITY_KEYID_free(ak);
    }
    ASN1_OCTET_STRING_free(os);
    return ret;
}

int gnutls_x509_crt_set_subject_key_id(gnutls_x509_crt_t cert, const void *id, size_t id_size)
{
    return set_key_id(cert, NID_subject_key_identifier, id, id_size);
}

int gnutls_x509_crt_set_authority_key_id(gnutls_x509_crt_t cert, const void *id, size_t id_size)
{
    return set_key_id(cert, NID_authority_key_identifier, id, id_size);
}

GENERAL_NAME *gnossl_make_gn(gnutls_x509_subject_alt_name_t type, const void *data, unsigned size)
{
    GENERAL_NAME *gn = GENERAL_NAME_new();
    ASN1_STRING *s = NULL;
    int t;
    switch (type) {
    case GNUTLS_SAN_DNSNAME:
        t = GEN_DNS;
        s = ASN1_IA5STRING_new();
        break;
    case GNUTLS_SAN_RFC822NAME:
        t = GEN_EMAIL;
        s = ASN1_IA5STRING_new();
        break;
    case GNUTLS_SAN_URI:
        t = GEN_URI;
        s = ASN1_IA5STRING_new();
        break;
    case GNUTLS_SAN_DN: {
        /* data is the DER of a Name */
        const unsigned char *p = data;
        X509_NAME *dn = d2i_X509_NAME(NULL, &p, (long)size);
        if (gn == NULL || dn == NULL) {
            X509_NAME_free(dn);
            goto bad;
        }
        GENERAL_NAME_set0_value(gn, GEN_DIRNAME, dn);
        return gn;
    }
    case GNUTLS_SAN_IPADDRESS:
        if (size != 4 && size != 16)
            goto bad;
        t = GEN_IPADD;
        s = ASN1_OCTET_STRING_new();
        break;
    default:
        goto bad;
    }
    if (gn == NULL || s == NULL || !ASN1_STRING_set(s, data, (int)size))
        goto bad;
    GENERAL_NAME_set0_value(gn, t, s);
    return gn;
bad:
    ASN1_STRING_free(s);
    GENERAL_NAME_free(gn);
    return NULL;
}

int gnutls_x509_crt_set_subject_alt_name(gnutls_x509_crt_t crt, gnutls_x509_subject_alt_name_t type, const void *data,
                                         unsigned int data_size, unsigned int flags)
{
    if (crt == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int crit = 0;
    GENERAL_NAMES *gns = NULL;
    if ((flags & GNUTLS_FSAN_APPEND) && crt->x509)
        gns = X509_get_ext_d2i(crt->x509, NID_subject_alt_name, &crit, NULL);
    if (gns == NULL)
        gns = GENERAL_NAMES_new();
    GENERAL_NAME *gn = NULL;
    int err = gnossl_san_make(type, data, data_size, &gn);
    if (err < 0) {
        GENERAL_NAMES_free(gns);
        return err;
    }
    if (gns == NULL || !sk_GENERAL_NAME_push(gns, gn)) {
        GENERAL_NAME_free(gn);
        GENERAL_NAMES_free(gns);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    int ret = put_ext(crt, NID_subject_alt_name, gns, crit > 0);
    GENERAL_NAMES_free(gns);
    return ret;
}

int gnutls_x509_crt_set_subject_alternative_name(gnutls_x509_crt_t crt, gnutls_x509_subject_alt_name_t type,
                                                 const char *data_string)
{
    if (data_string == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_x509_crt_set_subject_alt_name(crt, type, data_string, (unsigned)strlen(data_string),
                                                GNUTLS_FSAN_SET);
}

/* Sign with the issuer's key; the issuer name comes from the issuer
 * certificate (or the subject, self-signed). */
static int crt_sign(gnutls_x509_crt_t crt, gnutls_x509_crt_t issuer, EVP_PKEY *key, gnutls_digest_algorithm_t dig)
{
    X509 *x;
    if (crt == NULL || key == NULL || (x = wx(crt)) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME *iname = issuer && issuer->x509 ? X509_get_subject_name(issuer->x509) : X509_get_subject_name(x);
    /* copying an empty subject leaves the issuer as it was (GnuTLS's
     * ASN.1 copy of an empty sequence changes nothing) */
    if (X509_NAME_entry_count(iname) > 0 && !X509_set_issuer_name(x, iname))
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    const EVP_MD *md = NULL;
    int ret = gnossl_sign_md(key, dig, &md);
    if (ret < 0)
        return ret;
    ERR_clear_error();
    if (X509_sign(x, key, md) <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
    }
    if (crt->uid[0].data || crt->uid[1].data) {
        /* OpenSSL cannot add unique IDs to a certificate it builds: they
         * are spliced into the signed encoding, which is then re-signed */
        ret = gnossl_crt_insert_uids(crt);
        if (ret < 0)
            return ret;
        x = crt->x509;
        if (X509_sign(x, key, md) <= 0) {
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_PK_SIGN_FAILED);
        }
    }
    return gnossl_crt_sync(crt);
}

int gnutls_x509_crt_sign2(gnutls_x509_crt_t crt, gnutls_x509_crt_t issuer, gnutls_x509_privkey_t issuer_key,
                          gnutls_digest_algorithm_t dig, unsigned int flags)
{
    (void)flags;
    return crt_sign(crt, issuer, issuer_key ? issuer_key->pkey : NULL, dig);
}

int gnutls_x509_crt_sign(gnutls_x509_crt_t crt, gnutls_x509_crt_t issuer, gnutls_x509_privkey_t issuer_key)
{
    return gnutls_x509_crt_sign2(crt, issuer, issuer_key, GNUTLS_DIG_UNKNOWN, 0);
}

int gnutls_x509_crt_privkey_sign(gnutls_x509_crt_t crt, gnutls_x509_crt_t issuer, gnutls_privkey_t issuer_key,
                                 gnutls_digest_algorithm_t dig, unsigned int flags)
{
    (void)flags;
    return crt_sign(crt, issuer, issuer_key ? issuer_key->pkey : NULL, dig);
}
