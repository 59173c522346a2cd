/* gnutls_load_file: a whole file into a gnutls_malloc'ed, NUL-terminated datum. */
#include "gnossl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int gnutls_load_file(const char *filename, gnutls_datum_t *data)
{
    if (filename == NULL || data == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    FILE *f = fopen(filename, "rbe");
    if (f == NULL) {
        gnossl_debug("gnutls_load_file: %s: %s", filename, strerror(errno));
        return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    }
    size_t cap = 4096, len = 0;
    unsigned char *buf = gnutls_malloc(cap);
    int ret = 0;
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len - 1, f);
        if (ferror(f)) {
            ret = GNUTLS_E_FILE_ERROR;
            break;
        }
        if (feof(f))
            break;
        if (len + 1 == cap) {
            unsigned char *grown = cap < (1u << 30) ? gnutls_realloc(buf, cap * 2) : NULL;
            if (grown == NULL) {
                ret = GNUTLS_E_MEMORY_ERROR;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    if (ret < 0) {
        gnutls_free(buf);
        return GNOSSL_ERR(ret);
    }
    buf[len] = 0;
    data->data = buf;
    data->size = (unsigned)len;
    return 0;
}
