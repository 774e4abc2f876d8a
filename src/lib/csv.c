/*
 * csv.c: the streaming RFC 4180 reader (see csv.h).
 *
 * Input comes through a window in[pos..len): the memory block itself for a
 * memory reader, or a fixed 64 KiB buffer refilled from the descriptor.  A
 * field is scanned with a table lookup per byte in a tight loop and copied
 * run by run into one record buffer, so a record costs a few memcpy calls
 * and never more than LB_MAX_FIELD bytes per field: a field that grows past
 * the limit is refused as soon as the scan passes it, before it is copied.
 * Only three things need to look ahead (a CR, a quote in a quoted field, a
 * UTF-8 sequence); when the window ends in the middle of one, the few
 * unread bytes move to the front of the buffer and more is read.
 *
 * Position: line counts LF bytes; col counts characters, so it is kept as
 * the column of in[pos] and advanced by (bytes - continuation bytes) of each
 * run when the run ends.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "mem.h"
#include "utf8.h"

#define CSV_BUFSZ	((size_t)64 * 1024)
#define CSV_RECMIN	((size_t)4096)

/*
 * Bytes that end a plain run, in an unquoted field (CSV_UNQ) or a quoted
 * one (CSV_QUO).  Bytes from 0x80 end a run only to be checked as UTF-8.
 */
#define CSV_UNQ	1
#define CSV_QUO	2
#define B	(CSV_UNQ | CSV_QUO)
#define B16	B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B
static const unsigned char csv_class[256] = {
	[0] = B, ['\n'] = B, ['\r'] = CSV_UNQ, [','] = CSV_UNQ, ['"'] = B,
	[0x80] = B16, B16, B16, B16, B16, B16, B16, B16
};
#undef B16
#undef B

enum csv_state {
	CSV_NEW,	/* header not read yet */
	CSV_BODY,	/* reading records */
	CSV_DONE,	/* end of input returned */
	CSV_FAILED	/* error kept in c->error */
};

/* How a field ended. */
enum csv_end {
	CSV_COMMA,
	CSV_EOL,
	CSV_EOF
};

/* A field of the record being read, as an offset into the record buffer. */
struct csv_slot {
	size_t		 off;
	size_t		 len;
	unsigned long	 line;
	unsigned long	 col;
};

struct lb_csv {
	int			 fd;	/* -1 for a memory reader */
	const unsigned char	*in;	/* window: buf, or the memory block */
	unsigned char		*buf;	/* read buffer of a descriptor reader */
	size_t			 pos;	/* next byte of in[] */
	size_t			 len;	/* bytes of in[] that are valid */
	int			 eof;	/* nothing after in[len - 1] */
	unsigned long		 line;	/* position of in[pos] */
	unsigned long		 col;
	enum csv_state		 state;
	struct lb_read_error	 error;	/* the first error, kept */

	char			*rec;	/* field bytes of the record, back to back */
	size_t			 reclen;
	size_t			 reccap;
	struct csv_slot		 slot[LB_MAX_FIELDS];
	size_t			 nslot;
	unsigned long		 eline;	/* where the last record ended */
	unsigned long		 ecol;

	char			*names;	/* header names, back to back */
	struct lb_record	 header;
	struct lb_field		 hfield[LB_MAX_FIELDS];
	struct lb_field		 field[LB_MAX_FIELDS];
};

static int	csv_fail_at(struct lb_csv *, unsigned long, unsigned long,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

static int
csv_fail_at(struct lb_csv *c, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list	 ap;

	c->error.line = line;
	c->error.col = col;
	va_start(ap, fmt);
	vsnprintf(c->error.msg, sizeof(c->error.msg), fmt, ap);
	va_end(ap);
	c->state = CSV_FAILED;
	return -1;
}

/*
 * Keep in[pos..len) and read more after it.  1 when bytes were added, 0 at
 * the end of the input, -1 on a read error.
 */
static int
csv_fill(struct lb_csv *c)
{
	size_t	 keep;
	ssize_t	 n;

	if (c->eof)
		return 0;
	keep = c->len - c->pos;
	if (c->pos > 0) {
		memmove(c->buf, c->buf + c->pos, keep);
		c->pos = 0;
		c->len = keep;
	}
	for (;;) {
		n = read(c->fd, c->buf + c->len, CSV_BUFSZ - c->len);
		if (n > 0) {
			c->len += (size_t)n;
			return 1;
		}
		if (n == 0) {
			c->eof = 1;
			return 0;
		}
		if (errno != EINTR)
			return csv_fail_at(c, c->line, c->col, "read error: %s",
			    strerror(errno));
	}
}

/* Make n bytes available at in[pos] unless the input ends first. */
static int
csv_ensure(struct lb_csv *c, size_t n)
{
	while (c->len - c->pos < n && !c->eof)
		if (csv_fill(c) == -1)
			return -1;
	return 0;
}

/* Room for n more bytes in the record buffer. */
static int
csv_grow(struct lb_csv *c, size_t n)
{
	size_t	 cap;
	char	*p;

	cap = c->reccap < CSV_RECMIN ? CSV_RECMIN : c->reccap;
	while (cap - c->reclen < n)
		cap *= 2;
	if ((p = lb_reallocarray(c->rec, cap, 1)) == NULL)
		return csv_fail_at(c, c->line, c->col, "out of memory");
	c->rec = p;
	c->reccap = cap;
	return 0;
}

/* Append n bytes to field f, refusing it when it grows past the limit. */
static int
csv_add(struct lb_csv *c, struct csv_slot *f, const unsigned char *s,
    size_t n)
{
	if (n == 0)
		return 0;
	if (n > LB_MAX_FIELD - (c->reclen - f->off))
		return csv_fail_at(c, f->line, f->col,
		    "field longer than %zu bytes", LB_MAX_FIELD);
	if (n > c->reccap - c->reclen && csv_grow(c, n) == -1)
		return -1;
	memcpy(c->rec + c->reclen, s, n);
	c->reclen += n;
	return 0;
}

/*
 * Report the UTF-8 error at in[pos]: invalid, or cut off by the end of the
 * input.
 */
static int
csv_utf8_error(struct lb_csv *c)
{
	const unsigned char	*p = c->in + c->pos;
	char			 msg[sizeof(c->error.msg)];
	size_t			 bad = 1, n = c->len - c->pos;
	int			 r;

	r = lb_utf8_decode(p, n, NULL, &bad);
	lb_utf8_strerror(msg, sizeof(msg), p, r == 0 ? n : bad, r == 0);
	return csv_fail_at(c, c->line, c->col, "%s", msg);
}

/* Refuse the character at in[pos], which should not be there. */
static int
csv_unexpected(struct lb_csv *c, const char *where)
{
	const unsigned char	*p;
	uint32_t		 cp;
	int			 r;

	if (csv_ensure(c, LB_UTF8_MAX) == -1)
		return -1;
	p = c->in + c->pos;
	if (*p == '\0')
		return csv_fail_at(c, c->line, c->col, "NUL byte in input");
	if ((r = lb_utf8_decode(p, c->len - c->pos, &cp, NULL)) <= 0)
		return csv_utf8_error(c);
	if (cp < 0x20 || cp == 0x7f)
		return csv_fail_at(c, c->line, c->col,
		    "unexpected character U+%04X %s", (unsigned)cp, where);
	if (cp < 0x80)
		return csv_fail_at(c, c->line, c->col,
		    "unexpected character '%c' %s", (char)cp, where);
	/* The code point too: the character may be invisible (U+FEFF). */
	return csv_fail_at(c, c->line, c->col,
	    "unexpected character '%.*s' (U+%04X) %s", r, (const char *)p,
	    (unsigned)cp, where);
}

/* The field ends at in[pos] (a comma, a line ending or the end). */
static int
csv_field_end(struct lb_csv *c)
{
	if (csv_ensure(c, 2) == -1)
		return -1;
	c->eline = c->line;
	c->ecol = c->col;
	if (c->pos == c->len)
		return CSV_EOF;
	switch (c->in[c->pos]) {
	case ',':
		c->pos++;
		c->col++;
		return CSV_COMMA;
	case '\r':
		if (c->len - c->pos < 2 || c->in[c->pos + 1] != '\n')
			return csv_fail_at(c, c->line, c->col,
			    "bare carriage return");
		c->pos++;
		/* FALLTHROUGH */
	case '\n':
		c->pos++;
		c->line++;
		c->col = 1;
		return CSV_EOL;
	default:
		return csv_unexpected(c, "after closing quote");
	}
}

/*
 * Read one field starting at in[pos] into the record buffer.  Returns how
 * it ended (enum csv_end), or -1.
 *
 * Locals: p scans; bytes [start, p) are not yet copied; the column of p is
 * c->col + (p - cb) - ncont, ncont counting continuation bytes since cb.
 */
static int
csv_field(struct lb_csv *c, struct csv_slot *f)
{
	const unsigned char	*p, *end, *lim, *start, *cb;
	size_t			 ncont, room;
	unsigned char		 mask;
	int			 r, quoted;

	f->off = c->reclen;
	f->line = c->line;
	f->col = c->col;
	if (csv_ensure(c, 1) == -1)
		return -1;
	quoted = c->pos < c->len && c->in[c->pos] == '"';
	if (quoted) {
		c->pos++;
		c->col++;
	}
	mask = quoted ? CSV_QUO : CSV_UNQ;

reload:
	p = start = cb = c->in + c->pos;
	end = c->in + c->len;
	ncont = 0;
	for (;;) {
		/* Never scan further than what could still fit. */
		room = LB_MAX_FIELD - (c->reclen - f->off) + 1;
		lim = (size_t)(end - start) > room ? start + room : end;
		/* Four bytes a round: most fields are short plain runs. */
		while (lim - p >= 4 && (csv_class[p[0]] & mask) == 0 &&
		    (csv_class[p[1]] & mask) == 0 &&
		    (csv_class[p[2]] & mask) == 0 &&
		    (csv_class[p[3]] & mask) == 0)
			p += 4;
		while (p < lim && (csv_class[*p] & mask) == 0)
			p++;
		if (p < lim && *p >= 0x80) {
			r = lb_utf8_decode(p, (size_t)(end - p), NULL, NULL);
			if (r > 0) {
				p += r;
				ncont += (size_t)r - 1;
				continue;
			}
			if (csv_add(c, f, start, (size_t)(p - start)) == -1)
				return -1;
			c->col += (unsigned long)(p - cb) - ncont;
			c->pos = (size_t)(p - c->in);
			if (r == 0 && !c->eof)
				goto more;
			return csv_utf8_error(c);
		}
		if (csv_add(c, f, start, (size_t)(p - start)) == -1)
			return -1;
		c->col += (unsigned long)(p - cb) - ncont;
		c->pos = (size_t)(p - c->in);
		start = cb = p;
		ncont = 0;
		if (p == end) {
			if (!c->eof)
				goto more;
			if (quoted)
				return csv_fail_at(c, c->line, c->col,
				    "unterminated quoted field (opened at "
				    "line %lu, column %lu)", f->line, f->col);
			return csv_field_end(c);
		}
		switch (*p) {
		case '\0':
			return csv_fail_at(c, c->line, c->col,
			    "NUL byte in input");
		case '\n':
			if (!quoted)
				goto eol;
			/* A line break inside quotes is data. */
			c->line++;
			c->col = 1;
			p++;
			cb = p;
			break;
		case '\r':
			/* Only reached unquoted. */
			if (p + 1 < end && p[1] == '\n') {
				p++;
				goto eol;
			}
			return csv_field_end(c);
		case ',':
			c->pos++;
			c->col++;
			return CSV_COMMA;
		case '"':
			if (!quoted)
				return csv_fail_at(c, c->line, c->col,
				    "quote in unquoted field");
			if (p + 1 == end && !c->eof)
				goto more;
			if (p + 1 < end && p[1] == '"') {
				/* "" is one quote: copy the second. */
				p += 2;
				start++;
				break;
			}
			c->pos++;
			c->col++;
			return csv_field_end(c);
		}
	}

eol:
	/* The common line endings, without csv_field_end()'s look-ahead. */
	c->eline = c->line;
	c->ecol = c->col;
	c->pos = (size_t)(p + 1 - c->in);
	c->line++;
	c->col = 1;
	return CSV_EOL;

more:
	/* Everything before in[pos] has been copied and counted. */
	if (csv_fill(c) == -1)
		return -1;
	goto reload;
}

/* Read one record into c->slot; 1, 0 at the end of the input, or -1. */
static int
csv_record(struct lb_csv *c, int header)
{
	struct csv_slot	*f;
	int		 end;

	/* A completely empty line is skipped. */
	for (;;) {
		if (csv_ensure(c, 2) == -1)
			return -1;
		if (c->pos == c->len)
			return 0;
		if (c->in[c->pos] == '\n')
			c->pos++;
		else if (c->in[c->pos] == '\r' && c->len - c->pos >= 2 &&
		    c->in[c->pos + 1] == '\n')
			c->pos += 2;
		else
			break;
		c->line++;
		c->col = 1;
	}
	c->reclen = 0;
	c->nslot = 0;
	do {
		if (c->nslot == LB_MAX_FIELDS)
			return csv_fail_at(c, c->line, c->col,
			    header ? "header has more than %d columns" :
			    "record has more than %d fields", LB_MAX_FIELDS);
		f = &c->slot[c->nslot];
		if ((end = csv_field(c, f)) == -1)
			return -1;
		f->len = c->reclen - f->off;
		c->nslot++;
	} while (end == CSV_COMMA);
	return 1;
}

static struct lb_csv *
csv_new(void)
{
	struct lb_csv	*c;

	if ((c = lb_calloc(1, sizeof(*c))) == NULL)
		return NULL;
	/* Allocated now so that even an empty value has a non-NULL pointer. */
	if ((c->rec = lb_mallocarray(CSV_RECMIN, 1)) == NULL) {
		free(c);
		return NULL;
	}
	c->reccap = CSV_RECMIN;
	c->fd = -1;
	c->line = 1;
	c->col = 1;
	c->state = CSV_NEW;
	return c;
}

struct lb_csv *
lb_csv_open_fd(int fd)
{
	struct lb_csv	*c;

	if ((c = csv_new()) == NULL)
		return NULL;
	if ((c->buf = lb_mallocarray(CSV_BUFSZ, 1)) == NULL) {
		free(c->rec);
		free(c);
		return NULL;
	}
	c->fd = fd;
	c->in = c->buf;
	return c;
}

struct lb_csv *
lb_csv_open_mem(const char *p, size_t n)
{
	struct lb_csv	*c;

	if ((c = csv_new()) == NULL)
		return NULL;
	c->in = p != NULL ? (const unsigned char *)p : (const unsigned char *)"";
	c->len = p != NULL ? n : 0;
	c->eof = 1;
	return c;
}

void
lb_csv_close(struct lb_csv *c)
{
	if (c == NULL)
		return;
	free(c->rec);
	free(c->names);
	free(c->buf);
	free(c);
}

static int
csv_error(const struct lb_csv *c, struct lb_read_error *err)
{
	if (err != NULL)
		*err = c->error;
	return -1;
}

int
lb_csv_read_header(struct lb_csv *c, struct lb_read_error *err)
{
	struct csv_slot	*f, *g;
	struct lb_field	*h;
	char		 q[96];
	size_t		 i, j;
	int		 r;

	if (c->state == CSV_FAILED)
		return csv_error(c, err);
	if (c->state != CSV_NEW)
		return 0;
	if (csv_ensure(c, 3) == -1)
		return csv_error(c, err);
	if (c->len - c->pos >= 3 &&
	    memcmp(c->in + c->pos, "\xef\xbb\xbf", 3) == 0)
		c->pos += 3;
	if ((r = csv_record(c, 1)) == -1)
		return csv_error(c, err);
	if (r == 0) {
		csv_fail_at(c, c->line, c->col, "empty file: no header row");
		return csv_error(c, err);
	}
	for (i = 0; i < c->nslot; i++) {
		f = &c->slot[i];
		if (f->len == 0) {
			csv_fail_at(c, f->line, f->col, "empty column name");
			return csv_error(c, err);
		}
		if (f->len > LB_MAX_NAME) {
			csv_fail_at(c, f->line, f->col,
			    "column name longer than %d bytes", LB_MAX_NAME);
			return csv_error(c, err);
		}
		for (j = 0; j < i; j++) {
			g = &c->slot[j];
			if (g->len == f->len && memcmp(c->rec + g->off,
			    c->rec + f->off, f->len) == 0) {
				csv_fail_at(c, f->line, f->col,
				    "duplicate column name %s",
				    lb_utf8_quote(q, sizeof(q),
				    c->rec + f->off, f->len));
				return csv_error(c, err);
			}
		}
	}
	if ((c->names = lb_mallocarray(c->reclen, 1)) == NULL) {
		csv_fail_at(c, c->line, c->col, "out of memory");
		return csv_error(c, err);
	}
	memcpy(c->names, c->rec, c->reclen);
	for (i = 0; i < c->nslot; i++) {
		f = &c->slot[i];
		h = &c->hfield[i];
		h->name = h->val = c->names + f->off;
		h->name_len = h->len = f->len;
		h->type = LB_VAL_STRING;
		h->line = f->line;
		h->col = f->col;
		/* Records share the names; only values change. */
		c->field[i].name = h->name;
		c->field[i].name_len = h->name_len;
		c->field[i].type = LB_VAL_STRING;
	}
	c->header.fields = c->hfield;
	c->header.nfields = c->nslot;
	c->header.line = c->slot[0].line;
	c->header.col = c->slot[0].col;
	c->state = CSV_BODY;
	return 0;
}

const struct lb_record *
lb_csv_header(const struct lb_csv *c)
{
	return &c->header;
}

int
lb_csv_next(struct lb_csv *c, struct lb_record *rec,
    struct lb_read_error *err)
{
	struct lb_field	*fl;
	struct csv_slot	*f;
	size_t		 i, n;
	int		 r;

	if (c->state == CSV_NEW && lb_csv_read_header(c, err) == -1)
		return -1;
	if (c->state == CSV_FAILED)
		return csv_error(c, err);
	if (c->state == CSV_DONE)
		return 0;
	if ((r = csv_record(c, 0)) == -1)
		return csv_error(c, err);
	if (r == 0) {
		c->state = CSV_DONE;
		return 0;
	}
	n = c->header.nfields;
	if (c->nslot != n) {
		/* Point at the first extra field, or where one is missing. */
		csv_fail_at(c, c->nslot > n ? c->slot[n].line : c->eline,
		    c->nslot > n ? c->slot[n].col : c->ecol,
		    "record has %zu field%s, header has %zu", c->nslot,
		    c->nslot == 1 ? "" : "s", n);
		return csv_error(c, err);
	}
	for (i = 0; i < n; i++) {
		f = &c->slot[i];
		fl = &c->field[i];
		fl->val = c->rec + f->off;
		fl->len = f->len;
		fl->line = f->line;
		fl->col = f->col;
	}
	rec->fields = c->field;
	rec->nfields = n;
	rec->line = c->slot[0].line;
	rec->col = c->slot[0].col;
	return 1;
}
