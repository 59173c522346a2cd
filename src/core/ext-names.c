/* gnutls_ext_get_name, gnutls_ext_get_name2: the names GnuTLS gives the
 * TLS hello extensions it knows (by IANA number), and the point of the
 * handshake at which GnuTLS parses each, on a client and on a server
 * (get_name2 names an extension only at its parse point, or at
 * GNUTLS_EXT_ANY).  Extensions the application registered
 * (tls/ext-custom.c) have the names it gave them. */
#include "gnossl.h"
#include "tls/session.h"
#include "tls/ext-custom.h"

/* GnuTLS's internal parse point "after the ciphersuite is known" */
#define POST_CS 177

static const struct {
    unsigned id;
    const char *name;
    int client_parse, server_parse; /* gnutls_ext_parse_type_t */
} exts[] = {
    {0, "Server Name Indication", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {1, "Maximum Record Size", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {5, "OCSP Status Request", POST_CS, POST_CS},
    {10, "Supported Groups", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {11, "Supported EC Point Formats", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {12, "SRP", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {13, "Signature Algorithms", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {14, "SRTP", GNUTLS_EXT_APPLICATION, GNUTLS_EXT_APPLICATION},
    {15, "Heartbeat", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {16, "ALPN", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {19, "Client Certificate Type", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {20, "Server Certificate Type", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {21, "ClientHello Padding", GNUTLS_EXT_APPLICATION, GNUTLS_EXT_APPLICATION},
    {22, "Encrypt-then-MAC", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {23, "Extended Master Secret", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {27, "Compress Certificate", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {28, "Record Size Limit", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {35, "Session Ticket", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_TLS},
    {41, "Pre Shared Key", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {42, "Early Data", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {43, "Supported Versions", GNUTLS_EXT_VERSION_NEG, GNUTLS_EXT_VERSION_NEG},
    {44, "Cookie", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
    {45, "PSK Key Exchange Modes", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {49, "Post Handshake Auth", GNUTLS_EXT_TLS, GNUTLS_EXT_TLS},
    {51, "Key Share", POST_CS, POST_CS},
    {65281, "Safe Renegotiation", GNUTLS_EXT_MANDATORY, GNUTLS_EXT_MANDATORY},
};

static int find(unsigned id)
{
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (exts[i].id == id)
            return (int)i;
    return -1;
}

int gnossl_ext_is_builtin(unsigned id)
{
    return find(id) >= 0;
}

const char *gnutls_ext_get_name(unsigned int ext)
{
    int i = find(ext);
    const char *name = NULL;
    if (i >= 0)
        return exts[i].name;
    gnossl_ext_custom_name(NULL, ext, GNUTLS_EXT_ANY, &name);
    return name;
}

const char *gnutls_ext_get_name2(gnutls_session_t session, unsigned int tls_id,
                                 gnutls_ext_parse_type_t parse_point)
{
    int i = find(tls_id);
    const char *name = NULL;
    if (session == NULL)
        return NULL;
    if (gnossl_ext_custom_name(session, tls_id, parse_point, &name)) /* the session's come first */
        return name;
    if (i < 0)
        return NULL;
    int at = gnossl_session_is_server(session) ? exts[i].server_parse : exts[i].client_parse;
    return parse_point == GNUTLS_EXT_ANY || (int)parse_point == at ? exts[i].name : NULL;
}
