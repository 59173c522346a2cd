/* Priorities through real sessions: gnutls_priority_set / _set_direct /
 * gnutls_set_default_priority(_append) return codes and err_pos, and what
 * a client and a server with given priority strings negotiate over a
 * socketpair (protocol, cipher, MAC, key exchange, group). */
#include <gnutls/gnutls.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char ec_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBgDCCASWgAwIBAgIUEV7ViCZz0ucTreQnANUEhxof2W0wCgYIKoZIzj0EAwIw\n"
    "FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMzYyMloYDzIxMjYxMDMw\n"
    "MjIzNjIyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\n"
    "PQMBBwNCAAQJD06/dD/ldNriKXOLF8vlxGVyws+wTQBkL7ju6z8VTIbe9otHmnqR\n"
    "z1svHfqU0PbMum9e+bqPK0yTA/c/C+Z5o1MwUTAdBgNVHQ4EFgQU5hxra/Wr5YcC\n"
    "2Qimo3ff61SeB8kwHwYDVR0jBBgwFoAU5hxra/Wr5YcC2Qimo3ff61SeB8kwDwYD\n"
    "VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAl6fzSyLoD6hkPoRRFXUH\n"
    "EZHQs4lxfewlVDjsMhBuPkMCIQCPW+FhTCiM8IqRvSl7oWOAxnZdxl8sbblqRsh5\n"
    "Nq2HMA==\n"
    "-----END CERTIFICATE-----\n"
    ;
static const char ek_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1nc6305OGpOD2NlZ\n"
    "XvsxOrqQGGOR4ckZGukvzE2B6hmhRANCAAQJD06/dD/ldNriKXOLF8vlxGVyws+w\n"
    "TQBkL7ju6z8VTIbe9otHmnqRz1svHfqU0PbMum9e+bqPK0yTA/c/C+Z5\n"
    "-----END PRIVATE KEY-----\n"
    ;
static const char rc_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDCzCCAfOgAwIBAgIUPYqNQeRfvWYQWBswDiG9ywsOCzYwDQYJKoZIhvcNAQEL\n"
    "BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMzYyM1oYDzIxMjYx\n"
    "MDMwMjIzNjIzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB\n"
    "AQUAA4IBDwAwggEKAoIBAQDqxJxophoAqzmnWXg12TjzUEl8Mbpyox0h85zPeSV2\n"
    "4XpxuGNxOis7WmDw9LantN7ZO7/lokrtlcKrbAINchqnovCeRmd5cO+fgoQoDtUl\n"
    "8HRnQzZnc/pkEGGOb3hdunRuquzzmkTnmZ6BAKKn4X/Lo4hipITZyx6MAAxZrM2D\n"
    "BehpIJWFAF6nJnizI1tt9VMcC4j4PSa/HapW3hPSnu2y9WLF6nC70ZWUZiF4xW+W\n"
    "OPnH3cSkf/AOO97MoSc5/v6K1pn5QbeRWdz5rGx3VRG3Qg4U1gvTuBKMaGzFWCyc\n"
    "arsndxvDz4N1F4yhbl5gOW5kJQEVLEMUrJ+BWhOoHRR9AgMBAAGjUzBRMB0GA1Ud\n"
    "DgQWBBQyqH2+5L1tVy0l2pFYVv1+j1CNljAfBgNVHSMEGDAWgBQyqH2+5L1tVy0l\n"
    "2pFYVv1+j1CNljAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQDV\n"
    "UBCBE/0KLuyC6VkuAFbyMefqJqZtaKvgrviFSVYfQbc/APsnFp8fQWBeNAyi9UoF\n"
    "lQ4bOEbEBIWu01zCxrXf2y+UeHCXgxVFi9w+EP8mOfCSEqrkK53CQiVZP1YespyJ\n"
    "Jvpx+ZjeFsI6YCt/y6nhhtaENnV2ca1qmcTFvURKYIWhrRJnokdjvP023cTSZYiX\n"
    "M6p4tU2EIF0/sNjzJ6AVzi/fW9iwgLVP0a3N39mV8/iQ/sHYWap9A4Myq5aqZNz/\n"
    "SZOEzyzlp7K8/75JJDL/inzXpirGNO7tVy8/uAFVpVQDDC21+q2IkAjtaiw+VRlZ\n"
    "szfbAQOfQ+AZ4Y3FqvpM\n"
    "-----END CERTIFICATE-----\n"
    ;
static const char rk_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDqxJxophoAqzmn\n"
    "WXg12TjzUEl8Mbpyox0h85zPeSV24XpxuGNxOis7WmDw9LantN7ZO7/lokrtlcKr\n"
    "bAINchqnovCeRmd5cO+fgoQoDtUl8HRnQzZnc/pkEGGOb3hdunRuquzzmkTnmZ6B\n"
    "AKKn4X/Lo4hipITZyx6MAAxZrM2DBehpIJWFAF6nJnizI1tt9VMcC4j4PSa/HapW\n"
    "3hPSnu2y9WLF6nC70ZWUZiF4xW+WOPnH3cSkf/AOO97MoSc5/v6K1pn5QbeRWdz5\n"
    "rGx3VRG3Qg4U1gvTuBKMaGzFWCycarsndxvDz4N1F4yhbl5gOW5kJQEVLEMUrJ+B\n"
    "WhOoHRR9AgMBAAECggEAAklxnJnBnXzaTh8FyybkJYdqr9Y4+SG0CIvVXNAGGJpc\n"
    "4i601hPslK9uS+qWVoJHvKX9JvRMKcEdT4r5AIu6Zr4Kyf/oxVR5Gq/fln3oGNTq\n"
    "AJEb2ClXdXh5x5sExfHDBv3ADfKhKTOXfHo2tQJYh4tLdzdTDZJ4KBteadRp5a5s\n"
    "RcrdAVr6et2GXmte9UWnkh/cnOMp2ZFdgCgCbdw63ZHWsXmu9JwKhDYPbnivvY0t\n"
    "2hgKTl1oNp4mNbJTZT7le4zsoE0sfyJyOSR7SUbRDFMUvpgXMpsNiZjouRatkqws\n"
    "n3e8o3Tjf1dNm/0XyhMcfhZ6Spn+GQ1p7vKmSPN0AQKBgQD9Snwpc26QFmobOkdP\n"
    "RxP2jJVrU3irOf2G9IoIK/xonqeT9ul7uIA2SE/rDuIHqUqj860kVaYgLuj8Z+OO\n"
    "YTWiu5UBrNbHdRQjDSATxN6uBdgCdHqLWRKM0VD9nSUpaBa2u7evrxRMOTF8Waap\n"
    "EoH/vsa0/VBPW6CMOrCvm2oJ3QKBgQDtR2jqDl45S3DNdE/yOthcpiUjcD7kxUem\n"
    "TYMhCVaE/8+gkUI6WV/WiM7RJdS5eWTzUDkgoHMVefcfuoA07a6ZtKB7QW4lj4sd\n"
    "276KW6TvlhgiDWqArlsJ9hm2NzJEGz8geWXgNsP53mJ5d3VZ41SO4w3x1fscNMBz\n"
    "sUFHBE2bIQKBgQDMGltW44dyYD18V0fjIDl78OjupUKVZ5NeTmt0Dk3E2CPdXZfj\n"
    "dFcMZtTPaxzEY6yb1N3ua34EbQida/G4Z6jayyFVSjuAWl2xqP/yLi/qNxdLUyT0\n"
    "aQBDrOAAncK2TQQQl896qDBJA8VWmL9telZ7CPYCHiW67PDATwLVXvzhmQKBgQCd\n"
    "Lo7rbbUxUy5Yi9Jh7mVhipZTkYm4Vo+ONQ7Glb8Av8002sT6jjYUkfAfUGZIr4gW\n"
    "PnB5kpBqC6+PDyba6RCeta8Rt1hV/W70yprAYNEz/UPjWuvQbq/UO3jw4kOkJkB9\n"
    "LK42B1FvdsfZGy9b6mIbfYHBUDTWjINooGVTvCAEwQKBgQDi4l9pJ5wBkX+PdijM\n"
    "kRCpFJ3epALF9iZ11q/CHvzj5pSJpZePMtAbBsPlNZ1Dg8HK5BstLeWQUuF5uofu\n"
    "miLQNi8az31qSW33idws663dnYnKTitu10QntZ0znU0sWzUjm94JheJ9NQbk8Kah\n"
    "507kY7IxrM6Xv3tRzq+K1XXSww==\n"
    "-----END PRIVATE KEY-----\n"
    ;

struct side {
    gnutls_session_t s;
    int ret;
};

static void *run_handshake(void *arg)
{
    struct side *sd = arg;
    do {
        sd->ret = gnutls_handshake(sd->s);
    } while (sd->ret < 0 && gnutls_error_is_fatal(sd->ret) == 0);
    return NULL;
}

static gnutls_certificate_credentials_t server_cred, client_cred;

static void negotiate(const char *cprio, const char *sprio, int rsa)
{
    int fds[2];
    struct side c = {0}, s = {0};
    const char *ep = NULL;
    pthread_t th;

    printf("client [%s] server [%s]%s\n", cprio, sprio, rsa ? " rsa" : "");
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return;
    gnutls_init(&c.s, GNUTLS_CLIENT);
    gnutls_init(&s.s, GNUTLS_SERVER);
    int rc = gnutls_priority_set_direct(c.s, cprio, &ep);
    int rs = gnutls_priority_set_direct(s.s, sprio, &ep);
    printf("  set_direct: client %d, server %d\n", rc, rs);
    gnutls_credentials_set(c.s, GNUTLS_CRD_CERTIFICATE, client_cred);
    gnutls_credentials_set(s.s, GNUTLS_CRD_CERTIFICATE, server_cred);
    gnutls_transport_set_int(c.s, fds[0]);
    gnutls_transport_set_int(s.s, fds[1]);
    gnutls_handshake_set_timeout(c.s, 5000);
    gnutls_handshake_set_timeout(s.s, 5000);

    pthread_create(&th, NULL, run_handshake, &s);
    do {
        c.ret = gnutls_handshake(c.s);
    } while (c.ret < 0 && gnutls_error_is_fatal(c.ret) == 0);
    if (c.ret < 0)
        shutdown(fds[0], SHUT_RDWR); /* let the server see the end */
    pthread_join(th, NULL);

    if (c.ret == 0 && s.ret == 0) {
        printf("  ok: %s %s %s %s group %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(c.s)),
               gnutls_cipher_get_name(gnutls_cipher_get(c.s)), gnutls_mac_get_name(gnutls_mac_get(c.s)),
               gnutls_kx_get_name(gnutls_kx_get(c.s)), gnutls_group_get_name(gnutls_group_get(c.s)));
        printf("  server agrees: %s %s\n", gnutls_protocol_get_name(gnutls_protocol_get_version(s.s)),
               gnutls_cipher_get_name(gnutls_cipher_get(s.s)));
    } else {
        /* which side gave up first is the library's business; that it
         * failed, and the client's code when it never sent a thing, is ours */
        printf("  failed%s\n", c.ret == GNUTLS_E_NO_PRIORITIES_WERE_SET ? " (client: no priorities)" : "");
    }
    gnutls_deinit(c.s);
    gnutls_deinit(s.s);
    close(fds[0]);
    close(fds[1]);
}

static void set_calls(void)
{
    gnutls_session_t s;
    gnutls_priority_t p;
    const char *ep;
    const char *bad = "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:+NOPE";
    const char *bad_append = "%COMPAT:+NOPE";

    gnutls_init(&s, GNUTLS_CLIENT);
    printf("set(NULL) = %d\n", gnutls_priority_set(s, NULL));
    ep = NULL;
    printf("set_direct(bad) = %d", gnutls_priority_set_direct(s, bad, &ep));
    printf(" err_pos=%ld\n", ep ? (long)(ep - bad) : -1L);
    printf("set_direct(NONE) = %d\n", gnutls_priority_set_direct(s, "NONE", NULL));
    printf("set_direct(good) = %d\n", gnutls_priority_set_direct(s, "SECURE128:-VERS-SSL3.0", NULL));
    printf("set_default = %d\n", gnutls_set_default_priority(s));
    ep = NULL;
    printf("set_default_append(bad) = %d", gnutls_set_default_priority_append(s, bad_append, &ep, 0));
    printf(" err_pos=%ld\n", ep ? (long)(ep - bad_append) : -1L);
    printf("set_default_append(good) = %d\n",
           gnutls_set_default_priority_append(s, "-VERS-TLS-ALL:+VERS-TLS1.3", NULL, 0));
    /* the session keeps the priority alive after deinit */
    gnutls_priority_init(&p, "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2", NULL);
    printf("set(p) = %d\n", gnutls_priority_set(s, p));
    gnutls_priority_deinit(p);
    printf("set again = %d\n", gnutls_set_default_priority(s));
    gnutls_deinit(s);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN); /* a side that gives up closes its end */
    setvbuf(stdout, NULL, _IOLBF, 0);
    gnutls_global_init();
    set_calls();

    gnutls_certificate_allocate_credentials(&server_cred);
    gnutls_certificate_allocate_credentials(&client_cred);
    gnutls_datum_t cert = {(unsigned char *)ec_pem, sizeof ec_pem - 1};
    gnutls_datum_t key = {(unsigned char *)ek_pem, sizeof ek_pem - 1};
    gnutls_datum_t rcert = {(unsigned char *)rc_pem, sizeof rc_pem - 1};
    gnutls_datum_t rkey = {(unsigned char *)rk_pem, sizeof rk_pem - 1};
    if (gnutls_certificate_set_x509_key_mem(server_cred, &cert, &key, GNUTLS_X509_FMT_PEM) < 0 ||
        gnutls_certificate_set_x509_key_mem(server_cred, &rcert, &rkey, GNUTLS_X509_FMT_PEM) < 0) {
        printf("cannot load the server key\n");
        return 1;
    }

    negotiate("NORMAL", "NORMAL", 0);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2", "NORMAL", 0);
    negotiate("NORMAL:-CIPHER-ALL:+AES-128-GCM", "NORMAL", 0);
    negotiate("NORMAL", "NORMAL:%SERVER_PRECEDENCE:-CIPHER-ALL:+CHACHA20-POLY1305:+AES-128-GCM", 0);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-CBC:-MAC-ALL:+SHA1", "NORMAL", 0);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-RSA", "NORMAL", 1);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2:-KX-ALL:+RSA", "NORMAL", 1);
    negotiate("NORMAL:-GROUP-ALL:+GROUP-X25519", "NORMAL", 0);
    /* (with SECP384R1 alone an OpenSSL server refuses its P-256 ECDSA
     * certificate for TLS 1.2, as RFC 8422 says; GnuTLS does not care) */
    negotiate("NORMAL:-GROUP-ALL:+GROUP-SECP384R1:+GROUP-SECP256R1:-VERS-TLS-ALL:+VERS-TLS1.2", "NORMAL", 0);
    negotiate("NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519", "NORMAL", 0);
    negotiate("NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
              "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-DTLS1.2:%PROFILE_MEDIUM", 0);
    negotiate("NORMAL:%COMPAT:-VERS-SSL3.0", "PFS:-VERS-SSL3.0", 0);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2", 0);
    negotiate("NORMAL:-CIPHER-ALL:+AES-128-CBC:-VERS-TLS-ALL:+VERS-TLS1.2", "NORMAL:-CIPHER-ALL:+AES-256-GCM", 0);
    negotiate("NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0", "NORMAL", 0);

    gnutls_certificate_free_credentials(server_cred);
    gnutls_certificate_free_credentials(client_cred);
    gnutls_global_deinit();
    return 0;
}
