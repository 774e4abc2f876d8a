/*
 * date.h: calendar dates and UTC instants as plain integers, for the
 * deadline arithmetic of the domain core.  A date is a count of days since
 * 1970-01-01 in the proleptic Gregorian calendar; an instant is a count of
 * seconds since 1970-01-01T00:00:00Z without leap seconds.  Everything is
 * pure: no time zone database, no clock, no libc time functions.
 *
 * Parsers follow the conventions of cbp.h: input (s, n) need not be
 * NUL-terminated and may hold any byte; surrounding ASCII whitespace is
 * trimmed; on failure they return -1 and write a short reason into why
 * (when not NULL, whylen bytes; LB_WHY_MAX of cbp.h is enough).
 */
#ifndef LB_DATE_H
#define LB_DATE_H

#include <stddef.h>
#include <stdint.h>

/* Years that lb_date_parse and lb_time_parse accept. */
#define LB_DATE_YEAR_MIN	1900
#define LB_DATE_YEAR_MAX	2199

/*
 * The years the working-day calendar covers (calendar.h's range): every
 * date or date-time that a deadline is computed from must fall in them.
 * lb_date_check_range and lb_time_check_range are the one check that every
 * entry point (imports, options, API bodies, clocks) applies.
 */
#define LB_DATE_CAL_YEAR_MIN	1971
#define LB_DATE_CAL_YEAR_MAX	2199
/* 0 when the day (or the instant's UTC day) is in those years, else -1
 * and why ("1926-12-01 is outside the years 1971-2199 of the calendar"). */
int	 lb_date_check_range(int64_t days, char *why, size_t whylen);
int	 lb_time_check_range(int64_t secs, char *why, size_t whylen);

/*
 * lb_civil_from_days is exact for |days| <= LB_DAYS_LIMIT (about a billion
 * years either way) and asserts it.
 */
#define LB_DAYS_LIMIT	INT64_C(365000000000)

/* Days since 1970-01-01 of y-m-d; m is 1..12, d is 1..31 (asserted). */
int64_t	 lb_days_from_civil(int y, int m, int d);
/* The inverse of lb_days_from_civil. */
void	 lb_civil_from_days(int64_t days, int *y, int *m, int *d);
int	 lb_is_leap(int y);
/* 28..31, or 0 when m is not 1..12. */
int	 lb_days_in_month(int y, int m);
/* 0 = Sunday .. 6 = Saturday; any days. */
int	 lb_weekday(int64_t days);

#define LB_DATE_STRLEN	11	/* "YYYY-MM-DD" and NUL */

/*
 * Strictly "YYYY-MM-DD", years LB_DATE_YEAR_MIN..LB_DATE_YEAR_MAX, a real
 * calendar date.  *days is set on success.
 */
int	 lb_date_parse(const char *s, size_t n, int64_t *days,
	    char *why, size_t whylen);
/* "YYYY-MM-DD"; "" when the year is outside 0..9999. */
void	 lb_date_format(int64_t days, char out[LB_DATE_STRLEN]);
/* "MM/DD/YYYY", as CBP's paper forms print dates, of a valid
 * "YYYY-MM-DD" of n bytes; -1 (out "") when it is not one. */
int	 lb_date_paper(const char *iso, size_t n, char out[LB_DATE_STRLEN]);

#define LB_TIME_STRLEN	21	/* "YYYY-MM-DDTHH:MM:SSZ" and NUL */

/*
 * ISO 8601 date and time "YYYY-MM-DDTHH:MM[:SS[.fff]]" then "Z", "+HH:MM",
 * "-HH:MM" or nothing; a space (or 't') may stand for the 'T' and 'z' for
 * the 'Z'.  The date part follows lb_date_parse.  A fraction of a second
 * (after '.' or ',') is dropped, not rounded.  An offset is applied, so
 * *secs is UTC; without a zone designator the time is taken to be UTC
 * already.  A plain "YYYY-MM-DD" is midnight UTC.  Hours are 00-23,
 * minutes and seconds 00-59 (no leap second); offsets up to 23:59.
 */
int	 lb_time_parse(const char *s, size_t n, int64_t *secs,
	    char *why, size_t whylen);
/*
 * lb_time_parse, telling whether the input carried a zone designator:
 * when it did not (*zoned = 0), *secs is the wall-clock time as if it were
 * UTC, for the caller to read in a time zone (tz.h).
 */
int	 lb_time_parse_zoned(const char *s, size_t n, int64_t *secs,
	    int *zoned, char *why, size_t whylen);
/* "YYYY-MM-DDTHH:MM:SSZ"; "" when the year is outside 0..9999. */
void	 lb_time_format(int64_t secs, char out[LB_TIME_STRLEN]);

#endif
