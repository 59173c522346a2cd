/* Differential: gnutls_utf8_password_normalize (RFC 8265 OpaqueString) over
 * chosen inputs (ASCII, NFC/NFKC-relevant, spaces, controls, invalid UTF-8,
 * empty, with and without GNUTLS_UTF8_IGNORE_ERRS), then every Unicode
 * scalar value alone and after a base letter, summarised per block of 4096
 * code points (a digest of every result) so that the tables must agree. */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void show(const char *label, const char *in, unsigned len, unsigned flags)
{
    gnutls_datum_t o = { NULL, 0 };
    int r = gnutls_utf8_password_normalize((const unsigned char *)in, len, &o, flags);
    printf("%s flags=%u -> %d", label, flags, r);
    if (r == 0) {
        printf(" (%u) ", o.size);
        for (unsigned i = 0; i < o.size; i++)
            printf("%02x", o.data[i]);
        printf(" nul=%d", o.data[o.size]);
        gnutls_free(o.data);
    }
    printf("\n");
}

static unsigned put_utf8(unsigned char *p, uint32_t c)
{
    if (c < 0x80) {
        p[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        p[0] = (unsigned char)(0xC0 | (c >> 6));
        p[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        p[0] = (unsigned char)(0xE0 | (c >> 12));
        p[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        p[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    p[0] = (unsigned char)(0xF0 | (c >> 18));
    p[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    p[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    p[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static uint64_t fnv(uint64_t h, const void *d, size_t n)
{
    const unsigned char *p = d;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* Digest of the result for one input. */
static uint64_t digest_one(uint64_t h, const unsigned char *in, unsigned len)
{
    gnutls_datum_t o = { NULL, 0 };
    int r = gnutls_utf8_password_normalize(in, len, &o, 0);
    h = fnv(h, &r, sizeof r);
    if (r == 0) {
        h = fnv(h, o.data, o.size + 1);
        gnutls_free(o.data);
    }
    return h;
}

int main(void)
{
    static const struct {
        const char *label, *s;
    } cases[] = {
        { "ascii", "password" },
        { "ascii-punct", "P@ss w0rd!~" },
        { "ascii-space-ends", " pass " },
        { "tab", "pa\tss" },
        { "newline", "pass\n" },
        { "del", "pa\x7fss" },
        { "c1-control", "pa\xc2\x85ss" },
        { "nbsp", "pa\xc2\xa0ss" },
        { "ideographic-space", "pa\xe3\x80\x80ss" },
        { "em-space", "a\xe2\x80\x83" "b" },
        { "e-acute-nfc", "caf\xc3\xa9" },
        { "e-acute-nfd", "cafe\xcc\x81" },
        { "angstrom", "\xe2\x84\xab" },
        { "ohm", "\xe2\x84\xa6" },
        { "fullwidth-A", "\xef\xbc\xa1" },
        { "ligature-fi", "\xef\xac\x81" },
        { "superscript-2", "x\xc2\xb2" },
        { "roman-numeral", "\xe2\x85\xa0" },
        { "vulgar-fraction", "\xc2\xbd" },
        { "sharp-s", "stra\xc3\x9f" "e" },
        { "final-sigma", "\xcf\x82" },
        { "middle-dot", "l\xc2\xb7l" },
        { "katakana-middle-dot", "\xe3\x83\xbb" },
        { "arabic-indic-digit", "\xd9\xa3" },
        { "tatweel", "\xd9\x80" },
        { "zwj", "a\xe2\x80\x8d" "b" },
        { "zwnj", "a\xe2\x80\x8c" "b" },
        { "soft-hyphen", "a\xc2\xad" "b" },
        { "bom", "\xef\xbb\xbf" "abc" },
        { "noncharacter", "\xef\xbf\xbe" },
        { "noncharacter-plane1", "\xf0\x9f\xbf\xbf" },
        { "private-use", "\xee\x80\x80" },
        { "unassigned", "\xcd\xb8" },
        { "emoji", "\xf0\x9f\x98\x80" },
        { "hangul", "\xed\x95\x9c\xea\xb8\x80" },
        { "hangul-jamo", "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab" },
        { "cjk", "\xe6\x97\xa5\xe6\x9c\xac" },
        { "greek", "\xce\xb1\xce\xb2\xce\xb3" },
        { "combining-only", "\xcc\x81" },
        { "math-bold-A", "\xf0\x9d\x90\x80" },
        { "circled-1", "\xe2\x91\xa0" },
        { "invalid-ff", "ab\xff" },
        { "invalid-truncated", "ab\xc3" },
        { "invalid-overlong", "\xc0\xaf" },
        { "invalid-surrogate", "\xed\xa0\x80" },
        { "invalid-above-max", "\xf4\x90\x80\x80" },
        { "invalid-lone-cont", "\x80" "abc" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (unsigned f = 0; f <= GNUTLS_UTF8_IGNORE_ERRS; f++)
            show(cases[i].label, cases[i].s, (unsigned)strlen(cases[i].s), f);
    for (unsigned f = 0; f <= GNUTLS_UTF8_IGNORE_ERRS; f++) {
        show("empty", "", 0, f);
        show("empty-null", NULL, 0, f);
        show("embedded-nul", "a\0b", 3, f);
        show("prefix-length", "abc\xc3\xa9", 4, f);
    }

    /* every scalar value, alone and after 'a' (composition with a base) */
    for (uint32_t block = 0; block < 0x110000; block += 0x1000) {
        uint64_t h = 1469598103934665603ULL;
        for (uint32_t c = block; c < block + 0x1000; c++) {
            if (c >= 0xD800 && c <= 0xDFFF)
                continue;
            unsigned char buf[8];
            buf[0] = 'a';
            unsigned n = put_utf8(buf + 1, c);
            h = digest_one(h, buf + 1, n);
            h = digest_one(h, buf, n + 1);
        }
        printf("block %06x %016llx\n", (unsigned)block, (unsigned long long)h);
    }
    return 0;
}
