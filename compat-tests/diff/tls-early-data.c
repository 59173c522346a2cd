/* Differential: TLS 1.3 early data (0-RTT).  A client resumes with a ticket
 * from a server created with GNUTLS_ENABLE_EARLY_DATA and sends early data
 * with gnutls_record_send_early_data before its handshake; the server reads
 * it with gnutls_record_recv_early_data.  Covers acceptance (session flags
 * on both sides), the anti-replay requirements (no anti-replay context, no
 * add function, a database that already holds the ClientHello, the very
 * same client flight replayed to a second server), a server without the
 * flag, size limits and the calls on the wrong side.  gnutls_early_cipher_get
 * and gnutls_early_prf_hash_get are asked on both sides at each step. */
#include "tls-pair.h"

#include "test-keys.h"

static gnutls_datum_t ticket_key;
static gnutls_certificate_credentials_t scred, ccred;

/* The anti-replay database: keys seen so far. */
static struct {
    unsigned char key[128];
    unsigned len;
} seen[16];
static unsigned nseen, adds;

static int db_add(void *ptr, time_t exp, const gnutls_datum_t *key, const gnutls_datum_t *data)
{
    (void)ptr;
    (void)exp;
    adds++;
    if (data->size != 12 || gnutls_db_check_entry_expire_time((gnutls_datum_t *)data) -
                                    gnutls_db_check_entry_time((gnutls_datum_t *)data) != 10)
        printf("  db_add: unexpected entry (size %u)\n", data->size);
    for (unsigned i = 0; i < nseen; i++)
        if (seen[i].len == key->size && memcmp(seen[i].key, key->data, key->size) == 0)
            return GNUTLS_E_DB_ENTRY_EXISTS;
    if (nseen < 16 && key->size <= sizeof seen[0].key) {
        memcpy(seen[nseen].key, key->data, key->size);
        seen[nseen++].len = key->size;
    }
    return 0;
}

static int db_add_refuse(void *ptr, time_t exp, const gnutls_datum_t *key, const gnutls_datum_t *data)
{
    (void)ptr;
    (void)exp;
    (void)key;
    (void)data;
    return GNUTLS_E_DB_ENTRY_EXISTS;
}

static void setup(struct tp_pair *p, unsigned sflags)
{
    tp_init(p, 0, sflags);
    gnutls_priority_set_direct(p->c.s, "NORMAL:-VERS-ALL:+VERS-TLS1.3", NULL);
    gnutls_priority_set_direct(p->s.s, "NORMAL", NULL);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, scred);
    gnutls_session_ticket_enable_server(p->s.s, &ticket_key);
}

/* The early-data algorithms as SIDE sees them now. */
static int show_early_algs = 1;
static void early_algs(const char *side, gnutls_session_t s)
{
    if (!show_early_algs)
        return;
    const char *c = gnutls_cipher_get_name(gnutls_early_cipher_get(s));
    const char *d = gnutls_digest_get_name(gnutls_early_prf_hash_get(s));
    printf("  %s early cipher %s, prf %s\n", side, c ? c : "(null)", d ? d : "(null)");
}

/* A first connection; returns the client's resumption data. */
static gnutls_datum_t first_connection(unsigned sflags)
{
    struct tp_pair p;
    gnutls_datum_t data = {NULL, 0};
    char buf[16];
    setup(&p, sflags);
    if (tp_handshake(&p) == 0) {
        printf("  first: client max early data %u\n", (unsigned)gnutls_record_get_max_early_data_size(p.c.s));
        printf("  first: server max early data %u\n", (unsigned)gnutls_record_get_max_early_data_size(p.s.s));
        early_algs("first: client", p.c.s);
        early_algs("first: server", p.s.s);
        gnutls_record_send(p.s.s, "x", 1);
        int r;
        do
            r = gnutls_record_recv(p.c.s, buf, sizeof buf);
        while (r == GNUTLS_E_AGAIN && p.c.in->off < p.c.in->len);
        printf("  first: client read %s\n", tp_code(r));
        printf("  first: get_data2 %s\n", tp_code(gnutls_session_get_data2(p.c.s, &data)));
    }
    tp_free(&p);
    return data;
}

static int use_hook;

/* A server hook: after sending its ServerHello (the ticket decrypted) it
 * shows the early-data algorithms; with use_hook, on EndOfEarlyData it reads
 * the early data there. */
static int server_hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming, const gnutls_datum_t *msg)
{
    char buf[64];
    (void)msg;
    if (when == GNUTLS_HOOK_POST && !incoming && htype == GNUTLS_HANDSHAKE_SERVER_HELLO)
        early_algs("server after its ServerHello:", s);
    if (when != GNUTLS_HOOK_POST || !incoming)
        return 0;
    if (htype != GNUTLS_HANDSHAKE_END_OF_EARLY_DATA || !use_hook)
        return 0;
    ssize_t n = gnutls_record_recv_early_data(s, buf, sizeof buf - 1);
    printf("  in EndOfEarlyData hook: recv_early_data %s", tp_code((int)n));
    if (n > 0) {
        buf[n] = 0;
        printf(" '%s'", buf);
    }
    printf("\n");
    early_algs("server in hook:", s);
    return 0;
}

enum ar_mode { AR_NONE, AR_NO_ADD, AR_DB, AR_REFUSE, AR_LATE };

/* Anti-replay contexts, made before any ticket is issued (GnuTLS refuses
 * early data under a ticket older than the context's recording). */
static gnutls_anti_replay_t ars[5];

/* A resumption with early data.  `replay`: also feed the client's first
 * flight, unchanged, to a second server with the same anti-replay context. */
static void resume_with_early(const char *name, gnutls_datum_t *data, unsigned sflags, enum ar_mode ar_mode,
                              const char *early, int replay, unsigned window)
{
    struct tp_pair p;
    gnutls_anti_replay_t ar = NULL;
    char buf[64];
    printf("== %s\n", name);
    setup(&p, sflags);
    if (ar_mode == AR_LATE) {
        /* a context younger than the ticket */
        gnutls_anti_replay_init(&ars[AR_LATE]);
        gnutls_anti_replay_set_add_function(ars[AR_LATE], db_add);
    }
    ar = ars[ar_mode];
    if (ar != NULL) {
        if (window)
            gnutls_anti_replay_set_window(ar, window);
        gnutls_anti_replay_enable(p.s.s, ar);
    }
    gnutls_handshake_set_hook_function(p.s.s, GNUTLS_HANDSHAKE_ANY, GNUTLS_HOOK_POST, server_hook);
    printf("  set_data: %s\n", tp_code(gnutls_session_set_data(p.c.s, data->data, data->size)));
    printf("  client max early data: %u\n", (unsigned)gnutls_record_get_max_early_data_size(p.c.s));
    if (early != NULL) {
        printf("  send_early_data: %s\n", tp_code((int)gnutls_record_send_early_data(p.c.s, early, strlen(early))));
        printf("  send_early_data again: %s\n", tp_code((int)gnutls_record_send_early_data(p.c.s, "+", 1)));
    }
    /* The client's first flight, kept for the replay. */
    int rc = gnutls_handshake(p.c.s);
    printf("  client first step: %s\n", tp_code(rc));
    early_algs("client after its first step:", p.c.s);
    size_t flight_len = p.c2s.len;
    unsigned char *flight = malloc(flight_len + 1);
    memcpy(flight, p.c2s.buf, flight_len);
    if (tp_handshake(&p) == 0) {
        printf("  resumed: client %d server %d\n", gnutls_session_is_resumed(p.c.s), gnutls_session_is_resumed(p.s.s));
        printf("  early data flag: client %d server %d\n",
               (gnutls_session_get_flags(p.c.s) & GNUTLS_SFLAGS_EARLY_DATA) != 0,
               (gnutls_session_get_flags(p.s.s) & GNUTLS_SFLAGS_EARLY_DATA) != 0);
        early_algs("client:", p.c.s);
        early_algs("server:", p.s.s);
        ssize_t n = gnutls_record_recv_early_data(p.s.s, buf, sizeof buf - 1);
        printf("  server recv_early_data: %s", tp_code((int)n));
        if (n > 0) {
            buf[n] = 0;
            printf(" '%s'", buf);
        }
        printf("\n");
        n = gnutls_record_recv_early_data(p.s.s, buf, sizeof buf - 1);
        printf("  server recv_early_data again: %s\n", tp_code((int)n));
        /* Normal data still flows both ways. */
        int r = (int)gnutls_record_send(p.c.s, "after", 5);
        printf("  client send: %s\n", tp_code(r));
        do
            r = (int)gnutls_record_recv(p.s.s, buf, sizeof buf);
        while (r == GNUTLS_E_AGAIN && p.s.in->off < p.s.in->len);
        printf("  server recv: %s\n", tp_code(r));
    }
    if (replay) {
        struct tp_pair q;
        setup(&q, sflags);
        gnutls_anti_replay_enable(q.s.s, ar);
        q.c2s.buf = realloc(q.c2s.buf, flight_len);
        memcpy(q.c2s.buf, flight, flight_len);
        q.c2s.len = flight_len;
        int r;
        for (int i = 0; i < 5; i++)
            if ((r = gnutls_handshake(q.s.s)) != GNUTLS_E_AGAIN)
                break;
        printf("  replayed hello: server %s, early data %s\n", tp_code(r),
               tp_code((int)gnutls_record_recv_early_data(q.s.s, buf, sizeof buf)));
        tp_free(&q);
    }
    free(flight);
    tp_free(&p);
    if (ar_mode == AR_LATE) {
        gnutls_anti_replay_deinit(ars[AR_LATE]);
        ars[AR_LATE] = NULL;
    }
}

int main(void)
{
    gnutls_global_init();
    gnutls_session_ticket_key_generate(&ticket_key);
    gnutls_certificate_allocate_credentials(&scred);
    gnutls_certificate_allocate_credentials(&ccred);
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_set_x509_key_mem(scred, &c, &k, GNUTLS_X509_FMT_PEM);

    for (int i = AR_NO_ADD; i <= AR_REFUSE; i++)
        gnutls_anti_replay_init(&ars[i]);
    gnutls_anti_replay_set_add_function(ars[AR_DB], db_add);
    gnutls_anti_replay_set_add_function(ars[AR_REFUSE], db_add_refuse);
    gnutls_anti_replay_set_ptr(ars[AR_DB], NULL);

    /* Calls outside a connection. */
    gnutls_session_t cs, ss;
    gnutls_init(&cs, GNUTLS_CLIENT);
    gnutls_init(&ss, GNUTLS_SERVER | GNUTLS_ENABLE_EARLY_DATA);
    char buf[16];
    printf("client default max early data: %u\n", (unsigned)gnutls_record_get_max_early_data_size(cs));
    printf("server default max early data: %u\n", (unsigned)gnutls_record_get_max_early_data_size(ss));
    printf("client set_max_early_data_size: %s\n", tp_code(gnutls_record_set_max_early_data_size(cs, 100)));
    printf("server set_max_early_data_size 100: %s\n", tp_code(gnutls_record_set_max_early_data_size(ss, 100)));
    printf("server max early data now: %u\n", (unsigned)gnutls_record_get_max_early_data_size(ss));
    printf("server send_early_data: %s\n", tp_code((int)gnutls_record_send_early_data(ss, "x", 1)));
    printf("client recv_early_data: %s\n", tp_code((int)gnutls_record_recv_early_data(cs, buf, sizeof buf)));
    printf("server recv_early_data before: %s\n", tp_code((int)gnutls_record_recv_early_data(ss, buf, sizeof buf)));
    printf("client send_early_data without session: %s\n", tp_code((int)gnutls_record_send_early_data(cs, "x", 1)));
    printf("client send_early_data 0: %s\n", tp_code((int)gnutls_record_send_early_data(cs, "x", 0)));
    early_algs("fresh client:", cs);
    early_algs("fresh server:", ss);
    gnutls_deinit(cs);
    gnutls_deinit(ss);

    printf("== ticket from a server without GNUTLS_ENABLE_EARLY_DATA\n");
    gnutls_datum_t plain = first_connection(0);
    printf("== ticket from a server with GNUTLS_ENABLE_EARLY_DATA\n");
    gnutls_datum_t ed = first_connection(GNUTLS_ENABLE_EARLY_DATA);

    resume_with_early("accepted", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_DB, "early bird", 1, 0);
    use_hook = 1;
    resume_with_early("accepted, read in a hook", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_DB, "hooked", 0, 0);
    use_hook = 0;
    resume_with_early("server without anti-replay", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_NONE, "early bird", 0, 0);
    resume_with_early("anti-replay without add function", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_NO_ADD, "early bird", 0, 0);
    resume_with_early("database refuses", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_REFUSE, "early bird", 0, 0);
    resume_with_early("anti-replay context younger than the ticket", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_LATE,
                      "early bird", 0, 0);
    resume_with_early("server without the flag", &ed, 0, AR_DB, "early bird", 0, 0);
    show_early_algs = 0; /* the known difference: no early data sent, so none in flight */
    resume_with_early("ticket without early data", &plain, GNUTLS_ENABLE_EARLY_DATA, AR_DB, "early bird", 0, 0);
    show_early_algs = 1;
    resume_with_early("no early data sent", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_DB, NULL, 0, 0);
    {
        static char big[20000];
        memset(big, 'b', sizeof big - 1);
        resume_with_early("too much early data", &ed, GNUTLS_ENABLE_EARLY_DATA, AR_DB, big, 0, 0);
    }
    for (int i = AR_NO_ADD; i <= AR_REFUSE; i++)
        gnutls_anti_replay_deinit(ars[i]);
    gnutls_free(plain.data);
    gnutls_free(ed.data);
    gnutls_free(ticket_key.data);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
    gnutls_global_deinit();
    return 0;
}
