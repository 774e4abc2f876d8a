/*
 * state.c: open-addressing hash map of (kind, key) -> latest digest
 * (see state.h).  Linear probing over a power-of-two table kept at most
 * half full; keys live in an arena of 1 MiB blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "state.h"

#define ARENA_BLOCK	((size_t)1 << 20)

struct arena_block {
	struct arena_block	*next;
	size_t			 used;
	char			 data[];
};

struct lb_state {
	struct lb_state_row	*rows;
	size_t			 cap;	/* power of two */
	size_t			 n;
	struct arena_block	*arena;
};

static uint64_t
hash_key(int kind, const char *key, size_t len)
{
	uint64_t	h = 1469598103934665603ULL ^ (uint64_t)kind;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211ULL;
	}
	/* FNV alone clusters badly on keys that differ in their last digits;
	 * the MurmurHash3 finaliser spreads them over the whole table. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

struct lb_state *
lb_state_new(void)
{
	struct lb_state	*s;

	if ((s = lb_calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->cap = 1024;
	if ((s->rows = lb_calloc(s->cap, sizeof(*s->rows))) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void
lb_state_free(struct lb_state *s)
{
	struct arena_block	*b, *next;

	if (s == NULL)
		return;
	for (b = s->arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(s->rows);
	free(s);
}

static const char *
arena_copy(struct lb_state *s, const char *p, size_t n)
{
	struct arena_block	*b = s->arena;
	size_t			 size;
	char			*out;

	if (b == NULL || ARENA_BLOCK - b->used < n) {
		size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->used = 0;
		b->next = s->arena;
		s->arena = b;
	}
	out = b->data + b->used;
	memcpy(out, p, n);
	b->used += n;
	return out;
}

static struct lb_state_row *
find_slot(struct lb_state_row *rows, size_t cap, int kind, const char *key,
    size_t keylen)
{
	size_t	i = (size_t)hash_key(kind, key, keylen) & (cap - 1);

	for (;; i = (i + 1) & (cap - 1)) {
		if (rows[i].key == NULL)
			return &rows[i];
		if (rows[i].kind == kind && rows[i].keylen == keylen &&
		    memcmp(rows[i].key, key, keylen) == 0)
			return &rows[i];
	}
}

static int
grow(struct lb_state *s)
{
	struct lb_state_row	*rows, *slot;
	size_t			 i, cap = s->cap * 2;

	if ((rows = lb_calloc(cap, sizeof(*rows))) == NULL)
		return -1;
	for (i = 0; i < s->cap; i++) {
		if (s->rows[i].key == NULL)
			continue;
		slot = find_slot(rows, cap, s->rows[i].kind, s->rows[i].key,
		    s->rows[i].keylen);
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

	if (keylen > UINT32_MAX)
		return -1;
	if ((s->n + 1) * 2 > s->cap && grow(s) == -1)
		return -1;
	r = find_slot(s->rows, s->cap, kind, key, keylen);
	if (r->key == NULL) {
		if ((r->key = arena_copy(s, key, keylen)) == NULL)
			return -1;
		r->keylen = (uint32_t)keylen;
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

	r = find_slot(s->rows, s->cap, kind, key, keylen);
	return r->key == NULL ? NULL : r;
}

int
lb_state_each(struct lb_state *s, int (*cb)(void *, struct lb_state_row *),
    void *arg)
{
	size_t	i;

	for (i = 0; i < s->cap; i++)
		if (s->rows[i].key != NULL && cb(arg, &s->rows[i]) == -1)
			return -1;
	return 0;
}
