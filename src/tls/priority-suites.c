/* Suite lookup for the priority compiler (the suite table itself is the core
 * one, src/core/algorithms-suites.c); OpenSSL's names for groups and
 * signature schemes. */
#include "gnossl.h"
#include "tls/priority-int.h"
#include "core/algorithms.h"

#include <stddef.h>


int gnossl_prio_suite_find(unsigned kx, unsigned cipher, unsigned mac)
{
    for (unsigned i = 0; i < gnossl_n_suites; i++)
        if (gnossl_suites[i].kx == kx && gnossl_suites[i].cipher == cipher && gnossl_suites[i].mac == mac)
            return (int)i;
    return -1;
}

const char *gnossl_prio_group_ossl(unsigned group)
{
    switch (group) {
    case GNUTLS_GROUP_SECP192R1: return "P-192";
    case GNUTLS_GROUP_SECP224R1: return "P-224";
    case GNUTLS_GROUP_SECP256R1: return "P-256";
    case GNUTLS_GROUP_SECP384R1: return "P-384";
    case GNUTLS_GROUP_SECP521R1: return "P-521";
    case GNUTLS_GROUP_X25519: return "X25519";
    case GNUTLS_GROUP_X448: return "X448";
    case GNUTLS_GROUP_FFDHE2048: return "ffdhe2048";
    case GNUTLS_GROUP_FFDHE3072: return "ffdhe3072";
    case GNUTLS_GROUP_FFDHE4096: return "ffdhe4096";
    case GNUTLS_GROUP_FFDHE6144: return "ffdhe6144";
    case GNUTLS_GROUP_FFDHE8192: return "ffdhe8192";
    default: return NULL;
    }
}

int gnossl_prio_group_is_ec(unsigned group)
{
    /* SECP224R1..X25519, the GOST curves (13..19) and X448 */
    return (group >= GNUTLS_GROUP_SECP224R1 && group <= GNUTLS_GROUP_X25519) ||
           (group >= 13 && group <= 19) || group == GNUTLS_GROUP_X448;
}

int gnossl_prio_group_is_dh(unsigned group)
{
    return group >= GNUTLS_GROUP_FFDHE2048 && group <= GNUTLS_GROUP_FFDHE6144;
}

static const struct {
    unsigned sign;
    unsigned short code;
    const char *ossl;
} sigalgs[] = {
    {GNUTLS_SIGN_RSA_SHA1, 0x0201, "RSA+SHA1"},
    {GNUTLS_SIGN_RSA_SHA224, 0x0301, "RSA+SHA224"},
    {GNUTLS_SIGN_RSA_SHA256, 0x0401, "RSA+SHA256"},
    {GNUTLS_SIGN_RSA_SHA384, 0x0501, "RSA+SHA384"},
    {GNUTLS_SIGN_RSA_SHA512, 0x0601, "RSA+SHA512"},
    {GNUTLS_SIGN_DSA_SHA1, 0x0202, "DSA+SHA1"},
    {GNUTLS_SIGN_DSA_SHA224, 0x0302, "DSA+SHA224"},
    {GNUTLS_SIGN_DSA_SHA256, 0x0402, "DSA+SHA256"},
    {GNUTLS_SIGN_DSA_SHA384, 0x0502, "DSA+SHA384"},
    {GNUTLS_SIGN_DSA_SHA512, 0x0602, "DSA+SHA512"},
    {GNUTLS_SIGN_ECDSA_SHA1, 0x0203, "ECDSA+SHA1"},
    {GNUTLS_SIGN_ECDSA_SHA224, 0x0303, "ECDSA+SHA224"},
    {GNUTLS_SIGN_ECDSA_SHA256, 0x0403, "ECDSA+SHA256"},
    {GNUTLS_SIGN_ECDSA_SHA384, 0x0503, "ECDSA+SHA384"},
    {GNUTLS_SIGN_ECDSA_SHA512, 0x0603, "ECDSA+SHA512"},
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, 0x0403, "ECDSA+SHA256"},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, 0x0503, "ECDSA+SHA384"},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, 0x0603, "ECDSA+SHA512"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, 0x0804, "rsa_pss_rsae_sha256"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, 0x0805, "rsa_pss_rsae_sha384"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, 0x0806, "rsa_pss_rsae_sha512"},
    {GNUTLS_SIGN_EDDSA_ED25519, 0x0807, "ed25519"},
    {GNUTLS_SIGN_EDDSA_ED448, 0x0808, "ed448"},
    {GNUTLS_SIGN_RSA_PSS_SHA256, 0x0809, "rsa_pss_pss_sha256"},
    {GNUTLS_SIGN_RSA_PSS_SHA384, 0x080a, "rsa_pss_pss_sha384"},
    {GNUTLS_SIGN_RSA_PSS_SHA512, 0x080b, "rsa_pss_pss_sha512"},
};

const char *gnossl_prio_sign_ossl(unsigned sign)
{
    for (size_t i = 0; i < sizeof sigalgs / sizeof sigalgs[0]; i++)
        if (sigalgs[i].sign == sign)
            return sigalgs[i].ossl;
    return NULL;
}

unsigned gnossl_prio_sign_tls_code(unsigned sign)
{
    for (size_t i = 0; i < sizeof sigalgs / sizeof sigalgs[0]; i++)
        if (sigalgs[i].sign == sign)
            return sigalgs[i].code;
    return 0;
}
