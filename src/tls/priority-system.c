/* The system-wide priority configuration: /etc/gnutls/config (or
 * $GNUTLS_SYSTEM_PRIORITY_FILE), its [priorities] keywords for "@KEYWORD"
 * strings and the [overrides] default-priority-string. */
#include "gnossl.h"
#include "tls/priority-int.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Debian 12's GnuTLS 3.7.9 is built with the upstream default (checked
 * against the real library: the NULL string behaves exactly as "NORMAL"). */
#define BUILTIN_DEFAULT "NORMAL"
#define SYSTEM_FILE "/etc/gnutls/config"

struct kv {
    char *name, *value;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded;
static int have_file; /* the last refresh found a file */
static unsigned long generation; /* bumped whenever what was read may differ */
static struct timespec loaded_mtime;
static struct kv *keywords;
static size_t n_keywords;
static char *default_override;
static struct gnossl_prio_policy policy;

static const char *config_path(void)
{
    const char *p = secure_getenv("GNUTLS_SYSTEM_PRIORITY_FILE");
    return p != NULL ? p : SYSTEM_FILE;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

/* Values lose leading spaces and end at the first space, like GnuTLS. */
static char *value_dup(const char *v)
{
    while (isspace((unsigned char)*v))
        v++;
    size_t n = 0;
    while (v[n] != 0 && !isspace((unsigned char)v[n]))
        n++;
    return strndup(v, n);
}

static void clear_config(void)
{
    for (size_t i = 0; i < n_keywords; i++) {
        free(keywords[i].name);
        free(keywords[i].value);
    }
    free(keywords);
    keywords = NULL;
    n_keywords = 0;
    memset(&policy, 0, sizeof policy);
    /* default_override is kept until replaced: callers copy it under the lock */
}

static void policy_add(unsigned *v, unsigned *n, unsigned id, const char *key, const char *value)
{
    if (id == 0) {
        gnossl_debug("priority: config %s: unknown '%s'", key, value);
        return;
    }
    if (*n < PRIO_POLICY_MAX)
        v[(*n)++] = id;
}

static unsigned profile_id(const char *name)
{
    static const struct gnossl_prio_name profiles[] = {
        {"very weak", GNUTLS_PROFILE_VERY_WEAK}, {"low", GNUTLS_PROFILE_LOW},
        {"legacy", GNUTLS_PROFILE_LEGACY},       {"medium", GNUTLS_PROFILE_MEDIUM},
        {"high", GNUTLS_PROFILE_HIGH},           {"ultra", GNUTLS_PROFILE_ULTRA},
        {"future", GNUTLS_PROFILE_FUTURE},       {"suiteb128", GNUTLS_PROFILE_SUITEB128},
        {"suiteb192", GNUTLS_PROFILE_SUITEB192}, {NULL, 0}};
    for (const struct gnossl_prio_name *p = profiles; p->name != NULL; p++)
        if (strcasecmp(p->name, name) == 0)
            return p->id;
    return 0;
}

/* One [overrides] line (blocklist mode). */
static void override_line(const char *key, const char *raw)
{
    char *value = value_dup(raw);
    unsigned id = 0;
    if (value == NULL)
        return;
    if (strcasecmp(key, "default-priority-string") == 0) {
        free(default_override);
        default_override = value;
        return;
    }
    if (strcasecmp(key, "tls-disabled-cipher") == 0) {
        if (!gnossl_prio_cipher_lookup(value, &id))
            id = 0;
        policy_add(policy.ciphers, &policy.n_ciphers, id, key, value);
    } else if (strcasecmp(key, "tls-disabled-mac") == 0) {
        policy_add(policy.macs, &policy.n_macs, gnossl_prio_mac_id(value), key, value);
    } else if (strcasecmp(key, "tls-disabled-group") == 0) {
        const char *g = strncasecmp(value, "GROUP-", 6) == 0 ? value + 6 : value;
        policy_add(policy.groups, &policy.n_groups, gnossl_prio_group_id(g), key, value);
    } else if (strcasecmp(key, "tls-disabled-kx") == 0) {
        policy_add(policy.kxs, &policy.n_kxs, gnossl_prio_kx_id(value), key, value);
    } else if (strcasecmp(key, "disabled-version") == 0) {
        policy_add(policy.versions, &policy.n_versions, gnossl_prio_version_id(value), key, value);
    } else if (strcasecmp(key, "min-verification-profile") == 0) {
        policy.min_profile = profile_id(value);
    } else {
        /* signature/hash/curve policies belong to the crypto and x509 code */
        gnossl_debug("priority: config [overrides] %s not interpreted here", key);
    }
    free(value);
}

static void add_keyword(const char *name, const char *value)
{
    struct kv *k = realloc(keywords, (n_keywords + 1) * sizeof *k);
    if (k == NULL)
        return;
    keywords = k;
    keywords[n_keywords].name = strdup(name);
    keywords[n_keywords].value = value_dup(value);
    if (keywords[n_keywords].name == NULL || keywords[n_keywords].value == NULL) {
        free(keywords[n_keywords].name);
        free(keywords[n_keywords].value);
        return;
    }
    n_keywords++;
}

/* (Re)read the file if it changed since the last read.  Lock held. */
static void refresh_locked(void)
{
    const char *path = config_path();
    struct stat st;
    if (stat(path, &st) != 0) {
        if (loaded)
            gnossl_debug("priority: %s is gone", path);
        clear_config();
        free(default_override);
        default_override = NULL;
        if (!loaded || have_file)
            generation++;
        loaded = 1;
        have_file = 0;
        loaded_mtime.tv_sec = 0;
        loaded_mtime.tv_nsec = 0;
        return;
    }
    if (loaded && st.st_mtim.tv_sec == loaded_mtime.tv_sec && st.st_mtim.tv_nsec == loaded_mtime.tv_nsec)
        return;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    clear_config();
    free(default_override);
    default_override = NULL;

    char line[4096], section[128] = "", prev[256] = "";
    while (fgets(line, sizeof line, f) != NULL) {
        int indented = isspace((unsigned char)line[0]) && line[0] != '\n';
        char *l = trim(line);
        if (*l == 0 || *l == '#' || *l == ';')
            continue;
        /* an indented line continues the previous key's value (an ini
         * multi-line value): the key gets this line as another value */
        if (indented && prev[0] != 0) {
            if (section[0] == 0 || strcasecmp(section, "priorities") == 0)
                add_keyword(prev, l);
            else if (strcasecmp(section, "overrides") == 0)
                override_line(prev, l);
            continue;
        }
        if (*l == '[') {
            char *e = strchr(l, ']');
            if (e != NULL) {
                *e = 0;
                snprintf(section, sizeof section, "%s", trim(l + 1));
            }
            prev[0] = 0;
            continue;
        }
        char *eq = strchr(l, '=');
        if (eq == NULL)
            continue;
        *eq = 0;
        char *name = trim(l), *value = eq + 1;
        snprintf(prev, sizeof prev, "%s", name);
        if (section[0] == 0 || strcasecmp(section, "priorities") == 0) {
            add_keyword(name, value);
        } else if (strcasecmp(section, "overrides") == 0) {
            override_line(name, value);
        }
    }
    fclose(f);
    generation++;
    loaded = 1;
    have_file = 1;
    loaded_mtime = st.st_mtim;
    gnossl_debug("priority: read %s (%zu keywords%s)", path, n_keywords,
                 default_override ? ", default overridden" : "");
}

unsigned long gnossl_prio_config_generation(int refresh)
{
    pthread_mutex_lock(&lock);
    if (!loaded || refresh)
        refresh_locked();
    unsigned long g = generation;
    pthread_mutex_unlock(&lock);
    return g;
}

char *gnossl_prio_default_string(void)
{
    char *s;
    pthread_mutex_lock(&lock);
    if (!loaded)
        refresh_locked();
    s = strdup(default_override != NULL && default_override[0] != 0 ? default_override : BUILTIN_DEFAULT);
    pthread_mutex_unlock(&lock);
    return s;
}

void gnossl_prio_system_policy(struct gnossl_prio_policy *out)
{
    pthread_mutex_lock(&lock);
    if (!loaded)
        refresh_locked();
    *out = policy;
    pthread_mutex_unlock(&lock);
}

char *gnossl_prio_resolve(const char *s)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p != '@')
        return strdup(p);

    const char *ss = p + 1, *additional = strchr(ss, ':');
    char *resolved = NULL;
    if (additional != NULL)
        additional++;

    pthread_mutex_lock(&lock);
    refresh_locked(); /* pick up edits without a restart */
    /* "@A,B,C:rest": the first keyword the file defines wins */
    while (ss != NULL && resolved == NULL) {
        const char *next = strchr(ss, ',');
        size_t len;
        if (next != NULL && additional != NULL && next > additional)
            next = NULL;
        if (next != NULL)
            len = (size_t)(next - ss), next++;
        else if (additional != NULL)
            len = (size_t)(additional - ss - 1);
        else
            len = strlen(ss);
        for (size_t i = 0; i < n_keywords; i++) {
            if (strlen(keywords[i].name) != len || strncmp(keywords[i].name, ss, len) != 0)
                continue;
            const char *v = keywords[i].value;
            size_t n = strlen(v), n2 = additional != NULL ? strlen(additional) : 0;
            resolved = malloc(n + n2 + 2);
            if (resolved != NULL) {
                memcpy(resolved, v, n);
                if (additional != NULL) {
                    resolved[n] = ':';
                    memcpy(resolved + n + 1, additional, n2 + 1);
                } else {
                    resolved[n] = 0;
                }
            }
            break;
        }
        ss = next;
    }
    pthread_mutex_unlock(&lock);
    if (resolved != NULL)
        gnossl_debug("priority: '%s' resolved to '%s'", s, resolved);
    return resolved;
}
