/* Internals of the credentials room (src/cred/): the structs behind the
 * public credential handles and the per-session state this room keeps.
 *
 * Map of the room:
 *   ssl.c          gnossl_cred_new_ssl: one SSL_CTX per (credentials, side,
 *                  TLS/DTLS) built on first use, a process-wide CTX for
 *                  clients without own certificates; server request mode,
 *                  security callback (no judging of certificate digests or
 *                  key sizes: GnuTLS reports those in the status instead).
 *   trust.c        trust files/dirs/memory/system trust; parsed stores cached
 *                  per (path, dev, inode, size, mtime), shared by reference,
 *                  copied before a credentials object adds to one; CRLs.
 *   read.c keys.c  PEM/DER certificates, CRLs, keys; key pairs (chains
 *                  ordered leaf-to-root by issuer name, as GnuTLS loads them).
 *   keys-x509.c    the same from x509-room handles; get_crt_raw, get_issuer.
 *   retrieve.c     retrieve_function(2) through OpenSSL's certificate callback.
 *   verify.c       status bits from X509_verify_cert (errors collected, then
 *                  folded the way GnuTLS reports them), hostname/purpose/
 *                  must-staple checks, the in-handshake hook (OpenSSL's
 *                  cert_verify_callback) and gnossl_cred_handshake_done.
 *   verify-output.c the steps of a peer verification reported to the
 *                  session's gnutls_verify_output_function (trust-list walk).
 *   peers.c        peer chain captured in the handshake (or from the SSL on
 *                  resumption) and its DER copies; get_ours; peer times.
 *   status-print.c GnuTLS's verification sentence.
 *   psk.c anon.c   PSK (TLS 1.2 callbacks, TLS 1.3 external PSK sessions with
 *                  a SHA-256 suite) and anonymous credentials.
 *   dh.c ocsp.c    DH parameters; OCSP stapling by servers.
 * Not here: SRP, PKCS#12 helpers, raw public keys, PKCS#11 keys, SNI-based
 * choice among pairs (names of set_key), checking stapled responses. */
#ifndef GNOSSL_CRED_INT_H
#define GNOSSL_CRED_INT_H

#include "gnossl.h"
#include "cred/cred.h"
#include <pthread.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/* One certificate chain with its private key (set_x509_key_*). */
struct gnossl_keypair {
    X509 *cert;
    STACK_OF(X509) *chain; /* issuers after the leaf, may be NULL */
    EVP_PKEY *key;
    gnutls_datum_t der; /* the leaf in DER, for gnutls_certificate_get_ours */
    gnutls_datum_t *chain_der; /* DER of chain[i], made on demand (get_crt_raw) */
    gnutls_datum_t ocsp;       /* stapled OCSP response (DER), or empty */
    gnutls_status_request_ocsp_func ocsp_fn; /* or a function giving one */
    void *ocsp_ptr;
    gnutls_privkey_t gkey;     /* set_key: the application's key, now ours */
    gnutls_pcert_st *pcerts;   /* set_key: its certificates, now ours too */
    unsigned npcerts;
};

/* Indexes of the lazily built SSL_CTXs. */
enum { GNOSSL_CTX_TLS_CLIENT, GNOSSL_CTX_TLS_SERVER, GNOSSL_CTX_DTLS_CLIENT, GNOSSL_CTX_DTLS_SERVER, GNOSSL_CTX_N };

struct gnutls_certificate_credentials_st {
    pthread_mutex_t lock;
    X509_STORE *store;  /* trust anchors and CRLs; NULL until something is loaded */
    int store_shared;   /* store came from the process cache: copy before changing */
    char *store_key;    /* cache key of that shared store (trust.c), or NULL */
    unsigned ncas;      /* trust anchors loaded */
    unsigned ncrls;     /* CRLs loaded */
    struct gnossl_keypair *keys;
    unsigned nkeys;
    unsigned verify_flags;
    unsigned max_depth, max_bits;
    unsigned flags; /* gnutls_certificate_flags */
    gnutls_certificate_verify_function *verify_fn;
    EVP_PKEY *dh; /* explicit DH parameters, or NULL */
    gnutls_params_function *params_fn; /* asked per server session when dh is NULL */
    unsigned dh_sec_param; /* gnutls_sec_param_t: known_dh_params, or implied by dh */
    gnutls_pin_callback_t pin_fn; /* passwords of encrypted keys given without one */
    void *pin_data;
    SSL_CTX *ctx[GNOSSL_CTX_N];
    unsigned ctx_gen[GNOSSL_CTX_N]; /* gnossl_ext_custom_generation when made (ssl.c) */
    gnutls_certificate_retrieve_function2 *retrieve_fn2;
    gnutls_certificate_retrieve_function *retrieve_fn;
    gnutls_certificate_retrieve_function3 *retrieve_fn3; /* retrieve3.c */
    gnutls_x509_crt_t *issuers; /* handed out by get_issuer, freed with us */
    unsigned nissuers;
    gnutls_x509_trust_list_t tlist; /* set_trust_list: owned */
    gnutls_status_request_ocsp_func ocsp_fn; /* for every pair without its own */
    void *ocsp_ptr;
    int ocsp_any; /* some OCSP response or function is set: staple */
};

/* SSL_CTX_set_tlsext_status_cb handler of servers (ocsp.c). */
int gnossl_cred_ocsp_status_cb(SSL *ssl, void *arg);
/* Client: GNUTLS_CERT_* bits from the OCSP status of the peer's `chain`
 * (stapled response checked, must-staple), as GnuTLS's verification adds
 * them; records is_checked on the session (ocsp.c). */
/* Client: OpenSSL's status callback, once a TLS 1.2 CertificateStatus could
 * have arrived; runs the verification deferred until then (verify.c). */
int gnossl_cred_client_status_cb(SSL *ssl, void *arg);
unsigned gnossl_cred_ocsp_verify(gnutls_session_t s, X509_STORE *store, STACK_OF(X509) *chain, unsigned vflags);
/* Report the verification steps to the session's output function, if any
 * (verify-output.c): over `tlist`, else over a list built from `store`. */
void gnossl_cred_report_verify_output(gnutls_session_t s, gnutls_x509_trust_list_t tlist, X509_STORE *store,
                                      STACK_OF(X509) *chain, unsigned vflags, const gnutls_typed_vdata_st *data,
                                      unsigned elements);

/* Per-session state of this room (in the session's cred_state slot). */
struct gnossl_cred_session {
    int request_set;
    gnutls_certificate_request_t request;
    int rdn_sequence;                         /* gnutls_certificate_send_x509_rdn_sequence */
    gnutls_certificate_verify_function *verify_fn; /* gnutls_session_set_verify_function */
    gnutls_typed_vdata_st *vc_data;           /* set_verify_cert2, deep copy */
    unsigned vc_elements;
    STACK_OF(X509) *peer_chain;               /* captured in the handshake, leaf first */
    gnutls_datum_t *peer_der;
    unsigned npeer;
    X509 *peer_der_src;                       /* leaf the DER list was made from */
    char *psk_username;                       /* server: identity the client used */
    char *psk_hint;                           /* client: hint the server sent */
    int verify_ran;                           /* ran in the current handshake */
    int verify_deferred;                      /* client: waits for the status message */
    int psk_refused;                          /* server: no PSK mode fits (psk-hello.c) */
    unsigned char *retr_ocsp;                 /* server: response a retrieve_function3 gave */
    size_t retr_ocsp_len;
};

/* The state for `s`, created on first use (NULL only on allocation failure). */
struct gnossl_cred_session *gnossl_cred_session(gnutls_session_t s);

/* Add a chain (leaf first) and its key; takes ownership of both, and on
 * success of gkey/pcerts (what gnutls_certificate_set_key hands over,
 * released with the credentials; may be NULL/0).  Returns the pair's index
 * under GNUTLS_CERTIFICATE_API_V2, else 0. */
int gnossl_cert_cred_add_pair(gnutls_certificate_credentials_t c, STACK_OF(X509) *sk, EVP_PKEY *key,
                              gnutls_privkey_t gkey, gnutls_pcert_st *pcerts, unsigned npcerts);

/* SSL_CTX_set_cert_cb handler for the retrieve functions (retrieve.c). */
int gnossl_cred_retrieve_cb(SSL *ssl, void *arg);

/* Invalidate the SSL_CTXs after the credentials changed (call with lock held). */
void gnossl_cert_cred_changed(gnutls_certificate_credentials_t c);

/* A store the caller may modify (copy-on-write of a cached store); lock held. */
X509_STORE *gnossl_cert_cred_own_store(gnutls_certificate_credentials_t c);

/* A reference to the current store (X509_STORE_free it), or NULL. */
X509_STORE *gnossl_cert_cred_store_ref(gnutls_certificate_credentials_t c);

/* The code GnuTLS gives for data it cannot decode (read.c): DER whose
 * outer tag is no SEQUENCE fails on the tag, other DER on its encoding;
 * PEM without any header has no data, with one a base64 error. */
int gnossl_decode_error(const gnutls_datum_t *d, gnutls_x509_crt_fmt_t fmt);

/* Parse PEM or DER data into certificates / CRLs / a private key. */
STACK_OF(X509) *gnossl_read_certs(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt);
STACK_OF(X509_CRL) *gnossl_read_crls(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt);
EVP_PKEY *gnossl_read_key(const gnutls_datum_t *data, gnutls_x509_crt_fmt_t fmt, const char *pass);
int gnossl_read_file(const char *path, gnutls_datum_t *out); /* gnutls_free out->data */

/* The peer chain (leaf first) of the session: captured in the handshake or
 * taken from the SSL (resumed sessions).  NULL if none. */
STACK_OF(X509) *gnossl_cred_peer_chain(gnutls_session_t s);

/* Whether the session's handshake authenticated with certificates
 * (0 before a handshake and for PSK / anonymous / SRP). */
int gnossl_cred_cert_auth_used(gnutls_session_t s);

/* Verify the peer chain; status bits as GnuTLS computes them. */
int gnossl_cred_verify(gnutls_session_t s, const gnutls_typed_vdata_st *data, unsigned elements,
                       unsigned *status);

/* Handshake-time certificate hook (SSL_CTX_set_cert_verify_callback). */
int gnossl_cred_cert_verify_cb(X509_STORE_CTX *ctx, void *arg);

/* PSK and anonymous settings for a new SSL (src/cred/psk.c, anon.c). */
int gnossl_psk_apply(gnutls_session_t s, SSL *ssl, int is_server);
int gnossl_anon_apply(gnutls_session_t s, SSL *ssl, int is_server);

/* DH parameters as an EVP_PKEY (gnutls_dh_params_t internals, dh.c). */
EVP_PKEY *gnossl_dh_params_pkey(gnutls_dh_params_t p);
/* The security parameter GnuTLS records with explicit DH parameters (dh.c). */
unsigned gnossl_dh_sec_param_of(EVP_PKEY *dh);
/* The server DH choice of PSK and anonymous credentials, with one set of
 * helpers for both (params-function.c): explicit parameters, a params
 * callback asked when there are none, and the security parameter. */
struct gnossl_server_dh {
    EVP_PKEY *dh; /* explicit DH parameters, or NULL */
    gnutls_params_function *params_fn; /* asked when dh is NULL */
    unsigned dh_sec_param;
};
/* Replace the explicit parameters with p's (NULL p: none). */
void gnossl_server_dh_set(struct gnossl_server_dh *c, gnutls_dh_params_t p);
/* Returns the security parameter, *dh the explicit parameters (a new
 * reference, or NULL), *has_fn whether a params callback is set. */
unsigned gnossl_server_dh_settings(const struct gnossl_server_dh *c, EVP_PKEY **dh, int *has_fn);
/* Put the explicit parameters, else the callback's, else automatic ones
 * on a server SSL for key exchange kx. */
void gnossl_server_dh_apply(const struct gnossl_server_dh *c, gnutls_session_t s, SSL *ssl, gnutls_kx_algorithm_t kx);
/* gnossl_server_dh_settings of PSK and anonymous server credentials. */
unsigned gnossl_psk_dh_settings(gnutls_psk_server_credentials_t c, EVP_PKEY **dh, int *has_fn);
unsigned gnossl_anon_dh_settings(gnutls_anon_server_credentials_t c, EVP_PKEY **dh, int *has_fn);
/* The certificates a retrieve function returned, decoded; NULL if one does
 * not decode (retrieve.c). */
STACK_OF(X509) *gnossl_pcert_chain(const gnutls_pcert_st *pcert, unsigned npcert);
/* Run a gnutls_certificate_retrieve_function3 and put its choice on the
 * SSL: 1 on success (or nothing to send), 0 on failure (retrieve3.c). */
int gnossl_cred_run_fn3(gnutls_session_t s, gnutls_certificate_credentials_t c,
                        gnutls_certificate_retrieve_function3 *fn, SSL *ssl, const gnutls_datum_t *names,
                        int nnames);
/* gnossl_read_key for the credentials: an encrypted key given without a
 * password gets one from the pin callbacks; NULL with *err set (pin.c). */
EVP_PKEY *gnossl_read_key_cred(gnutls_certificate_credentials_t c, const gnutls_datum_t *data,
                               gnutls_x509_crt_fmt_t fmt, const char *pass, unsigned flags, int *err);
/* Ask a *_set_params_function callback for DH parameters and put them on a
 * server SSL: 1 if it gave some (params-function.c). */
int gnossl_params_fn_apply(gnutls_session_t s, SSL *ssl, gnutls_params_function *fn, gnutls_kx_algorithm_t kx,
                           gnutls_kx_algorithm_t kx2);

#endif
