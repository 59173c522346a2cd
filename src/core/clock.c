/* gnutls_global_set_time_function: one process-wide replacement of time(),
 * read by every certificate, CRL and OCSP date check. */
#include "gnossl.h"
#include "core/clock.h"

static gnutls_time_func time_fn; /* NULL: the system clock */

void gnutls_global_set_time_function(gnutls_time_func time_func)
{
    __atomic_store_n(&time_fn, time_func, __ATOMIC_RELEASE);
}

time_t gnossl_time(void)
{
    gnutls_time_func fn = __atomic_load_n(&time_fn, __ATOMIC_ACQUIRE);
    return fn != NULL ? fn(NULL) : time(NULL);
}

int gnossl_cmp_now(const ASN1_TIME *t, time_t offset)
{
    time_t now = gnossl_time() + offset;
    return X509_cmp_time(t, &now);
}

void gnossl_verify_param_time(X509_VERIFY_PARAM *param)
{
    /* Without a time function OpenSSL reads the clock itself, as before. */
    if (__atomic_load_n(&time_fn, __ATOMIC_ACQUIRE) == NULL ||
        (X509_VERIFY_PARAM_get_flags(param) & X509_V_FLAG_NO_CHECK_TIME))
        return;
    X509_VERIFY_PARAM_set_time(param, gnossl_time());
}

int gnossl_dated_store(X509_STORE *store, X509_STORE **dated)
{
    *dated = NULL;
    if (__atomic_load_n(&time_fn, __ATOMIC_ACQUIRE) == NULL)
        return 0;
    X509_STORE *d = X509_STORE_new();
    STACK_OF(X509) *certs = X509_STORE_get1_all_certs(store);
    int ok = d != NULL && certs != NULL;
    for (int i = 0; ok && i < sk_X509_num(certs); i++)
        ok = X509_STORE_add_cert(d, sk_X509_value(certs, i)) == 1;
    sk_X509_pop_free(certs, X509_free);
    if (!ok) {
        X509_STORE_free(d);
        return -1;
    }
    gnossl_verify_param_time(X509_STORE_get0_param(d));
    *dated = d;
    return 0;
}
