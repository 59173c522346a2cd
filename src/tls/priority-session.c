/* Setting priorities on a session.  The session stores the priority through
 * gnossl_session_set_priority (session code), which takes a reference. */
#include "gnossl.h"
#include "tls/priority.h"
#include "tls/priority-int.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- shared compiled priorities ----
 * For gnutls_priority_init (and so gnutls_priority_set_direct and
 * gnutls_set_default_priority).  Applications call these with the same
 * string for every session; compiling it each time cost ~73k instructions
 * and a private ~5 KB object per session.  A compiled priority is never
 * modified after gnutls_priority_init returns and is reference counted, so
 * sessions with identical strings can share one.
 *
 * The key is the exact string (or "none" for the default) plus the
 * configuration generation: an edited, added or removed system priority file
 * gives new keys, exactly when an uncached compile would see the change.
 * Only successful compiles are kept; errors are recomputed every time, so
 * err_pos always points into the caller's own string. */

#define PC_SLOTS 8
#define PC_MAX_STRING 1024 /* longer strings are compiled, not kept */

struct pc_slot {
    char *str; /* NULL: the default priority */
    int used;
    unsigned long gen, stamp;
    gnutls_priority_t p; /* the cache's own reference */
};

static pthread_mutex_t pc_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pc_slot pc_slots[PC_SLOTS];
static unsigned long pc_clock;

static int pc_same_key(const struct pc_slot *e, const char *s, unsigned long gen)
{
    if (!e->used || e->gen != gen)
        return 0;
    if (s == NULL || e->str == NULL)
        return s == NULL && e->str == NULL;
    return strcmp(e->str, s) == 0;
}

/* "@KEYWORD" strings are resolved against the file each time, which also
 * re-reads it if it changed: do the same before choosing the key. */
static int pc_wants_refresh(const char *s)
{
    if (s == NULL)
        return 0;
    while (isspace((unsigned char)*s))
        s++;
    return *s == '@';
}

static gnutls_priority_t pc_lookup(const char *s, unsigned long gen)
{
    gnutls_priority_t p = NULL;
    pthread_mutex_lock(&pc_lock);
    for (unsigned i = 0; i < PC_SLOTS; i++)
        if (pc_same_key(&pc_slots[i], s, gen)) {
            p = pc_slots[i].p;
            gnossl_priority_ref(p);
            pc_slots[i].stamp = ++pc_clock;
            break;
        }
    pthread_mutex_unlock(&pc_lock);
    return p;
}

/* Keep `p` (the caller keeps its own reference); evicts the least recently
 * used slot.  A failure to copy the key just leaves p uncached. */
static void pc_insert(const char *s, unsigned long gen, gnutls_priority_t p)
{
    char *key = NULL;
    if (s != NULL && (key = strdup(s)) == NULL)
        return;
    gnutls_priority_t old = NULL;
    char *old_key = NULL;
    pthread_mutex_lock(&pc_lock);
    unsigned victim = 0;
    for (unsigned i = 0; i < PC_SLOTS; i++) {
        if (pc_same_key(&pc_slots[i], s, gen)) { /* another thread was first */
            pthread_mutex_unlock(&pc_lock);
            free(key);
            return;
        }
        if (!pc_slots[i].used) {
            if (pc_slots[victim].used)
                victim = i;
        } else if (pc_slots[victim].used && pc_slots[i].stamp < pc_slots[victim].stamp) {
            victim = i;
        }
    }
    struct pc_slot *e = &pc_slots[victim];
    if (e->used) {
        old = e->p;
        old_key = e->str;
    }
    gnossl_priority_ref(p);
    e->str = key;
    e->gen = gen;
    e->p = p;
    e->used = 1;
    e->stamp = ++pc_clock;
    pthread_mutex_unlock(&pc_lock);
    free(old_key);
    gnossl_priority_unref(old); /* sessions still holding it keep it alive */
}

static int prio_shared(gnutls_priority_t *out, const char *priorities, const char **err_pos)
{
    if (out == NULL || (priorities != NULL && strlen(priorities) > PC_MAX_STRING))
        return gnossl_priority_compile(out, priorities, err_pos);

    unsigned long gen = gnossl_prio_config_generation(pc_wants_refresh(priorities));
    gnutls_priority_t p = pc_lookup(priorities, gen);
    if (p != NULL) {
        /* what a successful gnutls_priority_init leaves */
        if (err_pos != NULL)
            *err_pos = priorities;
        *out = p;
        return 0;
    }
    int ret = gnossl_priority_compile(out, priorities, err_pos);
    /* Keep it only if the configuration did not change while compiling. */
    if (ret == 0 && gnossl_prio_config_generation(0) == gen)
        pc_insert(priorities, gen, *out);
    return ret;
}

/* Drop the cache's references when the library is unloaded (sessions hold
 * their own), so leak checkers see nothing left behind. */
__attribute__((destructor)) static void pc_cache_release(void)
{
    pthread_mutex_lock(&pc_lock);
    for (unsigned i = 0; i < PC_SLOTS; i++)
        if (pc_slots[i].used) {
            gnossl_priority_unref(pc_slots[i].p);
            free(pc_slots[i].str);
            pc_slots[i].used = 0;
            pc_slots[i].str = NULL;
            pc_slots[i].p = NULL;
        }
    pthread_mutex_unlock(&pc_lock);
}

/* The caller gets its own reference to an object that may be shared with
 * other callers of the same string: it is immutable once built, and
 * gnutls_priority_deinit drops only that reference. */
int gnutls_priority_init(gnutls_priority_t *priority_cache, const char *priorities, const char **err_pos)
{
    return prio_shared(priority_cache, priorities, err_pos);
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
