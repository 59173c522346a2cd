/* The finite-field group of a TLS 1.2 DHE server, chosen when the
 * ClientHello arrives as GnuTLS chooses it (OpenSSL's own choice, a
 * RFC 3526 group sized by the cipher, is never used):
 *  1. an RFC 7919 group from the client's supported_groups that is also in
 *     the server's priorities and not below the credentials' security
 *     parameter: the first in the client's order, or in the server's with
 *     %SERVER_PRECEDENCE; it is then the negotiated group;
 *  2. with a security parameter (known_dh_params, or implied by explicit
 *     parameters), the first group of the priorities at least that large;
 *  3. the explicit parameters, or those of a params callback (applied when
 *     the SSL was made);
 *  4. otherwise no DHE suite can be negotiated; nor when the client offered
 *     RFC 7919 groups and none was acceptable.
 * OpenSSL clients (gnossl's among them) cannot offer RFC 7919 groups
 * without TLS 1.3, where a GnuTLS client offers those of its priorities: a
 * hello without TLS 1.3 and without such groups is taken as offering the
 * server's own, so that DHE works between them as between GnuTLS peers. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/dh-group.h"
#include "cred/cred.h"
#include "tls/priority.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

static const struct {
    gnutls_group_t group;
    unsigned bits;
    const char *name;
} ffdhe[] = {
    {GNUTLS_GROUP_FFDHE2048, 2048, "ffdhe2048"}, {GNUTLS_GROUP_FFDHE3072, 3072, "ffdhe3072"},
    {GNUTLS_GROUP_FFDHE4096, 4096, "ffdhe4096"}, {GNUTLS_GROUP_FFDHE6144, 6144, "ffdhe6144"},
    {GNUTLS_GROUP_FFDHE8192, 8192, "ffdhe8192"},
};
#define NFFDHE (sizeof ffdhe / sizeof ffdhe[0])

static int ffdhe_index(unsigned group)
{
    for (unsigned i = 0; i < NFFDHE; i++)
        if ((unsigned)ffdhe[i].group == group)
            return (int)i;
    return -1;
}

/* RFC 7919 code points 0x0100..0x0104 in the order of the table. */
static int ffdhe_index_of_tls_id(unsigned id)
{
    static const gnutls_group_t by_id[] = {GNUTLS_GROUP_FFDHE2048, GNUTLS_GROUP_FFDHE3072, GNUTLS_GROUP_FFDHE4096,
                                           GNUTLS_GROUP_FFDHE6144, GNUTLS_GROUP_FFDHE8192};
    return id >= 0x100 && id <= 0x104 ? ffdhe_index(by_id[id - 0x100]) : -1;
}

static EVP_PKEY *ffdhe_pkey(const char *name)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "DH", NULL);
    EVP_PKEY *pk = NULL;
    OSSL_PARAM params[2] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)name, 0),
                            OSSL_PARAM_END};
    if (ctx == NULL || EVP_PKEY_paramgen_init(ctx) <= 0 || EVP_PKEY_CTX_set_params(ctx, params) <= 0 ||
        EVP_PKEY_paramgen(ctx, &pk) <= 0)
        pk = NULL;
    EVP_PKEY_CTX_free(ctx);
    return pk;
}

/* Step 1: index into ffdhe[] of the group negotiated from the hello, or -1;
 * *offered: whether the hello named any RFC 7919 group (0x01xx). */
static int negotiate(SSL *ssl, const unsigned int *prio, int nprio, unsigned min_bits, int server_precedence,
                     int *offered)
{
    const unsigned char *p;
    size_t len, i;
    int best = -1, best_spos = nprio;

    *offered = 0;
    if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_supported_groups, &p, &len) || len < 2 ||
        ((size_t)p[0] << 8 | p[1]) + 2 > len)
        return -1;
    len = (size_t)p[0] << 8 | p[1];
    for (i = 0; i + 1 < len; i += 2) {
        int f = ffdhe_index_of_tls_id((unsigned)p[2 + i] << 8 | p[3 + i]), spos;
        *offered |= p[2 + i] == 0x01;
        if (f < 0 || ffdhe[f].bits < min_bits)
            continue;
        for (spos = 0; spos < nprio && prio[spos] != (unsigned)ffdhe[f].group; spos++)
            ;
        if (spos == nprio)
            continue;
        if (!server_precedence)
            return f;
        if (spos < best_spos) {
            best = f;
            best_spos = spos;
        }
    }
    return best;
}

/* Index into ffdhe[] of the first group of the priorities with at least
 * min_bits, or -1. */
static int first_of_priorities(const unsigned int *prio, int nprio, unsigned min_bits)
{
    for (int i = 0; i < nprio; i++) {
        int g = ffdhe_index(prio[i]);
        if (g >= 0 && ffdhe[g].bits >= min_bits)
            return g;
    }
    return -1;
}

void gnossl_dh_hello(gnutls_session_t s, SSL *ssl)
{
    s->dh_group = GNUTLS_GROUP_INVALID;
    if (gnossl_hello_is_tls13(ssl))
        return; /* no DHE group to choose */

    const unsigned int *prio = NULL;
    int nprio = s->priority != NULL ? gnutls_priority_group_list(s->priority, &prio) : 0, has_fn, offered, f;
    EVP_PKEY *given = NULL, *pk = NULL;
    unsigned sec = gnossl_cred_dh_settings(s, &given, &has_fn);
    unsigned min_bits = sec ? gnutls_sec_param_to_pk_bits(GNUTLS_PK_DH, sec) : 0;

    if (nprio < 0)
        nprio = 0;
    f = negotiate(ssl, prio, nprio, min_bits, (gnossl_priority_flags(s->priority) & GNOSSL_PRIO_SERVER_PRECEDENCE) != 0,
                  &offered);
    if (f < 0 && !offered && !gnossl_hello_offers_tls13(ssl))
        f = first_of_priorities(prio, nprio, min_bits);
    if (f >= 0)
        s->dh_group = ffdhe[f].group;
    else if (offered) {
        EVP_PKEY_free(given);
        SSL_set0_tmp_dh_pkey(ssl, NULL); /* ssl.c's security callback lets this through */
        SSL_set_dh_auto(ssl, 0);
        return;
    }
    if (f < 0 && sec)
        f = first_of_priorities(prio, nprio, min_bits);
    if (f >= 0)
        pk = ffdhe_pkey(ffdhe[f].name);
    else if (given != NULL) {
        pk = given;
        given = NULL;
    }
    EVP_PKEY_free(given);
    if (pk != NULL) {
        gnossl_dh_group_note_pkey(ssl, pk); /* for gnutls_dh_get_group */
        if (SSL_set0_tmp_dh_pkey(ssl, pk) != 1)
            EVP_PKEY_free(pk);
        SSL_set_dh_auto(ssl, 0);
    } else if (!has_fn)
        SSL_set_dh_auto(ssl, 0); /* no parameters (none on the SSL either): no DHE */
}
