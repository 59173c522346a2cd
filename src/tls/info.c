/* What was negotiated: version, suite parts, group, signature schemes,
 * authentication types, the session description string, flags. */
#include "gnossl.h"
#include "tls/session-int.h"
#include "tls/priority.h"
#include "core/algorithms.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

static const SSL_CIPHER *current_cipher(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL)
        return NULL;
    return SSL_get_current_cipher(s->ssl);
}

int gnossl_session_version(gnutls_session_t s)
{
    if (current_cipher(s) == NULL)
        return 0;
    return gnossl_protocol_from_ossl(SSL_version(s->ssl));
}

static int is_tls13(gnutls_session_t s)
{
    return current_cipher(s) != NULL && SSL_version(s->ssl) == TLS1_3_VERSION;
}

gnutls_protocol_t gnutls_protocol_get_version(gnutls_session_t s)
{
    int v = gnossl_session_version(s);
    return v ? (gnutls_protocol_t)v : GNUTLS_VERSION_UNKNOWN;
}

static int suite_parts(gnutls_session_t s, gnutls_cipher_algorithm_t *c, gnutls_mac_algorithm_t *m,
                       gnutls_kx_algorithm_t *k)
{
    const SSL_CIPHER *ci = current_cipher(s);
    if (ci == NULL)
        return -1;
    return gnossl_suite_lookup(SSL_CIPHER_get_protocol_id(ci) & 0xffffu, c, m, k);
}

gnutls_cipher_algorithm_t gnutls_cipher_get(gnutls_session_t s)
{
    gnutls_cipher_algorithm_t c;
    if (suite_parts(s, &c, NULL, NULL) < 0)
        return GNUTLS_CIPHER_NULL;
    return c;
}

gnutls_mac_algorithm_t gnutls_mac_get(gnutls_session_t s)
{
    gnutls_mac_algorithm_t m;
    if (suite_parts(s, NULL, &m, NULL) < 0)
        return GNUTLS_MAC_NULL;
    return m;
}

gnutls_group_t gnutls_group_get(gnutls_session_t s)
{
    if (current_cipher(s) == NULL)
        return GNUTLS_GROUP_INVALID;
    int nid = SSL_get_negotiated_group(s->ssl);
    if (nid <= 0 || (nid & TLSEXT_nid_unknown))
        return is_tls13(s) ? GNUTLS_GROUP_INVALID : s->dh_group; /* TLS 1.2 DHE */
    return gnossl_group_from_ossl_nid(nid);
}

gnutls_ecc_curve_t gnutls_ecc_curve_get(gnutls_session_t s)
{
    gnutls_group_t g = gnutls_group_get(s);
    /* EC groups share their values with the curve ids; FFDHE ones are 256+. */
    if (g == GNUTLS_GROUP_INVALID || (int)g >= 256)
        return GNUTLS_ECC_CURVE_INVALID;
    return (gnutls_ecc_curve_t)g;
}

static int is_dh_group(gnutls_group_t g)
{
    return (int)g >= 256;
}

/* A TLS 1.3 handshake authenticated by an external pre-shared key (not a
 * ticket): the server found the client's identity; a client that had PSK
 * credentials and no session to resume saw its key accepted. */
static int tls13_external_psk(gnutls_session_t s)
{
    if (s->cred[GNUTLS_CRD_PSK] == NULL || !SSL_session_reused(s->ssl))
        return 0;
    if (s->is_server)
        return gnutls_psk_server_get_username(s) != NULL;
    return !s->resumption_requested;
}

gnutls_kx_algorithm_t gnutls_kx_get(gnutls_session_t s)
{
    gnutls_kx_algorithm_t k;
    if (suite_parts(s, NULL, NULL, &k) < 0)
        return GNUTLS_KX_UNKNOWN;
    if (k == GNUTLS_KX_UNKNOWN && is_tls13(s)) {
        /* TLS 1.3 suites do not fix the key exchange: derive it as GnuTLS
         * does from the group and whether a PSK was used. */
        gnutls_group_t g = gnutls_group_get(s);
        if (tls13_external_psk(s)) {
            if (g == GNUTLS_GROUP_INVALID)
                return GNUTLS_KX_PSK; /* psk_ke */
            return is_dh_group(g) ? GNUTLS_KX_DHE_PSK : GNUTLS_KX_ECDHE_PSK;
        }
        /* GnuTLS reports the (EC)DHE kx also on resumed sessions. */
        if (g != GNUTLS_GROUP_INVALID)
            return is_dh_group(g) ? GNUTLS_KX_DHE_RSA : GNUTLS_KX_ECDHE_RSA;
    }
    return k;
}

/* The TLS code point of a signature made in this handshake. */
static unsigned sig_code_point(int type_nid, int md_nid, EVP_PKEY *key)
{
    int md = md_nid == NID_sha1     ? 2
             : md_nid == NID_sha224 ? 3
             : md_nid == NID_sha256 ? 4
             : md_nid == NID_sha384 ? 5
             : md_nid == NID_sha512 ? 6
                                    : 0;
    switch (type_nid) {
    case EVP_PKEY_RSA_PSS: {
        int pss_key = key != NULL && EVP_PKEY_is_a(key, "RSA-PSS");
        int base = pss_key ? 0x0809 : 0x0804;
        return md >= 4 ? (unsigned)(base + md - 4) : 0;
    }
    case EVP_PKEY_RSA:
        return md ? (unsigned)(md << 8 | 0x01) : 0;
    case EVP_PKEY_DSA:
        return md ? (unsigned)(md << 8 | 0x02) : 0;
    case EVP_PKEY_EC:
        return md ? (unsigned)(md << 8 | 0x03) : 0;
    case EVP_PKEY_ED25519:
        return 0x0807;
    case EVP_PKEY_ED448:
        return 0x0808;
    default:
        return 0;
    }
}

/* mine: the signature this side made; else the peer's. */
static gnutls_sign_algorithm_t sign_of(gnutls_session_t s, int mine)
{
    if (current_cipher(s) == NULL || !s->handshake_done)
        return GNUTLS_SIGN_UNKNOWN;
    /* Before TLS 1.2 no signature scheme is negotiated: GnuTLS records the
     * one it used itself, never the peer's. */
    if (!mine) {
        gnutls_protocol_t v = gnutls_protocol_get_version(s);
        if (v == GNUTLS_TLS1_0 || v == GNUTLS_TLS1_1 || v == GNUTLS_DTLS1_0 || v == GNUTLS_DTLS0_9)
            return GNUTLS_SIGN_UNKNOWN;
    }
    int type = 0, md = 0, ok;
    EVP_PKEY *key = NULL;
    X509 *peer = NULL;
    if (mine) {
        ok = SSL_get_signature_type_nid(s->ssl, &type) && SSL_get_signature_nid(s->ssl, &md);
        key = SSL_get_privatekey(s->ssl);
    } else {
        ok = SSL_get_peer_signature_type_nid(s->ssl, &type) && SSL_get_peer_signature_nid(s->ssl, &md);
        peer = SSL_get1_peer_certificate(s->ssl);
        key = peer != NULL ? X509_get0_pubkey(peer) : NULL;
    }
    /* TLS 1.0/1.1 and DTLS 1.0 sign the server's key exchange with
     * MD5+SHA-1 under RSA; GnuTLS's server calls that RSA-SHA1 (its
     * client reports nothing). */
    if (ok && mine && s->is_server && type == EVP_PKEY_RSA && md == NID_md5_sha1) {
        gnutls_kx_algorithm_t kx = gnutls_kx_get(s);
        if (kx == GNUTLS_KX_ECDHE_RSA || kx == GNUTLS_KX_DHE_RSA)
            md = NID_sha1;
    }
    unsigned cp = ok ? sig_code_point(type, md, key) : 0;
    X509_free(peer);
    if (cp == 0)
        return GNUTLS_SIGN_UNKNOWN;
    return gnossl_sign_from_tls_id(cp, is_tls13(s));
}

int gnutls_sign_algorithm_get(gnutls_session_t s)
{
    if (s == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    return sign_of(s, s->is_server);
}

int gnutls_sign_algorithm_get_client(gnutls_session_t s)
{
    if (s == NULL)
        return GNUTLS_SIGN_UNKNOWN;
    return sign_of(s, !s->is_server);
}

/* `server_side`: the credentials the server authenticates with (they differ
 * from the client's for RSA-PSK and SRP-RSA/SRP-DSS: a certificate against
 * PSK or SRP). */
static gnutls_credentials_type_t cred_of_kx(gnutls_kx_algorithm_t k, int server_side)
{
    switch (k) {
    case GNUTLS_KX_RSA_PSK:
        return server_side ? GNUTLS_CRD_CERTIFICATE : GNUTLS_CRD_PSK;
    case GNUTLS_KX_SRP_RSA:
    case GNUTLS_KX_SRP_DSS:
        return server_side ? GNUTLS_CRD_CERTIFICATE : GNUTLS_CRD_SRP;
    case GNUTLS_KX_RSA:
    case GNUTLS_KX_DHE_DSS:
    case GNUTLS_KX_DHE_RSA:
    case GNUTLS_KX_ECDHE_RSA:
    case GNUTLS_KX_ECDHE_ECDSA:
    case GNUTLS_KX_RSA_EXPORT:
        return GNUTLS_CRD_CERTIFICATE;
    case GNUTLS_KX_PSK:
    case GNUTLS_KX_DHE_PSK:
    case GNUTLS_KX_ECDHE_PSK:
        return GNUTLS_CRD_PSK;
    case GNUTLS_KX_ANON_DH:
    case GNUTLS_KX_ANON_ECDH:
        return GNUTLS_CRD_ANON;
    case GNUTLS_KX_SRP:
        return GNUTLS_CRD_SRP;
    default:
        return (gnutls_credentials_type_t)0;
    }
}

gnutls_credentials_type_t gnutls_auth_get_type(gnutls_session_t s)
{
    if (is_tls13(s)) {
        if (tls13_external_psk(s) ||
            (s->cred[GNUTLS_CRD_PSK] != NULL && gnutls_kx_get(s) == GNUTLS_KX_UNKNOWN))
            return GNUTLS_CRD_PSK;
        return GNUTLS_CRD_CERTIFICATE;
    }
    /* the kind of authentication the peer gave */
    return cred_of_kx(gnutls_kx_get(s), !s->is_server);
}

gnutls_credentials_type_t gnutls_auth_server_get_type(gnutls_session_t s)
{
    return is_tls13(s) ? gnutls_auth_get_type(s) : cred_of_kx(gnutls_kx_get(s), 1);
}

gnutls_credentials_type_t gnutls_auth_client_get_type(gnutls_session_t s)
{
    return is_tls13(s) ? gnutls_auth_get_type(s) : cred_of_kx(gnutls_kx_get(s), 0);
}

gnutls_certificate_type_t gnutls_certificate_type_get(gnutls_session_t s)
{
    /* Inside a handshake (certificate callbacks, renegotiation) the
     * negotiated type is X.509 as soon as certificates are in play. */
    if (s == NULL)
        return GNUTLS_CRT_UNKNOWN;
    /* Before any handshake GnuTLS reports its default type, X.509. */
    if (s->ssl == NULL)
        return GNUTLS_CRT_X509;
    if (SSL_in_init(s->ssl) && s->cred[GNUTLS_CRD_CERTIFICATE] != NULL)
        return GNUTLS_CRT_X509;
    if (gnutls_auth_get_type(s) != GNUTLS_CRD_CERTIFICATE)
        return GNUTLS_CRT_UNKNOWN;
    return GNUTLS_CRT_X509;
}

gnutls_certificate_type_t gnutls_certificate_type_get2(gnutls_session_t s, gnutls_ctype_target_t target)
{
    if ((unsigned)target > GNUTLS_CTYPE_PEERS)
        return GNUTLS_CRT_UNKNOWN;
    return gnutls_certificate_type_get(s);
}

#define DESC_SIZE 96

char *gnutls_session_get_desc(gnutls_session_t s)
{
    if (s == NULL || !s->handshake_done || current_cipher(s) == NULL)
        return NULL;
    char kx_name[64], proto[32];
    gnutls_kx_algorithm_t kx = gnutls_kx_get(s);
    gnutls_group_t g = gnutls_group_get(s);
    const char *group_name = g != GNUTLS_GROUP_INVALID ? gnutls_group_get_name(g) : NULL;
    const char *sign_name = gnutls_sign_get_name(gnutls_sign_algorithm_get(s));
    const char *kx_str = gnutls_kx_get_name(kx);
    char custom[24];
    if (group_name == NULL && (kx == GNUTLS_KX_DHE_RSA || kx == GNUTLS_KX_DHE_DSS ||
                               kx == GNUTLS_KX_DHE_PSK || kx == GNUTLS_KX_ANON_DH)) {
        int bits = gnutls_dh_get_prime_bits(s);
        if (bits > 0)
            snprintf(custom, sizeof custom, "CUSTOM%d", bits);
        else
            snprintf(custom, sizeof custom, "CUSTOM");
        group_name = custom;
    }

    kx_name[0] = 0;
    if (kx_str == NULL && !is_tls13(s))
        return NULL;
    if (is_tls13(s)) {
        /* Only a certificate-authenticated (EC)DHE exchange is named. */
        if (group_name != NULL && sign_name != NULL)
            snprintf(kx_name, sizeof kx_name, "(%s-%s)-(%s)", is_dh_group(g) ? "DHE" : "ECDHE",
                     group_name, sign_name);
    } else if ((kx == GNUTLS_KX_ECDHE_ECDSA || kx == GNUTLS_KX_ECDHE_RSA || kx == GNUTLS_KX_ECDHE_PSK) &&
               group_name != NULL) {
        if (sign_name != NULL)
            snprintf(kx_name, sizeof kx_name, "(ECDHE-%s)-(%s)", group_name, sign_name);
        else
            snprintf(kx_name, sizeof kx_name, "(ECDHE-%s)", group_name);
    } else if ((kx == GNUTLS_KX_DHE_DSS || kx == GNUTLS_KX_DHE_RSA || kx == GNUTLS_KX_DHE_PSK) &&
               group_name != NULL) {
        if (sign_name != NULL)
            snprintf(kx_name, sizeof kx_name, "(DHE-%s)-(%s)", group_name, sign_name);
        else
            snprintf(kx_name, sizeof kx_name, "(DHE-%s)", group_name);
    } else if (kx == GNUTLS_KX_RSA)
        snprintf(kx_name, sizeof kx_name, "(RSA)");
    else
        snprintf(kx_name, sizeof kx_name, "(%s)", kx_str);

    const char *pname = gnutls_protocol_get_name(gnutls_protocol_get_version(s));
    /* With raw public keys allowed GnuTLS names the negotiated certificate
     * type (X.509 unless raw keys were agreed, whatever the key exchange;
     * gnossl never negotiates raw keys). */
    if (s->init_flags & GNUTLS_ENABLE_RAWPK)
        snprintf(proto, sizeof proto, "%s-%s", pname ? pname : "", gnutls_certificate_type_get_name(GNUTLS_CRT_X509));
    else
        snprintf(proto, sizeof proto, "%s", pname ? pname : "");

    /* GnuTLS formats into a fixed buffer: longer descriptions are cut. */
    char full[256];
    gnutls_mac_algorithm_t mac = gnutls_mac_get(s);
    const char *cname = gnutls_cipher_get_name(gnutls_cipher_get(s));
    if (mac == GNUTLS_MAC_AEAD)
        snprintf(full, sizeof full, "(%s)-%s-(%s)", proto, kx_name, cname);
    else
        snprintf(full, sizeof full, "(%s)-%s-(%s)-(%s)", proto, kx_name, cname, gnutls_mac_get_name(mac));
    char *desc = gnutls_malloc(DESC_SIZE);
    if (desc == NULL)
        return NULL;
    size_t n = strlen(full);
    if (n > DESC_SIZE - 1)
        n = DESC_SIZE - 1;
    memcpy(desc, full, n);
    desc[n] = 0;
    return desc;
}

unsigned gnutls_session_get_flags(gnutls_session_t s)
{
    if (s == NULL || s->ssl == NULL || !s->handshake_done)
        return 0;
    unsigned f = 0;
    if (is_tls13(s)) {
        /* GnuTLS: a TLS 1.3 server reports both, a client neither. */
        if (s->is_server)
            f |= GNUTLS_SFLAGS_SAFE_RENEGOTIATION | GNUTLS_SFLAGS_EXT_MASTER_SECRET;
    } else {
        /* %DISABLE_SAFE_RENEGOTIATION: GnuTLS neither sends nor honours
         * the extension (OpenSSL always sends it). */
        if (SSL_get_secure_renegotiation_support(s->ssl) &&
            !(s->priority != NULL && (gnossl_priority_flags(s->priority) & GNOSSL_PRIO_DISABLE_SAFE_RENEGOTIATION)))
            f |= GNUTLS_SFLAGS_SAFE_RENEGOTIATION;
        if (SSL_get_extms_support(s->ssl) == 1)
            f |= GNUTLS_SFLAGS_EXT_MASTER_SECRET;
    }
    if (gnutls_session_etm_status(s))
        f |= GNUTLS_SFLAGS_ETM;
    /* the client asked for the certificate status (both sides know) */
    if (s->is_server ? SSL_get_tlsext_status_type(s->ssl) == TLSEXT_STATUSTYPE_ocsp
                     : gnossl_session_status_requested(s))
        f |= GNUTLS_SFLAGS_CLI_REQUESTED_OCSP;
    if (!s->is_server && s->ticket_received)
        f |= GNUTLS_SFLAGS_SESSION_TICKET;
    if (gnossl_early_accepted(s))
        f |= GNUTLS_SFLAGS_EARLY_DATA;
    return f;
}

unsigned gnutls_session_ext_master_secret_status(gnutls_session_t s)
{
    return (gnutls_session_get_flags(s) & GNUTLS_SFLAGS_EXT_MASTER_SECRET) ? 1 : 0;
}

void gnutls_session_get_random(gnutls_session_t s, gnutls_datum_t *client, gnutls_datum_t *server)
{
    static unsigned char none[32]; /* out of memory: zeros, never written */
    if (s == NULL)
        return;
    struct gnossl_session_out *o = gnossl_session_out(s);
    if (o != NULL && s->ssl != NULL) {
        SSL_get_client_random(s->ssl, o->client_random, sizeof o->client_random);
        SSL_get_server_random(s->ssl, o->server_random, sizeof o->server_random);
    }
    if (client != NULL) {
        client->data = o != NULL ? o->client_random : none;
        client->size = sizeof none;
    }
    if (server != NULL) {
        server->data = o != NULL ? o->server_random : none;
        server->size = sizeof none;
    }
}

void gnutls_session_get_master_secret(gnutls_session_t s, gnutls_datum_t *secret)
{
    if (s == NULL || secret == NULL)
        return;
    /* GnuTLS hands out its fixed 48-byte field, zero until a TLS 1.2
     * handshake fills it. */
    static unsigned char none[48]; /* out of memory: zeros, never written */
    struct gnossl_session_out *o = gnossl_session_out(s);
    SSL_SESSION *sess = s->ssl != NULL ? SSL_get0_session(s->ssl) : NULL;
    if (o != NULL) {
        memset(o->master_secret, 0, sizeof o->master_secret);
        if (sess != NULL)
            SSL_SESSION_get_master_key(sess, o->master_secret, sizeof o->master_secret);
    }
    secret->data = o != NULL ? o->master_secret : none;
    secret->size = (unsigned)sizeof none;
}

unsigned gnutls_certificate_client_get_request_status(gnutls_session_t s)
{
    return s != NULL && s->cert_requested;
}

gnutls_digest_algorithm_t gnutls_prf_hash_get(const gnutls_session_t s)
{
    const SSL_CIPHER *c = current_cipher(s);
    const EVP_MD *md = c != NULL ? SSL_CIPHER_get_handshake_digest(c) : NULL;
    if (md == NULL)
        return GNUTLS_DIG_UNKNOWN;
    switch (EVP_MD_get_type(md)) {
    case NID_sha256: return GNUTLS_DIG_SHA256;
    case NID_sha384: return GNUTLS_DIG_SHA384;
    case NID_sha512: return GNUTLS_DIG_SHA512;
    case NID_md5_sha1: return GNUTLS_DIG_MD5_SHA1;
    default: return GNUTLS_DIG_UNKNOWN;
    }
}

unsigned gnutls_session_etm_status(gnutls_session_t s)
{
    return s != NULL && s->etm_negotiated && !is_tls13(s);
}

void gnutls_dh_set_prime_bits(gnutls_session_t s, unsigned int bits)
{
    if (s != NULL)
        s->dh_min_bits = bits;
}

static int is_dhe(gnutls_session_t s)
{
    gnutls_kx_algorithm_t k = gnutls_kx_get(s);
    return k == GNUTLS_KX_DHE_RSA || k == GNUTLS_KX_DHE_DSS || k == GNUTLS_KX_DHE_PSK || k == GNUTLS_KX_ANON_DH;
}

int gnutls_dh_get_prime_bits(gnutls_session_t s)
{
    /* as gnutls_dh_get_group: a TLS 1.3 server keeps no certificate auth info */
    if (current_cipher(s) != NULL && is_tls13(s) && s->is_server && gnutls_auth_get_type(s) == GNUTLS_CRD_CERTIFICATE)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    if (current_cipher(s) == NULL || is_tls13(s) || !is_dhe(s))
        return 0;
    return (int)s->dh_prime_bits;
}

int gnutls_dh_get_peers_public_bits(gnutls_session_t s)
{
    if (current_cipher(s) == NULL || is_tls13(s) || !is_dhe(s))
        return 0;
    return (int)s->dh_peer_pub_bits;
}

int gnutls_dh_get_secret_bits(gnutls_session_t s)
{
    /* GnuTLS reports the size of its own exponent, which is the
     * subgroup-sized secret; OpenSSL does not say, so the prime size. */
    return gnutls_dh_get_prime_bits(s);
}

/* The IANA name of the negotiated suite ("TLS_AES_256_GCM_SHA384",
 * "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), NULL before the handshake. */
const char *gnutls_ciphersuite_get(gnutls_session_t s)
{
    const SSL_CIPHER *c = current_cipher(s);
    if (c == NULL || !s->handshake_done)
        return NULL;
    return SSL_CIPHER_standard_name(c);
}
