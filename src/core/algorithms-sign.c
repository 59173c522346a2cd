/* Signature algorithms as GnuTLS 3.7.9 has them, in its table order (the
 * order gnutls_sign_list reports and gnutls_pk_to_sign searches). */
#include "gnossl.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

enum { INSECURE = 1, INSECURE_FOR_CERTS = 2 };

struct sign_entry {
    gnutls_sign_algorithm_t id;
    const char *name;
    const char *oid;
    gnutls_pk_algorithm_t pk;
    gnutls_digest_algorithm_t hash;
    unsigned char flags;
};

#define SHA3(n) GNUTLS_DIG_SHA3_##n
static const struct sign_entry signs[] = {
    {GNUTLS_SIGN_RSA_SHA256, "RSA-SHA256", "1.2.840.113549.1.1.11", GNUTLS_PK_RSA, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_RSA_SHA384, "RSA-SHA384", "1.2.840.113549.1.1.12", GNUTLS_PK_RSA, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_RSA_SHA512, "RSA-SHA512", "1.2.840.113549.1.1.13", GNUTLS_PK_RSA, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA256, "RSA-PSS-SHA256", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, "RSA-PSS-RSAE-SHA256", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA384, "RSA-PSS-SHA384", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, "RSA-PSS-RSAE-SHA384", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_RSA_PSS_SHA512, "RSA-PSS-SHA512", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, "RSA-PSS-RSAE-SHA512", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_EDDSA_ED25519, "EdDSA-Ed25519", "1.3.101.112", GNUTLS_PK_EDDSA_ED25519, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_EDDSA_ED448, "EdDSA-Ed448", "1.3.101.113", GNUTLS_PK_EDDSA_ED448, GNUTLS_DIG_SHAKE_256, 0},
    {GNUTLS_SIGN_ECDSA_SHA256, "ECDSA-SHA256", "1.2.840.10045.4.3.2", GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_ECDSA_SHA384, "ECDSA-SHA384", "1.2.840.10045.4.3.3", GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_ECDSA_SHA512, "ECDSA-SHA512", "1.2.840.10045.4.3.4", GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, "ECDSA-SECP256R1-SHA256", NULL, GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, "ECDSA-SECP384R1-SHA384", NULL, GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, "ECDSA-SECP521R1-SHA512", NULL, GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA512, 0},
    {GNUTLS_SIGN_ECDSA_SHA3_224, "ECDSA-SHA3-224", "2.16.840.1.101.3.4.3.9", GNUTLS_PK_ECDSA, SHA3(224), 0},
    {GNUTLS_SIGN_ECDSA_SHA3_256, "ECDSA-SHA3-256", "2.16.840.1.101.3.4.3.10", GNUTLS_PK_ECDSA, SHA3(256), 0},
    {GNUTLS_SIGN_ECDSA_SHA3_384, "ECDSA-SHA3-384", "2.16.840.1.101.3.4.3.11", GNUTLS_PK_ECDSA, SHA3(384), 0},
    {GNUTLS_SIGN_ECDSA_SHA3_512, "ECDSA-SHA3-512", "2.16.840.1.101.3.4.3.12", GNUTLS_PK_ECDSA, SHA3(512), 0},
    {GNUTLS_SIGN_RSA_SHA3_224, "RSA-SHA3-224", "2.16.840.1.101.3.4.3.13", GNUTLS_PK_RSA, SHA3(224), 0},
    {GNUTLS_SIGN_RSA_SHA3_256, "RSA-SHA3-256", "2.16.840.1.101.3.4.3.14", GNUTLS_PK_RSA, SHA3(256), 0},
    {GNUTLS_SIGN_RSA_SHA3_384, "RSA-SHA3-384", "2.16.840.1.101.3.4.3.15", GNUTLS_PK_RSA, SHA3(384), 0},
    {GNUTLS_SIGN_RSA_SHA3_512, "RSA-SHA3-512", "2.16.840.1.101.3.4.3.16", GNUTLS_PK_RSA, SHA3(512), 0},
    {GNUTLS_SIGN_DSA_SHA3_224, "DSA-SHA3-224", "2.16.840.1.101.3.4.3.5", GNUTLS_PK_DSA, SHA3(224), 0},
    {GNUTLS_SIGN_DSA_SHA3_256, "DSA-SHA3-256", "2.16.840.1.101.3.4.3.6", GNUTLS_PK_DSA, SHA3(256), 0},
    {GNUTLS_SIGN_DSA_SHA3_384, "DSA-SHA3-384", "2.16.840.1.101.3.4.3.7", GNUTLS_PK_DSA, SHA3(384), 0},
    {GNUTLS_SIGN_DSA_SHA3_512, "DSA-SHA3-512", "2.16.840.1.101.3.4.3.8", GNUTLS_PK_DSA, SHA3(512), 0},
    {GNUTLS_SIGN_RSA_RAW, "RSA-RAW", NULL, GNUTLS_PK_RSA, GNUTLS_DIG_UNKNOWN, 0},
    /* SHA-1 and RIPEMD-160 signatures are accepted except on certificates. */
    {GNUTLS_SIGN_RSA_SHA1, "RSA-SHA1", "1.2.840.113549.1.1.5", GNUTLS_PK_RSA, GNUTLS_DIG_SHA1, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_RSA_SHA1, "RSA-SHA1", "1.3.14.3.2.29", GNUTLS_PK_RSA, GNUTLS_DIG_SHA1, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_RSA_SHA224, "RSA-SHA224", "1.2.840.113549.1.1.14", GNUTLS_PK_RSA, GNUTLS_DIG_SHA224, 0},
    {GNUTLS_SIGN_RSA_RMD160, "RSA-RMD160", "1.3.36.3.3.1.2", GNUTLS_PK_RSA, GNUTLS_DIG_RMD160, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_DSA_SHA1, "DSA-SHA1", "1.2.840.10040.4.3", GNUTLS_PK_DSA, GNUTLS_DIG_SHA1, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_DSA_SHA1, "DSA-SHA1", "1.3.14.3.2.27", GNUTLS_PK_DSA, GNUTLS_DIG_SHA1, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_DSA_SHA224, "DSA-SHA224", "2.16.840.1.101.3.4.3.1", GNUTLS_PK_DSA, GNUTLS_DIG_SHA224, 0},
    {GNUTLS_SIGN_DSA_SHA256, "DSA-SHA256", "2.16.840.1.101.3.4.3.2", GNUTLS_PK_DSA, GNUTLS_DIG_SHA256, 0},
    {GNUTLS_SIGN_RSA_MD5, "RSA-MD5", "1.2.840.113549.1.1.4", GNUTLS_PK_RSA, GNUTLS_DIG_MD5, INSECURE | INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_RSA_MD5, "RSA-MD5", "1.2.840.113549.1.1.4", GNUTLS_PK_RSA, GNUTLS_DIG_MD5, INSECURE | INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_RSA_MD2, "RSA-MD2", "1.2.840.113549.1.1.2", GNUTLS_PK_RSA, GNUTLS_DIG_MD2, INSECURE | INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_ECDSA_SHA1, "ECDSA-SHA1", "1.2.840.10045.4.1", GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA1, INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_ECDSA_SHA224, "ECDSA-SHA224", "1.2.840.10045.4.3.1", GNUTLS_PK_ECDSA, GNUTLS_DIG_SHA224, 0},
    {GNUTLS_SIGN_GOST_512, "GOSTR341012-512", "1.2.643.7.1.1.3.3", GNUTLS_PK_GOST_12_512, GNUTLS_DIG_STREEBOG_512, 0},
    {GNUTLS_SIGN_GOST_256, "GOSTR341012-256", "1.2.643.7.1.1.3.2", GNUTLS_PK_GOST_12_256, GNUTLS_DIG_STREEBOG_256, 0},
    {GNUTLS_SIGN_GOST_94, "GOSTR341001", "1.2.643.2.2.3", GNUTLS_PK_GOST_01, GNUTLS_DIG_GOSTR_94, INSECURE | INSECURE_FOR_CERTS},
    {GNUTLS_SIGN_DSA_SHA384, "DSA-SHA384", "2.16.840.1.101.3.4.3.3", GNUTLS_PK_DSA, GNUTLS_DIG_SHA384, 0},
    {GNUTLS_SIGN_DSA_SHA512, "DSA-SHA512", "2.16.840.1.101.3.4.3.4", GNUTLS_PK_DSA, GNUTLS_DIG_SHA512, 0},
};

#define N_SIGNS (sizeof signs / sizeof signs[0])

static const struct sign_entry *find(gnutls_sign_algorithm_t id)
{
    for (size_t i = 0; i < N_SIGNS; i++)
        if (signs[i].id == id)
            return &signs[i];
    return NULL;
}

const char *gnutls_sign_get_name(gnutls_sign_algorithm_t algorithm)
{
    const struct sign_entry *e = find(algorithm);
    return e != NULL ? e->name : NULL;
}

gnutls_sign_algorithm_t gnutls_sign_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    for (size_t i = 0; i < N_SIGNS; i++)
        if (strcasecmp(signs[i].name, name) == 0)
            return signs[i].id;
    return GNUTLS_SIGN_UNKNOWN;
}

const char *gnutls_sign_get_oid(gnutls_sign_algorithm_t sign)
{
    const struct sign_entry *e = find(sign);
    return e != NULL ? e->oid : NULL;
}

gnutls_sign_algorithm_t gnutls_oid_to_sign(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    for (size_t i = 0; i < N_SIGNS; i++)
        if (signs[i].oid != NULL && strcmp(signs[i].oid, oid) == 0)
            return signs[i].id;
    return GNUTLS_SIGN_UNKNOWN;
}

gnutls_digest_algorithm_t gnutls_sign_get_hash_algorithm(gnutls_sign_algorithm_t sign)
{
    const struct sign_entry *e = find(sign);
    return e != NULL ? e->hash : GNUTLS_DIG_UNKNOWN;
}

gnutls_pk_algorithm_t gnutls_sign_get_pk_algorithm(gnutls_sign_algorithm_t sign)
{
    const struct sign_entry *e = find(sign);
    return e != NULL ? e->pk : GNUTLS_PK_UNKNOWN;
}

unsigned gnutls_sign_is_secure2(gnutls_sign_algorithm_t algorithm, unsigned int flags)
{
    const struct sign_entry *e = find(algorithm);
    if (e == NULL)
        return 0;
    unsigned bad = (flags & GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS) ? INSECURE_FOR_CERTS : INSECURE;
    return (e->flags & bad) == 0;
}

unsigned gnutls_sign_is_secure(gnutls_sign_algorithm_t algorithm)
{
    return gnutls_sign_is_secure2(algorithm, 0);
}

/* RSA-PSS signatures can be made with a plain RSA key as well. */
unsigned gnutls_sign_supports_pk_algorithm(gnutls_sign_algorithm_t sign, gnutls_pk_algorithm_t pk)
{
    const struct sign_entry *e = find(sign);
    if (e == NULL || pk == GNUTLS_PK_UNKNOWN)
        return 0;
    return e->pk == pk || (e->pk == GNUTLS_PK_RSA_PSS && pk == GNUTLS_PK_RSA);
}

gnutls_sign_algorithm_t gnutls_pk_to_sign(gnutls_pk_algorithm_t pk, gnutls_digest_algorithm_t hash)
{
    for (size_t i = 0; i < N_SIGNS; i++)
        if (signs[i].pk == pk && signs[i].hash == hash)
            return signs[i].id;
    return GNUTLS_SIGN_UNKNOWN;
}

/* The list repeats ids that have two table entries, as GnuTLS's does.
 * Deliberate difference: the GOST signatures, which OpenSSL lacks, are
 * left out. */
static gnutls_sign_algorithm_t sign_list[N_SIGNS + 1];
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static void build_list(void)
{
    size_t n = 0;
    for (size_t i = 0; i < N_SIGNS; i++) {
        gnutls_pk_algorithm_t pk = signs[i].pk;
        if (pk != GNUTLS_PK_GOST_01 && pk != GNUTLS_PK_GOST_12_256 && pk != GNUTLS_PK_GOST_12_512)
            sign_list[n++] = signs[i].id;
    }
    sign_list[n] = GNUTLS_SIGN_UNKNOWN;
}

const gnutls_sign_algorithm_t *gnutls_sign_list(void)
{
    pthread_once(&list_once, build_list);
    return sign_list;
}

/* Refused without an allowlisting system configuration, as in GnuTLS
 * (see gnutls_protocol_set_enabled). */
int gnutls_sign_set_secure(gnutls_sign_algorithm_t sign, unsigned int secure)
{
    (void)sign;
    (void)secure;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_sign_set_secure_for_certs(gnutls_sign_algorithm_t sign, unsigned int secure)
{
    (void)sign;
    (void)secure;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_digest_set_secure(gnutls_digest_algorithm_t dig, unsigned int secure)
{
    (void)dig;
    (void)secure;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}
