/*
 * agenda.c: the vault's deadlines, judged and sorted (agenda.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "buf.h"
#include "date.h"
#include "mem.h"
#include "relief.h"
#include "keyset.h"

/* The arena holding kept shipments' texts may grow this far. */
#define ARENA_MAX	((size_t)1 << 31)

#define DAY		INT64_C(86400)

/* The tags of marks. */
#define K_PMS		0	/* a client on PMS */
#define K_SUMMARY	1	/* a summary transmitted or accepted */
#define K_STATEMENT	2	/* a statement transmitted or accepted */

#define F_PMS		0x1
#define F_SUMMARY_DONE	0x2
#define F_PAYMENT_DONE	0x4

struct ship {
	uint32_t	ref, importer, entry, port;	/* arena offsets */
	int64_t		release_day;
	int64_t		duty;
	unsigned	flags;
};

struct duty {
	size_t		 off;	/* in dkeys while reading, then: */
	const char	*ref;
	int64_t		 sum;
};

struct item {
	int64_t		due_at;
	uint32_t	idx;		/* ship or clock */
	unsigned char	kind;		/* enum lb_dl_kind */
};

struct lb_agenda {
	struct lb_calendar	*cal;
	struct lb_dl_rules	 rules;
	struct lb_relief	*reliefs;
	size_t			 nreliefs;
	struct lb_clock_rec	*clocks;
	size_t			 nclocks;
	struct ship		*ships;
	size_t			 nships, capships;
	struct item		*items;
	size_t			 nitems, capitems;
	size_t			 nclock_items;	/* at the front of items */
	struct lb_buf		 arena;
	struct duty		*duties;	/* by ref: duty of its lines */
	size_t			 nduties, capduties;
	struct lb_buf		 dkeys;		/* their refs */
	int			 dunsorted;
	size_t			 dcur;		/* cursor, in step with the
						 * shipments */
	char			 prev[64];	/* the shipment before */
	struct lb_keyset	*marks;		/* K_PMS importers, K_SUMMARY
						 * and K_STATEMENT refs */
	size_t			 nmarks[3];	/* keys put in it, by tag */
	char			 run_key[64];	/* on_duty's current run */
	size_t			 run_len;
	int64_t			 run_sum;
	struct lb_agenda_opts	 opts;
	struct lb_agenda_totals	 totals;
	char			 calsrc[201];
	struct lb_err		*e;
	int			 oom;
};

int
lb_dl_rules_of_vault(struct lb_vault *v, struct lb_dl_rules *r,
    struct lb_err *e)
{
	int64_t	risk;

	if (lb_vault_setting(v, "at_risk_days", &risk, e) == -1 ||
	    lb_vault_setting(v, "ld_payment_multiplier",
	    &r->payment_multiplier, e) == -1 ||
	    lb_vault_setting(v, "ld_payment_min_cents", &r->payment_min_cents,
	    e) == -1 ||
	    lb_vault_setting(v, "ld_summary_base_cents",
	    &r->summary_base_cents, e) == -1 ||
	    lb_vault_setting(v, "ld_summary_ppm_per_day",
	    &r->summary_ppm_per_day, e) == -1 ||
	    lb_vault_setting(v, "soc_notice_hours", &r->soc_notice_hours,
	    e) == -1)
		return -1;
	r->at_risk_days = (int)risk;
	return 0;
}

static uint32_t
arena_add(struct lb_agenda *a, const struct lb_value *v)
{
	size_t	off = a->arena.len;

	if (!v->null && v->s != NULL)
		lb_buf_add(&a->arena, v->s, v->len);
	lb_buf_addc(&a->arena, '\0');
	return (uint32_t)off;
}

static const char *
arena_str(const struct lb_agenda *a, uint32_t off)
{
	return a->arena.data + off;
}

static int
push_item(struct lb_agenda *a, int64_t due_at, size_t idx, int kind)
{
	struct item	*p;
	size_t		 cap;

	if (a->nitems == a->capitems) {
		cap = a->capitems == 0 ? 1024 : a->capitems * 2;
		if ((p = lb_reallocarray(a->items, cap, sizeof(*p))) == NULL)
			return -1;
		a->items = p;
		a->capitems = cap;
	}
	p = &a->items[a->nitems++];
	p->due_at = due_at;
	p->idx = (uint32_t)idx;
	p->kind = (unsigned char)kind;
	return 0;
}

static int
keep(const struct lb_agenda *a, const struct lb_deadline *d)
{
	if (!a->opts.at_risk_only)
		return 1;
	return d->state == LB_DL_OVERDUE || d->state == LB_DL_AT_RISK;
}

static void
count(struct lb_agenda *a, const struct lb_deadline *d)
{
	a->totals.n[d->state]++;
	if (d->exposure_cents < 0)
		return;
	if (d->state == LB_DL_OVERDUE)
		a->totals.exposure_overdue += d->exposure_cents;
	else
		a->totals.exposure_at_risk += d->exposure_cents;
}

static void
ship_input(const struct lb_agenda *a, const struct ship *s,
    struct lb_dl_shipment *in)
{
	in->ref = arena_str(a, s->ref);
	in->importer = arena_str(a, s->importer);
	in->port = arena_str(a, s->port);
	in->release_day = s->release_day;
	in->pms = (s->flags & F_PMS) != 0;
	in->duty_cents = s->duty;
	in->summary_done = (s->flags & F_SUMMARY_DONE) != 0;
	in->payment_done = (s->flags & F_PAYMENT_DONE) != 0;
}

/*
 * The lines come in ref order (the store's covering index): each run of a
 * shipment's lines becomes one entry of an array in ref order, which the
 * shipments, in the same order, then walk with a cursor.  Whatever order
 * rows come in, the array is sorted and merged before use, so the result
 * never depends on it.
 */
static int
flush_duty(struct lb_agenda *a)
{
	struct duty	*p;
	size_t		 cap;

	if (a->run_len == 0)
		return 0;
	if (a->nduties == a->capduties) {
		cap = a->capduties == 0 ? 1024 : a->capduties * 2;
		if ((p = lb_reallocarray(a->duties, cap, sizeof(*p))) == NULL)
			return lb_error(a->e, "out of memory reading duties");
		a->duties = p;
		a->capduties = cap;
	}
	p = &a->duties[a->nduties++];
	p->off = a->dkeys.len;
	p->ref = NULL;
	p->sum = a->run_sum;
	lb_buf_add(&a->dkeys, a->run_key, a->run_len);
	lb_buf_addc(&a->dkeys, '\0');
	if (lb_buf_error(&a->dkeys) != 0)
		return lb_error(a->e, "out of memory reading duties");
	if (a->nduties > 1 && strcmp(a->dkeys.data + p[-1].off,
	    a->dkeys.data + p->off) >= 0)
		a->dunsorted = 1;
	a->run_len = 0;
	a->run_sum = 0;
	return 0;
}

static int
cmp_duty(const void *x, const void *y)
{
	return strcmp(((const struct duty *)x)->ref,
	    ((const struct duty *)y)->ref);
}

/* Point the entries at their refs; sort and merge them if need be. */
static void
finish_duties(struct lb_agenda *a)
{
	size_t	i, j;

	for (i = 0; i < a->nduties; i++)
		a->duties[i].ref = a->dkeys.data + a->duties[i].off;
	if (!a->dunsorted)
		return;
	qsort(a->duties, a->nduties, sizeof(a->duties[0]), cmp_duty);
	for (i = 0, j = 0; i < a->nduties; i++) {
		if (j > 0 && strcmp(a->duties[j - 1].ref, a->duties[i].ref) == 0)
			a->duties[j - 1].sum += a->duties[i].sum;
		else
			a->duties[j++] = a->duties[i];
	}
	a->nduties = j;
}

/* The duty of ref's lines, or -1 when none says. */
static int64_t
duty_of(struct lb_agenda *a, const char *ref)
{
	size_t	lo, hi, mid;
	int	c;

	if (strcmp(ref, a->prev) < 0) {
		/* Out of step: find it, and go on from there. */
		lo = 0;
		hi = a->nduties;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (strcmp(a->duties[mid].ref, ref) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		a->dcur = lo;
	}
	memcpy(a->prev, ref, strlen(ref) + 1);	/* refs are < 64 bytes */
	c = -1;
	while (a->dcur < a->nduties &&
	    (c = strcmp(a->duties[a->dcur].ref, ref)) < 0)
		a->dcur++;
	return a->dcur < a->nduties && c == 0 ? a->duties[a->dcur].sum : -1;
}

static int
on_duty(void *arg, const struct lb_value *v, size_t n)
{
	struct lb_agenda	*a = arg;

	if (v[0].s == NULL || v[0].len == 0 ||
	    v[0].len >= sizeof(a->run_key) ||
	    memchr(v[0].s, '\0', v[0].len) != NULL)
		return lb_error(a->e, "a line with a bad shipment ref in the "
		    "vault (run lifeboat verify)");
	if (v[0].len != a->run_len || memcmp(v[0].s, a->run_key,
	    v[0].len) != 0) {
		if (flush_duty(a) == -1)
			return -1;
		memcpy(a->run_key, v[0].s, v[0].len);
		a->run_len = v[0].len;
	}
	a->run_sum += v[1].i;
	return 0;
}

static int
mark(struct lb_agenda *a, int tag, const struct lb_value *v)
{
	if (v->s == NULL || lb_keyset_add(a->marks, tag, v->s, v->len, 0,
	    NULL) == -1)
		return lb_error(a->e, "out of memory reading the vault");
	a->nmarks[tag]++;
	return 0;
}

static int
on_pms(void *arg, const struct lb_value *v, size_t n)
{
	return mark(arg, K_PMS, &v[0]);
}

static int
on_done(void *arg, const struct lb_value *v, size_t n)
{
	if (v[1].s != NULL && v[1].len == 7 && memcmp(v[1].s, "summary",
	    7) == 0)
		return mark(arg, K_SUMMARY, &v[0]);
	if (v[1].s != NULL && v[1].len == 9 && memcmp(v[1].s, "statement",
	    9) == 0)
		return mark(arg, K_STATEMENT, &v[0]);
	return 0;
}

static int
on_shipment(void *arg, const struct lb_value *vals, size_t n)
{
	struct lb_agenda	*a = arg;
	struct lb_deadline	 d[2];
	struct lb_dl_shipment	 in;
	struct ship		 s, *p;
	char			 ref[64], imp[16], port[5];
	size_t			 cap;
	int			 i, kept = 0;

	memset(&s, 0, sizeof(s));
	if (vals[0].s == NULL || vals[1].s == NULL || vals[4].s == NULL ||
	    vals[2].s == NULL || lb_date_parse(vals[2].s, vals[2].len,
	    &s.release_day, NULL, 0) == -1)
		return lb_error(a->e, "shipment %.*s: bad release date in the "
		    "vault (run lifeboat verify)", (int)vals[0].len,
		    vals[0].s != NULL ? vals[0].s : "");
	/* Most vaults mark nothing of a tag: skip the lookups then. */
	if (a->nmarks[K_PMS] > 0 && lb_keyset_has(a->marks, K_PMS, vals[1].s,
	    vals[1].len))
		s.flags |= F_PMS;
	if (a->nmarks[K_SUMMARY] > 0 && lb_keyset_has(a->marks, K_SUMMARY,
	    vals[0].s, vals[0].len))
		s.flags |= F_SUMMARY_DONE;
	if (a->nmarks[K_STATEMENT] > 0 && lb_keyset_has(a->marks, K_STATEMENT,
	    vals[0].s, vals[0].len))
		s.flags |= F_PAYMENT_DONE;
	/*
	 * A summary filed (its 7501 date) meets its deadline; on a daily
	 * statement the duties were deposited with it.  A PMS payment waits
	 * for its statement.
	 */
	if (!vals[5].null) {
		s.flags |= F_SUMMARY_DONE;
		if ((s.flags & F_PMS) == 0)
			s.flags |= F_PAYMENT_DONE;
	}
	/* The model matches relief on these texts: copy them terminated. */
	if (vals[0].len >= sizeof(ref) || vals[1].len >= sizeof(imp) ||
	    vals[4].len >= sizeof(port))
		return lb_error(a->e, "shipment %.*s: oversized key in the "
		    "vault (run lifeboat verify)", (int)(vals[0].len % 64),
		    vals[0].s);
	memcpy(ref, vals[0].s, vals[0].len);
	ref[vals[0].len] = '\0';
	memcpy(imp, vals[1].s, vals[1].len);
	imp[vals[1].len] = '\0';
	memcpy(port, vals[4].s, vals[4].len);
	port[vals[4].len] = '\0';
	s.duty = duty_of(a, ref);
	memset(&in, 0, sizeof(in));
	in.ref = ref;
	in.importer = imp;
	in.port = port;
	in.release_day = s.release_day;
	in.pms = (s.flags & F_PMS) != 0;
	in.duty_cents = s.duty;
	in.summary_done = (s.flags & F_SUMMARY_DONE) != 0;
	in.payment_done = (s.flags & F_PAYMENT_DONE) != 0;
	if (lb_deadlines_shipment(a->cal, &a->rules, a->reliefs, a->nreliefs,
	    &in, a->opts.as_of, d) == -1)
		return lb_error(a->e, "shipment %s: its deadlines fall outside "
		    "the calendar (%d-%d)", ref, LB_CAL_YEAR_MIN,
		    LB_CAL_YEAR_MAX);
	a->totals.shipments++;
	for (i = 0; i < 2; i++) {
		count(a, &d[i]);
		if (keep(a, &d[i]))
			kept |= 1 << i;
	}
	if (kept == 0)
		return 0;
	if (a->nships == a->capships) {
		cap = a->capships == 0 ? 1024 : a->capships * 2;
		if ((p = lb_reallocarray(a->ships, cap, sizeof(*p))) == NULL)
			goto oom;
		a->ships = p;
		a->capships = cap;
	}
	s.ref = arena_add(a, &vals[0]);
	s.importer = arena_add(a, &vals[1]);
	s.entry = arena_add(a, &vals[3]);
	s.port = arena_add(a, &vals[4]);
	if (lb_buf_error(&a->arena) != 0)
		goto oom;
	a->ships[a->nships] = s;
	for (i = 0; i < 2; i++)
		if ((kept & (1 << i)) && push_item(a, d[i].due_at, a->nships,
		    d[i].kind) == -1)
			goto oom;
	a->nships++;
	return 0;
oom:
	a->oom = 1;
	return lb_error(a->e, "out of memory listing deadlines");
}

static int
on_relief(void *arg, const struct lb_relief_rec *rec)
{
	struct lb_agenda	*a = arg;
	struct lb_relief	*p;

	if ((p = lb_reallocarray(a->reliefs, a->nreliefs + 1,
	    sizeof(*p))) == NULL)
		return lb_error(a->e, "out of memory");
	a->reliefs = p;
	a->reliefs[a->nreliefs++] = rec->r;
	return 0;
}

static int
on_clock(void *arg, const struct lb_clock_rec *rec)
{
	struct lb_agenda	*a = arg;
	struct lb_clock_rec	*p;

	if (rec->def == NULL)
		return 0;	/* a clock of a later version: not ours */
	if ((p = lb_reallocarray(a->clocks, a->nclocks + 1,
	    sizeof(*p))) == NULL)
		return lb_error(a->e, "out of memory");
	a->clocks = p;
	a->clocks[a->nclocks++] = *rec;
	return 0;
}

static int
clock_deadline(struct lb_agenda *a, size_t i, struct lb_deadline *d,
    struct lb_err *e)
{
	const struct lb_clock_rec	*c = &a->clocks[i];

	if (lb_deadline_clock(a->cal, &a->rules, c->started,
	    a->rules.soc_notice_hours, c->stopped, a->opts.as_of, d) == -1)
		return lb_error(e, "clock %s: outside the calendar", c->name);
	return 0;
}

/*
 * Order: by due time; on a tie clocks first, then shipments in the order
 * the vault holds them, the summary before the payment.  The clocks come
 * first in items (gather pushes them first) and are few: they are sorted
 * by insertion.  Every shipment deadline is due at the end of a day of the
 * calendar's range, so those are sorted by counting, in linear time and
 * stable, which keeps the vault's order on ties; then the two runs are
 * merged in place.
 */
static int
sort_items(struct lb_agenda *a)
{
	struct item	*it = a->items, *out, t;
	size_t		 n = a->nitems, nc = a->nclock_items, i, j, k;
	size_t		*count, range;
	int64_t		 lo, hi;

	for (i = 1; i < nc; i++) {
		t = it[i];
		for (j = i; j > 0 && it[j - 1].due_at > t.due_at; j--)
			it[j] = it[j - 1];
		it[j] = t;
	}
	if (n - nc < 2)
		goto merge;
	lo = hi = it[nc].due_at / DAY;
	for (i = nc; i < n; i++) {
		if (it[i].due_at / DAY < lo)
			lo = it[i].due_at / DAY;
		if (it[i].due_at / DAY > hi)
			hi = it[i].due_at / DAY;
	}
	range = (size_t)(hi - lo) + 2;
	if ((count = lb_calloc(range, sizeof(*count))) == NULL)
		return -1;
	if ((out = lb_mallocarray(n, sizeof(*out))) == NULL) {
		free(count);
		return -1;
	}
	for (i = nc; i < n; i++)
		count[it[i].due_at / DAY - lo + 1]++;
	for (i = 1; i < range; i++)
		count[i] += count[i - 1];
	for (i = nc; i < n; i++)
		out[nc + count[it[i].due_at / DAY - lo]++] = it[i];
	memcpy(out, it, nc * sizeof(*out));
	free(count);
	free(a->items);
	a->items = it = out;
	a->capitems = n;
merge:
	/* Clocks from a copy; the output never passes the unread rest. */
	if (nc == 0)
		return 0;
	if ((out = lb_mallocarray(nc, sizeof(*out))) == NULL)
		return -1;
	memcpy(out, it, nc * sizeof(*out));
	for (i = 0, j = nc, k = 0; i < nc; k++) {
		if (j < n && it[j].due_at < out[i].due_at)
			it[k] = it[j++];
		else
			it[k] = out[i++];
	}
	free(out);
	return 0;
}

static int
gather(struct lb_vault *v, struct lb_agenda *a, struct lb_err *e)
{
	struct lb_deadline	d;
	size_t			i;

	if (lb_dl_rules_of_vault(v, &a->rules, e) == -1 ||
	    lb_calendar_of_vault(v, &a->cal, a->calsrc, e) == -1 ||
	    lb_relief_list(v, on_relief, a, e) == -1)
		return -1;
	if (!a->opts.no_clocks && a->opts.importer == NULL) {
		if (lb_clock_list(v, on_clock, a, e) == -1)
			return -1;
		for (i = 0; i < a->nclocks; i++) {
			if (clock_deadline(a, i, &d, e) == -1)
				return -1;
			count(a, &d);
			if (!keep(a, &d))
				continue;
			if (push_item(a, d.due_at, i, LB_DL_CLOCK) == -1)
				return lb_error(e, "out of memory");
			a->nclock_items++;
		}
	}
	if ((a->marks = lb_keyset_new()) == NULL)
		return lb_error(e, "out of memory");
	if (v->st->ops->query_rows(v->st, "line_duties", NULL, 0, 0, on_duty,
	    a, e) == -1 || flush_duty(a) == -1)
		return -1;
	finish_duties(a);
	if (v->st->ops->query_rows(v->st, "pms_clients", NULL,
	    0, 0, on_pms, a, e) == -1 || v->st->ops->query_rows(v->st,
	    "recovery_done", NULL, 0, 0, on_done, a, e) == -1)
		return -1;
	return v->st->ops->query_rows(v->st, "released_shipments",
	    a->opts.importer, 0, 0, on_shipment, a, e);
}

int
lb_agenda_build(struct lb_vault *v, const struct lb_agenda_opts *opts,
    struct lb_agenda **out, struct lb_err *e)
{
	struct lb_agenda	*a;
	int			 rc;

	*out = NULL;
	if ((a = lb_calloc(1, sizeof(*a))) == NULL)
		return lb_error(e, "out of memory");
	a->opts = *opts;
	a->e = e;
	lb_buf_init(&a->arena, ARENA_MAX);
	lb_buf_init(&a->dkeys, ARENA_MAX);
	/* One pass over every released shipment: read it mapped. */
	if (v->st->ops->scan_mode(v->st, e) == -1 ||
	    v->st->ops->read_begin(v->st, e) == -1) {
		lb_agenda_free(a);
		return -1;
	}
	rc = gather(v, a, e);
	v->st->ops->read_end(v->st);
	if (rc == -1) {
		lb_agenda_free(a);
		return -1;
	}
	if (sort_items(a) == -1) {
		lb_agenda_free(a);
		return lb_error(e, "out of memory sorting deadlines");
	}
	*out = a;
	return 0;
}

size_t
lb_agenda_count(const struct lb_agenda *a)
{
	return a->nitems;
}

int
lb_agenda_get(struct lb_agenda *a, size_t i, struct lb_agenda_item *out,
    struct lb_err *e)
{
	const struct item	*it;
	const struct ship	*s;
	struct lb_dl_shipment	 in;
	struct lb_deadline	 d[2];

	if (i >= a->nitems)
		return lb_error(e, "no deadline %zu", i);
	it = &a->items[i];
	memset(out, 0, sizeof(*out));
	if (it->kind == LB_DL_CLOCK) {
		if (clock_deadline(a, it->idx, &out->d, e) == -1)
			return -1;
		out->subject = a->clocks[it->idx].name;
		out->importer = out->entry = out->port = "";
		out->what = a->clocks[it->idx].def->what;
		return 0;
	}
	s = &a->ships[it->idx];
	ship_input(a, s, &in);
	if (lb_deadlines_shipment(a->cal, &a->rules, a->reliefs, a->nreliefs,
	    &in, a->opts.as_of, d) == -1)
		return lb_error(e, "shipment %s: outside the calendar", in.ref);
	out->d = d[it->kind == LB_DL_SUMMARY ? 0 : 1];
	out->subject = in.ref;
	out->importer = in.importer;
	out->entry = arena_str(a, s->entry);
	out->port = in.port;
	out->what = it->kind == LB_DL_SUMMARY ? "entry summary" :
	    "duty payment";
	return 0;
}

const struct lb_agenda_totals *
lb_agenda_totals(const struct lb_agenda *a)
{
	return &a->totals;
}

const struct lb_dl_rules *
lb_agenda_rules(const struct lb_agenda *a)
{
	return &a->rules;
}

const char *
lb_agenda_calendar(const struct lb_agenda *a)
{
	return a->calsrc;
}

void
lb_agenda_free(struct lb_agenda *a)
{
	if (a == NULL)
		return;
	lb_cal_free(a->cal);
	free(a->reliefs);
	free(a->clocks);
	free(a->ships);
	free(a->items);
	lb_buf_free(&a->arena);
	free(a->duties);
	lb_buf_free(&a->dkeys);
	lb_keyset_free(a->marks);
	free(a);
}
