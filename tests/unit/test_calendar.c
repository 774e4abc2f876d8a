/*
 * test_calendar.c: table-driven tests of calendar.c: the federal holidays
 * by rule over many years (observed dates, the year-end New Year's Day,
 * the years each holiday exists), working days and working-day
 * arithmetic, the PMS dates computed and published, closures and openings,
 * and the calendar file reader with each of its errors.  A brute-force
 * pass checks every day of 1971..2199 against a plain reimplementation.
 *
 * Expected dates come from the OPM federal holiday lists (2025, 2026),
 * from counting by hand (the worked examples noted below) and from an
 * independent Python computation (datetime) for the PMS table.
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

#include "calendar.h"
#include "date.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define NY	"New Year's Day"
#define MLK	"Birthday of Martin Luther King, Jr."
#define WB	"Washington's Birthday"
#define MEM	"Memorial Day"
#define JUN	"Juneteenth National Independence Day"
#define IND	"Independence Day"
#define LAB	"Labor Day"
#define COL	"Columbus Day"
#define VET	"Veterans Day"
#define THX	"Thanksgiving Day"
#define XMAS	"Christmas Day"

#define CARTER	"National Day of Mourning for President Carter"

static int64_t
day_of(int y, int m, int d)
{
	return lb_days_from_civil(y, m, d);
}

static const char *
fmt(int64_t day, char out[LB_DATE_STRLEN])
{
	lb_date_format(day, out);
	return out;
}

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

static struct lb_calendar *
new_cal(void)
{
	struct lb_calendar	*cal;

	cal = lb_cal_new();
	assert_non_null(cal);
	return cal;
}

/* The rule holiday of that name in the year's list, or NULL. */
static const struct lb_holiday *
find_name(const struct lb_holiday *h, int n, const char *name)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp(h[i].name, name) == 0)
			return &h[i];
	return NULL;
}

static const struct lb_holiday *
find_day(const struct lb_holiday *h, int n, int64_t day)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (h[i].day == day)
			return &h[i];
	return NULL;
}

/* Holidays that must be in the list of the year of their observed date. */
static const struct {
	int		 y, m, d;
	const char	*name;
	int		 observed;
} present[] = {
	/* Observed dates. */
	{ 2020, 7, 3, IND, 1 },		/* Saturday 4 July */
	{ 2021, 7, 5, IND, 1 },		/* Sunday 4 July */
	{ 2021, 12, 24, XMAS, 1 },	/* Saturday 25 December */
	{ 2021, 12, 31, NY, 1 },	/* 1 January 2022, a Saturday */
	{ 2023, 1, 2, NY, 1 },		/* Sunday 1 January */
	{ 2022, 6, 20, JUN, 1 },	/* Sunday 19 June */
	{ 2021, 6, 18, JUN, 1 },	/* Saturday 19 June, the first */
	{ 2023, 11, 10, VET, 1 },	/* Saturday 11 November */
	{ 2017, 1, 2, NY, 1 },
	{ 2010, 12, 31, NY, 1 },	/* 1 January 2011, a Saturday */
	{ 1976, 12, 31, NY, 1 },
	{ 1978, 11, 10, VET, 1 },
	{ 2022, 12, 26, XMAS, 1 },
	{ 2026, 7, 3, IND, 1 },
	{ 2027, 6, 18, JUN, 1 },
	{ 2027, 12, 24, XMAS, 1 },
	{ 2027, 12, 31, NY, 1 },
	{ 2199, 12, 25, XMAS, 0 },
	/* 2026 by rule. */
	{ 2026, 1, 1, NY, 0 },
	{ 2026, 1, 19, MLK, 0 },
	{ 2026, 2, 16, WB, 0 },
	{ 2026, 5, 25, MEM, 0 },
	{ 2026, 6, 19, JUN, 0 },
	{ 2026, 9, 7, LAB, 0 },
	{ 2026, 10, 12, COL, 0 },
	{ 2026, 11, 11, VET, 0 },	/* a Wednesday */
	{ 2026, 11, 26, THX, 0 },
	{ 2026, 12, 25, XMAS, 0 },
	/* History: the Uniform Monday Holiday Act years. */
	{ 1971, 1, 1, NY, 0 },
	{ 1971, 2, 15, WB, 0 },
	{ 1971, 5, 31, MEM, 0 },
	{ 1971, 10, 11, COL, 0 },
	{ 1971, 10, 25, VET, 0 },	/* 4th Monday of October */
	{ 1971, 11, 25, THX, 0 },
	{ 1971, 12, 24, XMAS, 1 },
	{ 1971, 12, 31, NY, 1 },
	{ 1975, 10, 27, VET, 0 },
	{ 1977, 10, 24, VET, 0 },
	{ 1986, 1, 20, MLK, 0 },	/* the first */
	{ 2000, 1, 17, MLK, 0 },
	{ 2012, 11, 12, VET, 1 },	/* Sunday 11 November */
	{ 2024, 11, 28, THX, 0 },
	{ 2024, 5, 27, MEM, 0 },
	{ 2100, 11, 25, THX, 0 },
};

/* Days that are in no year's list (working days unless a weekend). */
static const struct {
	int	 y, m, d;
} absent[] = {
	{ 2020, 6, 19 },	/* no Juneteenth before 2021 */
	{ 2019, 6, 19 },
	{ 2022, 1, 3 },		/* 2022's New Year was 2021-12-31 */
	{ 2022, 1, 1 },
	{ 2020, 7, 4 },		/* the Saturday itself */
	{ 1985, 1, 21 },	/* no MLK Day before 1986 */
	{ 1977, 11, 11 },	/* Veterans Day was in October */
	{ 1971, 11, 11 },
	{ 1978, 10, 23 },
	{ 2024, 2, 29 },
	{ 2023, 11, 13 },
	{ 2021, 12, 27 },
};

static void
test_rules_table(void **state)
{
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];
	const struct lb_holiday	*p;
	size_t			 i;
	int			 n, y;
	char			 s[LB_DATE_STRLEN];

	(void)state;
	for (i = 0; i < NELEM(present); i++) {
		int64_t	 day = day_of(present[i].y, present[i].m,
		    present[i].d);

		/* OPM lists a 31 December New Year's Day under the next
		 * year. */
		n = lb_holidays_by_rule(present[i].y + (present[i].m == 12 &&
		    present[i].d == 31), h, NELEM(h));
		assert_true(n > 0);
		if ((p = find_day(h, n, day)) == NULL)
			fail_msg("%s (%s) missing", fmt(day, s),
			    present[i].name);
		if (strcmp(p->name, present[i].name) != 0 ||
		    p->observed != present[i].observed)
			fail_msg("%s: %s observed %d, wanted %s observed %d",
			    fmt(day, s), p->name, p->observed,
			    present[i].name, present[i].observed);
	}
	for (i = 0; i < NELEM(absent); i++) {
		int64_t	 day = day_of(absent[i].y, absent[i].m, absent[i].d);

		for (y = absent[i].y - 1; y <= absent[i].y + 1; y++) {
			n = lb_holidays_by_rule(y, h, NELEM(h));
			if (find_day(h, n, day) != NULL)
				fail_msg("%s listed in %d", fmt(day, s), y);
		}
	}
	/* Which years have which holidays at all. */
	n = lb_holidays_by_rule(2020, h, NELEM(h));
	assert_null(find_name(h, n, JUN));
	n = lb_holidays_by_rule(2021, h, NELEM(h));
	assert_non_null(find_name(h, n, JUN));
	n = lb_holidays_by_rule(1985, h, NELEM(h));
	assert_null(find_name(h, n, MLK));
	/* OPM's convention: New Year's Day 2022 (Saturday) is observed on
	 * 2021-12-31 and belongs to 2022's list, first; 2021 ends with
	 * Christmas. */
	n = lb_holidays_by_rule(2022, h, NELEM(h));
	assert_int_equal(n, 11);
	assert_int_equal(h[0].day, day_of(2021, 12, 31));
	assert_string_equal(h[0].name, NY);
	assert_int_equal(h[0].observed, 1);
	n = lb_holidays_by_rule(2021, h, NELEM(h));
	assert_int_equal(n, 11);
	assert_int_equal(h[0].day, day_of(2021, 1, 1));
	assert_int_equal(h[10].day, day_of(2021, 12, 24));
	/* 2028 likewise (CBP.md 4): observed Friday 2027-12-31. */
	n = lb_holidays_by_rule(2028, h, NELEM(h));
	assert_int_equal(h[0].day, day_of(2027, 12, 31));
	n = lb_holidays_by_rule(2027, h, NELEM(h));
	assert_null(find_day(h, n, day_of(2027, 12, 31)));
}

static void
check_list(int year, const int (*md)[2], size_t n, int observed_index)
{
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];
	size_t			 i;
	int			 got;
	char			 s[LB_DATE_STRLEN];

	got = lb_holidays_by_rule(year, h, NELEM(h));
	assert_int_equal(got, (int)n);
	for (i = 0; i < n; i++) {
		if (h[i].day != day_of(year, md[i][0], md[i][1]))
			fail_msg("%d #%zu: %s", year, i, fmt(h[i].day, s));
		assert_int_equal(h[i].observed, (int)i == observed_index);
	}
}

/* OPM's lists of federal holidays for 2025 and 2026. */
static void
test_rules_opm(void **state)
{
	static const int y2025[][2] = {
		{ 1, 1 }, { 1, 20 }, { 2, 17 }, { 5, 26 }, { 6, 19 },
		{ 7, 4 }, { 9, 1 }, { 10, 13 }, { 11, 11 }, { 11, 27 },
		{ 12, 25 },
	};
	static const int y2026[][2] = {
		{ 1, 1 }, { 1, 19 }, { 2, 16 }, { 5, 25 }, { 6, 19 },
		{ 7, 3 }, { 9, 7 }, { 10, 12 }, { 11, 11 }, { 11, 26 },
		{ 12, 25 },
	};
	static const char *const names[] = {
		NY, MLK, WB, MEM, JUN, IND, LAB, COL, VET, THX, XMAS,
	};
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];
	size_t			 i;

	(void)state;
	check_list(2025, y2025, NELEM(y2025), -1);
	check_list(2026, y2026, NELEM(y2026), 5);
	assert_int_equal(lb_holidays_by_rule(2026, h, NELEM(h)), 11);
	for (i = 0; i < NELEM(names); i++)
		assert_string_equal(h[i].name, names[i]);
}

static void
test_rules_every_year(void **state)
{
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];
	int			 y, n, i, ny = 0, wd;
	int			 yy, mm, dd;

	(void)state;
	for (y = LB_CAL_YEAR_MIN; y <= LB_CAL_YEAR_MAX; y++) {
		n = lb_holidays_by_rule(y, h, NELEM(h));
		assert_true(n >= 8 && n <= LB_HOLIDAYS_MAX);
		for (i = 0; i < n; i++) {
			lb_civil_from_days(h[i].day, &yy, &mm, &dd);
			/* Only New Year's Day may sit in the year before. */
			if (yy == y - 1)
				assert_true(i == 0 && mm == 12 && dd == 31 &&
				    strcmp(h[i].name, NY) == 0);
			else
				assert_int_equal(yy, y);
			wd = lb_weekday(h[i].day);
			assert_true(wd >= 1 && wd <= 5);
			assert_true(h[i].name[0] != '\0');
			if (i > 0)
				assert_true(h[i - 1].day < h[i].day);
			if (strcmp(h[i].name, NY) == 0)
				ny++;
			/* A Monday or Thursday holiday never moves. */
			if (strcmp(h[i].name, MLK) == 0) {
				assert_int_equal(wd, 1);
				assert_true(mm == 1 && dd >= 15 && dd <= 21);
				assert_int_equal(h[i].observed, 0);
			}
			if (strcmp(h[i].name, WB) == 0)
				assert_true(wd == 1 && mm == 2 && dd >= 15 &&
				    dd <= 21);
			if (strcmp(h[i].name, MEM) == 0)
				assert_true(wd == 1 && mm == 5 && dd >= 25);
			if (strcmp(h[i].name, LAB) == 0)
				assert_true(wd == 1 && mm == 9 && dd <= 7);
			if (strcmp(h[i].name, COL) == 0)
				assert_true(wd == 1 && mm == 10 && dd >= 8 &&
				    dd <= 14);
			if (strcmp(h[i].name, THX) == 0)
				assert_true(wd == 4 && mm == 11 && dd >= 22 &&
				    dd <= 28);
			if (strcmp(h[i].name, VET) == 0) {
				if (y <= 1977)
					assert_true(wd == 1 && mm == 10 &&
					    dd >= 22 && dd <= 28);
				else
					assert_true(mm == 11 && dd >= 10 &&
					    dd <= 12 && h[i].observed ==
					    (dd != 11));
			}
			if (strcmp(h[i].name, XMAS) == 0)
				assert_true(mm == 12 && dd >= 24 && dd <= 26 &&
				    h[i].observed == (dd != 25));
			if (strcmp(h[i].name, IND) == 0)
				assert_true(mm == 7 && dd >= 3 && dd <= 5 &&
				    h[i].observed == (dd != 4));
		}
		assert_non_null(find_name(h, n, WB));
		assert_non_null(find_name(h, n, THX));
		assert_int_equal(find_name(h, n, MLK) != NULL, y >= 1986);
		assert_int_equal(find_name(h, n, JUN) != NULL, y >= 2021);
	}
	/* Every year's New Year's Day once, in its own list. */
	assert_int_equal(ny, LB_CAL_YEAR_MAX - LB_CAL_YEAR_MIN + 1);
}

static void
test_rules_errors(void **state)
{
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];

	(void)state;
	assert_int_equal(lb_holidays_by_rule(1970, h, NELEM(h)), -1);
	assert_int_equal(lb_holidays_by_rule(2200, h, NELEM(h)), -1);
	assert_int_equal(lb_holidays_by_rule(-5, h, NELEM(h)), -1);
	assert_int_equal(lb_holidays_by_rule(2025, h, 10), -1);
	assert_int_equal(lb_holidays_by_rule(2025, h, 11), 11);
	assert_int_equal(lb_holidays_by_rule(2025, NULL, 0), -1);
	/* 1971: no MLK Day, no Juneteenth; 1972's New Year (1971-12-31) is
	 * 1972's. */
	assert_int_equal(lb_holidays_by_rule(1971, h, NELEM(h)), 9);
	assert_int_equal(lb_holidays_by_rule(2199, h, NELEM(h)), 11);
}

static const struct {
	int		 y, m, d;
	int		 work;
	const char	*why;
} workday_cases[] = {
	{ 2024, 2, 29, 1, NULL },	/* leap day, a Thursday */
	{ 2024, 3, 2, 0, "Saturday" },
	{ 2024, 3, 3, 0, "Sunday" },
	{ 2025, 1, 9, 1, NULL },	/* without the closure */
	{ 2025, 12, 25, 0, XMAS },
	{ 2025, 12, 26, 1, NULL },
	{ 2021, 12, 31, 0, NY },
	{ 2022, 1, 3, 1, NULL },
	{ 2020, 7, 3, 0, IND },
	{ 2020, 7, 4, 0, "Saturday" },
	{ 2020, 6, 19, 1, NULL },
	{ 2023, 6, 19, 0, JUN },
	{ 1971, 1, 1, 0, NY },
	{ 1971, 1, 4, 1, NULL },
	{ 2199, 12, 31, 1, NULL },	/* a Tuesday */
	{ 2007, 8, 1, 1, NULL },
	{ 2026, 11, 11, 0, VET },
	{ 2026, 1, 19, 0, MLK },
	{ 1977, 10, 24, 0, VET },
	{ 1977, 11, 11, 1, NULL },
};

static void
test_is_workday(void **state)
{
	struct lb_calendar	*cal = new_cal();
	const char		*why;
	size_t			 i;
	int64_t			 day;
	char			 s[LB_DATE_STRLEN];

	(void)state;
	for (i = 0; i < NELEM(workday_cases); i++) {
		day = day_of(workday_cases[i].y, workday_cases[i].m,
		    workday_cases[i].d);
		why = "unset";
		if (lb_cal_is_workday(cal, day, &why) != workday_cases[i].work)
			fail_msg("%s: wanted %d", fmt(day, s),
			    workday_cases[i].work);
		if (workday_cases[i].why == NULL)
			assert_null(why);
		else
			assert_string_equal(why, workday_cases[i].why);
		assert_int_equal(lb_cal_is_workday(cal, day, NULL),
		    workday_cases[i].work);
	}
	why = "unset";
	assert_int_equal(lb_cal_is_workday(cal, day_of(1970, 12, 31), &why),
	    -1);
	assert_null(why);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2200, 1, 3), NULL),
	    -1);
	assert_int_equal(lb_cal_is_workday(cal, INT64_MIN, NULL), -1);
	assert_int_equal(lb_cal_is_workday(cal, INT64_MAX, NULL), -1);
	lb_cal_free(cal);
	lb_cal_free(NULL);
}

static const struct {
	int	 y, m, d, n;
	int	 ry, rm, rd;
} add_cases[] = {
	/* 19 CFR 142.12(b), the worked example: released 1 August 2007. */
	{ 2007, 8, 1, 10, 2007, 8, 15 },
	{ 2007, 8, 1, 0, 2007, 8, 1 },
	{ 2025, 1, 4, 0, 2025, 1, 4 },		/* n = 0 on a Saturday */
	{ 2025, 12, 25, 0, 2025, 12, 25 },	/* n = 0 on a holiday */
	{ 2025, 1, 3, 1, 2025, 1, 6 },		/* Friday -> Monday */
	{ 2025, 1, 4, 1, 2025, 1, 6 },		/* from a Saturday */
	{ 2025, 1, 5, 5, 2025, 1, 10 },
	/* Christmas 2026 on a Friday: Dec 24, 28, 29. */
	{ 2026, 12, 23, 3, 2026, 12, 29 },
	{ 2026, 12, 23, 1, 2026, 12, 24 },
	{ 2026, 12, 31, 1, 2027, 1, 4 },	/* Jan 1 2027 a Friday */
	{ 2021, 12, 30, 1, 2022, 1, 3 },	/* Dec 31 observed */
	{ 2021, 12, 23, 1, 2021, 12, 27 },	/* Dec 24 observed */
	{ 2020, 7, 2, 1, 2020, 7, 6 },
	{ 2026, 1, 15, 2, 2026, 1, 20 },	/* over MLK Day */
	{ 2026, 11, 25, 1, 2026, 11, 27 },	/* over Thanksgiving */
	{ 2024, 2, 28, 1, 2024, 2, 29 },	/* leap day */
	{ 2023, 2, 28, 1, 2023, 3, 1 },
	{ 2025, 1, 31, 10, 2025, 2, 14 },
	{ 2025, 1, 31, 11, 2025, 2, 18 },	/* over Presidents Day */
	{ 2025, 11, 26, 10, 2025, 12, 11 },
	{ 2025, 12, 31, 10, 2026, 1, 15 },	/* over New Year's Day */
	{ 2025, 6, 18, 1, 2025, 6, 20 },	/* over Juneteenth */
	/* 2025 has 250 working days, the first 2 January. */
	{ 2025, 1, 2, 249, 2025, 12, 31 },
	{ 2025, 1, 2, 250, 2026, 1, 2 },
	{ 1971, 1, 1, 1, 1971, 1, 4 },
	{ 2199, 12, 30, 1, 2199, 12, 31 },
};

static void
test_add_workdays(void **state)
{
	struct lb_calendar	*cal = new_cal();
	size_t			 i;
	int64_t			 day, out, want;
	char			 s[LB_DATE_STRLEN], t[LB_DATE_STRLEN];

	(void)state;
	for (i = 0; i < NELEM(add_cases); i++) {
		day = day_of(add_cases[i].y, add_cases[i].m, add_cases[i].d);
		want = day_of(add_cases[i].ry, add_cases[i].rm,
		    add_cases[i].rd);
		out = -1;
		assert_int_equal(lb_cal_add_workdays(cal, day, add_cases[i].n,
		    &out), 0);
		if (out != want)
			fail_msg("%s + %d: %s, wanted %s", fmt(day, s),
			    add_cases[i].n, fmt(out, t), fmt(want, s));
	}
	out = 42;
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2025, 1, 2), -1,
	    &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(1970, 12, 31), 1,
	    &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2200, 1, 3), 0,
	    &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2199, 12, 31), 1,
	    &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2199, 12, 20), 30,
	    &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2025, 1, 2),
	    INT32_MAX, &out), -1);
	assert_int_equal(lb_cal_add_workdays(cal, INT64_MIN, 1, &out), -1);
	assert_int_equal(out, 42);
	lb_cal_free(cal);
}

/*
 * The 11th and 15th working days of each month.  By hand: January 2026,
 * with 1 January and 19 January off, runs 2 (1st), 5-9 (2nd-6th), 12-16
 * (7th-11th), 20-23 (12th-15th).  December 2025: 1-5, 8-12, 15 (11th),
 * 16-19 (15th the 19th).  August 2026: 3-7, 10-14, 17 (11th), 21 (15th).
 */
static const struct {
	int	 y, m, prel, due;
} pms_cases[] = {
	{ 2025, 1, 16, 23 }, { 2025, 2, 18, 24 }, { 2025, 3, 17, 21 },
	{ 2025, 4, 15, 21 }, { 2025, 5, 15, 21 }, { 2025, 6, 16, 23 },
	{ 2025, 7, 16, 22 }, { 2025, 8, 15, 21 }, { 2025, 9, 16, 22 },
	{ 2025, 10, 16, 22 }, { 2025, 11, 18, 24 }, { 2025, 12, 15, 19 },
	{ 2026, 1, 16, 23 }, { 2026, 2, 17, 23 }, { 2026, 3, 16, 20 },
	{ 2026, 4, 15, 21 }, { 2026, 5, 15, 21 }, { 2026, 6, 15, 22 },
	{ 2026, 7, 16, 22 }, { 2026, 8, 17, 21 }, { 2026, 9, 16, 22 },
	{ 2026, 10, 16, 22 }, { 2026, 11, 17, 23 }, { 2026, 12, 15, 21 },
};

/* The kth working day of a month, counted by the simplest means. */
static int64_t
nth_workday(const struct lb_calendar *cal, int y, int m, int k)
{
	int64_t	 day = day_of(y, m, 1);

	for (;; day++) {
		if (lb_cal_is_workday(cal, day, NULL) == 1 && --k == 0)
			return day;
	}
}

static void
test_pms_computed(void **state)
{
	struct lb_calendar	*cal = new_cal();
	size_t			 i;
	int64_t			 prel, due;
	int			 pub, y, m;

	(void)state;
	for (i = 0; i < NELEM(pms_cases); i++) {
		pub = -1;
		assert_int_equal(lb_cal_pms(cal, pms_cases[i].y, pms_cases[i].m,
		    &prel, &due, &pub), 0);
		assert_int_equal(pub, 0);
		assert_int_equal(prel, day_of(pms_cases[i].y, pms_cases[i].m,
		    pms_cases[i].prel));
		assert_int_equal(due, day_of(pms_cases[i].y, pms_cases[i].m,
		    pms_cases[i].due));
	}
	for (y = LB_CAL_YEAR_MIN; y <= LB_CAL_YEAR_MAX; y += 7)
		for (m = 1; m <= 12; m++) {
			assert_int_equal(lb_cal_pms(cal, y, m, &prel, &due,
			    NULL), 0);
			assert_int_equal(prel, nth_workday(cal, y, m, 11));
			assert_int_equal(due, nth_workday(cal, y, m, 15));
		}
	assert_int_equal(lb_cal_pms(cal, 1970, 12, &prel, &due, NULL), -1);
	assert_int_equal(lb_cal_pms(cal, 2200, 1, &prel, &due, NULL), -1);
	assert_int_equal(lb_cal_pms(cal, 2025, 0, &prel, &due, NULL), -1);
	assert_int_equal(lb_cal_pms(cal, 2025, 13, &prel, &due, NULL), -1);
	assert_int_equal(lb_cal_pms(cal, 1971, 1, &prel, &due, NULL), 0);
	assert_int_equal(lb_cal_pms(cal, 2199, 12, &prel, &due, NULL), 0);
	lb_cal_free(cal);
}

static void
test_pms_published(void **state)
{
	struct lb_calendar	*cal = new_cal();
	struct lb_err		 err;
	int64_t			 prel, due;
	int			 pub;

	(void)state;
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 1, day_of(2025, 1, 17),
	    day_of(2025, 1, 27), &err), 0);
	assert_int_equal(lb_cal_pms(cal, 2025, 1, &prel, &due, &pub), 0);
	assert_int_equal(pub, 1);
	assert_int_equal(prel, day_of(2025, 1, 17));
	assert_int_equal(due, day_of(2025, 1, 27));
	/* Other months stay computed. */
	assert_int_equal(lb_cal_pms(cal, 2025, 2, &prel, &due, &pub), 0);
	assert_int_equal(pub, 0);
	assert_int_equal(due, day_of(2025, 2, 24));

	/* Refusals, each with its reason. */
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 1, day_of(2025, 1, 16),
	    day_of(2025, 1, 23), &err), -1);
	assert_non_null(strstr(err.msg, "already published"));
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 3, 3),
	    day_of(2025, 2, 24), &err), -1);
	assert_non_null(strstr(err.msg, "2025-03-03 is not in 2025-02"));
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 2, 24),
	    day_of(2025, 2, 18), &err), -1);
	assert_non_null(strstr(err.msg, "not before"));
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 2, 18),
	    day_of(2025, 2, 18), &err), -1);
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 2, 17),
	    day_of(2025, 2, 24), &err), -1);
	assert_string_equal(err.msg, "preliminary date 2025-02-17 is not a "
	    "working day (" WB ")");
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 2, 18),
	    day_of(2025, 2, 23), &err), -1);
	assert_non_null(strstr(err.msg, "(Sunday)"));
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 13, day_of(2025, 2, 18),
	    day_of(2025, 2, 24), &err), -1);
	assert_int_equal(lb_cal_pms_publish(cal, 1970, 2, day_of(1970, 2, 18),
	    day_of(1970, 2, 24), &err), -1);
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, INT64_MIN, INT64_MAX,
	    &err), -1);
	assert_int_equal(lb_cal_pms_publish(cal, 2025, 2, day_of(2025, 2, 18),
	    day_of(2025, 2, 24), NULL), 0);

	/* A published date can no longer be closed. */
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 27), "Mourning",
	    &err), -1);
	assert_string_equal(err.msg, "2025-01-27 is the published PMS due date "
	    "of 2025-01");
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 17), "Mourning",
	    &err), -1);
	assert_non_null(strstr(err.msg, "preliminary"));
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 9), CARTER, &err),
	    0);
	lb_cal_free(cal);
}

static void
test_closures(void **state)
{
	struct lb_calendar	*cal = new_cal();
	struct lb_holiday	 h[LB_CAL_HOLIDAYS_MAX];
	struct lb_err		 err;
	const char		*why;
	int64_t			 out, prel, due;
	int			 i, n, pub;

	(void)state;
	/* 9 January 2025, a Thursday: a national day of mourning. */
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2025, 1, 8), 1, &out),
	    0);
	assert_int_equal(out, day_of(2025, 1, 9));
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 9), CARTER, &err),
	    0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 9), &why), 0);
	assert_string_equal(why, CARTER);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2025, 1, 8), 1, &out),
	    0);
	assert_int_equal(out, day_of(2025, 1, 10));
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2025, 1, 2), 10,
	    &out), 0);
	assert_int_equal(out, day_of(2025, 1, 17));
	/* January 2025 PMS moves by one working day. */
	assert_int_equal(lb_cal_pms(cal, 2025, 1, &prel, &due, &pub), 0);
	assert_int_equal(prel, day_of(2025, 1, 17));
	assert_int_equal(due, day_of(2025, 1, 24));
	assert_int_equal(pub, 0);

	n = lb_cal_holidays(cal, 2025, h, NELEM(h));
	assert_int_equal(n, 12);
	assert_int_equal(h[1].day, day_of(2025, 1, 9));
	assert_string_equal(h[1].name, CARTER);
	assert_int_equal(h[1].observed, 0);
	assert_int_equal(h[2].day, day_of(2025, 1, 20));
	assert_int_equal(lb_cal_holidays(cal, 2025, h, 11), -1);
	assert_int_equal(lb_cal_holidays(cal, 2024, h, NELEM(h)), 11);

	/* Refusals. */
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 9), "Again", &err),
	    -1);
	assert_string_equal(err.msg, "2025-01-09 is already closed (" CARTER
	    ")");
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 11), "X", &err), -1);
	assert_string_equal(err.msg, "2025-01-11 is a Saturday: not a working "
	    "day anyway");
	assert_int_equal(lb_cal_close(cal, day_of(2025, 12, 25), "X", &err),
	    -1);
	assert_string_equal(err.msg, "2025-12-25 is already a holiday ("
	    XMAS ")");
	assert_int_equal(lb_cal_close(cal, day_of(1970, 12, 30), "X", &err),
	    -1);
	assert_string_equal(err.msg, "1970-12-30 is outside the years "
	    "1971..2199");
	assert_int_equal(lb_cal_close(cal, INT64_MAX, "X", &err), -1);
	assert_non_null(strstr(err.msg, "outside"));
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3), "", &err), -1);
	assert_string_equal(err.msg, "a closure needs a name");
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3), NULL, &err), -1);
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3),
	    "123456789012345678901234567890123456789012345678", &err), -1);
	assert_string_equal(err.msg, "closure name longer than 47 bytes");
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3), "a\tb", &err),
	    -1);
	assert_non_null(strstr(err.msg, "control character"));
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3), "\xc3(", &err),
	    -1);
	assert_non_null(strstr(err.msg, "UTF-8"));
	/* 47 bytes is the limit; non-ASCII is fine. */
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 3),
	    "12345678901234567890123456789012345678901234567", NULL), 0);
	assert_int_equal(lb_cal_close(cal, day_of(2025, 3, 4),
	    "Fermeture \xc3\xa9t\xc3\xa9", NULL), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 3, 4), &why), 0);
	assert_string_equal(why, "Fermeture \xc3\xa9t\xc3\xa9");
	/* Closures in other years, in any order, stay sorted. */
	assert_int_equal(lb_cal_close(cal, day_of(2018, 12, 5), "Bush", NULL),
	    0);
	assert_int_equal(lb_cal_close(cal, day_of(2025, 2, 3), "B", NULL), 0);
	assert_int_equal(lb_cal_close(cal, day_of(2025, 1, 2), "A", NULL), 0);
	n = lb_cal_holidays(cal, 2025, h, NELEM(h));
	assert_int_equal(n, 16);
	for (i = 1; i < n; i++)
		assert_true(h[i - 1].day < h[i].day);
	assert_string_equal(h[0].name, NY);
	assert_string_equal(h[1].name, "A");
	n = lb_cal_holidays(cal, 2018, h, NELEM(h));
	assert_int_equal(n, 11);
	assert_non_null(find_day(h, n, day_of(2018, 12, 5)));
	assert_int_equal(lb_cal_holidays(cal, 2200, h, NELEM(h)), -1);
	lb_cal_free(cal);
}

static void
test_openings(void **state)
{
	struct lb_calendar	*cal = new_cal();
	struct lb_holiday	 h[LB_CAL_HOLIDAYS_MAX];
	struct lb_err		 err;
	const char		*why;
	int64_t			 out;
	int			 n;

	(void)state;
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2026, 11, 10), 1,
	    &out), 0);
	assert_int_equal(out, day_of(2026, 11, 12));
	assert_int_equal(lb_cal_open(cal, day_of(2026, 11, 11), &err), 0);
	why = "unset";
	assert_int_equal(lb_cal_is_workday(cal, day_of(2026, 11, 11), &why),
	    1);
	assert_null(why);
	assert_int_equal(lb_cal_add_workdays(cal, day_of(2026, 11, 10), 1,
	    &out), 0);
	assert_int_equal(out, day_of(2026, 11, 11));
	n = lb_cal_holidays(cal, 2026, h, NELEM(h));
	assert_int_equal(n, 10);
	assert_null(find_name(h, n, VET));
	/* The observed date is what opens, not the nominal one. */
	assert_int_equal(lb_cal_open(cal, day_of(2026, 7, 4), &err), -1);
	assert_string_equal(err.msg, "2026-07-04 is not a federal holiday by "
	    "rule");
	assert_int_equal(lb_cal_open(cal, day_of(2026, 7, 3), &err), 0);
	assert_int_equal(lb_cal_open(cal, day_of(2026, 7, 3), &err), -1);
	assert_string_equal(err.msg, "2026-07-03 (" IND ") is already open");
	/* An opened holiday cannot be closed again, nor a closure opened. */
	assert_int_equal(lb_cal_close(cal, day_of(2026, 7, 3), "X", &err), -1);
	assert_non_null(strstr(err.msg, "declared open"));
	assert_int_equal(lb_cal_close(cal, day_of(2026, 7, 6), "X", &err), 0);
	assert_int_equal(lb_cal_open(cal, day_of(2026, 7, 6), &err), -1);
	assert_int_equal(lb_cal_open(cal, day_of(2026, 7, 5), &err), -1);
	assert_int_equal(lb_cal_open(cal, day_of(2200, 1, 1), &err), -1);
	assert_int_equal(lb_cal_open(cal, day_of(2021, 12, 31), NULL), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2021, 12, 31), NULL), 1);
	n = lb_cal_holidays(cal, 2021, h, NELEM(h));
	assert_int_equal(n, 11);
	assert_int_equal(h[n - 1].day, day_of(2021, 12, 24));
	lb_cal_free(cal);
}

static void
test_entry_limit(void **state)
{
	struct lb_calendar	*cal = new_cal(), *fresh = new_cal();
	struct lb_err		 err;
	unsigned long		 line;
	int64_t			 day;
	char			*text, *p, why[LB_CAL_WHY_MAX];
	size_t			 size = 40 * (LB_CAL_ENTRIES_MAX + 1), k = 0;
	int			 i;

	(void)state;
	text = malloc(size);
	assert_non_null(text);
	p = text;
	for (day = day_of(1971, 1, 1), i = 0; i <= LB_CAL_ENTRIES_MAX; day++) {
		if (lb_cal_is_workday(fresh, day, NULL) != 1)
			continue;
		lb_date_format(day, p);
		p += 10;
		memcpy(p, " closed Closed\n", 15);
		p += 15;
		i++;
		if (i == LB_CAL_ENTRIES_MAX)
			k = (size_t)(p - text);
	}
	/* One entry too many. */
	assert_int_equal(lb_cal_read(cal, text, (size_t)(p - text), &line,
	    why, sizeof(why)), -1);
	assert_int_equal(line, LB_CAL_ENTRIES_MAX + 1);
	assert_string_equal(why, "more than 10000 entries");
	/* Exactly the limit, then nothing more. */
	assert_int_equal(lb_cal_read(cal, text, k, &line, why, sizeof(why)), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(1971, 1, 4), NULL), 0);
	assert_int_equal(lb_cal_close(cal, day_of(2100, 3, 3), "X", &err), -1);
	assert_string_equal(err.msg, "too many calendar entries (at most "
	    "10000)");
	assert_int_equal(lb_cal_open(cal, day_of(2100, 12, 24), &err), -1);
	assert_int_equal(lb_cal_pms_publish(cal, 2100, 3, day_of(2100, 3, 15),
	    day_of(2100, 3, 19), &err), -1);
	free(text);
	lb_cal_free(cal);
	lb_cal_free(fresh);
}

static int
read_str(struct lb_calendar *cal, const char *s, size_t n,
    unsigned long *line, char *why, size_t whylen)
{
	char	*copy = exact(s, n);
	int	 rc;

	rc = lb_cal_read(cal, copy, n, line, why, whylen);
	free(copy);
	return rc;
}

static void
test_read_valid(void **state)
{
	static const char text[] =
	    "# Lifeboat calendar: closures and published PMS dates\n"
	    "\n"
	    "pms 2025-01 2025-01-17 2025-01-27\n"
	    "2025-01-09 closed   " CARTER "  \n"
	    "\t# indented comment\n"
	    "2018-12-05\tclosed\tBush # not a comment\r\n"
	    "   \n"
	    "2026-11-11 open\r\n"
	    "pms 2026-02 2026-02-17 2026-02-23";	/* no final newline */
	struct lb_calendar	*cal = new_cal();
	const char		*why;
	unsigned long		 line = 99;
	int64_t			 prel, due;
	int			 pub;
	char			 msg[LB_CAL_WHY_MAX];

	(void)state;
	assert_int_equal(read_str(cal, text, sizeof(text) - 1, &line, msg,
	    sizeof(msg)), 0);
	assert_int_equal(line, 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 9), &why), 0);
	assert_string_equal(why, CARTER);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2018, 12, 5), &why), 0);
	assert_string_equal(why, "Bush # not a comment");
	assert_int_equal(lb_cal_is_workday(cal, day_of(2026, 11, 11), NULL), 1);
	assert_int_equal(lb_cal_pms(cal, 2025, 1, &prel, &due, &pub), 0);
	assert_int_equal(pub, 1);
	assert_int_equal(prel, day_of(2025, 1, 17));
	assert_int_equal(due, day_of(2025, 1, 27));
	assert_int_equal(lb_cal_pms(cal, 2026, 2, &prel, &due, &pub), 0);
	assert_int_equal(pub, 1);
	/* Reading adds to what is there. */
	assert_int_equal(read_str(cal, "2025-03-03 closed Storm\n", 24, &line,
	    msg, sizeof(msg)), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 3, 3), NULL), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 9), NULL), 0);
	/* Empty input, and NULL with no bytes. */
	assert_int_equal(read_str(cal, "", 0, &line, msg, sizeof(msg)), 0);
	assert_int_equal(lb_cal_read(cal, NULL, 0, &line, NULL, 0), 0);
	assert_int_equal(read_str(cal, "\n\n# x\n", 6, &line, NULL, 0), 0);
	lb_cal_free(cal);
}

static const struct {
	const char	*text;
	size_t		 len;		/* 0: strlen(text) */
	unsigned long	 line;
	const char	*why;		/* the whole reason */
} read_errors[] = {
	{ "2025-01-09 shut Mourning\n", 0, 1,
	    "unknown word \"shut\": expected closed or open" },
	{ "2025-01-09 CLOSED Mourning\n", 0, 1,
	    "unknown word \"CLOSED\": expected closed or open" },
	{ "# c\nshut 2025-01-09\n", 0, 2,
	    "unknown word \"shut\": expected a date (YYYY-MM-DD) or pms" },
	{ "PMS 2025-01 2025-01-16 2025-01-23\n", 0, 1,
	    "unknown word \"PMS\": expected a date (YYYY-MM-DD) or pms" },
	{ "\n\n2025-02-30 closed X\n", 0, 3, NULL },
	{ "2025-1-9 closed X\n", 0, 1, NULL },
	{ "2025-01-09\n", 0, 1, "expected closed or open after the date" },
	{ "2025-01-09 closed\n", 0, 1, "closed needs a name" },
	{ "2025-01-09 closed  \t \n", 0, 1, "closed needs a name" },
	{ "2025-01-09 closed "
	    "123456789012345678901234567890123456789012345678\n", 0, 1,
	    "closure name longer than 47 bytes" },
	{ "2025-01-09 closed A\x01" "B\n", 0, 1, NULL },
	{ "2025-01-09 closed A\rB\n", 0, 1, NULL },
	{ "2025-01-11 closed X\n", 0, 1,
	    "2025-01-11 is a Saturday: not a working day anyway" },
	{ "2025-12-25 closed X\n", 0, 1,
	    "2025-12-25 is already a holiday (Christmas Day)" },
	{ "2025-01-09 closed A\n2025-01-09 closed B\n", 0, 2,
	    "2025-01-09 is already closed (A)" },
	{ "1970-12-30 closed X\n", 0, 1,
	    "1970-12-30 is outside the years 1971..2199" },
	{ "2025-01-08 open\n", 0, 1,
	    "2025-01-08 is not a federal holiday by rule" },
	{ "2025-12-25 open\n2025-12-25 open\n", 0, 2,
	    "2025-12-25 (Christmas Day) is already open" },
	{ "2025-12-25 open now\n", 0, 1, "unexpected \"now\" after open" },
	{ "pms\n", 0, 1, "pms needs a month (YYYY-MM) and two dates" },
	{ "pms 2025-1 2025-01-16 2025-01-23\n", 0, 1,
	    "bad month \"2025-1\": expected YYYY-MM" },
	{ "pms 2025-13 2025-01-16 2025-01-23\n", 0, 1,
	    "bad month \"2025-13\": expected YYYY-MM" },
	{ "pms 2300-01 2025-01-16 2025-01-23\n", 0, 1,
	    "month \"2300-01\" is outside the years 1971..2199" },
	{ "pms 2025-01\n", 0, 1,
	    "pms needs a preliminary and a due date after the month" },
	{ "pms 2025-01 2025-01-17\n", 0, 1,
	    "pms needs a due date after the preliminary date" },
	{ "pms 2025-01 2025-01-17 2025-01-24 x\n", 0, 1,
	    "unexpected \"x\" after the due date" },
	{ "pms 2025-01 2025-02-17 2025-01-24\n", 0, 1,
	    "preliminary date 2025-02-17 is not in 2025-01" },
	{ "pms 2025-01 2025-01-24 2025-01-17\n", 0, 1,
	    "preliminary date 2025-01-24 is not before due date 2025-01-17" },
	{ "pms 2025-01 2025-01-17 2025-01-18\n", 0, 1,
	    "due date 2025-01-18 is not a working day (Saturday)" },
	{ "pms 2025-01 2025-01-17 2025-01-24\n"
	    "pms 2025-01 2025-01-16 2025-01-23\n", 0, 2,
	    "PMS dates of 2025-01 already published" },
	/* Published dates are checked against closures later in the file. */
	{ "pms 2025-01 2025-01-09 2025-01-24\n" "2025-01-09 closed " CARTER
	    "\n", 0, 1, "preliminary date 2025-01-09 is not a working day ("
	    CARTER ")" },
	{ "2025-01-09 closed A\0B\n", 22, 1, "NUL byte in line" },
	{ "# ok\n2025-01-09 closed \xff\n", 0, 2,
	    "invalid UTF-8 at byte 19" },
	{ "# \xc3\n", 0, 1, "invalid UTF-8 at byte 3" },
	{ "2025-01-09 closed X\n2025-01-10 closed Y\nbad\n", 0, 3,
	    "unknown word \"bad\": expected a date (YYYY-MM-DD) or pms" },
};

static void
test_read_errors(void **state)
{
	struct lb_calendar	*cal = new_cal();
	unsigned long		 line;
	size_t			 i, n;
	char			 why[LB_CAL_WHY_MAX];

	(void)state;
	for (i = 0; i < NELEM(read_errors); i++) {
		n = read_errors[i].len != 0 ? read_errors[i].len :
		    strlen(read_errors[i].text);
		line = 0;
		why[0] = '\0';
		if (read_str(cal, read_errors[i].text, n, &line, why,
		    sizeof(why)) != -1)
			fail_msg("case %zu accepted", i);
		if (line != read_errors[i].line)
			fail_msg("case %zu: line %lu, wanted %lu (%s)", i, line,
			    read_errors[i].line, why);
		assert_true(why[0] != '\0');
		if (read_errors[i].why != NULL &&
		    strcmp(why, read_errors[i].why) != 0)
			fail_msg("case %zu: \"%s\", wanted \"%s\"", i, why,
			    read_errors[i].why);
		/* Refused files change nothing. */
		assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 9),
		    NULL), 1);
		assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 12, 25),
		    NULL), 0);
		/* why may be NULL or short. */
		assert_int_equal(read_str(cal, read_errors[i].text, n, &line,
		    NULL, 0), -1);
		assert_int_equal(read_str(cal, read_errors[i].text, n, &line,
		    why, 4), -1);
		assert_true(strlen(why) <= 3);
	}
	lb_cal_free(cal);
}

static void
test_read_limits(void **state)
{
	static const char	 bad[] = "2025-01-10 closed B\n"
	    "2025-12-25 open\npms 2025-02 2025-02-18 2025-02-24\n"
	    "2025-01-13 shut\n";
	struct lb_calendar	*cal = new_cal();
	struct lb_holiday	 h[LB_CAL_HOLIDAYS_MAX];
	unsigned long		 line;
	char			 text[600], why[LB_CAL_WHY_MAX];
	int64_t			 prel, due;
	int			 pub;

	(void)state;
	/* A comment line of exactly 512 bytes, then 513. */
	memset(text, ' ', sizeof(text));
	text[0] = '#';
	text[512] = '\n';
	assert_int_equal(read_str(cal, text, 513, &line, why, sizeof(why)), 0);
	text[512] = '\r';
	text[513] = '\n';
	assert_int_equal(read_str(cal, text, 514, &line, why, sizeof(why)), 0);
	text[512] = ' ';
	assert_int_equal(read_str(cal, text, 514, &line, why, sizeof(why)),
	    -1);
	assert_int_equal(line, 1);
	assert_string_equal(why, "line longer than 512 bytes");

	/* A refused file leaves earlier entries and adds none. */
	assert_int_equal(read_str(cal, "2025-01-09 closed A\n", 20, &line,
	    why, sizeof(why)), 0);
	assert_int_equal(read_str(cal, bad, sizeof(bad) - 1, &line, why,
	    sizeof(why)), -1);
	assert_int_equal(line, 4);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 9), NULL), 0);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 1, 10), NULL), 1);
	assert_int_equal(lb_cal_is_workday(cal, day_of(2025, 12, 25), NULL),
	    0);
	assert_int_equal(lb_cal_pms(cal, 2025, 2, &prel, &due, &pub), 0);
	assert_int_equal(pub, 0);
	assert_int_equal(lb_cal_holidays(cal, 2025, h, NELEM(h)), 12);
	lb_cal_free(cal);
}

/*
 * Every day of 1971..2199 against the simplest reimplementation: a
 * weekend or in the rule list of its year.  Also the next working day and
 * the tenth, found by stepping.
 */
static void
test_brute_force(void **state)
{
	struct lb_calendar	*cal = new_cal();
	struct lb_holiday	 h[LB_HOLIDAYS_MAX];
	static unsigned char	 off[90000];
	int64_t			 first, last, day, out, step;
	int			 y, n, i, k, wd, expect;
	char			 s[LB_DATE_STRLEN];

	(void)state;
	first = day_of(1971, 1, 1);
	last = day_of(2199, 12, 31);
	assert_int_equal(first, 365);
	assert_int_equal(last, 84005);
	memset(off, 0, sizeof(off));
	for (y = LB_CAL_YEAR_MIN; y <= LB_CAL_YEAR_MAX; y++) {
		n = lb_holidays_by_rule(y, h, NELEM(h));
		for (i = 0; i < n; i++)
			off[h[i].day] = 1;
	}
	for (day = first; day <= last; day++) {
		wd = lb_weekday(day);
		expect = !(wd == 0 || wd == 6 || off[day]);
		if (lb_cal_is_workday(cal, day, NULL) != expect)
			fail_msg("%s: wanted %d", fmt(day, s), expect);
		off[day] = (unsigned char)!expect;
	}
	for (day = first; day <= last - 30; day++) {
		for (k = 0; k <= 10; k += 10) {
			step = day;
			for (i = 0; i < k; ) {
				step++;
				if (!off[step])
					i++;
			}
			if (k == 0)
				step = day;
			assert_int_equal(lb_cal_add_workdays(cal, day, k, &out),
			    0);
			if (out != step)
				fail_msg("%s + %d", fmt(day, s), k);
		}
		assert_int_equal(lb_cal_add_workdays(cal, day, 1, &out), 0);
		assert_true(out > day && !off[out]);
		for (step = day + 1; step < out; step++)
			assert_true(off[step]);
	}
	lb_cal_free(cal);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_rules_table),
		cmocka_unit_test(test_rules_opm),
		cmocka_unit_test(test_rules_every_year),
		cmocka_unit_test(test_rules_errors),
		cmocka_unit_test(test_is_workday),
		cmocka_unit_test(test_add_workdays),
		cmocka_unit_test(test_pms_computed),
		cmocka_unit_test(test_pms_published),
		cmocka_unit_test(test_closures),
		cmocka_unit_test(test_openings),
		cmocka_unit_test(test_entry_limit),
		cmocka_unit_test(test_read_valid),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_read_limits),
		cmocka_unit_test(test_brute_force),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
