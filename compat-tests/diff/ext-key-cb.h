/* Test keys as gnutls_privkey_t (keys-abstract, keys-abstract2) and the
 * callbacks of external keys (gnutls_privkey_import_ext..ext4) that sign
 * and decrypt with such a key, as a token or an agent would, printing what
 * they are given (keys-ext, tls-ext-key).  Header-only, so that each
 * program still builds alone (compat-tests/shell/relink.sh); static inline:
 * not every program uses every function. */
#ifndef GNOSSL_DIFF_EXT_KEY_CB_H
#define GNOSSL_DIFF_EXT_KEY_CB_H

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline gnutls_privkey_t load(const char *pem)
{
    gnutls_privkey_t k;
    gnutls_datum_t d = {(unsigned char *)pem, strlen(pem)};
    if (gnutls_privkey_init(&k) < 0 || gnutls_privkey_import_x509_raw(k, &d, GNUTLS_X509_FMT_PEM, NULL, 0) < 0)
        exit(1);
    return k;
}

/* The callbacks' userdata. */
struct ud {
    const char *name;
    gnutls_privkey_t real; /* signs and decrypts */
    int pk;
    unsigned bits; /* info: PK_ALGO_BITS */
    int pss;       /* info: an RSA key says yes to RSA-PSS in HAVE_SIGN_ALGO */
    int have;      /* info: answers HAVE_SIGN_ALGO at all (else -1) */
    int tls;       /* in a handshake: the data is random, print its size only */
};

static inline void show(const char *what, const gnutls_datum_t *d)
{
    unsigned char h[32];
    gnutls_hash_fast(GNUTLS_DIG_SHA256, d->data, d->size, h);
    printf("      %s: %u bytes, sha256 %02x%02x%02x%02x%02x%02x\n", what, d->size, h[0], h[1], h[2], h[3], h[4],
           h[5]);
}

/* The end of a callback's line: what it was given. */
static inline void given(const struct ud *u, const char *what, const gnutls_datum_t *d)
{
    if (u->tls) {
        printf(" %u bytes\n", d->size);
    } else {
        printf("\n");
        show(what, d);
    }
}

static inline const char *sign_name(gnutls_sign_algorithm_t algo)
{
    const char *n = gnutls_sign_get_name(algo);
    return n != NULL ? n : "(unknown)";
}

static inline int cb_sign(gnutls_privkey_t key, void *userdata, const gnutls_datum_t *raw, gnutls_datum_t *sig)
{
    struct ud *u = userdata;
    (void)key;
    printf("    sign_func(%s)", u->name);
    given(u, "input", raw);
    if (u->pk == GNUTLS_PK_RSA)
        return gnutls_privkey_sign_hash(u->real, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, raw, sig);
    return gnutls_privkey_sign_hash(u->real, raw->size == 48 ? GNUTLS_DIG_SHA384 : GNUTLS_DIG_SHA256, 0, raw, sig);
}

static inline int cb_sign_hash(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned flags,
                               const gnutls_datum_t *hash, gnutls_datum_t *sig)
{
    struct ud *u = userdata;
    (void)key;
    printf("    sign_hash_func(%s, %s, flags %u)", u->name, sign_name(algo), flags);
    given(u, "hash", hash);
    if (algo == GNUTLS_SIGN_RSA_RAW)
        return gnutls_privkey_sign_hash(u->real, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, hash, sig);
    return gnutls_privkey_sign_hash2(u->real, algo, 0, hash, sig);
}

static inline int cb_sign_data(gnutls_privkey_t key, gnutls_sign_algorithm_t algo, void *userdata, unsigned flags,
                               const gnutls_datum_t *data, gnutls_datum_t *sig)
{
    struct ud *u = userdata;
    (void)key;
    printf("    sign_data_func(%s, %s, flags %u)", u->name, sign_name(algo), flags);
    if (u->tls)
        printf("\n"); /* a handshake's messages: each library writes its own */
    else
        given(u, "data", data);
    return gnutls_privkey_sign_data2(u->real, algo, 0, data, sig);
}

static inline int cb_decrypt(gnutls_privkey_t key, void *userdata, const gnutls_datum_t *ct, gnutls_datum_t *pt)
{
    struct ud *u = userdata;
    (void)key;
    printf("    decrypt_func(%s) %u bytes\n", u->name, ct->size);
    return gnutls_privkey_decrypt_data(u->real, 0, ct, pt);
}

static inline void cb_deinit(gnutls_privkey_t key, void *userdata)
{
    (void)key;
    printf("    deinit_func(%s)\n", ((struct ud *)userdata)->name);
}

static inline int cb_info(gnutls_privkey_t key, unsigned flags, void *userdata)
{
    struct ud *u = userdata;
    (void)key;
    if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO)
        return u->pk;
    if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO_BITS)
        return (int)u->bits;
    if ((flags & GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO) && u->have) {
        int spk = gnutls_sign_get_pk_algorithm(GNUTLS_FLAGS_TO_SIGN_ALGO(flags));
        return spk == u->pk || (u->pss && u->pk == GNUTLS_PK_RSA && spk == GNUTLS_PK_RSA_PSS);
    }
    return -1;
}

#endif
