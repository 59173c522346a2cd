/* gnutls_crypto_register_*: deprecated since GnuTLS 3.6.0, where they do
 * nothing (GnuTLS logs that they were called) and succeed; so here. */
#include "gnossl.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static int deprecated(const char *name)
{
    gnossl_debug("called the deprecated %s()", name);
    return 0;
}

int gnutls_crypto_register_cipher(gnutls_cipher_algorithm_t algorithm, int priority, gnutls_cipher_init_func init,
                                  gnutls_cipher_setkey_func setkey, gnutls_cipher_setiv_func setiv,
                                  gnutls_cipher_encrypt_func encrypt, gnutls_cipher_decrypt_func decrypt,
                                  gnutls_cipher_deinit_func deinit)
{
    (void)algorithm, (void)priority, (void)init, (void)setkey, (void)setiv, (void)encrypt, (void)decrypt,
        (void)deinit;
    return deprecated(__func__);
}

int gnutls_crypto_register_aead_cipher(gnutls_cipher_algorithm_t algorithm, int priority,
                                       gnutls_cipher_init_func init, gnutls_cipher_setkey_func setkey,
                                       gnutls_cipher_aead_encrypt_func aead_encrypt,
                                       gnutls_cipher_aead_decrypt_func aead_decrypt, gnutls_cipher_deinit_func deinit)
{
    (void)algorithm, (void)priority, (void)init, (void)setkey, (void)aead_encrypt, (void)aead_decrypt, (void)deinit;
    return deprecated(__func__);
}

int gnutls_crypto_register_mac(gnutls_mac_algorithm_t mac, int priority, gnutls_mac_init_func init,
                               gnutls_mac_setkey_func setkey, gnutls_mac_setnonce_func setnonce,
                               gnutls_mac_hash_func hash, gnutls_mac_output_func output, gnutls_mac_deinit_func deinit,
                               gnutls_mac_fast_func hash_fast)
{
    (void)mac, (void)priority, (void)init, (void)setkey, (void)setnonce, (void)hash, (void)output, (void)deinit,
        (void)hash_fast;
    return deprecated(__func__);
}

int gnutls_crypto_register_digest(gnutls_digest_algorithm_t digest, int priority, gnutls_digest_init_func init,
                                  gnutls_digest_hash_func hash, gnutls_digest_output_func output,
                                  gnutls_digest_deinit_func deinit, gnutls_digest_fast_func hash_fast)
{
    (void)digest, (void)priority, (void)init, (void)hash, (void)output, (void)deinit, (void)hash_fast;
    return deprecated(__func__);
}
