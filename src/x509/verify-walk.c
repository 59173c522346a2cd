/* Chain verification the way GnuTLS 3.7 walks a chain, so that its status
 * bits and the steps reported to a gnutls_verify_output_function come out
 * the same: the caller's list (sorted, shortened at the first anchor) is
 * checked from the top certificate against the anchors of its issuer's
 * bucket, then downwards, stopping at the first failure; an unknown,
 * expired or insecure signer gets a second try against anchors filed
 * under the top certificate's own name.  The individual checks use
 * OpenSSL (signatures, extensions, times). */
#include "gnossl.h"
#include "core/clock.h"
#include "x509/x509.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

#define WALK_MAX_DEPTH 16

struct walk {
    unsigned flags;
    unsigned max_path;
    gnutls_verify_output_function *func;
    gnutls_x509_name_constraints_t nc; /* the issuers' so far, top down */
};

static unsigned time_status(X509 *x)
{
    if (gnossl_cmp_now(X509_get0_notBefore(x), 0) > 0)
        return GNUTLS_CERT_NOT_ACTIVATED | GNUTLS_CERT_INVALID;
    if (gnossl_cmp_now(X509_get0_notAfter(x), 0) < 0)
        return GNUTLS_CERT_EXPIRED | GNUTLS_CERT_INVALID;
    return 0;
}

/* Same certificate (end certificate) or same name and key (CAs). */
static int same_key(gnutls_x509_crt_t a, gnutls_x509_crt_t b, unsigned is_ca)
{
    if (!is_ca)
        return gnutls_x509_crt_equals(a, b);
    if (!gnossl_dn_equal(X509_get_subject_name(a->x509), X509_get_subject_name(b->x509)))
        return 0;
    return EVP_PKEY_eq(X509_get0_pubkey(a->x509), X509_get0_pubkey(b->x509)) == 1;
}

static gnutls_x509_crt_t find_issuer(gnutls_x509_crt_t cert, gnutls_x509_crt_t *cas, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (gnutls_x509_crt_check_issuer(cert, cas[i]))
            return cas[i];
    return NULL;
}

static int check_if_ca(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, unsigned *max_path, unsigned flags)
{
    if (gnutls_x509_crt_equals(cert, issuer))
        return 1; /* a trusted certificate verifying itself */
    unsigned ca = 0;
    int pathlen = -1;
    int ret = gnutls_x509_crt_get_basic_constraints(issuer, NULL, &ca, &pathlen);
    if (ret < 0) {
        ca = 0;
        pathlen = -1;
    }
    if (ca || (flags & GNUTLS_VERIFY_DISABLE_CA_SIGN)) {
        if (ret >= 0 && pathlen >= 0 && (unsigned)pathlen < *max_path)
            *max_path = (unsigned)pathlen;
        return 1;
    }
    return 0;
}

static int broken_allowed(gnutls_sign_algorithm_t s, unsigned flags)
{
    if (flags & GNUTLS_VERIFY_ALLOW_BROKEN)
        return 1;
    gnutls_digest_algorithm_t d = gnutls_sign_get_hash_algorithm(s);
    if ((flags & GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5) && d == GNUTLS_DIG_MD5)
        return 1;
    if ((flags & GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1) && d == GNUTLS_DIG_SHA1)
        return 1;
    return 0;
}

static int unknown_critical(gnutls_x509_crt_t c)
{
    return (X509_get_extension_flags(c->x509) & EXFLAG_CRITICAL) != 0;
}

/* GnuTLS collects the name constraints of every issuer on the way down and
 * checks them against the end certificate only. */
static int names_allowed(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer, gnutls_x509_name_constraints_t nc,
                         int end_cert)
{
    if (nc == NULL)
        return 1;
    int r = gnutls_x509_crt_get_name_constraints(issuer, nc, GNUTLS_NAME_CONSTRAINTS_FLAG_APPEND, NULL);
    if (r < 0 && r != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        return 0;
    if (!end_cert)
        return 1;
    return gnutls_x509_name_constraints_check_crt(nc, GNUTLS_SAN_DNSNAME, cert) &&
           gnutls_x509_name_constraints_check_crt(nc, GNUTLS_SAN_RFC822NAME, cert) &&
           gnutls_x509_name_constraints_check_crt(nc, GNUTLS_SAN_IPADDRESS, cert);
}

#define MARK(bits)                                                                                                     \
    do {                                                                                                               \
        out |= (bits) | GNUTLS_CERT_INVALID;                                                                           \
        result = 0;                                                                                                    \
    } while (0)

/* One certificate against candidate issuers; 1 if it verified. */
static int verify_one(gnutls_x509_crt_t cert, gnutls_x509_crt_t *cas, unsigned ncas, unsigned flags, struct walk *w,
                      int end_cert, unsigned *output)
{
    gnutls_x509_crt_t issuer = NULL;
    unsigned out = 0;
    int result = 1;

    *output = 0;
    if (w->max_path == 0) {
        MARK(GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE);
        goto done;
    }
    w->max_path--;
    if (ncas)
        issuer = find_issuer(cert, cas, ncas);
    const X509_ALGOR *alg = NULL;
    X509_get0_signature(NULL, &alg, cert->x509);
    gnutls_sign_algorithm_t sig = gnossl_sign_from_algor(alg);
    if (sig == GNUTLS_SIGN_UNKNOWN)
        MARK(0);

    if (issuer == NULL)
        MARK(GNUTLS_CERT_SIGNER_NOT_FOUND);
    else {
        int ver = gnutls_x509_crt_get_version(issuer);
        if (!(flags & GNUTLS_VERIFY_DISABLE_CA_SIGN) && ((flags & GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT) || ver != 1)) {
            if (check_if_ca(cert, issuer, &w->max_path, flags) != 1)
                MARK(GNUTLS_CERT_SIGNER_NOT_CA);
            unsigned usage = 0;
            int r = gnutls_x509_crt_get_key_usage(issuer, &usage, NULL);
            if (r != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) {
                if (r < 0)
                    MARK(0);
                else if (!(usage & GNUTLS_KEY_KEY_CERT_SIGN))
                    MARK(GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE);
            }
        }
        if (!names_allowed(cert, issuer, w->nc, end_cert))
            MARK(GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE);
        if (sig != GNUTLS_SIGN_UNKNOWN) {
            ERR_clear_error();
            if (X509_verify(cert->x509, X509_get0_pubkey(issuer->x509)) != 1)
                MARK(GNUTLS_CERT_SIGNATURE_FAILURE);
            ERR_clear_error();
        }
    }
    if (sig != GNUTLS_SIGN_UNKNOWN && !gnutls_sign_is_secure2(sig, GNUTLS_SIGN_FLAG_SECURE_FOR_CERTS) &&
        !broken_allowed(sig, flags) && !gnutls_x509_crt_check_issuer(cert, cert))
        MARK(GNUTLS_CERT_INSECURE_ALGORITHM);
    if (!(flags & GNUTLS_VERIFY_IGNORE_UNKNOWN_CRIT_EXTENSIONS) &&
        ((issuer && unknown_critical(issuer)) || (end_cert && unknown_critical(cert))))
        MARK(GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS);
    if (!(flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)) {
        if (issuer && !(flags & GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS)) {
            out |= time_status(issuer->x509);
            if (out)
                result = 0;
        }
        out |= time_status(cert->x509);
        if (out)
            result = 0;
    }
done:
    *output |= out;
    if (w->func) {
        if (!result)
            out |= GNUTLS_CERT_INVALID;
        w->func(cert, issuer, NULL, out);
    }
    return result;
}

static int purpose_ok(gnutls_x509_crt_t crt, const char *oid, int no_any)
{
    for (unsigned i = 0;; i++) {
        char buf[128];
        size_t sz = sizeof buf;
        int r = gnutls_x509_crt_get_key_purpose_oid(crt, i, buf, &sz, NULL);
        if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            return i == 0;
        if (r < 0)
            return 0;
        if (strcmp(buf, oid) == 0 || (!no_any && strcmp(buf, GNUTLS_KP_ANY) == 0))
            return 1;
    }
}

static unsigned walk_status(gnutls_x509_crt_t *clist, unsigned n, gnutls_x509_crt_t *cas, unsigned ncas,
                            unsigned flags, const char *purpose, gnutls_verify_output_function func, struct walk *wp)
{
    unsigned status = 0, output;
    struct walk w = *wp;

    if (n > 1 && gnutls_x509_crt_check_issuer(clist[n - 1], clist[n - 1]))
        n--;
    for (unsigned i = (flags & GNUTLS_VERIFY_DO_NOT_ALLOW_SAME) ? 1 : 0; i < n; i++) {
        for (unsigned j = 0; j < ncas; j++) {
            if (!same_key(clist[i], cas[j], i))
                continue;
            if (!(flags & GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS) && !(flags & GNUTLS_VERIFY_DISABLE_TIME_CHECKS)) {
                status |= time_status(cas[j]->x509);
                if (status) {
                    if (func)
                        func(clist[i], cas[j], NULL, status);
                    return status;
                }
            }
            if (func)
                func(clist[i], cas[j], NULL, status);
            n = i;
            break;
        }
    }
    if (n == 0)
        return status;

    output = 0;
    if (verify_one(clist[n - 1], cas, ncas, flags, &w, n == 1, &output) != 1)
        return status | output | GNUTLS_CERT_INVALID;
    for (unsigned i = n - 1; i > 0; i--) {
        output = 0;
        if (purpose && !purpose_ok(clist[i], purpose, 1)) {
            status |= GNUTLS_CERT_INVALID | GNUTLS_CERT_PURPOSE_MISMATCH;
            if (func)
                func(clist[i - 1], clist[i], NULL, status);
            return status;
        }
        if (!(flags & GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT))
            flags |= GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT;
        if (verify_one(clist[i - 1], &clist[i], 1, flags, &w, i == 1, &output) != 1)
            return status | output | GNUTLS_CERT_INVALID;
    }
    return 0;
}

/* GnuTLS's _gnutls_verify_crt_status over one set of anchors. */
static unsigned verify_status(gnutls_x509_crt_t *clist, unsigned n, gnutls_x509_crt_t *cas, unsigned ncas,
                              unsigned flags, const char *purpose, gnutls_verify_output_function func)
{
    struct walk w = {flags, WALK_MAX_DEPTH, func, NULL};
    if (gnutls_x509_name_constraints_init(&w.nc) < 0)
        return GNUTLS_CERT_INVALID;
    unsigned status = walk_status(clist, n, cas, ncas, flags, purpose, func, &w);
    gnutls_x509_name_constraints_deinit(w.nc);
    return status;
}

/* Each certificate followed by its issuer, from the first, as far as the
 * list allows; GnuTLS drops what is not on that path. */
static unsigned sort_chain(gnutls_x509_crt_t *in, unsigned n, gnutls_x509_crt_t *out)
{
    int used[WALK_MAX_DEPTH] = {0};
    unsigned k = 0;
    int sorted = 1;
    for (unsigned i = 0; i + 1 < n; i++)
        if (!gnutls_x509_crt_check_issuer(in[i], in[i + 1]))
            sorted = 0;
    if (sorted || n > WALK_MAX_DEPTH) {
        memcpy(out, in, (n > WALK_MAX_DEPTH ? WALK_MAX_DEPTH : n) * sizeof(*in));
        return n > WALK_MAX_DEPTH ? WALK_MAX_DEPTH : n;
    }
    out[k++] = in[0];
    used[0] = 1;
    unsigned cur = 0;
    for (;;) {
        if (gnutls_x509_crt_check_issuer(in[cur], in[cur]))
            break;
        unsigned j;
        for (j = 1; j < n; j++)
            if (!used[j] && j != cur && gnutls_x509_crt_check_issuer(in[cur], in[j]))
                break;
        if (j == n)
            break;
        out[k++] = in[j];
        used[j] = 1;
        cur = j;
    }
    return k;
}

#define OLD_OR_UNKNOWN(x) ((x) & (GNUTLS_CERT_SIGNER_NOT_FOUND | GNUTLS_CERT_EXPIRED | GNUTLS_CERT_INSECURE_ALGORITHM))

unsigned gnossl_walk_verify(gnutls_x509_trust_list_t list, gnutls_x509_crt_t *cert_list, unsigned n, unsigned flags,
                            const char *purpose, gnutls_verify_output_function func)
{
    gnutls_x509_crt_t sorted[WALK_MAX_DEPTH], cas[256];
    if (!(flags & GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN))
        n = sort_chain(cert_list, n, sorted);
    else {
        if (n > WALK_MAX_DEPTH)
            n = WALK_MAX_DEPTH;
        memcpy(sorted, cert_list, n * sizeof(*sorted));
    }
    /* shorten at the first certificate (after the end one) that is an anchor */
    if (n > 1 && gnutls_x509_crt_check_issuer(sorted[n - 1], sorted[n - 1]))
        n--;
    for (unsigned i = 1; i < n; i++) {
        unsigned nc = gnossl_tl_bucket_cas(list, X509_get_issuer_name(sorted[i]->x509), cas, 256);
        for (unsigned j = 0; j < nc; j++)
            if (gnutls_x509_crt_equals(sorted[i], cas[j])) {
                n = i + 1;
                break;
            }
    }
    X509 *last = sorted[n - 1]->x509;
    unsigned nc = gnossl_tl_bucket_cas(list, X509_get_issuer_name(last), cas, 256);
    unsigned status = verify_status(sorted, n, cas, nc, flags, purpose, func);
    unsigned saved = status;
    if (OLD_OR_UNKNOWN(status) && !gnossl_dn_equal(X509_get_subject_name(last), X509_get_issuer_name(last))) {
        nc = gnossl_tl_bucket_cas(list, X509_get_subject_name(last), cas, 256);
        status = verify_status(sorted, n, cas, nc, flags, purpose, func);
        if (status != 0 && !(saved & GNUTLS_CERT_SIGNER_NOT_FOUND))
            status = saved;
    }
    return status;
}
