/* gnutls_global_set_mutex.  GnuTLS 3.7.9 only stores the four functions
 * (since 3.7.3 it no longer re-initialises the library) and uses them for
 * a few per-session locks.  gnossl's locking is pthreads and OpenSSL's
 * own, so the functions are accepted and not used: a program that sets
 * them (before or after gnutls_global_init) works the same; only its own
 * counters, if it keeps any, see fewer calls. */
#include "gnossl.h"

void gnutls_global_set_mutex(mutex_init_func init, mutex_deinit_func deinit, mutex_lock_func lock,
                             mutex_unlock_func unlock)
{
    (void)init;
    (void)deinit;
    (void)lock;
    (void)unlock;
}
