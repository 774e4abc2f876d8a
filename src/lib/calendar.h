/*
 * calendar.h: the working-day calendar of CBP deadlines (CBP.md section 4):
 * the federal holidays of 5 U.S.C. 6103 by rule, one-off closures and
 * rule holidays declared open, working-day arithmetic, and the Periodic
 * Monthly Statement dates.  Pure: no I/O, no clock.
 *
 * Days are counts of days since 1970-01-01 (date.h).  The calendar covers
 * the years LB_CAL_YEAR_MIN..LB_CAL_YEAR_MAX; every function refuses
 * anything outside with -1.
 *
 * A struct lb_calendar holds the rules plus its dated changes.  It is
 * owned by its creator and released with lb_cal_free.  Functions taking a
 * const calendar only read it, so any number of threads may call them at
 * once as long as nobody changes the calendar meanwhile.  Invariants kept
 * by every change: a closure is a weekday that is not already a holiday;
 * an opened day is an observed rule holiday; published PMS dates are
 * working days of their month, the preliminary before the due date; no
 * change ever makes a published PMS date a non-working day.  A refused
 * change leaves the calendar as it was.
 */
#ifndef LB_CALENDAR_H
#define LB_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define LB_CAL_YEAR_MIN		1971
#define LB_CAL_YEAR_MAX		2199

#define LB_HOLIDAY_NAME		48	/* name bytes and NUL */
/* lb_holidays_by_rule never lists more than this for a year. */
#define LB_HOLIDAYS_MAX		12
/* Room that lb_cal_holidays always finds enough (one entry a day). */
#define LB_CAL_HOLIDAYS_MAX	366
/* Closures, openings and published months together, per calendar. */
#define LB_CAL_ENTRIES_MAX	10000
/* Longest line lb_cal_read accepts, without its line end. */
#define LB_CAL_LINE_MAX		512

struct lb_holiday {
	int64_t	 day;
	char	 name[LB_HOLIDAY_NAME];
	int	 observed;	/* 1 when moved off a weekend */
};

/*
 * The federal holidays of 5 U.S.C. 6103 for one year, by rule, on their
 * observed dates (Saturday -> the Friday before, Sunday -> the Monday
 * after), each only from the year it exists: Martin Luther King Jr. Day
 * from 1986, Juneteenth from 2021, Veterans Day on the 4th Monday of
 * October in 1971-1977 and on 11 November from 1978.  A holiday belongs to
 * its own year, as OPM's tables list them: when 1 January is a Saturday,
 * New Year's Day is observed on 31 December of the year before and listed
 * first in this year's list (New Year's Day 2028: 2027-12-31, in 2028).  Inauguration Day (6103(c)) is left out: it
 * is a holiday only around Washington, D.C.
 *
 * Fills out (sorted by day) and returns the count; -1 when the year is
 * outside LB_CAL_YEAR_MIN..LB_CAL_YEAR_MAX or the list would not fit in
 * max entries (LB_HOLIDAYS_MAX always fits).
 */
int	 lb_holidays_by_rule(int year, struct lb_holiday *out, size_t max);

struct lb_calendar;

/* A calendar of the rules alone; NULL when out of memory. */
struct lb_calendar *lb_cal_new(void);
/* NULL is allowed. */
void	 lb_cal_free(struct lb_calendar *);

/*
 * A one-off closure (a national day of mourning): not a working day.  The
 * day must be a weekday in range, not already a holiday or closure, and
 * not a published PMS date; name is 1..47 bytes of UTF-8 without control
 * characters.  0, or -1 with *err set (err may be NULL).
 */
int	 lb_cal_close(struct lb_calendar *, int64_t day, const char *name,
	    struct lb_err *err);
/*
 * Declare the observed date of a rule holiday a working day.  The day must
 * be a rule holiday not yet opened.  0, or -1 with *err set.
 */
int	 lb_cal_open(struct lb_calendar *, int64_t day, struct lb_err *err);
/*
 * CBP's published PMS dates for the statement month (year, month); they
 * win over the computed ones.  Both days must be working days of that
 * month, preliminary before due, and the month not published yet.  0, or
 * -1 with *err set.
 */
int	 lb_cal_pms_publish(struct lb_calendar *, int year, int month,
	    int64_t preliminary, int64_t due, struct lb_err *err);

/*
 * 1 for a working day, 0 for a day off, -1 for a day out of range.  *why
 * (why may be NULL) becomes NULL for a working day, else "Saturday",
 * "Sunday", the holiday's name or the closure's name.  A closure's name
 * stays valid until the calendar is next changed or freed; the others are
 * static.
 */
int	 lb_cal_is_workday(const struct lb_calendar *, int64_t day,
	    const char **why);
/*
 * *out = the day n >= 0 working days after day: the day itself never
 * counts, n = 0 gives day back unchanged (even a day off).  0, or -1 when
 * n < 0 or day or the result is out of range (*out untouched).
 */
int	 lb_cal_add_workdays(const struct lb_calendar *, int64_t day, int n,
	    int64_t *out);
/*
 * The holidays of a year (observed dates) with openings removed and
 * closures added (observed 0), sorted.  Count, or -1 for a year out of
 * range or when max is too small (LB_CAL_HOLIDAYS_MAX always fits).
 */
int	 lb_cal_holidays(const struct lb_calendar *, int year,
	    struct lb_holiday *out, size_t max);
/*
 * PMS dates of the statement month (year, month), the month in which the
 * statement is issued and paid (it covers goods released in the month
 * before): the published dates if any (*published = 1), else the 11th
 * working day of the month as preliminary and the 15th as due
 * (*published = 0).  published may be NULL.  0, or -1 when the month is
 * out of range or (after closures) has fewer than 15 working days.
 */
int	 lb_cal_pms(const struct lb_calendar *, int year, int month,
	    int64_t *preliminary, int64_t *due, int *published);

/*
 * Read a calendar file held in memory (text, n bytes of anything) into
 * the calendar.  UTF-8, one entry a line ("\n" or "\r\n"); blank lines and
 * lines whose first non-blank byte is '#' are ignored ('#' later in a line
 * is ordinary text, so closure names may hold it).  Fields are separated
 * by spaces or tabs; the words are lowercase.
 *
 *   YYYY-MM-DD closed NAME...            a closure; NAME is the rest of the
 *                                        line, trimmed, 1..47 bytes
 *   YYYY-MM-DD open                      a rule holiday declared open
 *   pms YYYY-MM YYYY-MM-DD YYYY-MM-DD    published preliminary and due
 *
 * Entries apply as lb_cal_close, lb_cal_open and lb_cal_pms_publish do,
 * except that published dates are checked against every closure and
 * opening of the file whatever the order of lines.  Lines longer than
 * LB_CAL_LINE_MAX bytes and files of more than LB_CAL_ENTRIES_MAX entries
 * are refused.
 *
 * 0 on success (*line = 0).  On error -1, the calendar unchanged, *line
 * the number (from 1) of the offending line and why (whylen bytes; why may
 * be NULL; LB_CAL_WHY_MAX is enough) a short reason.
 */
#define LB_CAL_WHY_MAX	200
int	 lb_cal_read(struct lb_calendar *, const char *text, size_t n,
	    unsigned long *line, char *why, size_t whylen);

/*
 * The built-in calendar data (data/calendar/us-federal.cal: closures by
 * executive order since 2024 and CBP's published PMS dates for 2025, each
 * with its source), in lb_cal_read's format; static, len bytes.
 */
const char *lb_cal_builtin(size_t *len);
/* lb_cal_new with the built-in data read: the calendar in force when no
 * calendar file is given or stored.  NULL when out of memory. */
struct lb_calendar *lb_cal_new_default(void);

#endif
