/* Differential: gnutls_record_get_state over TLS 1.2 and 1.3 AEAD suites
 * and TLS 1.1 / 1.2 CBC suites:
 * what it returns before and after the handshake, the sizes of the MAC key,
 * IV and key, the sequence numbers in both directions after application
 * data and TLS 1.3 key updates, and whether each side's write state is the
 * other side's read state (the keys themselves are random). */
#include "tls-pair.h"

#include "test-keys.h"

static gnutls_certificate_credentials_t scred, ccred;

struct st {
    int r;
    gnutls_datum_t mac, iv, key;
    unsigned char seq[8];
};

static struct st get(gnutls_session_t s, unsigned read)
{
    struct st v;
    memset(&v, 0, sizeof v);
    v.r = gnutls_record_get_state(s, read, &v.mac, &v.iv, &v.key, v.seq);
    return v;
}

static int same(const gnutls_datum_t *a, const gnutls_datum_t *b)
{
    return a->size == b->size && (a->size == 0 || memcmp(a->data, b->data, a->size) == 0);
}

static void show(struct tp_pair *p, const char *when)
{
    struct st cw = get(p->c.s, 0), cr = get(p->c.s, 1), sw = get(p->s.s, 0), sr = get(p->s.s, 1);
    struct st *all[4] = {&cw, &cr, &sw, &sr};
    static const char *const names[4] = {"client write", "client read", "server write", "server read"};
    printf("  %s:\n", when);
    for (int i = 0; i < 4; i++) {
        printf("    %s: %s", names[i], tp_code(all[i]->r));
        if (all[i]->r == 0) {
            printf(" mac %u iv %u key %u seq ", all[i]->mac.size, all[i]->iv.size, all[i]->key.size);
            for (int k = 0; k < 8; k++)
                printf("%02x", all[i]->seq[k]);
        }
        printf("\n");
    }
    if (cw.r == 0 && sr.r == 0 && sw.r == 0 && cr.r == 0)
        printf("    client->server keys match %d %d %d, server->client %d %d %d\n", same(&cw.key, &sr.key),
               same(&cw.iv, &sr.iv), same(&cw.mac, &sr.mac), same(&sw.key, &cr.key), same(&sw.iv, &cr.iv),
               same(&sw.mac, &cr.mac));
}

static void traffic(struct tp_pair *p, int records)
{
    char buf[64];
    for (int i = 0; i < records; i++) {
        gnutls_record_send(p->c.s, "ping", 4);
        gnutls_record_recv(p->s.s, buf, sizeof buf);
    }
    gnutls_record_send(p->s.s, "pong", 4);
    gnutls_record_recv(p->c.s, buf, sizeof buf);
}

static void run(const char *prio)
{
    struct tp_pair p;
    printf("== %s\n", prio);
    tp_init(&p, 0, GNUTLS_NO_TICKETS);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    struct st b = get(p.c.s, 0);
    printf("  before the handshake: %s", tp_code(b.r));
    if (b.r == 0)
        printf(" mac %u iv %u key %u seq %02x", b.mac.size, b.iv.size, b.key.size, b.seq[7]);
    printf("\n");
    if (tp_handshake(&p) == 0) {
        show(&p, "after the handshake");
        traffic(&p, 3);
        show(&p, "after 3 records and 1 back");
        if (gnutls_protocol_get_version(p.c.s) == GNUTLS_TLS1_3) {
            char buf[64];
            int r;
            do
                r = gnutls_session_key_update(p.c.s, GNUTLS_KU_PEER);
            while (r == GNUTLS_E_AGAIN);
            gnutls_record_recv(p.s.s, buf, sizeof buf); /* the KeyUpdate, answered */
            traffic(&p, 1);
            show(&p, "after a key update both ways");
        }
    }
    tp_free(&p);
}

int main(void)
{
    gnutls_global_init();
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);

    static const char *const prios[] = {TP_AEAD_PRIOS, TP_CBC_PRIOS, TP_TLS11_CBC};
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++)
        run(prios[i]);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
