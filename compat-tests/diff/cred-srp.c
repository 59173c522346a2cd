/* Differential test of SRP credentials (src/cred/srp*.c): verifiers from
 * gnutls_srp_verifier with fixed salts, then in-process TLS-SRP handshakes
 * over a socketpair (password files written from those verifiers, a server
 * callback, a client callback, SRP-RSA with a certificate, a wrong
 * password, an unknown user).  Printed: both sides' results, kx, auth type,
 * cipher and the username the server saw. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test-keys.h"
#include "sock-pair.h"

static const gnutls_datum_t salt = {(unsigned char *)"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a", 10};

static void hex(const char *label, const gnutls_datum_t *d)
{
    printf("%s (%u):", label, d->size);
    for (unsigned i = 0; i < d->size; i++)
        printf("%s%02x", i % 32 == 0 ? "\n  " : "", d->data[i]);
    printf("\n");
}

static gnutls_datum_t b64(const gnutls_datum_t *d)
{
    gnutls_datum_t out = {NULL, 0};
    int r = gnutls_srp_base64_encode2(d, &out);
    if (r != 0)
        printf("base64 encode: %d\n", r);
    return out;
}

/* tpasswd.conf with the 2048-bit group as index 1 and 3072 as index 2;
 * tpasswd with alice (index 1) and carol (index 2). */
static int write_files(const char *pfile, const char *cfile)
{
    const gnutls_datum_t *groups[2][2] = {{&gnutls_srp_2048_group_prime, &gnutls_srp_2048_group_generator},
                                          {&gnutls_srp_3072_group_prime, &gnutls_srp_3072_group_generator}};
    const char *users[2] = {"alice", "carol"}, *pass[2] = {"secret", "other pw"};
    FILE *pf = fopen(pfile, "w"), *cf = fopen(cfile, "w");

    if (pf == NULL || cf == NULL)
        return -1;
    for (int i = 0; i < 2; i++) {
        gnutls_datum_t v, n64 = b64(groups[i][0]), g64 = b64(groups[i][1]), s64 = b64(&salt), v64;
        if (gnutls_srp_verifier(users[i], pass[i], &salt, groups[i][1], groups[i][0], &v) != 0)
            return -1;
        v64 = b64(&v);
        fprintf(cf, "%d:%s:%s\n", i + 1, n64.data, g64.data);
        fprintf(pf, "%s:%s:%s:%d\n", users[i], v64.data, s64.data, i + 1);
        gnutls_free(v.data);
        gnutls_free(v64.data);
        gnutls_free(n64.data);
        gnutls_free(g64.data);
        gnutls_free(s64.data);
    }
    fclose(pf);
    fclose(cf);
    return 0;
}

/* Server callback: alice on the 1024-bit group; others unknown (1). */
static int server_fn(gnutls_session_t s, const char *username, gnutls_datum_t *sa, gnutls_datum_t *v,
                     gnutls_datum_t *g, gnutls_datum_t *n)
{
    (void)s;
    /* the static groups may be handed out as they are */
    *g = gnutls_srp_1024_group_generator;
    *n = gnutls_srp_1024_group_prime;
    if (strcmp(username, "alice") != 0)
        return 1;
    sa->data = gnutls_malloc(salt.size);
    memcpy(sa->data, salt.data, salt.size);
    sa->size = salt.size;
    return gnutls_srp_verifier(username, "secret", &salt, g, n, v);
}

/* Server callback that refuses everything. */
static int server_fail_fn(gnutls_session_t s, const char *username, gnutls_datum_t *sa, gnutls_datum_t *v,
                          gnutls_datum_t *g, gnutls_datum_t *n)
{
    (void)s;
    (void)username;
    (void)sa;
    (void)v;
    (void)g;
    (void)n;
    return -1;
}

static int client_calls;
static int client_fn(gnutls_session_t s, char **username, char **password)
{
    (void)s;
    client_calls++;
    *username = gnutls_malloc(6);
    strcpy(*username, "alice");
    *password = gnutls_malloc(7);
    strcpy(*password, "secret");
    return 0;
}

/* The client's view of the ServerKeyExchange: group size, generator and
 * salt (B is random).  Unknown users must look like known ones, with a
 * salt that is a keyed hash of the name (fixed seed below). */
static int ske_seen, ske_random_salt;
static int ske_hook(gnutls_session_t s, unsigned int htype, unsigned when, unsigned int incoming,
                    const gnutls_datum_t *msg)
{
    const unsigned char *p = msg->data;
    size_t len = msg->size, nlen, glen, slen;

    (void)s;
    (void)when;
    if (htype != GNUTLS_HANDSHAKE_SERVER_KEY_EXCHANGE || !incoming || ske_seen++)
        return 0;
    if (len < 2 || (nlen = (size_t)p[0] << 8 | p[1]) + 4 > len)
        return 0;
    glen = (size_t)p[2 + nlen] << 8 | p[3 + nlen];
    if (nlen + glen + 5 > len)
        return 0;
    slen = p[4 + nlen + glen];
    if (nlen + glen + 5 + slen > len)
        return 0;
    printf(" [ske N=%zu bits g=%u salt(%zu)", nlen * 8, glen == 1 ? p[4 + nlen] : 0, slen);
    /* a fake salt from the default (random) seed differs at each run */
    if (!ske_random_salt) {
        printf("=");
        for (size_t i = 0; i < slen; i++)
            printf("%02x", p[5 + nlen + glen + i]);
    }
    printf("]");
    return 0;
}

/* Full handshake, then a resumption from the client's session data with a
 * server session ticket: what both sides report afterwards. */
static void resumption(const char *pfile, const char *cfile)
{
    const char *prio = "NORMAL:-KX-ALL:+SRP";
    gnutls_srp_client_credentials_t cc;
    gnutls_srp_server_credentials_t sc;
    gnutls_datum_t key, data = {NULL, 0};
    int fds[2], rc, rs;

    gnutls_srp_allocate_client_credentials(&cc);
    gnutls_srp_allocate_server_credentials(&sc);
    gnutls_srp_set_client_credentials(cc, "alice", "secret");
    gnutls_srp_set_server_credentials_file(sc, pfile, cfile);
    gnutls_session_ticket_key_generate(&key);
    for (int round = 0; round < 2; round++) {
        gnutls_session_t c, s;
        sock_pair(fds, SOCK_STREAM);
        sock_session(&s, GNUTLS_SERVER, prio, GNUTLS_CRD_SRP, sc, fds[0]);
        gnutls_session_ticket_enable_server(s, &key);
        sock_session(&c, GNUTLS_CLIENT, prio, GNUTLS_CRD_SRP, cc, fds[1]);
        if (round == 1)
            printf("resumption: set_data=%d", gnutls_session_set_data(c, data.data, data.size));
        else
            printf("resumption: first");
        handshake(c, s, &rc, &rs);
        printf(" client=%d server=%d", rc, rs);
        if (rc == 0 && rs == 0) {
            const char *u = gnutls_srp_server_get_username(s);
            printf(" resumed=%d/%d kx=%s/%s auth=%d/%d user='%s'", gnutls_session_is_resumed(c),
                   gnutls_session_is_resumed(s), gnutls_kx_get_name(gnutls_kx_get(c)),
                   gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_auth_get_type(c), gnutls_auth_get_type(s),
                   u ? u : "(null)");
            if (round == 0 && gnutls_session_get_data2(c, &data) != 0)
                printf(" get_data failed");
        }
        printf("\n");
        sock_close(fds, c, s);
    }
    gnutls_free(data.data);
    gnutls_free(key.data);
    gnutls_srp_free_client_credentials(cc);
    gnutls_srp_free_server_credentials(sc);
}

/* SRP over DTLS 1.2 (datagram socketpair, server callback). */
static void dtls(void)
{
    gnutls_srp_client_credentials_t cc;
    gnutls_srp_server_credentials_t sc;
    gnutls_session_t c, s;
    int fds[2], rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, cdone = 0, sdone = 0;
    const char *prio = "NORMAL:-KX-ALL:+SRP";

    sock_pair(fds, SOCK_DGRAM);
    gnutls_srp_allocate_client_credentials(&cc);
    gnutls_srp_allocate_server_credentials(&sc);
    gnutls_srp_set_client_credentials(cc, "alice", "secret");
    gnutls_srp_set_server_credentials_function(sc, server_fn);
    gnutls_init(&s, GNUTLS_SERVER | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_SRP, sc);
    gnutls_credentials_set(c, GNUTLS_CRD_SRP, cc);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_transport_set_int(c, fds[1]);
    for (int i = 0; i < 3000 && !(cdone && sdone); i++) {
        if (!cdone && ((rc = gnutls_handshake(c)) == 0 || gnutls_error_is_fatal(rc)))
            cdone = 1;
        if (!sdone && ((rs = gnutls_handshake(s)) == 0 || gnutls_error_is_fatal(rs)))
            sdone = 1;
        usleep(100);
    }
    printf("dtls: client=%d server=%d", rc, rs);
    if (rc == 0 && rs == 0) {
        const char *u = gnutls_srp_server_get_username(s);
        printf(" version=%s kx=%s/%s auth=%d/%d user=%s", gnutls_protocol_get_name(gnutls_protocol_get_version(c)),
               gnutls_kx_get_name(gnutls_kx_get(c)), gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_auth_get_type(c),
               gnutls_auth_get_type(s), u ? u : "(null)");
    }
    printf("\n");
    sock_close(fds, c, s);
    gnutls_srp_free_client_credentials(cc);
    gnutls_srp_free_server_credentials(sc);
}

static int fake_salt_len = -1; /* >= 0: set this fake salt seed and length */

static int client_fail_fn(gnutls_session_t s, char **username, char **password)
{
    (void)s;
    (void)username;
    (void)password;
    client_calls++;
    return -1;
}

enum srv { SRV_FILE, SRV_FN, SRV_FAIL_FN };

static void run(const char *label, const char *prio, const char *user, const char *pass, int client_cb, enum srv mode,
                const char *pfile, const char *cfile, int with_cert)
{
    gnutls_srp_client_credentials_t cc;
    gnutls_srp_server_credentials_t sc;
    gnutls_certificate_credentials_t xc = NULL, xcc = NULL;
    gnutls_session_t c, s;
    int fds[2], rc, rs, r;

    sock_pair(fds, SOCK_STREAM);
    gnutls_srp_allocate_client_credentials(&cc);
    gnutls_srp_allocate_server_credentials(&sc);
    client_calls = 0;
    if (client_cb) {
        gnutls_srp_set_client_credentials_function(cc, client_cb == 2 ? client_fail_fn : client_fn);
    } else if ((r = gnutls_srp_set_client_credentials(cc, user, pass)) != 0) {
        printf("  set_client_credentials=%d\n", r);
    }
    if (mode == SRV_FILE) {
        r = gnutls_srp_set_server_credentials_file(sc, pfile, cfile);
        if (r != 0)
            printf("  set_server_credentials_file=%d\n", r);
    } else {
        gnutls_srp_set_server_credentials_function(sc, mode == SRV_FN ? server_fn : server_fail_fn);
    }
    if (fake_salt_len >= 0) {
        const gnutls_datum_t seed = {(unsigned char *)"fixed fake salt seed", 20};
        gnutls_srp_set_server_fake_salt_seed(sc, &seed, (unsigned)fake_salt_len);
    }
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_SRP, sc);
    if (with_cert) {
        gnutls_datum_t crt = {(unsigned char *)rsa_crt, sizeof(rsa_crt) - 1};
        gnutls_datum_t key = {(unsigned char *)rsa_key, sizeof(rsa_key) - 1};
        gnutls_certificate_allocate_credentials(&xc);
        gnutls_certificate_set_x509_key_mem(xc, &crt, &key, GNUTLS_X509_FMT_PEM);
        gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, xc);
        /* asked for, but never sent in an SRP key exchange */
        gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    }
    gnutls_transport_set_int(s, fds[0]);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_credentials_set(c, GNUTLS_CRD_SRP, cc);
    if (with_cert) {
        gnutls_certificate_allocate_credentials(&xcc);
        gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, xcc);
    }
    gnutls_transport_set_int(c, fds[1]);
    ske_seen = 0;
    ske_random_salt = fake_salt_len < 0 && (user == NULL || (strcmp(user, "alice") != 0 && strcmp(user, "carol") != 0));
    printf("%s:", label);
    gnutls_handshake_set_hook_function(c, GNUTLS_HANDSHAKE_SERVER_KEY_EXCHANGE, GNUTLS_HOOK_PRE, ske_hook);
    handshake(c, s, &rc, &rs);
    /* A failing GnuTLS server sends no alert (its client keeps waiting),
     * OpenSSL's does: only the server's code is compared on failure. */
    if (rc == 0 && rs == 0)
        printf(" client=0 server=0");
    else if (rs == GNUTLS_E_AGAIN) /* the client failed before sending anything */
        printf(" client=%d server=%d", rc, rs);
    else
        printf(" client=%s server=%d", rc == 0 ? "ok" : "failed", rs);
    if (rc == 0 && rs == 0) {
        const char *u = gnutls_srp_server_get_username(s);
        printf(" version=%s kx=%s/%s auth=%d/%d server_auth=%d/%d client_auth=%d/%d cipher=%s user=%s",
               gnutls_protocol_get_name(gnutls_protocol_get_version(c)), gnutls_kx_get_name(gnutls_kx_get(c)),
               gnutls_kx_get_name(gnutls_kx_get(s)), gnutls_auth_get_type(c), gnutls_auth_get_type(s),
               gnutls_auth_server_get_type(c), gnutls_auth_server_get_type(s), gnutls_auth_client_get_type(c),
               gnutls_auth_client_get_type(s), gnutls_cipher_get_name(gnutls_cipher_get(c)), u ? u : "(null)");
        /* data both ways */
        char buf[16];
        r = (int)gnutls_record_send(c, "ping", 4);
        do
            rs = (int)gnutls_record_recv(s, buf, sizeof(buf));
        while (rs == GNUTLS_E_AGAIN);
        printf(" data=%d/%d", r, rs);
    }
    if (client_cb)
        printf(" client_fn_calls=%d", client_calls);
    printf("\n");
    sock_close(fds, c, s);
    gnutls_srp_free_client_credentials(cc);
    gnutls_srp_free_server_credentials(sc);
    if (xc != NULL)
        gnutls_certificate_free_credentials(xc);
    if (xcc != NULL)
        gnutls_certificate_free_credentials(xcc);
}

int main(void)
{
    char dir[] = "/tmp/cred-srp-XXXXXX", pfile[64], cfile[64];
    const char *srp = "NORMAL:-KX-ALL:+SRP";
    const char *srp_rsa = "NORMAL:-KX-ALL:+SRP-RSA";
    const gnutls_datum_t *gs[3][2] = {{&gnutls_srp_1024_group_prime, &gnutls_srp_1024_group_generator},
                                      {&gnutls_srp_2048_group_prime, &gnutls_srp_2048_group_generator},
                                      {&gnutls_srp_3072_group_prime, &gnutls_srp_3072_group_generator}};

    if (mkdtemp(dir) == NULL)
        return 1;
    snprintf(pfile, sizeof(pfile), "%s/tpasswd", dir);
    snprintf(cfile, sizeof(cfile), "%s/tpasswd.conf", dir);
    gnutls_global_init();

    for (int i = 0; i < 3; i++) {
        gnutls_datum_t v, e;
        char label[64];
        int r = gnutls_srp_verifier("alice", "secret", &salt, gs[i][1], gs[i][0], &v);
        snprintf(label, sizeof(label), "verifier %u-bit r=%d", gs[i][0]->size * 8, r);
        if (r == 0) {
            hex(label, &v);
            e = b64(&v);
            printf("  base64: %s\n", e.data);
            gnutls_free(e.data);
            gnutls_free(v.data);
        }
    }
    {
        gnutls_datum_t v;
        const gnutls_datum_t empty = {(unsigned char *)"", 0};
        int r = gnutls_srp_verifier("", "", &empty, &gnutls_srp_1024_group_generator, &gnutls_srp_1024_group_prime, &v);
        printf("verifier empty user/password/salt r=%d", r);
        if (r == 0) {
            printf(" size=%u first=%02x\n", v.size, v.data[0]);
            gnutls_free(v.data);
        } else {
            printf("\n");
        }
    }
    if (write_files(pfile, cfile) != 0)
        return 1;

    run("file alice", srp, "alice", "secret", 0, SRV_FILE, pfile, cfile, 0);
    run("file carol (3072-bit group)", srp, "carol", "other pw", 0, SRV_FILE, pfile, cfile, 0);
    run("file wrong password", srp, "alice", "wrong", 0, SRV_FILE, pfile, cfile, 0);
    run("file unknown user", srp, "mallory", "secret", 0, SRV_FILE, pfile, cfile, 0);
    run("file srp-rsa", srp_rsa, "alice", "secret", 0, SRV_FILE, pfile, cfile, 1);
    run("callback alice", srp, "alice", "secret", 0, SRV_FN, NULL, NULL, 0);
    run("callback unknown user", srp, "bob", "secret", 0, SRV_FN, NULL, NULL, 0);
    run("callback refuses", srp, "alice", "secret", 0, SRV_FAIL_FN, NULL, NULL, 0);
    run("client callback", srp, NULL, NULL, 1, SRV_FILE, pfile, cfile, 0);
    fake_salt_len = 8;
    run("file unknown user, 8-byte fake salts", srp, "mallory", "secret", 0, SRV_FILE, pfile, cfile, 0);
    run("callback unknown user, 8-byte fake salts", srp, "bob", "secret", 0, SRV_FN, NULL, NULL, 0);
    fake_salt_len = 40; /* capped */
    run("file unknown user, 40-byte fake salts", srp, "mallory", "secret", 0, SRV_FILE, pfile, cfile, 0);
    fake_salt_len = 16;
    run("file unknown user, 16-byte fake salts", srp, "mallory", "secret", 0, SRV_FILE, pfile, cfile, 0);
    run("file other unknown user, 16-byte fake salts", srp, "eve", "secret", 0, SRV_FILE, pfile, cfile, 0);
    fake_salt_len = -1;
    {
        /* damaged entries: index 0, an index not in tpasswd.conf, a bad
         * salt, a missing field; a conf whose index 1 is missing */
        char bp[96], bc[96];
        FILE *f;
        snprintf(bp, sizeof(bp), "%s/bad-tpasswd", dir);
        snprintf(bc, sizeof(bc), "%s/bad-tpasswd.conf", dir);
        f = fopen(bp, "w");
        fprintf(f, "zero:abc:def:0\nnine:abc:def:9\nbadsalt:abc:%%%%%%:1\nshort:abc:1\ncarol:x:y:2\n");
        fclose(f);
        f = fopen(cfile, "r");
        FILE *o = fopen(bc, "w");
        char line[4096];
        while (fgets(line, sizeof(line), f) != NULL)
            if (line[0] != '1')
                fputs(line, o);
        fclose(f);
        fclose(o);
        /* (a salt that is not base64 crashes GnuTLS 3.7.9: see the unit test) */
        const char *users[] = {"zero", "nine", "short", "nobody"};
        for (int i = 0; i < 4; i++) {
            char label[64];
            snprintf(label, sizeof(label), "damaged file, user %s", users[i]);
            run(label, srp, users[i], "secret", 0, SRV_FILE, bp, cfile, 0);
        }
        run("conf without index 1, unknown user", srp, "nobody", "secret", 0, SRV_FILE, pfile, bc, 0);
        run("conf without index 1, carol (index 2)", srp, "carol", "other pw", 0, SRV_FILE, pfile, bc, 0);
        unlink(bp);
        unlink(bc);
    }
    resumption(pfile, cfile);
    dtls();
    {
        char longname[301];
        memset(longname, 'a', 300);
        longname[300] = 0;
        run("username of 300 bytes", srp, longname, "secret", 0, SRV_FILE, pfile, cfile, 0);
        run("username of 255 bytes", srp, longname + 45, "secret", 0, SRV_FILE, pfile, cfile, 0);
        run("empty username", srp, "", "secret", 0, SRV_FILE, pfile, cfile, 0);
    }
    run("client callback fails", srp, NULL, NULL, 2, SRV_FILE, pfile, cfile, 0);
    run("missing files", srp, "alice", "secret", 0, SRV_FILE, "/nonexistent/tpasswd", cfile, 0);
    run("client without srp in priority", "NORMAL", NULL, NULL, 1, SRV_FILE, pfile, cfile, 0);

    unlink(pfile);
    unlink(cfile);
    rmdir(dir);
    gnutls_global_deinit();
    return 0;
}
