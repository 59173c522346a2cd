/* gnutls_ext_get_name: the names GnuTLS gives the TLS hello extensions it
 * knows (by IANA number).  gnossl has no gnutls_ext_register, so the built-in
 * table is the whole answer. */
#include "gnossl.h"

static const struct {
    unsigned id;
    const char *name;
} exts[] = {
    {0, "Server Name Indication"},
    {1, "Maximum Record Size"},
    {5, "OCSP Status Request"},
    {10, "Supported Groups"},
    {11, "Supported EC Point Formats"},
    {12, "SRP"},
    {13, "Signature Algorithms"},
    {14, "SRTP"},
    {15, "Heartbeat"},
    {16, "ALPN"},
    {19, "Client Certificate Type"},
    {20, "Server Certificate Type"},
    {21, "ClientHello Padding"},
    {22, "Encrypt-then-MAC"},
    {23, "Extended Master Secret"},
    {27, "Compress Certificate"},
    {28, "Record Size Limit"},
    {35, "Session Ticket"},
    {41, "Pre Shared Key"},
    {42, "Early Data"},
    {43, "Supported Versions"},
    {44, "Cookie"},
    {45, "PSK Key Exchange Modes"},
    {49, "Post Handshake Auth"},
    {51, "Key Share"},
    {65281, "Safe Renegotiation"},
};

const char *gnutls_ext_get_name(unsigned int ext)
{
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (exts[i].id == ext)
            return exts[i].name;
    return NULL;
}
