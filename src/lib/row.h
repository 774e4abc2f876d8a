/*
 * row.h: building one row of a kind from named text values, each checked
 * as the import checks it (check.h), for the commands that write rows one
 * at a time (relief, clocks, the recovery queue); and reading text values
 * back out of a row.
 *
 * A struct lb_row is self-contained: canonical values live in its own
 * scratch space, so it stays valid until it is reused.  It is large
 * (a scratch buffer per column); keep it off small stacks.
 */
#ifndef LB_ROW_H
#define LB_ROW_H

#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "err.h"
#include "kind.h"

#define LB_ROW_MAX_COLS	16

struct lb_row {
	const struct lb_kind	*k;
	struct lb_value		 vals[LB_ROW_MAX_COLS];
	char			 raw[LB_ROW_MAX_COLS][LB_CHECK_SCRATCH];
	char			 scratch[LB_ROW_MAX_COLS][LB_CHECK_SCRATCH];
};

/* Every column NULL.  k must have at most LB_ROW_MAX_COLS columns. */
void	lb_row_init(struct lb_row *, const struct lb_kind *k);
/*
 * Check text (NUL-terminated, UTF-8) for column col and set it; "" or NULL
 * leaves the column NULL.  -1 with "COL: why" in *e when it is not valid
 * or col is not a column of the kind.
 */
int	lb_row_set(struct lb_row *, const char *col, const char *text,
	    struct lb_err *);
/* Set an integer column without checks (values the program computed). */
void	lb_row_set_int(struct lb_row *, const char *col, int64_t);
/* Every required column set?  -1 naming the first missing one. */
int	lb_row_complete(const struct lb_row *, struct lb_err *);
/* The key: the key columns' text joined by "|" (as the import keys rows). */
int	lb_row_key(const struct lb_row *, char *out, size_t outlen,
	    struct lb_err *);

/* A value of text s (not copied): NULL for s NULL or "". */
void	lb_value_text(struct lb_value *, const char *s);
/* Copy a text value into out ("" for NULL), truncating to outlen - 1. */
void	lb_value_copy(const struct lb_value *, char *out, size_t outlen);

#endif
