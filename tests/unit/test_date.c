/*
 * test_date.c: table-driven tests of the calendar in date.c: day counts,
 * leap years, month lengths, weekdays, strict date parsing with its
 * reasons, ISO 8601 instants with offsets, and exhaustive round trips over
 * every day that lb_date_parse accepts.  Expected day counts, weekdays and
 * instants were computed independently (Python's datetime and calendar).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cbp.h"
#include "date.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A heap copy of exactly n bytes (no NUL), so over-reads are caught. */
static char *
exact(const char *s, size_t n)
{
	char	*p;

	p = malloc(n == 0 ? 1 : n);
	assert_non_null(p);
	if (n > 0)
		memcpy(p, s, n);
	return p;
}

static const struct {
	int	y, m, d;
	int64_t	days;
	int	wday;
} civil_cases[] = {
	{ 1970, 1, 1, 0, 4 },
	{ 1969, 12, 31, -1, 3 },
	{ 1900, 1, 1, -25567, 1 },
	{ 2199, 12, 31, 84005, 2 },
	{ 2000, 1, 1, 10957, 6 },
	{ 2000, 2, 29, 11016, 2 },
	{ 2024, 2, 29, 19782, 4 },
	{ 2100, 2, 28, 47540, 0 },
	{ 2100, 3, 1, 47541, 1 },
	{ 2007, 8, 1, 13726, 3 },
	{ 2025, 7, 4, 20273, 5 },
	{ 2026, 11, 28, 20785, 6 },	/* a Saturday */
	{ 1, 1, 1, -719162, 1 },
	{ 0, 3, 1, -719468, 3 },
	{ 0, 1, 1, -719528, 6 },
	{ -1, 12, 31, -719529, 5 },
	{ 9999, 12, 31, 2932896, 5 },
};

static void
test_civil_table(void **state)
{
	size_t	i;
	int	y, m, d;

	(void)state;
	for (i = 0; i < NELEM(civil_cases); i++) {
		if (lb_days_from_civil(civil_cases[i].y, civil_cases[i].m,
		    civil_cases[i].d) != civil_cases[i].days)
			fail_msg("%d-%d-%d: %" PRId64 ", wanted %" PRId64,
			    civil_cases[i].y, civil_cases[i].m,
			    civil_cases[i].d,
			    lb_days_from_civil(civil_cases[i].y,
			    civil_cases[i].m, civil_cases[i].d),
			    civil_cases[i].days);
		lb_civil_from_days(civil_cases[i].days, &y, &m, &d);
		assert_int_equal(y, civil_cases[i].y);
		assert_int_equal(m, civil_cases[i].m);
		assert_int_equal(d, civil_cases[i].d);
		assert_int_equal(lb_weekday(civil_cases[i].days),
		    civil_cases[i].wday);
	}
}

static void
test_leap_years(void **state)
{
	static const struct {
		int	y, leap;
	} cases[] = {
		{ 1900, 0 }, { 2000, 1 }, { 2024, 1 }, { 2100, 0 },
		{ 2023, 0 }, { 2025, 0 }, { 1996, 1 }, { 1600, 1 },
		{ 2400, 1 }, { 2200, 0 }, { 0, 1 }, { -4, 1 },
		{ -100, 0 }, { -400, 1 }, { 1, 0 },
	};
	size_t	i;
	int	y, n = 0;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (lb_is_leap(cases[i].y) != cases[i].leap)
			fail_msg("lb_is_leap(%d) != %d", cases[i].y,
			    cases[i].leap);
	/* 400 years hold 97 leap years. */
	for (y = 1901; y <= 2300; y++)
		n += lb_is_leap(y);
	assert_int_equal(n, 97);
}

static void
test_days_in_month(void **state)
{
	static const int	dim2023[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			m;

	(void)state;
	for (m = 1; m <= 12; m++)
		assert_int_equal(lb_days_in_month(2023, m), dim2023[m - 1]);
	assert_int_equal(lb_days_in_month(2024, 2), 29);
	assert_int_equal(lb_days_in_month(2000, 2), 29);
	assert_int_equal(lb_days_in_month(1900, 2), 28);
	assert_int_equal(lb_days_in_month(2100, 2), 28);
	assert_int_equal(lb_days_in_month(2024, 0), 0);
	assert_int_equal(lb_days_in_month(2024, 13), 0);
	assert_int_equal(lb_days_in_month(2024, -1), 0);
}

static void
test_weekday_negative(void **state)
{
	int64_t	d;

	(void)state;
	/* Weekdays cycle through 0..6 across zero and far out. */
	for (d = -30; d < 30; d++)
		assert_int_equal(lb_weekday(d + 1), (lb_weekday(d) + 1) % 7);
	assert_int_equal(lb_weekday(-7), 4);
	assert_true(lb_weekday(INT64_MIN) >= 0 && lb_weekday(INT64_MIN) < 7);
	assert_true(lb_weekday(INT64_MAX) >= 0 && lb_weekday(INT64_MAX) < 7);
}

/*
 * Every day from 1900-01-01 to 2199-12-31, walked month by month: the day
 * count goes up by one, converts back, formats as the calendar says and
 * parses back; the weekday goes round.
 */
static void
test_every_day_round_trip(void **state)
{
	char	s[LB_DATE_STRLEN], want[32];
	int64_t	days, expect, parsed;
	int	y, m, d, yy, mm, dd, wday, ndays = 0;

	(void)state;
	expect = -25567;
	wday = 1;
	for (y = LB_DATE_YEAR_MIN; y <= LB_DATE_YEAR_MAX; y++) {
		for (m = 1; m <= 12; m++) {
			for (d = 1; d <= lb_days_in_month(y, m); d++) {
				days = lb_days_from_civil(y, m, d);
				if (days != expect)
					fail_msg("%04d-%02d-%02d", y, m, d);
				lb_civil_from_days(days, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%" PRId64, days);
				assert_int_equal(lb_weekday(days), wday);
				(void)snprintf(want, sizeof(want),
				    "%04d-%02d-%02d", y, m, d);
				lb_date_format(days, s);
				assert_string_equal(s, want);
				if (lb_date_parse(s, 10, &parsed, NULL, 0) !=
				    0 || parsed != days)
					fail_msg("parse %s", s);
				expect++;
				wday = (wday + 1) % 7;
				ndays++;
			}
		}
	}
	/* 300 years, 73 of them leap (2000 is, 1900 and 2100 are not). */
	assert_int_equal(ndays, 300 * 365 + 73);
	assert_int_equal(expect - 1, 84005);
}

/* days -> civil -> days over years -1000 .. 12000. */
static void
test_civil_wide_round_trip(void **state)
{
	int64_t	days;
	int	y, m, d;

	(void)state;
	for (days = lb_days_from_civil(-1000, 1, 1);
	    days <= lb_days_from_civil(12000, 1, 1); days++) {
		lb_civil_from_days(days, &y, &m, &d);
		if (m < 1 || m > 12 || d < 1 || d > lb_days_in_month(y, m) ||
		    lb_days_from_civil(y, m, d) != days)
			fail_msg("%" PRId64 " -> %d-%d-%d", days, y, m, d);
	}
	lb_civil_from_days(LB_DAYS_LIMIT, &y, &m, &d);
	assert_int_equal(lb_days_from_civil(y, m, d), LB_DAYS_LIMIT);
	lb_civil_from_days(-LB_DAYS_LIMIT, &y, &m, &d);
	assert_int_equal(lb_days_from_civil(y, m, d), -LB_DAYS_LIMIT);
}

static const struct {
	const char	*in;
	size_t		 len;	/* 0: strlen(in) */
	const char	*want;	/* canonical date, or NULL */
	const char	*why;
} date_cases[] = {
	{ "2024-02-29", 0, "2024-02-29", NULL },
	{ "2000-02-29", 0, "2000-02-29", NULL },
	{ "1900-01-01", 0, "1900-01-01", NULL },
	{ "2199-12-31", 0, "2199-12-31", NULL },
	{ " 2025-01-31\n", 0, "2025-01-31", NULL },
	{ "2025-12-31", 0, "2025-12-31", NULL },
	{ "2025-04-30", 0, "2025-04-30", NULL },
	{ "2025-06-30junk", 10, "2025-06-30", NULL },

	{ "", 0, NULL, "date is empty" },
	{ " \t", 0, NULL, "date is empty" },
	{ "2025-02-29", 0, NULL, "2025-02-29 is not a date: 2025 is not a "
	    "leap year" },
	{ "1900-02-29", 0, NULL, "1900 is not a leap year" },
	{ "2100-02-29", 0, NULL, "2100 is not a leap year" },
	{ "2025-02-30", 0, NULL, "2025-02-30 is not a date: February has 28 "
	    "days" },
	{ "2024-02-30", 0, NULL, "February has 29 days" },
	{ "2025-04-31", 0, NULL, "2025-04-31 is not a date: April has 30 "
	    "days" },
	{ "2025-01-32", 0, NULL, "January has 31 days" },
	{ "2025-12-99", 0, NULL, "December has 31 days" },
	{ "2025-01-00", 0, NULL, "day 0 out of range" },
	{ "2025-13-01", 0, NULL, "month 13 out of range" },
	{ "2025-00-10", 0, NULL, "month 0 out of range" },
	{ "1899-12-31", 0, NULL, "year 1899 out of range 1900-2199" },
	{ "2200-01-01", 0, NULL, "year 2200 out of range 1900-2199" },
	{ "0000-01-01", 0, NULL, "year 0 out of range" },
	{ "2025/01/01", 0, NULL, "expected '-' at position 5 of YYYY-MM-DD, "
	    "got '/'" },
	{ "2025-01/01", 0, NULL, "expected '-' at position 8" },
	{ "2025-1-01", 0, NULL, "expected YYYY-MM-DD (10 characters), got 9" },
	{ "20250101", 0, NULL, "got 8" },
	{ "01/31/2025", 0, NULL, "expected a digit at position 3 of "
	    "YYYY-MM-DD, got '/'" },
	{ "2025-01-0a", 0, NULL, "expected a digit at position 10 of "
	    "YYYY-MM-DD, got 'a'" },
	{ "-025-01-01", 0, NULL, "expected a digit at position 1" },
	{ "2025-01-01T00:00", 0, NULL, "got 16" },
	{ "2025-01-01\0", 11, NULL, "got 11" },
	{ "2025-0\xff-01", 0, NULL, "byte 0xff" },
	{ "2025 01 01", 0, NULL, "expected '-' at position 5 of YYYY-MM-DD, "
	    "got space" },
};

static void
test_date_parse(void **state)
{
	char	 out[LB_DATE_STRLEN], why[LB_WHY_MAX];
	char	*p;
	int64_t	 days;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(date_cases); i++) {
		n = date_cases[i].len != 0 ? date_cases[i].len :
		    strlen(date_cases[i].in);
		p = exact(date_cases[i].in, n);
		why[0] = '\0';
		days = -42;
		rc = lb_date_parse(p, n, &days, why, sizeof(why));
		free(p);
		if (date_cases[i].want != NULL) {
			if (rc != 0)
				fail_msg("\"%s\": rejected (%s)",
				    date_cases[i].in, why);
			lb_date_format(days, out);
			assert_string_equal(out, date_cases[i].want);
			continue;
		}
		if (rc != -1)
			fail_msg("\"%s\": accepted", date_cases[i].in);
		assert_int_equal(days, -42);
		if (strstr(why, date_cases[i].why) == NULL)
			fail_msg("\"%s\": reason \"%s\" lacks \"%s\"",
			    date_cases[i].in, why, date_cases[i].why);
	}
	assert_int_equal(lb_date_parse(NULL, 0, &days, why, sizeof(why)), -1);
	assert_int_equal(lb_date_parse("2025-02-29", 10, &days, NULL, 0), -1);
}

static void
test_date_format(void **state)
{
	static const struct {
		int64_t		 days;
		const char	*out;
	} cases[] = {
		{ -25567, "1900-01-01" },
		{ 0, "1970-01-01" },
		{ 20785, "2026-11-28" },
		{ 84005, "2199-12-31" },
		{ -719528, "0000-01-01" },
		{ 2932896, "9999-12-31" },
		{ -719529, "" },
		{ 2932897, "" },
		{ INT64_MAX, "" },
		{ INT64_MIN, "" },
	};
	char	out[LB_DATE_STRLEN];
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(out, 'x', sizeof(out));
		lb_date_format(cases[i].days, out);
		assert_string_equal(out, cases[i].out);
	}
}

static const struct {
	const char	*in;
	int64_t		 secs;
	const char	*utc;	/* lb_time_format of secs, or NULL */
	const char	*why;
} time_cases[] = {
	{ "1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z", NULL },
	{ "1970-01-01", 0, "1970-01-01T00:00:00Z", NULL },
	{ "1970-01-01T00:00Z", 0, "1970-01-01T00:00:00Z", NULL },
	/* No zone designator: taken as UTC. */
	{ "1970-01-01 00:00", 0, "1970-01-01T00:00:00Z", NULL },
	{ "2026-11-28T12:34:56Z", 1795869296, "2026-11-28T12:34:56Z", NULL },
	{ "2026-11-28t12:34:56z", 1795869296, "2026-11-28T12:34:56Z", NULL },
	{ "2026-11-28 12:34:56", 1795869296, "2026-11-28T12:34:56Z", NULL },
	/* A fraction is dropped, never rounded up. */
	{ "2026-11-28T12:34:56.999Z", 1795869296, "2026-11-28T12:34:56Z",
	    NULL },
	{ "2026-11-28T12:34:56,5+00:00", 1795869296, "2026-11-28T12:34:56Z",
	    NULL },
	{ "2026-11-28T12:34:56-00:00", 1795869296, "2026-11-28T12:34:56Z",
	    NULL },
	{ " 2026-11-28T23:59:59Z\n", 1795910399, "2026-11-28T23:59:59Z",
	    NULL },
	/* Offsets that cross midnight, month ends and year ends. */
	{ "2025-12-31T23:30:00-01:00", 1767227400, "2026-01-01T00:30:00Z",
	    NULL },
	{ "2026-01-01T00:30:00+01:00", 1767223800, "2025-12-31T23:30:00Z",
	    NULL },
	{ "2024-02-28T23:00:00-02:00", 1709168400, "2024-02-29T01:00:00Z",
	    NULL },
	{ "2024-03-01T01:00:00+05:30", 1709235000, "2024-02-29T19:30:00Z",
	    NULL },
	{ "1900-01-01T00:00:00+01:00", INT64_C(-2208992400),
	    "1899-12-31T23:00:00Z", NULL },
	{ "2199-12-31T23:59:59-23:59", INT64_C(7258204739),
	    "2200-01-01T23:58:59Z", NULL },

	{ "", 0, NULL, "date and time is empty" },
	{ "2026-11-2", 0, NULL, "got 9 characters" },
	{ "2026-02-29T00:00Z", 0, NULL, "2026 is not a leap year" },
	{ "1899-12-31T23:00:00-01:00", 0, NULL, "year 1899 out of range" },
	{ "2026-11-28X12:00", 0, NULL, "expected 'T' or a space after the "
	    "date, got 'X'" },
	{ "2026-11-28T", 0, NULL, "hour is cut short at position 12" },
	{ "2026-11-28T1a:00", 0, NULL, "hour needs 2 digits: 'a' at "
	    "position 13" },
	{ "2026-11-28T24:00", 0, NULL, "hour 24 out of range 00-23" },
	{ "2026-11-28T12", 0, NULL, "expected ':' after the hour, got the "
	    "end" },
	{ "2026-11-28T12-00", 0, NULL, "expected ':' after the hour at "
	    "position 14, got '-'" },
	{ "2026-11-28T12:5", 0, NULL, "minute is cut short at position 16" },
	{ "2026-11-28T12:60", 0, NULL, "minute 60 out of range 00-59" },
	{ "2026-11-28T12:30:60Z", 0, NULL, "second 60 out of range: leap "
	    "seconds are not supported" },
	{ "2026-11-28T12:30:61Z", 0, NULL, "second 61 out of range 00-59" },
	{ "2026-11-28T12:30:", 0, NULL, "second is cut short" },
	{ "2026-11-28T12:30:00.Z", 0, NULL, "expected a digit after the "
	    "decimal mark at position 21" },
	{ "2026-11-28T12:30.5Z", 0, NULL, "expected 'Z', '+HH:MM', '-HH:MM' "
	    "or the end at position 17, got '.'" },
	{ "2026-11-28T12:30:00 Z", 0, NULL, "at position 20, got space" },
	{ "2026-11-28T12:30:00+0100", 0, NULL, "expected ':' after the offset "
	    "hour at position 23, got '0'" },
	{ "2026-11-28T12:30:00+01", 0, NULL, "expected ':' after the offset "
	    "hour, got the end" },
	{ "2026-11-28T12:30:00+24:00", 0, NULL, "offset hour 24 out of range "
	    "00-23" },
	{ "2026-11-28T12:30:00+01:60", 0, NULL, "offset minute 60 out of "
	    "range 00-59" },
	{ "2026-11-28T12:30:00ZZ", 0, NULL, "unexpected 'Z' after the time "
	    "zone at position 21" },
	{ "2026-11-28T12:30:00+01:00junk", 0, NULL, "unexpected 'j' after the "
	    "time zone at position 26" },
};

static void
test_time_parse(void **state)
{
	char	 out[LB_TIME_STRLEN], why[LB_WHY_MAX];
	char	*p;
	int64_t	 secs;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(time_cases); i++) {
		n = strlen(time_cases[i].in);
		p = exact(time_cases[i].in, n);
		why[0] = '\0';
		secs = -42;
		rc = lb_time_parse(p, n, &secs, why, sizeof(why));
		free(p);
		if (time_cases[i].utc != NULL) {
			if (rc != 0)
				fail_msg("\"%s\": rejected (%s)",
				    time_cases[i].in, why);
			assert_int_equal(secs, time_cases[i].secs);
			lb_time_format(secs, out);
			assert_string_equal(out, time_cases[i].utc);
			continue;
		}
		if (rc != -1)
			fail_msg("\"%s\": accepted", time_cases[i].in);
		assert_int_equal(secs, -42);
		if (strstr(why, time_cases[i].why) == NULL)
			fail_msg("\"%s\": reason \"%s\" lacks \"%s\"",
			    time_cases[i].in, why, time_cases[i].why);
	}
	assert_int_equal(lb_time_parse("2026-11-28T12:34:56Z\0", 21, &secs,
	    why, sizeof(why)), -1);
	assert_non_null(strstr(why, "byte 0x00 after the time zone"));
}

static void
test_time_format(void **state)
{
	static const struct {
		int64_t		 secs;
		const char	*out;
	} cases[] = {
		{ 0, "1970-01-01T00:00:00Z" },
		{ -1, "1969-12-31T23:59:59Z" },
		{ 86399, "1970-01-01T23:59:59Z" },
		{ 86400, "1970-01-02T00:00:00Z" },
		{ -86400, "1969-12-31T00:00:00Z" },
		{ -86401, "1969-12-30T23:59:59Z" },
		{ INT64_C(253402300799), "9999-12-31T23:59:59Z" },
		{ INT64_C(253402300800), "" },
		{ INT64_C(-62167219200), "0000-01-01T00:00:00Z" },
		{ INT64_C(-62167219201), "" },
		{ INT64_MAX, "" },
		{ INT64_MIN, "" },
	};
	char	out[LB_TIME_STRLEN];
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(out, 'x', sizeof(out));
		lb_time_format(cases[i].secs, out);
		assert_string_equal(out, cases[i].out);
	}
}

/* format then parse is the identity across the accepted years. */
static void
test_time_round_trip(void **state)
{
	char	out[LB_TIME_STRLEN];
	int64_t	secs, first, last, back;

	(void)state;
	first = lb_days_from_civil(LB_DATE_YEAR_MIN, 1, 1) * 86400;
	last = (lb_days_from_civil(LB_DATE_YEAR_MAX, 12, 31) + 1) * 86400 - 1;
	for (secs = first; secs <= last; secs += 7919) {
		lb_time_format(secs, out);
		if (lb_time_parse(out, strlen(out), &back, NULL, 0) != 0 ||
		    back != secs)
			fail_msg("%" PRId64 " -> %s", secs, out);
	}
	lb_time_format(last, out);
	assert_string_equal(out, "2199-12-31T23:59:59Z");
	assert_int_equal(lb_time_parse(out, strlen(out), &back, NULL, 0), 0);
	assert_int_equal(back, last);
}

static void
test_date_paper(void **state)
{
	static const struct {
		const char	*iso, *paper;
	} cases[] = {
		{ "2026-11-28", "11/28/2026" },
		{ "2024-02-29", "02/29/2024" },
		{ "1900-01-01", "01/01/1900" },
		{ "2199-12-31", "12/31/2199" },
		{ "2023-02-29", NULL },		/* not a leap year */
		{ "2026-13-01", NULL },
		{ "2026-1-01", NULL },
		{ "20261128", NULL },
		{ "", NULL },
	};
	char	out[LB_DATE_STRLEN];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].paper != NULL) {
			assert_int_equal(lb_date_paper(cases[i].iso,
			    strlen(cases[i].iso), out), 0);
			assert_string_equal(out, cases[i].paper);
		} else {
			assert_int_equal(lb_date_paper(cases[i].iso,
			    strlen(cases[i].iso), out), -1);
			assert_string_equal(out, "");
		}
	}
}

/*
 * The calendar's range (issue 9): every date a deadline is computed from
 * must be in 1971-2199; lb_date_parse alone still reads 1900-2199 (dates
 * of birth).
 */
static void
test_check_range(void **state)
{
	static const struct {
		const char	*date;
		int		 rc;
	} cases[] = {
		{ "1970-06-02", -1 },	/* the reviewers' shipment */
		{ "1970-12-31", -1 },
		{ "1971-01-01", 0 },
		{ "2026-12-04", 0 },
		{ "2199-12-31", 0 },
		{ "1926-12-01", -1 },	/* the reviewers' clock */
		{ "1900-01-01", -1 },
	};
	char	why[160];
	int64_t	d;
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(lb_date_parse(cases[i].date, 10, &d, NULL, 0),
		    0);
		why[0] = '\0';
		assert_int_equal(lb_date_check_range(d, why, sizeof(why)),
		    cases[i].rc);
		assert_int_equal(lb_time_check_range(d * 86400 + 43200, NULL,
		    0), cases[i].rc);
		if (cases[i].rc == -1) {
			assert_non_null(strstr(why, cases[i].date));
			assert_non_null(strstr(why, "1971-2199"));
		}
	}
	/* The last second of 1970 and the first after 2199, as instants. */
	assert_int_equal(lb_time_check_range(365 * 86400 - 1, NULL, 0), -1);
	assert_int_equal(lb_time_check_range(365 * 86400, NULL, 0), 0);
	d = lb_days_from_civil(2200, 1, 1);
	assert_int_equal(lb_time_check_range(d * 86400 - 1, NULL, 0), 0);
	assert_int_equal(lb_time_check_range(d * 86400, NULL, 0), -1);
	assert_int_equal(lb_date_check_range(INT64_C(-365000000), NULL, 0), -1);
}

/* Whether a date-time carried a zone designator. */
static void
test_time_parse_zoned(void **state)
{
	static const struct {
		const char	*in;
		int		 zoned;
		const char	*as_utc;
	} cases[] = {
		{ "2026-12-04T09:00", 0, "2026-12-04T09:00:00Z" },
		{ "2026-12-04 09:00:30.5", 0, "2026-12-04T09:00:30Z" },
		{ "2026-12-04", 0, "2026-12-04T00:00:00Z" },
		{ "2026-12-04T09:00Z", 1, "2026-12-04T09:00:00Z" },
		{ "2026-12-04T09:00:00-06:00", 1, "2026-12-04T15:00:00Z" },
		{ "2026-12-04T09:00:00+00:00", 1, "2026-12-04T09:00:00Z" },
	};
	char	out[LB_TIME_STRLEN];
	int64_t	t;
	size_t	i;
	int	zoned;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		zoned = -1;
		assert_int_equal(lb_time_parse_zoned(cases[i].in,
		    strlen(cases[i].in), &t, &zoned, NULL, 0), 0);
		assert_int_equal(zoned, cases[i].zoned);
		lb_time_format(t, out);
		assert_string_equal(out, cases[i].as_utc);
	}
	assert_int_equal(lb_time_parse_zoned("2026-13-04T09:00", 16, &t,
	    &zoned, NULL, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_civil_table),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_weekday_negative),
		cmocka_unit_test(test_every_day_round_trip),
		cmocka_unit_test(test_civil_wide_round_trip),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_time_round_trip),
		cmocka_unit_test(test_date_paper),
		cmocka_unit_test(test_check_range),
		cmocka_unit_test(test_time_parse_zoned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
