/* Differential: gnutls_ext_get_name2 for every extension number at every
 * parse point (and GNUTLS_EXT_ANY), on a client and on a server session:
 * GnuTLS names an extension only at the point it parses it there. */
#include <gnutls/gnutls.h>
#include <stdio.h>

int main(void)
{
    static const int points[] = {-1, 0, 1, 2, 3, 4, 5, 6, 7, 100, 176, 177, 178, 255};
    gnutls_session_t s[2];
    gnutls_global_init();
    gnutls_init(&s[0], GNUTLS_CLIENT);
    gnutls_init(&s[1], GNUTLS_SERVER);
    unsigned named = 0;
    for (unsigned id = 0; id < 65536; id++)
        for (int side = 0; side < 2; side++)
            for (unsigned p = 0; p < sizeof points / sizeof *points; p++) {
                const char *n = gnutls_ext_get_name2(s[side], id, (gnutls_ext_parse_type_t)points[p]);
                if (n != NULL) {
                    printf("%u %s parse point %d: %s\n", id, side ? "server" : "client", points[p], n);
                    named++;
                }
            }
    printf("%u names\n", named);
    gnutls_deinit(s[0]);
    gnutls_deinit(s[1]);
    gnutls_global_deinit();
    return 0;
}
