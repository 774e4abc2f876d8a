/*
 * shipment.h: what Lifeboat decides for a shipment, and how it survives the
 * main system's feed (capabilities E1, E2, E4).
 *
 * The main system owns a shipment's data; Lifeboat owns what it decides
 * while that system is down: the entry number drawn (and the entry type set
 * with it), the paper release CBP granted, and the corrections staff make
 * for the port (a bond amount, a driver's plate, a line's quantity).  Each
 * such field is one row of the internal kind `owned`, keyed by shipment and
 * field: "bond_amount" for a shipments column, "2.quantity" for column
 * quantity of line 2.
 *
 * Every later import of shipments or lines keeps Lifeboat's values.  A feed
 * value that agrees is fine; one that disagrees is kept out, reported as a
 * FILE:LINE:COLUMN warning, and recorded on the owned row (state
 * "conflict") until someone resolves it: keep Lifeboat's value (state
 * "kept", raised again only if the feed brings yet another value) or accept
 * the feed's (the row leaves Lifeboat's hands).  A number drawn in Lifeboat
 * is never lost: accepting a feed's different or empty entry number voids
 * Lifeboat's number, which `entry export` keeps.
 *
 * Ownership: a struct lb_shiprow owns copies of its values.  Every change
 * here is one journaled change whose subject is the shipment's ref.
 */
#ifndef LB_SHIPMENT_H
#define LB_SHIPMENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cbp.h"
#include "err.h"
#include "journal.h"
#include "vault.h"

#define LB_REF_MAX	35		/* LB_CK_KEY */
#define LB_SHIP_MAX_COLS	64

/* One row of a kind, its values copied out of the statement that read it. */
struct lb_shiprow {
	const struct lb_kind	*k;
	struct lb_value		 vals[LB_SHIP_MAX_COLS];
	struct lb_buf		 text;
	size_t			 off[LB_SHIP_MAX_COLS];
	int			 found;
};

void	lb_shiprow_init(struct lb_shiprow *, const struct lb_kind *k);
void	lb_shiprow_free(struct lb_shiprow *);
/* Read the row of shipment ref (single-column key): 1 found, 0 none, -1. */
int	lb_shiprow_get(struct lb_store *, struct lb_shiprow *, const char *ref,
	    struct lb_err *);
/* Column name's index in the row's kind; aborts on a name the program got
 * wrong (the kinds are compiled in). */
int	lb_shiprow_col(const struct lb_shiprow *, const char *name);

/*
 * Hold a shipments column (or "N.col" of a line) of shipment ref at value
 * (its stored text: decimal for integer columns; NULL or "" for none) in
 * change c, as decided by source ("draw", "release", "set") with reason.
 */
int	lb_owned_hold(struct lb_change *, const struct lb_who *, const char *ref,
	    const char *field, const char *value, const char *source,
	    const char *reason, struct lb_err *);
/* Let go of a field (Lifeboat no longer decides it). */
int	lb_owned_drop(struct lb_change *, const char *ref, const char *field,
	    struct lb_err *);

/*
 * The owned fields of one kind (shipments or lines), loaded once for an
 * import and applied to each row about to be written.
 */
struct lb_overlay;

/* *out NULL (nothing to apply) when the kind has no owned fields. */
int	lb_overlay_load(struct lb_store *, const struct lb_kind *k,
	    struct lb_overlay **out, struct lb_err *);
void	lb_overlay_free(struct lb_overlay *);

/* Where a column's value came from in the file, for warnings. */
typedef void	lb_overlay_where(void *arg, int col, unsigned long *line,
		    unsigned long *colno);
/* A disagreement: msg names the field, both values and what was kept. */
typedef void	lb_overlay_warn(void *arg, unsigned long line,
		    unsigned long colno, const char *msg);

/*
 * Apply the owned fields of the row in vals (the kind loaded) before it is
 * written in change c: every value that disagrees with Lifeboat's is
 * replaced by Lifeboat's (vals then point into the overlay, valid until it
 * is freed), the owned row records the conflict (file names the feed), and
 * warn is called.  A value that agrees clears a recorded conflict.
 * *conflicts counts the disagreements reported.
 */
int	lb_overlay_apply(struct lb_overlay *, struct lb_change *,
	    const struct lb_who *, struct lb_value *vals, const char *file,
	    lb_overlay_where *, lb_overlay_warn *, void *arg,
	    int64_t *conflicts, struct lb_err *);

/* One owned field as stored, for listings. */
struct lb_owned_rec {
	char	ref[LB_REF_MAX + 1];
	char	field[48];
	char	value[401];		/* for people: money as $1,234.56 */
	char	source[21];
	char	reason[401];
	char	state[12];		/* held, conflict, kept */
	char	feed_value[401];
	char	feed_where[401];
	char	at[24];
	char	actor[81];
};

typedef int	lb_owned_cb(void *arg, const struct lb_owned_rec *);
/* The owned fields of shipment ref (NULL: of every shipment), only those in
 * conflict when conflicts_only, in (ref, field) order. */
int	lb_owned_list(struct lb_vault *, const char *ref, int conflicts_only,
	    lb_owned_cb *, void *arg, struct lb_err *);
/* How many owned fields are in conflict with the feed. */
int	lb_owned_conflicts(struct lb_vault *, int64_t *n, struct lb_err *);

/*
 * Resolve a conflict on field of shipment ref: keep Lifeboat's value, or
 * accept the feed's (refused for the entry number of a shipment released
 * on paper under Lifeboat's number).  reason is required.
 */
#define LB_RESOLVE_KEEP		0
#define LB_RESOLVE_ACCEPT	1
int	lb_shipment_resolve(struct lb_vault *, const struct lb_who *,
	    const char *ref, const char *field, int how, const char *reason,
	    struct lb_err *);

/*
 * Record that CBP released shipment ref on downtime paperwork on day
 * `date` (days since 1970-01-01) at port (NULL: its port of entry), with an
 * optional note; today is the broker's current day.  The shipment becomes
 * released on that date, so its entry summary and payment deadlines start,
 * and its recovery tasks show it.  Refused: no entry number, released or
 * cancelled already, a date before arrival or after today.
 */
int	lb_shipment_release(struct lb_vault *, const struct lb_who *,
	    const char *ref, int64_t date, const char *port, const char *note,
	    int64_t today, struct lb_err *);

/* The paper release of a shipment: 1 and *out, 0 when none, -1. */
struct lb_release_rec {
	char	ref[LB_REF_MAX + 1];
	char	date[11];
	char	port[5];
	char	entry[LB_ENTRY_STRLEN];
	char	note[401];
	char	at[24];
	char	actor[81];
};
int	lb_shipment_release_get(struct lb_vault *, const char *ref,
	    struct lb_release_rec *out, struct lb_err *);

/*
 * Set fields of shipment ref: each of the n assignments is "COLUMN=VALUE"
 * for a shipments column or "LINE.COLUMN=VALUE" for a column of that line
 * (VALUE empty clears it), checked by the import's rules (the column's
 * check, then the record's cross-field rules), with a reason.  The fields
 * become Lifeboat's.  Columns with a command of their own are refused:
 * the key and importer, status and release (shipment release), the entry
 * number (entry next, entry void), the filed summary date.  All or
 * nothing, one journaled change.
 */
int	lb_shipment_set(struct lb_vault *, const struct lb_who *,
	    const char *ref, char *const *assign, size_t n, const char *reason,
	    struct lb_err *);
/* What field (COLUMN or LINE.COLUMN) holds, in words (NULL: none such). */
const char *lb_shipment_field_doc(const char *field);
/* May field (COLUMN or LINE.COLUMN) be set by lb_shipment_set? */
int	lb_shipment_settable(const char *field);

/*
 * Draw the next number of filer's reserve for shipment ref (setting its
 * entry type when entry_type is not 0), first checking that its release
 * pack can be made: when it cannot, returns 1 with every reason in
 * *missing (initialised by the caller) and draws nothing, unless anyway.
 * A cancelled or released shipment never draws.  0 drawn (number set),
 * 2 no such shipment (*e), -1 refused or failed (*e).
 */
int	lb_shipment_draw(struct lb_vault *, const struct lb_who *,
	    const char *ref, const char *filer, int entry_type, int anyway,
	    char number[LB_ENTRY_STRLEN], struct lb_problems *missing,
	    struct lb_err *);

/*
 * The assignment to a shipment's entry number, for the entry module: set
 * (number, entry_type when non-zero) or clear (number NULL) the shipment's
 * entry number in change c, holding it (or letting it go).
 */
int	lb_shipment_put_entry(struct lb_change *, const struct lb_who *,
	    struct lb_shiprow *ship, const char *number, int entry_type,
	    struct lb_err *);

#endif
