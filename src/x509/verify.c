/* Chain verification: X509_verify_cert against a trust list's store, every
 * X509_V_ERR_* seen along the chain turned into GnuTLS status bits, plus
 * the checks GnuTLS adds (insecure signature algorithms, host name, key
 * purpose). */
#include "gnossl.h"
#include "core/clock.h"
#include "x509/x509.h"

#include <time.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

/* GnuTLS's status bit for an OpenSSL verification error, as both the
 * trust-list and the credentials' verification report it (each handles
 * its own exceptions first); 0 for what GnuTLS does not report. */
unsigned gnossl_verify_err_bits(int err)
{
    switch (err) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return GNUTLS_CERT_SIGNER_NOT_FOUND;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return GNUTLS_CERT_NOT_ACTIVATED;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return GNUTLS_CERT_EXPIRED;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
        return GNUTLS_CERT_SIGNATURE_FAILURE;
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_INVALID_NON_CA:
        return GNUTLS_CERT_SIGNER_NOT_CA;
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
    case X509_V_ERR_PERMITTED_VIOLATION:
    case X509_V_ERR_EXCLUDED_VIOLATION:
    case X509_V_ERR_SUBTREE_MINMAX:
    case X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE:
    case X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX:
    case X509_V_ERR_UNSUPPORTED_NAME_SYNTAX:
        return GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
    case X509_V_ERR_CERT_REVOKED:
        return GNUTLS_CERT_REVOKED;
    case X509_V_ERR_CRL_NOT_YET_VALID:
        return GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE;
    case X509_V_ERR_CRL_HAS_EXPIRED:
        return GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
    case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION:
        return GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS;
    case X509_V_ERR_EE_KEY_TOO_SMALL:
    case X509_V_ERR_CA_KEY_TOO_SMALL:
    case X509_V_ERR_CA_MD_TOO_WEAK:
        return GNUTLS_CERT_INSECURE_ALGORITHM;
    default:
        return 0;
    }
}

/* GnuTLS checks the chain from the trust anchor down and stops at the
 * first certificate with a problem, reporting that certificate's bits:
 * keep the bits per depth and report the topmost failing one. */
#define MAX_DEPTH 32
struct vstate {
    unsigned bits[MAX_DEPTH + 1];
    unsigned char bailed[MAX_DEPTH + 1]; /* path length ran out: GnuTLS stops before looking at the issuer */
    int top;      /* highest depth with a problem, -1 if none */
    unsigned flags;
};

static void mark(struct vstate *st, int depth, unsigned bits)
{
    if (depth < 0)
        depth = 0;
    if (depth > MAX_DEPTH)
        depth = MAX_DEPTH;
    st->bits[depth] |= bits | GNUTLS_CERT_INVALID;
    if (depth > st->top)
        st->top = depth;
}

static int verify_cb(int ok, X509_STORE_CTX *ctx)
{
    if (ok)
        return 1;
    struct vstate *st = X509_STORE_CTX_get_ex_data(ctx, 0);
    int err = X509_STORE_CTX_get_error(ctx);
    unsigned bits = gnossl_verify_err_bits(err);
    if (err == X509_V_ERR_UNABLE_TO_GET_CRL || err == X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER ||
        err == X509_V_ERR_DIFFERENT_CRL_SCOPE)
        return 1; /* no CRL for this issuer: GnuTLS does not require one */
    if (err == X509_V_ERR_INVALID_CA) {
        X509 *cur = X509_STORE_CTX_get_current_cert(ctx);
        uint32_t ex = cur ? X509_get_extension_flags(cur) : 0;
        /* a v1 certificate as CA, when the caller allows it */
        if (cur && X509_get_version(cur) == X509_VERSION_1 && (st->flags & GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT))
            return 1;
        /* CA:TRUE but no keyCertSign: a constraints failure for GnuTLS */
        if ((ex & EXFLAG_BCONS) && (ex & EXFLAG_CA) && (ex & EXFLAG_KUSAGE))
            bits = GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
    }
    int depth = X509_STORE_CTX_get_error_depth(ctx);
    /* GnuTLS reports a bad issuer on the certificate it issued */
    if (depth > 0 && (err == X509_V_ERR_INVALID_CA || err == X509_V_ERR_INVALID_NON_CA ||
                      err == X509_V_ERR_KEYUSAGE_NO_CERTSIGN))
        depth--;
    /* and an exceeded path length where its budget runs out: pathlen + 2
     * levels below the CA that set it */
    if (err == X509_V_ERR_PATH_LENGTH_EXCEEDED) {
        X509 *cur = X509_STORE_CTX_get_current_cert(ctx);
        long pl = cur ? X509_get_pathlen(cur) : -1;
        depth = pl >= 0 ? depth - (int)pl - 2 : depth - 1;
        if (depth < 0)
            depth = 0;
        if (depth <= MAX_DEPTH)
            st->bailed[depth] = 1;
    }
    mark(st, depth, bits);
    gnossl_debug("verify: depth %d: %s", X509_STORE_CTX_get_error_depth(ctx), X509_verify_cert_error_string(err));
    return 1; /* keep going to collect every problem, as GnuTLS does */
}

/* GnuTLS treats MD2/MD5/SHA-1 certificate signatures as broken. */
static unsigned weak_signature(X509 *x, unsigned flags)
{
    const X509_ALGOR *alg = NULL;
    X509_get0_signature(NULL, &alg, x);
    switch (gnossl_sign_from_algor(alg)) {
    case GNUTLS_SIGN_RSA_MD2:
        return 1;
    case GNUTLS_SIGN_RSA_MD5:
        return !(flags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5);
    case GNUTLS_SIGN_RSA_SHA1:
    case GNUTLS_SIGN_DSA_SHA1:
    case GNUTLS_SIGN_ECDSA_SHA1:
        return !(flags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) && !(flags & GNUTLS_VERIFY_ALLOW_BROKEN);
    default:
        return 0;
    }
}

static int in_store_list(gnutls_x509_trust_list_t list, X509 *x)
{
    for (size_t i = 0; i < list->ncas; i++)
        if (X509_cmp(list->cas[i]->x509, x) == 0)
            return 1;
    return 0;
}

/* Verify cert_list[0] with cert_list[1..] as helpers; returns the status. */
/* The handle of an X509 of the chain: one of the caller's, one of the
 * anchors, or a temporary one (*tmp set, caller frees). */
static gnutls_x509_crt_t handle_of(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n, X509 *x,
                                   gnutls_x509_crt_t *tmp)
{
    for (unsigned i = 0; i < n; i++)
        if (cert_list[i] && cert_list[i]->x509 == x)
            return cert_list[i];
    for (size_t i = 0; list && i < list->ncas; i++)
        if (list->cas[i]->x509 == x)
            return list->cas[i];
    if (*tmp == NULL && gnossl_x509_crt_from_X509(x, tmp) < 0)
        *tmp = NULL;
    return *tmp;
}

/* Report each step to the caller's output function the way GnuTLS walks
 * the chain: the top certificate against the trust anchor first, then each
 * certificate against its issuer, stopping at the first failure; when the
 * issuer was unknown, expired or insecure GnuTLS tries the top certificate
 * once more against anchors of its own name, which reports "unknown". */
/* Bits GnuTLS finds on a certificate checked with no issuer at hand: its
 * own validity period and a broken signature algorithm. */
static unsigned lone_status(X509 *x, unsigned flags)
{
    unsigned bits = GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_INVALID;
    if (weak_signature(x, flags) && X509_check_issued(x, x) != X509_V_OK)
        bits |= GNUTLS_CERT_INSECURE_ALGORITHM;
    if (!(flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)) {
        if (gnossl_cmp_now(X509_get0_notBefore(x), 0) > 0)
            bits |= GNUTLS_CERT_NOT_ACTIVATED;
        if (gnossl_cmp_now(X509_get0_notAfter(x), 0) < 0)
            bits |= GNUTLS_CERT_EXPIRED;
    }
    return bits;
}

static void report_steps(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n, STACK_OF(X509) *chain,
                         const struct vstate *st, unsigned status, gnutls_verify_output_function func)
{
    int m = chain ? sk_X509_num(chain) : 0;
    if (func == NULL || m == 0)
        return;
    gnutls_x509_crt_t tmps[MAX_DEPTH + 2] = {0};
    gnutls_x509_crt_t h[MAX_DEPTH + 2];
    if (m > MAX_DEPTH + 1)
        m = MAX_DEPTH + 1;
    for (int i = 0; i < m; i++)
        h[i] = handle_of(list, cert_list, n, sk_X509_value(chain, i), &tmps[i]);
    int anchored = list && in_store_list(list, sk_X509_value(chain, m - 1));
    int k = anchored ? m - 1 : m; /* certificates below the anchor */
    if (k == 0) {
        func(h[0], h[0], NULL, 0); /* the certificate is itself trusted */
        goto out;
    }
    unsigned out = st->bits[k - 1];
    func(h[k - 1], anchored ? h[m - 1] : NULL, NULL, out);
    for (int i = k - 2; out == 0 && i >= 0; i--) {
        out = st->bits[i];
        func(h[i], st->bailed[i] ? NULL : h[i + 1], NULL, out);
    }
    if ((status & (GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_EXPIRED | GNUTLS_CERT_INSECURE_ALGORITHM)) &&
        X509_NAME_cmp(X509_get_subject_name(sk_X509_value(chain, k - 1)),
                      X509_get_issuer_name(sk_X509_value(chain, k - 1))) != 0)
        func(h[k - 1], NULL, NULL, lone_status(sk_X509_value(chain, k - 1), st->flags));
out:
    for (int i = 0; i < m; i++)
        gnutls_x509_crt_deinit(tmps[i]);
}

static int verify_chain(gnutls_x509_trust_list_t list, X509_STORE *store, gnutls_x509_crt_t *cert_list,
                        unsigned cert_list_size, unsigned flags, int crl_check, unsigned *status,
                        gnutls_verify_output_function func)
{
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    struct vstate st;
    int ret = 0;

    if (untrusted == NULL || ctx == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        goto out;
    }
    for (unsigned i = 1; i < cert_list_size; i++)
        if (cert_list[i] && cert_list[i]->x509)
            sk_X509_push(untrusted, cert_list[i]->x509);
    ERR_clear_error();
    if (!X509_STORE_CTX_init(ctx, store, cert_list[0]->x509, untrusted)) {
        ret = GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
        goto out;
    }
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
    /* any certificate of the trust list is an anchor, as in GnuTLS */
    unsigned long vf = X509_V_FLAG_PARTIAL_CHAIN;
    if (crl_check)
        vf |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
    if (flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)
        vf |= X509_V_FLAG_NO_CHECK_TIME;
    X509_VERIFY_PARAM_set_flags(param, vf);
    gnossl_verify_param_time(param);
    X509_VERIFY_PARAM_set_depth(param, 16);
    memset(&st, 0, sizeof st);
    st.top = -1;
    st.flags = flags;
    X509_STORE_CTX_set_ex_data(ctx, 0, &st);
    X509_STORE_CTX_set_verify_cb(ctx, verify_cb);
    int ok = X509_verify_cert(ctx);
    ERR_clear_error();
    if (ok <= 0 && st.top < 0)
        mark(&st, 0, GNUTLS_CERT_SIGNER_NOT_FOUND);

    /* broken signature algorithms below the trust anchor */
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    int n = chain ? sk_X509_num(chain) : 0;
    for (int i = 0; i < n; i++) {
        X509 *x = sk_X509_value(chain, i);
        if (i == n - 1 && list && in_store_list(list, x))
            break; /* the anchor's own signature does not matter */
        if (weak_signature(x, flags))
            mark(&st, i, GNUTLS_CERT_INSECURE_ALGORITHM);
    }
    *status = st.top >= 0 ? st.bits[st.top] : 0;
    report_steps(list, cert_list, cert_list_size, chain, &st, *status, func);
out:
    X509_STORE_CTX_free(ctx);
    sk_X509_free(untrusted);
    return ret;
}

/* GnuTLS's revocation pass, after the chain verified: the top certificate
 * first, then the others from the end certificate up, each against the
 * list's CRLs of its issuer; every CRL consulted is reported to func. */
static unsigned crl_pass(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n,
                         gnutls_verify_output_function func)
{
    if (n == 0 || list->ncrls == 0)
        return 0;
    for (unsigned step = 0; step < n; step++) {
        unsigned i = step == 0 ? n - 1 : step - 1;
        gnutls_x509_crt_t c = cert_list[i];
        if (c == NULL || c->x509 == NULL)
            continue;
        for (size_t k = 0; k < list->ncrls; k++) {
            X509_CRL *crl = list->crls[k]->crl;
            if (gnossl_tl_bucket(list, X509_CRL_get_issuer(crl)) != gnossl_tl_bucket(list, X509_get_issuer_name(c->x509)) ||
                !gnossl_dn_equal(X509_CRL_get_issuer(crl), X509_get_issuer_name(c->x509)))
                continue;
            X509_REVOKED *r = NULL;
            if (X509_CRL_get0_by_serial(crl, &r, X509_get0_serialNumber(c->x509)) == 1) {
                if (func)
                    func(c, NULL, list->crls[k], GNUTLS_CERT_REVOKED | GNUTLS_CERT_INVALID);
                return GNUTLS_CERT_REVOKED | GNUTLS_CERT_INVALID;
            }
            if (func)
                func(c, NULL, list->crls[k], 0);
        }
    }
    return 0;
}

/* The chain GnuTLS checks: the caller's list up to the first certificate
 * that is itself an anchor, without a self-signed certificate at its end. */
static unsigned gnutls_chain_len(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n)
{
    if (n > 1 && gnutls_x509_crt_check_issuer(cert_list[n - 1], cert_list[n - 1]))
        n--;
    for (unsigned i = 1; i < n; i++)
        if (in_store_list(list, cert_list[i]->x509)) {
            n = i + 1;
            break;
        }
    return n;
}

static int purpose_ok(gnutls_x509_crt_t crt, const char *oid)
{
    for (unsigned i = 0;; i++) {
        char buf[128];
        size_t sz = sizeof buf;
        int r = gnutls_x509_crt_get_key_purpose_oid(crt, i, buf, &sz, NULL);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            return i == 0; /* no extension: any purpose */
        if (r < 0)
            return 0;
        if (strcmp(buf, oid) == 0 || strcmp(buf, GNUTLS_KP_ANY) == 0)
            return 1;
    }
}

static int ip_ok(gnutls_x509_crt_t crt, const unsigned char *ip, size_t len)
{
    for (unsigned i = 0;; i++) {
        unsigned char buf[64];
        size_t sz = sizeof buf;
        int r = gnutls_x509_crt_get_subject_alt_name(crt, i, buf, &sz, NULL);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            return 0;
        if (r == GNUTLS_SAN_IPADDRESS && sz == len && memcmp(buf, ip, len) == 0)
            return 1;
    }
}

static int email_ok(gnutls_x509_crt_t crt, const char *email)
{
    for (unsigned i = 0;; i++) {
        char buf[512];
        size_t sz = sizeof buf;
        int r = gnutls_x509_crt_get_subject_alt_name(crt, i, buf, &sz, NULL);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
        if (r == GNUTLS_SAN_RFC822NAME && strcasecmp(buf, email) == 0)
            return 1;
    }
    char buf[512];
    size_t sz = sizeof buf;
    return gnutls_x509_crt_get_dn_by_oid(crt, GNUTLS_OID_PKCS9_EMAIL, 0, 0, buf, &sz) == 0 && strcasecmp(buf, email) == 0;
}

static int verify_crt2(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned int cert_list_size,
                       gnutls_typed_vdata_st *data, unsigned int elements, unsigned int flags, unsigned int *voutput,
                       gnutls_verify_output_function func, int crl_check)
{
    if (list == NULL || cert_list == NULL || cert_list_size == 0 || voutput == NULL || cert_list[0] == NULL ||
        cert_list[0]->x509 == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned status = 0;
    const char *purpose = NULL;
    for (unsigned i = 0; data && i < elements; i++)
        if (data[i].type == GNUTLS_DT_KEY_PURPOSE_OID)
            purpose = (const char *)data[i].data;
    /* a certificate removed from the list, in the chain GnuTLS checks,
     * makes it revoked before anything else is looked at */
    unsigned n = gnutls_chain_len(list, cert_list, cert_list_size);
    X509 *xs[MAX_DEPTH + 1];
    for (unsigned i = 0; i < n && i <= MAX_DEPTH; i++)
        xs[i] = cert_list[i] ? cert_list[i]->x509 : NULL;
    if (gnossl_trust_list_distrusts(list, xs, n <= MAX_DEPTH ? n : MAX_DEPTH + 1)) {
        *voutput = GNUTLS_CERT_REVOKED | GNUTLS_CERT_INVALID;
        return 0;
    }
    /* OpenSSL's verdict first (no reports), then GnuTLS's walk, which
     * decides the bits and the reported steps; should OpenSSL reject what
     * the walk accepts (name constraints, ...), its verdict stands. */
    unsigned ossl = 0;
    int ret = verify_chain(list, list->store, cert_list, cert_list_size, flags, crl_check, &ossl, NULL);
    if (ret < 0)
        return ret;
    status = gnossl_walk_verify(list, cert_list, cert_list_size, flags, purpose, func);
    if (status == 0 && ossl != 0)
        status = ossl | GNUTLS_CERT_INVALID;

    for (unsigned i = 0; data && i < elements; i++) {
        const char *s = (const char *)data[i].data;
        switch (data[i].type) {
        case GNUTLS_DT_DNS_HOSTNAME:
            if (s && !gnutls_x509_crt_check_hostname2(cert_list[0], s, flags))
                status |= GNUTLS_CERT_UNEXPECTED_OWNER | GNUTLS_CERT_INVALID;
            break;
        case GNUTLS_DT_IP_ADDRESS:
            if (data[i].size == 4 || data[i].size == 16) {
                if (!ip_ok(cert_list[0], data[i].data, data[i].size))
                    status |= GNUTLS_CERT_UNEXPECTED_OWNER | GNUTLS_CERT_INVALID;
            }
            break;
        case GNUTLS_DT_RFC822NAME:
            if (s && !email_ok(cert_list[0], s))
                status |= GNUTLS_CERT_UNEXPECTED_OWNER | GNUTLS_CERT_INVALID;
            break;
        case GNUTLS_DT_KEY_PURPOSE_OID:
            if (s && !purpose_ok(cert_list[0], s))
                status |= GNUTLS_CERT_PURPOSE_MISMATCH | GNUTLS_CERT_INVALID;
            break;
        default:
            break;
        }
    }
    if (status == 0 && !(flags & GNUTLS_VERIFY_DISABLE_CRL_CHECKS))
        status = crl_pass(list, cert_list, gnutls_chain_len(list, cert_list, cert_list_size), func);
    *voutput = status;
    return 0;
}

int gnutls_x509_trust_list_verify_crt2(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list,
                                       unsigned int cert_list_size, gnutls_typed_vdata_st *data, unsigned int elements,
                                       unsigned int flags, unsigned int *voutput, gnutls_verify_output_function func)
{
    /* revocation is checked the GnuTLS way, after the chain (crl_pass) */
    return verify_crt2(list, cert_list, cert_list_size, data, elements, flags, voutput, func, 0);
}

int gnutls_x509_trust_list_verify_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list,
                                      unsigned int cert_list_size, unsigned int flags, unsigned int *voutput,
                                      gnutls_verify_output_function func)
{
    return gnutls_x509_trust_list_verify_crt2(list, cert_list, cert_list_size, NULL, 0, flags, voutput, func);
}

int gnutls_x509_trust_list_verify_named_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert, const void *name,
                                            size_t name_size, unsigned int flags, unsigned int *voutput,
                                            gnutls_verify_output_function func)
{
    (void)name;
    (void)name_size;
    (void)flags;
    if (list == NULL || cert == NULL || voutput == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* only certificates added as they are count here */
    *voutput = in_store_list(list, cert->x509) ? 0 : GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND;
    if (func)
        func(cert, NULL, NULL, *voutput);
    return 0;
}

/* The list-based API: a throw-away trust list over the caller's CAs/CRLs. */
int gnutls_x509_crt_list_verify(const gnutls_x509_crt_t *cert_list, unsigned cert_list_length,
                                const gnutls_x509_crt_t *CA_list, unsigned CA_list_length,
                                const gnutls_x509_crl_t *CRL_list, unsigned CRL_list_length, unsigned int flags,
                                unsigned int *verify)
{
    if (cert_list == NULL || cert_list_length == 0 || verify == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_trust_list_t tl;
    /* one bucket: GnuTLS searches the caller's CAs by name alone */
    int ret = gnutls_x509_trust_list_init(&tl, 1);
    if (ret < 0)
        return ret;
    ret = gnutls_x509_trust_list_add_cas(tl, CA_list, CA_list_length, 0);
    if (ret >= 0) {
        /* the caller keeps the CRLs: they go into the store only */
        for (unsigned i = 0; i < CRL_list_length; i++)
            if (CRL_list[i] && CRL_list[i]->crl)
                X509_STORE_add_crl(tl->store, CRL_list[i]->crl);
        ret = verify_crt2(tl, (gnutls_x509_crt_t *)cert_list, cert_list_length, NULL, 0, flags, verify, NULL,
                          CRL_list_length > 0);
    }
    gnutls_x509_trust_list_deinit(tl, 0);
    return ret < 0 ? ret : 0;
}

int gnutls_x509_crt_verify(gnutls_x509_crt_t cert, const gnutls_x509_crt_t *CA_list, unsigned CA_list_length,
                           unsigned int flags, unsigned int *verify)
{
    if (cert == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnutls_x509_crt_list_verify(&cert, 1, CA_list, CA_list_length, NULL, 0, flags, verify);
}

int gnutls_x509_crt_verify_data2(gnutls_x509_crt_t crt, gnutls_sign_algorithm_t algo, unsigned int flags,
                                 const gnutls_datum_t *data, const gnutls_datum_t *signature)
{
    gnutls_pubkey_t pub;
    if (crt == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = gnutls_pubkey_init(&pub);
    if (ret < 0)
        return ret;
    ret = gnutls_pubkey_import_x509(pub, crt, 0);
    if (ret == 0)
        ret = gnutls_pubkey_verify_data2(pub, algo, flags, data, signature);
    gnutls_pubkey_deinit(pub);
    return ret;
}

/* GnuTLS's order: the first CA of the CRL's issuer name; that it is a CA
 * and may sign CRLs (when it has a key usage) unless DISABLE_CA_SIGN; the
 * signature; then the times, checked even without an issuer (a CRL
 * without nextUpdate is never superseded). */
int gnutls_x509_crl_verify(gnutls_x509_crl_t crl, const gnutls_x509_crt_t *CA_list, unsigned CA_list_length,
                           unsigned int flags, unsigned int *verify)
{
    if (crl == NULL || crl->crl == NULL || verify == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    gnutls_x509_crt_t issuer = NULL;
    unsigned st = 0;
    for (unsigned i = 0; i < CA_list_length && issuer == NULL; i++)
        if (gnutls_x509_crl_check_issuer(crl, CA_list[i]))
            issuer = CA_list[i];
    if (issuer == NULL) {
        st |= GNUTLS_CERT_SIGNER_NOT_FOUND;
    } else {
        if (!(flags & GNUTLS_VERIFY_DISABLE_CA_SIGN)) {
            unsigned usage = 0;
            if (gnutls_x509_crt_get_ca_status(issuer, NULL) != 1)
                st |= GNUTLS_CERT_SIGNER_NOT_CA;
            int r = gnutls_x509_crt_get_key_usage(issuer, &usage, NULL);
            if (r >= 0 && !(usage & GNUTLS_KEY_CRL_SIGN))
                st |= GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
            else if (r < 0 && r != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
                st |= GNUTLS_CERT_INVALID;
        }
        ERR_clear_error();
        int good = X509_CRL_verify(crl->crl, X509_get0_pubkey(issuer->x509)) == 1;
        ERR_clear_error();
        if (!good)
            st |= GNUTLS_CERT_SIGNATURE_FAILURE;
        /* a good signature with an algorithm the flags refuse (MD5) is an
         * error, as GnuTLS's data verification makes it */
        int sa = gnutls_x509_crl_get_signature_algorithm(crl);
        if (good && sa > 0 && !gnossl_sig_allowed((gnutls_sign_algorithm_t)sa, flags)) {
            *verify = st | GNUTLS_CERT_INVALID;
            return GNOSSL_ERR(GNUTLS_E_INSUFFICIENT_SECURITY);
        }
    }
    time_t now = gnossl_time(), next = gnutls_x509_crl_get_next_update(crl);
    if (gnutls_x509_crl_get_this_update(crl) > now)
        st |= GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE;
    if (next != (time_t)-1 && next < now)
        st |= GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
    *verify = st ? st | GNUTLS_CERT_INVALID : 0;
    return 0;
}
