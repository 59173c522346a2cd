/* TLS 1.3 servers may staple an OCSP response in every CertificateEntry
 * (RFC 8446 4.4.2.1); OpenSSL keeps the leaf's only.  A client's Certificate
 * message is parsed here for the others, so the verification checks each
 * certificate's response as GnuTLS does. */
#include "tls/ocsp-chain.h"
#include "tls/session-int.h"
#include <stdlib.h>
#include <string.h>

#define EXT_STATUS_REQUEST 5
#define STATUS_TYPE_OCSP 1

static size_t get_n(const unsigned char *p, int n)
{
    size_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* The OCSP response in one entry's extensions, or NULL. */
static const unsigned char *entry_response(const unsigned char *ext, size_t len, size_t *rlen)
{
    while (len >= 4) {
        size_t type = get_n(ext, 2), elen = get_n(ext + 2, 2);
        if (elen > len - 4)
            return NULL;
        if (type == EXT_STATUS_REQUEST && elen >= 4 && ext[4] == STATUS_TYPE_OCSP) {
            *rlen = get_n(ext + 5, 3);
            return *rlen > 0 && *rlen == elen - 4 ? ext + 8 : NULL;
        }
        ext += 4 + elen;
        len -= 4 + elen;
    }
    return NULL;
}

static void keep(gnutls_session_t s, unsigned idx, const unsigned char *resp, size_t rlen)
{
    if (idx >= s->ocsp_chain_n) {
        gnutls_datum_t *n = realloc(s->ocsp_chain, (idx + 1) * sizeof *n);
        if (n == NULL)
            return;
        memset(n + s->ocsp_chain_n, 0, (idx + 1 - s->ocsp_chain_n) * sizeof *n);
        s->ocsp_chain = n;
        s->ocsp_chain_n = idx + 1;
    }
    if ((s->ocsp_chain[idx].data = malloc(rlen)) == NULL)
        return;
    memcpy(s->ocsp_chain[idx].data, resp, rlen);
    s->ocsp_chain[idx].size = (unsigned)rlen;
}

/* 0, or -1 when the message is malformed (OpenSSL then fails the
 * handshake; nothing of it is kept). */
static int parse(gnutls_session_t s, const unsigned char *msg, size_t len)
{
    if (len < 5)
        return -1;
    const unsigned char *p = msg + 4, *end = msg + len;
    size_t ctx = p[0];
    if ((size_t)(end - p) < 1 + ctx + 3)
        return -1;
    p += 1 + ctx;
    size_t list = get_n(p, 3);
    p += 3;
    if (list != (size_t)(end - p))
        return -1;
    for (unsigned idx = 0; p < end; idx++) {
        if (end - p < 3)
            return -1;
        size_t clen = get_n(p, 3);
        if (clen > (size_t)(end - p) - 3 || (size_t)(end - p) - 3 - clen < 2)
            return -1;
        p += 3 + clen;
        size_t elen = get_n(p, 2), rlen = 0;
        p += 2;
        if (elen > (size_t)(end - p))
            return -1;
        const unsigned char *resp = idx > 0 ? entry_response(p, elen, &rlen) : NULL;
        if (resp != NULL)
            keep(s, idx, resp, rlen);
        p += elen;
    }
    return 0;
}

void gnossl_ocsp_chain_note(gnutls_session_t s, const unsigned char *msg, size_t len)
{
    gnossl_ocsp_chain_free(s); /* a new chain: the old responses are not about it */
    if (parse(s, msg, len) < 0)
        gnossl_ocsp_chain_free(s);
}

long gnossl_ocsp_chain_get(gnutls_session_t s, unsigned idx, const unsigned char **p)
{
    *p = NULL;
    if (s == NULL || idx >= s->ocsp_chain_n || s->ocsp_chain[idx].data == NULL)
        return -1;
    *p = s->ocsp_chain[idx].data;
    return (long)s->ocsp_chain[idx].size;
}

void gnossl_ocsp_chain_free(gnutls_session_t s)
{
    for (unsigned i = 0; i < s->ocsp_chain_n; i++)
        free(s->ocsp_chain[i].data);
    free(s->ocsp_chain);
    s->ocsp_chain = NULL;
    s->ocsp_chain_n = 0;
}
