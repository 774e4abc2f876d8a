/*
 * test_deadline.c: table-driven tests of the deadline model (deadline.c):
 * entry summary due dates across holidays, weekends, year ends, leap years
 * and the years before and after Juneteenth; PMS payment dates; the
 * at-risk boundary; overdue days; the damages estimates and their
 * rounding; relief (extension, discretion, by port and importer); clocks.
 *
 * Expected dates were counted by hand on the calendar of the year (each
 * case says how); 2007-08-01 -> 2007-08-15 is the worked example of a
 * public guide quoted in CBP.md section 4.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "calendar.h"
#include "date.h"
#include "deadline.h"
#include "tz.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct lb_dl_rules rules = {
	.at_risk_days = 2,
	.payment_multiplier = 2,
	.payment_min_cents = 100000,
	.summary_base_cents = 10000,
	.summary_ppm_per_day = 1000,
	.soc_notice_hours = 72,
};

static int64_t
day(const char *s)
{
	int64_t	d;

	assert_int_equal(lb_date_parse(s, strlen(s), &d, NULL, 0), 0);
	return d;
}

static int64_t
at(const char *s)
{
	int64_t	t;

	assert_int_equal(lb_time_parse(s, strlen(s), &t, NULL, 0), 0);
	return t;
}

static void
shipment(struct lb_dl_shipment *s, const char *release, int pms,
    int64_t duty)
{
	memset(s, 0, sizeof(*s));
	s->ref = "S1";
	s->importer = "12-3456789AB";
	s->port = "2704";
	s->release_day = day(release);
	s->pms = pms;
	s->duty_cents = duty;
}

static const char *
basis(const struct lb_deadline *d)
{
	static char	b[LB_DL_RULE_MAX];

	lb_deadline_basis(d, b, sizeof(b));
	return b;
}

static void
assert_date(int64_t got, const char *want)
{
	char	s[LB_DATE_STRLEN];

	lb_date_format(got, s);
	assert_string_equal(s, want);
}

static void
test_summary_due(void **state)
{
	static const struct {
		const char	*release, *due, *why;
	} cases[] = {
		{ "2007-08-01", "2007-08-15", "the guide's worked example" },
		{ "2026-11-20", "2026-12-07", "over Thanksgiving 2026-11-26" },
		{ "2026-11-28", "2026-12-11", "released on a Saturday" },
		{ "2026-11-29", "2026-12-11", "released on a Sunday" },
		{ "2026-12-18", "2027-01-05", "Christmas and New Year, Fridays" },
		{ "2021-06-10", "2021-06-25", "Juneteenth observed 2021-06-18" },
		{ "2020-06-11", "2020-06-25", "2020: no Juneteenth yet" },
		{ "2024-02-20", "2024-03-05", "leap year: Feb 29 counts" },
		{ "2023-02-21", "2023-03-07", "not a leap year" },
		{ "2022-12-22", "2023-01-09", "2022-12-26 and 2023-01-02 "
		    "observed" },
		{ "2021-12-27", "2022-01-11", "New Year 2022 observed "
		    "2021-12-31" },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		shipment(&s, cases[i].release, 0, 0);
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at("2000-01-01"), d), 0);
		print_message("%s: %s\n", cases[i].release, cases[i].why);
		assert_int_equal(d[0].kind, LB_DL_SUMMARY);
		assert_date(d[0].due_day, cases[i].due);
		/* A daily statement is paid with the summary. */
		assert_int_equal(d[1].kind, LB_DL_PAYMENT);
		assert_date(d[1].due_day, cases[i].due);
		assert_int_equal(d[0].state, LB_DL_OK);
	}
	lb_cal_free(cal);
}

static void
test_pms_due(void **state)
{
	static const struct {
		const char	*release, *due;
	} cases[] = {
		/* December 2026: 15th working day, Dec 1 a Tuesday. */
		{ "2026-11-20", "2026-12-21" },
		{ "2026-11-30", "2026-12-21" },
		/* January 2027: Jan 1 and MLK (Jan 18) off. */
		{ "2026-12-18", "2027-01-25" },
		{ "2026-12-31", "2027-01-25" },
		/* March 2024 after a leap February: Mar 1 a Friday. */
		{ "2024-02-29", "2024-03-21" },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		shipment(&s, cases[i].release, 1, 0);
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at("2000-01-01"), d), 0);
		assert_date(d[1].due_day, cases[i].due);
		assert_non_null(strstr(basis(&d[1]), "periodic monthly"));
	}
	/* Published dates win over computed ones. */
	assert_int_equal(lb_cal_pms_publish(cal, 2026, 12, day("2026-12-14"),
	    day("2026-12-18"), NULL), 0);
	shipment(&s, "2026-11-20", 1, 0);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2000-01-01"), d), 0);
	assert_date(d[1].due_day, "2026-12-18");
	assert_non_null(strstr(basis(&d[1]), "as published"));
	lb_cal_free(cal);
}

static void
test_judgement(void **state)
{
	static const struct {
		const char		*as_of;
		enum lb_dl_state	 st;
		int64_t			 left, late;
	} cases[] = {
		/* Due 2026-12-07 (Monday), at-risk window 2 working days. */
		{ "2026-11-20T12:00:00Z", LB_DL_OK, 10, 0 },
		{ "2026-12-02T23:59:59Z", LB_DL_OK, 3, 0 },
		{ "2026-12-03T00:00:00Z", LB_DL_AT_RISK, 2, 0 },
		{ "2026-12-05T10:00:00Z", LB_DL_AT_RISK, 1, 0 },
		{ "2026-12-07T23:59:59Z", LB_DL_AT_RISK, 0, 0 },
		{ "2026-12-08T00:00:00Z", LB_DL_OVERDUE, -1, 1 },
		{ "2026-12-10T08:00:00Z", LB_DL_OVERDUE, -1, 3 },
		{ "2027-01-06T00:00:00Z", LB_DL_OVERDUE, -1, 30 },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		shipment(&s, "2026-11-20", 0, 123456);
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at(cases[i].as_of), d), 0);
		print_message("as of %s\n", cases[i].as_of);
		assert_int_equal(d[0].state, cases[i].st);
		assert_int_equal(d[0].left_workdays, cases[i].left);
		assert_int_equal(d[0].late_days, cases[i].late);
		assert_int_equal(d[0].left_secs, at("2026-12-08T00:00:00Z") -
		    at(cases[i].as_of));
	}
	lb_cal_free(cal);
}

static void
test_exposure(void **state)
{
	static const struct {
		int64_t		 duty;
		const char	*as_of;
		int64_t		 summary, payment;
		int		 if_missed;
	} cases[] = {
		/* $100 + 0.1% x $1,234.56 x 3 days = $103.70 (370.368c). */
		{ 123456, "2026-12-10T08:00:00Z", 10370, 246912, 0 },
		/* Below the $1,000 minimum. */
		{ 10000, "2026-12-08T00:00:00Z", 10010, 100000, 0 },
		/* Half a cent rounds up: 500c x 0.1% = 0.5c. */
		{ 500, "2026-12-08T00:00:00Z", 10001, 100000, 0 },
		/* No duty known: the fixed parts. */
		{ -1, "2026-12-08T00:00:00Z", 10000, 100000, 0 },
		/* At risk: what one day late would cost. */
		{ 123456, "2026-12-07T09:00:00Z", 10123, 246912, 1 },
		/* A year late on a large duty: no overflow. */
		{ INT64_C(99999999999999), "2027-12-07T00:00:00Z",
		    INT64_C(36500000000000) + 10000, INT64_C(199999999999998),
		    0 },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		/* The summary's own basis shows when the duty is paid... */
		shipment(&s, "2026-11-20", 0, cases[i].duty);
		s.payment_done = 1;
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at(cases[i].as_of), d), 0);
		print_message("case %zu\n", i);
		assert_int_equal(d[0].exposure_cents, cases[i].summary);
		assert_int_equal(d[0].est, LB_EST_MITIGATION);
		assert_int_equal(d[0].if_missed, cases[i].if_missed);
		assert_non_null(strstr(basis(&d[0]), "release on 2026-11-20"));
		/* ...the deposit's when the summary is filed... */
		s.payment_done = 0;
		s.summary_done = 1;
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at(cases[i].as_of), d), 0);
		assert_int_equal(d[1].exposure_cents, cases[i].payment);
		assert_int_equal(d[1].est, LB_EST_BOND);
		/* ...and one basis when both are late the same day. */
		s.summary_done = 0;
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at(cases[i].as_of), d), 0);
		assert_int_equal(d[0].est, LB_EST_WITH_PAYMENT);
		assert_int_equal(d[0].exposure_cents, -1);
		assert_int_equal(d[1].exposure_cents, cases[i].payment);
	}
	/* Not at risk: no estimate. */
	shipment(&s, "2026-11-20", 0, 123456);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2026-11-21T00:00:00Z"), d), 0);
	assert_int_equal(d[0].exposure_cents, -1);
	/* Done: met, whatever the date. */
	s.summary_done = 1;
	s.payment_done = 1;
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2027-01-21T00:00:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_MET);
	assert_int_equal(d[1].state, LB_DL_MET);
	assert_int_equal(d[0].exposure_cents, -1);
	lb_cal_free(cal);
}

static void
test_texts(void **state)
{
	char	r[LB_DL_RULE_MAX];

	lb_deadline_rule(&rules, LB_DL_SUMMARY, r, sizeof(r));
	assert_string_equal(r, "late summary, estimate, to confirm: $100 + "
	    "0.1% of the duty per day late (CBP mitigation practice)");
	lb_deadline_rule(&rules, LB_DL_PAYMENT, r, sizeof(r));
	assert_string_equal(r, "late deposit, estimate, to confirm: the "
	    "greater of 2 x the unpaid duty or $1,000 (19 CFR 113.62)");
	lb_deadline_est_rule(&rules, LB_EST_WITH_PAYMENT, r, sizeof(r));
	assert_non_null(strstr(r, "one basis per lateness"));
}

static void
test_relief(void **state)
{
	struct lb_relief	 r[2];
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];

	memset(r, 0, sizeof(r));
	/* Extension of payments due in December by 5 working days. */
	(void)snprintf(r[0].id, sizeof(r[0].id), "R1");
	r[0].type = LB_RELIEF_EXTENSION;
	r[0].covers = LB_COVERS_PAYMENT;
	r[0].first = day("2026-12-01");
	r[0].last = day("2026-12-31");
	r[0].days = 5;
	/* Discretion for summaries due 2026-12-01..2026-12-07 at 2704. */
	(void)snprintf(r[1].id, sizeof(r[1].id), "R2");
	r[1].type = LB_RELIEF_DISCRETION;
	r[1].covers = LB_COVERS_SUMMARY;
	r[1].first = day("2026-12-01");
	r[1].last = day("2026-12-07");
	(void)snprintf(r[1].ports, sizeof(r[1].ports), "2304;2704");

	shipment(&s, "2026-11-20", 0, 123456);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, r, 2, &s,
	    at("2026-12-10T00:00:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_COVERED);
	assert_ptr_equal(d[0].covered, &r[1]);
	assert_int_equal(d[0].exposure_cents, -1);
	/* 2026-12-07 + 5 working days = 2026-12-14, not yet due. */
	assert_date(d[1].original_day, "2026-12-07");
	assert_date(d[1].due_day, "2026-12-14");
	assert_ptr_equal(d[1].extended, &r[0]);
	assert_int_equal(d[1].state, LB_DL_AT_RISK);	/* Dec 11 and 14 */
	assert_int_equal(d[1].left_workdays, 2);
	assert_non_null(strstr(basis(&d[1]), "extended 5 working days by R1"));

	/* Another port: discretion does not apply. */
	s.port = "1001";
	assert_int_equal(lb_deadlines_shipment(cal, &rules, r, 2, &s,
	    at("2026-12-10T00:00:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_OVERDUE);
	assert_null(d[0].covered);

	/* Limited to another importer: does not apply either. */
	s.port = "2704";
	(void)snprintf(r[1].importer, sizeof(r[1].importer), "98-7654321CD");
	assert_int_equal(lb_deadlines_shipment(cal, &rules, r, 2, &s,
	    at("2026-12-10T00:00:00Z"), d), 0);
	assert_null(d[0].covered);
	r[1].importer[0] = '\0';

	/* A summary due after the period: not covered. */
	shipment(&s, "2026-11-23", 0, 123456);	/* due 2026-12-08 */
	assert_int_equal(lb_deadlines_shipment(cal, &rules, r, 2, &s,
	    at("2026-12-10T00:00:00Z"), d), 0);
	assert_date(d[0].due_day, "2026-12-08");
	assert_null(d[0].covered);
	/* Relief does not hide a deadline already met. */
	s.summary_done = 1;
	shipment(&s, "2026-11-20", 0, 123456);
	s.summary_done = 1;
	assert_int_equal(lb_deadlines_shipment(cal, &rules, r, 2, &s,
	    at("2026-12-10T00:00:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_MET);

	assert_int_equal(lb_relief_has_port("", "2704"), 1);
	assert_int_equal(lb_relief_has_port("2704", "2704"), 1);
	assert_int_equal(lb_relief_has_port("2304;2704", "2704"), 1);
	assert_int_equal(lb_relief_has_port("2304;2705", "2704"), 0);
	lb_cal_free(cal);
}

static void
test_clock(void **state)
{
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_deadline	 d;
	int64_t			 start = at("2026-11-27T09:30:00Z");

	/* Due 72 hours later: Monday 2026-11-30 09:30. */
	assert_int_equal(lb_deadline_clock(cal, &rules, start, 72, 0,
	    at("2026-11-28T09:30:00Z"), &d), 0);
	assert_int_equal(d.due_at, at("2026-11-30T09:30:00Z"));
	assert_date(d.due_day, "2026-11-30");
	assert_int_equal(d.left_secs, 48 * 3600);
	assert_int_equal(d.state, LB_DL_AT_RISK);
	/* A clock counts hours, never working days (the web showed "0
	 * working days left" with 52 hours to go). */
	assert_int_equal(d.left_workdays, -1);
	assert_int_equal(d.exposure_cents, -1);
	assert_non_null(strstr(basis(&d), "111.21(b)"));

	assert_int_equal(lb_deadline_clock(cal, &rules, start, 72, 0,
	    at("2026-11-30T09:30:01Z"), &d), 0);
	assert_int_equal(d.state, LB_DL_OVERDUE);
	assert_int_equal(d.late_days, 1);

	assert_int_equal(lb_deadline_clock(cal, &rules, start, 72,
	    at("2026-11-29T10:00:00Z"), at("2026-12-30T00:00:00Z"), &d), 0);
	assert_int_equal(d.state, LB_DL_MET);

	/* A long clock is not at risk yet. */
	assert_int_equal(lb_deadline_clock(cal, &rules, start, 240, 0,
	    at("2026-11-27T10:00:00Z"), &d), 0);
	assert_int_equal(d.state, LB_DL_OK);
	assert_int_equal(lb_deadline_clock(cal, &rules, start, 0, 0,
	    at("2026-11-27T10:00:00Z"), &d), -1);
	lb_cal_free(cal);
}

static void
test_out_of_range(void **state)
{
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];

	shipment(&s, "1950-01-03", 0, 0);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2000-01-01"), d), -1);
	/* December 2199 on PMS: January 2200 is outside the calendar. */
	shipment(&s, "2199-12-01", 1, 0);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2000-01-01"), d), -1);
	lb_cal_free(cal);
}

/*
 * 19 CFR 142.2(a): entry within 15 calendar days of arrival.  The day of
 * arrival does not count, weekends and holidays do, and the due day does
 * not roll forward.
 */
static void
test_entry_15_days(void **state)
{
	static const struct {
		const char	*arrival, *as_of, *due;
		enum lb_dl_state state;
		int64_t		 late;
		const char	*why;
	} cases[] = {
		{ "2026-12-01", "2026-12-01T12:00:00Z", "2026-12-16", LB_DL_OK,
		    0, "arrived today: 15 days to go" },
		{ "2026-12-01", "2026-12-14T12:00:00Z", "2026-12-16",
		    LB_DL_AT_RISK, 0, "two working days left (15, 16)" },
		{ "2026-12-01", "2026-12-16T23:59:59Z", "2026-12-16",
		    LB_DL_AT_RISK, 0, "the last second of the due day" },
		{ "2026-12-01", "2026-12-17T00:00:00Z", "2026-12-16",
		    LB_DL_OVERDUE, 1, "general order from the 17th" },
		{ "2026-12-10", "2026-12-22T12:00:00Z", "2026-12-25",
		    LB_DL_AT_RISK, 0, "due on Christmas: no roll-over" },
		{ "2028-02-20", "2028-02-21T00:00:00Z", "2028-03-06", LB_DL_OK,
		    0, "February 29 counts" },
		{ "2026-11-01", "2026-12-01T00:00:00Z", "2026-11-16",
		    LB_DL_OVERDUE, 15, "15 days late" },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d;
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].why);
		shipment(&s, cases[i].arrival, 0, 0);
		s.unreleased = 1;
		s.arrival_day = day(cases[i].arrival);
		assert_int_equal(lb_deadline_entry(cal, &rules, &s,
		    at(cases[i].as_of), &d), 0);
		assert_int_equal(d.kind, LB_DL_ENTRY);
		assert_date(d.due_day, cases[i].due);
		assert_int_equal(d.state, cases[i].state);
		assert_int_equal(d.late_days, cases[i].late);
		assert_int_equal(d.exposure_cents, -1);
		assert_int_equal(d.est, LB_EST_NONE);
		assert_non_null(strstr(basis(&d), "142.2(a)"));
	}
	/* Out of the calendar: refused, for the caller to flag. */
	shipment(&s, "1970-06-02", 0, 0);
	s.arrival_day = day("1970-06-02");
	assert_int_equal(lb_deadline_entry(cal, &rules, &s,
	    at("2026-12-01T00:00:00Z"), &d), -1);
	s.arrival_day = day("2199-12-25");
	assert_int_equal(lb_deadline_entry(cal, &rules, &s,
	    at("2026-12-01T00:00:00Z"), &d), -1);
	lb_cal_free(cal);
}

/* A payment is met by payment; an authorization not sent is at risk. */
static void
test_statement_payment(void **state)
{
	static const struct {
		int		 stmt, authorized, paid, summary, has_due;
		const char	*due_given, *as_of, *due;
		enum lb_dl_state state;
		int		 unauthorized;
		const char	*why;
	} cases[] = {
		{ 0, 0, 0, 1, 0, NULL, "2026-11-23T00:00:00Z", "2026-12-07",
		    LB_DL_OK, 0, "summary filed, no statement known: unpaid" },
		{ 0, 0, 0, 1, 0, NULL, "2026-12-08T00:00:00Z", "2026-12-07",
		    LB_DL_OVERDUE, 0, "a filed summary pays nothing" },
		{ 1, 0, 0, 1, 0, NULL, "2026-11-23T00:00:00Z", "2026-12-07",
		    LB_DL_AT_RISK, 1, "daily statement never authorized" },
		{ 1, 1, 0, 1, 0, NULL, "2026-11-23T00:00:00Z", "2026-12-07",
		    LB_DL_OK, 0, "authorized, not yet debited" },
		{ 1, 1, 1, 1, 0, NULL, "2026-12-20T00:00:00Z", "2026-12-07",
		    LB_DL_MET, 0, "paid" },
		{ 1, 1, 0, 1, 1, "2026-12-10", "2026-12-05T00:00:00Z",
		    "2026-12-10", LB_DL_OK, 0, "CBP's due date wins" },
		{ 2, 1, 0, 1, 0, NULL, "2026-11-23T00:00:00Z", "2026-12-21",
		    LB_DL_OK, 0, "periodic statement: the PMS date" },
		{ 2, 0, 0, 1, 0, NULL, "2026-12-01T00:00:00Z", "2026-12-21",
		    LB_DL_AT_RISK, 1, "periodic, never authorized" },
	};
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2];
	size_t			 i;

	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].why);
		shipment(&s, "2026-11-20", 0, 123456);
		s.summary_done = cases[i].summary;
		s.stmt = cases[i].stmt;
		s.stmt_authorized = cases[i].authorized;
		s.payment_done = cases[i].paid;
		s.stmt_has_due = cases[i].has_due;
		if (cases[i].due_given != NULL)
			s.stmt_due_day = day(cases[i].due_given);
		assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0,
		    &s, at(cases[i].as_of), d), 0);
		assert_date(d[1].due_day, cases[i].due);
		assert_int_equal(d[1].state, cases[i].state);
		assert_int_equal(d[1].unauthorized, cases[i].unauthorized);
		if (cases[i].state == LB_DL_AT_RISK ||
		    cases[i].state == LB_DL_OVERDUE) {
			assert_int_equal(d[1].est, LB_EST_BOND);
			assert_true(d[1].exposure_cents >= 100000);
		} else
			assert_int_equal(d[1].exposure_cents, -1);
	}
	lb_cal_free(cal);
}

/* What is left, in the unit that fits. */
static void
test_left_text(void **state)
{
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_deadline	 d;
	struct lb_dl_shipment	 s;
	char			 t[LB_DL_LEFT_MAX];
	int64_t			 start = at("2026-12-01T00:00:00Z");

	/* The reviewers' case: 52h37m from due on the 72-hour clock. */
	assert_int_equal(lb_deadline_clock(cal, &rules, start, 72, 0,
	    start + 72 * 3600 - (52 * 3600 + 37 * 60), &d), 0);
	lb_deadline_left(&d, t, sizeof(t));
	assert_string_equal(t, "52h37m left");
	assert_int_equal(d.state, LB_DL_OK);
	assert_int_equal(lb_deadline_clock(cal, &rules, start, 72, 0,
	    start + 73 * 3600 + 60 * 5, &d), 0);
	lb_deadline_left(&d, t, sizeof(t));
	assert_string_equal(t, "1h05m late");
	shipment(&s, "2026-11-20", 0, 0);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2026-12-03T12:00:00Z"), (struct lb_deadline[2]){ d, d }), 0);
	lb_cal_free(cal);
}

/* A clock started or stopped before 1971 cannot be judged. */
static void
test_clock_range(void **state)
{
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_deadline	 d;

	assert_int_equal(lb_deadline_clock2(cal, &rules,
	    at("1926-12-01T00:00:00Z"), 72, 0, at("2026-12-01T00:00:00Z"),
	    &d), -1);
	/* Stopped at a negative instant: stopped all the same. */
	assert_int_equal(lb_deadline_clock2(cal, &rules,
	    at("1971-01-02T00:00:00Z"), 72, 1, at("2026-12-01T00:00:00Z"),
	    &d), 0);
	assert_int_equal(d.state, LB_DL_MET);
	lb_cal_free(cal);
}

static struct lb_tz *
chicago(void)
{
	static unsigned char	 buf[LB_TZ_MAX_FILE];
	struct lb_tz		*tz = NULL;
	FILE			*f;
	size_t			 n;

	assert_non_null(f = fopen("fuzz/corpus/tz/America_Chicago", "rb"));
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(lb_tz_parse(buf, n, &tz, NULL, 0), 0);
	return tz;
}

/*
 * Due times are the end of the due day in the vault's zone, across the
 * DST changes; "today" is the as-of instant's day there.  The agenda's
 * cache of day ends gives the same instants as the zone.
 */
static void
test_zone_due(void **state)
{
	static const struct {
		const char	*release, *due, *due_at, *why;
	} cases[] = {
		{ "2026-10-20", "2026-11-03", "2026-11-04T06:00:00Z",
		    "after the fall back: CST, UTC-6" },
		{ "2026-02-27", "2026-03-13", "2026-03-14T05:00:00Z",
		    "after the spring forward: CDT, UTC-5" },
		{ "2026-11-20", "2026-12-07", "2026-12-08T06:00:00Z",
		    "winter" },
	};
	struct lb_dl_rules	 r = rules, rc = rules;
	struct lb_calendar	*cal = lb_cal_new();
	struct lb_tz		*tz = chicago();
	struct lb_dl_shipment	 s;
	struct lb_deadline	 d[2], dc[2];
	int64_t			 ends[40], first = day("2026-11-01");
	size_t			 i;

	r.tz = tz;
	rc.tz = tz;
	for (i = 0; i < NELEM(ends); i++)
		ends[i] = lb_tz_day_end(tz, first + (int64_t)i);
	rc.day_end = ends;
	rc.day_end_first = first;
	rc.day_end_n = NELEM(ends);
	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].why);
		shipment(&s, cases[i].release, 0, 0);
		assert_int_equal(lb_deadlines_shipment(cal, &r, NULL, 0, &s,
		    at("2026-01-01T00:00:00Z"), d), 0);
		assert_date(d[0].due_day, cases[i].due);
		assert_int_equal(d[0].due_at, at(cases[i].due_at));
		assert_int_equal(lb_deadlines_shipment(cal, &rc, NULL, 0, &s,
		    at("2026-01-01T00:00:00Z"), dc), 0);
		assert_int_equal(dc[0].due_at, d[0].due_at);
		assert_int_equal(dc[1].due_at, d[1].due_at);
	}
	/* 23:30 on the due day in Chicago is 05:30 UTC the next day: in
	 * UTC that would be overdue, in the vault's zone it is not yet. */
	shipment(&s, "2026-11-20", 0, 0);
	assert_int_equal(lb_deadlines_shipment(cal, &r, NULL, 0, &s,
	    at("2026-12-08T05:30:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_AT_RISK);
	assert_int_equal(lb_deadlines_shipment(cal, &rules, NULL, 0, &s,
	    at("2026-12-08T05:30:00Z"), d), 0);
	assert_int_equal(d[0].state, LB_DL_OVERDUE);
	lb_tz_free(tz);
	lb_cal_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_due),
		cmocka_unit_test(test_pms_due),
		cmocka_unit_test(test_judgement),
		cmocka_unit_test(test_exposure),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_relief),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_entry_15_days),
		cmocka_unit_test(test_statement_payment),
		cmocka_unit_test(test_left_text),
		cmocka_unit_test(test_clock_range),
		cmocka_unit_test(test_zone_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
