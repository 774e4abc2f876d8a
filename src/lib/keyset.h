/*
 * keyset.h: a compact set of byte strings, for finding repeats in a file.
 *
 * Stores 96 bits of keyed SipHash-2-4 of each string (random keys per set)
 * and the line where it was first seen, never the string: 16 bytes a slot
 * at most half full, so a million keys cost 32 MB.  Two different keys
 * collide with probability about n^2 / 2^97: for two million keys, 3e-17.
 */
#ifndef LB_KEYSET_H
#define LB_KEYSET_H

#include <stddef.h>
#include <stdint.h>

struct lb_keyset;

struct lb_keyset *lb_keyset_new(void);
void		 lb_keyset_free(struct lb_keyset *);
/*
 * Add (tag, s): 0 when new, 1 when already present (*first gets the line
 * it was added with), -1 out of memory.  tag separates independent sets
 * sharing one keyset (e.g. keys and unique column values).
 */
int		 lb_keyset_add(struct lb_keyset *, int tag, const char *s,
		    size_t n, uint32_t line, uint32_t *first);
int		 lb_keyset_has(struct lb_keyset *, int tag, const char *s,
		    size_t n);

#endif
