/*
 * shipment.c: the fields Lifeboat owns, the paper release, corrections and
 * conflicts with the feed (shipment.h).
 *
 * Owned fields are few (what was decided during downtime), so an import
 * loads them all once, sorted by shipment, and looks each row up by binary
 * search: an import with no owned field pays one count and nothing else.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "entry.h"
#include "mem.h"
#include "pack.h"
#include "recovery.h"
#include "row.h"
#include "shipment.h"
#include "utf8.h"

#define OWNED_NCOLS	10
#define MAX_ASSIGN	64

static int	settable(const struct lb_column *);

/* Rows copied out of the statement that read them. */

void
lb_shiprow_init(struct lb_shiprow *r, const struct lb_kind *k)
{
	memset(r, 0, sizeof(*r));
	r->k = k;
	lb_buf_init(&r->text, 1 << 20);
}

void
lb_shiprow_free(struct lb_shiprow *r)
{
	lb_buf_free(&r->text);
}

static int
on_copy(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct lb_shiprow	*r = arg;
	size_t			 i;

	lb_buf_reset(&r->text);
	for (i = 0; i < r->k->ncols; i++) {
		r->vals[i] = vals[i];
		r->off[i] = r->text.len;
		if (!vals[i].null && vals[i].s != NULL)
			lb_buf_add(&r->text, vals[i].s, vals[i].len);
	}
	if (lb_buf_error(&r->text) != 0)
		return -1;
	for (i = 0; i < r->k->ncols; i++)
		if (!r->vals[i].null && r->vals[i].s != NULL)
			r->vals[i].s = r->text.data + r->off[i];
	r->found = 1;
	return 0;
}

int
lb_shiprow_get(struct lb_store *st, struct lb_shiprow *r, const char *ref,
    struct lb_err *e)
{
	int	rc;

	r->found = 0;
	if (r->k->ncols > LB_SHIP_MAX_COLS)
		return lb_error(e, "kind %s has too many columns", r->k->name);
	rc = st->ops->get_row(st, r->k, ref, strlen(ref), on_copy, r, e);
	if (rc == -1 && lb_buf_error(&r->text) != 0)
		return lb_error(e, "out of memory");
	return rc == -1 ? -1 : r->found;
}

int
lb_shiprow_col(const struct lb_shiprow *r, const char *name)
{
	int	c = lb_kind_col(r->k, name);

	if (c < 0)
		abort();	/* the kinds are compiled in */
	return c;
}

/* Values of a row as text. */

/* The stored text of a value: decimal for integers, "" for NULL. */
static void
stored_text(const struct lb_value *v, char *out, size_t outlen)
{
	lb_value_copy(v, out, outlen);
}

/* The same for people: money in dollars, booleans as words. */
static void
people_text(const struct lb_column *c, const char *stored, char *out,
    size_t outlen)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	if (stored[0] != '\0' && c != NULL && c->store == LB_ST_INT) {
		int64_t	i = strtoll(stored, NULL, 10);

		if (c->check == LB_CK_MONEY) {
			lb_money_display(i, m);
			(void)snprintf(out, outlen, "%s", m);
			return;
		}
		if (c->check == LB_CK_BOOL) {
			(void)snprintf(out, outlen, "%s", i ? "yes" : "no");
			return;
		}
		if (c->check == LB_CK_ENTRY_TYPE) {
			(void)snprintf(out, outlen, "%02" PRId64, i);
			return;
		}
	}
	(void)snprintf(out, outlen, "%s", stored);
}

/* A stored text back into a value of column c (text points into s). */
static void
value_from_text(const struct lb_column *c, const char *s, struct lb_value *v)
{
	memset(v, 0, sizeof(*v));
	if (s == NULL || s[0] == '\0') {
		v->null = 1;
		return;
	}
	if (c->store == LB_ST_INT) {
		v->i = strtoll(s, NULL, 10);
		return;
	}
	v->s = s;
	v->len = strlen(s);
}

/* Does value v hold exactly the stored text s? */
static int
value_is(const struct lb_column *c, const struct lb_value *v, const char *s)
{
	char	t[32];

	if (s == NULL || s[0] == '\0')
		return v->null;
	if (v->null)
		return 0;
	if (c->store == LB_ST_INT) {
		(void)snprintf(t, sizeof(t), "%" PRId64, v->i);
		return strcmp(t, s) == 0;
	}
	return v->s != NULL && v->len == strlen(s) &&
	    memcmp(v->s, s, v->len) == 0;
}

/*
 * A field name: a shipments column, or "N.col" for column col of line N.
 * *line 0 for a shipments column; *col its index in its kind.
 */
static int
parse_field(const char *field, const struct lb_kind **k, long *line, int *col)
{
	const char	*dot = strchr(field, '.');
	char		*end;

	*line = 0;
	if (dot == NULL) {
		*k = lb_kind_get("shipments");
		*col = lb_kind_col(*k, field);
		return *col < 0 ? -1 : 0;
	}
	if (field[0] < '1' || field[0] > '9')
		return -1;
	*line = strtol(field, &end, 10);
	if (end != dot || *line < 1 || *line > 999)
		return -1;
	*k = lb_kind_get("lines");
	*col = lb_kind_col(*k, dot + 1);
	return *col < 0 ? -1 : 0;
}

/* Owned rows. */

struct owned_vals {
	struct lb_value	v[OWNED_NCOLS];
	char		key[LB_REF_MAX + 64];
};

static int
owned_write(struct lb_change *c, const struct lb_who *who, const char *ref,
    const char *field, const char *value, const char *source,
    const char *reason, const char *state, const char *feed_value,
    const char *feed_where, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("owned");
	struct owned_vals	 o;
	char			 ts[24];
	int			 changed;

	if (k->ncols != OWNED_NCOLS)
		abort();
	lb_who_ts(who, ts);
	lb_value_text(&o.v[0], ref);
	lb_value_text(&o.v[1], field);
	lb_value_text(&o.v[2], value);
	lb_value_text(&o.v[3], source);
	lb_value_text(&o.v[4], reason);
	lb_value_text(&o.v[5], state);
	lb_value_text(&o.v[6], feed_value);
	lb_value_text(&o.v[7], feed_where);
	lb_value_text(&o.v[8], ts);
	lb_value_text(&o.v[9], who->actor);
	(void)snprintf(o.key, sizeof(o.key), "%s|%s", ref, field);
	return lb_change_upsert(c, k, o.v, o.key, strlen(o.key), &changed, e);
}

int
lb_owned_hold(struct lb_change *c, const struct lb_who *who, const char *ref,
    const char *field, const char *value, const char *source,
    const char *reason, struct lb_err *e)
{
	return owned_write(c, who, ref, field, value, source, reason, "held",
	    NULL, NULL, e);
}

int
lb_owned_drop(struct lb_change *c, const char *ref, const char *field,
    struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("owned");
	struct owned_vals	 o;
	int			 deleted;

	memset(&o, 0, sizeof(o));
	lb_value_text(&o.v[0], ref);
	lb_value_text(&o.v[1], field);
	(void)snprintf(o.key, sizeof(o.key), "%s|%s", ref, field);
	return lb_change_delete(c, k, o.v, o.key, strlen(o.key), &deleted, e);
}

/* The owned rows, read into memory. */

struct owned_item {
	char	*ref, *field, *value, *source, *reason, *state, *feed_value,
		*feed_where, *at, *actor;
	long	 line;		/* 0: a shipments column */
	int	 col;		/* in its kind */
};

struct owned_set {
	struct owned_item	*v;
	size_t			 n, cap;
	int			 failed;
};

static char *
dup_val(const struct lb_value *v)
{
	char	t[32];

	if (v->null)
		return lb_strndup("", 0);
	if (v->s == NULL) {
		(void)snprintf(t, sizeof(t), "%" PRId64, v->i);
		return lb_strndup(t, strlen(t));
	}
	return lb_strndup(v->s, v->len);
}

static void
item_free(struct owned_item *it)
{
	free(it->ref);
	free(it->field);
	free(it->value);
	free(it->source);
	free(it->reason);
	free(it->state);
	free(it->feed_value);
	free(it->feed_where);
	free(it->at);
	free(it->actor);
}

static int
on_owned(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct owned_set	*s = arg;
	struct owned_item	*it;
	const struct lb_kind	*k;

	if (s->n == s->cap) {
		size_t	 ncap = s->cap ? s->cap * 2 : 64;
		void	*p = lb_reallocarray(s->v, ncap, sizeof(*s->v));

		if (p == NULL) {
			s->failed = 1;
			return -1;
		}
		s->v = p;
		s->cap = ncap;
	}
	it = &s->v[s->n];
	memset(it, 0, sizeof(*it));
	it->ref = dup_val(&vals[0]);
	it->field = dup_val(&vals[1]);
	it->value = dup_val(&vals[2]);
	it->source = dup_val(&vals[3]);
	it->reason = dup_val(&vals[4]);
	it->state = dup_val(&vals[5]);
	it->feed_value = dup_val(&vals[6]);
	it->feed_where = dup_val(&vals[7]);
	it->at = dup_val(&vals[8]);
	it->actor = dup_val(&vals[9]);
	if (it->ref == NULL || it->field == NULL || it->value == NULL ||
	    it->source == NULL || it->reason == NULL || it->state == NULL ||
	    it->feed_value == NULL || it->feed_where == NULL ||
	    it->at == NULL || it->actor == NULL) {
		item_free(it);
		s->failed = 1;
		return -1;
	}
	if (parse_field(it->field, &k, &it->line, &it->col) == -1)
		it->col = -1;	/* planted behind Lifeboat's back: ignored */
	s->n++;
	return 0;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct owned_item	*x = a, *y = b;
	int			 c = strcmp(x->ref, y->ref);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->field, y->field);
}

static void
set_free(struct owned_set *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		item_free(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static int
set_load(struct lb_store *st, struct owned_set *s, struct lb_err *e)
{
	memset(s, 0, sizeof(*s));
	if (st->ops->rows_scan(st, lb_kind_get("owned"), on_owned, s,
	    e) == -1) {
		if (s->failed)
			lb_error(e, "out of memory");
		set_free(s);
		return -1;
	}
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), item_cmp);
	return 0;
}

/* The first item of ref (and line), or s->n. */
static size_t
set_find(const struct owned_set *s, const char *ref, size_t reflen,
    long line)
{
	size_t	lo = 0, hi = s->n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(s->v[mid].ref, ref, reflen);
		if (c == 0 && s->v[mid].ref[reflen] != '\0')
			c = 1;
		if (c == 0 && s->v[mid].line != line)
			c = s->v[mid].line < line ? -1 : 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
item_here(const struct owned_item *it, const char *ref, size_t reflen,
    long line)
{
	return strncmp(it->ref, ref, reflen) == 0 && it->ref[reflen] == '\0' &&
	    it->line == line;
}

/* The import overlay. */

struct lb_overlay {
	const struct lb_kind	*k;
	int			 lines;	/* the lines kind */
	struct owned_set	 set;
};

int
lb_overlay_load(struct lb_store *st, const struct lb_kind *k,
    struct lb_overlay **out, struct lb_err *e)
{
	struct lb_overlay	*ov;
	int64_t			 n;
	size_t			 i, keep;

	*out = NULL;
	if (k != lb_kind_get("shipments") && k != lb_kind_get("lines"))
		return 0;
	if (st->ops->count(st, lb_kind_get("owned"), &n, e) == -1)
		return -1;
	if (n == 0)
		return 0;
	if ((ov = lb_calloc(1, sizeof(*ov))) == NULL)
		return lb_error(e, "out of memory");
	ov->k = k;
	ov->lines = k == lb_kind_get("lines");
	if (set_load(st, &ov->set, e) == -1) {
		free(ov);
		return -1;
	}
	/* Keep the fields of this kind only. */
	for (i = keep = 0; i < ov->set.n; i++) {
		struct owned_item	*it = &ov->set.v[i];

		if (it->col >= 0 && (it->line > 0) == ov->lines)
			ov->set.v[keep++] = *it;
		else
			item_free(it);
	}
	ov->set.n = keep;
	*out = ov;
	return 0;
}

void
lb_overlay_free(struct lb_overlay *ov)
{
	if (ov == NULL)
		return;
	set_free(&ov->set);
	free(ov);
}

int
lb_overlay_apply(struct lb_overlay *ov, struct lb_change *c,
    const struct lb_who *who, struct lb_value *vals, const char *file,
    lb_overlay_where *where, lb_overlay_warn *warn, void *arg,
    int64_t *conflicts, struct lb_err *e)
{
	const struct lb_column	*col;
	struct owned_item	*it;
	char			 feed[LB_CHECK_SCRATCH], fwhere[512];
	char			 msg[1200], ours[420], theirs[420], what[80];
	unsigned long		 line, colno;
	size_t			 i, reflen;
	long			 lineno = 0;

	if (ov == NULL || vals[0].null || vals[0].s == NULL)
		return 0;
	if (ov->lines) {
		if (vals[1].null)
			return 0;
		lineno = (long)vals[1].i;
	}
	reflen = vals[0].len;
	for (i = set_find(&ov->set, vals[0].s, reflen, lineno);
	    i < ov->set.n && item_here(&ov->set.v[i], vals[0].s, reflen,
	    lineno); i++) {
		it = &ov->set.v[i];
		col = &ov->k->cols[it->col];
		if (value_is(col, &vals[it->col], it->value)) {
			/* The feed agrees: a recorded conflict is over. */
			if (strcmp(it->state, "held") != 0) {
				if (owned_write(c, who, it->ref, it->field,
				    it->value, it->source, it->reason, "held",
				    NULL, NULL, e) == -1)
					return -1;
				free(it->state);
				if ((it->state = lb_strndup("held", 4)) == NULL)
					return lb_error(e, "out of memory");
			}
			continue;
		}
		stored_text(&vals[it->col], feed, sizeof(feed));
		if (!(strcmp(it->state, "kept") == 0 &&
		    strcmp(it->feed_value, feed) == 0)) {
			where(arg, it->col, &line, &colno);
			(void)snprintf(fwhere, sizeof(fwhere), "%s:%lu:%lu",
			    file, line, colno);
			if (owned_write(c, who, it->ref, it->field, it->value,
			    it->source, it->reason, "conflict", feed, fwhere,
			    e) == -1)
				return -1;
			people_text(col, it->value, ours, sizeof(ours));
			people_text(col, feed, theirs, sizeof(theirs));
			if (ov->lines)
				(void)snprintf(what, sizeof(what), "%s of line "
				    "%ld", col->name, it->line);
			else
				(void)snprintf(what, sizeof(what), "%s",
				    col->name);
			(void)snprintf(msg, sizeof(msg), "%s of shipment %s: "
			    "the feed says %s%s%s but Lifeboat holds %s%s%s "
			    "(%s): Lifeboat's value is kept until the conflict "
			    "is resolved", what, it->ref, feed[0] ? "\"" : "",
			    feed[0] ? theirs : "nothing", feed[0] ? "\"" : "",
			    it->value[0] ? "\"" : "", it->value[0] ? ours :
			    "nothing", it->value[0] ? "\"" : "", it->source);
			warn(arg, line, colno, msg);
			(*conflicts)++;
		}
		value_from_text(col, it->value, &vals[it->col]);
	}
	return 0;
}

/* Listings. */

static void
rec_fill(const struct owned_item *it, struct lb_owned_rec *r)
{
	const struct lb_kind	*k;
	const struct lb_column	*col = NULL;
	long			 line;
	int			 c;

	memset(r, 0, sizeof(*r));
	if (parse_field(it->field, &k, &line, &c) == 0)
		col = &k->cols[c];
	(void)snprintf(r->ref, sizeof(r->ref), "%s", it->ref);
	(void)snprintf(r->field, sizeof(r->field), "%s", it->field);
	people_text(col, it->value, r->value, sizeof(r->value));
	(void)snprintf(r->source, sizeof(r->source), "%s", it->source);
	(void)snprintf(r->reason, sizeof(r->reason), "%s", it->reason);
	(void)snprintf(r->state, sizeof(r->state), "%s", it->state);
	people_text(col, it->feed_value, r->feed_value, sizeof(r->feed_value));
	(void)snprintf(r->feed_where, sizeof(r->feed_where), "%s",
	    it->feed_where);
	(void)snprintf(r->at, sizeof(r->at), "%s", it->at);
	(void)snprintf(r->actor, sizeof(r->actor), "%s", it->actor);
}

int
lb_owned_list(struct lb_vault *v, const char *ref, int conflicts_only,
    lb_owned_cb *cb, void *arg, struct lb_err *e)
{
	struct owned_set	 s;
	struct lb_owned_rec	*r;
	size_t			 i;
	int			 rc = 0;

	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	if (v->st->ops->read_begin(v->st, e) == -1) {
		free(r);
		return -1;
	}
	rc = set_load(v->st, &s, e);
	v->st->ops->read_end(v->st);
	if (rc == -1) {
		free(r);
		return -1;
	}
	for (i = 0; i < s.n && rc == 0; i++) {
		if (ref != NULL && strcmp(s.v[i].ref, ref) != 0)
			continue;
		if (conflicts_only && strcmp(s.v[i].state, "conflict") != 0)
			continue;
		rec_fill(&s.v[i], r);
		rc = cb(arg, r);
	}
	set_free(&s);
	free(r);
	return rc;
}

static int
count_conflict(void *arg, const struct lb_owned_rec *r)
{
	(*(int64_t *)arg)++;
	return 0;
}

int
lb_owned_conflicts(struct lb_vault *v, int64_t *n, struct lb_err *e)
{
	*n = 0;
	return lb_owned_list(v, NULL, 1, count_conflict, n, e);
}

/* Changes. */

/* The detail of a shipment change, begun: {"ref":"...". */
static void
detail_begin(struct lb_buf *d, const char *ref)
{
	lb_buf_adds(d, "{\"ref\":");
	lb_buf_add_json_str(d, ref, strlen(ref));
}

static void
detail_str(struct lb_buf *d, const char *name, const char *s)
{
	lb_buf_addf(d, ",\"%s\":", name);
	if (s == NULL || s[0] == '\0')
		lb_buf_adds(d, "null");
	else
		lb_buf_add_json_str(d, s, strlen(s));
}

static int
commit(struct lb_change *c, const struct lb_who *who, const char *action,
    const char *ref, struct lb_buf *d, struct lb_err *e)
{
	char	ts[24];

	lb_buf_addc(d, '}');
	if (lb_buf_error(d) != 0) {
		lb_change_abort(c);
		return lb_error(e, "%s: detail too large", action);
	}
	lb_who_ts(who, ts);
	return lb_change_commit(c, ts, who->actor, action, ref,
	    lb_buf_cstr(d), NULL, e);
}

static int
ship_write(struct lb_change *c, struct lb_shiprow *r, const char *key,
    struct lb_err *e)
{
	int	changed;

	return lb_change_upsert(c, r->k, r->vals, key, strlen(key), &changed,
	    e);
}

int
lb_shipment_put_entry(struct lb_change *c, const struct lb_who *who,
    struct lb_shiprow *ship, const char *number, int entry_type,
    struct lb_err *e)
{
	int	ce = lb_shiprow_col(ship, "entry_number");
	int	ct = lb_shiprow_col(ship, "entry_type");
	int	cr = lb_shiprow_col(ship, "ref");
	char	ref[LB_REF_MAX + 1], type[8];

	lb_value_copy(&ship->vals[cr], ref, sizeof(ref));
	if (number == NULL) {
		/* A type without a number is no entry: both go. */
		ship->vals[ce].null = 1;
		ship->vals[ct].null = 1;
		if (ship_write(c, ship, ref, e) == -1 ||
		    lb_owned_drop(c, ref, "entry_number", e) == -1 ||
		    lb_owned_drop(c, ref, "entry_type", e) == -1)
			return -1;
		return 0;
	}
	lb_value_text(&ship->vals[ce], number);
	if (entry_type != 0) {
		memset(&ship->vals[ct], 0, sizeof(ship->vals[ct]));
		ship->vals[ct].i = entry_type;
	}
	if (ship_write(c, ship, ref, e) == -1 ||
	    lb_owned_hold(c, who, ref, "entry_number", number, "draw", NULL,
	    e) == -1)
		return -1;
	if (entry_type != 0) {
		(void)snprintf(type, sizeof(type), "%d", entry_type);
		if (lb_owned_hold(c, who, ref, "entry_type", type, "draw",
		    NULL, e) == -1)
			return -1;
	}
	return 0;
}

int
lb_shipment_draw(struct lb_vault *v, const struct lb_who *who,
    const char *ref, const char *filer, int entry_type, int anyway,
    char number[LB_ENTRY_STRLEN], struct lb_problems *missing,
    struct lb_err *e)
{
	struct lb_shiprow	*r;
	char			 status[16], has[LB_ENTRY_STRLEN];
	int			 rc;

	number[0] = '\0';
	if (lb_entry_type_check(entry_type, e) == -1)
		return -1;
	/* A shipment that cannot draw at all is told so first. */
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_shiprow_init(r, lb_kind_get("shipments"));
	rc = lb_shiprow_get(v->st, r, ref, e);
	if (rc == 1) {
		lb_value_copy(&r->vals[lb_shiprow_col(r, "status")], status,
		    sizeof(status));
		lb_value_copy(&r->vals[lb_shiprow_col(r, "entry_number")], has,
		    sizeof(has));
	}
	lb_shiprow_free(r);
	free(r);
	if (rc == -1)
		return -1;
	if (rc == 0) {
		lb_error(e, "no shipment \"%s\" in the vault", ref);
		return 2;
	}
	if (strcmp(status, "cancelled") == 0 || strcmp(status, "released") == 0)
		return lb_error(e, "shipment %s is %s: it takes no entry number "
		    "from the reserve", ref, status);
	if (has[0] != '\0')
		return lb_error(e, "shipment %s already has entry number %s",
		    ref, has);
	rc = lb_pack_check_draw(v, ref, entry_type, missing, e);
	if (rc == -1)
		return -1;
	if (rc == LB_PACK_NOT_FOUND)
		return 2;
	if (rc == LB_PACK_REFUSED && !anyway)
		return 1;
	/* The draw refuses a cancelled or released shipment by itself. */
	return lb_entry_next_typed(v, who, filer, ref, entry_type, number, e);
}

/* Conflicts. */

struct one_owned {
	const char		*field;
	struct owned_set	 s;
	struct owned_item	*it;
};

static int
owned_get(struct lb_store *st, const char *ref, const char *field,
    struct one_owned *o, struct lb_err *e)
{
	size_t	i;

	memset(o, 0, sizeof(*o));
	o->field = field;
	if (set_load(st, &o->s, e) == -1)
		return -1;
	for (i = 0; i < o->s.n; i++)
		if (strcmp(o->s.v[i].ref, ref) == 0 &&
		    strcmp(o->s.v[i].field, field) == 0)
			o->it = &o->s.v[i];
	return o->it != NULL;
}

/* Read line `line` of shipment ref: 1 found, 0 none, -1. */
struct line_find {
	struct lb_shiprow	*r;
	long			 line;
};

static int
on_line(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct line_find	*f = arg;

	if (!vals[1].null && vals[1].i == f->line)
		return on_copy(f->r, vals, d, dlen);
	return 0;
}

static int
line_get(struct lb_store *st, struct lb_shiprow *r, const char *ref,
    long line, struct lb_err *e)
{
	struct line_find	f = { r, line };

	r->found = 0;
	if (st->ops->rows_by(st, r->k, ref, strlen(ref), on_line, &f,
	    e) == -1)
		return -1;
	return r->found;
}

static void
line_key(char *out, size_t outlen, const char *ref, long line)
{
	(void)snprintf(out, outlen, "%s|%ld", ref, line);
}

int
lb_shipment_resolve(struct lb_vault *v, const struct lb_who *who,
    const char *ref, const char *field, int how, const char *reason,
    struct lb_err *e)
{
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct one_owned	 o;
	struct lb_shiprow	*r = NULL;
	struct lb_release_rec	 rel;
	struct lb_buf		 d;
	const struct lb_kind	*k;
	char			 key[LB_REF_MAX + 16], owner[64];
	long			 line;
	int			 col, rc, ret = -1;

	if (reason == NULL || reason[0] == '\0' || strlen(reason) > 400)
		return lb_error(e, "a reason (1 to 400 characters) is needed "
		    "to resolve a conflict");
	if (parse_field(field, &k, &line, &col) == -1)
		return lb_error(e, "\"%.60s\" is not a field of a shipment or "
		    "of its lines", field);
	memset(&o, 0, sizeof(o));
	lb_buf_init(&d, 8192);
	if ((r = lb_calloc(1, sizeof(*r))) == NULL) {
		lb_buf_free(&d);
		return lb_error(e, "out of memory");
	}
	lb_shiprow_init(r, k);
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	if ((rc = owned_get(st, ref, field, &o, e)) == -1)
		goto out;
	if (rc == 0 || strcmp(o.it->state, "held") == 0) {
		lb_error(e, "%s of shipment %s has no conflict with the feed",
		    field, ref);
		goto out;
	}
	if (how == LB_RESOLVE_KEEP && strcmp(o.it->state, "kept") == 0) {
		lb_error(e, "the conflict on %s of shipment %s is already "
		    "resolved: Lifeboat's value is kept", field, ref);
		goto out;
	}
	detail_begin(&d, ref);
	detail_str(&d, "field", field);
	detail_str(&d, "resolution", how == LB_RESOLVE_KEEP ? "keep" :
	    "accept");
	detail_str(&d, "value", how == LB_RESOLVE_KEEP ? o.it->value :
	    o.it->feed_value);
	detail_str(&d, "reason", reason);
	if (how == LB_RESOLVE_KEEP) {
		if (owned_write(&c, who, ref, field, o.it->value,
		    o.it->source, o.it->reason, "kept", o.it->feed_value,
		    o.it->feed_where, e) == -1)
			goto out;
		ret = commit(&c, who, "shipment.resolve", ref, &d, e);
		goto out_free;
	}
	/* Accept the feed's value. */
	rc = line > 0 ? line_get(st, r, ref, line, e) :
	    lb_shiprow_get(st, r, ref, e);
	if (rc == -1)
		goto out;
	if (rc == 0) {
		lb_error(e, "no %s %s in the vault", line > 0 ? "line of "
		    "shipment" : "shipment", ref);
		goto out;
	}
	if (line == 0 && strcmp(field, "entry_number") == 0) {
		if ((rc = lb_shipment_release_get(v, ref, &rel, e)) == -1)
			goto out;
		if (rc == 1 && strcmp(rel.entry, o.it->value) == 0) {
			lb_error(e, "CBP released shipment %s on paper under "
			    "%s on %s: that entry must be filed, so the feed's "
			    "entry number cannot replace it", ref, rel.entry,
			    rel.date);
			goto out;
		}
		if (o.it->feed_value[0] != '\0') {
			rc = st->ops->unique_owner(st, r->k, col,
			    o.it->feed_value, strlen(o.it->feed_value), owner,
			    sizeof(owner), e);
			if (rc == -1)
				goto out;
			if (rc == 1 && strcmp(owner, ref) != 0) {
				lb_error(e, "the feed's entry number %s is on "
				    "shipment %s already", o.it->feed_value,
				    owner);
				goto out;
			}
		}
		/* Lifeboat's number is never lost: it becomes void. */
		if (o.it->value[0] != '\0') {
			char	why[200];

			(void)snprintf(why, sizeof(why), "the feed gives %s "
			    "%s instead (conflict resolved)", ref,
			    o.it->feed_value[0] ? o.it->feed_value : "no entry "
			    "number");
			if (lb_entry_mark_void(&c, who, o.it->value, why,
			    e) == -1 || lb_recovery_void(&c, who, ref,
			    o.it->value, e) == -1)
				goto out;
		}
		if (o.it->feed_value[0] == '\0') {
			int	ct = lb_shiprow_col(r, "entry_type");

			r->vals[ct].null = 1;
			if (lb_owned_drop(&c, ref, "entry_type", e) == -1)
				goto out;
		}
	}
	value_from_text(&r->k->cols[col], o.it->feed_value, &r->vals[col]);
	if (line > 0)
		line_key(key, sizeof(key), ref, line);
	else
		(void)snprintf(key, sizeof(key), "%s", ref);
	if (ship_write(&c, r, key, e) == -1 ||
	    lb_owned_drop(&c, ref, field, e) == -1)
		goto out;
	ret = commit(&c, who, "shipment.resolve", ref, &d, e);
	goto out_free;
out:
	lb_change_abort(&c);
out_free:
	set_free(&o.s);
	lb_shiprow_free(r);
	free(r);
	lb_buf_free(&d);
	return ret;
}

/* The paper release. */

static int
on_release(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct lb_release_rec	*r = arg;

	lb_value_copy(&vals[0], r->ref, sizeof(r->ref));
	lb_value_copy(&vals[1], r->date, sizeof(r->date));
	lb_value_copy(&vals[2], r->port, sizeof(r->port));
	lb_value_copy(&vals[3], r->entry, sizeof(r->entry));
	lb_value_copy(&vals[4], r->note, sizeof(r->note));
	lb_value_copy(&vals[5], r->at, sizeof(r->at));
	lb_value_copy(&vals[6], r->actor, sizeof(r->actor));
	return 0;
}

int
lb_shipment_release_get(struct lb_vault *v, const char *ref,
    struct lb_release_rec *out, struct lb_err *e)
{
	memset(out, 0, sizeof(*out));
	return v->st->ops->get_row(v->st, lb_kind_get("releases"), ref,
	    strlen(ref), on_release, out, e);
}

int
lb_shipment_release(struct lb_vault *v, const struct lb_who *who,
    const char *ref, int64_t date, const char *port_in, const char *note,
    int64_t today, struct lb_err *e)
{
	const struct lb_kind	*rk = lb_kind_get("releases");
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct lb_shiprow	*r;
	struct lb_value		 rv[7];
	struct lb_buf		 d;
	char			 ds[LB_DATE_STRLEN], port[8], status[16];
	char			 entry[LB_ENTRY_STRLEN], arrival[16], ts[24];
	int			 rc, changed, ret = -1;

	if (note != NULL && (strlen(note) > 400 ||
	    lb_utf8_validate(note, strlen(note), &(size_t){ 0 }) != 0))
		return lb_error(e, "the note is at most 400 characters of "
		    "text");
	if (port_in != NULL) {
		if (!lb_port_valid(port_in, strlen(port_in)))
			return lb_error(e, "port \"%.20s\" is not a Schedule D "
			    "port code (4 digits, like 2704)", port_in);
		(void)snprintf(port, sizeof(port), "%s", port_in);
	}
	if (date > today) {
		lb_date_format(date, ds);
		return lb_error(e, "a release date of %s is in the future: "
		    "record a release once CBP has granted it", ds);
	}
	lb_date_format(date, ds);
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_shiprow_init(r, lb_kind_get("shipments"));
	lb_buf_init(&d, 4096);
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	if ((rc = lb_shiprow_get(st, r, ref, e)) == -1)
		goto out;
	if (rc == 0) {
		lb_error(e, "no shipment \"%s\" in the vault", ref);
		goto out;
	}
	lb_value_copy(&r->vals[lb_shiprow_col(r, "status")], status,
	    sizeof(status));
	lb_value_copy(&r->vals[lb_shiprow_col(r, "entry_number")], entry,
	    sizeof(entry));
	lb_value_copy(&r->vals[lb_shiprow_col(r, "arrival_date")], arrival,
	    sizeof(arrival));
	if (strcmp(status, "cancelled") == 0) {
		lb_error(e, "shipment %s is cancelled: there is nothing to "
		    "release", ref);
		goto out;
	}
	if (strcmp(status, "released") == 0) {
		char	was[16];

		lb_value_copy(&r->vals[lb_shiprow_col(r, "release_date")],
		    was, sizeof(was));
		lb_error(e, "shipment %s is already released (on %s)", ref,
		    was[0] ? was : "a date the feed does not give");
		goto out;
	}
	if (entry[0] == '\0') {
		lb_error(e, "shipment %s has no entry number: draw one first "
		    "(an entry number binds the broker to file the entry)",
		    ref);
		goto out;
	}
	if (arrival[0] != '\0' && strcmp(ds, arrival) < 0) {
		lb_error(e, "a release date of %s is before the shipment's "
		    "arrival on %s", ds, arrival);
		goto out;
	}
	if (port_in == NULL)
		lb_value_copy(&r->vals[lb_shiprow_col(r, "port_entry")], port,
		    sizeof(port));
	lb_value_text(&r->vals[lb_shiprow_col(r, "status")], "released");
	lb_value_text(&r->vals[lb_shiprow_col(r, "release_date")], ds);
	if (ship_write(&c, r, ref, e) == -1 ||
	    lb_owned_hold(&c, who, ref, "status", "released", "release", note,
	    e) == -1 ||
	    lb_owned_hold(&c, who, ref, "release_date", ds, "release", note,
	    e) == -1)
		goto out;
	lb_who_ts(who, ts);
	lb_value_text(&rv[0], ref);
	lb_value_text(&rv[1], ds);
	lb_value_text(&rv[2], port);
	lb_value_text(&rv[3], entry);
	lb_value_text(&rv[4], note);
	lb_value_text(&rv[5], ts);
	lb_value_text(&rv[6], who->actor);
	if (lb_change_upsert(&c, rk, rv, ref, strlen(ref), &changed, e) == -1)
		goto out;
	detail_begin(&d, ref);
	detail_str(&d, "release_date", ds);
	detail_str(&d, "port", port);
	detail_str(&d, "entry_number", entry);
	detail_str(&d, "note", note);
	ret = commit(&c, who, "shipment.release", ref, &d, e);
	goto out_free;
out:
	lb_change_abort(&c);
out_free:
	lb_shiprow_free(r);
	free(r);
	lb_buf_free(&d);
	return ret;
}

/* Corrections. */

/* Columns that have a command of their own. */
static const char *const not_settable[] = {
	"ref", "importer_number", "status", "release_date", "entry_number",
	"summary_date", "shipment_ref", "line_no", NULL
};

const char *
lb_shipment_field_doc(const char *field)
{
	const struct lb_kind	*k;
	long			 line;
	int			 col;

	return parse_field(field, &k, &line, &col) == 0 ? k->cols[col].doc :
	    NULL;
}

int
lb_shipment_settable(const char *field)
{
	const struct lb_kind	*k;
	long			 line;
	int			 col;

	return parse_field(field, &k, &line, &col) == 0 &&
	    settable(&k->cols[col]);
}

static int
settable(const struct lb_column *c)
{
	size_t	i;

	if (c->flags & (LB_COL_DERIVED | LB_COL_KEY))
		return 0;
	for (i = 0; not_settable[i] != NULL; i++)
		if (strcmp(not_settable[i], c->name) == 0)
			return 0;
	return 1;
}

struct assignment {
	char			 field[48];
	long			 line;
	int			 col;
	const struct lb_kind	*k;
	const char		*raw;
	char			 scratch[LB_CHECK_SCRATCH];
	char			 stored[LB_CHECK_SCRATCH];
	struct lb_shiprow	*row;
};

static int
parse_assign(const char *a, struct assignment *as, struct lb_err *e)
{
	const char	*eq = strchr(a, '=');
	size_t		 n;

	if (eq == NULL || eq == a)
		return lb_error(e, "\"%.60s\": expected FIELD=VALUE", a);
	n = (size_t)(eq - a);
	if (n >= sizeof(as->field))
		return lb_error(e, "\"%.60s\": no such field", a);
	memcpy(as->field, a, n);
	as->field[n] = '\0';
	as->raw = eq + 1;
	if (parse_field(as->field, &as->k, &as->line, &as->col) == -1)
		return lb_error(e, "%s: not a field of a shipment (COLUMN) or "
		    "of one of its lines (LINE.COLUMN); see docs/formats.md",
		    as->field);
	if (!settable(&as->k->cols[as->col])) {
		const char *how = "";

		if (strcmp(as->field, "status") == 0 ||
		    strcmp(as->field, "release_date") == 0)
			how = ": record a paper release instead";
		else if (strcmp(as->field, "entry_number") == 0)
			how = ": draw or void an entry number instead";
		else if (strcmp(as->field, "summary_date") == 0)
			how = ": it comes from the main system or the recovery "
			    "queue";
		return lb_error(e, "%s cannot be set%s", as->field, how);
	}
	return 0;
}

int
lb_shipment_set(struct lb_vault *v, const struct lb_who *who,
    const char *ref, char *const *assign, size_t n, const char *reason,
    struct lb_err *e)
{
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct assignment	*as = NULL;
	struct lb_shiprow	*rows = NULL;	/* [0] the shipment, lines after */
	size_t			 nrows = 1, i, j;
	struct lb_rules		 rules;
	struct lb_check_ctx	 ctx = { 0 };
	struct lb_buf		 d;
	char			 why[LB_CHECK_SCRATCH], key[LB_REF_MAX + 16];
	int			 rc, bad, ret = -1, mode;

	if (n == 0)
		return lb_error(e, "nothing to set: give FIELD=VALUE");
	if (n > MAX_ASSIGN)
		return lb_error(e, "at most %d fields at once", MAX_ASSIGN);
	if (reason == NULL || reason[0] == '\0' || strlen(reason) > 400)
		return lb_error(e, "a reason (1 to 400 characters) is needed "
		    "to change a shipment");
	as = lb_calloc(n, sizeof(*as));
	rows = lb_calloc(n + 1, sizeof(*rows));
	lb_buf_init(&d, 1 << 16);
	if (as == NULL || rows == NULL) {
		free(as);
		free(rows);
		return lb_error(e, "out of memory");
	}
	lb_shiprow_init(&rows[0], lb_kind_get("shipments"));
	for (i = 0; i < n; i++) {
		if (parse_assign(assign[i], &as[i], e) == -1)
			goto out_free;
		if (lb_utf8_validate(as[i].raw, strlen(as[i].raw),
		    &(size_t){ 0 }) != 0 || strlen(as[i].raw) >=
		    LB_CHECK_SCRATCH) {
			lb_error(e, "%s: not valid text", as[i].field);
			goto out_free;
		}
		for (j = 0; j < i; j++)
			if (strcmp(as[j].field, as[i].field) == 0) {
				lb_error(e, "%s is given twice", as[i].field);
				goto out_free;
			}
	}
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	if ((rc = lb_shiprow_get(st, &rows[0], ref, e)) == -1)
		goto out;
	if (rc == 0) {
		lb_error(e, "no shipment \"%s\" in the vault", ref);
		goto out;
	}
	mode = rows[0].vals[lb_shiprow_col(&rows[0], "mode")].null ? 0 :
	    (int)rows[0].vals[lb_shiprow_col(&rows[0], "mode")].i;
	ctx.mode = mode;
	/* Each assignment on its row: the shipment, or a line read once. */
	for (i = 0; i < n; i++) {
		const struct lb_column	*col = &as[i].k->cols[as[i].col];
		struct lb_value		*val;

		if (as[i].line == 0)
			as[i].row = &rows[0];
		for (j = 0; j < i && as[i].row == NULL; j++)
			if (as[j].line == as[i].line)
				as[i].row = as[j].row;
		if (as[i].row == NULL) {
			as[i].row = &rows[nrows++];
			lb_shiprow_init(as[i].row, lb_kind_get("lines"));
			if ((rc = line_get(st, as[i].row, ref, as[i].line,
			    e)) == -1)
				goto out;
			if (rc == 0) {
				lb_error(e, "%s: shipment %s has no line %ld",
				    as[i].field, ref, as[i].line);
				goto out;
			}
		}
		val = &as[i].row->vals[as[i].col];
		if (as[i].raw[0] == '\0') {
			if (col->flags & LB_COL_REQUIRED) {
				lb_error(e, "%s is required: it cannot be "
				    "cleared", as[i].field);
				goto out;
			}
			memset(val, 0, sizeof(*val));
			val->null = 1;
		} else if (lb_check_value(col, &ctx, as[i].raw,
		    strlen(as[i].raw), as[i].scratch, val, why,
		    sizeof(why)) == -1) {
			lb_error(e, "%s: %s", as[i].field, why);
			goto out;
		}
		stored_text(val, as[i].stored, sizeof(as[i].stored));
		/* The value must outlive raw's owner: point into stored. */
		if (!val->null && val->s != NULL) {
			val->s = as[i].stored;
			val->len = strlen(as[i].stored);
		}
	}
	/* The record's cross-field rules, on every row touched. */
	for (j = 0; j < nrows; j++) {
		int	cc = -1;

		lb_rules_init(&rules, rows[j].k);
		bad = lb_check_record(&rules, rows[j].vals, &cc, why,
		    sizeof(why));
		if (bad == -1) {
			lb_error(e, "%s: %s", cc >= 0 ?
			    rows[j].k->cols[cc].name : "shipment", why);
			goto out;
		}
	}
	for (j = 0; j < nrows; j++) {
		if (j == 0)
			(void)snprintf(key, sizeof(key), "%s", ref);
		else
			line_key(key, sizeof(key), ref, (long)rows[j].vals[1].i);
		if (ship_write(&c, &rows[j], key, e) == -1)
			goto out;
	}
	detail_begin(&d, ref);
	lb_buf_adds(&d, ",\"fields\":{");
	for (i = 0; i < n; i++) {
		if (lb_owned_hold(&c, who, ref, as[i].field, as[i].stored,
		    "set", reason, e) == -1)
			goto out;
		lb_buf_addf(&d, "%s\"%s\":", i ? "," : "", as[i].field);
		if (as[i].stored[0] == '\0')
			lb_buf_adds(&d, "null");
		else
			lb_buf_add_json_str(&d, as[i].stored,
			    strlen(as[i].stored));
	}
	lb_buf_addc(&d, '}');
	detail_str(&d, "reason", reason);
	ret = commit(&c, who, "shipment.set", ref, &d, e);
	goto out_free;
out:
	lb_change_abort(&c);
out_free:
	for (j = 0; j < n + 1; j++)
		if (rows[j].k != NULL)
			lb_shiprow_free(&rows[j]);
	free(rows);
	free(as);
	lb_buf_free(&d);
	return ret;
}
