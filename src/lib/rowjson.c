/*
 * rowjson.c: rows of the vault as JSON (rowjson.h).
 */
#include <inttypes.h>
#include <string.h>

#include "cbp.h"
#include "rowjson.h"

void
lb_json_money(struct lb_buf *b, int64_t cents)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	lb_money_display(cents, m);
	lb_buf_addf(b, "{\"cents\":%" PRId64 ",\"display\":\"%s\"}", cents, m);
}

void
lb_json_value(struct lb_buf *b, const struct lb_column *c,
    const struct lb_value *v)
{
	if (v->null)
		lb_buf_adds(b, "null");
	else if (v->s != NULL)
		lb_buf_add_json_str(b, v->s, v->len);
	else if (c != NULL && c->check == LB_CK_MONEY)
		lb_json_money(b, v->i);
	else if (c != NULL && c->check == LB_CK_BOOL)
		lb_buf_adds(b, v->i ? "true" : "false");
	else if (c != NULL && c->check == LB_CK_ENTRY_TYPE)
		lb_buf_addf(b, "\"%02" PRId64 "\"", v->i);
	else
		lb_buf_addf(b, "%" PRId64, v->i);
}

void
lb_json_row(struct lb_buf *b, const struct lb_kind *k,
    const struct lb_value *vals, size_t from)
{
	size_t	i;

	lb_buf_addc(b, '{');
	for (i = from; i < k->ncols; i++) {
		if (i > from)
			lb_buf_addc(b, ',');
		lb_buf_addc(b, '"');
		lb_buf_adds(b, k->cols[i].name);
		lb_buf_adds(b, "\":");
		lb_json_value(b, &k->cols[i], &vals[i]);
	}
	lb_buf_addc(b, '}');
}
