/*
 * test_json.c: unit tests of the streaming JSON reader (src/lib/json.c).
 *
 * As in test_csv.c, the tables run through the memory reader and through
 * the descriptor reader with the input moved across the 64 KiB read-buffer
 * boundary at every byte (by prefixing newlines, which are whitespace), so
 * escapes, surrogate pairs, UTF-8 sequences and literals are all seen cut
 * between two reads.  Pipes fed by a child process check uneven reads and
 * the refusal of a 100 MB value long before the writer is done.
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

#include "json.h"

#define S(s)		s, sizeof(s) - 1
#define BOUNDARY	((size_t)64 * 1024)	/* JSON_BUFSZ in json.c */
#define OUTMAX		4096

struct out {
	char	 s[OUTMAX];
	size_t	 len;
};

static void
out_add(struct out *o, const char *s, size_t n)
{
	size_t	 k;
	char	 ch;

	for (k = 0; k < n; k++) {
		ch = s[k];
		if (o->len >= OUTMAX - 4)
			return;
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\\') {
			o->s[o->len++] = '\\';
			ch = ch == '\n' ? 'n' : ch == '\r' ? 'r' :
			    ch == '\t' ? 't' : ch;
		}
		o->s[o->len++] = ch;
	}
	o->s[o->len] = '\0';
}

/* "{name=Tvalue,...}" with T one of s (string), n, b, 0 (null). */
static void
render(struct out *o, const struct lb_record *rec)
{
	static const char	 types[] = "snb0";
	const struct lb_field	*f;
	size_t			 i;

	out_add(o, "{", 1);
	for (i = 0; i < rec->nfields; i++) {
		f = &rec->fields[i];
		assert_non_null(f->name);
		assert_non_null(f->val);
		assert_true(f->len <= LB_MAX_FIELD);
		assert_true(f->name_len <= LB_MAX_NAME);
		if (i > 0)
			out_add(o, ",", 1);
		out_add(o, f->name, f->name_len);
		out_add(o, "=", 1);
		out_add(o, &types[f->type], 1);
		out_add(o, f->val, f->len);
		if (f->type == LB_VAL_NULL)
			assert_int_equal(f->len, 0);
		if (f->type == LB_VAL_BOOL)
			assert_true((f->len == 4 && memcmp(f->val, "true", 4) ==
			    0) || (f->len == 5 && memcmp(f->val, "false", 5) ==
			    0));
	}
	out_add(o, "}", 1);
}

static int
read_all(struct lb_json *j, struct out *o, size_t *nrec,
    struct lb_read_error *err)
{
	struct lb_record	 rec;
	int			 r;

	o->len = 0;
	o->s[0] = '\0';
	*nrec = 0;
	memset(err, 0, sizeof(*err));
	while ((r = lb_json_next(j, &rec, err)) == 1) {
		render(o, &rec);
		(*nrec)++;
	}
	return r;
}

/* A temporary file holding pad newlines, then n bytes of s. */
static int
padded_file(size_t pad, const char *s, size_t n)
{
	char	 path[] = "/tmp/test_json.XXXXXX";
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

#define FOR_EACH_PAD(pad, n)						\
	for ((pad) = BOUNDARY - (n) - 1; (pad) <= BOUNDARY; (pad)++)

struct valid_case {
	const char	*in;
	size_t		 len;
	const char	*want;
	int		 noshift;
};

static const struct valid_case valid_cases[] = {
	{ S("[]"), "", 0 },
	{ S(" \t\r\n[ \n ] \r\n\t "), "", 0 },
	{ S("\xef\xbb\xbf[]"), "", 1 },
	{ S("\xef\xbb\xbf [{\"a\":1}]"), "{a=n1}", 1 },
	{ S("[{}]"), "{}", 0 },
	{ S("[{},{ },{\n}]"), "{}{}{}", 0 },
	{ S("[{\"a\":\"x\"}]"), "{a=sx}", 0 },
	{ S("[{\"a\":1,\"b\":-0.5e-3,\"c\":true,\"d\":false,\"e\":null}]"),
	    "{a=n1,b=n-0.5e-3,c=btrue,d=bfalse,e=0}", 0 },
	{ S("[{\"n\":0,\"m\":-0,\"o\":1E10,\"p\":1e+10,\"q\":123.456E-7,"
	    "\"r\":0.0,\"s\":-9007199254740993}]"),
	    "{n=n0,m=n-0,o=n1E10,p=n1e+10,q=n123.456E-7,r=n0.0,"
	    "s=n-9007199254740993}", 0 },
	{ S("[{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}]"),
	    "{a=s\"\\\\/\b\f\\n\\r\\t}", 0 },
	{ S("[{\"a\":\"\\u00e9\\u20AC\\ud83d\\ude00\\u0041\"}]"),
	    "{a=s\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "A}", 0 },
	{ S("[{\"\\u00e9\\n\":\"\\uDBFF\\uDFFF\"}]"),
	    "{\xc3\xa9\\n=s\xf4\x8f\xbf\xbf}", 0 },
	{ S("[{\"\xc3\xa9\":\"\xe2\x82\xac\xf0\x9f\x98\x80\"}]"),
	    "{\xc3\xa9=s\xe2\x82\xac\xf0\x9f\x98\x80}", 0 },
	{ S(" \t\r\n[ \n{ \"a\" : 1 , \"b\"\n:\n\"x\" } \r\n, {\t} ] \n"),
	    "{a=n1,b=sx}{}", 0 },
	{ S("[{\"\":1}]"), "{=n1}", 0 },
	/* Found by fuzzing: nothing appended yet, yet pointers non-NULL. */
	{ S("[{\"\"\t:\"\"}]"), "{=s}", 0 },
	{ S("[{\"a\":1},{\"a\":2}]"), "{a=n1}{a=n2}", 0 },
	{ S("[{\"a\":\"],}{[\"}]"), "{a=s],}{[}", 0 },
	{ S("[{\"a\":\"\",\"b\":\" \"}]"), "{a=s,b=s }", 0 },
	{ S("[{\"a\":\"\x7f\"}]"), "{a=s\x7f}", 0 },
	{ S("[{\"a\":true,\"b\":null}\n,{\"a\":false}]"),
	    "{a=btrue,b=0}{a=bfalse}", 0 },
};

static void
check_valid(const struct valid_case *t, struct lb_json *j, const char *how)
{
	struct out		 o;
	struct lb_read_error	 err;
	struct lb_record	 rec;
	size_t			 n;
	int			 r;

	assert_non_null(j);
	r = read_all(j, &o, &n, &err);
	if (r != 0 || strcmp(o.s, t->want) != 0)
		print_error("%s input %.*s: got r=%d \"%s\" (%lu:%lu: %s), "
		    "want \"%s\"\n", how, (int)t->len, t->in, r, o.s,
		    err.line, err.col, err.msg, t->want);
	assert_int_equal(r, 0);
	assert_string_equal(o.s, t->want);
	assert_int_equal(lb_json_next(j, &rec, &err), 0);
	lb_json_close(j);
}

static void
test_valid_mem(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++)
		check_valid(&valid_cases[i], lb_json_open_mem(valid_cases[i].in,
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
			check_valid(t, lb_json_open_fd(fd), "fd");
			close(fd);
			continue;
		}
		FOR_EACH_PAD(pad, t->len) {
			fd = padded_file(pad, t->in, t->len);
			check_valid(t, lb_json_open_fd(fd), "fd");
			close(fd);
		}
	}
}

struct error_case {
	const char	*in;
	size_t		 len;
	size_t		 nrec;
	unsigned long	 line;
	unsigned long	 col;
	const char	*msg;
	int		 noshift;
};

static const struct error_case error_cases[] = {
	{ S(""), 0, 1, 1, "empty file: expected an array of objects", 0 },
	{ S("  \n "), 0, 2, 2, "empty file: expected an array of objects", 0 },
	{ S("\xef\xbb\xbf"), 0, 1, 1,
	    "empty file: expected an array of objects", 1 },
	{ S("{}"), 0, 1, 1, "top level must be an array of objects", 0 },
	{ S(" \"x\""), 0, 1, 2, "top level must be an array of objects", 0 },
	{ S("\xff"), 0, 1, 1, "top level must be an array of objects", 0 },
	{ S("[1]"), 0, 1, 2, "element 1 is not an object", 0 },
	{ S("[{},\"x\"]"), 1, 1, 5, "element 2 is not an object", 0 },
	{ S("[{},{},\n[]]"), 2, 2, 1, "element 3 is not an object", 0 },
	{ S("[null]"), 0, 1, 2, "element 1 is not an object", 0 },
	{ S("[{\"a\":[1]}]"), 0, 1, 7,
	    "member \"a\": nested arrays and objects are not supported", 0 },
	{ S("[\n  {\n    \"x\": 1,\n    \"y\": {}\n"), 0, 4, 10,
	    "member \"y\": nested arrays and objects are not supported", 0 },
	{ S("[{\"a\":01}]"), 0, 1, 7, "malformed number \"01\"", 0 },
	{ S("[{\"a\":-01}]"), 0, 1, 7, "malformed number \"-01\"", 0 },
	{ S("[{\"a\":1.}]"), 0, 1, 7, "malformed number \"1.\"", 0 },
	{ S("[{\"a\":.5}]"), 0, 1, 7, "malformed number \".5\"", 0 },
	{ S("[{\"a\":+1}]"), 0, 1, 7, "malformed number \"+1\"", 0 },
	{ S("[{\"a\":-}]"), 0, 1, 7, "malformed number \"-\"", 0 },
	{ S("[{\"a\":1e}]"), 0, 1, 7, "malformed number \"1e\"", 0 },
	{ S("[{\"a\":1e+}]"), 0, 1, 7, "malformed number \"1e+\"", 0 },
	{ S("[{\"a\":0x1F}]"), 0, 1, 7, "malformed number \"0x1F\"", 0 },
	{ S("[{\"a\":1.5.2}]"), 0, 1, 7, "malformed number \"1.5.2\"", 0 },
	{ S("[{\"a\":-Infinity}]"), 0, 1, 7,
	    "malformed number \"-Infinity\"", 0 },
	{ S("[{\"a\":1}x]"), 1, 1, 9,
	    "expected ',' or ']' after element 1, got 'x'", 0 },
	{ S("[{\"a\":tru}]"), 0, 1, 7, "invalid literal \"tru\"", 0 },
	{ S("[{\"a\":True}]"), 0, 1, 7, "invalid literal \"True\"", 0 },
	{ S("[{\"a\":nulll}]"), 0, 1, 7, "invalid literal \"nulll\"", 0 },
	{ S("[{\"a\":NaN}]"), 0, 1, 7, "invalid literal \"NaN\"", 0 },
	{ S("[{\"a\":abcdefghijklmnopqrstuvwxyz}]"), 0, 1, 7,
	    "invalid literal \"abcdefghijklmnop...\"", 0 },
	{ S("[{\"a\":1,}]"), 0, 1, 9, "trailing comma in object", 0 },
	{ S("[{\"a\":1},]"), 1, 1, 10, "trailing comma in array", 0 },
	{ S("[{\"a\":1}"), 1, 1, 9,
	    "unterminated array (opened at line 1, column 1)", 0 },
	{ S("\n ["), 0, 2, 3,
	    "unterminated array (opened at line 2, column 2)", 0 },
	{ S("[{},"), 1, 1, 5,
	    "unterminated array (opened at line 1, column 1)", 0 },
	{ S("[{"), 0, 1, 3,
	    "unterminated object (opened at line 1, column 2)", 0 },
	{ S("[{\"a\":1"), 0, 1, 8,
	    "unterminated object (opened at line 1, column 2)", 0 },
	{ S("[{\"a\":"), 0, 1, 7,
	    "unterminated object (opened at line 1, column 2)", 0 },
	{ S("[{\"a\""), 0, 1, 6,
	    "unterminated object (opened at line 1, column 2)", 0 },
	{ S("[{\"a\":\"abc"), 0, 1, 11,
	    "unterminated string (opened at line 1, column 7)", 0 },
	{ S("[{\"a\":\"abc\\"), 0, 1, 12,
	    "unterminated string (opened at line 1, column 7)", 0 },
	{ S("[{\"a"), 0, 1, 5,
	    "unterminated string (opened at line 1, column 3)", 0 },
	{ S("[{\"a\":1,\"a\":2}]"), 0, 1, 9, "duplicate member name \"a\"", 0 },
	{ S("[{\"a\":1},{\"b\":1,\"c\":2,\"\\u0062\":3}]"), 1, 1, 23,
	    "duplicate member name \"b\"", 0 },
	{ S("[{\"a\":\"\\ud800\"}]"), 0, 1, 8, "unpaired surrogate \\ud800", 0 },
	{ S("[{\"a\":\"\\uD800\\u0041\"}]"), 0, 1, 8,
	    "unpaired surrogate \\uD800", 0 },
	{ S("[{\"a\":\"\\ud800\\ud800\"}]"), 0, 1, 8,
	    "unpaired surrogate \\ud800", 0 },
	{ S("[{\"a\":\"\\udc00\\ud800\"}]"), 0, 1, 8,
	    "unpaired surrogate \\udc00", 0 },
	{ S("[{\"a\":\"x\\ud800\"}]"), 0, 1, 9, "unpaired surrogate \\ud800", 0 },
	{ S("[{\"a\":\"\\u0000\"}]"), 0, 1, 8,
	    "NUL character (\\u0000) in string", 0 },
	{ S("[{\"a\":\"\\u12\"}]"), 0, 1, 8,
	    "invalid \\u escape: expected 4 hex digits", 0 },
	{ S("[{\"a\":\"\\u12G4\"}]"), 0, 1, 8,
	    "invalid \\u escape: expected 4 hex digits", 0 },
	{ S("[{\"a\":\"\\x\"}]"), 0, 1, 8, "invalid escape '\\x'", 0 },
	{ S("[{\"a\":\"\\\xc3\xa9\"}]"), 0, 1, 8,
	    "invalid escape: backslash followed by byte 0xc3", 0 },
	{ S("[{\"a\":\"x\ty\"}]"), 0, 1, 9,
	    "unescaped control character U+0009 in string", 0 },
	{ S("[{\"a\":\"x\ny\"}]"), 0, 1, 9,
	    "unescaped control character U+000A in string", 0 },
	{ S("[{\"a\":\"x\0\"}]"), 0, 1, 9, "NUL byte in input", 0 },
	{ S("[{\"a\":1}\0]"), 1, 1, 9, "NUL byte in input", 0 },
	{ S("[{\"a\":\"\xff\"}]"), 0, 1, 8, "invalid UTF-8 byte 0xff", 0 },
	{ S("[{\"a\":\"\xc3\xa9\xed\xa0\x80\"}]"), 0, 1, 9,
	    "invalid UTF-8: encoded surrogate 0xed 0xa0", 0 },
	{ S("[{\"a\":\"\xc0\xaf\"}]"), 0, 1, 8, "invalid UTF-8 byte 0xc0", 0 },
	{ S("[{\"a\":\"\xf0\x9f\x98\"}]"), 0, 1, 8,
	    "invalid UTF-8: truncated sequence 0xf0 0x9f 0x98", 0 },
	{ S("[{\"a\":\"\xf0\x9f\x98"), 0, 1, 8,
	    "invalid UTF-8: truncated sequence 0xf0 0x9f 0x98 at end of "
	    "input", 0 },
	{ S("[{\"\xe0\x80\x80\":1}]"), 0, 1, 4,
	    "invalid UTF-8: overlong sequence 0xe0 0x80", 0 },
	{ S("[{\"a\":1}] x"), 1, 1, 11,
	    "expected end of input after the closing ']', got 'x'", 0 },
	{ S("[{\"a\":1}]]"), 1, 1, 10,
	    "expected end of input after the closing ']', got ']'", 0 },
	{ S("[]\n[]"), 0, 2, 1,
	    "expected end of input after the closing ']', got '['", 0 },
	{ S("[{\"a\" 1}]"), 0, 1, 7,
	    "expected ':' after member name \"a\", got '1'", 0 },
	{ S("[{\"a\":1 \"b\":2}]"), 0, 1, 9,
	    "expected ',' or '}' after member \"a\", got '\"'", 0 },
	{ S("[{\"a\":\"x\"\xc3\xa9}]"), 0, 1, 10,
	    "expected ',' or '}' after member \"a\", got '\xc3\xa9' (U+00E9)",
	    0 },
	{ S("[{\"a\":}]"), 0, 1, 7,
	    "member \"a\": expected a value, got '}'", 0 },
	{ S("[{\"a\":\x01}]"), 0, 1, 7,
	    "member \"a\": expected a value, got U+0001", 0 },
	{ S("[{\"a\":\xff}]"), 0, 1, 7, "invalid UTF-8 byte 0xff", 0 },
	{ S("[{\"a\":'x'}]"), 0, 1, 7,
	    "member \"a\": expected a value, got '''", 0 },
	{ S("[{1:2}]"), 0, 1, 3,
	    "expected a member name (a string), got '1'", 0 },
	{ S("[{\"a\":1} {\"b\":2}]"), 1, 1, 10,
	    "expected ',' or ']' after element 1, got '{'", 0 },
	{ S("[{\"a\":1}\n,\n\n  {\"b\":x}]"), 1, 4, 8, "invalid literal \"x\"", 0 },
	{ S("[{\"a\":1}\n,\n\n  {\"\xc3\xa9\xc3\xa9\":\"\xc3\xa9\xc3\xa9\xff\"}]"),
	    1, 4, 12, "invalid UTF-8 byte 0xff", 0 },
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
check_error(const struct error_case *t, struct lb_json *j, unsigned long shift,
    const char *how)
{
	struct out		 o;
	struct lb_read_error	 err, again;
	struct lb_record	 rec;
	char			 want[256];
	size_t			 n;
	int			 r;

	assert_non_null(j);
	shift_lines(want, sizeof(want), t->msg, shift);
	r = read_all(j, &o, &n, &err);
	if (r != -1 || n != t->nrec || err.line != t->line + shift ||
	    err.col != t->col || strcmp(err.msg, want) != 0)
		print_error("%s input %.*s: got r=%d n=%zu %lu:%lu: %s\n",
		    how, (int)t->len, t->in, r, n, err.line, err.col, err.msg);
	assert_int_equal(r, -1);
	assert_int_equal(n, t->nrec);
	assert_string_equal(err.msg, want);
	assert_int_equal(err.line, t->line + shift);
	assert_int_equal(err.col, t->col);
	memset(&again, 0, sizeof(again));
	assert_int_equal(lb_json_next(j, &rec, &again), -1);
	assert_memory_equal(&again, &err, sizeof(err));
	assert_int_equal(lb_json_next(j, &rec, NULL), -1);
	lb_json_close(j);
}

static void
test_errors_mem(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++)
		check_error(&error_cases[i], lb_json_open_mem(error_cases[i].in,
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
			check_error(t, lb_json_open_fd(fd), 0, "fd");
			close(fd);
			continue;
		}
		FOR_EACH_PAD(pad, t->len) {
			fd = padded_file(pad, t->in, t->len);
			check_error(t, lb_json_open_fd(fd), pad, "fd");
			close(fd);
		}
	}
}

/* Record at its '{', each value at its first character (a string's quote). */
static void
test_positions(void **state)
{
	static const char	 in[] =
	    "[\n"
	    "  {\"\xc3\xa9t\xc3\xa9\": \"\xe2\x82\xac\", \"n\": -1,\n"
	    "   \"b\":\ttrue, \"z\" :null},\r\n"
	    "\t{ \"s\": \"\\u00e9\\ud83d\\ude00\xf0\x9f\x98\x80\", \"t\": 2 }\n"
	    "]\n";
	static const unsigned long want[][2] = {
		{ 2, 11 }, { 2, 21 }, { 3, 9 }, { 3, 20 },
		{ 4, 9 }, { 4, 37 },
	};
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_json		*j;
	size_t			 i, k = 0;

	j = lb_json_open_mem(in, sizeof(in) - 1);
	assert_int_equal(lb_json_next(j, &rec, &err), 1);
	assert_int_equal(rec.line, 2);
	assert_int_equal(rec.col, 3);
	assert_int_equal(rec.nfields, 4);
	assert_int_equal(rec.fields[0].name_len, 5);
	assert_memory_equal(rec.fields[0].name, "\xc3\xa9t\xc3\xa9", 5);
	for (i = 0; i < rec.nfields; i++, k++) {
		assert_int_equal(rec.fields[i].line, want[k][0]);
		assert_int_equal(rec.fields[i].col, want[k][1]);
	}
	assert_int_equal(lb_json_next(j, &rec, &err), 1);
	assert_int_equal(rec.line, 4);
	assert_int_equal(rec.col, 2);
	assert_int_equal(rec.nfields, 2);
	assert_int_equal(rec.fields[0].len, 10);
	for (i = 0; i < rec.nfields; i++, k++) {
		assert_int_equal(rec.fields[i].line, want[k][0]);
		assert_int_equal(rec.fields[i].col, want[k][1]);
	}
	assert_int_equal(lb_json_next(j, &rec, &err), 0);
	assert_int_equal(lb_json_next(j, &rec, &err), 0);
	lb_json_close(j);

	j = lb_json_open_mem(NULL, 0);
	assert_int_equal(lb_json_next(j, &rec, &err), -1);
	lb_json_close(j);
	lb_json_close(NULL);
}

/* Limits: names, values (string and number), members per object. */
static void
test_limits(void **state)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_json		*j;
	char			*p;
	size_t			 len, i, n;
	int			 fd, over;

	p = malloc(LB_MAX_FIELD + 64);
	assert_non_null(p);
	for (over = 0; over <= 1; over++) {
		/* Member name of LB_MAX_NAME (+1) bytes, as \u escapes too. */
		n = LB_MAX_NAME + (size_t)over;
		len = (size_t)snprintf(p, 64, "[{\"");
		for (i = 0; i < n; i++)
			len += (size_t)snprintf(p + len, 16, i % 2 ? "\\u0041" :
			    "b");
		len += (size_t)snprintf(p + len, 16, "\":1}]");
		j = lb_json_open_mem(p, len);
		if (!over) {
			assert_int_equal(lb_json_next(j, &rec, &err), 1);
			assert_int_equal(rec.fields[0].name_len, LB_MAX_NAME);
		} else {
			assert_int_equal(lb_json_next(j, &rec, &err), -1);
			assert_string_equal(err.msg,
			    "member name longer than 64 bytes");
			assert_int_equal(err.col, 3);
		}
		lb_json_close(j);

		/* String and number values of LB_MAX_FIELD (+1) bytes. */
		n = LB_MAX_FIELD + (size_t)over;
		memcpy(p, "[{\"a\":\"", 7);
		memset(p + 7, 'v', n);
		memcpy(p + 7 + n, "\"}]", 3);
		len = 7 + n + 3;
		fd = padded_file(0, p, len);
		j = lb_json_open_fd(fd);
		if (!over) {
			assert_int_equal(lb_json_next(j, &rec, &err), 1);
			assert_int_equal(rec.fields[0].len, LB_MAX_FIELD);
			assert_int_equal(lb_json_next(j, &rec, &err), 0);
		} else {
			assert_int_equal(lb_json_next(j, &rec, &err), -1);
			assert_string_equal(err.msg,
			    "value longer than 65536 bytes");
			assert_int_equal(err.col, 7);
		}
		lb_json_close(j);
		close(fd);
		memset(p + 6, '1', n);
		memcpy(p + 6 + n, "}]", 2);
		j = lb_json_open_mem(p, 6 + n + 2);
		if (!over) {
			assert_int_equal(lb_json_next(j, &rec, &err), 1);
			assert_int_equal(rec.fields[0].len, LB_MAX_FIELD);
			assert_int_equal(rec.fields[0].type, LB_VAL_NUMBER);
		} else {
			assert_int_equal(lb_json_next(j, &rec, &err), -1);
			assert_string_equal(err.msg,
			    "value longer than 65536 bytes");
			assert_int_equal(err.col, 7);
		}
		lb_json_close(j);

		/* LB_MAX_FIELDS (+1) members. */
		n = LB_MAX_FIELDS + (size_t)over;
		len = (size_t)snprintf(p, 64, "[{");
		for (i = 0; i < n; i++)
			len += (size_t)snprintf(p + len, 32, "%s\"m%zu\":%zu",
			    i == 0 ? "" : ",", i, i);
		len += (size_t)snprintf(p + len, 16, "}]");
		j = lb_json_open_mem(p, len);
		if (!over) {
			assert_int_equal(lb_json_next(j, &rec, &err), 1);
			assert_int_equal(rec.nfields, LB_MAX_FIELDS);
			assert_memory_equal(rec.fields[255].name, "m255", 4);
			assert_memory_equal(rec.fields[255].val, "255", 3);
		} else {
			assert_int_equal(lb_json_next(j, &rec, &err), -1);
			assert_string_equal(err.msg,
			    "object has more than 256 members");
		}
		lb_json_close(j);
	}
	free(p);
}

/*
 * A child writes a prefix and then 100 MB of one value into a pipe; the
 * reader must refuse it after about LB_MAX_FIELD bytes, cutting the child
 * short (it exits 0 only on EPIPE).
 */
static void
test_huge_value_pipe(void **state)
{
	static const struct {
		const char	*prefix;
		char		 fill;
		unsigned long	 col;
		const char	*msg;
	} cases[] = {
		{ "[{\"a\":\"", 's', 7, "value longer than 65536 bytes" },
		{ "[{\"a\":1", '2', 7, "value longer than 65536 bytes" },
		{ "[{\"", 'n', 3, "member name longer than 64 bytes" },
		{ "[{\"a\":t", 'r', 7, "invalid literal \"trrrrrrrrrrrrrrr...\"" },
	};
	static char		 chunk[64 * 1024];
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_json		*j;
	size_t			 i, total = 0, want = (size_t)100 << 20;
	ssize_t			 w;
	pid_t			 pid;
	int			 fds[2], status;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid != -1);
		if (pid == 0) {
			signal(SIGPIPE, SIG_IGN);
			close(fds[0]);
			memset(chunk, cases[i].fill, sizeof(chunk));
			if (write(fds[1], cases[i].prefix,
			    strlen(cases[i].prefix)) < 0)
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
		j = lb_json_open_fd(fds[0]);
		assert_int_equal(lb_json_next(j, &rec, &err), -1);
		assert_string_equal(err.msg, cases[i].msg);
		assert_int_equal(err.line, 1);
		assert_int_equal(err.col, cases[i].col);
		lb_json_close(j);
		close(fds[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
}

static char *
big_input(size_t *lenp, size_t rows)
{
	static const char	*vals[] = {
		"\"plain\"", "\"esc \\\" \\\\ \\n \\u00e9 \\ud83d\\ude00\"",
		"-12.5e+3", "0", "true", "false", "null", "\"\xc3\xa9t\xc3\xa9\"",
		"\"\"",
	};
	char	*p;
	size_t	 len, cap, i, k;
	int	 n;

	cap = rows * 160 + 64;
	p = malloc(cap);
	assert_non_null(p);
	len = (size_t)snprintf(p, cap, "[\n");
	for (i = 0; i < rows; i++) {
		k = i * 7;
		n = snprintf(p + len, cap - len,
		    "%s{\"id\": %zu,%s\"a\":%s, \"b\" :%s,\t\"c\":%s}",
		    i == 0 ? "  " : ",\r\n  ", i, i % 2 ? "\n    " : " ",
		    vals[k % 9], vals[(k / 9) % 9], vals[(k / 81) % 9]);
		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
	len += (size_t)snprintf(p + len, cap - len, "\n]\n");
	*lenp = len;
	return p;
}

static char *
digest(struct lb_json *j, size_t *nrec)
{
	struct lb_record	 rec;
	struct lb_read_error	 err;
	char			*out;
	size_t			 cap = (size_t)16 << 20, len = 0, i;
	int			 r, n;

	out = malloc(cap);
	assert_non_null(out);
	*nrec = 0;
	while ((r = lb_json_next(j, &rec, &err)) == 1) {
		n = snprintf(out + len, cap - len, "%lu:%lu{", rec.line,
		    rec.col);
		len += (size_t)n;
		for (i = 0; i < rec.nfields; i++) {
			n = snprintf(out + len, cap - len, "%lu:%lu %.*s=%d[%.*s]",
			    rec.fields[i].line, rec.fields[i].col,
			    (int)rec.fields[i].name_len, rec.fields[i].name,
			    rec.fields[i].type,
			    (int)rec.fields[i].len, rec.fields[i].val);
			assert_true(n > 0 && (size_t)n < cap - len);
			len += (size_t)n;
		}
		(*nrec)++;
	}
	if (r != 0)
		print_error("%lu:%lu: %s\n", err.line, err.col, err.msg);
	assert_int_equal(r, 0);
	return out;
}

static void
test_pipe_chunks(void **state)
{
	struct lb_json	*j;
	char		*in, *a, *b;
	size_t		 len, off, n, na, nb;
	pid_t		 pid;
	int		 fds[2], status;

	in = big_input(&len, 8000);
	assert_true(len > 3 * BOUNDARY);
	j = lb_json_open_mem(in, len);
	a = digest(j, &na);
	lb_json_close(j);
	assert_int_equal(na, 8000);

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		close(fds[0]);
		for (off = 0; off < len; off += n) {
			n = 1 + off % 17;
			if (n > len - off)
				n = len - off;
			if (write(fds[1], in + off, n) != (ssize_t)n)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	j = lb_json_open_fd(fds[0]);
	b = digest(j, &nb);
	lb_json_close(j);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(nb, na);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(in);
}

/* One object straddles the first 64 KiB boundary at every byte of mid. */
static void
test_straddle(void **state)
{
	static const char	 mid[] =
	    "\"\xe2\x82\xac\\ud83d\\ude00\\n\", \"b\": false, \"c\": -1.5e3}";
	struct lb_record	 rec;
	struct lb_read_error	 err;
	struct lb_json		*j;
	char			*in;
	size_t			 len, pre, cut;
	int			 fd;

	for (cut = 0; cut < sizeof(mid) - 1; cut++) {
		/* "[{\"x\":\"" + pre v's + "\", \"a\": " + mid + "]" */
		pre = BOUNDARY - 7 - 8 - cut;
		len = 7 + pre + 8 + (sizeof(mid) - 1) + 1;
		in = malloc(len);
		assert_non_null(in);
		memcpy(in, "[{\"x\":\"", 7);
		memset(in + 7, 'v', pre);
		memcpy(in + 7 + pre, "\", \"a\": ", 8);
		memcpy(in + 15 + pre, mid, sizeof(mid) - 1);
		in[len - 1] = ']';
		fd = padded_file(0, in, len);
		j = lb_json_open_fd(fd);
		assert_int_equal(lb_json_next(j, &rec, &err), 1);
		assert_int_equal(rec.nfields, 4);
		assert_int_equal(rec.fields[0].len, pre);
		assert_int_equal(rec.fields[1].len, 8);
		assert_memory_equal(rec.fields[1].val,
		    "\xe2\x82\xac\xf0\x9f\x98\x80\n", 8);
		assert_int_equal(rec.fields[1].col, pre + 16);
		assert_int_equal(rec.fields[2].type, LB_VAL_BOOL);
		assert_memory_equal(rec.fields[3].val, "-1.5e3", 6);
		assert_int_equal(lb_json_next(j, &rec, &err), 0);
		lb_json_close(j);
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
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_huge_value_pipe),
		cmocka_unit_test(test_pipe_chunks),
		cmocka_unit_test(test_straddle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
