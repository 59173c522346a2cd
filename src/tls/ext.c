/* Hello extensions the session records: server name (SNI) and ALPN.
 *
 * OpenSSL's server-side ALPN selection is a per-SSL_CTX callback; the CTX
 * belongs to the credentials, so the session installs one process-wide
 * dispatcher on it (idempotent, the same function every time) that finds
 * the session through the SSL's ex_data and applies GnuTLS's rules. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/priority.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALPN_PROTOCOLS 8
#define MAX_ALPN_PROTOCOL_NAME 32

int gnutls_server_name_set(gnutls_session_t s, gnutls_server_name_type_t type, const void *name,
                           size_t name_length)
{
    /* GnuTLS ignores `type` (only DNS names exist), refuses the call on a
     * server, clears the name on length 0 and maps the name through IDNA
     * before checking that it fits in 255 bytes. */
    (void)type;
    if (s == NULL || s->is_server)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (name_length == 0) {
        free(s->server_name);
        s->server_name = NULL;
        return 0;
    }
    if (name == NULL || name_length > UINT_MAX)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_datum_t mapped = {NULL, 0};
    int r = gnutls_idna_map(name, (unsigned)name_length, &mapped, 0);
    if (r < 0)
        return GNOSSL_ERR(r);
    if (mapped.size > 255) {
        gnutls_free(mapped.data);
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    char *copy = malloc(mapped.size + 1);
    if (copy == NULL) {
        gnutls_free(mapped.data);
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    }
    memcpy(copy, mapped.data, mapped.size);
    copy[mapped.size] = 0;
    gnutls_free(mapped.data);
    free(s->server_name);
    s->server_name = copy;
    return 0;
}

int gnutls_server_name_get(gnutls_session_t s, void *data, size_t *data_length, unsigned int *type,
                           unsigned int indx)
{
    /* Only a server asks which name its client sent; GnuTLS refuses the
     * call on a client. */
    if (s == NULL || data_length == NULL || type == NULL || !s->is_server)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const char *name = NULL;
    if (s->ssl != NULL)
        name = SSL_get_servername(s->ssl, TLSEXT_NAMETYPE_host_name);
    if (name == NULL)
        name = s->ch_server_name; /* inside the post-client-hello hook */
    if (name == NULL || indx != 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    size_t len = strlen(name);
    *type = GNUTLS_NAME_DNS;
    if (*data_length > len && data != NULL) {
        memcpy(data, name, len);
        ((char *)data)[len] = 0;
        *data_length = len;
        return 0;
    }
    *data_length = len + 1;
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
}

int gnutls_alpn_set_protocols(gnutls_session_t s, const gnutls_datum_t *protocols,
                              unsigned protocols_size, unsigned int flags)
{
    if (s == NULL || (protocols == NULL && protocols_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (protocols_size > MAX_ALPN_PROTOCOLS)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    size_t total = 0;
    for (unsigned i = 0; i < protocols_size; i++) {
        if (protocols[i].size >= MAX_ALPN_PROTOCOL_NAME)
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        total += 1 + protocols[i].size;
    }
    unsigned char *wire = total ? malloc(total) : NULL;
    if (total && wire == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    size_t off = 0;
    for (unsigned i = 0; i < protocols_size; i++) {
        if (protocols[i].size == 0)
            continue; /* an empty name is not a protocol */
        wire[off++] = (unsigned char)protocols[i].size;
        memcpy(wire + off, protocols[i].data, protocols[i].size);
        off += protocols[i].size;
    }
    free(s->alpn_wire);
    s->alpn_wire = wire;
    s->alpn_wire_len = (unsigned)off;
    s->alpn_flags = flags;
    return 0;
}

int gnutls_alpn_get_selected_protocol(gnutls_session_t s, gnutls_datum_t *protocol)
{
    if (s == NULL || protocol == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = NULL;
    unsigned len = 0;
    if (s->ssl != NULL)
        SSL_get0_alpn_selected(s->ssl, &p, &len);
    if (p == NULL || len == 0)
        return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    protocol->data = (unsigned char *)p;
    protocol->size = len;
    return 0;
}

/* Find `name` in a length-prefixed list. */
static const unsigned char *wire_find(const unsigned char *list, unsigned list_len,
                                      const unsigned char *name, unsigned name_len)
{
    for (unsigned off = 0; off < list_len;) {
        unsigned l = list[off];
        if (off + 1 + l > list_len)
            break;
        if (l == name_len && memcmp(list + off + 1, name, l) == 0)
            return list + off;
        off += 1 + l;
    }
    return NULL;
}

int gnossl_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                       const unsigned char *in, unsigned int inlen, void *arg)
{
    (void)arg;
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    if (s == NULL || s->alpn_wire_len == 0 || gnossl_session_no_extensions(s))
        return SSL_TLSEXT_ERR_NOACK;
    /* Client preference unless the server asked for its own. */
    const unsigned char *first = (s->alpn_flags & GNUTLS_ALPN_SERVER_PRECEDENCE) ? s->alpn_wire : in;
    unsigned first_len = (s->alpn_flags & GNUTLS_ALPN_SERVER_PRECEDENCE) ? s->alpn_wire_len : inlen;
    const unsigned char *other = first == in ? s->alpn_wire : in;
    unsigned other_len = first == in ? s->alpn_wire_len : inlen;
    for (unsigned off = 0; off < first_len;) {
        unsigned l = first[off];
        if (off + 1 + l > first_len)
            break;
        const unsigned char *hit = wire_find(other, other_len, first + off + 1, l);
        if (hit != NULL) {
            /* Point into the session's own copy: it outlives the handshake. */
            const unsigned char *mine = first == in ? hit : first + off;
            *out = mine + 1;
            *outlen = (unsigned char)l;
            return SSL_TLSEXT_ERR_OK;
        }
        off += 1 + l;
    }
    if (s->alpn_flags & GNUTLS_ALPN_MANDATORY) {
        s->pending_error = GNUTLS_E_NO_APPLICATION_PROTOCOL;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

int gnossl_session_no_extensions(gnutls_session_t s)
{
    return s->priority != NULL && (gnossl_priority_flags(s->priority) & GNOSSL_PRIO_NO_EXTENSIONS) != 0;
}

int gnossl_ext_apply(gnutls_session_t s)
{
    SSL *ssl = s->ssl;
    if (s->is_server) {
        if (s->alpn_wire_len > 0) {
            SSL_CTX *ctx = SSL_get_SSL_CTX(ssl);
            SSL_CTX_set_alpn_select_cb(ctx, gnossl_alpn_select, NULL);
        }
        gnossl_early_apply(s);
        return 0;
    }
    /* %NO_EXTENSIONS: GnuTLS sends none of these (only the mandatory ones). */
    if (gnossl_session_no_extensions(s))
        return 0;
    if (s->server_name != NULL && !SSL_set_tlsext_host_name(ssl, s->server_name))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (s->alpn_wire_len > 0 && SSL_set_alpn_protos(ssl, s->alpn_wire, s->alpn_wire_len) != 0)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    /* status_request: OpenSSL keeps the stapled response (TLS 1.2
     * CertificateStatus or the TLS 1.3 leaf entry) without judging it; the
     * verification functions check it as GnuTLS does. */
    if (gnossl_session_status_requested(s) && !SSL_set_tlsext_status_type(ssl, TLSEXT_STATUSTYPE_ocsp))
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    return 0;
}

/* Client side of GNUTLS_ALPN_MANDATORY: checked once the handshake is done. */
int gnossl_ext_check_after_handshake(gnutls_session_t s)
{
    if (!s->is_server && s->alpn_wire_len > 0 && (s->alpn_flags & GNUTLS_ALPN_MANDATORY)) {
        gnutls_datum_t p;
        if (gnutls_alpn_get_selected_protocol(s, &p) < 0)
            return GNOSSL_ERR(GNUTLS_E_NO_APPLICATION_PROTOCOL);
    }
    return 0;
}

static unsigned rd16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* Walk the extensions of a raw hello message (or a bare extension list). */
int gnutls_ext_raw_parse(void *ctx, gnutls_ext_raw_process_func cb, const gnutls_datum_t *data,
                         unsigned int flags)
{
    if (cb == NULL || data == NULL || (data->data == NULL && data->size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = data->data;
    size_t n = data->size, off = 0;
    if (flags & (GNUTLS_EXT_RAW_FLAG_TLS_CLIENT_HELLO | GNUTLS_EXT_RAW_FLAG_DTLS_CLIENT_HELLO)) {
        off = 2 + 32; /* version, random */
        if (n < off + 1)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        off += 1 + p[off]; /* session id */
        if (flags & GNUTLS_EXT_RAW_FLAG_DTLS_CLIENT_HELLO) {
            if (n < off + 1)
                return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
            off += 1 + p[off]; /* cookie */
        }
        if (n < off + 2)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        off += 2 + rd16(p + off); /* suites */
        if (n < off + 1)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        off += 1 + p[off]; /* compression */
        if (off > n)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        if (off == n)
            return 0; /* no extensions */
    }
    if (n < off + 2)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    size_t end = off + 2 + rd16(p + off);
    if (end > n)
        return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
    off += 2;
    while (off < end) {
        if (end - off < 4)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        unsigned type = rd16(p + off), len = rd16(p + off + 2);
        off += 4;
        if (end - off < len)
            return GNOSSL_ERR(GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
        int r = cb(ctx, type, p + off, len);
        if (r < 0)
            return r;
        off += len;
    }
    return 0;
}
