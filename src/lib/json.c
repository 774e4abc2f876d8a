/*
 * json.c: the streaming reader for a JSON array of flat objects (json.h).
 *
 * The input layer is the one of csv.c: a window in[pos..len) over the
 * memory block or over a fixed 64 KiB buffer refilled from the descriptor,
 * with line and column (in characters) kept for in[pos].  The parser is a
 * small recursive-descent one bounded to depth two: the top-level array is
 * a state kept between calls, and each call reads exactly one object, whose
 * decoded names and values go back to back into one record buffer.  Every
 * string and number is refused as soon as it grows past its limit, so
 * memory stays bounded whatever the input.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "mem.h"
#include "utf8.h"

#define JSON_BUFSZ	((size_t)64 * 1024)
#define JSON_RECMIN	((size_t)4096)
#define JSON_LITMAX	16	/* longest literal token shown in an error */

/* Bytes that end a plain run inside a string. */
#define S16	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char json_special[256] = {
	S16, S16, ['"'] = 1, ['\\'] = 1,
	[0x80] = S16, S16, S16, S16, S16, S16, S16, S16
};
#undef S16

enum json_state {
	JSON_NEW,	/* nothing read */
	JSON_FIRST,	/* after '[' */
	JSON_NEXT,	/* after an element */
	JSON_DONE,	/* after ']' and the end of the input */
	JSON_FAILED	/* error kept in j->error */
};

/* A member of the object being read; strings are offsets into rec. */
struct json_slot {
	size_t		 noff;
	size_t		 nlen;
	size_t		 voff;
	size_t		 vlen;
	const char	*lit;	/* value of true, false, null */
	enum lb_val_type type;
	unsigned long	 line;
	unsigned long	 col;
};

/* The string being decoded into rec. */
struct json_str {
	size_t		 off;
	size_t		 max;
	int		 name;	/* a member name, else a value */
	unsigned long	 line;	/* of the opening quote */
	unsigned long	 col;
};

struct lb_json {
	int			 fd;	/* -1 for a memory reader */
	const unsigned char	*in;	/* window: buf, or the memory block */
	unsigned char		*buf;
	size_t			 pos;
	size_t			 len;
	int			 eof;
	unsigned long		 line;	/* position of in[pos] */
	unsigned long		 col;
	enum json_state		 state;
	struct lb_read_error	 error;

	unsigned long		 aline;	/* the opening '[' */
	unsigned long		 acol;
	unsigned long		 oline;	/* the '{' of the object being read */
	unsigned long		 ocol;
	int			 inobj;
	unsigned long		 nelem;	/* elements seen */

	char			*rec;
	size_t			 reclen;
	size_t			 reccap;
	struct json_slot	 slot[LB_MAX_FIELDS];
	size_t			 nslot;
	struct lb_field		 field[LB_MAX_FIELDS];
};

static int	json_fail_at(struct lb_json *, unsigned long, unsigned long,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

static int
json_fail_at(struct lb_json *j, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list	 ap;

	j->error.line = line;
	j->error.col = col;
	va_start(ap, fmt);
	vsnprintf(j->error.msg, sizeof(j->error.msg), fmt, ap);
	va_end(ap);
	j->state = JSON_FAILED;
	return -1;
}

/* Keep in[pos..len) and read more: 1, 0 at the end, -1 on error. */
static int
json_fill(struct lb_json *j)
{
	size_t	 keep;
	ssize_t	 n;

	if (j->eof)
		return 0;
	keep = j->len - j->pos;
	if (j->pos > 0) {
		memmove(j->buf, j->buf + j->pos, keep);
		j->pos = 0;
		j->len = keep;
	}
	for (;;) {
		n = read(j->fd, j->buf + j->len, JSON_BUFSZ - j->len);
		if (n > 0) {
			j->len += (size_t)n;
			return 1;
		}
		if (n == 0) {
			j->eof = 1;
			return 0;
		}
		if (errno != EINTR)
			return json_fail_at(j, j->line, j->col,
			    "read error: %s", strerror(errno));
	}
}

static int
json_ensure(struct lb_json *j, size_t n)
{
	while (j->len - j->pos < n && !j->eof)
		if (json_fill(j) == -1)
			return -1;
	return 0;
}

/* The byte at in[pos], or -1 at the end of the input (after json_ws). */
static int
json_peek(const struct lb_json *j)
{
	return j->pos < j->len ? j->in[j->pos] : -1;
}

/* Skip JSON whitespace; leaves at least one byte in the window, or EOF. */
static int
json_ws(struct lb_json *j)
{
	const unsigned char	*p, *end;

	for (;;) {
		p = j->in + j->pos;
		end = j->in + j->len;
		while (p < end) {
			if (*p == ' ' || *p == '\t' || *p == '\r')
				j->col++;
			else if (*p == '\n') {
				j->line++;
				j->col = 1;
			} else
				break;
			p++;
		}
		j->pos = (size_t)(p - j->in);
		if (p < end || j->eof)
			return 0;
		if (json_fill(j) == -1)
			return -1;
	}
}

static int
json_grow(struct lb_json *j, size_t n)
{
	size_t	 cap;
	char	*p;

	cap = j->reccap < JSON_RECMIN ? JSON_RECMIN : j->reccap;
	while (cap - j->reclen < n)
		cap *= 2;
	if ((p = lb_reallocarray(j->rec, cap, 1)) == NULL)
		return json_fail_at(j, j->line, j->col, "out of memory");
	j->rec = p;
	j->reccap = cap;
	return 0;
}

static int
json_too_long(struct lb_json *j, const struct json_str *s)
{
	if (s->name)
		return json_fail_at(j, s->line, s->col,
		    "member name longer than %d bytes", LB_MAX_NAME);
	return json_fail_at(j, s->line, s->col, "value longer than %zu bytes",
	    LB_MAX_FIELD);
}

/* Append n bytes to the string s, refusing it past its limit. */
static int
json_add(struct lb_json *j, const struct json_str *s, const void *p,
    size_t n)
{
	if (n == 0)
		return 0;
	if (n > s->max - (j->reclen - s->off))
		return json_too_long(j, s);
	if (n > j->reccap - j->reclen && json_grow(j, n) == -1)
		return -1;
	memcpy(j->rec + j->reclen, p, n);
	j->reclen += n;
	return 0;
}

/* Report the UTF-8 error at in[pos]. */
static int
json_utf8_error(struct lb_json *j)
{
	const unsigned char	*p = j->in + j->pos;
	char			 msg[sizeof(j->error.msg)];
	size_t			 bad = 1, n = j->len - j->pos;
	int			 r;

	r = lb_utf8_decode(p, n, NULL, &bad);
	lb_utf8_strerror(msg, sizeof(msg), p, r == 0 ? n : bad, r == 0);
	return json_fail_at(j, j->line, j->col, "%s", msg);
}

/*
 * Refuse what is at in[pos] (after json_ws): "<expected>, got 'x'", or the
 * more basic error (end of input inside a bracket, NUL, bad UTF-8).
 */
static int
json_unexpected(struct lb_json *j, const char *expected)
{
	const unsigned char	*p;
	uint32_t		 cp;
	int			 r;

	if (json_ensure(j, LB_UTF8_MAX) == -1)
		return -1;
	if (j->pos == j->len) {
		if (j->inobj)
			return json_fail_at(j, j->line, j->col,
			    "unterminated object (opened at line %lu, "
			    "column %lu)", j->oline, j->ocol);
		if (j->state == JSON_FIRST || j->state == JSON_NEXT)
			return json_fail_at(j, j->line, j->col,
			    "unterminated array (opened at line %lu, "
			    "column %lu)", j->aline, j->acol);
		return json_fail_at(j, j->line, j->col,
		    "%s, got end of input", expected);
	}
	p = j->in + j->pos;
	if (*p == '\0')
		return json_fail_at(j, j->line, j->col, "NUL byte in input");
	if ((r = lb_utf8_decode(p, j->len - j->pos, &cp, NULL)) <= 0)
		return json_utf8_error(j);
	if (cp < 0x20 || cp == 0x7f)
		return json_fail_at(j, j->line, j->col, "%s, got U+%04X",
		    expected, (unsigned)cp);
	if (cp < 0x80)
		return json_fail_at(j, j->line, j->col, "%s, got '%c'",
		    expected, (char)cp);
	/* The code point too: the character may be invisible (U+FEFF). */
	return json_fail_at(j, j->line, j->col, "%s, got '%.*s' (U+%04X)",
	    expected, r, (const char *)p, (unsigned)cp);
}

static int
json_hex4(const unsigned char *p, uint32_t *v)
{
	int	 i, d;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			return -1;
		*v = (*v << 4) | (uint32_t)d;
	}
	return 0;
}

/* Decode the escape at in[pos] (a backslash) into the string s. */
static int
json_escape(struct lb_json *j, const struct json_str *s)
{
	const unsigned char	*p;
	unsigned char		 out[LB_UTF8_MAX];
	size_t			 n, used = 2, olen = 1;
	uint32_t		 u, lo;

	if (json_ensure(j, 12) == -1)
		return -1;
	p = j->in + j->pos;
	n = j->len - j->pos;
	if (n < 2)
		return json_fail_at(j, j->line, j->col + 1,
		    "unterminated string (opened at line %lu, column %lu)",
		    s->line, s->col);
	switch (p[1]) {
	case '"':
	case '\\':
	case '/':
		out[0] = p[1];
		break;
	case 'b':
		out[0] = '\b';
		break;
	case 'f':
		out[0] = '\f';
		break;
	case 'n':
		out[0] = '\n';
		break;
	case 'r':
		out[0] = '\r';
		break;
	case 't':
		out[0] = '\t';
		break;
	case 'u':
		if (n < 6 || json_hex4(p + 2, &u) == -1)
			return json_fail_at(j, j->line, j->col,
			    "invalid \\u escape: expected 4 hex digits");
		used = 6;
		if (u == 0)
			return json_fail_at(j, j->line, j->col,
			    "NUL character (\\u0000) in string");
		if (u >= 0xdc00 && u <= 0xdfff)
			return json_fail_at(j, j->line, j->col,
			    "unpaired surrogate \\u%.4s", (const char *)p + 2);
		if (u >= 0xd800 && u <= 0xdbff) {
			if (n < 12 || p[6] != '\\' || p[7] != 'u' ||
			    json_hex4(p + 8, &lo) == -1 ||
			    lo < 0xdc00 || lo > 0xdfff)
				return json_fail_at(j, j->line, j->col,
				    "unpaired surrogate \\u%.4s",
				    (const char *)p + 2);
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			used = 12;
		}
		olen = lb_utf8_encode(u, out);
		break;
	default:
		if (p[1] > 0x20 && p[1] < 0x7f)
			return json_fail_at(j, j->line, j->col,
			    "invalid escape '\\%c'", p[1]);
		return json_fail_at(j, j->line, j->col,
		    "invalid escape: backslash followed by byte 0x%02x", p[1]);
	}
	if (json_add(j, s, out, olen) == -1)
		return -1;
	j->pos += used;
	j->col += used;
	return 0;
}

/*
 * Decode the string at in[pos] (the opening quote) into rec, at most max
 * bytes.  Same scanning scheme as csv_field() in csv.c.
 */
static int
json_string(struct lb_json *j, size_t max, int name)
{
	const unsigned char	*p, *end, *lim, *start, *cb;
	struct json_str		 s;
	size_t			 ncont, room;
	int			 r;

	s.off = j->reclen;
	s.max = max;
	s.name = name;
	s.line = j->line;
	s.col = j->col;
	j->pos++;
	j->col++;

reload:
	p = start = cb = j->in + j->pos;
	end = j->in + j->len;
	ncont = 0;
	for (;;) {
		room = max - (j->reclen - s.off) + 1;
		lim = (size_t)(end - start) > room ? start + room : end;
		while (lim - p >= 4 && json_special[p[0]] == 0 &&
		    json_special[p[1]] == 0 && json_special[p[2]] == 0 &&
		    json_special[p[3]] == 0)
			p += 4;
		while (p < lim && json_special[*p] == 0)
			p++;
		if (p < lim && *p >= 0x80) {
			r = lb_utf8_decode(p, (size_t)(end - p), NULL, NULL);
			if (r > 0) {
				p += r;
				ncont += (size_t)r - 1;
				continue;
			}
			if (json_add(j, &s, start, (size_t)(p - start)) == -1)
				return -1;
			j->col += (unsigned long)(p - cb) - ncont;
			j->pos = (size_t)(p - j->in);
			if (r == 0 && !j->eof)
				goto more;
			return json_utf8_error(j);
		}
		if (json_add(j, &s, start, (size_t)(p - start)) == -1)
			return -1;
		j->col += (unsigned long)(p - cb) - ncont;
		j->pos = (size_t)(p - j->in);
		if (p == end) {
			if (!j->eof)
				goto more;
			return json_fail_at(j, j->line, j->col,
			    "unterminated string (opened at line %lu, "
			    "column %lu)", s.line, s.col);
		}
		switch (*p) {
		case '"':
			j->pos++;
			j->col++;
			return 0;
		case '\\':
			if (json_escape(j, &s) == -1)
				return -1;
			goto reload;
		case '\0':
			return json_fail_at(j, j->line, j->col,
			    "NUL byte in input");
		default:
			return json_fail_at(j, j->line, j->col,
			    "unescaped control character U+%04X in string",
			    (unsigned)*p);
		}
	}

more:
	if (json_fill(j) == -1)
		return -1;
	goto reload;
}

static int
json_isnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.';
}

/*
 * Copy the run of number-like bytes at in[pos] into rec.  0, or 1 when the
 * run is longer than max (rec then holds the first max + 1 bytes), or -1.
 */
static int
json_token(struct lb_json *j, size_t max)
{
	const unsigned char	*p, *end, *lim;
	size_t			 off = j->reclen, n, room;

	for (;;) {
		p = j->in + j->pos;
		end = j->in + j->len;
		room = max - (j->reclen - off) + 1;
		lim = (size_t)(end - p) > room ? p + room : end;
		while (p < lim && json_isnum(*p))
			p++;
		n = (size_t)(p - (j->in + j->pos));
		if (n > j->reccap - j->reclen && json_grow(j, n) == -1)
			return -1;
		memcpy(j->rec + j->reclen, j->in + j->pos, n);
		j->reclen += n;
		j->pos += n;
		j->col += n;
		if (j->reclen - off > max)
			return 1;
		if (p < end || j->eof)
			return 0;
		if (json_fill(j) == -1)
			return -1;
	}
}

/* RFC 8259 section 6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
json_number_ok(const char *s, size_t n)
{
	size_t	 i = 0;

#define DIGIT(k)	((k) < n && s[(k)] >= '0' && s[(k)] <= '9')
	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (DIGIT(i))
		while (DIGIT(i))
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		i++;
		if (!DIGIT(i))
			return 0;
		while (DIGIT(i))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!DIGIT(i))
			return 0;
		while (DIGIT(i))
			i++;
	}
#undef DIGIT
	return i == n;
}

/* Member name of s, quoted for an error message. */
static const char *
json_name(const struct lb_json *j, const struct json_slot *s, char *q,
    size_t size)
{
	return lb_utf8_quote(q, size, j->rec + s->noff, s->nlen);
}

/* The value of member s at in[pos] (after json_ws). */
static int
json_value(struct lb_json *j, struct json_slot *s)
{
	char	 q[96], v[96];
	int	 c, r;

	s->line = j->line;
	s->col = j->col;
	s->voff = j->reclen;
	s->lit = NULL;
	c = json_peek(j);
	if (c == '"') {
		s->type = LB_VAL_STRING;
		if (json_string(j, LB_MAX_FIELD, 0) == -1)
			return -1;
	} else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
		s->type = LB_VAL_NUMBER;
		if ((r = json_token(j, LB_MAX_FIELD)) == -1)
			return -1;
		if (r == 1)
			return json_fail_at(j, s->line, s->col,
			    "value longer than %zu bytes", LB_MAX_FIELD);
		if (!json_number_ok(j->rec + s->voff, j->reclen - s->voff))
			return json_fail_at(j, s->line, s->col,
			    "malformed number %s", lb_utf8_quote(v, 40,
			    j->rec + s->voff, j->reclen - s->voff));
	} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		if ((r = json_token(j, JSON_LITMAX)) == -1)
			return -1;
		r = (int)(j->reclen - s->voff);
		if (r == 4 && memcmp(j->rec + s->voff, "true", 4) == 0) {
			s->type = LB_VAL_BOOL;
			s->lit = "true";
		} else if (r == 5 && memcmp(j->rec + s->voff, "false", 5) == 0) {
			s->type = LB_VAL_BOOL;
			s->lit = "false";
		} else if (r == 4 && memcmp(j->rec + s->voff, "null", 4) == 0) {
			s->type = LB_VAL_NULL;
			s->lit = "";
		} else
			return json_fail_at(j, s->line, s->col,
			    "invalid literal %s", lb_utf8_quote(v,
			    JSON_LITMAX + 6, j->rec + s->voff, (size_t)r));
		/* Literals are not kept in rec: lit points at the text. */
		j->reclen = s->voff;
		s->vlen = strlen(s->lit);
		return 0;
	} else if (c == '[' || c == '{') {
		return json_fail_at(j, s->line, s->col,
		    "member %s: nested arrays and objects are not supported",
		    json_name(j, s, q, sizeof(q)));
	} else {
		snprintf(v, sizeof(v), "member %s: expected a value",
		    json_name(j, s, q, sizeof(q)));
		return json_unexpected(j, v);
	}
	s->vlen = j->reclen - s->voff;
	return 0;
}

/* Read the object at in[pos] (a '{') into j->slot. */
static int
json_object(struct lb_json *j)
{
	struct json_slot	*s;
	unsigned long		 line, col;
	char			 q[96], what[160];
	size_t			 i;
	int			 c;

	j->reclen = 0;
	j->nslot = 0;
	j->oline = j->line;
	j->ocol = j->col;
	j->inobj = 1;
	j->pos++;
	j->col++;
	if (json_ws(j) == -1)
		return -1;
	if (json_peek(j) == '}')
		goto close;
	for (;;) {
		if ((c = json_peek(j)) != '"') {
			if (c == '}')
				return json_fail_at(j, j->line, j->col,
				    "trailing comma in object");
			return json_unexpected(j, "expected a member name "
			    "(a string)");
		}
		if (j->nslot == LB_MAX_FIELDS)
			return json_fail_at(j, j->line, j->col,
			    "object has more than %d members", LB_MAX_FIELDS);
		s = &j->slot[j->nslot];
		s->noff = j->reclen;
		line = j->line;
		col = j->col;
		if (json_string(j, LB_MAX_NAME, 1) == -1)
			return -1;
		s->nlen = j->reclen - s->noff;
		for (i = 0; i < j->nslot; i++)
			if (j->slot[i].nlen == s->nlen &&
			    memcmp(j->rec + j->slot[i].noff, j->rec + s->noff,
			    s->nlen) == 0)
				return json_fail_at(j, line, col,
				    "duplicate member name %s",
				    json_name(j, s, q, sizeof(q)));
		if (json_ws(j) == -1)
			return -1;
		if (json_peek(j) != ':') {
			snprintf(what, sizeof(what),
			    "expected ':' after member name %s",
			    json_name(j, s, q, sizeof(q)));
			return json_unexpected(j, what);
		}
		j->pos++;
		j->col++;
		if (json_ws(j) == -1 || json_value(j, s) == -1)
			return -1;
		j->nslot++;
		if (json_ws(j) == -1)
			return -1;
		c = json_peek(j);
		if (c == '}')
			break;
		if (c != ',') {
			snprintf(what, sizeof(what),
			    "expected ',' or '}' after member %s",
			    json_name(j, s, q, sizeof(q)));
			return json_unexpected(j, what);
		}
		j->pos++;
		j->col++;
		if (json_ws(j) == -1)
			return -1;
	}
close:
	j->pos++;
	j->col++;
	j->inobj = 0;
	return 0;
}

static struct lb_json *
json_new(void)
{
	struct lb_json	*j;

	if ((j = lb_calloc(1, sizeof(*j))) == NULL)
		return NULL;
	/* Allocated now so that even an empty value has a non-NULL pointer. */
	if ((j->rec = lb_mallocarray(JSON_RECMIN, 1)) == NULL) {
		free(j);
		return NULL;
	}
	j->reccap = JSON_RECMIN;
	j->fd = -1;
	j->line = 1;
	j->col = 1;
	j->state = JSON_NEW;
	return j;
}

struct lb_json *
lb_json_open_fd(int fd)
{
	struct lb_json	*j;

	if ((j = json_new()) == NULL)
		return NULL;
	if ((j->buf = lb_mallocarray(JSON_BUFSZ, 1)) == NULL) {
		free(j->rec);
		free(j);
		return NULL;
	}
	j->fd = fd;
	j->in = j->buf;
	return j;
}

struct lb_json *
lb_json_open_mem(const char *p, size_t n)
{
	struct lb_json	*j;

	if ((j = json_new()) == NULL)
		return NULL;
	j->in = p != NULL ? (const unsigned char *)p : (const unsigned char *)"";
	j->len = p != NULL ? n : 0;
	j->eof = 1;
	return j;
}

void
lb_json_close(struct lb_json *j)
{
	if (j == NULL)
		return;
	free(j->rec);
	free(j->buf);
	free(j);
}

/* After the closing ']': only whitespace may follow. */
static int
json_finish(struct lb_json *j)
{
	j->pos++;
	j->col++;
	j->state = JSON_DONE;
	if (json_ws(j) == -1)
		return -1;
	if (j->pos < j->len)
		return json_unexpected(j,
		    "expected end of input after the closing ']'");
	return 0;
}

/* Move to the next element: 1 at an object's '{', 0 after the ']'. */
static int
json_advance(struct lb_json *j)
{
	char	 what[64];
	int	 c;

	if (j->state == JSON_NEW) {
		if (json_ensure(j, 3) == -1)
			return -1;
		if (j->len - j->pos >= 3 &&
		    memcmp(j->in + j->pos, "\xef\xbb\xbf", 3) == 0)
			j->pos += 3;
		if (json_ws(j) == -1)
			return -1;
		if ((c = json_peek(j)) == -1)
			return json_fail_at(j, j->line, j->col,
			    "empty file: expected an array of objects");
		if (c != '[')
			return json_fail_at(j, j->line, j->col,
			    "top level must be an array of objects");
		j->aline = j->line;
		j->acol = j->col;
		j->pos++;
		j->col++;
		j->state = JSON_FIRST;
		if (json_ws(j) == -1)
			return -1;
		if (json_peek(j) == ']')
			return json_finish(j);
	} else {
		if (json_ws(j) == -1)
			return -1;
		c = json_peek(j);
		if (c == ']')
			return json_finish(j);
		if (c != ',') {
			snprintf(what, sizeof(what),
			    "expected ',' or ']' after element %lu", j->nelem);
			return json_unexpected(j, what);
		}
		j->pos++;
		j->col++;
		if (json_ws(j) == -1)
			return -1;
		if (json_peek(j) == ']')
			return json_fail_at(j, j->line, j->col,
			    "trailing comma in array");
	}
	j->nelem++;
	if (json_peek(j) == '{')
		return 1;
	if (json_peek(j) == -1)
		return json_unexpected(j, "expected an object");
	return json_fail_at(j, j->line, j->col, "element %lu is not an object",
	    j->nelem);
}

int
lb_json_next(struct lb_json *j, struct lb_record *rec,
    struct lb_read_error *err)
{
	struct json_slot	*s;
	struct lb_field		*f;
	size_t			 i;
	int			 r;

	if (j->state == JSON_DONE)
		return 0;
	if (j->state != JSON_FAILED) {
		if ((r = json_advance(j)) == 0 && j->state == JSON_DONE)
			return 0;
		if (r == 1 && json_object(j) == 0) {
			for (i = 0; i < j->nslot; i++) {
				s = &j->slot[i];
				f = &j->field[i];
				f->name = j->rec + s->noff;
				f->name_len = s->nlen;
				f->val = s->lit != NULL ? s->lit :
				    j->rec + s->voff;
				f->len = s->vlen;
				f->type = s->type;
				f->line = s->line;
				f->col = s->col;
			}
			rec->fields = j->field;
			rec->nfields = j->nslot;
			rec->line = j->oline;
			rec->col = j->ocol;
			j->state = JSON_NEXT;
			return 1;
		}
	}
	if (err != NULL)
		*err = j->error;
	return -1;
}
