/*
 * entry.h: the entry-number reserve (capability E1).
 *
 * Before an incident the broker sets blocks of serials aside, per filer
 * code, outside its main system.  During downtime each shipment released on
 * paper gets the next unused number of the reserve: drawn in one journaled
 * transaction taken under the vault's write lock, so that no two processes
 * and no crash can ever hand out the same number twice.  Numbers can be
 * voided, and numbers the main system used can be marked so they are
 * skipped; after recovery the export tells the main system every number
 * drawn or voided, so it skips them in turn.
 *
 * Every number the reserve knows is one row of kind entry_numbers with its
 * state: drawn, void or used.  A serial of a block with no such row is
 * free.
 */
#ifndef LB_ENTRY_H
#define LB_ENTRY_H

#include <stdint.h>

#include "cbp.h"
#include "err.h"
#include "import.h"
#include "journal.h"
#include "vault.h"

#define LB_SERIAL_MAX	9999999

/* Set a block [first, last] aside for filer; overlapping blocks refused. */
int	lb_entry_reserve(struct lb_vault *, const struct lb_who *,
	    const char *filer, int64_t first, int64_t last, const char *port,
	    const char *note, struct lb_err *);
/*
 * Draw the next unused number of filer's blocks (lowest block first) and,
 * with a shipment ref, assign it to that shipment.  Serials already on a
 * shipment of the vault are recorded as used on the way and skipped.
 * -1 with a message when the reserve is exhausted or the shipment cannot
 * take it.
 */
int	lb_entry_next(struct lb_vault *, const struct lb_who *,
	    const char *filer, const char *shipment,
	    char number[LB_ENTRY_STRLEN], struct lb_err *);
/* 0 when entry_type is 0 (none) or a type a draw may set; -1 with why. */
int	lb_entry_type_check(int entry_type, struct lb_err *);
/*
 * The same, setting the shipment's entry type too (entry_type 0 leaves it
 * as it is): the release pack needs one, and a shipment drawn a number on
 * downtime had none in the main system's feed.
 */
int	lb_entry_next_typed(struct lb_vault *, const struct lb_who *,
	    const char *filer, const char *shipment, int entry_type,
	    char number[LB_ENTRY_STRLEN], struct lb_err *);
/*
 * Void a number of a block (drawn, or still free), with a reason.  A number
 * assigned to a shipment not yet released on it is taken off the shipment
 * (which may draw again) and its recovery tasks close as void; on a
 * released shipment it is refused.  The number stays known as void, so it
 * is never drawn again and `entry export` tells the main system.
 */
int	lb_entry_void(struct lb_vault *, const struct lb_who *,
	    const char *number, const char *reason, struct lb_err *);
/* The same inside an open change, for a number known to be drawn. */
int	lb_entry_mark_void(struct lb_change *, const struct lb_who *,
	    const char *number, const char *reason, struct lb_err *);
/*
 * Mark the numbers of a CSV file (column entry_number, optional note) as
 * used by the main system, all or nothing, errors located as for imports
 * (im->path is the file; results and diagnostics in *im).  Returns as
 * lb_import_run does.
 */
int	lb_entry_used(struct lb_vault *, const struct lb_who *,
	    struct lb_import *im, struct lb_err *);

/* One block and what is left of it. */
struct lb_block {
	char	filer[4];
	int64_t	first;
	int64_t	last;
	char	port[5];
	char	note[201];
	int64_t	taken;		/* drawn, void or used */
	int64_t	left;
};

typedef int	lb_block_cb(void *arg, const struct lb_block *);
/* Every block, read in one snapshot. */
int	lb_entry_blocks(struct lb_vault *, lb_block_cb *, void *arg,
	    struct lb_err *);

/* Numbers left per filer code (for the status, inside its snapshot). */
#define LB_RESERVE_MAX_FILERS	32
struct lb_reserve {
	char	filer[LB_RESERVE_MAX_FILERS][4];
	int64_t	left[LB_RESERVE_MAX_FILERS];
	size_t	nfilers;
};
int	lb_entry_reserve_left(struct lb_vault *, struct lb_reserve *,
	    struct lb_err *);

#endif
