/* Setting priorities on a session.  The session stores the priority through
 * gnossl_session_set_priority (session code), which takes a reference. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"

/* Weak until the session code (which defines it) is in the library. */
#pragma weak gnossl_session_set_priority

int gnutls_priority_set(gnutls_session_t session, gnutls_priority_t priority)
{
    if (session == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (priority == NULL || priority->protocol.n == 0 || priority->n_suites == 0)
        return GNOSSL_ERR(GNUTLS_E_NO_PRIORITIES_WERE_SET);
    if (gnossl_session_set_priority == NULL)
        return GNOSSL_ERR(GNUTLS_E_INTERNAL_ERROR);
    gnossl_session_set_priority(session, priority);
    return 0;
}

int gnutls_priority_set_direct(gnutls_session_t session, const char *priorities, const char **err_pos)
{
    gnutls_priority_t p;
    int ret = gnutls_priority_init(&p, priorities, err_pos);
    if (ret < 0)
        return ret;
    ret = gnutls_priority_set(session, p);
    gnutls_priority_deinit(p); /* the session keeps its own reference */
    return ret;
}

int gnutls_set_default_priority(gnutls_session_t session)
{
    return gnutls_priority_set_direct(session, NULL, NULL);
}

int gnutls_set_default_priority_append(gnutls_session_t session, const char *add_prio, const char **err_pos,
                                       unsigned flags)
{
    gnutls_priority_t p;
    (void)flags;
    int ret = gnutls_priority_init2(&p, add_prio, err_pos, GNUTLS_PRIORITY_INIT_DEF_APPEND);
    if (ret < 0)
        return ret;
    ret = gnutls_priority_set(session, p);
    gnutls_priority_deinit(p);
    return ret;
}
