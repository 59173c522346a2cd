/* gnutls_x509_crt_print: the one-line, compact and full descriptions of a
 * certificate, laid out line for line as GnuTLS 3.7.9 prints them. */
#include "gnossl.h"
#include "x509/x509.h"
#include "core/algorithms.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct out {
    char *p;
    size_t len, cap;
    int err;
};

static void add(struct out *o, const void *d, size_t n)
{
    if (o->err)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2 + 256;
        char *np = gnutls_realloc(o->p, cap);
        if (np == NULL) {
            o->err = GNUTLS_E_MEMORY_ERROR;
            return;
        }
        o->p = np;
        o->cap = cap;
    }
    memcpy(o->p + o->len, d, n);
    o->len += n;
    o->p[o->len] = 0;
}

static void addf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(struct out *o, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        add(o, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        o->err = GNUTLS_E_MEMORY_ERROR;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    add(o, big, (size_t)n);
    free(big);
}

static void add_hex(struct out *o, const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        addf(o, "%02x", d[i]);
}

/* Ways to compute a certificate's or key's sha1/sha256 IDs, for add_ids. */
typedef int (*id_fn)(const void *obj, unsigned kind, unsigned char *id, size_t *n);

static int crt_key_id(const void *cert, unsigned kind, unsigned char *id, size_t *n)
{
    return gnutls_x509_crt_get_key_id((gnutls_x509_crt_t)cert, kind, id, n);
}

static int crt_fingerprint(const void *cert, unsigned kind, unsigned char *id, size_t *n)
{
    return gnutls_x509_crt_get_fingerprint((gnutls_x509_crt_t)cert, (gnutls_digest_algorithm_t)kind, id, n);
}

static int spki_key_id(const void *pkey, unsigned kind, unsigned char *id, size_t *n)
{
    return gnossl_spki_key_id(pkey, kind, id, n);
}

/* The "sha1:" and "sha256:" lines under a key ID or fingerprint heading,
 * one copy for certificates and public keys; a digest whose getter fails
 * is left out. */
static void add_ids(struct out *o, const char *indent, id_fn get, const void *obj, unsigned sha1, unsigned sha256)
{
    static const char *const names[2] = {"sha1", "sha256"};
    const unsigned kinds[2] = {sha1, sha256};
    for (int i = 0; i < 2; i++) {
        unsigned char id[64];
        size_t n = sizeof id;
        if (get(obj, kinds[i], id, &n) == 0) {
            addf(o, "%s%s:", indent, names[i]);
            add_hex(o, id, n);
            addf(o, "\n");
        }
    }
}

/* Hand the text to out (an empty one as "", not NULL), or fail with the
 * error met while writing it. */
static int out_done(struct out *o, gnutls_datum_t *out)
{
    if (o->err) {
        gnutls_free(o->p);
        return GNOSSL_ERR(o->err);
    }
    if (o->p == NULL)
        return gnossl_datum_set(out, "", 0);
    out->data = (unsigned char *)o->p;
    out->size = (unsigned)o->len;
    return 0;
}

/* prefix, an INTEGER's content octets in hex and a newline; nothing if it
 * does not encode.  For the authority key serial and the CRL number. */
static void add_int_line(struct out *o, const char *prefix, const ASN1_INTEGER *i)
{
    unsigned char *der = NULL;
    int len = i2d_ASN1_INTEGER((ASN1_INTEGER *)i, &der);
    const unsigned char *p = der;
    long clen = 0;
    int tag, xc;
    if (len > 0 && !(ASN1_get_object(&p, &clen, &tag, &xc, len) & 0x80)) {
        addf(o, "%s", prefix);
        add_hex(o, p, (size_t)clen);
        addf(o, "\n");
    }
    OPENSSL_free(der);
}

/* "xx:xx:..." sixteen to a line, each line prefixed by `indent`. */
static void add_hexdump(struct out *o, const unsigned char *d, size_t n, const char *indent)
{
    addf(o, "%s", indent);
    for (size_t i = 0; i < n; i++) {
        addf(o, "%02x", d[i]);
        if (i + 1 == n)
            break;
        if ((i + 1) % 16 == 0)
            addf(o, "\n%s", indent);
        else
            add(o, ":", 1);
    }
    add(o, "\n", 1);
}

/* ---- names of algorithms, from the core tables ---- */

static const char *pk_name(gnutls_pk_algorithm_t pk)
{
    const char *n = gnutls_pk_get_name(pk);
    return n ? n : "UNKNOWN";
}

static const char *sign_name(gnutls_sign_algorithm_t s, int *broken)
{
    if (broken)
        *broken = s != GNUTLS_SIGN_UNKNOWN && !gnutls_sign_is_secure2(s, GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS);
    return s == GNUTLS_SIGN_UNKNOWN ? NULL : gnutls_sign_get_name(s);
}

static const char *curve_name(gnutls_ecc_curve_t c)
{
    const char *n = gnutls_ecc_curve_get_name(c);
    return n ? n : "unknown";
}

static const char *sec_level(gnutls_pk_algorithm_t pk, unsigned bits)
{
    const char *n = gnutls_sec_param_get_name(gnutls_pk_bits_to_sec_param(pk, bits));
    return n ? n : "Unknown";
}

/* ---- pieces ---- */

static void add_time(struct out *o, const char *fmt, time_t t)
{
    struct tm tm;
    char buf[64];
    if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL || strftime(buf, sizeof buf, fmt, &tm) == 0) {
        addf(o, "unknown");
        return;
    }
    addf(o, "%s", buf);
}

/* The one-line form formats whatever time it gets, -1 included. */
static void add_time_raw(struct out *o, time_t t)
{
    struct tm tm;
    char buf[64];
    if (gmtime_r(&t, &tm) == NULL || strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
        addf(o, "unknown");
        return;
    }
    addf(o, "%s", buf);
}

static int spki_digest(EVP_PKEY *pkey, gnutls_digest_algorithm_t md, unsigned char *out, unsigned *olen)
{
    unsigned char *der = NULL;
    int len = gnossl_i2d_pubkey(pkey, &der);
    if (len <= 0)
        return -1;
    int ok = EVP_Digest(der, (size_t)len, out, olen, gnossl_digest_fetch(md), NULL);
    OPENSSL_free(der);
    return ok ? 0 : -1;
}

static void add_pin(struct out *o, EVP_PKEY *pkey)
{
    unsigned char d[64], b64[96];
    unsigned n = 0;
    if (spki_digest(pkey, GNUTLS_DIG_SHA256, d, &n) < 0)
        return;
    EVP_EncodeBlock(b64, d, (int)n);
    addf(o, "%s", (char *)b64);
}

static void add_serial_hex(struct out *o, gnutls_x509_crt_t cert)
{
    unsigned char s[128];
    size_t n = sizeof s;
    if (gnutls_x509_crt_get_serial(cert, s, &n) == 0)
        add_hex(o, s, n);
}

static void print_oneline(struct out *o, gnutls_x509_crt_t cert)
{
    gnutls_datum_t d;
    int r = gnutls_x509_crt_get_dn3(cert, &d, 0);
    if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        addf(o, "no subject,");
    else if (r < 0)
        addf(o, "unknown subject (%s), ", gnutls_strerror(r));
    else {
        addf(o, "subject `%s', ", (char *)d.data);
        gnutls_free(d.data);
    }
    r = gnutls_x509_crt_get_issuer_dn3(cert, &d, 0);
    if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        addf(o, "no issuer,");
    else if (r < 0)
        addf(o, "unknown issuer (%s), ", gnutls_strerror(r));
    else {
        addf(o, "issuer `%s', ", (char *)d.data);
        gnutls_free(d.data);
    }
    addf(o, "serial 0x");
    add_serial_hex(o, cert);
    addf(o, ", ");
    unsigned bits = 0;
    int pk = gnutls_x509_crt_get_pk_algorithm(cert, &bits);
    if (pk > 0)
        addf(o, "%s key %u bits, ", pk_name((gnutls_pk_algorithm_t)pk), bits);
    else
        addf(o, "unknown key, ");
    int broken = 0;
    const char *sn = sign_name((gnutls_sign_algorithm_t)gnutls_x509_crt_get_signature_algorithm(cert), &broken);
    if (sn)
        addf(o, "signed using %s%s, ", sn, broken ? " (broken!)" : "");
    else
        addf(o, "unknown signature algorithm, ");
    addf(o, "activated `");
    add_time_raw(o, gnutls_x509_crt_get_activation_time(cert));
    addf(o, "', expires `");
    add_time_raw(o, gnutls_x509_crt_get_expiration_time(cert));
    addf(o, "', ");
    addf(o, "pin-sha256=\"");
    add_pin(o, X509_get0_pubkey(cert->x509));
    addf(o, "\"");
}

static void print_keyids(struct out *o, gnutls_x509_crt_t cert)
{
    addf(o, "\tPublic Key ID:\n");
    add_ids(o, "\t\t", crt_key_id, cert, GNUTLS_KEYID_USE_SHA1, GNUTLS_KEYID_USE_SHA256);
    addf(o, "\tPublic Key PIN:\n\t\tpin-sha256:");
    add_pin(o, X509_get0_pubkey(cert->x509));
    addf(o, "\n");
}

/* Modulus/exponent, curve and point, or the raw EdDSA key. */
static void print_key(struct out *o, EVP_PKEY *pkey, int numbers, const char *label)
{
    gnutls_pk_algorithm_t pk = gnossl_pkey_algorithm(pkey);
    unsigned bits = gnossl_pkey_bits(pkey);
    addf(o, "\t%s: %s\n", label, pk_name(pk));
    addf(o, "\tAlgorithm Security Level: %s (%u bits)\n", sec_level(pk, bits), bits);

    gnutls_datum_t a = {NULL, 0}, b = {NULL, 0};
    gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
    if (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS) {
        if (gnossl_pkey_bn_datum(pkey, "n", &a) < 0 || gnossl_pkey_bn_datum(pkey, "e", &b) < 0)
            goto done;
        unsigned ebits = b.size * 8; /* GnuTLS counts the octets it prints */
        if (numbers) {
            addf(o, "\t\tModulus (bits %u): ", bits);
            add_hex(o, a.data, a.size);
            addf(o, "\n\t\tExponent (bits %u): ", ebits);
            add_hex(o, b.data, b.size);
            addf(o, "\n");
        } else {
            addf(o, "\t\tModulus (bits %u):\n", bits);
            add_hexdump(o, a.data, a.size, "\t\t\t");
            addf(o, "\t\tExponent (bits %u):\n", ebits);
            add_hexdump(o, b.data, b.size, "\t\t\t");
        }
    } else if (pk == GNUTLS_PK_DSA) {
        static const char *const names[4] = {"pub", "p", "q", "g"};
        static const char *const labels[4] = {"Public key", "P", "Q", "G"};
        for (int i = 0; i < 4; i++) {
            gnutls_datum_t v = {NULL, 0};
            if (gnossl_pkey_bn_datum(pkey, names[i], &v) < 0)
                break;
            char head[64];
            if (i == 0)
                snprintf(head, sizeof head, "%s (bits %u)", labels[i], bits);
            else
                snprintf(head, sizeof head, "%s", labels[i]);
            if (numbers) {
                addf(o, "\t\t%s: ", head);
                add_hex(o, v.data, v.size);
                addf(o, "\n");
            } else {
                addf(o, "\t\t%s:\n", head);
                add_hexdump(o, v.data, v.size, "\t\t\t");
            }
            gnutls_free(v.data);
        }
    } else if (pk == GNUTLS_PK_EC || pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448) {
        if (gnossl_pkey_ecc_raw(pkey, &curve, &a, &b) < 0)
            goto done;
        addf(o, "\t\tCurve:\t%s\n", curve_name(curve));
        if (numbers) {
            addf(o, "\t\tX: ");
            add_hex(o, a.data, a.size);
            addf(o, "\n");
            if (b.data) {
                addf(o, "\t\tY: ");
                add_hex(o, b.data, b.size);
                addf(o, "\n");
            }
        } else {
            addf(o, "\t\tX:\n");
            add_hexdump(o, a.data, a.size, "\t\t\t");
            if (b.data) {
                addf(o, "\t\tY:\n");
                add_hexdump(o, b.data, b.size, "\t\t\t");
            }
        }
    }
done:
    gnutls_free(a.data);
    gnutls_free(b.data);
}

static const char *crit_str(X509_EXTENSION *ext)
{
    return X509_EXTENSION_get_critical(ext) ? "critical" : "not critical";
}

/* RFC 3492 decoding of one "xn--" label body into UTF-8; -1 if invalid. */
static int puny_label(const char *in, size_t n, struct out *o)
{
    unsigned long cps[256];
    size_t out = 0, b = 0;
    for (size_t j = 0; j < n; j++)
        if (in[j] == '-')
            b = j;
    for (size_t j = 0; j < b; j++) {
        if ((unsigned char)in[j] >= 0x80 || out >= 256)
            return -1;
        cps[out++] = (unsigned char)in[j];
    }
    unsigned long nn = 128, i = 0, bias = 72;
    for (size_t in_pos = b > 0 ? b + 1 : 0; in_pos < n;) {
        unsigned long oldi = i, w = 1;
        for (unsigned long k = 36;; k += 36) {
            if (in_pos >= n)
                return -1;
            char c = in[in_pos++];
            unsigned long digit = (c >= '0' && c <= '9') ? (unsigned long)(c - '0' + 26)
                                  : (c >= 'a' && c <= 'z') ? (unsigned long)(c - 'a')
                                  : (c >= 'A' && c <= 'Z') ? (unsigned long)(c - 'A')
                                                           : 36;
            if (digit >= 36 || digit > (0xffffffffUL - i) / w)
                return -1;
            i += digit * w;
            unsigned long t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
            if (digit < t)
                break;
            w *= 36 - t;
        }
        /* adapt the bias */
        unsigned long delta = oldi == 0 ? (i - oldi) / 700 : (i - oldi) / 2, kk = 0;
        delta += delta / (out + 1);
        while (delta > 455) {
            delta /= 35;
            kk += 36;
        }
        bias = kk + (36 * delta) / (delta + 38);
        nn += i / (out + 1);
        i %= out + 1;
        if (out >= 256 || nn > 0x10ffff)
            return -1;
        memmove(&cps[i + 1], &cps[i], (out - i) * sizeof cps[0]);
        cps[i++] = nn;
        out++;
    }
    for (size_t j = 0; j < out; j++) {
        unsigned long c = cps[j];
        unsigned char u[4];
        add(o, u, gnossl_utf8_put(c, u));
    }
    return 0;
}

/* The Unicode form of a DNS name holding "xn--" labels, for display. */
static int idna_display(const char *name, size_t n, struct out *o)
{
    size_t start = 0;
    for (size_t j = 0; j <= n; j++) {
        if (j < n && name[j] != '.')
            continue;
        const char *l = name + start;
        size_t len = j - start;
        if (len > 4 && strncasecmp(l, "xn--", 4) == 0) {
            if (puny_label(l + 4, len - 4, o) < 0)
                return -1;
        } else
            add(o, l, len);
        if (j < n)
            add(o, ".", 1);
        start = j + 1;
    }
    return o->err ? -1 : 0;
}

/* Bytes as text, '.' for what is not printable ASCII. */
static void add_ascii(struct out *o, const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add(o, (d[i] >= 0x20 && d[i] < 0x7f) ? (const char *)&d[i] : ".", 1);
}

static void print_general_name(struct out *o, const GENERAL_NAME *gn, const char *indent)
{
    const unsigned char *d;
    int n;
    char ipbuf[64];
    switch (gn->type) {
    case GEN_DNS: {
        const char *nm = (const char *)ASN1_STRING_get0_data(gn->d.ia5);
        size_t len = (size_t)ASN1_STRING_length(gn->d.ia5);
        addf(o, "%sDNSname: %.*s", indent, (int)len, nm);
        struct out u = {0};
        if (memmem(nm, len, "xn--", 4) && idna_display(nm, len, &u) == 0 && u.p) {
            addf(o, " (%s)", u.p);
        }
        gnutls_free(u.p);
        addf(o, "\n");
        break;
    }
    case GEN_EMAIL:
        addf(o, "%sRFC822Name: %.*s\n", indent, ASN1_STRING_length(gn->d.ia5), ASN1_STRING_get0_data(gn->d.ia5));
        break;
    case GEN_URI:
        addf(o, "%sURI: %.*s\n", indent, ASN1_STRING_length(gn->d.ia5), ASN1_STRING_get0_data(gn->d.ia5));
        break;
    case GEN_IPADD:
        d = ASN1_STRING_get0_data(gn->d.ip);
        n = ASN1_STRING_length(gn->d.ip);
        if ((n == 4 && inet_ntop(AF_INET, d, ipbuf, sizeof ipbuf)) ||
            (n == 16 && inet_ntop(AF_INET6, d, ipbuf, sizeof ipbuf)))
            addf(o, "%sIPAddress: %s\n", indent, ipbuf);
        break;
    case GEN_DIRNAME: {
        gnutls_datum_t dn;
        if (gnossl_dn_to_string(gn->d.directoryName, 0, &dn) == 0) {
            addf(o, "%sdirectoryName: %s\n", indent, (char *)dn.data);
            gnutls_free(dn.data);
        }
        break;
    }
    case GEN_RID: {
        char oid[128];
        gnossl_oid_text(gn->d.rid, oid, sizeof oid);
        addf(o, "%sRegistered ID: %s\n", indent, oid);
        break;
    }
    case GEN_OTHERNAME: {
        char oid[128];
        gnossl_oid_text(gn->d.otherName->type_id, oid, sizeof oid);
        const ASN1_TYPE *v = gn->d.otherName->value;
        if (strcmp(oid, "1.3.6.1.5.5.7.8.5") == 0 && v->type == V_ASN1_UTF8STRING)
            addf(o, "%sXMPP Address: %.*s\n", indent, ASN1_STRING_length(v->value.utf8string),
                 ASN1_STRING_get0_data(v->value.utf8string));
        else if ((strcmp(oid, "1.3.6.1.4.1.311.20.2.3") == 0) && v->type == V_ASN1_UTF8STRING)
            addf(o, "%sUser Principal Name: %.*s\n", indent, ASN1_STRING_length(v->value.utf8string),
                 ASN1_STRING_get0_data(v->value.utf8string));
        else {
            addf(o, "%sotherName OID: %s\n", indent, oid);
            unsigned char *der = NULL;
            int len = i2d_ASN1_TYPE((ASN1_TYPE *)v, &der);
            if (len > 0) {
                addf(o, "%sotherName DER: ", indent);
                add_hex(o, der, (size_t)len);
                addf(o, "\n%sotherName ASCII: ", indent);
                add_ascii(o, der, (size_t)len);
                addf(o, "\n");
                OPENSSL_free(der);
            }
        }
        break;
    }
    default:
        break;
    }
}

static void print_unknown_ext(struct out *o, X509_EXTENSION *ext, const char *oid)
{
    const ASN1_OCTET_STRING *v = X509_EXTENSION_get_data(ext);
    const unsigned char *d = ASN1_STRING_get0_data(v);
    int n = ASN1_STRING_length(v);
    addf(o, "\t\tUnknown extension %s (%s):\n\t\t\tASCII: ", oid, crit_str(ext));
    for (int i = 0; i < n; i++)
        add(o, (d[i] >= 0x20 && d[i] < 0x7f) ? (const char *)&d[i] : ".", 1);
    addf(o, "\n\t\t\tHexdump: ");
    add_hex(o, d, (size_t)n);
    addf(o, "\n");
}

static const char *const ku_names[] = {"Digital signature.", "Non repudiation.", "Key encipherment.",
                                       "Data encipherment.", "Key agreement.", "Certificate signing.",
                                       "CRL signing.", "Key encipher only.", "Key decipher only."};

static void print_ext(struct out *o, gnutls_x509_crt_t cert, X509_EXTENSION *ext)
{
    (void)cert; /* NULL from gnutls_x509_ext_print */
    char oid[128];
    gnossl_oid_text(X509_EXTENSION_get_object(ext), oid, sizeof oid);
    int nid = OBJ_txt2nid(oid);
    void *v = X509V3_EXT_d2i(ext);
    const char *cr = crit_str(ext);

    switch (v ? nid : NID_undef) {
    case NID_basic_constraints: {
        BASIC_CONSTRAINTS *bc = v;
        addf(o, "\t\tBasic Constraints (%s):\n\t\t\tCertificate Authority (CA): %s\n", cr, bc->ca ? "TRUE" : "FALSE");
        if (bc->pathlen)
            addf(o, "\t\t\tPath Length Constraint: %ld\n", ASN1_INTEGER_get(bc->pathlen));
        BASIC_CONSTRAINTS_free(bc);
        return;
    }
    case NID_key_usage: {
        ASN1_BIT_STRING *ku = v;
        addf(o, "\t\tKey Usage (%s):\n", cr);
        for (int i = 0; i < 9; i++)
            if (ASN1_BIT_STRING_get_bit(ku, i))
                addf(o, "\t\t\t%s\n", ku_names[i]);
        ASN1_BIT_STRING_free(ku);
        return;
    }
    case NID_ext_key_usage: {
        static const struct {
            const char *oid, *name;
        } kp[] = {{GNUTLS_KP_TLS_WWW_SERVER, "TLS WWW Server."}, {GNUTLS_KP_TLS_WWW_CLIENT, "TLS WWW Client."},
                  {GNUTLS_KP_CODE_SIGNING, "Code signing."},     {GNUTLS_KP_EMAIL_PROTECTION, "Email protection."},
                  {GNUTLS_KP_TIME_STAMPING, "Time stamping."},   {GNUTLS_KP_OCSP_SIGNING, "OCSP signing."},
                  {GNUTLS_KP_IPSEC_IKE, "Ipsec IKE."},           {GNUTLS_KP_ANY, "Any purpose."}};
        EXTENDED_KEY_USAGE *eku = v;
        addf(o, "\t\tKey Purpose (%s):\n", cr);
        for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
            char t[128];
            const char *name = NULL;
            gnossl_oid_text(sk_ASN1_OBJECT_value(eku, i), t, sizeof t);
            for (size_t k = 0; k < sizeof kp / sizeof kp[0]; k++)
                if (strcmp(kp[k].oid, t) == 0)
                    name = kp[k].name;
            addf(o, "\t\t\t%s\n", name ? name : t);
        }
        sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
        return;
    }
    case NID_subject_alt_name:
    case NID_issuer_alt_name: {
        GENERAL_NAMES *gns = v;
        addf(o, "\t\t%s Alternative Name (%s):\n", nid == NID_subject_alt_name ? "Subject" : "Issuer", cr);
        for (int i = 0; i < sk_GENERAL_NAME_num(gns); i++)
            print_general_name(o, sk_GENERAL_NAME_value(gns, i), "\t\t\t");
        GENERAL_NAMES_free(gns);
        return;
    }
    case NID_subject_key_identifier: {
        ASN1_OCTET_STRING *id = v;
        addf(o, "\t\tSubject Key Identifier (%s):\n\t\t\t", cr);
        add_hex(o, ASN1_STRING_get0_data(id), (size_t)ASN1_STRING_length(id));
        addf(o, "\n");
        ASN1_OCTET_STRING_free(id);
        return;
    }
    case NID_authority_key_identifier: {
        AUTHORITY_KEYID *ak = v;
        addf(o, "\t\tAuthority Key Identifier (%s):\n", cr);
        for (int i = 0; ak->issuer && i < sk_GENERAL_NAME_num(ak->issuer); i++)
            print_general_name(o, sk_GENERAL_NAME_value(ak->issuer, i), "\t\t\t");
        if (ak->serial)
            add_int_line(o, "\t\t\tserial: ", ak->serial);
        if (ak->keyid) {
            addf(o, "\t\t\t");
            add_hex(o, ASN1_STRING_get0_data(ak->keyid), (size_t)ASN1_STRING_length(ak->keyid));
            addf(o, "\n");
        }
        AUTHORITY_KEYID_free(ak);
        return;
    }
    case NID_crl_distribution_points: {
        CRL_DIST_POINTS *dps = v;
        addf(o, "\t\tCRL Distribution points (%s):\n", cr);
        for (int i = 0; i < sk_DIST_POINT_num(dps); i++) {
            DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
            if (dp->distpoint && dp->distpoint->type == 0)
                for (int k = 0; k < sk_GENERAL_NAME_num(dp->distpoint->name.fullname); k++)
                    print_general_name(o, sk_GENERAL_NAME_value(dp->distpoint->name.fullname, k), "\t\t\t");
        }
        CRL_DIST_POINTS_free(dps);
        return;
    }
    case NID_info_access: {
        AUTHORITY_INFO_ACCESS *aia = v;
        addf(o, "\t\tAuthority Information Access (%s):\n", cr);
        for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia); i++) {
            ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(aia, i);
            char t[128];
            gnossl_oid_text(ad->method, t, sizeof t);
            const char *nm = strcmp(t, "1.3.6.1.5.5.7.48.1") == 0   ? " (id-ad-ocsp)"
                             : strcmp(t, "1.3.6.1.5.5.7.48.2") == 0 ? " (id-ad-caIssuers)"
                                                                    : " (UNKNOWN)";
            addf(o, "\t\t\tAccess Method: %s%s\n", t, nm);
            if (ad->location->type == GEN_URI)
                addf(o, "\t\t\tAccess Location URI: %.*s\n", ASN1_STRING_length(ad->location->d.ia5),
                     ASN1_STRING_get0_data(ad->location->d.ia5));
        }
        AUTHORITY_INFO_ACCESS_free(aia);
        return;
    }
    case NID_certificate_policies: {
        CERTIFICATEPOLICIES *cp = v;
        addf(o, "\t\tCertificate Policies (%s):\n", cr);
        for (int i = 0; i < sk_POLICYINFO_num(cp); i++) {
            POLICYINFO *pi = sk_POLICYINFO_value(cp, i);
            char t[128];
            gnossl_oid_text(pi->policyid, t, sizeof t);
            const char *nm = strcmp(t, "2.5.29.32.0") == 0        ? " (anyPolicy)"
                             : strcmp(t, "2.23.140.1.2.1") == 0   ? " (CA/B Domain Validated)"
                             : strcmp(t, "2.23.140.1.2.2") == 0   ? " (CA/B Organization Validated)"
                             : strcmp(t, "2.23.140.1.2.3") == 0   ? " (CA/B Individual Validated)"
                             : strcmp(t, "2.23.140.1.1") == 0     ? " (CA/B EV)"
                                                                  : "";
            addf(o, "\t\t\t%s%s\n", t, nm);
            for (int k = 0; k < sk_POLICYQUALINFO_num(pi->qualifiers); k++) {
                POLICYQUALINFO *q = sk_POLICYQUALINFO_value(pi->qualifiers, k);
                int qn = OBJ_obj2nid(q->pqualid);
                if (qn == NID_id_qt_cps)
                    addf(o, "\t\t\t\tURI: %.*s\n", ASN1_STRING_length(q->d.cpsuri), ASN1_STRING_get0_data(q->d.cpsuri));
                else if (qn == NID_id_qt_unotice && q->d.usernotice->exptext) {
                    const ASN1_STRING *t = q->d.usernotice->exptext;
                    gnutls_datum_t u;
                    if (ASN1_STRING_type(t) == V_ASN1_BMPSTRING) {
                        if (gnossl_bmp_to_utf8(ASN1_STRING_get0_data(t), (size_t)ASN1_STRING_length(t), &u) == 0) {
                            addf(o, "\t\t\t\tNote: %s\n", (char *)u.data);
                            gnutls_free(u.data);
                        }
                    } else
                        addf(o, "\t\t\t\tNote: %.*s\n", ASN1_STRING_length(t), ASN1_STRING_get0_data(t));
                }
            }
        }
        CERTIFICATEPOLICIES_free(cp);
        return;
    }
    case NID_inhibit_any_policy:
        addf(o, "\t\tInhibit anyPolicy skip certs: %ld (%s)\n", ASN1_INTEGER_get(v), cr);
        ASN1_INTEGER_free(v);
        return;
    case NID_tlsfeature: {
        STACK_OF(ASN1_INTEGER) *fl = v;
        addf(o, "\t\tTLS Features (%s):\n", cr);
        for (int i = 0; i < sk_ASN1_INTEGER_num(fl); i++) {
            long f = ASN1_INTEGER_get(sk_ASN1_INTEGER_value(fl, i));
            if (f == 5)
                addf(o, "\t\t\tOCSP Status Request(5)\n");
            else
                addf(o, "\t\t\t%ld\n", f);
        }
        sk_ASN1_INTEGER_pop_free(fl, ASN1_INTEGER_free);
        return;
    }
    case NID_proxyCertInfo: {
        PROXY_CERT_INFO_EXTENSION *pci = v;
        char t[128];
        addf(o, "\t\tProxy Certificate Information (%s):\n", cr);
        if (pci->pcPathLengthConstraint)
            addf(o, "\t\t\tPath Length Constraint: %ld\n", ASN1_INTEGER_get(pci->pcPathLengthConstraint));
        gnossl_oid_text(pci->proxyPolicy->policyLanguage, t, sizeof t);
        addf(o, "\t\t\tPolicy Language: %s%s\n", t,
             strcmp(t, "1.3.6.1.5.5.7.21.1") == 0   ? " (id-ppl-inheritALL)"
             : strcmp(t, "1.3.6.1.5.5.7.21.2") == 0 ? " (id-ppl-independent)"
                                                    : "");
        if (pci->proxyPolicy->policy) {
            const unsigned char *d = ASN1_STRING_get0_data(pci->proxyPolicy->policy);
            size_t n = (size_t)ASN1_STRING_length(pci->proxyPolicy->policy);
            addf(o, "\t\t\tPolicy:\n\t\t\t\tASCII: ");
            add_ascii(o, d, n);
            addf(o, "\n\t\t\t\tHexdump: ");
            add_hex(o, d, n);
            addf(o, "\n");
        }
        PROXY_CERT_INFO_EXTENSION_free(pci);
        return;
    }
    case NID_name_constraints: {
        NAME_CONSTRAINTS *nc = v;
        addf(o, "\t\tName Constraints (%s):\n", cr);
        for (int pass = 0; pass < 2; pass++) {
            STACK_OF(GENERAL_SUBTREE) *st = pass ? nc->excludedSubtrees : nc->permittedSubtrees;
            if (sk_GENERAL_SUBTREE_num(st) <= 0)
                continue;
            addf(o, "\t\t\t%s:\n", pass ? "Excluded" : "Permitted");
            for (int i = 0; i < sk_GENERAL_SUBTREE_num(st); i++) {
                const GENERAL_NAME *gn = sk_GENERAL_SUBTREE_value(st, i)->base;
                if (gn->type == GEN_IPADD) {
                    gnutls_datum_t ip = {(unsigned char *)ASN1_STRING_get0_data(gn->d.ip),
                                         (unsigned)ASN1_STRING_length(gn->d.ip)};
                    char txt[128];
                    if (gnossl_cidr_text(&ip, txt, sizeof txt) == 0)
                        addf(o, "\t\t\t\tIPAddress: %s\n", txt);
                } else
                    print_general_name(o, gn, "\t\t\t\t");
            }
        }
        NAME_CONSTRAINTS_free(nc);
        return;
    }
    default:
        break;
    }
    if (v) {
        /* decoded by OpenSSL but printed raw by us: free it generically */
        const X509V3_EXT_METHOD *m = X509V3_EXT_get(ext);
        if (m && m->it)
            ASN1_item_free(v, ASN1_ITEM_ptr(m->it));
        else if (m && m->ext_free)
            m->ext_free(v);
    }
    if (nid == NID_private_key_usage_period) {
        PKEY_USAGE_PERIOD *pp = X509V3_EXT_d2i(ext);
        addf(o, "\t\tPrivate Key Usage Period (%s):\n", cr);
        if (pp) {
            if (pp->notBefore) {
                addf(o, "\t\t\tNot Before: ");
                add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnossl_asn1_time_to_time(pp->notBefore));
                addf(o, "\n");
            }
            if (pp->notAfter) {
                addf(o, "\t\t\tNot After: ");
                add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnossl_asn1_time_to_time(pp->notAfter));
                addf(o, "\n");
            }
            PKEY_USAGE_PERIOD_free(pp);
        }
        return;
    }
    print_unknown_ext(o, ext, oid);
}

/* Salt length of an RSA-PSS signature, -1 for other algorithms. */
static int pss_salt(gnutls_x509_crt_t cert)
{
    const X509_ALGOR *alg = NULL;
    const ASN1_OBJECT *obj = NULL;
    const void *pval = NULL;
    int ptype = 0;
    X509_get0_signature(NULL, &alg, cert->x509);
    X509_ALGOR_get0(&obj, &ptype, &pval, alg);
    if (OBJ_obj2nid(obj) != NID_rsassaPss)
        return -1;
    int salt = 20;
    if (ptype == V_ASN1_SEQUENCE && pval) {
        const unsigned char *p = ASN1_STRING_get0_data(pval);
        RSA_PSS_PARAMS *pss = d2i_RSA_PSS_PARAMS(NULL, &p, ASN1_STRING_length(pval));
        if (pss && pss->saltLength)
            salt = (int)ASN1_INTEGER_get(pss->saltLength);
        RSA_PSS_PARAMS_free(pss);
    }
    return salt;
}

static void print_full(struct out *o, gnutls_x509_crt_t cert, gnutls_certificate_print_formats_t fmt)
{
    int numbers = fmt == GNUTLS_CRT_PRINT_FULL_NUMBERS;
    int signed_part = fmt != GNUTLS_CRT_PRINT_UNSIGNED_FULL;
    gnutls_datum_t d;

    addf(o, "X.509 Certificate Information:\n");
    addf(o, "\tVersion: %d\n", gnutls_x509_crt_get_version(cert));
    addf(o, "\tSerial Number (hex): ");
    add_serial_hex(o, cert);
    addf(o, "\n");
    if (signed_part) {
        int r = gnutls_x509_crt_get_issuer_dn3(cert, &d, 0);
        if (r == 0) {
            addf(o, "\tIssuer: %s\n", (char *)d.data);
            gnutls_free(d.data);
        } else if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            addf(o, "\tIssuer:\n");
        else
            addf(o, "error: get_issuer_dn: %s\n", gnutls_strerror(r));
    }
    addf(o, "\tValidity:\n\t\tNot Before: ");
    add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnutls_x509_crt_get_activation_time(cert));
    addf(o, "\n\t\tNot After: ");
    add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnutls_x509_crt_get_expiration_time(cert));
    addf(o, "\n");
    int r = gnutls_x509_crt_get_dn3(cert, &d, 0);
    if (r == 0) {
        addf(o, "\tSubject: %s\n", (char *)d.data);
        gnutls_free(d.data);
    } else if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        addf(o, "\tSubject:\n");
    else
        addf(o, "error: get_dn: %s\n", gnutls_strerror(r));
    print_key(o, X509_get0_pubkey(cert->x509), numbers, "Subject Public Key Algorithm");
    for (int u = 0; u < 2; u++) {
        gnutls_datum_t id = cert->uid[u]; /* set but not yet signed in */
        if (id.data == NULL) {
            const ASN1_BIT_STRING *uids[2] = {NULL, NULL};
            X509_get0_uids(cert->x509, &uids[0], &uids[1]);
            if (uids[u] == NULL)
                continue;
            id.data = (unsigned char *)ASN1_STRING_get0_data(uids[u]);
            id.size = (unsigned)ASN1_STRING_length(uids[u]);
        }
        addf(o, "\t%s Unique ID:\n", u ? "Subject" : "Issuer");
        add_hexdump(o, id.data, id.size, "\t\t\t");
    }

    int next = X509_get_ext_count(cert->x509);
    if (next > 0) {
        addf(o, "\tExtensions:\n");
        unsigned bc_seen = 0;
        for (int i = 0; i < next; i++) {
            X509_EXTENSION *e = X509_get_ext(cert->x509, i);
            if (OBJ_obj2nid(X509_EXTENSION_get_object(e)) == NID_basic_constraints && bc_seen++)
                addf(o, "warning: more than one basic constraint\n");
            print_ext(o, cert, e);
        }
    }
    if (signed_part) {
        int broken = 0;
        const char *sn = sign_name((gnutls_sign_algorithm_t)gnutls_x509_crt_get_signature_algorithm(cert), &broken);
        addf(o, "\tSignature Algorithm: %s\n", sn ? sn : "unknown");
        if (broken)
            addf(o, "warning: signed using a broken signature algorithm that can be forged.\n");
        int salt = pss_salt(cert);
        if (salt >= 0)
            addf(o, "\t\tSalt Length: %d\n", salt);
        const ASN1_BIT_STRING *sig = NULL;
        X509_get0_signature(&sig, NULL, cert->x509);
        addf(o, "\tSignature:\n");
        add_hexdump(o, ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig), "\t\t");
    }
    addf(o, "Other Information:\n");
    if (signed_part) {
        addf(o, "\tFingerprint:\n");
        add_ids(o, "\t\t", crt_fingerprint, cert, GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA256);
    }
    print_keyids(o, cert);
}

/* What GnuTLS prints for a certificate object that holds nothing: every
 * getter fails and says so. */
static void print_empty(struct out *o, gnutls_x509_crt_t cert, gnutls_certificate_print_formats_t format)
{
    const char *why = gnutls_strerror(GNOSSL_EMPTY_CRT_ERR(cert));
    if (format == GNUTLS_CRT_PRINT_ONELINE || format == GNUTLS_CRT_PRINT_COMPACT) {
        addf(o, "no subject,no issuer,unknown key 0 bits, signed using unknown, activated `");
        add_time_raw(o, (time_t)-1);
        addf(o, "', expires `");
        add_time_raw(o, (time_t)-1);
        addf(o, "', ");
        if (format == GNUTLS_CRT_PRINT_COMPACT)
            addf(o, "\n");
        return;
    }
    int signed_part = format != GNUTLS_CRT_PRINT_UNSIGNED_FULL;
    addf(o, "X.509 Certificate Information:\n\tVersion: 1\nerror: get_serial: %s\n", why);
    if (signed_part)
        addf(o, "\tIssuer:\n");
    addf(o, "\tValidity:\n\t\tNot Before: unknown\n\t\tNot After: unknown\n\tSubject:\n");
    if (signed_part)
        addf(o, "\tSignature Algorithm: unknown\nerror: get_signature: %s\n", why);
    addf(o, "Other Information:\n");
    if (signed_part)
        addf(o, "\tFingerprint:\nerror: get_fingerprint: %s\n", why);
}

int gnutls_x509_crt_print(gnutls_x509_crt_t cert, gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct out o = {0};
    if (cert == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (cert->x509 == NULL)
        print_empty(&o, cert, format);
    else if (format == GNUTLS_CRT_PRINT_ONELINE)
        print_oneline(&o, cert);
    else if (format == GNUTLS_CRT_PRINT_COMPACT) {
        print_oneline(&o, cert);
        addf(&o, "\n");
        print_keyids(&o, cert);
    } else
        print_full(&o, cert, format);
    return out_done(&o, out);
}

/* GnuTLS's key usage flags in bit-string order (digitalSignature first). */
static const unsigned ku_flags[] = {GNUTLS_KEY_DIGITAL_SIGNATURE, GNUTLS_KEY_NON_REPUDIATION,
                                    GNUTLS_KEY_KEY_ENCIPHERMENT,  GNUTLS_KEY_DATA_ENCIPHERMENT,
                                    GNUTLS_KEY_KEY_AGREEMENT,     GNUTLS_KEY_KEY_CERT_SIGN,
                                    GNUTLS_KEY_CRL_SIGN,          GNUTLS_KEY_ENCIPHER_ONLY,
                                    GNUTLS_KEY_DECIPHER_ONLY};

int gnutls_pubkey_print(gnutls_pubkey_t pubkey, gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct out o = {0};
    if (pubkey == NULL || pubkey->pkey == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    addf(&o, "Public Key Information:\n");
    print_key(&o, pubkey->pkey, format == GNUTLS_CRT_PRINT_FULL_NUMBERS, "Public Key Algorithm");
    addf(&o, "\n");
    if (pubkey->key_usage)
        addf(&o, "Public Key Usage:\n");
    for (size_t i = 0; i < sizeof ku_flags / sizeof ku_flags[0]; i++)
        if (pubkey->key_usage & ku_flags[i])
            addf(&o, "\t%s\n", ku_names[i]);
    addf(&o, "Public Key ID:\n");
    add_ids(&o, "\t", spki_key_id, pubkey->pkey, GNUTLS_KEYID_USE_SHA1, GNUTLS_KEYID_USE_SHA256);
    addf(&o, "Public Key PIN:\n\tpin-sha256:");
    add_pin(&o, pubkey->pkey);
    addf(&o, "\n");
    return out_done(&o, out);
}

/* ---- CRLs ---- */

static void print_crl(struct out *o, gnutls_x509_crl_t crl, gnutls_certificate_print_formats_t format)
{
    X509_CRL *c = crl->crl;
    addf(o, "X.509 Certificate Revocation List Information:\n");
    addf(o, "\tVersion: %d\n", (int)X509_CRL_get_version(c) + 1);
    if (format != GNUTLS_CRT_PRINT_UNSIGNED_FULL) {
        gnutls_datum_t dn;
        if (gnossl_dn_to_string(X509_CRL_get_issuer(c), 0, &dn) == 0) {
            addf(o, "\tIssuer: %s\n", (char *)dn.data);
            gnutls_free(dn.data);
        }
    }
    addf(o, "\tUpdate dates:\n\t\tIssued: ");
    add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnutls_x509_crl_get_this_update(crl));
    addf(o, "\n\t\tNext at: ");
    add_time(o, "%a %b %d %H:%M:%S UTC %Y", gnutls_x509_crl_get_next_update(crl));
    addf(o, "\n");
    int n = X509_CRL_get_ext_count(c);
    if (n > 0)
        addf(o, "\tExtensions:\n");
    for (int i = 0; i < n; i++) {
        X509_EXTENSION *ext = X509_CRL_get_ext(c, i);
        char oid[128];
        gnossl_oid_text(X509_EXTENSION_get_object(ext), oid, sizeof oid);
        int nid = OBJ_txt2nid(oid);
        const char *cr = crit_str(ext);
        if (nid == NID_crl_number) {
            ASN1_INTEGER *num = X509V3_EXT_d2i(ext);
            if (num) {
                char prefix[64];
                snprintf(prefix, sizeof prefix, "\t\tCRL Number (%s): ", cr);
                add_int_line(o, prefix, num);
                ASN1_INTEGER_free(num);
                continue;
            }
        } else if (nid == NID_authority_key_identifier) {
            AUTHORITY_KEYID *ak = X509V3_EXT_d2i(ext);
            if (ak && ak->keyid) {
                addf(o, "\t\tAuthority Key Identifier (%s):\n\t\t\t", cr);
                add_hex(o, ASN1_STRING_get0_data(ak->keyid), (size_t)ASN1_STRING_length(ak->keyid));
                addf(o, "\n");
                AUTHORITY_KEYID_free(ak);
                continue;
            }
            AUTHORITY_KEYID_free(ak);
        }
        print_unknown_ext(o, ext, oid);
    }
    STACK_OF(X509_REVOKED) *rs = X509_CRL_get_REVOKED(c);
    int nr = rs ? sk_X509_REVOKED_num(rs) : 0;
    if (nr > 0)
        addf(o, "\tRevoked certificates (%d):\n", nr);
    else
        addf(o, "\tNo revoked certificates.\n");
    for (int i = 0; i < nr; i++) {
        unsigned char serial[128];
        size_t sz = sizeof serial;
        time_t t;
        if (gnutls_x509_crl_get_crt_serial(crl, (unsigned)i, serial, &sz, &t) < 0)
            continue;
        addf(o, "\t\tSerial Number (hex): ");
        add_hex(o, serial, sz);
        addf(o, "\n\t\tRevoked at: ");
        add_time(o, "%a %b %d %H:%M:%S UTC %Y", t);
        addf(o, "\n");
    }
    if (format != GNUTLS_CRT_PRINT_UNSIGNED_FULL) {
        const ASN1_BIT_STRING *sig = NULL;
        const X509_ALGOR *alg = NULL;
        X509_CRL_get0_signature(c, &sig, &alg);
        int broken = 0;
        const char *sn = sign_name(gnossl_sign_from_algor(alg), &broken);
        addf(o, "\tSignature Algorithm: %s\n", sn ? sn : "unknown");
        if (broken)
            addf(o, "warning: signed using a broken signature algorithm that can be forged.\n");
        addf(o, "\tSignature:\n");
        if (sig)
            add_hexdump(o, ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig), "\t\t");
    }
}

int gnutls_x509_crl_print(gnutls_x509_crl_t crl, gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct out o = {0};
    if (crl == NULL || crl->crl == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    print_crl(&o, crl, format);
    return out_done(&o, out);
}

int gnutls_x509_ext_print(gnutls_x509_ext_st *exts, unsigned int exts_size, gnutls_certificate_print_formats_t format,
                          gnutls_datum_t *out)
{
    (void)format;
    struct out o = {0};
    unsigned bc_seen = 0;
    if (out == NULL || (exts == NULL && exts_size))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    for (unsigned i = 0; i < exts_size; i++) {
        ASN1_OBJECT *obj = exts[i].oid ? OBJ_txt2obj(exts[i].oid, 1) : NULL;
        ASN1_OCTET_STRING *os = ASN1_OCTET_STRING_new();
        X509_EXTENSION *ext = NULL;
        if (obj && os && ASN1_OCTET_STRING_set(os, exts[i].data.data, (int)exts[i].data.size))
            ext = X509_EXTENSION_create_by_OBJ(NULL, obj, exts[i].critical != 0, os);
        ASN1_OBJECT_free(obj);
        ASN1_OCTET_STRING_free(os);
        ERR_clear_error();
        if (ext == NULL) {
            gnutls_free(o.p);
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        /* GnuTLS warns about a repeated basic constraints extension */
        if (OBJ_obj2nid(X509_EXTENSION_get_object(ext)) == NID_basic_constraints && bc_seen++)
            addf(&o, "warning: more than one basic constraint\n");
        print_ext(&o, NULL, ext);
        X509_EXTENSION_free(ext);
    }
    return out_done(&o, out);
}
