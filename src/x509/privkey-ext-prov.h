/* The in-process provider behind external keys (privkey-ext-prov.c: key
 * management; privkey-ext-sig.c: signatures; privkey-ext-dec.c: RSA
 * decryption).  Internal to those files. */
#ifndef GNOSSL_PRIVKEY_EXT_PROV_H
#define GNOSSL_PRIVKEY_EXT_PROV_H

#include <gnutls/abstract.h>
#include <openssl/core_dispatch.h>
#include <openssl/evp.h>

/* A provider key: the public half as an ordinary EVP_PKEY (parameters
 * and comparisons are answered from it) and the external key that signs;
 * key is NULL for a public key imported only to be compared.  type is
 * OpenSSL's name: "RSA", "EC", "ED25519" or "ED448". */
struct gnossl_ext_keydata {
    gnutls_privkey_t key;
    EVP_PKEY *pub;
    const char *type;
    int owned; /* key is deinitialised with this */
};

extern const OSSL_DISPATCH gnossl_ext_sig_fns[]; /* privkey-ext-sig.c */
extern const OSSL_DISPATCH gnossl_ext_dec_fns[]; /* privkey-ext-dec.c: RSA key exchange */

#endif
