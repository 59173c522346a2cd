/* Issuer and subject unique IDs (X.509 v2 fields).  OpenSSL reads them but
 * has no setter, so the setters record them and signing splices them into
 * the DER after subjectPublicKeyInfo (where X.509 puts them) with
 * OpenSSL's ASN.1 header functions, then parses the result back. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <string.h>

static int set_uid(gnutls_x509_crt_t cert, int which, const void *id, size_t id_size)
{
    if (cert == NULL || id == NULL || id_size == 0 || id_size > 1024 || gnossl_crt_wx(cert) == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_free(cert->uid[which].data);
    cert->uid[which].data = NULL;
    return gnossl_datum_set(&cert->uid[which], id, id_size);
}

int gnutls_x509_crt_set_issuer_unique_id(gnutls_x509_crt_t cert, const void *id, size_t id_size)
{
    return set_uid(cert, 0, id, id_size);
}

int gnutls_x509_crt_set_subject_unique_id(gnutls_x509_crt_t cert, const void *id, size_t id_size)
{
    return set_uid(cert, 1, id, id_size);
}

/* Header of the TLV at *p (of at most len bytes): tag/class, content
 * length; *p advances to the content.  -1 on bad DER. */
static long tlv(const unsigned char **p, long len, int *tag, int *cls)
{
    long clen = 0;
    int r = ASN1_get_object(p, &clen, tag, cls, len);
    if (r & 0x80)
        return -1;
    return clen;
}

static unsigned char *put_hdr(unsigned char *o, int constructed, int len, int tag, int cls)
{
    ASN1_put_object(&o, constructed, len, tag, cls);
    return o;
}

int gnossl_crt_insert_uids(gnutls_x509_crt_t c)
{
    unsigned char *der = NULL;
    int dlen = i2d_X509(c->x509, &der);
    if (dlen <= 0) {
        ERR_clear_error();
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    }
    int ret = GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR), tag, cls;
    unsigned char *out = NULL;
    const unsigned char *p = der, *end = der + dlen;
    long olen = tlv(&p, dlen, &tag, &cls);
    long tlen = olen < 0 ? -1 : tlv(&p, end - p, &tag, &cls);
    if (tlen < 0)
        goto out;
    const unsigned char *tc = p, *tend = p + tlen, *after_tbs = tend;
    /* skip [0] version, serial, signature, issuer, validity, subject, spki */
    const unsigned char *q = tc;
    int fields = 0;
    while (q < tend && fields < 7) {
        long l = tlv(&q, tend - q, &tag, &cls);
        if (l < 0)
            goto out;
        if (fields == 0 && !(cls == V_ASN1_CONTEXT_SPECIFIC && tag == 0))
            fields++; /* v1: no version field */
        q += l;
        fields++;
    }
    if (fields < 7)
        goto out;
    const unsigned char *ins = q;
    /* the rest, minus unique IDs already there */
    const unsigned char *rest = q;
    while (rest < tend) {
        const unsigned char *e = rest;
        long l = tlv(&rest, tend - rest, &tag, &cls);
        if (l < 0)
            goto out;
        if (cls == V_ASN1_CONTEXT_SPECIFIC && (tag == 1 || tag == 2)) {
            rest += l;
            continue;
        }
        rest = e;
        break;
    }
    long uids = 0;
    for (int i = 0; i < 2; i++)
        if (c->uid[i].data)
            uids += ASN1_object_size(0, (int)c->uid[i].size + 1, i + 1);
    long ntc = (ins - tc) + uids + (tend - rest);
    long ntbs = ASN1_object_size(1, (int)ntc, V_ASN1_SEQUENCE);
    long ncontent = ntbs + (end - after_tbs);
    long ntotal = ASN1_object_size(1, (int)ncontent, V_ASN1_SEQUENCE);
    out = OPENSSL_malloc((size_t)ntotal);
    if (out == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        goto out;
    }
    unsigned char *o = put_hdr(out, 1, (int)ncontent, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    o = put_hdr(o, 1, (int)ntc, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL);
    memcpy(o, tc, (size_t)(ins - tc));
    o += ins - tc;
    for (int i = 0; i < 2; i++) {
        if (!c->uid[i].data)
            continue;
        /* [i+1] IMPLICIT BIT STRING, no unused bits */
        o = put_hdr(o, 0, (int)c->uid[i].size + 1, i + 1, V_ASN1_CONTEXT_SPECIFIC);
        *o++ = 0;
        memcpy(o, c->uid[i].data, c->uid[i].size);
        o += c->uid[i].size;
    }
    memcpy(o, rest, (size_t)(tend - rest));
    o += tend - rest;
    memcpy(o, after_tbs, (size_t)(end - after_tbs));
    o += end - after_tbs;
    const unsigned char *r = out;
    X509 *nx = d2i_X509(NULL, &r, (long)(o - out));
    if (nx == NULL)
        goto out;
    X509_free(c->x509);
    c->x509 = nx;
    c->dirty = 1;
    ret = 0;
out:
    ERR_clear_error();
    OPENSSL_free(out);
    OPENSSL_free(der);
    return ret;
}
