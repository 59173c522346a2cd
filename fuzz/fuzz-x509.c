/* Fuzz the certificate and key parsers that are real in gnossl:
 * gnutls_x509_crt_import (DER/PEM) followed by the getters an application
 * calls, gnutls_x509_crt_list_import/_import2, gnutls_x509_privkey_import/
 * _import2/_import_pkcs8, gnutls_pubkey_import, gnutls_x509_crl_import,
 * gnutls_dh_params_import_pkcs3 and the credentials loaders.  Byte 0 picks
 * the parser; the rest is the object.  OCSP responses and requests
 * (gnutls_ocsp_resp_import2 / gnutls_ocsp_req_import) with their getters and
 * print too.  PKCS#12 (gnutls_pkcs12_import, MAC, bags, decryption,
 * simple_parse) with key derivations only for small iteration counts. */
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/ocsp.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void crt_getters(gnutls_x509_crt_t c)
{
    unsigned char buf[1024];
    size_t sz;
    gnutls_datum_t d;
    unsigned u, crit;
    if (gnutls_x509_crt_get_dn2(c, &d) == 0)
        gnutls_free(d.data);
    if (gnutls_x509_crt_get_issuer_dn2(c, &d) == 0)
        gnutls_free(d.data);
    if (gnutls_x509_crt_get_dn3(c, &d, 0) == 0)
        gnutls_free(d.data);
    sz = sizeof buf;
    gnutls_x509_crt_get_dn_by_oid(c, "2.5.4.3", 0, 0, buf, &sz);
    sz = sizeof buf;
    gnutls_x509_crt_get_serial(c, buf, &sz);
    gnutls_x509_crt_get_version(c);
    gnutls_x509_crt_get_activation_time(c);
    gnutls_x509_crt_get_expiration_time(c);
    gnutls_x509_crt_get_pk_algorithm(c, &u);
    gnutls_x509_crt_get_signature_algorithm(c);
    gnutls_x509_crt_get_key_usage(c, &u, &crit);
    gnutls_x509_crt_get_ca_status(c, &crit);
    for (unsigned i = 0; i < 16; i++) {
        sz = sizeof buf;
        unsigned type;
        if (gnutls_x509_crt_get_subject_alt_name2(c, i, buf, &sz, &type, &crit) == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
    }
    for (unsigned i = 0; i < 8; i++) {
        sz = sizeof buf;
        if (gnutls_x509_crt_get_key_purpose_oid(c, i, buf, &sz, &crit) == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
            break;
    }
    sz = sizeof buf;
    gnutls_x509_crt_get_subject_key_id(c, buf, &sz, &crit);
    sz = sizeof buf;
    gnutls_x509_crt_get_authority_key_id(c, buf, &sz, &crit);
    sz = sizeof buf;
    gnutls_x509_crt_get_fingerprint(c, GNUTLS_DIG_SHA256, buf, &sz);
    sz = sizeof buf;
    gnutls_x509_crt_get_key_id(c, 0, buf, &sz);
    gnutls_x509_crt_check_hostname(c, "localhost");
    gnutls_x509_crt_check_hostname(c, "192.0.2.1");
    gnutls_x509_crt_check_issuer(c, c);
    for (int f = 0; f < 4; f++) {
        static const gnutls_certificate_print_formats_t fm[4] = {GNUTLS_CRT_PRINT_FULL, GNUTLS_CRT_PRINT_ONELINE,
                                                                  GNUTLS_CRT_PRINT_COMPACT,
                                                                  GNUTLS_CRT_PRINT_UNSIGNED_FULL};
        if (gnutls_x509_crt_print(c, fm[f], &d) == 0)
            gnutls_free(d.data);
    }
    if (gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_PEM, &d) == 0)
        gnutls_free(d.data);
    gnutls_datum_t m, e;
    if (gnutls_x509_crt_get_pk_rsa_raw(c, &m, &e) == 0) {
        gnutls_free(m.data);
        gnutls_free(e.data);
    }
    gnutls_pubkey_t pk;
    if (gnutls_pubkey_init(&pk) == 0) {
        if (gnutls_pubkey_import_x509(pk, c, 0) == 0) {
            if (gnutls_pubkey_print(pk, GNUTLS_CRT_PRINT_FULL, &d) == 0)
                gnutls_free(d.data);
            if (gnutls_pubkey_export2(pk, GNUTLS_X509_FMT_DER, &d) == 0)
                gnutls_free(d.data);
        }
        gnutls_pubkey_deinit(pk);
    }
}

/* A count under GnuTLS's own limit (10*1024*1024) still costs seconds per
 * derivation: the harness derives keys only up to this one. */
#define FUZZ_MAX_ITER 4096

static int cheap_pkcs8(const gnutls_datum_t *d)
{
    unsigned it = 0;
    return gnutls_pkcs8_info(d, GNUTLS_X509_FMT_DER, NULL, NULL, NULL, NULL, &it, NULL) == 0 && it <= FUZZ_MAX_ITER;
}

/* PKCS#12: MAC, every bag and element, decryption, then simple_parse when
 * every derivation in it is cheap. */
static void pkcs12_walk(gnutls_pkcs12_t p, const char *pass)
{
    unsigned it = 0, mac;
    unsigned char salt[64];
    unsigned salt_size = sizeof salt;
    int cheap = 1;
    if (gnutls_pkcs12_mac_info(p, &mac, salt, &salt_size, &it, NULL) >= 0 && it <= FUZZ_MAX_ITER)
        gnutls_pkcs12_verify_mac(p, pass);
    for (int i = 0; i < 8; i++) {
        gnutls_pkcs12_bag_t b;
        gnutls_pkcs12_bag_init(&b);
        if (gnutls_pkcs12_get_bag(p, i, b) < 0) {
            gnutls_pkcs12_bag_deinit(b);
            break;
        }
        if (gnutls_pkcs12_bag_get_type(b, 0) == GNUTLS_BAG_ENCRYPTED) {
            /* bag_decrypt refuses what enc_info cannot read */
            it = 0;
            if (gnutls_pkcs12_bag_enc_info(b, NULL, NULL, NULL, NULL, &it, NULL) < 0 || it <= FUZZ_MAX_ITER)
                gnutls_pkcs12_bag_decrypt(b, pass);
            else
                cheap = 0;
        }
        int n = gnutls_pkcs12_bag_get_count(b);
        for (int j = 0; j < n; j++) {
            gnutls_datum_t d, id;
            char *fname;
            int type = gnutls_pkcs12_bag_get_type(b, (unsigned)j);
            gnutls_pkcs12_bag_get_friendly_name(b, (unsigned)j, &fname);
            gnutls_pkcs12_bag_get_key_id(b, (unsigned)j, &id);
            if (gnutls_pkcs12_bag_get_data(b, (unsigned)j, &d) < 0)
                continue;
            if (type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY || type == GNUTLS_BAG_PKCS8_KEY) {
                gnutls_x509_privkey_t k;
                gnutls_x509_privkey_init(&k);
                if (type == GNUTLS_BAG_PKCS8_KEY || cheap_pkcs8(&d))
                    gnutls_x509_privkey_import_pkcs8(k, &d, GNUTLS_X509_FMT_DER, pass,
                                                     type == GNUTLS_BAG_PKCS8_KEY ? GNUTLS_PKCS_PLAIN : 0);
                else
                    cheap = 0;
                gnutls_x509_privkey_deinit(k);
            } else if (type == GNUTLS_BAG_CERTIFICATE) {
                gnutls_x509_crt_t c;
                gnutls_x509_crt_init(&c);
                if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_DER) == 0)
                    gnutls_x509_crt_get_version(c);
                gnutls_x509_crt_deinit(c);
            }
        }
        gnutls_pkcs12_bag_deinit(b);
    }
    if (!cheap)
        return;
    gnutls_x509_privkey_t key = NULL;
    gnutls_x509_crt_t *chain = NULL, *extra = NULL;
    unsigned nchain = 0, nextra = 0;
    gnutls_x509_crl_t crl = NULL;
    if (gnutls_pkcs12_simple_parse(p, pass, &key, &chain, &nchain, &extra, &nextra, &crl, 0) == 0) {
        for (unsigned i = 0; i < nchain; i++)
            gnutls_x509_crt_deinit(chain[i]);
        for (unsigned i = 0; i < nextra; i++)
            gnutls_x509_crt_deinit(extra[i]);
        gnutls_free(chain);
        gnutls_free(extra);
        if (key)
            gnutls_x509_privkey_deinit(key);
        if (crl)
            gnutls_x509_crl_deinit(crl);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        gnutls_global_init();
        ready = 1;
    }
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    gnutls_datum_t in = {(unsigned char *)data + 1, (unsigned)(size - 1)};
    gnutls_x509_crt_fmt_t fmt = (mode & 0x80) ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER;
    switch (mode & 0x0f) {
    case 0: {
        gnutls_x509_crt_t c;
        gnutls_x509_crt_init(&c);
        if (gnutls_x509_crt_import(c, &in, fmt) == 0)
            crt_getters(c);
        gnutls_x509_crt_deinit(c);
        break;
    }
    case 1: {
        gnutls_x509_crt_t l[8];
        unsigned n = 8;
        int r = gnutls_x509_crt_list_import(l, &n, &in, fmt, (mode & 0x40) ? GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED : 0);
        if (r > 0)
            for (int i = 0; i < r; i++)
                gnutls_x509_crt_deinit(l[i]);
        break;
    }
    case 2: {
        gnutls_x509_crt_t *l = NULL;
        unsigned n = 0;
        if (gnutls_x509_crt_list_import2(&l, &n, &in, fmt, (mode & 0x40) ? GNUTLS_X509_CRT_LIST_SORT : 0) == 0) {
            for (unsigned i = 0; i < n; i++) {
                if (i == 0)
                    crt_getters(l[i]);
                gnutls_x509_crt_deinit(l[i]);
            }
            gnutls_free(l);
        }
        break;
    }
    case 3: case 4: case 5: {
        gnutls_x509_privkey_t k;
        gnutls_x509_privkey_init(&k);
        int r;
        if ((mode & 0x0f) == 3)
            r = gnutls_x509_privkey_import(k, &in, fmt);
        else if ((mode & 0x0f) == 4)
            r = gnutls_x509_privkey_import2(k, &in, fmt, (mode & 0x40) ? "password" : NULL, 0);
        else
            r = gnutls_x509_privkey_import_pkcs8(k, &in, fmt, (mode & 0x40) ? "password" : NULL,
                                                 (mode & 0x20) ? GNUTLS_PKCS_PLAIN : 0);
        if (r == 0) {
            gnutls_datum_t d;
            unsigned char id[64];
            size_t sz = sizeof id;
            gnutls_x509_privkey_get_pk_algorithm(k);
            gnutls_x509_privkey_get_key_id(k, 0, id, &sz);
            if (gnutls_x509_privkey_export2(k, GNUTLS_X509_FMT_PEM, &d) == 0)
                gnutls_free(d.data);
            if (gnutls_x509_privkey_export2_pkcs8(k, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &d) == 0)
                gnutls_free(d.data);
            gnutls_x509_privkey_verify_params(k);
        }
        gnutls_x509_privkey_deinit(k);
        break;
    }
    case 6: {
        gnutls_pubkey_t pk;
        gnutls_pubkey_init(&pk);
        if (gnutls_pubkey_import(pk, &in, fmt) == 0) {
            gnutls_datum_t d;
            if (gnutls_pubkey_print(pk, GNUTLS_CRT_PRINT_FULL, &d) == 0)
                gnutls_free(d.data);
            unsigned char id[64];
            size_t sz = sizeof id;
            gnutls_pubkey_get_key_id(pk, 0, id, &sz);
        }
        gnutls_pubkey_deinit(pk);
        break;
    }
    case 7: {
        gnutls_x509_crl_t crl;
        gnutls_x509_crl_init(&crl);
        if (gnutls_x509_crl_import(crl, &in, fmt) == 0) {
            int n = gnutls_x509_crl_get_crt_count(crl);
            unsigned char sn[64];
            for (int i = 0; i < n && i < 16; i++) {
                size_t sz = sizeof sn;
                time_t t;
                gnutls_x509_crl_get_crt_serial(crl, i, sn, &sz, &t);
            }
            gnutls_datum_t d;
            if (gnutls_x509_crl_get_issuer_dn2(crl, &d) == 0)
                gnutls_free(d.data);
            gnutls_x509_crl_get_this_update(crl);
            gnutls_x509_crl_get_next_update(crl);
        }
        gnutls_x509_crl_deinit(crl);
        break;
    }
    case 8: {
        gnutls_dh_params_t dh;
        gnutls_dh_params_init(&dh);
        gnutls_dh_params_import_pkcs3(dh, &in, fmt);
        gnutls_dh_params_deinit(dh);
        break;
    }
    case 9: {
        gnutls_certificate_credentials_t cr;
        gnutls_certificate_allocate_credentials(&cr);
        gnutls_certificate_set_x509_trust_mem(cr, &in, fmt);
        gnutls_certificate_set_x509_crl_mem(cr, &in, fmt);
        gnutls_certificate_free_credentials(cr);
        break;
    }
    case 10: {
        /* cert and key in one buffer, split at the first byte's position */
        size_t cut = size > 2 ? data[1] * (size - 2) / 256 : 0;
        gnutls_datum_t c = {(unsigned char *)data + 2, (unsigned)cut};
        gnutls_datum_t k = {(unsigned char *)data + 2 + cut, (unsigned)(size > 2 ? size - 2 - cut : 0)};
        gnutls_certificate_credentials_t cr;
        gnutls_certificate_allocate_credentials(&cr);
        gnutls_certificate_set_x509_key_mem(cr, &c, &k, fmt);
        gnutls_certificate_free_credentials(cr);
        break;
    }
    case 11: {
        gnutls_x509_trust_list_t tl;
        gnutls_x509_trust_list_init(&tl, 0);
        gnutls_x509_trust_list_add_trust_mem(tl, &in, NULL, fmt, 0, 0);
        gnutls_x509_trust_list_deinit(tl, 1);
        break;
    }
    case 12: {
        gnutls_ocsp_resp_t resp;
        gnutls_ocsp_resp_init(&resp);
        if (gnutls_ocsp_resp_import2(resp, &in, fmt) == 0) {
            gnutls_datum_t d;
            gnutls_ocsp_resp_get_status(resp);
            gnutls_ocsp_resp_get_version(resp);
            gnutls_ocsp_resp_get_produced(resp);
            gnutls_ocsp_resp_get_signature_algorithm(resp);
            if (gnutls_ocsp_resp_get_responder2(resp, &d, 0) == 0)
                gnutls_free(d.data);
            for (unsigned i = 0; i < 4; i++) {
                gnutls_digest_algorithm_t dig;
                gnutls_datum_t in_name, in_key, serial;
                unsigned st;
                time_t tu, nu, rt;
                unsigned reason;
                if (gnutls_ocsp_resp_get_single(resp, i, &dig, &in_name, &in_key, &serial, &st, &tu, &nu, &rt,
                                                &reason) != 0)
                    break;
                gnutls_free(in_name.data);
                gnutls_free(in_key.data);
                gnutls_free(serial.data);
            }
            gnutls_x509_crt_t *certs = NULL;
            size_t ncerts = 0;
            if (gnutls_ocsp_resp_get_certs(resp, &certs, &ncerts) == 0) {
                for (size_t i = 0; i < ncerts; i++)
                    gnutls_x509_crt_deinit(certs[i]);
                gnutls_free(certs);
            }
            if (gnutls_ocsp_resp_print(resp, GNUTLS_OCSP_PRINT_FULL, &d) == 0)
                gnutls_free(d.data);
            if (gnutls_ocsp_resp_export2(resp, &d, GNUTLS_X509_FMT_DER) == 0)
                gnutls_free(d.data);
        }
        gnutls_ocsp_resp_deinit(resp);
        break;
    }
    case 13: {
        gnutls_ocsp_req_t req;
        gnutls_ocsp_req_init(&req);
        if (gnutls_ocsp_req_import(req, &in) == 0) {
            gnutls_datum_t d;
            gnutls_ocsp_req_get_version(req);
            unsigned crit;
            if (gnutls_ocsp_req_get_nonce(req, &crit, &d) == 0)
                gnutls_free(d.data);
            if (gnutls_ocsp_req_print(req, GNUTLS_OCSP_PRINT_FULL, &d) == 0)
                gnutls_free(d.data);
            if (gnutls_ocsp_req_export(req, &d) == 0)
                gnutls_free(d.data);
        }
        gnutls_ocsp_req_deinit(req);
        break;
    }
    case 14: {
        gnutls_pkcs12_t p;
        gnutls_pkcs12_init(&p);
        if (gnutls_pkcs12_import(p, &in, fmt, 0) == 0)
            pkcs12_walk(p, (mode & 0x40) ? "password" : NULL);
        gnutls_pkcs12_deinit(p);
        break;
    }
    default:
        break;
    }
    return 0;
}
