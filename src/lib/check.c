/*
 * check.c: value and record validation for imports (see check.h).
 *
 * Every message names what is wrong with the value, and what was expected;
 * the import engine prefixes FILE:LINE:COLUMN and the column name.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cbp.h"
#include "check.h"
#include "date.h"
#include "text.h"

static void
set_text(struct lb_value *v, const char *s, size_t n)
{
	v->null = 0;
	v->s = s;
	v->len = n;
	v->i = 0;
}

static void
set_int(struct lb_value *v, int64_t i)
{
	v->null = 0;
	v->s = NULL;
	v->len = 0;
	v->i = i;
}

/* Count UTF-8 characters (input is already valid UTF-8). */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t	i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

static int
check_text(const struct lb_column *c, const char *s, size_t n,
    struct lb_value *out, char *why, size_t whylen)
{
	size_t		i, chars;
	unsigned char	ch;

	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		if (ch < 0x20 && ch != '\t' && ch != '\n')
			return lb_why(why, whylen, "control character in text");
		if (ch == 0x7f)
			return lb_why(why, whylen, "control character in text");
	}
	if (c->max > 0 && (chars = utf8_chars(s, n)) > (size_t)c->max) {
		(void)snprintf(why, whylen, "%zu characters, at most %" PRId64
		    " allowed", chars, c->max);
		return -1;
	}
	set_text(out, s, n);
	return 0;
}

/* Letters and digits, uppercased into scratch, at most c->max long. */
static int
check_alnum(const struct lb_column *c, const char *s, size_t n,
    char *scratch, struct lb_value *out, char *why, size_t whylen)
{
	size_t	i;
	char	ch;

	if (c->max > 0 && n > (size_t)c->max) {
		(void)snprintf(why, whylen, "%zu characters, at most %" PRId64
		    " letters and digits allowed", n, c->max);
		return -1;
	}
	for (i = 0; i < n; i++) {
		ch = s[i];
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			(void)snprintf(why, whylen, "only letters and digits "
			    "allowed, found '%c' at position %zu",
			    (unsigned char)s[i] >= 0x20 &&
			    (unsigned char)s[i] < 0x7f ? s[i] : '?', i + 1);
			return -1;
		}
		scratch[i] = ch;
	}
	set_text(out, scratch, n);
	return 0;
}

static int
check_key(const char *s, size_t n, struct lb_value *out, char *why,
    size_t whylen)
{
	size_t	i;
	char	ch;

	if (n > 35)
		return lb_why(why, whylen, "longer than 35 characters");
	for (i = 0; i < n; i++) {
		ch = s[i];
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
		    ch == '-' || ch == '/')) {
			(void)snprintf(why, whylen, "only letters, digits and "
			    ". _ - / allowed, found '%c' at position %zu",
			    (unsigned char)ch >= 0x20 &&
			    (unsigned char)ch < 0x7f ? ch : '?', i + 1);
			return -1;
		}
	}
	set_text(out, s, n);
	return 0;
}

static int
parse_int(const char *s, size_t n, int64_t lo, int64_t hi, int64_t *out,
    char *why, size_t whylen)
{
	int64_t	v = 0;
	size_t	i;

	if (n == 0 || n > 18)
		return lb_why(why, whylen, "not a whole number");
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return lb_why(why, whylen, "not a whole number");
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi) {
		(void)snprintf(why, whylen, "%" PRId64 " is out of range %"
		    PRId64 " to %" PRId64, v, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

/* Items separated by ';' (spaces around them ignored), each checked by
 * `ok`, written canonical into scratch joined by ';'; no duplicates. */
static int
check_list(const char *s, size_t n, char *scratch,
    int (*ok)(const struct lb_column *, const char *, size_t),
    const struct lb_column *c, const char *what, struct lb_value *out,
    char *why, size_t whylen)
{
	size_t	i = 0, j, start, end, len = 0, k;
	char	item[64];

	while (i <= n) {
		start = i;
		while (i < n && s[i] != ';')
			i++;
		end = i;
		while (start < end && s[start] == ' ')
			start++;
		while (end > start && s[end - 1] == ' ')
			end--;
		if (end == start) {
			(void)snprintf(why, whylen, "empty item in the list of "
			    "%s", what);
			return -1;
		}
		if (end - start >= sizeof(item) || !ok(c, s + start,
		    end - start)) {
			(void)snprintf(why, whylen, "\"%.*s\" is not a valid %s",
			    (int)(end - start > 40 ? 40 : end - start),
			    s + start, what);
			return -1;
		}
		for (j = 0; j < end - start; j++) {
			item[j] = s[start + j];
			if (item[j] >= 'a' && item[j] <= 'z')
				item[j] = (char)(item[j] - 'a' + 'A');
		}
		item[end - start] = '\0';
		/* Refuse repeats: the list is a set. */
		for (k = 0; k < len; k = j + 1) {
			for (j = k; j < len && scratch[j] != ';'; j++)
				;
			if (j - k == end - start &&
			    memcmp(scratch + k, item, j - k) == 0) {
				(void)snprintf(why, whylen, "\"%s\" is listed "
				    "twice", item);
				return -1;
			}
		}
		if (len + (end - start) + 2 > LB_CHECK_SCRATCH)
			return lb_why(why, whylen, "list too long");
		if (len > 0)
			scratch[len++] = ';';
		memcpy(scratch + len, item, end - start);
		len += end - start;
		i++;
	}
	set_text(out, scratch, len);
	return 0;
}

static int
ok_filer(const struct lb_column *c, const char *s, size_t n)
{
	char	up[3];
	size_t	i;

	if (n != 3)
		return 0;
	for (i = 0; i < 3; i++)
		up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	return lb_filer_code_valid(up, 3);
}

static int
ok_port(const struct lb_column *c, const char *s, size_t n)
{
	return lb_port_valid(s, n);
}

static int
ok_word(const struct lb_column *c, const char *s, size_t n)
{
	size_t	i, j;

	for (i = 0; c->words[i] != NULL; i++) {
		if (strlen(c->words[i]) != n)
			continue;
		for (j = 0; j < n; j++) {
			char a = s[j], b = c->words[i][j];

			if (a >= 'a' && a <= 'z')
				a = (char)(a - 32);
			if (b >= 'a' && b <= 'z')
				b = (char)(b - 32);
			if (a != b)
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

static int
parse_bool(const char *s, size_t n, int64_t *out)
{
	static const char *yes[] = { "true", "yes", "y", "1", NULL };
	static const char *no[] = { "false", "no", "n", "0", NULL };
	size_t	i;

	for (i = 0; yes[i] != NULL; i++)
		if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0) {
			*out = 1;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0) {
			*out = 0;
			return 0;
		}
	return -1;
}

/* Copy s uppercased into scratch when it is a short code. */
static const char *
upper(const char *s, size_t n, char *scratch)
{
	size_t	i;

	if (n >= LB_CHECK_SCRATCH)
		n = LB_CHECK_SCRATCH - 1;
	for (i = 0; i < n; i++)
		scratch[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ?
		    s[i] - 32 : s[i]);
	scratch[n] = '\0';
	return scratch;
}

/*
 * The dates deadlines are computed from must fall in the calendar's years
 * (date.h): a release in 1970 would take every report down.  Others (a
 * driver's date of birth, a power of attorney) keep lb_date_parse's wider
 * range.
 */
static int
judged_date(const char *name)
{
	static const char *const names[] = {
		"arrival_date", "release_date", "summary_date", "entry_date",
		"statement_date", "due_date", "authorized_date", "paid_date",
		"first", "last",
	};
	size_t	i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

int
lb_check_value(const struct lb_column *c, const struct lb_check_ctx *ctx,
    const char *s, size_t n, char *scratch, struct lb_value *out,
    char *why, size_t whylen)
{
	enum lb_importer_type	 itype;
	int64_t			 i64;
	const char		*u;

	memset(out, 0, sizeof(*out));
	switch (c->check) {
	case LB_CK_TEXT:
		return check_text(c, s, n, out, why, whylen);
	case LB_CK_KEY:
		return check_key(s, n, out, why, whylen);
	case LB_CK_ALNUM:
		return check_alnum(c, s, n, scratch, out, why, whylen);
	case LB_CK_IMPORTER:
		if (lb_importer_parse(s, n, scratch, &itype, why, whylen) == -1)
			return -1;
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_IMPORTER_TYPE:
		return lb_why(why, whylen, "derived column");
	case LB_CK_LICENSE:
		if (n < 1 || n > 10 || strspn(upper(s, n, scratch),
		    "0123456789") != n)
			return lb_why(why, whylen, "license number must be 1 to 10 "
			    "digits");
		set_text(out, s, n);
		return 0;
	case LB_CK_FILER_LIST:
		return check_list(s, n, scratch, ok_filer, c, "filer code",
		    out, why, whylen);
	case LB_CK_PORT:
		if (!lb_port_valid(s, n))
			return lb_why(why, whylen, "port code must be 4 digits "
			    "(Schedule D district and port, e.g. 2704)");
		set_text(out, s, n);
		return 0;
	case LB_CK_PORT_LIST:
		return check_list(s, n, scratch, ok_port, c,
		    "port code (4 digits)", out, why, whylen);
	case LB_CK_FPORT:
		if (!lb_foreign_port_valid(s, n))
			return lb_why(why, whylen, "foreign port code must be 5 "
			    "digits (Schedule K)");
		set_text(out, s, n);
		return 0;
	case LB_CK_HTS:
		if (lb_hts_parse(s, n, scratch, why, whylen) == -1)
			return -1;
		set_text(out, scratch, 10);
		return 0;
	case LB_CK_SCAC:
		u = upper(s, n, scratch);
		if (!lb_scac_valid(u, n))
			return lb_why(why, whylen, "carrier code must be 2 to 4 "
			    "letters (SCAC)");
		set_text(out, scratch, n);
		return 0;
	case LB_CK_BILL:
		if (lb_bill_parse(ctx->mode, s, n, scratch, why, whylen) == -1)
			return -1;
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_ENTRY_NO:
		if (lb_entry_parse(s, n, scratch, why, whylen) == -1)
			return -1;
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_ENTRY_TYPE:
		if (parse_int(s, n, 0, 99, &i64, why, whylen) == -1 || n != 2)
			return lb_why(why, whylen, "entry type must be two digits "
			    "(01, 03, 11...)");
		if (lb_entry_type_closed((int)i64))
			return lb_why(why, whylen, "entry type 86 is closed since "
			    "2025-08-29 (CSMS #66065494)");
		if (!lb_entry_type_valid((int)i64))
			return lb_why(why, whylen, "unknown entry type %.2s", s);
		set_int(out, i64);
		return 0;
	case LB_CK_MODE:
		if (parse_int(s, n, 0, 99, &i64, why, whylen) == -1 ||
		    !lb_mode_valid((int)i64))
			return lb_why(why, whylen, "unknown mode of transport "
			    "\"%.*s\" (10, 11, 20, 21, 30, 31, 40, 41, 50, 60, "
			    "70)", (int)(n > 8 ? 8 : n), s);
		set_int(out, i64);
		return 0;
	case LB_CK_BOND_TYPE:
		if (parse_int(s, n, 0, 9, &i64, why, whylen) == -1 ||
		    !lb_bond_type_valid((int)i64))
			return lb_why(why, whylen, "bond type must be 8 "
			    "(continuous), 9 (single transaction) or 0 (none)");
		set_int(out, i64);
		return 0;
	case LB_CK_SURETY:
		if (n != 3 || strspn(upper(s, n, scratch), "0123456789") != 3)
			return lb_why(why, whylen, "surety code must be 3 digits");
		set_text(out, s, n);
		return 0;
	case LB_CK_DATE:
		if (lb_date_parse(s, n, &i64, why, whylen) == -1)
			return -1;
		if (judged_date(c->name) &&
		    lb_date_check_range(i64, why, whylen) == -1)
			return -1;
		lb_date_format(i64, scratch);
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_MONEY:
		if (lb_money_parse(s, n, &i64, why, whylen) == -1)
			return -1;
		set_int(out, i64);
		return 0;
	case LB_CK_QTY:
		if (lb_decimal_parse(s, n, 3, &i64, why, whylen) == -1)
			return -1;
		lb_decimal_format(i64, 3, scratch, LB_CHECK_SCRATCH);
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_INT:
		if (parse_int(s, n, c->min, c->max, &i64, why, whylen) == -1)
			return -1;
		set_int(out, i64);
		return 0;
	case LB_CK_BOOL:
		if (parse_bool(s, n, &i64) == -1)
			return lb_why(why, whylen, "expected true or false (also "
			    "yes/no, 1/0)");
		set_int(out, i64);
		return 0;
	case LB_CK_ENUM:
		if (!ok_word(c, s, n)) {
			(void)snprintf(why, whylen, "\"%.*s\" is not one of the "
			    "allowed values", (int)(n > 40 ? 40 : n), s);
			return -1;
		}
		u = upper(s, n, scratch);
		for (i64 = 0; c->words[i64] != NULL; i64++)
			if (strcasecmp(c->words[i64], u) == 0)
				break;
		set_text(out, c->words[i64], strlen(c->words[i64]));
		return 0;
	case LB_CK_FLAGS:
		return check_list(s, n, scratch, ok_word, c, "agency code",
		    out, why, whylen);
	case LB_CK_COUNTRY:
		u = upper(s, n, scratch);
		if (!lb_country_valid(u, n))
			return lb_why(why, whylen, "\"%.8s\" is not an ISO 3166-1 "
			    "alpha-2 country code", u);
		set_text(out, scratch, n);
		return 0;
	case LB_CK_STATE:
		u = upper(s, n, scratch);
		if (!lb_us_state_valid(u, n))
			return lb_why(why, whylen, "\"%.8s\" is not a US state or "
			    "territory code", u);
		set_text(out, scratch, n);
		return 0;
	case LB_CK_FIRMS:
		u = upper(s, n, scratch);
		if (!lb_firms_valid(u, n))
			return lb_why(why, whylen, "FIRMS code must be a letter and "
			    "3 letters or digits");
		set_text(out, scratch, n);
		return 0;
	case LB_CK_MID:
		u = upper(s, n, scratch);
		if (!lb_mid_valid(u, n))
			return lb_why(why, whylen, "manufacturer ID must be a "
			    "country code and up to 13 letters or digits");
		set_text(out, scratch, n);
		return 0;
	case LB_CK_EMAIL:
		if (!lb_email_valid(s, n))
			return lb_why(why, whylen, "not an email address");
		set_text(out, s, n);
		return 0;
	case LB_CK_PHONE:
		if (lb_phone_parse(s, n, scratch, why, whylen) == -1)
			return -1;
		set_text(out, scratch, strlen(scratch));
		return 0;
	case LB_CK_INBOND:
		if (!lb_inbond_valid(s, n))
			return lb_why(why, whylen, "in-bond number must be 9 digits "
			    "ending in its mod-7 check digit");
		set_text(out, s, n);
		return 0;
	}
	return lb_why(why, whylen, "unchecked column");
}

static int
is_set(const struct lb_value *v)
{
	return !v->null;
}

void
lb_rules_init(struct lb_rules *r, const struct lb_kind *k)
{
	r->k = k;
	r->address = strcmp(k->name, "clients") == 0 ||
	    strcmp(k->name, "brokerage") == 0;
	r->client = strcmp(k->name, "clients") == 0;
	r->shipment = strcmp(k->name, "shipments") == 0;
	r->country = lb_kind_col(k, "country");
	r->state = lb_kind_col(k, "state");
	r->bond = lb_kind_col(k, "bond_type");
	r->surety = lb_kind_col(k, "surety_code");
	r->pms = lb_kind_col(k, "pms");
	r->ach = lb_kind_col(k, "ach_payer_unit");
	r->status = lb_kind_col(k, "status");
	r->release = lb_kind_col(k, "release_date");
	r->entry = lb_kind_col(k, "entry_number");
	r->type = lb_kind_col(k, "entry_type");
	r->arrival = lb_kind_col(k, "arrival_date");
}

/* Cross-field rules: what no single column can say alone. */
int
lb_check_record(const struct lb_rules *r, const struct lb_value *vals,
    int *col, char *why, size_t whylen)
{
	if (r->address && is_set(&vals[r->country]) &&
	    vals[r->country].len == 2 &&
	    memcmp(vals[r->country].s, "US", 2) == 0 &&
	    !is_set(&vals[r->state])) {
		*col = r->state;
		return lb_why(why, whylen, "state is required for an address "
		    "in the US");
	}
	if (r->client) {
		if (is_set(&vals[r->bond]) && vals[r->bond].i != 0 &&
		    !is_set(&vals[r->surety])) {
			*col = r->surety;
			return lb_why(why, whylen, "a bond needs its 3-digit "
			    "surety code");
		}
		if (is_set(&vals[r->pms]) && vals[r->pms].i == 1) {
			if (vals[r->bond].i != 8) {
				*col = r->pms;
				return lb_why(why, whylen, "periodic monthly "
				    "statement needs a continuous bond (bond "
				    "type 8)");
			}
			if (!is_set(&vals[r->ach])) {
				*col = r->ach;
				return lb_why(why, whylen, "periodic monthly "
				    "statement needs an ACH payer unit number");
			}
		}
	}
	if (r->shipment) {
		if (strcmp(vals[r->status].s, "released") == 0 &&
		    !is_set(&vals[r->release])) {
			*col = r->release;
			return lb_why(why, whylen, "a released shipment needs "
			    "its release date");
		}
		if (is_set(&vals[r->type]) && !is_set(&vals[r->entry])) {
			*col = r->entry;
			return lb_why(why, whylen, "an entry type without an "
			    "entry number");
		}
		if (is_set(&vals[r->release]) && is_set(&vals[r->arrival]) &&
		    vals[r->release].len == 10 && vals[r->arrival].len == 10 &&
		    memcmp(vals[r->release].s, vals[r->arrival].s, 10) < 0) {
			*col = r->release;
			return lb_why(why, whylen, "release date is before the "
			    "arrival date");
		}
	}
	return 0;
}
