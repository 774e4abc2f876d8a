/*
 * route.c: the request allowlist (route.h): methods, path patterns, and
 * the declared parameters of each route, decoded and checked by type into
 * the caller's struct lb_args.  Everything is bounded by the sizes in
 * route.h; nothing is allocated.
 *
 * Reasons (args->why) name the parameter, where it came from and what was
 * expected, but do not quote the value: values may be passwords, and
 * reasons end up in logs.  (Dates, entry and importer numbers are the
 * exception: their reasons come from date.c and cbp.c and may show a
 * character or a few digits of the value, made printable.)  A parameter
 * name the client sent is quoted as printable ASCII, \xNN for the rest, at
 * most 40 bytes of it.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cbp.h"
#include "date.h"
#include "route.h"
#include "text.h"
#include "utf8.h"

static const struct {
	const char	*name;
	unsigned	 bit;
} methods[] = {
	{ "GET", LB_M_GET },
	{ "HEAD", LB_M_HEAD },
	{ "POST", LB_M_POST },
	{ "PUT", LB_M_PUT },
	{ "DELETE", LB_M_DELETE },
	{ "PATCH", LB_M_PATCH },
};
#define NMETHODS	(sizeof(methods) / sizeof(methods[0]))

#define TEXT_MAX_DEFAULT	200
#define CURSOR_MAX_DEFAULT	64
#define KEY_MAX			35
#define NAME_MAX		32
#define QUOTE_MAX		40	/* bytes of a client's name echoed */

/* How a raw value is decoded. */
enum dec {
	DEC_NONE,	/* already decoded (lb_args_add) */
	DEC_PATH,	/* %XX only: '+' is itself in a path */
	DEC_FORM	/* %XX and '+' for a space (query, form body) */
};

unsigned
lb_http_method(const char *name)
{
	size_t	i;

	if (name == NULL)
		return 0;
	for (i = 0; i < NMETHODS; i++)
		if (strcmp(name, methods[i].name) == 0)
			return methods[i].bit;
	return 0;
}

void
lb_http_allow(unsigned m, char *out, size_t len)
{
	size_t	i, used = 0, n;

	if (len == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < NMETHODS; i++) {
		if ((m & methods[i].bit) == 0)
			continue;
		n = strlen(methods[i].name) + (used > 0 ? 2 : 0);
		if (used + n + 1 > len)
			break;
		if (used > 0) {
			memcpy(out + used, ", ", 2);
			used += 2;
		}
		memcpy(out + used, methods[i].name, strlen(methods[i].name));
		used += strlen(methods[i].name);
		out[used] = '\0';
	}
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_lower_name(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || lb_is_digit(c) || c == '_';
}

/* Are the n bytes of s all in the class, with 1..max of them? */
static int
in_class(const char *s, size_t n, size_t max, int (*ok)(unsigned char))
{
	size_t	i;

	if (n == 0 || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (!ok((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Is (s, n) a parameter name: [a-z0-9_], 1..LB_PNAME_MAX bytes? */
static int
pname_ok(const char *s, size_t n)
{
	return in_class(s, n, LB_PNAME_MAX, is_lower_name);
}

/*
 * The plain-path rules of lb_path_plain; with escapes, '%' is allowed when
 * two hex digits follow it.
 */
static int
path_ok(const char *p, size_t len, int escapes)
{
	size_t	i, seg = 1;

	if (len == 0 || len > LB_PATH_MAX || p[0] != '/')
		return 0;
	for (i = 1; i <= len; i++) {
		if (i == len || p[i] == '/') {
			/* A segment: p[seg..i). The root "/" alone is fine. */
			if (i - seg == 0 && !(len == 1 && i == 1))
				return 0;
			if ((i - seg == 1 && p[seg] == '.') ||
			    (i - seg == 2 && p[seg] == '.' && p[seg + 1] == '.'))
				return 0;
			seg = i + 1;
			continue;
		}
		if (p[i] == '%' && escapes) {
			if (len - i < 3 || hexval((unsigned char)p[i + 1]) < 0 ||
			    hexval((unsigned char)p[i + 2]) < 0)
				return 0;
			continue;
		}
		if (p[i] <= ' ' || p[i] >= 0x7f || p[i] == '%' ||
		    p[i] == '\\' || p[i] == '#' || p[i] == '?')
			return 0;
	}
	return 1;
}

int
lb_path_plain(const char *p, size_t len)
{
	if (p == NULL)
		return 0;
	return path_ok(p, len, 0);
}

/*
 * Write n bytes of s into dst (size bytes) for a reason: at most QUOTE_MAX
 * of them, printable ASCII kept, '"' and '\\' escaped, the rest as \xNN,
 * "..." when cut.  Returns dst.
 */
static const char *
quote(char *dst, size_t size, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789abcdef";
	size_t			 i, o = 0;
	unsigned char		 c;

	assert(size >= QUOTE_MAX * 4 + 4);
	for (i = 0; i < n && i < QUOTE_MAX; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			dst[o++] = '\\';
			dst[o++] = (char)c;
		} else if (c >= 0x20 && c < 0x7f)
			dst[o++] = (char)c;
		else {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[c >> 4];
			dst[o++] = hex[c & 0x0f];
		}
	}
	if (i < n) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
	return dst;
}

/* Copy a reason from cbp.c or date.c into dst, bytes outside printable
 * ASCII as '?': the reason may hold a character of the value. */
static void
tame(char *dst, size_t size, const char *src)
{
	size_t	i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++)
		dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
	dst[i] = '\0';
}

/*
 * Refuse: write the reason, drop every value held, return -1.  The reason
 * is made printable whatever went into it.
 */
static int
fail(struct lb_args *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct lb_args *a, const char *fmt, ...)
{
	va_list	ap;
	size_t	i;

	va_start(ap, fmt);
	/* A reason cut short is still a fine reason. */
	(void)vsnprintf(a->why, sizeof(a->why), fmt, ap);
	va_end(ap);
	for (i = 0; a->why[i] != '\0'; i++)
		if (a->why[i] < 0x20 || a->why[i] >= 0x7f)
			a->why[i] = '?';
	a->n = 0;
	a->used = 0;
	return -1;
}

/*
 * Decode n bytes of s into dst (cap bytes, room for a NUL kept).  Returns
 * the decoded length, -1 for a bad escape, -2 when it does not fit.
 */
static long
decode(const char *s, size_t n, enum dec how, char *dst, size_t cap)
{
	size_t	i, o = 0;
	int	hi, lo;
	char	c;

	for (i = 0; i < n; i++) {
		c = s[i];
		if (how != DEC_NONE && c == '%') {
			if (n - i < 3 ||
			    (hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return -1;
			c = (char)(hi << 4 | lo);
			i += 2;
		} else if (how == DEC_FORM && c == '+')
			c = ' ';
		if (o + 1 >= cap)
			return -2;
		dst[o++] = c;
	}
	if (o >= cap)
		return -2;
	dst[o] = '\0';
	return (long)o;
}

/* Parse a strict decimal int64: optional '-', no '+', no leading zero
 * but "0" itself, so no "-0" either. */
static int
parse_int(const char *s, size_t n, int64_t *v)
{
	uint64_t	acc = 0, lim, d;
	size_t		i = 0;
	int		neg = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n || (s[i] == '0' && (n - i > 1 || neg)))
		return -1;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		if (!lb_is_digit((unsigned char)s[i]))
			return -1;
		d = (uint64_t)(s[i] - '0');
		if (acc > (lim - d) / 10)
			return -1;
		acc = acc * 10 + d;
	}
	if (!neg)
		*v = (int64_t)acc;
	else if (acc == (uint64_t)INT64_MAX + 1)
		*v = INT64_MIN;
	else
		*v = -(int64_t)acc;
	return 0;
}

static int
is_alnum(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    lb_is_digit(c);
}

static int
is_key(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '/' || c == '-';
}

static int
is_uname(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || lb_is_digit(c) || c == '.' ||
	    c == '_' || c == '-';
}

static int
is_cursor(unsigned char c)
{
	return is_alnum(c) || c == '_' || c == '-';
}

static size_t
max_or(int64_t max, size_t dflt)
{
	if (max <= 0)
		return dflt;
	if ((uint64_t)max > LB_ARGS_BYTES)
		return LB_ARGS_BYTES;
	return (size_t)max;
}

/* "one of a, b, c" of a NULL-ended list into msg. */
static void
enum_msg(char *msg, size_t size, const char * const *words)
{
	size_t	i, o;
	int	k;

	k = snprintf(msg, size, "must be one of");
	o = k < 0 ? 0 : (size_t)k;
	for (i = 0; words != NULL && words[i] != NULL && o < size; i++) {
		k = snprintf(msg + o, size - o, "%s %s", i == 0 ? "" : ",",
		    words[i]);
		if (k < 0)
			break;
		o += (size_t)k;
	}
	/* snprintf leaves msg NUL-terminated even when cut. */
}

/*
 * Check the decoded value (val, *len) of p, NUL-terminated, with cap bytes
 * of room at val; a type with a canonical form rewrites it in place and
 * updates *len.  0; -1 with what was expected in msg; -2 when the
 * canonical form does not fit.
 */
static int
check_value(const struct lb_param *p, char *val, size_t *len, size_t cap,
    char *msg, size_t msglen)
{
	char		 canon[LB_IMPORTER_STRLEN + LB_ENTRY_STRLEN];
	char		 why[LB_WHY_MAX], t[LB_WHY_MAX];
	const char	*s = val;
	size_t		 n = *len, i, clen;
	int64_t		 v, days;

	switch (p->type) {
	case LB_P_TEXT:
		if (n > max_or(p->max, TEXT_MAX_DEFAULT) ||
		    lb_utf8_validate(s, n, NULL) == -1) {
			(void)snprintf(msg, msglen, "must be UTF-8 text of 1 to "
			    "%zu bytes", max_or(p->max, TEXT_MAX_DEFAULT));
			return -1;
		}
		return 0;
	case LB_P_KEY:
		if (!in_class(s, n, KEY_MAX, is_key)) {
			(void)snprintf(msg, msglen, "must be 1 to %d characters "
			    "of A-Z a-z 0-9 . _ / -", KEY_MAX);
			return -1;
		}
		return 0;
	case LB_P_NAME:
		if (!in_class(s, n, NAME_MAX, is_uname) ||
		    !(is_alnum((unsigned char)s[0]))) {
			(void)snprintf(msg, msglen, "must be 1 to %d characters "
			    "of a-z 0-9 . _ -, starting with a letter or digit",
			    NAME_MAX);
			return -1;
		}
		return 0;
	case LB_P_INT:
		if (parse_int(s, n, &v) == -1 || v < p->min || v > p->max) {
			(void)snprintf(msg, msglen, "must be an integer from "
			    "%" PRId64 " to %" PRId64, p->min, p->max);
			return -1;
		}
		return 0;
	case LB_P_ENUM:
		for (i = 0; p->words != NULL && p->words[i] != NULL; i++)
			if (strlen(p->words[i]) == n &&
			    memcmp(p->words[i], s, n) == 0)
				return 0;
		enum_msg(msg, msglen, p->words);
		return -1;
	case LB_P_DATE:
		if (lb_date_parse(s, n, &days, why, sizeof(why)) == -1) {
			tame(t, sizeof(t), why);
			(void)snprintf(msg, msglen, "must be a date YYYY-MM-DD: "
			    "%s", t);
			return -1;
		}
		lb_date_format(days, canon);
		break;
	case LB_P_ENTRY:
		if (lb_entry_parse(s, n, canon, why, sizeof(why)) == -1) {
			tame(t, sizeof(t), why);
			(void)snprintf(msg, msglen, "must be an entry number "
			    "XXX-NNNNNNN-C: %s", t);
			return -1;
		}
		break;
	case LB_P_IMPORTER:
		if (lb_importer_parse(s, n, canon, NULL, why,
		    sizeof(why)) == -1) {
			tame(t, sizeof(t), why);
			(void)snprintf(msg, msglen, "must be an importer number: "
			    "%s", t);
			return -1;
		}
		break;
	case LB_P_CURSOR:
		if (!in_class(s, n, max_or(p->max, CURSOR_MAX_DEFAULT),
		    is_cursor)) {
			(void)snprintf(msg, msglen, "must be 1 to %zu characters "
			    "of A-Z a-z 0-9 _ -", max_or(p->max,
			    CURSOR_MAX_DEFAULT));
			return -1;
		}
		return 0;
	case LB_P_BOOL:
		if (!((n == 4 && memcmp(s, "true", 4) == 0) ||
		    (n == 5 && memcmp(s, "false", 5) == 0))) {
			(void)snprintf(msg, msglen, "must be true or false");
			return -1;
		}
		return 0;
	default:
		(void)snprintf(msg, msglen, "has an unknown type");
		return -1;
	}
	/* The canonical form of a date, entry or importer number. */
	clen = strlen(canon);
	if (clen + 1 > cap)
		return -2;
	memcpy(val, canon, clen + 1);
	*len = clen;
	return 0;
}

static int
have(const struct lb_args *a, const struct lb_param *p)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		if (a->v[i].p == p)
			return 1;
	return 0;
}

/* The parameter of r called (name, n) with one of the flags, or NULL. */
static const struct lb_param *
find_param(const struct lb_route *r, const char *name, size_t n,
    unsigned flags)
{
	size_t	i;

	if (r->params == NULL)
		return NULL;
	for (i = 0; i < r->nparams; i++)
		if ((r->params[i].flags & flags) != 0 &&
		    r->params[i].name != NULL &&
		    strlen(r->params[i].name) == n &&
		    memcmp(r->params[i].name, name, n) == 0)
			return &r->params[i];
	return NULL;
}

/*
 * Decode the raw value (s, n) of p (from where) into a, check it and keep
 * it.  0, or -1 with the reason.
 */
static int
add_value(struct lb_args *a, const struct lb_param *p, const char *where,
    const char *s, size_t n, enum dec how)
{
	char	 msg[200];
	char	*val;
	size_t	 len, i, cap;
	long	 dl;
	int	 rc;

	if (have(a, p))
		return fail(a, "%s parameter \"%s\" given twice", where,
		    p->name);
	if (a->n >= LB_ARGS_MAX)
		return fail(a, "too many parameters (at most %d)", LB_ARGS_MAX);
	assert(a->used <= LB_ARGS_BYTES);
	val = a->buf + a->used;
	cap = LB_ARGS_BYTES - a->used;
	if ((dl = decode(s, n, how, val, cap)) == -1)
		return fail(a, "%s parameter \"%s\": bad %%-escape (expected "
		    "%% and two hex digits)", where, p->name);
	if (dl == -2)
		return fail(a, "parameters too long (at most %d bytes in all)",
		    LB_ARGS_BYTES);
	len = (size_t)dl;
	if (len == 0)
		return fail(a, "%s parameter \"%s\" is empty", where, p->name);
	for (i = 0; i < len; i++)
		if ((unsigned char)val[i] < 0x20 || val[i] == 0x7f)
			return fail(a, "%s parameter \"%s\": control characters "
			    "are not allowed", where, p->name);
	rc = check_value(p, val, &len, cap, msg, sizeof(msg));
	if (rc == -2)
		return fail(a, "parameters too long (at most %d bytes in all)",
		    LB_ARGS_BYTES);
	if (rc == -1)
		return fail(a, "%s parameter \"%s\": %s", where, p->name, msg);
	a->v[a->n].p = p;
	a->v[a->n].val = val;
	a->v[a->n].len = len;
	a->n++;
	a->used += len + 1;
	return 0;
}

/*
 * Take "name=value&..." (s, n) against r's parameters with flag, from
 * where ("query", "form").  An empty string has no pairs.
 */
static int
add_pairs(const struct lb_route *r, const char *s, size_t n, unsigned flag,
    const char *where, struct lb_args *a)
{
	const struct lb_param	*p;
	const char		*eq, *amp, *end = s + n;
	const char		*what = flag == LB_P_QUERY ? "query string" :
				    "form body";
	char			 nm[LB_PNAME_MAX + 1], q[QUOTE_MAX * 4 + 4];
	size_t			 i, pn;
	long			 dl;
	int			 empty;

	for (i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] >= 0x7f || s[i] == '#')
			return fail(a, "%s: byte %zu must be %%-encoded", what,
			    i + 1);
	while (s < end) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		if (amp == s)
			return fail(a, "%s has an empty parameter (\"&&\", "
			    "or '&' first or last)", what);
		if ((eq = memchr(s, '=', (size_t)(amp - s))) == NULL)
			eq = amp;
		pn = (size_t)(eq - s);
		if (pn == 0)
			return fail(a, "%s parameter without a name", where);
		dl = decode(s, pn, DEC_FORM, nm, sizeof(nm));
		if (dl == -1)
			return fail(a, "%s parameter name \"%s\": bad %%-escape",
			    where, quote(q, sizeof(q), s, pn));
		if (dl == -2)
			return fail(a, "%s parameter name \"%s\" is too long",
			    where, quote(q, sizeof(q), s, pn));
		if (!pname_ok(nm, (size_t)dl))
			return fail(a, "bad %s parameter name \"%s\" (expected "
			    "a-z 0-9 _)", where, quote(q, sizeof(q), nm,
			    (size_t)dl));
		if ((p = find_param(r, nm, (size_t)dl, flag)) == NULL)
			return fail(a, "undeclared %s parameter \"%s\"", where,
			    nm);
		/*
		 * A browser sends every field of an HTML form, the empty ones
		 * too: for a page (LB_R_PAGE) an empty value is an absent one.
		 */
		empty = eq == amp || eq + 1 == amp;
		if (!(empty && (r->flags & LB_R_PAGE) != 0) &&
		    add_value(a, p, where, eq == amp ? eq : eq + 1,
		    eq == amp ? 0 : (size_t)(amp - eq - 1), DEC_FORM) == -1)
			return -1;
		s = amp < end ? amp + 1 : end;
		if (amp + 1 == end)
			return fail(a, "%s has an empty parameter (\"&&\", "
			    "or '&' first or last)", what);
	}
	return 0;
}

/*
 * Is every required parameter of r with one of the flags in want, and
 * none of those in skip, present?
 */
static int
complete(const struct lb_route *r, unsigned want, unsigned skip,
    const char *where, struct lb_args *a)
{
	const struct lb_param	*p;
	size_t			 i;

	if (r->params == NULL)
		return 0;
	for (i = 0; i < r->nparams; i++) {
		p = &r->params[i];
		if ((p->flags & LB_P_REQUIRED) == 0 ||
		    (p->flags & want) == 0 || (p->flags & skip) != 0 ||
		    have(a, p))
			continue;
		return fail(a, "missing %s parameter \"%s\"", where != NULL ?
		    where : (p->flags & LB_P_PATH) != 0 ? "path" : "query",
		    p->name);
	}
	return 0;
}

static int
is_param_seg(const char *s, size_t n)
{
	return n >= 3 && s[0] == '{' && s[n - 1] == '}';
}

/*
 * Does the route path rp match the target path (p, len)?  The number of
 * literal segments, or -1.  (p, len) is well formed (path_ok).
 */
static int
shape(const char *rp, const char *p, size_t len)
{
	const char	*re, *pe, *end = p + len;
	int		 lit = 0;

	if (rp == NULL || rp[0] != '/')
		return -1;
	for (;;) {
		/* Both at a '/'. */
		rp++;
		p++;
		re = strchr(rp, '/');
		if (re == NULL)
			re = rp + strlen(rp);
		pe = memchr(p, '/', (size_t)(end - p));
		if (pe == NULL)
			pe = end;
		if (is_param_seg(rp, (size_t)(re - rp))) {
			if (pe == p)
				return -1;
		} else {
			if (re - rp != pe - p ||
			    memcmp(rp, p, (size_t)(re - rp)) != 0)
				return -1;
			lit++;
		}
		if (*re == '\0' && pe == end)
			return lit;
		if (*re == '\0' || pe == end)
			return -1;
		rp = re;
		p = pe;
	}
}

/*
 * Which of two route paths matching the same target is more specific:
 * > 0 for a, < 0 for b, 0 for the same pattern.  More literal segments
 * first, then the first literal where the other has a parameter.
 */
static int
rank(const char *a, int alit, const char *b, int blit)
{
	const char	*ae, *be;
	int		 ap, bp;

	if (alit != blit)
		return alit - blit;
	for (;;) {
		a++;
		b++;
		if ((ae = strchr(a, '/')) == NULL)
			ae = a + strlen(a);
		if ((be = strchr(b, '/')) == NULL)
			be = b + strlen(b);
		ap = is_param_seg(a, (size_t)(ae - a));
		bp = is_param_seg(b, (size_t)(be - b));
		if (ap != bp)
			return ap ? -1 : 1;
		if (*ae == '\0' || *be == '\0')
			return 0;
		a = ae;
		b = be;
	}
}

/* Take the path parameters of r from (p, len), which matches r's path. */
static int
path_params(const struct lb_route *r, const char *p, size_t len,
    struct lb_args *a)
{
	const struct lb_param	*pp;
	const char		*rp = r->path, *re, *pe, *end = p + len;

	for (;;) {
		rp++;
		p++;
		if ((re = strchr(rp, '/')) == NULL)
			re = rp + strlen(rp);
		if ((pe = memchr(p, '/', (size_t)(end - p))) == NULL)
			pe = end;
		if (is_param_seg(rp, (size_t)(re - rp))) {
			pp = find_param(r, rp + 1, (size_t)(re - rp - 2),
			    LB_P_PATH);
			if (pp == NULL)
				return fail(a, "path parameter \"%.*s\" is not "
				    "declared", (int)(re - rp - 2), rp + 1);
			if (add_value(a, pp, "path", p, (size_t)(pe - p),
			    DEC_PATH) == -1)
				return -1;
		}
		if (*re == '\0' || pe == end)
			return 0;
		rp = re;
		p = pe;
	}
}

/* fail() for lb_route_match: the status, with the reason in a. */
static int
refuse(struct lb_args *a, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
refuse(struct lb_args *a, int status, const char *fmt, ...)
{
	char	msg[sizeof(a->why)];
	va_list	ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	(void)fail(a, "%s", msg);
	return status;
}

int
lb_route_match(const struct lb_route *routes, size_t n, const char *method,
    const char *target, size_t len, const struct lb_route **route,
    unsigned *allow, struct lb_args *args)
{
	const struct lb_route	*best = NULL, *found = NULL;
	const char		*q;
	unsigned		 m = lb_http_method(method), mask = 0;
	size_t			 i, plen;
	int			 lit, blit = 0, c, h, l;

	assert(route != NULL && args != NULL);
	*route = NULL;
	if (allow != NULL)
		*allow = 0;
	args->n = 0;
	args->used = 0;
	args->why[0] = '\0';
	if (target == NULL || len == 0)
		return refuse(args, 400, "empty request target");
	if (len > LB_TARGET_MAX)
		return refuse(args, 400, "request target too long (at most %d "
		    "bytes)", LB_TARGET_MAX);
	if (memchr(target, '\0', len) != NULL)
		return refuse(args, 400, "request target holds a NUL byte");
	/* An escaped NUL or control byte is refused wherever it is, before
	 * a route is looked for: it has no business in a URL. */
	for (i = 0; i + 2 < len; i++)
		if (target[i] == '%' &&
		    (h = hexval((unsigned char)target[i + 1])) >= 0 &&
		    (l = hexval((unsigned char)target[i + 2])) >= 0 &&
		    ((h << 4 | l) < 0x20 || (h << 4 | l) == 0x7f))
			return refuse(args, 400, "request target holds an "
			    "escaped control character (byte %zu)", i + 1);
	q = memchr(target, '?', len);
	plen = q != NULL ? (size_t)(q - target) : len;
	if (plen > LB_PATH_MAX)
		return refuse(args, 400, "path too long (at most %d bytes)",
		    LB_PATH_MAX);
	if (!path_ok(target, plen, 1))
		return refuse(args, 400, "malformed path (expected '/' then "
		    "non-empty segments, not . or .., of printable ASCII "
		    "without space, \\ or #, and %% only before two hex "
		    "digits)");
	for (i = 0; i < n; i++) {
		if ((lit = shape(routes[i].path, target, plen)) < 0)
			continue;
		c = best == NULL ? 1 : rank(routes[i].path, lit, best->path,
		    blit);
		if (c > 0) {
			best = &routes[i];
			blit = lit;
			mask = routes[i].methods;
			found = (routes[i].methods & m) != 0 ? &routes[i] :
			    NULL;
		} else if (c == 0) {
			mask |= routes[i].methods;
			if (found == NULL && (routes[i].methods & m) != 0)
				found = &routes[i];
		}
	}
	if (best == NULL)
		return refuse(args, 404, "no such route");
	if (found == NULL) {
		if (allow != NULL)
			*allow = mask;
		return refuse(args, 405, "method not allowed");
	}
	if (path_params(found, target, plen, args) == -1)
		return 400;
	if (q != NULL && add_pairs(found, q + 1, len - plen - 1, LB_P_QUERY,
	    "query", args) == -1)
		return 400;
	if (complete(found, LB_P_PATH | LB_P_QUERY, LB_P_FORM, NULL,
	    args) == -1)
		return 400;
	*route = found;
	return 200;
}

int
lb_args_form(const struct lb_route *r, const char *body, size_t n,
    struct lb_args *args)
{
	assert(r != NULL && args != NULL);
	if (n > LB_FORM_MAX)
		return fail(args, "form body too long (at most %zu bytes)",
		    LB_FORM_MAX);
	if (body == NULL && n > 0)
		return fail(args, "no form body");
	if (n > 0 && add_pairs(r, body, n, LB_P_FORM, "form", args) == -1)
		return -1;
	return complete(r, LB_P_FORM, 0, "form", args);
}

int
lb_args_add(const struct lb_route *r, const char *name, const char *val,
    size_t len, struct lb_args *args)
{
	const struct lb_param	*p;
	char			 q[QUOTE_MAX * 4 + 4];

	assert(r != NULL && args != NULL);
	if (name == NULL)
		return fail(args, "body parameter without a name");
	if ((p = find_param(r, name, strlen(name), LB_P_FORM)) == NULL)
		return fail(args, "undeclared body parameter \"%s\"",
		    quote(q, sizeof(q), name, strlen(name)));
	if (val == NULL && len > 0)
		return fail(args, "body parameter \"%s\" has no value",
		    p->name);
	return add_value(args, p, "body", val, len, DEC_NONE);
}

int
lb_args_complete(const struct lb_route *r, struct lb_args *args)
{
	assert(r != NULL && args != NULL);
	return complete(r, LB_P_FORM, 0, "body", args);
}

const char *
lb_arg(const struct lb_args *a, const char *name)
{
	size_t	i;

	if (a == NULL || name == NULL)
		return NULL;
	for (i = 0; i < a->n && i < LB_ARGS_MAX; i++)
		if (strcmp(a->v[i].p->name, name) == 0)
			return a->v[i].val;
	return NULL;
}

int
lb_arg_int(const struct lb_args *a, const char *name, int64_t *v)
{
	const char	*s;

	if ((s = lb_arg(a, name)) == NULL)
		return -1;
	return parse_int(s, strlen(s), v);
}

/* The well-formedness of one route for lb_route_check. */
static int
check_route(const struct lb_route *r, char *why, size_t whylen)
{
	const struct lb_param	*p;
	const char		*s, *e;
	size_t			 i, j, uses;

	if (r->path == NULL || r->path[0] != '/')
		return lb_why(why, whylen, "route %d: path must start with '/'",
		    r->id);
	if (r->nparams > 0 && r->params == NULL)
		return lb_why(why, whylen, "route %s: nparams without params",
		    r->path);
	for (s = r->path; *s != '\0'; s = e) {
		s++;
		if ((e = strchr(s, '/')) == NULL)
			e = s + strlen(s);
		if (is_param_seg(s, (size_t)(e - s))) {
			if (!pname_ok(s + 1, (size_t)(e - s - 2)) ||
			    find_param(r, s + 1, (size_t)(e - s - 2),
			    LB_P_PATH) == NULL)
				return lb_why(why, whylen, "route %s: {%.*s} is "
				    "not a declared path parameter", r->path,
				    (int)(e - s - 2), s + 1);
			continue;
		}
		if (e == s && strcmp(r->path, "/") == 0)
			break;
		if (e == s || !path_ok(s - 1, (size_t)(e - s + 1), 0) ||
		    memchr(s, '{', (size_t)(e - s)) != NULL ||
		    memchr(s, '}', (size_t)(e - s)) != NULL)
			return lb_why(why, whylen, "route %s: segment \"%.*s\" "
			    "is not plain", r->path, (int)(e - s), s);
	}
	for (i = 0; i < r->nparams; i++) {
		p = &r->params[i];
		if (p->name == NULL || !pname_ok(p->name, strlen(p->name)))
			return lb_why(why, whylen, "route %s: parameter %zu: "
			    "name must be a-z 0-9 _, 1 to %d bytes", r->path,
			    i + 1, LB_PNAME_MAX);
		for (j = 0; j < i; j++)
			if (strcmp(r->params[j].name, p->name) == 0)
				return lb_why(why, whylen, "route %s: parameter "
				    "%s declared twice", r->path, p->name);
		if ((p->flags & (LB_P_PATH | LB_P_QUERY | LB_P_FORM)) == 0)
			return lb_why(why, whylen, "route %s: parameter %s "
			    "comes from nowhere (LB_P_PATH, QUERY or FORM)",
			    r->path, p->name);
		if ((p->flags & LB_P_PATH) != 0 &&
		    (p->flags & (LB_P_QUERY | LB_P_FORM)) != 0)
			return lb_why(why, whylen, "route %s: path parameter "
			    "%s may come from the path only", r->path, p->name);
		if ((p->flags & LB_P_PATH) != 0) {
			uses = 0;
			for (s = r->path; *s != '\0'; s = e) {
				s++;
				if ((e = strchr(s, '/')) == NULL)
					e = s + strlen(s);
				if (is_param_seg(s, (size_t)(e - s)) &&
				    (size_t)(e - s - 2) == strlen(p->name) &&
				    memcmp(s + 1, p->name, strlen(p->name)) ==
				    0)
					uses++;
			}
			if (uses != 1)
				return lb_why(why, whylen, "route %s: path "
				    "parameter %s must be in the path once",
				    r->path, p->name);
		}
		if ((unsigned)p->type > LB_P_BOOL)
			return lb_why(why, whylen, "route %s: parameter %s has "
			    "an unknown type", r->path, p->name);
		if (p->type == LB_P_INT && (p->min > p->max ||
		    (p->min == 0 && p->max == 0)))
			return lb_why(why, whylen, "route %s: parameter %s "
			    "needs min <= max (and not both 0)", r->path,
			    p->name);
		if (p->type == LB_P_ENUM && (p->words == NULL ||
		    p->words[0] == NULL))
			return lb_why(why, whylen, "route %s: parameter %s "
			    "needs words", r->path, p->name);
	}
	return 0;
}

/* Do two route paths have the same pattern (parameters as wildcards)? */
static int
same_pattern(const char *a, const char *b)
{
	const char	*ae, *be;
	int		 ap, bp;

	for (;;) {
		a++;
		b++;
		if ((ae = strchr(a, '/')) == NULL)
			ae = a + strlen(a);
		if ((be = strchr(b, '/')) == NULL)
			be = b + strlen(b);
		ap = is_param_seg(a, (size_t)(ae - a));
		bp = is_param_seg(b, (size_t)(be - b));
		if (ap != bp || (!ap && (ae - a != be - b ||
		    memcmp(a, b, (size_t)(ae - a)) != 0)))
			return 0;
		if (*ae == '\0' || *be == '\0')
			return *ae == *be;
		a = ae;
		b = be;
	}
}

int
lb_route_check(const struct lb_route *routes, size_t n, char *why,
    size_t whylen)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		if (check_route(&routes[i], why, whylen) == -1)
			return -1;
		for (j = 0; j < i; j++)
			if (same_pattern(routes[j].path, routes[i].path) &&
			    (routes[j].methods & routes[i].methods) != 0)
				return lb_why(why, whylen, "route %s: hidden by "
				    "%s for the same methods", routes[i].path,
				    routes[j].path);
	}
	return 0;
}

int
lb_route_find(const struct lb_route *routes, size_t n, const char *method,
    const char *path, size_t pathlen, const struct lb_route **route,
    unsigned *allow)
{
	struct lb_args	a;

	*route = NULL;
	if (allow != NULL)
		*allow = 0;
	if (path == NULL || !lb_path_plain(path, pathlen) ||
	    memchr(path, '\0', pathlen) != NULL)
		return 400;
	return lb_route_match(routes, n, method, path, pathlen, route, allow,
	    &a);
}
