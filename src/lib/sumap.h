/*
 * sumap.h: a map from text keys to integer sums, for reports that gather
 * one figure per key from a whole table (the duty of each shipment's
 * lines) before they walk another.
 *
 * Like state.h, keys are not stored: a key is its 96-bit keyed SipHash
 * (a random key per map), so two keys collide with probability about
 * n^2 / 2^97 and cannot be made to collide on purpose.  24 bytes a slot,
 * the table kept at most half full.
 */
#ifndef LB_SUMAP_H
#define LB_SUMAP_H

#include <stddef.h>
#include <stdint.h>

struct lb_sumap;

/* NULL when out of memory. */
struct lb_sumap	*lb_sumap_new(size_t expect);
void		 lb_sumap_free(struct lb_sumap *);
/* Add v to key's sum (a new key starts at 0); -1 when out of memory. */
int		 lb_sumap_add(struct lb_sumap *, const char *key, size_t len,
		    int64_t v);
/* 1 and *sum when the key was added, 0 when not. */
int		 lb_sumap_get(const struct lb_sumap *, const char *key,
		    size_t len, int64_t *sum);

#endif
