/* Finalising a parsed priority the way GnuTLS does (drop versions nothing
 * can negotiate, build the suite list, pick the groups the suites need),
 * then compiling it once into the OpenSSL settings each SSL receives. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"
#include "core/algorithms.h"

#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_dtls_version(unsigned v)
{
    return v >= GNUTLS_DTLS_VERSION_MIN && v <= GNUTLS_DTLS_VERSION_MAX;
}

static int version_supported(unsigned v)
{
    return (v >= GNUTLS_TLS1_0 && v <= GNUTLS_TLS1_3) || (v >= GNUTLS_DTLS0_9 && v <= GNUTLS_DTLS1_2);
}

static void remove_tls13(struct gnossl_prio_list *l)
{
    unsigned j = 0;
    for (unsigned i = 0; i < l->n; i++)
        if (l->v[i] != GNUTLS_TLS1_3)
            l->v[j++] = l->v[i];
    l->n = j;
}

static int is_psk_kx(unsigned kx)
{
    return kx == GNUTLS_KX_PSK || kx == GNUTLS_KX_DHE_PSK || kx == GNUTLS_KX_ECDHE_PSK ||
           kx == GNUTLS_KX_RSA_PSK;
}

static int is_ec_kx(unsigned kx)
{
    return kx == GNUTLS_KX_ECDHE_RSA || kx == GNUTLS_KX_ECDHE_ECDSA || kx == GNUTLS_KX_ECDHE_PSK ||
           kx == GNUTLS_KX_ANON_ECDH || kx == GNUTLS_KX_VKO_GOST_12;
}

static int is_dh_kx(unsigned kx)
{
    return kx == GNUTLS_KX_DHE_RSA || kx == GNUTLS_KX_DHE_DSS || kx == GNUTLS_KX_DHE_PSK ||
           kx == GNUTLS_KX_ANON_DH;
}

/* Which protocol families a signature scheme serves: 1 = TLS 1.2 and
 * earlier, 2 = TLS 1.3; 0 = not a TLS signature scheme or insecure. */
static unsigned sign_sem(unsigned sign)
{
    unsigned code = gnossl_prio_sign_tls_code(sign);
    if (sign == GNUTLS_SIGN_GOST_256 || sign == GNUTLS_SIGN_GOST_512)
        return 1; /* TLS 1.2 GOST suites; OpenSSL has none, but GnuTLS counts them */
    if (code == 0)
        return 0;
    if (sign == GNUTLS_SIGN_ECDSA_SECP256R1_SHA256 || sign == GNUTLS_SIGN_ECDSA_SECP384R1_SHA384 ||
        sign == GNUTLS_SIGN_ECDSA_SECP521R1_SHA512)
        return 2;
    /* the curve-less ECDSA and DSA schemes are TLS 1.2 only (GnuTLS
     * exempts ECDSA-SHA1); RSA PKCS#1 stays usable for TLS 1.3 certificates */
    if (sign != GNUTLS_SIGN_ECDSA_SHA1 && ((code & 0xff) == 0x02 || (code & 0xff) == 0x03))
        return 1;
    return 3;
}

static int profile_sec_param(unsigned profile)
{
    switch (profile) {
    case GNUTLS_PROFILE_VERY_WEAK: return GNUTLS_SEC_PARAM_VERY_WEAK;
    case GNUTLS_PROFILE_LOW: return GNUTLS_SEC_PARAM_LOW;
    case GNUTLS_PROFILE_LEGACY: return GNUTLS_SEC_PARAM_LEGACY;
    case GNUTLS_PROFILE_MEDIUM: return GNUTLS_SEC_PARAM_MEDIUM;
    case GNUTLS_PROFILE_HIGH:
    case GNUTLS_PROFILE_SUITEB128: return GNUTLS_SEC_PARAM_HIGH;
    case GNUTLS_PROFILE_ULTRA:
    case GNUTLS_PROFILE_SUITEB192: return GNUTLS_SEC_PARAM_ULTRA;
    case GNUTLS_PROFILE_FUTURE: return GNUTLS_SEC_PARAM_FUTURE;
    default: return 0;
    }
}

/* Working state shared between finalising and compiling. */
struct fin {
    unsigned groups[PRIO_MAX_ALGOS], n_groups;
    unsigned sigs[PRIO_MAX_ALGOS], n_sigs;
};

/* Elliptic-curve groups GnuTLS 3.7.9 can use: of the GOST curves only
 * GC512A and GC256B are implemented (nettle). */
static int usable_ec(unsigned g)
{
    if (g >= 13 && g <= 19)
        return g == GNUTLS_GROUP_GC512A || g == GNUTLS_GROUP_GC256B;
    return gnossl_prio_group_is_ec(g);
}

static void add_groups(struct gnutls_priority_st *p, struct fin *f, int (*want)(unsigned))
{
    for (unsigned i = 0; i < p->groups.n && f->n_groups < PRIO_MAX_ALGOS; i++)
        if (want(p->groups.v[i]))
            f->groups[f->n_groups++] = p->groups.v[i];
}

static void drop_listed(struct gnossl_prio_list *l, const unsigned *v, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        unsigned j = 0;
        for (unsigned k = 0; k < l->n; k++)
            if (l->v[k] != v[i])
                l->v[j++] = l->v[k];
        l->n = j;
    }
}

static int listed(const unsigned *v, unsigned n, unsigned id)
{
    for (unsigned i = 0; i < n; i++)
        if (v[i] == id)
            return 1;
    return 0;
}

static int finalize(struct gnutls_priority_st *p, struct fin *f)
{
    int have_null = 0, have_srp = 0, have_psk = 0, have_rsa_psk = 0;
    int have_tls13 = 0, have_tls12 = 0, have_pre_tls12 = 0, have_ec = 0, have_dh = 0;
    unsigned tls_sem = 0, tlsmax = 0, tlsmin = 0, dtlsmin = 0, j;

    f->n_groups = f->n_sigs = 0;
    p->n_suites = 0;

    /* what the system configuration disables, whatever the string says */
    struct gnossl_prio_policy pol;
    gnossl_prio_system_policy(&pol);
    drop_listed(&p->kx, pol.kxs, pol.n_kxs);
    drop_listed(&p->groups, pol.groups, pol.n_groups);
    drop_listed(&p->cipher, pol.ciphers, pol.n_ciphers);
    drop_listed(&p->mac, pol.macs, pol.n_macs);

    for (unsigned i = 0; i < p->cipher.n; i++)
        if (p->cipher.v[i] == GNUTLS_CIPHER_NULL)
            have_null = 1;
    for (unsigned i = 0; i < p->kx.n; i++) {
        unsigned kx = p->kx.v[i];
        if (kx == GNUTLS_KX_SRP || kx == GNUTLS_KX_SRP_RSA || kx == GNUTLS_KX_SRP_DSS)
            have_srp = 1;
        else if (kx == GNUTLS_KX_RSA_PSK)
            have_rsa_psk = 1;
        else if (is_psk_kx(kx))
            have_psk = 1;
    }

    /* versions that cannot be negotiated at all (SSL 3.0) */
    j = 0;
    for (unsigned i = 0; i < p->protocol.n; i++)
        if (version_supported(p->protocol.v[i]) && !listed(pol.versions, pol.n_versions, p->protocol.v[i]))
            p->protocol.v[j++] = p->protocol.v[i];
    p->protocol.n = j;

    /* NULL ciphers, SRP and RSA-PSK have no TLS 1.3 form; TLS 1.3 cannot
     * work without extensions */
    if (have_null || have_srp || have_rsa_psk || p->no_extensions)
        remove_tls13(&p->protocol);

    for (unsigned i = 0; i < p->protocol.n; i++) {
        unsigned v = p->protocol.v[i];
        if (!is_dtls_version(v)) {
            tls_sem |= v == GNUTLS_TLS1_3 ? 2 : 1;
            if (v == GNUTLS_TLS1_3)
                have_tls13 = 1;
            else if (v == GNUTLS_TLS1_2)
                have_tls12 = 1;
            else
                have_pre_tls12 = 1;
            if (tlsmax == 0 || v > tlsmax)
                tlsmax = v;
            if (tlsmin == 0 || v < tlsmin)
                tlsmin = v;
        } else {
            tls_sem |= 1;
            if (dtlsmin == 0 || v < dtlsmin)
                dtlsmin = v;
        }
    }
    if (tlsmin == 0 && dtlsmin == 0)
        return GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET);

    /* TLS 1.3 alone needs no key exchange algorithms */
    if (tlsmin == GNUTLS_TLS1_3 && !have_psk && dtlsmin == 0)
        p->kx.n = 0;

    /* TLS 1.3 suites first, then the kx x cipher x MAC product */
    for (unsigned c = 0; c < p->cipher.n; c++)
        for (unsigned m = 0; m < p->mac.n; m++) {
            int s = gnossl_prio_suite_find(0, p->cipher.v[c], p->mac.v[m]);
            if (s >= 0 && p->n_suites < PRIO_MAX_SUITES)
                p->suites[p->n_suites++] = (unsigned short)s;
        }
    for (unsigned k = 0; k < p->kx.n; k++)
        for (unsigned c = 0; c < p->cipher.n; c++)
            for (unsigned m = 0; m < p->mac.n; m++) {
                int s = gnossl_prio_suite_find(p->kx.v[k], p->cipher.v[c], p->mac.v[m]);
                if (s < 0 || p->n_suites >= PRIO_MAX_SUITES)
                    continue;
                p->suites[p->n_suites++] = (unsigned short)s;
                if (!have_ec && is_ec_kx(p->kx.v[k])) {
                    have_ec = 1;
                    add_groups(p, f, usable_ec);
                }
                if (!have_dh && is_dh_kx(p->kx.v[k])) {
                    have_dh = 1;
                    add_groups(p, f, gnossl_prio_group_is_dh);
                }
            }
    if (have_tls13 && (!have_ec || !have_dh)) {
        for (unsigned i = 0; i < p->groups.n; i++) {
            unsigned g = p->groups.v[i];
            if (usable_ec(g) && !have_ec) {
                add_groups(p, f, usable_ec);
                have_ec = 1;
            } else if (gnossl_prio_group_is_dh(g) && !have_dh) {
                add_groups(p, f, gnossl_prio_group_is_dh);
                have_dh = 1;
            }
            if (have_ec && have_dh)
                break;
        }
    }

    for (unsigned i = 0; i < p->sign.n; i++) {
        unsigned s = p->sign.v[i];
        if ((sign_sem(s) & tls_sem) != 0 && f->n_sigs < PRIO_MAX_ALGOS)
            f->sigs[f->n_sigs++] = s;
    }

    if (f->n_sigs == 0) {
        /* without signature algorithms only TLS < 1.2 / DTLS < 1.2 remain */
        j = 0;
        for (unsigned i = 0; i < p->protocol.n; i++) {
            unsigned v = p->protocol.v[i];
            if (v < GNUTLS_TLS1_2 || (is_dtls_version(v) && v < GNUTLS_DTLS1_2))
                p->protocol.v[j++] = v;
        }
        p->protocol.n = j;
    }
    if (p->protocol.n == 0 || p->n_suites == 0)
        return GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET);

    /* TLS 1.3 needs groups, and TLS 1.2 when older versions are enabled */
    if ((!have_psk && tlsmax >= GNUTLS_TLS1_3 && f->n_groups == 0) ||
        (!have_tls12 && have_pre_tls12 && have_tls13))
        remove_tls13(&p->protocol);

    /* the configured minimum verification profile wins over weaker ones */
    if (pol.min_profile != 0 && p->level < profile_sec_param(pol.min_profile)) {
        p->profile = pol.min_profile;
        p->level = profile_sec_param(pol.min_profile);
    }
    return 0;
}

/* ---- OpenSSL strings ---- */
struct sbuf {
    char *s;
    size_t len, cap;
    int failed;
};

static void sb_add(struct sbuf *b, const char *item)
{
    size_t n = strlen(item);
    if (b->failed)
        return;
    /* skip duplicates (several GnuTLS ids share one OpenSSL name) */
    if (b->s != NULL) {
        for (const char *c = b->s; (c = strstr(c, item)) != NULL; c += n)
            if ((c == b->s || c[-1] == ':') && (c[n] == ':' || c[n] == 0))
                return;
    }
    if (b->len + n + 2 > b->cap) {
        size_t cap = (b->cap + n + 2) * 2;
        char *s = realloc(b->s, cap);
        if (s == NULL) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    if (b->len > 0)
        b->s[b->len++] = ':';
    memcpy(b->s + b->len, item, n + 1);
    b->len += n;
}

static int ossl_tls_version(unsigned v)
{
    switch (v) {
    case GNUTLS_TLS1_0: return TLS1_VERSION;
    case GNUTLS_TLS1_1: return TLS1_1_VERSION;
    case GNUTLS_TLS1_2: return TLS1_2_VERSION;
    case GNUTLS_TLS1_3: return TLS1_3_VERSION;
    default: return 0;
    }
}

/* OpenSSL security level for the verification profile.  Level 1 already
 * refuses the MD5/SHA-1 handshake signatures TLS < 1.2 needs, anonymous and
 * NULL suites: a priority that asks only for old protocols, or enables
 * anonymous or NULL suites, gets level 0 so that what GnuTLS would
 * negotiate stays possible. */
static int seclevel_for(const struct gnutls_priority_st *p, int legacy_only)
{
    int relaxed = legacy_only;
    for (unsigned i = 0; i < p->kx.n; i++)
        if (p->kx.v[i] == GNUTLS_KX_ANON_DH || p->kx.v[i] == GNUTLS_KX_ANON_ECDH)
            relaxed = 1;
    for (unsigned i = 0; i < p->cipher.n; i++)
        if (p->cipher.v[i] == GNUTLS_CIPHER_NULL)
            relaxed = 1;
    if (relaxed)
        return 0;
    switch (p->profile) {
    case GNUTLS_PROFILE_LOW:
    case GNUTLS_PROFILE_LEGACY: return 1;
    case GNUTLS_PROFILE_MEDIUM: return 2;
    case GNUTLS_PROFILE_HIGH:
    case GNUTLS_PROFILE_SUITEB128: return 3;
    case GNUTLS_PROFILE_ULTRA:
    case GNUTLS_PROFILE_SUITEB192: return 4;
    case GNUTLS_PROFILE_FUTURE: return 5;
    default: return 0;
    }
}

static int compile(struct gnutls_priority_st *p, const struct fin *f)
{
    struct sbuf tls12 = {0}, tls13 = {0}, groups = {0}, sigs = {0};
    int dtls09 = 0, dtls10 = 0, dtls12 = 0, legacy_only = 0;

    for (unsigned i = 0; i < p->n_suites; i++) {
        const struct gnossl_suite *s = &gnossl_suites[p->suites[i]];
        if (s->ossl == NULL)
            continue;
        sb_add(s->kx == 0 ? &tls13 : &tls12, s->ossl);
    }
    for (unsigned i = 0; i < f->n_groups; i++) {
        const char *n = gnossl_prio_group_ossl(f->groups[i]);
        if (n != NULL)
            sb_add(&groups, n);
    }
    for (unsigned i = 0; i < f->n_sigs; i++) {
        const char *n = gnossl_prio_sign_ossl(f->sigs[i]);
        if (n != NULL)
            sb_add(&sigs, n);
    }
    if (tls12.failed || tls13.failed || groups.failed || sigs.failed) {
        free(tls12.s);
        free(tls13.s);
        free(groups.s);
        free(sigs.s);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    p->cipher_list = tls12.s;
    p->ciphersuites = tls13.s != NULL ? tls13.s : strdup("");
    p->groups_list = groups.s;
    p->sigalgs_list = sigs.s;
    if (p->ciphersuites == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    size_t klen = 8 + (tls12.s ? tls12.len : 0) + strlen(p->ciphersuites) + (groups.s ? groups.len : 0) +
                  (sigs.s ? sigs.len : 0);
    p->lists_key = malloc(klen);
    if (p->lists_key == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    snprintf(p->lists_key, klen, "%s\n%s\n%s\n%s", tls12.s ? tls12.s : "-", p->ciphersuites,
             groups.s ? groups.s : "-", sigs.s ? sigs.s : "-");

    /* Versions OpenSSL can actually run with what is left. */
    for (unsigned i = 0; i < p->protocol.n; i++) {
        if (p->protocol.v[i] == GNUTLS_DTLS0_9)
            dtls09 = tls12.s != NULL;
        else if (p->protocol.v[i] == GNUTLS_DTLS1_0)
            dtls10 = tls12.s != NULL;
        else if (p->protocol.v[i] == GNUTLS_DTLS1_2)
            dtls12 = tls12.s != NULL;
    }
    unsigned vmin = 0, vmax = 0;
    int on[6] = {0}, psk = 0;
    for (unsigned i = 0; i < p->kx.n; i++)
        psk |= is_psk_kx(p->kx.v[i]);
    for (unsigned i = 0; i < p->protocol.n; i++) {
        unsigned v = p->protocol.v[i];
        if (v == GNUTLS_TLS1_3) /* TLS 1.3 needs a group, unless PSK alone will do */
            on[5] = tls13.s != NULL && (groups.s != NULL || psk);
        else if (v >= GNUTLS_TLS1_0 && v <= GNUTLS_TLS1_2)
            on[v] = tls12.s != NULL;
    }
    /* OpenSSL negotiates only within one contiguous run of enabled versions,
     * and with a hole it picks the lowest run (NORMAL:-VERS-TLS1.1 would cap
     * a client at TLS 1.0).  GnuTLS offers its highest version, so keep the
     * run that contains it; versions below a hole are dropped. */
    for (unsigned v = GNUTLS_TLS1_3; v >= GNUTLS_TLS1_0; v--) {
        if (on[v]) {
            if (vmax == 0)
                vmax = v;
            vmin = v;
        } else if (vmax != 0) {
            break;
        }
    }
    p->tls_no_ops = 0;
    if (vmin == 0) {
        /* nothing OpenSSL can negotiate: an empty range fails the handshake */
        p->tls_min = TLS1_3_VERSION;
        p->tls_max = TLS1_VERSION;
        p->tls_unusable = 1;
    } else {
        p->tls_min = ossl_tls_version(vmin);
        p->tls_max = ossl_tls_version(vmax);
        legacy_only = vmax < GNUTLS_TLS1_2;
    }
    if (!dtls10 && !dtls12 && dtls09) {
        /* Cisco's DTLS 0.9 alone (openconnect): OpenSSL's client runs it
         * within these bounds; servers refuse it (dtls09.c). */
        p->dtls_min = p->dtls_max = DTLS1_BAD_VER;
    } else if (!dtls10 && !dtls12) {
        p->dtls_min = DTLS1_2_VERSION;
        p->dtls_max = DTLS1_VERSION;
        p->dtls_unusable = 1;
    } else {
        p->dtls_min = dtls10 ? DTLS1_VERSION : DTLS1_2_VERSION;
        p->dtls_max = dtls12 ? DTLS1_2_VERSION : DTLS1_VERSION;
    }
    p->seclevel = seclevel_for(p, legacy_only);
    p->dtls_seclevel = seclevel_for(p, (dtls09 || dtls10) && !dtls12);

    /* Options: set what the priority asks for; clear only the options
     * whose state the priority decides. */
    uint64_t set = 0, clear = 0;
    if (p->no_tickets || p->no_tickets_tls12)
        set |= SSL_OP_NO_TICKET;
    if (p->server_precedence)
        set |= SSL_OP_CIPHER_SERVER_PREFERENCE;
    else
        clear |= SSL_OP_CIPHER_SERVER_PREFERENCE;
    if (p->no_etm)
        set |= SSL_OP_NO_ENCRYPT_THEN_MAC;
    if (p->no_ems)
        set |= SSL_OP_NO_EXTENDED_MASTER_SECRET;
    if (p->tls13_compat_mode)
        set |= SSL_OP_ENABLE_MIDDLEBOX_COMPAT;
    else
        clear |= SSL_OP_ENABLE_MIDDLEBOX_COMPAT;
    if (p->dumbfw)
        set |= SSL_OP_TLSEXT_PADDING;
    /* plain PSK in TLS 1.3 is psk_ke: allowed only when +PSK is listed */
    clear |= SSL_OP_ALLOW_NO_DHE_KEX;
    for (unsigned i = 0; i < p->kx.n; i++)
        if (p->kx.v[i] == GNUTLS_KX_PSK) {
            set |= SSL_OP_ALLOW_NO_DHE_KEX;
            clear &= ~(uint64_t)SSL_OP_ALLOW_NO_DHE_KEX;
        }
    switch (p->sr) {
    case PRIO_SR_SAFE:
        clear |= SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;
        break;
    case PRIO_SR_PARTIAL:
        /* talk to servers without the extension, renegotiate only safely */
        set |= SSL_OP_LEGACY_SERVER_CONNECT;
        clear |= SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;
        break;
    default:
        set |= SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;
        break;
    }
    p->op_set = set;
    p->op_clear = clear;
    p->mode_fallback = p->fallback;

    /* flags other rooms consult */
    unsigned fl = 0;
    if (p->no_tickets)
        fl |= GNOSSL_PRIO_NO_TICKETS;
    if (p->no_tickets_tls12)
        fl |= GNOSSL_PRIO_NO_TICKETS_TLS12;
    if (p->server_precedence)
        fl |= GNOSSL_PRIO_SERVER_PRECEDENCE;
    if (p->verify_flags & GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS)
        fl |= GNOSSL_PRIO_DISABLE_WILDCARDS;
    if (p->no_extensions)
        fl |= GNOSSL_PRIO_NO_EXTENSIONS;
    if (p->fallback)
        fl |= GNOSSL_PRIO_FALLBACK_SCSV;
    if (p->sr == PRIO_SR_UNSAFE)
        fl |= GNOSSL_PRIO_UNSAFE_RENEGOTIATION;
    if (p->sr == PRIO_SR_SAFE)
        fl |= GNOSSL_PRIO_SAFE_RENEGOTIATION;
    if (p->sr == PRIO_SR_DISABLED)
        fl |= GNOSSL_PRIO_DISABLE_SAFE_RENEGOTIATION;
    if (!p->tls13_compat_mode)
        fl |= GNOSSL_PRIO_NO_TLS13_COMPAT_MODE;
    if (p->no_etm)
        fl |= GNOSSL_PRIO_NO_ETM;
    if (p->force_etm)
        fl |= GNOSSL_PRIO_FORCE_ETM;
    if (p->no_ems)
        fl |= GNOSSL_PRIO_NO_SESSION_HASH;
    if (p->allow_large_records)
        fl |= GNOSSL_PRIO_ALLOW_LARGE_RECORDS;
    if (p->allow_small_records)
        fl |= GNOSSL_PRIO_ALLOW_SMALL_RECORDS;
    if (p->dumbfw)
        fl |= GNOSSL_PRIO_DUMBFW;
    if (p->key_usage_violations)
        fl |= GNOSSL_PRIO_ALLOW_KEY_USAGE_VIOLATIONS;
    p->flags = fl;
    return 0;
}

int gnossl_prio_build(struct gnutls_priority_st *p)
{
    struct fin f;
    int ret = finalize(p, &f);
    if (ret < 0)
        return ret;
    return compile(p, &f);
}
