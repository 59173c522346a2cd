/* 8000 generated priority strings (fixed seed): keyword and item soup with
 * valid and invalid names, odd prefixes, case changes, spaces and empty
 * elements.  Each line: return code, err_pos offset and a digest of every
 * getter's list, so real GnuTLS and gnossl must agree string by string. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

static unsigned long long rng = 0x9e3779b97f4a7c15ull;
static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *initial[] = {"NORMAL", "PFS", "SECURE128", "SECURE192", "SECURE256", "SUITEB128",
                                "SUITEB192", "LEGACY", "PERFORMANCE", "NONE", "SECURE", "normal",
                                "%COMPAT", "", "FOO"};
static const char *names[] = {
    "VERS-TLS1.3", "VERS-TLS1.2", "VERS-TLS1.1", "VERS-TLS1.0", "VERS-SSL3.0", "VERS-DTLS1.2",
    "VERS-DTLS1.0", "VERS-DTLS0.9", "VERS-ALL", "VERS-TLS-ALL", "VERS-DTLS-ALL", "VERS-TLS1.9",
    "AES-128-GCM", "AES-256-GCM", "AES-128-CBC", "AES-256-CBC", "AES-128-CCM", "AES-256-CCM",
    "AES-128-CCM-8", "CHACHA20-POLY1305", "CAMELLIA-128-GCM", "CAMELLIA-256-CBC", "3DES-CBC",
    "ARCFOUR-128", "NULL", "CIPHER-ALL", "CIPHER-GOST-ALL", "GOST28147-TC26Z-CNT",
    "SHA1", "SHA256", "SHA384", "MD5", "AEAD", "MAC-ALL", "MAC-NULL", "UMAC-96",
    "RSA", "DHE-RSA", "DHE-DSS", "ECDHE-RSA", "ECDHE-ECDSA", "PSK", "DHE-PSK", "ECDHE-PSK",
    "RSA-PSK", "SRP", "SRP-RSA", "SRP-DSS", "ANON-DH", "ANON-ECDH", "KX-ALL", "VKO-GOST-12",
    "SIGN-ALL", "SIGN-RSA-SHA256", "SIGN-RSA-PSS-SHA256", "SIGN-RSA-PSS-RSAE-SHA384",
    "SIGN-ECDSA-SHA256", "SIGN-ECDSA-SECP256R1-SHA256", "SIGN-EdDSA-Ed25519", "SIGN-RSA-SHA1",
    "SIGN-DSA-SHA1", "SIGN-GOST-ALL", "SIGN-FOO",
    "GROUP-ALL", "GROUP-EC-ALL", "GROUP-DH-ALL", "GROUP-X25519", "GROUP-X448", "GROUP-SECP256R1",
    "GROUP-SECP384R1", "GROUP-FFDHE2048", "GROUP-FFDHE8192", "GROUP-GC256A", "GROUP-FOO",
    "CURVE-ALL", "CURVE-SECP521R1", "CURVE-X25519", "CURVE-FOO",
    "CTYPE-ALL", "CTYPE-X509", "CTYPE-X.509", "CTYPE-RAWPK", "CTYPE-OPENPGP", "CTYPE-CLI-ALL",
    "CTYPE-SRV-ALL", "CTYPE-CLI-RAWPK", "CTYPE-SRV-X509", "CTYPE-FOO",
    "COMP-NULL", "COMP-ALL", "COMP-DEFLATE", "GOST", "NORMAL", "PFS", "SECURE128", "SUITEB128",
    "LEGACY", "PERFORMANCE", "FOO", "", "rsa", "aes-128-gcm", "vers-tls1.2", "Sign-All"};
static const char *options[] = {"COMPAT", "NO_TICKETS", "NO_TICKETS_TLS12", "SERVER_PRECEDENCE",
                                "NO_EXTENSIONS", "PROFILE_MEDIUM", "PROFILE_HIGH", "NO_ETM",
                                "FORCE_ETM", "SAFE_RENEGOTIATION", "UNSAFE_RENEGOTIATION",
                                "DISABLE_TLS13_COMPAT_MODE", "FALLBACK_SCSV", "VERIFY_ALLOW_BROKEN",
                                "compat", "FOO", ""};

static unsigned digest(gnutls_priority_t p)
{
    unsigned h = 2166136261u;
    const unsigned *l;
    int (*fns[])(gnutls_priority_t, const unsigned **) = {
        gnutls_priority_protocol_list, gnutls_priority_cipher_list, gnutls_priority_mac_list,
        gnutls_priority_kx_list,       gnutls_priority_sign_list,   gnutls_priority_group_list,
        gnutls_priority_ecc_curve_list, gnutls_priority_certificate_type_list};
    for (unsigned f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        int n = fns[f](p, &l);
        h = (h ^ (unsigned)n) * 16777619u;
        for (int i = 0; i < n; i++)
            h = (h ^ l[i]) * 16777619u;
    }
    for (unsigned i = 0;; i++) {
        unsigned sidx;
        int r = gnutls_priority_get_cipher_suite_index(p, i, &sidx);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        h = (h ^ (r < 0 ? 0xffffu : sidx)) * 16777619u;
    }
    return h;
}

int main(void)
{
    char s[2048];
    gnutls_global_init();
    for (int t = 0; t < 8000; t++) {
        size_t len = 0;
        int n = 1 + (int)next(9);
        s[0] = 0;
        if (next(5) != 0)
            len += (size_t)snprintf(s + len, sizeof s - len, "%s", initial[next(sizeof initial / sizeof *initial)]);
        for (int i = 0; i < n && len < sizeof s - 64; i++) {
            static const char *seps[] = {":", ":", ":", ":", ": ", ":  ", "::"};
            if (len > 0 || next(4) == 0)
                len += (size_t)snprintf(s + len, sizeof s - len, "%s", seps[next(7)]);
            unsigned k = next(20);
            if (k < 2)
                len += (size_t)snprintf(s + len, sizeof s - len, "%%%s", options[next(sizeof options / sizeof *options)]);
            else {
                static const char *pre[] = {"+", "+", "+", "-", "-", "!", "", "*"};
                len += (size_t)snprintf(s + len, sizeof s - len, "%s%s", pre[next(8)],
                                        names[next(sizeof names / sizeof *names)]);
            }
        }
        gnutls_priority_t p = NULL;
        const char *ep = NULL;
        unsigned flags = next(8) == 0 ? GNUTLS_PRIORITY_INIT_DEF_APPEND : 0;
        int r = gnutls_priority_init2(&p, s, &ep, flags);
        printf("%d [%s]%s %d", t, s, flags ? " +append" : "", r);
        if (r < 0)
            printf(" @%ld\n", ep == NULL ? -1L : (ep >= s && ep <= s + strlen(s)) ? (long)(ep - s) : -2L);
        else {
            printf(" %08x\n", digest(p));
            gnutls_priority_deinit(p);
        }
    }
    gnutls_global_deinit();
    return 0;
}
