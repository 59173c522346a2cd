/* Differential test of the gnutls_x509_ext_* API: each container is
 * filled with its setters, exported (DER printed in hex, which must
 * match real GnuTLS byte for byte), imported back and read with its
 * getters; plain-value helpers likewise; gnutls_x509_ext_print on the
 * exported values; bad DER refused. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GnuTLS's private (GNUTLS_PRIVATE_3_4) time parser, exported by both */
time_t _gnutls_x509_generalTime2gtime(const char *ttime);
int _gnutls_x509_name_constraints_merge(gnutls_x509_name_constraints_t nc, gnutls_x509_name_constraints_t nc2);

static void nc_add(gnutls_x509_name_constraints_t n, int perm, unsigned t, const char *v, unsigned len)
{
    gnutls_datum_t d = { (unsigned char *)v, len ? len : (unsigned)strlen(v) };
    int r = perm ? gnutls_x509_name_constraints_add_permitted(n, t, &d) : gnutls_x509_name_constraints_add_excluded(n, t, &d);
    if (r < 0)
        printf("nc add %s: %d\n", v, r);
}

static void nc_dump(gnutls_x509_name_constraints_t n)
{
    unsigned t, i, k;
    gnutls_datum_t d;
    for (i = 0; gnutls_x509_name_constraints_get_permitted(n, i, &t, &d) == 0; i++) {
        printf(" +%u:", t);
        for (k = 0; k < d.size; k++)
            printf("%02x", d.data[k]);
    }
    for (i = 0; gnutls_x509_name_constraints_get_excluded(n, i, &t, &d) == 0; i++) {
        printf(" -%u:", t);
        for (k = 0; k < d.size; k++)
            printf("%02x", d.data[k]);
    }
    printf("\n");
}

static void hex(const char *label, const unsigned char *d, size_t n)
{
    printf("%s(%u)=", label, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", d[i]);
    printf("\n");
}

#define MAXEXT 16
static gnutls_x509_ext_st exts[MAXEXT];
static unsigned nexts;

/* print the exported value and keep it for ext_print */
static void keep(const char *label, const char *oid, int r, gnutls_datum_t *d)
{
    printf("%s export=%d\n", label, r);
    if (r < 0)
        return;
    hex(label, d->data, d->size);
    if (nexts < MAXEXT) {
        exts[nexts].oid = strdup(oid);
        exts[nexts].critical = nexts % 2;
        exts[nexts].data = *d;
        nexts++;
    } else
        gnutls_free(d->data);
}

int main(void)
{
    gnutls_datum_t d, v, o;
    unsigned t, u, i;
    int r, ip;

    setvbuf(stdout, NULL, _IOLBF, 0);
    gnutls_global_init();

    /* subject alternative names */
    gnutls_subject_alt_names_t sans, sans2;
    gnutls_subject_alt_names_init(&sans);
    gnutls_datum_t dns = { (unsigned char *)"www.example.com", 15 };
    gnutls_datum_t uri = { (unsigned char *)"http://example.com/", 19 };
    gnutls_datum_t ipa = { (unsigned char *)"\x7f\x00\x00\x01", 4 };
    gnutls_datum_t oth = { (unsigned char *)"\x0c\x03" "abc", 5 };
    printf("san set=%d %d %d %d\n", gnutls_subject_alt_names_set(sans, GNUTLS_SAN_DNSNAME, &dns, NULL),
           gnutls_subject_alt_names_set(sans, GNUTLS_SAN_URI, &uri, NULL),
           gnutls_subject_alt_names_set(sans, GNUTLS_SAN_IPADDRESS, &ipa, NULL),
           gnutls_subject_alt_names_set(sans, GNUTLS_SAN_OTHERNAME, &oth, "1.2.3.4"));
    r = gnutls_x509_ext_export_subject_alt_names(sans, &d);
    keep("san", "2.5.29.17", r, &d);
    gnutls_subject_alt_names_init(&sans2);
    printf("san import=%d\n", gnutls_x509_ext_import_subject_alt_names(&d, sans2, 0));
    for (i = 0; i < 6; i++) {
        memset(&o, 0, sizeof o);
        r = gnutls_subject_alt_names_get(sans2, i, &t, &v, &o);
        printf("san[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" type=%u", t);
        hex(" v", v.data, v.size);
        if (o.data)
            printf("  oid=%.*s\n", (int)o.size, o.data);
    }
    gnutls_subject_alt_names_deinit(sans2);
    gnutls_subject_alt_names_deinit(sans);

    /* every name type through the container */
    {
        static const struct {
            unsigned t;
            const char *v;
            unsigned l;
            const char *oid;
        } sv[] = { { GNUTLS_SAN_OTHERNAME_XMPP, "me@jabber", 9, NULL },
                   { GNUTLS_SAN_OTHERNAME_KRB5PRINCIPAL, "user/host@REALM", 15, NULL },
                   { GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL, "u@dom", 5, NULL },
                   { GNUTLS_SAN_DN, "\x30\x0f\x31\x0d\x30\x0b\x06\x03\x55\x04\x03\x0c\x04test", 17, NULL },
                   { GNUTLS_SAN_REGISTERED_ID, "1.2.3.4", 7, NULL },
                   { GNUTLS_SAN_OTHERNAME, "\x0c\x01x", 3, "1.2.3" },
                   { GNUTLS_SAN_IPADDRESS, "\1\2\3", 3, NULL } };
        for (i = 0; i < sizeof sv / sizeof sv[0]; i++) {
            gnutls_subject_alt_names_t s1;
            gnutls_datum_t in = { (unsigned char *)sv[i].v, sv[i].l };
            gnutls_subject_alt_names_init(&s1);
            r = gnutls_subject_alt_names_set(s1, sv[i].t, &in, sv[i].oid);
            printf("sans set type %u=%d", sv[i].t, r);
            if (r >= 0) {
                memset(&o, 0, sizeof o);
                r = gnutls_subject_alt_names_get(s1, 0, &t, &v, &o);
                printf(" get=%d type=%u", r, t);
                hex(" v", v.data, v.size);
                r = gnutls_x509_ext_export_subject_alt_names(s1, &d);
                printf(" export=%d", r);
                if (r >= 0) {
                    hex("", d.data, d.size);
                    gnutls_free(d.data);
                } else
                    printf("\n");
            } else
                printf("\n");
            gnutls_subject_alt_names_deinit(s1);
        }
    }

    /* CRL distribution points */
    gnutls_x509_crl_dist_points_t dp, dp2;
    gnutls_x509_crl_dist_points_init(&dp);
    printf("dp set=%d %d\n", gnutls_x509_crl_dist_points_set(dp, GNUTLS_SAN_URI, &uri, 0),
           gnutls_x509_crl_dist_points_set(dp, GNUTLS_SAN_DNSNAME, &dns, GNUTLS_CRL_REASON_KEY_COMPROMISE));
    r = gnutls_x509_ext_export_crl_dist_points(dp, &d);
    keep("dp", "2.5.29.31", r, &d);
    gnutls_x509_crl_dist_points_init(&dp2);
    printf("dp import=%d\n", gnutls_x509_ext_import_crl_dist_points(&d, dp2, 0));
    for (i = 0; i < 4; i++) {
        r = gnutls_x509_crl_dist_points_get(dp2, i, &t, &v, &u);
        printf("dp[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" type=%u reasons=%u %.*s\n", t, u, (int)v.size, v.data);
    }
    gnutls_x509_crl_dist_points_deinit(dp2);
    gnutls_x509_crl_dist_points_deinit(dp);

    /* AIA */
    gnutls_x509_aia_t aia, aia2;
    gnutls_x509_aia_init(&aia);
    printf("aia set=%d %d\n", gnutls_x509_aia_set(aia, GNUTLS_OID_AD_OCSP, GNUTLS_SAN_URI, &uri),
           gnutls_x509_aia_set(aia, GNUTLS_OID_AD_CAISSUERS, GNUTLS_SAN_URI, &uri));
    r = gnutls_x509_ext_export_aia(aia, &d);
    keep("aia", "1.3.6.1.5.5.7.1.1", r, &d);
    gnutls_x509_aia_init(&aia2);
    printf("aia import=%d\n", gnutls_x509_ext_import_aia(&d, aia2, 0));
    for (i = 0; i < 4; i++) {
        r = gnutls_x509_aia_get(aia2, i, &o, &t, &v);
        printf("aia[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" %.*s type=%u %.*s\n", (int)o.size, o.data, t, (int)v.size, v.data);
    }
    gnutls_x509_aia_deinit(aia2);
    gnutls_x509_aia_deinit(aia);

    /* authority key identifier */
    gnutls_x509_aki_t aki, aki2;
    gnutls_x509_aki_init(&aki);
    gnutls_datum_t id = { (unsigned char *)"\x01\x02\x03\x04\x05", 5 };
    gnutls_datum_t serial = { (unsigned char *)"\x0a\x0b", 2 };
    /* (set_cert_issuer is left out: GnuTLS 3.7.9 crashes in it) */
    (void)serial;
    printf("aki set=%d\n", gnutls_x509_aki_set_id(aki, &id));
    r = gnutls_x509_ext_export_authority_key_id(aki, &d);
    keep("aki", "2.5.29.35", r, &d);
    gnutls_x509_aki_init(&aki2);
    printf("aki import=%d\n", gnutls_x509_ext_import_authority_key_id(&d, aki2, 0));
    r = gnutls_x509_aki_get_id(aki2, &v);
    printf("aki id=%d", r);
    if (r >= 0)
        hex("", v.data, v.size);
    else
        printf("\n");
    for (i = 0; i < 3; i++) {
        gnutls_datum_t s;
        r = gnutls_x509_aki_get_cert_issuer(aki2, i, &t, &v, NULL, &s);
        printf("aki issuer[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" type=%u %.*s", t, (int)v.size, v.data);
        hex(" serial", s.data, s.size);
    }
    gnutls_x509_aki_deinit(aki2);
    gnutls_x509_aki_deinit(aki);

    /* key purposes */
    gnutls_x509_key_purposes_t kp, kp2;
    gnutls_x509_key_purpose_init(&kp);
    printf("kp set=%d %d\n", gnutls_x509_key_purpose_set(kp, GNUTLS_KP_TLS_WWW_SERVER),
           gnutls_x509_key_purpose_set(kp, GNUTLS_KP_OCSP_SIGNING));
    r = gnutls_x509_ext_export_key_purposes(kp, &d);
    keep("kp", "2.5.29.37", r, &d);
    gnutls_x509_key_purpose_init(&kp2);
    printf("kp import=%d\n", gnutls_x509_ext_import_key_purposes(&d, kp2, 0));
    for (i = 0; i < 4; i++) {
        r = gnutls_x509_key_purpose_get(kp2, i, &v);
        printf("kp[%u]=%d %.*s\n", i, r, r >= 0 ? (int)v.size : 0, r >= 0 ? (char *)v.data : "");
        if (r < 0)
            break;
    }
    gnutls_x509_key_purpose_deinit(kp2);
    gnutls_x509_key_purpose_deinit(kp);

    /* policies */
    gnutls_x509_policies_t pols, pols2;
    struct gnutls_x509_policy_st pol;
    gnutls_x509_policies_init(&pols);
    memset(&pol, 0, sizeof pol);
    pol.oid = "1.2.3.4.5";
    pol.qualifiers = 2;
    pol.qualifier[0].type = GNUTLS_X509_QUALIFIER_URI;
    pol.qualifier[0].data = "http://cps/";
    pol.qualifier[0].size = 11;
    pol.qualifier[1].type = GNUTLS_X509_QUALIFIER_NOTICE;
    pol.qualifier[1].data = "notice";
    pol.qualifier[1].size = 6;
    printf("pol set=%d\n", gnutls_x509_policies_set(pols, &pol));
    pol.oid = "2.5.29.32.0";
    pol.qualifiers = 0;
    printf("pol set2=%d\n", gnutls_x509_policies_set(pols, &pol));
    r = gnutls_x509_ext_export_policies(pols, &d);
    keep("pol", "2.5.29.32", r, &d);
    gnutls_x509_policies_init(&pols2);
    printf("pol import=%d\n", gnutls_x509_ext_import_policies(&d, pols2, 0));
    for (i = 0; i < 4; i++) {
        r = gnutls_x509_policies_get(pols2, i, &pol);
        printf("pol[%u]=%d", i, r);
        if (r < 0) {
            printf("\n");
            break;
        }
        printf(" %s q=%u", pol.oid, pol.qualifiers);
        for (u = 0; u < pol.qualifiers; u++)
            printf(" [%d %s]", pol.qualifier[u].type, pol.qualifier[u].data);
        printf("\n");
    }
    gnutls_x509_policies_deinit(pols2);
    gnutls_x509_policies_deinit(pols);

    /* plain values */
    r = gnutls_x509_ext_export_subject_key_id(&id, &d);
    keep("skid", "2.5.29.14", r, &d);
    r = gnutls_x509_ext_import_subject_key_id(&d, &v);
    printf("skid import=%d", r);
    if (r >= 0) {
        hex("", v.data, v.size);
        gnutls_free(v.data);
    } else
        printf("\n");
    for (int ca = 0; ca < 2; ca++) {
        r = gnutls_x509_ext_export_basic_constraints(ca, ca ? 3 : -1, &d);
        keep("bc", "2.5.29.19", r, &d);
        unsigned isca = 9;
        int pl = 9;
        r = gnutls_x509_ext_import_basic_constraints(&d, &isca, &pl);
        printf("bc import=%d ca=%u pathlen=%d\n", r, isca, pl);
    }
    r = gnutls_x509_ext_export_key_usage(GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_CERT_SIGN |
                                             GNUTLS_KEY_DECIPHER_ONLY, &d);
    keep("ku", "2.5.29.15", r, &d);
    r = gnutls_x509_ext_import_key_usage(&d, &u);
    printf("ku import=%d %u\n", r, u);
    r = gnutls_x509_ext_export_inhibit_anypolicy(2, &d);
    keep("iap", "2.5.29.54", r, &d);
    r = gnutls_x509_ext_import_inhibit_anypolicy(&d, &u);
    printf("iap import=%d\n", r);
    r = gnutls_x509_ext_export_private_key_usage_period(1700000000, 1800000000, &d);
    keep("pkup", "2.5.29.16", r, &d);
    time_t a = 0, b = 0;
    r = gnutls_x509_ext_import_private_key_usage_period(&d, &a, &b);
    printf("pkup import=%d %ld %ld\n", r, (long)a, (long)b);
    r = gnutls_x509_ext_export_proxy(1, "1.3.6.1.5.5.7.21.1", "pol", 3, &d);
    keep("proxy", "1.3.6.1.5.5.7.1.14", r, &d);
    {
        int pl = 0;
        char *lang = NULL, *p = NULL;
        size_t ps = 0;
        r = gnutls_x509_ext_import_proxy(&d, &pl, &lang, &p, &ps);
        printf("proxy import=%d %d %s %.*s\n", r, pl, lang ? lang : "-", (int)ps, p ? p : "");
        gnutls_free(lang);
        gnutls_free(p);
    }
    gnutls_x509_tlsfeatures_t f, f2;
    gnutls_x509_tlsfeatures_init(&f);
    gnutls_x509_tlsfeatures_add(f, 5);
    gnutls_x509_tlsfeatures_add(f, 17);
    r = gnutls_x509_ext_export_tlsfeatures(f, &d);
    keep("tlsf", "1.3.6.1.5.5.7.1.24", r, &d);
    gnutls_x509_tlsfeatures_init(&f2);
    r = gnutls_x509_ext_import_tlsfeatures(&d, f2, 0);
    printf("tlsf import=%d", r);
    for (i = 0; r >= 0 && gnutls_x509_tlsfeatures_get(f2, i, &u) == 0; i++)
        printf(" %u", u);
    printf("\n");
    gnutls_x509_tlsfeatures_deinit(f2);
    gnutls_x509_tlsfeatures_deinit(f);
    gnutls_x509_name_constraints_t nc, nc2;
    gnutls_x509_name_constraints_init(&nc);
    gnutls_x509_name_constraints_add_permitted(nc, GNUTLS_SAN_DNSNAME, &dns);
    gnutls_x509_name_constraints_add_excluded(nc, GNUTLS_SAN_URI, &uri);
    r = gnutls_x509_ext_export_name_constraints(nc, &d);
    keep("nc", "2.5.29.30", r, &d);
    gnutls_x509_name_constraints_init(&nc2);
    gnutls_datum_t e0;
    printf("nc empty export=%d\n", gnutls_x509_ext_export_name_constraints(nc2, &e0));
    r = gnutls_x509_ext_import_name_constraints(&d, nc2, 0);
    printf("nc import=%d", r);
    if (r >= 0 && gnutls_x509_name_constraints_get_permitted(nc2, 0, &t, &v) == 0)
        printf(" +%u %.*s", t, (int)v.size, v.data);
    if (r >= 0 && gnutls_x509_name_constraints_get_excluded(nc2, 0, &t, &v) == 0)
        printf(" -%u %.*s", t, (int)v.size, v.data);
    printf("\n");
    gnutls_x509_name_constraints_deinit(nc2);
    gnutls_x509_name_constraints_deinit(nc);

    /* bad DER */
    gnutls_datum_t bad = { (unsigned char *)"\x30\x05\x01", 3 };
    gnutls_subject_alt_names_init(&sans);
    printf("bad san=%d\n", gnutls_x509_ext_import_subject_alt_names(&bad, sans, 0) < 0);
    gnutls_subject_alt_names_deinit(sans);
    printf("bad bc=%d\n", gnutls_x509_ext_import_basic_constraints(&bad, &u, &ip) < 0);
    printf("bad ku=%d\n", gnutls_x509_ext_import_key_usage(&bad, &u) < 0);

    /* other names as virtual SAN types */
    {
        static const unsigned char krb5[] = { 0x30, 0x28, 0xa0, 0x0d, 0x1b, 0x0b, 'E', 'X', 'A', 'M', 'P', 'L', 'E',
                                              '.', 'C', 'O', 'M', 0xa1, 0x17, 0x30, 0x15, 0xa0, 0x03, 0x02, 0x01,
                                              0x01, 0xa1, 0x0e, 0x30, 0x0c, 0x1b, 0x04, 'u', 's', 'e', 'r', 0x1b,
                                              0x04, 'h', 'o', 's', 't' };
        struct {
            const char *oid;
            gnutls_datum_t v;
        } on[] = {
            { "1.3.6.1.5.5.7.8.5", { (unsigned char *)"\x0c\x09me@jabber", 11 } },
            { "1.3.6.1.4.1.311.20.2.3", { (unsigned char *)"\x0c\x08u@domain", 10 } },
            { "1.3.6.1.5.2.2", { (unsigned char *)krb5, sizeof krb5 } },
            { "1.2.3.4", { (unsigned char *)"\x0c\x01x", 3 } },
            { "1.3.6.1.5.5.7.8.5", { (unsigned char *)"\x04\x01x", 3 } },
        };
        for (i = 0; i < sizeof on / sizeof on[0]; i++) {
            t = 0;
            r = gnutls_x509_othername_to_virtual(on[i].oid, &on[i].v, &t, &v);
            printf("virtual[%u]=%d", i, r);
            if (r >= 0) {
                printf(" type=%u %.*s", t, (int)v.size, v.data);
                gnutls_free(v.data);
            }
            printf("\n");
        }
    }

    /* Certificate Transparency SCT lists (two v1 SCTs, hand-made) */
    {
        unsigned char sct[2][60];
        unsigned char list[2 + 2 * 62];
        size_t o = 2;
        for (int k = 0; k < 2; k++) {
            unsigned char *q = sct[k];
            *q++ = 0; /* v1 */
            for (int b = 0; b < 32; b++)
                *q++ = (unsigned char)(k * 32 + b); /* log id */
            static const unsigned char ts[8] = { 0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x00 };
            memcpy(q, ts, 8);
            q[7] += (unsigned char)k;
            q += 8;
            *q++ = 0; /* no extensions */
            *q++ = 0;
            *q++ = 4; /* sha256 */
            *q++ = k ? 1 : 3; /* rsa / ecdsa */
            *q++ = 0;
            *q++ = 12;
            for (int b = 0; b < 12; b++)
                *q++ = (unsigned char)(0xa0 + b);
            list[o++] = 0;
            list[o++] = 59;
            memcpy(list + o, sct[k], 59);
            o += 59;
        }
        list[0] = (unsigned char)((o - 2) >> 8);
        list[1] = (unsigned char)(o - 2);
        unsigned char ext[4 + sizeof list];
        ext[0] = 0x04;
        ext[1] = (unsigned char)o; /* < 128: short form */
        memcpy(ext + 2, list, o);
        gnutls_datum_t ed = { ext, (unsigned)(o + 2) };
        gnutls_x509_ct_scts_t scts;
        gnutls_x509_ext_ct_scts_init(&scts);
        printf("scts import=%d\n", gnutls_x509_ext_ct_import_scts(&ed, scts, 0));
        for (i = 0; i < 3; i++) {
            unsigned ver = 0;
            time_t ts = 0;
            gnutls_datum_t lid, sig;
            gnutls_sign_algorithm_t sa = 0;
            r = gnutls_x509_ct_sct_get_version(scts, i, &ver);
            printf("sct[%u] version=%d %u", i, r, ver);
            r = gnutls_x509_ct_sct_get(scts, i, &ts, &lid, &sa, &sig);
            printf(" get=%d", r);
            if (r >= 0) {
                printf(" ts=%ld sa=%d", (long)ts, sa);
                hex(" logid", lid.data, lid.size);
                hex(" sig", sig.data, sig.size);
                gnutls_free(lid.data);
                gnutls_free(sig.data);
            } else
                printf("\n");
        }
        r = gnutls_x509_ext_ct_export_scts(scts, &d);
        printf("scts export=%d", r);
        if (r >= 0) {
            printf(" same=%d\n", d.size == ed.size && memcmp(d.data, ed.data, d.size) == 0);
            gnutls_free(d.data);
        } else
            printf("\n");
        gnutls_x509_ext_ct_scts_deinit(scts);
        gnutls_x509_ext_ct_scts_init(&scts);
        ext[2 + 2 + 2] = 1; /* a v2 SCT */
        printf("scts v2 import=%d\n", gnutls_x509_ext_ct_import_scts(&ed, scts, 0) < 0);
        for (i = 0; i < 3; i++) {
            unsigned ver = 0;
            time_t ts = 0;
            gnutls_sign_algorithm_t sa = 0;
            r = gnutls_x509_ct_sct_get_version(scts, i, &ver);
            printf("v2 sct[%u] version=%d %u", i, r, ver);
            r = gnutls_x509_ct_sct_get(scts, i, &ts, NULL, &sa, NULL);
            printf(" get=%d ts=%ld sa=%d\n", r, (long)ts, sa);
        }
        gnutls_x509_ext_ct_scts_deinit(scts);
    }

    /* merging name constraints (GnuTLS's private helper) */
    {
        static const struct {
            int p1;
            unsigned t1;
            const char *v1;
            unsigned l1;
            int p2;
            unsigned t2;
            const char *v2;
            unsigned l2;
        } mc[] = {
            { 1, 1, "example.com", 0, 1, 1, "www.example.com", 0 },
            { 1, 1, "www.example.com", 0, 1, 1, "example.com", 0 },
            { 1, 1, "example.com", 0, 1, 1, "other.org", 0 },
            { 1, 1, "example.com", 0, 1, 2, "a@b.c", 0 },
            { 0, 1, "bad.com", 0, 0, 1, "worse.com", 0 },
            { 1, 1, "example.com", 0, 0, 1, "x.example.com", 0 },
            { 1, 4, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8, 1, 4, "\x0a\x01\x00\x00\xff\xff\x00\x00", 8 },
            { 1, 4, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8, 1, 4, "\x0b\x01\x00\x00\xff\xff\x00\x00", 8 },
            { 1, 2, "example.com", 0, 1, 2, "user@example.com", 0 },
            { 1, 2, ".example.com", 0, 1, 2, "sub.example.com", 0 },
            { 1, 2, "a@x.com", 0, 1, 2, "x.com", 0 },
            { 1, 3, "http://a", 0, 1, 3, "http://b", 0 },
            { 1, 1, "Example.COM", 0, 1, 1, "www.example.com", 0 },
        };
        for (i = 0; i < sizeof mc / sizeof mc[0]; i++) {
            gnutls_x509_name_constraints_t a, b;
            gnutls_x509_name_constraints_init(&a);
            gnutls_x509_name_constraints_init(&b);
            nc_add(a, mc[i].p1, mc[i].t1, mc[i].v1, mc[i].l1);
            nc_add(b, mc[i].p2, mc[i].t2, mc[i].v2, mc[i].l2);
            printf("merge[%u]=%d", i, _gnutls_x509_name_constraints_merge(a, b));
            nc_dump(a);
            gnutls_x509_name_constraints_deinit(a);
            gnutls_x509_name_constraints_deinit(b);
        }
        gnutls_x509_name_constraints_t a, b;
        gnutls_x509_name_constraints_init(&a);
        gnutls_x509_name_constraints_init(&b);
        nc_add(a, 1, 1, "a.com", 0);
        nc_add(a, 1, 1, "b.com", 0);
        nc_add(a, 1, 2, "x.com", 0);
        nc_add(a, 1, 4, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8);
        nc_add(a, 0, 1, "bad.a.com", 0);
        nc_add(b, 1, 1, "x.b.com", 0);
        nc_add(b, 1, 1, "y.a.com", 0);
        nc_add(b, 1, 1, "z.b.com", 0);
        nc_add(b, 1, 2, "y.com", 0);
        nc_add(b, 1, 3, "http://u", 0);
        nc_add(b, 0, 1, "evil.org", 0);
        printf("merge multi=%d", _gnutls_x509_name_constraints_merge(a, b));
        nc_dump(a);
        gnutls_x509_name_constraints_deinit(a);
        gnutls_x509_name_constraints_deinit(b);
        gnutls_x509_name_constraints_init(&a);
        gnutls_x509_name_constraints_init(&b);
        nc_add(a, 1, 1, "a.com", 0);
        nc_add(a, 1, 2, "x.com", 0);
        nc_add(a, 1, 4, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8);
        nc_add(b, 1, 4, "\x0b\x00\x00\x00\xff\x00\x00\x00", 8);
        nc_add(b, 1, 2, "y.com", 0);
        nc_add(b, 1, 1, "b.com", 0);
        printf("merge none=%d", _gnutls_x509_name_constraints_merge(a, b));
        nc_dump(a);
        gnutls_x509_name_constraints_deinit(a);
        gnutls_x509_name_constraints_deinit(b);
        /* every type, permitted and excluded, duplicates across the two */
        gnutls_x509_name_constraints_init(&a);
        gnutls_x509_name_constraints_init(&b);
        nc_add(a, 0, 4, "\x0a\x00\x00\x00\xff\x00\x00\x00", 8);
        nc_add(a, 0, 3, "ua", 0);
        nc_add(a, 0, 1, "da", 0);
        nc_add(a, 0, 2, "ea", 0);
        nc_add(a, 0, 1, "same", 0);
        nc_add(b, 0, 2, "eb", 0);
        nc_add(b, 0, 6, "\x30\x00", 2);
        nc_add(b, 0, 1, "db", 0);
        nc_add(b, 0, 3, "ub", 0);
        nc_add(b, 0, 1, "same", 0);
        nc_add(a, 1, 6, "\x30\x00", 2);
        nc_add(a, 1, 2, "x.com", 0);
        nc_add(a, 1, 3, "pu", 0);
        nc_add(b, 1, 2, "y.com", 0);
        nc_add(b, 1, 1, "z.com", 0);
        nc_add(b, 1, 6, "\x30\x00", 2);
        nc_add(b, 1, 3, "pv", 0);
        printf("merge mixed=%d", _gnutls_x509_name_constraints_merge(a, b));
        nc_dump(a);
        gnutls_x509_name_constraints_deinit(a);
        gnutls_x509_name_constraints_deinit(b);
    }

    /* GeneralizedTime strings */
    {
        static const char *gt[] = { "20240131030405Z", "20240132030405Z", "20240100030405Z", "20240230030405Z",
                                    "20240102250405Z", "20240102036105Z", "2024010203040Z",  "202401020304Z",
                                    "19691231235959Z", "20240102030405",  "20240102030405.5Z", "Z20240102030405",
                                    "20240229000000Z", "20230229000000Z", "30000101000000Z", "2024010203Z", "" };
        for (i = 0; i < sizeof gt / sizeof gt[0]; i++)
            printf("gtime %s=%ld\n", gt[i], (long)_gnutls_x509_generalTime2gtime(gt[i]));
    }

    /* printing all of them */
    r = gnutls_x509_ext_print(exts, nexts, GNUTLS_CRT_PRINT_FULL, &d);
    printf("ext_print=%d\n%s\n", r, r >= 0 ? (char *)d.data : "");
    if (r >= 0)
        gnutls_free(d.data);
    for (i = 0; i < nexts; i++) {
        /* ext_deinit frees both with gnutls_free */
        char *o2 = gnutls_malloc(strlen(exts[i].oid) + 1);
        strcpy(o2, exts[i].oid);
        free(exts[i].oid);
        exts[i].oid = o2;
        gnutls_x509_ext_deinit(&exts[i]);
    }
    gnutls_global_deinit();
    return 0;
}
