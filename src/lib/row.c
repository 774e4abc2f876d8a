/*
 * row.c: one row of a kind built from named, checked text values (row.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "row.h"
#include "utf8.h"

void
lb_row_init(struct lb_row *r, const struct lb_kind *k)
{
	size_t	i;

	r->k = k;
	for (i = 0; i < LB_ROW_MAX_COLS; i++) {
		memset(&r->vals[i], 0, sizeof(r->vals[i]));
		r->vals[i].null = 1;
	}
}

static int
col_of(const struct lb_row *r, const char *col, struct lb_err *e)
{
	int	c = lb_kind_col(r->k, col);

	if (c < 0 || (size_t)c >= LB_ROW_MAX_COLS)
		return lb_error(e, "%s has no column %s", r->k->noun, col);
	return c;
}

int
lb_row_set(struct lb_row *r, const char *col, const char *text,
    struct lb_err *e)
{
	struct lb_check_ctx	 ctx = { 0 };
	char			 why[LB_CHECK_SCRATCH];
	size_t			 n, bad;
	int			 c;

	if ((c = col_of(r, col, e)) == -1)
		return -1;
	memset(&r->vals[c], 0, sizeof(r->vals[c]));
	r->vals[c].null = 1;
	if (text == NULL || (n = strlen(text)) == 0)
		return 0;
	/* Keep the text: the value may point into it, or into scratch. */
	if (n >= LB_CHECK_SCRATCH)
		return lb_error(e, "%s: too long (%zu bytes)", col, n);
	if (lb_utf8_validate(text, n, &bad) != 0)
		return lb_error(e, "%s: not valid UTF-8", col);
	memcpy(r->raw[c], text, n + 1);
	if (lb_check_value(&r->k->cols[c], &ctx, r->raw[c], n,
	    r->scratch[c], &r->vals[c], why, sizeof(why)) == -1) {
		r->vals[c].null = 1;
		return lb_error(e, "%s: %s", col, why);
	}
	r->vals[c].null = 0;
	return 0;
}

void
lb_row_set_int(struct lb_row *r, const char *col, int64_t v)
{
	int	c = lb_kind_col(r->k, col);

	if (c < 0 || (size_t)c >= LB_ROW_MAX_COLS)
		return;
	memset(&r->vals[c], 0, sizeof(r->vals[c]));
	r->vals[c].i = v;
}

int
lb_row_complete(const struct lb_row *r, struct lb_err *e)
{
	size_t	i;

	for (i = 0; i < r->k->ncols; i++)
		if ((r->k->cols[i].flags & LB_COL_REQUIRED) && r->vals[i].null)
			return lb_error(e, "%s: missing %s", r->k->noun,
			    r->k->cols[i].name);
	return 0;
}

int
lb_row_key(const struct lb_row *r, char *out, size_t outlen,
    struct lb_err *e)
{
	const struct lb_value	*v;
	size_t			 i, used = 0;
	int			 n;

	out[0] = '\0';
	for (i = 0; i < r->k->ncols; i++) {
		if (!(r->k->cols[i].flags & LB_COL_KEY))
			continue;
		v = &r->vals[i];
		if (v->s != NULL)
			n = snprintf(out + used, outlen - used, "%s%.*s",
			    used > 0 ? "|" : "", (int)v->len, v->s);
		else
			n = snprintf(out + used, outlen - used, "%s%" PRId64,
			    used > 0 ? "|" : "", v->i);
		if (n < 0 || (size_t)n >= outlen - used)
			return lb_error(e, "%s key too long", r->k->noun);
		used += (size_t)n;
	}
	return 0;
}

void
lb_value_text(struct lb_value *v, const char *s)
{
	memset(v, 0, sizeof(*v));
	if (s == NULL || s[0] == '\0') {
		v->null = 1;
		return;
	}
	v->s = s;
	v->len = strlen(s);
}

void
lb_value_copy(const struct lb_value *v, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	if (v->null || v->s == NULL) {
		if (!v->null && v->s == NULL)
			(void)snprintf(out, outlen, "%" PRId64, v->i);
		else
			out[0] = '\0';
		return;
	}
	(void)snprintf(out, outlen, "%.*s", (int)v->len, v->s);
}
