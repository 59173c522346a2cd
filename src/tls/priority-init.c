/* gnutls_priority_init / init2 / deinit: the priority string grammar.
 * The string is parsed once into the lists GnuTLS keeps (what the getters
 * report), then finalised and compiled into OpenSSL settings. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- list operations, with GnuTLS's semantics ---- */
static void list_set(struct gnossl_prio_list *l, const int *v)
{
    l->n = 0;
    for (; *v != 0 && l->n < PRIO_MAX_ALGOS; v++)
        l->v[l->n++] = (unsigned)*v;
}

static void list_add(struct gnossl_prio_list *l, unsigned a)
{
    if (l->n >= PRIO_MAX_ALGOS)
        return;
    for (unsigned i = 0; i < l->n; i++)
        if (l->v[i] == a)
            return;
    l->v[l->n++] = a;
}

static void list_remove(struct gnossl_prio_list *l, unsigned a)
{
    for (unsigned i = 0; i < l->n; i++)
        if (l->v[i] == a) {
            memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof l->v[0]);
            l->n--;
            return;
        }
}

/* Append the members of v not already present when the call began (GnuTLS
 * compares only against the original entries). */
static void bulk_add(struct gnossl_prio_list *l, const int *v)
{
    unsigned init = l->n;
    for (; *v != 0; v++) {
        if (l->n + 1 > PRIO_MAX_ALGOS)
            return;
        unsigned j;
        for (j = 0; j < init; j++)
            if (l->v[j] == (unsigned)*v)
                break;
        if (j == init)
            l->v[l->n++] = (unsigned)*v;
    }
}

static void bulk_clear(struct gnossl_prio_list *l, const int *v)
{
    (void)v;
    l->n = 0;
}

static void bulk_remove_given(struct gnossl_prio_list *l, const int *v)
{
    for (; *v != 0; v++)
        list_remove(l, (unsigned)*v);
}

typedef void (*one_fn)(struct gnossl_prio_list *, unsigned);
typedef void (*bulk_fn)(struct gnossl_prio_list *, const int *);

/* An initial keyword (NORMAL, ...) replaces the lists, or adds to them once
 * a keyword was seen.  Returns 1 if `name` is a keyword. */
static int apply_level(struct gnutls_priority_st *p, const char *name, int add)
{
    bulk_fn fn = add ? bulk_add : list_set;
    for (const struct gnossl_prio_level *lv = gnossl_prio_levels; lv->name != NULL; lv++) {
        if (strcasecmp(name, lv->name) != 0 && (lv->alias == NULL || strcasecmp(name, lv->alias) != 0))
            continue;
        if (lv->proto != NULL)
            fn(&p->protocol, lv->proto);
        fn(&p->cipher, lv->cipher);
        fn(&p->kx, lv->kx);
        fn(&p->mac, lv->mac);
        fn(&p->sign, lv->sign);
        fn(&p->groups, lv->group);
        /* keep the lowest verification profile, and the lowest level */
        if (lv->profile != 0 && (p->profile == 0 || p->profile > lv->profile))
            p->profile = lv->profile;
        if (p->level == 0 || (unsigned)p->level > (unsigned)lv->sec_param)
            p->level = lv->sec_param;
        p->no_tickets = lv->no_tickets;
        p->no_tickets_tls12 = lv->no_tickets_tls12;
        return 1;
    }
    return 0;
}

static int prefix(const char *s, const char *pre)
{
    return strncasecmp(s, pre, strlen(pre)) == 0;
}

/* One "+X" / "-X" / "!X" item (s points after the sign).  0 or -1. */
static int apply_item(struct gnutls_priority_st *p, const char *s, int plus)
{
    one_fn one = plus ? list_add : list_remove;
    bulk_fn bulk = plus ? bulk_add : bulk_clear;
    bulk_fn given = plus ? bulk_add : bulk_remove_given;
    unsigned id;

    if (plus && apply_level(p, s, 1))
        return 0;
    if ((id = gnossl_prio_mac_id(s)) != 0) {
        one(&p->mac, id);
        return 0;
    }
    if (gnossl_prio_cipher_lookup(s, &id)) {
        if (id != 0)
            one(&p->cipher, id);
        return 0;
    }
    if ((id = gnossl_prio_kx_id(s)) != 0) {
        one(&p->kx, id);
        return 0;
    }
    if (strcasecmp(s, "RSA-EXPORT") == 0)
        return 0; /* a key exchange GnuTLS still names but no longer has */
    if (prefix(s, "VERS-")) {
        if (prefix(s, "VERS-TLS-ALL"))
            given(&p->protocol, gnossl_prio_protocols_stream);
        else if (prefix(s, "VERS-DTLS-ALL"))
            given(&p->protocol, plus ? gnossl_prio_protocols_dtls : gnossl_prio_protocols_dgram);
        else if (prefix(s, "VERS-ALL"))
            bulk(&p->protocol, gnossl_prio_protocols_all);
        else if ((id = gnossl_prio_version_id(s + 5)) != 0)
            one(&p->protocol, id);
        else
            return -1;
        return 0;
    }
    if (prefix(s, "COMP-"))
        return 0; /* compression is gone; every COMP- item is accepted */
    if (prefix(s, "CURVE-")) {
        if (prefix(s, "CURVE-ALL"))
            bulk(&p->groups, gnossl_prio_groups_normal);
        else if ((id = gnossl_prio_curve_id(s + 6)) != 0)
            one(&p->groups, id);
        else
            return -1;
        return 0;
    }
    if (prefix(s, "GROUP-")) {
        if (prefix(s, "GROUP-ALL"))
            bulk(&p->groups, gnossl_prio_groups_normal);
        else if (prefix(s, "GROUP-DH-ALL"))
            given(&p->groups, gnossl_prio_groups_dh);
        else if (prefix(s, "GROUP-EC-ALL"))
            given(&p->groups, gnossl_prio_groups_ecdh);
        else if (prefix(s, "GROUP-GOST-ALL"))
            given(&p->groups, gnossl_prio_groups_gost);
        else if ((id = gnossl_prio_group_id(s + 6)) != 0)
            one(&p->groups, id);
        else
            return -1;
        return 0;
    }
    if (prefix(s, "CTYPE-")) {
        if (prefix(s, "CTYPE-ALL")) {
            bulk(&p->client_ctype, gnossl_prio_ctype_all);
            bulk(&p->server_ctype, gnossl_prio_ctype_all);
        } else if (prefix(s, "CTYPE-CLI-")) {
            if (prefix(s, "CTYPE-CLI-ALL"))
                bulk(&p->client_ctype, gnossl_prio_ctype_all);
            else if ((id = gnossl_prio_ctype_id(s + 10)) != 0)
                one(&p->client_ctype, id);
            else
                return -1;
        } else if (prefix(s, "CTYPE-SRV-")) {
            if (prefix(s, "CTYPE-SRV-ALL"))
                bulk(&p->server_ctype, gnossl_prio_ctype_all);
            else if ((id = gnossl_prio_ctype_id(s + 10)) != 0)
                one(&p->server_ctype, id);
            else
                return -1;
        } else if ((id = gnossl_prio_ctype_id(s + 6)) != 0) {
            one(&p->client_ctype, id);
            one(&p->server_ctype, id);
        } else if (!prefix(s, "CTYPE-OPENPGP")) {
            return -1; /* OpenPGP is a legacy no-op */
        }
        return 0;
    }
    if (prefix(s, "SIGN-")) {
        if (prefix(s, "SIGN-ALL"))
            bulk(&p->sign, gnossl_prio_sign_default);
        else if (prefix(s, "SIGN-GOST-ALL"))
            bulk(&p->sign, gnossl_prio_sign_gost);
        else if ((id = gnossl_prio_sign_id(s + 5)) != 0)
            one(&p->sign, id);
        else
            return -1;
        return 0;
    }
    /* MAC-, CIPHER- and KX- items other than *-ALL are ignored, as GnuTLS does */
    if (prefix(s, "MAC-")) {
        if (prefix(s, "MAC-ALL"))
            bulk(&p->mac, gnossl_prio_mac_normal);
        else if (prefix(s, "MAC-GOST-ALL"))
            bulk(&p->mac, gnossl_prio_mac_gost);
        return 0;
    }
    if (prefix(s, "CIPHER-")) {
        if (prefix(s, "CIPHER-ALL"))
            bulk(&p->cipher, gnossl_prio_cipher_normal);
        else if (prefix(s, "CIPHER-GOST-ALL"))
            bulk(&p->cipher, gnossl_prio_cipher_gost);
        return 0;
    }
    if (prefix(s, "KX-")) {
        if (prefix(s, "KX-ALL"))
            bulk(&p->kx, gnossl_prio_kx_secure);
        else if (prefix(s, "KX-GOST-ALL"))
            bulk(&p->kx, gnossl_prio_kx_gost);
        return 0;
    }
    if (prefix(s, "GOST")) {
        given(&p->groups, gnossl_prio_groups_gost);
        bulk(&p->sign, gnossl_prio_sign_gost);
        bulk(&p->mac, gnossl_prio_mac_gost);
        bulk(&p->cipher, gnossl_prio_cipher_gost);
        bulk(&p->kx, gnossl_prio_kx_gost);
        return 0;
    }
    return -1;
}

/* Split at ':' like GnuTLS: spaces after a ':' are skipped, at most
 * PRIO_MAX_ELEMENTS elements and anything beyond is dropped. */
static int split(char *s, char **el)
{
    int n = 0;
    char *c = s;
    do {
        el[n++] = c;
        c = strchr(c, ':');
        if (c != NULL) {
            *c++ = 0;
            while (*c == ' ')
                c++;
        }
    } while (c != NULL && n < PRIO_MAX_ELEMENTS);
    return n;
}

void gnossl_prio_free(struct gnutls_priority_st *p)
{
    if (p == NULL)
        return;
    free(p->cipher_list);
    free(p->ciphersuites);
    free(p->groups_list);
    free(p->sigalgs_list);
    free(p->lists_key);
    free(p);
}

/* Parse and compile `priorities` into a new object (gnutls_priority_init
 * shares these by string, priority-session.c). */
int gnossl_priority_compile(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos)
{
    char *el[PRIO_MAX_ELEMENTS];
    int n = 0, i = 0, keyword_seen = 0, ret;
    int resolved_match = 1;
    char *work = NULL, *def = NULL;
    struct gnutls_priority_st *p;

    if (err_pos != NULL)
        *err_pos = priorities;
    if (priority_cache == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *priority_cache = NULL;

    p = calloc(1, sizeof *p);
    if (p == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    p->refs = 1;
    p->sr = PRIO_SR_PARTIAL;
    p->tls13_compat_mode = 1;
    p->min_record_version = 1;

    if (priorities == NULL) {
        def = gnossl_prio_default_string();
        if (def == NULL) {
            free(p);
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        }
        priorities = def;
        resolved_match = 0;
    }
    work = gnossl_prio_resolve(priorities);
    if (work == NULL) {
        gnossl_debug("priority: '%s' names no configured keyword", priorities);
        goto syntax_error;
    }
    if (strcmp(work, priorities) != 0)
        resolved_match = 0;

    n = split(work, el);
    if (strcasecmp(el[0], "NONE") != 0) {
        list_set(&p->protocol, gnossl_prio_protocols_all);
        list_set(&p->client_ctype, gnossl_prio_ctype_default);
        list_set(&p->server_ctype, gnossl_prio_ctype_default);
        list_set(&p->sign, gnossl_prio_sign_default);
        list_set(&p->groups, gnossl_prio_groups_normal);
        i = 0;
    } else {
        keyword_seen = 1;
        i = 1;
    }

    for (; i < n; i++) {
        const char *e = el[i];
        if (apply_level(p, e, keyword_seen)) {
            keyword_seen = 1;
            continue;
        }
        if (e[0] == '+' || e[0] == '-' || e[0] == '!') {
            if (apply_item(p, e + 1, e[0] == '+') < 0)
                goto syntax_error;
        } else if (e[0] == '%') {
            gnossl_prio_option_fn fn = gnossl_prio_option_find(e + 1);
            if (fn == NULL)
                goto syntax_error;
            fn(p);
        } else {
            goto syntax_error;
        }
    }

    ret = gnossl_prio_build(p);
    if (ret < 0) {
        if (err_pos != NULL)
            *err_pos = def != NULL ? NULL : priorities;
        free(work);
        free(def);
        gnossl_prio_free(p);
        return ret;
    }
    free(work);
    free(def);
    *priority_cache = p;
    return 0;

syntax_error:
    if (err_pos != NULL && i < n && resolved_match) {
        const char *pos = priorities;
        for (int j = 0; j < i; j++)
            pos += strlen(el[j]) + 1;
        *err_pos = pos;
    }
    if (i < n)
        gnossl_debug("priority: cannot use '%s'", el[i]);
    if (err_pos != NULL && def != NULL)
        *err_pos = NULL; /* never point into our own copy */
    free(work);
    free(def);
    gnossl_prio_free(p);
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_priority_init2(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos,
                          unsigned flags)
{
    if (!(flags & GNUTLS_PRIORITY_INIT_DEF_APPEND))
        return gnutls_priority_init(priority_cache, priorities, err_pos);

    if (priority_cache != NULL)
        *priority_cache = NULL;
    if (priorities == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (err_pos != NULL)
        *err_pos = priorities;

    char *def = gnossl_prio_default_string();
    if (def == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    size_t hlen = strlen(def) + 1, plen = strlen(priorities);
    char *buf = malloc(hlen + plen + 1);
    if (buf == NULL) {
        free(def);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(buf, def, hlen - 1);
    free(def);
    buf[hlen - 1] = ':';
    memcpy(buf + hlen, priorities, plen + 1);

    const char *ep = NULL;
    int ret = gnutls_priority_init(priority_cache, buf, &ep);
    /* report positions inside the caller's part of the string */
    if (ret < 0 && ep != NULL && ep != buf && err_pos != NULL && (size_t)(ep - buf) > hlen)
        *err_pos = priorities + (ep - buf) - hlen;
    else if (ret < 0 && err_pos != NULL)
        *err_pos = priorities;
    free(buf);
    return ret;
}

void gnossl_priority_ref(gnutls_priority_t p)
{
    if (p != NULL)
        __atomic_add_fetch(&p->refs, 1, __ATOMIC_RELAXED);
}

void gnossl_priority_unref(gnutls_priority_t p)
{
    if (p != NULL && __atomic_sub_fetch(&p->refs, 1, __ATOMIC_ACQ_REL) == 0)
        gnossl_prio_free(p);
}

/* A session holding a reference keeps the object alive past this call. */
void gnutls_priority_deinit(gnutls_priority_t priority_cache)
{
    gnossl_priority_unref(priority_cache);
}
