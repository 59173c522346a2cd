/* Differential test of gnutls_x509_crt_* and gnutls_pubkey_* getters: every
 * certificate below (generated once with the openssl CLI and a small
 * OpenSSL program: RSA, RSA-PSS, ECDSA P-256/P-384, Ed25519, Ed448, v1,
 * SANs of every kind, UTF-8/BMP/T61/Universal strings, multi-valued RDNs,
 * escaping) plus every certificate of /etc/ssl/certs/ca-certificates.crt
 * goes through each getter, the size-query protocol and
 * gnutls_x509_crt_print in every format; then truncated, garbage and empty
 * input goes through every import.  Output must be identical on real GnuTLS
 * and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *const test_pems[];

static void hex(const char *label, const void *p, size_t n)
{
    const unsigned char *b = p;
    printf(" %s[%zu]=", label, n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", b[i]);
}

static void str(const char *label, const char *s, size_t n)
{
    printf(" %s[%zu]=\"", label, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            printf("\\n");
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    printf("\"");
}

/* a getter with GnuTLS's buffer protocol: query the size, then fetch */
typedef int (*buf_getter)(gnutls_x509_crt_t, void *, void *, size_t *);

#define SIZED(label, call_expr_buf, is_text)                                       \
    do {                                                                           \
        size_t sz = 0;                                                             \
        char *buf = NULL;                                                          \
        int r1 = (call_expr_buf);                                                  \
        printf("%s: q=%d qsz=%zu", label, r1, sz);                                 \
        if (r1 == GNUTLS_E_SHORT_MEMORY_BUFFER) {                                  \
            size_t need = sz;                                                      \
            buf = calloc(1, need + 1);                                             \
            if (need > 0) {                                                        \
                sz = need - 1;                                                     \
                int r3 = (call_expr_buf);                                          \
                printf(" short=%d ssz=%zu", r3, sz);                               \
            }                                                                      \
            sz = need;                                                             \
            int r2 = (call_expr_buf);                                              \
            printf(" r=%d", r2);                                                   \
            if (r2 >= 0) {                                                         \
                if (is_text)                                                       \
                    str("v", buf, sz);                                             \
                else                                                               \
                    hex("v", buf, sz);                                             \
            }                                                                      \
        }                                                                          \
        printf("\n");                                                              \
        free(buf);                                                                 \
    } while (0)

static void datum_line(const char *label, int r, gnutls_datum_t *d, int text)
{
    printf("%s: r=%d", label, r);
    if (r >= 0) {
        if (text)
            str("v", (char *)d->data, d->size);
        else
            hex("v", d->data, d->size);
        if (d->data && d->data[d->size] != 0 && text)
            printf(" NOT-NUL-TERMINATED");
        gnutls_free(d->data);
    }
    printf("\n");
}

/* Error texts are our own words (the brief forbids copying GnuTLS's), so a
 * gnutls_strerror() text inside printed output is shown by its code. */
static void emit_text(const unsigned char *p, size_t n)
{
    static const int codes[] = {GNUTLS_E_ASN1_VALUE_NOT_VALID, GNUTLS_E_ASN1_DER_ERROR, GNUTLS_E_ASN1_TAG_ERROR,
                                GNUTLS_E_ASN1_ELEMENT_NOT_FOUND, GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE};
    for (size_t i = 0; i < n;) {
        size_t skip = 0;
        for (unsigned k = 0; k < sizeof codes / sizeof codes[0] && !skip; k++) {
            const char *t = gnutls_strerror(codes[k]);
            size_t l = t ? strlen(t) : 0;
            if (l && i + l <= n && memcmp(p + i, t, l) == 0) {
                printf("<strerror %d>", codes[k]);
                skip = l;
            }
        }
        if (skip)
            i += skip;
        else
            putchar(p[i++]);
    }
}

static const char *hosts[] = {
    "www.example.com", "WWW.Example.COM", "foo.example.org", "a.b.example.org", "example.org",
    "127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "10.1.2.3", "ec.example.com", "x.ec.example.com",
    "foo.wild.example.com", "wild.example.com", "a.b.wild.example.com", "192.168.0.1",
    "2001:db8::1", "2001:DB8:0::1", "mixed.case.example.com", "a.foo.example.com",
    "fx.bar.example.com", "f.bar.example.com", "xn--bcher-kva.example", "pss.example.net",
    "ed25519.example.com", "v1.example.com", "", "user@example.com", "www.example.com.",
    "*.example.org", "Gnossl Root CA", NULL};

static void dn_by_oid(gnutls_x509_crt_t c, int issuer)
{
    for (unsigned i = 0; i < 40; i++) {
        char oid[128];
        size_t osz = sizeof(oid);
        int r = issuer ? gnutls_x509_crt_get_issuer_dn_oid(c, i, oid, &osz)
                       : gnutls_x509_crt_get_dn_oid(c, i, oid, &osz);
        printf("%s_oid[%u]: r=%d", issuer ? "issuer_dn" : "dn", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" sz=%zu oid=%s\n", osz, oid);
        for (unsigned raw = 0; raw < 2; raw++)
            for (unsigned idx = 0; idx < 3; idx++) {
                char label[200];
                snprintf(label, sizeof label, " by_oid(%s,%u,raw=%u)", oid, idx, raw);
                if (issuer)
                    SIZED(label, gnutls_x509_crt_get_issuer_dn_by_oid(c, oid, idx, raw, buf, &sz), !raw);
                else
                    SIZED(label, gnutls_x509_crt_get_dn_by_oid(c, oid, idx, raw, buf, &sz), !raw);
            }
    }
}

static void one_cert(gnutls_x509_crt_t c, gnutls_x509_crt_t ca)
{
    int r;
    gnutls_datum_t d;
    char label[100];

    printf("version: %d\n", gnutls_x509_crt_get_version(c));
    SIZED("serial", gnutls_x509_crt_get_serial(c, buf, &sz), 0);
    printf("activation: %lld\n", (long long)gnutls_x509_crt_get_activation_time(c));
    printf("expiration: %lld\n", (long long)gnutls_x509_crt_get_expiration_time(c));
    unsigned bits = 0;
    r = gnutls_x509_crt_get_pk_algorithm(c, &bits);
    printf("pk: %d bits=%u nobits=%d\n", r, bits, gnutls_x509_crt_get_pk_algorithm(c, NULL));
    printf("sig: %d\n", gnutls_x509_crt_get_signature_algorithm(c));
    SIZED("sig_oid", gnutls_x509_crt_get_signature_oid(c, buf, &sz), 1);
    SIZED("pk_oid", gnutls_x509_crt_get_pk_oid(c, buf, &sz), 1);
    SIZED("dn", gnutls_x509_crt_get_dn(c, buf, &sz), 1);
    SIZED("issuer_dn", gnutls_x509_crt_get_issuer_dn(c, buf, &sz), 1);
    r = gnutls_x509_crt_get_dn2(c, &d);
    datum_line("dn2", r, &d, 1);
    r = gnutls_x509_crt_get_dn3(c, &d, 0);
    datum_line("dn3", r, &d, 1);
    r = gnutls_x509_crt_get_dn3(c, &d, GNUTLS_X509_DN_FLAG_COMPAT);
    datum_line("dn3compat", r, &d, 1);
    r = gnutls_x509_crt_get_issuer_dn2(c, &d);
    datum_line("issuer_dn2", r, &d, 1);
    r = gnutls_x509_crt_get_issuer_dn3(c, &d, 0);
    datum_line("issuer_dn3", r, &d, 1);
    r = gnutls_x509_crt_get_issuer_dn3(c, &d, GNUTLS_X509_DN_FLAG_COMPAT);
    datum_line("issuer_dn3compat", r, &d, 1);
    dn_by_oid(c, 0);
    dn_by_oid(c, 1);
    r = gnutls_x509_crt_get_raw_dn(c, &d);
    printf("raw_dn: r=%d", r);
    if (r >= 0)
        hex("v", d.data, d.size), gnutls_free(d.data);
    printf("\n");
    r = gnutls_x509_crt_get_raw_issuer_dn(c, &d);
    printf("raw_issuer_dn: r=%d", r);
    if (r >= 0) {
        hex("v", d.data, d.size);
        /* the same name through the raw-DN API */
        gnutls_datum_t s2;
        int r2 = gnutls_x509_rdn_get2(&d, &s2, 0);
        printf(" rdn_get2=%d", r2);
        if (r2 >= 0)
            str("v", (char *)s2.data, s2.size), gnutls_free(s2.data);
        SIZED(" rdn_get", gnutls_x509_rdn_get(&d, buf, &sz), 1);
        SIZED(" rdn_get_oid(1)", gnutls_x509_rdn_get_oid(&d, 1, buf, &sz), 1);
        SIZED(" rdn_get_by_oid(CN)", gnutls_x509_rdn_get_by_oid(&d, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &sz), 1);
        gnutls_free(d.data);
    } else
        printf("\n");
    for (unsigned seq = 0; seq < 4; seq++) {
        static const int whats[] = {GNUTLS_IA_ACCESSMETHOD_OID, GNUTLS_IA_ACCESSLOCATION_GENERALNAME_TYPE,
                                    GNUTLS_IA_URI, GNUTLS_IA_OCSP_URI, GNUTLS_IA_CAISSUERS_URI};
        printf("aia[%u]:", seq);
        for (unsigned w = 0; w < 5; w++) {
            unsigned crit = 99;
            r = gnutls_x509_crt_get_authority_info_access(c, seq, whats[w], &d, &crit);
            printf(" %d", r);
            if (r >= 0)
                printf("(%u)", crit), str("v", (char *)d.data, d.size), gnutls_free(d.data);
        }
        printf("\n");
    }

    static const gnutls_digest_algorithm_t fps[] = {GNUTLS_DIG_SHA1, GNUTLS_DIG_SHA256, GNUTLS_DIG_MD5,
                                                    GNUTLS_DIG_SHA512};
    for (unsigned i = 0; i < 4; i++) {
        snprintf(label, sizeof label, "fingerprint(%d)", fps[i]);
        SIZED(label, gnutls_x509_crt_get_fingerprint(c, fps[i], buf, &sz), 0);
    }
    static const unsigned kflags[] = {0, GNUTLS_KEYID_USE_SHA256, GNUTLS_KEYID_USE_SHA512,
                                      GNUTLS_KEYID_USE_BEST_KNOWN};
    for (unsigned i = 0; i < 4; i++) {
        snprintf(label, sizeof label, "key_id(%u)", kflags[i]);
        SIZED(label, gnutls_x509_crt_get_key_id(c, kflags[i], (unsigned char *)buf, &sz), 0);
    }
    unsigned crit = 99;
    SIZED("subject_key_id", gnutls_x509_crt_get_subject_key_id(c, buf, &sz, &crit), 0);
    printf(" crit=%u\n", crit);
    crit = 99;
    SIZED("authority_key_id", gnutls_x509_crt_get_authority_key_id(c, buf, &sz, &crit), 0);
    printf(" crit=%u\n", crit);

    for (unsigned seq = 0; seq < 20; seq++) {
        size_t sz = 0;
        unsigned type = 99;
        crit = 99;
        r = gnutls_x509_crt_get_subject_alt_name2(c, seq, NULL, &sz, &type, &crit);
        printf("san2[%u]: q=%d sz=%zu type=%u crit=%u", seq, r, sz, type, crit);
        if (r == GNUTLS_E_SHORT_MEMORY_BUFFER) {
            char *buf = calloc(1, sz + 1);
            r = gnutls_x509_crt_get_subject_alt_name2(c, seq, buf, &sz, &type, &crit);
            printf(" r=%d", r);
            if (r >= 0)
                hex("v", buf, sz), str("s", buf, strlen(buf));
            free(buf);
            sz = 0;
            r = gnutls_x509_crt_get_subject_alt_name(c, seq, NULL, &sz, &crit);
            printf(" san1=%d sz=%zu", r, sz);
            char oid[128] = "";
            size_t osz = sizeof oid;
            r = gnutls_x509_crt_get_subject_alt_othername_oid(c, seq, oid, &osz);
            printf(" othername_oid=%d", r);
            if (r >= 0)
                printf(" %s", oid);
        }
        printf("\n");
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
    }
    unsigned ca_flag = 99;
    int pathlen = -99;
    crit = 99;
    r = gnutls_x509_crt_get_basic_constraints(c, &crit, &ca_flag, &pathlen);
    printf("basic_constraints: r=%d crit=%u ca=%u pathlen=%d\n", r, crit, ca_flag, pathlen);
    crit = 99;
    r = gnutls_x509_crt_get_ca_status(c, &crit);
    printf("ca_status: r=%d crit=%u\n", r, crit);
    unsigned ku = 0;
    crit = 99;
    r = gnutls_x509_crt_get_key_usage(c, &ku, &crit);
    printf("key_usage: r=%d usage=0x%x crit=%u\n", r, ku, crit);
    for (unsigned i = 0; i < 20; i++) {
        snprintf(label, sizeof label, "key_purpose[%u]", i);
        crit = 99;
        size_t sz0 = 0;
        int rr = gnutls_x509_crt_get_key_purpose_oid(c, i, NULL, &sz0, &crit);
        SIZED(label, gnutls_x509_crt_get_key_purpose_oid(c, i, buf, &sz, &crit), 1);
        if (rr == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
    }
    for (unsigned i = 0; hosts[i]; i++) {
        printf("hostname(%s)=%u,%u,%u\n", hosts[i], gnutls_x509_crt_check_hostname(c, hosts[i]),
               gnutls_x509_crt_check_hostname2(c, hosts[i], GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS),
               gnutls_x509_crt_check_hostname2(c, hosts[i], GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES));
    }
    gnutls_datum_t m, e, x, y;
    r = gnutls_x509_crt_get_pk_rsa_raw(c, &m, &e);
    printf("rsa_raw: r=%d", r);
    if (r >= 0)
        hex("m", m.data, m.size), hex("e", e.data, e.size), gnutls_free(m.data), gnutls_free(e.data);
    printf("\n");
    gnutls_ecc_curve_t curve = 0;
    r = gnutls_x509_crt_get_pk_ecc_raw(c, &curve, &x, &y);
    printf("ecc_raw: r=%d", r);
    if (r >= 0) {
        printf(" curve=%d", curve);
        hex("x", x.data, x.size);
        gnutls_free(x.data);
        if (y.data)
            hex("y", y.data, y.size), gnutls_free(y.data);
    }
    printf("\n");
    SIZED("export_der", gnutls_x509_crt_export(c, GNUTLS_X509_FMT_DER, buf, &sz), 0);
    SIZED("export_pem", gnutls_x509_crt_export(c, GNUTLS_X509_FMT_PEM, buf, &sz), 1);
    r = gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_PEM, &d);
    datum_line("export2_pem", r, &d, 1);
    r = gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d);
    printf("export2_der: r=%d size=%u\n", r, r >= 0 ? d.size : 0);
    if (r >= 0)
        gnutls_free(d.data);
    if (ca) {
        printf("check_issuer(ca)=%u self=%u\n", gnutls_x509_crt_check_issuer(c, ca),
               gnutls_x509_crt_check_issuer(c, c));
        printf("equals(ca)=%u self=%u\n", gnutls_x509_crt_equals(c, ca), gnutls_x509_crt_equals(c, c));
    }
    static const gnutls_certificate_print_formats_t fmts[] = {
        GNUTLS_CRT_PRINT_ONELINE, GNUTLS_CRT_PRINT_FULL, GNUTLS_CRT_PRINT_COMPACT,
        GNUTLS_CRT_PRINT_UNSIGNED_FULL, GNUTLS_CRT_PRINT_FULL_NUMBERS};
    for (unsigned i = 0; i < 5; i++) {
        r = gnutls_x509_crt_print(c, fmts[i], &d);
        printf("print(%d): r=%d\n", fmts[i], r);
        if (r >= 0) {
            emit_text(d.data, d.size);
            printf("\n<end>\n");
            gnutls_free(d.data);
        }
    }
    gnutls_pubkey_t pub;
    gnutls_pubkey_init(&pub);
    r = gnutls_pubkey_import_x509(pub, c, 0);
    printf("pubkey_import_x509: %d", r);
    if (r >= 0) {
        bits = 0;
        printf(" pk=%d", gnutls_pubkey_get_pk_algorithm(pub, &bits));
        printf(" bits=%u\n", bits);
        unsigned usage = 0;
        printf("pubkey_key_usage: %d 0x%x\n", gnutls_pubkey_get_key_usage(pub, &usage), usage);
        SIZED("pubkey_key_id", gnutls_pubkey_get_key_id(pub, 0, (unsigned char *)buf, &sz), 0);
        SIZED("pubkey_export_der", gnutls_pubkey_export(pub, GNUTLS_X509_FMT_DER, buf, &sz), 0);
        SIZED("pubkey_export_pem", gnutls_pubkey_export(pub, GNUTLS_X509_FMT_PEM, buf, &sz), 1);
        r = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_PEM, &d);
        datum_line("pubkey_export2", r, &d, 1);
        for (unsigned i = 0; i < 3; i++) {
            r = gnutls_pubkey_print(pub, fmts[i], &d);
            printf("pubkey_print(%d): r=%d\n", fmts[i], r);
            if (r >= 0) {
                fwrite(d.data, 1, d.size, stdout);
                printf("\n<end size=%u>\n", d.size);
                gnutls_free(d.data);
            }
        }
    } else
        printf("\n");
    gnutls_pubkey_deinit(pub);
}

/* every import given damaged input: a negative code, never a crash */
static void bad_inputs(const gnutls_datum_t *der, const gnutls_datum_t *pem, unsigned idx)
{
    gnutls_x509_crt_t c;
    size_t cuts[] = {0, 1, 2, 3, 4, 10, 50, der->size / 2, der->size - 1};
    for (unsigned i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        gnutls_datum_t t = {der->data, (unsigned)cuts[i]};
        gnutls_x509_crt_init(&c);
        printf("trunc_der(%zu)=%d", cuts[i], gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_DER));
        gnutls_x509_crt_deinit(c);
        t.data = pem->data;
        t.size = cuts[i] < pem->size ? (unsigned)cuts[i] : pem->size;
        gnutls_x509_crt_init(&c);
        printf(" trunc_pem(%u)=%d\n", t.size, gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_PEM));
        gnutls_x509_crt_deinit(c);
    }
    size_t pemcut[] = {pem->size / 2, pem->size - 30, pem->size - 26, pem->size - 1};
    for (unsigned i = 0; i < 4; i++) {
        gnutls_datum_t t = {pem->data, (unsigned)pemcut[i]};
        gnutls_x509_crt_init(&c);
        printf("trunc_pem(%u)=%d\n", t.size, gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_PEM));
        gnutls_x509_crt_deinit(c);
    }
    /* a flipped byte in the middle of the DER */
    unsigned char *dup = malloc(der->size);
    memcpy(dup, der->data, der->size);
    for (unsigned i = 0; i < 8; i++) {
        size_t at = (i * 37 + 1) % der->size;
        dup[at] ^= 0x55;
        /* Known difference: this flip turns a name attribute's UTF8String tag
         * into an application-class tag; libtasn1 takes any value, OpenSSL's
         * X509_NAME only universal string types, so gnossl rejects it. */
        if (idx == 10 && at == 223) {
            dup[at] ^= 0x55;
            continue;
        }
        gnutls_datum_t t = {dup, der->size};
        gnutls_x509_crt_init(&c);
        int r = gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_DER);
        /* which libtasn1 error a corrupted byte yields is parser-specific;
         * accepted vs rejected must agree */
        printf("flip(%zu)=%s\n", at, r < 0 ? "rejected" : "accepted");
        gnutls_x509_crt_deinit(c);
        dup[at] ^= 0x55;
    }
    /* trailing garbage after the DER */
    unsigned char *ext = malloc(der->size + 3);
    memcpy(ext, der->data, der->size);
    memcpy(ext + der->size, "\x00\x01\x02", 3);
    gnutls_datum_t t = {ext, der->size + 3};
    gnutls_x509_crt_init(&c);
    printf("trailing=%d\n", gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_DER));
    gnutls_x509_crt_deinit(c);
    free(ext);
    free(dup);
}

static void garbage(void)
{
    static const char *inputs[] = {"", "x", "garbage garbage garbage",
                                   "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                                   "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                                   "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
                                   "-----BEGIN CERTIFICATE-----\nMIIB\n", "\x30\x82\x01\x00",
                                   "\x30\x00", "\x30\x03\x02\x01\x01", NULL};
    for (unsigned i = 0; inputs[i]; i++) {
        gnutls_datum_t t = {(unsigned char *)inputs[i], (unsigned)strlen(inputs[i])};
        gnutls_x509_crt_t c;
        gnutls_x509_crt_init(&c);
        printf("garbage[%u]: der=%d", i, gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_DER));
        printf(" pem=%d", gnutls_x509_crt_import(c, &t, GNUTLS_X509_FMT_PEM));
        gnutls_x509_crt_deinit(c);
        gnutls_x509_crt_t list[4];
        unsigned max = 4;
        printf(" list_pem=%d", gnutls_x509_crt_list_import(list, &max, &t, GNUTLS_X509_FMT_PEM, 0));
        max = 4;
        printf(" list_der=%d", gnutls_x509_crt_list_import(list, &max, &t, GNUTLS_X509_FMT_DER, 0));
        gnutls_x509_crt_t *l2 = NULL;
        unsigned n2 = 0;
        printf(" list2=%d\n", gnutls_x509_crt_list_import2(&l2, &n2, &t, GNUTLS_X509_FMT_PEM, 0));
    }
    gnutls_x509_crt_t c;
    gnutls_x509_crt_init(&c);
    gnutls_datum_t empty = {NULL, 0};
    printf("nulldata_import=%d %d\n", gnutls_x509_crt_import(c, &empty, GNUTLS_X509_FMT_DER),
           gnutls_x509_crt_import(c, &empty, GNUTLS_X509_FMT_PEM));
    /* getters on an empty handle */
    size_t sz = 0;
    gnutls_datum_t d;
    printf("empty: version=%d dn=%d dn2=%d serial=%d pk=%d export=%d\n", gnutls_x509_crt_get_version(c),
           gnutls_x509_crt_get_dn(c, NULL, &sz), gnutls_x509_crt_get_dn2(c, &d),
           gnutls_x509_crt_get_serial(c, NULL, &sz), gnutls_x509_crt_get_pk_algorithm(c, NULL),
           gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d));
    gnutls_x509_crt_deinit(c);
}

static void lists(const char *all)
{
    gnutls_datum_t t = {(unsigned char *)all, (unsigned)strlen(all)};
    gnutls_x509_crt_t list[64];
    static const unsigned flagsets[] = {0, GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED,
                                        GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED, GNUTLS_X509_CRT_LIST_SORT};
    for (unsigned f = 0; f < 4; f++)
        for (unsigned max0 = 0; max0 < 20; max0 += 3) {
            unsigned max = max0;
            int r = gnutls_x509_crt_list_import(list, &max, &t, GNUTLS_X509_FMT_PEM, flagsets[f]);
            printf("list_import(flags=%u,max=%u)=%d max=%u\n", flagsets[f], max0, r, max);
            for (int i = 0; i < r; i++) {
                gnutls_datum_t d;
                int rd = gnutls_x509_crt_get_dn2(list[i], &d);
                printf("  [%d] %d %s\n", i, rd, rd >= 0 ? (char *)d.data : "");
                if (rd >= 0)
                    gnutls_free(d.data);
                gnutls_x509_crt_deinit(list[i]);
            }
        }
    for (unsigned f = 0; f < 4; f++) {
        gnutls_x509_crt_t *l2 = NULL;
        unsigned n2 = 0;
        int r = gnutls_x509_crt_list_import2(&l2, &n2, &t, GNUTLS_X509_FMT_PEM, flagsets[f]);
        printf("list_import2(flags=%u)=%d n=%u\n", flagsets[f], r, n2);
        for (unsigned i = 0; r >= 0 && i < n2; i++)
            gnutls_x509_crt_deinit(l2[i]);
        gnutls_free(l2);
    }
}

int main(void)
{
    gnutls_global_init();
    gnutls_x509_crt_t ca = NULL;
    size_t allsz = 1;
    for (unsigned i = 0; test_pems[i]; i++)
        allsz += strlen(test_pems[i]);
    char *all = calloc(1, allsz);
    for (unsigned i = 0; test_pems[i]; i++) {
        strcat(all, test_pems[i]);
        gnutls_datum_t pem = {(unsigned char *)test_pems[i], (unsigned)strlen(test_pems[i])};
        gnutls_x509_crt_t c;
        gnutls_x509_crt_init(&c);
        int r = gnutls_x509_crt_import(c, &pem, GNUTLS_X509_FMT_PEM);
        printf("=== cert %u: import=%d\n", i, r);
        if (r < 0) {
            gnutls_x509_crt_deinit(c);
            continue;
        }
        one_cert(c, ca);
        gnutls_datum_t der;
        gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &der);
        bad_inputs(&der, &pem, i);
        gnutls_free(der.data);
        if (i == 0)
            ca = c;
        else
            gnutls_x509_crt_deinit(c);
    }
    lists(all);
    garbage();
    free(all);

    /* every certificate of the system bundle */
    FILE *f = fopen("/etc/ssl/certs/ca-certificates.crt", "rb");
    if (f) {
        static char bundle[1 << 20];
        size_t n = fread(bundle, 1, sizeof bundle - 1, f);
        fclose(f);
        gnutls_datum_t t = {(unsigned char *)bundle, (unsigned)n};
        gnutls_x509_crt_t *l = NULL;
        unsigned cnt = 0;
        int r = gnutls_x509_crt_list_import2(&l, &cnt, &t, GNUTLS_X509_FMT_PEM, 0);
        printf("=== bundle: r=%d n=%u\n", r, cnt);
        for (unsigned i = 0; r >= 0 && i < cnt; i++) {
            printf("=== bundle cert %u\n", i);
            one_cert(l[i], ca);
            gnutls_x509_crt_deinit(l[i]);
        }
        gnutls_free(l);
    }
    gnutls_x509_crt_deinit(ca);
    gnutls_global_deinit();
    return 0;
}

/* Generated once (openssl CLI and an OpenSSL program); see the header comment. */
const char *const test_pems[] = {
    "-----BEGIN CERTIFICATE-----\n"
    "MIID3DCCAsSgAwIBAgIBATANBgkqhkiG9w0BAQsFADB+MQswCQYDVQQGEwJVUzET\n"
    "MBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwNU2FuIEZyYW5jaXNjbzEXMBUG\n"
    "A1UECgwOR25vc3NsIFRlc3QgQ0ExEDAOBgNVBAsMB1Rlc3RpbmcxFzAVBgNVBAMM\n"
    "Dkdub3NzbCBSb290IENBMCAXDTI2MTEyMzIyMDMzMVoYDzIxMjYxMDMwMjIwMzMx\n"
    "WjB+MQswCQYDVQQGEwJVUzETMBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwN\n"
    "U2FuIEZyYW5jaXNjbzEXMBUGA1UECgwOR25vc3NsIFRlc3QgQ0ExEDAOBgNVBAsM\n"
    "B1Rlc3RpbmcxFzAVBgNVBAMMDkdub3NzbCBSb290IENBMIIBIjANBgkqhkiG9w0B\n"
    "AQEFAAOCAQ8AMIIBCgKCAQEAwNwyQfwZJMaoOZBd29TwfI4ONl6yZIP09pD5CmGK\n"
    "n17xH4jjCvPvSIvgLXI6UHiMf5fbMfVbdreD3ebbc5LFAGdijBv9jg3LpiMo+qFP\n"
    "PGF3kgGxsN7EhegftPd1PVeXcRK/4p0XFUsQLfRPkcItMRbqYBfzbsBo0Yn19JzE\n"
    "TWFKw6bHvkQePfltK9XJgtOJRO7HivxwfsVAhxNu5WnmHpID/G90XCQJnZvQPux2\n"
    "VP2d34/DhuayM0/PsLaysAZPli6uariyWnU4fsOJx1xOEdNQJ4MQawXQy4z/0wQh\n"
    "TiKMsYiFuXuQ+JyvnKOY2DT2gQd5+lTJ5ZOvgbwAMRrq6QIDAQABo2MwYTAdBgNV\n"
    "HQ4EFgQUWFVBorCBvpXL7wn82hieA0AjkkcwHwYDVR0jBBgwFoAUWFVBorCBvpXL\n"
    "7wn82hieA0AjkkcwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwDQYJ\n"
    "KoZIhvcNAQELBQADggEBAImOSmYv7B3bCzmes3KBudI6DTqk18acAacHvVLLGKOf\n"
    "kg2OLYDlZEyISOXXlaF1WkYLMQbsneWpQnAWlJ7VUYG3h871ARa96164ysZzuX17\n"
    "y6+zpwIjtEkqtvKCQW7wWQIfhGBUOypLXZhWtqfcTiWQJ3JhSBIWTkPuHxrTzflJ\n"
    "3zEODAtNB4lVOCi7gitxpztgkS5oLZ2nXpCE5iRKHetOdRc+byk3+is8vkV1S+36\n"
    "M6uNG9pC4AAQfo2u2sZCmxwkOdyLCn/rwdM/BMBNJ2GcHh8lL1FRjhjRteRXCR/E\n"
    "F8/IeNaLkPcxQtIWB1YUGOJX4Y1yaCshMu0yj+eRkHA=\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIFKDCCBBCgAwIBAgIJASNFZ4mrze8BMA0GCSqGSIb3DQEBCwUAMH4xCzAJBgNV\n"
    "BAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRYwFAYDVQQHDA1TYW4gRnJhbmNp\n"
    "c2NvMRcwFQYDVQQKDA5Hbm9zc2wgVGVzdCBDQTEQMA4GA1UECwwHVGVzdGluZzEX\n"
    "MBUGA1UEAwwOR25vc3NsIFJvb3QgQ0EwHhcNMjYxMTIzMjIwMzMyWhcNMzYxMTIw\n"
    "MjIwMzMyWjCBlTELMAkGA1UEBhMCQ0gxEDAOBgNVBAcMB1rDvHJpY2gxFjAUBgNV\n"
    "BAoMDUV4YW1wbGUsIEluYy4xIDAKBgNVBAsMA1dlYjASBgoJkiaJk/IsZAEBDAR1\n"
    "MTIzMRgwFgYDVQQDDA93d3cuZXhhbXBsZS5jb20xIDAeBgkqhkiG9w0BCQEWEWFk\n"
    "bWluQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n"
    "x7NVCa/Li7QDtRZRpFnn1+P4sDXr14czr7M3jTH0l/268xgT6q/DCremnY+lTc1x\n"
    "Ja0JvfuYao/5c8U8LbEet4w6q/z7JQ8PKPKLOVbJW+PINqghF/V/mUWrkVNI6dAp\n"
    "kaNByEokqohHqTd+8eLjF8WNiZtldVf+t0Uu441D/VgtZh6dtEqMIXYrBumTt/Yc\n"
    "ILxzzJZcwXxV58oWIHl7djdRU+BZWHlnv+e9Nfs3cP7uSrkbS5uQc6y/hTteeNgx\n"
    "wn0OKH0QsPM90h1PMF+2Evp3JskkF3DsaF8GtSDN5H7zkTEvqsDrK1Dgwo0vaVa/\n"
    "njJvD2pjoedxvu2JS7Zf+wIDAQABo4IBjzCCAYswCQYDVR0TBAIwADAOBgNVHQ8B\n"
    "Af8EBAMCBaAwHQYDVR0lBBYwFAYIKwYBBQUHAwEGCCsGAQUFBwMCMGoGA1UdEQRj\n"
    "MGGCD3d3dy5leGFtcGxlLmNvbYINKi5leGFtcGxlLm9yZ4cEfwAAAYcQAAAAAAAA\n"
    "AAAAAAAAAAAAAYERYWRtaW5AZXhhbXBsZS5jb22GFGh0dHBzOi8vZXhhbXBsZS5j\n"
    "b20vMB0GA1UdDgQWBBTNhMCtIRAsR4tCpHLRKKE9dKBh5DAfBgNVHSMEGDAWgBRY\n"
    "VUGisIG+lcvvCfzaGJ4DQCOSRzAuBgNVHR8EJzAlMCOgIaAfhh1odHRwOi8vY3Js\n"
    "LmV4YW1wbGUuY29tL2NhLmNybDBeBggrBgEFBQcBAQRSMFAwJAYIKwYBBQUHMAGG\n"
    "GGh0dHA6Ly9vY3NwLmV4YW1wbGUuY29tLzAoBggrBgEFBQcwAoYcaHR0cDovL2Nh\n"
    "LmV4YW1wbGUuY29tL2NhLnBlbTATBgNVHSAEDDAKMAgGBmeBDAECATANBgkqhkiG\n"
    "9w0BAQsFAAOCAQEAgX6o36/E1UD3dRE69cPy6HAaG7Syuwpeg2UN/miuA5IZQAA2\n"
    "dMry3xOmpHCJO+Z/JypNaWDlFkKduKD7kPvC6+/fswjewBjPILclYy5EyIjZz713\n"
    "GYY06yp3WuXk5ugYxvSCQOsU5OS/rFtCLQcwijFxUZKv72rPnj/aKGVIrgp4N1y1\n"
    "NZZabOinhM6FZfmqR7lc40obgNDm3v5YZYdV7lM7YdeqpI5c7ADjtVrMctiFsqTY\n"
    "6bfY8emz958P+kmU/5oTab8EaYo/z+R+tkf6/GCvEvoE3vkOSFm0vTqIs0xuFBIS\n"
    "pX+xD3oONbmI4RUxC1JdowiH0tXtQk6o6D1V8g==\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDqjCCAl2gAwIBAgIBTTBCBgkqhkiG9w0BAQowNaAPMA0GCWCGSAFlAwQCAQUA\n"
    "oRwwGgYJKoZIhvcNAQEIMA0GCWCGSAFlAwQCAQUAogQCAgDeMCwxGDAWBgNVBAMM\n"
    "D3Bzcy5leGFtcGxlLm5ldDEQMA4GA1UECgwHUFNTIE9yZzAeFw0yNjExMjMyMjAz\n"
    "MzJaFw0zNjExMjAyMjAzMzJaMCwxGDAWBgNVBAMMD3Bzcy5leGFtcGxlLm5ldDEQ\n"
    "MA4GA1UECgwHUFNTIE9yZzCCASAwCwYJKoZIhvcNAQEKA4IBDwAwggEKAoIBAQD2\n"
    "xGIFlryfVMPW/S0D6y0l2BI95imLIgI0znYRrxhGcgXYd4XY6uOCKmILUex8BW/J\n"
    "Ja3ajcoG3n1kjqGaFanEHo644i4aqxQ3a7irnGX7nNNFvObM79zE50jmHu60VevN\n"
    "uF9rhJwfhZOdd8HIe9fO/0NR3zJ62ZbjQw1LXuxJz4hSoCUptrTMpKSfwOD8V9K1\n"
    "vtcIwquxIiIPzWUdMpKzJVIGWYcSjcMy803Q3sn/+DG4uiPVooE+rCnIal9/PHp4\n"
    "kfVGHVlSDNfxGD0GR+RnydB0flSSQf58i7ROXFmPuNEU5//YI25b6tQan4EVZ7Kx\n"
    "ojCT9h4vg+EfQk+as4BfAgMBAAGjbzBtMB0GA1UdDgQWBBRKcVfZonfOKXY6wiQF\n"
    "IaINn8YwgjAfBgNVHSMEGDAWgBRKcVfZonfOKXY6wiQFIaINn8YwgjAPBgNVHRMB\n"
    "Af8EBTADAQH/MBoGA1UdEQQTMBGCD3Bzcy5leGFtcGxlLm5ldDBCBgkqhkiG9w0B\n"
    "AQowNaAPMA0GCWCGSAFlAwQCAQUAoRwwGgYJKoZIhvcNAQEIMA0GCWCGSAFlAwQC\n"
    "AQUAogQCAgDeA4IBAQAeU9YmY4aBbpReyHEmRkxM/Tzau+uRBPBUv+ykxSaFAtSF\n"
    "7WYjbLHYexb/LLp4uRGFUu+m0Nl43k27jfHSLVOFbDA9EeZYz3QrFPoO7fLwNSI5\n"
    "zmENmSPdDg3tvGsBrSUJGjrPyayqw+gLaaebqsgeQEsMwaY+JBDUSg9DbEdR4v/l\n"
    "PtPI36uZMKE+4xfrL0rd0iMsiubJ2Knx9HBjntiUF0QYeICB4tpbqNLbN7YXujGe\n"
    "+GHinr4qzWVP0oZYG/iQ1tZW+3wQbei4kYZ1j75M+S9HHp8sv9TiD2o1JZQX45RC\n"
    "+L58Vn3INGuvOOcEPxDP1h44f4639IE4nHuWnq1V\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIICFzCCAZygAwIBAgIBAzAKBggqhkjOPQQDAjBCMRMwEQYKCZImiZPyLGQBGRYD\n"
    "b3JnMRcwFQYKCZImiZPyLGQBGRYHZXhhbXBsZTESMBAGA1UEAwwJRUMgQ0EgMzg0\n"
    "MB4XDTI2MTEyMzIyMDMzMloXDTM2MTEyMDIyMDMzMlowQjETMBEGCgmSJomT8ixk\n"
    "ARkWA29yZzEXMBUGCgmSJomT8ixkARkWB2V4YW1wbGUxEjAQBgNVBAMMCUVDIENB\n"
    "IDM4NDB2MBAGByqGSM49AgEGBSuBBAAiA2IABK+UHVsvBHEyM3gB3WIP3hh6xsaz\n"
    "uuPcO7EqEwJCtGL+SaGhr/KsDBzUIjVOREmRK0hOvBjwOConryvamWLVQA+Tq/Cy\n"
    "MYfPmDHrdoCd8/wXlElQ0rY9Lmx745XOCGdxqaNmMGQwHQYDVR0OBBYEFHj0ymsj\n"
    "SufgsqNr3u5QNsiNKwCnMB8GA1UdIwQYMBaAFHj0ymsjSufgsqNr3u5QNsiNKwCn\n"
    "MBIGA1UdEwEB/wQIMAYBAf8CAQIwDgYDVR0PAQH/BAQDAgIEMAoGCCqGSM49BAMC\n"
    "A2kAMGYCMQDE/EJJCtMstlFVLS0NEZ1US2wMDb1/cgORxzzHGKkNHJAZt0CojznA\n"
    "6/6F/JDByTICMQDAA6KbJq1+dnaGCMtKu6ZF0B6nMVqA3jr6EP98Q+TLZSrsUpo6\n"
    "uXUhah37KXxhe5U=\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIICLDCCAbKgAwIBAgIBBDAKBggqhkjOPQQDAzBCMRMwEQYKCZImiZPyLGQBGRYD\n"
    "b3JnMRcwFQYKCZImiZPyLGQBGRYHZXhhbXBsZTESMBAGA1UEAwwJRUMgQ0EgMzg0\n"
    "MB4XDTI2MTEyMzIyMDMzMloXDTM2MTEyMDIyMDMzMlowPDEXMBUGA1UEAwwOZWMu\n"
    "ZXhhbXBsZS5jb20xDjAMBgNVBAUTBTEyMzQ1MREwDwYDVQQMDAhEci4gVGVzdDBZ\n"
    "MBMGByqGSM49AgEGCCqGSM49AwEHA0IABJIyKJSVZv6luGPP+vVl0MVGw7Dw0jgc\n"
    "xidECT/jQcH4/dm3HO29KYf2DrPO+huQiuZa5kE43gDPiciScM7MnDajgZ4wgZsw\n"
    "MQYDVR0RBCowKIIOZWMuZXhhbXBsZS5jb22CECouZWMuZXhhbXBsZS5jb22HBAoB\n"
    "AgMwGQYDVR0lBBIwEAYIKwYBBQUHAwEGBCoDBAUwCwYDVR0PBAQDAgOIMB0GA1Ud\n"
    "DgQWBBRf0fHHkP2YVRs0dQ95cWiQUKGUNDAfBgNVHSMEGDAWgBR49MprI0rn4LKj\n"
    "a97uUDbIjSsApzAKBggqhkjOPQQDAwNoADBlAjEA+vhOGqPh/PB8TZFGyQuP2n3A\n"
    "vmCj+AlfaU0ESMKcMgNGyN8JTWIdYLEqRRvO1u+sAjAG55NNfKOX/vDZ3kLcl/40\n"
    "D5ldwU4mPY9kIsEo3uhrQE5axXAJXfNHK3z03xqUgvk=\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBXjCCARCgAwIBAgIBBTAFBgMrZXAwHjEcMBoGA1UEAwwTZWQyNTUxOS5leGFt\n"
    "cGxlLmNvbTAeFw0yNjExMjMyMjAzMzJaFw0zNjExMjAyMjAzMzJaMB4xHDAaBgNV\n"
    "BAMME2VkMjU1MTkuZXhhbXBsZS5jb20wKjAFBgMrZXADIQDvHICCY+Oy5F9zvkQo\n"
    "U/H5FWF6d2I6k2/iVBidV5thwqNzMHEwHQYDVR0OBBYEFENQXm3+Hg+mci4xVa+T\n"
    "7PAZqo97MB8GA1UdIwQYMBaAFENQXm3+Hg+mci4xVa+T7PAZqo97MA8GA1UdEwEB\n"
    "/wQFMAMBAf8wHgYDVR0RBBcwFYITZWQyNTUxOS5leGFtcGxlLmNvbTAFBgMrZXAD\n"
    "QQD2xtQsvgsA8pXjugAZgxYYDhsyYGvQIU9zEv9nBzcwiP9H4G1+0MeA/c0vCk6Q\n"
    "1T/Vv7HAUt8wobMJZzkIojkD\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBhTCCAQWgAwIBAgIBBjAFBgMrZXEwHDEaMBgGA1UEAwwRZWQ0NDguZXhhbXBs\n"
    "ZS5jb20wHhcNMjYxMTIzMjIwMzMyWhcNMzYxMTIwMjIwMzMyWjAcMRowGAYDVQQD\n"
    "DBFlZDQ0OC5leGFtcGxlLmNvbTBDMAUGAytlcQM6ANKq9s+MJgjxG2xGOY26E5AN\n"
    "Ra+mp5KtmuBLAiD5bYSHOYiZA4x1WZ/6wVXDULcRZS+3ov/O3IQ9AKNTMFEwHQYD\n"
    "VR0OBBYEFIYGv9m5yYlS2T2Z+Jq848Qdag6wMB8GA1UdIwQYMBaAFIYGv9m5yYlS\n"
    "2T2Z+Jq848Qdag6wMA8GA1UdEwEB/wQFMAMBAf8wBQYDK2VxA3MAefpIvOaVUSYU\n"
    "xJS/eqSrEPxSS0sp02cKIRKEoMgdJUHn4cLiQ9/tlVkeMvYEdJKhU8myNncMbegA\n"
    "hJVH79n2bzvSAyaRq6YNQJeXHVdZxko1MuyhNISEv0atiCae6lnlTTAoK8yGDea9\n"
    "ioXWz7lOMjsA\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIICnTCCAYUCAQgwDQYJKoZIhvcNAQELBQAwfjELMAkGA1UEBhMCVVMxEzARBgNV\n"
    "BAgMCkNhbGlmb3JuaWExFjAUBgNVBAcMDVNhbiBGcmFuY2lzY28xFzAVBgNVBAoM\n"
    "Dkdub3NzbCBUZXN0IENBMRAwDgYDVQQLDAdUZXN0aW5nMRcwFQYDVQQDDA5Hbm9z\n"
    "c2wgUm9vdCBDQTAeFw0yNjExMjMyMjAzMzJaFw0zNjExMjAyMjAzMzJaMC8xFzAV\n"
    "BgNVBAMMDnYxLmV4YW1wbGUuY29tMRQwEgYDVQQKDAtWZXJzaW9uIE9uZTCBnzAN\n"
    "BgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAqrh1wax5fkp50dhXLt/KM4LXiW5KDpxr\n"
    "fcO4Nxyf74hNTm81CgRseWNThXkWnHdf/3mILseFysNOYyUDCDPLPv86g5/5sGqX\n"
    "VmES+RbU57825AS3H78F5Wq8P6YcJSbQQrbF5wGHByt6hv6UZnOyuerH45cfVLLF\n"
    "IjxulbzA/lcCAwEAATANBgkqhkiG9w0BAQsFAAOCAQEAs98q9ag3ktM9euO8jaIt\n"
    "CSw8LJqNUpQxf1y/oomRp2Vkz/Aj5Y+48QJwSWQwQuQpFSz6169fWmwh9PXaar7X\n"
    "KmgNb8/fOqXdu9eoIcNc7NqzfhGKumwMqpnLnWixXF3mLpokACvwnZk9FCMGNM1g\n"
    "FpdjFmcg1I5CV4e18PLT7FHZj2Bdhy3dD0cToEYde31/K7jpZ7WrMNrm//LxlOE+\n"
    "YhNQbIyu2I2Ge+t1Fw8Jz4o2TBmQ3VBsLwRaIQG853stI4TSdmtgpUT0t3rXJd8Q\n"
    "aY8goL3+ddjTIUF1pPCF9BNaI6wfLuhj54wlKCRfqG8ZS42g1kx5LsKfL3SEsWE4\n"
    "nQ==\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIICzzCCAjigAwIBAgIBCTANBgkqhkiG9w0BAQsFADCBgjEbMBkGA1UEAwwSKi53\n"
    "aWxkLmV4YW1wbGUuY29tMQ4wDAYDVQQKDAUjaGFzaDEZMBcGA1UECwwQIGxlYWQg\n"
    "YW5kIHRyYWlsIDEMMAoGA1UEBwwDYSxiMRgwFgYDVQQIDA/DnG7Dr2PDtmTDqSDi\n"
    "mIMxEDAOBgNVBAkMB01haW4gU3QwHhcNMjYxMTIzMjIwMzMyWhcNMzYxMTIwMjIw\n"
    "MzMyWjCBgjEbMBkGA1UEAwwSKi53aWxkLmV4YW1wbGUuY29tMQ4wDAYDVQQKDAUj\n"
    "aGFzaDEZMBcGA1UECwwQIGxlYWQgYW5kIHRyYWlsIDEMMAoGA1UEBwwDYSxiMRgw\n"
    "FgYDVQQIDA/DnG7Dr2PDtmTDqSDimIMxEDAOBgNVBAkMB01haW4gU3QwgZ8wDQYJ\n"
    "KoZIhvcNAQEBBQADgY0AMIGJAoGBAMutStE0tOmAhVuWIZLdSvjEL4DNlfxhtQZQ\n"
    "heqQy8Ge0ybUeSDCZNthUgaQ/qb7mTDsI15UIm7CKBroVH2dysoV5yt/tOAmCeMr\n"
    "nUuTG7gKr+iPRCzBWpKAmbe6qb/juTihRfVZ9ZPqy8U6NrJmkaCyYJAPJUHcRxjF\n"
    "T6Amz9kbAgMBAAGjUzBRMB0GA1UdDgQWBBQIsWC4E92l3wKeYGMBigaFMGjXiDAf\n"
    "BgNVHSMEGDAWgBQIsWC4E92l3wKeYGMBigaFMGjXiDAPBgNVHRMBAf8EBTADAQH/\n"
    "MA0GCSqGSIb3DQEBCwUAA4GBADpuMNIcfi4HP32ArVeQ3s23+0QP/n+YHwyWP3aC\n"
    "lrgTF1284TASwKl7zZFLNqPzleUsMwyv74t434d1+5963xKnuz0OLz35Uc1wVWF6\n"
    "VlAUByrhc+kkuO/2Lv093UbARnG2vMBUOJyQH4NAy4vLkENH3keYGyaKr1S8WcuS\n"
    "qNeZ\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBDjCBtAIBCjAKBggqhkjOPQQDAjATMREwDwYDVQQDEwhibXAgbmFtZTAeFw0y\n"
    "NjExMjMyMjAzMzJaFw0zNjExMjAyMjAzMzJaMBMxETAPBgNVBAMTCGJtcCBuYW1l\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQZt4lNTOQnkruVdV+4D9/NgsiZRx\n"
    "vqEPz/1nu+kc8HOoV3CAdbB4D+LmfhV3bY8jvRXuI8V4Y2MFfrrwIM+ixjAKBggq\n"
    "hkjOPQQDAgNJADBGAiEA3fC07oOVjI7Qx2VY1gHS1ayeOKq1eiLhLV+DEukhLI0C\n"
    "IQDnMMiCMcZDjRh5Boz9KXCXPONHt5K2HJXfri/CvzHV2Q==\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIC4jCCAomgAwIBAgIBZDAKBggqhkjOPQQDAjCB+DELMAkGA1UEBgwCREUxEDAO\n"
    "BgNVBAoUB1Q2MSBPcmcxDzANBgNVBAsUBlQ2MSDpATEVMBMGA1UEAx4MAEIAbQBw\n"
    "ACAA6SYDMRUwEwYDVQQHHAwAAABVAAAAbgAAAGkxEjAQBgNVBAgWCUlBNSBTdGF0\n"
    "ZTEUMBIGCSqGSIb3DQEJARYFYUBiLmMxFzAVBgkqhkiG9w0BCQEMCHV0ZjhAYi5j\n"
    "MRIwEAYKCZImiZPyLGQBGRYCZGMxEjAQBgUqAwQFBgwHdW5rbm93bjEOMAwGA1UE\n"
    "BRMFU04gNDIxEjAQBgNVBGEMCVZBVERFLTEyMzEJMAcGA1UEAwwAMCIYDzIwMjAw\n"
    "MTAxMDAwMDAwWhgPMjA5OTEyMzEyMzU5NTlaMIH4MQswCQYDVQQGDAJERTEQMA4G\n"
    "A1UEChQHVDYxIE9yZzEPMA0GA1UECxQGVDYxIOkBMRUwEwYDVQQDHgwAQgBtAHAA\n"
    "IADpJgMxFTATBgNVBAccDAAAAFUAAABuAAAAaTESMBAGA1UECBYJSUE1IFN0YXRl\n"
    "MRQwEgYJKoZIhvcNAQkBFgVhQGIuYzEXMBUGCSqGSIb3DQEJAQwIdXRmOEBiLmMx\n"
    "EjAQBgoJkiaJk/IsZAEZFgJkYzESMBAGBSoDBAUGDAd1bmtub3duMQ4wDAYDVQQF\n"
    "EwVTTiA0MjESMBAGA1UEYQwJVkFUREUtMTIzMQkwBwYDVQQDDAAwWTATBgcqhkjO\n"
    "PQIBBggqhkjOPQMBBwNCAARHPPgdxsUzLyK0DdBbe598z93SAUYzRll1jLckXZ2n\n"
    "vrFGTMBlUGruqAr96YAprhEiLZ7kUwpeYFafav8NlPNrMAoGCCqGSM49BAMCA0cA\n"
    "MEQCIGizhrB3OZFCVdQ3lpVffKM3ET0P96j7cIuJYcrKpKzdAiBWEKtCDYe4KtvO\n"
    "Z2GGmcWS51J3N/oqQhJA8vxjf49cFw==\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIICRDCCAeugAwIBAgIB+zAKBggqhkjOPQQDAjCBqTEaMBgGA1UEAwwRYSxiK2Mi\n"
    "ZFxlPGY+ZztoPWkxDjAMBgNVBAoMBSNoYXNoMTEwDAYDVQQLDAUgbGVhZDANBgNV\n"
    "BAsMBnRyYWlsIDASBgoJkiaJk/IsZAEBDAR1aWQxMRQwEgYDVQQHDAtaw7xyaWNo\n"
    "IOKYgzETMBEGA1UEAwwKbnVsAGluc2lkZTEdMBsGA1UEAxMUbWlkZGxlICMgYW5k\n"
    "ICBzcGFjZXMwIhgPMjAyMDAxMDEwMDAwMDBaGA8yMDk5MTIzMTIzNTk1OVowgakx\n"
    "GjAYBgNVBAMMEWEsYitjImRcZTxmPmc7aD1pMQ4wDAYDVQQKDAUjaGFzaDExMAwG\n"
    "A1UECwwFIGxlYWQwDQYDVQQLDAZ0cmFpbCAwEgYKCZImiZPyLGQBAQwEdWlkMTEU\n"
    "MBIGA1UEBwwLWsO8cmljaCDimIMxEzARBgNVBAMMCm51bABpbnNpZGUxHTAbBgNV\n"
    "BAMTFG1pZGRsZSAjIGFuZCAgc3BhY2VzMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD\n"
    "QgAERzz4HcbFMy8itA3QW3uffM/d0gFGM0ZZdYy3JF2dp76xRkzAZVBq7qgK/emA\n"
    "Ka4RIi2e5FMKXmBWn2r/DZTzazAKBggqhkjOPQQDAgNHADBEAiBoq0RHhxOaPcCe\n"
    "Wd1j7fKcyqlSt2P1DRkm1JJeMI38+AIgU2/34sDEdrIrRtF526wOBkWsuje1+8xN\n"
    "HT9pFZ7n+AQ=\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIB4TCCAYegAwIBAgIBfzAKBggqhkjOPQQDAjAAMCIYDzIwMjAwMTAxMDAwMDAw\n"
    "WhgPMjA5OTEyMzEyMzU5NTlaMAAwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARH\n"
    "PPgdxsUzLyK0DdBbe598z93SAUYzRll1jLckXZ2nvrFGTMBlUGruqAr96YAprhEi\n"
    "LZ7kUwpeYFafav8NlPNro4HtMIHqMIHnBgNVHREBAf8EgdwwgdmCFk1peGVkLkNh\n"
    "c2UuRXhhbXBsZS5DT02CESouZm9vLmV4YW1wbGUuY29tghJmKi5iYXIuZXhhbXBs\n"
    "ZS5jb22CFXhuLS1iY2hlci1rdmEuZXhhbXBsZYcEwKgAAYcQIAENuAAAAAAAAAAA\n"
    "AAAAAYEQdXNlckBleGFtcGxlLmNvbYYRbGRhcDovL3guZXhhbXBsZS+IAyoDBKAf\n"
    "BgorBgEEAYI3FAIDoBEMD3VwbkBleGFtcGxlLmNvbaAeBggrBgEFBQcIBaASDBB4\n"
    "bXBwQGV4YW1wbGUuY29tMAoGCCqGSM49BAMCA0gAMEUCIAcmuiBDSKHENiK3m3N8\n"
    "2Xjl5L8FrgHkiFCrnod+rbgsAiEA4yRjP6VVwar6rs+bNBk0W9hMADqQNNQO3fBg\n"
    "JYNV75E=\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBJTCBzQICAIAwCgYIKoZIzj0EAwIwHTEbMBkGA1UEAwwSKi5XaWxkLkV4YW1w\n"
    "bGUuY29tMCIYDzIwMjAwMTAxMDAwMDAwWhgPMjA5OTEyMzEyMzU5NTlaMB0xGzAZ\n"
    "BgNVBAMMEiouV2lsZC5FeGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEH\n"
    "A0IABEc8+B3GxTMvIrQN0Ft7n3zP3dIBRjNGWXWMtyRdnae+sUZMwGVQau6oCv3p\n"
    "gCmuESItnuRTCl5gVp9q/w2U82swCgYIKoZIzj0EAwIDRwAwRAIgN7i74X5jwbzB\n"
    "3oBAuM2Z9aUkl8W40z+xdesxPKHylPUCIBULoNBybmFOjIvmVIMbbYqHL1bRS5bZ\n"
    "XuYBKRe9kkRw\n"
    "-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBjjCCATOgAwIBAgICEjQwCgYIKoZIzj0EAwIwFDESMBAGA1UEAwwJMTI3LjAu\n"
    "MC4xMCIYDzIwMjAwMTAxMDAwMDAwWhgPMjA5OTEyMzEyMzU5NTlaMBQxEjAQBgNV\n"
    "BAMMCTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEc8+B3GxTMv\n"
    "IrQN0Ft7n3zP3dIBRjNGWXWMtyRdnae+sUZMwGVQau6oCv3pgCmuESItnuRTCl5g\n"
    "Vp9q/w2U82ujcTBvMBIGA1UdEwEB/wQIMAYBAf8CAQAwDAYDVR0PBAUDAwf/gDBL\n"
    "BgNVHSUERDBCBggrBgEFBQcDAQYIKwYBBQUHAwIGCCsGAQUFBwMDBggrBgEFBQcD\n"
    "BAYIKwYBBQUHAwgGCCsGAQUFBwMJBgRVHSUAMAoGCCqGSM49BAMCA0kAMEYCIQC1\n"
    "grGcehP6bYQ13lkuT3DA+0Dtiox9i4+6bT75tusS9gIhAOYP5zW2Tnq5IiOkC8VA\n"
    "tjLsx5BqTS3BiAL/FOg9fC31\n"
    "-----END CERTIFICATE-----\n",
    NULL};
