/*
 * relief.c: the calendar in force, relief granted and incident clocks, kept
 * in the vault (relief.h).  Each write is one journaled change; each value
 * from outside is checked by its column before anything is written.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "journal.h"
#include "mem.h"
#include "relief.h"
#include "row.h"
#include "text.h"

const struct lb_clock_def lb_clock_defs[] = {
	{ "soc-notice", "soc_notice_hours",
	    "breach notice to the CBP SOC listing the compromised importer "
	    "numbers (19 CFR 111.21(b))" },
};
const size_t lb_nclock_defs = sizeof(lb_clock_defs) / sizeof(lb_clock_defs[0]);

/* Commit c with a detail object built in d; aborts c on failure. */
static int
commit(struct lb_change *c, const struct lb_who *who, const char *action,
    const char *subject, struct lb_buf *d, struct lb_err *e)
{
	char	ts[24];

	if (lb_buf_error(d) != 0) {
		lb_change_abort(c);
		return lb_error(e, "%s: detail too large", action);
	}
	lb_who_ts(who, ts);
	return lb_change_commit(c, ts, who->actor, action, subject,
	    lb_buf_cstr(d), NULL, e);
}

static int
set_who(struct lb_row *r, const struct lb_who *who, struct lb_err *e)
{
	char	ts[24];

	lb_who_ts(who, ts);
	if (lb_row_set(r, "at", ts, e) == -1 ||
	    lb_row_set(r, "actor", who->actor, e) == -1)
		return -1;
	return 0;
}

/* The calendar. */

int
lb_calendar_store(struct lb_vault *v, const struct lb_who *who,
    const char *text, size_t n, const char *source, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("calendar");
	struct lb_calendar	*cal;
	struct lb_change	 c;
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 why[LB_CAL_WHY_MAX];
	unsigned long		 line;
	int			 changed, c_text, ret = -1;

	if ((cal = lb_cal_new()) == NULL)
		return lb_error(e, "out of memory");
	if (lb_cal_read(cal, text, n, &line, why, sizeof(why)) == -1) {
		lb_cal_free(cal);
		return lb_error(e, "%s:%lu: %s", source, line, why);
	}
	lb_cal_free(cal);
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 4096);
	lb_row_init(r, k);
	if (lb_row_set(r, "name", "current", e) == -1 ||
	    lb_row_set(r, "source", source, e) == -1 ||
	    set_who(r, who, e) == -1)
		goto out;
	/* The file itself is stored as read: lb_cal_read accepted it (line
	 * ends and all, which the text check would refuse). */
	c_text = lb_kind_col(k, "text");
	r->vals[c_text].null = 0;
	r->vals[c_text].s = text;
	r->vals[c_text].len = n;
	if (lb_change_begin(v->st, &c, e) == -1)
		goto out;
	if (lb_change_upsert(&c, k, r->vals, "current", 7, &changed,
	    e) == -1) {
		lb_change_abort(&c);
		goto out;
	}
	lb_buf_adds(&d, "{\"source\":");
	lb_buf_add_json_str(&d, source, strlen(source));
	lb_buf_addf(&d, ",\"bytes\":%zu}", n);
	ret = commit(&c, who, "calendar.load", "current", &d, e);
out:
	lb_buf_free(&d);
	free(r);
	return ret;
}

struct cal_load {
	struct lb_calendar	*cal;
	char			*source;
	struct lb_err		*e;
	int			 bad;
};

static int
on_calendar(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct cal_load	*l = arg;
	char		 why[LB_CAL_WHY_MAX], src[201], at[24];
	unsigned long	 line;

	if (lb_cal_read(l->cal, vals[1].s != NULL ? vals[1].s : "",
	    vals[1].len, &line, why, sizeof(why)) == -1) {
		/* It was checked when stored: the vault was changed since. */
		lb_error(l->e, "the vault's calendar, line %lu: %s (run "
		    "lifeboat verify)", line, why);
		l->bad = 1;
		return -1;
	}
	if (l->source != NULL) {
		lb_value_copy(&vals[2], src, sizeof(src));
		lb_value_copy(&vals[3], at, sizeof(at));
		/* A long file name is cut short: this is for display. */
		if (snprintf(l->source, 201, "%s, loaded %s", src, at) >= 201)
			l->source[200] = '\0';
	}
	return 0;
}

int
lb_calendar_of_vault(struct lb_vault *v, struct lb_calendar **out,
    char *source, struct lb_err *e)
{
	struct cal_load	l;
	int		rc;

	*out = NULL;
	if (source != NULL)
		source[0] = '\0';
	memset(&l, 0, sizeof(l));
	if ((l.cal = lb_cal_new()) == NULL)
		return lb_error(e, "out of memory");
	l.source = source;
	l.e = e;
	rc = v->st->ops->get_row(v->st, lb_kind_get("calendar"), "current", 7,
	    on_calendar, &l, e);
	if (rc == -1) {
		lb_cal_free(l.cal);
		return -1;
	}
	if (rc == 0) {
		/* No file of the vault's: the built-in data is in force. */
		lb_cal_free(l.cal);
		if ((l.cal = lb_cal_new_default()) == NULL)
			return lb_error(e, "out of memory");
		if (source != NULL)
			(void)snprintf(source, 201, "built in: federal holidays, "
			    "closures by executive order since 2024, CBP's "
			    "PMS dates for 2025 (lifeboat calendar data)");
	}
	*out = l.cal;
	return 0;
}

/* Relief. */

static int
relief_from_vals(const struct lb_value *vals, struct lb_relief_rec *rec)
{
	char	type[16], covers[16];

	memset(rec, 0, sizeof(*rec));
	lb_value_copy(&vals[0], rec->r.id, sizeof(rec->r.id));
	lb_value_copy(&vals[1], type, sizeof(type));
	lb_value_copy(&vals[2], rec->first, sizeof(rec->first));
	lb_value_copy(&vals[3], rec->last, sizeof(rec->last));
	lb_value_copy(&vals[4], covers, sizeof(covers));
	rec->r.days = vals[5].null ? 0 : (int)vals[5].i;
	lb_value_copy(&vals[6], rec->r.ports, sizeof(rec->r.ports));
	lb_value_copy(&vals[7], rec->r.importer, sizeof(rec->r.importer));
	lb_value_copy(&vals[8], rec->reason, sizeof(rec->reason));
	lb_value_copy(&vals[9], rec->reference, sizeof(rec->reference));
	lb_value_copy(&vals[10], rec->at, sizeof(rec->at));
	lb_value_copy(&vals[11], rec->actor, sizeof(rec->actor));
	lb_value_copy(&vals[12], rec->approved_by, sizeof(rec->approved_by));
	lb_value_copy(&vals[13], rec->renews, sizeof(rec->renews));
	rec->r.type = strcmp(type, "extension") == 0 ? LB_RELIEF_EXTENSION :
	    strcmp(type, "downtime") == 0 ? LB_RELIEF_DOWNTIME :
	    LB_RELIEF_DISCRETION;
	if (strcmp(covers, "summary") == 0)
		rec->r.covers = LB_COVERS_SUMMARY;
	else if (strcmp(covers, "payment") == 0)
		rec->r.covers = LB_COVERS_PAYMENT;
	else
		rec->r.covers = LB_COVERS_SUMMARY | LB_COVERS_PAYMENT;
	if (lb_date_parse(rec->first, strlen(rec->first), &rec->r.first, NULL,
	    0) == -1 || lb_date_parse(rec->last, strlen(rec->last),
	    &rec->r.last, NULL, 0) == -1)
		return -1;
	return 0;
}

static int
relief_check(const struct lb_row *r, struct lb_err *e)
{
	const struct lb_value	*first = &r->vals[2], *last = &r->vals[3];
	const struct lb_value	*type = &r->vals[1], *days = &r->vals[5];
	char			 why[120];
	int64_t			 d;
	int			 ext, disc, down;

	if (lb_row_complete(r, e) == -1)
		return -1;
	if (lb_date_parse(first->s, first->len, &d, NULL, 0) == 0 &&
	    lb_date_check_range(d, why, sizeof(why)) == -1)
		return lb_error(e, "first: %s", why);
	if (lb_date_parse(last->s, last->len, &d, NULL, 0) == 0 &&
	    lb_date_check_range(d, why, sizeof(why)) == -1)
		return lb_error(e, "last: %s", why);
	/* Canonical dates compare as text. */
	if (first->len == last->len && memcmp(first->s, last->s,
	    first->len) > 0)
		return lb_error(e, "the period ends (%.*s) before it starts "
		    "(%.*s)", (int)last->len, last->s, (int)first->len,
		    first->s);
	ext = type->len == 9 && memcmp(type->s, "extension", 9) == 0;
	disc = type->len == 10 && memcmp(type->s, "discretion", 10) == 0;
	down = type->len == 8 && memcmp(type->s, "downtime", 8) == 0;
	if (disc && (r->vals[9].null || r->vals[12].null))
		return lb_error(e, "enforcement discretion is evidence: give "
		    "CBP's reference (--reference) and the approving CBP office "
		    "or person (--approved-by)");
	if (down && r->vals[6].null)
		return lb_error(e, "a downtime authorization names its ports "
		    "(--ports 2704;2709)");
	if (down && !days->null)
		return lb_error(e, "--days is for an extension; downtime moves "
		    "no deadline");
	if (ext && days->null)
		return lb_error(e, "an extension needs --days, the working days "
		    "it adds");
	if (!ext && !days->null)
		return lb_error(e, "--days is for an extension; enforcement "
		    "discretion covers its period");
	return 0;
}

int
lb_relief_add(struct lb_vault *v, const struct lb_who *who,
    const struct lb_relief_in *in, char id_out[LB_RELIEF_ID],
    struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("relief");
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 id[LB_RELIEF_ID];
	int64_t			 n;
	int			 rc, changed, ret = -1, began = 0;

	id_out[0] = '\0';
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 4096);
	lb_row_init(r, k);
	if (lb_row_set(r, "type", in->type, e) == -1 ||
	    lb_row_set(r, "first", in->first, e) == -1 ||
	    lb_row_set(r, "last", in->last, e) == -1 ||
	    lb_row_set(r, "covers", in->covers != NULL && in->covers[0] !=
	    '\0' ? in->covers : "all", e) == -1 ||
	    lb_row_set(r, "days", in->days, e) == -1 ||
	    lb_row_set(r, "ports", in->ports, e) == -1 ||
	    lb_row_set(r, "importer_number", in->importer, e) == -1 ||
	    lb_row_set(r, "reason", in->reason, e) == -1 ||
	    lb_row_set(r, "reference", in->reference, e) == -1 ||
	    lb_row_set(r, "approved_by", in->approved_by, e) == -1 ||
	    lb_row_set(r, "renews", in->renews, e) == -1 ||
	    set_who(r, who, e) == -1)
		goto out;
	if (in->id != NULL && in->id[0] != '\0' &&
	    lb_row_set(r, "id", in->id, e) == -1)
		goto out;
	if (lb_change_begin(st, &c, e) == -1)
		goto out;
	began = 1;
	if (r->vals[0].null) {
		/* The next free R<n>, under the write lock. */
		if (st->ops->count(st, k, &n, e) == -1)
			goto out;
		for (n++;; n++) {
			(void)snprintf(id, sizeof(id), "R%" PRId64, n);
			if ((rc = st->ops->has_key(st, k, id, strlen(id),
			    e)) == -1)
				goto out;
			if (rc == 0)
				break;
		}
		if (lb_row_set(r, "id", id, e) == -1)
			goto out;
	} else {
		lb_value_copy(&r->vals[0], id, sizeof(id));
		if ((rc = st->ops->has_key(st, k, id, strlen(id), e)) == -1)
			goto out;
		if (rc == 1) {
			lb_error(e, "relief %s is already recorded", id);
			goto out;
		}
	}
	if (relief_check(r, e) == -1)
		goto out;
	if (!r->vals[13].null) {
		rc = st->ops->has_key(st, k, r->vals[13].s, r->vals[13].len, e);
		if (rc == -1)
			goto out;
		if (rc == 0) {
			lb_error(e, "renews: no relief %.*s is recorded",
			    (int)r->vals[13].len, r->vals[13].s);
			goto out;
		}
	}
	if (!r->vals[7].null) {
		rc = st->ops->has_key(st, lb_kind_get("clients"), r->vals[7].s,
		    r->vals[7].len, e);
		if (rc == -1)
			goto out;
		if (rc == 0) {
			lb_error(e, "importer_number: no client %.*s in the vault",
			    (int)r->vals[7].len, r->vals[7].s);
			goto out;
		}
	}
	if (lb_change_upsert(&c, k, r->vals, id, strlen(id), &changed,
	    e) == -1)
		goto out;
	lb_buf_adds(&d, "{\"id\":");
	lb_buf_add_json_str(&d, id, strlen(id));
	lb_buf_addf(&d, ",\"type\":\"%.*s\",\"first\":\"%.*s\",\"last\":"
	    "\"%.*s\"}", (int)r->vals[1].len, r->vals[1].s,
	    (int)r->vals[2].len, r->vals[2].s, (int)r->vals[3].len,
	    r->vals[3].s);
	began = 0;
	if (commit(&c, who, "relief.add", id, &d, e) == -1)
		goto out;
	(void)snprintf(id_out, LB_RELIEF_ID, "%s", id);
	ret = 0;
out:
	if (began)
		lb_change_abort(&c);
	lb_buf_free(&d);
	free(r);
	return ret;
}

struct relief_scan {
	lb_relief_cb	*cb;
	void		*arg;
	struct lb_err	*e;
};

static int
on_relief(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct relief_scan	*s = arg;
	struct lb_relief_rec	 rec;

	if (relief_from_vals(vals, &rec) == -1)
		return lb_error(s->e, "relief %s: bad dates in the vault (run "
		    "lifeboat verify)", rec.r.id);
	return s->cb(s->arg, &rec);
}

int
lb_relief_list(struct lb_vault *v, lb_relief_cb *cb, void *arg,
    struct lb_err *e)
{
	struct relief_scan	s = { cb, arg, e };

	return v->st->ops->rows_scan(v->st, lb_kind_get("relief"), on_relief,
	    &s, e);
}

/* Clocks. */

static const struct lb_clock_def *
clock_def(const char *name, struct lb_err *e)
{
	size_t	i;

	for (i = 0; i < lb_nclock_defs; i++)
		if (strcmp(lb_clock_defs[i].name, name) == 0)
			return &lb_clock_defs[i];
	lb_error(e, "no clock named \"%s\" (known: soc-notice)", name);
	return NULL;
}

static int
on_clock_row(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct lb_clock_rec	*rec = arg;
	char			 t[LB_TIME_STRLEN + 4], why[100];

	memset(rec, 0, sizeof(*rec));
	lb_value_copy(&vals[0], rec->name, sizeof(rec->name));
	lb_value_copy(&vals[3], rec->note, sizeof(rec->note));
	rec->def = clock_def(rec->name, NULL);
	lb_value_copy(&vals[1], t, sizeof(t));
	if (lb_time_parse(t, strlen(t), &rec->started, why,
	    sizeof(why)) == -1 || lb_time_check_range(rec->started, why,
	    sizeof(why)) == -1) {
		rec->bad = 1;
		(void)lb_why(rec->bad_why, sizeof(rec->bad_why), "clock %s: "
		    "bad stored start: %s", rec->name, why);
	}
	if (!vals[2].null) {
		lb_value_copy(&vals[2], t, sizeof(t));
		rec->is_stopped = 1;
		if (lb_time_parse(t, strlen(t), &rec->stopped, why,
		    sizeof(why)) == -1 && !rec->bad) {
			rec->bad = 1;
			(void)lb_why(rec->bad_why, sizeof(rec->bad_why),
			    "clock %s: bad stored stop: %s", rec->name, why);
		}
	}
	return 0;
}

/* Write the clock row; is_stopped 0 while running. */
static int
clock_write(struct lb_vault *v, const struct lb_who *who, const char *name,
    int64_t started, int is_stopped, int64_t stopped, const char *note,
    const char *action, struct lb_change *c, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("clocks");
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 t1[LB_TIME_STRLEN], t2[LB_TIME_STRLEN];
	int			 changed, ret = -1;

	if ((r = lb_calloc(1, sizeof(*r))) == NULL) {
		lb_change_abort(c);
		return lb_error(e, "out of memory");
	}
	lb_buf_init(&d, 1024);
	lb_row_init(r, k);
	lb_time_format(started, t1);
	t2[0] = '\0';
	if (is_stopped)
		lb_time_format(stopped, t2);
	if (lb_row_set(r, "name", name, e) == -1 ||
	    lb_row_set(r, "started", t1, e) == -1 ||
	    lb_row_set(r, "stopped", t2, e) == -1 ||
	    lb_row_set(r, "note", note, e) == -1 ||
	    set_who(r, who, e) == -1 ||
	    lb_change_upsert(c, k, r->vals, name, strlen(name), &changed,
	    e) == -1) {
		lb_change_abort(c);
		goto out;
	}
	lb_buf_addf(&d, "{\"name\":\"%s\",\"started\":\"%s\"", name, t1);
	if (is_stopped)
		lb_buf_addf(&d, ",\"stopped\":\"%s\"", t2);
	lb_buf_adds(&d, "}");
	ret = commit(c, who, action, name, &d, e);
out:
	lb_buf_free(&d);
	free(r);
	return ret;
}

/*
 * Begin the change that starts or stops clock `name`: *rec gets the clock
 * as it stands.  1 found, 0 not yet started, -1 (nothing begun) on error.
 */
static int
clock_begin(struct lb_vault *v, const char *name, struct lb_change *c,
    struct lb_clock_rec *rec, struct lb_err *e)
{
	int	rc;

	if (clock_def(name, e) == NULL || lb_change_begin(v->st, c, e) == -1)
		return -1;
	rc = v->st->ops->get_row(v->st, lb_kind_get("clocks"), name,
	    strlen(name), on_clock_row, rec, e);
	if (rc == -1)
		lb_change_abort(c);
	return rc;
}

int
lb_clock_start(struct lb_vault *v, const struct lb_who *who,
    const char *name, int64_t at, const char *note, struct lb_err *e)
{
	struct lb_clock_rec	rec;
	struct lb_change	c;
	char			t[LB_TIME_STRLEN];
	char			why[100];
	int			rc;

	if (lb_time_check_range(at, why, sizeof(why)) == -1)
		return lb_error(e, "clock %s: start %s", name, why);
	if ((rc = clock_begin(v, name, &c, &rec, e)) == -1)
		return -1;
	if (rc == 1) {
		lb_change_abort(&c);
		lb_time_format(rec.started, t);
		return lb_error(e, "clock %s already started at %s", name, t);
	}
	return clock_write(v, who, name, at, 0, 0, note, "clock.start", &c, e);
}

int
lb_clock_stop(struct lb_vault *v, const struct lb_who *who,
    const char *name, int64_t at, struct lb_err *e)
{
	struct lb_clock_rec	rec;
	struct lb_change	c;
	char			t[LB_TIME_STRLEN], why[100];
	int			rc;

	if (lb_time_check_range(at, why, sizeof(why)) == -1)
		return lb_error(e, "clock %s: stop %s", name, why);
	if ((rc = clock_begin(v, name, &c, &rec, e)) == -1)
		return -1;
	if (rc == 0) {
		lb_change_abort(&c);
		return lb_error(e, "clock %s was never started", name);
	}
	if (rec.is_stopped) {
		lb_change_abort(&c);
		lb_time_format(rec.stopped, t);
		return lb_error(e, "clock %s already stopped at %s", name, t);
	}
	if (at < rec.started) {
		lb_change_abort(&c);
		lb_time_format(rec.started, t);
		return lb_error(e, "clock %s cannot stop before it started (%s)",
		    name, t);
	}
	return clock_write(v, who, name, rec.started, 1, at, rec.note,
	    "clock.stop", &c, e);
}

struct clock_scan {
	lb_clock_cb	*cb;
	void		*arg;
	struct lb_err	*e;
};

static int
on_clock(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct clock_scan	*s = arg;
	struct lb_clock_rec	 rec;

	(void)on_clock_row(&rec, vals, dg, dlen);
	return s->cb(s->arg, &rec);
}

int
lb_clock_list(struct lb_vault *v, lb_clock_cb *cb, void *arg,
    struct lb_err *e)
{
	struct clock_scan	s = { cb, arg, e };

	return v->st->ops->rows_scan(v->st, lb_kind_get("clocks"), on_clock,
	    &s, e);
}
