/* Differential test: iteration counts in the PBE parameters of encrypted
 * PKCS#8 keys and PKCS#12 bags.  GnuTLS refuses 0 and counts of
 * 10*1024*1024 and more (a hostile file cannot make one decryption run for
 * minutes); a negative INTEGER reads as a huge count.  Each structure is
 * made here (PKCS#8 with PBES2-AES and PKCS#12-3DES, a PKCS#12 whose
 * certificate bag is encrypted), then its iteration count is rewritten in
 * place (same DER length) and it is read back: pkcs8_info / bag_enc_info,
 * import / decrypt.  Output must be identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

static const char *name(int r)
{
    return r == 0 ? "0" : gnutls_strerror_name(r);
}

/* The first DER INTEGER holding iter inside d (minimal encoding): offset
 * of its value bytes (-1 if none), their number in *len, how many such
 * INTEGERs there are in *count. */
static long find_iter(const gnutls_datum_t *d, unsigned iter, unsigned *len, unsigned *count)
{
    unsigned char enc[6];
    unsigned n = 0;
    for (int shift = 24; shift >= 0; shift -= 8)
        if (n || (iter >> shift) & 0xff || shift == 0)
            enc[2 + n++] = (unsigned char)(iter >> shift);
    unsigned char *v = enc + 2;
    if (v[0] & 0x80) {
        memmove(v + 1, v, n);
        v[0] = 0;
        n++;
    }
    enc[0] = 2;
    enc[1] = (unsigned char)n;
    long at = -1;
    *count = 0;
    for (unsigned i = 0; i + n + 2 <= d->size; i++)
        if (memcmp(d->data + i, enc, n + 2) == 0) {
            if (at < 0)
                at = (long)i + 2;
            ++*count;
        }
    *len = n;
    return at;
}

/* Same-length replacement values, len bytes big-endian, all valid DER: a
 * small count (01 00..), one with the top bit set (a negative INTEGER,
 * which GnuTLS reads as unsigned: FF 00..), and A0 00.. (for 3 bytes
 * exactly 10*1024*1024, the first count GnuTLS refuses). */
static void patch(gnutls_datum_t *d, long at, unsigned len, int which)
{
    static const unsigned char first[] = {0x01, 0xff, 0xa0};
    for (unsigned i = 0; i < len; i++)
        d->data[at + (long)i] = i == 0 ? first[which] : 0;
}

static const char *const what[] = {"small", "top bit set", "A0 00.."};
#define NPATCH 3

static void pkcs8_case(const char *label, unsigned flags)
{
    gnutls_x509_privkey_t k;
    gnutls_datum_t kp = {(unsigned char *)ec_key, sizeof ec_key - 1}, der;
    gnutls_x509_privkey_init(&k);
    gnutls_x509_privkey_import(k, &kp, GNUTLS_X509_FMT_PEM);
    int r = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_DER, "pw", flags, &der);
    gnutls_x509_privkey_deinit(k);
    if (r < 0) {
        printf("%s: export %s\n", label, name(r));
        return;
    }
    unsigned iter = 0, len, count;
    r = gnutls_pkcs8_info(&der, GNUTLS_X509_FMT_DER, NULL, NULL, NULL, NULL, &iter, NULL);
    long at = find_iter(&der, iter, &len, &count);
    printf("%s: info %s, count found %u times\n", label, name(r), count);
    for (int w = 0; at >= 0 && w < NPATCH; w++) {
        patch(&der, at, len, w);
        unsigned it = 0;
        r = gnutls_pkcs8_info(&der, GNUTLS_X509_FMT_DER, NULL, NULL, NULL, NULL, &it, NULL);
        printf("%s, count %s: info %s", label, what[w], name(r));
        if (r == 0)
            printf(" (%u)", it);
        gnutls_x509_privkey_init(&k);
        r = gnutls_x509_privkey_import_pkcs8(k, &der, GNUTLS_X509_FMT_DER, "pw", 0);
        printf(", import_pkcs8 %s", name(r));
        gnutls_x509_privkey_deinit(k);
        gnutls_x509_privkey_init(&k);
        r = gnutls_x509_privkey_import2(k, &der, GNUTLS_X509_FMT_DER, "pw", 0);
        printf(", import2 %s\n", name(r));
        gnutls_x509_privkey_deinit(k);
    }
    gnutls_free(der.data);
}

static void pkcs12_case(void)
{
    gnutls_pkcs12_t p;
    gnutls_pkcs12_bag_t b;
    gnutls_x509_crt_t crt;
    gnutls_datum_t cp = {(unsigned char *)ec_crt, sizeof ec_crt - 1}, der;
    gnutls_x509_crt_init(&crt);
    gnutls_x509_crt_import(crt, &cp, GNUTLS_X509_FMT_PEM);
    gnutls_pkcs12_init(&p);
    gnutls_pkcs12_bag_init(&b);
    gnutls_pkcs12_bag_set_crt(b, crt);
    int r = gnutls_pkcs12_bag_encrypt(b, "pw", GNUTLS_PKCS_PKCS12_3DES);
    if (r == 0)
        r = gnutls_pkcs12_set_bag(p, b);
    if (r == 0)
        r = gnutls_pkcs12_generate_mac(p, "pw");
    if (r == 0)
        r = gnutls_pkcs12_export2(p, GNUTLS_X509_FMT_DER, &der);
    unsigned iter = 0, len, count;
    if (r == 0)
        r = gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, &iter, NULL);
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_deinit(p);
    gnutls_x509_crt_deinit(crt);
    if (r < 0) {
        printf("pkcs12: build %s\n", name(r));
        return;
    }
    /* the MAC may have the same count: the bag's comes first */
    long at = find_iter(&der, iter, &len, &count);
    printf("pkcs12: count found %u times\n", count);
    for (int w = 0; at >= 0 && w < NPATCH; w++) {
        patch(&der, at, len, w);
        gnutls_pkcs12_init(&p);
        r = gnutls_pkcs12_import(p, &der, GNUTLS_X509_FMT_DER, 0);
        printf("pkcs12, count %s: import %s", what[w], name(r));
        gnutls_pkcs12_bag_init(&b);
        r = gnutls_pkcs12_get_bag(p, 0, b);
        printf(", get_bag %s", name(r));
        unsigned it = 0;
        r = gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, &it, NULL);
        printf(", enc_info %s", name(r));
        if (r == 0)
            printf(" (%u)", it);
        r = gnutls_pkcs12_bag_decrypt(b, "pw");
        printf(", decrypt %s", name(r));
        gnutls_pkcs12_bag_deinit(b);
        gnutls_x509_privkey_t key = NULL;
        gnutls_x509_crt_t *chain = NULL;
        unsigned n = 0;
        r = gnutls_pkcs12_simple_parse(p, "pw", &key, &chain, &n, NULL, NULL, NULL, 0);
        printf(", simple_parse %s\n", name(r));
        for (unsigned i = 0; i < n; i++)
            gnutls_x509_crt_deinit(chain[i]);
        gnutls_free(chain);
        if (key)
            gnutls_x509_privkey_deinit(key);
        gnutls_pkcs12_deinit(p);
    }
    gnutls_free(der.data);
}

int main(void)
{
    gnutls_global_init();
    pkcs8_case("pkcs8 PBES2-AES128", GNUTLS_PKCS_PBES2_AES_128);
    pkcs8_case("pkcs8 PKCS12-3DES", GNUTLS_PKCS_PKCS12_3DES);
    pkcs12_case();
    gnutls_global_deinit();
    return 0;
}
