/* Differential test of gnutls_buffer_append_data and the private
 * _gnutls_buffer_* functions libgnutls-dane imports (src/core/buffer.c).
 * The caller owns the struct, with GnuTLS's layout. */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct gnutls_buffer_st {
    uint8_t *allocd;
    uint8_t *data;
    size_t max_length;
    size_t length;
};
void _gnutls_buffer_init(struct gnutls_buffer_st *);
void _gnutls_buffer_clear(struct gnutls_buffer_st *);
int _gnutls_buffer_append_str(struct gnutls_buffer_st *, const char *);
int _gnutls_buffer_to_datum(struct gnutls_buffer_st *, gnutls_datum_t *, unsigned);
void _gnutls_buffer_pop_datum(struct gnutls_buffer_st *, gnutls_datum_t *, size_t);
int _gnutls_buffer_unescape(struct gnutls_buffer_st *);

static void show(const char *what, const struct gnutls_buffer_st *b)
{
    printf("%s: length %zu, data %s, allocd %s, data-allocd %ld: \"%.*s\"\n", what, b->length,
           b->data ? "set" : "NULL", b->allocd ? "set" : "NULL", b->data && b->allocd ? (long)(b->data - b->allocd) : -1L,
           (int)b->length, b->data ? (const char *)b->data : "");
}

int main(void)
{
    struct gnutls_buffer_st b;
    gnutls_datum_t d;
    int i;

    gnutls_global_init();
    memset(&b, 0x55, sizeof b);
    _gnutls_buffer_init(&b);
    show("init", &b);
    printf("max_length after init: %zu\n", b.max_length);
    printf("append_str: %d\n", _gnutls_buffer_append_str(&b, "hello"));
    printf("append_data: %d\n", gnutls_buffer_append_data(&b, ", world", 7));
    printf("append_data empty: %d\n", gnutls_buffer_append_data(&b, "", 0));
    show("after appends", &b);
    _gnutls_buffer_pop_datum(&b, &d, 3);
    printf("pop 3: %u \"%.*s\"\n", d.size, (int)d.size, d.data);
    show("after pop", &b);
    _gnutls_buffer_pop_datum(&b, &d, 100);
    printf("pop 100: %u \"%.*s\"\n", d.size, (int)d.size, d.data);
    show("after pop all", &b);
    _gnutls_buffer_pop_datum(&b, &d, 1);
    printf("pop empty: %u %s\n", d.size, d.data ? "set" : "NULL");
    for (i = 0; i < 200; i++)
        gnutls_buffer_append_data(&b, "0123456789", 10);
    _gnutls_buffer_pop_datum(&b, &d, 1995);
    show("after many and pop", &b);
    printf("to_datum str: %d\n", _gnutls_buffer_to_datum(&b, &d, 1));
    printf("  size %u, \"%s\"\n", d.size, d.data);
    show("after to_datum", &b);
    gnutls_free(d.data);
    i = _gnutls_buffer_to_datum(&b, &d, 1);
    printf("to_datum empty: %d size %u data %s\n", i, d.size, d.data ? "set" : "NULL");
    gnutls_free(d.data);
    _gnutls_buffer_append_str(&b, "abc");
    printf("to_datum raw: %d\n", _gnutls_buffer_to_datum(&b, &d, 0));
    printf("  size %u, \"%.*s\"\n", d.size, (int)d.size, d.data);
    gnutls_free(d.data);
    _gnutls_buffer_append_str(&b, "a%41b%2fc%20d%7E");
    printf("unescape: %d\n", _gnutls_buffer_unescape(&b));
    show("unescaped", &b);
    _gnutls_buffer_clear(&b);
    show("cleared", &b);
    gnutls_global_deinit();
    return 0;
}
