/* gnutls_x509_crt_check_hostname: GnuTLS's matching rules (RFC 6125 with
 * its own details): IP addresses against iPAddress names, DNS names
 * against dNSName entries, the CN only when there are no such entries, a
 * single CN and a certificate usable for TLS servers. */
#include "gnossl.h"
#include "x509/x509.h"

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

static int c_upper(int c)
{
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

/* Compare a certificate name (certsize bytes) with the host name; '*'
 * matches within one label, only with two more labels after it. */
static int name_compare(const char *cert, size_t certsize, const char *host, unsigned flags)
{
    const char *start = cert;
    for (size_t i = 0; i < certsize; i++)
        if (cert[i] < 0x20 || cert[i] > 0x7e)
            return 0;

    while (certsize > 0 && *host && c_upper((unsigned char)*cert) == c_upper((unsigned char)*host)) {
        cert++;
        host++;
        certsize--;
    }
    if (certsize == 0 && *host == 0)
        return 1;
    /* only a whole leftmost label may be a wildcard */
    if (certsize > 0 && cert == start && *cert == '*' && !(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS)) {
        /* at least two labels after the wildcard */
        const char *last = memrchr(cert, '.', certsize);
        const char *first = memchr(cert, '.', certsize);
        if (last == NULL || first == last || (size_t)(last - cert) + 1 == certsize)
            return 0;
        cert++;
        certsize--;
        for (;;) {
            if (name_compare(cert, certsize, host, flags | GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS))
                return 1;
            if (*host == 0 || *host == '.')
                break;
            host++;
        }
    }
    return 0;
}

/* Does the certificate allow the TLS server purpose (no EKU, serverAuth
 * or anyExtendedKeyUsage)? */
static int www_server_ok(gnutls_x509_crt_t cert)
{
    for (unsigned i = 0;; i++) {
        char oid[128];
        size_t sz = sizeof oid;
        int r = gnutls_x509_crt_get_key_purpose_oid(cert, i, oid, &sz, NULL);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            return i == 0;
        if (r < 0)
            return 0;
        if (strcmp(oid, GNUTLS_KP_TLS_WWW_SERVER) == 0 || strcmp(oid, GNUTLS_KP_ANY) == 0)
            return 1;
    }
}

static int check_ip(GENERAL_NAMES *gns, const unsigned char *ip, size_t len)
{
    for (int i = 0; gns && i < sk_GENERAL_NAME_num(gns); i++) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, i);
        if (gn->type == GEN_IPADD && (size_t)ASN1_STRING_length(gn->d.ip) == len &&
            memcmp(ASN1_STRING_get0_data(gn->d.ip), ip, len) == 0)
            return 1;
    }
    return 0;
}

unsigned gnutls_x509_crt_check_hostname2(gnutls_x509_crt_t cert, const char *hostname, unsigned flags)
{
    if (cert == NULL || cert->x509 == NULL || hostname == NULL)
        return 0;
    GENERAL_NAMES *gns = gnossl_crt_sans(cert, NULL);
    unsigned ret = 0;

    if (!(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES)) {
        /* an IP address is matched against iPAddress names only */
        unsigned char ip[16];
        if (strchr(hostname, ':') ? inet_pton(AF_INET6, hostname, ip) == 1 : inet_pton(AF_INET, hostname, ip) == 1) {
            ret = (unsigned)check_ip(gns, ip, strchr(hostname, ':') ? 16 : 4);
            goto out;
        }
    }

    int found_dns = 0, have_ip = 0;
    for (int i = 0; gns && i < sk_GENERAL_NAME_num(gns); i++) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, i);
        if (gn->type == GEN_IPADD)
            have_ip = 1;
        if (gn->type != GEN_DNS)
            continue;
        found_dns = 1;
        const char *d = (const char *)ASN1_STRING_get0_data(gn->d.ia5);
        size_t n = (size_t)ASN1_STRING_length(gn->d.ia5);
        if (memchr(d, 0, n))
            continue;
        if (name_compare(d, n, hostname, flags)) {
            ret = 1;
            goto out;
        }
    }
    if (!have_ip && !found_dns && www_server_ok(cert)) {
        char cn[256];
        size_t sz = sizeof cn;
        /* exactly one CN */
        if (gnutls_x509_crt_get_dn_by_oid(cert, GNUTLS_OID_X520_COMMON_NAME, 1, 0, cn, &sz) !=
            GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            goto out;
        sz = sizeof cn;
        if (gnutls_x509_crt_get_dn_by_oid(cert, GNUTLS_OID_X520_COMMON_NAME, 0, 0, cn, &sz) < 0)
            goto out;
        if (memchr(cn, 0, sz))
            goto out;
        ret = (unsigned)name_compare(cn, sz, hostname, flags);
    }
out:
    GENERAL_NAMES_free(gns);
    return ret;
}

unsigned gnutls_x509_crt_check_hostname(gnutls_x509_crt_t cert, const char *hostname)
{
    return gnutls_x509_crt_check_hostname2(cert, hostname, 0);
}

unsigned gnutls_x509_crt_check_ip(gnutls_x509_crt_t cert, const unsigned char *ip, unsigned int ip_size,
                                  unsigned int flags)
{
    (void)flags;
    if (cert == NULL || cert->x509 == NULL || ip == NULL || (ip_size != 4 && ip_size != 16))
        return 0;
    GENERAL_NAMES *gns = gnossl_crt_sans(cert, NULL);
    unsigned ret = (unsigned)check_ip(gns, ip, ip_size);
    GENERAL_NAMES_free(gns);
    return ret;
}

static int printable(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return 0;
    return 1;
}

/* E-mail addresses match case-insensitively against rfc822Name entries,
 * or, when there are none, against a single e-mail attribute of the DN. */
unsigned gnutls_x509_crt_check_email(gnutls_x509_crt_t cert, const char *email, unsigned int flags)
{
    (void)flags;
    if (cert == NULL || cert->x509 == NULL || email == NULL)
        return 0;
    size_t elen = strlen(email);
    GENERAL_NAMES *gns = gnossl_crt_sans(cert, NULL);
    unsigned ret = 0;
    int found = 0;
    for (int i = 0; gns && i < sk_GENERAL_NAME_num(gns) && !ret; i++) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, i);
        if (gn->type != GEN_EMAIL)
            continue;
        found = 1;
        const char *d = (const char *)ASN1_STRING_get0_data(gn->d.ia5);
        size_t n = (size_t)ASN1_STRING_length(gn->d.ia5);
        if (memchr(d, 0, n) || !printable(d, n))
            continue;
        ret = n == elen && strncasecmp(d, email, n) == 0;
    }
    GENERAL_NAMES_free(gns);
    if (found || ret)
        return ret;
    char v[256];
    size_t sz = sizeof v;
    if (gnutls_x509_crt_get_dn_by_oid(cert, GNUTLS_OID_PKCS9_EMAIL, 1, 0, v, &sz) !=
        GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        return 0;
    sz = sizeof v;
    if (gnutls_x509_crt_get_dn_by_oid(cert, GNUTLS_OID_PKCS9_EMAIL, 0, 0, v, &sz) < 0 || memchr(v, 0, sz) ||
        !printable(v, sz))
        return 0;
    return sz == elen && strncasecmp(v, email, sz) == 0;
}
