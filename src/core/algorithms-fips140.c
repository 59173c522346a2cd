/* FIPS 140 mode queries.  gnossl never runs in GnuTLS's FIPS mode (Debian's
 * GnuTLS is not built with it either), so these answer as such a build
 * does: mode disabled, contexts exist but cannot be pushed, and the
 * operation state never leaves "initial". */
#include "gnossl.h"

#include <stdlib.h>

struct gnutls_fips140_context_st {
    gnutls_fips140_operation_state_t state;
};

unsigned gnutls_fips140_mode_enabled(void)
{
    return 0;
}

void gnutls_fips140_set_mode(gnutls_fips_mode_t mode, unsigned flags)
{
    (void)mode;
    (void)flags;
    gnossl_debug("gnutls_fips140_set_mode: FIPS mode is not available; ignored");
}

int gnutls_fips140_context_init(gnutls_fips140_context_t *context)
{
    if (context == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    *context = calloc(1, sizeof **context);
    if (*context == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    (*context)->state = GNUTLS_FIPS140_OP_INITIAL;
    return 0;
}

void gnutls_fips140_context_deinit(gnutls_fips140_context_t context)
{
    free(context);
}

gnutls_fips140_operation_state_t gnutls_fips140_get_operation_state(gnutls_fips140_context_t context)
{
    return context != NULL ? context->state : GNUTLS_FIPS140_OP_INITIAL;
}

int gnutls_fips140_push_context(gnutls_fips140_context_t context)
{
    (void)context;
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}

int gnutls_fips140_pop_context(void)
{
    return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
}
