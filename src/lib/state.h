/*
 * state.h: what the journal says the vault holds, row by row.
 *
 * A hash map from (kind, key) to the digest of the row's latest write, or
 * a deletion mark, built while walking the journal.  The verifier then
 * ticks off each row actually stored; rows the journal does not know were
 * inserted behind Lifeboat's back, rows it knows but not ticked off were
 * deleted, rows whose digest differs were edited.
 *
 * Keys are not stored: a row is identified by a 96-bit keyed SipHash of
 * (kind, key), with a random key per map, so two keys collide with
 * probability about n^2 / 2^97 and cannot be made to collide on purpose.
 * Whoever needs a row's key again (to name a deleted row) finds it with
 * lb_state_get() while reading the journal rows a second time.
 */
#ifndef LB_STATE_H
#define LB_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct lb_state_row {
	uint64_t	 h1;
	uint32_t	 h2;	/* 0: free slot */
	uint8_t		 kind;
	uint8_t		 deleted;
	uint8_t		 seen;
	uint8_t		 named;
	int64_t		 seq;	/* entry that wrote it last */
	unsigned char	 digest[LB_HASH_LEN];
};

struct lb_state;

/* A map sized for about `expect` rows (it grows past that). */
struct lb_state	*lb_state_new(size_t expect);
void		 lb_state_free(struct lb_state *);
/* Record the latest write of (kind, key); 0, or -1 out of memory. */
int		 lb_state_put(struct lb_state *, int kind, const char *key,
		    size_t keylen, const unsigned char *digest, int64_t seq);
/* The row for (kind, key), or NULL. */
struct lb_state_row *lb_state_get(struct lb_state *, int kind,
		    const char *key, size_t keylen);
/* Call cb for each row; stops and returns -1 when cb does. */
int		 lb_state_each(struct lb_state *,
		    int (*cb)(void *, struct lb_state_row *), void *arg);

#endif
