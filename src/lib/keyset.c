/*
 * keyset.c: set of 128-bit key hashes with open addressing (keyset.h).
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keyset.h"
#include "mem.h"

/* 16 bytes: 96 bits of hash (h2 == 0 is remapped, 0 marks a free slot). */
struct slot {
	uint64_t	h1;
	uint32_t	h2;
	uint32_t	line;
};

struct lb_keyset {
	struct slot	*slots;
	size_t		 cap;	/* power of two */
	size_t		 n;
	unsigned char	 k1[crypto_shorthash_KEYBYTES];
	unsigned char	 k2[crypto_shorthash_KEYBYTES];
};

struct lb_keyset *
lb_keyset_new(void)
{
	struct lb_keyset	*ks;

	if ((ks = lb_calloc(1, sizeof(*ks))) == NULL)
		return NULL;
	ks->cap = 4096;
	if ((ks->slots = lb_calloc(ks->cap, sizeof(*ks->slots))) == NULL) {
		free(ks);
		return NULL;
	}
	crypto_shorthash_keygen(ks->k1);
	crypto_shorthash_keygen(ks->k2);
	return ks;
}

void
lb_keyset_free(struct lb_keyset *ks)
{
	if (ks == NULL)
		return;
	free(ks->slots);
	free(ks);
}

static void
hash(struct lb_keyset *ks, int tag, const char *s, size_t n, uint64_t *h1,
    uint32_t *h2)
{
	unsigned char	out[8];
	uint64_t	v;

	crypto_shorthash(out, (const unsigned char *)s, n, ks->k1);
	memcpy(h1, out, 8);
	crypto_shorthash(out, (const unsigned char *)s, n, ks->k2);
	memcpy(&v, out, 8);
	*h1 ^= (uint64_t)tag * 0x9e3779b97f4a7c15ULL;
	*h2 = (uint32_t)(v ^ (v >> 32)) ^ (uint32_t)tag;
	if (*h2 == 0)
		*h2 = 1;
}

static struct slot *
find(struct slot *slots, size_t cap, uint64_t h1, uint32_t h2)
{
	size_t	i = (size_t)h1 & (cap - 1);

	while (slots[i].h2 != 0 && (slots[i].h1 != h1 || slots[i].h2 != h2))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int
grow(struct lb_keyset *ks)
{
	struct slot	*slots, *to;
	size_t		 i, cap = ks->cap * 2;

	if ((slots = lb_calloc(cap, sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < ks->cap; i++) {
		if (ks->slots[i].h2 == 0)
			continue;
		to = find(slots, cap, ks->slots[i].h1, ks->slots[i].h2);
		*to = ks->slots[i];
	}
	free(ks->slots);
	ks->slots = slots;
	ks->cap = cap;
	return 0;
}

int
lb_keyset_add(struct lb_keyset *ks, int tag, const char *s, size_t n,
    uint32_t line, uint32_t *first)
{
	struct slot	*sl;
	uint64_t	 h1;
	uint32_t	 h2;

	if ((ks->n + 1) * 2 > ks->cap && grow(ks) == -1)
		return -1;
	hash(ks, tag, s, n, &h1, &h2);
	sl = find(ks->slots, ks->cap, h1, h2);
	if (sl->h2 != 0) {
		if (first != NULL)
			*first = sl->line;
		return 1;
	}
	sl->h1 = h1;
	sl->h2 = h2;
	sl->line = line;
	ks->n++;
	return 0;
}

int
lb_keyset_has(struct lb_keyset *ks, int tag, const char *s, size_t n)
{
	uint64_t	h1;
	uint32_t	h2;

	hash(ks, tag, s, n, &h1, &h2);
	return find(ks->slots, ks->cap, h1, h2)->h2 != 0;
}
