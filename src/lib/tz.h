/*
 * tz.h: time zones from TZif files (RFC 8536), without libc's global TZ.
 * Pure: the caller reads the file (zone.h does, for the vault) and hands
 * the bytes in; nothing here reads a clock, a file or the environment.
 *
 * lb_tz_parse reads versions 1 to 4: for version 2 and later it uses the
 * 64-bit data and the POSIX TZ string of the footer, which rules the
 * instants after the last transition (Mm.w.d, Jn and n rules, times from
 * -167 to 167 hours as version 3 allows).  Every count in the file is
 * bounded (LB_TZ_MAX_*), so a hostile file costs at most a few hundred
 * kilobytes and is refused with a reason.  Leap-second records are read
 * past and ignored: Lifeboat's instants are POSIX seconds.
 *
 * A struct lb_tz is immutable once parsed: any number of threads may use
 * one at once.  The owner frees it with lb_tz_free.  A NULL zone means UTC
 * in every function below.
 *
 * Local times are seconds since 1970-01-01T00:00:00 on the local wall
 * clock.  lb_tz_local_to_utc resolves the two awkward cases so: a wall
 * time that happens twice (the fall-back hour) is the EARLIER instant; a
 * wall time that never happens (the spring-forward gap) moves forward by
 * the length of the gap (02:30 on a spring-forward night in Chicago is
 * 03:30 CDT).
 */
#ifndef LB_TZ_H
#define LB_TZ_H

#include <stddef.h>
#include <stdint.h>

#define LB_TZ_MAX_FILE	(256 * 1024)	/* bytes of a TZif file */
#define LB_TZ_MAX_TIMES	4000		/* transitions */
#define LB_TZ_MAX_TYPES	256		/* local time types */
#define LB_TZ_MAX_CHARS	512		/* abbreviation bytes */
#define LB_TZ_MAX_LEAPS	100		/* leap-second records */
#define LB_TZ_MAX_FOOTER 128		/* POSIX TZ string bytes */
#define LB_TZ_ABBR_MAX	16		/* an abbreviation and NUL */

/* Offsets beyond a day either way are refused (none is real). */
#define LB_TZ_MAX_OFFSET	(26 * 3600)

struct lb_tz;

/*
 * Parse a TZif file of len bytes.  0 and *out (free with lb_tz_free), or
 * -1 with a short reason in why (whylen bytes, may be NULL).
 */
int	 lb_tz_parse(const unsigned char *bytes, size_t len, struct lb_tz **out,
	    char *why, size_t whylen);
void	 lb_tz_free(struct lb_tz *);

/*
 * The offset from UTC (seconds, east positive) in force at utc_secs;
 * *abbr (when not NULL) the abbreviation ("CST"), *isdst (when not NULL)
 * whether it is daylight time.  The abbreviation stays valid as long as
 * the zone.
 */
int32_t	 lb_tz_utc_offset(const struct lb_tz *, int64_t utc_secs,
	    const char **abbr, int *isdst);

/* How lb_tz_local_to_utc resolved a local time. */
#define LB_TZ_UNIQUE	0
#define LB_TZ_OVERLAP	1	/* it happened twice: the earlier instant */
#define LB_TZ_GAP	2	/* it never happened: moved forward */

/* The instant of a local wall-clock time; *how (may be NULL) says how. */
int64_t	 lb_tz_local_to_utc(const struct lb_tz *, int64_t local_secs,
	    int *how);

/* The local day (days since 1970-01-01) of an instant. */
int64_t	 lb_tz_local_day(const struct lb_tz *, int64_t utc_secs);
/* The instant the local day ends: the start of the next local day. */
int64_t	 lb_tz_day_end(const struct lb_tz *, int64_t local_day);

/*
 * An ISO 8601 date-time as lb_time_parse reads it, except that one
 * without an offset is a wall-clock time in tz.  With tz NULL such input
 * is refused ("no time zone set...").  The instant must fall in the years
 * of the calendar (LB_DATE_CAL_YEAR_MIN..MAX, date.h).  0, or -1 with why.
 */
int	 lb_tz_time_parse(const struct lb_tz *, const char *s, size_t n,
	    int64_t *secs, char *why, size_t whylen);

/*
 * An instant for people, in the zone: "2026-12-04 14:05 CST" (minutes) or
 * with seconds "2026-12-04 14:05:09 CST"; UTC zone shows "UTC".  At least
 * LB_TZ_HUMAN_STRLEN bytes; "" when out of the 4-digit years.
 */
#define LB_TZ_HUMAN_STRLEN	40
void	 lb_tz_format(const struct lb_tz *, int64_t utc_secs, int seconds,
	    char *out, size_t len);
/* RFC 3339 with the zone's offset: "2026-12-04T14:05:09-06:00". */
#define LB_TZ_RFC3339_STRLEN	26
void	 lb_tz_format_rfc3339(const struct lb_tz *, int64_t utc_secs,
	    char out[LB_TZ_RFC3339_STRLEN]);

#endif
