/* Differential test of trust on first use (src/core/tofu.c):
 * gnutls_store_pubkey / gnutls_verify_stored_pubkey / gnutls_store_commitment
 * and custom gnutls_tdb_t back ends.  The known_hosts files written are
 * printed: their format must be byte-identical to GnuTLS's (gnutls-cli
 * --tofu shares it with the real library). */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-keys.h"

static char dir[256];

static void dump(const char *label, const char *path)
{
    char line[4096];
    FILE *f = fopen(path, "rb");
    printf("%s:", label);
    if (!f) {
        printf(" (no file)\n");
        return;
    }
    printf("\n");
    while (fgets(line, sizeof line, f))
        printf("  %s", line);
    fclose(f);
}

static void der_of(const char *pem, gnutls_datum_t *der)
{
    gnutls_datum_t p = {(unsigned char *)pem, strlen(pem)};
    if (gnutls_pem_base64_decode2("CERTIFICATE", &p, der) < 0)
        exit(1);
}

static void spki_of(const gnutls_datum_t *crt, gnutls_datum_t *out)
{
    gnutls_x509_crt_t c;
    gnutls_pubkey_t k;
    gnutls_x509_crt_init(&c);
    gnutls_pubkey_init(&k);
    if (gnutls_x509_crt_import(c, crt, GNUTLS_X509_FMT_DER) < 0 || gnutls_pubkey_import_x509(k, c, 0) < 0 ||
        gnutls_pubkey_export2(k, GNUTLS_X509_FMT_DER, out) < 0)
        exit(1);
    gnutls_pubkey_deinit(k);
    gnutls_x509_crt_deinit(c);
}

static int calls;
static int my_store(const char *db, const char *host, const char *service, time_t exp, const gnutls_datum_t *pubkey)
{
    calls++;
    printf("  store cb: db=%s host=%s service=%s exp=%ld key=%u bytes\n", db ? "set" : "NULL", host ? host : "NULL",
           service ? service : "NULL", (long)exp, pubkey->size);
    return strcmp(host ? host : "", "fail") == 0 ? -1 : 0;
}
static int my_cstore(const char *db, const char *host, const char *service, time_t exp, gnutls_digest_algorithm_t h,
                     const gnutls_datum_t *hash)
{
    calls++;
    printf("  cstore cb: db=%s host=%s service=%s exp=%ld hash=%d len=%u\n", db ? "set" : "NULL", host ? host : "NULL",
           service ? service : "NULL", (long)exp, (int)h, hash->size);
    return strcmp(host ? host : "", "fail") == 0 ? -1 : 0;
}
static int my_verify(const char *db, const char *host, const char *service, const gnutls_datum_t *pubkey)
{
    calls++;
    printf("  verify cb: db=%s host=%s service=%s key=%u bytes\n", db ? "set" : "NULL", host ? host : "NULL",
           service ? service : "NULL", pubkey->size);
    if (strcmp(host, "mismatch") == 0)
        return GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
    if (strcmp(host, "other") == 0)
        return GNUTLS_E_MEMORY_ERROR;
    return 0;
}

int main(void)
{
    gnutls_datum_t rsa, ec, rsa_spki, ec_spki, bad = {(unsigned char *)"\x30\x03\x02\x01\x01", 5};
    char db[300], db2[300], db3[300], home[300];
    unsigned char hash[64];
    gnutls_datum_t h = {hash, 32};

    gnutls_global_init();
    strcpy(dir, "/tmp/gnossl-tofu-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof db, "%s/kh", dir);
    snprintf(db2, sizeof db2, "%s/kh2", dir);
    snprintf(db3, sizeof db3, "%s/kh3", dir);
    der_of(rsa_crt, &rsa);
    der_of(ec_crt, &ec);
    spki_of(&rsa, &rsa_spki);
    spki_of(&ec, &ec_spki);

    printf("verify, no file: %d\n", gnutls_verify_stored_pubkey(db, NULL, "localhost", "443", GNUTLS_CRT_X509, &rsa, 0));
    printf("store rsa localhost:443: %d\n", gnutls_store_pubkey(db, NULL, "localhost", "443", GNUTLS_CRT_X509, &rsa, 0, 0));
    printf("store ec example.org:any: %d\n", gnutls_store_pubkey(db, NULL, "example.org", NULL, GNUTLS_CRT_X509, &ec, 0, 0));
    printf("store ec anyhost:25 expiring: %d\n", gnutls_store_pubkey(db, NULL, NULL, "25", GNUTLS_CRT_X509, &ec, 4000000000u, 0));
    printf("store rsa expired.example:443: %d\n", gnutls_store_pubkey(db, NULL, "expired.example", "443", GNUTLS_CRT_X509, &rsa, 1000, 0));
    printf("store rawpk ec raw.example: %d\n", gnutls_store_pubkey(db, NULL, "raw.example", "5556", GNUTLS_CRT_RAWPK, &ec_spki, 0, 0));
    printf("store openpgp: %d\n", gnutls_store_pubkey(db, NULL, "pgp", "1", GNUTLS_CRT_OPENPGP, &rsa, 0, 0));
    printf("store unknown type: %d\n", gnutls_store_pubkey(db, NULL, "x", "1", (gnutls_certificate_type_t)9, &rsa, 0, 0));
    printf("store bad der: %d\n", gnutls_store_pubkey(db, NULL, "bad", "1", GNUTLS_CRT_X509, &bad, 0, 0));
    printf("store into missing dir: %d\n", gnutls_store_pubkey("/nonexistent/dir/kh", NULL, "h", "1", GNUTLS_CRT_X509, &rsa, 0, 0));
    dump("file", db);

    struct {
        const char *host, *service;
        int type;
        gnutls_datum_t *cert;
    } v[] = {
        {"localhost", "443", GNUTLS_CRT_X509, &rsa},
        {"localhost", "443", GNUTLS_CRT_X509, &ec},
        {"localhost", "444", GNUTLS_CRT_X509, &rsa},
        {"localhost", NULL, GNUTLS_CRT_X509, &rsa},
        {NULL, "443", GNUTLS_CRT_X509, &rsa},
        {"example.org", "443", GNUTLS_CRT_X509, &ec},
        {"example.org", "80", GNUTLS_CRT_X509, &rsa},
        {"example.org", NULL, GNUTLS_CRT_X509, &ec},
        {"mail.example", "25", GNUTLS_CRT_X509, &ec},
        {"mail.example", "25", GNUTLS_CRT_X509, &rsa},
        {"expired.example", "443", GNUTLS_CRT_X509, &rsa},
        {"raw.example", "5556", GNUTLS_CRT_RAWPK, &ec_spki},
        {"raw.example", "5556", GNUTLS_CRT_X509, &ec},
        {"raw.example", "5556", GNUTLS_CRT_RAWPK, &rsa_spki},
        {"nobody", "1", GNUTLS_CRT_X509, &rsa},
        {"localhost", "443", GNUTLS_CRT_OPENPGP, &rsa},
        {"localhost", "443", GNUTLS_CRT_X509, &bad},
    };
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++)
        printf("verify %s:%s type %d: %d\n", v[i].host ? v[i].host : "NULL", v[i].service ? v[i].service : "NULL",
               v[i].type, gnutls_verify_stored_pubkey(db, NULL, v[i].host, v[i].service, v[i].type, v[i].cert, 0));

    /* Hand-written lines: odd spacing, unknown versions, broken fields. */
    {
        FILE *f = fopen(db2, "w");
        gnutls_datum_t b64;
        gnutls_base64_encode2(&rsa_spki, &b64);
        fprintf(f, "garbage\n|g1|localhost|443|0|AAAA\n|g0|localhost\n|g0|localhost|443\n|g0|localhost|443|0\n");
        fprintf(f, "|g0|short.example|443|0|AAAA\n");
        fprintf(f, "|g0|*|*|0|%.*s \t\n", (int)b64.size, b64.data);
        fprintf(f, "|c0|hashed.example|443|0|6|00\n|c0|hashed.example|443|0|999|00\n");
        fclose(f);
        gnutls_free(b64.data);
    }
    printf("hand-written, any host: %d\n", gnutls_verify_stored_pubkey(db2, NULL, "whatever", "1", GNUTLS_CRT_X509, &rsa, 0));
    printf("hand-written, ec: %d\n", gnutls_verify_stored_pubkey(db2, NULL, "short.example", "443", GNUTLS_CRT_X509, &ec, 0));
    printf("hand-written, hashed: %d\n", gnutls_verify_stored_pubkey(db2, NULL, "hashed.example", "443", GNUTLS_CRT_X509, &ec, 0));

    /* Commitments. */
    gnutls_hash_fast(GNUTLS_DIG_SHA256, ec_spki.data, ec_spki.size, hash);
    printf("commit sha256: %d\n", gnutls_store_commitment(db3, NULL, "c.example", "443", GNUTLS_DIG_SHA256, &h, 0, 0));
    h.size = 31;
    printf("commit short hash: %d\n", gnutls_store_commitment(db3, NULL, "c.example", "443", GNUTLS_DIG_SHA256, &h, 0, 0));
    gnutls_hash_fast(GNUTLS_DIG_SHA1, ec_spki.data, ec_spki.size, hash);
    h.size = 20;
    printf("commit sha1: %d\n", gnutls_store_commitment(db3, NULL, "c1.example", NULL, GNUTLS_DIG_SHA1, &h, 0, 0));
    gnutls_hash_fast(GNUTLS_DIG_MD5, ec_spki.data, ec_spki.size, hash);
    h.size = 16;
    printf("commit md5: %d\n", gnutls_store_commitment(db3, NULL, "c5.example", NULL, GNUTLS_DIG_MD5, &h, 0, 0));
    printf("commit md5 allow broken: %d\n",
           gnutls_store_commitment(db3, NULL, "c5.example", NULL, GNUTLS_DIG_MD5, &h, 0, GNUTLS_SCOMMIT_FLAG_ALLOW_BROKEN));
    printf("commit unknown hash: %d\n", gnutls_store_commitment(db3, NULL, "c.example", NULL, (gnutls_digest_algorithm_t)999, &h, 0, 0));
    gnutls_hash_fast(GNUTLS_DIG_SHA512, ec_spki.data, ec_spki.size, hash);
    h.size = 64;
    printf("commit sha512 expired: %d\n", gnutls_store_commitment(db3, NULL, "old.example", "443", GNUTLS_DIG_SHA512, &h, 1000, 0));
    dump("commitments", db3);
    printf("verify commit ec: %d\n", gnutls_verify_stored_pubkey(db3, NULL, "c.example", "443", GNUTLS_CRT_X509, &ec, 0));
    printf("verify commit rsa: %d\n", gnutls_verify_stored_pubkey(db3, NULL, "c.example", "443", GNUTLS_CRT_X509, &rsa, 0));
    printf("verify commit sha1 ec: %d\n", gnutls_verify_stored_pubkey(db3, NULL, "c1.example", "9", GNUTLS_CRT_X509, &ec, 0));
    printf("verify commit md5 ec: %d\n", gnutls_verify_stored_pubkey(db3, NULL, "c5.example", "9", GNUTLS_CRT_RAWPK, &ec_spki, 0));
    printf("verify commit expired: %d\n", gnutls_verify_stored_pubkey(db3, NULL, "old.example", "443", GNUTLS_CRT_X509, &ec, 0));

    /* Custom back end. */
    {
        gnutls_tdb_t tdb;
        printf("tdb_init: %d\n", gnutls_tdb_init(&tdb));
        gnutls_tdb_set_store_func(tdb, my_store);
        gnutls_tdb_set_store_commitment_func(tdb, my_cstore);
        gnutls_tdb_set_verify_func(tdb, my_verify);
        printf("tdb store: %d\n", gnutls_store_pubkey(NULL, tdb, "h", "s", GNUTLS_CRT_X509, &rsa, 77, 0));
        printf("tdb store fail: %d\n", gnutls_store_pubkey("x", tdb, "fail", NULL, GNUTLS_CRT_RAWPK, &rsa_spki, 0, 0));
        h.size = 64;
        printf("tdb commit: %d\n", gnutls_store_commitment(NULL, tdb, "h", NULL, GNUTLS_DIG_SHA512, &h, 5, 0));
        printf("tdb commit fail: %d\n", gnutls_store_commitment(NULL, tdb, "fail", NULL, GNUTLS_DIG_SHA512, &h, 5, 0));
        printf("tdb verify: %d\n", gnutls_verify_stored_pubkey(NULL, tdb, "ok", "s", GNUTLS_CRT_X509, &ec, 0));
        printf("tdb verify mismatch: %d\n", gnutls_verify_stored_pubkey("f", tdb, "mismatch", "s", GNUTLS_CRT_X509, &ec, 0));
        printf("tdb verify other error: %d\n", gnutls_verify_stored_pubkey(NULL, tdb, "other", "s", GNUTLS_CRT_X509, &ec, 0));
        printf("callbacks: %d\n", calls);
        gnutls_tdb_deinit(tdb);
    }

    /* The default file: $HOME/.gnutls/known_hosts, directory made on store. */
    snprintf(home, sizeof home, "%s/home", dir);
    mkdir(home, 0700);
    setenv("HOME", home, 1);
    printf("default verify, none: %d\n", gnutls_verify_stored_pubkey(NULL, NULL, "localhost", "443", GNUTLS_CRT_X509, &rsa, 0));
    printf("default store: %d\n", gnutls_store_pubkey(NULL, NULL, "localhost", "443", GNUTLS_CRT_X509, &rsa, 0, 0));
    printf("default verify: %d\n", gnutls_verify_stored_pubkey(NULL, NULL, "localhost", "443", GNUTLS_CRT_X509, &rsa, 0));
    gnutls_hash_fast(GNUTLS_DIG_SHA256, ec_spki.data, ec_spki.size, hash);
    h.size = 32;
    printf("default commit: %d\n", gnutls_store_commitment(NULL, NULL, "c.example", "443", GNUTLS_DIG_SHA256, &h, 0, 0));
    {
        char p[400];
        struct stat st;
        snprintf(p, sizeof p, "%s/.gnutls", home);
        printf("config dir mode: %o\n", stat(p, &st) == 0 ? (unsigned)(st.st_mode & 0777) : 0);
        snprintf(p, sizeof p, "%s/.gnutls/known_hosts", home);
        dump("default file", p);
        unlink(p);
        snprintf(p, sizeof p, "%s/.gnutls", home);
        rmdir(p);
    }
    rmdir(home);
    unlink(db);
    unlink(db2);
    unlink(db3);
    rmdir(dir);
    gnutls_free(rsa.data);
    gnutls_free(ec.data);
    gnutls_free(rsa_spki.data);
    gnutls_free(ec_spki.data);
    gnutls_global_deinit();
    return 0;
}
