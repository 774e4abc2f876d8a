/*
 * cbp.h: the identifiers and codes of US customs paperwork (entry numbers,
 * importer numbers, port, HTS, bill and in-bond numbers, the code tables of
 * CBP Forms 3461 and 7501) and the plain fields around them (country, state,
 * e-mail, phone, money, quantities), as pure validators and parsers.  The
 * rules are those of shared/domain/CBP.md; nothing here does I/O, reads a
 * clock or allocates.
 *
 * Conventions shared by every function below:
 *
 * - Input is (s, n): n bytes that need not be NUL-terminated and may hold
 *   any byte value; nothing at or past s + n is read.  s may be NULL when
 *   n is 0.
 * - The *_valid predicates take the field exactly as stored: no trimming, no
 *   case folding.  They return 1 or 0.
 * - The *_parse functions are for what a person typed: they trim surrounding
 *   ASCII whitespace, fold letters to uppercase where the canonical form is
 *   uppercase, and write the canonical form into out, a caller buffer of the
 *   documented size, always NUL-terminated.  They return 0 on success.  On
 *   failure they return -1, leave out as the empty string and, when why is
 *   not NULL and whylen > 0, write a short lowercase reason that names what
 *   is wrong (truncated to whylen - 1 bytes if need be; LB_WHY_MAX is always
 *   enough).  Positions in reasons count from 1 at the first byte after the
 *   trimmed whitespace.  why is not touched on success.
 * - Code tables that CBP.md marks "to confirm" (modes of transport, bond
 *   types, the MID province codes) are single static tables in cbp.c.
 */
#ifndef LB_CBP_H
#define LB_CBP_H

#include <stddef.h>
#include <stdint.h>

/* A buffer of this size holds every reason written by cbp.c and date.c. */
#define LB_WHY_MAX	160

/*
 * Entry numbers (19 CFR 142.3a): filer code, 7-digit serial, check digit.
 */

/*
 * 1 if s is a filer code: 3 uppercase letters or digits.  CATAIR's eight
 * patterns (NNN ANN AAN AAA ANA NAN NNA NAA) are every letter/digit
 * combination of three positions, so no combination is excluded.
 */
int	 lb_filer_code_valid(const char *s, size_t n);

/*
 * Check digit (0-9) of the 10 characters at ten: 3 filer code characters
 * (uppercase letters or digits) then 7 serial digits; -1 if any character
 * is not allowed where it stands.  Reads exactly 10 bytes.
 */
int	 lb_entry_check_digit(const char *ten);

/* "XXX-NNNNNNN-C" and its NUL. */
#define LB_ENTRY_STRLEN	14

/*
 * Entry number, with both dashes or none, any case.  Canonical form
 * "XXX-NNNNNNN-C", uppercase.
 */
int	 lb_entry_parse(const char *s, size_t n, char out[LB_ENTRY_STRLEN],
	    char *why, size_t whylen);

/*
 * Importer of record numbers.
 */
enum lb_importer_type {
	LB_IMPORTER_EIN,	/* IRS number NN-NNNNNNNXX */
	LB_IMPORTER_SSN,	/* NNN-NN-NNNN */
	LB_IMPORTER_CBP		/* CBP-assigned YYDDPP-NNNNN */
};

#define LB_IMPORTER_STRLEN	16

/*
 * Importer number.  Accepted: EIN "NN-NNNNNNNXX" or "NNNNNNNNNXX" (suffix
 * of 2 letters/digits, never O, I or Z); SSN "NNN-NN-NNNN" only with its
 * dashes (area not 000, 666 or 9xx, group not 00, serial not 0000); CBP-
 * assigned "YYDDPP-NNNNN" only with its dash (undashed it would read as an
 * EIN).  Nine bare digits are refused as ambiguous.  The canonical form is
 * dashed.  *type (if type is not NULL) is set on success.
 */
int	 lb_importer_parse(const char *s, size_t n,
	    char out[LB_IMPORTER_STRLEN], enum lb_importer_type *type,
	    char *why, size_t whylen);
/* "EIN", "SSN", "CBP"; NULL for a value outside the enum. */
const char *lb_importer_type_name(enum lb_importer_type);

/*
 * Ports.
 */

/* Schedule D port: 4 digits DDPP, district 01-99. */
int	 lb_port_valid(const char *s, size_t n);
/* Schedule K foreign port: 5 digits. */
int	 lb_foreign_port_valid(const char *s, size_t n);

/*
 * Harmonized Tariff Schedule numbers.
 */

#define LB_HTS_STRLEN	11	/* 10 digits and NUL */
#define LB_HTS_FMTLEN	13	/* "NNNN.NN.NNNN" and NUL */

/*
 * HTS number "8507.60.0020" or "8507600020" (dots after the 4th and 6th
 * digits, both or neither).  Chapter 00 does not exist and chapter 77 is
 * reserved: both are refused.  Canonical form: the 10 digits.
 */
int	 lb_hts_parse(const char *s, size_t n, char out[LB_HTS_STRLEN],
	    char *why, size_t whylen);
/*
 * The paper form "NNNN.NN.NNNN" of the 10 digits at ten (reads 10 bytes);
 * out is "" when they are not all digits.
 */
void	 lb_hts_format(const char *ten, char out[LB_HTS_FMTLEN]);

/*
 * Carriers and transport documents.
 */

/* Standard Carrier Alpha Code: 2 to 4 uppercase letters. */
int	 lb_scac_valid(const char *s, size_t n);

#define LB_BILL_STRLEN	17	/* 16 characters and NUL */

/*
 * Bill of lading or air waybill number for a mode of transport (see
 * lb_mode_valid; an unknown mode is refused).  Letters are uppercased and
 * no space is allowed inside.  Vessel and rail: the issuer's 4-letter SCAC
 * then 1 to 12 letters/digits.  Air: an air waybill, 11 digits, optionally
 * "NNN-NNNNNNNN"; canonical form the 11 digits.  Other modes: 1 to 16
 * letters/digits.
 */
int	 lb_bill_parse(int mode, const char *s, size_t n,
	    char out[LB_BILL_STRLEN], char *why, size_t whylen);

/*
 * Air waybill: 11 digits, a 3-digit airline prefix then an 8-digit serial
 * whose last digit is its first 7 digits (as a number) mod 7.
 */
int	 lb_awb_valid(const char *s, size_t n);
/* In-bond (I.T.) number: 9 digits, the last the first 8 (as a number) mod 7. */
int	 lb_inbond_valid(const char *s, size_t n);

/*
 * Code tables.  The name functions return a static string, or NULL for a
 * code not in the table.
 */

/* Mode of transport codes (CBP.md: to confirm). */
int	 lb_mode_valid(int code);
const char *lb_mode_name(int code);
int	 lb_mode_is_vessel(int code);	/* 10, 11 */
int	 lb_mode_is_rail(int code);	/* 20, 21 */
int	 lb_mode_is_truck(int code);	/* 30, 31 */
int	 lb_mode_is_air(int code);	/* 40, 41 */

/*
 * Entry types.  lb_entry_type_valid is true for the types that may be filed
 * today; a closed type (86 since August 2025) is not valid but still has a
 * name so that old records can be shown.
 */
int	 lb_entry_type_valid(int code);
int	 lb_entry_type_closed(int code);
int	 lb_entry_type_informal(int code);	/* 11, 12 */
const char *lb_entry_type_name(int code);

/* Bond type codes: 8 continuous, 9 single transaction, 0 none (to confirm). */
int	 lb_bond_type_valid(int code);
const char *lb_bond_type_name(int code);

/*
 * Places and parties.
 */

/* ISO 3166-1 alpha-2 code, officially assigned, uppercase. */
int	 lb_country_valid(const char *s, size_t n);
/* USPS code of a state, DC, PR, VI, GU, AS, MP or AA, AE, AP (military). */
int	 lb_us_state_valid(const char *s, size_t n);
/* FIRMS code: 4 uppercase characters, a letter then 3 letters/digits. */
int	 lb_firms_valid(const char *s, size_t n);
/*
 * Manufacturer ID: a 2-letter country code then 1 to 13 uppercase letters
 * or digits.  The country code is an ISO 3166-1 code, or for a Canadian
 * manufacturer one of CBP's province codes (XA XB XC XM XN XO XP XQ XS XT
 * XW XY) that stand in its place.
 */
int	 lb_mid_valid(const char *s, size_t n);

/*
 * E-mail address, pragmatically: at most 254 bytes, one '@'; a local part
 * of 1-64 of A-Z a-z 0-9 and !#$%&'*+/=?^_`{|}~.- without a leading,
 * trailing or doubled dot; a domain of at least 2 labels of 1-63 letters,
 * digits and hyphens, no label starting or ending with a hyphen, the last
 * label letters only and at least 2 long.
 */
int	 lb_email_valid(const char *s, size_t n);

#define LB_PHONE_STRLEN	17	/* "+" 15 digits and NUL */

/*
 * Phone number to E.164 ("+" and 8-15 digits).  Spaces, dashes, dots and
 * (non-nested) parentheses may separate digits.  With a leading '+' the
 * number is international; without one it must be a North American number
 * of 10 digits, or 11 beginning with 1.  A North American number (country
 * code 1, with or without '+') must have 10 digits after the 1, with area
 * code and exchange each starting with 2-9.
 */
int	 lb_phone_parse(const char *s, size_t n, char out[LB_PHONE_STRLEN],
	    char *why, size_t whylen);

/*
 * Amounts.
 */

#define LB_MONEY_MAX_CENTS	INT64_C(99999999999999)	/* 999999999999.99 */
#define LB_MONEY_STRLEN		24

/*
 * US dollars "1234.56", "1234.5" or "1234": digits, at most 2 decimals, no
 * sign, currency sign, thousands separator or exponent; at most
 * 999999999999.99.  *cents is set on success.
 */
int	 lb_money_parse(const char *s, size_t n, int64_t *cents,
	    char *why, size_t whylen);
/* "1234.56", always 2 decimals; a negative amount gets a leading '-'. */
void	 lb_money_format(int64_t cents, char out[LB_MONEY_STRLEN]);
/* For people and paper: "$1,234.56", "-$5.00". */
#define LB_MONEY_DISPLAY_STRLEN	32
void	 lb_money_display(int64_t cents, char out[LB_MONEY_DISPLAY_STRLEN]);

#define LB_DECIMAL_SCALE_MAX	9
#define LB_DECIMAL_MAX_UNITS	INT64_C(1000000000000000)	/* 10^15 */

/*
 * Non-negative decimal with at most scale (0..LB_DECIMAL_SCALE_MAX)
 * fractional digits, as an integer count of 10^-scale units ("12.5" at
 * scale 3 is 12500), at most LB_DECIMAL_MAX_UNITS units.
 */
int	 lb_decimal_parse(const char *s, size_t n, int scale, int64_t *units,
	    char *why, size_t whylen);
/*
 * units at scale as a decimal without trailing zeros ("12.5", "12"),
 * truncated to outlen - 1 bytes if need be (24 is always enough); "" for a
 * scale out of range.
 */
void	 lb_decimal_format(int64_t units, int scale, char *out, size_t outlen);

#endif
