/* gnutls_x509_othername_to_virtual: the other names GnuTLS knows as
 * "virtual" SAN types (XMPP address, Kerberos principal, Microsoft UPN)
 * decoded to their text; and gnutls_x509_crt_get_preferred_hash_algorithm. */
#include "gnossl.h"
#include "x509/x509.h"

#include <gnutls/x509-ext.h>
#include <openssl/asn1.h>
#include <openssl/err.h>
#include <string.h>

/* Enter the TLV at *p, which must have tag/class; returns its content
 * length, -1 otherwise. */
static long enter(const unsigned char **p, const unsigned char *end, int want_tag, int want_cls)
{
    long len = 0;
    int tag, cls;
    if (*p >= end || (ASN1_get_object(p, &len, &tag, &cls, end - *p) & 0x80) || tag != want_tag || cls != want_cls)
        return -1;
    return len;
}

/* KRB5PrincipalName (RFC 4556): "comp1/comp2@REALM". */
static int krb5_text(const unsigned char *d, size_t n, gnutls_datum_t *out)
{
    const unsigned char *p = d, *end = d + n;
    long l;
    char buf[1024];
    size_t o = 0;
    if (enter(&p, end, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL) < 0 || enter(&p, end, 0, V_ASN1_CONTEXT_SPECIFIC) < 0 ||
        (l = enter(&p, end, V_ASN1_GENERALSTRING, V_ASN1_UNIVERSAL)) < 0 || l >= (long)sizeof buf)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    const unsigned char *realm = p;
    long rlen = l;
    p += l;
    long il;
    if (enter(&p, end, 1, V_ASN1_CONTEXT_SPECIFIC) < 0 || enter(&p, end, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL) < 0 ||
        enter(&p, end, 0, V_ASN1_CONTEXT_SPECIFIC) < 0 || (il = enter(&p, end, V_ASN1_INTEGER, V_ASN1_UNIVERSAL)) < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    p += il;
    long sl;
    if (enter(&p, end, 1, V_ASN1_CONTEXT_SPECIFIC) < 0 || (sl = enter(&p, end, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL)) < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    const unsigned char *send = p + sl;
    while (p < send) {
        if ((l = enter(&p, send, V_ASN1_GENERALSTRING, V_ASN1_UNIVERSAL)) < 0 || o + (size_t)l + 1 >= sizeof buf)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        if (o)
            buf[o++] = '/';
        memcpy(buf + o, p, (size_t)l);
        o += (size_t)l;
        p += l;
    }
    if (o + (size_t)rlen + 1 >= sizeof buf)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    buf[o++] = '@';
    memcpy(buf + o, realm, (size_t)rlen);
    o += (size_t)rlen;
    return gnossl_datum_set(out, buf, o);
}

int gnutls_x509_othername_to_virtual(const char *oid, const gnutls_datum_t *othername, unsigned int *virt_type,
                                     gnutls_datum_t *virt)
{
    if (oid == NULL || othername == NULL || othername->data == NULL || virt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned type;
    if (strcmp(oid, "1.3.6.1.5.5.7.8.5") == 0)
        type = GNUTLS_SAN_OTHERNAME_XMPP;
    else if (strcmp(oid, "1.3.6.1.5.2.2") == 0)
        type = GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL;
    else if (strcmp(oid, "1.3.6.1.4.1.311.20.2.3") == 0)
        type = GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL;
    else
        return GNOSSL_ERR(GNUTLS_E_X509_UNKNOWN_SAN);
    if (virt_type)
        *virt_type = type;
    if (type == GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL)
        return krb5_text(othername->data, othername->size, virt);
    /* a UTF8String */
    const unsigned char *p = othername->data;
    long l = enter(&p, othername->data + othername->size, V_ASN1_UTF8STRING, V_ASN1_UNIVERSAL);
    ERR_clear_error();
    if (l < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    return gnossl_datum_set(virt, p, (size_t)l);
}

int gnutls_x509_crt_get_preferred_hash_algorithm(gnutls_x509_crt_t crt, gnutls_digest_algorithm_t *hash,
                                                 unsigned int *mand)
{
    if (crt == NULL || crt->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_pubkey_t pub;
    int ret = gnutls_pubkey_init(&pub);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_import_x509(pub, crt, 0);
    if (ret == 0)
        ret = gnutls_pubkey_get_preferred_hash_algorithm(pub, hash, mand);
    gnutls_pubkey_deinit(pub);
    return ret;
}
