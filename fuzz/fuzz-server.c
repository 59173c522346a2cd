/* Fuzz a gnossl TLS server: the input is what a (hostile) client sends.
 * Byte 0 selects the priority string (bits 0-2), EOF vs EAGAIN at the end
 * of input (bit 3), the pull chunk size (bits 4-5), a client-certificate
 * request (bit 6) and session tickets (bit 7); the rest is the client's
 * byte stream (ClientHello and later flights).  Seeds: fuzz/gen-seeds. */
#include "fuzz-common.h"

static gnutls_certificate_credentials_t cred;
static gnutls_datum_t ticket_key;

static void setup(void)
{
    gnutls_global_init();
    cred = fuzz_server_cred();
    gnutls_session_ticket_key_generate(&ticket_key);
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
    if (gnutls_init(&s, GNUTLS_SERVER) < 0)
        return 0;
    gnutls_priority_set_direct(s, fuzz_prios[mode % FUZZ_NPRIOS], NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
    if (mode & 0x40)
        gnutls_certificate_server_set_request(s, GNUTLS_CERT_REQUEST);
    if (mode & 0x80)
        gnutls_session_ticket_enable_server(s, &ticket_key);
    gnutls_datum_t alpn[2] = {{(unsigned char *)"h2", 2}, {(unsigned char *)"http/1.1", 8}};
    gnutls_alpn_set_protocols(s, alpn, 2, 0);
    struct fuzz_io io;
    fuzz_io_attach(&io, s, data + 1, size - 1, mode);
    fuzz_drive(&io);
    /* what a server application asks after the handshake (or its failure) */
    char name[256];
    size_t nl = sizeof name;
    unsigned type;
    gnutls_server_name_get(s, name, &nl, &type, 0);
    gnutls_datum_t sel;
    gnutls_alpn_get_selected_protocol(s, &sel);
    char *desc = gnutls_session_get_desc(s);
    gnutls_free(desc);
    gnutls_deinit(s);
    return 0;
}
