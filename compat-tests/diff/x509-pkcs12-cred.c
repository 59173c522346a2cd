/* Differential test of gnutls_certificate_set_x509_simple_pkcs12_mem/_file:
 * PKCS#12 files built in the program (encrypted, with a CRL; plain, MAC
 * with no password) loaded with right, wrong and no passwords, wrong
 * format, garbage, a missing file, GNUTLS_CERTIFICATE_API_V2 indexes; and
 * a server whose credentials come from the PKCS#12 completing handshakes
 * (TLS 1.2 and 1.3) with a client that verifies it.  Output must be
 * identical on real GnuTLS and gnossl. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/pkcs12.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-keys.h"
#include "sock-pair.h"

static gnutls_datum_t pem(const char *s)
{
    gnutls_datum_t d = { (unsigned char *)s, (unsigned)strlen(s) };
    return d;
}

/* A PKCS#12 with the RSA key and certificate (and a CRL when encrypting). */
static int build(int encrypt, gnutls_datum_t *out)
{
    gnutls_x509_crt_t crt;
    gnutls_x509_privkey_t key;
    gnutls_x509_crl_t crl;
    gnutls_pkcs12_t p12;
    gnutls_pkcs12_bag_t b;
    gnutls_datum_t d;
    unsigned char kid[64];
    size_t kid_size = sizeof kid;
    int r;

    gnutls_x509_crt_init(&crt);
    gnutls_x509_privkey_init(&key);
    gnutls_x509_crl_init(&crl);
    d = pem(rsa_crt);
    gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
    d = pem(rsa_key);
    gnutls_x509_privkey_import(key, &d, GNUTLS_X509_FMT_PEM);
    d = pem(rsa_crl);
    gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_PEM);
    gnutls_x509_crt_get_key_id(crt, 0, kid, &kid_size);
    gnutls_datum_t id = { kid, (unsigned)kid_size };

    gnutls_pkcs12_init(&p12);
    gnutls_pkcs12_bag_init(&b);
    r = gnutls_pkcs12_bag_set_crt(b, crt);
    gnutls_pkcs12_bag_set_key_id(b, r, &id);
    if (encrypt) {
        gnutls_pkcs12_bag_set_crl(b, crl);
        gnutls_pkcs12_bag_encrypt(b, "pass", GNUTLS_PKCS_PBES2_AES_256);
    }
    gnutls_pkcs12_set_bag(p12, b);
    gnutls_pkcs12_bag_deinit(b);
    gnutls_pkcs12_bag_init(&b);
    /* the key is stored unencrypted in both files */
    r = gnutls_pkcs12_bag_set_privkey(b, key, NULL, GNUTLS_PKCS_PLAIN);
    gnutls_pkcs12_bag_set_key_id(b, r, &id);
    gnutls_pkcs12_set_bag(p12, b);
    gnutls_pkcs12_bag_deinit(b);
    /* GnuTLS cannot export a structure it built without a MAC */
    r = gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_DER, out);
    printf("export without MAC=%d\n", r);
    if (r >= 0)
        gnutls_free(out->data);
    gnutls_pkcs12_generate_mac2(p12, GNUTLS_MAC_SHA256, encrypt ? "pass" : NULL);
    r = gnutls_pkcs12_export2(p12, GNUTLS_X509_FMT_DER, out);
    gnutls_pkcs12_deinit(p12);
    gnutls_x509_crt_deinit(crt);
    gnutls_x509_privkey_deinit(key);
    gnutls_x509_crl_deinit(crl);
    return r;
}

static void serve(const char *label, gnutls_certificate_credentials_t sc, const char *prio)
{
    gnutls_certificate_credentials_t cc;
    gnutls_session_t c, s;
    int fds[2], rc, rs;
    unsigned n = 0, status = 99;
    gnutls_datum_t ca = pem(rsa_crt), crt_der;

    sock_pair(fds, SOCK_STREAM);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM);
    sock_session(&s, GNUTLS_SERVER, NULL, GNUTLS_CRD_CERTIFICATE, sc, fds[0]);
    sock_session(&c, GNUTLS_CLIENT, prio, GNUTLS_CRD_CERTIFICATE, cc, fds[1]);
    gnutls_server_name_set(c, GNUTLS_NAME_DNS, "localhost", 9);
    gnutls_session_set_verify_cert(c, "localhost", 0);
    handshake(c, s, &rc, &rs);
    printf("%s (%s): client=%d server=%d", label, prio, rc, rs);
    if (rc == 0 && rs == 0) {
        const gnutls_datum_t *peers = gnutls_certificate_get_peers(c, &n);
        gnutls_pem_base64_decode2("CERTIFICATE", &ca, &crt_der);
        printf(" version=%s peers=%u same-cert=%d", gnutls_protocol_get_name(gnutls_protocol_get_version(c)), n,
               n > 0 && peers[0].size == crt_der.size && memcmp(peers[0].data, crt_der.data, crt_der.size) == 0);
        gnutls_free(crt_der.data);
        gnutls_certificate_verify_peers2(c, &status);
        printf(" status=0x%x", status);
    }
    printf("\n");
    sock_close(fds, c, s);
    gnutls_certificate_free_credentials(cc);
}

static int load(const char *label, const gnutls_datum_t *blob, gnutls_x509_crt_fmt_t fmt, const char *pass)
{
    gnutls_certificate_credentials_t sc;
    gnutls_certificate_allocate_credentials(&sc);
    int r = gnutls_certificate_set_x509_simple_pkcs12_mem(sc, blob, fmt, pass);
    printf("%s: %d\n", label, r);
    gnutls_certificate_free_credentials(sc);
    return r;
}

int main(void)
{
    gnutls_datum_t enc, plain, out;
    gnutls_certificate_credentials_t sc;
    char path[] = "/tmp/gnossl-p12-cred-XXXXXX";
    int r;

    gnutls_global_init();
    printf("build encrypted=%d\n", build(1, &enc));
    printf("build plain=%d\n", build(0, &plain));

    load("encrypted, right password", &enc, GNUTLS_X509_FMT_DER, "pass");
    load("encrypted, wrong password", &enc, GNUTLS_X509_FMT_DER, "wrong");
    load("encrypted, no password", &enc, GNUTLS_X509_FMT_DER, NULL);
    load("encrypted, as PEM", &enc, GNUTLS_X509_FMT_PEM, "pass");
    load("plain, no password", &plain, GNUTLS_X509_FMT_DER, NULL);
    load("plain, a password (MAC made without)", &plain, GNUTLS_X509_FMT_DER, "pass");
    gnutls_datum_t garbage = { (unsigned char *)"not a pkcs12 file", 17 };
    load("garbage", &garbage, GNUTLS_X509_FMT_DER, "pass");
    gnutls_datum_t none = { NULL, 0 };
    load("empty", &none, GNUTLS_X509_FMT_DER, "pass");
    {
        gnutls_pkcs12_t p;
        gnutls_pkcs12_init(&p);
        gnutls_pkcs12_import(p, &enc, GNUTLS_X509_FMT_DER, 0);
        r = gnutls_pkcs12_export2(p, GNUTLS_X509_FMT_PEM, &out);
        gnutls_pkcs12_deinit(p);
        if (r >= 0) {
            load("PEM armoured", &out, GNUTLS_X509_FMT_PEM, "pass");
            gnutls_free(out.data);
        }
    }

    /* API_V2: the index of the new key pair */
    gnutls_certificate_allocate_credentials(&sc);
    gnutls_certificate_set_flags(sc, GNUTLS_CERTIFICATE_API_V2);
    r = gnutls_certificate_set_x509_simple_pkcs12_mem(sc, &enc, GNUTLS_X509_FMT_DER, "pass");
    printf("api v2 first=%d", r);
    r = gnutls_certificate_set_x509_simple_pkcs12_mem(sc, &plain, GNUTLS_X509_FMT_DER, NULL);
    printf(" second=%d\n", r);
    gnutls_certificate_free_credentials(sc);

    /* from a file */
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, enc.data, enc.size) != (ssize_t)enc.size)
        return 1;
    close(fd);
    gnutls_certificate_allocate_credentials(&sc);
    printf("file missing: %d\n", gnutls_certificate_set_x509_simple_pkcs12_file(sc, "/nonexistent/x.p12",
                                                                                 GNUTLS_X509_FMT_DER, "pass"));
    printf("file: %d\n", gnutls_certificate_set_x509_simple_pkcs12_file(sc, path, GNUTLS_X509_FMT_DER, "pass"));
    unlink(path);
    serve("server from PKCS#12 file", sc, "NORMAL:-VERS-ALL:+VERS-TLS1.3");
    serve("server from PKCS#12 file", sc, "NORMAL:-VERS-ALL:+VERS-TLS1.2");
    gnutls_certificate_free_credentials(sc);

    gnutls_certificate_allocate_credentials(&sc);
    printf("mem plain: %d\n", gnutls_certificate_set_x509_simple_pkcs12_mem(sc, &plain, GNUTLS_X509_FMT_DER, NULL));
    serve("server from plain PKCS#12", sc, "NORMAL");
    gnutls_certificate_free_credentials(sc);

    gnutls_free(enc.data);
    gnutls_free(plain.data);
    gnutls_global_deinit();
    return 0;
}
