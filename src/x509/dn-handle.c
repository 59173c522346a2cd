/* gnutls_x509_dn_t: a distinguished name as a handle.
 *
 * The handle is the OpenSSL X509_NAME itself: gnutls_x509_crt_get_subject and
 * _get_issuer hand out the certificate's own name (valid while the
 * certificate lives, never deinit'ed, as in GnuTLS), gnutls_x509_dn_init makes
 * a free-standing one. */
#include "gnossl.h"
#include "x509/x509.h"

#include <openssl/x509.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static X509_NAME *name_of(gnutls_x509_dn_t dn) { return (X509_NAME *)dn; }

static int crt_name(gnutls_x509_crt_t cert, int issuer, gnutls_x509_dn_t *dn)
{
    if (cert == NULL || cert->x509 == NULL || dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME *n = issuer ? X509_get_issuer_name(cert->x509) : X509_get_subject_name(cert->x509);
    if (n == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
    *dn = (gnutls_x509_dn_t)n;
    return 0;
}

int gnutls_x509_crt_get_subject(gnutls_x509_crt_t cert, gnutls_x509_dn_t *dn)
{
    return crt_name(cert, 0, dn);
}

int gnutls_x509_crt_get_issuer(gnutls_x509_crt_t cert, gnutls_x509_dn_t *dn)
{
    return crt_name(cert, 1, dn);
}

int gnutls_x509_dn_init(gnutls_x509_dn_t *dn)
{
    if (dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    X509_NAME *n = X509_NAME_new();
    if (n == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    *dn = (gnutls_x509_dn_t)n;
    return 0;
}

void gnutls_x509_dn_deinit(gnutls_x509_dn_t dn)
{
    X509_NAME_free(name_of(dn));
}

int gnutls_x509_dn_import(gnutls_x509_dn_t dn, const gnutls_datum_t *data)
{
    if (dn == NULL || data == NULL || data->data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const unsigned char *p = data->data;
    X509_NAME *parsed = d2i_X509_NAME(NULL, &p, (long)data->size);
    if (parsed == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    /* Replace the handle's entries in place: the handle must stay valid. */
    X509_NAME *n = name_of(dn);
    while (X509_NAME_entry_count(n) > 0)
        X509_NAME_ENTRY_free(X509_NAME_delete_entry(n, 0));
    int ok = 1, prev_set = -1;
    for (int i = 0; ok && i < X509_NAME_entry_count(parsed); i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(parsed, i);
        int set = X509_NAME_ENTRY_set(e);
        /* -1 joins the previous RDN (multi-valued), 0 starts a new one */
        ok = X509_NAME_add_entry(n, e, -1, i > 0 && set == prev_set ? -1 : 0);
        prev_set = set;
    }
    X509_NAME_free(parsed);
    return ok ? 0 : GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
}

int gnutls_x509_dn_get_str2(gnutls_x509_dn_t dn, gnutls_datum_t *str, unsigned flags)
{
    if (dn == NULL || str == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    return gnossl_dn_to_string(name_of(dn), flags & GNUTLS_X509_DN_FLAG_COMPAT, str);
}

/* GnuTLS keeps its pre-RFC 4514 order (as encoded) for the old call. */
int gnutls_x509_dn_get_str(gnutls_x509_dn_t dn, gnutls_datum_t *str)
{
    return gnutls_x509_dn_get_str2(dn, str, GNUTLS_X509_DN_FLAG_COMPAT);
}

/* The AVA's OID is returned as text that must outlive the call without being
 * freed by the caller (GnuTLS points into its own parsed structure); keep one
 * interned copy of each distinct OID for the life of the process. */
static const char *intern_oid(const char *text)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static char **oids;
    static size_t n, cap;
    const char *found = NULL;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < n && found == NULL; i++)
        if (strcmp(oids[i], text) == 0)
            found = oids[i];
    if (found == NULL) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            char **grown = realloc(oids, ncap * sizeof *oids);
            if (grown != NULL) {
                oids = grown;
                cap = ncap;
            }
        }
        char *copy = n < cap ? strdup(text) : NULL;
        if (copy != NULL)
            found = oids[n++] = copy;
    }
    pthread_mutex_unlock(&lock);
    return found;
}

int gnutls_x509_dn_get_rdn_ava(gnutls_x509_dn_t dn, int irdn, int iava, gnutls_x509_ava_st *ava)
{
    if (dn == NULL || ava == NULL || irdn < 0 || iava < 0)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    const X509_NAME *n = name_of(dn);
    /* RDNs in encoding order; OpenSSL numbers each entry's RDN ("set"). */
    int seen = 0;
    for (int i = 0; i < X509_NAME_entry_count(n); i++) {
        const X509_NAME_ENTRY *e = X509_NAME_get_entry(n, i);
        if (X509_NAME_ENTRY_set(e) != irdn || seen++ != iava)
            continue;
        char oid[128];
        gnossl_oid_text(X509_NAME_ENTRY_get_object(e), oid, sizeof oid);
        const char *kept = intern_oid(oid);
        const ASN1_STRING *v = X509_NAME_ENTRY_get_data(e);
        if (kept == NULL)
            return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        ava->oid.data = (unsigned char *)kept;
        ava->oid.size = (unsigned)strlen(kept);
        ava->value.data = (unsigned char *)ASN1_STRING_get0_data(v);
        ava->value.size = (unsigned)ASN1_STRING_length(v);
        ava->value_tag = (unsigned long)ASN1_STRING_type(v);
        return 0;
    }
    return GNOSSL_ERR(GNUTLS_E_ASN1_ELEMENT_NOT_FOUND);
}

static int dn_der(gnutls_x509_dn_t dn, gnutls_datum_t *der)
{
    unsigned char *p = NULL;
    int len = i2d_X509_NAME(name_of(dn), &p);
    if (len < 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_datum_set(der, p, (size_t)len);
    OPENSSL_free(p);
    return ret;
}

int gnutls_x509_dn_export(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, void *output_data,
                          size_t *output_data_size)
{
    gnutls_datum_t der;
    if (dn == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = dn_der(dn, &der);
    if (ret < 0)
        return ret;
    ret = gnossl_export_fmt("NAME", der.data, der.size, format, output_data, output_data_size);
    gnutls_free(der.data);
    return ret;
}

int gnutls_x509_dn_export2(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, gnutls_datum_t *out)
{
    gnutls_datum_t der;
    if (dn == NULL || out == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int ret = dn_der(dn, &der);
    if (ret < 0)
        return ret;
    ret = gnossl_export_fmt2("NAME", der.data, der.size, format, out);
    gnutls_free(der.data);
    return ret;
}
