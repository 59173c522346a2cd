/* Differential: the TLS feature extension (Must-Staple) API on a certificate
 * that carries status_request and one that carries nothing. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>
#include <stdio.h>
#include <string.h>

static const char must_staple[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBgTCCASigAwIBAgIUE7iSrAKaDJjy7SIa1cXPr8ih130wCgYIKoZIzj0EAwIw\n"
    "DTELMAkGA1UEAwwCbXMwHhcNMjYxMTIzMjMzMjE2WhcNMjYxMjIzMjMzMjE2WjAN\n"
    "MQswCQYDVQQDDAJtczBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABALmbwjD5mnD\n"
    "/iGJJLvxCm8d3FGxUEG1LHTwuEZhDq6b0ywZyBq2egvMqQ67nai982TWUQ+/wwyt\n"
    "QxC/1c15xnGjZjBkMB0GA1UdDgQWBBQhHmdNB9YeXWSaSuYRQCmMX7uvezAfBgNV\n"
    "HSMEGDAWgBQhHmdNB9YeXWSaSuYRQCmMX7uvezAPBgNVHRMBAf8EBTADAQH/MBEG\n"
    "CCsGAQUFBwEYBAUwAwIBBTAKBggqhkjOPQQDAgNHADBEAiANZYgRulwC4v201l2b\n"
    "loYwDDj1QwS65/hw+vQQN3YGKQIgcKg6Q8aqEi15N5R+TICCSW7PMnPvStAscOqy\n"
    "xq7UlLM=\n"
    "-----END CERTIFICATE-----\n"
    ;
static const char plain[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBdDCCARugAwIBAgIUFvn7rvmJvU4OGncoJ/OL+AXeF9EwCgYIKoZIzj0EAwIw\n"
    "EDEOMAwGA1UEAwwFcGxhaW4wHhcNMjYxMTIzMjMzMjE2WhcNMjYxMjIzMjMzMjE2\n"
    "WjAQMQ4wDAYDVQQDDAVwbGFpbjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFFP\n"
    "Jf5sTJt3W6MKuxxgFW9cW0lU+L2441BZd/m766bVZbuuBEjXTHkSu4blTSSiPC1D\n"
    "tQi2PQhbGu6O1i8N6zejUzBRMB0GA1UdDgQWBBT3ko/gB1maVI7qlg91DiAZhTuI\n"
    "1DAfBgNVHSMEGDAWgBT3ko/gB1maVI7qlg91DiAZhTuI1DAPBgNVHRMBAf8EBTAD\n"
    "AQH/MAoGCCqGSM49BAMCA0cAMEQCICDvyyH3muxO/jev9qunnijrc4DYn+yP04/z\n"
    "6CNrPRP9AiABOX2eCluR/ndlqhaltOfzBwrqmaP35B8KhjYpKKuRDQ==\n"
    "-----END CERTIFICATE-----\n"
    ;

static void show(const char *name, const char *pem)
{
    gnutls_datum_t d = {(unsigned char *)pem, (unsigned)strlen(pem)};
    gnutls_x509_crt_t c;
    gnutls_x509_tlsfeatures_t f;
    unsigned crit = 9, v;
    gnutls_x509_crt_init(&c);
    gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM);
    gnutls_x509_tlsfeatures_init(&f);
    int r = gnutls_x509_crt_get_tlsfeatures(c, f, 0, &crit);
    printf("%s: get %d critical %u features", name, r, crit);
    for (unsigned i = 0; gnutls_x509_tlsfeatures_get(f, i, &v) == 0; i++)
        printf(" %u", v);
    printf("; past the end %d; check %u", gnutls_x509_tlsfeatures_get(f, 99, &v), gnutls_x509_tlsfeatures_check_crt(f, c));
    printf("; append %d", gnutls_x509_crt_get_tlsfeatures(c, f, GNUTLS_EXT_FLAG_APPEND, NULL));
    for (unsigned i = 0; gnutls_x509_tlsfeatures_get(f, i, &v) == 0; i++)
        printf(" %u", v);
    gnutls_x509_tlsfeatures_add(f, 17);
    printf("; with 17 check %u\n", gnutls_x509_tlsfeatures_check_crt(f, c));
    gnutls_x509_tlsfeatures_deinit(f);
    gnutls_x509_crt_deinit(c);
}

int main(void)
{
    show("must-staple", must_staple);
    show("plain", plain);
    return 0;
}
