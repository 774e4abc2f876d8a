/*
 * test_tz.c: table-driven tests of the TZif parser and the conversions
 * (tz.c): offsets and abbreviations on both sides of the US DST changes
 * of 2026 (and in 2040, past the files' last transition, where the POSIX
 * footer rules), the southern hemisphere, local times in the spring-
 * forward gap (moved forward) and the fall-back overlap (the earlier
 * instant), the end of a local day, input without an offset read in the
 * zone or refused without one, the calendar's range, and broken files.
 *
 * The zones are the tzdata 2025b files kept in fuzz/corpus/tz/, so the
 * expected values do not move with the machine's tzdata.  Expected
 * instants were worked out by hand from the US rule (second Sunday of
 * March, first Sunday of November, at 02:00 local).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "tz.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define CORPUS		"fuzz/corpus/tz/"

static unsigned char	*file_buf;
static size_t		 file_len;

static void
load(const char *name)
{
	char	 path[256];
	FILE	*f;
	long	 n;

	(void)snprintf(path, sizeof(path), "%s%s", CORPUS, name);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	free(file_buf);
	file_buf = malloc((size_t)n + 1);
	assert_non_null(file_buf);
	file_len = fread(file_buf, 1, (size_t)n, f);
	assert_int_equal(file_len, (size_t)n);
	fclose(f);
}

static struct lb_tz *
zone(const char *name)
{
	struct lb_tz	*tz = NULL;
	char		 why[160];

	load(name);
	if (lb_tz_parse(file_buf, file_len, &tz, why, sizeof(why)) == -1)
		fail_msg("%s: %s", name, why);
	return tz;
}

static int64_t
at(const char *s)
{
	int64_t	t;

	assert_int_equal(lb_time_parse(s, strlen(s), &t, NULL, 0), 0);
	return t;
}

static void
test_offsets(void **state)
{
	static const struct {
		const char	*zone, *utc;
		int32_t		 off;
		const char	*abbr;
		int		 dst;
	} cases[] = {
		{ "America_Chicago", "2026-03-08T07:59:59Z", -6 * 3600, "CST", 0 },
		{ "America_Chicago", "2026-03-08T08:00:00Z", -5 * 3600, "CDT", 1 },
		{ "America_Chicago", "2026-11-01T06:59:59Z", -5 * 3600, "CDT", 1 },
		{ "America_Chicago", "2026-11-01T07:00:00Z", -6 * 3600, "CST", 0 },
		{ "America_Los_Angeles", "2026-12-04T20:00:00Z", -8 * 3600,
		    "PST", 0 },
		{ "America_Los_Angeles", "2026-07-04T20:00:00Z", -7 * 3600,
		    "PDT", 1 },
		/* 2040: after the last transition, the footer's rule. */
		{ "America_Chicago", "2040-03-11T07:59:59Z", -6 * 3600, "CST", 0 },
		{ "America_Chicago", "2040-03-11T08:00:00Z", -5 * 3600, "CDT", 1 },
		{ "America_Chicago", "2199-12-31T12:00:00Z", -6 * 3600, "CST", 0 },
		/* Southern hemisphere: daylight time across the new year. */
		{ "Australia_Sydney", "2026-01-15T00:00:00Z", 11 * 3600, "AEDT",
		    1 },
		{ "Australia_Sydney", "2026-07-15T00:00:00Z", 10 * 3600, "AEST",
		    0 },
		{ "Australia_Sydney", "2045-01-15T00:00:00Z", 11 * 3600, "AEDT",
		    1 },
		{ "Asia_Kolkata", "2026-12-04T00:00:00Z", 19800, "IST", 0 },
		{ "UTC", "2026-12-04T00:00:00Z", 0, "UTC", 0 },
		/* Version 1 data only (32-bit, no footer). */
		{ "v1only", "2026-07-04T20:00:00Z", -5 * 3600, "CDT", 1 },
	};
	struct lb_tz	*tz;
	const char	*abbr;
	size_t		 i;
	int		 dst;

	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s %s\n", cases[i].zone, cases[i].utc);
		tz = zone(cases[i].zone);
		assert_int_equal(lb_tz_utc_offset(tz, at(cases[i].utc), &abbr,
		    &dst), cases[i].off);
		assert_string_equal(abbr, cases[i].abbr);
		assert_int_equal(dst, cases[i].dst);
		lb_tz_free(tz);
	}
}

static void
test_local_to_utc(void **state)
{
	static const struct {
		const char	*local, *utc;
		int		 how;
		const char	*why;
	} cases[] = {
		{ "2026-12-04T09:00:00", "2026-12-04T15:00:00Z", LB_TZ_UNIQUE,
		    "winter" },
		{ "2026-07-04T09:00:00", "2026-07-04T14:00:00Z", LB_TZ_UNIQUE,
		    "summer" },
		{ "2026-03-08T01:59:59", "2026-03-08T07:59:59Z", LB_TZ_UNIQUE,
		    "just before the gap" },
		{ "2026-03-08T02:30:00", "2026-03-08T08:30:00Z", LB_TZ_GAP,
		    "in the gap: moved forward to 03:30 CDT" },
		{ "2026-03-08T03:00:00", "2026-03-08T08:00:00Z", LB_TZ_UNIQUE,
		    "just after the gap" },
		{ "2026-11-01T01:30:00", "2026-11-01T06:30:00Z", LB_TZ_OVERLAP,
		    "twice: the earlier, CDT" },
		{ "2026-11-01T02:00:00", "2026-11-01T08:00:00Z", LB_TZ_UNIQUE,
		    "after the overlap" },
		{ "2040-03-11T02:30:00", "2040-03-11T08:30:00Z", LB_TZ_GAP,
		    "the footer's gap" },
		{ "2040-11-04T01:30:00", "2040-11-04T06:30:00Z", LB_TZ_OVERLAP,
		    "the footer's overlap" },
	};
	struct lb_tz	*tz = zone("America_Chicago");
	int64_t		 local;
	size_t		 i;
	int		 how;

	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].why);
		local = at(cases[i].local);	/* read as if UTC: wall time */
		assert_int_equal(lb_tz_local_to_utc(tz, local, &how),
		    at(cases[i].utc));
		assert_int_equal(how, cases[i].how);
	}
	/* The end of a local day: midnight of the next, in the zone. */
	assert_int_equal(lb_tz_day_end(tz, lb_days_from_civil(2026, 12, 4)),
	    at("2026-12-05T06:00:00Z"));
	/* The day DST starts is 23 hours long. */
	assert_int_equal(lb_tz_day_end(tz, lb_days_from_civil(2026, 3, 8)) -
	    lb_tz_day_end(tz, lb_days_from_civil(2026, 3, 7)), 23 * 3600);
	assert_int_equal(lb_tz_local_day(tz, at("2026-12-05T05:59:59Z")),
	    lb_days_from_civil(2026, 12, 4));
	lb_tz_free(tz);
	assert_int_equal(lb_tz_local_to_utc(NULL, 1000, NULL), 1000);
}

static void
test_parse_input(void **state)
{
	static const struct {
		const char	*in;
		int		 zone, rc;
		const char	*utc, *why;
	} cases[] = {
		{ "2026-12-04T09:00", 1, 0, "2026-12-04T15:00:00Z",
		    "no offset: read in Chicago" },
		{ "2026-12-04 09:00:00", 1, 0, "2026-12-04T15:00:00Z",
		    "a space for the T" },
		{ "2026-12-04T09:00:00Z", 1, 0, "2026-12-04T09:00:00Z",
		    "Z is UTC whatever the zone" },
		{ "2026-12-04T09:00:00-05:00", 1, 0, "2026-12-04T14:00:00Z",
		    "an offset wins" },
		{ "2026-12-04", 1, 0, "2026-12-04T06:00:00Z",
		    "a date: local midnight" },
		{ "2026-12-04T09:00", 0, -1, NULL, "no zone set: refused" },
		{ "2026-12-04T09:00Z", 0, 0, "2026-12-04T09:00:00Z",
		    "no zone set, but an offset given" },
		{ "1926-12-02T00:00:00Z", 1, -1, NULL, "before 1971" },
		{ "1970-12-31T23:00:00-06:00", 1, 0, "1971-01-01T05:00:00Z",
		    "1971 in UTC" },
		{ "2199-12-31T23:00:00-06:00", 1, -1, NULL, "2200 in UTC" },
		{ "2026-02-30T09:00", 1, -1, NULL, "not a date" },
	};
	struct lb_tz	*tz = zone("America_Chicago");
	char		 why[200];
	int64_t		 t;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].why);
		why[0] = '\0';
		assert_int_equal(lb_tz_time_parse(cases[i].zone ? tz : NULL,
		    cases[i].in, strlen(cases[i].in), &t, why, sizeof(why)),
		    cases[i].rc);
		if (cases[i].rc == 0)
			assert_int_equal(t, at(cases[i].utc));
		else
			assert_true(why[0] != '\0');
	}
	assert_int_equal(lb_tz_time_parse(NULL, "2026-12-04T09:00", 16, &t,
	    why, sizeof(why)), -1);
	assert_non_null(strstr(why, "lifeboat config set timezone"));
	lb_tz_free(tz);
}

static void
test_format(void **state)
{
	struct lb_tz	*tz = zone("America_Chicago");
	char		 h[LB_TZ_HUMAN_STRLEN], r[LB_TZ_RFC3339_STRLEN];

	lb_tz_format(tz, at("2026-12-04T15:05:09Z"), 0, h, sizeof(h));
	assert_string_equal(h, "2026-12-04 09:05 CST");
	lb_tz_format(tz, at("2026-07-04T15:05:09Z"), 1, h, sizeof(h));
	assert_string_equal(h, "2026-07-04 10:05:09 CDT");
	lb_tz_format_rfc3339(tz, at("2026-12-04T15:05:09Z"), r);
	assert_string_equal(r, "2026-12-04T09:05:09-06:00");
	lb_tz_format_rfc3339(NULL, at("2026-12-04T15:05:09Z"), r);
	assert_string_equal(r, "2026-12-04T15:05:09+00:00");
	lb_tz_format(NULL, at("2026-12-04T15:05:09Z"), 0, h, sizeof(h));
	assert_string_equal(h, "2026-12-04 15:05 UTC");
	lb_tz_free(tz);
}

static void
test_broken(void **state)
{
	static const char *const names[] = {
		"truncated", "badmagic", "hugecount", "badversion",
		"badfooter", "empty",
	};
	struct lb_tz	*tz;
	char		 why[160];
	size_t		 i, cut;

	for (i = 0; i < NELEM(names); i++) {
		print_message("%s\n", names[i]);
		load(names[i]);
		tz = (struct lb_tz *)1;
		why[0] = '\0';
		assert_int_equal(lb_tz_parse(file_buf, file_len, &tz, why,
		    sizeof(why)), -1);
		assert_null(tz);
		assert_true(why[0] != '\0');
	}
	/* Every prefix of a real file is refused, never read past. */
	load("America_Chicago");
	for (cut = 0; cut + 1 < file_len; cut += 7) {
		assert_int_equal(lb_tz_parse(file_buf, cut, &tz, why,
		    sizeof(why)), -1);
		assert_null(tz);
	}
	free(file_buf);
	file_buf = NULL;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_local_to_utc),
		cmocka_unit_test(test_parse_input),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_broken),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
