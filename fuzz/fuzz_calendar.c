/*
 * fuzz_calendar.c: libFuzzer target for the calendar file reader and the
 * working-day arithmetic (src/lib/calendar.c).
 *
 * Reads the input into a fresh calendar, then checks what calendar.h
 * promises on the dates the input names and on a few fixed ones: a
 * refusal has a line within the input and a reason, and changes nothing;
 * is_workday gives a reason exactly for days off; add_workdays lands on a
 * working day after the start with exactly n working days in between;
 * PMS dates are working days of their month in order, the 11th and 15th
 * when computed; holiday lists are sorted days off of their year.  Linked
 * with replay.c, it also replays the corpus in the normal test run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) abort(); } while (0)

#define NDAYS_MAX	24

static void
check_day(const struct lb_calendar *cal, int64_t day)
{
	static const int	 ns[] = { 0, 1, 2, 10, 15, 40 };
	const char		*why;
	int64_t			 out, d;
	size_t			 i;
	int			 w, k;

	w = lb_cal_is_workday(cal, day, &why);
	if (w == -1) {
		CHECK(why == NULL);
		CHECK(lb_cal_add_workdays(cal, day, 1, &out) == -1);
		return;
	}
	CHECK(w == 0 || w == 1);
	CHECK((w == 1) == (why == NULL));
	if (why != NULL)
		CHECK(why[0] != '\0' && strlen(why) < LB_HOLIDAY_NAME);
	CHECK(lb_cal_add_workdays(cal, day, -1, &out) == -1);
	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		if (lb_cal_add_workdays(cal, day, ns[i], &out) == -1) {
			/* Only running off the end of 2199 fails. */
			CHECK(ns[i] > 0);
			for (k = 0, d = day + 1; lb_cal_is_workday(cal, d,
			    NULL) != -1; d++)
				k += lb_cal_is_workday(cal, d, NULL);
			CHECK(k < ns[i]);
			continue;
		}
		if (ns[i] == 0) {
			CHECK(out == day);
			continue;
		}
		CHECK(out > day);
		CHECK(lb_cal_is_workday(cal, out, NULL) == 1);
		for (k = 0, d = day + 1; d <= out; d++)
			k += lb_cal_is_workday(cal, d, NULL) == 1;
		CHECK(k == ns[i]);
	}
}

static void
check_pms(const struct lb_calendar *cal, int y, int m)
{
	int64_t	 prel, due, first, last, d;
	int	 pub = -1, k;

	first = lb_days_from_civil(y, m, 1);
	last = first + lb_days_in_month(y, m) - 1;
	if (lb_cal_pms(cal, y, m, &prel, &due, &pub) == -1) {
		CHECK(pub == -1);
		if (y < 1971 || y > 2199)
			return;
		/* Closures left fewer than 15 working days. */
		for (k = 0, d = first; d <= last; d++)
			k += lb_cal_is_workday(cal, d, NULL) == 1;
		CHECK(k < 15);
		return;
	}
	CHECK(pub == 0 || pub == 1);
	CHECK(first <= prel && prel < due && due <= last);
	CHECK(lb_cal_is_workday(cal, prel, NULL) == 1);
	CHECK(lb_cal_is_workday(cal, due, NULL) == 1);
	if (pub == 0) {
		for (k = 0, d = first; d <= prel; d++)
			k += lb_cal_is_workday(cal, d, NULL) == 1;
		CHECK(k == 11);
		for (; d <= due; d++)
			k += lb_cal_is_workday(cal, d, NULL) == 1;
		CHECK(k == 15);
	}
}

static void
check_year(const struct lb_calendar *cal, int y)
{
	struct lb_holiday	 h[LB_CAL_HOLIDAYS_MAX];
	int			 n, i, yy, mm, dd;

	n = lb_cal_holidays(cal, y, h, LB_CAL_HOLIDAYS_MAX);
	if (y < 1971 || y > 2199) {
		CHECK(n == -1);
		return;
	}
	CHECK(n >= 0);
	for (i = 0; i < n; i++) {
		lb_civil_from_days(h[i].day, &yy, &mm, &dd);
		CHECK(yy == y);
		CHECK(i == 0 || h[i - 1].day < h[i].day);
		CHECK(memchr(h[i].name, '\0', sizeof(h[i].name)) != NULL);
		CHECK(h[i].name[0] != '\0');
		CHECK(lb_cal_is_workday(cal, h[i].day, NULL) == 0);
	}
}

/* The dates written in the input, so closures get looked at. */
static size_t
dates_in(const uint8_t *data, size_t size, int64_t *out, size_t max)
{
	size_t	 i, n = 0;
	int64_t	 day;

	for (i = 0; i + 10 <= size && n < max; i++) {
		if (data[i] < '0' || data[i] > '9' || data[i + 4] != '-')
			continue;
		if (lb_date_parse((const char *)data + i, 10, &day, NULL,
		    0) == 0)
			out[n++] = day;
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int	 fixed[][3] = {
		{ 1971, 1, 1 }, { 2007, 8, 1 }, { 2021, 12, 30 },
		{ 2025, 1, 8 }, { 2026, 12, 23 }, { 2199, 12, 20 },
	};
	struct lb_holiday	 all[LB_CAL_HOLIDAYS_MAX];
	struct lb_holiday	 rule[LB_HOLIDAYS_MAX];
	struct lb_calendar	*cal;
	int64_t			 days[NDAYS_MAX];
	unsigned long		 line, maxline = 1;
	size_t			 i, n;
	char			 why[LB_CAL_WHY_MAX];
	int			 rc, y, m, d;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			maxline++;
	if ((cal = lb_cal_new()) == NULL)
		return 0;
	why[0] = '\0';
	rc = lb_cal_read(cal, (const char *)data, size, &line, why,
	    sizeof(why));
	if (rc == -1) {
		CHECK(line >= 1 && line <= maxline);
		CHECK(memchr(why, '\0', sizeof(why)) != NULL);
		CHECK(why[0] != '\0');
		/* Nothing of a refused file stays: only the rules. */
		CHECK(lb_cal_holidays(cal, 2025, all, LB_CAL_HOLIDAYS_MAX) ==
		    lb_holidays_by_rule(2025, rule, LB_HOLIDAYS_MAX));
	} else {
		CHECK(rc == 0 && line == 0);
	}
	n = dates_in(data, size, days, NDAYS_MAX - 6);
	for (i = 0; i < 6; i++)
		days[n++] = lb_days_from_civil(fixed[i][0], fixed[i][1],
		    fixed[i][2]);
	for (i = 0; i < n; i++) {
		check_day(cal, days[i]);
		check_day(cal, days[i] - 1);
		lb_civil_from_days(days[i], &y, &m, &d);
		check_pms(cal, y, m);
		if (i < 4)
			check_year(cal, y);
	}
	lb_cal_free(cal);
	return 0;
}
