/* Private helpers of the OCSP / PKCS#7 / PKCS#12 / CRQ files of the x509
 * room (ocsp*.c, pkcs7*.c, pkcs12*.c, crq*.c). */
#ifndef GNOSSL_X509_PKCS_INT_H
#define GNOSSL_X509_PKCS_INT_H

#include "gnossl.h"
#include "x509/x509.h"
#include <openssl/ocsp.h>

struct gnutls_ocsp_resp_int {
    OCSP_RESPONSE *resp;     /* owned, NULL until imported */
    OCSP_BASICRESP *basic;   /* decoded responseBytes, NULL if none */
    gnutls_datum_t der;      /* the response as imported */
};

struct gnutls_ocsp_req_int {
    OCSP_REQUEST *req;       /* owned */
};

struct gnutls_x509_crq_int {
    X509_REQ *req;           /* owned, NULL until imported or generated */
};

/* The contents octets of a DER TLV (skips tag and length); NULL if bad. */
const unsigned char *gnossl_der_body(const unsigned char *der, size_t len, size_t *body_len);
/* DER contents of an ASN1_INTEGER (sign byte kept) into a new datum. */
int gnossl_asn1_int_datum(const ASN1_INTEGER *i, gnutls_datum_t *out);
/* An OCSP CertID's digest, name and key hashes and serial, as requests and
 * responses both report them (ocsp-req.c); any output may be NULL. */
int gnossl_ocsp_certid_out(const OCSP_CERTID *cid, gnutls_digest_algorithm_t *digest,
                           gnutls_datum_t *issuer_name_hash, gnutls_datum_t *issuer_key_hash,
                           gnutls_datum_t *serial_number);
/* The version field (explicit [0] INTEGER at the start of a DER
 * SEQUENCE) + 1, or 1 when absent. */
int gnossl_der_seq_version(const unsigned char *der, size_t len);
/* Append formatted text to a growing gnutls_malloc'd buffer. */
struct gnossl_buf {
    char *p;
    size_t len, cap;
    int err;
};
void gnossl_buf_printf(struct gnossl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gnossl_buf_hex(struct gnossl_buf *b, const unsigned char *d, size_t n);
/* Colon-separated hexdump, 16 bytes a line, each line prefixed by spc. */
void gnossl_buf_hexdump(struct gnossl_buf *b, const unsigned char *d, size_t n, const char *spc);
/* Hand the text over to out (NUL-terminated, size without NUL). */
int gnossl_buf_finish(struct gnossl_buf *b, gnutls_datum_t *out);
/* "%a %b %d %H:%M:%S UTC %Y" of t (GnuTLS's print format). */
void gnossl_buf_time(struct gnossl_buf *b, const char *fmt_prefix, time_t t, const char *errname);

/* ---- PKCS#12 (pkcs12*.c) ---- */
#include <openssl/pkcs12.h>

#define GNOSSL_MAX_BAG_ELEMENTS 32

struct gnutls_pkcs12_int {
    PKCS12 *p12;         /* NULL until imported or a bag is added */
    gnutls_datum_t der;  /* its encoding, kept in step with p12 */
    int built;           /* made by set_bag, not imported: GnuTLS reports a
                          * missing MAC differently */
};

struct gnossl_bag_element {
    gnutls_pkcs12_bag_type_t type;
    gnutls_datum_t data;   /* for GNUTLS_BAG_ENCRYPTED the EncryptedData DER */
    char *name;            /* UTF-8 friendly name or NULL */
    gnutls_datum_t key_id; /* empty when absent */
};

struct gnutls_pkcs12_bag_int {
    struct gnossl_bag_element e[GNOSSL_MAX_BAG_ELEMENTS];
    unsigned n;
    PKCS7 *enc;            /* the encrypted ContentInfo while encrypted */
};

/* Frees every element (and the encrypted form) of a bag. */
void gnossl_bag_clear(gnutls_pkcs12_bag_t bag);
/* Re-encode pkcs12->der from pkcs12->p12 after a change. */
int gnossl_pkcs12_sync(gnutls_pkcs12_t pkcs12);

/* ---- password-based encryption schemas (pkcs8-info.c) ---- */
struct gnossl_pkcs_schema {
    unsigned flag;         /* GNUTLS_PKCS_* */
    const char *name;      /* gnutls_pkcs_schema_get_name */
    const char *oid;       /* gnutls_pkcs_schema_get_oid: the cipher's (PBES2) or the scheme's */
    gnutls_cipher_algorithm_t cipher;
    int pbes2;
    int nid;               /* OpenSSL NID of the cipher (PBES2) or of the PBE algorithm */
    int decrypt_only;      /* never written */
};
struct gnossl_pbe_info {
    const struct gnossl_pkcs_schema *schema;
    unsigned char salt[64];
    unsigned salt_size;
    unsigned iter;
};
const struct gnossl_pkcs_schema *gnossl_pkcs_schema_by_flag(unsigned flags);
const struct gnossl_pkcs_schema *gnossl_pkcs_schema_for_write(unsigned flags);
/* Schema, salt and iterations of an encryption AlgorithmIdentifier; *oid
 * (if oid) gets its OID even when the schema is unknown
 * (GNUTLS_E_UNKNOWN_CIPHER_TYPE). */
int gnossl_pkcs_algor_info(const X509_ALGOR *alg, struct gnossl_pbe_info *info, char **oid);
/* Copy out under GnuTLS's rules (salt size protocol). */
int gnossl_pbe_info_out(const struct gnossl_pbe_info *info, unsigned *schema, unsigned *cipher, void *salt,
                        unsigned *salt_size, unsigned *iter_count);
/* A fresh AlgorithmIdentifier for schema s (random salt), NULL if s is
 * decrypt-only or unavailable. */
X509_ALGOR *gnossl_pkcs_algor_new(const struct gnossl_pkcs_schema *s, unsigned iter);
/* Encrypt a PrivateKeyInfo as GnuTLS's PKCS#8 export does: the schema
 * gnossl_pkcs_schema_for_write(flags) picks, GnuTLS's salt sizes and
 * iteration count (for gnutls_x509_privkey_export*_pkcs8). */
int gnossl_pkcs8_encrypt(PKCS8_PRIV_KEY_INFO *p8, const char *password, unsigned flags, X509_SIG **out);
/* The iteration counts GnuTLS 3.7.9 accepts in the PBE parameters of an
 * encrypted PKCS#12 bag or PKCS#8 key: 1 .. 10*1024*1024-1.  0 and larger
 * counts are GNUTLS_E_ILLEGAL_PARAMETER, a count longer than 4 bytes an
 * ASN1_DER_ERROR, before any key derivation: a hostile file cannot make
 * one decryption run for minutes.  (GnuTLS has no such limit for the
 * PKCS#12 MAC, and neither has gnossl.) */
#define GNOSSL_PBE_MAX_ITER (10u * 1024 * 1024)
/* GnuTLS's iteration count for PBKDF2 / PKCS#12 KDF and MACs. */
#define GNOSSL_PKCS_ITER 600000
/* A private library context with OpenSSL's default and legacy providers,
 * for the PKCS#12 PBE ciphers (RC2-40, RC4, DES) that only the legacy
 * provider has, without touching the application's default context.
 * NULL (the default context) if the legacy provider cannot be loaded. */
OSSL_LIB_CTX *gnossl_pkcs_libctx(void);

/* ---- PKCS#7 (pkcs7*.c) ---- */
#include <openssl/cms.h>
#include <openssl/pkcs7.h>

/* A structure is held as OpenSSL's PKCS7, or, when imported DER needs what
 * only CMS can represent (signers identified by subjectKeyIdentifier), as
 * a CMS_ContentInfo: exactly one of p7 and cms is set once imported. */
struct gnutls_pkcs7_int {
    PKCS7 *p7;            /* NULL until imported or built */
    CMS_ContentInfo *cms; /* instead of p7 */
    STACK_OF(X509) *cms_certs;     /* cms's certificates and CRLs, */
    STACK_OF(X509_CRL) *cms_crls;  /* refreshed when cms changes */
    gnutls_datum_t der;   /* as imported */
    int imported;
    int dirty;            /* changed since import: re-encode */
    int pruned;           /* imported or signed: like GnuTLS's decoded
                           * tree, absent certificate/CRL sets cannot be
                           * appended to */
    int unencodable;      /* holds the half-written SignerInfo GnuTLS
                           * leaves after failing GNUTLS_PKCS7_WRITE_SPKI */
    struct gnutls_pkcs7_int *half; /* with cms: such a SignerInfo, counted
                                    * after cms's own (pkcs7-cms-sign.c) */
    char oid[128];
};

/* One SignerInfo, whichever the representation; the attribute stacks are
 * borrowed (for CMS, temporary stacks of borrowed attributes). */
struct gnossl_p7_signer {
    const X509_ALGOR *digest_alg, *sig_alg;
    const ASN1_OCTET_STRING *sig;
    const X509_NAME *issuer;          /* issuerAndSerialNumber, or */
    const ASN1_INTEGER *serial;
    const ASN1_OCTET_STRING *keyid;   /* subjectKeyIdentifier */
    STACK_OF(X509_ATTRIBUTE) *signed_attrs, *unsigned_attrs;
    int own_stacks;
};
/* The idx-th SignerInfo; 0, or GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE. */
int gnossl_pkcs7_signer(gnutls_pkcs7_t pkcs7, unsigned idx, struct gnossl_p7_signer *out);
void gnossl_pkcs7_signer_clear(struct gnossl_p7_signer *s);
/* The encapsulated content type, NULL if none (pkcs7.c). */
const ASN1_OBJECT *gnossl_pkcs7_content_type(gnutls_pkcs7_t pkcs7);
/* The encapsulated content octets, NULL if absent (pkcs7.c). */
const ASN1_OCTET_STRING *gnossl_pkcs7_content(gnutls_pkcs7_t pkcs7);

struct gnutls_pkcs7_attrs_st {
    char *oid;
    gnutls_datum_t data;  /* DER of the (first) value */
    struct gnutls_pkcs7_attrs_st *next;
};

/* GnuTLS's empty SignedData template, made when a structure is first
 * changed without having been imported (pkcs7.c). */
int gnossl_pkcs7_ensure(gnutls_pkcs7_t pkcs7);

/* Into a structure held in CMS (pkcs7-cms-sign.c): gnutls_pkcs7_sign, and
 * a certificate CMS refuses as already there (DER as given). */
int gnossl_pkcs7_cms_sign(gnutls_pkcs7_t pkcs7, gnutls_x509_crt_t signer, gnutls_privkey_t signer_key,
                          const gnutls_datum_t *data, gnutls_pkcs7_attrs_t signed_attrs,
                          gnutls_pkcs7_attrs_t unsigned_attrs, gnutls_digest_algorithm_t dig, unsigned flags);
int gnossl_pkcs7_cms_add_cert(gnutls_pkcs7_t pkcs7, const gnutls_datum_t *crt);

#endif
