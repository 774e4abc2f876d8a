/*
 * fuzz_tz.c: libFuzzer target for the TZif parser (src/lib/tz.c).
 *
 * Parses the input as a TZif file; a refusal must come with a reason.  An
 * accepted zone is then asked for offsets at instants across the years
 * the calendar covers and beyond, and every local time converted back must
 * land on an instant whose wall time is the one asked for, or (in a gap)
 * later; offsets stay within LB_TZ_MAX_OFFSET.  Linked with replay.c, it
 * also replays its corpus (fuzz/corpus/tz/: real zones and broken ones)
 * in the normal test run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) abort(); } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t	 at[] = {
		INT64_C(-5000000000), 0, 31536000, 1000000000, 1700000000,
		1772000000, 2147483647, INT64_C(4102444800), INT64_C(7258118400),
	};
	struct lb_tz		*tz = NULL;
	const char		*abbr;
	char			 why[160], buf[LB_TZ_HUMAN_STRLEN];
	char			 r[LB_TZ_RFC3339_STRLEN];
	int64_t			 u, local;
	int32_t			 off;
	size_t			 i;
	int			 how, dst;

	why[0] = '\0';
	if (lb_tz_parse(data, size, &tz, why, sizeof(why)) == -1) {
		CHECK(tz == NULL && why[0] != '\0');
		return 0;
	}
	CHECK(tz != NULL);
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		off = lb_tz_utc_offset(tz, at[i], &abbr, &dst);
		CHECK(off >= -LB_TZ_MAX_OFFSET && off <= LB_TZ_MAX_OFFSET);
		CHECK(abbr != NULL && strlen(abbr) < LB_TZ_ABBR_MAX);
		local = at[i] + off;
		u = lb_tz_local_to_utc(tz, local, &how);
		if (how == LB_TZ_GAP)
			CHECK(u + lb_tz_utc_offset(tz, u, NULL, NULL) >= local);
		else
			CHECK(u + lb_tz_utc_offset(tz, u, NULL, NULL) == local);
		lb_tz_format(tz, at[i], 1, buf, sizeof(buf));
		lb_tz_format_rfc3339(tz, at[i], r);
		(void)lb_tz_day_end(tz, lb_tz_local_day(tz, at[i]));
	}
	lb_tz_free(tz);
	return 0;
}
