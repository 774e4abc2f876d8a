/*
 * session.c: the session table and the sign-in throttle (session.h).
 *
 * Both are small arrays searched linearly under one mutex: a broker has a
 * few dozen people signed in, and a scan of a few hundred 32-byte hashes
 * costs less than the hash of the token that precedes it.  Live sessions
 * are kept at the front of their array (removal moves the last one into
 * the hole), so a scan covers only them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mem.h"
#include "session.h"

#define TOKEN_BYTES	16
#define NAME_MAX_KEPT	64

struct slot {
	unsigned char		 key[crypto_generichash_BYTES];
	struct lb_session	 s;
};

struct strike {
	char		name[NAME_MAX_KEPT + 1];
	int64_t		first;		/* start of its hour */
	int64_t		count;
};

struct lb_sessions {
	pthread_mutex_t	 lock;
	size_t		 max;
	int64_t		 idle, absolute;
	struct slot	*slots;
	size_t		 n;
	struct strike	*strikes;
	size_t		 nstrikes;
};

struct lb_sessions *
lb_sessions_new(size_t max, int64_t idle, int64_t absolute)
{
	struct lb_sessions	*t;

	if (sodium_init() < 0 || max == 0 ||
	    (t = lb_calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->max = max;
	t->idle = idle > 0 && idle < LB_SESSION_IDLE ? idle : LB_SESSION_IDLE;
	t->absolute = absolute > 0 && absolute < LB_SESSION_MAX ? absolute :
	    LB_SESSION_MAX;
	t->slots = lb_calloc(max, sizeof(*t->slots));
	t->strikes = lb_calloc(max, sizeof(*t->strikes));
	if (t->slots == NULL || t->strikes == NULL) {
		free(t->slots);
		free(t->strikes);
		free(t);
		return NULL;
	}
	(void)pthread_mutex_init(&t->lock, NULL);
	return t;
}

void
lb_sessions_free(struct lb_sessions *t)
{
	if (t == NULL)
		return;
	sodium_memzero(t->slots, t->max * sizeof(*t->slots));
	free(t->slots);
	free(t->strikes);
	(void)pthread_mutex_destroy(&t->lock);
	free(t);
}

static void
token_key(const char *token, size_t len, unsigned char key[])
{
	crypto_generichash(key, crypto_generichash_BYTES,
	    (const unsigned char *)token, len, NULL, 0);
}

static void
remove_slot(struct lb_sessions *t, size_t i)
{
	t->n--;
	if (i != t->n)
		t->slots[i] = t->slots[t->n];
	sodium_memzero(&t->slots[t->n], sizeof(t->slots[t->n]));
}

static int
expired(const struct lb_sessions *t, const struct lb_session *s,
    int64_t now)
{
	return now - s->seen >= t->idle || now - s->created >= t->absolute ||
	    now < s->created;
}

static void
random_hex(char out[LB_TOKEN_HEX])
{
	unsigned char	b[TOKEN_BYTES];

	randombytes_buf(b, sizeof(b));
	(void)sodium_bin2hex(out, LB_TOKEN_HEX, b, sizeof(b));
	sodium_memzero(b, sizeof(b));
}

void
lb_session_fingerprint(const char *hash, unsigned char fp[16])
{
	crypto_generichash(fp, 16, (const unsigned char *)hash, strlen(hash),
	    NULL, 0);
}

int
lb_session_create(struct lb_sessions *t, const struct lb_account *a,
    int64_t now, char token[LB_TOKEN_HEX], struct lb_session *out)
{
	struct slot	*sl;
	size_t		 i, old = 0;

	random_hex(token);
	(void)pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->n; )
		if (expired(t, &t->slots[i].s, now))
			remove_slot(t, i);
		else
			i++;
	if (t->n == t->max) {
		for (i = 1; i < t->n; i++)
			if (t->slots[i].s.seen < t->slots[old].s.seen)
				old = i;
		remove_slot(t, old);
	}
	sl = &t->slots[t->n++];
	memset(sl, 0, sizeof(*sl));
	token_key(token, strlen(token), sl->key);
	(void)snprintf(sl->s.user, sizeof(sl->s.user), "%s", a->name);
	sl->s.role = a->role;
	(void)snprintf(sl->s.importer, sizeof(sl->s.importer), "%s",
	    a->importer);
	random_hex(sl->s.csrf);
	lb_session_fingerprint(a->hash, sl->s.pwfp);
	sl->s.created = sl->s.seen = now;
	*out = sl->s;
	(void)pthread_mutex_unlock(&t->lock);
	return 0;
}

/* Index of the session of key, or t->n. Called locked. */
static size_t
find_key(struct lb_sessions *t, const unsigned char key[])
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		if (sodium_memcmp(t->slots[i].key, key,
		    crypto_generichash_BYTES) == 0)
			break;
	return i;
}

int
lb_session_find(struct lb_sessions *t, const char *token, size_t len,
    int64_t now, struct lb_session *out)
{
	unsigned char	key[crypto_generichash_BYTES];
	size_t		i;
	int		found = 0;

	if (len != LB_TOKEN_HEX - 1)
		return 0;
	token_key(token, len, key);
	(void)pthread_mutex_lock(&t->lock);
	if ((i = find_key(t, key)) < t->n) {
		if (expired(t, &t->slots[i].s, now))
			remove_slot(t, i);
		else {
			t->slots[i].s.seen = now;
			*out = t->slots[i].s;
			found = 1;
		}
	}
	(void)pthread_mutex_unlock(&t->lock);
	return found;
}

int
lb_session_end(struct lb_sessions *t, const char *token, size_t len)
{
	unsigned char	key[crypto_generichash_BYTES];
	size_t		i;
	int		found = 0;

	if (len != LB_TOKEN_HEX - 1)
		return 0;
	token_key(token, len, key);
	(void)pthread_mutex_lock(&t->lock);
	if ((i = find_key(t, key)) < t->n) {
		remove_slot(t, i);
		found = 1;
	}
	(void)pthread_mutex_unlock(&t->lock);
	return found;
}

void
lb_session_end_user(struct lb_sessions *t, const char *user)
{
	size_t	i;

	(void)pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->n; )
		if (strcmp(t->slots[i].s.user, user) == 0)
			remove_slot(t, i);
		else
			i++;
	(void)pthread_mutex_unlock(&t->lock);
}

size_t
lb_session_count(struct lb_sessions *t, int64_t now)
{
	size_t	i, n = 0;

	(void)pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->n; i++)
		if (!expired(t, &t->slots[i].s, now))
			n++;
	(void)pthread_mutex_unlock(&t->lock);
	return n;
}

/* The strike of name, making room for it when make; NULL if none. */
static struct strike *
strike_of(struct lb_sessions *t, const char *name, int64_t now, int make)
{
	size_t	i, n = strlen(name);

	if (n > NAME_MAX_KEPT)
		n = NAME_MAX_KEPT;
	for (i = 0; i < t->nstrikes; i++) {
		if (now - t->strikes[i].first >= LB_THROTTLE_WINDOW) {
			/* Its hour is over: forget it. */
			t->strikes[i] = t->strikes[--t->nstrikes];
			i--;
			continue;
		}
		if (strlen(t->strikes[i].name) == n &&
		    memcmp(t->strikes[i].name, name, n) == 0)
			return &t->strikes[i];
	}
	if (!make || t->nstrikes == t->max)
		return NULL;
	i = t->nstrikes++;
	memcpy(t->strikes[i].name, name, n);
	t->strikes[i].name[n] = '\0';
	t->strikes[i].first = now;
	t->strikes[i].count = 0;
	return &t->strikes[i];
}

int
lb_throttle_ok(struct lb_sessions *t, const char *name, int64_t now,
    int64_t limit)
{
	struct strike	*s;
	int		 ok;

	(void)pthread_mutex_lock(&t->lock);
	s = strike_of(t, name, now, 0);
	if (s != NULL)
		ok = s->count < limit;
	else	/* Unknown: fine, unless no failure could be counted. */
		ok = t->nstrikes < t->max;
	(void)pthread_mutex_unlock(&t->lock);
	return ok;
}

void
lb_throttle_fail(struct lb_sessions *t, const char *name, int64_t now)
{
	struct strike	*s;

	(void)pthread_mutex_lock(&t->lock);
	if ((s = strike_of(t, name, now, 1)) != NULL)
		s->count++;
	(void)pthread_mutex_unlock(&t->lock);
}

void
lb_throttle_refund(struct lb_sessions *t, const char *name, int64_t now)
{
	struct strike	*s;

	(void)pthread_mutex_lock(&t->lock);
	if ((s = strike_of(t, name, now, 0)) != NULL && s->count > 0)
		s->count--;
	(void)pthread_mutex_unlock(&t->lock);
}

int
lb_csrf_equal(const char *expect, const char *got, size_t gotlen)
{
	if (gotlen != LB_TOKEN_HEX - 1 || strlen(expect) != gotlen)
		return 0;
	return sodium_memcmp(expect, got, gotlen) == 0;
}
