/* The small DER helpers of crypto.h: a DSA/ECDSA signature value
 * SEQUENCE { INTEGER r, INTEGER s } and a PKCS#1 DigestInfo
 * SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING }.  Written by hand: the
 * shapes are fixed and tiny.  The reader is as lenient as libtasn1, which
 * GnuTLS uses (long-form and indefinite lengths, non-minimal integers), and
 * gives its error codes for the common faults; for exotic malformations the
 * call fails as in GnuTLS, possibly with another ASN.1 error code. */
#include "gnossl.h"
#include "crypto/crypto.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <string.h>

/* ---- writing ---- */

static size_t der_len_size(size_t len)
{
    size_t n = 1;
    if (len >= 0x80)
        for (size_t l = len; l; l >>= 8)
            n++;
    return n;
}

static unsigned char *der_put_len(unsigned char *p, size_t len)
{
    if (len < 0x80) {
        *p++ = (unsigned char)len;
    } else {
        size_t n = der_len_size(len) - 1;
        *p++ = (unsigned char)(0x80 | n);
        for (size_t i = n; i > 0; i--)
            *p++ = (unsigned char)(len >> (8 * (i - 1)));
    }
    return p;
}

/* A positive INTEGER from big-endian bytes: minimal, 0x00 before a high bit. */
static size_t der_uint_content(const unsigned char *v, size_t n, size_t *skip, int *pad)
{
    size_t s = 0;
    while (s + 1 < n && v[s] == 0)
        s++;
    *skip = s;
    *pad = (v[s] & 0x80) != 0;
    return n - s + (size_t)*pad;
}

int gnutls_encode_rs_value(gnutls_datum_t *sig_value, const gnutls_datum_t *r, const gnutls_datum_t *s)
{
    size_t rs, ss, rl, sl, body, total;
    int rp, sp;
    unsigned char *buf, *p;

    if (sig_value == NULL || r == NULL || s == NULL || r->size == 0 || s->size == 0 || r->data == NULL ||
        s->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    rl = der_uint_content(r->data, r->size, &rs, &rp);
    sl = der_uint_content(s->data, s->size, &ss, &sp);
    body = 1 + der_len_size(rl) + rl + 1 + der_len_size(sl) + sl;
    total = 1 + der_len_size(body) + body;
    p = buf = gnutls_malloc(total);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    *p++ = 0x30;
    p = der_put_len(p, body);
    *p++ = 0x02;
    p = der_put_len(p, rl);
    if (rp)
        *p++ = 0;
    memcpy(p, r->data + rs, r->size - rs);
    p += r->size - rs;
    *p++ = 0x02;
    p = der_put_len(p, sl);
    if (sp)
        *p++ = 0;
    memcpy(p, s->data + ss, s->size - ss);
    sig_value->data = buf;
    sig_value->size = (unsigned)total;
    return 0;
}

int gnutls_encode_ber_digest_info(gnutls_digest_algorithm_t hash, const gnutls_datum_t *digest,
                                  gnutls_datum_t *output)
{
    unsigned char oid[64], *buf, *p;
    const char *oid_text;
    ASN1_OBJECT *obj;
    int oid_len;
    size_t alg, body, total;

    if (digest == NULL || output == NULL || digest->size == 0 || digest->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    oid_text = gnutls_digest_get_oid(hash);
    if (oid_text == NULL) {
        /* ids GnuTLS knows without an OID (NULL, MD5+SHA1) say so */
        int known = (int)hash == GNUTLS_DIG_NULL || gnossl_mac_output_size((int)hash) > 0;
        return GNOSSL_ERR(known ? GNUTLS_E_UNKNOWN_PK_ALGORITHM : GNUTLS_E_INVALID_REQUEST);
    }
    obj = OBJ_txt2obj(oid_text, 1);
    oid_len = obj ? (int)OBJ_length(obj) : -1;
    if (obj == NULL || oid_len <= 0 || (size_t)oid_len > sizeof oid) {
        ASN1_OBJECT_free(obj);
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    memcpy(oid, OBJ_get0_data(obj), (size_t)oid_len);
    ASN1_OBJECT_free(obj);

    alg = 2 + (size_t)oid_len + 2; /* OID TLV (short) + NULL */
    body = 1 + der_len_size(alg) + alg + 1 + der_len_size(digest->size) + digest->size;
    total = 1 + der_len_size(body) + body;
    p = buf = gnutls_malloc(total);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    *p++ = 0x30;
    p = der_put_len(p, body);
    *p++ = 0x30;
    p = der_put_len(p, alg);
    *p++ = 0x06;
    *p++ = (unsigned char)oid_len;
    memcpy(p, oid, (size_t)oid_len);
    p += oid_len;
    *p++ = 0x05;
    *p++ = 0x00;
    *p++ = 0x04;
    p = der_put_len(p, digest->size);
    memcpy(p, digest->data, digest->size);
    output->data = buf;
    output->size = (unsigned)total;
    return 0;
}

/* ---- reading ---- */

struct tlv {
    unsigned char tag;
    const unsigned char *content;
    size_t len;  /* content length */
    size_t size; /* whole element */
};

/* One element at p (avail bytes).  Indefinite lengths are allowed on
 * constructed elements and end at the first 00 00 at their level. */
static int read_tlv(const unsigned char *p, size_t avail, struct tlv *t)
{
    size_t hdr, len = 0;

    if (avail < 2)
        return GNUTLS_E_ASN1_DER_ERROR;
    t->tag = p[0];
    if ((p[0] & 0x1f) == 0x1f)
        return GNUTLS_E_ASN1_TAG_ERROR; /* no multi-byte tags in these shapes */
    if (p[1] < 0x80) {
        len = p[1];
        hdr = 2;
    } else if (p[1] == 0x80) {
        /* indefinite: walk the children up to the end-of-contents */
        size_t off = 2;
        if (!(p[0] & 0x20))
            return GNUTLS_E_ASN1_DER_ERROR;
        for (;;) {
            struct tlv c;
            int ret;
            if (avail - off >= 2 && p[off] == 0 && p[off + 1] == 0)
                break;
            if ((ret = read_tlv(p + off, avail - off, &c)) < 0)
                return ret;
            off += c.size;
        }
        t->content = p + 2;
        t->len = off - 2;
        t->size = off + 2;
        return 0;
    } else {
        size_t n = p[1] & 0x7f;
        if (n > sizeof(size_t) || avail - 2 < n)
            return GNUTLS_E_ASN1_DER_ERROR;
        for (size_t i = 0; i < n; i++)
            len = len << 8 | p[2 + i];
        hdr = 2 + n;
    }
    if (len > avail - hdr)
        return GNUTLS_E_ASN1_DER_ERROR;
    t->content = p + hdr;
    t->len = len;
    t->size = hdr + len;
    return 0;
}

/* The outer SEQUENCE, which must span the whole input. */
static int read_outer(const unsigned char *p, size_t n, struct tlv *t)
{
    int ret;
    if (p == NULL || n < 2 || p[0] != 0x30)
        return GNUTLS_E_ASN1_TAG_ERROR;
    if ((ret = read_tlv(p, n, t)) < 0)
        return ret;
    if (t->len == 0)
        return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
    /* bytes after it are reported only once the content has decoded */
    return 0;
}

static int check_trailing(const struct tlv *outer, size_t n)
{
    return outer->size != n ? GNUTLS_E_ASN1_DER_ERROR : 0;
}

/* Next element of a SEQUENCE, which must carry tag.  As in libtasn1, the
 * element may run past the end its SEQUENCE declares (the caller compares
 * what was consumed afterwards); left counts the rest of the input.  A
 * missing or mistagged element, or one without room for a header, is a tag
 * error, found before its length is looked at. */
static int read_child(const unsigned char **p, size_t *left, unsigned char tag, struct tlv *t)
{
    int ret;
    if (*left < 2 || (*p)[0] != tag)
        return GNUTLS_E_ASN1_TAG_ERROR;
    if ((ret = read_tlv(*p, *left, t)) < 0)
        return ret;
    *p += t->size;
    *left -= t->size;
    return 0;
}

static int copy_datum(gnutls_datum_t *d, const struct tlv *t)
{
    d->data = gnutls_malloc(t->len ? t->len : 1);
    if (d->data == NULL)
        return GNUTLS_E_MEMORY_ERROR;
    memcpy(d->data, t->content, t->len);
    d->size = (unsigned)t->len;
    return 0;
}

int gnutls_decode_rs_value(const gnutls_datum_t *sig_value, gnutls_datum_t *r, gnutls_datum_t *s)
{
    struct tlv seq, tr, ts;
    const unsigned char *p;
    size_t left;
    int ret;

    if (sig_value == NULL || r == NULL || s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = read_outer(sig_value->data, sig_value->size, &seq)) < 0)
        return GNOSSL_ERR(ret);
    p = seq.content;
    left = sig_value->size - (size_t)(seq.content - sig_value->data);
    if ((ret = read_child(&p, &left, 0x02, &tr)) < 0 || (ret = read_child(&p, &left, 0x02, &ts)) < 0)
        return GNOSSL_ERR(ret);
    /* exactly the declared content, nothing after; no empty integers */
    if ((size_t)(p - seq.content) != seq.len || tr.len == 0 || ts.len == 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if ((ret = check_trailing(&seq, sig_value->size)) < 0)
        return GNOSSL_ERR(ret);
    if (copy_datum(r, &tr) < 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (copy_datum(s, &ts) < 0) {
        gnutls_free(r->data);
        r->data = NULL;
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    return 0;
}

int gnutls_decode_ber_digest_info(const gnutls_datum_t *info, gnutls_digest_algorithm_t *hash, unsigned char *digest,
                                  unsigned int *digest_size)
{
    struct tlv seq, alg, oid, params, dig;
    const unsigned char *p, *q;
    size_t left, aleft;
    char oid_text[128];
    ASN1_OBJECT *obj;
    gnutls_digest_algorithm_t id;
    int ret;

    if (info == NULL || hash == NULL || digest_size == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if ((ret = read_outer(info->data, info->size, &seq)) < 0)
        return GNOSSL_ERR(ret);
    p = seq.content;
    left = info->size - (size_t)(seq.content - info->data);
    if ((ret = read_child(&p, &left, 0x30, &alg)) < 0)
        return GNOSSL_ERR(ret);
    q = alg.content;
    aleft = info->size - (size_t)(alg.content - info->data);
    if ((ret = read_child(&q, &aleft, 0x06, &oid)) < 0)
        return GNOSSL_ERR(ret);
    /* what is left of the AlgorithmIdentifier: the parameters, if any,
     * which must end exactly where it does */
    if ((size_t)(q - alg.content) > alg.len)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    aleft = alg.len - (size_t)(q - alg.content);
    if (aleft != 0 && (read_tlv(q, aleft, &params) < 0 || params.size != aleft))
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    if ((ret = read_child(&p, &left, 0x04, &dig)) < 0)
        return GNOSSL_ERR(ret);
    if ((size_t)(p - seq.content) != seq.len || (ret = check_trailing(&seq, info->size)) < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);

    {
        unsigned char der[130];
        const unsigned char *op = der;
        if (oid.len == 0 || oid.len > 127)
            return GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
        der[0] = 0x06;
        der[1] = (unsigned char)oid.len;
        memcpy(der + 2, oid.content, oid.len);
        if ((obj = d2i_ASN1_OBJECT(NULL, &op, (long)oid.len + 2)) == NULL) {
            /* libtasn1 turns any bytes into some dotted text, which then
             * names no digest */
            ERR_clear_error();
            return GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
        }
    }
    ret = OBJ_obj2txt(oid_text, sizeof oid_text, obj, 1);
    ASN1_OBJECT_free(obj);
    if (ret <= 0 || (size_t)ret >= sizeof oid_text)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    id = gnutls_oid_to_digest(oid_text);
    if (id == GNUTLS_DIG_UNKNOWN) {
        gnossl_debug("DigestInfo: unknown digest OID %s", oid_text);
        return GNOSSL_ERR(GNUTLS_E_UNKNOWN_HASH_ALGORITHM);
    }
    /* the parameters may be absent, or NULL */
    if (aleft != 0 && (params.tag != 0x05 || params.len != 0))
        return GNOSSL_ERR(GNUTLS_E_ASN1_GENERIC_ERROR);
    if (*digest_size < dig.len) {
        *digest_size = (unsigned)dig.len;
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    }
    if (dig.len && digest == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (dig.len)
        memcpy(digest, dig.content, dig.len);
    *digest_size = (unsigned)dig.len;
    *hash = id;
    return 0;
}
