/*
 * check.h: validating one imported value against its column (pure).
 *
 * lb_check_value() applies a column's check (kind.h) to the raw text of a
 * field and produces the value to store: canonical text (written into the
 * caller's scratch buffer) or an integer.  It knows nothing of files or
 * storage; references and uniqueness are the import engine's business.
 */
#ifndef LB_CHECK_H
#define LB_CHECK_H

#include <stddef.h>

#include "kind.h"

#define LB_CHECK_SCRATCH	1024	/* bytes of canonical text per value */

/* Context some checks need: the record's mode of transport (0 unknown). */
struct lb_check_ctx {
	int	mode;
};

/*
 * Check raw (n bytes, valid UTF-8, no NUL) for column c.  On success 0 and
 * *out set (text values may point into raw or into scratch, which must
 * hold LB_CHECK_SCRATCH bytes).  On failure -1 and a message in why.
 * An empty raw value is never passed here: it means "absent".
 */
int	lb_check_value(const struct lb_column *c, const struct lb_check_ctx *,
	    const char *raw, size_t n, char *scratch, struct lb_value *out,
	    char *why, size_t whylen);

/*
 * Cross-field rules of a kind over a whole record.  lb_rules_init finds the
 * columns once per import; lb_check_record then returns 0, or -1 with why
 * and *col set to the column the message is about.
 */
struct lb_rules {
	const struct lb_kind	*k;
	int	address, client, shipment;	/* which rules apply */
	int	country, state, bond, surety, pms, ach;
	int	status, release, entry, type, arrival;
};

void	lb_rules_init(struct lb_rules *, const struct lb_kind *k);
int	lb_check_record(const struct lb_rules *, const struct lb_value *vals,
	    int *col, char *why, size_t whylen);

#endif
