/* Differential test of private keys from raw parameters
 * (gnutls_x509_privkey_import_{rsa,rsa2,dsa,ecc}_raw and the
 * gnutls_privkey_import_*_raw wrappers): parameters exported from keys,
 * imported into fresh keys, re-exported as PKCS#8 (must be identical to
 * real GnuTLS); signing with bare keys (RSA PKCS#1 v1.5 is deterministic),
 * fix and seed checks; DN export in DER and PEM. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sign-key.h"

static const char dsa_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIBWgIBADCCATMGByqGSM44BAEwggEmAoGBAMkVMsKWtj4Wps9K0OcK595eoEJA\n"
    "Gu/tmNFQCF2UmkiCzfjSsFjKwWCeADEhJT8b9lmBFVdXhrbRm7PZuAVit8kdrJrX\n"
    "mWxYe3Nest6OQgJaSnubTCuG0k2ewPKyB+hbOIlOjM6Zh0phXbx3Q3JYf9JSdpEA\n"
    "VqI+Ti/5Zq4sneIBAh0AlwWEtp55Kxhk+YVsED19NW7dVh++z87v7TpJOQKBgFY3\n"
    "949Xc+tjiuGM1RHwEcDIEucchds61bPab5iOHJF9d3Zbdl1w/4SNO1pOb+TvnlN0\n"
    "MnmNqWy4b8itzsHy4kHEEK2OnW74590y2vBIVr+PY3PoJRJWb3KwRy3VMxrPgG0H\n"
    "2PM4WPwptFaa6h4xw3QmCdwahaBFbsnq5e31bA1FBB4CHBtplEPjRxfym5EZ2iEz\n"
    "t2MtWc1z1LgwrebXBYg=\n"
    "-----END PRIVATE KEY-----\n"
    ;

static const char ec_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTHe9rydRimOH8bhm\n"
    "BsBsOREoRcZpHnS1c2i5vbSs682hRANCAAR24h8i6l+yoxT3Sa8TG/lVzSCfUqPS\n"
    "mB4C0yTXZXzU2iy/VqTi910U5RVsx1k16hPINTD8rc6Iqmqc/g2Lf2l4\n"
    "-----END PRIVATE KEY-----\n"
    ;

static const char ed_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIMlrhxY/czjplpkbbVhiMgzIBdOH9XDi6+ckGdfL8QaY\n"
    "-----END PRIVATE KEY-----\n"
    ;

static const char trad_aes[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "Proc-Type: 4,ENCRYPTED\n"
    "DEK-Info: AES-128-CBC,B1E71C47874FE6A11CB85FFC17202E7F\n"
    "\n"
    "EKkZAf+YBvUCggV1VdhfkRjIgx2TVW4mDnNEhfmVArfslsWHJWgMjP+ZMXqhOu+V\n"
    "ZGLh6fFEZhdh2SB8+HZX+DNY2/c1JNaAqK9G+Eq+nZ/KICPAmfAeht5IAVK5CHkR\n"
    "2mEp4hK/tOEFSiJ9de8NHqItERo/nLpXL4gigO7KE3gaKKo5BKoLZksDhTf8dhsN\n"
    "h0vJE831hhX83QxBVuQh3yXXUurElbFthl/J4WPuO+WvdGy16IcNLknAt+gs3D6U\n"
    "kMIqYi1usUgPjd+7uqLbBnpXl3IqqJ1YnefqdoUWo9xPdT+gqqCiR3pY9PH5PAWT\n"
    "6fk8Zi4FHvavti/Q9NJuuC3cVbJlA4tZsLD85f6+mhN9+qID8indNQCr684vccWf\n"
    "dngq+zUBejWKFWmg+/ODSMdnV/r3tbouzABgVZB03M53BwRReKLs7lUeFag+spro\n"
    "AIqd1hHZrBEyQ0v8LinoW3G1voKhIjV4US1D7xRJCSr8gOwEWnc6QwtrpPf21wP5\n"
    "FcUXPaVLfmjR9DQIq9Ib/M+OnRYGMwhFl84CWe8QU2UPfKmSsud8hbf0nxJnwlDZ\n"
    "MJNrwQLviv2RuOhaGD/NkThJur7LSWyleum8VkfrpjMjWVQkIRACzUofDy1qxgUY\n"
    "NC7oM4r7yJaodx1Cj7ietNsf6rc/6TnBshZI90RRbkXxfz1rbySL2VCrr4juXS+a\n"
    "hC5fjYX89IO6rqEIR612dIlV1HMB5FprqTvJKXkXeVoSWP7XWRa6Hws/rFo1h6av\n"
    "hyg51eOs4c4scYVn+AT8+gXSkF3ZvG/rXTfkmhr1JXI5uqz2QT0cPL75C5BUKUxU\n"
    "OOOS3HvT0OOJwlDcy+2cIVT4quM+css+ag9xcqmHMI1tnW27BZYoiVGfU/3RJgNU\n"
    "UTS+tJqCBiQMyQyURIc+wXTF/BmYPN7tjHOk3rkgvBN6h4VPIt+jiwflJ+boy0Nm\n"
    "arJB//SyqeUw7x74M7NAYLoOlQY4ZTGqaj0ztJQlMLUaVFPbtUZxQGF86ILtYKUY\n"
    "RijlDhRZUyl25eLhIp+wxIIMvj++SMotHgtRzXiJK1Ppc+tW3ltIrrmibOTeV8Yk\n"
    "LjUfFk9IbCGnWQq6BOAGvHxDU7zyCjeJVIUZrl/6BvjWsGtYkUynDw+/vjcsbvpW\n"
    "P9SXZKZXHaHMRjbw98VVZTLuDvRrB2QPgAA9UxCiVWl7DBaFQ/B+ci4hn2s88SKU\n"
    "pP35P1dhqbXCuJH5TPs9YA/54y7zWvLTPQkHtnDZur8CymKKvff0ZZQkMFd8JSGf\n"
    "S/qwvm17n5LYX2LR/HmD1Kzd4JZx5pAz6sMeAdYIMlknc6JyLFqngiU6mq94zYHG\n"
    "5ilSBCHZlKurhETJqXQyQexUjigEz+Fr9NIci2KWEt69REC+ytYhzFRAKS33+bQ5\n"
    "v15DFaLTVlyNLxu+vPiXgl75Pu+WbpKvf6yipjmsH1Tdb34ZP0552fJr6I2R74cI\n"
    "eL8Zo3XJKu4hpmQ1qShSNDtfuNbo4Gc1YeE0Hh2tp+XJuPIadD1E0tvrQ+vykir6\n"
    "zwuz4LEOiOLKx62cEgkL1u8k+p2bLzH+RNt+py+mTRMTFC7fSqhXErMycXAmcO1n\n"
    "-----END RSA PRIVATE KEY-----\n"
    ;

static const char trad_ec[] =
    "-----BEGIN EC PRIVATE KEY-----\n"
    "Proc-Type: 4,ENCRYPTED\n"
    "DEK-Info: DES-EDE3-CBC,D4E55A8B24823212\n"
    "\n"
    "/mq5v1xgByczXFDald9VwHZZnsdyO+D5Iz6L1FTfhKWNRXOS5P3+Xucio8d94Ccy\n"
    "1D4OmrC43caJ4bt+eI4xb57oe0uy+ooN3+vSAxanVc45nBrjHzgPZVE/XEJWbtHa\n"
    "ErdqIswAqzRkUxhqfunCoznAkJpTc5VSxqoo45j6maE=\n"
    "-----END EC PRIVATE KEY-----\n"
    ;

static const char trad_plain[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEpAIBAAKCAQEAuOBFQYUNgRWq7wo+sAcdAKNbVecs14jxQtk4rPmFcIaIxV7b\n"
    "dmJDJeDDcOLrApnWmvbbrowv2c8/ol7ijnAl1N1eWYIL3AYfmtEVxrwdfdabzvkl\n"
    "kbNNYwtSpvo/rfaxHFErZBvlFU+ULP8t1pdCqaNHyO96jvp7ONCjvpQVmRdMcM7Q\n"
    "EFhsTCj9qH2/ERkSd2QQgdTqs3/NHlbDJ2pSrNJQ3orUztNw13pt7JzQrZoAa8KI\n"
    "sIM81hWE1XrBO3HPrPJxdQzYAU+8TxDYtpidrQZRgds1YtxWR/0Vk9dxoqUJQ7WV\n"
    "HW3lcF8KVgXGHY61W3zTUFtsTWIQBRVQTLcp/wIDAQABAoIBAAveu8OdrITLDzBi\n"
    "4CyC1b4KlFzbHMTH8kmgUyRpWZkkd4Kd+QmhpyhhmoV/JFIEmO6r2+YEnTaRuRxj\n"
    "6uL0rhEml3Nix1UnVX8mCTe7MJ+O7cO9DnL2PV6XGwWakAfLjN/sZun6D9wtlwNz\n"
    "7OMCz5EUaTxXAppMgyiI3i091SHWQkjtFiqyuFT7viV2jvBaSNQcGPxwVApJrhbM\n"
    "8O8/LRIDfT2hIJIQ9rR8aJQeKVYGbG9Z89Vr4UB08XvDY+DPImVj+3wSwvI22r8q\n"
    "5+AfemI6zjLjlPo8SWqi/d1kS8l9U1SjsgKGsa0F4MdqNb4CKo4CHIdqUhCroeiu\n"
    "9L0X3wECgYEA6MpRe9Ekx8FJBY/VHtskKgCB2gJd05oQOAQQl9Cg83jNgmqRXD/T\n"
    "UOIfXhhhGfFR+uthxPxwTsDT6iVi+0bBnR8I8/rXOPvdD9+JcdMLaqSR8NEQ5J91\n"
    "N0NwJteY818H+Hnt/1EMvt8s+urQcu9Rz9GXqp8gt9q+fm/ENvOgPQECgYEAy08A\n"
    "On6ksJOCa+FqJnUNpflRDjhoEHX6jl74MzdjEn57YuSLbnz1rKlfAy7eXpQkbErY\n"
    "ukAprvEyhRPV96YqLVnhxW0YBZjfbO263ndMMUvvCIXutyVgwRZPmMG66HYaXTbS\n"
    "WDSs5zCzpiZPFKUsYppKkKTjXy7AP9jlkivMZv8CgYEAsyBDNRBIygCb7NCxgI3F\n"
    "tSAwyw15H0L0afYOwpMB1ndFQ6427hIay6lD08bUqP69Q2PuFoLc9GyCZDCiipH2\n"
    "l61y2TJSfAGqJ/WtME3iAgxiVDi7VACzVHPrD6hkhBjC7Fr+XLEEKrdWSDl5bodi\n"
    "n5Q6rUrHBVIntOjRxisPSQECgYAW6nmxHjM7//R0an0HhqwaKCb9vlfkexfZ0lSR\n"
    "mU2eeQk5VV9t/cHHS3P9LNw9tt8AIdOZ8r+AC4nRPDIi7uTUJcxv72MExn1wjr9A\n"
    "chvxdoij4kzM8fac7QHdywBhUWaZWSOOc6mFiZTGRo0lW5TMLG35Lcy/Hsrmp3EA\n"
    "79TjSwKBgQCBe/UnpVp8Kut/zo6ALPY8vknPJg1H4pp3m8blpwTODhRdXc6fAb1Y\n"
    "XzOX9K6L+EVChWL0rhzfcmtA+TxcLq8P9FYWecOx5qYGq1TiA/q04R5dB/HsQUuP\n"
    "BdYFbwWP/5wZf+DCOZ6/EHeuY/+w6BpmjQJyiqh4T+czB/teGAkQEg==\n"
    "-----END RSA PRIVATE KEY-----\n"
    ;

static void hex(const char *label, const unsigned char *d, size_t n)
{
    printf("%s(%u)=", label, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", d[i]);
    printf("\n");
}

static void show_key(const char *label, gnutls_x509_privkey_t k, int r)
{
    gnutls_datum_t out;
    printf("%s import=%d\n", label, r);
    if (r < 0)
        return;
    r = gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &out);
    printf("%s pkcs8=%d\n%s", label, r, r >= 0 ? (char *)out.data : "");
    if (r >= 0)
        gnutls_free(out.data);
    unsigned bits = 0;
    printf("%s pk=%d bits=%u\n", label, gnutls_x509_privkey_get_pk_algorithm2(k, &bits), bits);
}

static gnutls_x509_privkey_t load(const char *pem)
{
    gnutls_x509_privkey_t k;
    gnutls_datum_t d = { (unsigned char *)pem, strlen(pem) };
    gnutls_x509_privkey_init(&k);
    if (gnutls_x509_privkey_import(k, &d, GNUTLS_X509_FMT_PEM) < 0)
        printf("load failed\n");
    return k;
}

static void dfree(gnutls_datum_t *d, int n)
{
    for (int i = 0; i < n; i++)
        gnutls_free(d[i].data);
}

int main(void)
{
    gnutls_x509_privkey_t src, k;
    gnutls_privkey_t pk;
    gnutls_datum_t p[8], sig;
    int r;

    setvbuf(stdout, NULL, _IOLBF, 0);
    gnutls_global_init();

    /* RSA */
    src = load(key_pem);
    r = gnutls_x509_privkey_export_rsa_raw2(src, &p[0], &p[1], &p[2], &p[3], &p[4], &p[5], &p[6], &p[7]);
    printf("rsa export=%d\n", r);
    gnutls_x509_privkey_init(&k);
    show_key("rsa2", k, gnutls_x509_privkey_import_rsa_raw2(k, &p[0], &p[1], &p[2], &p[3], &p[4], &p[5], &p[6], &p[7]));
    gnutls_x509_privkey_deinit(k);
    gnutls_x509_privkey_init(&k);
    show_key("rsa", k, gnutls_x509_privkey_import_rsa_raw(k, &p[0], &p[1], &p[2], &p[3], &p[4], &p[5]));
    gnutls_x509_privkey_deinit(k);
    gnutls_privkey_init(&pk);
    r = gnutls_privkey_import_rsa_raw(pk, &p[0], &p[1], &p[2], &p[3], &p[4], &p[5], NULL, NULL);
    printf("privkey rsa import=%d type=%d\n", r, gnutls_privkey_get_pk_algorithm(pk, NULL));
    gnutls_datum_t msg = { (unsigned char *)"hello world", 11 };
    r = gnutls_privkey_sign_data(pk, GNUTLS_DIG_SHA256, 0, &msg, &sig);
    printf("privkey sign=%d\n", r);
    {
        unsigned char seed[64];
        size_t ss = sizeof seed;
        gnutls_digest_algorithm_t sd = 0;
        printf("privkey get_seed=%d\n", gnutls_privkey_get_seed(pk, &sd, seed, &ss));
    }
    if (r >= 0) {
        hex("sig", sig.data, sig.size);
        gnutls_free(sig.data);
    }
    gnutls_privkey_deinit(pk);
    dfree(p, 8);

    /* signing with the bare key */
    unsigned char buf[512];
    size_t sz = sizeof buf;
    r = gnutls_x509_privkey_sign_data(src, GNUTLS_DIG_SHA256, 0, &msg, buf, &sz);
    printf("sign_data=%d\n", r);
    if (r >= 0)
        hex("sig", buf, sz);
    sz = 10;
    printf("sign_data short=%d size=%u\n", gnutls_x509_privkey_sign_data(src, GNUTLS_DIG_SHA256, 0, &msg, buf, &sz),
           (unsigned)sz);
    /* a SHA-256 DigestInfo prefix and digest, signed raw */
    static const unsigned char di[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04,
                                        0x02, 0x01, 0x05, 0x00, 0x04, 0x20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                        13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };
    gnutls_datum_t h = { (unsigned char *)di, sizeof di };
    r = gnutls_x509_privkey_sign_hash(src, &h, &sig);
    printf("sign_hash=%d\n", r);
    if (r >= 0) {
        hex("sig", sig.data, sig.size);
        gnutls_free(sig.data);
    }
    printf("fix=%d\n", gnutls_x509_privkey_fix(src));
    printf("verify_seed=%d\n", gnutls_x509_privkey_verify_seed(src, GNUTLS_DIG_SHA256, NULL, 0));
    gnutls_x509_privkey_deinit(src);

    /* DSA */
    src = load(dsa_pem);
    r = gnutls_x509_privkey_export_dsa_raw(src, &p[0], &p[1], &p[2], &p[3], &p[4]);
    printf("dsa export=%d\n", r);
    gnutls_x509_privkey_init(&k);
    show_key("dsa", k, gnutls_x509_privkey_import_dsa_raw(k, &p[0], &p[1], &p[2], &p[3], &p[4]));
    gnutls_x509_privkey_deinit(k);
    gnutls_privkey_init(&pk);
    printf("privkey dsa=%d\n", gnutls_privkey_import_dsa_raw(pk, &p[0], &p[1], &p[2], &p[3], &p[4]));
    gnutls_privkey_deinit(pk);
    dfree(p, 5);
    printf("dsa verify_seed=%d\n", gnutls_x509_privkey_verify_seed(src, GNUTLS_DIG_SHA256, NULL, 0));
    gnutls_x509_privkey_deinit(src);

    /* ECDSA and Ed25519 */
    const char *names[2] = { "ec", "ed25519" };
    const char *pems[2] = { ec_pem, ed_pem };
    for (int i = 0; i < 2; i++) {
        gnutls_ecc_curve_t curve;
        src = load(pems[i]);
        memset(p, 0, sizeof p);
        r = gnutls_x509_privkey_export_ecc_raw(src, &curve, &p[0], &p[1], &p[2]);
        printf("%s export=%d curve=%d\n", names[i], r, curve);
        gnutls_x509_privkey_init(&k);
        show_key(names[i], k, gnutls_x509_privkey_import_ecc_raw(k, curve, &p[0], &p[1], &p[2]));
        gnutls_x509_privkey_deinit(k);
        gnutls_privkey_init(&pk);
        printf("privkey %s=%d\n", names[i], gnutls_privkey_import_ecc_raw(pk, curve, &p[0], &p[1], &p[2]));
        gnutls_privkey_deinit(pk);
        dfree(p, 3);
        printf("%s verify_seed=%d\n", names[i], gnutls_x509_privkey_verify_seed(src, GNUTLS_DIG_SHA256, NULL, 0));
        gnutls_x509_privkey_deinit(src);
    }

    /* public keys: raw exports with and without leading zeros, X9.62 */
    {
        const char *pk_pems[3] = { key_pem, dsa_pem, ec_pem };
        for (int i = 0; i < 3; i++) {
            gnutls_privkey_t prv;
            gnutls_pubkey_t pub, pub2;
            gnutls_datum_t kd2 = { (unsigned char *)pk_pems[i], strlen(pk_pems[i]) };
            gnutls_privkey_init(&prv);
            gnutls_privkey_import_x509_raw(prv, &kd2, GNUTLS_X509_FMT_PEM, NULL, 0);
            gnutls_pubkey_init(&pub);
            printf("pub[%d] import=%d\n", i, gnutls_pubkey_import_privkey(pub, prv, 0, 0));
            for (unsigned fl = 0; fl < 2; fl++) {
                unsigned flags = fl ? GNUTLS_EXPORT_FLAG_NO_LZ : 0;
                memset(p, 0, sizeof p);
                if (i == 0) {
                    r = gnutls_pubkey_export_rsa_raw2(pub, &p[0], &p[1], flags);
                    printf("rsa_raw2(%u)=%d", flags, r);
                    if (r >= 0) {
                        hex(" m", p[0].data, p[0].size);
                        hex(" e", p[1].data, p[1].size);
                        dfree(p, 2);
                    } else
                        printf("\n");
                } else if (i == 1) {
                    r = gnutls_pubkey_export_dsa_raw2(pub, &p[0], &p[1], &p[2], &p[3], flags);
                    printf("dsa_raw2(%u)=%d", flags, r);
                    if (r >= 0) {
                        hex(" q", p[1].data, p[1].size);
                        hex(" y", p[3].data, p[3].size);
                        dfree(p, 4);
                    } else
                        printf("\n");
                } else {
                    gnutls_ecc_curve_t cv;
                    r = gnutls_pubkey_export_ecc_raw2(pub, &cv, &p[0], &p[1], flags);
                    printf("ecc_raw2(%u)=%d curve=%d", flags, r, cv);
                    if (r >= 0) {
                        hex(" x", p[0].data, p[0].size);
                        dfree(p, 2);
                    } else
                        printf("\n");
                }
            }
            gnutls_datum_t par, pt;
            r = gnutls_pubkey_export_ecc_x962(pub, &par, &pt);
            printf("x962=%d\n", r);
            if (r >= 0) {
                hex(" params", par.data, par.size);
                hex(" point", pt.data, pt.size);
                gnutls_pubkey_init(&pub2);
                printf("import x962=%d\n", gnutls_pubkey_import_ecc_x962(pub2, &par, &pt));
                gnutls_datum_t der;
                if (gnutls_pubkey_export2(pub2, GNUTLS_X509_FMT_DER, &der) >= 0) {
                    hex(" spki", der.data, der.size);
                    gnutls_free(der.data);
                }
                gnutls_pubkey_deinit(pub2);
                gnutls_free(par.data);
                gnutls_free(pt.data);
            }
            unsigned usage = 0;
            printf("set_key_usage=%d", gnutls_pubkey_set_key_usage(pub, GNUTLS_KEY_KEY_CERT_SIGN));
            printf(" get=%d %u\n", gnutls_pubkey_get_key_usage(pub, &usage), usage);
            printf("pub verify_params=%d priv verify_params=%d status=%d\n", gnutls_pubkey_verify_params(pub),
                   gnutls_privkey_verify_params(prv), gnutls_privkey_status(prv));
            gnutls_privkey_set_flags(prv, 0);
            gnutls_pubkey_deinit(pub);
            gnutls_privkey_deinit(prv);
        }
    }

    /* OpenSSL traditional encrypted keys */
    {
        struct {
            const char *name, *pem, *pw;
        } t[] = { { "aes", trad_aes, "secret" },   { "aes wrong", trad_aes, "wrong" }, { "aes none", trad_aes, NULL },
                  { "ec", trad_ec, "secret" },     { "plain", trad_plain, "secret" }, { "garbage", "nothing", "x" } };
        for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
            gnutls_datum_t td = { (unsigned char *)t[i].pem, strlen(t[i].pem) };
            gnutls_x509_privkey_init(&k);
            r = gnutls_x509_privkey_import_openssl(k, &td, t[i].pw);
            if (r < 0)
                printf("openssl %s import=%d\n", t[i].name, r);
            else
                show_key(t[i].name, k, r);
            gnutls_x509_privkey_deinit(k);
        }
    }

    /* DN export */
    gnutls_x509_dn_t dn;
    gnutls_x509_dn_init(&dn);
    printf("dn set_str=%d\n", gnutls_x509_dn_set_str(dn, "CN=Export Test,O=Gnossl,C=GR", NULL));
    gnutls_datum_t out;
    r = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_DER, &out);
    printf("dn export2 der=%d\n", r);
    if (r >= 0) {
        hex("dn", out.data, out.size);
        gnutls_free(out.data);
    }
    r = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_PEM, &out);
    printf("dn export2 pem=%d\n%s", r, r >= 0 ? (char *)out.data : "");
    if (r >= 0)
        gnutls_free(out.data);
    sz = 5;
    printf("dn export short=%d size=%u\n", gnutls_x509_dn_export(dn, GNUTLS_X509_FMT_DER, buf, &sz), (unsigned)sz);
    sz = sizeof buf;
    r = gnutls_x509_dn_export(dn, GNUTLS_X509_FMT_DER, buf, &sz);
    printf("dn export=%d\n", r);
    if (r >= 0)
        hex("dn", buf, sz);
    gnutls_x509_dn_deinit(dn);

    gnutls_global_deinit();
    return 0;
}
