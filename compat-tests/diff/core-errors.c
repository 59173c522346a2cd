/* Differential: the error table.  For every code from 0 down to -1300 (and
 * a few outside), the name, fatality, alert mapping and whether a text
 * exists (not the text: gnossl words its messages itself). */
#include <gnutls/gnutls.h>
#include <stdio.h>

static void show(int code)
{
    const char *name = gnutls_strerror_name(code);
    const char *text = gnutls_strerror(code);
    int level = -1;
    int alert = gnutls_error_to_alert(code, &level);
    printf("%d %s fatal=%d text=%s alert=%d level=%d alert_nolevel=%d\n", code,
           name ? name : "(null)", gnutls_error_is_fatal(code),
           text == NULL ? "null" : text[0] == '\0' ? "empty" : "yes", alert, level,
           gnutls_error_to_alert(code, NULL));
}

int main(void)
{
    int extra[] = {1, 2, 5, 100, 0x7fffffff, -1, -1301, -12345, -65000, -65500, -100000,
                   (int)0x80000000};
    for (int c = 0; c >= -1300; c--)
        show(c);
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        show(extra[i]);
    /* The unknown-code text is a fixed string in GnuTLS: compare it. */
    printf("unknown text: %s\n", gnutls_strerror(-12345));
    printf("positive text: %s\n", gnutls_strerror(7));
    return 0;
}
