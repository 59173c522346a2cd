/* Differential: version check, the exported data symbols (FFDHE and SRP
 * groups, key sizes) and the memory hook variables. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

static void datum(const char *name, const gnutls_datum_t *d)
{
    printf("%s %u ", name, d->size);
    for (unsigned i = 0; i < d->size; i++)
        printf("%02x", d->data[i]);
    printf("\n");
}

int main(void)
{
    static const char *reqs[] = {"3.7.9", "3.7.8", "3.0.0", "3.6.5", "3.7.10", "3.8.0",
                                 "4.0", "2", "", "3.7.9.1", "abc", "3.7.09"};
    printf("NULL -> %s\n", gnutls_check_version(NULL));
    for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
        const char *v = gnutls_check_version(reqs[i]);
        printf("'%s' -> %s\n", reqs[i], v ? v : "(null)");
    }
    datum("ffdhe2048.p", &gnutls_ffdhe_2048_group_prime);
    datum("ffdhe2048.q", &gnutls_ffdhe_2048_group_q);
    datum("ffdhe2048.g", &gnutls_ffdhe_2048_group_generator);
    datum("ffdhe3072.p", &gnutls_ffdhe_3072_group_prime);
    datum("ffdhe3072.q", &gnutls_ffdhe_3072_group_q);
    datum("ffdhe3072.g", &gnutls_ffdhe_3072_group_generator);
    datum("ffdhe4096.p", &gnutls_ffdhe_4096_group_prime);
    datum("ffdhe4096.q", &gnutls_ffdhe_4096_group_q);
    datum("ffdhe4096.g", &gnutls_ffdhe_4096_group_generator);
    datum("ffdhe6144.p", &gnutls_ffdhe_6144_group_prime);
    datum("ffdhe6144.q", &gnutls_ffdhe_6144_group_q);
    datum("ffdhe6144.g", &gnutls_ffdhe_6144_group_generator);
    datum("ffdhe8192.p", &gnutls_ffdhe_8192_group_prime);
    datum("ffdhe8192.q", &gnutls_ffdhe_8192_group_q);
    datum("ffdhe8192.g", &gnutls_ffdhe_8192_group_generator);
    printf("key bits %u %u %u %u %u\n", gnutls_ffdhe_2048_key_bits, gnutls_ffdhe_3072_key_bits,
           gnutls_ffdhe_4096_key_bits, gnutls_ffdhe_6144_key_bits, gnutls_ffdhe_8192_key_bits);
    datum("srp1024.N", &gnutls_srp_1024_group_prime);
    datum("srp1024.g", &gnutls_srp_1024_group_generator);
    datum("srp1536.N", &gnutls_srp_1536_group_prime);
    datum("srp1536.g", &gnutls_srp_1536_group_generator);
    datum("srp2048.N", &gnutls_srp_2048_group_prime);
    datum("srp2048.g", &gnutls_srp_2048_group_generator);
    datum("srp3072.N", &gnutls_srp_3072_group_prime);
    datum("srp3072.g", &gnutls_srp_3072_group_generator);
    datum("srp4096.N", &gnutls_srp_4096_group_prime);
    datum("srp4096.g", &gnutls_srp_4096_group_generator);
    datum("srp8192.N", &gnutls_srp_8192_group_prime);
    datum("srp8192.g", &gnutls_srp_8192_group_generator);

    /* The memory hooks are variables holding callable pointers. */
    char *p = gnutls_malloc(16);
    p = gnutls_realloc(p, 64);
    memset(p, 'x', 63);
    p[63] = 0;
    char *q = gnutls_strdup(p);
    int *z = gnutls_calloc(4, sizeof(int));
    printf("mem %zu %d\n", strlen(q), z[0] | z[1] | z[2] | z[3]);
    gnutls_free(p);
    gnutls_free(q);
    gnutls_free(z);
    printf("after free %s\n", p == NULL ? "NULL" : "set");
    printf("init %d\n", gnutls_global_init());
    gnutls_global_deinit();
    return 0;
}
