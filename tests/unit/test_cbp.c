/*
 * test_cbp.c: table-driven tests of the customs validators and parsers in
 * cbp.c.  Every input is copied into a heap block of exactly its length,
 * so that the sanitizer build catches any read past n.  Check digits in the
 * tables were computed independently of cbp.c (from the letter table and
 * the position rule of CBP.md section 3) and the small ones checked by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cbp.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A parser case: canonical output, or NULL and a piece of the reason. */
struct pcase {
	const char	*in;
	size_t		 len;	/* 0: strlen(in) */
	const char	*want;
	const char	*why;
};

/* A predicate case. */
struct vcase {
	const char	*in;
	size_t		 len;	/* 0: strlen(in) */
	int		 want;
};

static size_t
case_len(const char *in, size_t len)
{
	return len != 0 ? len : strlen(in);
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

static void
check_result(const struct pcase *c, int rc, const char *out, const char *why)
{
	if (c->want != NULL) {
		if (rc != 0)
			fail_msg("\"%s\": rejected (%s), wanted \"%s\"", c->in,
			    why, c->want);
		if (strcmp(out, c->want) != 0)
			fail_msg("\"%s\": got \"%s\", wanted \"%s\"", c->in,
			    out, c->want);
		return;
	}
	if (rc != -1)
		fail_msg("\"%s\": accepted as \"%s\", wanted a rejection with "
		    "\"%s\"", c->in, out, c->why);
	if (out[0] != '\0')
		fail_msg("\"%s\": out not emptied on failure", c->in);
	if (why[0] == '\0' || strstr(why, c->why) == NULL)
		fail_msg("\"%s\": reason \"%s\" lacks \"%s\"", c->in, why,
		    c->why);
}

static void
check_valid(const struct vcase *c, int got, const char *what)
{
	if (got != c->want)
		fail_msg("%s(\"%s\") = %d, wanted %d", what, c->in, got,
		    c->want);
}

/*
 * Check digits.
 */

static const struct {
	const char	*ten;
	int		 cd;
} cd_cases[] = {
	/* CBP.md's worked examples. */
	{ "ABC1234567", 6 },
	{ "B761234567", 1 },
	{ "0000000000", 0 },
	{ "9999999999", 0 },
	{ "ABC0000000", 2 },
	{ "DEF9999999", 6 },
	{ "GHI1234567", 1 },
	{ "JKL7654321", 6 },
	{ "MNO0000001", 7 },
	{ "PQR1000000", 5 },
	{ "STU5555555", 9 },
	{ "VWX0123456", 1 },
	{ "YZ19876543", 3 },
	{ "A123141592", 5 },
	{ "1B22718281", 8 },
	{ "12C1414213", 9 },
	{ "AB30000010", 1 },
	{ "A2B1111111", 2 },
	{ "1AB2222222", 3 },
	{ "1234567890", 3 },
	{ "Z990000000", 3 },
	{ "S009999999", 5 },
	/* Each end of the three letter runs, alone in position 1. */
	{ "A000000000", 9 },
	{ "I000000000", 1 },
	{ "J000000000", 9 },
	{ "R000000000", 1 },
	{ "9ZZ1234567", 7 },
	{ "XYZ7777777", 6 },
	{ "QQQ8888888", 5 },
	{ "KLM0505050", 3 },
	{ "EFG1212121", 1 },
	{ "NOP3434343", 9 },
	{ "TUV6060606", 2 },
	{ "WXY2468024", 2 },
	{ "H1H1357913", 3 },
	/* A letter in the doubled position 2, and in position 3. */
	{ "0A00000000", 8 },
	{ "00A0000000", 9 },
	{ "ACE1234567", 2 },
	{ "BDF7000000", 9 },
};

static void
test_check_digit_table(void **state)
{
	char	 in[14], out[LB_ENTRY_STRLEN], why[LB_WHY_MAX], want[14];
	char	*p;
	size_t	 i;
	int	 got;

	(void)state;
	for (i = 0; i < NELEM(cd_cases); i++) {
		p = exact(cd_cases[i].ten, 10);
		got = lb_entry_check_digit(p);
		free(p);
		if (got != cd_cases[i].cd)
			fail_msg("check digit of %s is %d, wanted %d",
			    cd_cases[i].ten, got, cd_cases[i].cd);
		/* The same number parses undashed, dashed and lowercase. */
		(void)snprintf(want, sizeof(want), "%.3s-%.7s-%d",
		    cd_cases[i].ten, cd_cases[i].ten + 3, cd_cases[i].cd);
		(void)snprintf(in, sizeof(in), "%s%d", cd_cases[i].ten,
		    cd_cases[i].cd);
		assert_int_equal(lb_entry_parse(in, 11, out, why,
		    sizeof(why)), 0);
		assert_string_equal(out, want);
		assert_int_equal(lb_entry_parse(want, 13, out, why,
		    sizeof(why)), 0);
		assert_string_equal(out, want);
	}
}

static void
test_check_digit_letters(void **state)
{
	/* CBP.md: A-I -> 1-9, J-R -> 1-9, S-Z -> 2-9. */
	static const char	 letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const int	 value[26] = {
		1, 2, 3, 4, 5, 6, 7, 8, 9,
		1, 2, 3, 4, 5, 6, 7, 8, 9,
		2, 3, 4, 5, 6, 7, 8, 9
	};
	char			 ten[11], dig[11];
	int			 i, pos;

	(void)state;
	/*
	 * Each letter in each filer position gives the check digit of its
	 * digit value in that position.
	 */
	for (i = 0; i < 26; i++) {
		for (pos = 0; pos < 3; pos++) {
			memcpy(ten, "0001234567", 11);
			memcpy(dig, "0001234567", 11);
			ten[pos] = letters[i];
			dig[pos] = (char)('0' + value[i]);
			if (lb_entry_check_digit(ten) !=
			    lb_entry_check_digit(dig))
				fail_msg("letter %c at %d", letters[i], pos);
		}
	}
}

static void
test_check_digit_invalid(void **state)
{
	static const char *const	bad[] = {
		"abc1234567",	/* lowercase: lb_entry_parse folds it first */
		"AB-1234567",
		"ABC123456A",
		"ABC 234567",
		"ABC12345\xff" "7",
		"ABC1234\0" "67",
	};
	size_t				i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(lb_entry_check_digit(bad[i]), -1);
	assert_int_equal(lb_entry_check_digit(NULL), -1);
}

/* Every single-digit change of the serial is caught by the check digit. */
static void
test_check_digit_detects_single_errors(void **state)
{
	char	ten[11];
	int	pos, d, orig, cd;

	(void)state;
	memcpy(ten, "B761234567", 11);
	orig = lb_entry_check_digit(ten);
	for (pos = 3; pos < 10; pos++) {
		for (d = 0; d < 10; d++) {
			memcpy(ten, "B761234567", 11);
			if (ten[pos] == '0' + d)
				continue;
			ten[pos] = (char)('0' + d);
			cd = lb_entry_check_digit(ten);
			assert_int_not_equal(cd, orig);
		}
	}
}

/*
 * Filer codes.
 */

static void
test_filer_code_every_combination(void **state)
{
	static const char	alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	char			fc[3];
	int			a, b, c, n = 0;

	(void)state;
	/* The 8 patterns of CBP.md cover all 36^3 codes. */
	for (a = 0; a < 36; a++)
		for (b = 0; b < 36; b++)
			for (c = 0; c < 36; c++) {
				fc[0] = alnum[a];
				fc[1] = alnum[b];
				fc[2] = alnum[c];
				n += lb_filer_code_valid(fc, 3);
			}
	assert_int_equal(n, 36 * 36 * 36);
}

static void
test_filer_code_invalid(void **state)
{
	static const struct vcase	cases[] = {
		{ "ABC", 0, 1 },
		{ "B76", 0, 1 },
		{ "1A1", 0, 1 },
		{ "abc", 0, 0 },
		{ "AbC", 0, 0 },
		{ "AB", 0, 0 },
		{ "ABCD", 0, 0 },
		{ "A-C", 0, 0 },
		{ "A C", 0, 0 },
		{ "AB\0", 3, 0 },
		{ "\xc3\x81" "B", 0, 0 },
	};
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = case_len(cases[i].in, cases[i].len);
		p = exact(cases[i].in, n);
		check_valid(&cases[i], lb_filer_code_valid(p, n),
		    "lb_filer_code_valid");
		free(p);
	}
	assert_int_equal(lb_filer_code_valid(NULL, 0), 0);
	assert_int_equal(lb_filer_code_valid("", 0), 0);
}

/*
 * Entry numbers.
 */

static const struct pcase entry_cases[] = {
	{ "ABC-1234567-6", 0, "ABC-1234567-6", NULL },
	{ "ABC12345676", 0, "ABC-1234567-6", NULL },
	{ "abc-1234567-6", 0, "ABC-1234567-6", NULL },
	{ "aBc12345676", 0, "ABC-1234567-6", NULL },
	{ "  B76-1234567-1\t\r\n", 0, "B76-1234567-1", NULL },
	{ "\n b7612345671\v\f", 0, "B76-1234567-1", NULL },
	{ "000-0000000-0", 0, "000-0000000-0", NULL },
	{ "99999999990", 0, "999-9999999-0", NULL },
	{ "R00-0000000-1", 0, "R00-0000000-1", NULL },
	/* Only the first 13 bytes count: n, not the NUL, ends input. */
	{ "ABC-1234567-6XYZ", 13, "ABC-1234567-6", NULL },

	{ "", 0, NULL, "entry number is empty" },
	{ " \t\r\n ", 0, NULL, "entry number is empty" },
	{ "ABC123456", 0, NULL, "expected 11 characters (13 with dashes), "
	    "got 9" },
	{ "ABC-1234567-66", 0, NULL, "got 14" },
	{ "ABC-12345676", 0, NULL, "got 12" },
	{ "ABC1234567-6", 0, NULL, "got 12" },
	{ "A", 0, NULL, "got 1" },
	{ "AB-C1234567-6", 0, NULL, "expected '-' after the filer code at "
	    "position 4, got 'C'" },
	{ "ABC+1234567+6", 0, NULL, "position 4, got '+'" },
	{ "ABC-12345676-", 0, NULL, "expected '-' after the serial at "
	    "position 12, got '6'" },
	{ "ABC123456-6", 0, NULL, "use both dashes (XXX-NNNNNNN-C) or none" },
	{ "A#C12345676", 0, NULL, "filer code must be letters and digits: "
	    "'#' at position 2" },
	{ "A C12345676", 0, NULL, "filer code must be letters and digits: "
	    "space at position 2" },
	{ "AB\xff" "12345676", 0, NULL, "byte 0xff at position 3" },
	{ "AB\0" "12345676", 11, NULL, "byte 0x00 at position 3" },
	{ "\x01" "BC12345676", 0, NULL, "byte 0x01 at position 1" },
	{ "ABC12A45676", 0, NULL, "serial must be 7 digits: 'A' at "
	    "position 6" },
	{ "ABC-12A4567-6", 0, NULL, "serial must be 7 digits: 'A' at "
	    "position 7" },
	{ "ABC-123 567-6", 0, NULL, "serial must be 7 digits: space at "
	    "position 8" },
	{ "ABC1234567X", 0, NULL, "check digit must be a digit: 'X' at "
	    "position 11" },
	{ "ABC-1234567-7", 0, NULL, "check digit is 7, expected 6" },
	{ "B76-1234567-7", 0, NULL, "check digit is 7, expected 1" },
	{ "b7612345670", 0, NULL, "check digit is 0, expected 1" },
	{ "000-0000000-9", 0, NULL, "check digit is 9, expected 0" },
};

static void
test_entry_parse(void **state)
{
	char	 out[LB_ENTRY_STRLEN], why[LB_WHY_MAX];
	char	*p;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(entry_cases); i++) {
		n = case_len(entry_cases[i].in, entry_cases[i].len);
		p = exact(entry_cases[i].in, n);
		why[0] = '\0';
		memset(out, 'x', sizeof(out));
		rc = lb_entry_parse(p, n, out, why, sizeof(why));
		free(p);
		check_result(&entry_cases[i], rc, out, why);
	}
}

/* Exactly one check digit is accepted for each entry number. */
static void
test_entry_parse_one_check_digit(void **state)
{
	char	in[11], out[LB_ENTRY_STRLEN], why[LB_WHY_MAX], want[40];
	size_t	i;
	int	d, ok;

	(void)state;
	for (i = 0; i < NELEM(cd_cases); i++) {
		ok = 0;
		for (d = 0; d < 10; d++) {
			memcpy(in, cd_cases[i].ten, 10);
			in[10] = (char)('0' + d);
			if (lb_entry_parse(in, 11, out, why, sizeof(why)) == 0) {
				ok++;
				assert_int_equal(d, cd_cases[i].cd);
			} else {
				(void)snprintf(want, sizeof(want), "check "
				    "digit is %d, expected %d", d,
				    cd_cases[i].cd);
				assert_string_equal(why, want);
			}
		}
		assert_int_equal(ok, 1);
	}
}

static void
test_entry_parse_why_buffers(void **state)
{
	char	out[LB_ENTRY_STRLEN], why[8];

	(void)state;
	/* why may be NULL, or too short: a truncated reason is fine. */
	assert_int_equal(lb_entry_parse("ABC-1234567-7", 13, out, NULL, 0),
	    -1);
	assert_int_equal(lb_entry_parse("ABC-1234567-7", 13, out, NULL, 99),
	    -1);
	memset(why, 'x', sizeof(why));
	assert_int_equal(lb_entry_parse("ABC-1234567-7", 13, out, why, 0),
	    -1);
	assert_int_equal(why[0], 'x');
	assert_int_equal(lb_entry_parse("ABC-1234567-7", 13, out, why, 1),
	    -1);
	assert_string_equal(why, "");
	assert_int_equal(lb_entry_parse("ABC-1234567-7", 13, out, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "check d");
	/* why is left alone on success. */
	memcpy(why, "keep", 5);
	assert_int_equal(lb_entry_parse("ABC-1234567-6", 13, out, why,
	    sizeof(why)), 0);
	assert_string_equal(why, "keep");
	assert_int_equal(lb_entry_parse(NULL, 0, out, why, sizeof(why)), -1);
}

/*
 * Importer numbers.
 */

static const struct {
	struct pcase		c;
	enum lb_importer_type	type;
} importer_cases[] = {
	{ { "12-3456789AB", 0, "12-3456789AB", NULL }, LB_IMPORTER_EIN },
	{ { "123456789AB", 0, "12-3456789AB", NULL }, LB_IMPORTER_EIN },
	{ { "12-345678900", 0, "12-345678900", NULL }, LB_IMPORTER_EIN },
	{ { "12-3456789ab", 0, "12-3456789AB", NULL }, LB_IMPORTER_EIN },
	{ { " 12-3456789A1\t", 0, "12-3456789A1", NULL }, LB_IMPORTER_EIN },
	{ { "12-3456789YY", 0, "12-3456789YY", NULL }, LB_IMPORTER_EIN },
	/* 11 bare digits read as an EIN, never as a CBP-assigned number. */
	{ { "12345678900", 0, "12-345678900", NULL }, LB_IMPORTER_EIN },
	{ { "123-45-6789", 0, "123-45-6789", NULL }, LB_IMPORTER_SSN },
	{ { "001-01-0001", 0, "001-01-0001", NULL }, LB_IMPORTER_SSN },
	{ { "899-99-9999", 0, "899-99-9999", NULL }, LB_IMPORTER_SSN },
	{ { "665-12-3456", 0, "665-12-3456", NULL }, LB_IMPORTER_SSN },
	{ { "667-12-3456", 0, "667-12-3456", NULL }, LB_IMPORTER_SSN },
	{ { "251234-12345", 0, "251234-12345", NULL }, LB_IMPORTER_CBP },
	{ { " 000000-00000 ", 0, "000000-00000", NULL }, LB_IMPORTER_CBP },

	{ { "", 0, NULL, "importer number is empty" }, 0 },
	{ { "123456789", 0, NULL, "9 digits without dashes are ambiguous" },
	    0 },
	{ { "12-3456789", 0, NULL, "EIN needs its 2-character suffix" }, 0 },
	{ { "12-3456789O0", 0, NULL, "EIN suffix never uses the letter O" },
	    0 },
	{ { "12-3456789i0", 0, NULL, "EIN suffix never uses the letter I" },
	    0 },
	{ { "123456789AZ", 0, NULL, "EIN suffix never uses the letter Z "
	    "(position 11)" }, 0 },
	{ { "12-3456789A-", 0, NULL, "EIN suffix must be 2 letters or "
	    "digits: '-' at position 12" }, 0 },
	{ { "1A-3456789AB", 0, NULL, "EIN must start with 9 digits: 'A' at "
	    "position 2" }, 0 },
	{ { "12345-67890", 0, NULL, "EIN must start with 9 digits: '-' at "
	    "position 6" }, 0 },
	{ { "123-456789AB", 0, NULL, "expected a dash after 2 digits" }, 0 },
	{ { "000-12-3456", 0, NULL, "SSN area 000 is never issued" }, 0 },
	{ { "666-12-3456", 0, NULL, "SSN area 666 is never issued" }, 0 },
	{ { "900-12-3456", 0, NULL, "SSN area 900 is never issued" }, 0 },
	{ { "999-12-3456", 0, NULL, "SSN area 999 is never issued" }, 0 },
	{ { "123-00-4567", 0, NULL, "SSN group 00 is never issued" }, 0 },
	{ { "123-45-0000", 0, NULL, "SSN serial 0000 is never issued" }, 0 },
	{ { "123-456-789", 0, NULL, "SSN must be written NNN-NN-NNNN: "
	    "expected '-' at position 7, got '6'" }, 0 },
	{ { "123-4A-6789", 0, NULL, "SSN must be digits: 'A' at position 6" },
	    0 },
	{ { "12345-6789", 0, NULL, "got 10 characters" }, 0 },
	{ { "251234-1234A", 0, NULL, "CBP-assigned number must be "
	    "YYDDPP-NNNNN digits: 'A' at position 12" }, 0 },
	{ { "2512341-2345", 0, NULL, "expected a dash after 2 digits" }, 0 },
	{ { "1234567890123", 0, NULL, "got 13 characters" }, 0 },
	{ { "12-3456789AB\0", 13, NULL, "got 13 characters" }, 0 },
	{ { "12-3456789\xff" "B", 0, NULL, "byte 0xff at position 11" }, 0 },
};

static void
test_importer_parse(void **state)
{
	char			 out[LB_IMPORTER_STRLEN], why[LB_WHY_MAX];
	char			*p;
	enum lb_importer_type	 type;
	size_t			 i, n;
	int			 rc;

	(void)state;
	for (i = 0; i < NELEM(importer_cases); i++) {
		n = case_len(importer_cases[i].c.in, importer_cases[i].c.len);
		p = exact(importer_cases[i].c.in, n);
		why[0] = '\0';
		type = (enum lb_importer_type)-1;
		rc = lb_importer_parse(p, n, out, &type, why, sizeof(why));
		free(p);
		check_result(&importer_cases[i].c, rc, out, why);
		if (rc == 0)
			assert_int_equal(type, importer_cases[i].type);
	}
	assert_int_equal(lb_importer_parse("123-45-6789", 11, out, NULL, why,
	    sizeof(why)), 0);
	assert_string_equal(lb_importer_type_name(LB_IMPORTER_EIN), "EIN");
	assert_string_equal(lb_importer_type_name(LB_IMPORTER_SSN), "SSN");
	assert_string_equal(lb_importer_type_name(LB_IMPORTER_CBP), "CBP");
	assert_null(lb_importer_type_name((enum lb_importer_type)7));
}

/*
 * Ports.
 */

static void
test_ports(void **state)
{
	static const struct vcase	ports[] = {
		{ "2704", 0, 1 }, { "1001", 0, 1 }, { "2304", 0, 1 },
		{ "0101", 0, 1 }, { "9999", 0, 1 }, { "0100", 0, 1 },
		{ "0001", 0, 0 }, { "0099", 0, 0 }, { "0000", 0, 0 },
		{ "270", 0, 0 }, { "27045", 0, 0 }, { "27O4", 0, 0 },
		{ " 2704", 0, 0 }, { "2704 ", 0, 0 }, { "27-4", 0, 0 },
		{ "", 0, 0 }, { "27\0" "4", 4, 0 },
	};
	static const struct vcase	foreign[] = {
		{ "57035", 0, 1 }, { "00000", 0, 1 }, { "99999", 0, 1 },
		{ "5703", 0, 0 }, { "570351", 0, 0 }, { "5703A", 0, 0 },
		{ "", 0, 0 }, { " 5703", 0, 0 },
	};
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(ports); i++) {
		n = case_len(ports[i].in, ports[i].len);
		p = exact(ports[i].in, n);
		check_valid(&ports[i], lb_port_valid(p, n), "lb_port_valid");
		free(p);
	}
	for (i = 0; i < NELEM(foreign); i++) {
		n = case_len(foreign[i].in, foreign[i].len);
		p = exact(foreign[i].in, n);
		check_valid(&foreign[i], lb_foreign_port_valid(p, n),
		    "lb_foreign_port_valid");
		free(p);
	}
	assert_int_equal(lb_port_valid(NULL, 0), 0);
	assert_int_equal(lb_foreign_port_valid(NULL, 0), 0);
}

/*
 * HTS numbers.
 */

static const struct pcase hts_cases[] = {
	{ "8507.60.0020", 0, "8507600020", NULL },
	{ "8507600020", 0, "8507600020", NULL },
	{ " 0101.21.0010\n", 0, "0101210010", NULL },
	{ "9903.88.0015", 0, "9903880015", NULL },
	{ "7601103000", 0, "7601103000", NULL },
	{ "7801.10.0000", 0, "7801100000", NULL },
	{ "9999999999", 0, "9999999999", NULL },
	{ "0100000000", 0, "0100000000", NULL },

	{ "", 0, NULL, "HTS number is empty" },
	{ "8507.60.002", 0, NULL, "expected 10 digits or NNNN.NN.NNNN, got "
	    "11 characters" },
	{ "85076000", 0, NULL, "got 8 characters" },
	{ "8507.60.00.20", 0, NULL, "got 13 characters" },
	{ "8507.600.020", 0, NULL, "expected '.' at position 8 of "
	    "NNNN.NN.NNNN, got '0'" },
	{ "8507-60-0020", 0, NULL, "expected '.' at position 5 of "
	    "NNNN.NN.NNNN, got '-'" },
	{ "8507.60002", 0, NULL, "a dot may only follow the 4th and 6th "
	    "digits" },
	{ "85.0.600020", 0, NULL, "got 11 characters" },
	{ "8.07600020", 0, NULL, "a dot may only follow the 4th and 6th "
	    "digits, as in 8507.60.0020 (position 2)" },
	{ "85076O0020", 0, NULL, "HTS number must be digits: 'O' at "
	    "position 6" },
	{ "8507 60 0020", 0, NULL, "expected '.' at position 5 of "
	    "NNNN.NN.NNNN, got space" },
	{ "0012345678", 0, NULL, "chapter 00 does not exist" },
	{ "0000.00.0000", 0, NULL, "chapter 00 does not exist" },
	{ "7712345678", 0, NULL, "chapter 77 is reserved" },
	{ "7700.00.0000", 0, NULL, "chapter 77 is reserved" },
};

static void
test_hts_parse(void **state)
{
	char	 out[LB_HTS_STRLEN], why[LB_WHY_MAX];
	char	*p;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(hts_cases); i++) {
		n = case_len(hts_cases[i].in, hts_cases[i].len);
		p = exact(hts_cases[i].in, n);
		why[0] = '\0';
		rc = lb_hts_parse(p, n, out, why, sizeof(why));
		free(p);
		check_result(&hts_cases[i], rc, out, why);
	}
}

static void
test_hts_format(void **state)
{
	char	 fmt[LB_HTS_FMTLEN], out[LB_HTS_STRLEN];
	char	*p;

	(void)state;
	p = exact("8507600020", 10);
	lb_hts_format(p, fmt);
	free(p);
	assert_string_equal(fmt, "8507.60.0020");
	lb_hts_format("0101210010", fmt);
	assert_string_equal(fmt, "0101.21.0010");
	assert_int_equal(lb_hts_parse(fmt, strlen(fmt), out, NULL, 0), 0);
	assert_string_equal(out, "0101210010");
	lb_hts_format("85076000X0", fmt);
	assert_string_equal(fmt, "");
	lb_hts_format("8507.60.00", fmt);
	assert_string_equal(fmt, "");
	lb_hts_format(NULL, fmt);
	assert_string_equal(fmt, "");
}

/*
 * Carriers, bills, in-bond numbers.
 */

static void
test_scac(void **state)
{
	static const struct vcase	cases[] = {
		{ "MAEU", 0, 1 }, { "UP", 0, 1 }, { "ABC", 0, 1 },
		{ "ZZZZ", 0, 1 }, { "A", 0, 0 }, { "ABCDE", 0, 0 },
		{ "maeu", 0, 0 }, { "MA3U", 0, 0 }, { "", 0, 0 },
		{ "AB C", 0, 0 }, { "AB\0", 3, 0 }, { "MAEU ", 0, 0 },
	};
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = case_len(cases[i].in, cases[i].len);
		p = exact(cases[i].in, n);
		check_valid(&cases[i], lb_scac_valid(p, n), "lb_scac_valid");
		free(p);
	}
	assert_int_equal(lb_scac_valid(NULL, 0), 0);
}

static const struct {
	int		mode;
	struct pcase	c;
} bill_cases[] = {
	{ 11, { "MAEU123456789", 0, "MAEU123456789", NULL } },
	{ 10, { "maeu1", 0, "MAEU1", NULL } },
	{ 11, { "MAEU123456789012", 0, "MAEU123456789012", NULL } },
	{ 11, { "  oolu2345ab9 ", 0, "OOLU2345AB9", NULL } },
	{ 20, { "UPRR12345", 0, "UPRR12345", NULL } },
	{ 21, { "CSXT0", 0, "CSXT0", NULL } },
	{ 40, { "123-12345675", 0, "12312345675", NULL } },
	{ 41, { "12312345675", 0, "12312345675", NULL } },
	{ 40, { " 016-00000000 ", 0, "01600000000", NULL } },
	{ 40, { "17699999992", 0, "17699999992", NULL } },
	{ 40, { "057-76543213", 0, "05776543213", NULL } },
	{ 30, { "abc123", 0, "ABC123", NULL } },
	{ 31, { "1", 0, "1", NULL } },
	{ 50, { "EZ123456789US", 0, "EZ123456789US", NULL } },
	{ 60, { "X", 0, "X", NULL } },
	{ 70, { "1234567890123456", 0, "1234567890123456", NULL } },

	{ 99, { "X", 0, NULL, "unknown mode of transport 99" } },
	{ 0, { "X", 0, NULL, "unknown mode of transport 0" } },
	{ -11, { "X", 0, NULL, "unknown mode of transport -11" } },
	{ 11, { "", 0, NULL, "bill number is empty" } },
	{ 40, { " \t", 0, NULL, "bill number is empty" } },
	{ 11, { "MAEU 1234", 0, NULL, "bill number may not contain spaces "
	    "(position 5)" } },
	{ 40, { "123 12345675", 0, NULL, "may not contain spaces" } },
	{ 11, { "MAEU", 0, NULL, "(5 to 16 characters), got 4" } },
	{ 10, { "MAEU1234567890123", 0, NULL, "got 17" } },
	{ 11, { "MA3U12345", 0, NULL, "bill must start with the issuer's "
	    "4-letter SCAC: '3' at position 3" } },
	{ 20, { "12345", 0, NULL, "4-letter SCAC: '1' at position 1" } },
	{ 11, { "MAEU-12345", 0, NULL, "bill number may hold only letters "
	    "and digits: '-' at position 5" } },
	{ 40, { "123-12345674", 0, NULL, "air waybill check digit is 4, "
	    "expected 5" } },
	{ 40, { "01600000001", 0, NULL, "check digit is 1, expected 0" } },
	{ 40, { "1231234567", 0, NULL, "air waybill: expected 11 digits or "
	    "NNN-NNNNNNNN, got 10 characters" } },
	{ 40, { "12-312345675", 0, NULL, "got 12 characters" } },
	{ 41, { "123A2345675", 0, NULL, "air waybill must be digits: 'A' at "
	    "position 4" } },
	{ 30, { "12345678901234567", 0, NULL, "expected 1 to 16 letters or "
	    "digits, got 17 characters" } },
	{ 30, { "AB_12", 0, NULL, "only letters and digits: '_' at "
	    "position 3" } },
	{ 50, { "AB\0" "12", 5, NULL, "byte 0x00 at position 3" } },
};

static void
test_bill_parse(void **state)
{
	char	 out[LB_BILL_STRLEN], why[LB_WHY_MAX];
	char	*p;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(bill_cases); i++) {
		n = case_len(bill_cases[i].c.in, bill_cases[i].c.len);
		p = exact(bill_cases[i].c.in, n);
		why[0] = '\0';
		rc = lb_bill_parse(bill_cases[i].mode, p, n, out, why,
		    sizeof(why));
		free(p);
		check_result(&bill_cases[i].c, rc, out, why);
	}
}

static void
test_awb_inbond(void **state)
{
	static const struct vcase	awb[] = {
		{ "12312345675", 0, 1 }, { "01600000000", 0, 1 },
		{ "17699999992", 0, 1 }, { "00100000070", 0, 1 },
		{ "99900000066", 0, 1 }, { "05776543213", 0, 1 },
		{ "23510000001", 0, 1 },
		{ "12312345676", 0, 0 }, { "23510000000", 0, 0 },
		{ "123-12345675", 0, 0 }, { "1231234567", 0, 0 },
		{ "123123456750", 0, 0 }, { "1231234567A", 0, 0 },
		{ "", 0, 0 },
	};
	static const struct vcase	inbond[] = {
		{ "123456782", 0, 1 }, { "000000000", 0, 1 },
		{ "999999991", 0, 1 }, { "000000070", 0, 1 },
		{ "202501014", 0, 1 }, { "000000066", 0, 1 },
		{ "314159263", 0, 1 },
		{ "123456783", 0, 0 }, { "999999999", 0, 0 },
		{ "12345678", 0, 0 }, { "1234567820", 0, 0 },
		{ "12345678A", 0, 0 }, { "12345 782", 0, 0 }, { "", 0, 0 },
	};
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(awb); i++) {
		n = case_len(awb[i].in, awb[i].len);
		p = exact(awb[i].in, n);
		check_valid(&awb[i], lb_awb_valid(p, n), "lb_awb_valid");
		free(p);
	}
	for (i = 0; i < NELEM(inbond); i++) {
		n = case_len(inbond[i].in, inbond[i].len);
		p = exact(inbond[i].in, n);
		check_valid(&inbond[i], lb_inbond_valid(p, n),
		    "lb_inbond_valid");
		free(p);
	}
	assert_int_equal(lb_awb_valid(NULL, 0), 0);
	assert_int_equal(lb_inbond_valid(NULL, 0), 0);
}

/* Exactly one last digit makes each in-bond number valid. */
static void
test_inbond_one_check_digit(void **state)
{
	char	ib[16];
	int	base, d, ok;

	(void)state;
	for (base = 0; base < 100000000; base += 9999991) {
		(void)snprintf(ib, sizeof(ib), "%08d", base);
		ok = 0;
		for (d = 0; d < 10; d++) {
			ib[8] = (char)('0' + d);
			if (lb_inbond_valid(ib, 9)) {
				ok++;
				assert_int_equal(d, base % 7);
			}
		}
		assert_int_equal(ok, 1);
	}
}

/*
 * Code tables.
 */

static void
test_modes(void **state)
{
	static const struct {
		int		 code;
		const char	*name;
		int		 vessel, rail, truck, air;
	} cases[] = {
		{ 10, "vessel, non-container", 1, 0, 0, 0 },
		{ 11, "vessel, container", 1, 0, 0, 0 },
		{ 20, "rail, non-container", 0, 1, 0, 0 },
		{ 21, "rail, container", 0, 1, 0, 0 },
		{ 30, "truck, non-container", 0, 0, 1, 0 },
		{ 31, "truck, container", 0, 0, 1, 0 },
		{ 40, "air, non-container", 0, 0, 0, 1 },
		{ 41, "air, container", 0, 0, 0, 1 },
		{ 50, "mail", 0, 0, 0, 0 },
		{ 60, "passenger, hand-carried", 0, 0, 0, 0 },
		{ 70, "fixed transport installation", 0, 0, 0, 0 },
	};
	static const int	bad[] = {
		0, 1, 9, 12, 22, 32, 42, 51, 61, 71, 80, -10, 100, 110
	};
	size_t			i;
	int			code, n = 0;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		assert_true(lb_mode_valid(cases[i].code));
		assert_string_equal(lb_mode_name(cases[i].code),
		    cases[i].name);
		assert_int_equal(lb_mode_is_vessel(cases[i].code),
		    cases[i].vessel);
		assert_int_equal(lb_mode_is_rail(cases[i].code),
		    cases[i].rail);
		assert_int_equal(lb_mode_is_truck(cases[i].code),
		    cases[i].truck);
		assert_int_equal(lb_mode_is_air(cases[i].code), cases[i].air);
	}
	for (i = 0; i < NELEM(bad); i++) {
		assert_false(lb_mode_valid(bad[i]));
		assert_null(lb_mode_name(bad[i]));
		assert_false(lb_mode_is_vessel(bad[i]));
		assert_false(lb_mode_is_rail(bad[i]));
		assert_false(lb_mode_is_truck(bad[i]));
		assert_false(lb_mode_is_air(bad[i]));
	}
	for (code = -1000; code <= 1000; code++)
		n += lb_mode_valid(code);
	assert_int_equal(n, (int)NELEM(cases));
}

static void
test_entry_types(void **state)
{
	static const int	valid[] = {
		1, 2, 3, 6, 11, 12, 21, 22, 23, 26,
		31, 32, 33, 34, 35, 36, 37, 38, 51, 52
	};
	size_t			i;
	int			code, n = 0, closed = 0, informal = 0;

	(void)state;
	for (i = 0; i < NELEM(valid); i++) {
		assert_true(lb_entry_type_valid(valid[i]));
		assert_false(lb_entry_type_closed(valid[i]));
		assert_non_null(lb_entry_type_name(valid[i]));
	}
	for (code = -100; code <= 200; code++) {
		n += lb_entry_type_valid(code);
		closed += lb_entry_type_closed(code);
		informal += lb_entry_type_informal(code);
		if (!lb_entry_type_valid(code) && !lb_entry_type_closed(code))
			assert_null(lb_entry_type_name(code));
	}
	assert_int_equal(n, (int)NELEM(valid));
	/* 86 is closed since August 2025 but keeps its name. */
	assert_int_equal(closed, 1);
	assert_false(lb_entry_type_valid(86));
	assert_true(lb_entry_type_closed(86));
	assert_non_null(strstr(lb_entry_type_name(86), "de minimis"));
	assert_int_equal(informal, 2);
	assert_true(lb_entry_type_informal(11));
	assert_true(lb_entry_type_informal(12));
	assert_false(lb_entry_type_informal(1));
	assert_string_equal(lb_entry_type_name(1), "free and dutiable");
	assert_string_equal(lb_entry_type_name(11), "informal");
	assert_string_equal(lb_entry_type_name(23),
	    "temporary importation under bond");
	assert_null(lb_entry_type_name(4));
	assert_null(lb_entry_type_name(39));
	assert_null(lb_entry_type_name(53));
	/* Every entry type has a name of its own (a form offers them all). */
	for (i = 0; i < NELEM(valid); i++)
		for (size_t j = i + 1; j < NELEM(valid); j++)
			assert_string_not_equal(lb_entry_type_name(valid[i]),
			    lb_entry_type_name(valid[j]));
}

static void
test_bond_types(void **state)
{
	int	code, n = 0;

	(void)state;
	assert_true(lb_bond_type_valid(8));
	assert_true(lb_bond_type_valid(9));
	assert_true(lb_bond_type_valid(0));
	assert_string_equal(lb_bond_type_name(8), "continuous");
	assert_string_equal(lb_bond_type_name(9), "single transaction");
	assert_string_equal(lb_bond_type_name(0), "none required");
	for (code = -100; code <= 100; code++)
		n += lb_bond_type_valid(code);
	assert_int_equal(n, 3);
	assert_false(lb_bond_type_valid(1));
	assert_false(lb_bond_type_valid(7));
	assert_false(lb_bond_type_valid(10));
	assert_null(lb_bond_type_name(1));
}

/*
 * Places and parties.
 */

/* ISO 3166-1 alpha-2 as published (iso-codes 4.15), 249 codes. */
static const char *const iso_list[] = {
	"AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS",
	"AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG",
	"BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT",
	"BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI",
	"CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY",
	"CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH",
	"ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB",
	"GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ",
	"GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT",
	"HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
	"JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP",
	"KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS",
	"LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH",
	"MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU",
	"MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
	"NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
	"PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA",
	"RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
	"SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
	"SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
	"TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG",
	"UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU",
	"WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

static void
test_country(void **state)
{
	static const struct vcase	cases[] = {
		{ "US", 0, 1 }, { "CA", 0, 1 }, { "MX", 0, 1 },
		{ "CN", 0, 1 }, { "SS", 0, 1 }, { "BQ", 0, 1 },
		{ "CW", 0, 1 }, { "SX", 0, 1 }, { "AD", 0, 1 },
		{ "ZW", 0, 1 },
		/* Not officially assigned, or withdrawn. */
		{ "XK", 0, 0 }, { "UK", 0, 0 }, { "EU", 0, 0 },
		{ "AN", 0, 0 }, { "YU", 0, 0 }, { "CS", 0, 0 },
		{ "AA", 0, 0 }, { "ZZ", 0, 0 },
		{ "us", 0, 0 }, { "Us", 0, 0 }, { "U", 0, 0 },
		{ "USA", 0, 0 }, { "", 0, 0 }, { "U\0", 2, 0 },
	};
	char				 cc[2];
	char				*p;
	size_t				 i, n;
	int				 a, b, count = 0;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = case_len(cases[i].in, cases[i].len);
		p = exact(cases[i].in, n);
		check_valid(&cases[i], lb_country_valid(p, n),
		    "lb_country_valid");
		free(p);
	}
	for (i = 0; i < NELEM(iso_list); i++)
		if (!lb_country_valid(iso_list[i], 2))
			fail_msg("%s should be a country", iso_list[i]);
	for (a = 'A'; a <= 'Z'; a++)
		for (b = 'A'; b <= 'Z'; b++) {
			cc[0] = (char)a;
			cc[1] = (char)b;
			count += lb_country_valid(cc, 2);
		}
	assert_int_equal(count, 249);
	assert_int_equal((int)NELEM(iso_list), 249);
	assert_int_equal(lb_country_valid(NULL, 0), 0);
}

static void
test_us_state(void **state)
{
	static const char *const	codes[] = {
		"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
		"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
		"MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
		"NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
		"SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
		"DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP",
	};
	static const struct vcase	bad[] = {
		{ "UM", 0, 0 }, { "FM", 0, 0 }, { "MH", 0, 0 },
		{ "PW", 0, 0 }, { "XX", 0, 0 }, { "ca", 0, 0 },
		{ "C", 0, 0 }, { "CAL", 0, 0 }, { "", 0, 0 },
		{ "LA", 1, 0 }, { "C\0", 2, 0 },
	};
	char				 st[2];
	char				*p;
	size_t				 i, n;
	int				 a, b, count = 0;

	(void)state;
	for (i = 0; i < NELEM(codes); i++)
		if (!lb_us_state_valid(codes[i], 2))
			fail_msg("%s should be a state", codes[i]);
	for (i = 0; i < NELEM(bad); i++) {
		n = case_len(bad[i].in, bad[i].len);
		p = exact(bad[i].in, n);
		check_valid(&bad[i], lb_us_state_valid(p, n),
		    "lb_us_state_valid");
		free(p);
	}
	for (a = 'A'; a <= 'Z'; a++)
		for (b = 'A'; b <= 'Z'; b++) {
			st[0] = (char)a;
			st[1] = (char)b;
			count += lb_us_state_valid(st, 2);
		}
	/* 50 states, DC, 5 territories, 3 military codes. */
	assert_int_equal(count, 59);
	assert_int_equal((int)NELEM(codes), 59);
	assert_int_equal(lb_us_state_valid(NULL, 0), 0);
}

static void
test_firms_mid(void **state)
{
	static const struct vcase	firms[] = {
		{ "L123", 0, 1 }, { "M123", 0, 1 }, { "ABCD", 0, 1 },
		{ "Z9Z9", 0, 1 }, { "1ABC", 0, 0 }, { "L12", 0, 0 },
		{ "L1234", 0, 0 }, { "l123", 0, 0 }, { "L-12", 0, 0 },
		{ "L12a", 0, 0 }, { "", 0, 0 }, { "L1\0" "2", 4, 0 },
	};
	static const struct vcase	mid[] = {
		{ "CNABCDEF1234SHE", 0, 1 },	/* 15, the maximum */
		{ "CNA", 0, 1 },
		{ "MXABC123MEX", 0, 1 },
		{ "XOABCDEF123TOR", 0, 1 },	/* Ontario */
		{ "XYYUKON1WHI", 0, 1 },	/* Yukon */
		{ "DE1", 0, 1 },
		{ "CN", 0, 0 },
		{ "CNABCDEF1234SHEN", 0, 0 },	/* 16 */
		{ "XXABC", 0, 0 },
		{ "XKABC", 0, 0 },		/* Kosovo: not ISO */
		{ "XDABC", 0, 0 },		/* not a province code */
		{ "UKABC", 0, 0 },
		{ "cnABC", 0, 0 },
		{ "CNabc", 0, 0 },
		{ "CN-ABC", 0, 0 },
		{ "CN ABC", 0, 0 },
		{ "", 0, 0 },
		{ "CNA\0", 4, 0 },
	};
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(firms); i++) {
		n = case_len(firms[i].in, firms[i].len);
		p = exact(firms[i].in, n);
		check_valid(&firms[i], lb_firms_valid(p, n), "lb_firms_valid");
		free(p);
	}
	for (i = 0; i < NELEM(mid); i++) {
		n = case_len(mid[i].in, mid[i].len);
		p = exact(mid[i].in, n);
		check_valid(&mid[i], lb_mid_valid(p, n), "lb_mid_valid");
		free(p);
	}
	assert_int_equal(lb_firms_valid(NULL, 0), 0);
	assert_int_equal(lb_mid_valid(NULL, 0), 0);
}

static void
test_email(void **state)
{
	static const struct vcase	cases[] = {
		{ "cbpsoc@cbp.dhs.gov", 0, 1 },
		{ "a@b.co", 0, 1 },
		{ "first.last+tag@example.com", 0, 1 },
		{ "o'brien@example.ie", 0, 1 },
		{ "x!#$%&'*+/=?^_`{|}~-y@example.org", 0, 1 },
		{ "user@sub-domain.example.com", 0, 1 },
		{ "USER@EXAMPLE.COM", 0, 1 },
		{ "a@1.com", 0, 1 },
		{ "a@b.c.d.e.museum", 0, 1 },
		{ "", 0, 0 },
		{ "plain", 0, 0 },
		{ "a@b", 0, 0 },
		{ "a@@b.com", 0, 0 },
		{ "a@b@c.com", 0, 0 },
		{ "@b.com", 0, 0 },
		{ "a@", 0, 0 },
		{ "a@.com", 0, 0 },
		{ "a@b..com", 0, 0 },
		{ "a@b.com.", 0, 0 },
		{ ".a@b.com", 0, 0 },
		{ "a.@b.com", 0, 0 },
		{ "a..b@c.com", 0, 0 },
		{ "a b@c.com", 0, 0 },
		{ "a@-b.com", 0, 0 },
		{ "a@b-.com", 0, 0 },
		{ "a@b.c", 0, 0 },
		{ "a@b.c0m", 0, 0 },
		{ "a@b.123", 0, 0 },
		{ "a@b.-com", 0, 0 },
		{ "a@b_c.com", 0, 0 },
		{ "a(b)@c.com", 0, 0 },
		{ "\"a\"@b.com", 0, 0 },
		{ "a@b.com\0", 8, 0 },
		{ "a\0@b.com", 8, 0 },
		{ "\xc3\xa9@b.com", 0, 0 },
		{ "a@b.com ", 0, 0 },
	};
	char				 buf[300];
	char				*p;
	size_t				 i, n;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = case_len(cases[i].in, cases[i].len);
		p = exact(cases[i].in, n);
		check_valid(&cases[i], lb_email_valid(p, n), "lb_email_valid");
		free(p);
	}
	/* Local part of 64 is fine, 65 is not. */
	memset(buf, 'a', 64);
	memcpy(buf + 64, "@ex.com", 7);
	p = exact(buf, 71);
	assert_int_equal(lb_email_valid(p, 71), 1);
	free(p);
	memset(buf, 'a', 65);
	memcpy(buf + 65, "@ex.com", 7);
	assert_int_equal(lb_email_valid(buf, 72), 0);
	/* A label of 63 is fine, 64 is not. */
	memcpy(buf, "a@", 2);
	memset(buf + 2, 'b', 63);
	memcpy(buf + 65, ".com", 4);
	assert_int_equal(lb_email_valid(buf, 69), 1);
	memset(buf + 2, 'b', 64);
	memcpy(buf + 66, ".com", 4);
	assert_int_equal(lb_email_valid(buf, 70), 0);
	/* 254 bytes in all is fine, 255 is not. */
	memcpy(buf, "a@", 2);
	for (i = 2; i < 250; i += 62) {
		memset(buf + i, 'b', 61);
		buf[i + 61] = '.';
	}
	/* buf[2..249] holds four labels "b" x 61 each ended by '.'. */
	memcpy(buf + 250, "comx", 4);
	p = exact(buf, 254);
	assert_int_equal(lb_email_valid(p, 254), 1);
	free(p);
	memcpy(buf + 250, "comxy", 5);
	assert_int_equal(lb_email_valid(buf, 255), 0);
	assert_int_equal(lb_email_valid(NULL, 0), 0);
}

static const struct pcase phone_cases[] = {
	{ "703-921-6507", 0, "+17039216507", NULL },
	{ "(703) 921-6507", 0, "+17039216507", NULL },
	{ "703.921.6507", 0, "+17039216507", NULL },
	{ "1 703 921 6507", 0, "+17039216507", NULL },
	{ "1-(703)-921-6507", 0, "+17039216507", NULL },
	{ "17039216507", 0, "+17039216507", NULL },
	{ "+1 703 921 6507", 0, "+17039216507", NULL },
	{ " +1 (703) 921-6507\n", 0, "+17039216507", NULL },
	{ "+44 20 7946 0958", 0, "+442079460958", NULL },
	{ "+86 10 1234 5678", 0, "+861012345678", NULL },
	{ "+31612345", 0, "+31612345", NULL },
	{ "+999999999999999", 0, "+999999999999999", NULL },
	{ "+ 52 55 1234 5678", 0, "+525512345678", NULL },
	{ "2223334444", 0, "+12223334444", NULL },

	{ "", 0, NULL, "phone number is empty" },
	{ "12345", 0, NULL, "got 5 digits" },
	{ "703-921-650", 0, NULL, "expected 10 digits (or 11 starting with 1) "
	    "for a US number, or '+' and a country code, got 9 digits" },
	{ "27039216507", 0, NULL, "got 11 digits" },
	{ "1234567890123456789012345", 0, NULL, "got 25 digits" },
	{ "+1 703 921 650", 0, NULL, "a +1 number needs 10 digits after the "
	    "1, got 9" },
	{ "+1 703 921 65071", 0, NULL, "after the 1, got 11" },
	{ "103-921-6507", 0, NULL, "area code 103 must start with 2-9" },
	{ "003-921-6507", 0, NULL, "area code 003 must start with 2-9" },
	{ "703-121-6507", 0, NULL, "exchange 121 must start with 2-9" },
	{ "1 703 021 6507", 0, NULL, "exchange 021 must start with 2-9" },
	{ "+1 003 921 6507", 0, NULL, "area code 003" },
	{ "+0 123 456 789", 0, NULL, "country code cannot start with 0" },
	{ "+4420794", 0, NULL, "expected 8 to 15 digits after '+', got 7" },
	{ "+4420794609581234", 0, NULL, "got 16" },
	{ "703-921-6507 x12", 0, NULL, "'x' at position 14 is not a digit or "
	    "a separator" },
	{ "703/921/6507", 0, NULL, "'/' at position 4" },
	{ "703+921", 0, NULL, "'+' is only allowed first (position 4)" },
	{ "++1 703 921 6507", 0, NULL, "'+' is only allowed first "
	    "(position 2)" },
	{ "((703) 921-6507", 0, NULL, "nested '(' at position 2" },
	{ "703) 921-6507", 0, NULL, "')' without '(' at position 4" },
	{ "(703 921-6507", 0, NULL, "'(' is never closed" },
	{ "---", 0, NULL, "phone number has no digits" },
	{ "+", 0, NULL, "phone number has no digits" },
	{ "703\0" "9216507", 11, NULL, "byte 0x00 at position 4" },
};

static void
test_phone_parse(void **state)
{
	char	 out[LB_PHONE_STRLEN], why[LB_WHY_MAX];
	char	*p;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(phone_cases); i++) {
		n = case_len(phone_cases[i].in, phone_cases[i].len);
		p = exact(phone_cases[i].in, n);
		why[0] = '\0';
		rc = lb_phone_parse(p, n, out, why, sizeof(why));
		free(p);
		check_result(&phone_cases[i], rc, out, why);
		/* The canonical form parses to itself. */
		if (rc == 0) {
			char	again[LB_PHONE_STRLEN];

			assert_int_equal(lb_phone_parse(out, strlen(out),
			    again, why, sizeof(why)), 0);
			assert_string_equal(again, out);
		}
	}
}

/*
 * Amounts.
 */

static const struct {
	const char	*in;
	int64_t		 cents;
	const char	*why;	/* NULL: accepted */
} money_cases[] = {
	{ "0", 0, NULL },
	{ "0.00", 0, NULL },
	{ "0.0", 0, NULL },
	{ "1234.56", 123456, NULL },
	{ "1234.5", 123450, NULL },
	{ "1234", 123400, NULL },
	{ "007.10", 710, NULL },
	{ " 12.34\n", 1234, NULL },
	{ "0.01", 1, NULL },
	{ "999999999999.99", INT64_C(99999999999999), NULL },
	{ "999999999999", INT64_C(99999999999900), NULL },
	{ "000000000000000000000000001", 100, NULL },

	{ "", 0, "amount is empty" },
	{ "  ", 0, "amount is empty" },
	{ "-1", 0, "amount must not be negative" },
	{ "+1", 0, "amount takes no sign" },
	{ "$12", 0, "amount takes no currency sign" },
	{ "1,234.56", 0, "no thousands separators: ',' at position 2" },
	{ "1e5", 0, "no exponent: 'e' at position 2" },
	{ "1E5", 0, "no exponent: 'E' at position 2" },
	{ "1.234", 0, "at most 2 decimal places, got 3" },
	{ "1.", 0, "expected a digit after the decimal point" },
	{ ".5", 0, "expected a digit before the decimal point" },
	{ "1.2.3", 0, "'.' at position 4 is not a digit" },
	{ "1.-5", 0, "'-' at position 3 is not a digit" },
	{ "12 34", 0, "space at position 3 is not a digit" },
	{ "abc", 0, "'a' at position 1 is not a digit" },
	{ "1000000000000", 0, "amount exceeds 999999999999.99" },
	{ "99999999999999999999999999", 0, "amount exceeds 999999999999.99" },
	{ "999999999999.991", 0, "at most 2 decimal places, got 3" },
	{ "12\xff", 0, "byte 0xff at position 3 is not a digit" },
};

static void
test_money_parse(void **state)
{
	char	 why[LB_WHY_MAX];
	char	*p;
	int64_t	 cents;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(money_cases); i++) {
		n = strlen(money_cases[i].in);
		p = exact(money_cases[i].in, n);
		why[0] = '\0';
		cents = -42;
		rc = lb_money_parse(p, n, &cents, why, sizeof(why));
		free(p);
		if (money_cases[i].why == NULL) {
			if (rc != 0)
				fail_msg("\"%s\": rejected (%s)",
				    money_cases[i].in, why);
			assert_int_equal(cents, money_cases[i].cents);
		} else {
			if (rc != -1)
				fail_msg("\"%s\": accepted",
				    money_cases[i].in);
			assert_int_equal(cents, -42);
			if (strstr(why, money_cases[i].why) == NULL)
				fail_msg("\"%s\": reason \"%s\" lacks \"%s\"",
				    money_cases[i].in, why,
				    money_cases[i].why);
		}
	}
	/* A NUL inside n is a bad byte, not an end. */
	assert_int_equal(lb_money_parse("12\0" "3", 4, &cents, why,
	    sizeof(why)), -1);
	assert_non_null(strstr(why, "byte 0x00 at position 3"));
}

static void
test_money_format(void **state)
{
	static const struct {
		int64_t		 cents;
		const char	*out;
	} cases[] = {
		{ 0, "0.00" },
		{ 5, "0.05" },
		{ 10, "0.10" },
		{ 100, "1.00" },
		{ 123456, "1234.56" },
		{ -5, "-0.05" },
		{ -123456, "-1234.56" },
		{ INT64_C(99999999999999), "999999999999.99" },
		{ INT64_MAX, "92233720368547758.07" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	char	out[LB_MONEY_STRLEN];
	int64_t	cents, v;
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		lb_money_format(cases[i].cents, out);
		assert_string_equal(out, cases[i].out);
	}
	/* format then parse is the identity over the accepted range. */
	for (v = 0; v <= LB_MONEY_MAX_CENTS; v = v * 3 + 7) {
		lb_money_format(v, out);
		assert_int_equal(lb_money_parse(out, strlen(out), &cents,
		    NULL, 0), 0);
		assert_int_equal(cents, v);
	}
}

static void
test_money_display(void **state)
{
	static const struct {
		int64_t		 cents;
		const char	*out;
	} cases[] = {
		{ 0, "$0.00" },
		{ 5, "$0.05" },
		{ 99999, "$999.99" },
		{ 100000, "$1,000.00" },
		{ 123456, "$1,234.56" },
		{ 12345678, "$123,456.78" },
		{ 123456789, "$1,234,567.89" },
		{ -500, "-$5.00" },
		{ -100000, "-$1,000.00" },
		{ INT64_C(99999999999999), "$999,999,999,999.99" },
		{ INT64_MIN, "-$92,233,720,368,547,758.08" },
	};
	char	out[LB_MONEY_DISPLAY_STRLEN];
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		lb_money_display(cases[i].cents, out);
		assert_string_equal(out, cases[i].out);
	}
}

static const struct {
	int		 scale;
	const char	*in;
	int64_t		 units;
	const char	*why;	/* NULL: accepted */
} decimal_cases[] = {
	{ 3, "12.5", 12500, NULL },
	{ 0, "12", 12, NULL },
	{ 3, "0.001", 1, NULL },
	{ 3, "12", 12000, NULL },
	{ 9, "0.000000001", 1, NULL },
	{ 9, "1", 1000000000, NULL },
	{ 6, "1.5", 1500000, NULL },
	{ 2, "1000000000000", INT64_C(100000000000000), NULL },
	{ 3, "1000000000000", INT64_C(1000000000000000), NULL },
	{ 0, "1000000000000000", INT64_C(1000000000000000), NULL },
	{ 0, "0", 0, NULL },
	{ 3, " 7.250 ", 7250, NULL },

	{ 3, "1000000000000.001", 0, "number exceeds 1000000000000" },
	{ 0, "1000000000000001", 0, "number exceeds 1000000000000000" },
	{ 9, "1000000.000000001", 0, "number exceeds 1000000" },
	{ 0, "1.5", 0, "number must be a whole number" },
	{ 0, "1.0", 0, "number must be a whole number" },
	{ 2, "1.234", 0, "at most 2 decimal places, got 3" },
	{ -1, "1", 0, "scale -1 out of range 0-9" },
	{ 10, "1", 0, "scale 10 out of range 0-9" },
	{ 3, "-1", 0, "number must not be negative" },
	{ 3, "", 0, "number is empty" },
	{ 3, "1/2", 0, "'/' at position 2 is not a digit" },
};

static void
test_decimal_parse(void **state)
{
	char	 why[LB_WHY_MAX];
	char	*p;
	int64_t	 units;
	size_t	 i, n;
	int	 rc;

	(void)state;
	for (i = 0; i < NELEM(decimal_cases); i++) {
		n = strlen(decimal_cases[i].in);
		p = exact(decimal_cases[i].in, n);
		why[0] = '\0';
		units = -42;
		rc = lb_decimal_parse(p, n, decimal_cases[i].scale, &units,
		    why, sizeof(why));
		free(p);
		if (decimal_cases[i].why == NULL) {
			if (rc != 0)
				fail_msg("\"%s\": rejected (%s)",
				    decimal_cases[i].in, why);
			assert_int_equal(units, decimal_cases[i].units);
		} else {
			if (rc != -1)
				fail_msg("\"%s\": accepted",
				    decimal_cases[i].in);
			assert_int_equal(units, -42);
			if (strstr(why, decimal_cases[i].why) == NULL)
				fail_msg("\"%s\": reason \"%s\" lacks \"%s\"",
				    decimal_cases[i].in, why,
				    decimal_cases[i].why);
		}
	}
}

static void
test_decimal_format(void **state)
{
	static const struct {
		int64_t		 units;
		int		 scale;
		const char	*out;
	} cases[] = {
		{ 12500, 3, "12.5" },
		{ 12000, 3, "12" },
		{ 1, 3, "0.001" },
		{ 10, 3, "0.01" },
		{ 0, 3, "0" },
		{ 0, 0, "0" },
		{ 123, 0, "123" },
		{ 100, 9, "0.0000001" },
		{ 123456789, 9, "0.123456789" },
		{ INT64_C(1000000000000000), 0, "1000000000000000" },
		{ -12500, 3, "-12.5" },
		{ -1, 9, "-0.000000001" },
		{ INT64_MIN, 9, "-9223372036.854775808" },
		{ INT64_MAX, 0, "9223372036854775807" },
		{ 12500, 10, "" },
		{ 12500, -1, "" },
	};
	char	out[32];
	int64_t	units, v;
	size_t	i;
	int	scale;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(out, 'x', sizeof(out));
		lb_decimal_format(cases[i].units, cases[i].scale, out,
		    sizeof(out));
		assert_string_equal(out, cases[i].out);
	}
	/* Truncation keeps a NUL-terminated prefix; outlen 0 writes nothing. */
	lb_decimal_format(12500, 3, out, 3);
	assert_string_equal(out, "12");
	out[0] = 'x';
	lb_decimal_format(12500, 3, out, 0);
	assert_int_equal(out[0], 'x');
	lb_decimal_format(12500, 3, NULL, 10);
	/* format then parse is the identity at every scale. */
	for (scale = 0; scale <= LB_DECIMAL_SCALE_MAX; scale++) {
		for (v = 0; v <= LB_DECIMAL_MAX_UNITS; v = v * 7 + 3) {
			lb_decimal_format(v, scale, out, sizeof(out));
			assert_int_equal(lb_decimal_parse(out, strlen(out),
			    scale, &units, NULL, 0), 0);
			assert_int_equal(units, v);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_check_digit_table),
		cmocka_unit_test(test_check_digit_letters),
		cmocka_unit_test(test_check_digit_invalid),
		cmocka_unit_test(test_check_digit_detects_single_errors),
		cmocka_unit_test(test_filer_code_every_combination),
		cmocka_unit_test(test_filer_code_invalid),
		cmocka_unit_test(test_entry_parse),
		cmocka_unit_test(test_entry_parse_one_check_digit),
		cmocka_unit_test(test_entry_parse_why_buffers),
		cmocka_unit_test(test_importer_parse),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_hts_parse),
		cmocka_unit_test(test_hts_format),
		cmocka_unit_test(test_scac),
		cmocka_unit_test(test_bill_parse),
		cmocka_unit_test(test_awb_inbond),
		cmocka_unit_test(test_inbond_one_check_digit),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_entry_types),
		cmocka_unit_test(test_bond_types),
		cmocka_unit_test(test_country),
		cmocka_unit_test(test_us_state),
		cmocka_unit_test(test_firms_mid),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone_parse),
		cmocka_unit_test(test_money_parse),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_money_display),
		cmocka_unit_test(test_decimal_parse),
		cmocka_unit_test(test_decimal_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
