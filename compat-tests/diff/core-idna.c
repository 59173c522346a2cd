/* Differential: gnutls_idna_map / gnutls_idna_reverse_map over ASCII,
 * IDNA2008, transitional, ACE, empty and invalid names. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, int r, gnutls_datum_t *o)
{
    if (r == 0) {
        printf("%s -> 0 '%s' (%u)\n", what, (char *)o->data, o->size);
        gnutls_free(o->data);
    } else {
        printf("%s -> %d\n", what, r);
    }
}

int main(void)
{
    static const char *names[] = {
        "example.com", "ExAmple.COM", "b\xc3\xbc" "cher.de", "xn--bcher-kva.de", "XN--BCHER-KVA.DE",
        "fa\xc3\x9f.de", "a..b", "", "\xe6\x97\xa5\xe6\x9c\xac.jp", "\xff\xfe", "\xc3", "xn--",
        "xn--zz-", "caf\xc3\xa9", "CAF\xc3\x89.fr", "\xe2\x84\xa2.com", "a\xe2\x80\x8d" "b.com",
        "-leading.com", "www.\xc3\xa9xample.com.", "x.xn--wgv71a.jp", "\xf0\x9f\x98\x80.com",
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9.com", "1\xe2\x81\x84" "2.com"};
    char what[256];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        gnutls_datum_t o;
        for (unsigned f = 0; f < 2; f++) {
            snprintf(what, sizeof what, "map%s '%s'", f ? "2008" : "", names[i]);
            show(what, gnutls_idna_map(names[i], strlen(names[i]), &o, f ? GNUTLS_IDNA_FORCE_2008 : 0), &o);
        }
        snprintf(what, sizeof what, "rev '%s'", names[i]);
        show(what, gnutls_idna_reverse_map(names[i], strlen(names[i]), &o, 0), &o);
    }
    /* a length that stops before the end of the string */
    gnutls_datum_t o;
    show("map prefix", gnutls_idna_map("b\xc3\xbc" "cher.de-and-more", 9, &o, 0), &o);
    return 0;
}
