/* A TLS server on the library it is linked with (the real GnuTLS in
 * cred-ocsp-chain.sh) that staples one OCSP response per certificate of its
 * chain, as given, unchecked: gnutls_certificate_set_retrieve_function3
 * hands them over (the set_ocsp_status_request calls refuse a revoked one).
 *   ocsp-chain-server PORT CHAIN.pem KEY.pem RESP0.der [RESP1.der]
 * Prints "listening", then serves one handshake per connection, forever. */
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static gnutls_pcert_st pcerts[4];
static unsigned npcerts = 4;
static gnutls_privkey_t key;
static gnutls_ocsp_data_st ocsp[2];
static unsigned nocsp;

static int retr3(gnutls_session_t s, const struct gnutls_cert_retr_st *info, gnutls_pcert_st **certs,
                 unsigned *ncerts, gnutls_ocsp_data_st **o, unsigned *no, gnutls_privkey_t *k, unsigned *flags)
{
    (void)s;
    (void)info;
    *certs = pcerts;
    *ncerts = npcerts;
    *o = ocsp;
    *no = nocsp;
    *k = key;
    *flags = 0; /* all kept by us */
    return 0;
}

int main(int argc, char **argv)
{
    gnutls_datum_t d;
    gnutls_certificate_credentials_t cred;
    struct sockaddr_in sa;
    int one = 1, ls;

    if (argc < 5 || argc > 6)
        return 2;
    if (gnutls_load_file(argv[2], &d) < 0 ||
        gnutls_pcert_list_import_x509_raw(pcerts, &npcerts, &d, GNUTLS_X509_FMT_PEM, 0) < 0)
        return 1;
    gnutls_free(d.data);
    if (gnutls_load_file(argv[3], &d) < 0 || gnutls_privkey_init(&key) < 0 ||
        gnutls_privkey_import_x509_raw(key, &d, GNUTLS_X509_FMT_PEM, NULL, 0) < 0)
        return 1;
    gnutls_free(d.data);
    for (int i = 4; i < argc; i++)
        if (gnutls_load_file(argv[i], &ocsp[nocsp++].response) < 0)
            return 1;
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_certificate_set_retrieve_function3(cred, retr3);

    ls = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons((unsigned short)atoi(argv[1]));
    if (bind(ls, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ls, 4) < 0)
        return 1;
    printf("listening\n");
    fflush(stdout);
    for (;;) {
        int fd = accept(ls, NULL, NULL);
        gnutls_session_t s;
        int r;
        if (fd < 0)
            continue;
        gnutls_init(&s, GNUTLS_SERVER);
        gnutls_set_default_priority(s);
        gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
        gnutls_transport_set_int(s, fd);
        gnutls_handshake_set_timeout(s, 10000);
        do
            r = gnutls_handshake(s);
        while (r < 0 && !gnutls_error_is_fatal(r));
        if (r == 0)
            gnutls_bye(s, GNUTLS_SHUT_WR);
        gnutls_deinit(s);
        close(fd);
    }
}
