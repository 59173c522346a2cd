/* Fuzz a gnossl TLS client: the input is what a (hostile) server sends.
 * Byte 0 selects the priority string (bits 0-2), EOF vs EAGAIN at the end
 * of input (bit 3), the pull chunk size (bits 4-5), whether the client
 * verifies the server in the handshake (bit 6) and offers a client
 * certificate (bit 7); the rest is the server's byte stream.  Seeds:
 * fuzz/gen-seeds. */
#include "fuzz-common.h"

static gnutls_certificate_credentials_t cred, cred_with_key;

static void setup(void)
{
    gnutls_global_init();
    gnutls_datum_t c = {(unsigned char *)rsa_crt, sizeof rsa_crt - 1};
    gnutls_datum_t k2 = {(unsigned char *)ec_key, sizeof ec_key - 1};
    gnutls_datum_t c2 = {(unsigned char *)ec_crt, sizeof ec_crt - 1};
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_certificate_set_x509_trust_mem(cred, &c, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_trust_mem(cred, &c2, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_allocate_credentials(&cred_with_key);
    gnutls_certificate_set_x509_trust_mem(cred_with_key, &c, GNUTLS_X509_FMT_PEM);
    gnutls_certificate_set_x509_key_mem(cred_with_key, &c2, &k2, GNUTLS_X509_FMT_PEM);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        setup();
        ready = 1;
    }
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    gnutls_session_t s;
    if (gnutls_init(&s, GNUTLS_CLIENT) < 0)
        return 0;
    gnutls_priority_set_direct(s, fuzz_prios[mode % FUZZ_NPRIOS], NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, (mode & 0x80) ? cred_with_key : cred);
    gnutls_server_name_set(s, GNUTLS_NAME_DNS, "localhost", 9);
    if (mode & 0x40)
        gnutls_session_set_verify_cert(s, "localhost", 0);
    gnutls_datum_t alpn[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
    gnutls_alpn_set_protocols(s, alpn, 2, 0);
    struct fuzz_io io;
    fuzz_io_attach(&io, s, data + 1, size - 1, mode);
    fuzz_drive(&io);
    /* what a client application asks after the handshake (or its failure) */
    unsigned status = 0, n = 0;
    gnutls_certificate_verify_peers3(s, "localhost", &status);
    gnutls_certificate_get_peers(s, &n);
    gnutls_datum_t d = {NULL, 0};
    if (gnutls_session_get_data2(s, &d) == 0)
        gnutls_free(d.data);
    char *desc = gnutls_session_get_desc(s);
    gnutls_free(desc);
    gnutls_deinit(s);
    return 0;
}
