/*
 * cbp.c: validators and parsers for the identifiers and codes of US
 * customs paperwork (see cbp.h for the conventions and CBP.md for the
 * rules).  This is the allowlist at the edge: whatever a person types, a
 * CSV file holds or a form posts goes through here before the rest of
 * Lifeboat sees it, so every rejection says exactly what is wrong.  Pure:
 * no I/O, no clock, no allocation; input is never read past n.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cbp.h"
#include "text.h"

/*
 * Code tables.  CBP.md marks the mode of transport and bond type codes "to
 * confirm": each table below is the one place that holds them.
 */

enum mode_kind {
	MODE_VESSEL,
	MODE_RAIL,
	MODE_TRUCK,
	MODE_AIR,
	MODE_MAIL,
	MODE_PASSENGER,
	MODE_FIXED
};

/* Modes of transport (CBP.md section 6: to confirm). */
static const struct mode {
	int		 code;
	enum mode_kind	 kind;
	const char	*name;
} modes[] = {
	{ 10, MODE_VESSEL,	"vessel, non-container" },
	{ 11, MODE_VESSEL,	"vessel, container" },
	{ 20, MODE_RAIL,	"rail, non-container" },
	{ 21, MODE_RAIL,	"rail, container" },
	{ 30, MODE_TRUCK,	"truck, non-container" },
	{ 31, MODE_TRUCK,	"truck, container" },
	{ 40, MODE_AIR,		"air, non-container" },
	{ 41, MODE_AIR,		"air, container" },
	{ 50, MODE_MAIL,	"mail" },
	{ 60, MODE_PASSENGER,	"passenger, hand-carried" },
	{ 70, MODE_FIXED,	"fixed transport installation" },
};

/*
 * Entry types (CBP.md section 6).  A closed type keeps its name for old
 * records but is no longer valid.
 */
static const struct entry_type {
	int		 code;
	int		 closed;
	int		 informal;
	const char	*name;
} entry_types[] = {
	{ 1, 0, 0,	"free and dutiable" },
	{ 2, 0, 0,	"quota/visa" },
	{ 3, 0, 0,	"antidumping/countervailing duty" },
	{ 6, 0, 0,	"foreign trade zone consumption" },
	{ 11, 0, 1,	"informal" },
	{ 12, 0, 1,	"informal quota/visa" },
	{ 21, 0, 0,	"warehouse" },
	{ 22, 0, 0,	"re-warehouse" },
	{ 23, 0, 0,	"temporary importation under bond" },
	{ 26, 0, 0,	"foreign trade zone admission" },
	{ 31, 0, 0,	"warehouse withdrawal for consumption" },
	{ 32, 0, 0,	"warehouse withdrawal, quota/visa" },
	/*
	 * 33, 35, 36 and 37 are not filed on a CBP Form 7501; these names
	 * follow older ABI code lists: to confirm against CATAIR Appendix B.
	 */
	{ 33, 0, 0,	"warehouse withdrawal for vessel or aircraft supplies" },
	{ 34, 0, 0,	"warehouse withdrawal, antidumping/countervailing duty" },
	{ 35, 0, 0,	"warehouse withdrawal for transportation" },
	{ 36, 0, 0,	"warehouse withdrawal for immediate exportation" },
	{ 37, 0, 0,	"warehouse withdrawal for transportation and "
			"exportation" },
	{ 38, 0, 0,	"warehouse withdrawal, antidumping/countervailing "
			"duty and quota/visa" },
	/* Which agency 51 stands for: to confirm. */
	{ 51, 0, 0,	"government, Defense Contract Management Agency" },
	{ 52, 0, 0,	"government, dutiable" },
	{ 86, 1, 0,	"de minimis (closed since August 2025)" },
};

/* Bond types (CBP.md section 6: to confirm). */
static const struct bond_type {
	int		 code;
	const char	*name;
} bond_types[] = {
	{ 8, "continuous" },
	{ 9, "single transaction" },
	{ 0, "none required" },
};

/*
 * CBP's codes that stand for the country in the MID of a Canadian
 * manufacturer, one per province or territory (CATAIR; to confirm).
 */
static const char mid_provinces[] = "XAXBXCXMXNXOXPXQXSXTXWXY";

/* ISO 3166-1 alpha-2, officially assigned codes (249), sorted. */
static const char iso_countries[] =
	"ADAEAFAGAIALAMAOAQARASATAU"
	"AWAXAZBABBBDBEBFBGBHBIBJBL"
	"BMBNBOBQBRBSBTBVBWBYBZCACC"
	"CDCFCGCHCICKCLCMCNCOCRCUCV"
	"CWCXCYCZDEDJDKDMDODZECEEEG"
	"EHERESETFIFJFKFMFOFRGAGBGD"
	"GEGFGGGHGIGLGMGNGPGQGRGSGT"
	"GUGWGYHKHMHNHRHTHUIDIEILIM"
	"INIOIQIRISITJEJMJOJPKEKGKH"
	"KIKMKNKPKRKWKYKZLALBLCLILK"
	"LRLSLTLULVLYMAMCMDMEMFMGMH"
	"MKMLMMMNMOMPMQMRMSMTMUMVMW"
	"MXMYMZNANCNENFNGNINLNONPNR"
	"NUNZOMPAPEPFPGPHPKPLPMPNPR"
	"PSPTPWPYQARERORSRURWSASBSC"
	"SDSESGSHSISJSKSLSMSNSOSRSS"
	"STSVSXSYSZTCTDTFTGTHTJTKTL"
	"TMTNTOTRTTTVTWTZUAUGUMUSUY"
	"UZVAVCVEVGVIVNVUWFWSYEYTZA"
	"ZMZW";

/*
 * USPS codes: the 50 states, DC, the inhabited territories and the
 * military "states" (Americas, Europe, Pacific).
 */
static const char us_states[] =
	"ALAKAZARCACOCTDEFLGAHIIDILINIAKSKYLAMEMDMAMIMNMSMOMTNENVNHNJNMNY"
	"NCNDOHOKORPARISCSDTNTXUTVTVAWAWVWIWY"
	"DC" "PRVIGUASMP" "AAAEAP";

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ASCII classes only: the locale must not change what is valid. */
static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_alpha(unsigned char c)
{
	return is_upper(c) || (c >= 'a' && c <= 'z');
}

static int
is_upper_alnum(unsigned char c)
{
	return is_upper(c) || lb_is_digit(c);
}

static unsigned char
to_upper(unsigned char c)
{
	return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

/* Copy n bytes (n <= the size of dst) folding letters to uppercase. */
static void
upcopy(char *dst, const char *src, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		dst[i] = (char)to_upper((unsigned char)src[i]);
}

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

static int
all_digits(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (!lb_is_digit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Value of n <= 18 decimal digits that the caller has checked. */
static int64_t
digits_value(const char *s, size_t n)
{
	int64_t	v = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* 1 if the 2 bytes at s are one of the pairs in list. */
static int
in_pairs(const char *list, size_t listlen, const char *s)
{
	size_t	i;

	for (i = 0; i + 1 < listlen; i += 2)
		if (list[i] == s[0] && list[i + 1] == s[1])
			return 1;
	return 0;
}

/*
 * Entry numbers.
 */

int
lb_filer_code_valid(const char *s, size_t n)
{
	size_t	i;

	/*
	 * CATAIR lists NNN ANN AAN AAA ANA NAN NNA NAA: with a letter or a
	 * digit in each of 3 places that is all 8 combinations, so any 3
	 * uppercase letters or digits form a filer code.
	 */
	if (s == NULL || n != 3)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_upper_alnum((unsigned char)s[i]))
			return 0;
	return 1;
}

/* CBP.md section 3: A-I -> 1-9, J-R -> 1-9, S-Z -> 2-9; -1 otherwise. */
static int
filer_char_value(unsigned char c)
{
	if (lb_is_digit(c))
		return c - '0';
	if (c >= 'A' && c <= 'I')
		return c - 'A' + 1;
	if (c >= 'J' && c <= 'R')
		return c - 'J' + 1;
	if (c >= 'S' && c <= 'Z')
		return c - 'S' + 2;
	return -1;
}

int
lb_entry_check_digit(const char *ten)
{
	int	i, v, sum = 0;

	if (ten == NULL)
		return -1;
	for (i = 0; i < 10; i++) {
		if (i < 3)
			v = filer_char_value((unsigned char)ten[i]);
		else
			v = lb_is_digit((unsigned char)ten[i]) ? ten[i] - '0' : -1;
		if (v == -1)
			return -1;
		/*
		 * Luhn over 10 digits: positions 2, 4, ..., 10 counted from
		 * 1 on the left (odd indices here) are doubled, and a
		 * doubled value above 9 is replaced by its digit sum.
		 */
		if (i % 2 == 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (10 - sum % 10) % 10;
}

int
lb_entry_parse(const char *s, size_t n, char out[LB_ENTRY_STRLEN],
    char *why, size_t whylen)
{
	char	 u[13], ten[10], c[12];
	size_t	 i, k, serial_at, check_at;
	int	 dashed, cd;

	out[0] = '\0';
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "entry number is empty");
		return -1;
	}
	if (n != 11 && n != 13) {
		(void)lb_why(why, whylen, "expected 11 characters (13 with dashes), "
		    "got %zu", n);
		return -1;
	}
	upcopy(u, s, n);
	dashed = n == 13;
	if (dashed) {
		if (u[3] != '-') {
			(void)lb_why(why, whylen, "expected '-' after the filer "
			    "code at position 4, got %s",
			    chdesc((unsigned char)u[3], c));
			return -1;
		}
		if (u[11] != '-') {
			(void)lb_why(why, whylen, "expected '-' after the serial at "
			    "position 12, got %s",
			    chdesc((unsigned char)u[11], c));
			return -1;
		}
	} else if (memchr(u, '-', n) != NULL) {
		(void)lb_why(why, whylen, "use both dashes (XXX-NNNNNNN-C) or none");
		return -1;
	}
	for (i = 0; i < 3; i++) {
		if (!is_upper_alnum((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "filer code must be letters and "
			    "digits: %s at position %zu",
			    chdesc((unsigned char)u[i], c), i + 1);
			return -1;
		}
		ten[i] = u[i];
	}
	serial_at = dashed ? 4 : 3;
	for (k = 0; k < 7; k++) {
		i = serial_at + k;
		if (!lb_is_digit((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "serial must be 7 digits: %s at "
			    "position %zu", chdesc((unsigned char)u[i], c),
			    i + 1);
			return -1;
		}
		ten[3 + k] = u[i];
	}
	check_at = n - 1;
	if (!lb_is_digit((unsigned char)u[check_at])) {
		(void)lb_why(why, whylen, "check digit must be a digit: %s at "
		    "position %zu", chdesc((unsigned char)u[check_at], c),
		    check_at + 1);
		return -1;
	}
	cd = lb_entry_check_digit(ten);
	if (cd != u[check_at] - '0') {
		(void)lb_why(why, whylen, "check digit is %c, expected %d",
		    u[check_at], cd);
		return -1;
	}
	(void)snprintf(out, LB_ENTRY_STRLEN, "%.3s-%.7s-%c", ten, ten + 3,
	    u[check_at]);
	return 0;
}

/*
 * Importer numbers.
 */

static int
importer_ein(const char *u, size_t n, char out[LB_IMPORTER_STRLEN],
    char *why, size_t whylen)
{
	char	 d[11], c[12];
	size_t	 i, k = 0;

	/* u is "NN-NNNNNNNXX" (n 12) or "NNNNNNNNNXX" (n 11). */
	for (i = 0; i < n; i++) {
		if (n == 12 && i == 2)
			continue;
		if (k < 9 && !lb_is_digit((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "EIN must start with 9 digits: %s "
			    "at position %zu", chdesc((unsigned char)u[i], c),
			    i + 1);
			return -1;
		}
		if (k >= 9 && !is_upper_alnum((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "EIN suffix must be 2 letters or "
			    "digits: %s at position %zu",
			    chdesc((unsigned char)u[i], c), i + 1);
			return -1;
		}
		if (u[i] == 'O' || u[i] == 'I' || u[i] == 'Z') {
			(void)lb_why(why, whylen, "EIN suffix never uses the letter "
			    "%c (position %zu)", u[i], i + 1);
			return -1;
		}
		d[k++] = u[i];
	}
	(void)snprintf(out, LB_IMPORTER_STRLEN, "%.2s-%.9s", d, d + 2);
	return 0;
}

static int
importer_ssn(const char *u, char out[LB_IMPORTER_STRLEN], char *why,
    size_t whylen)
{
	char	 c[12];
	size_t	 i;
	int64_t	 area, group, serial;

	/* u is 11 bytes with a dash at index 3 or 6. */
	for (i = 0; i < 11; i++) {
		if (i == 3 || i == 6) {
			if (u[i] != '-') {
				(void)lb_why(why, whylen, "SSN must be written "
				    "NNN-NN-NNNN: expected '-' at position "
				    "%zu, got %s", i + 1,
				    chdesc((unsigned char)u[i], c));
				return -1;
			}
		} else if (!lb_is_digit((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "SSN must be digits: %s at "
			    "position %zu", chdesc((unsigned char)u[i], c),
			    i + 1);
			return -1;
		}
	}
	area = digits_value(u, 3);
	group = digits_value(u + 4, 2);
	serial = digits_value(u + 7, 4);
	if (area == 0 || area == 666 || area >= 900) {
		(void)lb_why(why, whylen, "SSN area %.3s is never issued "
		    "(000, 666 and 900-999 are not used)", u);
		return -1;
	}
	if (group == 0) {
		(void)lb_why(why, whylen, "SSN group 00 is never issued");
		return -1;
	}
	if (serial == 0) {
		(void)lb_why(why, whylen, "SSN serial 0000 is never issued");
		return -1;
	}
	(void)snprintf(out, LB_IMPORTER_STRLEN, "%.11s", u);
	return 0;
}

static int
importer_cbp(const char *u, char out[LB_IMPORTER_STRLEN], char *why,
    size_t whylen)
{
	char	 c[12];
	size_t	 i;

	/* u is 12 bytes with a dash at index 6. */
	for (i = 0; i < 12; i++) {
		if (i == 6)
			continue;
		if (!lb_is_digit((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "CBP-assigned number must be "
			    "YYDDPP-NNNNN digits: %s at position %zu",
			    chdesc((unsigned char)u[i], c), i + 1);
			return -1;
		}
	}
	(void)snprintf(out, LB_IMPORTER_STRLEN, "%.12s", u);
	return 0;
}

int
lb_importer_parse(const char *s, size_t n, char out[LB_IMPORTER_STRLEN],
    enum lb_importer_type *type, char *why, size_t whylen)
{
	char			u[12];
	enum lb_importer_type	t = LB_IMPORTER_EIN;
	int			rc;

	out[0] = '\0';
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "importer number is empty");
		return -1;
	}
	if (n == 9 && all_digits(s, n)) {
		(void)lb_why(why, whylen, "9 digits without dashes are ambiguous: "
		    "write an SSN as NNN-NN-NNNN or an EIN as NN-NNNNNNNXX");
		return -1;
	}
	if (n == 10 && s[2] == '-' && all_digits(s, 2) &&
	    all_digits(s + 3, 7)) {
		(void)lb_why(why, whylen, "EIN needs its 2-character suffix: "
		    "NN-NNNNNNNXX (usually 00)");
		return -1;
	}
	if (n != 11 && n != 12) {
		(void)lb_why(why, whylen, "expected an EIN (NN-NNNNNNNXX), an SSN "
		    "(NNN-NN-NNNN) or a CBP-assigned number (YYDDPP-NNNNN), "
		    "got %zu characters", n);
		return -1;
	}
	upcopy(u, s, n);
	if (n == 12 && u[2] == '-') {
		t = LB_IMPORTER_EIN;
		rc = importer_ein(u, n, out, why, whylen);
	} else if (n == 12 && u[6] == '-') {
		t = LB_IMPORTER_CBP;
		rc = importer_cbp(u, out, why, whylen);
	} else if (n == 12) {
		(void)lb_why(why, whylen, "expected a dash after 2 digits (EIN "
		    "NN-NNNNNNNXX) or after 6 (CBP-assigned YYDDPP-NNNNN)");
		rc = -1;
	} else if (u[3] == '-' || u[6] == '-') {
		t = LB_IMPORTER_SSN;
		rc = importer_ssn(u, out, why, whylen);
	} else {
		/* 11 characters without a dash: an EIN, as CBP.md reads it. */
		t = LB_IMPORTER_EIN;
		rc = importer_ein(u, n, out, why, whylen);
	}
	if (rc == -1) {
		out[0] = '\0';
		return -1;
	}
	if (type != NULL)
		*type = t;
	return 0;
}

const char *
lb_importer_type_name(enum lb_importer_type t)
{
	switch (t) {
	case LB_IMPORTER_EIN:
		return "EIN";
	case LB_IMPORTER_SSN:
		return "SSN";
	case LB_IMPORTER_CBP:
		return "CBP";
	}
	return NULL;
}

/*
 * Ports.
 */

int
lb_port_valid(const char *s, size_t n)
{
	if (s == NULL || n != 4 || !all_digits(s, n))
		return 0;
	/* District 00 does not exist. */
	return !(s[0] == '0' && s[1] == '0');
}

int
lb_foreign_port_valid(const char *s, size_t n)
{
	return s != NULL && n == 5 && all_digits(s, n);
}

/*
 * HTS numbers.
 */

int
lb_hts_parse(const char *s, size_t n, char out[LB_HTS_STRLEN], char *why,
    size_t whylen)
{
	char	 d[10], c[12];
	size_t	 i, k = 0;
	int	 dotted;

	out[0] = '\0';
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "HTS number is empty");
		return -1;
	}
	if (n != 10 && n != 12) {
		(void)lb_why(why, whylen, "expected 10 digits or NNNN.NN.NNNN, got "
		    "%zu characters", n);
		return -1;
	}
	dotted = n == 12;
	for (i = 0; i < n; i++) {
		if (dotted && (i == 4 || i == 7)) {
			if (s[i] != '.') {
				(void)lb_why(why, whylen, "expected '.' at position "
				    "%zu of NNNN.NN.NNNN, got %s", i + 1,
				    chdesc((unsigned char)s[i], c));
				return -1;
			}
			continue;
		}
		if (s[i] == '.') {
			(void)lb_why(why, whylen, "a dot may only follow the 4th "
			    "and 6th digits, as in 8507.60.0020 (position "
			    "%zu)", i + 1);
			return -1;
		}
		if (!lb_is_digit((unsigned char)s[i])) {
			(void)lb_why(why, whylen, "HTS number must be digits: %s at "
			    "position %zu", chdesc((unsigned char)s[i], c),
			    i + 1);
			return -1;
		}
		d[k++] = s[i];
	}
	if (d[0] == '0' && d[1] == '0') {
		(void)lb_why(why, whylen, "chapter 00 does not exist");
		return -1;
	}
	if (d[0] == '7' && d[1] == '7') {
		(void)lb_why(why, whylen, "chapter 77 is reserved for future use");
		return -1;
	}
	(void)snprintf(out, LB_HTS_STRLEN, "%.10s", d);
	return 0;
}

void
lb_hts_format(const char *ten, char out[LB_HTS_FMTLEN])
{
	out[0] = '\0';
	if (ten == NULL || !all_digits(ten, 10))
		return;
	(void)snprintf(out, LB_HTS_FMTLEN, "%.4s.%.2s.%.4s", ten, ten + 4,
	    ten + 6);
}

/*
 * Carriers, bills, in-bond numbers.
 */

int
lb_scac_valid(const char *s, size_t n)
{
	size_t	i;

	if (s == NULL || n < 2 || n > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_upper((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Expected last digit of the 11-digit air waybill at d. */
static int
awb_check(const char *d)
{
	return (int)(digits_value(d + 3, 7) % 7);
}

int
lb_awb_valid(const char *s, size_t n)
{
	if (s == NULL || n != 11 || !all_digits(s, n))
		return 0;
	return s[10] - '0' == awb_check(s);
}

int
lb_inbond_valid(const char *s, size_t n)
{
	if (s == NULL || n != 9 || !all_digits(s, n))
		return 0;
	return s[8] - '0' == (int)(digits_value(s, 8) % 7);
}

static const struct mode *
mode_find(int code)
{
	size_t	i;

	for (i = 0; i < NELEM(modes); i++)
		if (modes[i].code == code)
			return &modes[i];
	return NULL;
}

static int
bill_air(const char *s, size_t n, char out[LB_BILL_STRLEN], char *why,
    size_t whylen)
{
	char	 d[11], c[12];
	size_t	 i, k = 0;
	int	 want;

	if (n != 11 && !(n == 12 && s[3] == '-')) {
		(void)lb_why(why, whylen, "air waybill: expected 11 digits or "
		    "NNN-NNNNNNNN, got %zu characters", n);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (n == 12 && i == 3)
			continue;
		if (!lb_is_digit((unsigned char)s[i])) {
			(void)lb_why(why, whylen, "air waybill must be digits: %s "
			    "at position %zu", chdesc((unsigned char)s[i], c),
			    i + 1);
			return -1;
		}
		d[k++] = s[i];
	}
	want = awb_check(d);
	if (d[10] - '0' != want) {
		(void)lb_why(why, whylen, "air waybill check digit is %c, expected "
		    "%d", d[10], want);
		return -1;
	}
	(void)snprintf(out, LB_BILL_STRLEN, "%.11s", d);
	return 0;
}

int
lb_bill_parse(int mode, const char *s, size_t n, char out[LB_BILL_STRLEN],
    char *why, size_t whylen)
{
	const struct mode	*md;
	char			 u[16], c[12];
	size_t			 i;
	int			 scac;

	out[0] = '\0';
	if ((md = mode_find(mode)) == NULL) {
		(void)lb_why(why, whylen, "unknown mode of transport %d", mode);
		return -1;
	}
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "bill number is empty");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (lb_is_space((unsigned char)s[i])) {
			(void)lb_why(why, whylen, "bill number may not contain "
			    "spaces (position %zu)", i + 1);
			return -1;
		}
	}
	if (md->kind == MODE_AIR)
		return bill_air(s, n, out, why, whylen);
	scac = md->kind == MODE_VESSEL || md->kind == MODE_RAIL;
	if (scac && (n < 5 || n > 16)) {
		(void)lb_why(why, whylen, "expected the issuer's 4-letter SCAC and "
		    "1 to 12 letters or digits (5 to 16 characters), got %zu",
		    n);
		return -1;
	}
	if (n > 16) {
		(void)lb_why(why, whylen, "expected 1 to 16 letters or digits, got "
		    "%zu characters", n);
		return -1;
	}
	upcopy(u, s, n);
	for (i = 0; i < n; i++) {
		if (scac && i < 4 && !is_upper((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "bill must start with the issuer's "
			    "4-letter SCAC: %s at position %zu",
			    chdesc((unsigned char)u[i], c), i + 1);
			return -1;
		}
		if (!is_upper_alnum((unsigned char)u[i])) {
			(void)lb_why(why, whylen, "bill number may hold only letters "
			    "and digits: %s at position %zu",
			    chdesc((unsigned char)u[i], c), i + 1);
			return -1;
		}
	}
	(void)snprintf(out, LB_BILL_STRLEN, "%.*s", (int)n, u);
	return 0;
}

/*
 * Code tables.
 */

int
lb_mode_valid(int code)
{
	return mode_find(code) != NULL;
}

const char *
lb_mode_name(int code)
{
	const struct mode	*md;

	return (md = mode_find(code)) == NULL ? NULL : md->name;
}

static int
mode_is(int code, enum mode_kind kind)
{
	const struct mode	*md;

	return (md = mode_find(code)) != NULL && md->kind == kind;
}

int
lb_mode_is_vessel(int code)
{
	return mode_is(code, MODE_VESSEL);
}

int
lb_mode_is_rail(int code)
{
	return mode_is(code, MODE_RAIL);
}

int
lb_mode_is_truck(int code)
{
	return mode_is(code, MODE_TRUCK);
}

int
lb_mode_is_air(int code)
{
	return mode_is(code, MODE_AIR);
}

static const struct entry_type *
entry_type_find(int code)
{
	size_t	i;

	for (i = 0; i < NELEM(entry_types); i++)
		if (entry_types[i].code == code)
			return &entry_types[i];
	return NULL;
}

int
lb_entry_type_valid(int code)
{
	const struct entry_type	*et;

	return (et = entry_type_find(code)) != NULL && !et->closed;
}

int
lb_entry_type_closed(int code)
{
	const struct entry_type	*et;

	return (et = entry_type_find(code)) != NULL && et->closed;
}

int
lb_entry_type_informal(int code)
{
	const struct entry_type	*et;

	return (et = entry_type_find(code)) != NULL && et->informal;
}

const char *
lb_entry_type_name(int code)
{
	const struct entry_type	*et;

	return (et = entry_type_find(code)) == NULL ? NULL : et->name;
}

static const struct bond_type *
bond_type_find(int code)
{
	size_t	i;

	for (i = 0; i < NELEM(bond_types); i++)
		if (bond_types[i].code == code)
			return &bond_types[i];
	return NULL;
}

int
lb_bond_type_valid(int code)
{
	return bond_type_find(code) != NULL;
}

const char *
lb_bond_type_name(int code)
{
	const struct bond_type	*bt;

	return (bt = bond_type_find(code)) == NULL ? NULL : bt->name;
}

/*
 * Places and parties.
 */

int
lb_country_valid(const char *s, size_t n)
{
	size_t	lo = 0, hi = (sizeof(iso_countries) - 1) / 2, mid;
	int	cmp;

	if (s == NULL || n != 2 || !is_upper((unsigned char)s[0]) ||
	    !is_upper((unsigned char)s[1]))
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((cmp = memcmp(s, iso_countries + 2 * mid, 2)) == 0)
			return 1;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

int
lb_us_state_valid(const char *s, size_t n)
{
	if (s == NULL || n != 2 || !is_upper((unsigned char)s[0]) ||
	    !is_upper((unsigned char)s[1]))
		return 0;
	return in_pairs(us_states, sizeof(us_states) - 1, s);
}

int
lb_firms_valid(const char *s, size_t n)
{
	size_t	i;

	if (s == NULL || n != 4 || !is_upper((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++)
		if (!is_upper_alnum((unsigned char)s[i]))
			return 0;
	return 1;
}

int
lb_mid_valid(const char *s, size_t n)
{
	size_t	i;

	if (s == NULL || n < 3 || n > 15)
		return 0;
	if (!lb_country_valid(s, 2) &&
	    !(is_upper((unsigned char)s[0]) && is_upper((unsigned char)s[1]) &&
	    in_pairs(mid_provinces, sizeof(mid_provinces) - 1, s)))
		return 0;
	for (i = 2; i < n; i++)
		if (!is_upper_alnum((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
email_local_char(unsigned char c)
{
	static const char	special[] = "!#$%&'*+/=?^_`{|}~.-";

	if (is_alpha(c) || lb_is_digit(c))
		return 1;
	return c != '\0' && memchr(special, c, sizeof(special) - 1) != NULL;
}

int
lb_email_valid(const char *s, size_t n)
{
	size_t	at = n, i, start, labels = 0, len = 0;
	int	alpha_only;

	if (s == NULL || n == 0 || n > 254)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '@') {
			if (at != n)
				return 0;
			at = i;
		}
	}
	if (at == n || at == 0 || at > 64)
		return 0;
	if (s[0] == '.' || s[at - 1] == '.')
		return 0;
	for (i = 0; i < at; i++) {
		if (!email_local_char((unsigned char)s[i]))
			return 0;
		if (s[i] == '.' && i + 1 < at && s[i + 1] == '.')
			return 0;
	}
	/* Domain labels, each ended by a dot or the end. */
	start = at + 1;
	alpha_only = 0;
	for (i = start; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!is_alpha((unsigned char)s[i]) &&
			    !lb_is_digit((unsigned char)s[i]) && s[i] != '-')
				return 0;
			continue;
		}
		len = i - start;
		if (len < 1 || len > 63 || s[start] == '-' || s[i - 1] == '-')
			return 0;
		labels++;
		alpha_only = 1;
		for (; start < i; start++)
			if (!is_alpha((unsigned char)s[start]))
				alpha_only = 0;
		start = i + 1;
	}
	/* The loop left alpha_only and len for the last label, the TLD. */
	return labels >= 2 && alpha_only && len >= 2;
}

/* Area code and exchange of a 10-digit North American number. */
static int
nanp_check(const char *d, char *why, size_t whylen)
{
	if (d[0] < '2') {
		(void)lb_why(why, whylen, "area code %.3s must start with 2-9", d);
		return -1;
	}
	if (d[3] < '2') {
		(void)lb_why(why, whylen, "exchange %.3s must start with 2-9",
		    d + 3);
		return -1;
	}
	return 0;
}

int
lb_phone_parse(const char *s, size_t n, char out[LB_PHONE_STRLEN],
    char *why, size_t whylen)
{
	char	 d[15], c[12];
	size_t	 i = 0, nd = 0;
	int	 intl = 0, paren = 0;

	out[0] = '\0';
	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "phone number is empty");
		return -1;
	}
	if (s[0] == '+') {
		intl = 1;
		i = 1;
	}
	for (; i < n; i++) {
		switch (s[i]) {
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (nd < sizeof(d))
				d[nd] = s[i];
			nd++;
			break;
		case ' ':
		case '-':
		case '.':
			break;
		case '(':
			if (paren) {
				(void)lb_why(why, whylen, "nested '(' at position "
				    "%zu", i + 1);
				return -1;
			}
			paren = 1;
			break;
		case ')':
			if (!paren) {
				(void)lb_why(why, whylen, "')' without '(' at "
				    "position %zu", i + 1);
				return -1;
			}
			paren = 0;
			break;
		case '+':
			(void)lb_why(why, whylen, "'+' is only allowed first "
			    "(position %zu)", i + 1);
			return -1;
		default:
			(void)lb_why(why, whylen, "%s at position %zu is not a "
			    "digit or a separator", chdesc((unsigned char)s[i],
			    c), i + 1);
			return -1;
		}
	}
	if (paren) {
		(void)lb_why(why, whylen, "'(' is never closed");
		return -1;
	}
	if (nd == 0) {
		(void)lb_why(why, whylen, "phone number has no digits");
		return -1;
	}
	if (intl) {
		if (d[0] == '0') {
			(void)lb_why(why, whylen, "country code cannot start "
			    "with 0");
			return -1;
		}
		if (d[0] == '1' && nd != 11) {
			(void)lb_why(why, whylen, "a +1 number needs 10 digits "
			    "after the 1, got %zu", nd - 1);
			return -1;
		}
		if (d[0] == '1' && nanp_check(d + 1, why, whylen) == -1)
			return -1;
		if (nd < 8 || nd > 15) {
			(void)lb_why(why, whylen, "expected 8 to 15 digits after "
			    "'+', got %zu", nd);
			return -1;
		}
		(void)snprintf(out, LB_PHONE_STRLEN, "+%.*s", (int)nd, d);
		return 0;
	}
	if (nd == 11 && d[0] == '1') {
		if (nanp_check(d + 1, why, whylen) == -1)
			return -1;
		(void)snprintf(out, LB_PHONE_STRLEN, "+%.11s", d);
		return 0;
	}
	if (nd == 10) {
		if (nanp_check(d, why, whylen) == -1)
			return -1;
		(void)snprintf(out, LB_PHONE_STRLEN, "+1%.10s", d);
		return 0;
	}
	(void)lb_why(why, whylen, "expected 10 digits (or 11 starting with 1) for a "
	    "US number, or '+' and a country code, got %zu digits", nd);
	return -1;
}

/*
 * Amounts.
 */

static const int64_t pow10_tab[LB_DECIMAL_SCALE_MAX + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000
};

/*
 * Non-negative decimal with at most scale fractional digits, as units of
 * 10^-scale, at most max units; what names the field in messages.
 */
static int
decimal_parse(const char *s, size_t n, int scale, int64_t max,
    const char *what, int64_t *units, char *why, size_t whylen)
{
	char	 c[12], maxs[32];
	int64_t	 ip = 0, fp = 0, pw;
	size_t	 i = 0, fd = 0;

	lb_trim(&s, &n);
	if (n == 0) {
		(void)lb_why(why, whylen, "%s is empty", what);
		return -1;
	}
	pw = pow10_tab[scale];
	lb_decimal_format(max, scale, maxs, sizeof(maxs));
	switch (s[0]) {
	case '-':
		(void)lb_why(why, whylen, "%s must not be negative", what);
		return -1;
	case '+':
		(void)lb_why(why, whylen, "%s takes no sign", what);
		return -1;
	case '$':
		(void)lb_why(why, whylen, "%s takes no currency sign: write it as "
		    "1234.56", what);
		return -1;
	case '.':
		(void)lb_why(why, whylen, "expected a digit before the decimal "
		    "point");
		return -1;
	}
	for (; i < n && s[i] != '.'; i++) {
		if (!lb_is_digit((unsigned char)s[i])) {
			if (s[i] == ',')
				(void)lb_why(why, whylen, "no thousands separators: "
				    "',' at position %zu", i + 1);
			else if (s[i] == 'e' || s[i] == 'E')
				(void)lb_why(why, whylen, "no exponent: %s at "
				    "position %zu",
				    chdesc((unsigned char)s[i], c), i + 1);
			else
				(void)lb_why(why, whylen, "%s at position %zu is "
				    "not a digit",
				    chdesc((unsigned char)s[i], c), i + 1);
			return -1;
		}
		/* Stop growing once past max: ip stays far from overflow. */
		if (ip <= max)
			ip = ip * 10 + (s[i] - '0');
	}
	if (i < n) {
		i++;	/* the point */
		if (i == n) {
			(void)lb_why(why, whylen, "expected a digit after the "
			    "decimal point");
			return -1;
		}
		for (; i < n; i++) {
			if (!lb_is_digit((unsigned char)s[i])) {
				(void)lb_why(why, whylen, "%s at position %zu is "
				    "not a digit",
				    chdesc((unsigned char)s[i], c), i + 1);
				return -1;
			}
			if (fd < (size_t)scale)
				fp = fp * 10 + (s[i] - '0');
			fd++;
		}
		if (fd > (size_t)scale) {
			if (scale == 0)
				(void)lb_why(why, whylen, "%s must be a whole "
				    "number", what);
			else
				(void)lb_why(why, whylen, "at most %d decimal "
				    "places, got %zu", scale, fd);
			return -1;
		}
	}
	if (ip > max / pw) {
		(void)lb_why(why, whylen, "%s exceeds %s", what, maxs);
		return -1;
	}
	fp *= pow10_tab[scale - (int)fd];
	if (ip * pw + fp > max) {
		(void)lb_why(why, whylen, "%s exceeds %s", what, maxs);
		return -1;
	}
	*units = ip * pw + fp;
	return 0;
}

int
lb_money_parse(const char *s, size_t n, int64_t *cents, char *why,
    size_t whylen)
{
	return decimal_parse(s, n, 2, LB_MONEY_MAX_CENTS, "amount", cents,
	    why, whylen);
}

void
lb_money_format(int64_t cents, char out[LB_MONEY_STRLEN])
{
	uint64_t	u;

	/* Negate in unsigned arithmetic so that INT64_MIN is safe. */
	u = cents < 0 ? -(uint64_t)cents : (uint64_t)cents;
	(void)snprintf(out, LB_MONEY_STRLEN, "%s%" PRIu64 ".%02u",
	    cents < 0 ? "-" : "", u / 100, (unsigned)(u % 100));
}

void
lb_money_display(int64_t cents, char out[LB_MONEY_DISPLAY_STRLEN])
{
	char		 digits[24];
	uint64_t	 u;
	size_t		 n, i, o = 0;

	u = cents < 0 ? -(uint64_t)cents : (uint64_t)cents;
	(void)snprintf(digits, sizeof(digits), "%" PRIu64, u / 100);
	n = strlen(digits);
	if (cents < 0)
		out[o++] = '-';
	out[o++] = '$';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	(void)snprintf(out + o, LB_MONEY_DISPLAY_STRLEN - o, ".%02u",
	    (unsigned)(u % 100));
}

int
lb_decimal_parse(const char *s, size_t n, int scale, int64_t *units,
    char *why, size_t whylen)
{
	if (scale < 0 || scale > LB_DECIMAL_SCALE_MAX) {
		(void)lb_why(why, whylen, "scale %d out of range 0-%d", scale,
		    LB_DECIMAL_SCALE_MAX);
		return -1;
	}
	return decimal_parse(s, n, scale, LB_DECIMAL_MAX_UNITS, "number",
	    units, why, whylen);
}

void
lb_decimal_format(int64_t units, int scale, char *out, size_t outlen)
{
	char		frac[LB_DECIMAL_SCALE_MAX + 1];
	uint64_t	u, pw, fp;
	int		k;

	if (out == NULL || outlen == 0)
		return;
	out[0] = '\0';
	if (scale < 0 || scale > LB_DECIMAL_SCALE_MAX)
		return;
	u = units < 0 ? -(uint64_t)units : (uint64_t)units;
	pw = (uint64_t)pow10_tab[scale];
	fp = u % pw;
	if (fp == 0) {
		(void)snprintf(out, outlen, "%s%" PRIu64, units < 0 ? "-" : "",
		    u / pw);
		return;
	}
	for (k = scale - 1; k >= 0; k--) {
		frac[k] = (char)('0' + fp % 10);
		fp /= 10;
	}
	/* Trailing zeros say nothing about a quantity: drop them. */
	for (k = scale; k > 0 && frac[k - 1] == '0'; k--)
		;
	(void)snprintf(out, outlen, "%s%" PRIu64 ".%.*s", units < 0 ? "-" : "",
	    u / pw, k, frac);
}
