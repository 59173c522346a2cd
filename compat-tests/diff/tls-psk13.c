/* Differential: TLS 1.3 with pre-shared keys only (psk_ke) or with a key
 * exchange (psk_dhe_ke), chosen by the priorities of each side: whether the
 * handshake succeeds, and the key exchange, group and description each end
 * reports. */
#include "tls-pair.h"

static const unsigned char key[] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};

static int server_key(gnutls_session_t s, const char *user, gnutls_datum_t *k)
{
    (void)s;
    (void)user;
    k->data = gnutls_malloc(sizeof key);
    memcpy(k->data, key, sizeof key);
    k->size = sizeof key;
    return 0;
}

static void show(const char *who, gnutls_session_t s)
{
    char *d = gnutls_session_get_desc(s);
    gnutls_group_t g = gnutls_group_get(s);
    printf("  %s: kx %s group %s desc %s\n", who, gnutls_kx_get_name(gnutls_kx_get(s)),
           g ? gnutls_group_get_name(g) : "none", d ? d : "(null)");
    gnutls_free(d);
}

static void run(const char *ckx, const char *skx)
{
    struct tp_pair p;
    char cp[128], sp[128];
    gnutls_psk_client_credentials_t cc;
    gnutls_psk_server_credentials_t sc;
    gnutls_datum_t k = {(unsigned char *)key, sizeof key};
    snprintf(cp, sizeof cp, "NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:%s", ckx);
    snprintf(sp, sizeof sp, "NORMAL:-VERS-ALL:+VERS-TLS1.3:-KX-ALL:%s", skx);
    printf("== client %s, server %s\n", ckx, skx);
    gnutls_psk_allocate_client_credentials(&cc);
    gnutls_psk_allocate_server_credentials(&sc);
    gnutls_psk_set_client_credentials(cc, "alice", &k, GNUTLS_PSK_KEY_RAW);
    gnutls_psk_set_server_credentials_function(sc, server_key);
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, cp, NULL);
    gnutls_priority_set_direct(p.s.s, sp, NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_PSK, cc);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_PSK, sc);
    if (tp_handshake(&p) == 0) {
        show("client", p.c.s);
        show("server", p.s.s);
    }
    tp_free(&p);
    gnutls_psk_free_client_credentials(cc);
    gnutls_psk_free_server_credentials(sc);
}

int main(void)
{
    static const char *const kx[] = {"+PSK", "+DHE-PSK", "+ECDHE-PSK", "+PSK:+ECDHE-PSK", "+ECDHE-PSK:+PSK",
                                     "+PSK:+DHE-PSK:+ECDHE-PSK"};
    gnutls_global_init();
    for (unsigned i = 0; i < sizeof kx / sizeof kx[0]; i++)
        for (unsigned j = 0; j < sizeof kx / sizeof kx[0]; j++)
            run(kx[i], kx[j]);
    gnutls_global_deinit();
    return 0;
}
