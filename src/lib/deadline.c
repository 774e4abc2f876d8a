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
#include "tz.h"

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
	if (r->type == LB_RELIEF_DOWNTIME)
		return 0;	/* a paper release moves no deadline */
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

/* The end of a due day in the vault's zone: its due instant. */
static int64_t
day_end(const struct lb_dl_rules *rules, int64_t day)
{
	if (rules->tz == NULL)
		return (day + 1) * DAY_SECS;
	if (rules->day_end != NULL && day >= rules->day_end_first &&
	    day - rules->day_end_first < (int64_t)rules->day_end_n)
		return rules->day_end[day - rules->day_end_first];
	return lb_tz_day_end(rules->tz, day);
}

static int64_t
local_today(const struct lb_dl_rules *rules, int64_t as_of)
{
	if (rules->tz == NULL)
		return floor_day(as_of);
	if (rules->has_today && rules->today_as_of == as_of)
		return rules->today;
	return lb_tz_local_day(rules->tz, as_of);
}

/* Is the covering relief's last day within the at-risk window? */
static int
relief_expiring(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    int64_t today, const struct lb_relief *r)
{
	if (r == NULL || r->last < today)
		return 0;
	return workdays_between(cal, today, r->last) <= rules->at_risk_days;
}

/* Judge a deadline due at due_at (due_day its day) as of as_of. */
static void
judge(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    int64_t as_of, struct lb_deadline *d)
{
	int64_t	today = local_today(rules, as_of);
	int	clock = d->kind == LB_DL_CLOCK;

	d->left_secs = d->due_at - as_of;
	d->late_days = 0;
	if (d->state == LB_DL_MET || d->state == LB_DL_COVERED) {
		d->left_workdays = !clock && d->due_day >= today ?
		    workdays_between(cal, today, d->due_day) : -1;
		if (d->state == LB_DL_COVERED)
			d->expiring = relief_expiring(cal, rules, today,
			    d->covered);
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
	if (clock) {
		/* A clock runs in hours, weekends and holidays included. */
		d->left_workdays = -1;
		d->state = d->left_secs <= (int64_t)rules->at_risk_days * 24 *
		    3600 ? LB_DL_AT_RISK : LB_DL_OK;
		return;
	}
	d->left_workdays = workdays_between(cal, today, d->due_day);
	d->state = d->left_workdays <= rules->at_risk_days ? LB_DL_AT_RISK :
	    LB_DL_OK;
	/* The authorization is what an attack takes first (CBP.md 4). */
	if (d->unauthorized)
		d->state = LB_DL_AT_RISK;
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
	if (d->state != LB_DL_OVERDUE && d->state != LB_DL_AT_RISK) {
		d->est = LB_EST_NONE;
		return;
	}
	if (d->est != LB_EST_BOND && d->est != LB_EST_MITIGATION)
		return;
	d->if_missed = d->state == LB_DL_AT_RISK;
	days = d->state == LB_DL_OVERDUE ? d->late_days : 1;
	if (duty < 0)
		duty = 0;
	if (d->est == LB_EST_MITIGATION)
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
	lb_deadline_est_rule(rules, kind == LB_DL_SUMMARY ? LB_EST_MITIGATION :
	    kind == LB_DL_PAYMENT ? LB_EST_BOND : LB_EST_NONE, out, len);
}

const char *
lb_dl_est_name(enum lb_dl_est est)
{
	switch (est) {
	case LB_EST_BOND:
		return "19 CFR 113.62";
	case LB_EST_MITIGATION:
		return "CBP mitigation practice, late entry summary";
	case LB_EST_WITH_PAYMENT:
		return "with the duty payment";
	case LB_EST_NONE:
		break;
	}
	return "none";
}

void
lb_deadline_est_rule(const struct lb_dl_rules *rules, enum lb_dl_est est,
    char *out, size_t len)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	switch (est) {
	case LB_EST_WITH_PAYMENT:
		(void)snprintf(out, len, "no estimate of its own: the same "
		    "lateness as the duty payment due the same day, estimated "
		    "there (one basis per lateness)");
		break;
	case LB_EST_MITIGATION:
		dollars(rules->summary_base_cents, m);
		(void)snprintf(out, len, "late summary, estimate, to confirm: "
		    "%s + %.4g%% of the duty per day late (CBP mitigation "
		    "practice)", m,
		    (double)rules->summary_ppm_per_day / 10000.0);
		break;
	case LB_EST_BOND:
		dollars(rules->payment_min_cents, m);
		(void)snprintf(out, len, "late deposit, estimate, to confirm: "
		    "the greater of %lld x the unpaid duty or %s (19 CFR "
		    "113.62)",
		    (long long)rules->payment_multiplier, m);
		break;
	case LB_EST_NONE:
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
		if (d->stmt_due)
			n = snprintf(out, len, "statement due date as CBP gave "
			    "it%s", d->unauthorized ? "; ACH authorization "
			    "not sent" : "");
		else if (d->pms != 0)
			n = snprintf(out, len, "periodic monthly statement of "
			    "%04d-%02d: 15th working day%s (19 CFR 24.25)",
			    d->pms / 100, d->pms % 100, d->published ?
			    ", as published by CBP" : "");
		else
			n = snprintf(out, len, "daily statement, with the entry "
			    "summary: %d working days after release on %s "
			    "(19 CFR 24.25, 142.12(b))", LB_SUMMARY_WORKDAYS,
			    from);
		if (!d->stmt_due && n >= 0 && (size_t)n < len) {
			if (d->unauthorized)
				n += snprintf(out + n, len - (size_t)n, "; ACH "
				    "authorization not sent");
			else if (d->no_statement && d->state != LB_DL_MET)
				n += snprintf(out + n, len - (size_t)n, "; no "
				    "statement on record");
		}
		break;
	case LB_DL_ENTRY:
		n = snprintf(out, len, "%d calendar days after arrival on %s, "
		    "then general order (19 CFR 142.2(a))", LB_ENTRY_DAYS,
		    from);
		break;
	case LB_DL_RECORD:
		n = snprintf(out, len, "a stored date outside the calendar or "
		    "unreadable (run lifeboat verify)");
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

	if (s->stmt != 0 && s->stmt_has_due) {
		if (lb_date_check_range(s->stmt_due_day, NULL, 0) == -1)
			return -1;
		pay->due_day = s->stmt_due_day;
		pay->stmt_due = 1;
	} else if (s->pms || s->stmt == 2) {
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
	sum->due_at = day_end(rules, sum->due_day);
	pay->due_at = day_end(rules, pay->due_day);
	pay->no_statement = s->stmt == 0;
	pay->unauthorized = s->stmt != 0 && !s->stmt_authorized &&
	    !s->payment_done;
	/* One basis per lateness (see deadline.h). */
	sum->est = LB_EST_MITIGATION;
	pay->est = LB_EST_BOND;
	if (!s->summary_done && !s->payment_done && pay->pms == 0 &&
	    !pay->stmt_due && sum->due_day == pay->due_day)
		sum->est = LB_EST_WITH_PAYMENT;
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
lb_deadline_entry(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    const struct lb_dl_shipment *s, int64_t as_of, struct lb_deadline *d)
{
	init_deadline(d, LB_DL_ENTRY);
	if (lb_date_check_range(s->arrival_day, NULL, 0) == -1 ||
	    lb_date_check_range(s->arrival_day + LB_ENTRY_DAYS, NULL, 0) == -1)
		return -1;
	d->from = s->arrival_day;
	d->due_day = d->original_day = s->arrival_day + LB_ENTRY_DAYS;
	d->due_at = day_end(rules, d->due_day);
	judge(cal, rules, as_of, d);
	return 0;
}

int
lb_deadline_clock2(const struct lb_calendar *cal,
    const struct lb_dl_rules *rules, int64_t started, int64_t hours,
    int is_stopped, int64_t as_of, struct lb_deadline *d)
{
	init_deadline(d, LB_DL_CLOCK);
	if (hours < 1 || hours > 24 * 365 ||
	    lb_time_check_range(started, NULL, 0) == -1)
		return -1;
	d->due_at = started + hours * 3600;
	d->due_day = local_today(rules, d->due_at);
	d->original_day = d->due_day;
	if (lb_cal_is_workday(cal, d->due_day, NULL) == -1)
		return -1;
	d->from = started;
	d->hours = hours;
	if (is_stopped)
		d->state = LB_DL_MET;
	judge(cal, rules, as_of, d);
	estimate(rules, -1, d);
	return 0;
}

int
lb_deadline_clock(const struct lb_calendar *cal, const struct lb_dl_rules *rules,
    int64_t started, int64_t hours, int64_t stopped, int64_t as_of,
    struct lb_deadline *d)
{
	return lb_deadline_clock2(cal, rules, started, hours, stopped > 0,
	    as_of, d);
}

/* "52h37m" of a non-negative count of seconds. */
static int
hm(char *out, size_t len, int64_t secs)
{
	return snprintf(out, len, "%lldh%02lldm", (long long)(secs / 3600),
	    (long long)(secs % 3600 / 60));
}

void
lb_deadline_left(const struct lb_deadline *d, char *out, size_t len)
{
	char	last[LB_DATE_STRLEN];
	int	n;

	switch (d->state) {
	case LB_DL_BAD:
		(void)snprintf(out, len, "bad stored date");
		return;
	case LB_DL_MET:
		(void)snprintf(out, len, "met");
		return;
	case LB_DL_COVERED:
		if (d->covered != NULL) {
			lb_date_format(d->covered->last, last);
			(void)snprintf(out, len, "covered until %s%s", last,
			    d->expiring ? " (expiring)" : "");
		} else
			(void)snprintf(out, len, "covered");
		return;
	case LB_DL_OVERDUE:
		if (d->kind == LB_DL_CLOCK && d->left_secs > -DAY_SECS) {
			n = hm(out, len, -d->left_secs);
			if (n >= 0 && (size_t)n < len)
				(void)snprintf(out + n, len - (size_t)n, " late");
		} else
			(void)snprintf(out, len, "%lld day%s late",
			    (long long)d->late_days, d->late_days == 1 ? "" :
			    "s");
		return;
	case LB_DL_AT_RISK:
	case LB_DL_OK:
		if (d->kind == LB_DL_CLOCK || d->left_workdays < 0) {
			n = hm(out, len, d->left_secs > 0 ? d->left_secs : 0);
			if (n >= 0 && (size_t)n < len)
				(void)snprintf(out + n, len - (size_t)n, " left");
		} else
			(void)snprintf(out, len, "%lld working day%s left",
			    (long long)d->left_workdays, d->left_workdays == 1 ?
			    "" : "s");
		return;
	}
	(void)snprintf(out, len, "-");
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
	case LB_DL_ENTRY:
		return "entry";
	case LB_DL_RECORD:
		return "record";
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
	case LB_DL_BAD:
		return "bad";
	}
	return "?";
}
