/* Known answers of gnossl's public-key self tests (self-test-pk.c): fixed
 * keys made with the openssl CLI, and signatures of the 100-byte message
 * made with the real GnuTLS (nettle).  RSA PKCS#1 v1.5 signatures are
 * deterministic and compared; the randomized ones (RSA-PSS, DSA, ECDSA) are
 * verified.  DH: ffdhe2048, the peer's public value and the shared secret
 * computed independently (Python integers). */
#ifndef GNOSSL_SELF_TEST_PK_KAT_H
#define GNOSSL_SELF_TEST_PK_KAT_H

static const char kat_rsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCkFSuDCUmR8vfR\n"
    "N01SlfRNhJVl3rsCm6iZbr+ow13dT/aHsMpzIpSiUL0bdd3jZEqgXXpLLT11ZZwQ\n"
    "bkQCcA80ugc4AhZiswm+dBSqXreq26RfzWn8ncT3obqrzzcH2XPjM3DefS/kB/QT\n"
    "yA+mz4RwCEMZqOU0CXOXsfslcgzqupZAYNjJ+ov6uprJKCyixO35haVloHPC42yC\n"
    "DOWcS1cmQQy6kTfXK327S0sGHyySsJxfnaiXKv1S4P02+1ow6LwKfSxFa3Iema7J\n"
    "BUmZdU8h+mIdX/B3l6C2n4xdMfTG7mFKXzvf9+8EF2S5ZT9biYmqvJqflk9qmoLf\n"
    "PYUHbflnAgMBAAECggEAEhwet/u9Gaq4x2f/KhpQOINlqd9cwfuZhDXBBEjBLL1i\n"
    "obSq45ecKBNui9VahCUm8hmJzI+rCjCzekIb/NjkFMG415RYvClemJ1fRTPnDv3n\n"
    "CoaK0s2Rq8iMkzdFBPdvNFMSe2aoc9ac4yy1mDJXP7Y/Ea9JJ5Eo0kQGoCoSWuXH\n"
    "y0Ye935xHTcMCOcs/Rynz+fDFdzuiuMHB4F2VUkqG/KCGqFJG9lDlu8X1RfzC8qQ\n"
    "RxCkHi0hRvHcHPbkNh6unzN4WGRD3S7kT6VsIN3YyIsAbKTwwyrdYnLi6I6BTQgk\n"
    "Q7v8Z7LRJJOTEKEEDi4AXrBgmjVRkvxQHGFsMXXhYQKBgQDcW1yeRJPJiADi1YNJ\n"
    "XJBdPDHSecASEJMlSkyJO3zkCE1yVqCMJM98ixYTlCdkE/0NSuLI4YsdSfJXyGS3\n"
    "iAE7LvGt9ANNHwnD+4T+4aXcKNB/AxZhA6HIe16MJX6Qml+OAOUeUlBNlx3MhblR\n"
    "0K9a9+olswkLZYFamfAE4UOoKwKBgQC+n5S8eC+S/Pu9JO/yFNWu04V0iH74JCwQ\n"
    "S2lrwkT2Z4tibmP2Z2L2F4cJ5riXncoEtmn5R9GhshaBzHuB3/c8+v45zfbJou1Y\n"
    "eXGHmuhyszCl6UHFhxXFo8SQEbX32Do3hU3Avm2zMLB24RaM+aBVOjpYPGwBVMfh\n"
    "+1m/2LO5tQKBgQClERdXQ53FeMjZIwIewWUvQnk75pIXtizT4U1l+5b5prKFNRk9\n"
    "AhIfhHz8G55KXKLSA0fRHQs93HfahDXWOd5aPDc0jLawXdDN66rb16KMQlK04lYw\n"
    "RC075haUOz4NCmcME+WOCjE3fj0HSSDihcXmChJvPSdITzhP60KeFTS+UwKBgCCF\n"
    "f02sP4mXSaeaXqlxbodWJQWdp/PT0ASzqPeufC+BuOEBLmLCfrq3ht1klIehbu7g\n"
    "5DGYVCZ/CKH6bfPZbwfjVm4sOndqKY4XogvdnNy8v4b+xa7afhdq+kUOEHqJVF1W\n"
    "i85fbr3Mh76wZjWE/RqtRXj6Tf7oJPXj+QrnALqlAoGAZLJSXcrZJazm5Z5LDztw\n"
    "sJTy0ztaBQHJ7t+kuKOislnPtIql0pt+sasfETmgLMJvvZpt7s8RiCsM7n6vuD+/\n"
    "jkhVZixGRtivtAJB400h0WFFm7lux9eZtk88GGhEXca2UPmUQ9j65TDvKvEqNeTO\n"
    "bPTWaEeHLeZHQeGnA3WnyJc=\n"
    "-----END PRIVATE KEY-----\n";
static const char kat_dsa_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIICXQIBADCCAjYGByqGSM44BAEwggIpAoIBAQD8h1JcIeErfqCK1wS99nM/2HJz\n"
    "goOQOpb/oR99RLom/K8AP6Ba0TPPrfGR9F6jfdn7eydWdpGxzBdozX+IGdA+JJ1G\n"
    "4/sAOKbR7xZPdnTbrEHTQwCmAB46HqYdV7JyVdD8LBT0+L40wp5UPYIDuXv58nvd\n"
    "dHn7qm5jaQhioAzVmK4Dr5OT1DikL5WprkRXZ6WGb67fEbmaTh8sH9UWlO/QclWj\n"
    "2760v6+3CK6DQszk3jYIy/kIW7NJAUBHFSsn4/fc5Qmnbj7CPEdUNrO6i2hmHdhF\n"
    "tagTNSwUJ+++7VPED0zLcoZFrO+nKlOsA0ui46pJyl1LdrmuDN/++0/H1131Ah0A\n"
    "8B3WK3ZJRu8x8cZBwxCZ/4B5o97i8Bqj02hT+wKCAQEA16VHSmczH+/BHWzezRzI\n"
    "VqIa34v98oX7a4zl/LL6LyXlDkxfQWxtf1pe36jUEWPmwrH3GCh9jAenaWiOLjrP\n"
    "1W87fU+jkd6SV4DUEY7XWA9DFj5pdXiCf23bQlnbuxRx+LA4tBsFqJ2J3WCoQgyT\n"
    "+hm0zJWJjPS+1VFzStI8I/cms8g+QtSLPqYsRh2JuMVkU3rhal6odBvFGhCHfjS6\n"
    "HCCbZfE+pqslNOSsHH6/vBWR/BUdbNYZ/roXSLHIKfq4VnQT2NRL9xNC+s16CcM9\n"
    "NyWV5m5vFUI9L/ICrwH++cSfGjub31cnMe2wWRUB4xfQnvdC4XsoNZS144tyUKqW\n"
    "7QQeAhwZiLe+4lCQMUFXsEvm8SaW1CTDzOOglsDTYnmc\n"
    "-----END PRIVATE KEY-----\n";
static const char kat_ec_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgU7caMUYS+2vvxng2\n"
    "J3ro8X9ofjo5re320CJd0WFihS+hRANCAARE12GM0tAOFK5/FcFbHBZxeqtklxPF\n"
    "kAq9khbRP/qNbQmglsewAJJclRR4OOqM8KDmRA3CKv0ckTneX90vDQVJ\n"
    "-----END PRIVATE KEY-----\n";
/* RSA-SHA256 (PKCS#1 v1.5) */
static const char kat_rsa_sig[] =
    "73d0736fcf353f9b6309624f41ade5771a8c03b32fd36037554aeaf78f0c03eebfe061218de333214dfa4fac1bcd44ba"
    "3d2424c02832ec8c5a792e6fdd1cadf6f46b258e25c3c5b07487b9ccf8973a1eb205eb620cd57ae4820eb4197820e465"
    "1c783847452e77239197c39f29ff596faa98a8e3455c1a14f45f5439c7a602d8ebcc0091e954924fbfa02ba157f8d003"
    "879a51e42faeb8a86a7371f4bb1d4de2d39d07009c6f4e31f07f86669471800908debbf8851c9a1c4cd6af3f29d68fa2"
    "f5810e2ae16dcfbbd413dc5be9723d6c86a49458a2b110ffa166c539276ccebd9a3b66f0dcd358c73f8c22867d4327d8"
    "e58674bdb0dda456310095148ecf66ae";
/* RSA-PSS-RSAE-SHA256 */
static const char kat_rsa_pss_sig[] =
    "1185cdcdb42e94858dbebde629c4a080d3548bd06eb4a50336a438e339b0552853798f162b4dc874d62455bccf796a15"
    "b9166993b6f6c43707e22494e37c56b28fddec90d8404e3cc92ea85c1d878baf99744ccac7ffe2240b4f151d558a1a3f"
    "fc1eba48cde50bc8756739c0ad89bd0cf20560291a19b11f00106cb434a47e3d3254e6766fc19fddce667e3ae07b2fcf"
    "fa490e3a3233f2be63927348b41419a2cd8df4ce4132a2c49297fdd7be3a39a21793b964e741619ff0f7f51733adb6c1"
    "48e7a93e76758be0024a840c4c6e02ce9d0d5dee69a475401534cdd77929f4215ba4acd53ed10787ac8a5c6f65daadda"
    "0df70d11814c63b799a9bec9dcdb9ce6";
/* DSA-SHA256 */
static const char kat_dsa_sig[] =
    "303c021c378553877e90a831af28771a5ff2b543b733b642af496b2a765c4fda021c1f029a04bcdb2d1d67481e5774c1"
    "3fa1d7608c6a946cf0d28ec28205";
/* ECDSA-SHA256 (P-256) */
static const char kat_ecdsa_sig[] =
    "3045022100a230f147389280d857dd3c86dda578acae1463c4b645026d87119580835b162802202507f6e56db8696fb1"
    "88e7e5b4c46101cf4cd4eac457d4a1f8e94416a4561f70";
/* DH: the peer public value g^b, b = 32 bytes i*31+5 */
static const char kat_dh_peer[] =
    "b998a5ecc0f49d55809ae3908ba74c3f1d351e5e495c5d9197ab7784bc90e4f7e2d0d9aa4bf114dde6b2f69406a27639"
    "6a9186af3590f79c7f0ab17b1e9093a2b7d1406b905d03bc297858f1c35f5f053ed949ce58509ef53744481cd14b001a"
    "172d0b51b994bbdbaee9538738f4134df38b4e7cf8077f077deb908bfbf70869f1d32fb38c9272b398cb9ecbeb0c8898"
    "702f889b9f9ded2d9a2fa421f7c9f22d1c711703d2a1bdcf5039d5d9774e81a7d0dd16d266c8f26665a4d75885d7c172"
    "6a6d67ff8c0ebd156ec0b884e08066da40b6a0fb301d270dc7c1916db45eef282e1e22b20995fadf1f20bf9625c3ec05"
    "6412c3b323f541b23f0f533f832d23a5";
/* DH: the shared secret with x = 32 bytes i*29+17, 256 bytes */
static const char kat_dh_shared[] =
    "c263f2a23c694ac7fc491dc604ef3da8202c917739d82d68a9442c905e1f9b2d90f5cfb983d104ac77d3e8944f94c1c5"
    "f706cac1a7c7803770bc8d43fca83ab410a2bcdd99e2b0d44ff90ef297ca98df6a1e282e6946f59a3a91950cb3b82d64"
    "a424ecf8b20b27585570d87b9f5777a284918ff80c9436087a136b74c6b215159bd9e2ff0e95604ef4b07302430deadb"
    "8268d678d1b169d067c4ff4f3e1c8ab145f1155d4e496179c1358a6b4faa55d58400e9faff0afdeeaad512071f05deaa"
    "859b2060d5a5f3df44862e07df1ac3a78faa456a7f7b407f437e8e12dc09301bb182e8f92369f3211b6c596d3cf00cda"
    "34623942806acd87c76e23357b6b568d";

#endif
