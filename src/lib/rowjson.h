/*
 * rowjson.h: rows of the vault as JSON, one way for every front-end.
 *
 * The conventions (docs/api.md, docs/cli.md): a NULL value is null; text is
 * a string; a boolean is true or false; money is an object with integer
 * cents and the display string ({"cents":123456,"display":"$1,234.56"});
 * other integers are numbers, except codes people read with their leading
 * zero (entry type "01"), which are strings.
 */
#ifndef LB_ROWJSON_H
#define LB_ROWJSON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "kind.h"

/* One value of column c (c NULL: by the value alone). */
void	lb_json_value(struct lb_buf *, const struct lb_column *c,
	    const struct lb_value *v);
/* {"col":value,...} of a row of kind k, from column `from` on. */
void	lb_json_row(struct lb_buf *, const struct lb_kind *k,
	    const struct lb_value *vals, size_t from);
/* Money in cents as {"cents":N,"display":"$..."}. */
void	lb_json_money(struct lb_buf *, int64_t cents);

#endif
