/* gnutls_x509_crq_print: GnuTLS's "PKCS #10 Certificate Request
 * Information" layout.  The public-key block and the extension texts are
 * the x509 room's own printers (gnutls_pubkey_print, and
 * gnutls_x509_crt_print of a scratch certificate carrying the requested
 * extensions), re-indented to the request layout, so both stay in step. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <string.h>

/* Lines of text between `from` (exclusive) and the first line that does
 * not start with `keep_prefix`, each prefixed with `indent`. */
static void copy_block(struct gnossl_buf *b, const char *text, const char *from, const char *keep_prefix,
                       const char *indent, const char *rename_from, const char *rename_to)
{
    const char *p = strstr(text, from);
    if (p == NULL)
        return;
    p += strlen(from);
    size_t kl = strlen(keep_prefix);
    while (*p && strncmp(p, keep_prefix, kl) == 0) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (rename_from && strncmp(p, rename_from, strlen(rename_from)) == 0)
            gnossl_buf_printf(b, "%s%s%.*s\n", indent, rename_to, (int)(len - strlen(rename_from)),
                              p + strlen(rename_from));
        else
            gnossl_buf_printf(b, "%s%.*s\n", indent, (int)len, p);
        if (nl == NULL)
            break;
        p = nl + 1;
    }
}

static void print_extensions(struct gnossl_buf *b, gnutls_x509_crq_t crq)
{
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    if (exts == NULL || sk_X509_EXTENSION_num(exts) == 0) {
        sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
        return;
    }
    X509 *x = X509_new();
    gnutls_x509_crt_t crt = NULL;
    gnutls_datum_t out = { NULL, 0 };
    if (x && X509_set_version(x, 2) && X509_set_pubkey(x, X509_REQ_get0_pubkey(crq->req)) &&
        X509_set_subject_name(x, X509_REQ_get_subject_name(crq->req)) &&
        X509_set_issuer_name(x, X509_REQ_get_subject_name(crq->req)) &&
        ASN1_INTEGER_set(X509_get_serialNumber(x), 1) && X509_gmtime_adj(X509_getm_notBefore(x), 0) &&
        X509_gmtime_adj(X509_getm_notAfter(x), 0)) {
        for (int i = 0; i < sk_X509_EXTENSION_num(exts); i++)
            X509_add_ext(x, sk_X509_EXTENSION_value(exts, i), -1);
        /* a certificate only encodes once signed: any throwaway key will
         * do, the signature is never looked at */
        EVP_PKEY *tmp = EVP_EC_gen("P-256");
        int ok = tmp && X509_sign(x, tmp, EVP_sha256()) > 0;
        EVP_PKEY_free(tmp);
        ERR_clear_error();
        if (ok && gnossl_x509_crt_from_X509(x, &crt) >= 0 &&
            gnutls_x509_crt_print(crt, GNUTLS_CRT_PRINT_FULL, &out) >= 0) {
            gnossl_buf_printf(b, "\t\tExtensions:\n");
            copy_block(b, (const char *)out.data, "\tExtensions:\n", "\t\t", "\t", "\t\t\tNot ", "\t\tNot ");
        }
    }
    gnutls_free(out.data);
    gnutls_x509_crt_deinit(crt);
    X509_free(x);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
}

int gnutls_x509_crq_print(gnutls_x509_crq_t crq, gnutls_certificate_print_formats_t format, gnutls_datum_t *out)
{
    struct gnossl_buf b = { 0 };
    gnutls_datum_t d;
    (void)format;
    if (crq == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);

    gnossl_buf_printf(&b, "PKCS #10 Certificate Request Information:\n");
    gnossl_buf_printf(&b, "\tVersion: %d\n", gnutls_x509_crq_get_version(crq));
    if (gnutls_x509_crq_get_dn3(crq, &d, 0) >= 0) {
        gnossl_buf_printf(&b, "\tSubject: %s\n", (const char *)d.data);
        gnutls_free(d.data);
    }
    gnutls_datum_t pk = { NULL, 0 };
    gnutls_pubkey_t pub = NULL;
    if (gnutls_pubkey_init(&pub) >= 0 && X509_REQ_get0_pubkey(crq->req) &&
        gnossl_pubkey_from_pkey(pub, X509_REQ_get0_pubkey(crq->req)) >= 0 &&
        gnutls_pubkey_print(pub, format == GNUTLS_CRT_PRINT_FULL_NUMBERS ? format : GNUTLS_CRT_PRINT_FULL, &pk) >= 0)
        copy_block(&b, (const char *)pk.data, "Public Key Information:\n", "\t", "", "\tPublic Key Algorithm:",
                   "\tSubject Public Key Algorithm:");
    int sa = gnutls_x509_crq_get_signature_algorithm(crq);
    const char *san = sa > 0 ? gnutls_sign_get_name(sa) : NULL;
    gnossl_buf_printf(&b, "\tSignature Algorithm: %s\n", san ? san : "unknown");

    char pass[256];
    size_t ps = sizeof pass;
    int have_pass = gnutls_x509_crq_get_challenge_password(crq, pass, &ps) >= 0;
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(crq->req);
    int have_ext = exts && sk_X509_EXTENSION_num(exts) > 0;
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    ERR_clear_error();
    int nattr = X509_REQ_get_attr_count(crq->req), have_other = 0;
    for (int i = 0; i < nattr; i++) {
        int nid = OBJ_obj2nid(X509_ATTRIBUTE_get0_object(X509_REQ_get_attr(crq->req, i)));
        have_other |= nid != NID_ext_req && nid != NID_pkcs9_challengePassword;
    }
    if (have_pass || have_ext || have_other) {
        gnossl_buf_printf(&b, "\tAttributes:\n");
        print_extensions(&b, crq);
        if (have_pass)
            gnossl_buf_printf(&b, "\t\tChallenge password: %s\n", pass);
        /* any other attribute: the DER of its (first) value */
        for (int i = 0; have_other && i < nattr; i++) {
            X509_ATTRIBUTE *a = X509_REQ_get_attr(crq->req, i);
            int nid = OBJ_obj2nid(X509_ATTRIBUTE_get0_object(a));
            if (nid == NID_ext_req || nid == NID_pkcs9_challengePassword)
                continue;
            char oid[128];
            gnossl_oid_text(X509_ATTRIBUTE_get0_object(a), oid, sizeof oid);
            ASN1_TYPE *t = X509_ATTRIBUTE_get0_type(a, 0);
            unsigned char *der = NULL;
            int len = t ? i2d_ASN1_TYPE(t, &der) : -1;
            gnossl_buf_printf(&b, "\t\tUnknown attribute %s:\n\t\t\tASCII: ", oid);
            for (int k = 0; k < len; k++)
                gnossl_buf_printf(&b, "%c", der[k] >= 0x20 && der[k] < 0x7f ? der[k] : '.');
            gnossl_buf_printf(&b, "\n\t\t\tHexdump: ");
            for (int k = 0; k < len; k++)
                gnossl_buf_printf(&b, "%02x", der[k]);
            gnossl_buf_printf(&b, "\n");
            OPENSSL_free(der);
        }
    }

    gnossl_buf_printf(&b, "Other Information:\n");
    if (pk.data) {
        gnossl_buf_printf(&b, "\tPublic Key ID:\n");
        copy_block(&b, (const char *)pk.data, "Public Key ID:\n", "\t", "\t", NULL, NULL);
        gnossl_buf_printf(&b, "\tPublic Key PIN:\n");
        copy_block(&b, (const char *)pk.data, "Public Key PIN:\n", "\t", "\t", NULL, NULL);
    }
    gnutls_free(pk.data);
    gnutls_pubkey_deinit(pub);
    return gnossl_buf_finish(&b, out);
}
