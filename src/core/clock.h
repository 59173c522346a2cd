/* The library's idea of "now": time(), unless the application replaced it
 * with gnutls_global_set_time_function (test suites, programs that check
 * certificates as of a date).  Every date check goes through here. */
#ifndef GNOSSL_CLOCK_H
#define GNOSSL_CLOCK_H

#include <openssl/x509.h>
#include <time.h>

time_t gnossl_time(void);

/* X509_cmp_time of `t` against now + `offset` seconds. */
int gnossl_cmp_now(const ASN1_TIME *t, time_t offset);

/* Make OpenSSL's date checks in a verification use gnossl_time(); call
 * after the flags are set: with X509_V_FLAG_NO_CHECK_TIME nothing is set,
 * as OpenSSL's fixed check time would otherwise override that flag. */
void gnossl_verify_param_time(X509_VERIFY_PARAM *param);

/* For OpenSSL calls that verify against a store's own parameters
 * (OCSP_basic_verify): without a time function *dated = NULL (use
 * `store`), else a new store of the same certificates dated by it, which
 * the caller frees.  -1 when that store cannot be made. */
int gnossl_dated_store(X509_STORE *store, X509_STORE **dated);

#endif
