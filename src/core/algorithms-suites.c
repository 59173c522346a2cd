/* TLS cipher suites GnuTLS 3.7.9 knows, in its own order (the order is
 * visible through gnutls_cipher_suite_info's index and decides which suite
 * gnutls_cipher_suite_get_name picks), with their IANA code points. */
#include "gnossl.h"
#include "core/algorithms.h"

#include <string.h>

struct suite {
    unsigned char id[2];
    const char *name;
    unsigned char kx, cipher, mac, version;
};

/* kx, cipher, mac, minimum protocol: ids of gnutls.h (mac 200 = AEAD). */
static const struct suite suites[] = {
    {{0x13, 0x01}, "TLS_AES_128_GCM_SHA256", 0, 10, 200, 5},
    {{0x13, 0x02}, "TLS_AES_256_GCM_SHA384", 0, 11, 200, 5},
    {{0x13, 0x03}, "TLS_CHACHA20_POLY1305_SHA256", 0, 23, 200, 5},
    {{0x13, 0x04}, "TLS_AES_128_CCM_SHA256", 0, 19, 200, 5},
    {{0x13, 0x05}, "TLS_AES_128_CCM_8_SHA256", 0, 21, 200, 5},
    {{0x00, 0x01}, "TLS_RSA_NULL_MD5", 1, 1, 2, 2},
    {{0x00, 0x02}, "TLS_RSA_NULL_SHA1", 1, 1, 3, 2},
    {{0x00, 0x3b}, "TLS_RSA_NULL_SHA256", 1, 1, 6, 4},
    {{0x00, 0x05}, "TLS_RSA_ARCFOUR_128_SHA1", 1, 2, 3, 2},
    {{0x00, 0x04}, "TLS_RSA_ARCFOUR_128_MD5", 1, 2, 2, 2},
    {{0x00, 0x0a}, "TLS_RSA_3DES_EDE_CBC_SHA1", 1, 3, 3, 2},
    {{0x00, 0x2f}, "TLS_RSA_AES_128_CBC_SHA1", 1, 4, 3, 2},
    {{0x00, 0x35}, "TLS_RSA_AES_256_CBC_SHA1", 1, 5, 3, 2},
    {{0x00, 0xba}, "TLS_RSA_CAMELLIA_128_CBC_SHA256", 1, 7, 6, 4},
    {{0x00, 0xc0}, "TLS_RSA_CAMELLIA_256_CBC_SHA256", 1, 8, 6, 4},
    {{0x00, 0x41}, "TLS_RSA_CAMELLIA_128_CBC_SHA1", 1, 7, 3, 2},
    {{0x00, 0x84}, "TLS_RSA_CAMELLIA_256_CBC_SHA1", 1, 8, 3, 2},
    {{0x00, 0x3c}, "TLS_RSA_AES_128_CBC_SHA256", 1, 4, 6, 4},
    {{0x00, 0x3d}, "TLS_RSA_AES_256_CBC_SHA256", 1, 5, 6, 4},
    {{0x00, 0x9c}, "TLS_RSA_AES_128_GCM_SHA256", 1, 10, 200, 4},
    {{0x00, 0x9d}, "TLS_RSA_AES_256_GCM_SHA384", 1, 11, 200, 4},
    {{0xc0, 0x7a}, "TLS_RSA_CAMELLIA_128_GCM_SHA256", 1, 15, 200, 4},
    {{0xc0, 0x7b}, "TLS_RSA_CAMELLIA_256_GCM_SHA384", 1, 16, 200, 4},
    {{0xc0, 0x9c}, "TLS_RSA_AES_128_CCM", 1, 19, 200, 4},
    {{0xc0, 0x9d}, "TLS_RSA_AES_256_CCM", 1, 20, 200, 4},
    {{0xc0, 0xa0}, "TLS_RSA_AES_128_CCM_8", 1, 21, 200, 4},
    {{0xc0, 0xa1}, "TLS_RSA_AES_256_CCM_8", 1, 22, 200, 4},
    {{0x00, 0x66}, "TLS_DHE_DSS_ARCFOUR_128_SHA1", 2, 2, 3, 2},
    {{0x00, 0x13}, "TLS_DHE_DSS_3DES_EDE_CBC_SHA1", 2, 3, 3, 2},
    {{0x00, 0x32}, "TLS_DHE_DSS_AES_128_CBC_SHA1", 2, 4, 3, 2},
    {{0x00, 0x38}, "TLS_DHE_DSS_AES_256_CBC_SHA1", 2, 5, 3, 2},
    {{0x00, 0xbd}, "TLS_DHE_DSS_CAMELLIA_128_CBC_SHA256", 2, 7, 6, 4},
    {{0x00, 0xc3}, "TLS_DHE_DSS_CAMELLIA_256_CBC_SHA256", 2, 8, 6, 4},
    {{0x00, 0x44}, "TLS_DHE_DSS_CAMELLIA_128_CBC_SHA1", 2, 7, 3, 2},
    {{0x00, 0x87}, "TLS_DHE_DSS_CAMELLIA_256_CBC_SHA1", 2, 8, 3, 2},
    {{0x00, 0x40}, "TLS_DHE_DSS_AES_128_CBC_SHA256", 2, 4, 6, 4},
    {{0x00, 0x6a}, "TLS_DHE_DSS_AES_256_CBC_SHA256", 2, 5, 6, 4},
    {{0x00, 0xa2}, "TLS_DHE_DSS_AES_128_GCM_SHA256", 2, 10, 200, 4},
    {{0x00, 0xa3}, "TLS_DHE_DSS_AES_256_GCM_SHA384", 2, 11, 200, 4},
    {{0xc0, 0x80}, "TLS_DHE_DSS_CAMELLIA_128_GCM_SHA256", 2, 15, 200, 4},
    {{0xc0, 0x81}, "TLS_DHE_DSS_CAMELLIA_256_GCM_SHA384", 2, 16, 200, 4},
    {{0x00, 0x16}, "TLS_DHE_RSA_3DES_EDE_CBC_SHA1", 3, 3, 3, 2},
    {{0x00, 0x33}, "TLS_DHE_RSA_AES_128_CBC_SHA1", 3, 4, 3, 2},
    {{0x00, 0x39}, "TLS_DHE_RSA_AES_256_CBC_SHA1", 3, 5, 3, 2},
    {{0x00, 0xbe}, "TLS_DHE_RSA_CAMELLIA_128_CBC_SHA256", 3, 7, 6, 4},
    {{0x00, 0xc4}, "TLS_DHE_RSA_CAMELLIA_256_CBC_SHA256", 3, 8, 6, 4},
    {{0x00, 0x45}, "TLS_DHE_RSA_CAMELLIA_128_CBC_SHA1", 3, 7, 3, 2},
    {{0x00, 0x88}, "TLS_DHE_RSA_CAMELLIA_256_CBC_SHA1", 3, 8, 3, 2},
    {{0x00, 0x67}, "TLS_DHE_RSA_AES_128_CBC_SHA256", 3, 4, 6, 4},
    {{0x00, 0x6b}, "TLS_DHE_RSA_AES_256_CBC_SHA256", 3, 5, 6, 4},
    {{0x00, 0x9e}, "TLS_DHE_RSA_AES_128_GCM_SHA256", 3, 10, 200, 4},
    {{0x00, 0x9f}, "TLS_DHE_RSA_AES_256_GCM_SHA384", 3, 11, 200, 4},
    {{0xc0, 0x7c}, "TLS_DHE_RSA_CAMELLIA_128_GCM_SHA256", 3, 15, 200, 4},
    {{0xc0, 0x7d}, "TLS_DHE_RSA_CAMELLIA_256_GCM_SHA384", 3, 16, 200, 4},
    {{0xcc, 0xaa}, "TLS_DHE_RSA_CHACHA20_POLY1305", 3, 23, 200, 4},
    {{0xc0, 0x9e}, "TLS_DHE_RSA_AES_128_CCM", 3, 19, 200, 4},
    {{0xc0, 0x9f}, "TLS_DHE_RSA_AES_256_CCM", 3, 20, 200, 4},
    {{0xc0, 0xa2}, "TLS_DHE_RSA_AES_128_CCM_8", 3, 21, 200, 4},
    {{0xc0, 0xa3}, "TLS_DHE_RSA_AES_256_CCM_8", 3, 22, 200, 4},
    {{0xc0, 0x10}, "TLS_ECDHE_RSA_NULL_SHA1", 12, 1, 3, 2},
    {{0xc0, 0x12}, "TLS_ECDHE_RSA_3DES_EDE_CBC_SHA1", 12, 3, 3, 2},
    {{0xc0, 0x13}, "TLS_ECDHE_RSA_AES_128_CBC_SHA1", 12, 4, 3, 2},
    {{0xc0, 0x14}, "TLS_ECDHE_RSA_AES_256_CBC_SHA1", 12, 5, 3, 2},
    {{0xc0, 0x28}, "TLS_ECDHE_RSA_AES_256_CBC_SHA384", 12, 5, 7, 4},
    {{0xc0, 0x11}, "TLS_ECDHE_RSA_ARCFOUR_128_SHA1", 12, 2, 3, 2},
    {{0xc0, 0x76}, "TLS_ECDHE_RSA_CAMELLIA_128_CBC_SHA256", 12, 7, 6, 4},
    {{0xc0, 0x77}, "TLS_ECDHE_RSA_CAMELLIA_256_CBC_SHA384", 12, 8, 7, 4},
    {{0xc0, 0x06}, "TLS_ECDHE_ECDSA_NULL_SHA1", 13, 1, 3, 2},
    {{0xc0, 0x08}, "TLS_ECDHE_ECDSA_3DES_EDE_CBC_SHA1", 13, 3, 3, 2},
    {{0xc0, 0x09}, "TLS_ECDHE_ECDSA_AES_128_CBC_SHA1", 13, 4, 3, 2},
    {{0xc0, 0x0a}, "TLS_ECDHE_ECDSA_AES_256_CBC_SHA1", 13, 5, 3, 2},
    {{0xc0, 0x07}, "TLS_ECDHE_ECDSA_ARCFOUR_128_SHA1", 13, 2, 3, 2},
    {{0xc0, 0x72}, "TLS_ECDHE_ECDSA_CAMELLIA_128_CBC_SHA256", 13, 7, 6, 4},
    {{0xc0, 0x73}, "TLS_ECDHE_ECDSA_CAMELLIA_256_CBC_SHA384", 13, 8, 7, 4},
    {{0xc0, 0x23}, "TLS_ECDHE_ECDSA_AES_128_CBC_SHA256", 13, 4, 6, 4},
    {{0xc0, 0x27}, "TLS_ECDHE_RSA_AES_128_CBC_SHA256", 12, 4, 6, 4},
    {{0xc0, 0x86}, "TLS_ECDHE_ECDSA_CAMELLIA_128_GCM_SHA256", 13, 15, 200, 4},
    {{0xc0, 0x87}, "TLS_ECDHE_ECDSA_CAMELLIA_256_GCM_SHA384", 13, 16, 200, 4},
    {{0xc0, 0x2b}, "TLS_ECDHE_ECDSA_AES_128_GCM_SHA256", 13, 10, 200, 4},
    {{0xc0, 0x2c}, "TLS_ECDHE_ECDSA_AES_256_GCM_SHA384", 13, 11, 200, 4},
    {{0xc0, 0x2f}, "TLS_ECDHE_RSA_AES_128_GCM_SHA256", 12, 10, 200, 4},
    {{0xc0, 0x30}, "TLS_ECDHE_RSA_AES_256_GCM_SHA384", 12, 11, 200, 4},
    {{0xc0, 0x24}, "TLS_ECDHE_ECDSA_AES_256_CBC_SHA384", 13, 5, 7, 4},
    {{0xc0, 0x8a}, "TLS_ECDHE_RSA_CAMELLIA_128_GCM_SHA256", 12, 15, 200, 4},
    {{0xc0, 0x8b}, "TLS_ECDHE_RSA_CAMELLIA_256_GCM_SHA384", 12, 16, 200, 4},
    {{0xcc, 0xa8}, "TLS_ECDHE_RSA_CHACHA20_POLY1305", 12, 23, 200, 4},
    {{0xcc, 0xa9}, "TLS_ECDHE_ECDSA_CHACHA20_POLY1305", 13, 23, 200, 4},
    {{0xc0, 0xac}, "TLS_ECDHE_ECDSA_AES_128_CCM", 13, 19, 200, 4},
    {{0xc0, 0xad}, "TLS_ECDHE_ECDSA_AES_256_CCM", 13, 20, 200, 4},
    {{0xc0, 0xae}, "TLS_ECDHE_ECDSA_AES_128_CCM_8", 13, 21, 200, 4},
    {{0xc0, 0xaf}, "TLS_ECDHE_ECDSA_AES_256_CCM_8", 13, 22, 200, 4},
    {{0xc0, 0x34}, "TLS_ECDHE_PSK_3DES_EDE_CBC_SHA1", 14, 3, 3, 2},
    {{0xc0, 0x35}, "TLS_ECDHE_PSK_AES_128_CBC_SHA1", 14, 4, 3, 2},
    {{0xc0, 0x36}, "TLS_ECDHE_PSK_AES_256_CBC_SHA1", 14, 5, 3, 2},
    {{0xc0, 0x37}, "TLS_ECDHE_PSK_AES_128_CBC_SHA256", 14, 4, 6, 4},
    {{0xc0, 0x38}, "TLS_ECDHE_PSK_AES_256_CBC_SHA384", 14, 5, 7, 4},
    {{0xc0, 0x33}, "TLS_ECDHE_PSK_ARCFOUR_128_SHA1", 14, 2, 3, 2},
    {{0xc0, 0x39}, "TLS_ECDHE_PSK_NULL_SHA1", 14, 1, 3, 2},
    {{0xc0, 0x3a}, "TLS_ECDHE_PSK_NULL_SHA256", 14, 1, 6, 4},
    {{0xc0, 0x3b}, "TLS_ECDHE_PSK_NULL_SHA384", 14, 1, 7, 2},
    {{0xc0, 0x9a}, "TLS_ECDHE_PSK_CAMELLIA_128_CBC_SHA256", 14, 7, 6, 4},
    {{0xc0, 0x9b}, "TLS_ECDHE_PSK_CAMELLIA_256_CBC_SHA384", 14, 8, 7, 4},
    {{0x00, 0x8a}, "TLS_PSK_ARCFOUR_128_SHA1", 9, 2, 3, 2},
    {{0x00, 0x8b}, "TLS_PSK_3DES_EDE_CBC_SHA1", 9, 3, 3, 2},
    {{0x00, 0x8c}, "TLS_PSK_AES_128_CBC_SHA1", 9, 4, 3, 2},
    {{0x00, 0x8d}, "TLS_PSK_AES_256_CBC_SHA1", 9, 5, 3, 2},
    {{0x00, 0xae}, "TLS_PSK_AES_128_CBC_SHA256", 9, 4, 6, 4},
    {{0x00, 0xa9}, "TLS_PSK_AES_256_GCM_SHA384", 9, 11, 200, 4},
    {{0xc0, 0x8e}, "TLS_PSK_CAMELLIA_128_GCM_SHA256", 9, 15, 200, 4},
    {{0xc0, 0x8f}, "TLS_PSK_CAMELLIA_256_GCM_SHA384", 9, 16, 200, 4},
    {{0x00, 0xa8}, "TLS_PSK_AES_128_GCM_SHA256", 9, 10, 200, 4},
    {{0x00, 0x2c}, "TLS_PSK_NULL_SHA1", 9, 1, 3, 2},
    {{0x00, 0xb0}, "TLS_PSK_NULL_SHA256", 9, 1, 6, 4},
    {{0xc0, 0x94}, "TLS_PSK_CAMELLIA_128_CBC_SHA256", 9, 7, 6, 4},
    {{0xc0, 0x95}, "TLS_PSK_CAMELLIA_256_CBC_SHA384", 9, 8, 7, 4},
    {{0x00, 0xaf}, "TLS_PSK_AES_256_CBC_SHA384", 9, 5, 7, 4},
    {{0x00, 0xb1}, "TLS_PSK_NULL_SHA384", 9, 1, 7, 4},
    {{0x00, 0x92}, "TLS_RSA_PSK_ARCFOUR_128_SHA1", 15, 2, 3, 2},
    {{0x00, 0x93}, "TLS_RSA_PSK_3DES_EDE_CBC_SHA1", 15, 3, 3, 2},
    {{0x00, 0x94}, "TLS_RSA_PSK_AES_128_CBC_SHA1", 15, 4, 3, 2},
    {{0x00, 0x95}, "TLS_RSA_PSK_AES_256_CBC_SHA1", 15, 5, 3, 2},
    {{0xc0, 0x92}, "TLS_RSA_PSK_CAMELLIA_128_GCM_SHA256", 15, 15, 200, 4},
    {{0xc0, 0x93}, "TLS_RSA_PSK_CAMELLIA_256_GCM_SHA384", 15, 16, 200, 4},
    {{0x00, 0xac}, "TLS_RSA_PSK_AES_128_GCM_SHA256", 15, 10, 200, 4},
    {{0x00, 0xb6}, "TLS_RSA_PSK_AES_128_CBC_SHA256", 15, 4, 6, 4},
    {{0x00, 0x2e}, "TLS_RSA_PSK_NULL_SHA1", 15, 1, 3, 2},
    {{0x00, 0xb8}, "TLS_RSA_PSK_NULL_SHA256", 15, 1, 6, 4},
    {{0x00, 0xad}, "TLS_RSA_PSK_AES_256_GCM_SHA384", 15, 11, 200, 4},
    {{0x00, 0xb7}, "TLS_RSA_PSK_AES_256_CBC_SHA384", 15, 5, 7, 4},
    {{0x00, 0xb9}, "TLS_RSA_PSK_NULL_SHA384", 15, 1, 7, 4},
    {{0xc0, 0x98}, "TLS_RSA_PSK_CAMELLIA_128_CBC_SHA256", 15, 7, 6, 4},
    {{0xc0, 0x99}, "TLS_RSA_PSK_CAMELLIA_256_CBC_SHA384", 15, 8, 7, 4},
    {{0x00, 0x8e}, "TLS_DHE_PSK_ARCFOUR_128_SHA1", 10, 2, 3, 2},
    {{0x00, 0x8f}, "TLS_DHE_PSK_3DES_EDE_CBC_SHA1", 10, 3, 3, 2},
    {{0x00, 0x90}, "TLS_DHE_PSK_AES_128_CBC_SHA1", 10, 4, 3, 2},
    {{0x00, 0x91}, "TLS_DHE_PSK_AES_256_CBC_SHA1", 10, 5, 3, 2},
    {{0x00, 0xb2}, "TLS_DHE_PSK_AES_128_CBC_SHA256", 10, 4, 6, 4},
    {{0x00, 0xaa}, "TLS_DHE_PSK_AES_128_GCM_SHA256", 10, 10, 200, 4},
    {{0x00, 0x2d}, "TLS_DHE_PSK_NULL_SHA1", 10, 1, 3, 2},
    {{0x00, 0xb4}, "TLS_DHE_PSK_NULL_SHA256", 10, 1, 6, 4},
    {{0x00, 0xb5}, "TLS_DHE_PSK_NULL_SHA384", 10, 1, 7, 4},
    {{0x00, 0xb3}, "TLS_DHE_PSK_AES_256_CBC_SHA384", 10, 5, 7, 4},
    {{0x00, 0xab}, "TLS_DHE_PSK_AES_256_GCM_SHA384", 10, 11, 200, 4},
    {{0xc0, 0x96}, "TLS_DHE_PSK_CAMELLIA_128_CBC_SHA256", 10, 7, 6, 4},
    {{0xc0, 0x97}, "TLS_DHE_PSK_CAMELLIA_256_CBC_SHA384", 10, 8, 7, 4},
    {{0xc0, 0x90}, "TLS_DHE_PSK_CAMELLIA_128_GCM_SHA256", 10, 15, 200, 4},
    {{0xc0, 0x91}, "TLS_DHE_PSK_CAMELLIA_256_GCM_SHA384", 10, 16, 200, 4},
    {{0xc0, 0xa4}, "TLS_PSK_AES_128_CCM", 9, 19, 200, 4},
    {{0xc0, 0xa5}, "TLS_PSK_AES_256_CCM", 9, 20, 200, 4},
    {{0xc0, 0xa6}, "TLS_DHE_PSK_AES_128_CCM", 10, 19, 200, 4},
    {{0xc0, 0xa7}, "TLS_DHE_PSK_AES_256_CCM", 10, 20, 200, 4},
    {{0xc0, 0xa8}, "TLS_PSK_AES_128_CCM_8", 9, 21, 200, 4},
    {{0xc0, 0xa9}, "TLS_PSK_AES_256_CCM_8", 9, 22, 200, 4},
    {{0xc0, 0xaa}, "TLS_DHE_PSK_AES_128_CCM_8", 10, 21, 200, 4},
    {{0xc0, 0xab}, "TLS_DHE_PSK_AES_256_CCM_8", 10, 22, 200, 4},
    {{0xcc, 0xad}, "TLS_DHE_PSK_CHACHA20_POLY1305", 10, 23, 200, 4},
    {{0xcc, 0xac}, "TLS_ECDHE_PSK_CHACHA20_POLY1305", 14, 23, 200, 4},
    {{0xcc, 0xae}, "TLS_RSA_PSK_CHACHA20_POLY1305", 15, 23, 200, 4},
    {{0xcc, 0xab}, "TLS_PSK_CHACHA20_POLY1305", 9, 23, 200, 4},
    {{0x00, 0x18}, "TLS_DH_ANON_ARCFOUR_128_MD5", 4, 2, 2, 2},
    {{0x00, 0x1b}, "TLS_DH_ANON_3DES_EDE_CBC_SHA1", 4, 3, 3, 2},
    {{0x00, 0x34}, "TLS_DH_ANON_AES_128_CBC_SHA1", 4, 4, 3, 2},
    {{0x00, 0x3a}, "TLS_DH_ANON_AES_256_CBC_SHA1", 4, 5, 3, 2},
    {{0x00, 0xbf}, "TLS_DH_ANON_CAMELLIA_128_CBC_SHA256", 4, 7, 6, 4},
    {{0x00, 0xc5}, "TLS_DH_ANON_CAMELLIA_256_CBC_SHA256", 4, 8, 6, 4},
    {{0x00, 0x46}, "TLS_DH_ANON_CAMELLIA_128_CBC_SHA1", 4, 7, 3, 2},
    {{0x00, 0x89}, "TLS_DH_ANON_CAMELLIA_256_CBC_SHA1", 4, 8, 3, 2},
    {{0x00, 0x6c}, "TLS_DH_ANON_AES_128_CBC_SHA256", 4, 4, 6, 4},
    {{0x00, 0x6d}, "TLS_DH_ANON_AES_256_CBC_SHA256", 4, 5, 6, 4},
    {{0x00, 0xa6}, "TLS_DH_ANON_AES_128_GCM_SHA256", 4, 10, 200, 4},
    {{0x00, 0xa7}, "TLS_DH_ANON_AES_256_GCM_SHA384", 4, 11, 200, 4},
    {{0xc0, 0x84}, "TLS_DH_ANON_CAMELLIA_128_GCM_SHA256", 4, 15, 200, 4},
    {{0xc0, 0x85}, "TLS_DH_ANON_CAMELLIA_256_GCM_SHA384", 4, 16, 200, 4},
    {{0xc0, 0x15}, "TLS_ECDH_ANON_NULL_SHA1", 11, 1, 3, 2},
    {{0xc0, 0x17}, "TLS_ECDH_ANON_3DES_EDE_CBC_SHA1", 11, 3, 3, 2},
    {{0xc0, 0x18}, "TLS_ECDH_ANON_AES_128_CBC_SHA1", 11, 4, 3, 2},
    {{0xc0, 0x19}, "TLS_ECDH_ANON_AES_256_CBC_SHA1", 11, 5, 3, 2},
    {{0xc0, 0x16}, "TLS_ECDH_ANON_ARCFOUR_128_SHA1", 11, 2, 3, 2},
    {{0xc0, 0x1a}, "TLS_SRP_SHA_3DES_EDE_CBC_SHA1", 5, 3, 3, 2},
    {{0xc0, 0x1d}, "TLS_SRP_SHA_AES_128_CBC_SHA1", 5, 4, 3, 2},
    {{0xc0, 0x20}, "TLS_SRP_SHA_AES_256_CBC_SHA1", 5, 5, 3, 2},
    {{0xc0, 0x1c}, "TLS_SRP_SHA_DSS_3DES_EDE_CBC_SHA1", 8, 3, 3, 2},
    {{0xc0, 0x1b}, "TLS_SRP_SHA_RSA_3DES_EDE_CBC_SHA1", 7, 3, 3, 2},
    {{0xc0, 0x1f}, "TLS_SRP_SHA_DSS_AES_128_CBC_SHA1", 8, 4, 3, 2},
    {{0xc0, 0x1e}, "TLS_SRP_SHA_RSA_AES_128_CBC_SHA1", 7, 4, 3, 2},
    {{0xc0, 0x22}, "TLS_SRP_SHA_DSS_AES_256_CBC_SHA1", 8, 5, 3, 2},
    {{0xc0, 0x21}, "TLS_SRP_SHA_RSA_AES_256_CBC_SHA1", 7, 5, 3, 2},
    {{0xc1, 0x02}, "TLS_GOSTR341112_256_28147_CNT_IMIT", 16, 34, 208, 4},
};

#define N_SUITES (sizeof suites / sizeof suites[0])

static gnutls_mac_algorithm_t suite_mac(const struct suite *s)
{
    return (gnutls_mac_algorithm_t)(s->mac);
}

const char *gnutls_cipher_suite_info(size_t idx, unsigned char *cs_id, gnutls_kx_algorithm_t *kx,
                                     gnutls_cipher_algorithm_t *cipher, gnutls_mac_algorithm_t *mac,
                                     gnutls_protocol_t *min_version)
{
    if (idx >= N_SUITES)
        return NULL;
    const struct suite *s = &suites[idx];
    if (cs_id != NULL)
        memcpy(cs_id, s->id, 2);
    if (kx != NULL)
        *kx = (gnutls_kx_algorithm_t)s->kx;
    if (cipher != NULL)
        *cipher = (gnutls_cipher_algorithm_t)s->cipher;
    if (mac != NULL)
        *mac = suite_mac(s);
    if (min_version != NULL)
        *min_version = (gnutls_protocol_t)s->version;
    return s->name;
}

/* GnuTLS answers without the "TLS_" prefix here. */
const char *gnutls_cipher_suite_get_name(gnutls_kx_algorithm_t kx, gnutls_cipher_algorithm_t cipher,
                                         gnutls_mac_algorithm_t mac)
{
    for (size_t i = 0; i < N_SUITES; i++)
        if (suites[i].kx == kx && suites[i].cipher == cipher && suite_mac(&suites[i]) == mac)
            return suites[i].name + 4;
    return NULL;
}

int gnossl_suite_lookup(unsigned id, gnutls_cipher_algorithm_t *cipher, gnutls_mac_algorithm_t *mac,
                        gnutls_kx_algorithm_t *kx)
{
    for (size_t i = 0; i < N_SUITES; i++) {
        const struct suite *s = &suites[i];
        if (((unsigned)s->id[0] << 8 | s->id[1]) != id)
            continue;
        if (cipher != NULL)
            *cipher = (gnutls_cipher_algorithm_t)s->cipher;
        if (mac != NULL)
            *mac = suite_mac(s);
        if (kx != NULL)
            *kx = (gnutls_kx_algorithm_t)s->kx;
        return 0;
    }
    return GNOSSL_ERR(GNUTLS_E_UNKNOWN_CIPHER_SUITE);
}

const char *gnossl_suite_name(unsigned id)
{
    for (size_t i = 0; i < N_SUITES; i++)
        if (((unsigned)suites[i].id[0] << 8 | suites[i].id[1]) == id)
            return suites[i].name;
    return NULL;
}
