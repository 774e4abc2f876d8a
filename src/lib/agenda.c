/*
 * agenda.c: the vault's deadlines, judged and sorted (agenda.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "buf.h"
#include "date.h"
#include "mem.h"
#include "relief.h"
#include "keyset.h"
#include "tz.h"
#include "zone.h"

/* The arena holding kept shipments' texts may grow this far. */
#define ARENA_MAX	((size_t)1 << 31)

#define DAY		INT64_C(86400)

/* The tags of marks. */
#define K_PMS		0	/* a client on PMS */
#define K_SUMMARY	1	/* a summary transmitted or accepted */
#define K_STATEMENT	2	/* a statement task accepted */
#define NTAGS		3

#define F_PMS		0x1
#define F_SUMMARY_DONE	0x2
#define F_PAYMENT_DONE	0x4
#define F_UNRELEASED	0x8	/* arrived or held: the entry deadline */
#define F_BAD		0x10	/* a bad stored row: why says what */

/* Bad items sort first: at the end of the calendar's first day. */
#define BAD_DUE		(INT64_C(366) * DAY)

struct ship {
	uint32_t	ref, importer, entry, port;	/* arena offsets */
	uint32_t	why;		/* F_BAD: arena offset of the reason */
	int32_t		stmt;		/* index in stmts, or -1 */
	int64_t		release_day;	/* arrival day when F_UNRELEASED */
	int64_t		duty;
	unsigned	flags;
};

/* Which statement a shipment (its rowid) is on. */
struct sof {
	int64_t		rowid;
	int32_t		stmt;
};

/* A statement as the deadlines read it. */
struct stmt {
	char		number[12];
	int		type;		/* 1 daily, 2 periodic */
	int		has_due, authorized, paid;
	int64_t		due_day;
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
	size_t			 nmarks[NTAGS];	/* keys put in it, by tag */
	struct stmt		*stmts;		/* by number */
	size_t			 nstmts;
	struct lb_tz		*tz_owned;	/* loaded here */
	int64_t			*day_ends;	/* rules.day_end */
	struct sof		*sof;		/* by rowid */
	size_t			 nsof, capsof;
	const struct lb_tz	*tz;
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
	r->tz = NULL;	/* UTC until the caller gives the vault's zone */
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
	return d->state == LB_DL_OVERDUE || d->state == LB_DL_AT_RISK ||
	    d->state == LB_DL_BAD || d->expiring;
}

static int
keep(const struct lb_agenda *a, const struct lb_deadline *d);

static void
count(struct lb_agenda *a, const struct lb_deadline *d)
{
	a->totals.n[d->state]++;
	if (d->unauthorized && d->state != LB_DL_MET)
		a->totals.unauthorized++;
	if (d->expiring)
		a->totals.expiring++;
	if (d->kind == LB_DL_ENTRY && d->state != LB_DL_MET)
		a->totals.arrived++;
	if (d->kind == LB_DL_CLOCK && (d->state == LB_DL_OVERDUE ||
	    d->state == LB_DL_AT_RISK))
		a->totals.clocks_at_risk++;
	if (d->exposure_cents < 0)
		return;
	if (d->state == LB_DL_OVERDUE) {
		a->totals.exposure_overdue += d->exposure_cents;
		a->totals.estimated_overdue++;
	} else {
		a->totals.exposure_at_risk += d->exposure_cents;
		a->totals.estimated_at_risk++;
	}
}

/* The statement of index i into the model's input. */
static void
stmt_input(const struct lb_agenda *a, int32_t i, struct lb_dl_shipment *in)
{
	const struct stmt	*t;

	if (i < 0 || (size_t)i >= a->nstmts)
		return;
	t = &a->stmts[i];
	in->stmt = t->type;
	in->stmt_has_due = t->has_due;
	in->stmt_due_day = t->due_day;
	in->stmt_authorized = t->authorized || t->paid;
	if (t->paid)
		in->payment_done = 1;
}

static void
ship_input(const struct lb_agenda *a, const struct ship *s,
    struct lb_dl_shipment *in)
{
	memset(in, 0, sizeof(*in));
	in->ref = arena_str(a, s->ref);
	in->importer = arena_str(a, s->importer);
	in->port = arena_str(a, s->port);
	in->release_day = s->release_day;
	in->pms = (s->flags & F_PMS) != 0;
	in->duty_cents = s->duty;
	in->summary_done = (s->flags & F_SUMMARY_DONE) != 0;
	in->payment_done = (s->flags & F_PAYMENT_DONE) != 0;
	in->unreleased = (s->flags & F_UNRELEASED) != 0;
	in->arrival_day = s->release_day;
	stmt_input(a, s->stmt, in);
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
	/* A payment is met by payment or an accepted task, not by a
	 * transmission CBP may still reject. */
	if (v[1].s != NULL && v[1].len == 9 && memcmp(v[1].s, "statement",
	    9) == 0 && v[2].s != NULL && v[2].len == 8 && memcmp(v[2].s,
	    "accepted", 8) == 0)
		return mark(arg, K_STATEMENT, &v[0]);
	return 0;
}

/* Keep a ship record and its items; d NULL for a bad row. */
static int
keep_ship(struct lb_agenda *a, struct ship *s, const struct lb_value *vals,
    int iref, int iimp, int ientry, int iport, const struct lb_deadline *d,
    size_t nd, int kept, const char *why)
{
	struct ship	*p;
	size_t		 cap, i;

	if (a->nships == a->capships) {
		cap = a->capships == 0 ? 1024 : a->capships * 2;
		if ((p = lb_reallocarray(a->ships, cap, sizeof(*p))) == NULL)
			goto oom;
		a->ships = p;
		a->capships = cap;
	}
	if (a->nships >= UINT32_MAX)
		goto oom;
	s->ref = arena_add(a, &vals[iref]);
	s->importer = arena_add(a, &vals[iimp]);
	s->entry = arena_add(a, &vals[ientry]);
	s->port = arena_add(a, &vals[iport]);
	if (why != NULL) {
		s->why = (uint32_t)a->arena.len;
		lb_buf_adds(&a->arena, why);
		lb_buf_addc(&a->arena, '\0');
	}
	if (lb_buf_error(&a->arena) != 0)
		goto oom;
	a->ships[a->nships] = *s;
	if (d == NULL) {
		if (push_item(a, BAD_DUE, a->nships, LB_DL_RECORD) == -1)
			goto oom;
	} else
		for (i = 0; i < nd; i++)
			if ((kept & (1 << i)) && push_item(a, d[i].due_at,
			    a->nships, d[i].kind) == -1)
				goto oom;
	a->nships++;
	return 0;
oom:
	a->oom = 1;
	return lb_error(a->e, "out of memory listing deadlines");
}

/* One flagged item for a row that cannot be judged (never fatal). */
static int
flag_ship(struct lb_agenda *a, const struct lb_value *vals, int iref,
    int iimp, int ientry, int iport, unsigned flags, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

static int
flag_ship(struct lb_agenda *a, const struct lb_value *vals, int iref,
    int iimp, int ientry, int iport, unsigned flags, const char *fmt, ...)
{
	struct lb_deadline	 d;
	struct ship		 s;
	char			 why[160];
	va_list			 ap;

	va_start(ap, fmt);
	(void)vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	memset(&d, 0, sizeof(d));
	d.state = LB_DL_BAD;
	d.kind = LB_DL_RECORD;
	d.exposure_cents = -1;
	count(a, &d);
	memset(&s, 0, sizeof(s));
	s.flags = flags | F_BAD;
	s.stmt = -1;
	return keep_ship(a, &s, vals, iref, iimp, ientry, iport, NULL, 0, 0,
	    why);
}

/* The text of v for a message: at most 40 bytes, quoted. */
static const char *
vtext(const struct lb_value *v, char out[48])
{
	size_t	i, n = v->null || v->s == NULL ? 0 : v->len;

	if (n > 40)
		n = 40;
	for (i = 0; i < n; i++)
		out[i] = (unsigned char)v->s[i] < 0x20 ||
		    (unsigned char)v->s[i] >= 0x7f ? '?' : v->s[i];
	out[n] = '\0';
	return out;
}

/* Copy a key terminated; -1 when it does not fit. */
static int
term(const struct lb_value *v, char *out, size_t len)
{
	if (v->s == NULL || v->len >= len || memchr(v->s, '\0',
	    v->len) != NULL)
		return -1;
	memcpy(out, v->s, v->len);
	out[v->len] = '\0';
	return 0;
}

/* The statement of a shipment (by its rowid), -1 for none known. */
static int32_t
stmt_of(struct lb_agenda *a, int64_t rowid)
{
	size_t	lo = 0, hi = a->nsof, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a->sof[mid].rowid == rowid)
			return a->sof[mid].stmt;
		if (a->sof[mid].rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
cmp_sof(const void *x, const void *y)
{
	int64_t	a = ((const struct sof *)x)->rowid;
	int64_t	b = ((const struct sof *)y)->rowid;

	return a < b ? -1 : a > b;
}

/* Released shipments: ref, importer, release, entry, port, summary. */
static int
on_shipment(void *arg, const struct lb_value *vals, size_t n)
{
	struct lb_agenda	*a = arg;
	struct lb_deadline	 d[2];
	struct lb_dl_shipment	 in;
	struct ship		 s;
	char			 ref[64], imp[16], port[5], t[48];
	int			 i, kept = 0;

	memset(&s, 0, sizeof(s));
	if (term(&vals[0], ref, sizeof(ref)) == -1 ||
	    term(&vals[1], imp, sizeof(imp)) == -1 ||
	    term(&vals[4], port, sizeof(port)) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, 0, "shipment %s: a bad "
		    "key in the vault (run lifeboat verify)", vtext(&vals[0],
		    t));
	if (vals[2].s == NULL || lb_date_parse(vals[2].s, vals[2].len,
	    &s.release_day, NULL, 0) == -1 ||
	    lb_date_check_range(s.release_day, NULL, 0) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, 0, "shipment %s: bad "
		    "stored date: release_date \"%s\"", ref,
		    vtext(&vals[2], t));
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
	 * A summary filed (its 7501 date) meets its deadline; it pays
	 * nothing: the payment waits for its statement (deadline.h).
	 */
	if (!vals[5].null)
		s.flags |= F_SUMMARY_DONE;
	s.stmt = n > 6 ? stmt_of(a, vals[6].i) : -1;
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
	stmt_input(a, s.stmt, &in);
	if (lb_deadlines_shipment(a->cal, &a->rules, a->reliefs, a->nreliefs,
	    &in, a->opts.as_of, d) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, 0, "shipment %s: its "
		    "deadlines fall outside the calendar (%d-%d)", ref,
		    LB_CAL_YEAR_MIN, LB_CAL_YEAR_MAX);
	a->totals.shipments++;
	for (i = 0; i < 2; i++) {
		count(a, &d[i]);
		if (keep(a, &d[i]))
			kept |= 1 << i;
	}
	if (kept == 0)
		return 0;
	return keep_ship(a, &s, vals, 0, 1, 3, 4, d, 2, kept, NULL);
}

/* Arrived or held shipments: ref, importer, arrival, entry, port. */
static int
on_arrived(void *arg, const struct lb_value *vals, size_t n)
{
	struct lb_agenda	*a = arg;
	struct lb_deadline	 d;
	struct lb_dl_shipment	 in;
	struct ship		 s;
	char			 ref[64], imp[16], port[5], t[48];

	memset(&s, 0, sizeof(s));
	s.flags = F_UNRELEASED;
	s.stmt = -1;
	s.duty = -1;
	if (term(&vals[0], ref, sizeof(ref)) == -1 ||
	    term(&vals[1], imp, sizeof(imp)) == -1 ||
	    term(&vals[4], port, sizeof(port)) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, F_UNRELEASED, "shipment "
		    "%s: a bad key in the vault (run lifeboat verify)",
		    vtext(&vals[0], t));
	if (vals[2].s == NULL || lb_date_parse(vals[2].s, vals[2].len,
	    &s.release_day, NULL, 0) == -1 ||
	    lb_date_check_range(s.release_day, NULL, 0) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, F_UNRELEASED, "shipment "
		    "%s: bad stored date: arrival_date \"%s\"", ref,
		    vtext(&vals[2], t));
	memset(&in, 0, sizeof(in));
	in.ref = ref;
	in.importer = imp;
	in.port = port;
	in.unreleased = 1;
	in.arrival_day = s.release_day;
	in.duty_cents = -1;
	if (lb_deadline_entry(a->cal, &a->rules, &in, a->opts.as_of,
	    &d) == -1)
		return flag_ship(a, vals, 0, 1, 3, 4, F_UNRELEASED, "shipment "
		    "%s: its entry deadline falls outside the calendar", ref);
	count(a, &d);
	if (!keep(a, &d))
		return 0;
	return keep_ship(a, &s, vals, 0, 1, 3, 4, &d, 1, 1, NULL);
}

static int
cmp_stmt(const void *x, const void *y)
{
	return strcmp(((const struct stmt *)x)->number,
	    ((const struct stmt *)y)->number);
}

static int32_t
stmt_find(const struct lb_agenda *a, const char *number)
{
	size_t	lo = 0, hi = a->nstmts, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(a->stmts[mid].number, number);
		if (c == 0)
			return (int32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* An optional stored date; 1 set, 0 absent, -1 bad. */
static int
opt_date(const struct lb_value *v, int64_t *day)
{
	if (v->null || v->s == NULL)
		return 0;
	if (lb_date_parse(v->s, v->len, day, NULL, 0) == -1 ||
	    lb_date_check_range(*day, NULL, 0) == -1)
		return -1;
	return 1;
}

/*
 * Statements: number, type, statement date, due, authorized, paid.  A
 * statement with a bad date is one flagged item; its shipments then find
 * no statement (their payment shows as unpaid, which is the safe side).
 */
static int
on_statement(void *arg, const struct lb_value *vals, size_t n)
{
	static const char *const names[] = { "statement_date", "due_date",
	    "authorized_date", "paid_date" };
	struct lb_agenda	*a = arg;
	struct stmt		 t, *p;
	int64_t			 day;
	char			 q[48];
	int			 i, r[4];

	memset(&t, 0, sizeof(t));
	if (term(&vals[0], t.number, sizeof(t.number)) == -1)
		return flag_ship(a, vals, 0, 0, 0, 0, 0, "statement %s: a bad "
		    "key in the vault", vtext(&vals[0], q));
	for (i = 0; i < 4; i++) {
		if ((r[i] = opt_date(&vals[2 + i], &day)) == -1)
			return flag_ship(a, vals, 0, 0, 0, 0, 0, "statement "
			    "%s: bad stored date: %s \"%s\"", t.number,
			    names[i], vtext(&vals[2 + i], q));
		if (i == 1)
			t.due_day = day;
	}
	t.type = vals[1].s != NULL && vals[1].len == 8 &&
	    memcmp(vals[1].s, "periodic", 8) == 0 ? 2 : 1;
	t.has_due = r[1] == 1;
	t.authorized = r[2] == 1;
	t.paid = r[3] == 1;
	if ((p = lb_reallocarray(a->stmts, a->nstmts + 1,
	    sizeof(*p))) == NULL)
		return lb_error(a->e, "out of memory reading statements");
	a->stmts = p;
	a->stmts[a->nstmts++] = t;
	return 0;
}

/* Shipments on a statement: rowid, statement_number. */
static int
on_ship_stmt(void *arg, const struct lb_value *vals, size_t n)
{
	struct lb_agenda	*a = arg;
	int64_t			 rowid = vals[0].i;
	char			 num[12];
	int32_t			 i;
	struct sof		*p;
	size_t			 cap;

	if (term(&vals[1], num, sizeof(num)) == -1 ||
	    (i = stmt_find(a, num)) == -1)
		return 0;	/* not imported (yet): no statement known */
	if (a->nsof == a->capsof) {
		cap = a->capsof == 0 ? 1024 : a->capsof * 2;
		if ((p = lb_reallocarray(a->sof, cap, sizeof(*p))) == NULL)
			return lb_error(a->e, "out of memory reading "
			    "statements");
		a->sof = p;
		a->capsof = cap;
	}
	a->sof[a->nsof].rowid = rowid;
	a->sof[a->nsof++].stmt = i;
	return 0;
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

/* A clock's deadline; 0, or -1 when its row cannot be judged. */
static int
clock_deadline(struct lb_agenda *a, size_t i, struct lb_deadline *d)
{
	const struct lb_clock_rec	*c = &a->clocks[i];

	if (c->bad || lb_deadline_clock2(a->cal, &a->rules, c->started,
	    a->rules.soc_notice_hours, c->is_stopped, a->opts.as_of,
	    d) == -1) {
		memset(d, 0, sizeof(*d));
		d->kind = LB_DL_RECORD;
		d->state = LB_DL_BAD;
		d->exposure_cents = -1;
		d->due_at = BAD_DUE;
		return -1;
	}
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

/*
 * The end of each day in the vault's zone, for two years either side of
 * the as-of day (where nearly every due day falls), once: a million
 * shipments would otherwise convert each due day several times.  Days
 * outside are converted when needed.
 */
#define CACHE_DAYS	731

static int
cache_zone(struct lb_agenda *a)
{
	int64_t	first = a->opts.as_of / DAY - CACHE_DAYS;
	size_t	i, n = 2 * CACHE_DAYS + 1;

	if ((a->day_ends = lb_mallocarray(n, sizeof(*a->day_ends))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		a->day_ends[i] = lb_tz_day_end(a->tz, first + (int64_t)i);
	a->rules.day_end = a->day_ends;
	a->rules.day_end_first = first;
	a->rules.day_end_n = n;
	a->rules.has_today = 1;
	a->rules.today_as_of = a->opts.as_of;
	a->rules.today = lb_tz_local_day(a->tz, a->opts.as_of);
	return 0;
}

static int
gather(struct lb_vault *v, struct lb_agenda *a, struct lb_err *e)
{
	struct lb_deadline	d;
	size_t			i;

	struct lb_err		ze;
	char			zname[LB_ZONE_NAME_MAX];

	if (lb_dl_rules_of_vault(v, &a->rules, e) == -1 ||
	    lb_calendar_of_vault(v, &a->cal, a->calsrc, e) == -1 ||
	    lb_relief_list(v, on_relief, a, e) == -1)
		return -1;
	if (a->opts.tz != NULL)
		a->tz = a->opts.tz;
	else if (lb_zone_of_vault(v, a->opts.zoneinfo, &a->tz_owned, zname,
	    &ze) == -1)
		a->totals.zone_bad = 1;	/* judged in UTC; status says so */
	else {
		a->tz = a->tz_owned;
		a->totals.zone_unset = zname[0] == '\0';
	}
	a->rules.tz = a->tz;
	if (a->tz != NULL && cache_zone(a) == -1)
		return lb_error(e, "out of memory");
	if (!a->opts.no_clocks && a->opts.importer == NULL) {
		if (lb_clock_list(v, on_clock, a, e) == -1)
			return -1;
		for (i = 0; i < a->nclocks; i++) {
			(void)clock_deadline(a, i, &d);
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
	if (v->st->ops->query_rows(v->st, "statement_rows", NULL, 0, 0,
	    on_statement, a, e) == -1)
		return -1;
	if (a->nstmts > 1)
		qsort(a->stmts, a->nstmts, sizeof(a->stmts[0]), cmp_stmt);
	if (a->nstmts > 0 && v->st->ops->query_rows(v->st,
	    "shipment_statements", NULL, 0, 0, on_ship_stmt, a, e) == -1)
		return -1;
	if (a->nsof > 1)
		qsort(a->sof, a->nsof, sizeof(a->sof[0]), cmp_sof);
	if (v->st->ops->query_rows(v->st, "line_duties", NULL, 0, 0, on_duty,
	    a, e) == -1 || flush_duty(a) == -1)
		return -1;
	finish_duties(a);
	if (v->st->ops->query_rows(v->st, "pms_clients", NULL,
	    0, 0, on_pms, a, e) == -1 || v->st->ops->query_rows(v->st,
	    "recovery_done", NULL, 0, 0, on_done, a, e) == -1)
		return -1;
	if (v->st->ops->query_rows(v->st, "released_shipments",
	    a->opts.importer, 0, 0, on_shipment, a, e) == -1)
		return -1;
	return v->st->ops->query_rows(v->st, "arrived_shipments",
	    a->opts.importer, 0, 0, on_arrived, a, e);
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
	out->tz = a->tz;
	out->flag = "";
	if (it->kind == LB_DL_CLOCK) {
		out->subject = a->clocks[it->idx].name;
		out->importer = out->entry = out->port = "";
		out->what = a->clocks[it->idx].def->what;
		if (clock_deadline(a, it->idx, &out->d) == -1)
			out->flag = a->clocks[it->idx].bad ?
			    a->clocks[it->idx].bad_why : "clock: its time "
			    "falls outside the calendar";
		return 0;
	}
	s = &a->ships[it->idx];
	ship_input(a, s, &in);
	out->subject = in.ref;
	out->importer = in.importer;
	out->entry = arena_str(a, s->entry);
	out->port = in.port;
	if (s->flags & F_BAD) {
		out->d.kind = LB_DL_RECORD;
		out->d.state = LB_DL_BAD;
		out->d.exposure_cents = -1;
		out->d.due_at = BAD_DUE;
		out->d.left_workdays = -1;
		out->flag = arena_str(a, s->why);
		out->what = "bad stored record";
		return 0;
	}
	if (s->flags & F_UNRELEASED) {
		if (lb_deadline_entry(a->cal, &a->rules, &in, a->opts.as_of,
		    &out->d) == -1)
			return lb_error(e, "shipment %s: outside the calendar",
			    in.ref);
		out->what = "entry 15 days";
		return 0;
	}
	if (lb_deadlines_shipment(a->cal, &a->rules, a->reliefs, a->nreliefs,
	    &in, a->opts.as_of, d) == -1)
		return lb_error(e, "shipment %s: outside the calendar", in.ref);
	out->d = d[it->kind == LB_DL_SUMMARY ? 0 : 1];
	out->what = it->kind == LB_DL_SUMMARY ? "entry summary" :
	    "duty payment";
	return 0;
}

const struct lb_tz *
lb_agenda_tz(const struct lb_agenda *a)
{
	return a->tz;
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
	free(a->stmts);
	free(a->day_ends);
	free(a->sof);
	lb_tz_free(a->tz_owned);
	free(a);
}
