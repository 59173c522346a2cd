/* gnutls_utf8_password_normalize: RFC 8265 (formerly 7613) OpaqueString
 * preparation as GnuTLS 3.7.9 does it, with the same library (libunistring)
 * so that Unicode tables and therefore answers agree:
 *  - the input must be valid UTF-8;
 *  - every code point must be in the FreeformClass of RFC 8264 as GnuTLS
 *    approximates it: no default-ignorable, non-character or join-control
 *    code points, none of the contextual exceptions RFC 5892 marks
 *    disallowed, and anything outside printable ASCII and the letter,
 *    digit, mark, symbol, punctuation and space categories only if NFKC
 *    changes it (HasCompat);
 *  - every Zs space becomes U+0020, then the whole string is put in NFC.
 * With GNUTLS_UTF8_IGNORE_ERRS, input failing either check is returned as
 * it came. */
#include "gnossl.h"
#include "x509/x509.h"

#include <stdlib.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* RFC 5892 section 2.6 exceptions: 1 PVALID, 0 disallowed here (GnuTLS
 * implements no contextual rules, so CONTEXTO ones are refused too), -1
 * for every other code point. */
static int exception_class(ucs4_t c)
{
    static const ucs4_t pvalid[] = { 0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007 };
    static const ucs4_t refused[] = { 0xB7, 0x375, 0x5F3, 0x5F4, 0x30FB, 0x640, 0x7FA,
                                      0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B };
    for (size_t i = 0; i < sizeof pvalid / sizeof pvalid[0]; i++)
        if (c == pvalid[i])
            return 1;
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        if (c == refused[i])
            return 0;
    /* Arabic-Indic and extended Arabic-Indic digits */
    if ((c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9))
        return 0;
    return -1;
}

static uc_general_category_t valid_categories(void)
{
    static const uc_general_category_t *const cats[] = {
        &UC_CATEGORY_Ll, &UC_CATEGORY_Lu, &UC_CATEGORY_Lo, &UC_CATEGORY_Nd, &UC_CATEGORY_Lm, &UC_CATEGORY_Mn,
        &UC_CATEGORY_Mc, &UC_CATEGORY_Lt, &UC_CATEGORY_Nl, &UC_CATEGORY_No, &UC_CATEGORY_Me, &UC_CATEGORY_Sm,
        &UC_CATEGORY_Sc, &UC_CATEGORY_So, &UC_CATEGORY_Sk, &UC_CATEGORY_Pc, &UC_CATEGORY_Pd, &UC_CATEGORY_Ps,
        &UC_CATEGORY_Pe, &UC_CATEGORY_Pi, &UC_CATEGORY_Pf, &UC_CATEGORY_Po, &UC_CATEGORY_Zs,
    };
    uc_general_category_t all = *cats[0];
    for (size_t i = 1; i < sizeof cats / sizeof cats[0]; i++)
        all = uc_general_category_or(all, *cats[i]);
    return all;
}

/* NFKC maps c to something else (RFC 8264's HasCompat). */
static int has_compat(ucs4_t c)
{
    uint32_t buf[8];
    size_t n = sizeof buf / sizeof buf[0];
    uint32_t *r = u32_normalize(UNINORM_NFKC, &c, 1, buf, &n);
    int changed = r != NULL && !(n == 1 && r[0] == c);
    if (r != buf)
        free(r);
    return changed;
}

/* Checks the FreeformClass and maps spaces to U+0020 in place. */
static int freeform(uint32_t *s, size_t n)
{
    uc_general_category_t valid = valid_categories();
    for (size_t i = 0; i < n; i++) {
        if (uc_is_property_default_ignorable_code_point(s[i]) || uc_is_property_not_a_character(s[i]))
            return -1;
        int ex = exception_class(s[i]);
        if (ex == 0 || uc_is_property_join_control(s[i]))
            return -1;
        if (ex == 1)
            continue;
        if (uc_is_general_category(s[i], UC_CATEGORY_Zs))
            s[i] = 0x20;
        if ((s[i] < 0x21 || s[i] > 0x7E) && !uc_is_general_category(s[i], valid) && !has_compat(s[i]))
            return -1;
    }
    return 0;
}

int gnutls_utf8_password_normalize(const unsigned char *password, unsigned plen, gnutls_datum_t *out, unsigned flags)
{
    if (out == NULL || (password == NULL && plen > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (plen == 0)
        return gnossl_datum_set(out, "", 0);
    if (u8_check(password, plen) != NULL) {
        if (flags & GNUTLS_UTF8_IGNORE_ERRS)
            return gnossl_datum_set(out, password, plen);
        return GNOSSL_ERR(GNUTLS_E_INVALID_UTF8_STRING);
    }
    size_t n = 0, nfc_len = 0, u8_len = 0;
    uint32_t *ucs4 = u8_to_u32(password, plen, NULL, &n), *nfc = NULL;
    uint8_t *u8 = NULL;
    int ret;
    if (ucs4 == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_PARSING_ERROR);
    } else if (freeform(ucs4, n) < 0) {
        gnossl_debug("password: a code point outside RFC 8265's OpaqueString");
        ret = (flags & GNUTLS_UTF8_IGNORE_ERRS) ? gnossl_datum_set(out, password, plen)
                                                 : GNOSSL_ERR(GNUTLS_E_INVALID_PASSWORD_STRING);
    } else if ((nfc = u32_normalize(UNINORM_NFC, ucs4, n, NULL, &nfc_len)) == NULL ||
               (u8 = u32_to_u8(nfc, nfc_len, NULL, &u8_len)) == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_INVALID_PASSWORD_STRING);
    } else {
        ret = gnossl_datum_set(out, u8, u8_len);
    }
    free(ucs4);
    free(nfc);
    free(u8);
    return ret;
}
