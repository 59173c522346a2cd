/* Differential: the gnutls_x509_dn_t API (get_subject/get_issuer, get_str,
 * get_str2, get_rdn_ava, init/import) over the system CA bundle. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>

static void print_dn(const char *what, gnutls_x509_dn_t dn)
{
    gnutls_datum_t s;
    int r = gnutls_x509_dn_get_str(dn, &s);
    printf("  %s str: %d %s\n", what, r, r == 0 ? (char *)s.data : "");
    if (r == 0)
        gnutls_free(s.data);
    for (unsigned f = 0; f < 2; f++) {
        r = gnutls_x509_dn_get_str2(dn, &s, f ? GNUTLS_X509_DN_FLAG_COMPAT : 0);
        printf("  %s str2(%u): %d %s\n", what, f, r, r == 0 ? (char *)s.data : "");
        if (r == 0)
            gnutls_free(s.data);
    }
    for (int i = 0; i < 12; i++) {
        for (int j = 0; j < 4; j++) {
            gnutls_x509_ava_st ava;
            r = gnutls_x509_dn_get_rdn_ava(dn, i, j, &ava);
            if (r < 0) {
                if (j == 0)
                    printf("  %s rdn %d: %d\n", what, i, r);
                break;
            }
            printf("  %s rdn %d ava %d: %.*s tag %lu len %u:", what, i, j, (int)ava.oid.size,
                   (char *)ava.oid.data, ava.value_tag, ava.value.size);
            for (unsigned k = 0; k < ava.value.size; k++)
                printf("%02x", ava.value.data[k]);
            printf("\n");
        }
        if (r < 0)
            break;
    }
}

int main(void)
{
    gnutls_datum_t bundle;
    if (gnutls_load_file("/etc/ssl/certs/ca-certificates.crt", &bundle) < 0)
        return 1;
    gnutls_x509_crt_t *list;
    unsigned n;
    if (gnutls_x509_crt_list_import2(&list, &n, &bundle, GNUTLS_X509_FMT_PEM, 0) < 0)
        return 1;
    for (unsigned i = 0; i < n; i++) {
        gnutls_x509_dn_t dn;
        printf("cert %u\n", i);
        if (gnutls_x509_crt_get_subject(list[i], &dn) == 0)
            print_dn("subject", dn);
        if (gnutls_x509_crt_get_issuer(list[i], &dn) == 0)
            print_dn("issuer", dn);
        /* a free-standing copy made from the raw DER */
        gnutls_datum_t raw;
        if (gnutls_x509_crt_get_raw_dn(list[i], &raw) == 0) {
            gnutls_x509_dn_t own;
            gnutls_x509_dn_init(&own);
            printf("  import: %d\n", gnutls_x509_dn_import(own, &raw));
            print_dn("copy", own);
            gnutls_x509_dn_deinit(own);
            gnutls_free(raw.data);
        }
        gnutls_x509_crt_deinit(list[i]);
    }
    gnutls_free(list);
    gnutls_free(bundle.data);
    gnutls_datum_t junk = {(unsigned char *)"\x30\x03\x31\x01", 4};
    gnutls_x509_dn_t own;
    gnutls_x509_dn_init(&own);
    printf("junk import: %s\n", gnutls_x509_dn_import(own, &junk) < 0 ? "error" : "ok");
    gnutls_x509_dn_deinit(own);
    return 0;
}
