/* gnutls_pkcs12_* and gnutls_pkcs12_bag_* (reading side) over OpenSSL's
 * PKCS12: GnuTLS's "bags" are the ContentInfos of the AuthenticatedSafe,
 * each holding SafeBags (its "elements"); an encrypted one stays a single
 * GNUTLS_BAG_ENCRYPTED element until gnutls_pkcs12_bag_decrypt.  The
 * writing side is pkcs12-write.c. */
#include "gnossl.h"
#include "x509/pkcs-int.h"
#include "core/encoding.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <string.h>

#define MAX_BAG_ELEMENTS GNOSSL_MAX_BAG_ELEMENTS

int gnutls_pkcs12_init(gnutls_pkcs12_t *pkcs12)
{
    if (pkcs12 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *pkcs12 = gnutls_calloc(1, sizeof(**pkcs12));
    return *pkcs12 ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnutls_pkcs12_deinit(gnutls_pkcs12_t pkcs12)
{
    if (pkcs12 == NULL)
        return;
    PKCS12_free(pkcs12->p12);
    gnutls_free(pkcs12->der.data);
    gnutls_free(pkcs12);
}

static int import_der(gnutls_pkcs12_t pkcs12, const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    /* libtasn1's verdicts: no SEQUENCE header at all is a tag error, a
     * broken one a DER error */
    if (der == NULL || len < 2 || der[0] != 0x30)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    PKCS12 *p12 = d2i_PKCS12(NULL, &p, (long)len);
    if (p12 == NULL || (size_t)(p - der) != len) {
        PKCS12_free(p12);
        ERR_clear_error();
        gnossl_debug("pkcs12: input does not decode");
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    /* the AuthenticatedSafe must decode too */
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(p12);
    if (safes == NULL) {
        PKCS12_free(p12);
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    gnutls_datum_t copy;
    int ret = gnossl_datum_set(&copy, der, len);
    if (ret < 0) {
        PKCS12_free(p12);
        return ret;
    }
    PKCS12_free(pkcs12->p12);
    gnutls_free(pkcs12->der.data);
    pkcs12->p12 = p12;
    pkcs12->der = copy;
    pkcs12->built = 0;
    return 0;
}

int gnutls_pkcs12_import(gnutls_pkcs12_t pkcs12, const gnutls_datum_t *data, gnutls_x509_crt_fmt_t format,
                         unsigned int flags)
{
    (void)flags;
    if (pkcs12 == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (format == GNUTLS_X509_FMT_PEM) {
        gnutls_datum_t der;
        int ret = gnossl_pem_decode("PKCS12", data->data, data->size, &der);
        if (ret < 0)
            return ret;
        ret = import_der(pkcs12, der.data, der.size);
        gnutls_free(der.data);
        return ret;
    }
    return import_der(pkcs12, data->data, data->size);
}

/* GnuTLS's answer for a structure that holds nothing yet */
#define EMPTY_P12_ERR GNUTLS_E_ASN1_VALUE_NOT_FOUND

int gnutls_pkcs12_export(gnutls_pkcs12_t pkcs12, gnutls_x509_crt_fmt_t format, void *output_data,
                         size_t *output_data_size)
{
    if (pkcs12 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* a structure GnuTLS built has incomplete MAC fields until
     * generate_mac: it does not encode */
    if (pkcs12->p12 == NULL || (pkcs12->built && !PKCS12_mac_present(pkcs12->p12)))
        return GNOSSL_ERR(EMPTY_P12_ERR);
    return gnossl_export_fmt("PKCS12", pkcs12->der.data, pkcs12->der.size, format, output_data, output_data_size);
}

int gnutls_pkcs12_export2(gnutls_pkcs12_t pkcs12, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    if (pkcs12 == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs12->p12 == NULL || (pkcs12->built && !PKCS12_mac_present(pkcs12->p12)))
        return GNOSSL_ERR(EMPTY_P12_ERR);
    return gnossl_export_fmt2("PKCS12", pkcs12->der.data, pkcs12->der.size, format, out);
}

int gnutls_pkcs12_verify_mac(gnutls_pkcs12_t pkcs12, const char *pass)
{
    if (pkcs12 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs12->p12 == NULL)
        return GNOSSL_ERR(EMPTY_P12_ERR);
    if (!PKCS12_mac_present(pkcs12->p12))
        return GNOSSL_ERR(pkcs12->built ? GNUTLS_E_ASN1_VALUE_NOT_FOUND : GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    ERR_clear_error();
    if (!PKCS12_verify_mac(pkcs12->p12, pass, pass ? -1 : 0)) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_MAC_VERIFY_FAILED);
    }
    return 0;
}

int gnutls_pkcs12_mac_info(gnutls_pkcs12_t pkcs12, unsigned int *mac, void *salt, unsigned int *salt_size,
                           unsigned int *iter_count, char **oid)
{
    const ASN1_OCTET_STRING *pmac = NULL, *psalt = NULL;
    const X509_ALGOR *alg = NULL;
    const ASN1_INTEGER *piter = NULL;
    if (pkcs12 == NULL || pkcs12->p12 == NULL || !PKCS12_mac_present(pkcs12->p12))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    PKCS12_get0_mac(&pmac, &alg, &psalt, &piter, pkcs12->p12);
    const ASN1_OBJECT *obj = NULL;
    X509_ALGOR_get0(&obj, NULL, NULL, alg);
    char buf[128];
    gnossl_oid_text(obj, buf, sizeof buf);
    if (salt) {
        unsigned need = psalt ? (unsigned)ASN1_STRING_length(psalt) : 0;
        if (salt_size == NULL)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        if (*salt_size < need) {
            *salt_size = need;
            return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
        }
        if (need)
            memcpy(salt, ASN1_STRING_get0_data(psalt), need);
        *salt_size = need;
    }
    if (mac)
        *mac = (unsigned)gnutls_oid_to_digest(buf); /* digest and MAC ids coincide */
    if (iter_count)
        *iter_count = piter ? (unsigned)ASN1_INTEGER_get(piter) : 1;
    if (oid) {
        *oid = gnutls_malloc(strlen(buf) + 1);
        if (*oid == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        memcpy(*oid, buf, strlen(buf) + 1);
    }
    return 0;
}

/* ---- bags ---- */

int gnutls_pkcs12_bag_init(gnutls_pkcs12_bag_t *bag)
{
    if (bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *bag = gnutls_calloc(1, sizeof(**bag));
    return *bag ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

void gnossl_bag_clear(gnutls_pkcs12_bag_t bag)
{
    /* attributes may sit on elements past the count (set on an empty bag) */
    for (unsigned i = 0; i < MAX_BAG_ELEMENTS; i++) {
        gnutls_free(bag->e[i].data.data);
        gnutls_free(bag->e[i].name);
        gnutls_free(bag->e[i].key_id.data);
    }
    memset(bag->e, 0, sizeof bag->e);
    bag->n = 0;
    PKCS7_free(bag->enc);
    bag->enc = NULL;
}

void gnutls_pkcs12_bag_deinit(gnutls_pkcs12_bag_t bag)
{
    if (bag == NULL)
        return;
    gnossl_bag_clear(bag);
    gnutls_free(bag);
}

/* DER of a SafeBag's value, as GnuTLS hands it out. */
static int safebag_element(const PKCS12_SAFEBAG *sb, struct gnossl_bag_element *el)
{
    unsigned char *der = NULL;
    int n = -1;
    switch (PKCS12_SAFEBAG_get_nid(sb)) {
    case NID_keyBag:
        el->type = GNUTLS_BAG_PKCS8_KEY;
        n = i2d_PKCS8_PRIV_KEY_INFO(PKCS12_SAFEBAG_get0_p8inf(sb), &der);
        break;
    case NID_pkcs8ShroudedKeyBag:
        el->type = GNUTLS_BAG_PKCS8_ENCRYPTED_KEY;
        n = i2d_X509_SIG(PKCS12_SAFEBAG_get0_pkcs8(sb), &der);
        break;
    case NID_certBag: {
        el->type = GNUTLS_BAG_CERTIFICATE;
        X509 *x = PKCS12_SAFEBAG_get1_cert(sb);
        n = x ? i2d_X509(x, &der) : -1;
        X509_free(x);
        break;
    }
    case NID_crlBag: {
        el->type = GNUTLS_BAG_CRL;
        X509_CRL *c = PKCS12_SAFEBAG_get1_crl(sb);
        n = c ? i2d_X509_CRL(c, &der) : -1;
        X509_CRL_free(c);
        break;
    }
    case NID_secretBag: {
        /* GnuTLS's SecretBag: the value is an OCTET STRING */
        el->type = GNUTLS_BAG_SECRET;
        const ASN1_TYPE *v = PKCS12_SAFEBAG_get0_bag_obj(sb);
        if (v == NULL || v->type != V_ASN1_OCTET_STRING)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        n = ASN1_STRING_length(v->value.octet_string);
        der = OPENSSL_memdup(ASN1_STRING_get0_data(v->value.octet_string), (size_t)n);
        if (der == NULL)
            n = -1;
        break;
    }
    default:
        gnossl_debug("pkcs12: unsupported safe bag type");
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_PKCS_BAG_TYPE);
    }
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(&el->data, der, (size_t)n);
    OPENSSL_free(der);
    if (ret < 0)
        return ret;

    char *name = PKCS12_get_friendlyname((PKCS12_SAFEBAG *)sb);
    if (name) {
        size_t l = strlen(name);
        el->name = gnutls_malloc(l + 1);
        if (el->name)
            memcpy(el->name, name, l + 1);
        OPENSSL_free(name);
        if (el->name == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    const ASN1_TYPE *kid = PKCS12_SAFEBAG_get0_attr(sb, NID_localKeyID);
    if (kid && kid->type == V_ASN1_OCTET_STRING) {
        ret = gnossl_datum_set(&el->key_id, ASN1_STRING_get0_data(kid->value.octet_string),
                               (size_t)ASN1_STRING_length(kid->value.octet_string));
        if (ret < 0)
            return ret;
    }
    return 0;
}

static int bag_fill(gnutls_pkcs12_bag_t bag, const STACK_OF(PKCS12_SAFEBAG) *sbs)
{
    int n = sk_PKCS12_SAFEBAG_num(sbs);
    if (n > MAX_BAG_ELEMENTS) /* GnuTLS keeps the first ones */
        n = MAX_BAG_ELEMENTS;
    for (int i = 0; i < n; i++) {
        int ret = safebag_element(sk_PKCS12_SAFEBAG_value(sbs, i), &bag->e[bag->n]);
        bag->n++;
        if (ret < 0)
            return ret;
    }
    return 0;
}

int gnutls_pkcs12_get_bag(gnutls_pkcs12_t pkcs12, int indx, gnutls_pkcs12_bag_t bag)
{
    if (pkcs12 == NULL || bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (pkcs12->p12 == NULL)
        return GNOSSL_ERR(EMPTY_P12_ERR);
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(pkcs12->p12);
    if (safes == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret;
    if (indx < 0 || indx >= sk_PKCS7_num(safes)) {
        ret = GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
        goto out;
    }
    gnossl_bag_clear(bag);
    PKCS7 *p7 = sk_PKCS7_value(safes, indx);
    int nid = OBJ_obj2nid(p7->type);
    if (nid == NID_pkcs7_data) {
        STACK_OF(PKCS12_SAFEBAG) *sbs = PKCS12_unpack_p7data(p7);
        if (sbs == NULL) {
            ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
            goto out;
        }
        ret = bag_fill(bag, sbs);
        sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
        if (ret < 0)
            gnossl_bag_clear(bag);
    } else if (nid == NID_pkcs7_encrypted) {
        /* the data is the EncryptedData inside the ContentInfo */
        unsigned char *der = NULL;
        int n = p7->d.encrypted ? i2d_PKCS7_ENCRYPT(p7->d.encrypted, &der) : -1;
        ret = n > 0 ? gnossl_datum_set(&bag->e[0].data, der, (size_t)n) : GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        OPENSSL_free(der);
        if (ret >= 0) {
            bag->e[0].type = GNUTLS_BAG_ENCRYPTED;
            bag->n = 1;
            bag->enc = PKCS7_dup(p7);
            if (bag->enc == NULL) {
                gnossl_bag_clear(bag);
                ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
            }
        }
    } else {
        ret = GNOSSL_ERR(GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE);
    }
out:
    sk_PKCS7_pop_free(safes, PKCS7_free);
    return ret;
}

int gnutls_pkcs12_bag_decrypt(gnutls_pkcs12_bag_t bag, const char *pass)
{
    if (bag == NULL || bag->e[0].type != GNUTLS_BAG_ENCRYPTED)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (bag->enc == NULL || bag->enc->d.encrypted == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_TAG_ERROR);
    const PKCS7_ENC_CONTENT *ec = bag->enc->d.encrypted->enc_data;
    /* GnuTLS reads the schema and its parameters (iteration count within
     * GNOSSL_PBE_MAX_ITER) before deriving a key, and fails as they do */
    struct gnossl_pbe_info info;
    int ret = gnossl_pkcs_algor_info(ec->algorithm, &info, NULL);
    if (ret < 0)
        return ret;
    ERR_clear_error();
    /* Decrypt, then decode: a wrong password whose padding happens to check
     * out gives undecodable bytes, an ASN.1 error as in GnuTLS (and those
     * bytes must be exactly one SafeContents).  Through the private
     * context: the legacy PBEs (RC2-40) need it. */
    unsigned char *plain = NULL;
    int plen = 0;
    if (ec->enc_data == NULL ||
        PKCS12_pbe_crypt_ex(ec->algorithm, pass, pass ? -1 : 0, ec->enc_data->data, ec->enc_data->length, &plain,
                            &plen, 0, gnossl_pkcs_libctx(), NULL) == NULL) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_DECRYPTION_FAILED);
    }
    const unsigned char *q = plain;
    STACK_OF(PKCS12_SAFEBAG) *sbs =
        (STACK_OF(PKCS12_SAFEBAG) *)ASN1_item_d2i(NULL, &q, plen, ASN1_ITEM_rptr(PKCS12_SAFEBAGS));
    int whole = q == plain + plen, sequence = plen > 0 && plain[0] == 0x30;
    OPENSSL_clear_free(plain, (size_t)plen);
    if (sbs == NULL || !whole) {
        sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
        ERR_clear_error();
        /* GnuTLS drops the encrypted data once it decrypted: the bag stays
         * "encrypted" with nothing in it, and a later decrypt fails too */
        gnutls_free(bag->e[0].data.data);
        bag->e[0].data.data = NULL;
        bag->e[0].data.size = 0;
        PKCS7_free(bag->enc);
        bag->enc = NULL;
        /* libtasn1's answer: the wrong outer tag, or a bad encoding */
        return GNOSSL_ERR(sequence ? GNUTLS_E_ASN1_DER_ERROR : GNUTLS_E_ASN1_TAG_ERROR);
    }
    struct gnutls_pkcs12_bag_int tmp;
    memset(&tmp, 0, sizeof tmp);
    ret = bag_fill(&tmp, sbs);
    sk_PKCS12_SAFEBAG_pop_free(sbs, PKCS12_SAFEBAG_free);
    if (ret < 0) {
        gnossl_bag_clear(&tmp);
        return ret;
    }
    gnossl_bag_clear(bag);
    *bag = tmp;
    if (bag->n == 0) /* GnuTLS leaves the type of the first element behind */
        bag->e[0].type = GNUTLS_BAG_ENCRYPTED;
    return 0;
}

int gnutls_pkcs12_bag_get_count(gnutls_pkcs12_bag_t bag)
{
    if (bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return (int)bag->n;
}

/* GnuTLS checks indexes of attributes against count-1 unsigned: an empty
 * bag accepts any index, which lands on the first element. */
static int attr_index_ok(gnutls_pkcs12_bag_t bag, unsigned indx)
{
    return bag->n == 0 ? indx < MAX_BAG_ELEMENTS : indx < bag->n;
}

int gnutls_pkcs12_bag_get_type(gnutls_pkcs12_bag_t bag, unsigned indx)
{
    if (bag == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (indx >= bag->n)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    return bag->e[indx].type;
}

int gnutls_pkcs12_bag_get_data(gnutls_pkcs12_bag_t bag, unsigned indx, gnutls_datum_t *data)
{
    if (bag == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (indx >= bag->n)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    /* a view into the bag, as in GnuTLS */
    *data = bag->e[indx].data;
    return 0;
}

int gnutls_pkcs12_bag_get_friendly_name(gnutls_pkcs12_bag_t bag, unsigned indx, char **name)
{
    if (bag == NULL || name == NULL || !attr_index_ok(bag, indx))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *name = bag->e[indx].name;
    return 0;
}

int gnutls_pkcs12_bag_get_key_id(gnutls_pkcs12_bag_t bag, unsigned indx, gnutls_datum_t *id)
{
    if (bag == NULL || id == NULL || !attr_index_ok(bag, indx))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *id = bag->e[indx].key_id;
    return 0;
}
