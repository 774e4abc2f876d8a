/*
 * deadline.c: the deadline model (see deadline.h).  Pure: the calendar,
 * the rules, the relief and the moment of judgement all come in as
 * arguments.
 */
#include <stdio.h>
#include <string.h>

#include "cbp.h"
#include "date.h"
#include "deadline.h"

#define DAY_SECS	INT64_C(86400)
/* Counting working days stops here: nothing real is due further ahead. */
#define LEFT_MAX_DAYS	400

static int64_t
floor_day(int64_t secs)
{
	int64_t	d = secs / DAY_SECS;

	if (secs % DAY_SECS < 0)
		d--;
	return d;
}

int
lb_relief_has_port(const char *ports, const char *port)
{
	const char	*p;

	if (ports == NULL || ports[0] == '\0')
		return 1;
	for (p = ports; strlen(p) >= 4; p += 5) {
		if (strncmp(p, port, 4) == 0)
			return 1;
		if (p[4] != ';')
			break;
	}
	return 0;
}

static int
relief_applies(const struct lb_relief *r, int bit,
    const struct lb_dl_shipment *s, int64_t day)
{
	if ((r->covers & bit) == 0 || day < r->first || day > r->last)
		return 0;
	if (r->importer[0] != '\0' && strcmp(r->importer, s->importer) != 0)
		return 0;
	return lb_relief_has_port(r->ports, s->port);
}

/* Working days d with from < d <= to, counting no further than the cap. */
static int64_t
workdays_between(const struct lb_calendar *cal, int64_t from, int64_t to)
{
	int64_t	d, n = 0;

	if (to - from > LEFT_MAX_DAYS)
		to = from + LEFT_MAX_DAYS;
	for (d = from + 1; d <= to; d++)
		if (lb_cal_is_workday(cal, d, NULL) == 1)
			n++;
	return n;
}

/* Judge a deadline due at due_at (due_day its day) as of as_of. */
static void
judge(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    int64_t as_of, struct lb_deadline *d)
{
	int64_t	today = floor_day(as_of);

	d->left_secs = d->due_at - as_of;
	d->late_days = 0;
	if (d->state == LB_DL_MET || d->state == LB_DL_COVERED) {
		d->left_workdays = d->due_day >= today ?
		    workdays_between(cal, today, d->due_day) : -1;
		return;
	}
	if (as_of >= d->due_at) {
		d->state = LB_DL_OVERDUE;
		d->left_workdays = -1;
		d->late_days = today - d->due_day;
		if (d->late_days < 1)
			d->late_days = 1;	/* a clock late the same day */
		return;
	}
	d->left_workdays = workdays_between(cal, today, d->due_day);
	d->state = d->left_workdays <= rules->at_risk_days ? LB_DL_AT_RISK :
	    LB_DL_OK;
}

static void
dollars(int64_t cents, char out[LB_MONEY_DISPLAY_STRLEN])
{
	size_t	n;

	lb_money_display(cents, out);
	n = strlen(out);
	/* Whole dollars read better in a rule: "$1,000", not "$1,000.00". */
	if (n > 3 && strcmp(out + n - 3, ".00") == 0)
		out[n - 3] = '\0';
}

/* Round half up of a * b / c for non-negative values, without overflow. */
static int64_t
muldiv(int64_t a, int64_t b, int64_t c)
{
	__int128	p = (__int128)a * b;

	return (int64_t)((p + c / 2) / c);
}

static void
estimate(const struct lb_dl_rules *rules, int64_t duty,
    struct lb_deadline *d)
{
	int64_t	days, v;

	d->exposure_cents = -1;
	d->if_missed = 0;
	if (d->state != LB_DL_OVERDUE && d->state != LB_DL_AT_RISK)
		return;
	if (d->kind == LB_DL_CLOCK)
		return;
	d->if_missed = d->state == LB_DL_AT_RISK;
	days = d->state == LB_DL_OVERDUE ? d->late_days : 1;
	if (duty < 0)
		duty = 0;
	if (d->kind == LB_DL_SUMMARY)
		v = rules->summary_base_cents + muldiv(duty,
		    rules->summary_ppm_per_day * days, 1000000);
	else {
		v = rules->payment_multiplier * duty;
		if (v < rules->payment_min_cents)
			v = rules->payment_min_cents;
	}
	d->exposure_cents = v;
}

void
lb_deadline_rule(const struct lb_dl_rules *rules, enum lb_dl_kind kind,
    char *out, size_t len)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	switch (kind) {
	case LB_DL_SUMMARY:
		dollars(rules->summary_base_cents, m);
		(void)snprintf(out, len, "estimate, to confirm: %s + %.4g%% of "
		    "the duty per day late (CBP mitigation practice for a late "
		    "entry summary)", m,
		    (double)rules->summary_ppm_per_day / 10000.0);
		break;
	case LB_DL_PAYMENT:
		dollars(rules->payment_min_cents, m);
		(void)snprintf(out, len, "estimate, to confirm: the greater of "
		    "%lld x the unpaid duty or %s (19 CFR 113.62)",
		    (long long)rules->payment_multiplier, m);
		break;
	default:
		(void)snprintf(out, len, "no damages estimate");
		break;
	}
}

void
lb_deadline_basis(const struct lb_deadline *d, char *out, size_t len)
{
	char	from[LB_DATE_STRLEN];
	int	n = 0;

	lb_date_format(d->from, from);
	switch (d->kind) {
	case LB_DL_SUMMARY:
		n = snprintf(out, len, "%d working days after release on %s "
		    "(19 CFR 142.12(b))", LB_SUMMARY_WORKDAYS, from);
		break;
	case LB_DL_PAYMENT:
		if (d->pms != 0)
			n = snprintf(out, len, "periodic monthly statement of "
			    "%04d-%02d: 15th working day%s (19 CFR 24.25)",
			    d->pms / 100, d->pms % 100, d->published ?
			    ", as published by CBP" : "");
		else
			n = snprintf(out, len, "daily statement, with the entry "
			    "summary: %d working days after release on %s "
			    "(19 CFR 24.25, 142.12(b))", LB_SUMMARY_WORKDAYS,
			    from);
		break;
	case LB_DL_CLOCK:
		n = snprintf(out, len, "%lld hours from discovery (19 CFR "
		    "111.21(b))", (long long)d->hours);
		break;
	}
	if (n >= 0 && (size_t)n < len && d->extended != NULL)
		(void)snprintf(out + n, len - (size_t)n, "; extended %d "
		    "working days by %s", d->extended->days, d->extended->id);
}

static void
init_deadline(struct lb_deadline *d, enum lb_dl_kind kind)
{
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->state = LB_DL_OK;
	d->exposure_cents = -1;
}

/* Apply the first extension and the first discretion that fit. */
static int
apply_relief(const struct lb_calendar *cal, const struct lb_relief *reliefs,
    size_t n, int bit, const struct lb_dl_shipment *s, struct lb_deadline *d)
{
	size_t	 i;
	int64_t	 day;

	d->original_day = d->due_day;
	for (i = 0; i < n; i++) {
		if (reliefs[i].type != LB_RELIEF_EXTENSION ||
		    !relief_applies(&reliefs[i], bit, s, d->due_day))
			continue;
		if (lb_cal_add_workdays(cal, d->due_day, reliefs[i].days,
		    &day) == -1)
			return -1;
		d->due_day = day;
		d->extended = &reliefs[i];
		break;
	}
	for (i = 0; i < n; i++)
		if (reliefs[i].type == LB_RELIEF_DISCRETION &&
		    relief_applies(&reliefs[i], bit, s, d->due_day)) {
			d->covered = &reliefs[i];
			break;
		}
	d->due_at = (d->due_day + 1) * DAY_SECS;
	return 0;
}

int
lb_deadlines_shipment(const struct lb_calendar *cal,
    const struct lb_dl_rules *rules, const struct lb_relief *reliefs,
    size_t nreliefs, const struct lb_dl_shipment *s, int64_t as_of,
    struct lb_deadline out[2])
{
	struct lb_deadline	*sum = &out[0], *pay = &out[1];
	int64_t			 pre, due;
	int			 y, m, d, published;

	init_deadline(sum, LB_DL_SUMMARY);
	init_deadline(pay, LB_DL_PAYMENT);
	sum->from = pay->from = s->release_day;
	if (lb_cal_add_workdays(cal, s->release_day, LB_SUMMARY_WORKDAYS,
	    &sum->due_day) == -1)
		return -1;

	if (s->pms) {
		lb_civil_from_days(s->release_day, &y, &m, &d);
		if (++m > 12) {
			m = 1;
			y++;
		}
		if (y > LB_CAL_YEAR_MAX ||
		    lb_cal_pms(cal, y, m, &pre, &due, &published) == -1)
			return -1;
		pay->due_day = due;
		pay->pms = y * 100 + m;
		pay->published = published;
	} else
		pay->due_day = sum->due_day;

	if (apply_relief(cal, reliefs, nreliefs, LB_COVERS_SUMMARY, s,
	    sum) == -1 || apply_relief(cal, reliefs, nreliefs,
	    LB_COVERS_PAYMENT, s, pay) == -1)
		return -1;
	if (s->summary_done)
		sum->state = LB_DL_MET;
	else if (sum->covered != NULL)
		sum->state = LB_DL_COVERED;
	if (s->payment_done)
		pay->state = LB_DL_MET;
	else if (pay->covered != NULL)
		pay->state = LB_DL_COVERED;
	judge(cal, rules, as_of, sum);
	judge(cal, rules, as_of, pay);
	estimate(rules, s->duty_cents, sum);
	estimate(rules, s->duty_cents, pay);
	return 0;
}

int
lb_deadline_clock(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    int64_t started, int64_t hours, int64_t stopped, int64_t as_of,
    struct lb_deadline *d)
{
	init_deadline(d, LB_DL_CLOCK);
	if (hours < 1 || hours > 24 * 365)
		return -1;
	d->due_at = started + hours * 3600;
	d->due_day = floor_day(d->due_at);
	d->original_day = d->due_day;
	if (lb_cal_is_workday(cal, d->due_day, NULL) == -1)
		return -1;
	d->from = started;
	d->hours = hours;
	if (stopped > 0)
		d->state = LB_DL_MET;
	judge(cal, rules, as_of, d);
	estimate(rules, -1, d);
	return 0;
}

const char *
lb_dl_kind_name(enum lb_dl_kind k)
{
	switch (k) {
	case LB_DL_SUMMARY:
		return "summary";
	case LB_DL_PAYMENT:
		return "payment";
	case LB_DL_CLOCK:
		return "clock";
	}
	return "?";
}

const char *
lb_dl_state_name(enum lb_dl_state s)
{
	switch (s) {
	case LB_DL_MET:
		return "met";
	case LB_DL_COVERED:
		return "covered";
	case LB_DL_OVERDUE:
		return "overdue";
	case LB_DL_AT_RISK:
		return "at_risk";
	case LB_DL_OK:
		return "ok";
	}
	return "?";
}
