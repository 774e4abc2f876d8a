/*
 * fuzz_entry.c: libFuzzer target for every string parser and validator in
 * cbp.h and date.h (named for lb_entry_parse, the one that matters most).
 * Each input goes to every parser whole; the bill and decimal parsers also
 * take their mode or scale from the first byte and parse the rest.  Beyond
 * "no crash, no read past n" (ASan sees the exact-size input buffer), it
 * checks the contracts: a failure empties out and gives a reason that fits
 * LB_WHY_MAX; a success gives a canonical form that parses to itself;
 * format and parse are inverse; validators agree with the parsers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cbp.h"
#include "date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do {						\
	if (!(x)) {							\
		fprintf(stderr, "fuzz_entry: %s:%d: %s\n", __FILE__,	\
		    __LINE__, #x);					\
		abort();						\
	}								\
} while (0)

/* Larger than LB_WHY_MAX so that a reason too long for it is noticed. */
#define WHYBUF	512

static const int	fuzz_modes[] = {
	10, 11, 20, 21, 30, 31, 40, 41, 50, 60, 70, 99
};

static void
check_failure(int rc, const char *out, const char *why)
{
	CHECK(rc == 0 || rc == -1);
	if (rc == -1) {
		CHECK(out == NULL || out[0] == '\0');
		CHECK(why[0] != '\0');
		CHECK(strlen(why) < LB_WHY_MAX);
	}
}

static void
fuzz_entry(const char *s, size_t n)
{
	char	out[LB_ENTRY_STRLEN], again[LB_ENTRY_STRLEN], ten[10];
	char	why[WHYBUF];
	int	rc;

	why[0] = '\0';
	rc = lb_entry_parse(s, n, out, why, sizeof(why));
	check_failure(rc, out, why);
	if (n >= 10) {
		rc = lb_entry_check_digit(s);
		CHECK(rc >= -1 && rc <= 9);
	}
	if (lb_entry_parse(s, n, out, NULL, 0) != 0)
		return;
	CHECK(strlen(out) == 13 && out[3] == '-' && out[11] == '-');
	CHECK(lb_filer_code_valid(out, 3));
	memcpy(ten, out, 3);
	memcpy(ten + 3, out + 4, 7);
	CHECK(lb_entry_check_digit(ten) == out[12] - '0');
	CHECK(lb_entry_parse(out, 13, again, why, sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0);
}

static void
fuzz_importer(const char *s, size_t n)
{
	char			out[LB_IMPORTER_STRLEN], again[LB_IMPORTER_STRLEN];
	char			why[WHYBUF];
	enum lb_importer_type	t, t2;
	int			rc;

	why[0] = '\0';
	rc = lb_importer_parse(s, n, out, &t, why, sizeof(why));
	check_failure(rc, out, why);
	if (rc != 0)
		return;
	CHECK(lb_importer_type_name(t) != NULL);
	CHECK(lb_importer_parse(out, strlen(out), again, &t2, why,
	    sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0 && t == t2);
}

static void
fuzz_hts(const char *s, size_t n)
{
	char	out[LB_HTS_STRLEN], again[LB_HTS_STRLEN], fmt[LB_HTS_FMTLEN];
	char	why[WHYBUF];
	int	rc;

	why[0] = '\0';
	rc = lb_hts_parse(s, n, out, why, sizeof(why));
	check_failure(rc, out, why);
	if (n >= 10) {
		lb_hts_format(s, fmt);
		CHECK(fmt[0] == '\0' || strlen(fmt) == 12);
	}
	if (rc != 0)
		return;
	CHECK(strlen(out) == 10);
	lb_hts_format(out, fmt);
	CHECK(strlen(fmt) == 12);
	CHECK(lb_hts_parse(fmt, 12, again, why, sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0);
	CHECK(lb_hts_parse(out, 10, again, why, sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0);
}

static void
fuzz_bill(const char *s, size_t n)
{
	char	out[LB_BILL_STRLEN], again[LB_BILL_STRLEN], why[WHYBUF];
	int	mode, rc;

	if (n == 0)
		return;
	mode = fuzz_modes[(unsigned char)s[0] % (sizeof(fuzz_modes) /
	    sizeof(fuzz_modes[0]))];
	why[0] = '\0';
	rc = lb_bill_parse(mode, s + 1, n - 1, out, why, sizeof(why));
	check_failure(rc, out, why);
	/* A valid air waybill is a valid bill for air modes. */
	if (lb_awb_valid(s + 1, n - 1) && lb_mode_is_air(mode))
		CHECK(rc == 0);
	if (rc != 0)
		return;
	CHECK(lb_mode_valid(mode));
	if (lb_mode_is_air(mode))
		CHECK(lb_awb_valid(out, strlen(out)));
	if (lb_mode_is_vessel(mode) || lb_mode_is_rail(mode))
		CHECK(lb_scac_valid(out, 4));
	CHECK(lb_bill_parse(mode, out, strlen(out), again, why,
	    sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0);
}

static void
fuzz_phone(const char *s, size_t n)
{
	char	out[LB_PHONE_STRLEN], again[LB_PHONE_STRLEN], why[WHYBUF];
	size_t	len;
	int	rc;

	why[0] = '\0';
	rc = lb_phone_parse(s, n, out, why, sizeof(why));
	check_failure(rc, out, why);
	if (rc != 0)
		return;
	len = strlen(out);
	CHECK(out[0] == '+' && len >= 9 && len <= 16);
	CHECK(lb_phone_parse(out, len, again, why, sizeof(why)) == 0);
	CHECK(strcmp(out, again) == 0);
}

static void
fuzz_amounts(const char *s, size_t n)
{
	char	fmt[LB_MONEY_STRLEN], dfmt[32], why[WHYBUF];
	int64_t	v, back;
	int	scale, rc;

	why[0] = '\0';
	rc = lb_money_parse(s, n, &v, why, sizeof(why));
	check_failure(rc, NULL, why);
	if (rc == 0) {
		CHECK(v >= 0 && v <= LB_MONEY_MAX_CENTS);
		lb_money_format(v, fmt);
		CHECK(lb_money_parse(fmt, strlen(fmt), &back, why,
		    sizeof(why)) == 0 && back == v);
	}
	/* Formatting any 64-bit value is total; in range it parses back. */
	if (n >= 8) {
		memcpy(&v, s, sizeof(v));
		lb_money_format(v, fmt);
		CHECK(strlen(fmt) >= 4 && strlen(fmt) < sizeof(fmt));
		if (v >= 0 && v <= LB_MONEY_MAX_CENTS)
			CHECK(lb_money_parse(fmt, strlen(fmt), &back, why,
			    sizeof(why)) == 0 && back == v);
	}
	if (n == 0)
		return;
	scale = (unsigned char)s[0] % (LB_DECIMAL_SCALE_MAX + 2);
	why[0] = '\0';
	rc = lb_decimal_parse(s + 1, n - 1, scale, &v, why, sizeof(why));
	check_failure(rc, NULL, why);
	if (rc == 0) {
		CHECK(v >= 0 && v <= LB_DECIMAL_MAX_UNITS);
		lb_decimal_format(v, scale, dfmt, sizeof(dfmt));
		CHECK(lb_decimal_parse(dfmt, strlen(dfmt), scale, &back, why,
		    sizeof(why)) == 0 && back == v);
	}
}

static void
fuzz_dates(const char *s, size_t n)
{
	char	dfmt[LB_DATE_STRLEN], tfmt[LB_TIME_STRLEN], why[WHYBUF];
	int64_t	v, back;
	int	rc, y, m, d;

	why[0] = '\0';
	rc = lb_date_parse(s, n, &v, why, sizeof(why));
	check_failure(rc, NULL, why);
	if (rc == 0) {
		lb_civil_from_days(v, &y, &m, &d);
		CHECK(y >= LB_DATE_YEAR_MIN && y <= LB_DATE_YEAR_MAX);
		CHECK(d <= lb_days_in_month(y, m));
		lb_date_format(v, dfmt);
		CHECK(strlen(dfmt) == 10);
		CHECK(lb_date_parse(dfmt, 10, &back, why, sizeof(why)) == 0 &&
		    back == v);
	}
	why[0] = '\0';
	rc = lb_time_parse(s, n, &v, why, sizeof(why));
	check_failure(rc, NULL, why);
	if (rc == 0) {
		lb_time_format(v, tfmt);
		CHECK(strlen(tfmt) == 20);
		/*
		 * An offset may push the instant just outside the years
		 * that parse; inside them, format and parse are inverse.
		 */
		if (memcmp(tfmt, "1899", 4) != 0 &&
		    memcmp(tfmt, "2200", 4) != 0)
			CHECK(lb_time_parse(tfmt, 20, &back, why,
			    sizeof(why)) == 0 && back == v);
	}
	/* Formatting any 64-bit value is total. */
	if (n >= 8) {
		memcpy(&v, s, sizeof(v));
		lb_date_format(v, dfmt);
		CHECK(dfmt[0] == '\0' || strlen(dfmt) == 10);
		lb_time_format(v, tfmt);
		CHECK(tfmt[0] == '\0' || strlen(tfmt) == 20);
		rc = lb_weekday(v);
		CHECK(rc >= 0 && rc <= 6);
	}
}

static void
fuzz_validators(const char *s, size_t n)
{
	char	out[LB_BILL_STRLEN];
	int	code = 0;

	if (lb_awb_valid(s, n))
		CHECK(lb_bill_parse(40, s, n, out, NULL, 0) == 0 &&
		    memcmp(out, s, 11) == 0);
	if (lb_inbond_valid(s, n))
		CHECK(n == 9);
	if (lb_port_valid(s, n))
		CHECK(n == 4);
	if (lb_foreign_port_valid(s, n))
		CHECK(n == 5);
	if (lb_scac_valid(s, n))
		CHECK(n >= 2 && n <= 4);
	if (lb_filer_code_valid(s, n))
		CHECK(n == 3);
	if (lb_country_valid(s, n))
		CHECK(n == 2);
	if (lb_us_state_valid(s, n))
		CHECK(n == 2);
	if (lb_firms_valid(s, n))
		CHECK(n == 4);
	if (lb_mid_valid(s, n))
		CHECK(n >= 3 && n <= 15);
	if (lb_email_valid(s, n))
		CHECK(n >= 6 && n <= 254 && memchr(s, '@', n) != NULL);
	if (n >= sizeof(code))
		memcpy(&code, s, sizeof(code));
	CHECK(lb_mode_valid(code) == (lb_mode_name(code) != NULL));
	CHECK(lb_bond_type_valid(code) == (lb_bond_type_name(code) != NULL));
	if (lb_entry_type_valid(code) || lb_entry_type_closed(code))
		CHECK(lb_entry_type_name(code) != NULL);
	else
		CHECK(lb_entry_type_name(code) == NULL);
	if (lb_entry_type_informal(code))
		CHECK(lb_entry_type_valid(code));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;

	fuzz_entry(s, size);
	fuzz_importer(s, size);
	fuzz_hts(s, size);
	fuzz_bill(s, size);
	fuzz_phone(s, size);
	fuzz_amounts(s, size);
	fuzz_dates(s, size);
	fuzz_validators(s, size);
	return 0;
}
