/*
 * calendar.c: federal holidays by rule, dated closures and openings, the
 * working-day arithmetic of CBP deadlines and the PMS dates (see
 * calendar.h and CBP.md section 4).
 *
 * Every calendar keeps a bitmap of the days off (weekends, rule holidays
 * not opened, closures) over the whole range 1971..2199, about 10 KB,
 * built once in lb_cal_new and kept current by each change.  That makes
 * lb_cal_is_workday a bit test and lb_cal_add_workdays a short scan, fast
 * enough to run once per shipment over millions of them.  The changes
 * themselves sit in sorted, bounded arrays searched by bisection; they are
 * needed only for the names of closures, the lists of holidays and the
 * published PMS dates.  Pure: no I/O, no clock.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "calendar_data.inc"
#include "date.h"
#include "err.h"
#include "mem.h"
#include "text.h"
#include "utf8.h"

/* lb_days_from_civil(1971, 1, 1) and (2199, 12, 31); checked in tests. */
#define DAY_MIN		INT64_C(365)
#define DAY_MAX		INT64_C(84005)
#define NDAYS		((size_t)(DAY_MAX - DAY_MIN + 1))
#define NWORDS		((NDAYS + 63) / 64)

enum holiday_id {
	H_NEWYEAR,
	H_MLK,
	H_WASHINGTON,
	H_MEMORIAL,
	H_JUNETEENTH,
	H_INDEPENDENCE,
	H_LABOR,
	H_COLUMBUS,
	H_VETERANS,
	H_THANKSGIVING,
	H_CHRISTMAS
};

/* The names of 5 U.S.C. 6103(a). */
static const char *const holiday_names[] = {
	[H_NEWYEAR] = "New Year's Day",
	[H_MLK] = "Birthday of Martin Luther King, Jr.",
	[H_WASHINGTON] = "Washington's Birthday",
	[H_MEMORIAL] = "Memorial Day",
	[H_JUNETEENTH] = "Juneteenth National Independence Day",
	[H_INDEPENDENCE] = "Independence Day",
	[H_LABOR] = "Labor Day",
	[H_COLUMBUS] = "Columbus Day",
	[H_VETERANS] = "Veterans Day",
	[H_THANKSGIVING] = "Thanksgiving Day",
	[H_CHRISTMAS] = "Christmas Day",
};

struct rule_day {
	int64_t		 day;
	enum holiday_id	 id;
	int		 observed;
};

struct closure {
	int64_t		 day;
	char		 name[LB_HOLIDAY_NAME];
};

struct pms_dates {
	int		 month;		/* year * 12 + month - 1 */
	int64_t		 preliminary;
	int64_t		 due;
};

struct lb_calendar {
	uint64_t	 off[NWORDS];	/* bit set: not a working day */
	struct closure	*closed;	/* sorted by day */
	size_t		 nclosed, capclosed;
	int64_t		*opened;	/* sorted */
	size_t		 nopened, capopened;
	struct pms_dates *pms;		/* sorted by month */
	size_t		 npms, cappms;
};

static int
in_range(int64_t day)
{
	return day >= DAY_MIN && day <= DAY_MAX;
}

static int
is_off(const struct lb_calendar *cal, int64_t day)
{
	size_t	 i = (size_t)(day - DAY_MIN);

	return (int)((cal->off[i >> 6] >> (i & 63)) & 1);
}

static void
set_off(struct lb_calendar *cal, int64_t day, int off)
{
	size_t	 i = (size_t)(day - DAY_MIN);
	uint64_t bit = UINT64_C(1) << (i & 63);

	if (off)
		cal->off[i >> 6] |= bit;
	else
		cal->off[i >> 6] &= ~bit;
}

/* "YYYY-MM-DD" for a day in range, else the raw count; for messages. */
static const char *
fmt_day(int64_t day, char out[32])
{
	if (day >= INT64_C(-719528) && day <= INT64_C(2932896))
		lb_date_format(day, out);
	else
		(void)snprintf(out, 32, "day %" PRId64, day);
	return out;
}

static int
year_of(int64_t day)
{
	int	 y, m, d;

	lb_civil_from_days(day, &y, &m, &d);
	return y;
}

/* The nth (from 1) weekday wday (0 = Sunday) of a month. */
static int64_t
nth_weekday(int y, int m, int wday, int nth)
{
	int64_t	 first = lb_days_from_civil(y, m, 1);

	return first + (wday - lb_weekday(first) + 7) % 7 + 7 * (nth - 1);
}

static int64_t
last_weekday(int y, int m, int wday)
{
	int64_t	 last = lb_days_from_civil(y, m, lb_days_in_month(y, m));

	return last - (lb_weekday(last) - wday + 7) % 7;
}

static void
add_rule(struct rule_day *out, size_t *n, int64_t day, enum holiday_id id,
    int observed)
{
	assert(*n < LB_HOLIDAYS_MAX);
	out[*n].day = day;
	out[*n].id = id;
	out[*n].observed = observed;
	(*n)++;
}

/* A holiday on a fixed date, moved off the weekend. */
static void
add_fixed(struct rule_day *out, size_t *n, int y, int m, int d,
    enum holiday_id id)
{
	int64_t	 day = lb_days_from_civil(y, m, d);

	switch (lb_weekday(day)) {
	case 6:
		add_rule(out, n, day - 1, id, 1);
		break;
	case 0:
		add_rule(out, n, day + 1, id, 1);
		break;
	default:
		add_rule(out, n, day, id, 0);
		break;
	}
}

/*
 * The rule holidays observed in a year, sorted.  The order of the calls
 * is the order of the dates: no observed date can overtake the next
 * holiday (Veterans Day moves at most to 10 or 12 November, Thanksgiving
 * is the 22nd at the earliest; Christmas to the 26th at the latest).
 */
static size_t
rules(int year, struct rule_day out[LB_HOLIDAYS_MAX])
{
	size_t	 n = 0, i;

	/*
	 * OPM's tables: a Saturday 1 January is observed on 31 December
	 * before, and listed under its own year (New Year's Day 2028 is in
	 * the 2028 list, on 2027-12-31).
	 */
	if (lb_weekday(lb_days_from_civil(year, 1, 1)) == 6)
		add_rule(out, &n, lb_days_from_civil(year, 1, 1) - 1, H_NEWYEAR,
		    1);
	else
		add_fixed(out, &n, year, 1, 1, H_NEWYEAR);
	if (year >= 1986)
		add_rule(out, &n, nth_weekday(year, 1, 1, 3), H_MLK, 0);
	add_rule(out, &n, nth_weekday(year, 2, 1, 3), H_WASHINGTON, 0);
	add_rule(out, &n, last_weekday(year, 5, 1), H_MEMORIAL, 0);
	if (year >= 2021)
		add_fixed(out, &n, year, 6, 19, H_JUNETEENTH);
	add_fixed(out, &n, year, 7, 4, H_INDEPENDENCE);
	add_rule(out, &n, nth_weekday(year, 9, 1, 1), H_LABOR, 0);
	add_rule(out, &n, nth_weekday(year, 10, 1, 2), H_COLUMBUS, 0);
	/* Uniform Monday Holiday Act, until Pub. L. 94-97 took effect. */
	if (year <= 1977)
		add_rule(out, &n, nth_weekday(year, 10, 1, 4), H_VETERANS, 0);
	else
		add_fixed(out, &n, year, 11, 11, H_VETERANS);
	add_rule(out, &n, nth_weekday(year, 11, 4, 4), H_THANKSGIVING, 0);
	add_fixed(out, &n, year, 12, 25, H_CHRISTMAS);
	for (i = 1; i < n; i++)
		assert(out[i - 1].day < out[i].day);
	return n;
}

/* The rule holiday observed on day, or NULL. */
static const struct rule_day *
rule_on(int64_t day, struct rule_day buf[LB_HOLIDAYS_MAX])
{
	size_t	 i, n;
	int	 y = year_of(day), m, d;

	/* 31 December may be the next year's New Year's Day. */
	lb_civil_from_days(day, &y, &m, &d);
	if (m == 12 && d == 31)
		y++;
	n = rules(y, buf);
	for (i = 0; i < n; i++)
		if (buf[i].day == day)
			return &buf[i];
	return NULL;
}

static void
fill(struct lb_holiday *h, int64_t day, const char *name, int observed)
{
	size_t	 len = strlen(name);

	assert(len < sizeof(h->name));
	memset(h, 0, sizeof(*h));
	h->day = day;
	memcpy(h->name, name, len + 1);
	h->observed = observed;
}

int
lb_holidays_by_rule(int year, struct lb_holiday *out, size_t max)
{
	struct rule_day	 r[LB_HOLIDAYS_MAX];
	size_t		 i, n;

	if (year < LB_CAL_YEAR_MIN || year > LB_CAL_YEAR_MAX)
		return -1;
	n = rules(year, r);
	if (n > max || (n > 0 && out == NULL))
		return -1;
	for (i = 0; i < n; i++)
		fill(&out[i], r[i].day, holiday_names[r[i].id], r[i].observed);
	return (int)n;
}

/* Index of the first closure on or after day. */
static size_t
closure_lower(const struct lb_calendar *cal, int64_t day)
{
	size_t	 lo = 0, hi = cal->nclosed, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->closed[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct closure *
closure_on(const struct lb_calendar *cal, int64_t day)
{
	size_t	 i = closure_lower(cal, day);

	if (i < cal->nclosed && cal->closed[i].day == day)
		return &cal->closed[i];
	return NULL;
}

static size_t
opened_lower(const struct lb_calendar *cal, int64_t day)
{
	size_t	 lo = 0, hi = cal->nopened, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->opened[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_opened(const struct lb_calendar *cal, int64_t day)
{
	size_t	 i = opened_lower(cal, day);

	return i < cal->nopened && cal->opened[i] == day;
}

static size_t
pms_lower(const struct lb_calendar *cal, int month)
{
	size_t	 lo = 0, hi = cal->npms, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->pms[mid].month < month)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct pms_dates *
pms_of(const struct lb_calendar *cal, int month)
{
	size_t	 i = pms_lower(cal, month);

	if (i < cal->npms && cal->pms[i].month == month)
		return &cal->pms[i];
	return NULL;
}

static int
month_key(int year, int month)
{
	return year * 12 + month - 1;
}

/* Make room for one more element of size bytes in *arr. */
static int
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t	 ncap;
	void	*p;

	if (n < *cap)
		return 0;
	ncap = *cap == 0 ? 16 : *cap * 2;
	if (ncap > LB_CAL_ENTRIES_MAX)
		ncap = LB_CAL_ENTRIES_MAX;
	if (ncap <= n)
		return -1;
	if ((p = lb_reallocarray(*arr, ncap, size)) == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

static int
full(const struct lb_calendar *cal, struct lb_err *err)
{
	if (cal->nclosed + cal->nopened + cal->npms >= LB_CAL_ENTRIES_MAX)
		return lb_error(err, "too many calendar entries (at most %d)",
		    LB_CAL_ENTRIES_MAX);
	return 0;
}

struct lb_calendar *
lb_cal_new(void)
{
	struct lb_calendar	*cal;
	struct rule_day		 r[LB_HOLIDAYS_MAX];
	int64_t			 day;
	size_t			 i, n;
	int			 y, wd;

	if ((cal = lb_calloc(1, sizeof(*cal))) == NULL)
		return NULL;
	/* 1971-01-01 was a Friday. */
	wd = lb_weekday(DAY_MIN);
	for (day = DAY_MIN; day <= DAY_MAX; day++) {
		if (wd == 0 || wd == 6)
			set_off(cal, day, 1);
		wd = wd == 6 ? 0 : wd + 1;
	}
	/* 2200's New Year's Day may fall on 2199-12-31. */
	for (y = LB_CAL_YEAR_MIN; y <= LB_CAL_YEAR_MAX + 1; y++) {
		n = rules(y, r);
		for (i = 0; i < n; i++)
			if (in_range(r[i].day))
				set_off(cal, r[i].day, 1);
	}
	return cal;
}

void
lb_cal_free(struct lb_calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->closed);
	free(cal->opened);
	free(cal->pms);
	free(cal);
}

static int
check_day(int64_t day, struct lb_err *err)
{
	char	 s[32];

	if (!in_range(day))
		return lb_error(err, "%s is outside the years %d..%d",
		    fmt_day(day, s), LB_CAL_YEAR_MIN, LB_CAL_YEAR_MAX);
	return 0;
}

static int
check_name(const char *name, struct lb_err *err)
{
	size_t	 len, i;
	char	 q[64];

	if (name == NULL || name[0] == '\0')
		return lb_error(err, "a closure needs a name");
	len = strnlen(name, LB_HOLIDAY_NAME);
	if (len >= LB_HOLIDAY_NAME)
		return lb_error(err, "closure name longer than %d bytes",
		    LB_HOLIDAY_NAME - 1);
	if (lb_utf8_validate(name, len, NULL) == -1)
		return lb_error(err, "closure name %s is not valid UTF-8",
		    lb_utf8_quote(q, sizeof(q), name, len));
	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 ||
		    (unsigned char)name[i] == 0x7f)
			return lb_error(err, "closure name %s holds a control "
			    "character", lb_utf8_quote(q, sizeof(q), name,
			    len));
	return 0;
}

/* The reason a day in range is off; NULL for a working day. */
static const char *
reason(const struct lb_calendar *cal, int64_t day)
{
	const struct closure	*c;
	const struct rule_day	*r;
	struct rule_day		 buf[LB_HOLIDAYS_MAX];

	if (!is_off(cal, day))
		return NULL;
	switch (lb_weekday(day)) {
	case 6:
		return "Saturday";
	case 0:
		return "Sunday";
	}
	if ((c = closure_on(cal, day)) != NULL)
		return c->name;
	r = rule_on(day, buf);
	assert(r != NULL);
	return r == NULL ? "holiday" : holiday_names[r->id];
}

/* Refuse a change that would make a published PMS date a day off. */
static int
check_not_pms(const struct lb_calendar *cal, int64_t day, struct lb_err *err)
{
	const struct pms_dates	*p;
	int			 y, m, d;
	char			 s[32];

	lb_civil_from_days(day, &y, &m, &d);
	if ((p = pms_of(cal, month_key(y, m))) == NULL)
		return 0;
	if (p->preliminary == day || p->due == day)
		return lb_error(err, "%s is the published PMS %s date of "
		    "%04d-%02d", fmt_day(day, s), p->preliminary == day ?
		    "preliminary" : "due", y, m);
	return 0;
}

int
lb_cal_close(struct lb_calendar *cal, int64_t day, const char *name,
    struct lb_err *err)
{
	const struct closure	*c;
	const struct rule_day	*r;
	struct rule_day		 buf[LB_HOLIDAYS_MAX];
	size_t			 i;
	char			 s[32];
	int			 wd;

	assert(cal != NULL);
	if (check_day(day, err) == -1 || check_name(name, err) == -1)
		return -1;
	fmt_day(day, s);
	wd = lb_weekday(day);
	if (wd == 0 || wd == 6)
		return lb_error(err, "%s is a %s: not a working day anyway",
		    s, wd == 0 ? "Sunday" : "Saturday");
	if ((c = closure_on(cal, day)) != NULL)
		return lb_error(err, "%s is already closed (%s)", s, c->name);
	if ((r = rule_on(day, buf)) != NULL) {
		if (is_opened(cal, day))
			return lb_error(err, "%s is %s, declared open: cannot "
			    "close it too", s, holiday_names[r->id]);
		return lb_error(err, "%s is already a holiday (%s)", s,
		    holiday_names[r->id]);
	}
	if (check_not_pms(cal, day, err) == -1 || full(cal, err) == -1)
		return -1;
	if (grow((void **)&cal->closed, &cal->capclosed, cal->nclosed,
	    sizeof(*cal->closed)) == -1)
		return lb_error(err, "out of memory");
	i = closure_lower(cal, day);
	memmove(&cal->closed[i + 1], &cal->closed[i],
	    (cal->nclosed - i) * sizeof(*cal->closed));
	memset(&cal->closed[i], 0, sizeof(cal->closed[i]));
	cal->closed[i].day = day;
	memcpy(cal->closed[i].name, name, strlen(name) + 1);
	cal->nclosed++;
	set_off(cal, day, 1);
	return 0;
}

int
lb_cal_open(struct lb_calendar *cal, int64_t day, struct lb_err *err)
{
	const struct rule_day	*r;
	struct rule_day		 buf[LB_HOLIDAYS_MAX];
	size_t			 i;
	char			 s[32];

	assert(cal != NULL);
	if (check_day(day, err) == -1)
		return -1;
	fmt_day(day, s);
	if ((r = rule_on(day, buf)) == NULL)
		return lb_error(err, "%s is not a federal holiday by rule", s);
	if (is_opened(cal, day))
		return lb_error(err, "%s (%s) is already open", s,
		    holiday_names[r->id]);
	if (full(cal, err) == -1)
		return -1;
	if (grow((void **)&cal->opened, &cal->capopened, cal->nopened,
	    sizeof(*cal->opened)) == -1)
		return lb_error(err, "out of memory");
	i = opened_lower(cal, day);
	memmove(&cal->opened[i + 1], &cal->opened[i],
	    (cal->nopened - i) * sizeof(*cal->opened));
	cal->opened[i] = day;
	cal->nopened++;
	assert(is_off(cal, day));
	set_off(cal, day, 0);
	return 0;
}

static int
check_month(int year, int month, struct lb_err *err)
{
	if (year < LB_CAL_YEAR_MIN || year > LB_CAL_YEAR_MAX)
		return lb_error(err, "year %d is outside %d..%d", year,
		    LB_CAL_YEAR_MIN, LB_CAL_YEAR_MAX);
	if (month < 1 || month > 12)
		return lb_error(err, "month %d is not 1..12", month);
	return 0;
}

static int
check_pms_day(const struct lb_calendar *cal, int year, int month,
    int64_t day, const char *what, struct lb_err *err)
{
	int64_t	 first, last;
	char	 s[32];

	first = lb_days_from_civil(year, month, 1);
	last = first + lb_days_in_month(year, month) - 1;
	fmt_day(day, s);
	if (day < first || day > last)
		return lb_error(err, "%s date %s is not in %04d-%02d", what, s,
		    year, month);
	if (is_off(cal, day))
		return lb_error(err, "%s date %s is not a working day (%s)",
		    what, s, reason(cal, day));
	return 0;
}

int
lb_cal_pms_publish(struct lb_calendar *cal, int year, int month,
    int64_t preliminary, int64_t due, struct lb_err *err)
{
	size_t	 i;
	char	 s1[32], s2[32];
	int	 key;

	assert(cal != NULL);
	if (check_month(year, month, err) == -1 ||
	    check_pms_day(cal, year, month, preliminary, "preliminary",
	    err) == -1 ||
	    check_pms_day(cal, year, month, due, "due", err) == -1)
		return -1;
	if (preliminary >= due)
		return lb_error(err, "preliminary date %s is not before due "
		    "date %s", fmt_day(preliminary, s1), fmt_day(due, s2));
	key = month_key(year, month);
	if (pms_of(cal, key) != NULL)
		return lb_error(err, "PMS dates of %04d-%02d already published",
		    year, month);
	if (full(cal, err) == -1)
		return -1;
	if (grow((void **)&cal->pms, &cal->cappms, cal->npms,
	    sizeof(*cal->pms)) == -1)
		return lb_error(err, "out of memory");
	i = pms_lower(cal, key);
	memmove(&cal->pms[i + 1], &cal->pms[i],
	    (cal->npms - i) * sizeof(*cal->pms));
	cal->pms[i].month = key;
	cal->pms[i].preliminary = preliminary;
	cal->pms[i].due = due;
	cal->npms++;
	return 0;
}

int
lb_cal_is_workday(const struct lb_calendar *cal, int64_t day,
    const char **why)
{
	assert(cal != NULL);
	if (why != NULL)
		*why = NULL;
	if (!in_range(day))
		return -1;
	if (!is_off(cal, day))
		return 1;
	if (why != NULL)
		*why = reason(cal, day);
	return 0;
}

int
lb_cal_add_workdays(const struct lb_calendar *cal, int64_t day, int n,
    int64_t *out)
{
	size_t	 i, end;

	assert(cal != NULL);
	if (n < 0 || !in_range(day))
		return -1;
	/* Scan bit offsets rather than days: no conversion in the loop. */
	i = (size_t)(day - DAY_MIN);
	end = NDAYS - 1;
	while (n > 0) {
		if (i >= end)
			return -1;
		i++;
		if (((cal->off[i >> 6] >> (i & 63)) & 1) == 0)
			n--;
	}
	*out = DAY_MIN + (int64_t)i;
	return 0;
}

int
lb_cal_holidays(const struct lb_calendar *cal, int year,
    struct lb_holiday *out, size_t max)
{
	struct rule_day	 r[LB_HOLIDAYS_MAX];
	int64_t		 first, last;
	size_t		 nr, ir, ic, n = 0;
	int		 take_rule;

	assert(cal != NULL);
	if (year < LB_CAL_YEAR_MIN || year > LB_CAL_YEAR_MAX)
		return -1;
	first = lb_days_from_civil(year, 1, 1);
	last = lb_days_from_civil(year, 12, 31);
	nr = rules(year, r);
	ir = 0;
	ic = closure_lower(cal, first);
	/* Merge; a closure never falls on a rule holiday. */
	for (;;) {
		while (ir < nr && is_opened(cal, r[ir].day))
			ir++;
		if (ir == nr && (ic == cal->nclosed ||
		    cal->closed[ic].day > last))
			break;
		if (ir == nr)
			take_rule = 0;
		else if (ic == cal->nclosed || cal->closed[ic].day > last)
			take_rule = 1;
		else
			take_rule = r[ir].day < cal->closed[ic].day;
		if (n >= max || out == NULL)
			return -1;
		if (take_rule) {
			fill(&out[n++], r[ir].day, holiday_names[r[ir].id],
			    r[ir].observed);
			ir++;
		} else {
			fill(&out[n++], cal->closed[ic].day,
			    cal->closed[ic].name, 0);
			ic++;
		}
	}
	return (int)n;
}

int
lb_cal_pms(const struct lb_calendar *cal, int year, int month,
    int64_t *preliminary, int64_t *due, int *published)
{
	const struct pms_dates	*p;
	int64_t			 day, last, prel = 0;
	int			 count = 0;

	assert(cal != NULL);
	if (check_month(year, month, NULL) == -1)
		return -1;
	if ((p = pms_of(cal, month_key(year, month))) != NULL) {
		*preliminary = p->preliminary;
		*due = p->due;
		if (published != NULL)
			*published = 1;
		return 0;
	}
	day = lb_days_from_civil(year, month, 1);
	last = day + lb_days_in_month(year, month) - 1;
	for (; day <= last; day++) {
		if (is_off(cal, day))
			continue;
		if (++count == 11)
			prel = day;
		else if (count == 15) {
			*preliminary = prel;
			*due = day;
			if (published != NULL)
				*published = 0;
			return 0;
		}
	}
	return -1;
}

/*
 * The reader.  It works on a copy so that a refused file leaves the
 * calendar as it was, in two passes over the lines: closures and openings
 * first (and the syntax of everything), then the published PMS dates,
 * which must be working days once the whole file is applied.
 */

static struct lb_calendar *
cal_clone(const struct lb_calendar *cal)
{
	struct lb_calendar	*c;

	if ((c = lb_calloc(1, sizeof(*c))) == NULL)
		return NULL;
	memcpy(c->off, cal->off, sizeof(c->off));
	if (cal->nclosed > 0) {
		if ((c->closed = lb_mallocarray(cal->nclosed,
		    sizeof(*c->closed))) == NULL)
			goto fail;
		memcpy(c->closed, cal->closed,
		    cal->nclosed * sizeof(*c->closed));
		c->nclosed = c->capclosed = cal->nclosed;
	}
	if (cal->nopened > 0) {
		if ((c->opened = lb_mallocarray(cal->nopened,
		    sizeof(*c->opened))) == NULL)
			goto fail;
		memcpy(c->opened, cal->opened,
		    cal->nopened * sizeof(*c->opened));
		c->nopened = c->capopened = cal->nopened;
	}
	if (cal->npms > 0) {
		if ((c->pms = lb_mallocarray(cal->npms,
		    sizeof(*c->pms))) == NULL)
			goto fail;
		memcpy(c->pms, cal->pms, cal->npms * sizeof(*c->pms));
		c->npms = c->cappms = cal->npms;
	}
	return c;
fail:
	lb_cal_free(c);
	return NULL;
}

struct cursor {
	const char	*p;
	const char	*end;
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The next blank-separated token; 0 when there is none. */
static int
token(struct cursor *cur, const char **tok, size_t *len)
{
	while (cur->p < cur->end && is_blank(*cur->p))
		cur->p++;
	if (cur->p == cur->end)
		return 0;
	*tok = cur->p;
	while (cur->p < cur->end && !is_blank(*cur->p))
		cur->p++;
	*len = (size_t)(cur->p - *tok);
	return 1;
}

static int
word_is(const char *tok, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(tok, word, len) == 0;
}

static int
read_date(const char *tok, size_t len, const char *what, int64_t *day,
    char *why, size_t whylen)
{
	char	 q[48], r[LB_CAL_WHY_MAX];

	if (lb_date_parse(tok, len, day, r, sizeof(r)) == -1)
		return lb_why(why, whylen, "bad %s %s: %s", what,
		    lb_utf8_quote(q, sizeof(q), tok, len), r);
	return 0;
}

/* "YYYY-MM", strictly. */
static int
read_month(const char *tok, size_t len, int *year, int *month, char *why,
    size_t whylen)
{
	char	 q[48];
	size_t	 i;

	if (len != 7 || tok[4] != '-')
		goto bad;
	for (i = 0; i < 7; i++)
		if (i != 4 && !lb_is_digit((unsigned char)tok[i]))
			goto bad;
	*year = (tok[0] - '0') * 1000 + (tok[1] - '0') * 100 +
	    (tok[2] - '0') * 10 + (tok[3] - '0');
	*month = (tok[5] - '0') * 10 + (tok[6] - '0');
	if (*month < 1 || *month > 12)
		goto bad;
	if (*year < LB_CAL_YEAR_MIN || *year > LB_CAL_YEAR_MAX)
		return lb_why(why, whylen, "month %s is outside the years "
		    "%d..%d", lb_utf8_quote(q, sizeof(q), tok, len),
		    LB_CAL_YEAR_MIN, LB_CAL_YEAR_MAX);
	return 0;
bad:
	return lb_why(why, whylen, "bad month %s: expected YYYY-MM",
	    lb_utf8_quote(q, sizeof(q), tok, len));
}

static int
read_pms(struct lb_calendar *cal, struct cursor *cur, int pass, char *why,
    size_t whylen)
{
	struct lb_err	 err;
	const char	*tok;
	size_t		 len;
	int64_t		 prel, due;
	int		 year = 0, month = 0;
	char		 q[48];

	if (!token(cur, &tok, &len))
		return lb_why(why, whylen, "pms needs a month (YYYY-MM) and "
		    "two dates");
	if (read_month(tok, len, &year, &month, why, whylen) == -1)
		return -1;
	if (!token(cur, &tok, &len))
		return lb_why(why, whylen, "pms needs a preliminary and a due "
		    "date after the month");
	if (read_date(tok, len, "preliminary date", &prel, why,
	    whylen) == -1)
		return -1;
	if (!token(cur, &tok, &len))
		return lb_why(why, whylen, "pms needs a due date after the "
		    "preliminary date");
	if (read_date(tok, len, "due date", &due, why, whylen) == -1)
		return -1;
	if (token(cur, &tok, &len))
		return lb_why(why, whylen, "unexpected %s after the due date",
		    lb_utf8_quote(q, sizeof(q), tok, len));
	if (pass == 1 &&
	    lb_cal_pms_publish(cal, year, month, prel, due, &err) == -1)
		return lb_why(why, whylen, "%s", err.msg);
	return 0;
}

static int
read_line(struct lb_calendar *cal, const char *s, size_t n, int pass,
    unsigned long *entries, char *why, size_t whylen)
{
	struct cursor	 cur;
	struct lb_err	 err;
	const char	*tok, *name;
	size_t		 len, namelen;
	int64_t		 day;
	char		 q[48], buf[LB_HOLIDAY_NAME];

	cur.p = s;
	cur.end = s + n;
	if (!token(&cur, &tok, &len) || tok[0] == '#')
		return 0;
	if (pass == 0 && ++*entries > LB_CAL_ENTRIES_MAX)
		return lb_why(why, whylen, "more than %d entries",
		    LB_CAL_ENTRIES_MAX);
	if (word_is(tok, len, "pms"))
		return read_pms(cal, &cur, pass, why, whylen);
	if (pass == 1)
		return 0;
	if (!lb_is_digit((unsigned char)tok[0]))
		return lb_why(why, whylen, "unknown word %s: expected a date "
		    "(YYYY-MM-DD) or pms", lb_utf8_quote(q, sizeof(q), tok,
		    len));
	if (read_date(tok, len, "date", &day, why, whylen) == -1)
		return -1;
	if (!token(&cur, &tok, &len))
		return lb_why(why, whylen, "expected closed or open after the "
		    "date");
	if (word_is(tok, len, "open")) {
		if (token(&cur, &tok, &len))
			return lb_why(why, whylen, "unexpected %s after open",
			    lb_utf8_quote(q, sizeof(q), tok, len));
		if (lb_cal_open(cal, day, &err) == -1)
			return lb_why(why, whylen, "%s", err.msg);
		return 0;
	}
	if (!word_is(tok, len, "closed"))
		return lb_why(why, whylen, "unknown word %s: expected closed "
		    "or open", lb_utf8_quote(q, sizeof(q), tok, len));
	name = cur.p;
	namelen = (size_t)(cur.end - cur.p);
	lb_trim(&name, &namelen);
	if (namelen == 0)
		return lb_why(why, whylen, "closed needs a name");
	if (namelen >= sizeof(buf))
		return lb_why(why, whylen, "closure name longer than %d bytes",
		    LB_HOLIDAY_NAME - 1);
	memcpy(buf, name, namelen);
	buf[namelen] = '\0';
	if (lb_cal_close(cal, day, buf, &err) == -1)
		return lb_why(why, whylen, "%s", err.msg);
	return 0;
}

int
lb_cal_read(struct lb_calendar *cal, const char *text, size_t n,
    unsigned long *line, char *why, size_t whylen)
{
	struct lb_calendar	*tmp;
	const char		*s, *eol;
	size_t			 pos, len, bad;
	unsigned long		 lineno = 0, entries = 0;
	int			 pass;

	assert(cal != NULL && line != NULL);
	*line = 0;
	if (text == NULL && n > 0)
		return lb_why(why, whylen, "no text");
	if ((tmp = cal_clone(cal)) == NULL)
		return lb_why(why, whylen, "out of memory");
	for (pass = 0; pass < 2; pass++) {
		pos = 0;
		lineno = 0;
		while (pos < n) {
			lineno++;
			s = text + pos;
			eol = memchr(s, '\n', n - pos);
			len = eol != NULL ? (size_t)(eol - s) : n - pos;
			pos += len + (eol != NULL);
			if (len > 0 && s[len - 1] == '\r')
				len--;
			if (pass == 0) {
				if (len > LB_CAL_LINE_MAX) {
					lb_why(why, whylen, "line longer than "
					    "%d bytes", LB_CAL_LINE_MAX);
					goto fail;
				}
				if (memchr(s, '\0', len) != NULL) {
					lb_why(why, whylen, "NUL byte in line");
					goto fail;
				}
				if (lb_utf8_validate(s, len, &bad) == -1) {
					lb_why(why, whylen, "invalid UTF-8 at "
					    "byte %zu", bad + 1);
					goto fail;
				}
			}
			if (read_line(tmp, s, len, pass, &entries, why,
			    whylen) == -1)
				goto fail;
		}
	}
	free(cal->closed);
	free(cal->opened);
	free(cal->pms);
	*cal = *tmp;
	free(tmp);
	return 0;
fail:
	*line = lineno;
	lb_cal_free(tmp);
	return -1;
}

const char *
lb_cal_builtin(size_t *len)
{
	*len = sizeof(builtin_calendar) - 1;
	return builtin_calendar;
}

struct lb_calendar *
lb_cal_new_default(void)
{
	struct lb_calendar	*cal;
	unsigned long		 line;
	size_t			 n;
	const char		*t = lb_cal_builtin(&n);

	if ((cal = lb_cal_new()) == NULL)
		return NULL;
	/* The built-in data is tested to read; a failure is a bug. */
	if (lb_cal_read(cal, t, n, &line, NULL, 0) == -1) {
		assert(0 && "built-in calendar data does not read");
		lb_cal_free(cal);
		return NULL;
	}
	return cal;
}
