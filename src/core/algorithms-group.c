/* Elliptic curves, key exchange groups and GOST parameter sets as GnuTLS
 * 3.7.9 has them, in its table order.  "gnutls_has" marks what GnuTLS
 * itself implements: only those are found by name or OID (and listed). */
#include "gnossl.h"

#include <string.h>
#include <strings.h>

struct curve_entry {
    gnutls_ecc_curve_t id;
    const char *name;
    const char *oid;
    unsigned char size;
    gnutls_pk_algorithm_t pk;
    unsigned char gnutls_has;
};

static const struct curve_entry curves[] = {
    {GNUTLS_ECC_CURVE_SECP192R1, "SECP192R1", "1.2.840.10045.3.1.1", 24, GNUTLS_PK_ECDSA, 1},
    {GNUTLS_ECC_CURVE_SECP224R1, "SECP224R1", "1.3.132.0.33", 28, GNUTLS_PK_ECDSA, 1},
    {GNUTLS_ECC_CURVE_SECP256R1, "SECP256R1", "1.2.840.10045.3.1.7", 32, GNUTLS_PK_ECDSA, 1},
    {GNUTLS_ECC_CURVE_SECP384R1, "SECP384R1", "1.3.132.0.34", 48, GNUTLS_PK_ECDSA, 1},
    {GNUTLS_ECC_CURVE_SECP521R1, "SECP521R1", "1.3.132.0.35", 66, GNUTLS_PK_ECDSA, 1},
    {GNUTLS_ECC_CURVE_X25519, "X25519", "1.3.101.110", 32, GNUTLS_PK_ECDH_X25519, 1},
    {GNUTLS_ECC_CURVE_ED25519, "Ed25519", "1.3.101.112", 32, GNUTLS_PK_EDDSA_ED25519, 1},
    {GNUTLS_ECC_CURVE_X448, "X448", "1.3.101.111", 56, GNUTLS_PK_ECDH_X448, 1},
    {GNUTLS_ECC_CURVE_ED448, "Ed448", "1.3.101.113", 57, GNUTLS_PK_EDDSA_ED448, 1},
    /* GnuTLS reports no public key algorithm for the CryptoPro curves. */
    {GNUTLS_ECC_CURVE_GOST256CPA, "CryptoPro-A", "1.2.643.2.2.35.1", 32, GNUTLS_PK_UNKNOWN, 1},
    {GNUTLS_ECC_CURVE_GOST256CPB, "CryptoPro-B", "1.2.643.2.2.35.2", 32, GNUTLS_PK_UNKNOWN, 0},
    {GNUTLS_ECC_CURVE_GOST256CPC, "CryptoPro-C", "1.2.643.2.2.35.3", 32, GNUTLS_PK_UNKNOWN, 0},
    {GNUTLS_ECC_CURVE_GOST256CPXA, "CryptoPro-XchA", "1.2.643.2.2.36.0", 32, GNUTLS_PK_UNKNOWN, 1},
    {GNUTLS_ECC_CURVE_GOST256CPXB, "CryptoPro-XchB", "1.2.643.2.2.36.1", 32, GNUTLS_PK_UNKNOWN, 0},
    {GNUTLS_ECC_CURVE_GOST256A, "TC26-256-A", "1.2.643.7.1.2.1.1.1", 32, GNUTLS_PK_GOST_12_256, 0},
    {GNUTLS_ECC_CURVE_GOST256B, "TC26-256-B", "1.2.643.7.1.2.1.1.2", 32, GNUTLS_PK_GOST_12_256, 1},
    {GNUTLS_ECC_CURVE_GOST256C, "TC26-256-C", "1.2.643.7.1.2.1.1.3", 32, GNUTLS_PK_GOST_12_256, 0},
    {GNUTLS_ECC_CURVE_GOST256D, "TC26-256-D", "1.2.643.7.1.2.1.1.4", 32, GNUTLS_PK_GOST_12_256, 0},
    {GNUTLS_ECC_CURVE_GOST512A, "TC26-512-A", "1.2.643.7.1.2.1.2.1", 64, GNUTLS_PK_GOST_12_512, 1},
    {GNUTLS_ECC_CURVE_GOST512B, "TC26-512-B", "1.2.643.7.1.2.1.2.2", 64, GNUTLS_PK_GOST_12_512, 0},
    {GNUTLS_ECC_CURVE_GOST512C, "TC26-512-C", "1.2.643.7.1.2.1.2.3", 64, GNUTLS_PK_GOST_12_512, 0},
};

#define N_CURVES (sizeof curves / sizeof curves[0])

static const struct curve_entry *find_curve(gnutls_ecc_curve_t id)
{
    for (size_t i = 0; i < N_CURVES; i++)
        if (curves[i].id == id)
            return &curves[i];
    return NULL;
}

static int curve_has(gnutls_ecc_curve_t id)
{
    const struct curve_entry *e = find_curve(id);
    return e != NULL && e->gnutls_has;
}

const char *gnutls_ecc_curve_get_name(gnutls_ecc_curve_t curve)
{
    const struct curve_entry *e = find_curve(curve);
    return e != NULL ? e->name : NULL;
}

gnutls_ecc_curve_t gnutls_ecc_curve_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_ECC_CURVE_INVALID;
    for (size_t i = 0; i < N_CURVES; i++)
        if (curves[i].gnutls_has && strcasecmp(curves[i].name, name) == 0)
            return curves[i].id;
    return GNUTLS_ECC_CURVE_INVALID;
}

const char *gnutls_ecc_curve_get_oid(gnutls_ecc_curve_t curve)
{
    const struct curve_entry *e = find_curve(curve);
    return e != NULL ? e->oid : NULL;
}

gnutls_ecc_curve_t gnutls_oid_to_ecc_curve(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_ECC_CURVE_INVALID;
    for (size_t i = 0; i < N_CURVES; i++)
        if (curves[i].gnutls_has && strcmp(curves[i].oid, oid) == 0)
            return curves[i].id;
    return GNUTLS_ECC_CURVE_INVALID;
}

int gnutls_ecc_curve_get_size(gnutls_ecc_curve_t curve)
{
    const struct curve_entry *e = find_curve(curve);
    return e != NULL ? e->size : 0;
}

gnutls_pk_algorithm_t gnutls_ecc_curve_get_pk(gnutls_ecc_curve_t curve)
{
    const struct curve_entry *e = find_curve(curve);
    return e != NULL ? e->pk : GNUTLS_PK_UNKNOWN;
}

/* Deliberate difference: the GOST curves GnuTLS lists are left out, as
 * OpenSSL has none of them. */
static const gnutls_ecc_curve_t curve_list[] = {
    GNUTLS_ECC_CURVE_SECP192R1, GNUTLS_ECC_CURVE_SECP224R1, GNUTLS_ECC_CURVE_SECP256R1,
    GNUTLS_ECC_CURVE_SECP384R1, GNUTLS_ECC_CURVE_SECP521R1, GNUTLS_ECC_CURVE_X25519,
    GNUTLS_ECC_CURVE_ED25519, GNUTLS_ECC_CURVE_X448, GNUTLS_ECC_CURVE_ED448, GNUTLS_ECC_CURVE_INVALID};

const gnutls_ecc_curve_t *gnutls_ecc_curve_list(void)
{
    return curve_list;
}

/* Refused without an allowlisting system configuration, as in GnuTLS
 * (see gnutls_protocol_set_enabled). */
int gnutls_ecc_curve_set_enabled(gnutls_ecc_curve_t curve, unsigned int enabled)
{
    (void)curve;
    (void)enabled;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

/* ---- groups ---- */

static const struct {
    gnutls_group_t id;
    const char *name;
    gnutls_ecc_curve_t curve; /* INVALID for finite-field groups */
} groups[] = {
    {GNUTLS_GROUP_SECP192R1, "SECP192R1", GNUTLS_ECC_CURVE_SECP192R1},
    {GNUTLS_GROUP_SECP224R1, "SECP224R1", GNUTLS_ECC_CURVE_SECP224R1},
    {GNUTLS_GROUP_SECP256R1, "SECP256R1", GNUTLS_ECC_CURVE_SECP256R1},
    {GNUTLS_GROUP_SECP384R1, "SECP384R1", GNUTLS_ECC_CURVE_SECP384R1},
    {GNUTLS_GROUP_SECP521R1, "SECP521R1", GNUTLS_ECC_CURVE_SECP521R1},
    {GNUTLS_GROUP_X25519, "X25519", GNUTLS_ECC_CURVE_X25519},
    {GNUTLS_GROUP_GC256A, "GC256A", GNUTLS_ECC_CURVE_GOST256A},
    {GNUTLS_GROUP_GC256B, "GC256B", GNUTLS_ECC_CURVE_GOST256B},
    {GNUTLS_GROUP_GC256C, "GC256C", GNUTLS_ECC_CURVE_GOST256C},
    {GNUTLS_GROUP_GC256D, "GC256D", GNUTLS_ECC_CURVE_GOST256D},
    {GNUTLS_GROUP_GC512A, "GC512A", GNUTLS_ECC_CURVE_GOST512A},
    {GNUTLS_GROUP_GC512B, "GC512B", GNUTLS_ECC_CURVE_GOST512B},
    {GNUTLS_GROUP_GC512C, "GC512C", GNUTLS_ECC_CURVE_GOST512C},
    {GNUTLS_GROUP_X448, "X448", GNUTLS_ECC_CURVE_X448},
    {GNUTLS_GROUP_FFDHE2048, "FFDHE2048", GNUTLS_ECC_CURVE_INVALID},
    {GNUTLS_GROUP_FFDHE3072, "FFDHE3072", GNUTLS_ECC_CURVE_INVALID},
    {GNUTLS_GROUP_FFDHE4096, "FFDHE4096", GNUTLS_ECC_CURVE_INVALID},
    {GNUTLS_GROUP_FFDHE6144, "FFDHE6144", GNUTLS_ECC_CURVE_INVALID},
    {GNUTLS_GROUP_FFDHE8192, "FFDHE8192", GNUTLS_ECC_CURVE_INVALID},
};

#define N_GROUPS (sizeof groups / sizeof groups[0])

const char *gnutls_group_get_name(gnutls_group_t group)
{
    for (size_t i = 0; i < N_GROUPS; i++)
        if (groups[i].id == group)
            return groups[i].name;
    return NULL;
}

gnutls_group_t gnutls_group_get_id(const char *name)
{
    if (name == NULL)
        return GNUTLS_GROUP_INVALID;
    for (size_t i = 0; i < N_GROUPS; i++)
        if (strcasecmp(groups[i].name, name) == 0 &&
            (groups[i].curve == GNUTLS_ECC_CURVE_INVALID || curve_has(groups[i].curve)))
            return groups[i].id;
    return GNUTLS_GROUP_INVALID;
}

/* Deliberate difference: GnuTLS also lists GC256B and GC512A (GOST),
 * which OpenSSL cannot negotiate. */
static const gnutls_group_t group_list[] = {
    GNUTLS_GROUP_SECP192R1, GNUTLS_GROUP_SECP224R1, GNUTLS_GROUP_SECP256R1, GNUTLS_GROUP_SECP384R1,
    GNUTLS_GROUP_SECP521R1, GNUTLS_GROUP_X25519, GNUTLS_GROUP_X448, GNUTLS_GROUP_FFDHE2048,
    GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096, GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192,
    GNUTLS_GROUP_INVALID};

const gnutls_group_t *gnutls_group_list(void)
{
    return group_list;
}

/* ---- GOST parameter sets ---- */

static const struct {
    gnutls_gost_paramset_t id;
    const char *name;
    const char *oid;
} paramsets[] = {
    {GNUTLS_GOST_PARAMSET_TC26_Z, "TC26-Z", "1.2.643.7.1.2.5.1.1"},
    {GNUTLS_GOST_PARAMSET_CP_A, "CryptoPro-A", "1.2.643.2.2.31.1"},
    {GNUTLS_GOST_PARAMSET_CP_B, "CryptoPro-B", "1.2.643.2.2.31.2"},
    {GNUTLS_GOST_PARAMSET_CP_C, "CryptoPro-C", "1.2.643.2.2.31.3"},
    {GNUTLS_GOST_PARAMSET_CP_D, "CryptoPro-D", "1.2.643.2.2.31.4"},
};

const char *gnutls_gost_paramset_get_name(gnutls_gost_paramset_t param)
{
    for (size_t i = 0; i < sizeof paramsets / sizeof paramsets[0]; i++)
        if (paramsets[i].id == param)
            return paramsets[i].name;
    return "Unknown";
}

const char *gnutls_gost_paramset_get_oid(gnutls_gost_paramset_t param)
{
    for (size_t i = 0; i < sizeof paramsets / sizeof paramsets[0]; i++)
        if (paramsets[i].id == param)
            return paramsets[i].oid;
    return NULL;
}

gnutls_gost_paramset_t gnutls_oid_to_gost_paramset(const char *oid)
{
    if (oid == NULL)
        return GNUTLS_GOST_PARAMSET_UNKNOWN;
    for (size_t i = 0; i < sizeof paramsets / sizeof paramsets[0]; i++)
        if (strcmp(paramsets[i].oid, oid) == 0)
            return paramsets[i].id;
    return GNUTLS_GOST_PARAMSET_UNKNOWN;
}
