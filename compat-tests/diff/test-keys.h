/* Test keys and self-signed certificates (CN=localhost, valid 100 years)
 * shared by the differential TLS programs, the hard-* unit tests and the fuzz harnesses
 * (fuzz/fuzz-common.h; fuzz/gen-openssl-seeds.sh reads the PEM from here).
 * Header-only so that each program still builds alone
 * (compat-tests/shell/relink.sh compiles them one by one). */
#ifndef GNOSSL_DIFF_TEST_KEYS_H
#define GNOSSL_DIFF_TEST_KEYS_H

static const char rsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQDAi0kQK5M+1+gG\n"
    "pOPlTF35ZfduDtXS1DDm3KC6O8mLWUj3Od8zjw2crcGWp7QhbW5R4YYv/vV+fxnd\n"
    "sX0bkgw4YAnM18uqanHZt87XRCrweKSEz/8Fi8rkMrVDCxhmVDFg/V6x6WxbZdJI\n"
    "EguneLXiCU+PzPwDUH8LavoQU1jvnwLkwyOWYaTEG9ltKzuYaU32yHgRJBxJcAoW\n"
    "+MgmNfP9UTsz/qDWKRHU5+gKY4+gU4YTyWcUr779DWcJA+tYKBLp5/NEWASvYx0G\n"
    "ag4h9l1hX0Rydj2TXDRgIePjagGr8hN91/xN+T0cYIwDiKS2KvVVUl553U2xUGwx\n"
    "FeK8sEPTAgMBAAECggEAERyP0A2/VpzDicufq/d/Jon8VQihJ3fPfMTrd9bru3mi\n"
    "NW6Bj/MiXOPy9MZPXjp7zRpuMtfFeN9811SjGg8pt4eOzL36OK6gaElLQEWroewR\n"
    "hZ135vCchcPyk1RqGmCtyWvbEulRcEdP9TMSsWiAlD0K7WxkkpArKkLwmat+l5Ty\n"
    "Rxz9jj09iZZPOJ1jDSR0gMC2HyfOIsAMruWisGmzYdwmU172ji8fzvGI5BmFffgl\n"
    "lZiN3ky1rcV32i9flhO2R/4uFN0vMcrLcYnkOwPlaIwCcymrcIZaxjMLhwBw3NQx\n"
    "iiqGcJrg8QPV9jONu7euOqJRH+ZU5VF45oZSKPZpCQKBgQDqf4x33SK9WA1GTmNU\n"
    "hrgOX4jcL6QtYYF+3p1ii726YRDt7AMyJYQA1a8TSI9IbAQ6dNA/dKk6vyIGcBQz\n"
    "McD4nTFS4GLsvLYs3+sj4TsfD68sbYcF9AlbDjep8HLpd8AWB5kZ7qHHmBjJtKyd\n"
    "aUtlqlgTbGuiXpwQY+/DbSSKlwKBgQDSMu7/ROjh0Xqmcs7VKCFf8jVMzLaCvcHw\n"
    "9dOgw0GKjFEN/pisCuy9gvcGeFIe0ZsihWafY+ai9XpB6x6c94kBJFRBWKoP8w6T\n"
    "69UWuSiUyRda/zNZGzzYJyB2XlSW9DnMMFePPGY0ExhZTSqmTC5fSl+HXKSTj0Gd\n"
    "mZTp6M0kJQJ/BJR5Kd4nz4rot3bQedYnwiAbjDFiA4DkBpZSfJo+GmXK7tqtNU2G\n"
    "Rn3l7Xp9UezKKFoftx2QMJWLFJUbz+Qo4LIxRG0dgYIuDLJS5WCAxxqHUVbSTEt3\n"
    "409jxu3rUKQGHGgJlXgTsNJHqajdtjVYQ6QQFFEJySIP6kIJbMe07wKBgQDAcxe0\n"
    "qf/aePOln6nVKUfdU6IPLcLQUzJVDo1zPDIuyqePe5GGuv3jyRuoVdNCGkDCS4cY\n"
    "2duZSc1kuwMtTcmnPP7TUX1q2ut27U4M3vvTtYVnsA3wQGrlsHUdSuKBzxt34q7Y\n"
    "GsGsXetGH8uztD4kyrBJ+71GyLuXsrzPqHDh7QKBgA7TlrdH5Cwevi6wYkyTH3aX\n"
    "dOISpRAh/AnYfS03WCb6/HBB8EbGwyPkgIvMgTOnXAXMd+c3/DdadKZ4LGyZBAO2\n"
    "os9spzs+NSOxKepWlIeYUywmsmaM/fzcuvTCMh+RZIJaGb86Enn3+7KCvpBNvzRT\n"
    "yoWEGm6OVNqeaudnZiyi\n"
    "-----END PRIVATE KEY-----\n";

static const char rsa_crt[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIDITCCAgmgAwIBAgIUJviVrWonO7+pMFIZuki5aao9MhYwDQYJKoZIhvcNAQEL\n"
    "BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMTM0OFoYDzIxMjYx\n"
    "MDMwMjIxMzQ4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB\n"
    "AQUAA4IBDwAwggEKAoIBAQDAi0kQK5M+1+gGpOPlTF35ZfduDtXS1DDm3KC6O8mL\n"
    "WUj3Od8zjw2crcGWp7QhbW5R4YYv/vV+fxndsX0bkgw4YAnM18uqanHZt87XRCrw\n"
    "eKSEz/8Fi8rkMrVDCxhmVDFg/V6x6WxbZdJIEguneLXiCU+PzPwDUH8LavoQU1jv\n"
    "nwLkwyOWYaTEG9ltKzuYaU32yHgRJBxJcAoW+MgmNfP9UTsz/qDWKRHU5+gKY4+g\n"
    "U4YTyWcUr779DWcJA+tYKBLp5/NEWASvYx0Gag4h9l1hX0Rydj2TXDRgIePjagGr\n"
    "8hN91/xN+T0cYIwDiKS2KvVVUl553U2xUGwxFeK8sEPTAgMBAAGjaTBnMB0GA1Ud\n"
    "DgQWBBTlunuUndHP+0HbwXD4naT5PlVNqjAfBgNVHSMEGDAWgBTlunuUndHP+0Hb\n"
    "wXD4naT5PlVNqjAPBgNVHRMBAf8EBTADAQH/MBQGA1UdEQQNMAuCCWxvY2FsaG9z\n"
    "dDANBgkqhkiG9w0BAQsFAAOCAQEAE5Xz551gUk8QqOtex/CeWUxaZlp+RUN7bfkv\n"
    "9vnyJ6Iy1+pcnZdmBGDD3RYk3Gytb7bvluFaJ4BUEvd+sSdHwVKz374YsW7nlWZa\n"
    "DUZ+I955PzX/hlKnpyZc2lipvT7emidUckiyy2fEW3c5hx1JEQUl0uBghZlGSolU\n"
    "uHZ8D8MUMegOi5YAiTiP79RdWuhz6Lh6wugGcOwPm1SHNmzTQ6PBWHw79cE+b8KT\n"
    "inDEIKBRV95B4Ykj/qoQOuTsbsWekqHXIoVRJlaKLntYMhHO3ptwgld+xr9TAlpT\n"
    "mw613QZZhIQXRs5BkutO17jJOO2LwWDGBylR2M9//j60VDu2AQ==\n"
    "-----END CERTIFICATE-----\n";

static const char ec_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgR6eVOVnaDPCcm8ou\n"
    "T0c+3bxsYPX+/Eu41GyLf9JYPV2hRANCAASmc075/T5PCXGE0buEIjx8tZoap0dY\n"
    "6f/H9Hi/lJuy+8w4n6iurjKVtgcnO0ShwQCU3rrRM2G2pkCiB6ZYhnv/\n"
    "-----END PRIVATE KEY-----\n";

static const char ec_crt[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBlTCCATugAwIBAgIUXjsZel00safDYchwqZY3EkSC7sMwCgYIKoZIzj0EAwIw\n"
    "FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzIyMTM0OFoYDzIxMjYxMDMw\n"
    "MjIxMzQ4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\n"
    "PQMBBwNCAASmc075/T5PCXGE0buEIjx8tZoap0dY6f/H9Hi/lJuy+8w4n6iurjKV\n"
    "tgcnO0ShwQCU3rrRM2G2pkCiB6ZYhnv/o2kwZzAdBgNVHQ4EFgQUuIYBBYiJqpvx\n"
    "ohGhcX10mQZIPhwwHwYDVR0jBBgwFoAUuIYBBYiJqpvxohGhcX10mQZIPhwwDwYD\n"
    "VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID\n"
    "SAAwRQIgQfk7JYvuKAlG/lN6WrvMn6jj319gi8OTcl+R0+1j7H4CIQCLw5gynKki\n"
    "z1CfVY8KtyNKS62stAyU0GlAjvvitkrZZQ==\n"
    "-----END CERTIFICATE-----\n";

/* An empty CRL (number 1) signed by rsa_crt's key, valid 2026-2126. */
static const char rsa_crl[] =
    "-----BEGIN X509 CRL-----\n"
    "MIIBbjBYAgEBMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNVBAMMCWxvY2FsaG9zdBcN\n"
    "MjYxMTI0MDAyMzE4WhgPMjEyNjEwMzEwMDIzMThaoA4wDDAKBgNVHRQEAwIBATAN\n"
    "BgkqhkiG9w0BAQsFAAOCAQEAH8ft0hX4uMpNcjbCzVL/K++pyPpBBmNVVizLaCy2\n"
    "pxsxnsd1e1ga6U9XJE5/qE2JWxQlCJGzE2qxaBstealUQg/U5WuFooCqimrp7yWJ\n"
    "jbM0uk5LIDrZEnn5eFdmXeqDxTj0JDL/YmJtC1TKVVMIBcCSskstJxIhd3u15Pyp\n"
    "KsZdRx4kDxrqKq1QtUCwp8nfLaaSwC8GQ4YHBrjJuDgpI4sPleDLapAk38F4eOpD\n"
    "VrOFr/N1kqOG5UF6uWHSaq7kGB6XZZgAimL6sAWyk4EumJ8cCYCPd/3Gc1H6lSyi\n"
    "fDcCG6DFSnrmzB+BHfA/5Jty057zDi5nqwk6KMVukJHotQ==\n"
    "-----END X509 CRL-----\n";

#endif
