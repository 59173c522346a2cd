/* DTLS-SRTP (RFC 5764): the use_srtp extension through OpenSSL's
 * SSL_set_tlsext_use_srtp, keys through the "EXTRACTOR-dtls_srtp"
 * exporter, as GnuTLS.  Up to four profiles, the last one replaced when
 * more are set (GnuTLS's rule).  OpenSSL has no MKI: none is ever sent or
 * reported (gnutls_srtp_set_mki is not provided); the NULL-cipher profiles
 * are unknown to OpenSSL 3.0. */
#include "gnossl.h"
#include "tls/session-int.h"

#include <openssl/err.h>
#include <openssl/srtp.h>
#include <string.h>

#define SRTP_KEY 16u
#define SRTP_SALT 14u

/* OpenSSL's names of GnuTLS's profiles (same wire ids).  OpenSSL 3.0 does
 * not know the two NULL-cipher profiles: they are never offered. */
static const char *ossl_name(unsigned id)
{
    switch (id) {
    case GNUTLS_SRTP_AES128_CM_HMAC_SHA1_80: return "SRTP_AES128_CM_SHA1_80";
    case GNUTLS_SRTP_AES128_CM_HMAC_SHA1_32: return "SRTP_AES128_CM_SHA1_32";
    default: return NULL;
    }
}

static void add_profile(gnutls_session_t s, unsigned id)
{
    if (s->dtls.n_srtp < GNOSSL_SRTP_MAX)
        s->dtls.n_srtp++;
    s->dtls.srtp[s->dtls.n_srtp - 1] = (uint16_t)id;
}

int gnutls_srtp_set_profile(gnutls_session_t s, gnutls_srtp_profile_t profile)
{
    if (s == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    add_profile(s, (unsigned)profile);
    return 0;
}

int gnutls_srtp_set_profile_direct(gnutls_session_t s, const char *profiles, const char **err_pos)
{
    if (s == NULL || profiles == NULL) {
        if (err_pos != NULL)
            *err_pos = profiles;
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    }
    /* all or nothing: parse first, then add */
    unsigned ids[64], n = 0;
    const char *p = profiles;
    for (;;) {
        const char *col = strchr(p, ':');
        size_t len = col != NULL ? (size_t)(col - p) : strlen(p);
        char name[64];
        gnutls_srtp_profile_t id = (gnutls_srtp_profile_t)0;
        if (len < sizeof name) {
            memcpy(name, p, len);
            name[len] = 0;
            if (gnutls_srtp_get_profile_id(name, &id) < 0)
                id = (gnutls_srtp_profile_t)0;
        }
        if (id == 0 || n == sizeof ids / sizeof ids[0]) {
            if (err_pos != NULL)
                *err_pos = p;
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        }
        ids[n++] = (unsigned)id;
        if (col == NULL)
            break;
        p = col + 1;
    }
    for (unsigned i = 0; i < n; i++)
        add_profile(s, ids[i]);
    return 0;
}

int gnossl_srtp_apply(gnutls_session_t s)
{
    if (s->dtls.n_srtp == 0)
        return 0;
    char list[160] = "";
    for (unsigned i = 0; i < s->dtls.n_srtp; i++) {
        const char *name = ossl_name(s->dtls.srtp[i]);
        if (name == NULL) {
            gnossl_debug("srtp: profile %u cannot be offered through OpenSSL", s->dtls.srtp[i]);
            continue;
        }
        if (strstr(list, name) != NULL) /* already listed */
            continue;
        if (list[0] != 0)
            strcat(list, ":");
        strcat(list, name);
    }
    if (list[0] == 0)
        return 0;
    ERR_clear_error();
    /* (returns 0 on success) */
    if (SSL_set_tlsext_use_srtp(s->ssl, list) != 0) {
        ERR_clear_error();
        gnossl_debug("srtp: OpenSSL refused the profiles '%s'", list);
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    }
    return 0;
}

int gnutls_srtp_get_selected_profile(gnutls_session_t s, gnutls_srtp_profile_t *profile)
{
    if (s == NULL || s->ssl == NULL || s->dtls.n_srtp == 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    SRTP_PROTECTION_PROFILE *p = SSL_get_selected_srtp_profile(s->ssl);
    if (p == NULL || p->id == 0)
        return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    if (profile != NULL)
        *profile = (gnutls_srtp_profile_t)p->id;
    return 0;
}

int gnutls_srtp_get_keys(gnutls_session_t s, void *key_material, unsigned int key_material_size,
                         gnutls_datum_t *client_key, gnutls_datum_t *client_salt, gnutls_datum_t *server_key,
                         gnutls_datum_t *server_salt)
{
    gnutls_srtp_profile_t profile;
    int ret = gnutls_srtp_get_selected_profile(s, &profile);
    if (ret < 0)
        return ret;
    const unsigned size = 2 * (SRTP_KEY + SRTP_SALT); /* every 3.7.9 profile */
    if (key_material == NULL || key_material_size < size)
        return GNOSSL_ERR(GNUTLS_E_SHORT_MEMORY_BUFFER);
    static const char label[] = "EXTRACTOR-dtls_srtp";
    ret = gnutls_prf(s, sizeof label - 1, label, 0, 0, NULL, size, key_material);
    if (ret < 0)
        return ret;
    unsigned char *km = key_material;
    if (client_key != NULL) {
        client_key->data = km;
        client_key->size = SRTP_KEY;
    }
    if (server_key != NULL) {
        server_key->data = km + SRTP_KEY;
        server_key->size = SRTP_KEY;
    }
    if (client_salt != NULL) {
        client_salt->data = km + 2 * SRTP_KEY;
        client_salt->size = SRTP_SALT;
    }
    if (server_salt != NULL) {
        server_salt->data = km + 2 * SRTP_KEY + SRTP_SALT;
        server_salt->size = SRTP_SALT;
    }
    return (int)size;
}

int gnutls_srtp_get_mki(gnutls_session_t s, gnutls_datum_t *mki)
{
    (void)mki;
    (void)s;
    /* OpenSSL neither sends nor reports an MKI: never one to return */
    return GNOSSL_ERR(GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
}
