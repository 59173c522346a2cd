/* Differential test of the remaining abstract-key helpers
 * (src/x509/pubkey-raw.c): public-key raw
 * exports with and without leading zeros (RSA, EC, DSA), X9.62 export and
 * import of EC keys, key usage set on a public key, parameter checks, and
 * the private key's status and flags. */
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ext-key-cb.h"
#include "test-keys.h"

static void hex(const char *l, const gnutls_datum_t *d)
{
    printf("  %s (%u):", l, d->size);
    for (unsigned i = 0; i < d->size; i++)
        printf("%s%02x", i ? "" : " ", d->data[i]);
    printf("\n");
}

static gnutls_pubkey_t pub_of(gnutls_privkey_t k)
{
    gnutls_pubkey_t p;
    gnutls_pubkey_init(&p);
    if (gnutls_pubkey_import_privkey(p, k, 0, 0) < 0)
        exit(1);
    return p;
}

int main(void)
{
    gnutls_privkey_t rsa, ec;
    gnutls_pubkey_t prsa, pec, p2;
    gnutls_datum_t a, b, c, d, der;
    gnutls_ecc_curve_t curve;
    unsigned usage = 0;
    int r;

    gnutls_global_init();
    rsa = load(rsa_key);
    ec = load(ec_key);
    prsa = pub_of(rsa);
    pec = pub_of(ec);

    r = gnutls_pubkey_export_rsa_raw2(prsa, &a, &b, 0);
    printf("export_rsa_raw2: %d\n", r);
    hex("m", &a);
    hex("e", &b);
    gnutls_free(a.data);
    gnutls_free(b.data);
    r = gnutls_pubkey_export_rsa_raw2(prsa, &a, &b, GNUTLS_EXPORT_FLAG_NO_LZ);
    printf("export_rsa_raw2 NO_LZ: %d\n", r);
    hex("m", &a);
    gnutls_free(a.data);
    gnutls_free(b.data);
    printf("export_rsa_raw2 of ec: %d\n", gnutls_pubkey_export_rsa_raw2(pec, &a, &b, 0));
    r = gnutls_pubkey_export_ecc_raw2(pec, &curve, &a, &b, 0);
    printf("export_ecc_raw2: %d curve %d\n", r, (int)curve);
    hex("x", &a);
    hex("y", &b);
    gnutls_free(a.data);
    gnutls_free(b.data);
    r = gnutls_pubkey_export_ecc_raw2(pec, &curve, &a, &b, GNUTLS_EXPORT_FLAG_NO_LZ);
    printf("export_ecc_raw2 NO_LZ: %d\n", r);
    hex("x", &a);
    hex("y", &b);
    gnutls_free(a.data);
    gnutls_free(b.data);
    printf("export_dsa_raw of rsa: %d\n", gnutls_pubkey_export_dsa_raw(prsa, &a, &b, &c, &d));
    printf("export_dsa_raw2 of ec: %d\n", gnutls_pubkey_export_dsa_raw2(pec, &a, &b, &c, &d, 0));

    r = gnutls_pubkey_export_ecc_x962(pec, &a, &b);
    printf("export_ecc_x962: %d\n", r);
    hex("parameters", &a);
    hex("ecpoint", &b);
    gnutls_pubkey_init(&p2);
    printf("import_ecc_x962: %d\n", gnutls_pubkey_import_ecc_x962(p2, &a, &b));
    r = gnutls_pubkey_export2(p2, GNUTLS_X509_FMT_DER, &der);
    gnutls_pubkey_export2(pec, GNUTLS_X509_FMT_DER, &c);
    printf("  same SPKI as the original: %s\n", r == 0 && der.size == c.size && memcmp(der.data, c.data, c.size) == 0 ? "yes" : "no");
    gnutls_free(der.data);
    gnutls_free(c.data);
    a.size--;
    printf("import_ecc_x962 truncated parameters: %d\n", gnutls_pubkey_import_ecc_x962(p2, &a, &b));
    gnutls_free(a.data);
    gnutls_free(b.data);
    gnutls_pubkey_deinit(p2);
    printf("export_ecc_x962 of rsa: %d\n", gnutls_pubkey_export_ecc_x962(prsa, &a, &b));

    printf("set_key_usage: %d\n", gnutls_pubkey_set_key_usage(prsa, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_CERT_SIGN));
    r = gnutls_pubkey_get_key_usage(prsa, &usage);
    printf("get_key_usage: %d %u\n", r, usage);
    printf("pubkey verify_params rsa %d ec %d\n", gnutls_pubkey_verify_params(prsa), gnutls_pubkey_verify_params(pec));
    printf("privkey verify_params rsa %d ec %d\n", gnutls_privkey_verify_params(rsa), gnutls_privkey_verify_params(ec));
    printf("privkey status %d\n", gnutls_privkey_status(rsa));
    gnutls_privkey_set_flags(rsa, GNUTLS_PRIVKEY_FLAG_EXPORT_COMPAT);
    {
        gnutls_datum_t data = {(unsigned char *)"abc", 3}, sig;
        r = gnutls_privkey_sign_data(rsa, GNUTLS_DIG_SHA256, 0, &data, &sig);
        printf("sign after set_flags: %d\n", r);
        if (r == 0)
            gnutls_free(sig.data);
    }
    gnutls_pubkey_set_pin_function(prsa, NULL, NULL);

    gnutls_pubkey_deinit(prsa);
    gnutls_pubkey_deinit(pec);
    gnutls_privkey_deinit(rsa);
    gnutls_privkey_deinit(ec);
    gnutls_global_deinit();
    return 0;
}
