/*
 * sumap.c: open-addressing map of keyed hashes to sums (see sumap.h).
 * Linear probing over a power-of-two table.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mem.h"
#include "sumap.h"

struct slot {
	uint64_t	h1;
	uint32_t	h2;	/* 0: free */
	int64_t		sum;
};

struct lb_sumap {
	struct slot	*slots;
	size_t		 cap;
	size_t		 n;
	unsigned char	 key[crypto_shorthash_siphashx24_KEYBYTES];
};

struct lb_sumap *
lb_sumap_new(size_t expect)
{
	struct lb_sumap	*m;

	if ((m = lb_calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->cap = 1024;
	while (m->cap / 2 < expect && m->cap < ((size_t)1 << 40))
		m->cap *= 2;
	if ((m->slots = lb_calloc(m->cap, sizeof(*m->slots))) == NULL) {
		free(m);
		return NULL;
	}
	randombytes_buf(m->key, sizeof(m->key));
	return m;
}

void
lb_sumap_free(struct lb_sumap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

static struct slot *
probe(struct slot *slots, size_t cap, uint64_t h1, uint32_t h2)
{
	size_t	i = (size_t)h1 & (cap - 1);

	while (slots[i].h2 != 0 && (slots[i].h1 != h1 || slots[i].h2 != h2))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void
hash(const struct lb_sumap *m, const char *key, size_t len, uint64_t *h1,
    uint32_t *h2)
{
	unsigned char	out[crypto_shorthash_siphashx24_BYTES];
	uint32_t	v;

	crypto_shorthash_siphashx24(out, (const unsigned char *)key, len,
	    m->key);
	memcpy(h1, out, 8);
	memcpy(&v, out + 8, 4);
	*h2 = v == 0 ? 1 : v;
}

int
lb_sumap_add(struct lb_sumap *m, const char *key, size_t len, int64_t v)
{
	struct slot	*s, *slots;
	size_t		 i, cap;
	uint64_t	 h1;
	uint32_t	 h2;

	if ((m->n + 1) * 2 > m->cap) {
		cap = m->cap * 2;
		if ((slots = lb_calloc(cap, sizeof(*slots))) == NULL)
			return -1;
		for (i = 0; i < m->cap; i++)
			if (m->slots[i].h2 != 0)
				*probe(slots, cap, m->slots[i].h1,
				    m->slots[i].h2) = m->slots[i];
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	hash(m, key, len, &h1, &h2);
	s = probe(m->slots, m->cap, h1, h2);
	if (s->h2 == 0) {
		s->h1 = h1;
		s->h2 = h2;
		s->sum = 0;
		m->n++;
	}
	/* Sums of validated money never come near the int64 range. */
	s->sum += v;
	return 0;
}

int
lb_sumap_get(const struct lb_sumap *m, const char *key, size_t len,
    int64_t *sum)
{
	struct slot	*s;
	uint64_t	 h1;
	uint32_t	 h2;

	hash(m, key, len, &h1, &h2);
	s = probe(m->slots, m->cap, h1, h2);
	if (s->h2 == 0)
		return 0;
	*sum = s->sum;
	return 1;
}
