/* Differential test of gnutls_dh_params_* (src/cred/dh.c): import from raw
 * values and PKCS#3 (PEM and DER, with and without privateValueLength),
 * export (PEM text, DER, raw values and bits), GnuTLS's size rules for
 * export_pkcs3, and the errors for malformed input. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

static void export_sizes(gnutls_dh_params_t p, gnutls_x509_crt_fmt_t fmt)
{
    static const size_t tries[] = {0, 100, 267, 268, 269, 423, 424, 425, 4096};
    unsigned char buf[4096];
    size_t sz;
    unsigned i;
    int r;

    for (i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
        sz = tries[i];
        memset(buf, 'x', sizeof(buf));
        r = gnutls_dh_params_export_pkcs3(p, fmt, sz ? buf : NULL, &sz);
        printf("  export_pkcs3(%s, %zu) = %d size=%zu nul=%s\n", fmt == GNUTLS_X509_FMT_PEM ? "PEM" : "DER", tries[i],
               r, sz, r == 0 ? (buf[sz] == 0 ? "yes" : "no") : "-");
    }
}

static void show_raw(gnutls_dh_params_t p)
{
    gnutls_datum_t pr, g;
    unsigned bits = 12345;
    int r = gnutls_dh_params_export_raw(p, &pr, &g, &bits);

    printf("  export_raw = %d", r);
    if (r == 0) {
        printf(" prime=%u bytes first=%02x generator=%u bytes value=%d bits=%u", pr.size, pr.data[0], g.size,
               g.data[0], bits);
        gnutls_free(pr.data);
        gnutls_free(g.data);
    }
    printf("\n");
}

int main(void)
{
    gnutls_dh_params_t p, q;
    gnutls_datum_t out, der, pem;
    int r;

    gnutls_global_init();
    gnutls_dh_params_init(&p);
    gnutls_dh_params_init(&q);

    printf("import_raw ffdhe2048 = %d\n",
           gnutls_dh_params_import_raw(p, &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator));
    r = gnutls_dh_params_export2_pkcs3(p, GNUTLS_X509_FMT_PEM, &out);
    printf("export2 PEM = %d size=%u\n%.*s", r, out.size, (int)out.size, out.data);
    pem = out;
    show_raw(p);
    export_sizes(p, GNUTLS_X509_FMT_PEM);
    export_sizes(p, GNUTLS_X509_FMT_DER);

    printf("import_raw2 ffdhe3072, 276 bits = %d\n",
           gnutls_dh_params_import_raw2(p, &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator, 276));
    r = gnutls_dh_params_export2_pkcs3(p, GNUTLS_X509_FMT_DER, &der);
    printf("export2 DER = %d size=%u\n", r, der.size);
    show_raw(p);

    printf("import_pkcs3 DER (with length) = %d\n", gnutls_dh_params_import_pkcs3(q, &der, GNUTLS_X509_FMT_DER));
    show_raw(q);
    printf("import_pkcs3 PEM (no length) = %d\n", gnutls_dh_params_import_pkcs3(q, &pem, GNUTLS_X509_FMT_PEM));
    show_raw(q);
    printf("cpy = %d\n", gnutls_dh_params_cpy(p, q));
    show_raw(p);
    gnutls_free(der.data);
    gnutls_free(pem.data);

    der.data = (unsigned char *)"junk";
    der.size = 4;
    printf("import junk PEM = %d\n", gnutls_dh_params_import_pkcs3(q, &der, GNUTLS_X509_FMT_PEM));
    printf("import junk DER = %d\n", gnutls_dh_params_import_pkcs3(q, &der, GNUTLS_X509_FMT_DER));

    gnutls_dh_params_deinit(p);
    gnutls_dh_params_deinit(q);
    gnutls_global_deinit();
    return 0;
}
