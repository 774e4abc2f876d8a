/*
 * date.c: the proleptic Gregorian calendar as day counts, and strict
 * parsing and formatting of ISO 8601 dates and UTC instants.  The day count
 * conversions are Howard Hinnant's era-based algorithms ("chrono-compatible
 * low-level date algorithms"), reimplemented in 64-bit arithmetic so that
 * no intermediate overflows within LB_DAYS_LIMIT.  Pure: no clock, no I/O.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "text.h"

#define SECS_PER_DAY	INT64_C(86400)

/* Day counts of 0000-01-01 and 10000-01-01: the 4-digit year range. */
#define DAYS_YEAR0	INT64_C(-719528)
#define DAYS_YEAR10000	INT64_C(2932897)

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Describe byte c for a message: 'x', space, or byte 0xNN. */
static const char *
chdesc(unsigned char c, char buf[12])
{
	if (c == ' ')
		(void)snprintf(buf, 12, "space");
	else if (c > ' ' && c < 0x7f)
		(void)snprintf(buf, 12, "'%c'", c);
	else
		(void)snprintf(buf, 12, "byte 0x%02x", c);
	return buf;
}

/* Value of the k decimal digits at s, which the caller has checked. */
static int
digits_value(const char *s, size_t k)
{
	int	v = 0;
	size_t	i;

	for (i = 0; i < k; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int64_t
lb_days_from_civil(int y, int m, int d)
{
	int64_t	yy, era, yoe, doy, doe;

	assert(m >= 1 && m <= 12);
	assert(d >= 1 && d <= 31);
	/* Years start on 1 March so that the leap day ends the year. */
	yy = (int64_t)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;				/* 0..399 */
	doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;	/* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * 146097 + doe - 719468;
}

void
lb_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t	z, era, doe, yoe, yy, doy, mp, mm;

	assert(days >= -LB_DAYS_LIMIT && days <= LB_DAYS_LIMIT);
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	mm = mp < 10 ? mp + 3 : mp - 9;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)mm;
	*y = (int)(yy + (mm <= 2));
}

int
lb_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
lb_days_in_month(int y, int m)
{
	static const int	dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && lb_is_leap(y))
		return 29;
	return dim[m - 1];
}

int
lb_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday; days % 7 is in -6..6. */
	return (int)((days % 7 + 11) % 7);
}

/* The date in the first 10 bytes of s; the caller checked n >= 10. */
static int
date_parse10(const char *s, int64_t *days, char *why, size_t whylen)
{
	char	c[12];
	size_t	i;
	int	y, m, d, dim;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-') {
				(void)lb_why(why, whylen, "expected '-' at position "
				    "%zu of YYYY-MM-DD, got %s", i + 1,
				    chdesc((unsigned char)s[i], c));
				return -1;
			}
		} else if (!lb_is_digit((unsigned char)s[i])) {
			(void)lb_why(why, whylen, "expected a digit at position "
			    "%zu of YYYY-MM-DD, got %s", i + 1,
			    chdesc((unsigned char)s[i], c));
			return -1;
		}
	}
	y = digits_value(s, 4);
	m = digits_value(s + 5, 2);
	d = digits_value(s + 8, 2);
	if (y < LB_DATE_YEAR_MIN || y > LB_DATE_YEAR_MAX) {
		(void)lb_why(why, whylen, "year %d out of range %d-%d", y,
		    LB_DATE_YEAR_MIN, LB_DATE_YEAR_MAX);
		return -1;
	}
	if (m < 1 || m > 12) {
		(void)lb_why(why, whylen, "month %d out of range", m);
		return -1;
	}
	dim = lb_days_in_month(y, m);
	if (d < 1) {
		(void)lb_why(why, whylen, "day %d out of range", d);
		return -1;
	}
	if (m == 2 && d == 29 && dim == 28) {
		(void)lb_why(why, whylen, "%04d-02-29 is not a date: %d is not a "
		    "leap year", y, y);
		return -1;
	}
	if (d > dim) {
		(void)lb_why(why, whylen, "%04d-%02d-%02d is not a date: %s has "
		    "%d days", y, m, d, month_names[m - 1], dim);
		return -1;
	}
	*days = lb_days_from_civil(y, m, d);
	return 0;
}

int
lb_date_parse(const char *s, size_t n, int64_t *days, char *why,
    size_t whylen)
{
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "date is empty");
		return -1;
	}
	if (n != 10) {
		(void)lb_why(why, whylen, "expected YYYY-MM-DD (10 characters), "
		    "got %zu", n);
		return -1;
	}
	return date_parse10(s, days, why, whylen);
}

/* Digits by hand: reports format millions of dates. */
static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

/* "YYYY-MM-DD" (no NUL) for a year 0..9999. */
static void
put_date(char *p, int y, int m, int d)
{
	put2(p, y / 100);
	put2(p + 2, y % 100);
	p[4] = '-';
	put2(p + 5, m);
	p[7] = '-';
	put2(p + 8, d);
}

void
lb_date_format(int64_t days, char out[LB_DATE_STRLEN])
{
	int	y, m, d;

	out[0] = '\0';
	if (days < DAYS_YEAR0 || days >= DAYS_YEAR10000)
		return;
	lb_civil_from_days(days, &y, &m, &d);
	put_date(out, y, m, d);
	out[10] = '\0';
}

int
lb_date_paper(const char *iso, size_t n, char out[LB_DATE_STRLEN])
{
	int64_t	days;

	out[0] = '\0';
	if (n != 10 || lb_date_parse(iso, n, &days, NULL, 0) == -1)
		return -1;
	memcpy(out, iso + 5, 2);
	out[2] = '/';
	memcpy(out + 3, iso + 8, 2);
	out[5] = '/';
	memcpy(out + 6, iso, 4);
	out[10] = '\0';
	return 0;
}

/*
 * Two digits, a range check and a message naming the field; pos is the
 * 0-based index of the first digit in s.
 */
static int
two_digits(const char *s, size_t n, size_t pos, const char *field, int max,
    int *v, char *why, size_t whylen)
{
	char	c[12];
	size_t	i;

	for (i = pos; i < pos + 2; i++) {
		if (i >= n) {
			(void)lb_why(why, whylen, "%s is cut short at position %zu",
			    field, i + 1);
			return -1;
		}
		if (!lb_is_digit((unsigned char)s[i])) {
			(void)lb_why(why, whylen, "%s needs 2 digits: %s at "
			    "position %zu", field, chdesc((unsigned char)s[i],
			    c), i + 1);
			return -1;
		}
	}
	*v = digits_value(s + pos, 2);
	if (*v > max) {
		(void)lb_why(why, whylen, "%s %02d out of range 00-%02d", field, *v,
		    max);
		return -1;
	}
	return 0;
}

/* Expect byte want at s[pos]. */
static int
expect(const char *s, size_t n, size_t pos, char want, const char *after,
    char *why, size_t whylen)
{
	char	c[12];

	if (pos >= n) {
		(void)lb_why(why, whylen, "expected '%c' after the %s, got the end",
		    want, after);
		return -1;
	}
	if (s[pos] != want) {
		(void)lb_why(why, whylen, "expected '%c' after the %s at position "
		    "%zu, got %s", want, after, pos + 1,
		    chdesc((unsigned char)s[pos], c));
		return -1;
	}
	return 0;
}

int
lb_date_check_range(int64_t days, char *why, size_t whylen)
{
	char	d[LB_DATE_STRLEN];

	if (days >= lb_days_from_civil(LB_DATE_CAL_YEAR_MIN, 1, 1) &&
	    days <= lb_days_from_civil(LB_DATE_CAL_YEAR_MAX, 12, 31))
		return 0;
	lb_date_format(days, d);
	(void)lb_why(why, whylen, "%s is outside the years %d-%d of the "
	    "calendar", d[0] != '\0' ? d : "the date",
	    LB_DATE_CAL_YEAR_MIN, LB_DATE_CAL_YEAR_MAX);
	return -1;
}

int
lb_time_check_range(int64_t secs, char *why, size_t whylen)
{
	int64_t	days = secs / SECS_PER_DAY;

	if (secs % SECS_PER_DAY < 0)
		days--;
	return lb_date_check_range(days, why, whylen);
}

int
lb_time_parse(const char *s, size_t n, int64_t *secs, char *why,
    size_t whylen)
{
	int	zoned;

	return lb_time_parse_zoned(s, n, secs, &zoned, why, whylen);
}

int
lb_time_parse_zoned(const char *s, size_t n, int64_t *secs, int *zoned,
    char *why, size_t whylen)
{
	char	c[12];
	int64_t	days, off = 0;
	size_t	i;
	int	hh, mi, ss = 0, oh, om;

	*zoned = 0;
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "date and time is empty");
		return -1;
	}
	if (n < 10) {
		(void)lb_why(why, whylen, "expected YYYY-MM-DD or "
		    "YYYY-MM-DDTHH:MM[:SS], got %zu characters", n);
		return -1;
	}
	if (date_parse10(s, &days, why, whylen) == -1)
		return -1;
	if (n == 10) {
		*secs = days * SECS_PER_DAY;
		return 0;
	}
	if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') {
		(void)lb_why(why, whylen, "expected 'T' or a space after the date, "
		    "got %s", chdesc((unsigned char)s[10], c));
		return -1;
	}
	if (two_digits(s, n, 11, "hour", 23, &hh, why, whylen) == -1 ||
	    expect(s, n, 13, ':', "hour", why, whylen) == -1 ||
	    two_digits(s, n, 14, "minute", 59, &mi, why, whylen) == -1)
		return -1;
	i = 16;
	if (i < n && s[i] == ':') {
		if (two_digits(s, n, i + 1, "second", 59, &ss, why,
		    whylen) == -1) {
			if (i + 2 < n && s[i + 1] == '6' && s[i + 2] == '0')
				(void)lb_why(why, whylen, "second 60 out of range: "
				    "leap seconds are not supported");
			return -1;
		}
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			i++;
			if (i >= n || !lb_is_digit((unsigned char)s[i])) {
				(void)lb_why(why, whylen, "expected a digit after "
				    "the decimal mark at position %zu", i + 1);
				return -1;
			}
			while (i < n && lb_is_digit((unsigned char)s[i]))
				i++;
		}
	}
	if (i < n) {
		*zoned = 1;
		if (s[i] == 'Z' || s[i] == 'z') {
			i++;
		} else if (s[i] == '+' || s[i] == '-') {
			if (two_digits(s, n, i + 1, "offset hour", 23, &oh,
			    why, whylen) == -1 ||
			    expect(s, n, i + 3, ':', "offset hour", why,
			    whylen) == -1 ||
			    two_digits(s, n, i + 4, "offset minute", 59, &om,
			    why, whylen) == -1)
				return -1;
			off = (int64_t)oh * 3600 + (int64_t)om * 60;
			if (s[i] == '-')
				off = -off;
			i += 6;
		} else {
			(void)lb_why(why, whylen, "expected 'Z', '+HH:MM', '-HH:MM' "
			    "or the end at position %zu, got %s", i + 1,
			    chdesc((unsigned char)s[i], c));
			return -1;
		}
		if (i < n) {
			(void)lb_why(why, whylen, "unexpected %s after the time "
			    "zone at position %zu",
			    chdesc((unsigned char)s[i], c), i + 1);
			return -1;
		}
	}
	/* Local time = UTC + offset, so UTC = local time - offset. */
	*secs = days * SECS_PER_DAY + (int64_t)hh * 3600 + (int64_t)mi * 60 +
	    ss - off;
	return 0;
}

void
lb_time_format(int64_t secs, char out[LB_TIME_STRLEN])
{
	int64_t	days, rem;
	int	y, m, d;

	out[0] = '\0';
	/* Floor division, so that instants before 1970 fall on their day. */
	days = secs / SECS_PER_DAY;
	rem = secs % SECS_PER_DAY;
	if (rem < 0) {
		rem += SECS_PER_DAY;
		days--;
	}
	if (days < DAYS_YEAR0 || days >= DAYS_YEAR10000)
		return;
	lb_civil_from_days(days, &y, &m, &d);
	put_date(out, y, m, d);
	out[10] = 'T';
	put2(out + 11, (int)(rem / 3600));
	out[13] = ':';
	put2(out + 14, (int)(rem / 60 % 60));
	out[16] = ':';
	put2(out + 17, (int)(rem % 60));
	out[19] = 'Z';
	out[20] = '\0';
}
