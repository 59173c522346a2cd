/* Differential: a GnuTLS client and server in one process over an
 * in-memory transport run the same deterministic script; every step's
 * return code and the negotiated parameters are printed.  Uses only the
 * public GnuTLS API, so the output must be identical on real GnuTLS and on
 * gnossl.  (Counts of AGAIN are not printed: they depend on buffering.) */
#include <gnutls/gnutls.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"
#include "tls-pair.h"

static gnutls_datum_t ticket_key;

static void pair_init(struct tp_pair *p, const char *cprio, const char *sprio, const char *key, const char *crt,
                      unsigned cflags, unsigned sflags)
{
    tp_init(p, cflags, sflags);
    if (cprio)
        printf("client priority: %d\n", gnutls_priority_set_direct(p->c.s, cprio, NULL));
    if (sprio)
        printf("server priority: %d\n", gnutls_priority_set_direct(p->s.s, sprio, NULL));
    tp_cert(p, key, crt);
}

/* Both handshakes, until both are done or one side fails; only the first
 * failure is printed (GnuTLS sends no alert on its own, OpenSSL does, so
 * what the other side sees next differs by design). */
static int handshake(struct tp_pair *p)
{
    int cdone = 0, sdone = 0, rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 1000 && !(cdone && sdone); i++) {
        if (!cdone) {
            rc = gnutls_handshake(p->c.s);
            if (rc == 0)
                cdone = 1;
            else if (gnutls_error_is_fatal(rc)) {
                printf("  handshake failed: client %s\n", gnutls_strerror_name(rc));
                if (rc == GNUTLS_E_FATAL_ALERT_RECEIVED)
                    printf("  client got alert %s\n", gnutls_alert_get_strname(gnutls_alert_get(p->c.s)));
                return -1;
            } else if (!tp_again(rc))
                printf("  client handshake: %s (alert %s)\n", gnutls_strerror_name(rc),
                       gnutls_alert_get_strname(gnutls_alert_get(p->c.s)));
        }
        if (!sdone) {
            rs = gnutls_handshake(p->s.s);
            if (rs == 0)
                sdone = 1;
            else if (gnutls_error_is_fatal(rs)) {
                printf("  handshake failed: server %s\n", gnutls_strerror_name(rs));
                if (rs == GNUTLS_E_FATAL_ALERT_RECEIVED)
                    printf("  server got alert %s\n", gnutls_alert_get_strname(gnutls_alert_get(p->s.s)));
                return -1;
            } else if (!tp_again(rs))
                printf("  server handshake: %s (alert %s)\n", gnutls_strerror_name(rs),
                       gnutls_alert_get_strname(gnutls_alert_get(p->s.s)));
        }
    }
    printf("  handshake: client %s, server %s\n", rc ? gnutls_strerror_name(rc) : "0",
           rs ? gnutls_strerror_name(rs) : "0");
    return rc == 0 && rs == 0 ? 0 : -1;
}

static const char *nz(const char *s)
{
    return s ? s : "(null)";
}

static void info(const char *who, gnutls_session_t s)
{
    char *desc = gnutls_session_get_desc(s);
    printf("  %s: %s\n", who, nz(desc));
    gnutls_free(desc);
    printf("    version %s cipher %s mac %s kx %s\n", nz(gnutls_protocol_get_name(gnutls_protocol_get_version(s))),
           nz(gnutls_cipher_get_name(gnutls_cipher_get(s))), nz(gnutls_mac_get_name(gnutls_mac_get(s))),
           nz(gnutls_kx_get_name(gnutls_kx_get(s))));
    printf("    group %s curve %s sign %s sign-client %s\n", nz(gnutls_group_get_name(gnutls_group_get(s))),
           nz(gnutls_ecc_curve_get_name(gnutls_ecc_curve_get(s))),
           nz(gnutls_sign_get_name(gnutls_sign_algorithm_get(s))),
           nz(gnutls_sign_get_name(gnutls_sign_algorithm_get_client(s))));
    printf("    auth %d server-auth %d client-auth %d ctype %d resumed %d\n", gnutls_auth_get_type(s),
           gnutls_auth_server_get_type(s), gnutls_auth_client_get_type(s), gnutls_certificate_type_get(s),
           gnutls_session_is_resumed(s));
    unsigned f = gnutls_session_get_flags(s);
    printf("    flags safe-reneg %d ems %d ticket %d; safe_renegotiation_status %u ems_status %u\n",
           !!(f & GNUTLS_SFLAGS_SAFE_RENEGOTIATION), !!(f & GNUTLS_SFLAGS_EXT_MASTER_SECRET),
           !!(f & GNUTLS_SFLAGS_SESSION_TICKET), gnutls_safe_renegotiation_status(s),
           gnutls_session_ext_master_secret_status(s));
    printf("    max record %zu suite %s\n", gnutls_record_get_max_size(s), nz(gnutls_ciphersuite_get(s)));
}

/* Send n bytes a -> b; print send sizes and that all arrived in order. */
static void transfer(struct tp_end *a, struct tp_end *b, size_t n)
{
    unsigned char *src = malloc(n), *dst = malloc(n + 100);
    for (size_t i = 0; i < n; i++)
        src[i] = (unsigned char)(i * 13 + 5);
    size_t sent = 0, got = 0;
    printf("  transfer %zu:", n);
    while (sent < n) {
        ssize_t r = gnutls_record_send(a->s, src + sent, n - sent);
        if (r < 0) {
            printf(" send %s", gnutls_strerror_name((int)r));
            break;
        }
        printf(" %zd", r);
        sent += (size_t)r;
    }
    int reads = 0;
    while (got < sent) {
        ssize_t r = gnutls_record_recv(b->s, dst + got, n + 100 - got);
        if (tp_again((int)r))
            continue;
        if (r <= 0) {
            printf(" recv %zd", r);
            break;
        }
        got += (size_t)r;
        reads++;
    }
    printf(" | got %zu in %d reads, %s\n", got, reads, got == n && memcmp(src, dst, n) == 0 ? "same" : "DIFFERENT");
    free(src);
    free(dst);
}

static void scenario_basic(const char *name, const char *prio, const char *key, const char *crt)
{
    struct tp_pair p;
    printf("== %s\n", name);
    pair_init(&p, prio, prio, key, crt, 0, 0);
    char buf[64];
    memset(buf, 'b', sizeof buf);
    printf("  recv before handshake: %s\n", code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
    printf("  send before handshake: %s\n", code((int)gnutls_record_send(p.c.s, "x", 1)));
    printf("  desc before handshake: %s\n", gnutls_session_get_desc(p.c.s) ? "set" : "(null)");
    if (handshake(&p) == 0) {
        info("client", p.c.s);
        info("server", p.s.s);
        printf("  recv NULL: %s, recv size 0: %s\n", code((int)gnutls_record_recv(p.c.s, NULL, 10)),
               code((int)gnutls_record_recv(p.c.s, buf, 0)));
        printf("  send size 0: %s\n", code((int)gnutls_record_send(p.c.s, buf, 0)));
        static const size_t sizes[] = {1, 100, 16384, 16385, 40000};
        for (size_t i = 0; i < 5; i++) {
            transfer(&p.c, &p.s, sizes[i]);
            transfer(&p.s, &p.c, sizes[i]);
        }
        /* partial read leaves decrypted bytes pending */
        printf("  send 100: %s\n", code((int)gnutls_record_send(p.c.s, buf, 50)));
        ssize_t r = tp_recv(p.s.s, buf, 10);
        printf("  recv 10 of 50: %s, pending %zu\n", code((int)r), gnutls_record_check_pending(p.s.s));
        r = tp_recv(p.s.s, buf, sizeof buf);
        printf("  recv rest: %s, pending %zu\n", code((int)r), gnutls_record_check_pending(p.s.s));
        /* get_data size-query protocol (client) */
        size_t sz = 0;
        int gr = gnutls_session_get_data(p.c.s, NULL, &sz);
        printf("  get_data(NULL): %s size>0 %d\n", code(gr), sz > 0);
        size_t small = 1;
        gr = gnutls_session_get_data(p.c.s, buf, &small);
        printf("  get_data(small): %s size-updated %d\n", code(gr), small == sz);
        /* bye WR from client; the server sees 0 twice; the client can't send */
        printf("  client bye WR: %s\n", code(gnutls_bye(p.c.s, GNUTLS_SHUT_WR)));
        printf("  server recv: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  server recv again: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  client send after bye: %s\n", code((int)gnutls_record_send(p.c.s, "x", 1)));
        printf("  server bye WR: %s\n", code(gnutls_bye(p.s.s, GNUTLS_SHUT_WR)));
        printf("  client recv: %s\n", code((int)tp_recv(p.c.s, buf, sizeof buf)));
    }
    tp_free(&p);
}

static void scenario_no_priority(void)
{
    struct tp_pair p;
    printf("== no priority\n");
    pair_init(&p, NULL, NULL, rsa_key, rsa_crt, 0, 0);
    printf("  client handshake: %s\n", code(gnutls_handshake(p.c.s)));
    printf("  server handshake: %s\n", code(gnutls_handshake(p.s.s)));
    tp_free(&p);
}

static void scenario_version_mismatch(const char *cp, const char *sp)
{
    struct tp_pair p;
    printf("== mismatch %s vs %s\n", cp, sp);
    pair_init(&p, cp, sp, rsa_key, rsa_crt, 0, 0);
    handshake(&p);
    tp_free(&p);
}

static void scenario_eof(const char *prio)
{
    struct tp_pair p;
    char buf[64];
    printf("== unclean EOF %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        transfer(&p.c, &p.s, 10);
        /* drain tickets etc. */
        tp_recv(p.c.s, buf, sizeof buf);
        p.c2s.closed = 1;
        printf("  server recv at EOF: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  server recv again: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  server send: %s\n", code((int)gnutls_record_send(p.s.s, "x", 1)));
    }
    tp_free(&p);

    printf("== truncated record %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        size_t before = p.c2s.len;
        gnutls_record_send(p.c.s, "hello world", 11);
        p.c2s.limit = before + 8; /* header and 3 bytes of the record */
        printf("  server recv in truncated record: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
    }
    tp_free(&p);

    printf("== truncated header %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        size_t before = p.c2s.len;
        gnutls_record_send(p.c.s, "hello world", 11);
        p.c2s.limit = before + 3;
        printf("  server recv in truncated header: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
    }
    tp_free(&p);

    printf("== reset %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        p.s.pull_err = ECONNRESET;
        printf("  server recv with ECONNRESET: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
    }
    tp_free(&p);

    printf("== corrupted record %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        tp_recv(p.c.s, buf, sizeof buf);
        size_t before = p.c2s.len;
        gnutls_record_send(p.c.s, "hello world", 11);
        p.c2s.buf[before + 7] ^= 0x40;
        printf("  server recv corrupted: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  server recv after: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
    }
    tp_free(&p);
}

static void scenario_retry(const char *prio)
{
    struct tp_pair p;
    char buf[2000];
    printf("== send retry rule %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        memset(buf, 'a', sizeof buf);
        p.c.push_err = EAGAIN;
        int r0 = (int)gnutls_record_send(p.c.s, buf, 1000);
        printf("  blocked send 1000: %s dir %d\n", code(r0), gnutls_record_get_direction(p.c.s));
        printf("  blocked send again: %s\n", code((int)gnutls_record_send(p.c.s, buf, 1000)));
        p.c.push_err = 0;
        printf("  retry with other args: %s\n", code((int)gnutls_record_send(p.c.s, "zz", 2)));
        printf("  next send: %s\n", code((int)gnutls_record_send(p.c.s, "zz", 2)));
        ssize_t r = tp_recv(p.s.s, buf, sizeof buf);
        printf("  server got %s first byte %c\n", code((int)r), r > 0 ? buf[0] : '-');
        r = tp_recv(p.s.s, buf, sizeof buf);
        printf("  server got %s first byte %c\n", code((int)r), r > 0 ? buf[0] : '-');
        r0 = (int)gnutls_record_recv(p.s.s, buf, 10);
        printf("  recv with nothing: %s dir %d\n", code(r0), gnutls_record_get_direction(p.s.s));
    }
    tp_free(&p);
}

static void scenario_bye_rdwr(const char *prio)
{
    struct tp_pair p;
    char buf[64];
    printf("== bye RDWR %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        transfer(&p.s, &p.c, 5);
        int r = gnutls_bye(p.c.s, GNUTLS_SHUT_RDWR);
        printf("  client bye RDWR (peer silent): %s\n", code(r));
        printf("  server recv: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        printf("  server bye WR: %s\n", code(gnutls_bye(p.s.s, GNUTLS_SHUT_WR)));
        if (tp_again(r))
            printf("  client bye RDWR again: %s\n", code(gnutls_bye(p.c.s, GNUTLS_SHUT_RDWR)));
        printf("  client recv after bye: %s\n", code((int)gnutls_record_recv(p.c.s, buf, sizeof buf)));
        printf("  client send after bye: %s\n", code((int)gnutls_record_send(p.c.s, "x", 1)));
    }
    tp_free(&p);

    printf("== bye RDWR, peer closes transport %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        p.s2c.closed = 1;
        printf("  client bye RDWR: %s\n", code(gnutls_bye(p.c.s, GNUTLS_SHUT_RDWR)));
    }
    tp_free(&p);
}

static void scenario_resume(const char *prio)
{
    struct tp_pair p;
    char buf[64];
    gnutls_datum_t data = {NULL, 0};
    printf("== resumption %s\n", prio);
    for (int round = 0; round < 2; round++) {
        pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
        gnutls_session_ticket_enable_server(p.s.s, &ticket_key);
        if (round == 1) {
            printf("  set_data: %s\n", code(gnutls_session_set_data(p.c.s, data.data, data.size)));
            printf("  resumption requested: %d\n", gnutls_session_resumption_requested(p.c.s));
        }
        if (handshake(&p) == 0) {
            info("client", p.c.s);
            info("server", p.s.s);
            transfer(&p.s, &p.c, 5);
            transfer(&p.c, &p.s, 5);
            if (round == 0) {
                printf("  get_data2: %s\n", code(gnutls_session_get_data2(p.c.s, &data)));
            }
        }
        (void)buf;
        tp_free(&p);
    }
    gnutls_free(data.data);

    printf("== resumption refused by server without ticket key %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_session_ticket_enable_server(p.s.s, &ticket_key);
    if (handshake(&p) == 0) {
        transfer(&p.s, &p.c, 5);
        gnutls_session_get_data2(p.c.s, &data);
    }
    tp_free(&p);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    printf("  set_data: %s\n", code(gnutls_session_set_data(p.c.s, data.data, data.size)));
    if (handshake(&p) == 0)
        printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s),
               gnutls_session_is_resumed(p.s.s));
    tp_free(&p);
    gnutls_free(data.data);
}

static void scenario_ext(const char *prio)
{
    struct tp_pair p;
    char name[256];
    size_t nl;
    unsigned type;
    printf("== SNI and ALPN %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    printf("  server_name_set: %s\n", code(gnutls_server_name_set(p.c.s, GNUTLS_NAME_DNS, "example.com", 11)));
    gnutls_datum_t cp[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
    gnutls_datum_t sp[2] = {{(unsigned char *)"http/1.1", 8}, {(unsigned char *)"h2", 2}};
    printf("  alpn client: %s\n", code(gnutls_alpn_set_protocols(p.c.s, cp, 2, 0)));
    printf("  alpn server: %s\n", code(gnutls_alpn_set_protocols(p.s.s, sp, 2, 0)));
    if (handshake(&p) == 0) {
        gnutls_datum_t sel;
        int r = gnutls_alpn_get_selected_protocol(p.c.s, &sel);
        printf("  client selected: %s %.*s\n", code(r), r == 0 ? (int)sel.size : 0, r == 0 ? (char *)sel.data : "");
        r = gnutls_alpn_get_selected_protocol(p.s.s, &sel);
        printf("  server selected: %s %.*s\n", code(r), r == 0 ? (int)sel.size : 0, r == 0 ? (char *)sel.data : "");
        nl = sizeof name;
        r = gnutls_server_name_get(p.s.s, name, &nl, &type, 0);
        printf("  server name: %s %s len %zu type %u\n", code(r), r == 0 ? name : "", nl, type);
        nl = 3;
        r = gnutls_server_name_get(p.s.s, name, &nl, &type, 0);
        printf("  server name small: %s len %zu\n", code(r), nl);
        nl = sizeof name;
        printf("  server name idx 1: %s\n", code(gnutls_server_name_get(p.s.s, name, &nl, &type, 1)));
    }
    tp_free(&p);

    printf("== ALPN no overlap %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_alpn_set_protocols(p.c.s, cp, 1, 0);
    gnutls_alpn_set_protocols(p.s.s, sp, 1, 0);
    if (handshake(&p) == 0) {
        gnutls_datum_t sel;
        printf("  client selected: %s\n", code(gnutls_alpn_get_selected_protocol(p.c.s, &sel)));
        printf("  server selected: %s\n", code(gnutls_alpn_get_selected_protocol(p.s.s, &sel)));
    }
    tp_free(&p);

    printf("== ALPN no overlap, server mandatory %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_alpn_set_protocols(p.c.s, cp, 1, 0);
    gnutls_alpn_set_protocols(p.s.s, sp, 1, GNUTLS_ALPN_MANDATORY);
    handshake(&p);
    tp_free(&p);

    printf("== no SNI %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    if (handshake(&p) == 0) {
        nl = sizeof name;
        printf("  server name: %s\n", code(gnutls_server_name_get(p.s.s, name, &nl, &type, 0)));
    }
    tp_free(&p);
}

static void cb_compare(struct tp_pair *p, gnutls_channel_binding_t t, const char *name)
{
    gnutls_datum_t a = {NULL, 0}, b = {NULL, 0};
    int ra = gnutls_session_channel_binding(p->c.s, t, &a);
    int rb = gnutls_session_channel_binding(p->s.s, t, &b);
    printf("  cb %s: client %s server %s size %u same %d\n", name, code(ra), code(rb), ra == 0 ? a.size : 0,
           ra == 0 && rb == 0 && a.size == b.size && memcmp(a.data, b.data, a.size) == 0);
    if (ra == 0)
        gnutls_free(a.data);
    if (rb == 0)
        gnutls_free(b.data);
}

static void scenario_keys(const char *prio, int resume)
{
    struct tp_pair p;
    char a[64], b[64], c[64];
    gnutls_datum_t data = {NULL, 0};
    printf("== keying material %s%s\n", prio, resume ? " (resumed)" : "");
    for (int round = 0; round <= resume; round++) {
        pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
        gnutls_session_ticket_enable_server(p.s.s, &ticket_key);
        if (round == 1)
            gnutls_session_set_data(p.c.s, data.data, data.size);
        printf("  cb before handshake: %s\n", code(gnutls_session_channel_binding(p.c.s, GNUTLS_CB_TLS_UNIQUE, &data)));
        if (handshake(&p) == 0) {
            if (round == resume) {
                int r1 = gnutls_prf_rfc5705(p.c.s, 5, "label", 0, NULL, 40, a);
                int r2 = gnutls_prf_rfc5705(p.s.s, 5, "label", 0, NULL, 40, b);
                printf("  rfc5705 no context: %s %s same %d\n", code(r1), code(r2), memcmp(a, b, 40) == 0);
                r1 = gnutls_prf_rfc5705(p.c.s, 5, "label", 3, "ctx", 40, a);
                r2 = gnutls_prf_rfc5705(p.s.s, 5, "label", 3, "ctx", 40, b);
                int r3 = gnutls_prf_rfc5705(p.s.s, 5, "label", 0, "", 40, c);
                printf("  rfc5705 context: %s %s same %d; empty context %s differs-from-ctx %d\n", code(r1), code(r2),
                       memcmp(a, b, 40) == 0, code(r3), memcmp(c, b, 40) != 0);
                r1 = gnutls_prf(p.c.s, 5, "label", 0, 0, NULL, 40, a);
                r2 = gnutls_prf(p.s.s, 5, "label", 0, 0, NULL, 40, b);
                r3 = gnutls_prf_rfc5705(p.s.s, 5, "label", 0, NULL, 40, c);
                printf("  prf: %s %s same %d equals-rfc5705 %d\n", code(r1), code(r2), memcmp(a, b, 40) == 0,
                       memcmp(b, c, 40) == 0);
                r1 = gnutls_prf(p.c.s, 5, "label", 1, 4, "more", 40, a);
                r2 = gnutls_prf(p.s.s, 5, "label", 1, 4, "more", 40, b);
                printf("  prf server-first extra: %s %s same %d\n", code(r1), code(r2), memcmp(a, b, 40) == 0);
                r1 = gnutls_prf_raw(p.c.s, 5, "label", 4, "seed", 40, a);
                r2 = gnutls_prf_raw(p.s.s, 5, "label", 4, "seed", 40, b);
                printf("  prf_raw: %s %s same %d\n", code(r1), code(r2), memcmp(a, b, 40) == 0);
                cb_compare(&p, GNUTLS_CB_TLS_UNIQUE, "tls-unique");
                cb_compare(&p, GNUTLS_CB_TLS_SERVER_END_POINT, "tls-server-end-point");
                cb_compare(&p, GNUTLS_CB_TLS_EXPORTER, "tls-exporter");
                gnutls_datum_t cr, sr, cr2, sr2;
                gnutls_session_get_random(p.c.s, &cr, &sr);
                gnutls_session_get_random(p.s.s, &cr2, &sr2);
                printf("  randoms: sizes %u %u same %d %d\n", cr.size, sr.size,
                       cr.size == cr2.size && memcmp(cr.data, cr2.data, cr.size) == 0,
                       sr.size == sr2.size && memcmp(sr.data, sr2.data, sr.size) == 0);
                gnutls_datum_t id1, id2;
                gnutls_session_get_id2(p.c.s, &id1);
                gnutls_session_get_id2(p.s.s, &id2);
                /* (a TLS 1.2 OpenSSL server issuing a ticket sends an empty
                 * session ID: the server side is a known difference) */
                (void)id2;
                printf("  client session id size %u\n", id1.size);
            }
            transfer(&p.s, &p.c, 5);
            if (round == 0 && resume)
                gnutls_session_get_data2(p.c.s, &data);
        }
        tp_free(&p);
    }
    if (data.data)
        gnutls_free(data.data);
}

/* A tiny application session cache for gnutls_db_*. */
static struct {
    unsigned char key[64];
    unsigned klen;
    unsigned char *data;
    unsigned dlen;
    int stores, retrieves, hits;
} db;

static int db_store(void *ptr, gnutls_datum_t key, gnutls_datum_t data)
{
    (void)ptr;
    if (key.size > sizeof db.key)
        return -1;
    memcpy(db.key, key.data, key.size);
    db.klen = key.size;
    free(db.data);
    db.data = malloc(data.size);
    memcpy(db.data, data.data, data.size);
    db.dlen = data.size;
    db.stores++;
    return 0;
}

static gnutls_datum_t db_retr(void *ptr, gnutls_datum_t key)
{
    gnutls_datum_t d = {NULL, 0};
    (void)ptr;
    db.retrieves++;
    if (db.data && key.size == db.klen && memcmp(key.data, db.key, key.size) == 0) {
        d.data = gnutls_malloc(db.dlen);
        memcpy(d.data, db.data, db.dlen);
        d.size = db.dlen;
        db.hits++;
    }
    return d;
}

static int db_remove(void *ptr, gnutls_datum_t key)
{
    (void)ptr;
    (void)key;
    free(db.data);
    db.data = NULL;
    return 0;
}

static void scenario_db(void)
{
    struct tp_pair p;
    gnutls_datum_t data = {NULL, 0};
    printf("== server session cache (db functions), TLS1.2 without tickets\n");
    printf("  default expiration %u\n", gnutls_db_get_default_cache_expiration());
    for (int round = 0; round < 2; round++) {
        pair_init(&p, "NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.2", rsa_key, rsa_crt,
                  GNUTLS_NO_TICKETS, 0);
        gnutls_db_set_store_function(p.s.s, db_store);
        gnutls_db_set_retrieve_function(p.s.s, db_retr);
        gnutls_db_set_remove_function(p.s.s, db_remove);
        int dbp = 1;
        gnutls_db_set_ptr(p.s.s, &dbp);
        printf("  db ptr roundtrip %d\n", gnutls_db_get_ptr(p.s.s) == &dbp);
        if (round == 1)
            gnutls_session_set_data(p.c.s, data.data, data.size);
        if (handshake(&p) == 0) {
            printf("  round %d resumed: client %d server %d; stores %d hits %d\n", round,
                   gnutls_session_is_resumed(p.c.s), gnutls_session_is_resumed(p.s.s), db.stores, db.hits);
            if (round == 0) {
                gnutls_session_get_data2(p.c.s, &data);
                gnutls_datum_t e = {db.data, db.dlen};
                time_t t = gnutls_db_check_entry_time(&e);
                time_t now = time(NULL);
                printf("  entry time plausible %d\n", t > now - 100 && t <= now + 1);
            }
        }
        tp_free(&p);
    }
    gnutls_free(data.data);
    free(db.data);
    db.data = NULL;
}

/* Which secrets were logged (the order is an implementation detail). */
static const char *const keylog_labels[] = {"CLIENT_RANDOM", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                                            "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                                            "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"};
static unsigned keylog_sizes[6];
static char keylog_seen[512];

static int keylog_fn(gnutls_session_t s, const char *label, const gnutls_datum_t *secret)
{
    (void)s;
    for (int i = 0; i < 6; i++)
        if (strcmp(label, keylog_labels[i]) == 0)
            keylog_sizes[i] = secret->size;
    keylog_seen[0] = 0;
    for (int i = 0; i < 6; i++)
        if (keylog_sizes[i]) {
            char item[96];
            snprintf(item, sizeof item, " %s/%u", keylog_labels[i], keylog_sizes[i]);
            strcat(keylog_seen, item);
        }
    return 0;
}

static int pch_calls;
static char pch_name[64];

static int post_client_hello(gnutls_session_t s)
{
    size_t n = sizeof pch_name;
    unsigned type;
    pch_calls++;
    if (gnutls_server_name_get(s, pch_name, &n, &type, 0) < 0)
        strcpy(pch_name, "(none)");
    return 0;
}

static int pch_fail(gnutls_session_t s)
{
    (void)s;
    return GNUTLS_E_UNWANTED_ALGORITHM;
}

static void scenario_misc2(const char *prio)
{
    struct tp_pair p;
    char buf[64];
    printf("== post client hello, packets, prf hash %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_server_name_set(p.c.s, GNUTLS_NAME_DNS, "vhost.example", 13);
    gnutls_handshake_set_post_client_hello_function(p.s.s, post_client_hello);
    pch_calls = 0;
    keylog_seen[0] = 0;
    memset(keylog_sizes, 0, sizeof keylog_sizes);
    gnutls_session_set_keylog_function(p.c.s, keylog_fn);
    printf("  keylog function set: %d\n", gnutls_session_get_keylog_function(p.c.s) == keylog_fn);
    if (handshake(&p) == 0) {
        printf("  keylog:%s\n", keylog_seen);
        printf("  record overhead %zu %zu\n", gnutls_record_overhead_size(p.c.s), gnutls_record_overhead_size(p.s.s));
        printf("  post client hello calls %d name %s\n", pch_calls, pch_name);
        printf("  prf hash %s\n", gnutls_digest_get_name(gnutls_prf_hash_get(p.c.s)));
        printf("  etm %u %u\n", gnutls_session_etm_status(p.c.s), gnutls_session_etm_status(p.s.s));
        printf("  dh prime bits %s\n", code(gnutls_dh_get_prime_bits(p.c.s)));
        gnutls_record_send(p.c.s, "packet!", 7);
        gnutls_packet_t pk = NULL;
        ssize_t r;
        int k = 0;
        do
            r = gnutls_record_recv_packet(p.s.s, &pk);
        while (tp_again((int)r) && ++k < 20);
        if (r > 0) {
            gnutls_datum_t d;
            unsigned char seq[8];
            gnutls_packet_get(pk, &d, seq);
            printf("  packet %zd: %.*s\n", r, (int)d.size, d.data);
            gnutls_packet_deinit(pk);
        } else
            printf("  packet: %s\n", code((int)r));
        printf("  record_send2: %s\n", code((int)gnutls_record_send2(p.c.s, "abc", 3, 0, 0)));
        printf("  recv: %s\n", code((int)tp_recv(p.s.s, buf, sizeof buf)));
        gnutls_record_cork(p.c.s);
        printf("  corked sends: %s %s pending %zu\n", code((int)gnutls_record_send(p.c.s, "12345", 5)),
               code((int)gnutls_record_send(p.c.s, "678", 3)), gnutls_record_check_corked(p.c.s));
        printf("  uncork: %s\n", code(gnutls_record_uncork(p.c.s, GNUTLS_RECORD_WAIT)));
        ssize_t n = tp_recv(p.s.s, buf, sizeof buf);
        printf("  recv after uncork: %s %.*s\n", code((int)n), n > 0 ? (int)n : 0, buf);
    }
    tp_free(&p);

    printf("== post client hello failing %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_handshake_set_post_client_hello_function(p.s.s, pch_fail);
    handshake(&p);
    tp_free(&p);
}

/* A server that picks its certificate in a ClientHello hook, from the
 * server name found with gnutls_ext_raw_parse (lighttpd's way). */
static gnutls_certificate_credentials_t late_cred;
static char late_sni[64];

static int late_ext_cb(void *ctx, unsigned tls_id, const unsigned char *data, unsigned len)
{
    (void)ctx;
    if (tls_id == 0 && len > 5 && (size_t)len - 5 < sizeof late_sni) {
        memcpy(late_sni, data + 5, len - 5);
        late_sni[len - 5] = 0;
    }
    return 0;
}

static int late_hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
    printf("  hook htype %u when %u incoming %u\n", htype, when, incoming);
    late_sni[0] = 0;
    int r = gnutls_ext_raw_parse(NULL, late_ext_cb, msg, GNUTLS_EXT_RAW_FLAG_TLS_CLIENT_HELLO);
    printf("  ext_raw_parse: %s sni %s\n", code(r), late_sni);
    return gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, late_cred);
}

static void scenario_late_creds(const char *prio)
{
    struct tp_pair p;
    printf("== server credentials chosen in a ClientHello hook %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    gnutls_certificate_allocate_credentials(&late_cred);
    gnutls_datum_t k = {(unsigned char *)ec_key, (unsigned)strlen(ec_key)};
    gnutls_datum_t c = {(unsigned char *)ec_crt, (unsigned)strlen(ec_crt)};
    gnutls_certificate_set_x509_key_mem(late_cred, &c, &k, GNUTLS_X509_FMT_PEM);
    gnutls_credentials_clear(p.s.s);
    gnutls_priority_set_direct(p.s.s, prio, NULL);
    gnutls_handshake_set_hook_function(p.s.s, GNUTLS_HANDSHAKE_CLIENT_HELLO, GNUTLS_HOOK_PRE, late_hook);
    gnutls_server_name_set(p.c.s, GNUTLS_NAME_DNS, "late.example", 12);
    if (handshake(&p) == 0)
        info("client", p.c.s);
    tp_free(&p);
    gnutls_certificate_free_credentials(late_cred);
    gnutls_datum_t bad = {(unsigned char *)"\x03\x03", 2};
    printf("  ext_raw_parse short hello: %s\n", code(gnutls_ext_raw_parse(NULL, late_ext_cb, &bad, GNUTLS_EXT_RAW_FLAG_TLS_CLIENT_HELLO)));
}

static void scenario_max_size(const char *prio)
{
    struct tp_pair p;
    printf("== record size limit 1024 asked by the client %s\n", prio);
    pair_init(&p, prio, prio, rsa_key, rsa_crt, 0, 0);
    printf("  set_max_size: %s\n", code((int)gnutls_record_set_max_size(p.c.s, 1024)));
    if (handshake(&p) == 0) {
        printf("  max size: client %zu server %zu\n", gnutls_record_get_max_size(p.c.s),
               gnutls_record_get_max_size(p.s.s));
        transfer(&p.c, &p.s, 5000);
        transfer(&p.s, &p.c, 5000);
    }
    tp_free(&p);
}

static void scenario_timeout(void)
{
    struct tp_pair p;
    printf("== handshake timeout\n");
    pair_init(&p, "NORMAL", "NORMAL", rsa_key, rsa_crt, GNUTLS_NONBLOCK, 0);
    gnutls_handshake_set_timeout(p.c.s, 100);
    int r = gnutls_handshake(p.c.s);
    printf("  first: %s\n", code(r));
    struct timespec ts = {0, 150 * 1000 * 1000};
    nanosleep(&ts, NULL);
    r = gnutls_handshake(p.c.s);
    printf("  after deadline: %s\n", code(r));
    tp_free(&p);
}

static void scenario_misc(void)
{
    gnutls_session_t s;
    printf("== misc\n");
    gnutls_init(&s, GNUTLS_CLIENT);
    int x = 5;
    gnutls_session_set_ptr(s, &x);
    printf("  ptr roundtrip %d\n", gnutls_session_get_ptr(s) == &x);
    printf("  transport int default %d\n", gnutls_transport_get_int(s));
    gnutls_transport_set_int(s, 7);
    int r1, r2;
    gnutls_transport_get_int2(s, &r1, &r2);
    printf("  transport int %d %d %d\n", gnutls_transport_get_int(s), r1, r2);
    printf("  rehandshake client: %s\n", code(gnutls_rehandshake(s)));
    printf("  version before: %d cipher %d mac %d kx %d\n", gnutls_protocol_get_version(s), gnutls_cipher_get(s),
           gnutls_mac_get(s), gnutls_kx_get(s));
    printf("  resumed %d requested %d\n", gnutls_session_is_resumed(s), gnutls_session_resumption_requested(s));
    printf("  set_data NULL: %s\n", code(gnutls_session_set_data(s, NULL, 0)));
    printf("  record max %zu\n", gnutls_record_get_max_size(s));
    printf("  set max 100: %s\n", code((int)gnutls_record_set_max_size(s, 100)));
    printf("  set max 1024: %s now %zu\n", code((int)gnutls_record_set_max_size(s, 1024)), gnutls_record_get_max_size(s));
    gnutls_datum_t k;
    printf("  ticket key: %s\n", code(gnutls_session_ticket_key_generate(&k)));
    gnutls_datum_t bad = {k.data, 10};
    printf("  enable server bad key: %s\n", code(gnutls_session_ticket_enable_server(s, &bad)));
    gnutls_free(k.data);
    size_t idsz = 100;
    unsigned char id[100];
    printf("  session id before: %s size %zu\n", code(gnutls_session_get_id(s, id, &idsz)), idsz);
    gnutls_deinit(s);

    gnutls_init(&s, GNUTLS_CLIENT);
    gnutls_priority_set_direct(s, "NORMAL", NULL);
    gnutls_certificate_credentials_t c;
    gnutls_certificate_allocate_credentials(&c);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, c);
    printf("  handshake on default fd -1: %s\n", code(gnutls_handshake(s)));
    gnutls_deinit(s);
    gnutls_certificate_free_credentials(c);
}

int main(void)
{
    gnutls_global_init();
    gnutls_session_ticket_key_generate(&ticket_key);
    scenario_basic("TLS1.3 RSA", "NORMAL:-VERS-ALL:+VERS-TLS1.3", rsa_key, rsa_crt);
    scenario_basic("TLS1.2 RSA", "NORMAL:-VERS-ALL:+VERS-TLS1.2", rsa_key, rsa_crt);
    scenario_basic("TLS1.3 ECDSA", "NORMAL:-VERS-ALL:+VERS-TLS1.3", ec_key, ec_crt);
    scenario_basic("TLS1.2 ECDSA", "NORMAL:-VERS-ALL:+VERS-TLS1.2", ec_key, ec_crt);
    scenario_basic("TLS1.1 ECDSA", "NORMAL:-VERS-ALL:+VERS-TLS1.1", ec_key, ec_crt);
    scenario_basic("TLS1.0 RSA", "NORMAL:-VERS-ALL:+VERS-TLS1.0", rsa_key, rsa_crt);
    scenario_basic("TLS1.2 RSA CBC", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1", rsa_key, rsa_crt);
    /* 3DES-CBC added to NORMAL (as consumers' strings do): the preferred
     * suites still win.  (3DES alone does not negotiate through gnossl:
     * OpenSSL 3.0's libssl is built without its 3DES suites.) */
    scenario_basic("TLS1.2 RSA NORMAL:+3DES-CBC", "NORMAL:-VERS-ALL:+VERS-TLS1.2:+3DES-CBC", rsa_key, rsa_crt);
    scenario_basic("TLS1.3 CHACHA", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305", rsa_key, rsa_crt);
    scenario_basic("TLS1.2 SECP384R1", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-GROUP-ALL:+GROUP-SECP384R1", rsa_key, rsa_crt);
    scenario_no_priority();
    scenario_version_mismatch("NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_version_mismatch("NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_version_mismatch("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM");
    scenario_eof("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_eof("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_retry("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_retry("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_bye_rdwr("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_bye_rdwr("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_resume("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_resume("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_ext("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_ext("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_keys("NORMAL:-VERS-ALL:+VERS-TLS1.3", 0);
    scenario_keys("NORMAL:-VERS-ALL:+VERS-TLS1.2", 0);
    scenario_keys("NORMAL:-VERS-ALL:+VERS-TLS1.2", 1);
    scenario_keys("NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_SESSION_HASH", 0);
    scenario_max_size("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_max_size("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_db();
    scenario_late_creds("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_late_creds("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_misc2("NORMAL:-VERS-ALL:+VERS-TLS1.3");
    scenario_misc2("NORMAL:-VERS-ALL:+VERS-TLS1.2");
    scenario_misc2("NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA256");
    scenario_misc2("NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+DHE-RSA");
    /* (TLS 1.2 DHE: OpenSSL 3.0 has no RFC 7919 negotiation, so gnossl
     * reports the group as CUSTOM2048 where GnuTLS says FFDHE2048.) */
    scenario_timeout();
    scenario_misc();
    gnutls_free(ticket_key.data);
    gnutls_global_deinit();
    return 0;
}
