/* Bridges from a certificate request to the certificate and public-key
 * handles: gnutls_x509_crt_set_crq and gnutls_pubkey_import_x509_crq.
 * Only the x509 room's public setters are used, so the certificate
 * handle's own bookkeeping stays in its files. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

int gnutls_pubkey_import_x509_crq(gnutls_pubkey_t key, gnutls_x509_crq_t crq, unsigned int flags)
{
    (void)flags;
    if (key == NULL || crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    EVP_PKEY *pk = X509_REQ_get0_pubkey(crq->req);
    if (pk == NULL)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    int ret = gnossl_pubkey_from_pkey(key, pk);
    if (ret < 0)
        return ret;
    unsigned ku = 0;
    if (gnutls_x509_crq_get_key_usage(crq, &ku, NULL) >= 0)
        key->key_usage = ku;
    return 0;
}

int gnutls_x509_crt_set_crq(gnutls_x509_crt_t crt, gnutls_x509_crq_t crq)
{
    if (crt == NULL || crq == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    /* GnuTLS refuses requests whose self-signature does not verify */
    int ret = gnutls_x509_crq_verify(crq, 0);
    if (ret < 0)
        return ret;

    X509_NAME *name = X509_REQ_get_subject_name(crq->req);
    for (int i = 0; i < X509_NAME_entry_count(name); i++) {
        X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
        char oid[128];
        gnossl_oid_text(X509_NAME_ENTRY_get_object(e), oid, sizeof oid);
        ASN1_STRING *v = X509_NAME_ENTRY_get_data(e);
        /* the value's DER (tag kept) so the string type survives */
        ASN1_TYPE *t = ASN1_TYPE_new();
        ASN1_STRING *copy = ASN1_STRING_dup(v);
        unsigned char *der = NULL;
        int n = -1;
        if (t && copy) {
            ASN1_TYPE_set(t, ASN1_STRING_type(copy), copy);
            copy = NULL;
            n = i2d_ASN1_TYPE(t, &der);
        }
        ASN1_STRING_free(copy);
        ASN1_TYPE_free(t);
        if (n <= 0)
            return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
        ret = gnutls_x509_crt_set_dn_by_oid(crt, oid, 1, der, (unsigned)n);
        OPENSSL_free(der);
        if (ret < 0)
            return ret;
    }

    gnutls_pubkey_t pub;
    ret = gnutls_pubkey_init(&pub);
    if (ret < 0)
        return ret;
    ret = gnossl_pubkey_from_pkey(pub, X509_REQ_get0_pubkey(crq->req));
    if (ret >= 0) {
        pub->key_usage = 0; /* extensions are copied separately */
        ret = gnutls_x509_crt_set_pubkey(crt, pub);
    }
    gnutls_pubkey_deinit(pub);
    return ret;
}
