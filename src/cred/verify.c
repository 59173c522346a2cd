/* Peer certificate verification with GnuTLS's status bits.
 *
 * X509_verify_cert runs against the credentials' store with a callback that
 * records every error instead of stopping, then the errors are folded into
 * the bits GnuTLS 3.7 would report:
 *   - a chain that does not reach a trust anchor is only INVALID|SIGNER_NOT_FOUND
 *     (GnuTLS checks the top of the chain against its trust list first and
 *     stops there);
 *   - otherwise the bits of the highest certificate with a problem (GnuTLS
 *     walks down from the anchor and stops at the first bad certificate),
 *     plus the hostname check on the leaf;
 *   - revocation is reported only for a chain with no other problem. */
#include "gnossl.h"
#include "core/clock.h"
#include "cred/cred-int.h"
#include "tls/session.h"
#include "tls/priority.h"
#include "x509/x509.h"
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/tls1.h>

/* Optional: implemented by the priority files of the tls room. */
#pragma weak gnossl_priority_verify_flags

#define MAX_DEPTH_TRACKED 32

struct verify_acc {
    unsigned bits[MAX_DEPTH_TRACKED + 1]; /* per depth (0 = leaf) */
    int untrusted;
    unsigned revocation;
    unsigned vflags; /* GnuTLS verify flags */
};

/* The credentials' exceptions to gnossl_verify_err_bits: an unknown
 * signer decides the status alone, the verify flags, revocation apart,
 * CRL problems ignored, anything unmapped INVALID. */
static unsigned map_x509_error(int err, struct verify_acc *acc)
{
    switch (err) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
        acc->untrusted = 1;
        return 0;
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
        return GNUTLS_CERT_NOT_ACTIVATED;
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
        return GNUTLS_CERT_EXPIRED;
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
        /* GnuTLS: a CA whose key usage forbids signing certificates violates
         * the signer's constraints (OpenSSL also calls it an invalid CA) */
        if (acc->vflags & GNUTLS_VERIFY_DISABLE_CA_SIGN)
            return 0;
        break;
    case X509_V_ERR_INVALID_NON_CA:
        return GNUTLS_CERT_INVALID;
    case X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED:
        return GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
    case X509_V_ERR_INVALID_PURPOSE:
        return GNUTLS_CERT_PURPOSE_MISMATCH;
    case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION:
        if (acc->vflags & GNUTLS_VERIFY_IGNORE_UNKNOWN_CRIT_EXTENSIONS)
            return 0;
        break;
    case X509_V_ERR_CERT_REVOKED:
        acc->revocation |= GNUTLS_CERT_REVOKED;
        return 0;
    /* A CRL outside its validity period still revokes; GnuTLS's
     * verify_peers reports no bit for its dates. */
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    /* CRLs that cannot be found or checked are ignored, as GnuTLS does. */
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
    case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
    case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
    case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN:
    case X509_V_ERR_DIFFERENT_CRL_SCOPE:
    case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION:
        return 0;
    default:
        break;
    }
    unsigned bits = gnossl_verify_err_bits(err);
    return bits ? bits : GNUTLS_CERT_INVALID;
}

static int collect_cb(int ok, X509_STORE_CTX *x)
{
    struct verify_acc *acc = X509_STORE_CTX_get_app_data(x);
    int depth;
    unsigned b;

    if (ok || acc == NULL)
        return 1;
    depth = X509_STORE_CTX_get_error_depth(x);
    if (depth < 0)
        depth = 0;
    if (depth > MAX_DEPTH_TRACKED)
        depth = MAX_DEPTH_TRACKED;
    b = map_x509_error(X509_STORE_CTX_get_error(x), acc);
    acc->bits[depth] |= b;
    return 1; /* keep going: all problems are collected */
}

/* SHA-1, MD5 and MD2 signatures are refused on every certificate except the
 * trust anchor itself, unless the flags allow them. */
static unsigned insecure_sig(X509 *x, unsigned vflags)
{
    int mdnid = NID_undef, pknid = NID_undef;

    if (!OBJ_find_sigid_algs(X509_get_signature_nid(x), &mdnid, &pknid))
        return 0;
    /* GNUTLS_VERIFY_ALLOW_BROKEN (both MD bits) admits every broken digest */
    if ((vflags & GNUTLS_VERIFY_ALLOW_BROKEN) == GNUTLS_VERIFY_ALLOW_BROKEN)
        return 0;
    switch (mdnid) {
    case NID_md2:
        return (vflags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD2) ? 0 : GNUTLS_CERT_INSECURE_ALGORITHM;
    case NID_md5:
        return (vflags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5) ? 0 : GNUTLS_CERT_INSECURE_ALGORITHM;
    case NID_sha1:
        return (vflags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) ? 0 : GNUTLS_CERT_INSECURE_ALGORITHM;
    default:
        return 0;
    }
}

static int is_ip_literal(const char *h, unsigned char *buf, int *len)
{
    if (inet_pton(AF_INET, h, buf) == 1) {
        *len = 4;
        return 1;
    }
    if (inet_pton(AF_INET6, h, buf) == 1) {
        *len = 16;
        return 1;
    }
    return 0;
}

/* Whether the leaf has any DNS or IP subjectAltName (then CN is never used). */
static int has_name_sans(X509 *x)
{
    GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
    int i, found = 0;

    for (i = 0; gens != NULL && i < sk_GENERAL_NAME_num(gens); i++) {
        int t = sk_GENERAL_NAME_value(gens, i)->type;
        if (t == GEN_DNS || t == GEN_IPADD)
            found = 1;
    }
    GENERAL_NAMES_free(gens);
    return found;
}

/* Hostname rules of GnuTLS: IP literals match IP SANs (with a fallback to
 * the DNS comparison for servers that put the address in a DNS SAN);
 * wildcards only as the whole leftmost label; CN only without any SAN, and
 * only when there is exactly one. */
int gnossl_cred_check_hostname(X509 *x, const char *host, unsigned vflags)
{
    unsigned char ip[16];
    int iplen = 0;
    unsigned chk = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    int r;

    if (x == NULL || host == NULL)
        return 0;
    if (is_ip_literal(host, ip, &iplen)) {
        if (vflags & GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES)
            return 0;
        ERR_set_mark();
        r = X509_check_ip(x, ip, (size_t)iplen, 0);
        ERR_pop_to_mark();
        if (r == 1)
            return 1;
    }
    ERR_set_mark();
    if (vflags & GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS)
        chk |= X509_CHECK_FLAG_NO_WILDCARDS;
    if (has_name_sans(x)) {
        chk |= X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;
    } else if (X509_NAME_get_index_by_NID(X509_get_subject_name(x), NID_commonName, -1) >= 0 &&
               X509_NAME_get_index_by_NID(X509_get_subject_name(x), NID_commonName,
                                          X509_NAME_get_index_by_NID(X509_get_subject_name(x), NID_commonName, -1)) >= 0) {
        /* GnuTLS refuses to pick one of several common names */
        ERR_pop_to_mark();
        return 0;
    }
    r = X509_check_host(x, host, 0, chk, NULL);
    ERR_pop_to_mark();
    return r == 1;
}

/* Key purpose (extended key usage) check: a certificate without the
 * extension serves any purpose; anyExtendedKeyUsage matches everything. */
static int has_purpose(X509 *x, const char *oid)
{
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL, NULL);
    char buf[128];
    int i, ok;

    if (eku == NULL)
        return 1;
    ok = 0;
    for (i = 0; i < sk_ASN1_OBJECT_num(eku) && !ok; i++) {
        ASN1_OBJECT *o = sk_ASN1_OBJECT_value(eku, i);
        if (OBJ_obj2nid(o) == NID_anyExtendedKeyUsage)
            ok = 1;
        else if (OBJ_obj2txt(buf, sizeof(buf), o, 1) > 0 && strcmp(buf, oid) == 0)
            ok = 1;
    }
    EXTENDED_KEY_USAGE_free(eku);
    return ok;
}

/* Verify `chain` (leaf first) against `store`.  data: hostname, purpose. */
static unsigned verify_chain(X509_STORE *store, STACK_OF(X509) *chain, unsigned vflags, int have_crls,
                             const char *hostname, const char *purpose, unsigned ocsp_bits)
{
    struct verify_acc acc;
    X509_STORE_CTX *xctx;
    X509_VERIFY_PARAM *param;
    STACK_OF(X509) *built;
    unsigned status = 0, oflags;
    int i, n;

    memset(&acc, 0, sizeof(acc));
    acc.vflags = vflags;
    xctx = X509_STORE_CTX_new();
    if (xctx == NULL || !X509_STORE_CTX_init(xctx, store, sk_X509_value(chain, 0), chain)) {
        X509_STORE_CTX_free(xctx);
        return GNUTLS_CERT_INVALID;
    }
    param = X509_STORE_CTX_get0_param(xctx);
    /* Any certificate of the trust list is an anchor, self-signed or not. */
    oflags = X509_V_FLAG_PARTIAL_CHAIN;
    if (have_crls && !(vflags & GNUTLS_VERIFY_DISABLE_CRL_CHECKS))
        oflags |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
    if (vflags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)
        oflags |= X509_V_FLAG_NO_CHECK_TIME;
    X509_VERIFY_PARAM_set_flags(param, oflags);
    gnossl_verify_param_time(param);
    X509_STORE_CTX_set_app_data(xctx, &acc);
    X509_STORE_CTX_set_verify_cb(xctx, collect_cb);

    ERR_set_mark();
    if (X509_verify_cert(xctx) < 0)
        acc.bits[0] |= GNUTLS_CERT_INVALID;
    ERR_pop_to_mark();

    built = X509_STORE_CTX_get0_chain(xctx);
    n = built != NULL ? sk_X509_num(built) : 0;
    /* The anchor's own signature is not checked; everything below it is. */
    for (i = 0; i < n - 1 && i < MAX_DEPTH_TRACKED; i++)
        acc.bits[i] |= insecure_sig(sk_X509_value(built, i), vflags);

    if (acc.untrusted) {
        status = GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND;
    } else {
        for (i = MAX_DEPTH_TRACKED; i >= 0; i--)
            if (acc.bits[i] != 0) {
                status = acc.bits[i];
                /* OpenSSL reports both "invalid CA" and "no certSign key
                 * usage" for one signer; GnuTLS names one reason: "not a CA"
                 * when the signer has no CA basic constraint at all, the
                 * key-usage violation when it is a CA. */
                if ((status & GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE) &&
                    (status & GNUTLS_CERT_SIGNER_NOT_CA)) {
                    X509 *signer = i < n ? sk_X509_value(built, i) : NULL;
                    if (signer != NULL && !(X509_get_extension_flags(signer) & EXFLAG_CA))
                        status &= ~(unsigned)GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
                    else
                        status &= ~(unsigned)GNUTLS_CERT_SIGNER_NOT_CA;
                }
                break;
            }
    }
    if (purpose != NULL) {
        /* like GnuTLS, judged on the certificates sent even when the chain
         * does not verify */
        for (i = 0; i < sk_X509_num(chain); i++)
            if (!has_purpose(sk_X509_value(chain, i), purpose)) {
                status |= GNUTLS_CERT_PURPOSE_MISMATCH;
                break;
            }
    }
    if (hostname != NULL && !gnossl_cred_check_hostname(sk_X509_value(chain, 0), hostname, vflags))
        status |= GNUTLS_CERT_UNEXPECTED_OWNER;
    /* GnuTLS consults CRLs only for a chain that passed everything else;
     * the OCSP findings come on top. */
    if (status == 0)
        status = acc.revocation;
    status |= ocsp_bits;
    if (status != 0)
        status |= GNUTLS_CERT_INVALID;
    X509_STORE_CTX_free(xctx);
    return status;
}

int gnossl_cred_verify(gnutls_session_t s, const gnutls_typed_vdata_st *data, unsigned elements,
                       unsigned *status)
{
    gnutls_certificate_credentials_t c;
    struct gnossl_verify_request *vr;
    gnutls_priority_t prio;
    STACK_OF(X509) *chain;
    X509_STORE *store;
    const char *hostname = NULL, *purpose = NULL;
    char ipbuf[INET6_ADDRSTRLEN];
    unsigned vflags, max_depth, i;
    int have_crls, distrusted = 0;
    gnutls_x509_trust_list_t tlist;

    if (s == NULL || status == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnossl_session_set_ocsp_check_ok(s, 0);
    chain = gnossl_cred_peer_chain(s);
    if (chain == NULL || sk_X509_num(chain) == 0) {
        /* GnuTLS: no certificate authentication took place at all (before
         * the handshake, PSK, anonymous) is -50; a certificate handshake
         * where the peer sent none is -49. */
        if (!gnossl_cred_cert_auth_used(s))
            return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
        return GNOSSL_ERR(GNUTLS_E_NO_CERTIFICATE_FOUND);
    }
    c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    if (c == NULL)
        return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_CREDENTIALS);

    for (i = 0; i < elements; i++) {
        if (data[i].type == GNUTLS_DT_DNS_HOSTNAME && data[i].data != NULL)
            hostname = (const char *)data[i].data;
        else if (data[i].type == GNUTLS_DT_KEY_PURPOSE_OID && data[i].data != NULL)
            purpose = (const char *)data[i].data;
        else if (data[i].type == GNUTLS_DT_IP_ADDRESS && data[i].data != NULL &&
                 (data[i].size == 4 || data[i].size == 16) &&
                 inet_ntop(data[i].size == 4 ? AF_INET : AF_INET6, data[i].data, ipbuf, sizeof(ipbuf)) != NULL)
            hostname = ipbuf; /* binary address: matched as its text form */
    }

    pthread_mutex_lock(&c->lock);
    vflags = c->verify_flags;
    max_depth = c->max_depth;
    /* CRLs may also come through the credentials' trust list */
    have_crls = c->ncrls > 0 || c->tlist != NULL;
    store = c->store;
    if (store != NULL)
        X509_STORE_up_ref(store);
    tlist = c->tlist;
    if (c->tlist != NULL) {
        /* a certificate removed from the credentials' trust list: GnuTLS
         * reports the chain revoked (a self-signed last one aside) */
        X509 *xs[MAX_DEPTH_TRACKED];
        unsigned n = 0;
        for (int k = 0; k < sk_X509_num(chain) && n < MAX_DEPTH_TRACKED; k++)
            xs[n++] = sk_X509_value(chain, k);
        if (n > 1 && X509_check_issued(xs[n - 1], xs[n - 1]) == X509_V_OK)
            n--;
        distrusted = gnossl_trust_list_distrusts(c->tlist, xs, n);
    }
    pthread_mutex_unlock(&c->lock);
    /* gnutls_certificate_set_verify_limits: a longer list than allowed is
     * an error, not a status (GnuTLS counts the certificates sent) */
    if ((unsigned)sk_X509_num(chain) > max_depth) {
        X509_STORE_free(store);
        return GNOSSL_ERR(GNUTLS_E_CONSTRAINT_ERROR);
    }
    if (distrusted) {
        X509_STORE_free(store);
        *status = GNUTLS_CERT_REVOKED | GNUTLS_CERT_INVALID;
        return 0;
    }
    if (store == NULL)
        store = gnossl_store_new(GNOSSL_TL_DEFAULT_SIZE); /* no trust: everything is SIGNER_NOT_FOUND */
    if (store == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);

    vr = gnossl_session_verify_request(s);
    if (vr != NULL)
        vflags |= vr->flags;
    prio = gnossl_session_priority(s);
    if (prio != NULL && gnossl_priority_verify_flags != NULL)
        vflags |= gnossl_priority_verify_flags(prio);

    gnossl_cred_report_verify_output(s, tlist, store, chain, vflags, data, elements);
    *status = verify_chain(store, chain, vflags, have_crls, hostname, purpose,
                           gnossl_cred_ocsp_verify(s, store, chain, vflags));
    X509_STORE_free(store);
    return 0;
}

int gnutls_certificate_verify_peers(gnutls_session_t session, gnutls_typed_vdata_st *data, unsigned int elements,
                                    unsigned int *status)
{
    return gnossl_cred_verify(session, data, elements, status);
}

int gnutls_certificate_verify_peers2(gnutls_session_t session, unsigned int *status)
{
    return gnossl_cred_verify(session, NULL, 0, status);
}

int gnutls_certificate_verify_peers3(gnutls_session_t session, const char *hostname, unsigned int *status)
{
    gnutls_typed_vdata_st d;

    if (hostname == NULL)
        return gnossl_cred_verify(session, NULL, 0, status);
    memset(&d, 0, sizeof(d));
    d.type = GNUTLS_DT_DNS_HOSTNAME;
    d.data = (unsigned char *)hostname;
    return gnossl_cred_verify(session, &d, 1, status);
}

/* ---- gnutls_session_set_verify_cert: verification inside the handshake ---- */

void gnutls_session_set_verify_cert(gnutls_session_t session, const char *hostname, unsigned flags)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);
    struct gnossl_verify_request *vr = gnossl_session_verify_request(session);

    if (st == NULL || vr == NULL)
        return;
    /* The session owns vr->hostname (gnutls_deinit frees it). */
    free(vr->hostname);
    vr->hostname = hostname != NULL ? strdup(hostname) : NULL;
    vr->flags = flags;
    vr->status = 0;
    vr->enabled = 1;
    st->verify_fn = NULL; /* the automatic check replaces a session function */
}

void gnutls_session_set_verify_cert2(gnutls_session_t session, gnutls_typed_vdata_st *data, unsigned elements,
                                     unsigned flags)
{
    struct gnossl_cred_session *st = gnossl_cred_session(session);
    gnutls_typed_vdata_st *copy = NULL;
    unsigned i;

    if (st == NULL)
        return;
    gnutls_session_set_verify_cert(session, NULL, flags);
    if (elements > 0 && data != NULL) {
        copy = calloc(elements, sizeof(*copy));
        if (copy == NULL)
            return;
        for (i = 0; i < elements; i++) {
            size_t len = data[i].size;
            copy[i].type = data[i].type;
            if (data[i].data != NULL) {
                if (len == 0)
                    len = strlen((const char *)data[i].data);
                copy[i].data = calloc(1, len + 1);
                if (copy[i].data != NULL)
                    memcpy(copy[i].data, data[i].data, len);
                copy[i].size = (unsigned)len;
            }
        }
    }
    for (i = 0; i < st->vc_elements; i++)
        free(st->vc_data[i].data);
    free(st->vc_data);
    st->vc_data = copy;
    st->vc_elements = copy != NULL ? elements : 0;
}

unsigned int gnutls_session_get_verify_cert_status(gnutls_session_t session)
{
    struct gnossl_verify_request *vr = gnossl_session_verify_request(session);

    return vr != NULL ? vr->status : 0;
}

/* The automatic verification of gnutls_session_set_verify_cert. */
static int auto_verify(gnutls_session_t s, struct gnossl_cred_session *st, struct gnossl_verify_request *vr)
{
    gnutls_typed_vdata_st d;
    unsigned status = 0;
    int ret;

    if (st->vc_elements > 0) {
        ret = gnossl_cred_verify(s, st->vc_data, st->vc_elements, &status);
    } else if (vr->hostname != NULL) {
        memset(&d, 0, sizeof(d));
        d.type = GNUTLS_DT_DNS_HOSTNAME;
        d.data = (unsigned char *)vr->hostname;
        ret = gnossl_cred_verify(s, &d, 1, &status);
    } else {
        ret = gnossl_cred_verify(s, NULL, 0, &status);
    }
    if (ret < 0)
        return GNUTLS_E_CERTIFICATE_ERROR;
    vr->status = status;
    if (status != 0)
        return GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR;
    return 0;
}

/* What GnuTLS runs once the peer's Certificate message is in: the session
 * verify function, else the automatic check of set_verify_cert, else the
 * credentials' function.  Returns 0 or the code the handshake fails with. */
static int run_verification(gnutls_session_t s, struct gnossl_cred_session *st)
{
    struct gnossl_verify_request *vr;
    gnutls_certificate_credentials_t c;
    gnutls_certificate_verify_function *fn = NULL;
    int ret = 0;

    st->verify_ran = 1;
    c = gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE);
    if (c == NULL)
        return 0;
    if (gnossl_session_is_server(s) && (!st->request_set || st->request == GNUTLS_CERT_IGNORE))
        return 0;
    vr = gnossl_session_verify_request(s);
    if (st->verify_fn != NULL) {
        fn = st->verify_fn;
    } else if (vr != NULL && vr->enabled) {
        ret = auto_verify(s, st, vr);
    } else {
        pthread_mutex_lock(&c->lock);
        fn = c->verify_fn;
        pthread_mutex_unlock(&c->lock);
    }
    if (fn != NULL) {
        ret = fn(s);
        if (ret != 0 && ret >= -1)
            ret = GNUTLS_E_CERTIFICATE_ERROR;
    }
    if (ret != 0) {
        gnossl_debug("certificate verification in the handshake failed: %d", ret);
        gnossl_session_verify_failed(s, st->peer_chain != NULL && sk_X509_num(st->peer_chain) > 0);
    }
    return ret;
}

/* SSL_CTX_set_cert_verify_callback: OpenSSL hands us the peer's chain in
 * place of its own verification.  We keep the chain for get_peers/verify
 * and run what GnuTLS runs at this point of the handshake. */
int gnossl_cred_cert_verify_cb(X509_STORE_CTX *xctx, void *arg)
{
    SSL *ssl = X509_STORE_CTX_get_ex_data(xctx, SSL_get_ex_data_X509_STORE_CTX_idx());
    gnutls_session_t s = ssl != NULL ? gnossl_session_from_ssl(ssl) : NULL;
    struct gnossl_cred_session *st;
    STACK_OF(X509) *untrusted;
    int ret;
    unsigned i;

    (void)arg;
    if (s == NULL)
        return 0;
    st = gnossl_cred_session(s);
    if (st == NULL) {
        gnossl_session_set_pending_error(s, GNUTLS_E_MEMORY_ERROR);
        return 0;
    }
    untrusted = X509_STORE_CTX_get0_untrusted(xctx);
    if (untrusted == NULL || sk_X509_num(untrusted) == 0)
        return 1;
    /* A GnuTLS client without certificate credentials never accepts a
     * certificate-authenticated handshake. */
    if (!gnossl_session_is_server(s) && gnossl_session_get_cred(s, GNUTLS_CRD_CERTIFICATE) == NULL) {
        gnossl_debug("server authenticated with a certificate, but the client has no certificate credentials");
        gnossl_session_set_pending_error(s, GNUTLS_E_INSUFFICIENT_CREDENTIALS);
        X509_STORE_CTX_set_error(xctx, X509_V_ERR_CERT_REJECTED);
        return 0;
    }
    /* A renegotiation must not change who the peer is (GnuTLS checks the
     * certificate unless gnutls_init had GNUTLS_ALLOW_ID_CHANGE). */
    if (st->peer_chain != NULL && sk_X509_num(st->peer_chain) > 0 &&
        !(gnossl_session_init_flags(s) & GNUTLS_ALLOW_ID_CHANGE) &&
        X509_cmp(sk_X509_value(st->peer_chain, 0), sk_X509_value(untrusted, 0)) != 0) {
        gnossl_debug("renegotiation: the peer's certificate changed");
        gnossl_session_set_pending_error(s, GNUTLS_E_SESSION_USER_ID_CHANGED);
        X509_STORE_CTX_set_error(xctx, X509_V_ERR_CERT_REJECTED);
        return 0;
    }
    sk_X509_pop_free(st->peer_chain, X509_free);
    st->peer_chain = X509_chain_up_ref(untrusted);
    for (i = 0; i < st->npeer; i++)
        free(st->peer_der[i].data);
    free(st->peer_der);
    st->peer_der = NULL;
    st->npeer = 0;
    st->peer_der_src = NULL;

    /* A TLS 1.2 client that asked for the certificate status verifies once
     * the CertificateStatus message had its chance to arrive, as GnuTLS
     * does (gnossl_cred_client_status_cb; TLS 1.3 carries the status in the
     * Certificate message itself; DTLS 1.2 behaves as TLS 1.2, and DTLS
     * version numbers compare above TLS 1.3's: hence "!="). */
    if (!gnossl_session_is_server(s) && gnossl_session_status_requested(s) &&
        SSL_version(ssl) != TLS1_3_VERSION) {
        st->verify_deferred = 1;
        return 1;
    }
    ret = run_verification(s, st);
    if (ret == 0)
        return 1;
    gnossl_session_set_pending_error(s, ret);
    X509_STORE_CTX_set_error(xctx, X509_V_ERR_CERT_REJECTED);
    return 0;
}

int gnossl_cred_client_status_cb(SSL *ssl, void *arg)
{
    gnutls_session_t s = gnossl_session_from_ssl(ssl);
    struct gnossl_cred_session *st;
    int ret;

    (void)arg;
    if (s == NULL || (st = gnossl_session_cred_state(s)) == NULL || !st->verify_deferred)
        return 1;
    st->verify_deferred = 0;
    ret = run_verification(s, st);
    if (ret == 0)
        return 1;
    gnossl_session_set_pending_error(s, ret);
    return 0;
}

int gnossl_cred_empty_certificate(gnutls_session_t s)
{
    struct gnossl_cred_session *st = gnossl_session_cred_state(s);
    if (st == NULL || st->verify_ran || !gnossl_session_is_server(s))
        return 0;
    return run_verification(s, st);
}

int gnossl_cred_handshake_done(gnutls_session_t s)
{
    struct gnossl_cred_session *st = gnossl_session_cred_state(s);
    SSL *ssl = gnossl_session_ssl(s);
    int ran;

    if (st == NULL || ssl == NULL)
        return 0;
    ran = st->verify_ran;
    st->verify_ran = 0; /* the next (re)handshake starts over */
    if (st->verify_deferred) {
        /* Never skipped: a deferred client verification that OpenSSL's
         * status callback did not run runs now. */
        st->verify_deferred = 0;
        return run_verification(s, st);
    }
    /* A server asked for a certificate and got an empty Certificate message:
     * OpenSSL has no callback for that, GnuTLS runs the verification (whose
     * verify_peers then reports -49).  Resumptions carry no Certificate. */
    if (ran || !gnossl_session_is_server(s) || SSL_session_reused(ssl) || !gnossl_cred_cert_auth_used(s))
        return 0;
    return run_verification(s, st);
}
