/* Differential test of gnutls_certificate_set_retrieve_function3
 * (src/cred/retrieve3.c): a server whose certificate comes from the
 * callback (pcerts and key handed over with GNUTLS_CERT_RETR_DEINIT_ALL, or
 * kept by the application) completes TLS 1.2 and 1.3 handshakes with a
 * verifying client, which sees that certificate; the callback's view
 * (version, credentials, requested CA names) and what a failing callback or
 * an empty answer does (how often GnuTLS retries a failing callback is its
 * own business: not compared). */
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "test-keys.h"
#include "sock-pair.h"

static int mode, calls;
static gnutls_certificate_credentials_t server_cred;
static gnutls_pcert_st kept_pcert;
static gnutls_privkey_t kept_key;

static int retr3(gnutls_session_t s, const struct gnutls_cert_retr_st *info, gnutls_pcert_st **certs,
                 unsigned int *ncerts, gnutls_ocsp_data_st **ocsp, unsigned int *nocsp, gnutls_privkey_t *key,
                 unsigned int *flags)
{
    gnutls_datum_t c = {(unsigned char *)rsa_crt, strlen(rsa_crt)}, k = {(unsigned char *)rsa_key, strlen(rsa_key)};
    (void)s;
    if (calls++ == 0) /* GnuTLS may ask again after a failure: first call only */
        printf("  callback: version %u, credentials %s, %u CA names, pk_algos %u\n", info->version,
           info->cred == server_cred ? "ours" : "other", info->nreqs, info->pk_algos_length);
    *ocsp = NULL;
    *nocsp = 0;
    if (mode == 2)
        return -1;
    if (mode == 3) {
        *certs = NULL;
        *ncerts = 0;
        *key = NULL;
        *flags = 0;
        return 0;
    }
    if (mode == 1) {
        *certs = &kept_pcert;
        *ncerts = 1;
        *key = kept_key;
        *flags = 0;
        return 0;
    }
    *certs = gnutls_malloc(sizeof **certs);
    gnutls_pcert_import_x509_raw(*certs, &c, GNUTLS_X509_FMT_PEM, 0);
    *ncerts = 1;
    gnutls_privkey_init(key);
    gnutls_privkey_import_x509_raw(*key, &k, GNUTLS_X509_FMT_PEM, NULL, 0);
    *flags = GNUTLS_CERT_RETR_DEINIT_ALL;
    return 0;
}

static void run(const char *what, const char *prio, int m)
{
    gnutls_certificate_credentials_t cc;
    gnutls_session_t c, s;
    gnutls_datum_t ca = {(unsigned char *)rsa_crt, strlen(rsa_crt)};
    int fds[2], rc = GNUTLS_E_AGAIN, rs = GNUTLS_E_AGAIN, i;
    unsigned status = 99, n = 0;

    mode = m;
    calls = 0;
    gnutls_certificate_allocate_credentials(&server_cred);
    gnutls_certificate_set_retrieve_function3(server_cred, retr3);
    gnutls_certificate_allocate_credentials(&cc);
    gnutls_certificate_set_x509_trust_mem(cc, &ca, GNUTLS_X509_FMT_PEM);
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_init(&c, GNUTLS_CLIENT);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_priority_set_direct(c, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, server_cred);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cc);
    gnutls_server_name_set(c, GNUTLS_NAME_DNS, "localhost", 9);
    sock_pair(fds, SOCK_STREAM);
    gnutls_transport_set_int(s, fds[0]);
    gnutls_transport_set_int(c, fds[1]);
    for (i = 0; i < 1000 && (rc != 0 || rs != 0); i++) {
        if (rc != 0 && !gnutls_error_is_fatal(rc))
            rc = gnutls_handshake(c);
        if (rs != 0 && !gnutls_error_is_fatal(rs))
            rs = gnutls_handshake(s);
        if (gnutls_error_is_fatal(rc) && gnutls_error_is_fatal(rs))
            break;
    }
    if (rc == 0) {
        gnutls_certificate_verify_peers3(c, "localhost", &status);
        gnutls_certificate_get_peers(c, &n);
    }
    printf("%s: client %s, server %s, peer certificates %u, status %u", what, rc == 0 ? "ok" : "failed",
           rs == 0 ? "ok" : "failed", n, status);
    if (rs == 0)
        printf(", calls %d", calls);
    printf("\n");
    gnutls_deinit(c);
    gnutls_deinit(s);
    close(fds[0]);
    close(fds[1]);
    gnutls_certificate_free_credentials(cc);
    gnutls_certificate_free_credentials(server_cred);
}

int main(void)
{
    gnutls_datum_t c = {(unsigned char *)rsa_crt, strlen(rsa_crt)}, k = {(unsigned char *)rsa_key, strlen(rsa_key)};

    gnutls_global_init();
    gnutls_pcert_import_x509_raw(&kept_pcert, &c, GNUTLS_X509_FMT_PEM, 0);
    gnutls_privkey_init(&kept_key);
    gnutls_privkey_import_x509_raw(kept_key, &k, GNUTLS_X509_FMT_PEM, NULL, 0);
    run("TLS 1.3, handed over", "NORMAL:-VERS-ALL:+VERS-TLS1.3", 0);
    run("TLS 1.2, handed over", "NORMAL:-VERS-ALL:+VERS-TLS1.2", 0);
    run("TLS 1.3, kept by the application", "NORMAL:-VERS-ALL:+VERS-TLS1.3", 1);
    run("TLS 1.2, kept by the application", "NORMAL:-VERS-ALL:+VERS-TLS1.2", 1);
    run("TLS 1.3, callback fails", "NORMAL:-VERS-ALL:+VERS-TLS1.3", 2);
    run("TLS 1.3, no certificate", "NORMAL:-VERS-ALL:+VERS-TLS1.3", 3);
    gnutls_pcert_deinit(&kept_pcert);
    gnutls_privkey_deinit(kept_key);
    gnutls_global_deinit();
    return 0;
}
