/*
 * state.c: open-addressing hash map of (kind, key) -> latest digest
 * (see state.h).  Linear probing over a power-of-two table kept at most
 * half full, 56 bytes a slot.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mem.h"
#include "state.h"

struct lb_state {
	struct lb_state_row	*rows;
	size_t			 cap;	/* power of two */
	size_t			 n;
	unsigned char		 key[crypto_shorthash_siphashx24_KEYBYTES];
};

static void
hash(struct lb_state *s, int kind, const char *key, size_t len,
    uint64_t *h1, uint32_t *h2)
{
	unsigned char	out[crypto_shorthash_siphashx24_BYTES];
	uint32_t	v;

	crypto_shorthash_siphashx24(out, (const unsigned char *)key, len,
	    s->key);
	memcpy(h1, out, 8);
	memcpy(&v, out + 8, 4);
	*h1 ^= (uint64_t)kind * 0x9e3779b97f4a7c15ULL;
	*h2 = v == 0 ? 1 : v;
}

struct lb_state *
lb_state_new(size_t expect)
{
	struct lb_state	*s;

	if ((s = lb_calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->cap = 1024;
	while (s->cap / 2 < expect && s->cap < ((size_t)1 << 40))
		s->cap *= 2;
	if ((s->rows = lb_calloc(s->cap, sizeof(*s->rows))) == NULL) {
		free(s);
		return NULL;
	}
	randombytes_buf(s->key, sizeof(s->key));
	return s;
}

void
lb_state_free(struct lb_state *s)
{
	if (s == NULL)
		return;
	free(s->rows);
	free(s);
}

static struct lb_state_row *
find_slot(struct lb_state_row *rows, size_t cap, uint64_t h1, uint32_t h2)
{
	size_t	i = (size_t)h1 & (cap - 1);

	while (rows[i].h2 != 0 && (rows[i].h1 != h1 || rows[i].h2 != h2))
		i = (i + 1) & (cap - 1);
	return &rows[i];
}

static int
grow(struct lb_state *s)
{
	struct lb_state_row	*rows, *slot;
	size_t			 i, cap = s->cap * 2;

	if ((rows = lb_calloc(cap, sizeof(*rows))) == NULL)
		return -1;
	for (i = 0; i < s->cap; i++) {
		if (s->rows[i].h2 == 0)
			continue;
		slot = find_slot(rows, cap, s->rows[i].h1, s->rows[i].h2);
		*slot = s->rows[i];
	}
	free(s->rows);
	s->rows = rows;
	s->cap = cap;
	return 0;
}

int
lb_state_put(struct lb_state *s, int kind, const char *key, size_t keylen,
    const unsigned char *digest, int64_t seq)
{
	struct lb_state_row	*r;
	uint64_t		 h1;
	uint32_t		 h2;

	if ((s->n + 1) * 2 > s->cap && grow(s) == -1)
		return -1;
	hash(s, kind, key, keylen, &h1, &h2);
	r = find_slot(s->rows, s->cap, h1, h2);
	if (r->h2 == 0) {
		r->h1 = h1;
		r->h2 = h2;
		r->kind = (uint8_t)kind;
		s->n++;
	}
	r->deleted = digest == NULL;
	if (digest != NULL)
		memcpy(r->digest, digest, LB_HASH_LEN);
	r->seq = seq;
	return 0;
}

struct lb_state_row *
lb_state_get(struct lb_state *s, int kind, const char *key, size_t keylen)
{
	struct lb_state_row	*r;
	uint64_t		 h1;
	uint32_t		 h2;

	hash(s, kind, key, keylen, &h1, &h2);
	r = find_slot(s->rows, s->cap, h1, h2);
	return r->h2 == 0 ? NULL : r;
}

int
lb_state_each(struct lb_state *s, int (*cb)(void *, struct lb_state_row *),
    void *arg)
{
	size_t	i;

	for (i = 0; i < s->cap; i++)
		if (s->rows[i].h2 != 0 && cb(arg, &s->rows[i]) == -1)
			return -1;
	return 0;
}
