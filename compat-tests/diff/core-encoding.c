/* Differential test of the base64 / PEM / hex helpers: every function over
 * deterministic pseudo-random inputs of many sizes, size queries, and bad
 * input (truncated, garbage, oversized, empty).  Prints return codes and
 * outputs; must be identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RNG_SEED 0x9e3779b97f4a7c15ULL
#include "test-rng.h"

static void print_bytes(const char *label, const unsigned char *p, size_t n)
{
    printf(" %s[%zu]=", label, n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
}

/* text with control characters escaped, so PEM newlines are visible */
static void print_text(const char *label, const unsigned char *p, size_t n)
{
    printf(" %s[%zu]=\"", label, n);
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n')
            printf("\\n");
        else if (p[i] == '\r')
            printf("\\r");
        else if (p[i] < 0x20 || p[i] >= 0x7f)
            printf("\\x%02x", p[i]);
        else
            putchar(p[i]);
    }
    printf("\"");
}

static void free_datum(gnutls_datum_t *d)
{
    gnutls_free(d->data);
    d->data = NULL;
    d->size = 0;
}

/* ---- base64 (raw) ---- */

static void b64_encode2(const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n }, out = { NULL, 0 };
    int ret = gnutls_base64_encode2(&in, &out);
    printf("base64_encode2 %s: ret=%d", what, ret);
    if (ret >= 0) {
        print_text("out", out.data, out.size);
        printf(" nul=%d", out.data ? out.data[out.size] == 0 : -1);
    }
    printf("\n");
    free_datum(&out);
}

static void b64_decode2(const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n }, out = { NULL, 0 };
    int ret = gnutls_base64_decode2(&in, &out);
    printf("base64_decode2 %s: ret=%d", what, ret);
    if (ret >= 0)
        print_bytes("out", out.data, out.size);
    printf("\n");
    free_datum(&out);
}

static void b64_decode2_str(const char *s)
{
    char what[200];
    snprintf(what, sizeof what, "'%.150s'", s);
    for (char *c = what; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = '_';
    b64_decode2(what, (const unsigned char *)s, strlen(s));
}

static void test_base64(void)
{
    unsigned char buf[2100];
    size_t sizes[] = { 0, 1, 2, 3, 4, 5, 6, 7, 31, 32, 33, 47, 48, 49, 50, 63, 64, 65, 95, 96, 97, 100, 255, 1000, 2047 };

    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char what[32];
        size_t n = sizes[i];
        fill(buf, n);
        snprintf(what, sizeof what, "rand%zu", n);
        b64_encode2(what, buf, n);

        /* round trip through the decoder */
        gnutls_datum_t in = { buf, (unsigned)n }, enc = { NULL, 0 };
        if (gnutls_base64_encode2(&in, &enc) == 0) {
            b64_decode2(what, enc.data, enc.size);
            /* truncated by one and by two characters */
            if (enc.size >= 1)
                b64_decode2("trunc1", enc.data, enc.size - 1);
            if (enc.size >= 2)
                b64_decode2("trunc2", enc.data, enc.size - 2);
            /* one garbage byte in the middle */
            if (enc.size >= 4) {
                unsigned char saved = enc.data[enc.size / 2];
                enc.data[enc.size / 2] = (unsigned char)('!' + (rng() % 10));
                b64_decode2("garbage", enc.data, enc.size);
                enc.data[enc.size / 2] = 0x80 | (unsigned char)rng();
                b64_decode2("highbit", enc.data, enc.size);
                enc.data[enc.size / 2] = saved;
            }
            free_datum(&enc);
        }
    }
    b64_encode2("null0", NULL, 0);

    /* random bytes fed to the decoder */
    for (int i = 0; i < 40; i++) {
        size_t n = rng() % 40;
        char what[32];
        fill(buf, n);
        snprintf(what, sizeof what, "randbytes%zu", n);
        b64_decode2(what, buf, n);
    }
    /* random strings over the base64 alphabet, whitespace and '=' */
    static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \n\r\t-";
    for (int i = 0; i < 200; i++) {
        size_t n = rng() % 24;
        char s[32];
        for (size_t j = 0; j < n; j++) {
            uint32_t r = rng();
            /* mostly alphabet, sometimes the special characters */
            s[j] = (r & 3) ? alpha[(r >> 2) % 64] : alpha[64 + (r >> 2) % (sizeof alpha - 65)];
        }
        s[n] = 0;
        b64_decode2_str(s);
    }

    static const char *fixed[] = {
        "", "=", "==", "===", "====", "A", "AA", "AAA", "AAAA", "AA==", "AA=", "AA=A", "AAA=", "AAA==",
        "AAAA====", "QQ==", "QR==", "QUE=", "QUF=", "QUFB", "QUFBQQ==", "QUFBQQ", "QUFBQQ=", "QU FB",
        "QU\nFB", "QU\r\nFB", "QU\tFB", "QU\vFB", "QU\fFB", " QUFB ", "\nQUFB\n", "QUFB-", "QU-FB", "-QUFB",
        "QUFB\n-----END X-----", "QUFB====", "QUFB=QUFB", "QQ==QQ==", "QUFB\x00QUFB", "Q", "QUF", "QUFBQ",
        "////", "++++", "+/+/", "_-_-", "QUFB.", "   ", "\n\n", "\r\n", "----", "=QUFB",
        "QQ= =", "QQ=\n=", "QUE =", "AB==", "AAB=", "ZZZZ", "zzzz", "9999",
        "\v", "\f", "\v\f", "A===", "B===", "A==", "A=", "QQ===", "QUE==", "\vQUFB", "QUFB\v", "Q===",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        b64_decode2_str(fixed[i]);
    /* an embedded NUL is data, not a terminator */
    b64_decode2("nul-inside", (const unsigned char *)"QUFB\0QUFB", 9);
    b64_decode2("null0", NULL, 0);
}

/* ---- PEM ---- */

static void pem_encode(const char *msg, const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n };
    char out[4096];
    size_t size;
    int ret;

    /* size query with no buffer */
    size = 0;
    ret = gnutls_pem_base64_encode(msg, &in, NULL, &size);
    printf("pem_encode %s %s: query ret=%d size=%zu", msg ? msg : "(null)", what, ret, size);

    if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER && size < sizeof out) {
        size_t need = size;
        /* one byte short, exact, and generous */
        size_t tries[3] = { need - 1, need, sizeof out };
        for (int t = 0; t < 3; t++) {
            memset(out, 'Z', sizeof out);
            size = tries[t];
            ret = gnutls_pem_base64_encode(msg, &in, out, &size);
            printf(" | try%d ret=%d size=%zu", t, ret, size);
            if (ret == 0) {
                if (t == 2)
                    print_text("out", (unsigned char *)out, size);
                printf(" term=%02x", (unsigned char)out[size]);
            }
        }
    }
    printf("\n");

    gnutls_datum_t d = { NULL, 0 };
    ret = gnutls_pem_base64_encode2(msg, &in, &d);
    printf("pem_encode2 %s %s: ret=%d", msg ? msg : "(null)", what, ret);
    if (ret >= 0) {
        print_text("out", d.data, d.size);
        printf(" nul=%d", d.data ? d.data[d.size] == 0 : -1);
    }
    printf("\n");
    free_datum(&d);
}

static void pem_decode(const char *header, const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n };
    unsigned char out[4096];
    size_t size = 0;
    int ret = gnutls_pem_base64_decode(header, &in, NULL, &size);
    printf("pem_decode %s %s: query ret=%d size=%zu", header ? header : "(null)", what, ret, size);
    if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER && size < sizeof out) {
        size_t need = size;
        size_t tries[3] = { need ? need - 1 : 0, need, sizeof out };
        for (int t = 0; t < 3; t++) {
            size = tries[t];
            ret = gnutls_pem_base64_decode(header, &in, out, &size);
            printf(" | try%d ret=%d size=%zu", t, ret, size);
            if (ret == 0 && t == 2)
                print_bytes("out", out, size);
        }
    } else if (ret == 0) {
        /* the query itself succeeded (nothing to decode) */
        printf(" (empty)");
    }
    printf("\n");

    gnutls_datum_t d = { NULL, 0 };
    ret = gnutls_pem_base64_decode2(header, &in, &d);
    printf("pem_decode2 %s %s: ret=%d", header ? header : "(null)", what, ret);
    if (ret >= 0)
        print_bytes("out", d.data, d.size);
    printf("\n");
    free_datum(&d);
}

static void pem_decode_str(const char *header, const char *s)
{
    char what[200];
    snprintf(what, sizeof what, "'%.150s'", s);
    for (char *c = what; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = '_';
    pem_decode(header, what, (const unsigned char *)s, strlen(s));
}

static void test_pem(void)
{
    unsigned char buf[1100];
    size_t sizes[] = { 0, 1, 2, 3, 4, 5, 47, 48, 49, 50, 95, 96, 97, 100, 1000 };
    const char *msgs[] = { "CERTIFICATE", "X", "RSA PRIVATE KEY", "",
                           "12345678901234567890123456789012345678901234567890",
                           "123456789012345678901234567890123456789012345678901",
                           "a very long message that is far longer than any PEM label ought to be, really", NULL };

    for (size_t m = 0; m < sizeof msgs / sizeof msgs[0]; m++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            char what[32];
            size_t n = sizes[i];
            if (m >= 3 && n > 5)
                continue;
            fill(buf, n);
            snprintf(what, sizeof what, "rand%zu", n);
            pem_encode(msgs[m], what, buf, n);

            /* round trip: encode2 then decode with several headers */
            gnutls_datum_t in = { buf, (unsigned)n }, enc = { NULL, 0 };
            if (gnutls_pem_base64_encode2(msgs[m], &in, &enc) == 0) {
                pem_decode(msgs[m], what, enc.data, enc.size);
                pem_decode(NULL, what, enc.data, enc.size);
                pem_decode("OTHER", what, enc.data, enc.size);
                /* truncations: lose the footer, lose the last line */
                if (enc.size > 20) {
                    pem_decode(msgs[m], "trunc10", enc.data, enc.size - 10);
                    pem_decode(msgs[m], "trunc20", enc.data, enc.size - 20);
                    pem_decode(msgs[m], "half", enc.data, enc.size / 2);
                }
                /* garbage inside the body */
                if (n >= 48) {
                    unsigned char *c = enc.data + enc.size / 2;
                    while (*c == '\n')
                        c++;
                    *c = '*';
                    pem_decode(msgs[m], "garbage", enc.data, enc.size);
                }
                free_datum(&enc);
            }
        }
    }

    static const char *fixed[] = {
        "",
        "-----BEGIN X-----\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\n-----END X-----\n",
        "-----BEGIN X-----QUFB-----END X-----",
        "-----BEGIN X-----\r\nQUFB\r\n-----END X-----\r\n",
        "-----BEGIN X-----\nQU\nFB\n-----END X-----\n",
        "-----BEGIN X-----\nQQ==\n-----END X-----\n",
        "-----BEGIN X-----\nQQ\n-----END X-----\n",
        "-----BEGIN X-----\nQUE\n-----END X-----\n",
        "-----BEGIN X-----\nQUFBQ\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\n",
        "-----BEGIN X-----\nQUFB\n-----END Y-----\n",
        "-----BEGIN X-----\nQUFB\n-----END ",
        "-----BEGIN X-----\nQUFB-----END X-----",
        "-----BEGIN X-----\n\n-----END X-----\n",
        "-----BEGIN X-----\nQ\n-----END X-----\n",
        "-----BEGIN X-----\n    \n-----END X-----\n",
        "-----BEGIN X-----\nQUFB QUFB\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\tQUFB\n-----END X-----\n",
        "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nQUFB\n-----END X-----\n",
        "junk before\n-----BEGIN X-----\nQUFB\n-----END X-----\njunk after",
        "-----BEGIN X-----\nQUFB\n-----END X-----\n-----BEGIN Y-----\nQkJC\n-----END Y-----\n",
        "-----BEGIN Y-----\nQkJC\n-----END Y-----\n-----BEGIN X-----\nQUFB\n-----END X-----\n",
        "-----BEGIN X",
        "-----BEGIN X-----",
        "-----BEGIN X----",
        "-----BEGIN ",
        "-----BEGIN -----\nQUFB\n-----END -----\n",
        "-----BEGIN X-----\n!!!!\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB====\n-----END X-----\n",
        "-----BEGIN X-----\nQQ==QQ==\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\x80\n-----END X-----\n",
        "----BEGIN X-----\nQUFB\n-----END X-----\n",
        "-----begin X-----\nQUFB\n-----END X-----\n",
        "-----BEGIN XY-----\nQUFB\n-----END XY-----\n",
        "-----BEGIN X-----\n-QUFB\n-----END X-----\n",
        "-----BEGIN X-----\nQU-FB\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\n----END X-----\n",
        "-----BEGIN X-----\nQUFB\n-----END X----\n",
        "-----BEGIN X-----\nQUFB\n-----END X",
        "-----BEGIN XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-----\nQUFB\n-----END X-----\n",
        "-----BEGIN XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-----\nQUFB\n-----END X-----\n",
        "-----BEGIN X-----\n\vQUFB\n-----END X-----\n",
        "-----BEGIN X-----\n\v\v\v\v\n-----END X-----\n",
        "-----BEGIN X-----\nA===\n-----END X-----\n",
        "-----BEGIN X-------END X-----\n",
        "-----BEGIN X-----\nQUFB\n-----END X-----\n-----END X-----\n",
        "-----BEGIN X-----\nQUFB\n-----BEGIN X-----\nQkJC\n-----END X-----\n",
    };
    const char *headers[] = { "X", NULL, "Y", "XY", "", "X-----",
        "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        for (size_t h = 0; h < sizeof headers / sizeof headers[0]; h++)
            pem_decode_str(headers[h], fixed[i]);

    /* random bytes as PEM */
    for (int i = 0; i < 30; i++) {
        size_t n = rng() % 64;
        fill(buf, n);
        pem_decode("X", "randbytes", buf, n);
    }
    /* a valid PEM with random mutations of single bytes */
    const char *good = "-----BEGIN CERTIFICATE-----\nQUFBQkJCQ0NDRERERUVFRkZGR0dHSEhISUlJSkpKS0tLTExMTU1NTk5OT09PUFBQ\nUVFRUlJS\n-----END CERTIFICATE-----\n";
    for (int i = 0; i < 200; i++) {
        char s[256];
        size_t n = strlen(good);
        memcpy(s, good, n + 1);
        size_t pos = rng() % n;
        static const char repl[] = "A=-\n\r \t!B\x01\xff";
        s[pos] = repl[rng() % (sizeof repl - 1)];
        char what[32];
        snprintf(what, sizeof what, "mut%zu='%02x'", pos, (unsigned char)s[pos]);
        pem_decode("CERTIFICATE", what, (unsigned char *)s, n);
        pem_decode(NULL, what, (unsigned char *)s, n);
    }
}

/* ---- hex ---- */

static void hex_encode(const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n };
    char out[4200];
    size_t size = 0;
    int ret = gnutls_hex_encode(&in, NULL, &size);
    printf("hex_encode %s: query ret=%d size=%zu", what, ret, size);
    size_t need = 2 * n + 1;
    size_t tries[4] = { 0, need - 1, need, sizeof out };
    for (int t = 0; t < 4; t++) {
        memset(out, 'Z', sizeof out);
        size = tries[t];
        ret = gnutls_hex_encode(&in, t == 0 ? NULL : out, &size);
        printf(" | try%d ret=%d size=%zu", t, ret, size);
        if (ret == 0 && t == 3)
            print_text("out", (unsigned char *)out, size);
        if (ret == 0)
            printf(" term=%02x", (unsigned char)out[size]);
    }
    printf("\n");

    gnutls_datum_t d = { NULL, 0 };
    ret = gnutls_hex_encode2(&in, &d);
    printf("hex_encode2 %s: ret=%d", what, ret);
    if (ret >= 0) {
        print_text("out", d.data, d.size);
        printf(" nul=%d", d.data ? d.data[d.size] == 0 : -1);
    }
    printf("\n");
    free_datum(&d);
}

static void hex_decode(const char *what, const char *s, size_t n)
{
    /* the input lives in a NUL-padded buffer so that any look-ahead past
     * the stated size reads defined bytes */
    char in_buf[4200];
    memset(in_buf, 0, sizeof in_buf);
    memcpy(in_buf, s, n);
    gnutls_datum_t in = { (unsigned char *)in_buf, (unsigned)n };
    unsigned char out[2100];
    size_t size;
    int ret;

    size_t need = n / 2;
    size_t tries[4] = { 0, need ? need - 1 : 0, need, sizeof out };
    printf("hex_decode %s:", what);
    for (int t = 0; t < 4; t++) {
        memset(out, 0xee, sizeof out);
        size = tries[t];
        ret = gnutls_hex_decode(&in, out, &size);
        printf(" | try%d ret=%d size=%zu", t, ret, size);
        if (ret == 0 && t == 3)
            print_bytes("out", out, size);
    }
    printf("\n");

    gnutls_datum_t d = { NULL, 0 };
    ret = gnutls_hex_decode2(&in, &d);
    printf("hex_decode2 %s: ret=%d", what, ret);
    if (ret >= 0)
        print_bytes("out", d.data, d.size);
    printf("\n");
    free_datum(&d);

    for (int t = 0; t < 4; t++) {
        memset(out, 0xee, sizeof out);
        size = tries[t];
        ret = gnutls_hex2bin(in_buf, n, out, &size);
        printf("%s", t == 0 ? "hex2bin" : "");
        printf(" | try%d ret=%d size=%zu", t, ret, size);
        if (ret == 0 && t == 3)
            print_bytes("out", out, size);
    }
    printf("\n");
}

static void hex_decode_str(const char *s)
{
    char what[200];
    snprintf(what, sizeof what, "'%.150s'", s);
    hex_decode(what, s, strlen(s));
}

static void test_hex(void)
{
    unsigned char buf[2100];
    size_t sizes[] = { 0, 1, 2, 3, 7, 16, 31, 32, 33, 100, 1000, 2000 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char what[32];
        size_t n = sizes[i];
        fill(buf, n);
        snprintf(what, sizeof what, "rand%zu", n);
        hex_encode(what, buf, n);

        gnutls_datum_t in = { buf, (unsigned)n }, enc = { NULL, 0 };
        if (gnutls_hex_encode2(&in, &enc) == 0) {
            hex_decode(what, (char *)enc.data, enc.size);
            if (enc.size)
                hex_decode("trunc1", (char *)enc.data, enc.size - 1);
            if (enc.size >= 4) {
                enc.data[enc.size / 2] = 'g';
                hex_decode("garbage", (char *)enc.data, enc.size);
                enc.data[enc.size / 2] = ':';
                hex_decode("colon", (char *)enc.data, enc.size);
            }
            free_datum(&enc);
        }
    }
    hex_encode("null0", NULL, 0);

    static const char *fixed[] = {
        "", "0", "00", "000", "0000", "ff", "FF", "fF", "0g", "g0", "gg", "zz", " 0", "0 ", "00 ",
        "00:11", "00:11:22", "0:011", "00-11", "0x00", "x000", "deadbeef", "DEADBEEF", "dead beef",
        "dead\nbeef", "::", ":", "0011:", ":0011", "001122334455667788", "\xff\xff", "1\x80",
        "+1", "-1", " 1", "1 ", "12 34", "abcdefABCDEF0123456789",
        "12  34", "12 34 ", "\t1234\n", "1\n23", "\r\n", "  ", "12\r\n34\r\n", "12\v34", "12\f3",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        hex_decode_str(fixed[i]);
    for (int i = 0; i < 150; i++) {
        static const char alpha[] = "0123456789abcdefABCDEF: gx\n-";
        char s[32];
        size_t n = rng() % 20;
        for (size_t j = 0; j < n; j++) {
            uint32_t r = rng();
            s[j] = (r & 3) ? alpha[(r >> 2) % 22] : alpha[22 + (r >> 2) % 6];
        }
        s[n] = 0;
        hex_decode_str(s);
    }
}

/* ---- SRP base64 ---- */

static void srp_encode(const char *what, const unsigned char *p, size_t n)
{
    gnutls_datum_t in = { (unsigned char *)p, (unsigned)n }, d = { NULL, 0 };
    char out[2000];
    size_t size = 0;
    int ret = gnutls_srp_base64_encode(&in, NULL, &size);
    printf("srp_encode %s: query ret=%d size=%zu", what, ret, size);
    if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER && size < sizeof out) {
        size_t need = size, tries[3] = { need ? need - 1 : 0, need, sizeof out };
        for (int t = 0; t < 3; t++) {
            memset(out, 'Z', sizeof out);
            size = tries[t];
            ret = gnutls_srp_base64_encode(&in, out, &size);
            printf(" | try%d ret=%d size=%zu", t, ret, size);
            if (ret == 0 && t == 2)
                print_text("out", (unsigned char *)out, size);
        }
    }
    ret = gnutls_srp_base64_encode2(&in, &d);
    printf(" | encode2 ret=%d", ret);
    if (ret == 0) {
        print_text("out", d.data, d.size);
        /* and back */
        gnutls_datum_t back = { NULL, 0 };
        ret = gnutls_srp_base64_decode2(&d, &back);
        printf(" decode2 ret=%d", ret);
        if (ret == 0)
            print_bytes("back", back.data, back.size);
        free_datum(&back);
    }
    printf("\n");
    free_datum(&d);
}

/* print_data: 0 when GnuTLS would leave bytes of the result unset */
static void srp_decode(const char *s, size_t n, int print_data)
{
    gnutls_datum_t in = { (unsigned char *)s, (unsigned)n }, d = { NULL, 0 };
    unsigned char out[2000];
    size_t size = 0;
    int ret = gnutls_srp_base64_decode(&in, NULL, &size);
    printf("srp_decode '%.*s': query ret=%d size=%zu", (int)n, s, ret, size);
    if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER && size < sizeof out) {
        size_t need = size, tries[3] = { need ? need - 1 : 0, need, sizeof out };
        for (int t = 0; t < 3; t++) {
            size = tries[t];
            ret = gnutls_srp_base64_decode(&in, (char *)out, &size);
            printf(" | try%d ret=%d size=%zu", t, ret, size);
            if (ret == 0 && t == 2 && print_data)
                print_bytes("out", out, size);
        }
    }
    ret = gnutls_srp_base64_decode2(&in, &d);
    printf(" | decode2 ret=%d", ret);
    if (ret == 0) {
        printf(" size=%u", d.size);
        if (print_data)
            print_bytes("out", d.data, d.size);
    }
    printf("\n");
    free_datum(&d);
}

static void test_srp(void)
{
    static const char alpha[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./";
    unsigned char buf[600];
    size_t sizes[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 31, 32, 33, 100, 256, 513 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char what[32];
        for (int rep = 0; rep < 3; rep++) {
            fill(buf, sizes[i]);
            /* small leading values exercise the dropped leading digits */
            if (rep == 1 && sizes[i])
                buf[0] &= 0x0f;
            if (rep == 2 && sizes[i] > 1)
                buf[0] = 0, buf[1] &= 0x3f;
            snprintf(what, sizeof what, "rand%zu.%d", sizes[i], rep);
            srp_encode(what, buf, sizes[i]);
        }
    }
    static const unsigned char fixed[][2] = { { 0, 0 }, { 0, 1 }, { 0, 0x3f }, { 0, 0x40 }, { 0, 0xff }, { 0x0f, 0xff },
                                              { 0x10, 0 }, { 0xff, 0xff }, { 0x01, 0x00 } };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        char what[32];
        snprintf(what, sizeof what, "fixed%02x%02x", fixed[i][0], fixed[i][1]);
        srp_encode(what, fixed[i], 2);
        snprintf(what, sizeof what, "fixed%02x", fixed[i][1]);
        srp_encode(what, fixed[i] + 1, 1);
    }
    /* valid alphabet strings of every length */
    for (int i = 0; i < 80; i++) {
        char s[40];
        size_t n = rng() % 14;
        for (size_t j = 0; j < n; j++)
            s[j] = alpha[rng() % 64];
        srp_decode(s, n, 1);
    }
    /* an invalid character: GnuTLS errors when it is the last of a group,
     * and leaves bytes unset otherwise (only the sizes are compared then) */
    static const char *bad[] = { "!", "A!", "AB!", "ABC!", "ABCD!", "ABCDEFG!", "!BCD", "A!CD", "AB!D", "1234!678",
                                 "12345!78", "123456!8", "=", "AAAA=", "AAA\n", "AB\x80" "D", "abcd\x7f" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        srp_decode(bad[i], strlen(bad[i]), 0);
    srp_decode("", 0, 1);
}

int main(void)
{
    test_srp();
    test_base64();
    test_pem();
    test_hex();
    return 0;
}
