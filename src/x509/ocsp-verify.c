/* gnutls_ocsp_resp_verify / verify_direct: GnuTLS's signer search (the
 * responder ID matched against the certificates in the response), its
 * trust rules and its mapping of certificate status to OCSP status bits.
 * The signature itself is checked with gnutls_pubkey_verify_data2 so the
 * algorithm policy is the one of the rest of the library. */
#include "gnossl.h"
#include "x509/pkcs-int.h"

#include <string.h>

/* SHA-1 of the subjectPublicKey BIT STRING value (RFC 6960 KeyHash). */
static int key_hash_matches(X509 *x, const gnutls_datum_t *keyid)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    if (keyid->size != 20)
        return 0;
    if (!X509_pubkey_digest(x, EVP_sha1(), md, &len) || len != 20)
        return 0;
    return memcmp(md, keyid->data, 20) == 0;
}

/* The certificate of the response that its responder ID names, or NULL. */
static gnutls_x509_crt_t find_signer(gnutls_ocsp_resp_const_t resp)
{
    gnutls_datum_t dn = { NULL, 0 }, keyid = { NULL, 0 };
    gnutls_x509_crt_t *certs = NULL, signer = NULL;
    size_t n = 0;

    int rc = gnutls_ocsp_resp_get_responder_raw_id(resp, GNUTLS_OCSP_RESP_ID_DN, &dn);
    if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        rc = gnutls_ocsp_resp_get_responder_raw_id(resp, GNUTLS_OCSP_RESP_ID_KEY, &keyid);
    if (rc < 0)
        return NULL;
    if (gnutls_ocsp_resp_get_certs(resp, &certs, &n) < 0)
        goto out;
    for (size_t i = 0; i < n && signer == NULL; i++) {
        if (keyid.data != NULL) {
            unsigned char skid[64];
            size_t sl = sizeof skid;
            if ((gnutls_x509_crt_get_subject_key_id(certs[i], skid, &sl, NULL) >= 0 && sl == keyid.size &&
                 memcmp(skid, keyid.data, sl) == 0) ||
                key_hash_matches(certs[i]->x509, &keyid))
                signer = certs[i];
        } else {
            unsigned char *raw = NULL;
            int l = i2d_X509_NAME(X509_get_subject_name(certs[i]->x509), &raw);
            if (l > 0 && (unsigned)l == dn.size && memcmp(raw, dn.data, dn.size) == 0)
                signer = certs[i];
            OPENSSL_free(raw);
        }
    }
out:
    for (size_t i = 0; i < n; i++)
        if (certs[i] != signer)
            gnutls_x509_crt_deinit(certs[i]);
    gnutls_free(certs);
    gnutls_free(dn.data);
    gnutls_free(keyid.data);
    return signer;
}

static int verify_sig(gnutls_ocsp_resp_const_t resp, gnutls_x509_crt_t signer, unsigned *verify, unsigned flags)
{
    int sigalg = gnutls_ocsp_resp_get_signature_algorithm(resp);
    if (sigalg < 0)
        return sigalg;
    unsigned char *tbs = NULL;
    int n = i2d_OCSP_RESPDATA(OCSP_resp_get0_respdata(resp->basic), &tbs);
    if (n <= 0)
        return GNOSSL_ERR(GNUTLS_E_ASN1_DER_ERROR);
    gnutls_datum_t data = { tbs, (unsigned)n }, sig = { NULL, 0 };
    gnutls_pubkey_t pub = NULL;
    int rc = gnutls_pubkey_init(&pub);
    if (rc >= 0)
        rc = gnutls_pubkey_import_x509(pub, signer, 0);
    if (rc >= 0)
        rc = gnutls_ocsp_resp_get_signature(resp, &sig);
    if (rc >= 0) {
        rc = gnutls_pubkey_verify_data2(pub, sigalg, flags, &data, &sig);
        if (rc == GNUTLS_E_PK_SIG_VERIFY_FAILED) {
            *verify = GNUTLS_OCSP_VERIFY_SIGNATURE_FAILURE;
            rc = 0;
        } else if (rc >= 0) {
            *verify = 0;
            rc = 0;
        }
    }
    OPENSSL_free(tbs);
    gnutls_free(sig.data);
    gnutls_pubkey_deinit(pub);
    return rc;
}

static unsigned to_ocsp_status(unsigned st)
{
    if (st & GNUTLS_CERT_INSECURE_ALGORITHM)
        return GNUTLS_OCSP_VERIFY_INSECURE_ALGORITHM;
    if (st & GNUTLS_CERT_NOT_ACTIVATED)
        return GNUTLS_OCSP_VERIFY_CERT_NOT_ACTIVATED;
    if (st & GNUTLS_CERT_EXPIRED)
        return GNUTLS_OCSP_VERIFY_CERT_EXPIRED;
    return GNUTLS_OCSP_VERIFY_UNTRUSTED_SIGNER;
}

/* 0 when the certificate lists id-kp-OCSPSigning. */
static int has_ocsp_purpose(gnutls_x509_crt_t crt)
{
    for (unsigned i = 0;; i++) {
        char oid[128];
        size_t sz = sizeof oid;
        int rc = gnutls_x509_crt_get_key_purpose_oid(crt, i, oid, &sz, NULL);
        if (rc == GNUTLS_E_SHORT_MEMORY_BUFFER)
            continue;
        if (rc < 0)
            return rc;
        if (strcmp(oid, GNUTLS_KP_OCSP_SIGNING) == 0)
            return 0;
    }
}

/* After a delegated responder's chain check (*rc, vtmp): is the verdict
 * settled, as an error in *rc or a refusal in *verify (its chain, or no
 * OCSP signing purpose)?  One copy for both verify calls. */
static int delegate_refused(gnutls_x509_crt_t signer, unsigned vtmp, unsigned *verify, int *rc)
{
    if (*rc < 0)
        return 1;
    if (vtmp != 0) {
        *verify = to_ocsp_status(vtmp);
        *rc = 0;
        return 1;
    }
    if (has_ocsp_purpose(signer) < 0) {
        *verify = GNUTLS_OCSP_VERIFY_SIGNER_KEYUSAGE_ERROR;
        *rc = 0;
        return 1;
    }
    return 0;
}

int gnutls_ocsp_resp_verify_direct(gnutls_ocsp_resp_const_t resp, gnutls_x509_crt_t issuer, unsigned int *verify,
                                   unsigned int flags)
{
    if (resp == NULL || issuer == NULL || verify == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int rc;
    gnutls_x509_crt_t signer = find_signer(resp);
    if (signer == NULL) {
        signer = issuer;
    } else if (!gnutls_x509_crt_equals(signer, issuer)) {
        /* a delegated responder: it must be issued by `issuer` and
         * carry the OCSP signing purpose */
        unsigned vtmp = 0;
        rc = gnutls_x509_crt_verify(signer, &issuer, 1, flags, &vtmp);
        if (delegate_refused(signer, vtmp, verify, &rc))
            goto done;
    }
    rc = verify_sig(resp, signer, verify, flags);
done:
    if (signer != issuer)
        gnutls_x509_crt_deinit(signer);
    return rc;
}

static int in_trust_list(gnutls_x509_trust_list_t tl, gnutls_x509_crt_t crt)
{
    for (size_t i = 0; i < tl->ncas; i++)
        if (gnutls_x509_crt_equals(tl->cas[i], crt))
            return 1;
    return 0;
}

int gnutls_ocsp_resp_verify(gnutls_ocsp_resp_const_t resp, gnutls_x509_trust_list_t trustlist,
                            unsigned int *verify, unsigned int flags)
{
    if (resp == NULL || trustlist == NULL || verify == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    int rc;
    gnutls_x509_crt_t signer = find_signer(resp);
    if (signer == NULL) {
        /* not in the response: a trust anchor with the responder's name */
        gnutls_datum_t dn;
        gnutls_x509_crt_t found = NULL;
        if (gnutls_ocsp_resp_get_responder_raw_id(resp, GNUTLS_OCSP_RESP_ID_DN, &dn) < 0) {
            *verify = GNUTLS_OCSP_VERIFY_SIGNER_NOT_FOUND;
            return 0;
        }
        rc = gnutls_x509_trust_list_get_issuer_by_dn(trustlist, &dn, &found, 0);
        gnutls_free(dn.data);
        if (rc < 0 || found == NULL) {
            *verify = GNUTLS_OCSP_VERIFY_SIGNER_NOT_FOUND;
            return 0;
        }
        signer = found; /* a copy of the anchor, ours to free */
    } else if (!in_trust_list(trustlist, signer)) {
        /* a delegated responder: issued by an anchor, with the OCSP purpose */
        unsigned vtmp = 0;
        gnutls_typed_vdata_st vdata;
        vdata.type = GNUTLS_DT_KEY_PURPOSE_OID;
        vdata.data = (void *)GNUTLS_KP_OCSP_SIGNING;
        vdata.size = 0;
        rc = gnutls_x509_trust_list_verify_crt2(trustlist, &signer, 1, &vdata, 1, flags, &vtmp, NULL);
        if (delegate_refused(signer, vtmp, verify, &rc))
            goto done;
    }
    rc = verify_sig(resp, signer, verify, flags);
done:
    gnutls_x509_crt_deinit(signer);
    return rc;
}
