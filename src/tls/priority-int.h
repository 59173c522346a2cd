/* Internals of the priority files (src/tls/priority*.c): the compiled
 * gnutls_priority_st and the keyword tables the grammar uses. */
#ifndef GNOSSL_TLS_PRIORITY_INT_H
#define GNOSSL_TLS_PRIORITY_INT_H

#include "gnossl.h"
#include <stdint.h>

/* GnuTLS keeps at most this many algorithms per list and this many
 * ':'-separated elements per string (GNUTLS_MAX_ALGORITHM_NUM). */
#define PRIO_MAX_ALGOS 128
#define PRIO_MAX_ELEMENTS 128
#define PRIO_MAX_SUITES 256

struct gnossl_prio_list {
    unsigned n;
    unsigned v[PRIO_MAX_ALGOS];
};

enum gnossl_prio_sr { PRIO_SR_PARTIAL = 0, PRIO_SR_SAFE, PRIO_SR_UNSAFE, PRIO_SR_DISABLED };

struct gnutls_priority_st {
    int refs; /* atomic */

    /* What the getters report, as GnuTLS keeps it after finalising. */
    struct gnossl_prio_list protocol, cipher, mac, kx, sign, groups, client_ctype, server_ctype;
    unsigned short suites[PRIO_MAX_SUITES]; /* indices into gnossl_suites[] */
    unsigned n_suites;

    unsigned profile; /* verification profile (gnutls_certificate_verification_profiles_t) */
    int level; /* gnutls_sec_param_t used for DH sizes */
    unsigned verify_flags; /* additional verification flags (profile in the top byte) */
    unsigned flags; /* GNOSSL_PRIO_* */
    unsigned char no_tickets, no_tickets_tls12, server_precedence, no_extensions, no_etm,
        force_etm, no_ems, dumbfw, allow_small_records, allow_large_records, fallback,
        key_usage_violations, tls13_compat_mode, min_record_version, have_cbc, sr;

    /* Compiled for OpenSSL (filled once by gnossl_prio_build). */
    int tls_min, tls_max, dtls_min, dtls_max;
    uint64_t tls_no_ops, dtls_no_ops; /* SSL_OP_NO_TLSv1_x holes */
    uint64_t op_set, op_clear;
    int mode_fallback;
    int seclevel, dtls_seclevel;
    unsigned char tls_unusable, dtls_unusable; /* no version OpenSSL can run */
    char *cipher_list; /* TLS <= 1.2 suites, OpenSSL names; NULL if none */
    char *ciphersuites; /* TLS 1.3 suites; "" if none */
    char *groups_list; /* NULL: leave OpenSSL's default */
    char *sigalgs_list; /* NULL: leave OpenSSL's default */
    char *lists_key; /* the four lists above in one string, to recognise an
                      * SSL_CTX that already carries them */
};

/* ---- keyword tables (priority-tables.c) ---- */
struct gnossl_prio_name {
    const char *name;
    unsigned id;
};
/* Each lookup is case-insensitive, as GnuTLS's *_get_id are; 0 = unknown. */
unsigned gnossl_prio_mac_id(const char *name);
/* Returns 1 if `name` is a cipher GnuTLS knows; *id is 0 when the cipher
 * exists in name only (GnuTLS then ignores the item silently). */
int gnossl_prio_cipher_lookup(const char *name, unsigned *id);
unsigned gnossl_prio_kx_id(const char *name);
unsigned gnossl_prio_version_id(const char *name);
unsigned gnossl_prio_sign_id(const char *name);
unsigned gnossl_prio_group_id(const char *name);
unsigned gnossl_prio_curve_id(const char *name);
unsigned gnossl_prio_ctype_id(const char *name);

/* Keyword levels: NORMAL, PFS, ... */
struct gnossl_prio_level {
    const char *name, *alias;
    const int *proto, *cipher, *mac, *kx, *sign, *group;
    unsigned profile;
    int sec_param;
    unsigned char no_tickets, no_tickets_tls12;
};
extern const struct gnossl_prio_level gnossl_prio_levels[];

extern const int gnossl_prio_protocols_all[], gnossl_prio_protocols_stream[], gnossl_prio_protocols_dgram[],
    gnossl_prio_protocols_dtls[];
extern const int gnossl_prio_ctype_default[], gnossl_prio_ctype_all[];
extern const int gnossl_prio_sign_default[], gnossl_prio_groups_normal[], gnossl_prio_groups_dh[], gnossl_prio_groups_ecdh[],
    gnossl_prio_empty[];
extern const int gnossl_prio_cipher_normal[], gnossl_prio_mac_normal[], gnossl_prio_kx_secure[];
extern const int gnossl_prio_cipher_gost[], gnossl_prio_mac_gost[], gnossl_prio_kx_gost[], gnossl_prio_sign_gost[],
    gnossl_prio_groups_gost[];

/* % options, matched exactly (case-sensitive, like GnuTLS's gperf table). */
typedef void (*gnossl_prio_option_fn)(struct gnutls_priority_st *p);
gnossl_prio_option_fn gnossl_prio_option_find(const char *name);
const char *gnossl_prio_special_name(unsigned iter); /* for gnutls_priority_string_list */

/* Cipher suites, in GnuTLS's table order (the index is what
 * gnutls_priority_get_cipher_suite_index reports). */
/* Index into gnossl_suites[] (core/algorithms.h) of a kx/cipher/mac triple. */
int gnossl_prio_suite_find(unsigned kx, unsigned cipher, unsigned mac); /* index or -1 */

/* OpenSSL names for groups and signature schemes (NULL: none). */
const char *gnossl_prio_group_ossl(unsigned group);
const char *gnossl_prio_sign_ossl(unsigned sign);
unsigned gnossl_prio_sign_tls_code(unsigned sign); /* two-byte code point, 0 if none */
int gnossl_prio_group_is_ec(unsigned group);
int gnossl_prio_group_is_dh(unsigned group);

/* ---- system configuration (priority-system.c) ---- */
/* A malloc'd copy of the default priority string (the config file's
 * override or the built-in one). */
char *gnossl_prio_default_string(void);
/* Resolve "@KEY1,KEY2[:rest]" into a malloc'd string, or NULL if no key
 * matches; strings not starting with '@' (after spaces) are duplicated. */
char *gnossl_prio_resolve(const char *s);

/* A number that changes whenever the configuration read so far may have
 * changed (the file appeared, vanished or was re-read).  Loads the file on
 * first use; with `refresh`, first checks it for edits as "@KEYWORD"
 * resolution does. */
unsigned long gnossl_prio_config_generation(int refresh);

/* What the config file's [overrides] section disables (blocklist mode). */
#define PRIO_POLICY_MAX 64
struct gnossl_prio_policy {
    unsigned ciphers[PRIO_POLICY_MAX], macs[PRIO_POLICY_MAX], groups[PRIO_POLICY_MAX],
        kxs[PRIO_POLICY_MAX], versions[PRIO_POLICY_MAX];
    unsigned n_ciphers, n_macs, n_groups, n_kxs, n_versions;
    unsigned min_profile; /* min-verification-profile, 0 = none */
};
/* A snapshot of the current policy (the file is read on first use). */
void gnossl_prio_system_policy(struct gnossl_prio_policy *out);

/* ---- compiling (priority-compile.c) ---- */
/* Finalise the parsed lists as GnuTLS does and compile the OpenSSL
 * settings; GNUTLS_E_NO_PRIORITIES_WERE_SET if nothing is left. */
int gnossl_prio_build(struct gnutls_priority_st *p);
void gnossl_prio_free(struct gnutls_priority_st *p);

/* gnutls_priority_init without the cache of compiled strings (priority-init.c). */
int gnossl_priority_compile(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos);

#endif
