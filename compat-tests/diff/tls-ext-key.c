/* Differential: a server whose RSA key is external (gnutls_privkey_import_ext
 * .. ext4: callbacks that sign with an ordinary key, as a token or an agent
 * would), given to gnutls_certificate_set_key.  Per import variant: RSA-PSS
 * and PKCS#1 signatures through the API, verified with the public key; then
 * TLS 1.3, TLS 1.2 and "either" handshakes against an ordinary client:
 * negotiated version, the server's signature algorithm, and which callback
 * was asked for what.  Keys that can only sign PKCS#1 v1.5 (ext..ext3)
 * cannot do TLS 1.3; ext4 keys sign RSA-PSS when their info callback says
 * so.  RSA key exchange decrypts through the decrypt callback of keys
 * whose size is known (ext4); import_ext and ext3 keys have one that GnuTLS
 * never calls, and an ext4 key without one gets a random premaster secret:
 * the Finished messages fail.  ECDSA and Ed25519 ext4 keys are the
 * controls.
 *
 * A PKCS#1-only key against a TLS 1.2 client offering only RSA-PSS: an
 * RSA key-exchange suite when the client offers one (decrypted as above),
 * else no suite.
 *
 * Keys from the retrieve functions: a client's key that cannot do RSA-PSS
 * sends no certificate in TLS 1.3 (the handshake then succeeds or fails
 * as the server asked, both ends' codes compared). */
#include "tls-pair.h"

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "ext-key-cb.h"
#include "test-keys.h"

/* Ed25519, made for this test (openssl genpkey -algorithm ed25519; req -x509). */
static const char ed_key[] = "-----BEGIN PRIVATE KEY-----\n"
                             "MC4CAQAwBQYDK2VwBCIEIDl7sSFZifG5R1gICmZL9eIrUnfO5kFKKROgwGwfL9FL\n"
                             "-----END PRIVATE KEY-----\n";
static const char ed_crt[] = "-----BEGIN CERTIFICATE-----\n"
                             "MIIBMTCB5KADAgECAgEHMAUGAytlcDAXMRUwEwYDVQQDDAxlZDI1NTE5IHRlc3Qw\n"
                             "IBcNMjYxMTI0MDcwOTU3WhgPMjEyNjEwMzEwNzA5NTdaMBcxFTATBgNVBAMMDGVk\n"
                             "MjU1MTkgdGVzdDAqMAUGAytlcAMhAJiLsXNKqP991v0irHSXnE5SPNBFoA7y9gZp\n"
                             "ctQU222So1MwUTAdBgNVHQ4EFgQUaU+r+4lrtd5CvmqjAKFyApn9ywUwHwYDVR0j\n"
                             "BBgwFoAUaU+r+4lrtd5CvmqjAKFyApn9ywUwDwYDVR0TAQH/BAUwAwEB/zAFBgMr\n"
                             "ZXADQQD6VVjd+J+Ev9Ls/FYAkrpFNyIhRg9reetkBQcmQj75HXpSblW3GcXbeQZF\n"
                             "8hGyHRDT0IUjaYpdHotkq/7E/SEJ\n"
                             "-----END CERTIFICATE-----\n";

static gnutls_pubkey_t pub_rsa;

/* Sign with the API and check with the public key. */
static void api(gnutls_privkey_t k)
{
    static const gnutls_sign_algorithm_t algos[] = {GNUTLS_SIGN_RSA_SHA256, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256,
                                                    GNUTLS_SIGN_RSA_PSS_RSAE_SHA384};
    gnutls_datum_t data = {(unsigned char *)"message to sign", 15}, sig;
    for (unsigned i = 0; i < sizeof algos / sizeof algos[0]; i++) {
        int r = gnutls_privkey_sign_data2(k, algos[i], 0, &data, &sig);
        printf("  sign_data2 %s: %s", gnutls_sign_get_name(algos[i]), tp_code(r));
        if (r == 0) {
            r = gnutls_pubkey_verify_data2(pub_rsa, algos[i], 0, &data, &sig);
            printf(", verifies: %s", tp_code(r));
            gnutls_free(sig.data);
        }
        printf("\n");
    }
    int r = gnutls_privkey_sign_data(k, GNUTLS_DIG_SHA256, GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS, &data, &sig);
    printf("  sign_data sha256 PSS flag: %s", tp_code(r));
    if (r == 0) {
        r = gnutls_pubkey_verify_data2(pub_rsa, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, 0, &data, &sig);
        printf(", verifies: %s", tp_code(r));
        gnutls_free(sig.data);
    }
    printf("\n");
}

enum variant { EXT, EXT2, EXT3, EXT3_NOINFO, EXT4_HASH, EXT4_BOTH, EXT4_NOPSS, EXT4_EC, EXT4_ED };

static gnutls_privkey_t make(enum variant v, struct ud *u)
{
    gnutls_privkey_t k;
    int r = -1;
    gnutls_privkey_init(&k);
    switch (v) {
    case EXT:
        r = gnutls_privkey_import_ext(k, GNUTLS_PK_RSA, u, cb_sign, cb_decrypt, 0);
        break;
    case EXT2:
        r = gnutls_privkey_import_ext2(k, GNUTLS_PK_RSA, u, cb_sign, NULL, NULL, 0);
        break;
    case EXT3:
    case EXT3_NOINFO:
        r = gnutls_privkey_import_ext3(k, u, cb_sign, cb_decrypt, NULL, cb_info, 0);
        break;
    case EXT4_HASH:
    case EXT4_NOPSS:
    case EXT4_EC:
        r = gnutls_privkey_import_ext4(k, u, NULL, cb_sign_hash, v != EXT4_EC ? cb_decrypt : NULL, NULL, cb_info, 0);
        break;
    case EXT4_BOTH:
    case EXT4_ED:
        r = gnutls_privkey_import_ext4(k, u, cb_sign_data, cb_sign_hash, NULL, NULL, cb_info, 0);
        break;
    }
    if (r < 0) {
        printf("  import: %s\n", tp_code(r));
        exit(1);
    }
    return k;
}

static int cb_sign_hash_down(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned flags,
                             const gnutls_datum_t *hash, gnutls_datum_t *sig)
{
    (void)key, (void)algo, (void)userdata, (void)flags, (void)hash, (void)sig;
    printf("    sign_hash_func: signer unreachable\n");
    return GNUTLS_E_INTERNAL_ERROR;
}

/* gnutls_certificate_set_key's own check of an external key: a test
 * signature; one that cannot be made is no mismatch (ocserv's signer is
 * another process), one that does not verify is. */
static void set_key_checks(struct ud *rsa, struct ud *ec)
{
    static const struct {
        const char *label, *crt;
        int down, ec;
    } c[] = {{"signer unreachable", rsa_crt, 1, 0},
             {"EC key, RSA certificate", rsa_crt, 0, 1},
             {"RSA key, EC certificate", ec_crt, 0, 0}};
    for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++) {
        gnutls_certificate_credentials_t cred;
        gnutls_pcert_st pcert;
        gnutls_datum_t d = {(unsigned char *)c[i].crt, strlen(c[i].crt)};
        gnutls_privkey_t k;
        int r;
        printf("== set_key, %s\n", c[i].label);
        gnutls_certificate_allocate_credentials(&cred);
        gnutls_pcert_import_x509_raw(&pcert, &d, GNUTLS_X509_FMT_PEM, 0);
        gnutls_privkey_init(&k);
        gnutls_privkey_import_ext4(k, c[i].ec ? ec : rsa, NULL, c[i].down ? cb_sign_hash_down : cb_sign_hash, NULL,
                                   NULL, cb_info, 0);
        r = gnutls_certificate_set_key(cred, NULL, 0, &pcert, 1, k);
        printf("  set_key: %s\n", tp_code(r));
        if (r < 0) {
            gnutls_pcert_deinit(&pcert);
            gnutls_privkey_deinit(k);
        }
        gnutls_certificate_free_credentials(cred);
    }
}

/* The certificate retrieve functions hand out an external key: function2
 * (the application keeps key and certificate), function3 with
 * GNUTLS_CERT_RETR_DEINIT_ALL (the library takes both over). */
static struct {
    enum variant v;
    struct ud *u;
    const char *crt;
    gnutls_pcert_st pcert;
    gnutls_privkey_t key;
} retr;

static int retrieve2(gnutls_session_t s, const gnutls_datum_t *req_ca, int nreqs, const gnutls_pk_algorithm_t *pk,
                     int pk_len, gnutls_pcert_st **pcert, unsigned int *pcert_length, gnutls_privkey_t *pkey)
{
    (void)s, (void)req_ca, (void)nreqs, (void)pk, (void)pk_len;
    *pcert = &retr.pcert;
    *pcert_length = 1;
    *pkey = retr.key;
    return 0;
}

static int retrieve3(gnutls_session_t s, const struct gnutls_cert_retr_st *info, gnutls_pcert_st **certs,
                     unsigned int *certs_length, gnutls_ocsp_data_st **ocsp, unsigned int *ocsp_length,
                     gnutls_privkey_t *privkey, unsigned int *flags)
{
    gnutls_datum_t c = {(unsigned char *)retr.crt, strlen(retr.crt)};
    (void)s, (void)info;
    *certs = gnutls_malloc(sizeof **certs);
    gnutls_pcert_import_x509_raw(*certs, &c, GNUTLS_X509_FMT_PEM, 0);
    *certs_length = 1;
    *ocsp = NULL;
    *ocsp_length = 0;
    *privkey = make(retr.v, retr.u);
    *flags = GNUTLS_CERT_RETR_DEINIT_ALL;
    return 0;
}

/* Both handshakes until neither can go on: when one end fails, the other
 * still reads what it was sent, so the codes of both ends are compared. */
static int both_ends(struct tp_pair *p)
{
    int rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN;
    for (int i = 0; i < 200 && (tp_again(rc) || tp_again(rs)); i++) {
        if (tp_again(rc))
            rc = gnutls_handshake(p->c.s);
        if (tp_again(rs))
            rs = gnutls_handshake(p->s.s);
    }
    printf("  handshake: client %s, server %s\n", tp_code(rc), tp_code(rs));
    return rc == 0 && rs == 0 ? 0 : -1;
}

/* One handshake with these credentials (freed here).  The server signs,
 * and the client too when the server asks it for a certificate (req);
 * both: report both ends' codes. */
static void run(const char *prio, gnutls_certificate_credentials_t scred, gnutls_certificate_credentials_t ccred,
                gnutls_certificate_request_t req, int both)
{
    struct tp_pair p;
    tp_init(&p, 0, 0);
    gnutls_priority_set_direct(p.c.s, prio, NULL);
    gnutls_priority_set_direct(p.s.s, "NORMAL", NULL);
    gnutls_credentials_set(p.c.s, GNUTLS_CRD_CERTIFICATE, ccred);
    gnutls_credentials_set(p.s.s, GNUTLS_CRD_CERTIFICATE, scred);
    if (req != GNUTLS_CERT_IGNORE)
        gnutls_certificate_server_set_request(p.s.s, req);
    if ((both ? both_ends(&p) : tp_handshake(&p)) == 0) {
        const char *sn = gnutls_sign_get_name(req != GNUTLS_CERT_IGNORE ? gnutls_sign_algorithm_get_client(p.s.s)
                                                                        : gnutls_sign_algorithm_get(p.c.s));
        char buf[8];
        int r = gnutls_record_send(p.s.s, "ping", 4), n = gnutls_record_recv(p.c.s, buf, sizeof buf);
        printf("  %s, %s signed with %s; data sent %s, received %s\n",
               gnutls_protocol_get_name(gnutls_protocol_get_version(p.c.s)),
               req != GNUTLS_CERT_IGNORE ? "client" : "server", sn ? sn : "(none)", tp_code(r), tp_code(n));
    }
    tp_free(&p);
    gnutls_certificate_free_credentials(scred);
    gnutls_certificate_free_credentials(ccred);
}

/* Credentials with an ordinary ECDSA pair (the peer of an external key's
 * client), or none at all. */
static gnutls_certificate_credentials_t ordinary(int with_pair)
{
    gnutls_certificate_credentials_t c;
    gnutls_datum_t k = {(unsigned char *)ec_key, sizeof ec_key - 1}, crt = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&c);
    if (with_pair)
        gnutls_certificate_set_x509_key_mem(c, &crt, &k, GNUTLS_X509_FMT_PEM);
    return c;
}

/* Credentials holding crt with the external key of variant v. */
static gnutls_certificate_credentials_t external(enum variant v, struct ud *u, const char *crt)
{
    gnutls_certificate_credentials_t c;
    gnutls_pcert_st pcert[1]; /* the credentials take its element, not the array */
    gnutls_datum_t d = {(unsigned char *)crt, strlen(crt)};
    int r;
    gnutls_certificate_allocate_credentials(&c);
    gnutls_pcert_import_x509_raw(pcert, &d, GNUTLS_X509_FMT_PEM, 0);
    if ((r = gnutls_certificate_set_key(c, NULL, 0, pcert, 1, make(v, u))) < 0)
        printf("  set_key: %s\n", tp_code(r));
    return c;
}

/* The key from a retrieve function: the server's (req GNUTLS_CERT_IGNORE),
 * or the client's, asked for with req. */
static void retrieved(const char *prio, enum variant v, struct ud *u, const char *crt, int fn3,
                      gnutls_certificate_request_t req)
{
    int server = req == GNUTLS_CERT_IGNORE;
    gnutls_certificate_credentials_t mine = ordinary(0), peer = ordinary(!server);
    gnutls_datum_t c = {(unsigned char *)crt, strlen(crt)};

    printf(" %s from retrieve function%d, %s%s\n", server ? "server" : "client", fn3 ? 3 : 2, prio,
           req == GNUTLS_CERT_REQUEST ? ", certificate requested" : "");
    retr.v = v;
    retr.u = u;
    retr.crt = crt;
    if (!fn3) {
        gnutls_pcert_import_x509_raw(&retr.pcert, &c, GNUTLS_X509_FMT_PEM, 0);
        retr.key = make(v, u);
        gnutls_certificate_set_retrieve_function2(mine, retrieve2);
    } else {
        gnutls_certificate_set_retrieve_function3(mine, retrieve3);
    }
    if (server)
        run(prio, mine, peer, req, 0);
    else
        run(prio, peer, mine, req, 1);
    if (!fn3) {
        gnutls_pcert_deinit(&retr.pcert);
        gnutls_privkey_deinit(retr.key);
    }
}

static void handshake(const char *prio, enum variant v, struct ud *u, const char *crt, int client_signs)
{
    gnutls_certificate_credentials_t ext, peer;
    printf(" %s%s\n", client_signs ? "client certificate, " : "", prio);
    ext = external(v, u, crt);
    peer = ordinary(client_signs);
    if (client_signs)
        run(prio, peer, ext, GNUTLS_CERT_REQUIRE, 0);
    else
        run(prio, ext, peer, GNUTLS_CERT_IGNORE, 0);
}

int main(void)
{
    static const char *const prios[] = {
        "NORMAL:-VERS-ALL:+VERS-TLS1.3",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+SIGN-RSA-PSS-RSAE-SHA256:+SIGN-ECDSA-SHA256",
        "NORMAL",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+RSA",
        "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+ECDHE-RSA:+ECDHE-ECDSA:-SIGN-ALL:+SIGN-RSA-PSS-RSAE-SHA256:"
        "+SIGN-ECDSA-SHA256",
    };
    static const struct {
        const char *label;
        enum variant v;
        int pk, pss, have;
    } cases[] = {
        {"import_ext", EXT, GNUTLS_PK_RSA, 0, 0},
        {"import_ext2", EXT2, GNUTLS_PK_RSA, 0, 0},
        {"import_ext3, info claims RSA-PSS", EXT3, GNUTLS_PK_RSA, 1, 1},
        {"import_ext3, info without HAVE_SIGN_ALGO", EXT3_NOINFO, GNUTLS_PK_RSA, 0, 0},
        {"import_ext4, sign_hash only", EXT4_HASH, GNUTLS_PK_RSA, 1, 1},
        {"import_ext4, sign_data and sign_hash", EXT4_BOTH, GNUTLS_PK_RSA, 1, 1},
        {"import_ext4, info refuses RSA-PSS", EXT4_NOPSS, GNUTLS_PK_RSA, 0, 1},
        {"import_ext4 ECDSA", EXT4_EC, GNUTLS_PK_EC, 0, 1},
        {"import_ext4 Ed25519", EXT4_ED, GNUTLS_PK_EDDSA_ED25519, 0, 1},
    };
    gnutls_privkey_t real_rsa, real_ec, real_ed;

    gnutls_global_init();
    real_rsa = load(rsa_key);
    real_ec = load(ec_key);
    real_ed = load(ed_key);
    gnutls_pubkey_init(&pub_rsa);
    gnutls_pubkey_import_privkey(pub_rsa, real_rsa, 0, 0);

    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rsa = cases[i].pk == GNUTLS_PK_RSA, ed = cases[i].pk == GNUTLS_PK_EDDSA_ED25519;
        const char *crt = rsa ? rsa_crt : ed ? ed_crt : ec_crt;
        struct ud u = {"key", rsa ? real_rsa : ed ? real_ed : real_ec, cases[i].pk, rsa ? 2048 : 256, cases[i].pss,
                       cases[i].have, 1};
        printf("== %s\n", cases[i].label);
        if (cases[i].pk == GNUTLS_PK_RSA) {
            gnutls_privkey_t k = make(cases[i].v, &u);
            api(k);
            gnutls_privkey_deinit(k);
        }
        for (unsigned j = 0; j < sizeof prios / sizeof prios[0]; j++)
            handshake(prios[j], cases[i].v, &u, crt, 0);
        for (unsigned j = 0; j < 2; j++)
            handshake(prios[j], cases[i].v, &u, crt, 1);
        /* from the retrieve functions: the server's key, the client's when
         * required, and a key without RSA-PSS when merely requested too, and
         * as a server facing a client that offers only RSA-PSS */
        for (unsigned j = 0; j < 3; j++)
            for (int req = GNUTLS_CERT_IGNORE; req <= GNUTLS_CERT_REQUIRE; req++)
                if (cases[i].v == EXT4_NOPSS ? j < 2 || req == GNUTLS_CERT_IGNORE
                                             : j < 2 && req != GNUTLS_CERT_REQUEST &&
                                                   (cases[i].v == EXT4_HASH || cases[i].v == EXT4_EC)) {
                    retrieved(prios[j], cases[i].v, &u, crt, 0, (gnutls_certificate_request_t)req);
                    retrieved(prios[j], cases[i].v, &u, crt, 1, (gnutls_certificate_request_t)req);
                }
    }

    struct ud ursa = {"key", real_rsa, GNUTLS_PK_RSA, 2048, 1, 1, 1}, uec = {"key", real_ec, GNUTLS_PK_EC, 256, 0, 1, 1};
    set_key_checks(&ursa, &uec);

    gnutls_pubkey_deinit(pub_rsa);
    gnutls_privkey_deinit(real_rsa);
    gnutls_privkey_deinit(real_ec);
    gnutls_privkey_deinit(real_ed);
    gnutls_global_deinit();
    return 0;
}
