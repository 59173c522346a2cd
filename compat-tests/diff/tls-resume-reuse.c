/* One session blob given to many connections, as a client that reconnects
 * does: every connection from the same blob resumes, also after an earlier
 * connection from that blob ended with a fatal alert; blobs of two servers
 * used in turn each resume only on their own server, and a resumed client
 * still sees its server's certificate.  (gnossl keeps decoded blobs,
 * src/tls/resume-cache.c; this checks that the copies behave as fresh
 * decodes would.)  gnutls_session_get_data in the ways curl and others call
 * it gives the bytes of get_data2. */
#include "tls-pair.h"
#include "test-keys.h"

struct server {
    const char *name;
    gnutls_certificate_credentials_t cred;
    gnutls_datum_t key;
};

static gnutls_certificate_credentials_t client_cred;

static void pair_up(struct tp_pair *p, const char *prio, struct server *sv)
{
    tp_init(p, GNUTLS_NONBLOCK, GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(p->c.s, prio, NULL);
    gnutls_priority_set_direct(p->s.s, prio, NULL);
    gnutls_credentials_set(p->c.s, GNUTLS_CRD_CERTIFICATE, client_cred);
    gnutls_credentials_set(p->s.s, GNUTLS_CRD_CERTIFICATE, sv->cred);
    gnutls_session_ticket_enable_server(p->s.s, &sv->key);
}

/* Let the client read what the server sent after the handshake (tickets). */
static void ping(struct tp_pair *p)
{
    char b;
    gnutls_record_send(p->s.s, "x", 1);
    while (gnutls_record_recv(p->c.s, &b, 1) == GNUTLS_E_AGAIN)
        ;
}

/* gnutls_session_get_data as curl calls it (size first, then the data), and
 * with a short and a long buffer: the same bytes as get_data2. */
static void get_data_forms(gnutls_session_t s, const gnutls_datum_t *blob)
{
    size_t size = 0;
    int r = gnutls_session_get_data(s, NULL, &size);
    printf("  get_data(NULL): %s, size as get_data2 %d\n", tp_code(r), size == blob->size);
    unsigned char *buf = malloc(blob->size + 16);
    size = blob->size - 1;
    r = gnutls_session_get_data(s, buf, &size);
    printf("  get_data(short): %s, size as get_data2 %d\n", tp_code(r), size == blob->size);
    size = blob->size + 16;
    memset(buf, 0, blob->size + 16);
    r = gnutls_session_get_data(s, buf, &size);
    printf("  get_data(long): %s, size as get_data2 %d, same bytes %d\n", tp_code(r), size == blob->size,
           r == 0 && size == blob->size && memcmp(buf, blob->data, blob->size) == 0);
    free(buf);
}

static void first_blob(const char *prio, struct server *sv, gnutls_datum_t *blob)
{
    struct tp_pair p;
    pair_up(&p, prio, sv);
    if (tp_handshake(&p) == 0) {
        ping(&p);
        printf("  get_data2 %s: %s\n", sv->name, tp_code(gnutls_session_get_data2(p.c.s, blob)));
        get_data_forms(p.c.s, blob);
    }
    tp_free(&p);
}

/* Connect to `sv` with `blob`; `alert`: the server then sends a fatal alert
 * that the client reads. */
static void connect_with(const char *prio, struct server *sv, const char *blob_name, const gnutls_datum_t *blob,
                         int alert)
{
    struct tp_pair p;
    printf(" %s with blob %s%s\n", sv->name, blob_name, alert ? ", then a fatal alert" : "");
    pair_up(&p, prio, sv);
    printf("  set_data: %s requested %d\n", tp_code(gnutls_session_set_data(p.c.s, blob->data, blob->size)),
           gnutls_session_resumption_requested(p.c.s));
    if (tp_handshake(&p) == 0) {
        unsigned n = 0;
        const gnutls_datum_t *peers = gnutls_certificate_get_peers(p.c.s, &n);
        printf("  resumed: client %d server %d; peer certificates %u, first %u bytes\n",
               gnutls_session_is_resumed(p.c.s), gnutls_session_is_resumed(p.s.s), n,
               peers != NULL && n > 0 ? peers[0].size : 0);
        if (alert) {
            char b;
            printf("  server alert: %s\n",
                   tp_code(gnutls_alert_send(p.s.s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR)));
            int r;
            while ((r = (int)gnutls_record_recv(p.c.s, &b, 1)) == GNUTLS_E_AGAIN)
                ;
            printf("  client recv: %s alert %s\n", tp_code(r),
                   gnutls_alert_get_name(gnutls_alert_get(p.c.s)));
        }
    }
    tp_free(&p);
}

static void scenario(const char *prio, struct server *a, struct server *b)
{
    gnutls_datum_t blob_a = {NULL, 0}, blob_b = {NULL, 0};
    printf("== %s\n", prio);
    first_blob(prio, a, &blob_a);
    first_blob(prio, b, &blob_b);
    for (int i = 0; i < 3; i++)
        connect_with(prio, a, "A", &blob_a, 0);
    connect_with(prio, a, "A", &blob_a, 1);
    connect_with(prio, a, "A", &blob_a, 0);
    connect_with(prio, b, "B", &blob_b, 0);
    connect_with(prio, a, "B", &blob_b, 0);
    connect_with(prio, b, "A", &blob_a, 0);
    connect_with(prio, b, "B", &blob_b, 0);
    connect_with(prio, a, "A", &blob_a, 0);
    gnutls_free(blob_a.data);
    gnutls_free(blob_b.data);
}

static void server_init(struct server *sv, const char *name, const char *key, const char *crt)
{
    gnutls_datum_t k = {(unsigned char *)key, (unsigned)strlen(key)};
    gnutls_datum_t c = {(unsigned char *)crt, (unsigned)strlen(crt)};
    sv->name = name;
    gnutls_certificate_allocate_credentials(&sv->cred);
    int r = gnutls_certificate_set_x509_key_mem(sv->cred, &c, &k, GNUTLS_X509_FMT_PEM);
    if (r < 0)
        printf("set_x509_key_mem %s: %s\n", name, tp_code(r));
    gnutls_session_ticket_key_generate(&sv->key);
}

static void server_free(struct server *sv)
{
    gnutls_certificate_free_credentials(sv->cred);
    gnutls_free(sv->key.data);
}

int main(void)
{
    struct server a, b;
    gnutls_global_init();
    gnutls_certificate_allocate_credentials(&client_cred);
    server_init(&a, "A", rsa_key, rsa_crt);
    server_init(&b, "B", ec_key, ec_crt);
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.3", &a, &b);
    scenario("NORMAL:-VERS-ALL:+VERS-TLS1.2", &a, &b);
    server_free(&a);
    server_free(&b);
    gnutls_certificate_free_credentials(client_cred);
    gnutls_global_deinit();
    return 0;
}
