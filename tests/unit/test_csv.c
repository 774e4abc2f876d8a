/*
 * test_csv.c: unit tests of the streaming CSV reader (src/lib/csv.c).
 *
 * Most cases are tables run twice: once through the memory reader, and
 * once through the descriptor reader with the input pushed across the 64
 * KiB read-buffer boundary at every byte (by prefixing empty lines, which
 * the reader skips), so that CRLF pairs, doubled quotes and UTF-8 sequences
 * are all seen split between two reads.  Other tests feed a pipe from a
 * child process: in small uneven writes, and a 100 MB field that must be
 * refused long before the writer is done.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csv.h"

#define S(s)		s, sizeof(s) - 1
#define BOUNDARY	((size_t)64 * 1024)	/* CSV_BUFSZ in csv.c */
#define OUTMAX		4096

/*
 * Values of every record: fields joined by '|', each record ended by ';',
 * with \n, \r, |, ; and \ escaped by a backslash.
 */
struct out {
	char	 s[OUTMAX];
	size_t	 len;
};

static void
render(struct out *o, const struct lb_record *rec)
{
	size_t	 i, k;
	char	 ch;

	for (i = 0; i < rec->nfields; i++) {
		if (i > 0 && o->len < OUTMAX - 1)
			o->s[o->len++] = '|';
		for (k = 0; k < rec->fields[i].len; k++) {
			ch = rec->fields[i].val[k];
			if (o->len >= OUTMAX - 3)
				break;
			if (ch == '\n' || ch == '\r' || ch == '|' ||
			    ch == ';' || ch == '\\') {
				o->s[o->len++] = '\\';
				ch = ch == '\n' ? 'n' : ch == '\r' ? 'r' : ch;
			}
			o->s[o->len++] = ch;
		}
	}
	if (o->len < OUTMAX - 1)
		o->s[o->len++] = ';';
	o->s[o->len] = '\0';
}

/*
 * Read everything from c: returns the last lb_csv_next() result (0 or -1),
 * the rendering in o, the number of records in *nrec and the error in err.
 */
static int
read_all(struct lb_csv *c, struct out *o, size_t *nrec,
    struct lb_read_error *err)
{
	struct lb_record	 rec;
	size_t			 i;
	int			 r;

	o->len = 0;
	o->s[0] = '\0';
	*nrec = 0;
	memset(err, 0, sizeof(*err));
	if (lb_csv_read_header(c, err) == -1)
		return -1;
	while ((r = lb_csv_next(c, &rec, err)) == 1) {
		assert_int_equal(rec.nfields, lb_csv_header(c)->nfields);
		for (i = 0; i < rec.nfields; i++) {
			assert_non_null(rec.fields[i].val);
			assert_ptr_equal(rec.fields[i].name,
			    lb_csv_header(c)->fields[i].name);
			assert_int_equal(rec.fields[i].type, LB_VAL_STRING);
			assert_true(rec.fields[i].len <= LB_MAX_FIELD);
		}
		render(o, &rec);
		(*nrec)++;
	}
	return r;
}

/* A temporary file holding pad empty lines, then n bytes of s. */
static int
padded_file(size_t pad, const char *s, size_t n)
{
	char	 path[] = "/tmp/test_csv.XXXXXX";
	char	*p;
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd != -1);
	unlink(path);
	p = malloc(pad + n + 1);
	assert_non_null(p);
	memset(p, '\n', pad);
	memcpy(p + pad, s, n);
	assert_int_equal(write(fd, p, pad + n), (ssize_t)(pad + n));
	free(p);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Pads that put the buffer boundary before each byte of an n-byte input. */
#define FOR_EACH_PAD(pad, n)						\
	for ((pad) = BOUNDARY - (n) - 1; (pad) <= BOUNDARY; (pad)++)

struct valid_case {
	const char	*in;
	size_t		 len;
	const char	*want;
	int		 noshift;	/* must start the file (BOM) */
};

static const struct valid_case valid_cases[] = {
	{ S("a,b\n1,2\n"), "1|2;", 0 },
	{ S("a,b\n1,2"), "1|2;", 0 },
	{ S("a,b\r\n1,2\r\n3,4\r\n"), "1|2;3|4;", 0 },
	{ S("a,b\r\n1,2\r\n3,4"), "1|2;3|4;", 0 },
	{ S("a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n"),
	    "x,y|he said \"hi\";", 0 },
	{ S("a,b\n1,\"x\ny\"\n"), "1|x\\ny;", 0 },
	{ S("a\n\"x\r\ny\"\r\n"), "x\\r\\ny;", 0 },
	{ S("a\n\"x\ry\"\n"), "x\\ry;", 0 },
	{ S("a,b\n\"\",\n"), "|;", 0 },
	{ S("a,b\n,\n"), "|;", 0 },
	{ S("a,b\n1,\n"), "1|;", 0 },
	{ S("a\n\"\"\n"), ";", 0 },
	{ S("a\n\"\"\"\"\n"), "\";", 0 },
	{ S("a\n\"x\""), "x;", 0 },
	{ S("a\n\"x\"\"\""), "x\";", 0 },
	{ S("a\n\n1\n\n\n2\n\n"), "1;2;", 0 },
	{ S("a\r\n\r\n1\r\n\r\n"), "1;", 0 },
	{ S("a\n \n"), " ;", 0 },
	{ S("a,b\n , \n"), " | ;", 0 },
	{ S("\xef\xbb\xbf" "a\n1\n"), "1;", 1 },
	{ S("\xef\xbb\xbf" "a\n\xef\xbb\xbf\n"), "\xef\xbb\xbf;", 1 },
	{ S("a,b\n"), "", 0 },
	{ S("a,b"), "", 0 },
	{ S("a\n\xc3\xa7\xc3\xa9\xf0\x9f\x98\x80\n"),
	    "\xc3\xa7\xc3\xa9\xf0\x9f\x98\x80;", 0 },
	{ S("a\n\"\xe2\x82\xac\"\"\xe2\x82\xac\"\n"),
	    "\xe2\x82\xac\"\xe2\x82\xac;", 0 },
	{ S("a\n\tx\x01\x7f\n"), "\tx\x01\x7f;", 0 },
	{ S("\"a,b\",\"c\nd\"\n1,2\n"), "1|2;", 0 },
	{ S("a,b,c\n1,\"2\",3\n\"4\",5,\"6\"\n"), "1|2|3;4|5|6;", 0 },
};

static void
check_valid(const struct valid_case *t, struct lb_csv *c, const char *how)
{
	struct out	 o;
	struct lb_read_error	 err;
	size_t			 n;
	int			 r;

	assert_non_null(c);
	r = read_all(c, &o, &n, &err);
	if (r != 0 || strcmp(o.s, t->want) != 0)
		print_error("%s input %.*s: got r=%d \"%s\" (%s), want \"%s\"\n",
		    how, (int)t->len, t->in, r, o.s, err.msg, t->want);
	assert_int_equal(r, 0);
	assert_string_equal(o.s, t->want);
	lb_csv_close(c);
}

static void
test_valid_mem(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++)
		check_valid(&valid_cases[i], lb_csv_open_mem(valid_cases[i].in,
		    valid_cases[i].len), "mem");
}

static void
test_valid_fd_boundary(void **state)
{
	const struct valid_case	*t;
	size_t			 i, pad;
	int			 fd;

	for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		t = &valid_cases[i];
		if (t->noshift) {
			fd = padded_file(0, t->in, t->len);
			check_valid(t, lb_csv_open_fd(fd), "fd");
			close(fd);
			continue;
		}
		FOR_EACH_PAD(pad, t->len) {
			fd = padded_file(pad, t->in, t->len);
			check_valid(t, lb_csv_open_fd(fd), "fd");
			close(fd);
		}
	}
}

struct error_case {
	const char	*in;
	size_t		 len;
	size_t		 nrec;	/* records read before the error */
	unsigned long	 line;
	unsigned long	 col;
	const char	*msg;
	int		 noshift;
};

static const struct error_case error_cases[] = {
	{ S(""), 0, 1, 1, "empty file: no header row", 0 },
	{ S("\n\n"), 0, 3, 1, "empty file: no header row", 0 },
	{ S("\xef\xbb\xbf"), 0, 1, 1, "empty file: no header row", 1 },
	{ S("a,b\n1,2,3\n"), 0, 2, 5, "record has 3 fields, header has 2", 0 },
	{ S("a,b,c\n1,2\n"), 0, 2, 4, "record has 2 fields, header has 3", 0 },
	{ S("a,b,c\n1,2"), 0, 2, 4, "record has 2 fields, header has 3", 0 },
	{ S("a,b\n1\r\n"), 0, 2, 2, "record has 1 field, header has 2", 0 },
	{ S("a,b,c,d,e,f\n1,2,3,4,5\n"), 0, 2, 10,
	    "record has 5 fields, header has 6", 0 },
	{ S("a\n1\n2\n3,4\n"), 2, 4, 3, "record has 2 fields, header has 1", 0 },
	{ S("a\n\"abc"), 0, 2, 5,
	    "unterminated quoted field (opened at line 2, column 1)", 0 },
	{ S("a,b\n1,\"x\ny"), 0, 3, 2,
	    "unterminated quoted field (opened at line 2, column 3)", 0 },
	{ S("a\n\"\"\"\n"), 0, 3, 1,
	    "unterminated quoted field (opened at line 2, column 1)", 0 },
	{ S("a,b\n1,\xc3\xa9\"x\",\"y\n"), 0, 2, 4,
	    "quote in unquoted field", 0 },
	{ S("a,b\n1,\"x\",\"y\"\n"), 0, 2, 7,
	    "record has 3 fields, header has 2", 0 },
	{ S("a\n\"x\"y\n"), 0, 2, 4,
	    "unexpected character 'y' after closing quote", 0 },
	{ S("a\n\"x\" \n"), 0, 2, 4,
	    "unexpected character ' ' after closing quote", 0 },
	{ S("a\n\"x\"\t\n"), 0, 2, 4,
	    "unexpected character U+0009 after closing quote", 0 },
	{ S("a\n\"x\"\xc3\xa9\n"), 0, 2, 4,
	    "unexpected character '\xc3\xa9' (U+00E9) after closing quote", 0 },
	{ S("a\n\"x\"\xef\xbb\xbf\n"), 0, 2, 4,
	    "unexpected character '\xef\xbb\xbf' (U+FEFF) after closing quote",
	    0 },
	{ S("a\n\"x\"\xff\n"), 0, 2, 4, "invalid UTF-8 byte 0xff", 0 },
	{ S("a\n\"x\"\0"), 0, 2, 4, "NUL byte in input", 0 },
	{ S("a\nx\ry\n"), 0, 2, 2, "bare carriage return", 0 },
	{ S("a\nx\r"), 0, 2, 2, "bare carriage return", 0 },
	{ S("a\n\r"), 0, 2, 1, "bare carriage return", 0 },
	{ S("a\r\n\"x\"\r"), 0, 2, 4, "bare carriage return", 0 },
	{ S("a\r"), 0, 1, 2, "bare carriage return", 0 },
	{ S("a\nx\"y\n"), 0, 2, 2, "quote in unquoted field", 0 },
	{ S("a\n x\"\n"), 0, 2, 3, "quote in unquoted field", 0 },
	{ S("a\nab\0c\n"), 0, 2, 3, "NUL byte in input", 0 },
	{ S("a\n\"a\0\"\n"), 0, 2, 3, "NUL byte in input", 0 },
	{ S("a\0\n"), 0, 1, 2, "NUL byte in input", 0 },
	{ S("a\n\xc3\xa9\xc3\xa9\xff\n"), 0, 2, 3, "invalid UTF-8 byte 0xff", 0 },
	{ S("a\n\xc3\xa9\xc0\x80\n"), 0, 2, 2, "invalid UTF-8 byte 0xc0", 0 },
	{ S("a\n\x80\n"), 0, 2, 1, "invalid UTF-8 byte 0x80", 0 },
	{ S("a\n\xed\xa0\x80\n"), 0, 2, 1,
	    "invalid UTF-8: encoded surrogate 0xed 0xa0", 0 },
	{ S("a\n\xe0\x80\x80\n"), 0, 2, 1,
	    "invalid UTF-8: overlong sequence 0xe0 0x80", 0 },
	{ S("a\n\xf0\x80\x80\x80\n"), 0, 2, 1,
	    "invalid UTF-8: overlong sequence 0xf0 0x80", 0 },
	{ S("a\n\xf4\x90\x80\x80\n"), 0, 2, 1,
	    "invalid UTF-8: code point above U+10FFFF 0xf4 0x90", 0 },
	{ S("a\n\xf5\x80\x80\x80\n"), 0, 2, 1, "invalid UTF-8 byte 0xf5", 0 },
	{ S("a\n\xe2\x82x\n"), 0, 2, 1,
	    "invalid UTF-8: truncated sequence 0xe2 0x82", 0 },
	{ S("a\nx\xe2\x82"), 0, 2, 2,
	    "invalid UTF-8: truncated sequence 0xe2 0x82 at end of input", 0 },
	{ S("a\n\"x\ny\xff\"\n"), 0, 3, 2, "invalid UTF-8 byte 0xff", 0 },
	{ S("a\n\"\xf0\x9f\x98\"\n"), 0, 2, 2,
	    "invalid UTF-8: truncated sequence 0xf0 0x9f 0x98", 0 },
	{ S("a,a\n"), 0, 1, 3, "duplicate column name \"a\"", 0 },
	{ S("ref,b,\"ref\"\n"), 0, 1, 7, "duplicate column name \"ref\"", 0 },
	{ S("\xc3\xa9,\xc3\xa9\n"), 0, 1, 3,
	    "duplicate column name \"\xc3\xa9\"", 0 },
	{ S("\"a\"\"b\",\"a\"\"b\"\n"), 0, 1, 8,
	    "duplicate column name \"a\\\"b\"", 0 },
	{ S("\"a\nb\",\"a\nb\"\n"), 0, 2, 4,
	    "duplicate column name \"a\\x0ab\"", 0 },
	{ S("a,,b\n"), 0, 1, 3, "empty column name", 0 },
	{ S("a,\n"), 0, 1, 3, "empty column name", 0 },
	{ S(",a\n"), 0, 1, 1, "empty column name", 0 },
	{ S("\"\"\n"), 0, 1, 1, "empty column name", 0 },
	{ S("a\n1\n2\nx\"\n"), 2, 4, 2, "quote in unquoted field", 0 },
};

/* Copy msg to dst with every "line N" turned into "line N+shift". */
static void
shift_lines(char *dst, size_t size, const char *msg, unsigned long shift)
{
	const char	*p;
	char		*end;
	size_t		 len = 0;
	unsigned long	 n;

	while ((p = strstr(msg, "line ")) != NULL && len < size) {
		n = strtoul(p + 5, &end, 10);
		len += (size_t)snprintf(dst + len, size - len, "%.*s%lu",
		    (int)(p + 5 - msg), msg, n + shift);
		msg = end;
	}
	if (len < size)
		snprintf(dst + len, size - len, "%s", msg);
}

static void
check_error(const struct error_case *t, struct lb_csv *c, unsigned long shift,
    const char *how)
{
	char			 want[256];
	struct out	 o;
	struct lb_read_error	 err, again;
	struct lb_record	 rec;
	size_t			 n;
	int			 r;

	assert_non_null(c);
	shift_lines(want, sizeof(want), t->msg, shift);
	r = read_all(c, &o, &n, &err);
	if (r != -1 || n != t->nrec || err.line != t->line + shift ||
	    err.col != t->col || strcmp(err.msg, want) != 0)
		print_error("%s input %.*s: got r=%d n=%zu %lu:%lu: %s\n",
		    how, (int)t->len, t->in, r, n, err.line, err.col, err.msg);
	assert_int_equal(r, -1);
	assert_int_equal(n, t->nrec);
	assert_string_equal(err.msg, want);
	assert_int_equal(err.line, t->line + shift);
	assert_int_equal(err.col, t->col);
	/* The reader is finished: the same error, again and again. */
	memset(&again, 0, sizeof(again));
	assert_int_equal(lb_csv_next(c, &rec, &again), -1);
	assert_memory_equal(&again, &err, sizeof(err));
	assert_int_equal(lb_csv_read_header(c, &again), -1);
	assert_memory_equal(&again, &err, sizeof(err));
	lb_csv_close(c);
}

static void
test_errors_mem(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++)
		check_error(&error_cases[i], lb_csv_open_mem(error_cases[i].in,
		    error_cases[i].len), 0, "mem");
}

static void
test_errors_fd_boundary(void **state)
{
	const struct error_case	*t;
	size_t			 i, pad;
	int			 fd;

	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
		t = &error_cases[i];
		if (t->noshift) {
			fd = padded_file(0, t->in, t->len);
			check_error(t, lb_csv_open_fd(fd), 0, "fd");
			close(fd);
			continue;
		}
		FOR_EACH_PAD(pad, t->len) {
			fd = padded_file(pad, t->in, t->len);
			check_error(t, lb_csv_open_fd(fd), pad, "fd");
			close(fd);
		}
	}
}

/* Line and column of every field, in characters, quotes included. */
static void
test_positions(void **state)
{
	static const char	 in[] =
	    "\xef\xbb\xbfid,\xc3\xa9t\xc3\xa9,note\r\n"
	    "1,\xc3\xa9,\"a\nb\"\r\n"
	    "\r\n"
	    "\"\xe2\x82\xac\",\"x\"\"y\",\xf0\x9f\x98\x80z\n";
	static const unsigned long want[][2] = {
		{ 2, 1 }, { 2, 3 }, { 2, 5 },
		{ 5, 1 }, { 5, 5 }, { 5, 12 },
	};
	const struct lb_record	*h;
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;
	size_t			 i, k = 0;

	c = lb_csv_open_mem(in, sizeof(in) - 1);
	assert_int_equal(lb_csv_read_header(c, &err), 0);
	h = lb_csv_header(c);
	assert_int_equal(h->nfields, 3);
	assert_int_equal(h->line, 1);
	assert_int_equal(h->col, 1);
	assert_int_equal(h->fields[1].line, 1);
	assert_int_equal(h->fields[1].col, 4);
	assert_int_equal(h->fields[2].col, 8);
	assert_int_equal(h->fields[1].name_len, 5);
	assert_memory_equal(h->fields[1].name, "\xc3\xa9t\xc3\xa9", 5);
	while (lb_csv_next(c, &rec, &err) == 1) {
		assert_int_equal(rec.line, want[k][0]);
		assert_int_equal(rec.col, 1);
		for (i = 0; i < rec.nfields; i++, k++) {
			assert_int_equal(rec.fields[i].line, want[k][0]);
			assert_int_equal(rec.fields[i].col, want[k][1]);
		}
	}
	assert_int_equal(k, 6);
	lb_csv_close(c);
}

/* Header names are taken exactly, spaces and all; a CR before LF is not. */
static void
test_header_names(void **state)
{
	static const char	 in[] = " id ,Name\t,\"a,b\"\r\n1,2,3\r\n";
	const struct lb_record	*h;
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;

	c = lb_csv_open_mem(in, sizeof(in) - 1);
	assert_int_equal(lb_csv_read_header(c, &err), 0);
	/* A second call is harmless. */
	assert_int_equal(lb_csv_read_header(c, &err), 0);
	h = lb_csv_header(c);
	assert_int_equal(h->nfields, 3);
	assert_int_equal(h->fields[0].name_len, 4);
	assert_memory_equal(h->fields[0].name, " id ", 4);
	assert_int_equal(h->fields[1].name_len, 5);
	assert_memory_equal(h->fields[1].name, "Name\t", 5);
	assert_int_equal(h->fields[2].name_len, 3);
	assert_memory_equal(h->fields[2].name, "a,b", 3);
	assert_int_equal(lb_csv_next(c, &rec, &err), 1);
	assert_int_equal(rec.fields[2].len, 1);
	assert_memory_equal(rec.fields[2].name, "a,b", 3);
	assert_memory_equal(rec.fields[2].val, "3", 1);
	assert_int_equal(lb_csv_next(c, &rec, &err), 0);
	assert_int_equal(lb_csv_next(c, &rec, &err), 0);
	lb_csv_close(c);
}

/* lb_csv_next() before lb_csv_read_header() reads the header itself. */
static void
test_implicit_header(void **state)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;

	c = lb_csv_open_mem(S("a\n1\n"));
	assert_int_equal(lb_csv_next(c, &rec, &err), 1);
	assert_int_equal(rec.nfields, 1);
	assert_int_equal(rec.line, 2);
	assert_int_equal(lb_csv_next(c, &rec, &err), 0);
	lb_csv_close(c);

	c = lb_csv_open_mem(NULL, 0);
	assert_int_equal(lb_csv_next(c, &rec, &err), -1);
	assert_string_equal(err.msg, "empty file: no header row");
	lb_csv_close(c);
	lb_csv_close(NULL);
}

/* Build "h\n" + a field of n bytes of 'x' (quoted or not) + "\n". */
static char *
long_field(size_t n, int quoted, size_t *lenp)
{
	char	*p;
	size_t	 len = 0;

	p = malloc(n + 8);
	assert_non_null(p);
	memcpy(p, "h\n", 2);
	len = 2;
	if (quoted)
		p[len++] = '"';
	memset(p + len, 'x', n);
	len += n;
	if (quoted)
		p[len++] = '"';
	p[len++] = '\n';
	*lenp = len;
	return p;
}

/* Exactly LB_MAX_FIELD bytes pass, one more is refused, at the field. */
static void
test_field_limit(void **state)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;
	char			*p;
	size_t			 len;
	int			 quoted, fd;

	for (quoted = 0; quoted <= 1; quoted++) {
		p = long_field(LB_MAX_FIELD, quoted, &len);
		c = lb_csv_open_mem(p, len);
		assert_int_equal(lb_csv_next(c, &rec, &err), 1);
		assert_int_equal(rec.fields[0].len, LB_MAX_FIELD);
		assert_int_equal(lb_csv_next(c, &rec, &err), 0);
		lb_csv_close(c);
		fd = padded_file(0, p, len);
		c = lb_csv_open_fd(fd);
		assert_int_equal(lb_csv_next(c, &rec, &err), 1);
		assert_int_equal(rec.fields[0].len, LB_MAX_FIELD);
		assert_int_equal(lb_csv_next(c, &rec, &err), 0);
		lb_csv_close(c);
		close(fd);
		free(p);

		p = long_field(LB_MAX_FIELD + 1, quoted, &len);
		c = lb_csv_open_mem(p, len);
		assert_int_equal(lb_csv_next(c, &rec, &err), -1);
		assert_string_equal(err.msg, "field longer than 65536 bytes");
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, 1);
		lb_csv_close(c);
		fd = padded_file(0, p, len);
		c = lb_csv_open_fd(fd);
		assert_int_equal(lb_csv_next(c, &rec, &err), -1);
		assert_string_equal(err.msg, "field longer than 65536 bytes");
		lb_csv_close(c);
		close(fd);
		free(p);
	}
}

/*
 * A child writes "h\n" and then 100 MB of one field into a pipe.  The
 * reader must refuse the field after about LB_MAX_FIELD bytes; the child
 * then gets EPIPE and exits 0 only if it was indeed cut short.
 */
static void
test_huge_field_pipe(void **state)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;
	static char		 chunk[64 * 1024];
	size_t			 total = 0, want = (size_t)100 << 20;
	ssize_t			 w;
	pid_t			 pid;
	int			 fds[2], status, quoted;

	for (quoted = 0; quoted <= 1; quoted++) {
		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid != -1);
		if (pid == 0) {
			signal(SIGPIPE, SIG_IGN);
			close(fds[0]);
			memset(chunk, quoted ? 'q' : 'u', sizeof(chunk));
			if (write(fds[1], quoted ? "h\n\"" : "h\n",
			    quoted ? 3 : 2) < 0)
				_exit(2);
			while (total < want) {
				w = write(fds[1], chunk, sizeof(chunk));
				if (w < 0)
					_exit(errno == EPIPE ? 0 : 3);
				total += (size_t)w;
			}
			_exit(1);
		}
		close(fds[1]);
		c = lb_csv_open_fd(fds[0]);
		assert_int_equal(lb_csv_next(c, &rec, &err), -1);
		assert_string_equal(err.msg, "field longer than 65536 bytes");
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, 1);
		lb_csv_close(c);
		close(fds[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
}

/* LB_MAX_FIELDS columns pass; one more is refused in header and record. */
static void
test_field_count_limit(void **state)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;
	char			 in[8192];
	size_t			 len = 0, i;

	for (i = 0; i < LB_MAX_FIELDS; i++)
		len += (size_t)snprintf(in + len, sizeof(in) - len, "%sc%zu",
		    i == 0 ? "" : ",", i);
	len += (size_t)snprintf(in + len, sizeof(in) - len, "\n");
	for (i = 0; i < LB_MAX_FIELDS; i++)
		len += (size_t)snprintf(in + len, sizeof(in) - len, "%s%zu",
		    i == 0 ? "" : ",", i % 10);
	len += (size_t)snprintf(in + len, sizeof(in) - len, "\n");
	c = lb_csv_open_mem(in, len);
	assert_int_equal(lb_csv_next(c, &rec, &err), 1);
	assert_int_equal(rec.nfields, LB_MAX_FIELDS);
	assert_memory_equal(rec.fields[255].name, "c255", 4);
	assert_memory_equal(rec.fields[255].val, "5", 1);
	assert_int_equal(rec.fields[255].col, 511);
	lb_csv_close(c);

	/* One more field in the record: 512 + ",x". */
	memcpy(in + len - 1, ",x\n", 3);
	c = lb_csv_open_mem(in, len + 2);
	assert_int_equal(lb_csv_next(c, &rec, &err), -1);
	assert_string_equal(err.msg, "record has more than 256 fields");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 513);
	lb_csv_close(c);

	c = lb_csv_open_mem(S("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p\n"));
	assert_int_equal(lb_csv_read_header(c, &err), 0);
	lb_csv_close(c);
	len = 0;
	for (i = 0; i <= LB_MAX_FIELDS; i++)
		len += (size_t)snprintf(in + len, sizeof(in) - len, "%sc%zu",
		    i == 0 ? "" : ",", i);
	c = lb_csv_open_mem(in, len);
	assert_int_equal(lb_csv_read_header(c, &err), -1);
	assert_string_equal(err.msg, "header has more than 256 columns");
	assert_int_equal(err.line, 1);
	lb_csv_close(c);
}

static void
test_name_limit(void **state)
{
	struct lb_read_error	 err;
	struct lb_csv		*c;
	char			 in[128];

	memset(in, 'n', LB_MAX_NAME);
	memcpy(in + LB_MAX_NAME, ",b\n", 3);
	c = lb_csv_open_mem(in, LB_MAX_NAME + 3);
	assert_int_equal(lb_csv_read_header(c, &err), 0);
	assert_int_equal(lb_csv_header(c)->fields[0].name_len, LB_MAX_NAME);
	lb_csv_close(c);

	memcpy(in, "b,", 2);
	memset(in + 2, 'n', LB_MAX_NAME + 1);
	c = lb_csv_open_mem(in, LB_MAX_NAME + 3);
	assert_int_equal(lb_csv_read_header(c, &err), -1);
	assert_string_equal(err.msg, "column name longer than 64 bytes");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 3);
	lb_csv_close(c);
}

/* A generated file with every kind of field, several buffers long. */
static char *
big_input(size_t *lenp, size_t rows)
{
	static const char	*vals[] = {
		"plain", "\"quoted, comma\"", "\"two\nlines\"", "\"a \"\"q\"\"\"",
		"\xc3\xa9t\xc3\xa9", "\"\xf0\x9f\x98\x80\"", "", "\"\"", " sp ",
	};
	char	*p;
	size_t	 len, cap, i, k;
	int	 n;

	cap = rows * 120 + 64;
	p = malloc(cap);
	assert_non_null(p);
	len = (size_t)snprintf(p, cap, "id,a,b,c\r\n");
	for (i = 0; i < rows; i++) {
		k = i * 7;
		n = snprintf(p + len, cap - len, "%zu,%s,%s,%s%s", i,
		    vals[k % 9], vals[(k / 9) % 9], vals[(k / 81) % 9],
		    i % 3 == 0 ? "\r\n" : "\n");
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
	*lenp = len;
	return p;
}

/* Render all records of c (values and positions) into a malloc'd string. */
static char *
digest(struct lb_csv *c, size_t *nrec)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	char			*out;
	size_t			 cap = (size_t)16 << 20, len = 0, i;
	int			 r, n;

	out = malloc(cap);
	assert_non_null(out);
	*nrec = 0;
	while ((r = lb_csv_next(c, &rec, &err)) == 1) {
		for (i = 0; i < rec.nfields; i++) {
			n = snprintf(out + len, cap - len, "%lu:%lu[%.*s]",
			    rec.fields[i].line, rec.fields[i].col,
			    (int)rec.fields[i].len, rec.fields[i].val);
			assert_true(n > 0 && (size_t)n < cap - len);
			len += (size_t)n;
		}
		(*nrec)++;
	}
	assert_int_equal(r, 0);
	return out;
}

/*
 * The same input read from memory and from a pipe written in uneven small
 * pieces gives the same records at the same places.
 */
static void
test_pipe_chunks(void **state)
{
	struct lb_csv	*c;
	char		*in, *a, *b;
	size_t		 len, off, n, na, nb;
	pid_t		 pid;
	int		 fds[2], status;

	in = big_input(&len, 10000);
	assert_true(len > 3 * BOUNDARY);
	c = lb_csv_open_mem(in, len);
	a = digest(c, &na);
	lb_csv_close(c);
	assert_int_equal(na, 10000);

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		close(fds[0]);
		for (off = 0; off < len; off += n) {
			n = 1 + off % 13;
			if (n > len - off)
				n = len - off;
			if (write(fds[1], in + off, n) != (ssize_t)n)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	c = lb_csv_open_fd(fds[0]);
	b = digest(c, &nb);
	lb_csv_close(c);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(nb, na);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(in);
}

/*
 * One record whose quoted field straddles the first 64 KiB boundary, with
 * a multibyte character, a doubled quote and a CRLF cut by it.
 */
static void
test_straddle(void **state)
{
	static const char	 mid[] = "\"\xe2\x82\xac\"\"\r\n\"\r\n";
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_csv		*c;
	char			*in;
	size_t			 len, pre, cut;
	int			 fd;

	for (cut = 0; cut < sizeof(mid) - 1; cut++) {
		/* "h,v\n" + pre x's + "," + mid + "1,2\n"; mid[cut] at 64K. */
		pre = BOUNDARY - 5 - cut;
		len = 4 + pre + 1 + (sizeof(mid) - 1) + 4;
		in = malloc(len);
		assert_non_null(in);
		memcpy(in, "h,v\n", 4);
		memset(in + 4, 'x', pre);
		in[4 + pre] = ',';
		memcpy(in + 5 + pre, mid, sizeof(mid) - 1);
		memcpy(in + 5 + pre + sizeof(mid) - 1, "1,2\n", 4);
		fd = padded_file(0, in, len);
		c = lb_csv_open_fd(fd);
		assert_int_equal(lb_csv_next(c, &rec, &err), 1);
		assert_int_equal(rec.fields[0].len, pre);
		assert_int_equal(rec.fields[1].len, 6);
		assert_memory_equal(rec.fields[1].val, "\xe2\x82\xac\"\r\n", 6);
		assert_int_equal(rec.fields[1].col, pre + 2);
		assert_int_equal(lb_csv_next(c, &rec, &err), 1);
		assert_int_equal(rec.line, 4);
		assert_memory_equal(rec.fields[1].val, "2", 1);
		assert_int_equal(lb_csv_next(c, &rec, &err), 0);
		lb_csv_close(c);
		close(fd);
		free(in);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_mem),
		cmocka_unit_test(test_valid_fd_boundary),
		cmocka_unit_test(test_errors_mem),
		cmocka_unit_test(test_errors_fd_boundary),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_header_names),
		cmocka_unit_test(test_implicit_header),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_huge_field_pipe),
		cmocka_unit_test(test_field_count_limit),
		cmocka_unit_test(test_name_limit),
		cmocka_unit_test(test_pipe_chunks),
		cmocka_unit_test(test_straddle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
