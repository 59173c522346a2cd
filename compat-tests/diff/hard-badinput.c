/* Differential (hardening): bad arguments to real public functions.  Each
 * call runs in a forked child, so a crash is reported as a line of output
 * ("CRASH signal N") instead of ending the run, and a call cannot disturb
 * the state the next one sees.  Only calls that real GnuTLS 3.7.9 survives
 * are listed (3.7.9 itself crashes on, for instance, gnutls_alert_send,
 * gnutls_bye with a bogus `how`, gnutls_session_key_update or
 * gnutls_rehandshake before any handshake, gnutls_pbkdf2 with 0 iterations,
 * gnutls_cipher_get_id(NULL) and signing with an empty privkey, so those are
 * left out); return codes (and sizes where GnuTLS reports them) are
 * printed, so the output must be identical on gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-keys.h"
#include "ret-code.h"

/* Run BODY in a child; a signal in the child becomes an output line. */
#define ISOLATED(label, ...)                                                            \
    do {                                                                               \
        fflush(stdout);                                                                \
        pid_t pid_ = fork();                                                           \
        if (pid_ == 0) {                                                               \
            __VA_ARGS__;                                                               \
            fflush(stdout);                                                            \
            _exit(0);                                                                  \
        }                                                                              \
        int st_ = 0;                                                                   \
        waitpid(pid_, &st_, 0);                                                        \
        if (WIFSIGNALED(st_))                                                          \
            printf("%s: CRASH signal %d\n", label, WTERMSIG(st_));                     \
        else if (WEXITSTATUS(st_) != 0)                                                \
            printf("%s: child exit %d\n", label, WEXITSTATUS(st_));                    \
    } while (0)

#define T(label, expr) ISOLATED(label, printf("%s: %s\n", label, code((long)(expr))))
#define TS(label, expr)                                                                \
    ISOLATED(label, {                                                                  \
        const char *s_ = (expr);                                                       \
        printf("%s: %s\n", label, s_ ? s_ : "(null)");                                 \
    })

static gnutls_datum_t D(const char *s)
{
    gnutls_datum_t d = {(unsigned char *)s, (unsigned)strlen(s)};
    return d;
}

static void session_calls(void)
{
    gnutls_session_t s, srv;
    unsigned char buf[256] = {0}; /* printed after failing calls too */
    size_t sz;
    gnutls_datum_t d;
    printf("== session\n");
    T("init flags 0", ({ gnutls_session_t x; int r = gnutls_init(&x, 0); if (r == 0) gnutls_deinit(x); r; }));
    T("init all flags", ({ gnutls_session_t x; int r = gnutls_init(&x, 0xffffffffu & ~(1u << 31)); if (r == 0) gnutls_deinit(x); r; }));
    T("init client|server", ({ gnutls_session_t x; int r = gnutls_init(&x, GNUTLS_CLIENT | GNUTLS_SERVER); if (r == 0) gnutls_deinit(x); r; }));
    gnutls_init(&s, GNUTLS_CLIENT);
    gnutls_init(&srv, GNUTLS_SERVER);
    T("deinit NULL", (gnutls_deinit(NULL), 0));
    T("priority_set NULL", gnutls_priority_set(s, NULL));
    T("priority_set_direct NULL", gnutls_priority_set_direct(s, NULL, NULL));
    T("priority_set_direct empty", gnutls_priority_set_direct(s, "", NULL));
    ISOLATED("priority_set_direct garbage", {
        const char *e = NULL;
        static const char str[] = "NORMAL:+BOGUS";
        int r = gnutls_priority_set_direct(s, str, &e);
        printf("priority_set_direct garbage: %s err_pos %ld\n", code(r), e ? (long)(e - str) : -1L);
    });
    T("credentials_set bad type", gnutls_credentials_set(s, (gnutls_credentials_type_t)99, NULL));
    T("credentials_set cert NULL", gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, NULL));
    T("credentials_get none", ({ void *c = NULL; gnutls_credentials_get(s, GNUTLS_CRD_CERTIFICATE, &c); }));
    T("credentials_clear", (gnutls_credentials_clear(s), 0));
    T("record_send NULL before handshake", gnutls_record_send(s, NULL, 10));
    T("record_send 0 before handshake", gnutls_record_send(s, "x", 0));
    T("record_recv NULL before handshake", gnutls_record_recv(s, NULL, 0));
    T("record_recv_seq before handshake", gnutls_record_recv_seq(s, buf, sizeof buf, buf + 100));
    T("record_check_pending before", gnutls_record_check_pending(s));
    T("record_get_direction before", gnutls_record_get_direction(s));
    T("record_set_max_size 0", gnutls_record_set_max_size(s, 0));
    T("record_set_max_size 511", gnutls_record_set_max_size(s, 511));
    T("record_set_max_size 512", gnutls_record_set_max_size(s, 512));
    T("record_set_max_size 16384", gnutls_record_set_max_size(s, 16384));
    T("record_set_max_size 16385", gnutls_record_set_max_size(s, 16385));
    T("record_set_max_size huge", gnutls_record_set_max_size(s, (size_t)-1));
    T("record_set_max_recv_size 0", gnutls_record_set_max_recv_size(s, 0));
    T("record_set_max_recv_size 64", gnutls_record_set_max_recv_size(s, 64));
    T("record_set_max_recv_size huge", gnutls_record_set_max_recv_size(s, (size_t)1 << 40));
    T("server record_set_max_size 1000", gnutls_record_set_max_size(srv, 1000));
    T("server_name_set bad type", gnutls_server_name_set(s, (gnutls_server_name_type_t)99, "a", 1));
    T("server_name_set NULL 0", gnutls_server_name_set(s, GNUTLS_NAME_DNS, NULL, 0));
    T("server_name_set len 0", gnutls_server_name_set(s, GNUTLS_NAME_DNS, "abc", 0));
    T("server_name_set 300", ({ char n[300]; memset(n, 'a', sizeof n); gnutls_server_name_set(s, GNUTLS_NAME_DNS, n, sizeof n); }));
    T("server_name_set trailing dot", gnutls_server_name_set(s, GNUTLS_NAME_DNS, "example.com.", 12));
    ISOLATED("server_name_get none", {
        size_t l = sizeof buf;
        unsigned t = 0;
        int r = gnutls_server_name_get(s, buf, &l, &t, 0);
        printf("server_name_get none: %s\n", code(r));
    });
    ISOLATED("server_name_get small", {
        gnutls_server_name_set(s, GNUTLS_NAME_DNS, "example.com", 11);
        size_t l = 3;
        unsigned t = 0;
        int r = gnutls_server_name_get(s, buf, &l, &t, 0);
        printf("server_name_get small: %s size %zu\n", code(r), l);
        l = sizeof buf;
        r = gnutls_server_name_get(s, buf, &l, &t, 1);
        printf("server_name_get index 1: %s\n", code(r));
        l = sizeof buf;
        r = gnutls_server_name_get(s, buf, &l, &t, 0);
        printf("server_name_get: %s size %zu type %u '%s'\n", code(r), l, t, buf);
    });
    T("alpn_set NULL 0", gnutls_alpn_set_protocols(s, NULL, 0, 0));
    T("alpn_set empty protocol", ({ gnutls_datum_t a = {(unsigned char *)"", 0}; gnutls_alpn_set_protocols(s, &a, 1, 0); }));
    T("alpn_set 256-byte protocol", ({ static unsigned char n[256]; gnutls_datum_t a = {n, 256}; gnutls_alpn_set_protocols(s, &a, 1, 0); }));
    T("alpn_set 255-byte protocol", ({ static unsigned char n[255]; memset(n, 'h', 255); gnutls_datum_t a = {n, 255}; gnutls_alpn_set_protocols(s, &a, 1, 0); }));
    T("alpn_set 20 protocols", ({ gnutls_datum_t a[20]; for (int i = 0; i < 20; i++) a[i] = D("h2"); gnutls_alpn_set_protocols(s, a, 20, 0); }));
    T("alpn_get before handshake", ({ gnutls_datum_t a; gnutls_alpn_get_selected_protocol(s, &a); }));
    T("session_set_data NULL 0", gnutls_session_set_data(s, NULL, 0));
    T("session_set_data garbage", gnutls_session_set_data(s, "garbage", 7));
    T("session_set_data 1 byte", gnutls_session_set_data(s, "\x30", 1));
    T("server session_set_data garbage", gnutls_session_set_data(srv, "garbage", 7));
    ISOLATED("session_get_data NULL before", {
        sz = 0;
        int r = gnutls_session_get_data(s, NULL, &sz);
        printf("session_get_data NULL before: %s\n", code(r));
    });
    T("session_get_data2 before", ({ int r = gnutls_session_get_data2(s, &d); if (r == 0) gnutls_free(d.data); r; }));
    ISOLATED("session_get_id before", {
        sz = sizeof buf;
        int r = gnutls_session_get_id(s, buf, &sz);
        printf("session_get_id before: %s size %zu\n", code(r), sz);
        sz = 0;
        r = gnutls_session_get_id(s, NULL, &sz);
        printf("session_get_id NULL: %s size %zu\n", code(r), sz);
        r = gnutls_session_get_id2(s, &d);
        printf("session_get_id2 before: %s size %u\n", code(r), d.size);
    });
    T("channel_binding bad type", ({ gnutls_datum_t cb = {0}; gnutls_session_channel_binding(s, (gnutls_channel_binding_t)99, &cb); }));
    T("channel_binding unique before", ({ gnutls_datum_t cb = {0}; gnutls_session_channel_binding(s, GNUTLS_CB_TLS_UNIQUE, &cb); }));
    T("channel_binding exporter before", ({ gnutls_datum_t cb = {0}; gnutls_session_channel_binding(s, GNUTLS_CB_TLS_EXPORTER, &cb); }));
    T("prf before", gnutls_prf(s, 5, "label", 0, 0, NULL, 16, (char *)buf));
    T("prf_rfc5705 before", gnutls_prf_rfc5705(s, 5, "label", 0, NULL, 16, (char *)buf));
    T("prf_raw before", gnutls_prf_raw(s, 5, "label", 0, NULL, 16, (char *)buf));
    T("rehandshake client", gnutls_rehandshake(s));
    T("alert_send_appropriate 0", gnutls_alert_send_appropriate(s, 0));
    T("alert_get before", gnutls_alert_get(s));
    T("handshake_get_last_in before", gnutls_handshake_get_last_in(s));
    T("handshake_get_last_out before", gnutls_handshake_get_last_out(s));
    T("ticket_enable_server NULL", gnutls_session_ticket_enable_server(srv, NULL));
    T("ticket_enable_server on client", ({ gnutls_datum_t k; gnutls_session_ticket_key_generate(&k); int r = gnutls_session_ticket_enable_server(s, &k); gnutls_free(k.data); r; }));
    T("ticket_enable_client on server", gnutls_session_ticket_enable_client(srv));
    T("get_random before", ({ gnutls_datum_t a, b; gnutls_session_get_random(s, &a, &b); (long)a.size * 1000 + b.size; }));
    T("get_master_secret before", ({ gnutls_datum_t a = {0}; gnutls_session_get_master_secret(s, &a); (long)a.size; }));
    T("session_get_flags before", gnutls_session_get_flags(s));
    TS("session_get_desc before", gnutls_session_get_desc(s));
    T("protocol before", gnutls_protocol_get_version(s));
    T("cipher before", gnutls_cipher_get(s));
    T("kx before", gnutls_kx_get(s));
    T("mac before", gnutls_mac_get(s));
    T("group before", gnutls_group_get(s));
    T("certificate_type_get before", gnutls_certificate_type_get(s));
    T("certificate_type_get2 bad", gnutls_certificate_type_get2(s, (gnutls_ctype_target_t)99));
    T("auth_get_type before", gnutls_auth_get_type(s));
    T("verify_peers2 before", ({ unsigned st = 0; gnutls_certificate_verify_peers2(s, &st); }));
    T("verify_peers3 before", ({ unsigned st = 0; gnutls_certificate_verify_peers3(s, "x", &st); }));
    T("get_peers before", ({ unsigned n = 7; gnutls_certificate_get_peers(s, &n) != NULL ? 1000 + n : (long)n; }));
    T("get_ours before", gnutls_certificate_get_ours(s) != NULL);
    T("expiration_time_peers before", gnutls_certificate_expiration_time_peers(s));
    T("set_verify_cert NULL host", (gnutls_session_set_verify_cert(s, NULL, 0), 0));
    T("transport_get_int default", gnutls_transport_get_int(s));
    T("handshake no credentials", gnutls_handshake(s));
    ISOLATED("handshake twice, no credentials", {
        gnutls_priority_set_direct(s, "NORMAL", NULL);
        int r1 = gnutls_handshake(s);
        int r2 = gnutls_handshake(s);
        printf("handshake twice, no credentials: %s then %s\n", code(r1), code(r2));
    });
    gnutls_deinit(s);
    gnutls_deinit(srv);
}

static void priority_calls(void)
{
    gnutls_priority_t p;
    printf("== priority\n");
    static const char *strs[] = {"", ":", "::", "NORMAL:", "NORMAL::", "+", "-", "%", "NORMAL:%", "NORMAL:+",
                                 "NORMAL:-", "NORMAL:!", "@", "@:", "NORMAL:+VERS-TLS1.3:%UNKNOWN", "\xff\xfe",
                                 "NONE", "NONE:+VERS-TLS1.2", "NORMAL:-VERS-ALL", "SECURE256:+SECURE128",
                                 "NORMAL:%PROFILE_FUTURE", "NORMAL:%NO_TICKETS:%NO_TICKETS", "normal",
                                 " NORMAL", "NORMAL ", NULL};
    for (int i = 0; strs[i]; i++) {
        char label[80];
        snprintf(label, sizeof label, "priority_init '%s'", strs[i]);
        ISOLATED(label, {
            const char *e = NULL;
            int r = gnutls_priority_init(&p, strs[i], &e);
            long pos = e ? (long)(e - strs[i]) : -1;
            printf("%s: %s err_pos %ld\n", label, code(r), pos);
            if (r == 0)
                gnutls_priority_deinit(p);
        });
    }
    T("priority_init NULL string", ({ int r = gnutls_priority_init(&p, NULL, NULL); if (r == 0) gnutls_priority_deinit(p); r; }));
    T("priority_init2 NULL, append flag", ({ int r = gnutls_priority_init2(&p, NULL, NULL, GNUTLS_PRIORITY_INIT_DEF_APPEND); if (r == 0) gnutls_priority_deinit(p); r; }));
    T("priority_init2 bad append", ({ const char *e; int r = gnutls_priority_init2(&p, "+BOGUS", &e, GNUTLS_PRIORITY_INIT_DEF_APPEND); if (r == 0) gnutls_priority_deinit(p); r; }));
    T("priority_deinit NULL", (gnutls_priority_deinit(NULL), 0));
    gnutls_priority_init(&p, "NORMAL", NULL);
    T("cipher_suite_index huge", ({ unsigned sidx; gnutls_priority_get_cipher_suite_index(p, 100000, &sidx); }));
    T("cipher_suite_info huge", gnutls_cipher_suite_info(100000, NULL, NULL, NULL, NULL, NULL) != NULL);
    T("priority_string_list 9999", gnutls_priority_string_list(9999, 0) != NULL);
    T("priority_string_list 0 flags 99", gnutls_priority_string_list(0, 99) != NULL);
    gnutls_priority_deinit(p);
}

static void cred_calls(void)
{
    gnutls_certificate_credentials_t c;
    printf("== certificate credentials\n");
    gnutls_certificate_allocate_credentials(&c);
    gnutls_datum_t crt = D(ec_crt), key = D(ec_key), rsa = D(rsa_key) /* not ec_crt's key */, junk = D("junk"), empty = {NULL, 0};
    T("key_mem mismatch", gnutls_certificate_set_x509_key_mem(c, &crt, &rsa, GNUTLS_X509_FMT_PEM));
    T("key_mem junk cert", gnutls_certificate_set_x509_key_mem(c, &junk, &key, GNUTLS_X509_FMT_PEM));
    T("key_mem junk key", gnutls_certificate_set_x509_key_mem(c, &crt, &junk, GNUTLS_X509_FMT_PEM));
    T("key_mem DER of PEM", gnutls_certificate_set_x509_key_mem(c, &crt, &key, GNUTLS_X509_FMT_DER));
    T("key_mem empty cert", gnutls_certificate_set_x509_key_mem(c, &empty, &key, GNUTLS_X509_FMT_PEM));
    T("key_mem bad format", gnutls_certificate_set_x509_key_mem(c, &crt, &key, (gnutls_x509_crt_fmt_t)7));
    T("key_mem good", gnutls_certificate_set_x509_key_mem(c, &crt, &key, GNUTLS_X509_FMT_PEM));
    T("key_mem2 wrong password", gnutls_certificate_set_x509_key_mem2(c, &crt, &key, GNUTLS_X509_FMT_PEM, "pw", 0));
    T("key_file missing", gnutls_certificate_set_x509_key_file(c, "/nonexistent.crt", "/nonexistent.key", GNUTLS_X509_FMT_PEM));
    T("key_file dev/null", gnutls_certificate_set_x509_key_file(c, "/dev/null", "/dev/null", GNUTLS_X509_FMT_PEM));
    T("trust_mem junk", gnutls_certificate_set_x509_trust_mem(c, &junk, GNUTLS_X509_FMT_PEM));
    T("trust_mem junk DER", gnutls_certificate_set_x509_trust_mem(c, &junk, GNUTLS_X509_FMT_DER));
    T("trust_mem key instead", gnutls_certificate_set_x509_trust_mem(c, &key, GNUTLS_X509_FMT_PEM));
    T("trust_mem good", gnutls_certificate_set_x509_trust_mem(c, &crt, GNUTLS_X509_FMT_PEM));
    T("trust_file missing", gnutls_certificate_set_x509_trust_file(c, "/nonexistent", GNUTLS_X509_FMT_PEM));
    T("trust_file dev/null", gnutls_certificate_set_x509_trust_file(c, "/dev/null", GNUTLS_X509_FMT_PEM));
    T("trust_file directory", gnutls_certificate_set_x509_trust_file(c, "/tmp", GNUTLS_X509_FMT_PEM));
    T("trust_dir missing", gnutls_certificate_set_x509_trust_dir(c, "/nonexistent", GNUTLS_X509_FMT_PEM));
    T("trust_dir a file", gnutls_certificate_set_x509_trust_dir(c, "/etc/hostname", GNUTLS_X509_FMT_PEM));
    T("crl_mem junk", gnutls_certificate_set_x509_crl_mem(c, &junk, GNUTLS_X509_FMT_PEM));
    T("crl_mem junk DER", gnutls_certificate_set_x509_crl_mem(c, &junk, GNUTLS_X509_FMT_DER));
    T("crl_file missing", gnutls_certificate_set_x509_crl_file(c, "/nonexistent", GNUTLS_X509_FMT_PEM));
    T("set_verify_limits 0 0", (gnutls_certificate_set_verify_limits(c, 0, 0), 0));
    T("set_verify_flags all", (gnutls_certificate_set_verify_flags(c, 0xffffffffu), (long)gnutls_certificate_get_verify_flags(c)));
    T("known_dh_params bad", gnutls_certificate_set_known_dh_params(c, (gnutls_sec_param_t)999));
    T("free_keys twice", (gnutls_certificate_free_keys(c), gnutls_certificate_free_keys(c), 0));
    T("free_cas", (gnutls_certificate_free_cas(c), 0));
    T("free_credentials NULL", (gnutls_certificate_free_credentials(NULL), 0));
    gnutls_certificate_free_credentials(c);

    printf("== psk and anon\n");
    gnutls_psk_client_credentials_t pc;
    gnutls_psk_server_credentials_t ps;
    gnutls_psk_allocate_client_credentials(&pc);
    gnutls_psk_allocate_server_credentials(&ps);
    gnutls_datum_t hexkey = D("deadbeef"), badhex = D("xyz"), oddhex = D("abc");
    T("psk client hex", gnutls_psk_set_client_credentials(pc, "user", &hexkey, GNUTLS_PSK_KEY_HEX));
    T("psk client bad hex", gnutls_psk_set_client_credentials(pc, "user", &badhex, GNUTLS_PSK_KEY_HEX));
    T("psk client odd hex", gnutls_psk_set_client_credentials(pc, "user", &oddhex, GNUTLS_PSK_KEY_HEX));
    T("psk client empty key", gnutls_psk_set_client_credentials(pc, "user", &empty, GNUTLS_PSK_KEY_RAW));
    T("psk client empty user", gnutls_psk_set_client_credentials(pc, "", &hexkey, GNUTLS_PSK_KEY_RAW));
    T("psk client bad flags", gnutls_psk_set_client_credentials(pc, "user", &hexkey, (gnutls_psk_key_flags)7));
    T("psk client2 empty user", gnutls_psk_set_client_credentials2(pc, &empty, &hexkey, GNUTLS_PSK_KEY_RAW));
    T("psk server file missing", gnutls_psk_set_server_credentials_file(ps, "/nonexistent"));
    T("psk server hint NULL", gnutls_psk_set_server_credentials_hint(ps, NULL));
    T("psk known_dh bad", gnutls_psk_set_server_known_dh_params(ps, (gnutls_sec_param_t)999));
    gnutls_psk_free_client_credentials(pc);
    gnutls_psk_free_server_credentials(ps);
    gnutls_anon_server_credentials_t as;
    gnutls_anon_allocate_server_credentials(&as);
    T("anon known_dh bad", gnutls_anon_set_server_known_dh_params(as, (gnutls_sec_param_t)999));
    gnutls_anon_free_server_credentials(as);

    printf("== dh params\n");
    gnutls_dh_params_t dh;
    gnutls_dh_params_init(&dh);
    T("dh import_pkcs3 junk", gnutls_dh_params_import_pkcs3(dh, &junk, GNUTLS_X509_FMT_PEM));
    T("dh import_pkcs3 junk DER", gnutls_dh_params_import_pkcs3(dh, &junk, GNUTLS_X509_FMT_DER));
    T("dh import_pkcs3 empty", gnutls_dh_params_import_pkcs3(dh, &empty, GNUTLS_X509_FMT_DER));
    T("dh import_raw 1 1", ({ gnutls_datum_t one = {(unsigned char *)"\x01", 1}; gnutls_dh_params_import_raw(dh, &one, &one); }));
    T("dh import_raw2 bits 0", ({ gnutls_datum_t one = {(unsigned char *)"\x17", 1}; gnutls_dh_params_import_raw2(dh, &one, &one, 0); }));
    gnutls_dh_params_deinit(dh);
}

static void x509_calls(void)
{
    gnutls_datum_t crt = D(ec_crt), key = D(ec_key), junk = D("junk"), empty = {NULL, 0};
    unsigned char buf[512];
    size_t sz;
    printf("== x509 on an empty object\n");
    gnutls_x509_crt_t c;
    gnutls_x509_crt_init(&c);
    T("crt version", gnutls_x509_crt_get_version(c));
    T("crt dn", ({ sz = sizeof buf; gnutls_x509_crt_get_dn(c, (char *)buf, &sz); }));
    T("crt serial", ({ sz = sizeof buf; gnutls_x509_crt_get_serial(c, buf, &sz); }));
    T("crt export", ({ sz = sizeof buf; gnutls_x509_crt_export(c, GNUTLS_X509_FMT_DER, buf, &sz); }));
    T("crt fingerprint", ({ sz = sizeof buf; gnutls_x509_crt_get_fingerprint(c, GNUTLS_DIG_SHA256, buf, &sz); }));
    T("crt pk", gnutls_x509_crt_get_pk_algorithm(c, NULL));
    T("crt activation", (long)gnutls_x509_crt_get_activation_time(c));
    T("crt check_hostname", gnutls_x509_crt_check_hostname(c, "localhost"));
    T("crt key_usage", ({ unsigned u; gnutls_x509_crt_get_key_usage(c, &u, NULL); }));
    T("crt ca_status", gnutls_x509_crt_get_ca_status(c, NULL));
    T("crt san", ({ sz = sizeof buf; gnutls_x509_crt_get_subject_alt_name(c, 0, buf, &sz, NULL); }));
    T("crt print", ({ gnutls_datum_t o = {0}; int r = gnutls_x509_crt_print(c, GNUTLS_CRT_PRINT_ONELINE, &o); gnutls_free(o.data); r; }));
    T("crt equals empty", gnutls_x509_crt_equals(c, c));
    T("crt fingerprint bad algo", ({ gnutls_x509_crt_t g; gnutls_x509_crt_init(&g); gnutls_x509_crt_import(g, &crt, GNUTLS_X509_FMT_PEM); sz = sizeof buf; gnutls_x509_crt_get_fingerprint(g, (gnutls_digest_algorithm_t)999, buf, &sz); }));
    T("crt import twice", ({ gnutls_x509_crt_t g; gnutls_x509_crt_init(&g); gnutls_x509_crt_import(g, &crt, GNUTLS_X509_FMT_PEM); gnutls_x509_crt_import(g, &crt, GNUTLS_X509_FMT_PEM); }));
    gnutls_x509_crt_deinit(c);

    gnutls_pubkey_t pk;
    gnutls_pubkey_init(&pk);
    T("pubkey export empty", ({ sz = sizeof buf; gnutls_pubkey_export(pk, GNUTLS_X509_FMT_DER, buf, &sz); }));
    T("pubkey pk empty", gnutls_pubkey_get_pk_algorithm(pk, NULL));
    T("pubkey key_id empty", ({ sz = sizeof buf; gnutls_pubkey_get_key_id(pk, 0, buf, &sz); }));
    T("pubkey import junk", gnutls_pubkey_import(pk, &junk, GNUTLS_X509_FMT_PEM));
    T("pubkey import empty", gnutls_pubkey_import(pk, &empty, GNUTLS_X509_FMT_DER));
    T("pubkey verify empty", ({ gnutls_datum_t sig = D("sig"); gnutls_pubkey_verify_data2(pk, GNUTLS_SIGN_ECDSA_SHA256, 0, &junk, &sig); }));
    ISOLATED("pubkey verify bad sig", {
        gnutls_x509_crt_t g;
        gnutls_x509_crt_init(&g);
        gnutls_x509_crt_import(g, &crt, GNUTLS_X509_FMT_PEM);
        gnutls_pubkey_import_x509(pk, g, 0);
        gnutls_datum_t sig = D("0123456789");
        printf("pubkey verify bad sig: %s\n", code(gnutls_pubkey_verify_data2(pk, GNUTLS_SIGN_ECDSA_SHA256, 0, &junk, &sig)));
        printf("pubkey verify wrong algo: %s\n", code(gnutls_pubkey_verify_data2(pk, GNUTLS_SIGN_RSA_SHA256, 0, &junk, &sig)));
        printf("pubkey verify bogus algo: %s\n", code(gnutls_pubkey_verify_data2(pk, (gnutls_sign_algorithm_t)999, 0, &junk, &sig)));
    });
    gnutls_pubkey_deinit(pk);

    gnutls_x509_privkey_t xk;
    gnutls_x509_privkey_init(&xk);
    T("x509 privkey import junk", gnutls_x509_privkey_import(xk, &junk, GNUTLS_X509_FMT_PEM));
    T("x509 privkey import empty", gnutls_x509_privkey_import(xk, &empty, GNUTLS_X509_FMT_DER));
    T("x509 privkey import cert", gnutls_x509_privkey_import(xk, &crt, GNUTLS_X509_FMT_PEM));
    T("x509 privkey import2 password on plain", gnutls_x509_privkey_import2(xk, &key, GNUTLS_X509_FMT_PEM, "pw", 0));
    T("x509 privkey pkcs8 junk", gnutls_x509_privkey_import_pkcs8(xk, &junk, GNUTLS_X509_FMT_PEM, NULL, 0));
    T("x509 privkey export empty", ({ sz = sizeof buf; gnutls_x509_privkey_export(xk, GNUTLS_X509_FMT_PEM, buf, &sz); }));
    T("x509 privkey pk empty", gnutls_x509_privkey_get_pk_algorithm(xk));
    T("x509 privkey key_id empty", ({ sz = sizeof buf; gnutls_x509_privkey_get_key_id(xk, 0, buf, &sz); }));
    T("x509 privkey export small", ({ gnutls_x509_privkey_import(xk, &key, GNUTLS_X509_FMT_PEM); sz = 10; int r = gnutls_x509_privkey_export(xk, GNUTLS_X509_FMT_PEM, buf, &sz); printf("(size %zu) ", sz); r; }));
    T("x509 privkey generate bad pk", gnutls_x509_privkey_generate(xk, (gnutls_pk_algorithm_t)999, 256, 0));
    T("x509 privkey generate RSA 1 bit", gnutls_x509_privkey_generate(xk, GNUTLS_PK_RSA, 1, 0));
    gnutls_x509_privkey_deinit(xk);

    gnutls_privkey_t k;
    gnutls_privkey_init(&k);
    T("privkey pk empty", gnutls_privkey_get_pk_algorithm(k, NULL));
    T("privkey import_x509_raw junk", gnutls_privkey_import_x509_raw(k, &junk, GNUTLS_X509_FMT_PEM, NULL, 0));
    gnutls_privkey_deinit(k);

    gnutls_x509_crl_t crl;
    gnutls_x509_crl_init(&crl);
    T("crl import junk", gnutls_x509_crl_import(crl, &junk, GNUTLS_X509_FMT_PEM));
    T("crl import empty", gnutls_x509_crl_import(crl, &empty, GNUTLS_X509_FMT_DER));
    T("crl import cert", gnutls_x509_crl_import(crl, &crt, GNUTLS_X509_FMT_PEM));
    T("crl count empty", gnutls_x509_crl_get_crt_count(crl));
    T("crl version empty", gnutls_x509_crl_get_version(crl));
    gnutls_x509_crl_deinit(crl);

    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    T("trust_list mem junk", gnutls_x509_trust_list_add_trust_mem(tl, &junk, NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    T("trust_list file missing", gnutls_x509_trust_list_add_trust_file(tl, "/nonexistent", NULL, GNUTLS_X509_FMT_PEM, 0, 0));
    T("trust_list get_issuer none", ({ gnutls_x509_crt_t g, iss; gnutls_x509_crt_init(&g); gnutls_x509_crt_import(g, &crt, GNUTLS_X509_FMT_PEM); gnutls_x509_trust_list_get_issuer(tl, g, &iss, 0); }));
    T("trust_list iter empty", ({ gnutls_x509_trust_list_iter_t it = NULL; gnutls_x509_crt_t ca; int r = gnutls_x509_trust_list_iter_get_ca(tl, &it, &ca); gnutls_x509_trust_list_iter_deinit(it); r; }));
    gnutls_x509_trust_list_deinit(tl, 1);

    printf("== x509 lists\n");
    ISOLATED("crt_list_import", {
        gnutls_x509_crt_t l[2];
        unsigned n = 0;
        printf("crt_list_import max 0: %s", code(gnutls_x509_crt_list_import(l, &n, &crt, GNUTLS_X509_FMT_PEM, 0)));
        printf(" n %u\n", n);
        n = 2;
        printf("crt_list_import junk: %s\n", code(gnutls_x509_crt_list_import(l, &n, &junk, GNUTLS_X509_FMT_PEM, 0)));
        n = 2;
        printf("crt_list_import empty: %s\n", code(gnutls_x509_crt_list_import(l, &n, &empty, GNUTLS_X509_FMT_PEM, 0)));
    });
}

static void crypto_calls(void)
{
    unsigned char buf[256], out[256];
    printf("== crypto\n");
    memset(buf, 1, sizeof buf);
    T("hash_init bad algo", ({ gnutls_hash_hd_t h; gnutls_hash_init(&h, (gnutls_digest_algorithm_t)999); }));
    T("hash_init NULL algo", ({ gnutls_hash_hd_t h; gnutls_hash_init(&h, GNUTLS_DIG_NULL); }));
    T("hash_fast bad algo", gnutls_hash_fast((gnutls_digest_algorithm_t)999, buf, 10, out));
    T("hash_fast 0 bytes", gnutls_hash_fast(GNUTLS_DIG_SHA256, NULL, 0, out));
    T("hash_get_len bad", gnutls_hash_get_len((gnutls_digest_algorithm_t)999));
    T("hmac_init bad algo", ({ gnutls_hmac_hd_t h; gnutls_hmac_init(&h, (gnutls_mac_algorithm_t)999, buf, 16); }));
    T("hmac_init key 0", ({ gnutls_hmac_hd_t h; int r = gnutls_hmac_init(&h, GNUTLS_MAC_SHA256, buf, 0); if (r == 0) gnutls_hmac_deinit(h, NULL); r; }));
    T("hmac_fast bad algo", gnutls_hmac_fast((gnutls_mac_algorithm_t)999, buf, 16, buf, 10, out));
    T("hmac_fast AEAD", gnutls_hmac_fast(GNUTLS_MAC_AEAD, buf, 16, buf, 10, out));
    T("cipher_init bad algo", ({ gnutls_cipher_hd_t h; gnutls_datum_t k = {buf, 16}; gnutls_cipher_init(&h, (gnutls_cipher_algorithm_t)999, &k, NULL); }));
    T("cipher_init short key", ({ gnutls_cipher_hd_t h; gnutls_datum_t k = {buf, 5}; gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, NULL); }));
    T("cipher_init long key", ({ gnutls_cipher_hd_t h; gnutls_datum_t k = {buf, 33}; gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, NULL); }));
    T("cipher_init short iv", ({ gnutls_cipher_hd_t h; gnutls_datum_t k = {buf, 16}, iv = {buf, 3}; gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, &iv); }));
    T("cipher_init NULL cipher", ({ gnutls_cipher_hd_t h; gnutls_datum_t k = {buf, 16}; gnutls_cipher_init(&h, GNUTLS_CIPHER_NULL, &k, NULL); }));
    ISOLATED("cipher cbc odd length", {
        gnutls_cipher_hd_t h;
        gnutls_datum_t k = {buf, 16}, iv = {buf, 16};
        gnutls_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k, &iv);
        printf("cipher cbc odd length: %s\n", code(gnutls_cipher_encrypt2(h, buf, 15, out, sizeof out)));
        printf("cipher cbc small out: %s\n", code(gnutls_cipher_encrypt2(h, buf, 32, out, 16)));
        printf("cipher cbc decrypt odd: %s\n", code(gnutls_cipher_decrypt2(h, buf, 17, out, sizeof out)));
        printf("cipher tag on cbc: %s\n", code(gnutls_cipher_tag(h, out, 16)));
        printf("cipher add_auth on cbc: %s\n", code(gnutls_cipher_add_auth(h, buf, 16)));
        gnutls_cipher_deinit(h);
    });
    ISOLATED("aead", {
        gnutls_aead_cipher_hd_t h;
        gnutls_datum_t k = {buf, 16};
        size_t ol;
        printf("aead init bad: %s\n", code(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_CBC, &k)));
        printf("aead init: %s\n", code(gnutls_aead_cipher_init(&h, GNUTLS_CIPHER_AES_128_GCM, &k)));
        ol = 10;
        printf("aead encrypt small out: %s", code(gnutls_aead_cipher_encrypt(h, buf, 12, NULL, 0, 16, buf, 32, out, &ol)));
        printf(" size %zu\n", ol);
        ol = sizeof out;
        printf("aead encrypt nonce 0: %s\n", code(gnutls_aead_cipher_encrypt(h, buf, 0, NULL, 0, 16, buf, 32, out, &ol)));
        ol = sizeof out;
        printf("aead encrypt tag 17: %s\n", code(gnutls_aead_cipher_encrypt(h, buf, 12, NULL, 0, 17, buf, 32, out, &ol)));
        ol = sizeof out;
        printf("aead encrypt tag 4: %s\n", code(gnutls_aead_cipher_encrypt(h, buf, 12, NULL, 0, 4, buf, 32, out, &ol)));
        ol = sizeof out;
        int r = gnutls_aead_cipher_encrypt(h, buf, 12, NULL, 0, 16, buf, 32, out, &ol);
        printf("aead encrypt: %s size %zu\n", code(r), ol);
        out[3] ^= 1;
        size_t dl = sizeof buf;
        unsigned char pt[256];
        printf("aead decrypt tampered: %s\n", code(gnutls_aead_cipher_decrypt(h, buf, 12, NULL, 0, 16, out, ol, pt, &dl)));
        dl = sizeof buf;
        printf("aead decrypt short: %s\n", code(gnutls_aead_cipher_decrypt(h, buf, 12, NULL, 0, 16, out, 10, pt, &dl)));
        gnutls_aead_cipher_deinit(h);
    });
    T("rnd bad level", gnutls_rnd((gnutls_rnd_level_t)99, buf, 16));
    T("rnd 0 bytes", gnutls_rnd(GNUTLS_RND_RANDOM, buf, 0));
    T("key_generate 0", ({ gnutls_datum_t k = {0}; int r = gnutls_key_generate(&k, 0); gnutls_free(k.data); r; }));
    T("key_generate 513", ({ gnutls_datum_t k = {0}; int r = gnutls_key_generate(&k, 513); gnutls_free(k.data); r; }));
    T("hkdf_extract bad mac", ({ gnutls_datum_t k = {buf, 16}; gnutls_hkdf_extract((gnutls_mac_algorithm_t)999, &k, NULL, out); }));
    T("hkdf_expand too long", ({ gnutls_datum_t k = {buf, 32}, info = {buf, 4}; static unsigned char o[9000]; gnutls_hkdf_expand(GNUTLS_MAC_SHA256, &k, &info, o, 255 * 32 + 1); }));
    T("pbkdf2 bad mac", ({ gnutls_datum_t k = {buf, 16}, salt = {buf, 8}; gnutls_pbkdf2((gnutls_mac_algorithm_t)999, &k, &salt, 1, out, 32); }));
}

static void encoding_calls(void)
{
    char out[256];
    size_t sz;
    gnutls_datum_t d;
    printf("== encoding\n");
    T("hex_decode odd", ({ gnutls_datum_t h = D("abc"); sz = sizeof out; gnutls_hex_decode(&h, out, &sz); }));
    T("hex_decode bad char", ({ gnutls_datum_t h = D("zz"); sz = sizeof out; gnutls_hex_decode(&h, out, &sz); }));
    T("hex_decode small", ({ gnutls_datum_t h = D("aabbcc"); sz = 2; int r = gnutls_hex_decode(&h, out, &sz); printf("(size %zu) ", sz); r; }));
    T("hex_decode empty", ({ gnutls_datum_t h = D(""); sz = sizeof out; gnutls_hex_decode(&h, out, &sz); }));
    T("hex_decode2 odd", ({ gnutls_datum_t h = D("abc"); int r = gnutls_hex_decode2(&h, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("hex_decode2 bad", ({ gnutls_datum_t h = D("g0"); int r = gnutls_hex_decode2(&h, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("hex_encode small", ({ gnutls_datum_t h = D("abc"); sz = 6; int r = gnutls_hex_encode(&h, out, &sz); printf("(size %zu) ", sz); r; }));
    T("hex2bin odd", ({ sz = sizeof out; gnutls_hex2bin("abc", 3, out, &sz); }));
    T("hex2bin with colons", ({ sz = sizeof out; int r = gnutls_hex2bin("aa:bb", 5, out, &sz); printf("(size %zu) ", sz); r; }));
    T("hex2bin small", ({ sz = 1; gnutls_hex2bin("aabb", 4, out, &sz); }));
    T("base64_decode2 junk", ({ gnutls_datum_t b = D("!!!!"); int r = gnutls_base64_decode2(&b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("base64_decode2 bad length", ({ gnutls_datum_t b = D("QUJD="); int r = gnutls_base64_decode2(&b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("base64_decode2 empty", ({ gnutls_datum_t b = D(""); int r = gnutls_base64_decode2(&b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("pem decode2 wrong header", ({ gnutls_datum_t b = D(ec_crt); int r = gnutls_pem_base64_decode2("PRIVATE KEY", &b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("pem decode2 any header", ({ gnutls_datum_t b = D(ec_crt); int r = gnutls_pem_base64_decode2(NULL, &b, &d); if (r == 0) gnutls_free(d.data); r == 0 ? (long)d.size : r; }));
    T("pem decode2 no footer", ({ gnutls_datum_t b = D("-----BEGIN X-----\nQUJD\n"); int r = gnutls_pem_base64_decode2("X", &b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("pem decode small", ({ gnutls_datum_t b = D(ec_crt); unsigned char o[10]; sz = sizeof o; int r = gnutls_pem_base64_decode("CERTIFICATE", &b, o, &sz); printf("(size %zu) ", sz); r; }));
    T("pem encode small", ({ gnutls_datum_t b = D("abc"); sz = 5; int r = gnutls_pem_base64_encode("X", &b, out, &sz); printf("(size %zu) ", sz); r; }));
    T("pem encode2 empty", ({ gnutls_datum_t b = {NULL, 0}; int r = gnutls_pem_base64_encode2("X", &b, &d); if (r == 0) gnutls_free(d.data); r; }));
    T("load_file missing", ({ int r = gnutls_load_file("/nonexistent", &d); r; }));
}

static void algorithm_calls(void)
{
    printf("== algorithms and errors\n");
    TS("strerror INT_MIN", gnutls_strerror(INT_MIN));
    TS("strerror_name 1", gnutls_strerror_name(1));
    TS("strerror_name -9999", gnutls_strerror_name(-9999));
    T("error_is_fatal INT_MIN", gnutls_error_is_fatal(INT_MIN));
    T("error_is_fatal -9999", gnutls_error_is_fatal(-9999));
    T("error_to_alert -9999", ({ int lvl = -1; int a = gnutls_error_to_alert(-9999, &lvl); a * 10 + lvl; }));
    TS("alert_get_name 999", gnutls_alert_get_name((gnutls_alert_description_t)999));
    TS("alert_get_strname -1", gnutls_alert_get_strname((gnutls_alert_description_t)-1));
    TS("cipher_get_name -1", gnutls_cipher_get_name((gnutls_cipher_algorithm_t)-1));
    T("cipher_get_key_size 9999", gnutls_cipher_get_key_size((gnutls_cipher_algorithm_t)9999));
    T("mac_get_id empty", gnutls_mac_get_id(""));
    T("protocol_get_id junk", gnutls_protocol_get_id("TLS9"));
    TS("pk_get_name 999", gnutls_pk_get_name((gnutls_pk_algorithm_t)999));
    TS("sign_get_name 999", gnutls_sign_get_name((gnutls_sign_algorithm_t)999));
    T("sign_is_secure 999", gnutls_sign_is_secure((gnutls_sign_algorithm_t)999));
    T("sec_param_to_pk_bits bad", gnutls_sec_param_to_pk_bits(GNUTLS_PK_RSA, (gnutls_sec_param_t)999));
    T("pk_bits_to_sec_param 0", gnutls_pk_bits_to_sec_param(GNUTLS_PK_RSA, 0));
    TS("ecc_curve_get_name 999", gnutls_ecc_curve_get_name((gnutls_ecc_curve_t)999));
    T("ecc_curve_get_size 999", gnutls_ecc_curve_get_size((gnutls_ecc_curve_t)999));
    TS("group_get_name 999", gnutls_group_get_name((gnutls_group_t)999));
    TS("check_version NULL", gnutls_check_version(NULL) ? "set" : NULL);
    TS("check_version 99", gnutls_check_version("99.0.0"));
    TS("check_version junk", gnutls_check_version("junk") ? "set" : NULL);
    T("memcmp 0", gnutls_memcmp("a", "b", 0));
}

int main(void)
{
    gnutls_global_init();
    session_calls();
    priority_calls();
    cred_calls();
    x509_calls();
    crypto_calls();
    encoding_calls();
    algorithm_calls();
    gnutls_global_deinit();
    return 0;
}
