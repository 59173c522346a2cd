/* Differential test of four x509 defects: an RSA-MD5 signature accepted by
 * gnutls_x509_crt_verify_data2 / gnutls_pubkey_verify_data2 / verify_hash2
 * / gnutls_x509_crq_verify / gnutls_x509_crl_verify
 * (GnuTLS says GNUTLS_E_INSUFFICIENT_SECURITY unless the flags allow broken
 * algorithms), gnutls_x509_crt_check_issuer ignoring key identifiers,
 * trust-list lookups by name / key ID that must hand out copies the caller
 * deinits, and the encryption gnutls_x509_privkey_export_pkcs8 picks for
 * its flags (GNUTLS_PKCS_NULL_PASSWORD included).  Signatures, hashes and
 * certificates were made once with the openssl tool (RSA PKCS#1 v1.5
 * signatures are deterministic). */
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

#include "test-keys.h"

static const unsigned char sig_md5[] =
    "\x0b\x70\xee\xe9\xa4\x51\x15\x04\xe2\xfa\x6f\x4a\xf9\xe7\xf5\xf8\x3d\x0a\x39\xab\xaa\x42\x13\x1b"
    "\x6e\xff\x54\x83\xd1\xaa\xc5\x46\x6c\x91\x48\x97\xe3\x85\x18\xfc\x5d\x08\xc7\x2b\x34\x07\x3d\x2c"
    "\xf4\x32\x23\xca\x49\x14\x6d\xc4\xa9\xdb\x1f\x56\xa0\xa1\x06\xf3\xe3\x9b\xa6\x16\x13\xc5\xc9\x9d"
    "\x4c\x0d\xef\x05\x26\x20\x9d\x70\xf3\x58\x1a\x7f\xea\x8e\x78\xb6\x45\x93\xb6\x5b\xdb\x88\x74\xf8"
    "\x5e\x17\x00\xde\x45\xec\xff\x3b\xdc\xbb\x44\xb9\xfa\x3f\x14\xb4\x7f\xec\xa1\x59\x08\x47\x18\xf0"
    "\x5f\xb9\xd0\x76\xea\xda\x01\xc2\xcd\x36\x85\xa7\x73\xa6\x12\x5d\x6a\x2f\x27\x35\x54\xbd\x6b\x26"
    "\xc5\x90\xa3\x82\x2d\x0f\xb8\x62\x1b\xb0\x8d\xef\xc8\xfe\x82\xdb\x4d\xee\x36\xfe\x1d\x33\xbb\x7f"
    "\xcb\x70\xed\xc0\xf3\xe4\xd0\x5c\xfa\x7a\xf0\x87\xae\x8f\x9b\x95\x11\xdb\x99\x66\x31\xa0\xb5\x12"
    "\x18\xbe\xff\xec\x72\xb1\xbc\x84\x57\xbd\x55\x4d\xd3\x25\x85\x1c\x45\x52\x60\xa5\x65\x5a\x7f\x57"
    "\xa0\x03\x4f\x46\xc2\x2c\x37\x18\xe9\x9b\x90\x0b\xc2\xb0\xd3\x20\x7d\x8f\xf7\x2c\x8b\x88\x09\x6a"
    "\x1a\xb1\xaa\xef\xff\xab\xa8\x38\xf5\x50\xf7\xda\xaa\xc4\xa6\xf1";
#define SIG_MD5_LEN 256
static const unsigned char hash_md5[] =
    "\x33\xb3\xbc\x8e\x05\xb4\xfc\xc1\x6b\xd5\x31\xdd\x9a\xda\xc1\x66";
#define HASH_MD5_LEN 16
static const unsigned char sig_sha1[] =
    "\x58\x1e\x2c\x67\xd9\x2d\x77\xb0\x65\x68\x93\xeb\x1d\x6e\xf2\xa8\x7b\x4b\xaa\x37\xdf\x4d\x12\x18"
    "\x58\x8a\x2a\x53\xc3\x06\x1b\x79\xcb\xe3\xd6\x60\x35\xde\x1c\x7d\x46\x5a\xf2\x49\x7f\xfe\xcd\xec"
    "\xe0\xc7\x66\xef\x77\x66\x60\x94\x20\x3d\xef\x41\xc1\x4d\x45\x2b\xde\x34\xb1\x43\xa5\x67\x50\x26"
    "\x3e\x5c\x30\x8d\x00\xaf\xaf\xe0\x73\xae\xcb\x4c\x3e\x58\x57\x3e\x92\xee\x76\x0d\x20\x91\xd7\xb7"
    "\xb3\x3e\x32\x2f\x36\x43\xa7\x2e\x59\xfb\x50\xc2\x9d\xfb\x40\x94\xf4\xfb\xbb\xec\x4e\x21\xff\x0c"
    "\x64\x6c\x45\xa2\x1c\x26\xf9\x97\x54\xf9\xb5\x3b\x88\x76\x95\x02\x2b\xc9\xd6\x0f\xf9\x44\x51\x3a"
    "\x7d\x00\x54\x2d\x05\x7f\xd3\xbd\xa3\xa8\x58\xbe\xeb\xb2\x0c\x3e\xd5\x0a\xe5\x32\x27\x83\xaa\xb3"
    "\x8e\xb8\x8e\x18\xec\xa1\x0f\x19\xcf\x0c\x97\xb5\x03\xf5\x43\x15\xe7\x08\x52\x6b\x80\x05\xb1\x1f"
    "\xe2\xcb\x22\xaa\x9e\xbe\xb0\x6f\xbc\x32\x91\xe9\x1c\xee\x72\x38\x30\xcb\xa6\x9e\x3b\xa6\xeb\x5b"
    "\x64\x10\x2a\x47\xd5\x17\x63\x04\xa0\x74\x9c\xb5\x5d\x11\x81\x40\xbd\xde\x04\x57\xf4\x08\xca\x32"
    "\xf2\x12\x13\x85\xda\xdc\xaa\xa8\x40\xdd\x63\x3f\x85\xcd\x96\x58";
#define SIG_SHA1_LEN 256
static const unsigned char hash_sha1[] =
    "\xf3\x1b\x94\xaa\xbc\x78\xe3\x40\xc5\x7d\x05\xbd\xdd\x2e\x4a\x42\xa7\xd8\x13\x00";
#define HASH_SHA1_LEN 20
static const unsigned char sig_sha256[] =
    "\x11\x21\x98\x3a\x10\x7b\xa9\x82\x3c\x85\x82\x4b\xed\x35\x9e\x77\xf7\x6f\x3f\x56\xcb\x1e\x48\x9a"
    "\x69\xe0\x32\xf7\x23\xde\xc6\x38\x90\x28\x42\x7f\x90\x76\xa8\x08\xe1\x98\xc9\xf6\x48\x20\x89\x95"
    "\x06\x86\x20\x70\x6d\x53\x03\xa7\x41\x38\x87\x7a\x7a\x4f\x75\x4a\xa8\x83\x38\xad\x92\x70\xb0\xe2"
    "\x4b\xa9\x05\xbe\x90\xc1\x1c\x70\x78\x03\x27\x92\xe0\xdc\xe1\x0d\x32\x42\x07\xec\x9c\x06\x6e\x87"
    "\x84\xc6\x3d\xa8\xcb\x56\xde\xc0\x94\xda\xe8\x8b\x0f\x0c\xc4\xd0\xff\x62\x57\x2d\xf0\xc3\xf9\x60"
    "\x96\xc1\xd7\x76\x42\x37\xf5\xbf\x8c\x39\xb0\x75\xbf\xe5\x09\x77\xc3\x41\x15\xbc\x32\x1a\xc5\x16"
    "\x61\xa1\x13\x3d\xf2\x07\x27\xa4\xd5\xbd\x87\x69\xea\x03\x85\x50\x03\x90\x93\xd2\x12\x2b\x57\xf7"
    "\x62\xaa\xf5\xc2\x2e\xf3\x6c\xa5\x60\x79\xdb\x00\x16\x56\x00\xd8\x5f\xfe\xd2\x6b\x02\x7d\x93\x68"
    "\x26\x44\x22\x38\x50\x97\x88\x06\x85\x11\x64\xc5\x9a\x22\x60\xc7\xeb\x8e\x97\x74\x76\x4b\x34\xcb"
    "\x13\x93\x19\xb4\xee\x0b\xf4\xdd\x7d\x1d\x29\x6d\xf1\x16\x6d\x8d\x18\x96\x35\x59\x07\x9b\x48\x92"
    "\x93\x76\x36\x8b\x5b\x1d\xe8\x45\xf5\x9e\x35\xdc\x89\x66\xbe\xf6";
#define SIG_SHA256_LEN 256
static const unsigned char hash_sha256[] =
    "\xb5\xe1\xe6\x4c\xcd\xf7\xff\x47\x25\x3b\x22\x7b\x74\xa0\xb2\xf5\xda\x61\x32\xc8\xe1\x16\x17\x7e"
    "\xda\x93\xfe\xc3\x44\x2a\x95\x0f";
#define HASH_SHA256_LEN 32
static const char ca1_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBcTCCARegAwIBAgIUEoR3u7DGZ/nRAwTjBSKpiL2tj6gwCgYIKoZIzj0EAwIw\n"
    "FzEVMBMGA1UEAwwMU2FtZSBOYW1lIENBMCAXDTI2MTEyNDAxMjgwMFoYDzIxMjYx\n"
    "MDMxMDEyODAwWjAXMRUwEwYDVQQDDAxTYW1lIE5hbWUgQ0EwWTATBgcqhkjOPQIB\n"
    "BggqhkjOPQMBBwNCAAQhhnePEfwwl3dbekgPPaYuevHCSOXlr1B3B4S8gWp61JcE\n"
    "H/AZORK06Csavk9ihV9gXWNjkkcj0KJ064IcYfVcoz8wPTAPBgNVHRMBAf8EBTAD\n"
    "AQH/MB0GA1UdDgQWBBSrvLWocCZzkHGowvfBnuIKRUaulTALBgNVHQ8EBAMCAQYw\n"
    "CgYIKoZIzj0EAwIDSAAwRQIgek62QIFdhzA1ZmFXL4VzCqRWuAmr2+fb2DCh1xB3\n"
    "Z+kCIQCK4un0WUZwRHSNiEu1oNAglZvH4VFFh0190G1aVMlvWg==\n"
    "-----END CERTIFICATE-----\n";
static const char ca2_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBcjCCARegAwIBAgIUTv5blpDA3w/cnn8/g4Ppd2YRW/gwCgYIKoZIzj0EAwIw\n"
    "FzEVMBMGA1UEAwwMU2FtZSBOYW1lIENBMCAXDTI2MTEyNDAxMjgwMFoYDzIxMjYx\n"
    "MDMxMDEyODAwWjAXMRUwEwYDVQQDDAxTYW1lIE5hbWUgQ0EwWTATBgcqhkjOPQIB\n"
    "BggqhkjOPQMBBwNCAAQTc/Jv80J0gJa27eo5PjM7Ek2bmIJi64QwrjIm1x9pzusJ\n"
    "WmheIkznW2MhX36bWY4pT4sPXdY6BYtnsspve7bioz8wPTAPBgNVHRMBAf8EBTAD\n"
    "AQH/MB0GA1UdDgQWBBS0bhvbsZXIeJZjW8EnWD3DEAI+CTALBgNVHQ8EBAMCAQYw\n"
    "CgYIKoZIzj0EAwIDSQAwRgIhAIDMIvRBvKMvS29DbfMo0o/1t91t0rfuAh1jGVU8\n"
    "pEZ7AiEA3ppVli3W7B59OdrETezdW5Tp0adXfc+oA6QCDHTAvjI=\n"
    "-----END CERTIFICATE-----\n";
static const char ca2noski_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBUjCB+KADAgECAhR95CHs0DcBGwzIzSD0li6P1/3bXDAKBggqhkjOPQQDAjAX\n"
    "MRUwEwYDVQQDDAxTYW1lIE5hbWUgQ0EwIBcNMjYxMTI0MDEyODAwWhgPMjEyNjEw\n"
    "MzEwMTI4MDBaMBcxFTATBgNVBAMMDFNhbWUgTmFtZSBDQTBZMBMGByqGSM49AgEG\n"
    "CCqGSM49AwEHA0IABBNz8m/zQnSAlrbt6jk+MzsSTZuYgmLrhDCuMibXH2nO6wla\n"
    "aF4iTOdbYyFffptZjilPiw9d1joFi2eyym97tuKjIDAeMA8GA1UdEwEB/wQFMAMB\n"
    "Af8wCwYDVR0PBAQDAgEGMAoGCCqGSM49BAMCA0kAMEYCIQCMCaOpWqE+aZAuVziC\n"
    "TjiMwzZz+xcWVxiA0ICYsyTsmQIhAP4SkwNDjglXs+x+d2QSt/KbA3UP6Ny7kNwL\n"
    "s8wKwwem\n"
    "-----END CERTIFICATE-----\n";
static const char leaf2_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBZDCCAQqgAwIBAgIBAjAKBggqhkjOPQQDAjAXMRUwEwYDVQQDDAxTYW1lIE5h\n"
    "bWUgQ0EwIBcNMjYxMTI0MDEyODAwWhgPMjEyNjEwMzEwMTI4MDBaMA8xDTALBgNV\n"
    "BAMMBGxlYWYwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQodvaKMjHvAFDIn4Sm\n"
    "zRsJDun832+A2k8gqxSdRFLvtFnM6VGzY9tBRXVt2FiS6fWffNhjZHrO1JjOrjI/\n"
    "+Qp5o00wSzAJBgNVHRMEAjAAMB0GA1UdDgQWBBRnyZJsWr0KktM87CFkmuxwhysy\n"
    "BjAfBgNVHSMEGDAWgBS0bhvbsZXIeJZjW8EnWD3DEAI+CTAKBggqhkjOPQQDAgNI\n"
    "ADBFAiEA6o76TOMvs/zq50Ic/UAIko9CThll6U5bvCyjWWgLOCcCIHeNXhxu3cEF\n"
    "Z9ody1qtvL8qZ8WfIv2gRybrCSjOFSSG\n"
    "-----END CERTIFICATE-----\n";
static const char leafnoaki_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBIzCByqADAgECAgEDMAoGCCqGSM49BAMCMBcxFTATBgNVBAMMDFNhbWUgTmFt\n"
    "ZSBDQTAgFw0yNjExMjQwMTI4MDVaGA8yMTI2MTAzMTAxMjgwNVowDzENMAsGA1UE\n"
    "AwwEbGVhZjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCh29ooyMe8AUMifhKbN\n"
    "GwkO6fzfb4DaTyCrFJ1EUu+0WczpUbNj20FFdW3YWJLp9Z982GNkes7UmM6uMj/5\n"
    "CnmjDTALMAkGA1UdEwQCMAAwCgYIKoZIzj0EAwIDSAAwRQIhAOySkm2Br+fMkIxV\n"
    "TQzIFgG/b7HH4LMUEJlPbyQp8FAvAiB3MNQiLL67qQQs8GISAGHDVQdkgoO7MC4R\n"
    "fKV/SSo2Ag==\n"
    "-----END CERTIFICATE-----\n";

static const char md5_csr[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIICWzCCAUMCAQAwFjEUMBIGA1UEAwwLbWQ1IHJlcXVlc3QwggEiMA0GCSqGSIb3\n"
    "DQEBAQUAA4IBDwAwggEKAoIBAQDAi0kQK5M+1+gGpOPlTF35ZfduDtXS1DDm3KC6\n"
    "O8mLWUj3Od8zjw2crcGWp7QhbW5R4YYv/vV+fxndsX0bkgw4YAnM18uqanHZt87X\n"
    "RCrweKSEz/8Fi8rkMrVDCxhmVDFg/V6x6WxbZdJIEguneLXiCU+PzPwDUH8LavoQ\n"
    "U1jvnwLkwyOWYaTEG9ltKzuYaU32yHgRJBxJcAoW+MgmNfP9UTsz/qDWKRHU5+gK\n"
    "Y4+gU4YTyWcUr779DWcJA+tYKBLp5/NEWASvYx0Gag4h9l1hX0Rydj2TXDRgIePj\n"
    "agGr8hN91/xN+T0cYIwDiKS2KvVVUl553U2xUGwxFeK8sEPTAgMBAAGgADANBgkq\n"
    "hkiG9w0BAQQFAAOCAQEAoY3shZTCACM+Gv9Fc1aK47sKblmmBEupHUgUsmf7AWIg\n"
    "Ay5PPnFg04g4bprbOieYmgHWL/uSdBho2eWnrH5+KOdGacRfdugCU42TdCAhQt7Z\n"
    "5Gzj2RbPj6sakQMUvI7Og/R05tp4IbqZ5Mui0gMbf8BUI6PDVmZqSTxCoMnvT8K5\n"
    "T74qu6i5FgetYV3pf+AEqQ3+nYuTbuhQrl1j9XjF7xYa3hwUA8yDF5xt4fx+6RAe\n"
    "A8WpETyBYrQrfeWPXFpMUwfZI9cSoIvs1oVVXNTy3BlB0G40EXOPgmXmsEEgRjAa\n"
    "0KSmkcLPI40YYvRX6DHYsEJgh+hoJenZofyzLnrE3g==\n"
    "-----END CERTIFICATE REQUEST-----\n";
static const char sha1_csr[] =
    "-----BEGIN CERTIFICATE REQUEST-----\n"
    "MIICXDCCAUQCAQAwFzEVMBMGA1UEAwwMc2hhMSByZXF1ZXN0MIIBIjANBgkqhkiG\n"
    "9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwItJECuTPtfoBqTj5Uxd+WX3bg7V0tQw5tyg\n"
    "ujvJi1lI9znfM48NnK3Blqe0IW1uUeGGL/71fn8Z3bF9G5IMOGAJzNfLqmpx2bfO\n"
    "10Qq8HikhM//BYvK5DK1QwsYZlQxYP1eselsW2XSSBILp3i14glPj8z8A1B/C2r6\n"
    "EFNY758C5MMjlmGkxBvZbSs7mGlN9sh4ESQcSXAKFvjIJjXz/VE7M/6g1ikR1Ofo\n"
    "CmOPoFOGE8lnFK++/Q1nCQPrWCgS6efzRFgEr2MdBmoOIfZdYV9EcnY9k1w0YCHj\n"
    "42oBq/ITfdf8Tfk9HGCMA4iktir1VVJeed1NsVBsMRXivLBD0wIDAQABoAAwDQYJ\n"
    "KoZIhvcNAQEFBQADggEBAF9OdGKx3IC86EgueASmRwbRfbimbacmtqfnv7j8qH0l\n"
    "bVWvAkCZVwRgyotbyREU8Uyb+T9tVcVN11k1Q9Qw8XJq0dvw/IV57zwV5QA7psJU\n"
    "DTWa+sZhW3vLG6R52LJEuvXmRCt6asz4mhFuIkWP1mt8lhxc5PSaonb8ME+yLwl6\n"
    "gIzY9JqdM4f2lIW62H+klI19sFas0yKwKpEUTGNuPmyDyHorWWT/pT+B/t7EZoL9\n"
    "xgB9iHENEG/s5YDasHUO1NPbZTluFiNHcw4dhtu97xBZqufYRaDPWsufxhwS+K4t\n"
    "eCaJ3AH2SFqxjYi4AdgbbsJVNTMZeH7ZYlPgcGw1JdM=\n"
    "-----END CERTIFICATE REQUEST-----\n";

static const char rsa_crl_ca[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIC+TCCAeGgAwIBAgIUBGwMSopB2YC8vKUQpiad8YDVi5EwDQYJKoZIhvcNAQEL\n"
    "BQAwFTETMBEGA1UEAwwKUlNBIENSTCBDQTAgFw0yNjExMjQwMTM0NTNaGA8yMTI2\n"
    "MTAzMTAxMzQ1M1owFTETMBEGA1UEAwwKUlNBIENSTCBDQTCCASIwDQYJKoZIhvcN\n"
    "AQEBBQADggEPADCCAQoCggEBAMCLSRArkz7X6Aak4+VMXfll924O1dLUMObcoLo7\n"
    "yYtZSPc53zOPDZytwZantCFtblHhhi/+9X5/Gd2xfRuSDDhgCczXy6pqcdm3ztdE\n"
    "KvB4pITP/wWLyuQytUMLGGZUMWD9XrHpbFtl0kgSC6d4teIJT4/M/ANQfwtq+hBT\n"
    "WO+fAuTDI5ZhpMQb2W0rO5hpTfbIeBEkHElwChb4yCY18/1ROzP+oNYpEdTn6Apj\n"
    "j6BThhPJZxSvvv0NZwkD61goEunn80RYBK9jHQZqDiH2XWFfRHJ2PZNcNGAh4+Nq\n"
    "AavyE33X/E35PRxgjAOIpLYq9VVSXnndTbFQbDEV4rywQ9MCAwEAAaM/MD0wDwYD\n"
    "VR0TAQH/BAUwAwEB/zALBgNVHQ8EBAMCAQYwHQYDVR0OBBYEFOW6e5Sd0c/7QdvB\n"
    "cPidpPk+VU2qMA0GCSqGSIb3DQEBCwUAA4IBAQCebSkX698BT1qXuNGKJhGAAZrp\n"
    "ybM+9tiGrJDjusuGyNJP3dlNAVuD7UrIvchM+YY0nmd+sc/j+X14vQtYOBMZ7oIG\n"
    "TkgzVmrm+aVpgXWYRTJbMLDf6ModyS02wh5yGdujHAmUPwW3cfw8C+f4ZlrsmYK5\n"
    "Cv7F9pimvd9imDk0sngY69WNZ0WCznJlqZzKz4LoMYNsK43qX6OdzK1NF376kaXX\n"
    "OWtH/yzdCwgSO9xXKJ25XW2XgFG8ffksIzJX3PWUrk+zkFo/l14DNP6QiDyy/z0E\n"
    "VJPtlfAqKsgaGwRnpt9dm2jo2keMzYgLUL9kQJL92hkwwlcv32irj7tAYDnP\n"
    "-----END CERTIFICATE-----\n";
static const char md5_crl[] =
    "-----BEGIN X509 CRL-----\n"
    "MIIBbzBZAgEBMA0GCSqGSIb3DQEBBAUAMBUxEzARBgNVBAMMClJTQSBDUkwgQ0EX\n"
    "DTI2MTEyNDAxMzQ1M1oYDzIxMjYxMDMxMDEzNDUzWqAOMAwwCgYDVR0UBAMCAQEw\n"
    "DQYJKoZIhvcNAQEEBQADggEBAFZjDLCmxSWvIcAW9AzD4g48uYZa5WQtwNg9SJAi\n"
    "2uXnFmNjWnWNgklZO5im0TlH/CxnISeYEtOGIKd2SRok8DeTXMZAwkzJDdCn5O/A\n"
    "lseV9h2dafruWGD95FaoJ6V7fCtb7TlcbnZjvw/sUoDwnJYeCnWbWRFgoaL6ZujG\n"
    "5ivwdMBMbauL1NWh3XpNvkM4iGCwBZcLiXOJhSw2OBBzlzZ++GWSQnaUNYhNU0Ic\n"
    "bu9bVSqNZk8Qy8HQ8Ez8VWMK/63wVBKIDpLD4C6pAcZkYSWT+mJI+qAlj4wNqoRn\n"
    "yYmk2z421Lp24OV1rhuYqIyXqAF9OmegECcMwywbXwypgOE=\n"
    "-----END X509 CRL-----\n";
static const char sha256_crl[] =
    "-----BEGIN X509 CRL-----\n"
    "MIIBbzBZAgEBMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNVBAMMClJTQSBDUkwgQ0EX\n"
    "DTI2MTEyNDAxMzQ1M1oYDzIxMjYxMDMxMDEzNDUzWqAOMAwwCgYDVR0UBAMCAQMw\n"
    "DQYJKoZIhvcNAQELBQADggEBAKUpJnRbcioIHhCFQ9yyHpftvc2VE5lvc6GC/zyy\n"
    "BQCyIaYZAa02v2SjXvQnQXfqr/K624/huzigZe747hDDQyUIIs3uQfzmqWUwcbex\n"
    "JUGiIP588LriwwMLGAavTkVcg3dfEjiZOgomQVXAao7cH22l7Lh6aPSreJAOsVC7\n"
    "2Y28vQHu1u5mQ5ZR48aXS7KoxageWSlV8vKg7rmDvNWnqRa1jIc6KFbNEjxXJDF6\n"
    "QFjuQgOZkbQGuzNesM02gsM2BXDhM3hIYRL9BJ2ayUPa9MyUOjXh541DOAu27WuY\n"
    "B83XaW4IpWr7TBqta/0cceLCTeLtL6YGSLHxSeRf0yzmXUU=\n"
    "-----END X509 CRL-----\n";

static gnutls_x509_crt_t load(const char *pem)
{
    gnutls_x509_crt_t c;
    gnutls_datum_t d = {(unsigned char *)pem, (unsigned)strlen(pem)};
    gnutls_x509_crt_init(&c);
    if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) < 0)
        printf("import failed\n");
    return c;
}

struct sigcase {
    const char *name;
    gnutls_sign_algorithm_t algo;
    const unsigned char *sig, *hash;
    unsigned sig_len, hash_len;
};

static void test_verify(void)
{
    static const struct sigcase cases[] = {
        {"RSA-MD5", GNUTLS_SIGN_RSA_MD5, sig_md5, hash_md5, SIG_MD5_LEN, HASH_MD5_LEN},
        {"RSA-SHA1", GNUTLS_SIGN_RSA_SHA1, sig_sha1, hash_sha1, SIG_SHA1_LEN, HASH_SHA1_LEN},
        {"RSA-SHA256", GNUTLS_SIGN_RSA_SHA256, sig_sha256, hash_sha256, SIG_SHA256_LEN, HASH_SHA256_LEN},
    };
    static const struct {
        const char *name;
        unsigned flags;
    } fl[] = {
        {"0", 0},
        {"ALLOW_SIGN_RSA_MD5", GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5},
        {"ALLOW_SIGN_RSA_MD2", GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD2},
        {"ALLOW_BROKEN", GNUTLS_VERIFY_ALLOW_BROKEN},
        {"ALLOW_SIGN_WITH_SHA1", GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1},
    };
    gnutls_x509_crt_t crt = load(rsa_crt);
    gnutls_pubkey_t pub;
    gnutls_pubkey_init(&pub);
    printf("pubkey import: %d\n", gnutls_pubkey_import_x509(pub, crt, 0));
    gnutls_datum_t data = {(unsigned char *)"hello, md5", 10};
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gnutls_datum_t sig = {(unsigned char *)cases[i].sig, cases[i].sig_len};
        gnutls_datum_t hash = {(unsigned char *)cases[i].hash, cases[i].hash_len};
        unsigned char bad[512];
        memcpy(bad, cases[i].sig, cases[i].sig_len);
        bad[cases[i].sig_len / 2] ^= 1;
        gnutls_datum_t badsig = {bad, cases[i].sig_len};
        for (unsigned j = 0; j < sizeof fl / sizeof fl[0]; j++) {
            printf("%s flags=%s: crt_verify_data2 %d, pubkey_verify_data2 %d, pubkey_verify_hash2 %d, "
                   "corrupted %d\n",
                   cases[i].name, fl[j].name, gnutls_x509_crt_verify_data2(crt, cases[i].algo, fl[j].flags, &data, &sig),
                   gnutls_pubkey_verify_data2(pub, cases[i].algo, fl[j].flags, &data, &sig),
                   gnutls_pubkey_verify_hash2(pub, cases[i].algo, fl[j].flags, &hash, &sig),
                   gnutls_pubkey_verify_data2(pub, cases[i].algo, fl[j].flags, &data, &badsig));
        }
    }
    gnutls_pubkey_deinit(pub);
    gnutls_x509_crt_deinit(crt);
}

/* gnutls_x509_crq_verify applies the same rule to a request's signature */
static void test_crq_verify(void)
{
    static const struct {
        const char *name;
        unsigned flags;
    } fl[] = {{"0", 0},
              {"ALLOW_SIGN_RSA_MD5", GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5},
              {"ALLOW_BROKEN", GNUTLS_VERIFY_ALLOW_BROKEN}};
    const char *pems[] = {md5_csr, sha1_csr};
    for (unsigned i = 0; i < 2; i++) {
        gnutls_x509_crq_t crq;
        gnutls_x509_crq_init(&crq);
        gnutls_datum_t d = {(unsigned char *)pems[i], (unsigned)strlen(pems[i])};
        int ret = gnutls_x509_crq_import(crq, &d, GNUTLS_X509_FMT_PEM);
        printf("crq %s import %d:", i ? "RSA-SHA1" : "RSA-MD5", ret);
        for (unsigned j = 0; j < sizeof fl / sizeof fl[0]; j++)
            printf(" verify(%s) %d", fl[j].name, gnutls_x509_crq_verify(crq, fl[j].flags));
        printf("\n");
        gnutls_x509_crq_deinit(crq);
    }
}

/* and gnutls_x509_crl_verify / trust-list CRL verification to a CRL's */
static void test_crl_verify(void)
{
    static const unsigned fl[] = {0, GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5, GNUTLS_VERIFY_ALLOW_BROKEN};
    const char *pems[] = {md5_crl, sha256_crl};
    gnutls_x509_crt_t ca = load(rsa_crl_ca);
    for (unsigned i = 0; i < 2; i++) {
        gnutls_datum_t d = {(unsigned char *)pems[i], (unsigned)strlen(pems[i])};
        printf("crl %s:", i ? "RSA-SHA256" : "RSA-MD5");
        for (unsigned j = 0; j < 3; j++) {
            gnutls_x509_crl_t crl;
            unsigned status = 0;
            gnutls_x509_crl_init(&crl);
            gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_PEM);
            int ret = gnutls_x509_crl_verify(crl, &ca, 1, fl[j], &status);
            printf(" verify(%#x) %d/%#x", fl[j], ret, status);
            gnutls_x509_crl_deinit(crl);

            gnutls_x509_trust_list_t tl;
            gnutls_x509_crt_t anchor = load(rsa_crl_ca);
            gnutls_x509_trust_list_init(&tl, 0);
            gnutls_x509_trust_list_add_cas(tl, &anchor, 1, 0);
            gnutls_x509_crl_init(&crl);
            gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_PEM);
            printf(" add_crls(%#x) %d", fl[j], gnutls_x509_trust_list_add_crls(tl, &crl, 1, GNUTLS_TL_VERIFY_CRL, fl[j]));
            gnutls_x509_trust_list_deinit(tl, 1);
        }
        printf("\n");
    }
    gnutls_x509_crt_deinit(ca);
}

static void test_check_issuer(void)
{
    gnutls_x509_crt_t ca1 = load(ca1_pem), ca2 = load(ca2_pem), ca2noski = load(ca2noski_pem);
    gnutls_x509_crt_t leaf2 = load(leaf2_pem), leafnoaki = load(leafnoaki_pem);
    /* ca1 and ca2 share a name; leaf2's authority key ID is ca2's */
    printf("check_issuer(leaf2, ca1) = %u\n", gnutls_x509_crt_check_issuer(leaf2, ca1));
    printf("check_issuer(leaf2, ca2) = %u\n", gnutls_x509_crt_check_issuer(leaf2, ca2));
    printf("check_issuer(leaf2, ca2noski) = %u\n", gnutls_x509_crt_check_issuer(leaf2, ca2noski));
    printf("check_issuer(leafnoaki, ca1) = %u\n", gnutls_x509_crt_check_issuer(leafnoaki, ca1));
    printf("check_issuer(leafnoaki, ca2) = %u\n", gnutls_x509_crt_check_issuer(leafnoaki, ca2));
    printf("check_issuer(leaf2, leafnoaki) = %u\n", gnutls_x509_crt_check_issuer(leaf2, leafnoaki));
    printf("check_issuer(ca1, ca1) = %u\n", gnutls_x509_crt_check_issuer(ca1, ca1));
    printf("check_issuer(ca1, ca2) = %u\n", gnutls_x509_crt_check_issuer(ca1, ca2));

    /* chain verification picks the issuer whose key ID matches */
    gnutls_x509_trust_list_t tl;
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_x509_crt_t cas[2];
    gnutls_x509_crt_init(&cas[0]);
    gnutls_x509_crt_init(&cas[1]);
    gnutls_datum_t d1 = {(unsigned char *)ca1_pem, (unsigned)strlen(ca1_pem)};
    gnutls_datum_t d2 = {(unsigned char *)ca2_pem, (unsigned)strlen(ca2_pem)};
    gnutls_x509_crt_import(cas[0], &d1, GNUTLS_X509_FMT_PEM);
    gnutls_x509_crt_import(cas[1], &d2, GNUTLS_X509_FMT_PEM);
    printf("add_cas: %d\n", gnutls_x509_trust_list_add_cas(tl, cas, 2, 0));
    gnutls_x509_crt_t found = NULL;
    int ret = gnutls_x509_trust_list_get_issuer(tl, leaf2, &found, GNUTLS_TL_GET_COPY);
    printf("get_issuer(leaf2): %d %s\n", ret, ret == 0 ? (gnutls_x509_crt_equals(found, ca2) ? "ca2" : "other") : "-");
    if (ret == 0)
        gnutls_x509_crt_deinit(found);
    unsigned status = 0;
    ret = gnutls_x509_trust_list_verify_crt(tl, &leaf2, 1, 0, &status, NULL);
    printf("verify leaf2: %d status %#x\n", ret, status);
    gnutls_x509_trust_list_deinit(tl, 1);

    gnutls_x509_crt_deinit(ca1);
    gnutls_x509_crt_deinit(ca2);
    gnutls_x509_crt_deinit(ca2noski);
    gnutls_x509_crt_deinit(leaf2);
    gnutls_x509_crt_deinit(leafnoaki);
}

static void print_cn(const char *what, int ret, gnutls_x509_crt_t c)
{
    char buf[256];
    size_t n = sizeof buf;
    if (ret < 0 || c == NULL) {
        printf("%s: %d\n", what, ret);
        return;
    }
    if (gnutls_x509_crt_get_dn(c, buf, &n) < 0)
        strcpy(buf, "?");
    printf("%s: %d %s\n", what, ret, buf);
}

static void test_trust_list_copies(void)
{
    gnutls_x509_trust_list_t tl;
    gnutls_x509_crt_t ca;
    gnutls_x509_trust_list_init(&tl, 0);
    gnutls_x509_crt_init(&ca);
    gnutls_datum_t d = {(unsigned char *)ca1_pem, (unsigned)strlen(ca1_pem)};
    gnutls_x509_crt_import(ca, &d, GNUTLS_X509_FMT_PEM);
    gnutls_datum_t dn = {NULL, 0}, skid = {NULL, 0};
    unsigned char id[64];
    size_t idlen = sizeof id;
    gnutls_x509_crt_get_raw_dn(ca, &dn);
    gnutls_x509_crt_get_subject_key_id(ca, id, &idlen, NULL);
    skid.data = id;
    skid.size = (unsigned)idlen;
    printf("add_cas: %d\n", gnutls_x509_trust_list_add_cas(tl, &ca, 1, 0));

    /* every lookup below returns a copy: deinit each, then keep using the
     * list; a shared pointer would be freed twice */
    static const unsigned flags[] = {0, GNUTLS_TL_GET_COPY};
    for (unsigned i = 0; i < 2; i++) {
        gnutls_x509_crt_t c = NULL;
        int ret = gnutls_x509_trust_list_get_issuer_by_dn(tl, &dn, &c, flags[i]);
        print_cn("get_issuer_by_dn", ret, c);
        if (ret == 0)
            gnutls_x509_crt_deinit(c);
        c = NULL;
        ret = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, &dn, &skid, &c, flags[i]);
        print_cn("by_subject_key_id(dn, id)", ret, c);
        if (ret == 0)
            gnutls_x509_crt_deinit(c);
        c = NULL;
        ret = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, &skid, &c, flags[i]);
        print_cn("by_subject_key_id(NULL, id)", ret, c);
        if (ret == 0)
            gnutls_x509_crt_deinit(c);
        c = NULL;
        ret = gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, &dn, NULL, &c, flags[i]);
        print_cn("by_subject_key_id(dn, NULL)", ret, c);
        if (ret == 0)
            gnutls_x509_crt_deinit(c);
    }
    gnutls_x509_crt_t c = NULL;
    gnutls_datum_t other = {(unsigned char *)"\x30\x00", 2};
    print_cn("get_issuer_by_dn(other)", gnutls_x509_trust_list_get_issuer_by_dn(tl, &other, &c, 0), c);
    unsigned char wrong[20] = {0};
    gnutls_datum_t wid = {wrong, sizeof wrong};
    print_cn("by_subject_key_id(dn, wrong id)", gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, &dn, &wid, &c, 0), c);
    print_cn("by_subject_key_id(NULL, NULL)", gnutls_x509_trust_list_get_issuer_by_subject_key_id(tl, NULL, NULL, &c, 0), c);

    /* the list's own copy is intact */
    gnutls_x509_crt_t leaf = load(leafnoaki_pem);
    unsigned status = 0;
    int ret = gnutls_x509_trust_list_verify_crt(tl, &leaf, 1, 0, &status, NULL);
    printf("verify leafnoaki after lookups: %d status %#x\n", ret, status);
    gnutls_x509_crt_deinit(leaf);
    gnutls_free(dn.data);
    gnutls_x509_trust_list_deinit(tl, 1);
}

static void pkcs8_case(gnutls_x509_privkey_t key, const char *name, const char *password, unsigned flags)
{
    unsigned char out[8192];
    size_t size = sizeof out;
    int ret = gnutls_x509_privkey_export_pkcs8(key, GNUTLS_X509_FMT_PEM, password, flags, out, &size);
    if (ret < 0) {
        printf("pkcs8 %s: export %d\n", name, ret);
        return;
    }
    gnutls_datum_t d = {out, (unsigned)size};
    const char *nl = memchr(out, '\n', size);
    printf("pkcs8 %s: export %d, %.*s\n", name, ret, nl ? (int)(nl - (const char *)out) : 0, (const char *)out);
    unsigned schema = 0, cipher = 0, salt_size = 0, iter = 0;
    unsigned char salt[128];
    char *oid = NULL;
    salt_size = sizeof salt;
    ret = gnutls_pkcs8_info(&d, GNUTLS_X509_FMT_PEM, &schema, &cipher, salt, &salt_size, &iter, &oid);
    /* GnuTLS draws the PBES2 salt size at random (at least 8 bytes) */
    printf("  info %d: schema %s cipher %s salt %s iter %u oid %s\n", ret,
           ret == 0 ? gnutls_pkcs_schema_get_name(schema) : "-", ret == 0 ? gnutls_cipher_get_name(cipher) : "-",
           ret != 0 ? "-" : salt_size == 8 ? "8" : salt_size > 8 && salt_size <= 64 ? "9..64" : "odd",
           ret == 0 ? iter : 0, oid ? oid : "-");
    gnutls_free(oid);
    gnutls_x509_privkey_t back;
    gnutls_x509_privkey_init(&back);
    ret = gnutls_x509_privkey_import_pkcs8(back, &d, GNUTLS_X509_FMT_PEM, password, flags & GNUTLS_PKCS_NULL_PASSWORD);
    unsigned char a[4096], b[4096];
    size_t al = sizeof a, bl = sizeof b;
    int same = ret == 0 &&
               gnutls_x509_privkey_export_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, a, &al) == 0 &&
               gnutls_x509_privkey_export_pkcs8(back, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, b, &bl) == 0 &&
               al == bl && memcmp(a, b, al) == 0;
    printf("  import back %d, same key %d\n", ret, same);
    gnutls_x509_privkey_deinit(back);
}

static void test_pkcs8(void)
{
    gnutls_x509_privkey_t key;
    gnutls_x509_privkey_init(&key);
    gnutls_datum_t d = {(unsigned char *)ec_key, (unsigned)strlen(ec_key)};
    printf("key import: %d\n", gnutls_x509_privkey_import(key, &d, GNUTLS_X509_FMT_PEM));
    pkcs8_case(key, "pw flags=0", "pw", 0);
    pkcs8_case(key, "empty flags=0", "", 0);
    pkcs8_case(key, "pw PBES2_AES_128", "pw", GNUTLS_PKCS_PBES2_AES_128);
    pkcs8_case(key, "pw PBES2_3DES", "pw", GNUTLS_PKCS_PBES2_3DES);
    pkcs8_case(key, "pw PKCS12_3DES", "pw", GNUTLS_PKCS_PKCS12_3DES);
    pkcs8_case(key, "NULL flags=0", NULL, 0);
    pkcs8_case(key, "pw PLAIN", "pw", GNUTLS_PKCS_PLAIN);
    pkcs8_case(key, "NULL NULL_PASSWORD", NULL, GNUTLS_PKCS_NULL_PASSWORD);
    pkcs8_case(key, "NULL NULL_PASSWORD|PBES2_AES_128", NULL, GNUTLS_PKCS_NULL_PASSWORD | GNUTLS_PKCS_PBES2_AES_128);
    gnutls_x509_privkey_deinit(key);
}

int main(void)
{
    gnutls_global_init();
    test_verify();
    test_crq_verify();
    test_crl_verify();
    test_check_issuer();
    test_trust_list_copies();
    test_pkcs8();
    gnutls_global_deinit();
    return 0;
}
