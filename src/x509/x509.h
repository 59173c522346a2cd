/* Internal interface of the x509 room: the handle structs behind
 * gnutls_x509_crt_t, gnutls_pubkey_t, ... and helpers the other rooms may
 * use (src/cred builds credentials from these handles). */
#ifndef GNOSSL_X509_H
#define GNOSSL_X509_H

#include "gnossl.h"
#include <openssl/x509.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

struct gnutls_x509_crt_int {
    X509 *x509;          /* the parsed certificate, owned */
    gnutls_datum_t der;  /* its DER encoding as imported, owned */
    unsigned flags;      /* gnutls_x509_crt_set_flags() */
    gnutls_pin_callback_t pin_fn; /* recorded for URL/token objects */
    void *pin_data;
    int import_failed;   /* empty after a failed import (GnuTLS's errors differ) */
    int dirty;           /* changed by a setter: `der` must be re-encoded */
    gnutls_datum_t uid[2]; /* issuer/subject unique IDs to write when signing */
};

/* Put the pending unique IDs into a signed certificate's X509 (crt-uid.c);
 * the caller signs again. */
int gnossl_crt_insert_uids(gnutls_x509_crt_t c);

/* The error GnuTLS gives for a field of a certificate that holds none:
 * never imported, or left empty by a failed import. */
#define GNOSSL_EMPTY_CRT_ERR(c) ((c)->import_failed ? GNUTLS_E_ASN1_ELEMENT_NOT_FOUND : GNUTLS_E_ASN1_VALUE_NOT_FOUND)

struct gnutls_pubkey_st {
    EVP_PKEY *pkey;      /* owned */
    unsigned key_usage;  /* GNUTLS_KEY_* copied from the certificate */
    gnutls_pk_algorithm_t pk;
    unsigned bits;
};

struct gnutls_x509_privkey_int {
    EVP_PKEY *pkey;      /* owned */
    gnutls_pin_callback_t pin_fn; /* password source for encrypted imports */
    void *pin_data;
    unsigned flags;
    int ec_no_params;    /* EC key read from an ECPrivateKey without its curve:
                          * GnuTLS writes it back the same way */
    int has_spki;        /* RSA-PSS restrictions set by gnutls_x509_privkey_set_spki */
    struct {
        gnutls_digest_algorithm_t dig;
        unsigned salt_size;
    } spki;
};

struct gnutls_privkey_st {
    EVP_PKEY *pkey;      /* owned (a reference) */
    gnutls_pin_callback_t pin_fn;
    void *pin_data;
    gnutls_x509_privkey_t x509; /* set when imported from one, maybe owned */
    unsigned owns_x509;
    unsigned flags;
    struct gnossl_privkey_ext *ext; /* callbacks of gnutls_privkey_import_ext*
                                     * (pkey is NULL then): privkey-ext.c */
};

struct gnutls_x509_spki_st {
    gnutls_pk_algorithm_t pk;       /* GNUTLS_PK_RSA_PSS when parameters are set */
    gnutls_digest_algorithm_t dig;
    unsigned salt_size;
};

struct gnutls_x509_crl_int {
    X509_CRL *crl;
    gnutls_datum_t der;
    int dirty;           /* changed by a setter: `der` must be re-encoded */
};

/* Re-encode a CRL's `der` after setters (crl-write.c). */
int gnossl_crl_sync(gnutls_x509_crl_t crl);

struct gnutls_x509_trust_list_st {
    X509_STORE *store;          /* trust anchors and CRLs, for X509_verify_cert */
    gnutls_x509_crt_t *cas;     /* the anchors, in insertion order */
    unsigned char *cas_ours;    /* 1: loaded by us, freed even by deinit(list, 0) */
    size_t ncas;
    gnutls_x509_crl_t *crls;    /* owned */
    size_t ncrls;
    gnutls_x509_trust_list_getissuer_function *getissuer;
    void *ptr;
    unsigned size;              /* GnuTLS's hash table size: fixes iteration order */
    X509 **distrusted;          /* removed with remove_cas: never trusted again */
    size_t ndistrusted;
};

/* ---- helpers (x509-common.c) ---- */

/* Size-query protocol of GnuTLS: copy `len` bytes into buf when *size is
 * large enough (and buf is not NULL), always write the needed size back. */
int gnossl_copy_out(void *buf, size_t *size, const void *data, size_t len);
/* The same for a NUL-terminated string: needs len+1, reports len on success. */
int gnossl_copy_str(char *buf, size_t *size, const char *s, size_t len);
/* The same for an INTEGER's content octets (two's complement as encoded),
 * which GnuTLS hands out for serials and CRL numbers. */
int gnossl_copy_int_content(const ASN1_INTEGER *i, void *buf, size_t *size);
/* Allocate with gnutls_malloc and copy into a datum (NUL-terminated). */
int gnossl_datum_set(gnutls_datum_t *d, const void *data, size_t len);
/* Base64-armour DER with "-----BEGIN label-----" as GnuTLS writes it. */
int gnossl_pem_encode(const char *label, const unsigned char *der, size_t len, gnutls_datum_t *out);
/* Find the first PEM block of any of `labels` (NULL terminated) at or
 * after *pos in data and decode it; *pos advances past it.  Returns
 * GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when none is left. */
int gnossl_pem_decode_next(const gnutls_datum_t *data, size_t *pos, const char *const *labels,
                           gnutls_datum_t *der);
/* Export DER in the requested format under the size protocol / allocated. */
int gnossl_export_fmt(const char *label, const unsigned char *der, size_t len,
                      gnutls_x509_crt_fmt_t fmt, void *out, size_t *out_size);
int gnossl_export_fmt2(const char *label, const unsigned char *der, size_t len,
                       gnutls_x509_crt_fmt_t fmt, gnutls_datum_t *out);

/* GnuTLS public-key algorithm of an EVP_PKEY, and its size in bits. */
gnutls_pk_algorithm_t gnossl_pkey_algorithm(const EVP_PKEY *pkey);
unsigned gnossl_pkey_bits(const EVP_PKEY *pkey);
gnutls_ecc_curve_t gnossl_pkey_curve(const EVP_PKEY *pkey);
/* GnuTLS signature algorithm of an X509_ALGOR (certificate signature). */
gnutls_sign_algorithm_t gnossl_sign_from_algor(const X509_ALGOR *alg);
/* Key ID as GnuTLS computes it: hash of the SubjectPublicKeyInfo DER. */
int gnossl_spki_key_id(const EVP_PKEY *pkey, unsigned flags, unsigned char *out, size_t *out_size);

/* ---- DN strings (dn.c) ---- */

/* Format a name as GnuTLS does; compat = GNUTLS_X509_DN_FLAG_COMPAT order. */
int gnossl_dn_to_string(const X509_NAME *name, unsigned compat, gnutls_datum_t *out);
/* The value of one attribute, as printed in a DN string (escaped). */
int gnossl_dn_value_string(const X509_NAME_ENTRY *e, gnutls_datum_t *out);
int gnossl_dn_get_by_oid(const X509_NAME *name, const char *oid, unsigned indx, unsigned raw,
                         gnutls_datum_t *out);
int gnossl_dn_get_oid(const X509_NAME *name, unsigned indx, void *oid, size_t *oid_size);
/* UTF-16BE (BMPString) to UTF-8. */
int gnossl_bmp_to_utf8(const unsigned char *in, size_t n, gnutls_datum_t *out);
/* One code point (at most 0x10ffff) as UTF-8; its length (dn.c). */
size_t gnossl_utf8_put(unsigned long c, unsigned char u[4]);
/* Dotted OID text of an ASN1_OBJECT into buf (>= 128 bytes). */
void gnossl_oid_text(const ASN1_OBJECT *obj, char *buf, size_t size);
/* That text through gnossl_copy_str, as the OID getters hand it out (dn.c). */
int gnossl_oid_copy_str(const ASN1_OBJECT *obj, void *buf, size_t *size);
/* Extension getters by index (ext-read.c); e NULL = past the end. */
int gnossl_ext_info_out(const X509_EXTENSION *e, void *oid, size_t *oid_size, unsigned *critical);
int gnossl_ext_data_out(const X509_EXTENSION *e, void *data, size_t *size);
int gnossl_ext_data_datum(const X509_EXTENSION *e, gnutls_datum_t *out);
/* authority_key_gn_serial of certificates and CRLs after decoding the
 * extension (crt-ext-get.c); frees ak. */
int gnossl_aki_gn_serial(AUTHORITY_KEYID *ak, int crit, unsigned seq, void *alt, size_t *alt_size,
                         unsigned *alt_type, void *serial, size_t *serial_size, unsigned *critical);
/* All of an extension (e not NULL) as new datums, for OCSP (ext-read.c). */
int gnossl_ext_datums(const X509_EXTENSION *e, gnutls_datum_t *oid, unsigned *critical, gnutls_datum_t *data);

/* ---- writing names (dn.c, dn-parse.c) ---- */
/* OID of a GnuTLS/LDAP attribute name (case-insensitive), NULL if unknown. */
const char *gnossl_dn_ldap_oid(const char *name, size_t n);
/* Is the text all PrintableString characters? (dn.c) */
int gnossl_printable_ok(const void *data, size_t n);
/* Append one attribute as a new RDN: raw = DER of the value, else text
 * encoded with the string type GnuTLS picks for that attribute. */
int gnossl_name_add(X509_NAME *name, const char *oid, unsigned raw, const void *data, unsigned size);
/* Parse an RFC 4514 string and feed its components, last first, to set. */
typedef int (*gnossl_set_dn_fn)(void *obj, const char *oid, unsigned raw, const void *value, unsigned size);
int gnossl_dn_parse(const char *dn, const char **err, gnossl_set_dn_fn set, void *obj);

/* ---- certificates (crt*.c) ---- */
/* The X509 of a certificate being built (created on first use); marks
 * the cached DER stale.  NULL on allocation failure. */
X509 *gnossl_crt_wx(gnutls_x509_crt_t c);
/* Add or replace (in place) an extension; makes the certificate v3. */
int gnossl_crt_put_ext(gnutls_x509_crt_t c, int nid, void *value, int critical);
int gnossl_crt_put_raw_ext(gnutls_x509_crt_t c, const char *oid, const void *der, size_t len, int critical);
/* A GeneralName of a GnuTLS SAN type (DNS, e-mail, URI, IP, DN as DER);
 * NULL for other types or bad data. */
GENERAL_NAME *gnossl_make_gn(gnutls_x509_subject_alt_name_t type, const void *data, unsigned size);
/* A GeneralName for the alternative-name setters, as GnuTLS writes them
 * (incl. XMPP/Kerberos virtual types, registered IDs); GnuTLS's error
 * codes for types it refuses there (san-write.c). */
int gnossl_san_make(unsigned type, const void *data, unsigned size, GENERAL_NAME **out);
/* An otherName GeneralName for crt and crq othername setters (san-write.c). */
int gnossl_othername_make(const char *oid, const void *data, unsigned size, unsigned flags, GENERAL_NAME **out);
/* basicConstraints for crt and crq setters: pathlen only for a CA, when >= 0 (crt-write.c). */
BASIC_CONSTRAINTS *gnossl_bc_make(unsigned ca, int pathlen);
/* GnuTLS SAN type of a GeneralName (-1 if none) and its value as GnuTLS
 * returns it (text: NUL-terminated string). */
int gnossl_gn_type(const GENERAL_NAME *gn);
int gnossl_gn_value(const GENERAL_NAME *gn, gnutls_datum_t *out, int *text);
/* The DER value of the indx-th extension with that OID (0 or
 * GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE). */
int gnossl_crt_ext_value(gnutls_x509_crt_t c, const char *oid, unsigned indx, gnutls_datum_t *out,
                         unsigned *critical);

/* Re-encode `der` after setters changed the X509 (crt-write.c). */
int gnossl_crt_sync(gnutls_x509_crt_t c);
/* Wrap an X509 (takes a reference) into a new gnutls_x509_crt_t. */
int gnossl_x509_crt_from_X509(X509 *x, gnutls_x509_crt_t *out);
/* GnuTLS's time of an ASN1_TIME (seconds since the epoch), -1 if bad. */
time_t gnossl_asn1_time_to_time(const ASN1_TIME *t);

/* Subject alternative names of a certificate (caller frees), NULL if none. */
GENERAL_NAMES *gnossl_crt_sans(gnutls_x509_crt_t cert, unsigned *critical);

/* A policy of the certificatePolicies extension as GnuTLS returns it. */
int gnossl_policy_fill(const POLICYINFO *pi, struct gnutls_x509_policy_st *policy);
/* Name constraints (name-constraints.c): DER of the extension value into
 * nc (flags: GNUTLS_NAME_CONSTRAINTS_FLAG_APPEND), nc as OpenSSL's
 * structure, and "address/prefix" text of an address+mask. */
int gnossl_nc_import(const unsigned char *der, size_t len, gnutls_x509_name_constraints_t nc, unsigned flags);
NAME_CONSTRAINTS *gnossl_nc_to_openssl(gnutls_x509_name_constraints_t nc);
int gnossl_cidr_text(const gnutls_datum_t *ipmask, char *out, size_t outsz);
/* TLS features as the extension's SEQUENCE OF INTEGER (caller frees). */
STACK_OF(ASN1_INTEGER) *gnossl_tlsfeatures_stack(gnutls_x509_tlsfeatures_t f);
/* The extension's DER value into f (GNUTLS_EXT_FLAG_APPEND appends). */
int gnossl_tlsfeatures_import(const unsigned char *der, size_t len, gnutls_x509_tlsfeatures_t f, unsigned flags);

/* ---- keys ---- */
/* A BIGNUM parameter as GnuTLS's raw datum (leading zero if top bit set). */
int gnossl_pkey_bn_datum(const EVP_PKEY *pkey, const char *param, gnutls_datum_t *out);
/* EC point coordinates, or the raw key of EdDSA/X25519/X448 (y empty). */
int gnossl_pkey_ecc_raw(const EVP_PKEY *pkey, gnutls_ecc_curve_t *curve, gnutls_datum_t *x, gnutls_datum_t *y);
int gnossl_pubkey_from_pkey(gnutls_pubkey_t key, EVP_PKEY *pkey);
/* verify_params of every key type: 0, or PK_GENERATION_ERROR (pubkey-raw.c). */
int gnossl_pkey_check(EVP_PKEY *pkey, int public_only);
/* Raw key parameters, one copy for the public and private raw imports
 * (pubkey-import-raw.c): a big-endian datum as a BIGNUM (NULL if absent),
 * a key from built parameters (NULL on failure), the OpenSSL type and
 * public length of one-string curves (Ed25519/448, X25519/448), and the
 * uncompressed point of a NIST curve with its group name. */
#define GNOSSL_EC_POINT_MAX (1 + 2 * 66)
BIGNUM *gnossl_bn_of(const gnutls_datum_t *d);
EVP_PKEY *gnossl_pkey_from_bld(const char *type, OSSL_PARAM_BLD *bld, int selection);
const char *gnossl_raw_curve_type(gnutls_ecc_curve_t c, size_t *len);
int gnossl_ec_point_of(gnutls_ecc_curve_t curve, const gnutls_datum_t *x, const gnutls_datum_t *y,
                       unsigned char point[GNOSSL_EC_POINT_MAX], size_t *len, const char **group);

/* Sign data (or, prehashed, its digest) with pkey: PKCS#1 v1.5, or PSS
 * (salt = digest length) when pss or the key is RSA-PSS; raw_tls1 signs
 * the bytes with PKCS#1 padding and no DigestInfo. */
int gnossl_pkey_sign(EVP_PKEY *pkey, gnutls_digest_algorithm_t dig, int pss, int prehashed, int raw_tls1,
                     const gnutls_datum_t *data, gnutls_datum_t *sig);

/* RSA-PSS restrictions of a key (spki.c): 0 and filled in, or
 * GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE for keys without any. */
int gnossl_pkey_get_spki(const EVP_PKEY *pkey, struct gnutls_x509_spki_st *spki);
/* i2d_PUBKEY, except that RSA-PSS parameters are encoded as GnuTLS does
 * (hash identifiers without NULL parameters). */
int gnossl_i2d_pubkey(const EVP_PKEY *pkey, unsigned char **der);

/* ---- external keys (privkey-ext.c) ---- */
/* An abstract key whose operations are the application's callbacks. */
void gnossl_privkey_ext_free(gnutls_privkey_t key);
gnutls_pk_algorithm_t gnossl_privkey_ext_pk(gnutls_privkey_t key, unsigned *bits);
/* Sign through the callbacks: data (hashed here unless is_hash) with the
 * signature algorithm `algo`, or, when algo is GNUTLS_SIGN_UNKNOWN, with
 * the key's algorithm and `dig` (RSA: PKCS#1 v1.5 DigestInfo; tls1_rsa:
 * the raw bytes, PKCS#1 padded). */
int gnossl_privkey_ext_sign(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, gnutls_digest_algorithm_t dig,
                            unsigned flags, int is_hash, const gnutls_datum_t *data, gnutls_datum_t *sig);
int gnossl_privkey_ext_decrypt(gnutls_privkey_t key, const gnutls_datum_t *ct, gnutls_datum_t *pt);
/* May it sign with algo in TLS, as GnuTLS judges (info callback, else no
 * RSA-PSS); can it sign in TLS 1.3 at all? */
int gnossl_privkey_ext_can_sign(gnutls_privkey_t key, gnutls_sign_algorithm_t algo);
int gnossl_privkey_ext_tls13_ok(gnutls_privkey_t key);
/* For libssl: an EVP_PKEY with pub's public half (RSA or EC) whose
 * signatures are made by the external key's callbacks, through a private
 * provider (privkey-ext-prov.c); NULL if the key is not external or pub is
 * neither.  It points at key: free it first. */
EVP_PKEY *gnossl_privkey_ext_evp(gnutls_privkey_t key, EVP_PKEY *pub);
/* The same, but it owns key: freeing it deinitialises key. */
EVP_PKEY *gnossl_privkey_ext_evp_own(gnutls_privkey_t key, EVP_PKEY *pub);
/* The GnuTLS code of this thread's last failed signature through such an
 * EVP_PKEY (0 if none), cleared by the call (privkey-ext-sig.c). */
int gnossl_privkey_ext_take_error(void);

/* ---- trust lists (trust-list.c) ---- */
/* The X509_STORE behind a trust list (CAs and CRLs added so far); the
 * list keeps ownership. */
X509_STORE *gnossl_trust_list_store(gnutls_x509_trust_list_t tl);
/* Give the list a handle for every certificate and CRL its store holds
 * without one (objects the credentials sharing the store added). */
int gnossl_trust_list_sync(gnutls_x509_trust_list_t tl);
/* Whether one of the n certificates was removed from the list (GnuTLS
 * then reports the chain REVOKED, whatever else it holds). */
int gnossl_trust_list_distrusts(gnutls_x509_trust_list_t tl, X509 *const *certs, unsigned n);
/* GnuTLS's hash bucket of a DN in a trust list (anchors are filed by
 * subject, looked up by the issuer of the certificate at hand). */
size_t gnossl_tl_bucket(gnutls_x509_trust_list_t list, const X509_NAME *name);
/* The same for a table of `size` buckets; GnuTLS's lists (and the
 * credentials' one) have GNOSSL_TL_DEFAULT_SIZE unless told otherwise. */
#define GNOSSL_TL_DEFAULT_SIZE 127
size_t gnossl_dn_bucket(const X509_NAME *name, size_t size);
/* The anchors filed in the bucket of `name`, in insertion order (at most max). */
unsigned gnossl_tl_bucket_cas(gnutls_x509_trust_list_t list, const X509_NAME *name, gnutls_x509_crt_t *out,
                              unsigned max);
/* Names equal as GnuTLS compares them: same DER, or same RFC 4514 string
 * (string types may differ, case may not); dn-compare.c. */
int gnossl_dn_equal(const X509_NAME *a, const X509_NAME *b);
int gnossl_dn_equal_der(const gnutls_datum_t *der, const X509_NAME *b);
/* GnuTLS's test that issuer issued cert (gnutls_x509_crt_check_issuer):
 * names equal as above; the authority key ID of cert, when both it and
 * the subject key ID of issuer are there, equal to it.  No signature. */
int gnossl_x509_is_issuer(X509 *cert, X509 *issuer);
/* A new X509_STORE whose chain building takes an issuer only where GnuTLS
 * would: names equal as above and, with buckets > 0, a trusted issuer only
 * in the bucket of the name (GnuTLS's table of that many buckets). */
X509_STORE *gnossl_store_new(size_t buckets);
/* GnuTLS's chain verification against a trust list (verify-walk.c):
 * status bits, each step reported to func. */
unsigned gnossl_walk_verify(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n, unsigned flags,
                            const char *purpose, gnutls_verify_output_function func);

/* ---- signature checks (sign.c) ---- */
/* Is a verified signature of algorithm algo acceptable under the verify
 * flags?  Insecure ones (MD5, MD2) only with GNUTLS_VERIFY_ALLOW_BROKEN or
 * the matching ALLOW_SIGN_* flag, as GnuTLS's data verification has it. */
int gnossl_sig_allowed(gnutls_sign_algorithm_t algo, unsigned flags);
/* The EVP_MD to sign a certificate, request or CRL with for dig (SHA-256
 * for GNUTLS_DIG_UNKNOWN, NULL for EdDSA keys); UNKNOWN_HASH_ALGORITHM. */
int gnossl_sign_md(EVP_PKEY *key, gnutls_digest_algorithm_t dig, const EVP_MD **md);

/* GnuTLS's status bit for an X509_V_ERR_* (verify.c); 0 if none. */
unsigned gnossl_verify_err_bits(int err);

#endif
