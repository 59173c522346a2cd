/* Differential test of name matching and CRL verification: the issuer
 * lookups (gnutls_x509_crt_check_issuer, crl_check_issuer, trust-list
 * get_issuer / get_issuer_by_dn / by_subject_key_id) with one CA name in
 * PrintableString, UTF8String and lower case, and an impostor CA with the
 * root's name and key ID over another key; chain verification across those
 * names (buckets of a default-size and a one-bucket list);
 * gnutls_x509_crl_verify against issuers that are not CAs or lack cRLSign,
 * with expired and not yet valid CRLs; trust_list_add_crls with
 * GNUTLS_TL_VERIFY_CRL; a TLS client's verification of servers whose
 * issuer name differs from its anchor's.  Corpus: x509-names-pki.sh
 * (openssl CLI). */
#include "tls-pair.h"
#include <gnutls/x509.h>

struct item {
    const char *name, *pem;
};
extern const struct item pki[];

static gnutls_datum_t pem(const char *name)
{
    for (unsigned i = 0; pki[i].name; i++)
        if (strcmp(pki[i].name, name) == 0)
            return (gnutls_datum_t){(unsigned char *)pki[i].pem, (unsigned)strlen(pki[i].pem)};
    printf("no %s\n", name);
    exit(1);
}

static gnutls_x509_crt_t crt(const char *name)
{
    gnutls_x509_crt_t c;
    gnutls_datum_t d = pem(name);
    gnutls_x509_crt_init(&c);
    if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
        printf("cannot import %s\n", name);
        exit(1);
    }
    return c;
}

static gnutls_x509_crl_t crl(const char *name)
{
    gnutls_x509_crl_t c;
    gnutls_datum_t d = pem(name);
    gnutls_x509_crl_init(&c);
    if (gnutls_x509_crl_import(c, &d, GNUTLS_X509_FMT_PEM) < 0) {
        printf("cannot import %s\n", name);
        exit(1);
    }
    return c;
}

static const char *const cas[] = {"rootp", "rootu", "rootl", "fake", NULL};
static const char *const leaves[] = {"leafp", "leafu", "leafl", "leaff", NULL};
static const char *const crls[] = {"crlp", "crlu", "crll", "crlold", "crlfuture", "crlfake",
                                   "crlnotca", "crlnoku", "crlnokuext", NULL};

/* which of the corpus's CAs `c` is */
static const char *which(gnutls_x509_crt_t c)
{
    static const char *const all[] = {"rootp", "rootu", "rootl", "fake", "notca", "noku", "nokuext", NULL};
    for (unsigned i = 0; all[i]; i++) {
        gnutls_x509_crt_t x = crt(all[i]);
        unsigned eq = gnutls_x509_crt_equals(x, c);
        gnutls_x509_crt_deinit(x);
        if (eq)
            return all[i];
    }
    return "?";
}

static void check_issuers(void)
{
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = crt(leaves[i]);
        printf("check_issuer %s:", leaves[i]);
        for (unsigned k = 0; cas[k]; k++) {
            gnutls_x509_crt_t c = crt(cas[k]);
            printf(" %s=%u", cas[k], gnutls_x509_crt_check_issuer(l, c));
            gnutls_x509_crt_deinit(c);
        }
        printf("\n");
        gnutls_x509_crt_deinit(l);
    }
    for (unsigned i = 0; crls[i]; i++) {
        gnutls_x509_crl_t r = crl(crls[i]);
        printf("crl_check_issuer %s:", crls[i]);
        for (unsigned k = 0; cas[k]; k++) {
            gnutls_x509_crt_t c = crt(cas[k]);
            printf(" %s=%u", cas[k], gnutls_x509_crl_check_issuer(r, c));
            gnutls_x509_crt_deinit(c);
        }
        printf("\n");
        gnutls_x509_crl_deinit(r);
    }
}

/* gnutls_x509_trust_list_remove_cas distrusts what it is given: a leaf,
 * alone or in a chain, and a removed anchor */
static void removed_case(void)
{
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_x509_crt_t a = crt("rootp"), l = crt("leafp"), u = crt("leafu"), rm = crt("leafp"), rm2 = crt("rootp");
    gnutls_x509_trust_list_add_cas(tl, &a, 1, 0);
    unsigned st = 0xdead;
    int r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, NULL);
    printf("removed: before=%d/0x%x", r, st);
    printf(" remove(leafp)=%d", gnutls_x509_trust_list_remove_cas(tl, &rm, 1));
    r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, NULL);
    printf(" leafp=%d/0x%x", r, st);
    gnutls_x509_crt_t root_copy = crt("rootp");
    gnutls_x509_crt_t ch[2] = {u, root_copy};
    printf(" remove(rootp)=%d", gnutls_x509_trust_list_remove_cas(tl, &rm2, 1));
    r = gnutls_x509_trust_list_verify_crt(tl, ch, 2, 0, &st, NULL);
    printf(" leafu+rootp=%d/0x%x", r, st);
    gnutls_x509_crt_t ch2[2] = {l, root_copy};
    r = gnutls_x509_trust_list_verify_crt(tl, ch2, 2, 0, &st, NULL);
    printf(" leafp+rootp=%d/0x%x\n", r, st);
    gnutls_x509_crt_deinit(rm);
    gnutls_x509_crt_deinit(rm2);
    gnutls_x509_crt_deinit(l);
    gnutls_x509_crt_deinit(u);
    gnutls_x509_crt_deinit(root_copy);
    gnutls_x509_trust_list_deinit(tl, 1);
}

/* lookups and verification in a list holding one of the CAs */
static void lookups(const char *anchor, unsigned size)
{
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, size);
    gnutls_x509_crt_t a = crt(anchor);
    gnutls_x509_trust_list_add_cas(tl, &a, 1, 0);
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = crt(leaves[i]), iss = NULL;
        printf("list(%s,%u) %s:", anchor, size, leaves[i]);
        int r = gnutls_x509_trust_list_get_issuer(tl, l, &iss, 0);
        printf(" get_issuer=%d %s", r, r == 0 ? which(iss) : "-");
        r = gnutls_x509_trust_list_get_issuer(tl, l, &iss, GNUTLS_TL_GET_COPY);
        printf(" copy=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        gnutls_datum_t dn;
        gnutls_x509_crt_get_raw_issuer_dn(l, &dn);
        r = gnutls_x509_trust_list_get_issuer_by_dn(tl, &dn, &iss, 0);
        printf(" by_dn=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        unsigned char id[64];
        size_t idsz = sizeof id;
        gnutls_x509_crt_get_authority_key_id(l, id, &idsz, NULL);
        gnutls_datum_t kid = {id, (unsigned)idsz};
        r = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, &dn, &kid, &iss, 0);
        printf(" by_dn_kid=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        r = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &kid, &iss, 0);
        printf(" by_kid=%d", r);
        if (r == 0)
            gnutls_x509_crt_deinit(iss);
        gnutls_free(dn.data);
        unsigned st = 0xdead;
        r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, NULL);
        printf(" verify=%d/0x%x", r, st);
        r = gnutls_x509_crt_verify(l, &a, 1, 0, &st);
        printf(" crt_verify=%d/0x%x\n", r, st);
        gnutls_x509_crt_deinit(l);
    }
    gnutls_x509_trust_list_deinit(tl, 1);
}

static void crl_verifies(void)
{
    static const char *const issuers[] = {"rootp", "rootu", "rootl", "fake", "notca", "noku", "nokuext", NULL};
    static const unsigned flags[] = {0, GNUTLS_VERIFY_DISABLE_CA_SIGN};
    for (unsigned i = 0; crls[i]; i++) {
        gnutls_x509_crl_t r = crl(crls[i]);
        for (unsigned f = 0; f < 2; f++) {
            printf("crl_verify %s flags=%x:", crls[i], flags[f]);
            unsigned st = 0xdead;
            int ret = gnutls_x509_crl_verify(r, NULL, 0, flags[f], &st);
            printf(" none=%d/0x%x", ret, st);
            for (unsigned k = 0; issuers[k]; k++) {
                gnutls_x509_crt_t c = crt(issuers[k]);
                st = 0xdead;
                ret = gnutls_x509_crl_verify(r, &c, 1, flags[f], &st);
                printf(" %s=%d/0x%x", issuers[k], ret, st);
                gnutls_x509_crt_deinit(c);
            }
            printf("\n");
        }
        gnutls_x509_crl_deinit(r);
    }
}

/* A CRL without nextUpdate, made here with the leaves' key as a CA */
static void crl_no_next_update(void)
{
    gnutls_x509_privkey_t key;
    gnutls_x509_crt_t ca;
    gnutls_x509_crl_t c;
    gnutls_datum_t k = pem("leafkey");
    gnutls_x509_privkey_init(&key);
    gnutls_x509_privkey_import(key, &k, GNUTLS_X509_FMT_PEM);
    gnutls_x509_crt_init(&ca);
    gnutls_x509_crt_set_version(ca, 3);
    gnutls_x509_crt_set_serial(ca, "\x01", 1);
    gnutls_x509_crt_set_activation_time(ca, 1577836800);
    gnutls_x509_crt_set_expiration_time(ca, 3786912000);
    gnutls_x509_crt_set_dn(ca, "CN=Generated CA", NULL);
    gnutls_x509_crt_set_key(ca, key);
    gnutls_x509_crt_set_basic_constraints(ca, 1, -1);
    gnutls_x509_crt_sign2(ca, ca, key, GNUTLS_DIG_SHA256, 0);
    gnutls_x509_crl_init(&c);
    gnutls_x509_crl_set_version(c, 2);
    gnutls_x509_crl_set_this_update(c, 1577836800);
    printf("crl without nextUpdate: sign=%d next=%lld", gnutls_x509_crl_sign2(c, ca, key, GNUTLS_DIG_SHA256, 0),
           (long long)gnutls_x509_crl_get_next_update(c));
    unsigned st = 0xdead;
    int r = gnutls_x509_crl_verify(c, &ca, 1, 0, &st);
    printf(" verify=%d/0x%x", r, st);
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_x509_trust_list_add_cas(tl, &ca, 1, 0);
    printf(" add_crls(verify)=%d\n", gnutls_x509_trust_list_add_crls(tl, &c, 1, GNUTLS_TL_VERIFY_CRL, 0));
    gnutls_x509_trust_list_deinit(tl, 1);
    gnutls_x509_privkey_deinit(key);
}

/* CRLs given to a list holding CAs of each kind: the return value, and
 * which CRLs the list kept, as the revocation pass reports them */
static int report_crl(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, gnutls_x509_crl_t c, unsigned status)
{
    (void)cert;
    (void)issuer;
    if (c != NULL)
        printf(" [crl this=%lld status=0x%x]", (long long)gnutls_x509_crl_get_this_update(c), status);
    return 0;
}

static void add_crls_case(const char *a, const char *b, unsigned tlflags, unsigned vflags)
{
    static const char *const anchors[] = {"rootp", "notca", "noku", "nokuext", NULL};
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    for (unsigned k = 0; anchors[k]; k++) {
        gnutls_x509_crt_t c = crt(anchors[k]);
        gnutls_x509_trust_list_add_cas(tl, &c, 1, 0);
    }
    gnutls_x509_crl_t list[2];
    unsigned n = 0;
    list[n++] = crl(a);
    if (b)
        list[n++] = crl(b);
    int r = gnutls_x509_trust_list_add_crls(tl, list, n, tlflags, vflags);
    printf("add_crls(%x,%x) %s%s%s=%d", tlflags, vflags, a, b ? "+" : "", b ? b : "", r);
    gnutls_x509_crt_t l = crt("leafp");
    unsigned st = 0xdead;
    r = gnutls_x509_trust_list_verify_crt(tl, &l, 1, 0, &st, report_crl);
    printf(" verify(leafp)=%d/0x%x\n", r, st);
    gnutls_x509_crt_deinit(l);
    gnutls_x509_trust_list_deinit(tl, 1);
}

static void add_crls(unsigned tlflags, unsigned vflags)
{
    static const char *const pairs[][2] = {{"crlp", "crlold"}, {"crlold", "crlp"}, {"crlp", "crlu"},
                                           {"crlfuture", "crlp"}, {"crlnotca", "crlnokuext"}, {"crlp", "crlrev"},
                                           {"crlrev", "crlp"}, {NULL, NULL}};
    for (unsigned i = 0; crls[i]; i++)
        add_crls_case(crls[i], NULL, tlflags, vflags);
    for (unsigned i = 0; pairs[i][0]; i++)
        add_crls_case(pairs[i][0], pairs[i][1], tlflags, vflags);
}

/* A client with credentials cc verifies a server presenting `leaf`. */
static void tls_verify(gnutls_certificate_credentials_t cc, const char *leaf)
{
    gnutls_certificate_credentials_t sc;
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_datum_t crt_pem = pem(leaf), key = pem("leafkey");
    printf("  server key=%d\n", gnutls_certificate_set_x509_key_mem(sc, &crt_pem, &key, GNUTLS_X509_FMT_PEM));
    struct tp_pair p;
    tp_init(&p, 0, 0);
    gnutls_set_default_priority(p.c.s);
    gnutls_set_default_priority(p.s.s);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, sc);
    if (tp_handshake(&p) == 0) {
        unsigned st = 0xdead;
        int r = gnutls_certificate_verify_peers2(p.c.s, &st);
        printf("  verify_peers2=%d status=0x%x\n", r, st);
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(sc);
}

static void tls_case(const char *leaf, const char *anchor)
{
    gnutls_certificate_credentials_t cc;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t ca = pem(anchor);
    printf("tls %s trusting %s: trust=%d\n", leaf, anchor, gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM));
    tls_verify(cc, leaf);
    gnutls_certificate_free_credentials(cc);
}

/* gnutls_certificate_get_trust_list: the credentials' own list, which
 * holds what they loaded before and after, and whose additions count for
 * the credentials' verification. */
static void print_cas(const char *label, gnutls_x509_trust_list_t tl)
{
    gnutls_x509_trust_list_iter_t it = NULL;
    gnutls_x509_crt_t ca;
    printf("%s:", label);
    while (gnutls_x509_trust_list_iter_get_ca(tl, &it, &ca) == 0) {
        printf(" %s", which(ca));
        gnutls_x509_crt_deinit(ca);
    }
    printf("\n");
}

static void cred_list_case(void)
{
    gnutls_certificate_credentials_t cc;
    gnutls_x509_trust_list_t tl = NULL, again = NULL;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_get_trust_list(cc, &tl);
    print_cas("empty credentials", tl);
    gnutls_datum_t d = pem("rootp");
    printf("trust_mem(rootp)=%d\n", gnutls_certificate_set_x509_trust_mem(cc, &d, GNUTLS_X509_FMT_PEM));
    gnutls_certificate_get_trust_list(cc, &again);
    printf("same list: %d\n", tl == again);
    print_cas("after trust_mem", tl);
    gnutls_x509_crt_t leaf = crt("leafp");
    unsigned st = 0xdead;
    int r = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &st, report_crl);
    printf("list verify(leafp)=%d/0x%x\n", r, st);
    d = pem("crlp");
    printf("crl_mem(crlp)=%d\n", gnutls_certificate_set_x509_crl_mem(cc, &d, GNUTLS_X509_FMT_PEM));
    r = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &st, report_crl);
    printf("list verify(leafp)=%d/0x%x\n", r, st);
    gnutls_x509_crt_deinit(leaf);
    gnutls_x509_crt_t extra = crt("nokuext");
    printf("list add_cas(nokuext)=%d\n", gnutls_x509_trust_list_add_cas(tl, &extra, 1, 0));
    d = pem("rootl");
    printf("trust_mem(rootl)=%d\n", gnutls_certificate_set_x509_trust_mem(cc, &d, GNUTLS_X509_FMT_PEM));
    print_cas("after more", tl);
    gnutls_certificate_free_credentials(cc);

    /* a list given to the credentials is the one they hand back */
    gnutls_x509_trust_list_t own;
    gnutls_x509_trust_list_init(&own, 0);
    gnutls_x509_crt_t u = crt("rootu");
    gnutls_x509_trust_list_add_cas(own, &u, 1, 0);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_set_trust_list(cc, own, 0);
    gnutls_certificate_get_trust_list(cc, &again);
    printf("set then get: same=%d\n", again == own);
    d = pem("rootp");
    printf("trust_mem(rootp)=%d\n", gnutls_certificate_set_x509_trust_mem(cc, &d, GNUTLS_X509_FMT_PEM));
    print_cas("set list after trust_mem", own);
    gnutls_certificate_free_credentials(cc);
}

/* gnutls_certificate_free_crls: GnuTLS 3.7.9 keeps the CRLs (it does
 * nothing), so a revoked server stays revoked */
static void free_crls_case(void)
{
    gnutls_certificate_credentials_t cc;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t ca = pem("rootp"), rev = pem("crlrev");
    printf("free_crls: trust=%d", gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM));
    printf(" crl=%d\n", gnutls_certificate_set_x509_crl_mem(cc, &rev, GNUTLS_X509_FMT_PEM));
    tls_verify(cc, "leafp");
    gnutls_certificate_free_crls(cc);
    printf("free_crls: after\n");
    tls_verify(cc, "leafp");
    gnutls_certificate_free_credentials(cc);
}

/* A client given a one-bucket trust list: names in other encodings are
 * found there */
static void tls_list_case(const char *leaf, const char *anchor, unsigned size)
{
    gnutls_certificate_credentials_t cc;
    gnutls_x509_trust_list_t tl;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_x509_trust_list_init(&tl, size);
    gnutls_x509_crt_t a = crt(anchor);
    gnutls_x509_trust_list_add_cas(tl, &a, 1, 0);
    gnutls_certificate_set_trust_list(cc, tl, 0);
    printf("tls %s trusting a list(%s,%u)\n", leaf, anchor, size);
    tls_verify(cc, leaf);
    gnutls_certificate_free_credentials(cc);
}

/* gnutls_certificate_get_issuer: an anchor of the credentials by name and
 * key ID, as the trust-list lookup */
static void cred_issuer_case(const char *anchor)
{
    gnutls_certificate_credentials_t cc;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t ca = pem(anchor);
    gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM);
    printf("cred get_issuer trusting %s:", anchor);
    for (unsigned i = 0; leaves[i]; i++) {
        gnutls_x509_crt_t l = crt(leaves[i]), iss = NULL;
        int r = gnutls_certificate_get_issuer(cc, l, &iss, 0);
        printf(" %s=%d/%s", leaves[i], r, r == 0 ? which(iss) : "-");
        if (gnutls_certificate_get_issuer(cc, l, &iss, GNUTLS_TL_GET_COPY) == 0)
            gnutls_x509_crt_deinit(iss);
        gnutls_x509_crt_deinit(l);
    }
    printf("\n");
    gnutls_certificate_free_credentials(cc);
}

/* A client whose trust list got a CA through gnutls_certificate_get_trust_list
 * verifies a server issued by it. */
static void cred_list_tls_case(void)
{
    gnutls_certificate_credentials_t cc;
    gnutls_x509_trust_list_t tl;
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_datum_t ca = pem("rootp");
    gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_get_trust_list(cc, &tl);
    gnutls_x509_crt_t l = crt("rootl");
    printf("tls via get_trust_list: add_cas(rootl)=%d\n", gnutls_x509_trust_list_add_cas(tl, &l, 1, 0));
    tls_verify(cc, "leafl");
    /* and one taken out of the list is no longer trusted */
    gnutls_x509_crt_t gone = crt("rootl");
    printf("tls via get_trust_list: remove_cas(rootl)=%d\n", gnutls_x509_trust_list_remove_cas(tl, &gone, 1));
    gnutls_x509_crt_deinit(gone);
    tls_verify(cc, "leafl");
    print_cas("after remove", tl);
    /* a removed certificate is distrusted even when it is not an anchor */
    gnutls_x509_crt_t leaf = crt("leafl");
    printf("tls via get_trust_list: remove_cas(leafl)=%d\n", gnutls_x509_trust_list_remove_cas(tl, &leaf, 1));
    gnutls_x509_crt_deinit(leaf);
    tls_verify(cc, "leafl");
    gnutls_certificate_free_credentials(cc);
}

int main(void)
{
    gnutls_global_init();
    check_issuers();
    for (unsigned k = 0; cas[k]; k++) {
        lookups(cas[k], 0);
        lookups(cas[k], 1);
    }
    removed_case();
    crl_verifies();
    crl_no_next_update();
    add_crls(0, 0);
    add_crls(GNUTLS_TL_VERIFY_CRL, 0);
    add_crls(GNUTLS_TL_VERIFY_CRL, GNUTLS_VERIFY_DISABLE_CA_SIGN);
    add_crls(GNUTLS_TL_NO_DUPLICATES, 0);
    static const char *const tls[][2] = {{"leafp", "rootp"}, {"leafu", "rootp"}, {"leafl", "rootp"}, {"leafp", "rootl"},
                                         {"leafu", "rootu"}, {"leafp", "rootu"}, {"leaff", "rootp"}, {NULL, NULL}};
    for (unsigned i = 0; tls[i][0]; i++)
        tls_case(tls[i][0], tls[i][1]);
    cred_list_case();
    free_crls_case();
    tls_list_case("leafu", "rootp", 1);
    tls_list_case("leafu", "rootp", 0);
    tls_list_case("leafl", "rootp", 1);
    for (unsigned k = 0; cas[k]; k++)
        cred_issuer_case(cas[k]);
    cred_list_tls_case();
    gnutls_global_deinit();
    return 0;
}

/* Generated by x509-names-pki.sh (openssl CLI, keys P-256). */
const struct item pki[] = {
    {"rootp",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBjDCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDEdub3NzbCBOYW1lczETMBEGA1UEAxMK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNN43GXU+B5a378g\n"
     "issl5lEbho6cpCz5irwf3X9llQK5IGFPrJtYgYPUuYiD/eF21cxpEIC8qt1spG2f\n"
     "iGkcHkijQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBRUF2hBB/AV1qss5ydjsNxZcsws9DAKBggqhkjOPQQDAgNJADBGAiEA+wRu\n"
     "EjdSvsLif2ZEJqaLLidxcng1XuRuLtcd2PPbKQQCIQCbP7dMYBvFQo4byCdWnSPE\n"
     "+Rb710Uk3o33TfD3t3adnQ==\n"
     "-----END CERTIFICATE-----\n"},
    {"rootu",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBijCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKDAxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMMCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoMDEdub3NzbCBOYW1lczETMBEGA1UEAwwK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNN43GXU+B5a378g\n"
     "issl5lEbho6cpCz5irwf3X9llQK5IGFPrJtYgYPUuYiD/eF21cxpEIC8qt1spG2f\n"
     "iGkcHkijQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBRUF2hBB/AV1qss5ydjsNxZcsws9DAKBggqhkjOPQQDAgNHADBEAiA/WGck\n"
     "t0HDIyxbZ94XUcG7NFzw/OIgaJ+moAOakib8YwIgDytt+z3FDAmc5mWR3aa3Msy7\n"
     "xOhm2/NXmQ6Zq7s6e2A=\n"
     "-----END CERTIFICATE-----\n"},
    {"rootl",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBijCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxnbm9zc2wg\n"
     "bmFtZXMxEzARBgNVBAMTCm5hbWVzIHJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDGdub3NzbCBuYW1lczETMBEGA1UEAxMK\n"
     "bmFtZXMgcm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNN43GXU+B5a378g\n"
     "issl5lEbho6cpCz5irwf3X9llQK5IGFPrJtYgYPUuYiD/eF21cxpEIC8qt1spG2f\n"
     "iGkcHkijQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBRUF2hBB/AV1qss5ydjsNxZcsws9DAKBggqhkjOPQQDAgNHADBEAiA7CecH\n"
     "19iVgyV1zYx/koo3z9Xxsftiwbkw31e32n5LVwIgPkQkeH2o2RrbuXnm2wfInIZp\n"
     "nxuxu6RhaY91GFmOJlI=\n"
     "-----END CERTIFICATE-----\n"},
    {"fake",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBjDCCATGgAwIBAgIBATAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMCwxFTATBgNVBAoTDEdub3NzbCBOYW1lczETMBEGA1UEAxMK\n"
     "TmFtZXMgUm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCMw1afk0iisVVTN\n"
     "Le90KQEjXICwC/0J3iEOYfrEJMl6SLKsvapQHgwy9AlRrLugDPShj6kyVuh52FqY\n"
     "75lX08OjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1Ud\n"
     "DgQWBBRUF2hBB/AV1qss5ydjsNxZcsws9DAKBggqhkjOPQQDAgNJADBGAiEAzQpE\n"
     "qxWWFwa/NpobXPVveOL5W3YwM5QV7ONA8Uf64fECIQCPjxK98BS+yrUSpLyTU5H2\n"
     "UD21G+o7vGGXIjZXQ3B4nA==\n"
     "-----END CERTIFICATE-----\n"},
    {"notca",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBQjCB6aADAgECAgEBMAoGCCqGSM49BAMCMBMxETAPBgNVBAMTCE5vdCBBIENB\n"
     "MCAXDTIwMDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWjATMREwDwYDVQQDEwhO\n"
     "b3QgQSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKojTSWCUnRXYxvaf7Ai\n"
     "AgntV8xLOO0s+JDfDWOfkLkzohRqNnl83al8RCnz7EmHqSqixcqZliQ4Bqcb+odU\n"
     "LAOjLDAqMAkGA1UdEwQCMAAwHQYDVR0OBBYEFN8UiCnXlslJEBx3fMiROixJF+Nd\n"
     "MAoGCCqGSM49BAMCA0gAMEUCIQC4bgplOQSnnuaQZYx9/bgntFzGyDlowf9bfPEc\n"
     "rIDCyQIgbN4z8cLurJ0tsVLWANq84UOROR0Wjw9PjNr6Bz+YXMM=\n"
     "-----END CERTIFICATE-----\n"},
    {"noku",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBXjCCAQWgAwIBAgIBATAKBggqhkjOPQQDAjAWMRQwEgYDVQQDEwtObyBDUkwg\n"
     "U2lnbjAgFw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFowFjEUMBIGA1UE\n"
     "AxMLTm8gQ1JMIFNpZ24wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARaNnTh+Ozh\n"
     "+3/P/hzLinthfyfiYu+vlkidJsxRRtAu0GHTgFIT2ZOJgBWhtBSyqZWWLL3f/nAi\n"
     "Z5P7Lkc2EJzHo0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwICBDAd\n"
     "BgNVHQ4EFgQUm87BBbVFcGbjNHJuhuccCr9ntCowCgYIKoZIzj0EAwIDRwAwRAIg\n"
     "T2iWTAz7iNDvqFtTQ22WMDyA0XCmzO6Ulmr8cSlQICECIGagqXBAloIIEFGRoQMh\n"
     "frGmg8SbuuXdNtosat6dusxv\n"
     "-----END CERTIFICATE-----\n"},
    {"nokuext",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBUTCB96ADAgECAgEBMAoGCCqGSM49BAMCMBcxFTATBgNVBAMTDE5vIEtleSBV\n"
     "c2FnZTAgFw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFowFzEVMBMGA1UE\n"
     "AxMMTm8gS2V5IFVzYWdlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEK+pqBUZ9\n"
     "R/DHjzefTPNdU7VjkvCWy+VUHHWFZMg8C33efGV6WbLvf3fd8CbQgZHoloWS3zzG\n"
     "SOTAfgexhTcXqaMyMDAwDwYDVR0TAQH/BAUwAwEB/zAdBgNVHQ4EFgQUFuW3FSEB\n"
     "joYz/cM7rn9C82nLwJ4wCgYIKoZIzj0EAwIDSQAwRgIhANvHWIVrGbjO6RnWYjnk\n"
     "3lxRj9nfwOGl/f5f4JqXgUrUAiEAzatPCfFAE/u4AZmJnWylHtt/TnKf9JOoNKvS\n"
     "ilUnAD0=\n"
     "-----END CERTIFICATE-----\n"},
    {"leafp",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBiDCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtcC5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABJu1xWLjXznPrNYveBUZfMpcHACdm1shWxMb\n"
     "21nB18amt/8OZQyuFBrYwKB6YJrwvL/iTAWmX35k6LRHJZtFnb+jTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFIuuQNpzt2YwGjx2wRIT9fRAIKRjMB8GA1UdIwQYMBaA\n"
     "FFQXaEEH8BXWqyznJ2Ow3FlyzCz0MAoGCCqGSM49BAMCA0kAMEYCIQCZe533qH96\n"
     "cw5h/1moyky4WJ6XgtoiQ0rv08EvbDCkrgIhAJNk+gmbrDKnYPo7pAwyTFCJbE3H\n"
     "i2G//Hv3Tcdkzc7v\n"
     "-----END CERTIFICATE-----\n"},
    {"leafu",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhzCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKDAxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMMCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtdS5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABJu1xWLjXznPrNYveBUZfMpcHACdm1shWxMb\n"
     "21nB18amt/8OZQyuFBrYwKB6YJrwvL/iTAWmX35k6LRHJZtFnb+jTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFIuuQNpzt2YwGjx2wRIT9fRAIKRjMB8GA1UdIwQYMBaA\n"
     "FFQXaEEH8BXWqyznJ2Ow3FlyzCz0MAoGCCqGSM49BAMCA0gAMEUCIQCpN7VacsQZ\n"
     "dmGN8yI9/6n9MpJmor7v4XuIKMFUwffWOgIgSfSZ9YRuCyFjvgzBUjgzthcuHsi5\n"
     "ifNLjeezkM82ZXE=\n"
     "-----END CERTIFICATE-----\n"},
    {"leafl",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBiDCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxnbm9zc2wg\n"
     "bmFtZXMxEzARBgNVBAMTCm5hbWVzIHJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtbC5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABJu1xWLjXznPrNYveBUZfMpcHACdm1shWxMb\n"
     "21nB18amt/8OZQyuFBrYwKB6YJrwvL/iTAWmX35k6LRHJZtFnb+jTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFIuuQNpzt2YwGjx2wRIT9fRAIKRjMB8GA1UdIwQYMBaA\n"
     "FFQXaEEH8BXWqyznJ2Ow3FlyzCz0MAoGCCqGSM49BAMCA0kAMEYCIQCkg4R280xB\n"
     "rUt3rdidiYKj601jkDaxwLwEgNDLfE4PhQIhAOLmSc8C8cBJpuF7NxH2Vnjr8JL1\n"
     "NXYrfHO9pD8SowrP\n"
     "-----END CERTIFICATE-----\n"},
    {"leaff",
     "-----BEGIN CERTIFICATE-----\n"
     "MIIBhzCCAS2gAwIBAgIBAjAKBggqhkjOPQQDAjAsMRUwEwYDVQQKEwxHbm9zc2wg\n"
     "TmFtZXMxEzARBgNVBAMTCk5hbWVzIFJvb3QwIBcNMjAwMTAxMDAwMDAwWhgPMjA5\n"
     "MDAxMDEwMDAwMDBaMB0xGzAZBgNVBAMMEmxlYWYtZi5leGFtcGxlLmNvbTBZMBMG\n"
     "ByqGSM49AgEGCCqGSM49AwEHA0IABJu1xWLjXznPrNYveBUZfMpcHACdm1shWxMb\n"
     "21nB18amt/8OZQyuFBrYwKB6YJrwvL/iTAWmX35k6LRHJZtFnb+jTTBLMAkGA1Ud\n"
     "EwQCMAAwHQYDVR0OBBYEFIuuQNpzt2YwGjx2wRIT9fRAIKRjMB8GA1UdIwQYMBaA\n"
     "FFQXaEEH8BXWqyznJ2Ow3FlyzCz0MAoGCCqGSM49BAMCA0gAMEUCIGOwW/gx8cvE\n"
     "2VAfSK/48o2iVLyoS2rtlPlTro5USNHsAiEA68RS530PcXap6IS4K2n8yGniZsHI\n"
     "iVD3gYUBle88/nM=\n"
     "-----END CERTIFICATE-----\n"},
    {"crlp",
     "-----BEGIN X509 CRL-----\n"
     "MIHGMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0kAMEYCIQCCv3QFX7xpnYPu\n"
     "3t1/PocV+7SrZnHNxiy0z2dtSwDtwAIhAP/KDDR+EslklGj3VqcOjXPtxQUX2IU0\n"
     "0VIvzdk5VSqN\n"
     "-----END X509 CRL-----\n"},
    {"crlu",
     "-----BEGIN X509 CRL-----\n"
     "MIHEMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UECgwMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDDApOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0cAMEQCIEA4fm0T0qNL9/xt\n"
     "jTzzlb/6sEtvo0I5s8ARaCnEUUw0AiAqHiIh6A3KRDRXkMI7tMM5VCqXtbOO13is\n"
     "7uhujRcv6Q==\n"
     "-----END X509 CRL-----\n"},
    {"crll",
     "-----BEGIN X509 CRL-----\n"
     "MIHGMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMZ25vc3NsIG5hbWVzMRMw\n"
     "EQYDVQQDEwpuYW1lcyByb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0kAMEYCIQCFelv85gWAv2jE\n"
     "lgcUPvioGcs2NVNnxBiSX7vHWf3JBgIhAIoDgok/A4OGqc4lRAe7xCwqUSq/GTo8\n"
     "AWcRLnPAsy6R\n"
     "-----END X509 CRL-----\n"},
    {"crlold",
     "-----BEGIN X509 CRL-----\n"
     "MIHCMGsCAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0wMDAxMDEwMDAwMDBaFw0wMTAxMDEwMDAwMDBa\n"
     "oA4wDDAKBgNVHRQEAwIBAjAKBggqhkjOPQQDAgNHADBEAiBW0kLxzKtO4odyS7h/\n"
     "A0mqHAYWg5WZG3wxXdHbmxq1PQIgY74oSnwcR8Rp9kttLrBreesQJj7v2Un5831W\n"
     "08qHRxo=\n"
     "-----END X509 CRL-----\n"},
    {"crlfuture",
     "-----BEGIN X509 CRL-----\n"
     "MIHIMG8CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290GA8yMDgwMDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAw\n"
     "MDAwWqAOMAwwCgYDVR0UBAMCAQMwCgYIKoZIzj0EAwIDSQAwRgIhAKr0RF4EKRIB\n"
     "nTT1EGoaYRnC8NVjMe/QpJeWmcmgZ/HeAiEAomooYI6yne0WmJY4SnOdo0gXQ5hV\n"
     "oHiO1JWAEs/wTpg=\n"
     "-----END X509 CRL-----\n"},
    {"crlfake",
     "-----BEGIN X509 CRL-----\n"
     "MIHGMG0CAQEwCgYIKoZIzj0EAwIwLDEVMBMGA1UEChMMR25vc3NsIE5hbWVzMRMw\n"
     "EQYDVQQDEwpOYW1lcyBSb290Fw0yMDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAw\n"
     "MFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0kAMEYCIQDhk3QLRbfMP2Mj\n"
     "C7GtoFyIZKpYqtrPywJEcCEyZAeuLQIhAMAj9eqopzAj23xSVjlpYTnQ932JELqF\n"
     "docryR9MIT8X\n"
     "-----END X509 CRL-----\n"},
    {"crlnotca",
     "-----BEGIN X509 CRL-----\n"
     "MIGrMFQCAQEwCgYIKoZIzj0EAwIwEzERMA8GA1UEAxMITm90IEEgQ0EXDTIwMDEw\n"
     "MTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWqAOMAwwCgYDVR0UBAMCAQEwCgYIKoZI\n"
     "zj0EAwIDRwAwRAIgfDS59jNA/NCQbQ2TnBKXdqwDrpR5c5nxLoGcU9tVfJgCIEdN\n"
     "QIrDbCwpw79OMCSNxQX3XlPK0+sknbEji260wVda\n"
     "-----END X509 CRL-----\n"},
    {"crlnoku",
     "-----BEGIN X509 CRL-----\n"
     "MIGuMFcCAQEwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAxMLTm8gQ1JMIFNpZ24XDTIw\n"
     "MDEwMTAwMDAwMFoYDzIwOTAwMTAxMDAwMDAwWqAOMAwwCgYDVR0UBAMCAQEwCgYI\n"
     "KoZIzj0EAwIDRwAwRAIgMpaGnHvOkMt/KJUrU7IhWBU8z5RixGFw4hvarkHbj74C\n"
     "ICP8wcZDaIfuj1w7LKcukN+5AubAtAIAyVsIoUBBBBED\n"
     "-----END X509 CRL-----\n"},
    {"crlnokuext",
     "-----BEGIN X509 CRL-----\n"
     "MIGwMFgCAQEwCgYIKoZIzj0EAwIwFzEVMBMGA1UEAxMMTm8gS2V5IFVzYWdlFw0y\n"
     "MDAxMDEwMDAwMDBaGA8yMDkwMDEwMTAwMDAwMFqgDjAMMAoGA1UdFAQDAgEBMAoG\n"
     "CCqGSM49BAMCA0gAMEUCIDzHg7o2TSF0za7Uu7EUXXe9Zfu1qtwiHLEVQaC4ZZ3O\n"
     "AiEA8j08DsHXStcda9X01YQCrvTHgajTYcZvVTJOkiItoec=\n"
     "-----END X509 CRL-----\n"},
    {"crlrev",
     "-----BEGIN X509 CRL-----\n"
     "MIHbMIGDAgEBMAoGCCqGSM49BAMCMCwxFTATBgNVBAoTDEdub3NzbCBOYW1lczET\n"
     "MBEGA1UEAxMKTmFtZXMgUm9vdBcNMjAwMTAxMDAwMDAwWhgPMjA5MDAxMDEwMDAw\n"
     "MDBaMBQwEgIBAhcNMjYxMTI0MDM1MTE4WqAOMAwwCgYDVR0UBAMCAQQwCgYIKoZI\n"
     "zj0EAwIDRwAwRAIgI02Kr0RizB5B+7BEH7h5AyX4vzgUNvoOQDwJgIge1HMCIH2J\n"
     "wm5XOMX8NWfIvXCWE8jpPhq+iTq1+px/JljhIgoq\n"
     "-----END X509 CRL-----\n"},
    {"leafkey",
     "-----BEGIN PRIVATE KEY-----\n"
     "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghfr7W59/zPrgl6Ah\n"
     "xT717wbutIQUEHejoTzcoEDmu+uhRANCAASbtcVi4185z6zWL3gVGXzKXBwAnZtb\n"
     "IVsTG9tZwdfGprf/DmUMrhQa2MCgemCa8Ly/4kwFpl9+ZOi0RyWbRZ2/\n"
     "-----END PRIVATE KEY-----\n"},
    {NULL, NULL}};
