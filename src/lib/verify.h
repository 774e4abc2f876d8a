/*
 * verify.h: proving the vault is what its journal says (V3).
 *
 * lb_verify() checks, in order: the database file itself (SQLite's
 * quick_check and foreign keys); the journal chain (journal.h); and every
 * data row against the journal: a row whose content no longer matches its
 * digest, or whose digest is not the one the journal last recorded for its
 * key, was edited outside Lifeboat; a row the journal never recorded was
 * inserted outside Lifeboat; a row the journal recorded and nothing
 * deleted, but which is gone, was deleted outside Lifeboat.  Each problem
 * names the kind and key.
 */
#ifndef LB_VERIFY_H
#define LB_VERIFY_H

#include <stdint.h>

#include "journal.h"
#include "vault.h"

struct lb_verify_stats {
	int64_t		entries;	/* journal entries */
	unsigned char	head[LB_HASH_LEN];
	int64_t		rows;		/* data rows checked */
};

/* `journal_only` skips the data rows.  0 when it ran (see p->total). */
int	lb_verify(struct lb_vault *, int journal_only, int64_t against_count,
	    const unsigned char *against_hash, struct lb_problems *p,
	    struct lb_verify_stats *, struct lb_err *);

#endif
