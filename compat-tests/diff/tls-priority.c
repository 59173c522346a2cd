/* Priority strings: return code, err_pos offset and every getter's list for
 * a catalogue of good and bad strings (consumer strings included), run on
 * the real GnuTLS and on gnossl; the outputs must be identical. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_list(const char *what, int n, const unsigned *l)
{
    printf("  %s(%d):", what, n);
    for (int i = 0; i < n; i++)
        printf(" %u", l[i]);
    printf("\n");
}

static void dump(gnutls_priority_t p)
{
    const unsigned *l;
    int n;
#define SHOW(fn)                                                                                   \
    do {                                                                                           \
        l = NULL;                                                                                  \
        n = fn(p, &l);                                                                             \
        print_list(#fn + 16, n, l);                                                                \
    } while (0)
    SHOW(gnutls_priority_protocol_list);
    SHOW(gnutls_priority_cipher_list);
    SHOW(gnutls_priority_mac_list);
    SHOW(gnutls_priority_kx_list);
    SHOW(gnutls_priority_sign_list);
    SHOW(gnutls_priority_group_list);
    SHOW(gnutls_priority_ecc_curve_list);
    SHOW(gnutls_priority_compression_list);
    SHOW(gnutls_priority_certificate_type_list);
    l = NULL;
    n = gnutls_priority_certificate_type_list2(p, &l, GNUTLS_CTYPE_CLIENT);
    print_list("ctype-client", n, l);
    l = NULL;
    n = gnutls_priority_certificate_type_list2(p, &l, GNUTLS_CTYPE_SERVER);
    print_list("ctype-server", n, l);
    printf("  suites:");
    for (unsigned i = 0; i < 400; i++) {
        unsigned sidx;
        int r = gnutls_priority_get_cipher_suite_index(p, i, &sidx);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        if (r < 0) {
            printf(" [%d]", r);
            continue;
        }
        unsigned char id[2];
        const char *name = gnutls_cipher_suite_info(sidx, id, NULL, NULL, NULL, NULL);
        printf(" %02x%02x", id[0], id[1]);
        (void)name;
    }
    printf("\n");
}

static void try(const char *s, unsigned flags)
{
    gnutls_priority_t p = NULL;
    const char *ep = NULL;
    int r = gnutls_priority_init2(&p, s, &ep, flags);
    printf("[%s]%s ret=%d", s ? s : "(null)", flags ? " +DEF_APPEND" : "", r);
    if (r < 0)
        printf(" err_pos=%ld", ep == NULL ? -1L : (s && ep >= s && ep <= s + strlen(s)) ? (long)(ep - s) : -2L);
    printf("\n");
    if (r == 0) {
        dump(p);
        gnutls_priority_deinit(p);
    }
}

static const char *strings[] = {
    "NORMAL",
    "PFS",
    "SECURE128",
    "SECURE",
    "SECURE192",
    "SECURE256",
    "SUITEB128",
    "SUITEB192",
    "LEGACY",
    "PERFORMANCE",
    "normal",
    "NONE",
    "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
    "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.2",
    "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3",
    "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0",
    "NORMAL:-ARCFOUR-128:-CTYPE-ALL:+CTYPE-X509:-VERS-SSL3.0:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+SRP",
    "NORMAL:%COMPAT:-VERS-SSL3.0",
    "PFS:-VERS-SSL3.0",
    "NORMAL:-RSA:-VERS-SSL3.0",
    "NORMAL:-VERS-TLS-ALL:+VERS-SSL3.0",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:+VERS-DTLS1.2:%PROFILE_MEDIUM",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519",
    "NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+SIGN-ALL:+COMP-NULL:+ECDHE-RSA:+CURVE-X25519",
    "NONE:+VERS-TLS-ALL:+MAC-ALL:+RSA:+AES-128-CBC:+SIGN-ALL:+COMP-NULL",
    "NONE:+VERS-TLS-ALL:+AES-128-CBC:+ECDHE-RSA:+SHA1:+COMP-NULL:+SIGN-RSA-SHA1:+CURVE-SECP256R1",
    "NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-ALL:+CTYPE-ALL",
    "NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-EC-ALL",
    "NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-DH-ALL",
    "NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+CURVE-ALL",
    "NONE:+VERS-DTLS-ALL:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-ALL",
    "NONE:+VERS-ALL:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-ALL",
    "NORMAL:-VERS-DTLS-ALL",
    "NORMAL:-VERS-ALL:+VERS-DTLS-ALL",
    "NORMAL:+ANON-DH:+ANON-ECDH:+PSK:+DHE-PSK:+ECDHE-PSK:+RSA-PSK:+SRP:+SRP-RSA:+SRP-DSS:+DHE-DSS",
    "NORMAL:+CAMELLIA-128-GCM:+CAMELLIA-256-CBC:+3DES-CBC:+ARCFOUR-128:+NULL:+MD5:+SHA256:+SHA384",
    "NORMAL:+AES-128-CCM-8:+AES-256-CCM-8",
    "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305",
    "NORMAL:-MAC-ALL:+AEAD",
    "NORMAL:-KX-ALL:+ECDHE-ECDSA",
    "NORMAL:-SIGN-ALL:+SIGN-RSA-PSS-SHA256:+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-EDDSA-ED25519",
    "NORMAL:-SIGN-ALL",
    "NORMAL:-GROUP-ALL:+GROUP-X25519:+GROUP-FFDHE2048",
    "NORMAL:-GROUP-ALL",
    "NORMAL:-GROUP-EC-ALL",
    "NORMAL:-GROUP-DH-ALL:+GROUP-FFDHE3072",
    "NORMAL:-CURVE-ALL:+CURVE-SECP384R1:+CURVE-X448",
    "NORMAL:-CTYPE-ALL:+CTYPE-CLI-RAWPK:+CTYPE-SRV-X509",
    "NORMAL:+CTYPE-ALL",
    "NORMAL:+CTYPE-CLI-ALL:-CTYPE-SRV-ALL",
    "NORMAL:+CTYPE-OPENPGP",
    "NORMAL:+COMP-ALL:+COMP-DEFLATE:-COMP-NULL",
    "NORMAL:+GOST",
    "SECURE256:+SECURE128",
    "SECURE128:PFS",
    "NORMAL:+SUITEB192",
    "%COMPAT:NORMAL",
    "PERFORMANCE:%SERVER_PRECEDENCE",
    "NORMAL:%SERVER_PRECEDENCE:-CTYPE-ALL:+CTYPE-SRV-RAWPK",
    "NORMAL:%NO_EXTENSIONS",
    "NORMAL:%NO_TICKETS:%NO_TICKETS_TLS12:%NO_ETM:%FORCE_ETM:%NO_SESSION_HASH:%DUMBFW",
    "NORMAL:%UNSAFE_RENEGOTIATION:%SAFE_RENEGOTIATION:%PARTIAL_RENEGOTIATION:%DISABLE_SAFE_RENEGOTIATION",
    "NORMAL:%FALLBACK_SCSV:%DISABLE_WILDCARDS:%DISABLE_TLS13_COMPAT_MODE:%ALLOW_SMALL_RECORDS",
    "NORMAL:%VERIFY_ALLOW_BROKEN:%VERIFY_ALLOW_SIGN_RSA_MD5:%VERIFY_DISABLE_CRL_CHECKS:%VERIFY_ALLOW_X509_V1_CA_CRT",
    "NORMAL:%VERIFY_ALLOW_SIGN_WITH_SHA1",
    "NORMAL:%SSL3_RECORD_VERSION:%LATEST_RECORD_VERSION:%NEW_PADDING:%STATELESS_COMPRESSION",
    "NORMAL:%DEBUG_ALLOW_KEY_USAGE_VIOLATIONS",
    "NORMAL:%PROFILE_VERY_WEAK",
    "NORMAL:%PROFILE_LOW:%PROFILE_LEGACY:%PROFILE_HIGH:%PROFILE_ULTRA:%PROFILE_FUTURE",
    "NORMAL:%PROFILE_SUITEB128",
    "NORMAL:%PROFILE_SUITEB192",
    "NORMAL:%compat",
    "NORMAL:%NO_STATUS_REQUEST",
    "NORMAL:%FORCE_SESSION_HASH",
    "NORMAL:%NO_SHUFFLE_EXTENSIONS",
    "NORMAL:%ALLOW_KEY_USAGE_VIOLATIONS",
    "NORMAL:+VERS-DTLS0.9",
    "NONE:+VERS-DTLS0.9:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-ALL",
    "NONE:+VERS-SSL3.0:+VERS-TLS1.0:+CIPHER-ALL:+MAC-ALL:+KX-ALL",
    "NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+RSA:+SIGN-DSA-SHA1",
    "NONE:+VERS-TLS1.3:+CIPHER-ALL:+MAC-ALL:+SIGN-RSA-SHA256:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+PSK:+SIGN-ALL",
    "NONE:+VERS-TLS1.3:+CIPHER-ALL:+MAC-ALL:+ECDHE-PSK",
    "NORMAL:-CURVE-ALL:+CURVE-Ed25519:+CURVE-CryptoPro-A",
    "NORMAL:+GROUP-GC512B",
    "NORMAL:+SIGN-GOSTR341012-256:+SIGN-ALL:+SIGN-RSA-MD5",
    "NORMAL:+SIGN-GOST-ALL:+CIPHER-GOST-ALL:+MAC-GOST-ALL:+KX-GOST-ALL:+GROUP-GOST-ALL",
    "NORMAL:+Aes-256-gcm:+aead:+ecdhe-rsa:+vers-tls1.3:+sign-rsa-sha256:+group-x25519:+ctype-x509",
    "NORMAL:+AES-192-GCM:+SALSA20-256:+AES-128-CFB8",
    "NORMAL:+RSA-PSK:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
    "LEGACY:+LEGACY:-NORMAL",
    "NORMAL:+PFS",
    "NORMAL:%NO_EXTENSIONS:-VERS-TLS-ALL:+VERS-TLS1.3",
    "NORMAL:!VERS-TLS1.0:!RSA",
    "NORMAL: -RSA: +VERS-TLS1.3",
    "NORMAL:+MAC-FOO:+CIPHER-BAR:+KX-BAZ:+COMP-QUUX",
    "NORMAL:+VERS-TLS-ALLXYZ",
    "NORMAL:+ARCFOUR-40",
    "NORMAL:+SHA3-256",
    "NORMAL:+UMAC-96:+AES-CMAC-128",
    "NORMAL:+VKO-GOST-12:+GOST28147-TC26Z-CNT:+GOST28147-TC26Z-IMIT",
    "NORMAL:+RSA-EXPORT",
    "NORMAL:+DHE-DSS:+SIGN-DSA-SHA256",
    "NORMAL:-VERS-ALL:+VERS-ALL",
    "NORMAL:-VERS-TLS1.2",
    "NORMAL:-VERS-TLS1.2:-VERS-DTLS-ALL",
    "NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+RSA:+SIGN-RSA-MD5",
    "NONE:+VERS-TLS1.2:+VERS-TLS1.1:+AES-128-CBC:+SHA1:+RSA:+SIGN-RSA-MD5",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ECDSA-SHA256:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ECDSA-SHA1:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-RSA-SHA1:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-DSA-SHA256:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ECDSA-SECP256R1-SHA256:+GROUP-FFDHE2048",
    "SUITEB128:+VERS-TLS1.3",
    "NORMAL:+VERS-TLS1.3:+ECDHE-PSK:+PSK:+DHE-PSK",
    "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.3:-KX-ALL:+PSK",
    "NORMAL:+3DES-CBC:+ARCFOUR-128:+CAMELLIA-128-CBC:+SHA256:+MD5:-VERS-TLS-ALL:+VERS-TLS1.0",
    "NORMAL:+SRP-RSA:+SRP-DSS:-VERS-TLS-ALL:+VERS-TLS1.2:+VERS-TLS1.3",
    "NORMAL:-CTYPE-ALL",
    "NORMAL:-CTYPE-CLI-ALL:+CTYPE-CLI-X.509",
    "NORMAL:-COMP-ALL:+COMP-NULL:+COMP-DEFLATE",
    "PFS:-KX-ALL:+ECDHE-RSA:%NO_TICKETS",
    "NORMAL:-MAC-ALL:+SHA1",
    "NORMAL:-AES-256-GCM:-AES-256-CBC:-AES-256-CCM",
    "NORMAL:-GROUP-ALL:+GROUP-FFDHE2048:-VERS-TLS-ALL:+VERS-TLS1.3",
    "NORMAL:-GROUP-ALL:+GROUP-FFDHE2048:-KX-ALL:+ECDHE-RSA",
    "NORMAL:-GROUP-ALL:-KX-ALL:+RSA",
    "NORMAL:-SIGN-ALL:+SIGN-RSA-SHA256:-VERS-DTLS-ALL",
    "NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+ECDHE-RSA:+SIGN-ALL",
    "NONE:+VERS-DTLS1.2:+AES-128-GCM:+AEAD:+ECDHE-RSA:+SIGN-ALL:+GROUP-ALL",
    "NONE:+VERS-DTLS1.0:+ARCFOUR-128:+SHA1:+RSA:+SIGN-ALL",
    "NONE:+VERS-TLS1.0:+ARCFOUR-128:+SHA1:+RSA:+SIGN-ALL",
    /* malformed */
    "",
    "NORMAL:",
    ":NORMAL",
    "NORMAL::+RSA",
    "FOO",
    "NORMAL:FOO",
    "NORMAL:+FOO",
    "NORMAL:-FOO:+RSA",
    "NORMAL:+VERS-TLS1.4",
    "NORMAL:+VERS-SSL2.0",
    "NORMAL:+VERS-",
    "NORMAL:+SIGN-FOO",
    "NORMAL:+GROUP-FOO",
    "NORMAL:+CURVE-FOO",
    "NORMAL:+CTYPE-FOO",
    "NORMAL:+CTYPE-CLI-FOO",
    "NORMAL:+CTYPE-SRV-FOO",
    "NORMAL:%FOO",
    "NORMAL:%",
    "NORMAL:+",
    "NORMAL:*RSA",
    "NORMAL:RSA",
    "NORMAL:-VERS-TLS-ALL:%COMPAT:+VERS-TLS9",
    "NORMAL: +FOO",
    "NORMAL:  -RSA:+BAR",
    " NORMAL:+FOO",
    "NONE",
    "NONE:+VERS-TLS1.2",
    "NONE:+VERS-TLS1.2:+AES-128-GCM",
    "NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+RSA",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL",
    "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL",
    "NONE:+VERS-TLS1.3:+VERS-TLS1.1:+AES-128-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL:+RSA",
    "NORMAL:-VERS-ALL",
    "NORMAL:-CIPHER-ALL",
    "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.0:+VERS-TLS1.1",
    "NORMAL:+NULL:-VERS-TLS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
    "@SYSTEM",
    "@SYSTEM:+VERS-TLS1.3",
    "@FOO,SYSTEM",
    "@FOO",
    NULL,
};

int main(void)
{
    gnutls_global_init();
    for (unsigned i = 0; i < sizeof strings / sizeof strings[0]; i++)
        try(strings[i], 0);
    try(NULL, 0);
    try("%COMPAT:-VERS-TLS1.1:-VERS-TLS1.0", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("-VERS-TLS-ALL:+VERS-TLS1.3:%COMPAT", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("%FORCE_ETM", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("+FOO", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("%COMPAT:+BAR", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try(NULL, GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("NORMAL", GNUTLS_PRIORITY_INIT_DEF_APPEND);

    /* the legacy entry point, and a long string beyond the element limit */
    {
        gnutls_priority_t p;
        const char *ep;
        printf("init(NORMAL)=%d\n", gnutls_priority_init(&p, "NORMAL:-RSA", &ep));
        gnutls_priority_deinit(p);
        const char *bad = "NORMAL:-RSA:+XYZ";
        int r = gnutls_priority_init(&p, bad, &ep);
        printf("init(bad)=%d pos=%ld\n", r, (long)(ep - bad));
        printf("init(bad, no err_pos)=%d\n", gnutls_priority_init(&p, "NORMAL:+XYZ", NULL));
        char buf[4096] = "NORMAL";
        for (int i = 0; i < 140; i++)
            strcat(buf, ":+RSA");
        try(buf, 0);
        strcat(buf, ":+XYZ");
        try(buf, 0);
    }

    for (unsigned i = 0;; i++) {
        const char *s = gnutls_priority_string_list(i, GNUTLS_PRIORITY_LIST_INIT_KEYWORDS);
        if (s == NULL)
            break;
        printf("keyword %u '%s'\n", i, s);
    }
    for (unsigned i = 0;; i++) {
        const char *s = gnutls_priority_string_list(i, GNUTLS_PRIORITY_LIST_SPECIAL);
        if (s == NULL)
            break;
        printf("special %u '%s'\n", i, s);
    }
    printf("neither: %s\n", gnutls_priority_string_list(0, 0) ? "string" : "NULL");
    gnutls_global_deinit();
    return 0;
}
