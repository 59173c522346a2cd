/* Differential: alert names for every byte value (and a few out of range);
 * for the descriptions only whether one exists. */
#include <gnutls/gnutls.h>
#include <stdio.h>

int main(void)
{
    for (int a = -3; a < 300; a++) {
        const char *name = gnutls_alert_get_strname((gnutls_alert_description_t)a);
        const char *text = gnutls_alert_get_name((gnutls_alert_description_t)a);
        printf("%d %s text=%s\n", a, name ? name : "(null)",
               text == NULL ? "null" : text[0] ? "yes" : "empty");
    }
    return 0;
}
