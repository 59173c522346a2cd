/* Differential test of the answers gnossl gives for features it cannot
 * negotiate and for application mutexes:
 * - gnutls_compress_certificate_get_selected_method on a session that did
 *   not negotiate RFC 8879 compression, before and after the handshake;
 * - gnutls_supplemental_get_name with no type registered;
 * - a program that installs its own mutex functions with
 *   gnutls_global_set_mutex (before gnutls_global_init and again after)
 *   still completes TLS 1.2 and 1.3 handshakes and exchanges data.  How
 *   often the functions are called is not printed: GnuTLS uses them for
 *   per-session locks, gnossl does not use them at all. */
#include "tls-pair.h"

#include <pthread.h>

static unsigned mutex_calls;

static int m_init(void **m)
{
    pthread_mutex_t *p = malloc(sizeof *p);
    if (p == NULL)
        return GNUTLS_E_MEMORY_ERROR;
    pthread_mutex_init(p, NULL);
    *m = p;
    mutex_calls++;
    return 0;
}

static int m_deinit(void **m)
{
    pthread_mutex_destroy(*m);
    free(*m);
    *m = NULL;
    mutex_calls++;
    return 0;
}

static int m_lock(void **m)
{
    mutex_calls++;
    return pthread_mutex_lock(*m) == 0 ? 0 : GNUTLS_E_LOCKING_ERROR;
}

static int m_unlock(void **m)
{
    mutex_calls++;
    return pthread_mutex_unlock(*m) == 0 ? 0 : GNUTLS_E_LOCKING_ERROR;
}

static void run(const char *prio)
{
    struct tp_pair p;
    struct tp_psk k;
    char buf[16];

    printf("%s\n", prio);
    tp_init(&p, 0, 0);
    tp_psk_set(&p, &k, prio);
    printf("  compression before: client %d, server %d\n", gnutls_compress_certificate_get_selected_method(p.c.s),
           gnutls_compress_certificate_get_selected_method(p.s.s));
    if (tp_handshake(&p) == 0) {
        printf("  version %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(p.c.s)));
        printf("  compression after: client %d, server %d\n", gnutls_compress_certificate_get_selected_method(p.c.s),
               gnutls_compress_certificate_get_selected_method(p.s.s));
        int r = (int)gnutls_record_send(p.c.s, "ping", 4);
        int n = -1;
        for (int i = 0; i < 10 && (n = (int)gnutls_record_recv(p.s.s, buf, sizeof buf)) == GNUTLS_E_AGAIN; i++)
            ;
        printf("  send %s, recv %s%s\n", tp_code(r), tp_code(n), n == 4 && memcmp(buf, "ping", 4) == 0 ? " ping" : "");
    }
    tp_free(&p);
    tp_psk_free(&k);
}

int main(void)
{
    gnutls_global_set_mutex(m_init, m_deinit, m_lock, m_unlock);
    gnutls_global_init();
    for (int t = -1; t < 4; t++) {
        const char *n = gnutls_supplemental_get_name((gnutls_supplemental_data_format_type_t)t);
        printf("supplemental name %d: %s\n", t, n != NULL ? n : "(null)");
    }
    run("NORMAL:-VERS-ALL:+VERS-TLS1.3:+PSK:+ECDHE-PSK");
    run("NORMAL:-VERS-ALL:+VERS-TLS1.2:+PSK:+ECDHE-PSK");
    /* again after initialisation, and with a NULL function (ignored) */
    gnutls_global_set_mutex(m_init, m_deinit, m_lock, m_unlock);
    gnutls_global_set_mutex(NULL, m_deinit, m_lock, m_unlock);
    run("NORMAL:-VERS-ALL:+VERS-TLS1.3:+PSK:+ECDHE-PSK");
    gnutls_global_deinit();
    fprintf(stderr, "mutex calls: %u\n", mutex_calls); /* not compared */
    return 0;
}
