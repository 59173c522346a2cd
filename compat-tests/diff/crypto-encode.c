/* Differential test of the DER helpers of crypto.h: gnutls_encode_rs_value /
 * gnutls_decode_rs_value (DSA/ECDSA signature values) and
 * gnutls_encode_ber_digest_info / gnutls_decode_ber_digest_info (PKCS#1
 * DigestInfo): deterministic pseudo-random values, every digest id, and
 * malformed DER (truncated, trailing bytes, wrong tags, odd lengths,
 * garbage). */
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RNG_SEED 0x7273646572ULL
#include "test-rng.h"
#include "unhex.h"

/* unhex of a vector written with spaces between groups; `clean` gets the
 * text without them. */
static size_t unhex_spaced(const char *spaced, char *clean, unsigned char *out)
{
    size_t k = 0;
    for (const char *c = spaced; *c; c++)
        if (*c != ' ')
            clean[k++] = *c;
    clean[k] = 0;
    return unhex(clean, out);
}

static void hex(const char *label, const unsigned char *p, size_t n)
{
    printf(" %s[%zu]=", label, n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

static void decode_rs(const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t sig = { (unsigned char *)p, (unsigned)n }, r = { NULL, 0 }, s = { NULL, 0 };
    int ret = gnutls_decode_rs_value(&sig, &r, &s);
    printf("decode_rs %s: ret=%d", what, ret);
    if (ret == 0) {
        hex("r", r.data, r.size);
        hex("s", s.data, s.size);
    }
    printf("\n");
    gnutls_free(r.data);
    gnutls_free(s.data);
}

static void test_rs(void)
{
    unsigned char a[80], b[80];
    for (int i = 0; i < 60; i++) {
        size_t na = 1 + rng() % 70, nb = 1 + rng() % 70;
        fill(a, na);
        fill(b, nb);
        /* leading zeros and high bits in every combination */
        if (i % 4 == 1)
            a[0] = 0;
        if (i % 4 == 2 && na > 1)
            a[0] = 0, a[1] |= 0x80;
        if (i % 3 == 0)
            b[0] |= 0x80;
        if (i % 7 == 0)
            memset(a, 0, na);
        gnutls_datum_t r = { a, (unsigned)na }, s = { b, (unsigned)nb }, sig = { NULL, 0 };
        int ret = gnutls_encode_rs_value(&sig, &r, &s);
        printf("encode_rs %d: ret=%d", i, ret);
        if (ret == 0)
            hex("sig", sig.data, sig.size);
        printf("\n");
        if (ret == 0) {
            decode_rs("roundtrip", sig.data, sig.size);
            /* one byte changed */
            unsigned char mut[200];
            for (int m = 0; m < 12; m++) {
                memcpy(mut, sig.data, sig.size);
                mut[rng() % sig.size] = (unsigned char)rng();
                decode_rs("mutated", mut, sig.size);
            }
            decode_rs("trunc", sig.data, sig.size - 1);
            unsigned char longer[200];
            memcpy(longer, sig.data, sig.size);
            longer[sig.size] = 0;
            decode_rs("trailing", longer, sig.size + 1);
        }
        gnutls_free(sig.data);
    }
    static const char *fixed[] = {
        "", "30", "3000", "300302010102", "3006020101020101", "3006020100020100", "30060201ff020101",
        "3007020200ff020101", "30070202007f020101", "3005020101020100", "3006020101020201", "31060201010201010",
        "3006040101040101", "300602010102010100", "30800201010201010000", "3081060201010201 01", "3006020101020101ff",
        "300702010102010105", "3008020101020101 0500", "3004020002 00", "30060201010201", "300a02010102010102010",
        "3009020400800102020105", "300b02060000000000050201 05",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        unsigned char buf[100];
        char clean[200];
        size_t n = unhex_spaced(fixed[i], clean, buf);
        decode_rs(clean, buf, n);
    }
    for (int i = 0; i < 30; i++) {
        unsigned char buf[40];
        size_t n = rng() % 40;
        fill(buf, n);
        if (n > 2 && i % 2) {
            buf[0] = 0x30;
            buf[1] = (unsigned char)(n - 2);
        }
        decode_rs("garbage", buf, n);
    }
}

static void decode_di(const char *what, const unsigned char *p, size_t n, unsigned dsize)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n };
    gnutls_digest_algorithm_t h = 12345;
    unsigned char digest[128];
    unsigned ds = dsize;
    memset(digest, 0xee, sizeof digest);
    int ret = gnutls_decode_ber_digest_info(&in, &h, digest, &ds);
    printf("decode_di %s ds=%u: ret=%d", what, dsize, ret);
    if (strcmp(what, "mutated") == 0)
        hex("in", p, n < 24 ? n : 24);
    if (ret == 0) {
        printf(" hash=%d", (int)h);
        hex("digest", digest, ds);
    }
    printf("\n");
}

static void test_digest_info(void)
{
    static const int ids[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 99 };
    unsigned char md[80];
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        unsigned len = gnutls_hash_get_len(ids[i]);
        size_t sizes[3] = { len, 5, 0 };
        for (int t = 0; t < 3; t++) {
            fill(md, sizeof md);
            gnutls_datum_t d = { md, (unsigned)sizes[t] }, out = { NULL, 0 };
            int ret = gnutls_encode_ber_digest_info(ids[i], &d, &out);
            printf("encode_di %d len=%zu: ret=%d", ids[i], sizes[t], ret);
            if (ret == 0)
                hex("der", out.data, out.size);
            printf("\n");
            if (ret == 0 && t == 0) {
                decode_di("roundtrip", out.data, out.size, 64);
                unsigned char mut[200];
                for (int m = 0; m < 30; m++) {
                    memcpy(mut, out.data, out.size);
                    /* mostly the header bytes, where the structure is */
                    size_t at = m < 20 ? rng() % 19 : rng() % out.size;
                    if (at >= out.size)
                        at = out.size - 1;
                    mut[at] = (unsigned char)rng();
                    decode_di("mutated", mut, out.size, 64);
                }
                decode_di("exact", out.data, out.size, len);
                decode_di("short", out.data, out.size, len ? len - 1 : 0);
                decode_di("trunc", out.data, out.size - 1, 64);
                unsigned char longer[200];
                memcpy(longer, out.data, out.size);
                longer[out.size] = 0;
                decode_di("trailing", longer, out.size + 1, 64);
            }
            gnutls_free(out.data);
        }
    }
    static const char *fixed[] = {
        "",
        "30",
        "3000",
        /* SHA-256 without the NULL parameters */
        "302f300b0609608648016503040201042000000000000000000000000000000000000000000000000000000000000000000",
        /* SHA-256 with an INTEGER as parameters */
        "3032300e06096086480165030402010201000420"
        "0000000000000000000000000000000000000000000000000000000000000000",
        /* unknown OID 1.2.3.4 */
        "3027300706032a03040500041cffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        /* SHA-1 with a 3-byte digest */
        "300e300906052b0e03021a0500040301020",
        "300e300906052b0e03021a050004030102030",
        /* digest as BIT STRING */
        "300e300906052b0e03021a0500030301020",
        /* empty digest */
        "300b300906052b0e03021a05000400",
        /* long-form lengths */
        "30820021300906052b0e03021a05000414000000000000000000000000000000000000000000",
        "3081213009 06052b0e03021a05000414000000000000000000000000000000000000000000",
        /* SET instead of SEQUENCE */
        "3121300906052b0e03021a05000414000000000000000000000000000000000000000000",
        /* MD5 and SHA-512 prefixes with a digest */
        "3020300c06082a864886f70d020505000410000102030405060708090a0b0c0d0e0f",
        "3051300d0609608648016503040203050004400001020304050607080910111213141516171819202122232425262728293031"
        "323334353637383940414243444546474849505152535455565758596061626364",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        unsigned char buf[200];
        char clean[500];
        size_t n = unhex_spaced(fixed[i], clean, buf);
        char what[32];
        snprintf(what, sizeof what, "fixed%zu", i);
        decode_di(what, buf, n, 64);
        decode_di(what, buf, n, 2);
    }
    for (int i = 0; i < 30; i++) {
        unsigned char buf[60];
        size_t n = rng() % 60;
        fill(buf, n);
        if (n > 2 && i % 2) {
            buf[0] = 0x30;
            buf[1] = (unsigned char)(n - 2);
        }
        decode_di("garbage", buf, n, 64);
    }
}

int main(void)
{
    gnutls_global_init();
    test_rs();
    test_digest_info();
    gnutls_global_deinit();
    return 0;
}
