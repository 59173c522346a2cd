/* Fuzz the priority-string parser: gnutls_priority_init2 on the input as a
 * string (byte 0 chooses plain or DEF_APPEND).  Invariant checked: on a
 * syntax error err_pos points inside the string (or at its end). */
#include <gnutls/gnutls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    static gnutls_session_t s;
    if (!ready) {
        gnutls_global_init();
        gnutls_init(&s, GNUTLS_CLIENT);
        ready = 1;
    }
    if (size < 1)
        return 0;
    unsigned flags = (data[0] & 1) ? GNUTLS_PRIORITY_INIT_DEF_APPEND : 0;
    char *str = malloc(size);
    memcpy(str, data + 1, size - 1);
    str[size - 1] = 0;
    size_t len = strlen(str);
    gnutls_priority_t p = NULL;
    const char *err = NULL;
    int r = gnutls_priority_init2(&p, str, &err, flags);
    if (r == GNUTLS_E_INVALID_REQUEST && err != NULL) {
        if (err < str || err > str + len) {
            fprintf(stderr, "err_pos %td outside the string of length %zu\n", err - str, len);
            abort();
        }
    }
    if (r == 0) {
        const unsigned *list;
        gnutls_priority_protocol_list(p, &list);
        gnutls_priority_cipher_list(p, &list);
        gnutls_priority_kx_list(p, &list);
        gnutls_priority_sign_list(p, &list);
        gnutls_priority_group_list(p, &list);
        unsigned idx;
        for (unsigned i = 0; i < 300; i++)
            if (gnutls_priority_get_cipher_suite_index(p, i, &idx) == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
                break;
        gnutls_priority_set(s, p);
        gnutls_priority_deinit(p);
    }
    if (!(data[0] & 2)) {
        err = NULL;
        r = gnutls_priority_set_direct(s, str, &err);
        if (r == GNUTLS_E_INVALID_REQUEST && err != NULL && (err < str || err > str + len))
            abort();
    }
    free(str);
    return 0;
}
