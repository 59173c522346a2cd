/* Differential test of certificate building: every gnutls_x509_crt_set_*
 * extension setter on a fresh certificate, signed with RSA PKCS#1 v1.5
 * (deterministic: the DER must match byte for byte), then the matching
 * getters on the re-imported certificate and its full print.  Also the
 * raw getters (signature, unique IDs, DSA key, extensions by index and
 * OID, key purpose checks).  Output identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sign-key.h"

static const char dsa_crt_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIC0jCCAoCgAwIBAgIUaFiPhjF9nxhsYMZE/QLvyiw1sd0wCwYJYIZIAWUDBAMC\n"
    "MA4xDDAKBgNVBAMMA2RzYTAeFw0yNjExMjQwMDIzMTRaFw0zNjExMjEwMDIzMTRa\n"
    "MA4xDDAKBgNVBAMMA2RzYTCCAb8wggEzBgcqhkjOOAQBMIIBJgKBgQDJFTLClrY+\n"
    "FqbPStDnCufeXqBCQBrv7ZjRUAhdlJpIgs340rBYysFgngAxISU/G/ZZgRVXV4a2\n"
    "0Zuz2bgFYrfJHaya15lsWHtzXrLejkICWkp7m0wrhtJNnsDysgfoWziJTozOmYdK\n"
    "YV28d0NyWH/SUnaRAFaiPk4v+WauLJ3iAQIdAJcFhLaeeSsYZPmFbBA9fTVu3VYf\n"
    "vs/O7+06STkCgYBWN/ePV3PrY4rhjNUR8BHAyBLnHIXbOtWz2m+YjhyRfXd2W3Zd\n"
    "cP+EjTtaTm/k755TdDJ5jalsuG/Irc7B8uJBxBCtjp1u+OfdMtrwSFa/j2Nz6CUS\n"
    "Vm9ysEct1TMaz4BtB9jzOFj8KbRWmuoeMcN0JgncGoWgRW7J6uXt9WwNRQOBhQAC\n"
    "gYEAjqygMmUI49dFsE6dXwsY4glA/UccwuX+/KvPCcgtRdhzxIjbWZAXbY8li6+T\n"
    "/7jg7PC4wZ7fe6orgXENLND2akU9KdS4SPlILw+8CBCIbBegmZvTTxJJ6+vFrvzx\n"
    "F5/2MHMWVkZ5nE+6aCPxqmu5F03EnVMgeV1i/gWeJt3Q9A6jUzBRMB0GA1UdDgQW\n"
    "BBQRy3XChgMqm+sQ8PXE+70631VUozAfBgNVHSMEGDAWgBQRy3XChgMqm+sQ8PXE\n"
    "+70631VUozAPBgNVHRMBAf8EBTADAQH/MAsGCWCGSAFlAwQDAgM/ADA8AhwUm8qb\n"
    "a1E/1Crz7WPNKV/BF96sTRL63q79CQNOAhxX+aWDy9MWShiIsTpAQjB0S3aMj/Pg\n"
    "3tNdtCAf\n"
    "-----END CERTIFICATE-----\n"
    ;

static const char aki_crt_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDOzCCAiOgAwIBAgIUVpM55CspnKmOWMs9IPN/XEOqqVkwDQYJKoZIhvcNAQEL\n"
    "BQAwEzERMA8GA1UEAwwIQUtJIHRlc3QwHhcNMjYxMTI0MDEzNTAxWhcNMjYxMjA0\n"
    "MDEzNTAxWjATMREwDwYDVQQDDAhBS0kgdGVzdDCCASIwDQYJKoZIhvcNAQEBBQAD\n"
    "ggEPADCCAQoCggEBAMYcm7KywKLrhgE0vJyvKOXHffU+mWURL3vzIeQErjdhxrwE\n"
    "qcoTdpN99jrb6FequVh+Dm5hdcF/MO6d+h73GhiFcrHZVkewyGsRhg9HKXFjI/Gt\n"
    "2DzJ8WRHRfD8rwvIi8NwlDPfu+xcvk8FFIjePw1cTUBhaZZa1Va4E0ZmSyFOAn2f\n"
    "+3chVDbxHYziYFaOeuqoY/qr7c2aNogz+U3VDVVPB2HEQme+wJV9nqtdjZS0tgD7\n"
    "Y57oomA/4QDbs0F4OPL+XzuPXJRl4WgqCC9S1eDBu4ZOc2FaIIBPakLNKPXDhUfF\n"
    "w9rZLy+b6WLtn53E89q977ERx5/6qvUYy0VFHUsCAwEAAaOBhjCBgzAdBgNVHQ4E\n"
    "FgQUwpJNha8BWMD4zwKJVU2l1D6x0FwwOAYDVR0jBDEwL6EXpBUwEzERMA8GA1UE\n"
    "AwwIQUtJIHRlc3SCFFaTOeQrKZypjljLPSDzf1xDqqlZMCgGA1UdEgQhMB+CDmlz\n"
    "c3Vlci5leGFtcGxlgQ1pQGV4YW1wbGUuY29tMA0GCSqGSIb3DQEBCwUAA4IBAQAE\n"
    "Ixlb1EeCkCHhT1JL13SviKrEuIOfZ3P7/RrUmzBJjCOEXBNhjiTlWhaFPevnwL4X\n"
    "jWBX2vDa6t6BvrXVivWmQ41ii2NYISaxqdGGqw1wgvQkQ+WxH12j2EBwE+tttipv\n"
    "OXSitocldsovTJqqvaCFy7+qYpsofAX1OkwoywnfASaqQomt20NtDzRZNnD+1kRd\n"
    "IWTDKb3IGcnwfyWhJ89lQIdIDmYSQMyqbSE/StVduBSXatFQ32MergPCAaizpjZR\n"
    "Mwqu4cPRK9PAb6OrT3dwGY3CgmN+GJTw4S6gfEePQtSkXEBHrL/zNK/WusRreOg9\n"
    "zBzrz8xoX3u29DjZ2glf\n"
    "-----END CERTIFICATE-----\n"
    ;

static gnutls_x509_privkey_t key;

static void hex(const char *label, const unsigned char *d, size_t n)
{
    printf("%s(%u)=", label, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", d[i]);
    printf("\n");
}

static gnutls_x509_crt_t base(void)
{
    gnutls_x509_crt_t c;
    gnutls_x509_crt_init(&c);
    gnutls_x509_crt_set_version(c, 3);
    gnutls_x509_crt_set_serial(c, "\x01\x02\x03", 3);
    gnutls_x509_crt_set_activation_time(c, 1700000000);
    gnutls_x509_crt_set_expiration_time(c, 1900000000);
    gnutls_x509_crt_set_dn_by_oid(c, GNUTLS_OID_X520_COMMON_NAME, 0, "Base", 4);
    gnutls_x509_crt_set_key(c, key);
    return c;
}

/* The certificate as imported from its DER (GnuTLS caches some fields
 * only on import; a built certificate can answer differently). */
static gnutls_x509_crt_t reimport(gnutls_x509_crt_t c)
{
    gnutls_datum_t d;
    gnutls_x509_crt_t n;
    gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d);
    gnutls_x509_crt_deinit(c);
    gnutls_x509_crt_init(&n);
    gnutls_x509_crt_import(n, &d, GNUTLS_X509_FMT_DER);
    gnutls_free(d.data);
    return n;
}

/* Print what the re-imported certificate says through the getters. */
static void getters(gnutls_x509_crt_t c)
{
    char buf[1024];
    size_t sz;
    unsigned crit, i, type, reasons;
    int r;
    gnutls_datum_t d;

    for (i = 0; i < 16; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crt_get_extension_info(c, i, buf, &sz, &crit);
        if (r < 0) {
            printf("ext_info[%u]=%d\n", i, r);
            break;
        }
        printf("ext_info[%u]=%d %s crit=%u\n", i, r, buf, crit);
        sz = sizeof buf;
        r = gnutls_x509_crt_get_extension_data(c, i, buf, &sz);
        printf("ext_data[%u]=%d\n", i, r);
        if (r >= 0)
            hex("  data", (unsigned char *)buf, sz);
        r = gnutls_x509_crt_get_extension_data2(c, i, &d);
        printf("ext_data2[%u]=%d %u\n", i, r, r >= 0 ? d.size : 0);
        if (r >= 0)
            gnutls_free(d.data);
        sz = sizeof buf;
        r = gnutls_x509_crt_get_extension_oid(c, i, buf, &sz);
        printf("ext_oid[%u]=%d %s\n", i, r, r >= 0 ? buf : "");
    }
    for (i = 0; i < 4; i++) {
        sz = sizeof buf;
        reasons = 99;
        crit = 99;
        r = gnutls_x509_crt_get_crl_dist_points(c, i, buf, &sz, &reasons, &crit);
        printf("crl_dist[%u]=%d", i, r);
        if (r >= 0)
            printf(" %.*s reasons=%u crit=%u", (int)sz, buf, reasons, crit);
        printf("\n");
        if (r < 0)
            break;
    }
    for (i = 0; i < 4; i++) {
        r = gnutls_x509_crt_get_authority_info_access(c, i, GNUTLS_IA_ACCESSMETHOD_OID, &d, &crit);
        printf("aia[%u]=%d", i, r);
        if (r >= 0) {
            printf(" %.*s crit=%u", (int)d.size, d.data, crit);
            gnutls_free(d.data);
            r = gnutls_x509_crt_get_authority_info_access(c, i, GNUTLS_IA_URI, &d, NULL);
            printf(" uri=%d %.*s", r, r >= 0 ? (int)d.size : 0, r >= 0 ? (char *)d.data : "");
            if (r >= 0)
                gnutls_free(d.data);
        }
        printf("\n");
        if (r < 0)
            break;
    }
    unsigned skip = 0;
    r = gnutls_x509_crt_get_inhibit_anypolicy(c, &skip, &crit);
    printf("inhibit_anypolicy=%d skip=%u\n", r, r >= 0 ? skip : 0);
    for (i = 0; i < 4; i++) {
        struct gnutls_x509_policy_st pol;
        r = gnutls_x509_crt_get_policy(c, i, &pol, &crit);
        printf("policy[%u]=%d", i, r);
        if (r >= 0) {
            printf(" %s crit=%u q=%u", pol.oid, crit, pol.qualifiers);
            for (unsigned q = 0; q < pol.qualifiers; q++)
                printf(" [%d %u %s]", pol.qualifier[q].type, pol.qualifier[q].size, pol.qualifier[q].data);
            gnutls_x509_policy_release(&pol);
        }
        printf("\n");
        if (r < 0)
            break;
    }
    for (i = 0; i < 6; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crt_get_subject_alt_name2(c, i, buf, &sz, &type, &crit);
        printf("san[%u]=%d", i, r);
        if (r == GNUTLS_SAN_OTHERNAME) {
            hex(" othername", (unsigned char *)buf, sz);
            sz = sizeof buf;
            r = gnutls_x509_crt_get_subject_alt_othername_oid(c, i, buf, &sz);
            printf("  oid=%d %s\n", r, r >= 0 ? buf : "");
            continue;
        }
        if (r >= 0)
            printf(" type=%u size=%u", type, (unsigned)sz);
        printf("\n");
        if (r < 0)
            break;
    }
    for (i = 0; i < 4; i++) {
        sz = sizeof buf;
        r = gnutls_x509_crt_get_issuer_alt_name2(c, i, buf, &sz, &type, &crit);
        printf("ian[%u]=%d", i, r);
        if (r >= 0)
            hex(" v", (unsigned char *)buf, sz);
        else
            printf("\n");
        if (r < 0)
            break;
        sz = sizeof buf;
        crit = 99;
        r = gnutls_x509_crt_get_issuer_alt_name(c, i, buf, &sz, &crit);
        printf("ian1[%u]=%d crit=%u\n", i, r, crit);
    }
    time_t a = 0, b = 0;
    r = gnutls_x509_crt_get_private_key_usage_period(c, &a, &b, &crit);
    printf("pkup=%d %ld %ld\n", r, r >= 0 ? (long)a : 0L, r >= 0 ? (long)b : 0L);
    int pathlen = 0;
    char *lang = NULL, *pol = NULL;
    sz = 0;
    r = gnutls_x509_crt_get_proxy(c, &crit, &pathlen, &lang, &pol, &sz);
    printf("proxy=%d", r);
    if (r >= 0)
        printf(" crit=%u pathlen=%d lang=%s policy=%.*s", crit, pathlen, lang ? lang : "(null)", (int)sz,
               pol ? pol : "");
    printf("\n");
    gnutls_free(lang);
    gnutls_free(pol);
    sz = sizeof buf;
    r = gnutls_x509_crt_get_subject_unique_id(c, buf, &sz);
    printf("subject_uid=%d", r);
    if (r >= 0)
        hex("", (unsigned char *)buf, sz);
    else
        printf("\n");
    sz = sizeof buf;
    r = gnutls_x509_crt_get_issuer_unique_id(c, buf, &sz);
    printf("issuer_uid=%d", r);
    if (r >= 0)
        hex("", (unsigned char *)buf, sz);
    else
        printf("\n");
    gnutls_x509_tlsfeatures_t f;
    gnutls_x509_tlsfeatures_init(&f);
    r = gnutls_x509_crt_get_tlsfeatures(c, f, 0, &crit);
    printf("tlsfeatures=%d", r);
    for (i = 0; r >= 0 && i < 8; i++) {
        unsigned feat;
        if (gnutls_x509_tlsfeatures_get(f, i, &feat) < 0)
            break;
        printf(" %u", feat);
    }
    printf("\n");
    gnutls_x509_tlsfeatures_deinit(f);
    gnutls_x509_name_constraints_t nc;
    gnutls_x509_name_constraints_init(&nc);
    r = gnutls_x509_crt_get_name_constraints(c, nc, 0, &crit);
    printf("name_constraints=%d", r);
    if (r >= 0) {
        printf(" crit=%u", crit);
        for (i = 0; i < 8; i++) {
            if (gnutls_x509_name_constraints_get_permitted(nc, i, &type, &d) < 0)
                break;
            printf(" +%u:", type);
            for (unsigned k = 0; k < d.size; k++)
                printf("%02x", d.data[k]);
        }
        for (i = 0; i < 8; i++) {
            if (gnutls_x509_name_constraints_get_excluded(nc, i, &type, &d) < 0)
                break;
            printf(" -%u:", type);
            for (unsigned k = 0; k < d.size; k++)
                printf("%02x", d.data[k]);
        }
    }
    printf("\n");
    gnutls_x509_name_constraints_deinit(nc);
    for (i = 0; i < 3; i++) {
        r = gnutls_x509_crt_get_extension_by_oid2(c, i == 2 ? "1.2.3.4.5" : GNUTLS_X509EXT_OID_BASIC_CONSTRAINTS, 0,
                                                  &d, &crit);
        printf("by_oid2[%u]=%d", i, r);
        if (r >= 0) {
            hex("", d.data, d.size);
            gnutls_free(d.data);
        } else
            printf("\n");
    }
    sz = sizeof buf;
    r = gnutls_x509_crt_get_signature(c, buf, &sz);
    printf("signature=%d size=%u\n", r, (unsigned)sz);
}

static void finish(gnutls_x509_crt_t c, const char *label)
{
    gnutls_datum_t d;
    int r = gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
    printf("== %s: sign=%d\n", label, r);
    r = gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d);
    printf("export=%d\n", r);
    if (r >= 0) {
        hex("der", d.data, d.size);
        gnutls_x509_crt_t c2;
        gnutls_x509_crt_init(&c2);
        r = gnutls_x509_crt_import(c2, &d, GNUTLS_X509_FMT_DER);
        printf("reimport=%d\n", r);
        gnutls_free(d.data);
        if (r >= 0) {
            getters(c2);
            r = gnutls_x509_crt_print(c2, GNUTLS_CRT_PRINT_FULL, &d);
            printf("print=%d\n%s\n", r, r >= 0 ? (char *)d.data : "");
            if (r >= 0)
                gnutls_free(d.data);
        }
        gnutls_x509_crt_deinit(c2);
    }
    gnutls_x509_crt_deinit(c);
}

int main(void)
{
    gnutls_datum_t kd = { (unsigned char *)key_pem, sizeof key_pem - 1 };
    gnutls_x509_crt_t c;
    const char *err;
    int r;

    gnutls_global_init();
    gnutls_x509_privkey_init(&key);
    printf("key import=%d\n", gnutls_x509_privkey_import(key, &kd, GNUTLS_X509_FMT_PEM));

    finish(base(), "base");

    /* DN strings */
    static const char *dns[] = {
        "CN=Test,O=Org,C=GR",
        "CN=a\\,b,OU=x+y,DC=example,DC=org",
        "C=US,ST=Cal,L=SF,O=Printable Org,OU=Ümlaut,CN=host.example.com,EMAIL=a@b.c",
        "UID=jdoe,CN=with \\\"quotes\\\",2.5.4.3=oidcn",
        "CN=x,bogus=1",
        "CN=hex\\41\\42",
        "nocomma",
        "",
    };
    for (unsigned i = 0; i < sizeof dns / sizeof dns[0]; i++) {
        c = base();
        err = NULL;
        gnutls_x509_crt_t fresh;
        gnutls_x509_crt_init(&fresh);
        r = gnutls_x509_crt_set_dn(fresh, dns[i], &err);
        printf("set_dn[%u]=%d err=%s\n", i, r, err ? err : "(null)");
        gnutls_x509_crt_deinit(fresh);
        gnutls_x509_crt_deinit(c);
        gnutls_x509_crt_init(&c);
        gnutls_x509_crt_set_version(c, 3);
        gnutls_x509_crt_set_serial(c, "\x05", 1);
        gnutls_x509_crt_set_activation_time(c, 1700000000);
        gnutls_x509_crt_set_expiration_time(c, 1900000000);
        gnutls_x509_crt_set_key(c, key);
        if (gnutls_x509_crt_set_dn(c, dns[i], NULL) < 0) {
            gnutls_x509_crt_deinit(c);
            continue;
        }
        r = gnutls_x509_crt_set_issuer_dn(c, "CN=Issuer,O=Someone", &err);
        printf("set_issuer_dn=%d\n", r);
        /* sign2 replaces the issuer with the subject: export unsigned
         * fields through the DN getters instead */
        gnutls_datum_t dn;
        r = gnutls_x509_crt_get_dn2(c, &dn);
        printf("dn=%d %s\n", r, r >= 0 ? (char *)dn.data : "");
        if (r >= 0)
            gnutls_free(dn.data);
        r = gnutls_x509_crt_get_issuer_dn2(c, &dn);
        printf("issuer dn=%d %s\n", r, r >= 0 ? (char *)dn.data : "");
        if (r >= 0)
            gnutls_free(dn.data);
        finish(c, dns[i]);
    }

    /* generic extension by OID, replace and critical */
    c = base();
    printf("set_ext=%d\n", gnutls_x509_crt_set_extension_by_oid(c, "1.2.3.4.5", "\x04\x03" "abc", 5, 0));
    printf("set_ext crit=%d\n", gnutls_x509_crt_set_extension_by_oid(c, "1.2.3.4.6", "\x05\x00", 2, 1));
    printf("set_ext again=%d\n", gnutls_x509_crt_set_extension_by_oid(c, "1.2.3.4.5", "\x04\x01" "z", 3, 1));
    gnutls_x509_crt_set_basic_constraints(c, 1, 2);
    finish(c, "ext_by_oid");
    c = base();
    printf("set_ext bad=%d\n", gnutls_x509_crt_set_extension_by_oid(c, "not an oid", "\x05\x00", 2, 1));
    gnutls_x509_crt_deinit(c);

    /* AIA */
    c = base();
    gnutls_datum_t u1 = { (unsigned char *)"http://ocsp.example.com/", 24 };
    gnutls_datum_t u2 = { (unsigned char *)"http://ca.example.com/ca.crt", 28 };
    printf("aia ocsp=%d\n", gnutls_x509_crt_set_authority_info_access(c, GNUTLS_IA_OCSP_URI, &u1));
    printf("aia ca=%d\n", gnutls_x509_crt_set_authority_info_access(c, GNUTLS_IA_CAISSUERS_URI, &u2));
    printf("aia bad=%d\n", gnutls_x509_crt_set_authority_info_access(c, GNUTLS_IA_URI, &u2));
    finish(c, "aia");

    /* CRL distribution points */
    c = base();
    printf("crldp=%d\n", gnutls_x509_crt_set_crl_dist_points(c, GNUTLS_SAN_URI, "http://crl.example.com/a.crl", 0));
    printf("crldp2=%d\n", gnutls_x509_crt_set_crl_dist_points2(c, GNUTLS_SAN_URI, "http://crl2.example.com/b.crl", 29,
                                                               GNUTLS_CRL_REASON_KEY_COMPROMISE |
                                                                   GNUTLS_CRL_REASON_CA_COMPROMISE));
    printf("crldp dns=%d\n", gnutls_x509_crt_set_crl_dist_points(c, GNUTLS_SAN_DNSNAME, "crl.example.net", 0));
    finish(c, "crldp");

    /* inhibit anyPolicy, policies */
    c = base();
    printf("inhibit=%d\n", gnutls_x509_crt_set_inhibit_anypolicy(c, 3));
    struct gnutls_x509_policy_st pol;
    memset(&pol, 0, sizeof pol);
    pol.oid = "1.3.6.1.4.1.5484.1.10.99.1.0";
    printf("policy1=%d\n", gnutls_x509_crt_set_policy(c, &pol, 0));
    pol.oid = "2.23.140.1.2.1";
    pol.qualifiers = 2;
    pol.qualifier[0].type = GNUTLS_X509_QUALIFIER_URI;
    pol.qualifier[0].data = "http://cps.example.com/";
    pol.qualifier[0].size = 23;
    pol.qualifier[1].type = GNUTLS_X509_QUALIFIER_NOTICE;
    pol.qualifier[1].data = "Some notice text";
    pol.qualifier[1].size = 16;
    printf("policy2=%d\n", gnutls_x509_crt_set_policy(c, &pol, 0));
    finish(c, "policies");

    /* name constraints */
    c = base();
    gnutls_x509_name_constraints_t nc;
    gnutls_x509_name_constraints_init(&nc);
    gnutls_datum_t n1 = { (unsigned char *)"example.com", 11 };
    gnutls_datum_t n2 = { (unsigned char *)"bad.example.com", 15 };
    gnutls_datum_t n3 = { (unsigned char *)"\xc0\xa8\x00\x00\xff\xff\x00\x00", 8 };
    gnutls_datum_t n4 = { (unsigned char *)"@example.com", 12 };
    printf("nc +dns=%d\n", gnutls_x509_name_constraints_add_permitted(nc, GNUTLS_SAN_DNSNAME, &n1));
    printf("nc +ip=%d\n", gnutls_x509_name_constraints_add_permitted(nc, GNUTLS_SAN_IPADDRESS, &n3));
    printf("nc -dns=%d\n", gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_DNSNAME, &n2));
    printf("nc -email=%d\n", gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_RFC822NAME, &n4));
    printf("nc set=%d\n", gnutls_x509_crt_set_name_constraints(c, nc, 1));
    gnutls_x509_name_constraints_deinit(nc);
    gnutls_x509_crt_set_basic_constraints(c, 1, -1);
    finish(c, "name constraints");

    /* othername SANs, issuer alt names, TLS features, key usage period */
    c = base();
    printf("othername utf8=%d\n", gnutls_x509_crt_set_subject_alt_othername(c, "1.3.6.1.4.1.311.20.2.3", "user@REALM", 10,
                                                                       GNUTLS_FSAN_ENCODE_UTF8_STRING));
    printf("othername raw=%d\n", gnutls_x509_crt_set_subject_alt_othername(c, "1.3.6.1.5.5.7.8.9", "\x0c\x02hi", 4,
                                                                      GNUTLS_FSAN_APPEND));
    printf("san dns=%d\n", gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_DNSNAME, "a.example", 9, GNUTLS_FSAN_APPEND));
    printf("ian=%d\n", gnutls_x509_crt_set_issuer_alt_name(c, GNUTLS_SAN_DNSNAME, "issuer.example", 14, 0));
    printf("ian uri=%d\n", gnutls_x509_crt_set_issuer_alt_name(c, GNUTLS_SAN_URI, "http://x/", 9, GNUTLS_FSAN_APPEND));
    printf("ian other=%d\n", gnutls_x509_crt_set_issuer_alt_othername(c, "1.2.3.4", "xyz", 3,
                                                                   GNUTLS_FSAN_APPEND | GNUTLS_FSAN_ENCODE_OCTET_STRING));
    gnutls_x509_tlsfeatures_t f;
    gnutls_x509_tlsfeatures_init(&f);
    gnutls_x509_tlsfeatures_add(f, 5);
    gnutls_x509_tlsfeatures_add(f, 17);
    printf("tlsfeatures=%d\n", gnutls_x509_crt_set_tlsfeatures(c, f));
    gnutls_x509_tlsfeatures_deinit(f);
    printf("pkup=%d\n", gnutls_x509_crt_set_private_key_usage_period(c, 1700000000, 1800000000));
    printf("purpose=%d\n", gnutls_x509_crt_set_key_purpose_oid(c, GNUTLS_KP_TLS_WWW_SERVER, 0));
    finish(c, "names");

    /* alternative names of every type, as SAN and as IAN */
    {
        static const struct {
            unsigned t;
            const char *v;
            unsigned l;
        } sv[] = { { GNUTLS_SAN_OTHERNAME_XMPP, "me@jabber", 9 },
                   { GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL, "user/host@REALM", 15 },
                   { GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL, "u@dom", 5 },
                   { GNUTLS_SAN_DN, "\x30\x0f\x31\x0d\x30\x0b\x06\x03\x55\x04\x03\x0c\x04test", 17 },
                   { GNUTLS_SAN_REGISTERED_ID, "1.2.3.4", 7 },
                   { GNUTLS_SAN_OTHERNAME, "\x0c\x01x", 3 },
                   { GNUTLS_SAN_IPADDRESS, "\1\2\3", 3 },
                   { GNUTLS_SAN_DNSNAME, "", 0 } };
        for (unsigned i = 0; i < sizeof sv / sizeof sv[0]; i++) {
            for (int ian = 0; ian < 2; ian++) {
                c = base();
                r = ian ? gnutls_x509_crt_set_issuer_alt_name(c, sv[i].t, sv[i].v, sv[i].l, 0)
                        : gnutls_x509_crt_set_subject_alt_name(c, sv[i].t, sv[i].v, sv[i].l, 0);
                printf("%s type %u=%d", ian ? "ian" : "san", sv[i].t, r);
                gnutls_datum_t ed;
                if (r >= 0 && gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0) >= 0 &&
                    gnutls_x509_crt_get_extension_by_oid2(c, ian ? "2.5.29.18" : "2.5.29.17", 0, &ed, NULL) >= 0) {
                    hex("", ed.data, ed.size);
                    gnutls_free(ed.data);
                } else
                    printf("\n");
                gnutls_x509_crt_deinit(c);
            }
        }
    }

    /* e-mail and IP checks */
    c = base();
    gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_RFC822NAME, "User@Example.com", 16, 0);
    gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_IPADDRESS, "\xc0\x00\x02\x01", 4, GNUTLS_FSAN_APPEND);
    gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_IPADDRESS,
                                         "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16,
                                         GNUTLS_FSAN_APPEND);
    gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
    c = reimport(c);
    printf("check_email=%u %u %u\n", gnutls_x509_crt_check_email(c, "user@example.com", 0),
           gnutls_x509_crt_check_email(c, "USER@EXAMPLE.COM", 0), gnutls_x509_crt_check_email(c, "other@example.com", 0));
    printf("check_ip=%u %u %u\n", gnutls_x509_crt_check_ip(c, (const unsigned char *)"\xc0\x00\x02\x01", 4, 0),
           gnutls_x509_crt_check_ip(c, (const unsigned char *)"\xc0\x00\x02\x02", 4, 0),
           gnutls_x509_crt_check_ip(c, (const unsigned char *)"\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16, 0));
    gnutls_x509_crt_deinit(c);
    c = base();
    gnutls_x509_crt_set_dn_by_oid(c, GNUTLS_OID_PKCS9_EMAIL, 0, "dn@example.org", 14);
    gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
    c = reimport(c);
    printf("check_email dn=%u %u\n", gnutls_x509_crt_check_email(c, "DN@example.org", 0),
           gnutls_x509_crt_check_email(c, "x@example.org", 0));
    {
        gnutls_digest_algorithm_t hash = 0;
        unsigned mand = 9;
        r = gnutls_x509_crt_get_preferred_hash_algorithm(c, &hash, &mand);
        printf("preferred hash=%d %d %u\n", r, hash, mand);
    }
    printf("check_ip none=%u\n", gnutls_x509_crt_check_ip(c, (const unsigned char *)"\xc0\x00\x02\x01", 4, 0));
    gnutls_x509_crt_deinit(c);

    /* unique IDs (make a v2-style field in a v3 certificate) */
    c = base();
    printf("subject uid=%d\n", gnutls_x509_crt_set_subject_unique_id(c, "\x01\x02\x03\x04", 4));
    printf("issuer uid=%d\n", gnutls_x509_crt_set_issuer_unique_id(c, "\xaa\xbb\x00", 3));
    gnutls_x509_crt_set_basic_constraints(c, 0, -1);
    finish(c, "unique ids");
    c = base();
    printf("subject uid only=%d\n", gnutls_x509_crt_set_subject_unique_id(c, "\x80", 1));
    finish(c, "subject unique id");

    /* proxy certificate */
    c = base();
    gnutls_x509_crt_t ee = base();
    gnutls_x509_crt_set_dn(ee, "CN=End Entity,O=Org", NULL);
    printf("proxy_dn=%d\n", gnutls_x509_crt_set_proxy_dn(c, ee, 0, "proxy1", 6));
    printf("proxy=%d\n", gnutls_x509_crt_set_proxy(c, 2, "1.3.6.1.5.5.7.21.1", NULL, 0));
    gnutls_x509_crt_deinit(ee);
    finish(c, "proxy");
    c = base();
    printf("proxy policy=%d\n", gnutls_x509_crt_set_proxy(c, -1, "1.3.6.1.5.5.7.21.2", "my policy", 9));
    finish(c, "proxy2");

    /* extensions copied from a request */
    gnutls_x509_crq_t crq;
    gnutls_x509_crq_init(&crq);
    gnutls_x509_crq_set_version(crq, 1);
    gnutls_x509_crq_set_dn(crq, "CN=req", NULL);
    gnutls_x509_crq_set_key(crq, key);
    gnutls_x509_crq_set_key_usage(crq, GNUTLS_KEY_DIGITAL_SIGNATURE);
    gnutls_x509_crq_set_subject_alt_name(crq, GNUTLS_SAN_DNSNAME, "req.example", 11, 0);
    gnutls_x509_crq_set_key_purpose_oid(crq, GNUTLS_KP_TLS_WWW_CLIENT, 0);
    gnutls_x509_crq_set_extension_by_oid(crq, "1.2.3.4.7", "\x05\x00", 2, 0);
    gnutls_x509_crq_set_challenge_password(crq, "secret");
    gnutls_x509_crq_sign2(crq, key, GNUTLS_DIG_SHA256, 0);
    c = base();
    gnutls_x509_crt_set_basic_constraints(c, 0, -1);
    printf("crq_extensions=%d\n", gnutls_x509_crt_set_crq_extensions(c, crq));
    finish(c, "crq extensions");
    c = base();
    printf("crq_ext_by_oid=%d\n", gnutls_x509_crt_set_crq_extension_by_oid(c, crq, GNUTLS_X509EXT_OID_KEY_USAGE, 0));
    printf("crq_ext_by_oid missing=%d\n",
           gnutls_x509_crt_set_crq_extension_by_oid(c, crq, GNUTLS_X509EXT_OID_BASIC_CONSTRAINTS, 0));
    printf("crq_ext_by_oid all=%d\n", gnutls_x509_crt_set_crq_extension_by_oid(c, crq, NULL, 0));
    finish(c, "crq ext by oid");
    gnutls_x509_crq_deinit(crq);

    /* name constraints checks and CIDR conversion */
    {
        gnutls_x509_name_constraints_t k;
        gnutls_x509_name_constraints_init(&k);
        gnutls_datum_t p1 = { (unsigned char *)"example.com", 11 };
        gnutls_datum_t p2 = { (unsigned char *)".example.org", 12 };
        gnutls_datum_t x1 = { (unsigned char *)"bad.example.com", 15 };
        gnutls_datum_t e1 = { (unsigned char *)"example.net", 11 };
        gnutls_datum_t e2 = { (unsigned char *)"boss@example.org", 16 };
        gnutls_datum_t cidr;
        r = gnutls_x509_cidr_to_rfc5280("10.1.0.0/16", &cidr);
        printf("cidr=%d", r);
        if (r >= 0) {
            hex("", cidr.data, cidr.size);
            printf("add ip=%d\n", gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_IPADDRESS, &cidr));
            gnutls_free(cidr.data);
        } else
            printf("\n");
        r = gnutls_x509_cidr_to_rfc5280("2001:db8::/32", &cidr);
        printf("cidr6=%d", r);
        if (r >= 0) {
            hex("", cidr.data, cidr.size);
            gnutls_free(cidr.data);
        } else
            printf("\n");
        printf("cidr bad=%d\n", gnutls_x509_cidr_to_rfc5280("10.1.0.0", &cidr));
        printf("cidr bad2=%d\n", gnutls_x509_cidr_to_rfc5280("10.1.0.0/33", &cidr));
        printf("add=%d %d %d %d %d\n", gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_DNSNAME, &p1),
               gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_DNSNAME, &p2),
               gnutls_x509_name_constraints_add_excluded(k, GNUTLS_SAN_DNSNAME, &x1),
               gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_RFC822NAME, &e1),
               gnutls_x509_name_constraints_add_excluded(k, GNUTLS_SAN_RFC822NAME, &e2));
        static const char *dnsn[] = { "example.com", "www.example.com", "wwwexample.com", "bad.example.com",
                                      "x.bad.example.com", "example.org", "a.example.org", "other.net",
                                      "WWW.EXAMPLE.COM", "example.com.", "a..example.com", ".example.com" };
        for (unsigned i = 0; i < sizeof dnsn / sizeof dnsn[0]; i++) {
            gnutls_datum_t n = { (unsigned char *)dnsn[i], strlen(dnsn[i]) };
            printf("check dns %s=%u\n", dnsn[i], gnutls_x509_name_constraints_check(k, GNUTLS_SAN_DNSNAME, &n));
        }
        static const char *mails[] = { "a@example.net", "a@x.example.net", "boss@example.org", "a@other.org",
                                       "A@EXAMPLE.NET", "a@b@example.net", "example.net" };
        gnutls_datum_t bad3 = { (unsigned char *)"\1\2\3", 3 };
        printf("add bad ip=%d othername=%d\n", gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_IPADDRESS, &bad3),
               gnutls_x509_name_constraints_add_permitted(k, GNUTLS_SAN_OTHERNAME, &p1));
        for (unsigned i = 0; i < sizeof mails / sizeof mails[0]; i++) {
            gnutls_datum_t n = { (unsigned char *)mails[i], strlen(mails[i]) };
            printf("check email %s=%u\n", mails[i],
                   gnutls_x509_name_constraints_check(k, GNUTLS_SAN_RFC822NAME, &n));
        }
        gnutls_datum_t ip1 = { (unsigned char *)"\x0a\x01\x02\x03", 4 };
        gnutls_datum_t ip2 = { (unsigned char *)"\x0a\x02\x02\x03", 4 };
        printf("check ip=%u %u\n", gnutls_x509_name_constraints_check(k, GNUTLS_SAN_IPADDRESS, &ip1),
               gnutls_x509_name_constraints_check(k, GNUTLS_SAN_IPADDRESS, &ip2));
        printf("check uri=%u\n", gnutls_x509_name_constraints_check(k, GNUTLS_SAN_URI, &p1));
        c = base();
        gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_DNSNAME, "www.example.com", 15, 0);
        gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
        printf("check_crt dns=%u email=%u\n", gnutls_x509_name_constraints_check_crt(k, GNUTLS_SAN_DNSNAME, c),
               gnutls_x509_name_constraints_check_crt(k, GNUTLS_SAN_RFC822NAME, c));
        gnutls_x509_crt_set_subject_alt_name(c, GNUTLS_SAN_DNSNAME, "bad.example.com", 15, GNUTLS_FSAN_APPEND);
        gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
        printf("check_crt bad dns=%u\n", gnutls_x509_name_constraints_check_crt(k, GNUTLS_SAN_DNSNAME, c));
        gnutls_x509_crt_deinit(c);
        c = base(); /* CN=Base, no SAN */
        gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
        printf("check_crt cn=%u\n", gnutls_x509_name_constraints_check_crt(k, GNUTLS_SAN_DNSNAME, c));
        gnutls_x509_crt_deinit(c);
        gnutls_x509_name_constraints_deinit(k);
    }

    /* RSA-PSS SubjectPublicKeyInfo parameters on an RSA key */
    {
        char buf[64];
        gnutls_x509_spki_t spki, got;
        gnutls_x509_spki_init(&spki);
        gnutls_x509_spki_init(&got);
        gnutls_x509_spki_set_rsa_pss_params(spki, GNUTLS_DIG_SHA256, 32);
        c = base();
        printf("set_spki=%d\n", gnutls_x509_crt_set_spki(c, spki, 0));
        unsigned bits = 0;
        printf("pk after spki=%d bits=%u\n", gnutls_x509_crt_get_pk_algorithm(c, &bits), bits);
        gnutls_digest_algorithm_t dg = 0;
        unsigned salt = 0;
        r = gnutls_x509_crt_get_spki(c, got, 0);
        printf("get_spki=%d pss=%d", r, gnutls_x509_spki_get_rsa_pss_params(got, &dg, &salt));
        printf(" %d %u\n", dg, salt);
        gnutls_pubkey_t pub;
        gnutls_pubkey_init(&pub);
        r = gnutls_pubkey_import_x509(pub, c, 0);
        gnutls_datum_t d;
        if (r >= 0 && (r = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &d)) >= 0) {
            hex("spki", d.data, d.size);
            gnutls_free(d.data);
        } else
            printf("pubkey=%d\n", r);
        gnutls_pubkey_deinit(pub);
        /* the same restrictions set on abstract keys */
        gnutls_privkey_t apk;
        gnutls_x509_privkey_t k3;
        gnutls_x509_privkey_init(&k3);
        gnutls_x509_privkey_cpy(k3, key);
        gnutls_privkey_init(&apk);
        gnutls_privkey_import_x509(apk, k3, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
        gnutls_pubkey_init(&pub);
        gnutls_pubkey_import_privkey(pub, apk, 0, 0);
        printf("pubkey set_spki=%d pk=%d\n", gnutls_pubkey_set_spki(pub, spki, 0),
               gnutls_pubkey_get_pk_algorithm(pub, NULL));
        if ((r = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &d)) >= 0) {
            hex("pubkey spki", d.data, d.size);
            gnutls_free(d.data);
        }
        r = gnutls_pubkey_get_spki(pub, got, 0);
        dg = 0;
        salt = 0;
        printf("pubkey get_spki=%d pss=%d", r, gnutls_x509_spki_get_rsa_pss_params(got, &dg, &salt));
        printf(" %d %u\n", dg, salt);
        gnutls_pubkey_deinit(pub);
        printf("privkey (abstract) set_spki=%d\n", gnutls_privkey_set_spki(apk, spki, 0));
        r = gnutls_privkey_get_spki(apk, got, 0);
        dg = 0;
        salt = 0;
        printf("privkey (abstract) get_spki=%d pss=%d", r, gnutls_x509_spki_get_rsa_pss_params(got, &dg, &salt));
        printf(" %d %u\n", dg, salt);
        gnutls_privkey_deinit(apk);
        /* signed by a plain RSA issuer (PKCS#1 v1.5: deterministic) */
        gnutls_x509_crt_t iss = base();
        gnutls_x509_crt_sign2(iss, iss, key, GNUTLS_DIG_SHA256, 0);
        gnutls_x509_crt_set_dn(c, "CN=PSS subject", NULL);
        printf("pss sign=%d\n", gnutls_x509_crt_sign2(c, iss, key, GNUTLS_DIG_SHA256, 0));
        r = gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &d);
        printf("pss export=%d\n", r);
        if (r >= 0) {
            hex("pss der", d.data, d.size);
            gnutls_free(d.data);
        }
        size_t idsz = sizeof buf;
        r = gnutls_x509_crt_get_key_id(c, 0, (unsigned char *)buf, &idsz);
        printf("pss key id=%d", r);
        if (r >= 0)
            hex("", (unsigned char *)buf, idsz);
        else
            printf("\n");
        gnutls_x509_crt_deinit(iss);
        gnutls_x509_crt_deinit(c);
        gnutls_x509_privkey_t k2;
        gnutls_x509_privkey_init(&k2);
        gnutls_x509_privkey_cpy(k2, key);
        printf("privkey set_spki=%d pk=%d\n", gnutls_x509_privkey_set_spki(k2, spki, 0),
               gnutls_x509_privkey_get_pk_algorithm(k2));
        r = gnutls_x509_privkey_get_spki(k2, got, 0);
        dg = 0;
        salt = 0;
        printf("privkey get_spki=%d pss=%d", r, gnutls_x509_spki_get_rsa_pss_params(got, &dg, &salt));
        printf(" %d %u\n", dg, salt);
        gnutls_x509_crq_t rq;
        gnutls_x509_crq_init(&rq);
        gnutls_x509_crq_set_key(rq, key);
        printf("crq set_spki=%d\n", gnutls_x509_crq_set_spki(rq, spki, 0));
        r = gnutls_x509_crq_get_spki(rq, got, 0);
        dg = 0;
        salt = 0;
        printf("crq get_spki=%d pss=%d", r, gnutls_x509_spki_get_rsa_pss_params(got, &dg, &salt));
        printf(" %d %u pk=%d\n", dg, salt, gnutls_x509_crq_get_pk_algorithm(rq, NULL));
        gnutls_x509_crq_deinit(rq);
        gnutls_x509_privkey_deinit(k2);
        gnutls_x509_spki_deinit(got);
        gnutls_x509_spki_deinit(spki);
    }

    /* authority key identifier with issuer and serial; issuer alt names */
    {
        gnutls_datum_t ad = { (unsigned char *)aki_crt_pem, sizeof aki_crt_pem - 1 };
        gnutls_x509_crt_init(&c);
        printf("aki import=%d\n", gnutls_x509_crt_import(c, &ad, GNUTLS_X509_FMT_PEM));
        for (unsigned i = 0; i < 3; i++) {
            char alt[256], ser[64];
            size_t as = sizeof alt, ss = sizeof ser;
            unsigned t = 9, cr = 9;
            r = gnutls_x509_crt_get_authority_key_gn_serial(c, i, alt, &as, &t, ser, &ss, &cr);
            printf("aki gn[%u]=%d t=%u crit=%u", i, r, t, cr);
            if (r >= 0) {
                printf(" %.*s", (int)as, alt);
                hex(" serial", (unsigned char *)ser, ss);
            } else
                printf("\n");
        }
        size_t s0 = 0;
        printf("aki short=%d\n", gnutls_x509_crt_get_authority_key_gn_serial(c, 0, NULL, &s0, NULL, NULL, &s0, NULL));
        for (unsigned i = 0; i < 3; i++) {
            char b[256];
            size_t bs = sizeof b;
            unsigned t = 9;
            r = gnutls_x509_crt_get_issuer_alt_name2(c, i, b, &bs, &t, NULL);
            printf("ian2[%u]=%d t=%u %.*s", i, r, t, r >= 0 ? (int)bs : 0, b);
            bs = sizeof b;
            printf(" oid=%d\n", gnutls_x509_crt_get_issuer_alt_othername_oid(c, i, b, &bs));
        }
        gnutls_datum_t pd;
        r = gnutls_x509_crt_print(c, GNUTLS_CRT_PRINT_FULL, &pd);
        printf("aki print=%d\n%s\n", r, r >= 0 ? (char *)pd.data : "");
        if (r >= 0)
            gnutls_free(pd.data);
        gnutls_x509_crt_deinit(c);
    }

    /* DSA public key raw, key purpose checks */
    gnutls_datum_t dd = { (unsigned char *)dsa_crt_pem, sizeof dsa_crt_pem - 1 };
    gnutls_x509_crt_init(&c);
    printf("dsa import=%d\n", gnutls_x509_crt_import(c, &dd, GNUTLS_X509_FMT_PEM));
    gnutls_datum_t p, q, g, y;
    r = gnutls_x509_crt_get_pk_dsa_raw(c, &p, &q, &g, &y);
    printf("dsa raw=%d\n", r);
    if (r >= 0) {
        hex("p", p.data, p.size);
        hex("q", q.data, q.size);
        hex("g", g.data, g.size);
        hex("y", y.data, y.size);
        gnutls_free(p.data);
        gnutls_free(q.data);
        gnutls_free(g.data);
        gnutls_free(y.data);
    }
    printf("check purpose any (no EKU)=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_TLS_WWW_SERVER, 0));
    for (int f = 0; f < 5; f++) {
        gnutls_datum_t pd;
        r = gnutls_x509_crt_print(c, (gnutls_certificate_print_formats_t)f, &pd);
        printf("dsa print[%d]=%d\n%s\n", f, r, r >= 0 ? (char *)pd.data : "");
        if (r >= 0)
            gnutls_free(pd.data);
    }
    gnutls_x509_crt_deinit(c);
    c = base();
    printf("rsa dsa raw=%d\n", gnutls_x509_crt_get_pk_dsa_raw(c, &p, &q, &g, &y));
    gnutls_x509_crt_set_key_purpose_oid(c, GNUTLS_KP_TLS_WWW_CLIENT, 0);
    gnutls_x509_crt_set_key_purpose_oid(c, GNUTLS_KP_CODE_SIGNING, 0);
    gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
    printf("check client=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_TLS_WWW_CLIENT, 0));
    printf("check server=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_TLS_WWW_SERVER, 0));
    printf("check code=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_CODE_SIGNING, 0));
    printf("check any=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_ANY, 0));
    gnutls_x509_crt_set_key_purpose_oid(c, GNUTLS_KP_ANY, 0);
    gnutls_x509_crt_sign2(c, c, key, GNUTLS_DIG_SHA256, 0);
    printf("check server w/ any=%u\n", gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_TLS_WWW_SERVER, 0));
    printf("check server w/ any strict=%u\n",
           gnutls_x509_crt_check_key_purpose(c, GNUTLS_KP_TLS_WWW_SERVER, GNUTLS_KP_FLAG_DISALLOW_ANY));
    size_t sz = 0;
    printf("signature size query=%d\n", gnutls_x509_crt_get_signature(c, NULL, &sz));
    printf("signature size=%u\n", (unsigned)sz);
    char sig[512];
    sz = sizeof sig;
    r = gnutls_x509_crt_get_signature(c, sig, &sz);
    printf("signature=%d\n", r);
    if (r >= 0)
        hex("sig", (unsigned char *)sig, sz);
    gnutls_x509_crt_deinit(c);

    gnutls_x509_privkey_deinit(key);
    gnutls_global_deinit();
    return 0;
}
