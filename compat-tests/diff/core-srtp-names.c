/* Differential: SRTP profile names and lookups, and the (deprecated)
 * compression query on a fresh session. */
#include <gnutls/gnutls.h>
#include <stdio.h>

int main(void)
{
    for (int i = -1; i < 300; i++) {
        const char *n = gnutls_srtp_get_profile_name((gnutls_srtp_profile_t)i);
        if (n != NULL || i < 10)
            printf("%d %s\n", i, n ? n : "(null)");
    }
    static const char *names[] = {"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32",
                                  "SRTP_NULL_HMAC_SHA1_80", "SRTP_NULL_SHA1_32", "SRTP_NULL_HMAC_SHA1_32",
                                  "srtp_aes128_cm_hmac_sha1_80", "SRTP_AEAD_AES_128_GCM",
                                  "SRTP_NULL_SHA1_32X", "SRTP_NULL_SHA1_3", "", NULL};
    for (int i = 0; names[i] != NULL; i++) {
        gnutls_srtp_profile_t p = (gnutls_srtp_profile_t)77;
        int r = gnutls_srtp_get_profile_id(names[i], &p);
        printf("'%s' -> %d profile=%d\n", names[i], r, (int)p);
    }
    gnutls_session_t s;
    if (gnutls_init(&s, GNUTLS_CLIENT) == 0) {
        printf("compression_get=%d\n", gnutls_compression_get(s));
        gnutls_deinit(s);
    }
    return 0;
}
