/*
 * journal.h: the tamper-evident journal (capability V3).
 *
 * Every change to the vault is one journal entry written in the same
 * transaction as the change: when (UTC), who, what (action and subject, a
 * JSON detail), how many rows, and a content digest binding every row the
 * change wrote.  Entries are chained: each entry's hash covers the previous
 * entry's hash, so rewriting any entry breaks every later one, and a head
 * (count and hash) written down elsewhere proves later that the journal
 * still extends it.
 *
 * Hashes are BLAKE2b-256 (libsodium crypto_generichash), over
 * length-prefixed fields so that no two different entries serialise alike:
 *
 *   row digest   = H("lifeboat-row-v1" | table | each column value)
 *   content      = H("lifeboat-content-v1" | for each row: table | key |
 *                    row digest, or a deletion mark)
 *   entry hash   = H("lifeboat-entry-v1" | prev | seq | ts | actor | action |
 *                    subject | detail | nrows | content)
 *
 * where a value is a tag byte ('n' NULL, 'i' integer as 8 bytes
 * little-endian, 's' text as 8-byte length then bytes).  The first entry's
 * prev is 32 zero bytes.
 */
#ifndef LB_JOURNAL_H
#define LB_JOURNAL_H

#include <stdint.h>

#include <sodium.h>

#include "err.h"
#include "kind.h"
#include "store.h"

#define LB_CHECKPOINT_STRLEN	(20 + 1 + 2 * LB_HASH_LEN + 1)

/* Digest of one row of kind k, values in descriptor order. */
void	lb_row_digest(const struct lb_kind *k, const struct lb_value *vals,
	    unsigned char out[LB_HASH_LEN]);
/* Hash of a journal entry from its fields (je->hash is ignored). */
void	lb_jentry_hash(const struct lb_jentry *je,
	    unsigned char out[LB_HASH_LEN]);

/*
 * A change in progress: begin opens the write transaction and reads the
 * journal head; row records each row written; commit appends the entry and
 * commits; abort rolls everything back.  Nothing is visible until commit.
 */
struct lb_change {
	struct lb_store			*st;
	int64_t				 seq;
	int64_t				 nrows;
	unsigned char			 prev[LB_HASH_LEN];
	crypto_generichash_state	 content;
	int				 open;
};

int	lb_change_begin(struct lb_store *, struct lb_change *, struct lb_err *);
/* The same inside a transaction the caller already began (vault creation
 * creates the journal itself first). */
int	lb_change_attach(struct lb_store *, struct lb_change *, struct lb_err *);
/* Record a row written (digest) or deleted (digest NULL). */
int	lb_change_row(struct lb_change *, const struct lb_kind *k,
	    const char *key, size_t keylen, const unsigned char *digest,
	    struct lb_err *);
/* Write a row of kind k and record it; *changed 0 when already identical. */
int	lb_change_upsert(struct lb_change *, const struct lb_kind *k,
	    const struct lb_value *vals, const char *key, size_t keylen,
	    int *changed, struct lb_err *);
/* Delete the row of kind k whose key is in vals and record it; *deleted 0
 * when there was none (nothing recorded). */
int	lb_change_delete(struct lb_change *, const struct lb_kind *k,
	    const struct lb_value *vals, const char *key, size_t keylen,
	    int *deleted, struct lb_err *);
/*
 * Append the entry (ts: "YYYY-MM-DDTHH:MM:SSZ"; detail: a JSON object) and
 * commit.  On failure everything is rolled back.  *seq_out, if not NULL,
 * gets the entry's number.
 */
int	lb_change_commit(struct lb_change *, const char *ts, const char *actor,
	    const char *action, const char *subject, const char *detail,
	    int64_t *seq_out, struct lb_err *);
void	lb_change_abort(struct lb_change *);

/* The journal's head: count of entries and hash of the last one. */
int	lb_journal_head(struct lb_store *, int64_t *count,
	    unsigned char hash[LB_HASH_LEN], struct lb_err *);
/* "COUNT:HEX" of a head. */
void	lb_checkpoint_format(int64_t count, const unsigned char *hash,
	    char out[LB_CHECKPOINT_STRLEN]);
int	lb_checkpoint_parse(const char *s, int64_t *count,
	    unsigned char hash[LB_HASH_LEN], struct lb_err *);

/* One problem found by a verification, named precisely. */
struct lb_problem {
	char	msg[320];
};

struct lb_problems {
	struct lb_problem	*v;
	size_t			 n;	/* kept (at most max) */
	size_t			 max;
	size_t			 total;	/* found */
};

void	lb_problems_init(struct lb_problems *, size_t max);
void	lb_problems_free(struct lb_problems *);
void	lb_problems_add(struct lb_problems *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Row-level expectations gathered while walking the journal: the digest
 * the journal says each (kind, key) has now.  Filled by lb_journal_verify
 * when `state` is not NULL, for lb_verify() to compare with the data.
 */
struct lb_state;

/*
 * Walk the whole chain: sequence numbers, links, entry hashes, content
 * digests against the journal rows.  Problems go to *p (the first broken
 * entry named first).  With `against` (count > 0) also proves the journal
 * extends that checkpoint.  Returns 0 when it ran (check p->total), -1 on a
 * storage error.  *count and head get the journal's head.
 */
int	lb_journal_verify(struct lb_store *, int64_t against_count,
	    const unsigned char *against_hash, struct lb_state *state,
	    struct lb_problems *p, int64_t *count,
	    unsigned char head[LB_HASH_LEN], struct lb_err *);

#endif
