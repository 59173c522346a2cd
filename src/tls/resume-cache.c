/* Decoded session blobs, kept per blob for gnutls_session_set_data.
 *
 * A client reconnecting hands the same blob to every new session.  Decoding
 * it (d2i_SSL_SESSION) decodes the peer's certificates and their public keys,
 * one of OpenSSL 3.0's slow paths: about 1.5M instructions, a quarter of a
 * resumption.  So the last few blobs are kept decoded, keyed by their exact
 * bytes, and each session gets its own SSL_SESSION_dup of the decoded one:
 * OpenSSL may mark a session it used as not resumable (a fatal alert), and
 * that must not reach the next session given the same blob.
 *
 * The cache holds session secrets the application may have dropped, so it
 * is small, entries go when the session's own lifetime ends, and evicted
 * blobs are wiped. */
#include "gnossl.h"
#include "tls/resume-cache.h"

#include <openssl/crypto.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RC_SLOTS 4
#define RC_MAX_BLOB 16384 /* larger blobs are decoded, not kept */

struct rc_slot {
    unsigned char *blob; /* NULL: free slot */
    size_t len;
    SSL_SESSION *sess; /* never given out: sessions get copies */
    unsigned long stamp;
};

static pthread_mutex_t rc_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rc_slot rc_slots[RC_SLOTS];
static unsigned long rc_clock;

static void rc_clear(struct rc_slot *e)
{
    OPENSSL_clear_free(e->blob, e->len);
    SSL_SESSION_free(e->sess); /* wipes the master key */
    memset(e, 0, sizeof *e);
}

/* Times come from the blob: a nonsense one only means "do not keep". */
static int rc_expired(const SSL_SESSION *sess, time_t now)
{
    long age;
    if (__builtin_sub_overflow((long)now, SSL_SESSION_get_time(sess), &age))
        return 1;
    return age > SSL_SESSION_get_timeout(sess);
}

/* Under rc_lock: the slot holding `blob`, dropping expired slots on the way. */
static struct rc_slot *rc_find(const unsigned char *blob, size_t len)
{
    time_t now = time(NULL);
    struct rc_slot *hit = NULL;
    for (unsigned i = 0; i < RC_SLOTS; i++) {
        struct rc_slot *e = &rc_slots[i];
        if (e->blob == NULL)
            continue;
        if (rc_expired(e->sess, now))
            rc_clear(e);
        else if (e->len == len && memcmp(e->blob, blob, len) == 0)
            hit = e;
    }
    return hit;
}

/* Under rc_lock: keep `sess` (the cache's own reference) for `blob`. */
static void rc_insert(const unsigned char *blob, size_t len, SSL_SESSION *sess)
{
    unsigned char *copy = malloc(len);
    if (copy == NULL || !SSL_SESSION_up_ref(sess)) {
        free(copy);
        return;
    }
    memcpy(copy, blob, len);
    struct rc_slot *victim = &rc_slots[0];
    for (unsigned i = 0; i < RC_SLOTS && victim->blob != NULL; i++)
        if (rc_slots[i].blob == NULL || rc_slots[i].stamp < victim->stamp)
            victim = &rc_slots[i];
    if (victim->blob != NULL)
        rc_clear(victim);
    victim->blob = copy;
    victim->len = len;
    victim->sess = sess;
    victim->stamp = ++rc_clock;
}

SSL_SESSION *gnossl_session_decode(const unsigned char *blob, size_t len)
{
    if (len > RC_MAX_BLOB) {
        const unsigned char *p = blob;
        return d2i_SSL_SESSION(NULL, &p, (long)len);
    }
    SSL_SESSION *copy = NULL;
    pthread_mutex_lock(&rc_lock);
    struct rc_slot *e = rc_find(blob, len);
    if (e != NULL) {
        e->stamp = ++rc_clock;
        copy = SSL_SESSION_dup(e->sess);
    }
    pthread_mutex_unlock(&rc_lock);
    if (copy != NULL)
        return copy;

    const unsigned char *p = blob;
    SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &p, (long)len);
    if (sess == NULL)
        return NULL;
    copy = SSL_SESSION_dup(sess);
    if (copy == NULL)
        return sess; /* the decoded one itself, uncached */
    pthread_mutex_lock(&rc_lock);
    if (rc_find(blob, len) == NULL && !rc_expired(sess, time(NULL)))
        rc_insert(blob, len, sess);
    pthread_mutex_unlock(&rc_lock);
    SSL_SESSION_free(sess); /* the cache took its own reference, if it kept it */
    return copy;
}
