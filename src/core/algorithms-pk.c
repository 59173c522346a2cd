/* Public key algorithm names/OIDs and security parameters as GnuTLS 3.7.9
 * has them, in its table order. */
#include "gnossl.h"

#include <string.h>

/* Several OIDs name RSA: broken certificates use signature OIDs or the
 * X.500 one for the key; each has its own entry. */
static const struct {
    const char *name;
    const char *oid;
    gnutls_pk_algorithm_t id;
} pks[] = {
    {"RSA", "1.2.840.113549.1.1.1", GNUTLS_PK_RSA},
    {"RSA-PSS", "1.2.840.113549.1.1.10", GNUTLS_PK_RSA_PSS},
    {"RSA (X.509)", "2.5.8.1.1", GNUTLS_PK_RSA},
    {"RSA-MD5", "1.2.840.113549.1.1.4", GNUTLS_PK_RSA},
    {"RSA-SHA1", "1.2.840.113549.1.1.5", GNUTLS_PK_RSA},
    {"RSA-SHA1", "1.3.14.3.2.29", GNUTLS_PK_RSA},
    {"DSA", "1.2.840.10040.4.1", GNUTLS_PK_DSA},
    {"GOST R 34.10-2012-512", "1.2.643.7.1.1.1.2", GNUTLS_PK_GOST_12_512},
    {"GOST R 34.10-2012-256", "1.2.643.7.1.1.1.1", GNUTLS_PK_GOST_12_256},
    {"GOST R 34.10-2001", "1.2.643.2.2.19", GNUTLS_PK_GOST_01},
    /* Recognised only to be refused: it maps to the unknown id (and so is
     * what GnuTLS names id 0). */
    {"GOST R 34.10-94", "1.2.643.2.2.20", GNUTLS_PK_UNKNOWN},
    {"EC/ECDSA", "1.2.840.10045.2.1", GNUTLS_PK_ECDSA},
    {"EdDSA (Ed25519)", "1.3.101.112", GNUTLS_PK_EDDSA_ED25519},
    {"EdDSA (Ed448)", "1.3.101.113", GNUTLS_PK_EDDSA_ED448},
    {"DH", NULL, GNUTLS_PK_DH},
    {"ECDH (X25519)", "1.3.101.110", GNUTLS_PK_ECDH_X25519},
    {"ECDH (X448)", "1.3.101.111", GNUTLS_PK_ECDH_X448},
};

#define N_PKS (sizeof pks / sizeof pks[0])

const char *gnutls_pk_algorithm_get_name(gnutls_pk_algorithm_t algorithm)
{
    for (size_t i = 0; i < N_PKS; i++)
        if (pks[i].id == algorithm)
            return pks[i].name;
    return NULL;
}

const char *gnutls_pk_get_name(gnutls_pk_algorithm_t algorithm)
{
    const char *n = gnutls_pk_algorithm_get_name(algorithm);
    return n != NULL ? n : "Unknown";
}

/* Unlike most *_get_id functions this one is case sensitive in GnuTLS. */
gnutls_pk_algorithm_t gnutls_pk_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_PK_UNKNOWN;
    for (size_t i = 0; i < N_PKS; i++)
        if (strcmp(pks[i].name, name) == 0)
            return pks[i].id;
    return GNUTLS_PK_UNKNOWN;
}

const char *gnutls_pk_get_oid(gnutls_pk_algorithm_t algorithm)
{
    if (algorithm == GNUTLS_PK_UNKNOWN)
        return NULL;
    for (size_t i = 0; i < N_PKS; i++)
        if (pks[i].id == algorithm)
            return pks[i].oid;
    return NULL;
}

gnutls_pk_algorithm_t gnutls_oid_to_pk(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_PK_UNKNOWN;
    for (size_t i = 0; i < N_PKS; i++)
        if (pks[i].oid != NULL && strcmp(pks[i].oid, oid) == 0)
            return pks[i].id;
    return GNUTLS_PK_UNKNOWN;
}

/* GnuTLS builds its list from the table, skipping an entry equal to the
 * one before it (so RSA appears twice).  Deliberate difference: the GOST
 * algorithms, which OpenSSL lacks, are left out. */
static const gnutls_pk_algorithm_t pk_list[] = {
    GNUTLS_PK_RSA, GNUTLS_PK_RSA_PSS, GNUTLS_PK_RSA, GNUTLS_PK_DSA, GNUTLS_PK_ECDSA,
    GNUTLS_PK_EDDSA_ED25519, GNUTLS_PK_EDDSA_ED448, GNUTLS_PK_DH, GNUTLS_PK_ECDH_X25519,
    GNUTLS_PK_ECDH_X448, GNUTLS_PK_UNKNOWN};

const gnutls_pk_algorithm_t *gnutls_pk_list(void)
{
    return pk_list;
}

/* ---- security parameters ---- */

static const struct {
    gnutls_sec_param_t param;
    const char *name;
    unsigned symmetric, pk_bits, dsa_bits, ecc_bits;
} params[] = {
    {GNUTLS_SEC_PARAM_INSECURE, "Insecure", 0, 0, 0, 0},
    {GNUTLS_SEC_PARAM_EXPORT, "Export", 42, 512, 0, 0},
    {GNUTLS_SEC_PARAM_VERY_WEAK, "Very weak", 64, 767, 0, 0},
    {GNUTLS_SEC_PARAM_WEAK, "Weak", 72, 1008, 1008, 160},
    {GNUTLS_SEC_PARAM_LOW, "Low", 80, 1024, 1024, 160},
    {GNUTLS_SEC_PARAM_LEGACY, "Legacy", 96, 1776, 2048, 192},
    {GNUTLS_SEC_PARAM_MEDIUM, "Medium", 112, 2048, 2048, 224},
    {GNUTLS_SEC_PARAM_HIGH, "High", 128, 3072, 3072, 256},
    {GNUTLS_SEC_PARAM_ULTRA, "Ultra", 192, 8192, 8192, 384},
    {GNUTLS_SEC_PARAM_FUTURE, "Future", 256, 15360, 15360, 512},
};

#define N_PARAMS (sizeof params / sizeof params[0])

/* Elliptic-curve style algorithms measure strength by curve size. */
static int curve_sized(gnutls_pk_algorithm_t pk)
{
    switch (pk) {
    case GNUTLS_PK_ECDSA:
    case GNUTLS_PK_ECDH_X25519:
    case GNUTLS_PK_ECDH_X448:
    case GNUTLS_PK_EDDSA_ED25519:
    case GNUTLS_PK_EDDSA_ED448:
    case GNUTLS_PK_GOST_01:
    case GNUTLS_PK_GOST_12_256:
    case GNUTLS_PK_GOST_12_512: return 1;
    default: return 0;
    }
}

gnutls_sec_param_t gnutls_pk_bits_to_sec_param(gnutls_pk_algorithm_t algo, unsigned int bits)
{
    if (bits == 0)
        return GNUTLS_SEC_PARAM_UNKNOWN;
    gnutls_sec_param_t ret = GNUTLS_SEC_PARAM_INSECURE;
    int ecc = curve_sized(algo);
    for (size_t i = 0; i < N_PARAMS; i++) {
        if ((ecc ? params[i].ecc_bits : params[i].pk_bits) > bits)
            break;
        ret = params[i].param;
    }
    return ret;
}

unsigned int gnutls_sec_param_to_pk_bits(gnutls_pk_algorithm_t algo, gnutls_sec_param_t param)
{
    for (size_t i = 0; i < N_PARAMS; i++) {
        if (params[i].param != param)
            continue;
        if (algo == GNUTLS_PK_DSA)
            return params[i].dsa_bits;
        return curve_sized(algo) ? params[i].ecc_bits : params[i].pk_bits;
    }
    return 0;
}

const char *gnutls_sec_param_get_name(gnutls_sec_param_t param)
{
    for (size_t i = 0; i < N_PARAMS; i++)
        if (params[i].param == param)
            return params[i].name;
    return "Unknown";
}

unsigned int gnutls_sec_param_to_symmetric_bits(gnutls_sec_param_t param)
{
    for (size_t i = 0; i < N_PARAMS; i++)
        if (params[i].param == param)
            return params[i].symmetric;
    return 0;
}
