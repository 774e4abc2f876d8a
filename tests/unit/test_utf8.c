/*
 * test_utf8.c: unit tests of the strict UTF-8 module (src/lib/utf8.c).
 *
 * Known answers at every edge of RFC 3629 (overlongs, surrogates, the top
 * of the code space, truncation), then exhaustive checks: every scalar
 * value round-trips through encode and decode, and every two- and
 * three-byte sequence is judged the same as a reference built from the
 * definition.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "utf8.h"

#define S(s)	(const unsigned char *)s, sizeof(s) - 1

struct decode_case {
	const unsigned char	*in;
	size_t			 len;
	int			 want;	/* length, 0 (incomplete) or -1 */
	uint32_t		 cp;	/* when valid */
	size_t			 badlen; /* when invalid */
};

static const struct decode_case decode_cases[] = {
	{ S("\x00"), 1, 0x00, 0 },
	{ S("\x7f"), 1, 0x7f, 0 },
	{ S("\xc2\x80"), 2, 0x80, 0 },
	{ S("\xdf\xbf"), 2, 0x7ff, 0 },
	{ S("\xe0\xa0\x80"), 3, 0x800, 0 },
	{ S("\xed\x9f\xbf"), 3, 0xd7ff, 0 },
	{ S("\xee\x80\x80"), 3, 0xe000, 0 },
	{ S("\xef\xbf\xbf"), 3, 0xffff, 0 },
	{ S("\xf0\x90\x80\x80"), 4, 0x10000, 0 },
	{ S("\xf4\x8f\xbf\xbf"), 4, 0x10ffff, 0 },
	{ S("\xc3\xa9x"), 2, 0xe9, 0 },
	{ S("\x80"), -1, 0, 1 },
	{ S("\xbf"), -1, 0, 1 },
	{ S("\xc0\x80"), -1, 0, 1 },
	{ S("\xc1\xbf"), -1, 0, 1 },
	{ S("\xf5\x80\x80\x80"), -1, 0, 1 },
	{ S("\xff"), -1, 0, 1 },
	{ S("\xe0\x80\x80"), -1, 0, 2 },
	{ S("\xe0\x9f\xbf"), -1, 0, 2 },
	{ S("\xed\xa0\x80"), -1, 0, 2 },
	{ S("\xed\xbf\xbf"), -1, 0, 2 },
	{ S("\xf0\x80\x80\x80"), -1, 0, 2 },
	{ S("\xf0\x8f\xbf\xbf"), -1, 0, 2 },
	{ S("\xf4\x90\x80\x80"), -1, 0, 2 },
	{ S("\xc2\x41"), -1, 0, 2 },
	{ S("\xe2\x82\x41"), -1, 0, 3 },
	{ S("\xf0\x9f\x98\x41"), -1, 0, 4 },
	{ S("\xf0\x9f\x98\xc0"), -1, 0, 4 },
	{ S("\xc2"), 0, 0, 0 },
	{ S("\xe2\x82"), 0, 0, 0 },
	{ S("\xf0\x9f\x98"), 0, 0, 0 },
	{ S("\xe0"), 0, 0, 0 },
};

static void
test_decode_table(void **state)
{
	const struct decode_case	*t;
	uint32_t			 cp;
	size_t				 i, bad;
	int				 r;

	for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
		t = &decode_cases[i];
		cp = 0xdeadbeef;
		bad = 99;
		r = lb_utf8_decode(t->in, t->len, &cp, &bad);
		if (r != t->want)
			print_error("case %zu: got %d, want %d\n", i, r, t->want);
		assert_int_equal(r, t->want);
		if (r > 0)
			assert_int_equal(cp, t->cp);
		if (r < 0)
			assert_int_equal(bad, t->badlen);
		/* Optional outputs may be NULL. */
		assert_int_equal(lb_utf8_decode(t->in, t->len, NULL, NULL), r);
	}
}

static void
test_roundtrip_all(void **state)
{
	unsigned char	 b[LB_UTF8_MAX];
	uint32_t	 cp, got;
	size_t		 n;

	for (cp = 0; cp <= 0x10ffff + 16; cp++) {
		n = lb_utf8_encode(cp, b);
		if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
			assert_int_equal(n, 0);
			continue;
		}
		assert_int_equal(n, cp < 0x80 ? 1 : cp < 0x800 ? 2 :
		    cp < 0x10000 ? 3 : 4);
		assert_int_equal(lb_utf8_decode(b, n, &got, NULL), (int)n);
		assert_int_equal(got, cp);
		/* Every proper prefix is incomplete, not invalid. */
		if (n > 1)
			assert_int_equal(lb_utf8_decode(b, n - 1, NULL, NULL),
			    0);
	}
}

/* Reference: a sequence is valid iff it is the encoding of its value. */
static int
reference(const unsigned char *b, size_t n)
{
	unsigned char	 e[LB_UTF8_MAX];
	uint32_t	 v;
	size_t		 i;

	if (n == 2)
		v = b[0] & 0x1fu;
	else
		v = b[0] & 0x0fu;
	for (i = 1; i < n; i++) {
		if ((b[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (b[i] & 0x3fu);
	}
	return lb_utf8_encode(v, e) == n && memcmp(e, b, n) == 0;
}

static void
test_exhaustive_short(void **state)
{
	unsigned char	 b[3];
	unsigned	 x, y, z;

	for (x = 0xc0; x <= 0xdf; x++)
		for (y = 0; y < 256; y++) {
			b[0] = (unsigned char)x;
			b[1] = (unsigned char)y;
			assert_int_equal(lb_utf8_decode(b, 2, NULL, NULL) == 2,
			    reference(b, 2));
		}
	for (x = 0xe0; x <= 0xef; x++)
		for (y = 0; y < 256; y++)
			for (z = 0; z < 256; z++) {
				b[0] = (unsigned char)x;
				b[1] = (unsigned char)y;
				b[2] = (unsigned char)z;
				assert_int_equal(lb_utf8_decode(b, 3, NULL,
				    NULL) == 3, reference(b, 3));
			}
}

static void
test_strerror(void **state)
{
	static const struct {
		const char	*in;
		size_t		 n;
		int		 at_end;
		const char	*want;
	} cases[] = {
		{ "\xff", 1, 0, "invalid UTF-8 byte 0xff" },
		{ "\x80", 1, 0, "invalid UTF-8 byte 0x80" },
		{ "\xe0\x80", 2, 0, "invalid UTF-8: overlong sequence 0xe0 0x80" },
		{ "\xf0\x8f", 2, 0, "invalid UTF-8: overlong sequence 0xf0 0x8f" },
		{ "\xed\xa0", 2, 0, "invalid UTF-8: encoded surrogate 0xed 0xa0" },
		{ "\xf4\x90", 2, 0,
		    "invalid UTF-8: code point above U+10FFFF 0xf4 0x90" },
		{ "\xe2\x82\x41", 3, 0,
		    "invalid UTF-8: truncated sequence 0xe2 0x82" },
		{ "\xc2\x41", 2, 0, "invalid UTF-8: truncated sequence 0xc2" },
		{ "\xf0\x9f\x98", 3, 1, "invalid UTF-8: truncated sequence "
		    "0xf0 0x9f 0x98 at end of input" },
	};
	char	 msg[256];
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		lb_utf8_strerror(msg, sizeof(msg),
		    (const unsigned char *)cases[i].in, cases[i].n,
		    cases[i].at_end);
		assert_string_equal(msg, cases[i].want);
	}
	/* Truncation of the message itself is safe. */
	lb_utf8_strerror(msg, 8, (const unsigned char *)"\xff", 1, 0);
	assert_string_equal(msg, "invalid");
}

static void
test_validate(void **state)
{
	size_t	 off = 99;

	assert_int_equal(lb_utf8_validate("", 0, &off), 0);
	assert_int_equal(lb_utf8_validate("abc\xc3\xa9\xf0\x9f\x98\x80", 9,
	    &off), 0);
	assert_int_equal(lb_utf8_validate("ab\xc3\xa9\xff", 5, &off), -1);
	assert_int_equal(off, 4);
	assert_int_equal(lb_utf8_validate("ab\xe2\x82", 4, &off), -1);
	assert_int_equal(off, 2);
	assert_int_equal(lb_utf8_validate("\xed\xa0\x80", 3, NULL), -1);
}

static void
test_quote(void **state)
{
	char	 q[96];

	assert_string_equal(lb_utf8_quote(q, sizeof(q), "ref", 3), "\"ref\"");
	assert_string_equal(lb_utf8_quote(q, sizeof(q), "", 0), "\"\"");
	assert_string_equal(lb_utf8_quote(q, sizeof(q), "a\"b\\c", 5),
	    "\"a\\\"b\\\\c\"");
	assert_string_equal(lb_utf8_quote(q, sizeof(q), "a\nb\x7f\xff", 5),
	    "\"a\\x0ab\\x7f\\xff\"");
	assert_string_equal(lb_utf8_quote(q, sizeof(q), "\xc3\xa9t\xc3\xa9",
	    5), "\"\xc3\xa9t\xc3\xa9\"");
	/* Shortened to fit, never inside a character. */
	assert_string_equal(lb_utf8_quote(q, 10, "abcdefgh", 8),
	    "\"abcd...\"");
	assert_string_equal(lb_utf8_quote(q, 10, "abcd", 4), "\"abcd\"");
	assert_string_equal(lb_utf8_quote(q, 9, "a\xe2\x82\xac\xe2\x82\xac",
	    7), "\"a...\"");
	assert_string_equal(lb_utf8_quote(q, 12, "a\xe2\x82\xac\xe2\x82\xac",
	    7), "\"a\xe2\x82\xac...\"");
	assert_string_equal(lb_utf8_quote(q, 8, "abcdefgh", 8), "\"ab...\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_table),
		cmocka_unit_test(test_roundtrip_all),
		cmocka_unit_test(test_exhaustive_short),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_quote),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
