/* gnutls_priority_*_list and friends: what a compiled priority contains,
 * reported exactly as GnuTLS 3.7.9 reports it. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"
#include "core/algorithms.h"

static int list_out(const struct gnossl_prio_list *l, const unsigned int **list)
{
    if (l->n == 0)
        return 0;
    *list = l->v;
    return (int)l->n;
}

int gnutls_priority_protocol_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->protocol, list);
}

int gnutls_priority_cipher_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->cipher, list);
}

int gnutls_priority_mac_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->mac, list);
}

int gnutls_priority_kx_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->kx, list);
}

int gnutls_priority_sign_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->sign, list);
}

int gnutls_priority_group_list(gnutls_priority_t p, const unsigned int **list)
{
    return list_out(&p->groups, list);
}

/* Only the leading run of elliptic curves: FFDHE groups are not curves. */
int gnutls_priority_ecc_curve_list(gnutls_priority_t p, const unsigned int **list)
{
    if (p->groups.n == 0)
        return 0;
    *list = p->groups.v;
    for (unsigned i = 0; i < p->groups.n; i++)
        if (p->groups.v[i] > GNUTLS_ECC_CURVE_MAX)
            return (int)i;
    return (int)p->groups.n;
}

int gnutls_priority_compression_list(gnutls_priority_t p, const unsigned int **list)
{
    static const unsigned int null_only[1] = {GNUTLS_COMP_NULL};
    (void)p;
    *list = null_only;
    return 1;
}

int gnutls_priority_certificate_type_list2(gnutls_priority_t p, const unsigned int **list,
                                           gnutls_ctype_target_t target)
{
    switch (target) {
    case GNUTLS_CTYPE_CLIENT:
        return list_out(&p->client_ctype, list);
    case GNUTLS_CTYPE_SERVER:
        return list_out(&p->server_ctype, list);
    default:
        gnossl_debug("priority: certificate type target %d is neither client nor server", (int)target);
        return 0;
    }
}

int gnutls_priority_certificate_type_list(gnutls_priority_t p, const unsigned int **list)
{
    return gnutls_priority_certificate_type_list2(p, list,
                                                  p->server_precedence ? GNUTLS_CTYPE_SERVER
                                                                       : GNUTLS_CTYPE_CLIENT);
}

/* The lowest DTLS version a suite runs on: RC4, GOST and TLS 1.3 suites
 * never; TLS 1.2 suites from DTLS 1.2, older ones from DTLS 0.9. */
static unsigned suite_min_dtls(const struct gnossl_suite *s)
{
    if (s->kx == 0 || s->cipher == GNUTLS_CIPHER_ARCFOUR_128 || s->cipher == GNUTLS_CIPHER_GOST28147_TC26Z_CNT)
        return 0xff;
    return s->min_version >= GNUTLS_TLS1_2 ? GNUTLS_DTLS1_2 : GNUTLS_DTLS0_9;
}

int gnutls_priority_get_cipher_suite_index(gnutls_priority_t p, unsigned int idx, unsigned int *sidx)
{
    unsigned max_tls = 0, max_dtls = 0;

    if (idx >= p->n_suites)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    for (unsigned j = 0; j < p->protocol.n; j++) {
        unsigned v = p->protocol.v[j];
        if (v <= GNUTLS_TLS_VERSION_MAX && v >= max_tls)
            max_tls = v;
        else if (v <= GNUTLS_DTLS_VERSION_MAX && v >= max_dtls)
            max_dtls = v;
    }
    const struct gnossl_suite *s = &gnossl_suites[p->suites[idx]];
    *sidx = p->suites[idx];
    if (max_tls >= s->min_version || max_dtls >= suite_min_dtls(s))
        return 0;
    return GNUTLS_E_UNKNOWN_CIPHER_SUITE;
}

/* Initial keywords, or the % option table's slots. */
const char *gnutls_priority_string_list(unsigned iter, unsigned int flags)
{
    if (flags & GNUTLS_PRIORITY_LIST_INIT_KEYWORDS) {
        unsigned n = 0;
        while (gnossl_prio_levels[n].name != NULL)
            n++;
        return iter < n ? gnossl_prio_levels[iter].name : NULL;
    }
    if (flags & GNUTLS_PRIORITY_LIST_SPECIAL)
        return gnossl_prio_special_name(iter);
    return NULL;
}
